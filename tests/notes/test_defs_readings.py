r"""Definitions and claims the defs reading adds (issue 9, item 3): a loss written
``l(\mathbf{y}, \hat{\mathbf{y}}) = …`` or ``l^{(i)}(\mathbf{w}, b) = …`` is a definition used by
what follows; a later ``l(\mathbf{y}, \hat{\mathbf{y}}) = 0`` is an equation in its arguments, not
a new definition; ``f(x+\epsilon) = g(x+\epsilon) + h(x+\epsilon)`` defines f as g + h so the sum
and product rules written with it are proved for every g, h — and the wrong rules of the same
shape are refuted, with counterexamples checked here against exact values.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from symderive.notes.check_notes import NotesOptions, check_files


def report(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    return check_files([note], NotesOptions(budget_seconds=6.0, jobs=2)).files[0]


def steps(tmp_path: Path, text: str):
    return [(equation.line, step) for equation in report(tmp_path, text).equations
            for step in equation.steps]  # fmt: skip


LOSS = (
    "# Loss\n\nFor any pair of label $\\mathbf{y}$ and prediction $\\hat{\\mathbf{y}}$ the loss "
    "function $l$ is\n\n$$ l(\\mathbf{y}, \\hat{\\mathbf{y}}) = - \\sum_{j=1}^q y_j \\log \\hat{y}_j. $$\n\n"
)


def test_a_loss_of_a_vector_pair_is_a_definition_used_later(tmp_path):
    text = LOSS[:-1] + (
        "So $l(\\mathbf{y}, \\hat{\\mathbf{y}}) = \\sum_{j=1}^q y_j \\log \\frac{1}{\\hat{y}_j}$, and "
        "not $l(\\mathbf{y}, \\hat{\\mathbf{y}}) = \\sum_{j=1}^q y_j \\log \\hat{y}_j$.\n"
    )
    note = report(tmp_path, text)
    first = next(equation for equation in note.equations if equation.line == 5)
    assert first.skip is not None and first.skip.value == "definition"
    verdicts = [(e.line, s.verdict) for e in note.equations for s in e.steps]
    assert verdicts[0] in ((6, "proved"), (6, "checked"))
    # "and not $l = …$": the words neither derive nor redefine l, so the formula is never
    # refuted (the note itself denies it): compared with line 5's, or set aside (round 19 F8)
    assert verdicts[1] in ((6, "undecided"), (6, "skipped"))


def test_a_zero_loss_is_an_equation_in_its_arguments_not_a_new_definition(tmp_path):
    text = LOSS + (
        "Note that the loss is bounded below by $0$;\n\n"
        "$l(\\mathbf{y}, \\hat{\\mathbf{y}}) = 0$ only if we predict with certainty.\n"
    )
    found = steps(tmp_path, text)
    assert [(line, step.verdict, step.skip.value) for line, step in found] == [
        (9, "skipped", "condition")]
    assert "l(\\mathbf{y}, \\hat{\\mathbf{y}}) = - \\sum" in found[0][1].used[0]


def test_a_loss_labelled_by_the_example_is_a_definition(tmp_path):
    text = (
        "# Squared error\n\nthe *squared error* is given by:\n\n"
        "$$l^{(i)}(\\mathbf{w}, b) = \\frac{1}{2} \\left(\\hat{y}^{(i)} - y^{(i)}\\right)^2.$$\n"
    )
    note = report(tmp_path, text)
    assert [(e.skip.value if e.skip else None) for e in note.equations if e.line == 5] == [
        "definition"]
    # a derivative order on a function name stays a claim, not a definition
    text = "# Orders\n\n$$f^{(2)}(x) = 0$$\n"
    assert all(e.skip is None or e.skip.value != "definition" for e in report(tmp_path, text).equations)


def test_a_formula_derived_again_in_a_later_section_is_a_claim(tmp_path):
    text = LOSS + (
        "## Derivatives\n\nPlugging the softmax into the definition of the loss we obtain\n\n"
        "$$ l(\\mathbf{y}, \\hat{\\mathbf{y}}) = - \\sum_{j=1}^q y_j \\log \\hat{y}_j + 1 $$\n"
    )
    found = steps(tmp_path, text)
    # not a new definition (the prose derives it); a sub-section is inside "# Loss", so l's
    # definition holds there and the "+ 1" is refuted (review round 8c X11: one section tree)
    assert [(line, step.skip.value if step.skip else step.verdict) for line, step in found] == [
        (11, "refuted")]
    # under a heading of the same level the definition is out of scope: not judged
    found = steps(tmp_path, text.replace("## Derivatives", "# Derivatives"))
    assert [(line, step.skip.value if step.skip else step.verdict) for line, step in found] == [
        (11, "undefined-derivative")]


RULES = (
    "# Rules\n\nFor the sum rule, consider\n\n$$\n\\begin{aligned}\n"
    "f(x+\\epsilon) & = g(x+\\epsilon) + h(x+\\epsilon) \\\\\n"
    "& \\approx g(x) + \\epsilon \\frac{dg}{dx}(x) + h(x) + \\epsilon \\frac{dh}{dx}(x)\n"
    "\\end{aligned}\n$$\n\n"
)


def test_sum_rule_with_f_defined_at_a_shifted_argument(tmp_path):
    text = RULES + (
        "we see that $\\frac{df}{dx}(x) = \\frac{dg}{dx}(x) + \\frac{dh}{dx}(x)$ as desired.\n\n"
        "Likewise: $\\frac{df}{dx}(x) = \\frac{dg}{dx}(x) \\frac{dh}{dx}(x)$.\n"  # claimed
        # ("A wrong rule:" would disown it: round 12a F6, tests/notes/test_review_round12_words.py)
    )
    found = [(line, step) for line, step in steps(tmp_path, text) if step.verdict != "skipped"]
    assert [(line, step.verdict) for line, step in found] == [(12, "proved"), (14, "refuted")]
    assert "f(x+\\epsilon) = g(x+\\epsilon) + h(x+\\epsilon)" in found[0][1].used[0]


def test_product_rule_with_f_defined_at_a_shifted_argument_and_the_wrong_one(tmp_path):
    text = (
        "# Rules\n\nThe product:\n\n$$\nf(x+\\epsilon) = g(x+\\epsilon)\\cdot h(x+\\epsilon)\n$$\n\n"
        "so $\\frac{df}{dx}(x) = g(x)\\frac{dh}{dx}(x) + \\frac{dg}{dx}(x)h(x)$ as desired.\n\n"
        "Not $\\frac{df}{dx}(x) = \\frac{dg}{dx}(x)\\frac{dh}{dx}(x)$.\n"
    )
    found = [(line, step) for line, step in steps(tmp_path, text) if step.verdict != "skipped"]
    assert [(line, step.verdict) for line, step in found] == [(9, "proved"), (11, "refuted")]


def test_a_shifted_argument_used_outside_it_is_not_a_definition(tmp_path):
    # x also appears outside the argument: f is not determined as a function of x + ε
    text = "# Not a definition\n\n$$f(x+\\epsilon) = g(x+\\epsilon) + x$$\n"
    note = report(tmp_path, text)
    assert all(e.skip is None or e.skip.value != "definition" for e in note.equations)


def test_an_unindexed_sum_of_forces_set_to_zero_is_an_equation_to_solve(tmp_path):
    text = (
        "# Statics\n\nThen you just have these equations:\n\n"
        "$\\sum F_{x} = 0 = T_{BE}/3+T_{BD}/3-195+R_{x}$\n\n"
        "$\\sum M_{z} = 0 = 1170-T_{BE}-T_{BD}$\n\n"
        "A written sum is still a claim: $\\sum_{i=1}^{3} i = 7$.\n"
    )
    note = report(tmp_path, text)
    skips = {e.line: e.skip.value for e in note.equations if e.skip is not None}
    assert skips.get(5) == "condition" and skips.get(7) == "condition"
    assert [(e.line, s.verdict) for e in note.equations for s in e.steps] == [(9, "refuted")]


def list_verdicts(tmp_path: Path, text: str):
    return [(e.line, s.verdict) for e in report(tmp_path, "# Lists\n\n" + text).equations
            for s in e.steps]  # fmt: skip


def test_a_list_of_rounded_values_is_checked_entry_by_entry(tmp_path):
    import mpmath

    # the exact values, independently: e^{0.5} = 1.6487…, e^{-1} = 0.3678…
    assert abs(mpmath.e ** 0.5 - mpmath.mpf("1.65")) <= mpmath.mpf("0.005")
    assert abs(mpmath.e ** -1 - mpmath.mpf("0.37")) <= mpmath.mpf("0.005")
    text = "$$[e^{0.5}, e^{-1}, e^0] = [1.65, 0.37, 1]$$\n"
    assert list_verdicts(tmp_path, text) == [(3, "checked")]


def test_a_truncated_entry_is_undecided_and_a_wrong_entry_refuted(tmp_path):
    # e = 2.718…: 2.72 is e rounded to 2 decimals, 2.71 its truncation (within one unit)
    assert list_verdicts(tmp_path, "$$[e^1, e^{-2}, e^0] = [2.72, 0.14, 1]$$\n") == [(3, "checked")]
    assert list_verdicts(tmp_path, "$$[e^1, e^{-2}, e^0] = [2.71, 0.14, 1]$$\n") == [
        (3, "undecided")]
    # e^{-2} = 0.1353…: 0.15 is more than one unit of the second decimal off
    assert list_verdicts(tmp_path, "$$[e^1, e^{-2}, e^0] = [2.72, 0.15, 1]$$\n") == [
        (3, "refuted")]
    # an entry written without decimals is read to 0 decimals: e^0 = 1 is not 3
    assert list_verdicts(tmp_path, "$$[e^1, e^0] = [2.72, 3]$$\n") == [(3, "refuted")]


def test_a_list_without_decimals_or_of_another_length_is_not_read_as_rounding(tmp_path):
    assert list_verdicts(tmp_path, "$$[e^1, e^0] = [2.72, 1, 0]$$\n") == [(3, "skipped")]
    assert list_verdicts(tmp_path, "$$(a, b) = (1, 2)$$\n") in ([], [(3, "skipped")])


def test_a_softmax_entry_is_read_over_the_entries_the_chain_sums(tmp_path):
    text = (
        "# Softmax\n\n"
        "$$\\frac{\\exp(o_j)}{\\sum_{k=1}^q \\exp(o_k)} - y_j = \\mathrm{softmax}(\\mathbf{o})_j - y_j$$\n\n"
        "$$\\frac{\\exp(2 o_j)}{\\sum_{k=1}^q \\exp(o_k)} = \\mathrm{softmax}(\\mathbf{o})_j$$\n\n"
        "$$\\mathrm{softmax}(\\mathbf{o})_j = 1$$\n"
    )
    found = steps(tmp_path, text)
    assert [(line, step.verdict) for line, step in found] == [
        (3, "proved"), (5, "refuted"), (7, "skipped")]
    assert any("o has q entries" in reading for reading in found[0][1].readings)
    # the refutation reproduces: exp(2 o_j) ≠ exp(o_j) wherever o_j ≠ 0
    values = dict(found[1][1].counterexample.values)
    assert any(name.startswith("o") and Fraction(value) != 0 for name, value in values.items())


QUADRATIC = (
    "# Quadratic\n\nSuppose that $f(x_1, x_2) = a + b_1x_1 + b_2x_2 + c_{11}x_1^{2} + c_{12}x_1x_2 + "
    "c_{22}x_2^{2}$. Its value, gradient and Hessian at zero:\n\n"
)


def test_gradient_and_hessian_of_a_defined_function_entry_by_entry(tmp_path):
    text = QUADRATIC + (
        "$$\n\\begin{aligned}\nf(0,0) & = a, \\\\\n"
        "\\nabla f (0,0) & = \\begin{bmatrix}b_1 \\\\ b_2\\end{bmatrix}, \\\\\n"
        "\\mathbf{H} f (0,0) & = \\begin{bmatrix}2 c_{11} & c_{12} \\\\ c_{12} & 2c_{22}\\end{bmatrix},\n"
        "\\end{aligned}\n$$\n"
    )
    found = steps(tmp_path, text)
    assert [step.verdict for _, step in found] == ["proved", "proved", "proved"]
    assert all("f(x_1, x_2) = a + b_1x_1" in step.used[0] for _, step in found)


def test_a_wrong_gradient_or_hessian_entry_is_refuted(tmp_path):
    import sympy as sp

    text = QUADRATIC + (
        "$$\\nabla f (0,0) = \\begin{bmatrix}b_1 \\\\ b_1\\end{bmatrix}$$\n\n"
        "$$\\mathbf{H} f (0,0) = \\begin{bmatrix}c_{11} & c_{12} \\\\ c_{12} & 2c_{22}\\end{bmatrix}$$\n"
    )
    found = steps(tmp_path, text)
    assert [step.verdict for _, step in found] == ["refuted", "refuted"]
    # substituted back: ∂f/∂x_2(0,0) = b_2 differs from the written b_1 at the counterexample
    values = {name: sp.Rational(value) for name, value in found[0][1].counterexample.values}
    assert values["b_2"] != values["b_1"]
    values = {name: sp.Rational(value) for name, value in found[1][1].counterexample.values}
    assert 2 * values["c_11"] != values["c_11"]


def test_a_gradient_at_a_point_with_a_scalar_factor(tmp_path):
    text = (
        "# Gaussian bump\n\nthe function\n\n$$\nf(x, y) = xe^{-x^2-y^2}.\n$$\n\n"
        "One can compute that the gradient and Hessian are\n$$\n"
        "\\nabla f(x, y) = e^{-x^2-y^2}\\begin{pmatrix}1-2x^2 \\\\ -2xy\\end{pmatrix}\n$$\n\n"
        "$$\n\\nabla f(x, y) = e^{-x^2-y^2}\\begin{pmatrix}1-2x^2 \\\\ 2xy\\end{pmatrix}\n$$\n"
    )
    found = steps(tmp_path, text)
    assert [step.verdict for _, step in found] == ["proved", "refuted"]


def test_the_hessian_is_read_only_where_the_note_names_it(tmp_path):
    text = (
        "# H\n\n$f(x, y) = x y$ and\n\n"
        "$$\\mathbf{H} f(x, y) = \\begin{pmatrix}0 & 1 \\\\ 1 & 0\\end{pmatrix}$$\n"
    )
    assert [step.verdict for _, step in steps(tmp_path, text)] == ["skipped"]


def test_a_new_example_in_a_later_section_is_a_new_definition(tmp_path):
    text = (
        "# One\n\n$$f(x,y) = x y$$\n\n## Two\n\nLets see another example. Suppose that we have a "
        "function of the form:\n\n$$f(x,y) = x + y$$\n\n$$\\frac{\\partial f}{\\partial x} = 1$$\n"
    )
    note = report(tmp_path, text)
    assert [(e.line, e.skip.value) for e in note.equations if e.skip is not None] == [
        (3, "definition"), (9, "definition")]
    assert [s.verdict for e in note.equations for s in e.steps] == ["proved"]


def test_a_letter_the_prose_then_calls_a_constant_has_derivative_zero(tmp_path):
    rules = "# Rules\n\n$\\frac{d}{dx}$ and $D$ are differentiation operators.\n\n"
    said = steps(tmp_path, rules + "* $DC = 0$ ($C$는 상수입니다),\n")
    assert [step.verdict for _, step in said] == ["proved"]
    said = steps(tmp_path, rules + "* $DC = 0$ ($C$ is a constant),\n")
    assert [step.verdict for _, step in said] == ["proved"]
    unsaid = steps(tmp_path, rules + "* $DC = 0$,\n")
    assert [step.verdict for _, step in unsaid] == ["skipped"]


def test_a_summation_index_of_a_definition_is_not_the_free_index_of_the_step(tmp_path):
    text = (
        "# Linear\n\n$$\nf(\\mathbf{x}) = \\sum_{i = 1}^{n} \\beta_ix_i\n$$\n\n"
        "or more generally that\n\n$$\n\\frac{df}{dx_i} = \\beta_i,\n$$\n\n"
        "and not\n\n$$\n\\frac{df}{dx_i} = \\beta_i^2,\n$$\n"
    )
    found = steps(tmp_path, text)
    assert [step.verdict for _, step in found] in (["checked", "refuted"], ["proved", "refuted"])
    # the bound i was renamed, not captured: the derivative is β_i, never Σ_i β_i
    assert "Sum(beta" not in found[0][1].lhs


def test_the_definition_of_the_derivative_of_an_unknown_function(tmp_path):
    text = (
        "# Derivative\n\n$$f'(x) = \\lim_{h \\rightarrow 0} \\frac{f(x+h) - f(x)}{h}$$\n\n"
        "$$\\frac{df(x)}{dx} = \\lim_{h\\ \\to 0} \\frac{f(x + h) - f(x)}{h}$$\n\n"
        "Not:\n\n$$f'(x) = \\lim_{h \\rightarrow 0} \\frac{f(x+2h) - f(x)}{h}$$\n"
    )
    found = steps(tmp_path, text)
    # the difference quotient at step h is the derivative; at step 2h over h it is 2 f'(x):
    # never proved (SymPy leaves that limit unevaluated, so it is not judged either way)
    assert [step.verdict for _, step in found][:2] == ["proved", "proved"]
    assert found[2][1].verdict not in ("proved", "checked")


def test_a_value_of_a_defined_function_in_a_later_paragraph_is_a_claim(tmp_path):
    text = QUADRATIC + "$$f(0,0) = b_1$$\n\nFor example, $f(1,0) = 3$ is another function.\n"
    found = steps(tmp_path, text)
    # f(0,0) = a, not b_1: refuted; after words introducing an example it stays a definition
    assert [(step.verdict) for _, step in found] == ["refuted"]
    values = {name: Fraction(value) for name, value in found[0][1].counterexample.values}
    assert values["a"] != values["b_1"]


def test_an_equation_the_prose_assumes_is_a_hypothesis_not_a_claim(tmp_path):
    assumed = "# Fixed point\n\nlet's assume that the equation $x = 2x + 1$ holds for all $a$.\n"
    note = report(tmp_path, assumed)
    assert [(e.skip.value if e.skip else None) for e in note.equations if "2x" in e.latex] == [
        "condition"]
    stated = "# Fixed point\n\nwe see that the equation $x + x = 3x$ holds for all $x$.\n"
    assert [s.verdict for e in report(tmp_path, stated).equations for s in e.steps] == ["refuted"]


# Round 3 review (defs): a second formula derived in the prose is a claim, never a new definition.

def verdicts_of(tmp_path: Path, text: str):
    return [(line, step.verdict) for line, step in steps(tmp_path, text)]


def test_a_wrong_rederivation_of_the_loss_is_refuted_not_used(tmp_path):
    # l = ½(y − ŷ)², so ∂l/∂ŷ = ŷ − y; "we obtain l = (y − ŷ)²" is a wrong claim about l
    text = (
        "The loss is $l(y, \\hat{y}) = \\frac{1}{2}(y - \\hat{y})^2$.\n\n"
        "Substituting, we obtain $l(y, \\hat{y}) = (y - \\hat{y})^2$.\n\n"
        "Therefore $\\frac{\\partial l}{\\partial \\hat{y}} = 2(\\hat{y} - y)$.\n"
    )
    assert verdicts_of(tmp_path, text) == [(3, "refuted"), (5, "refuted")]


def test_let_then_a_contradicting_formula_is_a_claim(tmp_path):
    text = "Let $f(x) = x^2$. Then $f(x) = x^3$, and so $f'(x) = 3x^2$.\n"
    assert verdicts_of(tmp_path, text) == [(1, "refuted"), (1, "refuted")]
    text = "Let $y = x^2$ and $y = x^3$.\n"
    assert verdicts_of(tmp_path, text) == [(1, "refuted")]


def test_a_correct_rederivation_is_checked_against_the_first_definition(tmp_path):
    text = (
        "Let $f(x) = (x + 1)^2$. Then $f(x) = x^2 + 2x + 1$, so $f'(x) = 2x + 2$.\n"
    )
    assert verdicts_of(tmp_path, text) == [(1, "proved"), (1, "proved")]


def test_a_new_example_after_then_is_read_both_ways(tmp_path):
    # "consider" may start a new example (f = x³, f' = 3x² holds) or the formula may be a
    # wrong claim about f = x² (f' = 2x): the text does not say, so neither is decided
    text = "Let $f(x) = x^2$. Then consider $f(x) = x^3$, so $f'(x) = 3x^2$.\n"
    found = steps(tmp_path, text)
    assert [(line, step.verdict) for line, step in found] == [(1, "undecided"), (1, "undecided")]
    assert "line 1 gives f a second formula after line 1" in found[1][1].reason
    # "let" redefines: f' = 3x² of the new f is proved
    text = "Let $f(x) = x^2$. Now let $f(x) = x^3$. Then $f'(x) = 3x^2$.\n"
    assert verdicts_of(tmp_path, text) == [(1, "proved")]


def test_a_letter_the_prose_says_is_not_a_constant_is_not_a_constant(tmp_path):
    text = "$C$ is not a constant here, it depends on $x$: $\\frac{d}{dx} [C x] = C$.\n"
    assert [(s.verdict, s.skip.value) for _, s in steps(tmp_path, text)] == [
        ("skipped", "undefined-derivative")]
    text = "$C$는 상수가 아닙니다. 따라서 $\\frac{d}{dx} C = 0$.\n"
    assert [(s.verdict, s.skip.value) for _, s in steps(tmp_path, text)] == [
        ("skipped", "undefined-derivative")]


def test_unless_a_constant_does_not_make_the_letter_a_constant(tmp_path):
    text = "Unless $C$ is a constant, $\\frac{d}{dx} C = 0$ fails.\n"
    assert [s.verdict for _, s in steps(tmp_path, text)] != ["proved"]


def test_a_letter_called_a_constant_is_still_a_constant(tmp_path):
    text = "For any constant $C$, $\\frac{d}{dx} C = 0$.\n"
    assert [s.verdict for _, s in steps(tmp_path, text)] == ["proved"]


def test_a_summation_index_is_never_captured_by_the_free_index_of_the_claim(tmp_path):
    # f = Σ_i β_i x_i: ∂f/∂x_i = β_i, not Σ_i β_i (which differs as soon as n ≥ 2)
    text = ("Let $f(\\mathbf{x}) = \\sum_{i=1}^{n} \\beta_i x_i$. "
            "Then $\\frac{\\partial f}{\\partial x_i} = \\sum_{i=1}^{n} \\beta_i$.\n")
    assert [s.verdict for _, s in steps(tmp_path, text)] == ["refuted"]
    text = ("We have $f(\\mathbf{x}) = \\sum_{i} \\beta_i x_i^2$. "
            "Then $\\frac{\\partial f}{\\partial x_i} = \\sum_i 2 \\beta_i x_i$.\n")
    assert [s.verdict for _, s in steps(tmp_path, text)] == ["refuted"]
    text = ("Let $f(\\mathbf{x}) = \\sum_{i=1}^{n} \\beta_i x_i$. "
            "Then $\\frac{\\partial f}{\\partial x_i} = \\beta_i$.\n")
    assert [s.verdict for _, s in steps(tmp_path, text)] in (["proved"], ["checked"])


def test_scientific_notation_is_rounded_to_its_last_digit_times_the_power_of_ten(tmp_path):
    import math
    # e^{-10} = 4.54e-5: 9.9 × 10^{-5} is off by 5.4 units of 10^{-6}, far more than half of one
    assert abs(math.exp(-10) - 9.9e-5) > 0.05e-5 and abs(math.exp(20) - 4.9e8) < 0.05e9
    text = ("We compute $[e^{-10}, 1] = [9.9 \\times 10^{-5}, 1.0]$ and "
            "$[e^{-10}, 1] = [9.9e-5, 1.0]$.\n\nAlso $[e^{20}, 1] = [4.9 \\times 10^{8}, 1.0]$ "
            "and $[e^{-10}, 1] = [4.54 \\times 10^{-5}, 1.0]$.\n")
    assert verdicts_of(tmp_path, text) == [
        (1, "refuted"), (1, "refuted"), (3, "checked"), (3, "checked")]


def test_a_one_entry_list_reads_like_the_plain_rounded_value(tmp_path):
    text = "Plain $\\sqrt{2} = 1.41$ and as a list $[\\sqrt{2}] = [1.41]$ and $[e] = [2.72]$.\n"
    assert [v for _, v in verdicts_of(tmp_path, text)] == ["checked"] * 3
    text = "As a list $[e] = [2.73]$.\n"
    assert [v for _, v in verdicts_of(tmp_path, text)] == ["refuted"]


def test_a_rounding_tie_is_never_checked(tmp_path):
    text = "Half: $[7/2, 1.0] = [3, 1]$.\n"
    assert "checked" not in [v for _, v in verdicts_of(tmp_path, text)]
    assert "proved" not in [v for _, v in verdicts_of(tmp_path, text)]


def test_a_formula_after_an_assumed_equation_is_a_claim_not_a_definition(tmp_path):
    text = ("Assume that the equation $y = 2 z$ holds. Then $y = 3z$.\n\n"
            "Assume that the equation $x^2 = 4$ holds. Then $x = 2$.\n")
    found = steps(tmp_path, text)
    assert [(line, s.verdict) for line, s in found if s.verdict != "skipped"] == [
        (1, "undecided"), (3, "undecided")]  # never a definition, never an example value
    assert all(s.skip is None or s.skip.value == "condition" for _, s in found)


def test_a_shifted_argument_definition_never_uses_the_shift_outside_the_argument():
    from symderive.notes.roles import shifted_argument
    assert shifted_argument("x+\\epsilon", "g(x+\\epsilon) + h(x + \\epsilon)")
    assert not shifted_argument("x+\\epsilon", "g(x+\\epsilon) + \\epsilon h(x+\\epsilon)")
