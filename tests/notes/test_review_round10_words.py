r"""Review round 10, words that change what a formula is (C5, H1, H2).

* C5 — *In what follows, $q = r^2$.* announces the definition used from here on (the *follows*
  is no "it follows that"): the new formula is no claim, and the derivative after it uses it.
  A hypothetical (*What if $q = r^2$ instead?*) about a defined name is read both ways.
* H1 — a functional equation stated as what is known of a letter in other words (*a function
  with*, *obeying*, *we only know that*, Korean *를 만족하는*) is a hypothesis: never refuted,
  the letter is a function, and a claim about it is not refuted on instances that need not
  satisfy it.
* H2 — *Let $y \in \mathbb{R}^q$ be the one-hot label.*: the one-hot word holds however the
  space is also declared.
"""


import pytest

from symderive.notes.assumed_equations import applied_letters, functional_hypothesis
from symderive.notes.roles import introduced_as
from symderive.notes.spaced_names import without_spaces
from tests.notes.note_steps import equations_by_line, steps_by_line


def verdicts(steps: dict[int, list], line: int) -> list[str]:
    return [step.verdict for step in steps.get(line, [])]


# -- C5: "in what follows" is a redefinition, not "it follows that" ----------------------------

REDEFINED = "# X\n\nLet $q = 5 r$.\n$$\\frac{{dq}}{{dr}} = 5$$\n{words}\n$$\\frac{{dq}}{{dr}} = {claim}$$\n"


def test_in_what_follows_redefines_the_name_from_here_on(tmp_path):
    """The reviewer's note (round10/min/c5_in_what_follows.md): line 5 is the definition used
    from here on — never refuted against q = 5r — and dq/dr = 5 after it is false (2r ≠ 5)."""
    steps = steps_by_line(tmp_path, REDEFINED.format(words="In what follows, $q = r^2$.",
                                                     claim="5"))
    assert verdicts(steps, 4) == ["proved"]
    assert "refuted" not in verdicts(steps, 5)
    assert verdicts(steps, 6) == ["refuted"]
    assert "line 5" in steps[6][0].reason


@pytest.mark.slow
def test_every_from_here_on_wording_redefines(tmp_path):
    """rr1, rr2, rr7, rr8, r1.md: the same class in other words; the old derivative is never
    proved after them, and the new one is."""
    for words in ("In what follows, $q = r^2$ instead.", "For the rest of this section, $q = r^2$.",
                  "From this point on $q = r^2$.", "Henceforth $q = r^2$.", "Hereafter, $q = r^2$.",
                  "In the following, $q = r^2$.", "From now on, $q = r^2$.",
                  "이후로는 $q = r^2$로 둔다.", "이하에서는 $q = r^2$이다.", "이제부터 $q = r^2$이다."):
        wrong = steps_by_line(tmp_path, REDEFINED.format(words=words, claim="5"))
        assert verdicts(wrong, 6) == ["refuted"], words
        assert "refuted" not in verdicts(wrong, 5), words
        right = steps_by_line(tmp_path, REDEFINED.format(words=words, claim="2 r"))
        assert verdicts(right, 6) == ["proved"], words


def test_from_here_on_before_an_earlier_formula_of_the_sentence(tmp_path):
    """r1.md:5 — the phrase opens the sentence, the formula comes after a bare $L$."""
    steps = steps_by_line(tmp_path, (
        "# Model\n\nLet $L = (w x - t)^2$.\n\n"
        "From here on, $L$ denotes the absolute loss $L = |w x - t|$.\n"
        "$$\\frac{\\partial L}{\\partial w} = 2 x (w x - t)$$\n"))
    assert "refuted" not in verdicts(steps, 5)
    assert verdicts(steps, 6) == ["refuted"]


def test_a_hypothetical_makes_later_uses_undecided(tmp_path):
    """rr15: *What if $q = r^2$ instead?* — q = r² may hold from here on or only in the
    question: the old derivative is no longer proved, and the question is not refuted."""
    steps = steps_by_line(tmp_path, REDEFINED.format(words="What if $q = r^2$ instead?",
                                                     claim="5"))
    assert "refuted" not in verdicts(steps, 5)
    assert verdicts(steps, 6) == ["undecided"]
    assert "line 5" in steps[6][0].reason and "line 3" in steps[6][0].reason
    for words in ("What about $q = r^2$?", "Suppose instead that $q = r^2$."):
        steps = steps_by_line(tmp_path, REDEFINED.format(words=words, claim="5"))
        assert verdicts(steps, 6) == ["undecided"], words


