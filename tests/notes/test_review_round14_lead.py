r"""Round 14a F8 and F4 (/work/findings/round14a.md): what a Markdown note writes next to a
formula but does not mean as mathematics.

* F8 — Markdown does not number ``$$…$$``, so authors number displays by hand: a wide gap
  (``\quad``, ``\qquad``, ``\hspace{…}``, ``\hfill``, two or more thin spaces) and a bracketed
  number, letter, roman numeral, ``\text{…}`` or ``\because …`` at the end of a row is an
  equation number or a justification, never a factor. ``2a = a \qquad (2)`` was *proved*
  (read as 2a = 2a) and ``(a+1)^2 = a^2 + 2a + 1 \qquad (2)`` *refuted*.
* F4 — Obsidian's ``%% … %%`` comments and Quarto's ``::: {.content-hidden}`` divs are never
  rendered: a formula parked there is not a claim.
"""

import pytest

from tests.notes.note_steps import first_verdicts, verdicts_by_line

pytestmark = pytest.mark.slow

NUMBERED = [
    r"\qquad (2)", r"\quad (3)", r"\hspace{2cm} (5)", r"\qquad [6]", r"\quad\quad\quad (8)",
    r"\qquad \qquad (10)", r"\;\;\;\; (11)", r"\hfill (4.2)", r"\quad (\text{Eq. } 9)",
    r"\quad (\because\ \text{binomial})", r"\quad \left(\text{expand}\right)",
    r"\quad [\text{expand}]", r"\quad (\mathrm{ii})", r"\quad (i)", r"\quad (a)", r"\quad (*)",
    r"\quad (\ast)", r"\quad \textbf{(i)}", r"\quad \checkmark", r"\qquad \square",
    r", \qquad (7)",
]


@pytest.mark.parametrize("number", NUMBERED)
def test_a_hand_written_equation_number_is_not_a_factor(tmp_path, number):
    note = (f"# Numbers\n\n$$ (a+1)^2 = a^2 + 2a + 1 {number} $$\n\n"
            f"$$ 2a = a {number} $$\n")
    assert first_verdicts(tmp_path, note) == {3: "proved", 5: "refuted"}


def test_numbers_end_each_row_of_a_latex_display(tmp_path):
    note = ("\\documentclass{article}\n\\begin{document}\n\\begin{align}\n"
            "(z+1)^2 &= z^2 + 2z + 1 \\quad (\\because\\ \\text{binomial}) \\\\\n"
            "2y &= y \\qquad (2)\n\\end{align}\n"
            "\\begin{eqnarray}\n2t &=& t \\qquad (2)\n\\end{eqnarray}\n\\end{document}\n")
    path = tmp_path / "note.tex"
    path.write_text(note)
    from symderive.notes.check_notes import NotesOptions, check_files
    report = check_files([path], NotesOptions(budget_seconds=3.0, jobs=1))
    verdicts = {e.line: [s.verdict for s in e.steps] for e in report.files[0].equations}
    assert verdicts == {4: ["proved"], 5: ["refuted"], 8: ["refuted"]}


@pytest.mark.parametrize("written", [
    r"$$ 3w = w \cdot (3) $$",  # an explicit product stays a product
    r"$$ 3w = w\,(3) $$",  # one thin space is no gap
    r"$$ 3w = w \quad (3) \cdot 1 $$",  # not the end of the row
])
def test_a_bracketed_number_that_is_a_factor_stays_a_factor(tmp_path, written):
    assert first_verdicts(tmp_path, f"# Factor\n\n{written}\n") == {3: "proved"}


def test_a_condition_after_the_gap_is_not_an_equation_number(tmp_path):
    verdicts = first_verdicts(tmp_path, "# Cond\n\n$$ \\sqrt{x^2} = x \\quad (x \\ge 0) $$\n")
    assert verdicts.get(3) != "refuted"


