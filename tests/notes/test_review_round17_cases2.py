"""Round 17 F22, F27, F10, F21: definitions by cases and restricted definitions.

* F22: a definition by cases in words whose conditions overlap with different values gives a
  point two values (*Let $f(x) = x$ if $x \\ge 0$, and $f(x) = 2x$ if $x \\ge 1$ …*: f(3) is 3
  and 6). No claim about the name is decided — the rule of ``\\begin{cases}``. Rows that agree
  where they overlap (|x| written as x for x ≥ 0 and −x for x ≤ 0) stay a definition.
* A letter of probability (p, q) that the note defines as a function is applied to a number:
  after *Let $q(x) = x + 1$*, q(0) is q at 0, never the product q·0.
"""

import pytest

from tests.notes.note_steps import first_reasons, first_verdicts, last_claim


# F22 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Let $f(x) = x$ if $x \\ge 0$, and $f(x) = 2x$ if $x \\ge 1$, and $f(x) = 0$ otherwise. "
    "Then $f(3) = 3$.",
    "Let $g(x) = x^2$ when $x > 0$ and $g(x) = -x$ when $x < 2$. Then $g(1) = 1$.",
    "Set $q(x) = x$ for $x \\geq 0$; for $x \\le 0$ set $q(x) = x^2 + 1$. Then $q(0) = 0$.",
    "Let $p(x) = x$ for $x \\ge 0$ and $p(x) = x + 1$ for $x \\le 0$. Then $p(0) = 0$.",
    "For $x \\le 1$, $r(x) = x^2$. For $x \\ge 1$, $r(x) = 2x$. Then $r(1) = 1$.",
    "For $x \\le 1$, let $s(x) = x^2$.\n\nFor $x \\ge 1$, let $s(x) = 2x$.\n\nThen $s(1) = 2$.",
    "$x \\ge 0$이면 $f(x) = x$이고, $x \\ge 1$이면 $f(x) = 2x$이다. 그러면 $f(3) = 3$이다.",
])
def test_cases_that_give_a_point_two_values_decide_nothing(tmp_path, text):
    verdict = last_claim(tmp_path, f"# A\n\n{text}\n")
    assert verdict in ("undecided", "skipped")


def test_two_restricted_definitions_that_overlap_with_different_values_decide_nothing(tmp_path):
    text = ("# A\n\nLet $f(x) = x^2$ for $x \\le 1$.\n\nLet $f(x) = 2x$ for $x \\ge 1$.\n\n"
            "Then $f(1) = 2$.\n")
    assert last_claim(tmp_path, text) == "skipped"
    agreeing = ("# A\n\nLet $h(x) = x^2$ for $x \\le 1$.\n\nLet $h(x) = x$ for $x \\ge 1$.\n\n"
                "Then $h(3) = 3$.\n")
    assert last_claim(tmp_path, agreeing) == "proved"


def test_the_reason_names_the_overlap(tmp_path):
    text = "# A\n\nFor $x \\le 1$, $r(x) = x^2$. For $x \\ge 1$, $r(x) = 2x$. Then $r(1) = 1$.\n"
    assert "overlap with different values at x = 1" in first_reasons(tmp_path, text)[3]


def test_a_name_defined_by_overlapping_cases_in_words_decides_nothing(tmp_path):
    text = ("# A\n\nLet $u = v$ if $v \\ge 0$ and $u = 2v$ if $v \\ge 1$, and $u = 0$ "
            "otherwise. Take $v = 3$. Then $u = 3$.\n")
    assert last_claim(tmp_path, text) == "undecided"


