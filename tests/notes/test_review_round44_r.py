"""Round 44, reviewer T (fixer R): sized parentheses after a function's name apply it
(``\\sigma\\bigl(z\\bigr)`` is σ at z: T06); a subscripted name the words introduce applied
(*Let $\\sigma_1(A)$ denote …*) is a function, and σ²(X) of random variables their variance
(T08); the iterates of a stated update rule are names in every formula of the note (T09); a
primed letter the words give its own formula as a second model is no derivative (T13)."""

from __future__ import annotations

import pytest

from symderive.notes.iteration_indices import iteration_labels
from tests.notes.note_steps import reasons_by_line, verdicts_by_line

CHECKED = {"proved", "checked"}


# --- T06: \bigl( … \bigr) after a function's name is its application ----------------------

@pytest.mark.parametrize("claim", [
    "\\sigma\\bigl(z\\bigr) + \\sigma\\bigl(-z\\bigr) = 1",  # T06
    "\\sigma\\Big(z\\Big) + \\sigma\\Bigl(-z\\Bigr) = 1",
    "\\sigma\\left(z\\right) + \\sigma(-z) = 1",
])
def test_the_sigmoid_with_sized_parentheses_is_applied(tmp_path, claim):
    note = f"# Note\n\nThe sigmoid is $\\sigma$.\n\n$${claim}$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]


def test_the_defined_sigmoid_with_sized_parentheses_is_applied(tmp_path):
    note = ("# Note\n\nLet $\\sigma(z) = \\frac{1}{1+e^{-z}}$ be the logistic sigmoid.\n\n"
            "$$\\sigma\\bigl(z\\bigr) + \\sigma\\bigl(-z\\bigr) = 1$$\n")
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]


@pytest.mark.parametrize("claim, verdict", [
    ("\\sin\\bigl(x\\bigr)^2 + \\cos\\Big(x\\Big)^2 = 1", "proved"),
    ("x\\bigl(1 - x\\bigr) = x - x^2", "proved"),  # a scalar times a sized group stays a product
    ("\\sigma\\bigl(z\\bigr) = 1 - \\sigma\\bigl(z\\bigr)", "refuted"),  # false for the sigmoid
])
def test_sized_parentheses_keep_the_reading_of_plain_ones(tmp_path, claim, verdict):
    note = f"# Note\n\nThe sigmoid is $\\sigma$.\n\n$${claim}$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == [verdict]


def test_a_defined_function_with_sized_parentheses_is_applied(tmp_path):
    note = "# Note\n\nLet $f(x) = x^2$.\n\n$$f\\bigl(2\\bigr) = 4$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]


def test_a_false_claim_between_numbers_shows_no_empty_counterexample(tmp_path, capsys):
    from symderive.cli import main

    note = tmp_path / "note.md"
    note.write_text("# Note\n\nThe sigmoid is $\\sigma$.\n\n$$\\sigma(0) = 1$$\n")
    main(["notes", str(note), "-v", "--no-cache"])
    out = capsys.readouterr().out
    assert "refuted" in out
    assert "counterexample:" not in out  # no values to show: only the two sides


# --- T08: σ_1(A), σ_X(t) introduced applied; σ²(X) of random variables ---------------------

@pytest.mark.parametrize("said, claim", [
    ("Let $\\sigma_1(A)$ denote the largest singular value of $A$.",
     "\\sigma_1(A + B) = \\sigma_1(A) + \\sigma_1(B)"),  # T08: only ≤ holds
    ("Let $s_1(A)$ denote the largest singular value of $A$.", "s_1(A + B) = s_1(A) + s_1(B)"),
    ("Let $\\sigma_X(t)$ be the volatility at time $t$.", "\\sigma_X(2t) = 2\\sigma_X(t)"),
    ("Let $\\sigma_{1}(A)$ denote the largest singular value of $A$.",
     "\\sigma_1(2A) = 2\\sigma_1(A)"),  # true for a singular value: not refuted either
])
def test_a_subscripted_name_the_words_introduce_applied_is_not_distributed(tmp_path, said, claim):
    found = verdicts_by_line(tmp_path, f"# Note\n\n{said} Then ${claim}$.\n")[3]
    assert found and not set(found) & (CHECKED | {"refuted"})


def test_the_reason_names_the_sentence_introducing_the_function(tmp_path):
    note = ("# Note\n\nLet $\\sigma_1(A)$ denote the largest singular value of $A$. Then "
            "$\\sigma_1(A + B) = \\sigma_1(A) + \\sigma_1(B)$.\n")
    assert "largest singular value" in " ".join(reasons_by_line(tmp_path, note)[3])


def test_a_subscripted_sigma_not_introduced_applied_stays_a_number(tmp_path):
    note = "# Note\n\nThen $\\sigma_1(x + 1) = \\sigma_1 x + \\sigma_1$.\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


