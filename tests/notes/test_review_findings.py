"""Regression tests for the adversarial review of ``symderive notes`` (findings N1–N41 in
/work/findings/notes.md): each reproduces a finding's note and asserts the corrected verdict."""

from __future__ import annotations

from pathlib import Path

from symderive.notes.check_notes import NotesOptions, check_files


def verdicts(tmp_path: Path, text: str, name: str = "note.md") -> dict:
    """(line, lhs, rhs) → (verdict, reason) for every step of the note."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=2.0, jobs=2))
    found = {}
    for equation in report.files[0].equations:
        for step in equation.steps:
            found[(equation.line, step.lhs_latex.strip(), step.rhs_latex.strip())] = (
                step.verdict, step.reason or "")
    return found


def verdict_of(found: dict, lhs: str, rhs: str) -> str:
    matches = [v for (line, left, right), v in found.items() if left == lhs and right == rhs]
    assert matches, f"no step {lhs} = {rhs} in {found}"
    return matches[0][0]


GOOD = ("proved", "checked")


def test_n20_thin_space_digit_groups(tmp_path):
    found = verdicts(tmp_path, "# N\n\n$$ 24 = 1\\,024 $$\n\n$$ 2^{10} = 1\\,024 $$\n")
    assert verdict_of(found, "24", r"1\,024") == "refuted"
    assert verdict_of(found, "2^{10}", r"1\,024") == "proved"


def test_n33_inverse_trig_is_not_a_reciprocal(tmp_path):
    found = verdicts(tmp_path, "# S\n\n$$ \\sin^{-1} x = \\frac{1}{\\sin x} $$\n\n"
                     "$$ \\tan^{-1}(1) = \\frac{\\pi}{4} $$\n")
    assert verdict_of(found, r"\sin^{-1} x", r"\frac{1}{\sin x}") == "skipped"
    assert verdict_of(found, r"\tan^{-1}(1)", r"\frac{\pi}{4}") == "skipped"


def test_n15_setext_heading_ends_a_section(tmp_path):
    found = verdicts(tmp_path, "Part one\n========\n\nLet $x = 2$. Then $x^2 = 4$.\n\n"
                     "Part two\n--------\n\nFor every $x$: $x^2 = 2x$.\n")
    assert verdict_of(found, "x^2", "2x") not in GOOD


def test_n16_comment_in_fenced_code_is_not_a_heading(tmp_path):
    found = verdicts(tmp_path, "# Model\n\nLet $y = 2x$.\n\n```python\n# the model in code\n"
                     "z = 1\n```\n\nAlso $y + y = 4x$.\n")
    assert verdict_of(found, "y + y", "4x") == "proved"


def test_n27_directive_inside_code_is_not_applied(tmp_path):
    found = verdicts(tmp_path, "# How to use directives\n\nWrite this in your note:\n\n```\n"
                     "<!-- symderive: given x = 0 -->\n```\n\nNow a real claim: $x^2 = x$.\n\n"
                     "`<!-- symderive: given y = 1 -->` and $y^3 = y$.\n")
    assert verdict_of(found, "x^2", "x") not in GOOD
    assert verdict_of(found, "y^3", "y") not in GOOD


def test_n9_example_later_on_the_line_is_not_used_backwards(tmp_path):
    found = verdicts(tmp_path, "# W\n\nFor all real $x$ we have $x^2 = 2x$, e.g. $x = 2$ gives "
                     "$4 = 4$.\n")
    assert verdict_of(found, "x^2", "2x") not in GOOD


def test_n9_roots_after_the_quadratic_are_not_substituted(tmp_path):
    found = verdicts(tmp_path, "# Q\n\nThe quadratic $x^2 - 3x + 2 = 0$ has the roots $x = 1$ "
                     "and $x = 2$.\n")
    assert verdict_of(found, "x^2 - 3x + 2", "0") not in GOOD


def test_n6_in_general_leaves_the_example(tmp_path):
    found = verdicts(tmp_path, "# Section\n\nFor example, take $x = 0$. Then $x y = 0$.\n\n"
                     "In general, for every real $x$, we have $(x+1)^2 = x^2 + 1$.\n")
    assert verdict_of(found, "(x+1)^2", "x^2 + 1") not in GOOD
    assert verdict_of(found, "x y", "0") in GOOD


def test_n8_matrices_named_in_prose_are_not_scalars(tmp_path):
    found = verdicts(tmp_path, "# Matrices\n\nLet $A$ and $B$ be invertible $n \\times n$ "
                     "matrices. Then\n\n$$ (A + B)^2 = A^2 + 2AB + B^2 $$\n\n"
                     "$$ (AB)^{-1} = A^{-1} B^{-1} $$\n")
    assert verdict_of(found, "(A + B)^2", "A^2 + 2AB + B^2") not in GOOD
    assert verdict_of(found, "(AB)^{-1}", "A^{-1} B^{-1}") not in GOOD


def test_n23_arrow_vectors_and_cross_products_are_not_scalars(tmp_path):
    found = verdicts(tmp_path, "# Vectors\n\n$$ \\vec{a} \\times \\vec{b} = \\vec{b} \\times "
                     "\\vec{a} $$\n\n$$ \\vec{a} \\times \\vec{a} = \\vec{a}^2 $$\n\n"
                     "$$ \\mathbf{a} \\times \\mathbf{b} = \\mathbf{b} \\times \\mathbf{a} $$\n")
    assert verdict_of(found, r"\vec{a} \times \vec{b}", r"\vec{b} \times \vec{a}") not in GOOD
    assert verdict_of(found, r"\vec{a} \times \vec{a}", r"\vec{a}^2") not in GOOD
    assert verdict_of(found, r"\mathbf{a} \times \mathbf{b}",
                      r"\mathbf{b} \times \mathbf{a}") not in GOOD


def test_n4_exact_decimal_arithmetic_is_exact(tmp_path):
    found = verdicts(tmp_path, "# R\n\n$$ 0.1 + 0.2 = 0.4 $$\n\n$$ 3 + 0.4 = 3.3 $$\n\n"
                     "$$ 1000000 = 999999.9 $$\n\n$$ 2 = 1.9 $$\n\n$$ \\frac{7}{10} = 0.6 $$\n\n"
                     "$$ 0.1 + 0.2 = 0.3 $$\n")
    for lhs, rhs in (("0.1 + 0.2", "0.4"), ("3 + 0.4", "3.3"), ("1000000", "999999.9"),
                     ("2", "1.9"), (r"\frac{7}{10}", "0.6")):
        assert verdict_of(found, lhs, rhs) == "refuted"
    assert verdict_of(found, "0.1 + 0.2", "0.3") == "proved"


def test_n5_a_rounded_decimal_is_within_half_a_unit(tmp_path):
    found = verdicts(tmp_path, "# Rounding\n\n$$ \\sqrt{2} = 1.5 $$\n\n$$ e = 2.8 $$\n\n"
                     "$$ \\pi \\approx 3.2 $$\n\n$$ \\frac{1}{3} = 0.3 $$\n\n$$ \\sqrt{2} = 1.41 $$\n")
    for lhs, rhs in ((r"\sqrt{2}", "1.5"), ("e", "2.8"), (r"\pi", "3.2")):
        assert verdict_of(found, lhs, rhs) not in GOOD
    assert verdict_of(found, r"\frac{1}{3}", "0.3") == "checked"
    assert verdict_of(found, r"\sqrt{2}", "1.41") == "checked"


def test_n26_ne_is_not_checked_by_one_witness(tmp_path):
    found = verdicts(tmp_path, "# Nonzero\n\nThe derivative of the square, $2x$, never vanishes: "
                     "$2x \\ne 0$.\n\n$$ (x - 1)^2 \\neq 0 $$\n\n$$ \\frac{d}{dx} x^3 \\ne 0 $$\n")
    assert verdict_of(found, "2x", "0") not in GOOD
    assert verdict_of(found, "(x - 1)^2", "0") not in GOOD
    assert verdict_of(found, r"\frac{d}{dx} x^3", "0") not in GOOD


CR1 = r"""<!-- symderive: assume \mathbf{A} matrix 2 3; assume x vector 3; assume s simplex 1; assume t onehot 1; assume n size; assume m index; assume W matrix 3 3; given W = W^{\top}; given \mathbf{A}\mathbf{A} = 0; given x^2 = 1; given s_1 = 2; given n = 0; given 1 = 2 -->
# X

