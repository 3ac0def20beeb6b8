"""Round 49: bounds written as a fraction or a power of ten are read as the interval they state
(before, ``0 < x < \\frac{1}{2}`` and ``0 < x < 10^{6}`` gave no domain, and a claim false by
their ends was only withheld as undecided)."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import verdicts_by_line


@pytest.mark.parametrize("bounds, claim", [
    ("$0 < x < \\frac{1}{2}$", "\\sqrt{(x - 0.4999)^2} = 0.4999 - x"),  # false on (0.4999, 1/2)
    ("$0 < x < 10^{6}$", "\\sqrt{(x - 999999.99)^2} = 999999.99 - x"),
    ("$x \\in (-\\tfrac{3}{4}, 0)$", "\\sqrt{(x + 0.7499)^2} = -x - 0.7499"),
])
def test_a_claim_false_by_a_written_fraction_or_power_end_is_refuted(tmp_path, bounds, claim):
    note = f"# Note\n\nFor {bounds}, we have ${claim}$.\n"
    assert verdicts_by_line(tmp_path, note)[3][-1] == "refuted"


@pytest.mark.parametrize("bounds, claim", [
    ("$0 < x < \\frac{1}{2}$", "\\sqrt{(x - 0.5)^2} = 0.5 - x"),
    ("$0 < x < 10^{6}$", "\\sqrt{(x - 10^{6})^2} = 10^{6} - x"),
    ("$x \\in (-\\tfrac{3}{4}, 0)$", "\\sqrt{(x + 0.75)^2} = x + 0.75"),
])
def test_the_claim_on_the_interval_it_holds_on_is_checked(tmp_path, bounds, claim):
    note = f"# Note\n\nFor {bounds}, we have ${claim}$.\n"
    assert verdicts_by_line(tmp_path, note)[3][-1] in ("checked", "proved")


# -- \mathcal L without braces is the same name as \mathcal{L} ---------------------------------

def test_an_unbraced_calligraphic_loss_is_the_braced_name(tmp_path):
    note = "# Note\n\n$$\\mathcal L(w) = (w - 1)^2, \\qquad \\frac{d\\mathcal L}{dw} = 2(w-1)$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


def test_an_unbraced_calligraphic_distribution_is_still_not_a_value(tmp_path):
    note = "# Note\n\n$$\\mathcal N(0, 1) = 1$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["skipped"]


# -- round 49 AC01: a claim false only at a mixed corner (x near its top, y near its bottom) ---

@pytest.mark.parametrize("claim", [
    "|x - y - 0.9| = 0.9 - x + y",  # false on the triangle x − y > 0.9
    "\\sqrt{(x - y - 0.999)^2} = 0.999 - x + y",
])
def test_a_claim_false_only_where_one_variable_is_high_and_the_other_low_is_refuted(
        tmp_path, claim):
    note = f"# Note\n\nLet $0 < x < 1$ and $0 < y < 1$. Then ${claim}$.\n"
    assert verdicts_by_line(tmp_path, note)[3][-1] == "refuted"


def test_the_claim_that_holds_on_the_whole_square_stays_checked(tmp_path):
    note = "# Note\n\nLet $0 < x < 1$ and $0 < y < 1$. Then $|x - y - 1| = 1 - x + y$.\n"
    assert verdicts_by_line(tmp_path, note)[3][-1] in ("checked", "proved")


# -- round 50 AG01–AG03: a point where one side has no real value is no evidence either way; a
# -- claim there stays undecided, never checked on the rest (the note may claim it there too)

@pytest.mark.parametrize("note, verdicts", [
    ("$$\\arcsin x + \\arccos x = \\frac{\\pi}{2}$$", {"undecided"}),  # true on [-1, 1]
    # AG03: false at x < 0, which the note claims
    ("Let $-5 < x < 5$ with $x \\ne 0$. Then $\\ln(x^2) = 2\\ln x$.", {"undecided", "refuted"}),
    ("For every real number $x \\ne 0$, $\\log(x^2) = 2\\log x$.", {"undecided", "refuted"}),
    # AG02: false at x = y = -1 (0 against 2πi)
    ("Over the complex numbers, with the principal logarithm, $\\log(xy) = \\log x + \\log y$.",
     {"undecided", "refuted"}),
])
def test_a_claim_where_one_side_has_no_real_value_at_a_point_is_not_checked(
        tmp_path, note, verdicts):
    assert verdicts_by_line(tmp_path, f"# Note\n\n{note}\n")[3][-1] in verdicts


# -- round 49 AF01: a high power under the input limit is not expanded or simplified in the parent

def test_a_varying_difference_is_no_constant_without_simplifying(monkeypatch):
    import sympy as sp

    from symderive.notes import plan

    x, y = sp.symbols("x y")
    monkeypatch.setattr(plan.sp, "simplify", lambda *_: pytest.fail("simplified"))
    assert plan._no_solution((x + 1) ** 900 - (x - 1) ** 900, (y + 1) ** 800, "<test>") is False
    monkeypatch.undo()
    # sin²x + cos²x = 2: the difference is the constant −1, no value solves it
    assert plan._no_solution(sp.sin(x) ** 2 + sp.cos(x) ** 2, sp.Integer(2), "<test>") is True


def test_indices_are_looked_for_without_expanding_a_side_that_has_none(monkeypatch):
    import sympy as sp

    from symderive.notes import plan

    x, x_i, a_ij, x_j = sp.symbols("x x_i a_ij x_j")
    monkeypatch.setattr(plan.sp, "expand", lambda *_: pytest.fail("expanded"))
    assert plan.index_ambiguity((x + 1) ** 900, (x - 1) ** 900, False) == ""
    monkeypatch.undo()
    assert "Einstein" in plan.index_ambiguity(x_i * a_ij * x_j, sp.Integer(0), False)


# -- round 49 AE (note): a note that calls i an index and writes i² = −1 has two readings ------

@pytest.mark.parametrize("words", ["Here $i$ is an index.", "For each $i$, $x_i$ is a sample."])
def test_i_called_an_index_is_not_silently_the_imaginary_unit(tmp_path, words):
    note = f"# Note\n\n{words}\n\n$$ i^2 = -1 $$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["undecided"]


def test_a_note_about_complex_numbers_still_proves_with_the_imaginary_unit(tmp_path):
    note = "# Complex numbers\n\nThe imaginary unit satisfies $i^2 = -1$.\n\n$$ (1 + i)^2 = 2i $$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["proved"]


# -- ⟨u, v⟩: the inner product tr(uᵀv) of two declared vectors or matrices of one shape ---------

SHAPES = "<!-- symderive: assume u vector 3; assume v vector 3; assume A matrix 3 3; assume B matrix 3 3 -->"


@pytest.mark.parametrize("claim, verdict", [
    ("\\langle u, v \\rangle = u^T v", "proved"),
    ("\\left\\langle u, v \\right\\rangle = \\langle v, u \\rangle", "proved"),  # symmetric
    ("\\langle A u, v \\rangle = \\langle u, A^T v \\rangle", "proved"),  # the adjoint
    ("\\langle A, B \\rangle = \\operatorname{tr}(A^T B)", "proved"),  # Frobenius
    ("\\nabla_u \\langle u, A u \\rangle = (A + A^T) u", "proved"),
    ("\\langle u, v \\rangle^2 = \\langle u, u \\rangle \\langle v, v \\rangle", "refuted"),
    ("\\langle A, B \\rangle = \\operatorname{tr}(A B)", "refuted"),
])
def test_the_inner_product_of_declared_vectors_and_matrices(tmp_path, claim, verdict):
    note = f"# Note\n\n{SHAPES}\n\n$${claim}$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == [verdict]


@pytest.mark.parametrize("claim", [
    "\\langle x, y \\rangle = x y",  # numbers or vectors: not known
    "\\langle A, u \\rangle = 0",  # two shapes
    "\\langle u | v \\rangle = 0",  # Dirac's bracket
])
def test_an_inner_product_the_reader_cannot_place_is_skipped(tmp_path, claim):
    note = f"# Note\n\n{SHAPES}\n\n$${claim}$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["skipped"]


# -- round 50 (field corpus): readings that depended on the hash seed, and entries of a family ----

CHAIN_RULE = """# Chain rule

