"""Review round 10: letters the note names in words.

C2 — a claim that holds only because two capital letters commute is proved only where the note
says they are numbers: ``M_n(\\mathbb{R})``, ``\\mathbb{R}^{n,n}``, ``\\mathbb{S}^n``, linear maps,
Korean "배열" all make them matrices, and no vocabulary of such spellings is complete.
C6 — "Let $\\sigma$ denote the tanh activation.": σ is not the built-in sigmoid.
H3 — "The activation $g$ is the logistic sigmoid.": g is no arbitrary function, so a claim
refuted on an invented instance of g is not refuted."""

import pytest

from tests.notes.note_steps import steps_by_line

SQUARE = "$$(C + D)^2 = C^2 + 2 C D + D^2$$\n"


@pytest.mark.parametrize("declaration", [
    "Let $C, D \\in M_n(\\mathbb{R})$.",
    "Let $C, D \\in \\mathrm{Mat}_{n}(\\mathbb{R})$.",
    "Let $C, D \\in \\mathbb{R}^{n,n}$.",
    "Let $C, D \\in \\mathcal{M}_{n \\times n}$.",
    "Let $C, D : \\mathbb{R}^n \\to \\mathbb{R}^n$ be linear.",
    "Let $C, D \\in \\mathbb{S}^n$ be symmetric.",
    "$C$와 $D$는 $n \\times n$ 실수 배열이다.",
])
def test_the_binomial_square_of_two_letters_is_not_proved_where_they_may_be_matrices(
        tmp_path, declaration):
    # (C + D)^2 - C^2 - 2CD - D^2 = DC - CD, not zero for C = [[0,1],[0,0]], D = [[0,0],[1,0]]
    step = steps_by_line(tmp_path, f"# Square\n\n{declaration}\n{SQUARE}")[4][0]
    assert step.verdict not in ("proved", "checked")
    assert "commute" in step.reason


def test_letters_declared_scalars_commute(tmp_path):
    text = ("<!-- symderive: assume C scalar -->\n<!-- symderive: assume D scalar -->\n\n"
            f"{SQUARE}")
    assert steps_by_line(tmp_path, text)[4][0].verdict == "proved"


def test_sigma_named_the_tanh_is_not_the_sigmoid(tmp_path):
    text = ("# Activations\n\nLet $\\sigma$ denote the tanh activation.\n"
            "$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n")
    step = steps_by_line(tmp_path, text)[4][0]
    assert step.verdict == "undecided" and "own meaning" in step.reason


def test_sigma_named_the_sigmoid_keeps_its_derivative_rule(tmp_path):
    text = ("# Activations\n\nLet $\\sigma$ denote the logistic sigmoid.\n"
            "$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$$\n")
    assert steps_by_line(tmp_path, text)[4][0].verdict == "proved"


@pytest.mark.parametrize("sentence, claim", [
    ("The activation $g$ is the logistic sigmoid.", "g'(z) = g(z)(1 - g(z))"),
    ("Let $\\phi$ be the hyperbolic tangent.", "\\phi'(z) = 1 - \\phi(z)^2"),
])
def test_a_function_named_in_words_is_not_refuted_on_an_invented_instance(tmp_path, sentence, claim):
    step = steps_by_line(tmp_path, f"# Activations\n\n{sentence}\n$${claim}$$\n")[4][0]
    assert step.verdict == "undecided" and "need not satisfy" in step.reason


def test_an_arbitrary_function_is_still_refuted(tmp_path):
    # g' = g(1 - g) fails for g(z) = z: 1 against z(1 - z)
    text = "# Activations\n\nLet $g$ be a smooth function.\n$$g'(z) = g(z)(1 - g(z))$$\n"
    assert steps_by_line(tmp_path, text)[4][0].verdict == "refuted"
