"""The catalog as a LaTeX document: one section per topic, one subsection per derivation.

The writer reads :class:`DerivationReport` s (the verdicts) next to the :class:`Derivation` s
(the SymPy expressions, to break long ones across lines, and the assumptions); it never
decides a verdict. Output is deterministic — no timings — so the committed ``docs/`` can be
compared with a fresh generation. Packages: amsmath, amssymb, graphicx, geometry, xcolor,
listings, hyperref (texlive-latex-base/-recommended) and, when present, kotex for the Korean
phrases the notes are quoted with (texlive-lang-korean); without kotex they are left out.

Long expressions: the largest sum that sits on the main line of an expression (not inside a
fraction, exponent or root) is broken into several aligned lines; every line is finally
wrapped in ``\\fitmath``, which shrinks it only if it is still wider than the line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import sympy as sp

from symderive.model import Derivation, Domain, Step
from symderive.render.prose_math import prose as _prose
from symderive.report import CatalogSummary, DerivationReport, Outcome

LINE_UNITS = 52.0  # estimated width units (≈ one letter) that fit on one aligned line
RELATIONS_LATEX = {"=": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">", "!=": r"\neq"}
VERDICT_MACROS = {
    "proved": r"\vproved",
    "checked": r"\vchecked",
    "refuted": r"\vrefuted",
    "undecided": r"\vundecided",
}

PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[a4paper,margin=2.2cm]{geometry}
\usepackage[utf8]{inputenc}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage[dvipsnames]{xcolor}
\usepackage{listings}
\usepackage[colorlinks=true,linkcolor=NavyBlue,urlcolor=NavyBlue]{hyperref}
\newif\ifkotex
\IfFileExists{kotex.sty}{\kotextrue}{\kotexfalse}
\ifkotex\usepackage{kotex}\newcommand{\hangul}[1]{#1}
\else\newcommand{\hangul}[1]{\textit{[Korean]}}\fi
\lstset{basicstyle=\ttfamily\small,breaklines=true,columns=fullflexible,
  keepspaces=true,frame=single,framerule=0.3pt,rulecolor=\color{gray},
  postbreak=\mbox{\textcolor{gray}{$\hookrightarrow$}\space}}
\newcommand{\vproved}{\textcolor{ForestGreen}{$\checkmark$\,proved}}
\newcommand{\vchecked}{\textcolor{NavyBlue}{$\approx$\,checked}}
\newcommand{\vrefuted}{\textcolor{BrickRed}{$\times$\,refuted}}
\newcommand{\vundecided}{\textcolor{BurntOrange}{?\,undecided}}
% A math line that is shrunk only when it is still wider than the text.
\newsavebox{\fitbox}
\newcommand{\fitmath}[1]{\savebox{\fitbox}{$\displaystyle #1$}%
  \ifdim\wd\fitbox>\dimexpr\linewidth-5em\relax
    \resizebox{\dimexpr\linewidth-5em\relax}{!}{\usebox{\fitbox}}%
  \else\usebox{\fitbox}\fi}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5ex}
\setlength{\emergencystretch}{3em}
\sloppy
\allowdisplaybreaks
"""

# Unicode that the notes' justifications use, mapped to LaTeX (text mode).
TEXT_SYMBOLS = {
    "§": r"\ensuremath{\S}",
    "²": r"\textsuperscript{2}",
    "³": r"\textsuperscript{3}",
    "·": r"\ensuremath{\cdot}",
    "¼": r"\ensuremath{\tfrac14}",
    "½": r"\ensuremath{\tfrac12}",
    "¾": r"\ensuremath{\tfrac34}",
    "×": r"\ensuremath{\times}",
    "ŷ": r"\ensuremath{\hat y}",
    "Σ": r"\ensuremath{\Sigma}",
    "α": r"\ensuremath{\alpha}",
    "β": r"\ensuremath{\beta}",
    "δ": r"\ensuremath{\delta}",
    "ε": r"\ensuremath{\varepsilon}",
    "θ": r"\ensuremath{\theta}",
    "λ": r"\ensuremath{\lambda}",
    "μ": r"\ensuremath{\mu}",
    "σ": r"\ensuremath{\sigma}",
    "ᵀ": r"\ensuremath{^{\top}}",
    "—": "---",
    "–": "--",
    "‖": r"\ensuremath{\|}",
    "₀": r"\ensuremath{_0}",
    "₁": r"\ensuremath{_1}",
    "₂": r"\ensuremath{_2}",
    "₃": r"\ensuremath{_3}",
    "ℝ": r"\ensuremath{\mathbb{R}}",
    "→": r"\ensuremath{\to}",
    "←": r"\ensuremath{\leftarrow}",
    "∂": r"\ensuremath{\partial}",
    "∈": r"\ensuremath{\in}",
    "−": r"\ensuremath{-}",
    "∘": r"\ensuremath{\circ}",
    "∞": r"\ensuremath{\infty}",
    "≈": r"\ensuremath{\approx}",
    "≠": r"\ensuremath{\neq}",
    "≤": r"\ensuremath{\le}",
    "≥": r"\ensuremath{\ge}",
    "∑": r"\ensuremath{\sum}",
    "∇": r"\ensuremath{\nabla}",
    "“": "``",
    "”": "''",
    "‘": "`",
    "’": "'",
    "…": r"\ldots{}",
    "√": r"\ensuremath{\surd}",
    "∫": r"\ensuremath{\textstyle\int}",
    "⊙": r"\ensuremath{\odot}",
    "⊗": r"\ensuremath{\otimes}",
    "η": r"\ensuremath{\eta}",
    "ρ": r"\ensuremath{\rho}",
    "π": r"\ensuremath{\pi}",
    "Π": r"\ensuremath{\Pi}",
    "∏": r"\ensuremath{\prod}",
    "γ": r"\ensuremath{\gamma}",
    "τ": r"\ensuremath{\tau}",
    "ω": r"\ensuremath{\omega}",
    "φ": r"\ensuremath{\varphi}",
    "′": "'",
    "\u0302": r"\^{}",  # combining circumflex (x̂): shown after the letter
}
ASCII_ESCAPES = {
    "\\": r"\ensuremath{\backslash}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\~{}",
    "^": r"\^{}",
    "<": r"\ensuremath{<}",
    ">": r"\ensuremath{>}",
    "|": r"\textbar{}",
}
_HANGUL_LETTERS = r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+"
HANGUL = re.compile(rf"{_HANGUL_LETTERS}(?:[ \t]+{_HANGUL_LETTERS})*")


