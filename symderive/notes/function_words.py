r"""Letters the prose names a function in other words, and the properties it gives them (R5, R6).

:mod:`symderive.notes.declared` reads the plain declarations (*Let $u$ be any differentiable
function*). This module reads the rest of the ways a note makes a letter a function:

* ``$r \mapsto m(r)$`` (any ``x \mapsto f(x)``), ``$f: A \to B$``, ``$f(\cdot)$``;
* *the map / mapping / function / transformation / operator $f$*;
* *Let $k$ be a monotonically increasing function.*, *$m$ is a periodic function with period
  $1$*, ``$h$는 짝함수이다``: any words before *function* (함수), including properties.

Such a letter is a function in the whole note, never a scalar (``k(x + 1)`` is an application,
not k·(x + 1)). The properties the smooth nonlinear instances need not have (*linear, affine,
convex, concave, even, odd, periodic, monotone, increasing, decreasing, injective, bounded,
positive, …*) are recorded as stated properties of the function (``FileContext.properties``):
a refutation on an instance is then *undecided*, naming the property — the instance is not
known to have it. A proof or a check (every instance agreed) stays: a claim that holds for every
function holds for the class.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symderive.notes.assumed_equations import applied_letters
from symderive.notes.declared import RESERVED
from symderive.notes.function_clauses import (
    FUNCTION_NOUN,
    LETTER,
    described,
    described_all,
    described_letters,
)
from symderive.notes.periodic_words import says_periodic

_NAME = LETTER  # a letter or a Greek letter (one definition: notes/function_clauses.py)
_ARGS = r"(?:\s*\((?:[^()$]|\([^()$]*\)){0,30}\))?"
# a property a function may have that the smooth nonlinear instances need not have (not
# "nonlinear", "non-constant", "not periodic": those the instances have)
PROPERTY = re.compile(
    r"\b(?<!non-)(?<!non)(?<!not\s)(?:(?:linear|affine|convex|concave|even|odd|periodic|monoton(?:e|ic|ically)|"
    r"increasing|decreasing|non-?decreasing|non-?increasing|injective|surjective|bijective|"
    r"invertible|one-to-one|onto|bounded|positive|negative|non-?negative|non-?positive|"
    r"lipschitz|homogeneous|additive|multiplicative|polynomial|quadratic|cubic|constant|"
    r"symmetric|antisymmetric|harmonic|integrable|measurable|strictly|sub-?additive|"
    r"super-?additive|idempotent|involutive|rational|exponential|logarithmic|"
    r"(?:lower|upper)\s+semi-?continuous))\b|"
    r"선형|아핀|볼록|오목|짝함수|홀함수|우함수|기함수|주기|증가|감소|단조|단사|전사|전단사|유계|양수|음수|상수|"
    r"동차|가법",
    re.I)
_KOREAN_SUBJECT = r"(?:은|는|이|가|를|을)"

SENTENCES = (
    # Let $k$ be a monotonically increasing function.  $m$ is a periodic function with period 1.
    re.compile(rf"\$\s*(?P<name>{_NAME}){_ARGS}\s*\$\s+(?:be|is|denotes?|represents?|is\s+taken\s+to\s+be|"
               rf"to\s+be)\s+(?P<words>[^$.;:]{{0,80}}?)\b{FUNCTION_NOUN}\b", re.I),
    # the map $f$, a convex function $g$, any linear transformation $T$
    re.compile(rf"\b(?P<words>(?:the|a|an|any|every|some|each|our)\b[^$.;:]{{0,60}}?){FUNCTION_NOUN}\s+"
               rf"\$\s*(?P<name>{_NAME}){_ARGS}\s*\$", re.I),
    # $h$는 짝함수이다.  $f$를 볼록 함수라고 하자.
    re.compile(rf"\$\s*(?P<name>{_NAME}){_ARGS}\s*\$\s*{_KOREAN_SUBJECT}\s*(?P<words>[^$.]{{0,40}}?)함수"),
)  # fmt: skip
# "Assume $f$ is convex.", "$g$ is even": a property of a letter (a function only if it is one)
PROPERTY_SENTENCE = re.compile(
    rf"\$\s*(?P<name>{_NAME}){_ARGS}\s*\$\s+(?:is|be|are|stays|remains)\s+(?P<words>(?:(?:also|a|an|"
    rf"assumed\s+to\s+be|known\s+to\s+be|taken\s+to\s+be|strictly|monotonically|everywhere|"
    rf"not)\s+)*)(?=(?:{PROPERTY.pattern}))", re.I)
# periodicity in any wording (round 8c X12, 9b H3: "repeats every $2\pi$", "on the circle
# $\mathbb{R}/2\pi\mathbb{Z}$", "주기가 $1$인"; :mod:`symderive.notes.periodic_words`) — every letter of
# the sentence's formulas gets the property "periodic" (a name given it wrongly only makes a
# refutation on an instance undecided)
_LETTER = re.compile(rf"{_NAME}")
PERIODIC_SUBJECT = re.compile(
    rf"\$\s*(?P<name>{_NAME}){_ARGS}\s*\$\s+(?:is|be|are|stays|remains)\s+(?:(?:also|a|an|assumed\s+to"
    rf"\s+be|known\s+to\s+be|taken\s+to\s+be)\s+)*(?:\$[^$]{{1,30}}\$\s*-?\s*|[^\s$]*-)?periodic\b",
    re.I)
# a hypothesis sentence: "Assume $k(x + 1) = k(x)$", "Let $g$ satisfy $g(-x) = -g(x)$"
HYPOTHESIS_WORDS = re.compile(
    r"\b(?:assum(?:e|es|ed|ing)|suppos(?:e|es|ed|ing)|let|given|satisf(?:y|ies|ying)|obey(?:s|ing)?"
    r"|with|where|such\s+that|solv(?:e|es|ing)|know(?:s|n|ing)?|subject\s+to)\b|가정|하자|만족",
    re.I)
# f(x + T) = f(x), f(x - 2\pi) = f(x): the equation of periodicity
SHIFT_EQUATION = re.compile(
    rf"^\s*(?P<name>{_NAME})\s*\(\s*(?P<x>[A-Za-z])\s*[-+][^()=]+\)\s*=\s*(?P=name)\s*\(\s*(?P=x)\s*\)\s*$"
    rf"|^\s*(?P<other>{_NAME})\s*\(\s*(?P<y>[A-Za-z])\s*\)\s*=\s*(?P=other)\s*\(\s*(?P=y)\s*[-+][^()=]+\)\s*$")
# in a formula of the prose: r \mapsto m(r); f: A \to B; f(\cdot)
MATH_FORMS = (
    re.compile(rf"\\mapsto\s*(?P<name>{_NAME})\s*\("),
    re.compile(rf"^\s*(?P<name>{_NAME})\s*:\s*[^:]*?(?:\\to|\\rightarrow|→|\\longrightarrow)"),
    re.compile(rf"(?P<name>{_NAME})\s*\(\s*(?:\\cdot|\\,\\cdot\\,|\\bullet|\\cdot\s*,\s*\\cdot)\s*\)"),
)  # fmt: skip


@dataclass(frozen=True)
class FunctionWords:
    """A letter the prose names a function: where, and the unread properties it gives it."""

    name: str  # as the grammar spells it (``kappa`` for ``\kappa``); "*": every function
    line: int
    function: bool  # named a function (else only given a property: "$f$ is convex")
    properties: tuple[str, ...]  # lower case, as written ('monotonically increasing' → two)
    words: str  # the sentence, for the report


def function_words(stated) -> list[FunctionWords]:
    """Every letter a sentence of ``stated`` names a function (first sentence per name and
    line), with the properties its sentence gives it."""
    found: list[FunctionWords] = []
    seen: set = set()
    previous, paragraph = "", None  # the letter the last sentence described (for "It …")
    for sentence in stated.sentences:
        text = sentence.text
        if sentence.paragraph != paragraph:
            previous, paragraph = "", sentence.paragraph
        for name, words, function in _named(text):
            if name in RESERVED:
                continue
            key = (name.lstrip("\\"), sentence.first, function)
            if key in seen:
                continue
            seen.add(key)
            properties = tuple(dict.fromkeys(m.group().lower() for m in PROPERTY.finditer(words)))
            if words in ("periodic", "functional equation"):  # read from the formula or words
                properties = (words,)
            if not function and not properties:
                continue
            shown = " ".join(text.split())
            found.append(FunctionWords(key[0], sentence.first, function, properties,
                                       shown if len(shown) <= 100 else shown[:97] + "..."))
        given = {said.name for said in found if said.line == sentence.first and said.properties}
        for said in described(text, previous):  # words the instances need not honour (9b H3)
            if said.name in given or said.name in RESERVED or "\\" + said.name in RESERVED:
                continue  # (a property read above is named instead)
            shown = " ".join(text.split())
            found.append(FunctionWords(
                said.name, sentence.first, False, (f"described in words not read ('{said.words}')",),
                shown if len(shown) <= 100 else shown[:97] + "..."))
        if every := described_all(text):  # "All functions here are 2π-periodic.": any letter
            shown = " ".join(text.split())
            found.append(FunctionWords("*", sentence.first, False, (
                f"every function described in words not read ('{every}')",),
                shown if len(shown) <= 100 else shown[:97] + "..."))
        letters = described_letters(text)
        previous = letters[0] if len(letters) == 1 else ("" if letters else previous)
    return found


def _named(text: str) -> list[tuple[str, str, bool]]:
    """(name, the words that describe it, whether it is named a function) for each letter a
    sentence names a function or gives a property."""
    named = []
    for pattern in SENTENCES:
        for match in pattern.finditer(text):
            named.append((match.group("name"), re.sub(r"\$[^$]*\$", " ", match.group()), True))
    prose = re.sub(r"\$[^$]*\$", " ", text)
    for math in re.findall(r"\$([^$]+)\$", text):
        for pattern in MATH_FORMS:
            for match in pattern.finditer(math):
                named.append((match.group("name"), prose, True))  # the sentence describes it
    for match in PROPERTY_SENTENCE.finditer(text):
        named.append((match.group("name"), text[match.end():match.end() + 60], False))
    # "$u$ is periodic", "Let $u$ be a $T$-periodic signal": a number is never periodic, so the
    # subject is a function (u(t + T) is its value, not u·(t + T); round 10b H4)
    for match in PERIODIC_SUBJECT.finditer(text):
        named.append((match.group("name"), "periodic", True))
    if says_periodic(text):  # every wording: symderive/notes/periodic_words.py
        for math in re.findall(r"\$([^$]+)\$", text):
            for match in _LETTER.finditer(math):
                named.append((match.group(), "periodic", False))
    if HYPOTHESIS_WORDS.search(prose):
        for math in re.findall(r"\$([^$]+)\$", text):
            named.extend(functional_equation(math))
    return named


def functional_equation(math: str) -> list[tuple[str, str, bool]]:
    """``k(x + 1) = k(x)`` in a hypothesis sentence: k is applied on both sides of an equation,
    so it is a function (not k·(x + 1)) with a stated property — periodic when the equation is
    a shift; any other functional equation (``g(-x) = -g(x)``, ``f(x + y) = f(x) + f(y)``) is a
    property the instances need not have."""
    periodic = SHIFT_EQUATION.match(math)
    return [(name, "periodic" if periodic else "functional equation", True)
            for name in applied_letters(math)]  # u'(x) = u(x) too (round 10, H1)
