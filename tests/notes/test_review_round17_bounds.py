r"""Round 17 F18, F20, F26, F28: a bound variable, or a value outside the real domain, slips in.

* F20: an evaluation bar ``\left. x^2 \right|_{x=1}``, ``x^2 \Big|_{x=1}``, ``\bigg|_{t=0}``
  binds its variable: the bar's point is used, never the example value (*Take $x = 2$*) nor a
  definition of the same letter.
* F18: an expectation or a variance averages over its random variable
  (``\mathbb{E}_{a \sim \mathcal{N}(0,1)}[a]``, ``\mathbb{E}_x[x^2]``, ``\mathbb{E}[X]``,
  ``\operatorname{Var}(X)``): an example value of it (a realisation) never enters; another
  name with an example value inside (``\mathbb{E}[aX]`` after *Let $a = 2$*) is not read.
* F26: SymPy cancels ``\frac{x}{x}`` to 1 while building; the formula as written has no value
  where a written denominator vanishes — at an argument (``w(0)``), an example value, a bar's
  point or a term of a written sum — so nothing is proved there.
* F28: likewise outside the real domain (``(\sqrt{y})^2`` at y = −4, ``e^{\ln x}`` at x = −2),
  and a counterexample where a side as written has no value refutes nothing
  (``|x| = (\sqrt{x})^2`` at x = −17/3).

Each false claim comes with a true control of the same form that stays proved.
"""

import pytest

from tests.notes.note_steps import verdicts_by_line


def verdicts(tmp_path, sentence: str) -> list[str]:
    """The verdicts of the claims of one sentence written on line 3 of a note."""
    return verdicts_by_line(tmp_path, f"# A\n\n{sentence}\n").get(3, [])


# -- F20: the evaluation bar binds its variable --------------------------------------------
@pytest.mark.parametrize("sentence", [
    r"Take $x = 2$. Then $\left. x^2 \right|_{x=1} = 4$.",
    r"Take $t = 3$. Then $\left. \frac{d}{dt} t^2 \right|_{t=0} = 6$.",
    r"Take $x = 2$. Then $x^2 \Big|_{x=1} = 4$.",
    r"Take $x = 2$. Then $\frac{d}{dx} x^3 \bigg|_{x = 0} = 12$.",
    r"Let $y = x^3$. Take $x = 2$. Then $\left. \frac{dy}{dx} \right|_{x=1} = 12$.",
    r"Let $f(x) = x^3$. Take $x = 2$. Then $\left. f'(x) \right|_{x=1} = 12$.",
])
def test_an_evaluation_bar_takes_its_own_point_not_the_example_value(tmp_path, sentence):
    assert "proved" not in verdicts(tmp_path, sentence)


@pytest.mark.parametrize("sentence", [
    r"Take $x = 2$. Then $\left. x^2 \right|_{x=1} = 1$.",
    r"Take $t = 3$. Then $\left. \frac{d}{dt} t^2 \right|_{t=0} = 0$.",
    r"Take $x = 2$. Then $x^2 \Big|_{x=1} = 1$.",
    r"Take $x = 2$. Then $\frac{d}{dx} x^3 \bigg|_{x = 0} = 0$.",
    r"Let $y = x^3$. Take $x = 2$. Then $\left. \frac{dy}{dx} \right|_{x=1} = 3$.",
    r"Let $f(x) = x^3$. Take $x = 2$. Then $\left. f'(x) \right|_{x=1} = 3$.",
    r"Let $x = t^2$. Then $\left. x^2 \right|_{x=3} = 9$.",
])
def test_an_evaluation_bar_at_its_point_is_proved(tmp_path, sentence):
    assert verdicts(tmp_path, sentence) == ["proved"]


def test_the_bars_definition_reports_no_example_value_of_its_variable(tmp_path):
    from tests.notes.note_steps import steps_by_line

    text = ("# A\n\nLet $y = x^3$. Take $x = 2$. Then "
            "$\\left. \\frac{dy}{dx} \\right|_{x=1} = 3$.\n")
    step = steps_by_line(tmp_path, text)[3][0]
    assert step.verdict == "proved" and "x = 2" not in step.reason


