r"""Units of measurement after a number: ``1\,\mathrm{km}``, and the italic ``1 km = 1000 m``.

A unit after a number is no variable: ``1 km = 1000 m`` is a conversion, not the product
``1·k·m`` set equal to ``1000·m`` (round 15 F41). The upright spellings (``\mathrm{km}``,
``\text{ h}``) are refused by the grammar as units wherever they follow a number; an italic
unit is read as one only in a *conversion*: every side a sum of terms *number × unit*, the
units written not all the same (``5 m = 500 cm``, ``1 h = 60 min``, ``2 km + 500 m = 2500 m``,
``1 m/s = 3.6 km/h``). Algebra keeps its letters: ``2 m = m + m`` and ``3 g = g + 2g`` have a
term with no number, and ``5 m + 3 m = 8 m`` writes one unit only, which reads the same as a
unit or as a letter.
"""

from __future__ import annotations

import re

UNITS = frozenset({
    "m", "km", "cm", "mm", "nm", "um", "s", "ms", "us", "ns", "ps", "h", "hr", "min",
    "g", "kg", "mg", "K", "N", "kN", "J", "kJ", "W", "kW", "MW", "V", "mV", "kV", "A", "mA",
    "L", "mL", "Hz", "kHz", "MHz", "GHz", "Pa", "kPa", "bar", "eV", "B", "kB", "KB", "MB",
    "GB", "TB", "KiB", "MiB", "GiB", "TiB", "bit", "bits", "byte", "bytes", "mol", "cal",
    "kcal", "FLOPS", "FLOP", "ft", "mi", "yd", "lb", "oz", "in",
})  # fmt: skip

_POWER = r"(?:\s*\^\s*(?:\{\s*-?\s*\d+\s*\}|\d))"
_NUMBER = (
    r"(?:\d+(?:\{,\}\d{3})*(?:\.\d+)?|\.\d+)"  # 1000, 1{,}000, 2.5, .5
    rf"(?:\s*(?:\\times|\\cdot)\s*10{_POWER})?"  # 2 \times 10^9
    rf"|10{_POWER}"  # 10^3
    r"|\\[dt]?frac\s*\{\s*\d+(?:\.\d+)?\s*\}\s*\{\s*\d+(?:\.\d+)?\s*\}"  # \frac{1}{3.6}
)
_GAP = r"(?:\s|\\[,;:! ]|~|\\q?quad(?![A-Za-z]))*"
_UNIT = rf"(?P<run>[A-Za-z]+){_POWER}?"
_JOIN = r"(?:\s*/\s*|\s*\\cdot\s*|\s+)"
_TERM = re.compile(
    rf"\s*(?P<sign>[-+])?\s*(?P<number>{_NUMBER}){_GAP}"
    rf"(?P<unit>[A-Za-z]+{_POWER}?(?:{_JOIN}[A-Za-z]+{_POWER}?)*)\s*"
)
_NAMED = re.compile(  # L, 2L, 3\,L_1: a multiple of a name defined as a quantity
    rf"\s*(?P<sign>[-+])?\s*(?:(?:{_NUMBER}){_GAP})?"
    r"(?P<name>(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?)(?![A-Za-z])\s*"
)


def _unit_of(term: str, names: frozenset) -> str | None:
    """The unit written in ``term`` without spaces (``km/h``, ``m^2``), or None when one of
    its letter runs is no unit symbol (``2 kx``) or a name the note defines as a quantity
    (``2L`` after ``L = 5 m``)."""
    runs = [match.group("run") for match in re.finditer(_UNIT, term)]
    if not all(run in UNITS and run not in names for run in runs):
        return None
    return re.sub(r"\s+", "", term)


def unit_terms(side: str, quantities: dict | None = None) -> list[str] | None:
    """The units of ``side`` when it is a sum of terms *number × unit* (``2 km + 500 m``),
    else None (a term with no number, a letter run that is no unit, anything else).
    ``quantities`` maps a name the note defines as such a sum (``L = 5 m``) to its units: a
    term ``L`` or ``2L`` has those (``L + 20 cm = 520 cm``)."""
    quantities = quantities or {}
    names = frozenset(quantities)
    units: list[str] = []
    position, text = 0, side.strip()
    while position < len(text):
        match = _TERM.match(text, position)
        named = _NAMED.match(text, position)
        if named is not None and named.group("name") in quantities and (
                match is None or named.end() >= match.end()):
            match, found = named, list(quantities[named.group("name")])
        elif match is not None:
            unit = _unit_of(match.group("unit"), names)
            if unit is None:
                return None
            found = [unit]
        else:
            return None
        if position and match.group("sign") is None:
            return None
        units.extend(found)
        position = match.end()
    return units or None


def conversion(left: str, right: str, quantities: dict | None = None) -> str:
    """Why ``left = right`` is a statement about units (``1 km = 1000 m``), or ''."""
    sides = unit_terms(left, quantities), unit_terms(right, quantities)
    if sides[0] is None or sides[1] is None:
        return ""
    written = list(dict.fromkeys(sides[0] + sides[1]))
    if len(written) < 2:
        return ""  # 5 m + 3 m = 8 m: one unit reads the same as a letter
    return (f"units: {', '.join(written)} after numbers are units of measurement, not "
            "variables (a unit conversion; quantities with units are not read)")
