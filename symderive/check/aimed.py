"""Finite laws aimed at one claim about expectations, and when point masses decide it.

A fixed family of laws misses a claim false only at a point mass away from the values the
family uses (``E[(X - 7)^2] > 0`` at X ≡ 7) or on a skewed law it does not contain
(``E[X^3] ≥ E[X]^3 − 10^6`` at X = −1000 or 0).  Here the laws are aimed at the claim: on a
*line* of laws (every variable a point mass at t; one variable a point mass at t beside the
others held; one variable on two values {b, b + t} with probabilities 1 − p, p; the same two
values with p varying) every expectation is an exact function of the parameter, so the
claim's difference left − right is a function d(t).  It can fail only where d changes sign or
meets zero: for a rational function d with rational coefficients the real roots of its
numerator, denominator and derivative are isolated exactly (rational roots exactly, quadratic
surds exactly, the others between rational bounds), and one rational value between each pair
of neighbouring roots, past the outermost ones, and at each exact root decides the sign of d
on the whole line.  Other functions are tried on a grid of values made from the claim's
numbers.  The values found on one line seed the next (a point mass at the minimum of d moves
one variable at a time), and only the laws on which d comes closest to failing are returned.

Point masses decide a claim for every law when its difference is affine in the expectations
(plus variances on the side where they can only help: a variance is concave in the law), no
variable is centred and the law is not restricted by a given: such a difference is concave
(resp. convex) on the simplex of laws on any finite set of values, so its least (greatest)
value is at a vertex, a point mass, variable by variable.  Then :attr:`Aimed.decisive` says why
the point masses all satisfy the claim: a certified sign of d over all reals (SymPy's
assumptions), or the exact sign analysis of d on the one line of point masses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from symderive.check.finite import FiniteModel
from symderive.expectation import E, Var

MAX_DEGREE = 60  # larger polynomials are tried on the grid, not isolated
PER_LINE = 2  # laws returned per line
MAX_MODELS = 24
TWO_POINT_PROBABILITIES = (sp.Rational(1, 2), sp.Rational(1, 10), sp.Rational(1, 1000))
ROUNDS = 2  # passes of moving one variable at a time
KIND = "point masses and two-point laws aimed at the claim (at, between and past the real " \
       "roots and critical points of its difference on them)"


@dataclass(frozen=True)
class Aimed:
    """The laws aimed at a claim (most likely to fail first) and, when point masses decide the
    claim for every law and all satisfy it, why ('' otherwise)."""

    models: tuple
    decisive: str = ""


def _violates(value: sp.Basic, relation: str) -> bool | None:
    """Whether the difference ``value`` = left − right breaks ``relation`` (None: unknown;
    exact for rational and surd values, SymPy's numeric sign otherwise: used to rank)."""
    if not isinstance(value, sp.Basic) or not value.is_number:
        return None
    try:
        zero, positive, negative = value.is_zero, value.is_positive, value.is_negative
    except (TypeError, ValueError):
        return None
    if zero is None or positive is None or negative is None:
        return None
    return {
        ">": not positive, ">=": negative, "<": not negative, "<=": positive,
        "=": not zero, "!=": zero,
    }.get(relation)


def _badness(value: sp.Basic, relation: str) -> float:
    """How close ``value`` = left − right comes to breaking ``relation`` (lower: closer)."""
    try:
        number = complex(sp.N(value, 30))
    except (TypeError, ValueError):
        return math.inf
    if abs(number.imag) > 1e-12 * (1 + abs(number.real)) or math.isnan(number.real):
        return math.inf
    x = number.real
    if relation in (">", ">="):
        return x
    if relation in ("<", "<="):
        return -x
    if relation == "=":
        return -abs(x)
    return abs(x)


def _rationalized(expr: sp.Basic) -> sp.Basic:
    floats = expr.atoms(sp.Float)
    return expr.xreplace({f: sp.Rational(str(f)) for f in floats}) if floats else expr


def _simplest_between(low: Fraction, high: Fraction) -> Fraction:
    """A rational with a small denominator strictly between ``low`` < ``high``."""
    denominator = 1
    while True:
        numerator = math.floor(low * denominator) + 1
        candidate = Fraction(numerator, denominator)
        if candidate < high:
            return candidate
        denominator *= 2


@dataclass(frozen=True)
class _Line:
    """Values of a parameter to try, and whether they decide the sign of d on the line."""

    values: tuple  # SymPy numbers
    exhaustive: bool = False  # the sign of d at these values is its sign everywhere


def _line_values(d: sp.Basic, t: sp.Symbol, relation: str, numbers, interval=None) -> _Line:
    """Values of ``t`` at, between and past the real roots of d and of d' (exact when d is a
    rational function of t), or a grid made of ``numbers`` otherwise; inside ``interval``
    (open, rational ends) when given."""
    d = _rationalized(d)
    try:
        numerator, denominator = sp.fraction(sp.cancel(sp.together(d)))
        polys = [sp.Poly(numerator, t), sp.Poly(denominator, t)]
        if not all(p.domain.is_QQ or p.domain.is_ZZ for p in polys):
            raise sp.PolynomialError("coefficients not rational")
    except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
        return _grid(numbers, interval)
    top, bottom = polys
    critical = top.diff(t) * bottom - top * bottom.diff(t)
    breaks = top * bottom * (critical if not critical.is_zero else sp.Poly(1, t))
    if breaks.degree() > MAX_DEGREE:
        return _grid(numbers, interval)
    values: list = []
    exhaustive = True
    if breaks.degree() > 0:
        isolated = breaks.sqf_part().intervals(eps=sp.Rational(1, 10**12))
    else:
        isolated = []
    ends = [(Fraction(int(a.p), int(a.q)), Fraction(int(b.p), int(b.q)))
            for (a, b), _ in isolated]
    for a, b in ends:
        values += [a] if a == b else [a, b]
    for (_, b), (a, _) in zip(ends, ends[1:]):
        if b < a:
            values.append(_simplest_between(b, a))
    if ends:
        first, last = ends[0][0], ends[-1][1]
        values += [Fraction(math.floor(first) - 1 - abs(math.floor(first))),
                   Fraction(math.ceil(last) + 1 + abs(math.ceil(last)))]
    else:
        values.append(Fraction(0))
    exact = [sp.Rational(v.numerator, v.denominator) for v in values]
    # roots of the numerator that are not rational: exact when quadratic, else a gap in the
    # analysis where d = 0 (a strict claim fails there)
    for factor, _ in top.factor_list()[1]:
        if factor.degree() == 2:
            exact += [root for root in sp.roots(factor, t) if root.is_real]
        elif factor.degree() > 2 and factor.count_roots() and relation in (">", "<", "!="):
            exhaustive = False
    if interval is not None:
        low, high = interval
        exact = [v for v in exact if low < v < high]
        if not exact:
            exact = [sp.Rational(low + high, 2)]
    return _Line(tuple(dict.fromkeys(exact)), exhaustive)


CONDITION_SECONDS = 0.3  # SymPy's solving of one condition of a piecewise difference
MAX_CONDITION_POINTS = 8


def _condition_points(d: sp.Basic, t: sp.Symbol, interval=None) -> tuple:
    """The real points where a condition inside d switches (``\\mathbb{1}(X^2 = 2)``, a
    Piecewise branch): exact, irrational ones too (round 11b C6: laws with rational values
    only never put X at √2). Each condition in t alone is solved within a time limit."""
    from symderive.errors import ParseError
    from symderive.grammar.build import time_limit

    points: list = []
    for condition in d.atoms(sp.Eq, sp.Ne, sp.StrictLessThan, sp.StrictGreaterThan,
                             sp.LessThan, sp.GreaterThan):
        if condition.free_symbols != {t}:
            continue
        try:
            with time_limit(CONDITION_SECONDS, source="sampling", what="solving a condition"):
                roots = sp.solve(sp.Eq(condition.lhs, condition.rhs), t)
        except (ParseError, NotImplementedError, ValueError, TypeError, AttributeError):
            continue
        for root in roots:
            if getattr(root, "is_real", False) and root.is_number and (
                    interval is None or interval[0] < root < interval[1]):
                points.append(root)
    return tuple(dict.fromkeys(points))[:MAX_CONDITION_POINTS]


def _grid(numbers, interval) -> _Line:
    base = {sp.Integer(k) for k in (0, 1, -1, 2, -2, 3, -3)}
    base |= {sign * sp.Integer(10) ** k for k in (1, 2, 3, 6, 9) for sign in (1, -1)}
    base |= {sp.Rational(1, 2), sp.Rational(-1, 2)}
    for number in numbers:
        base |= {number, -number, number + 1, number - 1, 2 * number, number / 2}
    values = sorted(base, key=lambda v: (abs(v), v))
    if interval is not None:
        low, high = interval
        values = [v for v in values if low < v < high] or [sp.Rational(low + high, 2)]
    return _Line(tuple(values), False)


class _Search:
    def __init__(self, left, right, relation, space_of, centered):
        self.left, self.right, self.relation = left, right, relation
        self.centered = set(centered)
        self.randoms = sorted(space_of, key=str)
        self.free = [s for s in self.randoms if s not in self.centered]
        self.numbers = sorted({abs(n) for side in (left, right)
                               for n in side.atoms(sp.Rational, sp.Float) if n != 0}, key=float)
        self.numbers = [_rationalized(n) for n in self.numbers][:8]
        self.found: list = []  # (badness, violates, model)

    def model(self, probabilities, values: dict) -> FiniteModel:
        columns = {s: tuple(values.get(s, (sp.S.Zero,) * len(probabilities))) for s in self.randoms}
        for symbol in self.centered & set(columns):
            mean = sum(p * v for p, v in zip(probabilities, columns[symbol]))
            columns[symbol] = tuple(sp.expand(v - mean) for v in columns[symbol])
        return FiniteModel(tuple(probabilities), columns)

    def difference(self, model: FiniteModel) -> sp.Basic | None:
        try:
            value = model.resolve(self.left) - model.resolve(self.right)
        except (TypeError, ValueError, ZeroDivisionError):
            return None
        if value.free_symbols & set(self.randoms):
            return None  # a random variable outside an expectation: not one number per law
        return value

    def line(self, parameter, build, interval=None) -> tuple[list, _Line | None]:
        """Try the laws ``build(value)`` for the values of ``parameter`` the line needs;
        returns the (badness, value) pairs, best first, and the line's values."""
        d = self.difference(build(parameter))
        if d is None or d.free_symbols - {parameter}:
            return [], None
        found = _line_values(d, parameter, self.relation, self.numbers, interval)
        if switches := _condition_points(d, parameter, interval):  # 1(X^2 = 2): X = ±√2
            found = _Line(tuple(dict.fromkeys((*found.values, *switches))), exhaustive=False)
        scored = []
        for value in found.values:
            at = d.xreplace({parameter: value})
            if at.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
                continue
            scored.append((_badness(at, self.relation), _violates(at, self.relation), value))
        scored.sort(key=lambda item: (not item[1], len(str(item[2])) if item[1] else item[0]))
        for badness, violates, value in scored[:PER_LINE]:
            self.found.append((badness, bool(violates), build(value)))
        return scored, found


def aimed_laws(left: sp.Basic, right: sp.Basic, relation: str, space_of: dict, centered,
               law_given: bool = False, unevaluated=None) -> Aimed:
    """Laws aimed at ``left relation right`` (its deterministic symbols already given values),
    for the random symbols of ``space_of`` (each law respects any independence: one variable
    varies, the others are point masses); ``unevaluated``: the sides before those values, for
    the certificate that point masses decide the claim."""
    if not space_of or not all(isinstance(s, sp.Basic) for s in (left, right)):
        return Aimed(())
    search = _Search(left, right, relation, space_of, centered)
    if not search.free:
        return Aimed(())
    t = sp.Dummy("t", real=True)
    best = {s: sp.S.Zero for s in search.free}

    def point(values: dict) -> FiniteModel:
        return search.model((sp.S.One,), {s: (values.get(s, sp.S.Zero),) for s in search.free})

    scored_together, together = search.line(t, lambda v: point({s: v for s in search.free}))
    if scored_together:
        best = {s: scored_together[0][2] for s in search.free}
    if len(search.free) > 1:
        for _ in range(ROUNDS):
            for symbol in search.free:
                held = dict(best)
                scored, _ = search.line(t, lambda v, s=symbol, h=held: point({**h, s: v}))
                if scored:
                    best[symbol] = scored[0][2]
    pair = None
    for symbol in search.free:
        for base in dict.fromkeys((sp.S.Zero, best[symbol])):
            for p in TWO_POINT_PROBABILITIES:
                def two(v, s=symbol, b=base, q=p):
                    values = {r: (best[r], best[r]) for r in search.free}
                    values[s] = (b, b + v)
                    return search.model((1 - q, q), values)
                scored, _ = search.line(t, two)
                if scored and (pair is None or scored[0][0] < pair[0]):
                    pair = (scored[0][0], symbol, base, base + scored[0][2])
    if pair is not None:  # the best two values, with their probability varying in (0, 1)
        _, symbol, low, high = pair
        q = sp.Dummy("q", positive=True)

        def weighted(w):
            values = {r: (best[r], best[r]) for r in search.free}
            values[symbol] = (low, high)
            return search.model((1 - w, w), values)
        search.line(q, weighted, interval=(sp.S.Zero, sp.S.One))
    # failing laws first, the simplest of them first (a counterexample a reader can redo)
    found = sorted(search.found, key=lambda item: (not item[1], _size(item[2]) if item[1]
                                                   else item[0]))
    models, seen = [], set()
    for _, _, model in found:
        key = _key(model)
        if key not in seen and len(models) < MAX_MODELS:
            seen.add(key)
            models.append(model)
    if any(violates for _, violates, _ in found):
        return Aimed(tuple(models))
    free_moments = _whatever_moments(*(unevaluated or (left, right)), relation, search.randoms)
    if free_moments or law_given or search.centered:
        return Aimed(tuple(models), free_moments)
    satisfied = bool(scored_together) and all(v is False for _, v, _ in scored_together)
    decisive = _decisive(unevaluated or (left, right), relation, search,
                         together if satisfied else None)
    return Aimed(tuple(models), decisive)


def _key(model: FiniteModel) -> tuple:
    """The law as data; a law whose every variable is constant is its point mass."""
    columns = sorted((str(s), v) for s, v in model.values.items())
    if all(len(set(v)) == 1 for _, v in columns):
        return ((sp.S.One,), tuple((name, v[:1]) for name, v in columns))
    return (model.probabilities, tuple(columns))


def _size(model: FiniteModel) -> int:
    return sum(len(str(v)) for v in model.probabilities) + sum(
        len(str(v)) for column in model.values.values() for v in column)


def _decisive(sides, relation, search: _Search, together: _Line | None) -> str:
    """Why every law satisfies the claim, from its point masses ('' when not shown)."""
    if relation not in (">", ">=", "<", "<=") or not _point_masses_extreme(*sides, relation,
                                                                            search.randoms):
        return ""
    left, right = sides
    deterministic = (left.free_symbols | right.free_symbols) - set(search.randoms)
    reals = {s: sp.Dummy(str(s), real=True) for s in deterministic}
    values = {s: sp.Dummy(f"{s}_value", real=True) for s in search.free}
    model = search.model((sp.S.One,), {s: (values[s],) for s in search.free})
    try:
        d = (model.resolve(left) - model.resolve(right)).xreplace(reals)
        sign = {">": d.is_positive, ">=": d.is_nonnegative, "<": d.is_negative,
                "<=": d.is_nonpositive}[relation]
    except (TypeError, ValueError, ZeroDivisionError):
        sign = None
    affine = ("its difference is affine in the expectations (variances only on the side "
              "where they help), so point masses decide it for every law")
    if sign:
        return f"{affine}, and on a point mass it is {sp.sstr(d)} {relation} 0 for all reals"
    if together is not None and together.exhaustive and len(search.free) == 1 \
            and not deterministic:
        return (f"{affine}, and on a point mass at t its sign is the claimed one at, between "
                "and past every real root of the difference (exact root isolation)")
    return ""


def _whatever_moments(left, right, relation, randoms) -> str:
    """Why the claim holds whatever real values its expectations take (a variance, or the
    expectation of a nonnegative expression, counted nonnegative): then it holds for every
    law, constrained or not ('' when SymPy's assumptions do not show it)."""
    if relation not in (">", ">=", "<", "<="):
        return ""
    reals = {s: sp.Dummy(str(s), real=True) for s in randoms}
    difference = left - right
    moments = sorted(difference.atoms(E, Var), key=sp.default_sort_key)
    stand_ins = {}
    for moment in moments:
        nonnegative = isinstance(moment, Var) or bool(moment.args[0].xreplace(reals).is_nonnegative)
        stand_ins[moment] = sp.Dummy(real=True, nonnegative=nonnegative or None)
    written = difference.xreplace(stand_ins)
    if written.free_symbols & set(randoms) or not moments:
        return ""
    written = written.xreplace({s: sp.Dummy(str(s), real=True) for s in written.free_symbols
                                if s not in stand_ins.values()})
    try:
        sign = {">": written.is_positive, ">=": written.is_nonnegative, "<": written.is_negative,
                "<=": written.is_nonpositive}[relation]
    except (TypeError, ValueError):
        return ""
    if not sign:
        return ""
    return ("it holds whatever real values its expectations take (variances and expectations "
            "of nonnegative expressions counted nonnegative), so for every law")


def _point_masses_extreme(left, right, relation, randoms) -> bool:
    """Whether left − right is affine in the expectations and variances, with expectations
    of expressions free of expectations, and variances on the side where they only help."""
    difference = left - right
    moments = sorted(difference.atoms(E, Var), key=sp.default_sort_key)
    if any(m.args[0].has(E, Var) for m in moments):
        return False
    stand_ins = [sp.Dummy() for _ in moments]
    written = difference.xreplace(dict(zip(moments, stand_ins)))
    if written.free_symbols & set(randoms):
        return False
    try:
        poly = sp.Poly(written, *stand_ins) if stand_ins else None
    except sp.PolynomialError:
        return False
    if poly is None or poly.total_degree() > 1:
        return False
    helps = 1 if relation in (">", ">=") else -1
    for moment, stand_in in zip(moments, stand_ins):
        if isinstance(moment, Var):
            coefficient = poly.coeff_monomial(stand_in)
            if not coefficient.is_number or helps * coefficient < 0:
                return False
    return True
