"""Round 17: notation the notes reader misread as something else.

Units written in italic (``$1 km = 1000 m$``) are no product of letters (round 15 F41). Each
false verdict has a control of the same form that must stay proved.
"""

import pytest

from symderive.grammar.units import conversion, unit_terms

from tests.notes.note_steps import first_reasons, first_verdicts, verdicts_by_line


def verdicts(tmp_path, text: str) -> list[str]:
    found = verdicts_by_line(tmp_path, text)
    return [verdict for line in sorted(found) for verdict in found[line]]


# F41 (round 15): a conversion between units is not a product of letters ----------------------

@pytest.mark.parametrize("claim", [
    "$1 km = 1000 m$", "$5 m = 500 cm$", "$3 kg = 3000 g$", "$1 h = 60 min$", "$60 min = 1 h$",
    "$1km=1000m$", "$1\\ km = 1000\\ m$", "$1~km = 1000~m$", "$1\\,km = 10^3\\,m$",
    "$0.5 kg = 500 g$", "$-5 m = -500 cm$", "$2 GHz = 2 \\times 10^9 Hz$", "$1 kB = 1024 B$",
    "$1 m^2 = 10000 cm^2$", "$1 m/s = 3.6 km/h$", "$1 km/h = \\frac{1}{3.6} m/s$",
    "$2 km + 500 m = 2500 m$", "$1 ft = 12 in$", "$1 kB = 1024 B$ 이다",
])
def test_a_unit_conversion_in_italic_letters_is_not_refuted(tmp_path, claim):
    found = verdicts(tmp_path, f"# Units\n\n{claim}.\n")
    assert found and set(found) == {"skipped"}
    assert "unit" in first_reasons(tmp_path, f"# Units\n\n{claim}.\n")[3]


def test_every_step_of_a_chain_of_conversions_is_a_unit_statement(tmp_path):
    text = "# Units\n\n$1 h = 60 min = 3600 s$.\n"
    assert verdicts(tmp_path, text) == ["skipped", "skipped"]


def test_a_conversion_in_an_aligned_display_is_not_refuted(tmp_path):
    text = ("# Units\n\n$$\n\\begin{aligned}\n1 km &= 1000 m \\\\\n&= 100000 cm\n"
            "\\end{aligned}\n$$\n")
    assert set(verdicts(tmp_path, text)) == {"skipped"}


@pytest.mark.parametrize("claim", [
    "$2 m = m + m$",  # a term with no number: m is the note's letter
    "$3 g = g + 2g$",
    "$5 m + 3 m = 8 m$",  # one unit reads the same as a letter
    "$2 km = 2 k m$",  # k and m written apart: two letters, no unit
    "$2ms = 2 sm$",  # sm is no unit
    "$2 m \\cdot 3 m = 6 m^2$",  # a product, not a sum of quantities
])
def test_algebra_in_letters_that_spell_units_stays_proved(tmp_path, claim):
    assert verdicts(tmp_path, f"# Algebra\n\n{claim}.\n") == ["proved"]


def test_a_quantity_defined_with_a_unit_is_converted_not_refuted(tmp_path):
    text = ("# Units\n\nLet $L = 5 m$. Then $L = 500 cm$.\n\n"
            "Let $P = 2 km$. Then $P + 20 m = 2020 m$.\n")
    assert set(verdicts(tmp_path, text)) == {"skipped"}


def test_a_quantity_defined_with_a_unit_is_still_used_in_its_own_unit(tmp_path):
    text = "# Units\n\nLet $L = 5 m$. Then $2L = 10 m$.\n"
    assert verdicts(tmp_path, text) == ["proved"]


def test_a_false_claim_in_one_unit_is_still_refuted(tmp_path):
    assert verdicts(tmp_path, "# Algebra\n\n$m + m = 3 m$.\n") == ["refuted"]


def test_the_reader_of_units_names_the_units_it_saw():
    assert unit_terms("2 km + 500 m") == ["km", "m"]
    assert unit_terms("m + m") is None
    assert unit_terms("2 kx") is None
    assert "km, m" in conversion("1 km", "1000 m")
    assert conversion("5 m + 3 m", "8 m") == ""


# F15 (round 16): a function named e is applied, not Euler's number times its argument --------

def test_a_restricted_function_named_e_gives_no_value_outside_its_domain(tmp_path):
    text = "# E\n\nFor $x$ negative, $e(x) = -x$. Then $e(4) = -4$.\n"
    assert verdicts(tmp_path, text) == ["skipped"]