def test_an_obsidian_comment_is_not_rendered(tmp_path):
    note = ("# Obsidian\n\n%%\nDraft, not shown:\n$$\\sin^2 x + \\cos^2 x = 2$$\n%%\n\n"
            "Shown: $$\\sin^2 x + \\cos^2 x = 1$$\n\n"
            "Inline %%wrong: $(a+b)^2 = a^2 + b^2$%% right: $(a+b)^2 = a^2 + 2ab + b^2$.\n\n"
            "Still shown: $$(c+d)^2 = c^2 + d^2$$\n")
    assert verdicts_by_line(tmp_path, note) == {8: ["proved"], 10: ["proved"], 12: ["refuted"]}


def test_a_quarto_hidden_div_is_not_rendered(tmp_path):
    note = ("# Quarto\n\n::: {.content-hidden}\n$$x + x = 3x$$\n\n::: {.callout-note}\n"
            "$$y + y = 3y$$\n:::\n:::\n\n::: {.hidden}\n$$u + u = 3u$$\n:::\n\n"
            "::: {.callout-note}\n$$v + v = 3v$$\n:::\n\n"
            "::: {.content-hidden when-format=\"html\"}\n$$p + p = 3p$$\n:::\n")
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts == {16: ["refuted"], 20: ["refuted"]}  # shown: a callout, the pdf output


# -- 14a F1: every way a preamble can give a command its own meaning ------------------------------

REDEFINING = [
    r"\csdef{sin}{\cos}", r"\csgdef{sin}{\cos}", r"\csletcs{sin}{cos}", r"\cslet{sin}\cos",
    r"\letcs\sin{cos}", r"\LetLtxMacro\sin\cos", r"\GlobalLetLtxMacro\sin\cos",
    r"\newrobustcmd*{\sin}{\cos}", r"\renewrobustcmd{\sin}{\cos}", r"\patchcmd{\sin}{a}{b}{}{}",
    r"\apptocmd{\sin}{+1}{}{}", r"\pretocmd{\sin}{1+}{}{}",
    r"\ExplSyntaxOn \cs_set_eq:NN \sin \cos \ExplSyntaxOff", r"\cs_set:Npn \sin {\cos}",
    r"\mathchardef\sin=" + '"0141', r"\futurelet\sin\cos", r"\DeclarePairedDelimiter\sin{(}{)}",
    r"\DeclareMathSymbol{\sin}{\mathord}{letters}{" + '"41}',
    r"\expandafter\let\csname sin\endcsname\cos",
]


@pytest.mark.parametrize("preamble", REDEFINING)
def test_a_command_the_preamble_redefines_is_not_read_with_its_standard_meaning(tmp_path,
                                                                              preamble):
    note = (f"\\documentclass{{article}}\n{preamble}\n\\begin{{document}}\n"
            "\\[ \\sin(0) = 0. \\]\n\\[ \\cos(0) = 1. \\]\n\\end{document}\n")
    path = tmp_path / "note.tex"
    path.write_text(note)
    from symderive.notes.check_notes import NotesOptions, check_files
    report = check_files([path], NotesOptions(budget_seconds=3.0, jobs=1))
    by_line = {e.line: e for e in report.files[0].equations}
    assert not by_line[4].steps and "uses \\sin" in by_line[4].reason
    assert [s.verdict for s in by_line[5].steps] == ["proved"]  # \cos keeps its meaning


def test_a_paired_delimiter_is_the_notes_own_absolute_value(tmp_path):
    note = ("\\documentclass{article}\n\\usepackage{mathtools}\n"
            "\\DeclarePairedDelimiter\\abs{\\lceil}{\\rceil}\n\\begin{document}\n"
            "\\[ \\abs{-1.5} = 1.5. \\]\n\\[ \\bullet\\ \\alpha + \\alpha = 2\\alpha \\]\n"
            "\\end{document}\n")
    path = tmp_path / "note.tex"
    path.write_text(note)
    from symderive.notes.check_notes import NotesOptions, check_files
    report = check_files([path], NotesOptions(budget_seconds=3.0, jobs=1))
    verdicts = {e.line: [s.verdict for s in e.steps] for e in report.files[0].equations}
    assert verdicts[5] == []  # ⌈−1.5⌉ = −1 in this note: never proved as |−1.5|


# -- 14a F9, F10, F16: a display on the line of the words before it ------------------------------

