"""Round 44, reviewer T, on a note's own macros (notes/macro_expansion.py): a definition in a
formula's ``%`` comment defines nothing (T10); the definitions' scopes are read in one scan of
the note, not one per definition (T12); ``\\begingroup … \\endgroup`` in a Markdown formula
scopes a definition as in TeX; a formula the macros make too long to read is reported skipped,
not lost."""

from __future__ import annotations

import re

import pytest

from symderive.notes import macro_expansion
from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.extract import math_comments_blanked
from symderive.notes.macro_expansion import expand_macros

DOUBLE_ANGLE = "$$\\sin 2y = 2 \\sin y \\cos y$$"


def equations_of(tmp_path, text: str, suffix: str = ".md"):
    path = tmp_path / f"note{suffix}"
    path.write_text(text, encoding="utf-8")
    return check_files([path], NotesOptions(budget_seconds=3.0, jobs=1)).files[0].equations


def verdicts_of(tmp_path, text: str, suffix: str = ".md") -> dict[int, list[str]]:
    return {equation.line: [step.verdict for step in equation.steps]
            for equation in equations_of(tmp_path, text, suffix)}


# T10: MathJax and KaTeX read % in math as a comment to the end of the line
@pytest.mark.parametrize("note", [
    f"# Double angle\n\n$$\n% \\renewcommand{{\\sin}}{{\\cos}}  (old draft)\n\\sin 2y = 2 \\sin y "
    "\\cos y\n$$\n",
    f"# Double angle\n\nOld draft: $x % \\renewcommand{{\\sin}}{{\\cos}}$ (ignore).\n\n{DOUBLE_ANGLE}\n",
    f"# Double angle\n\n$$1 = 1 % \\def\\sin{{\\cos}}\n$$\n\n{DOUBLE_ANGLE}\n",
    f"# Double angle\n\n\\begin{{align}}\n1 &= 1 % \\renewcommand\\sin{{\\cos}}\n\\end{{align}}\n\n"
    f"{DOUBLE_ANGLE}\n",
])
def test_sin_2y_is_2_sin_y_cos_y_when_its_redefinition_is_commented_out(tmp_path, note):
    verdicts = verdicts_of(tmp_path, note)
    assert verdicts[max(verdicts)] == ["proved"]


def test_the_commented_definition_is_not_reported_as_expanded(tmp_path):
    note = f"# Double angle\n\n$$\n% \\renewcommand{{\\sin}}{{\\cos}}\n$$\n\n{DOUBLE_ANGLE}\n"
    path = tmp_path / "note.md"
    path.write_text(note, encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=3.0, jobs=1))
    assert not any("expanded where used" in notice for notice in report.files[0].notices)


def test_a_formula_with_a_commented_definition_reads_its_own_sin(tmp_path):  # T-mc-pct
    note = ("$$\\sin^2 x + \\cos^2 x = 1 % \\renewcommand{\\sin}{\\cos}\n$$\n\n"
            "$$\\frac{d}{dx} \\cos x = -\\sin x$$\n")
    assert verdicts_of(tmp_path, note) == {1: ["proved"], 4: ["proved"]}


def test_an_escaped_percent_leaves_the_definition_in_force(tmp_path):
    note = "$$5\\% \\renewcommand{\\sin}{\\cos}$$\n\n$$\\sin 0 = 1$$\n"
    assert verdicts_of(tmp_path, note)[3] == ["proved"]  # \sin is \cos after the definition


def test_a_percent_sign_in_the_words_is_no_comment(tmp_path):
    note = ("Prices rose by 5% this year, so with $\\newcommand{\\g}{\\frac{21}{20}}$ we get\n\n"
            "$$\\g \\cdot 100 = 105$$\n")
    assert verdicts_of(tmp_path, note)[3] == ["proved"]


def test_only_the_comments_inside_formulas_are_blanked():
    text = "5% more, $a % b$ and $$c\n% d\ne$$ then 7%."
    blanked = math_comments_blanked(text)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert "5% more" in blanked and "then 7%." in blanked
    assert "% b" not in blanked and "% d" not in blanked and "e$$" in blanked


def test_a_tex_file_comment_still_defines_nothing(tmp_path):
    note = ("\\documentclass{article}\n\\begin{document}\n% \\renewcommand{\\sin}{\\cos}\n"
            "$\\sin 2y = 2 \\sin y \\cos y$\n\\end{document}\n")
    assert verdicts_of(tmp_path, note, ".tex")[4] == ["proved"]


