"""Round 13 F3 (/work/findings/round13.md): a real root inside exp and log keeps its real value.

Under the real-root convention (docs/conventions.md) x^(2/3) = |x|^(2/3) > 0 for x < 0, so
ln(x^{2/3}) = (2/3) ln|x| and e^{(3/2) ln(x^{2/3})} = |x|.  SymPy folds exp(c·log u) into u^c
and then merges (x^(2/3))^(3/2) into x by its complex principal branch: the false ``= x`` was
proved and the true ``= |x|`` refuted with a left value of -5.67 at x = -17/3.  The same holds
for every route by which SymPy meets a real root — a log of a power, a power of a product, a
point written into x^(1/3) under |·| — so each false claim below has a true control of the
same form that must hold.
"""

import json
from fractions import Fraction

import mpmath
import pytest
import sympy as sp

from symderive.cli import main
from symderive.real_roots import at_point
from tests.notes.note_steps import first_verdicts

HOLDS = ("proved", "checked")


def judged(capsys, lhs: str, rhs: str) -> dict:
    main(["equal", "--json", "--", lhs, rhs])
    return json.loads(capsys.readouterr().out)


def real_root(value: Fraction, p: int, q: int) -> mpmath.mpf:
    """x^(p/q) with q odd: the real q-th root raised to p (docs/conventions.md)."""
    root = mpmath.root(abs(mpmath.mpf(value.numerator) / value.denominator), q)
    return (-root if value < 0 else root) ** p


# -- exp(c·ln u) with u an even power of an odd root: u^c of the real u ------------------------

@pytest.mark.parametrize(
    ("lhs", "false_rhs", "true_rhs", "value_of"),
    [
        ("exp(log(x^(2/3))*3/2)", "x", "abs(x)",
         lambda x: mpmath.exp(mpmath.log(real_root(x, 2, 3)) * 1.5)),
        ("exp(3/2*log(x^(2/3)))", "x", "abs(x)",
         lambda x: mpmath.exp(mpmath.log(real_root(x, 2, 3)) * 1.5)),
        ("exp(log(x^(2/3))/2)", "x^(1/3)", "abs(x)^(1/3)",
         lambda x: mpmath.exp(mpmath.log(real_root(x, 2, 3)) / 2)),
        ("exp(3*log(x^(2/5))/4)", "x^(3/10)", "abs(x)^(3/10)",
         lambda x: mpmath.exp(mpmath.log(real_root(x, 2, 5)) * 0.75)),
        ("exp(log(x^(1/3)*x^(1/3))*3/2)", "x", "abs(x)",
         lambda x: mpmath.exp(mpmath.log(real_root(x, 1, 3) ** 2) * 1.5)),
        ("(2*x^(2/3))^(3/2)", "2*sqrt(2)*x", "2*sqrt(2)*abs(x)",
         lambda x: (2 * real_root(x, 2, 3)) ** 1.5),
    ],
)
def test_e_to_c_ln_of_an_even_power_of_an_odd_root_is_a_power_of_abs_x(
        capsys, lhs, false_rhs, true_rhs, value_of):
    false = judged(capsys, lhs, false_rhs)
    assert false["verdict"] == "refuted"
    x = Fraction(false["counterexample"]["values"]["x"])
    assert x < 0
    written = value_of(x)  # the written left side at the counterexample, by hand
    assert written > 0
    assert float(false["counterexample"]["lhs_value"]) == pytest.approx(float(written))
    assert judged(capsys, lhs, true_rhs)["verdict"] in HOLDS


def test_the_log_of_an_even_power_of_an_odd_root_is_a_multiple_of_log_abs_x(capsys):
    assert judged(capsys, "log(x^(2/3))", "2/3*log(abs(x))")["verdict"] in HOLDS
    assert judged(capsys, "log(x^(4/5))", "4/5*log(abs(x))")["verdict"] in HOLDS
    # (2/3) ln x has no real value at x < 0, where ln(x^{2/3}) has one: never proved
    assert judged(capsys, "log(x^(2/3))", "2/3*log(x)")["verdict"] not in HOLDS


@pytest.mark.parametrize(
    ("lhs", "rhs"),
    [
        ("(x^(2/3))^(3/2)", "abs(x)"),
        ("sqrt(x^2)", "abs(x)"),
        ("exp(log(x^2)/2)", "abs(x)"),
        ("(x^(1/3))^3", "x"),
        ("(x^3)^(1/3)", "x"),
        ("(x^2)^(1/4)", "sqrt(abs(x))"),
        ("x^(1/3)*x^(2/3)", "x"),
        ("x^(1/3)*x^(1/3)", "x^(2/3)"),
        ("abs(x^(1/3))", "abs(x)^(1/3)"),
    ],
)
def test_true_identities_of_real_roots_still_hold(capsys, lhs, rhs):
    assert judged(capsys, lhs, rhs)["verdict"] in HOLDS


# -- a point written into an odd root: the real root, also under |·| ---------------------------

def test_a_negative_number_written_into_a_cube_root_is_its_real_root():
    x = sp.Symbol("x")
    assert at_point(x ** sp.Rational(1, 3), {x: -8}) == -2
    assert at_point(sp.Abs(x ** sp.Rational(1, 3) + 2), {x: -8}) == 0  # SymPy alone: |1 + i√3 + 2|
    assert at_point(x ** sp.Rational(2, 3), {x: sp.Rational(-27, 8)}) == sp.Rational(9, 4)


def test_abs_of_a_cube_root_plus_one_is_compared_with_the_real_root(capsys):
    # |x^(1/3) + 1|^2 = (x^(1/3) + 1)^2 for every real x; it was "undefined" at x < 0 before
    assert judged(capsys, "abs(x^(1/3)+1)^2", "(x^(1/3)+1)^2")["verdict"] in HOLDS
    false = judged(capsys, "abs(x^(1/3)+1)", "x^(1/3)+1")
    assert false["verdict"] == "refuted"
    x = Fraction(false["counterexample"]["values"]["x"])
    assert float(false["counterexample"]["lhs_value"]) == pytest.approx(
        float(abs(real_root(x, 1, 3) + 1)))


# -- the reviewer's note, and the derivative of x^(2/3) --------------------------------------

NOTE = """# Powers

For every real $x \\ne 0$, $e^{\\frac{3}{2}\\ln(x^{2/3})} = x$.

For every real $x \\ne 0$, $e^{\\frac{3}{2}\\ln(x^{2/3})} = |x|$.

For every real $x \\ne 0$, $\\exp(\\ln(x^{2/3}) \\cdot 3/2) = x$.

For every real $x \\ne 0$, $\\exp(\\ln(x^{2/3}) \\cdot 3/2) = |x|$.

For every real $x \\ne 0$, $\\ln(x^{2/3}) = \\frac{2}{3} \\ln |x|$.

For every real $x \\ne 0$, $\\frac{d}{dx} x^{2/3} = \\frac{2}{3} x^{-1/3}$.

For every real $x$, $(x^{1/3})^3 = x$ and $(x^3)^{1/3} = x$.
"""


def test_the_reviewers_note_refutes_x_and_keeps_abs_x(tmp_path):
    verdicts = first_verdicts(tmp_path, NOTE)
    assert verdicts[3] == "refuted"
    assert verdicts[5] in HOLDS
    assert verdicts[7] == "refuted"
    assert verdicts[9] in HOLDS
    assert verdicts[11] in HOLDS
    assert verdicts[13] in HOLDS  # d/dx x^(2/3) = (2/3) x^(-1/3) with real roots
    assert verdicts[15] in HOLDS
