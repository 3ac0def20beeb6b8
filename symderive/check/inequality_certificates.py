"""Certificates that an inequality holds on the WHOLE stated domain (notes claims).

A search of the worst point (:mod:`symderive.check.extrema`) can only *refute*: a bump far
from the points it visits, a minimum past the end of its scan, a seventh variable it does not
search, all leave a false bound unseen.  A claim about every value of its variables is
therefore *checked* only with a certificate covering its whole domain; without one it is
*undecided* and the search is reported as evidence (see :func:`require_certificate`).

The certificate built here is exact and for ONE real variable (an integer variable is covered
by a certificate over the real interval that encloses it).  For the slack ``f`` (rhs − lhs
for ≤ and <, lhs − rhs for ≥ and >) over the stated interval ``I``:

* every function in ``f`` is smooth where it is defined (:data:`SMOOTH`: no max, step,
  floor, unknown function); an absolute value |g| cuts ``I`` at the zeros of g (a finite
  set), and on each piece between them is +g or -g (the sign certified at an inner point);
  ``f`` is continuous on all of ``I`` and ``f'`` on ``I`` but at a FINITE set ``S`` of
  points: the zeros of every denominator, logarithm argument, root base and the poles of
  tan, cot, … are listed (:func:`singular_points`; a logarithm's argument keeps its
  certified sign between them) — not by SymPy's ``continuous_domain``, which solves over
  the interval (below);
* the zeros of ``f'`` in ``I`` (a product factor by factor, a power where its base
  vanishes, a quotient where its numerator does) are SymPy's ``solveset`` over the REALS,
  cut to ``I`` here — its answer over an interval drops members of periodic families
  (e^{-x} sin x on [0, ∞): no critical point, round 9b L1) — and only for an equation of a
  kind whose solutions SymPy lists completely (:func:`complete_kind`: rational in x, rational
  in one invertible kernel such as ln x or √x, or rational in the sines and cosines of one
  argument); any other equation has no certificate.  The answer is finite sets and periodic
  families (``ImageSet`` s over the integers) only: on a bounded interval a family's members
  inside it are listed; on an unbounded one ``f`` must take one value along the family,
  independent of the member; when SymPy cannot solve (a ``ConditionSet``), the same
  procedure one level down may certify ``f' > 0`` (or ``< 0``) on all of ``I``: ``f`` is then
  strictly monotone and only its lower (upper) end is a candidate; otherwise no certificate;
* the candidates are then: ``f`` at every critical point, at every point of ``S``, at each
  closed end of ``I``, and the lower limit of ``f`` at each open or infinite end (SymPy's
  ``limit``; an oscillating limit gives its lower bound).  The infimum of a continuous ``f``
  over ``I`` is attained at an interior point (a critical point or a point of ``S``) or at a
  closed end, or else approached at an open end: it is the least candidate.  A superset of
  critical points (a periodic family taken whole) only adds values of ``f`` and so cannot
  raise the least one;
* the sign of each candidate is decided exactly (SymPy says zero) or with a certified ball
  that excludes 0 (python-flint).  ``≥``/``≤`` need every candidate ≥ 0; ``>``/``<`` need
  every value *attained* > 0 and every end limit ≥ 0 (``σ(x) < 1``: the infimum 0 of
  ``1 − σ(x)`` is approached, never attained).

SymPy's range machinery is a large program: two guards, never the proof.  The slack is
evaluated with certified balls (Arb) on a cover of ``I`` (:func:`cover`: 128 points of a bounded
interval, else a step of 1/4 near the finite end and a geometric one out to 10^7); a point where
it is certainly below the certified minimum, or has no real value, leaves no certificate.  And
the smallest slack the worst-point search found must not lie below the certified minimum beyond
rounding; if it does, the claim is *undecided* (the two disagree, and neither is trusted).

The certificate makes a step *checked*, not *proved*: *proved* is reserved for a symbolic
simplification of the written difference to exactly zero (docs/architecture.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import sympy as sp

from symderive.check import extrema
from symderive.check.certified import Uncertain, Undefined, Unsupported, enclosure
from symderive.errors import ParseError
from symderive.grammar.build import time_limit
from symderive.report import Outcome

CERTIFY_SECONDS = 0.8  # CPU for one certificate (derivative, solveset, limits, signs)
PRECISIONS = (80, 320, 1280)  # bits tried for the sign of a candidate value
GUARD = 1e-9  # relative disagreement between the search and the certified minimum
MAX_CANDIDATES = 40
MONOTONE_DEPTH = 2  # derivatives whose sign may stand in for unsolved critical points

# functions smooth (infinitely differentiable) wherever they are defined and real
SMOOTH = (
    sp.Add, sp.Mul, sp.Pow, sp.exp, sp.log, sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc,
    sp.asin, sp.acos, sp.atan, sp.acot, sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.asinh,
    sp.atanh, sp.erf, sp.erfc,
)


class NoCertificate(Exception):
    """Why no certificate covers the domain (said in the verdict); ``at``: the exact value of
    the variable where SymPy's range found a negative slack, when it is one point (11b L1)."""

    def __init__(self, why: str, at: sp.Basic | None = None):
        super().__init__(why)
        self.at = at


