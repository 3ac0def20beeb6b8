r"""Review round 13, F2 and F6.

* F2 — *Here $k$ is the spring constant. The stored energy is $U_k = \frac12 k x^2$.* makes k a
  constant of the problem, not an index: U_k is a name with a subscript and U_2 (two springs in
  series) another name, never U_k at k = 2. ``U_2 = \frac14 k x^2`` was refuted with k = −17/3
  on its right while its left side used k = 2, and *Hence $U_2 = x^2$* was proved against the
  note's own previous line. Without such words a formula that writes the family's letter beside
  an instance (``U_2 = \frac14 k x^2``) is not read as the instance either: it is a new
  definition of U_2 or a claim about U_k (both readings checked), and a claim that would give k
  two values at once is never refuted. The family reading that works stays: ``x_3 = 8`` after
  ``x_k = 2^k`` is proved, ``x_k - x_3 = 2^k - 8`` (the family's own name beside it) too.
* F6 — a ``\newif`` switch set inside a group (``{\showtrue}``, ``\begingroup\showtrue
  \endgroup``, ``\begin{x}\showtrue\end{x}``) is false again after the group, as in TeX: a claim
  in the ``\ifshow`` branch after it is dead text, never refuted; ``\global\showtrue`` keeps its
  effect, and where the grouping cannot be followed the branch is unsure (never refuted).

Each false reading has a true control of the same form that stays proved (or refuted, for the
live branch of a false claim).
"""

from __future__ import annotations

import time

import pytest

from symderive.notes.constant_letters import called_constant
from symderive.notes.tex_conditionals import conditional_branches
from tests.notes.note_steps import file_verdicts, steps_by_line

ENERGY = r"U_k = \frac{1}{2} k x^2"


def _verdicts(steps: list) -> list[str]:
    return [step.verdict for step in steps]


# -- F2: a letter the prose calls a constant is no index -----------------------------------------

def test_two_springs_in_series_is_not_the_family_at_k_two(tmp_path):
    # t7.md: U_2 = ¼ k x² is the series springs' energy, a name of its own — not U_k at k = 2
    found = steps_by_line(tmp_path, (
        "# Spring\n\n"
        f"Here $k$ is the spring constant. The stored energy is ${ENERGY}$.\n\n"
        "For the first spring, $U_1 = \\frac{1}{2} x^2$.\n\n"
        "With two springs in series the stiffness halves, so $U_2 = \\frac{1}{4} k x^2$.\n"))
    assert "refuted" not in [step.verdict for steps in found.values() for step in steps]


def test_a_claim_against_the_notes_own_series_formula_is_never_proved(tmp_path):
    # t7c.md: U_2 = x² contradicts U_2 = ¼ k x² of the line before for every k ≠ 4
    found = steps_by_line(tmp_path, (
        "# Spring\n\n"
        f"The stored energy is ${ENERGY}$, where $k > 0$ is the spring constant.\n\n"
        "With two springs in series the stiffness halves, so $U_2 = \\frac{1}{4} k x^2$.\n\n"
        "Hence $U_2 = x^2$.\n"))
    assert "proved" not in _verdicts(found.get(7, []))
    assert "checked" not in _verdicts(found.get(7, []))
    assert "refuted" not in _verdicts(found.get(5, []))


CONSTANT_WORDINGS = [
    "Here $k$ is the spring constant.",
    "Let $k$ be the spring constant.",
    "We write $k$ for the spring constant, and $k$ is fixed.",
    "The spring constant $k$ is known.",
    "Here $k$ denotes the stiffness of the spring.",
    "Here $k > 0$ is a coefficient.",
    "The parameter $k$ is given.",
    "With learning rate $k$, we train.",
    "$k$는 용수철 상수이다.",
    "여기서 $k$는 계수이다.",
    "상수 $k$를 생각하자.",
]


