"""Round 15: where ``name = number`` is no example value, and text that is never typeset.

An example value (``Let $x = 2$.``) is substituted in the claims after it; a false identity
that happens to hold at the value (sin 2x = 2 sin x at x = 0) is then *proved*. These tests pin
the cases where the note gives no such value: text that is never typeset (HTML attributes,
front matter: F24, F33), a value the note excludes (F13), the ends of a range (F21), a case the
note dismisses or leaves (F22), a new case of the name (F30), a table cell (F5). Each false
claim has a control of the same form whose example value stays in force.
"""

import pytest

from symderive.notes.extract import extract_math

from tests.notes.note_steps import file_verdicts, first_verdicts

NOT_PROVED = ("refuted", "undecided", "skipped")


def verdicts(tmp_path, text: str) -> list[str]:
    found = first_verdicts(tmp_path, text)
    return [found[line] for line in sorted(found)]


def last_verdict(tmp_path, text: str) -> str:
    return verdicts(tmp_path, text)[-1]


# F24, F33: attribute values and front matter are never typeset -------------------------------

@pytest.mark.parametrize("text", [
    '<img src="p.png" alt="$z = 0$">\n\nThus $\\sin(3z) = 3\\sin z$.\n',
    "<a title=\"$z = 0$\" href=\"#\">link</a>\n\nThus $\\sin(3z) = 3\\sin z$.\n",
    "<span data-note='$z = 0$'>see</span>\n\nThus $\\sin(3z) = 3\\sin z$.\n",
])
def test_an_example_value_in_an_html_attribute_is_not_in_force(tmp_path, text):
    assert last_verdict(tmp_path, "# C\n\n" + text) == "refuted"


def test_an_example_value_in_the_text_beside_the_tag_stays_in_force(tmp_path):
    text = '# C\n\n<span title="a note">Take $z = 0$.</span>\n\nThus $\\sin(3z) = 0$.\n'
    assert last_verdict(tmp_path, text) == "proved"


@pytest.mark.parametrize("text", [
    '---\ntitle: "Notes"\ndescription: "$\\frac{d}{dx} x^2 = x$"\n---\n\n# A\n\nText.\n',
    '+++\ntitle = "Notes"\nsummary = "$\\frac{d}{dx} x^2 = x$"\n+++\n\n# A\n\nText.\n',
    '<img src="a.png" alt="$\\frac{d}{dz} z^4 = z^3$">\n',
    '<a title="$\\frac{d}{du} u^5 = u^4$" href="#">link</a>\n',
])
def test_front_matter_and_attribute_values_state_no_claim(tmp_path, text):
    assert file_verdicts(tmp_path, text, ".md") == []


def test_a_claim_after_front_matter_is_still_read(tmp_path):
    text = '---\ntitle: "Notes"\n---\n\n# A\n\n$\\frac{d}{dx} x^2 = x$ and $\\frac{d}{dy} y^2 = 2y$.\n'
    assert file_verdicts(tmp_path, text, ".md") == ["refuted", "proved"]


def test_less_than_and_greater_than_in_math_are_no_tag():
    blocks = extract_math("Here $a<b c>d$ and $x<y\\ z>w$.\n").blocks
    assert [block.latex for block in blocks] == ["a<b c>d", "x<y\\ z>w"]


# F13: a value the note excludes is no example value ------------------------------------------

EXCLUDED = [
    "The point $y = 0$ is excluded from the domain.\n\nThen $\\sin(2y) = 2\\sin y$.",
    "Here $y = 0$ is not allowed.\n\nThen $\\sin(2y) = 2\\sin y$.",
    "We must avoid $y = 0$.\n\nThen $\\sin(2y) = 2\\sin y$.",
    "($y = 0$ excluded.)\n\nThen $\\sin(2y) = 2\\sin y$.",
    "Away from $y = 0$, we have $\\sin(2y) = 2\\sin y$.",
    "Apart from $y = 0$, $\\sin(2y) = 2\\sin y$.",
    "Except at $y = 0$, $\\sin(2y) = 2\\sin y$.",
    "The formula has a removable singularity at $y = 0$; for $y$ elsewhere, $\\sin(2y) = 2\\sin y$.",
    "The function blows up at $y = 0$.\n\nThen $\\sin(2y) = 2\\sin y$.",
    "$y = 0$은 제외한다.\n\n그러면 $\\sin(2y) = 2\\sin y$이다.",
    "$y = 0$을 빼고 생각하자.\n\n그러면 $\\sin(2y) = 2\\sin y$이다.",
    "$y = 0$이 아닌 점에서 $\\sin(2y) = 2\\sin y$이다.",
]


@pytest.mark.parametrize("text", EXCLUDED)
def test_an_excluded_value_proves_nothing(tmp_path, text):
    assert last_verdict(tmp_path, "# B\n\n" + text + "\n") in NOT_PROVED


