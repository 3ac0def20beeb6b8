"""The decision procedure for one claimed relation ``lhs <relation> rhs``.

Phases, each reported as soon as it has something to say (the worker streams them to the
parent, which enforces the time budget):

1. numeric sampling — a confirmed disagreement *refutes* with the point as counterexample;
   agreement everywhere makes the step *checked* (with the points and digits);
2. symbolic attempts on the difference, quick ones first — upgrade *checked* to *proved*
   when one reaches exactly 0.
"""

from __future__ import annotations

import functools
import itertools
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import sympy as sp

from symderive.matrixcalc import EntryMatrix

from symderive.check import certified, exact, finite, givens as given_facts, limits, sampling
from symderive.check.rare import MOST, MOST_JOINT, claim_integers, rare_probabilities
from symderive.check import extrema, inequality_certificates, poles, switches, symbolic
from symderive.check import undefined_points
from symderive.check.aimed import KIND as AIMED_KIND
from symderive.check.aimed import aimed_laws
from symderive.check.context import CheckContext
from symderive.check.explicit import explicit_matrices, make_explicit
from symderive.errors import ParseError
from symderive.expectation import E, Var, expand_expectations, factor_assignment
from symderive.functions import to_elementary
from symderive.grammar.build import tie_rule, time_limit
from symderive.matrixcalc import Grad, Jacobian
from symderive.real_roots import at_point, proof_forms
from symderive.report import Counterexample, Outcome



def _names_of(*exprs) -> set:
    """The free names of expressions or tuples of them (a requirement's (base, exponent))."""
    found = set()
    for expr in exprs:
        for part in (expr if isinstance(expr, tuple) else (expr,)):
            found |= set(getattr(part, "free_symbols", set()))
    return found


def prepare(expr: sp.Basic, context: CheckContext, fixed: dict) -> sp.Basic:
    """Givens substituted, sizes/indices fixed, derivatives/sums done, DL functions rewritten,
    matrices made explicit. Both phases prepare the same sides: the second time is remembered
    (an integral SymPy cannot do in closed form costs about a second each time it tries)."""
    if not isinstance(expr, sp.Basic):
        return expr
    key = tuple(fixed.items())
    try:
        hash((expr, context, key))
    except TypeError:  # (an unhashable part: prepared without remembering)
        return _prepare(expr, context, fixed)
    return _prepared_once(expr, context, key)


@functools.lru_cache(maxsize=64)
def _prepared_once(expr: sp.Basic, context: CheckContext, fixed: tuple) -> sp.Basic:
    return _prepare(expr, context, dict(fixed))


def _prepare(expr: sp.Basic, context: CheckContext, fixed: dict) -> sp.Basic:
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
        # a matrix one differentiates by keeps independent entries (∂/∂A of a symmetric A
        # has two conventions): its symmetry is used only where it is not a variable
        variables = {node.wrt for node in expr.atoms(Grad, Jacobian)}
        symmetric = {m.name for m in matrices if m not in variables} & context.symmetric
        expr = make_explicit(expr, explicit_matrices(matrices, symmetric))
    expr = expand_finite_sums(expr)  # the usual convention: an empty sum is 0 (never Karr's)
    expr = _ordered_kinks(expr)
    expr = expr.doit(deep=True) if not expr.atoms(E, Var) else _doit_outside(expr)
    return to_elementary(expr)


def expand_finite_sums(expr: sp.Basic) -> sp.Basic:
    """Sums and products with numeric bounds written out term by term, an empty range as
    0 (Σ) or 1 (Π) — also an inner range whose bounds held the outer index
    (Σ_{k=1}^{7} Σ_{j=k}^{5} 1: at k = 7 the inner sum is empty, never Karr's −1).

    ``Sum.doit`` tries symbolic summation (Gosper) even for numeric bounds, which costs
    seconds; with the sizes instantiated, writing the terms out is exact and immediate.
    """
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Sum, sp.Product):
        return expr
    arguments = tuple(expand_finite_sums(argument) for argument in expr.args)
    if arguments != expr.args:
        expr = expr.func(*arguments)
    if isinstance(expr, (sp.Sum, sp.Product)):
        # SymPy writes Σ_k Σ_j as one Sum with limits (j, k, 5), (k, 1, n): innermost first
        index, low, high = expr.limits[-1]
        body = (expr.function if len(expr.limits) == 1
                else expr.func(expr.function, *expr.limits[:-1]))
        if low.is_Integer and high.is_Integer and high - low < 1000:
            terms = [  # a term's own sums may have had bounds in the index (Σ_{j=k}^{5})
                expand_finite_sums(body.xreplace({index: sp.Integer(k)}))
                for k in range(int(low), int(high) + 1)
            ]
            combine = sp.Add if isinstance(expr, sp.Sum) else sp.Mul
            return combine(*terms)
    return expr


def _ordered_kinks(expr: sp.Basic) -> sp.Basic:
    """Max/Min under a derivative become their tie rule (docs/conventions.md): a tie of max
    goes to the first argument, d/dx max(a, b) = [a >= b] a' + [a < b] b'.  SymPy's own
    derivative of Max is Heaviside(a - b) with H(0) = 1/2, which follows no written rule."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Derivative):
        return expr
    replacements = {}
    for derivative in expr.atoms(sp.Derivative):
        inner = derivative.expr
        kinks = {}
        for node in sp.preorder_traversal(inner):
            if isinstance(node, (sp.Max, sp.Min)):
                kinks[node] = _tie_rule(node)
        if kinks:
            replacements[derivative] = derivative.func(inner.xreplace(kinks), *derivative.variable_count)
    return expr.xreplace(replacements) if replacements else expr


def _no_half_heaviside(expr: sp.Basic) -> sp.Basic:
    """SymPy's Heaviside(a) has H(0) = 1/2 (it comes from SymPy's derivative of Max or Abs,
    never from the grammars, which write H(0) explicitly): no documented rule gives 1/2, so
    such a node is left undefined at a = 0 and no verdict rests on its value there."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Heaviside):
        return expr
    replacements = {
        node: sp.Piecewise((1, node.args[0] > 0), (0, node.args[0] < 0))
        for node in expr.atoms(sp.Heaviside)
        if len(node.args) == 1 or node.args[1] == sp.S.Half
    }
    return expr.xreplace(replacements) if replacements else expr


def _tie_rule(node: sp.Basic) -> sp.Basic:
    """A SymPy Max/Min (arguments in SymPy's order; the grammars keep the written order)."""
    arguments = [_tie_rule(a) if isinstance(a, (sp.Max, sp.Min)) else a for a in node.args]
    return tie_rule(sp.Max if isinstance(node, sp.Max) else sp.Min, arguments)


def ranges_may_be_empty(expr: sp.Basic) -> bool:
    """Whether a Sum/Product's range may be empty or reversed for some allowed value of its
    bounds: SymPy's closed forms then follow Karr's convention (Σ_{i=3}^{n} 1 = n - 2 even at
    n = 1), which is not the usual one, so no proof may rest on them."""
    if not isinstance(expr, sp.Basic):
        return False
    for node in expr.atoms(sp.Sum, sp.Product):
        for _, low, high in node.limits:
            terms = (high - low + 1).xreplace(
                {s: sp.Dummy(integer=True, positive=True) for s in (high - low).free_symbols
                 if s.is_integer and s.is_positive}
            )
            if not terms.is_nonnegative:
                return True
    return False


def broadcast_zero(left, right):
    """``W - W = 0``: a scalar 0 against a matrix is the zero matrix of that shape."""
    for first, second in ((left, right), (right, left)):
        if getattr(first, "is_Matrix", False) and isinstance(second, sp.Expr) and second == 0:
            zero = sp.ImmutableMatrix.zeros(*first.shape)
            return (first, zero) if first is left else (zero, first)
    return left, right


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


def interval_assumptions(domain) -> dict:
    """The signs an interval's ends give its symbol (what SymPy can assume of it: a proof
    under them holds on the wider set, so on the interval)."""
    low, high = domain.low, domain.high
    if low is not None and (low > 0 or (low == 0 and domain.ends[0] == "(")):
        return {"positive": True}
    if low is not None and low >= 0:
        return {"nonnegative": True}
    if high is not None and (high < 0 or (high == 0 and domain.ends[1] == ")")):
        return {"negative": True}
    if high is not None and high <= 0:
        return {"nonpositive": True}
    return {"real": True}


def with_assumptions(left: sp.Basic, right: sp.Basic, context: CheckContext):
    """Both sides with each symbol replaced by one carrying its domain as SymPy assumptions,
    so rewrites such as log(pq) = log p + log q apply exactly where the domain allows."""
    replacements: dict = {}
    for side in (left, right):
        for atom in side.free_symbols | side.atoms(sp.Indexed):
            if atom in replacements or not isinstance(atom, (sp.Symbol, sp.Indexed)):
                continue
            domain = context.domain_of(atom)
            assumptions = (interval_assumptions(domain) if domain.kind == "interval"
                           else ASSUMPTIONS.get(domain.kind))
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


@dataclass
class Tally:
    """What the sampled points said so far (a mutable scratchpad of one numeric phase)."""

    agreeing: list = field(default_factory=list)  # points that agreed (certified), as items
    # (formatted only for the report: :func:`_format_point`)
    inconclusive: int = 0  # points no precision decided
    skipped: list = field(default_factory=list)  # reasons a side had no value at a point
    unsupported: list = field(default_factory=list)  # nodes without certified evaluation
    sizes: list = field(default_factory=list)
    exact_bound: float | None = None  # Schwartz–Zippel bound when checked exactly
    constant: bool = True  # no symbol was sampled: one point says all there is to say
    kinks_undecided: int = 0  # kink points (where conventions matter) no precision decided
    unlocated: list = field(default_factory=list)  # switches whose zeros were not located
    jumps_unfound: bool = False  # a floor/ceiling argument whose integer values were not solved
    poles_unlocated: list = field(default_factory=list)  # tan/sec/cot/csc poles not solved
    family: str = ""  # the adversarial finite laws tried (expectations), for the verdict
    laws_decide: str = ""  # why the laws tried decide the claim for every law ('' if sampled)
    laws_agreed: int = 0  # finite laws (adversarial and random) on which the claim held
    laws_tried: int = 0
    ill_shaped: list = field(default_factory=list)  # sizes where the matrix shapes do not fit
    exhausted: list = field(default_factory=list)  # sizes where every index combination agreed
    not_exhausted: list = field(default_factory=list)  # (sizes, why) where the draw alone
    index_combinations: int = 0  # combinations of index values evaluated so far
    written_combinations: int = 0  # combinations of the index values the claim's numbers name
    written_indexed: list = field(default_factory=list)  # sizes where those were all evaluated
    untried_sizes: tuple = ()  # sizes the claim's numbers name, beyond what it affords
    untried_indices: list = field(default_factory=list)  # sizes where named values were not
    worst: str = ""  # how the worst point of an inequality was searched, and what it found
    unsearched: str = ""  # why the worst point of an inequality could not be searched
    smallest: float | None = None  # the smallest slack the worst-point search found
    thin_sizes: str = ""  # why the tuples of several sizes tried are too few to check
    confirmed_digits: int = 0  # the digits an agreement was re-examined at (certified)
    overlap_bits: int = 0  # the deepest bits at which the balls of a point still overlapped
    deep_points: int = 0  # points re-examined beyond the confirmation (at most DEEP_POINTS)
    deep_cost: float = 0.0  # modelled seconds those took (at most certified.DEEP_COST)
    undefined: list = field(default_factory=list)  # (point, comparison) where a side had no
    # value: judged by :mod:`symderive.check.undefined_points` (round 9a L5)
    excluded: str = ""  # where a checked claim was not evaluated (a side undefined there)