@dataclass(frozen=True)
class Certificate:
    """The exact infimum of the slack over the stated interval, where, and from what."""

    variable: sp.Symbol
    interval: sp.Set
    minimum: sp.Basic
    attained: bool
    where: str  # "at x = 0", "approached as x → oo"
    critical: str  # the critical points SymPy gave, in words

    def describe(self) -> str:
        how = "minimum" if self.attained else "infimum"
        return (f"certified: over {interval_text(self.interval)} the slack's {how} is "
                f"{sp.sstr(self.minimum)}, {self.where}"
                + ("" if self.attained else " (not attained)")
                + f" (critical points {self.critical}; SymPy's exact range, the sign of every "
                "candidate certified)")


def interval_text(interval: sp.Set) -> str:
    """[0, ∞), (-∞, ∞), (0, 1]."""
    if not isinstance(interval, sp.Interval):
        return sp.sstr(interval)
    ends = [("-∞" if e == -sp.oo else "∞" if e == sp.oo else sp.sstr(e))
            for e in (interval.start, interval.end)]
    return (("(" if interval.left_open else "[") + f"{ends[0]}, {ends[1]}"
            + (")" if interval.right_open else "]"))


def interval_of(axis: extrema.Coordinate) -> sp.Set:
    """The real interval of a search coordinate (an integer one: the interval enclosing it)."""
    if axis.nonzero:
        raise NoCertificate(f"{axis.symbol} is nonzero (two intervals)")
    low = axis.exact_low if axis.exact_low is not None else -sp.oo
    high = axis.exact_high if axis.exact_high is not None else sp.oo
    return sp.Interval(low, high, not axis.closed_low or low == -sp.oo,
                       not axis.closed_high or high == sp.oo)


def _exact(expr: sp.Basic) -> sp.Basic:
    """Decimals written in the note as the rationals they denote (17.5 → 35/2)."""
    floats = expr.atoms(sp.Float)
    return expr.xreplace({f: sp.Rational(str(f)) for f in floats}) if floats else expr


def _smooth(expr: sp.Basic, variable: sp.Symbol) -> None:
    for node in sp.preorder_traversal(expr):
        if node.is_Atom:
            if node.is_Symbol and node != variable:
                raise NoCertificate(f"another symbol {node}")
            if node.is_number and not (node.is_real and node.is_finite):
                raise NoCertificate(f"a number {node} that is not a finite real")
            continue
        if not isinstance(node, SMOOTH):
            raise NoCertificate(f"{type(node).__name__} (not smooth everywhere it is defined)")


def certify(slack: sp.Expr, variable: sp.Symbol, interval: sp.Set, relation: str
            ) -> Certificate:
    """The certificate that ``slack`` is ≥ 0 (strict: > 0) on ``interval``, or NoCertificate."""
    strict = relation in ("<", ">")
    real = sp.Dummy(str(variable), real=True)
    f = _exact(slack).xreplace({variable: real})
    try:
        with time_limit(CERTIFY_SECONDS, source="certificate", what="certifying an inequality"):
            _certified_coefficients(f, real)
            certificate = _certificate(f, real, variable, interval, strict)
            _cover_guard(f, real, variable, interval, certificate.minimum)
            return certificate
    except ParseError as error:
        raise NoCertificate("SymPy's exact range did not finish in time") from error
    except (NotImplementedError, ValueError, TypeError, AttributeError, RecursionError,
            ZeroDivisionError) as error:
        raise NoCertificate(f"SymPy's exact range failed ({type(error).__name__})") from error


