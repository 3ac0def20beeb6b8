r"""A name given a second formula in its section, read as a claim about the first one.

The roles stage (:func:`symderive.notes.roles.second_formula`) reads a second ``name = …`` as a
claim (no words, or words of derivation), a redefinition (*let, define, instead, example* …) or
*disputed* (other words: the text does not say). Here (docs/notes.md, "Formulas given again"):

* **The k-term case of a sum.** After ``H(x) = -\sum_{i=1}^{n} q(x_i) \log p(x_i)``, a claim or
  disputed ``H(x) = t\log y + (1-t)\log(1-y)`` whose k ≥ 2 terms each match the summand with
  its entries (``q(x_i)``, ``p(x_i)``) bound to expressions in the note's names states the sum at
  n = k with those entries. A minus sign in front of a written term is the term's sign and never
  part of an entry; when a term does not match, an entry would be a negated expression or a bare
  number, or the summand has no entries, this reading does not apply.
* **A disputed formula** with exactly the same free names (at least one) as the first is
  compared with it but never refuted (it may be a new definition); values without names (a new
  example's number) are never compared.
* **Both readings of its uses** (:func:`with_first_readings`): every step that uses a disputed
  formula is also planned with the first one; the checker keeps a verdict only where the two
  agree. A disputed formula equal to the first once the definitions on its line are substituted
  is no dispute (:func:`settle_disputes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.build import time_limit
from symderive.notes.chains import top_level_spans
from symderive.notes.context import (
    Definition,
    DefinitionView,
    FileContext,
    Located,
    formula_definition,
    parse,
)
from dataclasses import replace

from symderive.notes.expand import expand_definitions

from symderive.notes.plan import PlannedEquation, PlannedStep, plan_steps
from symderive.notes.roles import Role
from symderive.notes.sections import as_sections

MATCH_SECONDS = 2.0
MAX_TERMS = 8


@dataclass(frozen=True)
class Restatement:
    """The claim a second formula of a name makes: ``lhs = rhs``, relying on ``previous``."""

    lhs: sp.Basic
    rhs: sp.Basic
    previous: Definition
    how: str  # how the name was read, for the verdict line
    doubt: str = ""  # the other plausible reading, when a refutation would rest on this one
    unpinned: str = ""  # why a proof under this reading would say nothing (see sum_case)


def previous_definition(
    item: Located, context: FileContext, source: str = "<notes>"
) -> tuple[Definition, Definition] | None:
    """(the definition of the same name in force just before, this item's own formula): the
    item's own is its registered definition, or for a second formula read as a claim the
    definition it would make."""
    own = [d for d in context.definitions if d.order == item.order and d.start == item.chain.line]
    if item.reading.role is Role.CLAIM:
        mine = formula_definition(item, context, source)
        if mine is None:
            return None
    elif len(own) == 1:
        [mine] = own
    else:
        return None
    earlier = [
        d for d in context.definitions
        if d.key == mine.key and d.order < item.order and d.end >= item.chain.line
        and d.start <= item.chain.line
    ]  # fmt: skip
    if not earlier:
        return None
    return max(earlier, key=lambda d: d.order), mine


def _body(definition: Definition) -> sp.Basic:
    return definition.value[1] if definition.key[0] == "function" else definition.value


SIGN = re.compile(r"[+\-−]")


def written_terms(latex: str) -> list[tuple[int, str]]:
    """The top-level terms of a written right side with their written signs:
    ``t\\log y - (1-t)\\log(1-y)`` → [(1, ``t\\log y``), (-1, ``(1-t)\\log(1-y)``)]."""
    cuts = top_level_spans(latex, SIGN)
    terms, start, sign = [], 0, 1
    for begin, end in cuts:
        if latex[start:begin].strip():
            terms.append((sign, latex[start:begin].strip()))
        elif terms:
            return []  # two signs in a row: not a plain sum of terms
        sign = -1 if latex[begin:end] in "-−" else 1
        start = end
    if latex[start:].strip():
        terms.append((sign, latex[start:].strip()))
    return terms


def sum_case(previous: sp.Basic, terms: list[sp.Basic]) -> tuple[sp.Basic, list, tuple] | None:
    """``previous`` (one ``\\sum_{i=low}^{n}`` with entries ``e[i]``) at n = k, its entries bound
    so that each summand is one written term (``terms``: each without its written sign);
    ``None`` unless every term matches."""
    sums = list(previous.atoms(sp.Sum))
    if len(sums) != 1 or len(sums[0].limits) != 1:
        return None
    [total] = sums
    index, low, high = total.limits[0]
    if not (low.is_Integer and isinstance(high, sp.Symbol)):
        return None
    entries = sorted(
        {e for e in total.function.atoms(sp.Indexed) if e.indices == (index,)}, key=sp.srepr
    )
    if not entries or not 2 <= len(terms) <= MAX_TERMS:
        return None
    wilds = [sp.Wild(f"entry{k}") for k in range(len(entries))]
    pattern = total.function.xreplace(dict(zip(entries, wilds)))
    if index in pattern.free_symbols or not pattern.atoms(sp.Function):
        return None  # the index used bare, or a bare product of entries: matches are ambiguous
    bound: list = []
    summands = []
    for term in terms:
        for sign in (1, -1):  # the summand as written, else its negative (Σ p(−log p))
            match = term.match(sign * pattern)
            if match and set(match) == set(wilds):
                break
        else:
            return None
        values = [match[w] for w in wilds]
        if any(not value.free_symbols for value in values):
            return None  # numbers are evaluated before matching: their structure is lost
        if sp.expand(sign * pattern.xreplace(match) - term) != 0:
            return None
        bound.append(values)
        summands.append(sign * term)
    dummy = sp.Dummy("sum")
    outer = previous.xreplace({total: dummy}).subs(high, len(terms))
    instance = outer.subs(dummy, sp.Add(*summands))
    readings = [
        ", ".join(f"{sp.sstr(e.subs(index, low + k))} = {sp.sstr(v)}" for e, v in zip(entries, vs))
        for k, vs in enumerate(bound)
    ]
    pinned = [(sp.sstr(e.base), int(low + k), v)
              for k, vs in enumerate(bound) for e, v in zip(entries, vs)]  # fmt: skip
    return instance, readings, (high, pinned)


# ``$p(x_2) = 1 - y$``, ``$q_1 = t$``: an entry of the sum given a value in the prose
STATED_ENTRY = re.compile(
    r"^\s*\\?([A-Za-z]+)\s*(?:\(\s*x_\{?\s*(\d+)\s*\}?\s*\)|_\{?\s*(\d+)\s*\}?)\s*=\s*(.+?)\s*$")


def _stated(item: Located, context: FileContext, source: str) -> tuple[dict, dict]:
    """Entry values and sizes (``n = 3``) the section states in inline math before the
    formula and in its own line: {(name, position): value}, {size name: value}."""
    lines = context.raw_text.splitlines()
    text = "\n".join(lines[number - 1] for number in [
        *as_sections(context.headings).before(item.chain.line), item.chain.line]
        if number <= len(lines))  # its section and those enclosing it (sections.py)
    entries: dict = {}
    sizes: dict = {}
    text = re.sub(r"\$\$.*?\$\$|\\\[.*?\\\]", " ", text, flags=re.S)  # displays: not statements
    for math in re.findall(r"\$([^$]+)\$", text):
        for part in re.split(r",\s*(?=[A-Za-z\\])|\\quad|;", math):
            match = STATED_ENTRY.match(part)
            size = re.fullmatch(r"\s*([A-Za-z])\s*=\s*(\d+)\s*", part)
            if size:
                sizes[size.group(1)] = int(size.group(2))
            if not match:
                continue
            name, position, subscript, value = match.groups()
            try:
                entries[(name, int(position or subscript))] = parse(
                    value, context.latex, source, item.chain.line)
            except ParseError:
                entries[(name, int(position or subscript))] = None  # stated, not read
    return entries, sizes


_ABSENT = object()


def _unpinned(item: Located, context: FileContext, source: str, high, pinned: list) -> tuple:
    """(conflict, unconfirmed): the k-term reading chose each entry so that its term fits; a
    proof under it says only that the signs and the form agree, unless the note states every
    entry so. A stated entry or size that differs from the choice makes the reading wrong."""
    stated, sizes = _stated(item, context, source)
    terms = len({position for _, position, _ in pinned})
    name = sp.sstr(high)
    if name in sizes and sizes[name] != terms:
        return (f"the note states {name} = {sizes[name]}, but the formula has {terms} terms", "")
    unconfirmed = []
    for entry, position, value in pinned:
        given = stated.get((entry, position), _ABSENT)
        if given is None or (given is not _ABSENT and sp.expand(given - value) != 0):
            shown = "a value not read" if given is None else sp.sstr(given)
            return (f"the note states {entry}(x_{position}) = {shown}, but the term written "
                    f"needs {sp.sstr(value)}", "")
        if given is _ABSENT:
            unconfirmed.append(f"{entry}(x_{position}) = {sp.sstr(value)}")
    if unconfirmed:
        return ("", "it holds as the " f"{terms}-term case with the entries chosen to fit the "
                f"written terms ({', '.join(unconfirmed)}), which the note does not state: only "
                "its signs and form are confirmed, not proved")
    return ("", "")


def _parsed_terms(item: Located, context: FileContext, source: str, whole: sp.Basic) -> list:
    """The written right side's terms, each parsed without its sign (empty unless they add up
    to the right side as read)."""
    terms = written_terms(item.chain.elements[1])
    if len(terms) < 2:
        return []
    try:
        parsed = [(sign, parse(text, context.latex, source, item.chain.line))
                  for sign, text in terms]  # fmt: skip
    except ParseError:
        return []
    if sp.expand(sp.Add(*(sign * term for sign, term in parsed)) - whole) != 0:
        return []
    return [term for _, term in parsed]


def restatement(item: Located, context: FileContext, source: str) -> Restatement | None:
    """The claim a second formula of a name makes, by the rules above: the k-term case of the
    sum (a claim, or a disputed second formula); a disputed one with the same free names as
    the first compared with it but never refuted. None: planned as written (a claim) or left a
    definition."""
    if not item.reading.second or len(item.chain.elements) != 2:
        return None
    found = previous_definition(item, context, source)
    if found is None:
        return None
    previous, mine = found
    if previous.key[0] == "function" and previous.value[0] != mine.value[0]:
        return None  # different parameters: not the same function written again
    before, now = _body(previous), _body(mine)
    try:
        with time_limit(MATCH_SECONDS, source=source, what="matching the formula given again"):
            case = sum_case(before, _parsed_terms(item, context, source, now))
    except Exception:  # noqa: BLE001 - SymPy failing to match: the formula stays as it is
        case = None
    name = item.reading.name or sp.sstr(previous.key[1])
    if case is not None:
        instance, readings, (high, pinned) = case
        terms = len(readings)
        conflict, unconfirmed = _unpinned(item, context, source, high, pinned)
        return Restatement(instance, now, previous,
                           f"the {terms}-term case of the sum of line {previous.start} "
                           f"({'; '.join(readings)})",
                           doubt=conflict, unpinned=conflict or unconfirmed)  # fmt: skip
    if item.reading.disputed and now.free_symbols and now.free_symbols == before.free_symbols:
        return Restatement(before, now, previous,
                           f"{name} given again after line {previous.start}: compared with it",
                           f"line {item.chain.line} may instead be a new definition of {name} "
                           f"(an alternative to line {previous.start}, or a new example), not "
                           "the same formula rearranged")  # fmt: skip
    return None


def restated_equation(item: Located, found: Restatement) -> PlannedEquation:
    """The planned claim ``name = …`` (step 1 of the written chain) of a formula given again."""
    equation = PlannedEquation(item)
    equation.view = DefinitionView({}, {}, {found.previous.key: found.previous.note})
    equation.readings[item.reading.name or sp.sstr(found.previous.key[1])] = found.how
    equation.steps.append(PlannedStep(1, "=", found.lhs, found.rhs,
                                      used=frozenset({found.previous.key}),
                                      doubt=found.doubt, unpinned=found.unpinned))  # fmt: skip
    return equation


def with_first_readings(equation: PlannedEquation, context: FileContext, source: str) -> None:
    """Each planned step that uses a disputed second formula (a new definition, or a claim
    about the first one: the text does not say) also gets the step read with the first
    definition (``alternate``); the checker compares the two verdicts."""
    keys = {key for step in equation.steps for key in step.used}
    disputed = equation.view.disputed(context, keys) if equation.view is not None else []
    if not disputed:
        return
    other = PlannedEquation(equation.located)
    plan_steps(other, context, source, [], first_readings=True)
    first_notes = other.view.notes if other.view is not None else {}
    by_index = {step.index: step for step in other.steps}
    for position, step in enumerate(equation.steps):
        mine = [d for d in disputed if str(d.key[1]) in {str(key[1]) for key in step.used}]
        if step.skip is not None or step.decided is not None or not mine:
            continue
        definition = mine[0]
        alternate = by_index.get(step.index)
        earlier = first_notes.get(definition.key, "") or _family_note(alternate, other.view)
        lines = (definition.start, _line_of(earlier), sp.sstr(definition.key[1]))
        if alternate is None or alternate.skip is not None or alternate.lhs is None:
            equation.steps[position] = replace(step, alternate=(), alternate_lines=lines)
            continue
        if (alternate.lhs, alternate.rhs) == (step.lhs, step.rhs):
            continue  # the same under both readings
        equation.steps[position] = replace(
            step, alternate=(alternate.lhs, alternate.rhs, alternate.relation),
            alternate_lines=lines)


def _family_note(step, view) -> str:
    """The note of the family ``U_k = …`` whose instance the step read with the first formulas
    uses (``U_2 = \\frac14 k x^2`` after ``U_k``: the first reading of U_2 is U_k at k = 2), or
    ''."""
    if step is None or view is None:
        return ""
    return next((view.notes[key] for key in sorted(step.used, key=str)
                 if key[0] == "symbol" and key[1] in view.families and key in view.notes), "")


def _line_of(note: str) -> int:
    """The line a definition note names ("… (defined, line 3)")."""
    found = re.search(r"line (\d+)\)\s*$", note)
    return int(found.group(1)) if found else 0


SETTLE_SECONDS = 2.0  # comparing a disputed second formula with the first


def settle_disputes(context: FileContext, source: str) -> None:
    """A disputed second formula that equals the first once the definitions in force on its
    line are substituted (``y = f(g(x))`` then "the underlying functions $y = f(u)$ and $u =
    g(x)$") is no dispute: both readings agree, so it is kept as a plain definition."""
    for position, definition in enumerate(context.definitions):
        if not definition.disputed:
            continue
        earlier = [d for d in context.definitions[:position] if d.key == definition.key
                   and d.start <= definition.start <= d.end]  # fmt: skip
        if not earlier:
            continue
        first = max(earlier, key=lambda d: d.order)
        view = context.definitions_at(definition.start, None, first_readings=True)
        view = view.without_names({str(definition.key[1])})
        try:
            with time_limit(SETTLE_SECONDS, source=source, what="comparing two formulas"):
                agree = _same_formula(first, definition, view)
        except Exception:  # noqa: BLE001 - not decided in time: the dispute stands
            agree = False
        if agree:
            context.definitions[position] = replace(definition, disputed=False)


def _same_formula(first: Definition, second: Definition, view) -> bool:
    if first.key[0] == "function":
        (before_parameters, before), (now_parameters, now) = first.value, second.value
        if len(before_parameters) != len(now_parameters):
            return False
        now = now.xreplace(dict(zip(now_parameters, before_parameters)))
    else:
        before, now = first.value, second.value
    difference = expand_definitions(before, view) - expand_definitions(now, view)
    return sp.simplify(difference) == 0
