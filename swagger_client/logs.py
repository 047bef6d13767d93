"""Debug logging per client, the way well-behaved libraries log.

* The ``swagger_client`` logger has a ``NullHandler``: the library prints nothing
  unless the application configures logging (or asks for ``debug``).
* ``Configuration.debug = True`` turns on the request and response lines of the
  clients built from that configuration only, without changing any logger's level.
  The lines go to the application's handlers when it configured some (once each,
  whatever ``logging.basicConfig`` level it chose), else to standard error.
* The ``swagger_client`` logger at DEBUG (the application's choice) turns them on for
  every client, as before.

Every record still passes the logger's filters, so the secret scrubbing of
:mod:`swagger_client.redaction` applies on both paths.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

__all__ = ["debug", "wanted", "PACKAGE_LOGGER"]

PACKAGE_LOGGER = logging.getLogger("swagger_client")
PACKAGE_LOGGER.addHandler(logging.NullHandler())

FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
_stderr = logging.StreamHandler(sys.stderr)
_stderr.setFormatter(logging.Formatter(FORMAT))


def wanted(logger: logging.Logger, client_debug: bool) -> bool:
    """Whether a debug line would be shown: the client asked for it, or the logger is at DEBUG."""
    return client_debug or logger.isEnabledFor(logging.DEBUG)


def debug(logger: logging.Logger, client_debug: bool, message: str, *args: Any) -> None:
    """Log ``message % args`` at DEBUG when the logger is at DEBUG or this client asked for it."""
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(message, *args, stacklevel=2)
        return
    if not client_debug or logger.disabled:
        return
    record = logger.makeRecord(logger.name, logging.DEBUG, "(swagger_client)", 0, message, args, None)
    if _has_handlers(logger):
        logger.handle(record)  # the application's handlers, whatever its logger levels
    elif logger.filter(record):
        _stderr.handle(record)


def _has_handlers(logger: logging.Logger) -> bool:
    """Whether a record of ``logger`` reaches a handler the application (or logger_file) set."""
    current: Any = logger
    while current is not None:
        if any(not isinstance(h, logging.NullHandler) for h in current.handlers):
            return True
        if not current.propagate:
            return False
        current = current.parent
    return False