def _certified_coefficients(f, x) -> None:
    """Every constant that multiplies a function of ``x`` in the expanded slack has a
    certified sign (or is exactly 0): SymPy's limits and ranges decide such signs in floating
    point, and x²·(tanh(30000) − 1) went to +∞ for them (round 38 B06: the coefficient is
    −10^-26058)."""
    grouped: dict = {}
    for term in sp.Add.make_args(sp.expand(f)):
        coefficient, part = term.as_independent(x, as_Add=False)
        grouped[part] = grouped.get(part, 0) + coefficient
    for part, coefficient in grouped.items():
        if part == 1 or coefficient.is_Rational or not coefficient.is_number:
            continue
        _sign(coefficient)  # (NoCertificate when it is not certified)


def _certificate(f, x, shown, interval, strict, depth: int = 0) -> Certificate:
    candidates, points, families = [], [], []  # (value, attained, where, at: x or None)
    for piece, smooth in _pieces(f, x, interval):
        found = _candidates(smooth, x, shown, piece, depth)
        candidates += found[0]
        points += found[1]
        families += found[2]
    if len(candidates) > MAX_CANDIDATES:
        raise NoCertificate(f"{len(candidates)} candidate points")
    signs = [(_sign(value), value, attained, where, at)
             for value, attained, where, at in candidates]
    for sign, value, attained, where, at in signs:
        if sign < 0 or (strict and attained and sign == 0):
            raise NoCertificate(f"SymPy's range gives the slack {sp.sstr(value)} {where}",
                                at if attained else None)
    least = min(signs, key=lambda s: (_float(s[1]), not s[2]))
    return Certificate(shown, interval, least[1], least[2], least[3],
                       _critical_text(points, families))


COVER_POINTS = 128  # points of a bounded interval where the guard evaluates the slack
COVER_STEP = sp.Rational(1, 4)  # the guard's step out to COVER_NEAR past a finite end
COVER_NEAR = 16
COVER_FAR = sp.Rational(6, 5)  # then a geometric step out to COVER_END
COVER_END = 10**7
COVER_BITS = 64


def cover(interval: sp.Interval) -> list:
    """Points of ``interval`` where :func:`_cover_guard` evaluates the slack: evenly spaced
    on a bounded interval, else a fine step near the finite end (near 0 on ℝ) and a
    geometric one out to 10^7."""
    low, high = interval.inf, interval.sup
    if low.is_finite and high.is_finite:
        points = [low + (high - low) * sp.Rational(k, COVER_POINTS)
                  for k in range(COVER_POINTS + 1)]
    else:
        steps = [COVER_STEP * k for k in range(1, int(COVER_NEAR / COVER_STEP) + 1)]
        while steps[-1] < COVER_END:
            steps.append(sp.ceiling(steps[-1] * COVER_FAR))
        if low.is_finite:
            points = [low] + [low + step for step in steps]
        elif high.is_finite:
            points = [high] + [high - step for step in steps]
        else:
            points = [sp.Integer(0)] + steps + [-step for step in steps]
    return [p for p in points if interval.contains(p) is sp.true]


def _cover_guard(f, x, shown, interval, minimum) -> None:
    """An independent guard on a certificate (never its proof): the slack evaluated with
    certified balls (Arb) on :func:`cover`; a point where it is certainly below the certified
    minimum, or has no real value although SymPy said it is continuous there, means SymPy's
    range machinery erred: NoCertificate."""
    try:
        least = enclosure(minimum, {}, COVER_BITS)
    except (Uncertain, Undefined, Unsupported, ValueError, ZeroDivisionError) as error:
        raise NoCertificate(f"the certified minimum {sp.sstr(minimum)} has no certified "
                            "value") from error
    for point in cover(interval):
        try:
            value = enclosure(f, {x: point}, COVER_BITS)
        except (Uncertain, Unsupported, ValueError, ZeroDivisionError):
            continue
        except Undefined as error:
            raise NoCertificate(f"the slack has no real value at {shown} = {sp.sstr(point)} "
                                "although SymPy says it is continuous there") from error
        if value < least:
            raise NoCertificate(
                f"SymPy's exact range gives the minimum {sp.sstr(minimum)}, but certified "
                f"evaluation gives the slack {value.mid().str(5)} at {shown} = "
                f"{sp.sstr(point)}: the two disagree and neither is trusted")


