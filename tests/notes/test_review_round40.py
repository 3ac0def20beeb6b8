"""Round 40 (a review of round 39's fixes), the findings fixed in the main line: a Unicode σ in
the mathematics is the same letter as ``\\sigma`` for every reader (a standard deviation, a value,
a definition as ReLU: I03–I05); a refutation moved to positive bases is withheld where a
self-power's base stays negative there (I06); degrees stated beside a conversion, 60분법 (I08,
I09); row vectors as 가로 벡터 or a $1 \\times n$ matrix (I10)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import verdicts_by_line

DECIDING = {"proved", "checked", "refuted"}


@pytest.mark.parametrize("note, line", [
    ("For a random variable $X$, the standard deviation $σ(X)$ is the square root of its "
     "variance.\n$$σ(-X) = 1 - σ(X)$$\n", 2),  # I03: σ(−X) = σ(X) for a deviation
    ("We define the activation by\n$$σ(x) = \\max(0, x)$$\nThen for every $x$,\n"
     "$$σ(-x) = 1 - σ(x)$$\n", 4),  # I04: false for ReLU
    ("The noise has scale $σ$, so the shifted reading is\n$$σ(a + 1) = σa + σ$$\n", 2),  # I05
])
def test_a_unicode_sigma_is_read_as_the_note_means_it(tmp_path, note, line):
    assert not set(verdicts_by_line(tmp_path, note).get(line, [])) & DECIDING


def test_a_unicode_sigma_with_no_other_meaning_is_the_sigmoid(tmp_path):
    note = "The logistic function:\n\n$$σ(-x) = 1 - σ(x)$$\n\n$$σ(x)σ(-x) = σ(x) - σ(x)^2$$\n"
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[3] == ["proved"] and verdicts[5] == ["proved"]


@pytest.mark.parametrize("claim", [
    "\\sqrt{(1 - x)^{2x}} = (1 - x)^{x}",  # I06: the base 1 − x is −2 at x = 3
    "\\left((1 - x)^{x}\\right)^{1/2} = (1 - x)^{x/2}",
])
def test_a_self_power_whose_base_stays_negative_is_not_refuted(tmp_path, claim):
    note = f"For the self-power $(1 - x)^{{x}}$ we have\n\n$${claim}$$\n"
    assert verdicts_by_line(tmp_path, note)[3] != ["refuted"]


def test_a_self_power_claim_false_for_positive_bases_is_still_refuted(tmp_path):
    note = "For the self-power $(1 + x^2)^{x}$ we have\n\n$$(1 + x^2)^{x} = (1 + x^2)^{2x}$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]


@pytest.mark.parametrize("sentence", [
    "In this note all angles are measured in degrees (recall that $\\pi$ radians is $180$ "
    "degrees).",  # I08
    "이 절에서 각은 모두 60분법으로 나타낸다.",  # I09
    "Angles are given in degrees; convert them to radians before using a calculator.",
])
def test_degrees_stated_leave_the_derivative_of_sine_undecided(tmp_path, sentence):
    note = f"{sentence}\n\n$$\\frac{{d}}{{d\\theta}}\\sin\\theta = \\cos\\theta$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["undecided"]


@pytest.mark.parametrize("sentence", [
    "One full turn of an angle is $2\\pi$ radians or $360$ degrees.",  # a conversion only
    "Recall that an angle of $\\pi$ radians, or $180$ degrees, is a half turn.",
])
def test_a_conversion_between_units_states_no_degrees(tmp_path, sentence):
    note = f"{sentence}\n\n$$\\frac{{d}}{{d\\theta}}\\sin\\theta = \\cos\\theta$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


@pytest.mark.parametrize("sentence", [
    "이 노트에서 모든 벡터는 가로 벡터로 쓴다.",  # I10
    "In this note every vector is a $1 \\times n$ matrix (a single row).",
])
def test_row_vectors_stated_leave_the_squared_norm_undecided(tmp_path, sentence):
    note = f"{sentence}\n\n$$\\mathbf{{x}}^\\top \\mathbf{{x}} = \\|\\mathbf{{x}}\\|^2$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["undecided"]


@pytest.mark.parametrize("claim, verdict", [
    ("\\frac d{dx} x^3 = x^2", "refuted"),  # J01: never d/(d·x) = 1/x, which made it "proved"
    ("\\frac d{dx} x^3 = 3x^2", "proved"),
    ("\\frac d{dz}\\frac 1{1+e^{-z}} = \\frac 1{(1+e^{-z})^2}(e^{-z})", "proved"),  # J02 (CS229)
    ("\\frac\\partial{\\partial x} x^2 y = 2xy", "proved"),
    ("\\frac dx = \\frac{d}{x}", "proved"),  # both unbraced: d over x, as TeX sets it
])
def test_an_unbraced_operator_numerator_is_the_derivative(tmp_path, claim, verdict):
    assert verdicts_by_line(tmp_path, f"$${claim}$$\n")[1] == [verdict]


def test_a_spaced_log_base_is_a_base_not_a_bare_log(tmp_path):
    # ratsgo's information notes (Korean editor spacing): the note states base 2 for its logs,
    # and a step writing \log _{ 2 } explicitly is decided with that base
    note = ("밑이 2인 로그를 쓴다. 이 글에서 $\\log$는 모두 $\\log_2$이다.\n\n"
            "$$-\\log _{ 2 }{ 0.5 } = 1$$\n\n$$-\\log{ 0.5 } = 1$$\n")
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[3] == ["proved"] and verdicts[5] == ["undecided"]
