"""A straight-line Python function built from our own op table: the captured step's program.

:class:`Program` collects lines of Python that call NumPy with preallocated buffers
(``np.multiply(a, b, buffer)``) and compiles them once into one function, so a replayed step
is a flat run of NumPy calls: no closure per node, no register list, no dict lookup.

Nothing here reads user text. Every identifier in a line is a name this module made up
(``v12``, ``g3``, ``c7``); every object a line refers to — arrays, ufuncs, kernels, Python
numbers from the op definitions — is bound in the function's namespace, never printed into
the source (:meth:`Program.constant`). :meth:`Program.compile` refuses a line with any other
identifier.

:func:`inline_lambdified` is the ``out=`` printer for lambdify: it reads the source SymPy
printed for one of our derived rules (CSE'd assignments and a returned expression or list),
and emits one ufunc call per arithmetic operation, in Python's evaluation order and with the
same operands, each into a buffer allocated here — the same arithmetic as calling the
lambdified function, without allocating its results.
"""

from __future__ import annotations

import ast
import inspect
import keyword
import re
from collections.abc import Callable, Sequence

import numpy as np

_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_OWN_NAME = re.compile(r"[a-z]{1,3}\d+\Z")
_WORDS = {"step", "None", "data", "grad", "lr", "out", "shape", "flags", "writeable"}
"""Besides our numbered names and Python keywords: the function's name, and the attributes
the guard and the optimizer's lines read (``leaf.data``, ``leaf.grad``, ``.shape``,
``.flags.writeable``, ``optimizer.lr``) and ``out=``."""

_KEYWORD_OUT = (np.maximum, np.minimum)
"""Ufuncs that take their buffer as ``out=`` only (NumPy deprecates a third positional)."""


def out_argument(function: object, buffer: str) -> str:
    """The buffer as the last argument of a call: positional (cheapest) where allowed."""
    return f"out={buffer}" if any(function is f for f in _KEYWORD_OUT) else buffer


_BINARY_UFUNCS = {
    ast.Add: np.add,
    ast.Sub: np.subtract,
    ast.Mult: np.multiply,
    ast.Div: np.true_divide,
}


_POWERS = {2: np.square, -1: np.reciprocal}


class CannotInline(Exception):
    """A lambdified rule whose source is not plain ufunc arithmetic (call it as it is)."""


class Program:
    """Lines of one generated function, and the objects its names are bound to."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.namespace: dict[str, object] = {}
        self._counter = 0
        self._constants: dict[int, str] = {}
        self._indent = 1

    def fresh(self, prefix: str) -> str:
        """A new local name: ``prefix`` (letters) and a number."""
        self._counter += 1
        return f"{prefix}{self._counter}"

    def constant(self, value: object, prefix: str = "c") -> str:
        """The name bound to ``value`` in the function's namespace (one name per object)."""
        name = self._constants.get(id(value))
        if name is None or self.namespace.get(name) is not value:
            name = self.fresh(prefix)
            self.namespace[name] = value
            self._constants[id(value)] = name
        return name

    def buffer(self, like: np.ndarray | np.generic) -> str:
        """A fresh array shaped and typed as ``like`` (allocated once, at recording)."""
        sample = np.asarray(like)
        array = np.empty(sample.shape, sample.dtype)
        name = self.fresh("b")
        self.namespace[name] = array
        return name

    def emit(self, line: str) -> None:
        self.lines.append("    " * self._indent + line)

    def indent(self) -> None:
        self._indent += 1

    def dedent(self) -> None:
        self._indent -= 1

    def compile(self, arguments: Sequence[str] = ()) -> Callable:
        """The function ``step(*arguments)`` made of the emitted lines."""
        body = self.lines or ["    pass"]
        source = "def step(" + ", ".join(arguments) + "):\n" + "\n".join(body) + "\n"
        for name in _NAME.findall(source):
            if not (_OWN_NAME.match(name) or name in _WORDS or keyword.iskeyword(name)):
                raise ValueError(f"generated step: unexpected name {name!r}")
        namespace = dict(self.namespace)
        namespace["__builtins__"] = {}
        code = compile(source, "<symderive replay step>", "exec")
        exec(code, namespace)  # our own lines, over our own names (checked above)
        step = namespace["step"]
        step.source = source
        return step


