"""Findings of the round-8b adversarial review (/work/findings/round8b.md), each as the note
the reviewer wrote: e described as a quantity (an eccentricity between 0 and 1) is not Euler's
number (K5); complex in other words — a root of unity, an eigenvalue, a root of t² + 1 (K7);
a check on instances says nothing about a class the note states, periodic or constant (K6);
the rare outcomes a claim's constants name include constants written without digits, e^{23}
(K3); a bound whose slack still falls at the far edge of the search is not checked (K1)."""

from pathlib import Path

import mpmath
import pytest

from symderive.notes.check_notes import NotesOptions, check_files

pytestmark = pytest.mark.slow


def steps_by_line(tmp_path: Path, text: str) -> dict:
    """line -> the steps written on it (in order)."""
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=4.0, jobs=1))
    found: dict = {}
    for equation in report.files[0].equations:
        for step in equation.steps:
            found.setdefault(equation.line, []).append(step)
    return found


def verdict(found: dict, line: int) -> str:
    return found[line][0].verdict


def test_an_eccentricity_e_between_0_and_1_is_not_eulers_number(tmp_path):
    found = steps_by_line(tmp_path, (
        "The eccentricity $e$ of an elliptic orbit satisfies $0 \\le e < 1$.\n\n"
        "$$ \\ln e = 1 $$\n\n$$ e^2 > 7 $$\n"))
    assert verdict(found, 3) == "undecided" and verdict(found, 5) == "undecided"
    assert "not Euler's number" in found[3][0].reason


def test_eulers_number_named_as_such_stays_eulers_number(tmp_path):
    found = steps_by_line(tmp_path, (
        "Using base $e$ logarithms.\n\n$$ \\ln e = 1 $$\n\nThe number $e$ is special.\n\n"
        "$$ e^2 > 7 $$\n"))
    assert mpmath.e**2 > 7
    assert verdict(found, 3) == "proved" and verdict(found, 7) == "checked"


@pytest.mark.parametrize("words", [
    "Let $\\omega$ be a primitive cube root of unity.",
    "Let $\\omega$ be an eigenvalue of the rotation matrix $R$.",
    "Let $\\omega$ be a root of $t^2 + 1 = 0$.",
])
def test_complex_in_other_words_is_not_read_as_real(tmp_path, words):
    # at ω = i: |ω|² = 1 but ω² = -1, so the claim is false for the number the note means
    assert abs(mpmath.mpc(0, 1)) ** 2 != mpmath.mpc(0, 1) ** 2
    found = steps_by_line(tmp_path, f"{words}\n\n$$ |\\omega|^2 = \\omega^2 $$\n")
    assert verdict(found, 3) == "undecided"


def test_a_square_root_of_x_is_not_complex(tmp_path):
    found = steps_by_line(tmp_path, (
        "Let $y$ be the square root of $x$.\n\n$$ (a+b)^2 = a^2 + 2ab + b^2 $$\n"))
    assert verdict(found, 3) == "proved"


@pytest.mark.parametrize("words, claim", [
    ("Let $s$ be a periodic function with period $1$.", "s(1) \\ne s(0)"),
    ("Let $k$ be a constant function.", "k(2) \\ne k(1)"),
])
def test_a_check_on_instances_is_not_a_check_of_the_class_the_note_states(tmp_path, words,
                                                                          claim):
    # false for every function of the class: s(1) = s(0) for period 1, k(2) = k(1) for constants
    found = steps_by_line(tmp_path, f"{words}\n\n$$ {claim} $$\n")
    assert verdict(found, 3) == "undecided"