def text(value: str) -> str:
    """Escape text for LaTeX text mode; Korean runs go into ``\\hangul{…}``."""
    pieces = []
    position = 0
    for match in HANGUL.finditer(value):
        pieces.append(_escape(value[position : match.start()]))
        pieces.append(r"\hangul{" + match.group(0) + "}")
        position = match.end()
    pieces.append(_escape(value[position:]))
    return "".join(pieces)


def prose(value: str) -> str:
    """Running text (a claim, a justification) with its formulas typeset as mathematics."""
    return _prose(value, text)


def _escape(value: str) -> str:
    out = []
    for character in value:
        if character in ASCII_ESCAPES:
            out.append(ASCII_ESCAPES[character])
        elif character in TEXT_SYMBOLS:
            out.append(TEXT_SYMBOLS[character])
        elif ord(character) < 128:
            out.append(character)
        else:
            out.append("?")  # a character no package here can typeset
    return "".join(out)


# --- width estimation and line breaking -------------------------------------------------------

_COMMAND = re.compile(r"\\([A-Za-z]+|.)")
_OPERATOR_NAMES = {
    "log",
    "exp",
    "sin",
    "cos",
    "tan",
    "sinh",
    "cosh",
    "tanh",
    "max",
    "min",
    "det",
    "lim",
    "ln",
}
_NARROW_COMMANDS = {"left", "right", "displaystyle", "limits", "mathrm", "operatorname", "text"}


def latex_width(source: str) -> float:
    """A rough width of rendered LaTeX math in letter units (fractions stack, scripts shrink)."""
    width, _ = _width(source, 0)
    return width


def _group(source: str, position: int) -> tuple[float, int]:
    """Width of the group or single token starting at ``position``; returns the end too."""
    while position < len(source) and source[position] == " ":
        position += 1
    if position >= len(source):
        return 0.0, position
    if source[position] == "{":
        return _width(source, position + 1, closing=True)
    if source[position] == "\\":
        match = _COMMAND.match(source, position)
        assert match is not None
        return 1.0, match.end()
    return 1.0, position + 1


def _width(source: str, position: int, closing: bool = False) -> tuple[float, int]:
    width = 0.0
    while position < len(source):
        character = source[position]
        if character == "}" and closing:
            return width, position + 1
        if character == "{":
            inner, position = _width(source, position + 1, closing=True)
            width += inner
            continue
        if character in "^_":
            inner, position = _group(source, position + 1)
            width += 0.7 * inner
            continue
        if character == "\\":
            match = _COMMAND.match(source, position)
            assert match is not None
            name = match.group(1)
            position = match.end()
            if name in ("frac", "dfrac", "tfrac", "binom"):
                top, position = _group(source, position)
                bottom, position = _group(source, position)
                width += max(top, bottom) + 0.6
            elif name in ("operatorname", "mathrm", "text", "mathbf", "mathit"):
                inner, position = _group(source, position)
                width += inner
            elif name in _NARROW_COMMANDS:
                continue
            elif name in _OPERATOR_NAMES:
                width += 0.9 * len(name)
            elif name in (",", ";", ":", "!", " "):
                width += 0.3
            elif name in ("quad",):
                width += 1.0
            elif name in ("qquad",):
                width += 2.0
            else:
                width += 1.0
            continue
        if character in "+-=<>":
            width += 2.0
        elif character not in " &":
            width += 1.0
        position += 1
    return width, position


_PLACEHOLDER = sp.Symbol("ZZPLACEHOLDERZZ")
_UNBREAKABLE_OPENERS = re.compile(r"(\^|_|\\frac|\\dfrac|\\tfrac|\\sqrt|\\binom|\})$")


def _breakable_split(source: str) -> tuple[str, str] | None:
    """Split latex around the placeholder if it sits on the main line of the expression."""
    if source.count(_PLACEHOLDER.name) != 1:
        return None
    before, after = source.split(_PLACEHOLDER.name)
    if r"\begin{" in before and r"\end{" not in before:
        return None
    depth_openers: list[int] = []
    for index, character in enumerate(before):
        if character == "{" and (index == 0 or before[index - 1] != "\\"):
            depth_openers.append(index)
        elif character == "}" and (index == 0 or before[index - 1] != "\\") and depth_openers:
            depth_openers.pop()
    for opener in depth_openers:
        if _UNBREAKABLE_OPENERS.search(before[:opener].rstrip()):
            return None
    return before, after


def _unmatched(source: str, opening: str, closing: str) -> int:
    return len(re.findall(opening, source)) - len(re.findall(closing, source))


