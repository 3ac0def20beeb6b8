"""Random points from each symbol's domain, as exact rationals.

Exact rational points keep the numeric check honest: the only rounding is in the final
30-digit evaluation, and a counterexample reads as plain fractions (``x = 3/7``).
"""

from __future__ import annotations

import itertools
import time
import random
from collections import defaultdict

import sympy as sp

from symderive.check.context import CheckContext
from symderive.functions import leaky_relu, relu
from symderive.model import SIZE as SIZE_DOMAIN
from symderive.model import in_interval

SIZES = (1, 2, 3, 4, 5, 6, 7)  # sizes tried for symbolic bounds, each symbol independently
# A plain sum over one size (no entries drawn, no derivative) is also tried at every size up
# to 16, at one random point each (round 9a, b24: sizes 8…40 were a gap for every sum).  What
# an adversary can still hide: a failure at a size > 16 that no number the claim writes or
# names (its number-valued parts, its kinks: :func:`critical_sizes`) points to and the one
# drawn size misses — a threshold built from the size alone (𝟙(n = n!)) or from a number no
# kink solution exposes.  Such a claim is checked, not proved: "sizes (n) = …" lists them.
# The first jumps of a floor/ceiling/frac/mod of the size are named too (size_jumps), and a
# claim about sizes alone is tried over the DECADES it affords (round 14b F1).
DENSE_SIZES = tuple(range(8, 17))
MATRIX_SIZES = (1, 2, 3)  # sizes of matrices of symbolic shape (explicit entries are costly)
RANK_SIZE_CAP = 6


def rank_size(lhs, rhs) -> int:
    """One size beyond :data:`MATRIX_SIZES` for a claim about vectors and matrices of symbolic
    size: k vectors of R^n are dependent exactly when n < k, so an identity can hold at every
    n ≤ 3 and fail beyond (the Gram determinant of four vectors, review round 10 C8). The size
    is one more than the number of such names, at most :data:`RANK_SIZE_CAP`; it is tried when
    it lies beyond the sizes tried anyway (four names or more)."""
    names = {m for side in (lhs, rhs) if isinstance(side, sp.Basic)
             for m in side.atoms(sp.MatrixSymbol)
             if any(getattr(d, "free_symbols", None) for d in m.shape)}
    return min(RANK_SIZE_CAP, len(names) + 1)  # up to 3 names, n = 3 already separates them
MAX_SIZE_COMBINATIONS = 10
PRIMES = (2, 3, 5, 7, 11, 13)

# how each real coordinate is drawn, in turn: small fractions with large denominators, values
# spread over many decades, irrational points (a rational times a square root or π)
STYLES = ("small", "wide", "small", "irrational", "wide", "small", "tiny", "irrational")


def _magnitude(rng: random.Random, style: str) -> sp.Basic:
    """A positive value: small (0, 8], wide 10^-6..10^6, tiny 10^-12..10^-6, or irrational."""
    if style == "plain":  # the first point: a counterexample a reader can check by hand
        return sp.Rational(rng.randint(1, 48), rng.choice((3, 4, 5, 7)))
    # denominators from a fixed list and from a random range: no fixed set of points holds
    # every sample (a function vanishing on k/d for the listed d must still be caught)
    denominator = rng.choice((7, 12, 97, 1000, 65537, 999_983, rng.randint(10**5, 10**12)))
    if style == "small":
        return sp.Rational(rng.randint(1, 8 * denominator), denominator)
    if style == "tiny":
        return sp.Rational(rng.randint(1, 999), 1000) * sp.Rational(1, 10 ** rng.randint(6, 12))
    if style == "irrational":
        coefficient = sp.Rational(rng.randint(1, 400), rng.randint(1, 10**6))
        prime = rng.choice(PRIMES)
        irrational = rng.choice(
            (sp.sqrt(prime), sp.cbrt(prime), sp.root(prime, 5), sp.pi, sp.E, sp.log(prime))
        )
        return coefficient * irrational
    exponent = rng.randint(-6, 6)
    mantissa = sp.Rational(rng.randint(denominator, 10 * denominator), denominator)
    return mantissa * sp.Rational(10) ** exponent


def draw_value(kind: str, rng: random.Random, style: str | None = None) -> sp.Basic:
    """One exact value from a scalar domain (a rational, or an exact irrational number)."""
    style = style or rng.choice(STYLES)
    if kind == "positive":
        return _magnitude(rng, style)
    if kind == "negative":
        return -_magnitude(rng, style)
    if kind == "nonnegative":
        return _magnitude(rng, style) if rng.random() > 0.05 else sp.S.Zero
    if kind == "integer":
        if style == "wide":
            return sp.Integer(rng.choice((-1, 1)) * rng.randint(10, 10**6))
        return sp.Integer(rng.randint(-12, 12))
    if kind == "probability":
        if style == "tiny":
            edge = sp.Rational(rng.randint(1, 999), 10 ** rng.randint(4, 9))
            return edge if rng.random() < 0.5 else 1 - edge
        denominator = rng.choice((100, 997, 65537))
        return sp.Rational(rng.randint(1, denominator - 1), denominator)
    # real and nonzero: both signs; 0 is reached through kink and edge points
    return rng.choice((-1, 1)) * _magnitude(rng, style)


def draw_in_interval(domain, rng: random.Random, style: str | None = None) -> sp.Basic:
    """One exact value of an interval domain: a closed end now and then (identities that fail
    only there are caught), else a point inside (a fraction of the width, or a magnitude past
    the one finite end)."""
    low, high = domain.low, domain.high
    ends = [end for end, closed in ((low, domain.ends[0] == "["), (high, domain.ends[1] == "]"))
            if end is not None and closed]  # fmt: skip
    if ends and rng.random() < 0.05:
        return sp.Rational(rng.choice(ends))
    style = style or rng.choice(STYLES)
    if low is not None and high is not None:
        return low + (high - low) * draw_value("probability", rng, style)
    if low is not None:
        return low + _magnitude(rng, style)
    if high is not None:
        return high - _magnitude(rng, style)
    return draw_value("real", rng, style)


def dense_only(size_values: dict) -> bool:
    """Whether this one size lies among :data:`DENSE_SIZES` (compared at one point there)."""
    return len(size_values) == 1 and int(next(iter(size_values.values()))) in DENSE_SIZES


def size_combinations(
    size_symbols: list, rng: random.Random, sizes: tuple[int, ...] = SIZES, wide: bool = False
) -> list[dict]:
    """Sizes for the size symbols, each sampled independently: every value of ``sizes`` for
    one symbol; for several, all-ones, the diagonal, and random independent combinations.
    ``wide``: a claim whose cost does not grow with the size is also tried at sizes drawn
    further out (whatever other sizes its numbers name: round 14b F1)."""
    if not size_symbols:
        return [{}]
    # beyond the small sizes, two drawn from further out: a polynomial in n vanishing at
    # 1..7 (``(n-1)…(n-7) = 0``) must still be caught
    # (and one large size, so a product of 40 factors (n - i) is caught as well)
    wider = sizes
    if wide or sizes == SIZES:
        wider = sizes + (rng.randint(8, 12), rng.randint(13, 64), rng.randint(65, 10**6))
    if len(size_symbols) == 1:
        values = [(v,) for v in wider]
    else:
        count = len(size_symbols)
        values = [(1,) * count, (2,) * count]
        values += [tuple(rng.choice(wider) for _ in range(count)) for _ in range(40)]
        values = list(dict.fromkeys(values))[:MAX_SIZE_COMBINATIONS]
    return [dict(zip(size_symbols, (sp.Integer(v) for v in combo))) for combo in values]


