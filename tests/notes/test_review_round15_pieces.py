"""Round 15 F1, F7, F10, F12, F17, F25, F32: a function the note defines only on part of the line.

The note gives r(x) = x² only where x ≤ 1 — in the display (``\\text{if } x \\le 1``), in the
lead-in before it (*For $x \\le 1$,* ``\\[ … \\]``), in the next sentence (*This formula is used
for $x \\le 1$ only*), as a set (``x \\in [0, 1]``, ``k : [0, 1] \\to \\mathbb{R}``), or as one piece
of a definition by cases whose other condition is in words (*below zero we take*, *Elsewhere*,
*past that*). Outside, the note says nothing of r with that formula: r(3) = 9 is never proved
(nor refuted) with it — not directly, not through an example value (*Take $t = 3$. Then
$r(t) = 9$*), a shifted argument (r(x + 5) for x ≥ 0), a derivative at a point (r'(3)), an
integral or a sum over it. Inside, the formula is used as before (r(0.5) = 0.25 proved,
r'(0.5) = 2 refuted). And a shifted term b_{n+1} written first in a formula is a claim about the
family b_n, never a new name's definition (F10).
"""

import pytest

from tests.notes.note_steps import first_verdicts, verdicts_by_line

NOT_DECIDED = ("skipped", "undecided")


def verdicts(tmp_path, text: str) -> list[str]:
    found = first_verdicts(tmp_path, text)
    return [found[line] for line in sorted(found)]


def last(tmp_path, text: str) -> str:
    """The verdict of the note's last formula ('skipped' when it has no step to check)."""
    found = verdicts(tmp_path, text)
    return found[-1] if found else "skipped"


PIECES = [
    # F1: the condition in the display, or in the lead-in of the display
    "$$s(x) = x^2 \\quad \\text{if } x \\le 1,$$",
    "For $x \\le 1$,\n$$s(x) = x^2,$$",
    # F7: a restriction in the next sentence
    "Let $s(x) = x^2$. This formula is used for $x \\le 1$ only; beyond that, $s$ is constant.",
    "$s(x) = x^2$로 정의한다. 단, $x \\le 1$이다.",
    # F32: as a set
    "For $x \\in [0, 1]$, $s(x) = x^2$; outside, $s = 0$.",
    "Let $s : [0, 1] \\to \\mathbb{R}$, $s(x) = x^2$.",
    # F12, F17: a second piece whose condition is in words
    "The square is $s(x) = x^2$ for $x \\le 1$; below zero we take $s(x) = 0$.",
    "We clip: $s(x) = x^2$ as long as $x$ stays below $1$; past that, $s(x) = 1$.",
    "Set $s(x) = x^2$ when $x \\le 1$.\n\nElsewhere $s(x) = 1$.",
]


@pytest.mark.parametrize("definition", PIECES)
@pytest.mark.parametrize("claim", ["s(3) = 9", "s(3) = 1"])
def test_a_piece_gives_no_value_outside_its_condition(tmp_path, definition, claim):
    assert last(tmp_path, f"# P\n\n{definition}\n\nSo $${claim}$$\n") in NOT_DECIDED


@pytest.mark.parametrize("claim", [
    "r(t) = 9",  # through an example value (F25)
    "r'(3) = 6", "\\int_0^3 r(x)\\,dx = 9", "\\sum_{k=2}^{3} r(k) = 13",
    "\\frac{d}{dx} r(x) \\Big|_{x=3} = 6",
])
def test_a_piece_is_not_applied_outside_through_examples_derivatives_integrals_or_sums(
        tmp_path, claim):
    text = (f"# P\n\nFor $x \\le 1$, $r(x) = x^2$; beyond $1$, $r$ stays at $1$.\n\n"
            f"Take $t = 3$. Then $${claim}$$\n")
    assert last(tmp_path, text) in NOT_DECIDED


