"""Round 40 (reviewer J, real ML notes), fixer O: a probability ``P(X = 1)`` lies in (0, 1)
(J06); ``E_\\pi = E_V = 1`` names values like ``E_a = E_b = 1`` (J07); a subscripted σ the note
calls a standard deviation is positive (J08); a bare ``tr`` in a note about the trace is the
trace (J09); the expectation of a bold vector is summed as a vector (J10)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import reasons_by_line, verdicts_by_line

SOUND = {"undecided", "skipped", "proved", "checked"}


# -- J06: an opaque probability is sampled in (0, 1) ---------------------------------------
@pytest.mark.parametrize("said, claim", [
    ("Since a probability lies between 0 and 1,", "P(X = 1)^2 \\le P(X = 1)"),  # J06
    ("For independent events the joint probability is at most either one:",
     "P(X = 1) P(Y = 1) \\le P(X = 1)"),  # J06
    ("A probability is at most its square root:", "\\sqrt{P(X = 1)} \\ge P(X = 1)"),
    ("The odds exceed the probability:", "\\frac{P(Y=1)}{1 - P(Y=1)} \\ge P(Y = 1)"),
])
def test_a_probability_is_never_given_a_value_outside_zero_one(tmp_path, said, claim):
    found = verdicts_by_line(tmp_path, f"# Bernoulli\n\n{said} ${claim}$.\n")[3]
    assert set(found) <= SOUND and "refuted" not in found


def test_the_square_of_a_probability_is_checked_below_it(tmp_path):
    note = "# Bernoulli\n\nSince a probability lies between 0 and 1, $P(X = 1)^2 \\le P(X = 1)$.\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["checked"]


def test_a_probability_above_its_square_is_still_refuted(tmp_path):
    note = "# Bernoulli\n\nHence $P(X = 1)^2 \\ge P(X = 1)$.\n"  # false for every p in (0, 1)
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]


# -- J07: a = b = 1 names two values whatever the letters ----------------------------------
@pytest.mark.parametrize("chain", [
    "E_\\pi = E_V = 1",  # J07 (lil-log PPG: two epoch counts)
    "E_{\\pi} = E_V = 1",
    "E_\\alpha = E_\\beta = 1",
    "e_a = e_b = 1",
    "E_a = E_b = 1",
])
def test_a_chain_of_names_set_to_a_number_is_not_refuted(tmp_path, chain):
    found = verdicts_by_line(tmp_path, f"# Sample reuse\n\nHere ${chain}$.\n")[3]
    assert "refuted" not in found


def test_a_claim_about_e_sub_pi_after_its_value_is_not_proved(tmp_path):
    note = "# S\n\nLet $E_\\pi = 2$. Then $E_\\pi + E_\\pi = 5$.\n"
    assert not set(verdicts_by_line(tmp_path, note)[3]) & {"proved", "checked"}


# -- J08: a subscripted standard deviation is positive -------------------------------------
@pytest.mark.parametrize("note", [
    "Let $\\sigma_1$ be the standard deviation of $x_1$. "
    "Then $r_1 = \\sqrt{2\\sigma_1^2} = \\sigma_1\\sqrt2$.",  # J08 (CS229 Gaussians)
    "With standard deviations $\\sigma_1$ and $\\sigma_2$, "
    "$\\sqrt{\\sigma_1^2 \\sigma_2^2} = \\sigma_1 \\sigma_2$.",
    "Let $\\sigma_{x}$ be the standard deviation of $x$. Then $\\sqrt{\\sigma_{x}^2} = \\sigma_{x}$.",
    "设 $\\sigma_1$ 为 $x_1$ 的标准差，则 $\\sqrt{2\\sigma_1^2} = \\sigma_1\\sqrt2$。",
])
def test_a_standard_deviation_with_a_subscript_is_positive(tmp_path, note):
    found = verdicts_by_line(tmp_path, f"# Contours\n\n{note}\n")[3]
    assert "refuted" not in found


def test_a_false_claim_about_a_standard_deviation_is_refuted_at_a_positive_one(tmp_path):
    note = ("# Contours\n\nLet $\\sigma_1$ be the standard deviation of $x_1$. "
            "Then $\\sqrt{4\\sigma_1^2} = \\sigma_1\\sqrt2$.\n")
    steps = verdicts_by_line(tmp_path, note)[3]
    assert steps == ["refuted"]


def test_a_subscripted_sigma_without_the_words_is_any_real(tmp_path):
    note = "# Roots\n\nThen $\\sqrt{2\\sigma_1^2} = \\sigma_1\\sqrt2$.\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]  # σ₁ < 0 is allowed here


# -- J09: a bare tr in a note about the trace is the trace ---------------------------------
@pytest.mark.parametrize("said, claim", [
    ("If $a$ is a real number, its trace is", "tr a = a"),  # J09 (CS229 notes1)
    ("If $a$ is a real number, its trace is", "tr(a) = a"),
    ("The trace of a number:", "Tr\\, a = a"),
    ("假如 $a$ 是一个实数，$a$ 的迹", "tr a = a"),
])
def test_a_bare_tr_named_the_trace_is_not_t_times_r(tmp_path, said, claim):
    note = f"# Trace\n\n{said} ${claim}$.\n"
    assert "refuted" not in verdicts_by_line(tmp_path, note)[3]
    assert all("trace" in (reason or "") for reason in reasons_by_line(tmp_path, note)[3])


def test_a_bare_tr_of_declared_matrices_is_checked_as_the_trace(tmp_path):
    note = ("# Trace\n\n<!-- symderive: assume A matrix 2 2 -->\n"
            "The trace of a matrix: $tr(2A) = 2 tr(A)$.\n\nAnd $tr(2A) = tr(A)$.\n")
    found = verdicts_by_line(tmp_path, note)
    assert found[4] == ["proved"]
    assert found[6] == ["refuted"]


def test_tr_without_the_word_trace_is_still_a_product(tmp_path):
    note = "# Letters\n\nThen $tr a = a$.\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]


# -- J10: the expectation of a bold vector -------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The encoder output $E(\\mathbf{x}) = \\mathbf{z}_e$ is looked up.",  # J10 (lil-log VQ-VAE)
    "Then $E(\\mathbf{x}) = 0$.",
])
def test_e_of_a_bold_vector_gives_no_internal_error(tmp_path, sentence):
    note = f"# VQ\n\n{sentence}\n"
    reasons = reasons_by_line(tmp_path, note)[3]
    assert not any("internal" in (reason or "") for reason in reasons)
    assert "refuted" not in verdicts_by_line(tmp_path, note)[3]


def test_the_expectation_of_a_vector_sum_is_the_sum_of_expectations(tmp_path):
    note = "# Linearity\n\nThen $E(\\mathbf{x} + \\mathbf{y}) = E(\\mathbf{x}) + E(\\mathbf{y})$.\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["checked"]


def test_the_expectation_of_a_vector_is_not_twice_itself(tmp_path):
    note = "# Scaling\n\nThen $E(\\mathbf{x}) = 2E(\\mathbf{x})$.\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]
