"""Findings of the fifth adversarial review (/work/findings/round5.md), each as the note the
reviewer wrote: the verdict it must (not) get."""

from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files


def steps_of(tmp_path: Path, text: str) -> list:
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=2))
    return [step for equation in report.files[0].equations for step in equation.steps]


@pytest.mark.parametrize(
    "display",
    [
        r"\frac{d}{dx} x^2 = 2 \quad \text{at } x = 1",  # C1: (x²)' = 2 at x = 1 is true
        r"\frac{d}{dx} \sin x = 1 \quad \text{at } x = 0",
        r"\frac{d}{dx} e^{x} = e \quad \text{at } x = 1",
        r"\frac{d}{dx} x^2 = 2, \quad x = 1",
    ],
)
def test_a_point_written_after_the_claim_is_never_ignored_by_a_refutation(tmp_path, display):
    [step] = steps_of(tmp_path, f"$$ {display} $$\n")
    assert step.verdict != "refuted"


def test_a_wrong_claim_at_a_written_point_is_not_proved(tmp_path):
    [step] = steps_of(tmp_path, "$$ \\frac{d}{dx} x^2 = 3 \\quad \\text{at } x = 1 $$\n")
    assert step.verdict not in ("proved", "checked")


def test_a_squared_greek_name_defined_in_prose_is_not_refuted_as_free(tmp_path):
    # C9 (round 4 C29 one step away): rho is sampled freely although rho^2 = a^2 + b^2
    [step] = steps_of(tmp_path, "Let $\\rho^2 = a^2 + b^2$.\n\n$$ \\rho^2 - a^2 = b^2 $$\n")
    assert step.verdict != "refuted"


def test_a_two_term_case_against_the_stated_entries_is_not_proved(tmp_path):
    # C15 (round 4 C21 one step away): p(x_2) = 1 - y is stated, the last term uses 1 - t
    text = ("The cross-entropy is $H(x) = -\\sum_{i=1}^{n} q(x_i)\\log p(x_i)$.\n\n"
            "Take two outcomes with $q(x_1) = t$, $q(x_2) = 1 - t$, $p(x_1) = y$ and "
            "$p(x_2) = 1 - y$. Then $H(x) = -t\\log y - (1-t)\\log(1 - t)$.\n")
    assert all(step.verdict != "proved" for step in steps_of(tmp_path, text))


@pytest.mark.parametrize(
    "sentence",
    [
        "$X$와 $Y$가 독립이면 $H(X, Y) = H(X) + H(Y)$ 이고, 그렇지 않으면 $H(X \\mid Y) = H(X)$ 이다.",
        "$X$와 $Y$가 독립이면 $H(X, Y) = H(X) + H(Y)$ 이고, 아니면 $I(X; Y) = 0$ 이다.",
        "$X$와 $Y$가 독립이면 $H(X, Y) = H(X) + H(Y)$ 이지만, 일반적으로는 $I(X; Y) = 0$ 이다.",
        "When $X$ and $Y$ are independent, $H(X, Y) = H(X) + H(Y)$, and else $I(X; Y) = 0$.",
    ],
)
def test_the_other_case_does_not_inherit_the_independence(tmp_path, sentence):
    # C8: the second claim is about dependent X, Y, where it is false (X = Y a fair coin)
    steps = steps_of(tmp_path, "This note is about entropy.\n\n" + sentence + "\n")
    assert steps[0].verdict == "proved"
    assert steps[-1].verdict != "proved"


@pytest.mark.parametrize(
    "prose",
    [
        "The kinetic energy is $K = \\frac{1}{2} m v^2$, and the velocity $v$ is time-dependent.",
        "The kinetic energy is $K = \\frac{1}{2} m v^2$ with $v = v(t)$.",
        "$K = \\frac{1}{2} m v^2$ 이고 속도 $v$는 시간 $t$의 함수이다.",
    ],
)
def test_energy_written_in_a_varying_speed_is_not_constant(tmp_path, prose):
    # C10: dK/dt = m v v'(t), not 0
    [step] = steps_of(tmp_path, prose + "\n\n$$ \\frac{dK}{dt} = 0 $$\n")
    assert step.verdict not in ("proved", "checked")


def test_products_of_functions_of_s_are_not_constant(tmp_path):
    text = "Let $P = a b$, where $a$ and $b$ are functions of $s$.\n\n$$ \\frac{dP}{ds} = 0 $$\n"
    [step] = steps_of(tmp_path, text)
    assert step.verdict not in ("proved", "checked")


def test_a_ternary_variable_bounds_its_entropy_by_log_3(tmp_path):
    # C13: the counterexample on four outcomes is outside the stated alphabet
    text = ("This note is about entropy.\n\n"
            "Let $X$ be a ternary random variable. Then $H(X) \\le \\log 3$.\n")
    [step] = steps_of(tmp_path, text)
    assert step.verdict != "refuted"
