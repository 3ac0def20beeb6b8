r"""Definitions read where the note makes them (issue 9, items 1-2): a defined function's bare
name in a derivative is that function (cs231n's ``f(x,y) = xy → ∂f/∂x = y``), names in its body
that are defined functions compose (d2l's ``f(u, v)`` with ``u(a, b)``), a table of cases holds
row by row, ``u = f(x) = …`` defines f as well, and rules about unknown functions are proved for
every function. Each test also shows the false variant is refuted (the reading is not vacuous);
refutations are substituted back here with exact fractions.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from symderive.notes.check_notes import NotesOptions, check_files


def checked(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=6.0, jobs=2))
    return [(equation.line, step) for equation in report.files[0].equations
            for step in equation.steps if step.verdict != "skipped"]  # fmt: skip


def point(step) -> dict:
    return {name: Fraction(value) for name, value in step.counterexample.values}


def test_a_defined_function_is_what_its_derivative_differentiates(tmp_path):
    text = (
        "# Gates\n\nConsider $f(x,y) = x y$:\n\n"
        "$$\nf(x,y) = x y \\hspace{0.5in} \\rightarrow \\hspace{0.5in} "
        "\\frac{\\partial f}{\\partial x} = y \\hspace{0.5in} \\frac{\\partial f}{\\partial y} = x\n$$\n\n"
        "The addition gate:\n\n"
        "$$\nf(x,y) = x + y \\hspace{0.5in} \\rightarrow \\hspace{0.5in} "
        "\\frac{\\partial f}{\\partial x} = 1 \\hspace{0.5in} \\frac{\\partial f}{\\partial y} = x\n$$\n"
    )
    found = checked(tmp_path, text)
    # line 7 writes f = xy again (a claim, proved) and derives from it; "The addition gate:"
    # neither derives nor redefines f, so line 13 is read both as a new f (∂f/∂x = 1 holds,
    # ∂f/∂y = x fails) and as a claim about f = xy (∂f/∂x = y ≠ 1, ∂f/∂y = x holds): the
    # readings disagree on both, so both are undecided, naming lines 13 and 3
    assert [step.verdict for _, step in found] == [
        "proved", "proved", "proved", "undecided", "undecided", "undecided"]
    assert found[1][1].used == ("f(x,y) = x y (defined, line 3)",)
    assert found[1][1].readings == ("f: the defined function f(x,y) = x y (defined, line 3)",)
    assert "line 13 gives f a second formula after line 3" in found[4][1].reason
    assert "with line 13's this step holds, with line 3's it is refuted" in found[4][1].reason
    assert "with line 13's this step is refuted, with line 3's it holds" in found[5][1].reason
    # said with "let", the new f decides: ∂(x + y)/∂y = 1, not x, is refuted
    found = checked(tmp_path, text.replace("The addition gate:", "Let us now define"))
    assert [step.verdict for _, step in found][-2:] == ["proved", "refuted"]
    assert point(found[-1][1])["x"] != 1


def test_names_in_a_body_that_are_defined_functions_compose(tmp_path):
    text = (
        "# Chain\n\n$$\n\\begin{aligned}\nf(u, v) & = (u+v)^{2} \\\\\n"
        "u(a, b) & = (a+b)^{2}, \\qquad v(a, b) = (a-b)^{2}\n\\end{aligned}\n$$\n\n"
        "$$\\frac{\\partial f}{\\partial a} = \\frac{\\partial f}{\\partial u}\\frac{\\partial u}"
        "{\\partial a} + \\frac{\\partial f}{\\partial v}\\frac{\\partial v}{\\partial a}$$\n\n"
        "$$\\frac{\\partial f}{\\partial a} = \\frac{\\partial f}{\\partial u}\\frac{\\partial u}"
        "{\\partial a}$$\n\n"
        "$$\\frac{\\partial u}{\\partial a} = 2(a+b)$$\n"
    )
    found = checked(tmp_path, text)
    # the full chain rule holds; dropping the path through v is wrong (not a vacuous 0 = 0)
    assert [step.verdict for _, step in found] == ["proved", "refuted", "proved"]
    wrong = found[1][1]
    a, b = point(wrong)["a"], point(wrong)["b"]
    u, v = (a + b) ** 2, (a - b) ** 2
    assert 2 * (u + v) * 2 * (a + b) + 2 * (u + v) * 2 * (a - b) != 2 * (u + v) * 2 * (a + b)


def test_a_table_of_cases_holds_row_by_row(tmp_path):
    text = (
        "# Gates\n\nThere are more gates:\n\n$$\nf(x) = \\frac{1}{x}\n\\hspace{1in} \\rightarrow "
        "\\hspace{1in}\n\\frac{df}{dx} = -1/x^2\n\\\\\\\\\nf_c(x) = c + x\n\\hspace{1in} "
        "\\rightarrow \\hspace{1in}\n\\frac{df}{dx} = 1\n\\\\\\\\\nf_a(x) = ax\n\\hspace{1in} "
        "\\rightarrow \\hspace{1in}\n\\frac{df}{dx} = x\n$$\n"
    )
    found = checked(tmp_path, text)
    # the row's f is the row's function: -1/x^2 for 1/x, 1 for c + x; d(ax)/dx is a, not x
    assert [step.verdict for _, step in found] == ["proved", "proved", "refuted"]
    values = point(found[2][1])
    assert values["a"] != values["x"]


def test_a_chained_definition_defines_the_function_too(tmp_path):
    text = (
        "# Derivatives\n\n(Define $u = f(x) = 3x^2-4x$.)\n\n"
        "We see that indeed $f'(1) = 2$, and not $f'(1) = 3$.\n"
    )
    found = checked(tmp_path, text)
    assert [step.verdict for _, step in found] == ["proved", "refuted"]


def test_the_chain_rule_with_unknown_functions_is_proved_for_every_function(tmp_path):
    text = (
        "# Chain rule\n\nSuppose that $y = f(g(x))$ and that the underlying functions "
        "$y=f(u)$ and $u=g(x)$ are both differentiable. The chain rule states that\n\n"
        "$$\\frac{dy}{dx} = \\frac{dy}{du} \\frac{du}{dx}.$$\n\n"
        "Hence $$\\frac{dy}{dx} = \\frac{dy}{du}.$$\n\n# Linear?\n\n"
        "$$h_\\theta(x_1 + x_2) = h_\\theta(x_1) + h_\\theta(x_2)$$\n\n"
        "$$\\ell(2\\theta) = 2\\ell(\\theta)$$\n"
    )
    found = checked(tmp_path, text)
    verdicts = [step.verdict for _, step in found]
    assert verdicts[0] == "proved" and "every function" in found[0][1].reason
    # the misreadings of issue 9: a function is not linear, so these are never proved
    assert verdicts[1:] == ["refuted", "refuted", "refuted"]
    assert all(step.instances for _, step in found[1:])


def test_a_derivative_by_an_intermediate_the_definition_never_goes_through_is_not_zero(tmp_path):
    # d2l: f written out in w…z, then ∂f/∂a with a(w, …) defined: reading ∂f/∂a as 0 would
    # "prove" 0 = 0; the derivative is not determined by the definitions in force
    text = (
        "# Chain\n\n$$a(w, x) = (w+x)^{2}, \\qquad b(w, x) = (w-x)^2$$\n\n"
        "$$f(w, x) = \\left((w+x)^2 + (w-x)^2\\right)^2$$\n\n"
        "$$\\frac{\\partial f}{\\partial a} = \\frac{\\partial f}{\\partial b}$$\n"
    )
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=6.0, jobs=2))
    [step] = [s for e in report.files[0].equations for s in e.steps if e.line == 7]
    assert step.verdict == "skipped" and "not determined" in step.reason


def test_functions_the_prose_calls_arbitrary_are_not_the_earlier_ones(tmp_path):
    text = (
        "# Rules\n\nDefine $u = f(x) = 3x^2-4x$.\n\n"
        "The following rules come in handy for working with compositions\n"
        "of any differentiable functions\n$f$ and $g$, and constant $C$.\n\n"
        "$$\\frac{d}{dx} [f(x) g(x)] = f(x) \\frac{d}{dx} g(x) + g(x) \\frac{d}{dx} f(x)$$\n\n"
        "$$\\frac{d}{dx} [f(x) g(x)] = \\frac{d}{dx} f(x) \\frac{d}{dx} g(x)$$\n"
    )
    found = checked(tmp_path, text)
    assert [step.verdict for _, step in found] == ["proved", "refuted"]
    assert "every function" in found[0][1].reason and not found[0][1].used
    assert any("generic" in reading for reading in found[0][1].readings)


def test_explain_shows_how_every_name_was_read(tmp_path, capsys):
    from symderive.cli import main

    note = tmp_path / "note.md"
    note.write_text(
        "# Gates\n\n<!-- symderive: assume y simplex 3; assume t onehot 3 -->\n\n"
        "$$f(x,w) = x w \\hspace{0.5in} \\rightarrow \\hspace{0.5in} "
        "\\frac{\\partial f}{\\partial x} = w$$\n\n$$\\frac{d}{dz} g(z^2) = 2z g'(z^2)$$\n",
        encoding="utf-8",
    )
    assert main(["notes", "--explain", "--no-cache", "--verbose", str(note)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "how the names were read" in out
    assert "f: function, defined at line 5" in out  # the definition, with its line
    assert "y: simplex vector of 3 entries (directive)" in out
    assert "t: onehot vector of 3 entries (directive)" in out
    assert "x: scalar variable (in the definition at line 5)" in out  # literal names too
    assert "z: scalar variable (as written, first at line 7)" in out
    assert "g: unknown function" in out
    # each verdict shows the reading it relied on
    assert "read as: f: the defined function f(x,w) = x w (defined, line 5)" in out


def test_a_function_of_a_bold_vector_is_defined_by_its_entries(tmp_path):
    text = (
        "# Linear\n\n$$\nf(\\mathbf{x}) = \\sum_{i = 1}^{n} \\beta_ix_i\n$$\n\n"
        "so $$\\frac{df}{dx_1} = \\beta_1$$ and not $$\\frac{df}{dx_1} = 2\\beta_1 + x_1$$\n"
    )
    found = checked(tmp_path, text)
    assert [step.verdict for _, step in found] == ["proved", "refuted"]
    assert found[0][1].used[0].startswith("f(\\mathbf{x}) = \\sum_{i = 1}^{n} \\beta_ix_i (defined")
