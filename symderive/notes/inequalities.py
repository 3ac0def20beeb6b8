r"""Domains a note states as an inline inequality: ``Assume $x > 0$.``, ``Let $0 < x < 1$.``,
``$x > 0$이라고 하자.``, ``For $n \ge 4$ we have`` + a display, ``When $x > 0$, $…$.``,
``The success probability satisfies $0 \le p \le 1$.`` (a display then ``where $x > 0$.``:
:mod:`symderive.notes.after_display`)

Each reading is a :class:`~symderive.notes.stated.StatedDomain` (the records the word domains
of :mod:`symderive.notes.stated` give, with the same scopes: a *statement* holds from its
sentence to the end of its section, a *hypothesis* for the formulas of its own sentence and the
display it runs into), carrying the :class:`~symderive.model.Domain` of its inequality: a bound
0 gives the kinds positive, nonnegative, negative, nonzero; ``0 < x < 1`` a probability; other
numeric bounds an interval (``0 \le p \le 1`` is [0, 1], ``n \ge 4`` is [4, ∞)). A sentence
must be one of the templates whole, about one name with numeric bounds; anything else
(several names, symbolic bounds, an integer with a bound) is not read, and a refutation of a
claim about that name in the section after it is undecided (:func:`unread_bound`).

``1 \le i \le n`` stays an index (:func:`index_like`): a symbolic bound, or a name the note
uses as a subscript or a summation index; ``0 \le p \le 1`` of any other name is an interval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from symderive.model import Domain
from symderive.notes.sections import (
    KOREAN_SCOPE_OPENER, SCOPE_OPENER, as_sections, without_item_mark,
)
from symderive.notes.expression_bounds import condition_names, solved_interval
from symderive.notes.condition_words import (
    CONVERSE, KOREAN_CONVERSE, KOREAN_SUFFICIENT, SUFFICIENT,
)
from symderive.notes.scope_words import without_case_lead
from symderive.notes.stated import (
    AFTER_LIFT,
    ONLY_CLAIM,
    QUANTIFIER,
    StatedDomain,
    StatedDomains,
    case_doubt,
)
from symderive.notes.worded_bounds import worded_formula

_NAME = r"(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]\}?)?"
# a written number: an integer, a decimal, a fraction of integers or a power of ten
_NUMBER = (r"-?\s*(?:\d+(?:\.\d+)?|\\[dt]?frac\s*\{\s*\d+\s*\}\s*\{\s*\d+\s*\}"
           r"|10\s*\^\s*(?:\{\s*-?\s*\d{1,2}\s*\}|\d))")  # (10^{±99} at most: round 50 AG05)
_LESS = {"<": "(", r"\lt": "(", r"\le": "[", r"\leq": "[", r"\leqslant": "[", "≤": "["}
_MORE = {">": "(", r"\gt": "(", r"\ge": "[", r"\geq": "[", r"\geqslant": "[", "≥": "["}
_UNEQUAL = (r"\ne", r"\neq", "≠")
_RELATION = r"(?:\\(?:leqslant|geqslant|leq|geq|le|ge|lt|gt|neq|ne)(?![A-Za-z])|[<>≤≥≠])"
_ONE = re.compile(rf"^\s*(?P<a>{_NAME}|{_NUMBER})\s*(?P<r>{_RELATION})\s*(?P<b>{_NAME}|{_NUMBER})\s*$")
_TWO = re.compile(rf"^\s*(?P<a>{_NUMBER})\s*(?P<r>{_RELATION})\s*(?P<x>{_NAME})\s*"
                  rf"(?P<s>{_RELATION})\s*(?P<b>{_NUMBER})\s*$")
_IN = re.compile(rf"^\s*(?P<x>{_NAME})\s*(?:\\in|∈)\s*(?:\\left\s*)?(?P<o>[\[(])\s*(?P<a>{_NUMBER})\s*,"
                 rf"\s*(?P<b>{_NUMBER})\s*(?:\\right\s*)?(?P<c>[\])])\s*$")
NOT_NAMES = {r"\pi", "e", r"\infty", r"\mathrm", r"\text"}


@dataclass(frozen=True)
class Bound:
    """An inequality about one name: the name (LaTeX) and the domain it gives."""

    name: str
    domain: Domain
    latex: str


def _number(text: str) -> sp.Rational | None:
    r"""The exact value of a written number (:data:`_NUMBER`): ``0.5``, ``\frac{1}{2}``,
    ``10^{6}``; None for anything else (π, names: no bound is read)."""
    text = re.sub(r"\s+", "", text)
    sign, text = (-1, text[1:]) if text.startswith("-") else (1, text)
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return sign * sp.Rational(text)
    if fraction := re.fullmatch(r"\\[dt]?frac\{(\d+)\}\{(\d+)\}", text):
        numerator, denominator = int(fraction[1]), int(fraction[2])
        return sign * sp.Rational(numerator, denominator) if denominator else None
    if power := re.fullmatch(r"10\^(?:\{(-?\d{1,2})\}|(\d))", text):
        return sign * sp.Rational(10) ** int(power[1] or power[2])
    return None


def _is_name(text: str) -> bool:
    return bool(re.fullmatch(_NAME, text.strip())) and text.strip() not in NOT_NAMES


def bound_of(math: str) -> Bound | None:
    r"""The domain a formula such as ``x > 0``, ``0 \le p \le 1`` or ``n \ge 4`` gives its one
    name, or None (several names, a symbolic bound, anything else); a condition on an
    expression of one name (``|z| < 1``) when it is one interval exactly
    (:mod:`symderive.notes.expression_bounds`). The sentence's period or comma written inside
    a display (``$$0 \le x \le 1.$$``) is no part of the bound (round 11 H5)."""
    math = TRAILING.sub("", math)
    found = _plain_bound_of(math)
    if found is None and (solved := solved_interval(" ".join(math.split()))) is not None:
        name, low, high, ends = solved
        return _bound(name, low, high, ends, " ".join(math.split()))
    return found


TRAILING = re.compile(r"(?:\s|\\[,;:!]|\\q?quad|~)*[.,;]\s*$")


def displayed_bounds(displays) -> list[tuple]:
    r"""(line, name key, Domain or None, latex) for each display of bounds (``(line, latex)`` of
    the displays read as conditions): the domain a bound gives its name, None for a condition
    on a name that is not one bound (``x^2 + y \le 1``). A later display bounds its letter
    anew (:class:`symderive.notes.stated.StatedDomains`)."""
    from symderive.notes.bound_lists import formula_bounds  # (it imports this module)
    from symderive.notes.stated import name_key

    found = []
    for line, latex in displays:
        math = TRAILING.sub("", " ".join(latex.split()))
        bounds = formula_bounds(math)
        if bounds:
            found += [(line, name_key(bound.name), bound.domain, math) for bound in bounds]
            continue
        names = {(match.group("name") or match.group("after") or "")
                 for match in _ANY_BOUND.finditer(math)} | set(condition_names(math))
        found += [(line, name_key(name), None, math) for name in sorted(names)
                  if name and name not in NOT_NAMES]
    return found


def _plain_bound_of(math: str) -> Bound | None:
    math = " ".join(math.split())
    inside = _IN.match(math)
    if inside:  # p \in [0, 1], x \in (0, 2]
        low, high = _number(inside.group("a")), _number(inside.group("b"))
        if low is not None and high is not None and low < high and _is_name(inside.group("x")):
            return _bound(inside.group("x"), low, high, inside.group("o") + inside.group("c"), math)
        return None
    two = _TWO.match(math)
    if two:
        low, high, name = _number(two.group("a")), _number(two.group("b")), two.group("x")
        first, second = two.group("r"), two.group("s")
        if low is None or high is None:
            return None
        if first in _LESS and second in _LESS and low < high and _is_name(name):
            return _bound(name, low, high, _LESS[first] + ("]" if _LESS[second] == "[" else ")"),
                          math)
        if first in _MORE and second in _MORE and high < low and _is_name(name):
            return _bound(name, high, low, _MORE[second] + ("]" if _MORE[first] == "[" else ")"),
                          math)
        return None
    one = _ONE.match(math)
    if not one:
        return None
    left, relation, right = one.group("a").strip(), one.group("r"), one.group("b").strip()
    if _is_name(left) and _number(right) is not None:
        name, value, flipped = left, _number(right), False
    elif _is_name(right) and _number(left) is not None:
        name, value, flipped = right, _number(left), True
    else:
        return None
    if relation in _UNEQUAL:
        return Bound(name, Domain("nonzero"), math) if value == 0 else None
    below = (relation in _LESS) != flipped  # name < value
    end = (_LESS.get(relation) or _MORE.get(relation))
    if below:
        return _bound(name, None, value, "(" + ("]" if end == "[" else ")"), math)
    return _bound(name, value, None, end + ")", math)


def empty_bound(math: str) -> str | None:
    r"""The name a two-sided bound with no value between its ends bounds (``1 < x < 1``,
    ``2 \le x \le 1``, ``x \in (1, 1)``), or None: :func:`bound_of` reads none of these."""
    math = " ".join(math.split())
    inside = _IN.match(math)
    two = _TWO.match(math)
    if inside:
        name, low, high = inside.group("x"), _number(inside.group("a")), _number(inside.group("b"))
        closed = inside.group("o") == "[" and inside.group("c") == "]"
    elif two and two.group("r") in _LESS and two.group("s") in _LESS:
        name, low, high = two.group("x"), _number(two.group("a")), _number(two.group("b"))
        closed = _LESS[two.group("r")] == "[" and _LESS[two.group("s")] == "["
    elif two and two.group("r") in _MORE and two.group("s") in _MORE:
        name, low, high = two.group("x"), _number(two.group("b")), _number(two.group("a"))
        closed = _MORE[two.group("r")] == "[" and _MORE[two.group("s")] == "["
    else:
        return None
    if low is None or high is None or not _is_name(name):
        return None
    return name if low > high or (low == high and not closed) else None


def clause_of(sentence) -> str:
    """A sentence's words without a list item's marker (``- Let …``, ``2. Let …``)."""
    return without_case_lead(without_item_mark(sentence.text))


def _bound(name: str, low, high, ends: str, math: str) -> Bound:
    kinds = {(0, None, "()"): "positive", (0, None, "[)"): "nonnegative",
             (None, 0, "()"): "negative", (0, 1, "()"): "probability"}  # fmt: skip
    kind = kinds.get((low, high, ends))
    domain = Domain(kind) if kind else Domain("interval", low=low, high=high, ends=ends)
    return Bound(name, domain, math)


# -- the sentences -------------------------------------------------------------------------
_M = r"\$(?P<math>[^$]{1,80})\$"
_LET = r"(?:let|suppose|assume)(?:\s+that)?"
_LEAD = rf"(?:(?:now|here|{SCOPE_OPENER})\s*,?\s+)?"  # where it holds: sections.py
_END = r"\s*[.;:]?\s*$"
STATEMENTS = (
    # Let $x > 0$.  Assume $x > 0$:  Let $x > 0$ be given.  Suppose that $0 < x < 1$.
    re.compile(rf"^{_LEAD}{_LET}\s+{_M}(?:\s+(?:be\s+given|hold|holds|be\s+(?:the|a|an|our)\s+"
               rf"(?![^,$]*\b(?:integers?|natural|whole|counts?|index|indices|number\s+of)\b)"
               rf"[A-Za-z\- ]{{1,60}}))?{_END}", re.I),  # Let $\gamma \in (0, 1)$ be the discount factor.
    # Let $u > 0$ and $v = -u$.  (the bound; the definition after it is read as one)
    re.compile(rf"^{_LEAD}{_LET}\s+{_M}\s*,?\s+and\s+\$[^$<>]{{1,80}}=[^$<>]{{1,80}}\${_END}",
               re.I),
    # Throughout, $x > 0$.  Here $0 \le x \le 1$ is the mixing weight.
    re.compile(rf"^(?:here|{SCOPE_OPENER})\s*,?\s+"
               rf"{_M}(?:\s+(?:is|denotes)\s+(?:the|a|an|our)\s+[A-Za-z\- ]{{1,40}})?{_END}", re.I),
    # Let $x$ be a real number with $x > 0$.
    re.compile(rf"^{_LEAD}{_LET}\s+\$\s*(?P<named>{_NAME})\s*\$\s+be\s+(?:an?\s+|any\s+)?"
               rf"(?:real\s+number|real|number)\s+(?:with|such\s+that|satisfying)\s+{_M}{_END}",
               re.I),
    # Let $\gamma$ be the discount factor, $0 < \gamma < 1$.  … the current, with $0 < I < 1$.
    # (round 8c, L8: the bound is about the name the sentence introduces)
    re.compile(rf"^{_LEAD}{_LET}\s+\$\s*(?P<named>{_NAME})\s*\$\s+(?:be|denote)\s+(?:the|a|an|our)\s+"
               rf"(?![^,$]*\b(?:integers?|natural|whole|counts?|index|indices|number\s+of)\b)"  # not a real
               rf"[A-Za-z\- ]{{1,60}}?\s*(?:,\s*|\s(?=with|where|so\s+that|such\s+that))"
               rf"(?:(?:with|where|so\s+that|such\s+that)\s+)?{_M}{_END}",
               re.I),
    # The success probability satisfies $0 \le p \le 1$.  The time runs over $0 \le t \le 2$.
    re.compile(rf"^(?:the|our)\s+[A-Za-z\- ]{{1,40}}?\s+(?:\$\s*(?P<named>{_NAME})\s*\$\s+)?(?:satisfies|"
               rf"runs\s+over|ranges\s+over|lies\s+in|is\s+restricted\s+to)\s+{_M}{_END}", re.I),
    # $x > 0$이라고 하자.  $x > 0$이라 가정하자.
    re.compile(rf"^(?:{KOREAN_SCOPE_OPENER}\s*,?\s*)?{_M}\s*(?:이라고|라고|이라|라)\s*(?:하자|가정하자|가정한다|둔다|두자)\s*[.]?\s*$"),
)  # fmt: skip
HYPOTHESES = (
    # When $x > 0$, $…$.  If $x > 0$, then $…$.  For $n \ge 4$ we have (+ a display)
    # For every real $x \ne 0$,  For all $x > 0$,  For any real number $t \ge 1$,
    re.compile(rf"^(?:for|when|whenever|if)\s+(?:(?:all|every|each|any)\s+)?(?:real\s+)?"
               rf"(?:numbers?\s+)?{_M}\s*(?:,|:)?\s*", re.I),
    # Suppose $y < 0$: $…$.  Let $x > 0$; then $…$.  Assume $x \ge 1$, then $…$. (11a L7)
    re.compile(rf"^{_LET}\s+{_M}\s*(?::|;|,)(?:\s*then\b)?\s*", re.I),
    # $x > 0$일 때, $…$이다.  $x > 0$이면 $…$.
    re.compile(rf"^{_M}\s*(?:일\s*때(?:는)?|이면|인\s*경우(?:에)?(?:는)?)\s*,?\s*"),
    # 모든 $x \ge 0$에 대해,  $x \ge 0$인 모든 $x$에 대하여 (a quantifier: it binds, round 11)
    re.compile(rf"^(?:(?:모든|임의의|각)\s*(?:실수\s*)?)?{_M}\s*에\s*대(?:하여|해서?)\s*,?\s*"),
    re.compile(rf"^{_M}\s*인\s*(?:모든|임의의|각)\s*(?:실수\s*)?\$\s*(?P<named>{_NAME})\s*\$\s*"
               rf"에\s*대(?:하여|해서?)\s*,?\s*"),
)
# after the claim: $\sqrt{x^2} = x$ for $x > 0$.
AFTER_CLAIM = re.compile(rf"\s(?:for|when|whenever|if)\s+{_M}{_END}", re.I)


@dataclass(frozen=True)
class BoundDomain(StatedDomain):
    """A stated domain read from an inequality: its :class:`Domain` and formula."""

    domain: Domain = Domain()
    formula: str = ""


def with_inequalities(stated: StatedDomains, math: str = "") -> StatedDomains:
    """``stated`` with the domains the prose states as inequalities (sentences no word
    template read), in reading order with the others. A name the note's mathematics ``math``
    uses as an index or a bound of a sum counts terms: only ``> 0`` (a size) is read for it."""
    added: list[StatedDomain] = []
    read = set(stated.read)
    for index, sentence in enumerate(stated.sentences):
        if index in stated.read:
            continue
        clause = clause_of(sentence)
        records = _read(clause, sentence, index, stated)
        found = [record for record in records
                 if record.kind in ("reset", "positive", "size") or not counts(record.name, math)]
        if found and len(found) == len(records):  # a sentence is read whole or not at all
            added.extend(found)
            read.add(index)
    if not added:
        return stated
    return stated.stating(added, (), read)


def _record(bound: Bound, words: str, line: int, sentence: int, hypothesis: bool) -> BoundDomain:
    # the kind is only shown ("x in [0, 1]"); the domain is what the checks use
    return BoundDomain(bound.name, _shown(bound.domain), " ".join(words.split()), line, sentence,
                       hypothesis, binds=hypothesis and QUANTIFIER.match(words) is not None,
                       domain=bound.domain, formula=bound.latex)  # fmt: skip


def _shown(domain: Domain) -> str:
    if domain.kind != "interval":
        return domain.kind
    low = "-∞" if domain.low is None else str(domain.low)
    high = "∞" if domain.high is None else str(domain.high)
    return f"in {domain.ends[0] if domain.low is not None else '('}{low}, {high}" + (
        domain.ends[1] if domain.high is not None else ")")


# Let $p$ be a probability.  $p$는 확률이다.  (a number in [0, 1])
PROBABILITY = (
    re.compile(rf"^{_LEAD}{_LET}\s+\$\s*(?P<name>{_NAME})\s*\$\s+be\s+a\s+probability{_END}", re.I),
    re.compile(rf"^\$\s*(?P<name>{_NAME})\s*\$\s*(?:은|는|이|가)\s*확률\s*(?:이다|입니다|이라고\s*하자){_END}"),
)


def _read(clause: str, sentence, index: int, stated: StatedDomains) -> list[StatedDomain]:
    for pattern in PROBABILITY:
        match = pattern.match(clause)
        if match:
            bound = Bound(match.group("name"), Domain("interval", low=sp.Integer(0),
                                                      high=sp.Integer(1), ends="[]"), "")
            return [_record(bound, clause, sentence.first, index, False)]
    worded = worded_formula(clause)  # "$x$가 0과 1 사이라고 하자." (round 49 AC02-AC05)
    bound = bound_of(worded) if worded else None
    if bound:
        return [_record(bound, clause, sentence.first, index, False)]
    for pattern in STATEMENTS:
        match = pattern.match(clause)
        bound = bound_of(match.group("math")) if match else None
        if bound and (not match.groupdict().get("named") or _same(match.group("named"), bound)):
            return [_record(bound, clause, sentence.first, index, False)]
    for pattern in HYPOTHESES:
        match = pattern.match(clause)
        bound = bound_of(match.group("math")) if match else None
        if bound and match.groupdict().get("named") and not _same(match.group("named"), bound):
            continue  # $x \ge 0$인 모든 $y$에 대해: not one reading
        if bound and ONLY_CLAIM.match(clause[match.end():]):
            return [_record(bound, clause, sentence.first, index, True)]
    match = AFTER_CLAIM.search(clause)
    bound = bound_of(match.group("math")) if match else None
    if bound and ONLY_CLAIM.match(clause[: match.start()]):
        return [_record(bound, clause, sentence.first, index, True)]
    from symderive.notes.bound_lists import listed_bounds  # (it reads formulas with bound_of)

    listed = listed_bounds(clause)
    if listed is None:
        return []
    bounds, hypothesis = listed
    return [_record(bound, clause, sentence.first, index, hypothesis) for bound in bounds]


def _same(named: str, bound: Bound) -> bool:
    return re.sub(r"\s+", "", named) == re.sub(r"\s+", "", bound.name)


def domain_of(record: StatedDomain) -> Domain:
    """The Domain of a stated record (an inequality's own; a word's by its kind)."""
    return record.domain if isinstance(record, BoundDomain) else Domain(record.kind)


def read_conditions(context, line: int, latex: str, block: str = "") -> set[tuple]:
    """The inequalities read as domains in force for the chain (stated in the prose, or after
    the claim in its display ``block``), as (name, domain): a condition stated on the chain's
    line that is one of them holds at every sampled point, so it does not make a refutation
    doubtful."""
    stated = getattr(context, "stated", None)
    found = set()
    if stated is not None:
        found = {(record.name, record.domain) for record in stated.for_chain(line, latex)
                 if isinstance(record, BoundDomain)}  # fmt: skip
    shown = display_bound(block) if block else None
    if shown is not None and display_symbols(context, block, line):
        found.add((shown.name, shown.domain))
    return found


def condition_read(condition: str, read: set[tuple]) -> bool:
    """Whether the condition as written (``x > 0``) is one of the ``read`` inequalities."""
    bound = bound_of(condition)
    return bound is not None and (bound.name, bound.domain) in read


# -- inequalities not read ----------------------------------------------------------------------
_ANY_BOUND = re.compile(rf"(?:^|[^\\A-Za-z])(?P<name>{_NAME})\s*{_RELATION}|{_RELATION}\s*"
                        rf"(?P<after>{_NAME})\s*(?:$|[^A-Za-z{{_])")


_UNEQUAL_SIGN = re.compile(r"\\neq?(?![A-Za-z])|≠")
_ORDER_SIGN = re.compile(r"\\(?:leqslant|geqslant|leq|geq|le|ge|lt|gt)(?![A-Za-z])|[<>≤≥]")


def _expressions_unequal(math: str) -> bool:
    """``(a - b)^2 \\neq a^2 - b^2``: only ≠, between sides none of which is a bare name — it
    says two expressions differ (somewhere), it bounds no letter (``z \\ne 0`` does)."""
    if _ORDER_SIGN.search(math) or not _UNEQUAL_SIGN.search(math):
        return False
    return not any(re.fullmatch(rf"\s*{_NAME}\s*", side) for side in _UNEQUAL_SIGN.split(math))


# words that bound a quantity without an inequality (round 8b K8): a refutation outside the
# bound they mean is no refutation
DOMAIN_WORDS = re.compile(
    r"\bbetween\b|\bunit\s+interval|\bintervals?\b|\bfractions?\b|\bproportions?\b|"
    r"\bpercentages?\b|\brates?\b|\bratios?\b|\bshares?\b|\bdistances?\b|(?<!of\s)\blengths?\b(?!\s+of\b)|"
    r"\bwidths?\b|\bheights?\b|\bradi(?:us|i)\b|\bdiameters?\b|\bareas?\b|\bvolumes?\b|"
    r"\bmass(?:es)?\b|\bspeeds?\b|\bcounts?\b|\bnumber\s+of\b|\bages?\b|\bprices?\b|"
    r"\bmagnitudes?\b|\bangles?\b|\bdurations?\b|\bpositive\b|\bnegative\b|"
    r"\bnon-?negative\b|\bsuccess\b|\bchance\b|\blikelihood\b|"
    r"거리|길이|비율|확률|넓이|각도|사이의|양수|음수|"
    # the other wordings of a bound (round 49 AC02-AC05): 0과 1 사이라고, 0보다 크고 1보다
    # 작다, 0 이상 1 이하, 0 초과 1 미만, 구간, greater than 0 and less than 1, at least
    r"사이|구간|보다\s*(?:크|작)|이상|이하(?!에서)|초과|미만|\b(?:greater|less|smaller|larger|"
    r"bigger)\s+than\b|\bat\s+(?:least|most)\b|\bbelongs?\s+to\b|\blies?\s+in\b", re.I)
# a letter written without $ before a Korean particle: "x가 0과 1 사이라고 하자" (round 49 AC02)
_BARE_KOREAN_LETTER = re.compile(r"(?<![A-Za-z\\])([A-Za-z])\s*(?=가|는|은|이|를|을|의|와|과)")


def unread_bound(context, line: int, latex: str, names: set[str]) -> str:
    """An inequality about one of the claim's names in a sentence of its section before it
    (or on its line) that no template read as a domain: its words, quoted, or ''. A
    counterexample need not satisfy it, so a refutation is undecided."""
    stated = getattr(context, "stated", None)
    if stated is None or not names:
        return ""
    sections = as_sections(stated.ends)
    plain = {name.lstrip("\\") for name in names} - stated.rebound_at(line, latex)  # (14a F7)
    # a quantifier in force stated after a bound binds the letter anew ("For every real $x$,"
    # after "For every real $x \ge 1$,"): the bound does not speak of it (round 9b L8)
    force = stated.in_force(line, latex)
    case = case_doubt(force, names)  # "For negative inputs, on the other hand," (round 11)
    if case:
        return case
    for index, sentence in enumerate(stated.sentences):
        if not sections.reaches(sentence.first, line):
            continue
        if index in stated.read:
            continue
        for math in re.findall(r"\$([^$]+)\$", sentence.text):
            if math.strip() == latex.strip() or "=" in math.replace(r"\le", "").replace(r"\ge", ""):
                continue
            if _expressions_unequal(math):
                continue  # (a - b)^2 ≠ a^2 - b^2: no bound on a letter (round 11a F3)
            bounded = [(match.group("name") or match.group("after") or "").lstrip("\\")
                       for match in _ANY_BOUND.finditer(math)] + sorted(condition_names(math))
            for name in bounded:  # |z| > 1: a condition on an expression of z (round 9a, H1)
                if force.supersedes(name.split("_")[0], sentence=index):
                    continue
                if name in plain or name.split("_")[0] in plain:
                    return (f"the note bounds {name} at line {sentence.first} ('${math.strip()}$'), "
                            "in words this reader does not read as a domain")
        words = re.sub(r"\$[^$]*\$", " ", sentence.text)
        if DOMAIN_WORDS.search(words):  # round 8b K8: "a number between $0$ and $1$"
            letters = re.findall(r"\$([^$]+)\$", sentence.text) + _BARE_KOREAN_LETTER.findall(words)
            for math in letters:
                name = math.strip().lstrip("\\")
                if name in plain and not force.supersedes(name, sentence=index):
                    return (f"the note describes {name} at line {sentence.first} in words that "
                            f"bound it ('{' '.join(sentence.text.split())[:90]}'), which this "
                            "reader does not read as a domain")
    read = read_conditions(context, line, latex)
    in_force = {record.name.lstrip("\\") for record in stated.for_chain(line, latex)}
    for where, conditions in sorted(getattr(context, "conditions_by_line", {}).items()):
        if where >= line or not sections.reaches(where, line):
            continue
        for condition in conditions:  # a display of its own: $$ 0 \le p \le 1 $$
            bound = bound_of(condition)
            if bound is not None and bound.name.lstrip("\\") in plain - in_force and not (
                condition_read(condition, read) or force.supersedes(bound.name, line=where)
                or _plainly_lifted(force, bound.name, where)
            ):  # (a name with a domain stated in force is read: Let $p \in (0, 1)$.)
                return (f"the note bounds {bound.name} at line {where} ('{condition.strip()}'), "
                        "which is not read as its domain here")
    return ""


def _plainly_lifted(force, name: str, where: int) -> bool:
    """Whether the bound on ``name`` stated at line ``where`` was read and then lifted by a
    plain sentence (*Now let $x$ be any real number.*): a refutation after it stands."""
    key = name.lstrip("\\")
    return any(getattr(what, "name", "").lstrip("\\") == key and lift.clear
               and lift.words != AFTER_LIFT  # (a "where" after a display ends, lifts nothing)
               and what.line <= where <= lift.line for what, lift in force.lifted)


def counts(name: str, math_text: str) -> bool:
    """Whether ``name`` is an index or a bound of a sum or product in ``math_text``."""
    bare = re.escape(name)
    return index_like(name, math_text) or bool(re.search(
        rf"\\(?:sum|prod)\s*(?:_\s*(?:\{{[^{{}}]*\}}|\S)\s*)?\^\s*(?:\{{[^{{}}]*(?<![A-Za-z\\]){bare}"
        rf"(?![A-Za-z])[^{{}}]*\}}|{bare}(?![A-Za-z]))|\\(?:sum|prod)\s*_\s*\{{[^{{}}]*=[^{{}}]*"
        rf"(?<![A-Za-z\\]){bare}(?![A-Za-z])", math_text))


def index_like(name: str, math_text: str) -> bool:
    r"""Whether the note uses ``name`` as an index: a subscript (``x_i``, ``w_{i}``) or the
    variable of a sum or product (``\sum_{i=1}``)."""
    bare = re.escape(name)
    return bool(re.search(rf"_\s*(?:\{{[^{{}}]*(?<![A-Za-z\\]){bare}(?![A-Za-z])|{bare}(?![A-Za-z]))",
                          math_text))


def summed_over(name: str, math_text: str) -> bool:
    r"""Whether the note sums or multiplies over ``name`` (``\sum_{i=0}^{1}``,
    ``\prod_{k = 1}``): the use that makes a numeric range an index set."""
    bare = re.escape(name)
    return bool(re.search(rf"\\(?:sum|prod)\s*_\s*\{{?\s*{bare}\s*=", math_text))


# -- a condition written in the display after the claim ----------------------------------------
_WORDS_KIND = {"positive": "x > 0", "negative": "x < 0", "nonnegative": "x \\ge 0",
               "non-negative": "x \\ge 0", "nonzero": "x \\ne 0", "non-zero": "x \\ne 0"}
_SPACE = r"(?:\\q?quad|\\[,;:!]|~|\s)*"
# the words that open a sufficient condition (one list: symderive.notes.condition_words), and
# "valid for", "holds when"; a converse one (only when, iff, exactly when) is never a domain
_CONNECTIVE = (rf"(?:valid|true|holds?)\s+(?:for|when|if|whenever)|(?!{CONVERSE}){SUFFICIENT}")
DISPLAY_CONDITIONS = (
    # \sqrt{x^2} = x \qquad \forall x > 0
    re.compile(rf"(?:,|\\q?quad){_SPACE}(?:\\forall|\\(?:text|textrm|mbox|textnormal)\s*\{{\s*(?:{_CONNECTIVE})\s*\}}){_SPACE}(?P<math>[^\\{{}}$]*?(?:\\(?:le|ge|leq|geq|lt|gt|ne|neq)(?![A-Za-z])"
               rf"[^\\{{}}$]*?)?)\s*[.,]?\s*$"),
    # \sqrt{x^2} = x \quad \text{($x > 0$)}, \text{for $x > 0$}, \text{valid for $x > 0$}
    re.compile(rf"(?:,|\\q?quad){_SPACE}\\(?:text|textrm|mbox|textnormal)\s*\{{\s*\(?\s*(?:(?:{_CONNECTIVE})\s+)?\$(?P<math>[^$]*)\$"
               rf"\s*\)?\s*\}}\s*[.,]?\s*$"),
    # \sqrt{x^2} = x \quad \text{(x > 0)}: the relation written as text (round 19 F7)
    re.compile(rf"(?:,|\\q?quad){_SPACE}\\(?:text|textrm|mbox|textnormal)\s*\{{\s*\(\s*(?:(?:{_CONNECTIVE})\s+)?"
               rf"(?P<math>[^{{}}$()]+?)\s*\)\s*\}}\s*[.,]?\s*$"),
    # \sqrt{x^2} = x \quad \text{for positive } x
    re.compile(rf"(?:,|\\q?quad){_SPACE}\\(?:text|textrm|mbox|textnormal)\s*\{{\s*(?:for|if|when)\s+(?:(?:all|every|any)\s+)?"
               rf"(?P<word>positive|negative|non-?negative|non-?zero)\s*\}}{_SPACE}(?P<name>{_NAME})"
               rf"\s*[.,]?\s*$"),
    # \sqrt{x^2} = x \qquad \text{if } x \text{ is positive}
    re.compile(rf"(?:,|\\q?quad){_SPACE}\\(?:text|textrm|mbox|textnormal)\s*\{{\s*(?:if|for|when)\s*\}}{_SPACE}(?P<name>{_NAME})"
               rf"{_SPACE}\\(?:text|textrm|mbox|textnormal)\s*\{{\s*(?:is\s+)?(?P<word>positive|negative|non-?negative|non-?zero)"
               rf"\s*\}}\s*[.,]?\s*$"),
    # \sqrt{x^2} = x, \quad x > 0
    re.compile(rf"(?:,|\\q?quad){_SPACE}(?P<math>{_NAME}\s*{_RELATION}\s*{_NUMBER})\s*[.,]?\s*$"),
    # \max(p, 0) = p \quad p \ge 0 \text{일 때} (Korean: the condition word after it, 14a F3)
    re.compile(rf"(?:,|\\q?quad){_SPACE}(?P<math>{_NAME}\s*{_RELATION}\s*{_NUMBER}){_SPACE}"
               rf"\\(?:text|textrm|mbox)\s*\{{\s*(?!{KOREAN_CONVERSE}){KOREAN_SUFFICIENT}\s*\}}\s*[.,]?\s*$"),
)  # fmt: skip


def display_bound(latex: str) -> Bound | None:
    r"""The inequality a display states after its claim for one name (``\qquad \forall x > 0``,
    ``\qquad \text{if } x \text{ is positive}``), or None."""
    text = " ".join(latex.split())
    for written, read in (("⩾", r" \geq "), ("⩽", r" \leq "), ("≥", r" \geq "), ("≤", r" \leq "),
                          (r"\geqslant", r"\geq"), (r"\leqslant", r"\leq")):
        text = text.replace(written, read)  # (round 20 F14)
    for pattern in DISPLAY_CONDITIONS:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("word"):
            word = groups["word"].replace("non-", "non")
            formula = _WORDS_KIND[word].replace("x", groups["name"], 1)
            bound = bound_of(formula)
            return Bound(bound.name, bound.domain, match.group().strip()) if bound else None
        bound = bound_of(groups.get("math") or "")
        if bound:
            return Bound(bound.name, bound.domain, match.group().strip())
    return None


def display_symbols(context, latex: str, line: int) -> dict:
    """symbol → Domain for the condition a display writes after its claim (none when the
    name is not one symbol, or a directive gives it a domain)."""
    from symderive.errors import ParseError
    from symderive.notes.context import parse

    bound = display_bound(latex)
    if bound is None or (bound.domain.kind != "positive" and counts(bound.name, latex)):
        return {}
    try:
        symbol = parse(bound.name, context.latex, "<display>", line)
    except ParseError:
        return {}
    if not isinstance(symbol, sp.Symbol) or symbol in context.domains:
        return {}
    return {symbol: bound.domain, sp.IndexedBase(symbol.name): bound.domain}


def display_used(context, latex: str, line: int, names: set[str]) -> tuple[str, ...]:
    """The report's 'used' line for a condition read from the display."""
    bound = display_bound(latex)
    if bound is None or bound.name.lstrip("\\") not in {n.lstrip("\\") for n in names} or (
            not display_symbols(context, latex, line)):
        return ()
    return (f"{bound.name} {_shown(bound.domain)} (stated in the display: "
            f"'{' '.join(bound.latex.split())}')",)
