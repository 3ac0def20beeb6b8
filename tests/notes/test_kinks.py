r"""Derivatives at a kink (round-4 review C13, H3): where a max, a min, |·|, ReLU or a piecewise
definition switches, the derivative need not exist, so no value claimed for it is proved or
refuted; away from the switch the derivative is the ordinary one and is proved or refuted.
"""

from __future__ import annotations

from pathlib import Path

import sympy as sp

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.kinks import NotDifferentiableHere, at_a_switch, differentiate, settle

import pytest

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow


def steps(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return [step for equation in report.files[0].equations for step in equation.steps]


def claims(tmp_path: Path, text: str) -> list:
    return [step for step in steps(tmp_path, text) if step.skip is None or
            step.skip.value != "definition"]


def test_relu_derivative_at_its_kink_is_not_proved(tmp_path):
    # round 4, C13: SymPy's Heaviside(0) = 1/2 proved f'(0) = 1/2
    [step] = claims(tmp_path, "Let $f(x) = \\max(x, 0)$.\n\n$$ f'(0) = \\frac{1}{2} $$\n")
    assert step.verdict == "skipped" and step.skip.value == "undefined-derivative"
    assert "the max switches" in step.reason


@pytest.mark.parametrize("note", [
    "The ReLU is $r(x) = \\max(0, x)$.\n\n$$ \\frac{dr}{dx}(0) = \\frac{1}{2} $$\n",
    "Let $h(x) = \\max(x, 2 - x)$.\n\n$$ h'(1) = 0 $$\n",
    "Let $v(x_1, x_2) = \\max(x_1 - x_2, 0)$.\n\n"
    "$$ \\nabla v (3, 3) = \\begin{bmatrix} \\frac{1}{2} \\\\ -\\frac{1}{2} \\end{bmatrix} $$\n",
    "Let $m(x_1, x_2) = \\max(x_1, x_2)$.\n\n"
    "$$ \\nabla m (1, 1) = \\begin{bmatrix} \\frac{1}{2} \\\\ \\frac{1}{2} \\end{bmatrix} $$\n",
    # the tie rule of the engine (ties to the first argument) is a convention too
    "Let $m(x_1, x_2) = \\max(x_1, x_2)$.\n\n"
    "$$ \\nabla m (1, 1) = \\begin{bmatrix} 1 \\\\ 0 \\end{bmatrix} $$\n",
    "Let $q(x) = \\min(x, 0)$.\n\n$$ q'(0) = 0 $$\n",
    "Let $s(x) = \\operatorname{relu}(x)$.\n\n$$ s'(0) = 0 $$\n",
    "Let $g(x) = |x|$.\n\n$$ g'(0) = 0 $$\n",
    "Let $a(x) = |x - 1|$.\n\n$$ a'(1) = 1 $$\n",
])
def test_no_value_of_a_derivative_at_a_switch_is_proved_or_refuted(tmp_path, note):
    [step] = claims(tmp_path, note)
    assert step.verdict not in ("proved", "checked", "refuted"), step.reason


@pytest.mark.parametrize("note, verdict", [
    ("Let $f(x) = \\max(x, 0)$.\n\n$$ f'(1) = 1 $$\n", "proved"),
    ("Let $f(x) = \\max(x, 0)$.\n\n$$ f'(-2) = 0 $$\n", "proved"),
    ("Let $f(x) = \\max(x, 0)$.\n\n$$ f'(1) = 0 $$\n", "refuted"),
    ("The ReLU is $r(x) = \\max(0, x)$.\n\n$$ \\frac{dr}{dx}(2) = 1 $$\n", "proved"),
    ("Let $s(x) = \\operatorname{relu}(x)$.\n\n$$ s'(3) = 1 $$\n", "proved"),
    ("Let $q(x) = \\min(x, 0)$.\n\n$$ q'(-1) = 1 $$\n", "proved"),
    # the max gate routes the gradient to the larger input
    ("Let $m(x_1, x_2) = \\max(x_1, x_2)$.\n\n"
     "$$ \\nabla m (3, 1) = \\begin{bmatrix} 1 \\\\ 0 \\end{bmatrix} $$\n", "proved"),
    ("Let $m(x_1, x_2) = \\max(x_1, x_2)$.\n\n"
     "$$ \\nabla m (3, 1) = \\begin{bmatrix} 0 \\\\ 1 \\end{bmatrix} $$\n", "refuted"),
])
def test_away_from_the_switch_the_derivative_is_decided(tmp_path, note, verdict):
    [step] = claims(tmp_path, note)
    assert step.verdict == verdict, step.reason


def test_the_derivative_of_max_as_a_function_holds_where_it_exists(tmp_path):
    # d/dx max(x, 0) = 1(x > 0) for every x != 0; at 0 the left side has no value
    [step] = steps(tmp_path, "$$ \\frac{d}{dx} \\max(x, 0) = \\mathbb{1}(x > 0) $$\n")
    assert step.verdict in ("checked", "undecided")
    [step] = steps(tmp_path, "$$ \\frac{d}{dx} \\max(x, 0) = \\mathbb{1}(x < 0) $$\n")
    assert step.verdict in ("refuted", "undecided") and step.verdict != "proved"


SOFTMAX = ("$$\np_k = \\frac{e^{f_k}}{ \\sum_j e^{f_j} } \\hspace{1in} "
           "L_i =-\\log\\left(p_{y_i}\\right)\n$$\n\n")


def test_a_wrong_softmax_gradient_is_refuted_not_excused_by_a_kink(tmp_path):
    # round 4, H3: the indicator of the claimed value is no kink of the loss
    note = SOFTMAX + ("$$\n\\frac{\\partial L_i }{ \\partial f_k } = p_k - \\mathbb{1}(y_i = k)"
                      " + 10^{-14} p_k\n$$\n")
    [step] = claims(tmp_path, note)
    assert step.verdict == "refuted", step.reason
    assert "switches" not in step.reason


def test_the_softmax_gradient_still_holds(tmp_path):
    note = SOFTMAX + ("$$\n\\frac{\\partial L_i }{ \\partial f_k } = p_k - \\mathbb{1}(y_i = k)"
                      "\n$$\n")
    [step] = claims(tmp_path, note)
    assert step.verdict in ("proved", "checked"), step.reason


# -- the module itself, against the one-sided difference quotients --------------------------------
x, y = sp.symbols("x y", real=True)


def one_sided(function, at, h=sp.Rational(1, 10**12)):
    left = (function.subs(x, at) - function.subs(x, at - h)) / h
    right = (function.subs(x, at + h) - function.subs(x, at)) / h
    return left, right


@pytest.mark.parametrize("function", [sp.Max(x, 0), sp.Min(x, 0), sp.Abs(x), sp.Max(x, -x / 2)])
def test_the_derivative_is_undefined_exactly_where_the_one_sided_ones_differ(function):
    left, right = one_sided(function, 0)
    assert left != right  # a genuine kink at 0
    with pytest.raises(NotDifferentiableHere):
        settle(sp.Subs(differentiate(function, x), x, 0))
    for point in (sp.Rational(3, 7), sp.Rational(-5, 2)):
        value = settle(sp.Subs(differentiate(function, x), x, point)).doit()
        left, right = one_sided(function, point)
        assert left == right == value


def test_a_smooth_function_is_differentiated_as_sympy_does():
    function = sp.exp(x) * sp.sin(y)
    assert differentiate(function, x) == sp.diff(function, x)


def test_a_kink_of_a_claimed_value_is_no_kink_of_the_derivative():
    indicator = sp.Piecewise((1, sp.Eq(x, y)), (0, True))
    assert not at_a_switch((sp.exp(x) - indicator, sp.Integer(0)), {"x": "1", "y": "1"})
    guarded = differentiate(sp.Max(x, y), x)
    assert at_a_switch((settle(guarded), sp.Integer(0)), {"x": "1", "y": "1"})
    assert not at_a_switch((settle(guarded), sp.Integer(0)), {"x": "2", "y": "1"})
