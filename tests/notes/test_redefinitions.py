r"""A second formula for a name already defined in its section (review round 4, C8) and example
values that must not enter a function's own parameters (C14).

The second formula is a claim about the first (a wrong one refuted, never used) unless the words
redefine the name (*let*, *define*, *instead*, *example*, *(ii)*, 새로, 다시 정의, 이라 하자); after
other words both readings are checked and a verdict stands only where they agree. The notes are
the review's; a refutation's counterexample is substituted back here with exact rationals.
"""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files

LOSS = "The loss is $l(y, \\hat{y}) = \\frac{1}{2}(y - \\hat{y})^2$.\n\n"
DERIVATIVE = "\n\nTherefore $\\frac{\\partial l}{\\partial \\hat{y}} = 2(\\hat{y} - y)$.\n"
WRONG = "$l(y, \\hat{y}) = (y - \\hat{y})^2$"


def sections(tmp_path: Path, bodies: list[str]) -> list[list[tuple[int, object]]]:
    """Check one note made of the bodies, each in its own section; the steps of each."""
    text = "".join(f"# S{k}\n\n{body}\n\n" for k, body in enumerate(bodies))
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    [file] = check_files([note], NotesOptions(budget_seconds=4.0, jobs=2)).files
    starts = [n for n, line in enumerate(text.split("\n"), 1) if line.startswith("# S")] + [10**9]
    found = [[] for _ in bodies]
    for equation in file.equations:
        for step in equation.steps:
            if step.verdict == "skipped":
                continue
            k = max(i for i, start in enumerate(starts) if start <= equation.line)
            found[k].append((equation.line, step))
    return found


def derivative_of_half_square(values: dict) -> Fraction:
    """∂/∂ŷ of ½(y − ŷ)² at the counterexample: ŷ − y (the first definition)."""
    return values["\\hat{y}"] - values["y"]


WORDS = [
    "That is, " + WRONG + ".",  # d2.md:23
    "Simplifying, " + WRONG + ".",  # d2:31
    "즉, " + WRONG + " 입니다.",  # d2:47
    "이를 계산하면 " + WRONG + " 을 얻습니다.",  # d2:55
    "Equivalently, " + WRONG + ".",  # d2:63
    "This shows " + WRONG + ".",  # d2:71
    "Rewriting: " + WRONG + ".",  # d2:79
    "Expanding, it follows that " + WRONG + ".",  # d1.md:7
    "정리하면 " + WRONG + " 이 됩니다.",  # d1:31
    "$$ l(y, \\hat{y}) = (y - \\hat{y})^2 $$",  # d1:23, a bare display
    "Which gives " + WRONG + ".",  # held in round 4
    "따라서 " + WRONG + " 입니다.",
]


def test_a_wrong_rederivation_is_refuted_and_never_used_whatever_the_words(tmp_path):
    # l = ½(y − ŷ)², so ∂l/∂ŷ = ŷ − y: both the second formula and 2(ŷ − y) are false
    found = sections(tmp_path, [LOSS + words + DERIVATIVE for words in WORDS])
    for words, steps in zip(WORDS, found):
        assert [step.verdict for _, step in steps] == ["refuted", "refuted"], words
        claim, derivative = steps[0][1], steps[1][1]
        assert all("\\frac{1}{2}" in used for used in claim.used + derivative.used), words
        values = {name: Fraction(v) for name, v in derivative.counterexample.values}
        assert derivative_of_half_square(values) != 2 * (values["\\hat{y}"] - values["y"])


ONE_LINE = [
    "Let $f(x) = x^2$. Let us expand: $f(x) = x^3$, so $f'(x) = 3x^2$.",  # d6.md:3
    "Let $f(x) = x^2$. Let's simplify: $f(x) = x^3$, so $f'(x) = 3x^2$.",  # d6:7
    "Let $f(x) = x^2$. Another way to write it is $f(x) = x^3$, so $f'(x) = 3x^2$.",  # d6:19
    "$f(x) = x^2$ 이라 하자. 이를 정리하면 $f(x) = x^3$ 이므로 $f'(x) = 3x^2$ 이다.",  # d6:23
    "Let $f(x) = x^2$. For this $f$, $f(x) = x^3$, so $f'(x) = 3x^2$.",
    "Let $f(x) = x^2$. Then, we get $f(x) = x^3$, so $f'(x) = 3x^2$.",
]