def test_a_restricted_function_named_e_is_used_inside_its_domain(tmp_path):
    text = "# E\n\n$$e(x) = -x, \\quad x < 0$$\n\nThen $e(4) = -4$ and $e(-4) = 4$.\n"
    assert verdicts(tmp_path, text) == ["skipped", "proved"]


@pytest.mark.parametrize("text, expected", [
    ("Let $e(x) = x^2$. Then $e(3) = 9$.", ["proved"]),
    ("Let $e(x) = x^2$. Then $e(3) = 8$.", ["refuted"]),
    ("Define $e(x) := x^2 + 1$. Then $e(2) = 5$.", ["proved"]),
    ("$e(t) := t + 1$이라 하자. 그러면 $e(2) = 3$.", ["proved"]),
    ("Then $e(2) = 8$, where $e(t) = t^3$.", ["proved"]),
    ("Let $e(t, s) = t s$. Then $e(2, 3) = 6$.", ["proved"]),
    ("Let $i(x) = 3x$. Then $i(2) = 6$.", ["proved"]),
    ("Let $i(x) = 3x$. Then $i(1) = 4$.", ["refuted"]),
])
def test_a_function_named_e_or_i_is_applied(tmp_path, text, expected):
    assert verdicts(tmp_path, f"# E\n\n{text}\n") == expected


def test_a_claim_about_e_of_x_with_no_definition_is_not_refuted_with_euler_number(tmp_path):
    text = "# E\n\n$x < 0$일 때 $e(x) = -x$이다. 그러면 $e(4) = -4$이다.\n"
    assert "refuted" not in verdicts(tmp_path, text)


def test_euler_number_stays_beside_a_function_named_e(tmp_path):
    text = "# E\n\nLet $e(x) = x^2$. Then $e^{\\ln 2} = 2$ and $e(x + 1) = x^2 + 2x + 1$.\n"
    assert verdicts(tmp_path, text) == ["proved", "proved"]


@pytest.mark.parametrize("claim", ["$e(x + 1) = ex + e$", "$e(2) = 2e$", "$e^x e^{-x} = 1$"])
def test_euler_number_times_a_bracket_stays_a_product_when_no_function_e_is_written(
        tmp_path, claim):
    assert verdicts(tmp_path, f"# Euler\n\nHere {claim}.\n") == ["proved"]


def test_a_wrong_product_with_euler_number_is_still_refuted(tmp_path):
    assert verdicts(tmp_path, "# Euler\n\nHere $e(x + 1) = ex + 1$.\n") == ["refuted"]


# F24 (round 16): every cases environment defines, not only cases -----------------------------

@pytest.mark.parametrize("kind", ["cases", "dcases", "rcases"])
def test_a_definition_by_cases_in_any_environment_is_used(tmp_path, kind):
    text = (f"# C\n\n$$f(x) = \\begin{{{kind}}} x & x \\ge 0 \\\\ 0 & x < 0 \\end{{{kind}}}$$\n\n"
            "Then $f(2) = 2$ and $f(-1) = 0$ and $f(-1) = 5$.\n")
    assert verdicts(tmp_path, text) == ["proved", "proved", "refuted"]


@pytest.mark.parametrize("kind", ["cases*", "dcases*"])
def test_the_text_column_of_starred_cases_is_read_as_the_condition(tmp_path, kind):
    text = (f"# C\n\n$$\ng(x) = \\begin{{{kind}}}\n  x^2 & if $x \\ge 0$ \\\\\n"
            f"  -x & otherwise\n\\end{{{kind}}}\n$$\n\n"
            "Then $g(3) = 9$ and $g(-2) = 2$ and $g(-2) = 4$.\n")
    assert verdicts(tmp_path, text) == ["proved", "proved", "refuted"]


def test_a_multi_line_dcases_display_defines(tmp_path):
    text = ("# C\n\n$$\nk(x) =\n\\begin{dcases}\n  \\frac{x}{2} & \\text{if } x \\ge 1, \\\\\n"
            "  x & \\text{if } x < 1.\n\\end{dcases}\n$$\n\nThen $k(4) = 2$ and $k(0) = 1$.\n")
    assert verdicts(tmp_path, text) == ["proved", "refuted"]


