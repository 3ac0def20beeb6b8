r"""Lines a note derives by integrating a differential equation (round 57 AT04).

*For the model $\frac{dP}{dt} = rP$ we integrate:* ``\int \frac{dP}{P} = \int r\,dt``, then
``\ln P = rt + C``. The last line is no identity in free P, r, t and C: P is the solution of
the ODE and C its constant of integration, so it is an equation the solution satisfies (an
equation to solve), as the ODE line itself is. Such a line is recognised by

* a constant of integration free in it (``C``, ``K``, ``c``, ``C_1``, ``c_0``) that the note
  has not written before the integration began (a fresh name, not a parameter of the section)
  and that does not cancel (``x^2 + C = x^3 + C`` is a claim about x, refuted);
* no integral, sum, limit or derivative written in it (``\int 2x\,dx = x^3 + C`` or
  ``\frac{d}{dx}(x^3 + C) = 2x`` stay claims: checking an antiderivative is a claim);
* an integration just before it in its section (at most :data:`WINDOW` lines up): an
  indefinite integral, words of integrating (*integrate, separating variables*, 적분하면,
  변수분리하면, *differential equation*, 미분방정식), or an ODE in a letter the line mentions.

Only a refutation is held back (the line is then skipped as a condition, with this reason); a
line that holds for every value is still proved.
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

WINDOW = 20  # lines before the step where its integration may be
CONSTANT_NAME = re.compile(r"[CKc](?:_\{?\d\}?)?")  # C, K, c, C_1, c_{0} (symbol names)
INDEFINITE_INTEGRAL = re.compile(r"\\int(?![A-Za-z])(?!\s*(?:\\limits|\\nolimits)?\s*[_^])")
INTEGRATING_WORDS = re.compile(
    r"integrat\w*|separat\w*\s+(?:the\s+)?variables|separable|antiderivative|"
    r"differential\s+equation|\bODEs?\b|적분\w*|변수\s*분리\w*|미분\s*방정식", re.I)
_D = r"(?:\\mathrm\s*\{\s*d\s*\}|\\operatorname\s*\{\s*d\s*\}|d)"
ODE_UNKNOWN = re.compile(  # dP/dt, y'(x), \dot{x}: the letter a differential equation is in
    rf"\\frac\s*\{{\s*{_D}\s*(?P<frac>[A-Za-z])\s*\}}\s*\{{\s*{_D}\s*[A-Za-z]\s*\}}"
    r"|(?<![A-Za-z\\])(?P<prime>[A-Za-z])\s*'|\\dot\s*\{?\s*(?P<dot>[A-Za-z])")
WRITTEN = sp.Integral, sp.Sum, sp.Limit, sp.Derivative


def integration_constants(lhs, rhs) -> list[str]:
    """The names spelled as constants of integration that stay free in ``lhs - rhs`` (one
    that cancels leaves a claim about the other names)."""
    try:
        difference = lhs - rhs  # x^2 + C = x^3 + C: C cancels, the claim is about x alone
    except (TypeError, ValueError, AttributeError):
        return []
    names = {symbol.name for symbol in getattr(difference, "free_symbols", ())
             if isinstance(symbol, sp.Symbol)}
    return sorted(name for name in names if CONSTANT_NAME.fullmatch(name))


def solution_of_an_integration(lhs, rhs, raws: tuple, lines: list, start: int, line: int,
                               lead: str = "") -> str:
    """Why ``lhs = rhs`` (on ``line``, its section starting at ``start``) is an equation the
    solution of a differential equation satisfies, not an identity; '' when it is not read so.
    ``raws`` are the two sides as written (before definitions were substituted)."""
    sides = [side for side in (lhs, rhs, *raws) if isinstance(side, sp.Basic)]
    if len(sides) != 4 or any(side.has(*WRITTEN) for side in sides):
        return ""
    constants = integration_constants(lhs, rhs)
    if not constants:
        return ""
    first = max(start, line - WINDOW, 1)
    before = [(number, lines[number - 1]) for number in range(first, line)
              if 0 < number <= len(lines)] + [(line, lead or "")]
    mentioned = _names(lhs) | _names(rhs)
    for number, text in before:
        evidence = _integration_in(text, mentioned)
        if evidence and not _written_before(constants, lines, start, number):
            return (f"an equation the solution of a differential equation satisfies "
                    f"({', '.join(constants)} a constant of integration, after {evidence} on "
                    f"line {number}; round 57 AT04), not an identity in free names")
    return ""


def _integration_in(text: str, mentioned: set) -> str:
    """What in ``text`` starts an integration: an indefinite integral, integrating words, or
    an ODE in a letter the step mentions; '' for none."""
    if INDEFINITE_INTEGRAL.search(text):
        return "an indefinite integral"
    if words := INTEGRATING_WORDS.search(text):
        return f"'{words.group(0)}'"
    for match in ODE_UNKNOWN.finditer(text):
        letter = match["frac"] or match["prime"] or match["dot"]
        if letter in mentioned and "=" in text[match.end():]:
            return f"the differential equation in {letter}"
    return ""


def _written_before(constants: list, lines: list, start: int, number: int) -> bool:
    """Whether a constant's letter is written in the section before line ``number`` (then it
    is a parameter of the section, not a fresh constant of integration)."""
    letters = {name[0] for name in constants}
    pattern = re.compile(rf"(?<![A-Za-z\\])[{''.join(sorted(letters))}](?![A-Za-z])")
    return any(pattern.search(lines[index - 1]) for index in range(max(start, 1), number)
               if index <= len(lines))


def _names(side) -> set:
    """The letters a side mentions: its free names and its applied functions."""
    if not isinstance(side, sp.Basic):
        return set()
    return ({symbol.name.partition("_")[0] for symbol in side.free_symbols
             if isinstance(symbol, sp.Symbol)}
            | {node.func.__name__ for node in side.atoms(AppliedUndef)})