def test_consequence_words_still_make_a_claim(tmp_path):
    """*It follows that*, *In what follows we get*: derivation words after the scope phrase
    (or none) keep the formula a claim about q = 5r — proved when right, refuted when wrong."""
    right = steps_by_line(tmp_path, REDEFINED.format(words="It follows that $q = 5 r$.", claim="5"))
    assert verdicts(right, 5) == ["proved"] and verdicts(right, 6) == ["proved"]
    wrong = steps_by_line(tmp_path, REDEFINED.format(
        words="In what follows we get $q = r^2$.", claim="5"))
    assert verdicts(wrong, 5) == ["refuted"] and verdicts(wrong, 6) == ["proved"]
    assert introduced_as("Hence we find ") == "claim"
    assert introduced_as("It follows that ") == "claim"
    assert introduced_as("Therefore, ") == "claim"
    assert introduced_as("In what follows, ") == "redefinition"
    assert introduced_as("In what follows we obtain ") == "claim"
    # derivation words before the phrase: the text does not say — both readings
    assert introduced_as("Hence, in what follows, ") == "open"
    assert introduced_as("Below, ") == "open"


# -- H1: a functional equation stated as a hypothesis in other words ---------------------------

def test_a_function_with_a_functional_equation_is_a_hypothesis(tmp_path):
    """round10/min/h1a_function_with.md: u' = u is what the note assumes of u, and u'' = u
    follows from it — neither is refuted on an instance that is not a solution."""
    text = ("# ODE\n\nLet $u$ be a function with $u'(x) = u(x)$ for all $x$.\n"
            "$$u''(x) = u(x)$$\n")
    steps = steps_by_line(tmp_path, text)
    assert "refuted" not in verdicts(steps, 3)
    assert verdicts(steps, 4) == ["undecided"]
    assert "line 3" in steps[4][0].reason and "u'(x) = u(x)" in steps[4][0].reason
    skipped = [eq for eq in equations_by_line(tmp_path, text)[3] if "u'(x)" in eq.latex]
    assert skipped and skipped[0].skip is not None and skipped[0].skip.value == "condition"


def test_obeying_makes_the_letter_a_function_never_a_product(tmp_path):
    """round10/min/h1b_obeying.md: *a differentiable $y$ obeying $y'(t) = -y(t)$* — y(t) is y
    applied to t (the review's counterexample gave y a number, y(t) = y·t)."""
    steps = steps_by_line(tmp_path, (
        "# Decay\n\nFor a differentiable $y$ obeying $y'(t) = -y(t)$, the energy decays.\n"
        "$$\\frac{d}{dt} y(t)^2 = -2 y(t)^2$$\n"))
    assert verdicts(steps, 4) == ["undecided"]
    assert "y'(t) = -y(t)" in steps[4][0].reason
    assert "refuted" not in verdicts(steps, 3)


@pytest.mark.slow
def test_we_only_know_and_other_hypothesis_words(tmp_path):
    """round10/a2.md:13 and the other words of the class: the hypothesis itself and its true
    consequence are never refuted."""
    for sentence, claim in (
        ("We only know that $w(x + 1) = w(x)$ for every $x$.", "w(x + 2) = w(x)"),
        ("Take any $w$ with $w(x + 1) = w(x)$.", "w(x + 2) = w(x)"),
        ("Let $w$ be a function where $w(x + 1) = w(x)$.", "w(x + 3) = w(x)"),
        ("Consider a function $w$ satisfying $w(-x) = w(x)$.", "w(-2x) = w(2x)"),
        ("Take any $w$ solving $w'(x) = 2 x w(x)$.", "w''(x) = (2 + 4x^2) w(x)"),
        ("$w'(x) = w(x)$를 만족하는 함수 $w$를 생각하자.", "w''(x) = w(x)"),
    ):
        steps = steps_by_line(tmp_path, f"# C\n\n{sentence}\n$${claim}$$\n")
        assert "refuted" not in verdicts(steps, 3), sentence
        assert "refuted" not in verdicts(steps, 4), sentence


def test_a_hypothesis_with_a_known_value(tmp_path):
    """round10/a1.md:19: *… with $u'(x) = u(x)$ for all $x$ and $u(0) = 1$.*"""
    steps = steps_by_line(tmp_path, (
        "# E\n\nLet $u$ be a function with $u'(x) = u(x)$ for all $x$ and $u(0) = 1$.\n"))
    assert "refuted" not in verdicts(steps, 3)


def test_a_defined_letter_with_its_equation_is_still_a_claim(tmp_path):
    """*Let $u(x) = e^x$. Then $u$ is a function with $u'(x) = u(x)$*: u is defined, so the
    functional equation is a fact about it, proved; a wrong one is refuted."""
    steps = steps_by_line(tmp_path, (
        "# D\n\nLet $u(x) = e^x$. Then $u$ is a function with $u'(x) = u(x)$ for all $x$.\n"
        "$$u''(x) = u(x)$$\n\n"
        "# W\n\nLet $u(x) = e^{2x}$. Then $u$ is a function with $u'(x) = u(x)$ for all $x$.\n"))
    assert "proved" in verdicts(steps, 3) and verdicts(steps, 4) == ["proved"]
    assert "refuted" in verdicts(steps, 8)


