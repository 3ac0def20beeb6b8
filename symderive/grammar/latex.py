r"""A safe parser for the LaTeX subset lecture notes use for backpropagation mathematics.

It builds SymPy objects directly from tokens (never ``sympify``/``parse_latex``/``eval``), reports
unknown commands instead of guessing, and bounds its input (length, nesting depth, exponent and
factorial size), so a hostile note costs bounded time and memory.

Grammar (``expr`` is one side of an equation; relations are split off by the chain splitter)::

    expr     := term (("+" | "-" | "\pm") term)*
    term     := unary (("\cdot" | "\times" | "*" | "/" | <implicit>) unary)*
    unary    := ("-" | "+") unary | postfix
    postfix  := primary ("^" group | "_" group | "!" | "'" | "^\top" | "^T")*
    primary  := number | letter | greek | group | "\frac" g g | "\sqrt" ["[" n "]"] g
              | function argument | "\sum" limits term | "\prod" limits term
              | "|" expr "|" | "\|" expr "\|" | "\hat" g | "\mathbf" g | E "[" expr "]" | …

Documented rules that resolve the ambiguities of written mathematics:

* **Implicit multiplication** binds like ``\cdot`` (``2xy`` is 2·x·y, ``a/b \cdot c`` is
  (a/b)·c); an implicit product right after an inline ``/`` (``a/bc``) is not read.
* **Function arguments**: a delimited group right after the function name (``(…)``, ``{…}``,
  ``\left(…\right)``, ``\big(…\big)``) is the argument; otherwise the argument is the implicit
  product that follows, up to the next ``+ - \cdot \times * /`` or function name
  (``\log 2x`` is log(2x), ``\log x + 1`` is log(x) + 1, ``\log a \log b`` is log(a)·log(b),
  ``\sin x \cdot y`` is (sin x)·y); ``\sin x y`` (two varying factors set apart) is not read.
* **Two readings, not read**: ``a/bc``, ``1/2x`` (an inline slash before an implicit product),
  ``\frac{d}{dx} x^2 + 3x`` (an operator before an unparenthesised sum), ``A * B`` of matrices,
  Landau ``o(·)``/``O(·)``/``\Theta(·)``/``\Omega(·)``, a sum bound that is not an integer for
  every size (``\sqrt{n}``, ``n/2``; a numeric one is rounded inwards), units after a number.
* **Sums/products** take the following ``term`` as body (``\sum_i a_i b_i + c`` is
  (Σ a_i b_i) + c). ``\sum_i`` without limits runs over i = 1..n with the shared size symbol n.
* **Letters followed by "("**: f, g, h, F, G, H, J, L and any name the context declares as a
  function are applied; p and q are applied only to a single symbol (``p(x_i)`` is read as the
  probability p_i), so ``p(1-p)`` stays a product; every other letter multiplies.
* **Words**: a run of three or more letters must be a known name (log, exp, max, softmax, Var,
  minimize, …); an unknown word is an error, never a product of letters. Two letters multiply.
* ``e`` is Euler's number; ``\sigma(…)`` is the sigmoid, ``\sigma`` alone is the symbol sigma;
  ``W^T``/``W^\top`` is a transpose (``x^T`` on a plain name too, unless the note uses T as a
  number: :mod:`symderive.grammar.transpose`); ``x_i`` with a bound summation index is ``x[i]``.
* ``\frac{d}{dx} f``, ``\frac{df}{dx}``, ``\frac{\partial f}{\partial x}`` are unevaluated
  derivatives; ``\frac{d}{dx}`` applies to the following term.
* ``D f``, ``D_x f``, ``\nabla_x f``, ``\partial_x f`` differentiate the following term by the
  written variable, else by the chain's one variable (``LatexContext.variable``, found by
  :func:`symderive.grammar.operators.chain_variable`). ``f'``/``y'`` without an argument take
  the variable of the name's own definition (``f(x) = …`` → d/dx; ``y = x^3`` → d/dx only in a
  chain whose variable is x), an undefined name the chain's one variable when no definition
  links it to another; else not read. D is a name wherever the note defines, declares or uses
  it as one (``Let $D$ be the degree matrix``, ``L = D - A``): never the operator there.
* ``f^{(2)}(x)`` (a function name applied, a number) is a derivative; ``y^{(i)}``,
  ``\mathbf{W}^{(2)}``, ``b^*`` are labels/decorations, part of the name, never powers.
* ``\lim_{h \to 0}`` is a two-sided ``Limit``, ``\lim_{x \to 0^+}`` (``0^-``, ``+0``,
  ``\downarrow`` …) a one-sided one; ``\mathbb{1}(cond)`` is 1 where cond holds;
  ``a_1 + \cdots + a_n`` is Σ_{i=1}^{n} a_i, ``1 + 2 + \cdots + n`` is Σ_{i=1}^{n} i;
  ``\text{year}`` among mathematics is a name.
* ``\lfloor x \rfloor``, ``\lceil x \rceil``, ``\binom{n}{k}`` (integer names):
  :mod:`symderive.grammar.integer_parts`; arg max/min and ``\max_i`` are refused with their
  reason: :mod:`symderive.grammar.optimisation`.
* ``E[…]``/``\mathbb{E}[…]`` is the expectation and ``\operatorname{Var}(…)``/``Var(…)`` the
  variance (symderive.expectation); ``D_{KL}(P\|Q)`` is Σ_i p_i log(p_i/q_i);
  ``H(p)`` is not special (notes use H for many things).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixElement

from symderive.errors import ParseError, sympy_refusal
from symderive.expectation import E, Bias, Var
from symderive.functions import relu, sigmoid
from symderive.grammar import cases, entries, integer_parts, matrices, matrix_literals, operators
from symderive.grammar import optimisation
from symderive.grammar.units import UNITS
from symderive.grammar.build import (
    LIMITS,
    OSCILLATING,
    Condition,
    Construction,
    fails_at,
    oscillates_near,
    time_limit,
)

# one limit table for every channel (symderive.grammar.build.LIMITS)
MAX_LENGTH = LIMITS.length  # characters in one expression
MAX_DEPTH = LIMITS.depth  # nesting of groups, fractions, functions
MAX_EXPONENT = LIMITS.exponent  # |n| in a numeric power b^n
MAX_FACTORIAL = LIMITS.factorial

SIZE = sp.Symbol("n", integer=True, positive=True)  # the implicit bound of \sum_i

GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
    "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "varrho", "sigma",
    "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta",
    "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega", "ell", "nabla",
}  # fmt: skip
UNICODE_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "η": "eta",
    "θ": "theta", "λ": "lambda", "μ": "mu", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau",
    "φ": "phi", "ψ": "psi", "ω": "omega", "Σ": "Sigma",
}  # fmt: skip
UNICODE_OPERATORS = {"−": "-", "·": r"\cdot", "×": r"\times", "∂": r"\partial", "…": r"\dots"}

# elementary functions by name (backslash command or bare word)
ELEMENTARY = {
    "log": sp.log, "ln": sp.log, "exp": sp.exp, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan,
    "tanh": sp.tanh, "sinh": sp.sinh, "cosh": sp.cosh, "sigmoid": sigmoid, "relu": relu,
    "ReLU": relu, "sqrt": sp.sqrt, "abs": sp.Abs, "arcsin": sp.asin, "arccos": sp.acos,
    "arctan": sp.atan, "cot": sp.cot, "sec": sp.sec, "csc": sp.csc, "coth": sp.coth,
}  # fmt: skip
MULTI_ARGUMENT = {"max": sp.Max, "min": sp.Min}
SPACING = {",", ";", ":", "!", " ", "quad", "qquad", "space", "displaystyle", "textstyle",
           "limits", "nolimits", "nonumber", "notag"}  # fmt: skip
SIZING = {"big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
          "Biggl", "Biggr", "left", "right"}  # fmt: skip
SIZING_OPENERS = SIZING - {"bigr", "Bigr", "biggr", "Biggr", "right"}
# upright text in a subscript (L_{\text{MSE}}, x_{\textrm{max}}): a label, as \mathrm writes it
UPRIGHT_TEXT = {"text", "textrm", "textup", "mathrm"}
BOLD = {"mathbf", "boldsymbol", "bm", "vec", "mathrm", "mathit", "mathbfit", "pmb"}
DECORATION = {"hat": r"\hat", "tilde": r"\tilde", "bar": r"\bar", "overline": r"\bar",
              "widehat": r"\hat", "widetilde": r"\tilde"}  # fmt: skip
KNOWN_WORDS = set(ELEMENTARY) | set(MULTI_ARGUMENT) | {"Var", "softmax", "E", "Bias"}
FUNCTION_LETTERS = frozenset("fghFGHJLPI")
FUNCTION_GREEK = frozenset({"ell", "phi", "varphi", "psi", "Phi", "Psi"})
PROBABILITY_LETTERS = frozenset("pq")
# how ``P(Y=1 | X=x)``, read as one unknown value, is described; the notes checker samples a
# symbol read so in (0, 1) (round 40 J06)
OPAQUE_PROBABILITY = "a probability (an unknown value)"
# the complement of an event inside P(…): A^c, A^{C}, A^\complement, A^{\mathsf{c}}, \bar{A}
# (tokens joined without spaces; round 44 V01)
_EVENT = r"(?P<event>[A-Z](?:_(?:\{[A-Za-z0-9]\}|[A-Za-z0-9]))?)"
_MARK = r"(?:c|C|\\complement|\\math(?:sf|rm)\{c\})"
COMPLEMENT_MARK = re.compile(rf"{_EVENT}\^(?:{_MARK}|\{{{_MARK}\}})")
BARRED_EVENT = re.compile(rf"\\(?:bar|overline)(?P<brace>\{{)?{_EVENT}(?(brace)\}})")


def differential_refusal(written: str, upright: bool = False) -> str:
    """Why a differential outside an integral is not read (round 44 V04); a plain ``db`` may
    as well name a gradient (backpropagation notes), an upright ``\\mathrm{d}u`` may not."""
    gradient = "" if upright else " (or, in backpropagation notes, a gradient's name: db for ∂L/∂b)"
    return (f"{written} is a differential{gradient}: a relation between differentials "
            "(du = 2x dx, that is du/dx = 2x) is not read")
# names read as scalars before "(" unless the notes define them as functions: x(1-x) is a product
SCALAR_LETTERS = frozenset("abcdnmkrstuvwxyzijlo") | {
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "eta", "theta", "lambda", "mu",
    "nu", "rho", "tau", "omega", "kappa", "xi", "zeta", "sigma",
}  # fmt: skip
MATRIX_SIZE = sp.Symbol("size", integer=True, positive=True)  # shape of undeclared matrices
BOLD_MATRIX = {"mathbf", "boldsymbol", "bm", "pmb", "mathbfit"}
SUBSCRIPT_DERIVATIVE = frozenset("fgh")  # f_x is ∂f/∂x (only as a whole side, see below)
INDEX_LETTERS = frozenset("ijklm")  # \partial_i, D_i: an index into a list of variables
ELLIPSIS = frozenset({"cdots", "ldots", "dots"})
PROSE_WORDS = frozenset({"if", "for", "and", "or", "where", "otherwise", "when", "else", "with",
                         "then", "thus", "hence", "since", "so", "is", "of", "to", "in", "at",
                         "all", "any", "each", "every", "some", "st", "iff", "not"})  # fmt: skip
RELATION_COMMANDS = frozenset({"ge", "geq", "le", "leq", "neq", "ne", "lt", "gt"})
LANDAU = ("asymptotic notation (o(·), O(·), Θ(·), Ω(·)): a class of functions, each occurrence "
          "a different one, not a value (not read)")
# calligraphic letters read as names (a loss, cost or error): notes/ML texts' \mathcal{L}
CALLIGRAPHIC_NAMES = ("L", "J", "C", "E")
OPERATOR_NAMES = {"tr": "trace", "Tr": "trace", "trace": "trace", "det": "det", "sech": "sech",
                  "Cov": "Cov", "cov": "Cov"}  # fmt: skip

TOKEN = re.compile(
    r"(?P<space>\s+)"
    r"|(?P<command>\\[A-Za-z]+|\\[^A-Za-z])"
    r"|(?P<number>\d+(?:\.\d+)?|\.\d+)"
    r"|(?P<letter>[A-Za-z])"
    r"|(?P<symbol>[-+*/^_'!()\[\]{}|,.<>=:;&~])"
)


BARS = ("|", r"\vert", r"\lvert")  # a bar after a sizing command opens an absolute value
SYMMETRIC_BARS = ("|", r"\|", r"\Vert")  # the same token opens and closes: |a|b|c| is ambiguous
SIZED_BAR = "sized |"  # the closer of a bar opened by a sizing command (\left|, \big|)


@dataclass(frozen=True)
class Token:
    kind: str  # command, number, letter, symbol, end
    text: str
    column: int  # 1-based within the expression


@dataclass(frozen=True)
class LatexContext:
    """What the notes declared: matrix/vector shapes, function names, extra random symbols.

    ``shapes`` maps a symbol's LaTeX name (``W``, ``\\hat{f}``) to (rows, cols); such symbols
    become MatrixSymbols. ``functions`` are extra names applied to a following ``(…)``.
    """

    shapes: tuple[tuple[str, tuple], ...] = ()  # sizes may be symbols (MATRIX_SIZE)
    functions: frozenset[str] = field(default_factory=frozenset)
    scalars: frozenset[str] = field(default_factory=frozenset)  # never applied to "(…)"
    bold: frozenset[str] = field(default_factory=frozenset)  # plain A read as \mathbf{A}
    frobenius_2: bool = False  # ‖M‖_2 of a matrix is Frobenius (the note says so: matrices)
    binomial: bool = False  # the note speaks of binomial coefficients: (n k) may be n choose k
    # names the note defines as a vector or matrix (u = \begin{pmatrix} 1 \\ 2 \end{pmatrix}):
    # never an entry of a matrix written out (a block matrix, round 44 U05)
    vectors_defined: frozenset[str] = field(default_factory=frozenset)
    declared: tuple[tuple[str, tuple], ...] = ()  # shapes the prose gives (matrices module)
    # the chain's one differentiation variable (LaTeX text, symderive.grammar.operators):
    # what f', y', D f, \nabla f, \partial_i f differentiate by; "" when none is written
    variable: str = ""
    defined: frozenset[str] = field(default_factory=frozenset)  # names the notes define
    differentiated: frozenset[str] = field(default_factory=frozenset)  # f of the chain's df/dx
    # what a bare prime (y', f'') differentiates by, for names the notes define: a function
    # defined f(x) = … → its parameter x; a name defined y = … → the chain's variable only when
    # y's definition is in that variable alone; None → not read (symderive.grammar.operators)
    primes: tuple[tuple[str, str, object], ...] = ()  # (name, "function"|"name"|"unread", var)
    # the chain's variable is defined or defines another name (x = t^2): then a bare prime of
    # an undefined name could be by either, so it is not read
    variable_linked: bool = False
    # letters the note uses as names somewhere (D the degree matrix, R^D): never the
    # derivative operator anywhere in the note (symderive.grammar.operators.names_not_operators)
    names: frozenset[str] = field(default_factory=frozenset)
    # f the note labels f^{(1)}(x) = x, f^{(2)}(x) = x^2: f^{(k)}(x) there is not read
    labelled: frozenset[str] = field(default_factory=frozenset)
    # lower-case letters that are entries of a bold name in this chain (u_{ik} of
    # \mathbf{U}): (letter, LaTeX name) pairs (symderive.grammar.entries)
    entries: tuple[tuple[str, str], ...] = ()
    # x^t with a lower-case t (symderive.grammar.transpose.lower_t): names the prose calls
    # vectors, and whether t is used in the note's mathematics only as such a mark
    t_vectors: frozenset[str] = field(default_factory=frozenset)
    t_unused: bool = False
    # \Delta f, \nabla^2 f: (name, parameters of its Laplacian, or None: not read)
    # (symderive.notes.laplacian)
    laplacians: tuple = ()
    # names read as non-commuting symbols (symderive.notes.commuting: does a claim hold when
    # its letters are matrices or operators?)
    noncommuting: frozenset[str] = field(default_factory=frozenset)
    # the note's words speak of the trace: a bare ``tr a``, ``Tr(A)`` is the trace operator,
    # not t·r·a (round 40 J09, CS229's notes write tr without \operatorname)
    trace_named: bool = False
    # the note never uses d alone (symderive.notes.differentials): dZ_2 is one name (a
    # gradient), du outside an integral a differential, never d times Z_2 (round 44 V03, V04)
    d_marks_names: bool = False
    # the chain's Greek letters written as values, not only as a whole superscript, and the
    # labelled names it applies to names (d^{\beta} of d^\beta(s)): symderive.grammar.
    # superscript_labels, read by _Parser.superscript_label (round 40 J03)
    greek_values: frozenset[str] = field(default_factory=frozenset)
    applied_labels: frozenset[str] = field(default_factory=frozenset)
    # (name, letter) pairs an update rule of the note carries as iteration superscripts
    # (w^{k+1} = w^k - \eta g^k): w^{k+1}, w^k are the iterates w^{(k+1)}, w^{(k)} there
    # (symderive.notes.iteration_indices, round 44 T09)
    iterations: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    iterated: frozenset[str] = field(default_factory=frozenset)  # w of w^{k+1} = … itself
    # "Delta", "delta" where the note writes the sign alone ((\delta + r) h, \Delta = …):
    # there \delta h is δ·h, not an increment (symderive.notes.lone_increments, round 58 AW01)
    lone_increments: frozenset[str] = field(default_factory=frozenset)
    # "Delta t" where the note writes \Delta t = …: that increment stays a name beside a lone Δ
    increments_defined: frozenset[str] = field(default_factory=frozenset)

    def shape_of(self, name: str) -> tuple[int, int] | None:
        for known, shape in self.shapes:
            if known == name:
                return shape
        return None


def _plain_name(name: str) -> str:
    """``\\mathbf{w}`` → ``w``, ``theta`` → ``theta``: a parsed name without bold, as
    :func:`symderive.notes.iteration_indices.iteration_labels` spells an update rule's names."""
    return re.sub(r"^\\(?:mathbf|boldsymbol|bm|vec)\{(\w+)\}$", r"\1", name)


def tokenize(text: str, *, source: str = "<input>", line: int = 1) -> list[Token]:
    """Split LaTeX into tokens; Unicode minus, ·, ×, ∂ and Greek letters are normalised."""
    if len(text) > MAX_LENGTH:
        raise ParseError(
            f"expression longer than {MAX_LENGTH} characters", source=source, line=line
        )
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        character = text[position]
        if character in UNICODE_OPERATORS:
            replacement = UNICODE_OPERATORS[character]
            kind = "command" if replacement.startswith("\\") else "symbol"
            tokens.append(Token(kind, replacement, position + 1))
            position += 1
            continue
        if character in UNICODE_GREEK:
            tokens.append(Token("command", "\\" + UNICODE_GREEK[character], position + 1))
            position += 1
            continue
        if text.startswith("\\mid", position) and not text[position + 4 : position + 5].isalpha():
            tokens.append(Token("symbol", "|", position + 1))  # \mid is a bar, as | is
            position += 4
            continue
        if text.startswith("\\vert", position) and not text[position + 5 : position + 6].isalpha():
            tokens.append(Token("symbol", "|", position + 1))  # TeX's \vert is the glyph |
            position += 5
            continue
        match = TOKEN.match(text, position)
        if match is None:
            raise ParseError(
                f"unexpected character {character!r}", source=source, line=line,
                column=position + 1,
            )  # fmt: skip
        kind = match.lastgroup or "symbol"
        if kind == "number" and len(match.group()) > LIMITS.literal_digits:
            raise ParseError("number too long", source=source, line=line, column=position + 1)
        if kind != "space":
            tokens.append(Token(kind, match.group(), position + 1))
        position = match.end()
    tokens.append(Token("end", "", len(text) + 1))
    tokens = _digit_groups(tokens)
    if (apart := _written_apart(tokens)) is not None:
        raise ParseError(
            "numbers written side by side have two readings (TeX shows '2 3' as 23; "
            "2\\frac{1}{4} is 2¼ or 2·¼): write \\cdot for a product",
            source=source, line=line, column=apart.column)  # fmt: skip
    return tokens


