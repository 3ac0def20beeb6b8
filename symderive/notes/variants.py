"""Stage 5 of checking notes, per step: the readings checked and how their outcomes combine.

A step is checked as written, and also — each a separate worker task — on instances of its
unknown functions, in each one-hot case, to the decimals written, at and without its example
values, and (after a refutation) under the hypotheses notes state only in words
(:data:`ALTERNATIVES`). One outcome per step comes back, naming what it relied on.
"""

from __future__ import annotations

from dataclasses import replace

import sympy as sp

from symderive.check.budget import Task, run_tasks
from symderive.check.context import CheckContext
from symderive.errors import TIME_LIMIT_REACHED
from symderive.expectation import E, Var
from symderive.grammar import matrices
from symderive.grammar.latex import OPAQUE_PROBABILITY
from symderive.model import Domain
from symderive.notes.instances import (
    at_infinity,
    bound_arguments,
    instances,
    linear_in_unknowns,
)
from symderive.notes.domain_clash import narrowed
from symderive.notes.rounding_rules import interval_text
from symderive.notes.indices import chain_index_domains
from symderive.notes.inequalities import display_symbols
from symderive.notes.stated import properties_at, stated_symbols
from symderive.notes.plan import PlannedEquation, PlannedStep
from symderive.notes.scoped import simplex_at
from symderive.notes.report import NoteFile
from symderive.notes.scale_words import scale_symbols
from symderive.report import Outcome


# readings the note may intend without saying so: a refutation that disappears under one of
# them is reported *undecided*, naming the hypothesis (and the directive that states it)
ALTERNATIVES = {
    "independent": "holds if the random symbols are independent, fails if they may be "
    "dependent: say which with '<!-- symderive: assume X, Y independent -->'",
    "identical": "holds if the indexed entries are identically distributed (x_i like x) or "
    "all equal, fails otherwise: which one is meant is not written as mathematics",
    # the same reading in a step about no random quantity: only "all equal" can be meant
    "equal": "holds if the indexed entries are all equal (x_i = x for every i), fails "
    "otherwise: the note does not write that they are equal",
    "simplex": "holds if the indexed vectors sum to 1 (probability or one-hot), fails "
    "otherwise: say so with '<!-- symderive: assume NAME simplex N -->'",
    "layout": matrices.LAYOUT_AMBIGUITY,  # matrix hook: ∂f/∂x transposed
    # refuted at a negative σ the note calls a standard deviation (round 40 J08)
    "scale": "σ is a standard deviation or scale in the note, so positive, and the claim "
    "holds for positive σ: say so with '<!-- symderive: assume \\sigma positive -->'",
}


def check_context(
    plan, equation: PlannedEquation, alternative: str = "", step=None,
    expressions: tuple = (), domain: tuple = (),
) -> CheckContext:
    context = plan.context
    domains = dict(context.domains)
    domains.update(chain_index_domains(context, equation.index_domains))  # k's own sums (F6)
    domains.update({symbol: Domain("random") for symbol in equation.random})
    # "For positive $x$, …", "Let $n$ be a positive integer.": as the directive would say
    chain = equation.chain
    lead = equation.block.lead
    for symbol, stated in stated_symbols(context, chain.line, chain.latex, lead).items():
        domains.setdefault(symbol, stated)
    for symbol, stated in display_symbols(context, chain.row_latex, chain.line).items():
        domains.setdefault(symbol, stated)  # \qquad \forall x > 0 in the display
    domains.update(narrowed(context, chain.line, chain.latex, lead))  # directive ∩ prose
    groups = list(context.independent)
    if alternative == "independent" and equation.random:
        groups.append(tuple(sorted(equation.random, key=str)))
    if alternative == "simplex" and step is not None:
        for base in _indexed_bases(step):
            domains[base] = Domain("simplex", group=str(base))
    if alternative == "scale" and step is not None:
        for symbol in scale_symbols((step.lhs, step.rhs), context.words):
            domains[symbol] = Domain("positive")
    if alternative == "stated" and step is not None:
        for base in stated_vectors(plan, equation, step):
            domains[base] = Domain("simplex", group=str(base))
    if expressions or step is not None:
        _entry_domains(expressions or (step.lhs, step.rhs), domains)
        _probability_domains(expressions or (step.lhs, step.rhs), equation.readings, domains)
        domain = _conditions_on_the_point(domain, expressions or (step.lhs, step.rhs))
    built = replace(CheckContext.build(domains, context.givens, groups, domain),
                    certify_inequalities=True)  # a sampled inequality is not checked
    symmetric = frozenset(  # matrix hook: "Let A be a symmetric matrix" in this section
        name for name, word, _ in properties_at(context, chain.line, chain.latex, lead)
        if matrices.is_symmetric_word(word)
    )  # fmt: skip
    return replace(built, symmetric=symmetric) if symmetric else built


