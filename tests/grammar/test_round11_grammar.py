r"""Round 11 notation of the LaTeX grammar: floor and ceiling brackets, binomial coefficients,
one-sided limits, optimisation words (arg max, \max_i), ellipses in argument lists and a group
broken over two display lines.  Each reading is compared with a SymPy object built here
independently; each malformed use is a one-line ParseError naming the line, never a
traceback or a misreading (``\lfloor`` is no letter product, ``0^+`` no power)."""

import pytest
import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.latex import parse_latex_math, parse_latex_reading

x, y, a = sp.symbols("x y a")
n_size = sp.Symbol("n", integer=True, positive=True)
k_index = sp.Symbol("k", integer=True)


def read(text: str) -> sp.Basic:
    return parse_latex_math(text, source="note.md", line=7)


# -- floor and ceiling ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\lfloor x \rfloor", sp.floor(x)),
        (r"\lceil x \rceil", sp.ceiling(x)),
        (r"\left\lfloor \frac{x}{2} \right\rfloor", sp.floor(x / 2)),
        (r"\big\lceil x + 1 \big\rceil", sp.ceiling(x + 1)),
        (r"2 \lfloor x \rfloor y", 2 * y * sp.floor(x)),
        (r"\lfloor \lfloor x \rfloor / 2 \rfloor", sp.floor(sp.floor(x) / 2)),
        (r"\lceil x \rceil - \lfloor x \rfloor", sp.ceiling(x) - sp.floor(x)),
        (r"\lfloor 7/2 \rfloor", sp.Integer(3)),
        (r"\lceil -7/2 \rceil", sp.Integer(-3)),
    ],
)
def test_floor_and_ceiling_brackets_are_the_integer_parts(text, expected):
    assert read(text) == expected


def test_floor_is_never_a_product_of_letters_or_a_name():
    value = read(r"\lfloor x \rfloor")
    assert not value.free_symbols - {x}
    assert value.func is sp.floor


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (r"\lfloor x", r"expected \rfloor to close \lfloor"),
        (r"\lceil x + 1", r"expected \rceil to close \lceil"),
        (r"\lfloor x \rceil", "mixed bracket"),  # rounding to nearest: ties differ by author
        (r"\lceil x \rfloor", "mixed bracket"),
        (r"x \rfloor", "unexpected token"),
        (r"\rceil", r"\rceil without its opener"),
        (r"\left\lfloor x \right)", r"expected \rfloor"),
    ],
)
def test_a_malformed_floor_or_ceiling_is_a_one_line_error_with_the_line(text, words):
    with pytest.raises(ParseError) as raised:
        read(text)
    message = str(raised.value)
    assert message.startswith("note.md:7")
    assert words in message
    assert "\n" not in message


# -- binomial coefficients ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\binom{n}{k}", sp.binomial(n_size, k_index)),
        (r"{n \choose k}", sp.binomial(n_size, k_index)),
        (r"\dbinom{n}{2}", sp.binomial(n_size, 2)),
        (r"\tbinom{n+1}{k}", sp.binomial(n_size + 1, k_index)),
        (r"\binom{5}{2}", sp.Integer(10)),
        (r"\binom{1/2}{2}", sp.Rational(-1, 8)),  # Newton's coefficient of a written number
        (r"\sum_{k=0}^{n} \binom{n}{k}",
         sp.Sum(sp.binomial(n_size, k_index), (k_index, 0, n_size))),
    ],
)
def test_a_binomial_coefficient_reads_its_names_as_integers(text, expected):
    assert read(text) == expected


