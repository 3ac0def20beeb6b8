"""gradcheck finds wrong gradients, says where, and accepts the kink convention."""

from __future__ import annotations

import numpy as np
import pytest

from symderive.gradcheck import THRESHOLDS, GradcheckError, gradcheck, numeric_gradient


def cube_sum(x):
    return np.sum(x**3)


def test_correct_gradient_passes_in_full_mode():
    x = np.random.default_rng(0).standard_normal((3, 2))
    result = gradcheck(cube_sum, [x], analytic=[3 * x**2])
    assert result.passed and result.compared == 6 and result.max_relative_error < 1e-8


def test_wrong_entry_is_named_with_input_index_values_and_error():
    x = np.random.default_rng(0).standard_normal((3, 2))
    wrong = 3 * x**2
    wrong[2, 1] += 0.5
    result = gradcheck(cube_sum, [x], analytic=[wrong], names=["weights"])
    assert not result.passed
    (failure,) = result.failures
    assert failure.input_name == "weights" and failure.index == "(2, 1)"
    assert failure.analytic == pytest.approx(wrong[2, 1])
    assert failure.numeric == pytest.approx(3 * x[2, 1] ** 2, rel=1e-8)
    assert "weights" in result.message() and "(2, 1)" in result.message()


def test_directional_mode_costs_do_not_depend_on_size_and_still_catch_errors():
    x = np.random.default_rng(1).standard_normal(10_000)
    good = gradcheck(cube_sum, [x], analytic=[3 * x**2], mode="directional", directions=3)
    assert good.passed and good.compared == 3
    bad = gradcheck(cube_sum, [x], analytic=[3 * x**2 * 1.01], mode="directional", directions=3)
    assert not bad.passed and bad.failures[0].index.startswith("direction")


def test_engine_gradients_are_used_when_no_analytic_gradient_is_given():
    rng = np.random.default_rng(2)
    x, w = rng.standard_normal((4, 3)), rng.standard_normal((3, 2))
    result = gradcheck(lambda a, b: ((a @ b).tanh() ** 2).sum(), [x, w], names=["x", "w"])
    assert result.passed, result.message()


def test_relu_kink_is_accepted_under_the_left_derivative_convention():
    x = np.array([0.0, 1.5, -2.0])
    result = gradcheck(lambda a: a.relu().sum(), [x])
    assert result.passed and result.kinks == 1


def test_a_gradient_that_matches_neither_side_of_a_kink_fails():
    x = np.array([0.0])
    result = gradcheck(lambda a: np.sum(np.maximum(a, 0)), [x], analytic=[np.array([0.3])])
    assert not result.passed


def test_float32_gradients_get_the_looser_threshold():
    x = np.random.default_rng(3).standard_normal(5)
    analytic = (3 * x**2).astype(np.float32)
    result = gradcheck(cube_sum, [x], analytic=[analytic])
    assert result.threshold == THRESHOLDS[np.dtype(np.float32)] and result.passed


def test_numeric_gradient_of_a_quadratic_form():
    rng = np.random.default_rng(4)
    a = rng.standard_normal((3, 3))
    x = rng.standard_normal(3)
    np.testing.assert_allclose(
        numeric_gradient(lambda v: v @ a @ v, [x], 0), (a + a.T) @ x, rtol=1e-8
    )


def test_failures_are_counted_and_the_worst_entry_is_named():
    x = np.random.default_rng(5).standard_normal((3, 2))
    wrong = 3 * x**2
    wrong[0, 1] += 0.01 * (1 + abs(wrong[0, 1]))
    wrong[2, 0] += 2.0 * (1 + abs(wrong[2, 0]))
    result = gradcheck(cube_sum, [x], analytic=[wrong], names=["w"])
    assert result.failed == 2 and result.compared == 6
    assert result.worst.index == "(2, 0)" and result.worst.input_name == "w"
    exact = 3 * x[2, 0] ** 2
    assert result.max_absolute_error == pytest.approx(abs(wrong[2, 0] - exact), rel=1e-6)
    assert result.worst.absolute_error == pytest.approx(abs(wrong[2, 0] - exact), rel=1e-6)
    text = str(result)
    assert text.startswith("gradcheck (full) failed: 2 of 6 comparisons exceed relative error")
    assert "worst: gradient of w at (2, 0)" in text and "max absolute error" in text


