"""Round 44, reviewer V on real lecture notes (V02, V05, V06, V07).

* V02: decimals written as the entries of a matrix are read as a single rounded decimal is,
  each to the decimals written on it: ``-0.574 × [0.0 1.6] = [0 -0.918]`` is checked (−0.9184
  rounds to −0.918); an entry off by more than its rounding is refuted; within one unit of its
  last place it may be a truncation (undecided).
* V05: a fragment that begins with a relation (``($< 0.01$)``) continues only the formula
  written directly before it (``$$= …$$`` right after a display); after words it is a fragment.
* V06: ``$|A_1| > 0, |A_2| > 0, \\dots, |A_n| > 0$`` lists the conditions of a criterion.
* V07: *Maximum derivative: $$\\sigma'(z) = 0.25$$* states an extreme value, no identity.
"""

from __future__ import annotations

from symderive.notes.condition_lists import listed_conditions
from symderive.notes.extreme_words import extreme_value
from tests.notes.note_steps import equations_by_line, steps_by_line, verdicts_by_line


# V02: matrix entries written as rounded decimals ------------------------------------------

def matrix_claim(left: str, right: str) -> str:
    return f"The gradient is:\n\n$${left} = {right}$$\n"


def test_a_matrix_entry_rounded_to_its_decimals_is_checked(tmp_path):
    note = matrix_claim(r"-0.574 \times \begin{bmatrix} 0.0 & 1.6 \end{bmatrix}",
                        r"\begin{bmatrix} 0 & -0.918 \end{bmatrix}")
    [step] = steps_by_line(tmp_path, note)[3]
    assert step.verdict == "checked"  # -0.574 · 1.6 = -0.9184 ≈ -0.918


def test_the_same_product_as_a_scalar_is_checked_alike(tmp_path):
    assert verdicts_by_line(tmp_path, matrix_claim(r"-0.574 \times 1.6", "-0.918"))[3] == [
        "checked"]


def test_a_column_of_rounded_entries_is_checked(tmp_path):
    note = matrix_claim(r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} "
                        r"\begin{bmatrix} 0.333 \\ 0.25 \end{bmatrix}",
                        r"\begin{bmatrix} 0.83 \\ 2.00 \end{bmatrix}")
    assert verdicts_by_line(tmp_path, note)[3] == ["checked"]  # 0.833 → 0.83, 1.999 → 2.00


def test_a_matrix_entry_off_by_more_than_its_rounding_is_refuted(tmp_path):
    note = matrix_claim(r"-0.574 \times \begin{bmatrix} 0.0 & 1.6 \end{bmatrix}",
                        r"\begin{bmatrix} 0 & -0.928 \end{bmatrix}")
    [step] = steps_by_line(tmp_path, note)[3]
    assert step.verdict == "refuted"
    assert dict(step.counterexample.values)["entry"].startswith("(1, 2)")


def test_an_entry_written_without_decimals_is_compared_exactly(tmp_path):
    note = matrix_claim(r"-0.574 \times \begin{bmatrix} 0.0 & 1.6 \end{bmatrix}",
                        r"\begin{bmatrix} 1 & -0.918 \end{bmatrix}")
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]  # 0 is not 1


def test_entries_within_one_unit_of_their_last_place_may_be_truncated(tmp_path):
    note = ("Then\n$$\n0.5699\\begin{bmatrix} -1.1930 & 0.3792 \\end{bmatrix} + 0.5765"
            "\\begin{bmatrix} -1.0300 & 1.0739 \\end{bmatrix} - 0.5855\\begin{bmatrix} 1.5012 & "
            "-0.7140 \\end{bmatrix} = \\begin{bmatrix} -2.1527 & 1.2533 \\end{bmatrix}\n$$\n")
    [step] = steps_by_line(tmp_path, note)[4]
    assert step.verdict == "undecided"  # -2.15264 written -2.1527: a truncation?
    assert "truncation" in step.reason


def test_an_exact_matrix_of_decimals_is_still_proved(tmp_path):
    note = matrix_claim(r"0.5 \begin{bmatrix} 0.5 \\ 1.0 \end{bmatrix}",
                        r"\begin{bmatrix} 0.25 \\ 0.5 \end{bmatrix}")
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]


# V05: a fragment beginning with a relation ------------------------------------------------

def test_a_bound_in_another_section_is_no_step_of_an_earlier_formula(tmp_path):
    note = ("## SGD\n\nWe start with $\\eta = 1$.\n\n## Adam\n\n"
            "Adam needs a much smaller rate ($< 0.01$).\n")
    found = equations_by_line(tmp_path, note)
    assert not any(step.verdict == "refuted" for equations in found.values()
                   for equation in equations for step in equation.steps)
    [fragment] = found[7]
    assert fragment.skip.value == "not-a-chain" and "fragment" in fragment.reason