def test_let_us_and_another_way_do_not_redefine(tmp_path):
    found = sections(tmp_path, ONE_LINE)
    for text, steps in zip(ONE_LINE, found):
        assert [step.verdict for _, step in steps] == ["refuted", "refuted"], text
        derivative = steps[1][1]
        x = Fraction(dict(derivative.counterexample.values)["x"])
        assert 2 * x != 3 * x**2  # f = x², f' = 2x, not 3x²
        [used] = derivative.used
        assert used.startswith("f(x) = x^2 (defined, line "), text


REDEFINED = [
    "Let $f(x) = x^2$. Now let $f(x) = x^3$. Then $f'(x) = 3x^2$.",
    "Let $f(x) = x^2$. We define $f(x) = x^3$ instead. Then $f'(x) = 3x^2$.",
    "$f(x) = x^2$ 이라 하자. 이제 $f(x) = x^3$ 이라 하자. 그러면 $f'(x) = 3x^2$ 이다.",
    "$f(x) = x^2$ 이라 하자. 새로 $f(x) = x^3$ 으로 두면 $f'(x) = 3x^2$ 이다.",
]


def test_an_explicit_redefinition_is_used_from_its_line_on(tmp_path):
    found = sections(tmp_path, REDEFINED)
    for text, steps in zip(REDEFINED, found):
        assert [step.verdict for _, step in steps] == ["proved"], text
        [used] = steps[0][1].used
        assert used.startswith("f(x) = x^3 (defined, line "), text


EXAMPLE_WORDS = [
    # *example*, *instead* as often refer back to an example as start one (round 5, C2)
    "Let $f(x) = x^2$. For example, $f(x) = x^3$ gives $f'(x) = 3x^2$.",
    "Let $f(x) = x^2$. In this example, $f(x) = x^3$, so $f'(x) = 3x^2$.",
    "Let $f(x) = x^2$. Returning to our example, $f(x) = x^3$, so $f'(x) = 3x^2$.",
    "Let $f(x) = x^2$. Instead of the square, $f(x) = x^3$, so $f'(x) = 3x^2$.",
]


def test_example_and_instead_leave_the_use_undecided(tmp_path):
    found = sections(tmp_path, EXAMPLE_WORDS)
    for text, steps in zip(EXAMPLE_WORDS, found):
        assert steps[-1][1].verdict == "undecided", text


UNDECIDED_WORDS = [
    "Consider the case $f(x) = x^3$. So $f'(x) = 2x$.",  # d1.md:45
    "We can write $f(x) = x^3$. So $f'(x) = 2x$.",
    "Now another function: $f(x) = x^3$. So $f'(x) = 2x$.",
]


def test_other_words_leave_the_use_undecided_when_the_readings_disagree(tmp_path):
    # f' = 2x holds for the first f = x² and fails for f = x³: the text does not say which
    found = sections(tmp_path, ["Let $f(x) = x^2$.\n\n" + text for text in UNDECIDED_WORDS])
    for text, steps in zip(UNDECIDED_WORDS, found):
        assert [step.verdict for _, step in steps] == ["undecided", "undecided"], text
        reason = steps[1][1].reason
        second, first = (int(n) for n in re.search(
            r"line (\d+) gives f a second formula after line (\d+)", reason).groups())
        assert second == steps[1][0] and first == second - 2, text
        assert f"with line {second}'s this step is refuted, with line {first}'s it holds" in reason


def test_both_readings_agreeing_decide(tmp_path):
    # (x + 1)² and x² + 2x + 1 are the same function: whichever is meant, f' = 2x + 2
    texts = [
        "Let $f(x) = (x + 1)^2$.\n\nConsider $f(x) = x^2 + 2x + 1$. So $f'(x) = 2x + 2$.",
        "Let $f(x) = (x + 1)^2$.\n\nConsider $f(x) = x^2 + 2x + 1$. So $f'(x) = 2x$.",
    ]
    found = sections(tmp_path, texts)
    assert [step.verdict for _, step in found[0]] == ["proved", "proved"]
    assert [step.verdict for _, step in found[1]] == ["proved", "refuted"]


def test_an_unchanged_second_definition_is_no_dispute(tmp_path):
    # d2l's chain rule: y = f(g(x)), then "the underlying functions y = f(u) and u = g(x)"
    text = (
        "Suppose that $y = f(g(x))$ and that the underlying functions $y=f(u)$ and $u=g(x)$ "
        "are both differentiable. The chain rule states that\n\n"
        "$$\\frac{dy}{dx} = \\frac{dy}{du} \\frac{du}{dx}.$$"
    )
    [steps] = sections(tmp_path, [text])
    assert [step.verdict for _, step in steps] == ["proved"]


