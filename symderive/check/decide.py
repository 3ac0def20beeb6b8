"""The decision procedure for one claimed relation ``lhs <relation> rhs``.

Phases, each reported as soon as it has something to say (the worker streams them to the
parent, which enforces the time budget):

1. numeric sampling — a confirmed disagreement *refutes* with the point as counterexample;
   agreement everywhere makes the step *checked* (with the points and digits);
2. symbolic attempts on the difference, quick ones first — upgrade *checked* to *proved*
   when one reaches exactly 0.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Iterator
from dataclasses import replace

import sympy as sp

from symderive.check import finite, numeric, sampling, symbolic
from symderive.check.context import CheckContext
from symderive.check.explicit import explicit_matrices, make_explicit
from symderive.expectation import E, Var, expand_expectations, factor_assignment
from symderive.functions import to_elementary
from symderive.matrixcalc import Grad, Jacobian
from symderive.report import Counterexample, Outcome

POINTS_PER_SIZE = 4
POINTS_WITHOUT_SIZES = 8
MAX_SIZE_COMBINATIONS = 4
EXPECTATION_MODELS = 4


def prepare(expr: sp.Basic, context: CheckContext, fixed: dict) -> sp.Basic:
    """Givens substituted, sizes/indices fixed, derivatives/sums done, DL functions rewritten,
    matrices made explicit."""
    if not isinstance(expr, sp.Basic):
        return expr
    for old, new in context.substitutions():
        expr = expr.subs(old, new)
    if fixed:
        expr = expr.xreplace(fixed)
    if expr.atoms(sp.MatrixSymbol) or expr.atoms(Grad, Jacobian):
        matrices = {
            matrix
            for matrix in expr.atoms(sp.MatrixSymbol)
            if has_numeric_shape(matrix)
        }
        expr = make_explicit(expr, explicit_matrices(matrices))
    if fixed:
        expr = expand_finite_sums(expr)
    expr = expr.doit(deep=True) if not expr.atoms(E, Var) else _doit_outside(expr)
    return to_elementary(expr)


def expand_finite_sums(expr: sp.Basic) -> sp.Basic:
    """Sums and products with numeric bounds written out term by term.

    ``Sum.doit`` tries symbolic summation (Gosper) even for numeric bounds, which costs
    seconds; with the sizes instantiated, writing the terms out is exact and immediate.
    """
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Sum, sp.Product):
        return expr
    arguments = tuple(expand_finite_sums(argument) for argument in expr.args)
    if arguments != expr.args:
        expr = expr.func(*arguments)
    if isinstance(expr, (sp.Sum, sp.Product)) and len(expr.limits) == 1:
        index, low, high = expr.limits[0]
        if low.is_Integer and high.is_Integer and high - low < 1000:
            terms = [
                expr.function.xreplace({index: sp.Integer(k)})
                for k in range(int(low), int(high) + 1)
            ]
            combine = sp.Add if isinstance(expr, sp.Sum) else sp.Mul
            return combine(*terms)
    return expr


def has_numeric_shape(matrix: sp.MatrixSymbol) -> bool:
    """Whether a MatrixSymbol's shape is fixed numbers (not a size symbol such as n)."""
    return all(isinstance(d, int) or getattr(d, "is_Integer", False) for d in matrix.shape)


def _doit_outside(expr: sp.Basic) -> sp.Basic:
    """``doit`` that leaves E/Var atoms alone (their arguments are done separately)."""
    replacements = {node: node.func(node.args[0].doit()) for node in expr.atoms(E, Var)}
    return expr.xreplace(replacements).doit() if replacements else expr.doit()


def _difference(lhs: sp.Basic, rhs: sp.Basic) -> sp.Basic | None:
    lhs_matrix = getattr(lhs, "is_Matrix", False)
    rhs_matrix = getattr(rhs, "is_Matrix", False)
    if lhs_matrix != rhs_matrix:
        return None
    if lhs_matrix and lhs.shape != rhs.shape:
        return None
    return sp.ImmutableMatrix(lhs - rhs) if lhs_matrix else lhs - rhs


