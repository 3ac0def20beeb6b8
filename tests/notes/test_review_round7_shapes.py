"""Findings R9, R10, R12, R13 and R15 of the seventh adversarial review
(/work/findings/round7.md), each as the note the reviewer wrote: the verdict it must (not)
get, and the readings that worked before, which must still work."""

from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow


def steps_by_line(tmp_path: Path, text: str) -> dict:
    """line -> the steps written on it (in order)."""
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    found: dict = {}
    for equation in report.files[0].equations:
        for step in equation.steps:
            found.setdefault(equation.line, []).append(step)
    return found


def verdict_at(tmp_path: Path, text: str, line: int) -> str:
    [step] = steps_by_line(tmp_path, text)[line]
    return step.verdict


# -- R9: a numeric shape stated in other words ---------------------------------------------------
# det(−A) = (−1)^n det(A): true for every 2×2 A, false at size 1 (and 3)
DET = "$$ \\det(-\\mathbf{A}) = \\det(\\mathbf{A}) $$\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Let $\\mathbf{A}$ be a square matrix of size 2.",  # m4.md
        "$2 \\times 2$ 행렬 $\\mathbf{A}$에 대하여",  # m5.md ("for a 2×2 matrix A")
        "For a $2 \\times 2$ matrix $\\mathbf{A}$, we have",  # m6.md
        "$\\mathbf{A}$는 $2 \\times 2$ 행렬이다.",  # m1.md ("A is a 2×2 matrix")
        "Let $\\mathbf{A}$ be a $2$-by-$2$ matrix.",
        "Let $\\mathbf{A}$ be a 2x2 matrix.",
        "Let $\\mathbf{A}$ be a matrix of size $2 \\times 2$.",
        # what worked before (m3.md, m7.md)
        "Consider $\\mathbf{A} \\in \\mathbb{R}^{2 \\times 2}$.",
        "Let $\\mathbf{A}$ be an $n \\times n$ matrix with $n = 2$.",
        "Let $\\mathbf{A}$ be a $2 \\times 2$ matrix.",
    ],
)
def test_a_two_by_two_shape_in_any_of_its_wordings_proves_the_two_by_two_identity(tmp_path, sentence):
    assert verdict_at(tmp_path, f"{sentence}\n\n{DET}", 3) == "proved"


@pytest.mark.parametrize(
    "sentence",
    [
        "Let $\\mathbf{A}$ be a square matrix of size 3.",
        "For a $3 \\times 3$ matrix $\\mathbf{A}$, we have",
        "$3 \\times 3$ 행렬 $\\mathbf{A}$에 대하여",
    ],
)
def test_the_same_identity_for_a_three_by_three_matrix_is_refuted_at_size_three(tmp_path, sentence):
    [step] = steps_by_line(tmp_path, f"{sentence}\n\n{DET}")[3]
    assert step.verdict == "refuted"  # det(−A) = −det(A) for 3×3
    entries = [name for name in dict(step.counterexample.values) if name.startswith("\\mathbf{A}_")]
    assert len(entries) == 9  # the counterexample is a 3×3 matrix, as stated


def test_the_korean_two_by_two_section_is_not_refuted_at_size_one(tmp_path):
    # m1.md: the file gives A two shapes (2×2 here, 3×3 in another section); each section's
    # shape holds in that section only (round 9b H1), so here A is read 2×2 and both
    # identities (det(−A) = det(A), Cayley–Hamilton's trace form) hold for every 2×2 matrix
    text = ("# C\n\n$\\mathbf{A}$는 $2 \\times 2$ 행렬이다.\n\n" + DET + "\n"
            "$$ \\mathrm{tr}(\\mathbf{A})^2 - 2\\det(\\mathbf{A}) = \\mathrm{tr}(\\mathbf{A}^2) $$\n\n"
            "# E\n\nLet $\\mathbf{A}$ be a $3 \\times 3$ symmetric matrix.\n\n"
            "$$ \\det(\\mathbf{A} - \\mathbf{A}^T) = 0 $$\n")
    found = steps_by_line(tmp_path, text)
    for line in (5, 7):
        [step] = found[line]
        assert step.verdict != "refuted", step.counterexample
        assert step.verdict == "proved" or "2×2" in step.reason