def test_another_letter_under_the_bar_takes_its_example_value(tmp_path):
    assert verdicts(tmp_path, r"Take $a = 2$. Then $\left. a x^2 \right|_{x=1} = 2$.") \
        == ["proved"]


# -- F18: an expectation averages over its random variable -------------------------------
@pytest.mark.parametrize("sentence", [
    r"Let $a = 3$. Then $\mathbb{E}_{a \sim \mathcal{N}(0,1)}[a] = 3$.",
    r"Take $x = 1$. Then $\mathbb{E}_{x}[x^2] = 1$.",
    r"Take $u = 2$. Then $\mathbb{E}_{u \sim U[0,1]}[u] = 2$.",
    r"Let $X$ be uniform on $[0, 1]$. Take $X = 1$. Then $\mathbb{E}[X] = 1$.",
    r"Let $X$ be a fair die roll. Take $X = 3$. Then $\operatorname{Var}(X) = 0$.",
    r"Let $X$ be a fair die roll. Take $X = 3$. Then $\mathrm{Var}[X] = 0$.",
    r"Let $Y = 2X + 1$. Take $X = 3$. Then $\mathbb{E}[Y] = 7$.",
    r"Let $a = 2$. Then $\mathbb{E}[a X] = 3 \mathbb{E}[X]$.",
])
def test_an_example_value_never_enters_an_expectation(tmp_path, sentence):
    assert "proved" not in verdicts(tmp_path, sentence)


@pytest.mark.parametrize("sentence", [
    r"Let $X$ be a fair die roll. Take $X = 3$. Then "
    r"$\operatorname{Var}(2X) = 4 \operatorname{Var}(X)$.",
    r"Take $X = 3$. Then $\mathbb{E}[X + 1] = \mathbb{E}[X] + 1$.",
    r"Let $a = 3$. Then $\mathbb{E}_{a \sim \mathcal{N}(0,1)}[2a] = 2\mathbb{E}[a]$.",
    r"Let $Y = 2X + 1$. Take $X = 3$. Then $\mathbb{E}[Y] = 2\mathbb{E}[X] + 1$.",
])
def test_an_expectation_law_beside_an_example_value_is_proved(tmp_path, sentence):
    assert verdicts(tmp_path, sentence) == ["proved"]


def test_the_example_value_still_holds_outside_the_expectation(tmp_path):
    # (a relation in X on both sides in the claim's own sentence makes it read for every X
    # since round 22 F12, so the expectation stands in a paragraph of its own)
    found = verdicts_by_line(tmp_path, "# A\n\nTake $X = 3$. Then $X^2 = 9$.\n\n"
                             r"$$\mathbb{E}[X + 1] = \mathbb{E}[X] + 1$$" + "\n")
    assert (found[3], found[5]) == (["proved"], ["proved"])


# -- F26: a written denominator that vanishes -----------------------------------------------
@pytest.mark.parametrize("sentence", [
    r"Let $w(x) = \frac{x}{x}$. Then $w(0) = 1$.",
    r"Let $k(x) = \frac{x^2}{x}$. Then $k(0) = 0$.",
    r"Let $m(x) = \frac{x \sin x}{x}$. Then $m(0) = 0$.",
    r"Let $g(x) = \frac{x - 1}{x - 1}$. Then $g(1) = 1$.",
    r"Let $h(x) = \frac{2x}{x}$. Then $h(0) = 2$.",
    r"Let $f(x) = \frac{x^2}{x}$. Then $f'(0) = 1$.",
    r"Let $x = 0$. Then $\frac{x}{x} = 1$.",
    r"Let $x = 0$. Then $\frac{x^2}{x} = 0$.",
    r"We have $\left. \frac{x}{x} \right|_{x=0} = 1$.",
    r"We have $\sum_{k=0}^{2} \frac{k}{k} = 3$.",
    r"We have $\sum_{k=0}^{3} \frac{k^2}{k} = 6$.",
    r"We have $\sum_{k=0}^{2} \frac{1}{k} \cdot k = 3$.",
    r"We have $\prod_{k=0}^{2} \frac{k}{k} = 1$.",
])
def test_a_value_where_a_written_denominator_vanishes_is_not_proved(tmp_path, sentence):
    assert "proved" not in verdicts(tmp_path, sentence)


