r"""Domains a note states that contradict each other: no value satisfies them all.

Three kinds, each said once as a notice (naming the statements and their lines) and each
making a claim about the name under them *undecided* — whichever statement the note means, a
verdict computed under one of them would contradict the other (a proof "under x positive" of
``|x| = -x`` while the directive says x is negative; a counterexample outside the domain the
report cites):

1. a directive's domain (``<!-- symderive: assume x negative -->``) and a domain the prose
   states in force at the claim (``Assume $x > 0$.``) with an empty intersection. The
   directive holds for the whole note, so even a prose change (*Now suppose …*) clashes;
2. two statements in the prose of one section (``Let $0 < t < 1$. Let $t > 2$.``) with an
   empty intersection, the later one in force at the claim, and no word of change between
   them: a later statement that says it replaces the earlier one (*Now suppose $x < 0$.*,
   *Next, let …*, *이제 …*) or a lift between them is an override, not a contradiction;
3. an interval with no value in it (``Let $1 < x < 1$.``): the rest of its section.

And, for one step, an example value in force that lies outside the domain in force for its
name (``Assume $t > 0$. In the next example $t = -1$.``): the step is undecided too.

Domains are compared as SymPy sets; a domain that is not a set of real numbers (random,
matrix, simplex) never clashes here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from symderive.errors import ParseError
from symderive.model import Domain
from symderive.notes.context import parse, section_ends
from symderive.notes.sections import as_sections
from symderive.notes.inequalities import STATEMENTS, clause_of, domain_of, empty_bound
from symderive.notes.stated import AFTER_LIFT, name_key

# words by which a later statement says it replaces an earlier one
CHANGE = re.compile(
    r"\b(?:now|next|instead|henceforth|hereafter|from\s+(?:now|here)\s+on|this\s+time|"
    r"otherwise|alternatively|conversely|change|replac\w*|switch\w*|turn\w*\s+to|"
    r"(?:second|other|next|new|last)\s+case|case\s+(?:of|where|when|that)|on\s+the\s+other\s+hand"
    r")\b|이제|다음으로|다음에는|대신|반대로|이번에는|바꾸",
    re.I,
)


@dataclass(frozen=True)
class Clash:
    """Domains of one name that contradict each other: ``said`` names them with their lines.
    ``record`` (a StatedDomain) is the statement whose being in force makes the clash (kind
    2); for an empty interval (kind 3) it is None and ``sentence`` / ``line`` say where the
    interval is stated."""

    name: str  # as name_key spells it
    said: str
    lines: tuple[int, ...]
    record: object = None
    sentence: int = -1
    line: int = 0
    earlier: object = None  # narrowing only: the statement the later one replaced


def domain_set(domain: Domain) -> sp.Set | None:
    """The real numbers of a domain, or None (not a set of real numbers)."""
    kind = domain.kind
    if kind == "interval":
        low = -sp.oo if domain.low is None else sp.sympify(domain.low)
        high = sp.oo if domain.high is None else sp.sympify(domain.high)
        if not (low.is_number and high.is_number):
            return None
        return sp.Interval(low, high, domain.ends[0] == "(", domain.ends[1] == ")")
    sets = {
        "real": sp.S.Reals, "positive": sp.Interval.open(0, sp.oo),
        "negative": sp.Interval.open(-sp.oo, 0), "nonnegative": sp.Interval(0, sp.oo),
        "nonzero": sp.Union(sp.Interval.open(-sp.oo, 0), sp.Interval.open(0, sp.oo)),
        "integer": sp.S.Integers, "index": sp.S.Integers, "size": sp.S.Naturals,
        "probability": sp.Interval.open(0, 1),
    }  # fmt: skip
    return sets.get(kind)


def within(first: Domain, second: Domain) -> bool:
    """Whether every number of the first domain lies in the second (unknown: False)."""
    one, other = domain_set(first), domain_set(second)
    if one is None or other is None:
        return False
    try:
        return one.is_subset(other) is True
    except (TypeError, ValueError):
        return False


def disjoint(first: Domain, second: Domain) -> bool:
    """Whether no real number lies in both domains (decided by SymPy; unknown: False)."""
    one, other = domain_set(first), domain_set(second)
    if one is None or other is None:
        return False
    try:
        return sp.Intersection(one, other).is_empty is True
    except (TypeError, ValueError):
        return False


def outside(value, domain: Domain) -> bool:
    """Whether the number ``value`` is shown to lie outside the domain."""
    numbers = domain_set(domain)
    if numbers is None or not isinstance(value, sp.Basic) or not value.is_number:
        return False
    try:
        return numbers.contains(value) is sp.false
    except (TypeError, ValueError):
        return False


def _quoted(record) -> str:
    return f"'{record.words}' at line {record.line}"


def _directive(context, symbol) -> str:
    kind = context.domains[symbol].kind
    return f"the directive 'assume {symbol} {kind}' at line {context.assumed_at.get(symbol, '?')}"


def _symbol(context, name: str):
    try:
        symbol = parse(name, context.latex, "<prose>", 1)
    except ParseError:
        return None
    return symbol if isinstance(symbol, sp.Symbol) else None


def _directive_clash(context, record) -> str:
    """The clash of a prose domain with the directive's domain of its name, or ''."""
    symbol = _symbol(context, record.name)
    if symbol is None or symbol not in context.assumed_at:
        return ""
    if not disjoint(context.domains[symbol], domain_of(record)):
        return ""
    return f"{_directive(context, symbol)} and {_quoted(record)}"


