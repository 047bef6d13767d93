"""``swagger_client.BigDecimal``: the decimal type swagger-codegen's examples name.

swagger-codegen maps the descriptor's ``format: number`` strings (amounts, prices) to a
``BigDecimal`` class its Python client never defined, so its examples failed at
``swagger_client.BigDecimal()``. Here it is :class:`decimal.Decimal`: such parameters
take a ``Decimal``, an ``int``, a ``float`` or a numeric ``str``, and travel as text.
"""

from decimal import Decimal as BigDecimal

__all__ = ["BigDecimal"]