def _pieces(f, x, interval) -> list:
    """(sub-interval, slack without |·|) covering ``interval``: cut at the zeros of every
    |g(x)|, where g keeps one sign (certified at an inner point) between them; |·| of |·| or
    of a function with infinitely many zeros: no certificate."""
    absolutes = sorted((a for a in f.atoms(sp.Abs) if a.has(x)), key=sp.default_sort_key)
    if not absolutes:
        _smooth(f, x)
        return [(interval, f)]
    cuts = []
    for absolute in absolutes:
        if absolute.args[0].has(sp.Abs):
            raise NoCertificate("an absolute value inside an absolute value")
        _smooth(absolute.args[0], x)
        found, families = _zeros(absolute.args[0], x, interval)
        if families:
            raise NoCertificate(f"{sp.sstr(absolute)} has infinitely many kinks")
        cuts += [c for c in found if c not in cuts]
    cuts = sorted(cuts, key=_float)
    ends = [interval.inf] + cuts + [interval.sup]
    pieces = []
    for k in range(len(ends) - 1):
        if ends[k] == ends[k + 1]:
            continue
        piece = sp.Interval(ends[k], ends[k + 1], k == 0 and interval.left_open,
                            k == len(ends) - 2 and interval.right_open)
        inner = _inner_point(piece)
        signs = {a: _sign(a.args[0].xreplace({x: inner})) for a in absolutes}
        if 0 in signs.values():
            raise NoCertificate("an absolute value vanishes inside a piece")
        smooth = f.xreplace({a: sign * a.args[0] for a, sign in signs.items()})
        _smooth(smooth, x)
        pieces.append((piece, smooth))
    return pieces


def _candidates(f, x, shown, interval, depth: int = 0) -> tuple[list, list, list]:
    """The candidates for the infimum of a smooth ``f`` on ``interval`` (value, attained,
    where), and the critical points and periodic families they came from.  When SymPy cannot
    list the critical points, a certificate that ``f'`` > 0 (or < 0) on the whole interval
    (the same procedure, one level down) makes ``f`` strictly monotone: its infimum is at
    one end (2^n − n² on [4, ∞): f' = 2^n ln 2 − 2n > 0 there)."""
    inner = [p for p in singular_points(f, x, interval)
             if p not in (interval.inf, interval.sup)]
    if inner:
        raise NoCertificate(f"the slack is not continuous on all of {interval_text(interval)} "
                            f"(at {shown} = {sp.sstr(inner[0])})")
    derivative = sp.diff(f, x)
    kinks = singular_points(derivative, x, interval)
    ends = ((interval.inf, not interval.left_open, "+"),
            (interval.sup, not interval.right_open, "-"))
    monotone = False
    try:
        points, families = _zeros(derivative, x, interval)
    except NoCertificate:
        if depth >= MONOTONE_DEPTH:
            raise
        ends = _monotone_end(derivative, x, shown, interval, depth)
        points, families = [], []
        monotone = True
    inner = _inner_point(interval)  # one value the slack takes (a constant slack: its value)
    candidates = [(f.xreplace({x: inner}), True, f"at {shown} = {sp.sstr(inner)}", inner)]
    for point in list(points) + list(kinks):
        candidates.append((f.xreplace({x: point}), True, f"at {shown} = {sp.sstr(point)}",
                           point))
    n = sp.Symbol("k", integer=True)  # shown: x = 2πk + π/2 for every integer k
    for family in families:
        member = family.lamda.expr.xreplace({family.lamda.variables[0]: n})
        value = sp.simplify(f.xreplace({x: member}))
        if value.free_symbols:
            raise NoCertificate(f"the slack varies along the critical points {sp.sstr(family)}")
        candidates.append((value, True, f"at {shown} = {sp.sstr(member)} for every integer k",
                           None))
    for end, closed, direction in ends:
        if closed:
            candidates.append((f.xreplace({x: end}), True, f"at {shown} = {sp.sstr(end)}", end))
            continue
        limit = sp.limit(f, x, end, direction) if end.is_finite else sp.limit(f, x, end)
        if isinstance(limit, sp.AccumBounds) and not end.is_finite and _periodic(f, x):
            continue  # every value f takes out there it takes at a critical point (11a F12)
        if isinstance(limit, sp.AccumBounds):
            limit = limit.min
        if limit.free_symbols or limit.has(sp.Limit) or limit is sp.nan:
            raise NoCertificate(f"no limit of the slack as {shown} → {sp.sstr(end)}")
        candidates.append((limit, False, f"approached as {shown} → {sp.sstr(end)}", None))
    if monotone:  # said in the certificate's list of critical points
        points = ["none listed: the slack is strictly monotone (its derivative's sign certified)"]
    return candidates, points, families


