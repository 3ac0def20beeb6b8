"""Round 12b F6, F7 (/work/findings/round12b.md): the real-number conventions of
docs/conventions.md, whatever SymPy rewrote at construction.

- F7: under the real-root convention x^(2/3) = (x^(1/3))^2 = |x|^(2/3) >= 0, so
  (x^(2/3))^(3/2) = |x|; SymPy's power rule (its complex principal branch) built the side as x,
  which proved ``= x`` (false at x = -8) and refuted the true ``= abs(x)`` with a left value
  that was not the written side's.  A counterexample's values are those of the written sides.
- F6: a point where one written side is real and the other is not refutes an equation over the
  reals, also when SymPy cancelled the term that is not real (0·log x → 0); a claim whose sides
  are real at no point seen is never *proved* (a proof about no real number).

Each false row is the reviewer's; each control is a true claim of the same form.
"""

import json
from fractions import Fraction

import mpmath
import pytest

from symderive.cli import main
from symderive.grammar.plain import parse_side

HOLDS = ("proved", "checked")


def judged(capsys, lhs: str, rhs: str, *options: str) -> dict:
    main(["equal", "--json", *options, "--", lhs, rhs])
    return json.loads(capsys.readouterr().out)


def real_root(value: Fraction, p: int, q: int) -> mpmath.mpf:
    """x^(p/q) with q odd: the real q-th root raised to p (docs/conventions.md)."""
    root = mpmath.root(abs(mpmath.mpf(value.numerator) / value.denominator), q)
    return (-root if value < 0 else root) ** p


def point_of(result: dict) -> Fraction:
    return Fraction(result["counterexample"]["values"]["x"])


# -- F7: a power of a power with rational exponents keeps the written value -------------------

@pytest.mark.parametrize(
    ("lhs", "false_rhs", "true_rhs", "value_of"),
    [
        ("(x^(2/3))^(3/2)", "x", "abs(x)", lambda x: abs(real_root(x, 2, 3)) ** 1.5),
        ("(x^(2/5))^(5/2)", "x", "abs(x)", lambda x: abs(real_root(x, 2, 5)) ** 2.5),
        ("(x^(4/5))^(5/4)", "x", "abs(x)", lambda x: abs(real_root(x, 4, 5)) ** 1.25),
        ("(x^(2/3))^(9/2)", "x^3", "abs(x)^3", lambda x: abs(real_root(x, 2, 3)) ** 4.5),
        ("sqrt(x^(2/3))", "x^(1/3)", "abs(x)^(1/3)", lambda x: mpmath.sqrt(real_root(x, 2, 3))),
    ],
)
def test_a_power_of_an_even_power_of_an_odd_root_is_a_power_of_abs_x(
        capsys, lhs, false_rhs, true_rhs, value_of):
    false = judged(capsys, lhs, false_rhs)
    assert false["verdict"] == "refuted"
    x = point_of(false)
    assert x < 0
    written = value_of(x)  # the written left side at the counterexample, by hand
    assert abs(float(false["counterexample"]["lhs_value"]) - float(written)) < 1e-9
    assert float(false["counterexample"]["lhs_value"]) > 0
    assert judged(capsys, lhs, true_rhs)["verdict"] in HOLDS


def test_a_power_three_quarters_of_x_two_thirds_is_the_root_of_abs_x(capsys):
    assert judged(capsys, "(x^(2/3))^(3/4)", "sqrt(abs(x))")["verdict"] in HOLDS
    false = judged(capsys, "(x^(2/3))^(3/4)", "sqrt(x)")  # the left side is real at x < 0
    assert false["verdict"] == "refuted"
    assert false["counterexample"]["rhs_value"].startswith("undefined")


def test_the_constant_forms_agree_with_the_variable_forms(capsys):
    assert judged(capsys, "((-8)^(2/3))^(3/2)", "8")["verdict"] == "proved"
    assert judged(capsys, "((-8)^(2/3))^(3/4)", "sqrt(8)")["verdict"] == "proved"


def test_the_latex_grammar_shares_the_rule(capsys):
    assert judged(capsys, "(x^{2/3})^{3/2}", "x", "--latex")["verdict"] == "refuted"
    assert judged(capsys, "(x^{2/3})^{3/2}", "|x|", "--latex")["verdict"] in HOLDS
    assert judged(capsys, r"\sqrt{x^{2/3}}", r"\sqrt[3]{x}", "--latex")["verdict"] == "refuted"


def test_the_written_side_records_no_empty_exclusion():
    """x^(2/3) < 0 is empty under the convention: |x|^(2/3) needs no condition."""
    expression, conditions = parse_side("(x^(2/3))^(3/2)")
    assert str(expression) == "Abs(x)"
    assert conditions == ()


