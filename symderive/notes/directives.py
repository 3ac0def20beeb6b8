r"""What a note tells the checker: ``<!-- symderive: … -->`` directives and ``:=`` definitions.

A directive is an HTML comment (invisible when the note is rendered) holding statements
separated by ``;``, with names written as in the LaTeX::

    <!-- symderive: assume x real; assume p, q positive; assume y_1 probability;
         assume W matrix 2 3; assume v vector 3; assume \hat{f}, \varepsilon random;
         assume \hat{f}, \varepsilon independent; given y_3 = 1 - y_1 - y_2;
         given \mathbb{E}[\varepsilon] = 0 -->

Domains: real, positive, negative, nonnegative, nonzero, integer, probability (open (0, 1)),
matrix R C, vector N, random; ``independent`` groups random symbols. Directives apply to the
whole file, wherever they stand. A ``given`` is a fact the checker may use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.latex import LatexContext, parse_latex_math, reads_as_function
from symderive.notes.chains import RELATION_TOKEN, top_level_spans

DIRECTIVE_START = re.compile(r"<!--\s*symderive:")
SCALAR_DOMAINS = ("real", "positive", "negative", "nonnegative", "nonzero", "integer",
                  "probability", "random", "scalar", "function", "index", "size")  # fmt: skip
VECTOR_KINDS = ("simplex", "onehot")  # a probability vector / a one-hot vector of N entries
MAX_SHAPE = 8  # matrices are checked entrywise: keep them small


@dataclass(frozen=True)
class Assumption:
    names: tuple[str, ...]  # LaTeX names as written
    kind: str  # one of SCALAR_DOMAINS, "matrix", "vector", "independent"
    shape: tuple[int, int] | None = None
    line: int = 0  # where the directive stands (0: not from a note)


@dataclass(frozen=True)
class Given:
    lhs: str
    rhs: str
    line: int


@dataclass(frozen=True)
class Directives:
    assumptions: tuple[Assumption, ...] = ()
    givens: tuple[Given, ...] = ()
    errors: tuple[tuple[int, str], ...] = ()  # (line, message) of statements not understood

    def latex_context(self) -> LatexContext:
        shapes = tuple(
            (name, assumption.shape)
            for assumption in self.assumptions
            if assumption.shape is not None and assumption.kind in ("matrix", "vector")
            for name in assumption.names
        )
        functions = frozenset(
            name for assumption in self.assumptions if assumption.kind == "function"
            for name in assumption.names
        )  # fmt: skip
        scalars = frozenset(
            name for assumption in self.assumptions
            if assumption.kind not in ("matrix", "vector", "function", "independent")
            for name in assumption.names
        )  # fmt: skip
        return LatexContext(shapes=shapes, functions=functions, scalars=scalars)


def read_directives(text: str) -> Directives:
    """Every ``<!-- symderive: … -->`` statement of a note (errors are collected, not raised)."""
    assumptions: list[Assumption] = []
    givens: list[Given] = []
    errors: list[tuple[int, str]] = []
    for line, body in _directive_bodies(text):
        for statement in body.split(";"):
            statement = " ".join(statement.split())
            if not statement:
                continue
            try:
                if statement.startswith("assume "):
                    assumptions.append(replace(_assumption(statement[len("assume ") :]),
                                               line=line))
                elif statement.startswith("given "):
                    lhs, rhs = _split_given(statement[len("given ") :])
                    givens.append(Given(lhs, rhs, line))
                else:
                    raise ValueError(f"unknown statement {statement!r} (use assume or given)")
            except ValueError as problem:
                errors.append((line, str(problem)))
    return Directives(tuple(assumptions), tuple(givens), tuple(errors))


def _directive_bodies(text: str) -> list[tuple[int, str]]:
    """(line, body) of every ``<!-- symderive: … -->``, in one left-to-right scan: an unclosed
    directive ends the scan instead of being searched for again from every later start."""
    found = []
    position, line, counted = 0, 1, 0
    while True:
        match = DIRECTIVE_START.search(text, position)
        if match is None:
            return found
        end = text.find("-->", match.end())
        if end < 0:
            return found
        line += text.count("\n", counted, match.start())
        counted = match.start()
        found.append((line, text[match.end() : end]))
        position = end + 3


def _split_given(body: str) -> tuple[str, str]:
    """``LHS = RHS`` split at its top-level ``=`` (not the one inside ``\\sum_{j=1}``)."""
    spans = [
        (start, end) for start, end in top_level_spans(body, RELATION_TOKEN)
        if body[start:end] == "="
    ]  # fmt: skip
    if len(spans) != 1:
        raise ValueError("a given must read 'given LHS = RHS' with one top-level '='")
    start, end = spans[0]
    lhs, rhs = body[:start].strip(), body[end:].strip()
    if not lhs or not rhs:
        raise ValueError("a given must read 'given LHS = RHS'")
    return lhs, rhs


def _assumption(body: str) -> Assumption:
    words = body.split()
    for position in range(len(words) - 1, 0, -1):
        kind = words[position]
        if kind in SCALAR_DOMAINS or kind in ("matrix", "vector", "independent") + VECTOR_KINDS:
            names_text = " ".join(words[:position])
            arguments = words[position + 1 :]
            break
    else:
        raise ValueError(f"no domain in 'assume {body}'")
    names = tuple(name.strip() for name in names_text.split(",") if name.strip())
    if not names:
        raise ValueError(f"no names in 'assume {body}'")
    shape = None
    if kind == "matrix":
        shape = _shape(arguments, 2, body)
    elif kind == "vector":
        rows = _shape(arguments, 1, body)
        shape = (rows[0], 1)
    elif kind in VECTOR_KINDS:
        rows = _shape(arguments, 1, body)
        shape = (rows[0], 1)  # entries name_1 … name_N (kept scalar; the shape is their count)
    elif arguments:
        raise ValueError(f"unexpected words after {kind!r} in 'assume {body}'")
    return Assumption(names, kind, shape)  # type: ignore[arg-type]


def _shape(arguments: list[str], count: int, body: str) -> tuple[int, ...]:
    if len(arguments) != count or not all(argument.isdigit() for argument in arguments):
        raise ValueError(f"'assume {body}' needs {count} positive integer size(s)")
    sizes = tuple(int(argument) for argument in arguments)
    if not all(1 <= size <= MAX_SHAPE for size in sizes):
        raise ValueError(f"sizes must lie in 1..{MAX_SHAPE}")
    return sizes


def name_symbol(name: str, context: LatexContext) -> sp.Basic:
    """The SymPy symbol a LaTeX name denotes (``y_1``, ``\\hat{f}``, ``W``)."""
    value = parse_latex_math(name, context=context, source="<directive>")
    if isinstance(value, (sp.Symbol, sp.MatrixSymbol)):
        return value
    raise ParseError(f"{name!r} is not a name", source="<directive>")


# a Greek letter as the label of a function's name: V^\theta(s), d^\pi(s) (round 40 J04)
GREEK_LABEL = (r"\\(?:alpha|beta|gamma|delta|epsilon|theta|kappa|lambda|mu|nu|xi|pi|rho|sigma"
               r"|tau|phi|psi|omega)(?![A-Za-z])")
# an increment, one name in the grammar: \Delta t, \Delta{t}, \delta y (round 57 AS01)
INCREMENT_NAME = r"\\[Dd]elta(?:\s*\{\s*[A-Za-z]\s*\}|\s+[A-Za-z])(?![A-Za-z])"
DEFINITION_HEAD = re.compile(
    r"^\s*(?P<name>(?:\\(?:mathrm|textrm|mathit|mathsf)\s*\{[A-Za-z]{2,}\}"
    rf"|(?P<increment>{INCREMENT_NAME})"
    r"|\\(?:hat|tilde|bar)\s*\{\s*\\(?:mathbf|boldsymbol|bm)\s*\{\s*[A-Za-z]\s*\}\s*\}"
    r"|\\(?:hat|tilde|bar|mathbf|boldsymbol|vec|bm|mathsf|mathcal)\s*\{?\s*\\?[A-Za-z]+\s*\}?"
    r"|\\[A-Za-z]+|[A-Za-z]))"
    # a star or a label in parentheses is part of the name (symderive.grammar.latex):
    # w^* = (X^T X)^{-1} X^T y defines w^*; W^{(2)} = … defines W^{(2)}
    r"(?P<mark>\^\s*(?:\*|\{\s*\*\s*\}|\\ast|\{\s*\(\s*[A-Za-z0-9]\s*\)\s*\}"
    r"|\{\s*\[\s*[A-Za-z0-9+\-\s]{1,8}\]\s*\}"  # and a layer label: z^{[1]} = …
    # a Greek label applied (round 40 J04): d^\pi(s) = … defines the labelled function d^\pi
    rf"|(?P<greek>(?:{GREEK_LABEL}|\{{\s*{GREEK_LABEL}\s*\}})(?=\s*\())))?"
    # a subscript; one upright word in it is a label (J_{\text{MSE}} = … defines J_{\text{MSE}})
    r"(?P<sub>_\{\s*\\(?:text|textrm|textup|mathrm)\s*\{[A-Za-z]{2,}\}\s*\}|_\{[^{}]*\}"
    r"|_\\?[A-Za-z0-9]+)?\s*"
    r"(?P<args>\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])?\s*$"
)
NOT_NAMES = {
    r"\log", r"\ln", r"\exp", r"\sin", r"\cos", r"\tanh", r"\max", r"\min", r"\sum", r"\prod",
    r"\frac", r"\sqrt", r"\left", r"\mathbb", r"\operatorname", "e", "E",
}  # fmt: skip


def increment_spelled(name: str) -> str:
    r"""``\Delta t`` for ``\Delta{t}`` and ``\Delta  t``: one spelling of an increment's name, as
    the grammar reads it (round 57 AS01)."""
    sign, letter = re.fullmatch(r"(\\[Dd]elta)\s*\{?\s*([A-Za-z])\s*\}?", name).groups()
    return f"{sign} {letter}"


def increment_letter(name: str) -> str:
    r"""The letter an increment's name ``\Delta t`` changes (``t``); '' for any other name."""
    found = re.fullmatch(r"\\[Dd]elta ([A-Za-z])", name.strip())
    return found.group(1) if found else ""