def _conditions_on_the_point(domain: tuple, expressions: tuple) -> tuple:
    r"""The natural-domain conditions that speak of the sampled point: a condition on a summand
    (``q_i \ne 0`` inside ``\sum_i``) names the bound index, which no point gives a value; the
    evaluator itself treats a point where a summand is undefined as no evidence either way."""
    free = set().union(*(e.free_symbols for e in expressions if isinstance(e, sp.Basic)))
    return tuple(
        condition
        for condition in domain
        if not isinstance(condition[2], sp.Basic) or condition[2].free_symbols <= free
        or condition[1] == "unread"  # it names the bound variable: the checker decides nothing
    )


def _entry_domains(expressions: tuple, domains: dict) -> None:
    """``p_i`` takes the domain declared for ``p``; a simplex declared by directive is given
    either by its entries ``y_1 … y_N`` or by its indexed base ``y[j]``, as the step uses it."""
    symbols = set().union(*(expr.free_symbols for expr in expressions))
    indexed = {str(s.base) for s in symbols if isinstance(s, sp.Indexed)}
    for key, domain in list(domains.items()):
        if domain.kind == "simplex" and domain.group in indexed and isinstance(key, sp.Symbol):
            del domains[key]
        elif domain.kind == "simplex" and domain.group not in indexed and not isinstance(
            key, sp.Symbol
        ):
            del domains[key]
    by_name = {key.name: domain for key, domain in domains.items() if isinstance(key, sp.Symbol)}
    for symbol in symbols:
        if isinstance(symbol, sp.Symbol) and symbol not in domains and "_" in symbol.name:
            inherited = by_name.get(symbol.name.rpartition("_")[0])
            if inherited is not None and inherited.kind != "simplex":
                domains[symbol] = inherited


def _probability_domains(expressions: tuple, readings: dict, domains: dict) -> None:
    """``P(X = 1)`` read as one unknown value is a probability: sampled in (0, 1), never at
    37/3 (round 40 J06: ``P(X = 1)^2 \\le P(X = 1)`` was refuted there)."""
    for expression in expressions:
        for symbol in getattr(expression, "free_symbols", ()):
            if isinstance(symbol, sp.Symbol) and readings.get(symbol.name) == OPAQUE_PROBABILITY:
                domains.setdefault(symbol, Domain("probability"))


def _identical(step: PlannedStep) -> tuple | None:
    """The step with each entry ``x[i]`` read as ``x`` when the step also names ``x`` itself
    (``\\sum_i Var(x_i) = n Var(x)``: entries distributed like x); None when it does not."""
    names = {s for side in (step.lhs, step.rhs) for s in side.free_symbols
             if isinstance(s, sp.Symbol)}  # fmt: skip
    mapping = {
        entry: sp.Symbol(str(entry.base)) for side in (step.lhs, step.rhs)
        for entry in side.atoms(sp.Indexed) if sp.Symbol(str(entry.base)) in names
    }  # fmt: skip
    if not mapping:
        return None
    return step.lhs.xreplace(mapping).doit(), step.rhs.xreplace(mapping).doit()


def simplex_directive(step: PlannedStep) -> str:
    """The 'holds if the vectors sum to 1' reason naming the step's vectors and the exact
    directives that would settle it (N is each vector's length)."""
    bases = [str(base) for base in _indexed_bases(step)]
    directives = "; ".join(f"assume {base} simplex N" for base in bases)
    return (f"holds if {', '.join(bases)} sum to 1 (probability or one-hot vectors), fails "
            f"otherwise: if the note means that, say so with '<!-- symderive: {directives} -->' "
            "(N the length), or in words (a one-hot vector)")