def _signed_terms(candidate: sp.Add) -> list[tuple[str, sp.Expr]]:
    """The terms of a sum with their written sign: ``a - b`` is ``[("", a), ("-", b)]``."""
    terms = []
    for index, term in enumerate(candidate.as_ordered_terms()):
        if term.could_extract_minus_sign():
            terms.append(("-", -term))
        else:
            terms.append(("" if index == 0 else "+", term))
    return terms


MAX_BREAK_DEPTH = 8


def math_lines(expr: sp.Basic, width: float = LINE_UNITS, depth: int = 0) -> list[str]:
    """The LaTeX of ``expr`` as one or more lines, each estimated to fit in ``width``.

    A wide explicit matrix is written entry by entry; otherwise the widest sum on the main
    line of the expression is broken between its terms, recursively for terms still too wide.
    """
    whole = sp.latex(expr)
    if (
        latex_width(whole) <= width
        or not isinstance(expr, (sp.Basic, sp.MatrixBase))
        or depth > MAX_BREAK_DEPTH
    ):
        return [whole]
    if isinstance(expr, sp.MatrixBase):
        return _matrix_lines(expr, width, depth)
    if isinstance(expr, sp.Mul) and not any(_is_denominator(f) for f in expr.args):
        return _product_lines(expr, width, depth)
    sums = sorted(
        {node for node in sp.preorder_traversal(expr) if isinstance(node, sp.Add)},
        key=lambda node: (-latex_width(sp.latex(node)), sp.default_sort_key(node)),
    )
    for candidate in sums:
        split = _breakable_split(sp.latex(expr.xreplace({candidate: _PLACEHOLDER})))
        if split is None:
            continue
        before, after = split
        return _pack(before, _signed_terms(candidate), after, width, depth)
    return [whole]


def _is_denominator(factor: sp.Expr) -> bool:
    return isinstance(factor, sp.Pow) and bool(factor.exp.is_negative)


def _product_lines(product: sp.Mul, width: float, depth: int) -> list[str]:
    """Break a product between its factors (continuation lines start with a dot); a factor
    still too wide is broken itself, a sum inside its parentheses."""
    coefficient, factors = product.as_coeff_mul()
    units: list[list[str]] = []  # each unit: the lines of one factor
    if coefficient == -1:
        prefix = "-"
    elif coefficient != 1:
        prefix = sp.latex(coefficient)
    else:
        prefix = ""
    for factor in factors:
        single = sp.latex(factor)
        if isinstance(factor, sp.Add):
            single = rf"\left({single}\right)"
        if latex_width(single) <= width - 4:
            units.append([single])
            continue
        lines = math_lines(factor, width - 4, depth + 1)
        if isinstance(factor, sp.Add) and len(lines) > 1:
            lines = [rf"\left({lines[0]}\right."] + lines[1:-1] + [rf"\left.{lines[-1]}\right)"]
        elif isinstance(factor, sp.Add):
            lines = [single]
        units.append(lines)
    rendered: list[str] = []  # the first line, then continuation lines with their lead-in
    current_line = prefix
    for unit in units:
        if len(unit) == 1 and latex_width(current_line + unit[0]) <= width:
            current_line = f"{current_line} {unit[0]}".strip()
            continue
        if len(unit) > 1 and latex_width(current_line + unit[0]) <= width:
            rendered.append(f"{current_line} {unit[0]}".strip())
            rendered += unit[1:-1]
            current_line = unit[-1]
            continue
        if current_line:
            rendered.append(current_line)
            current_line = ""
        if len(unit) == 1:
            current_line = rf"\cdot {unit[0]}" if rendered else unit[0]
            continue
        rendered.append(rf"\cdot {unit[0]}" if rendered else unit[0])
        rendered += unit[1:-1]
        current_line = unit[-1]
    if current_line:
        rendered.append(current_line)
    return [rendered[0]] + [rf"\quad {line}" for line in rendered[1:]]


def _matrix_lines(matrix: sp.MatrixBase, width: float, depth: int) -> list[str]:
    rows, columns = matrix.shape
    lines = [rf"\left[\,\cdots\,\right]_{{{rows}\times {columns}}}\ \text{{with entries}}"]
    for i in range(rows):
        for j in range(columns):
            entry = math_lines(matrix[i, j], width - 6, depth + 1)
            lines.append(rf"\quad ({i + 1}, {j + 1}):\ " + entry[0])
            lines += [r"\qquad " + line for line in entry[1:]]
    return lines


def _pack(
    before: str, terms: Sequence[tuple[str, sp.Expr]], after: str, width: float, depth: int
) -> list[str]:
    """Greedily put terms on lines (breaking a term that alone is too wide); balance
    \\left/\\right and braces across the breaks."""
    groups: list[list[str]] = [[]]
    current = latex_width(before)
    for sign, term in terms:
        piece = f"{sign} {sp.latex(term)}" if sign else sp.latex(term)
        piece_width = latex_width(piece)
        if piece_width > width:
            sub_lines = math_lines(term, width - 4, depth + 1)
            if len(sub_lines) > 1:
                if groups[-1]:
                    groups.append([])
                groups[-1].append(f"{sign} {sub_lines[0]}" if sign else sub_lines[0])
                groups += [[line] for line in sub_lines[1:]]
                groups.append([])
                current = 2.0
                continue
        if groups[-1] and current + piece_width > width:
            groups.append([])
            current = 2.0  # the continuation indent
        groups[-1].append(piece)
        current += piece_width
    lines = [group for group in groups if group]
    if len(lines) == 1:
        return [before + " ".join(lines[0]) + after]
    open_lefts = _unmatched(before, r"\\left[^A-Za-z]", r"\\right[^A-Za-z]")
    open_braces = _unmatched(before, r"(?<!\\)\{", r"(?<!\\)\}")
    rendered = []
    for index, line in enumerate(lines):
        body = " ".join(line)
        if index == 0:
            body = before + body
        else:
            body = "{}" + body if body.startswith(("+", "-")) else body
            body = r"\quad " + "{" * open_braces + r"\left." * open_lefts + body
        if index == len(lines) - 1:
            body += after
        else:
            body += r"\right." * open_lefts + "}" * open_braces
        rendered.append(body)
    return rendered


