"""Round 14a F2, F5: a formula the note does not assert is never refuted as an identity.

F2: an existential or naming sentence — *There is a real $t$ with $$t^3 = t + 1.$$*, *Let $\\rho$
be the plastic number, so $$\\rho^3 = \\rho + 1.$$*, *Let $a$ be the number with*, Korean *어떤
실수 $v$에 대해 $$v^3 = v + 1$$ 이 성립한다* — makes the equation a condition on (or the
definition of) that letter: t³ = t + 1 has a real root, so nothing is wrong there.

F5: words that call the formula wrong or ask about it — *is a wrong formula*, *The following does
not hold in general:*, *Does $$…$$ hold? No.*, Korean 틀린 식이다, 성립하지 않는다, 잘못이다,
성립할까? 아니다 — disown it.

Both classes were read by phrase lists, and each review found new paraphrases; the net under
them (:mod:`symderive.notes.refutation_guard`) reads the sentence of the formula, the one after
it and a lead-in pointing ahead for stems and introductions. The controls: a true identity in
the same prose stays proved, and a false formula the note asserts (in English and Korean,
including prose shaped like the seed notes') stays refuted.
"""

import pytest

from symderive.notes.refutation_guard import read_around

from tests.notes.note_steps import first_reasons, first_verdicts

NOT_REFUTED = ("undecided", "skipped")


def verdict_of(tmp_path, text: str) -> str:
    """The verdict of the first step of the only (or first) formula of the note."""
    found = first_verdicts(tmp_path, text)
    return found[min(found)] if found else "skipped"  # the equation as a whole not checked


def reason_of(tmp_path, text: str) -> str:
    found = first_reasons(tmp_path, text)
    return found[min(found)]


# -- F2: existential and naming sentences ---------------------------------------------------------
EXISTENTIAL = [
    "There is a real $t$ with $$t^3 = t + 1.$$",  # r4 l.3
    "There exists a real $t$ with $$t^3 = t + 1.$$",  # r5 l.3
    "There is a real $t$ with $t^3 = t + 1$.",  # r6 l.3, inline
    "Let $\\rho$ be the plastic number, so $$\\rho^3 = \\rho + 1.$$",  # r5 l.9
    "Let $a$ be the number with $$a^2 = 2a + 1.$$",  # r6 l.7
    "어떤 실수 $v$에 대해 $$v^3 = v + 1$$ 이 성립한다.",  # r6 l.11
    # paraphrases of the same class
    "For some real $s$ we have $$s^3 = s + 1.$$",
    "There are real numbers $p$ such that $$p^3 = p + 1.$$",
    "Some real $r$ satisfies $$r^3 = r + 1.$$",
    "Let $b$ be the unique real number with $$b^3 = b + 1.$$",
    "Let $c$ be a real number such that $$c^3 = c + 1.$$",
    "Denote by $d$ the real root of the cubic, so $$d^3 = d + 1.$$",
    "We can choose $k$ so that $$k^3 = k + 1.$$",
    "$$w^3 = w + 1$$ 을 만족하는 실수 $w$가 존재한다.",
    "$$y^3 = y + 1$$ 인 실수 $y$가 있다.",
    "Let $\\Theta$ be the number with $$\\Theta^3 = \\Theta + 1.$$",
    "Let $x_1$ be the root, so $$x_1^3 = x_1 + 1.$$",
    "Let $\\varrho$ be the plastic number, so $$\\varrho^3 = \\varrho + 1.$$",
    "There is a real $\\tau$ with $\\tau^3 = \\tau + 1$.",
    "for some real $s$, $$s^3 = s + 1$$ holds.",
]


@pytest.mark.parametrize("text", EXISTENTIAL)
def test_an_equation_that_introduces_its_letter_is_not_refuted(tmp_path, text):
    assert verdict_of(tmp_path, "# Existence\n\n" + text + "\n") in NOT_REFUTED


def test_the_reason_names_the_letter_and_quotes_the_words(tmp_path):
    reason = reason_of(tmp_path, "# A\n\nThere is a real $t$ with $$t^3 = t + 1.$$\n")
    assert "refuted as read" in reason and "t" in reason and "There is a real $t$ with" in reason


@pytest.mark.parametrize("text", [
    "There is a real $t$ with $$(t + 1)^2 = t^2 + 2t + 1.$$",
    "Let $a$ be the number with $$a + a = 2a.$$",
    "어떤 실수 $v$에 대해 $$(v+1)^2 = v^2 + 2v + 1$$ 이 성립한다.",
])
def test_a_true_identity_in_the_same_sentence_stays_proved(tmp_path, text):
    assert verdict_of(tmp_path, "# A\n\n" + text + "\n") == "proved"