def stated_vectors(plan, equation: PlannedEquation, step: PlannedStep) -> list:
    """The indexed vectors of the step that the prose, on a line before this chain, calls
    one-hot or probability vectors (``Since $\\mathbf{y}$ is a one-hot vector of length $q$``),
    in a sentence whose statements hold there (its section, from its line on):
    only those are put on the simplex, never the step's other vectors."""
    # its section's words; a vector only summed to one by a formula (Σ_i t_i = 1) may have
    # negative entries (an affine combination): a check on the simplex shows an equality of
    # analytic sides on the whole plane Σ t = 1 (it holds on an open set of it), nothing else
    # (round 58 AV01, AV02: Σ|t_i| = 1 was checked)
    stated = set(simplex_at(plan.context, equation.chain.line,
                            summed=_analytic_equality(step)))
    return [base for base in _indexed_bases(step) if str(base) in stated]


# functions that are not analytic where their argument changes sign or jumps
_KINKED = (sp.Abs, sp.Max, sp.Min, sp.Piecewise, sp.sign, sp.floor, sp.ceiling, sp.Heaviside,
           sp.re, sp.im, sp.frac, sp.Mod)


def _analytic_equality(step: PlannedStep) -> bool:
    """Whether the step is an equality of sides analytic in their names (no |·|, max, cases,
    floor …, no root or other non-integer power)."""
    sides = (step.lhs, step.rhs)
    return step.relation == "=" and all(
        isinstance(side, sp.Basic) and not side.has(*_KINKED) and not any(
            not power.exp.is_integer for power in side.atoms(sp.Pow))
        for side in sides)


def _indexed_bases(step: PlannedStep) -> list:
    found = set()
    for side in (step.lhs, step.rhs):
        found |= {indexed.base for indexed in side.atoms(sp.Indexed)}
    return sorted(found, key=str)


def _onehot_cases(step: PlannedStep, onehot: list) -> list[tuple[str, dict]]:
    """For ``assume t onehot N``: the N cases t = e_k, as substitutions of t_m and t[j]."""
    cases = []
    symbols = step.lhs.free_symbols | step.rhs.free_symbols
    for name, size in onehot:
        entries = {sp.Symbol(f"{name}_{m}"): m for m in range(1, size + 1)}
        present = [s for s in symbols if s in entries] + [
            s for s in symbols if isinstance(s, sp.Indexed) and str(s.base) == name
        ]
        if not present:
            continue
        for k in range(1, size + 1):
            mapping = {symbol: sp.Integer(int(m == k)) for symbol, m in entries.items()}
            mapping.update({s: sp.KroneckerDelta(s.indices[0], k)
                            for s in symbols if isinstance(s, sp.Indexed) and str(s.base) == name})
            cases.append((f"{name} = e_{k}", mapping))  # fmt: skip
    return cases


def _simplex_entries(expr: sp.Basic, names: set) -> sp.Basic:
    """Sums with numeric bounds over a declared probability vector written out, and its
    entries ``y[m]`` named ``y_m``, so that the checker sees the whole vector."""
    expr = expr.replace(
        lambda node: isinstance(node, sp.Sum)
        and all(low.is_Integer and high.is_Integer for _, low, high in node.limits)
        and any(str(i.base) in names for i in node.atoms(sp.Indexed)),
        lambda node: node.doit(),
    )
    return expr.xreplace({
        entry: sp.Symbol(f"{entry.base}_{entry.indices[0]}")
        for entry in expr.atoms(sp.Indexed)
        if str(entry.base) in names and len(entry.indices) == 1 and entry.indices[0].is_Integer
    })  # fmt: skip


