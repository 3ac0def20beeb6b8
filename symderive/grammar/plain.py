"""The safe plain-math grammar: text typed on a command line becomes a SymPy expression.

No ``eval``, ``sympify`` or ``parse_expr`` is ever applied to the text: a LALR grammar
(``plain.lark``) recognises it and :class:`_Builder` constructs SymPy objects directly, so the
text can only ever name numbers, variables and the functions listed below.

Syntax (ASCII only)::

    numbers     2   1.5   .5   1e-3   2.5E4         exact: 1.5 is 3/2, 1e-3 is 1/1000
    names       x   w0   y_1   x_i_j   alpha        letter, then letters/digits, _subscripts
    constants   e (Euler's number)   pi
    operators   +  -  *  /  ^ or ** (power)  ( )
    functions   exp log ln sqrt abs sign sin cos tan sinh cosh tanh sigmoid relu
                leaky_relu(x, alpha)  max(a, b, ...)  min(a, b, ...)
                log(x, b) = log base b    heaviside(x) = H(x) with H(0) = 0 (heaviside(x, h0))
                logsumexp(a, b, ...) = log(exp(a) + exp(b) + ...)

Precedence, loosest first: ``+ -``, then ``* /`` (left-associative), then unary ``+ -``, then
power (right-associative).  So ``-x^2 = -(x^2)``, ``2^3^2 = 2^9``, ``x^-2 = x^(-2)`` and
``a/b*c = (a/b)*c``.

Decisions, each reported with a one-line :class:`~symderive.errors.ParseError` that reads
``<source>:1:<column>: <what is wrong with which token>`` (lark's own exceptions never escape):

* **No implicit multiplication**: ``2x`` and ``(a)(b)`` are errors suggesting ``2*x``.
* **ASCII only**: a Cyrillic ``а``, a fullwidth ``ｘ`` or a superscript ``²`` would silently
  become a different symbol (or no number at all), so any non-ASCII character is refused with
  a suggestion (``a``, ``x``, ``**2``); write Greek letters by name (``alpha``).
* **softmax is refused**: it maps a vector to a vector, which scalar syntax cannot express.
  Write one component, ``exp(o1)/(exp(o1) + exp(o2) + exp(o3))``, or use ``logsumexp``.
* ``e``, ``pi`` and the function names are reserved; any other name is a real variable
  (``Symbol(name, real=True)``) unless ``symbols`` maps it to a symbol with other assumptions.
* Division by a literal zero, results containing ∞ or NaN (``log(0)``) and non-real constants
  (``sqrt(-1)``, ``log(-2)``) are refused: the checker works over the reals.

Limits (module constants), so hostile input costs bounded time and memory:

* :data:`MAX_LENGTH` characters of input; NUL and other control characters are refused
  (tabs count as spaces).
* :data:`MAX_DEPTH` levels of nesting: parentheses are counted by a linear scan *before*
  parsing; chained operators (``x^x^x…``, ``- - - x``) and calls count after parsing.
* :data:`MAX_LITERAL_DIGITS` digits in a written number, and a decimal exponent
  (``1e-3``) of at most :data:`MAX_DECIMAL_EXPONENT` in absolute value.
* :data:`MAX_NUMBER_DIGITS` digits in any exact number, written or computed while parsing
  (``2^3000`` is fine, ``2^4000`` and ``9^9^9^9`` are refused *before* SymPy computes them).
* :data:`MAX_EXPONENT`: a numeric exponent ``n`` in ``b^n`` has ``|n| ≤ 10000``; so does the
  ``c`` in ``exp(c*log(b))``, which SymPy rewrites as ``b^c``.
* :data:`MAX_ROOT_DIGITS` digits in total in numbers under fractional powers (``sqrt(2)``,
  ``8^(1/3)``): SymPy looks for perfect powers in them, which is slow for big numbers.
* :data:`MAX_PARSE_SECONDS` of SymPy's eager evaluation per expression (a SIGPROF timer on CPU time, see
  :func:`time_limit`): tiny inputs such as ``relu(cos(exp(exp(exp(3)))))`` make SymPy
  compute with millions of digits, and no syntactic rule catches them all.

:func:`to_plain` prints an expression back in this syntax, so that
``parse_expression(to_plain(expr), symbols=...) == expr`` for expressions over the vocabulary
(in canonical form: the few non-canonical trees SymPy sometimes returns, such as
``Mul(-1, y - z)``, read back as their canonical equal ``z - y``).
"""

from __future__ import annotations

