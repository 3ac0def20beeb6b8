r"""Primes the note says are labels, not derivatives (review round 38, A08).

The grammar reads ``g'(x)`` as the derivative of ``g``. A note may use the prime as a mark:

* *The prime does not mean a derivative here: $g'$ is the second layer.*,
  *Primes denote quantities measured in the moving frame, not derivatives.*,
  *프라임은 미분이 아니라 …를 나타낸다.*: every prime after the sentence (and in its section)
  is the note's own name;
* *$g'$ is the second layer.*, *Let $g'(x) = 3x$ be the second layer.*: the note names one
  primed letter as a thing that is not a derivative (a layer, a profile, a frame …);
* *Define $g'(x) = 3x$.*, *$g'(x) = 3x$로 정의한다.*: the note gives one primed letter its own
  formula (not a limit or a d/dx: that defines the derivative itself).

A step that writes such a primed name is never decided with the derivative: it is undecided,
naming the sentence. A sentence that says what the prime differentiates (*primes denote
derivatives in $t$*, *$f'$ is the slope of $f$*, *where $' = \frac{d}{dx}$*) is the
derivative reading, and ordinary notes (*$f'(x)$, read "f prime of x"*) say nothing of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symderive.grammar.negation import CONTRAST

# words and marks that make the prime a derivative
DERIVATIVE_WORDS = re.compile(
    r"\b(?:derivatives?|differentiat\w*|differentials?|slopes?|rates?\s+of\s+change|gradients?|"
    r"velocit(?:y|ies)|accelerations?|speeds?|tangents?|fluxions?)\b|도함수|미분|기울기|변화율|"
    r"속도|가속도", re.I)
DERIVATIVE_MATH = re.compile(r"\\frac\s*\{\s*(?:\\mathrm\s*\{\s*)?d|\bd\s*/\s*d|\\partial|\\dot")
PRIME_WORDS = re.compile(r"\b(?:primes?|primed|prime\s+marks?|the\s+dash(?:es)?)\b|프라임", re.I)
# "not a derivative", "rather than derivatives", "no derivatives", "미분이 아니라"
_NEGATIONS = "|".join(
    [r"\bnot\b", r"n['’]t\b", r"\bno\b", r"\bnever\b"]
    + [r"\b" + r"\s+".join(word.split()) + r"\b" for word in CONTRAST if word.isascii()])
NEGATED_DERIVATIVE = re.compile(
    rf"(?:{_NEGATIONS})[^.;:!?]{{0,40}}?(?:{DERIVATIVE_WORDS.pattern})"
    r"|(?:도함수|미분)\s*(?:을|를|이|가|은|는)?\s*(?:아니|아닌|아닙|뜻하지\s*않|의미하지\s*않|나타내지\s*않)",
    re.I)
# what the prime marks without a derivative: "primes denote quantities in the moving frame"
LABEL_VERBS = re.compile(
    r"\b(?:primes?|primed\s+\w+|prime\s+marks?)\s+(?:\w+\s+){0,2}?(?:denotes?|labels?|marks?|"
    r"indicates?|refers?\s+to|distinguish(?:es)?|names?|stands?\s+for|"
    r"is\s+(?:just|only|merely)\s+a|are\s+(?:just|only|merely))\b"
    r"|프라임\S*\s+(?:\S+\s+){0,3}?\S*(?:나타낸|표시)", re.I)
# a primed letter named as a thing: "$g'$ is the second layer", "Let $g'(x) = 3x$ be the layer"
_PRIMED = r"(?P<{}>[A-Za-z])\s*(?:'+|\^\s*\{{?\s*\\prime\s*\}}?)"
_ARTICLE = r"\s+(?:the|a|an|our)\s+"
PRIMED_NAMED = re.compile(
    rf"\$\s*{_PRIMED.format('name')}\s*(?:\(\s*[a-z]\s*\))?\s*\$\s*,?\s*"
    rf"(?:is|denotes|stands\s+for|represents){_ARTICLE}(?P<words>[^$.;:!?]{{1,60}})"
    rf"|\blet\s+\$\s*{_PRIMED.format('let_name')}\s*(?:\([^()$]*\))?\s*(?:=[^$]*)?\$\s*"
    rf"(?:be|denote){_ARTICLE}(?P<let_words>[^$.;:!?]{{1,60}})", re.I)
# a primed letter given its own formula: "Define $g'(x) = 3x$.", "$g'(x) = 3x$로 정의한다"; a
# formula of a derivative (a limit, d/dx) defines the derivative itself
PRIMED_DEFINED = re.compile(
    rf"\b(?:define|defines|set|introduce)\s+(?:(?:the|a|an|new|another|second|function|map|layer)"
    rf"\s+){{0,3}}\$\s*{_PRIMED.format('name')}\s*\([^()$]*\)\s*(?::=|=)(?P<body>[^$]*)\$"
    rf"|\$\s*{_PRIMED.format('ko_name')}\s*\([^()$]*\)\s*(?::=|=)(?P<ko_body>[^$]*)\$\s*"
    r"(?:로|으로|라고|이라고)\s*(?:새로\s*)?정의", re.I)
DERIVATIVE_FORMULA = re.compile(r"\\lim(?![A-Za-z])|" + DERIVATIVE_MATH.pattern)
# a primed letter listed beside its plain letter as one of several things (round 40 I12): *We
# compare two models, $g$ and $g'$, …*, *the networks $f$ and $f'$*, *두 모델 $g$와 $g'$*. A
# thing no derivative is (a model, a layer, a network, an estimator …) names a label; a
# function or a map may still be the derivative (*plot the two functions $f$ and $f'$*): a
# label only where a display defines both side by side (*$$g(x) = x^2, \qquad g'(x) = x^2 + 1$$*)
_THINGS = (r"models|layers|networks|nets|estimators|predictors|classifiers|regressors|fits|"
           r"candidates|versions|variants|policies|hypotheses|agents|learners|experts|"
           r"모델|층|신경망|추정량|예측기|분류기")
_GENERIC = r"functions|maps|mappings|curves|함수"
# each may come with its own formula: *two hypotheses, $h(x) = 2x$ and $h'(x) = 3x$* (44 T13)
_OWN_FORMULA = r"(?:\s*=[^$]*)?"
_LISTED_LETTER = r"\$\s*(?P<{}>[A-Za-z])\s*(?:\(\s*[a-z]\s*\))?" + _OWN_FORMULA + r"\s*\$"


def _listed_primed(group: str) -> str:
    return (rf"\$\s*{_PRIMED.format(group)}\s*(?:\(\s*[a-z]\s*\))?(?P<{group}_body>\s*=[^$]*)?"
            r"\s*\$")


_LIST_JOIN = r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|와\s*|과\s*|,\s*)"
PRIMED_LISTED = re.compile(
    rf"(?<![A-Za-z])(?:(?P<things>{_THINGS})|(?P<generic>{_GENERIC}))\s*[,:]?\s*(?:namely\s+|called\s+)?"
    rf"(?:{_LISTED_LETTER.format('plain')}{_LIST_JOIN}{_listed_primed('name')}"
    rf"|{_listed_primed('first_name')}{_LIST_JOIN}{_LISTED_LETTER.format('first_plain')})",
    re.I)
# one primed letter given its own formula as a thing no derivative is (round 44 T13): *after
# fine-tuning we obtain the model $f'(x) = 2x + 1$*, *A second hypothesis is $h'(x) = 3x$.*
_THING = (r"model|layer|network|net|estimator|predictor|classifier|regressor|fit|candidate|"
          r"version|variant|policy|hypothesis|agent|learner|expert")
PRIMED_THING = re.compile(
    rf"\b(?:{_THING})\s+(?:is\s+|as\s+|:\s*)?\$\s*{_PRIMED.format('name')}\s*\(\s*[a-z]\s*\)"
    r"\s*=(?P<body>[^$]*)\$", re.I)
# a thing that is a property or a value of a derivative, not a new name
NOT_A_NAME = re.compile(
    r"\b(?:function|polynomial|constant|zero|same|value|limit|sum|product|maximum|minimum|"
    r"result|answer|formula|expression|linear|continuous|bounded|positive|negative)\b", re.I)


@dataclass(frozen=True)
class PrimeLabel:
    """From ``line`` on (and in its section) the prime of ``name`` (every prime when ``name`` is
    empty) is the note's own name, not a derivative, by the sentence ``words``."""

    name: str
    line: int
    words: str


