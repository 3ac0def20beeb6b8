r"""A worked example computed from rounded values: ``\sigma(1) = 0.731``, so ``\sigma'(1) =
0.731 \cdot 0.269``. The product of the rounded factors (0.196639) is not σ'(1) (0.196612)
exactly, yet it is what the author means: the value computed from the decimals written, each
known to half a unit of its last place (round 52 AK02).

A refutation of a step without names whose one side is arithmetic on decimals only (``+``,
``-``, ``·``, ``/``, powers) and whose other side is no exact number (``0.2 + 0.3 + 0.4 = 1``
claims exact arithmetic) is therefore undecided when the other side's value lies between the
least and the greatest value of that side over the corners of the box the decimals' rounding
allows (each decimal d with k places in [d − ½·10⁻ᵏ, d + ½·10⁻ᵏ], at most :data:`MOST` of
them; a denominator that may vanish in the box bounds nothing). Only ever a reason to withhold
a refutation.
"""

from __future__ import annotations

import itertools
import re

import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.build import time_limit
from symderive.grammar.latex import parse_latex_math

DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")
MOST = 6  # decimals in the side: 2^6 corners at most


def within_written_rounding(written: tuple[str, str], sides: tuple) -> str:
    """Why a refutation of ``written`` (the two sides as written; ``sides`` as read) may not
    stand: one side is arithmetic on rounded decimals and the other lies within their rounding
    (see the module); '' otherwise."""
    for index in (0, 1):
        text, other = written[index], sides[1 - index]
        decimals = DECIMAL.findall(text)
        if not decimals or len(decimals) > MOST or not isinstance(other, sp.Basic):
            continue
        if other.is_Rational:
            continue  # 0.2 + 0.3 + 0.4 = 1: exact numbers, the sum claimed exactly (53 AM05)
        try:
            with time_limit(1.0, source="<rounding>", what="bounding a side of rounded values"):
                value = sp.N(other, 30)
                if not (value.is_real and value.is_finite) or other.free_symbols:
                    continue
                low, high = _range(text, decimals)
        except (ParseError, ValueError, TypeError, ArithmeticError):
            continue
        if low is not None and low <= value <= high:
            return (f"the side {text.strip()} is computed from rounded decimals "
                    f"({', '.join(decimals)}), and with each within half a unit of its last "
                    f"place it takes values from {sp.N(low, 8)} to {sp.N(high, 8)}, which "
                    f"include the other side ({sp.N(value, 8)})")
    return ""


def _range(text: str, decimals: list[str]):
    """The least and greatest value of the side over the corners of the decimals' box, or
    (None, None) when the side is not arithmetic on those decimals alone (a lone decimal is
    the value rounded, judged to its places elsewhere: 2/3 = 0.67, never here)."""
    names = [f"r_{{{index}}}" for index in range(len(decimals))]
    pieces = iter(names)
    templated = DECIMAL.sub(lambda _: f" {next(pieces)} ", text)
    expression = parse_latex_math(templated)
    symbols = {str(symbol): symbol for symbol in expression.free_symbols}
    arithmetic = all(isinstance(node, (sp.Add, sp.Mul, sp.Pow, sp.Symbol, sp.Number))
                     for node in sp.preorder_traversal(expression))
    if expression.is_Symbol or (-expression).is_Symbol or not arithmetic or set(symbols) != {
            f"r_{index}" for index in range(len(decimals))}:
        return None, None
    ranges = []
    denominators = [node.base for node in sp.preorder_traversal(expression)
                    if isinstance(node, sp.Pow) and node.exp.is_negative]
    for index, decimal in enumerate(decimals):
        places = len(decimal.split(".")[1])
        half = sp.Rational(1, 2 * 10 ** places)
        ranges.append((symbols[f"r_{index}"], sp.Rational(decimal) - half,
                       sp.Rational(decimal) + half))
    corners = [{symbol: corner for (symbol, _, _), corner in zip(ranges, choice)}
               for choice in itertools.product(*((low, high) for _, low, high in ranges))]
    for denominator in denominators:  # a pole inside the box: the corners bound nothing
        signs = {sp.sign(denominator.xreplace(corner)) for corner in corners}
        if len(signs) > 1 or 0 in signs:
            return None, None
    values = [expression.xreplace(corner) for corner in corners]
    if not all(value.is_Rational for value in values):
        return None, None
    return min(values), max(values)
