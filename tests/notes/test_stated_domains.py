r"""Review round 4, C17–C19: hypotheses a note states in words.

A refutation is only valid when its counterexample satisfies every hypothesis the note states
about its variables. The common templates (``For every positive integer $n$``, ``Let $x$ be
positive.``, ``$x$는 양수이다.``, ``Let $p \in (0, 1)$.``) are read as the domains an ``assume``
directive gives; other words stating a property of a claim's variable make a refutation
undecided; a matrix is instantiated symmetric only where a sentence says so and nothing more.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import mpmath
import pytest

from symderive.notes.check_notes import NotesOptions, check_files

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow


def steps_of(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return [s for e in report.files[0].equations for s in e.steps if s.skip is None]


def only_claim(tmp_path: Path, text: str, rhs: str):
    found = [s for s in steps_of(tmp_path, text) if s.rhs_latex.strip() == rhs]
    assert len(found) == 1, [(s.lhs_latex, s.rhs_latex, s.verdict) for s in found]
    return found[0]


def point(step) -> dict[str, Fraction]:
    return {name: Fraction(value) for name, value in step.counterexample.values}


# -- C18: integer domains in words ---------------------------------------------------------------
COS_PI_N = r"\cos(\pi n) = (-1)^n"


def test_cos_pi_n_is_minus_one_to_the_n_at_integers_but_not_between():
    """The independent reference: equal at every integer, different at n = −17/3."""
    for n in range(-6, 7):
        assert mpmath.cos(mpmath.pi * n) == (-1) ** n
    assert abs(mpmath.cos(mpmath.pi * mpmath.mpf(-17) / 3) - 0.5) < 1e-12


@pytest.mark.parametrize(
    "text",
    [
        f"# A\n\nFor every positive integer $n$, ${COS_PI_N}$.\n",
        f"# C\n\nLet $n \\in \\mathbb{{Z}}$.\n\n$$ {COS_PI_N} $$\n",
        f"# D\n\nLet $n$ be a positive integer. Then ${COS_PI_N}$.\n",
        f"# E\n\n$n$은 양의 정수이다.\n\n$$ {COS_PI_N} $$\n",
        f"Let $n \\in \\mathbb{{N}}$. Then ${COS_PI_N}$.\n",
        f"For every positive integer $n$,\n\n$$ {COS_PI_N} $$\n",
    ],
)
def test_an_integer_domain_in_words_is_read(tmp_path, text):
    """round4/k2.md: each was refuted at n = −17/3, outside the stated domain."""
    step = only_claim(tmp_path, text, "(-1)^n")
    assert step.verdict in ("proved", "checked")
    assert any("stated in the prose" in used for used in step.used)


def test_the_stated_integer_domain_still_refutes_a_false_claim_inside_it(tmp_path):
    """(-1)^n = 1 - 2·𝟙(n = 1) is false at n = 3: refuted at a positive integer."""
    step = only_claim(tmp_path, "Let $n$ be a positive integer.\n\n"
                      "$$ (-1)^{n} = 1 - 2 \\cdot \\mathbb{1}(n = 1) $$\n",
                      "1 - 2 \\cdot \\mathbb{1}(n = 1)")  # fmt: skip
    assert step.verdict == "refuted"
    n = point(step)["n"]
    assert n.denominator == 1 and n >= 1 and (-1) ** int(n) != 1 - 2 * (n == 1)


def test_a_false_claim_for_every_positive_integer_is_refuted_at_a_positive_integer(tmp_path):
    """cos(πn) = 1 fails at every odd n: under "for every positive integer" it is a claim
    about all of them (not an equation to solve), refuted inside the domain."""
    step = only_claim(tmp_path, "For every positive integer $n$, $\\cos(\\pi n) = 1$.\n", "1")
    assert step.verdict == "refuted"
    n = point(step)["n"]
    assert n.denominator == 1 and n >= 1 and mpmath.cos(mpmath.pi * int(n)) != 1


def test_a_sine_identity_under_a_stated_positive_integer(tmp_path):
    """round4/k1.md:29 ``\\sin(\\pi n / 2)^2 = (1 - (-1)^n) / 2`` holds at every integer n."""
    for n in range(1, 9):
        assert abs(mpmath.sin(mpmath.pi * n / 2) ** 2 - (1 - (-1) ** n) / 2) < 1e-20
    step = only_claim(tmp_path, "Let $n$ be a positive integer.\n\n"
                      "$$ \\sin(\\pi n / 2)^2 = \\frac{1 - (-1)^n}{2} $$\n",
                      "\\frac{1 - (-1)^n}{2}")  # fmt: skip
    assert step.verdict in ("proved", "checked")


# -- C19: positivity and intervals in words -------------------------------------------------------
ROOT = r"\sqrt{x^2} = x"


@pytest.mark.parametrize(
    "text",
    [
        f"For every positive real $x$, ${ROOT}$.\n",
        f"For positive $x$, ${ROOT}$.\n",
        f"Let $x$ be positive. Then ${ROOT}$.\n",
        f"Let $x$ be a positive number.\n\n$$ {ROOT} $$\n",
        f"$x$는 양수이다. 그러면 ${ROOT}$ 이다.\n",
        f"${ROOT}$ whenever $x$ is positive.\n",
        f"If $x$ is positive, then ${ROOT}$.\n",
        f"양수 $x$에 대하여 ${ROOT}$ 이다.\n",
    ],
)
def test_positivity_in_words_is_read(tmp_path, text):
    """round4/k3.md, k6.md: each was refuted at x = −17/3, which is not positive."""
    step = only_claim(tmp_path, text, "x")
    assert step.verdict == "proved"
    assert any("x positive (stated in the prose" in used for used in step.used)


@pytest.mark.parametrize(
    "text",
    [f"$x$가 양수일 때 ${ROOT}$ 이다.\n", f"$x$가 양수이면 ${ROOT}$ 이다.\n",
     f"$x$가 양수일 때,\n\n$$ {ROOT} $$\n"],
)
def test_a_korean_when_clause_governs_the_formula_after_it(tmp_path, text):
    """``$x$가 양수일 때 …`` (round4/k6.md:7): the formula after 일 때 / 이면 is the claim
    the hypothesis governs (it was skipped as a condition), proved for positive x."""
    step = only_claim(tmp_path, text, "x")
    assert step.verdict == "proved"


def test_a_korean_supposition_with_its_formula_stays_a_condition(tmp_path):
    """``만약 $x = 1$ 이면 …``: the formula is the supposition itself, never a claim."""
    steps = steps_of(tmp_path, "만약 $x = 1$ 이면 $x^2 = 1$ 이다.\n")
    assert all(s.lhs_latex.strip() != "x" for s in steps)


def test_nonnegative_in_words_is_read(tmp_path):
    step = only_claim(tmp_path, "When $x$ is nonnegative, $|x| = x$.\n", "x")
    assert step.verdict == "proved"


@pytest.mark.parametrize(
    "text", ["Let $p \\in (0, 1)$.\n\n$$ p^2 < p $$\n", "For $p \\in (0, 1)$, $p^2 < p$.\n"]
)
def test_an_interval_given_by_in_is_read(tmp_path, text):
    """round4/k3.md:45: p² < p holds on (0, 1) (p·(1 − p) > 0) and was refuted at p = −17/3."""
    step = only_claim(tmp_path, text, "p")
    assert step.verdict in ("proved", "checked")


def test_a_wrong_claim_under_stated_positivity_is_refuted_at_a_positive_point(tmp_path):
    step = only_claim(tmp_path, "For positive $x$, $\\sqrt{x^2} = -x$.\n", "-x")
    assert step.verdict == "refuted"
    x = point(step)["x"]
    assert x > 0 and abs(x) != -x  # √(x²) = |x| = x ≠ −x at the printed point


def test_a_wrong_claim_under_a_stated_interval_is_refuted_inside_it(tmp_path):
    """p² < p/2 fails for p in [1/2, 1): the counterexample lies in (0, 1)."""
    step = only_claim(tmp_path, "Let $p \\in (0, 1)$.\n\n$$ p^2 < \\frac{p}{10} $$\n",
                      "\\frac{p}{10}")  # fmt: skip
    assert step.verdict == "refuted"
    p = point(step)["p"]
    assert 0 < p < 1 and not p**2 < p / 10


def test_a_stated_domain_ends_with_its_section(tmp_path):
    """Section A says x is positive; in section B x is any real, so √(x²) = x is refuted."""
    step = only_claim(tmp_path, "# A\n\nLet $x$ be positive.\n\n# B\n\n$$ \\sqrt{x^2} = x $$\n", "x")
    assert step.verdict == "refuted" and point(step)["x"] < 0


def test_a_name_introduced_again_ends_its_stated_domain(tmp_path):
    """``Now let $x$ be any real number.``: x is no longer positive, √(x²) = x is refuted."""
    step = only_claim(tmp_path, "Let $x$ be positive.\n\nNow let $x$ be any real number.\n\n"
                      "$$ \\sqrt{x^2} = x $$\n", "x")  # fmt: skip
    assert step.verdict == "refuted" and point(step)["x"] < 0


def test_a_hypothesis_holds_for_its_own_sentence_only(tmp_path):
    """``For positive $x$, …`` quantifies its sentence, not the next one."""
    steps = steps_of(tmp_path, "For positive $x$, $|x| = x$. Also $\\sqrt{x^2} = x$.\n")
    verdicts = {s.lhs_latex.strip(): s.verdict for s in steps}
    assert verdicts["|x|"] == "proved" and verdicts["\\sqrt{x^2}"] == "refuted"


# -- the safety net: words that state a property but are not read --------------------------------
@pytest.mark.parametrize(
    "text, words",
    [
        ("Let $m$ be an even integer.\n\n$$ \\cos(\\pi m) = \\cos(2 \\pi m) $$\n", "even integer"),
        ("Let $x$ be a strictly positive number in our model.\n\n$$ \\sqrt{x^2} = x $$\n",
         "positive"),
        # (an interval with numeric ends, (0, 2), is read: tests/notes/test_review_round6_domains.py)
        ("Let $p \\in (0, q)$.\n\n$$ p^2 < 2p $$\n", "\\in"),
        ("$x$는 아마 양수이다.\n\n$$ \\sqrt{x^2} = x $$\n", "양수"),
    ],
)
def test_a_property_in_words_that_is_not_read_makes_a_refutation_undecided(tmp_path, text, words):
    [step] = steps_of(tmp_path, text)
    assert step.verdict == "undecided"
    assert "in words that was not read" in step.reason and words in step.reason


def test_words_about_another_variable_leave_the_refutation(tmp_path):
    step = only_claim(tmp_path, "Let $m$ be an even integer.\n\n$$ (x+1)^2 = x^2 + 1 $$\n",
                      "x^2 + 1")  # fmt: skip
    assert step.verdict == "refuted"


def test_a_shape_declaration_is_not_an_unread_property(tmp_path):
    """``\\mathbf{x} \\in \\mathbb{R}^n`` is read (a shape): a wrong gradient stays refuted."""
    step = only_claim(tmp_path, "Let $\\mathbf{x} \\in \\mathbb{R}^n$. Let $\\mathbf{A}$ be any "
                      "matrix.\n\n$$ \\frac{d}{dx_k}(\\mathbf{x}^\\top \\mathbf{A} \\mathbf{x}) = "
                      "2[\\mathbf{A}\\mathbf{x}]_k $$\n", "2[\\mathbf{A}\\mathbf{x}]_k")  # fmt: skip
    assert step.verdict == "refuted"


# -- C17: symmetric only where a sentence says so -------------------------------------------------
QUADRATIC = ("$$ \\frac{d}{dx_k}(\\mathbf{x}^\\top \\mathbf{A} \\mathbf{x}) = "
             "2[\\mathbf{A}\\mathbf{x}]_k $$\n")  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "$\\mathbf{A}$ is symmetric in the previous section but not here.",
        "$\\mathbf{A}$가 대칭이라면 좋겠지만 그렇지 않다.",
        "$\\mathbf{A}$ is symmetric only when $n = 1$.",
        "$\\mathbf{A}$ is a symmetric matrix plus a skew part.",
    ],
)
def test_a_sentence_that_does_not_affirm_symmetry_instantiates_a_general_matrix(
    tmp_path, sentence
):
    """round4/e2.md:69, e4.md: d/dx_k xᵀAx = [(A + Aᵀ)x]_k ≠ 2[Ax]_k for a general A; it was
    checked with A instantiated symmetric."""
    step = only_claim(tmp_path, f"Let $\\mathbf{{x}} \\in \\mathbb{{R}}^n$. {sentence}\n\n"
                      + QUADRATIC, "2[\\mathbf{A}\\mathbf{x}]_k")  # fmt: skip
    assert step.verdict in ("refuted", "undecided")
    assert not any("symmetric" in used for used in step.used)


@pytest.mark.parametrize(
    "sentence",
    [
        "Let $\\mathbf{A}$ be a symmetric matrix.",
        "$\\mathbf{A}$는 대칭 행렬이다.",
        "Suppose that $\\mathbf{A}$ is symmetric.",
    ],
)
def test_a_sentence_that_affirms_symmetry_still_instantiates_it(tmp_path, sentence):
    step = only_claim(tmp_path, f"Let $\\mathbf{{x}} \\in \\mathbb{{R}}^n$. {sentence}\n\n"
                      + QUADRATIC, "2[\\mathbf{A}\\mathbf{x}]_k")  # fmt: skip
    assert step.verdict == "checked"
    assert any("symmetric" in used for used in step.used)