@pytest.mark.parametrize(
    "sentence",
    [
        "Let $\\mathbf{A}$ have two rows and two columns.",
        "All matrices in this section are 2 by 2.",
        "The matrix $\\mathbf{A}$ has size 2.",
    ],
)
def test_a_size_in_words_not_read_makes_a_refutation_at_a_chosen_size_undecided(tmp_path, sentence):
    [step] = steps_by_line(tmp_path, f"{sentence}\n\n{DET}")[3]
    assert step.verdict == "undecided"
    assert "not read" in step.reason


def test_a_square_matrix_of_no_stated_size_is_still_refuted(tmp_path):
    text = "Let $\\mathbf{C}$ be any square matrix.\n\n$$ \\det(-\\mathbf{C}) = \\det(\\mathbf{C}) $$\n"
    assert verdict_at(tmp_path, text, 3) == "refuted"


def test_the_stated_shape_words_read_name_and_size():
    from symderive.grammar.shape_words import stated_shapes, unread_shape_mentions

    def shapes(text):
        return [(s.name, s.rows, s.columns) for s in stated_shapes(text)]

    assert shapes("For a $2 \\times 2$ matrix $\\mathbf{A}$, we have") == [("\\mathbf{A}", "2", "2")]
    assert shapes("Let $\\mathbf{A}$ be a $2 \\times 2$ matrix and $\\mathbf{B}$ a $3 \\times 3$ "
                  "matrix.") == [("\\mathbf{A}", "2", "2"), ("\\mathbf{B}", "3", "3")]
    assert shapes("Let $\\mathbf{U}$ be an $n \\times r$ matrix.") == [("\\mathbf{U}", "n", "r")]
    assert shapes("Let $x = 2$.") == [] and unread_shape_mentions("Let $x = 2$.") == []
    assert unread_shape_mentions("For a $2 \\times 2$ matrix $\\mathbf{A}$, we have") == []


# -- R10: x_{2i} is the entry 2i, not a second index ---------------------------------------------

@pytest.mark.parametrize(
    "display",
    [
        "\\sum_{i=1}^{2} x_{2i} = x_2 + x_4",  # d7.md:1
        "\\sum_{k=1}^{2} a_{2k} b_{k} = a_2 b_1 + a_4 b_2",  # s1.md:11
        "\\prod_{i=1}^{2} x_{2i} = x_2 x_4",  # s1.md:13
        "\\sum_{i=1}^{3} x_{2i} = x_2 + x_4 + x_6",
        "\\sum_{i=1}^{2} x_{3-i} = x_1 + x_2",  # d7.md:7 (was undecided, 'x_3-')
        "\\sum_{i=1}^{3} x_{4-i} = x_1 + x_2 + x_3",  # s1.md:5
        "\\sum_{i=1}^{2} x_{2i-1} = x_1 + x_3",  # held before
    ],
)
def test_a_computed_index_gives_the_finite_sum_identity(tmp_path, display):
    assert verdict_at(tmp_path, f"$$ {display} $$\n", 1) == "proved"


def test_sums_over_computed_indices_of_any_length_are_checked(tmp_path):
    text = ("$$ \\sum_{i=1}^{n} x_{2i} + \\sum_{i=1}^{n} x_{2i-1} = \\sum_{i=1}^{2n} x_i $$\n\n"
            "$$ \\sum_{i=1}^{n} x_{n+1-i} = \\sum_{i=1}^{n} x_{i} $$\n")
    found = steps_by_line(tmp_path, text)
    assert [step.verdict for step in found[1]] == ["checked"]
    assert [step.verdict for step in found[3]] == ["checked"]


@pytest.mark.parametrize(
    "display",
    [
        "\\sum_{i=1}^{2} x_{2i} = x_2 + x_3",  # s1.md:9 (x_4 ≠ x_3)
        "\\sum_{i=1}^{n} x_{2i} = \\sum_{i=1}^{n} x_i",  # d6.md:3 (H2)
    ],
)
def test_a_wrong_computed_index_sum_is_never_refuted_with_a_second_index(tmp_path, display):
    [step] = steps_by_line(tmp_path, f"$$ {display} $$\n")[1]
    assert step.verdict != "proved" and step.verdict != "checked"
    if step.verdict == "refuted":  # a counterexample in entries x[k], never x_2[i]
        assert not any("][" in name or "_2[" in name for name in dict(step.counterexample.values))


