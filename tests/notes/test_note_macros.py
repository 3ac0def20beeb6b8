r"""A note's own macros are read as TeX expands them: the body put in at each use after the
definition, with its arguments, no braces added; what cannot be expanded with certainty is
skipped naming the definition (tests/notes/test_review_round6_extract.py)."""

from __future__ import annotations

import time

import pytest

from symderive.notes.macro_expansion import expand_macros, expanded_lines
from symderive.notes.check_notes import NotesOptions, check_files
from tests.notes.note_steps import verdicts_by_line

DEFINITIONS = ("$$\\newcommand{\\s}{x+y} \\newcommand\\pd[2]{\\frac{\\partial #1}{\\partial #2}}"
               " \\newcommand{\\R}{\\mathbb{R}} \\def\\sq#1{#1^2}$$\n\n")


@pytest.mark.parametrize("claim, verdict", [
    ("2\\s = 2x + y", "proved"),  # TeX adds no parentheses: 2x+y
    ("2\\s = 2(x + y)", "refuted"),
    ("\\pd{}{x} x^3 = 3x^2", "proved"),
    ("\\pd{}{x} x^3 = 2x", "refuted"),
    ("\\pd {} x \\, x^3 = 3x^2", "proved"),  # an argument without braces is one token
])
def test_a_macro_reads_as_its_body_with_its_arguments(tmp_path, claim, verdict):
    assert verdicts_by_line(tmp_path, DEFINITIONS + f"$${claim}$$\n")[3] == [verdict]


def test_a_macro_with_parameter_text_is_skipped_naming_its_line(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(DEFINITIONS + "$$\\sq{x} = x^2$$\n", encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=3.0, jobs=2))
    equation = next(e for e in report.files[0].equations if e.line == 3)
    assert not equation.steps and "\\sq" in equation.reason and "line 1" in equation.reason


def test_a_use_before_the_definition_is_not_expanded():
    text = "$$\\s = 1$$\n$$\\newcommand{\\s}{x+y}$$\n$$\\s = 2$$\n"
    assert expand_macros(text, text) == "$$\\s = 1$$\n$$\\newcommand{\\s}{x+y}$$\n$$x+y = 2$$\n"


@pytest.mark.parametrize("text", [
    "$$\\newcommand{\\pd}[2]{\\frac{#1}{#2}}$$\n$$\\pd{a}\n{b} = 1$$\n",  # arguments across lines
    "$$\\newcommand{\\R}{\\mathbb{R}}$$\n$$a \\\\R = 1$$\n",  # \\ is a line break, then R
    "$$\\newcommand{\\a}{\\a + 1}$$\n$$\\a = 1$$\n",  # uses itself
    "$$\\newcommand{\\h}[2][1]{#1 #2}$$\n$$\\h{x} = x$$\n",  # an optional argument
])
def test_what_is_not_certain_is_left_as_written(text):
    assert expand_macros(text, text) == text


def test_a_macro_shown_in_code_is_not_expanded_there():
    text = "$$\\newcommand{\\R}{\\mathbb{R}}$$\n`\\R`\n$$x \\in \\R$$\n"
    source = text.replace("`\\R`", "    ")  # the code span blanked, as the reader does
    assert expand_macros(text, source) == ("$$\\newcommand{\\R}{\\mathbb{R}}$$\n`\\R`\n"
                                           "$$x \\in \\mathbb{R}$$\n")


def test_nested_macros_expand_and_lines_never_move():
    text = ("$$\\newcommand{\\bm}[1]{\\mathbf{#1}} \\newcommand{\\vx}{\\bm{x}}$$\n\n"
            "$$\\vx^\\top \\vx = 1$$\n\n$$\\bm y = 2$$\n")
    expanded = expand_macros(text, text)
    assert expanded.count("\n") == text.count("\n")
    assert "\\mathbf{x}^\\top \\mathbf{x} = 1" in expanded and "\\mathbf{y} = 2" in expanded
    assert expanded_lines(text) == {1: ["\\bm (\\newcommand)", "\\vx (\\newcommand)"]}


def test_macros_that_double_at_every_level_stop_growing():
    names = "abcdefghijklmnopqrst"
    definitions = " ".join(f"\\newcommand{{\\m{a}}}{{\\m{b}\\m{b}}}" for a, b in zip(names, names[1:]))
    text = f"$${definitions}$$\n$$\\ma = 1$$\n"
    started = time.monotonic()
    expanded = expand_macros(text, text)
    assert time.monotonic() - started < 5
    assert len(expanded) < len(text) + 300_000


def test_a_tex_preamble_macro_is_read_in_the_document(tmp_path):
    from tests.notes.note_steps import file_verdicts

    text = ("\\documentclass{article}\n\\newcommand{\\E}{\\mathbb{E}}\n\\begin{document}\n"
            "\\[ \\E[2X] = 2\\E[X] \\]\n\\[ \\E[X^2] = \\E[X]^2 \\]\n\\end{document}\n")
    assert file_verdicts(tmp_path, text, ".tex") == ["proved", "refuted"]
