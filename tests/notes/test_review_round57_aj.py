r"""Round 57, reviewer AU (backprop notes): a defined family or a Kronecker delta read at a
computed index.

* AU01: after ``y_i = \frac{e^{z_i}}{\sum_{k=1}^n e^{z_k}}``, ``y_{j+1}`` is the family at j + 1
  (with j + 1 in 1..n), never an unknown function refuted on a made-up instance at j = -4:
  ∂y_{j+1}/∂z_{j+1} = y_{j+1}(1 − y_{j+1}) is the softmax diagonal at k = j + 1.
* AU02: ``\delta_{i,j+1}`` is the Kronecker delta at (i, j + 1) — 0 or 1, never -32/7 — and an
  entry a_{j+1} of a vector with n entries has j + 1 in 1..n, so Σ_i δ_{i,j+1} a_i = a_{j+1} is
  not refuted at j + 1 = 13 > n = 1.

The wrong versions stay refuted, at a counterexample whose indices are in range and whose δ is
0 or 1 (its value is read off the indices, never drawn).
"""

from __future__ import annotations

import pytest

from tests.notes.note_steps import first_reasons, first_verdicts, steps_by_line

pytestmark = pytest.mark.slow

SOFTMAX = "# Softmax\n\nLet $y_i = \\frac{e^{z_i}}{\\sum_{k=1}^n e^{z_k}}$.\n\n"
SOFTMAX_KO = ("# 소프트맥스\n\n$y_i = \\frac{e^{z_i}}{\\sum_{k=1}^n e^{z_k}}$ 로 두자. "
              "$\\delta_{ij}$는 크로네커 델타이다.\n\n")
KRONECKER = "# Kronecker delta\n\nLet $\\delta_{ij}$ denote the Kronecker delta.\n\n"


def verdict(tmp_path, preamble: str, claim: str) -> str:
    """The verdict of the claim written on line 5, after a four-line preamble."""
    return first_verdicts(tmp_path, preamble + f"$${claim}$$\n")[5]


def counterexample(tmp_path, preamble: str, claim: str) -> dict[str, str]:
    step = steps_by_line(tmp_path, preamble + f"$${claim}$$\n")[5][0]
    assert step.verdict == "refuted"
    return dict(step.counterexample.values)


def assert_in_range(values: dict[str, str], shifted: str = "") -> None:
    """Every entry index of the counterexample in 1..n (the shifted letter's index plus one
    for y_{j+1}), and no value given to a δ: its value follows from the indices."""
    n = int(values["n"])
    for letter in ("i", "j"):
        if letter in values:
            assert 1 <= int(values[letter]) + (letter == shifted) <= n, values
    assert not any(name.startswith(("delta", "y_")) for name in values), values


# -- AU01: the family at a shifted index --------------------------------------------------------

@pytest.mark.parametrize("preamble", [SOFTMAX, SOFTMAX_KO])
@pytest.mark.parametrize("claim", [
    r"\frac{\partial y_{j+1}}{\partial z_{j+1}} = y_{j+1}(1 - y_{j+1})",  # the finding
    r"\frac{\partial y_{j+1}}{\partial z_i} = y_{j+1}(\delta_{i,j+1} - y_i)",  # AU02's input
    r"\frac{\partial y_i}{\partial z_{j+1}} = y_i(\delta_{i,j+1} - y_{j+1})",
    r"\frac{\partial y_{i+1}}{\partial z_{j}} = y_{i+1}(\delta_{i+1,j} - y_j)",
])
def test_the_softmax_jacobian_at_a_shifted_index_is_not_refuted(tmp_path, preamble, claim):
    assert verdict(tmp_path, preamble, claim) == "checked"


@pytest.mark.parametrize("claim, shifted", [
    (r"\frac{\partial y_{j+1}}{\partial z_{j+1}} = y_{j+1}(1 + y_{j+1})", "j"),
    (r"\frac{\partial y_{j+1}}{\partial z_i} = y_{j+1}(\delta_{i,j+1} + y_i)", "j"),
    (r"\frac{\partial y_{i+1}}{\partial z_{j}} = y_{i+1}(\delta_{i,j} - y_j)", "i"),
])
def test_a_wrong_jacobian_at_a_shifted_index_is_refuted_with_indices_in_range(
        tmp_path, claim, shifted):
    assert_in_range(counterexample(tmp_path, SOFTMAX, claim), shifted)