# --- the document -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One derivation with its report (and the NumPy code its gradient was lambdified into)."""

    derivation: Derivation
    report: DerivationReport
    numpy_code: str | None = None


def verdict_mark(outcome: Outcome | None) -> str:
    return VERDICT_MACROS[outcome.verdict] if outcome is not None else ""


def outcome_detail(outcome: Outcome) -> str:
    """Method, counterexample or reason of an outcome, in text (no timings)."""
    parts = []
    if outcome.method:
        parts.append(f"by {text(outcome.method)}")
    if outcome.sizes:
        parts.append("at sizes " + ", ".join(str(size) for size in outcome.sizes))
    if outcome.counterexample is not None:
        values = ", ".join(
            f"${name_latex(name)} = {value_latex(value)}$"
            for name, value in outcome.counterexample.values
        )
        parts.append(
            f"counterexample {values}: left side ${value_latex(outcome.counterexample.lhs_value)}$,"
            f" right side ${value_latex(outcome.counterexample.rhs_value)}$"
        )
    if outcome.verdict == "undecided" and outcome.reason:
        parts.append(text(outcome.reason))
    return "; ".join(parts)


SIGNIFICANT_DIGITS = 6
_NUMBER = re.compile(r"-?\d+\.\d+(?:[eE][-+]?\d+)?|-?\d+")


def _number_latex(match: re.Match) -> str:
    number = match.group(0)
    if "." not in number and "e" not in number.lower():
        return number
    value = float(number)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    formatted = f"{value:.{SIGNIFICANT_DIGITS}g}"
    mantissa, _, exponent = formatted.partition("e")
    return mantissa + (rf"\times 10^{{{int(exponent)}}}" if exponent else "")


def value_latex(value: str) -> str:
    """A value the checker reports (``3.00000000000000``, ``[0.2, 0.3]``, ``Matrix([[1, 2]])``)
    as formatted mathematics: numbers to six significant digits, lists as tuples, matrices as
    matrices."""
    value = value.strip()
    matrix = re.fullmatch(r"(?:Immutable)?Matrix\(\[(.*)\]\)", value, re.DOTALL)
    if matrix:
        rows = re.findall(r"\[([^\[\]]*)\]", matrix.group(1))
        body = r" \\ ".join(
            " & ".join(value_latex(cell) for cell in row.split(",")) for row in rows
        )
        return r"\begin{pmatrix}" + body + r"\end{pmatrix}"
    if value.startswith("[") and value.endswith("]"):
        cells = (value_latex(cell) for cell in value[1:-1].split(","))
        return "(" + r",\allowbreak ".join(cells) + ")"  # breakable inside a line
    escaped = value.replace("**", "^").replace("*", r"\cdot ")
    escaped = re.sub(r"\bsqrt\(([^()]*)\)", r"\\sqrt{\1}", escaped)
    escaped = re.sub(r"\b(exp|log)\b", r"\\\1", escaped)
    return _NUMBER.sub(_number_latex, escaped.replace("_", r"\_"))


def name_latex(name: str) -> str:
    r"""``p[1]`` → ``p_{1}``, ``x_1`` → ``x_{1}``, ``yhat`` → ``\hat{y}``: a symbol's name."""
    name = re.sub(r"\[([^\]]*)\]", r"_{\1}", name.strip())
    name = re.sub(r"_([A-Za-z0-9]+)$", r"_{\1}", name)
    name = name.replace("yhat", r"\hat{y}").replace("phat", r"\hat{p}")
    greek = {"sigma": r"\sigma", "alpha": r"\alpha", "beta1": r"\beta_1", "beta2": r"\beta_2",
             "epsilon": r"\varepsilon", "eta": r"\eta", "rho": r"\rho"}
    return greek.get(name, name)


SAFE_QUOTE_COMMANDS = frozenset(
    "frac partial sum left right cdot times log hat sigma lVert rVert cdots space Big sqrt "
    "dots vdots ldots le ge text mathcal begin end pmatrix hat".split()
)
HANGUL_CHARACTER = re.compile(r"[\uac00-\ud7a3]")


def quote_latex(quote: str) -> str:
    """The note's own words: a formula in LaTeX typesets as mathematics when it uses only
    commands that are safe inline; anything else (prose, tables, code) is shown as text."""
    formula = quote.strip()
    if formula.startswith("$") and formula.endswith("$") and formula.count("$") == 2:
        formula = formula[1:-1]
    elif formula.count("$") >= 2 and formula.count("$") % 2 == 0:
        # prose with inline formulas: each $…$ typeset where safe, the words as text
        pieces = formula.replace("**", "").split("$")
        shown = [
            _safe_formula(piece) or text("$" + piece + "$") if odd else text(piece)
            for odd, piece in ((index % 2 == 1, piece) for index, piece in enumerate(pieces))
        ]
        return "``" + "".join(shown) + "''"
    typeset = _safe_formula(formula)
    if typeset:
        return typeset
    shown = quote.replace("\n", " ").replace("**", "")
    return "``" + text(shown) + "''"


