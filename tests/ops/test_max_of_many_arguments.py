"""The one tie rule for max/min of any number of arguments (docs/conventions.md): the first
argument in SymPy's canonical order that is >= all the others (min: <=) takes the whole
derivative.  SymPy's own derivative of a three-argument Max gives every tied argument 1/2
(round 12b F3: the partials of max(x, y, z) at x = y = z summed to 3/2)."""

import json
import subprocess
import sys

import pytest
import sympy as sp

from symderive.grammar.plain import parse_expression
from symderive.ops import symbolic

x, y, z = sp.symbols("x y z", real=True)


def at(expr, **values):
    return expr.subs({sp.Symbol(k, real=True): v for k, v in values.items()})


@pytest.mark.parametrize("function", [sp.Max, sp.Min])
def test_the_partials_at_a_three_way_tie_sum_to_one(function):
    expr = function(x, y, z)
    partials = [at(symbolic.derivative(expr, v), x=2, y=2, z=2) for v in (x, y, z)]
    assert sum(partials) == 1 and sorted(partials) == [0, 0, 1]
    first = expr.args[0]  # canonical order: the first argument takes the tie
    assert partials[[x, y, z].index(first)] == 1


def test_away_from_ties_the_derivative_follows_the_winner():
    expr = sp.Max(x, y, z)
    assert at(symbolic.derivative(expr, y), x=1, y=3, z=2) == 1
    assert at(symbolic.derivative(expr, x), x=1, y=3, z=2) == 0


def test_max_of_x_y_and_zero_is_relu_in_x_with_relu_prime_zero_at_zero():
    derivative = symbolic.derivative(sp.Max(x, y, 0), x)
    assert at(derivative, x=0, y=-1) == 0  # relu'(0) = 0
    assert at(derivative, x=1, y=-1) == 1 and at(derivative, x=-1, y=-2) == 0


def test_max_of_x_2x_and_zero_has_derivative_zero_at_zero():
    derivative = symbolic.derivative(sp.Max(x, 2 * x, 0), x)
    assert at(derivative, x=0) == 0
    assert at(derivative, x=1) == 2 and at(derivative, x=-1) == 0


def test_the_cli_prints_the_rule():
    found = subprocess.run([sys.executable, "-m", "symderive", "diff", "max(x,y,z)", "x", "--json"],
                           capture_output=True, text=True, timeout=120)
    assert found.returncode == 0, found.stderr
    result = parse_expression(json.loads(found.stdout)["result"])  # the project's grammar
    assert at(result, x=2, y=2, z=2) == 1 and at(result, x=2, y=3, z=1) == 0
