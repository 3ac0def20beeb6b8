r"""Reader findings of the eleventh adversarial review (/work/findings/round11a.md F4, F5, F6,
F9): true claims *refuted* by a misreading, each with the reviewer's note text, a true control
of the same form that must be decided, and a false one that must stay refuted:

* F4 — in a note about complex numbers (*complex plane*, *imaginary unit*, 복소수, 허수 단위,
  ``i^2 = -1``, ``z = x + iy``, a heading "Complex numbers") a bare ``i`` that is no index is
  the imaginary unit: ``(1 + i)^2 = 2i`` is proved with i = √−1, never refuted at i = −17/3;
* F5 — ``∂x_j/∂x_i`` is δ_ij, not 0: a derivative by ``x_i`` of an expression holding ``x_j``
  (Einstein's ``x_j x_j``) decides nothing as read;
* F6 — an index's range comes from its own claim's sums (k in 1..K), never from another
  display's ``\sum_j`` of size n;
* F9 — the bare name of a defined function (``l = …`` after ``l(\mathbf{y}, \hat{\mathbf{y}})
  = …``) is its value at the defined arguments, never a free number.
"""

import pytest

from symderive.notes.imaginary import complex_statements
from tests.notes.note_steps import first_reasons, first_verdicts

pytestmark = pytest.mark.slow


# -- F4: i the imaginary unit in a note about complex numbers -------------------------------------

COMPLEX = r"""# Complex plane

A point $z$ of the complex plane is written $z = x + iy$, and

$$ (x + iy)(x - iy) = x^2 + y^2 $$

# Complex numbers

$$ (1 + i)^2 = 2i $$

$$ \frac{1}{i} = -i $$

$$ (1 + i)^2 = 2 $$
"""


def test_complex_plane_identities_are_proved_with_i_the_imaginary_unit(tmp_path):
    verdicts = first_verdicts(tmp_path, COMPLEX)
    reasons = first_reasons(tmp_path, COMPLEX)
    assert verdicts[5] == verdicts[9] == verdicts[11] == "proved"
    assert "imaginary unit" in reasons[9] and "Complex numbers" in reasons[9]
    # (1 + i)^2 = 2i ≠ 2: false with i = √−1, and no real i refutes what the note says
    assert verdicts[13] == "undecided" and "imaginary unit" in reasons[13]


@pytest.mark.parametrize("words", [
    "$i$ denotes the imaginary unit.",
    "Recall that $i^2 = -1$.",
    "We work with complex numbers.",
    "$i$는 허수 단위이다.",
    "복소수를 다룬다.",
    "By Euler's formula, rotations are products.",
])
def test_words_that_make_i_the_imaginary_unit(tmp_path, words):
    note = f"# Algebra\n\n{words}\n\n$$ (1 + i)(1 - i) = 2 $$\n\n$$ i^3 = -i $$\n"
    verdicts = first_verdicts(tmp_path, note)
    assert verdicts[5] == verdicts[7] == "proved"


def test_euler_formula_is_proved_where_the_note_names_it(tmp_path):
    note = ("# Euler\n\nBy Euler's formula,\n\n"
            "$$ e^{i\\theta} = \\cos\\theta + i\\sin\\theta $$\n")
    assert first_verdicts(tmp_path, note)[5] == "proved"


def test_i_stays_a_real_name_where_no_complex_number_is_named(tmp_path):
    # never proved with i = √−1 unnamed; and, since round 14a L1, not refuted at a real i
    # either when the claim holds with i = √−1 ((1 + i)^2 = 2i has no real solution at all:
    # its author means the unit); a claim false at √−1 too (i^3 = i) stays refuted
    note = "# Algebra\n\n$$ (1 + i)^2 = 2i $$\n\n$$ i^3 = i $$\n"
    verdicts = first_verdicts(tmp_path, note)
    assert verdicts[3] == "undecided" and verdicts[5] == "refuted"