$$ \mathbf{A}\mathbf{A} = \mathbf{A} $$

$$ x^2 = x^{\top} x $$

$$ \sum_{i=1}^{n} 1 = n $$

$$ 3 = 4 $$
"""


def test_n40_contradictory_givens_are_reported_not_a_checker_error(tmp_path):
    path = tmp_path / "cr1.md"
    path.write_text(CR1, encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=2.0, jobs=2))
    note = report.files[0]
    steps = {(s.lhs_latex.strip(), s.rhs_latex.strip()): s for e in note.equations for s in e.steps}
    assert steps[("3", "4")].verdict == "refuted"
    assert not any("AttributeError" in (s.reason or "") for s in steps.values())
    assert any("1 = 2 is false" in notice for notice in note.notices)
    assert any("n = 0 contradicts" in notice for notice in note.notices)
    assert "n = 0" not in (steps[(r"\sum_{i=1}^{n} 1", "n")].reason or "")


def test_n7_one_function_with_two_arities_is_skipped_quickly(tmp_path):
    import time

    started = time.monotonic()
    found = verdicts(tmp_path, "# U\n\n$$ g(x+y) = g(x, y) $$\n\n$$ g(x + 0, y) = g(x, y + 0, 0) $$\n")
    assert verdict_of(found, "g(x+y)", "g(x, y)") == "skipped"
    assert verdict_of(found, "g(x + 0, y)", "g(x, y + 0, 0)") == "skipped"
    assert time.monotonic() - started < 20


def test_n19_identical_steps_are_checked_once(tmp_path):
    import time

    line = "$$ (\\mathbf{A}\\mathbf{B})^{-1} = \\mathbf{B}^{-1}\\mathbf{A}^{-1} $$\n\n"
    started = time.monotonic()
    path = tmp_path / "p7.md"
    path.write_text(line * 6, encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=2.0, jobs=2))
    assert time.monotonic() - started < 15  # one step's budget, not six
    verdicts_seen = {s.verdict for e in report.files[0].equations for s in e.steps}
    assert len(verdicts_seen) == 1


def test_n28_a_file_has_a_checking_budget_reported(tmp_path, monkeypatch):
    from symderive.notes import check_notes

    monkeypatch.setattr(check_notes, "MAX_FILE_SECONDS", 8.0)  # two steps, two readings each
    text = "# B\n\n" + "\n".join(f"Let $a_{{{i}}} = {i}$. Then $a_{{{i}}} + 1 = {i + 1}$."
                                  for i in range(5))
    path = tmp_path / "big.md"
    path.write_text(text, encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=2.0, jobs=2))
    note = report.files[0]
    steps = [s for e in note.equations for s in e.steps if s.lhs_latex.strip().endswith("+ 1")]
    assert [s.verdict for s in steps[:2]] == ["proved", "proved"]
    assert all(s.verdict == "skipped" and "budget" in s.reason for s in steps[2:])
    assert any("checking budget" in notice for notice in note.notices)


def test_n31_a_claim_under_if_is_not_refuted_outside_it(tmp_path):
    found = verdicts(tmp_path, "# Cases\n\nIf $x = 1$, then $x^2 = x$.\n\n"
                     "When $n = 2$, we get $n^2 = 2n$.\n")
    assert verdict_of(found, "x^2", "x") != "refuted"
    assert verdict_of(found, "n^2", "2n") != "refuted"


def test_n32_stated_domains_are_not_violated_by_a_refutation(tmp_path):
    found = verdicts(tmp_path, "# Domains\n\nFor $x > 0$, $\\sqrt{x^2} = x$.\n\n"
                     "We have $|y| = y$ for $y \\ge 0$.\n\n"
                     "Let $\\sigma > 0$. Then $\\sqrt{\\sigma^2} = \\sigma$.\n\n"
                     "For $0 < a < 1$: $|a - 1| = 1 - a$.\n\n"
                     "Assume $t \\in (0, \\infty)$. Then $\\sqrt{t^2} = t$.\n")
    for lhs, rhs in ((r"\sqrt{x^2}", "x"), ("|y|", "y"), (r"\sqrt{\sigma^2}", r"\sigma"),
                     ("|a - 1|", "1 - a"), (r"\sqrt{t^2}", "t")):
        assert verdict_of(found, lhs, rhs) != "refuted", (lhs, rhs)


def test_n38_a_condition_inside_the_display_is_a_hypothesis(tmp_path):
    found = verdicts(tmp_path, "# C\n\n$$ x^2 = x \\quad \\text{if } x = 1 $$\n\n"
                     "$$ \\sqrt{x^2} = x \\qquad \\text{for } x \\ge 0 $$\n\n"
                     "$$ |x| = -x, \\quad x < 0 $$\n\n$$ y^2 = y $$\n")
    assert verdict_of(found, "x^2", "x") != "refuted"
    assert verdict_of(found, r"\sqrt{x^2}", "x") != "refuted"
    assert verdict_of(found, "|x|", "-x") != "refuted"
    assert verdict_of(found, "y^2", "y") == "refuted"  # no condition: still refuted


def test_n25_no_refutation_where_a_side_is_undefined(tmp_path):
    found = verdicts(tmp_path, "# Logs\n\n$$ \\log(xy) = \\log x + \\log y $$\n\n"
                     "$$ \\log x^2 = 2 \\log x $$\n")
    assert verdict_of(found, r"\log(xy)", r"\log x + \log y") != "refuted"
    assert verdict_of(found, r"\log x^2", r"2 \log x") != "refuted"


def test_n25_square_root_rule_not_refuted_at_negative_arguments(tmp_path):
    found = verdicts(tmp_path, "# Roots\n\n$$ \\sqrt{xy} = \\sqrt{x}\\sqrt{y} $$\n\n"
                     "$$ \\sqrt{x^2} = x $$\n")
    assert verdict_of(found, r"\sqrt{xy}", r"\sqrt{x}\sqrt{y}") != "refuted"
    assert verdict_of(found, r"\sqrt{x^2}", "x") == "refuted"  # defined at x < 0, and false


def test_n29_cross_entropy_not_refuted_where_the_log_is_undefined(tmp_path):
    found = verdicts(tmp_path, "# Softmax\n\nWith a one-hot label $\\mathbf{y}$ whose only "
                     "nonzero entry is $y_c = 1$, the cross-entropy is\n\n"
                     "$$ -\\sum_{j=1}^{q} y_j \\log \\hat{y}_j = -\\log \\hat{y}_c $$\n")
    assert verdict_of(found, r"-\sum_{j=1}^{q} y_j \log \hat{y}_j", r"-\log \hat{y}_c") != "refuted"


def test_n39_an_unbounded_index_is_not_checked_at_two_values(tmp_path):
    found = verdicts(tmp_path, "<!-- symderive: assume m index -->\n# X\n\n$$ m! = m $$\n\n"
                     "$$ m^2 = m $$\n\n$$ (m-1)(m-2) = 0 $$\n")
    for lhs, rhs in (("m!", "m"), ("m^2", "m"), ("(m-1)(m-2)", "0")):
        assert verdict_of(found, lhs, rhs) not in GOOD


def test_n24_a_step_defined_only_at_size_one_is_not_checked(tmp_path):
    found = verdicts(tmp_path, "# V\n\n$$ |\\mathbf{x}|^2 = \\mathbf{x}^{\\top}\\mathbf{x} $$\n")
    assert verdict_of(found, r"|\mathbf{x}|^2", r"\mathbf{x}^{\top}\mathbf{x}") not in GOOD


def test_n1_euler_formula_is_not_refuted(tmp_path):
    found = verdicts(tmp_path, "# Complex\n\nEuler's formula: $e^{i\\theta} = \\cos\\theta + "
                     "i\\sin\\theta$.\n")
    assert verdict_of(found, r"e^{i\theta}", r"\cos\theta + i\sin\theta") != "refuted"


def test_n2_standard_deviation_is_positive(tmp_path):
    found = verdicts(tmp_path, "# Normal\n\nThe density with standard deviation $\\sigma$ is\n\n"
                     "$$ \\frac{1}{\\sqrt{2\\pi\\sigma^2}} = \\frac{1}{\\sigma\\sqrt{2\\pi}} $$\n")
    assert verdict_of(found, r"\frac{1}{\sqrt{2\pi\sigma^2}}",
                      r"\frac{1}{\sigma\sqrt{2\pi}}") != "refuted"


def test_n3_log_base_two_is_not_refuted(tmp_path):
    found = verdicts(tmp_path, "# Entropy (bits)\n\nAll logarithms are base 2. A fair coin has "
                     "entropy\n\n$$ H = -\\frac{1}{2}\\log\\frac{1}{2} - \\frac{1}{2}\\log"
                     "\\frac{1}{2} = 1 $$\n")
    assert "refuted" not in {v for v, _ in found.values()}


def test_n11_pi_and_e_given_values_are_variables(tmp_path):
    found = verdicts(tmp_path, "# Policy\n\nLet the policy pick action 1 with probability "
                     "$\\pi = 0.3$. Then $1 - \\pi = 0.7$.\n\nLet the learning error be $e = 0.1$. "
                     "Then $e^2 = 0.01$.\n")
    assert verdict_of(found, r"1 - \pi", "0.7") != "refuted"
    assert verdict_of(found, "e^2", "0.01") != "refuted"


def test_n37_identity_matrix_is_not_refuted(tmp_path):
    found = verdicts(tmp_path, "# I\n\n$$ \\mathbf{A}\\mathbf{I} = \\mathbf{I}\\mathbf{A} $$\n\n"
                     "$$ \\mathbf{A}\\mathbf{I} = \\mathbf{A} $$\n")
    assert "refuted" not in {v for v, _ in found.values()}


def test_n18_kronecker_delta_is_not_refuted(tmp_path):
    found = verdicts(tmp_path, "# Increments\n\n$$ \\sum_{j=1}^{n} \\delta_{ij} x_j = x_i $$\n")
    assert "refuted" not in {v for v, _ in found.values()}


def test_n10_alternative_roots_are_not_refuted(tmp_path):
    found = verdicts(tmp_path, "# W\n\nThe roots satisfy $x^2 = x$, i.e. $x = 0$ or $x = 1$.\n")
    assert not [key for key, (verdict, _) in found.items()
                if verdict == "refuted" and key[1:] == ("x", "1")]
    assert verdict_of(found, "x^2", "x") not in ("refuted", "proved", "checked")


def test_n22_e_notation_is_a_number(tmp_path):
    found = verdicts(tmp_path, "# LR\n\n$$ 2.5e3 = 2500 $$\n\n$$ 1e-3 = 0.001 $$\n")
    assert verdict_of(found, "2.5e3", "2500") == "proved"
    assert verdict_of(found, "1e-3", "0.001") == "proved"


def test_n21_scientific_notation_is_checked_to_the_digits_written(tmp_path):
    found = verdicts(tmp_path, "# Numbers\n\n$$ \\frac{1}{3} \\times 10^{3} = 3.33 \\times 10^{2} $$"
                     "\n\n$$ \\frac{1}{3} \\times 10^{3} = 3.39 \\times 10^{2} $$\n")
    assert verdict_of(found, r"\frac{1}{3} \times 10^{3}", r"3.33 \times 10^{2}") == "checked"
    assert verdict_of(found, r"\frac{1}{3} \times 10^{3}", r"3.39 \times 10^{2}") == "refuted"


def test_n30_a_counterexample_outside_the_declared_onehot_is_not_a_refutation(tmp_path):
    found = verdicts(tmp_path, "<!-- symderive: assume p simplex 3; assume y onehot 3 -->\n# S\n\n"
                     "$$ -\\sum_{j=1}^{3} y_j \\log p_j = -\\log \\sum_{j=1}^{3} y_j p_j $$\n")
    assert verdict_of(found, r"-\sum_{j=1}^{3} y_j \log p_j",
                      r"-\log \sum_{j=1}^{3} y_j p_j") != "refuted"


def test_n13_sigma_bare_and_applied_is_not_refuted(tmp_path):
    found = verdicts(tmp_path, "# Scale\n\nThe noise has standard deviation $\\sigma$, so scaling "
                     "by $\\sigma$ gives\n\n$$ \\sigma(z_1 + z_2) = \\sigma z_1 + \\sigma z_2 $$\n")
    assert "refuted" not in {v for v, _ in found.values()}


def test_n17_g_bare_and_applied_is_not_refuted(tmp_path):
    found = verdicts(tmp_path, "# Physics\n\nWith gravity $g$ and heights $h_1, h_2$ the energy "
                     "difference is\n\n$$ E = mg(h_1 + h_2) $$\n\n$$ \\frac{E}{mg} = h_1 + h_2 $$\n")
    assert "refuted" not in {v for v, _ in found.values()}


def test_n35_a_function_named_e_is_not_refuted_as_an_expectation(tmp_path):
    found = verdicts(tmp_path, "# Energy\n\nLet the energy be $E(x) = x^2$. Then $E(3) = 9$.\n")
    assert "refuted" not in {v for v, _ in found.values()}


def test_n12_a_constant_named_in_words_is_not_random(tmp_path):
    found = verdicts(tmp_path, "# Expectation\n\nFor a constant $a$, $E[a] = a$. Hence\n\n"
                     "$$ E[aX + b] = aE[X] + b $$\n\n"
                     "$$ \\operatorname{Var}(aX + b) = a^2 \\operatorname{Var}(X) $$\n")
    assert "refuted" not in {v for v, _ in found.values()}


def test_n14_a_chain_rule_missing_a_path_is_not_checked(tmp_path):
    found = verdicts(tmp_path, "# Backprop\n\nLet $q = x + y$ and $p = x y$, and let the loss "
                     "$L(p, q)$ depend on both.\n\n$$ \\frac{\\partial L}{\\partial y} = "
                     "\\frac{\\partial L}{\\partial p}\\frac{\\partial p}{\\partial y} + "
                     "\\frac{\\partial L}{\\partial q}\\frac{\\partial q}{\\partial y} $$\n\n"
                     "$$ \\frac{\\partial L}{\\partial x} = \\frac{\\partial L}{\\partial q}"
                     "\\frac{\\partial q}{\\partial x} $$\n")
    assert verdict_of(found, r"\frac{\partial L}{\partial x}",
                      r"\frac{\partial L}{\partial q}\frac{\partial q}{\partial x}") not in GOOD
    assert verdict_of(found, r"\frac{\partial L}{\partial y}",
                      r"\frac{\partial L}{\partial p}\frac{\partial p}{\partial y} + "
                      r"\frac{\partial L}{\partial q}\frac{\partial q}{\partial y}") == "proved"  # for every L(p, q)