SCRIPT_OR_COMMAND = ("^", "_")


def _written_apart(tokens: list[Token]) -> Token | None:
    r"""The first number that follows another number with only spaces between (``2 3``, which
    TeX shows as 23), outside ``1 048 576`` (digit groups, joined by :func:`_digit_groups`) and
    outside arguments (``x^2 3``, ``\frac 1 2``); or a digit before a numeric fraction
    (``2\frac{1}{4}``: the mixed number 2¼ or 2·¼). Both have two readings: not read."""
    for index in range(1, len(tokens)):
        token, before = tokens[index], tokens[index - 1]
        if token.kind == "number" and before.kind == "number":
            opener = tokens[index - 2] if index >= 2 else None
            if opener is None or (opener.text not in SCRIPT_OR_COMMAND
                                  and opener.kind != "command"):
                return token
        if (before.kind == "number" and token.text in (r"\frac", r"\tfrac", r"\dfrac")
                and [t.kind for t in tokens[index + 1:index + 7]]
                == ["symbol", "number", "symbol", "symbol", "number", "symbol"]
                and tokens[index + 1].text == "{" and tokens[index + 4].text == "{"):
            return token
    return None


def _digit_groups(tokens: list[Token]) -> list[Token]:
    r"""``1\,024`` (a thin space grouping digits, SI style) is the number 1024, never 1·024:
    an integer followed by ``\,`` (or ``\;``, ``~``) and exactly three digits is one number."""
    result: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if (
            token.kind == "number" and result and result[-1].kind == "number"
            and "." not in result[-1].text
            and re.fullmatch(r"\d{3}(?:\.\d+)?", token.text) is not None
            and index >= 1 and (tokens[index - 1].text in (r"\,", r"\;", "~") or (
                tokens[index - 1].kind == "number" and result[-1].text.isdigit()
                and (index < 2 or (tokens[index - 2].text not in SCRIPT_OR_COMMAND
                                   and tokens[index - 2].kind != "command"))))
        ):  # fmt: skip  # 1 048 576 (plain spaces, as TeX shows it: 11a F21)
            merged = result[-1].text + token.text
            result[-1] = Token("number", merged, result[-1].column)
            index += 1
            continue
        if token.text in (r"\,", r"\;", "~") and result and result[-1].kind == "number":
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and following.kind == "number" and re.fullmatch(
                r"\d{3}(?:\.\d+)?", following.text
            ):
                index += 1  # the separator itself is dropped; the group joins above
                continue
        following = tokens[index + 1 : index + 4]
        if (
            token.kind == "number" and len(following) >= 2 and following[0].text == "e"
            and following[0].kind == "letter"
            and following[0].column == token.column + len(token.text)
        ):  # fmt: skip
            # 2.5e3, 1e-3: E-notation (learning rates), not 2.5·e·3
            sign = following[1].text if following[1].text in ("-", "+") else ""
            digits = following[2] if sign and len(following) >= 3 else following[1]
            if (
                digits.kind == "number" and digits.text.isdigit()
                and following[1].column == following[0].column + 1
                and (not sign or digits.column == following[1].column + 1)
            ):  # fmt: skip
                result.append(Token("number", f"{token.text}e{sign}{digits.text}", token.column))
                index += 3 if sign else 2
                index += 1
                continue
        if token.text in (r"\text", r"\textrm", r"\operatorname") and [
            t.text for t in following
        ] == ["{", "d", "}"]:  # \text{d}x: the upright differential d, as \mathrm{d}
            token = Token("command", r"\mathrm", token.column)
        result.append(token)
        index += 1
    return result


