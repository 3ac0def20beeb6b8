"""Findings C2, C8, H4, C9 of the eighth adversarial review (/work/findings/round8a.md), each as
the note the reviewer wrote: the values a note gives a function at letters are values at those
arguments, a note's own σ / ReLU / tanh is not the built-in one, an equation between operators
the checker evaluates is a claim, and a stated entropy value is used."""

from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files

pytestmark = pytest.mark.slow


def verdicts_by_line(tmp_path: Path, text: str) -> dict:
    """line -> the verdicts of the steps written on it (in order)."""
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    found: dict = {}
    for equation in report.files[0].equations:
        for step in equation.steps:
            found.setdefault(equation.line, []).append(step.verdict)
    return found


# -- C2: P(A) = 0.3 and P(B) = 0.4 are the values of P at A and at B -------------------------

TWO_EVENTS = (
    "# Two events\n\nSuppose $P(A) = 0.3$ and $P(B) = 0.4$.\n\n"
    "$$ P(A) + P(B) = 0.8 $$\n\n"   # 0.3 + 0.4 = 0.7: false
    "$$ P(A)P(B) = 0.12 $$\n\n"     # 0.3 · 0.4: true
    "$$ P(A) + P(B) = 0.7 $$\n"     # true
)


def test_values_of_p_at_two_events_are_kept_apart(tmp_path):
    found = verdicts_by_line(tmp_path, TWO_EVENTS)
    assert found[5] == ["refuted"]
    assert found[7] == ["proved"]
    assert found[9] == ["proved"]


BAYES = (
    "# Bayes numbers\n\nSuppose $P(A) = 0.3$, $P(B \\mid A) = 0.5$ and $P(B) = 0.4$.\n\n"
    "$$ P(A) + P(B) = 0.7 $$\n\n$$ P(A)P(B) = 0.12 $$\n\n$$ P(A)P(B) = 0.13 $$\n"
)


def test_bayes_data_true_sums_and_products_are_not_refuted(tmp_path):
    found = verdicts_by_line(tmp_path, BAYES)
    assert found[5] == ["proved"] and found[7] == ["proved"]
    assert found[9] == ["refuted"]  # 0.12 ≠ 0.13


@pytest.mark.parametrize(("text", "line", "verdict"), [
    # f(b) - f(a) = 3 - 1 = 2, not 0
    ("# M\n\nSuppose $f(a) = 1$ and $f(b) = 3$.\n\n$$ f(b) - f(a) = 0 $$\n", 5, "refuted"),
    ("# M\n\nSuppose $f(a) = 1$ and $f(b) = 3$.\n\n$$ f(b) - f(a) = 2 $$\n", 5, "proved"),
    # 0.8 / 0.2 = 4
    ("# L\n\nLet $L(\\theta_1) = 0.2$ and $L(\\theta_2) = 0.8$.\n\n"
     "$$ \\frac{L(\\theta_2)}{L(\\theta_1)} = 1 $$\n", 5, "refuted"),
    # 9 - 5 = 4: true
    ("# C\n\nWe measured $c(x) = 5$ and $c(y) = 9$.\n\n$$ c(y) - c(x) = 4 $$\n", 5, "proved"),
    # Korean: 0.1 + 0.6 = 0.7, not 1.2
    ("# K\n\n$p(a) = 0.1$이고 $p(b) = 0.6$이다.\n\n$$ p(a) + p(b) = 1.2 $$\n", 5, "refuted"),
    ("# K\n\n$p(a) = 0.1$이고 $p(b) = 0.6$이다.\n\n$$ p(a) + p(b) = 0.7 $$\n", 5, "proved"),
])
def test_values_at_letters_are_values_at_those_letters(tmp_path, text, line, verdict):
    assert verdicts_by_line(tmp_path, text)[line] == [verdict]


def test_a_value_at_a_letter_says_nothing_at_another_letter(tmp_path):
    # f(a) = 1 is not f ≡ 1: f(c) is unknown, so f(c) = 1 is never proved
    found = verdicts_by_line(tmp_path, "# M\n\nSuppose $f(a) = 1$.\n\n$$ f(c) = 1 $$\n")
    assert found.get(5, ["skipped"]) != ["proved"]


def test_a_value_at_a_letter_is_not_a_derivative(tmp_path):
    # one value f(a) = 1 does not make f constant: d/da f(a) = 0 is not proved
    found = verdicts_by_line(
        tmp_path, "# M\n\nSuppose $f(a) = 1$.\n\n$$ \\frac{d}{da} f(a) = 0 $$\n")
    assert "proved" not in found.get(5, [])


def test_a_function_defined_by_a_formula_still_gives_its_values(tmp_path):
    text = "# F\n\nLet $f(x) = x^2$.\n\n$$ f(3) = 9 $$\n\n$$ f(a) + f(-a) = 2a^2 $$\n"
    found = verdicts_by_line(tmp_path, text)
    assert found[5] == ["proved"] and found[7] == ["proved"]


# -- C8: a note's own σ, ReLU, tanh is not the built-in one ----------------------------------

