"""Present a checked narration: a rich tree, a LaTeX fragment, MathJax and Markdown.

Renderers read :class:`symderive.steps.Narration` values; the verdicts come from the checks
stored in it and are never recomputed here.
"""

from __future__ import annotations

import sympy as sp
from rich.console import Group
from rich.text import Text
from rich.tree import Tree

from symderive.steps.local import NodeCheck
from symderive.steps.narration import Narration
from symderive.steps.rules import ChainRule, FallbackRule, Rule

__all__ = [
    "narration_latex",
    "narration_markdown",
    "narration_mathjax",
    "narration_renderable",
    "narration_summary",
    "narration_tree",
    "plain",
]

MARKS = {"proved": "✓", "checked": "≈", "refuted": "✗", "undecided": "?"}
STYLES = {"proved": "green", "checked": "cyan", "refuted": "bold red", "undecided": "yellow"}
LATEX_MARKS = {
    "proved": r"\textcolor{green!50!black}{\checkmark\ proved}",
    "checked": r"\textcolor{blue!70!black}{$\approx$ checked}",
    "refuted": r"\textcolor{red!80!black}{$\times$ refuted}",
    "undecided": r"\textcolor{orange!80!black}{? undecided}",
}
MATHJAX_MARKS = {
    "proved": r"\color{green}{\checkmark}",
    "checked": r"\color{blue}{\approx}",
    "refuted": r"\color{red}{\times}",
    "undecided": r"\color{orange}{?}",
}


def plain(expr: sp.Basic) -> str:
    """The plain syntax ``diff`` reads (SymPy's ``sstr`` if the grammar is not installed)."""
    try:
        from symderive.grammar.plain import to_plain
    except ImportError:
        return sp.sstr(expr)
    try:
        return to_plain(expr)
    except Exception:  # noqa: BLE001 - display only: an unprintable node still gets shown
        return sp.sstr(expr)


def operand_text(expr: sp.Basic) -> str:
    """The plain text of what is differentiated, in parentheses when it is an operation."""
    text = plain(expr)
    return f"({text})" if isinstance(expr, (sp.Add, sp.Mul, sp.Pow)) else text


def derivative_text(node: Rule) -> str:
    return f"d/d{node.variable} {operand_text(node.expression)} = {plain(node.result)}"


def verdict_text(check: NodeCheck) -> Text:
    return Text(f"{MARKS[check.verdict]} {check.verdict}", style=STYLES[check.verdict])


def narration_tree(narration: Narration) -> Tree:
    """A rich tree: one branch per rule node, each with its equality and its check."""
    nodes = list(narration.walk())
    branches: list[Tree] = []
    root: Tree | None = None
    for depth, node, check in nodes:
        label = Text.assemble(
            (node.describe(), "bold magenta" if isinstance(node, FallbackRule) else "bold"),
            "\n",
            derivative_text(node),
            "   ",
            verdict_text(check),
        )
        if check.verdict == "refuted" and check.counterexample:
            values = ", ".join(f"{name} = {value}" for name, value in check.counterexample)
            label.append(
                f"\n  differs at {values}: narrated {check.narrated_value}, "
                f"sympy.diff {check.reference_value}",
                style="red",
            )
        if root is None:
            root = Tree(label, guide_style="dim")
            branches = [root]
            continue
        del branches[depth:]
        branches.append(branches[depth - 1].add(label))
    assert root is not None
    return root


def narration_summary(narration: Narration) -> Text:
    """The result line, and a loud message when the narration disagrees with SymPy."""
    summary = Text.assemble(
        ("result  ", "bold"),
        f"d/d{narration.variable} {operand_text(narration.expression)} = {plain(narration.result)}",
    )
    final = narration.final
    if narration.agrees:
        summary.append(
            f"\nagrees with sympy.diff: {final.verdict} ({final.method})",
            style=STYLES[final.verdict],
        )
    else:
        failing = [check for check in narration.checks if not check.holds]
        refuted = final.verdict == "refuted" or any(c.verdict == "refuted" for c in failing)
        summary.append(
            ("\nNARRATION DISAGREES WITH SYMPY — this result must not be trusted: " if refuted
             else "\nNARRATION NOT CONFIRMED — this result is not checked: ")  # (14b F7)
            + f"final comparison {final.verdict}"
            + (f" ({final.reason})" if final.reason else "")
            + f"; {len(failing)} step(s) not confirmed",
            style="bold red",
        )
        summary.append(f"\nsympy.diff gives {plain(narration.reference)}", style="red")
    if narration.missing_rules:
        summary.append(
            "\nmissing narration rules (SymPy's derivative used): "
            + ", ".join(sorted(set(narration.missing_rules))),
            style="magenta",
        )
    return summary


