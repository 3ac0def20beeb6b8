"""Round 44 (reviewer V, real public lecture notes), fixer P: the complement ``A^c`` of an event
inside ``P(…)`` is no power (V01); ``dZ_2``, ``dW_1`` name gradients in backpropagation notes,
never d times Z_2 (V03); ``du = 2x\\,dx`` relates differentials, never a product with a
variable d (V04); ``\\hat{y_1}`` is ``\\hat{y}_1`` (a note of V's: a parse error skipped whole
backpropagation notes)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import steps_by_line, verdicts_by_line

SOUND = {"undecided", "skipped", "proved", "checked"}


# -- V01: P(A^c) is the probability of the complement, 1 - P(A) ---------------------------
@pytest.mark.parametrize("claim", [
    "P(A^c) = 1 - P(A)",  # V01 (nglelinh, Basic Probability Theory: Complement Rule)
    "P(A^{c}) = 1 - P(A)",
    "P(A^C) = 1 - P(A)",
    "P(A^\\complement) + P(A) = 1",
    "P(A^{\\mathsf{c}}) = 1 - P(A)",
    "P(\\bar{A}) = 1 - P(A)",
    "P(\\overline{B}) = 1 - P(B)",
    "P(A_1^c) = 1 - P(A_1)",
    "\\frac{P(A)}{P(A^{c})} = \\frac{P(A)}{1-P(A)}",  # V01 (ratsgo, logistic: the odds)
])
def test_the_complement_rule_is_proved(tmp_path, claim):
    note = f"# Probability basics\n\n#### Complement Rule\n$${claim}$$\n"
    assert verdicts_by_line(tmp_path, note)[4] == ["proved"]


@pytest.mark.parametrize("claim", [
    "P(A^c) = P(A)",  # true only when P(A) = 1/2
    "P(A^c) = 1 + P(A)",
    "P(\\bar{A}) = P(A)",
])
def test_a_false_complement_rule_is_never_proved(tmp_path, claim):
    note = f"# Probability basics\n\n$${claim}$$\n"
    assert not set(verdicts_by_line(tmp_path, note)[3]) & {"proved", "checked"}


def test_a_complement_is_named_in_the_reading(tmp_path):
    note = "# Probability basics\n\n$$P(A^c) = 1 - P(A)$$\n"
    readings = steps_by_line(tmp_path, note)[3][0].readings
    assert any("complement of the event A" in reading for reading in readings)


# -- V03: dZ_2 names a gradient, not d times Z_2 --------------------------------------------
@pytest.mark.parametrize("note", [
    "Backward pass through ReLU (active units):\n\n$$\ndZ_2 = dA_2\n$$\n",  # V03
    "Since ReLU is active here, its derivative is 1:\n\n$$\ndZ_2 = dA_2\n$$\n",
    "Since ReLU is active, $dW = dZ$.\n",  # V03 (the words of the finding)
    "Then\n\n$$\ndW_1 = dZ_1 X^T\n$$\n",  # V03 (Andrew Ng's notation)
    "Then $dZ_1 = dA_1$ and $dA_1 = dZ_2 W_2^T$.\n",
])
def test_a_gradient_name_is_never_refuted_as_a_product(tmp_path, note):
    found = [verdict for verdicts in verdicts_by_line(tmp_path, note).values()
             for verdict in verdicts]
    assert found and set(found) <= SOUND and "refuted" not in found


def test_a_gradient_name_read_with_the_note_dz_example(tmp_path):
    note = ("## Hidden layer 2\n\n$$\ndA_2 = dZ_3 W_3^T = [0.004,;0.026]\n$$\n\n"
            "Since ReLU is active here, its derivative is 1:\n\n$$\ndZ_2 = dA_2\n$$\n")
    found = verdicts_by_line(tmp_path, note)
    assert "refuted" not in [verdict for verdicts in found.values() for verdict in verdicts]


def test_a_defined_d_still_multiplies(tmp_path):
    note = "Let $d$ be the dimension.\n\n$$dx + dx = 2dx$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


def test_a_d_with_a_value_still_multiplies_a_capital(tmp_path):
    note = "Let $d = 3$. Then $dZ + dZ = 6Z$.\n"
    assert verdicts_by_line(tmp_path, note)[1] == ["proved"]


def test_a_d_with_a_value_gives_a_false_product_refuted(tmp_path):
    note = "Let $d = 3$. Then $dZ + dZ = 5Z$.\n"
    assert verdicts_by_line(tmp_path, note)[1] == ["refuted"]


# -- V04: du = 2x dx is a relation between differentials ------------------------------------
@pytest.mark.parametrize("note", [
    "To integrate $\\int 2x e^{x^2} dx$, substitute $u = x^2$. Then\n\n$$\ndu = 2x\\,dx\n$$\n",
    "Let $y = x^3$. Then $dy = 3x^2 dx$.\n",  # V04
    "Substitute $u = x^2$. Then\n\n$$\n\\mathrm{d}u = 2x\\,\\mathrm{d}x\n$$\n",  # V04
    "Substitute $u = x^2$. Then\n\n$$\n\\text{d}u = 2x\\,\\text{d}x\n$$\n",
    "Substitute $u = \\sin x$, so $du = \\cos x\\,dx$.\n",
    "Substitute $u = x^2$: $du = 3x\\,dx$.\n",  # false (du = 2x dx), but not as d·u
])
def test_a_relation_between_differentials_is_not_refuted(tmp_path, note):
    steps = steps_by_line(tmp_path, note)
    differential = steps[max(steps)][-1]  # the note's last formula
    assert differential.verdict == "skipped"
    assert "a relation between differentials" in differential.reason


def test_a_definite_integral_still_reads_its_differential(tmp_path):
    note = "# Integrals\n\n$$\\int_0^1 2x\\,dx = 1$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


def test_a_derivative_fraction_still_reads(tmp_path):
    note = "# Derivatives\n\n$$\\frac{d}{dx} x^2 = 2x$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


def test_a_false_derivative_fraction_is_still_refuted(tmp_path):
    note = "# Derivatives\n\n$$\\frac{d}{dx} x^2 = 3x$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]


# -- \hat{y_1}: the subscript inside the hat is the subscript after it ---------------------
def test_a_subscript_inside_a_hat_names_the_same_estimate(tmp_path):
    note = "# Loss\n\nLet $\\hat{y}_1 = 0.5$ and $y_1 = 1$.\n\n$$(\\hat{y_1} - y_1)^2 = 0.25$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]


@pytest.mark.parametrize("claim", [
    "\\hat{y_1} + \\hat{y}_1 = 2\\hat{y}_1",
    "\\tilde{x_{1}} - \\tilde{x}_1 = 0",
    "\\hat{\\beta_1} - \\hat{\\beta}_1 = 0",
])
def test_a_hat_around_a_subscript_is_the_hat_before_it(tmp_path, claim):
    assert verdicts_by_line(tmp_path, f"# Estimates\n\n$${claim}$$\n")[3] == ["proved"]


def test_a_hat_around_a_subscript_gives_no_false_proof(tmp_path):
    note = "# Estimates\n\n$$\\hat{y_1} + \\hat{y}_1 = 3\\hat{y}_1$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]


def test_a_bold_name_around_a_subscript_is_still_not_read(tmp_path):
    note = "# Vectors\n\n$$\\mathbf{x_1} + \\mathbf{x}_1 = 2\\mathbf{x}_1$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["skipped"]
