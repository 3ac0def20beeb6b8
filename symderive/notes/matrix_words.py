r"""Matrices the prose describes with words outside the property vocabulary.

*Let $\mathbf{P}$ be an $n \times n$ projection matrix* (``P^2 = P``), *rotation matrix*,
*permutation matrix*, *nilpotent matrix*, *involutory matrix*, *covariance matrix*, *Hessian
matrix of a smooth function*, *reflection matrix*, *a scalar multiple of the identity*, *the
Gram matrix $\mathbf{G}$*: each says something of the matrix that the check does not use (it
instantiates a general matrix), as *idempotent* or *orthogonal* do. Every such description is
returned like :func:`symderive.grammar.matrices.stated_properties` returns those words, so the
guard that keeps a refutation of a claim about a matrix with an unread property undecided
fires for it too. Words that only name the matrix's role or shape (*weight*, *data*, *input*,
*square*, *real*, *arbitrary*, *general* …) describe no property and are left out; a word too
many only withholds a refutation.
"""

from __future__ import annotations

import re

from symderive.grammar.matrices import _NAME, PROPERTY, _key
from symderive.grammar.shape_words import stated_shapes
from symderive.grammar.negation import denied

_NAMED = r"\$\s*(?P<name>" + _NAME[1:-1] + r")\s*\$"
_MORE = r"(?P<more>(?:\s*(?:,|and|과|와)\s*\$\s*(?:" + _NAME[1:-1] + r")\s*\$){0,12})"
_SIZE = r"(?:(?:real|square|\$[^$\n]{1,24}\$)\s+){0,3}"
_WORDS = r"(?P<words>[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,2}?)"
DESCRIBED_AFTER = re.compile(
    _NAMED + _MORE + r"\s*(?:is|be|are|denotes?|stands\s+for)\s+(?:(?:a|an|the|any|some)\s+)?"
    + _SIZE + r"(?:" + _WORDS + r"\s+matri(?:x|ces)\b|(?P<phrase>(?:scalar\s+)?multiples?\s+of"
    r"\s+the\s+identity(?:\s+matrix)?))", re.I)
DESCRIBED_BEFORE = re.compile(
    r"\b(?:the|a|an|our|its|this)\s+" + _SIZE + _WORDS + r"\s+matri(?:x|ces)\s+" + _NAMED + _MORE,
    re.I)
# words that name a role, a shape or a generality, not a property the check would need
NEUTRAL = frozenset("""
    a an the any some every each arbitrary general generic given fixed random new following
    same another other first second third last this that such real square rectangular full
    dense complex-valued real-valued weight weights data design input output parameter
    parameters feature features embedding embeddings coefficient coefficients learnable
    trainable known unknown corresponding resulting above below final initial
""".split())


# a relation the sentence that gives the names their shape also states: "that commute",
# "commuting", "with $E F = F E$" (round 8c, X9: the shape alone makes them general matrices)
RELATED = re.compile(r"\bcommut\w*|\banti-?commut\w*|교환", re.I)
_RELATION_IN_MATH = re.compile(r"\$[^$]*(?:=|<|>|\\ne|\\le|\\ge|\\neq)[^$]*\$")


def related_matrices(text: str) -> list[tuple[str, str, int]]:
    r"""(name, the words, line) for each matrix whose shape a sentence states together with a
    relation it does not read (``Let $A$ and $B$ be linear operators on $\mathbb{R}^3$ that
    commute.``, ``… $2 \times 2$ matrices with $E F = F E$.``): a refutation at general
    matrices of that shape is no refutation."""
    found = []
    offset = 0
    for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", text):
        start = text.find(sentence, offset)
        offset = max(offset, start)
        if not (RELATED.search(re.sub(r"\$[^$]*\$", " ", sentence)) or _RELATION_IN_MATH.search(
                re.sub(r"\$[^$]*\\in\s*\\mathbb[^$]*\$", " ", sentence))):
            continue
        shapes = stated_shapes(sentence)
        if not shapes:
            continue
        line = text.count("\n", 0, start) + 1
        words = " ".join(sentence.split())[:80]
        for name in dict.fromkeys(shape.name for shape in shapes):
            found.append((name, f"a matrix related to another in words ('{words}')", line))
    return found


def described_matrices(text: str) -> list[tuple[str, str, int]]:
    r"""(name as the grammar spells it, the words in lower case, line) for each matrix the
    prose describes with words outside the vocabulary of
    :data:`symderive.grammar.matrices.PROPERTY` (those are read there)."""
    found = []
    for pattern in (DESCRIBED_AFTER, DESCRIBED_BEFORE):
        for match in pattern.finditer(text):
            words = match.groupdict().get("phrase") or match.group("words") or ""
            words = " ".join(words.lower().split())
            if not words or words.split()[0] in ("not", "no", "never", "neither"):
                continue  # "$A$ is not a projection matrix": nothing stated
            if re.search(PROPERTY, words, re.I):
                continue  # symmetric, idempotent …: read by stated_properties
            if all(word in NEUTRAL for word in words.split()):
                continue
            start = match.start("phrase") if match.groupdict().get("phrase") else match.start(
                "words")
            if denied(text, start, match.end(), named_from=match.start()):
                continue  # "$A$ is not a projection matrix": nothing stated
            line = text.count("\n", 0, match.start()) + 1
            names = [match.group("name")] + re.findall(
                r"\$\s*(" + _NAME[1:-1] + r")\s*\$", match.group("more") or "")
            said = words if match.groupdict().get("phrase") else f"{words} matrix"
            said = ("an " if said[0] in "aeiou" else "a ") + said  # "is a projection matrix"
            for name in names:
                found.append((_key(name), said, line))
    return found + related_matrices(text)