# Several size symbols (round 9a C6: Σ_i^m Σ_j^n 1 = mn + 𝟙((m, n) = (3, 5)) was checked at
# 15 pairs that missed (3, 5)): every tuple of the product 1..K of the small sizes, K as large
# as PRODUCT_TERMS affords (the terms a nested sum writes out at all the tuples together,
# (K(K+1)/2)^k; entries drawn or derivatives cost more: PRODUCT_TERMS_COSTLY).  Two sizes of a
# plain sum: K = 7 (49 pairs); three: K = 5; four: K = 3.  A claim whose product affords
# K < PRODUCT_SMALLEST is not checked on a thin sample: its verdict is undecided.
PRODUCT_TERMS = 4096
PRODUCT_TERMS_COSTLY = 800
PRODUCT_SMALLEST = 3


def product_side(count: int, costly: bool) -> int:
    """The largest K <= 7 whose product 1..K over ``count`` sizes the claim affords (0: none)."""
    budget = PRODUCT_TERMS_COSTLY if costly else PRODUCT_TERMS
    return max((k for k in SIZES if (k * (k + 1) // 2) ** count <= budget), default=0)


def size_product(size_symbols: list, side: int) -> list[dict]:
    """Every tuple of sizes 1..``side`` for the size symbols (the diagonal first)."""
    tuples = sorted(itertools.product(range(1, side + 1), repeat=len(size_symbols)),
                    key=lambda combo: (len(set(combo)) > 1, max(combo), combo))  # fmt: skip
    return [dict(zip(size_symbols, (sp.Integer(v) for v in combo))) for combo in tuples]


def tuples_text(size_symbols: list, tuples: list) -> str:
    """The size tuples evaluated, for a verdict: a complete product 1..K named as such, the
    other tuples listed (``size tuples (m, n) = every tuple of 1..7 (49), (8, 49)``)."""
    names = ", ".join(str(s) for s in size_symbols)
    done = list(dict.fromkeys(tuple(t) for t in tuples))
    side = 0
    for k in SIZES:  # the largest complete product among the tuples
        if set(itertools.product(range(1, k + 1), repeat=len(size_symbols))) <= set(done):
            side = k
    cube = set(itertools.product(range(1, side + 1), repeat=len(size_symbols))) if side else set()
    rest = [str(t) for t in done if t not in cube]
    parts = ([f"every tuple of 1..{side} ({side ** len(size_symbols)})"] if side > 1 else []) + rest
    return f"size tuples ({names}) = " + ", ".join(parts)


ENTRY_PATTERNS = ((3,), (3, 4), (4, 3), (4,))  # every dimension >= 3 at once, square and not,
# and every dimension 4 at once (an entry (4, 4): a kink on the diagonal i = b = 4)
LARGEST_ENTRY_SIZE = 12


# The sizes a claim's own numbers name: a claim false only at n = c (``\\mathbb{1}(n = 13)``),
# past it (``(\\sum x_i)^2 \\le 11 \\sum x_i^2`` at n = 12, ``\\min(n, 12)`` at 13) or just
# before it is tried at c - 1, c and c + 1 for every integer c it writes (numerators and
# denominators of fractions too: ``\\frac{1}{20}`` flips at n = 21), every size symbol at once.
# How far out depends on what one size costs (written out term by term, deterministic: a
# verdict never depends on the machine's speed); a size beyond the cap is named in the verdict,
# which is then undecided, not checked.
SIZE_CAP_BARE = 10**6  # no sum over the size, no entries: one evaluation costs the same at
# every size (n + ⌊n/e^{10}⌋ at n = 22027); the integers named, and DECADES, up to here
SIZE_CAP_EXPONENT = 10**4  # the same with the size in an exponent ((1 + 1/n)^n, exact)
SIZE_CAP_PLAIN = 4096  # no entries drawn: Σ i (a sum of 4096 numbers)
SIZE_CAP_ENTRIES = 160  # a sum over drawn entries x_1 … x_n (about 0.1 s a point at 160)
SIZE_CAP_COSTLY = 24  # a derivative, an expectation, or entries under a derivative
SIZE_CAP_VECTOR = 64  # vectors of symbolic length (x^T x, its derivative in x_k)
SIZE_CAP_ENTRY_MATRIX = 7  # an entry claim about matrices of symbolic shape, every dimension
# at once (7 × 7 × 7: about 0.4 s); other matrix claims (products, inverses, determinants of
# explicit matrices) stay at MATRIX_SIZES
MAX_WRITTEN_SIZES = 12  # sizes the written numbers add, at most (the smallest numbers first)


def written_constants(sides: tuple) -> tuple[int, ...]:
    """Every positive integer a claim writes, in increasing order: integers, and the numerator
    and denominator of each fraction (``\\frac{1}{20}``: 1 and 20; a decimal 0.05 likewise)."""
    found: set[int] = set()
    for side in sides:
        if not isinstance(side, sp.Basic):
            continue
        for number in side.atoms(sp.Rational, sp.Float):
            if isinstance(number, sp.Float):
                if not number.is_finite:
                    continue
                number = sp.Rational(str(number))
            found |= {abs(int(number.p)), int(number.q)}
    return tuple(sorted(value for value in found if value >= 1))


MAX_NAMED_NUMBERS = 24  # number-valued parts and kinks whose neighbours are named, at most


SCAN_SECONDS = 0.6  # of CPU, for every kink argument of a claim together


# functions whose sign over the integers no finite scan settles: a kink in them may first
# change sign far past the cap, so such a claim names a size not evaluated (undecided)
OSCILLATING = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc, sp.frac, sp.Mod)


def sign_change_sizes(argument: sp.Basic, symbol: sp.Symbol, upto: int, deadline: float) -> set[int]:
    r"""The integers around each place where a kink argument in one size changes sign (or is
    zero) between consecutive sizes 0..``upto`` (the claim's size cap) (round 10 C4: ``\max(0, \min(1, 2^n - n^6 - 1,
    n^7 - 2^n))`` is 1 only for n = 30..36, where 2^n = n^6 + 1 has no closed-form root).
    Evaluated with mpmath at 60 digits: a sign change missed by rounding sits where the
    argument is within 10^-50 of 0 relative to its terms; the sizes around it are then tried
    as neighbours of the next change, or not at all — the scan adds sizes, it never removes
    one. Stops at ``deadline`` (process time): ``upto + 1`` is then among the sizes returned,
    beyond the cap, so the verdict names a size not evaluated (never checked as though the
    scan had covered the range)."""
    import mpmath

    from symderive.check.numeric_form import mpmath_function

    try:
        function = mpmath_function(symbol, argument)
    except Exception:  # noqa: BLE001 - not scanned: a size past the cap says so
        return {upto + 1}
    found: set[int] = set()
    previous = None
    with mpmath.workdps(60):
        for size in range(0, min(upto, SIZE_CAP_PLAIN) + 1):  # (a bare claim's cap is 10^6)
            if time.process_time() > deadline:  # not every size seen: a size past the cap is
                found.add(upto + 1)  # named, which the verdict reports as not evaluated
                break
            try:
                value = function(mpmath.mpf(size))
                sign = 0 if value == 0 else (1 if value > 0 else -1)
            except (ValueError, TypeError, ZeroDivisionError, OverflowError, ArithmeticError):
                sign = None
            # a change of sign, or onto or off a zero (a run of zeros, relu(n - 1000) = 0 for
            # n ≤ 1000, names the sizes at its two ends, not every size in it: round 14b F2)
            if sign is not None and (sign != previous if previous is not None else sign == 0):
                found |= {size - 2, size - 1, size, size + 1}
            previous = sign if sign is not None else previous
    return {size for size in found if size >= 1}


def named_sizes(sides: tuple, upto: int = 0) -> set[int]:
    """The integers around every real number a claim names without writing its digits
    (round 9a C1): each number-valued part (``e^{17}``, ``\\pi^{15}``, ``\\sqrt{50}``) and
    each kink of its piecewise parts solved for its one symbol (``\\max(0, 2n - e^3)`` at
    e³/2, ``\\min(k, e^{16})`` at e¹⁶), as ⌊c⌋ - 1, ⌊c⌋, ⌈c⌉, ⌈c⌉ + 1 (certified).  A kink
    SymPy does not solve in 0.3 s names nothing (its number-valued parts still do)."""
    found: set[int] = set()
    numbers: list = []
    deadline = time.process_time() + SCAN_SECONDS
    for side in sides:  # every scan before any solving: they share one deadline
        if not isinstance(side, sp.Basic) or not upto:
            continue
        for argument in kink_arguments(side):
            (symbol, *more) = argument.free_symbols or (None,)
            if symbol is not None and not more and not argument.is_polynomial(
                    symbol):  # a size where no formula gives the zeros (2^n = n^6 + 1)
                found |= sign_change_sizes(argument, symbol, upto, deadline)
                if any(node.has(symbol) for node in argument.atoms(*OSCILLATING)):
                    found.add(upto + 1)  # sin(n) > cos(1/2000) first at n = 46849 (11b C4)
    for side in sides:
        if not isinstance(side, sp.Basic):
            continue
        numbers += [node for node in sp.preorder_traversal(side)
                    if isinstance(node, sp.Expr) and node.args and not node.free_symbols
                    and not isinstance(node, (sp.Rational, sp.Float))]  # fmt: skip
        for argument in kink_arguments(side):
            free = argument.free_symbols
            if len(free) != 1:
                continue
            (symbol,) = free
            try:
                solutions = _solved(argument, symbol)
            except (NotImplementedError, ValueError, TypeError, AttributeError):
                continue
            numbers += solutions
    numbers = list(dict.fromkeys(numbers))
    for number in numbers[:MAX_NAMED_NUMBERS]:
        if number.is_real is not False and number.is_finite:
            found |= set(integer_neighbours(number))
    return found | size_jumps(sides, upto)


def size_jumps(sides: tuple, upto: int) -> set[int]:
    r"""The sizes at and around the first jumps of a floor, ceiling, frac or mod whose argument
    has one symbol (a size, or the index of a sum over sizes): ``n + \lfloor n/e^7 \rfloor = n``
    holds for n ≤ 1096 and fails from 1097 = ⌈e^7⌉ on (round 14b F1).  The jumps are those of
    :func:`jump_points` from the size 1 (argument = k solved for k = 0, ±1 and the integers
    around the argument's value at 1).  A jump argument whose jumps are not found names
    ``upto + 1``, a size not evaluated, so the verdict is not *checked* as though its jumps
    had been searched; so do step functions beyond :data:`JUMP_ARGUMENTS_PER_SIZE`."""
    found: set[int] = set()
    arguments = list(dict.fromkeys(
        argument for side in sides if isinstance(side, sp.Basic)
        for argument in jump_arguments(side) if len(argument.free_symbols) == 1))
    for argument in arguments[:JUMP_ARGUMENTS_PER_SIZE]:
        (symbol,) = argument.free_symbols
        points, complete = jump_points(sp.floor(argument, evaluate=False),
                                       {symbol: sp.S.One}, CheckContext.build({symbol: SIZE_DOMAIN}))
        found |= {int(point[symbol]) for point in points if point[symbol].is_Integer}
        if not complete:
            found.add(upto + 1)
    if len(arguments) > JUMP_ARGUMENTS_PER_SIZE:
        found.add(upto + 1)  # more step functions than are searched
    return {size for size in found if size >= 1}


JUMP_ARGUMENTS_PER_SIZE = 4  # step-function arguments whose jumps in a size are searched
# sizes over decades, each tried where the claim affords it (its size cap): a claim that
# first fails at a large size, past every number it writes, is seen there
DECADES = (100, 1000, 10**4, 10**6)


def _solved(argument: sp.Basic, symbol: sp.Symbol) -> list:
    """The real zeros of a kink argument in its one symbol (bounded in time)."""
    from symderive.errors import ParseError
    from symderive.grammar.build import time_limit

    real = sp.Dummy("t", real=True)  # an integer symbol's kink at e^3/2 is still a kink
    try:
        with time_limit(0.3, source="sampling", what="solving"):
            return [v for v in sp.solve(argument.xreplace({symbol: real}), real)
                    if v.is_real and v.is_finite][:4]
    except ParseError as error:
        raise NotImplementedError(str(error)) from error


def critical_sizes(sides: tuple, cap: int, floor: int = 0) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The sizes a claim's numbers name (c - 1, c, c + 1 for each number c it writes; c² and
    c² + 1 too where the claim has a square root, ``\\|x\\|_1 \\le 5 \\|x\\|_2`` failing at 26;
    the integers around every real number it names, :func:`named_sizes`),
    above ``floor`` (the sizes tried anyway): those within ``cap`` (at most
    :data:`MAX_WRITTEN_SIZES`, smallest first), and the required ones (c - 1..c + 1) beyond it,
    which the verdict must name as not tried."""
    constants = written_constants(sides)
    named = named_sizes(sides, cap)
    required = sorted({size for c in constants for size in (c - 1, c, c + 1) if size > floor}
                      | {size for size in named if size > floor})
    rooted = any(isinstance(side, sp.Basic) and any(
        power.exp == sp.S.Half for power in side.atoms(sp.Pow)) for side in sides)
    optional = sorted({size for c in constants if rooted and 2 < c <= 64
                       for size in (c * c, c * c + 1)} - set(required))  # fmt: skip
    tried = [size for size in required if size <= cap]
    untried = [size for size in required if size > cap]
    if len(tried) > MAX_WRITTEN_SIZES:
        tried, untried = tried[:MAX_WRITTEN_SIZES], tried[MAX_WRITTEN_SIZES:] + untried
    room = MAX_WRITTEN_SIZES - len(tried)
    tried += [size for size in optional if size <= cap][:room]
    return tuple(sorted(tried)), tuple(untried)


def critical_index_values(sides: tuple, low: int, high: int) -> tuple[int, ...]:
    """Values of an index in ``low..high`` that the claim's numbers name (c - 1, c, c + 1):
    ``\\mathbb{1}(k = 9)`` is reached at k = 9 without every other k."""
    named = {size for c in written_constants(sides) for size in (c - 1, c, c + 1)}
    return tuple(sorted(v for v in named if low <= v <= high))


def entry_size_combinations(size_symbols: list, sides: tuple, square_only: bool = False
                            ) -> list[dict]:
    """Sizes an entry claim is also checked at, beyond the small ones: all 3, and 3 and 4
    alternating both ways, so that an entry (3, 3), (3, 4) and (4, 3) exists in each pair, and
    all 4 (the diagonal entry (4, 4)); when the claim writes an integer c > 4
    (``\\mathbb{1}(i = 9)``, ``(n - 9)``), each size alone at c + 1 (at most 12; the others 1),
    so that the index c exists (every size at c + 1 at once is too costly: a diagonal entry
    (5, 5) is not reached).  A derivative of entries (``square_only``) is tried at all 3 only."""
    if not size_symbols:
        return []
    count = len(size_symbols)
    patterns = ENTRY_PATTERNS[:1] if square_only else ENTRY_PATTERNS  # all 3 (a derivative)
    values = [tuple(pattern[k % len(pattern)] for k in range(count)) for pattern in patterns]
    if not square_only and count > 1:  # one dimension 1 (r = 1), the others 3
        values += [tuple(1 if k == position else 3 for k in range(count))
                   for position in range(count)]  # fmt: skip
    written = [abs(int(n)) for side in sides if isinstance(side, sp.Basic)
               for n in side.atoms(sp.Integer)]  # fmt: skip
    largest = min(max(written, default=0) + 1, LARGEST_ENTRY_SIZE)
    if largest > 5:
        values += [tuple(largest if k == position else 1 for k in range(count))
                   for position in range(count)]  # fmt: skip
    for size in sorted({c for c in written if 5 <= c < LARGEST_ENTRY_SIZE})[:3]:
        # the written number itself, each size alone (𝟙(r = 5): r = 5, not only 6)
        values += [tuple(size if k == position else 1 for k in range(count))
                   for position in range(count)]  # fmt: skip
    values = list(dict.fromkeys(values))
    return [dict(zip(size_symbols, (sp.Integer(v) for v in combo))) for combo in values]


def diagonal_sizes(size_symbols: list, values: tuple[int, ...]) -> list[dict]:
    """Every size symbol at each of ``values`` at once (an entry (7, 7) needs n and m >= 7
    together; 𝟙(i = 3)𝟙(b = 2)𝟙(r = 5) needs r = 5 with n >= 3 and m >= 2)."""
    return [{symbol: sp.Integer(value) for symbol in size_symbols} for value in values]


def written_entries_exist(sides: tuple, sizes: dict) -> bool:
    """Whether every entry written at a number (``u_{i2}``: column 2 of U) exists at these
    sizes: a claim about u_{i2} says nothing where U has one column."""
    from sympy.matrices.expressions.matexpr import MatrixElement

    for side in sides:
        if not isinstance(side, sp.Basic):
            continue
        for element in side.atoms(MatrixElement):
            if not isinstance(element.parent, sp.MatrixSymbol):
                continue
            for value, dimension in zip((element.i, element.j), element.parent.shape):
                dimension = sp.sympify(dimension).xreplace(sizes)
                if value.is_Integer and dimension.is_Integer and value >= dimension:
                    return False
    return True


def draw_point(
    symbols: list[sp.Basic],
    context: CheckContext,
    rng: random.Random,
    sizes: dict | None = None,
    style: str | None = None,
) -> dict[sp.Basic, sp.Basic]:
    """A point for ``symbols`` (scalars and Indexed entries); simplex groups sum to 1.

    ``style`` (see :data:`STYLES`) is shared by the coordinates of one point, else drawn per
    coordinate."""
    point: dict[sp.Basic, sp.Basic] = {}
    groups: dict[str, list[sp.Basic]] = defaultdict(list)
    for symbol in symbols:
        domain = context.domain_of(symbol)
        if domain.kind == "simplex":
            groups[domain.group].append(symbol)
        elif domain.kind in ("random", "matrix", "size", "index"):
            continue
        elif domain.kind == "interval":
            point[symbol] = draw_in_interval(domain, rng, style)
        else:
            point[symbol] = draw_value(domain.kind, rng, style)
    for group, members in groups.items():
        complete = _group_is_complete(group, members, context, sizes or {})
        spread = rng.choice((20, 1000, 10**6))
        weights = [rng.randint(1, spread) for _ in members]
        # members missing from this expression (other coordinates of the same probability
        # vector) take the remaining mass
        slack = 0 if complete else rng.randint(1, spread) * max(1, len(members))
        total = sum(weights) + slack
        for member, weight in zip(members, weights):
            point[member] = sp.Rational(weight, total)
    return point


def _group_is_complete(group: str, members: list, context: CheckContext, sizes: dict) -> bool:
    """Whether ``members`` are the whole probability vector ``group``."""
    declared = [s for s, d in context.domains if d.kind == "simplex" and d.group == group]
    plain = [s for s in declared if not isinstance(s, sp.IndexedBase)]
    bases = [s for s in declared if isinstance(s, sp.IndexedBase)]
    present = set(members)
    if plain and not bases:
        return set(plain) <= present
    if bases and not plain and len(bases) == 1:
        indices = {m.indices[0] for m in members if isinstance(m, sp.Indexed)}
        for size in sizes.values():
            if indices == {sp.Integer(k) for k in range(1, int(size) + 1)}:
                return True
        return False
    return not declared  # a group declared nowhere else is whatever the expression holds


def index_range(index: sp.Symbol, context: CheckContext, sizes: dict) -> tuple[int, int]:
    """The values ``low..high`` an index takes at these sizes (``k`` in 1..n); an index
    declared without an upper bound takes its lower bound only."""
    domain = context.domain_of(index)
    low = _as_basic(domain.low if domain.low is not None else 1).xreplace(sizes)
    high = _as_basic(domain.high if domain.high is not None else low).xreplace(sizes)
    if not (low.is_Integer and high.is_Integer) or high < low:
        raise ValueError(f"cannot instantiate index {index} in [{low}, {high}]")
    return int(low), int(high)


def draw_indices(
    indices: list[sp.Symbol], context: CheckContext, sizes: dict, rng: random.Random
) -> dict[sp.Symbol, sp.Integer]:
    """One value in its range for each index, drawn at random."""
    values = {}
    for index in indices:
        low, high = index_range(index, context, sizes)
        values[index] = sp.Integer(rng.randint(low, high))
    return values


# every combination of the index values is evaluated at a size when there are at most this
# many (two indices k, y_i in 1..n: every n <= 8; three: every n <= 4), and at most
# TOTAL_INDEX_COMBINATIONS over all the sizes of one claim (sizes in the order tried: two
# indices over one size: n = 1..6, 91); beyond, the random draw alone (the verdict names
# the sizes where every combination was evaluated).  About 5 ms a combination: 0.5 s a claim.
INDEX_COMBINATIONS = 64
TOTAL_INDEX_COMBINATIONS = 100
COSTLY_INDEX_COMBINATIONS = 15  # a derivative of a sum: one index at n = 1…5 (≈1 s of CPU)
# beyond those, at the further sizes: every combination of the values the claim's numbers name
# (c - 1, c, c + 1, with the first and last), at most this many for a claim
WRITTEN_INDEX_COMBINATIONS = 40
COSTLY_WRITTEN_INDEX_COMBINATIONS = 16
# with several sizes, an index claim is also tried with every dimension 3..6 at once and at
# 4/5 alternating (a threshold k <= 4 on one index fails only where its size is >= 5)
INDEX_SIZE_PATTERNS = ((3,), (4,), (5,), (6,), (4, 5), (5, 4))


def index_size_combinations(size_symbols: list) -> list[dict]:
    """Sizes an index claim with several size symbols is also tried at (every dimension >= 3
    at once, up to 6): :data:`INDEX_SIZE_PATTERNS`."""
    if len(size_symbols) < 2:
        return []
    count = len(size_symbols)
    values = [tuple(pattern[k % len(pattern)] for k in range(count))
              for pattern in INDEX_SIZE_PATTERNS]  # fmt: skip
    return [dict(zip(size_symbols, (sp.Integer(v) for v in combo)))
            for combo in dict.fromkeys(values)]  # fmt: skip


def every_index_value(indices: list[sp.Symbol], context: CheckContext, sizes: dict
                      ) -> list[dict] | None:
    """Every combination of values of ``indices`` in their ranges at these sizes (``k`` and
    ``y_i`` in 1..n: the n² pairs, so the diagonal k = y_i and the last labels are reached),
    or None when an index has no upper bound or there are more than
    :data:`INDEX_COMBINATIONS` combinations."""
    ranges = []
    count = 1
    for index in indices:
        if context.domain_of(index).high is None:
            return None  # 'assume m index' without bounds: no finite set to exhaust
        low, high = index_range(index, context, sizes)
        ranges.append(range(low, high + 1))
        count *= high - low + 1
        if count > INDEX_COMBINATIONS:
            return None
    return [dict(zip(indices, (sp.Integer(v) for v in values)))
            for values in itertools.product(*ranges)]  # fmt: skip


def integer_neighbours(value: sp.Basic) -> tuple[int, ...]:
    """⌊c⌋ - 1, ⌊c⌋, ⌈c⌉, ⌈c⌉ + 1 of a real number c (c - 1, c, c + 1 for an integer), read
    off certified balls (a float would misplace ⌊e^{40}⌋); () when no ball of up to 4096
    bits separates c from the integers around it, or c is not a real number."""
    from symderive.check import certified

    if isinstance(value, sp.Integer):
        c = int(value)
        return (c - 1, c, c + 1)
    if isinstance(value, sp.Rational):
        low = int(sp.floor(value))
        return (low - 1, low, low + 1, low + 2)
    for prec in (128, 512, 4096):
        try:
            ball = certified.enclosure(value, {}, prec)
        except (certified.Undefined, certified.Uncertain, certified.Unsupported,
                ZeroDivisionError, ValueError, OverflowError, TypeError, AttributeError):
            return ()
        lower, upper = ball.lower().floor(), ball.upper().floor()
        if lower == upper and not ball.contains_integer():
            low = int(lower.unique_fmpz())
            return (low - 1, low, low + 1, low + 2)
    return ()


def _as_basic(value) -> sp.Basic:
    return sp.Integer(value) if isinstance(value, int) else value


def in_domain(value: sp.Basic, domain) -> bool:
    """Whether a kink point's coordinate lies in its symbol's domain (else it is no witness)."""
    kind = domain.kind
    checks = {
        "positive": lambda v: v > 0,
        "negative": lambda v: v < 0,
        "nonnegative": lambda v: v >= 0,
        "nonzero": lambda v: v != 0,
        "integer": lambda v: v.is_integer,
        "probability": lambda v: 0 < v < 1,
    }
    if kind == "simplex":
        return False  # a probability vector's coordinates cannot move one at a time
    if kind == "interval":
        return in_interval(value, domain)
    check = checks.get(kind)
    return bool(check(value)) if check else True


def kink_arguments(expr: sp.Basic) -> list[sp.Basic]:
    """The expressions whose zeros are the kinks of ``expr``: the arguments of Heaviside, Abs
    and sign, the differences of Max/Min arguments (every pair), and the sides of each
    Piecewise condition, floor and ceiling's argument minus its integer part's jump."""
    return [argument for node in sp.preorder_traversal(expr)
            for argument in switch_arguments(node)]


def switch_arguments(node: sp.Basic) -> list[sp.Basic]:
    """The kink arguments one node switches at (not its children's): see
    :func:`kink_arguments`."""
    if isinstance(node, (sp.Heaviside, sp.Abs, sp.sign, relu, leaky_relu)):
        return [node.args[0]]
    if isinstance(node, (sp.Max, sp.Min)) and len(node.args) >= 2:
        return [a - b for a, b in itertools.combinations(node.args, 2)]
    arguments = []
    if isinstance(node, sp.Piecewise):
        for _, condition in node.args:
            if isinstance(condition, sp.core.relational.Relational):
                arguments.append(condition.lhs - condition.rhs)
            elif isinstance(condition, (sp.And, sp.Or)):
                arguments += [part.lhs - part.rhs for part in condition.args
                              if isinstance(part, sp.core.relational.Relational)]
    return arguments


def jump_arguments(expr: sp.Basic) -> list[sp.Basic]:
    """The expressions whose *integer* values are the jumps of ``expr``: the argument of
    floor, ceiling and frac, a Mod's dividend over its constant modulus (x mod 3 jumps
    where x/3 ∈ ℤ)."""
    arguments = []
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.floor, sp.ceiling, sp.frac)):
            arguments.append(node.args[0])
        elif (isinstance(node, sp.Mod) and not node.args[1].free_symbols
              and node.args[1].is_nonzero):
            arguments.append(node.args[0] / node.args[1])
    return list(dict.fromkeys(arguments))


JUMP_INTEGERS = 4  # integers k around an argument's value at the base point: arg = k solved
JUMP_SIDE = sp.Rational(1, 10**6)  # a step to either side of a jump (relative to its size)


def jump_points(
    expr: sp.Basic, base_point: dict[sp.Basic, sp.Basic], context: CheckContext | None = None
) -> tuple[list[dict[sp.Basic, sp.Basic]], bool]:
    """Points where a floor, ceiling, frac or mod argument is an integer, and beside them;
    and whether every such argument had its jumps found.

    ⌊x + 1/2⌋ = ⌈x − 1/2⌉ fails exactly at the half-integers (round 12a F1), ⌊2x⌋ = 2⌊x⌋ at
    x = 1/2, ⌈x²⌉ jumps at x = √2: a step function jumps where its *argument* is an integer,
    which random points never hit.  For each argument we solve argument = k for one symbol
    (the others kept at ``base_point``), k the integers around the argument's value there and
    0, ±1; the exact solutions (rational, or an algebraic root kept exact) come first, then a
    point just below and just above each (where the two sides of the jump are seen).  An
    argument whose jumps are not found in time (or at all) makes the search incomplete: the
    caller then does not call the claim checked."""
    from symderive.errors import ParseError
    from symderive.grammar.build import time_limit

    context = context or CheckContext()
    exact: list[list[dict]] = []
    beside: list[dict] = []
    complete = True
    for argument in jump_arguments(expr):
        free = sorted(argument.free_symbols & set(base_point), key=sp.default_sort_key)
        if not free:
            continue
        if len(exact) == 4:
            complete = False  # more step functions than are searched
            break
        target = free[0]
        steps = {node: sp.Dummy() for node in argument.atoms(sp.floor, sp.ceiling, sp.frac, sp.Mod)}
        if target not in argument.xreplace(steps).free_symbols:
            continue  # ⌊⌊x⌋/3⌋: constant between the inner jumps, which are searched already
        try:
            with time_limit(JUMP_SECONDS, source="sampling", what="finding jumps"):
                found, near = _jumps(argument, target, base_point, context.domain_of(target))
        except (ParseError, NotImplementedError, ValueError, TypeError, AttributeError):
            found, near = [], []
        complete = complete and bool(found)
        exact.append(found)
        beside += near
    # in turns, the jumps of every argument before the second of any (callers keep the first)
    points = [point for group in itertools.zip_longest(*exact) for point in group
              if point is not None]
    return points + beside, complete


JUMP_SECONDS = 0.5  # of CPU, to solve one step function's argument = k for its integers k


def _jumps(argument: sp.Basic, target: sp.Symbol, base_point: dict, domain) -> tuple[list, list]:
    """The points where ``argument`` (in ``target``) is an integer near its value at
    ``base_point``, and the points just beside them; for an integer variable the integers
    at and around them (it never sits between two)."""
    others = {s: v for s, v in base_point.items() if s != target}
    argument = argument.xreplace(others)
    at_base = argument.xreplace({target: base_point[target]})
    around = [k for k in integer_neighbours(at_base) if k] if at_base.is_number else []
    integer = domain.kind in ("integer", "size")
    found: list[dict] = []
    beside: list[dict] = []
    for k in list(dict.fromkeys([0, 1, -1, *around]))[:3 + JUMP_INTEGERS]:
        for zero in _real_zeros(argument - k, target)[:2]:
            if integer:
                values = [zero - 1, zero, zero + 1] if zero.is_Integer else [
                    sp.Integer(v) for v in integer_neighbours(zero)[1:3]]
                found += [{**base_point, target: v} for v in values if in_domain(v, domain)]
                continue
            near = _rational_near(zero)
            step = JUMP_SIDE * max(sp.S.One, abs(near)) if near is not None else None
            sides = [near - step, near + step] if step is not None else []
            found += [{**base_point, target: zero}] if in_domain(zero, domain) else []
            beside += [{**base_point, target: v} for v in sides if in_domain(v, domain)]
    return found, beside


MAX_KINK_DEGREE = 24  # a polynomial kink argument up to this degree has its real roots isolated
KINK_ROOTS = 6  # real roots of one kink argument sampled (with the gaps between them)


def kink_points(
    expr: sp.Basic, base_point: dict[sp.Basic, sp.Basic], context: CheckContext | None = None,
    solved: set | None = None,
) -> list[dict[sp.Basic, sp.Basic]]:
    """Points where a kink argument vanishes (Heaviside(0), Abs(0), ties of Max/Min), and
    between and beside those zeros.

    Random points almost never land on a kink, yet that is where conventions such as
    relu'(0) differ; so for each kink we solve its argument = 0 for one symbol, keeping the
    other coordinates of ``base_point``.  A bump max(0, 1 - 10^8 (x - 1/7)^2) is nonzero only
    between the two zeros 1/7 ± 10^-4 of its argument (round 11a F1): every real zero of a
    polynomial argument is found (exact isolation, :func:`_real_zeros`), and the point
    midway between two consecutive zeros is sampled too, where the argument keeps one sign.
    ``solved`` collects the arguments whose zeros were found here (the others are searched
    numerically, :mod:`symderive.check.switches`).
    """
    arguments = kink_arguments(expr)
    context = context or CheckContext()
    domains = {symbol: context.domain_of(symbol) for symbol in base_point}
    per_argument = []
    for argument in arguments[:4]:
        free = sorted(argument.free_symbols & set(base_point), key=sp.default_sort_key)
        # each variable in turn, the others at the base point: the line through it in x may
        # miss the curve sin x = y (y = 20/7) that the line in y crosses (round 14b F11)
        for target in free:
            others = {s: v for s, v in base_point.items() if s != target}
            complete: list = []
            values = _kink_values_within(argument.xreplace(others), target, domains[target],
                                         complete)
            values = [{**base_point, target: value} for value in values
                      if in_domain(value, domains[target])]
            if solved is not None and (values or (len(free) == 1 and complete == [True])):
                solved.add(argument)  # its zeros found, or none there are (one variable)
            if values:
                per_argument.append(values)
                break
    # in turns, the first zero of every argument before the second of any (a caller keeps
    # only the first few points)
    return [point for group in itertools.zip_longest(*per_argument) for point in group
            if point is not None]


KINK_SOLVE_SECONDS = 0.5  # of CPU, to solve one kink argument for one variable (SymPy's
# solve of x sin x = 10^7 runs 1.5 s and gives up; the zeros it cannot give are searched
# numerically, :mod:`symderive.check.switches`)


def _kink_values_within(argument: sp.Basic, target: sp.Symbol, domain,
                        complete: list | None = None) -> list[sp.Basic]:
    """:func:`_kink_values`, within :data:`KINK_SOLVE_SECONDS`."""
    from symderive.errors import ParseError
    from symderive.grammar.build import time_limit

    try:
        with time_limit(KINK_SOLVE_SECONDS, source="sampling", what="solving a kink"):
            return _kink_values(argument, target, domain, complete)
    except (ParseError, NotImplementedError, ValueError, TypeError, AttributeError):
        return []


def _kink_values(argument: sp.Basic, target: sp.Symbol, domain, complete: list | None = None
                 ) -> list[sp.Basic]:
    """The values of ``target`` to sample for one kink argument (in one variable): its real
    zeros, the midpoints of the gaps between consecutive zeros, and a step beyond the outer
    ones; for an integer variable the integers around each zero instead.  ``complete``
    receives whether the zeros were solved for (not given up on)."""
    zeros = _real_zeros(argument, target, complete)
    if not zeros:
        return []
    integer = domain.kind in ("integer", "size")
    values: list = []
    if integer:
        # an integer variable cannot sit on a kink at e^{20}: it takes the integers around
        # it (min(m, e^{20}) = m fails at m = 485165196, round 9a C2)
        for zero in zeros:
            if zero.is_Integer:
                values += [zero - 1, zero, zero + 1]
            else:
                values += [sp.Integer(v) for v in integer_neighbours(zero)]
        return list(dict.fromkeys(values))
    # a zero certified arithmetic evaluates stays exact (sin(3/5), not nsimplify's algebraic
    # number 10^-15 away from it: the point must sit ON the switch, round 14b F11)
    zeros = [zero if zero.is_Rational or _evaluable(zero) else sp.nsimplify(zero)
             for zero in zeros]
    ordered = sorted(zeros, key=_numeric_key) if len(zeros) > 1 else zeros
    approximations = [_rational_near(zero) for zero in ordered]
    # the kink itself, and a step to either side: a kink far out (relu(x - 5000),
    # min(x, 2202)) is found even when no random point lands beyond it
    low, high = ordered[0], ordered[-1]
    step_low = max(sp.S.One, abs(low)) / 7 if low.is_Rational else sp.S.One
    step_high = max(sp.S.One, abs(high)) / 7 if high.is_Rational else sp.S.One
    values.append(ordered[0])
    # inside each gap between zeros the argument keeps one sign: its midpoint
    values += [(a + b) / 2 for a, b in zip(approximations, approximations[1:])
               if a is not None and b is not None and a != b]
    values += [high + step_high, low - step_low]
    values += ordered[1:]
    return list(dict.fromkeys(values))


def _evaluable(value: sp.Basic) -> bool:
    """Whether certified arithmetic encloses the number ``value``."""
    from symderive.check import certified

    try:
        certified.enclosure(value, {}, 64)
    except (certified.Undefined, certified.Uncertain, certified.Unsupported,
            ZeroDivisionError, ValueError, OverflowError, TypeError, AttributeError):
        return False
    return True


def _rational_near(value: sp.Basic) -> sp.Rational | None:
    """``value`` itself when rational, else a rational within 2^-200 of it (a certified
    ball's midpoint), or None when no ball is found."""
    if value.is_Rational:
        return value
    if isinstance(value, sp.CRootOf):  # an isolated real root: refined exactly by SymPy
        try:
            return sp.Rational(value.eval_rational(n=45))
        except (ValueError, TypeError, NotImplementedError):
            return None
    from symderive.check import certified

    try:
        ball = certified.enclosure(value, {}, 256)
    except (certified.Undefined, certified.Uncertain, certified.Unsupported,
            ZeroDivisionError, ValueError, OverflowError, TypeError, AttributeError):
        return None
    mantissa, exponent = ball.mid().man_exp()
    return sp.Integer(int(mantissa)) * sp.Rational(2) ** int(exponent)


def _numeric_key(value: sp.Basic):
    try:
        return float(value.evalf(30))
    except (TypeError, ValueError):
        return 0.0


def _real_zeros(argument: sp.Basic, target: sp.Symbol, complete: list | None = None) -> list:
    """The real zeros of ``argument`` in ``target`` (at most :data:`KINK_ROOTS`).  A polynomial with rational coefficients: every real root, isolated
    exactly (SymPy's ``Poly.intervals``) and refined to a rational within 10^-40 of it (exact
    when the root is rational); anything else: what ``sp.solve`` finds."""
    real = sp.Dummy("t", real=True)  # an integer symbol's kink between two integers too
    try:
        poly = sp.Poly(argument, target)
    except (sp.PolynomialError, sp.GeneratorsNeeded, ValueError, TypeError):
        poly = None
    if (poly is not None and 1 <= poly.degree() <= MAX_KINK_DEGREE
            and all(c.is_Rational for c in poly.all_coeffs())):
        try:
            poly = sp.Poly(poly.as_expr(), target, domain="QQ")
            intervals = poly.intervals(eps=sp.Rational(1, 10**40))
        except (sp.PolynomialError, ValueError, TypeError, NotImplementedError):
            intervals = None
        if intervals is not None:
            zeros = []
            for index, ((a, b), _) in enumerate(intervals[:KINK_ROOTS]):
                a, b = sp.Rational(a), sp.Rational(b)
                if a == b or not poly.eval(a):
                    zeros.append(a)
                elif not poly.eval(b):
                    zeros.append(b)
                else:  # the root itself, exactly: at it a Heaviside is H(0), no rational is
                    zeros.append(sp.CRootOf(poly.as_expr(), target, index))
            if complete is not None:
                complete.append(len(intervals) <= KINK_ROOTS)
            return zeros
    try:
        solutions = [v for v in sp.solve(argument.xreplace({target: real}), real, rational=True)]
    except (NotImplementedError, ValueError, TypeError):
        return []
    zeros = []
    for solution in solutions[:KINK_ROOTS]:
        if not (solution.is_real and solution.is_finite):
            continue
        zeros.append(solution)
    if complete is not None:  # what sp.solve returns when it does not give up
        complete.append(len(solutions) <= KINK_ROOTS)
    return zeros


EXPONENT_VALUES = (2, sp.Rational(1, 2), 3, sp.Rational(1, 3), -1, -2, sp.Rational(2, 3))
EXPONENT_POINTS = 16  # points per claim with a variable in an exponent over a negative base
NEGATIVE_BASE = -2


def exponent_points(expr: sp.Basic, base_point: dict, context: CheckContext) -> list[dict]:
    """Points where a variable in an exponent takes a small integer or a simple fraction (2,
    1/2, 3, 1/3, -1, -2, 2/3) while the variables of that power's base are negative.

    Over the reals the power laws fail exactly there: ((-2)^2)^{1/2} = 2 but (-2)^{2·1/2} =
    -2, √(x^a) ≠ x^{a/2} at x = -2, a = 2 (round 11a F11); random rationals (odd
    denominators, an even numerator and a root never together) do not meet them."""
    exponents: set = set()
    bases: set = set()
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Pow) and node.exp.free_symbols & set(base_point):
            exponents |= node.exp.free_symbols & set(base_point)
            bases |= node.base.free_symbols & set(base_point)
    bases -= exponents
    if not exponents:
        return []
    domains = {symbol: context.domain_of(symbol) for symbol in base_point}
    negative = {s: sp.Integer(NEGATIVE_BASE) for s in sorted(bases, key=sp.default_sort_key)
                if in_domain(sp.Integer(NEGATIVE_BASE), domains[s])}
    ordered = sorted(exponents, key=sp.default_sort_key)[:3]
    choices = [[sp.Rational(v) for v in EXPONENT_VALUES if in_domain(sp.Rational(v), domains[s])]
               for s in ordered]
    width = 4 if len(ordered) > 1 else len(EXPONENT_VALUES)  # pairs from 2, 1/2, 3, 1/3
    points = []
    for values in itertools.product(*(c[:width] for c in choices)):
        points.append({**base_point, **negative, **dict(zip(ordered, values))})
        if len(points) >= EXPONENT_POINTS:
            break
    return points if negative or not bases else points[:EXPONENT_POINTS // 4]


def edge_points(base_point: dict, context: CheckContext, rng: random.Random) -> list[dict]:
    """The base point with one coordinate moved to a domain edge (0, 1 or -1) where the
    symbol's domain allows it: identities that fail only there are caught."""
    edges = []
    symbols = sorted(base_point, key=sp.default_sort_key)
    for symbol in symbols[:3]:
        kind = context.domain_of(symbol).kind
        candidates = {
            "real": (0, 1, -1),
            "integer": (0, 1, -1),
            "nonnegative": (0, 1),
            "positive": (1,),
            "nonzero": (1, -1),
            "negative": (-1,),
        }.get(kind, ())
        if kind == "interval":  # its closed ends, and 0, ±1 inside it
            domain = context.domain_of(symbol)
            candidates = tuple(dict.fromkeys(
                c for c in (domain.low, domain.high, 0, 1, -1)
                if c is not None and in_interval(sp.Rational(c), domain)))
        for candidate in candidates:  # every edge, not one drawn: e^x > 1 + x fails at 0
            edges.append({**base_point, symbol: sp.Rational(candidate)})
    return edges + all_ones(base_point, context)


# how far inside a stated interval's ends, as a fraction of its width, points are placed
NEAR_END_FRACTIONS = (sp.Rational(1, 10**2), sp.Rational(1, 10**4), sp.Rational(1, 10**6),
                      sp.Rational(1, 10**9))
PAST_DIGITS = (1, 3)  # and steps this many digits past the digits the ends are written with


def near_ends(base_point: dict, context: CheckContext) -> list[dict]:
    """Points just inside the ends of each bounded interval stated for a variable (at
    :data:`NEAR_END_FRACTIONS` of its width), one variable at a time, all of them at the same
    end together, then every mix of ends of the first three (x near its top and y near its
    bottom): a claim false only on a sliver by an end or a corner is caught there —
    √((x − 1.999)²) = 1.999 − x on (0, 2), arcsin(sin x) = x on (0, 1.58), tan(x + y) past π/2
    with x < 1 and y < 0.6 (round 47 A01–A03), |x − y − 0.9| = 0.9 − x + y on (0, 1)²
    (round 49 AC01)."""
    bounds = {symbol: _bounds(context.domain_of(symbol))
              for symbol in sorted(base_point, key=sp.default_sort_key)}
    bounded = [symbol for symbol, ends in bounds.items() if ends is not None]
    singles, same_ends, mixed = [], [], []
    for fraction in NEAR_END_FRACTIONS + PAST_DIGITS:
        ends = {}
        for symbol in bounded:
            low, high = bounds[symbol]
            step = (high - low) * fraction if fraction < 1 else _past_digits(low, high, fraction)
            ends[symbol] = (low + step, high - step)
        for symbol in bounded[:3]:
            singles += [{**base_point, symbol: value} for value in ends[symbol]]
        if len(bounded) > 1:
            for side in (0, -1):
                same_ends.append({**base_point, **{s: ends[s][side] for s in bounded}})
            for sides in itertools.product((0, -1), repeat=min(len(bounded), 3)):
                if len(set(sides)) > 1:
                    mixed.append({**base_point, **{s: ends[s][side]
                                                   for s, side in zip(bounded, sides)}})
    return singles + same_ends + mixed


def _past_digits(low: sp.Rational, high: sp.Rational, past: int) -> sp.Rational:
    """A step ``past`` digits beyond those the ends are written with: 1.570796327 is π/2
    rounded up, false just above π/2 (round 48 AB03); never more than a third of the width."""
    digits = max(_decimals(low), _decimals(high))
    return min(sp.Rational(1, 10 ** (digits + past)), (high - low) / 3)


def _decimals(value: sp.Rational) -> int:
    """The decimals a value written as a decimal has (its denominator 10^d), else 0."""
    denominator, decimals = value.q, 0
    while denominator % 10 == 0 and decimals < 30:
        denominator //= 10
        decimals += 1
    return decimals if denominator == 1 else 0


def beside_kinks(kinks: list[dict], context: CheckContext) -> list[dict]:
    """Halfway from each kink to each end of a stated bounded interval: a claim false only
    between a kink and the end (√((x − 1.9999999995)²) = 1.9999999995 − x on (0, 2), round 48
    AB03) is caught there, however narrow."""
    points = []
    for kink in kinks:
        for symbol, value in kink.items():
            bounds = _bounds(context.domain_of(symbol))
            if bounds is None or not value.is_Rational or not bounds[0] < value < bounds[1]:
                continue
            points += [{**kink, symbol: (value + end) / 2} for end in bounds]
    return points


def _bounds(domain) -> tuple | None:
    """(low, high) of a bounded interval domain (a probability's (0, 1) too), else None."""
    if domain.kind == "probability":
        return sp.S.Zero, sp.S.One
    if domain.kind != "interval" or domain.low is None or domain.high is None:
        return None
    try:  # a written bound: an integer, a fraction or a decimal (π and names: not placed)
        low, high = sp.Rational(domain.low), sp.Rational(domain.high)
    except (TypeError, ValueError):
        return None
    return (low, high) if low < high else None


def all_ones(base_point: dict, context: CheckContext, sizes: dict | None = None) -> list[dict]:
    """Every coordinate 1 (x = (1, …, 1)), where every domain allows it, and, with ``sizes``,
    each complete probability vector uniform (1/n, …, 1/n): where the entries of a vector are
    equal, (Σ x_i)² ≤ 9 Σ x_i² fails at n = 10 (random entries rarely show it)."""
    symbols = list(base_point)
    ones = {s: sp.S.One for s in symbols
            if context.domain_of(s).kind in ("real", "positive", "integer")}  # fmt: skip
    groups: dict[str, list] = defaultdict(list)
    for symbol in symbols:
        domain = context.domain_of(symbol)
        if domain.kind == "simplex":
            groups[domain.group].append(symbol)
    for group, members in groups.items():
        if sizes is None or not _group_is_complete(group, members, context, sizes):
            return []
        ones.update({member: sp.Rational(1, len(members)) for member in members})
    return [ones] if len(symbols) > 1 and len(ones) == len(symbols) else []


def zero_points(
    difference: sp.Basic, base_point: dict, context: CheckContext
) -> list[dict]:
    """Points where ``difference`` vanishes, solved for one symbol at a time with the others
    at ``base_point`` (bounded: a solve that takes long is abandoned)."""
    from symderive.errors import ParseError
    from symderive.grammar.build import time_limit

    if not isinstance(difference, sp.Expr) or getattr(difference, "is_Matrix", False):
        return []
    points = []
    for target in sorted(difference.free_symbols & set(base_point), key=sp.default_sort_key)[:2]:
        others = {s: v for s, v in base_point.items() if s != target}
        try:
            with time_limit(0.3, source="sampling", what="solving"):
                solutions = sp.solve(difference.xreplace(others), target, rational=True)
                solutions = [
                    sp.nsimplify(v) if not v.is_Rational else v
                    for v in solutions
                    if v.is_real and v.is_finite
                ]
        except (ParseError, NotImplementedError, ValueError, TypeError, AttributeError):
            continue
        domain = context.domain_of(target)
        for solution in solutions[:2]:
            if in_domain(solution, domain):
                points.append({**base_point, target: solution})
    return points