def _sizes_of(lhs, rhs, free, context) -> list:
    sizes = sorted(
        (s for s in free if context.domain_of(s).kind == "size"), key=sp.default_sort_key
    )
    # an undeclared symbol in the bounds of a sum or product counts terms: it is a size
    for side in (lhs, rhs):
        for node in side.atoms(sp.Sum, sp.Product) if isinstance(side, sp.Basic) else ():
            for _, low, high in node.limits:
                for symbol in sorted((low.free_symbols | high.free_symbols) & free, key=str):
                    if context.domain_of(symbol).kind in ("real", "integer", "positive",
                                                          *SIGNED_COUNTS):
                        if symbol not in sizes:
                            sizes.append(symbol)
    # matrices with symbolic shapes bring their size symbols too
    for side in (lhs, rhs):
        for matrix in side.atoms(sp.MatrixSymbol) if isinstance(side, sp.Basic) else ():
            for dimension in matrix.shape:
                for symbol in getattr(dimension, "free_symbols", ()):
                    if symbol not in sizes:
                        sizes.append(symbol)
    return sizes


# a bound of a sum declared with a sign is still an integer count of terms (round 11b C3): it
# is sampled at the integers of its domain, never at fractions, and a range below its lower
# limit is empty (0 terms: the sum 0, the product 1, :func:`expand_finite_sums`), never Karr's
SIGNED_COUNTS = ("negative", "nonnegative", "nonzero")


def _signed_counts(size_values: dict, context: CheckContext) -> dict:
    """The sizes 1, 2, 3, … of a bound declared negative as -1, -2, -3, …, nonnegative as
    0, 1, 2, …, nonzero as 1, -2, 3, -4, …"""
    signed = {}
    for symbol, value in size_values.items():
        kind = context.domain_of(symbol).kind
        if kind == "negative":
            value = -value
        elif kind == "nonnegative":
            value = value - 1
        elif kind == "nonzero" and value % 2 == 0:
            value = -value
        signed[symbol] = value
    return signed


def numeric_phase(
    lhs: sp.Basic, rhs: sp.Basic, relation: str, context: CheckContext, rng: random.Random
) -> Outcome:
    """Sample points (and finite distributions) and compare with certified balls; a certified,
    reproduced disagreement refutes; certified agreement everywhere makes the step checked."""
    free: set = set()
    for side in (lhs, rhs):
        free |= side.free_symbols
        for derivative in side.atoms(sp.Derivative):  # d/do[j]: j is bound, yet sampled
            for variable in derivative.variables:
                free |= variable.free_symbols
    sizes = _sizes_of(lhs, rhs, free, context)
    indices = sorted(
        (s for s in free if context.domain_of(s).kind == "index"), key=sp.default_sort_key
    )
    for index_symbol in indices:  # an index bounded by a size brings that size along
        domain = context.domain_of(index_symbol)
        for bound in (domain.low, domain.high):
            for symbol in getattr(bound, "free_symbols", ()):
                if symbol not in sizes:
                    sizes.append(symbol)
    symbolic_shapes = any(
        not has_numeric_shape(m) for side in (lhs, rhs) for m in side.atoms(sp.MatrixSymbol)
    )
    tally = Tally()
    # sums, indexed entries and matrices grow with the size: those take the small sizes only
    # (plus one just beyond); a bare polynomial in a size is also tried further out
    # (a factorial or binomial coefficient of a size grows as fast: n! at n = 10^6 never ends)
    costly = any(
        isinstance(side, sp.Basic) and side.has(sp.Indexed, sp.Derivative, E, Var)
        or isinstance(side, sp.Basic) and any(
            node.free_symbols & set(sizes) for node in side.atoms(sp.factorial, sp.binomial))
        for side in (lhs, rhs)
    )
    choices = sampling.MATRIX_SIZES if symbolic_shapes else sampling.SIZES
    # a claim about sizes alone (no other variable: its values are exact integers or
    # rationals of modest length at every size) is also tried over the decades (round 14b F1):
    # up to 10^6 when its cost does not grow with the size (no sum over it, no entries,
    # factorial or derivative), 100 and 1000 for a sum; a claim with other variables (α^t at
    # t = 10^6 with α = 7/999983 is 6 million digits) stays at the sizes below
    only_sizes = bool(sizes) and not symbolic_shapes and not costly and free <= set(sizes)
    bare = only_sizes and not _sums_grow(lhs, rhs, sizes)
    if symbolic_shapes and not any(isinstance(side, sp.Basic) and side.has(
            sp.Derivative, Grad, Jacobian) for side in (lhs, rhs)):
        extra = sampling.rank_size(lhs, rhs)  # 4 vectors in R^n: n = 5 too
        choices = choices + ((extra,) if extra > max(choices) + 1 else ())
    if not symbolic_shapes and (costly or _sums_grow(lhs, rhs, sizes)):
        # written out term by term: sums over a size stay below a hundred terms, and entries
        # or derivatives that multiply with the size stay small
        extra = rng.randint(8, 9) if costly else rng.randint(41, 96)
        choices = sampling.SIZES + (extra,)
        if not costly and len(sizes) == 1:  # a plain sum: every size up to DENSE_SIZES too
            choices = sampling.SIZES + sampling.DENSE_SIZES + (extra,)
    # the sizes the claim's own numbers name (c - 1, c, c + 1), every size symbol at once, as
    # far as this kind of claim affords; those beyond are named in the verdict
    base = set(choices)
    # the sizes tried anyway are 1, 2, … up to the first gap (1..7 and one drawn far out, e.g.
    # 49, do not cover 20: round 7, R4, 𝟙(n = 20) was never reached)
    floor = next(k for k in range(1, len(choices) + 2) if k not in base) - 1 if len(sizes) == 1 \
        else 0
    cap = _size_cap(lhs, rhs, symbolic_shapes, costly, sizes, bare) if sizes else 0
    written, tally.untried_sizes = sampling.critical_sizes(
        (lhs, rhs), cap, floor) if sizes else ((), ())
    if len(sizes) == 1:
        # the decades the claim affords (round 14b F1: a term that switches on at n = 1097
        # was never seen at the sizes 1..16 and 95); sums of drawn entries and derivatives
        # stay at the small sizes, and their verdict says so
        decades = tuple(size for size in sampling.DECADES if size <= cap) if only_sizes else ()
        choices = tuple(dict.fromkeys(choices + written + decades))
    combinations = sampling.size_combinations(sizes, rng, choices, wide=bare)
    product = []  # several sizes: every tuple of the small sizes the claim affords (round 9a C6)
    if len(sizes) > 1 and not symbolic_shapes:
        side = sampling.product_side(len(sizes), costly)
        if side < sampling.PRODUCT_SMALLEST:
            tally.thin_sizes = (f"{len(sizes)} sizes at once: not even every tuple of the "
                                f"sizes 1..{sampling.PRODUCT_SMALLEST} is affordable")
        product = sampling.size_product(sizes, max(side, 1))
        combinations = product + [c for c in combinations if c not in product]
    if symbolic_shapes and any(
        isinstance(side, sp.Basic) and side.has(EntryMatrix) for side in (lhs, rhs)
    ):  # an entry claim at free indices: every dimension >= 3 at least once, and beyond
        derivative = any(side.has(sp.Derivative) for side in (lhs, rhs)
                         if isinstance(side, sp.Basic))  # fmt: skip
        combinations = combinations[:5] + sampling.entry_size_combinations(
            sizes, (lhs, rhs), square_only=derivative)  # derivatives of entries are costly
    if indices and not symbolic_shapes and len(sizes) > 1:  # every dimension 3..6 at once
        extra = [c for c in sampling.index_size_combinations(sizes) if c not in combinations]
        combinations = combinations[:2] + extra + combinations[2:]
    # sizes only the claim's numbers name are compared at fewer points (one random, all ones)
    named = ([{sizes[0]: sp.Integer(v)} for v in written if v not in base] if len(sizes) == 1
             else [c for c in sampling.diagonal_sizes(sizes, written) if c not in combinations])
    if len(sizes) > 1:  # every dimension at each written size at once
        combinations += named
    if symbolic_shapes:  # u_{i2} written: only sizes where that entry exists (r >= 2)
        combinations = [c for c in combinations if sampling.written_entries_exist((lhs, rhs), c)]
    for size_values in combinations:
        named_here = size_values in named or size_values in product[2:]
        size_values = _signed_counts(size_values, context)
        try:
            fixed = dict(size_values)
            drawn = sampling.draw_indices(indices, context, size_values, rng)
            fixed.update(drawn)
            left, right = _prepared(lhs, rhs, context, fixed)
        except (ValueError, TypeError, NotImplementedError) as error:
            tally.skipped.append(f"could not instantiate: {error}")
            if size_values and isinstance(error, sp.ShapeError):
                tally.ill_shaped.append((tuple(int(v) for v in size_values.values()), error))
            continue
        if size_values:
            tally.sizes.append(tuple(int(v) for v in size_values.values()))
        outcome = _sample_and_compare(left, right, relation, context, rng, fixed, tally,
                                      few=named_here or sampling.dense_only(size_values),
                                      written=_domain_symbols(lhs, rhs, context))
        if outcome is not None:
            return _with_entry_indices(outcome, (lhs, rhs))
        if indices and not tally.unsupported:  # every other combination of the index values
            # at these sizes (a node without certified evaluation would stay one everywhere)
            outcome = _every_index_value(lhs, rhs, relation, context, rng, size_values,
                                         indices, (drawn, left, right), tally)  # fmt: skip
            if outcome is not None:
                return _with_entry_indices(outcome, (lhs, rhs))
        elif indices:
            tally.not_exhausted.append((tuple(int(v) for v in size_values.values()),
                                        "a node without certified evaluation"))
        if not size_values:
            exact_result = exact.exact_check(left, right, relation, context, rng)
            unmet = exact_result is not None and exact_result[0] == "disagree" and (
                given_facts.unmet_given(given_facts.plain_givens(context.givens, {}),
                                        exact_result[1], {}, context.domain_of))  # fmt: skip
            if unmet:
                tally.skipped.append(f"{GIVEN_UNMET}{unmet}")
            elif exact_result is not None and exact_result[0] == "disagree":
                _, point, l_value, r_value = exact_result
                return Outcome(
                    "refuted",
                    method="exact rational arithmetic",
                    counterexample=Counterexample(_format_point(point), str(l_value), str(r_value)),
                )
            if exact_result is not None:
                tally.exact_bound = exact_result[1]
    if relation in extrema.INEQUALITIES and (tally.agreeing or tally.inconclusive):
        outcome = _worst_point(lhs, rhs, relation, context, rng, tally, sizes, indices)
        if outcome is not None:
            return outcome
    tally.confirmed_digits = certified.confirmation_digits(lhs, rhs)
    if tally.constant and tally.overlap_bits and relation != "!=":
        return _constant_unresolved(tally)
    if tally.undefined and (tally.agreeing or tally.inconclusive):
        outcome = undefined_points.judge(lhs, rhs, relation, context, tally.undefined)
        if isinstance(outcome, Outcome):
            return outcome
        tally.excluded = outcome
    outcome = _verdict_of(tally, relation, sizes, indices)
    if (context.certify_inequalities and relation in extrema.INEQUALITIES
            and outcome.verdict == "checked" and not tally.constant and not tally.laws_decide):
        return _certified(outcome, lhs, rhs, relation, context, tally)
    return outcome


