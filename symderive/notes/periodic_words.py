r"""Periodicity in any wording (round 8c X12, round 9b H3).

A sentence says its function is periodic in many ways: *periodic*, *$2\pi$-periodic*, *has period
$T$*, *periodic of period $1$*, *with period $T$*, *repeats (itself) every $2\pi$*, *recurs every*,
*is invariant under shifts by $T$*, *shift-invariant*, *cyclic*, a function *on the circle
$\mathbb{R}/2\pi\mathbb{Z}$* (on $\mathbb{T}$, on $S^1$, on the unit circle); in Korean *주기*
(주기가 $2\pi$인, 주기함수, 주기적), *반복되는*, *원 위의 함수*. :func:`says_periodic` reads them
all; a denial next to the word (*not periodic*, *does not repeat*, *aperiodic*, *has no period*)
gives no property (the instances are not periodic, as the note says).

What it is used for: :mod:`symderive.notes.function_words` gives the letters of such a sentence
the property *periodic*, so a claim about them is neither refuted nor checked on the
(non-periodic) instances of an unknown function. Any wording this module misses is still caught
by :mod:`symderive.notes.function_clauses`, which withholds the instances from a function described
in words it does not read.
"""

from __future__ import annotations

import re

PERIODIC_PROSE = re.compile(
    r"(?<!\w)(?<!non-)(?:periodic(?:ally|ity)?|periods?)(?!\w)"
    r"|\b(?:repeat(?:s|ed|ing)?|recur(?:s|red|ring)?)\b(?:\s+(?:itself|themselves|its\s+values?))?"
    r"\s+(?:every|after|each|with|over|on|in)\b"
    r"|\b(?:shift|translation)-?\s*invariant\b"
    r"|\binvariant\s+under\s+(?:a\s+|the\s+)?(?:shifts?|translations?|shifting|translating)\b"
    r"|\bcyclic(?:al)?\b"
    r"|\b(?:on|of|around|over)\s+(?:the\s+)?(?:unit\s+)?(?:circle|torus)\b"
    r"|\bwraps?\s+around\b"
    r"|주기|반복(?:되|하|적)|(?<!차)원\s*위|단위\s*원|원주\s*위",
    re.I,
)
# a circle as a domain, in a formula: \mathbb{R}/2\pi\mathbb{Z}, \mathbb{T}, S^1, \mathbb{S}^1
PERIODIC_MATH = re.compile(
    r"\\mathbb\s*\{?\s*R\s*\}?\s*(?:/|\\big/|\\left/|\\slash)"
    r"|\\mathbb\s*\{?\s*T\s*\}?(?![A-Za-z])"
    r"|(?<![A-Za-z\\])(?:\\mathbb\s*\{?\s*S\s*\}?|S)\s*\^\s*\{?\s*1\s*\}?(?!\d)")
# a denial attached to the word: "not periodic", "does not repeat", "never repeats", "has no
# period", "not necessarily periodic", "aperiodic", "non-periodic"
PERIODIC_DENIED = re.compile(
    r"\b(?:not|never|no|nor|without)\s+(?:(?:necessarily|assumed|required|needed|known|to|be|"
    r"have|has|a|an|any|itself|strictly|exactly)\s+){0,3}(?:periodic|periods?|repeat\w*|recur\w*|"
    r"cyclic)\b|\b(?:aperiodic|non-?periodic|nonrepeating|non-repeating)\b"
    r"|주기(?:가|적이지|함수가)?\s*(?:없|아니|아닌)|반복되지\s*않", re.I)


def says_periodic(text: str) -> bool:
    """Whether the sentence ``text`` (inline math as ``$…$``) says something is periodic, in any
    wording, without denying it."""
    prose = re.sub(r"\$[^$]*\$", " ", text)
    said = bool(PERIODIC_PROSE.search(prose)) or any(
        PERIODIC_MATH.search(math) for math in re.findall(r"\$([^$]+)\$", text))
    return said and not PERIODIC_DENIED.search(prose)
