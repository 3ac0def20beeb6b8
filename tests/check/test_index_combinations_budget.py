"""The every-index-value pass has a fixed size, not a share of the time budget: a verdict must
not depend on how fast the machine is (serial and parallel runs agree, tests/cli/test_parallel),
and the catalog's softmax gradient must still be checked within its 2 s."""

import sympy as sp

from symderive.check import check_relation, sampling
from symderive.model import Domain, index, simplex


def softmax_gradient_claim():
    # ∂/∂o_j of −Σ t_i log softmax(o)_i = softmax(o)_j − t_j
    n = sp.Symbol("n", integer=True, positive=True)
    i, j = sp.symbols("i j", integer=True)
    o, t = sp.IndexedBase("o"), sp.IndexedBase("t")
    partition = sp.Sum(sp.exp(o[i]), (i, 1, n))
    loss = -sp.Sum(t[i] * sp.log(sp.exp(o[i]) / partition), (i, 1, n))
    domains = {n: Domain("size"), j: index(1, n), t: simplex("t")}
    return sp.Derivative(loss, o[j]), sp.exp(o[j]) / partition - t[j], domains


def test_the_softmax_gradient_is_checked_within_the_catalogs_budget():
    lhs, rhs, domains = softmax_gradient_claim()
    outcome = check_relation(lhs, rhs, domains=domains, budget_seconds=2)
    assert outcome.verdict in ("checked", "proved") and outcome.sizes, outcome.reason
    if outcome.verdict == "checked":
        assert "every combination of the values of j evaluated at (n) = 1, 2, 3, 4, 5" in outcome.reason
        assert f"the claim's {sampling.COSTLY_INDEX_COMBINATIONS} combinations spent" in outcome.reason


def test_a_wrong_softmax_gradient_is_refuted_at_an_instantiated_size():
    lhs, rhs, domains = softmax_gradient_claim()
    wrong = rhs + 2 * sp.IndexedBase("t")[sp.Symbol("j", integer=True)]  # + t_j, not − t_j
    outcome = check_relation(lhs, wrong, domains=domains, budget_seconds=3)
    assert outcome.verdict == "refuted"


def test_the_same_claim_gets_the_same_coverage_every_time():
    lhs, rhs, domains = softmax_gradient_claim()
    # a budget with room: the numeric checks of this claim take most of 2 s CPU, and a run that
    # times out says nothing about the coverage the test compares
    first, second = (check_relation(lhs, rhs, domains=domains, budget_seconds=6, seed=5)
                     for _ in range(2))
    coverage = [outcome.reason.split("; symbolic attempts")[0] for outcome in (first, second)]
    assert coverage[0] == coverage[1]
