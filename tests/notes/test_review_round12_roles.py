r"""Review round 12a, what a formula is for: a definition, an example value, a condition or a
claim (F2, F3, F10, F11).

* F10 — a formula the note disowns, asks about, negates or solves (*Prove or disprove: $y =
  3x$*, ``~~$y = 3x$~~``, *Find all $x$ with $y = 3x$*, *We do **not** have $y = 3x$*, *$y = 3x$
  does **not** hold*, *Is $y = 3x$? Not necessarily.*) is no definition of y: y² − 9x² = 0 after
  it is never proved with y = 3x.
* F11 — an example value the prose rejects or only supposes counterfactually (*It would be
  wrong to take $x = 2$*, *Had we taken $x = 2$*, *$x = 2$ is not required*, *$x = 2$로 두면 안
  된다*) is not substituted: x² − 2x = 0 after it is never proved with x = 2.
* F3 — a Korean post-positional hypothesis (*$x = 3$일 때 …*, *$x = 3$이면 …*, 라면, 인 경우,
  일 경우, 이라고 하면, 로 두면) is a condition of its own sentence, as *When $x = 3$, …* is, and
  what it implies is the claim — never an example value for the rest of the section.
* F2 — an instance ``x_3`` of an indexed definition ``x_k = 2^k`` in force is a claim checked
  against it (``x_3 = 9`` refuted, ``x_3 = 8`` proved), and a step using ``x_3`` uses 2³.

Each false reading has a true control of the same form that stays proved.
"""

from __future__ import annotations

from pathlib import Path

from tests.notes.note_steps import steps_by_line


def _sections(tmp_path: Path, paragraphs: list[str], display: str) -> list[tuple[list, list]]:
    """One section per paragraph, each followed by ``display``: for each, (the steps of the
    paragraph's first line, the steps of the display)."""
    lines, starts = [], []
    for number, paragraph in enumerate(paragraphs):
        lines += [f"# S{number}", ""]
        starts.append(len(lines) + 1)
        lines += paragraph.split("\n") + ["", display, ""]
    found = steps_by_line(tmp_path, "\n".join(lines))
    return [(found.get(start, []), found.get(start + paragraph.count("\n") + 2, []))
            for start, paragraph in zip(starts, paragraphs)]


def _verdicts(steps: list) -> list[str]:
    return [step.verdict for step in steps]


# -- F10: a formula the note does not give defines nothing ----------------------------------

NOT_GIVEN = [
    "Prove or disprove: $y = 3x$.",
    "~~$y = 3x$~~",
    "<del>$y = 3x$</del>",
    "Find all $x$ with $y = 3x$.",
    "We do **not** have $y = 3x$.",
    "In general $y = 3x$ does **not** hold.",
    "Is $y = 3x$? Not necessarily.",
    "We cannot conclude that $y = 3x$.",
    "It does not follow that $y = 3x$.",
    "In general $y = 3x$ need not hold.",
    "We don't have $y = 3x$ in general.",
    "True or false: $y = 3x$.",
    "Determine whether $y = 3x$.",
    "$y = 3x$는 성립하지 않는다.",
    "$y = 3x$인지 판별하라.",
    "$y = 3x$라고 할 수 없다.",
    "증명하거나 반증하라: $y = 3x$.",
    "Prove or disprove:\n$$y = 3x$$",
    "We do not have\n$$y = 3x$$",
    "Find all $x$ such that\n$$y = 3x.$$",
]
GIVEN = [
    "Let $y = 3x$.",
    "We have $y = 3x$.",
    "Is $y = 3x$? Yes.",
    "Here $y = 3x$.",
    "$y = 3x$라 하자.",
]


def test_a_formula_disowned_asked_negated_or_solved_defines_nothing(tmp_path):
    # y² − 9x² = 0 is no identity in free x, y (x = 0, y = 1 gives 1)
    for text, (_, display) in zip(NOT_GIVEN, _sections(tmp_path, NOT_GIVEN, "$$y^2 - 9x^2 = 0$$")):
        assert display and "proved" not in _verdicts(display), text
        assert not any("used: y = 3x" in step.reason for step in display), text


def test_a_formula_the_note_gives_still_defines_its_name(tmp_path):
    for text, (_, display) in zip(GIVEN, _sections(tmp_path, GIVEN, "$$y^2 - 9x^2 = 0$$")):
        assert _verdicts(display) == ["proved"], text
        assert "y = 3x (defined, line" in display[0].reason, text