def test_i_stays_an_index_in_a_complex_note_where_it_is_a_subscript(tmp_path):
    note = ("# Sums\n\n$i$ denotes the imaginary unit. In the complex plane we also sum:\n\n"
            "$$ \\sum_{i=1}^{n} (x_i + 1) = \\sum_{i=1}^{n} x_i + n $$\n\n"
            "$$ x_i + x_i = 3 x_i $$\n")
    verdicts = first_verdicts(tmp_path, note)
    assert verdicts[5] == "proved"
    assert verdicts[7] == "refuted"


def test_complex_words_are_read_from_headings_and_formulas():
    lines = ("# Complex numbers", "Take $z = x + iy$.", "Then $i^2 = -1$.", "nothing here")
    assert [line for line, _ in complex_statements(lines)] == [1, 2, 3]


# -- F5: ∂x_j/∂x_i is δ_ij ------------------------------------------------------------------------

EINSTEIN = r"""# Index notation

We use the Einstein summation convention: repeated indices are summed.

$$ \frac{\partial}{\partial x_i}(x_j x_j) = 2 x_i $$

$$ \frac{\partial (a_j x_j)}{\partial x_i} = a_i $$
"""


def test_einstein_gradients_are_checked_where_the_note_states_the_convention(tmp_path):
    # x_j x_j = Σ_j x_j², ∂/∂x_i = 2x_i; ∂(Σ_j a_j x_j)/∂x_i = a_i: x and a vectors of a size
    assert first_verdicts(tmp_path, EINSTEIN) == {5: "checked", 7: "checked"}


def test_wrong_einstein_gradients_stay_refuted(tmp_path):
    note = EINSTEIN.replace("= 2 x_i", "= 3 x_i").replace("= a_i", "= 2 a_i")
    assert first_verdicts(tmp_path, note) == {5: "refuted", 7: "refuted"}


def test_an_index_three_times_is_not_einstein(tmp_path):
    note = EINSTEIN.replace("(x_j x_j) = 2 x_i", "(a_j x_j x_j) = 2 a_i x_i")
    assert first_verdicts(tmp_path, note)[5] == "skipped"


def test_einstein_gradient_without_the_sentence_is_not_refuted(tmp_path):
    note = "# Gradient\n\n$$ \\frac{\\partial}{\\partial x_i}(x_j x_j) = 2 x_i $$\n"
    assert first_verdicts(tmp_path, note)[3] == "undecided"
    assert "δ_" in first_reasons(tmp_path, note)[3]


def test_a_derivative_by_an_entry_through_a_definition_is_not_refuted(tmp_path):
    # ∂(x_1² + x_2²)/∂x_i = 2x_i for i in {1, 2}: read with x_i another name it would be 0
    note = ("# Gradient\n\nLet $f = x_1^2 + x_2^2$.\n\n"
            "$$ \\frac{\\partial f}{\\partial x_i} = 2 x_i $$\n")
    assert first_verdicts(tmp_path, note)[5] == "undecided"


def test_derivatives_by_numbered_or_other_entries_are_still_decided(tmp_path):
    note = ("# Gradient\n\n$$ \\frac{\\partial}{\\partial x_1} (x_1^2 + x_2^2) = 2 x_1 $$\n\n"
            "$$ \\frac{\\partial}{\\partial x_1} (x_1^2 + x_2^2) = 3 x_1 $$\n\n"
            "$$ \\frac{\\partial}{\\partial x_i} (x_i^2 + y_j) = 2 x_i $$\n")
    verdicts = first_verdicts(tmp_path, note)
    assert verdicts[3] == "proved" and verdicts[7] == "proved"
    assert verdicts[5] == "refuted"


def test_a_summed_gradient_is_still_decided(tmp_path):
    note = ("# Gradient\n\n$$ \\frac{\\partial}{\\partial x_k} \\sum_{j=1}^{n} x_j^2 = 2 x_k $$\n\n"
            "$$ \\frac{\\partial}{\\partial x_k} \\sum_{j=1}^{n} x_j^2 = 3 x_k $$\n")
    verdicts = first_verdicts(tmp_path, note)
    assert verdicts[3] in ("proved", "checked")
    assert verdicts[5] == "refuted"


