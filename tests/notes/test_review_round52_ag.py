"""Round 52, reviewer AL: a column of fresh names set equal to a column of values defines those
names (AL01); a counterexample giving a negative value to the variable a display just before
integrates from 0 to ∞ (the polar radius) refutes nothing (AL02); a sum over the outcomes x_i,
p_i of a law the note states in words is not refuted by free x_i, p_i (AL03)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import reasons_by_line, verdicts_by_line


# -- AL01: η = [η_1; η_2] = [μ/σ²; 1/(2σ²)] names the entries of η ----------------------------

ETA = r"""The Gaussian is in the exponential family with

* *natural parameters*: $\boldsymbol{\eta} = \begin{bmatrix} \eta_1 \\ \eta_2
\end{bmatrix} = \begin{bmatrix} \frac{\mu}{\sigma^2} \\
\frac{1}{2 \sigma^2} \end{bmatrix}$.
"""


def test_a_column_of_fresh_names_is_defined_by_the_column_of_values(tmp_path):
    assert verdicts_by_line(tmp_path, ETA)[3] == ["skipped", "skipped"]
    assert "defines the entries eta_1, eta_2" in reasons_by_line(tmp_path, ETA)[3][1]


@pytest.mark.parametrize("column", [
    r"\begin{pmatrix} w_{1} \\ w_{2} \\ w_{3} \end{pmatrix}",
    r"\begin{bmatrix} \theta_1 & \theta_2 \end{bmatrix}",
])
def test_other_columns_of_fresh_names_are_definitions_too(tmp_path, column):
    values = (r"\begin{pmatrix} a + b \\ a - b \\ 2a \end{pmatrix}" if "w_" in column
              else r"\begin{bmatrix} \mu^2 & -\mu \end{bmatrix}")
    note = f"Then\n\n$$\nv = {column} = {values}\n$$\n"
    assert "refuted" not in sum(verdicts_by_line(tmp_path, note).values(), [])


def test_names_written_before_as_generic_components_have_no_value_yet(tmp_path):
    note = (r"We have the vector $\boldsymbol{\eta} = (\eta_1, \eta_2, ..., \eta_l) \in "
            r"\mathbb{R}^l$ of natural parameters." "\n\n" + ETA)
    assert verdicts_by_line(tmp_path, note)[5] == ["skipped", "skipped"]


def test_a_column_whose_values_use_its_own_names_is_still_checked(tmp_path):
    note = (r"$$A = \begin{bmatrix} a_{11} & a_{12} \\ a_{21} & a_{22} \end{bmatrix} = "
            r"\begin{bmatrix} a_{11} & a_{21} \\ a_{12} & a_{22} \end{bmatrix}$$" "\n")
    assert verdicts_by_line(tmp_path, note)[1][-1] != "skipped"


def test_names_the_note_already_gave_values_are_still_checked(tmp_path):
    note = ("Let $x_1 = 1$ and $x_2 = 2$.\n\n"
            r"$$\begin{bmatrix} x_1 \\ x_2 \end{bmatrix} = "
            r"\begin{bmatrix} 1 \\ 3 \end{bmatrix}$$" "\n")
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]


def test_a_column_of_expressions_is_still_checked(tmp_path):
    note = (r"$$\begin{bmatrix} a + b \\ a - b \end{bmatrix} = "
            r"\begin{bmatrix} b + a \\ b + a \end{bmatrix}$$" "\n")
    assert verdicts_by_line(tmp_path, note)[1] == ["refuted"]


# -- AL02: the polar radius of ∫_0^∞ … dr is not negative --------------------------------------

POLAR = r"""If we let $\boldsymbol{\phi}(r, \theta) = (r \cos(\theta),  r\sin(\theta))$ (which is to say that $x = r \cos(\theta)$, $y = r \sin(\theta)$), then the integral becomes

$$
\int _ 0^\infty \int_0 ^ {2\pi} e^{-r^{2}} \left|\det(D\mathbf{\phi}(\mathbf{x}))\right|\;d\theta\;dr,
$$

where

$$
\left|\det(D\mathbf{\phi}(\mathbf{x}))\right| = \left|\det\begin{bmatrix}
\cos(\theta) & -r\sin(\theta) \\
\sin(\theta) & r\cos(\theta)
\end{bmatrix}\right| = r(\cos^{2}(\theta) + \sin^{2}(\theta)) = r.
$$
"""


def test_the_radius_integrated_from_zero_is_not_negative(tmp_path):
    verdicts = verdicts_by_line(tmp_path, POLAR)[11]
    assert verdicts[1:] == ["undecided", "proved"]
    assert "integrates r from 0 to ∞" in reasons_by_line(tmp_path, POLAR)[11][1]


def test_the_bounds_may_be_braced_and_the_integrals_in_the_other_order(tmp_path):
    note = POLAR.replace(r"\int _ 0^\infty \int_0 ^ {2\pi}", r"\int_{0}^{2\pi} \int_{0}^{\infty}")
    note = note.replace(r"\;d\theta\;dr", r"\, dr \, d\theta")
    assert verdicts_by_line(tmp_path, note)[11][1:] == ["undecided", "proved"]


def test_a_variable_integrated_over_the_whole_line_may_be_negative(tmp_path):
    note = POLAR.replace(r"\int _ 0^\infty", r"\int_{-\infty}^{\infty}")
    assert verdicts_by_line(tmp_path, note)[11][1] == "refuted"


def test_without_the_integral_the_step_is_still_refuted(tmp_path):
    note = POLAR.replace(
        "\\int _ 0^\\infty \\int_0 ^ {2\\pi} e^{-r^{2}} "
        "\\left|\\det(D\\mathbf{\\phi}(\\mathbf{x}))\\right|\\;d\\theta\\;dr,", "e^{-r^{2}} u,")
    assert verdicts_by_line(tmp_path, note)[11][1] == "refuted"


# -- AL03: Σ_i x_i p_i over the law the note states in words -----------------------------------

MEAN = r"""If we have a discrete random variable $X$, which takes the values $x_i$ with probabilities $p_i$, then the mean is

$$\mu_X = E[X] = \sum_i x_i p_i.$$

Let $X$ be the random variable which takes the value $a-2$ with probability $p$, $a+2$ with probability $p$ and $a$ with probability $1-2p$. Then the mean is

$$
\mu_X = E[X] = \sum_i x_i p_i = (a-2)p + a(1-2p) + (a+2)p = a.
$$
"""


def test_the_sum_over_the_stated_law_is_not_refuted(tmp_path):
    assert verdicts_by_line(tmp_path, MEAN)[9] == ["proved", "undecided", "undecided", "proved"]
    assert "a law the note states in words" in reasons_by_line(tmp_path, MEAN)[9][2]


def test_a_wrong_mean_is_still_refuted(tmp_path):
    note = MEAN.replace("(a+2)p = a.", "(a+2)p = a + 1.")
    assert verdicts_by_line(tmp_path, note)[9][-1] == "refuted"


def test_a_sum_with_no_law_in_words_is_still_refuted(tmp_path):
    note = r"$$\sum_i x_i p_i = (a-2)p + a(1-2p) + (a+2)p$$" "\n"
    assert verdicts_by_line(tmp_path, note)[1] == ["refuted"]
