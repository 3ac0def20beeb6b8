"""Directives in HTML comments and definitions change what a step means, as documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.directives import definition_head, read_directives


def test_directive_statements_are_read():
    directives = read_directives(
        "<!-- symderive: assume x real; assume p, q positive; assume W matrix 2 3;\n"
        " assume v vector 3; assume \\hat{f}, \\varepsilon independent;"
        " given y_3 = 1 - y_1 - y_2 -->"
    )
    kinds = [(a.names, a.kind, a.shape) for a in directives.assumptions]
    assert kinds == [
        (("x",), "real", None),
        (("p", "q"), "positive", None),
        (("W",), "matrix", (2, 3)),
        (("v",), "vector", (3, 1)),
        (("\\hat{f}", "\\varepsilon"), "independent", None),
    ]
    assert [(g.lhs, g.rhs) for g in directives.givens] == [("y_3", "1 - y_1 - y_2")]
    assert directives.errors == ()


@pytest.mark.parametrize(
    "statement", ["assume x blue", "assume W matrix 2", "assume W matrix 100 2", "frobnicate x"]
)
def test_bad_statements_are_collected_not_raised(statement):
    directives = read_directives(f"<!-- symderive: {statement} -->")
    assert len(directives.errors) == 1


def test_definition_heads():
    assert definition_head("L") == ("L", None)
    assert definition_head("f(x, y)") == ("f", "x, y")
    assert definition_head(r"H_p (q)") == ("H_p", "q")
    assert definition_head(r"\frac{a}{b}") is None
    assert definition_head(r"E[x]") is None


def verdicts(tmp_path: Path, text: str) -> list[str]:
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0))
    return [step.verdict for eq in report.files[0].equations for step in eq.steps]


def test_positivity_is_what_makes_log_of_a_product_split(tmp_path):
    chain = "$$\\log(ab) = \\log a + \\log b$$\n"
    assert verdicts(tmp_path, "<!-- symderive: assume a, b positive -->\n" + chain)[0] in (
        "proved",
        "checked",
    )
    # a = b = -1: the right side is undefined there, so that is no refutation (review N25)
    assert verdicts(tmp_path, chain) == ["undecided"]


def test_a_given_is_used(tmp_path):
    text = (
        "<!-- symderive: assume y_1, y_2 probability; given y_3 = 1 - y_1 - y_2 -->\n"
        "$$y_1 + y_2 + y_3 = 1$$\n"
    )
    assert verdicts(tmp_path, text)[0] in ("proved", "checked")


def test_a_coloneqq_definition_is_substituted(tmp_path):
    text = (
        "$Z \\coloneqq e^{a} + e^{b}$\n"
        "$$\\frac{\\partial}{\\partial a} \\log Z = \\frac{e^a}{Z}$$\n"
    )
    assert verdicts(tmp_path, text) == ["proved"]


def test_plain_definitions_hold_only_until_the_next_heading(tmp_path):
    text = "# One\n$y = x^2$\n$$\\frac{dy}{dx} = 2x$$\n# Two\n$$\\frac{dy}{dx} = 3x$$\n"
    assert verdicts(tmp_path, text) == ["proved", "skipped"]  # y unknown in section Two


def test_a_second_definition_of_a_name_is_a_claim_checked_against_the_first(tmp_path):
    text = "$y = x^2$ and $y = x^3$\n$$\\frac{dy}{dx} = 2x$$\n"
    assert verdicts(tmp_path, text) == ["refuted", "proved"]


def test_symbols_that_stand_alone_in_an_expectation_are_random(tmp_path):
    # X is random (E[X] occurs), a and b are constants
    assert verdicts(tmp_path, "$$E[aX + b] = aE[X] + b$$\n")[0] in ("proved", "checked")
    # x and y both occur alone in E[…], nothing says whether they are independent: the claim
    # holds if they are and fails if not, so it is undecided (never refuted on a guess)
    assert verdicts(tmp_path, "$$E[x y] = E[x] E[y]$$\n") == ["undecided"]
    independent = "<!-- symderive: assume x, y independent -->\n"
    assert verdicts(tmp_path, independent + "$$E[x y] = E[x] E[y]$$\n")[0] in ("proved", "checked")
    # a directive decides over the inference: y declared real is a constant
    assert verdicts(tmp_path, "<!-- symderive: assume y real -->\n$$E[x y] = E[x] E[y]$$\n")[0] in (
        "proved",
        "checked",
    )


def test_matrix_directive_makes_transpose_meaningful(tmp_path):
    text = "<!-- symderive: assume A matrix 2 3 -->\n$$(A^T)^T = A$$\n"
    assert verdicts(tmp_path, text)[0] in ("proved", "checked")
