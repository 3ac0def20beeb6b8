r"""Round 11 notation in notes: a true claim written with a floor, a ceiling, a binomial
coefficient or a one-sided limit is proved or checked, and a false one of the same form is
refuted with a counterexample that reproduces when substituted into the claim as written,
evaluated here independently (Python's integers and fractions, SymPy's limit).  Arg max
claims are skipped as optimisations; a malformed use is a skip with its reason, never a crash."""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import pytest
import sympy as sp

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.report import SkipReason


def only_step(tmp_path: Path, latex: str, budget: float = 5.0):
    note = tmp_path / "note.md"
    note.write_text(f"Some text.\n\n$$ {latex} $$\n", encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=budget, jobs=1))
    [equation] = report.files[0].equations
    [step] = equation.steps
    return step


def values_of(step) -> dict[str, Fraction]:
    return {name: Fraction(value) for name, value in step.outcome.counterexample.values}


# -- floor and ceiling --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "latex",
    [r"\lceil x \rceil = -\lfloor -x \rfloor", r"\lfloor x + 1 \rfloor = \lfloor x \rfloor + 1"],
)
def test_a_true_floor_identity_is_checked(tmp_path, latex):
    assert only_step(tmp_path, latex).verdict in ("proved", "checked")


def test_the_ceiling_is_not_the_floor_plus_one_at_integers(tmp_path):
    step = only_step(tmp_path, r"\lceil x \rceil = \lfloor x \rfloor + 1")
    assert step.verdict == "refuted"
    x = values_of(step)["x"]
    assert -math.floor(-x) != math.floor(x) + 1  # ⌈x⌉ ≠ ⌊x⌋ + 1 there: x is an integer
    assert x.denominator == 1


def test_a_floor_bound_that_fails_is_refuted_where_it_fails(tmp_path):
    step = only_step(tmp_path, r"\lfloor x \rfloor + 1 \le x")
    assert step.verdict == "refuted"
    x = values_of(step)["x"]
    assert not math.floor(x) + 1 <= x


# -- binomial coefficients ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "latex",
    [
        r"\binom{n}{2} = \frac{n(n-1)}{2}",
        r"\binom{n}{k} = \binom{n}{n-k}",
        r"\binom{n}{k} = \binom{n-1}{k-1} + \binom{n-1}{k}",
        r"\binom{n}{k} = \frac{n!}{k!(n-k)!}",
        r"\sum_{k=0}^{n} \binom{n}{k} = 2^n",
        r"{n \choose 1} = n",
    ],
)
def test_a_true_binomial_identity_is_proved_or_checked(tmp_path, latex):
    assert only_step(tmp_path, latex).verdict in ("proved", "checked")


@pytest.mark.parametrize(
    ("latex", "claimed"),
    [
        (r"\binom{n}{2} = \frac{n(n+1)}{2}", lambda n, k: Fraction(n * (n + 1), 2)),
        (r"\binom{n}{k} = \binom{n-1}{k-1} + \binom{n}{k-1}",
         lambda n, k: math.comb(n - 1, k - 1) + math.comb(n, k - 1) if k >= 1 else 1 + 0),
        (r"\binom{n}{k} = \frac{n!}{k!(n+k)!}",
         lambda n, k: Fraction(math.factorial(n), math.factorial(k) * math.factorial(n + k))),
    ],
)
def test_a_false_binomial_identity_is_refuted_at_integers_in_range(tmp_path, latex, claimed):
    step = only_step(tmp_path, latex)
    assert step.verdict == "refuted"
    point = values_of(step)
    n = int(point["n"])
    k = int(point.get("k", 2))
    assert point["n"].denominator == 1 and n >= 1  # n a positive integer
    if "k" in point:
        assert point["k"].denominator == 1 and 0 <= k <= n  # k an integer from 0 to n
    assert math.comb(n, k) != claimed(n, k)


def test_a_binomial_of_a_real_name_is_skipped_with_its_reason(tmp_path):
    step = only_step(tmp_path, r"\binom{x}{2} = \frac{x(x-1)}{2}")
    assert step.verdict == "skipped"
    assert "generalised binomial coefficient" in step.reason


# -- one-sided limits ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "latex",
    [
        r"\lim_{x \to 0^+} x \log x = 0",
        r"\lim_{x \to 0^+} \frac{|x|}{x} = 1",
        r"\lim_{x \to 0^-} \frac{|x|}{x} = -1",
        r"\lim_{x \downarrow 0} e^{-1/x} = 0",
    ],
)
def test_a_true_one_sided_limit_is_proved(tmp_path, latex):
    assert only_step(tmp_path, latex).verdict in ("proved", "checked")


