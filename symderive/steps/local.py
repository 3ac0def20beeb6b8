"""The local check of one narrated step: ``d/dv expression = result``, decided by the checker.

The reference is the derivative under the project's kink convention
(:func:`symderive.functions.derivative`: ``sympy.diff``, except that a tie of ``max``/``min``
goes to the first argument, as the ops table says). The equality is decided by the project's
checker (:func:`symderive.check.check_relation`) in a worker process under a hard time budget,
so a narrated step is *proved*, *checked*, *refuted* or *undecided* exactly as a catalog step
would be — there is no second, weaker checker.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from symderive.functions import derivative
from symderive.report import Outcome

DEFAULT_NODE_BUDGET_SECONDS = 2.0


@dataclass(frozen=True)
class NodeCheck:
    """The verdict on one narrated equality ``d/dv expression = result``."""

    verdict: str  # proved | checked | refuted | undecided
    method: str = ""
    counterexample: tuple[tuple[str, str], ...] = ()  # symbol values where the sides differ
    narrated_value: str = ""  # the narration's value at the counterexample
    reference_value: str = ""  # the reference derivative's value there

    @classmethod
    def of(cls, outcome: Outcome) -> NodeCheck:
        """The checker's outcome on ``narrated = reference``, in the narration's terms."""
        counterexample = outcome.counterexample
        method = outcome.method or outcome.reason
        if counterexample is None:
            return cls(outcome.verdict, method)
        return cls(
            outcome.verdict,
            method,
            counterexample.values,
            counterexample.lhs_value,
            counterexample.rhs_value,
        )

    @property
    def holds(self) -> bool:
        return self.verdict in ("proved", "checked")

    def as_dict(self) -> dict:
        result = {"verdict": self.verdict, "method": self.method}
        if self.counterexample:
            result["counterexample"] = dict(self.counterexample)
            result["narrated_value"] = self.narrated_value
            result["reference_value"] = self.reference_value
        return result


def compare(
    narrated: sp.Basic,
    reference: sp.Basic,
    *,
    seed: int = 0,
    budget_seconds: float = DEFAULT_NODE_BUDGET_SECONDS,
) -> NodeCheck:
    """Is ``narrated = reference``? Decided by :func:`symderive.check.check_relation`."""
    from symderive.check import check_relation

    return NodeCheck.of(
        check_relation(narrated, reference, "=", budget_seconds=budget_seconds, seed=seed)
    )


def local_check(
    expression: sp.Expr,
    variable: sp.Symbol,
    result: sp.Expr,
    *,
    seed: int = 0,
    budget_seconds: float = DEFAULT_NODE_BUDGET_SECONDS,
) -> NodeCheck:
    """Compare a narrated derivative with the reference derivative of ``expression``."""
    reference = derivative(expression, variable)
    if sp.sympify(result - reference) == 0:  # the same expression: nothing to decide
        return NodeCheck("proved", "identical to the reference derivative")
    return compare(result, reference, seed=seed, budget_seconds=budget_seconds)
