r"""Whether a note uses the letter T as a number (a horizon, a count), which decides how the
grammar reads a superscript T on a name that is not a matrix (:mod:`symderive.grammar.latex`):
``\theta^T x`` is a transpose in a note that never uses T otherwise, a power ``\gamma^T`` in a
note that writes ``\sum_{t=1}^{T}`` or ``t = 1, \dots, T``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_LETTER_T = re.compile(r"(?<![A-Za-z\\])T(?![A-Za-z])")
# ^T, ^{T}, ^\mathrm{T}, ^{\mathrm{T}}: the opening of a transpose mark, up to the T
_MARK_OPENING = re.compile(
    r"\^\s*(?P<brace>\{\s*)?(?:\\(?:mathrm|mathsf|text|textrm|rm)\s*(?P<inner>\{\s*)?)?$"
)
# \sum_{t=1}^{T}, \prod_t^T, \int_0^T: T is a bound, a number
_BOUND = re.compile(r"\\(?:sum|prod|int|bigcup|bigcap|max|min)\s*_\s*(?:\{[^{}]*\}|\\?\w+)\s*$")


def t_as_number(blocks: Sequence[str]) -> bool:
    """True when some block uses T other than as a transpose mark on its own: as a name
    (``T = 100``, ``t \\le T``), a bound of a sum, product or integral, or inside a larger
    exponent (``\\gamma^{T-t}``)."""
    for block in blocks:
        for match in _LETTER_T.finditer(block):
            before, after = block[: match.start()], block[match.end() :]
            opening = _MARK_OPENING.search(before)
            if opening is None:
                return True
            closers = (opening.group("brace") is not None) + (opening.group("inner") is not None)
            if not re.match(r"\s*" + r"\}\s*" * closers, after):
                return True  # ^{T-1}: T inside an exponent
            if _BOUND.search(before[: opening.start()]):
                return True
    return False


# -- a lower-case t as a transpose mark (w^t x): round 7, R13 ------------------------------------
_NAME = r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|[A-Za-z])"
_T_MARK = re.compile(rf"(?P<name>{_NAME})\s*\^\s*(?:t|\{{\s*t\s*\}})(?![A-Za-z])")
_LETTER_t = re.compile(r"(?<![A-Za-z\\])t(?![A-Za-z])|(?<![A-Za-z\\])d\s*t(?![A-Za-z])")
_WORDS = re.compile(r"\\(?:text|textrm|mathrm|operatorname|mbox)\s*\{[^{}]*\}")
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$", re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|\n\s*\n")
_VECTOR_WORDS = re.compile(r"(?i)\bvectors?\b|벡터")
_IN_R_N = re.compile(rf"^\s*(?P<names>{_NAME}(?:\s*,\s*{_NAME})*)\s*\\in\s*\\mathbb\s*\{{?\s*R\s*\}}?"
                     r"\s*\^\s*(?:\{\s*[a-z0-9]\s*\}|[a-z0-9])\s*$")


@dataclass(frozen=True)
class LowerT:
    """How the note's ``x^t`` (lower-case t) may be read: ``vectors`` the names the prose calls
    vectors (``w^t`` a transpose or a power: two readings wherever it stands), and ``unused``
    whether t is used in the note's mathematics only as such a mark (then ``u^t v``, written
    as an inner product, is two readings too)."""

    vectors: frozenset[str] = frozenset()
    unused: bool = False


def lower_t(blocks: Sequence[str], prose: str) -> LowerT:
    r"""What the note says about the names it writes with ``^t`` / ``^{t}``: see :class:`LowerT`.
    A note without such a mark gets the empty reading (``x^t`` is then a power, as before)."""
    marked = {re.sub(r"\s+", "", m.group("name")) for block in blocks for m in _T_MARK.finditer(block)}
    if not marked:
        return LowerT()
    unused = not any(_LETTER_t.search(_WORDS.sub(" ", _T_MARK.sub(" ", block))) for block in blocks)
    vectors: set[str] = set()
    for sentence in _SENTENCE_END.split(prose):
        maths = [piece.strip("$ ") for piece in _MATH.findall(sentence)]
        declared = [n for piece in maths if (found := _IN_R_N.match(piece))
                    for n in re.split(r"\s*,\s*", found.group("names"))]
        if _VECTOR_WORDS.search(_MATH.sub(" ", sentence)):
            declared += [piece for piece in maths if re.fullmatch(_NAME, piece)]
        vectors |= {re.sub(r"\s+", "", name) for name in declared} & marked
    return LowerT(frozenset(vectors), unused)