PARAMETERS = re.compile(r"\(\s*(?:[A-Za-df-z]|\\[A-Za-z]+)(?:\s*,\s*(?:[A-Za-df-z]|\\[A-Za-z]+))*\s*\)")


def _euler_letter_applied(match: re.Match) -> bool:
    """``e(x) = -x``, ``e(t, s) = …``: the letter e written on parameters (letters other than
    e) names a function the note defines, not Euler's number times them (round 16 F15)."""
    arguments = match.group("args") or ""
    if match.group("mark") or match.group("sub") or not PARAMETERS.fullmatch(arguments):
        return False
    parts = [part.strip() for part in arguments[1:-1].split(",")]
    return len(set(parts)) == len(parts)


def definition_head(latex: str) -> tuple[str, str | None] | None:
    """(name, argument text) when ``latex`` is a defined name such as ``L``, ``f(x, y)``,
    ``H_p(q)`` or ``\\sigma(x)``; None for any other expression."""
    outer = re.fullmatch(r"\s*\{(.*)\}\s*", latex)
    if outer and outer.group(1).count("{") == outer.group(1).count("}"):
        latex = outer.group(1)  # {\hat{\mathbf{y}}} = … (an editor's outer braces)
    match = DEFINITION_HEAD.match(latex)
    if not match:
        return None
    name = match.group("name").strip()
    if match.group("increment"):
        if match.group("args"):
            return None  # \Delta f(x) = f(x + h) - f(x): a difference operator, not a name
        name = increment_spelled(name)
    if name in NOT_NAMES and not (name == "e" and _euler_letter_applied(match)):
        return None
    head = name + (match.group("mark") or "") + (match.group("sub") or "")
    arguments = match.group("args")
    mark = match.group("mark") or ""
    if arguments and "(" in mark and (
        reads_as_function(name.lstrip("\\")) or re.search(r"\d", mark)
    ):
        return None  # f^{(2)}(x) = …: a derivative's value, not a definition
    # l^{(i)}(\mathbf{w}, b) = …: on a name not read as a function, (i) is a label (the i-th
    # example's loss), so this defines the labelled function l^{(i)}
    return head, (arguments[1:-1] if arguments else None)