def variants_of(
    step: PlannedStep, seed: int, onehot: list = (), simplex: set = frozenset()
) -> list[tuple[str, sp.Basic, sp.Basic, str, str]]:
    """(variant, lhs, rhs, relation, description) to check for one step."""
    lhs, rhs, relation = step.lhs, step.rhs, step.relation
    cases = _onehot_cases(step, list(onehot))
    if simplex:
        lhs, rhs = (_simplex_entries(side, simplex) for side in (lhs, rhs))
    if cases:
        return [
            (f"onehot{k}", lhs.xreplace(mapping).doit(), rhs.xreplace(mapping).doit(), relation,
             f"one-hot case {description}")
            for k, (description, mapping) in enumerate(cases)
        ]  # fmt: skip
    if step.rounded_entries:
        # max_k |l_k − r_k|·10^{d_k} (symderive.notes.lists): ≤ ½ each entry rounded correctly
        return [("decimal", sp.Abs(lhs - rhs), sp.Rational(1, 2), "<=",
                 f"checked entry by entry ({len(step.rounded_entries)} entries), each to the "
                 "decimals written on it (|difference| ≤ half a unit of its last place)"),
                ("decimal-unit", sp.Abs(lhs - rhs), sp.Integer(1), "<=",
                 "every entry within one unit of its last written decimal")]  # fmt: skip
    if step.places is not None:
        # correctly rounded: within half a unit of the last place written; within one unit it
        # may be a truncation (undecided), beyond that it is wrong to the decimals written
        unit = sp.Integer(10) ** (-step.places)
        half = unit / 2
        precision = step.precision or f"{step.places} decimals"  # the words' (round 44 U11)
        if step.rounding_interval:  # not symmetric, or no truncation meant (round 49 AD01)
            return _rounding_in_interval(lhs, rhs, step.rounding_interval, precision)
        return [("decimal", sp.Abs(lhs - rhs), half, "<=",
                 f"checked to {precision} (|difference| ≤ {half})"),
                ("decimal-unit", sp.Abs(lhs - rhs), unit, "<=",
                 f"to within one unit of the last of {precision}")]  # fmt: skip
    if step.unknown:
        # first as written, with SymPy's undefined functions: a rewrite to exactly 0 proves the
        # rule for every function (the chain rule); otherwise the instances decide
        general = [("symbolic", lhs, rhs, relation, "every function (SymPy undefined functions)")]
        bound = bound_arguments(lhs) or bound_arguments(rhs)  # ∫₀¹ f(x)² dx: f varies with x
        far = "far-" if at_infinity(lhs) or at_infinity(rhs) else ""  # lim_{x→∞} f(x) e^{-x}
        if bound and not far and not linear_in_unknowns(lhs - rhs):
            far = "nl-"  # single-family instances decide only claims linear in f (9b C1)
        try:
            return general + [
                (f"{far}{'bound-' if bound else ''}instance{k}", instance.apply(lhs),
                 instance.apply(rhs), relation, instance.describe())
                for k, instance in enumerate(instances(dict(step.unknown), seed,
                                                       integrable=bound))
            ]  # fmt: skip
        except (TypeError, ValueError, AttributeError):
            return general  # SymPy could not substitute an instance: the general check alone
    plain = [("plain", lhs, rhs, relation, "")]
    if step.general is not None and step.general != (lhs, rhs):
        general_lhs, general_rhs = step.general
        plain.append(("general", general_lhs, general_rhs, relation, "without example values"))
    return plain


def _rounding_in_interval(lhs, rhs, interval: tuple, precision: str) -> list:
    """The decimal variants of a rounding whose lhs − rhs must lie in [lo, hi] (correct) or
    [unit lo, unit hi] (perhaps a truncation: undecided)."""
    (low, high), (unit_low, unit_high) = interval
    return [("decimal", sp.Abs(lhs - rhs - (low + high) / 2), (high - low) / 2, "<=",
             f"checked to {precision} (left − right side within {interval_text(low, high)})"),
            ("decimal-unit", sp.Abs(lhs - rhs - (unit_low + unit_high) / 2),
             (unit_high - unit_low) / 2, "<=",
             f"left − right side within {interval_text(unit_low, unit_high)} ({precision})")]  # fmt: skip