class _Parser:
    """Recursive descent over the token list; see the module docstring for the rules."""

    def __init__(self, text: str, context: LatexContext, source: str, line: int):
        text = cases.text_columns(text)  # \begin{cases*}: its conditions written in text
        self.text = text
        self.context = context
        self.source = source
        self.line = line
        self.tokens = _unbraced_increments(_joined_lines(
            [t for t in tokenize(text, source=source, line=line) if not _spacing(t)]))
        self.position = 0
        self.depth = 0
        self.bound: list[sp.Symbol] = []  # summation indices in scope
        self.open_bars: list[str] = []  # closers of |…| and \|…\| being read
        self.last_factors: list[sp.Basic] = []  # the factors of the term read last
        self.build = Construction(source, line)  # guards and the natural domain
        self.readings: dict[str, str] = {}  # name -> how it was read, where not literal

    # -- token helpers -------------------------------------------------------------------
    @property
    def current(self) -> Token:
        return self.tokens[self.position]

    def peek(self, offset: int = 1) -> Token:
        return self.tokens[min(self.position + offset, len(self.tokens) - 1)]

    def advance(self) -> Token:
        token = self.current
        if token.kind != "end":
            self.position += 1
        return token

    def at(self, text: str) -> bool:
        return self.current.text == text and self.current.kind != "end"

    def accept(self, text: str) -> bool:
        if self.at(text):
            self.advance()
            return True
        return False

    def expect(self, text: str) -> Token:
        if not self.at(text):
            self.fail(f"expected {text!r}")
        return self.advance()

    def fail(self, message: str, token: Token | None = None) -> None:
        token = token or self.current
        found = "end of expression" if token.kind == "end" else repr(token.text)
        raise ParseError(
            f"{message} (found {found})", source=self.source, line=self.line, column=token.column
        )

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.fail(f"nesting deeper than {MAX_DEPTH}")

    def leave(self) -> None:
        self.depth -= 1

    # -- grammar -------------------------------------------------------------------------
    def parse(self) -> sp.Basic:
        if self.current.kind == "end":
            self.fail("empty expression")
        result = self.expr()
        if self.current.kind != "end":
            self.fail("unexpected token")
        return integer_parts.integer_names(result)

    def expr(self) -> sp.Basic:
        self.enter()
        result = self.term()
        terms = [result]  # the written terms, for a_1 + a_2 + \cdots + a_n
        while True:
            if self.evaluation_bar():
                result = self.evaluated(result, terms[:-1] + self.last_factors[:-1])
                terms = [result]
            elif self.accept("+"):
                if self.current.kind == "command" and self.current.text[1:] in ELLIPSIS:
                    ellipsis = self.advance()
                    if not self.accept("+"):
                        self.fail("an infinite series or a list written with an ellipsis "
                                  "(not read)", ellipsis)  # fmt: skip
                    last = self.term()
                    result = self.written_sum(terms, last, ellipsis)
                    terms = [result]
                    continue
                term = self.term()
                terms.append(term)
                result = self.add(result, term)
            elif self.accept("-"):
                term = self.negate(self.term())
                terms.append(term)  # with its sign: a_1 - a_2 + \cdots is no Σ a_i
                result = self.add(result, term)
            else:
                break
        escaped = _escaped_index(terms)
        if escaped:
            self.fail(f"the summation index {escaped} is used after the sum's body (does the "
                      "sum run over the following terms too?): write parentheses (not read)")
        self.leave()
        return result

    def written_sum(self, terms: list, last: sp.Basic, ellipsis: Token) -> sp.Basic:
        r"""``\beta_1x_1 + \cdots + \beta_nx_n`` is Σ_{i=1}^{n} β_i x_i: the terms written
        before the ellipsis must be the general term at 1, 2, … and the last one at n (the
        names' subscripts 1, 2, …, n); anything else is not read."""
        family = _subscript_family(last)
        if family is None:
            return self.counted_sum(terms, last, ellipsis)
        bound, bases = family
        used = {piece for term in terms + [last] for symbol in term.atoms(sp.Symbol)
                for piece in str(symbol).split("_")}  # fmt: skip
        index = next(sp.Symbol(name, integer=True) for name in ("i", "j", "k", "r")
                     if name not in used)  # fmt: skip
        general = last.xreplace({sp.Symbol(f"{b}_{bound}"): sp.IndexedBase(b)[index]
                                 for b in bases})  # fmt: skip
        run = 0
        for length in range(len(terms), 0, -1):  # the written run ends right before the ellipsis
            expected = [general.xreplace({index: sp.Integer(k)}) for k in range(1, length + 1)]
            if [_indexed_names(t) for t in terms[-length:]] == [
                _indexed_names(e) for e in expected
            ]:
                run = length
                break
        if run == 0:
            self.fail("the terms before the ellipsis, with their written signs, are not the "
                      "general term at 1, 2, … (not read)", ellipsis)  # fmt: skip
        before = terms[: len(terms) - run]
        sum_ = self.build.big_operator("sum", general, index, sp.Integer(1),
                                       sp.Symbol(str(bound)), column=ellipsis.column)  # fmt: skip
        self.readings.setdefault(r"\cdots", "a written sum: the general term from 1 to "
                                 f"{bound}")  # fmt: skip
        return self.build.add([*before, sum_]) if before else sum_

    def counted_sum(self, terms: list, last: sp.Basic, ellipsis: Token) -> sp.Basic:
        r"""``1 + 2 + \cdots + n``, ``1 + 3 + 5 + \cdots + (2n - 1)``, ``1 + x + x^2 + \cdots
        + x^n``: the last term is the general term at its one new name n (a name no earlier
        term writes), and at least the two terms written before the ellipsis must be that
        term at s, s + 1, … for exactly one start s in {0, 1}; then it is Σ_{i=s}^{n}.
        Anything else (a numeric last term, two new names, two starts) is not read."""
        not_read = "the terms around the ellipsis are not one indexed family (not read)"
        before_names = {s for term in terms for s in term.free_symbols}
        new = [s for s in last.free_symbols if isinstance(s, sp.Symbol) and s not in before_names
               and "_" not in s.name]  # fmt: skip
        if len(new) != 1 or len(terms) < 2 or any(
            isinstance(t, sp.MatrixExpr) or t.has(sp.Sum, sp.Product, sp.Integral, sp.Limit)
            for t in [*terms, last]
        ):
            self.fail(not_read, ellipsis)
        bound = new[0]
        used = {str(s) for term in [*terms, last] for s in term.free_symbols}
        index = next(sp.Symbol(name, integer=True) for name in ("i", "j", "k", "r", "q")
                     if name not in used)  # fmt: skip
        general = last.xreplace({bound: index})
        starts = []
        for start in (0, 1):
            for run in range(len(terms), 1, -1):  # the run ends right before the ellipsis
                written = terms[-run:]
                if all(sp.simplify(general.xreplace({index: sp.Integer(start + k)}) - term) == 0
                       for k, term in enumerate(written)):  # fmt: skip
                    starts.append((start, run))
                    break
        longest = [found for found in starts if found[1] == max(r for _, r in starts)]
        if len(longest) != 1:  # 1 + x + x^2 + … + x^n: from 0 (three terms), not 1 + Σ_1
            self.fail(not_read if not starts else "the terms before the ellipsis fit the last "
                      "term from 0 and from 1: two readings (not read)", ellipsis)  # fmt: skip
        if self.at("+") or self.at("-"):  # 1 + 2 + … + n + 1: up to n + 1, or (Σ_1^n i) + 1?
            self.fail(f"a term after the last term {sp.sstr(last)} of a written sum: part of "
                      "the last term or a further term — two readings (write parentheses)")
        start, run = longest[0]
        before = terms[: len(terms) - run]
        sum_ = self.build.big_operator("sum", general, index, sp.Integer(start),
                                       sp.Symbol(str(bound)), column=ellipsis.column)  # fmt: skip
        self.readings.setdefault(r"\cdots", f"a written sum: the last term at {bound} is the "
                                 f"general term, from {start} to {bound}")  # fmt: skip
        return self.build.add([*before, sum_]) if before else sum_

    def term(self) -> sp.Basic:
        result = self.unary()
        factors = [result]  # as written, for an evaluation bar after the term
        while True:
            if self.at(r"\cdot") or self.at(r"\times") or self.at("*"):
                star = self.advance().text == "*"
                factor = self.unary()
                if star and isinstance(result, sp.MatrixExpr) and isinstance(factor, sp.MatrixExpr):
                    self.fail("A * B between matrices: the elementwise product, a convolution or "
                              "the matrix product — three readings (ambiguous notation, not "
                              "read)")  # fmt: skip
                factors.append(factor)
                result = self.build.multiply([result, factor])
            elif self.at("/"):
                self.advance()
                factors.append(self.unary())
                result = self.build.divide(result, factors[-1])
                if self.starts_factor():
                    self.fail("a/bc written inline: (a/b)·c or a/(bc) — two readings (ambiguous "
                              "notation, not read): write \\frac")  # fmt: skip
            elif self.starts_factor():
                factors.append(self.postfix())
                result = self.build.multiply([result, factors[-1]])
            else:
                break
        self.last_factors = factors
        return result

    # -- evaluation bars: \frac{d}{dx} x^2 \Big|_{x=1}, \left. … \right|_{x=1} -----------------
    def evaluation_bar(self) -> int:
        """The number of tokens of an evaluation bar here (``|``, ``\\vert``, or a sizing
        command before one, then ``_``), 0 if none. A ``|`` that closes an open ``|x|`` is not
        one; ``\\right|`` belongs to ``\\left.`` (:meth:`delimited`)."""
        offset = 0
        if self.current.kind == "command" and self.current.text[1:] in SIZING - {"left", "right"}:
            offset = 1
        bar = self.peek(offset) if offset else self.current
        if bar.text not in ("|", r"\vert", r"\rvert") or self.peek(offset + 1).text != "_":
            return 0
        if "|" in self.open_bars:
            return 0
        return offset + 1

    def evaluated(self, value: sp.Basic, outside: list) -> sp.Basic:
        """``value`` at the point the bar's subscript gives (``_{x = 1}``, ``_{x=1, y=2}``),
        as ``Subs``; the bar's tokens are consumed. The bar evaluates everything before it in
        its group; when a term or factor before the last one uses the variable too (``x
        \\frac{d}{dx} x^2 \\Big|_{x=1}``), what it evaluates is ambiguous: not read."""
        for _ in range(self.evaluation_bar()):
            self.advance()
        names, values = self.evaluation_point()
        if any(part.has(name) for part in outside for name in names):
            self.fail("an evaluation bar after several terms or factors that use its variable: "
                      "whether it evaluates the last one or all of them is ambiguous (not read)")
        if isinstance(value, sp.MatrixBase) or getattr(value, "is_Matrix", False):
            self.fail("an evaluation bar on a matrix (not read)")
        self.domain_at_point(dict(zip(names, values)))
        return sp.Subs(value, names, values)

    def domain_at_point(self, point: dict) -> None:
        r"""The natural domain of what a bar evaluates, at its point: ``\left. \frac{x}{x}
        \right|_{x=0}`` is undefined as written (SymPy cancelled x/x to 1 while building;
        round 17 F26); a requirement that may hold stays, in the point's terms."""
        conditions = self.build.conditions
        for position, condition in enumerate(conditions):
            if not condition.expr.free_symbols & set(point):
                continue
            if fails_at(condition.kind, condition.expr, point):
                shown = ", ".join(f"{name} = {sp.sstr(value)}" for name, value in point.items())
                self.fail(f"undefined at {shown} as written: {condition.value_text(point)}")
            conditions[position] = Condition(condition.kind, condition.expr.xreplace(point),
                                             condition.why)

    def evaluation_point(self) -> tuple[tuple, tuple]:
        """``_{x = 1}`` or ``_{x = 1, y = 2}`` after an evaluation bar: (names, values)."""
        start = self.expect("_")
        if not self.at("{"):
            self.fail("an evaluation bar needs its point written as _{x = value} (not read)")
        self.advance()
        names: list = []
        values: list = []
        while True:
            name = self.postfix_no_power()
            if not isinstance(name, sp.Symbol) or name in names:
                self.fail("the point of an evaluation bar must name a variable", start)
            if not self.accept("="):
                self.fail("an evaluation bar without '=' (a difference between two limits, "
                          "F(b) - F(a), is not read)", start)  # fmt: skip
            names.append(name)
            values.append(self.expr())
            if not self.accept(","):
                break
        self.expect("}")
        if self.at("^"):
            self.fail("an evaluation bar with an upper limit (a difference F(b) - F(a)) is not "
                      "read")  # fmt: skip
        return tuple(names), tuple(values)

    def unary(self) -> sp.Basic:
        if self.accept("-"):
            return self.negate(self.unary())
        if self.accept("+"):
            return self.unary()
        return self.postfix()

    def starts_factor(self) -> bool:
        token = self.current
        if self.evaluation_bar():
            return False
        if token.kind in ("number", "letter"):
            return True
        if token.kind == "symbol":
            return token.text in ("(", "{", "[") or (
                token.text == "|" and "|" not in self.open_bars
            )
        if token.kind == "command":
            name = token.text[1:]
            if name in ("cdot", "times", "right", "rVert", "rvert", "pm", "mp", "}", "choose",
                        "rangle") or (
                name in ELLIPSIS or name in RELATION_COMMANDS or token.text in integer_parts.CLOSERS
            ):
                return False
            if token.text in self.open_bars:
                return False
            if name in SIZING:
                if self.open_bars and self.open_bars[-1] == SIZED_BAR and self.peek().text in (
                        BARS + (r"\rvert",)):
                    return False  # \big| closing a \big| … bar
                return self.peek().text in ("(", "[", r"\{", "|", r"\|", r"\lVert", r"\lvert",
                                            r"\langle", *integer_parts.FLOOR_BRACKETS)
            return True
        return False

    def starts_function(self) -> bool:
        token = self.current
        if token.kind == "command":
            name = token.text[1:]
            return (
                name in ELEMENTARY
                or name in MULTI_ARGUMENT
                or name
                in (
                    "sum",
                    "prod",
                    "operatorname",
                    "mathbb",
                    "frac",
                    "sigma",
                )
            )
        if token.kind == "letter":
            return self.word_at() is not None
        return False

    def calligraphic(self, token) -> sp.Basic:
        r"""``\mathcal{L}``, ``\mathcal{J}``, ``\mathcal{C}``, ``\mathcal{E}``: a loss, cost or
        error, a name of its own (not L: a note may write both). Any other calligraphic letter
        names a distribution (``\mathcal{N}``), a set or a class (``\mathcal{D}``,
        ``\mathcal{X}``, ``\mathcal{H}``), which is not a value: not read."""
        letters = [self.peek(k).text for k in range(3)]
        if self.peek(0).kind == "letter":  # \mathcal L: the one letter after it, unbraced
            letters = ["{", letters[0], "}"]
            width = 1
        else:
            width = 3
        if letters[0] != "{" or letters[2] != "}" or letters[1] not in CALLIGRAPHIC_NAMES:
            self.fail("\\mathcal{…} other than a loss or cost (\\mathcal{L}, \\mathcal{J}, "
                      "\\mathcal{C}, \\mathcal{E}): a distribution, a set or a class, not a "
                      "value (not read)", token)
        self.position += width
        name = f"\\mathcal{{{letters[1]}}}"
        self.readings.setdefault(name, "a name of its own (a loss or cost), not the letter "
                                 f"{letters[1]}")
        return self.symbol_with_scripts(name)

    def postfix(self) -> sp.Basic:
        result = self.primary()
        return self.postfix_operators(result)

    def postfix_operators(self, result: sp.Basic) -> sp.Basic:
        result = self.layer_label(result)  # matrix hook
        raised = False  # a superscript was just written on this base
        while True:
            if self.at("^"):
                if raised:  # TeX stops at "Double superscript" (round 14b F6: 2^3^2 = 64)
                    self.fail("a^b^c: a double superscript, which TeX rejects; a^{b^c} or "
                              "{a^b}^c — two readings (not read)")
                raised = True
                self.advance()
                if self.at(r"\top") or (self.at("T") and isinstance(result, sp.MatrixExpr)):
                    self.advance()
                    result = _transpose(result)
                    continue
                spelled = self.letter_t_transpose(result)  # x^T, x^{T}, x^\mathrm{T}
                if spelled:
                    self.position += spelled
                    result = _transpose(result)
                    continue
                if self.at(r"\intercal") or (
                    self.at(r"\mathsf") and self.peek(2).text == "T" and self.peek(3).text == "}"
                ):  # W^\intercal, W^\mathsf{T}
                    self.position += 1 if self.at(r"\intercal") else 4
                    result = _transpose(result)
                    continue
                if self.at("{") and self.peek().text in (r"\top", "T") and self.peek(2).text == "}":
                    if self.peek().text == r"\top" or isinstance(result, sp.MatrixExpr):
                        self.position += 3
                        result = _transpose(result)
                        continue
                if self.at("{") and self.peek().text == "[" and isinstance(
                    result, (sp.Symbol, sp.MatrixSymbol)
                ):  # W^{[l]}, a^{[l-1]}: the layer of a name (Ng's notation), round 15 F15
                    result = self.bracketed_superscript(result)
                    continue
                if (self.at("{") and self.peek().text == "(" or self.at("(")) and isinstance(
                    result, (sp.Symbol, sp.MatrixSymbol)
                ):  # x^{(i)}, f^{(2)}(x) on a name; e^{(x+1)}, 2^{(n)} are powers
                    if not self.single_parenthesised(result):
                        self.fail("a^{(l-1)} on a name: a label or a power — two readings "
                                  "(operator notation, not read)")  # fmt: skip
                    result = self.parenthesised_superscript(result)
                    continue
                if self.at("*") or self.at(r"\ast") or self.at(r"\star") or (
                    self.at("{") and self.peek().text in ("*", r"\ast", r"\star")
                    and self.peek(2).text == "}"
                ):  # fmt: skip
                    self.position += 3 if self.at("{") else 1
                    result = self.starred(result)
                    continue
                iterate = self.iteration_label(result)
                if iterate is not None:  # w^{k+1}, w^k of an update rule (round 44 T09)
                    result = iterate
                    continue
                labelled = self.superscript_label(result)
                if labelled is not None:  # V^\theta(s), Q^\pi(s, a): round 40 J03, J04
                    result = labelled
                    continue
                if self.lower_t_two_readings(result):
                    self.fail(f"{result}^t: the transpose of {result} (written with a lower-case "
                              f"t) or {result} to the power t — two readings (not read)")
                exponent = self.script()
                if self.variance_of_random_variable(result, exponent):
                    self.readings.setdefault("sigma^2", "σ²(X): the variance of the random "
                                             "variable X, Var(X)")
                    result = self.postfix_operators(Var(self.function_argument()))
                    continue
                if (
                    isinstance(result, sp.Symbol) and reads_as_function(result.name)
                    and self.at_parenthesis()
                ):  # fmt: skip
                    self.fail("f^{-1}(x), f^2(x): a power of a function is operator notation "
                              "(not read)")  # fmt: skip
                if isinstance(result, sp.MatrixExpr) and (
                    isinstance(exponent, sp.MatrixExpr)
                    or (matrices.is_vector(result) and not exponent.is_Integer)
                ):
                    self.fail(matrices.MULTI_INDEX_POWER)  # matrix hook: \mathbf{p}^\mathbf{z}
                result = self.power(result, exponent)
            elif self.at("_") and isinstance(result, (sp.Symbol, sp.Indexed)):
                self.fail("subscript on a compound expression is not supported")
            elif self.at("_") and isinstance(result, sp.MatrixExpr) and not isinstance(
                result, sp.MatrixSymbol
            ):  # entries hook: [\mathbf{U}\mathbf{V}]_{ib}
                text, _parts = self.subscript_text()
                result = entries.bracket_entry(result, text, self.bound, self.fail)
            elif self.at("!"):
                token = self.advance()
                if self.at("!"):  # 5!! and 5! ! look alike in print: both the double factorial
                    self.advance()  # 5!! = 5·3·1, the double factorial, never (5!)! (11a F23)
                    result = self.build.factorial(result, token.column, double=True)
                else:
                    result = self.build.factorial(result, token.column)
            elif self.at("'"):
                self.fail("primes (f') are not supported: write \\frac{d}{dx}")
            else:
                return result

    def letter_t_transpose(self, base: sp.Basic) -> int:
        r"""How many tokens after ``^`` spell a transpose with the letter T (``T``, ``{T}``,
        ``\mathrm{T}``, ``{\mathrm{T}}``, ``\mathsf{T}``), 0 when none does or T is a power.

        On a matrix T is always the transpose. On a name that is not (yet) a matrix, T is the
        transpose too — ``\theta^T x``, ``v v^T`` are inner and outer products in every ML
        text — unless the note uses T as a number elsewhere (``\sum_{t=1}^{T}``, ``\gamma^T``
        beside ``t = 1, \dots, T``: :data:`LatexContext.names`). A transposed plain name is
        then refused as ``x^\top`` is (declare it a vector); a transposed compound scalar
        (``(a + b)^T``) is a transpose or a power of T — two readings, not read."""
        texts = [self.peek(k).text for k in range(6)]
        kinds = [self.peek(k).kind for k in range(6)]
        upright = (r"\mathrm", r"\mathsf", r"\text", r"\textrm", r"\rm")
        spelled = 0
        if texts[0] == "T" and kinds[0] == "letter":
            spelled = 1
        elif texts[:3] == ["{", "T", "}"]:
            spelled = 3
        elif texts[0] in upright and texts[1:4] == ["{", "T", "}"]:
            spelled = 4
        elif texts[0] in upright and texts[1] == "T":
            spelled = 2
        elif texts[0] == "{" and texts[1] in upright and texts[2:6] == ["{", "T", "}", "}"]:
            spelled = 6
        if not spelled:
            return 0
        if isinstance(base, sp.MatrixExpr):
            return spelled
        if "T" in self.context.names or not isinstance(base, sp.Basic) or not base.free_symbols:
            return 0  # T is a number of the note (a horizon, a count), or 2^T: a power
        if not isinstance(base, sp.Symbol):
            self.fail("^T on a scalar expression: its transpose or a power of T — two readings "
                      "(ambiguous notation, not read)")  # fmt: skip
        return spelled

    def variance_of_random_variable(self, base: sp.Basic, exponent: sp.Basic) -> bool:
        r"""``\sigma^2(X + Y)``, ``\sigma^2(aX)`` (the parser just past the exponent): σ² applied
        to random variables — capital letters with numbers and lower-case factors, no power or
        command inside and no power after — is their variance, as ``\operatorname{Var}(X + Y)``
        is, never σ² times a sum (round 44 T08: σ²(X + Y) = σ²(X) + σ²(Y) was proved).
        ``\sigma^2(x + 1)``, ``\sigma^2 (X^\top X)^{-1}`` stay a number times a group."""
        if base != sp.Symbol("sigma") or exponent != 2 or not self.at("("):
            return False
        inside = [token for _, token in self.group_ahead()]
        if not any(token.kind == "letter" and token.text.isupper() for token in inside):
            return False
        if any(token.kind == "command" or token.text not in "+-" and token.kind == "symbol"
               for token in inside):  # fmt: skip
            return False
        return self.peek(len(inside) + 2).text != "^"

    def iteration_label(self, base: sp.Basic) -> sp.Basic | None:
        r"""``w^{k+1}``, ``w^k``, ``g^{k-1}`` (the parser just past ``^``) where an update rule
        of the note carries the name with the letter k as its iteration: the iterate named
        ``w^{(k+1)}``, as ``w^{(k+1)}`` would be, never a power (round 44 T09). None otherwise."""
        if not isinstance(base, (sp.Symbol, sp.MatrixSymbol)) or not self.context.iterations:
            return None
        if self.at("0") or (self.at("{") and self.peek().text == "0" and self.peek(2).text == "}"):
            return self.initial_iterate(base)  # w^0: the starting point, never w to the 0th
        if self.current.kind == "letter":
            letter, label, width = self.current.text, self.current.text, 1
        elif self.at("{") and self.peek().kind == "letter" and self.peek(2).text == "}":
            letter, label, width = self.peek().text, self.peek().text, 3
        elif (self.at("{") and self.peek().kind == "letter" and self.peek(2).text in "+-"
              and self.peek(3).kind == "number" and self.peek(4).text == "}"):
            letter, width = self.peek().text, 5
            label = letter + self.peek(2).text + self.peek(3).text
        else:
            return None
        if (_plain_name(base.name), letter) not in self.context.iterations:
            return None
        self.position += width
        return self.iterate(base, label)

    def initial_iterate(self, base: sp.Basic) -> sp.Basic | None:
        """``w^0``, ``w^{0}`` of a name an update rule iterates: the iterate w^{(0)}."""
        if not any(name == _plain_name(base.name) for name, _ in self.context.iterations):
            return None
        self.position += 1 if self.at("0") else 3
        return self.iterate(base, "0")

    def iterate(self, base: sp.Basic, label: str) -> sp.Basic:
        """The iterate of ``base`` at step ``label``: the name ``w^{(k+1)}``."""
        name = f"{base.name}^{{({label})}}"
        self.readings.setdefault(name, f"the iterate at step {label} (an update rule of the "
                                 "note counts iterations by this superscript)")
        if isinstance(base, sp.MatrixSymbol):
            return sp.MatrixSymbol(name, *base.shape)
        return self.make_symbol(name)

    def superscript_label(self, base: sp.Basic) -> sp.Basic | None:
        r"""``V^\theta(s)``, ``d^\beta(s)``, ``Q^\pi(s, a)``, ``J^\theta`` (the parser just past
        ``^``): a Greek letter written only as this whole superscript in the expression labels
        the name (the value function of the policy θ), as ``h_\theta(x)`` does — never a power
        times a product (round 40 J03, J04). Applied to parentheses the labelled name is a
        function when it is a function's name (a capital, f, g, h …, a Greek letter, one the
        note defines) or its parentheses hold only names (``d^\beta(s)``); a power when a power
        follows the parentheses (``x^\alpha(1-x)^\beta``); otherwise two readings, not read.
        Not applied, a function's name with such a label (``J^\theta``) is two readings too;
        ``x^\alpha`` stays a power. None: read the superscript as a power."""
        spelled = self.greek_superscript()
        if not spelled or not isinstance(base, sp.Symbol) or "^" in base.name:
            return None
        label = (self.current if spelled == 1 else self.peek()).text
        if base in self.bound or label in self.context.greek_values or not (
                self.only_whole_superscript(label)):
            return None
        if base.name in self.context.scalars or base.name == self.context.variable.strip():
            return None  # x^\alpha(y) where x is what ∂/∂x differentiates by: a power (43 S03)
        shown = f"{base.name}^{{{label}}}"
        function_name = (base.name[:1].isupper() or reads_as_function(base.name)
                         or base.name in self.context.functions or base.name in GREEK)
        applied = self.at_parenthesis(spelled)
        if not applied:
            if function_name:
                self.fail(f"{shown}: {base.name} labelled by {label} (a quantity of {label}) or "
                          f"{base.name} to the power {label} — two readings (not read)")
            return None
        close = self.group_end(spelled)
        if close is None or self.peek(close + 1).text == "^":
            return None  # x^\alpha(1-x)^\beta: a product of powers
        if not (function_name or shown in self.context.applied_labels
                or self.only_names(spelled, close)):
            self.fail(f"{shown}(…): a function labelled by {label} applied, or {base.name} to "
                      f"the power {label} multiplied by the parentheses — two readings (not read)")
        self.position += spelled
        arguments = self.arguments()
        self.readings.setdefault(shown, f"a function labelled by {label} (a superscript label, "
                                 "as h_θ(x)), unknown")
        return sp.Function(shown)(*arguments)

    def greek_superscript(self) -> int:
        r"""How many tokens spell a single Greek letter as the superscript: ``\theta`` 1,
        ``{\theta}`` 3, else 0."""
        def greek(token: Token) -> bool:
            return token.kind == "command" and token.text[1:] in GREEK - {"nabla"}
        if greek(self.current):
            return 1
        if self.at("{") and greek(self.peek()) and self.peek(2).text == "}":
            return 3
        return 0

    def only_whole_superscript(self, label: str) -> bool:
        r"""Whether ``label`` stands in the expression only as a whole superscript (``^\theta``,
        ``^{\theta}``), never as a value (``\alpha x^{\alpha - 1}``, ``x^{\alpha+\beta}``)."""
        tokens = self.tokens
        for index, token in enumerate(tokens):
            if token.text != label:
                continue
            before = [tokens[k].text for k in range(max(index - 2, 0), index)]
            after = tokens[index + 1].text if index + 1 < len(tokens) else ""
            if before[-1:] == ["^"] or (before == ["^", "{"] and after == "}"):
                continue
            return False
        return True

    def group_end(self, offset: int) -> int | None:
        r"""The offset of the ``)`` closing the parenthesis that opens at ``offset`` (after a
        ``\left``), None when it never closes."""
        depth = 0
        while True:
            token = self.peek(offset)
            if token.kind == "end":
                return None
            if token.text in ("(", "[", "{"):
                depth += 1
            elif token.text in (")", "]", "}"):
                depth -= 1
                if depth == 0:
                    return offset
            offset += 1

    def only_names(self, start: int, close: int) -> bool:
        r"""The parentheses from ``start`` to ``close`` hold only names (``(s)``, ``(s, a)``,
        ``(s_{t+1})``, ``(\mathbf{x})``): the arguments of a function, not a factor."""
        depth, previous = 0, ""
        for offset in range(start, close):
            token = self.peek(offset)
            if token.text in ("(", "[", "{"):
                depth += 1
            elif token.text in (")", "]", "}"):
                depth -= 1
            elif depth == 1 and not (
                token.kind == "letter" or token.text in (",", "_", "'", r"\left", r"\right")
                or (token.kind == "command" and token.text[1:] in GREEK | BOLD)
                or (token.kind == "number" and previous == "_")
            ):
                return False
            previous = token.text
        return True

    def lower_t_two_readings(self, base: sp.Basic) -> bool:
        r"""Whether ``^t`` / ``^{t}`` (after the ``^``) on the name ``base`` is a transpose as
        much as a power: the prose calls the name a vector (``w^t x`` beside *the weight vector
        $w$*), or t is used nowhere else in the note and a factor follows (``u^t v``, the shape
        of an inner product) — round 7, R13."""
        if not isinstance(base, sp.Symbol):
            return False
        spelled = 1 if self.at("t") and self.current.kind == "letter" else (
            3 if self.at("{") and self.peek().text == "t" and self.peek(2).text == "}" else 0)
        if not spelled:
            return False
        if base.name in self.context.t_vectors:
            return True
        after = self.peek(spelled)
        factor = after.kind == "letter" or after.text in (
            "(", r"\left", r"\mathbf", r"\boldsymbol", r"\bm", r"\cdot") or (
            after.kind == "command" and after.text[1:] in GREEK)
        return self.context.t_unused and factor

    def power(self, base: sp.Basic, exponent: sp.Basic) -> sp.Basic:
        return self.build.power(base, exponent, self.current.column)

    def add(self, left: sp.Basic, right: sp.Basic) -> sp.Basic:
        if isinstance(left, sp.MatrixExpr) != isinstance(right, sp.MatrixExpr):
            left, right = matrices.as_scalar(left), matrices.as_scalar(right)  # xᵀw + b
        if isinstance(left, sp.MatrixExpr) or isinstance(right, sp.MatrixExpr):
            return left + right
        return self.build.add([left, right])

    def negate(self, value: sp.Basic) -> sp.Basic:
        if isinstance(value, sp.MatrixExpr):
            return -value
        return self.build.negate(value)

    def script(self, bound: bool = False) -> sp.Basic:
        """The argument of ^ or _: a braced group or a single token (``bound``: of a sum, a
        product or an integral)."""
        if self.at("{"):
            return self.group()
        token = self.current
        if token.kind == "number":
            self.advance()
            # x^23 in LaTeX is x^2 3
            if len(token.text) > 1 and "." not in token.text:
                self.tokens.insert(self.position, Token("number", token.text[1:], token.column + 1))
                return sp.Integer(token.text[0])
            return self.build.number(token.text, token.column)
        if token.kind == "letter" and self.peek().text in ("(", r"\left"):
            return self.script_letter(token, bound)
        if token.kind == "letter" or token.kind == "command":
            return self.primary()
        if token.text == "-":
            self.advance()
            return self.negate(self.script())
        self.fail("expected an exponent")
        raise AssertionError  # unreachable

    def script_letter(self, token: Token, bound: bool) -> sp.Basic:
        r"""A letter alone as the argument of ^ or _ before a parenthesis. TeX's ``^N`` takes
        the one token N: ``\sum_{n=1}^N (y_n - t_n)^2`` sums the parenthesis up to N and
        ``x^N (a + 1)`` is x^N times (a + 1), never N applied to a + 1 (round 57: a note's MSE
        was not read, so its gradients were skipped). In an exponent a letter read as a
        function (``e^f(x)``: e^{f(x)} meant, e^f times (x) typeset) is two readings; a bound
        of a sum, product or integral is always the letter."""
        if not bound and (token.text in self.context.functions or reads_as_function(token.text)):
            self.fail(f"^{token.text}(…): {token.text} applied to the parenthesis in the "
                      f"exponent, or ^{token.text} times the parenthesis as TeX sets it — two "
                      f"readings (not read); write ^{{{token.text}(…)}}", token)
        self.advance()
        if token.text == "e" and "e" not in self.context.defined:
            return self.build.constant("e")
        return self.make_symbol(token.text)

    def group(self) -> sp.Basic:
        opener = self.expect("{")
        if self.at("}"):
            self.fail("empty group")
        inner = self.choose(self.expr(), opener)
        self.expect("}")
        return inner

    def choose(self, upper: sp.Basic, opener: Token) -> sp.Basic:
        r"""``{n \choose k}``: the binomial coefficient (braces only); else ``upper``."""
        if not self.at(r"\choose"):
            return upper
        token = self.advance()
        if opener.text != "{":
            self.fail(r"\choose outside braces: write {n \choose k} or \binom{n}{k}", token)
        lower = self.expr()
        return integer_parts.binomial(self, upper, lower, token)

    def delimited(self) -> sp.Basic | None:
        """A delimited group ( … ), [ … ], { … }, \\left( … \\right), \\big( … \\big)."""
        sized = False
        if self.at(r"\left") and self.peek().text == ".":  # \left. … \right|_{x=1}
            self.advance()
            self.advance()
            inner = self.expr()
            self.expect(r"\right")
            if self.accept("."):  # \left. x \right.: invisible delimiters, a plain group
                return inner
            if self.current.text not in ("|", r"\vert", r"\rvert") or self.peek().text != "_":
                self.fail(r"expected an evaluation bar \right|_{x = value} after \left.")
            self.advance()
            return self.evaluated(inner, [])
        if self.current.kind == "command" and self.current.text[1:] in SIZING:
            sized = True
            self.advance()
        opener = self.current.text
        closers = {"(": ")", "[": "]", "{": "}", r"\{": r"\}"}
        if sized and opener in BARS:  # \left| |x| - 1 \right|, \big| … \big| (round 9b L12)
            self.advance()
            return self.absolute(SIZED_BAR)
        if sized and opener in integer_parts.FLOOR_BRACKETS:  # \left\lfloor … \right\rfloor
            return integer_parts.floor_or_ceiling(self, self.advance())
        if sized and opener == r"\langle":  # \left\langle u, v \right\rangle
            return self.inner_product(self.advance())
        if opener not in closers:
            if sized:
                self.fail("expected a delimiter after a sizing command")
            return None
        opening = self.advance()
        inner = self.choose(self.expr(), opening)
        if self.at(","):  # [e^1, e^{-2}, e^0], (r_x, r_y, r_z), x(a, b) for a scalar x
            self.fail("a list or tuple of values (an elementwise claim or a dependence "
                      "x(a, b)) is not read")  # fmt: skip
        if self.current.kind == "command" and self.current.text[1:] in SIZING:
            self.advance()
        self.expect(closers[opener])
        return inner

    def inner_product(self, token: Token) -> sp.Basic:
        r"""``\langle u, v \rangle`` (the parser just past ``\langle``): the inner product of two
        vectors or matrices of one shape, ``tr(uᵀv)`` — ``uᵀv`` for vectors, the Frobenius
        product for matrices. Names with no shape are refused (⟨x, y⟩ of two numbers is xy,
        of two vectors it is not: which one the note means is not known)."""
        left = self.expr()
        if not self.accept(","):
            self.fail(r"expected ',' in \langle u, v \rangle (⟨u|v⟩ and other brackets are "
                      "not read)", token)
        right = self.expr()
        if self.current.kind == "command" and self.current.text[1:] in SIZING:
            self.advance()
        self.expect(r"\rangle")
        if not (isinstance(left, sp.MatrixExpr) and isinstance(right, sp.MatrixExpr)):
            self.fail(r"\langle u, v \rangle of names with no shape (a product of numbers or "
                      "an inner product of vectors: declare them with 'assume u vector N')",
                      token)
        if tuple(left.shape) != tuple(right.shape):
            self.fail(r"\langle u, v \rangle of two different shapes", token)
        self.readings.setdefault(r"\langle u, v \rangle", "the inner product tr(uᵀv)")
        return sp.Trace(_transpose(left) * right)

    def arguments(self) -> list[sp.Basic]:
        """( a, b, … ) for functions of several arguments."""
        sized = self.current.kind == "command" and self.current.text[1:] in SIZING
        if sized:
            self.advance()
        opener = self.current.text
        closers = {"(": ")", "[": "]", "{": "}"}
        if opener not in closers:
            self.fail("expected '(' after a function of several arguments")
        self.advance()
        values = [self.expr()]
        while self.accept(","):
            values.append(self.expr())
        if self.current.kind == "command" and self.current.text[1:] in SIZING:
            self.advance()
        self.expect(closers[opener])
        return values

    def scalar_argument(self) -> sp.Basic:
        """The argument of exp, log, σ …: a 1×1 matrix (``\\mathbf{w}^\\top\\mathbf{x}``) is its
        entry, a number (matrix hook)."""
        return matrices.as_scalar(self.function_argument())

    def function_argument(self) -> sp.Basic:
        """A delimited group, else the implicit product that follows (documented rule)."""
        if self.at("^"):  # \log^2 x is (log x)^2: handled by caller
            self.fail("powers of functions before the argument are not supported")
        if (
            self.at("(")
            or self.at("{")
            or self.at("[")
            or (
                self.current.kind == "command"
                and self.current.text[1:] in SIZING
                and self.peek().text in ("(", "[", r"\{")
            )
        ):
            argument = self.delimited()
            assert argument is not None
            return argument
        if not self.starts_factor():
            self.fail("a function without an argument")
        self.enter()
        argument = self.bare_argument()
        self.leave()
        return argument

    def bare_argument(self) -> sp.Basic:
        r"""The argument of ``\sin x``, ``\ln 2``, ``\det \mathbf{A}`` written without
        parentheses: the implicit product that follows, up to the next explicit operator
        (``\cdot``, ``\times``, ``*``, ``/``, ``+``, ``-``) or function name, so
        ``\sin x \cdot y`` is (sin x)·y and ``\sin x / \cos x`` is tan x (ISO 80000-2).
        ``\sin 2x``, ``\sin \pi x``, ``\log xy`` (constants first, or letters written
        together) take the whole product; ``\sin x y`` (two factors that vary, written apart)
        or ``\sin x \, 2`` (a factor set apart after one that varies) is sin(xy) or
        (sin x)·y — two readings, not read."""
        start = self.position
        factors = [self.unary()]
        separated = False  # a factor that varies, written apart from a varying one before it
        while self.starts_factor() and not self.starts_function():
            first = self.current
            before = self.tokens[self.position - 1]
            factor = self.postfix()
            if any(_varies(f) for f in factors) and first.column != before.column + len(
                before.text
            ):  # x y, x \, 2: a factor set apart after one that varies
                separated = True
            factors.append(factor)
        if separated:
            written = " ".join(t.text for t in self.tokens[start : self.position])
            self.fail(f"a function applied to '{written}' without parentheses: to the whole "
                      "product or to its first factor only — two readings (ambiguous "
                      "notation, not read)", self.tokens[start])  # fmt: skip
        self.refuse_tight_slash(start)
        return self.build.multiply(factors) if len(factors) > 1 else factors[0]

    def refuse_tight_slash(self, start: int) -> None:
        r"""``\tan x/2`` written tight against its argument is the half-angle tan(x/2) in most
        notes (``\tan x/2 = \frac{1 - \cos x}{\sin x}``) and (tan x)/2 by ISO 80000-2: two
        readings, not read (round 44 U10; it was refuted as (tan x)/2).  Spaced apart,
        ``\sin x / 2`` stays (sin x)/2, like ``\sin x / \cos x``."""
        if not self.at("/") or self.position == 0:
            return
        slash, before, after = self.current, self.tokens[self.position - 1], self.peek()
        if (slash.column == before.column + len(before.text) and after.kind == "number"
                and after.column == slash.column + 1):
            written = " ".join(t.text for t in self.tokens[start : self.position])
            self.fail(f"a function applied to '{written}/{after.text}' without parentheses: "
                      f"to '{written}/{after.text}' or to '{written}' divided by {after.text} "
                      "— two readings (write parentheses; not read)", self.tokens[start])

    def primary(self) -> sp.Basic:
        self.enter()
        try:
            return self._primary()
        finally:
            self.leave()

    def _primary(self) -> sp.Basic:
        token = self.current
        if token.kind == "number":
            self.advance()
            return self.build.number(token.text, token.column)
        if token.kind == "letter":
            return self.letter_or_word()
        if token.kind == "symbol":
            if token.text in ("(", "[", "{"):
                inner = self.delimited()
                assert inner is not None
                return inner
            if token.text == "|":
                self.advance()
                return self.absolute("|")
            self.fail("unexpected symbol")
        if token.kind == "command":
            return self.command()
        self.fail("unexpected end of expression")
        raise AssertionError

    def absolute(self, closer: str, norm: bool = False) -> sp.Basic:
        r"""|x| (closer '|') or the Euclidean norm \|x\|; the opener is already consumed."""
        self.open_bars.append(closer)
        try:
            inner = self.expr()
        finally:
            self.open_bars.pop()
        if closer == SIZED_BAR:  # the bar opened by a sizing command closes with one
            if not (self.current.kind == "command" and self.current.text[1:] in SIZING):
                self.fail(r"expected a sized bar (\right|) to close a sized bar (\left|)")
            self.advance()
            if self.current.text not in BARS + (r"\rvert",):
                self.fail(r"expected a bar after the sizing command closing \left|")
            self.advance()
        else:
            if self.current.kind == "command" and self.current.text[1:] in SIZING:
                self.advance()
            self.expect(closer)
            if closer in SYMMETRIC_BARS and self.bar_may_open():
                bar = closer
                self.fail(f"{bar}a{bar}b{bar}c{bar}: the bar after the first term may close it "
                          f"or open a bar inside it ({bar}a{bar}·b·{bar}c{bar} or "
                          f"{bar}a·{bar}b{bar}·c{bar}) — two readings (not read)")
        if norm and isinstance(inner, sp.MatrixExpr):  # --- matrix hook: norms ---
            subscript = self.norm_subscript()
            if subscript == "2" and self.context.frobenius_2 and not matrices.is_vector(inner):
                self.readings.setdefault("\\|·\\|_2", "Frobenius norm of a matrix (the note writes "
                                         "it as the sum of squared entries)")  # fmt: skip
            return matrices.norm(inner, subscript, self.fail, self.context.frobenius_2)
        if norm and self.at("_"):  # \|x\|_2 of a name not declared a vector
            self.fail(f"\\|{sp.sstr(inner)}\\|_… of names the note does not declare vectors "
                      "(\\mathbf{x}, x \\in \\mathbb{R}^n): a p-norm of a number or of a vector? "
                      "(not read)")  # fmt: skip
        if isinstance(inner, sp.MatrixExpr):  # matrix hook: |wᵀx| is a number; |x|, |A| not read
            inner = matrices.as_scalar(inner)
            if isinstance(inner, sp.MatrixExpr):
                self.fail(matrices.BARS_OF_AN_ARRAY)
        return sp.Abs(inner)

    def bar_may_open(self) -> bool:
        r"""Whether the bar just read as a closer could as well open a bar: it is followed at once
        by a factor (``|a|b|c|``, ``|x| y |z|``) and two more bars of its kind follow in the same
        group, the first of them after an operand, so ``|a·|b|·c|`` parses too (round 11a L5).
        ``|a| b + |c|`` is one reading: ``|b + |`` closes nothing."""
        bar = self.tokens[self.position - 1].text
        if self.at(bar) or not self.starts_factor():
            return False
        depth, bars = 0, 0
        for index in range(self.position, len(self.tokens)):
            token = self.tokens[index]
            if token.text in ("(", "[", "{", r"\left"):
                depth += 1
            elif token.text in (")", "]", "}", r"\right"):
                depth -= 1
                if depth < 0:
                    break
            elif depth == 0 and token.text == bar:
                before = self.tokens[index - 1]
                if bars == 0 and not (before.kind in ("number", "letter")
                                      or before.text in (")", "]", "}", "!", "'")):
                    return False  # the next bar opens: it cannot close a bar after the first term
                bars += 1
        return bars >= 2

    def norm_subscript(self) -> str:
        r"""The subscript written after ``\|X\|`` (``2``, ``F``, ``\textrm{F}``), or ''."""
        if not self.at("_"):
            return ""
        self.advance()
        if self.current.kind in ("number", "letter"):
            return self.advance().text
        if self.current.kind == "command" and self.peek().text == "{":
            name = self.advance().text[1:]
            return f"{name}{{{self.braced_word()}}}"
        if self.at("{"):
            return self.braced_word()
        self.fail("expected the subscript of a norm")
        raise AssertionError

    def layer_label(self, result: sp.Basic) -> sp.Basic:
        r"""``\mathbf{W}^{(1)}`` on a matrix or vector: a label, part of the name (matrix hook)."""
        if not (isinstance(result, sp.MatrixSymbol) and self.at("^") and self.peek().text == "{"
                and self.peek(2).text == "(" ):  # fmt: skip
            return result
        close = 3
        while self.peek(close).kind in ("letter", "number") and close < 8:
            close += 1
        if close == 3 or self.peek(close).text != ")" or self.peek(close + 1).text != "}":
            return result
        label = "".join(self.peek(k).text for k in range(3, close))
        if label in {str(index) for index in self.bound}:
            self.fail(f"{result.name}^{{({label})}} inside a sum over {label} is the {label}-th "
                      "example, a different matrix for each term: not read")  # fmt: skip
        self.position += close + 2
        return matrices.labelled(result, label, self.context.shape_of)

    # -- letters and words ----------------------------------------------------------------
    def word_at(self) -> str | None:
        """The known word starting at the current letter, if any (longest match)."""
        letters = ""
        offset = 0
        while self.peek(offset).kind == "letter" and offset < 12 and self.adjacent(offset):
            letters += self.peek(offset).text
            offset += 1
        for length in range(len(letters), 1, -1):
            if letters[:length] in KNOWN_WORDS or letters[:length] in ("minimize", "maximize"):
                return letters[:length]
        return None

    def letter_run(self) -> str:
        """The letters written together from here (``x y z`` spaced apart are three letters,
        a product, never the word xyz)."""
        letters = ""
        offset = 0
        while self.peek(offset).kind == "letter" and self.adjacent(offset):
            letters += self.peek(offset).text
            offset += 1
        return letters

    def bare_trace(self, run: str) -> bool:
        """``tr a``, ``Tr(A)`` written without ``\\operatorname`` in a note whose words name the
        trace: the trace of what follows (round 40 J09)."""
        if not self.context.trace_named or run not in ("tr", "Tr"):
            return False
        following = self.peek(2)
        return following.kind in ("letter", "command") or following.text in ("(", "{")

    def adjacent(self, offset: int) -> bool:
        return offset == 0 or self.peek(offset).column == self.peek(offset - 1).column + 1

    def letter_or_word(self) -> sp.Basic:
        start = self.current
        word = self.word_at()
        if word == "E" or (word is None and start.text == "E" and self.peek().text == "["):
            word = None
        if word is not None:
            run = self.letter_run()
            if len(run) > len(word) and self.peek(len(run)).text in ("(", r"\left"):
                # sinc(x), cosine(x), logit(p): a longer word applied, never sin(c·x) (round
                # 60 BC02: sin(πt/T)/(πt/T) = sinc(t/T) was refuted as sin(c·t/T))
                self.fail(f"{run}(…): a function named by a word the note does not define: its "
                          "meaning is unknown (not read)")
            for _ in word:
                self.advance()
            return self.named_function(word, start)
        run = self.letter_run()
        if self.bare_trace(run):
            self.advance()
            self.advance()
            return self.operator("trace", start)
        if optimisation.is_arg_word(run):
            optimisation.refuse_arg(self, run, start)
        if len(run) >= 3:
            self.fail(f"unknown word {run!r} (write \\operatorname{{{run}}} only for known names)")
        if start.text == "d" and self.d_against_a_name():
            return self.marked_by_d(start)
        letter = self.advance().text
        if letter == "E" and (self.at("[") or self.at("(") or self.at_sized_bracket()):
            self.readings["E"] = "expectation operator"
            return self.expectation_bracket()
        if letter == "e" and not self.at("_") and "e" not in self.context.defined and not (
            "e" in self.context.functions
            and self.at_parenthesis()
        ):  # a note that defines e (e = y - wx) or the function e(x) = -x: a name there
            return self.build.constant("e")
        if letter == "D" and self.at("_"):
            subscript_text = self.peek_group_text()
            if subscript_text in ("KL", "{KL}", "{\\mathrm{KL}}", "{\\text{KL}}"):
                self.skip_script()
                return self.kl_divergence()
        if letter == "D" and self.reads_as_operator("D"):
            return self.derivative_operator("D", start)
        if letter in SUBSCRIPT_DERIVATIVE and self.at("_") and start.column == 1:
            derivative = self.subscript_derivative(letter)
            if derivative is not None:
                return derivative
        return self.symbol_with_scripts(letter)

    def d_against_a_name(self) -> bool:
        """``dZ_2``, ``du``: a d written against a letter in a note that never uses d alone."""
        following = self.peek()
        unbraced = self.position > 0 and self.tokens[self.position - 1].text in (
            r"\frac", r"\dfrac", r"\tfrac")  # \frac dx: TeX's d over x, one token each
        return (self.context.d_marks_names and following.kind == "letter" and not unbraced
                and following.column == self.current.column + 1)

    def marked_by_d(self, start: Token) -> sp.Basic:
        """``dZ_2`` (d against a capital) is one name, the gradient ∂L/∂Z_2 as backpropagation
        notes write it; ``du``, ``dx`` (d against a lower-case letter, outside an integral or a
        derivative fraction) is a differential: a relation between differentials (du = 2x dx,
        that is du/dx = 2x) is not read (round 44 V03, V04)."""
        named = self.peek().text
        if not named.isupper():
            self.fail(differential_refusal(f"d{named}"), start)
        self.advance()
        self.advance()
        symbol = self.symbol_with_scripts(f"d{named}")
        written = symbol.name if isinstance(symbol, sp.Symbol) else f"d{named}"
        self.readings.setdefault(written, f"one name (the gradient of the loss with respect to "
                                          f"{written[1:]}, as backpropagation notes write it)")
        return symbol

    def peek_group_text(self) -> str:
        """Raw text of the subscript group after '_' (without consuming)."""
        if self.peek().text == "{":
            depth, offset, parts = 0, 1, []
            while True:
                token = self.peek(offset)
                if token.kind == "end":
                    return ""
                if token.text == "{":
                    depth += 1
                elif token.text == "}":
                    depth -= 1
                    if depth == 0:
                        parts.append("}")
                        return "".join(parts)
                parts.append(token.text)
                offset += 1
        return self.peek().text + self.peek(2).text if self.peek(2).kind == "letter" else ""

    def skip_script(self) -> None:
        self.expect("_")
        if self.at("{"):
            depth = 0
            while True:
                token = self.advance()
                if token.text == "{":
                    depth += 1
                elif token.text == "}":
                    depth -= 1
                    if depth == 0:
                        return
                elif token.kind == "end":
                    self.fail("unterminated subscript")
        else:
            self.advance()
            if self.current.kind == "letter":
                self.advance()

    def subscript_text(self) -> tuple[str, list[Token]]:
        """Read the subscript after '_' as a name fragment (letters, digits, commas)."""
        self.expect("_")
        if self.at("{"):
            self.advance()
            parts: list[Token] = []
            depth = 1
            while True:
                token = self.current
                if token.kind == "end":
                    self.fail("unterminated subscript")
                if token.text == "{":
                    depth += 1
                elif token.text == "}":
                    depth -= 1
                    if depth == 0:
                        self.advance()
                        break
                parts.append(token)
                self.advance()
            allowed = [t for t in parts if t.text not in ("{", "}")]
            label = _upright_label(parts)
            if label:  # L_{\text{MSE}} is L_{\mathrm{MSE}}: one label, whichever font wrote it
                return label, allowed
            for t in allowed:
                if t.kind == "command" and t.text[1:] not in GREEK and t.text[1:] not in BOLD:
                    self.fail("unsupported subscript", t)
                if t.kind == "symbol" and t.text not in (",", "+", "-"):
                    self.fail("unsupported subscript", t)
            return "".join(_plain(t) for t in allowed), allowed
        token = self.advance()
        if token.kind not in ("letter", "number") and not (
            token.kind == "command" and token.text[1:] in GREEK
        ):
            self.fail("unsupported subscript", token)
        if token.kind == "number" and len(token.text) > 1:
            # x_12 in LaTeX is x_1 2
            self.tokens.insert(self.position, Token("number", token.text[1:], token.column + 1))
            return token.text[0], [Token("number", token.text[0], token.column)]
        return _plain(token), [token]

    def symbol_with_scripts(self, name: str) -> sp.Basic:
        """A named symbol, its subscript (a name part or a bound index) and what follows."""
        nested = entries.nested_subscript(self.peek, name)  # entries hook: f_{y_i}
        if nested is not None:
            self.position += 6
            self.readings.setdefault(f"{name}_{{..}}", f"the entry of {name} at the index "
                                     f"{nested.indices[0]} (a label, an integer)")  # fmt: skip
            return self.after_symbol(nested, name)
        bracketed = self.bracketed_index(name)  # x[i]: the entry x_i (round 11a F25)
        if bracketed or self.at("_"):
            text, parts = (bracketed, []) if bracketed else self.subscript_text()
            entry = entries.linked_entry(name, text, self.context.entries, self.make_symbol,
                                         self.bound, self.readings)  # entries hook
            if entry is not None:
                return self.after_symbol(entry, name)
            bound_names = {str(index): index for index in self.bound}
            # y_{ti} with bound i → y_t[i];  p_i → p[i];  W_{i,j} → W[i, j]
            pieces = [p for p in text.split(",") if p]
            if (
                pieces
                and all(piece in bound_names or piece.isdigit() for piece in pieces)
                and (any(piece in bound_names for piece in pieces))
            ):
                indices = [
                    bound_names[piece] if piece in bound_names else sp.Integer(piece)
                    for piece in pieces
                ]
                return self.after_symbol(sp.IndexedBase(name)[tuple(indices)], name)
            if len(text) > 1 and all(letter in bound_names for letter in text):
                # y_{nk} inside sums over n and k: the entry y[n, k] of one 2-D family, as
                # y_{n,k} is, never the row y_n[k] whose label hides the summed n (round 58 AX01)
                indices = tuple(bound_names[letter] for letter in text)
                return self.after_symbol(sp.IndexedBase(name)[indices], name)
            computed = re.fullmatch(r"(?:[2-9]|\d{2,})|.*[+\-]", text[:-1])  # x_{2i}, x_{3-i}
            if len(text) > 1 and text[-1] in bound_names and "," not in text and not computed:
                base = sp.IndexedBase(f"{name}_{text[:-1]}")
                return self.after_symbol(base[bound_names[text[-1]]], name)
            name = f"{name}_{text}"
        return self.after_symbol(self.make_symbol(name), name)

    def bracketed_index(self, name: str) -> str:
        """``x[i]`` with ``i`` a summation index in scope, ``x[2]``: the index of an entry
        written in brackets right after a plain letter (consumed), read as ``x_i``; "" for
        anything else (``k[x + 1]`` stays a product)."""
        letter, opening = self.tokens[self.position - 1], self.current
        inside, closing = self.peek(1), self.peek(2)
        if not (len(name) == 1 and name.isalpha() and letter.text == name
                and opening.text == "[" and opening.column == letter.column + 1
                and closing.text == "]"):  # fmt: skip
            return ""
        bound = {str(index) for index in self.bound}
        if not ((inside.kind == "letter" and inside.text in bound) or (
                inside.kind == "number" and re.fullmatch(r"[1-9]", inside.text))):
            return ""
        self.position += 3
        return inside.text

    def make_symbol(self, name: str) -> sp.Basic:
        shape = self.context.shape_of(name)
        if shape is not None:
            return sp.MatrixSymbol(name, *shape)
        if name in self.context.bold and self.context.shape_of(name) is None:
            name = f"\\mathbf{{{name}}}"  # the note also writes it bold: the same matrix
        if name.startswith("\\mathbf{") and name.endswith("}"):
            inner = name[len("\\mathbf{") : name.index("}")]
            columns = MATRIX_SIZE if inner[:1].isupper() else 1
            kind = "matrix" if columns != 1 else "vector"
            self.readings[name] = f"{kind} of size {MATRIX_SIZE}" + (
                f"×{MATRIX_SIZE}" if columns != 1 else ""
            ) + " (bold; shapes checked at instantiated sizes)"
            return sp.MatrixSymbol(name, MATRIX_SIZE, columns)
        for index in self.bound:
            if str(index) == name:
                return index
        if name in self.context.noncommuting:
            return sp.Symbol(name, commutative=False)
        return sp.Symbol(name)

    def after_symbol(self, symbol: sp.Basic, letter: str) -> sp.Basic:
        """Function application for f(…), p(x_i) → p_i, else the symbol itself.

        ``name(…)`` is an application unless the name is known to be a scalar: declared so,
        or a letter in :data:`SCALAR_LETTERS` that the notes never define as a function
        (``x(1 - x)`` is a product, ``h_\\theta(x)``, ``\\ell(\\theta)``, ``P(x)`` are applied)."""
        if self.at("'") and isinstance(symbol, sp.Symbol):
            return self.primed(symbol.name)
        if (
            self.at("[") and isinstance(symbol, sp.Symbol) and symbol.name in ("H", "I", "L")
        ):  # H[P], I[X]: a functional applied to its argument
            arguments = self.arguments()
            self.readings.setdefault(symbol.name, "unknown functional (applied with [ ])")
            return sp.Function(symbol.name)(*arguments)
        if isinstance(symbol, sp.Symbol) and self.sized_landau_ahead(symbol.name):
            self.fail(LANDAU)  # O\Big(x^2\Big), o\bigl(…\bigr), O[x^2] (round 7, R11)
        if not self.at_parenthesis():
            return symbol
        if not isinstance(symbol, sp.Symbol):
            return symbol
        name = symbol.name
        base = _base_letter(name)
        if self.landau_ahead(name):
            self.fail(LANDAU)
        if base in ("P", "Pr") and self.conditional_probability_ahead():
            return self.opaque_probability(name)
        if base in ("P", "Pr") and name not in self.context.defined:
            complement = self.complemented_event_ahead()
            if complement:  # P(A^c) = 1 - P(A), never P at A to the power c (round 44 V01)
                return self.complement_probability(name, complement)
        applies = name in self.context.functions or (
            name not in self.context.scalars
            and (base in FUNCTION_LETTERS or base in FUNCTION_GREEK
                 or (base not in SCALAR_LETTERS and base not in PROBABILITY_LETTERS))
        )  # fmt: skip
        if name in PROBABILITY_LETTERS or (name[:1] in PROBABILITY_LETTERS and "_" in name):
            saved = self.position
            arguments = self.arguments()
            single = len(arguments) == 1 and isinstance(arguments[0], (sp.Symbol, sp.Indexed))
            if single:
                argument = arguments[0]
                if isinstance(argument, sp.Indexed):
                    return sp.IndexedBase(name)[argument.indices]
                return sp.Function(name)(argument)
            if name in self.context.functions:  # Let $q(x) = x + 1$: q(0) is q at 0, not q·0
                return sp.Function(name)(*arguments)
            self.position = saved
            return symbol
        if base == "l" and name not in self.context.scalars and self.several_arguments_ahead():
            applies = True  # l(\mathbf{y}, \hat{\mathbf{y}}): the loss (as \ell) of a pair
        if self.decorated_at_one_letter(name):
            applies = True  # \hat{y}(x): the prediction at x (round 38 C07)
        if applies and name not in self.context.functions and self.holds_itself_ahead(name):
            applies = False  # N(N+1), K(K-1): a count times a count, not N at N+1
            self.readings.setdefault(name, "number (it appears inside its own parentheses), "
                                     "so name(…) is a product")
        if not applies:
            if base not in SCALAR_LETTERS:
                self.readings.setdefault(name, "scalar (declared), so name(…) is a product")
            return symbol
        arguments = self.arguments()
        if name not in self.context.functions:
            self.readings.setdefault(name, f"unknown function of {len(arguments)} argument(s)")
        return sp.Function(name)(*arguments)

    def holds_itself_ahead(self, name: str) -> bool:
        """``N(N+1)``, ``T(T-1)``, ``K(K^2-1)``: a one-letter name not known as a function whose
        parentheses hold the name itself as a value (neither applied nor subscripted) is a number
        times a number, as in the sum of the first N integers; ``f(f(x))`` stays a composition."""
        if len(name) != 1 or name in FUNCTION_LETTERS:
            return False
        inside = [token for _, token in self.group_ahead()]
        return any(token.kind == "letter" and token.text == name
                   and (index + 1 == len(inside) or inside[index + 1].text not in ("(", "_"))
                   for index, token in enumerate(inside))  # fmt: skip

    def landau_ahead(self, name: str) -> bool:
        r"""``o(x^2)``, ``O(h)``, ``\Theta(n)``, ``\Omega(n)`` (the current token is the
        opening parenthesis): a class of functions, unless the note defines or declares the
        name (``\Omega(\theta)`` a regulariser); ``o(1 - o)`` with o inside is a product."""
        if not self.landau_name(name):
            return False
        if name != "o":
            return True
        return not any(token.kind == "letter" and token.text == "o"
                       for _, token in self.group_ahead())  # fmt: skip

    def landau_name(self, name: str) -> bool:
        """``o``, ``O``, ``\\Theta``, ``\\Omega`` as Landau's symbols: the note neither defines nor
        declares the name (``\\Omega(\\theta)`` a regulariser, ``o`` an output)."""
        context = self.context
        return name in ("o", "O", "Theta", "Omega") and not (
            name in context.functions or name in context.defined or name in context.scalars)

    def sized_landau_ahead(self, name: str) -> bool:
        r"""``O\Big(``, ``o\bigl(``, ``O[``: Landau's symbol with a sized or square bracket (the
        plain parenthesis is :meth:`landau_ahead`), unless the note defines or declares it."""
        if not self.landau_name(name):
            return False
        sized = self.current.kind == "command" and self.current.text[1:] in SIZING - {
            "left", "right"} and self.peek().text in ("(", "[")  # fmt: skip
        return sized or (self.at("[") and name == "O")

    def decorated_at_one_letter(self, name: str) -> bool:
        r"""``\hat{y}(x)``, ``\tilde{u}(t)``, ``\bar{y}(x_0)``: a decorated name (an estimate, a
        mean, an approximation) followed by one letter in parentheses is that quantity at the
        letter, as a prediction ŷ(x) is (round 38 C07), unless the note declares, defines or
        otherwise writes it as a value. A product ŷ·x is not written with the x alone in
        parentheses; ``\bar{x}(1 - \bar{x})`` holds more than one letter and stays a product."""
        if not name.startswith(tuple(DECORATION.values())) or (
            name in self.context.scalars or name in self.context.defined
        ):  # fmt: skip
            return False
        offset = 1 if self.at("(") else 2
        if self.peek(offset).kind != "letter":
            return False
        offset += 1
        if self.peek(offset).text == "_":  # x_0, x_{i}
            offset += 1
            if self.peek(offset).text == "{":
                offset += 2
                if self.peek(offset).text != "}":
                    return False
            elif self.peek(offset).kind not in ("letter", "number"):
                return False
            offset += 1
        closing = self.peek(offset).text
        return closing == ")" or (closing == r"\right" and self.peek(offset + 1).text == ")")

    def several_arguments_ahead(self) -> bool:
        """``(a, b)`` follows: a comma at the top level of the parentheses (``l(y, \\hat{y})``
        is the loss of a pair, as ``\\ell(y, \\hat{y})``; ``x(a, b)`` stays refused)."""
        offset = 1 if self.at("(") else 2
        depth = 0
        while offset < 400:
            token = self.peek(offset)
            if token.kind == "end":
                return False
            if token.text in ("(", "[", "{") or token.text == r"\left":
                depth += 1
            elif token.text in (")", "]", "}") or token.text == r"\right":
                if depth == 0:
                    return False
                depth -= 1
            elif token.text == "," and depth == 0:
                return True
            offset += 1
        return False

    def primed(self, name: str) -> sp.Basic:
        """``f'(x)``, ``f''(x)``: derivatives of the function f, at x (or at a point)."""
        order = 0
        while self.accept("'"):
            order += 1
        if order > LIMITS.derivative_order:
            self.fail(f"derivative order must be at most {LIMITS.derivative_order}")
        if not self.at_parenthesis():
            whole = re.fullmatch(r"\s*\\?[A-Za-z]+(?:_\{?[^{}']*\}?)?\s*'+\s*", self.text)
            if not whole:  # f' g' beside f(g(x)): at which point? only a whole side y' is read
                self.fail("primes (f') are not supported without an argument: write f'(x)")
            return self.bare_prime(name, order)
        return self.applied_derivative(name, order)

    def bare_prime(self, name: str, order: int) -> sp.Basic:
        """``y'`` as a whole side: by the variable of y's own definition (``f(x) = …`` → d/dx;
        ``y = x^3`` → d/dx only in a chain whose variable is x), else by the chain's one
        variable when nothing else is possible; otherwise two readings, not read."""
        for known, kind, parameter in self.context.primes:
            if known != name:
                continue
            if kind == "unread":
                self.fail(f"{name}' without an argument: by the variable of {name}'s "
                          "definition or by the chain's? — operator notation (not read): write "
                          f"{name}'(x) or \\frac{{d{name}}}{{dx}}")  # fmt: skip
            if kind == "function":  # f(x) = …: f' is f'(x)
                self.readings.setdefault(name, f"function (differentiated with {chr(39) * order})")
                return sp.Derivative(sp.Function(name)(parameter), (parameter, order))
            self.readings.setdefault(name + "'" * order, f"the derivative d{name}/d{parameter}")
            return self.build.derivative(sp.Symbol(name), [parameter] * order)
        if self.context.variable_linked:
            self.fail(f"{name}' without an argument: the chain's variable is linked to another "
                      "by a definition, so by which one? — operator notation (not read)")  # fmt: skip
        if not self.context.variable:  # u' = 2: by what is not written
            self.fail("primes (f') are not supported without an argument: write f'(x)")
        variable = self.parse_variable(self.context.variable, self.current)
        self.readings.setdefault(name + "'" * order, f"the derivative d{name}/d{variable}")
        return self.build.derivative(sp.Symbol(name), [variable] * order)

    def applied_derivative(self, name: str, order: int) -> sp.Basic:
        """``f'(x)``, ``f^{(2)}(x)``: the order-th derivative of the function f at the argument."""
        arguments = self.arguments()
        if len(arguments) != 1:
            self.fail("primes (f') of a function of several arguments")
        [argument] = arguments
        self.readings.setdefault(name, f"function (differentiated with {chr(39) * order})")
        # \sigma'(x): the derivative of the sigmoid that \sigma(x) is read as (round 8a H3)
        function = sigmoid if name == "sigma" else sp.Function(name)
        if isinstance(argument, sp.Symbol):
            return sp.Derivative(function(argument), (argument, order))
        point = sp.Dummy("u")
        return sp.Subs(sp.Derivative(function(point), (point, order)), point, argument)

    # -- superscripts that are part of a name: labels x^{(i)}, W^{(2)} and stars w^* ----------
    def single_parenthesised(self, base: sp.Basic) -> bool:
        """``^{(i)}``/``^(2)`` holding one token, on a name: a label or an order (below)."""
        offset = 1 if self.at("{") else 0
        closing = [")", "}"] if offset else [")"]
        after = [self.peek(offset + 2 + k).text for k in range(len(closing))]
        return isinstance(base, (sp.Symbol, sp.MatrixSymbol)) and after == closing

    def bracketed_superscript(self, base: sp.Basic) -> sp.Basic:
        r"""``W^{[l]}``, ``a^{[0]}``, ``z^{[l-1]}``: a layer label, part of the name (the
        deep-learning notation for the layer of a weight or activation), never a power. The
        label is at most a few letters, numbers and + / −; a function name with a label applied
        to arguments (``h^{[1]}(x)``) is not read, any other name before ``(`` multiplies."""
        self.expect("{")
        opening = self.advance()
        pieces = []
        while not self.at("]"):
            token = self.advance()
            if token.kind not in ("letter", "number") and token.text not in ("+", "-"):
                self.fail("a superscript in brackets that is not a layer label (not read)", token)
            pieces.append(token.text)
            if len(pieces) > 5:
                self.fail("a layer label in brackets longer than a few symbols (not read)",
                          opening)
        self.expect("]")
        self.expect("}")
        if not pieces:
            self.fail("an empty layer label (not read)", opening)
        label = "".join(pieces)
        labelled = f"{base.name}^{{[{label}]}}"
        self.readings.setdefault(labelled, "a layer label (a superscript in brackets)")
        if isinstance(base, sp.MatrixSymbol):
            return sp.MatrixSymbol(labelled, *base.shape)
        if self.at_parenthesis() and (
                reads_as_function(base.name) or base.name in self.context.functions):
            self.fail(f"{labelled} applied to arguments (not read)", opening)
        # a^{[1]}(1 - a^{[1]}): a product, as a(1 - a) is for a name that is no function
        return self.after_symbol(self.make_symbol(labelled), labelled)

    def parenthesised_superscript(self, base: sp.Basic) -> sp.Basic:
        r"""``f^{(n)}(x)`` or a label ``x^{(i)}``, ``\mathbf{W}^{(2)}``, ``l^{(i)}`` (the rule):

        * a function name (f, g, h, F, …, or declared) applied right after, with a number in
          the parentheses: the n-th derivative (``f^{(2)}(x) = f''(x)``); with a letter n: an
          n-th derivative of symbolic order, not read;
        * a function name not applied: a derivative or a label — two readings, not read;
        * any other name with an index letter or a number: a label, part of the name
          (``y^{(i)}`` is the i-th example's y, never a power or a derivative); labelled by a
          bound summation index it is an entry of the labelled family (``y^{(i)}`` in
          ``\sum_i`` is y^{(·)}[i])."""
        braced = self.accept("{")
        self.expect("(")
        written = self.advance()
        self.expect(")")
        if braced:
            self.expect("}")
        label = written.text[1:] if written.kind == "command" else written.text
        if written.kind not in ("letter", "number") and label not in GREEK:
            self.fail("a superscript in parentheses that is neither an order nor a label "
                      "(operator notation, not read)", written)  # fmt: skip
        applied = self.at_parenthesis()
        if isinstance(base, sp.Symbol) and (
            reads_as_function(base.name) or base.name in self.context.functions
        ):
            if not applied:
                self.fail(f"{base.name}^{{({label})}}: an n-th derivative or a label — two "
                          "readings (operator notation, not read)", written)  # fmt: skip
            if written.kind != "number":
                self.fail("f^{(n)} with a symbolic order is an n-th derivative (operator "
                          "notation, not read)", written)  # fmt: skip
            if base.name in self.context.labelled:
                self.fail(f"{base.name}^{{({label})}}: the note writes {base.name}^{{(k)}}(…) = … "
                          "as labelled functions: a label or a derivative — two readings "
                          "(operator notation, not read)", written)  # fmt: skip
            order = int(written.text)
            if not 1 <= order <= LIMITS.derivative_order:
                self.fail(f"derivative order must be from 1 to {LIMITS.derivative_order}")
            return self.applied_derivative(base.name, order)
        labelled = f"{getattr(base, 'name', '')}^{{({label})}}"
        bound = {str(index): index for index in self.bound}
        if isinstance(base, sp.MatrixSymbol) and label not in bound:
            self.readings.setdefault(labelled, "a label (a superscript in parentheses)")
            return sp.MatrixSymbol(labelled, *base.shape)
        if isinstance(base, sp.Symbol):
            self.readings.setdefault(labelled, "a label (a superscript in parentheses)")
            if label in bound:
                if applied:
                    self.fail("a name labelled by a summation index and applied to arguments "
                              "(not read)", written)  # fmt: skip
                return sp.IndexedBase(f"{base.name}^{{(\\cdot)}}")[bound[label]]
            return self.after_symbol(self.make_symbol(labelled), labelled)
        self.fail("a label on this expression is not read", written)
        raise AssertionError

    def starred(self, base: sp.Basic) -> sp.Basic:
        r"""``\mathbf{w}^*``, ``b^*``, ``x^*(a)``: the star decorates the name (an optimum, a
        fixed point), never a power; a starred name applied to ``(…)`` is a function of it."""
        if isinstance(base, sp.MatrixSymbol):
            return sp.MatrixSymbol(f"{base.name}^*", *base.shape)
        if not isinstance(base, sp.Symbol):
            self.fail("a star on this expression is not read (a conjugate or a convolution?)")
        name = f"{base.name}^*"
        self.readings.setdefault(name, "a name (the star decorates it)")
        if self.at_parenthesis():
            arguments = self.arguments()
            self.readings[name] = f"unknown function of {len(arguments)} argument(s) (starred)"
            return sp.Function(name)(*arguments)
        return self.make_symbol(name)

    # -- derivative operators (D, \nabla, \partial_x, primes, f_x) and limits -------------
    def reads_as_operator(self, letter: str) -> bool:
        r"""``D f``, ``D_x f``: D is the derivative operator unless the notes use D as a name
        (declared, defined, a matrix or a function) — then ``Dx`` stays the product D·x."""
        context = self.context
        if (
            letter in context.scalars or letter in context.functions or letter in context.defined
            or letter in context.names
            or context.shape_of(letter) is not None or letter in context.bold
        ):  # fmt: skip
            return False
        if not self.at("_"):
            return self.starts_factor()
        saved = self.position
        try:
            if self.peek().text == "{":
                self.skip_script()
            else:
                self.position += 2  # D_xf: the subscript is one token
            return self.starts_factor()
        except ParseError:
            return False
        finally:
            self.position = saved

    def derivative_operator(self, kind: str, token: Token) -> sp.Basic:
        r"""``D f``, ``D_x f``, ``\nabla_x f``, ``\partial_{x_i} f``, ``\partial_i f``: the
        derivative of the following term (as ``\frac{d}{dx}`` applies to it) by the written
        variable, else by the chain's one variable (:mod:`symderive.grammar.operators`)."""
        variable = self.operator_variable(kind, token) if self.at("_") else None
        if not self.starts_factor():
            self.fail(f"{kind} without an operand is operator notation (not read)", token)
        self.enter()
        start = self.position
        with self.build.inside_derivative():
            operand = self.term()
        self.leave()
        self.refuse_open_sum(start, kind)
        if variable is None:
            variable = self.implicit_variable(kind, token, operand)
        self.readings.setdefault(kind, f"derivative operator: d/d{variable}")
        return _derivative(operand, [variable], self)

    def operator_variable(self, kind: str, token: Token) -> sp.Basic:
        r"""The subscript of ``D_x``, ``\nabla_{\mathbf{x}}``, ``\partial_{x_i}``; ``\partial_i``
        is ∂/∂x_i only in a chain whose variable is x_i (else i indexes an unnamed list)."""
        self.expect("_")
        braced_letter = self.at("{") and self.peek().kind == "letter" and self.peek(2).text == "}"
        written = self.peek() if braced_letter else self.current
        if written.kind == "number":
            self.fail(f"{kind}_{written.text}: a position in an argument list is operator "
                      "notation (not read)", written)  # fmt: skip
        if written.kind != "letter":
            return self.derivative_variable()
        variable = self.context.variable
        self.position += 3 if braced_letter else 1  # D_xf: one letter is the subscript
        if written.text == operators.index_of(variable):
            return self.parse_variable(variable, token)
        if written.text in INDEX_LETTERS and not operators.same_variable(written.text, variable):
            self.fail(f"{kind}_{written.text}: {written.text} indexes a list of variables "
                      "this chain does not name; operator notation (not read)", written)  # fmt: skip
        return self.make_symbol(written.text)

    def parse_variable(self, text: str, token: Token) -> sp.Basic:
        """The chain's variable (LaTeX text) as a symbol of this expression."""
        parser = _Parser(text, self.context, self.source, self.line)
        parser.bound = list(self.bound)
        value = parser.postfix()
        if parser.current.kind != "end" or not isinstance(
            value, (sp.Symbol, sp.Indexed, sp.MatrixSymbol)
        ):
            self.fail(f"the chain's variable {text!r} is not a name", token)
        return value

    def implicit_variable(self, kind: str, token: Token, operand: sp.Basic) -> sp.Basic:
        r"""The variable ``D f`` and ``\nabla f`` leave unwritten: the chain's one variable;
        for D (d2l's "D = d/dx") x when the operand mentions x or only constants (``DC``)."""
        if self.context.variable:
            return self.parse_variable(self.context.variable, token)
        names = {str(symbol) for symbol in operand.free_symbols}
        if kind == "D" and ("x" in names or not any(name[:1].islower() for name in names)):
            return self.make_symbol("x")
        self.fail(f"{kind} without a subscript: the variable is not written; operator "
                  "notation (not read)", token)  # fmt: skip
        raise AssertionError

    def subscript_derivative(self, letter: str) -> sp.Basic | None:
        r"""``f_x``, ``f_{x_i}``, ``f_i`` as a whole side of a chain whose variable is x (x_i)
        and that differentiates f in a written fraction: the partial derivative of f (the
        chain ``\frac{d}{dx}f = f' = D_xf = f_x``); elsewhere f_i is a name (a component)."""
        variable = self.context.variable
        if not variable or letter not in self.context.differentiated:
            return None
        saved = self.position
        try:
            self.skip_script()
        except ParseError:
            self.position = saved
            return None
        text = "".join(t.text for t in self.tokens[saved + 1 : self.position])
        text = text[1:-1] if text.startswith("{") and text.endswith("}") else text
        if self.current.kind == "end" and (
            operators.same_variable(text, variable) or text == operators.index_of(variable)
        ):
            self.readings.setdefault(f"{letter}_{text}", f"the derivative of {letter}")
            return self.build.derivative(
                sp.Symbol(letter), [self.parse_variable(variable, self.current)]
            )
        self.position = saved
        return None

    def limit(self, token: Token) -> sp.Basic:
        r"""``\lim_{h \to 0} body``: SymPy's two-sided limit, left unevaluated here (the checker
        evaluates it under its time budget; one SymPy cannot decide stays undecided)."""
        if not self.at("_"):
            self.fail("\\lim needs its variable and point: \\lim_{h \\to 0}", token)
        self.advance()
        self.expect("{")
        written = self.advance()
        if written.kind == "letter":
            variable = sp.Symbol(written.text)
        elif written.kind == "command" and written.text[1:] in GREEK:
            variable = sp.Symbol(written.text[1:])
        else:
            self.fail("the variable of a limit must be a letter", written)
            raise AssertionError
        direction = self.limit_direction()
        point = self.expr()
        self.expect("}")
        if not self.starts_factor():
            self.fail("a limit without its expression", token)
        recorded = len(self.build.conditions)
        self.bound.append(variable)  # a_n under \lim_{n \to \infty}: the sequence's entry a[n]
        try:  # (round 31b F08: read as a name that does not depend on n)
            self.enter()
            body = self.term()
            self.leave()
        finally:
            del self.bound[-1]
        self.build.release(recorded, [variable], [{variable: point}], how="limit",
                           side=direction)
        infinite = point in (sp.oo, -sp.oo)
        if _oscillates_inside(body, variable, None if infinite else point):
            # also at a point where the oscillation's argument has no value: tanh(sin(1/t)/t)
            # at t = 0 (round 33b F04)
            self.fail("a limit at infinity of a function of an oscillating one (tanh(t sin t)) "
                      "is not evaluated: SymPy's limit may be wrong there" if infinite else
                      "a limit at a point of a function of one oscillating without end there "
                      "(tanh(sin(1/t)/t) at 0) is not evaluated: SymPy's limit may be wrong there",
                      token)
        if getattr(point, "free_symbols", None) and body.has(*JUMPING):
            self.fail("a limit of a function with jumps (floor, ceiling, sign …) at a point "
                      "with letters is not evaluated", token)  # \lim_{t \to x} \lfloor t \rfloor
        if isinstance(body, sp.MatrixExpr):
            self.fail("limits of matrices are not read", token)
        if body.has(sp.Piecewise, sp.Heaviside):  # SymPy takes the case at the point itself
            self.fail("a limit of a function defined by cases is not evaluated", token)
        bound = sp.Dummy(variable.name)  # bound: an example value of the name never enters
        body = body.xreplace({variable: bound})
        if point in (sp.oo, -sp.oo):
            if direction != "+-":
                self.fail("a one-sided limit at infinity is not read", token)
            return sp.Limit(body, bound, point)
        if direction != "+-":
            side = "right" if direction == "+" else "left"
            self.readings.setdefault(f"\\lim {variable} → {point}{direction}",
                                     f"a one-sided limit from the {side}")  # fmt: skip
        return sp.Limit(body, bound, point, dir=direction)

    def limit_direction(self) -> str:
        r"""The arrow of a limit's subscript and the side its point is approached from: '+'
        (``x \to 0^+``, ``0^{+}``, ``0+``, ``+0``, ``x \downarrow 0``, ``x \searrow 0``), '-'
        (``0^-``, ``0-``, ``-0``, ``x \uparrow 0``, ``x \nearrow 0``), else '+-' (both sides).
        The marks are removed from the tokens, so the point is read without them: ``0^+`` is
        never a power, ``+0``/``-0`` never the number 0 approached from both sides."""
        arrows = {r"\to": "+-", r"\rightarrow": "+-", r"\longrightarrow": "+-",
                  r"\downarrow": "+", r"\searrow": "+", r"\uparrow": "-", r"\nearrow": "-"}
        arrow = self.current.text
        if arrow not in arrows or self.current.kind != "command":
            self.fail("expected \\to in the limit's subscript")
        self.advance()
        close = self.position
        depth = 0
        while self.tokens[close].kind != "end" and (depth or self.tokens[close].text != "}"):
            depth += {"{": 1, "}": -1}.get(self.tokens[close].text, 0)
            close += 1
        if self.tokens[close].kind == "end":
            self.fail("expected '}' to close the limit's subscript")
        written = [t.text for t in self.tokens[self.position:close]]
        mark, marked = "", 0
        for pattern in (["^", "{", "+", "}"], ["^", "{", "-", "}"], ["^", "+"], ["^", "-"],
                        ["+"], ["-"]):  # fmt: skip
            if len(written) > len(pattern) and written[-len(pattern):] == pattern:
                mark, marked = pattern[-2] if pattern[-1] == "}" else pattern[-1], len(pattern)
                break
        if not mark and written in (["+", "0"], ["-", "0"]):
            mark, marked = written[0], 1
            del self.tokens[self.position]
        elif mark:
            del self.tokens[close - marked:close]
        if mark and arrows[arrow] != "+-":
            self.fail(f"a one-sided arrow {arrow} and a side mark {mark} on the point: not read")
        return mark or arrows[arrow]

    def conditional_probability_ahead(self) -> bool:
        """``P(Y=1|X=x)``: a relation, ``|``, ``\\mid`` or ``;`` inside the parentheses."""
        return any(depth == 1 and token.text in ("=", "|", r"\mid", ";", r"\vert")
                   for depth, token in self.group_ahead())  # fmt: skip

    def complemented_event_ahead(self) -> str:
        """``A^c`` when the parentheses ahead hold only the complement of the event A (``A^c``,
        ``A^{C}``, ``A^\\complement``, ``A^{\\mathsf{c}}``, ``\\bar{A}``, ``\\overline{A}``;
        A a capital letter, maybe with a one-character subscript), else ""."""
        inside = "".join(token.text for _, token in self.group_ahead()
                         if token.text not in (r"\left", r"\right"))
        written = COMPLEMENT_MARK.fullmatch(inside) or BARRED_EVENT.fullmatch(inside)
        if written is None or (written.re is COMPLEMENT_MARK and "c" in self.context.defined):
            return ""
        return written.group(0)

    def complement_probability(self, name: str, complement: str) -> sp.Basic:
        """``P(A^c)``: the probability of the complement of the event A, 1 − P(A)."""
        written = COMPLEMENT_MARK.fullmatch(complement) or BARRED_EVENT.fullmatch(complement)
        event = re.sub(r"[{}]", "", written.group("event"))
        depth = 0
        while True:  # past the parentheses, whose content complemented_event_ahead read
            token = self.advance()
            depth += {"(": 1, ")": -1}.get(token.text, 0)
            if depth == 0 and token.text == ")":
                break
        probability = sp.Function(name)(self.make_symbol(event))
        self.readings.setdefault(f"{name}({complement})", f"the probability of the complement of "
                                 f"the event {event}: 1 - {name}({event})")  # fmt: skip
        return 1 - probability

    def group_ahead(self) -> list[tuple[int, Token]]:
        """The tokens inside the group that opens at the current token (or after a sizing
        command), each with its nesting depth (1 directly inside); [] when it never closes."""
        inside: list[tuple[int, Token]] = []
        depth, offset = 0, 0
        while True:
            token = self.peek(offset)
            if token.kind == "end":
                return []
            if token.text in ("(", "[", "{"):
                depth += 1
            elif token.text in (")", "]", "}"):
                depth -= 1
                if depth == 0:
                    return inside
            if depth > 0 and offset > 0:
                inside.append((depth, token))
            offset += 1

    def opaque_probability(self, name: str) -> sp.Basic:
        """``P(Y=1 | X=x)`` is one unknown value, named by what is written."""
        depth, parts = 0, []
        while True:
            token = self.advance()
            if token.kind == "end":
                self.fail("unterminated probability")
            if token.text in ("(", "[", "{"):
                depth += 1
            elif token.text in (")", "]", "}"):
                depth -= 1
            parts.append(token.text if token.text != r"\mid" else "|")
            if depth == 0:
                break
        written = name + "".join(parts)
        self.readings.setdefault(written, OPAQUE_PROBABILITY)
        return sp.Symbol(written, positive=True)

    def named_function(self, name: str, start: Token) -> sp.Basic:
        if name in ("minimize", "maximize"):
            self.fail(f"'{name}' is an optimisation, not a value", start)
        if name == "Var":
            return self.postfix_operators(Var(self.scalar_argument()))
        if name == "Bias":
            return self.bias(start)
        if name == "E":
            return self.expectation_bracket()
        if name == "softmax":
            self.fail("softmax needs an explicit vector; write it with \\exp and \\sum", start)
        if name in MULTI_ARGUMENT:
            if self.at("_"):  # \max_i x_i: over a range (grammar/optimisation.py)
                optimisation.refuse_ranged(self, name, start)
            return self.build.call(MULTI_ARGUMENT[name], self.arguments(), start.column)
        function = ELEMENTARY[name]
        if self.at("'"):  # \tanh'(z), \log''(x): the derivative of a known function at a point
            return self.elementary_prime(name, function, start)
        if name in ("log", "ln") and self.at("_"):
            self.advance()
            base = self.script()
            argument = self.scalar_argument()
            return self.build.log(argument, base, start.column)
        if self.at("^"):
            # \log^2 x = (log x)^2, \sin^2 x
            self.advance()
            exponent = self.script()
            if exponent.is_number and exponent.is_negative:
                # \sin^{-1} x is arcsin x by convention, never 1/sin x: not read
                self.fail(f"\\{name}^{{{exponent}}}: an inverse function is operator notation "
                          "(not read)", start)  # fmt: skip
            applied = self.build.call(function, [self.scalar_argument()], start.column)
            return self.build.function_power(applied, exponent, start.column)
        return self.build.call(function, [self.scalar_argument()], start.column)

    def elementary_prime(self, name: str, function, start: Token) -> sp.Basic:
        r"""``\tanh'(z)``, ``\exp''(x)``, ``\log'(x)``: the order-th derivative of a known
        smooth function at its argument, as ``\sigma'(z)`` is. ReLU' and |·|' are not read:
        at the kink their value is a convention (0, 1, ½?), not a derivative."""
        order = 0
        while self.accept("'"):
            order += 1
        if order > LIMITS.derivative_order:
            self.fail(f"derivative order must be at most {LIMITS.derivative_order}", start)
        if function in (relu, sp.Abs):
            self.fail(f"{name}': the derivative of a function with a kink (its value at the "
                      "kink is a convention, not a derivative) is not read", start)
        if not self.at_parenthesis():
            self.fail(f"{name}' without an argument: write {name}'(x)", start)
        argument = matrices.as_scalar(self.delimited())
        point = sp.Dummy("u")
        derivative = sp.Derivative(function(point), (point, order)).doit()
        self.readings.setdefault(f"\\{name}'", f"the derivative of {name} (at its argument)")
        return self.build.call(sp.Lambda(point, derivative), [argument], start.column)

    def at_parenthesis(self, offset: int = 0) -> bool:
        r"""Whether an opening parenthesis starts ``offset`` tokens ahead: ``(``, ``\left(`` or a
        sized one (``\bigl(``, ``\Big(``) — after a function name each is its application
        (round 44 T06: ``\sigma\bigl(z\bigr)`` is σ at z, never σ times z)."""
        here = self.peek(offset) if offset else self.current
        if here.text == "(":
            return True
        return (here.kind == "command" and here.text[1:] in SIZING_OPENERS
                and self.peek(offset + 1).text == "(")

    def at_sized_bracket(self) -> bool:
        r"""Whether a sized opening bracket starts here (``\left[``, ``\big[``, ``\Bigl(``):
        after E it is the expectation as ``E[…]`` is, never the number E times a group, whose
        square would leave E outside (round 38 C06: E\left[X^2\right] = E\left[X\right]^2)."""
        return (self.current.kind == "command" and self.current.text[1:] in SIZING
                and self.peek().text in ("[", "("))

    def expectation_bracket(self) -> sp.Basic:
        if self.current.kind == "command" and self.current.text[1:] in SIZING:
            self.advance()
        if self.at("["):
            self.advance()
            inner = self.expr()
            if self.current.kind == "command" and self.current.text[1:] in SIZING:
                self.advance()
            self.expect("]")
        elif self.at("(") or self.at("{"):
            inner = self.delimited()
            assert inner is not None
        else:
            self.fail("expected '[' after an expectation")
            raise AssertionError
        return E(inner)

    def kl_divergence(self) -> sp.Basic:
        r"""D_{KL}(P\|Q) = Σ_i p_i log(p_i / q_i), i = 1..n (lower-case letters hold the masses)."""
        self.expect("(")
        first = self.advance()
        if first.kind != "letter":
            self.fail("D_KL expects two distribution names", first)
        if self.at(r"\|"):
            self.advance()
        elif self.at("|") and self.peek().text == "|":
            self.advance()
            self.advance()
        elif self.at("|") or self.at(",") or self.at(r"\parallel") or self.at(r"\Vert"):
            self.advance()
        else:
            self.fail("expected '\\|' between the two distributions")
        second = self.advance()
        if second.kind != "letter":
            self.fail("D_KL expects two distribution names", second)
        self.expect(")")
        index = sp.Symbol("i", integer=True)
        p = sp.IndexedBase(first.text.lower())
        q = sp.IndexedBase(second.text.lower())
        return sp.Sum(p[index] * sp.log(p[index] / q[index]), (index, 1, SIZE))

    # -- commands -------------------------------------------------------------------------
    def command(self) -> sp.Basic:
        token = self.advance()
        name = token.text[1:]
        if name in SIZING:
            self.position -= 1
            inner = self.delimited()
            if inner is None:
                self.fail("expected a delimiter")
            return inner
        if name in ("frac", "dfrac", "tfrac"):
            return self.fraction(token)
        if name == "sqrt":
            if self.accept("["):
                degree = self.expr()
                self.expect("]")
                return self.build.root(self.group(), degree, token.column)
            radicand = self.script() if not self.at("{") else self.group()
            return self.build.sqrt(radicand, token.column)
        if name in ("sum", "prod"):
            return self.big_operator(name, token)
        if token.text in integer_parts.FLOOR_BRACKETS:
            return integer_parts.floor_or_ceiling(self, token)
        if token.text in integer_parts.CLOSERS or name == "choose":
            self.fail(f"{token.text} without its opener", token)
        if name in integer_parts.BINOMIAL_COMMANDS:
            upper = self.group()
            return integer_parts.binomial(self, upper, self.group(), token)
        if name == "sigma":
            if self.at_parenthesis():
                return sigmoid(matrices.as_scalar(self.delimited()))  # matrix hook
            return self.symbol_with_scripts("sigma")
        if name in ELEMENTARY or name in MULTI_ARGUMENT:
            return self.named_function(name, token)
        if name == "operatorname" and self.accept("*"):  # \operatorname*{argmax}: limits below
            run = self.letter_run() if self.current.kind == "letter" else ""
            if optimisation.is_arg_word(run):  # \operatorname*argmax_j (unbraced, as written)
                optimisation.refuse_arg(self, run, token)
            if not self.at("{"):
                self.fail("\\operatorname* needs its name in braces: \\operatorname*{argmax}",
                          token)  # fmt: skip
        if name in ("argmax", "argmin") or name == "arg" and self.current.text in (
                r"\max", r"\min"):  # \arg\max, \argmax (a macro)  # fmt: skip
            optimisation.refuse_arg(self, name + self.current.text, token)
        if name == "arg":
            self.fail("\\arg z (the argument of a complex number) is not read", token)
        if name in ("sup", "inf", "limsup", "liminf"):
            optimisation.refuse_ranged(self, name, token)
        if name in ("operatorname", "mathrm", "text", "textrm", "mathit", "mathsf") and self.at("{"):
            word = self.braced_word()
            if optimisation.is_arg_word(word):
                optimisation.refuse_arg(self, word, token)
            if self.unit_after_number(word, token):
                self.fail(f"units: {word} after a number is a unit of measurement, not a "
                          "variable (quantities with units are not read)", token)  # fmt: skip
            if word == "prod":  # matrix hook: d2l's "appropriate product"
                self.fail(matrices.APPROPRIATE_PRODUCT, token)
            if word in ("Var", "var", "Variance"):
                return self.postfix_operators(Var(self.function_argument()))
            if word == "Bias" and name in ("operatorname", "mathrm", "text", "textrm"):
                return self.bias(token)
            if word in ELEMENTARY or word in MULTI_ARGUMENT or word == "softmax":
                return self.named_function(word, token)
            if word == "E" and (self.at("[") or self.at(r"\left") or self.at(r"\big")):
                return self.expectation_bracket()
            if word in OPERATOR_NAMES:
                return self.operator(OPERATOR_NAMES[word], token)
            if word == "d" and (self.current.kind == "letter" or (
                    self.current.kind == "command" and self.current.text[1:] in GREEK)):
                self.fail(differential_refusal(f"\\{name}{{d}}{self.current.text}", upright=True),
                          token)  # fmt: skip
            if name in ("mathrm", "mathit") and word == "e" and not self.at("_"):
                return self.build.constant("e")  # \mathrm{e} is Euler's number, as e is
            if name in ("mathrm", "mathit", "mathsf") and len(word) == 1:
                return self.symbol_with_scripts(word)
            if re.fullmatch(r"[A-Za-z]{2,}", word) and self.applied_word(word):
                self.fail(f"{word}(…): a function named by a word the note does not define "
                          "(sign, Bias, …): its meaning is unknown (not read)", token)  # fmt: skip
            if name in ("text", "textrm", "mathrm", "mathsf", "mathit") and len(word) > 1 and (
                self.at("[")
            ):  # \text{stride}[i]: an entry of a named array, not a product with [i]
                self.fail(f"{word}[…]: an entry of an array named by a word (not read)", token)
            if name in ("mathrm", "mathsf", "mathit", "textrm") and re.fullmatch(
                r"[A-Za-z]{2,}", word
            ):
                self.readings.setdefault(word, "a name written as a word")
                return self.symbol_with_scripts(word)
            if name in ("text", "textrm") and self.text_name(word, token):
                named = word.replace("\\_", "_")
                self.readings.setdefault(named, "a name written as a word (\\text)")
                return self.symbol_with_scripts(named)
            if name in ("text", "textrm"):
                self.fail("prose inside \\text{} is not mathematics", token)
            self.fail(f"unknown operator name {word!r}", token)
        if name == "mathcal" and ([self.peek(k).text for k in range(3)] == ["{", "O", "}"]
                                  or (self.peek(0).kind == "letter" and self.peek(0).text == "O")):
            self.fail(LANDAU, token)
        if name == "mathcal":
            return self.calligraphic(token)
        if name == "mathbb" and self.at("{"):
            word = self.braced_word()
            if word == "E":
                if self.at("_"):
                    self.skip_script()  # \mathbb{E}_{x \sim p}[…]: the distribution is implicit
                return self.expectation_bracket()
            if word == "1":
                return self.indicator(token)
            self.fail(f"unknown \\mathbb{{{word}}}", token)
        if name in BOLD_MATRIX and self.context.shape_of(self.peek_decorated()) is None:
            inner_name = self.decorated_name()
            if self.context.shape_of(inner_name) is not None:
                return self.symbol_with_scripts(inner_name)
            if self.at("_"):  # \mathbf{x}_i: an entry, a scalar
                return self.symbol_with_scripts(inner_name)
            return self.symbol_with_scripts(f"\\mathbf{{{inner_name}}}")
        if name in BOLD:
            inner_name = self.decorated_name()
            return self.symbol_with_scripts(inner_name)
        if name in ("det", "tr"):
            return self.operator(OPERATOR_NAMES[name], token)
        if name in ELLIPSIS:  # a_1 + \cdots + a_n is read by expr (written_sum)
            self.fail(f"an ellipsis {token.text} here (a list of arguments f(x_1, …, x_n) or "
                      "terms whose pattern is left to the reader) is not read", token)  # fmt: skip
        if name == "nabla":
            found = operators.laplacian(self, token, "\\nabla")  # \nabla^2 f (C7)
            if found is not None:
                return found
            return self.derivative_operator("\\nabla", token)
        if name == "partial" and self.at("_"):
            return self.derivative_operator("\\partial", token)
        if name == "lim":
            return self.limit(token)
        if name == "Delta" and self.current.kind == "letter":
            found = operators.laplacian(self, token, "\\Delta")  # the Laplacian of f (C7)
            if found is not None:
                return found
        if (name in ("Delta", "delta") and self.current.kind == "letter"
                and name not in self.context.defined  # (a δ the note defines multiplies)
                and self.increment_ahead(name)):
            letter = self.advance().text  # \Delta y, \delta y_{o1}: one name, not a product
            self.readings.setdefault(f"\\{name} {letter}", "a single name (an increment)")
            return self.symbol_with_scripts(f"{name} {letter}")
        if name == "int":
            return self.integral(token)
        if name in DECORATION:
            inner_name = self.decorated_name(subscript_outside=True)
            if inner_name.startswith("\\mathbf{"):
                if self.at("_"):  # \hat{\mathbf{y}}_i: an entry, a scalar
                    return self.symbol_with_scripts(f"{DECORATION[name]}{{{inner_name[8:-1]}}}")
                return self.decorated_matrix(f"{DECORATION[name]}{{{inner_name}}}", inner_name)
            return self.symbol_with_scripts(f"{DECORATION[name]}{{{inner_name}}}")
        if name == "pi" and not self.at("_") and not (
                self.at("(") and ("pi" in self.context.functions
                                  or self.conditional_probability_ahead())):
            # \pi is the constant, \pi (x + y) a product (round 11a F17); \pi_\theta a symbol,
            # \pi(a|s) a policy (a note that names π a policy is not read: word_definitions)
            return self.build.constant("pi")
        if name in GREEK:
            return self.symbol_with_scripts(name)
        if name in ("|", "lVert", "Vert"):
            closer = {"|": r"\|", "lVert": r"\rVert", "Vert": r"\Vert"}[name]
            return self.absolute(closer, norm=True)
        if name == "lvert":
            return self.absolute(r"\rvert")
        if name == "langle":
            return self.inner_product(token)
        if name == "infty":
            return sp.oo  # allowed only as a bound of a sum (Construction.finish refuses it)
        if name in ("partial",):  # \partial_{\mathbf{w}} f is derivative_operator's (above)
            self.fail("a bare \\partial outside a derivative fraction", token)
        if name == "begin" and cases.CASES.match(self.text, token.column - 1):
            return cases.read_cases(self, token)  # \begin{cases}: a Piecewise (round 15 F28)
        if name == "begin" and matrix_literals.LITERAL.match(self.text, token.column - 1):
            return matrix_literals.read_literal(self, token)  # \begin{pmatrix} … \end{pmatrix}
        self.fail(f"unsupported command {token.text}", token)
        raise AssertionError

    def increment_ahead(self, sign: str) -> bool:
        r"""Whether ``\Delta`` or ``\delta`` (just read) and the letter after it are one name, an
        increment (round 58 AW01, AW02). Not when the letter is Euler's number raised to a
        power (``\Delta e^{x}``: Δ·e^x — an increment of a constant is no name), nor when the
        note writes the sign alone (``(\delta + r) h``) and does not define this increment by
        an ``=``."""
        letter = self.current.text
        if {f"{sign} {letter}"} & (self.context.defined | self.context.increments_defined):
            return True  # \Delta t = t_2 - t_1 before: that name
        if letter == "e" and self.peek().text == "^" and "e" not in self.context.defined:
            return False  # (\Delta e_t, \Delta e = e_1 - e_0: an error's increment, a name)
        return sign not in self.context.lone_increments

    def indicator(self, token: Token) -> sp.Basic:
        r"""``\mathbb{1}(a \ge b)``, ``\mathbb{1}\{y_i = k\}``: 1 where the written condition
        holds, else 0. The condition is read as written, so a tie goes where the author puts
        it (``\mathbb{1}(x \ge y)`` is 1 at x = y), as the tie rule of max does for its first
        argument (docs/conventions.md)."""
        closers = {"(": ")", "[": "]", r"\{": r"\}", "{": "}"}
        if self.current.kind == "command" and self.current.text[1:] in SIZING:
            self.advance()
        opener = self.advance().text
        if opener not in closers:
            self.fail("expected the condition of the indicator in parentheses", token)
        left = self.expr()
        relation = self.relation_operator()
        right = self.expr()
        if self.current.kind == "command" and self.current.text[1:] in SIZING:
            self.advance()
        self.expect(closers[opener])
        if isinstance(left, sp.MatrixExpr) or isinstance(right, sp.MatrixExpr):
            self.fail("an indicator of a condition on matrices is not read", token)
        self.readings.setdefault("\\mathbb{1}", "indicator: 1 where the condition holds, else 0")
        return sp.Piecewise((sp.S.One, relation(left, right)), (sp.S.Zero, True))

    def relation_operator(self):
        """=, <, >, <=, >=, \\le, \\ge, \\neq … inside an indicator."""
        token = self.advance()
        text = token.text
        if text in ("<", ">") and self.at("="):
            self.advance()
            text += "="
        relations = {
            "=": sp.Eq, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge,
            r"\le": sp.Le, r"\leq": sp.Le, r"\ge": sp.Ge, r"\geq": sp.Ge,
            r"\neq": sp.Ne, r"\ne": sp.Ne, r"\lt": sp.Lt, r"\gt": sp.Gt,
        }  # fmt: skip
        if text not in relations:
            self.fail("expected a relation in the indicator's condition", token)
        return relations[text]

    def bias(self, token: Token) -> sp.Basic:
        r"""``Bias(x)``, ``\operatorname{Bias}(x)``: the bias of the estimator x
        (:class:`symderive.expectation.Bias`, an opaque quantity), unless the note defines
        Bias itself — then it is the note's function, read as any defined function is."""
        if "Bias" in self.context.functions:
            return self.symbol_with_scripts("Bias")
        if not self.at_parenthesis():
            self.fail("Bias without a parenthesised argument (not read)", token)
        self.readings.setdefault(
            "Bias", "the bias of an estimator, E[x] - (its target): an opaque quantity")
        return self.postfix_operators(Bias(self.function_argument()))

    def applied_word(self, word: str) -> bool:
        """A word (``\\text{sign}``) right before ``(`` that the note does not define as a
        function: an application of a function whose meaning is unknown, never an instance."""
        return word not in self.context.functions and (
            self.at_parenthesis()
        )

    def unit_after_number(self, word: str, token: Token) -> bool:
        r"""``1\,\mathrm{km}``, ``9.8\ \mathrm{m/s^2}``, ``3\,\mathrm{s}``: an upright word
        right after a number is a unit — a known unit name, or any word of two or more letters
        set apart from the number by a space (``2\mathrm{loss}`` written together stays a
        product with a name)."""
        index = self.tokens.index(token)
        before = self.tokens[index - 1] if index > 0 else None
        if before is None or before.kind != "number" or word in ("d", "e"):
            return False
        stem = re.match(r"[A-Za-zµμΩ]+", word)
        if stem is not None and stem.group() in UNITS:
            return True
        apart = token.column != before.column + len(before.text)
        return apart and re.fullmatch(r"[A-Za-z]{2,}", word) is not None and (
            word not in KNOWN_WORDS and word not in OPERATOR_NAMES)

    def text_name(self, word: str, token: Token) -> bool:
        r"""``A\cdot\text{year}+B``, ``\text{transistor\_count}``: a word in \text is a name
        when it is one identifier (letters, ``\_``) among mathematics: not after a number
        (``4\text{bits}`` is a unit) and not the whole expression's only content."""
        if not re.fullmatch(r"[A-Za-z]{2,}(?:\\_[A-Za-z]+)*", word) or word.lower() in PROSE_WORDS:
            return False
        index = self.tokens.index(token)
        before = self.tokens[index - 1] if index > 0 else None
        if before is not None and before.kind == "number":
            return False
        return not (before is None and self.current.kind == "end")

    def decorated_matrix(self, name: str, bold: str) -> sp.Basic:
        r"""``\hat{\mathbf{y}}``: a decorated bold name is a vector (matrix) as the bold one is."""
        shape = self.context.shape_of(name) or self.context.shape_of(bold[8:-1])
        if shape is None:
            inner = bold[8:-1]
            shape = (MATRIX_SIZE, MATRIX_SIZE if inner[:1].isupper() else 1)
            kind = "matrix" if inner[:1].isupper() else "vector"
            self.readings.setdefault(name, f"{kind} (decorated bold; shapes checked at "
                                     "instantiated sizes)")  # fmt: skip
        return sp.MatrixSymbol(name, *shape)

    def peek_decorated(self) -> str:
        """The name a decoration command would read next (without consuming)."""
        offset = 1 if self.at("{") else 0
        token = self.peek(offset)
        return token.text.lstrip("\\") if token.kind in ("letter", "command") else ""

    def operator(self, kind: str, token: Token) -> sp.Basic:
        """tr, det (of matrices), sech, Cov(X, Y) = E[XY] - E[X]E[Y]."""
        if kind == "Cov":
            first, second = self.arguments()
            return E(first * second) - E(first) * E(second)
        argument = self.function_argument()
        if kind == "sech":
            return self.build.call(sp.sech, [argument], token.column)
        if not isinstance(argument, sp.MatrixExpr):
            self.fail(f"{kind} of a scalar: declare the matrix with 'assume NAME matrix R C'")
        if kind == "trace":
            return sp.Trace(argument)
        if isinstance(argument, sp.ImmutableMatrix):  # written out: bounded (round 44 U13)
            if argument.rows != argument.cols:
                self.fail("the determinant of a matrix that is not square", token)
            return matrix_literals.written_determinant(argument, self, token)
        return sp.Determinant(argument)

    def integral(self, token: Token) -> sp.Basic:
        r"""\int_a^b body \, dx: a definite integral (indefinite ones are not read)."""
        if not self.at("_"):
            self.fail("an indefinite integral (no bounds) is not read", token)
        self.advance()
        low = self.script()
        if not self.accept("^"):
            self.fail("a definite integral needs an upper bound", token)
        high = self.script(bound=True)
        depth, offset = 0, 0
        while True:
            ahead = self.peek(offset)
            if ahead.kind == "end":
                self.fail("an integral without its d<variable>", token)
            if ahead.text in ("{", "(", "["):
                depth += 1
            elif ahead.text in ("}", ")", "]"):
                depth -= 1
            elif depth == 0 and ahead.text == "d" and self.peek(offset + 1).kind == "letter":
                break
            offset += 1
        if offset == 0:
            self.fail("an integral with an empty body", token)
        stop = self.position + offset
        recorded = len(self.build.conditions)
        saved_tokens = self.tokens
        self.tokens = saved_tokens[:stop] + [Token("end", "", saved_tokens[stop].column)]
        try:
            body = self.expr()
            if self.current.kind != "end":
                self.fail("unexpected token in the integrand")
        finally:
            self.tokens = saved_tokens
        self.position = stop + 1
        variable = sp.Symbol(self.advance().text)
        self.build.release(recorded, [variable], [{variable: low}, {variable: high}],
                           continuous=True)  # (an integral's variable runs over every real)
        return sp.Integral(body, (variable, low, high))

    def braced_word(self) -> str:
        self.expect("{")
        word = ""
        while not self.at("}"):
            token = self.advance()
            if token.kind == "end":
                self.fail("unterminated group")
            word += token.text
        self.expect("}")
        return word

    def decorated_name(self, subscript_outside: bool = False) -> str:
        r"""The name inside \hat{y}, \hat y, \mathbf{x}, \hat{\sigma}. With
        ``subscript_outside`` (a hat, tilde or bar on a letter), ``\hat{y_1}`` is read as
        ``\hat{y}_1``: the subscript is moved past the closing brace (round 44 V, keonhee);
        never for bold (``\mathbf{x_i}`` is the i-th vector, ``\mathbf{x}_i`` an entry)."""
        braced = self.accept("{")
        token = self.advance()
        if token.kind == "letter":
            name = token.text
        elif token.kind == "command" and token.text[1:] in GREEK:
            name = token.text[1:]
        elif token.kind == "command" and token.text[1:] in BOLD | set(DECORATION) and braced:
            inner = self.decorated_name()  # \hat{\mathbf{y}}, \hat{\bar{x}}: keep both
            command = token.text[1:]
            if command in BOLD_MATRIX:
                name = f"\\mathbf{{{inner}}}"
            elif command in DECORATION:
                name = f"{DECORATION[command]}{{{inner}}}"
            else:
                name = inner
        else:
            self.fail("expected a letter to decorate", token)
            raise AssertionError
        if braced:
            if self.at("_") and not (subscript_outside and token.kind in ("letter", "command")
                                     and self.subscript_moved_outside()):
                self.fail("write the subscript outside the decoration: \\hat{y}_i")
            self.expect("}")
        return name

    def subscript_moved_outside(self) -> bool:
        """``\\hat{y_1}``, ``\\hat{y_{ij}}`` (at the ``_``): the closing brace moved before the
        subscript, so the decoration closes and the subscript follows it; False (nothing moved)
        when anything but the subscript stands before the closing brace."""
        end = self.position + 2  # past "_" and one token
        if self.peek().text == "{":
            depth, end = 0, self.position + 1
            while True:
                token = self.tokens[end]
                if token.kind == "end":
                    return False
                depth += {"{": 1, "}": -1}.get(token.text, 0)
                end += 1
                if depth == 0:
                    break
        if end >= len(self.tokens) or self.tokens[end].text != "}":
            return False
        closing = self.tokens[end]
        del self.tokens[end]
        self.tokens.insert(self.position, closing)
        return True

    def fraction(self, token: Token) -> sp.Basic:
        self.brace_operator_numerator()
        derivative = self.try_derivative_fraction()
        if derivative is not None:
            return derivative
        numerator = self.group() if self.at("{") else self.script()
        denominator = self.group() if self.at("{") else self.script()
        return self.build.divide(numerator, denominator, token.column)

    def brace_operator_numerator(self) -> None:
        r"""``\frac d{dx}``, ``\frac\partial{\partial x}``: TeX's unbraced one-token numerator,
        written as ``\frac{d}{dx}`` so the derivative is read (never d/(d·x) = 1/x: round 40
        J01, J02); only before a denominator that starts with d or \partial."""
        current = self.current
        if current.text not in ("d", r"\partial") or self.peek().text != "{" or (
            self.peek(2).text not in ("d", r"\partial", r"\mathrm")
        ) or (self.peek(2).text == "d" and self.peek(3).kind not in ("letter", "command")):
            return  # \frac d{d+1}, \frac d{d_1}: d over a sum or a name (round 41 P)
        self.tokens[self.position:self.position + 1] = [
            Token("symbol", "{", current.column), current, Token("symbol", "}", current.column)]

    def try_derivative_fraction(self) -> sp.Basic | None:
        r"""\frac{d}{dx}, \frac{df}{dx}, \frac{\partial f}{\partial x}, \frac{d^2 f}{dx^2}."""
        if not self.at("{"):
            return None
        start = self.position
        head = self.peek()
        if not (
            head.text in ("d", r"\partial")
            or (head.text == r"\mathrm" and self.peek(2).text == "{" and self.peek(3).text == "d")
        ):  # noqa: E501
            return None
        # find the end of the numerator group
        depth, offset = 0, 0
        while True:
            token = self.peek(offset)
            if token.kind == "end":
                return None
            if token.text == "{":
                depth += 1
            elif token.text == "}":
                depth -= 1
                if depth == 0:
                    break
            offset += 1
        after_numerator = self.position + offset + 1
        denominator_start = (
            self.tokens[after_numerator] if after_numerator < len(self.tokens) else None
        )  # noqa: E501
        if denominator_start is None or denominator_start.text != "{":
            return None
        first_in_denominator = self.tokens[after_numerator + 1]
        if first_in_denominator.text not in ("d", r"\partial", r"\mathrm"):
            return None
        # a numerator 'd' followed directly by a letter that makes a word (e.g. 'dx' alone)
        self.advance()  # {
        operator = self.advance().text
        if operator == r"\mathrm":
            self.expect("{")
            self.expect("d")
            self.expect("}")
            operator = "d"
        order = 1
        if self.accept("^"):
            order_expr = self.script()
            if isinstance(order_expr, sp.Symbol):  # \frac{d^n f}{dx^n}
                self.fail("an n-th derivative of symbolic order is operator notation (not read)")
            if not order_expr.is_Integer or not 1 <= int(order_expr) <= 4:
                self.fail("derivative order must be an integer from 1 to 4")
            order = int(order_expr)
        function = None
        if not self.at("}"):
            with self.build.inside_derivative():
                function = self.expr()
        self.expect("}")
        self.expect("{")
        variables: list[sp.Basic] = []
        while not self.at("}"):
            marker = self.advance()
            if marker.text == r"\mathrm":
                self.expect("{")
                self.expect("d")
                self.expect("}")
            elif marker.text not in ("d", r"\partial"):
                self.position = start
                return None
            variable = self.derivative_variable()
            if self.at("^") and (self.peek().text == "(" or (
                self.peek().text == "{" and self.peek(2).text == "("
            )):  # \partial \mathbf{W}^{(2)}: a label, not the order
                self.advance()
                variable = self.parenthesised_superscript(variable)
            elif self.at("^") and self.peek().text == "{" and self.peek(2).text == "[" and (
                    isinstance(variable, (sp.Symbol, sp.MatrixSymbol))):
                self.advance()  # \partial W^{[1]}: the layer label, not the order (round 15 F45)
                variable = self.bracketed_superscript(variable)
            power = 1
            if self.accept("^"):
                power_expr = self.script()
                if not power_expr.is_Integer or not 1 <= int(power_expr) <= 4:
                    self.fail("derivative order must be an integer from 1 to 4")
                power = int(power_expr)
            variables.extend([variable] * power)
        self.expect("}")
        if len(variables) != order:
            self.fail("the orders of the numerator and denominator differ")
        if function is None:
            self.enter()
            start = self.position
            with self.build.inside_derivative():
                function = self.term()
            self.leave()
            self.refuse_open_sum(start, "\\frac{d}{dx}")
            return _derivative(function, variables, self)
        derivative = _derivative(function, variables, self)
        if self.at_parenthesis():
            return self.derivative_at(derivative, variables)
        return derivative

    def refuse_open_sum(self, start: int, operator: str) -> None:
        r"""``\frac{d}{dx} x^2 + 3x``: the operator applies to the term that follows, but many
        notes write it before an unparenthesised sum and mean the whole sum — two readings, not
        read. The operand in parentheses (``\frac{d}{dx}(x^2) + 3x``) or a derivative after
        the sign (``\frac{d}{dx} x^2 + \frac{d}{dx} 3x``) is clear."""
        if not (self.at("+") or self.at("-") or self.at(r"\pm") or self.at(r"\mp")):
            return
        if self.derivative_in_next_term():
            return
        first, last = self.tokens[start], self.tokens[self.position - 1]
        if (first.text in ("(", "[") or first.text[1:] in SIZING) and last.text in (")", "]"):
            if self.closing_of(start) == self.position - 1:
                return
        self.fail(f"{operator} before an unparenthesised sum: of the first term only or of the "
                  "whole sum — two readings (ambiguous notation, not read)")  # fmt: skip

    def derivative_in_next_term(self) -> bool:
        r"""The term after the current sign holds a derivative operator of its own
        (``3 \frac{d}{dx} x^2 - 4 \frac{d}{dx} x``): the author writes one per term."""
        depth, offset = 0, 1
        while (token := self.peek(offset)).kind != "end":
            if token.text in ("(", "[", "{"):
                depth += 1
            elif token.text in (")", "]", "}"):
                depth -= 1
                if depth < 0:
                    return False
            elif depth == 0 and offset > 1 and token.text in ("+", "-", r"\pm", r"\mp"):
                return False
            if token.text in (r"\nabla", r"\partial") or (
                token.text in (r"\frac", r"\dfrac", r"\tfrac") and self.peek(offset + 1).text == "{"
                and self.peek(offset + 2).text in ("d", r"\partial", r"\mathrm")
            ):  # fmt: skip
                return True
            offset += 1
        return False

    def closing_of(self, start: int) -> int:
        """The index of the token closing the group that opens at ``start``."""
        depth = 0
        for index in range(start, len(self.tokens)):
            text = self.tokens[index].text
            if text in ("(", "[", "{"):
                depth += 1
            elif text in (")", "]", "}"):
                depth -= 1
                if depth == 0:
                    return index
        return -1

    def derivative_at(self, derivative: sp.Basic, variables: list) -> sp.Basic:
        r"""``\frac{dg}{dx}(x)`` is the derivative itself; ``\frac{dg}{dh}(h(x))`` its value at
        h(x); ``\frac{df}{dx}\left(\frac{df}{dx}\right)`` composes operators (not read)."""
        arguments = self.arguments()
        distinct = list(dict.fromkeys(variables))
        if len(arguments) != len(distinct):
            self.fail("a derivative evaluated at a different number of points")
        if any(argument.atoms(sp.Derivative) for argument in arguments):
            self.fail("a derivative applied to a derivative is operator notation (not read)")
        if list(arguments) == distinct:
            return derivative
        return sp.Subs(derivative, tuple(distinct), tuple(arguments))

    def derivative_variable(self) -> sp.Basic:
        if self.at("{"):
            self.advance()
            variable = self.postfix()
            self.expect("}")
            return variable
        return self.postfix_no_power()

    def postfix_no_power(self) -> sp.Basic:
        return self.layer_label(self.primary())  # matrix hook: \partial \mathbf{W}^{(2)}

    def big_operator(self, name: str, token: Token) -> sp.Basic:
        r"""\sum_{i=1}^{n} body, \sum_i body (i = 1..n), \prod likewise."""
        if not self.at("_"):
            self.fail(f"\\{name} needs an index: \\{name}_{{i=1}}^{{n}}", token)
        self.advance()
        braced = self.accept("{")
        index_token = self.advance()
        if index_token.kind != "letter":
            self.fail("the summation index must be a letter", index_token)
        index = sp.Symbol(index_token.text, integer=True)
        low: sp.Basic = sp.Integer(1)
        high: sp.Basic = SIZE
        explicit_bounds = False
        more: list[sp.Symbol] = []  # entries hook: \sum_{i, j} over two indices
        while braced and self.accept(","):
            letter = self.advance()
            if letter.kind != "letter":
                self.fail("the summation index must be a letter", letter)
            more.append(sp.Symbol(letter.text, integer=True))
        if more and not self.at("}"):
            self.fail("\\sum_{i, j} with bounds is not read")
        if braced:
            if self.accept("="):
                low = self.expr()
                explicit_bounds = True
            elif self.at(r"\in"):
                self.fail("\\sum over a set is not supported; use \\sum_{i=1}^{n}")
            elif self.current.text[1:] in RELATION_COMMANDS:  # \sum_{j \neq y_i}: all but one
                self.fail(f"a sum over {index_token.text} {self.current.text} … (a range "
                          "cut by a condition) is not read")  # fmt: skip
            self.expect("}")
        if self.accept("^"):
            high = self.script(bound=True)
            explicit_bounds = True
        elif explicit_bounds:
            self.fail("a sum with a lower bound needs an upper bound")
        self.bound.extend([index, *more])
        recorded = len(self.build.conditions)
        try:
            self.enter()
            body = self.term()
            self.leave()
        finally:
            del self.bound[-1 - len(more):]
        if isinstance(body, sp.MatrixExpr):
            self.fail("sums of matrices are not supported")
        for inner in reversed([index, *more]):  # entries hook: bounds from the shapes
            top = entries.bounded_range(body, inner, low, high, MATRIX_SIZE, self.fail) \
                if explicit_bounds else entries.range_from_shapes(body, inner, None, self.fail)
            if more and top is None:  # \sum_{i, j} x_{ij} with x_{ij} one name: not read
                self.fail("\\sum_{i, j} is read over entries of matrices only (x_{ij} of "
                          "\\mathbf{X}); here an index is not an entry's")  # fmt: skip
            top = SIZE if top is None else top
            body = self.build.big_operator(name, body, inner, low, top, column=token.column)
        every = _indices(low, high) if not more and explicit_bounds else None
        self.build.release(recorded, [index, *more], [  # (checked at each term: big_operator)
            {index: at} for at in (every or ([low, high] if not more else []))],
            how="every" if every else "ends", lowest={index: low} if not more else None)
        return body