@pytest.mark.parametrize("text", [
    "Take $y = 0$.\n\nThen $\\sin(2y) = 0$.",  # a value computed at the example given
    "Let $x = 2$. Then $x^2 = 4$.",
    "$y = 0$이라 하자.\n\n그러면 $\\sin(2y) = 0$이다.",
    # the same exclusions before a true identity
    "The point $y = 0$ is excluded from the domain.\n\nThen $\\sin^2 y + \\cos^2 y = 1$.",
    "Away from $y = 0$, we have $\\frac{y^2}{y} = y$.",
])
def test_an_example_value_given_or_a_true_identity_stays_proved(tmp_path, text):
    assert last_verdict(tmp_path, "# B\n\n" + text + "\n") == "proved"


def test_a_false_claim_after_an_excluded_value_is_refuted(tmp_path):
    text = "# B\n\nThe point $y = 0$ is excluded from the domain.\n\nThen $\\sin(2y) = 2\\sin y$.\n"
    assert last_verdict(tmp_path, text) == "refuted"


# F21: the ends of a range and boundary points are no example values --------------------------

@pytest.mark.parametrize("text", [
    "We plot $\\sin$ from $x = 0$ to $x = \\pi$.\n\nNote that $\\sin(2x) = 2\\sin x$.",
    "Integrate between $x = 0$ and $x = 1$.\n\nNote that $x^3 = x^2$.",
    "The boundary points are $t = 0$ and $t = 1$.\n\nOn the interior, $t^3 = t^2$.",
    "The integral runs over $[0, 1]$; at the endpoint $u = 1$ the integrand is $1$.\n\n"
    "For interior points, $u^4 = u$.",
    "The limits of integration are $u = 0$ and $u = 1$.\n\nInside, $u^4 = u$.",
    "$x = 0$부터 $x = 1$까지 적분한다.\n\n그러면 $x^3 = x^2$이다.",
    "경계점은 $t = 0$과 $t = 1$이다.\n\n내부에서 $t^3 = t^2$이다.",
])
def test_the_ends_of_a_range_prove_nothing(tmp_path, text):
    assert last_verdict(tmp_path, "# C\n\n" + text + "\n") in NOT_PROVED


@pytest.mark.parametrize("text", [
    "Take $t = 1$.\n\nThen $t^3 = 1$.",
    "We plot $\\sin$ from $x = 0$ to $x = \\pi$.\n\nNote that $\\sin(2x) = 2\\sin x \\cos x$.",
])
def test_a_value_given_or_a_true_identity_after_a_range_stays_proved(tmp_path, text):
    assert last_verdict(tmp_path, "# C\n\n" + text + "\n") == "proved"


# F22: a dismissed case, a condition excluding the value, a case label ------------------------

@pytest.mark.parametrize("text", [
    "The case $x = 0$ is trivial, so assume $x \\ne 0$.\n\nThen $\\sin(2x) = 2\\sin x$.",
    "Unlike at $x = 0$, the identity $\\sin(3x) = 3\\sin x$ holds everywhere.",
    "We already handled $x = 0$. For the remaining $x$, $\\tan(2x) = 2\\tan x$.",
    "Take $x = 0$.\n\nNow assume $x \\neq 0$.\n\nThen $\\sin(2x) = 2\\sin x$.",
    "Take $x = 0$.\n\nFrom now on $x > 0$.\n\nThen $\\sin x = x$.",
    "**Case 1:** $x = 0$. Both sides vanish.\n\n**Case 2:** $x \\neq 0$. Here $\\sin(2x) = 2\\sin x$.",
    "1. Case $x = 0$: trivial.\n2. Case $x \\neq 0$: we get $\\sin(3x) = 3 \\sin x$.",
    "$x = 0$인 경우는 자명하므로 $x \\neq 0$이라 하자.\n\n그러면 $\\sin(2x) = 2\\sin x$이다.",
])
def test_a_case_left_or_dismissed_proves_nothing(tmp_path, text):
    assert last_verdict(tmp_path, "# A\n\n" + text + "\n") in NOT_PROVED


@pytest.mark.parametrize("text", [
    "**Case 1:** $x = 0$. Then $\\sin(2x) = 0$.\n\n**Case 2:** $x \\neq 0$. Here $\\sin(2x) = 2\\sin x \\cos x$.",
    "**Case 1:** $x = 0$. Then $\\sin(2x) = 0$.",  # within its case, the value is in force
])
def test_a_case_in_force_or_a_condition_it_meets_keeps_the_value(tmp_path, text):
    assert last_verdict(tmp_path, "# A\n\n" + text + "\n") == "proved"


