"""Round 14b F1, F2 (/work/findings/round14b.md): claims about every size n.

- F1: ⌊n/e^7⌋ is 0 for n ≤ 1096 and 1 from n = 1097 = ⌈e^7⌉ on, so ``n = n + ⌊n/e^7⌋`` is
  false for every n ≥ 1097; it was *checked* at the sizes 1…8 (1…16 and 95 with a sum).  A
  floor, ceiling, frac or mod argument now names the sizes at its first jumps (argument = k
  solved, as for real variables), and a claim whose cost does not grow with n is tried over
  the decades up to 10^6.  A jump past what the claim affords is named: *undecided*.
- F2: ``sign(relu(n - 1000)) = 0`` ended as "checker error: NameError: name 'relu' is not
  defined": the scan of a kink argument over the sizes did not know the deep-learning
  functions.  Every function of the grammar's table now evaluates under every kind of
  variable, and an internal error says that it is one.
- F9: ``heaviside(log(x)) = heaviside(x - 1)`` was *checked* with 4 points inconclusive: at
  x < 0 the left side has no real value and the right side has one, which refutes an equation
  over the reals (as for sign); the refutation did not reproduce because SymPy refuses to
  build Heaviside of a complex number.  It is now re-evaluated with balls, as a slow one is.

Each false row is the reviewer's (or of the same form); each control is a true claim of the
same form that must stay proved or checked.
"""

import json
from fractions import Fraction

import mpmath
import pytest
import sympy as sp

from symderive.check import sampling
from symderive.check.budget import Task, _raised_at, run_tasks
from symderive.check.context import CheckContext
from symderive.check.numeric_form import mpmath_function
from symderive.cli import main
from symderive.errors import CHECKER_ERROR
from symderive.grammar.plain import FUNCTIONS
from symderive.model import Domain

HOLDS = ("proved", "checked")


def judged(capsys, lhs: str, rhs: str, *options: str) -> dict:
    main(["equal", "--json", *options, "--", lhs, rhs])
    return json.loads(capsys.readouterr().out)


def witness(result: dict) -> int:
    return int(result["counterexample"]["values"]["n"])


# -- F1: a step function of the size that switches on past the small sizes ---------------------

@pytest.mark.parametrize(("lhs", "rhs", "options", "first_failure"), [
    ("n", r"n + \lfloor n/e^7 \rfloor", ("--assume", "n size"), 1097),  # e^7 = 1096.63…
    ("n", r"n + \lceil n/e^7 \rceil - 1", ("--assume", "n size"), 1097),
    ("n", r"n + \lfloor n^2/e^{20} \rfloor", ("--assume", "n size"), 22027),  # e^10 = 22026.5
    (r"\sum_{i=1}^{n} i", r"\frac{n(n+1)}{2} + \lfloor n/e^7 \rfloor", (), 1097),
    (r"\sum_{i=1}^{n} 1", r"n + \lfloor n/e^7 \rfloor", (), 1097),
    (r"\sum_{i=1}^{n} i", r"\frac{n(n+1)}{2} + \lfloor n/\pi^{6} \rfloor", (), 962),  # π^6 = 961.4
])
def test_a_floor_that_switches_on_past_the_small_sizes_is_refuted_there(
        capsys, lhs, rhs, options, first_failure):
    result = judged(capsys, lhs, rhs, "--latex", *options)
    assert result["verdict"] == "refuted", result["reason"]
    assert witness(result) >= first_failure


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_same_floor_of_an_integer_variable_is_refuted_past_its_jump(capsys, seed):
    # an integer variable takes the integers around each jump (jump_points): 1097 is one
    result = judged(capsys, "n", r"n + \lfloor \max(n, 0)/e^7 \rfloor", "--latex", "--seed",
                    str(seed), "--assume", "n integer")
    assert result["verdict"] == "refuted" and witness(result) >= 1097