For a function $$z = f(x, y)$$ where $$x = g(t)$$ and $$y = h(t)$$:

$$ \\frac{dz}{dt} = \\frac{\\partial f}{\\partial x} \\frac{dx}{dt} + \\frac{\\partial f}{\\partial y} \\frac{dy}{dt} $$
"""


@pytest.mark.parametrize("seed", ["0", "2", "4"])
def test_the_chain_rule_reads_f_with_its_written_arguments_whatever_the_hash_seed(tmp_path, seed):
    import json
    import os
    import subprocess
    import sys

    note = tmp_path / "chain.md"
    note.write_text(CHAIN_RULE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "symderive", "notes", "--no-cache", "--json", str(note)],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONHASHSEED": seed})
    report = json.loads(run.stdout)
    verdicts = [step["verdict"] for equation in report["files"][0]["equations"]
                for step in equation["steps"]]
    assert verdicts == ["proved"]


def test_a_name_that_may_be_an_entry_of_a_summed_family_is_not_refuted_as_a_name(tmp_path):
    # mlbook's softmax with an index typo in the middle (Σ_j exp(z_nk)): z_nk independent of
    # z_n[1] at K = 1 is no counterexample, since there z_nk is z_n1
    typo = ("\\log\\left(\\frac{\\exp(z_{nk})}{\\sum_{j = 1}^K \\exp(z_{nk})}\\right) = "
            "z_{nk} - \\log\\left(\\sum_{j = 1}^K \\exp(z_{nj})\\right)")
    right = typo.replace("\\exp(z_{nk})}{\\sum_{j = 1}^K \\exp(z_{nk})", "\\exp(z_{nk})}{\\sum_{j = 1}^K \\exp(z_{nj})")
    assert verdicts_by_line(tmp_path, f"# Note\n\n$${typo}$$\n\n$${right}$$\n") == {
        3: ["undecided"], 5: ["proved"]}


# -- round 50 AG04, AG05 ----------------------------------------------------------------------------

def test_an_inner_product_in_a_note_over_the_complex_numbers_is_not_decided(tmp_path):
    note = ("# Note\n\n<!-- symderive: assume u vector 2; assume v vector 2 -->\n\n"
            "On $\\mathbb{C}^n$ the inner product is conjugate-linear in the first slot.\n\n"
            "$$\\langle u, v \\rangle = \\langle v, u \\rangle$$\n")
    assert verdicts_by_line(tmp_path, note)[7] == ["undecided"]


@pytest.mark.parametrize("bound, claim, verdict", [
    ("$0 < x < 10^{-35}$", "\\sqrt{(x - 1)^2} = 1 - x", "checked"),
    ("$0 < x < 10^{31}$", "|x - 1| = x - 1", "refuted"),
    ("$-10^{-40} < x < 0$", "|x| = -x", "proved"),
    ("$0 < x < 10^{100}$", "|x - 1| = x - 1", "undecided"),  # a bound not read: withheld
])
def test_a_power_of_ten_bound_far_from_one_never_loses_the_note(tmp_path, bound, claim, verdict):
    note = f"# Note\n\nLet {bound}. Then\n\n$${claim}.$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == [verdict]


# -- \tanh'(z), \exp''(x): primes on a known smooth function (the held-out corpus writes them) ----

@pytest.mark.parametrize("claim, verdict", [
    ("\\tanh'(z) = 1 - \\tanh^2(z)", "proved"),
    ("\\tanh'(z) = 1 + \\tanh^2(z)", "refuted"),
    ("\\exp''(x) = e^x", "proved"),
    ("\\sin'(2x) = \\cos(2x)", "proved"),  # the derivative at 2x, not of sin(2x)
    ("\\sin'(2x) = 2\\cos(2x)", "refuted"),
    ("\\text{ReLU}'(0) = 0", "skipped"),  # at the kink: a convention, not a derivative
])
def test_a_primed_known_function_is_its_derivative_at_the_argument(tmp_path, claim, verdict):
    assert verdicts_by_line(tmp_path, f"# Note\n\n$${claim}$$\n")[3] == [verdict]


# -- round 51 AJ01, AJ02 (ratsgo's notes): an eigen-equation AX = λX read with numbers, and the
# -- equations of a system a ∴ row concludes from, are equations to solve, never refuted --------

@pytest.mark.parametrize("note", [
    "다음 식을 만족하는 람다와 X가 각각 정방행렬 A의 고유값과 고유벡터가 됩니다.\n\n$$AX=\\lambda X$$",
    "바로 고유값, 고유벡터 구할 때 바로 그 $AX=λX$ 꼴입니다.",
])
def test_an_eigen_equation_with_undeclared_names_is_not_refuted(tmp_path, note):
    verdicts = verdicts_by_line(tmp_path, f"# Note\n\n{note}\n")
    assert "refuted" not in [v for line in verdicts.values() for v in line]


def test_the_equations_of_a_system_concluded_with_therefore_are_not_refuted(tmp_path):
    note = "# Note\n\n$$x + 3y = y, \\quad 2x = x \\\\ \\therefore x = -2y$$\n"
    assert "refuted" not in verdicts_by_line(tmp_path, note)[3]


def test_a_single_false_line_before_therefore_is_still_refuted(tmp_path):
    note = "# Note\n\n$$(a + b)^2 = a^2 + b^2 \\\\ \\therefore a = b$$\n"
    assert verdicts_by_line(tmp_path, note)[3][0] == "refuted"


# -- round 51 AI01–AI05, AJ03 -------------------------------------------------------------------

VECTORS = "<!-- symderive: assume u vector 3; assume v vector 3; assume W matrix 3 3 -->"


@pytest.mark.parametrize("words, claim", [
    ("Let $u$ and $v$ be vectors with complex entries.", "\\langle u, v \\rangle = \\langle v, u \\rangle"),
    ("Let $u$ and $v$ be vectors in a complex inner product space.",
     "\\langle u, v \\rangle = \\langle v, u \\rangle"),
    ("With the weighted inner product $\\langle u, v \\rangle := u^T W v$, we get",
     "\\langle u, u \\rangle = u^T W u"),  # AI03: the note's own ⟨·,·⟩
    ("Here $\\langle u, v \\rangle$ denotes $u^T W v$, the inner product weighted by $W$.",
     "\\langle u, u \\rangle = u^T W u"),
])
def test_an_inner_product_the_note_may_mean_otherwise_is_not_decided(tmp_path, words, claim):
    note = f"# Note\n\n{VECTORS}\n\n{words}\n\n$${claim}$$\n"
    assert verdicts_by_line(tmp_path, note)[7] == ["undecided"]


def test_directives_between_a_hypothesis_and_its_display_do_not_cut_them_apart(tmp_path):
    note = ("# Note\n\nIf $A$ is symmetric, then:\n\n<!-- symderive: assume A matrix 3 3 -->\n"
            "<!-- symderive: assume x vector 3 -->\n\n$$\\nabla_x (x^T A x) = 2 A x$$\n")
    assert verdicts_by_line(tmp_path, note)[8] != ["refuted"]  # AI05


@pytest.mark.parametrize("words", [
    "가중치 행렬 $W$는 대칭 행렬입니다.",  # AJ03 (ratsgo's graph cut)
    "The weight matrix $W$ is symmetric.",
])
def test_entries_of_a_matrix_called_symmetric_are_not_refuted_as_independent_names(tmp_path, words):
    claim = ("\\frac{1}{4}\\begin{bmatrix} 1 & 1 & -1 & -1 \\end{bmatrix}\\begin{bmatrix} 2w_{14} "
             "\\\\ 2w_{23} \\\\ -2w_{32} \\\\ -2w_{41} \\end{bmatrix} = w_{14} + w_{23}")
    assert verdicts_by_line(tmp_path, f"# Note\n\n{words}\n\n$${claim}$$\n")[5] == ["undecided"]


# -- round 51 AJ (note): g'(x) = 2g(x) of a function the note never defines is an ODE g solves ----

def test_a_differential_equation_of_an_unknown_function_is_not_refuted(tmp_path):
    note = ("# Note\n\n$$g'(x) = 2 g(x)$$\n\n"
            "$$\\frac{d}{dx}\\left(f(x) g(x)\\right) = f'(x) g'(x)$$\n\n"  # a wrong product rule
            "$$\\frac{d}{dx} f(g(x)) = f'(x) g'(x)$$\n\n"  # a wrong chain rule
            "$$h(x) = x^2, \\quad h'(x) = 3 h(x)$$\n")  # h defined: a claim about x²
    verdicts = verdicts_by_line(tmp_path, note)
    assert verdicts[3] == ["skipped"]
    assert verdicts[5] == verdicts[7] == ["refuted"]
    assert verdicts[9][-1] == "refuted"


# -- round 52 AK01, AK02 ---------------------------------------------------------------------------

def test_a_definition_read_with_other_shapes_than_the_step_gives_no_verdict(tmp_path):
    # AK01: the prose declares W m × n; the loss defined in the next sentence read W as
    # size × size: ∂L/∂W then differentiated another matrix (0), and the true gradient was refuted
    note = ("# Note\n\nLet $\\mathbf{W} \\in \\mathbb{R}^{m \\times n}$, $\\mathbf{x} \\in "
            "\\mathbb{R}^{n}$ and $\\mathbf{y} \\in \\mathbb{R}^{m}$.\nThe squared error is "
            "$\\mathcal{L} = \\|\\mathbf{W}\\mathbf{x} - \\mathbf{y}\\|^2$.\n\n"
            "$$\\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{W}} = 2(\\mathbf{W}\\mathbf{x} - "
            "\\mathbf{y})\\mathbf{x}^\\top$$\n")
    assert verdicts_by_line(tmp_path, note)[6] in (["skipped"], ["proved"], ["checked"])


@pytest.mark.parametrize("claim, verdict", [
    ("\\sigma'(1) = 0.731 \\cdot 0.269", "undecided"),  # AK02: the rounded factors' product
    ("\\sigma'(1) = 0.731 \\cdot 0.369", "refuted"),  # far outside their rounding
])
def test_a_value_computed_from_rounded_decimals_is_judged_within_their_rounding(
        tmp_path, claim, verdict):
    note = f"# Note\n\nWe use the logistic sigmoid $\\sigma$.\n\n$${claim}$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == [verdict]


# -- TeX's \vert is the glyph | (lil-log writes \vert x \vert; 19 steps were unknown-command) ----

@pytest.mark.parametrize("claim, verdict", [
    ("\\vert -3 \\vert = 3", "proved"),
    ("\\left\\vert x \\right\\vert^2 = x^2", "proved"),
    ("\\Big\\vert x \\Big\\vert = x", "refuted"),
])
def test_vert_is_a_bar(tmp_path, claim, verdict):
    assert verdicts_by_line(tmp_path, f"# Note\n\n$${claim}$$\n")[3] == [verdict]


# -- round 53 AM01–AM07 ----------------------------------------------------------------------------

@pytest.mark.parametrize("words, claim, verdict", [
    ("To the nearest 10,000,", "e^{10} = 20000", "checked"),  # AM02: 10,000 is ten thousand
    ("To the nearest 10 000,", "e^{10} = 20000", "checked"),
    ("To the nearest 1,000,", "e^{10} = 22000", "checked"),
    ("To the nearest 10,000, the value is", "e^{10} = 22030", "refuted"),  # AM01
])
def test_a_nearest_unit_with_grouped_digits_is_read_whole(tmp_path, words, claim, verdict):
    assert verdicts_by_line(tmp_path, f"# Note\n\n{words} ${claim}$.\n")[3] == [verdict]


@pytest.mark.parametrize("claim", [
    "\\frac{dP}{dt} = kP",  # AM03: Leibniz notation
    "\\frac{dN}{dt} = -\\lambda N(t)",
])
def test_a_differential_equation_in_leibniz_notation_is_not_refuted(tmp_path, claim):
    verdicts = verdicts_by_line(tmp_path, f"# Note\n\nThe quantity obeys ${claim}$.\n")[3]
    assert verdicts in (["skipped"], ["undecided"])


@pytest.mark.parametrize("claim", [
    "0.25 + 0.35 + 0.45 = 1",  # AM05: exact numbers claimed exactly (sum 1.05)
    "\\frac{1}{0.12 - 0.1} = 3",  # AM06: a pole in the rounding box bounds nothing (it is 50)
])
def test_exact_arithmetic_on_decimals_is_not_withheld_as_rounding(tmp_path, claim):
    assert verdicts_by_line(tmp_path, f"# Note\n\n$${claim}$$\n")[3] == ["refuted"]


# -- round 54 AN01, AN02: Var or E of names none of which is read as random -----------------------

@pytest.mark.parametrize("claim", [
    # AN01: with X a scalar by directive, both sides were Var of constants, 0 = 0: proved
    "\\mathrm{Var}\\left(\\frac{1}{N}\\sum_{i=1}^{N} X_i\\right) = "
    "\\frac{1}{N}\\sum_{i=1}^{N} \\mathrm{Var}(X_i)",
    "\\mathrm{Var}\\left(\\sum_{i=1}^{N} X_i\\right) = 0",
])
def test_a_moment_of_names_not_read_as_random_is_not_decided(tmp_path, claim):
    note = ("# Note\n\n<!-- symderive: assume X scalar -->\n\n"
            "$X_1, \\dots, X_N$이 i.i.d. 확률변수이고 분산이 $\\sigma^2$ 라고 하자.\n\n"
            f"$${claim}$$\n")
    assert verdicts_by_line(tmp_path, note)[7] == ["undecided"]


def test_a_law_stated_in_korean_words_keeps_the_constant_law_from_refuting(tmp_path):
    # AN02: E[X̄] = μ after "i.i.d. 확률변수 with mean μ": X_1 = 31/7 constant is no counterexample
    note = ("# Note\n\n<!-- symderive: assume X scalar -->\n\n"
            "$X_1, \\dots, X_N$이 평균이 $\\mu$인 i.i.d. 확률변수라고 하자.\n\n"
            "$$\\mathbb{E}\\left[\\frac{1}{N}\\sum_{i=1}^{N} X_i\\right] = \\mu$$\n")
    assert verdicts_by_line(tmp_path, note)[7] == ["undecided"]


@pytest.mark.parametrize("words", [
    "Let $y$ be a real-valued random variable.",  # AO01: 'assume y real' says real, not fixed
    "$y$는 확률변수이다.",
])
def test_a_directive_real_does_not_make_a_random_variable_a_constant(tmp_path, words):
    note = (f"# Note\n\n<!-- symderive: assume y real -->\n\n{words}\n\n"
            "$$\\mathbb{E}[y^2] = \\mathbb{E}[y]^2$$\n")
    assert verdicts_by_line(tmp_path, note)[7] != ["proved"]


# -- round 56 AQ01 (mlbook's regression tree): R = x ≤ t names a condition, claims nothing -------

def test_a_name_given_to_a_condition_is_not_a_claim(tmp_path):
    note = "# Note\n\nWe use the rule $R = x \\leq t$.\n"
    assert "refuted" not in [v for line in verdicts_by_line(tmp_path, note).values() for v in line]


def test_a_chain_of_a_value_then_a_bound_is_still_checked(tmp_path):
    # y = 2 written before: y = 2 ≤ 1 is a claim about a number, refuted
    note = "# Note\n\n$$\\frac{4}{2} = 2 \\le 1$$\n"
    assert verdicts_by_line(tmp_path, note)[3][-1] == "refuted"
