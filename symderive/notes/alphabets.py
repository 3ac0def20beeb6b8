"""Alphabets stated in words: 'Let $X$ take at most two values', 'a ternary random variable',
'$X$ has 4 possible values', '$X$는 두 값을 가진다', '$X$의 값이 3개이다'.

Such a sentence states only how many values a random variable takes (at most k), not its
law: the laws on at most k outcomes are then exactly the ones the claim is about, and the
information-theory checker searches those (:mod:`symderive.notes.info_check`).  A sentence
that says more (uniform, fair, a mean), says it of several names, bounds from below ('at least
two values') or negates ('not binary') is no alphabet: it stays a condition this reader does
not read, and a refutation under it is undecided.
"""

from __future__ import annotations

import re

from symderive.grammar.negation import NEGATED_OR_EXCEPTED
from symderive.notes.hypotheses import MATH, MENTION
from symderive.notes.info_grammar import VARIABLE_LETTERS

NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5,
           "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}


def _count(group: str) -> str:
    return rf"(?P<{group}>\d{{1,4}}|" + "|".join(NUMBERS) + r")"



ARY = {"binary": 2, "ternary": 3, "quaternary": 4, "이진": 2, "삼진": 3}
ALPHABET = re.compile(
    r"(?i)(?P<ary>\bbinary\b|\bternary\b|\bquaternary\b|이진|삼진)"
    r"|\b" + _count("valued") + r"[- ]valued\b"
    r"|(?:\b(?:at\s+most|only|exactly|precisely)\s+)?\b" + _count("english")
    + r"\s+(?:possible\s+|distinct\s+|different\s+)?(?:values|outcomes)\b"
    r"|(?:최대\s*)?" + _count("korean") + r"\s*(?:개의\s*)?(?:가지\s*)?값"
    r"|값(?:이|은|의\s*개수는)\s*(?:최대\s*)?" + _count("counted") + r"\s*(?:개|가지)"
)
BELOW = re.compile(r"(?i)\b(?:at\s+least|more\s+than|over|above|fewer\s+than|less\s+than)\s*$"
                   r"|(?:이상|초과|미만)\s*$")
SAYS_MORE = re.compile(r"(?i)\b(?:uniform\w*|fair|coin|dice|die|mean|variance|distributed|"
                       r"probabilit\w*|equally|likely|biased)\b|균등|공정|동전|주사위|확률|평균|분산")


def stated_alphabet(sentence: str, formula: str = "") -> tuple[str, int] | None:
    """(name, k) when ``sentence`` (without the step's ``formula``) states only that the one
    random variable it names takes at most k values; None otherwise."""
    text = sentence.replace(formula, " ") if formula else sentence
    names = {piece.strip("$ ").strip() for piece in MATH.findall(text)}
    if len(names) != 1:
        return None
    (name,) = names
    if len(name) != 1 or name not in VARIABLE_LETTERS:
        return None
    words = MATH.sub(" ", text)
    found = list(ALPHABET.finditer(words))
    if len(found) != 1 or NEGATED_OR_EXCEPTED.search(words) or SAYS_MORE.search(words):
        return None
    match = found[0]
    if BELOW.search(words[: match.start()]) or re.match(r"\s*(?:이상|초과|미만)", words[match.end():]):
        return None
    rest = words[: match.start()] + " " + words[match.end():]
    if MENTION.search(rest):
        return None  # another condition besides the alphabet
    if match.group("ary"):
        count = ARY[match.group("ary").lower()]
    else:
        word = next(match.group(g) for g in ("valued", "english", "korean", "counted")
                    if match.group(g)).lower()
        count = int(word) if word.isdigit() else NUMBERS[word]
    return (name, count) if count >= 1 else None
