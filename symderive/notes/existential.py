r"""Names the prose binds existentially: *there is a $\xi$ between $0$ and $x$ such that*.

*By Taylor's theorem there is a $\xi$ … such that* $f(x) = f(0) + f'(0)x + \frac{f''(\xi)}2x^2$,
*For some $\xi$*, *for a suitable $\xi$*, *By the mean value theorem we can find $c$ with*,
*There exists $\theta \in (0, 1)$*, *a point $\xi$ such that*, Korean *어떤 $\xi$*, *적당한 $c$*,
*$\xi$가 존재하여*: the display after such words says that *some* value of the name makes it
hold. A counterexample that gives the name one value proves nothing, so such a refutation is
undecided, naming the words. A proof (or a check) holds for every value of the name, hence for
some: those verdicts stand. A refutation whose counterexample does not involve the name stands
too (the claim does not depend on it).

The words are looked for in the sentences just before a display (or the formula's own
sentence), as :func:`symderive.notes.stated.StatedDomains.nearby` gives them; a word too many
only withholds a refutation, never a proof.
"""

from __future__ import annotations

import re

from symderive.errors import ParseError
from symderive.notes.context import parse

_MATH = r"\$([^$]+)\$"  # the only capturing group of the patterns
# "a real $t$", "a positive number $c$": adjectives alone or before a noun (round 14a F2)
_NOUN = (r"(?:(?:real|positive|negative|nonzero|non-zero|intermediate|unique|certain|complex"
         r"|natural)\s+){0,2}(?:(?:point|number|value"
         r"|constant|scalar|parameter|index|angle|time|root|zero)s?\s+)?")
_ARTICLE = r"(?:(?:a|an|some|one|the|at\s+least\s+one)\s+)?"
# "어떤 실수 $x$에 대해서도" / "어떤 $x$라도": for ANY x (universal), not for some x
ANY_KOREAN = r"(?!\s*(?:에\s*대(?:해|하여)\s*(?:서\s*)?도|[이가]?\s*라도|이든|든지|이더라도))"
# round 57 AR02: Chinese 存在常数 $C$ ("there is a constant C"), 对于一些 $C$ / 对某个 $C$ ("for
# some C"), 某些 $C$; the math is the only group (not 对任意 / 对所有: "for any / all")
CHINESE_SOME = (r"(?:存在着?\s*(?:一个|一些|某个|某些)?|(?:对于|对)?\s*(?:某一个|某一|某个|某些|一些|某))"
                r"\s*(?:正常数|实数|常数|正数|整数|数|值|点)?\s*")
BINDING = re.compile(
    r"\b(?:there\s+(?:is|are|exists?|must\s+be|will\s+be)|exists?"
    r"|for\s+(?:some|a\s+(?:suitable|certain|particular)|an\s+(?:appropriate|intermediate)"
    r"|at\s+least\s+one|one)"
    r"|(?:we|one|you)\s+(?:can|could|may|will)\s+(?:find|choose|pick)|can\s+be\s+found"
    r")\s+" + _ARTICLE + _NOUN + _MATH
    + r"|\b(?:some|suitable|certain)\s+" + _NOUN + _MATH
    + r"|(?:어떤|적당한|적절한)\s*(?:점|수|값|실수)?\s*" + _MATH + ANY_KOREAN
    + r"|" + _MATH + r"\s*(?:[이가]\s*)?(?:\([^()]*\)\s*)?존재"
    + r"|" + CHINESE_SOME + _MATH,
    re.I,
)
# "a point $\xi$ such that", "some $c$ with": the name chosen to satisfy the display
SUCH_THAT = re.compile(
    r"\b(?:a|an|some)\s+" + _NOUN + _MATH + r"[^$.;]{0,60}?\b(?:such\s+that|with|satisfying|"
    r"for\s+which)\b", re.I)
_NAME = re.compile(r"^\s*((?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?)(?:\s*(?:,|\\in|∈|\\le"
                   r"|<|>|\\ge|\\neq?|\\quad|$)|\s*=\s*\\?[a-z]+\()")


def bound_names(sentence: str) -> list[str]:
    """The LaTeX names the sentence binds existentially, in order."""
    found = []
    for pattern in (BINDING, SUCH_THAT):
        for match in pattern.finditer(sentence):
            math = next(group for group in match.groups() if group)
            for piece in math.split(","):
                name = _NAME.match(piece + " ")
                if name and name.group(1) not in found:
                    found.append(name.group(1))
                if not name:
                    break
    return found


def existential_doubt(context, line: int, latex: str, counterexample) -> str:
    """Why a refutation of the chain at ``line`` proves nothing: the prose just before binds a
    name of the counterexample existentially ('' when it does not)."""
    stated = getattr(context, "stated", None)
    if stated is None or counterexample is None:
        return ""
    values = dict(counterexample.values)
    for index in reversed(stated.nearby(line, latex)):
        sentence = stated.sentences[index].text
        for name in bound_names(sentence):
            symbol = _symbol(context, name, line)
            if symbol in values:
                words = " ".join(sentence.split())
                words = words if len(words) <= 90 else words[:89] + "…"
                return (f"the note says only that some {name} makes it hold ('{words}', line "
                        f"{stated.sentences[index].first}): a counterexample at {name} = "
                        f"{values[symbol]} proves nothing, and it is not checked for every "
                        f"{name}")
    return ""


def _symbol(context, name: str, line: int) -> str:
    try:
        symbol = parse(name, context.latex, "<prose>", line)
    except ParseError:
        return name
    return str(getattr(symbol, "name", symbol))