def _oscillates_inside(body: sp.Basic, variable, point=None) -> bool:
    """Whether an oscillating function of ``variable`` (sin t) stands inside the argument of
    another function (tanh(t sin t), log(2 + sin t)): SymPy's limit at ±∞ then answers wrongly
    (round 31b F02, F03: 1 + 2 tanh(t sin t) "→ 1"); a product or quotient (sin t / t) is
    read by its bounds. At a finite ``point``, only one oscillating without end there
    (sin(1/t) at 0: :func:`oscillates_near`) counts."""
    return any(inner.has(variable) and (point is None or oscillates_near(inner, variable, point))
               for outer in body.atoms(sp.Function)
               for argument in outer.args for inner in argument.atoms(*OSCILLATING))


# functions whose value jumps: SymPy's limit at a point with letters takes the value there
JUMPING = (sp.floor, sp.ceiling, sp.frac, sp.sign, sp.Mod, sp.Heaviside, sp.Piecewise)


def _indices(low: sp.Basic, high: sp.Basic, most: int = 200) -> list:
    """Every value a sum's index takes, for a written range of at most ``most`` terms (its
    body's requirements are kept on the free names at each: round 28 F18), else []."""
    if low.is_Integer and high.is_Integer and 0 <= high - low < most:
        return [sp.Integer(value) for value in range(int(low), int(high) + 1)]
    return []