@pytest.mark.parametrize("words", CONSTANT_WORDINGS)
def test_a_letter_called_a_constant_makes_the_subscript_a_label(tmp_path, words):
    # as a family, U_2 = x² would be proved; with k a constant it is the second line's U_2
    found = steps_by_line(tmp_path, (
        f"# Spring\n\n{words} The energy is ${ENERGY}$.\n\n"
        "So $U_2 = \\frac{1}{4} k x^2$.\n\nHence $U_2 = x^2$.\n"))
    assert not {"proved", "checked"} & set(_verdicts(found.get(7, []))), words
    assert "refuted" not in _verdicts(found.get(5, [])), words


@pytest.mark.parametrize("words", [
    "Here $k$ is not a constant.",
    "For each fixed $k$, we look at the springs.",
    "Here $k$ is an integer and the constant $c$ is 3.",
    "$k$는 상수가 아니다.",
    "",
])
def test_an_index_stays_an_index(tmp_path, words):
    found = steps_by_line(tmp_path, (
        f"# Family\n\n{words} Let ${ENERGY}$.\n\nThen $U_2 = x^2$.\n"))
    assert _verdicts(found[5]) == ["proved"], words


@pytest.mark.parametrize("text, letter, words", [
    ("Here $k$ is the spring constant.", "k", "$k$ is the spring constant"),
    ("where $k > 0$ is the spring constant.", "k", "$k > 0$ is the spring constant"),
    ("$\\eta$ is the learning rate", "\\eta", "$\\eta$ is the learning rate"),
    ("$a$ is held fixed", "a", "$a$ is held fixed"),
    ("$k$ is a constant?", "k", ""),
    ("if $k$ is constant", "k", ""),
    ("for each fixed $n$", "n", ""),
    ("$k_1$ is the spring constant", "k", ""),
])
def test_the_words_that_call_a_letter_a_constant(text, letter, words):
    assert called_constant(text, letter) == words


# -- F2: one claim never gives the family's letter two values -----------------------------------

def test_an_instance_beside_its_letter_is_a_new_formula_or_a_claim(tmp_path):
    # no words about k: U_2 = ¼ k x² may define the series springs' U_2 or claim U_k at 2
    found = steps_by_line(tmp_path, (
        f"# Spring\n\nThe stored energy is ${ENERGY}$.\n\n"
        "With two springs in series the stiffness halves, so $U_2 = \\frac{1}{4} k x^2$.\n\n"
        "Hence $U_2 = x^2$.\n\nAnd $U_2 = \\frac{1}{2} \\cdot 2 x^2$.\n"))
    assert "refuted" not in _verdicts(found.get(5, []))
    assert _verdicts(found[7]) == ["undecided"]  # x² with the family, ¼ k x² with line 5
    assert _verdicts(found[9]) == ["undecided"]


def test_a_claim_giving_the_letter_two_values_is_never_refuted(tmp_path):
    found = steps_by_line(tmp_path, (
        f"# Spring\n\nThe stored energy is ${ENERGY}$.\n\n"
        "Then $U_2 k = 3 k$.\n\n"
        "Let $E = k x$. Then $U_2 = E x / 4$.\n\n"
        "And $U_2 + k = k + U_2$.\n"))
    assert _verdicts(found[5]) == ["undecided"]
    assert "refuted" not in _verdicts(found[7])  # k through E's definition
    assert _verdicts(found[9]) == ["proved"]  # true whatever U_2 is


def test_the_family_reading_that_works_stays(tmp_path):
    found = steps_by_line(tmp_path, (
        "# Powers\n\nLet $x_k = 2^k$. Then $x_3 = 8$.\n\n"
        "$$x_k - x_3 = 2^k - 8$$\n\n$$x_k - x_3 = 2^k - 9$$\n\n"
        f"# Spring\n\nThe stored energy is ${ENERGY}$. Then $U_2 = x^2$ and $U_3 = 3 x^2$.\n"))
    assert _verdicts(found[3]) == ["proved"]
    assert _verdicts(found[5]) == ["proved"]  # x_k written: k is its index there
    assert _verdicts(found[7]) == ["refuted"]
    assert _verdicts(found[11]) == ["proved", "refuted"]  # U_3 = 3/2 x²


# -- F6: a switch set inside a group ends with the group ------------------------------------------

