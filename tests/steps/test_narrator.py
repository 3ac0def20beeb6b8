"""The differentiation narrator: every narration agrees with sympy.diff and with finite
differences, every node checks its own equality, and a wrong tree is caught."""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import replace

import numpy as np
import pytest
import sympy as sp

from symderive.cli import main
from symderive.functions import to_elementary
from symderive.grammar.plain import parse_expression
from symderive.ops import ALL_OPS, rule
from symderive.steps import KNOWN_DERIVATIVES, differentiate, differentiate_partials, narrate
from symderive.steps.local import compare
from symderive.steps.narration import check_tree
from symderive.steps.rules import ChainRule, FallbackRule, ProductRule, QuotientRule

POSITIVE = (0.2, 0.9)  # for logarithms, roots and x^x
REAL = (-1.5, 1.5)

# (expression in plain syntax, variable, sampling interval of every symbol)
NARRATED = [
    ("1/(1+exp(-x))", "x", REAL),
    ("log(sigmoid(w*x+b))", "w", REAL),
    ("sigmoid(x)", "x", REAL),
    ("tanh(x)", "x", REAL),
    ("relu(x)", "x", REAL),
    ("x^3", "x", REAL),
    ("5*x^2 + 3*x - 7", "x", REAL),
    ("sqrt(x)", "x", POSITIVE),
    ("1/x", "x", POSITIVE),
    ("x^(-2)", "x", POSITIVE),
    ("exp(2*x)", "x", REAL),
    ("log(x^2 + 1)", "x", REAL),
    ("x*exp(x)", "x", REAL),
    ("x^2*sin(x)*exp(x)", "x", REAL),
    ("sin(x)/x", "x", POSITIVE),
    ("(x^2 + 1)/(x - 3)", "x", REAL),
    ("exp(sin(x^2))", "x", REAL),
    ("log(log(x + 2))", "x", POSITIVE),
    ("sqrt(1 + tanh(x)^2)", "x", REAL),
    ("sigmoid(w*x + b)", "b", REAL),
    ("tanh(w*x + b)^2", "w", REAL),
    ("relu(w*x + b)*x", "w", REAL),
    ("leaky_relu(w*x, 0.01)", "w", REAL),
    ("exp(o1)/(exp(o1) + exp(o2) + exp(o3))", "o1", REAL),
    ("exp(o1)/(exp(o1) + exp(o2) + exp(o3))", "o2", REAL),
    ("logsumexp(o1, o2, o3)", "o2", REAL),
    ("logsumexp(2*x, x^2, y)", "x", REAL),
    ("-log(sigmoid(z))", "z", REAL),
    ("-(t*log(y) + (1 - t)*log(1 - y))", "y", POSITIVE),
    ("-t*log(sigmoid(z)) - (1 - t)*log(1 - sigmoid(z))", "z", REAL),
    ("(y - w*x - b)^2/2", "w", REAL),
    ("2^x", "x", REAL),
    ("x^x", "x", POSITIVE),
    ("abs(x)", "x", REAL),
    ("max(x, 0)*x", "x", REAL),
    ("log(1 + exp(x))", "x", REAL),
    ("x*sigmoid(x)", "x", REAL),
    ("tanh(sigmoid(exp(x)))", "x", REAL),
    ("1/(1 + exp(-(w*x + b)))", "w", REAL),
    ("log(exp(x)/(exp(x) + exp(y)))", "x", REAL),
    ("cosh(x)^2 - sinh(x)^2", "x", REAL),
    ("tan(2*x)", "x", (-0.7, 0.7)),
    ("x*cos(x^2)", "x", REAL),
    ("sigmoid(x)*(1 - sigmoid(x))", "x", REAL),
    ("(1 - tanh(x)^2)*tanh(x)", "x", REAL),
    ("exp(-x^2/2)/sqrt(2*pi)", "x", REAL),
    ("log(x, 2)", "x", POSITIVE),
    ("min(x, y)", "x", REAL),
    ("w1*relu(w0*x)", "w0", REAL),
    ("max(x, y, 2*x)", "x", REAL),
    ("sigmoid(w2*tanh(w1*x + b1) + b2)", "w1", REAL),
]