def test_the_names_of_a_binomial_are_integers_everywhere_in_the_side():
    # n of \binom{n}{2} and the n of n(n-1)/2 are one positive integer, not two symbols
    value = read(r"\binom{n}{2} - \frac{n(n-1)}{2}")
    assert value.free_symbols == {n_size}
    assert sp.simplify(sp.expand_func(value)) == 0
    _, readings, _ = parse_latex_reading(r"\binom{n}{k}")
    assert "binomial coefficient" in readings[r"\binom"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (r"\binom{n}{k", "expected '}'"),
        (r"\binom{n}", "expected '{'"),
        (r"\binom{x}{2}", "generalised binomial coefficient"),  # x real or a count?
        (r"\binom{\alpha}{k}", "generalised binomial coefficient"),
        (r"\binom{n}{1/2}", "must be an integer"),
        (r"(n \choose k)", r"\choose outside braces"),
        (r"\binom{1000}{500}", "factorial limit"),
        (r"n \choose k", "unexpected token"),
    ],
)
def test_a_malformed_binomial_is_a_one_line_error_with_the_line(text, words):
    with pytest.raises(ParseError) as raised:
        read(text)
    assert str(raised.value).startswith("note.md:7")
    assert words in str(raised.value)


# -- one-sided limits ---------------------------------------------------------------------------
def _limit_parts(value: sp.Basic) -> tuple:
    assert isinstance(value, sp.Limit)
    body, bound, point, direction = value.args
    return body.xreplace({bound: x}), point, str(direction)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        (r"\lim_{x \to 0^+} x \log x", "+"),
        (r"\lim_{x \to 0^{+}} x \log x", "+"),
        (r"\lim_{x\to0+} x \log x", "+"),
        (r"\lim_{x \to +0} x \log x", "+"),
        (r"\lim_{x \downarrow 0} x \log x", "+"),
        (r"\lim_{x \searrow 0} x \log x", "+"),
        (r"\lim_{x \to 0^-} x \log x", "-"),
        (r"\lim_{x \to 0^{-}} x \log x", "-"),
        (r"\lim_{x\to0^-} x \log x", "-"),
        (r"\lim_{x \to -0} x \log x", "-"),
        (r"\lim_{x \uparrow 0} x \log x", "-"),
        (r"\lim_{x \to 0} x \log x", "+-"),
    ],
)
def test_a_limit_from_one_side_is_sympys_one_sided_limit(text, direction):
    body, point, written = _limit_parts(read(text))
    assert body == x * sp.log(x)
    assert point == 0  # never 0 raised to a power, never a two-sided limit at +0
    assert written == direction


def test_the_point_of_a_one_sided_limit_is_read_without_its_mark():
    body, point, direction = _limit_parts(read(r"\lim_{x \to a^+} \frac{1}{x - a}"))
    assert (body, point, direction) == (1 / (x - a), a, "+")
    _, point, direction = _limit_parts(read(r"\lim_{x \to 1-} x"))
    assert (point, direction) == (1, "-")
    _, point, direction = _limit_parts(read(r"\lim_{x \to -1} x"))  # a negative point
    assert (point, direction) == (-1, "+-")
    assert sp.Limit(1 / x, x, 0, dir="+").doit() == sp.oo  # the reading SymPy evaluates


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (r"\lim_{x \to 0^+ x", "expected '}' to close the limit's subscript"),
        (r"\lim_{x \to \infty^+} x", "one-sided limit at infinity"),
        (r"\lim_{x \uparrow 0^+} x", "one-sided arrow"),
        (r"\lim_{x \Rightarrow 0} x", r"expected \to"),
    ],
)
def test_a_malformed_one_sided_limit_is_a_one_line_error(text, words):
    with pytest.raises(ParseError) as raised:
        read(text)
    assert str(raised.value).startswith("note.md:7")
    assert words in str(raised.value)


# -- optimisation, ellipses, broken lines -------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        r"\operatorname*{argmax}_j o_j",
        r"\operatorname*argmax_j o_j",
        r"\operatorname{argmin}_x f(x)",
        r"\arg\max_x f(x)",
        r"\arg\min_{x} f(x)",
        r"\mathrm{arg\,max}_x f(x)",
        r"\argmax_x f(x)",
        r"argmin_x f(x)",
    ],
)
def test_an_arg_max_is_an_optimisation_never_a_value(text):
    with pytest.raises(ParseError, match="an optimisation is not checked"):
        read(text)


