"""Refuting a claim that contains opaque quantities, by a pair of laws they cannot tell apart.

An *opaque quantity* is written in a claim but never given a value: the bias of an estimator
(``Bias(ŷ) = 𝔼[ŷ] − target``, the target unwritten) or a constant of the data that the prose
names (σ, "the variance of the original data"). What is known is what each may depend on: the
target does not depend on the estimator, so Bias(ŷ) depends on the law of ŷ only through 𝔼[ŷ];
σ depends only on the law of the data, not on the estimator at all.

So take a finite law A of the random symbols and the law B = A with independent noise
ξ = ±1 (probability 1/2 each) added to the estimator x. A and B agree on everything the opaque
quantities may depend on (the law of every other symbol, and 𝔼[x]). Replace each opaque
quantity by one fresh symbol shared by A and B and compute D = lhs − rhs exactly in both. If
D_A − D_B is a nonzero rational number (the fresh symbols cancel exactly), then D_A and D_B are
never both zero: whatever values the opaque quantities take, the claim fails in A or in B —
refuted, and the pair of laws is the counterexample. Anything else (the symbols do not cancel,
or D_A = D_B) decides nothing: the caller reports the step undecided, never proved or checked.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import sympy as sp

from symderive.check.finite import FiniteModel, draw_model
from symderive.expectation import Bias
from symderive.report import Counterexample, Outcome

MODELS = 2  # laws A tried (an accidental D_A = D_B on one law is not a verdict)


@dataclass(frozen=True)
class Opaque:
    """An opaque quantity as written (``Bias(\\hat{y})``, ``sigma``) and why a pair of laws
    that differ only by noise on the estimator leaves it unchanged."""

    written: sp.Basic
    invariance: str


@dataclass(frozen=True)
class PairEvaluation:
    """D = lhs − rhs at outcome 0 of law A and at its first half (ξ = +1) in law B."""

    lhs_a: sp.Basic
    rhs_a: sp.Basic
    lhs_b: sp.Basic
    rhs_b: sp.Basic

    @property
    def d_a(self) -> sp.Basic:
        return sp.expand(self.lhs_a - self.rhs_a)

    @property
    def d_b(self) -> sp.Basic:
        return sp.expand(self.lhs_b - self.rhs_b)

    @property
    def separation(self) -> sp.Basic:
        return sp.expand(self.d_a - self.d_b)


def fresh_symbols(opaque: tuple[Opaque, ...]) -> dict:
    """One fresh symbol per opaque quantity, named as it is written (shared by both laws)."""
    return {
        item.written: item.written if isinstance(item.written, sp.Symbol)
        else sp.Symbol(sp.sstr(item.written), real=True)
        for item in opaque
    }


def evaluate_pair(lhs, rhs, law_a: FiniteModel, law_b: FiniteModel) -> PairEvaluation:
    """Both sides, each evaluated on its own, in both laws (opaque quantities already fresh
    symbols): outcome 0 of A, and outcome 0 of B (A's outcome 0 with ξ = +1)."""
    return PairEvaluation(
        sp.expand(law_a.at(lhs, 0)), sp.expand(law_a.at(rhs, 0)),
        sp.expand(law_b.at(lhs, 0)), sp.expand(law_b.at(rhs, 0)),
    )  # fmt: skip


def separates(evaluation: PairEvaluation) -> bool:
    """D_A − D_B is an exact nonzero rational: the claim fails in A or in B."""
    separation = evaluation.separation
    return bool(separation.is_Rational and separation != 0)


def invariance_refutation(
    lhs: sp.Basic,
    rhs: sp.Basic,
    estimator: sp.Symbol,
    opaque: tuple[Opaque, ...],
    space_of: dict,
    centered: set,
    rng: random.Random,
) -> Outcome | None:
    """The refutation of ``lhs = rhs`` by a pair of laws (module docstring), or None.

    ``space_of`` gives each random symbol its independence space (symderive.expectation);
    ``estimator`` is the random symbol the noise is added to."""
    if estimator not in space_of:
        return None
    fresh = fresh_symbols(opaque)
    left, right = lhs.xreplace(fresh), rhs.xreplace(fresh)
    if left.has(Bias) or right.has(Bias):  # an opaque quantity left unnamed: nothing to say
        return None
    for _ in range(MODELS):
        law_a = draw_model(space_of, centered, rng)
        law_b = law_a.with_noise(estimator)
        evaluation = evaluate_pair(left, right, law_a, law_b)
        if not separates(evaluation):
            continue
        # substituted back by another route: the difference as one expression, in a law B
        # built afresh from A
        again = sp.expand(law_a.at(left - right, 0) - law_a.with_noise(estimator).at(
            left - right, 0))
        if again != evaluation.separation:
            return None  # does not reproduce: no verdict
        return _refuted(evaluation, law_a, estimator, opaque)
    return None


def _refuted(evaluation, law_a, estimator, opaque) -> Outcome:
    name = sp.sstr(estimator)
    names = ", ".join(sp.sstr(item.written) for item in opaque)
    values = law_a.describe() + (
        ("outcome", "0"),
        ("law B", f"law A with {name} + ξ, ξ = ±1 with probability 1/2 each, independent of "
                  "everything (each outcome split in two); outcome 0 of B is outcome 0 of A "
                  "with ξ = +1"),  # fmt: skip
        ("opaque", f"{names}: one value each, the same in both laws"),
        ("D_A = lhs - rhs in law A", sp.sstr(evaluation.d_a)),
        ("D_B = lhs - rhs in law B", sp.sstr(evaluation.d_b)),
        ("D_A - D_B", sp.sstr(evaluation.separation)),
    )  # fmt: skip
    reason = (
        f"refuted by a pair of laws: {names} take the same values in law A and in law B "
        f"(which differ only by independent noise on {name}), yet lhs - rhs differs between "
        f"them by {sp.sstr(evaluation.separation)}: the claim fails in A or in B whatever "
        f"{names} are (relying on: " + "; ".join(item.invariance for item in opaque) + ")"
    )
    return Outcome(
        "refuted",
        method="exact-finite: invariance pair",
        counterexample=Counterexample(
            values,
            f"{sp.sstr(evaluation.lhs_a)} in law A, {sp.sstr(evaluation.lhs_b)} in law B",
            f"{sp.sstr(evaluation.rhs_a)} in law A, {sp.sstr(evaluation.rhs_b)} in law B",
        ),
        reason=reason,
    )
