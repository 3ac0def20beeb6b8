r"""The variable of a chain's derivative notation, for the operators that do not write it.

``f'``, ``y'``, ``D f``, ``\nabla f`` and ``\partial_i f`` name the variable only implicitly:
single-variable notes write ``f'(x) = y' = \frac{dy}{dx} = Df(x)``, and the variable is the one
every written derivative of the chain takes (``d/dx``, ``f'(x)``). :func:`chain_variable` finds
it from the chain's own text: exactly one variable written in a derivative fraction or a primed
application; none (or two) → no implicit variable, and those operators stay unread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sympy as sp

from symderive.errors import ParseError

_MARKERS = ("d", r"\partial")
_DECORATION = (r"\mathbf", r"\boldsymbol", r"\bm", r"\vec", r"\mathrm", r"\hat", r"\bar")


def chain_variable(elements: Sequence[str]) -> str:
    """The one variable the chain's written derivatives take (LaTeX text), else ""."""
    from symderive.grammar.latex import tokenize  # one tokenizer for every reader

    found: dict[str, str] = {}
    for element in elements:
        try:
            tokens = [t for t in tokenize(element) if t.kind != "end"]
        except ParseError:
            continue
        texts = [t.text for t in tokens]
        for position in range(len(texts) - 2):
            if texts[position] == "}" and texts[position + 1] == "{" and (
                texts[position + 2] in _MARKERS
            ):  # the denominator of \frac{…}{d x}
                variable = _variable_at(texts, position + 3)
                if variable:
                    found.setdefault(_key(variable), variable)
            if texts[position] == "'" and texts[position + 1] == "(":
                variable = _variable_at(texts, position + 2)
                if variable and position + 2 + _length(variable, texts, position + 2) < len(
                    texts
                ) and texts[position + 2 + _length(variable, texts, position + 2)] == ")":
                    found.setdefault(_key(variable), variable)
    return next(iter(found.values())) if len(found) == 1 else ""


DIFFERENTIATED = re.compile(
    r"\\frac\s*\{\s*(?:d|\\partial)\s*(?:\^\s*\{?\s*\d\s*\}?\s*)?([A-Za-z])\s*\}"  # \frac{df}{dx}
    r"|\\frac\s*\{\s*(?:d|\\partial)\s*\}\s*\{[^{}]*\}\s*([A-Za-z])(?![A-Za-z(])"  # \frac{d}{dx} f
)


def differentiated(elements: Sequence[str]) -> frozenset[str]:
    """The single-letter names the chain differentiates in a written fraction (``df/dx``,
    ``\\frac{d}{dx} f``): only those may be written ``f_x`` for their derivative."""
    return frozenset(
        first or second
        for element in elements
        for first, second in DIFFERENTIATED.findall(element)
    )


def index_of(variable: str) -> str:
    """``i`` of ``x_i``/``x_{i}``, else ""."""
    key = _key(variable)
    if "_" in key:
        index = key.split("_", 1)[1]
        return index if len(index) == 1 and index.isalpha() else ""
    return ""


def same_variable(written: str, variable: str) -> bool:
    return bool(variable) and _key(written) == _key(variable)


def _key(text: str) -> str:
    return "".join(ch for ch in text if ch not in "{} ")


def _variable_at(texts: list[str], start: int) -> str:
    """A variable written from ``start``: a letter or Greek command with an optional single or
    braced subscript, or a decorated letter (``\\mathbf{x}``); "" when none is there."""
    if start >= len(texts):
        return ""
    head = texts[start]
    pieces = []
    position = start
    if head in _DECORATION:
        if position + 3 < len(texts) and texts[position + 1] == "{" and texts[position + 3] == "}":
            pieces = texts[position : position + 4]
            position += 4
        else:
            return ""
    elif head == "{":
        return ""
    elif len(head) == 1 and head.isalpha() or head.startswith("\\") and head[1:].isalpha():
        pieces = [head]
        position += 1
    else:
        return ""
    if position + 1 < len(texts) and texts[position] == "_":
        if texts[position + 1] == "{":
            depth, end = 0, position + 1
            while end < len(texts):
                depth += {"{": 1, "}": -1}.get(texts[end], 0)
                if depth == 0:
                    break
                end += 1
            pieces += texts[position : end + 1]
        else:
            pieces += texts[position : position + 2]
    return "".join(p + (" " if p.startswith("\\") else "") for p in pieces).strip()


def _length(variable: str, texts: list[str], start: int) -> int:
    """How many tokens the variable read by :func:`_variable_at` spans."""
    count, joined = 0, ""
    while start + count < len(texts) and _key(joined) != _key(variable):
        joined += texts[start + count]
        count += 1
    return count