def _varies(factor: sp.Basic) -> bool:
    """A factor that is not a constant (a name, an entry, a function of one)."""
    return not isinstance(factor, sp.Basic) or bool(factor.free_symbols) or isinstance(
        factor, sp.MatrixExpr)


def _escaped_index(terms: list) -> str:
    """The index of a sum among ``terms`` that a later term uses free (``\\sum_i y_i \\log
    \\pi_i + (1 - y_i) \\log(1 - \\pi_i)``: y_i after the body), else ""."""
    indices: set[str] = set()
    for term in terms:
        if not isinstance(term, sp.Basic):
            continue
        for symbol in term.free_symbols:
            name = str(symbol)
            subscript = name.rsplit("_", 1)[1].strip("{}") if "_" in name else name
            if subscript in indices:
                return subscript
        for big in term.atoms(sp.Sum, sp.Product):
            indices.update(str(limit[0]) for limit in big.limits)
    return ""


def _subscript_family(term: sp.Basic) -> tuple[str, list[str]] | None:
    """(n, bases) when every subscripted name of ``term`` ends in the same letter ``_n``."""
    bases, bound = [], None
    for symbol in term.free_symbols:
        name = str(symbol)
        if "_" not in name:
            continue
        base, subscript = name.rsplit("_", 1)
        if not (len(subscript) == 1 and subscript.isalpha()) or bound not in (None, subscript):
            return None
        bound = subscript
        bases.append(base)
    return (bound, bases) if bound else None


