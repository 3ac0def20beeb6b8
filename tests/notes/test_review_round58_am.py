"""Round 58 AX01, AX02 (fixer am): the gradient of a batch loss summed over two indices.

``E = \\frac{1}{2}\\sum_{n=1}^N\\sum_{k=1}^K (y_{nk} - t_{nk})^2`` runs over the entries of one
2-D family y.  The grammar read ``y_{nk}`` under the two sums as the row ``y_n[k]`` (the summed n
hidden in the row's name) and a free ``y_{mj}`` as a name of its own, so ∂E/∂y_{mj} was 0:
``= 0`` was *proved* (AX01) and the true ``y_{mj} - t_{mj}`` *refuted* (AX02).  Now ``y_{nk}``
under sums over n and k is the entry y[n, k], and ``y_{mj}``, ``y_{m,j}``, ``y_{m j}`` beside it
are the family's entries y[m, j] (m in 1..N, j in 1..K): ∂E/∂y_{mj} = y_{mj} − t_{mj}.
"""

from __future__ import annotations

import pytest
import sympy as sp

from symderive.grammar.latex import parse_latex_math
from tests.notes.note_steps import verdicts_by_line

LOSS = ("The loss is $E = \\frac{1}{2}\\sum_{n=1}^N\\sum_{k=1}^K (y_{nk} - t_{nk})^2$. "
        "Differentiating with respect to one output,\n")


def gradient_note(claim: str, loss: str = LOSS) -> str:
    return f"# Squared error over a batch\n\n{loss}$${claim}$$\n"


def test_an_entry_with_two_summed_indices_is_the_2d_family_entry():
    n, k = sp.Symbol("n", integer=True), sp.Symbol("k", integer=True)
    total = parse_latex_math("\\sum_{n=1}^N\\sum_{k=1}^K y_{nk}")
    assert total.function == sp.IndexedBase("y")[n, k]


# -- AX01: ∂E/∂y_{mj} = 0 is not proved (it is false) ------------------------------------------

@pytest.mark.parametrize("variable", ["y_{mj}", "y_{m,j}", "y_{m j}"])
def test_the_gradient_by_one_entry_of_a_batch_is_not_zero(tmp_path, variable):
    note = gradient_note(f"\\frac{{\\partial E}}{{\\partial {variable}}} = 0")
    assert verdicts_by_line(tmp_path, note)[4] != ["proved"]
    assert verdicts_by_line(tmp_path, note)[4] != ["checked"]


@pytest.mark.parametrize("loss, variable", [
    ("The loss is $E = \\frac{1}{2}\\sum_{n=1}^N\\sum_{k=1}^K (y_{n,k} - t_{n,k})^2$.\n", "y_{mj}"),
    ("The loss is $E = \\frac{1}{2}\\sum_{n=1}^N\\sum_{k=1}^K (\\hat{y}_{nk} - t_{nk})^2$.\n",
     "\\hat{y}_{mj}"),
    ("The loss is $E = \\frac{1}{2}\\sum_{n=1}^N\\sum_{k=1}^K\\sum_{l=1}^L (y_{nkl} - t_{nkl})^2$.\n",
     "y_{mjr}"),
    ("손실 함수는 $E = \\frac{1}{2}\\sum_{n=1}^N\\sum_{k=1}^K (y_{nk} - t_{nk})^2$ 이다. "
     "한 출력에 대해 미분하면\n", "y_{mj}"),
])
def test_close_variants_of_the_batch_loss_never_prove_a_zero_gradient(tmp_path, loss, variable):
    note = gradient_note(f"\\frac{{\\partial E}}{{\\partial {variable}}} = 0", loss)
    assert verdicts_by_line(tmp_path, note)[4][0] not in ("proved", "checked")


def test_an_entry_with_fewer_indices_than_the_family_is_not_read(tmp_path):
    note = gradient_note("\\frac{\\partial E}{\\partial y_k} = 0")
    assert verdicts_by_line(tmp_path, note)[4] == ["skipped"]


@pytest.mark.parametrize("claim", [
    "\\frac{\\partial E}{\\partial y_{nk}} = 0",  # the sum's own letters, free outside it
    "\\frac{\\partial E}{\\partial y_{nk}} = y_{nk} - t_{nk}",
])
def test_a_derivative_by_the_sums_own_letters_is_neither_proved_nor_refuted(tmp_path, claim):
    assert verdicts_by_line(tmp_path, gradient_note(claim))[4][0] not in ("proved", "refuted")


# -- AX02: the batch gradients are checked, wrong ones refuted ----------------------------------