# D where the mathematics uses it as a name: followed by "=", a relation, a sign, a closing
# bracket or nothing (``D = \mathrm{diag}(…)``, ``L = D - A``, ``x \in R^D``, ``D^{-1}``)
_D_AS_NAME = re.compile(
    r"(?<![A-Za-z\\])D\s*(?:$|[=+\-^),\]|&.;:<>]|\\(?:in|cdot|times|top|le|ge|leq|geq|ne|neq"
    r"|succ|preceq|right|\\)(?![A-Za-z]))"
)
_INLINE_D = re.compile(r"(?:\$|\\\()\s*D\s*(?:\$|\\\))")
_OPERATOR_WORDS = re.compile(r"operator|differentiat|derivative|미분|연산자", re.I)


def names_not_operators(
    text: str, blocks: Sequence[str], prose_arrays: set[str]
) -> frozenset[str]:
    """{"D"} when the note uses D as a name anywhere, so it is never the derivative operator
    (conservative: D is the operator only in a note that never uses it otherwise): the prose
    calls it a matrix or vector; an inline ``$D$`` is described in words other than an operator
    (``Let $D$ be the diagonal degree matrix``); or the mathematics uses it as a name."""
    if "D" in prose_arrays or any(
        _D_AS_NAME.search(block) for block in blocks if block.strip() != "D"
    ):  # a $D$ alone is a mention: its words decide (below)
        return frozenset({"D"})
    for line in text.split("\n"):
        if _INLINE_D.search(line) and not _OPERATOR_WORDS.search(line):
            return frozenset({"D"})
    return frozenset()


# f^{(1)}(x) = … written as a head: a labelled function (the first feature, the second layer)
_LABEL_HEAD = re.compile(
    r"(?<![A-Za-z\\])([A-Za-z])\s*\^\s*\{?\s*\(\s*\d+\s*\)\s*\}?\s*\([^()=]*\)\s*=([^=]*)"
)


def labelled_functions(blocks: Sequence[str], functions: frozenset[str]) -> frozenset[str]:
    """Letters f the note writes ``f^{(k)}(x) = …`` for, as a definition of a label (f itself
    not defined as a function, the right side not about f nor a derivative): there
    ``f^{(k)}(x)`` is a label or the k-th derivative — two readings, not read."""
    found = set()
    for block in blocks:
        for letter, right in _LABEL_HEAD.findall(block):
            if letter in functions:
                continue
            about = re.search(rf"(?<![A-Za-z\\]){letter}\s*(?:\(|'|\^)|\\frac\s*\{{\s*d|"
                              r"\\partial", right)  # fmt: skip
            if not about:
                found.add(letter)
    return frozenset(found)


def laplacian(parser, token, kind: str) -> sp.Basic | None:
    r"""``\Delta f`` / ``\nabla^2 f`` (the parser just past ``\Delta`` or ``\nabla``) for a name
    in ``context.laplacians`` (:mod:`symderive.notes.laplacian`): the sum of f's second partial
    derivatives in its parameters, or a refusal where which operator is meant is not known;
    None when the name is not there (``\Delta x``: an increment, one name)."""
    entries = dict(parser.context.laplacians)
    if kind == r"\nabla":
        if not (parser.at("^") and parser.peek().text == "2"):
            return None
        offset = 2
    else:
        offset = 0
    letter = parser.peek(offset)
    if letter.kind != "letter" or letter.text not in entries:
        if kind == r"\nabla" and letter.kind == "letter":
            parser.fail(r"\nabla^2 of a name the note does not define as a function: its "
                        "variables are not known; operator notation (not read)", token)
        return None
    parameters = entries[letter.text]
    shown = kind + "^2" if kind == r"\nabla" else kind
    if parameters is None:
        parser.fail(f"{shown} {letter.text}: the Laplacian or a change of {letter.text}, and its "
                    "variables or which one is meant is not known; operator notation "
                    "(not read)", token)  # fmt: skip
    after = parser.peek(offset + 1)
    if after.text in ("(", "_", "^", "'"):
        parser.fail(f"{kind} {letter.text} followed by {after.text}: operator notation "
                    "(not read)", token)  # fmt: skip
    parser.position += offset + 1
    function = sp.Symbol(letter.text)
    parser.readings.setdefault(f"{kind} {letter.text}", "the Laplacian: the sum of the second "
                               f"partial derivatives in {', '.join(map(str, parameters))}")
    return sp.Add(*(parser.build.derivative(function, [p, p]) for p in parameters))
