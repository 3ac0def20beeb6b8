"""Round 11a F14, F15, F16, F18: text that is never typeset or rendered states nothing, and a
command the note redefines in any spelling is not read with its standard meaning.

Each false formula below sits where no reader of the compiled or rendered note sees it (or is
disowned by the words right after it); none may be refuted. Each control is the same formula
where it is typeset, which is refuted.
"""

import pytest

from symderive.notes.check_notes import NotesOptions, check_files
from tests.notes.note_steps import file_verdicts

FALSE = r"(a+b)^2 = a^2 + b^2"


verdicts = file_verdicts


@pytest.mark.parametrize("dead", [
    "\\if0\n\\[ {f} \\]\n\\fi\n",
    "\\newif\\ifsolutions\n\\solutionsfalse\n\\ifsolutions\n\\[ {f} \\]\n\\fi\n",
    "\\newif\\ifdraft\n\\ifdraft\n\\[ {f} \\]\n\\fi\n",
    "\\begin{{filecontents}}{{x.tex}}\n\\[ {f} \\]\n\\end{{filecontents}}\n",
    "\\begin{{spverbatim}}\n\\[ {f} \\]\n\\end{{spverbatim}}\n",
])
def test_latex_dead_text_states_nothing(tmp_path, dead):
    assert "refuted" not in verdicts(tmp_path, dead.format(f=FALSE), ".tex")


def test_a_switch_set_true_typesets_its_branch(tmp_path):
    text = f"\\newif\\ifsolutions\n\\solutionstrue\n\\ifsolutions\n\\[ {FALSE} \\]\n\\fi\n"
    assert verdicts(tmp_path, text, ".tex") == ["refuted"]


@pytest.mark.parametrize("command", [
    r"\RenewDocumentCommand{\sin}{m}{#1}", r"\DeclareDocumentCommand{\sin}{}{\cos}",
    r"\NewCommandCopy{\sin}{\cos}", r"\RenewCommandCopy{\sin}{\cos}",
    r"\expandafter\def\csname sin\endcsname{\cos}",
])
def test_a_command_redefined_in_any_spelling_is_not_read(tmp_path, command):
    note = tmp_path / "note.tex"
    note.write_text(f"{command}\n\\[ \\sin^2 x + \\cos^2 x = 1 \\]\n", encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    [equation] = report.files[0].equations
    assert equation.skip is not None and "\\sin" in equation.reason, equation
    assert not equation.steps


@pytest.mark.parametrize("hidden", [
    "[//]: # ($$ {f} $$)\n",
    "[comment]: <> ($$ {f} $$)\n",
    "<template>\n$$ {f} $$\n</template>\n",
    "$$\n{f}\n$$\nis false.\n",
    "- To show the mistake, write:\n\n      $$ {f} $$\n",
])
def test_markdown_that_renders_no_claim_states_nothing(tmp_path, hidden):
    assert "refuted" not in verdicts(tmp_path, "# N\n\n" + hidden.format(f=FALSE), ".md")


def test_a_directive_shown_as_code_in_a_list_item_is_no_directive(tmp_path):
    text = ("# Setup\n\n- To declare a domain, add:\n\n      <!-- symderive: assume x positive -->\n"
            "\n## Claims\n\n$$ \\sqrt{x^2} = x $$\n")
    assert verdicts(tmp_path, text, ".md") == ["refuted"]


def test_a_list_item_paragraph_indented_under_its_item_is_still_read(tmp_path):
    text = f"- First item\n\n  $$ {FALSE} $$\n"
    assert verdicts(tmp_path, text, ".md") == ["refuted"]


def test_a_long_line_of_prose_is_read_in_linear_time():
    """Round 11b H4: the Setext-title pattern backtracked quadratically in one long line (a
    1 MB line: about 1000 s). A guard against the hang, not a benchmark: 2 s for 400 000
    characters is hundreds of times the linear cost."""
    import time

    from symderive.notes.sections import blank_headings

    started = time.process_time()
    assert blank_headings("a" * 400_000 + "\nTitle\n=====\n").count("\x01") == 1
    assert time.process_time() - started < 2.0
