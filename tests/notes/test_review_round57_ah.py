"""Round 57 AT02, AT03: a name the prose itself calls random (*$y \\sim \\mathcal{N}(0, 1)$*,
*a standard normal variable drawn once per sample*, *가우시안 잡음*, *$X$ and $y$ are random
variables*) is read as a plain number by a directive (``assume y real``) or by the chain: a
moment over it is then a claim about a number (E[y²] = y² = E[y]², E[Xy] = E[X]·y), not about
the random variable the note means. Such a step is undecided, never proved, checked or refuted.
"""

from __future__ import annotations

import pytest

from symderive.notes.random_names import said_random
from tests.notes.note_steps import verdicts_by_line


def _note(directive: str, words: str, *claims: str) -> str:
    """A note: the directive (line 3), the words (line 5), each claim two lines apart (7, 9 …)."""
    shown = "\n\n".join(f"$${claim}$$" for claim in claims)
    return f"# Note\n\n<!-- symderive: assume {directive} -->\n\n{words}\n\n{shown}\n"


def _verdicts(tmp_path, note: str) -> list[str]:
    return [verdict for line in verdicts_by_line(tmp_path, note).values() for verdict in line]


# -- AT02: the words of randomness were too narrow ------------------------------------------

@pytest.mark.parametrize("directive, words, claim", [
    ("y real", "Let $y \\sim \\mathcal{N}(0, 1)$.", "\\mathbb{E}[y^2] = \\mathbb{E}[y]^2"),
    ("z real", "Let $z$ be a standard normal variable drawn once per sample.",
     "\\mathrm{Var}(z) = 0"),
    ("y real", "잡음 $y$는 평균이 $0$, 분산이 $1$인 가우시안 잡음이다.",
     "\\mathbb{E}[y^2] = \\mathbb{E}[y]^2"),
    # close variants
    ("y real", "The noise $y$ is drawn from a Gaussian with mean zero and unit variance.",
     "\\mathrm{Var}(y) = 0"),
    ("y real", "Let $y \\overset{iid}{\\sim} \\mathrm{Bernoulli}(p)$.",
     "\\mathbb{E}[y^2] = \\mathbb{E}[y]^2"),
    ("y real", "$y$는 표준 정규분포에서 추출된 값이다.", "\\mathrm{Var}(y) = 0"),
    ("w real", "Each weight $w$ is sampled once at initialisation.", "\\mathrm{Var}(w) = 0"),
    ("y real", "We draw $y$ from $\\mathcal{N}(0, 1)$.", "\\mathrm{Var}(y) = 0"),
    ("y real", "$y$는 $\\mathcal{N}(0, 1)$을 따른다.", "\\mathrm{Var}(y) = 0"),
    ("y real", "Let $y$ be an $\\mathcal{N}(0, 1)$ random variable.", "\\mathrm{Var}(y) = 0"),
])
def test_a_gaussian_said_in_other_words_is_no_constant(tmp_path, directive, words, claim):
    assert _verdicts(tmp_path, _note(directive, words, claim)) == ["undecided"]


def test_a_true_law_over_a_random_variable_read_as_a_number_is_not_refuted(tmp_path):
    # E[y²] = 1 for y ~ N(0, 1): as read (y a number) y² = 1 would be refuted
    note = _note("y real", "Let $y \\sim \\mathcal{N}(0, 1)$.", "\\mathbb{E}[y^2] = 1")
    assert _verdicts(tmp_path, note) == ["undecided"]


# -- AT03: one random name in the moment hid the other ---------------------------------------

@pytest.mark.parametrize("words", [
    "Let $X$ and $y$ be real-valued random variables.",
    "$X$와 $y$는 실수값 확률변수이다.",
    "Let $X, y$ be random variables.",
    "확률변수 $X$와 $y$를 생각하자.",
    "Let $X$ be a random variable and $y$ a Gaussian noise term.",
    "Let $X$ be a random variable and $y$ follow a normal distribution.",
    "The random variables are $X$ and $y$.",
])
@pytest.mark.parametrize("claim", [
    "\\mathbb{E}[X y] = \\mathbb{E}[X]\\, y",
    "\\mathbb{E}[(X + y)^2] = \\mathbb{E}[X^2] + 2y\\,\\mathbb{E}[X] + y^2",
    "\\mathrm{Var}(X + y) = \\mathrm{Var}(X)",
])
def test_a_name_the_words_call_random_stays_random_beside_another(tmp_path, words, claim):
    assert _verdicts(tmp_path, _note("y real", words, claim)) == ["undecided"]


