r"""A function formula whose parameter has an example value in force (round 22 F9).

*Take $x = 2$: $f(x) = x$* and *At $x = 2$ we have $f(x) = x$* say what f gives at the example
(f(2) = 2), not what f is for every x: read as f's definition it would prove *f(5) = 5*. Such a
formula is the first for f, its parameter list names a letter with an example value in force,
and no defining word (*let*, *define*, 정의하자 …) stands between the last formula before it and
the formula itself (*Let $x = 3$ and define $f(x) = x^2$* still defines f). It is then read as
a condition at the example: it states a value of f there, defines nothing and is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from symderive.grammar.negation import NEGATED
from symderive.notes.roles import (
    REDEFINING_AFTER,
    Reading,
    Role,
    is_parameter_list,
)

# the words after the last formula of the lead (the words that introduce this formula)
_LAST_FORMULA = re.compile(r"\$[^$]*\$|\\\([^)]*\\\)")
# a defining verb governing the formula: at most three words between it and the formula
# ("Define $f(x) …$", "and let $L(w) …$", "Consider the loss $L(w) …$", "denote by $f(x) …$"), or
# the noun "function" right before it ("the function $f(x) = …$"); anywhere else in the words
# it may be about something else ("This defines the input, and the output is …": round 23)
_DEFINING = re.compile(
    r"\b(?:let(?!\s*(?:us|me)\b|['’]s\b)|define|defining|denote|denoting|consider|considering|"
    r"introduce|set)\b"
    r"(?:\s+[\w'-]+){0,3}\s*[:,]?\s*$|\bfunctions?\s*[:,]?\s*$|"
    r"(?:정의하자|정의한다|정의하면)\s*$", re.I)
_KOREAN_DEFINING_AFTER = re.compile(r"^\s*(?:으?로|이?라고?)\s*(?:정의|두자|놓자|하자)")
# the example's letter named right after the formula: "$f(x) = x$ at $x = 2$", "when $x = 2$",
# "$x = 2$에서" after it (round 23 R23-14, R23-15)
_POINT_AFTER = re.compile(r"^[\s,]*(?:at|when|for|if|where|with|whenever)\s+\$([^$=]+)=", re.I)


def _plain(name: str) -> str:
    return re.sub(r"[\s{}]|\\mathrm|\\mathit|\\mathbf|\\boldsymbol", "", name or "")


def _introducing_words(lead: str) -> str:
    pieces = _LAST_FORMULA.split(lead or "")
    return pieces[-1] if pieces else ""


def evaluated_at_example(reading: Reading, lead: str, trail: str, after: str, inline: bool,
                         examples: Iterable[tuple[str, int]]) -> Reading | None:
    """The condition reading of a first function formula ``reading`` whose parameter has an
    example value in force (``examples``: (letter, line of its value)) or names a point right
    after it (``after``: the text after an inline formula, ``at $x = 2$``), or None."""
    if reading.role is not Role.DEFINITION or reading.second or reading.point:
        return None
    arguments = reading.arguments
    if arguments is None or not is_parameter_list(arguments):
        return None
    parameters = {_plain(part) for part in arguments.split(",")}
    valued = [(letter, f"line {line}") for letter, line in examples if _plain(letter) in parameters]
    point = _POINT_AFTER.match(after or "") if inline else None
    if point and _plain(point.group(1)) in parameters:
        valued.append((point.group(1).strip(), "right after it"))
    if not valued:
        return None
    words = _introducing_words(lead)
    if (_DEFINING.search(words) and not NEGATED.search(words)) or (
            inline and (REDEFINING_AFTER.match(trail or "")
                        or _KOREAN_DEFINING_AFTER.match(trail or ""))):
        return None
    letter, where = valued[-1]
    return Reading(Role.CONDITION, why=(
        f"{reading.name}({' '.join(arguments.split())}) with {letter} at its example value "
        f"({where}): the value of {reading.name} at the example, not its definition for "
        f"every {letter} (say 'define' or 'let' to define {reading.name})"))