@pytest.mark.parametrize("text", [
    "Let $x = 2$. Assume $x > 0$. Then $x^2 = 4$.",
    "Take $x = 0$.\n\nAssume $x \\ge 0$. Then $\\sin x = x$.",
])
def test_a_condition_the_value_meets_is_no_plain_word(tmp_path, text):
    # round 19: a claim false in general is proved at the example only among plain words
    # (symderive/notes/example_words.py); an assumption between them leaves it undecided, and
    # the value (which meets it) never refutes it
    assert last_verdict(tmp_path, "# A\n\n" + text + "\n") == "undecided"


# F30: words that take a new case of the name end its example value ---------------------------

@pytest.mark.parametrize("text", [
    "Let $x = 0$. Then $\\sin x = x$.\n\nNow let $x$ be positive. Then $\\sin x = x$ as well.",
    "Take $y = 0$, so $\\tan y = y$.\n\nNext consider a positive $y$: again $\\tan y = y$.",
    "Let $x = 0$. Now let $x$ be positive. Then $\\sin x = x$.",
    "Let $x = 0$.\n\nSuppose $x$ is nonzero. Then $\\sin(2x) = 2\\sin x$.",
    "Let $x = 0$.\n\nFor positive $x$ we have $\\sin x = x$.",
    "Let $x = 0$.\n\nFor the other values of $x$, $\\sin(2x) = 2\\sin x$.",
    "$z = 0$인 예를 보자.\n\n$z$가 양수인 경우에도 $\\sin(3z) = 3\\sin z$이다.",
    "$z = 0$으로 두자.\n\n이제 $z$가 양수라 하자. 그러면 $\\sin z = z$이다.",
    "$z = 0$으로 두자.\n\n나머지 $z$에 대해 $\\sin(3z) = 3\\sin z$이다.",
])
def test_a_new_case_of_the_name_proves_nothing_at_the_old_value(tmp_path, text):
    assert last_verdict(tmp_path, "# A\n\n" + text + "\n") in NOT_PROVED


@pytest.mark.parametrize("text", [
    "Let $x = 2$. Then $\\sqrt{x^2} = x$.\n\nNow let $x$ be negative. Then $\\sqrt{x^2} = -x$.",
    "Take $y = 3$, so $|y| = 3$.\n\nNext consider a negative $y$: $|y| = -y$.",
    "$z = 4$로 두자.\n\n이제 $z$가 음수라 하자. 그러면 $|z| = -z$이다.",
])
def test_the_true_claim_for_the_new_case_is_proved_in_its_new_domain(tmp_path, text):
    assert last_verdict(tmp_path, "# A\n\n" + text + "\n") == "proved"


@pytest.mark.parametrize("text", [
    "Let $x = 0$. Then $\\sin x = x$.\n\nNow let $x$ be positive. Then $\\sin x = x$ as well.",
    "$z = 0$인 예를 보자.\n\n$z$가 양수인 경우에도 $\\sin(3z) = 3\\sin z$이다.",
])
def test_the_false_claim_for_the_new_case_is_refuted_in_its_new_domain(tmp_path, text):
    assert last_verdict(tmp_path, "# A\n\n" + text + "\n") == "refuted"


@pytest.mark.parametrize("text", [
    "Let $x = 2$. For positive $x$, $\\sqrt{x^2} = x$. So $x^2 = 4$.",  # a quantifier it meets
    "Let $x = 2$.\n\nSince $x$ is positive, $x^2 = 4$.",
    "$z = 4$로 두자.\n\n$z$가 양수이므로 $z^2 = 16$이다.",
])
def test_words_the_example_value_meets_keep_it(tmp_path, text):
    # never refuted at another value; since round 19 words about the letter between the value
    # and the claim ("Since $x$ is positive") leave it undecided, "For positive $x$, …" too
    assert last_verdict(tmp_path, "# A\n\n" + text + "\n") in ("proved", "undecided")


def test_a_false_claim_for_the_new_case_is_refuted(tmp_path):
    text = "# A\n\nLet $x = 0$.\n\nNow let $x$ be arbitrary. Then $\\sin(2x) = 2\\sin x$.\n"
    assert last_verdict(tmp_path, text) == "refuted"


# F5: a value in a table cell holds on its row only -------------------------------------------

def test_a_value_in_a_table_cell_is_no_example_for_other_rows(tmp_path):
    text = ("# T\n\n| Claim | Holds for all real $x$? |\n|---|---|\n"
            "| $(x+1)^2 = x^2 + 1$ | only at $x = 0$ |\n| $e^{2x} = 2e^x$ | true at $x = 0$? no |\n"
            "| $\\tan(2x) = 2\\tan x$ | no |\n| $\\sin(2x) = 2\\sin x$ | only at $x = 0$ |\n\n"
            "Then $\\tan(3x) = 3\\tan x$.\n")
    found = first_verdicts(tmp_path, text)
    assert all(verdict != "proved" for verdict in found.values())
    assert found[10] == "refuted"