def alternative_round(plans, variants, outcomes, options) -> dict:
    """A refuted claim is checked again under the readings in :data:`ALTERNATIVES` that apply
    (random symbols independent; indexed vectors summing to 1): if it then holds, the verdict
    depends on a hypothesis the note states only in words, so it is *undecided*."""
    tasks = []
    for file_index, plan in enumerate(plans):
        if isinstance(plan, NoteFile):
            continue
        for equation_index, equation in enumerate(plan.equations):
            for step in equation.steps:
                key = (file_index, equation_index, step.index)
                chosen = variants.get(key)
                if not isinstance(chosen, list) or len(chosen) != 1 or chosen[0][0] != "plain":
                    continue
                if outcomes.get(key + ("plain",), Outcome("undecided")).verdict != "refuted":
                    continue
                applicable = []
                if len(equation.random) >= 2:
                    applicable.append("independent")
                if _indexed_bases(step):
                    applicable.append("simplex")
                if stated_vectors(plan, equation, step):
                    applicable.append("stated")
                if _identical(step) is not None:
                    random = equation.random or any(
                        side.has(E, Var) for side in (step.lhs, step.rhs))
                    applicable.append("identical" if random else "equal")
                if matrices.has_matrix_derivative(step.lhs) or matrices.has_matrix_derivative(
                    step.rhs
                ):
                    applicable.append("layout")
                if scale_symbols((step.lhs, step.rhs), plan.context.words):
                    applicable.append("scale")
                _, written_lhs, written_rhs, relation, _ = chosen[0]
                for alternative in applicable:
                    lhs, rhs = written_lhs, written_rhs
                    if alternative in ("identical", "equal"):
                        lhs, rhs = _identical(step)
                    if alternative == "layout":
                        lhs, rhs = matrices.other_layout(lhs), matrices.other_layout(rhs)
                    context = check_context(plan, equation, alternative, step)
                    tasks.append(Task(key + (alternative,), lhs, rhs, relation, context,
                                      options.seed + step.index))  # fmt: skip
    return run_tasks(tasks, options.budget_seconds, options.jobs) if tasks else {}


def _with_examples(key, outcomes, near: bool, changed: str = "") -> tuple[Outcome, str]:
    """A claim after example values: true for all values → that verdict; refuted at the
    example → refuted; true only at the example → its verdict when the example was given just
    before (the claim is about it), else undecided (the note may mean the general claim, or
    ``changed``: words after the value may have changed it)."""
    example, general = outcomes[key + ("plain",)], outcomes[key + ("general",)]
    if general.holds:
        return general, "holds for all values, not only the example values"
    if not near and not example.holds:  # the note may mean the general claim: judge that one
        return general, "judged for all values (the example values in force are not used)"
    if example.verdict == "refuted" or not example.holds:
        return example, ""
    if near:
        return example, "for the example values given just before"
    if changed:  # "Now change $x$ to $2$", "for **every** $x$" (round 18 F8, round 19)
        return Outcome("undecided", method=example.method, reason=(
            f"holds for the example values in force, but not for all values: say which is "
            f"meant ({changed})"
        )), ""  # fmt: skip
    return Outcome("undecided", method=example.method, reason=(
        "holds for the example values in force, but not for all values: say which is meant"
    )), ""  # fmt: skip


def _out_of_time(outcome: Outcome | None) -> bool:
    """Whether a check ended without a verdict of its own: its budget ran out (or its worker
    stopped), so what it would have said is unknown."""
    return outcome is not None and outcome.verdict == "undecided" and (
        outcome.reason.startswith(("time budget of", "the worker stopped", "checker error"))
        or outcome.reason == TIME_LIMIT_REACHED
    )