def test_the_shifted_term_is_the_family_never_an_unknown_function(tmp_path):
    claim = r"\frac{\partial y_{j+1}}{\partial z_{j+1}} = y_{j+1}(1 + y_{j+1})"
    reason = first_reasons(tmp_path, SOFTMAX + f"$${claim}$$\n")[5]
    assert "unknown function" not in reason and "instance" not in reason


@pytest.mark.parametrize("claim", [  # y_{k-1}: k is also the sum's letter in the definition
    r"\frac{\partial y_{k-1}}{\partial z_{k-1}} = y_{k-1}(1 - y_{k-1})",
    r"\frac{\partial y_{2k}}{\partial z_{2k}} = y_{2k}(1 - y_{2k})",  # 2k: its range not read
])
def test_other_computed_indices_are_never_refuted(tmp_path, claim):
    assert verdict(tmp_path, SOFTMAX, claim) in ("checked", "undecided", "skipped")


def test_a_wrong_claim_at_k_minus_one_is_not_proved(tmp_path):
    claim = r"\frac{\partial y_{k-1}}{\partial z_{k-1}} = y_{k-1}(1 - y_{k})"
    assert verdict(tmp_path, SOFTMAX, claim) in ("refuted", "undecided", "skipped")


# -- AU02: the Kronecker delta at a computed index ----------------------------------------------

@pytest.mark.parametrize("claim", [
    r"\sum_{i=1}^n \delta_{i,j+1} a_i = a_{j+1}",  # the finding (AU-dshift2)
    r"\sum_{i=1}^n \delta_{i+1,j} a_i = a_{j-1}",
])
def test_a_sum_against_a_shifted_delta_picks_the_entry(tmp_path, claim):
    assert verdict(tmp_path, KRONECKER, claim) == "checked"


def test_the_picked_entry_off_by_one_is_refuted_inside_the_range(tmp_path):
    values = counterexample(tmp_path, KRONECKER, r"\sum_{i=1}^n \delta_{i,j+1} a_i = a_{j}")
    assert 1 <= int(values["j"]) <= int(values["n"])
    assert not any(name.startswith("delta") for name in values), values


def test_the_off_by_one_softmax_jacobian_is_refuted_with_delta_zero_or_one(tmp_path):
    """AU-sm3.md:5: refuted before only at δ_{i,j+1} = 29/7; now at i = j = 1, n = 1."""
    values = counterexample(tmp_path, SOFTMAX,
                            r"\frac{\partial y_i}{\partial z_j} = y_i(\delta_{i,j+1} - y_j)")
    assert_in_range(values)


def test_the_shifted_delta_is_named_the_kronecker_delta(tmp_path):
    step = steps_by_line(tmp_path, KRONECKER + "$$\\sum_{i=1}^n \\delta_{i,j+1} a_i = a_{j+1}$$\n")
    assert "Kronecker delta" in str(step[5][0].readings)


def test_a_shifted_delta_with_no_entry_index_is_not_a_free_number(tmp_path):
    """No entry of the chain says what i and j index: the delta is not read, never -32/7."""
    assert verdict(tmp_path, KRONECKER, r"\delta_{i,j+1} x = 2x") != "refuted"


# -- unchanged: the plain readings ------------------------------------------------------------

def test_the_plain_softmax_jacobian_is_still_checked(tmp_path):
    assert verdict(tmp_path, SOFTMAX, r"\frac{\partial y_i}{\partial z_j} = y_i(\delta_{i,j} - y_j)"
                   ) == "checked"


def test_the_plain_wrong_diagonal_is_still_refuted(tmp_path):
    assert verdict(tmp_path, SOFTMAX, r"\frac{\partial y_i}{\partial z_i} = y_i(1 + y_i)"
                   ) == "refuted"