def _constant_unresolved(tally: Tally) -> Outcome:
    """A claim without variables whose sides still overlap where they were last looked at
    (certified.DEEP_BITS, or less when certified.DEEP_COST ran out) is *undecided*: two
    numbers that agree to 19,000 digits are no proof that they are equal (a
    ninth Newton iterate of π differs from π by 10^-21000), and a true constant identity that
    SymPy cannot simplify is rarer than a false one engineered to agree (docs/conventions.md)."""
    digits = certified.bits_to_digits(tally.overlap_bits)
    return Outcome(
        "undecided",
        method="numeric (certified balls)",
        reason=f"the two sides are numbers that agree to {digits} digits (certified), but "
        "agreement to any number of digits does not show two constants equal, and symbolic "
        "simplification did not reach 0",
        digits=certified.DIGITS,
    )


def _certified(outcome, lhs, rhs, relation, context, tally) -> Outcome:
    """A sampled inequality stays *checked* only with a certificate over its whole domain
    (:mod:`symderive.check.inequality_certificates`); else *undecided*, with the evidence."""
    evidence = f"held at {outcome.points_checked} point(s) with certified bounds"
    if tally.family:  # expectations on finite laws whose point masses do not decide them
        return inequality_certificates.uncertified(
            outcome, "an expectation claim held on the finite laws tried, and no argument "
            "shows that these decide it for every law", "")
    if tally.worst:
        try:
            left, right = _prepared(lhs, rhs, context, {})
        except (ValueError, TypeError, NotImplementedError):
            left = right = None
        return inequality_certificates.require_certificate(
            outcome, left, right, relation, context.domain_of, tally.smallest, evidence,
            refute_at=lambda point: _refuted_at(lhs, rhs, relation, context, point, left, right))
    return inequality_certificates.uncertified(outcome, "no search of the worst point",
                                               evidence)


def _refuted_at(lhs, rhs, relation, context, point: dict, left, right) -> Outcome | None:
    """The refutation at an exact point SymPy's range names (the slack negative there),
    certified and reproduced as a worst-point candidate is, or None (round 11b L1)."""
    if not all(getattr(value, "is_real", False) and value.is_finite for value in point.values()):
        return None
    found = _NamedPoint([point], [True], "SymPy's exact range of the slack names this point")
    try:
        return _worst_candidates(lhs, rhs, relation, context, {}, left, right, found)
    except (ValueError, TypeError, NotImplementedError, ZeroDivisionError):
        return None


@dataclass(frozen=True)
class _NamedPoint:
    """A worst-point search of one named point (the shape :func:`_worst_candidates` reads)."""

    candidates: list
    clear: list
    how: str


SUMMING_SECONDS = 0.3
STRUCTURED = (sp.Sum, sp.Product, sp.Indexed, sp.MatrixSymbol, sp.Derivative, sp.Integral,
              EntryMatrix, Grad, Jacobian)


def _worst_point(lhs, rhs, relation, context, rng, tally, sizes=(), indices=()
                 ) -> Outcome | None:
    """Search the worst point of an inequality (:mod:`symderive.check.extrema`): a found
    point where the slack fails, certified and reproduced, refutes; a point where it fails
    at 30 digits that certified evaluation cannot confirm leaves the claim undecided; else
    the search is noted in ``tally`` (``worst``), or why it could not run (``unsearched``).

    A claim about sums of entries is searched at the sizes sampled, over the entries (at
    most :data:`extrema.MAX_VARIABLES` of them).  Claims about expectations are decided on
    finite laws (their own adversarial family), not here."""
    sides = (lhs, rhs)
    if any(isinstance(side, sp.Basic) and side.has(E, Var) for side in sides):
        return None
    symbols = sorted(set().union(*(side.free_symbols for side in sides
                                   if isinstance(side, sp.Basic))), key=sp.default_sort_key)
    if context.random_symbols(symbols):
        return None
    try:
        searches = _searches(lhs, rhs, relation, context, rng, tally, sizes, indices)
    except extrema.NotSearchable as why:
        if str(why) == "no variable":
            return None  # nothing to search: every value of the claim was evaluated
        if why.structural:  # the claim's form, not a failed search
            tally.worst = (f"worst point not searched ({why}): checked at the points sampled "
                           "only")
            return None
        tally.unsearched = str(why)
        return None
    except ParseError:  # sums without a closed form in time: checked at the sizes sampled
        tally.worst = ("worst point not searched (the sums took too long to write in closed "
                       "form): checked at the points sampled only")
        return None
    except (ValueError, TypeError, NotImplementedError, AttributeError) as error:
        tally.unsearched = f"{type(error).__name__}"
        return None
    for fixed_here, left, right, found in searches:
        outcome = _worst_candidates(lhs, rhs, relation, context, fixed_here, left, right, found)
        if outcome is not None:
            return outcome
    where = searches[0][3].describe()
    if len(searches) > 1 or searches[0][0]:
        at = "; ".join(", ".join(f"{s} = {v}" for s, v in _format_point(fixed_here))
                       for fixed_here, *_ in searches)
        where = f"{where} (searched at {at}; the smallest slack shown is at the first)"
    tally.worst = where
    if len(searches) == 1 and not searches[0][0]:  # the claim as written, nothing fixed
        tally.smallest = searches[0][3].worst
    return None


SIZES_SEARCHED = 3  # size combinations whose entries are searched (the first sampled)


def _searches(lhs, rhs, relation, context, rng, tally, sizes, indices) -> list:
    """(fixed values, left, right, :class:`extrema.Search`) for the claim as written, or, for
    sums of entries, at each of the first sizes sampled (indices drawn)."""
    left, right = _prepared(lhs, rhs, context, {})
    for side in (left, right):  # a probability vector: no search (and no time spent on one)
        if not isinstance(side, sp.Basic):
            continue
        named = side.free_symbols | {i.base.label for i in side.atoms(sp.Indexed)}
        for symbol in sorted(named, key=sp.default_sort_key):
            if context.domain_of(symbol).kind == "simplex":
                raise extrema.NotSearchable(f"{symbol} is a simplex", structural=True)
    if any(isinstance(side, sp.Basic) and side.has(sp.Sum, sp.Product)
           for side in (left, right)):  # Σ_{i=1}^n i in closed form: n(n + 1)/2
        with time_limit(SUMMING_SECONDS, source="sampling", what="summing"):
            left, right = left.doit(), right.doit()
    plain = not any(isinstance(side, sp.Basic) and side.has(*STRUCTURED)
                    for side in (left, right))
    instances = [({}, left, right)] if plain else []
    if not plain and sizes:
        combinations = [dict(zip(sizes, map(sp.Integer, values)))
                        for values in dict.fromkeys(tally.sizes)]
        for size_values in combinations:
            fixed = dict(size_values)
            fixed.update(sampling.draw_indices(indices, context, size_values, rng))
            at_left, at_right = _prepared(lhs, rhs, context, fixed)
            if any(isinstance(side, sp.Basic) and side.has(*STRUCTURED[:2], *STRUCTURED[3:])
                   for side in (at_left, at_right)):
                continue
            variables = (at_left.free_symbols | at_right.free_symbols
                         | at_left.atoms(sp.Indexed) | at_right.atoms(sp.Indexed))
            if len(variables) <= extrema.MAX_VARIABLES:
                instances.append((fixed, at_left, at_right))
            if len(instances) >= SIZES_SEARCHED:
                break
    if not instances:
        raise extrema.NotSearchable("sums, entries or matrices at each size")
    searches = []
    for fixed, at_left, at_right in instances:
        indexed = at_left.atoms(sp.Indexed) | at_right.atoms(sp.Indexed)
        variables = sorted(at_left.free_symbols | at_right.free_symbols | indexed,
                           key=sp.default_sort_key)
        variables = [v for v in variables
                     if not any(v == i.base.label for i in indexed)]
        if any(given.free_symbols & set(variables) for given in context.givens):
            raise extrema.NotSearchable("a given relates the variables", structural=True)
        domains = {symbol: context.domain_of(symbol) for symbol in variables}
        searches.append((fixed, at_left, at_right,
                         extrema.search(at_left, at_right, relation, variables, domains, rng)))
    return searches


def _worst_candidates(lhs, rhs, relation, context, fixed_here, left, right, found
                      ) -> Outcome | None:
    """Each candidate of a search certified and reproduced: a refutation, an undecided
    where one fails at 30 digits that certified evaluation cannot confirm, else None."""
    scratch = Tally()  # the candidates are not sample points: they do not count as evidence
    for candidate, clear in zip(found.candidates, found.clear):
        if not all(sampling.in_domain(value, context.domain_of(symbol))
                   for symbol, value in candidate.items()):
            continue  # outside a stated domain (x = 0 for a nonzero x): no counterexample
        fixed = {s: v for s, v in candidate.items() if context.domain_of(s).kind == "size"}
        point = {s: v for s, v in candidate.items() if s not in fixed}
        try:
            at_left, at_right = _prepared(lhs, rhs, context, fixed) if fixed else (left, right)
        except (ValueError, TypeError, NotImplementedError):
            continue
        fixed = {**fixed_here, **fixed}
        conditions = tuple(
            (side, kind, _explicit_condition(expr, context, fixed), why)
            for side, kind, expr, why in context.conditions_at(fixed)
        )
        givens = given_facts.plain_givens(context.givens, fixed)
        inconclusive = scratch.inconclusive
        outcome = _compare_at(at_left, at_right, relation, point, None, fixed, scratch,
                              conditions, givens)
        if outcome is not None and outcome.verdict == "refuted":
            note = f"found by searching the worst point ({found.how})"
            return replace(outcome, reason=f"{outcome.reason}; {note}" if outcome.reason
                           else note)
        if scratch.inconclusive > inconclusive and clear:
            shown = ", ".join(f"{s} = {v}" for s, v in _format_point(candidate))
            return Outcome(
                "undecided",
                method="numeric",
                reason=f"the inequality fails at {shown} when evaluated to {extrema.DIGITS} "
                "digits, but certified evaluation could not confirm it there (found by "
                f"searching the worst point: {found.how})",
                digits=certified.DIGITS,
            )
    return None


