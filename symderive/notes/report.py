"""What checking a set of notes found: frozen values that renderers read and never recompute.

Every step of every equation chain gets a verdict — proved / checked / refuted / undecided
(from :mod:`symderive.check`) or ``skipped`` with a countable :class:`SkipReason`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum

from symderive.report import Counterexample, Outcome


class SkipReason(str, Enum):
    """Why an equation or a step was not checked (counted in the summary)."""

    NOT_A_CHAIN = "not-a-chain"  # a single expression, no relation
    DEFINITION = "definition"  # name = expression, :=, \coloneqq, \triangleq, \equiv
    TABLE = "table"  # \begin{array}, \hline
    PROSE = "prose"  # \text{…} words
    OPTIMIZATION = "optimization"  # minimize(…) = maximize(…): not values
    UNCHECKED_RELATION = "unchecked-relation"  # \approx, \sim, \to, \Rightarrow, ':'
    UNKNOWN_COMMAND = "unknown-command"  # a command or word outside the grammar
    PARSE_ERROR = "parse-error"  # malformed or beyond the grammar
    UNDEFINED_DERIVATIVE = "undefined-derivative"  # ∂L/∂x with L never defined
    MATRIX = "matrix"  # matrix layouts, pmatrix, \vdots
    INPUT_LIMIT = "input-limit"  # too long, too deep, exponent too large, expands too far
    CONDITION = "condition"  # a hypothesis or an equation to solve: 1 <= i <= n, cos θ = -1
    UPDATE_RULE = "update-rule"  # θ := θ - α∇J
    OPERATOR = "operator"  # ∇f, D_x f, f^{(n)}: operators the notes reader does not evaluate
    QUOTED = "quoted"  # a formula the note calls wrong (a mistake it warns against): no claim
    QUESTION = "question"  # a formula the note asks about (True or false: $…$): no claim


@dataclass(frozen=True)
class NoteStep:
    """Step ``index`` (1-based) claims ``lhs <relation> rhs`` (element index-1 vs index)."""

    index: int
    lhs_latex: str
    rhs_latex: str
    relation: str
    verdict: str  # proved, checked, refuted, undecided, skipped
    lhs: str = ""  # the SymPy reading, for the curious
    rhs: str = ""
    outcome: Outcome | None = None
    suggestion: str | None = None  # LaTeX of what the right side should be, when computable
    reason: str = ""
    skip: SkipReason | None = None
    readings: tuple[str, ...] = ()  # how names were read where not literal ("h_θ: function…")
    used: tuple[str, ...] = ()  # definitions and example values the verdict relied on
    instances: str = ""  # the concrete functions an unknown function was checked on

    @property
    def counterexample(self) -> Counterexample | None:
        return self.outcome.counterexample if self.outcome else None

    def as_dict(self) -> dict:
        return {
            "index": self.index,
            "lhs": self.lhs_latex,
            "rhs": self.rhs_latex,
            "relation": self.relation,
            "verdict": self.verdict,
            "counterexample": self.counterexample.as_dict() if self.counterexample else None,
            "suggestion": self.suggestion,
            "reason": self.reason,
            "skip_reason": self.skip.value if self.skip else None,
            "lhs_sympy": self.lhs,
            "rhs_sympy": self.rhs,
            "method": self.outcome.method if self.outcome else "",
            "sizes": list(self.outcome.sizes) if self.outcome else [],
            "readings": list(self.readings),
            "used": list(self.used),
            "givens_used": list(self.outcome.used_givens) if self.outcome else [],
            "instances": self.instances,
        }


@dataclass(frozen=True)
class NoteEquation:
    """One chain ``e0 rel e1 rel …`` of a note, where it is, and each step's verdict."""

    line: int
    latex: str
    kind: str  # display, inline, environment, alt-text, image-url
    steps: tuple[NoteStep, ...] = ()
    skip: SkipReason | None = None  # the whole equation was not checked
    reason: str = ""
    parsed: bool = False  # a chain whose every element the grammar read

    @property
    def checked(self) -> bool:
        return any(step.verdict != "skipped" for step in self.steps)

    def as_dict(self) -> dict:
        return {
            "line": self.line,
            "latex": self.latex,
            "kind": self.kind,
            "skip_reason": self.skip.value if self.skip else None,
            "reason": self.reason,
            "parsed": self.parsed,
            "steps": [step.as_dict() for step in self.steps],
        }


@dataclass(frozen=True)
class NoteFile:
    path: str
    equations: tuple[NoteEquation, ...] = ()
    notices: tuple[str, ...] = ()  # "line 12: \\input is not followed", …
    error: str | None = None  # the file could not be read (not UTF-8, too large, …)
    # the line an unreadable file is reported at (the whole file: its first line)
    ERROR_LINE = 1
    readings: tuple[tuple[str, str], ...] = ()  # (name, how it was read) for --explain
    seconds: float = 0.0  # time spent reading and planning this file (checks excluded)

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "error": self.error,
            "error_line": self.ERROR_LINE if self.error else None,
            "notices": list(self.notices),
            "readings": [{"name": name, "read_as": how} for name, how in self.readings],
            "equations": [equation.as_dict() for equation in self.equations],
        }


@dataclass(frozen=True)
class NotesReport:
    files: tuple[NoteFile, ...]
    seconds: float = 0.0

    def steps(self) -> list[NoteStep]:
        return [step for file in self.files for eq in file.equations for step in eq.steps]

    @property
    def refuted(self) -> bool:
        return any(step.verdict == "refuted" for step in self.steps())

    @property
    def unreadable(self) -> tuple[NoteFile, ...]:
        """Files that could not be read (not UTF-8, binary, too large): bad input."""
        return tuple(file for file in self.files if file.error)

    @property
    def bad_directives(self) -> tuple[tuple[str, str], ...]:
        """(file, notice) for each directive that could not be read (``assume x postive``): bad
        input, as an unreadable file is — the note's claims were read without it."""
        return tuple((file.path, notice) for file in self.files for notice in file.notices
                     if "directive not understood" in notice)

    def summary(self) -> dict:
        """Counts: equations found/parsed/checked/skipped (by reason) and step verdicts."""
        equations = [eq for file in self.files for eq in file.equations]
        verdicts = Counter(step.verdict for step in self.steps())
        skip_reasons: Counter[str] = Counter()
        for equation in equations:
            if equation.skip is not None:
                skip_reasons[equation.skip.value] += 1
        step_skips = Counter(step.skip.value for step in self.steps() if step.skip is not None)
        return {
            "files": len(self.files),
            "files_unreadable": sum(1 for file in self.files if file.error),
            "equations": len(equations),
            "equations_parsed": sum(1 for equation in equations if equation.parsed),
            "equations_checked": sum(1 for equation in equations if equation.checked),
            "equations_skipped": sum(1 for equation in equations if equation.skip is not None),
            "equations_skipped_by_reason": dict(sorted(skip_reasons.items())),
            "steps": sum(verdicts.values()),
            "proved": verdicts["proved"],
            "checked": verdicts["checked"],
            "refuted": verdicts["refuted"],
            "undecided": verdicts["undecided"],
            "skipped": verdicts["skipped"],
            "steps_skipped_by_reason": dict(sorted(step_skips.items())),
            "seconds": round(self.seconds, 3),
        }

    def as_dict(self) -> dict:
        return {
            "files": [file.as_dict() for file in self.files],
            "summary": self.summary(),
        }
