"""Round 14b F3, F9, F11, F13 (/work/findings/round14b.md): a switch the sampler never visits.

A claim with a switching function (Heaviside, sign, relu, max/min, |·|, a piecewise condition)
can fail only where the switch flips; docs/conventions.md ("Switches must be located"): it is
*checked* only when every switching argument's zero set was located — solved, or found by a
sign change narrowed by certified bisection — and the claim was evaluated at and beside it.

- F13: x − cos x vanishes only at the Dottie number 0.739…: sign(x − cos x)² = 1 is false there.
- F11: sin x − y vanishes on the curve y = sin x, x² + y² − 3 on a circle: a line through the
  base point in x alone can miss them; solved for y they are hit exactly (sign(0) = 0 there).
- F3: x sin x − 10⁷ > 0 only beyond x = 10⁷ where no point looks, and SymPy cannot solve it:
  *undecided*, naming the switch — never *checked*.
- F9: heaviside(log x) has no real value at x < 0, where heaviside(x − 1) = 0: refuted, like
  sign(log x) = sign(x − 1).

Each false row is the reviewer's; each control is a true claim of the same form.
"""

import json

import mpmath
import pytest
import sympy as sp

from symderive.cli import main

HOLDS = ("proved", "checked")


def judged(capsys, lhs: str, rhs: str, *options: str) -> dict:
    """The verdict of ``symderive equal`` (a 10 s budget: the verdicts here do not depend on
    it, and the symbolic attempts of these claims take most of the default 2 s under load)."""
    if "--timeout" not in options:
        options = ("--timeout", "10", *options)
    main(["equal", "--json", *options, "--", lhs, rhs])
    return json.loads(capsys.readouterr().out)


def root_of(function, start) -> mpmath.mpf:
    """A root by mpmath at 50 digits, independent of the checker."""
    with mpmath.workdps(50):
        return +mpmath.findroot(function, start)


def close(text: str, root: mpmath.mpf) -> bool:
    """The counterexample's printed value (30 digits) within 10^-25 of ``root``."""
    with mpmath.workdps(50):
        return abs(mpmath.mpf(text.split("…")[0]) - root) < mpmath.mpf(10) ** -25


DOTTIE = root_of(lambda t: t - mpmath.cos(t), 0.7)


# F13: a one-variable switch at a transcendental root, found by certified bisection
@pytest.mark.parametrize("lhs, rhs", [
    ("sign(x-cos(x))^2", "1"),
    ("heaviside(x-cos(x),1)", "heaviside(x-cos(x))"),
    ("heaviside(cos(x)-x,1)", "heaviside(cos(x)-x)"),
    ("abs(sign(x-cos(x)))", "1"),
])
def test_a_switch_at_the_dottie_number_refutes_the_claim_there(capsys, lhs, rhs):
    result = judged(capsys, lhs, rhs)
    assert result["verdict"] == "refuted"
    where = result["counterexample"]["values"]["x"]
    assert where.startswith("0.7390851332151606416553120876")
    assert close(where, DOTTIE)


def test_sign_of_x_minus_sin_x_minus_1_squared_is_not_1_at_its_zero(capsys):
    result = judged(capsys, "sign(x-sin(x)-1)^2", "1")
    assert result["verdict"] == "refuted"
    root = root_of(lambda t: t - mpmath.sin(t) - 1, 2)
    assert close(result["counterexample"]["values"]["x"], root)


@pytest.mark.parametrize("lhs, rhs", [
    ("max(x,cos(x))+min(x,cos(x))", "x+cos(x)"),  # evaluated beside and at x = cos x
    ("sign(x-cos(x))*abs(x-cos(x))", "x-cos(x)"),
    ("heaviside(x-cos(x),1)", "1-heaviside(cos(x)-x)"),  # H(0) = 1 on both sides
])
def test_true_claims_with_a_switch_at_x_equal_cos_x_still_hold(capsys, lhs, rhs):
    assert judged(capsys, lhs, rhs)["verdict"] in HOLDS


# F11: a switch along a curve in two variables, solved for the variable that meets it
@pytest.mark.parametrize("lhs, rhs", [
    ("sign(sin(x)-y)^2", "1"),
    ("heaviside(sin(x)-y,1)", "heaviside(sin(x)-y)"),
])
def test_a_switch_on_the_curve_y_equal_sin_x_is_visited(capsys, lhs, rhs):
    result = judged(capsys, lhs, rhs)
    assert result["verdict"] == "refuted"
    values = result["counterexample"]["values"]
    x, y = sp.Rational(values["x"]), sp.sympify(values["y"])  # test code: the tool's own output
    assert sp.sin(x) - y == 0  # exactly on the curve


