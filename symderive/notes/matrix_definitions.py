r"""Definitions of bold vectors and matrices (``\mathbf{G} = \mathbf{X}^\top \mathbf{X}``,
``Let $\mathbf{r} = \mathbf{y} - \mathbf{X}\mathbf{w}$.``), substituted into later steps.

A scalar definition is stored as a SymPy value and substituted by
:func:`symderive.notes.expand.expand_definitions`. A matrix's shape, however, is chosen per
chain (the shapes the prose declares, when they fit the whole chain; else the default square
ones), so a value parsed once for the whole note could hold another ``\mathbf{X}`` than the
step's. Here the definition keeps its right side *as written* and each step reads it again
together with its own elements (:func:`symderive.grammar.matrices.read_with_declared_shapes`
on the chain's elements plus the value), so the substituted value uses the very matrices of the
step. The step's own reading must come out the same in that joint read, and the value must have
the defined name's shape; otherwise — or when the value cannot be read at all (``(x_1, x_2)``),
or the defined name is a variable of differentiation — the element is not read, with a reason
naming the definition: never checked with the defined matrix free (round 8a, C4).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import re

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixElement

from symderive.errors import ParseError

ROUNDS = 8  # definitions through definitions (G = X^T X with X = A B) at most this deep


@dataclass(frozen=True)
class MatrixDefinition:
    """``name = value`` of a matrix or vector, as written, in force on lines start..end."""

    name: str  # the MatrixSymbol's name as the grammar spells it (\mathbf{G})
    written: str  # the left side as written
    value: str  # the right side as written
    start: int
    end: int
    order: int = -1
    forward: bool = False
    disputed: bool = False

    @property
    def note(self) -> str:
        return f"{self.written} = {self.value} (defined, line {self.start})"


def _mentions(value: str, name: str) -> bool:
    r"""Whether the value as written writes the matrix ``name`` (``\mathbf{z}``, ``W``)."""
    return re.search(re.escape(name) + r"(?![A-Za-z])", value) is not None


def defined_matrix(lhs: sp.Basic, arguments) -> str | None:
    """The name a definition's parsed left side defines as a matrix, or None."""
    if arguments is None and isinstance(lhs, sp.MatrixSymbol):
        return str(lhs.name)
    return None


def _problem(definition: MatrixDefinition, why: str) -> ParseError:
    return ParseError(
        f"uses {definition.written}, defined at line {definition.start} as {definition.value}, "
        f"which this reader cannot substitute ({why}): a defined matrix is not read as a free "
        "matrix"
    )


def _differentiated(raw: sp.Basic, symbol: sp.MatrixSymbol) -> bool:
    """The defined matrix is a variable of differentiation somewhere in ``raw``."""
    for node in sp.preorder_traversal(raw):
        if isinstance(node, sp.Derivative) and any(
            symbol == v or symbol in getattr(v, "free_symbols", set()) for v in node.variables
        ):
            return True
        wrt = getattr(node, "wrt", None)
        if wrt is not None and (wrt == symbol or symbol in getattr(wrt, "free_symbols", set())):
            return True
    return False


LIST = re.compile(r"^\s*(?:\\left\s*)?[\[(]\s*(?P<items>.*?)\s*(?:\\right\s*)?[\])]\s*"
                  r"(?:\^\s*\{?\s*(?:\\top|T|\\intercal)\s*\}?)?\s*$", re.S)
DOTS = {r"\ldots", r"\dots", r"\cdots", "..."}


def entry_letter(definition: MatrixDefinition) -> str | None:
    """``\\mathbf{x} = [x_1, x_2, \\ldots, x_n]^\\top``: the letter x when the value only lists
    the name's own entries (then it names them, it is no formula to substitute); else None."""
    match = LIST.match(definition.value)
    letter = _letter(definition.name)
    if not match or not letter:
        return None
    items = [item.strip() for item in match.group("items").split(",")]
    entries = [item for item in items if item not in DOTS]
    pattern = re.escape(letter) + r"\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9])"
    if len(items) < 2 or not entries or not all(re.fullmatch(pattern, e) for e in entries):
        return None
    return letter