# C14: example values never enter a function's own parameters, sums' or integrals' variables

BOUND = [
    ("Let $x = 5$. Let $h(x, y) = x y$.\n\n"
     "$$ \\nabla h (1, 2) = \\begin{bmatrix} 2 \\\\ 1 \\end{bmatrix} $$", ["proved"]),  # gr1.md:21
    ("Let $x = 5$. Let $h(x, y) = x y$.\n\n"
     "$$ \\nabla h (1, 2) = \\begin{bmatrix} 5 \\\\ 1 \\end{bmatrix} $$", ["refuted"]),
    ("Let $y = x^2$. Let $h(x, y) = x y$.\n\n"
     "$$ \\nabla h (1, 2) = \\begin{bmatrix} 2 \\\\ 1 \\end{bmatrix} $$", ["proved"]),
    ("Let $i = 3$.\n\n$$ \\sum_{i=1}^{4} i = 10 $$", ["proved"]),
    ("Let $x = 2$.\n\n$$ \\int_0^1 x^2 \\, dx = \\frac{1}{3} $$", ["proved"]),
    ("Let $t = 4$.\n\n$$ \\int_0^1 x t \\, dx = 2 $$", ["proved"]),  # t is free: t = 4 used
    ("Let $k = 2$. Let $g(n) = \\sum_{k=1}^{n} k^2$.\n\n$$ g(3) = 14 $$", ["proved"]),
    ("Let $x = 5$. Let $f(x) = x^2$.\n\n$$ f(3) = 9 $$", ["proved"]),
    ("Let $x = 5$. Let $f(x) = x^2$.\n\n$$ f(3) = 25 $$", ["refuted"]),
]


def test_example_values_never_enter_bound_letters(tmp_path):
    found = sections(tmp_path, [text for text, _ in BOUND])
    for (text, expected), steps in zip(BOUND, found):
        assert [step.verdict for _, step in steps] == expected, text
        if expected == ["proved"]:
            assert not any("example value" in used for used in steps[0][1].used
                           if "t = 4" not in used), text


# C30: a letter the prose says varies is not a constant, also inside a defined name

VARYING = [
    "The kinetic energy is $K = \\frac{1}{2} m v^2$ where $v$ depends on $t$.\n\n"
    "$$ \\frac{dK}{dt} = 0 $$",  # q2.md:15
    "Let $K = \\frac{1}{2} m v^2$, where the speed $v$ changes with time $t$.\n\n"
    "$$ \\frac{dK}{dt} = 0 $$",  # q3.md:11
    "$K = \\frac{1}{2} m v^2$ 이고 $v$는 $t$에 따라 변한다.\n\n$$ \\frac{dK}{dt} = 0 $$",  # q3:23
    "Here $C$ is a function of $x$. Then $\\frac{d}{dx}[C x] = C$.",  # q4.md:3
    "$C$는 $x$에 의존한다. 따라서 $\\frac{d}{dx}[C x] = C$ 이다.",  # q4:7
]


def test_a_varying_letter_inside_a_definition_is_never_differentiated_as_a_constant(tmp_path):
    # dK/dt = m v dv/dt and d(Cx)/dx = C'x + C: "0" and "C" are false, never proved
    found = sections(tmp_path, VARYING)
    for text, steps in zip(VARYING, found):
        assert not steps, (text, [step.verdict for _, step in steps])  # skipped, not proved


def test_a_formula_after_values_of_a_label_defines_the_function(tmp_path):
    # seeds 000: H(x) = 0.693 for a coin (a label), then the general H(x) = −Σ p log p, then the
    # same sum rearranged, which is proved against it
    text = (
        "$H(x) = -(\\frac{1}{2}\\log\\frac{1}{2} + \\frac{1}{2}\\log\\frac{1}{2})$ for a coin.\n\n"
        "즉, 엔트로피가 더 높은 것이죠.\n$$\nH(x)=-\\sum_{i=1}^{n} p(x_i) \\log{p(x_i)}\n$$\n\n"
        "$$\nH(x)=\\sum_{i=1}^{n} p(x_i) \\left( -\\log{p(x_i)} \\right)\n$$"
    )
    [steps] = sections(tmp_path, [text])
    assert [step.verdict for _, step in steps] == ["proved"]
    assert "-\\sum_{i=1}^{n} p(x_i)" in steps[0][1].used[0]
