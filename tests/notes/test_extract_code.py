r"""Review round 4, C23: code and dead text are not the note's mathematics.

An indented Markdown code block, ``<pre>``, ``\begin{verbatim}``, ``\iffalse … \fi`` (and the
other ways of showing source or switching text off) render as code or not at all: a wrong
formula shown there is not a claim of the note, so it is never refuted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sympy as sp

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.extract import extract_math, without_code

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow

x = sp.Symbol("x")
WRONG = "(x+1)^2 = x^2 + 7"  # wrong at every x but -3 (independent check below)


def test_the_shown_formula_is_really_wrong():
    assert sp.expand((x + 1) ** 2 - (x**2 + 7)) != 0


def latex_read(text: str, markdown: bool = True) -> list[str]:
    return [" ".join(block.latex.split()) for block in extract_math(text, markdown=markdown).blocks]


@pytest.mark.parametrize(
    "shown",
    [
        f"# Code\n\nA wrong step:\n\n    $$ {WRONG} $$\n\nAfter.\n",  # indented code block
        f"<pre>\n$$ {WRONG} $$\n</pre>\n",
        f"<PRE class='x'>$$ {WRONG} $$</PRE>\n",
        f"<code>$${WRONG}$$</code>\n",
        f"<!-- an old version: $$ {WRONG} $$ -->\n",
        f"\\begin{{verbatim}}\n$$ {WRONG} $$\n\\end{{verbatim}}\n",
        f"\\begin{{lstlisting}}\n$$ {WRONG} $$\n\\end{{lstlisting}}\n",
        f"\\begin{{minted}}{{latex}}\n$$ {WRONG} $$\n\\end{{minted}}\n",
        f"\\begin{{comment}}\n$$ {WRONG} $$\n\\end{{comment}}\n",
        f"\\iffalse\n\\begin{{equation}} {WRONG} \\end{{equation}}\n\\fi\n",
        f"Write \\verb|$$ {WRONG} $$| in the source.\n",
    ],
)
def test_code_and_dead_text_are_not_read(shown):
    assert WRONG not in latex_read(shown)


@pytest.mark.parametrize(
    "text",
    [
        "\\iffalse\n\\begin{equation} (x+1)^2 = x^2 + 5 \\end{equation}\n\\fi\n",
        "\\begin{verbatim}\n$$ (x+1)^2 = x^2 + 7 $$\n\\end{verbatim}\n",
    ],
)
def test_latex_dead_text_is_not_read_in_a_tex_file(text):
    assert latex_read(text, markdown=False) == []


def test_an_indented_formula_inside_a_list_item_is_the_item_s_text():
    """Four spaces after a list item continue the item: that is the note's mathematics."""
    text = "1. First step:\n\n    $$ (x+1)^2 = x^2 + 2x + 1 $$\n"
    assert latex_read(text) == ["(x+1)^2 = x^2 + 2x + 1"]


def test_math_after_code_keeps_its_line():
    text = "Intro.\n\n    code line\n    more code\n\n$$ a = b $$\n"
    [block] = extract_math(text).blocks
    assert block.line == 6


def check(tmp_path: Path, name: str, text: str):
    note = tmp_path / name
    note.write_text(text, encoding="utf-8")
    return check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))


def test_the_reviewers_markdown_note_has_no_refutation_from_code(tmp_path):
    """round4/t3.md: lines 5 (indented) and 16 (<pre>) were refuted."""
    text = (
        "# Code\n\n<!-- old version: $$ (x+1)^2 = x^2 + 3 $$ -->\n\n    $$ (x+1)^2 = x^2 + 4 $$\n\n"
        "```latex\n$$ (x+1)^2 = x^2 + 5 $$\n```\n\n<pre>\n$$ (x+1)^2 = x^2 + 7 $$\n</pre>\n\n"
        "$$ (x+1)^2 = x^2 + 2x + 1 $$\n"
    )
    report = check(tmp_path, "t3.md", text)
    steps = [s for e in report.files[0].equations for s in e.steps]
    assert [(s.rhs_latex.strip(), s.verdict) for s in steps] == [("x^2 + 2x + 1", "proved")]


def test_the_reviewers_tex_note_is_not_refuted(tmp_path):
    """round4/t2.tex: \\iffalse (line 22) and verbatim (line 26) were refuted (exit 1)."""
    text = (
        "\\documentclass{article}\n\\begin{document}\n"
        "\\iffalse\n\\begin{equation} (x+1)^2 = x^2 + 5 \\end{equation}\n\\fi\n\n"
        "\\begin{verbatim}\n$$ (x+1)^2 = x^2 + 7 $$\n\\end{verbatim}\n\n"
        "\\begin{equation} (x+1)^2 = x^2 + 2x + 1 \\end{equation}\n\\end{document}\n"
    )
    report = check(tmp_path, "t2.tex", text)
    verdicts = [s.verdict for e in report.files[0].equations for s in e.steps]
    assert verdicts == ["proved"]


def test_a_wrong_formula_outside_the_code_is_still_refuted(tmp_path):
    text = "    $$ (x+1)^2 = x^2 + 4 $$\n\nBut in the text: $(x+1)^2 = x^2 + 4$.\n"
    report = check(tmp_path, "n.md", text)
    [step] = [s for e in report.files[0].equations for s in e.steps]
    assert step.verdict == "refuted"
    point = {x: sp.Rational(step.counterexample.values[0][1])}
    assert ((x + 1) ** 2).subs(point) != (x**2 + 4).subs(point)


def test_a_directive_shown_in_an_indented_code_block_is_not_read(tmp_path):
    """A directive shown as code is documentation: x stays real, so √(x²) = x is refuted."""
    text = "Write:\n\n    <!-- symderive: assume x positive -->\n\n$$ \\sqrt{x^2} = x $$\n"
    report = check(tmp_path, "d.md", text)
    [step] = [s for e in report.files[0].equations for s in e.steps]
    assert step.verdict == "refuted"
    assert sp.Rational(step.counterexample.values[0][1]) < 0


# -- review round 5, C7: more dead text -------------------------------------------------------
def test_a_nested_iffalse_ends_at_its_own_fi():
    text = "\\iffalse\n\\iffalse\n\\fi\n$$ (x+1)^2 = x^2 + 7 $$\n\\fi\n$$ y = 1 $$\n"
    kept = without_code(text, markdown=False)
    assert "x^2 + 7" not in kept and "y = 1" in kept
    assert kept.count("\n") == text.count("\n")


def test_nothing_after_end_document_is_read():
    text = "\\begin{document}\n$$ a = 1 $$\n\\end{document}\n$$ (x+1)^2 = x^2 + 10 $$\n"
    kept = without_code(text, markdown=False)
    assert "a = 1" in kept and "x^2 + 10" not in kept


def test_lstinline_script_textarea_and_long_fences_are_code():
    assert "x^2 + 9" not in without_code("\\lstinline{$(x+1)^2 = x^2 + 9$}\n", markdown=False)
    for tag in ("script", "textarea", "style"):
        text = f"<{tag}>\n$$ (x+1)^2 = x^2 + 3 $$\n</{tag}>\nafter\n"
        assert "x^2 + 3" not in without_code(text) and "after" in without_code(text)
    fenced = "````\n```\n$$ (x+1)^2 = x^2 + 3 $$\n```\n````\n$$ y = 1 $$\n"
    kept = without_code(fenced)
    assert "x^2 + 3" not in kept and "y = 1" in kept