@pytest.mark.parametrize("text", [
    "Let $f(x) = x$ for $x \\ge 0$ and $f(x) = -x$ for $x \\le 0$. Then $f(0) = 0$.",
    "Let $f(x) = x$ for $x \\ge 0$ and $f(x) = -x$ for $x \\le 0$. Then $f(-2) = 2$.",
    "For $x \\le 1$, let $s(x) = x^2$.\n\nFor $x \\ge 1$, let $s(x) = x$.\n\nThen $s(1) = 1$.",
    "Let $g(x) = x^2$ when $x > 0$ and $g(x) = -x$ when $x \\le 0$. Then $g(1) = 1$.",
    "Let $k(x) = 1$ if $x \\ge 0$, and $k(x) = 1$ if $x \\ge 1$, and $k(x) = 0$ otherwise. "
    "Then $k(3) = 1$.",
    "Let $p(x) = x + 1$ for $x \\ge 0$ and $p(x) = 1 - x$ for $x < 0$. Then $p(0) = 1$.",
])
def test_cases_that_agree_where_they_overlap_are_a_definition(tmp_path, text):
    assert last_claim(tmp_path, f"# A\n\n{text}\n") == "proved"


# a letter of probability defined as a function -------------------------------------------------

@pytest.mark.parametrize("letter", ["p", "q"])
def test_a_defined_function_named_p_or_q_is_applied_not_multiplied(tmp_path, letter):
    false = f"# A\n\nLet ${letter}(x) = x + 1$. Then ${letter}(0) = 0$.\n"
    true = f"# A\n\nLet ${letter}(x) = x + 1$. Then ${letter}(1) = 2$.\n"
    assert last_claim(tmp_path, false) == "refuted"
    assert last_claim(tmp_path, true) == "proved"


# F27 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("definition, excluded, elsewhere", [
    ("For $x \\ne 0$, $s(x) = x^2$.", "$s(0) = 0$", "$s(3) = 9$"),
    ("For $x ≠ 0$, $s(x) = x^2$.", "$s(0) = 0$", "$s(3) = 9$"),
    ("Let $t(x) = x^3$ for $x \\neq 1$.", "$t(1) = 1$", "$t(2) = 8$"),
    ("Let $s$ be defined on $x \\ne 0$ by $s(x) = x^2$.", "$s(0) = 0$", "$s(3) = 9$"),
    ("$$u(x) = \\frac{\\sin x}{x} \\cdot x, \\quad x \\ne 0$$", "$u(0) = 0$", "$u(\\pi) = 0$"),
    ("Let $p: \\mathbb{R} \\setminus \\{0\\} \\to \\mathbb{R}$, $p(x) = x$.", "$p(0) = 0$",
     "$p(2) = 2$"),
    ("Let $k \\colon \\mathbb{R}\\backslash\\{0, 1\\} \\to \\mathbb{R}$, $k(x) = x^2$.",
     "$k(1) = 1$", "$k(2) = 4$"),
    ("Let $m : [0, 3] \\setminus \\{1\\} \\to \\mathbb{R}$, $m(x) = x$.", "$m(1) = 1$",
     "$m(2) = 2$"),
    ("For $x \\in \\mathbb{R} \\setminus \\{0\\}$ let $h(x) = x$.", "$h(0) = 0$", "$h(1) = 1$"),
    ("Let $f(x) = x^2$ except at $x = 0$.", "$f(0) = 0$", "$f(2) = 4$"),
    ("Let $g(x) = x^2$ for all $x$ except $x = 1$.", "$g(1) = 1$", "$g(2) = 4$"),
    ("Let $n(x) = x^2$ when $x \\neq 0$.", "$n(0) = 0$", "$n(1) = 1$"),
])
def test_a_definition_that_excludes_a_point_gives_it_no_value(tmp_path, definition, excluded,
                                                               elsewhere):
    at_the_point = f"# A\n\n{definition}\n\nThen {excluded}.\n"
    away = f"# A\n\n{definition}\n\nThen {elsewhere}.\n"
    assert last_claim(tmp_path, at_the_point) in ("skipped", "undecided")
    assert last_claim(tmp_path, away) == "proved"