def test_words_before_a_display_on_their_line_state_its_domain(tmp_path):
    note = ("# P\n\nFor every positive $x$, $$\\sqrt{x^2} = x.$$\n\n"
            "Let $y$ be a positive number. Then $$|y| = y.$$\n\n"
            "양수 $v$에 대하여 $$\\sqrt{v^2} = v$$ 이다.\n\n"
            "For every positive $u$, $$\\sqrt{u^2} = -u.$$\n")
    assert first_verdicts(tmp_path, note) == {3: "proved", 5: "proved", 7: "proved",
                                              9: "refuted"}


def test_a_lift_before_a_display_on_its_line_ends_the_domain(tmp_path):
    note = ("# Lift\n\nLet $x > 0$.\n\nNow let $x$ be any real number. Then "
            "$$\\sqrt{x^2} = x.$$\n\nNow let $x$ be any real number. Then $$\\sqrt{x^2} = |x|.$$\n")
    verdicts = first_verdicts(tmp_path, note)
    assert verdicts[5] == "refuted" and verdicts[7] == "proved"


def test_otherwise_in_the_next_list_item_ends_the_hypothesis_of_the_one_before(tmp_path):
    note = "# Cases\n\n1. If $w < 0$: $$|w| = -w.$$\n2. Otherwise: $$|w| = -w.$$\n"
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[3] == ["proved"] and verdicts[4] != ["proved"]


# -- 14a F11: the prose of a complete LaTeX document ---------------------------------------------

def _tex_verdicts(tmp_path, body: str) -> dict[int, list[str]]:
    from symderive.notes.check_notes import NotesOptions, check_files
    path = tmp_path / "note.tex"
    path.write_text("\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n"
                    + body + "\\end{document}\n")
    report = check_files([path], NotesOptions(budget_seconds=3.0, jobs=1))
    return {e.line: [s.verdict for s in e.steps] for e in report.files[0].equations if e.steps}


def test_a_latex_document_states_its_domains_in_prose(tmp_path):
    body = ("Let $s$ be positive.\n\n\\[ |s| = s. \\]\n\n"  # lines 4-6
            "\\begin{theorem}\nLet $w$ be an integer. Then\n\\[ \\lfloor w \\rfloor = w. \\]\n"
            "\\end{theorem}\n\n"  # lines 8-11
            "\\begin{proof}\nFor every positive $u$,\n\\begin{equation} \\sqrt{u^2} = u. "
            "\\end{equation}\n\\end{proof}\n\n"  # lines 13-16
            "Let $r$ be positive.\n\n\\[ |r| = -r. \\]\n")  # lines 18-20
    assert _tex_verdicts(tmp_path, body) == {6: ["proved"], 10: ["proved"], 15: ["proved"],
                                             20: ["refuted"]}


# -- 14a F13: an implication asserts neither side ------------------------------------------------

def test_the_antecedent_of_an_implication_is_no_example_value(tmp_path):
    note = ("# Implication\n\nNote that $$x = 0 \\implies \\sin x = 0.$$\n\n"
            "Moreover, $$\\frac{d}{dx} \\sin x = 1.$$\n\n"
            "Also $$x^2 = 4 \\Rightarrow x = 2$$ and $$x^3 = 8.$$\n\n"
            "And $$t = 1 \\Longrightarrow (t+1)^2 = t^2 + 2t + 1.$$\n")
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[3] == ["undecided"]  # sin x = 0 under x = 0: not refuted, not a value of x
    assert verdicts[5] == ["refuted"]  # cos x ≠ 1: x = 0 was only assumed
    assert "proved" not in verdicts.get(7, [])  # x = 2 is not asserted, x³ = 8 not proved
    assert verdicts[9] == ["proved"]  # a true consequent is proved as it stands


# -- 14a F22: a blockquote's marks are no words --------------------------------------------------

def test_in_general_inside_a_blockquote_releases_the_example_value(tmp_path):
    note = ("# Q\n\n> Take $w = 3$ as an example.\n>\n> In general, for every real $w$,\n"
            "> $$w^2 = 3w.$$\n\n> Let $y$ be positive.\n> $$|y| = y.$$\n")
    verdicts = first_verdicts(tmp_path, note)
    assert verdicts[6] == "refuted" and verdicts[9] == "proved"
