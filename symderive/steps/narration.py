"""A checked narration: the rule tree, every node's local verdict and the final comparison.

Each node of the tree claims ``d/dv expression = result``; the project's checker decides it
against the reference derivative (:meth:`Rule.check`), and then the narration's final result
against ``sympy.diff(expression, variable)`` under the kink convention
(:func:`symderive.functions.derivative`) — :func:`check_relation`, in a worker process under a
hard time budget. A narration that disagrees with SymPy is
never presented as correct: :attr:`Narration.agrees` is False and the CLI exits 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
import time
from dataclasses import dataclass

import sympy as sp

from symderive.report import Outcome
from symderive.steps.local import NodeCheck
from symderive.steps.narrate import narrate
from symderive.steps.real_domain import refuse_not_real_result, refuse_without_real_values
from symderive.steps.rules import ChainRule, FallbackRule, Rule

DEFAULT_BUDGET_SECONDS = 2.0
WALL_FACTOR = 4.0  # the node checks of one narration share 4 × the budget + 2 s of wall time
WALL_SLACK_SECONDS = 2.0


@dataclass(frozen=True)
class Narration:
    """``d/d(variable) expression``, narrated rule by rule and checked at every node."""

    expression: sp.Expr
    variable: sp.Symbol
    tree: Rule
    checks: tuple[NodeCheck, ...]  # one per node of ``tree.walk()``, in the same order
    reference: sp.Expr  # sympy.diff(expression, variable) under the kink convention
    final: Outcome  # tree.result compared with reference by the checker

    @property
    def result(self) -> sp.Expr:
        return self.tree.result

    @property
    def agrees(self) -> bool:
        """Every node's equality holds and the final result agrees with ``sympy.diff``."""
        return self.final.holds and all(check.holds for check in self.checks)

    @property
    def missing_rules(self) -> tuple[str, ...]:
        """What the fallback nodes name (rules the narrator does not have)."""
        return tuple(node.missing for _, node in self.tree.walk() if isinstance(node, FallbackRule))

    def walk(self) -> Iterator[tuple[int, Rule, NodeCheck]]:
        """(depth, node, its check) in reading order."""
        for (depth, node), check in zip(self.tree.walk(), self.checks):
            yield depth, node, check

    def as_dict(self) -> dict:
        """The JSON form; expressions are written in the plain syntax ``diff`` reads back, or
        in SymPy's printing where that syntax has no form (Piecewise, DiracDelta)."""
        from symderive.grammar.plain import to_plain as plain

        def to_plain(expression: sp.Expr) -> str:
            try:
                return plain(expression)
            except ValueError:  # no plain form: sign(x)' = 2·DiracDelta(x)
                return str(expression)

        checks = iter(self.checks)

        def node_dict(node: Rule) -> dict:
            check = next(checks)
            entry = {
                "rule": node.rule,
                "expression": to_plain(node.expression),
                "variable": str(node.variable),
                "result": to_plain(node.result),
                "description": node.describe(),
                "check": check.as_dict(),
            }
            if isinstance(node, ChainRule):
                entry["inner"] = {
                    "symbol": str(node.inner_symbol),
                    "expression": to_plain(node.inner),
                }
            if isinstance(node, FallbackRule):
                entry["missing"] = node.missing
            entry["substeps"] = [node_dict(substep) for substep in node.substeps]
            return entry

        return {
            "expression": to_plain(self.expression),
            "variable": str(self.variable),
            "result": to_plain(self.result),
            "sympy_diff": to_plain(self.reference),
            "agrees_with_sympy": self.agrees,
            "final_check": self.final.as_dict(),
            "missing_rules": list(self.missing_rules),
            "steps": [node_dict(self.tree)],
        }


def check_tree(
    expression: sp.Expr,
    variable: sp.Symbol,
    tree: Rule,
    *,
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
    seed: int = 0,
) -> Narration:
    """Check every node, then the final result against the reference derivative (the checker
    decides both, each under ``budget_seconds``)."""
    from symderive.check import check_relation
    from symderive.functions import derivative

    # the whole narration is bounded as one step is (4 × the budget + 2 s of wall time): the
    # nodes past that are not checked (round 14b F7: 99 nested sigmoids took 64 s)
    from symderive.errors import ParseError
    from symderive.grammar.build import time_limit

    allowance = WALL_FACTOR * budget_seconds + WALL_SLACK_SECONDS
    deadline = time.monotonic() + allowance
    spent = (f"not checked: the narration's time budget ({WALL_FACTOR:g} × {budget_seconds:g} s "
             f"+ {WALL_SLACK_SECONDS:g} s) was spent on the steps before")
    checks = []
    for _, node in tree.walk():
        left = deadline - time.monotonic()
        try:
            if left <= 0:
                raise ParseError(spent)
            with time_limit(left, source="diff", what="the check of this step"):
                checks.append(node.check(seed=seed, budget_seconds=budget_seconds))
        except ParseError:  # (SymPy's own derivative of a deep nest runs in this process)
            checks.append(NodeCheck("undecided", spent))
    checks = tuple(checks)
    try:
        with time_limit(allowance, source="diff", what="sympy.diff"):
            reference = derivative(expression, variable)
    except ParseError:
        return Narration(expression, variable, tree, checks, sp.Derivative(expression, variable),
                         Outcome("undecided", reason="sympy.diff of the expression did not finish "
                                 f"within {allowance:g} s of CPU time"))
    final = check_relation(tree.result, reference, "=", budget_seconds=budget_seconds, seed=seed)
    return Narration(expression, variable, tree, checks, reference, final)


def differentiate(
    expression: sp.Expr,
    variable: sp.Symbol,
    *,
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
    seed: int = 0,
    conditions: Iterable = (),
) -> Narration:
    """Narrate ``d/d(variable) expression`` and check it (the Python form of ``diff --steps``).

    ``conditions``: the natural domain the grammar recorded (:func:`parse_side`); a function
    with no real value there, or a derivative that is not real, raises :class:`NotReal`."""
    refuse_without_real_values(expression, variable, conditions)
    tree = narrate(expression, variable)
    refuse_not_real_result(expression, variable, (tree.result,))
    narration = check_tree(expression, variable, tree, budget_seconds=budget_seconds, seed=seed)
    refuse_not_real_result(expression, variable, (narration.reference,))
    return narration


def differentiate_partials(
    expression: sp.Expr,
    variables: Sequence[sp.Symbol],
    *,
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
    seed: int = 0,
) -> tuple[Narration, ...]:
    """One checked narration per variable: all partial derivatives of ``expression``."""
    return tuple(
        differentiate(expression, variable, budget_seconds=budget_seconds, seed=seed)
        for variable in variables
    )
