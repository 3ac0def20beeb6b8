r"""Round-2 review findings on the LaTeX front end (R1 bare primes, R2 written sums' signs,
R7 D named in the prose, and the smaller readings): each note, shortened, and the verdict it
must get. A false proof becomes unread (skipped) or refuted; a true claim is never refuted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from symderive.grammar.latex import parse_latex_math
from symderive.notes.check_notes import NotesOptions, check_files


def steps(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return [step for equation in report.files[0].equations for step in equation.steps]


def verdicts(tmp_path: Path, text: str) -> list[str]:
    return [step.verdict for step in steps(tmp_path, text)]


# -- R1: a bare prime differentiates by the variable of the name's own definition ---------------
def test_a_bare_prime_of_a_name_defined_by_another_variable_is_not_read(tmp_path):
    # y = x^3 with x = t^2: y' is dy/dx = 3t^4, dy/dt = 6t^5; never "proved"
    note = "Let $x = t^2$ and $y = x^3$.\n\n$$ \\frac{dy}{dt} = y' $$\n"
    [step] = steps(tmp_path, note)
    assert step.verdict == "skipped" and step.skip.value == "operator"


def test_a_bare_prime_of_a_function_is_by_its_parameter(tmp_path):
    # f(x) = x^2, x = t^3: f' = 2x = 2t^3, while df/dt = 6t^5 (the note's own chain)
    note = "Let $f(x) = x^2$ and $x = t^3$.\n\n$$ f' = \\frac{df}{dt} = 6t^5 $$\n"
    assert verdicts(tmp_path, note) == ["refuted", "proved"]


def test_g_prime_is_not_dg_dt(tmp_path):
    note = ("Let $g(x) = x^2$ and $x = 2t$.\n\n$$ g' = \\frac{dg}{dt} $$\n\n"
            "$$ \\frac{d}{dt} g(x) = 8 t $$\n")
    assert verdicts(tmp_path, note) == ["refuted", "proved"]


def test_a_bare_prime_by_the_definitions_own_variable_holds(tmp_path):
    note = ("Let $f(u) = u^2$ and $u = 3x$.\n\n$$ f' = 2u $$\n\n"
            "Let $y = x^3$.\n\n$$ \\frac{dy}{dx} = y' = 3x^2 $$\n")
    assert verdicts(tmp_path, note) == ["proved", "proved", "proved"]


def test_a_bare_prime_of_an_undefined_name_beside_a_linked_variable_is_not_read(tmp_path):
    # x = t^2 links the chain's variable t to x: z' by t or by x? not read
    note = "Let $x = t^2$.\n\n$$ \\frac{dz}{dt} = z' $$\n"
    assert verdicts(tmp_path, note) == ["skipped"]


@pytest.mark.parametrize(
    "note, expected",
    [
        ("Let $z = w x + b$ and $L(z) = \\frac{1}{2} z^2$.\n\n"
         "$$ \\frac{\\partial L}{\\partial w} = z x $$\n\n"
         "$$ \\frac{\\partial L}{\\partial w} = w $$\n", ["proved", "refuted"]),
        ("Let $z = 3w$ and $L(z) = z^2$.\n\n$$ \\frac{dL}{dw} = 18 w $$\n\n"
         "$$ \\frac{dL}{dw} = 2w $$\n", ["proved", "refuted"]),
        ("Let $u = 3x$ and $f(u) = u^2$.\n\n$$ D_x f = 18 x $$\n\n$$ \\nabla_x f = 18 x $$\n",
         ["proved", "proved"]),
    ],
)
def test_a_function_definition_is_applied_at_its_written_argument(tmp_path, note, expected):
    assert verdicts(tmp_path, note) == expected


# -- R2: the terms before an ellipsis keep their written signs ----------------------------------
@pytest.mark.parametrize(
    "claim",
    [
        r"a_1 - a_2 + \cdots + a_n = \sum_{i=1}^{n} a_i",
        r"a_1 b_1 - a_2 b_2 + \cdots + a_n b_n = \sum_{i=1}^{n} a_i b_i",
        r"a_1 - a_2 + \cdots + a_n = \sum_{i=1}^{n} (-1)^{i+1} a_i",
    ],
)
def test_a_written_sum_with_a_minus_is_not_the_plain_sum(tmp_path, claim):
    assert verdicts(tmp_path, f"$$ {claim} $$\n") == ["skipped"]


def test_a_minus_before_the_ellipsis_is_kept_or_refused():
    with pytest.raises(Exception, match="signs"):
        parse_latex_math(r"a_1 - a_2 + \cdots + a_n")
    # written with plus signs it is the sum (n = 2: a_1 + a_2)
    value = parse_latex_math(r"a_1 + a_2 + \cdots + a_n")
    assert value.subs("n", 2).doit().free_symbols and "Sum" in str(value)


# -- R7: D the note names is never the derivative operator --------------------------------------
def test_d_the_prose_calls_a_matrix_is_not_the_operator(tmp_path):
    note = ("Let $D$ be the diagonal degree matrix and $A$ the adjacency matrix of the graph."
            "\n\n$$ D x^2 = 2 x $$\n")
    assert verdicts(tmp_path, note) != ["proved"]


def test_d_described_in_words_is_a_name(tmp_path):
    note = "Let $D$ be the number of features.\n\n$$ D x^2 = 2 x $$\n"
    # D x^2 with D a number: not 2x, never proved; a count is not negative, so a refutation
    # at a negative D is not one (round 8b K8): refuted at a count, or undecided
    assert verdicts(tmp_path, note) in (["refuted"], ["undecided"])


def test_d_used_as_a_name_in_the_mathematics_is_never_the_operator(tmp_path):
    note = "The Laplacian is $L = D - A$.\n\n$$ D x^2 = 2 x $$\n"
    assert verdicts(tmp_path, note) == ["refuted"]


def test_d_called_an_operator_stays_the_operator(tmp_path):
    note = ("where the symbols $\\frac{d}{dx}$ and $D$ are *differentiation operators*.\n\n"
            "* $Dx^n = nx^{n-1}$\n* $D x^3 = x^2$\n")
    assert verdicts(tmp_path, note)[-2:] == ["proved", "refuted"]


# -- R11: a word in \text applied to (…) is a function whose meaning is not known ---------------
@pytest.mark.parametrize(
    "claim", [r"\text{sign}(-x) = -\text{sign}(x)", r"\mathrm{sign}(-x) = -\mathrm{sign}(x)"]
)
def test_a_function_word_in_text_is_never_an_arbitrary_instance(tmp_path, claim):
    assert verdicts(tmp_path, f"$$ {claim} $$\n") == ["skipped"]  # true (sign is odd): no refutation


def test_known_function_words_in_text_keep_their_meaning(tmp_path):
    assert verdicts(tmp_path, "$$ \\text{relu}(\\text{relu}(x)) = \\text{relu}(x) $$\n") == ["proved"]


# -- R12: f^{(1)}, f^{(2)} the note defines are labels or derivatives: not read --------------------
def test_functions_the_note_labels_f1_f2_are_not_read_as_derivatives(tmp_path):
    note = ("The features are $f^{(1)}(x) = x$ and $f^{(2)}(x) = x^2$.\n\n"
            "$$ f^{(2)}(x) = x \\, f^{(1)}(x) $$\n")
    assert "refuted" not in verdicts(tmp_path, note)


def test_a_derivative_order_on_a_defined_function_is_still_a_derivative(tmp_path):
    note = "Let $f(x) = x^3$.\n\n$$ f^{(2)}(x) = 6x $$\n\n$$ f^{(2)}(x) = 5x $$\n"
    assert verdicts(tmp_path, note) == ["proved", "refuted"]


# -- R17: the indicator is no identity matrix; a relation inside \{…\} is no connective ----------
def test_a_false_indicator_claim_is_refuted_not_hidden(tmp_path):
    # 1(x > 0) x = |x| fails at x = -1: no "I may be the identity matrix" doubt
    assert verdicts(tmp_path, "$$ \\mathbb{1}(x > 0) \\cdot x = |x| $$\n") == ["refuted"]


def test_a_relation_inside_the_indicators_braces_does_not_split_the_chain(tmp_path):
    note = "$$ \\mathbb{1}\\{x \\neq y\\} = 1 - \\mathbb{1}\\{x = y\\} $$\n"
    assert verdicts(tmp_path, note) == ["proved"]


def test_a_derivative_refuted_only_at_the_kink_is_not_refuted(tmp_path):
    # d/dx max(x, 0) at x = 0 does not exist: 1(x > 0) and 1(x >= 0) are both conventions;
    # where it exists the two sides agree (checked: the kink is skipped, never a counterexample)
    note = "$$ \\frac{d}{dx} \\max(x, 0) = \\mathbb{1}(x > 0) $$\n"
    assert verdicts(tmp_path, note)[0] in ("undecided", "checked")


# -- R19: letters written apart are a product; \text{d} is the differential d --------------------
def test_letters_spaced_apart_are_a_product_not_a_word():
    x, y, z = (parse_latex_math(name) for name in "xyz")
    assert parse_latex_math(r"\sin(x y z)") == parse_latex_math(r"\sin(x \cdot y \cdot z)")
    assert parse_latex_math("x y z") == x * y * z
    with pytest.raises(Exception, match="unknown word"):
        parse_latex_math("xyz")  # written together it is still an unknown word


def test_an_upright_text_d_is_the_differential(tmp_path):
    assert verdicts(tmp_path, "$$ \\frac{\\text{d}}{\\text{d}x} x^2 = 2x $$\n") == ["proved"]
    assert verdicts(tmp_path, "$$ \\frac{\\text{d}}{\\text{d}x} x^2 = x $$\n") == ["refuted"]


# -- field corpus: argument lists, sums whose index escapes, annotations -------------------------
def test_a_name_applied_to_an_argument_list_is_a_function():
    value = parse_latex_math(r"l(\mathbf{y}, \hat{\mathbf{y}})")
    assert len(value.args) == 2 and str(value.func) == "l"
    assert parse_latex_math("x(1 - x)").expand() == parse_latex_math("x - x^2")


def test_an_upper_limit_alone_runs_from_1():
    assert parse_latex_math(r"\sum_i^n x_i") == parse_latex_math(r"\sum_{i=1}^{n} x_i")


def test_a_summation_index_used_after_the_body_is_not_read(tmp_path):
    # the author means Σ (y_i log π_i + (1 - y_i) log(1 - π_i)); read literally i is free after
    claim = (r"\log \prod_{i=1}^n \pi_i^{y_i} (1 - \pi_i)^{1 - y_i} = "
             r"\sum_{i=1}^n y_i \log(\pi_i) + (1 - y_i) \log (1 - \pi_i)")
    [step] = steps(tmp_path, f"$$ {claim} $$\n")
    assert step.verdict == "skipped" and "summation index" in step.reason


def test_kind_annotations_are_not_relations(tmp_path):
    note = "$$ y = 3 x \\space\\space <scalar> $$\n\n$$ y = 3 x $$\n"
    [first, *_] = steps(tmp_path, note)
    assert first.rhs_latex.strip().startswith("3 x")


def test_a_word_the_note_defines_as_a_function_is_applied(tmp_path):
    note = ("Softmax: $\\textrm{RealSoftMax}(a, b) = \\log (\\exp(a) + \\exp(b))$.\n\n"
            "Prove that $\\textrm{RealSoftMax}(a, b) > \\mathrm{max}(a, b)$.\n")
    # applied, it holds for all a, b: the slack depends on a − b only and the one-variable
    # certificate covers it (read as a product it would fail)
    [step] = steps(tmp_path, note)
    assert step.verdict == "checked" and "certified" in step.reason, step.reason


def test_a_word_followed_by_brackets_is_an_array_entry_not_a_product(tmp_path):
    # stride[i] = stride[i+1] × size[i+1] (a tensor's strides): never stride·i = stride·(i+1)·…
    note = "$$\\text{stride}[i] = \\text{stride}[i+1] \\times \\text{size}[i+1]$$\n"
    [step] = steps(tmp_path, note)
    assert step.verdict == "skipped" and "entry of an array" in step.reason