def _uses_entries(raw: sp.Basic, letter: str, bare: bool = True) -> bool:
    """The element writes a scalar entry x_1, x_i (or x[i], [\\mathbf{x}]_i) of the letter
    (with ``bare``, also the letter x alone)."""
    names = {getattr(s, "name", "") for s in raw.free_symbols}
    indexed = {str(i.base.label) for i in raw.atoms(sp.Indexed)}
    indexed |= {str(getattr(e.parent, "name", "")) for e in raw.atoms(MatrixElement)}
    return any(n in (letter, rf"\mathbf{{{letter}}}") for n in indexed) or any(
        (bare and n == letter) or n.startswith(f"{letter}_") for n in names)


def _entries_apart(raws: list, lists: dict, definitions: dict) -> list:
    """The chain's elements, each a :class:`ParseError` where the chain uses a vector whose
    definition lists its entries together with those entries as separate names (x and x_1:
    not linked here)."""
    readable = [raw for raw in raws if not isinstance(raw, ParseError)]
    for name, letter in lists.items():
        vector = any(str(m.name) == name for raw in readable for m in raw.atoms(sp.MatrixSymbol))
        if vector and any(_uses_entries(raw, letter) for raw in readable):
            problem = _problem(definitions[name], "the step writes its entries as separate "
                               "names, which are not linked to the vector here")
            return [raw if isinstance(raw, ParseError) else problem for raw in raws]
    return raws


def _letter(name: str) -> str | None:
    """The letter of a matrix name: x of \\mathbf{x}, W of a declared plain W."""
    if re.fullmatch(r"[A-Za-z]", name):
        return name
    inner = re.fullmatch(r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\}", name)
    return inner.group(1) if inner else None


def _entries_of_defined(raws: list, definitions: dict) -> list:
    """The chain's elements, each a :class:`ParseError` where the chain writes entries
    (r_i, r[i]) of a matrix defined by a formula: the entries of its value are not linked to
    those names here, so reading them as free numbers would be a misreading."""
    readable = [raw for raw in raws if not isinstance(raw, ParseError)]
    for name, definition in definitions.items():
        letter = _letter(name)
        if letter and any(_uses_entries(raw, letter, bare=False) for raw in readable):
            problem = _problem(definition, f"the step writes entries of {definition.written}, "
                               "which are not linked to its value here")  # fmt: skip
            return [raw if isinstance(raw, ParseError) else problem for raw in raws]
    return raws


def _used(raws: Sequence, definitions: dict[str, MatrixDefinition]) -> list[str]:
    """The defined matrix names the readable elements use, in a fixed order."""
    names = {str(m.name) for raw in raws if not isinstance(raw, ParseError)
             for m in raw.atoms(sp.MatrixSymbol)}  # fmt: skip
    return sorted(names & set(definitions))


def substitute(
    raws: list, elements: Sequence[str], read: Callable[[list, tuple], list],
    definitions: dict[str, MatrixDefinition], readings: dict,
) -> list:
    """The chain's readings with the matrices defined in ``definitions`` replaced by their
    values. ``read(texts, extra)`` reads a list of element LaTeX as the chain is read, with the
    shapes ``extra`` ((name, shape) pairs) declared besides the prose's: each defined name is
    declared with its value's shape (the definition states it), the chain and the values are
    read together, and each value replaces its name. An element that uses a defined matrix
    that cannot be substituted becomes a :class:`ParseError` naming the definition."""
    lists = {name: entry_letter(d) for name, d in definitions.items()}
    lists = {name: letter for name, letter in lists.items() if letter}
    if lists:  # x = [x_1, …, x_n]^T names the entries: x stays a free vector
        raws = _entries_apart(raws, lists, definitions)
        definitions = {name: d for name, d in definitions.items() if name not in lists}
    raws = _entries_of_defined(raws, definitions)
    used = _used(raws, definitions)
    if not used:
        return raws
    problems: dict[str, ParseError] = {}
    extra: list = []
    values: dict[str, str] = {}
    for _ in range(ROUNDS * 2):  # the names the values use, too (G = X^T X with X defined)
        fresh = [name for name in used if name not in values and name not in problems]
        if not fresh:
            break
        # a value using another defined matrix is read once that one's shape is known (o = V z
        # + c after z = W x + b, with W, V declared h × d, k × h: z is h × 1 before o is read;
        # read first, o took the default shapes and the step "fitted only where h = k", round
        # 58 AX N1)
        inner = {name: [other for other in definitions if other != name and other not in values
                        and other not in problems and _mentions(definitions[name].value, other)]
                 for name in fresh}
        used = sorted(set(used) | {other for others in inner.values() for other in others})
        fresh = [name for name in fresh if not inner[name]] or fresh
        for name in fresh:
            definition = definitions[name]
            alone = read([definition.value], tuple(extra))[0]
            if isinstance(alone, ParseError):
                problems[name] = _problem(definition, alone.message)
                continue
            if not isinstance(alone, sp.MatrixExpr):
                problems[name] = _problem(definition, "its value is not a matrix as read")
                continue
            values[name] = definition.value
            extra.append((name, tuple(alone.shape)))
            used = sorted(set(used) | {str(m.name) for m in alone.atoms(sp.MatrixSymbol)
                                       if str(m.name) in definitions})  # fmt: skip
    names = list(values)
    joint = read([*elements, *(values[name] for name in names)], tuple(extra))
    chain, read_values = joint[: len(elements)], dict(zip(names, joint[len(elements):]))
    substitution: dict = {}
    for name in names:
        definition, value = definitions[name], read_values[name]
        symbols = {m for raw in chain if not isinstance(raw, ParseError)
                   for m in raw.atoms(sp.MatrixSymbol) if str(m.name) == name}  # fmt: skip
        symbols |= {m for other in read_values.values() if not isinstance(other, ParseError)
                    for m in other.atoms(sp.MatrixSymbol) if str(m.name) == name}  # fmt: skip
        if isinstance(value, ParseError):
            problems[name] = _problem(definition, value.message)
        elif len(symbols) > 1 or any(tuple(m.shape) != tuple(value.shape) for m in symbols):
            problems[name] = _problem(definition, f"its value has shape {tuple(value.shape)}, "
                                      "the name another in this step")  # fmt: skip
        elif any(m in value.atoms(sp.MatrixSymbol) for m in symbols):
            problems[name] = _problem(definition, "the name is on both sides")
        else:
            substitution.update({m: value for m in symbols})
    result = []
    for original, raw in zip(raws, chain):
        if isinstance(original, ParseError) or isinstance(raw, ParseError):
            result.append(original if isinstance(original, ParseError) else raw)
            continue
        result.append(_substituted(raw, substitution, problems, definitions, readings))
    return result


