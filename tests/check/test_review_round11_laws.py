"""Round 11b C6: a finite law may put its atoms where a condition of the claim switches.

``E[X + 1(X^2 = 2)] = E[X]`` is false for the point mass X = √2 (left √2 + 1, right √2); the
laws tried had rational values only, so the indicator was never 1 and the claim was *checked*.
The points where a condition switches are solved exactly and tried as atoms.
"""

import sympy as sp

from symderive.check.aimed import _condition_points
from tests.notes.note_steps import steps_by_line

DIRECTIVE = "<!-- symderive: assume X random -->\n\n"


def test_the_switch_of_an_indicator_is_solved_exactly():
    t = sp.Symbol("t", real=True)
    d = sp.Piecewise((1, sp.Eq(t**2, 2)), (0, True))
    assert set(_condition_points(d, t)) == {sp.sqrt(2), -sp.sqrt(2)}


def test_an_indicator_of_an_irrational_point_refutes_at_that_atom(tmp_path):
    text = DIRECTIVE + r"$$ \mathbb{E}[X + \mathbb{1}(X^2 = 2)] = \mathbb{E}[X] $$" + "\n"
    [step] = steps_by_line(tmp_path, text)[3]
    assert step.verdict == "refuted", step.reason
    values = dict(step.outcome.counterexample.values)
    assert "sqrt(2)" in values["X"]


def test_the_variance_form_too(tmp_path):
    text = DIRECTIVE + r"$$ \mathrm{Var}(X + \mathbb{1}(X^2 = 2)) = \mathrm{Var}(X) $$" + "\n"
    [step] = steps_by_line(tmp_path, text)[3]
    assert step.verdict == "refuted", step.reason


def test_a_true_claim_with_an_indicator_holds(tmp_path):
    text = DIRECTIVE + r"$$ \mathbb{E}[X \mathbb{1}(X^2 = 2) - X \mathbb{1}(X^2 = 2)] = 0 $$" + "\n"
    [step] = steps_by_line(tmp_path, text)[3]
    assert step.verdict != "refuted", step.reason