def test_the_removable_singularity_is_not_filled_by_the_formula(tmp_path):
    text = "# A\n\nLet $g(x) = \\frac{x^2}{x}$ for $x \\ne 0$ and $g(0) = 5$. Then $g(0) = 0$.\n"
    assert last_claim(tmp_path, text) != "proved"


def test_a_name_defined_away_from_a_point_has_no_value_there(tmp_path):
    text = "# A\n\nLet $y = x^2$ for $x \\ne 0$. Take $x = 0$. Then $y = 0$.\n"
    assert last_claim(tmp_path, text) == "undecided"


# F10 ------------------------------------------------------------------------------------------

def test_the_next_layer_of_a_layer_family_is_the_family_at_l_plus_1(tmp_path):
    text = "# A\n\nLet $c^{[l]} = l^2$.\n\nAlso $c^{[l+1]} - c^{[l]} = 2l + 1$.\n"
    assert last_claim(tmp_path, text) == "proved"
    wrong = "# A\n\nLet $c^{[l]} = l^2$.\n\nAlso $c^{[l+1]} - c^{[l]} = 2l$.\n"
    assert last_claim(tmp_path, wrong) == "refuted"


@pytest.mark.parametrize("text", [
    "Let $n^{[l]} = 2^l$. Then $n^{[4]} = 10$, so $n^{[4]} - 2 = 8$.",
    "Let $c^{[l]} = l^2$. Then $c^{[2]} = 6$, so $c^{[2]} + 1 = 7$.",
])
def test_a_false_layer_instance_is_a_claim_not_an_example_value(tmp_path, text):
    found = first_verdicts(tmp_path, f"# A\n\n{text}\n")
    assert "proved" not in found.values()
    assert found[3] == "refuted"


@pytest.mark.parametrize("text", [
    "Let $n^{[l]} = 2^l$. Then $n^{[l+1]} = 2 n^{[l]}$.",
    "Let $n^{[l]} = 2^l$. Then $n^{[3]} = 8$.",
    "Let $b^{[l]} = 2l$. Then $b^{[l+1]} = b^{[l]} + 2$.",
])
def test_a_true_layer_instance_or_shift_is_proved(tmp_path, text):
    assert last_claim(tmp_path, f"# A\n\n{text}\n") == "proved"


def test_layer_names_of_a_network_stay_names(tmp_path):
    text = ("# A\n\nThe pre-activation is $z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}$ and "
            "$a^{[l]} = g(z^{[l]})$.\nThen $\\frac{\\partial z^{[l]}}{\\partial b^{[l]}} = 1$.\n")
    assert last_claim(tmp_path, text) == "proved"


# F21 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("display", [
    "$$2^{a+b} = 2^a + 2^b \\quad \\text{(a common mistake)}$$",
    "$$\\cos(2x) = 2 \\cos x \\quad \\text{— a typical error}$$",
    "$$\\sqrt{a^2} = a \\qquad \\text{(not in general!)}$$",
    "$$(a + b)^2 = a^2 + b^2 \\quad \\mbox{(this is wrong)}$$",
    "$$\\sin(2x) = 2 \\sin x \\qquad \\textrm{(a classic blunder)}$$",
])
def test_a_display_annotated_as_a_mistake_is_not_claimed(tmp_path, display):
    assert last_claim(tmp_path, f"# A\n\n{display}\n") == "skipped"


@pytest.mark.parametrize("display, verdict", [
    ("$$2^{a+b} = 2^a + 2^b \\quad \\text{(exponent rule)}$$", "refuted"),
    ("$$2^{a+b} = 2^a 2^b \\quad \\text{(no mistake here)}$$", "proved"),
    ("$$\\cos(2x) = 2 \\cos^2 x - 1 \\quad \\text{(double angle)}$$", "proved"),
])
def test_a_display_annotated_otherwise_is_claimed(tmp_path, display, verdict):
    assert last_claim(tmp_path, f"# A\n\n{display}\n") == verdict
