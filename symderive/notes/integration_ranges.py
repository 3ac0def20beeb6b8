r"""Variables a display just before the claim integrates over [0, ∞) (review round 52 AL02).

``\int_0^\infty \int_0^{2\pi} e^{-r^2} |\det D\phi| \, d\theta \, dr`` and then
``|\det [[\cos θ, −r \sin θ], [\sin θ, r \cos θ]]| = r(\cos^2 θ + \sin^2 θ)``: r is the polar
radius the note integrates from 0 to ∞, so a counterexample at r < 0 refutes nothing the note
says. Such a refutation is withheld (undecided), quoting the integral. The range is read from
the displays of the few lines before the claim, in its section; it is not used to prove.
"""

from __future__ import annotations

import re
from fractions import Fraction

NEARBY_LINES = 15  # "just before": the displays of this many lines before the claim
def _bound_pattern(name: str) -> str:
    """A bound written ``{…}``, ``\\infty`` or one character, captured as ``name``."""
    return (r"\s*(?:\{\s*(?P<" + name + r">[^{}]*?)\s*\}|(?P<" + name
            + r"s>\\[A-Za-z]+|[^\s{}\\]))")


_INTEGRAL = re.compile(r"\\o?int(?![A-Za-z])(?:\\limits|\\nolimits)?\s*(?:_"
                       + _bound_pattern("low") + r"\s*\^" + _bound_pattern("high") + ")?")
_DIFFERENTIAL = re.compile(r"(?<![\\A-Za-z])(?:\\mathrm\{d\}|d)\s*(\\[A-Za-z]+|[A-Za-z])"
                           r"(?![A-Za-z])")
_INFINITY = {"\\infty", "+\\infty", "∞"}


def _bound(match: re.Match, name: str) -> str:
    written = match.group(name) or match.group(name + "s") or ""
    return re.sub(r"\s+", "", written)


def _from_zero_to_infinity(match: re.Match) -> bool:
    return _bound(match, "low") == "0" and _bound(match, "high") in _INFINITY


def _nonnegative_variables(display: str) -> set[str]:
    """The variables ``display`` integrates over [0, ∞): the i-th integral sign is paired with
    the i-th differential from the end (nested integrals); when they do not pair up, every
    differential of a display with such an integral is taken (the cautious reading)."""
    integrals = list(_INTEGRAL.finditer(display))
    if not any(_from_zero_to_infinity(sign) for sign in integrals):
        return set()
    variables = [name.lstrip("\\") for name in _DIFFERENTIAL.findall(display)]
    if len(variables) != len(integrals):
        return set(variables)
    return {variable for sign, variable in zip(integrals, reversed(variables))
            if _from_zero_to_infinity(sign)}


def _is_negative(value: str) -> bool:
    try:
        return Fraction(value.replace("−", "-").strip()) < 0
    except (ValueError, ZeroDivisionError):
        return False


def _preceding_text(text_before: str) -> str:
    """The last lines of ``text_before`` (the note before the claim) back to the nearest
    heading, at most NEARBY_LINES."""
    lines = text_before.splitlines()
    kept: list[str] = []
    for text in reversed(lines[-NEARBY_LINES:]):
        if text.lstrip().startswith("#"):
            break
        kept.append(text)
    return "\n".join(reversed(kept))


DISPLAY = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\begin\{(equation|align|gather)\*?\}(.+?)"
                     r"\\end\{\3\*?\}", re.S)


def integrated_from_zero(text_before: str, values) -> str:
    """Why a counterexample (``values``: (name, value-as-text) pairs) that gives a negative
    value to a variable a display just before the claim (at the end of ``text_before``)
    integrates over [0, ∞) refutes nothing the note says; '' if it does not."""
    negative = {name for name, value in values if _is_negative(str(value))}
    if not negative:
        return ""
    for match in DISPLAY.finditer(_preceding_text(text_before)):
        display = next(part for part in (match.group(1), match.group(2), match.group(4)) if part)
        hit = sorted(_nonnegative_variables(display) & negative)
        if hit:
            quoted = " ".join(display.split())[:80]
            return (f"the note integrates {', '.join(hit)} from 0 to ∞ just before ('{quoted}'), "
                    f"so {', '.join(hit)} ≥ 0 as meant; the counterexample gives "
                    f"{'it' if len(hit) == 1 else 'them'} a negative value, so it refutes "
                    "nothing the note says")
    return ""