@pytest.mark.parametrize(("text", "line"), [
    # σ(x) = x²: σ(x) + σ(−x) = 2x², not 1 — never proved with the sigmoid
    ("# S\n\nLet $\\sigma(x) = x^2$.\n\n$$ \\sigma(x) + \\sigma(-x) = 1 $$\n", 5),
    # σ(3) = 9 is true for the note's σ: never refuted with sigmoid(3) ≈ 0.95
    ("# S\n\nLet $\\sigma(x) = x^2$.\n\n$$ \\sigma(3) = 9 $$\n", 5),
    # σ = 2 the noise scale: σ(a) + σ(−a) = 2a − 2a = 0 as a product, not 1
    ("# N\n\nLet $\\sigma = 2$ be the noise scale.\n\n$$ \\sigma(a) + \\sigma(-a) = 1 $$\n", 5),
    ("# N\n\nLet $\\sigma = 2$.\n\n$$ \\sigma(x + 1) = 2x + 2 $$\n", 5),
    # the standard deviation: σ(2X) = 2σ(X) and σ(X + 3) = σ(X) hold
    ("# D\n\nWrite $\\sigma(X) = \\sqrt{\\mathrm{Var}(X)}$ for the standard deviation of a "
     "random variable $X$.\n\n$$ \\sigma(2X) = 2\\sigma(X) $$\n", 5),
    ("# D\n\nLet $\\sigma(X)$ denote the standard deviation of the random variable $X$.\n\n"
     "$$ \\sigma(X + 3) = \\sigma(X) $$\n", 5),
    # a leaky ReLU: ReLU(−100) = −1 holds for it
    ("# L\n\nWe use a leaky variant, $\\mathrm{ReLU}(x) = \\max(0.01 x, x)$.\n\n"
     "$$ \\mathrm{ReLU}(-100) = -1 $$\n", 5),
    ("# T\n\nLet $\\tanh(x) = 2x$.\n\n$$ \\tanh(1) = 2 $$\n", 5),
])
def test_a_builtin_name_the_note_defines_is_not_decided_with_the_builtin(tmp_path, text, line):
    assert verdicts_by_line(tmp_path, text)[line] == ["undecided"]


@pytest.mark.parametrize(("claim", "verdict"), [
    ("\\sigma(x) + \\sigma(-x) = 1", "proved"),   # the sigmoid's symmetry
    ("1 - \\sigma(x) = \\sigma(x)", "refuted"),   # false at x = 1
    ("\\mathrm{ReLU}(-100) = 0", "proved"),
    ("\\tanh(0) = 0", "proved"),
])
def test_builtins_the_note_does_not_redefine_stay_builtins(tmp_path, claim, verdict):
    text = f"# A\n\nThe sigmoid $\\sigma$ maps reals to (0, 1).\n\n$$ {claim} $$\n"
    assert verdicts_by_line(tmp_path, text)[5] == [verdict]


def test_the_sigmoid_defined_as_the_sigmoid_is_still_the_sigmoid(tmp_path):
    text = ("# A\n\nLet $\\sigma(x) = \\frac{1}{1 + e^{-x}}$.\n\n"
            "$$ \\sigma(x) + \\sigma(-x) = 1 $$\n\n$$ \\sigma(x) + \\sigma(-x) = 2 $$\n")
    found = verdicts_by_line(tmp_path, text)
    assert found[5] == ["proved"] and "proved" not in found[7]


def test_other_greek_names_defined_by_the_note_are_its_functions(tmp_path):
    text = ("# G\n\nLet $\\Gamma(x) = x^2$.\n\n$$ \\Gamma(3) = 9 $$\n\n"
            "# P\n\nLet $\\psi(x) = x + 1$.\n\n$$ \\psi(2) = 3 $$\n")
    found = verdicts_by_line(tmp_path, text)
    assert found[5] == ["proved"] and found[11] == ["proved"]


# -- H4: equations between operators the checker evaluates are claims -------------------------

TRACE = (
    "# Trace\n\nLet $\\mathbf{A}$ and $\\mathbf{B}$ be $n \\times n$ matrices. For example, the "
    "trace of the identity is\n\n$$ \\mathrm{tr}(\\mathbf{I}) = n $$\n\nLinearity:\n\n"
    "$$ \\mathrm{tr}(\\mathbf{A} + \\mathbf{B}) = \\mathrm{tr}(\\mathbf{A}) + \\mathrm{tr}(\\mathbf{B}) $$"
    "\n\n$$ \\mathrm{tr}(\\mathbf{A}) = \\mathrm{tr}(\\mathbf{B}) $$\n"
)


def test_trace_equations_are_claims_not_labels(tmp_path):
    found = verdicts_by_line(tmp_path, TRACE)
    assert found[9] == ["checked"]  # linearity holds
    assert found[11] == ["refuted"]  # tr A = tr B fails for arbitrary A, B
    assert found[5] == ["undecided"]  # tr I = n: I may be the identity, never a label of tr


def test_an_equation_between_variances_is_not_a_definition(tmp_path):
    text = "# V\n\n$$ \\mathrm{Var}(X) = 1 $$\n\n$$ \\mathrm{Var}(Y) = \\mathrm{Var}(X) $$\n"
    found = verdicts_by_line(tmp_path, text)
    # compared with a number or another variable's variance: a hypothesis on the laws, never
    # proved, and never silently skipped as a definition
    assert found[3] == ["undecided"] and found[5] == ["undecided"]


# -- C9: an entropy value the note states is used ----------------------------------------------

COIN = ("# Entropy of a fair coin\n\nThe entropy of a fair coin $X$ is\n\n$$ H(X) = \\log 2 $$\n\n"
        "so two tosses of it carry\n\n$$ H(X) + H(X) = \\log 4 $$\n")


def test_a_stated_entropy_value_is_not_contradicted_by_another_law(tmp_path):
    assert verdicts_by_line(tmp_path, COIN)[9] in (["undecided"], ["proved"])


def test_a_stated_value_without_the_word_entropy_is_substituted(tmp_path):
    text = "# C\n\nA coin $X$.\n\n$$ H(X) = \\log 2 $$\n\n$$ H(X) + H(X) = \\log 4 $$\n\n" \
           "$$ H(X) + H(X) = \\log 3 $$\n"
    found = verdicts_by_line(tmp_path, text)
    assert found[7] == ["proved"] and found[9] == ["refuted"]