def finite_difference_agrees(expr, variable, derivative, interval, seed) -> bool:
    """Central difference at 40 digits (h = 1e-12), independent of sympy.diff."""
    rng = random.Random(seed)
    elementary = to_elementary(expr)
    for _ in range(3):
        point = {
            symbol: sp.Rational(round(rng.uniform(*interval), 3)).limit_denominator(1000)
            for symbol in expr.free_symbols | derivative.free_symbols
        }
        step = sp.Rational(1, 10**12)
        ahead = elementary.xreplace({**point, variable: point[variable] + step}).evalf(40)
        behind = elementary.xreplace({**point, variable: point[variable] - step}).evalf(40)
        estimate = (ahead - behind) / (2 * step)
        narrated = to_elementary(derivative).xreplace(point).evalf(40)
        if abs(narrated - estimate) > sp.Float("1e-12") * max(1, abs(estimate)):
            return False
    return True


@pytest.mark.parametrize(("text", "name", "interval"), NARRATED, ids=[c[0] for c in NARRATED])
def test_narration_agrees_with_sympy_and_finite_differences(text, name, interval):
    expr = parse_expression(text)
    variable = next(s for s in expr.free_symbols if s.name == name)
    narration = differentiate(expr, variable, budget_seconds=5)
    assert narration.agrees, narration.final
    assert all(check.holds for check in narration.checks)
    assert finite_difference_agrees(expr, variable, narration.result, interval, seed=len(text))


def test_the_narrated_set_uses_every_row_of_the_rule_table():
    """Each known derivative (generated from fdiff) and max/min appear in some narration."""
    used = set()
    for text, name, _ in NARRATED:
        expr = parse_expression(text)
        variable = next(s for s in expr.free_symbols if s.name == name)
        used |= {node.rule for _, node in narrate(expr, variable).walk()}
    expected = {known.name for known in KNOWN_DERIVATIVES.values()} | {"max", "min"}
    assert expected <= used, sorted(expected - used)


@pytest.mark.parametrize(
    ("text", "variable", "at_tie"),
    [("max(x, y)", "x", 1), ("max(x, y)", "y", 0), ("min(x, y)", "x", 1), ("relu(x)", "x", 0)],
)
def test_ties_follow_the_ops_table_rule(text, variable, at_tie):
    """A tie of max/min goes to the first argument, relu'(0) = 0: narrator, checker, engine."""
    expr = parse_expression(text)
    symbols = {s.name: s for s in expr.free_symbols}
    narration = differentiate(expr, symbols[variable])
    assert narration.agrees and narration.final.verdict == "proved"
    tie = {symbol: sp.Integer(0) for symbol in symbols.values()}
    assert narration.result.xreplace(tie) == at_tie
    op = ALL_OPS[{"max": "maximum", "min": "minimum"}.get(text[:3], "relu")]
    index = 0 if variable == "x" else 1
    zeros = [np.zeros(1)] * op.arity
    assert rule(op.name).backward[index](np.ones(1), *zeros, op.kernel(*zeros))[0] == at_tie


def test_a_wrong_equality_with_logarithms_is_refuted_not_proved():
    """log(x²) = 2·log(x) fails for x < 0; the narrator's checks are the real checker's."""
    x = sp.Symbol("x", real=True)
    verdict = compare(sp.log(x**2), 2 * sp.log(x))
    assert verdict.verdict == "refuted" and verdict.counterexample


def test_sigmoid_as_a_quotient_names_the_inner_function_of_the_chain():
    x = sp.Symbol("x", real=True)
    tree = narrate(1 / (1 + sp.exp(-x)), x)
    assert isinstance(tree, QuotientRule)
    chains = [node for _, node in tree.walk() if isinstance(node, ChainRule)]
    assert [chain.inner for chain in chains] == [-x]
    assert sp.simplify(tree.result - sp.exp(-x) / (1 + sp.exp(-x)) ** 2) == 0


def test_nested_chains_get_distinct_inner_names():
    expr = parse_expression("log(sigmoid(w*x + b))")
    w = next(s for s in expr.free_symbols if s.name == "w")
    tree = narrate(expr, w)
    chains = [node for _, node in tree.walk() if isinstance(node, ChainRule)]
    assert [node.substeps[0].rule for node in chains] == ["log", "sigmoid"]
    names = [chain.inner_symbol.name for chain in chains]
    assert len(set(names)) == len(names) and not set(names) & {"w", "x", "b"}


def test_deep_learning_patterns_are_recognised_as_a_whole():
    rules = {
        "exp(o1)/(exp(o1) + exp(o2))": "softmax",
        "logsumexp(o1, o2, o3)": "log-sum-exp",
        "sigmoid(o1)": "sigmoid",
        "tanh(o1)": "tanh",
        "relu(o1)": "relu",
    }
    for text, rule in rules.items():
        expr = parse_expression(text)
        o1 = next(s for s in expr.free_symbols if s.name == "o1")
        assert narrate(expr, o1).rule == rule, text


