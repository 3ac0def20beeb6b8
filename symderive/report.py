"""What the checker found: plain frozen values that renderers read and never recompute.

Verdicts:
- ``proved``: the symbolic difference simplified to exactly 0 (``method`` says how);
- ``checked``: agrees numerically at the listed ``points`` to ``digits`` significant digits;
- ``refuted``: disagrees at ``counterexample`` (symbol values and both sides' values);
- ``undecided``: the time budget ran out or the domain gave trouble (``reason`` says which).
"""

from __future__ import annotations

from dataclasses import dataclass, field

VERDICTS = ("proved", "checked", "refuted", "undecided")


@dataclass(frozen=True)
class Counterexample:
    """Values of the symbols (as text) at which the two sides differ, and both sides there."""

    values: tuple[tuple[str, str], ...]
    lhs_value: str
    rhs_value: str

    def as_dict(self) -> dict:
        return {
            "values": dict(self.values),
            "lhs_value": self.lhs_value,
            "rhs_value": self.rhs_value,
        }


@dataclass(frozen=True)
class Outcome:
    """The verdict on one claimed relation ``lhs <relation> rhs``."""

    verdict: str
    method: str = ""  # e.g. "simplify", "expand_log", "entrywise 2x3", "numeric", "exact-finite"
    counterexample: Counterexample | None = None
    points: tuple[tuple[tuple[str, str], ...], ...] = ()  # numeric sample points used
    digits: int = 0  # working precision of the numeric evaluation
    reason: str = ""  # for undecided; also notes such as excluded points for proved
    excluded: tuple[str, ...] = ()  # points where one side is undefined (domain-losing steps)
    sizes: tuple[int, ...] = ()  # instantiated sizes for symbolic bounds
    used_givens: tuple[str, ...] = ()  # facts of the derivation the check relied on
    seconds: float = 0.0
    points_checked: int = 0  # points where certified balls agreed (``points`` shows up to 8)
    # for rational sides checked exactly: Schwartz–Zippel bound on a false agreement
    false_agreement_bound: float | None = None
    # expectation claims: why the finite laws tried decide it for every law ('' when sampled)
    laws_decide: str = ""

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {self.verdict!r}")
        if self.verdict == "refuted" and self.counterexample is None:
            raise ValueError("a refutation must carry a counterexample")

    @property
    def holds(self) -> bool:
        return self.verdict in ("proved", "checked")

    def as_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "method": self.method,
            "counterexample": self.counterexample.as_dict() if self.counterexample else None,
            "points": [dict(point) for point in self.points],
            "digits": self.digits,
            "reason": self.reason,
            "excluded": list(self.excluded),
            "sizes": list(self.sizes),
            "used_givens": list(self.used_givens),
            "seconds": round(self.seconds, 4),
            "points_checked": self.points_checked,
            "false_agreement_bound": self.false_agreement_bound,
        }


@dataclass(frozen=True)
class StepReport:
    """One step of a derivation: the relation claimed, why, and the checker's outcome."""

    index: int  # 1-based: step k relates item k-1 to item k
    lhs: str
    rhs: str
    lhs_latex: str
    rhs_latex: str
    relation: str
    justification: str
    outcome: Outcome
    expect: str = "holds"
    correction: str | None = None
    correction_latex: str | None = None
    correction_outcome: Outcome | None = None

    @property
    def as_expected(self) -> bool:
        if self.expect == "refuted":
            correction_ok = self.correction_outcome is None or self.correction_outcome.holds
            return self.outcome.verdict == "refuted" and correction_ok
        return self.outcome.holds

    def as_dict(self) -> dict:
        result = {
            "index": self.index,
            "lhs": self.lhs,
            "rhs": self.rhs,
            "lhs_latex": self.lhs_latex,
            "rhs_latex": self.rhs_latex,
            "relation": self.relation,
            "justification": self.justification,
            "verdict": self.outcome.verdict,
            "counterexample": (
                self.outcome.counterexample.as_dict() if self.outcome.counterexample else None
            ),
            "expected": self.expect,
            "as_expected": self.as_expected,
            "detail": self.outcome.as_dict(),
        }
        if self.correction is not None:
            result["correction"] = self.correction
            result["correction_latex"] = self.correction_latex
            result["correction_verdict"] = (
                self.correction_outcome.verdict if self.correction_outcome else None
            )
        return result


@dataclass(frozen=True)
class DerivationReport:
    """Every step of one derivation checked, with the derivation's identity and source."""

    id: str
    title: str
    source: str
    claim: str
    erratum_of: str | None
    steps: tuple[StepReport, ...]
    seconds: float = 0.0
    topic: str = ""

    @property
    def is_erratum(self) -> bool:
        return self.erratum_of is not None

    @property
    def as_expected(self) -> bool:
        return all(step.as_expected for step in self.steps)

    @property
    def status(self) -> str:
        """'proved' / 'checked' when every step holds, 'erratum' when the note's error was
        reproduced as expected, otherwise the worst unexpected verdict."""
        if not self.as_expected:
            verdicts = {step.outcome.verdict for step in self.steps if not step.as_expected}
            for worst in ("refuted", "undecided", "checked", "proved"):
                if worst in verdicts:
                    return f"unexpected-{worst}"
        if self.is_erratum:
            return "erratum"
        if all(step.outcome.verdict == "proved" for step in self.steps):
            return "proved"
        return "checked"

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "claim": self.claim,
            "topic": self.topic,
            "erratum": self.is_erratum,
            "erratum_of": self.erratum_of,
            "status": self.status,
            "as_expected": self.as_expected,
            "seconds": round(self.seconds, 3),
            "steps": [step.as_dict() for step in self.steps],
        }


@dataclass(frozen=True)
class CatalogSummary:
    """Counts over a set of derivation reports; errata are counted separately."""

    derivations: int
    steps: int
    proved: int
    checked: int
    refuted: int
    undecided: int
    errata: int
    errata_reproduced: int
    unexpected: tuple[str, ...] = field(default_factory=tuple)
    seconds: float = 0.0

    @classmethod
    def of(cls, reports: tuple[DerivationReport, ...], seconds: float = 0.0) -> CatalogSummary:
        verdicts = [step.outcome.verdict for report in reports for step in report.steps]
        return cls(
            derivations=len(reports),
            steps=len(verdicts),
            proved=verdicts.count("proved"),
            checked=verdicts.count("checked"),
            refuted=verdicts.count("refuted"),
            undecided=verdicts.count("undecided"),
            errata=sum(1 for report in reports if report.is_erratum),
            errata_reproduced=sum(
                1 for report in reports if report.is_erratum and report.as_expected
            ),
            unexpected=tuple(report.id for report in reports if not report.as_expected),
            seconds=seconds,
        )

    @property
    def ok(self) -> bool:
        return not self.unexpected

    def as_dict(self) -> dict:
        return {
            "derivations": self.derivations,
            "steps": self.steps,
            "proved": self.proved,
            "checked": self.checked,
            "refuted": self.refuted,
            "undecided": self.undecided,
            "errata": self.errata,
            "errata_reproduced": self.errata_reproduced,
            "unexpected": list(self.unexpected),
            "ok": self.ok,
            "seconds": round(self.seconds, 3),
        }
