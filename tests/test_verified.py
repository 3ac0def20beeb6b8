"""The verified functions: accurate to a few ULPs against mpmath, stable, dtype- and batch-aware."""

from __future__ import annotations

import re
import warnings

import mpmath
import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from symderive import verified
from symderive.crossval import ULP_FUNCTIONS, ulp_bound, ulp_errors, worst_ulp
from symderive.gradcheck import gradcheck
from symderive.ops import ELEMENTWISE, rule
from symderive.ops.definitions import X


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name", ULP_FUNCTIONS)
def test_worst_error_is_a_few_ulps_over_the_whole_float_range(name, dtype):
    report = worst_ulp(name, dtype, count=300, seed=11)
    assert report.finite
    assert report.worst_ulp <= ulp_bound(name), report


@pytest.mark.parametrize("name", sorted(verified.VERIFIED))
def test_every_verified_function_names_its_catalog_derivation(name):
    function = verified.VERIFIED[name]
    assert function.proven_by
    assert any(f"'{identifier}'" in function.__doc__ for identifier in function.proven_by)


def naive_softmax_cross_entropy(logits, labels):
    probabilities = np.exp(logits) / np.sum(np.exp(logits), axis=1, keepdims=True)
    loss = -np.mean(np.log(probabilities[np.arange(len(labels)), labels]))
    gradient = probabilities.copy()
    gradient[np.arange(len(labels)), labels] -= 1
    return loss, gradient / len(labels)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_softmax_cross_entropy_is_stable_where_the_naive_formula_overflows(dtype):
    rng = np.random.default_rng(0)
    logits = (rng.standard_normal((8, 5)) * 1e4).astype(dtype)
    labels = rng.integers(0, 5, 8)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss, gradient = verified.softmax_cross_entropy(logits, labels)
    assert np.isfinite(loss) and np.all(np.isfinite(gradient))
    assert loss.dtype == dtype and gradient.dtype == dtype
    with np.errstate(all="ignore"):
        naive_loss, _ = naive_softmax_cross_entropy(logits.astype(np.float64), labels)
    assert not np.isfinite(naive_loss)
    # where the naive formula is fine, both agree
    small = rng.standard_normal((8, 5))
    np.testing.assert_allclose(
        verified.softmax_cross_entropy(small, labels)[1],
        naive_softmax_cross_entropy(small, labels)[1],
        rtol=1e-12,
        atol=1e-15,
    )


def test_soft_targets_give_softmax_minus_target():
    rng = np.random.default_rng(1)
    logits = rng.standard_normal((4, 3))
    targets = rng.dirichlet(np.ones(3), 4)
    _, gradient = verified.softmax_cross_entropy(logits, targets)
    probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(gradient, (probabilities - targets) / 4, rtol=1e-12, atol=1e-15)


def test_batch_dimensions_are_averaged_over():
    rng = np.random.default_rng(2)
    logits = rng.standard_normal((2, 3, 4))
    labels = rng.integers(0, 4, (2, 3))
    loss, gradient = verified.softmax_cross_entropy(logits, labels)
    flat_loss, flat_gradient = verified.softmax_cross_entropy(logits.reshape(6, 4), labels.ravel())
    assert loss == pytest.approx(flat_loss, rel=1e-14)
    np.testing.assert_allclose(gradient.reshape(6, 4), flat_gradient, rtol=1e-14)


_P, _T, _Z = sp.symbols("p t z", real=True)
_BCE = -(_T * sp.log(_P) + (1 - _T) * sp.log(1 - _P))
_BCE_OF_LOGIT = _BCE.subs(_P, 1 / (1 + sp.exp(-_Z)))


