r"""The Low findings of the eleventh adversarial review still open at round 12
(/work/findings/round11a.md F12, L1, L2, L4, L5, L6, L7; round11b.md L1, L3), each with the
false claim and a true control of the same form:

* L5 — ``|a|b|c|`` is |a|·b·|c| or |a·|b|·c|: two readings, not read (it was refuted);
* L1 — Σ_{k=m}^{n} 1 = n − m + 1 fails only where the range runs backwards (m > n + 1): by
  the project's convention (issue 8: an empty sum is 0, an empty product 1, never Karr's
  −Σ over the gap) it is false there and refuted, with the sizes named — the reviewer's Low
  asked for undecided, which would contradict tests/soundness/test_findings.py;
* L6 — δ_ij beside s_i = e^{o_i}/Σ_k e^{o_k} is the Kronecker delta and s_j the same family:
  the softmax Jacobian s_i(δ_ij − s_j) is checked, s_i(δ_ij + s_j) refuted;
* L7 — a claim false under its own stated condition is refuted inside it (y = −1), and
  "(a) Let $x > 0$." states a domain as "1. Let $x > 0$." does;
* L4 — Var(2w) = 2Var(w) after "with $E[w] = 0$" is refuted on a law with E[w] = 0;
* F12 — an inequality between an expression and a number that holds almost everywhere is a
  bound: refuted when false, checked when true (sin x + cos x ≤ √2); a region
  (x² − 3x + 2 ≤ 0) stays an inequality in unknowns;
* L2 — x/x = 1 + max(0, |x| − 10⁹) shares x on both sides as written: refuted, not an equation
  to solve;
* 11b L1 — (x − 1/3)² ≥ 10⁻⁴⁰ is refuted at x = 1/3, the point SymPy's range names;
* 11b L3 — a constant claim's reason counts its one point, as points_checked does.
"""

import random
from fractions import Fraction

import pytest
import sympy as sp

from symderive.check import decide
from symderive.check.context import CheckContext
from tests.notes.note_steps import first_reasons, first_verdicts, steps_by_line

pytestmark = pytest.mark.slow

HOLDS = ("proved", "checked")


# -- L5: |a|b|c| has two readings ----------------------------------------------------------------

BARS = r"""# Bars

$$ |a|b|c| = |a||b||c| $$

$$ |x| y |z| = |x y z| $$

$$ \|u\| v \|w\| = \|u\| \|w\| v $$

$$ |a||b| = |ab| $$

$$ |a| b + |c| = |c| + b |a| $$

$$ |a| \cdot b \cdot |c| = b |a c| $$

$$ |a||b| = ab $$
"""


def test_bars_that_may_close_or_open_are_two_readings_never_refuted(tmp_path):
    verdicts, reasons = first_verdicts(tmp_path, BARS), first_reasons(tmp_path, BARS)
    for line in (3, 5, 7):
        assert verdicts[line] == "skipped" and "two readings" in reasons[line]
    # one reading only: the bar after |a| is followed by a bar, '+' or \cdot
    assert verdicts[9] == verdicts[11] == verdicts[13] == "proved"
    assert verdicts[15] == "refuted"  # |a||b| = ab is false at a = -1, b = 1


# -- L1: a sum whose range runs backwards ---------------------------------------------------------

SUMS = r"""# Counting

$$ \sum_{k=m}^{n} 1 = n - m + 1 $$

$$ \sum_{k=3}^{n} 1 = n - 2 $$

$$ \prod_{k=m}^{n} 2 = 2^{n - m + 1} $$

$$ \sum_{k=m}^{n} 1 = n - m $$

$$ \sum_{k=3}^{n} 1 = n - 3 $$
"""


def test_a_counting_formula_is_refuted_where_its_range_runs_backwards(tmp_path):
    # the empty-range convention (issue 8): Σ over an empty range is 0, Π is 1, so the closed
    # forms, meant for m ≤ n + 1, fail where the upper limit is below the lower one minus one
    steps = steps_by_line(tmp_path, SUMS)
    for line in (3, 5, 7):
        step = steps[line][0]
        assert step.verdict == "refuted", (line, step.reason)
        values = {name: int(value) for name, value in step.counterexample.values}
        assert values["n"] < values.get("m", 3) - 1  # a backward range: the sum is empty
        assert Fraction(step.counterexample.lhs_value) == (0 if line != 7 else 1)