def _safe_formula(formula: str) -> str | None:
    """``$\\displaystyle …$`` for a formula that is safe to typeset inline, else None."""
    if r"\begin{pmatrix}" not in formula:
        formula = formula.replace("&", " ")  # an alignment mark of the note's aligned block
    commands = set(re.findall(r"\\([A-Za-z]+)", formula))
    words_outside_text = re.sub(r"\\text\{[^}]*\}", "", formula)
    if (
        not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", words_outside_text)  # English prose
        and not HANGUL_CHARACTER.search(formula)
        and not re.search(r"[`$%#]|\n|\\text\{[^}]*_", formula)
        and (r"\\" not in formula or r"\begin{pmatrix}" in formula)
        and commands <= SAFE_QUOTE_COMMANDS
        and formula.count("{") == formula.count("}")
    ):
        return r"$\displaystyle " + formula.replace("−", "-") + "$"
    return None


def step_lines(relation: str, expr: sp.Basic) -> list[str]:
    """Aligned lines ``<relation> expr`` (``&`` before the relation), broken when long."""
    lines = math_lines(expr)
    rendered = [rf"{RELATIONS_LATEX[relation]}{{}} & \fitmath{{{lines[0]}}}"]
    rendered += [rf"& \fitmath{{{line}}}" for line in lines[1:]]
    return rendered


def first_lines(expr: sp.Basic) -> list[str]:
    lines = math_lines(expr)
    return [rf"& \fitmath{{{line}}}" for line in lines]


def quote_line(step: Step) -> str:
    """`` --- the note: …`` when the step quotes its note."""
    return rf" (\emph{{the note:}} {quote_latex(step.quote)})" if step.quote else ""


def steps_latex(derivation: Derivation, report: DerivationReport) -> str:
    """The chain in ``align*``: each step introduced by its justification and verdict."""
    first = derivation.steps[0]
    opening = r"{\small " + (prose(first.justification) if first.justification else "Start")
    opening += quote_line(first) + ":}"
    rows = [line + r"\\" for line in first_lines(first.expr)]
    for (index, _, step), step_report in zip(derivation.pairs(), report.steps):
        intro = (
            rf"\small\textbf{{Step {index}}} ({verdict_mark(step_report.outcome)}"
            + (
                f", {outcome_detail(step_report.outcome)}"
                if outcome_detail(step_report.outcome)
                else ""
            )
            + ")"
        )
        if step.justification:
            intro += ": " + prose(step.justification)
        intro += quote_line(step)
        if step.expect == "refuted":
            intro += r" \textbf{\textcolor{BrickRed}{[erratum: the note's step, wrong]}}"
        rows.append(r"\intertext{" + intro + "}")
        rows += [line + r"\\" for line in step_lines(step.relation, step.expr)]
        if step.correction is not None:
            correction_outcome = step_report.correction_outcome
            rows.append(
                r"\intertext{\small\textbf{Correction of step "
                + str(index)
                + "} ("
                + verdict_mark(correction_outcome)
                + (
                    f", {outcome_detail(correction_outcome)}"
                    if correction_outcome is not None and outcome_detail(correction_outcome)
                    else ""
                )
                + "): the note should have written}"
            )
            rows += [line + r"\\" for line in step_lines(step.relation, step.correction)]
    rows[-1] = rows[-1].removesuffix(r"\\")
    return opening + "\n\\begin{align*}\n" + "\n".join(rows) + "\n\\end{align*}\n"


def domain_latex(symbols: Sequence[sp.Basic], domain: Domain) -> str:
    names = ", ".join(sp.latex(symbol) for symbol in symbols)
    kind = domain.kind
    if kind == "real":
        return rf"${names} \in \mathbb{{R}}$"
    if kind == "positive":
        return rf"${names} > 0$"
    if kind == "negative":
        return rf"${names} < 0$"
    if kind == "nonnegative":
        return rf"${names} \ge 0$"
    if kind == "nonzero":
        return rf"${names} \ne 0$ (real)"
    if kind == "integer":
        return rf"${names} \in \mathbb{{Z}}$"
    if kind == "probability":
        return rf"${names} \in (0, 1)$"
    if kind == "simplex":
        return rf"${names}$ a probability vector (group {text(domain.group or '')})"
    if kind == "size":
        return rf"${names}$ a size (positive integer)"
    if kind == "index":
        return rf"${names} \in \{{{sp.latex(domain.low)}, \ldots, {sp.latex(domain.high)}\}}$"
    if kind == "random":
        centered = r" with mean $0$" if domain.centered else ""
        return rf"${names}$ random{centered}"
    if kind == "matrix":
        shapes = ", ".join(
            rf"{sp.latex(symbol)} \in \mathbb{{R}}^{{{sp.latex(symbol.shape[0])} \times "
            rf"{sp.latex(symbol.shape[1])}}}"
            for symbol in symbols
        )
        return f"${shapes}$"
    return f"${names}$ ({text(kind)})"


def assumptions_latex(derivation: Derivation) -> str:
    """Every symbol's domain (grouped), the givens and the independence assumptions."""
    groups: dict[Domain, list[sp.Basic]] = {}
    for symbol in derivation.symbols():
        groups.setdefault(derivation.domain_of(symbol), []).append(symbol)
    parts = [domain_latex(symbols, domain) for domain, symbols in groups.items()]
    parts += [
        rf"given ${sp.latex(given.lhs)} = {sp.latex(given.rhs)}$" for given in derivation.givens
    ]
    parts += [
        "$" + ", ".join(sp.latex(member) for member in group) + "$ independent"
        for group in derivation.independent
    ]
    return "; ".join(parts) if parts else "none"


ERRATUM_KIND_TEXT = {
    "error": "the note's step is wrong; the checker refutes it with a counterexample and "
    "checks the correction.",
    "notation": "the note's form is right under the conventional reading shown here; "
    "nothing is refuted.",
    "wording": "the note's prose misnames or misstates something; the mathematics, as checked "
    "here, holds.",
}