TRIGONOMETRIC = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc)


def _periodic(f: sp.Expr, x: sp.Symbol) -> bool:
    """Whether ``f`` is periodic in ``x`` by its form: x occurs only inside sin, cos, tan, …
    of a x + b with a rational a ≠ 0 (then 2π·lcm of the denominators of the a is a period).
    Then on an unbounded interval f takes no value out at infinity that it does not take at
    a critical point (the critical points, periodic families taken whole, are listed): the
    bounds SymPy gives for its oscillation (sin x + cos x in [−2, 2]) are no candidates."""
    atoms = [node for node in f.atoms(*TRIGONOMETRIC) if node.has(x)]
    if not atoms:
        return False
    for node in atoms:
        slope = sp.diff(node.args[0], x)
        if not (slope.is_Rational and slope != 0 and sp.diff(slope, x) == 0):
            return False
    hidden = f.xreplace({node: sp.Dummy() for node in atoms})
    return not hidden.has(x)


def singular_points(expr: sp.Expr, x: sp.Symbol, interval: sp.Interval) -> list:
    """The points of ``interval`` where ``expr`` may fail to be defined or continuous — the
    zeros of every denominator, logarithm argument, root base, and the poles of tan, cot,
    sec, csc, coth, acot — found by :func:`_zeros` (so listed completely, never by SymPy's
    solveset over the interval, round 9b L1, nor by its ``continuous_domain``, which uses
    it: it calls 1/(e^{-x}(cos x − sin x)) continuous on [0, ∞)).  A logarithm's argument or
    a root's base must keep the sign it has at an inner point (certified > 0) between them;
    NoCertificate when the points cannot be listed (a periodic family on an unbounded
    interval), when an argument is negative, or for asin, acos, atanh of x (a bounded
    domain this does not certify)."""
    points = []

    def zeros_of(argument):
        found, families = _zeros(argument, x, interval)
        if families:
            raise NoCertificate(f"{sp.sstr(argument)} has infinitely many zeros there")
        inside = [p for p in found if interval.contains(p) is not sp.false]
        points.extend(p for p in inside if p not in points)
        return inside

    def positive(argument, what):
        zeros_of(argument)
        if _sign(argument.xreplace({x: _inner_point(interval)})) <= 0:
            raise NoCertificate(f"{what} {sp.sstr(argument)} is not positive on "
                                f"{interval_text(interval)}")

    for node in sp.preorder_traversal(expr):
        if node.is_Atom or not node.has(x):
            continue
        if node.is_Pow:
            exponent = node.exp
            if exponent.is_Integer:
                if exponent.is_negative:
                    zeros_of(node.base)
            elif exponent.is_Rational and exponent.q % 2 == 1 and node.base.has(x):
                zeros_of(node.base)  # an odd root: real everywhere, not smooth at 0
            elif node.base.has(x):
                positive(node.base, "the base")
            continue
        if isinstance(node, sp.log):
            positive(node.args[0], "the logarithm's argument")
        elif isinstance(node, (sp.tan, sp.sec)):
            zeros_of(sp.cos(node.args[0]))
        elif isinstance(node, (sp.cot, sp.csc)):
            zeros_of(sp.sin(node.args[0]))
        elif isinstance(node, (sp.coth, sp.acot)):
            zeros_of(node.args[0])
        elif isinstance(node, (sp.asin, sp.acos, sp.atanh)):
            raise NoCertificate(f"{type(node).__name__} of {sp.sstr(node.args[0])}")
    return points


def _monotone_end(derivative, x, shown, interval, depth) -> tuple:
    """The one end where a strictly monotone slack takes its infimum, from a certificate that
    its derivative is > 0 (increasing: the lower end) or < 0 (the upper end) on the whole
    interval; NoCertificate when neither is certified."""
    for sign, end in ((1, (interval.inf, not interval.left_open, "+")),
                      (-1, (interval.sup, not interval.right_open, "-"))):
        try:
            _certificate(sign * derivative, x, shown, interval, True, depth + 1)
        except NoCertificate:
            continue
        return (end,)
    raise NoCertificate("SymPy could not give every critical point, and the slack's "
                        "derivative has no certified sign")


