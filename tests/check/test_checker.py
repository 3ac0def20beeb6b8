"""The checker on true and false identities, including SymPy's known traps."""

import time

import mpmath
import pytest
import sympy as sp

from symderive.check import check_relation
from symderive.expectation import E, Var
from symderive.functions import relu, sigmoid
from symderive.matrixcalc import Grad, Jacobian
from symderive.model import POSITIVE, Domain

x, y, a, b = sp.symbols("x y a b", real=True)


def sides_disagree_at(lhs, rhs, counterexample) -> bool:
    """Substitute the counterexample back, independently of the checker, with mpmath."""
    values = {
        sp.Symbol(name, real=True): sp.Rational(value)
        for name, value in counterexample.values
        if "/" in value or value.lstrip("-").isdigit()
    }
    mpmath.mp.dps = 40
    left = complex(sp.N(lhs.doit().subs(values), 40))
    right = complex(sp.N(rhs.doit().subs(values), 40))
    return abs(left - right) > 1e-12


def test_sigmoid_derivative_is_sigma_times_one_minus_sigma_proved():
    outcome = check_relation(sp.Derivative(sigmoid(x), x), sigmoid(x) * (1 - sigmoid(x)))
    assert outcome.verdict == "proved"


def test_dropped_square_in_sigmoid_derivative_is_refuted_with_a_real_counterexample():
    lhs, rhs = sp.Derivative(sigmoid(x), x), sp.exp(-x) / (1 + sp.exp(-x))
    outcome = check_relation(lhs, rhs)
    assert outcome.verdict == "refuted"
    assert sides_disagree_at(lhs.doit().rewrite(sp.exp), rhs, outcome.counterexample)


def test_log_of_product_splits_for_positive_symbols():
    p, q = sp.symbols("p q", positive=True)
    assert check_relation(sp.log(p * q), sp.log(p) + sp.log(q)).verdict == "proved"


def test_log_of_product_does_not_split_over_the_reals():
    outcome = check_relation(sp.log(a * b), sp.log(a) + sp.log(b))
    assert outcome.verdict == "refuted"
    values = dict(outcome.counterexample.values)
    assert sp.Rational(values["a"]) < 0 and sp.Rational(values["b"]) < 0


def test_domain_losing_cancellation_is_proved_with_the_excluded_point():
    outcome = check_relation((x**2 - 1) / (x - 1), x + 1)
    assert outcome.verdict == "proved"
    assert "x = 1" in outcome.excluded


def test_minus_x_is_not_zero():
    outcome = check_relation(-x, 0)
    assert outcome.verdict == "refuted"
    assert outcome.counterexample.lhs_value != outcome.counterexample.rhs_value


def test_relu_derivative_matches_the_shared_kink_convention_not_heaviside_half():
    assert check_relation(sp.Derivative(relu(x), x), sp.Heaviside(x, 0)).verdict == "proved"
    # SymPy's Heaviside(x) has H(0) = 1/2, which no documented rule gives
    # (docs/conventions.md): it is never proved equal to relu', and no verdict rests on x = 0
    at_zero = check_relation(sp.Derivative(relu(x), x), sp.Heaviside(x))
    assert at_zero.verdict != "proved"
    if at_zero.verdict == "refuted":
        assert dict(at_zero.counterexample.values)["x"] != "0"


def test_max_is_not_its_first_argument():
    assert check_relation(sp.Max(x, y), x).verdict == "refuted"


def test_matrix_gradient_is_checked_entrywise_on_explicit_matrices():
    W = sp.MatrixSymbol("W", 2, 3)
    v = sp.MatrixSymbol("v", 3, 1)
    f = (W * v).T * (W * v)
    assert check_relation(Grad(f, v), 2 * W.T * W * v).verdict == "proved"
    assert check_relation(Grad(f, W), 2 * W * v * v.T).verdict == "proved"
    assert check_relation(Grad(f, W), 2 * W.T).verdict == "refuted"  # wrong shape


def test_jacobian_of_wx_is_w_in_numerator_layout_not_its_transpose():
    W = sp.MatrixSymbol("W", 3, 3)
    v = sp.MatrixSymbol("v", 3, 1)
    assert check_relation(Jacobian(W * v, v), W).verdict == "proved"
    assert check_relation(Jacobian(W * v, v), W.T).verdict == "refuted"


def test_softmax_sums_to_one_for_general_n():
    n = sp.Symbol("n", integer=True, positive=True)
    i = sp.Symbol("i", integer=True)
    o = sp.IndexedBase("o")
    total = sp.Sum(sp.exp(o[i]) / sp.Sum(sp.exp(o[i]), (i, 1, n)), (i, 1, n))
    outcome = check_relation(total, 1, domains={n: Domain("size")})
    assert outcome.holds
    assert outcome.excluded == ()