INDEX_POINTS = 2  # points per further combination of index values (the drawn one has more)


def _every_index_value(lhs, rhs, relation, context, rng, size_values, indices, drawn, tally
                       ) -> Outcome | None:
    """Every combination of the index values at these sizes besides the one ``drawn`` (its
    values and its prepared sides), from :func:`sampling.every_index_value`, each compared at
    :data:`INDEX_POINTS` points: a claim wrong only at k = y_i = 4, or at i = j, is reached.
    The sizes where every combination had a certified agreement are recorded
    (``tally.exhausted``); where there are too many combinations, or one had none, they are
    recorded as not exhausted (the verdict says so), and the values the claim's numbers name
    are evaluated instead (:func:`_written_index_values`)."""
    at = tuple(int(v) for v in size_values.values())
    assignments = sampling.every_index_value(indices, context, size_values)
    if assignments is None:  # too many here (or an index without bounds): the draw alone
        tally.not_exhausted.append((at, f"more than {sampling.INDEX_COMBINATIONS} "
                                        "combinations, or an index without bounds"))
        return _written_index_values(lhs, rhs, relation, context, rng, size_values, indices,
                                     drawn, tally)  # fmt: skip
    total = (sampling.COSTLY_INDEX_COMBINATIONS if _costly_combinations(lhs, rhs)
             else sampling.TOTAL_INDEX_COMBINATIONS)  # fmt: skip
    if tally.index_combinations + len(assignments) > total:
        tally.not_exhausted.append((at, f"the claim's {total} combinations spent"))
        return _written_index_values(lhs, rhs, relation, context, rng, size_values, indices,
                                     drawn, tally)  # fmt: skip
    tally.index_combinations += len(assignments)
    outcome, complete = _each_combination(lhs, rhs, relation, context, rng, size_values,
                                          assignments, drawn, tally)  # fmt: skip
    if outcome is not None:
        return outcome
    if complete:
        tally.exhausted.append(at)
    else:
        tally.not_exhausted.append((at, "some combination not decided"))
    return None


def _costly_combinations(lhs, rhs) -> bool:
    """A derivative of a sum is written out term by term at each combination of index values:
    fewer of those, a fixed number (a verdict must not depend on how fast the machine is)."""
    return all(isinstance(side, sp.Basic) for side in (lhs, rhs)) and any(
        side.has(sp.Derivative) for side in (lhs, rhs)) and any(
        side.has(sp.Sum, sp.Product) for side in (lhs, rhs))  # fmt: skip


def _written_index_values(lhs, rhs, relation, context, rng, size_values, indices, drawn, tally
                          ) -> Outcome | None:
    """Where not every combination is evaluated: every combination of the values the claim's
    numbers name beyond the sizes exhausted (c - 1, c, c + 1: ``\\mathbb{1}(k = 9)`` at k = 9),
    with each index's first and last value, within a fixed number for the claim
    (:data:`sampling.WRITTEN_INDEX_COMBINATIONS`); a size where they do not fit in it is
    recorded (``tally.untried_indices``: the verdict is then undecided, naming it)."""
    at = tuple(int(v) for v in size_values.values())
    beyond = max((max(done) for done in tally.exhausted), default=0)
    ranges, named = [], False
    for index in indices:
        if context.domain_of(index).high is None:
            return None
        low, high = sampling.index_range(index, context, size_values)
        # values up to the largest size exhausted were reached in every combination there
        written = [v for v in sampling.critical_index_values((lhs, rhs), low, high)
                   if v > beyond]  # fmt: skip
        ranges.append(sorted({low, high, *written}))
        named = named or bool(written)
    if not named:  # no number of the claim names a value past the sizes exhausted
        return None
    assignments = [dict(zip(indices, (sp.Integer(v) for v in values)))
                   for values in itertools.product(*ranges)]  # fmt: skip
    total = (sampling.COSTLY_WRITTEN_INDEX_COMBINATIONS if _costly_combinations(lhs, rhs)
             else sampling.WRITTEN_INDEX_COMBINATIONS)  # fmt: skip
    if tally.written_combinations + len(assignments) > total:
        tally.untried_indices.append(at)
        return None
    tally.written_combinations += len(assignments)
    outcome, complete = _each_combination(lhs, rhs, relation, context, rng, size_values,
                                          assignments, drawn, tally)  # fmt: skip
    if outcome is not None:
        return outcome
    (tally.written_indexed if complete else tally.untried_indices).append(at)
    return None


def _each_combination(lhs, rhs, relation, context, rng, size_values, assignments, drawn, tally
                      ) -> tuple[Outcome | None, bool]:
    """Each combination of index values in ``assignments`` (but the ``drawn`` one) compared at
    :data:`INDEX_POINTS` points: a refutation, and whether each had a certified agreement.

    The sides are prepared once at these sizes with the indices left as symbols, and each
    combination substituted into them, where that is faithful (:func:`_prepared_at_sizes`);
    else each combination is prepared afresh.  A refutation is kept only if the sides prepared
    afresh at its combination disagree at the same points."""
    drawn_values, drawn_left, drawn_right = drawn
    shared = _prepared_at_sizes(lhs, rhs, context, size_values, (drawn_values, drawn_left,
                                                                  drawn_right))  # fmt: skip
    complete = True
    for assignment in assignments:
        if assignment == drawn_values:
            continue
        fixed = {**size_values, **assignment}
        try:
            left, right = (
                (shared[0].xreplace(assignment), shared[1].xreplace(assignment)) if shared
                else _prepared(lhs, rhs, context, fixed)
            )
        except (ValueError, TypeError, NotImplementedError) as error:
            tally.skipped.append(f"could not instantiate: {error}")
            complete = False
            continue
        before = len(tally.agreeing)
        state = rng.getstate()
        outcome = _sample_and_compare(left, right, relation, context, rng, fixed, tally,
                                      further=True)  # fmt: skip
        if outcome is not None and shared and outcome.verdict == "refuted":
            rng.setstate(state)  # the same points, on sides prepared with the indices fixed
            try:
                outcome = _sample_and_compare(*_prepared(lhs, rhs, context, fixed), relation,
                                              context, rng, fixed, Tally(), further=True)
            except (ValueError, TypeError, NotImplementedError):
                outcome = None
            if outcome is None or outcome.verdict != "refuted":
                complete = False  # the shared preparation was not faithful here
                continue
        if outcome is not None:
            return outcome, False
        if len(tally.agreeing) == before:
            complete = False  # no certified agreement at this combination: not exhausted
    return None, complete


def _prepared(lhs, rhs, context, fixed) -> tuple:
    """Both sides prepared with sizes and indices fixed (as the sampler compares them)."""
    return broadcast_zero(
        _no_half_heaviside(prepare(lhs, context, fixed)),
        _no_half_heaviside(prepare(rhs, context, fixed)),
    )


def _prepared_at_sizes(lhs, rhs, context, size_values, drawn) -> tuple | None:
    """Both sides prepared with the sizes fixed and the indices left as symbols, when
    substituting index values into them afterwards gives what preparing with the values
    fixed gives: no matrix (its explicit entries need numbers), no derivative, expectation
    or sum whose range names an index, and at the ``drawn`` combination (values, sides) the
    substituted sides are those prepared with it fixed.  None otherwise."""
    indices = set(drawn[0])
    for side in (lhs, rhs):
        if not isinstance(side, sp.Basic) or side.has(sp.MatrixSymbol, EntryMatrix, Grad,
                                                      Jacobian, E, Var, sp.Derivative):
            return None
        for node in side.atoms(sp.Sum, sp.Product):
            for _, low, high in node.limits:
                if (low.free_symbols | high.free_symbols) & indices:
                    return None
    try:
        shared = _prepared(lhs, rhs, context, dict(size_values))
    except (ValueError, TypeError, NotImplementedError):
        return None
    values, left, right = drawn
    if (shared[0].xreplace(values), shared[1].xreplace(values)) != (left, right):
        return None
    return shared


def _size_cap(lhs, rhs, symbolic_shapes: bool, costly: bool, sizes: list, bare: bool = False
              ) -> int:
    """How large a size this claim affords (from its shape, never from the machine's speed):
    matrices of symbolic shape, derivatives and expectations stay small; sums over drawn
    entries go further; a claim without drawn entries (Σ i, a polynomial in n) further; a
    ``bare`` claim about one size alone, no sum over it (n + ⌊n/e^7⌋), furthest.  Sums
    nested d deep over sizes (or d sizes at once) take the d-th root of the cap."""
    sides = [side for side in (lhs, rhs) if isinstance(side, sp.Basic)]
    if symbolic_shapes:  # vectors (n × 1) grow as sums do; matrices with the product of sizes
        vectors = all(sum(1 for d in matrix.shape if d != 1) <= 1
                      for side in sides for matrix in side.atoms(sp.MatrixSymbol))  # fmt: skip
        if vectors:
            return sampling.SIZE_CAP_VECTOR
        entries = any(side.has(EntryMatrix) for side in sides)  # written out entry by entry
        return sampling.SIZE_CAP_ENTRY_MATRIX if entries else max(sampling.MATRIX_SIZES)
    if any(side.has(sp.Derivative, E, Var) for side in sides):
        cap = sampling.SIZE_CAP_COSTLY
    elif costly:
        cap = sampling.SIZE_CAP_ENTRIES
    elif bare and len(sizes) == 1:  # one evaluation costs about the same at every size,
        # unless the size is an exponent: (1 + 1/n)^n at 10^6 is 6 million digits, exact
        exponent = any(power.exp.free_symbols & set(sizes)
                       for side in sides for power in side.atoms(sp.Pow))  # fmt: skip
        return sampling.SIZE_CAP_EXPONENT if exponent else sampling.SIZE_CAP_BARE
    else:
        cap = sampling.SIZE_CAP_PLAIN
    depth = max([len(sizes)] + [_sum_depth(side, set(sizes)) for side in sides])
    return int(round(cap ** (1 / max(depth, 1))))


def _sum_depth(expr: sp.Basic, sizes: set) -> int:
    """How many sums or products over a size are nested in ``expr`` (Σ_i Σ_j: 2)."""
    deepest = max((_sum_depth(argument, sizes) for argument in expr.args
                   if isinstance(argument, sp.Basic)), default=0)  # fmt: skip
    if isinstance(expr, (sp.Sum, sp.Product)):
        grows = sum(1 for _, low, high in expr.limits
                    if (low.free_symbols | high.free_symbols) & sizes)  # fmt: skip
        return deepest + grows
    return deepest


def _sums_grow(lhs, rhs, sizes) -> bool:
    """Whether a sum or product has a size in its bounds (its terms grow with the size)."""
    for side in (lhs, rhs):
        for node in side.atoms(sp.Sum, sp.Product) if isinstance(side, sp.Basic) else ():
            for _, low, high in node.limits:
                if (low.free_symbols | high.free_symbols) & set(sizes):
                    return True
    return False


MIN_AGREEING_POINTS = 3


GIVEN_UNMET = "the point does not satisfy the given "


