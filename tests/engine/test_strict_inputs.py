"""Losses and layers refuse inputs that would silently mean something else, and say why."""

from __future__ import annotations

import warnings

import mpmath
import numpy as np
import pytest
import sympy as sp

from symderive.engine import EngineInputError, Tensor, functional, nn


def test_mse_refuses_a_column_against_a_vector_that_would_broadcast_to_a_table():
    prediction = Tensor(np.array([[1.0], [2.0], [3.0]]), requires_grad=True)
    with pytest.raises(
        EngineInputError, match=r"mse: predictions of shape \(3, 1\) and targets of shape \(3,\)"
    ):
        functional.mse(prediction, np.array([1.0, 2.0, 3.0]))


def test_mse_of_equal_shapes_is_still_the_mean_squared_error():
    prediction = Tensor(np.array([1.0, 2.0, 4.0]), requires_grad=True)
    loss = functional.mse(prediction, np.array([1.0, 2.0, 3.0]))
    loss.backward()
    assert loss.item() == pytest.approx(1 / 3)
    np.testing.assert_allclose(prediction.grad, [0.0, 0.0, 2 / 3])


@pytest.mark.parametrize(
    "loss", ["sum_squared_error", "binary_cross_entropy", "binary_cross_entropy_with_logits"]
)
def test_elementwise_losses_name_both_shapes(loss):
    with pytest.raises(EngineInputError, match=r"of shape \(4, 1\) and targets of shape \(4,\)"):
        getattr(functional, loss)(Tensor(np.full((4, 1), 0.5)), np.full(4, 0.5))


def test_label_minus_one_does_not_wrap_to_the_last_class():
    with pytest.raises(
        EngineInputError,
        match=r"softmax_cross_entropy: label -1 at index \(1,\) is outside \[0, 2\) for 2 classes",
    ):
        functional.softmax_cross_entropy(Tensor(np.zeros((3, 2))), np.array([0, -1, 1]))


def test_label_equal_to_the_class_count_is_refused_with_a_count():
    with pytest.raises(
        EngineInputError, match=r"label 2 at index \(0,\).*\(2 labels out of range\)"
    ):
        functional.softmax_cross_entropy(Tensor(np.zeros((3, 2))), np.array([2, 0, 2]))


def test_float_labels_of_the_index_shape_are_refused():
    with pytest.raises(
        EngineInputError, match=r"labels of shape \(3,\) are float64 but must be integer class"
    ):
        functional.softmax_cross_entropy(Tensor(np.zeros((3, 2))), np.array([0.0, 1.0, 1.0]))


def test_labels_of_another_shape_are_refused_naming_both_accepted_shapes():
    with pytest.raises(
        EngineInputError, match=r"labels of shape \(3,\) \(class indices\) or \(3, 2\).*not \(2,\)"
    ):
        functional.softmax_cross_entropy(Tensor(np.zeros((3, 2))), np.array([0, 1]))


def test_probability_targets_are_accepted_and_checked():
    logits = Tensor(np.array([[1.0, 2.0]]), requires_grad=True)
    functional.softmax_cross_entropy(logits, np.array([[0.25, 0.75]])).backward()
    assert logits.grad.shape == (1, 2)
    with pytest.raises(EngineInputError, match=r"targets must lie in \[0, 1\]"):
        functional.softmax_cross_entropy(logits, np.array([[-0.5, 1.5]]))


def test_an_empty_batch_has_no_mean():
    with pytest.raises(EngineInputError, match=r"logits of shape \(0, 3\) is empty"):
        functional.softmax_cross_entropy(Tensor(np.zeros((0, 3))), np.zeros(0, dtype=int))
    with pytest.raises(EngineInputError, match="empty"):
        functional.mse(Tensor(np.zeros(0)), np.zeros(0))


def test_bce_refuses_a_probability_above_one():
    with pytest.raises(
        EngineInputError,
        match=r"binary_cross_entropy: probabilities must lie in \[0, 1\]; 1 entry does not, "
        r"the first 1.5 at index \(1,\)",
    ):
        functional.binary_cross_entropy(Tensor(np.array([0.5, 1.5])), np.array([1.0, 0.0]))


def test_bce_refuses_a_target_of_two():
    with pytest.raises(
        EngineInputError,
        match=r"targets must lie in \[0, 1\]; 1 entry does not, the first 2 at index \(1,\)",
    ):
        functional.binary_cross_entropy(Tensor(np.array([0.5, 0.5])), np.array([1.0, 2.0]))


