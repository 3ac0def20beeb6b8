"""The derivation model: plain frozen values, no I/O, no rendering.

A :class:`Derivation` is an ordered chain of :class:`Step` s.  Step ``k`` (1-based) claims
``steps[k-1].expr  <relation of steps[k]>  steps[k].expr``; the chain as a whole establishes
``steps[0] <relations> steps[-1]``, which is its :attr:`Derivation.claim`.

Every symbol that occurs in a step has a :class:`Domain`.  Where a derivation does not name
one, the domain is read off the SymPy assumptions of the symbol (``positive=True`` → positive,
otherwise real), so a derivation only spells out what SymPy cannot express itself:
probabilities, simplices, random variables, sizes and indices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import sympy as sp

KINDS = (
    "real",
    "positive",
    "negative",
    "nonnegative",
    "nonzero",
    "integer",
    "probability",  # open interval (0, 1)
    "simplex",  # jointly with the other members of `group`: positive, summing to 1
    "size",  # a positive integer used as a bound of sums/products (sampled small)
    "index",  # an integer in [low, high] (high may be a size symbol)
    "interval",  # a real number between the numbers low and high (None: unbounded), `ends`
    "random",  # a random variable (finite distributions in numeric checks)
    "matrix",  # a MatrixSymbol; shape taken from the symbol
)

RELATIONS = ("=", "<=", ">=", "<", ">", "!=")

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Domain:
    """Where a symbol lives; numeric checks sample from it, symbolic checks assume it."""

    kind: str = "real"
    group: str | None = None  # simplex: members of one group sum to 1
    low: sp.Basic | int | None = None  # index: lower bound
    high: sp.Basic | int | None = None  # index: upper bound (may be a size symbol)
    centered: bool = False  # random: E[X] = 0 (a fact the checker may use)
    ends: str = "[]"  # interval: "[" / "(" a closed / open lower end, "]" / ")" the upper one

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown domain kind {self.kind!r}; expected one of {KINDS}")
        if self.kind == "simplex" and not self.group:
            raise ValueError("a simplex domain needs a group name")


REAL = Domain("real")
POSITIVE = Domain("positive")
PROBABILITY = Domain("probability")
RANDOM = Domain("random")
SIZE = Domain("size")


def simplex(group: str) -> Domain:
    """Members of ``group`` are positive and sum to 1 (a probability vector)."""
    return Domain("simplex", group=group)


def interval(low, high, ends: str = "[]") -> Domain:
    """A real number in the interval from ``low`` to ``high`` (numbers, None: unbounded);
    ``ends`` says which ends belong to it ("[]" closed, "()" open, "[)", "(]")."""
    return Domain("interval", low=low, high=high, ends=ends)


def in_interval(value: sp.Basic, domain: Domain) -> bool:
    """Whether the number ``value`` lies in the interval ``domain``."""
    low, high = domain.low, domain.high
    try:
        if low is not None and not (value >= low if domain.ends[0] == "[" else value > low):
            return False
        return high is None or bool(value <= high if domain.ends[1] == "]" else value < high)
    except TypeError:  # a value SymPy cannot order: not shown to be inside
        return False


def index(low: sp.Basic | int, high: sp.Basic | int) -> Domain:
    """An integer index running from ``low`` to ``high`` inclusive."""
    return Domain("index", low=low, high=high)


SOURCE_KINDS = ("note", "figure", "supplement")

ERRATUM_KINDS = ("error", "notation", "wording")


@dataclass(frozen=True)
class Source:
    """Where a derivation comes from: a seed note (file name), a section heading in it, and
    whether the material is in the note's text (``kind="note"``: its steps quote the text),
    in a figure of that section (``"figure"``) or supplied from a standard reference the note
    relies on without writing it (``"supplement"``); ``reference`` names the figure or book."""

    note: str
    section: str
    kind: str = "note"
    reference: str = ""

    def __post_init__(self) -> None:
        if self.kind not in SOURCE_KINDS:
            raise ValueError(f"unknown source kind {self.kind!r}; expected one of {SOURCE_KINDS}")
        if self.kind != "note" and not self.reference.strip():
            raise ValueError(f"a {self.kind} source needs a reference saying where it comes from")

    def __str__(self) -> str:
        where = f"{self.note} § {self.section}"
        if self.kind == "figure":
            return f"{where} (figure: {self.reference})"
        if self.kind == "supplement":
            return f"{where} (supplement: {self.reference})"
        return where


@dataclass(frozen=True)
class Step:
    """One expression of a chain and why it follows from the previous one.

    ``relation`` is the claimed relation *to the previous step* (ignored on the first step).
    ``expect`` is ``"holds"`` for a correct step and ``"refuted"`` for a wrong step that an
    erratum reproduces from the notes; such a step carries its ``correction``, the expression
    the note should have written (checked against the previous step too).

    ``quote`` is the note's own text for this step, verbatim from the cited section (a test
    finds it there); a step without one is the catalog's own working between quoted steps.
    ``restatement`` marks a step whose two sides are the same expression because the note
    itself restates it (a definition read twice); any other such step checks nothing.
    """

    expr: sp.Basic
    justification: str = ""
    relation: str = "="
    expect: str = "holds"
    correction: sp.Basic | None = None
    note_latex: str | None = None  # the note's own rendering of this step, where useful
    quote: str | None = None
    restatement: bool = False

    def __post_init__(self) -> None:
        if self.quote is not None and not self.quote.strip():
            raise ValueError("a quote must not be empty")
        if self.relation not in RELATIONS:
            raise ValueError(f"unknown relation {self.relation!r}; expected one of {RELATIONS}")
        if self.expect not in ("holds", "refuted"):
            raise ValueError("expect must be 'holds' or 'refuted'")
        if self.expect == "refuted" and self.correction is None:
            raise ValueError("a step expected to be refuted must carry its correction")


@dataclass(frozen=True)
class Derivation:
    """A chain of steps from the notes, with its source, symbols and the claim it establishes.

    ``givens`` are facts the checker may substitute (``Eq(p3, 1 - p1 - p2)``): each is an
    equation whose left side is a symbol (or a function application) to replace by the right.
    ``independent`` lists groups of random symbols that are mutually independent.
    ``erratum_of`` names the corrected derivation when this one reproduces a slip of a note;
    ``erratum_kind`` says what kind of slip: ``"error"`` (a wrong step, refuted with a
    counterexample, with a correction that holds), ``"notation"`` (the note's form is right
    under a conventional reading, which the steps encode — nothing is refuted) or
    ``"wording"`` (the prose misnames something; the mathematics holds).  An erratum with a
    wrong step and no kind is an ``"error"``.
    """

    id: str
    title: str
    source: Source
    steps: tuple[Step, ...]
    claim: str
    domains: tuple[tuple[sp.Basic, Domain], ...] = ()
    givens: tuple[sp.Eq, ...] = ()
    independent: tuple[tuple[sp.Basic, ...], ...] = ()
    erratum_of: str | None = None
    topic: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    erratum_kind: str | None = None

    def __post_init__(self) -> None:
        if not ID_PATTERN.match(self.id):
            raise ValueError(f"derivation id {self.id!r} is not kebab-case")
        if len(self.steps) < 2:
            raise ValueError(f"{self.id}: a derivation needs at least two steps")
        has_wrong_step = any(step.expect == "refuted" for step in self.steps)
        if self.erratum_kind is not None:
            if self.erratum_kind not in ERRATUM_KINDS:
                raise ValueError(
                    f"{self.id}: unknown erratum kind {self.erratum_kind!r}; "
                    f"expected one of {ERRATUM_KINDS}"
                )
            if not self.erratum_of:
                raise ValueError(f"{self.id}: an erratum kind needs erratum_of")
        if self.kind_of_erratum == "error" and not has_wrong_step:
            raise ValueError(f"{self.id}: an error erratum must contain a step expected to be refuted")
        if self.kind_of_erratum in ("notation", "wording") and has_wrong_step:
            raise ValueError(
                f"{self.id}: a {self.kind_of_erratum} erratum reads the note so that it holds; "
                "no step may be expected to be refuted"
            )
        if has_wrong_step and not self.erratum_of:
            raise ValueError(f"{self.id}: a wrong step belongs to an erratum (set erratum_of)")

    @property
    def is_erratum(self) -> bool:
        return self.erratum_of is not None

    @property
    def kind_of_erratum(self) -> str | None:
        """'error', 'notation' or 'wording' for an erratum (an unlabelled one is an error)."""
        if self.erratum_of is None:
            return None
        return self.erratum_kind or "error"

    def domain_of(self, symbol: sp.Basic) -> Domain:
        for known, domain in self.domains:
            if known == symbol:
                return domain
        return domain_from_assumptions(symbol)

    def symbols(self) -> tuple[sp.Basic, ...]:
        """Every free symbol of the steps, corrections and givens, in a stable order."""
        found: set[sp.Basic] = set()
        for step in self.steps:
            found |= step.expr.free_symbols
            if step.correction is not None:
                found |= step.correction.free_symbols
        for given in self.givens:
            found |= given.free_symbols
        found |= {symbol for symbol, _ in self.domains}
        return tuple(sorted(found, key=sp.default_sort_key))

    def pairs(self) -> Iterable[tuple[int, Step, Step]]:
        """(1-based index, previous step, step) for every claimed relation of the chain."""
        for position in range(1, len(self.steps)):
            yield position, self.steps[position - 1], self.steps[position]


def domain_from_assumptions(symbol: sp.Basic) -> Domain:
    """The domain a bare SymPy symbol implies through its assumptions."""
    if isinstance(symbol, sp.MatrixSymbol):
        return Domain("matrix")
    if getattr(symbol, "is_integer", None) and getattr(symbol, "is_positive", None):
        return SIZE
    if getattr(symbol, "is_integer", None):
        return Domain("integer")
    if getattr(symbol, "is_positive", None):
        return POSITIVE
    if getattr(symbol, "is_negative", None):
        return Domain("negative")
    if getattr(symbol, "is_nonnegative", None):
        return Domain("nonnegative")
    if getattr(symbol, "is_nonzero", None) and getattr(symbol, "is_real", None):
        return Domain("nonzero")
    return REAL


def derivation_index(derivations: Iterable[Derivation]) -> Mapping[str, Derivation]:
    """Map id → derivation, refusing duplicate ids."""
    by_id: dict[str, Derivation] = {}
    for derivation in derivations:
        if derivation.id in by_id:
            raise ValueError(f"duplicate derivation id {derivation.id!r}")
        by_id[derivation.id] = derivation
    return by_id