def _indexed_names(term: sp.Basic) -> sp.Basic:
    """``β[2]·x[2]`` written as ``β_2 x_2``: the term with entries spelled as names."""
    return term.xreplace({
        entry: sp.Symbol(f"{entry.base}_{entry.indices[0]}")
        for entry in term.atoms(sp.Indexed) if len(entry.indices) == 1
    })  # fmt: skip


def reads_as_function(name: str) -> bool:
    """Whether ``name(…)`` is read as an application by default (f, g, h, F, G, H, J, L, P,
    I, ℓ, φ, ψ and their subscripted or decorated forms)."""
    base = _base_letter(name)
    return base in FUNCTION_LETTERS or base in FUNCTION_GREEK


def _base_letter(name: str) -> str:
    """``h`` of ``h_\\theta``, ``f`` of ``\\bar{f}_w``, ``ell`` of ``ell``."""
    name = name.split("_", 1)[0]
    if name.startswith("\\") and "{" in name:
        name = name[name.index("{") + 1 : name.rindex("}")] if "}" in name else name
    return name


def _joined_lines(tokens: list[Token]) -> list[Token]:
    r"""A group broken over two display lines, ``\left( a + \right. \\ \left. b \right)``:
    the invisible ``\right.``, the line break and the invisible ``\left.`` are typography
    only, so they are dropped and the group reads ``( a + b )``."""
    texts = [t.text for t in tokens]
    joined: list[Token] = []
    index = 0
    while index < len(tokens):
        if texts[index : index + 2] == [r"\right", "."]:
            after = index + 2 + (texts[index + 2 : index + 3] == ["\\\\"])
            if texts[after : after + 2] == [r"\left", "."]:
                index = after + 2
                continue
        joined.append(tokens[index])
        index += 1
    return joined