import math
import re
import signal
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources

import sympy as sp
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken, VisitError
from lark.visitors import Transformer_NonRecursive
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from symderive.errors import ParseError, sympy_refusal
from symderive.grammar.build import LIMITS, Condition, Construction, time_limit
from symderive.functions import leaky_relu, relu, sigmoid

MAX_LENGTH = LIMITS.length  # characters of input
MAX_DEPTH = LIMITS.depth  # nesting of parentheses, and of operators/calls in the parsed tree
MAX_LITERAL_DIGITS = LIMITS.literal_digits  # digits in one written number
MAX_DECIMAL_EXPONENT = LIMITS.decimal_exponent  # |n| in a written 1.5e<n>
MAX_NUMBER_DIGITS = LIMITS.number_digits  # digits of any exact number built
MAX_EXPONENT = LIMITS.exponent  # |n| for a numeric exponent n
MAX_ROOT_DIGITS = LIMITS.root_digits  # total digits of the numbers under fractional powers
MAX_PARSE_SECONDS = LIMITS.parse_seconds  # time SymPy may spend building one expression

NAME_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*")

_BITS_PER_DIGIT = math.log2(10)


def _log(argument: sp.Expr, base: sp.Expr | None = None) -> sp.Expr:
    return sp.log(argument) if base is None else sp.log(argument, base)


def _heaviside(argument: sp.Expr, at_zero: sp.Expr = sp.S.Zero) -> sp.Expr:
    # H(0) = 0 by default: the project's kink convention (relu'(0) = 0), not SymPy's 1/2.
    return sp.Heaviside(argument, at_zero)


def _logsumexp(*arguments: sp.Expr) -> sp.Expr:
    return sp.log(sp.Add(*(sp.exp(argument) for argument in arguments)))


# name -> (fewest arguments, most arguments or None for any number, builder)
FUNCTIONS: dict[str, tuple[int, int | None, Callable[..., sp.Expr]]] = {
    "exp": (1, 1, sp.exp),
    "log": (1, 2, _log),
    "ln": (1, 1, sp.log),
    "sqrt": (1, 1, sp.sqrt),  # built through the power check, see _Builder.call
    "abs": (1, 1, sp.Abs),
    "sign": (1, 1, sp.sign),  # d|x|/dx, so derivatives print back in this syntax
    "sin": (1, 1, sp.sin),
    "cos": (1, 1, sp.cos),
    "tan": (1, 1, sp.tan),
    "sinh": (1, 1, sp.sinh),
    "cosh": (1, 1, sp.cosh),
    "tanh": (1, 1, sp.tanh),
    "sigmoid": (1, 1, sigmoid),
    "relu": (1, 1, relu),
    "leaky_relu": (2, 2, leaky_relu),
    "max": (1, None, sp.Max),
    "min": (1, None, sp.Min),
    "heaviside": (1, 2, _heaviside),
    "logsumexp": (1, None, _logsumexp),
}

CONSTANTS: dict[str, sp.Expr] = {"e": sp.E, "pi": sp.pi}

REFUSED_NAMES: dict[str, str] = {
    "softmax": (
        "softmax maps a vector to a vector, which plain syntax cannot express; write one "
        "component, e.g. exp(o1)/(exp(o1) + exp(o2) + exp(o3)), or use logsumexp(o1, o2, o3)"
    ),
}

RESERVED_NAMES = frozenset(FUNCTIONS) | frozenset(CONSTANTS) | frozenset(REFUSED_NAMES)

# Suggestions for characters people paste from notes; everything else non-ASCII is refused too.
_LOOK_ALIKES = {
    "\u2212": "-",  # minus sign
    "\u2013": "-",  # en dash
    "\u00d7": "*",  # multiplication sign
    "\u00b7": "*",  # middle dot
    "\u22c5": "*",  # dot operator
    "\u00f7": "/",
    "\u2044": "/",
    # Cyrillic and Greek letters that look like Latin ones
    "\u0430": "a",
    "\u0435": "e",
    "\u043e": "o",
    "\u0440": "p",
    "\u0441": "c",
    "\u0445": "x",
    "\u0443": "y",
    "\u0456": "i",
    "\u0458": "j",
    "\u0455": "s",
    "\u0410": "A",
    "\u0412": "B",
    "\u0415": "E",
    "\u041a": "K",
    "\u041c": "M",
    "\u041d": "H",
    "\u041e": "O",
    "\u0420": "P",
    "\u0421": "C",
    "\u0422": "T",
    "\u0425": "X",
    "\u03bf": "o",
    "\u039f": "O",
}

