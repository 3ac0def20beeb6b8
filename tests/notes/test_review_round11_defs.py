r"""Review round 11a, F24, F27, F19: a formula the note does not mean as a definition is never
substituted as one.

* ``y^{(3)} = 6y`` after ``y = e^{2x}`` ("Differentiating three times"), ``u_x = 3xt`` after
  ``u = x^2 t`` ("The partial derivatives are"), ``g = 2w`` after ``L = w^3`` ("the gradient
  is"): claims about a derivative of a defined name, not definitions of fresh names — a step
  using them is undecided, never proved on the wrong derivative (y''' = 8y, u_x = 2xt, g = 3w²).
* ``f(x + ε) = g(x + ε) + h(x + ε)`` after "Then", with f = x² in force: a claim about f
  (refuted), not a silent redefinition; *in what follows* still redefines.
* ``m_t = β m_{t-1} + (1 − β) g_t`` with ``m_0 = 0``: a recurrence, not a closed form in a free
  m_{t−1}; the true unrolled formula is never refuted with m_0 = −1.
"""

from __future__ import annotations

from pathlib import Path

from symderive.notes.check_notes import NotesOptions, check_files


def verdicts(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=6.0, jobs=1)).files[0]
    return [(equation.line, step.verdict) for equation in report.equations
            for step in equation.steps if step.verdict != "skipped"]  # fmt: skip


def test_a_wrong_third_derivative_is_no_definition_of_y3(tmp_path):
    # y = e^{2x}: y''' = 8y, so y''' + y = 9y, not 7y
    text = ("# D\n\nLet $y = e^{2x}$. Differentiating three times, $y^{(3)} = 6 y$. "
            "Hence $y^{(3)} + y = 7 y$.\n")
    assert "proved" not in dict(verdicts(tmp_path, text)).values()


def test_a_right_third_derivative_is_not_refuted_and_a_fresh_name_still_defines(tmp_path):
    right = ("# D\n\nLet $y = e^{2x}$. Differentiating three times, $y^{(3)} = 8 y$. "
             "Hence $y^{(3)} + y = 9 y$.\n")
    assert "refuted" not in dict(verdicts(tmp_path, right)).values()
    fresh = "# D\n\nLet $y = e^{2x}$ and $z = 8 y$. Hence $z + y = 9 y$.\n"
    assert verdicts(tmp_path, fresh) == [(3, "proved")]


def test_a_label_on_an_undefined_name_is_still_a_name(tmp_path):
    text = "# Data\n\nThe first label is $y^{(1)} = 3$, so $y^{(1)} + 1 = 4$.\n"
    assert verdicts(tmp_path, text) == [(3, "proved")]


def test_wrong_partial_derivatives_in_subscripts_are_not_definitions(tmp_path):
    # u = x^2 t: u_x = 2xt, so u_t - u_x = x^2 - 2xt, not x^2 - 3xt
    for words in ("The partial derivatives are", "Differentiating, we get"):
        text = (f"# PDE\n\nLet $u = x^2 t$. {words} $u_x = 3 x t$ and $u_t = x^2$, so "
                "$u_t - u_x = x^2 - 3xt$.\n")
        assert "proved" not in dict(verdicts(tmp_path, text)).values(), words
    korean = ("# PDE\n\n$u = x^2 t$ 의 편미분은 $u_x = 3xt$ 이고 $u_t = x^2$ 이므로 "
              "$u_t - u_x = x^2 - 3xt$ 이다.\n")
    assert "proved" not in dict(verdicts(tmp_path, korean)).values()


def test_a_partial_derivative_written_as_such_is_proved(tmp_path):
    text = "# PDE\n\nLet $u = x^2 t$. Then $\\frac{\\partial u}{\\partial x} = 2 x t$.\n"
    assert verdicts(tmp_path, text) == [(3, "proved")]


def test_a_wrong_gradient_named_in_words_is_not_a_definition(tmp_path):
    # L = w^3: the gradient is 3w^2, so one step is w - 3ηw^2, not w - 2ηw
    for words in ("the gradient is", "the derivative is", "the gradient of $L$ with respect to "
                  "$w$ is", "the gradient:"):
        text = (f"# GD\n\nFor the loss $L = w^3$ {words} $g = 2w$, so one step of gradient "
                "descent gives $w - \\eta g = w - 2\\eta w$.\n")
        assert "proved" not in dict(verdicts(tmp_path, text)).values(), words