def _one_sided_limit(expression, symbol, end, values: dict) -> float:
    """SymPy's limit of ``expression`` at ``end`` (from inside [0, 1] or at ±∞)."""
    direction = "+" if end == 0 else "-"
    return float(sp.limit(expression.subs(values), symbol, end, direction))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_binary_cross_entropy_at_probabilities_zero_and_one_gives_the_limits(dtype):
    """No clipping: every entry is the limit of the term and of its derivative as p → 0⁺ or 1⁻
    (0·log 0 = 0 for a target that puts no weight there; +∞ and ∓∞ for a certain wrong one)."""
    p = np.array([0.0, 1.0, 0.0, 1.0], dtype=dtype)
    t = np.array([0.0, 1.0, 1.0, 0.0], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss, gradient = verified.binary_cross_entropy(p, t)
        right_loss, right_gradient = verified.binary_cross_entropy(p[:2], t[:2])
    limits = [
        (
            _one_sided_limit(_BCE, _P, int(a), {_T: int(b)}),
            _one_sided_limit(_BCE.diff(_P), _P, int(a), {_T: int(b)}),
        )
        for a, b in zip(p, t)
    ]
    assert right_loss == dtype(np.mean([term for term, _ in limits[:2]])) == 0
    np.testing.assert_array_equal(right_gradient, [g / 2 for _, g in limits[:2]])
    assert loss == np.inf and loss.dtype == dtype and gradient.dtype == dtype
    np.testing.assert_array_equal(gradient, [g / 4 for _, g in limits])


def test_binary_cross_entropy_of_a_subnormal_probability_is_its_value():
    """p = 1e−310 is not clipped to the smallest normal number: the loss is −log p (mpmath);
    the derivative −1/p overflows the float range, so it rounds to −∞."""
    p, t = np.array([1e-310, 0.25]), np.array([1.0, 0.5])
    loss, gradient = verified.binary_cross_entropy(p, t)
    with mpmath.workdps(50):
        terms = [
            -(b * mpmath.log(mpmath.mpf(a)) + (1 - b) * mpmath.log(1 - mpmath.mpf(a)))
            for a, b in zip(p, t)
        ]
        exact_gradient = (mpmath.mpf(p[0]) - 1) / (mpmath.mpf(p[0]) * (1 - mpmath.mpf(p[0]))) / 2
    assert loss == pytest.approx(float(sum(terms) / 2), rel=4 * np.finfo(np.float64).eps)
    assert abs(exact_gradient) > np.finfo(np.float64).max and gradient[0] == -np.inf


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_binary_cross_entropy_with_infinite_logits_gives_the_limits(dtype):
    z = np.array([np.inf, np.inf, np.inf, -np.inf, -np.inf, -np.inf, -1e4, 1e4], dtype=dtype)
    t = np.array([0.0, 1.0, 0.5, 0.0, 1.0, 0.5, 1.0, 0.0], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        terms = [
            verified.binary_cross_entropy_with_logits(z[i : i + 1], t[i : i + 1]) for i in range(8)
        ]
    for (loss, gradient), a, b in zip(terms, z, t):
        target = sp.Rational(str(b))
        if np.isinf(a):
            end = sp.oo if a > 0 else -sp.oo
            assert loss == _one_sided_limit(_BCE_OF_LOGIT, _Z, end, {_T: target}), (a, b)
            assert gradient[0] == dtype(
                _one_sided_limit(_BCE_OF_LOGIT.diff(_Z), _Z, end, {_T: target})
            )
        else:  # ±1e4 on the wrong side: a large, finite loss |z|
            assert loss == dtype(abs(a)) and np.isfinite(gradient[0])
        assert loss.dtype == dtype


def test_kl_divergence_of_a_zero_model_probability_is_infinite():
    """p > 0 = q: KL = +∞ and ∂KL/∂q = −∞ (the limits); p = 0 = q contributes 0 with slope 0."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss, gradient = verified.kl_divergence(
            np.array([0.5, 0.5, 0.0]), np.array([0.5, 0.0, 0.0])
        )
        zero, zero_gradient = verified.kl_divergence(np.array([0.0, 1.0]), np.array([0.0, 1.0]))
    assert loss == np.inf
    np.testing.assert_array_equal(gradient, [-1.0, -np.inf, 0.0])
    assert zero == 0
    np.testing.assert_array_equal(zero_gradient, [0.0, -1.0])


def test_affine_backward_matches_the_matrix_rules():
    rng = np.random.default_rng(3)
    x, w, b = rng.standard_normal((5, 4)), rng.standard_normal((4, 3)), rng.standard_normal(3)
    upstream = rng.standard_normal((5, 3))
    dx, dw, db = verified.affine_backward(upstream, x, w)
    np.testing.assert_allclose(dx, upstream @ w.T)
    np.testing.assert_allclose(dw, x.T @ upstream)
    np.testing.assert_allclose(db, upstream.sum(axis=0))
    assert verified.affine_forward(x, w, b).shape == (5, 3)


def test_kl_divergence_is_cross_entropy_minus_entropy():
    rng = np.random.default_rng(4)
    p, q = rng.dirichlet(np.ones(5), 3), rng.dirichlet(np.ones(5), 3)
    loss, _ = verified.kl_divergence(p, q)
    cross_entropy = -np.sum(p * np.log(q), axis=1)
    entropy = -np.sum(p * np.log(p), axis=1)
    assert loss == pytest.approx(np.mean(cross_entropy - entropy), rel=1e-12)


LOSS_INPUTS = {
    "softmax_cross_entropy": lambda rng, shape: (
        3 * rng.standard_normal(shape),
        rng.integers(0, shape[-1], shape[:-1]),
    ),
    "binary_cross_entropy": lambda rng, shape: (
        rng.uniform(0.05, 0.95, shape),
        rng.uniform(0, 1, shape),
    ),
    "binary_cross_entropy_with_logits": lambda rng, shape: (
        3 * rng.standard_normal(shape),
        rng.uniform(0, 1, shape),
    ),
    "mse": lambda rng, shape: (rng.standard_normal(shape), rng.standard_normal(shape)),
}


@settings(max_examples=30, deadline=None)
@given(
    name=st.sampled_from(sorted(LOSS_INPUTS)),
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple),
    dtype=st.sampled_from([np.float32, np.float64]),
    seed=st.integers(0, 10_000),
)
def test_loss_gradients_pass_gradcheck_for_any_batch_shape_and_dtype(name, shape, dtype, seed):
    rng = np.random.default_rng(seed)
    prediction, target = LOSS_INPUTS[name](rng, shape)
    prediction = prediction.astype(dtype)
    function = verified.VERIFIED[name]
    loss, gradient = function(prediction, target)
    assert loss.dtype == dtype and gradient.dtype == dtype and gradient.shape == shape
    result = gradcheck(
        lambda p: function(p, target)[0], [prediction], analytic=[gradient], mode="directional"
    )
    assert result.passed, result.message()


# -- the edges: NaN, ±inf, extremes, and arguments that mean nothing ---------------------------
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_one_nan_spoils_no_other_entry_and_infinities_give_the_limits(dtype):
    x = np.array([np.nan, -np.inf, -720.0, np.inf], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = verified.sigmoid(x)
    assert np.isnan(values[0]) and values[1] == 0 and values[3] == 1
    deep = float(mpmath.exp(-720)) if dtype == np.float64 else 0.0  # e^−720 underflows float32
    assert values[2] == dtype(deep)
    limits = {  # f(−∞), f(+∞) from the definitions, evaluated by SymPy
        name: tuple(
            float(sp.limit(expression, X, end))
            for end in (-sp.oo, sp.oo)
            for expression in [ELEMENTWISE[name.removesuffix("_grad")].elementary]
            for expression in [expression.diff(X) if name.endswith("_grad") else expression]
        )
        for name in ("sigmoid", "sigmoid_grad", "tanh", "tanh_grad")
    }
    for name, (low, high) in limits.items():
        values = verified.VERIFIED[name](x)
        assert np.isnan(values[0]) and (values[1], values[3]) == (low, high), name


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", [n for n, op in ELEMENTWISE.items() if op.verified])
def test_every_verified_op_has_a_forward_and_a_derivative_that_never_warn(name, dtype):
    x = np.array([-1e4, -100.0, -1.0, 0.0, 1.0, 100.0, 1e4], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for function in (verified.VERIFIED[name], verified.VERIFIED[f"{name}_grad"]):
            values = function(x)
            assert values.dtype == dtype and np.all(np.isfinite(values))
    params = (0.01,) if ELEMENTWISE[name].params else ()
    with mpmath.workdps(50):
        reference = [rule(name).forward_reference(mpmath.mpf(float(v)), *params) for v in x]
    assert np.max(ulp_errors(verified.VERIFIED[name](x), reference, dtype)) <= 1


def test_public_names_are_the_verified_functions():
    assert set(verified.__all__) == set(verified.VERIFIED) | {"VERIFIED", "InputError"}


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_cross_entropy_of_an_infinite_logit_is_its_exact_limit(dtype):
    logits = np.array([[np.inf, 0.0, 1.0], [np.inf, 0.0, 1.0], [-np.inf, 0.0, 0.0]], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        certain, certain_gradient = verified.softmax_cross_entropy(logits[:1], np.array([0]))
        wrong, wrong_gradient = verified.softmax_cross_entropy(logits[1:2], np.array([2]))
        _, excluded_gradient = verified.softmax_cross_entropy(logits[2:], np.array([1]))
    # all probability on the infinite logit: L = 0 when it is the label, +∞ otherwise
    assert certain == 0 and np.all(certain_gradient == 0)
    assert wrong == np.inf
    np.testing.assert_array_equal(wrong_gradient, [[1, 0, -1]])
    # a −∞ logit has probability 0 and the others split as softmax([0, 0]) = [1/2, 1/2]
    np.testing.assert_array_equal(excluded_gradient, [[0, -0.5, 0.5]])
    assert certain.dtype == dtype


def test_a_nan_row_gives_nan_for_that_row_only():
    logits = np.array([[np.nan, 0.0], [1.0, 2.0]])
    _, gradient = verified.softmax_cross_entropy(logits, np.array([0, 1]))
    assert np.all(np.isnan(gradient[0]))
    _, clean = verified.softmax_cross_entropy(logits[1:], np.array([1]))
    np.testing.assert_allclose(gradient[1], clean[0] / 2, rtol=1e-15)


@pytest.mark.parametrize(
    ("logits", "labels", "message"),
    [
        (np.zeros((0, 3)), np.zeros(0, dtype=int), "empty"),
        (np.zeros((2, 3)), np.array([-1, 0]), "label -1 at (0,) is outside 0 … 2"),
        (np.zeros((2, 3)), np.array([0, 3]), "label 3 at (1,) is outside 0 … 2"),
        (np.zeros((2, 3)), np.array([1.0, 0.0]), "float labels of shape (2,)"),
        (np.zeros((2, 3)), np.array([0, 1, 2]), "do not match logits of shape (2, 3)"),
    ],
)
def test_cross_entropy_refuses_what_means_nothing_with_a_typed_error(logits, labels, message):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(verified.InputError, match=re.escape(message)) as raised:
            verified.softmax_cross_entropy(logits, labels)
    assert raised.value.function == "softmax_cross_entropy"


@pytest.mark.parametrize(
    ("name", "prediction", "target", "message"),
    [
        ("mse", np.zeros((3, 1)), np.zeros(3), "shape (3,) differs from the prediction's (3, 1)"),
        ("binary_cross_entropy", np.array([1.5]), np.array([1.0]), "outside [0, 1]"),
        ("binary_cross_entropy", np.array([0.5]), np.array([2.0]), "outside [0, 1]"),
        ("binary_cross_entropy_with_logits", np.zeros(2), np.array([0.0, -1.0]), "outside [0, 1]"),
        ("mse", np.zeros(0), np.zeros(0), "empty"),
    ],
)
def test_losses_refuse_broadcasting_and_impossible_probabilities(name, prediction, target, message):
    with pytest.raises(verified.InputError, match=re.escape(message)):
        verified.VERIFIED[name](prediction, target)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_softmax_at_infinite_logits_gives_its_limits_row_by_row(dtype):
    logits = np.array(
        [[-np.inf, 0.3, -1.2], [np.inf, 0.0, np.inf], [-np.inf, -np.inf, -np.inf], [0.5, 1.0, 2.0]],
        dtype=dtype,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = verified.softmax(logits)
    assert result.dtype == dtype
    # a masked logit (−inf) has probability 0; the others are the softmax of the rest (mpmath)
    rest = [mpmath.e ** mpmath.mpf(float(v)) for v in (0.3, -1.2)]
    expected = [0.0] + [float(r / sum(rest)) for r in rest]
    np.testing.assert_allclose(result[0], expected, rtol=4 * np.finfo(dtype).eps)
    np.testing.assert_array_equal(result[1], [0.5, 0.0, 0.5])  # +inf entries share the mass
    assert np.isnan(result[2]).all()  # every logit −inf: no limit
    np.testing.assert_allclose(result[3], verified.softmax(logits[3:]).ravel())  # untouched


@pytest.mark.parametrize("name", list(LOSS_INPUTS)[1:])
def test_elementwise_losses_take_a_single_number(name):
    """A 0-d prediction is one entry: the same loss and gradient as a batch of one."""
    prediction, target = 0.3 if name == "binary_cross_entropy" else -1.7, 0.25
    loss, gradient = verified.VERIFIED[name](prediction, target)
    batch_loss, batch_gradient = verified.VERIFIED[name](np.array([prediction]), np.array([target]))
    assert loss == batch_loss and np.asarray(gradient).shape == ()
    assert float(gradient) == batch_gradient[0]


def _mp_log_softmax(row) -> list:
    """log softmax of the finite entries of ``row`` at 50 digits (mpmath), in order."""
    with mpmath.workdps(50):
        values = [mpmath.mpf(float(v)) for v in row]
        total = mpmath.fsum(mpmath.e**v for v in values)
        return [v - mpmath.log(total) for v in values]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_log_softmax_at_infinite_logits_gives_its_limits_row_by_row(dtype):
    """A masked (−inf) logit is −inf and the rest are the log softmax of the finite entries
    (mpmath, ≤ 2 ULP), also when one class dominates; k entries +inf share log(1/k) (the
    limit, computed with SymPy); a NaN row or a row of only −inf is NaN, and no other row is
    touched; nothing warns."""
    inf = np.inf
    logits = np.array(
        [
            [0.0, -inf, -inf],
            [-inf, 0.0, -10.0],
            [inf, 0.0, -3.0],
            [inf, inf, 0.0],
            [-inf, -inf, -inf],
            [np.nan, 0.0, 1.0],
            [0.5, -30.0, 2.0],
        ],
        dtype=dtype,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = verified.log_softmax(logits)
    assert result.dtype == dtype
    assert result[0, 0] == 0 and (result[0, 1:] == -inf).all()
    assert result[1, 0] == -inf
    assert ulp_errors(result[1, 1:], _mp_log_softmax(logits[1, 1:]), dtype).max() <= 2
    s = sp.Symbol("s", positive=True)
    for row, shares in ((2, 1), (3, 2)):
        limit = sp.limit(sp.log(sp.exp(s) / (shares * sp.exp(s) + 1)), s, sp.oo)
        expected = [float(limit)] * shares + [-inf] * (3 - shares)
        np.testing.assert_allclose(result[row], expected, rtol=np.finfo(dtype).eps)
    assert np.isnan(result[4]).all() and np.isnan(result[5]).all()
    assert ulp_errors(result[6], _mp_log_softmax(logits[6]), dtype).max() <= 2
    np.testing.assert_array_equal(result[6], verified.log_softmax(logits[6:]).ravel())


@pytest.mark.parametrize(
    ("p", "q", "message"),
    [
        ([[1.5, -0.5]], [[0.5, 0.5]], "kl_divergence: p: 1.5 at (0, 0) is outside [0, 1]"),
        ([[0.5, 0.5]], [[2.0, -1.0]], "kl_divergence: q: 2.0 at (0, 0) is outside [0, 1]"),
        ([[0.5, 0.5]], [[1.5, 1.5]], "kl_divergence: q: 1.5 at (0, 0) is outside [0, 1]"),
    ],
)
def test_kl_divergence_refuses_numbers_that_are_not_probabilities(p, q, message):
    """Outside [0, 1] the sum Σ p log(p/q) can be negative or NaN: it is no divergence."""
    with pytest.raises(verified.InputError, match=re.escape(message)):
        verified.kl_divergence(np.array(p), np.array(q))


def test_cross_entropy_refuses_target_distributions_outside_the_unit_interval():
    with pytest.raises(verified.InputError, match=re.escape("target distributions: 2.0 at (0, 0)")):
        verified.softmax_cross_entropy(np.array([[1.0, 0.0]]), np.array([[2.0, -1.0]]))


@pytest.mark.parametrize(
    ("function", "arguments", "message"),
    [
        (
            verified.affine_forward,
            (np.ones((3, 2)), np.ones((2, 3)), np.arange(3.0).reshape(3, 1)),
            "b: shape (3, 1) is not (3,) as w of shape (2, 3) needs",
        ),
        (
            verified.affine_forward,
            (np.ones((3, 2)), np.ones((3, 3)), np.zeros(3)),
            "w: x of shape (3, 2) has D = 2 features but w of shape (3, 3) expects 3",
        ),
        (
            verified.affine_backward,
            (np.ones((3, 4)), np.ones((3, 2)), np.ones((5, 4))),
            "w: x of shape (3, 2) has D = 2 features but w of shape (5, 4) expects 5",
        ),
        (
            verified.affine_backward,
            (np.ones((2, 4)), np.ones((3, 2)), np.ones((2, 4))),
            "upstream: shape (2, 4) is not the output's (3, 4) for x of shape (3, 2)",
        ),
    ],
)
def test_affine_layer_refuses_shapes_that_would_broadcast(function, arguments, message):
    with pytest.raises(verified.InputError, match=re.escape(message)):
        function(*arguments)


@pytest.mark.parametrize(("dtype", "big"), [(np.float32, 1e20), (np.float64, 1e200)])
def test_mse_beyond_the_largest_float_is_infinite_without_a_warning(dtype, big):
    """(y − t)² overflows to +∞, its correctly rounded value; ∂L/∂y = 2(y − t)/n is finite
    and exact (mpmath)."""
    prediction = np.array([big, 0.0], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss, gradient = verified.mse(prediction, np.zeros(2, dtype=dtype))
    assert loss == np.inf and loss.dtype == dtype
    assert mpmath.mpf(float(prediction[0])) ** 2 / 2 > float(np.finfo(dtype).max)
    expected = [2 * mpmath.mpf(float(v)) / 2 for v in prediction]
    assert ulp_errors(gradient, expected, dtype).max() == 0