@pytest.mark.parametrize("constant", ["e^{23}", "\\pi^{20}", "\\exp(30)"])
def test_a_variance_bound_with_a_large_constant_without_digits_is_refuted(tmp_path, constant):
    # Bernoulli(ε): Var = ε(1-ε), E|X|² = ε², so the bound Var <= C E|X|² fails for ε < 1/(C+1)
    found = steps_by_line(tmp_path, (
        f"Let $X$ be a random variable.\n\n$$ \\mathrm{{Var}}(X) \\le {constant} \\, "
        "E[|X|]^2 $$\n"))
    step = found[3][0]
    assert step.verdict == "refuted"
    law = dict(step.counterexample.values)["P(outcome)"].strip("[]").split(",")
    eps = mpmath.mpf(mpmath.fraction(*map(int, law[1].strip().split("/"))))
    big = {"e^{23}": mpmath.e**23, "\\pi^{20}": mpmath.pi**20, "\\exp(30)": mpmath.e**30}[constant]
    assert eps * (1 - eps) > big * eps**2


@pytest.mark.parametrize("bound", ["\\ln n < 14", "\\sqrt{n} \\le 1001"])
def test_a_bound_failing_only_beyond_the_search_is_not_checked(tmp_path, bound):
    # ln n < 14 fails for n >= e^14 ≈ 1.2·10^6; √n <= 1001 fails for n > 1002001
    found = steps_by_line(tmp_path, f"For every positive integer $n$,\n$$ {bound} . $$\n")
    assert verdict(found, 2) in ("undecided", "refuted")


def test_two_cases_each_with_its_condition_after_its_display(tmp_path):
    # √(x²) = |x|: x for x > 0, -x for x < 0; neither display is refuted outside its case
    found = steps_by_line(tmp_path, (
        "$$ \\sqrt{x^2} = x $$\nfor $x > 0$, while\n$$ \\sqrt{x^2} = -x $$\nfor $x < 0$.\n"))
    assert verdict(found, 1) == "proved"
    assert verdict(found, 3) != "refuted"


def test_two_cases_in_korean(tmp_path):
    found = steps_by_line(tmp_path, (
        "$$ \\sqrt{x^2} = x $$\n여기서 $x > 0$ 이고, 반대로\n$$ \\sqrt{x^2} = -x $$\n"
        "여기서 $x < 0$ 이다.\n"))
    assert verdict(found, 1) == "proved"
    assert verdict(found, 3) != "refuted"


def test_a_lead_in_condition_still_belongs_to_the_display_after_it(tmp_path):
    # "for x > 0, we have" introduces the next display: √(x²) = -x is false there
    found = steps_by_line(tmp_path, (
        "$$ (a+b)^2 = a^2 + 2ab + b^2 $$\nfor $x > 0$, we have\n$$ \\sqrt{x^2} = -x $$\n"))
    assert verdict(found, 3) == "refuted"


@pytest.mark.parametrize("words", [
    "Let $a$ be a number between $0$ and $1$.",
    "Let $a$ lie in the unit interval.",
    "Let $a$ be a proportion.",
    "Let $a$ denote the fraction of users who click.",
    "Let $a$ be the success rate of the test.",
])
def test_a_bound_in_words_makes_a_refutation_outside_it_undecided(tmp_path, words):
    # a² <= a holds on [0, 1], where each wording puts a; -17/3 is not a fraction
    found = steps_by_line(tmp_path, f"{words}\n\n$$ a^2 \\le a $$\n")
    assert verdict(found, 3) == "undecided"


def test_a_false_claim_about_a_plainly_described_name_is_still_refuted(tmp_path):
    found = steps_by_line(tmp_path, "Let $a$ be the input.\n\n$$ a^2 \\le a $$\n")
    assert verdict(found, 3) == "refuted"


# -- round 8c, one step away from the fixes above ------------------------------------------------

def test_a_primitive_cube_root_of_1_is_complex(tmp_path):
    # ζ = e^{2πi/3}: |ζ|² = 1, ζ² = e^{4πi/3}
    zeta = mpmath.exp(2j * mpmath.pi / 3)
    assert abs(abs(zeta) ** 2 - zeta**2) > 1
    found = steps_by_line(tmp_path, (
        "Let $\\zeta$ be a primitive cube root of $1$.\n\n$$ |\\zeta|^2 = \\zeta^2 $$\n"))
    assert verdict(found, 3) == "undecided"


