r"""Which example values the words before (or just after) a claim make general again.

Generalising words that name letters lift exactly those letters: ``Let $c = 5$ and let $d$ be
arbitrary.`` ends d's example value, not c's (review round 8c X8); so do "for every real $x$",
"$y$ may be any", "Now let $n$ vary", "with $n$ unrestricted", "drop the assumption $t = 2$".
Words that name no letter ("In general,", "More generally,", "always", "whatever the values")
lift them all. Only the words after the last formula with an ``=`` count (``We always take $x =
3$. Then …`` stays at the example), except a sentence that drops a stated value by name.
After the claim: its own sentence, and a clause past ``;`` or the next sentence that refers back
to it (:func:`said_after`: *This identity holds for every real number $g$.*).
"""

from __future__ import annotations

import re

from symderive.grammar.negation import NEGATED

ALL = None  # every example value lifted

GENERAL_WORDS = re.compile(
    r"\b(?:in general|for (?:every|all|any|each|arbitrary)|generally|arbitrary|whatever|"
    r"regardless|always|any value|no matter|identically|universally)\b"
    r"|일반적으로|모든|임의의|항상|관계\s*없이|상관\s*없이|언제나",
    re.I,
)
# a claim made for every case before it ("In both cases", "In every case", 두 경우 모두): it
# must hold for each example value given, not only for the last one, which replaced the others
# (review round 12a F13) — read as the general claim
ALL_CASES = re.compile(
    r"\b(?:in|for|on)\s+(?:every|each|all|both|either|any)\s+(?:of\s+)?"
    r"(?:the\s+|these\s+|those\s+)?"
    r"(?:(?:two|three|four|five|\d+)\s+)?(?:cases?|values?|examples?|choices?|rows?|instances?|"
    r"items?|settings?)\b|\b(?:in|for)\s+(?:both|all)\s+(?:of\s+)?(?:them|these|those)\b"
    r"|\bfor\s+both\b|\beither\s+way\b|\bin\s+either\s+event\b|\bwhichever\b|\beach\s+time\b"
    r"|두\s*경우\s*모두|두\s*값\s*모두|각\s*경우|각각의?\s*(?:경우|값)|어느\s*(?:경우|쪽|값)(?:에|든|이든|라도)"
    r"|모든\s*경우|세\s*경우\s*모두",
    re.I,
)
VALUED_FORMULA = re.compile(r"\$[^$]*=[^$]*\$")
# one letter or a list of them in one formula or several: $d$, $a, b$, $a$ and $b$
_NAME = r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?"
_NAMES = (rf"\$\s*{_NAME}(?:\s*,\s*{_NAME})*\s*\$(?:\s*(?:,|and|or|와|과)\s*\$\s*{_NAME}"
          rf"(?:\s*,\s*{_NAME})*\s*\$)*")
# a generalising word that speaks of letters written just after it: "for every real $x$",
# "for all positive integers $n$ and $m$", "arbitrary $d$", "임의의 $x$"
_WORD_THEN_NAMES = re.compile(
    r"(?:for\s+(?:every|all|any|each|arbitrary)|arbitrary|any|임의의|모든)\s+"
    r"(?:(?:real|positive|negative|nonnegative|non-negative|complex|natural|integer|rational|"
    r"other|possible|values?|numbers?|integers?|reals?|choices?|of)\s+){0,3}"
    rf"(?P<names>{_NAMES})", re.I)
# … or letters written just before it: "let $d$ be arbitrary", "$y$ may be any real number",
# "$n$ is unrestricted", "$d$ arbitrary"
_NAMES_THEN_WORD = re.compile(
    rf"(?P<names>{_NAMES})\s*(?:(?:is|are|be|may\s+be|can\s+be|now|remains?|stays?)\s+)*"
    r"(?:arbitrary|any\b|unrestricted|general\b)", re.I)
# the words name no letter: every example value
_ANY_LETTER = re.compile(_NAMES)
# "let $n$ vary", "For general $n$", "일반적인 $r$에 대하여", "$x$ may be any"
LIFTING = re.compile(
    rf"\blet\s+(?P<n1>{_NAMES})\s+be\s+(?:an?|any|arbitrary|some|general)\b"
    rf"|\bgeneral\s+(?P<n2>{_NAMES})"
    rf"|(?P<n3>{_NAMES})\s+(?:may|can|is\s+allowed\s+to)\s+be\s+any\b"
    # round 8c X4: "Now let $n$ vary", "with $n$ unrestricted", "일반적인 $r$에 대하여"
    rf"|\blet\s+(?P<n4>{_NAMES})\s+(?:vary|range|be\s+unrestricted)\b"
    rf"|(?P<n5>{_NAMES})\s+(?:is\s+|now\s+)?unrestricted\b"
    rf"|일반적인\s*(?P<n6>{_NAMES})",
    re.I,
)
# "drop the assumption $t = 2$", "we no longer assume $t = 2$", "forget that $t = 2$"
DROPPED = re.compile(
    r"\b(?:drop(?:ping)?|remov(?:e|ing)|forget(?:ting)?|relax(?:ing)?|lift(?:ing)?|no\s+longer\s+"
    r"(?:assume|take|fix)|abandon(?:ing)?)\s+(?:the\s+)?(?:assumption|condition|value|choice|"
    rf"example)?\s*(?:that\s+)?\$\s*(?P<name>{_NAME})\s*=", re.I)