def _inner_point(interval: sp.Interval) -> sp.Basic:
    low, high = interval.inf, interval.sup
    if low.is_finite and high.is_finite:
        return (low + high) / 2
    if low.is_finite:
        return low + 1
    if high.is_finite:
        return high - 1
    return sp.Integer(0)


def _zeros(expr: sp.Expr, x: sp.Symbol, interval: sp.Set) -> tuple[list, list]:
    """(points, periodic families) covering the zeros of ``expr`` in ``interval``: a product
    is zero where one of its factors is (x^x (ln x + 1): at 1/e), a positive power where its
    base is, an exponential nowhere, a quotient where its numerator is; else SymPy's
    ``solveset`` over the REALS (its answer over an interval drops members of a periodic
    family: e^{-x}(cos x - sin x) has no zero on [0, ∞) as SymPy 1.14 says, round 9b L1),
    kept only for an equation of a kind whose solutions SymPy lists completely
    (:func:`complete_kind`), and cut to ``interval`` here."""
    if not expr.has(x):  # a constant slack (derivative 0): its value at an inner point
        return [], []
    if expr.is_Add:  # -e^{-x} sin x + e^{-x} cos x: its common factors, and a quotient
        together = sp.factor_terms(sp.together(expr))
        numerator, _ = sp.fraction(together)
        if numerator != expr:
            return _zeros(numerator, x, interval)
    if expr.is_Mul:
        points, families = [], []
        numerator, denominator = sp.fraction(expr)  # zeros of a quotient: its numerator's
        factors = sp.Mul.make_args(numerator) if denominator.has(x) else expr.args
        for factor in factors:
            more_points, more_families = _zeros(factor, x, interval)
            points += more_points
            families += more_families
        return points, families
    if isinstance(expr, sp.exp) or (expr.is_Pow and expr.base.is_number
                                    and expr.base.is_positive):
        return [], []
    if expr.is_Pow:  # b^e ≠ 0 wherever b ≠ 0: its zeros are among the base's
        return _zeros(expr.base, x, interval)
    kind = complete_kind(expr, x)
    if kind is None:
        raise NoCertificate(f"the zeros of {sp.sstr(expr)} are not of a kind SymPy lists "
                            "completely")
    return _members(sp.solveset(expr, x, sp.S.Reals), interval)


# functions with an inverse on all of their real domain: h(x) = c has at most one solution
MONOTONE = (sp.exp, sp.log, sp.atan, sp.asinh, sp.sinh, sp.tanh, sp.erf, sp.erfc)
TRIGONOMETRIC = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc)


def complete_kind(expr: sp.Expr, x: sp.Symbol) -> str | None:
    """Why SymPy's solutions of ``expr = 0`` over the reals are all of them, or None.

    * ``"rational"``: a rational function of x (the zeros of a polynomial numerator);
    * ``"monotone"``: a rational function of ONE invertible kernel h(x) — exp, log, atan,
      asinh, sinh, tanh, erf or a one-to-one root (√·, ∛·) of a polynomial of degree 1 in x
      (1 − ln x, 1/(2√x) − 1): the roots t of a polynomial, then the one x with h(x) = t;
    * ``"trigonometric"``: a rational function of sines and cosines of ONE argument a·x + b
      (a a rational number): a polynomial in e^{i(ax+b)}, whose roots are periodic families.

    Anything else (x beside e^x, sin x beside sin(√2 x), x − cos x) is not listed complete:
    SymPy may give part of the solutions (or a superset it cannot prove)."""
    if expr.is_rational_function(x):
        return "rational"
    kernels = {node for node in sp.preorder_traversal(expr)
               if (isinstance(node, sp.Function) or _root(node)) and node.has(x)}
    arguments = {node.args[0] for node in kernels}
    if len(arguments) != 1 or any(len(node.args) != 1 and not _root(node) for node in kernels):
        return None
    (argument,) = arguments
    if not (argument.is_polynomial(x) and sp.degree(argument, x) == 1):
        return None
    slope = sp.Poly(argument, x).coeffs()[0]
    t = sp.Dummy("t")
    if all(isinstance(node, MONOTONE) or _root(node) for node in kernels) \
            and len(kernels) == 1:
        (kernel,) = kernels
        plain = expr.xreplace({kernel: t})
        return "monotone" if not plain.has(x) and plain.is_rational_function(t) else None
    if all(isinstance(node, TRIGONOMETRIC) for node in kernels) and slope.is_Rational:
        plain = expr.xreplace({node: sp.Dummy() for node in kernels})
        return "trigonometric" if not plain.has(x) and plain.is_rational_function() else None
    return None