def test_a_claim_true_for_every_function_stays_proved(tmp_path):
    steps = steps_by_line(tmp_path, (
        "# T\n\nLet $u$ be a function with $u'(x) = u(x)$ for all $x$.\n"
        "$$\\frac{d}{dx} \\left( 2 u(x) \\right) = 2 u'(x)$$\n"))
    assert verdicts(steps, 4) == ["proved"]


def test_applied_letters_reads_derivatives_and_shifts():
    assert applied_letters("u'(x) = u(x)") == ["u"]
    assert applied_letters("y''(t) = -y(t)") == ["y"]
    assert applied_letters("u^{\\prime}(x) = u(x)") == ["u"]
    assert applied_letters("w(x + 1) = w(x)") == ["w"]
    assert applied_letters("\\phi(2x) = 2 \\phi(x)") == ["\\phi"]
    assert applied_letters("f(x) = x^2") == []  # a definition
    assert applied_letters("f(x) \\le f(y)") == []  # not an equation
    assert functional_hypothesis("Let   be a function with ")
    assert functional_hypothesis("We only know that ")
    assert functional_hypothesis("", "를 만족하는 함수 ")
    assert not functional_hypothesis("Hence we find ")


# -- H2: a one-hot vector declared with its space -----------------------------------------------

def test_onehot_with_its_space_is_not_refuted_off_the_onehot_vectors(tmp_path):
    """round10/min/h2_onehot_in_Rq.md, ohv13.md: y_i² = y_i for every entry of a one-hot vector,
    so Σ y_i² = Σ y_i; the counterexample y₁ = 8/7 is no one-hot vector."""
    for declaration in ("Let $y \\in \\mathbb{R}^q$ be the one-hot label.",
                        "Let $\\mathbf{y} \\in \\mathbb{R}^q$ be a one-hot vector.",
                        "Here $\\mathbf{y} \\in \\{0, 1\\}^q$ is a one-hot vector.",
                        "The one-hot label $\\mathbf{y} \\in \\mathbb{R}^{q}$ has one nonzero entry.",
                        "$\\mathbf{y} \\in \\mathbb{R}^q$는 원핫 벡터이다."):
        steps = steps_by_line(tmp_path, (
            f"# X\n\n{declaration}\n$$\\sum_{{i=1}}^{{q}} y_i^2 = \\sum_{{i=1}}^{{q}} y_i$$\n"))
        assert verdicts(steps, 4) == ["undecided"], declaration
        assert "one-hot" in steps[4][0].reason and "line 3" in steps[4][0].reason


def test_a_false_claim_about_the_onehot_label_is_refuted_at_a_onehot_vector(tmp_path):
    steps = steps_by_line(tmp_path, (
        "# X\n\nLet $y \\in \\mathbb{R}^q$ be the one-hot label.\n"
        "$$\\sum_{i=1}^{q} y_i^2 = 2 \\sum_{i=1}^{q} y_i$$\n"))
    assert verdicts(steps, 4) == ["refuted"]
    values = dict(steps[4][0].counterexample.values)
    assert all(str(values[name]) in ("0", "1") for name in values if str(name).startswith("y"))


def test_a_label_in_its_space_without_the_word_is_any_vector(tmp_path):
    steps = steps_by_line(tmp_path, (
        "# X\n\nLet $\\mathbf{y} \\in \\mathbb{R}^q$ be the label.\n"
        "$$\\sum_{i=1}^{q} y_i^2 = \\sum_{i=1}^{q} y_i$$\n"))
    assert verdicts(steps, 4) == ["refuted"]


def test_without_spaces_keeps_lines_and_relations():
    text = "Let $y \\in \\mathbb{R}^q$ be\none-hot; $f \\in C^1$, $x \\in (0, 1)$, $a \\in A \\le b$."
    out = without_spaces(text)
    assert out.count("\n") == text.count("\n")
    assert "$y$ be" in out and "$f$," in out and "$x$" in out
    assert "$a \\in A \\le b$" in out  # a relation of its own: left as written


def test_a_label_that_denotes_a_one_hot_vector_is_one_hot():
    from symderive.notes.onehot import stated_onehot
    assert "y" in stated_onehot("Let $y \\in \\mathbb{R}^q$ denote the one-hot label.".replace(
        " \\in \\mathbb{R}^q", ""))
    assert "y" in stated_onehot("Here $y$ denotes a one-hot vector.")
    assert stated_onehot("Let $y$ denote the label, not a one-hot vector.") == {}