# -- F6: an index ranges over its own claim's sums ------------------------------------------------

LEAK = r"""# Gradients

$$ \frac{\partial}{\partial w_k} \sum_j w_j x_j = x_k $$

$$ \frac{\partial}{\partial z_k} \log \sum_{j=1}^{K} e^{z_j} = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}} $$

$$ \frac{\partial}{\partial z_k} \log \sum_{j=1}^{K} e^{z_j} = \frac{e^{2 z_k}}{\sum_{j=1}^{K} e^{z_j}} $$
"""


def test_log_sum_exp_gradient_is_checked_after_another_sum(tmp_path):
    verdicts = first_verdicts(tmp_path, LEAK)
    assert verdicts[3] == "checked"
    assert verdicts[5] == "checked"
    assert verdicts[7] == "refuted"


def test_the_index_i_after_another_sum_names_no_sin_or_cos(tmp_path):
    note = LEAK.replace("z_k", "z_i").replace("w_k", "w_i").replace("x_k", "x_i")
    verdicts = first_verdicts(tmp_path, note)
    reasons = first_reasons(tmp_path, note)
    assert verdicts[5] == "checked"
    assert "sin/cos" not in reasons[7]


# -- F9: the bare name of a defined function is its value -----------------------------------------

LOSS = r"""# Softmax regression

The loss is

$$ l(\mathbf{y}, \hat{\mathbf{y}}) = -\sum_{j=1}^{q} y_j \log \frac{\exp(o_j)}{\sum_{k=1}^{q}\exp(o_k)} $$

Expanding the logarithm,

$$ l = \sum_{j=1}^{q} y_j \log \sum_{k=1}^{q} \exp(o_k) - \sum_{j=1}^{q} y_j o_j $$
"""


def test_the_expanded_loss_is_proved_with_its_definition(tmp_path):
    verdicts = first_verdicts(tmp_path, LOSS)
    reasons = first_reasons(tmp_path, LOSS)
    assert verdicts[9] in ("proved", "checked")
    assert "line 5" in reasons[9]


def test_a_wrong_expansion_of_the_loss_is_refuted_as_defined(tmp_path):
    note = LOSS.replace("- \\sum_{j=1}^{q} y_j o_j $$", "+ \\sum_{j=1}^{q} y_j o_j $$")
    assert first_verdicts(tmp_path, note)[9] == "refuted"


def test_the_bare_name_inside_a_product_is_no_free_number(tmp_path):
    note = LOSS.replace("$$ l = \\sum", "$$ 2 l = 2\\sum").replace("- \\sum_{j=1}^{q} y_j o_j $$",
                                                                 "- 2\\sum_{j=1}^{q} y_j o_j $$")
    verdicts = first_verdicts(tmp_path, note)
    reasons = first_reasons(tmp_path, note)
    assert verdicts[9] == "undecided" and "bare name" in reasons[9]


def test_mixed_partials_of_an_unknown_function_are_still_proved(tmp_path):
    # d²f/dx_i dx_j = d/dx_i (df/dx_j) whatever i and j are
    note = ("# Mixed\n\n$$ \\frac{d^2f}{dx_idx_j} = \\frac{d}{dx_i}\\left(\\frac{d}{dx_j}f\\right) $$\n\n"
            "$$ \\frac{\\partial}{\\partial x_i} \\frac{\\partial}{\\partial x_j} (x_j x_j) = 0 $$\n")
    verdicts = first_verdicts(tmp_path, note)
    assert verdicts[3] == "proved"
    assert verdicts[5] == "undecided"  # 2δ_ij, not 0


def test_a_written_square_of_an_entry_is_not_read_as_einstein(tmp_path):
    # x_j^2 as written: one entry squared or Σ_j x_j²? The convention sums x_j x_j only
    note = EINSTEIN.replace("(x_j x_j) = 2 x_i", "(x_j^2) = 2 x_i")
    assert first_verdicts(tmp_path, note)[5] == "skipped"