def test_a_top_level_redefinition_is_still_expanded(tmp_path):  # no over-caution
    note = f"$\\renewcommand{{\\sin}}{{\\cos}}$\n\n$$\\sin 0 = 1$$\n"
    assert verdicts_of(tmp_path, note)[3] == ["proved"]


# T12: 8000 copies of \def\a{} took 73 s: every definition re-scanned the note before it
class CountingPattern:
    """A compiled pattern that counts the characters its scans read."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern, self.scanned, self.scans = pattern, 0, 0

    def finditer(self, text: str):
        self.scans += 1
        self.scanned += len(text)
        return self.pattern.finditer(text)


@pytest.mark.parametrize("copies", [200, 2000])
def test_the_scopes_of_many_definitions_are_read_in_one_scan(monkeypatch, copies):
    counting = CountingPattern(macro_expansion.SCOPE_TOKEN)
    monkeypatch.setattr(macro_expansion, "SCOPE_TOKEN", counting)
    note = "# Defs\n\n$" + "\\def\\a{}" * copies + "$\n\n$$x + x = 2x$$\n"
    expand_macros(note, note)
    passes = counting.scans
    assert 1 <= passes <= macro_expansion.MAX_PASSES
    assert counting.scanned == passes * len(note)  # linear: not one scan per definition


def test_many_definitions_are_each_checked_once_against_the_spans():
    spans = macro_expansion._Spans([(10 * k, 10 * k + 5) for k in range(1000)])
    assert 3 in spans and 5 not in spans and 9995 - 1 in spans and 10_000 not in spans
    assert -1 not in spans


def test_a_note_with_many_definitions_still_reads_its_formula(tmp_path):
    note = "# Defs\n\n$" + "\\def\\a{}" * 500 + "$\n\n$$x + x = 2x$$\n"
    assert verdicts_of(tmp_path, note)[5] == ["proved"]


# \begingroup … \endgroup in a Markdown formula: MathJax forgets the definition at its end
@pytest.mark.parametrize("group", [("\\begingroup", "\\endgroup"), ("\\bgroup", "\\egroup")])
def test_a_definition_in_a_group_of_a_markdown_formula_is_not_expanded_after_it(tmp_path, group):
    note = (f"$${group[0]} \\renewcommand{{\\sin}}{{\\cos}} \\cos 0 = \\sin 0 {group[1]}$$\n\n"
            f"{DOUBLE_ANGLE}\n")
    verdicts = verdicts_of(tmp_path, note)
    assert "refuted" not in [verdict for found in verdicts.values() for verdict in found]


def test_a_braced_group_in_a_markdown_formula_still_scopes_its_definition(tmp_path):  # 41 P01
    note = f"${{\\renewcommand{{\\sin}}{{\\cos}}}}$\n\n{DOUBLE_ANGLE}\n"
    assert "refuted" not in verdicts_of(tmp_path, note)[3]


def test_a_closed_group_leaves_a_later_definition_in_force(tmp_path):  # no over-caution
    note = "$\\begingroup x \\endgroup$\n\n$\\newcommand{\\s}{x+y}$\n\n$$2\\s = 2x + y$$\n"
    assert verdicts_of(tmp_path, note)[5] == ["proved"]


# a formula the macros make longer than is read: reported skipped naming the growth
def test_a_formula_grown_too_long_by_its_macros_is_reported_skipped(tmp_path):
    note = ("# Sum\n\n$\\newcommand{\\a}{" + "+".join(["x_1"] * 100) + "}$\n\n"
            "$\\newcommand{\\b}{" + "+".join(["\\a"] * 100) + "}$\n\n"
            "$$\\b+\\b+\\b+\\b+\\b = 1$$\n")
    equations = equations_of(tmp_path, note)
    assert [equation.line for equation in equations] == [3, 5, 7]  # 3 equations, none lost
    grown = equations[-1]
    assert grown.skip is not None and grown.skip.value == "unknown-command"
    assert "\\b" in grown.reason and "longer than 20,000 characters" in grown.reason


def test_a_formula_whose_macros_expand_modestly_is_read(tmp_path):  # no over-caution
    note = ("$\\newcommand{\\a}{" + "+".join(["x"] * 50) + "}$\n\n"
            "$$\\a + \\a = " + "+".join(["2x"] * 50) + "$$\n")
    assert verdicts_of(tmp_path, note)[3] == ["proved"]