def test_a_passing_result_reads_as_a_sentence():
    x = np.random.default_rng(6).standard_normal(4)
    text = str(gradcheck(cube_sum, [x], analytic=[3 * x**2]))
    assert text.startswith("gradcheck (full) passed: 4 comparisons, max relative error")


def test_a_wrong_shaped_analytic_gradient_is_refused_before_any_broadcast():
    x = np.ones((3, 2))
    with pytest.raises(
        GradcheckError,
        match=r"the analytic gradient of weights has shape \(2,\), but weights has shape \(3, 2\)",
    ):
        gradcheck(cube_sum, [x], analytic=[np.ones(2)], names=["weights"])


def test_a_missing_analytic_gradient_is_refused():
    with pytest.raises(GradcheckError, match="1 analytic gradients for 2 inputs"):
        gradcheck(lambda a, b: np.sum(a * b), [np.ones(2), np.ones(2)], analytic=[np.ones(2)])


def test_a_non_scalar_numpy_function_is_refused():
    with pytest.raises(GradcheckError, match=r"returned shape \(3,\), not a scalar"):
        gradcheck(lambda a: a**3, [np.ones(3)], analytic=[np.ones(3)])


def test_a_non_scalar_engine_function_is_refused():
    with pytest.raises(GradcheckError, match=r"returned shape \(2, 2\), not a scalar"):
        gradcheck(lambda a: a * 3.0, [np.ones((2, 2))])


def test_gradcheck_errors_are_value_errors():
    with pytest.raises(ValueError, match="mode must be 'full' or 'directional'"):
        gradcheck(cube_sum, [np.ones(2)], analytic=[np.ones(2)], mode="sideways")


def test_a_nan_gradient_never_passes_and_the_report_says_so():
    def squares(x):
        return float(np.sum(np.asarray(x) ** 2))

    result = gradcheck(squares, [np.array([1.0, 2.0])], [np.array([np.nan, np.nan])])
    assert not result and len(result.failures) == 2
    assert "nan" in str(result) and result.max_absolute_error == np.inf
    assert gradcheck(squares, [np.array([1.0, 2.0])], [np.array([2.0, 4.0])])  # 2x passes


@pytest.mark.parametrize(
    "point, why", [(np.array([1.0, np.nan]), "NaN or ±inf"), (np.array([]), "empty")]
)
def test_a_point_with_nan_or_no_entries_is_refused(point, why):
    with pytest.raises(GradcheckError, match=why):
        gradcheck(lambda x: float(np.sum(x)), [point], [np.ones_like(point)])


# -- one array, and inputs that are not real (engine review E11) --------------------------------
def test_a_single_array_is_the_one_input_not_a_list_of_rows():
    """gradcheck(f, x) means gradcheck(f, [x]): iterating x made each entry an input."""
    x = np.array([1.0, 2.0])
    alone = gradcheck(cube_sum, x, analytic=3 * x**2)
    listed = gradcheck(cube_sum, [x], analytic=[3 * x**2])
    assert alone and alone.compared == listed.compared == 2
    assert not gradcheck(cube_sum, x, analytic=2 * x**2)  # and a wrong gradient still fails
    assert gradcheck(lambda w: (w * w * w).sum(), x)  # the engine's own gradient


def test_a_single_matrix_stays_one_input_of_its_shape():
    x = np.arange(6.0).reshape(3, 2) / 4
    result = gradcheck(cube_sum, x, analytic=3 * x**2, names=["weights"])
    assert result and result.compared == 6
    with pytest.raises(GradcheckError, match="1 analytic gradients for 2 inputs"):
        gradcheck(lambda a, b: np.sum(a * b), [x, x], analytic=np.stack([x, x]))


