"""Printing helpers shared by the SymPy functions symderive defines."""

from __future__ import annotations


def power_latex(latex: str, exp: str | None) -> str:
    """SymPy's LaTeX printer passes ``exp`` when a function is raised to a power: f(x)²."""
    if exp is None:
        return latex
    return r"\left(%s\right)^{%s}" % (latex, exp)