def test_bce_with_logits_refuses_targets_outside_the_unit_interval():
    with pytest.raises(EngineInputError, match=r"targets must lie in \[0, 1\]"):
        functional.binary_cross_entropy_with_logits(Tensor(np.array([3.0])), np.array([-1.0]))


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_targets_are_meaningless(bad):
    with pytest.raises(
        EngineInputError, match=r"targets must be finite; 1 of 2 entries are not, the first"
    ):
        functional.mse(Tensor(np.array([1.0, 2.0])), np.array([1.0, bad]))


def test_kl_divergence_refuses_a_negative_model_probability():
    with pytest.raises(EngineInputError, match=r"kl_divergence: q must lie in \[0, 1\]"):
        functional.kl_divergence(np.array([0.5, 0.5]), Tensor(np.array([1.5, -0.5])))


def test_a_nan_prediction_gives_a_nan_loss_not_a_finite_number():
    loss = functional.mse(Tensor(np.array([np.nan, 1.0])), np.array([0.0, 1.0]))
    assert np.isnan(loss.item())


def test_an_infinite_prediction_gives_an_infinite_squared_error():
    loss = functional.mse(Tensor(np.array([np.inf, 1.0])), np.array([0.0, 1.0]))
    assert loss.item() == np.inf


def test_sigmoid_maps_the_infinities_to_its_limits():
    x = Tensor(np.array([-np.inf, np.inf, 0.0]), requires_grad=True)
    y = x.sigmoid()
    np.testing.assert_array_equal(y.data, [0.0, 1.0, 0.5])
    y.sum().backward()
    np.testing.assert_array_equal(x.grad, [0.0, 0.0, 0.25])


def test_linear_names_the_expected_input_width():
    layer = nn.Linear(4, 2, rng=np.random.default_rng(0))
    with pytest.raises(
        EngineInputError, match=r"Linear\(4 → 2\): input of shape \(3, 5\) must have 4 entries"
    ):
        layer(Tensor(np.zeros((3, 5))))


def test_matmul_names_both_shapes():
    with pytest.raises(
        EngineInputError, match=r"matmul: operands of shapes \(3, 5\) and \(4, 2\) do not chain"
    ):
        Tensor(np.zeros((3, 5))) @ Tensor(np.zeros((4, 2)), requires_grad=True)


def test_engine_input_errors_are_value_errors_with_one_line():
    with pytest.raises(ValueError) as caught:
        functional.mse(Tensor(np.zeros((2, 1))), np.zeros(2))
    assert "\n" not in caught.value.one_line()


# -- NaN and ±∞ in predictions: a refusal, the limit or NaN, never a wrong finite number (E9) ----
@pytest.mark.parametrize(
    ("loss", "prediction", "target"),
    [
        ("binary_cross_entropy", [0.5, np.nan], [0.0, 1.0]),
        ("kl_divergence", [0.5, np.nan], [0.5, 0.5]),
    ],
)
def test_a_nan_probability_is_refused_like_one_outside_the_unit_interval(loss, prediction, target):
    """NaN compares False with 0 and 1, so "p < 0 or p > 1" let it through as a NaN loss."""
    name = "q" if loss == "kl_divergence" else "probabilities"
    arguments = (Tensor(np.array(prediction)), np.array(target))
    with pytest.raises(
        EngineInputError,
        match=rf"{loss}: {name} must lie in \[0, 1\]; 1 entry does not, the first nan at index "
        r"\(1,\)",
    ):
        getattr(functional, loss)(*(arguments[::-1] if loss == "kl_divergence" else arguments))


def _limit_of_cross_entropy(label: int) -> tuple[float, list[float]]:
    """lim_{o₀→+∞} of L(o) = log Σ_k e^(o_k) − o_label and of ∂L/∂o at o = (o₀, 0, 0), by SymPy."""
    o = sp.symbols("o0:3", real=True)
    loss = sp.log(sum(sp.exp(v) for v in o)) - o[label]
    at_point = {o[1]: 0, o[2]: 0}
    limit = sp.limit(loss.subs(at_point), o[0], sp.oo)
    gradient = [sp.limit(loss.diff(v).subs(at_point), o[0], sp.oo) for v in o]
    return float(limit), [float(g) for g in gradient]


