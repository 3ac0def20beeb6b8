r"""Built-in function names a note gives its own meaning (round 8, C8).

The grammar reads ``\sigma(…)`` as the sigmoid, ``\mathrm{ReLU}`` as max(0, x), ``\tanh`` as the
hyperbolic tangent. A note may mean something else by the same name:

* it defines the name (``Let $\sigma(x) = x^2$``, ``$\mathrm{ReLU}(x) = \max(0.01x, x)$``,
  ``Let $\tanh(x) = 2x$``) with a formula that is not the built-in one;
* it gives σ a value (``Let $\sigma = 2$``): σ(a) is then a product, not the sigmoid;
* its words make σ a standard deviation or a scale (``σ(X) = √Var(X)`` for the standard
  deviation, ``Let $\sigma(X)$ denote the standard deviation``, ``the noise scale $\sigma$``).

A step that applies such a built-in, where the note's own meaning is in force (stated before the
step, or in the step's section), is never decided with the built-in: it is undecided, naming the
note's meaning. A definition that is the built-in formula itself (``\sigma(x) = \frac{1}{1 +
e^{-x}}``) is no other meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from symderive.functions import relu, sigmoid, softmax
from symderive.grammar.build import time_limit
from symderive.grammar.latex import LatexContext, parse_latex_math
from symderive.notes.roles import is_parameter_list

# the LaTeX spelling of each built-in at the start of a formula, and its SymPy function
APPLIED = {
    "σ": (r"(?:\\sigma|\\(?:mathrm|operatorname|text|textrm)\s*\{\s*sigmoid\s*\})",
          sigmoid),
    "ReLU": (r"\\(?:mathrm|operatorname|text|textrm)\s*\{\s*ReLU\s*\}", relu),
    "tanh": (r"\\tanh", sp.tanh),
    "softmax": (r"\\(?:mathrm|operatorname|text|textrm)\s*\{\s*softmax\s*\}", softmax),
}
DEFINING = r"\s*(?:=|:=|\\coloneqq|\\triangleq|\\equiv|\\stackrel\{[^{}]*\}\{=\})\s*"
# σ as a spread: a standard deviation, a scale, a noise level (words next to a formula with σ)
SPREAD_WORDS = (r"(?:standard\s+deviation|std\.?\b|noise|scale|spread|volatility|bandwidth"
                r"|width|표준\s*편차|표준편차|잡음|노이즈|척도)")
SIGMA_FORMULA = r"\$[^$]*\\sigma(?![A-Za-z])[^$]*\$"
SPREAD = re.compile(
    SIGMA_FORMULA + r"[^$.;:]{0,60}?" + SPREAD_WORDS + "|" + SPREAD_WORDS + r"[^$.;:]{0,40}?"
    + SIGMA_FORMULA, re.I)
CHECK_SECONDS = 1.0
# where a formula of a display row starts: the display's start, or after a separator
# (``σ(0) = ½, \quad σ(x) = \max(x, 0)``, ``… \text{with } σ(x) = …``): a definition later in
# the row gives the name its meaning for the whole display (round 12a F17)
ROW_START = r"(?:^|[,;&]|\\q?quad\b|\\\\|\\text\s*\{[^{}]*\}|\\(?:hspace|mspace)\s*\{[^{}]*\})"


@dataclass(frozen=True)
class Shadow:
    """The note's own meaning of a built-in name, from ``line`` on (and in its section)."""

    builtin: str  # "σ", "ReLU", "tanh", "softmax"
    line: int
    what: str  # as written, for the reason


def shadows(math_blocks, raw_text: str, latex: LatexContext, source: str) -> list[Shadow]:
    """Every place the note gives a built-in activation name a meaning of its own."""
    found: list[Shadow] = []
    for line, block in math_blocks:
        text = block.strip()
        for builtin, (spelling, function) in APPLIED.items():
            for applied in re.finditer(
                ROW_START + r"\s*(?:\\left)?\s*" + spelling
                + r"\s*(?:\\left)?\(([^()]*)\)(?:\\right)?" + DEFINING + r"(?=(.+)$)", text, re.S):
                parameter, body = applied.group(1), applied.group(2)
                if is_parameter_list(parameter) and not _is_builtin(
                        function, parameter, body, latex, source, line):
                    found.append(Shadow(builtin, line, " ".join(text.split())[:80]))
                    break
        if re.match(r"^\\sigma(?:\^\{?\s*2\s*\}?)?" + DEFINING + r"(?!\\frac\s*\{\s*1\s*\}\s*\{\s*1\s*\+)", text):
            found.append(Shadow("σ", line, " ".join(text.split())[:80]))  # σ = 2: a value
    lines = raw_text.split("\n")
    for number, text in enumerate(lines, start=1):
        match = SPREAD.search(text)
        if match:
            found.append(Shadow("σ", number, " ".join(match.group(0).split())[:80]))
    return found


def _is_builtin(function, parameter: str, body: str, latex: LatexContext, source: str,
                line: int) -> bool:
    r"""Whether ``name(parameter) = body`` is the built-in's own formula (``\sigma(x) =
    \frac{1}{1 + e^{-x}}``): a simplification to exactly zero, within a time bound."""
    try:
        with time_limit(CHECK_SECONDS, source=source, what="comparing with a built-in"):
            variable = parse_latex_math(parameter, context=latex, source=source, line=line)
            body = re.split(  # its first formula: up to a relation, a comma, a line break
                r"=|\\approx|\\le|\\ge|<|>|,|&|\\\\|\\q?quad|\\text|\\hspace|\\[A-Za-z]*arrow"
                r"|\\to\b|\\implies", body)[0]
            value = parse_latex_math(body.rstrip(" .,;"), context=latex, source=source, line=line)
            if not isinstance(variable, sp.Symbol) or function is softmax:
                return False
            difference = (function(variable) - value).rewrite(sp.exp)
            return sp.simplify(difference) == 0
    except Exception:  # noqa: BLE001 - not shown to be the built-in: the note's own
        return False


BUILTINS = {"σ": sigmoid, "ReLU": relu, "tanh": sp.tanh, "softmax": softmax}


def shadowed_in(step_expressions, written: str, line: int, found: list[Shadow],
                section_of) -> str:
    r"""The reason a step applying a built-in the note gives another meaning is not decided with
    it, or "" (the note's meaning stated before the step's line, or in the step's section).
    ``written`` is the step's LaTeX: ``\mathrm{ReLU}(-100)`` is evaluated to 0 when read."""
    for shadow in found:
        function = BUILTINS[shadow.builtin]
        applied = re.search(APPLIED[shadow.builtin][0] + r"\s*(?:\\left\s*)?\(", written)
        if not applied and not any(expression.has(function) for expression in step_expressions):
            continue
        if shadow.line <= line or section_of(shadow.line) == section_of(line):
            return (f"the note gives {shadow.builtin} its own meaning (line {shadow.line}: "
                    f"{shadow.what}), so the built-in {shadow.builtin} is not what it means "
                    "here: not decided with the built-in")
    return ""