@pytest.mark.parametrize("loss, claim, verdict", [
    (LOSS, "\\frac{\\partial E}{\\partial y_{mj}} = y_{mj} - t_{mj}", "checked"),
    (LOSS, "\\frac{\\partial E}{\\partial y_{m,j}} = y_{m,j} - t_{m,j}", "checked"),
    (LOSS, "\\frac{\\partial E}{\\partial y_{mj}} = 2(y_{mj} - t_{mj})", "refuted"),
    ("The loss is $E = \\frac{1}{2N}\\sum_{n=1}^N\\sum_{k=1}^K (y_{nk} - t_{nk})^2$.\n",
     "\\frac{\\partial E}{\\partial y_{mj}} = \\frac{1}{N}(y_{mj} - t_{mj})", "checked"),
    ("The loss is $E = \\frac{1}{2}\\sum_{n=1}^N\\sum_{k=1}^K (\\hat{y}_{nk} - t_{nk})^2$.\n",
     "\\frac{\\partial E}{\\partial \\hat{y}_{mj}} = \\hat{y}_{mj} - t_{mj}", "checked"),
    ("The loss is $E = \\frac{1}{2}\\sum_{n=1}^N\\sum_{k=1}^K\\sum_{l=1}^L (y_{nkl} - t_{nkl})^2$.\n",
     "\\frac{\\partial E}{\\partial y_{mjr}} = y_{mjr} - t_{mjr}", "checked"),
    ("The loss is $E = \\sum_{n=1}^N\\sum_{k=1}^K w_k y_{nk}$.\n",
     "\\frac{\\partial E}{\\partial w_j} = \\sum_{n=1}^N y_{nj}", "checked"),
])
def test_the_gradients_of_a_batch_loss(tmp_path, loss, claim, verdict):
    assert verdicts_by_line(tmp_path, gradient_note(claim, loss))[4] == [verdict]


SOFTMAX = ("Let $y_{nk} = \\frac{\\exp(z_{nk})}{\\sum_{j=1}^K \\exp(z_{nj})}$ and "
           "$L = -\\frac{1}{N}\\sum_{n=1}^N\\sum_{k=1}^K t_{nk} \\log y_{nk}$, where "
           "$\\sum_{k=1}^K t_{nk} = 1$ for every $n$.\n\nThen\n")


@pytest.mark.parametrize("gradient", [
    "\\frac{1}{N}(y_{mj} - t_{mj})",  # true as meant (AX-batchce)
    "y_{mj} - t_{mj}",  # the 1/N missing (AX-softmax4): never refuted as "left side = 0"
])
def test_a_batch_softmax_defined_entry_by_entry_is_not_read_as_a_zero_gradient(tmp_path,
                                                                               gradient):
    note = f"# Softmax over a batch\n\n{SOFTMAX}$$\\frac{{\\partial L}}{{\\partial z_{{mj}}}} = {gradient}$$\n"
    assert verdicts_by_line(tmp_path, note)[6] == ["skipped"]


# -- the one-index gradient is still checked (round 57) -----------------------------------------

@pytest.mark.parametrize("gradient, verdict", [
    ("\\frac{1}{N}(y_k - t_k)", "checked"),
    ("y_k - t_k", "refuted"),
])
def test_the_one_index_mean_squared_error_gradient_is_unchanged(tmp_path, gradient, verdict):
    loss = "The loss is $E = \\frac{1}{2N}\\sum_{n=1}^N (y_n - t_n)^2$.\n"
    claim = f"\\frac{{\\partial E}}{{\\partial y_k}} = {gradient}"
    assert verdicts_by_line(tmp_path, gradient_note(claim, loss))[4] == [verdict]


# -- the same root cause in a quadratic form: a_{ij} under sums over i and j is a[i, j] ---------

QUADRATIC = "Let $f = \\sum_{i=1}^n\\sum_{j=1}^n a_{ij} x_i x_j$.\n"


@pytest.mark.parametrize("claim, verdict", [
    ("\\frac{\\partial f}{\\partial a_{kl}} = x_k x_l", "checked"),  # was refuted
    ("\\frac{\\partial f}{\\partial x_k} = \\sum_{j=1}^n (a_{kj} + a_{jk}) x_j", "checked"),
])
def test_the_gradients_of_a_quadratic_form_in_its_entries(tmp_path, claim, verdict):
    note = f"# Quadratic form\n\n{QUADRATIC}$${claim}$$\n"
    assert verdicts_by_line(tmp_path, note)[4] == [verdict]


def test_a_zero_gradient_of_a_quadratic_form_by_an_entry_is_not_proved(tmp_path):
    note = f"# Quadratic form\n\n{QUADRATIC}$$\\frac{{\\partial f}}{{\\partial a_{{kl}}}} = 0$$\n"
    assert verdicts_by_line(tmp_path, note)[4][0] not in ("proved", "checked")