def test_softmax_gradient_is_s_times_delta_minus_s():
    """∂s_i/∂o_j = s_i(δ_ij − s_j), compared with the formula written out here."""
    o = sp.symbols("o1:4", real=True)
    normaliser = sum(sp.exp(v) for v in o)
    s = [sp.exp(v) / normaliser for v in o]
    for j in range(3):
        result = narrate(s[0], o[j]).result
        expected = s[0] * ((1 if j == 0 else 0) - s[j])
        assert sp.simplify(result - expected) == 0


def test_a_missing_rule_is_named_not_a_failure():
    expr = parse_expression("max(x, y, 2*x)")
    x = next(s for s in expr.free_symbols if s.name == "x")
    narration = differentiate(expr, x)
    assert isinstance(narration.tree, FallbackRule)
    assert narration.missing_rules == ("Max",)
    assert narration.agrees


def test_a_wrong_rule_result_is_refuted_and_the_narration_disagrees():
    x = sp.Symbol("x", real=True)
    tree = narrate(x * sp.sin(x), x)
    assert isinstance(tree, ProductRule)
    wrong = replace(tree, result=sp.cos(x))  # (x sin x)' is not cos x
    assert wrong.check().verdict == "refuted"
    narration = check_tree(x * sp.sin(x), x, wrong)
    assert not narration.agrees
    assert narration.final.verdict == "refuted"


def test_partials_of_a_function_of_several_variables():
    expr = parse_expression("x^2*y + exp(x*y)")
    x, y = sorted(expr.free_symbols, key=lambda s: s.name)
    by_x, by_y = differentiate_partials(expr, [x, y])
    assert sp.simplify(by_x.result - (2 * x * y + y * sp.exp(x * y))) == 0
    assert sp.simplify(by_y.result - (x**2 + x * sp.exp(x * y))) == 0


def test_json_expressions_read_back_with_the_plain_grammar(capsys):
    assert main(["diff", "log(sigmoid(w*x+b))", "w", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) >= {"expression", "variable", "result", "steps"}
    root = document["steps"][0]
    assert set(root) >= {"rule", "expression", "result", "substeps"}
    result = parse_expression(document["result"])
    expr = parse_expression(document["expression"])
    w = next(s for s in expr.free_symbols if s.name == "w")
    assert sp.simplify(to_elementary(result - sp.diff(expr, w))) == 0

    def walk(node):
        yield node
        for child in node["substeps"]:
            yield from walk(child)

    for node in walk(root):
        parse_expression(node["expression"])  # every step reads back
        parse_expression(node["result"])


def test_cli_steps_tree_and_exit_code(capsys):
    assert main(["diff", "1/(1+exp(-x))", "x", "--steps", "--no-color"]) == 0
    output = capsys.readouterr().out
    assert "quotient rule" in output and "chain rule with u = -x" in output
    assert "agrees with sympy.diff" in output


def test_cli_latex_narration(capsys):
    assert main(["diff", "log(sigmoid(w*x+b))", "w", "--latex"]) == 0
    output = capsys.readouterr().out
    assert r"\textbf{chain rule}" in output and r"\sigma" in output


def test_cli_exits_1_and_says_so_when_the_narration_disagrees(capsys, monkeypatch):
    import symderive.steps.narration as narration_module

    real_narrate = narration_module.narrate

    def wrong_narrate(expr, variable):
        tree = real_narrate(expr, variable)
        return replace(tree, result=tree.result + 1)

    monkeypatch.setattr(narration_module, "narrate", wrong_narrate)
    assert main(["diff", "x^2", "x", "--no-color"]) == 1
    assert "DISAGREES" in capsys.readouterr().out


def test_cli_rejects_a_variable_that_is_not_a_name(capsys):
    assert main(["diff", "x^2", "x+1"]) == 2
    assert "symderive: error:" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("latexmk") is None, reason="latexmk is not installed")
def test_latex_narrations_compile_without_overfull_boxes(tmp_path, capsys):
    from symderive.render.latex_doc import build_pdf

    fragments = []
    for text, name in (("log(sigmoid(w*x+b))", "w"), ("exp(o1)/(exp(o1)+exp(o2))", "o2")):
        assert main(["diff", text, name, "--latex"]) == 0
        fragments.append(capsys.readouterr().out)
    document = tmp_path / "narration.tex"
    document.write_text(
        "\\documentclass{article}\\usepackage{amsmath,amssymb,xcolor}\\begin{document}\n"
        + "\n".join(fragments)
        + "\\end{document}\n"
    )
    build = build_pdf(document, tmp_path / "build")
    assert build.ok, build.message
    assert build.overfull_boxes == 0