_CHARACTER_HINTS = {
    "_": "a name starts with a letter, and '_' must be followed by a subscript",
    "'": "text in quotes is not an expression",
    '"': "text in quotes is not an expression",
    "=": "give the two sides of an equation as two separate arguments",
    "[": "use parentheses ( ) for grouping",
    "]": "use parentheses ( ) for grouping",
    "{": "use parentheses ( ) for grouping",
    "}": "use parentheses ( ) for grouping",
    "!": "factorials are not supported",
    "%": "'%' is not an operator here",
    ";": "one expression per argument",
    ":": "':' is not an operator here",
}

_TOKEN_NAMES = {
    "ADD_OP": "an operator",
    "MUL_OP": "an operator",
    "POW_OP": "'^'",
    "NUMBER": "a number",
    "NAME": "a name",
    "LPAR": "'('",
    "RPAR": "')'",
    "COMMA": "','",
    "$END": "the end of the input",
}


@lru_cache(maxsize=1)
def _parser() -> Lark:
    """The LALR parser, built once: a Lark instance is immutable and safe to share."""
    grammar = resources.files("symderive.grammar").joinpath("plain.lark").read_text("utf-8")
    return Lark(grammar, parser="lalr", lexer="basic", maybe_placeholders=False)


def parse_expression(
    text: str,
    *,
    symbols: Mapping[str, sp.Symbol] | None = None,
    source: str = "<argument>",
    budget_seconds: float | None = MAX_PARSE_SECONDS,
) -> sp.Expr:
    """Parse ``text`` in the plain-math syntax into a SymPy expression.

    ``symbols`` maps names to the symbols to use (e.g. with ``positive=True`` from
    ``--assume``); other names become ``Symbol(name, real=True)``.  Any problem raises
    :class:`~symderive.errors.ParseError` with the column of the offending token.
    ``budget_seconds`` bounds the time SymPy may spend building the expression (see
    :func:`time_limit`; ``None`` for no bound).
    """
    return parse_side(text, symbols=symbols, source=source, budget_seconds=budget_seconds)[0]


def parse_side(
    text: str,
    *,
    symbols: Mapping[str, sp.Symbol] | None = None,
    source: str = "<argument>",
    budget_seconds: float | None = MAX_PARSE_SECONDS,
) -> tuple[sp.Expr, tuple[Condition, ...]]:
    """Like :func:`parse_expression`, with the natural domain of the written form (the
    conditions — denominators ≠ 0, log arguments > 0, … — recorded while building)."""
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}")
    check_characters(text, source=source)
    _check_parentheses(text, source)
    if not text.strip():
        raise ParseError("empty expression", source=source, column=1)
    _parser()  # built once, outside the budget
    with time_limit(budget_seconds, source=source, what="building the expression"):
        return _parse(text, symbols or {}, source)


def _parse(
    text: str, symbols: Mapping[str, sp.Symbol], source: str
) -> tuple[sp.Expr, tuple[Condition, ...]]:
    _check_tokens(text, source)
    try:
        tree = _parser().parse(text)
    except UnexpectedInput as error:
        raise _parse_error(error, text, source) from None
    _check_depth(tree, source)
    builder = _Builder(symbols, source)
    try:
        expression = builder.build.finish(builder.transform(tree))
    except VisitError as error:  # lark wraps what the builder raises
        if isinstance(error.orig_exc, ParseError):
            raise error.orig_exc from None
        if isinstance(error.orig_exc, _SYMPY_REFUSALS):
            raise _refusal(error.orig_exc, source) from None
        raise
    except _SYMPY_REFUSALS as error:
        raise _refusal(error, source) from None
    return expression, tuple(builder.build.conditions)


# What SymPy raises when it refuses a construction, e.g. max(log(-1), 1): "not comparable".
_SYMPY_REFUSALS = (ValueError, TypeError, ArithmeticError, RecursionError)


def _refusal(error: BaseException, source: str) -> ParseError:
    return ParseError(f"SymPy cannot build this expression: {sympy_refusal(error)}",
                      source=source)


