r"""Limits in notes (round-2 finding R18): a two-sided limit that does not exist is named as
such, with both one-sided limits; a side written ∞ is named as infinite; a true limit is still
proved.  The one-sided limits in the reasons are compared with mpmath at points approaching
the limit from each side (an independent reference)."""

from __future__ import annotations

from pathlib import Path

import mpmath
import pytest

from symderive.notes.check_notes import NotesOptions, check_files


def equations(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return report.files[0].equations


def only_step(tmp_path: Path, latex: str):
    [equation] = equations(tmp_path, f"$$ {latex} $$\n")
    [step] = equation.steps
    return step


@pytest.mark.parametrize(
    ("latex", "function", "left", "right"),
    [
        (r"\lim_{x \to 0} \frac{|x|}{x} = 1", lambda x: abs(x) / x, "-1", "1"),
        (r"\lim_{x \to 0} \frac{\sqrt{x^2}}{x} = 1", lambda x: mpmath.sqrt(x**2) / x, "-1", "1"),
        (r"\lim_{h \to 0} \frac{\max(h, 0)}{h} = 1", lambda h: max(h, 0) / h, "0", "1"),
        (r"\lim_{x \to 0} e^{-1/x} = 0", lambda x: mpmath.exp(-1 / x), "oo", "0"),
    ],
)
def test_a_limit_whose_one_sided_limits_differ_is_undecided_naming_both(
    tmp_path, latex, function, left, right
):
    step = only_step(tmp_path, latex)
    assert step.verdict == "undecided"
    reason = step.outcome.reason
    assert "does not exist" in reason
    assert f"left-hand limit is {left}," in reason and f"right-hand limit {right} " in reason
    with mpmath.workdps(30):  # the one-sided values, approached from each side
        near = mpmath.mpf("1e-12")
        from_left, from_right = function(-near), function(near)
    expected = {"-1": -1, "0": 0, "1": 1}
    if left == "oo":
        assert from_left > 10**100
    else:
        assert abs(from_left - expected[left]) < 1e-9
    assert abs(from_right - expected[right]) < 1e-9


@pytest.mark.parametrize(
    "latex",
    [
        r"\lim_{x \to 0} \frac{\sin(a x)}{x} = a",
        r"\lim_{x \to \infty} \frac{a x + 1}{x} = a",
        r"\lim_{x \to 0} \frac{\sin x}{x} = 1",
    ],
)
def test_a_limit_that_exists_is_still_proved(tmp_path, latex):
    assert only_step(tmp_path, latex).verdict == "proved"


def test_a_wrong_value_of_an_existing_limit_is_refuted(tmp_path):
    step = only_step(tmp_path, r"\lim_{x \to 0} \frac{\sin(2 x)}{x} = 1")
    assert step.verdict == "refuted"


def test_a_side_written_infinity_is_named_infinite_not_undefined(tmp_path):
    step = only_step(tmp_path, r"\lim_{x \to 0} \frac{1}{x^2} = \infty")
    assert step.verdict == "skipped"
    assert "infinite" in step.reason and "log(0)" not in step.reason


def test_a_message_about_a_step_names_the_step_line_not_the_first(tmp_path):
    text = "# Limits\n\nSome words.\n\n" + "$$ \\lim_{h \\to 0} \\frac{f(x+h) - f(x)}{h} = f'(x) $$\n"
    [equation] = equations(tmp_path, text)
    assert equation.line == 5
    [step] = equation.steps
    assert step.verdict == "proved"  # the definition of the derivative, for every f
    assert "note.md:1" not in step.reason + (step.outcome.reason if step.outcome else "")


def test_a_limit_that_converges_for_some_parameters_only_is_not_checked(tmp_path):
    # x^n → 0 only for |x| < 1: at x = 2 it grows without bound, at x = 1 it stays 1
    step = only_step(tmp_path, r"\lim_{n \to \infty} x^n = 0")
    assert step.verdict not in ("proved", "checked")
    assert mpmath.power(2, 200) > 10**60 and mpmath.power(1, 200) == 1


def test_a_limit_with_a_parameter_that_always_converges_is_still_proved(tmp_path):
    step = only_step(tmp_path, r"\lim_{n \to \infty} \left(1 + \frac{a}{n}\right)^{n} = e^{a}")
    assert step.verdict == "proved"