def test_rows_of_a_matrix_written_with_a_digit_stay_rows(tmp_path):
    # a_{1k}, a_{2k} beside a_{11}, a_{12}: rows 1 and 2 of a, and a_{11} the entry (1, 1)
    true = ("$$ \\sum_{k=1}^{2} a_{1k} b_{k} + \\sum_{k=1}^{2} a_{2k} b_{k} = "
            "a_{11} b_1 + a_{12} b_2 + a_{21} b_1 + a_{22} b_2 $$\n")
    false = "$$ \\sum_{k=1}^{2} a_{1k} b_{k} = a_{11} b_1 + a_{21} b_2 $$\n"
    assert verdict_at(tmp_path, true, 1) == "proved"
    assert verdict_at(tmp_path, false, 1) == "refuted"


def test_a_matrix_row_times_a_computed_index_is_proved(tmp_path):
    text = "$$ \\sum_{j=1}^{2} a_{ij} x_{2j} = a_{i1} x_2 + a_{i2} x_4 $$\n"
    assert verdict_at(tmp_path, text, 1) == "proved"


# -- R12: H(|X|) is the entropy of a function of X ----------------------------------------------
ENTROPY = "This note is about entropy.\n\n"


@pytest.mark.parametrize(
    "display",
    [
        "H(|X|) \\le H(X)",  # i2.md:3
        "H(|X|) \\le H(X) + 1",  # i2.md:9
        "H(X) \\le H(|X|) + 1",  # i2.md:11
        "H(|X|) = H(X)",  # i1.md:19 (false: the H2 case)
        "H(\\lvert X \\rvert) \\le H(X)",
        "H(\\left| X \\right|) \\le H(X)",
        "H(\\|X\\|) \\le H(X)",
    ],
)
def test_the_entropy_of_an_absolute_value_is_never_judged_as_an_unknown_function(tmp_path, display):
    [step] = steps_by_line(tmp_path, ENTROPY + f"$$ {display} $$\n")[3]
    assert step.verdict in ("undecided", "skipped")
    assert "instance" not in str(step.counterexample)
    assert step.counterexample is None


def test_the_guard_reads_bars_as_absolute_values_only_where_they_open_or_close():
    from symderive.notes.probability import function_of_variables

    assert function_of_variables("H(|X|) \\le H(X)") == "H(|X|)"
    assert function_of_variables("H(X|Y) \\le H(X)") == ""  # the bar of a condition
    assert function_of_variables("H(X | Y, Z) + I(X; Y)") == ""


def test_conditional_entropies_written_with_a_bar_stay_decided(tmp_path):
    [step] = steps_by_line(tmp_path, ENTROPY + "$$ H(X | X) = 0 $$\n")[3]
    assert step.verdict == "proved"


# -- R13: w^t with a lower-case t ---------------------------------------------------------------
VECTORS = "The weight vector $w$ and the input vector $x$ have the same length.\n\n"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (VECTORS + "$$ \\frac{\\partial}{\\partial w} w^t x = x $$\n", 3),  # t1.md:7
        (VECTORS + "$$ u^{t} v = v^{t} u $$\n", 3),  # t1.md:5
        ("$$ u^{t} v = v^{t} u $$\n", 1),  # d5.md:19 (t used nowhere else)
        (VECTORS + "$$ w^t = x^t $$\n", 3),  # a declared vector: not a power, wherever it stands
    ],
)
def test_a_lower_case_t_on_a_vector_is_two_readings_not_a_power(tmp_path, text, line):
    [step] = steps_by_line(tmp_path, text)[line]
    assert step.verdict == "skipped"
    assert "transpose" in step.reason and "power" in step.reason


