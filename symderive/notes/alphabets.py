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


# $X \in \{0, 1\}$, takes values in $\{a, b, c\}$, $\{0, 1\}$에서 값을 가진다 (round 7, R15)
_SET = r"\\\{(?P<items>[^{}$]*)\\\}"
MEMBER = re.compile(rf"\$\s*(?P<name>[A-Z])\s*(?:\\in|∈)\s*{_SET}\s*\$")
VALUES_IN = re.compile(rf"(?i)\b(?:takes?|taking|has|having|with)\s+(?:its\s+|only\s+)*values\s+"
                       rf"(?:in|from)\s+(?:the\s+set\s+)?\$\s*{_SET}\s*\$")
KOREAN_VALUES_IN = re.compile(rf"\$\s*{_SET}\s*\$\s*(?:에서|중(?:에서)?|의)\s*(?:하나의\s*)?"
                              r"값을\s*(?:가진다|갖는다|취한다)")
_ITEM = re.compile(r"[-+]?\d+(?:\.\d+)?|[A-Za-z]|\\[A-Za-z]+(?:\s*\{[^{}]*\})?")
_ELLIPSIS = re.compile(r"\\(?:[lcv]?dots|ddots)|\.\.\.|…")


def value_set_size(items: str) -> int | None:
    """How many values ``0, 1`` (the inside of ``\\{0, 1\\}``) lists: distinct literal numbers
    or letters only; None for ``1, \\dots, k`` or anything else."""
    pieces = [piece.strip() for piece in items.split(",")]
    if not pieces or _ELLIPSIS.search(items) or not all(_ITEM.fullmatch(p) for p in pieces):
        return None
    return len(pieces) if len(set(pieces)) == len(pieces) else None


def states_value_set(sentence: str) -> bool:
    """Whether ``sentence`` says a random variable takes values in a set (read or not): a
    membership ``$X \\in \\{…\\}$`` (also ``\\{0, 1\\}^n``), or *takes values in* a set."""
    return bool(re.search(r"\$\s*[A-Z]\s*(?:\\in|∈)\s*\\\{", sentence)
                or VALUES_IN.search(sentence) or KOREAN_VALUES_IN.search(sentence))


def _as_count(sentence: str) -> str:
    """The sentence with a value set written as a count: ``$X \\in \\{0, 1\\}$`` → ``$X$ takes
    2 values``, ``takes values in $\\{a, b, c\\}$`` → ``takes 3 values``; a set that is not
    a list of k distinct literal values (``\\{1, \\dots, k\\}``, ``\\{0,1\\}^n``) is left as
    written, and the sentence is then no alphabet."""
    def counted(match: re.Match, words: str) -> str:
        count = value_set_size(match.group("items"))
        return match.group() if count is None else words.format(count=count, **match.groupdict())

    sentence = MEMBER.sub(lambda m: counted(m, "${name}$ takes {count} values"), sentence)
    sentence = VALUES_IN.sub(lambda m: counted(m, "takes {count} values"), sentence)
    return KOREAN_VALUES_IN.sub(lambda m: counted(m, "{count}개의 값을 가진다"), sentence)


def stated_alphabet(sentence: str, formula: str = "") -> tuple[str, int] | None:
    """(name, k) when ``sentence`` (without the step's ``formula``) states only that the one
    random variable it names takes at most k values; None otherwise."""
    text = sentence.replace(formula, " ") if formula else sentence
    text = _as_count(text)
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