def test_a_counting_formula_wrong_on_forward_ranges_is_refuted(tmp_path):
    steps = steps_by_line(tmp_path, SUMS)
    for line in (9, 11):
        assert steps[line][0].verdict == "refuted"


def test_a_bound_declared_negative_keeps_the_usual_empty_sum(tmp_path):
    note = "<!-- symderive: assume m negative -->\n# Empty\n\n$$ \\sum_{i=1}^{m} 1 = m $$\n"
    assert first_verdicts(tmp_path, note)[4] == "refuted"


# -- L6: the softmax Jacobian with the Kronecker delta --------------------------------------------

JACOBIAN = r"""# Softmax Jacobian

Let $s_i = \frac{\exp(o_i)}{\sum_{k=1}^{q} \exp(o_k)}$. Then

$$ \frac{\partial s_i}{\partial o_j} = s_i (\delta_{ij} - s_j) $$

$$ \frac{\partial s_j}{\partial o_i} = s_i (\delta_{ij} - s_j) $$

$$ \frac{\partial s_i}{\partial o_j} = s_i (\delta_{ij} + s_j) $$

$$ \frac{\partial s_i}{\partial o_j} = s_i (1 - s_j) $$
"""


def test_the_softmax_jacobian_is_checked_with_the_kronecker_delta(tmp_path):
    steps = steps_by_line(tmp_path, JACOBIAN)
    assert steps[5][0].verdict == steps[7][0].verdict == "checked"
    assert any("Kronecker" in reading for reading in steps[5][0].readings)


def test_a_wrong_softmax_jacobian_is_refuted_not_excused(tmp_path):
    steps = steps_by_line(tmp_path, JACOBIAN)
    assert steps[9][0].verdict == "refuted"  # s_i(δ_ij + s_j): 2 at q = 1, the Jacobian 0
    assert steps[11][0].verdict == "refuted"  # no δ: wrong off the diagonal


def test_a_delta_the_note_defines_is_not_the_kronecker_delta(tmp_path):
    note = (r"""# Deltas

Let $\delta_{ij} = 2$ and $s_i = \frac{\exp(o_i)}{\sum_{k=1}^{q} \exp(o_k)}$.

$$ \frac{\partial s_i}{\partial o_j} = s_i (\delta_{ij} - s_j) $$
""")
    step = steps_by_line(tmp_path, note)[5][0]
    assert step.verdict != "checked" and step.verdict != "proved"
    assert not any("Kronecker" in reading for reading in step.readings)


def test_a_delta_the_prose_names_otherwise_is_not_the_kronecker_delta(tmp_path):
    note = JACOBIAN.replace("Then", "Here $\\delta_{ij}$ is the distance from $i$ to $j$. Then")
    step = steps_by_line(tmp_path, note)[5][0]
    assert step.verdict not in HOLDS
    assert not any("Kronecker" in reading for reading in step.readings)
    named = JACOBIAN.replace("Then", "$\\delta_{ij}$ is the Kronecker delta. Then")
    assert steps_by_line(tmp_path, named)[5][0].verdict == "checked"


# -- L7: a claim false under its own stated condition ---------------------------------------------

CASES = r"""# Cases

(a) Let $x > 0$. Then $\sqrt{x^2} = x$.

# Cases 2

1. Suppose $y > 0$: $\sqrt{y^2} = y$.
2. Suppose $y < 0$: $\sqrt{y^2} = y$.

# Cases 3

(ii) Assume $t < 0$; then $\sqrt{t^2} = -t$.

# Cases 4

b) Suppose $u < 0$. Then $\sqrt{u^2} = u$.
"""


def test_a_claim_false_under_its_own_condition_is_refuted_inside_it(tmp_path):
    steps = steps_by_line(tmp_path, CASES)
    for line in (8, 16):
        step = next(s for s in steps[line] if s.verdict != "skipped")
        assert step.verdict == "refuted"
        values = dict(step.counterexample.values)
        assert Fraction(next(iter(values.values()))) < 0  # inside the condition


def test_an_enumerated_case_states_its_domain(tmp_path):
    steps = steps_by_line(tmp_path, CASES)
    for line in (3, 7, 12):
        step = next(s for s in steps[line] if s.verdict != "skipped")
        assert step.verdict == "proved", (line, step.reason)


# -- L4: a law stated only by its mean ------------------------------------------------------------