FALSE = r"(a+b)^2 = a^2 + b^2"
TRUE = r"(a+b)^2 = a^2 + 2ab + b^2"


def _note(setting: str, claim: str = FALSE, branch: str = "\\ifshow\nWe have ${claim}$.\n\\fi\n"):
    return ("\\documentclass{article}\n\\newif\\ifshow\n\\begin{document}\n\\section{A}\n"
            + setting + branch.format(claim=claim) + "\\end{document}\n")


GROUPED = [
    "{\\showtrue}\n",  # t22.tex
    "\\begingroup\\showtrue\\endgroup\n",  # t21.tex line 17
    "\\begin{center}\\showtrue\\end{center}\n",
    "\\bgroup\\showtrue\\egroup\n",
    "{\\let\\ifshow\\iftrue}\n",
    "\\begin{itemize}\n\\item {\\showtrue} first\n\\end{itemize}\n",
    "{\\showtrue \\iffalse } \\fi }\n",  # the brace in the dead branch is skipped, as in TeX
    "{\\def\\ifshow{\\iftrue}}\n",
    "$\\showtrue$\n",  # math is a group too
    "\\[\\showtrue\\]\n",
]


@pytest.mark.parametrize("setting", GROUPED)
def test_a_switch_set_in_a_group_is_false_after_it(tmp_path, setting):
    assert file_verdicts(tmp_path, _note(setting), ".tex") == []


@pytest.mark.parametrize("setting", GROUPED[:4])
def test_the_else_branch_after_the_group_is_read(tmp_path, setting):
    branch = "\\ifshow\nno\n\\else\nWe have ${claim}$.\n\\fi\n"
    assert file_verdicts(tmp_path, _note(setting, FALSE, branch), ".tex") == ["refuted"]
    assert file_verdicts(tmp_path, _note(setting, TRUE, branch), ".tex") == ["proved"]


@pytest.mark.parametrize("setting", [
    "\\showtrue\n",
    "{\\global\\showtrue}\n",
    "\\begingroup\\global\\let\\ifshow\\iftrue\\endgroup\n",
    "\\showtrue{\\showfalse}\n",
    "\\let\\ifshow=\\iftrue\n",
])
def test_a_switch_in_force_makes_its_branch_live(tmp_path, setting):
    assert file_verdicts(tmp_path, _note(setting), ".tex") == ["refuted"]
    assert file_verdicts(tmp_path, _note(setting, TRUE), ".tex") == ["proved"]


def test_a_switch_set_in_the_same_group_holds_there(tmp_path):
    text = _note("{\\showtrue\n", FALSE, "\\ifshow\nWe have ${claim}$.\n\\fi}}\n")
    assert file_verdicts(tmp_path, text, ".tex") == ["refuted"]


@pytest.mark.parametrize("setting", [
    "\\AtBeginDocument{\\showtrue}\n",  # an argument: a group or not, as the macro does it
    "\\foo{\\showtrue}\n",
    "{\\aftergroup\\showtrue}\n",
    "\\begin{x}\\showtrue\\end{y}\n",  # closers that match no opener
    "\\globaldefs=1 {\\showtrue}\n",
    "\\def\\ifshow{\\iftrue}\n",
])
def test_grouping_the_text_does_not_settle_leaves_the_branch_unsure(tmp_path, setting):
    assert file_verdicts(tmp_path, _note(setting), ".tex") == ["undecided"]
    assert file_verdicts(tmp_path, _note(setting, TRUE), ".tex") == ["proved"]


def test_many_grouped_switches_are_read_in_one_pass():
    text = "\\newif\\ifshow\n" + "{\\showtrue}\\ifshow x\\else y\\fi\n" * 1000
    started = time.monotonic()
    branches = conditional_branches(text)
    assert time.monotonic() - started < 10  # 122 s before (a rescan per use)
    assert not branches.unsure
    dead = [position for low, high in branches.dead for position in range(low, high)]
    assert sum(text[position] == "x" for position in dead) == 1000
    assert "y" not in {text[position] for position in dead}
