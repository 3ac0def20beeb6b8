r"""Where the note leaves an example value before its section ends.

An example value ``x = a`` (``Let $x = 2$.``, ``**Case 1:** $x = 0$``) holds until the note
leaves it (review round 15, F22, F30, F5):

* a later condition on the name that the value violates — ``so assume $x \ne 0$``,
  ``**Case 2:** $x \neq 0$``, ``Now let $x < 0$`` after ``x = 0`` (a condition the value meets,
  ``x > 0`` after ``x = 2``, may be said of the example and leaves nothing);
* words that take a new case of the name: *now let $x$ be negative*, *suppose $x$ is positive*,
  *next consider a negative $y$*, *for the remaining $z$*, *for other $z$*, *$v$ elsewhere*,
  Korean *이제 $z$가 음수라 하자*, *$z$가 양수인 경우에도*, *나머지 $z$*; *for negative $x$* (a
  quantifier) only when the value is not negative;
* a value given in a Markdown table's cell (``| … | only at $x = 0$ |``) holds on its row only.

The example value then ends on the line before (or, when a formula with ``=`` stands before
the words on their line, on that line: its claims may still be about the example);
:func:`new_case_names` gives the names such words speak of, so a claim in the same sentence is
read for every value (:mod:`symderive.notes.lifted`).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import sympy as sp

from symderive.grammar.build import time_limit
from symderive.grammar.latex import LatexContext, parse_latex_math

_NAME = r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?"
_ONE = rf"\$\s*(?P<name>{_NAME})\s*\$"
_ONE2 = _ONE.replace("<name>", "<name2>")

# an adjective and the values it allows (English, Korean)
_SIGNS: dict[str, Callable[[float], bool]] = {
    "positive": lambda v: v > 0, "negative": lambda v: v < 0, "nonzero": lambda v: v != 0,
    "non-zero": lambda v: v != 0, "nonnegative": lambda v: v >= 0,
    "non-negative": lambda v: v >= 0, "nonpositive": lambda v: v <= 0,
    "non-positive": lambda v: v <= 0, "양수": lambda v: v > 0, "음수": lambda v: v < 0,
    "양의": lambda v: v > 0, "음의": lambda v: v < 0, "0이 아닌": lambda v: v != 0,
    "영이 아닌": lambda v: v != 0,
}
_SIGN = r"(?P<sign>positive|negative|non-?zero|non-?negative|non-?positive)"
_SIGN2 = _SIGN.replace("<sign>", "<sign2>")
_OTHER = (r"(?:arbitrary|general|different|other|another|any|some|larger|smaller|large|small|"
          r"irrational|odd|even)")
_SUPPOSE = r"(?:let|suppose|assume|take|consider|say|now)"
# "now let $x$ be negative", "suppose $x$ is positive", "take $x$ negative", "assume now that
# $y$ is nonzero", "let $x$ be any other real"
SUPPOSED = re.compile(
    rf"\b{_SUPPOSE}\s+(?:now\s+)?(?:that\s+)?{_ONE}\s+(?:(?:is|be|are|to\s+be|now|instead|"
    rf"again)\s+){{0,2}}(?:an?\s+)?(?:{_SIGN}|{_OTHER}\b)", re.I)
# "next consider a negative $y$", "take any positive $x$", "now for a negative $x$"
CONSIDERED = re.compile(
    rf"\b(?:consider|take|pick|choose|let|fix|now\s+for|next\s+for|turn\s+to)\s+(?:now\s+)?"
    rf"(?:an?|any|some|the|every|all|each)?\s*(?:other\s+)?{_SIGN}\s+(?:(?:real|number|value|"
    rf"integer|numbers|values|integers|of)\s+)*{_ONE}", re.I)
# "for negative $x$", "for a positive $y$": a quantifier, a new case when the value is not one
QUANTIFIED = re.compile(
    rf"\b(?:for|when|if|with|whenever)\s+(?:an?|any|all|every|each)?\s*{_SIGN}\s+(?:(?:real|"
    rf"number|value|integer|numbers|values|integers|of)\s+)*{_ONE}"
    rf"|\b(?:if|when|whenever)\s+{_ONE2}\s+is\s+(?:now\s+)?{_SIGN2}", re.I)
# "for the remaining $z$", "for all other $z$", "for other values of $z$", "$v$ elsewhere"
REMAINING = re.compile(
    rf"\b(?:for|on|at|consider|take|to)\s+(?:all\s+|every\s+|any\s+|each\s+)?(?:the\s+)?"
    rf"(?:remaining|other|rest\s+of\s+the)\s+(?:values?\s+(?:of\s+)?)?{_ONE}"
    rf"|{_ONE2}\s+(?:elsewhere|otherwise)\b", re.I)
# Korean: "이제 $z$가 음수라 하자", "$z$가 양수인 경우에도", "$z$가 0이 아닌 경우", "나머지 $z$"
_KOREAN_SIGN = r"(?P<sign>양수|음수|0이\s*아닌|영이\s*아닌|양의\s*실수|음의\s*실수|양의|음의)"
KOREAN_CASE = re.compile(
    rf"{_ONE}\s*(?:가|이|는|은|를|을)\s*(?:이제\s*)?{_KOREAN_SIGN}\s*(?:수|실수|값)?\s*"
    rf"(?:인\s*경우|일\s*경우|이?라\s*(?:하자|가정)|이?라고\s*(?:하자|가정)|로\s*(?:두자|하자|바꾸자|바꾸면|두면)|이면|라면|"
    rf"일\s*때|인\s*때)", re.I)
# a sign word before the name ("Negative $x$ give …", "음수 $y$에 대해"): a new case only when
# the value is not of that sign, and no lift of its own sentence (*the positive $x$* may be it)
SIGNED = re.compile(rf"\b{_SIGN}\s+(?:real\s+)?(?:numbers?\s+|values?\s+)?{_ONE}", re.I)
KOREAN_SIGNED = re.compile(rf"{_KOREAN_SIGN}\s*(?:인\s*)?(?:수\s*|실수\s*)?{_ONE}")
KOREAN_REMAINING = re.compile(rf"(?:나머지|다른|그\s*밖의|그\s*외의)\s*{_ONE}")
KOREAN_NEW = re.compile(r"이제|다음으로|한편|이번에는")
# Korean if/when (일 때, 이면, 라면) is a quantifier; 경우 (the case), 하자 (let) a new case
KOREAN_IF = re.compile(r"(?:이면|라면|일\s*때|인\s*때)$")


def _sign_allows(sign: str, value: float | None) -> bool | None:
    """Whether the adjective allows the value (None: not known)."""
    if value is None:
        return None
    key = re.sub(r"\s+", " ", sign.lower())
    for word, allows in _SIGNS.items():
        if key.startswith(word):
            return allows(value)
    return None


def _number(text: str) -> float | None:
    try:
        return float(text.replace("−", "-").replace(" ", "").replace("\\,", ""))
    except ValueError:
        return None


def new_cases(words: str, signed: bool = True) -> list[tuple[str, int, str, bool]]:
    """(name, offset, sign or '', always) of each new case the words take: ``always`` when
    the words leave any value (*now let*, *consider*, *remaining*, 경우), not only one the
    adjective excludes (*for negative $x$*, 일 때); with ``signed`` also a bare sign word before
    the name (:data:`SIGNED`)."""
    found = []
    patterns = [(SUPPOSED, True), (CONSIDERED, True), (REMAINING, True), (KOREAN_REMAINING, True),
                (QUANTIFIED, False), (KOREAN_CASE, None)]
    if signed:
        patterns += [(SIGNED, False), (KOREAN_SIGNED, False)]
    for pattern, always in patterns:
        for match in pattern.finditer(words or ""):
            names = [name for key, name in match.groupdict().items() if key.startswith("name")
                     and name]
            sign = match.groupdict().get("sign") or match.groupdict().get("sign2") or ""
            leaves = always
            if always is None:  # Korean: 경우, 하자 leave any value; 일 때, 이면 only another
                leaves = not KOREAN_IF.search(match.group().strip())
            found += [(names[0].lstrip("\\"), match.start(), sign, leaves)] if names else []
    return found


def new_case_names(words: str) -> set[str]:
    """The names whose new case the words take (:data:`SUPPOSED`, :data:`CONSIDERED`,
    :data:`REMAINING`, :data:`QUANTIFIED`, Korean): a claim after them in the same sentence
    is not about the example value."""
    return {name for name, *_ in new_cases(words, signed=False)}


_ORDER = {r"\ne": operator.ne, r"\neq": operator.ne, "≠": operator.ne, "!=": operator.ne,
          "<": operator.lt, r"\lt": operator.lt, ">": operator.gt, r"\gt": operator.gt,
          r"\le": operator.le, r"\leq": operator.le, r"\leqslant": operator.le, "≤": operator.le,
          r"\ge": operator.ge, r"\geq": operator.ge, r"\geqslant": operator.ge, "≥": operator.ge}


def violated(chain, name: str, value: str) -> bool:
    """Whether the condition ``chain`` (``x \\ne 0``, ``0 < x < 1``) on bare names excludes
    ``name = value``: each relation between the name and a number (or ``≠`` the value as
    written) is tested; a relation with other names is not known, and excludes nothing."""
    number = _number(value)
    plain = " ".join(value.split())
    for left, relation, right in zip(chain.elements, chain.relations, chain.elements[1:]):
        test = _ORDER.get(relation)
        if test is None:
            return False
        left, right = " ".join(left.split()), " ".join(right.split())
        if {left, right} == {name, plain} and test is operator.ne:
            return True
        if left == name and (other := _number(right)) is not None and number is not None:
            if not test(number, other):
                return True
        elif right == name and (other := _number(left)) is not None and number is not None:
            if not test(other, number):
                return True
    return False


TABLE_ROW = re.compile(r"^\s*\|.*\|")


def left_examples(located: list, lines: Sequence[str]) -> list:
    """``located`` with each example value's last line moved back to where the note leaves it
    (see the module's rules)."""
    from symderive.notes.roles import INEQUALITIES, UNEQUAL, Role  # (roles imports context)

    result = list(located)
    for position, item in enumerate(result):
        if item.reading.role is not Role.EXAMPLE or not item.reading.name:
            continue
        line = item.chain.line
        if 0 < line <= len(lines) and TABLE_ROW.match(lines[line - 1]):
            result[position] = replace(item, section_end=min(item.section_end, line))
            continue  # a table cell's value: its own row only (round 15 F5)
        name = item.reading.name.strip()
        value = item.chain.elements[1]
        end = item.section_end
        ends_before = -1
        for later_position, later in enumerate(result[position + 1:], position + 1):
            if later.chain.line > end:
                break
            if not set(later.chain.relations) <= (UNEQUAL | INEQUALITIES) or _local(
                    lines, later):
                continue
            supposed = later.reading.role is Role.CONDITION or (
                later.reading.role is Role.CLAIM and SUPPOSED_BEFORE.search(
                    re.sub(r"\$[^$]*\$", " ", later.block.lead or "")[-40:]))
            if supposed and (violated(later.chain, name, value) or not holds_at_examples(
                    later.chain, item, result[:later_position])):
                # Now assume $x^2 > 9$ after x = 2 (round 17 F14): the value is left
                end = _leaving(lines, later.chain.line, line, _formula_at(lines, later))
                ends_before = later.order if end == later.chain.line else -1
                break
        words_end = _left_in_words(lines, name, value, item, end)
        if words_end < end:
            end, ends_before = words_end, -1
        result[position] = replace(item, section_end=end, ends_before=ends_before)
    return result


# words that make a relation a supposition the note goes on under (*Now assume*, *suppose*,
# *let*, 가정하자) although it was read as a claim (*Now suppose $\sin y \ne 0$*)
# (*Assume from now on that*, *suppose, from here on,*; not *let us check that*)
SUPPOSED_BEFORE = re.compile(r"\b(?:suppose|supposing|assume|assuming|let)\b(?!\s+(?:us|me)\b)"
                             r"[^$.;!?]{0,25}$|가정", re.I)


def holds_at_examples(chain, item, earlier: list) -> bool:
    r"""Whether the condition ``chain`` on an expression of the example value ``item``'s name
    (``x^2 > 9``, ``\sin y \ne 0``, ``|t| > 5``) holds at the example values in force before
    it (``earlier``: the items read before the condition), read by the notes' grammar. True
    when it does not mention the name, or mentions a name with no example value (a condition
    on another name, *Assume $y > x$*); False when it fails there or cannot be decided
    (round 17 F14)."""
    from symderive.notes.roles import Role  # (roles imports context)

    def read(latex: str):
        return parse_latex_math(latex, context=LatexContext(), source="<condition>",
                                line=chain.line)

    try:
        name = read(item.chain.elements[0])
        sides = [read(element) for element in chain.elements]
    except Exception:  # noqa: BLE001 - not read (ParseError or SymPy): nothing known of it
        return True
    if not isinstance(name, sp.Symbol) or not any(
            name in getattr(side, "free_symbols", ()) for side in sides):
        return True
    values: dict = {}
    for other in earlier:
        if other.reading.role is not Role.EXAMPLE or not other.reading.name or not (
                other.chain.line <= chain.line <= other.section_end):
            continue
        try:
            symbol, value = read(other.chain.elements[0]), read(other.chain.elements[1])
        except Exception:  # noqa: BLE001 - not read: no value known
            continue
        if isinstance(symbol, sp.Symbol) and not getattr(value, "free_symbols", {1}):
            values[symbol] = value
    if name not in values:
        return True
    at = [side.xreplace(values) if isinstance(side, sp.Basic) else side for side in sides]
    if any(getattr(side, "free_symbols", ()) for side in at):
        return True  # another name without a value: a condition on it, not on the example
    try:
        with time_limit(CONDITION_SECONDS, source="<condition>",
                        what="evaluating a condition at the example values"):
            return all(_holds(sp.simplify(left - right), relation)
                       for left, relation, right in zip(at, chain.relations, at[1:]))
    except Exception:  # noqa: BLE001 - not decided at the example (or too slow): it is left
        return False


CONDITION_SECONDS = 1.0
# what a relation says of the difference of its sides, as SymPy decides it (None: not decided)
_SIGN_OF = {operator.ne: lambda d: d.is_zero is False,
            operator.lt: lambda d: d.is_negative, operator.gt: lambda d: d.is_positive,
            operator.le: lambda d: d.is_nonpositive, operator.ge: lambda d: d.is_nonnegative}


def _holds(difference: sp.Basic, relation: str) -> bool:
    """Whether the relation holds of a difference of two numbers: decided by SymPy (a zero
    that is not simplified away is not decided, so not held)."""
    test = _ORDER.get(relation)
    if test is None or not difference.is_number or difference.is_real is not True:
        return False
    return _SIGN_OF[test](difference) is True


# a hypothesis of its own sentence ("If $x > 0$, …", "For $x \ne 0$, …", "$x \ne 0$이면"),
# not a standing supposition ("so assume $x \ne 0$", "**Case 2:** $x \neq 0$", 이라 하자)
LOCAL_BEFORE = re.compile(r"\b(?:if|when|whenever|unless|for|provided|where|with|given|whether)"
                          r"\s*(?:that\s*)?[:,]?\s*$", re.I)
LOCAL_AFTER = re.compile(r"^\s*(?:이|가)?\s*(?:일\s*때|이면|라면|이라면)")


def _local(lines: Sequence[str], item) -> bool:
    """Whether the condition ``item`` is a hypothesis of its own sentence only."""
    text = lines[item.chain.line - 1] if 0 < item.chain.line <= len(lines) else ""
    offset = _formula_at(lines, item)
    before = re.sub(r"\$[^$]*\$", " ", text[:max(offset - 1, 0)])[-40:]
    after = text[offset + len(item.chain.latex.strip()):].lstrip("$")
    return bool(LOCAL_BEFORE.search(before) or LOCAL_AFTER.match(after))


def _formula_at(lines: Sequence[str], item) -> int:
    """The offset of the item's formula on its line (0 if not found)."""
    text = lines[item.chain.line - 1] if 0 < item.chain.line <= len(lines) else ""
    found = text.find(item.chain.latex.strip())
    return max(found, 0)


def _leaving(lines: Sequence[str], where: int, start: int, offset: int) -> int:
    """The last line of the example value left at ``offset`` of line ``where``: that line when
    the example was given on it or a formula with ``=`` stands before the offset, else the
    line before."""
    if where <= start:
        return start
    before = lines[where - 1][:offset] if 0 < where <= len(lines) else ""
    return where if re.search(r"\$[^$]*=[^$]*\$", before) else where - 1


def _left_in_words(lines: Sequence[str], name: str, value: str, item, end: int) -> int:
    """The last line of the example value by the words of a new case of ``name`` (the end
    given when none)."""
    number = _number(value)
    bare = name.lstrip("\\")
    start = item.chain.line
    for where in range(start, min(end, len(lines)) + 1):
        text = lines[where - 1]
        skip = _formula_at(lines, item) + len(item.chain.latex) if where == start else 0
        for found, offset, sign, always in new_cases(text[skip:]):
            if found != bare:
                continue
            if always or _sign_allows(sign, number) is False:
                return _leaving(lines, where, start, skip + offset)
    return end