@pytest.mark.parametrize("text", [
    "Let $x$ be a real number. Then $$(x+1)^2 = x^2 + 1.$$",
    "For every real $t$ we have $$(t+1)^2 = t^2 + 1.$$",
    "There is a simple rule: $$(a+b)^2 = a^2 + b^2.$$",  # no letter introduced
    # the letter introduced is not one the counterexample gives a value to
    "There is a constant $K$ in this section, and $$(a+b)^2 = a^2 + b^2.$$",
    "For some $n$ we sum; for all $a, b$ we have $$(a+b)^2 = a^2 + b^2.$$",
    "Let $x$ be a real number, then $$(x+1)^2 = x^2 + 1.$$",  # 'a' with no condition word
    "모든 실수 $x$에 대해 $$(x+1)^2 = x^2 + 1$$ 이 성립한다.",
    "어떤 실수 $x$에 대해서도 $$(x+1)^2 = x^2 + 1$$ 이 성립한다.",  # for any x: universal
])
def test_an_asserted_false_identity_stays_refuted(tmp_path, text):
    assert verdict_of(tmp_path, "# A\n\n" + text + "\n") == "refuted"


# -- F5: disowning and question wordings ----------------------------------------------------------
DISOWNED = [
    "$$(a+b)^2 = a^2 + b^2$$ is a wrong formula.",  # r20 l.3
    "The following does not hold in general: $$(e+f)^2 = e^2 + f^2.$$",  # r20 l.5
    "Does $$(k+m)^2 = k^2 + m^2$$ hold? No.",  # r20 l.9
    "$$(a+b)^2 = a^2 + b^2$$ 은 틀린 식이다.",  # r19 l.3
    "다음 식은 일반적으로 성립하지 않는다: $$(e+f)^2 = e^2 + f^2.$$",  # r19 l.7
    "많은 학생들이 $$(g+h)^2 = g^2 + h^2$$ 이라고 쓰지만 이는 잘못이다.",  # r19 l.9
    "$$(k+m)^2 = k^2 + m^2$$ 이 성립할까? 아니다.",  # r19 l.11
    # paraphrases of the same class
    "$$(a+b)^2 = a^2 + b^2$$\nThis is a classic mistake.",
    "$$(a+b)^2 = a^2 + b^2$$\n\nThat is false in general.",
    "The expansion $$(a+b)^2 = a^2 + b^2$$ fails already for $a = b = 1$.",
    "Students often write $$(a+b)^2 = a^2 + b^2$$, an error.",
    "The following is not true. $$(a+b)^2 = a^2 + b^2.$$",
    "Is $$(a+b)^2 = a^2 + b^2$$ true?",
    "Beginners believe $$(a+b)^2 = a^2 + b^2$$ but it never holds unless $ab = 0$.",
    "$$(a+b)^2 = a^2 + b^2$$ 는 성립하지 않는다.",
    "$$(a+b)^2 = a^2 + b^2$$ 라고 쓰는 것은 오류이다.",
    "$$(a+b)^2 = a^2 + b^2$$ 은 거짓이다.",
    "$$(a+b)^2 = a^2 + b^2$$ 일까?",
    "아래 식은 틀렸다.\n\n$$(a+b)^2 = a^2 + b^2$$",
]


@pytest.mark.parametrize("text", DISOWNED)
def test_a_formula_the_note_disowns_or_asks_about_is_not_refuted(tmp_path, text):
    assert verdict_of(tmp_path, "# Mistakes\n\n" + text + "\n") in NOT_REFUTED


def test_the_reason_quotes_the_disowning_words(tmp_path):
    reason = reason_of(tmp_path, "# A\n\n$$(a+b)^2 = a^2 + b^2$$ is a wrong formula.\n")
    assert "wrong formula" in reason


@pytest.mark.parametrize("text", [
    "$$(a+b)^2 = a^2 + 2ab + b^2$$ is not a wrong formula.",
    "Does $$(a+b)^2 = a^2 + 2ab + b^2$$ hold? Yes.",
    "$$(a+b)^2 = a^2 + 2ab + b^2$$ 은 틀린 식이 아니다.",
])
def test_a_true_identity_in_the_same_words_stays_proved(tmp_path, text):
    assert verdict_of(tmp_path, "# A\n\n" + text + "\n") == "proved"