NO_POINT = "no sample point where both sides are defined and real"


def _verdict_of(tally: Tally, relation: str, size_symbols: list, indices: list = ()) -> Outcome:
    distinct = list(dict.fromkeys(tally.agreeing))  # a constant claim has one point, not 8 copies
    counts = (  # the points, as points_checked counts them (round 11b L3)
        f"{len(distinct)} point(s) agreed, {tally.inconclusive} inconclusive, "
        f"{len(tally.skipped)} skipped"
    )
    sizes_used = tuple(dict.fromkeys(v for combo in tally.sizes for v in combo))
    size_text = ""
    if len(size_symbols) == 1:
        size_text = f"; sizes ({size_symbols[0]}) = " + ", ".join(str(c) for c in tally.sizes)
    elif size_symbols:  # tuples, not the union of their coordinates (round 9a C6)
        size_text = "; " + sampling.tuples_text(size_symbols, tally.sizes)
    if size_symbols and tally.sizes and max(sizes_used) < sampling.DECADES[0]:
        # sums over drawn entries, derivatives, matrices of symbolic shape (round 14b F1):
        # the evidence is the small sizes listed, and the verdict says so
        size_text += (f"; only small sizes evaluated (largest {max(sizes_used)}): a claim "
                      "that first fails at a larger size is not excluded")
    if indices:
        size_text += "; " + index_coverage(tally, size_symbols, indices)
    if tally.unsupported and len(tally.agreeing) < MIN_AGREEING_POINTS:
        return Outcome(
            "undecided",
            method="numeric",
            reason=f"no certified evaluation: {tally.unsupported[0]}",
        )
    if not tally.agreeing and not tally.inconclusive:
        reason = NO_POINT
        if tally.skipped:
            reason += f" ({tally.skipped[0]})"
        return Outcome("undecided", method="numeric", reason=reason)
    unmet = next((why for why in tally.skipped if why.startswith(GIVEN_UNMET)), "")
    if unmet:  # a refuting point the givens exclude: the agreeing ones were not checked
        return Outcome(  # against every given either, so their agreement is no check
            "undecided",
            method="numeric",
            reason=f"the claim fails at a point where {unmet[len(GIVEN_UNMET):]} cannot hold; "
            f"the points that agree were not tested against every given ({counts})",
        )
    if tally.ill_shaped:  # checked where the shapes fit only would be a special case
        (sizes_there, error), names = tally.ill_shaped[0], ", ".join(map(str, size_symbols))
        return Outcome(
            "undecided",
            method="numeric",
            reason=f"the claim is not defined at some sizes ({names}) = {sizes_there}: {error} "
            f"(agreement where the shapes fit is not a check of the claim; {counts})",
        )
    if relation == "!=":
        return Outcome(
            "undecided",
            method="numeric",
            reason="no point found where the two sides certainly differ (" + counts + ")",
            points=tuple(_format_point(dict(p)) for p in tally.agreeing[:8]),
            digits=certified.DIGITS,
        )
    if tally.unlocated:  # round 14b F3, F11, F13: the switch may flip where no point looked
        return Outcome(
            "undecided",
            method="numeric",
            reason=f"the switch of {tally.unlocated[0]} was not located: its argument was not "
            "solved and kept one sign at the points tried, so the claim was never evaluated "
            "where it switches (" + counts + ")",
            digits=certified.DIGITS,
        )
    if tally.poles_unlocated:  # round 44 U04: a side may jump or change sign there
        return Outcome(
            "undecided",
            method="numeric",
            reason=f"the poles of {tally.poles_unlocated[0]} inside the stated interval were "
            "not located, so the claim was never evaluated on both sides of them (" + counts
            + ")",
            digits=certified.DIGITS,
        )
    if tally.jumps_unfound or tally.kinks_undecided:
        return Outcome(
            "undecided",
            method="numeric",
            reason=(
                "where a floor or ceiling argument is an integer (its jumps) could not be "
                "solved, and random points never land there" if tally.jumps_unfound else
                "a kink point (where a sign, a max or a step switches) could not be decided "
                "with certified bounds") + " (" + counts + ")",
            digits=certified.DIGITS,
        )
    untried = _untried(tally, size_symbols, indices)
    if tally.thin_sizes and not untried:
        untried = tally.thin_sizes
    if untried:  # a size or index value the claim's own numbers name was never evaluated
        return Outcome(
            "undecided",
            method="numeric",
            reason=f"{untried}; agreement elsewhere is not a check of the claim ({counts}"
            f"{size_text})",
            digits=certified.DIGITS,
            sizes=sizes_used,
        )
    if tally.unsearched and not tally.constant:
        return Outcome(
            "undecided",
            method="numeric",
            reason=f"the worst point of the inequality could not be searched "
            f"({tally.unsearched}): agreement at the points sampled does not check a bound "
            f"({counts}{size_text})",
            digits=certified.DIGITS,
            sizes=sizes_used,
        )
    needed = 1 if tally.constant else MIN_AGREEING_POINTS
    if len(tally.agreeing) < needed or tally.inconclusive > len(tally.agreeing):
        return Outcome(
            "undecided",
            method="numeric",
            reason="too few points decided with certified bounds (" + counts + ")",
            digits=certified.DIGITS,
            sizes=sizes_used,
        )
    spread = distinct[:: max(1, len(distinct) // 8)][:8]
    return Outcome(
        "checked",
        method="numeric (certified balls)",
        points=tuple(_format_point(dict(point)) for point in spread),
        digits=certified.DIGITS,
        sizes=sizes_used,
        reason=_checked_note(tally, counts + size_text),
        points_checked=len(distinct),
        laws_decide=tally.laws_decide,
        false_agreement_bound=tally.exact_bound,
    )


def index_coverage(tally: Tally, size_symbols: list, indices: list) -> str:
    """Which index values a verdict rests on: every combination at the sizes listed, the
    random draw alone at the others (a claim wrong only there is not seen)."""
    names = ", ".join(str(index) for index in indices)
    sizes = ", ".join(str(s) for s in size_symbols)

    def listed(values: list) -> str:
        return ", ".join(str(v[0]) if len(v) == 1 else str(v) for v in dict.fromkeys(values))

    text = (f"every combination of the values of {names} evaluated at ({sizes}) = "
            f"{listed(tally.exhausted)}" if tally.exhausted else
            f"no size where every combination of the values of {names} was evaluated")
    if tally.written_indexed:
        text += (f"; every combination of the values of {names} the claim's numbers name "
                 f"(and the first and last) at ({sizes}) = {listed(tally.written_indexed)}")
    reasons: dict = {}
    for at, why in tally.not_exhausted:
        reasons.setdefault(why, []).append(at)
    for why, where in reasons.items():
        text += f"; at ({sizes}) = {listed(where)} one combination drawn at random ({why})"
    return text


def _untried(tally: Tally, size_symbols: list, indices: list) -> str:
    """What the claim's numbers name that was not evaluated (sizes beyond what the claim
    affords, index values beyond the fixed number of combinations), as a reason; or ''."""
    names = ", ".join(str(s) for s in size_symbols)
    parts = []
    if tally.untried_sizes:
        untried = tally.untried_sizes
        sizes = ", ".join(map(str, untried)) if len(untried) <= 12 else (
            ", ".join(map(str, untried[:6])) + f", … ({len(untried) - 8} more), "
            + ", ".join(map(str, untried[-2:])))
        parts.append(f"the claim's numbers name sizes ({names}) = {sizes}, not evaluated "
                     "(beyond the largest size this claim affords)")
    if tally.untried_indices:
        where = ", ".join(str(at[0]) if len(at) == 1 else str(at)
                          for at in dict.fromkeys(tally.untried_indices))  # fmt: skip
        values = ", ".join(str(index) for index in indices)
        parts.append(f"the values of {values} the claim's numbers name were not all evaluated "
                     f"at ({names}) = {where}")
    return "; ".join(parts)


def _overlap_note(tally: Tally) -> str:
    """How far the balls were looked at where they still overlapped (the digits actually
    examined, certified.compare): every such point at the confirmation precision, a few of
    them (certified.DEEP_POINTS) doubling up to certified.DEEP_BITS."""
    if not tally.overlap_bits:
        return ""  # every point separated on the allowed side, or was exactly equal
    deepest = certified.bits_to_digits(tally.overlap_bits)
    if tally.deep_points and deepest > tally.confirmed_digits:
        return (f", re-examined at {tally.confirmed_digits} digits where the balls overlapped, "
                f"and at {deepest} digits at {tally.deep_points} point(s)")
    return f", re-examined at {deepest} digits where the balls overlapped"


def _checked_note(tally: Tally, counts: str) -> str:
    # every checked verdict says at how many points and to how many digits (round 9a C5)
    points = list(dict.fromkeys(tally.agreeing))
    shown = "; ".join(", ".join(f"{k} = {v}" for k, v in _format_point(dict(p))) for p in points[:3]
                      if p)  # fmt: skip
    note = (counts + f"; certified agreement to {certified.DIGITS} digits at each point"
            + _overlap_note(tally) + (f"; e.g. at {shown}" if shown else ""))
    if tally.excluded:
        note = f"{note}; {tally.excluded}"
    if tally.worst:
        note = f"{note}; {tally.worst}" if note else tally.worst
    if tally.family:
        others = tally.laws_tried - tally.laws_agreed
        laws = (f"held on {tally.laws_agreed} of {tally.laws_tried} finite laws tried"
                + (f" ({others} left a side undefined or undecided)" if others else "")
                + f": {tally.family} and random ones; exact expectations, certified signs")
        if tally.laws_decide:
            laws += f"; {tally.laws_decide}"
        note = f"{note}; {laws}" if note else laws
    if tally.exact_bound is not None:
        exact_note = (
            f"exact at {exact.POINTS} random points of a set of 2^62 per coordinate: a false "
            f"agreement has probability <= {tally.exact_bound:.3g} (Schwartz-Zippel)"
        )
        note = f"{note}; {exact_note}" if note else exact_note
    return note


POINTS_PER_SIZE = 3
JUMP_POINTS = 16  # points at and beside the jumps of floor, ceiling, frac, mod (at most)
SWITCH_POINTS = 8  # points beside the switches found numerically (at most)
POINTS_WITHOUT_SIZES = 10
POINTS_WITH_MODELS = 3  # points of the deterministic symbols when there are random ones
MODELS_PER_POINT = 2


def _sample_and_compare(left, right, relation, context, rng, fixed, tally,
                        further: bool = False, few: bool = False,
                        written: frozenset = frozenset()) -> Outcome | None:
    """Compare the prepared sides at random points (and kinks, edges, zeros of the
    difference); ``further``: one more combination of index values at sizes already
    sampled, compared at :data:`INDEX_POINTS` points until one agrees, without kinks;
    ``few``: at a size only the claim's numbers name, one random point (with kinks, all ones);
    ``written``: variables of the written sides that SymPy's construction removed."""
    symbols = sorted(
        (left.free_symbols | right.free_symbols | (written - set(fixed)))
        | left.atoms(sp.Indexed) | right.atoms(sp.Indexed),
        key=sp.default_sort_key,
    )
    labels = {indexed.base.label for side in (left, right) for indexed in side.atoms(sp.Indexed)}
    symbols = [s for s in symbols if s not in labels]
    has_expectations = bool(left.atoms(E, Var) or right.atoms(E, Var))
    randoms = context.random_symbols(symbols)
    deterministic = [s for s in symbols if s not in randoms]
    if symbols or fixed:
        tally.constant = False
    size_values = {k: v for k, v in fixed.items() if context.domain_of(k).kind == "size"}
    count = INDEX_POINTS if further else POINTS_PER_SIZE if fixed else POINTS_WITHOUT_SIZES
    if few:  # a size only the claim's numbers name: one random point (and all ones below)
        count = 1
    if has_expectations or randoms:
        count = min(count, POINTS_WITH_MODELS)
    offset = rng.randrange(len(sampling.STYLES))
    styles = ["plain"] + [
        sampling.STYLES[(k + offset) % len(sampling.STYLES)] for k in range(count - 1)
    ]
    if further:  # the second point is drawn only if the first did not agree
        styles = styles[:1]
    points = [
        sampling.draw_point(deterministic, context, rng, size_values, style) for style in styles
    ]
    base_point = points[0]
    difference = left - right if _difference(left, right) is not None else left
    solved: set = set()
    kinks = [] if further else sampling.kink_points(difference, base_point, context,
                                                    solved)[:10]
    switch_search = None
    if not further:  # the zeros kink_points did not solve: found numerically, or named
        switch_search = switches.locate(difference, base_point, points + kinks, context, solved)
        kinks += switch_search.points[:SWITCH_POINTS]
        tally.unlocated += [s for s in switch_search.unlocated if s not in tally.unlocated]
    if not further:  # where a floor/ceiling argument is an integer (round 12a F1)
        jumps, every_jump = sampling.jump_points(difference, base_point, context)
        kinks += jumps[:JUMP_POINTS]
        tally.jumps_unfound |= not every_jump  # a step function unsolved: not checked
    if not further:  # both sides of a pole of tan/sec/cot/csc in a stated interval (round 44 U04)
        found_poles = poles.pole_points((left, right), base_point, context)
        kinks += found_poles.points
        tally.poles_unlocated += [p for p in found_poles.unlocated
                                  if p not in tally.poles_unlocated]
    if not further:  # a variable in an exponent: 2, 1/2, 3, 1/3, … over a negative base
        # (early: where the power laws fail over the reals, round 11a F11)
        points[1:1] = sampling.exponent_points(difference, base_point, context)
    points += kinks
    if relation in ("<", ">", "<=", ">=") and not fixed and len(base_point) <= 2:
        # an inequality fails first where the sides meet: e^x > 1 + x at x = 0 (solved for
        # small scalar claims only: solving costs up to 0.3 s a symbol)
        points += sampling.zero_points(difference, base_point, context)[:3]
    if not fixed:
        # just inside the ends before at them: a counterexample inside a stated interval
        # refutes on every reading of its ends ("between 0 and 2", round 50)
        points += sampling.near_ends(base_point, context)[:96]  # slivers by an end or a corner
        points += sampling.edge_points(base_point, context, rng)[:10]
        points += sampling.beside_kinks(kinks, context)[:20]  # between a kink and an end (AB03)
    elif not further:  # at a size: the entries all equal too
        # (probability vectors uniform too, at a size only the claim's numbers name)
        points += sampling.all_ones(base_point, context, size_values if few else None)
    # rational points first: a counterexample in fractions is one a reader can redo by hand
    points.sort(key=lambda point: not all(v.is_Rational for v in point.values()))
    conditions = tuple(
        (side, kind, _explicit_condition(expr, context, fixed), why)
        for side, kind, expr, why in context.conditions_at(fixed)
    )
    givens = given_facts.plain_givens(context.givens, fixed)
    agreed_before = len(tally.agreeing)
    for position, point in enumerate(points):
        if has_expectations or randoms:
            spaces = factor_assignment(randoms, context.independent)
            centered = set(context.centered_symbols())
            models = [finite.draw_model(spaces, centered, rng) for _ in range(MODELS_PER_POINT)]
            if position == 0 and not tally.family:
                # the laws a false claim fails on first (point masses, values in (0, 1),
                # integers, a rare outcome, a large spread, X = Y, …): once, at one point
                rare = rare_probabilities(claim_integers(left, right),
                                          MOST if len(spaces) == 1 else MOST_JOINT)
                family = finite.adversarial_family(spaces, centered, rng, _scale(left, right),
                                                   rare)
                aimed = aimed_laws(
                    at_point(left, point), at_point(right, point), relation, spaces, centered,
                    law_given=any(given.has(E, Var) for given in context.givens),
                    unevaluated=(left, right),
                )  # fmt: skip
                if family.models or aimed.models:
                    models = list(aimed.models) + list(family.models) + models
                    tally.family = family.describe(len(aimed.models), AIMED_KIND)
                    tally.laws_decide = aimed.decisive
        else:
            models = [None]
        undecided_before = tally.inconclusive
        tally.laws_tried += len(models) if models != [None] else 0
        for model in models:
            outcome = _compare_at(
                left, right, relation, point, model, fixed, tally, conditions, givens
            )
            unmet = outcome is not None and outcome.verdict == "refuted" and (
                given_facts.unmet_given(givens, point, fixed, context.domain_of))
            if unmet:  # every given in force, not only those the claim used, must hold
                tally.skipped.append(f"{GIVEN_UNMET}{unmet}")
            elif outcome is not None:
                return outcome
        if tally.inconclusive > undecided_before and any(point is kink for kink in kinks):
            settled = None if (models != [None] or conditions) else switches.on_switch(
                left, right, relation, point, sampling.kink_arguments(difference))
            if settled is not None and settled.status == "disagree" and relation != "!=":
                return Outcome(  # exactly on a switch (x = 3/5, y = √66/5 on x² + y² = 3)
                    "refuted",
                    method="numeric (certified balls)",
                    counterexample=Counterexample(_format_point({**fixed, **point}),
                                                  settled.lhs_value, settled.rhs_value),
                    digits=certified.DIGITS,
                    reason="exactly on a switch (its argument is 0 there in exact arithmetic; "
                    "the switch at its value there)",
                )
            if settled is not None and settled.status == "agree":
                tally.inconclusive -= 1
                tally.agreeing.append(tuple({**fixed, **point}.items()))
            else:
                tally.kinks_undecided += 1
        if further and len(tally.agreeing) > agreed_before:
            break  # one certified agreement is this combination's evidence
        if further and len(points) < INDEX_POINTS:
            points.append(sampling.draw_point(deterministic, context, rng, size_values,
                                              sampling.STYLES[offset]))  # fmt: skip
    if switch_search is not None and switch_search.zeros and relation != "!=":
        found = switches.refute_at_zeros(left, right, relation, switch_search.zeros)
        if found is not None:  # at a zero located numerically, each switch at its value there
            return Outcome(
                "refuted",
                method="numeric (certified balls)",
                counterexample=Counterexample(tuple(found.values), found.lhs_value,
                                              found.rhs_value),
                digits=certified.DIGITS,
                reason="at a zero of a switching argument (located by certified bisection; "
                "both sides enclosed over its bracket, the switch at its value there)",
            )
    return None


def _domain_symbols(lhs, rhs, context: CheckContext) -> frozenset:
    """The real variables of the written sides' natural domains (``0·log x`` was built as 0,
    its condition x > 0 remains): sampled like the sides' own variables, so a point where one
    written side is real and the other is not refutes the claim (docs/conventions.md) whether
    or not SymPy cancelled the term at construction (round 12b F6).  Bound variables of sums,
    products and integrals are never sampled as reals."""
    bound: set = set()
    for side in (lhs, rhs):
        if isinstance(side, sp.Basic):
            for node in side.atoms(sp.Sum, sp.Product, sp.Integral, sp.Lambda):
                bound |= node.variables if isinstance(node, sp.Lambda) else {
                    limit[0] for limit in node.limits}
    found = set()
    for _, _, expr, _ in context.conditions:
        for symbol in getattr(expr, "free_symbols", ()):
            if (isinstance(symbol, sp.Symbol) and not isinstance(symbol, sp.Dummy)
                    and symbol not in bound and symbol.is_commutative
                    and context.domain_of(symbol).kind not in ("size", "index", "random")):
                found.add(symbol)
    return frozenset(found)


def _scale(left, right) -> sp.Integer:
    """A spread past every number the claim writes (Var(X) ≤ 10^8 fails at ±10·10^8)."""
    largest = sp.Integer(1)
    for side in (left, right):
        for number in side.atoms(sp.Rational, sp.Float) if isinstance(side, sp.Basic) else ():
            size = abs(number)
            if size > largest:
                largest = size
    return sp.Integer(10) * sp.ceiling(min(largest, finite.LARGEST_SCALE))


def _with_entry_indices(outcome: Outcome, sides: tuple) -> Outcome:
    """A refutation of an entry claim (:class:`EntryMatrix`) names the free indices where it
    fails (``k = 2, l = 1``), not only the position in the matrix of entries."""
    example = outcome.counterexample
    if example is None:
        return outcome
    values = dict(example.values)
    if "entry" not in values:
        return outcome
    indices = [node.indices for side in sides if isinstance(side, sp.Basic)
               for node in side.atoms(EntryMatrix)]  # fmt: skip
    if len({tuple(found) for found in indices}) != 1:
        return outcome
    try:
        row, col = (int(part) for part in values["entry"].strip("()").split(","))
    except ValueError:  # not a matrix position (a list's "entry = 1 of 2: …")
        return outcome
    named = tuple((getattr(index, "name", str(index)), str(value))
                  for index, value in zip(indices[0], (row, col)))
    kept = tuple(pair for pair in example.values if pair[0] != "entry")
    return replace(outcome, counterexample=replace(example, values=kept + named))


def _entries(value):
    return list(value) if getattr(value, "is_Matrix", False) else [value]


def _explicit_condition(expr, context: CheckContext, fixed: dict):
    """A natural-domain condition on matrices (‖x‖ ≠ 0 is tr(xᵀx) ≠ 0) written out with the
    explicit matrices the sides are evaluated with, so it is evaluated at the same point."""
    if not isinstance(expr, sp.Basic) or not expr.atoms(sp.MatrixSymbol):
        return expr
    try:
        return prepare(expr, context, fixed)
    except (ValueError, TypeError, NotImplementedError, AttributeError):
        return expr  # left as it is: the point is then not evidence (no certified evaluation)


def _compare_values(l_value, r_value, relation, point, conditions, deep_bits: int = 0,
                    deep_cost: float = 0.0):
    """Entrywise certified comparison; returns one PointComparison for the whole value
    (``deep_bits``, ``deep_cost``: how far and at what modelled cost overlapping balls are
    re-examined, :func:`certified.compare`).  Every entry is a claim of its own and gets the
    whole ``deep_cost`` (true entries looked at first must not use up the look at a false one:
    round 12b F4); the cost reported is the largest entry's, and the bits reported where the
    balls overlapped are the fewest any overlapping entry was looked at (what every entry's
    agreement rests on)."""
    left_matrix = getattr(l_value, "is_Matrix", False)
    right_matrix = getattr(r_value, "is_Matrix", False)
    if left_matrix != right_matrix or (left_matrix and l_value.shape != r_value.shape):
        shapes = (getattr(l_value, "shape", "scalar"), getattr(r_value, "shape", "scalar"))
        status = "agree" if relation == "!=" else "disagree"
        return certified.PointComparison(
            status, str(shapes[0]), str(shapes[1]), reason="shapes differ"
        )
    scalar_relation = "=" if relation == "!=" else relation
    results = []
    spent = 0.0
    for position, (left_entry, right_entry) in enumerate(zip(_entries(l_value), _entries(r_value))):
        result = certified.compare(
            left_entry, right_entry, scalar_relation, point, conditions=conditions,
            deep_bits=deep_bits, deep_cost=deep_cost,
        )
        spent = max(spent, result.deep_cost)
        if left_matrix and result.status == "disagree":  # which entry: the free indices
            columns = l_value.shape[1]
            result = replace(result, entry=(position // columns + 1, position % columns + 1))
        results.append(result)
        if result.status in ("disagree", "unsupported"):
            break
    statuses = {r.status for r in results}
    for status in ("unsupported", "disagree", "skip", "inconclusive"):
        if status in statuses:
            chosen = next(r for r in results if r.status == status)
            break
    else:
        chosen = results[0]
        if len(results) > 1:
            chosen = certified.PointComparison(
                "agree",
                str([r.lhs_value for r in results]),
                str([r.rhs_value for r in results]),
                examined=min((r.examined for r in results if r.examined), default=0),
                deep_cost=spent,
            )
    if relation == "!=" and chosen.status in ("agree", "disagree"):
        flipped = "disagree" if chosen.status == "agree" else "agree"
        return certified.PointComparison(
            flipped, chosen.lhs_value, chosen.rhs_value, chosen.reason, chosen.bits,
            examined=chosen.examined, deep_cost=spent,
        )
    return replace(chosen, deep_cost=spent)


def _compare_at(left, right, relation, point, model, fixed, tally, conditions, givens=()):
    """Compare at one point (every outcome of ``model`` when there are expectations).

    A point that violates a given (``x^2 = y`` at x = 2, y = 3) is neither a counterexample
    nor evidence: the givens restrict the claim to the points that satisfy them."""
    if model is None and _violates_a_given(givens, point, fixed):
        tally.skipped.append("the point does not satisfy a given")
        return None
    if model is not None:  # finite models need the point written in; plain points do not
        # expectations are exact finite sums: compute them once, then read each outcome
        at_left = model.resolve(at_point(left, point))
        at_right = model.resolve(at_point(right, point))
    outcomes = range(len(model.probabilities)) if model is not None else [None]
    if model is not None and not (
        (getattr(at_left, "free_symbols", set()) | getattr(at_right, "free_symbols", set()))
        & set(model.values)
    ):  # expectations only: the same numbers on every outcome, compared once
        outcomes = [0]
    whole = {**fixed, **point}
    agreed = False
    for outcome_index in outcomes:
        if model is not None:
            l_value = model.at(at_left, outcome_index)
            r_value = model.at(at_right, outcome_index)
            where = {}
        else:
            l_value, r_value, where = _substituted(left, right, point)
        deep = certified.DEEP_BITS if tally.deep_points < certified.DEEP_POINTS else 0
        comparison = _compare_values(
            l_value, r_value, relation, where, conditions_at(conditions, point) if not where
            else conditions, deep_bits=deep,
            deep_cost=max(0.0, certified.DEEP_COST - tally.deep_cost),
        )
        tally.deep_cost += comparison.deep_cost
        if comparison.examined:  # the balls overlapped beyond the tolerance: what was seen
            tally.overlap_bits = max(tally.overlap_bits, comparison.examined)
            if deep and comparison.deep_cost:
                tally.deep_points += 1
        status = comparison.status
        if status == "unsupported":
            tally.unsupported.append(comparison.reason)
            tally.inconclusive += 1
            return None
        if status == "skip":
            tally.skipped.append(comparison.reason)
            if model is None:
                tally.undefined.append((whole, comparison))
            continue
        if status == "inconclusive":
            tally.inconclusive += 1
            return None
        if relation == "!=" and status == "agree":
            return Outcome(
                "checked",
                method="certified witness",
                points=(_format_point(whole),),
                digits=certified.DIGITS,
                reason=f"the sides certainly differ here: {comparison.lhs_value} vs "
                f"{comparison.rhs_value}",
            )
        if status == "disagree" and relation != "!=":
            if not _reproduces(left, right, relation, point, model, outcome_index, conditions,
                               comparison.bits):
                tally.inconclusive += 1
                return None
            values = _format_point(whole)
            if model is not None:
                values += model.describe() + (("outcome", str(outcome_index)),)
            if comparison.entry:
                values += (("entry", "(%d, %d)" % comparison.entry),)
            return Outcome(
                "refuted",
                method="numeric (certified balls)" if model is None else "exact-finite",
                counterexample=Counterexample(values, comparison.lhs_value, comparison.rhs_value),
                digits=certified.DIGITS,
                reason=comparison.reason,
            )
        agreed = True
    # a point where every outcome was skipped (a side undefined) is no evidence of agreement
    if agreed and model is not None:
        tally.laws_agreed += 1
    if agreed:  # every one counted (the report shows at most 8)
        tally.agreeing.append(tuple(whole.items()))
    return None


def _violates_a_given(givens, point, fixed) -> bool:
    """Whether the point (with sizes fixed) certainly or possibly breaks a given equation
    whose symbols it assigns (givens rewritten away by ``prepare`` hold by construction)."""
    known = set(point) | set(fixed)
    for lhs, rhs in givens:
        symbols = lhs.free_symbols | rhs.free_symbols
        if not symbols or not symbols <= known:
            continue
        status = certified.compare(lhs, rhs, "=", point).status
        if status != "agree":
            return True
    return False


SUBSTITUTE_SECONDS = 0.2


def _substituted(left, right, point):
    """A rational point written into both sides, so that SymPy's exact arithmetic decides
    what balls cannot (x - 1/3 at x = 1/3 is exactly 0, not a ball around 0); where that is
    slow (x^(10^6)), the sides and the point are evaluated as balls instead."""
    if not point or not all(value.is_Rational for value in point.values()):
        return left, right, point
    try:
        with time_limit(SUBSTITUTE_SECONDS, source="sampling", what="substituting"):
            return at_point(left, point), at_point(right, point), {}
    except (ParseError, TypeError, ValueError, ArithmeticError):
        return left, right, point


def _reproduces(left, right, relation, point, model, outcome_index, conditions,
                bits: int = 0) -> bool:
    """A counterexample is kept only if the point, substituted into both sides afresh (SymPy
    simplifies the numbers its own way), disagrees again under certified evaluation (looked
    at as deep as the disagreement was found: ``bits``)."""
    try:
        with time_limit(REPRODUCE_SECONDS, source="counterexample", what="substituting"):
            l_value = at_point(left, point)  # real roots of negatives, never SymPy's principal
            r_value = at_point(right, point)
            if model is not None:
                l_value = model.at(l_value, outcome_index)
                r_value = model.at(r_value, outcome_index)
            where: dict = {}
            again = _compare_values(
                l_value, r_value, relation, where, conditions_at(conditions, point),
                deep_bits=bits, deep_cost=REPRODUCE_SECONDS,
            )
    except (ParseError, ValueError) as error:
        # SymPy's exact arithmetic on the substituted numbers is too slow (x^(10^6)), or
        # SymPy refuses to build a side there (Heaviside and Max/Min of log(-2) raise
        # ValueError, where sign(log(-2)) goes through: round 14b F9): the point is
        # re-evaluated from scratch instead, which is the same certified arithmetic
        if model is not None or (isinstance(error, ValueError) and not point):
            return False
        try:
            again = _compare_values(left, right, relation, point, conditions, deep_bits=bits,
                                    deep_cost=REPRODUCE_SECONDS)
        except (TypeError, ValueError, ArithmeticError):
            return False
    except (TypeError, ArithmeticError):
        return False
    return again.status == "disagree"


REPRODUCE_SECONDS = 0.5


def conditions_at(conditions, point):
    """The natural-domain conditions with the point substituted."""
    if not point:
        return conditions
    return tuple((side, kind, at_point(expr, point), why) for side, kind, expr, why in conditions)


def _requirements_on(side) -> set:
    """What ``side`` requires inside its sums, products and integrals: (the binder's limits,
    kind, expression) — a logarithm's argument "positive", an even root's base "nonnegative",
    a denominator "nonzero" — with 1/b > 0 read as b > 0, and closed under what a requirement
    implies (b > 0 gives b ≥ 0 and b ≠ 0): two sides with the same set have their values on the
    same points, as far as these go."""
    found: set = set()
    if not isinstance(side, sp.Basic):
        return found
    for binder in sp.preorder_traversal(side):
        if not isinstance(binder, (sp.Sum, sp.Product, sp.Integral)):
            continue
        for node in sp.preorder_traversal(binder.function):
            if isinstance(node, sp.log):
                kind, expr = "positive", node.args[0]
            elif isinstance(node, sp.Pow) and not node.exp.is_integer:
                if isinstance(node.exp, sp.Rational) and node.exp.q % 2:
                    continue  # an odd root of a negative number is real (round 32b F02)
                kind = "nonnegative" if isinstance(node.exp, sp.Rational) else "positive"
                expr = node.base
            elif isinstance(node, sp.Pow) and node.exp.is_negative:
                kind, expr = "nonzero", node.base
            else:
                continue
            if kind != "nonnegative":  # a/b > 0 is ab > 0 (and b ≠ 0): a sign by factors
                expr = _inverses_turned(expr)
                found |= {(binder.limits, "nonzero", factor) for factor in sp.Mul.make_args(expr)}
            found.add((binder.limits, kind, expr))
            if kind == "positive":
                found |= {(binder.limits, "nonnegative", expr), (binder.limits, "nonzero", expr)}
    return found


def _inverses_turned(expr):
    """``expr`` with each factor b^(-k) written b^k: the same sign, the same zeros left out."""
    return sp.Mul(*(factor.base ** -factor.exp if isinstance(factor, sp.Pow)
                    and factor.exp.is_integer and factor.exp.is_negative else factor
                    for factor in sp.Mul.make_args(expr)))


def _required_alike(expr, was: str, left: set, right: set) -> bool:
    r"""Whether ``expr`` (an unread requirement of kind ``was``: it names a bound variable) is
    required alike by both sides: each side's requirements inside binders (``left``,
    ``right``: :func:`_requirements_on`) are the same and hold it, of the same kind. Then each
    side has a real value where the other has one, as far as they go, and the verdict stands
    (``-\sum_j y_j \log \hat y_j`` against ``\sum_j y_j \log \frac{1}{\hat y_j}``: both need
    every ŷ_j > 0). The kind is the one the grammar recorded: SymPy builds √x² as x, whose
    tree no longer shows the root (round 33b F01, F02)."""
    if not isinstance(expr, sp.Basic) or isinstance(expr, sp.Tuple) or not left or left != right:
        return False
    named = _inverses_turned(expr)
    # under every binder that requires anything of it, of that kind: x_k ≥ 0 over k ≤ m is no
    # x_k ≥ 0 over k ≤ n (round 35 F13)
    ranges = {limits for limits, _, required in left if required == named}
    return bool(ranges) and all((limits, was, named) in left for limits in ranges)


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
    # a requirement of an integral's, a sum's or a limit's body on the free names that the
    # grammar could not put at points (symderive.grammar.build.Construction.release): where
    # the sides have real values is not read, so nothing is decided (round 29 F01-F03)
    asked = [(expr, getattr(kind, "was", ""), why)
             for _, kind, expr, why in context.conditions if kind == "unread"]
    if asked:
        left, right = _requirements_on(lhs), _requirements_on(rhs)
    # (one of the bound variable alone, failing on its range, is never alike: the sides have
    # no real value at all, ∫_0^2 (t − 1)^t dt = ∫_0^2 (t − 1)^t dt + 0: round 33b F03)
    unread = [why for expr, was, why in asked if not _required_alike(expr, was, left, right)
              or not _names_of(expr) & _names_of(lhs, rhs)]
    # a requirement both sides make alike, dropped: the sampler does not know it, so a point
    # where a side is undefined by it is no counterexample (round 32b F03)
    alike = bool(asked) and not unread
    if asked:
        context = replace(context, conditions=tuple(
            condition for condition in context.conditions if condition[1] != "unread"))
    lhs, rhs, context, merged = unify_symbols(lhs, rhs, context)

    used_givens = tuple(
        f"{sp.sstr(given.lhs)} = {sp.sstr(given.rhs)}"
        for given in context.givens
        if any(
            isinstance(side, sp.Basic) and (side.has(given.lhs) or side.has(given.rhs))
            for side in (lhs, rhs)
        )
    )

    def stamped(outcome: Outcome) -> Outcome:
        if alike and outcome.verdict == "refuted" and outcome.counterexample is not None and any(
                str(value).startswith("undefined") for value in (
                    outcome.counterexample.lhs_value, outcome.counterexample.rhs_value)):
            outcome = Outcome("undecided", method=outcome.method, reason=(
                "refuted as read only where a side is undefined by a requirement both sides "
                "make inside their sums or integrals: not a counterexample"))
        if unread and outcome.verdict in ("proved", "checked", "refuted"):
            outcome = Outcome("undecided", method=outcome.method, reason=(
                f"{outcome.verdict} as read, but the written form requires {unread[0]}, "
                "which restricts its free names in a way not read: where both sides have real "
                "values is not known"))
        if merged:
            note = f"one symbol per name: {', '.join(merged)}"
            outcome = replace(outcome, reason=f"{outcome.reason}; {note}" if outcome.reason
                              else note)
        return replace(outcome, seconds=time.monotonic() - started, used_givens=used_givens)

    nonexistent = limits.one_sided_disagreement(lhs, rhs)
    if nonexistent:  # no value to sample: SymPy would raise "the limit does not exist"
        yield stamped(Outcome("undecided", method="one-sided limits", reason=nonexistent))
        return
    numeric_outcome = numeric_phase(lhs, rhs, relation, context, rng)
    if numeric_outcome.verdict == "checked":
        diverging = limits.diverges_somewhere(lhs, rhs)
        if diverging:  # checked only where the limit converges: not the claim
            yield stamped(Outcome("undecided", method=numeric_outcome.method, reason=diverging))
            return
    yield stamped(numeric_outcome)
    if numeric_outcome.verdict == "refuted":
        return
    if (numeric_outcome.verdict == "undecided" and numeric_outcome.reason.startswith(NO_POINT)
            and not _defined_somewhere(lhs, rhs, context)):
        # sides real at no point seen (log(-1-x^2) on both sides): a zero difference would be
        # a proof about no real number, so none is given (round 12b F6)
        return
    if relation == "!=" and numeric_outcome.verdict == "checked":
        return  # a witness settles a claimed difference
    if relation not in ("=", "<=", ">=", "!="):
        return  # strict inequalities are never proved by a zero difference
    if _has_unsized_matrix(lhs) or _has_unsized_matrix(rhs):
        return
    if ranges_may_be_empty(lhs) or ranges_may_be_empty(rhs):
        return
    try:
        left, right = broadcast_zero(prepare(lhs, context, {}), prepare(rhs, context, {}))
        left, right = with_assumptions(left, right, context)
        difference = _symbolic_difference(left, right, context)
    except (TypeError, ValueError, NotImplementedError, AttributeError):
        return
    if difference is None:
        return
    # the real roots, never SymPy's principal ones (symderive.real_roots)
    forms = ([difference] if getattr(difference, "is_Matrix", False)
             or not isinstance(difference, sp.Basic) else proof_forms(difference))
    for thorough, form in itertools.product((False, True), forms):
        method = symbolic.try_prove_zero(form, thorough=thorough)
        if method:
            outcome = _proved_or_refuted(left, right, relation, method, numeric_outcome)
            if outcome.verdict == "proved":
                outcome = _with_domain(outcome, context)
            yield stamped(outcome)
            return


def _defined_somewhere(lhs, rhs, context: CheckContext) -> bool:
    """A point where both written sides are real, found by solving their natural domain in
    its one variable (``log(x - 100)``: x = 101) and confirmed by certified evaluation there;
    False when there is none or it cannot be found (several variables, no closed form)."""
    conditions = context.conditions
    symbols = set().union(*(expr.free_symbols for _, _, expr, _ in conditions)) \
        if conditions else set()
    if len(symbols) != 1:
        return False
    (symbol,) = symbols
    relation = {"positive": sp.Gt, "nonnegative": sp.Ge, "counted": sp.Ge, "nonzero": sp.Ne}
    try:
        with time_limit(0.5, source="domain", what="solving"):
            region = sp.S.Reals
            for _, kind, expr, _ in conditions:
                if kind not in relation:
                    return False
                region = region & sp.solveset(relation[kind](expr, 0), symbol, sp.S.Reals)
            witness = _rational_inside(region)
            if witness is None:
                return False
            left, right = _prepared(lhs, rhs, context, {})
            comparison = _compare_values(left, right, "=", {symbol: witness},
                                         conditions_at(conditions, {}))
    except (ParseError, NotImplementedError, TypeError, ValueError, AttributeError):
        return False
    return comparison.status in ("agree", "inconclusive")


def _rational_inside(region) -> sp.Rational | None:
    """A rational point of the first interval of ``region`` (None: empty or not intervals)."""
    pieces = region.args if isinstance(region, sp.Union) else (region,)
    for piece in pieces:
        if not isinstance(piece, sp.Interval) or piece.measure == 0:
            continue
        low, high = piece.inf, piece.sup
        if low.is_infinite and high.is_infinite:
            return sp.Integer(0)
        if low.is_infinite:
            return sp.floor(high) - 1
        if high.is_infinite:
            return sp.floor(low) + 1
        return sp.nsimplify((low + high) / 2, rational=True)
    return None


def _with_domain(outcome: Outcome, context: CheckContext) -> Outcome:
    """A proof holds on the common natural domain of the written sides: name what it excludes
    (``x/x = 1`` is proved with x = 0 excluded)."""
    lost = []
    by_side: dict = {"lhs": set(), "rhs": set()}
    for side, kind, expr, _ in context.conditions:
        by_side[side].add((kind, expr))
    for side, kind, expr, why in context.conditions:
        other = "rhs" if side == "lhs" else "lhs"
        if (kind, expr) in by_side[other]:
            continue
        lost.append(f"{_excluded_text(kind, expr)} ({why})")
    if not lost:
        return outcome
    excluded = tuple(dict.fromkeys(tuple(lost)))
    return replace(
        outcome, excluded=excluded, reason=f"holds except where undefined: {', '.join(excluded)}"
    )


def unify_symbols(lhs, rhs, context: CheckContext):
    r"""One symbol per printed name, and every symbol real unless declared otherwise.

    Two front ends may give the same name to different SymPy symbols (the LaTeX grammar's
    size ``n`` of ``\sum_i`` and a plain ``n``; a vector's entry ``v_1`` and a written
    ``v_1``); SymPy would treat them as unrelated variables and sample them apart, so a
    counterexample "at n = 20/7" would not reproduce as written.  The symbol declared in the
    context (else the one with the most assumptions) stands for all of them; a symbol
    without assumptions becomes real, the project's default domain.
    """
    symbols: set = set()
    for value in (lhs, rhs):
        if isinstance(value, sp.Basic):
            symbols |= value.free_symbols
    declared = [s for s, _ in context.domains if isinstance(s, sp.Symbol)]
    symbols |= set(declared)
    by_name: dict = {}
    for symbol in symbols:
        if isinstance(symbol, sp.Symbol) and not isinstance(symbol, sp.Dummy):
            by_name.setdefault(symbol.name, []).append(symbol)
    mapping: dict = {}
    merged: list[str] = []
    for name, group in by_name.items():
        chosen = [s for s in group if s in declared] or sorted(
            group, key=lambda s: (-sum(bool(v) for v in s.assumptions0.values()), str(s))
        )
        representative = chosen[0]
        if representative.is_real is None and representative.is_commutative:
            representative = sp.Symbol(name, real=True, **{
                k: v for k, v in representative.assumptions0.items()
                if k in ("integer", "positive", "negative", "nonnegative", "nonzero")
            })
        if len(group) > 1:
            merged.append(name)
        for symbol in group:
            if symbol != representative:
                mapping[symbol] = representative
    if not mapping:
        return lhs, rhs, context, ()
    swap = lambda value: value.xreplace(mapping) if isinstance(value, sp.Basic) else value  # noqa: E731
    return swap(lhs), swap(rhs), context.renamed(mapping), tuple(sorted(merged))


def _excluded_text(kind: str, expr: sp.Basic) -> str:
    """Where a condition fails, as a reader writes it: ``x = 1`` rather than ``x - 1 = 0``."""
    if kind == "power":
        return f"{sp.sstr(expr.args[0])} <= 0"
    if kind == "nonzero" and len(expr.free_symbols) == 1:
        (symbol,) = expr.free_symbols
        try:
            with time_limit(0.5, source="domain", what="solving"):
                roots = sp.solveset(expr, symbol, domain=sp.S.Reals)
        except (ParseError, NotImplementedError, ValueError, TypeError):
            roots = None
        if isinstance(roots, sp.FiniteSet) and 0 < len(roots) <= 4:
            return " or ".join(f"{symbol} = {root}" for root in roots)
    relation = {"nonzero": "=", "positive": "<="}.get(kind, "<")
    return f"{sp.sstr(expr)} {relation} 0"


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
        sizes=numeric_outcome.sizes,
        points_checked=numeric_outcome.points_checked,
        false_agreement_bound=numeric_outcome.false_agreement_bound,
    )