@pytest.mark.parametrize("sentence", [
    r"Let $w(x) = \frac{x}{x}$. Then $w(2) = 1$.",
    r"Let $k(x) = \frac{x^2}{x}$. Then $k(3) = 3$.",
    r"Let $f(x) = \frac{x^2}{x}$. Then $f'(2) = 1$.",
    r"Let $x = 2$. Then $\frac{x^2}{x} = 2$.",
    r"We have $\left. \frac{x}{x} \right|_{x=1} = 1$.",
    r"We have $\sum_{k=1}^{2} \frac{k}{k} = 2$.",
    r"We have $\sum_{k=1}^{n} \frac{k}{k} = n$.",
    r"Let $g(x) = \frac{\sin x}{x}$. Then $\lim_{x \to 0} g(x) = 1$.",
    r"Take $x = 0$. Then $\lim_{x \to 0} \frac{\sin x}{x} = 1$.",
])
def test_a_value_inside_the_written_domain_is_proved(tmp_path, sentence):
    assert verdicts(tmp_path, sentence) == ["proved"]


# -- F28: outside the real domain -------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    r"Let $x = -2$. Then $e^{\ln x} = -2$.",
    r"Let $y = -4$. Then $(\sqrt{y})^2 = -4$.",
    r"Let $f(t) = e^{\ln t}$. Then $f(-1) = -1$.",
    r"Let $g(t) = (\sqrt{t})^2$. Then $g(-9) = -9$.",
    r"Let $y = -1$. Then $\ln y - \ln y = 0$.",
    r"Let $y = -1$. Then $\sqrt{y} \sqrt{y} = -1$.",
    r"Let $h(t) = \frac{\sqrt{t}}{\sqrt{t}}$. Then $h(-5) = 1$.",
    r"Let $c_n = \sqrt{n}$. Take $n = -4$. Then $c_n^2 = -4$.",
])
def test_a_value_outside_the_real_domain_is_not_proved(tmp_path, sentence):
    assert "proved" not in verdicts(tmp_path, sentence)


@pytest.mark.parametrize("sentence", [
    r"Let $x = 2$. Then $e^{\ln x} = 2$.",
    r"Let $y = 4$. Then $(\sqrt{y})^2 = 4$.",
    r"Let $f(t) = e^{\ln t}$. Then $f(1) = 1$.",
    r"Let $g(t) = (\sqrt{t})^2$. Then $g(9) = 9$.",
    r"Let $y = 1$. Then $\ln y - \ln y = 0$.",
    r"Let $h(t) = \frac{\sqrt{t}}{\sqrt{t}}$. Then $h(5) = 1$.",
    r"Let $c_n = \sqrt{n}$. Take $n = 4$. Then $c_n^2 = 4$.",
])
def test_a_value_inside_the_real_domain_is_proved(tmp_path, sentence):
    assert verdicts(tmp_path, sentence) == ["proved"]


@pytest.mark.parametrize("sentence", [
    r"We have $|x| = (\sqrt{x})^2$.",
    r"We have $|t| = e^{\ln t}$.",
    r"We have $\sqrt{x}\sqrt{x} = |x|$.",
    r"Let $f(t) = e^{\ln t}$. Then $f(t) = |t|$.",
    r"Let $y = \sqrt{x}$. Then $y^2 = |x|$.",
])
def test_no_refutation_where_a_side_as_written_has_no_value(tmp_path, sentence):
    assert "refuted" not in verdicts(tmp_path, sentence)


def test_a_refutation_inside_the_written_domain_stands(tmp_path):
    assert verdicts(tmp_path, r"We have $(\sqrt{x^2 + 1})^2 = x^2$.") == ["refuted"]
