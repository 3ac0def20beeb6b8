"""``--assume`` text gives each variable a domain and a SymPy symbol with matching assumptions."""

from __future__ import annotations

import pytest
import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.assumptions import KINDS, parse_assumptions, symbols_for
from symderive.grammar.plain import parse_expression
from symderive.model import Domain, domain_from_assumptions


def kinds(text: str) -> dict[str, str]:
    return {name: domain.kind for name, domain in parse_assumptions(text).items()}


def test_several_names_share_one_kind():
    assert kinds("a,b positive") == {"a": "positive", "b": "positive"}
    assert kinds(" a ,  b   positive ") == {"a": "positive", "b": "positive"}


def test_statements_are_separated_by_semicolons():
    assert kinds("x real; p probability; n size") == {
        "x": "real",
        "p": "probability",
        "n": "size",
    }
    assert kinds("x real;; y nonzero;") == {"x": "real", "y": "nonzero"}


def test_subscripted_names_are_accepted():
    assert kinds("y_1, w0 integer") == {"y_1": "integer", "w0": "integer"}


def test_repeating_a_name_with_the_same_kind_is_harmless():
    assert kinds("a positive; a positive") == {"a": "positive"}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_a_domain_of_the_model(kind):
    assert parse_assumptions(f"t {kind}") == {"t": Domain(kind)}


@pytest.mark.parametrize(
    "kind, facts",
    [
        ("real", {"is_real": True}),
        ("positive", {"is_positive": True}),
        ("negative", {"is_negative": True}),
        ("nonnegative", {"is_nonnegative": True, "is_real": True}),
        ("nonzero", {"is_nonzero": True, "is_real": True}),
        ("integer", {"is_integer": True}),
        ("probability", {"is_positive": True}),
        ("size", {"is_integer": True, "is_positive": True}),
    ],
)
def test_symbols_carry_the_sympy_assumptions_of_their_kind(kind, facts):
    symbol = symbols_for(parse_assumptions(f"t {kind}"))["t"]
    for fact, value in facts.items():
        assert getattr(symbol, fact) is value, fact


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "probability"])
def test_the_model_reads_the_same_domain_back_from_the_symbol(kind):
    """A probability is the one kind SymPy cannot express (below 1): it needs its Domain."""
    symbol = symbols_for({"t": Domain(kind)})["t"]
    assert domain_from_assumptions(symbol) == Domain(kind)


def test_assumptions_let_sympy_prove_the_logarithm_of_a_product():
    symbols = symbols_for(parse_assumptions("a, b positive"))
    product = parse_expression("log(a*b)", symbols=symbols)
    split = parse_expression("log(a) + log(b)", symbols=symbols)
    assert sp.expand_log(product) == split
    real = parse_expression("log(a*b)")
    assert sp.expand_log(real) != parse_expression("log(a) + log(b)")


ERRORS = [
    ("a", 1, "has no kind"),
    ("a, b", 4, "has no kind"),
    ("a b positive", 3, "is missing"),
    ("x fuzzy", 3, "'fuzzy' is not a kind"),
    ("positive", 1, "expected a variable name"),
    (",a positive", 1, "comma must follow a name"),
    ("x real, y real", 7, "separate statements with ';'"),
    ("a positive; a negative", 13, "both positive and negative"),
    ("e positive", 1, "reserved"),
    ("exp real", 1, "reserved"),
    ("x__y real", 1, "not a valid variable name"),
    ("x = 1", 3, "unexpected character '='"),
    ("\u0430 positive", 1, "did you mean 'a'"),
    ("", 0, "no assumptions"),
    (" ; ", 0, "no assumptions"),
]


@pytest.mark.parametrize("text, column, words", ERRORS, ids=[repr(e[0]) for e in ERRORS])
def test_bad_assumptions_are_one_line_errors_with_a_column(text, column, words):
    with pytest.raises(ParseError) as raised:
        parse_assumptions(text)
    assert raised.value.column == column
    assert raised.value.source == "--assume"
    assert words in raised.value.message