def test_a_question_about_a_defined_function_keeps_the_definition(tmp_path):
    # the sentence asks whether f is convex, not whether f(x) = x² holds
    [(_, display)] = _sections(tmp_path, ["Determine whether $f(x) = x^2 + 1$ is convex."],
                               "$$f(2) = 5$$")
    assert _verdicts(display) == ["proved"]


# -- F11: an example value the prose rejects is not substituted -------------------------------

REJECTED = [
    "It would be wrong to take $x = 2$ here.",
    "Had we taken $x = 2$, things would be easier.",
    "If we had set $x = 2$, the sum would vanish.",
    "Were we to take $x = 2$, the sum would vanish.",
    "Note that $x = 2$ is not required.",
    "Setting $x = 2$ is not allowed.",
    "Do not set $x = 2$.",
    "We cannot take $x = 2$ here.",
    "It is a mistake to choose $x = 2$.",
    "We are not allowed to set $x = 2$.",
    "Taking $x = 2$ would be a mistake.",
    "$x = 2$로 두면 안 된다.",
    "$x = 2$로 둘 수 없다.",
    "$x = 2$일 필요는 없다.",
    "$x = 2$를 대입하면 안 된다.",
]
TAKEN = [
    "Take $x = 2$.",
    "Let $x = 2$.",
    "We take $x = 2$ here.",
    "$x = 2$로 두자.",
]


def test_an_example_value_the_prose_rejects_is_not_substituted(tmp_path):
    # x² − 2x = 0 is no identity (x = 1 gives −1)
    for text, (_, display) in zip(REJECTED, _sections(tmp_path, REJECTED, "$$x^2 - 2x = 0$$")):
        assert "proved" not in _verdicts(display), text
        assert not any("x = 2 (example value" in step.reason for step in display), text


def test_an_example_value_the_note_takes_is_substituted(tmp_path):
    for text, (_, display) in zip(TAKEN, _sections(tmp_path, TAKEN, "$$x^2 - 2x = 0$$")):
        assert _verdicts(display) == ["proved"], text
        assert "x = 2 (example value, line" in display[0].reason, text


# -- F3: a Korean hypothesis holds for its own sentence ----------------------------------------

KOREAN_HYPOTHESES = [
    "$x = 3$일 때 $x^2 - 9 = 0$이다.",
    "$x = 3$이면 $x^2 = 9$이다.",
    "$x = 3$이라면 $x^2 = 9$이다.",
    "$x = 3$인 경우 $x^2 = 9$이다.",
    "$x = 3$일 경우 $x^2 = 9$이다.",
    "$x = 3$이라고 하면 $x^2 = 9$이다.",
    "$x = 3$으로 두면 $x^2 = 9$이다.",
    "$x = 3$이라고 가정하면 $x^2 = 9$이다.",
    "$x = 3$이 되면 $x^2 = 9$이다.",
    "$x = 3$에서 $x^2 = 9$이다.",
    "When $x = 3$, $x^2 = 9$.",  # the English form, read the same way
]


def test_a_korean_hypothesis_is_a_condition_of_its_sentence_not_an_example_value(tmp_path):
    # x² − 3x = 0 (false at x = 1) is never proved with x = 3; what the hypothesis implies is
    # the claim (not refuted: the counterexample need not satisfy x = 3), not the condition
    found = _sections(tmp_path, KOREAN_HYPOTHESES, "$$x^2 - 3x = 0$$")
    for text, (sentence, display) in zip(KOREAN_HYPOTHESES, found):
        assert _verdicts(sentence) == ["undecided"], text
        assert "condition for it (x = 3)" in sentence[0].reason, text
        assert "proved" not in _verdicts(display), text
        assert not any("example value" in step.reason for step in display), text


def test_a_korean_let_still_gives_an_example_value(tmp_path):
    [(sentence, display)] = _sections(
        tmp_path, ["$x = 3$이라 하자. 그러면 $x^2 = 9$이다."], "$$x^2 - 3x = 0$$")
    assert _verdicts(sentence) == ["proved"]
    assert _verdicts(display) == ["proved"]


# -- F2: an instance of an indexed definition is a claim about it -------------------------------

