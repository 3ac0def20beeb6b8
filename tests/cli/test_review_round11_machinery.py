"""Round 11b H1, C2, H2: a folder with a symlink loop, a parameter that varies with the
variable, and derivatives the plain syntax cannot write.

- C2: leaky_relu(x, x) is x for x > 0 and x² for x ≤ 0, so its derivative is 1 and 2x: the
  slope slot's derivative is the partial in that slot (the total derivative counted the first
  slot twice). Checked against central differences in mpmath, not against SymPy itself.
- H2: ``diff sign(x) x --json`` gave a traceback; since round 14b F12 it refuses the Dirac
  delta with a one-line error (exit 2).
- H1: a looping link inside a folder is skipped, the other notes are read.
"""

import json

import mpmath
import pytest
import sympy as sp

from symderive.functions import derivative
from symderive.grammar.plain import parse_expression
from tests.cli.run import symderive


def central_difference(expression, variable, at):
    function = sp.lambdify(variable, expression.rewrite(sp.Piecewise), "mpmath")
    mpmath.mp.dps = 40
    return mpmath.diff(lambda t: function(t), mpmath.mpf(at))


@pytest.mark.parametrize(("written", "at"), [
    ("leaky_relu(x, x)", "1"), ("leaky_relu(x, x)", "-0.5"),
    ("leaky_relu(2*x, x)", "-1.5"), ("leaky_relu(x, 3*x)", "-0.25"),
    ("leaky_relu(x, 0.1)", "-2"),
])
def test_a_slope_that_varies_is_differentiated_in_its_own_slot(written, at):
    expression = parse_expression(written)
    x = next(iter(expression.free_symbols))
    found = derivative(expression, x).subs(x, sp.Rational(at)).evalf(30)
    expected = central_difference(expression, x, at)
    assert abs(float(found) - float(expected)) < 1e-12, (found, expected)


@pytest.mark.parametrize("written", ["leaky_relu(x, x)"])
def test_diff_json_writes_what_the_plain_syntax_cannot(written):
    result = symderive("diff", written, "x", "--json")
    assert result.returncode == 0, result.stderr[-800:]
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["agrees_with_sympy"] is True


@pytest.mark.parametrize("written", ["sign(x)", "heaviside(x)"])
def test_diff_json_of_a_jump_is_a_one_line_refusal(written):
    # round 14b F12: 2*DiracDelta(x) is a distribution, not a real derivative (exit 2)
    result = symderive("diff", written, "x", "--json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "Dirac delta" in result.stderr


def test_a_symlink_loop_in_a_folder_is_skipped(tmp_path):
    (tmp_path / "a.md").write_text("$$ (x + 1)^2 = x^2 + 2x + 1 $$\n", encoding="utf-8")
    (tmp_path / "l1.md").symlink_to(tmp_path / "l2.md")
    (tmp_path / "l2.md").symlink_to(tmp_path / "l1.md")
    result = symderive("notes", "--no-cache", str(tmp_path))
    assert result.returncode == 0, (result.stdout[-500:], result.stderr[-800:])
    assert "Traceback" not in result.stderr
    assert "1 proved" in result.stdout


@pytest.mark.parametrize("kind", ["file", "device", "unmakeable"])
def test_docs_refuses_an_output_that_is_no_folder_before_checking(tmp_path, kind):
    out = {"file": tmp_path / "afile", "device": "/dev/null",
           "unmakeable": "/proc/forbidden/docs"}[kind]
    if kind == "file":
        out.write_text("", encoding="utf-8")
    result = symderive("docs", "--out", str(out), timeout=60)  # the catalog is never checked
    assert result.returncode == 2, (result.stdout[-300:], result.stderr[-500:])
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_directive_that_cannot_be_read_is_bad_input(tmp_path):
    """Round 11b L4: 'assume x postive' was a notice and exit 0, so a typo passed course CI."""
    note = tmp_path / "note.md"
    note.write_text("<!-- symderive: assume x postive -->\n\n$$ x + 1 = 1 + x $$\n", encoding="utf-8")
    result = symderive("notes", "--no-cache", str(note))
    assert result.returncode == 2, (result.stdout[-300:], result.stderr[-300:])
    assert f"{note}:1: directive not understood" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_tie_of_max_follows_the_canonical_order_whichever_way_it_is_written():
    """Round 11b C8: SymPy's Max forgets the written order, so the tie rule (the first
    argument wins) is stated and applied in the canonical order: max(x, 0) and max(0, x)
    both have derivative 0 at x = 0, as relu'(0) (docs/conventions.md)."""
    x = sp.Symbol("x", real=True)
    for written in ("max(x, 0)", "max(0, x)"):
        expression = parse_expression(written)
        (variable,) = expression.free_symbols
        assert derivative(expression, variable).subs(variable, 0) == 0, written
    assert derivative(sp.Max(x, 0), x).subs(x, 1) == 1


@pytest.mark.parametrize("option", ["--steps", "--classifier-steps"])
def test_train_steps_are_bounded(option):
    """Round 11b L2: every numeric option has a bound; a billion steps is a usage error."""
    result = symderive("train", option, "1000000000", timeout=60)
    assert result.returncode == 2 and "at most" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