def test_e_denied_to_be_eulers_number_is_a_letter(tmp_path):
    found = steps_by_line(tmp_path, (
        "Here $e$ is the elementary charge, not Euler's number.\n\n$$ \\ln e = 1 $$\n"))
    assert verdict(found, 3) == "undecided"


@pytest.mark.parametrize("words", [
    "The angle $\\theta$ evolves in time.",
    "Let $\\theta$ be a function of time.",
    "각 $\\theta$는 시간에 따라 변한다.",
])
def test_a_letter_said_to_change_in_time_is_not_a_constant(tmp_path, words):
    # d/dt sin θ = cos θ · θ'(t), not 0 for θ = t
    found = steps_by_line(tmp_path, f"{words}\n\n$$ \\frac{{d}}{{dt}} \\sin\\theta = 0 $$\n")
    assert verdict(found, 3) != "proved"


def test_now_let_n_vary_ends_the_example_value(tmp_path):
    # 2^n = 2n holds at n = 2 (the example) and fails at n = 3
    assert 2**3 != 2 * 3
    found = steps_by_line(tmp_path, (
        "Let $n = 2$. Then $2^n = 4$. Now let $n$ vary.\n\n$$ 2^n = 2n $$\n"))
    assert verdict(found, 3) != "proved"


def test_a_constant_written_as_cosh_names_its_rare_probability(tmp_path):
    found = steps_by_line(tmp_path, (
        "Let $Z$ be a random variable.\n\n$$ \\mathrm{Var}(Z) \\le \\cosh(40) \\, E[|Z|]^2 $$\n"))
    step = found[3][0]
    assert step.verdict == "refuted"
    law = dict(step.counterexample.values)["P(outcome)"].strip("[]").split(",")
    p, q = map(int, law[1].strip().split("/"))
    with mpmath.workdps(50):  # ε is 1/cosh(40) rounded: the bound fails by a hair
        eps = mpmath.mpf(p) / q
        assert eps * (1 - eps) > mpmath.cosh(40) * eps**2


def test_a_bound_in_seven_variables_is_not_checked_without_its_worst_point(tmp_path):
    # x_1 ⋯ x_7 <= 10^6 fails at x_i = 10 (10^7)
    found = steps_by_line(tmp_path, (
        "For all real numbers $x_1, \\dots, x_7$,\n\n"
        "$$ x_1 x_2 x_3 x_4 x_5 x_6 x_7 \\le 10^{6} $$\n"))
    assert verdict(found, 3) != "checked"


def test_several_matrices_declared_in_one_set_are_all_matrices(tmp_path):
    # AB = BA fails for the 2×2 nilpotent pair A = E_12, B = E_21
    a, b = mpmath.matrix([[0, 1], [0, 0]]), mpmath.matrix([[0, 0], [1, 0]])
    assert a * b != b * a
    found = steps_by_line(tmp_path, "Let $A, B \\in \\mathbb{R}^{n \\times n}$.\n\n$$ A B = B A $$\n")
    assert verdict(found, 3) == "refuted"


def test_there_is_no_c_with_denies_the_formula_that_follows(tmp_path):
    # x² = x² + c² + 1 has no real solution c: the note says so, it does not claim the equation
    found = steps_by_line(tmp_path, (
        "For every $x$ there is no $c$ with\n\n$$x^2 = x^2 + c^2 + 1$$\n"))
    assert verdict(found, 3) != "refuted"


def test_a_joint_naming_the_other_case_with_a_formula_keeps_the_condition(tmp_path):
    found = steps_by_line(tmp_path, (
        "# Cases\n\n$$|x| = x$$\n\nfor $x > 0$, while for negative $x$ we get\n\n$$|x| = -x$$\n"))
    assert verdict(found, 3) == "proved"
    assert verdict(found, 7) != "refuted"
