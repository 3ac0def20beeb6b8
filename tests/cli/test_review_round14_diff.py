"""Round 14b F7 and F8 (/work/findings/round14b.md): the deepest expression the grammar
accepts is checked within bounds, and an unconfirmed narration is not called wrong.

* F7 — ``diff`` of sigmoid nested 99 deep ran 64 s (each node's reference derivative, SymPy's
  own ``diff``, ran in the parent without a limit) and ended "NARRATION DISAGREES WITH SYMPY"
  although nothing was refuted: the final comparison was only undecided.
* F8 — ``equal`` of sigmoid nested 60 deep answered "checker error: RecursionError": SymPy's
  assumptions recurse once per level, past Python's 1000 frames.
"""

import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

DEEP = "sigmoid(" * 99 + "x" + ")" * 99


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "symderive", *arguments, "--no-color"],
                          capture_output=True, text=True, timeout=300)


def test_the_narration_of_the_deepest_nest_is_bounded_and_not_called_wrong():
    done = run("diff", DEEP, "x")
    assert "Traceback" not in done.stderr
    assert "DISAGREES" not in done.stdout  # nothing was refuted
    assert "NOT CONFIRMED" in done.stdout or "agrees with sympy.diff" in done.stdout


def test_the_recursion_of_a_deep_nest_is_no_checker_error():
    done = run("equal", "sigmoid(" * 60 + "x" + ")" * 60, "x")
    assert "RecursionError" not in done.stdout and "checker error" not in done.stdout


def test_a_wrong_narration_is_still_called_wrong():
    from symderive.render.narration import narration_summary
    from symderive.report import Outcome
    from symderive.steps.narration import Narration
    from symderive.steps.narrate import narrate
    import sympy as sp

    x = sp.Symbol("x")
    tree = narrate(sp.sin(x), x)
    from symderive.steps.local import NodeCheck

    refuted = tuple(NodeCheck("refuted", "a node") for _ in tree.walk())
    wrong = Narration(sp.sin(x), x, tree, refuted, sp.cos(x), Outcome("undecided"))
    assert "DISAGREES" in narration_summary(wrong).plain
    unsure = Narration(sp.sin(x), x, tree, (), sp.cos(x), Outcome("undecided", reason="slow"))
    assert "NOT CONFIRMED" in narration_summary(unsure).plain


@pytest.mark.parametrize("jump", ["sign(x)", "heaviside(x)", "heaviside(x, 1/2)"])
def test_the_derivative_of_a_jump_is_no_real_function(jump):
    done = run("diff", jump, "x")
    assert done.returncode == 2 and "Dirac delta" in done.stderr  # round 14b F12


@pytest.mark.parametrize(("kink", "derivative"), [("relu(x)", "heaviside(x)"),
                                                  ("abs(x)", "sign(x)")])
def test_the_derivative_of_a_kink_stays_a_real_function(kink, derivative):
    done = run("diff", kink, "x")
    assert done.returncode == 0 and f"= {derivative}" in done.stdout