@pytest.mark.parametrize("text", [
    # negated disowning words assert the formula: a false one stays refuted (docs/notes.md)
    "$$(a+b)^2 = a^2 + b^2$$\nThere is no mistake here.",
    "$$(a+b)^2 = a^2 + b^2$$ is not wrong.",
    "$$(a+b)^2 = a^2 + b^2$$ 은 틀린 식이 아니다.",
    "$$(a+b)^2 = a^2 + b^2$$ 는 틀리지 않다.",
    "Does $$(a+b)^2 = a^2 + b^2$$ hold? Yes.",
    "The naive bound is wrong: $$(a+b)^2 = a^2 + b^2$$ holds instead.",
])
def test_negated_or_overruled_disowning_words_keep_the_refutation(tmp_path, text):
    assert verdict_of(tmp_path, "# A\n\n" + text + "\n") == "refuted"


@pytest.mark.parametrize("text", [
    "A useful expansion is $$(a+b)^2 = a^2 + b^2.$$",
    "따라서 $$(a+b)^2 = a^2 + b^2$$ 이다.",
    "다음 식이 성립한다: $$(a+b)^2 = a^2 + b^2.$$",
    "Why? Because $$(a+b)^2 = a^2 + b^2.$$",  # the question is the sentence before
    "We expand: $$(a+b)^2 = a^2 + b^2.$$ Next we use it.",
])
def test_an_asserted_false_formula_in_plain_words_stays_refuted(tmp_path, text):
    assert verdict_of(tmp_path, "# A\n\n" + text + "\n") == "refuted"


# -- the shapes of the seed notes' wrong steps: Korean prose around them -----------------------
def test_a_question_in_the_sentence_before_and_a_can_after_do_not_withhold(tmp_path):
    # seed 001, line 100: "…아낄 수 있지 않을까?" then the display, then "…볼 수 있다."
    text = ("# 미분\n\n- 여기서 미분 계산을 사전에 정의해줄 수 있다면 계산 비용도 아낄 수 있지 않을까?\n\n"
            "$$ \\frac{d}{dx} x^3 = x^2\n\n$$\n\n이렇게 하나의 big node로 볼 수 있다.\n")
    assert verdict_of(tmp_path, text) == "refuted"


def test_a_display_between_korean_lines_without_full_stops_stays_refuted(tmp_path):
    # seed 002, line 108: prose lines without full stops around the display
    text = ("#### 3) cross entropy\n\n$$h(x) = x^2$$\ncross entropy는 실제값과 예측값의 차를 줄이려고 하는 "
            "엔트로피\n$$(a+b)^2 = a^2 + b^2$$\nbinary cross entropy는 binary 일 때만 가능하다.\n")
    found = first_verdicts(tmp_path, text)
    assert found[5] == "refuted"


def test_a_lead_in_below_that_says_nothing_negative_does_not_withhold(tmp_path):
    # seed 004, line 141: "아래 식에서 시그마는 원래 데이터에 있던 분산을 의미합니다." before it
    text = ("# 편향\n\n이는 식으로도 확인할 수 있습니다. 아래 식에서 시그마는 원래 데이터에 있던 분산을 "
            "의미합니다.\n\n$$(a+b)^2 = a^2 + b^2$$\n\n보통 다음과 같은 관계가 성립합니다.\n")
    assert verdict_of(tmp_path, text) == "refuted"


# -- the reader of the prose around a formula ----------------------------------------------------
def test_the_sentence_around_a_display_ends_at_a_full_stop_inside_the_math():
    text = "Let $z$ be a root of $$z^3 - z - 1 = 0.$$ Then $$z^3 = z + 1.$$ Next line.\n"
    around = read_around(text, 1, "z^3 = z + 1.")
    assert around.before == "Then" and around.following == "Next line."


def test_an_abbreviation_does_not_end_the_sentence():
    text = "Let $\\lambda$ be an eigenvalue of $A$, i.e. $$\\lambda^2 = 4.$$\n"
    around = read_around(text, 1, "\\lambda^2 = 4.")
    assert around.before.startswith("Let $\\lambda$ be an eigenvalue")


def test_korean_for_any_is_universal_not_existential(tmp_path):
    # "어떤 실수 $x$에 대해서도" / "어떤 $x$라도" is "for any real x": a false identity stays refuted
    note = ("# K\n\n어떤 실수 $x$에 대해서도 $$(x+1)^2 = x^2 + 1$$ 이 성립한다.\n\n"
            "어떤 $y$라도 $$(y+1)^2 = y^2 + 1$$ 이다.\n\n"
            "어떤 실수 $v$에 대해 $$v^3 = v + 1$$ 이 성립한다.\n")
    from tests.notes.note_steps import first_verdicts
    verdicts = first_verdicts(tmp_path, note)
    assert verdicts[3] == "refuted" and verdicts[5] == "refuted" and verdicts[7] == "undecided"