def _unbraced_increments(tokens: list[Token]) -> list[Token]:
    r"""``\Delta{t}`` is ``\Delta t`` (and ``\delta{x}`` is ``\delta x``): braces around the one
    letter after the increment sign change nothing, so they are dropped and the increment (or
    the Laplacian) rule reads both spellings alike (round 57 AS01: ``\Delta{t}`` was Δ·t)."""
    kept: list[Token] = []
    index = 0
    while index < len(tokens):
        kept.append(tokens[index])
        braced = [t.text for t in tokens[index + 1 : index + 4]]
        if (tokens[index].text in (r"\Delta", r"\delta") and len(braced) == 3
                and braced[0] == "{" and tokens[index + 2].kind == "letter" and braced[2] == "}"):
            kept.append(tokens[index + 2])
            index += 4
            continue
        index += 1
    return kept


def _spacing(token: Token) -> bool:
    return token.kind == "command" and token.text[1:] in SPACING or token.text == "&"


def _upright_label(parts: list[Token]) -> str:
    r"""``\mathrm{MSE}`` for a subscript that is one upright word (``\text{MSE}``,
    ``\textrm{max}``, ``\mathrm{MSE}``, two letters or more): a label, named with its braces so
    that no letter of it is read as an index; '' otherwise."""
    texts = [t.text for t in parts]
    if len(texts) < 4 or texts[0][1:] not in UPRIGHT_TEXT or texts[1] != "{" or texts[-1] != "}":
        return ""
    word = "".join(texts[2:-1])
    return f"\\mathrm{{{word}}}" if re.fullmatch(r"[A-Za-z]{2,}", word) else ""


