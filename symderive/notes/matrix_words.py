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
    return found + related_matrices(text) + decomposed_matrices(text)


# round 57 AS03: a decomposition named in words makes some of its factors orthogonal by its
# meaning (X = U S V^T "by SVD": U^T U = I), as "orthogonal" written out does; the kind, its
# words (English, Korean, Chinese) and which factors of the written product are orthogonal
_SVD = (r"\bSVD\b|singular[\s-]+value\s+decomposition|특이\s*값\s*분해|特异值分解|奇异值分解")
_EIGEN = (r"eigen-?\s*decomposition|eigenvalue\s+decomposition|spectral\s+decomposition"
          r"|고유\s*값?\s*분해|스펙트럼\s*분해|特征值?分解|谱分解")
_QR = r"\bQR\b(?:[\s-]*(?:decomposition|factori[sz]ation|분해|分解))?"
DECOMPOSITIONS = (  # (its words, its name in the report, the orthogonal factors: first, last)
    (re.compile(_SVD, re.I), "the SVD", (0, -1)),
    (re.compile(_EIGEN, re.I), "an eigendecomposition", (0, -1)),
    (re.compile(_QR), "a QR decomposition", (0,)),
)
# where a sentence ends (., 。, a blank line), and a formula: inline or displayed
_SENTENCE_END = re.compile(r"(?<!\d)[.。！？!?](?=\s|$)|\n[ \t]*\n")
_FORMULA = re.compile(r"\$\$(?P<display>.+?)\$\$|\\\[(?P<bracket>.+?)\\\]|\$(?P<inline>[^$]+)\$", re.S)
_FACTOR = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|[A-Za-z]")
_SCRIPT = re.compile(r"[\^_]\s*(?:\{[^{}]*\}|\\[A-Za-z]+|\w)")


def decomposed_matrices(text: str) -> list[tuple[str, str, int]]:
    r"""(name as the grammar spells it, the words, line) for each factor a decomposition named
    in words makes orthogonal: ``Take the SVD of $X$.`` then ``$$X = U S V^T$$`` (U and V),
    ``Let $A = Q \Lambda Q^T$ be the eigendecomposition``, ``QR 分解 $A = QR$`` (Q). The
    formula is one in the sentence naming the decomposition, else the display right after it
    (round 57 AS03: (V S U^T)(U S V^T) = V S^2 V^T was refuted with U = −48/5, which no SVD
    has). A word too many only withholds a refutation."""
    found = []
    formulas = list(_FORMULA.finditer(text))
    for pattern, kind, which in DECOMPOSITIONS:
        for match in pattern.finditer(text):
            if any(f.start() <= match.start() < f.end() for f in formulas):
                continue  # the words of the prose only
            latex = _decomposition_formula(text, formulas, match.start(), match.end())
            factors = _factors(latex) if latex else []
            shown = " ".join((latex or "").split())
            line = text.count("\n", 0, match.start()) + 1
            for index in which:
                if len(factors) >= 2 and re.fullmatch(_NAME, factors[index]):
                    found.append((_key(factors[index]),
                                  f"orthogonal, as a factor of {kind} {shown}", line))
    return list(dict.fromkeys(found))  # (SVD(특이값 분해): the words twice, U and V once)


def _decomposition_formula(text: str, formulas: list, start: int, end: int) -> str:
    """The formula ``NAME = product`` the words at ``start:end`` name: one in their sentence,
    else the display right after the sentence ('' when there is none)."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(_prose_only(text, formulas), 0, start)),
                default=0)
    closing = _SENTENCE_END.search(_prose_only(text, formulas), end)
    finish = closing.end() if closing else len(text)
    for formula in formulas:
        latex = next(group for group in formula.groups() if group is not None)
        if max(begin, start - 400) <= formula.start() < min(finish, end + 400) and (
                _product_equation(latex)):
            return latex
    following = next((f for f in formulas if f.start() >= finish), None)
    if (following is not None and following.group("inline") is None
            and not text[finish:following.start()].strip()):
        latex = following.group("display") or following.group("bracket")
        return latex if _product_equation(latex) else ""
    return ""


def _prose_only(text: str, formulas: list) -> str:
    """``text`` with its formulas blanked (same length): their periods end no sentence."""
    pieces, cursor = [], 0
    for formula in formulas:
        pieces += [text[cursor:formula.start()], " " * (formula.end() - formula.start())]
        cursor = formula.end()
    return "".join(pieces) + text[cursor:]


def _product_equation(latex: str) -> bool:
    """Whether ``latex`` reads ``NAME = a product of two or more factors``."""
    return "=" in latex and len(_factors(latex)) >= 2


def _factors(latex: str) -> list[str]:
    """The names multiplied on the right of the first ``=`` (scripts dropped: ``V^T`` is V)."""
    right = _SCRIPT.sub(" ", latex.split("=")[1])
    right = re.sub(r"\\(?:left|right|big|Big|cdot|quad)(?![A-Za-z])|\\[,;!: ]|[()\[\].,;]", " ",
                   right)
    return [name for name in _FACTOR.findall(right)
            if name not in ("\\top", "\\mathrm", "\\text", "\\operatorname")]