def test_a_gradient_written_as_a_derivative_is_a_definition(tmp_path):
    text = ("# GD\n\nFor the loss $L = w^3$ the gradient is $g = \\frac{dL}{dw}$.\n\n"
            "Hence $g - 3 w^2 = 0$.\n")
    assert verdicts(tmp_path, text) == [(5, "proved")]


SHIFT = ("# Shift\n\nLet $f(x) = x^2$, $g(x) = {g}$ and $h(x) = {h}$. {words}\n\n"
         "$$ f(x + \\epsilon) = g(x + \\epsilon) + h(x + \\epsilon) $$\n\nHence\n\n"
         "$$ \\frac{{df}}{{dx}}(x) = \\frac{{dg}}{{dx}}(x) + \\frac{{dh}}{{dx}}(x) = {slope} $$\n")


def test_a_false_shifted_argument_equation_after_then_is_refuted_not_a_redefinition(tmp_path):
    # (x + ε)^2 ≠ 2(x + ε), and f'(x) = 2x ≠ g' + h' = 2
    for words in ("Then", "So", "Therefore", "We have"):
        text = SHIFT.format(g="x", h="x", words=words, slope="2")
        found = verdicts(tmp_path, text)
        assert found[:2] == [(5, "refuted"), (9, "refuted")], (words, found)


def test_a_true_shifted_argument_equation_after_then_is_proved(tmp_path):
    text = SHIFT.format(g="x^2/2", h="x^2/2", words="Then", slope="2x")
    assert verdicts(tmp_path, text) == [(5, "proved"), (9, "proved"), (9, "proved")]


def test_in_what_follows_still_redefines_f_at_a_shifted_argument(tmp_path):
    text = SHIFT.format(g="x", h="x", words="In what follows,", slope="2")
    assert verdicts(tmp_path, text) == [(9, "proved"), (9, "proved")]


ADAM = (
    "# Adam\n\nThe first moment is an exponential moving average "
    "$m_t = \\beta m_{t-1} + (1 - \\beta) g_t$ with $m_0 = 0$.\n"
    "Unrolling it for a constant gradient $g_t = g$,\n\n"
    "$$ m_t = (1 - \\beta) \\sum_{k=1}^{t} \\beta^{t-k} g = (1 - \\beta^t) g $$\n\n"
    "so the bias-corrected estimate is $\\hat m_t = \\frac{m_t}{1 - \\beta^t} = g$.\n"
)


def test_a_recurrence_is_no_closed_form_so_the_unrolled_adam_moment_is_not_refuted(tmp_path):
    found = verdicts(tmp_path, ADAM)
    assert "refuted" not in dict(found).values() and "refuted" not in [v for _, v in found]
    assert (6, "proved") in found  # (1 - β) Σ β^{t-k} g = (1 - β^t) g holds on its own


def test_newton_style_recurrence_is_no_definition(tmp_path):
    text = "# N\n\nLet $x_{n+1} = x_n - 1$ and $x_0 = 5$. Then $x_{n+1} = 2 x_n$.\n"
    assert "proved" not in [v for _, v in verdicts(tmp_path, text)]


def test_a_closed_form_moment_is_a_definition(tmp_path):
    text = "# Adam\n\nLet $m_t = (1 - \\beta^t) g$. Then $\\frac{m_t}{1 - \\beta^t} = g$.\n"
    assert verdicts(tmp_path, text) == [(3, "proved")]


def test_consider_after_an_example_f_still_defines_f_at_a_shifted_argument(tmp_path):
    # d2l: an example f(x) = log(1 + (x-1)^10) earlier in the section, then "For the sum rule,
    # consider" f(x+ε) = g(x+ε) + h(x+ε): a new, general f — the sum rule is proved
    text = ("# Rules\n\nWe differentiate $f(x) = \\log(1 + x^2)$ later.\n\n"
            "For the sum rule, consider\n\n$$ f(x+\\epsilon) = g(x+\\epsilon) + h(x+\\epsilon) $$\n\n"
            "so $\\frac{df}{dx}(x) = \\frac{dg}{dx}(x) + \\frac{dh}{dx}(x)$.\n")
    assert verdicts(tmp_path, text) == [(9, "proved")]


def test_a_slope_given_as_a_number_is_an_example_value(tmp_path):
    text = "# S\n\nLet $y = x^2$. At the point the slope is $m = 2$, so $m + 1 = 3$.\n"
    assert verdicts(tmp_path, text) == [(3, "proved")]