def narration_renderable(narration: Narration) -> Group:
    return Group(narration_tree(narration), narration_summary(narration))


def operator_latex(node: Rule) -> str:
    """d/dx for a function of one symbol, ∂/∂x when other symbols are held constant."""
    symbol = sp.latex(node.variable)
    if node.expression.free_symbols - {node.variable}:
        return rf"\frac{{\partial}}{{\partial {symbol}}}"
    return rf"\frac{{d}}{{d {symbol}}}"


def equality_latex(node: Rule) -> str:
    return (
        rf"{operator_latex(node)}\left({sp.latex(node.expression)}\right) = "
        f"{sp.latex(node.result)}"
    )


def rule_latex(node: Rule) -> str:
    """The rule's name and, for a chain, the inner function it names (text mode)."""
    text = rf"\textbf{{{latex_text(node.rule)} rule}}"
    if isinstance(node, ChainRule):
        text += rf" with ${sp.latex(node.inner_symbol)} = {sp.latex(node.inner)}$"
    elif isinstance(node, FallbackRule):
        text += rf": no narration rule for {latex_text(node.missing)}; SymPy's derivative used"
    return text


def latex_text(text: str) -> str:
    """Escape text for LaTeX text mode."""
    replacements = {
        "\\": r"\textbackslash{}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "{": r"\{",
        "}": r"\}",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
    return "".join(replacements.get(character, character) for character in text)


def narration_latex(narration: Narration) -> str:
    """A LaTeX fragment (amsmath, xcolor, amssymb): one paragraph per rule, indented by depth."""
    lines = [
        f"% d/d{narration.variable} {plain(narration.expression)}, narrated by symderive",
        r"\begin{flushleft}",
    ]
    for depth, node, check in narration.walk():
        indent = f"{1.5 * depth:g}em"
        lines.append(
            rf"\hspace*{{{indent}}}\parbox[t]{{\dimexpr\linewidth-{indent}\relax}}{{"
            rf"{rule_latex(node)} \hfill {LATEX_MARKS[check.verdict]}\\"
            rf"$\displaystyle {equality_latex(node)}$}}\\[0.6ex]"
        )
    lines.append(r"\end{flushleft}")
    verdict = "agrees with sympy.diff" if narration.agrees else "DISAGREES with sympy.diff"
    lines.append(
        r"\[ "
        + rf"{operator_latex(narration.tree)}\left({sp.latex(narration.expression)}\right) = "
        + sp.latex(narration.result)
        + r" \]"
    )
    lines.append(rf"\noindent The result {verdict} ({narration.final.verdict}).")
    return "\n".join(lines) + "\n"


def narration_mathjax(narration: Narration) -> str:
    """Math-mode only (for notebooks): an array, one row per rule, indented by depth."""
    rows = []
    for depth, node, check in narration.walk():
        label = node.rule + " rule"
        if isinstance(node, ChainRule):
            label += f" with {node.inner_symbol} = "
            rows.append(
                r"\quad" * depth
                + rf"\text{{{label}}}{sp.latex(node.inner)}:\ "
                + equality_latex(node)
                + r"\ "
                + MATHJAX_MARKS[check.verdict]
            )
            continue
        rows.append(
            r"\quad" * depth
            + rf"\text{{{label}:}}\ "
            + equality_latex(node)
            + r"\ "
            + MATHJAX_MARKS[check.verdict]
        )
    return "$$\\begin{array}{l}" + r" \\ ".join(rows) + r"\end{array}$$"


def narration_markdown(narration: Narration) -> str:
    """Nested Markdown list with inline math: readable in notebooks and on GitHub."""
    lines = []
    for depth, node, check in narration.walk():
        label = f"**{node.rule}** — {node.describe()}".replace("$", r"\$")
        lines.append(
            "  " * depth
            + f"- {label}: ${equality_latex(node)}$ {MARKS[check.verdict]} {check.verdict}"
        )
    verdict = "agrees with `sympy.diff`" if narration.agrees else "**DISAGREES with `sympy.diff`**"
    lines.append("")
    lines.append(
        f"$${operator_latex(narration.tree)}\\left({sp.latex(narration.expression)}\\right) = "
        f"{sp.latex(narration.result)}$$ ({verdict}: {narration.final.verdict})"
    )
    return "\n".join(lines) + "\n"