# a quantifier that speaks of an inline formula before it, not of the claim (review round 9b
# L11): "Recall that $\sqrt{x^2} = |x|$ holds for every real $x$", "Unlike $t^2$, which is
# defined for every real $t$," — it lifts nothing for a display after its sentence
ABOUT_FORMULA = re.compile(
    r"\$[^$]+\$\s*,?\s*(?:(?:which|that)\s+)?(?:(?:also|still)\s+)?(?:holds?|is\s+(?:true|valid|"
    r"defined)|are\s+(?:true|valid|defined)|true|valid|defined)\s+(?:for|on|over)\s+"
    r"(?:every|all|any|each|arbitrary)\s+(?:[A-Za-z-]+\s+){0,3}?" + _NAMES, re.I)


def about_formula(text: str, start: int) -> bool:
    """Whether the words at ``start`` of ``text`` are inside a quantifier about an inline formula
    (:data:`ABOUT_FORMULA`)."""
    return any(match.start() < start < match.end() for match in ABOUT_FORMULA.finditer(text))


# round 11a F7: a later clause or the next sentence that speaks of the claim just made ("…; this
# identity is true for every $a$", "This identity holds for every real number $g$.", "이 등식은
# 모든 $a$에 대해 성립한다"): its generalising words are the claim's
REFERS_BACK = re.compile(
    r"^\s*(?:(?:but|and|indeed|in\s+fact|moreover|actually|more\s+generally|in\s+general|"
    r"generally|of\s+course|clearly|note\s+that|also)\s*,?\s*)?(?:this|that|it|the\s+"
    r"(?:same\s+)?(?:identity|equation|equality|formula|relation|result|statement|claim))"
    r"(?:\s+(?:identity|equation|equality|formula|relation|result|statement|claim))?\s+"
    r"(?:(?:also|still|actually|in\s+fact|indeed)\s+)?(?:holds?|is|are|remains?|stays?|works?|"
    r"was|will|would|can|must|should|may)\b"
    r"|^\s*(?:이\s*(?:항등식|등식|식|관계|결과|공식)|이는|이것|그것)(?:은|는|이|가)?\s", re.I)
_SENTENCES = re.compile(r"(?:\$[^$]*\$|[^$.!?。])*[.!?。]?")


def said_after(text: str, display: bool = False) -> str:
    """The words after a claim's sentence break that speak of it (:data:`REFERS_BACK`): its
    later clauses after ``;`` and the next sentence, when they open by referring back (after a
    display, also the words right after it: "$$ … $$ This identity holds for every $a$.")."""
    sentences = [match.group() for match in _SENTENCES.finditer(text or "") if match.group()]
    said: list = []
    if display and sentences and REFERS_BACK.match(sentences[0].lstrip(" ,;:–—-")):
        said.append(sentences[0])
    if sentences:
        said += [clause for clause in sentences[0].split(";")[1:] if REFERS_BACK.match(clause)]
    if len(sentences) > 1 and REFERS_BACK.match(sentences[1]):
        said.append(sentences[1])
    # "This is not true for every $a$", "This holds only for $a = 2$": no generalising claim
    return " ".join(words for words in said if not _denied(words))


def _denied(words: str) -> bool:
    """Whether words after a claim deny its general form (*not true for every*, *only for*),
    not merely use a negation word of their own (*without exception*, *no matter what*)."""
    plain = re.sub(r"\$[^$]*\$|\bwithout\s+exception\b|\bno\s+matter\b|\bnot\s+only\b", " ",
                   words, flags=re.I)
    return bool(NEGATED.search(plain) or re.search(r"\bonly\b|뿐|만\s*성립", plain, re.I))


def _letters(names: str) -> set:
    """The names inside the formulas of ``names`` (``$x$ and $y$``: x, y — not "and")."""
    inside = " ".join(re.findall(r"\$([^$]*)\$", names))
    return {name.lstrip("\\") for name in re.findall(_NAME, inside)}


def lifted(lead: str, after: str = "") -> set | None:
    """The names whose example values the words lift: a set (maybe empty), or :data:`ALL`.
    ``lead``: the words before the claim; ``after``: those just after it ("for every $x$")."""
    found: set = set()
    for match in DROPPED.finditer(lead or ""):
        found.add(match.group("name").lstrip("\\"))
    pieces = VALUED_FORMULA.split(lead or "")
    # (the formula the last piece follows kept as a mark: "… $F$ holds for every $x$" speaks of F)
    last = pieces[-1] if len(pieces) == 1 else "$=$" + pieces[-1]
    for words in (last, after or ""):
        for match in LIFTING.finditer(words):
            found |= _letters(next(group for group in match.groups() if group))
        named_spans = [match.span() for match in ABOUT_FORMULA.finditer(words)]
        for pattern in (_WORD_THEN_NAMES, _NAMES_THEN_WORD):
            for match in pattern.finditer(words):
                if not about_formula(words, match.start()):
                    found |= _letters(match.group("names"))
                named_spans.append(match.span())
        for match in (*GENERAL_WORDS.finditer(words), *ALL_CASES.finditer(words)):
            if any(start <= match.start() < end for start, end in named_spans):
                continue  # it speaks of the letters it names
            return ALL  # "In general", "always": no letter named, every one lifted
    return found