@pytest.mark.parametrize(
    ("lhs", "false_rhs", "true_rhs"),
    [
        ("(x^(2/3)*y^(2/3))^(3/2)", "x*y", "abs(x*y)"),
        ("sqrt(x^(2/3)*y^(2/3))", "(x*y)^(1/3)", "abs(x*y)^(1/3)"),
    ],
)
def test_a_point_written_into_nested_roots_keeps_the_real_roots(capsys, lhs, false_rhs, true_rhs):
    """SymPy's exact arithmetic at x = -a takes (-1)^(2/3) as a complex principal root, and
    ((-1)^(2/3))^(3/2) = -1; the balls evaluate such a side with the real roots instead."""
    false = judged(capsys, lhs, false_rhs)
    assert false["verdict"] == "refuted"
    assert float(false["counterexample"]["lhs_value"]) > 0
    assert judged(capsys, lhs, true_rhs)["verdict"] in HOLDS


def test_an_odd_root_of_a_product_of_negatives_is_real(capsys):
    """(x^(1/3) y^(1/3))^(3/2) at x, y < 0: ((-1)(-1))^(3/2) = 1, never SymPy's -1."""
    assert judged(capsys, "(x^(1/3)*y^(1/3))^(3/2)", "(x*y)^(1/2)")["verdict"] in HOLDS


@pytest.mark.parametrize(
    ("lhs", "rhs", "verdict"),
    [
        ("(x^(1/3))^3", "x", HOLDS),  # an integer power of an odd root: x itself
        ("x^(2/3)", "(x^(1/3))^2", HOLDS),
        ("(x^(1/3))^(3/5)", "x^(1/5)", HOLDS),  # odd roots compose
        ("(x^2)^(1/2)", "abs(x)", HOLDS),
        ("sqrt(x)^2", "x", ("refuted",)),  # undefined at x < 0, as before
        ("log(x^2)", "2*log(x)", ("refuted",)),
    ],
)
def test_controls_keep_their_verdicts(capsys, lhs, rhs, verdict):
    assert judged(capsys, lhs, rhs)["verdict"] in verdict


def test_a_substituted_definition_keeps_the_real_root_convention(tmp_path):
    """u = x^{2/3}, then u^{3/2} = x: the substitution is built like the written power."""
    from tests.notes.note_steps import steps_by_line

    steps = steps_by_line(tmp_path, "# Roots\n\nLet $u = x^{2/3}$.\n\n$$ u^{3/2} = x $$\n\n"
                          "$$ u^{3/2} = |x| $$\n")
    verdicts = [step.verdict for line in sorted(steps) for step in steps[line]
                if step.verdict != "skipped"]
    assert verdicts[-2:] == ["refuted", verdicts[-1]] and verdicts[-1] in HOLDS


# -- F6: one side real, the other not -----------------------------------------------------------

@pytest.mark.parametrize(
    ("lhs", "rhs", "undefined_side"),
    [
        ("0*sqrt(x)", "0", "lhs"),
        ("log(x)-log(x)", "0", "lhs"),
        ("0*log(x)", "0", "lhs"),
        ("0*log(-1-x^2)", "0", "lhs"),
        ("sqrt(-1-x^2)*0", "0", "lhs"),
        ("sqrt(x)-sqrt(x)+x", "x", "lhs"),
        ("y", "0*log(x) + y", "rhs"),
    ],
)
def test_a_point_where_one_written_side_is_not_real_refutes(capsys, lhs, rhs, undefined_side):
    result = judged(capsys, lhs, rhs)
    assert result["verdict"] == "refuted"
    assert result["reason"] == "one side is real here, the other is not"
    example = result["counterexample"]
    other = "rhs" if undefined_side == "lhs" else "lhs"
    assert example[f"{undefined_side}_value"].startswith("undefined")
    assert not example[f"{other}_value"].startswith("undefined")


def test_sides_real_nowhere_are_never_proved(capsys):
    for lhs, rhs in (("log(-1-x^2)", "log(-1-x^2)+0"), ("log(-1-x^2)", "log(-1-x^2)")):
        result = judged(capsys, lhs, rhs)
        assert result["verdict"] == "undecided"
        assert "no sample point where both sides are defined and real" in result["reason"]


def test_sides_real_only_beyond_the_sampled_points_are_still_proved(capsys):
    """log(x - 100) is real for x > 100: the domain is solved and a point of it (x = 101)
    evaluated, so the identity keeps its proof."""
    assert judged(capsys, "log(x-100)", "log(x-100)")["verdict"] == "proved"
    assert judged(capsys, "sqrt(x-1000)+0", "sqrt(x-1000)")["verdict"] == "proved"


def test_a_cancelled_denominator_is_still_only_excluded(capsys):
    """x/x = 1: a pole is skipped, not a point where a side is non-real (docs/conventions.md)."""
    result = judged(capsys, "x/x", "1")
    assert result["verdict"] == "proved"
    assert result["excluded"] == ["x = 0 (a denominator)"]


def test_a_claim_true_on_the_common_domain_stays_proved(capsys):
    assert judged(capsys, "0*log(x)", "0*log(x)")["verdict"] == "proved"
    assert judged(capsys, "log(x)-log(x)", "0", "--assume", "x positive")["verdict"] == "proved"
