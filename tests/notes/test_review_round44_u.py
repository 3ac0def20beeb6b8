"""Round 44, reviewer U: a pole of tan/sec/cot/csc inside a stated interval is sampled on both
sides (U04); a precision stated in words decides the rounding (U11, U12); ``\\tan x/2`` has two
readings (U10); a written-out symbolic determinant is bounded (U13)."""

from __future__ import annotations

import time

import pytest
import sympy as sp

from symderive.check import poles
from symderive.check.context import CheckContext
from symderive.model import Domain
from symderive.notes.precision_words import precision_for
from tests.notes.note_steps import first_verdicts, reasons_by_line, verdicts_by_line


def only_verdict(tmp_path, note: str) -> str:
    """The verdict of the one display's step (after any inline condition on its line)."""
    [verdicts] = [v for line, v in verdicts_by_line(tmp_path, note).items()
                  if "$$" in note.splitlines()[line - 1]]
    return verdicts[-1]


# --- U04: through a pole the sides change sign or jump without a root to find ---------------

@pytest.mark.parametrize("bound, claim", [
    ("0 < x < 1.7", "\\sqrt{\\sec^2 x - 1} = \\tan x"),  # false on (π/2, 1.7)
    ("|x| < 1.58", "\\arctan(\\tan x) = x"),  # x − π on (π/2, 1.58)
    ("0 < x < 1.6", "\\arctan(\\tan x) + \\arctan(\\cot x) = \\frac{\\pi}{2}"),  # −π/2 there
    ("0.1 < x < 3.3", "\\sqrt{\\csc^2 x - 1} = \\cot x"),  # false on (π/2, π)
    ("0 < x < 0.8", "\\sqrt{\\sec^2 (2x) - 1} = \\tan (2x)"),  # the pole at π/4
])
def test_a_claim_false_past_a_pole_inside_the_interval_is_refuted(tmp_path, bound, claim):
    note = f"# Angles\n\nFor ${bound}$, $${claim}.$$\n"
    assert only_verdict(tmp_path, note) == "refuted"


@pytest.mark.parametrize("bound, claim", [
    ("0 < x < 1.5", "\\sqrt{\\sec^2 x - 1} = \\tan x"),  # the pole π/2 lies outside
    ("|x| < 1.5", "\\arctan(\\tan x) = x"),
    ("0 < x < 1.5", "\\arctan(\\tan x) + \\arctan(\\cot x) = \\frac{\\pi}{2}"),
])
def test_the_same_claim_short_of_the_pole_is_still_checked(tmp_path, bound, claim):
    note = f"# Angles\n\nFor ${bound}$, $${claim}.$$\n"
    assert only_verdict(tmp_path, note) in ("checked", "proved")


def test_a_pole_that_cannot_be_solved_for_is_named_and_not_checked(tmp_path):
    # cos(x sin x) = 0 at x ≈ 1.6 inside (0, 1.65): SymPy's solveset gives up
    note = ("# Angles\n\nFor $0 < x < 1.65$, "
            "$$\\sqrt{\\sec^2 (x \\sin x) - 1} = \\tan (x \\sin x).$$\n")
    # (false past the pole: the points by the interval's end refute it, round 47 A01)
    assert only_verdict(tmp_path, note) in ("undecided", "refuted")


def test_the_points_sit_just_left_and_right_of_pi_over_2():
    x = sp.Symbol("x", real=True)
    context = CheckContext(domains=((x, Domain("interval", low=0, high=sp.Rational(17, 10),
                                                  ends="()")),))  # fmt: skip
    found = poles.pole_points((sp.sqrt(sp.sec(x) ** 2 - 1), sp.tan(x)), {x: sp.Rational(1, 3)},
                              context)
    values = sorted(point[x] for point in found.points)
    assert len(values) == 2 and values[0] < sp.pi / 2 < values[1]
    assert values[1] - values[0] < sp.Rational(1, 10**5) and not found.unlocated


def test_an_interval_without_a_pole_adds_no_points():
    x = sp.Symbol("x", real=True)
    context = CheckContext(domains=((x, Domain("interval", low=0, high=1, ends="()")),))
    found = poles.pole_points((sp.tan(x), sp.cot(x)), {x: sp.Rational(1, 3)}, context)
    assert found.points == [] and found.unlocated == []


# --- U11, U12: "to three decimal places", "to two significant figures" ----------------------