def test_a_starred_row_in_words_is_not_read(tmp_path):
    text = ("# C\n\n$$h(n) = \\begin{cases*} 1 & if $n$ is even \\\\ 0 & otherwise "
            "\\end{cases*}$$\n\nThen $h(2) = 0$.\n")
    assert "refuted" not in verdicts(tmp_path, text) and "proved" not in verdicts(tmp_path, text)


def test_an_identity_with_dcases_is_proved(tmp_path):
    text = "# C\n\n$$|x| = \\begin{dcases} x & x \\ge 0 \\\\ -x & x < 0 \\end{dcases}$$\n"
    assert verdicts(tmp_path, text) == ["proved"]


# F22 (round 16): an integral, sum or product of a restricted function over a range inside it --

RESTRICTED = "# R\n\nFor $x \\le 1$, $r(x) = x^2$.\n\n"


@pytest.mark.parametrize("claim", [
    "$\\int_0^1 r(x)\\,dx = \\frac{1}{3}$",
    "$\\int_{0}^{1} r(t)\\,dt = \\frac{1}{3}$",
    "$\\sum_{k=-2}^{1} r(k) = 6$",
    "$\\prod_{k=0}^{1} r(k) = 0$",
    "$\\int_{0}^{1/2} r(2t)\\,dt = \\frac{1}{6}$",
    "$\\int_1^0 r(x)\\,dx = -\\frac{1}{3}$",
])
def test_a_restricted_function_is_integrated_and_summed_inside_its_domain(tmp_path, claim):
    assert verdicts(tmp_path, RESTRICTED + f"Then {claim}.\n") == ["proved"]


def test_a_wrong_integral_inside_the_domain_is_refuted(tmp_path):
    text = RESTRICTED + "Then $\\int_{0}^{1} r(t)\\,dt = \\frac{1}{2}$.\n"
    assert verdicts(tmp_path, text) == ["refuted"]


@pytest.mark.parametrize("claim", [
    "$\\int_{0}^{2} r(t)\\,dt = \\frac{8}{3}$",  # runs past x = 1
    "$\\int_{0}^{1} r(2t)\\,dt = \\frac{4}{3}$",  # 2t reaches 2
    "$\\sum_{k=0}^{n} r(k) = 1$",  # a bound with a letter
    "$\\lim_{x \\to 0} r(x) = 0 + \\int_0^3 r(x)\\,dx - 9$",  # one range runs past 1
])
def test_a_range_past_the_domain_is_not_read(tmp_path, claim):
    assert verdicts(tmp_path, RESTRICTED + f"Then {claim}.\n") == ["skipped"]


def test_the_variable_of_an_integral_takes_no_example_value(tmp_path):
    text = RESTRICTED + "Take $t = 3$. Then $\\int_0^1 r(t)\\,dt = \\frac{1}{3}$.\n"
    assert verdicts(tmp_path, text) == ["proved"]


def test_a_letter_free_beside_the_same_application_under_an_integral_is_not_read(tmp_path):
    text = RESTRICTED + "Then $\\sum_{v=0}^{1} r(v) + \\int_0^1 r(v)\\,dx = 1 + r(v)$.\n"
    assert verdicts(tmp_path, text) == ["skipped"]


# F13 (round 16): a property stated for part of the line does not restrict the definition -----

@pytest.mark.parametrize("sentence", [
    "Let $f(x) = x^2$, which is increasing for $x \\ge 0$.",
    "Let $f(x) = x^2$, which is strictly increasing on $x \\ge 0$.",
    "$f(x) = x^2$이며 $x \\ge 0$에서 증가한다.",
])
def test_a_property_clause_is_no_condition_of_the_definition(tmp_path, sentence):
    text = f"# P\n\n{sentence}\n\nThen $f(-2) = 4$ and $f(-2) = 5$.\n"
    assert verdicts(tmp_path, text) == ["proved", "refuted"]


@pytest.mark.parametrize("sentence", [
    "Let $g(x) = x^2$, which is defined for $x \\ge 0$.",
    "Let $g(x) = x^2$ for $x \\ge 0$, which is increasing.",
    "Let $g(x) = x^2$, which is convex for $x \\le 1$ and used only for $x \\ge 0$.",
])
def test_a_condition_of_the_definition_beside_a_property_still_restricts(tmp_path, sentence):
    text = f"# P\n\n{sentence}\n\nThen $g(-2) = 4$.\n"
    assert verdicts(tmp_path, text) == ["skipped"]