def test_a_sum_whose_floor_switches_on_past_what_the_sum_affords_is_not_checked(capsys):
    # ⌊n²/e^{20}⌋ = 1 first at n = 22027, past the 4096 terms a sum is written out to
    result = judged(capsys, r"\sum_{i=1}^{n} i", r"\frac{n(n+1)}{2} + \lfloor n^2/e^{20} \rfloor",
                    "--latex")
    assert result["verdict"] == "undecided", result
    assert "22027" in result["reason"] and "not evaluated" in result["reason"]


@pytest.mark.parametrize(("lhs", "rhs", "options"), [
    (r"\sum_{i=1}^{n} i", r"\frac{n(n+1)}{2}", ()),
    (r"\sum_{i=1}^{n} 1", "n", ()),
    (r"\lfloor n/2 \rfloor + \lceil n/2 \rceil", "n", ("--assume", "n size")),
    (r"\lfloor (n - 1)/n \rfloor", "0", ("--assume", "n size")),
    (r"n + \lfloor 1/(n + 1) \rfloor", "n", ("--assume", "n size")),
])
def test_true_claims_with_sums_and_floors_of_a_size_still_hold(capsys, lhs, rhs, options):
    result = judged(capsys, lhs, rhs, "--latex", *options)
    assert result["verdict"] in HOLDS, result["reason"]


def test_a_bare_claim_in_a_size_is_tried_over_the_decades(capsys):
    # checked numerically, it names the sizes it saw: 10^2 … 10^6 among them
    result = judged(capsys, r"\lfloor n/2 \rfloor + \lceil n/2 \rceil", "n", "--latex",
                    "--assume", "n size")
    assert result["verdict"] in HOLDS, result["reason"]
    if result["verdict"] == "checked":
        for decade in ("(100,)", "(1000,)", "(10000,)", "(1000000,)"):
            assert decade in result["reason"], result["reason"]


def test_a_threshold_far_past_the_cap_names_a_size_not_evaluated():
    # ⌊n/e^{30}⌋ switches on at n ≈ 1.07·10^13, past every size a bare claim is tried at
    n = sp.Symbol("n")
    named = sampling.size_jumps((n, n + sp.floor(n / sp.E**30)), sampling.SIZE_CAP_BARE)
    assert max(named) > sampling.SIZE_CAP_BARE


def test_the_jumps_of_a_size_are_those_of_the_real_jump_search():
    n = sp.Symbol("n")
    assert {1096, 1097} <= sampling.size_jumps((n, n + sp.floor(n / sp.E**7)), 4096)
    assert {1, 2, 3} <= sampling.size_jumps((n, sp.Mod(n, 3)), 4096)


def test_a_claim_sampled_at_small_sizes_only_says_so(capsys):
    # a derivative of a sum over n is written out at the small sizes only
    result = judged(capsys, r"\frac{d}{dx}\sum_{i=1}^{n} x^i", r"\sum_{i=1}^{n} i x^{i-1}",
                    "--latex")
    assert result["verdict"] in HOLDS
    if result["verdict"] == "checked":
        assert "only small sizes evaluated" in result["reason"]


# -- F2: every function of the grammar evaluates under every kind of variable ------------------

def _applied(name: str, argument: sp.Expr) -> sp.Expr:
    """The grammar's builder for ``name`` applied to ``argument`` (and a second argument where
    the function takes two at least or at most: a log base, leaky_relu's slope, a max)."""
    fewest, most, build = FUNCTIONS[name]
    if fewest >= 2 or name in ("max", "min", "logsumexp"):
        return build(argument, sp.Rational(1, 10) if name == "leaky_relu" else sp.Integer(3))
    return build(argument)