def source_latex(derivation: Derivation) -> str:
    """``004 … § 공부``, and for a figure or a supplement where the material comes from."""
    source = derivation.source
    where = rf"{text(source.note)}, \ensuremath{{\S}}~{text(source.section)}"
    if source.kind == "figure":
        return where + rf" --- \emph{{from a figure:}} {prose(source.reference)}"
    if source.kind == "supplement":
        return where + rf" --- \emph{{supplement, not in the note's text:}} {prose(source.reference)}"
    return where + " (quoted below)"


def derivation_latex(entry: Entry, *, standalone: bool = False) -> str:
    """The subsection of one derivation: source, assumptions, claim, steps, NumPy code."""
    derivation, report = entry.derivation, entry.report
    heading = "section" if standalone else "subsection"
    status = report.status
    erratum_status = {
        "error": r"\textcolor{BrickRed}{error in the note: its step is refuted, the correction holds}",
        "notation": r"\textcolor{NavyBlue}{notation: the note's form holds, read conventionally}",
        "wording": r"\textcolor{NavyBlue}{wording: a remark on the prose; the mathematics holds}",
    }
    status_text = {
        "proved": r"\vproved",
        "checked": r"\vchecked",
        "erratum": erratum_status.get(derivation.kind_of_erratum or "error", ""),
    }.get(status, r"\textcolor{BrickRed}{\textbf{" + text(status) + "}}")
    lines = [
        rf"\{heading}{{{heading_text(derivation.title)}}}\label{{d:{derivation.id}}}",
        rf"\textbf{{Id:}} \texttt{{{text(derivation.id)}}} \hfill "
        rf"\textbf{{Verdict:}} {status_text}",
        "",
        rf"\textbf{{Source:}} {source_latex(derivation)}",
        "",
    ]
    if derivation.erratum_of:
        target = rf"\texttt{{{text(derivation.erratum_of)}}}"
        if not standalone:
            target = rf"\hyperref[d:{derivation.erratum_of}]{{{target}}}"
        kind = derivation.kind_of_erratum
        label = {"error": "Erratum (error)", "notation": "Erratum (notation)"}.get(
            kind, "Erratum (wording)"
        )
        lines += [rf"\textbf{{{label}}} of {target}: {ERRATUM_KIND_TEXT[kind]}", ""]
    lines += [
        rf"\textbf{{Claim:}} {prose(derivation.claim)}",
        "",
        rf"\textbf{{Assumptions:}} {assumptions_latex(derivation)}.",
        "",
        steps_latex(derivation, report),
    ]
    if entry.numpy_code:
        lines += [
            r"\textbf{NumPy code} (the gradient lambdified by SymPy):",
            r"\begin{lstlisting}[language=Python]",
            entry.numpy_code.rstrip(),
            r"\end{lstlisting}",
        ]
    return "\n".join(lines) + "\n"


def reading_order(entries: Iterable[Entry]) -> list[Entry]:
    """Catalog order, with every erratum placed right after the derivation it corrects."""
    entries = list(entries)
    by_id = {entry.derivation.id: entry for entry in entries}
    errata: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.derivation.erratum_of in by_id:
            errata.setdefault(entry.derivation.erratum_of, []).append(entry)
    ordered: list[Entry] = []

    def place(entry: Entry) -> None:
        ordered.append(entry)
        for erratum in errata.get(entry.derivation.id, []):
            place(erratum)

    for entry in entries:
        if entry.derivation.erratum_of not in by_id:
            place(entry)
    return ordered


ACRONYMS = frozenset({"kl", "mlp", "mse", "sgd", "relu", "bce", "lstm", "rnn", "cnn"})


def topic_title(topic: str) -> str:
    """``kl_divergence`` → ``KL divergence``."""
    words = topic.replace("_", " ").replace("-", " ").split() or ["other"]
    words = [word.upper() if word in ACRONYMS else word for word in words]
    return heading_text(words[0][:1].upper() + " ".join(words)[1:])


BOOKMARK_NAMES = {
    "⊙": "*",
    "η": "eta",
    "ρ": "rho",
    "π": "pi",
    "Π": "Pi",
    "√": "sqrt",
    "∫": "integral",
    "α": "alpha",
    "β": "beta",
    "δ": "delta",
    "ε": "epsilon",
    "θ": "theta",
    "λ": "lambda",
    "μ": "mu",
    "σ": "sigma",
    "Σ": "Sigma",
    "∂": "d",
    "−": "-",
    "—": "-",
    "–": "-",
    "·": "*",
    "×": "x",
    "²": "^2",
    "³": "^3",
    "≤": "<=",
    "≥": ">=",
    "≠": "!=",
    "≈": "~",
    "→": "->",
    "ᵀ": "^T",
    "‖": "||",
    "₀": "0",
    "₁": "1",
    "₂": "2",
    "₃": "3",
    "ŷ": "y-hat",
    "∈": " in ",
    "ℝ": "R",
    "∞": "inf",
    "∘": "o",
    "½": "1/2",
    "¼": "1/4",
    "¾": "3/4",
    "∇": "grad",
}


def heading_text(value: str) -> str:
    """A heading: typeset text, with an ASCII twin for the PDF bookmarks."""
    bookmark = "".join(
        BOOKMARK_NAMES.get(character, character if ord(character) < 128 else "")
        for character in value
    )
    return rf"\texorpdfstring{{{prose(value)}}}{{{_escape(bookmark)}}}"