def inline_lambdified(
    program: Program,
    function: Callable,
    arguments: Sequence[str],
    samples: Sequence[object],
) -> list[tuple[str, object]]:
    """Emit ``function(*arguments)`` (a lambdified SymPy rule) as ufunc calls into buffers.

    ``samples`` are values of the arguments' shapes and dtypes; each operation is evaluated
    once on them to size its buffer. Returns, per returned expression, its local name and a
    sample of its value. Raises :class:`CannotInline` for anything but assignments, a return,
    names, numbers, the four arithmetic operators, unary minus, ``x**2`` and ufunc calls.
    """
    try:
        tree = ast.parse(inspect.getsource(function))
    except (OSError, TypeError, SyntaxError) as error:
        raise CannotInline(str(error)) from None
    (definition,) = tree.body
    if not isinstance(definition, ast.FunctionDef):
        raise CannotInline("not a function")
    parameters = [a.arg for a in definition.args.args]
    if len(parameters) != len(arguments):
        raise CannotInline("argument count")
    scope: dict[str, tuple[str | None, object]] = {
        parameter: (name, sample) for parameter, name, sample in zip(parameters, arguments, samples)
    }
    bindings = function.__globals__
    mark = len(program.lines)
    try:
        return _inline_body(program, definition, scope, bindings)
    except CannotInline:
        del program.lines[mark:]  # nothing half-emitted stays behind
        raise


def _inline_body(program: Program, definition: ast.FunctionDef, scope, bindings):
    with np.errstate(all="ignore"):
        for statement in definition.body:
            if isinstance(statement, ast.Assign):
                if len(statement.targets) != 1 or not isinstance(statement.targets[0], ast.Name):
                    raise CannotInline("assignment")
                scope[statement.targets[0].id] = _inline(program, statement.value, scope, bindings)
            elif isinstance(statement, ast.Return) and statement.value is not None:
                value = statement.value
                parts = value.elts if isinstance(value, (ast.List, ast.Tuple)) else [value]
                results = [_inline(program, part, scope, bindings) for part in parts]
                if any(
                    name is None or not isinstance(sample, (np.ndarray, np.generic))
                    for name, sample in results
                ):
                    raise CannotInline("a constant result")
                return results  # type: ignore[return-value]
            else:
                raise CannotInline(type(statement).__name__)
    raise CannotInline("no return")


def _inline(program: Program, node: ast.expr, scope, bindings) -> tuple[str | None, object]:
    """(local name or None for a Python number, sample value) of one expression."""
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return None, node.value
    if isinstance(node, ast.Name):
        if node.id not in scope:
            raise CannotInline(f"free name {node.id}")
        return scope[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        name, sample = _inline(program, node.operand, scope, bindings)
        if name is None:
            return None, -sample
        return _call(program, np.negative, [(name, sample)])
    if isinstance(node, ast.BinOp):
        left = _inline(program, node.left, scope, bindings)
        right = _inline(program, node.right, scope, bindings)
        if left[0] is None and right[0] is None:
            raise CannotInline("arithmetic on numbers")
        if isinstance(node.op, ast.Pow):
            # NumPy's own fast paths: x**2 is square(x), x**-1 is reciprocal(x)
            fast_path = _POWERS.get(right[1]) if right[0] is None else None
            if fast_path is None or left[0] is None:
                raise CannotInline("a power")
            return _call(program, fast_path, [left])
        ufunc = _BINARY_UFUNCS.get(type(node.op))
        if ufunc is None:
            raise CannotInline(type(node.op).__name__)
        return _call(program, ufunc, [left, right])
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        callee = bindings.get(node.func.id)
        if not isinstance(callee, np.ufunc) or callee.nout != 1:
            raise CannotInline(f"call of {node.func.id}")
        return _call(program, callee, [_inline(program, a, scope, bindings) for a in node.args])
    raise CannotInline(type(node).__name__)


def _call(program: Program, ufunc: np.ufunc, operands) -> tuple[str, object]:
    """``ufunc(*operands, out=buffer)``: Python numbers stay Python numbers (same promotion)."""
    sample = ufunc(*[value for _, value in operands])
    names = [name if name is not None else program.constant(value, "k") for name, value in operands]
    if not isinstance(sample, (np.ndarray, np.generic)):
        raise CannotInline("not an array")
    buffer = program.buffer(sample)
    function = program.constant(ufunc, "u")
    names.append(out_argument(ufunc, buffer))
    program.emit(f"{function}({', '.join(names)})")  # a ufunc returns its buffer
    return buffer, sample