def test_a_one_sided_limit_from_the_wrong_side_is_refuted(tmp_path):
    step = only_step(tmp_path, r"\lim_{x \to 0^-} \frac{|x|}{x} = 1")
    assert step.verdict == "refuted"
    t = sp.Symbol("t")
    assert sp.limit(sp.Abs(t) / t, t, 0, dir="-") == -1  # the value that reproduces
    assert float(step.outcome.counterexample.lhs_value) == -1.0


def test_the_two_sided_limit_stays_undecided_where_the_sides_differ(tmp_path):
    step = only_step(tmp_path, r"\lim_{x \to 0} \frac{|x|}{x} = 1")
    assert step.verdict == "undecided"
    assert "does not exist" in step.reason


# -- optimisation and malformed uses -------------------------------------------------------------
@pytest.mark.parametrize(
    "latex",
    [
        r"\operatorname*{argmax}_j \hat y_j = \operatorname*{argmax}_j o_j",
        r"\operatorname*argmax_j \hat y_j = \operatorname*argmax_j o_j",
        r"\hat{\mathbf{w}} = \mathrm{arg\,min}_{\mathbf{w}} L(\mathbf{w})",
    ],
)
def test_an_arg_max_equation_is_an_optimisation(tmp_path, latex):
    note = tmp_path / "note.md"
    note.write_text(f"Text.\n\n$$ {latex} $$\n", encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=2.0, jobs=1))
    [equation] = report.files[0].equations
    assert equation.skip is SkipReason.OPTIMIZATION
    assert not [s for s in equation.steps if s.verdict in ("proved", "checked", "refuted")]


@pytest.mark.parametrize(
    ("latex", "words"),
    [
        (r"\lfloor x = \lfloor x \rfloor", r"expected \rfloor to close \lfloor"),
        (r"\binom{n} = 1", "expected '{'"),
        (r"\lim_{x \uparrow 0^+} x = 0", "one-sided arrow"),
        (r"\frac{\partial y}{\partial x_i} = \lim_{h \to 0} "
         r"\frac{f(x_1, \ldots, x_i+h) - f(x_1, \ldots, x_i)}{h}", "an ellipsis"),
    ],
)
def test_a_malformed_use_is_a_skip_with_its_reason(tmp_path, latex, words):
    step = only_step(tmp_path, latex, budget=2.0)
    assert step.verdict == "skipped"
    assert step.skip in (SkipReason.PARSE_ERROR, SkipReason.UNDEFINED_DERIVATIVE)
    assert words in step.reason and "Traceback" not in step.reason


def test_a_question_mark_side_is_no_claim(tmp_path):
    note = tmp_path / "note.md"
    note.write_text("Text.\n\n$$ \\frac{d}{dx} x^3 = ? $$\n", encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=2.0, jobs=1))
    [equation] = report.files[0].equations
    assert equation.skip is SkipReason.NOT_A_CHAIN and "question" in equation.reason


# -- counted sums ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "latex",
    [
        r"1 + 2 + \cdots + n = \frac{n(n+1)}{2}",
        r"1 + 3 + 5 + \cdots + (2n-1) = n^2",
        r"\sum_{i=1}^{n} i^2 = 1^2 + 2^2 + \cdots + n^2",
        r"1 + x + x^2 + \cdots + x^n = \frac{1 - x^{n+1}}{1 - x}",
    ],
)
def test_a_true_counted_sum_is_proved_or_checked(tmp_path, latex):
    assert only_step(tmp_path, latex).verdict in ("proved", "checked")


def test_a_false_counted_sum_is_refuted_at_a_size_where_it_fails(tmp_path):
    step = only_step(tmp_path, r"1 + 2 + \cdots + n = \frac{n(n-1)}{2}")
    assert step.verdict == "refuted"
    n = int(values_of(step)["n"])
    assert sum(range(1, n + 1)) != Fraction(n * (n - 1), 2)


def test_a_false_geometric_sum_is_refuted_where_it_fails(tmp_path):
    step = only_step(tmp_path, r"1 + x + x^2 + \cdots + x^n = \frac{1 - x^{n}}{1 - x}")
    assert step.verdict == "refuted"
    point = values_of(step)
    n, x = int(point["n"]), point["x"]
    assert sum(x**i for i in range(n + 1)) != (1 - x**n) / (1 - x)


def test_a_function_defined_on_vectors_applied_to_a_number_is_a_named_skip(tmp_path):
    # d2l: f(x) = ‖x‖_2 on vectors, then f(x) of a number: a reason, not an AttributeError
    note = tmp_path / "note.md"
    note.write_text("The function $f(\\mathbf{x}) = \\|\\mathbf{x}\\|_2$.\n\n$$ f(x) = |x| $$\n",
                    encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=2.0, jobs=1))
    [step] = [s for e in report.files[0].equations for s in e.steps if e.line == 3]
    assert step.verdict == "skipped"
    assert "f is defined for a vector" in step.reason and "has no attribute" not in step.reason