def combined(key, chosen, outcomes, near: bool = False, stated: str = "",
             changed: str = "") -> tuple[Outcome, str]:
    """One outcome for a step from its variants; the description of what was checked."""
    if [name for name, *_ in chosen] == ["plain", "general"]:
        return _with_examples(key, outcomes, near, changed)
    if [name for name, *_ in chosen] == ["decimal", "decimal-unit"]:
        rounded, unit = (outcomes[key + (name,)] for name, *_ in chosen)
        description = chosen[0][4]
        if rounded.holds:
            return replace(rounded, verdict="checked"), description  # a rounding, not an identity
        if rounded.verdict == "refuted" and unit.holds:
            return Outcome("undecided", method=rounded.method, reason=(
                "the written decimal is not the value correctly rounded, but agrees to within "
                "one unit of its last place (a truncation?): not checked")), description
        return rounded, description
    if len(chosen) == 1:
        name, _, _, _, description = chosen[0]
        outcome = outcomes[key + (name,)]
        words = stated
        stated = outcomes.get(key + ("stated",))
        if outcome.verdict == "refuted" and stated is not None and stated.holds:
            return replace(stated, verdict="checked", reason=(
                f"holds when {words or 'the vectors the note calls one-hot'} sum to 1, as the "
                "note says in words (one-hot / probability vector): checked on that simplex; "
                "it fails for other vectors")), description
        for alternative, why in ALTERNATIVES.items():
            other = outcomes.get(key + (alternative,))
            if outcome.verdict == "refuted" and other is not None and other.holds:
                return Outcome("undecided", method=outcome.method, reason=why), description
        if outcome.verdict == "refuted" and stated is not None and stated.verdict == "refuted" \
                and stated.counterexample is not None:  # fails on the simplex too: at a point
            return replace(stated, reason=(  # of it (not at n = 1, where every label agrees)
                f"refuted with {words or 'the vectors the note calls one-hot'} summing to 1, "
                "as the note says in words (one-hot / probability vector)")), description
        scale = outcomes.get(key + ("scale",))
        if outcome.verdict == "refuted" and scale is not None and scale.verdict == "refuted":
            return scale, description  # it fails at a positive σ too: that counterexample
        unsettled = [alternative for alternative in ("stated", *ALTERNATIVES)
                     if _out_of_time(outcomes.get(key + (alternative,)))]  # fmt: skip
        if outcome.verdict == "refuted" and unsettled:  # a reading that may save it, unknown
            return Outcome("undecided", method=outcome.method, reason=(
                f"refuted as read, but the check under the reading '{unsettled[0]}' (a "
                "hypothesis the note may state in words) did not finish within its budget: "
                "not refuted")), description
        if name == "decimal" and outcome.verdict == "proved":
            outcome = replace(outcome, verdict="checked")  # a rounded value is not an identity
        return outcome, description
    if chosen[0][0] == "symbolic":
        general = outcomes.get(key + ("symbolic",))
        if general is not None and general.verdict == "proved" and not general.counterexample:
            return replace(general, reason=(
                "proved for every function: the difference is exactly 0 with the unknown "
                "functions kept as SymPy undefined functions")), ""  # fmt: skip
        chosen = chosen[1:]
    results = [(outcomes[key + (name,)], description) for name, *_, description in chosen]
    onehot = chosen[0][0].startswith("onehot")
    for outcome, description in results:
        if outcome.verdict == "refuted":
            where = description if onehot else f"the instance {description}"
            return outcome, f"refuted in {where}"
    if all(outcome.holds for outcome, _ in results):
        first = results[0][0]
        names = "; ".join(description for _, description in results)
        if onehot:
            verdict = "proved" if all(o.verdict == "proved" for o, _ in results) else "checked"
            return replace(first, verdict=verdict, method="one-hot cases",
                           reason=f"holds in each of the {len(results)} one-hot cases"
                           ), names  # fmt: skip
        if chosen[0][0].startswith("far-"):  # growth at infinity: not sampled (round 8c X5)
            return Outcome("undecided", method="instances", reason=(
                f"holds on {len(results)} instances of the unknown functions, but the claim "
                "takes a limit, integral or sum of a function the note never defines out to "
                "infinity, where its growth decides the claim and a few instances do not "
                "sample every growth: not checked")), f"instances: {names}"
        if chosen[0][0].startswith("nl-"):  # product of f's parts, integrated (round 9b C1)
            return Outcome("undecided", method="instances", reason=(
                f"holds on {len(results)} instances of the unknown functions, but the claim "
                "integrates a product of the unknown functions (it is not linear in them), and "
                "each instance comes from one family (a constant, a polynomial, an "
                "exponential): a claim of that kind can hold on every family and fail on their "
                "sum: not checked")), f"instances: {names}"
        if chosen[0][3] != "=":  # f(2) ≤ f(1) holds on a random instance half the time
            return Outcome("undecided", method="instances", reason=(
                f"holds on {len(results)} instances of the unknown functions, but an inequality "
                "about a function the note never defines is not settled by a few instances "
                "(a false one holds on each with a fair chance; only an identity that holds "
                "on them is rare unless true): not checked")), f"instances: {names}"
        return replace(first, verdict="checked", method="instances",
                       reason=f"holds on {len(results)} instances of the unknown functions"
                       ), f"instances: {names}"  # fmt: skip
    undecided = next(outcome for outcome, _ in results if not outcome.holds)
    return undecided, "instances: " + "; ".join(description for _, description in results)
