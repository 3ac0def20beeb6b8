r"""Names the prose defines in words as a function of other names (review round 9a L4).

``Let $z, y \in \mathbb{R}^n$ be arbitrary vectors and let $p$ be the softmax of $z$.`` then
``\frac{\partial}{\partial z_i}(-\sum_k y_k \log p_k) = p_i - y_i``: p is no formula the reader
reads, so the step reads p as a free name — independent of z, with any values — and was
refuted at p₁ = −32/7, which no softmax takes.  A counterexample's values must satisfy what
the note says of them; a verdict that treats a name the note defines in words (*the softmax
of $z$*, *the sigmoid of $a$*, *the output of the network*, *the predicted probabilities*, 
*$z$의 소프트맥스*) as free says nothing about the note's name:

* a refutation whose counterexample gives that name (or its entries) values is undecided;
* a proof or check of a step that mentions it together with a name it is said to be a
  function of (*of $z$* and the step's z) is undecided too (∂p_i/∂z_i = 0 holds for a free p).

Named after its description counts too: *and call the product $C$*, *denote their sum by $s$*,
*$A$와 $B$의 곱을 $C$라 하자* (round 58 AV03).

A name that also has a formula in force (``p = \sigma(z)`` read by the definition reader) is
read from the formula, not from these words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = (r"(?:\\(?:hat|tilde|bar|mathbf|boldsymbol|bm|vec)\s*\{\s*(?:\\mathbf\s*\{\s*)?"
         r"[A-Za-z]\s*\}?\s*\}|\\?[A-Za-z])")
# the function words: what makes the name a computed quantity, not a free one
_KINDS = (r"softmax|soft-max|sigmoid|logistic\s+function|probabilit(?:y|ies)|distribution|"
          r"outputs?|predictions?|activations?|normali[sz]ed\s+exponentials?")
DESCRIBED = re.compile(
    rf"\$\s*(?P<name>{_NAME})\s*\$\s*,?\s*(?:be|is|are|denotes?|stands?\s+for|represents?|"
    r"gives?|holds?)\s+(?:(?:the|a|an|its|our)\s+)?(?P<words>(?:[\w-]+\s+){0,3}?"
    rf"(?:{_KINDS})\b(?:[^.;$\n]{{0,40}}?\$(?P<of>[^$\n]{{1,40}})\$)?)",
    re.I,
)
DESCRIBED_KOREAN = re.compile(
    rf"\$\s*(?P<name>{_NAME})\s*\$\s*(?:은|는|이|가)\s*(?P<words>(?:\$(?P<of>[^$\n]{{1,40}})\$\s*의\s*)?"
    r"(?:소프트맥스|시그모이드|출력))")
# "and call the product $C$", "denote their sum by $s$", "곱을 $C$라 하자": a result named after
# it is computed (round 58 AV03: C^T = (AB)^T was refuted with C a free matrix)
_RESULTS = rf"{_KINDS}|products?|sums?|differences?|quotients?|results?|compositions?"
CALLED = re.compile(
    r"\b(?:call|calling|denote|denoting|name|naming|write|writing)\s+(?P<words>"
    r"(?:(?:the|their|its|this|that|our)\s+)?(?:[\w-]+\s+){0,2}?"
    rf"(?:{_RESULTS})\b(?:\s+(?:of\s+)?\$(?P<of>[^$\n]{{1,40}})\$)?)\s*(?:by|as)?\s*"
    rf"\$\s*(?P<name>{_NAME})\s*\$",
    re.I,
)
CALLED_KOREAN = re.compile(
    r"(?P<words>(?:\$(?P<of>[^$\n]{1,40})\$\s*의\s*)?(?:곱|합|차|결과|출력|소프트맥스|시그모이드))"
    rf"\s*(?:을|를)\s*\$\s*(?P<name>{_NAME})\s*\$\s*(?:이?라(?:고)?\s*(?:하자|하면|두자|놓자)|"
    r"으?로\s*(?:두자|놓자|두면|나타내|표기|쓰))")
# the words that make the name a function of the names after "of" (a probability of $X = 1$
# is a number, not a function of X)
FUNCTION_WORDS = re.compile(r"softmax|soft-max|sigmoid|logistic|outputs?|predictions?|"
                            r"activations?|normali[sz]ed|소프트맥스|시그모이드|출력", re.I)


@dataclass(frozen=True)
class Described:
    name: str  # as written
    letter: str  # its letter (p of \\hat{\\mathbf{p}})
    pattern: str  # matching the name and its entries in a step's LaTeX or a value's name
    of: tuple  # the names it is said to be a function of (letters), maybe empty
    line: int
    end: int  # the last line of its section
    words: str


def _letter(name: str) -> str:
    letters = re.findall(r"[A-Za-z]", re.sub(r"\\[A-Za-z]+", "", name))
    return letters[-1] if letters else name


def _pattern(letter: str) -> str:
    return rf"(?<![A-Za-z\\])(?:\\(?:hat|tilde|bar|mathbf|boldsymbol|bm|vec)\s*\{{\s*)*{letter}(?![A-Za-z])"


def described_names(text: str, section_end) -> list[Described]:
    """Every name the prose describes in words as a computed quantity (see the docstring)."""
    found = []
    for pattern in (DESCRIBED, DESCRIBED_KOREAN, CALLED, CALLED_KOREAN):
        for match in pattern.finditer(text):
            name = " ".join(match.group("name").split())
            of = tuple(dict.fromkeys(re.findall(r"(?<![A-Za-z\\])[A-Za-z](?![A-Za-z])",
                                                re.sub(r"\\[A-Za-z]+", " ",
                                                       match.group("of") or ""))))
            if not FUNCTION_WORDS.search(match.group("words")):
                of = ()  # "the probability that $X = 1$": refutations only
            line = text.count("\n", 0, match.start()) + 1
            words = " ".join(match.group(0).split())[:90]
            letter = _letter(name)
            found.append(Described(name, letter, _pattern(letter), of, line, section_end(line), words))
    return found


def described_doubt(step_latex: str, line: int, verdict: str, values: tuple,
                    described: list[Described], formula_names) -> str:
    """Why the verdict (at ``line``) is not the note's: a refutation giving a described name
    values, or a proof or check of a step with the name and what it is a function of; ''."""
    for said in described:
        if not said.line <= line <= said.end:
            continue
        letter = said.pattern
        if any(re.match(rf"\s*{letter}[^=]{{0,12}}=", note) for note in formula_names):
            continue  # a formula for it is in force: read from that
        if not re.search(letter, step_latex):
            continue
        head = (f"the note describes {said.name} in words ('{said.words}', line {said.line}) "
                "and this reader has no formula for it: read as a free name")
        if verdict == "refuted":
            given = [f"{name} = {value}" for name, value in values
                     if re.fullmatch(rf"{said.letter}(?:[\[_].*)?",
                                     re.sub(r"\\[A-Za-z]+\{|[{}\s]", "", name))]
            if given or not values:
                return (f"{head}, the counterexample ({', '.join(given[:3])}) gives it values "
                        "the note's quantity need not take: not refuted")
        elif said.of and any(re.search(rf"(?<![A-Za-z\\]){re.escape(x)}(?![A-Za-z])", step_latex)
                             for x in said.of):
            return (f"{head}, it does not depend on {', '.join(said.of)} here, as the note's "
                    "does: no verdict about it stands")
    return ""
