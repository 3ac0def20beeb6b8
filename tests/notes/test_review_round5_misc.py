"""Findings H1, H2, L1, L3, L4 and L5 of the fifth adversarial review (/work/findings/round5.md),
each as the note the reviewer wrote plus paraphrases: the verdict it must (not) get, and the
true claims beside them that must stay decided."""

from __future__ import annotations

from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow


def report_of(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    [file] = check_files([note], NotesOptions(budget_seconds=3.0)).files
    return file


def checked(tmp_path: Path, text: str):
    """The notices and the last step of each line."""
    file = report_of(tmp_path, text)
    return file.notices, {eq.line: step for eq in file.equations for step in eq.steps}


# H1: givens that contradict each other ---------------------------------------------------

H4 = "<!-- symderive: given u = v + 1; given v = u + 1 -->\n\n$$ u = v + 1 $$\n\n$$ 0 = 2 $$\n\n" \
     "$$ u - v = -1 $$\n"


def test_the_reviewers_contradictory_givens_are_reported_and_refute_nothing_about_them(tmp_path):
    notices, steps = checked(tmp_path, H4)
    [notice] = [n for n in notices if "contradict" in n]
    assert notice.startswith("line 1:") and "u, v" in notice
    # u - v = -1 is what the second given says; the first (repeated on line 3) says 1: the
    # pair has no solution, so neither may be used alone to refute the claim
    assert steps[7].verdict == "undecided"
    assert "contradict" in steps[7].reason
    # 0 = 2 names no symbol of the givens: false as written
    assert steps[5].verdict == "refuted"


@pytest.mark.parametrize(
    "givens, claim",
    [
        ("given u = v + 1; given v = u + 1", "v - u = 1"),
        ("given a = 1; given a = 2", "a + 1 = 3"),
        ("given x + y = 1; given x + y = 3", "(x + y)^2 = x^2 + 2 x y + y^2 + 1"),
        ("given p q = 1; given p = 0", "p q = 1"),
    ],
)
def test_a_claim_about_contradictory_givens_is_not_refuted(tmp_path, givens, claim):
    notices, steps = checked(tmp_path, f"<!-- symderive: {givens} -->\n\n$$ {claim} $$\n")
    assert any("contradict" in n for n in notices)
    assert steps[3].verdict != "refuted"


def test_consistent_givens_still_refute_and_prove(tmp_path):
    # u = v + 1 and w = u + v hold together (any v): u^2 = v^2 + 2v is false under them
    text = ("<!-- symderive: assume u, v, w real; given u = v + 1; given w = u + v -->\n\n$$ v^2 + 2 v = u^2 $$\n\n"
            "$$ v^2 + 2 v + 1 = u^2 $$\n")
    notices, steps = checked(tmp_path, text)
    assert not [n for n in notices if "contradict" in n]
    assert steps[3].verdict == "refuted"
    assert steps[5].verdict == "proved"


def test_a_refutation_reproduces_under_every_given_not_only_the_used_ones(tmp_path):
    # a + b^2 = 0 is not a rewrite of a symbol: the claim a + 1 = 1 - b^2 holds wherever the
    # given does; a point with a + b^2 != 0 is no counterexample
    text = "<!-- symderive: given a + b^2 = 0 -->\n\n$$ a + 1 = 1 - b^2 $$\n"
    _, steps = checked(tmp_path, text)
    assert steps[3].verdict != "refuted"


def test_a_false_claim_under_a_given_is_never_refuted_off_the_given(tmp_path):
    # a = -b^2 under the given: a + 1 = 1 + b^2 fails wherever b != 0; sampled points rarely
    # satisfy a + b^2 = 0, so it may stay undecided, but a counterexample must satisfy it
    from fractions import Fraction

    text = "<!-- symderive: given a + b^2 = 0 -->\n\n$$ a + 1 = 1 + b^2 $$\n"
    _, steps = checked(tmp_path, text)
    step = steps[3]
    assert step.verdict in ("refuted", "undecided")
    if step.verdict == "refuted":
        point = dict(step.outcome.counterexample.values)
        a, b = Fraction(point["a"]), Fraction(point["b"])
        assert a + b * b == 0


def test_unmet_given_completes_a_point_with_real_values():
    import sympy as sp

    from symderive.check.givens import unmet_given
    from symderive.model import Domain

    a, b, c = sp.symbols("a b c", real=True)
    real = lambda symbol: Domain("real")  # noqa: E731
    givens = ((a + b**2, sp.Integer(0)),)
    # a = -4: b = ±2 completes it; a = 4: no real b
    assert unmet_given(givens, {a: sp.Integer(-4)}, {}, real) == ""
    assert unmet_given(givens, {a: sp.Integer(4)}, {}, real) == "a + b**2 = 0"
    # linked through another given: a = 1 gives b = -1, then c^2 = b has no real c
    linked = ((a + b, sp.Integer(0)), (c**2, b))
    assert unmet_given(linked, {a: sp.Integer(1)}, {}, real) != ""
    assert unmet_given(linked, {a: sp.Integer(-1)}, {}, real) == ""
    # a given about other symbols only is not this point's business
    assert unmet_given(((c, sp.Integer(2)),), {a: sp.Integer(1)}, {}, real) == ""


# L5: a conclusion after values of a label is a claim, never a new value of the label --------

KT = (
    "The cross-entropy is $H(x) = -\\sum_{i=1}^{n} q(x_i)\\log p(x_i)$.\n\n"
    "Take two outcomes with $q(x_1) = t$, $q(x_2) = 1 - t$, $p(x_1) = y$ and $p(x_2) = 1 - y$. "
    "Then $H(x) = -t\\log y - (1-t)\\log(1 - t)$.\n\n"
    "With $n = 3$, $H(x) = -q(x_1)\\log p(x_1) - q(x_2)\\log p(x_2) - q(x_2)\\log p(x_2)$.\n\n"
    "Therefore $H(x) = -t\\log t - t\\log t$.\n"
)


def test_the_reviewers_therefore_is_checked_not_skipped_as_a_definition(tmp_path):
    _, steps = checked(tmp_path, KT)
    # lines 5 and 7 are wrong (q(x_2) twice; -2t log t): each is a claim, never a definition
    for line in (5, 7):
        assert line in steps, line
        assert steps[line].verdict not in ("skipped", "proved", "checked"), line
        assert steps[line].reason


FAIR_DIE = "For a fair die, $H(x) = -6 \\cdot \\frac{1}{6}\\log\\frac{1}{6}$. "


@pytest.mark.parametrize(
    "conclusion, right, verdict",
    [
        ("Therefore", "\\log 6", "proved"),  # -6 · (1/6) log(1/6) = log 6
        ("Hence", "\\log 3", "refuted"),
        ("Thus", "\\log 6", "proved"),
        ("So", "2 \\log 6", "refuted"),
        ("따라서", "\\log 5", "refuted"),
        ("그러므로", "\\log 6", "proved"),
    ],
)
def test_a_conclusion_about_a_label_is_checked_against_its_value(
    tmp_path, conclusion, right, verdict
):
    import math

    _, steps = checked(tmp_path, f"{FAIR_DIE}{conclusion} $H(x) = {right}$.\n")
    assert steps[1].verdict == verdict
    if verdict == "refuted":  # the counterexample's left side is log 6 (mpmath reference)
        assert abs(float(steps[1].outcome.counterexample.lhs_value) - math.log(6)) < 1e-9


def test_a_new_example_after_a_label_is_still_a_new_value(tmp_path):
    # "For a fair coin, H = log 2. For a fair die, H = log 6": two labels, nothing to check
    text = ("For a fair coin, $H(x) = -(\\frac{1}{2}\\log\\frac{1}{2} + \\frac{1}{2}"
            "\\log\\frac{1}{2})$. For a fair die, $H(x) = \\log 6$.\n")
    file = report_of(tmp_path, text)
    assert len(file.equations) == 2
    assert all(equation.skip == "definition" and not equation.steps
               for equation in file.equations)


# L3: evaluation bars are the derivative at the point ---------------------------------------


@pytest.mark.parametrize(
    "display, verdict",
    [
        (r"\frac{d}{dx} x^2 \Big|_{x = 1} = 2", "proved"),  # c1.md:13
        (r"\left. \frac{d}{dx} x^2 \right|_{x = 1} = 2", "proved"),  # c1.md:15
        (r"\left.\frac{d}{dx} x^2\right|_{x=1} = 2", "proved"),
        (r"\frac{d}{dx} x^3 \bigg|_{x=0} = 0", "proved"),
        (r"\left.\frac{d}{dx} x^2\right|_{x=1} = 3", "refuted"),
        (r"\frac{d}{dx} x^3 \Big|_{x = 2} = 8", "refuted"),
        (r"\left. \frac{d}{dx} \sin x \right|_{x = 0} = 0", "refuted"),
    ],
)
def test_a_derivative_at_a_point_written_with_a_bar_is_decided(tmp_path, display, verdict):
    _, steps = checked(tmp_path, f"$$ {display} $$\n")
    step = steps[1]
    assert step.verdict == verdict
    if verdict == "refuted":  # the counterexample reproduces: the sides are the numbers shown
        import sympy as sp

        left, right = display.rsplit("=", 1)
        assert sp.Float(step.outcome.counterexample.rhs_value) == sp.Float(right.strip())
        assert sp.Float(step.outcome.counterexample.lhs_value) != sp.Float(right.strip())


def test_the_reviewers_bar_at_a_kink_is_not_refuted(tmp_path):
    # k1.md:63: z = max(x, 0) has no derivative at 0 (one-sided 0 and 1): never 1/2 refuted
    text = "Let $z(x) = \\max(x, 0)$.\n\n$$ \\frac{d}{dx} z(x) \\Big|_{x=0} = \\frac{1}{2} $$\n"
    _, steps = checked(tmp_path, text)
    assert steps[3].verdict in ("skipped", "undecided")


# L4: at a kink where both one-sided derivatives agree, the derivative exists ------------------


@pytest.mark.parametrize(
    "definition, claim, verdict",
    [
        (r"v(x) = \max(x, 0)^2", "v'(0) = 0", "proved"),  # k1.md:27
        (r"a(x) = \min(x, 0)^2", "a'(0) = 0", "proved"),
        (r"b(x) = |x|^3", "b'(0) = 0", "proved"),
        (r"c(x) = x |x|", "c'(0) = 0", "proved"),
        (r"d(x) = \max(x - 1, 0)^2", "d'(1) = 0", "proved"),
        (r"h(x) = \max(x, 0)^3 + x", "h'(0) = 1", "proved"),
        (r"w(x) = \max(x, 0)^2", "w'(0) = 1", "refuted"),  # it exists, and it is 0
    ],
)
def test_a_derivative_at_a_switch_where_both_sides_agree_is_decided(
    tmp_path, definition, claim, verdict
):
    _, steps = checked(tmp_path, f"Let ${definition}$.\n\n$$ {claim} $$\n")
    assert steps[3].verdict == verdict, steps[3].reason


@pytest.mark.parametrize(
    "definition, claim",
    [
        (r"u(x) = \min(x, 1)", "u'(1) = \\frac{1}{2}"),  # k1.md:21: 1 from the left, 0 right
        (r"m(x) = \max(x, 0) + \max(-x, 0)", "m'(0) = 0"),  # k1.md:45: |x|
        (r"g(x) = \frac{x + |x|}{2}", "g'(0) = \\frac{1}{2}"),  # k1.md:9
        (r"z(x) = \max(x, 0)", "z'(0) = 0"),
        (r"w(x) = \max(\sin x, 0)", "w'(0) = \\frac{1}{2}"),  # k1.md:33
    ],
)
def test_a_derivative_at_a_switch_where_the_sides_differ_is_still_skipped(
    tmp_path, definition, claim
):
    _, steps = checked(tmp_path, f"Let ${definition}$.\n\n$$ {claim} $$\n")
    assert steps[3].verdict == "skipped", steps[3].reason


def test_the_one_sided_derivatives_against_difference_quotients():
    import sympy as sp

    from symderive.notes.kinks import one_sided_derivatives

    x = sp.Symbol("x")
    h = sp.Rational(1, 10**9)
    for function, point in ((sp.Max(x, 0) ** 2, 0), (sp.Abs(x), 0), (sp.Min(x, 1), 1),
                            (x * sp.Abs(x), 0), (sp.Max(x, 0) ** 3 + x, 0)):
        left, right = one_sided_derivatives(function, x, {x: sp.Integer(point)})
        at = function.subs(x, point)
        left_quotient = (at - function.subs(x, point - h)) / h
        right_quotient = (function.subs(x, point + h) - at) / h
        assert abs(left - left_quotient) < 1e-6 and abs(right - right_quotient) < 1e-6
    # a jump (sign) has no finite one-sided derivative; a switch the step's sign cannot
    # decide (max(sin x, 0)) is not computed
    assert one_sided_derivatives(sp.sign(x), x, {x: sp.Integer(0)}) is None
    assert one_sided_derivatives(sp.Max(sp.sin(x), 0), x, {x: sp.Integer(0)}) is None


# L1: an unreadable note's line names file:line in every format ------------------------------


def test_an_unreadable_note_is_reported_at_file_and_line_in_every_format(tmp_path):
    import json

    from tests.cli.run import symderive

    note = tmp_path / "bad.md"
    note.write_bytes(b"abc\xff $$ x = 1 $$\n")  # the review's bad.md
    text = symderive("notes", str(note), "--no-cache", "--no-color", timeout=120,
                     env={"COLUMNS": "400"})  # the temporary path and the message on one line
    assert text.returncode == 2
    [line] = [line for line in text.stdout.splitlines() if "not checked" in line]
    assert line.startswith(f"{note}:1: not checked: not UTF-8 (byte 0xff at offset 3)")
    as_json = symderive("notes", str(note), "--no-cache", "--format", "json", timeout=120)
    assert as_json.returncode == 2
    [entry] = json.loads(as_json.stdout)["files"]
    assert entry["error_line"] == 1 and "not UTF-8" in entry["error"]
    github = symderive("notes", str(note), "--no-cache", "--format", "github", timeout=120)
    assert github.returncode == 2 and f"::error file={note},line=1," in github.stdout
    junit = symderive("notes", str(note), "--no-cache", "--format", "junit", timeout=120)
    assert junit.returncode == 2 and 'line="1"' in junit.stdout


# H2: a function defined later does not excuse a wrong gradient about the scores f_k ----------

SCORES = ("The softmax probabilities are $p_k = \\frac{e^{f_k}}{ \\sum_j e^{f_j} }$ and the loss "
          "is $L_i =-\\log\\left(p_{y_i}\\right)$.\n\n")
WRONG_3 = "$$ \\frac{\\partial L_i }{ \\partial f_k } = p_k - \\mathbb{1}(y_i = k) + 10^{-14} p_k $$\n\n"
WRONG_5 = ("$$ \\frac{\\partial L_i }{ \\partial f_k } = p_k - \\mathbb{1}(y_i = k) + |p_k - p_k| "
           "+ 10^{-3} $$\n\n")
RIGHT = "$$ \\frac{\\partial L_i }{ \\partial f_k } = p_k - \\mathbb{1}(y_i = k) $$\n\n"


def test_the_reviewers_later_function_does_not_excuse_wrong_gradients(tmp_path):
    text = SCORES + WRONG_3 + WRONG_5 + "Let $f(x) = x^2$.\n\n$$ f'(1) = 2 + \\max(0, 10^{-20}) $$\n"
    _, steps = checked(tmp_path, text)
    assert steps[3].verdict == "refuted" and steps[5].verdict == "refuted"
    for line in (3, 5):  # the counterexample reproduces: at n = 1, p_1 = 1 and the gradient 0
        point = dict(steps[line].outcome.counterexample.values)
        assert point["n"] == "1" and float(steps[line].outcome.counterexample.lhs_value) == 0
    assert steps[9].verdict == "refuted"  # 2 ≠ 2 + 10^-20


@pytest.mark.parametrize(
    "later",
    [
        "## Another example\n\n$$ f(x) = x^2 $$\n",  # a later section
        "Now let $f(x) = \\sin x$.\n",
        "Let $f(x, y) = x y$.\n",
    ],
)
def test_a_function_defined_after_the_claim_does_not_excuse_it(tmp_path, later):
    _, steps = checked(tmp_path, SCORES + WRONG_3 + RIGHT + later)
    assert steps[3].verdict == "refuted"
    assert steps[5].verdict in ("proved", "checked")  # the true gradient stays decided


@pytest.mark.parametrize(
    "text",
    [
        # f applied before the claim: the doubt stands
        "Let $f(x) = x^2$.\n\n" + SCORES + WRONG_3,
        # a forward definition reaches back to the claim's line ("where …")
        SCORES + "$$ \\frac{\\partial L_i }{ \\partial f_k } = p_k - \\mathbb{1}(y_i = k) + "
        "10^{-14} p_k \\quad \\text{where } f(x) = x^2 $$\n",
        # applied after the claim but not as a definition (a value of f): the doubt stands
        SCORES + WRONG_3 + "$$ f(2) = 4 $$\n",
    ],
)
def test_f_applied_before_or_around_the_claim_keeps_it_undecided(tmp_path, text):
    file = report_of(tmp_path, text)
    wrong = [step for equation in file.equations for step in equation.steps
             if "10^{-14}" in step.rhs_latex]
    assert wrong and all(step.verdict != "refuted" for step in wrong)


# Found when merging: a refutation dropped because its point leaves a given unsatisfied made the
# claim *checked* on the points that agreed (the catalog's bias-variance erratum, whose given
# y_t = epsilon + f is about random variables, had its wrong steps checked) ----------------

def test_a_given_about_random_variables_does_not_exclude_a_point():
    import sympy as sp

    from symderive.check.givens import unmet_given
    from symderive.model import Domain

    y, eps, f = sp.symbols("y_t epsilon f", real=True)
    kinds = {y: Domain("random"), eps: Domain("random"), f: Domain("real")}
    assert unmet_given(((y, eps + f),), {f: sp.Rational(-9, 2)}, {}, kinds.__getitem__) == ""


def test_the_bias_variance_errata_are_refuted_not_checked():
    from symderive.catalog import get
    from symderive.check import check_derivation

    report = check_derivation(get("bias-variance-erratum"))
    wrong = [step for step in report.steps if step.expect != "holds"]  # the note's steps
    assert wrong and all(step.outcome.verdict == "refuted" for step in wrong)
    assert all(step.correction_outcome.verdict in ("proved", "checked")
               for step in wrong if step.correction_outcome is not None)


def test_a_claim_refuted_only_off_a_given_is_undecided_never_checked(tmp_path):
    text = "<!-- symderive: given a + b^2 = 0 -->\n\n$$ a + 1 = 1 + b^2 $$\n"
    _, steps = checked(tmp_path, text)
    assert steps[3].verdict in ("refuted", "undecided")