@pytest.mark.parametrize(
    "point, kind, hint",
    [
        (
            np.array([1.0 + 2.0j]),
            "complex128",
            "pass the real and imaginary parts as two real inputs",
        ),
        (np.array([True, False]), "bool", "cast it to float"),
    ],
)
def test_an_input_that_is_not_real_is_refused(point, kind, hint):
    """Complex inputs were cast to their real part with only a ComplexWarning."""
    with pytest.raises(GradcheckError, match=rf"gradcheck: input 0 is {kind}; .*\({hint}\)"):
        gradcheck(lambda z: (z * z).sum(), [point])


@pytest.mark.parametrize("wrong", [[2.06, 4.12], [3.0, 6.0], [102.0, 104.0]])
def test_a_large_value_of_f_makes_the_check_inconclusive_never_a_pass(wrong):
    """f = Σx² + 10¹²: the rounding of f (≈ 2·10¹²·ε/2h ≈ 600) swamps the gradient (2, 4),
    so no analytic gradient can be confirmed — the wrong ones are not passed: each entry is
    inconclusive, or failed where the error is larger than the noise (102 against 2)."""
    x = np.array([1.0, 2.0])
    result = gradcheck(lambda t: float(np.sum(t * t) + 1e12), [x], [np.array(wrong)])
    assert not result
    assert len(result.failures) + len(result.inconclusive) == 2
    if not result.failures:
        assert str(result).startswith("gradcheck (full) inconclusive")
    for unresolved in result.inconclusive:
        assert unresolved.noise > 100 * unresolved.needed


def test_a_zero_gradient_of_an_ordinary_function_is_resolved_not_inconclusive():
    """f = Σ max(a, b) with |f| ≈ 20 and entries where ∂f/∂a = 0: the rounding of f over 2h
    (≈ 4ε·40/2h ≈ 3e-9) is below the floor 1e-8, so the zeros are compared, and pass."""
    a = np.array([[5.0, -3.0, 7.0, 2.0], [4.0, 6.0, -1.0, 3.0]])
    b = np.array([[1.0, 2.0, 8.0, 0.5], [4.5, 1.0, 2.0, 0.0]])
    analytic = [(a > b).astype(float), (a <= b).astype(float)]
    result = gradcheck(lambda u, v: float(np.sum(np.maximum(u, v))), [a, b], analytic)
    assert result and not result.inconclusive, str(result)


def test_a_small_coordinate_beside_a_large_one_is_not_resolved():
    """f = Σx² at (10⁸, 1): the second coordinate's true gradient 2 is below f's rounding."""
    x = np.array([1e8, 1.0])
    result = gradcheck(lambda t: float(np.sum(t * t)), [x], [np.array([2e8, 5.0])])
    assert not result
    assert [u.index for u in result.inconclusive] == ["(1,)"]
    assert "not resolved" in str(result) and "numeric" in str(result)


def test_a_wrong_gradient_beyond_the_rounding_still_fails_and_reports_the_unresolved_too():
    x = np.array([1e8, 1.0])
    result = gradcheck(lambda t: float(np.sum(t * t)), [x], [np.array([3e8, 5.0])])
    assert [f.index for f in result.failures] == ["(0,)"]
    assert "failed" in str(result) and "Also 1 of 2 comparisons not resolved" in str(result)


def test_a_moderate_value_of_f_is_still_resolved():
    x = np.array([1.0, -2.0, 3.0])
    result = gradcheck(lambda t: float(np.sum(t**3) + 1e3), [x], [3 * x**2])
    assert result and not result.inconclusive, result


def test_tensors_in_the_list_of_inputs_are_their_arrays():
    from symderive.engine import Tensor

    x = np.array([1.0, -2.0])
    result = gradcheck(lambda t: float(np.sum(t * t)), [Tensor(x)], [Tensor(2 * x)])
    assert result, result