def check_characters(text: str, *, source: str = "<argument>") -> None:
    """Refuse over-long input, control characters and non-ASCII characters (with a hint)."""
    if len(text) > MAX_LENGTH:
        raise ParseError(
            f"input is {len(text)} characters long; the limit is {MAX_LENGTH}", source=source
        )
    for position, character in enumerate(text):
        code = ord(character)
        column = position + 1
        if character == "\t" or 32 <= code < 127:
            continue
        if character == "\0":
            raise ParseError("NUL byte", source=source, column=column)
        if code < 32 or code == 127:
            what = "line break" if character in "\n\r" else f"control character U+{code:04X}"
            raise ParseError(what, source=source, column=column)
        raise ParseError(_non_ascii_message(character), source=source, column=column)


def _non_ascii_message(character: str) -> str:
    name = unicodedata.name(character, f"U+{ord(character):04X}")
    message = f"non-ASCII character {character!r} ({name})"
    suggestion = _LOOK_ALIKES.get(character)
    if suggestion is None:
        folded = unicodedata.normalize("NFKC", character)
        if folded.isascii() and folded.isprintable():
            suggestion = folded
            if "SUPERSCRIPT" in name and folded.isdigit():
                suggestion = f"**{folded}"
    if suggestion is not None:
        return f"{message}; did you mean {suggestion!r}? (only ASCII is accepted)"
    if "GREEK" in name:
        return f"{message}; write Greek letters by name, e.g. 'alpha', 'sigma'"
    return f"{message}; only ASCII is accepted"


def _check_parentheses(text: str, source: str) -> None:
    """A linear scan: balanced parentheses nested at most MAX_DEPTH deep (before lark runs)."""
    open_columns: list[int] = []
    for position, character in enumerate(text):
        if character == "(":
            open_columns.append(position + 1)
            if len(open_columns) > MAX_DEPTH:
                raise ParseError(
                    f"parentheses nested more than {MAX_DEPTH} deep",
                    source=source,
                    column=position + 1,
                )
        elif character == ")":
            if not open_columns:
                raise ParseError("unmatched ')'", source=source, column=position + 1)
            open_columns.pop()
    if open_columns:
        column = open_columns[-1]
        raise ParseError("this '(' is never closed", source=source, column=column)


def _check_tokens(text: str, source: str) -> None:
    """Catch, with a precise message, what the grammar would only call 'unexpected token':
    implicit multiplication, unknown or refused functions, function names used as variables."""
    previous: Token | None = None
    tokens = _parser().lex(text)
    while True:
        try:
            token = next(tokens)
        except StopIteration:
            token = None
        except UnexpectedInput as error:
            raise _parse_error(error, text, source) from None
        if previous is not None and previous.type == "NAME":
            _check_name_use(previous, token, source)
        if (
            previous is not None
            and token is not None
            and previous.type in ("NUMBER", "NAME", "RPAR")
            and token.type in ("NUMBER", "NAME", "LPAR")
            and not (previous.type == "NAME" and token.type == "LPAR")
        ):
            raise ParseError(
                f"missing operator between {str(previous)!r} and {str(token)!r} (implicit "
                f"multiplication is not allowed: write '{previous}*{token}')",
                source=source,
                column=token.column,
            )
        if token is None:
            return
        previous = token


def _check_name_use(name: Token, following: Token | None, source: str) -> None:
    is_call = following is not None and following.type == "LPAR"
    if name in REFUSED_NAMES:
        raise ParseError(
            REFUSED_NAMES[name],
            source=source,
            column=name.column,
        )
    if is_call and name not in FUNCTIONS:
        known = ", ".join(sorted(FUNCTIONS))
        raise ParseError(
            f"unknown function {str(name)!r} (known: {known}); for a product write '{name}*(...)'",
            source=source,
            column=name.column,
        )
    if not is_call and name in FUNCTIONS:
        raise ParseError(
            f"{str(name)!r} is a function: write {name}(...)",
            source=source,
            column=name.column,
        )


def _parse_error(error: UnexpectedInput, text: str, source: str) -> ParseError:
    """Turn lark's exception into one line naming the column and the offending token."""
    if isinstance(error, UnexpectedCharacters):
        character = text[error.pos_in_stream] if error.pos_in_stream < len(text) else ""
        column = error.pos_in_stream + 1
        message = f"unexpected character {character!r}"
        hint = _CHARACTER_HINTS.get(character)
        if hint:
            message += f" ({hint})"
        return ParseError(message, source=source, column=column)
    if isinstance(error, UnexpectedToken):
        token = error.token
        expected = _describe_expected(error.expected)
        if token.type == "$END":
            column = len(text.rstrip()) + 1
            return ParseError(
                f"unexpected end of input; expected {expected}",
                source=source,
                column=column,
            )
        column = token.column or 1
        message = f"unexpected {str(token)!r}; expected {expected}"
        if token.type == "COMMA":
            message += " (',' separates the arguments of a function call only)"
        return ParseError(message, source=source, column=column)
    column = getattr(error, "column", 0) or 0
    return ParseError("cannot parse the input", source=source, column=column)