def test_a_shifted_argument_outside_the_condition_is_not_read(tmp_path):
    text = ("# P\n\nFor $x \\le 1$, $r(x) = x^2$.\n\n"
            "Hence $$r(x + 5) = (x + 5)^2$$ for every $x \\ge 0$.\n")
    assert last(tmp_path, text) in NOT_DECIDED


@pytest.mark.parametrize("claim, expected", [
    ("r(0.5) = 0.25", "proved"), ("r(0.5) = 0.5", "refuted"),
    ("r'(0.5) = 1", "proved"), ("r'(0.5) = 2", "refuted"),
])
def test_inside_its_condition_the_piece_is_used(tmp_path, claim, expected):
    text = f"# P\n\nFor $x \\le 1$, $r(x) = x^2$.\n\nThen $${claim}$$\n"
    assert last(tmp_path, text) == expected


def test_a_shifted_term_written_first_is_a_claim_about_the_family(tmp_path):
    # (n+1)^2 = n^2 + 2n + 1: "b_{n+1} = n^2 + 2n + 2" is a false claim, never b_{n+1}'s
    # definition (which would then prove b_{n+1} - b_n = 2n + 2)
    text = ("# F\n\nLet $b_n = n^2$.\n\n"
            "Then $b_{n+1} = n^2 + 2n + 2$, so $b_{n+1} - b_n = 2n + 2$.\n\n"
            "Also $c_{n+1} = n^2 + 2n + 1$ for $c_n = n^2$.\n")
    found = verdicts_by_line(tmp_path, text)
    assert found[min(found)] == ["refuted", "refuted"]


@pytest.mark.parametrize("definition", [
    # round 15 F39: the complement of the written condition is meant
    "For $x$ not in $[0, 1]$, $s(x) = x + 7$.",
    "Unless $x \\le 1$, $s(x) = x + 7$.",
    "Except when $x > 2$, $s(x) = x + 7$.",
    "$x \\le 1$이 아닐 때 $s(x) = x + 7$로 정의한다.",
])
@pytest.mark.parametrize("claim", ["s(0.5) = 7.5", "s(3) = 10"])
def test_a_negated_condition_is_never_read_as_the_condition(tmp_path, definition, claim):
    assert last(tmp_path, f"# P\n\n{definition}\n\nSo $${claim}$$\n") in NOT_DECIDED


def test_a_condition_sympy_cannot_compare_is_not_read_and_crashes_nothing(tmp_path):
    # round 15 F38: a divergent series as a bound raised ValueError out of the reader
    text = ("# H\n\nLet $s(x) = x$ if $x \\le \\sum_{k=1}^{\\infty} \\frac{1}{k}$, and "
            "$s(x) = 0$ otherwise.\n\nThen $$s(2) = 2.$$\n")
    assert last(tmp_path, text) in NOT_DECIDED


def test_the_second_piece_of_a_tent_on_intervals_is_a_branch_not_a_claim(tmp_path):
    # round 15 F44: "Let $g(x) = x$ on $[0, 1]$ and $g(x) = 2 - x$ on $(1, 2]$." refuted its
    # second piece as a claim about the first
    text = "# Tent\n\nLet $g(x) = x$ on $[0, 1]$ and $g(x) = 2 - x$ on $(1, 2]$.\n"
    assert "refuted" not in [v for vs in verdicts_by_line(tmp_path, text).values() for v in vs]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_classic_mac_line_ends_are_lines(tmp_path, newline):
    # round 15 F36: with lone CRs every step was on line 1 and a table's "No" was lost
    from symderive.notes.files import read_note

    note = tmp_path / "note.md"
    note.write_bytes(newline.join(["# A", "", "But $\\frac{d}{dy} y^3 = y^2$.", "",
                                   "| $\\frac{d}{dz} z^2 = z$ | No |", ""]).encode())
    text, error = read_note(note)
    assert error is None and text.split("\n")[2] == "But $\\frac{d}{dy} y^3 = y^2$."
    found = first_verdicts(tmp_path, text)
    assert found == {3: "refuted", 5: "undecided"}


