"""Round 11a F26: a vector the prose calls a probability vector is never refuted off the simplex.

*For a probability vector $p$ with $K$ entries, the entropy is at most $\\log K$* — refuted at
K = 1, p_1 = 1/2, which is no probability vector. The words before the name are read as those
after it (*$p$ is a probability vector*), and a counterexample whose p is not a law is withheld.
"""

import pytest

from symderive.notes.onehot import simplex_refutation
from symderive.report import Counterexample, Outcome
from tests.notes.note_steps import steps_by_line

ENTROPY_BOUND = r"-\sum_{i=1}^{K} p_i \log p_i \le \log K"


@pytest.mark.parametrize("words", [
    "For a probability vector $p$ with $K$ entries, the entropy is at most $\\log K$:",
    "Let $p$ be a probability vector with $K$ entries.",
    "Take any probability vector $\\mathbf{p}$ of length $K$.",
])
def test_the_entropy_bound_is_not_refuted_off_the_simplex(tmp_path, words):
    [step] = steps_by_line(tmp_path, f"{words}\n\n$$ {ENTROPY_BOUND} $$\n")[3]
    assert step.verdict != "refuted", step.reason


def refuted_at(**values) -> Outcome:
    return Outcome("refuted", counterexample=Counterexample(
        tuple((name.replace("_", "[") + "]" if "_" in name else name, value)
              for name, value in values.items()), "1", "0"))


def test_a_point_on_the_simplex_still_refutes():
    outcome = refuted_at(p_1="1/4", p_2="3/4", K="2")
    assert simplex_refutation(outcome, {"p": 1}).verdict == "refuted"


@pytest.mark.parametrize("values", [dict(p_1="1/2"), dict(p_1="3/2", p_2="-1/2"),
                                    dict(p_2="1")])
def test_a_point_off_the_simplex_does_not(values):
    assert simplex_refutation(refuted_at(**values), {"p": 1}).verdict == "undecided"
