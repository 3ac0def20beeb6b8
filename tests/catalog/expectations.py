"""What every catalog entry must satisfy, shared by the catalog test modules.

- ``catalog_reports(entries, budget_seconds=…)`` makes a test module's ``reports`` fixture: the
  checker runs once per module over its entries and the fixture maps id → DerivationReport.
- ``assert_checks_as_expected(derivation, report)``: every step of the derivation got the verdict
  it expects — a step that holds is proved or checked; a wrong step of an erratum is refuted with
  a counterexample, and the correction the catalog gives for it holds.
- ``wrong_steps`` / ``the_wrong_step`` / ``counterexample_floats`` / ``reported_vector``: read a
  refuted step's counterexample, so a test can substitute it back into an independent computation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from types import MappingProxyType

import pytest

from symderive.check import check_catalog
from symderive.model import Derivation
from symderive.report import DerivationReport, StepReport

# CPU seconds per check.  The checker counts the worker's CPU time, so load on the machine does
# not eat into it; a step that cannot be proved symbolically spends the whole budget before it
# falls back to a numeric check, so a larger budget only makes such a step slower.
BUDGET_SECONDS = 2.0
# Generous, for the modules whose symbolic proofs run for seconds: the slowest, KL's three-point
# identity and Adam's sign step, took 6–8 s of wall time on a loaded machine.  Every step finishes
# well within it, so it costs nothing; it only keeps a slow proof from becoming a numeric check.
GENEROUS_BUDGET_SECONDS = 20.0


def catalog_reports(
    entries: Iterable[Derivation], *, budget_seconds: float = BUDGET_SECONDS
) -> Callable[[], Mapping[str, DerivationReport]]:
    """A module-scoped fixture named ``reports``: id → the checker's report on each entry.

    Use it as ``reports = catalog_reports(module.DERIVATIONS)`` at the top of a test module."""
    entries = tuple(entries)

    @pytest.fixture(scope="module", name="reports")
    def reports() -> Mapping[str, DerivationReport]:
        found, _ = check_catalog(entries, budget_seconds=budget_seconds, jobs=2)
        return MappingProxyType({report.id: report for report in found})

    return reports


def entry_id(derivation: Derivation) -> str:
    """The pytest id of a parametrized catalog entry: its catalog id."""
    return derivation.id


def assert_checks_as_expected(derivation: Derivation, report: DerivationReport) -> None:
    """Step k claims steps[k−1] <relation> steps[k]; its verdict must be the one it expects."""
    verdicts = [(s.index, s.outcome.verdict, s.outcome.reason) for s in report.steps]
    assert report.id == derivation.id
    assert report.as_expected, verdicts
    assert [s.index for s in report.steps] == list(range(1, len(derivation.steps))), verdicts
    for step, step_report in zip(derivation.steps[1:], report.steps, strict=True):
        assert step_report.expect == step.expect
        if step.expect == "holds":
            assert step_report.outcome.verdict in ("proved", "checked"), verdicts
        else:
            assert step_report.outcome.verdict == "refuted", verdicts
            assert step_report.outcome.counterexample is not None
            assert step_report.correction_outcome is not None
            assert step_report.correction_outcome.holds, step_report.correction_outcome


def wrong_steps(report: DerivationReport) -> list[StepReport]:
    """The steps of an erratum that are expected to be refuted, in order."""
    return [step for step in report.steps if step.expect == "refuted"]


def the_wrong_step(report: DerivationReport) -> StepReport:
    """The one step of an erratum that is expected to be refuted."""
    (wrong,) = wrong_steps(report)
    return wrong


def reported_vector(values: Mapping[str, str], name: str) -> list[float]:
    """name[1], name[2], …, name[n] of a reported point (n its reported size), in index order."""
    size = int(values["n"])
    return [float(Fraction(values[f"{name}[{i}]"])) for i in range(1, size + 1)]


def counterexample_floats(step_report: StepReport) -> dict[str, float]:
    """name → value of a refuted step's counterexample (reported as exact fractions)."""
    values = step_report.outcome.counterexample.values
    return {name: float(Fraction(value)) for name, value in values}
