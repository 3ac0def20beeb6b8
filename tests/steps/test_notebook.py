"""Notebook views render as typeset math and mirror the CLI."""

from __future__ import annotations

import sympy as sp

from symderive import notebook
from symderive.check import check_relation
from symderive.functions import to_elementary
from symderive.report import DerivationReport, StepReport


def test_a_narration_renders_as_latex_and_markdown():
    view = notebook.diff("log(sigmoid(w*x+b))", "w")
    latex = view._repr_latex_()
    assert latex.startswith("$$") and latex.endswith("$$") and r"\sigma" in latex
    markdown = view._repr_markdown_()
    assert "**chain**" in markdown and "agrees with `sympy.diff`" in markdown
    w, x, b = sp.symbols("w x b", real=True)
    reference = sp.diff(sp.log(1 / (1 + sp.exp(-(w * x + b)))), w)
    assert sp.simplify(to_elementary(view.result) - reference) == 0


def test_a_derivation_report_renders_with_its_verdicts():
    x = sp.Symbol("x", real=True)
    outcome = check_relation(sp.diff(x**2, x), 2 * x)
    step = StepReport(
        index=1,
        lhs=sp.sstr(sp.Derivative(x**2, x)),
        rhs="2*x",
        lhs_latex=sp.latex(sp.Derivative(x**2, x)),
        rhs_latex="2 x",
        relation="=",
        justification="power rule {n = 2}",
        outcome=outcome,
    )
    report = DerivationReport("square", "Square", "note § s", "d/dx x^2 = 2x", None, (step,))
    view = notebook.view(report)
    latex = view._repr_latex_()
    assert r"\begin{aligned}" in latex and "proved" in latex
    assert r"power rule \{n = 2\}" in latex  # text is escaped for MathJax
    assert "### Square" in view._repr_markdown_()
    assert "2 x" in notebook.view(step)._repr_latex_()
