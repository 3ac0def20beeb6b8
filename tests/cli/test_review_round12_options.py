"""Round 12b L2: option values and API arguments the reviewer found accepted or explained
badly — each refused in one line with exit 2 (or a clear Python error), and the combinations
that mean something read as what they mean."""

import subprocess
import sys

import numpy as np
import pytest

from symderive import verified
from symderive.errors import ParseError
from symderive.grammar.assumptions import parse_assumptions


def run(*arguments):
    return subprocess.run([sys.executable, "-m", "symderive", *arguments], capture_output=True,
                          text=True, timeout=300)


def test_an_empty_output_folder_is_refused(tmp_path):
    found = run("docs", "--out", "")
    assert found.returncode == 2 and "empty" in found.stderr
    assert "Traceback" not in found.stderr


def test_check_without_ids_says_what_to_name():
    found = run("check")
    assert found.returncode == 2
    assert "--all" in found.stderr and "not both" not in found.stderr


def test_a_learning_rate_of_one_is_refused_as_outside_the_open_interval():
    found = run("train", "--lr", "1")
    assert found.returncode == 2 and "strictly between 0 and 1" in found.stderr


@pytest.mark.parametrize("alpha", ["abc", None, float("nan"), np.array([0.1, 0.2])])
def test_a_leaky_slope_must_be_one_finite_real_number(alpha):
    with pytest.raises((TypeError, ValueError), match="alpha"):
        verified.leaky_relu(np.array([1.0, -1.0]), alpha)
    with pytest.raises((TypeError, ValueError), match="alpha"):
        verified.leaky_relu_grad(np.array([1.0, -1.0]), alpha)


def test_a_numpy_slope_is_accepted():
    assert verified.leaky_relu(np.array([-2.0]), np.float32(0.5))[0] == -1.0


@pytest.mark.parametrize("text, kind", [
    ("x nonzero; x nonnegative", "positive"),  # x ≠ 0 and x ≥ 0: x > 0
    ("x nonnegative; x nonzero", "positive"),
    ("x real; x nonnegative", "nonnegative"),
    ("x positive; x nonnegative", "positive"),
    ("x nonzero; x negative", "negative"),
])
def test_two_sign_kinds_of_one_name_mean_the_signs_both_allow(text, kind):
    assert parse_assumptions(text)["x"].kind == kind


@pytest.mark.parametrize("text", ["x positive; x negative", "x nonzero; x integer",
                                  "p probability; p negative"])
def test_contradictory_or_unrelated_kinds_are_refused(text):
    with pytest.raises(ParseError, match="assumed both"):
        parse_assumptions(text)
