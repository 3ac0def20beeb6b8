"""A formula for the square of a name (``Let $r^2 = x^2 + y^2$``, ``$\\sigma^2 =
\\operatorname{Var}(X)$``) is not read as a definition of the name; a refutation that gives the
name a free value would ignore it, so it is undecided, naming the line (round 4, C29). Claims
that do not involve the name are still refuted."""

from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files


def verdicts(tmp_path: Path, text: str) -> dict[int, object]:
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=2))
    return {equation.line: step for equation in report.files[0].equations
            for step in equation.steps}


@pytest.mark.parametrize(
    ("definition", "claim", "name"),
    [
        ("Let $r^2 = x^2 + y^2$.", "r^2 - x^2 = y^2", "r"),
        ("Let $r^2 = x^2 + y^2$.", "\\frac{\\partial r}{\\partial x} = \\frac{x}{r}", "r"),
        ("Let $\\omega^2 = \\frac{k}{m}$.", "\\omega^2 m = k", "omega"),
        ("Let $X$ be a random variable, $\\mu = E[X]$ and $\\sigma^2 = \\operatorname{Var}(X)$.",
         "E[X^2] = \\sigma^2 + \\mu^2", "sigma"),
    ],
)
def test_a_consequence_of_a_squared_definition_is_not_refuted(tmp_path, definition, claim, name):
    steps = verdicts(tmp_path, f"# A\n\n{definition}\n\n$$ {claim} $$\n")
    step = steps[5]
    assert step.verdict != "refuted"
    if step.verdict == "undecided":
        assert f"{name}^2 a formula" in step.reason or "defined in the prose" in step.reason


def test_a_false_claim_without_the_name_is_still_refuted(tmp_path):
    text = ("# A\n\nLet $X$ be a random variable, $\\mu = E[X]$ and "
            "$\\sigma^2 = \\operatorname{Var}(X)$.\n\n$$ E[(X - \\mu)^2] = E[X^2] - \\mu $$\n")
    assert verdicts(tmp_path, text)[5].verdict == "refuted"


def test_a_squared_formula_in_another_section_does_not_count(tmp_path):
    # in B, r is not tied to x and y: the claim is an equation in unknowns there, never proved
    # with the formula of section A
    text = "# A\n\nLet $r^2 = x^2 + y^2$.\n\n# B\n\n$$ r^2 - x^2 = y^2 $$\n"
    step = verdicts(tmp_path, text)[7]
    assert step.verdict in ("refuted", "skipped") and "line 3" not in step.reason, step.reason


def test_a_squared_name_given_a_number_is_an_example_not_a_formula(tmp_path):
    # d2l: "\epsilon^{2}= 0.0000000000001" is a value; a wrong claim in epsilon stays refuted
    text = "# A\n\nTake $\\epsilon^{2} = 0.0001$.\n\n$$ (1 + \\epsilon)^2 = 1 + \\epsilon^2 $$\n"
    assert verdicts(tmp_path, text)[5].verdict == "refuted"
