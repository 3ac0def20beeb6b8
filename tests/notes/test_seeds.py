"""On the course's own notes (../shared/seeds, Markdown despite .txt) the reader finds the wrong
steps itself, and refutes nothing the hand judgement calls correct.

The expected verdicts are a hand judgement made by reading the notes, committed in
``seeds_truth.json`` (file, line, step, the left side where a line holds several chains, the
judgement and the derivation catalog's erratum it corresponds to). The library holds no
seed-specific rule: every reading it uses is general and tested on small notes of its own.
Each refutation is also confirmed independently here: the counterexample is substituted into
the note's two sides with mpmath or exact finite distributions.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from fractions import Fraction
from pathlib import Path

import mpmath
import pytest

from symderive.catalog import all_derivations, get
from symderive.notes.check_notes import NotesOptions, check_files

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
TRUTH = json.loads((Path(__file__).with_name("seeds_truth.json")).read_text(encoding="utf-8"))
pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="the course's seed notes (../shared/seeds) are not present"
)


def squeezed(latex: str) -> str:
    return re.sub(r"\s+", "", latex)


@pytest.fixture(scope="module")
def report():
    return check_files(sorted(SEEDS.glob("*.txt")), NotesOptions(budget_seconds=4.0, jobs=2))


def all_steps(report):
    return [
        (Path(file.path).name, equation.line, step)
        for file in report.files
        for equation in file.equations
        for step in equation.steps
    ]


def judged(report, entry):
    """The report's step the truth entry names (file, line, step; left side when given)."""
    matches = [
        step for name, line, step in all_steps(report)
        if name == entry["file"] and line == entry["line"] and step.index == entry["step"]
        and ("lhs" not in entry or squeezed(step.lhs_latex) == squeezed(entry["lhs"]))
    ]  # fmt: skip
    assert len(matches) <= 1, f"truth entry names {len(matches)} steps: {entry}"
    return matches[0] if matches else None


def entries(judgement, found=None):
    return [
        entry for entry in TRUTH["steps"]
        if entry["judgement"] == judgement and (found is None or entry.get("found") == found)
    ]  # fmt: skip


def refuted_step(report, file_prefix, line, index):
    [step] = [
        step for name, at, step in all_steps(report)
        if name.startswith(file_prefix) and at == line and step.index == index
    ]  # fmt: skip
    assert step.verdict == "refuted"
    return step


def test_every_wrong_step_judged_findable_is_refuted(report):
    for entry in entries("wrong", found=True):
        step = judged(report, entry)
        assert step is not None, f"no such step: {entry}"
        assert step.verdict == "refuted", (entry, step.verdict, step.reason)


def test_no_step_judged_correct_is_refuted(report):
    for entry in entries("correct"):
        step = judged(report, entry)
        assert step is None or step.verdict != "refuted", (entry, step.reason)


def test_no_wrong_or_notation_step_is_proved_or_checked(report):
    for entry in entries("wrong") + entries("notation"):
        step = judged(report, entry)
        assert step is None or step.verdict not in ("proved", "checked"), entry


def test_every_refuted_step_has_a_hand_judgement(report):
    judged_ids = {id(judged(report, entry)) for entry in TRUTH["steps"]}
    for name, line, step in all_steps(report):
        if step.verdict in ("refuted", "proved", "checked"):
            assert id(step) in judged_ids, f"{name}:{line} step {step.index} not judged by hand"


def test_every_error_the_catalog_records_in_the_seeds_is_accounted_for():
    """Each erratum of kind 'error' sourced from a seed note is a wrong step of the truth file
    or listed as not findable (prose) with a reason — and the truth names only real errata."""
    seeds = {path.name for path in SEEDS.glob("*.txt")}
    errors = {
        derivation.id for derivation in all_derivations()
        if derivation.is_erratum and derivation.erratum_kind == "error"
        and str(derivation.source).split(" ")[0] in seeds
    }  # fmt: skip
    accounted = {entry["erratum"] for entry in entries("wrong")} | {
        entry["erratum"] for entry in TRUTH["not_findable"]
    }
    assert errors == accounted
    for entry in entries("notation"):
        assert get(entry["erratum"]).erratum_kind == "notation"
    for entry in TRUTH["not_findable"]:
        assert entry["reason"] and entry["written_as"]


