"""``symderive equal LHS RHS``: verdicts, counterexamples, exit codes and the JSON shape."""

from __future__ import annotations

import json
from fractions import Fraction

import mpmath
import pytest

from symderive.cli import main

JSON_KEYS = {
    "verdict",
    "counterexample",
    "lhs",
    "rhs",
    "method",
    "points",
    "digits",
    "reason",
    "excluded",
}


def equal(capsys, *arguments: str) -> tuple[int, str, str]:
    code = main(["equal", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def equal_json(capsys, *arguments: str) -> tuple[int, dict]:
    code, out, err = equal(capsys, "--json", *arguments)
    assert err == ""
    return code, json.loads(out)


def test_log_of_a_product_splits_for_positive_factors(capsys):
    code, result = equal_json(capsys, "log(a*b)", "log(a) + log(b)", "--assume", "a,b positive")
    assert result["verdict"] == "proved"
    assert code == 0


def test_log_of_a_product_is_not_proved_for_real_factors(capsys):
    code, result = equal_json(capsys, "log(a*b)", "log(a) + log(b)")
    assert result["verdict"] != "proved"
    assert code == (0 if result["verdict"] == "checked" else 1)
    if result["verdict"] == "refuted":
        values = {name: Fraction(text) for name, text in result["counterexample"]["values"].items()}
        assert min(values.values()) < 0  # for positive a, b the identity holds
        a, b = (mpmath.mpf(values[name].numerator) / values[name].denominator for name in "ab")
        assert abs(mpmath.log(a * b) - (mpmath.log(a) + mpmath.log(b))) > 1


def test_minus_x_is_not_zero_and_a_side_may_start_with_a_minus(capsys):
    code, result = equal_json(capsys, "--", "-x", "0")
    assert code == 1
    assert result["verdict"] == "refuted"
    counterexample = result["counterexample"]
    assert Fraction(counterexample["values"]["x"]) != 0
    assert counterexample["lhs_value"] != counterexample["rhs_value"]


def test_a_removable_singularity_is_reported_as_excluded(capsys):
    code, result = equal_json(capsys, "(x^2-1)/(x-1)", "x+1")
    assert code == 0
    assert result["verdict"] in ("proved", "checked")
    assert any("x = 1" in point for point in result["excluded"])


def test_json_has_every_key_and_the_sides_in_plain_syntax(capsys):
    code, result = equal_json(capsys, "sigmoid(x)*(1 - sigmoid(x))", "exp(-x)/(1 + exp(-x))^2")
    assert JSON_KEYS <= set(result)
    assert result["verdict"] in ("proved", "checked")
    assert "sigmoid(x)" in result["lhs"]
    assert "exp(-x)" in result["rhs"]
    assert code == 0


def test_the_sigmoid_derivative_is_not_sigmoid_squared(capsys):
    code, result = equal_json(capsys, "sigmoid(x)*(1 - sigmoid(x))", "sigmoid(x)^2")
    assert (code, result["verdict"]) == (1, "refuted")
    x = Fraction(result["counterexample"]["values"]["x"])
    s = 1 / (1 + mpmath.exp(-mpmath.mpf(x.numerator) / x.denominator))
    assert abs(s * (1 - s) - s**2) > 1e-6  # an independent look at the counterexample


def test_human_output_shows_both_sides_and_the_verdict(capsys):
    code, out, err = equal(capsys, "leaky_relu(x, 1/10)", "max(x, x/10)", "--no-color")
    assert code == 0
    assert err == ""
    assert "LHS:" in out and "RHS:" in out
    assert "leaky_relu" in out
    verdict_line = next(line for line in out.splitlines() if line.startswith("verdict:"))
    assert verdict_line.split()[1] in ("proved", "checked")
    if "checked" in verdict_line:
        assert "sample point" in out and "digits" in out
    assert "\x1b[" not in out


def test_human_output_shows_the_counterexample(capsys):
    code, out, _ = equal(capsys, "--no-color", "--", "-x", "0")
    assert code == 1
    assert "verdict: refuted" in out
    assert "counterexample: x = " in out


def test_a_budget_too_small_to_decide_is_undecided_with_a_reason(capsys):
    code, result = equal_json(
        capsys, "sigmoid(x)", "(1 + tanh(x/2))/2", "--timeout", "0.01", "--seed", "3"
    )
    if result["verdict"] == "undecided":  # a very fast machine may still decide in 10 ms
        assert code == 1
        assert result["reason"]
    else:
        assert result["verdict"] in ("proved", "checked")


@pytest.mark.parametrize(
    "arguments, words",
    [
        (["2x", "2*x"], "LHS:1:2: missing operator"),
        (["x", "softmax(x)"], "RHS:1:1: softmax"),
        (["x", "x", "--assume", "x fuzzy"], "--assume:1:3:"),
        (["x", "x", "--timeout", "0"], "argument --timeout: expected a number greater than 0"),
        # below the clock's useful resolution: refused, not "checked" after no attempt (14b L3)
        (["x", "x", "--timeout", "1e-300"], "argument --timeout: expected at least 0.01 seconds"),
        (["x", "x", "--timeout", "nan"], "argument --timeout: expected a finite number"),
        (["x"], "the following arguments are required"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_two(capsys, arguments, words):
    try:
        code, out, err = equal(capsys, *arguments)
    except SystemExit as exit_:  # argparse's own usage errors
        code, captured = exit_.code, capsys.readouterr()
        out, err = captured.out, captured.err
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("symderive: error:")
    assert words in err


def test_latex_sides_use_the_notes_grammar(capsys):
    code, result = equal_json(
        capsys, "--latex", r"\sigma(x)(1-\sigma(x))", r"\frac{e^{-x}}{(1+e^{-x})^2}"
    )
    assert code == 0 and result["verdict"] == "proved"


def test_latex_sides_refute_the_dropped_square(capsys):
    code, result = equal_json(
        capsys, "--latex", r"\sigma(x)(1-\sigma(x))", r"\frac{e^{-x}}{1+e^{-x}}"
    )
    assert code == 1 and result["counterexample"]["values"]