def test_a_bound_after_words_in_the_same_paragraph_is_a_fragment(tmp_path):
    note = "We start with $\\eta = 1$, but Adam needs a much smaller rate ($< 0.01$).\n"
    verdicts = verdicts_by_line(tmp_path, note)
    assert "refuted" not in verdicts.get(1, [])


def test_a_display_fragment_after_words_is_a_fragment(tmp_path):
    note = "$$c = 3$$\nso that\n$$< 0.25$$\n"
    [fragment] = equations_by_line(tmp_path, note)[3]
    assert fragment.skip.value == "not-a-chain"


def test_a_display_starting_with_equals_right_after_one_continues_it(tmp_path):
    note = "We have\n\n$$a = (1+1)^2$$\n\n$$= 4$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["skipped", "proved"]


def test_a_chain_continued_over_three_displays_stays_one_chain(tmp_path):
    note = "$$ a(b+c) $$\n\n$$ = ab + ac $$\n\n$$ = ab + 2ac $$\n"
    assert verdicts_by_line(tmp_path, note)[1] == ["proved", "refuted"]


def test_a_false_continuation_right_after_is_still_refuted(tmp_path):
    note = "We have\n\n$$a = (1+1)^2$$\n$$= 5$$\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["skipped", "refuted"]


# V06: a list of conditions ----------------------------------------------------------------

SYLVESTER = ("### Positive Definite Quadratic Forms\n"
             "* **Leading Principal Minors Method (Sylvester's Criterion):** All leading "
             "principal minors of $A$ are greater than 0.\n"
             "    * $|A_1| > 0, |A_2| > 0, \\dots, |A_n| > 0$.\n")


def test_sylvesters_criterion_written_as_a_list_is_not_refuted(tmp_path):
    found = equations_by_line(tmp_path, SYLVESTER)[3]
    assert all(equation.skip.value == "condition" for equation in found)
    assert "A_1" in found[0].reason


def test_a_list_of_bounds_on_free_names_is_a_list_of_conditions():
    assert listed_conditions(r"|A_1| > 0, |A_2| > 0, \dots, |A_n| > 0", set()) == (
        "A_1", "A_2", "A_n")
    assert listed_conditions(r"\det A_1 > 0, \|x\| \ge 1", set()) == ("A_1", "x")


def test_a_single_bound_or_a_bound_on_an_expression_is_no_such_list():
    assert listed_conditions(r"|A_1| > 0", set()) == ()
    assert listed_conditions(r"x^2 \ge 0, e^x > 0", set()) == ()


def test_a_list_bounding_a_defined_name_is_a_claim(tmp_path):
    assert listed_conditions(r"|a| > 0, |b| > 0", {"a"}) == ()
    note = "Let $a = -2$ and $b = 3$.\n\nThen $|a| > 5, |b| > 0$.\n"
    assert "refuted" in verdicts_by_line(tmp_path, note)[3]


# V07: an extreme value -------------------------------------------------------------------

SIGMOID = "# Activations\n\nThe sigmoid is $\\sigma(z) = \\frac{1}{1+e^{-z}}$.\n\n"


def test_the_maximum_of_the_sigmoids_derivative_is_not_refuted(tmp_path):
    note = SIGMOID + "- Maximum derivative: $$\\sigma'(z) = 0.25$$ (sigmoid)\n"
    [equation] = equations_by_line(tmp_path, note)[5]
    assert equation.skip.value == "condition" and "Maximum" in equation.reason


def test_the_value_at_the_maximising_point_is_still_checked(tmp_path):
    note = SIGMOID + "- Maximum derivative: $$\\sigma'(0) = 0.25$$\n"
    assert verdicts_by_line(tmp_path, note)[5] in (["proved"], ["checked"])  # σ'(0) = ¼


def test_an_identity_without_extreme_words_is_still_refuted(tmp_path):
    note = SIGMOID + "- Derivative: $$\\sigma'(z) = 0.25$$\n"
    assert verdicts_by_line(tmp_path, note)[5] == ["refuted"]


def test_extreme_words_in_korean_and_at_most():
    assert extreme_value(("f(x)", "1"), ("=",), "최댓값은 ")
    assert extreme_value(("g(x, y)", "3"), ("=",), "The peak: ")
    assert extreme_value(("f(x)", "1"), ("=",), "We get at most ")
    assert not extreme_value(("f(2)", "1"), ("=",), "Maximum: ")  # a value at a point
    assert not extreme_value(("f(x)", "1"), ("=",), "Maximum is 3. Then ")  # another sentence
    assert not extreme_value(("\\max_x f(x)", "1"), ("=",), "Maximum: ")  # written: checked
