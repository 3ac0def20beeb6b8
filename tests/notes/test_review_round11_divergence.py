"""Round 10b H2, H3: a side that is infinite where the other is finite.

- H2: ``\\int_0^1 x^a\\,dx \\ge \\frac{1}{a+1}`` holds for every real a: where the integral
  diverges (a <= -1) it is +∞, and +∞ ≥ any number. The point refutes only a relation +∞ breaks.
- H3: *whenever the integral converges* excludes the points where it diverges: a refutation
  there is withheld; a refutation where both sides are finite stands.
"""

import pytest
import sympy as sp

from symderive.check.undefined_points import _holds_with_infinity
from tests.notes.note_steps import first_verdicts, steps_by_line

INTEGRAL = r"\int_0^1 x^a \, dx"


@pytest.mark.parametrize(("relation", "side", "value", "holds"), [
    (">=", "left", sp.oo, True), (">", "left", sp.oo, True), ("!=", "left", sp.oo, True),
    ("<=", "left", sp.oo, False), ("=", "left", sp.oo, False),
    ("<=", "right", sp.oo, True), (">=", "right", sp.oo, False),
    ("<=", "left", -sp.oo, True), (">=", "left", -sp.oo, False),
])
def test_an_infinite_side_against_a_finite_one(relation, side, value, holds):
    assert _holds_with_infinity(relation, side, value) is holds


def test_a_divergent_integral_satisfies_an_inequality_it_exceeds(tmp_path):
    text = f"For every real $a$,\n\n$$ {INTEGRAL} \\ge \\frac{{1}}{{a+1}} $$\n"
    assert first_verdicts(tmp_path, text)[3] != "refuted"


def test_a_divergent_integral_breaks_an_upper_bound(tmp_path):
    text = f"For every real $a$,\n\n$$ {INTEGRAL} \\le \\frac{{1}}{{a+1}} $$\n"
    step = steps_by_line(tmp_path, text)[3][0]
    assert step.verdict == "refuted", step.reason
    assert "oo" in step.reason


@pytest.mark.parametrize("words", [
    "For every real $a$, whenever the integral converges,",
    "For every real $a$ such that the integral exists,",
    "Provided the integral converges, for every real $a$",
    "모든 실수 $a$에 대해 적분이 수렴하는 경우",
])
def test_where_the_integral_converges_a_divergent_point_refutes_nothing(tmp_path, words):
    text = f"{words}\n\n$$ {INTEGRAL} = \\frac{{1}}{{a+1}} $$\n"
    step = steps_by_line(tmp_path, text)[3][0]
    assert step.verdict == "undecided", step.reason
    assert "converges" in step.reason


def test_without_those_words_the_divergent_point_refutes(tmp_path):
    text = (f"For every real $a$,\n\n$$ {INTEGRAL} = \\frac{{1}}{{a+1}} $$\n\n"
            "모든 실수 $a$에 대해 적분이 수렴하는 경우\n\n$$ 1 = 1 $$\n")
    assert first_verdicts(tmp_path, text)[3] == "refuted"  # the next paragraph is not its words


def test_a_wrong_formula_where_the_integral_converges_is_still_refuted(tmp_path):
    text = (f"For every real $a$, whenever the integral converges,\n\n"
            f"$$ {INTEGRAL} = \\frac{{1}}{{a+2}} $$\n")
    assert first_verdicts(tmp_path, text)[3] == "refuted"
