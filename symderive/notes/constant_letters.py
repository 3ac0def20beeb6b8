r"""Letters the prose calls a constant, a parameter or a coefficient (review round 13, F2).

*Here $k$ is the spring constant*, *where $k > 0$ is the spring constant*, *the learning rate
$r$*, *$c$ is a fixed coefficient*, *$k$ denotes the stiffness*, *$a$ is held fixed*, *$k$는
용수철 상수이다*, *계수 $a$*, *학습률 $r$*: such a letter names one number of the problem, never an
index that runs over values. So ``U_k = \frac12 k x^2`` beside it is a name with a subscript,
not the family U_1, U_2, … (:mod:`symderive.notes.indexed_families`), and ``U_2`` another name.

A sentence that negates or supposes it (*$k$ is not a constant*, *if $k$ is constant*, *$k$는
상수가 아니다*) says nothing, and neither does *for each fixed $n$* (the words of an index that
runs). Only the words of one clause count: *$k$ is an integer and the constant $c$ …* says
nothing of k.
"""

from __future__ import annotations

import re

from symderive.grammar.negation import NEGATED, NEGATED_OR_SUPPOSED

# the nouns that name one number of the problem (singular and plural)
NOUNS = (r"(?:constants?|(?:hyper)?parameters?|coefficients?|rates?|step[\s-]+sizes?|stiffness"
         r"|modul(?:us|i))\b")
KOREAN_NOUNS = r"(?:상수|계수|매개\s*변수|파라미터|모수|학습률|비례\s*상수|고정)"
# a bound written inside the letter's formula: "$k > 0$ is the spring constant"
_BOUND = r"(?:\s*(?:[<>]=?|\\[lg]eq?(?:slant)?|\\[lg]t|\\neq?|≥|≤|\\in)[^$]{0,40})?"
# up to two words between the article and the noun, none of them a conjunction (one clause)
_WORDS = r"(?:(?!(?:and|or|but|while|whereas|with|where)\b)[\w-]+\s+){0,2}"
_ARTICLE = r"(?:(?:the|a|an|some|any|our|one|its|this)\s+)?"
_VERB = (r"(?:is|be|being|was|are|remains?|denotes?|stands\s+for|represents?|means|is\s+called"
         r"|is\s+taken\s+as|as)\s+")


def _after_name(letter: str) -> re.Pattern:
    """``$k$ is the spring constant``, ``$k > 0$ is fixed``, ``$k$는 용수철 상수``."""
    name = rf"\$\s*{letter}{_BOUND}\s*\$"
    return re.compile(
        rf"{name}\s*,?\s*(?:{_VERB}(?:held\s+)?|,\s*|\s+)?{_ARTICLE}"
        rf"(?:{_WORDS}{NOUNS}|fixed\b|constant\b)"
        rf"|{name}\s*(?:는|은|이|가|를|을)\s*(?:[^\s$.,]+\s+){{0,2}}[^\s$.,]*{KOREAN_NOUNS}",
        re.I,
    )


def _before_name(letter: str) -> re.Pattern:
    """``the spring constant $k$``, ``a fixed $k$``, ``용수철 상수 $k$``."""
    name = rf"\$\s*{letter}{_BOUND}\s*\$"
    return re.compile(
        rf"(?:{NOUNS}|\bfixed)\s+{name}|{KOREAN_NOUNS}\s*{name}", re.I)


_EACH = re.compile(r"\b(?:each|every|all|any)\s+(?:\w+\s+)?$", re.I)  # "for each fixed $n$"


def called_constant(text: str, letter: str) -> str:
    """The words of ``text`` that call the letter a constant, a parameter or a coefficient
    (see the module docstring), or '' when none do."""
    if not letter or not re.fullmatch(r"[A-Za-z]|\\[A-Za-z]+", letter):
        return ""
    escaped = re.escape(letter) + (r"(?![A-Za-z])" if letter.startswith("\\") else "")
    for pattern in (_after_name(escaped), _before_name(escaped)):
        for match in pattern.finditer(text):
            start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
            before = text[start : match.start()]
            words = re.sub(r"\$[^$]*\$", " ", before + " " + match.group(0))
            after = re.split(r"[.,;!\n$]", text[match.end() : match.end() + 12])[0]
            if NEGATED_OR_SUPPOSED.search(words) or NEGATED.search(after) or (
                    after.lstrip().startswith("?")):  # 상수가 아니다: denied after the word
                continue
            if _EACH.search(text[max(0, match.start() - 30) : match.start()] + (
                    match.group(0).split("$")[0])):
                continue  # "for each fixed $n$": an index that runs
            return " ".join(match.group(0).split())
    return ""