def test_a_wrong_instance_of_an_indexed_definition_is_refuted_and_never_used(tmp_path):
    found = _sections(tmp_path, [
        "Let $x_k = 2^k$. Then $x_3 = 9$, and therefore $x_3 + 1 = 10$.",
        "Let $a_n = n^2$ for every $n$. Then $a_3 = 10$.",
        "Let $x_{k} = 2^{k}$. So $x_{3} = 9$.",
        "$x_k = 2^k$ 이라 하자. 따라서 $x_3 = 9$ 이다.",
        "Let $x_k = 2^k$.\n\n$$x_3 = 9$$",
    ], "$$x_3 + 1 = 10$$")
    for sentence, display in found[:4]:
        assert _verdicts(sentence)[:1] == ["refuted"]
        assert "(defined, line" in sentence[0].reason
    assert _verdicts(found[0][0]) == ["refuted", "refuted"]  # x_3 + 1 = 10: 2³ + 1 = 9
    for index in (0, 2, 3, 4):  # the sections of x_k: x_3 + 1 = 10 uses 2³
        assert _verdicts(found[index][1]) == ["refuted"], index


ADAM = r"""# Adam

With $\beta_1 = 0.9$ the bias correction is $\hat m_t = \frac{m_t}{1 - \beta_1^t}$.
For $m_0 = 0$ we have $m_1 = (1-\beta_1) g_1$, so $\hat m_1 = VALUE$.
Hence $$\hat m_1 - g_1 = DIFFERENCE.$$
"""


def test_the_adam_bias_correction_at_step_one_is_checked_against_its_definition(tmp_path):
    # m̂_1 = m_1 / (1 − β_1) = (1 − β_1) g_1 / (1 − β_1) = g_1, not 2 g_1
    wrong = steps_by_line(tmp_path, ADAM.replace("VALUE", "2 g_1").replace("DIFFERENCE", "g_1"))
    assert _verdicts(wrong[4]) == ["refuted"]
    assert "\\hat m_t = \\frac{m_t}{1 - \\beta_1^t} (defined, line 3)" in wrong[4][0].reason
    assert "proved" not in _verdicts(wrong[5])  # g_1 − g_1 = 0, not g_1
    right = steps_by_line(tmp_path, ADAM.replace("VALUE", "g_1").replace("DIFFERENCE", "0"))
    assert _verdicts(right[4]) == ["proved"] and _verdicts(right[5]) == ["proved"]


def test_a_true_instance_is_proved_and_used(tmp_path):
    [(sentence, display), (listed, sum_of_two)] = _sections(tmp_path, [
        "Let $x_k = 2^k$. Then $x_3 = 8$, and therefore $x_3 + 1 = 9$.",
        "Let $a_n = n^2$ for every $n$.",
    ], "$$a_3 + a_4 = 25$$")
    assert _verdicts(sentence) == ["proved", "proved"]
    assert _verdicts(sum_of_two) == ["proved"]


def test_an_instance_outside_the_stated_indices_is_a_value_of_its_own(tmp_path):
    # a_n = 2n + 1 for n ≥ 1 says nothing of a_0: a_0 = 5 is its value, a_0 + a_1 = 5 + 3
    [(_, given), (_, free)] = _sections(tmp_path, [
        "Let $a_n = 2n + 1$ for $n \\ge 1$, and $a_0 = 5$.",
        "Let $a_n = 2n + 1$ for $n \\ge 1$.",
    ], "$$a_0 + a_1 = 8$$")
    assert _verdicts(given) == ["proved"]
    assert "proved" not in _verdicts(free)  # a_0 is not 2·0 + 1 there


def test_words_that_may_open_an_example_read_an_instance_both_ways(tmp_path):
    [(_, display)] = _sections(tmp_path, ["Let $x_k = 2^k$. For example, $x_3 = 9$."],
                               "$$x_3 + 1 = 10$$")
    assert _verdicts(display) == ["undecided"]


def test_an_instance_of_a_model_equation_uses_the_sample_values(tmp_path):
    [(sentence, display)] = _sections(tmp_path, [
        "Let $z_i = w x_i + b$. For the first sample $x_1 = 2$, so $z_1 = 2w + b$."],
        "$$z_1 - b = 3w$$")
    assert _verdicts(sentence) == ["proved"]
    assert _verdicts(display) == ["refuted"]  # z_1 − b = 2w


def test_a_recurrence_is_no_family_and_its_initial_value_stays_given(tmp_path):
    [(_, display)] = _sections(tmp_path, ["Let $x_k = 2 x_{k-1}$ and $x_0 = 1$."],
                               "$$x_0 + 1 = 2$$")
    assert _verdicts(display) == ["proved"]