@pytest.mark.parametrize("label", [0, 1])
def test_an_infinite_logit_gives_the_limit_of_the_cross_entropy_without_warnings(label):
    """[∞, 0, 0]: loss 0 only when the label is the infinite class (the limit), +∞ otherwise."""
    logits = Tensor(np.array([[np.inf, 0.0, 0.0]]), requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss = functional.softmax_cross_entropy(logits, np.array([label]))
        loss.backward()
    limit, gradient = _limit_of_cross_entropy(label)
    assert loss.item() == limit
    np.testing.assert_array_equal(logits.grad, [gradient])


def test_a_nan_logit_makes_its_row_nan_and_spares_the_others():
    logits = Tensor(np.array([[np.nan, 0.0, 0.0], [1.0, 2.0, 3.0]]), requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss = functional.softmax_cross_entropy(logits, np.array([1, 2]))
        loss.backward()
    assert np.isnan(loss.item())
    assert np.all(np.isnan(logits.grad[0])) and np.all(np.isfinite(logits.grad[1]))


def test_an_infinite_or_nan_prediction_gives_the_limit_or_nan_in_mse():
    """(y − t)² → +∞ as y → ±∞ with ∂/∂y = 2(y − t)/n → ±∞; NaN stays NaN in its own entry."""
    y = Tensor(np.array([np.inf, -np.inf, np.nan, 1.0]), requires_grad=True)
    loss = functional.mse(y, np.zeros(4))
    loss.backward()
    assert np.isnan(loss.item())
    np.testing.assert_array_equal(y.grad, [np.inf, -np.inf, np.nan, 0.5])
    assert functional.mse(Tensor(np.array([np.inf, -np.inf])), np.zeros(2)).item() == np.inf


def test_kl_divergence_with_a_zero_model_probability_is_infinite_not_clamped():
    """KL(p ‖ q) = Σ p log(p/q) → +∞ as q_k → 0 with p_k > 0; ∂KL/∂q_k = −p_k/q_k → −∞.
    (Clipping q at the smallest normal number gave 353.5 and a gradient of −2.2e307.)"""
    q = Tensor(np.array([1.0, 0.0]), requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss = functional.kl_divergence(np.array([0.5, 0.5]), q)
        loss.backward()
    assert loss.item() == np.inf
    np.testing.assert_array_equal(q.grad, [-0.5, -np.inf])


def test_kl_divergence_at_a_subnormal_model_probability_is_its_value():
    """q = 1e−310 is a number, not 0: the value is Σ p log(p/q), measured against mpmath."""
    p, q = np.array([0.5, 0.5]), np.array([1 - 2**-52, 1e-310])
    loss = functional.kl_divergence(p, Tensor(q)).item()
    with mpmath.workdps(50):
        exact = sum(mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / mpmath.mpf(b)) for a, b in zip(p, q))
    assert loss == pytest.approx(float(exact), rel=4 * np.finfo(np.float64).eps)


def test_binary_cross_entropy_of_a_certain_wrong_prediction_is_infinite():
    """p = 1 for t = 0 and p = 0 for t = 1: −log 0 = +∞, gradients ±∞ (was 372.57)."""
    p = Tensor(np.array([1.0, 0.0]), requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss = functional.binary_cross_entropy(p, np.array([0.0, 1.0]))
        loss.backward()
    assert loss.item() == np.inf
    np.testing.assert_array_equal(p.grad, [np.inf, -np.inf])


@pytest.mark.parametrize("axis", [None, 0])
def test_the_mean_of_no_entries_is_refused_not_a_zero_division(axis):
    x = Tensor(np.zeros((0, 3)), requires_grad=True)
    with pytest.raises(EngineInputError, match=r"mean: a Tensor of shape \(0, 3\) has no entries"):
        x.mean(axis=axis)


def test_the_mean_over_a_non_empty_axis_of_an_empty_tensor_is_empty():
    assert Tensor(np.zeros((0, 3))).mean(axis=1).data.shape == (0,)


def test_a_float_tensor_index_is_refused_with_the_way_to_say_it():
    x = Tensor(np.arange(6.0).reshape(3, 2), requires_grad=True)
    with pytest.raises(EngineInputError, match=r"getitem: a Tensor index of shape \(2,\) holds"):
        x[Tensor(np.array([0.0, 2.0]))]


def test_an_integer_tensor_index_selects_rows_and_scatters_the_gradient_back():
    x = Tensor(np.arange(6.0).reshape(3, 2), requires_grad=True)
    index = Tensor(np.array([0.0, 2.0]))
    index.data = np.array([0, 2, 2])  # a Tensor over an integer array
    x[index].sum().backward()
    np.testing.assert_array_equal(x.grad, [[1, 1], [0, 0], [2, 2]])