def test_a_value_given_in_a_row_holds_on_that_row(tmp_path):
    text = "# T\n\n| Value | Square |\n|---|---|\n| $x = 2$ | $x^2 = 4$ |\n| $x = 3$ | $x^2 = 9$ |\n"
    assert verdicts(tmp_path, text) == ["proved", "proved"]


# F29: a function given a new meaning in words keeps no old formula ---------------------------

@pytest.mark.parametrize("text", [
    "Let $g(x) = x^3$.\n\nNow let $g$ denote the sigmoid function instead.\n\nThen $g(0) = 0$.",
    "Let $g(x) = x^3$.\n\nNow let $g$ be the hyperbolic tangent instead.\n\nThen $g(1) = 1$.",
    "Let $g(x) = x^3$.\n\nFrom now on $g$ is the ReLU.\n\nThen $g(-1) = -1$.",
    "Let $g(x) = x^3$.\n\nWe redefine $g$ as the sigmoid.\n\nThen $g(0) = 0$.",
    "$k(s) = s^2$로 두자.\n\n이제 $k$를 시그모이드 함수라 하자.\n\n그러면 $k(0) = 0$이다.",
])
def test_a_function_redefined_in_words_keeps_no_old_formula(tmp_path, text):
    assert last_verdict(tmp_path, "# A\n\n" + text + "\n") in NOT_PROVED


@pytest.mark.parametrize("text", [
    "Let $g(x) = x^3$.\n\nLet $g$ be as above.\n\nThen $g(2) = 8$.",
    "Let $g(x) = x^3$.\n\nThen $g(2) = 8$.",
    "Let $g(x) = x^3$.\n\nLet $g$ denote this cube function.\n\nThen $g(2) = 8$.",
    "Let $u$ be a differentiable function. Then $\\frac{d}{dx} u(x)^2 = 2 u(x) u'(x)$.",
])
def test_a_formula_in_force_still_decides(tmp_path, text):
    assert last_verdict(tmp_path, "# A\n\n" + text + "\n") == "proved"


# controls: a hypothesis of its own sentence, an initial value "from … and" ------------------

@pytest.mark.parametrize("text", [
    "Let $x = 0$. If $x > 0$, then $\\sin x < x$.\n\nSo $\\sin x = 0$.",  # "if": its sentence only
    "Starting from $x = 1$ and squaring, we get $x^2 = 1$.",  # an initial value, no range
    "Let $x = 0$.\n\nFor $x \\ne 0$ one divides by $x$.\n\nHere $\\sin x = 0$.",
])
def test_a_hypothesis_of_its_own_sentence_keeps_the_value(tmp_path, text):
    # the value stays in force (never refuted at another x); the words between are no plain
    # words (round 19), so the claim is undecided rather than proved
    assert last_verdict(tmp_path, "# A\n\n" + text + "\n") in ("proved", "undecided")


def test_a_korean_supposition_excluding_the_value_states_the_new_domain(tmp_path):
    text = ("# D\n\n$x = 0$으로 두자.\n\n$x \\neq 0$이라 하자. 그러면 $\\sin(2x) = 2\\sin x$이다.\n")
    assert last_verdict(tmp_path, text) == "refuted"


# more wordings of the same classes -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Note that $y = 0$ is not in the domain. Then $\\sin(2y) = 2\\sin y$.",
    "$y = 0$은 정의역에서 빠진다. 그러면 $\\sin(2y) = 2\\sin y$이다.",
    "Leaving aside $y = 0$, we get $\\sin(3y) = 3\\sin y$.",
    "Other than at $y = 0$, $\\sin(3y) = 3\\sin y$.",
    "Ignoring $y = 0$, $\\sin(3y) = 3\\sin y$.",
    "In the case $y = 0$ there is nothing to prove.\n\nThen $\\sin(2y) = 2\\sin y$.",
    "At $y = 1$ (the right end), the integrand is $1$.\n\nInside, $y^4 = y$.",
    "Let $y = 2$. Then $\\sqrt{y^2} = y$.\n\nNegative $y$ give $\\sqrt{y^2} = y$ too.",
    "$y = 0$으로 두자. 그러면 $\\tan y = y$이다.\n\n양수 $y$에 대해서도 $\\tan y = y$이다.",
    "$y = 0$이면 안 된다. 그러면 $\\sin(2y) = 2\\sin y$이다.",
])
def test_other_wordings_of_an_excluded_or_left_value_prove_nothing(tmp_path, text):
    assert last_verdict(tmp_path, "# A\n\n" + text + "\n") in NOT_PROVED