def test_bias_variance_decomposition_holds_and_the_circular_version_does_not():
    f = sp.Symbol("f", real=True)
    yhat, eps = sp.symbols("yhat epsilon")
    domains = {yhat: Domain("random"), eps: Domain("random", centered=True)}
    error = E((f + eps - yhat) ** 2)
    right = Var(eps) + Var(yhat) + (E(yhat) - f) ** 2
    circular = Var(eps) + Var(yhat) + E((f + eps - yhat) ** 2)
    kwargs = dict(domains=domains, independent=((yhat, eps),))
    assert check_relation(error, right, **kwargs).verdict == "proved"
    assert check_relation(error, circular, **kwargs).verdict == "refuted"


def test_expectation_of_a_product_factors_only_under_independence():
    X, Y = sp.symbols("X Y")
    domains = {X: Domain("random"), Y: Domain("random")}
    assert check_relation(E(X * Y), E(X) * E(Y), domains=domains).verdict == "refuted"
    independent = check_relation(E(X * Y), E(X) * E(Y), domains=domains, independent=((X, Y),))
    assert independent.verdict == "proved"


def test_inequalities_are_checked_or_refuted_never_proved_by_sampling():
    p = sp.Symbol("p", positive=True)
    assert check_relation(sp.log(p), p - 1, "<=").verdict == "checked"
    assert check_relation(sp.log(p), p - 1, ">").verdict == "refuted"


def test_not_equal_needs_a_witness():
    assert check_relation(x**2, x, "!=").verdict == "checked"
    assert check_relation((x + 1) ** 2, x**2 + 2 * x + 1, "!=").verdict == "refuted"


def test_probability_domain_stays_inside_the_open_unit_interval():
    p = sp.Symbol("p", real=True)
    outcome = check_relation(
        sp.log(p * (1 - p)), sp.log(p) + sp.log(1 - p), domains={p: Domain("probability")}
    )
    assert outcome.holds


def test_time_budget_is_enforced_and_reported_as_undecided_or_checked():
    n = sp.Symbol("n", integer=True, positive=True)
    i = sp.Symbol("i", integer=True)
    o = sp.IndexedBase("o")
    hard = sp.Sum(sp.log(1 + sp.exp(o[i])) ** 3, (i, 1, n)) ** 4
    started = time.monotonic()
    outcome = check_relation(
        sp.expand(hard) + sp.cos(x) ** 2,
        hard + 1 - sp.sin(x) ** 2,
        domains={n: Domain("size")},
        budget_seconds=0.2,
    )
    assert time.monotonic() - started < 0.2 * 4 + 2 + 1  # the wall-clock cap, plus start-up
    assert outcome.verdict in ("undecided", "checked", "proved")


@pytest.mark.parametrize("budget", [0, -1])
def test_a_budget_must_be_positive(budget):
    with pytest.raises(ValueError):
        check_relation(x, x, budget_seconds=budget)


def test_proved_needs_positive_symbols_not_floats():
    # 0.1 + 0.2 - 0.3 is not exactly zero in binary floating point: never 'proved'
    outcome = check_relation(sp.Float(0.1) + sp.Float(0.2), sp.Float(0.3))
    assert outcome.verdict != "proved"


_ = POSITIVE


def test_a_given_is_used_and_the_outcome_says_so():
    t1, t2, t3 = sp.symbols("t1 t2 t3", positive=True)
    outcome = check_relation(t1 + t2 + t3, 1, givens=(sp.Eq(t3, 1 - t1 - t2),))
    assert outcome.verdict == "proved"
    assert outcome.used_givens == ("t3 = -t1 - t2 + 1",)
    assert check_relation(t1 + t2 + t3, 1).verdict == "refuted"


def test_variance_is_the_expected_squared_deviation():
    X = sp.Symbol("X")
    domains = {X: Domain("random")}
    assert check_relation(E((X - E(X)) ** 2), Var(X), domains=domains).verdict == "proved"
    assert check_relation(E((X - E(X)) ** 2), E(X**2), domains=domains).verdict == "refuted"


def test_domains_become_assumptions_in_the_symbolic_attempts():
    q = sp.Symbol("q", real=True)
    outcome = check_relation(
        sp.log(2 * q), sp.log(2) + sp.log(q), domains={q: Domain("probability")}
    )
    assert outcome.verdict == "proved"


def test_kink_points_stay_inside_the_domain():
    t = sp.Symbol("t", real=True)
    assert check_relation(sp.sign(t), 1, domains={t: Domain("probability")}).holds


def test_matrices_of_symbolic_size_are_checked_at_instantiated_sizes():
    n = sp.Symbol("n", integer=True, positive=True)
    W = sp.MatrixSymbol("W", n, n)
    v = sp.MatrixSymbol("v", n, 1)
    domains = {n: Domain("size")}
    holds = check_relation((W * v).T * (W * v), v.T * W.T * W * v, domains=domains)
    assert holds.verdict == "checked" and holds.sizes
    assert check_relation((W * v).T * (W * v), v.T * W * W * v, domains=domains).verdict == (
        "refuted"
    )