def summary_latex(reports: Sequence[DerivationReport]) -> str:
    summary = CatalogSummary.of(tuple(reports))
    return (
        r"\begin{tabular}{lr}"
        "\n"
        rf"derivations & {summary.derivations}\\"
        "\n"
        rf"claimed relations (steps) & {summary.steps}\\"
        "\n"
        rf"\vproved & {summary.proved}\\"
        "\n"
        rf"\vchecked & {summary.checked}\\"
        "\n"
        rf"\vrefuted & {summary.refuted}\\"
        "\n"
        rf"\vundecided & {summary.undecided}\\"
        "\n"
        rf"errata reproduced & {summary.errata_reproduced} of {summary.errata}\\"
        "\n"
        rf"not as expected & {len(summary.unexpected)}"
        "\n"
        r"\end{tabular}"
    )


LEGEND = (
    r"\vproved: the symbolic difference simplified to exactly 0. "
    r"\vchecked: the two sides agree numerically at every sampled point (30+ digits). "
    r"\vrefuted: the sides differ at the counterexample shown. "
    r"\vundecided: the time budget ran out or the domain gave trouble."
)


def fingerprint(derivation: Derivation) -> str:
    """A hash of everything a derivation says (not its verdicts): the docs are stale when the
    catalog's fingerprints differ from the ones written into them."""
    import hashlib
    import json

    def expression(value: sp.Basic | None) -> str | None:
        return None if value is None else sp.srepr(value)

    content = [
        derivation.id,
        derivation.title,
        str(derivation.source),
        derivation.claim,
        derivation.erratum_of,
        derivation.topic,
        [
            [
                expression(step.expr),
                step.justification,
                step.relation,
                step.expect,
                expression(step.correction),
                step.quote,
                step.restatement,
            ]
            for step in derivation.steps
        ],
        derivation.erratum_kind,
        [[expression(symbol), repr(domain)] for symbol, domain in derivation.domains],
        [expression(given) for given in derivation.givens],
        [[expression(member) for member in group] for group in derivation.independent],
    ]
    return hashlib.sha256(json.dumps(content).encode()).hexdigest()[:16]


FINGERPRINT_LINE = re.compile(r"^% fingerprint (\S+) ([0-9a-f]{16})$", re.MULTILINE)


def fingerprints_in(document: str) -> dict[str, str]:
    """The ``id → fingerprint`` lines a generated document carries."""
    return dict(FINGERPRINT_LINE.findall(document))


def fingerprint_lines(entries: Iterable[Entry]) -> str:
    return "\n".join(
        f"% fingerprint {entry.derivation.id} {fingerprint(entry.derivation)}" for entry in entries
    )


def catalog_document(entries: Sequence[Entry]) -> str:
    """``docs/derivations.tex``: the whole catalog, grouped by topic, errata after corrections."""
    ordered = reading_order(entries)
    topics: list[str] = []
    for entry in ordered:
        if entry.derivation.topic not in topics:
            topics.append(entry.derivation.topic)
    body = [
        "% Generated by `symderive docs`; do not edit (regenerate instead).",
        fingerprint_lines(ordered),
        PREAMBLE,
        r"\title{The symderive catalog of backpropagation derivations}",
        r"\author{generated by \texttt{symderive docs}; every step checked}",
        r"\date{}",
        r"\begin{document}",
        r"\maketitle",
        r"\noindent " + LEGEND,
        "",
        r"\begin{center}",
        summary_latex([entry.report for entry in entries]),
        r"\end{center}",
        r"\tableofcontents",
    ]
    for topic in topics:
        body.append(rf"\section{{{topic_title(topic)}}}")
        for entry in ordered:
            if entry.derivation.topic == topic:
                body.append(derivation_latex(entry))
    body.append(r"\end{document}")
    return "\n".join(body) + "\n"


def standalone_document(entry: Entry) -> str:
    """``docs/derivations/<id>.tex``: one derivation as a document of its own."""
    return (
        "\n".join(
            [
                "% Generated by `symderive docs`; do not edit (regenerate instead).",
                fingerprint_lines([entry]),
                PREAMBLE,
                r"\begin{document}",
                r"\noindent " + LEGEND,
                "",
                derivation_latex(entry, standalone=True),
                r"\end{document}",
            ]
        )
        + "\n"
    )


# --- the NumPy code of a gradient ---------------------------------------------------------------

ELEMENTARY_FUNCTIONS = (
    sp.exp,
    sp.log,
    sp.tanh,
    sp.Abs,
    sp.sin,
    sp.cos,
    sp.Heaviside,
    sp.Max,
    sp.Min,
)


def numpy_code(derivation: Derivation) -> str | None:
    """The NumPy code the derivation's gradient becomes, where there is one.

    An op of :mod:`symderive.ops` proven by this derivation gives its derived backward (the
    function ``lambdify`` generated); otherwise a gradient derivation (its chain starts from a
    ``Derivative``) whose final expression is a scalar function of real symbols is lambdified
    here with common-subexpression elimination. The ops package is optional.
    """
    from_ops = _ops_backward_source(derivation.id)
    if from_ops is not None:
        return from_ops
    start, final = derivation.steps[0].expr, derivation.steps[-1].expr
    if derivation.is_erratum or not isinstance(start, sp.Basic) or not start.has(sp.Derivative):
        return None
    if not isinstance(final, sp.Expr) or getattr(final, "is_Matrix", False) or final.is_number:
        return None
    if final.has(sp.Derivative, sp.Sum, sp.Indexed, sp.MatrixSymbol, sp.Piecewise):
        return None
    from symderive.functions import to_elementary

    elementary = to_elementary(final)
    for function in elementary.atoms(sp.Function):
        if function.func not in ELEMENTARY_FUNCTIONS:
            return None
    symbols = sorted(elementary.free_symbols, key=sp.default_sort_key)
    if not all(isinstance(symbol, sp.Symbol) and symbol.is_real for symbol in symbols):
        return None
    return _lambdified_source(symbols, elementary, "gradient")


