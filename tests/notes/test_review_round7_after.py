r"""Review round 7, R1 (a hypothesis written after the display) and R8 (e or E defined in words).

R1: the text right after a display (``for $x > 0$.``, ``여기서 $x > 0$이다.``, ``where $x, y >
0$.``, ``as long as $x$ is positive.``, ``for every integer $n$.``, …) is read as the same
sentence before the display would be, for the display(s) it follows; words stating a condition
that is not read (a law, a shape, an alphabet, a point) make a refutation undecided; a complex
name makes every verdict undecided. R8: ``The residual $e$ equals $y - w x$.`` defines e as
``Let $e = y - wx$.`` does; the letter named as a quantity without a formula is never Euler's
number.

The true claims are proved under the condition; false ones stay refuted with a counterexample
inside the stated domain (checked with mpmath).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import mpmath
import pytest

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.stated import sentences_of

pytestmark = pytest.mark.slow


def verdicts(tmp_path: Path, text: str) -> dict[int, list]:
    """line → the checked steps of the displayed chains starting there."""
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    found: dict[int, list] = {}
    for equation in report.files[0].equations:
        if equation.kind not in ("display", "environment"):
            continue
        for step in equation.steps:
            if step.skip is None or step.verdict == "skipped":
                found.setdefault(equation.line, []).append(step)
    return found


def only(found: dict, line: int):
    steps = found.get(line, [])
    assert len(steps) == 1, (line, {k: [(s.rhs_latex, s.verdict) for s in v]
                                    for k, v in found.items()})
    return steps[0]


def sqrt_sq_minus(x: Fraction) -> mpmath.mpf:
    """√(x²) − x at x, by mpmath: 0 exactly when x ≥ 0."""
    value = mpmath.mpf(x.numerator) / x.denominator
    return mpmath.sqrt(value**2) - value


# -- R1: an inequality after the display (round7/h2.md, cb1-cb3.md) ---------------------------------
AFTER_WORDS = [
    "for $x > 0$.",
    "valid for $x > 0$.",
    "(for $x > 0$).",
    "if $x > 0$.",
    "which holds when $x > 0$.",
    "provided that $x \\ge 0$.",
    "여기서 $x > 0$이다.",
    "as long as $x$ is positive.",
    "where $x, y > 0$.",
    "where $x > 0$ is the width.",
    "단, $x > 0$이고 $y > 0$이다.",
    "where $x > 0$ and $y > 0$.",
    "where $x > 0$.",
]


def sections(claim: str, words: list[str]) -> str:
    return "".join(f"# S{i}\n\n$$ {claim} $$\n\n{w}\n\n" for i, w in enumerate(words))


def test_r1_a_domain_written_after_the_display_is_read(tmp_path):
    found = verdicts(tmp_path, sections(r"\sqrt{x^2} = x", AFTER_WORDS))
    lines = sorted(found)
    assert len(lines) == len(AFTER_WORDS)
    for line, words in zip(lines, AFTER_WORDS):
        step = only(found, line)
        assert step.verdict == "proved", (words, step.verdict, step.reason)
        assert "x " in " ".join(step.used), (words, step.used)


def test_r1_a_false_claim_is_still_refuted_inside_the_domain(tmp_path):
    words = ["for $x > 0$.", "여기서 $x > 0$이다.", "where $x, y > 0$.", "as long as $x$ is positive."]
    found = verdicts(tmp_path, sections(r"\sqrt{x^2} = -x", words))
    for line in sorted(found):
        step = only(found, line)
        assert step.verdict == "refuted", step.reason
        x = Fraction(dict(step.counterexample.values)["x"])
        assert x > 0 and sqrt_sq_minus(x) == 0  # inside the domain, and √(x²) = x ≠ −x there


def test_r1_two_names_and_an_align_followed_by_where(tmp_path):
    found = verdicts(tmp_path, "# A\n\n$$ |x| + |y| = x + y $$\n\nwhere $x > 0$, $y > 0$.\n\n"
                     "# B\n\n\\begin{align*}\n\\sqrt{x^2} &= x & |y| &= y\n\\end{align*}\n\n"
                     "where $x > 0$ and $y > 0$.\n\n"
                     "# C\n\n$$ \\sqrt{x^2} = x, $$\n\nwhere $x > 0$ denotes the length.\n")
    assert [s.verdict for line in sorted(found) for s in found[line]] == ["proved"] * 4


def test_r1_where_after_two_displays_holds_for_both_and_no_further(tmp_path):
    # L3: the where holds for the displays between the sentence before them and itself
    found = verdicts(tmp_path, "# A\n\nWe have\n\n$$ \\sqrt{x^2} = x $$\n\n$$ |x| = x $$\n\n"
                     "where $x > 0$.\n\nNow a new claim:\n\n$$ |x| = x $$\n")
    first, second, third = sorted(found)
    assert only(found, first).verdict == "proved"
    assert only(found, second).verdict == "proved"
    # past its sentence the where is not in force (not proved), and a refutation outside it is
    # not certain either: the note bounded x in this section
    assert only(found, third).verdict == "undecided"


def test_r1_a_description_after_the_display_does_not_hide_a_refutation(tmp_path):
    found = verdicts(tmp_path, "$$ \\sqrt{x^2} = x $$\n\nwhere $x$ is the input.\n")
    assert only(found, 1).verdict == "refuted"


def test_r1_a_new_paragraph_of_prose_is_not_read_as_the_condition():
    text = "$$ a = b $$\n\nFor $x > 0$ the next claim holds.\n\n$$ c = d $$\nwhere $x > 0$.\n"
    found = [(s.text, s.after_display) for s in sentences_of(text)]
    assert found == [("For $x > 0$ the next claim holds.", 2), ("where $x > 0$.", 1)]


# -- R1: other hypotheses after the display (round7/w4.md, w1.md, pt1.md) --------------------------
W4 = r"""# A

