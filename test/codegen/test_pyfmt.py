"""Spec values as Python source: literals, docstrings and annotations that always parse."""

from __future__ import annotations

import ast

from codegen.pyfmt import annotation, docstring, literal, typing_order
from test.builders import spec


def test_literals_and_docstrings_parse_back_to_the_text() -> None:
    for text in ["plain", 'with "quotes"', "it's", "back\\slash", 'ends with "']:
        assert ast.literal_eval(literal(text)) == text
        assert ast.literal_eval(docstring(text, 4)).strip() == text.strip()
    assert '"""' not in docstring('has """ inside', 4)[3:-3]


def test_annotations_and_their_imports() -> None:
    referenced: set = set()
    names: set = set()
    assert annotation(spec(), "list[AccountWithCurrency]", referenced, names) == "List[AccountWithCurrency]"
    assert annotation(spec(), "dict(str, list[str])", referenced, names) == "Dict[str, List[str]]"
    assert annotation(spec(), "RoleEnum", referenced, names) == "str"  # enums travel as strings
    assert annotation(spec(), "datetime", referenced, names) == "datetime.datetime"
    assert referenced == {"AccountWithCurrency", "datetime"} and names == {"List", "Dict"}
    assert typing_order({"Optional", "TYPE_CHECKING", "Any"}) == ["TYPE_CHECKING", "Any", "Optional"]