@pytest.mark.parametrize("lhs, rhs", [
    ("heaviside(x^2+y^2-3,1)", "heaviside(x^2+y^2-3)"),
    ("sign(x^2+y^2-3)^2", "1"),
])
def test_a_switch_on_the_circle_of_radius_root_3_is_visited(capsys, lhs, rhs):
    result = judged(capsys, lhs, rhs)
    assert result["verdict"] == "refuted"
    values = result["counterexample"]["values"]
    x, y = sp.sympify(values["x"]), sp.sympify(values["y"])
    assert sp.expand(x**2 + y**2 - 3) == 0


@pytest.mark.parametrize("lhs, rhs", [
    ("sign(sin(x)-y)*abs(sin(x)-y)", "sin(x)-y"),
    ("heaviside(x^2+y^2-3,1)", "1-heaviside(3-x^2-y^2)"),
    ("max(x,y)+min(x,y)", "x+y"),
])
def test_true_claims_with_a_switch_on_a_curve_still_hold(capsys, lhs, rhs):
    assert judged(capsys, lhs, rhs)["verdict"] in HOLDS


# F3: an argument SymPy cannot solve, one sign at every point tried: never checked
@pytest.mark.parametrize("lhs, rhs", [
    ("relu(x*sin(x)-10^7)", "0"),
    ("max(x*sin(x),10^7)", "10^7"),
    ("min(x*cos(x),10^7)", "x*cos(x)"),
    ("abs(x*sin(x)-10^7)", "10^7-x*sin(x)"),
])
def test_an_unlocated_switch_beyond_the_samples_leaves_the_claim_undecided(capsys, lhs, rhs):
    result = judged(capsys, lhs, rhs)
    assert result["verdict"] in ("undecided", "refuted")
    if result["verdict"] == "undecided":
        assert "was not located" in result["reason"] or "time budget" in result["reason"]
        assert "10000000" in result["reason"] or "time budget" in result["reason"]


def test_the_claim_x_sin_x_below_10_7_is_false_indeed():
    with mpmath.workdps(40):  # at x = π/2 + 2π·1591551 = 10000005.146…
        peak = mpmath.pi / 2 + 2 * mpmath.pi * 1591551
        assert peak * mpmath.sin(peak) - 10**7 > 5


def test_a_located_switch_of_the_same_shape_still_holds(capsys):
    # the argument x - 10^7 is solved: evaluated at and beside x = 10^7
    assert judged(capsys, "relu(x-10^7)-relu(10^7-x)", "x-10^7")["verdict"] in HOLDS
    assert judged(capsys, "relu(x-10^7)", "0")["verdict"] == "refuted"


# F9: an undefined argument inside heaviside / min is "one side real, the other not"
@pytest.mark.parametrize("lhs, rhs", [
    ("heaviside(log(x))", "heaviside(x-1)"),
    ("sign(log(x))", "sign(x-1)"),
    ("min(log(x),1)", "min(x-1,1)"),
])
def test_a_step_of_an_undefined_argument_is_not_real_where_the_other_side_is(capsys, lhs, rhs):
    result = judged(capsys, lhs, rhs)
    assert result["verdict"] == "refuted"


def test_heaviside_of_log_x_is_the_step_at_1_for_positive_x(capsys):
    result = judged(capsys, "heaviside(log(x))", "heaviside(x-1)", "--assume", "x positive")
    assert result["verdict"] in HOLDS


# the controls of the brief: the switch conventions as documented
@pytest.mark.parametrize("lhs, rhs, verdicts", [
    ("relu(x)-relu(-x)", "x", HOLDS),
    ("max(x,0)+min(x,0)", "x", HOLDS),
    ("abs(x)^2", "x^2", HOLDS),
    ("sign(x)^2", "1", ("refuted",)),  # sign(0) = 0
    ("heaviside(x)+heaviside(-x)", "1", ("refuted",)),  # H(0) = 0 unless written
    ("heaviside(x,1)+heaviside(-x)", "1", HOLDS),
])
def test_switch_controls(capsys, lhs, rhs, verdicts):
    assert judged(capsys, lhs, rhs)["verdict"] in verdicts