@pytest.mark.parametrize(
    "text", [r"\max_i x_i", r"\mathrm{max}_i x_i", r"\min_{x} f(x)", r"\sup_x f(x)", r"\inf_n a_n"]
)
def test_an_extremum_over_a_range_is_not_read(text):
    with pytest.raises(ParseError, match="an extremum over a set"):
        read(text)
    assert read(r"\max(x, y)") == sp.Max(x, y)  # written arguments stay read


def test_arg_of_a_complex_number_is_not_an_arg_min():
    with pytest.raises(ParseError, match="argument of a complex number"):
        read(r"\arg z")


@pytest.mark.parametrize("text", [r"f(x_1, \ldots, x_n)", r"g(z_1, \dots, z_k)", r"\cdots"])
def test_an_ellipsis_outside_a_written_sum_is_named(text):
    with pytest.raises(ParseError, match="an ellipsis") as raised:
        read(text)
    assert "unsupported command" not in str(raised.value)
    assert isinstance(read(r"x_1 + \cdots + x_n"), sp.Sum)  # the written sum is still Σ x_i


def test_a_group_broken_over_two_lines_reads_as_one_group():
    assert read(r"2 \left( x + \right. \\ \left. \quad y \right)") == 2 * (x + y)
    assert read(r"\left. x + y \right.") == x + y
    assert read(r"\left. x^2 \right|_{x=3}").doit() == 9  # the evaluation bar is unchanged
    with pytest.raises(ParseError):
        read(r"\left( x + \right.")


# -- sums written with an ellipsis and a counted last term ---------------------------------
i_index = sp.Symbol("i", integer=True)
n_plain = sp.Symbol("n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"1 + 2 + \cdots + n", sp.Sum(i_index, (i_index, 1, n_plain))),
        (r"1 + 2 + \dots + n", sp.Sum(i_index, (i_index, 1, n_plain))),
        (r"1 + 3 + 5 + \cdots + (2n - 1)", sp.Sum(2 * i_index - 1, (i_index, 1, n_plain))),
        (r"1^2 + 2^2 + \cdots + n^2", sp.Sum(i_index**2, (i_index, 1, n_plain))),
        (r"1 + x + x^2 + \cdots + x^n", sp.Sum(x**i_index, (i_index, 0, n_plain))),
        (r"1 + 2 + \cdots + 2^n", sp.Sum(2**i_index, (i_index, 0, n_plain))),
        (r"y + 1 + 2 + \cdots + n", y + sp.Sum(i_index, (i_index, 1, n_plain))),
    ],
)
def test_a_counted_sum_takes_its_last_term_as_the_general_term(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (r"1 + \cdots + n", "not one indexed family"),  # one written term pins no pattern
        (r"1 + 2 + 4 + \cdots + n", "not one indexed family"),  # 4 is not the term at 3
        (r"1 + 2 + \cdots + 100", "not one indexed family"),  # no name for the last index
        (r"1 + 2 + \cdots + n + 1", "two readings"),  # up to n + 1, or (Σ i) + 1?
        (r"1 + x + \cdots", "infinite series"),
    ],
)
def test_a_sum_whose_pattern_is_not_pinned_is_not_read(text, words):
    with pytest.raises(ParseError) as raised:
        read(text)
    assert words in str(raised.value)


# -- precise reasons for what stays unread -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words"),
    [
        (r"\|x\|_2", "does not declare vectors"),  # a p-norm of a number or of a vector?
        (r"\Vert f - y \Vert_1", "does not declare vectors"),
        (r"\sum_{j \neq y_i} x_j", "a range cut by a condition"),
        (r"\sum_{j \ne i} x_j", "a range cut by a condition"),
    ],
)
def test_what_stays_unread_names_the_construct(text, words):
    with pytest.raises(ParseError) as raised:
        read(text)
    assert words in str(raised.value) and "unexpected token" not in str(raised.value)