def test_the_sigmoid_derivative_error_of_seed_001_is_found(report):
    step = refuted_step(report, "001", 100, 1)
    assert step.lhs_latex == r"\frac{d\sigma(x)}{dx}"
    [(name, value)] = step.counterexample.values
    x = mpmath.mpf(Fraction(value).numerator) / Fraction(value).denominator
    true_derivative = mpmath.diff(lambda u: 1 / (1 + mpmath.exp(-u)), x)
    written = mpmath.exp(-x) / (1 + mpmath.exp(-x))
    assert abs(true_derivative - written) > 1e-3
    assert "sigma" in step.suggestion  # σ(x)(1 − σ(x))


def test_the_binary_cross_entropy_sign_error_of_seed_002_is_found(report):
    """Read as the two-class case of the cross-entropy written just before it
    (q = (t, 1 - t), p = (y, 1 - y)), the binary formula has lost its minus sign."""
    step = refuted_step(report, "002", 108, 1)
    values = {name: Fraction(v) for name, v in step.counterexample.values}
    t = mpmath.mpf(values["t"].numerator) / values["t"].denominator
    y = mpmath.mpf(values["y"].numerator) / values["y"].denominator
    two_class_cross_entropy = -(t * mpmath.log(y) + (1 - t) * mpmath.log(1 - y))
    written = t * mpmath.log(y) + (1 - t) * mpmath.log(1 - y)
    assert abs(two_class_cross_entropy - written) > 1e-6


def expectation(values, probabilities, function):
    return sum(p * function(*v) for p, v in zip(probabilities, zip(*values)))


def test_the_bias_variance_error_of_seed_004_is_found(report):
    step = refuted_step(report, "004", 141, 4)
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


def test_the_bias_variance_step_of_seed_004_that_loses_the_bias_is_found(report):
    """Step 5 (σ² + Var ŷ + Bias(ŷ)² from Var y_t + Var ŷ + E[(y_t − ŷ)²]): law A is read back
    from the counterexample, law B (ŷ + ξ, ξ = ±1 with probability 1/2) is built here; σ² and
    Bias(ŷ)² are the same in both, so the rest of lhs − rhs must differ between them."""
    step = refuted_step(report, "004", 141, 5)
    values = dict(step.counterexample.values)
    probabilities = [Fraction(p) for p in values["P(outcome)"].strip("[]").split(",")]
    y = [Fraction(v) for v in values["y_t"].strip("[]").split(",")]
    yhat = [Fraction(v) for v in values[r"\hat{y}"].strip("[]").split(",")]

    def rest(p, a, b):  # Var(y_t) + Var(ŷ) + E[(y_t − ŷ)²] − Var(ŷ), σ² and Bias² left out
        def mean(f):
            return expectation((a, b), p, f)

        var_y = mean(lambda s, t: s * s) - mean(lambda s, t: s) ** 2
        return var_y + mean(lambda s, t: (s - t) ** 2)

    halves = [p / 2 for p in probabilities for _ in (1, -1)]
    y_b = [v for v in y for _ in (1, -1)]
    yhat_b = [v + s for v in yhat for s in (1, -1)]
    separation = rest(probabilities, y, yhat) - rest(halves, y_b, yhat_b)
    assert separation != 0 and separation == Fraction(values["D_A - D_B"])


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


def test_print_the_seeds_table(report, capsys):
    """found / read / checked / skipped by reason, and the wrong steps found (run with -s)."""
    summary = report.summary()
    verdicts = Counter(step.verdict for _, _, step in all_steps(report))
    lines = [
        f"equations found {summary['equations']}, read (parsed) {summary['equations_parsed']}, "
        f"checked {summary['equations_checked']}, skipped {summary['equations_skipped']}",
        "equations skipped: " + ", ".join(
            f"{reason} {count}" for reason, count in
            sorted(summary["equations_skipped_by_reason"].items(), key=lambda kv: -kv[1])),
        "steps: " + ", ".join(f"{verdict} {count}" for verdict, count in verdicts.most_common()),
        "steps skipped: " + ", ".join(
            f"{reason} {count}" for reason, count in
            sorted(summary["steps_skipped_by_reason"].items(), key=lambda kv: -kv[1])),
    ]  # fmt: skip
    for entry in entries("wrong"):
        step = judged(report, entry)
        verdict = step.verdict if step else "not read"
        lines.append(f"wrong {entry['file'][:3]}:{entry['line']} step {entry['step']} "
                     f"({entry['erratum']}): {verdict}")  # fmt: skip
    for entry in TRUTH["not_findable"]:
        lines.append(f"not findable {entry['file'][:3]}:{entry['line']} ({entry['erratum']}): "
                     f"{entry['written_as']}")  # fmt: skip
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert summary["equations"] == len(
        [e for file in report.files for e in file.equations]
    )
