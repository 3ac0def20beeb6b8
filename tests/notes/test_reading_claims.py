r"""Which relations are claims, and what unknown values and constants mean (issue 9, items
2-3): values of never-defined functions are arbitrary numbers (proved/checked when the claim
holds for all of them, never refuted when it does not), letters the prose calls constants
differentiate to 0, new names written ``\mathsf{Y} = f(\mathsf{X})`` are definitions, and a
defined function related to its own values (``H(X, Y) = H(X) + H(Y)``) is a claim.
"""

from __future__ import annotations

from pathlib import Path

from symderive.notes.check_notes import NotesOptions, check_files


def steps(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=6.0, jobs=2))
    return [(equation.line, step) for equation in report.files[0].equations
            for step in equation.steps]  # fmt: skip


def test_values_of_unknown_functions_are_arbitrary_numbers(tmp_path):
    text = (
        "# Surprise\n\n$$\\log \\frac{1}{P(j)} = -\\log P(j)$$\n\n"
        "$$-\\log \\frac{q(x)}{p(x)} = -\\log(q(x)) - (-\\log(p(x)))$$\n\n"
        "$$\\log \\frac{1}{P(j)} = \\log P(j)$$\n"
    )
    found = [step for _, step in steps(tmp_path, text)]
    assert [step.verdict in ("proved", "checked") for step in found] == [True, True, False]
    # as arbitrary numbers log(1/p) = log p fails, but P(j) may be constrained by facts the
    # note does not write: never refuted
    assert found[2].verdict == "undecided" and "never defines" in found[2].reason
    assert any("P(j): the value of a function" in reading for reading in found[0].readings)


def test_a_defined_function_related_to_its_own_values_is_a_claim_not_a_definition(tmp_path):
    text = (
        "# Joint\n\n$$H(X) = - \\sum_{i=1}^{n} p_i \\log p_i$$\n\nThen, in another paragraph.\n\n"
        "$$H(X) = H(X) + H(Y)$$\n"
    )
    [(line, step)] = [(line, s) for line, s in steps(tmp_path, text) if line == 7]
    assert step.skip is None and step.verdict == "undecided"


def test_letters_the_prose_calls_constants_differentiate_to_zero(tmp_path):
    text = (
        "# Rules\n\n$$\\begin{aligned} \\frac{d}{dx} C & = 0 && \\textrm{for any constant $C$}"
        "\\end{aligned}$$\n\n* **Derivative of constants.** $\\frac{d}{dx}c = 0$.\n"
        "* **An unknown quantity.** $\\frac{d}{dx}L = 0$.\n"
    )
    found = [step for _, step in steps(tmp_path, text)]
    assert [step.verdict for step in found] == ["proved", "proved", "skipped"]
    assert found[0].readings == ("C: a constant (so called in the prose)",)
    # L is not called a constant: its derivative is unknown, not 0
    assert found[2].skip.value == "undefined-derivative"


def test_a_new_sans_serif_name_is_defined_not_claimed(tmp_path):
    note = tmp_path / "note.md"
    note.write_text("# Graph\n\nLet $\\mathsf{Y}=f(\\mathsf{X})$ and $\\mathsf{Z}=g(\\mathsf{Y})$.\n")
    report = check_files([note], NotesOptions(budget_seconds=6.0, jobs=2))
    equations = report.files[0].equations
    assert [equation.skip.value for equation in equations] == ["definition", "definition"]


def test_a_vector_the_prose_calls_one_hot_sums_to_one_in_later_steps(tmp_path):
    body = (
        "$$\n\\sum_{j=1}^q y_j \\log \\sum_{k=1}^q \\exp(o_k) - \\sum_{j=1}^q y_j o_j = "
        "\\log \\sum_{k=1}^q \\exp(o_k) - \\sum_{j=1}^q y_j o_j\n$$\n\n"
        "$$\n\\sum_{j=1}^q y_j \\log \\sum_{k=1}^q \\exp(o_k) = \\log \\sum_{k=1}^q \\exp(o_k) "
        "+ 1\n$$\n\n$$\n\\sum_{k=1}^q o_k \\sum_{j=1}^q y_j = 1\n$$\n"
    )
    stated = "# Loss\n\nSince $\\mathbf{y}$ is a one-hot vector of length $q$, only one term stays.\n\n"
    found = [step for _, step in steps(tmp_path, stated + body)]
    # softmax cross-entropy: holds with y summing to 1, as the note says (checked, naming it);
    # a step false even then is refuted; o is not stated to sum to 1, so that step stays open
    assert [step.verdict for step in found] == ["checked", "refuted", "undecided"]
    assert "y (line 3) sum to 1" in found[0].reason
    # without the sentence the first step is not checked (the hypothesis is not in the note)
    unstated = [step for _, step in steps(tmp_path, "# Loss\n\n" + body)]
    assert unstated[0].verdict == "undecided"


def test_a_step_that_needs_a_probability_vector_names_the_exact_directive(tmp_path):
    text = "# Loss\n\n$$\n\\sum_{k=1}^q o_k \\sum_{j=1}^q y_j = \\sum_{k=1}^q o_k\n$$\n"
    [step] = [step for _, step in steps(tmp_path, text)]
    assert step.verdict == "undecided"
    assert "<!-- symderive: assume o simplex N; assume y simplex N -->" in step.reason


def test_model_equations_for_decorated_vectors_are_definitions(tmp_path):
    note = tmp_path / "note.md"
    note.write_text(
        "# Model\n\n$${\\hat{\\mathbf{y}}} = \\mathbf{X} \\mathbf{w} + b$$\n\n"
        "# Softmax\n\n$$\\hat{\\mathbf{y}} = \\mathrm{softmax}(\\mathbf{o})$$\n\n"
        "# Claim\n\n$$\\hat{y} + \\hat{y} = 3\\hat{y}$$\n",
        encoding="utf-8",
    )
    report = check_files([note], NotesOptions(budget_seconds=6.0, jobs=2))
    first, second, claim = report.files[0].equations
    assert first.skip.value == "definition" and second.skip.value == "definition"
    # a genuine claim about the decorated name stays a claim (and is refuted)
    assert claim.skip is None and claim.steps[0].verdict == "refuted"


def test_a_claim_that_needs_independence_is_undecided_never_refuted(tmp_path):
    text = (
        "# Joint\n\nWhen $X$ and $Y$ are independent, $H(X, Y) = H(X) + H(Y)$.\n\n"
        "$$H(X, X) + H(Y) = H(Y) + H(X, X)$$\n"
    )
    found = [step for _, step in steps(tmp_path, text)]
    # H(X, Y) = H(X) + H(Y) is not a definition of H (H is on both sides), and it fails for
    # arbitrary values: undecided, saying it may hold by unwritten facts such as independence
    assert [step.verdict for step in found] == ["undecided", "proved"]
    assert "independence" in found[0].reason