@pytest.mark.parametrize("definition", [
    # round 16 F3, F4, F5, F6, F12, F14, F19, F23, F29: more places and words for the condition
    "$$s(x) = x^2$$\nfor $x \\le 1$.",
    "$$s(x) = x^2,$$\nwhere $x \\le 1$.",
    "$$s(x) = x^2 \\quad \\text{on } [0,1].$$",
    "Let $s(x) = x^2$ for $x$ between $0$ and $1$.",
    "Let $s(x) = x^2$ for $x$ at most $1$.",
    "Restricted to the unit interval, $s(x) = x^2$ for $x$ there.",
    "\\begin{align}\ns(x) &= x^2, \\quad x \\le 1\n\\end{align}",
    "Let $s(x) = x^2$ for integers $x$.",
    "Let $s \\colon [0, 1] \\to \\mathbb{R}$, $s(x) = x^2$.",
    "Let $s : [0, 1] \\longrightarrow \\mathbb{R}$, $s(x) = x^2$.",
    "Let $s : [0, 1] \\to \\mathbb{R}$ be a function. Define $s(x) = x^2$.",
])
def test_a_condition_beside_the_definition_in_other_places_and_words(tmp_path, definition):
    assert last(tmp_path, f"# P\n\n{definition}\n\nThen $$s(2.5) = 6.25$$\n") in NOT_DECIDED


@pytest.mark.parametrize("claim", [
    # round 16 F8, F10, F16, F21: a piece reached through another function, a Leibniz form at
    # a point, its bare name with an example value, an integral with an example value of its
    # variable
    "Let $h(t) = 2 r(t)$. Then $$h'(3) = 12$$",
    "Then $$\\frac{dr}{dx}\\Big|_{x=3} = 6$$",
    "Then $$\\frac{dr}{dx}(3) = 6$$",
    "Take $x = 3$. Then $$r = 9$$",
    "Take $x = 0$. Then $$\\int_0^3 r(x)\\,dx = 9$$",
])
def test_a_piece_is_not_reached_through_other_functions_bare_names_or_examples(tmp_path, claim):
    text = f"# P\n\nFor $x \\le 1$, $r(x) = x^2$.\n\n{claim}\n"
    assert last(tmp_path, text) in NOT_DECIDED


@pytest.mark.parametrize("definition, claim", [
    # round 16 F18, F27: a family bounded in words or by a finite list gives no instance
    ("Let $d_n = 2^n$ for $n$ even.", "d_3 = 8"),
    ("Let $b_n = n^2$ for $n = 1, \\dots, 5$.", "b_6 = 36"),
    ("Let $b_n = n^2$ for even $n$.", "b_{n+1} = (n+1)^2"),
])
def test_a_family_bounded_in_words_gives_no_instance(tmp_path, definition, claim):
    assert last(tmp_path, f"# F\n\n{definition}\n\nThen $${claim}$$\n") in NOT_DECIDED


def test_a_vector_function_restricted_by_a_norm_is_not_read_elsewhere(tmp_path):
    # round 16 F28: F(2x) = 4 x^T x was checked for every vector x
    text = ("# V\n\nFor $\\|\\mathbf{x}\\| \\le 1$, $F(\\mathbf{x}) = \\mathbf{x}^T \\mathbf{x}$.\n\n"
            "Then $$F(2\\mathbf{x}) = 4 \\mathbf{x}^T \\mathbf{x}$$\n")
    assert last(tmp_path, text) in NOT_DECIDED


def test_a_name_defined_under_a_condition_has_no_value_at_an_example_outside_it(tmp_path):
    # round 16 F20: y = x^2 is given for x >= 0 only; at the example x = -2 it has no value
    outside = "# Y\n\nLet $y = x^2$ for $x \\ge 0$.\n\nTake $x = -2$. Then $$y = 4$$\n"
    inside = "# V\n\nLet $v = \\ln x$ for $x \\ge 1$.\n\nTake $x = 1$. Then $$v + 1 = 1$$\n"
    assert last(tmp_path, outside) in NOT_DECIDED
    assert last(tmp_path, inside) == "proved"
