r"""Round 14b F5 and F6 (/work/findings/round14b.md): the LaTeX grammar reads as the plain one.

* F6 — ``2^3^2`` is a TeX error ("Double superscript"); the LaTeX grammar read it as
  (2³)² = 64 and *proved* ``2^3^2 = 64`` while the plain grammar reads 2^(3²) = 512. Two
  readings: not read. Braces say which one is meant.
* F5 — inside a written derivative, ``\max``/``\min`` took the tie from the argument written
  first, against docs/conventions.md (the first in SymPy's canonical order): d/dx max(x, 0)
  and d/dx max(0, x) — one function — were told apart at x = 0.
"""

import json
import subprocess
import sys

import pytest

from symderive.errors import ParseError
from symderive.grammar.latex import parse_latex_math


def read(text: str):
    return parse_latex_math(text, source="note.md", line=1)


@pytest.mark.parametrize("text", [r"2^3^2", r"x^2^3", r"x^{2}^{3}", r"e^x^2"])
def test_a_double_superscript_has_two_readings_and_is_not_read(text):
    with pytest.raises(ParseError, match="double superscript"):
        read(text)


@pytest.mark.parametrize(("text", "value"), [(r"2^{3^2}", 512), (r"{2^3}^2", 64),
                                             (r"(2^3)^2", 64)])
def test_braces_say_which_power_is_meant(text, value):
    assert read(text) == value


def verdict(left: str, right: str) -> str:
    """``symderive equal --latex LEFT RIGHT``, as a user runs it."""
    done = subprocess.run([sys.executable, "-m", "symderive", "equal", "--latex", "--json",
                           left, right], capture_output=True, text=True, timeout=120)
    return json.loads(done.stdout)["verdict"]


@pytest.mark.parametrize(("left", "right"), [
    (r"\frac{d}{dx}\max(x,0)", r"\frac{d}{dx}\max(0,x)"),
    (r"\frac{d}{dx}\min(x,0)", r"\frac{d}{dx}\min(0,x)"),
    (r"\frac{d}{dx}\max(x,y)", r"\frac{d}{dx}\max(y,x)"),
])
def test_the_derivative_of_max_does_not_depend_on_the_written_order(left, right):
    assert verdict(left, right) in ("proved", "checked")


def test_relu_has_derivative_zero_at_zero_whichever_way_max_is_written():
    assert verdict(r"\frac{d}{dx}\max(0,x)", r"\mathbb{1}(x > 0)") in ("proved", "checked")
    assert verdict(r"\frac{d}{dx}\max(x,0)", r"\mathbb{1}(x \ge 0)") == "refuted"


# -- 14b F10: an odd root of a base known to be non-positive is its real root --------------------
@pytest.mark.parametrize("written, real_root", [
    ("(-x^2)^(1/3)", "-(x^2)^(1/3)"),  # −|x|^(2/3), real at every x (0 at 0)
    ("(-abs(x))^(1/3)", "-abs(x)^(1/3)"),
    ("(-x^2)^(2/3)", "(x^2)^(2/3)"),  # an even power of the real cube root
    ("(-2*x^2)^(1/5)", "-(2*x^2)^(1/5)"),
])
def test_an_odd_root_of_a_non_positive_base_is_the_real_root(written, real_root):
    import sympy as sp

    from symderive.grammar.plain import parse_expression

    left, right = parse_expression(written), parse_expression(real_root)
    for value in (sp.Rational(-7, 3), 0, sp.Rational(5, 2)):
        at = {symbol: value for symbol in left.free_symbols | right.free_symbols}
        here = sp.N(left.xreplace(at), 30)
        assert here.is_real and abs(here - sp.N(right.xreplace(at), 30)) < 1e-25