def _root(node: sp.Basic) -> bool:
    """u^(p/q) with q > 1 and p odd or q even: one-to-one where it is real (√u, u^(1/3),
    u^(-1/2)), unlike u^(2/3) (= t at u = ±t^(3/2))."""
    return (node.is_Pow and node.exp.is_Rational and not node.exp.is_Integer
            and (node.exp.p % 2 == 1 or node.exp.q % 2 == 0))


def _members(solutions: sp.Set, interval: sp.Set) -> tuple[list, list]:
    """(finite points, periodic families) covering the solution set over the reals, cut to
    ``interval``: the finite points inside it, and the families (taken whole: a superset)
    or, on a bounded interval, their members inside it; NoCertificate when SymPy's answer is
    not such a set (a ConditionSet: it could not solve)."""
    if solutions == sp.S.EmptySet:
        return [], []
    if isinstance(solutions, sp.FiniteSet):
        return [p for p in solutions.args if interval.contains(p) is not sp.false], []
    if isinstance(solutions, sp.ImageSet) and len(solutions.lamda.variables) == 1 \
            and solutions.base_sets[0] == sp.S.Integers:
        inside = _family_inside(solutions, interval)
        return (inside, []) if inside is not None else ([], [solutions])
    if isinstance(solutions, (sp.Union, sp.Intersection, sp.Complement)):
        points, families = [], []
        parts = solutions.args
        if isinstance(solutions, sp.Complement):  # A minus B: A is a superset
            parts = parts[:1]
        if isinstance(solutions, sp.Intersection):  # a superset: the parts that are sets of points
            parts = [p for p in parts if not isinstance(p, sp.Interval)]
            if len(parts) != 1:
                raise NoCertificate(f"critical points {sp.sstr(solutions)}")
        for part in parts:
            more_points, more_families = _members(part, interval)
            points += more_points
            families += more_families
        return points, families
    raise NoCertificate(f"SymPy could not give every critical point ({type(solutions).__name__})")


MAX_MEMBERS = 40  # members of a periodic family listed one by one on a bounded interval


def _family_inside(family: sp.ImageSet, interval: sp.Set) -> list | None:
    """The members of ``{g(n) : n integer}`` inside a BOUNDED interval, when g is a·n + b
    with a real a ≠ 0 (the n with g(n) in [lo, hi] run between two certified ends); None
    for an unbounded interval or another g (then the family is taken whole)."""
    n = family.lamda.variables[0]
    member = family.lamda.expr
    low, high = interval.inf, interval.sup
    if not (low.is_finite and high.is_finite) or not member.is_polynomial(n) \
            or sp.degree(member, n) != 1:
        return None
    slope, offset = sp.Poly(member, n).all_coeffs()
    if not (slope.is_real and offset.is_real) or slope.is_zero is not False:
        return None
    ends = sorted(_float((end - offset) / slope) for end in (low, high))
    first, last = math.floor(ends[0]) - 1, math.ceil(ends[1]) + 1
    if last - first > MAX_MEMBERS:
        return None
    return [member.xreplace({n: sp.Integer(k)}) for k in range(first, last + 1)
            if interval.contains(member.xreplace({n: sp.Integer(k)})) is not sp.false]


def _sign(value: sp.Basic) -> int:
    """The exact sign of a constant: SymPy's zero test, else a certified ball."""
    if value in (sp.oo,):
        return 1
    if value in (-sp.oo,) or not value.is_number or value.has(sp.zoo, sp.nan):
        raise NoCertificate(f"the slack has a candidate value {sp.sstr(value)}")
    if value.is_zero or (value.is_zero is None and sp.simplify(value).is_zero):
        return 0
    for prec in PRECISIONS:
        try:
            ball = enclosure(value, {}, prec)
        except (Uncertain, Undefined, Unsupported, ValueError, ZeroDivisionError):
            break
        if ball > 0:
            return 1
        if ball < 0:
            return -1
    raise NoCertificate(f"the sign of {sp.sstr(value)} is not certified")