KINDS = ("size", "integer", "real", "positive")


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_function_of_the_grammar_has_an_mpmath_value(name):
    n = sp.Symbol("n")
    value = mpmath_function(n, sp.sign(_applied(name, n - 1000)))(mpmath.mpf(1001))
    assert value in (-1, 0, 1)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_function_of_the_grammar_is_scanned_over_the_sizes(name):
    n = sp.Symbol("n", integer=True, positive=True)
    sides = (sp.sign(_applied(name, n - 1000)), sp.Integer(0))
    sampling.named_sizes(sides, 4096)  # raises no error (round 14b F2: NameError for relu)
    sampling.size_jumps((sp.floor(_applied(name, n / 7)),), 4096)


def test_every_function_of_the_grammar_is_judged_under_every_kind_of_variable():
    """sign(f(v - 1000)) = 2 is false wherever it is defined: never checked, never a crash."""
    tasks = []
    for name in sorted(FUNCTIONS):
        for kind in KINDS:
            v = sp.Symbol("n")
            tasks.append(Task((name, kind), sp.sign(_applied(name, v - 1000)), sp.Integer(2), "=",
                              CheckContext.build({v: Domain(kind)})))
    outcomes = run_tasks(tasks, budget_seconds=10, jobs=2)
    for key, outcome in outcomes.items():
        assert not outcome.reason.startswith("checker error"), (key, outcome.reason)
        assert outcome.verdict not in HOLDS, (key, outcome)


def test_the_reviewers_sign_of_relu_is_refuted_at_1001(capsys):
    result = judged(capsys, "sign(relu(n-1000))", "0", "--assume", "n size")
    assert result["verdict"] == "refuted" and witness(result) == 1001
    control = judged(capsys, "sign(relu(n-1000))", "heaviside(n-1000)", "--assume", "n size")
    assert control["verdict"] in HOLDS, control["reason"]


def test_a_run_of_zeros_of_a_kink_argument_names_its_ends_not_every_size():
    n = sp.Symbol("n")
    from symderive.functions import relu
    found = sampling.sign_change_sizes(relu(n - 1000), n, 4096, deadline=10**9)
    assert {1000, 1001} <= found and len(found) <= 8


def test_an_internal_error_says_that_it_is_one(monkeypatch):
    import symderive.check.budget as budget

    def broken(*_arguments):
        sampling.critical_sizes(None, 1)  # a TypeError raised inside symderive
        yield

    monkeypatch.setattr(budget, "decide", broken)
    x = sp.Symbol("x")
    outcome = run_tasks([Task("t", x, x, "=", CheckContext())], budget_seconds=5)["t"]
    assert outcome.verdict == "undecided"
    assert outcome.reason.startswith(CHECKER_ERROR + ": TypeError")
    assert "(raised at symderive/check/sampling.py:" in outcome.reason


# -- F9: a step function of a side with no real value: one side is real, the other is not ----

@pytest.mark.parametrize(("lhs", "rhs"), [
    ("heaviside(log(x))", "heaviside(x-1)"),  # the reviewer's: checked with 4 inconclusive
    ("heaviside(sqrt(x)-1)", "heaviside(x-1)"),
    ("heaviside(log(x), 1)", "heaviside(x-1, 1)"),
    ("sign(log(x))", "sign(x-1)"),  # the documented case, as before
    ("heaviside(min(log(x), 0))", "heaviside(min(x-1, 0))"),  # was *proved* (F9: min too)
])
def test_a_step_of_a_side_with_no_real_value_is_refuted_where_the_other_is_real(capsys, lhs, rhs):
    result = judged(capsys, lhs, rhs)
    assert result["verdict"] == "refuted", result["reason"]
    assert Fraction(result["counterexample"]["values"]["x"]) < 0
    assert "one side is real here, the other is not" in result["reason"]


@pytest.mark.parametrize(("lhs", "rhs", "assume"), [
    ("heaviside(log(x))", "heaviside(x-1)", "x positive"),
    ("heaviside(sqrt(x)-1)", "heaviside(x-1)", "x positive"),
])
def test_the_same_steps_over_the_positive_numbers_hold(capsys, lhs, rhs, assume):
    result = judged(capsys, lhs, rhs, "--assume", assume)
    assert result["verdict"] in HOLDS, result["reason"]