def find_clashes(context) -> None:
    """Read the clashes of kinds 1–3 into ``context.domain_clashes`` and say each once in
    ``context.problems``."""
    stated = context.stated
    if stated is None:
        return
    end_of = section_ends(stated.ends)
    clashes: list[Clash] = []
    for record in stated.domains:  # 1: a directive and the prose
        said = _directive_clash(context, record)
        if said:
            line = context.assumed_at[_symbol(context, record.name)]
            clashes.append(Clash(name_key(record.name), said, (line, record.line), record))
    narrowing: list[Clash] = []  # both hold, only the later is in force: see outside_stated
    latest: dict = {}  # 2: (section end, name) -> the statement in force
    for record in stated.domains:
        if record.hypothesis:
            continue  # its own sentence only: a case of its own
        key = (end_of(record.line), name_key(record.name))
        before = latest.get(key)
        latest[key] = record
        if before is None or before.sentence == record.sentence or record.kind == "real":
            continue  # "Let $x$ be a real number.": any value again, no clash
        if not 0 <= record.sentence < len(stated.sentences):
            continue
        lifted = any(lift.name == key[1] and (
            before.sentence < lift.sentence < record.sentence
            or lift.words == AFTER_LIFT and before.sentence < lift.sentence <= record.sentence
        ) for lift in stated.lifts)  # two cases, each after its display (round 8b K4)
        if lifted or CHANGE.search(stated.sentences[record.sentence].text):
            continue  # replaced on purpose
        if disjoint(domain_of(before), domain_of(record)):
            clashes.append(Clash(key[1], f"{_quoted(before)} and {_quoted(record)}",
                                 (before.line, record.line), record))
        elif not within(domain_of(record), domain_of(before)):  # Let $u > 0$. Let $u < 1$.
            narrowing.append(Clash(key[1], "", (), record, earlier=before))
    for index, sentence in enumerate(stated.sentences):  # 3: an empty interval
        clause = clause_of(sentence)
        for pattern in STATEMENTS:
            match = pattern.match(clause)
            name = empty_bound(match.group("math")) if match else None
            if name:
                clashes.append(Clash(name_key(name), f"'{' '.join(clause.split())}' at line "
                                     f"{sentence.first}, an interval with no value in it",
                                     (sentence.first,), sentence=index, line=sentence.first))
                break
    for clash in clashes:
        where = ", ".join(str(line) for line in sorted(set(clash.lines)))
        context.problems.append(
            f"line {where}: the domains stated for {clash.name} contradict each other "
            f"({clash.said}): no value satisfies them all, so claims about {clash.name} under "
            "them are not decided")
    context.domain_clashes = clashes + narrowing


def clash_at(context, line: int, latex: str, lead: str, names: set[str], view=None,
             used=()) -> str:
    """Why a step about ``names`` at the chain ``latex`` on ``line`` is not decided: the
    domains in force for one of its names contradict each other, or an example value it used
    lies outside its name's domain; '' when neither."""
    stated = context.stated
    if stated is None:
        return ""
    keys = {name_key(name) for name in names}
    in_force = [r for r in stated.for_chain(line, latex, lead) if name_key(r.name) in keys]
    for record in in_force:
        said = _directive_clash(context, record)
        if said:
            return _reason(name_key(record.name), said)
    sections = as_sections(stated.ends)
    for clash in context.domain_clashes:
        if clash.name not in keys:
            continue
        if clash.earlier is not None:
            continue  # both hold: only a refutation needs both (outside_stated)
        if clash.record is not None and any(r is clash.record for r in in_force):
            return _reason(clash.name, clash.said)
        if clash.record is None and sections.reaches(clash.line, line) and (
            not any(r.sentence > clash.sentence and name_key(r.name) == clash.name
                    for r in in_force)
        ):  # fmt: skip
            return _reason(clash.name, clash.said)
    return _example_outside(context, in_force, view, used)


