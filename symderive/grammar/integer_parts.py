r"""Integer-valued notation of the LaTeX subset: ``\lfloor x \rfloor``, ``\lceil x \rceil`` and
the binomial coefficient ``\binom{n}{k}`` (``{n \choose k}``).

* ``\lfloor x \rfloor`` is SymPy's ``floor(x)`` and ``\lceil x \rceil`` its ``ceiling(x)``
  (also sized: ``\left\lfloor … \right\rfloor``, ``\big\lceil … \big\rceil``).  The bracket
  is a delimiter, never a name: an opener without its closer is an error, and the mixed
  ``\lfloor x \rceil`` (rounding to the nearest integer, whose ties each author sends
  elsewhere) is not read.
* ``\binom{n}{k}`` is SymPy's ``binomial(n, k)`` read combinatorially: the names of the upper
  argument are positive integers (sizes, as a sum's bound), a name written alone as the lower
  argument is an integer index from 0 to the upper argument (a claim about ``\binom{n}{k}``
  is a claim for 0 ≤ k ≤ n), other names of the lower argument are sizes.  A written number
  in the lower argument must be an integer; a written number above may be a fraction
  (Newton's ``\binom{1/2}{k}``).  A name that is not an integer letter (``\binom{x}{2}``,
  ``\binom{\alpha}{k}``: a generalised coefficient of a real number?) is not read.  A lower
  argument below 0 is outside the domain (conventions differ there: round 27b F02).
"""

from __future__ import annotations

import sympy as sp

FLOOR_BRACKETS = {r"\lfloor": (r"\rfloor", sp.floor), r"\lceil": (r"\rceil", sp.ceiling)}
CLOSERS = frozenset({r"\rfloor", r"\rceil"})
BINOMIAL_COMMANDS = frozenset({"binom", "dbinom", "tbinom"})
# names an author writes for integers (counts, sizes, indices) in a binomial coefficient
INTEGER_LETTERS = frozenset("nmkijlrstNMKR")
BINOMIAL_READING = ("binomial coefficient: the upper names positive integers, a lower name "
                    "alone an integer from 0 to the upper argument")  # fmt: skip


def floor_or_ceiling(parser, opener) -> sp.Basic:
    r"""``\lfloor x \rfloor`` / ``\lceil x \rceil``: the opener (a token) is already read;
    a sizing command may precede the closer."""
    closer, function = FLOOR_BRACKETS[opener.text]
    parser.enter()
    inner = parser.expr()
    parser.leave()
    if parser.current.kind == "command" and parser.current.text[1:] in (
        "right", "big", "Big", "bigg", "Bigg", "bigr", "Bigr", "biggr", "Biggr"
    ):  # fmt: skip
        parser.advance()
    if parser.current.text in CLOSERS and parser.current.text != closer:
        parser.fail(f"{opener.text} … {parser.current.text}: a mixed bracket (rounding to the "
                    "nearest integer? its ties go up or to even) is not read")  # fmt: skip
    if parser.current.text != closer:
        parser.fail(f"expected {closer} to close {opener.text} (column {opener.column})")
    parser.advance()
    if isinstance(inner, sp.MatrixExpr):
        parser.fail(f"{opener.text} of a matrix or vector is not read", opener)
    name = "floor" if function is sp.floor else "ceiling"
    parser.readings.setdefault(opener.text + closer, f"{name}: the integer part (SymPy {name})")
    return function(inner)


def binomial(parser, upper: sp.Basic, lower: sp.Basic, token) -> sp.Basic:
    r"""``\binom{upper}{lower}``: SymPy's binomial coefficient, guarded (see the module)."""
    for argument in (upper, lower):
        if isinstance(argument, sp.MatrixExpr):
            parser.fail("a binomial coefficient of a matrix or vector is not read", token)
        for symbol in argument.free_symbols:
            name = getattr(symbol, "name", "")
            if symbol.is_integer or name.split("_")[0] in INTEGER_LETTERS:
                continue
            parser.fail(f"\\binom with {name!r}: a generalised binomial coefficient of a real "
                        "number or a count? (only integer letters n, m, k, i, j, … are read)",
                        token)  # fmt: skip
    if lower.is_number and not lower.is_integer:
        parser.fail("the lower argument of a binomial coefficient must be an integer", token)
    if upper.is_number and not upper.is_rational:
        parser.fail("the upper argument of a binomial coefficient must be a written number "
                    "or integer names", token)  # fmt: skip
    if lower.is_number and upper.is_number:
        smaller = min(int(lower), int(upper - lower)) if upper.is_integer else int(lower)
        if smaller > parser.build.limits.factorial:
            parser.fail(f"a binomial coefficient larger than the factorial limit "
                        f"({parser.build.limits.factorial}!) is not built", token)  # fmt: skip
    elif lower.is_number and int(lower) > parser.build.limits.factorial:
        parser.fail(f"a binomial coefficient with a lower argument larger than "
                    f"{parser.build.limits.factorial} is not built", token)  # fmt: skip
    parser.readings.setdefault(r"\binom", BINOMIAL_READING)
    return parser.build.binomial(upper, lower, token.column)


def integer_names(value: sp.Basic) -> sp.Basic:
    r"""The side with the names of its binomial coefficients made integers everywhere in it
    (the n of ``\binom{n}{2} = n(n-1)/2`` is one positive integer on both sides of the
    product): upper names and lower names not alone → positive integers; a lower name alone →
    an integer (its range 0..upper is given by the notes reader, :func:`binomial_domains`)."""
    if not isinstance(value, sp.Basic) or not value.has(sp.binomial):
        return value
    sizes, indices = binomial_names(value)
    replacements = {}
    for symbol in value.free_symbols:
        if not isinstance(symbol, sp.Symbol) or symbol.is_integer:
            continue
        if symbol.name in indices and symbol.name not in sizes:
            replacements[symbol] = sp.Symbol(symbol.name, integer=True)
        elif symbol.name in sizes:
            replacements[symbol] = sp.Symbol(symbol.name, integer=True, positive=True)
    return value.xreplace(replacements) if replacements else value


def binomial_names(value: sp.Basic) -> tuple[set[str], dict[str, list]]:
    """(names read as sizes, {name written alone as a lower argument: its upper arguments})."""
    sizes: set[str] = set()
    indices: dict[str, list] = {}
    for node in value.atoms(sp.binomial):
        upper, lower = node.args
        sizes |= {s.name for s in upper.free_symbols if isinstance(s, sp.Symbol)}
        if isinstance(lower, sp.Symbol):
            indices.setdefault(lower.name, []).append(upper)
        else:
            sizes |= {s.name for s in lower.free_symbols if isinstance(s, sp.Symbol)}
    return sizes, indices