def _lambdified_source(symbols: Sequence[sp.Symbol], expr: sp.Expr, name: str) -> str:
    import inspect

    function = sp.lambdify(list(symbols), expr, modules="numpy", cse=True)
    source = inspect.getsource(function)
    return source.replace("def _lambdifygenerated(", f"def {name}(", 1)


def _ops_backward_source(derivation_id: str) -> str | None:
    """The generated backward of the op this derivation proves, if the ops package has one."""
    try:
        import inspect

        from symderive.ops import ELEMENTWISE, rule
    except ImportError:
        return None
    sources = []
    for name, op in sorted(ELEMENTWISE.items()):
        if derivation_id not in getattr(op, "proven_by", ()):
            continue
        backward_source = getattr(op, "backward_source", None)
        if isinstance(backward_source, str):
            sources.append(backward_source)
            continue
        try:
            derived = rule(name)
            for index, backward in enumerate(derived.backward):
                source = inspect.getsource(backward)
                sources.append(
                    source.replace("def _lambdifygenerated(", f"def {name}_backward_{index}(", 1)
                )
        except Exception:  # noqa: BLE001 - the docs must not break when an op does
            continue
    return "\n".join(sources) if sources else None


# --- files and the PDF --------------------------------------------------------------------------

CATALOG_FILE = "derivations.tex"
STANDALONE_DIR = "derivations"


def entries_for(
    derivations: Sequence[Derivation], reports: Sequence[DerivationReport]
) -> list[Entry]:
    """Pair each derivation with its report (same order) and its NumPy code."""
    by_id = {report.id: report for report in reports}
    return [
        Entry(derivation, by_id[derivation.id], numpy_code(derivation))
        for derivation in derivations
    ]


def write_documents(entries: Sequence[Entry], out_dir: Path) -> list[Path]:
    """Write ``derivations.tex`` and ``derivations/<id>.tex``; remove standalone files of
    derivations that no longer exist. Returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    standalone_dir = out_dir / STANDALONE_DIR
    standalone_dir.mkdir(exist_ok=True)
    written = [out_dir / CATALOG_FILE]
    written[0].write_text(catalog_document(entries), encoding="utf-8")
    keep = set()
    for entry in entries:
        path = standalone_dir / f"{entry.derivation.id}.tex"
        path.write_text(standalone_document(entry), encoding="utf-8")
        keep.add(path.name)
        written.append(path)
    for stale in standalone_dir.glob("*.tex"):
        if stale.name not in keep:
            stale.unlink()
    return written


@dataclass(frozen=True)
class PdfBuild:
    """What building a PDF did: the file (None when TeX is missing or failed) and why."""

    pdf: Path | None
    tool: str | None
    log: Path | None
    message: str
    overfull_boxes: int = 0
    pages: int | None = None

    @property
    def ok(self) -> bool:
        return self.pdf is not None


TEX_PACKAGES_HINT = (
    "install TeX (Debian: apt-get install texlive-latex-base texlive-latex-recommended "
    "texlive-lang-korean latexmk)"
)


def tex_tool() -> str | None:
    """``latexmk`` when installed, else ``pdflatex``, else None."""
    for tool in ("latexmk", "pdflatex"):
        if shutil.which(tool):
            return tool
    return None


def build_pdf(tex_file: Path, build_dir: Path | None = None, timeout: float = 600) -> PdfBuild:
    """Compile ``tex_file`` with latexmk -pdf (or pdflatex twice) into ``build_dir``."""
    tool = tex_tool()
    if tool is None:
        return PdfBuild(None, None, None, f"no PDF: TeX is not installed; {TEX_PACKAGES_HINT}")
    build_dir = build_dir or tex_file.parent / "build"
    build_dir.mkdir(parents=True, exist_ok=True)
    if tool == "latexmk":
        commands = [
            [
                "latexmk",
                "-pdf",
                "-interaction=nonstopmode",
                "-halt-on-error",
                "-file-line-error",
                f"-outdir={build_dir.resolve()}",
                tex_file.name,
            ]
        ]
    else:
        one_run = [
            "pdflatex",
            "-interaction=nonstopmode",
            "-halt-on-error",
            "-file-line-error",
            f"-output-directory={build_dir.resolve()}",
            tex_file.name,
        ]
        commands = [one_run, one_run]
    for command in commands:
        completed = subprocess.run(
            command,
            cwd=tex_file.parent,
            capture_output=True,
            text=True,
            errors="replace",  # TeX writes its logs in Latin-1 as often as in UTF-8
            timeout=timeout,
            check=False,
        )
        if completed.returncode != 0:
            break
    log = build_dir / (tex_file.stem + ".log")
    log_text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    overfull = log_text.count("Overfull \\hbox")
    pdf = build_dir / (tex_file.stem + ".pdf")
    if completed.returncode != 0 or not pdf.exists():
        errors = [line for line in log_text.splitlines() if line.startswith(("!", "./"))][:3]
        detail = " | ".join(errors) or completed.stdout[-300:]
        return PdfBuild(None, tool, log, f"{tool} failed: {detail}", overfull)
    pages = re.search(r"Output written on .*?\((\d+) pages?", log_text.replace("\n", ""))
    return PdfBuild(
        pdf,
        tool,
        log,
        f"wrote {pdf}",
        overfull,
        int(pages.group(1)) if pages else None,
    )