def _float(value: sp.Basic) -> float:
    if value == sp.oo:
        return math.inf
    return float(sp.N(value, 20))


def _critical_text(points: list, families: list) -> str:
    k = sp.Symbol("k", integer=True)
    shown = list(dict.fromkeys(sp.sstr(p) for p in points)) + [
        sp.sstr(f.lamda.expr.xreplace({f.lamda.variables[0]: k})) + " (k integer)"
        for f in families]
    return "{" + ", ".join(shown) + "}" if shown else "none"


# --- the policy: a claim about every value is checked only with a certificate -------------


def require_certificate(outcome: Outcome, left, right, relation: str, domain_of,
                        smallest: float | None, evidence: str, refute_at=None) -> Outcome:
    """``outcome`` (*checked* on sampled points) kept *checked* only with a certificate over
    the whole domain, its reason naming it; else *undecided* with the evidence.

    ``left``/``right``: the prepared sides; ``domain_of``: symbol → Domain; ``smallest``: the
    smallest slack the worst-point search found (None: it did not run); ``evidence``: what
    was sampled and searched, in words; ``refute_at(point)``: the checker's reproduced
    refutation at an exact point where SymPy's range found a negative slack (``(x - 1/3)^2 \\ge
    10^{-40}`` at x = 1/3), or None (round 11b L1)."""
    if left is None or right is None:
        return uncertified(outcome, "the sides could not be prepared", evidence)
    try:
        certificate = _one_variable(left, right, relation, domain_of)
    except NoCertificate as why:
        refuted = refute_at(why.at) if why.at is not None and refute_at is not None else None
        return refuted if refuted is not None else uncertified(outcome, f"{why}", evidence)
    if smallest is None:
        return uncertified(outcome, "no search of the worst point to cross-check the "
                            "certificate against", evidence)
    least = _float(certificate.minimum)
    if smallest < least - GUARD * (1 + abs(least)):
        return uncertified(outcome, (
            f"the certificate gives the minimum {sp.sstr(certificate.minimum)} "
            f"{certificate.where}, but the worst-point search found a smaller slack "
            f"{smallest:.6g}: the two disagree and neither is trusted"), evidence)
    return replace(outcome, method=getattr(certificate, "method",
                                           "certified minimum (SymPy's exact range)"),
                   reason="; ".join(filter(None, (certificate.describe(),
                                                   outcome.reason))))


def _one_variable(left, right, relation, domain_of):
    """The certificate of a scalar claim: one variable here, several over a box
    (:mod:`symderive.check.box_certificates`)."""
    sides = (left, right)
    if not all(isinstance(side, sp.Expr) and not getattr(side, "is_Matrix", False)
               for side in sides):
        raise NoCertificate("not a scalar claim")
    slack = extrema.slack_of(left, right, relation)
    variables = sorted(slack.free_symbols, key=sp.default_sort_key)
    if not variables or not all(v.is_Symbol for v in variables):
        raise NoCertificate(f"{len(variables)} variables (certificates cover plain variables)")
    intervals = {}
    for variable in variables:
        try:
            axis = extrema.coordinate(variable, domain_of(variable))
        except extrema.NotSearchable as why:
            raise NoCertificate(str(why)) from why
        intervals[variable] = interval_of(axis)
    if len(variables) > 1:
        from symderive.check import box_certificates  # it builds on this module

        return box_certificates.certify_box(slack, intervals, relation)
    try:
        return certify(slack, variables[0], intervals[variables[0]], relation)
    except NoCertificate as why:
        if why.at is not None:
            why.at = {variables[0]: why.at}
        raise


def uncertified(outcome: Outcome, why: str, evidence: str) -> Outcome:
    reason = "; ".join(filter(None, (evidence, outcome.reason)))
    return Outcome(
        "undecided",
        method=outcome.method,
        reason=f"no certificate covers the whole domain ({why}): a sampled inequality is not "
        f"checked" + (f" ({reason})" if reason else ""),
        points=outcome.points,
        digits=outcome.digits,
        sizes=outcome.sizes,
        points_checked=outcome.points_checked,
    )
