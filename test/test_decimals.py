"""swagger_client.BigDecimal: the decimal type swagger-codegen's examples name."""

from __future__ import annotations

import decimal

import swagger_client
from swagger_client.operation import Operation, Parameter, Response
from swagger_client.request import build_request


def test_big_decimal_is_decimal_and_amounts_travel_exactly() -> None:
    assert swagger_client.BigDecimal is decimal.Decimal and swagger_client.BigDecimal() == 0
    op = Operation("op", "GET", "/x", (Parameter("amount", "amount", "query", "decimal"),), {200: Response("str")})
    for value, sent in ((swagger_client.BigDecimal("12.50"), "12.50"), (3, "3"), ("7.25", "7.25"), (0.1, "0.1")):
        assert build_request(op, {"amount": value}, "https://x/api").url.endswith("amount=" + sent)