def _example_outside(context, in_force, view, used) -> str:
    """An example value the step used that lies outside the domain in force for its name."""
    if view is None:
        return ""
    for key in sorted(used, key=str):
        if key not in view.examples or key[0] != "symbol":
            continue
        symbol, value = key[1], view.symbols.get(key[1])
        if symbol in context.assumed_at and outside(value, context.domains[symbol]):
            return _reason(str(symbol), f"{_directive(context, symbol)} and the example value "
                           f"{symbol} = {value} at line {view.examples[key]}")
        for record in in_force:
            if name_key(record.name) == name_key(str(symbol)) and outside(
                value, domain_of(record)
            ):  # fmt: skip
                return _reason(str(symbol), f"{_quoted(record)} and the example value "
                               f"{symbol} = {value} at line {view.examples[key]}")
    return ""


def narrowed(context, line: int, latex: str, lead: str = "") -> dict:
    """symbol → the prose's domain in force at the chain for a name whose directive domain
    holds all of it (``assume z positive`` and ``Let $0 < z < 1$.``): both hold, so the check
    uses their intersection, the prose's."""
    stated = context.stated
    if stated is None:
        return {}
    found = {}
    for record in stated.for_chain(line, latex, lead):
        symbol = _symbol(context, record.name)
        if symbol is not None and symbol in context.assumed_at and within(
            domain_of(record), context.domains[symbol]
        ):  # fmt: skip
            found[symbol] = found[sp.IndexedBase(symbol.name)] = domain_of(record)
    return found


def outside_stated(context, line: int, latex: str, lead: str, values) -> str:
    """Why a counterexample (``values``: (name, exact value) pairs) is no refutation: a value
    outside a domain the note states for its name at the chain, though the check did not use
    it — the directive's domain when the prose's was used, the prose's when the directive's
    was, an earlier statement a later one narrowed without replacing it (``Let $u > 0$. Let
    $u < 1$.``); '' when every value lies in every such domain."""
    stated = context.stated
    if stated is None:
        return ""
    in_force = stated.for_chain(line, latex, lead)
    for name, text in values:
        if not re.fullmatch(r"-?\d+(?:/\d+)?", text.strip()):
            continue
        value, key = sp.Rational(text.strip()), name_key(name)
        said = [(_quoted(r), domain_of(r)) for r in in_force if name_key(r.name) == key]
        said += [(_quoted(clash.earlier), domain_of(clash.earlier))
                 for clash in context.domain_clashes if clash.earlier is not None
                 and clash.name == key and any(r is clash.record for r in in_force)]
        said += [(_directive(context, symbol), context.domains[symbol])
                 for symbol in context.assumed_at if name_key(str(symbol)) == key]
        for where, domain in said:
            if outside(value, domain):
                return (f"the counterexample's {name} = {text} lies outside the domain the note "
                        f"states for it ({where}), which this check did not use")
        for record in in_force:
            if name_key(record.name) == key and _at_an_unsaid_end(value, record):
                return (f"the counterexample's {name} = {text} is an end of the interval the "
                        f"note states in words ({_quoted(record)}), which may or may not "
                        "include its ends")
    return ""


# "between 0 and 1", "0과 1 사이": the ends may or may not belong (worded_bounds reads it closed)
_ENDS_UNSAID = re.compile(r"(?<!strictly )\bbetween\b|사이", re.I)


def _at_an_unsaid_end(value: sp.Rational, record) -> bool:
    domain = domain_of(record)
    ends = (domain.low, domain.high) if domain.kind == "interval" else (
        (0, 1) if domain.kind == "probability" else ())
    return bool(_ENDS_UNSAID.search(record.words)) and any(
        end is not None and value == end for end in ends)


def _reason(name: str, said: str) -> str:
    return (f"the note states domains for {name} that contradict each other ({said}): no value "
            f"satisfies them all, so this claim about {name} is neither proved nor refuted "
            "under them")