def _has_unsized_matrix(expr: sp.Basic) -> bool:
    return any(not has_numeric_shape(m) for m in expr.atoms(sp.MatrixSymbol))


ASSUMPTIONS = {
    "positive": {"positive": True},
    "negative": {"negative": True},
    "nonnegative": {"nonnegative": True},
    "nonzero": {"real": True, "nonzero": True},
    "integer": {"integer": True},
    "probability": {"positive": True},  # and < 1, which SymPy's assumptions cannot say
    "simplex": {"positive": True},
}


def with_assumptions(left: sp.Basic, right: sp.Basic, context: CheckContext):
    """Both sides with each symbol replaced by one carrying its domain as SymPy assumptions,
    so rewrites such as log(pq) = log p + log q apply exactly where the domain allows."""
    replacements: dict = {}
    for side in (left, right):
        for atom in side.free_symbols | side.atoms(sp.Indexed):
            if atom in replacements or not isinstance(atom, (sp.Symbol, sp.Indexed)):
                continue
            assumptions = ASSUMPTIONS.get(context.domain_of(atom).kind)
            if not assumptions or all(
                getattr(atom, f"is_{k}") is v for k, v in assumptions.items()
            ):
                continue
            if isinstance(atom, sp.Indexed):
                base = sp.IndexedBase(atom.base.label.name, **assumptions)
                replacements[atom] = base[atom.indices]
            else:
                replacements[atom] = sp.Symbol(atom.name, **assumptions)
    if not replacements:
        return left, right
    return left.xreplace(replacements), right.xreplace(replacements)


def _symbolic_difference(left, right, context: CheckContext) -> sp.Basic | None:
    """The difference of two prepared sides, with expectations expanded by their algebra."""
    if left.atoms(E, Var) or right.atoms(E, Var):
        randoms = context.random_symbols(left.free_symbols | right.free_symbols)
        randoms += [s for s, d in context.domains if d.kind == "random" and s not in randoms]
        spaces = factor_assignment(randoms, context.independent)
        centered = context.centered_symbols()
        left = expand_expectations(left, randoms, lambda s: spaces.get(s, 0), centered)
        right = expand_expectations(right, randoms, lambda s: spaces.get(s, 0), centered)
    return _difference(left, right)


def _format_point(point: dict) -> tuple[tuple[str, str], ...]:
    return tuple(
        (str(symbol), str(value))
        for symbol, value in sorted(point.items(), key=lambda kv: sp.default_sort_key(kv[0]))
    )