def test_without_a_directive_a_name_called_random_is_no_constant_either(tmp_path):
    # y is never alone inside E, so the chain would read it as a constant
    note = ("# Note\n\nLet $X$ and $y$ be random variables.\n\n"
            "$$\\mathbb{E}[X y] = \\mathbb{E}[X]\\, y$$\n")
    assert verdicts_by_line(tmp_path, note)[5] == ["undecided"]


# -- the true statements keep their verdicts --------------------------------------------------

@pytest.mark.parametrize("directive", ["a real", "b real"])
def test_constants_beside_a_random_variable_are_still_taken_out(tmp_path, directive):
    note = _note(directive, "For constants $a, b$ and a random variable $X$,",
                 "\\mathbb{E}[aX + b] = a\\mathbb{E}[X] + b",
                 "\\mathrm{Var}(aX + b) = a^2\\mathrm{Var}(X)")
    assert _verdicts(tmp_path, note) == ["proved", "proved"]


@pytest.mark.parametrize("words", [
    "Let $X$ be a random variable and $y$ a constant.",
    "Let $X$ be a random variable and let $y$ be a fixed real number, not random.",
    "$y$는 상수이고 $X$는 확률변수이다.",
    "Let $X$ be a random variable. The noise level $y$ is fixed.",
])
def test_a_constant_beside_a_random_variable_is_still_taken_out(tmp_path, words):
    note = _note("y real", words, "\\mathbb{E}[X y] = \\mathbb{E}[X]\\, y",
                 "\\mathrm{Var}(X + y) = \\mathrm{Var}(X)")
    assert _verdicts(tmp_path, note) == ["proved", "proved"]


def test_a_note_without_words_of_randomness_keeps_its_directive(tmp_path):
    note = _note("y real", "Let $y$ be a number.", "\\mathbb{E}[y^2] = \\mathbb{E}[y]^2")
    assert _verdicts(tmp_path, note) == ["proved"]


def test_declared_random_the_false_product_law_is_refuted(tmp_path):
    note = _note("y random", "Let $X$ and $y$ be real-valued random variables.",
                 "\\mathbb{E}[X y] = \\mathbb{E}[X]\\, y")
    assert _verdicts(tmp_path, note) == ["refuted"]


# -- which names the words call random --------------------------------------------------------

@pytest.mark.parametrize("words, names", [
    ("For constants $a, b$ and a random variable $X$, we have", {"X"}),
    ("Let $\\mu$ be the mean of the random variable $X$.", {"X"}),
    ("$\\mu$는 확률변수 $X$의 평균이다.", {"X"}),
    ("$a$는 상수이고 $X$는 확률변수이다.", {"X"}),
    ("$a$ is a constant, not random.", set()),
    ("$y$는 확률변수가 아니다.", set()),
    ("$\\sigma$ is the noise level.", set()),
    ("$\\sigma$ controls the noise.", set()),
    ("Let $n$ be the unit normal vector.", set()),
    ("Let $k$ be a Gaussian kernel.", set()),
    ("$f(n) \\sim n^2$ and $g \\sim O(n)$", set()),
    ("$y$ is a realization of a random variable.", set()),
    ("$y \\mid x \\sim \\mathcal{N}(w x, \\sigma^2)$", {"y"}),
    ("where $\\epsilon_i$ are i.i.d. Gaussian errors", {"epsilon_i"}),
    ("$y$는 정규분포를 따른다.", {"y"}),
    ("Let $y$ follow $x^2$.", set()),
    ("Let $\\mu$ be $\\mathbb{E}[X]$, the mean of the random variable $X$.", {"X"}),
    ("확률변수는 $X$와 $y$이다.", {"X", "y"}),
])
def test_the_names_called_random_are_the_sentences_own(words, names):
    assert set(said_random(words)) == names