def used_keys(written: list, substituted: list, definitions: dict) -> list:
    """Per element, the keys ("matrix", name) of the definitions substituted into it."""
    keys = []
    for before, after in zip(written, substituted):
        if isinstance(before, ParseError) or isinstance(after, ParseError):
            keys.append(frozenset())
            continue
        names = {str(m.name) for m in before.atoms(sp.MatrixSymbol)} & set(definitions)
        keys.append(frozenset(("matrix", name) for name in names))
    return keys if any(keys) else []


def _substituted(raw: sp.Basic, substitution: dict, problems: dict, definitions: dict,
                 readings: dict) -> sp.Basic | ParseError:
    """One element with the defined matrices replaced, up to :data:`ROUNDS` deep."""
    expr = raw
    for _ in range(ROUNDS):
        present = [m for m in expr.atoms(sp.MatrixSymbol) if str(m.name) in definitions]
        if not present:
            return expr
        for symbol in present:
            name = str(symbol.name)
            if name in problems:
                return problems[name]
            if symbol not in substitution:
                return _problem(definitions[name], "its shape is not known in this step")
            if _differentiated(expr, symbol):
                return _problem(definitions[name], "it is differentiated by")
            readings.setdefault(definitions[name].written,
                                f"the defined matrix {definitions[name].note}")
        try:
            expr = expr.xreplace({m: substitution[m] for m in present})
        except Exception as problem:  # noqa: BLE001 - SymPy refusing the shapes: not read
            return _problem(definitions[str(present[0].name)], f"{problem}"[:80])
    return ParseError(f"matrix definitions nested deeper than {ROUNDS} levels")


def record(item, latex, source: str, forward: bool) -> MatrixDefinition | None:
    """The matrix definition the located chain's first step makes (``\\mathbf{G} = …``), or
    None when its left side is not a matrix name."""
    from symderive.grammar.latex import parse_latex_math

    chain = item.chain
    if len(chain.elements) < 2:
        return None
    try:
        lhs = parse_latex_math(chain.elements[0], context=latex, source=source, line=chain.line)
    except ParseError:
        return None
    name = defined_matrix(lhs, item.reading.arguments)
    if name is None or getattr(item.reading, "point", False):
        return None
    end = max(item.row_end, chain.line) if item.row_local else item.section_end
    return MatrixDefinition(name, " ".join(chain.elements[0].split()),
                            " ".join(chain.elements[1].split()), chain.line, end, item.order,
                            forward, item.reading.disputed)  # fmt: skip