def test_a_power_with_exponent_t_stays_a_power_where_t_is_a_variable(tmp_path):
    # t is a time index of the note: γ^t is a power, and these are judged
    text = ("Let $t$ be the time step.\n\n"
            "$$ \\gamma^t \\gamma^t = \\gamma^{2t} $$\n\n"
            "$$ \\frac{d}{dt} e^{t} = e^{t} $$\n\n"
            "$$ \\gamma^t \\gamma = \\gamma^{t} $$\n")
    found = steps_by_line(tmp_path, text)
    assert [step.verdict for step in found[3]] == ["proved"]
    assert [step.verdict for step in found[5]] == ["proved"]
    assert [step.verdict for step in found[7]] == ["refuted"]


def test_the_lower_t_reading_of_a_note():
    from symderive.grammar.transpose import lower_t

    reading = lower_t(["\\frac{\\partial}{\\partial w} w^t x = x"], VECTORS)
    assert reading.vectors == frozenset({"w"}) and reading.unused
    assert not lower_t(["\\sum_{t=1}^{T} \\gamma^t r_t"], "").unused


# -- R15: X ∈ {0, 1} is an alphabet ---------------------------------------------------------------
BITS = "This note is about entropy. All logarithms are base 2. "


@pytest.mark.parametrize(
    "sentence",
    [
        "$X \\in \\{0, 1\\}$.",  # e9.md:27
        "$X$ takes values in $\\{0, 1\\}$.",  # e2.md:25
        "$X$는 $\\{0, 1\\}$에서 값을 가진다.",
        "$X$ takes at most two values.",  # held before
        "$X$ is binary.",  # held before
    ],
)
def test_a_two_element_value_set_checks_the_one_bit_bound(tmp_path, sentence):
    text = BITS + sentence + "\n\n$$ H(X) \\le 1 $$\n\n"
    [step] = steps_by_line(tmp_path, text)[3]
    # never refuted; no certificate from a stated alphabet since round 10b (C1): undecided
    assert step.verdict in ("checked", "undecided"), step.reason
    assert "at most 2 outcomes" in step.reason or "no certificate" in step.reason


def test_a_bound_below_one_bit_is_refuted_on_two_outcomes(tmp_path):
    [step] = steps_by_line(tmp_path, BITS + "$X \\in \\{0, 1\\}$.\n\n$$ H(X) \\le 0.9 $$\n")[3]
    assert step.verdict == "refuted"
    assert len(dict(step.counterexample.values)) == 2  # a law on the two stated values


def test_a_three_element_value_set_refutes_the_three_halves_bound_on_three_outcomes(tmp_path):
    text = BITS + "$X \\in \\{a, b, c\\}$.\n\n$$ H(X) \\le \\frac{3}{2} $$\n"
    [step] = steps_by_line(tmp_path, text)[3]
    assert step.verdict == "refuted"  # log2 3 ≈ 1.585 > 1.5 on the uniform law
    assert len(dict(step.counterexample.values)) == 3


@pytest.mark.parametrize(
    "sentence", ["$X \\in \\{1, \\dots, k\\}$.", "$X \\in \\{0, 1\\}^n$."],
)
def test_a_value_set_that_is_not_a_list_of_values_makes_a_refutation_undecided(tmp_path, sentence):
    [step] = steps_by_line(tmp_path, BITS + sentence + "\n\n$$ H(X) \\le 1 $$\n")[3]
    assert step.verdict == "undecided"


def test_an_alphabet_stated_before_two_displays_blocks_a_larger_law_for_the_second(tmp_path):
    text = (BITS + "$X$ takes at most three values.\n\n$$ H(X) \\le \\frac{3}{2} $$\n\n"
            "$$ H(X) \\le \\log 3 $$\n")
    found = steps_by_line(tmp_path, text)
    assert [step.verdict for step in found[3]] == ["refuted"]  # uniform on 3 outcomes
    assert [step.verdict for step in found[5]] != ["refuted"]  # true on ≤ 3 outcomes


def test_the_value_set_reader():
    from symderive.notes.alphabets import stated_alphabet, value_set_size

    assert stated_alphabet("$X \\in \\{0, 1\\}$.") == ("X", 2)
    assert stated_alphabet("$Y$ takes values in $\\{a, b, c\\}$.") == ("Y", 3)
    assert stated_alphabet("$X \\in \\{0, 1\\}$ is uniform.") is None  # says more: a law
    assert value_set_size("0, 0") is None and value_set_size("1, \\dots, k") is None
