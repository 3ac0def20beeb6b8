r"""A function formula whose parameter has an example value in force (round 22 F9).

*Take $x = 2$: $f(x) = x$* and *At $x = 2$ we have $f(x) = x$* say what f gives at the example
(f(2) = 2), not what f is for every x: read as f's definition it would prove *f(5) = 5*. The
first formula for f is read as a condition at the example — it states a value of f there,
defines nothing and is not checked — when its parameter list names a letter

* with an example value in force, and the words introducing the formula (after the last formula
  before it) evaluate (*we have, gives, then, here, there, its value, the output, at*, a colon,
  대입하면, 일 때 …) or are none, or f was named in words before (*Let $f$ be the ReLU*, `$f$를
  … 라 하자`: the formula is what that f gives at the example); or
* whose point is named right after it (*$f(x) = x$ at $x = 2$*, *(at the point $x = 2$)*,
  *, evaluated at $x = 2$*, `($x = 2$에서)`: round 23, round 24);

unless a defining verb governs it (*Define $f(x) = …$*, *and let $L(w) = …$*, *Consider the
loss $L(w) = …$*: at most three words between, no colon, not denied), the noun *function*
stands right before it, or ``로 정의하자`` follows it. Other words keep the definition: *Take $w =
3$. The loss is $L(w) = (w - 1)^2$* defines the loss (round 24 R24-28).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from symderive.grammar.negation import NEGATED
from symderive.notes.names import plain_name
from symderive.notes.roles import (
    REDEFINING_AFTER,
    Reading,
    Role,
    is_parameter_list,
)

# the words after the last formula of the lead (the words that introduce this formula)
_LAST_FORMULA = re.compile(r"\$[^$]*\$|\\\([^)]*\\\)")
# a defining verb governing the formula, at most three words before it and no colon between
# ("Define $f(x) …$", "and let $L(w) …$", "Consider the loss $L(w) …$", "denote by $f(x) …$");
# anywhere else in the words it may be about something else ("This defines the input, and the
# output is …", "consider the forward pass: $f(x) = x = 2$": rounds 23, 24)
_DEFINING = re.compile(
    r"\b(?:let(?!\s*(?:us|me)\b|['’]s\b)|define|defining|denote|denoting|consider|considering|"
    r"introduce|set)\b(?:\s+[\w'-]+){0,3}\s*,?\s*$|\b(?:define|let)\s*:\s*$|\bfunctions?\s*$|"
    r"(?:정의하자|정의한다|정의하면)\s*$", re.I)
_KOREAN_DEFINING_AFTER = re.compile(r"^\s*(?:으?로|이?라고?)\s*(?:정의|두자|놓자|하자)")
# words that evaluate: the formula is what f gives at the example
_EVALUATING = re.compile(
    r"\b(?:we\s+(?:have|get|obtain|find|see)|gives?|giving|yields?|there|here|then|so|hence|thus|"
    r"therefore|values?|outputs?|results?|evaluat\w*|plug\w*|substitut\w*|comput\w*|at|becomes?|"
    r"equals?|forward|pass|note|noting|observe|notice|clearly|obviously|indeed|check|verify|"
    r"recall)\b|:\s*$|그러면|따라서|대입|값|에서|얻|이때|일\s*때|이면|면\s*$|분명|확인|물론", re.I)
# the point named right after the formula: "$f(x) = x$ at $x = 2$", "(at the point $x = 2$)",
# ", evaluated at $x = 2$", "when $x = 2$", "($x = 2$에서)"
_POINT_AFTER = re.compile(
    r"^[\s,;(]*(?:[\w-]+\s+){0,2}?(?:at|when|for|if|where|with|whenever)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?\$([^$=]+)=|^\s*(?:이다|이고|이며|이므로)?\s*[,(]?\s*\$([^$=]+)=[^$]*\$\s*"
    r"(?:에서|일\s*때|이면)", re.I)


def _introducing_words(lead: str) -> str:
    pieces = _LAST_FORMULA.split(lead or "")
    return pieces[-1] if pieces else ""


def named_in_words(prose: str, name: str) -> bool:
    """Whether ``prose`` (the note before the formula, in its section) names the function
    ``name`` without a formula: *Let $f$ be the ReLU*, *Call the squaring function $f$*, *We
    denote … by $f$*, *Take the ReLU for $f$*, `$f$를 제곱 함수라 하자`, `이를 $f$로 나타낸다`
    — any mention of the bare name (``$f$``, ``${f}$``, ``$\\mathit{f}$``, ``$f\\colon A \\to B$``,
    ``$f(x)$``, *called f*): a function the
    words introduced has its meaning from them, and a formula for it at an example value is its
    value there (round 25: each wording a list missed was a false verdict)."""
    wanted = plain_name(name)
    if not wanted:
        return False
    for found in _INLINE_FORMULA.finditer(prose or ""):
        body = plain_name(found.group(1) or found.group(2))
        if body == wanted or "=" not in body and (  # f, f: ℝ → ℝ, f(x) (round 26)
                re.match(rf"{re.escape(wanted)}(?:colon|:|\()", body)):
            return True
    words = _INLINE_FORMULA.sub(" ", prose or "")  # "Let the squaring map be called f"
    return bool(re.search(rf"\b(?:called|named|denoted(?:\s+by)?)\s+{re.escape(name)}\b", words))


_INLINE_FORMULA = re.compile(r"\$([^$]*)\$|\\\((.*?)\\\)")


def evaluated_at_example(reading: Reading, lead: str, trail: str, after: str, inline: bool,
                         examples: Iterable[tuple[str, int]], named: bool = False
                         ) -> Reading | None:
    """The condition reading of a first function formula ``reading`` (see the module), or
    None. ``examples``: (letter, line of its value) of the example values in force; ``after``:
    the text after the formula; ``named``: f was named in words before it."""
    if reading.role is not Role.DEFINITION or reading.second or reading.point:
        return None
    arguments = reading.arguments
    if arguments is None or not is_parameter_list(arguments):
        return None
    parameters = {plain_name(part) for part in arguments.split(",")}
    words = _introducing_words(lead)
    if (_DEFINING.search(words) and not NEGATED.search(words)) or (
            inline and (REDEFINING_AFTER.match(trail or "")
                        or _KOREAN_DEFINING_AFTER.match(trail or ""))):
        return None
    point = _POINT_AFTER.match(after or "")
    letter = (point.group(1) or point.group(2)).strip() if point else ""
    if point and plain_name(letter) in parameters:
        where = "named right after it"
    else:
        valued = [(name, line) for name, line in examples if plain_name(name) in parameters]
        if not valued:
            return None
        spoken = re.sub(r"[\s.,;]", "", words)
        if spoken and not named and not _EVALUATING.search(words):
            return None  # "Take $w = 3$. The loss is $L(w) = (w - 1)^2$": its definition
        letter, line = valued[-1]
        where = f"line {line}"
    return Reading(Role.CONDITION, why=(
        f"{reading.name}({' '.join(arguments.split())}) with {letter} at its example value "
        f"({where}): the value of {reading.name} at the example, not its definition for "
        f"every {letter} (say 'define' or 'let' to define {reading.name})"))