def _plain(token: Token) -> str:
    if token.kind == "command":
        return token.text[1:]
    return token.text


def _transpose(value: sp.Basic) -> sp.Basic:
    if isinstance(value, sp.MatrixExpr):
        return value.T
    if isinstance(value, sp.Symbol):
        raise ParseError(
            f"transpose of {value}, which has no shape here (read as a number; a shape stated "
            f"in words for a lower-case letter is not read): declare it with "
            f"'assume {value} matrix R C' (or vector N)"
        )
    return value


def _derivative(function: sp.Basic, variables: list[sp.Basic], parser: _Parser) -> sp.Basic:
    if any(isinstance(variable, sp.MatrixSymbol) for variable in variables):
        return _matrix_derivative(function, variables, parser)
    if variables and all(isinstance(v, MatrixElement) for v in variables):  # entries hook
        function = matrices.as_scalar(function)  # d/dx_k (x^T A x): the 1×1 product's entry
        if isinstance(function, sp.MatrixExpr):
            parser.fail("the derivative of a matrix by an entry (a matrix of derivatives) is "
                        "not read")  # fmt: skip
        return parser.build.derivative(function, variables)
    matrices.refuse_entry_derivative(function, parser.fail)  # matrix hook: d/dv_ab of V
    entries.refuse_unlinked_entry_derivative(function, variables, parser.fail)  # v_kb unlinked
    for variable in variables:
        if isinstance(variable, sp.MatrixExpr) or isinstance(function, sp.MatrixExpr):
            parser.fail("derivatives with respect to matrices are not supported in notes yet")
        if not isinstance(variable, (sp.Symbol, sp.Indexed)):
            parser.fail("a derivative must be taken with respect to a symbol")
    return parser.build.derivative(function, variables)


def _matrix_derivative(function: sp.Basic, variables: list, parser: _Parser) -> sp.Basic:
    # --- matrix hook (owner: matrix engineer; symderive.grammar.matrices) ---
    derivative = matrices.matrix_derivative(function, variables, parser.fail)
    name = variables[0].name
    how = parser.readings.get(name, "")
    if matrices.LAYOUT_READING not in how:
        parser.readings[name] = "; ".join(filter(None, (how, matrices.LAYOUT_READING)))
    return derivative


def parse_latex_math(
    text: str,
    *,
    context: LatexContext | None = None,
    source: str = "<input>",
    line: int = 1,
) -> sp.Basic:
    """Parse one side of an equation written in the LaTeX subset into a SymPy expression.

    Raises :class:`symderive.errors.ParseError` (with source, line, column) for anything outside
    the subset or beyond the input limits.
    """
    return parse_latex_side(text, context=context, source=source, line=line)[0]


def parse_latex_side(
    text: str,
    *,
    context: LatexContext | None = None,
    source: str = "<input>",
    line: int = 1,
) -> tuple[sp.Basic, tuple]:
    """Like :func:`parse_latex_math`, with the natural domain of the written form (the
    :class:`~symderive.grammar.build.Condition` s recorded while building)."""
    value, _readings, conditions = parse_latex_reading(
        text, context=context, source=source, line=line
    )
    return value, conditions


def parse_latex_reading(
    text: str,
    *,
    context: LatexContext | None = None,
    source: str = "<input>",
    line: int = 1,
) -> tuple[sp.Basic, dict[str, str], tuple]:
    """Like :func:`parse_latex_side` (value and natural domain), with how each name was read
    where the reading is not literal (``h_\\theta``: unknown function of 1 argument; ``\\mathbf{A}``: matrix …)."""
    parser = _Parser(text, context or LatexContext(), source, line)
    try:
        with time_limit(LIMITS.parse_seconds, source=source, what="building the expression"):
            result = parser.build.finish(parser.parse())
        return result, dict(parser.readings), tuple(parser.build.conditions)
    except RecursionError:
        raise ParseError("expression nested too deeply", source=source, line=line) from None
    except (ValueError, TypeError, AttributeError, ZeroDivisionError, NotImplementedError) as error:
        raise ParseError(
            f"cannot build this expression: {sympy_refusal(error)}", source=source, line=line
        ) from None


def parse_latex_identity_side(text: str) -> sp.Basic:
    """One side of ``symderive equal --latex LHS RHS`` (no context: symbols are real)."""
    return parse_latex_math(text, source="<command line>")