@pytest.mark.parametrize("note, verdict", [
    ("To three decimal places, $$\\frac{1}{7} = 0.14.$$", "refuted"),  # U12: 0.143
    ("To three decimal places, $$\\frac{1}{7} = 0.143.$$", "checked"),
    ("To two decimal places, $$\\frac{1}{7} = 0.14.$$", "checked"),
    ("We have $$\\frac{1}{7} = 0.14$$ to 3 d.p.", "refuted"),
    ("To two significant figures, $$e^{10} = 22000.$$", "checked"),  # U11: 22026
    ("To three significant figures, $$e^{10} = 22000.$$", "checked"),
    ("To two significant figures, $$e^{10} = 25000.$$", "refuted"),
    ("To 3 s.f., $$\\frac{1}{7} = 0.14.$$", "refuted"),
    ("유효숫자 두 자리로 $$e^{10} = 22000.$$", "checked"),
])
def test_the_precision_stated_in_words_decides(tmp_path, note, verdict):
    assert only_verdict(tmp_path, f"# Rounding\n\n{note}\n") == verdict


def test_without_words_the_decimals_written_decide(tmp_path):
    assert only_verdict(tmp_path, "# Rounding\n\n$$\\frac{1}{7} = 0.14$$\n") == "checked"
    assert only_verdict(tmp_path, "# Rounding\n\n$$e^{10} = 22000$$\n") == "refuted"


def test_words_that_belong_to_the_next_formula_do_not_count():
    assert precision_for("0.14", "", "To three decimal places, $$x = 1$$") is None
    assert precision_for("0.14", "", "(to three decimal places).").places == 3


def test_a_number_written_to_more_figures_than_the_words_keeps_its_own():
    assert precision_for("9.81", "to two significant figures, ", "") is None
    assert precision_for("22000", "to two significant figures, ", "").places == -3
    assert precision_for("0.0023", "to 2 s.f. ", "").places == 4


def test_a_refutation_names_the_words(tmp_path):
    note = "# Rounding\n\nTo three decimal places, $$\\frac{1}{7} = 0.14.$$\n"
    assert "three decimal places (stated in words)" in reasons_by_line(tmp_path, note)[3][-1]


# --- U10: \tan x/2 is tan(x/2) or (tan x)/2 ------------------------------------------------

@pytest.mark.parametrize("claim", [
    "\\tan x/2 = \\frac{1 - \\cos x}{\\sin x}",
    "\\cot x/2 = \\frac{1 + \\cos x}{\\sin x}",
    "\\sin x/2 = \\frac{\\sin x}{2}",  # the other reading: never proved either
])
def test_a_function_of_x_slash_2_written_tight_is_not_read(tmp_path, claim):
    assert only_verdict(tmp_path, f"# Half angles\n\n$${claim}$$\n") == "skipped"


@pytest.mark.parametrize("claim", [
    "\\sin x / 2 = \\frac{\\sin x}{2}",  # set apart: (sin x)/2 (round 6)
    "\\sin(x)/2 = \\frac{\\sin x}{2}",
    "\\tan\\frac{x}{2} = \\frac{1 - \\cos x}{\\sin x}",
    "\\sin x/\\cos x = \\tan x",
])
def test_the_unambiguous_spellings_are_still_proved(tmp_path, claim):
    assert only_verdict(tmp_path, f"# Half angles\n\n$${claim}$$\n") == "proved"


# --- U13: a written-out symbolic determinant is bounded ------------------------------------

def _written(n: int) -> str:
    rows = " \\\\ ".join(" & ".join(f"a_{{{i}{j}}}" for j in range(1, n + 1))
                         for i in range(1, n + 1))
    return f"\\begin{{pmatrix}} {rows} \\end{{pmatrix}}"


def test_eight_displays_of_8x8_symbolic_determinants_are_refused_quickly(tmp_path):
    note = "# t\n\n" + "\n\n".join(f"$$\\det {_written(8)} = {k}$$" for k in range(8)) + "\n"
    started = time.monotonic()
    verdicts = first_verdicts(tmp_path, note)
    assert set(verdicts.values()) == {"skipped"}
    assert time.monotonic() - started < 40  # was 84 s (about 2 s a step now, under load)


def test_a_small_symbolic_determinant_is_still_proved(tmp_path):
    note = ("# t\n\n$$\\det\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix} = ad - bc$$\n\n"
            f"$$\\det {_written(4)} = \\det {_written(4)}^T$$\n")
    assert set(first_verdicts(tmp_path, note).values()) == {"proved"}