def _size_combinations(size_symbols: list) -> list[dict]:
    if not size_symbols:
        return [{}]
    combos = []
    for values in itertools.product(sampling.SIZES, repeat=len(size_symbols)):
        combos.append(dict(zip(size_symbols, (sp.Integer(v) for v in values))))
    # spread the choices: small, medium, large; at most MAX_SIZE_COMBINATIONS
    if len(combos) > MAX_SIZE_COMBINATIONS:
        step = max(1, len(combos) // MAX_SIZE_COMBINATIONS)
        combos = combos[1::step][:MAX_SIZE_COMBINATIONS]
    elif len(size_symbols) == 1:
        combos = combos[1:] if len(combos) > 2 else combos  # n = 1 is degenerate for most sums
    return combos


def numeric_phase(
    lhs: sp.Basic, rhs: sp.Basic, relation: str, context: CheckContext, rng: random.Random
) -> Outcome:
    """Sample points (and finite distributions), compare; refute on a confirmed disagreement."""
    free: set = set()
    for side in (lhs, rhs):
        free |= side.free_symbols
        for derivative in side.atoms(sp.Derivative):  # d/do[j]: j is bound, yet sampled
            for variable in derivative.variables:
                free |= variable.free_symbols
    sizes = sorted(
        (s for s in free if context.domain_of(s).kind == "size"), key=sp.default_sort_key
    )
    # matrices with symbolic shapes bring their size symbols too
    for side in (lhs, rhs):
        for matrix in side.atoms(sp.MatrixSymbol) if isinstance(side, sp.Basic) else ():
            for dimension in matrix.shape:
                for symbol in getattr(dimension, "free_symbols", ()):
                    if symbol not in sizes:
                        sizes.append(symbol)
    indices = sorted(
        (s for s in free if context.domain_of(s).kind == "index"), key=sp.default_sort_key
    )
    for index_symbol in indices:  # an index bounded by a size brings that size along
        domain = context.domain_of(index_symbol)
        for bound in (domain.low, domain.high):
            for symbol in getattr(bound, "free_symbols", ()):
                if symbol not in sizes:
                    sizes.append(symbol)
    valid_points: list = []
    used_sizes: list[int] = []
    skipped_reasons: list[str] = []
    for size_values in _size_combinations(sizes):
        try:
            fixed = dict(size_values)
            fixed.update(sampling.draw_indices(indices, context, size_values, rng))
            left = prepare(lhs, context, fixed)
            right = prepare(rhs, context, fixed)
        except (ValueError, TypeError, NotImplementedError) as error:
            skipped_reasons.append(f"could not instantiate: {error}")
            continue
        if size_values:
            used_sizes.extend(int(v) for v in size_values.values())
        outcome = _sample_and_compare(
            left, right, relation, context, rng, fixed, valid_points, skipped_reasons
        )
        if outcome is not None:
            return outcome
    if not valid_points:
        reason = "no sample point where both sides are defined and real"
        if skipped_reasons:
            reason += f" ({skipped_reasons[0]})"
        return Outcome("undecided", method="numeric", reason=reason)
    if relation == "!=":
        return Outcome(
            "undecided",
            method="numeric",
            reason="no point found where the two sides differ",
            points=tuple(valid_points[:8]),
            digits=numeric.DIGITS,
        )
    spread = valid_points[:: max(1, len(valid_points) // 8)][:8]
    return Outcome(
        "checked",
        method="numeric",
        points=tuple(spread),
        digits=numeric.DIGITS,
        sizes=tuple(dict.fromkeys(used_sizes)),
    )


def _sample_and_compare(
    left, right, relation, context, rng, fixed, valid_points, skipped_reasons
) -> Outcome | None:
    symbols = sorted(
        (left.free_symbols | right.free_symbols) | left.atoms(sp.Indexed) | right.atoms(sp.Indexed),
        key=sp.default_sort_key,
    )
    labels = {indexed.base.label for side in (left, right) for indexed in side.atoms(sp.Indexed)}
    symbols = [s for s in symbols if s not in labels]
    has_expectations = bool(left.atoms(E, Var) or right.atoms(E, Var))
    randoms = context.random_symbols(symbols)
    deterministic = [s for s in symbols if s not in randoms]
    size_values = {k: v for k, v in fixed.items() if context.domain_of(k).kind == "size"}
    base_point = sampling.draw_point(deterministic, context, rng, size_values)
    count = POINTS_PER_SIZE if fixed else POINTS_WITHOUT_SIZES
    points = [base_point] + [
        sampling.draw_point(deterministic, context, rng, size_values) for _ in range(count - 1)
    ]
    points += sampling.kink_points(
        left - right if _difference(left, right) is not None else left, base_point, context
    )[:2]
    fast = None
    if not (has_expectations or randoms):
        fast = _fast_evaluator(left, right, sorted(base_point, key=sp.default_sort_key))
    for point in points:
        if has_expectations or randoms:
            spaces = factor_assignment(randoms, context.independent)
            models = [
                finite.draw_model(spaces, set(context.centered_symbols()), rng)
                for _ in range(max(1, EXPECTATION_MODELS // POINTS_PER_SIZE))
            ]
        else:
            models = [None]
        for model in models:
            outcome = _compare_at(
                left, right, relation, point, model, fixed, valid_points, skipped_reasons, fast
            )
            if outcome is not None:
                return outcome
    return None


FAST_DIGITS = 40  # working precision of the first, compiled mpmath evaluation


def _fast_evaluator(left, right, symbols):
    """A compiled mpmath function of ``symbols`` giving both sides (entrywise for matrices),
    or None where that is not possible (shapes differ, a function mpmath lacks)."""
    left_matrix = getattr(left, "is_Matrix", False)
    right_matrix = getattr(right, "is_Matrix", False)
    if left_matrix != right_matrix or (left_matrix and left.shape != right.shape):
        return None
    left_entries = list(left) if left_matrix else [left]
    right_entries = list(right) if right_matrix else [right]
    if not all(isinstance(e, sp.Expr) for e in left_entries + right_entries):
        return None
    symbols = list(symbols)
    stand_ins = {s: sp.Dummy(real=True) for s in symbols if not isinstance(s, sp.Symbol)}
    entries = [e.xreplace(stand_ins) for e in left_entries + right_entries]
    arguments = [stand_ins.get(s, s) for s in symbols]
    try:
        # lambdify generates code from our own SymPy trees (never from user text)
        function = sp.lambdify(arguments, entries, modules="mpmath", cse=True)
    except Exception:  # noqa: BLE001 - any printer gap just means the slow, exact path
        return None
    return symbols, function, len(left_entries)


def _fast_status(fast, point, relation) -> str | None:
    """Agreement of every entry pair, or None when any value is not plainly real."""
    import mpmath

    symbols, function, count = fast
    try:
        with mpmath.workdps(FAST_DIGITS):
            arguments = [mpmath.mpf(point[s].p) / point[s].q for s in symbols]
            values = function(*arguments)
            pairs = zip(values[:count], values[count:])
            if relation == "!=":
                statuses = [numeric.fast_status(a, b, "=") for a, b in pairs]
                if None in statuses:
                    return None
                return "disagree" if all(s == "agree" for s in statuses) else "agree"
            statuses = [numeric.fast_status(a, b, relation) for a, b in pairs]
    except Exception:  # noqa: BLE001 - a failure here falls back to exact evaluation
        return None
    if None in statuses:
        return None
    return "agree" if all(s == "agree" for s in statuses) else "disagree"


def _compare_at(
    left, right, relation, point, model, fixed, valid_points, skipped_reasons, fast=None
):
    """Compare at one point (every outcome of ``model`` when there are expectations).

    Without expectations, both sides are first evaluated by a compiled mpmath function at 40
    digits (SymPy's exact evaluation of log(3/7)-like atoms is slow); anything but plain
    agreement is then redone from the exact rational point with SymPy's adaptive 30- and
    60-digit evaluation, so only exact arithmetic ever refutes a step or witnesses a difference.
    """
    if model is None and fast is not None:
        status = _fast_status(fast, point, relation)
        if status == ("disagree" if relation == "!=" else "agree"):
            valid_points.append(_format_point({**fixed, **point}))
            return None
    at_left = left.xreplace(point)
    at_right = right.xreplace(point)
    outcomes = range(len(model.probabilities)) if model is not None else [None]
    for outcome_index in outcomes:
        if model is not None:
            l_value = model.at(at_left, outcome_index)
            r_value = model.at(at_right, outcome_index)
        else:
            l_value, r_value = at_left, at_right
        comparison = numeric.compare(l_value, r_value, relation)
        if comparison.status == "skip":
            skipped_reasons.append(comparison.reason)
            continue
        if relation == "!=":
            # a claimed difference needs one witness; equality at a point proves nothing
            if comparison.status == "agree":
                witness = _format_point({**fixed, **point})
                return Outcome(
                    "checked",
                    method="numeric witness",
                    points=(witness,),
                    digits=numeric.DIGITS,
                    reason=f"the sides differ here: {comparison.lhs_value} vs "
                    f"{comparison.rhs_value}",
                )
            valid_points.append(_format_point({**fixed, **point}))
            continue
        if comparison.status == "disagree":
            confirmed = numeric.compare(l_value, r_value, relation, numeric.CONFIRM_DIGITS)
            if confirmed.status != "disagree":
                continue
            values = _format_point({**fixed, **point})
            if model is not None:
                values += model.describe() + (("outcome", str(outcome_index)),)
            return Outcome(
                "refuted",
                method="numeric" if model is None else "exact-finite",
                counterexample=Counterexample(values, confirmed.lhs_value, confirmed.rhs_value),
                digits=numeric.CONFIRM_DIGITS,
                reason=confirmed.reason,
            )
        if len(valid_points) < 64:
            valid_points.append(_format_point({**fixed, **point}))
    return None


def decide(
    lhs: sp.Basic,
    rhs: sp.Basic,
    relation: str,
    context: CheckContext,
    seed: int = 0,
) -> Iterator[Outcome]:
    """Yield successively better outcomes; the last one yielded is the verdict.

    The numeric phase runs first: it is cheap and bounded, so even a step whose proof runs
    out of time ends *checked* (or *refuted*) rather than *undecided*.
    """
    started = time.monotonic()
    rng = random.Random(seed)

    used_givens = tuple(
        f"{sp.sstr(given.lhs)} = {sp.sstr(given.rhs)}"
        for given in context.givens
        if any(isinstance(side, sp.Basic) and side.has(given.lhs) for side in (lhs, rhs))
    )

    def stamped(outcome: Outcome) -> Outcome:
        return replace(outcome, seconds=time.monotonic() - started, used_givens=used_givens)

    numeric_outcome = numeric_phase(lhs, rhs, relation, context, rng)
    yield stamped(numeric_outcome)
    if numeric_outcome.verdict == "refuted":
        return
    if relation == "!=" and numeric_outcome.verdict == "checked":
        return  # a witness settles a claimed difference
    if relation not in ("=", "<=", ">=", "!="):
        return  # strict inequalities are never proved by a zero difference
    if _has_unsized_matrix(lhs) or _has_unsized_matrix(rhs):
        return
    try:
        left, right = prepare(lhs, context, {}), prepare(rhs, context, {})
        left, right = with_assumptions(left, right, context)
        difference = _symbolic_difference(left, right, context)
    except (TypeError, ValueError, NotImplementedError, AttributeError):
        return
    if difference is None:
        return
    for thorough in (False, True):
        method = symbolic.try_prove_zero(difference, thorough=thorough)
        if method:
            yield stamped(_proved_or_refuted(left, right, relation, method, numeric_outcome))
            return


def _proved_or_refuted(left, right, relation, method, numeric_outcome):
    """The difference is exactly zero: '=' / '<=' / '>=' are proved, '!=' is refuted."""
    if relation == "!=":
        point = numeric_outcome.points[0] if numeric_outcome.points else ()
        return Outcome(
            "refuted",
            method=f"symbolic: {method}",
            counterexample=Counterexample(point, "equal", "equal"),
            reason="the two sides are identical, so they never differ",
        )
    try:
        excluded = symbolic.undefined_points(left, right) + symbolic.undefined_points(right, left)
    except (TypeError, ValueError, NotImplementedError, AttributeError):
        excluded = ()
    reason = f"holds except where undefined: {', '.join(excluded)}" if excluded else ""
    return Outcome(
        "proved",
        method=f"symbolic: {method}",
        excluded=excluded,
        reason=reason,
        points=numeric_outcome.points,
        digits=numeric_outcome.digits,
    )
