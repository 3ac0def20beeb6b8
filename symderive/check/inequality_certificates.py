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
  SymPy's ``continuous_domain`` says ``f`` is continuous on all of ``I`` and ``f'`` is
  continuous on ``I`` but at a FINITE set ``S`` of points;
* SymPy's ``solveset`` gives the zeros of ``f'`` in ``I`` (a product factor by factor, a
  power where its base vanishes) as finite sets and periodic families (``ImageSet`` s over the
  integers) only — on a periodic family ``f`` must take one value, independent of the member;
  when it cannot (a ``ConditionSet``), the same procedure one level down may certify
  ``f' > 0`` (or ``< 0``) on all of ``I``: ``f`` is then strictly monotone and only its lower
  (upper) end is a candidate; otherwise no certificate;
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

SymPy's range machinery is a large program: as a guard, the smallest slack the worst-point
search found must not lie below the certified minimum beyond rounding; if it does, the claim
is *undecided* (the two disagree, and neither is trusted).

The certificate makes a step *checked*, not *proved*: *proved* is reserved for a symbolic
simplification of the written difference to exactly zero (docs/architecture.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import sympy as sp
from sympy.calculus.util import continuous_domain

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
    """Why no certificate covers the domain (said in the verdict)."""


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
            return _certificate(f, real, variable, interval, strict)
    except ParseError as error:
        raise NoCertificate("SymPy's exact range did not finish in time") from error
    except (NotImplementedError, ValueError, TypeError, AttributeError, RecursionError,
            ZeroDivisionError) as error:
        raise NoCertificate(f"SymPy's exact range failed ({type(error).__name__})") from error


def _certificate(f, x, shown, interval, strict, depth: int = 0) -> Certificate:
    candidates, points, families = [], [], []  # (value, attained, where)
    for piece, smooth in _pieces(f, x, interval):
        found = _candidates(smooth, x, shown, piece, depth)
        candidates += found[0]
        points += found[1]
        families += found[2]
    if len(candidates) > MAX_CANDIDATES:
        raise NoCertificate(f"{len(candidates)} candidate points")
    signs = [(_sign(value), value, attained, where) for value, attained, where in candidates]
    for sign, value, attained, where in signs:
        if sign < 0 or (strict and attained and sign == 0):
            raise NoCertificate(f"SymPy's range gives the slack {sp.sstr(value)} {where}")
    least = min(signs, key=lambda s: (_float(s[1]), not s[2]))
    return Certificate(shown, interval, least[1], least[2], least[3],
                       _critical_text(points, families))


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
    if not interval.is_subset(continuous_domain(f, x, interval)):
        raise NoCertificate(f"the slack is not continuous on all of {interval_text(interval)}")
    derivative = sp.diff(f, x)
    kinks = sp.Complement(interval, continuous_domain(derivative, x, interval))
    if not isinstance(kinks, sp.FiniteSet) and kinks != sp.S.EmptySet:
        raise NoCertificate("the slack's derivative is not continuous but at finitely many points")
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
    candidates = [(f.xreplace({x: inner}), True, f"at {shown} = {sp.sstr(inner)}")]
    for point in list(points) + list(kinks):
        candidates.append((f.xreplace({x: point}), True, f"at {shown} = {sp.sstr(point)}"))
    n = sp.Symbol("k", integer=True)  # shown: x = 2πk + π/2 for every integer k
    for family in families:
        member = family.lamda.expr.xreplace({family.lamda.variables[0]: n})
        value = sp.simplify(f.xreplace({x: member}))
        if value.free_symbols:
            raise NoCertificate(f"the slack varies along the critical points {sp.sstr(family)}")
        candidates.append((value, True, f"at {shown} = {sp.sstr(member)} for every integer k"))
    for end, closed, direction in ends:
        if closed:
            candidates.append((f.xreplace({x: end}), True, f"at {shown} = {sp.sstr(end)}"))
            continue
        limit = sp.limit(f, x, end, direction) if end.is_finite else sp.limit(f, x, end)
        if isinstance(limit, sp.AccumBounds):
            limit = limit.min
        if limit.free_symbols or limit.has(sp.Limit) or limit is sp.nan:
            raise NoCertificate(f"no limit of the slack as {shown} → {sp.sstr(end)}")
        candidates.append((limit, False, f"approached as {shown} → {sp.sstr(end)}"))
    if monotone:  # said in the certificate's list of critical points
        points = ["none listed: the slack is strictly monotone (its derivative's sign certified)"]
    return candidates, points, families


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
    base is, an exponential nowhere; else SymPy's ``solveset``."""
    if not expr.has(x):  # a constant slack (derivative 0): its value at an inner point
        return [], []
    if expr.is_Mul:
        points, families = [], []
        for factor in expr.args:
            more_points, more_families = _zeros(factor, x, interval)
            points += more_points
            families += more_families
        return points, families
    if expr.is_Pow:  # b^e ≠ 0 wherever b ≠ 0: its zeros are among the base's
        return _zeros(expr.base, x, interval)
    if isinstance(expr, sp.exp) or (expr.is_Pow and expr.base.is_number
                                    and expr.base.is_positive):
        return [], []
    return _members(sp.solveset(expr, x, interval), interval)


def _members(solutions: sp.Set, interval: sp.Set) -> tuple[list, list]:
    """(finite points, periodic families) covering the solution set; NoCertificate when
    SymPy's answer is not such a set (a ConditionSet: it could not solve)."""
    if solutions == sp.S.EmptySet:
        return [], []
    if isinstance(solutions, sp.FiniteSet):
        return [p for p in solutions.args if interval.contains(p) is not sp.false], []
    if isinstance(solutions, sp.ImageSet) and len(solutions.lamda.variables) == 1 \
            and solutions.base_sets[0] == sp.S.Integers:
        return [], [solutions]
    if isinstance(solutions, (sp.Union, sp.Intersection)):
        points, families = [], []
        parts = solutions.args
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
                        smallest: float | None, evidence: str) -> Outcome:
    """``outcome`` (*checked* on sampled points) kept *checked* only with a certificate over
    the whole domain, its reason naming it; else *undecided* with the evidence.

    ``left``/``right``: the prepared sides; ``domain_of``: symbol → Domain; ``smallest``: the
    smallest slack the worst-point search found (None: it did not run); ``evidence``: what
    was sampled and searched, in words."""
    if left is None or right is None:
        return uncertified(outcome, "the sides could not be prepared", evidence)
    try:
        certificate = _one_variable(left, right, relation, domain_of)
    except NoCertificate as why:
        return uncertified(outcome, f"{why}", evidence)
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
    return certify(slack, variables[0], intervals[variables[0]], relation)


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