MEANS = r"""# Initialization

Let $w$ and $x$ be independent random variables with $E[w] = 0$ and $E[x] = 0$.

$$ \operatorname{Var}(2w) = 2\operatorname{Var}(w) $$

$$ \operatorname{Var}(2w) = 4\operatorname{Var}(w) $$

$$ E[w^2] = \operatorname{Var}(w) $$

# Bernoulli

Let $b$ be a Bernoulli random variable with $E[b] = 0$.

$$ \operatorname{Var}(2b) = 2\operatorname{Var}(b) $$
"""


def test_a_false_variance_rule_is_refuted_on_a_law_with_the_stated_mean(tmp_path):
    steps = steps_by_line(tmp_path, MEANS)
    step = steps[5][0]
    assert step.verdict == "refuted"
    values = dict(step.counterexample.values)
    probabilities = [Fraction(p) for p in values["P(outcome)"].strip("[]").split(",")]
    outcomes = [Fraction(v) for v in values["w"].strip("[]").split(",")]
    assert sum(p * v for p, v in zip(probabilities, outcomes)) == 0  # E[w] = 0, as stated
    mean_square = sum(p * v * v for p, v in zip(probabilities, outcomes))
    assert 4 * mean_square != 2 * mean_square  # Var(2w) ≠ 2Var(w) on that law


def test_true_variance_rules_under_the_stated_mean_stay(tmp_path):
    verdicts = first_verdicts(tmp_path, MEANS)
    assert verdicts[7] in HOLDS
    assert verdicts[9] == "undecided"  # true when E[w] = 0: never refuted on another law
    assert verdicts[15] == "undecided"  # a Bernoulli law says more than its mean: not moved


# -- F12, L2: bounds against a number; letters that cancel ----------------------------------------

BOUNDS = r"""# Bounds

$$ \sin x + \cos x \le \sqrt{2} $$

$$ \sin x + \cos x \le 1 $$

$$ \sin x \le 0.99 $$

$$ x^2 - x \ge -0.2 $$

$$ x^2 - x \ge -0.25 $$

$$ x^2 - 3x + 2 \le 0 $$

$$ \frac{x}{x} = 1 + \max(0, |x| - 10^{9}) $$

$$ \cos\theta = -1 $$
"""


def test_false_bounds_against_a_number_are_refuted_and_true_ones_checked(tmp_path):
    steps = steps_by_line(tmp_path, BOUNDS)
    assert steps[3][0].verdict == "checked", steps[3][0].reason
    assert steps[11][0].verdict == "checked", steps[11][0].reason
    x = sp.Symbol("x", real=True)
    claims = {5: sp.sin(x) + sp.cos(x) - 1, 7: sp.sin(x) - sp.Rational(99, 100),
              9: -(x**2 - x + sp.Rational(1, 5))}  # each must be > 0 at the counterexample
    for line, excess in claims.items():
        step = steps[line][0]
        assert step.verdict == "refuted", (line, step.reason)
        value = sp.Rational(Fraction(dict(step.counterexample.values)["x"]))
        assert excess.subs(x, value).evalf(50) > 0


def test_a_region_and_an_equation_stay_conditions(tmp_path):
    verdicts = first_verdicts(tmp_path, BOUNDS)
    assert verdicts[13] == "skipped" and verdicts[17] == "skipped"


def test_letters_that_cancel_leave_an_identity_to_refute(tmp_path):
    assert first_verdicts(tmp_path, BOUNDS)[15] == "refuted"


# -- round 11b L1, L3 -----------------------------------------------------------------------------

def test_a_negative_slack_at_a_named_point_refutes(tmp_path):
    note = ("# I\n\n$$ (x - \\frac{1}{3})^2 \\ge 10^{-40} $$\n\n"
            "$$ (x - \\frac{1}{3})^2 \\ge 0 $$\n")
    steps = steps_by_line(tmp_path, note)
    assert steps[3][0].verdict == "refuted"
    assert dict(steps[3][0].counterexample.values)["x"] == "1/3"
    assert steps[5][0].verdict == "checked"


def test_a_constant_claim_counts_its_one_point():
    outcome = decide.numeric_phase(sp.exp(sp.pi), sp.pi**sp.E, ">", CheckContext.build({}),
                                   random.Random(0))
    assert outcome.verdict == "checked" and outcome.points_checked == 1
    assert outcome.reason.startswith("1 point(s) agreed")