def _shown(text: str) -> str:
    shown = " ".join(text.split())
    return shown if len(shown) <= 100 else shown[:97] + "..."


def _says_primes_are_not_derivatives(text: str) -> bool:
    """*The prime does not mean a derivative*, *Primes denote quantities in the moving frame*."""
    words = re.sub(r"\$[^$]*\$", " ", text)
    if not PRIME_WORDS.search(words):
        return False
    if NEGATED_DERIVATIVE.search(words):
        return True
    return bool(LABEL_VERBS.search(words)) and not DERIVATIVE_WORDS.search(words) and not (
        DERIVATIVE_MATH.search(text))


def _primed_names(text: str) -> list[str]:
    """The primed letters ``text`` names as things other than derivatives (*$g'$ is the second
    layer*) or defines by a formula of their own (*Define $g'(x) = 3x$.*)."""
    names = []
    for match in PRIMED_NAMED.finditer(text):
        words = match.group("words") or match.group("let_words")
        if not DERIVATIVE_WORDS.search(words) and not NOT_A_NAME.search(words):
            names.append(match.group("name") or match.group("let_name"))
    for match in PRIMED_DEFINED.finditer(text):
        if not DERIVATIVE_FORMULA.search(match.group("body") or match.group("ko_body")):
            names.append(match.group("name") or match.group("ko_name"))
    if not DERIVATIVE_WORDS.search(re.sub(r"\$[^$]*\$", " ", text)):
        names += [match.group("name") for match in PRIMED_THING.finditer(text)
                  if not DERIVATIVE_FORMULA.search(match.group("body"))]  # fmt: skip
    return names