@pytest.mark.parametrize("sentence, verdict", [
    ("The variance scales as $\\sigma^2(aX) = a^2\\sigma^2(X)$.", "proved"),  # T08: true
    ("For any random variable, $\\sigma^2(X + 1) = \\sigma^2(X)$.", "proved"),
    ("For any random variable, $\\sigma^2(X + Y) = \\sigma^2(X) + \\sigma^2(Y)$.",
     "undecided"),  # T08: only for uncorrelated X, Y
])
def test_sigma_squared_of_random_variables_is_their_variance(tmp_path, sentence, verdict):
    assert verdicts_by_line(tmp_path, f"# Note\n\n{sentence}\n")[3] == [verdict]


def test_sigma_squared_of_a_lower_case_sum_stays_a_variance_times_the_sum(tmp_path):
    note = "# Powers\n\nThen $\\sigma^2(x+1) = \\sigma^2 x + \\sigma^2$.\n"  # round 40
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


# --- T09: the iterates of a stated update rule ---------------------------------------------

RULE = "The update is $w^{k+1} = w^k - \\eta g^k$. Hence"


@pytest.mark.parametrize("consequence", [
    "w^{k+1} - w^k = -\\eta g^k",  # T09
    "w^{k} - w^{k+1} = \\eta g^k",
    "\\frac{w^{k+1} - w^k}{\\eta} = -g^k",
])
def test_a_consequence_of_an_update_rule_is_proved(tmp_path, consequence):
    note = f"# Gradient descent\n\n{RULE}\n\n$${consequence}$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]


def test_a_consequence_with_theta_and_t_is_proved(tmp_path):
    note = ("# Updates\n\nThe update is $\\theta^{t+1} = \\theta^t - \\eta g^t$. Hence\n\n"
            "$$\\theta^{t+1} - \\theta^{t} = -\\eta g^{t}$$\n")
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]


def test_the_gradient_descent_sentence_of_the_finding_is_not_refuted(tmp_path):
    note = ("# Gradient descent\n\nGradient descent updates the weights by "
            "$w^{k+1} = w^k - \\eta g^k$, so\n\n$$w^{k+1} - w^k = -\\eta g^k$$\n")
    found = verdicts_by_line(tmp_path, note)
    assert "refuted" not in found.get(3, []) + found[5]


def test_a_false_consequence_of_an_update_rule_is_refuted(tmp_path):
    note = f"# Gradient descent\n\n{RULE}\n\n$$w^{{k+1}} - w^k = \\eta g^k$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["refuted"]  # -ηg = ηg: false


def test_an_unrolled_claim_is_not_refuted_from_one_step_of_the_rule(tmp_path):
    note = ("# Gradient descent\n\nThe update is $w^{k+1} = w^k - \\eta g$ for a fixed $g$. "
            "Hence\n\n$$w^{k+1} = w^0 - (k+1) \\eta g$$\n")  # true by induction
    assert "refuted" not in verdicts_by_line(tmp_path, note)[5]


def test_powers_stay_powers_without_an_update_rule(tmp_path):
    note = "# Powers\n\nThen $x^{k+1} - x^k = x^k(x - 1)$.\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


def test_the_iterates_of_an_update_rule_are_its_names_with_their_letter():
    assert iteration_labels(["w^{k+1} = w^k - \\eta g^k"]) == {("w", "k"), ("g", "k")}
    assert iteration_labels(["x^{n+1} = x \\cdot x^n"]) == frozenset()


# --- T13: a primed letter given its own formula as a second model -------------------------

@pytest.mark.parametrize("said", [
    "Consider two hypotheses, $h(x) = 2x$ and $h'(x) = 3x$.",  # T13
    "Let $h(x) = 2x$. A second hypothesis is $h'(x) = 3x$.",
    "The pretrained model is $h(x) = 2x$; after fine-tuning we obtain the model $h'(x) = 3x$.",
    "두 모델 $h(x) = 2x$와 $h'(x) = 3x$를 생각하자.",
])
def test_a_second_model_written_with_a_prime_is_no_derivative(tmp_path, said):
    found = verdicts_by_line(tmp_path, f"# Two models\n\n{said}\n\n$$h'(1) - h(1) = 1$$\n")
    assert "refuted" not in found.get(3, []) + found[5]


@pytest.mark.parametrize("said", [
    "Let $h(x) = 2x$. Then $h'(x) = 3x$.",  # no second model: a (false) derivative claim
    "Consider the functions $h(x) = 2x$ and $h'(x) = 3x$.",  # functions: may be the derivative
])
def test_without_words_of_a_second_model_the_prime_is_the_derivative(tmp_path, said):
    assert "refuted" in verdicts_by_line(tmp_path, f"# Derivative\n\n{said}\n")[3]


def test_the_derivative_of_the_first_model_is_still_proved(tmp_path):
    note = "# Derivative\n\nLet $h(x) = 2x$. Then $h'(x) = 2$.\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]
