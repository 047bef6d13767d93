"""Reading a response body whole, within ``Configuration.max_response_bytes``.

urllib3 would read any ``Content-Length`` whole and inflate any ``Content-Encoding``
without limit (1,827 bytes of gzip-in-gzip become 1 GiB). Here the body is read raw,
in pieces, and the cap applies twice: to the bytes on the wire and to the bytes
after decoding. The client asks for ``identity`` (``http.client`` sends
``Accept-Encoding: identity``); a server or proxy that compresses anyway is still
understood for ``gzip`` and ``deflate`` (stacked in any order), decoded within the
cap. Any other encoding (``br``, ``zstd``, ``compress``...) is refused, since the
client has no bounded decoder for it.
"""

from __future__ import annotations

import zlib
from typing import Any, List, Optional

from swagger_client.call_scope import BodyTooLarge

__all__ = ["read_body", "UnsupportedEncoding", "BodyDecodeFailed", "READ_PIECE"]

#: Bytes asked for per read; the socket buffer behind it is as large.
READ_PIECE = 64 * 1024

_GZIP = 16 + zlib.MAX_WBITS
_ZLIB_OR_GZIP = 32 + zlib.MAX_WBITS
_RAW_DEFLATE = -zlib.MAX_WBITS


class UnsupportedEncoding(ValueError):
    """The response uses a Content-Encoding the client cannot decode within bounds."""


class BodyDecodeFailed(ValueError):
    """The body does not decode per its Content-Encoding (corrupt gzip/deflate data)."""


def read_body(response: Any, max_bytes: Optional[int]) -> bytes:
    """The whole body of a urllib3 response opened with ``preload_content=False, decode_content=False``.

    Raises :class:`~swagger_client.call_scope.BodyTooLarge` past ``max_bytes`` (wire or
    decoded), :class:`UnsupportedEncoding`, :class:`BodyDecodeFailed`, or whatever urllib3
    raises for a broken connection. The connection goes back to the pool only after a
    complete read; the caller closes it on any error.
    """
    headers = response.headers
    encodings = _encodings(headers.get("Content-Encoding"))
    length = headers.get("Content-Length")
    declared = int(length) if length is not None and length.strip().isdigit() else None
    if max_bytes is not None and declared is not None and declared > max_bytes:
        raise BodyTooLarge()  # refuse before reading a byte of it
    data: bytes
    if declared is not None and not response.chunked:  # urllib3 reads Transfer-Encoding for us
        # http.client reads exactly Content-Length bytes, which is within the cap: one call.
        data = response.read(decode_content=False)
    else:
        data = _read_pieces(response, max_bytes)
    response.release_conn()
    for encoding in reversed(encodings):  # the last one listed was applied last
        data = _inflate(data, encoding, max_bytes)
    return data


def _read_pieces(response: Any, max_bytes: Optional[int]) -> bytes:
    """A body of unknown length (chunked, or until the connection closes), piece by piece."""
    pieces: List[bytes] = []
    size = 0
    while True:
        piece = response.read(READ_PIECE, decode_content=False)
        if not piece:
            break
        size += len(piece)
        if max_bytes is not None and size > max_bytes:
            raise BodyTooLarge()
        pieces.append(piece)
    return b"".join(pieces)


def _encodings(header: Optional[str]) -> List[str]:
    if not header:
        return []
    found = [e.strip().lower() for e in header.split(",") if e.strip()]
    found = [e for e in found if e != "identity"]
    for encoding in found:
        if encoding not in ("gzip", "x-gzip", "deflate"):
            raise UnsupportedEncoding(
                "the server sent Content-Encoding %s, which the client did not ask for and does not decode"
                % encoding[:40]
            )
    return found


def _inflate(data: bytes, encoding: str, max_bytes: Optional[int]) -> bytes:
    if not data:
        return data
    if encoding == "deflate":
        try:
            return _bounded_inflate(data, _ZLIB_OR_GZIP, max_bytes)
        except BodyDecodeFailed:
            return _bounded_inflate(data, _RAW_DEFLATE, max_bytes)  # servers that send raw deflate
    return _bounded_inflate(data, _GZIP, max_bytes)


def _bounded_inflate(data: bytes, wbits: int, max_bytes: Optional[int]) -> bytes:
    """Inflate ``data`` (several gzip members too), never holding more than ``max_bytes`` of output."""
    out: List[bytes] = []
    size = 0
    decoder = zlib.decompressobj(wbits)
    pending = data
    try:
        while True:
            room = 0 if max_bytes is None else max_bytes - size + 1
            piece = decoder.decompress(pending, room)
            size += len(piece)
            if max_bytes is not None and size > max_bytes:
                raise BodyTooLarge()
            out.append(piece)
            if decoder.unconsumed_tail:
                pending = decoder.unconsumed_tail
            elif decoder.eof:
                if not (decoder.unused_data and wbits == _GZIP):
                    break
                pending = decoder.unused_data  # the next gzip member
                decoder = zlib.decompressobj(wbits)
            elif piece:
                pending = b""  # input used up; ask for output zlib may still hold
            else:
                raise BodyDecodeFailed("the compressed body ends early")
    except zlib.error as exc:
        kind = "gzip" if wbits == _GZIP else "deflate"
        raise BodyDecodeFailed("the body is not valid %s data (%s)" % (kind, exc)) from None
    return b"".join(out)