def _listed_primes(text: str, displays: list[str]) -> list[str]:
    """The primed letters ``text`` lists beside their plain letters as things no derivative is
    (*two models, $g$ and $g'$*), or as functions that a display defines side by side
    (``displays``: the note's display formulas) (round 40 I12)."""
    if DERIVATIVE_WORDS.search(re.sub(r"\$[^$]*\$", " ", text)):
        return []  # *the function $f$ and its derivative $f'$*
    names = []
    for match in PRIMED_LISTED.finditer(text):
        name = match.group("name") or match.group("first_name")
        if name != (match.group("plain") or match.group("first_plain")):
            continue
        body = match.group("name_body") or match.group("first_name_body") or ""
        if DERIVATIVE_FORMULA.search(body):
            continue  # *the functions $f$ and $f'(x) = \lim …$*: the derivative itself
        if match.group("things") or any(_defined_side_by_side(name, shown) for shown in displays):
            names.append(name)
    return names


def _defined_side_by_side(name: str, display: str) -> bool:
    r"""Whether one row of ``display`` defines ``name(x)`` and then ``name'(x)`` by formulas of
    their own, apart (``g(x) = x^2, \qquad g'(x) = x^2 + 1``): two functions, not a function and
    the derivative worked out from it (no d/dx, no limit on the primed one's side)."""
    for row in re.split(r"\\\\|\n", display):
        plain = re.search(rf"(?<![A-Za-z\\]){name}\s*\(\s*[a-z]\s*\)\s*=", row)
        primed = re.search(rf"(?:,|\\q?quad|\\text\s*\{{[^{{}}]*\}})\s*{_PRIMED.format('p')}"
                           rf"\s*\(\s*[a-z]\s*\)\s*=(?P<body>[^,]*)", row)
        if plain and primed and primed.group("p") == name and plain.start() < primed.start() and (
                not DERIVATIVE_FORMULA.search(primed.group("body"))):
            return True
    return False


def prime_labels(sentences, displays=()) -> list[PrimeLabel]:
    """Every sentence of the prose that makes a prime a label (``sentences``: objects with
    ``text`` and ``first``; ``displays``: the note's display formulas, as LaTeX)."""
    found = []
    for sentence in sentences:
        text = re.sub(r"\\\\?[()]", "$", sentence.text)  # \(g'\) as $g'$
        if _says_primes_are_not_derivatives(text):
            found.append(PrimeLabel("", sentence.first, _shown(text)))
        named = _primed_names(text) + _listed_primes(text, list(displays))
        found += [PrimeLabel(name, sentence.first, _shown(text)) for name in dict.fromkeys(named)]
    return found


def _writes_prime(written: str, name: str) -> bool:
    letter = name or r"[A-Za-z]"
    return bool(re.search(rf"(?<![A-Za-z\\]){letter}\s*(?:'|\^\s*\{{?\s*\\prime)", written))


def prime_label_used(written: str, line: int, found: list[PrimeLabel], section_of) -> str:
    """The reason a step writing a primed name the note calls a label is not decided with the
    derivative, or "" (the sentence before the step's line, or in the step's section)."""
    for label in found:
        if not _writes_prime(written, label.name):
            continue
        if label.line <= line or section_of(label.line) == section_of(line):
            which = f"{label.name}'" if label.name else "a prime"
            return (f"the note says {which} is not a derivative (line {label.line}: "
                    f"'{label.words}'), so it is not read as one: not decided")
    return ""