def _describe_expected(expected: set[str]) -> str:
    if expected & {"NUMBER", "NAME", "LPAR"}:
        return "a number, a name or '('"
    names = sorted({_TOKEN_NAMES.get(kind, kind) for kind in expected})
    return " or ".join(names) if names else "something else"


def _check_depth(tree: Tree, source: str) -> None:
    """Nesting of operators and calls in the parsed tree (iterative: no recursion limit)."""
    stack: list[tuple[Tree, int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ParseError(
                f"the expression is nested more than {MAX_DEPTH} levels deep "
                "(chained operators or calls)",
                source=source,
            )
        for child in node.children:
            if isinstance(child, Tree):
                stack.append((child, depth + (child.data != "arguments")))


class _Builder(Transformer_NonRecursive):
    """Build SymPy objects from the parse tree through :class:`Construction` (the builder
    shared with the LaTeX grammar): every number, power and call is guarded there."""

    def __init__(self, symbols: Mapping[str, sp.Symbol], source: str) -> None:
        super().__init__()
        self.symbols = symbols
        self.build = Construction(source)

    # --- leaves -------------------------------------------------------------------------
    def number(self, children: list[Token]) -> sp.Expr:
        (token,) = children
        return self.build.number(str(token), token.column)

    def name(self, children: list[Token]) -> sp.Expr:
        (token,) = children
        name = str(token)
        if name in CONSTANTS:
            return self.build.constant(name)
        if name in self.symbols:
            return self.symbols[name]
        return sp.Symbol(name, real=True)

    # --- operators ----------------------------------------------------------------------
    def sum(self, children: list) -> sp.Expr:
        terms = [children[0]]
        for operator, term in zip(children[1::2], children[2::2]):
            terms.append(term if operator == "+" else -term)
        return self.build.add(terms, children[1].column)

    def product(self, children: list) -> sp.Expr:
        result = children[0]
        for operator, factor in zip(children[1::2], children[2::2]):
            if operator == "*":
                result = self.build.multiply([result, factor], operator.column)
            else:
                result = self.build.divide(result, factor, operator.column)
        return result

    def signed(self, children: list) -> sp.Expr:
        operator, operand = children
        return operand if operator == "+" else self.build.negate(operand, operator.column)

    def power(self, children: list) -> sp.Expr:
        base, operator, exponent = children
        return self.build.power(base, exponent, operator.column)

    def call(self, children: list) -> sp.Expr:
        name_token, arguments = children
        name = str(name_token)
        fewest, most, build = FUNCTIONS[name]
        count = len(arguments)
        column = name_token.column
        if count < fewest or (most is not None and count > most):
            wanted = str(fewest) if fewest == most else f"{fewest} or more"
            if most is not None and most != fewest:
                wanted = f"{fewest} to {most}"
            raise self.build.error(
                f"{name} takes {wanted} argument{'s' if wanted != '1' else ''}, got {count}",
                column,
            )
        if name in ("log", "ln"):
            return self.build.log(arguments[0], arguments[1] if count == 2 else None, column)
        if name == "logsumexp":
            exponentials = [self.build.exp(argument, column) for argument in arguments]
            return self.build.log(self.build.add(exponentials, column), None, column)
        if name == "heaviside" and count == 2 and not arguments[1].is_number:
            raise self.build.error("heaviside(x, h0) needs a number h0", column)
        return self.build.call(build, arguments, column)

    def arguments(self, children: list) -> list[sp.Expr]:
        return list(children)


# --- printing back ------------------------------------------------------------------------

_PRINTABLE_FUNCTIONS = {
    sp.exp: "exp",
    sp.log: "log",
    sp.sin: "sin",
    sp.cos: "cos",
    sp.tan: "tan",
    sp.sinh: "sinh",
    sp.cosh: "cosh",
    sp.tanh: "tanh",
    sigmoid: "sigmoid",
    relu: "relu",
    leaky_relu: "leaky_relu",
    sp.Abs: "abs",
    sp.sign: "sign",
    sp.Max: "max",
    sp.Min: "min",
    sp.Heaviside: "heaviside",
}

_PRINTABLE_ATOMS = (sp.Rational, sp.Float, sp.Symbol, sp.core.numbers.Exp1, sp.core.numbers.Pi)


class _PlainPrinter(StrPrinter):
    """SymPy's str printer already writes ``**``, ``/`` and ``sqrt``; rename the rest."""

    def _print_Exp1(self, expr) -> str:
        return "e"

    def _print_Mul(self, expr) -> str:
        """a*b/c/d: every denominator factor gets its own '/', because the grammar (like
        SymPy) would distribute a numeric coefficient over a sum in ``/(4*(x + y))``."""
        coefficient, rest = expr.as_coeff_Mul()
        sign = ""
        if coefficient.is_negative:
            sign, coefficient = "-", -coefficient
        if self._settings["order"] == "none":
            factors = list(sp.Mul.make_args(rest))
        else:
            factors = list(rest.as_ordered_factors())
        numerator: list[sp.Basic] = []
        denominator: list[sp.Basic] = []
        if isinstance(coefficient, sp.Rational):
            if coefficient.p != 1:
                numerator.append(sp.Integer(coefficient.p))
            if coefficient.q != 1:
                denominator.append(sp.Integer(coefficient.q))
        elif coefficient != 1:
            numerator.append(coefficient)
        for factor in factors:
            if factor is sp.S.One:
                continue
            if factor.is_Pow and factor.exp.is_Rational and factor.exp.is_negative:
                denominator.append(sp.Pow(factor.base, -factor.exp))
            else:
                numerator.append(factor)
        level = PRECEDENCE["Mul"]
        sums = [factor for factor in numerator if isinstance(factor, sp.Add)]
        if sums and (sign or coefficient != 1):
            # -1*(x + y)/x or 3*(x + y)/x/2 would read back distributed (-x - y, 3x + 3y):
            # write the other factors first and the sums last, -1/x*(x + y), which reads back
            # as the same Mul(-1, 1/x, x + y) (SymPy distributes a number over a lone sum only)
            plain = [factor for factor in numerator if not isinstance(factor, sp.Add)]
            numbers = [factor for factor in denominator if factor.is_Number]
            others = [factor for factor in denominator if not factor.is_Number]
            text = "*".join(self.parenthesize(factor, level) for factor in plain) or "1"
            for factor in others + numbers:
                text += "/" + self.parenthesize(factor, level, strict=True)
            for factor in sums:
                text += "*" + self.parenthesize(factor, level)
            return sign + text
        text = "*".join(self.parenthesize(factor, level) for factor in numerator) or "1"
        for factor in denominator:
            text += "/" + self.parenthesize(factor, level, strict=True)
        return sign + text

    def _print_Pi(self, expr) -> str:
        return "pi"

    def _print_Abs(self, expr) -> str:
        return f"abs({self._print(expr.args[0])})"

    def _print_Max(self, expr) -> str:
        return "max(" + ", ".join(self._print(arg) for arg in expr.args) + ")"

    def _print_Min(self, expr) -> str:
        return "min(" + ", ".join(self._print(arg) for arg in expr.args) + ")"

    def _print_Heaviside(self, expr) -> str:
        argument, at_zero = expr.args
        if at_zero == 0:
            return f"heaviside({self._print(argument)})"
        return f"heaviside({self._print(argument)}, {self._print(at_zero)})"


def to_plain(expr: sp.Basic, *, order: str | None = None) -> str:
    """Print ``expr`` in the plain syntax, so :func:`parse_expression` reads it back.

    Only the vocabulary of the grammar prints: numbers, symbols with valid non-reserved names,
    ``+ - * / **``, ``e``, ``pi`` and the listed functions; anything else (derivatives,
    Piecewise, ``I``, ∞, matrices, a symbol named ``e``) raises ValueError rather than printing
    text that would read back as something different.  Floats print as decimals and read back
    as exact rationals.  ``order="none"`` keeps SymPy's internal order of terms: the default
    sorting evaluates numeric terms, which can be very slow for pathological numbers.
    """
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.Add, sp.Mul, sp.Pow)):
            continue
        if isinstance(node, sp.Symbol):
            if not NAME_PATTERN.fullmatch(node.name) or node.name in RESERVED_NAMES:
                raise ValueError(f"symbol name {node.name!r} cannot be written in plain syntax")
            continue
        if isinstance(node, _PRINTABLE_ATOMS) and node.is_finite:
            continue
        if type(node) in _PRINTABLE_FUNCTIONS:
            continue
        raise ValueError(f"{type(node).__name__} cannot be written in plain syntax: {node}")
    return _PlainPrinter({"order": order}).doprint(expr)
