"""The local check of one narrated step: ``d/dv expression = result`` against ``sympy.diff``.

It runs in-process and stays cheap: SymPy's own derivative is computed, the difference is
rewritten to elementary form and tried with fast symbolic transforms (and ``simplify`` when the
difference is small); only when none reaches exactly 0 is it sampled numerically at 30 digits.
Soundness follows the project's vocabulary: *proved* means a symbolic difference of exactly 0,
*checked* means numeric agreement at every sampled point, *refuted* carries the point where the
two sides differ, *undecided* means no usable sample point was found.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from symderive.functions import to_elementary

DIGITS = 30
SIMPLIFY_MAX_OPS = 40  # simplify is only tried on small differences (it can run for minutes)
EXPAND_MAX_OPS = 400
SAMPLE_POINTS = 6
SAMPLE_ATTEMPTS = 40


@dataclass(frozen=True)
class NodeCheck:
    """The verdict on one narrated equality ``d/dv expression = result``."""

    verdict: str  # proved | checked | refuted | undecided
    method: str = ""
    counterexample: tuple[tuple[str, str], ...] = ()  # symbol values where the sides differ
    narrated_value: str = ""  # the narration's value at the counterexample
    reference_value: str = ""  # sympy.diff's value there

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


def local_check(
    expression: sp.Expr, variable: sp.Symbol, result: sp.Expr, *, seed: int = 0
) -> NodeCheck:
    """Compare a narrated derivative with ``sympy.diff(expression, variable)``."""
    reference = sp.diff(expression, variable)
    return compare(result, reference, seed=seed)


def compare(narrated: sp.Expr, reference: sp.Expr, *, seed: int = 0) -> NodeCheck:
    """Is ``narrated - reference`` identically 0? Symbolic first, then numeric sampling."""
    difference = to_elementary(narrated - reference)
    if difference == 0:
        return NodeCheck("proved", "identical to sympy.diff")
    operations = sp.count_ops(difference)
    transforms: list[tuple[str, Callable[[sp.Expr], sp.Expr]]] = []
    if operations <= EXPAND_MAX_OPS:
        transforms += [
            ("expand", sp.expand),
            ("cancel", lambda e: sp.cancel(sp.together(e))),
            ("expand exp/log", lambda e: sp.expand(sp.powsimp(sp.expand_log(e, force=True)))),
        ]
    if operations <= SIMPLIFY_MAX_OPS:
        transforms.append(("simplify", sp.simplify))
        transforms.append(("piecewise branches", piecewise_branches))
    for name, transform in transforms:
        try:
            if transform(difference) == 0:
                return NodeCheck("proved", name)
        except (TypeError, ValueError, NotImplementedError, RecursionError):
            continue
    return sample(narrated, reference, seed=seed)


def piecewise_branches(difference: sp.Expr) -> sp.Expr:
    """0 when the difference, as one Piecewise, simplifies to 0 on every branch (sound: each
    point of the domain falls in some branch); otherwise the folded Piecewise itself."""
    folded = sp.piecewise_exclusive(sp.piecewise_fold(difference.rewrite(sp.Piecewise)))
    if isinstance(folded, sp.Piecewise) and all(
        sp.simplify(branch) == 0 for branch, _ in folded.args
    ):
        return sp.S.Zero
    return folded


def sample(narrated: sp.Expr, reference: sp.Expr, *, seed: int = 0) -> NodeCheck:
    """Evaluate both sides at random real points (30 digits); a clear difference refutes."""
    narrated_elementary = to_elementary(narrated)
    reference_elementary = to_elementary(reference)
    symbols = sorted(
        narrated_elementary.free_symbols | reference_elementary.free_symbols,
        key=sp.default_sort_key,
    )
    rng = random.Random(seed)
    agreeing = 0
    for _ in range(SAMPLE_ATTEMPTS):
        point = {
            symbol: sp.Rational(rng.randint(-2000, 2000), 1000) or sp.Rational(1, 7)
            for symbol in symbols
        }
        narrated_value = evaluate(narrated_elementary, point)
        reference_value = evaluate(reference_elementary, point)
        if narrated_value is None or reference_value is None:
            continue
        scale = max(1, abs(narrated_value), abs(reference_value))
        if abs(narrated_value - reference_value) > sp.Float(10) ** (-(DIGITS - 8)) * scale:
            return NodeCheck(
                "refuted",
                "numeric",
                counterexample=tuple((str(s), str(v)) for s, v in point.items()),
                narrated_value=sp.sstr(sp.N(narrated_value, 15)),
                reference_value=sp.sstr(sp.N(reference_value, 15)),
            )
        agreeing += 1
        if agreeing == SAMPLE_POINTS:
            return NodeCheck("checked", f"numeric at {agreeing} points, {DIGITS} digits")
    if agreeing:
        return NodeCheck("checked", f"numeric at {agreeing} points, {DIGITS} digits")
    return NodeCheck("undecided", "no sample point where both sides are defined")


def evaluate(expr: sp.Expr, point: dict) -> sp.Expr | None:
    """A 30-digit value of ``expr`` at ``point``, or None where it is undefined or not a number."""
    try:
        value = expr.xreplace(point).evalf(DIGITS)
    except (TypeError, ValueError, ZeroDivisionError, ArithmeticError):
        return None
    if not value.is_number or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return None
    if value.free_symbols:
        return None
    return value
