"""The hand-written corpus: every deliberately broken step refuted, no correct step refuted.

Each chain in tests/notes/corpus is followed by its expectation, an HTML comment (Markdown) or a
% comment (LaTeX): ``expect: holds`` or ``expect: refuted 1 2`` (the 1-based broken steps).
The score is computed from the checker's report, never typed in.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files

CORPUS = Path(__file__).resolve().parent / "corpus"
pytestmark = pytest.mark.slow  # ~55 checks in worker processes: 10-20 s on two busy cores
EXPECT = re.compile(r"expect:\s*(holds|refuted((?:\s+\d+)+))")


def expectations(path: Path) -> list[tuple[int, set[int]]]:
    """(line of the expectation, broken step numbers) in file order."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            broken = {int(step) for step in (match.group(2) or "").split()}
            found.append((number, broken))
    return found


@pytest.fixture(scope="module")
def scored():
    paths = sorted(CORPUS.glob("*.md")) + sorted(CORPUS.glob("*.tex"))
    report = check_files(paths, NotesOptions(budget_seconds=4.0, jobs=2))
    rows = []  # (file, line, step index, verdict, broken?)
    for path, note in zip(paths, report.files):
        equations = [equation for equation in note.equations if equation.steps]
        for expect_line, broken in expectations(path):
            before = [equation for equation in equations if equation.line <= expect_line]
            assert before, f"{path.name}:{expect_line}: no equation before this expectation"
            equation = before[-1]
            equations.remove(equation)  # each chain is scored once
            for step in equation.steps:
                rows.append((path.name, equation.line, step.index, step, step.index in broken))
        assert not [e for e in equations if e.skip is None], f"{path.name}: chain without expect"
    return rows


def test_corpus_has_at_least_thirty_chains_correct_and_broken(scored):
    chains = {(name, line) for name, line, *_ in scored}
    broken_chains = {(name, line) for name, line, _, _, broken in scored if broken}
    assert len(chains) >= 30
    assert 10 <= len(broken_chains) < len(chains)


def test_every_broken_step_is_refuted_with_a_counterexample(scored):
    missed = [
        (name, line, index, step.verdict)
        for name, line, index, step, broken in scored
        if broken and (step.verdict != "refuted" or step.counterexample is None)
    ]
    assert missed == []


def test_no_correct_step_is_refuted(scored):
    wrongly_refuted = [
        (name, line, index)
        for name, line, index, step, broken in scored
        if not broken and step.verdict == "refuted"
    ]
    assert wrongly_refuted == []


def test_no_broken_step_is_reported_proved_or_checked(scored):
    assert not [
        (name, line, index)
        for name, line, index, step, broken in scored
        if broken and step.verdict in ("proved", "checked")
    ]


def test_most_correct_steps_are_proved_or_checked(scored):
    correct = [step for *_, step, broken in scored if not broken]
    holding = [step for step in correct if step.verdict in ("proved", "checked")]
    assert len(holding) >= 0.8 * len(correct)  # the rest may time out on a busy machine


def test_a_refuted_derivative_step_suggests_the_true_derivative(scored):
    import sympy as sp

    x = sp.Symbol("x")
    sigmoid_step = next(
        step
        for name, _, _, step, broken in scored
        if broken and step.lhs_latex == r"\frac{d}{dx}\sigma(x)"
    )
    assert sigmoid_step.suggestion is not None
    # the suggestion, evaluated independently, is σ'(x) = e^{-x}/(1+e^{-x})^2
    value = sigmoid_step.counterexample.values[0][1]
    point = sp.Rational(value)
    expected = float(sp.exp(-point) / (1 + sp.exp(-point)) ** 2)
    assert float(sigmoid_step.counterexample.lhs_value) == pytest.approx(expected, rel=1e-12)
    assert "sigma" in sigmoid_step.suggestion
    assert x.name in sigmoid_step.suggestion