$$ E[X^2] = E[X] $$

where $X$ is a Bernoulli random variable.

# B

$$ \det(-\mathbf{A}) = \det(\mathbf{A}) $$

for any $2 \times 2$ matrix $\mathbf{A}$.

# C

$$ \mathbf{S}^\top = \mathbf{S} $$

where $\mathbf{S}$ is symmetric.

# D

$$ \cos(\pi n) = (-1)^n $$

for every integer $n$.

# E

$$ H(X) \le 1 $$

where $X$ is binary. This note is about entropy, in bits.

# F

$$ |z|^2 = z^2 $$

where $z$ is a complex number.

# G

$$ \frac{d}{dx} x^2 = 2 $$

at $x = 1$.
"""


def test_r1_laws_shapes_symmetry_integers_alphabets_points_after_the_display(tmp_path):
    found = verdicts(tmp_path, W4)
    bernoulli, shape, symmetric, integer, binary, complex_, point = sorted(found)
    for line in (bernoulli, binary, point):  # not read: never a refutation outside it
        step = only(found, line)
        assert step.verdict == "undecided" and "after the display" in step.reason, step.reason
    # "for any $2 \times 2$ matrix $\mathbf{A}$" is a shape the note states (file-wide,
    # symderive.grammar.shape_words): det(−A) = det(A) is proved at 2×2, or not decided
    step = only(found, shape)
    assert step.verdict == "proved" or (
        step.verdict == "undecided" and "after the display" in step.reason), step.reason
    assert only(found, symmetric).verdict in ("proved", "checked")
    assert only(found, integer).verdict in ("proved", "checked")
    assert "integer" in " ".join(only(found, integer).used)
    step = only(found, complex_)  # |x+iy|² ≠ (x+iy)²: never proved with z real
    assert step.verdict == "undecided" and "complex" in step.reason


def test_r1_false_claims_after_an_integer_or_a_symmetric_matrix_stay_refuted(tmp_path):
    found = verdicts(tmp_path, "# A\n\n$$ \\cos(\\pi n) = 1 $$\n\nfor every integer $n$.\n\n"
                     "# B\n\n$$ \\mathbf{S}^\\top = -\\mathbf{S} $$\n\nwhere $\\mathbf{S}$ is symmetric.\n")
    first, second = sorted(found)
    step = only(found, first)
    assert step.verdict == "refuted"
    n = Fraction(dict(step.counterexample.values)["n"])
    assert n.denominator == 1 and mpmath.cos(mpmath.pi * n.numerator) == -1  # odd: cos = −1 ≠ 1
    assert only(found, second).verdict == "refuted"


# -- R1: a condition in words inside the display (round7/w3.md) -------------------------------------
def test_r1_text_conditions_inside_the_display(tmp_path):
    found = verdicts(tmp_path, "$$ \\sqrt{x^2} = x \\quad \\text{for positive } x $$\n\n"
                     "$$ \\sqrt{x^2} = x \\quad \\text{($x > 0$)} $$\n\n"
                     "$$ \\sqrt{x^2} = x \\quad \\text{valid for } x > 0 $$\n\n"
                     "$$ \\sqrt{x^2} = -x \\quad \\text{valid for } x > 0 $$\n")
    assert [only(found, line).verdict for line in (1, 3, 5)] == ["proved"] * 3
    step = only(found, 7)
    assert step.verdict == "refuted" and Fraction(dict(step.counterexample.values)["x"]) > 0


# -- R8: e and E defined in words (round7/f2.md, f3.md, w1.md, en1.md) -----------------------------
E_IN_WORDS = [
    "The residual $e$ equals $y - w x$.",
    "잔차 $e$는 $y - w x$와 같다.",
    "Here $e$ stands for the prediction error $y - w x$.",
    "Let $e$ denote $y - wx$.",
]


def test_r8_e_defined_in_words_is_not_eulers_number(tmp_path):
    text = "".join(f"# S{i}\n\n{words}\n\n$$ \\frac{{\\partial}}{{\\partial w}} e^2 = 0 $$\n\n"
                   f"$$ \\frac{{\\partial}}{{\\partial w}} \\frac{{1}}{{2}} e^2 = -e x $$\n\n"
                   for i, words in enumerate(E_IN_WORDS))
    found = verdicts(tmp_path, text)
    lines = sorted(found)
    assert len(lines) == 2 * len(E_IN_WORDS)
    for wrong, right in zip(lines[::2], lines[1::2]):
        # d/dw (y − wx)² = −2(y − wx)x ≠ 0: never proved
        assert only(found, wrong).verdict not in ("proved", "checked"), only(found, wrong).reason
        step = only(found, right)  # the least-squares gradient, with e substituted
        assert step.verdict == "proved", step.reason
        assert "e = y - w" in " ".join(step.used) or "e = y - w" in step.reason


def test_r8_where_e_after_the_display_defines_it_there(tmp_path):
    found = verdicts(tmp_path, "$$ \\frac{\\partial}{\\partial w} \\frac{1}{2} e^2 = -e x $$\n\n"
                     "where $e = y - w x$ is the residual.\n\n"
                     "$$ \\frac{\\partial}{\\partial w} \\frac{1}{2} e^2 = e x $$\n\n"
                     "where $e = y - w x$ is the residual.\n")
    assert only(found, 1).verdict == "proved"
    assert only(found, 5).verdict == "refuted"  # the sign-wrong gradient


def test_r8_energy_defined_in_words(tmp_path):
    found = verdicts(tmp_path, "The energy $E$ equals $m c^2$.\n\n$$ \\frac{E}{m} = c^2 $$\n\n"
                     "$$ \\frac{E}{m} = c $$\n")
    assert only(found, 3).verdict == "proved"
    step = only(found, 5)
    assert step.verdict == "refuted"
    c = Fraction(dict(step.counterexample.values)["c"])
    assert c * c != c  # m c² / m = c² ≠ c there


def test_r8_e_named_as_a_quantity_without_a_formula_is_not_decided(tmp_path):
    found = verdicts(tmp_path, "The residual $e$ is small.\n\n"
                     "$$ \\frac{\\partial}{\\partial w} e^2 = 0 $$\n")
    step = only(found, 3)
    assert step.verdict == "undecided" and "names e as a quantity" in step.reason


def test_r8_eulers_number_and_formula_definitions_still_work(tmp_path):
    found = verdicts(tmp_path, "# A\n\n$$ \\ln(e^2) = 2 $$\n\n"
                     "# B\n\nLet $e = y - wx$.\n\n$$ \\frac{\\partial}{\\partial w} e = -x $$\n")
    first, second = sorted(found)
    assert only(found, first).verdict == "proved"
    assert only(found, second).verdict == "proved"


def test_r1_a_sentence_running_into_the_next_display_introduces_it(tmp_path):
    # "for $x > 0$," without a period leads into the display after it, not back to the one before
    found = verdicts(tmp_path, "$$ |x| = -x $$\n\nfor $x > 0$,\n\n$$ \\sqrt{x^2} = x $$\n\nDone.\n")
    first, second = sorted(found)
    assert only(found, second).verdict == "proved"
    assert only(found, first).verdict in ("refuted", "undecided")  # never proved under x > 0


def test_r1_for_example_after_a_display_is_no_condition():
    from symderive.notes.after_display import after_display
    from symderive.notes.stated import read_stated

    stated = read_stated("$$ a = b $$\nFor example, $x = 3$ is one value.\n", [])
    after = after_display(stated, 0)
    assert after is not None and not after.conditional
