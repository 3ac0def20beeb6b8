"""On the project's seed notes (Markdown despite .txt) the checker finds the wrong steps itself.

Each refutation is confirmed independently: the counterexample is substituted into the note's
two sides with mpmath / exact finite distributions computed in this test.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import mpmath
import pytest

from symderive.notes.check_notes import NotesOptions, check_files

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds not present")


@pytest.fixture(scope="module")
def report():
    return check_files(sorted(SEEDS.glob("*.txt")), NotesOptions(budget_seconds=4.0, jobs=2))


def refuted_steps(report):
    return {
        (Path(file.path).name[:3], equation.line, step.index): step
        for file in report.files
        for equation in file.equations
        for step in equation.steps
        if step.verdict == "refuted"
    }


def test_the_sigmoid_derivative_error_of_seed_001_is_found(report):
    refuted = refuted_steps(report)
    step = refuted[("001", 100, 1)]
    assert step.lhs_latex == r"\frac{d\sigma(x)}{dx}"
    [(name, value)] = step.counterexample.values
    x = mpmath.mpf(Fraction(value).numerator) / Fraction(value).denominator
    true_derivative = mpmath.diff(lambda u: 1 / (1 + mpmath.exp(-u)), x)
    written = mpmath.exp(-x) / (1 + mpmath.exp(-x))
    assert abs(true_derivative - written) > 1e-3
    assert "sigma" in step.suggestion  # σ(x)(1 − σ(x))


def test_the_step_after_the_wrong_sigmoid_step_is_refuted_against_it(report):
    assert ("001", 100, 2) in refuted_steps(report)
    [equation] = [
        eq
        for file in report.files
        for eq in file.equations
        if file.path.endswith("001_6d1c2946096a9f6c.txt") and eq.line == 100
    ]
    assert equation.steps[2].verdict == "proved"  # (1+e^{-x}-1)/(1+e^{-x})^2 = (1-σ)σ


def expectation(values, probabilities, function):
    return sum(p * function(*v) for p, v in zip(probabilities, zip(*values)))


def test_the_bias_variance_error_of_seed_004_is_found(report):
    step = refuted_steps(report)[("004", 141, 4)]
    values = dict(step.counterexample.values)
    probabilities = [Fraction(p) for p in values["P(outcome)"].strip("[]").split(",")]
    y = [Fraction(v) for v in values["y_t"].strip("[]").split(",")]
    yhat = [Fraction(v) for v in values[r"\hat{y}"].strip("[]").split(",")]
    outcome = int(values["outcome"])

    def mean(f):
        return expectation((y, yhat), probabilities, f)

    var_y = mean(lambda a, b: a * a) - mean(lambda a, b: a) ** 2
    var_yhat = mean(lambda a, b: b * b) - mean(lambda a, b: b) ** 2
    # the note's fourth and fifth lines, at the sampled outcome
    left = (
        var_y
        + mean(lambda a, b: a) ** 2
        + var_yhat
        + mean(lambda a, b: b) ** 2
        - 2 * y[outcome] * mean(lambda a, b: b)
    )
    right = var_y + var_yhat + mean(lambda a, b: (a - b) ** 2)
    assert left != right


def test_no_other_step_of_the_seeds_is_refuted(report):
    assert set(refuted_steps(report)) == {
        ("001", 100, 1), ("001", 100, 2), ("004", 141, 3), ("004", 141, 4),
    }  # fmt: skip


def test_the_counts_add_up_and_every_skip_has_a_reason(report):
    summary = report.summary()
    assert summary["equations"] == summary["equations_skipped"] + sum(
        1 for f in report.files for e in f.equations if e.skip is None
    )
    for file in report.files:
        for equation in file.equations:
            if equation.skip is not None:
                assert equation.reason
            for step in equation.steps:
                assert step.verdict != "skipped" or (step.skip is not None and step.reason)
