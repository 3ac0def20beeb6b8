r"""Other readings of a refuted formula that make it hold: the note may mean one of them.

A refutation says the two sides differ as the checker reads them: real numbers, numerals in
base ten, ``/`` as exact division, angles in radians, ``\log`` natural, a bar a mean. Notes
also write the arithmetic of a clock or of parities, numerals in another base, integer
division, angles in degrees, a base-10 logarithm and the complex conjugate — and say so in
words no list can hold (*On a wall clock*, *In base three*, a heading *Angles in degrees*,
round 34a F24, F25, F29). So the formula itself is read again in each such reading; when one
makes it hold, the refutation is withheld (*undecided*) with the reading named. This only
ever says less: a formula that holds in no other reading stays refuted.

The readings, each of the formula as written:

* **modular**: sums, differences and products of numerals equal to a numeral ``r`` (an
  operation: *0 = 2* is no residue) and congruent to it modulo some ``m > r`` among 2 … 16, a
  day's 24, an hour's 60, a circle's 360, a byte's 256 and a machine word's 2^16, 2^32, 2^64
  (*9 + 5 = 2* modulo 12, *1 + 1 = 0* modulo 2, *3 + 4 = 2* in the field with five elements,
  *200 + 100 = 44* in 8 bits); ``m = r`` for a count from one, a week's 7, a clock's 12 or 24
  (*7 + 17 = 12*); a negative value only modulo a clock, a circle or a machine word (*2 − 5 =
  3* stays a sign error). Small errors (*2 · 3 = 0*) are withheld too: they hold modulo 6;
* **counts that include both ends**: a sum of counts from one that is one less for each ``+``
  (*3 + 3 = 5*: a third and a third make a fifth, round 36 F19);
* **transfinite**: ω or ℵ as an infinite ordinal or cardinal, both sides infinite with it
  (*1 + ω = ω*, round 36 F18);
* **integer division**: a quotient of integers, of a sum or a negative one, equal to a numeral
  that is its quotient rounded down or toward zero (*7 / 2 = 3*, *-7 / 2 = -4*, *(2 + 5) / 2 =
  3*);
* **another base**: sums, differences and products of numerals whose digits are below ``b``,
  for ``b`` from 2 to 16, read in base ``b``, digits after a point too (*2 + 2 = 11* in base 3,
  *9 + 7 = 10* in base 16, *0.1 + 0.1 = 1* in base 2);
* **degrees**: ``\sin``, ``\cos``, ``\tan`` … of an angle read in degrees, when SymPy shows the
  two sides equal (*\sin 30 = 1/2*, *\cos(x + 90) = -\sin x*; not *\cos(10^{-300}) = 1*);
* **notations of number theory and algebra**: ``[x]`` as the greatest integer not above ``x``
  (*[3.7] = 3*), a fraction of integers in parentheses equal to −1, 0 or 1 as a Legendre symbol,
  numerals in parentheses side by side as permutations in cycle notation (*(12)(23) = (123)*);
* ``\log`` in base 10 or 2, and a bar over a letter that also stands bare (round 15 F34).

A ``\log`` or ``[x]`` reading of a formula with letters is checked at a few sample points (a
number check only: it can only withhold a refutation).
"""

from __future__ import annotations

import re

import sympy

from symderive.grammar.build import time_limit
from symderive.notes.context import parse

NUMERAL = re.compile(r"(?<![\w.\\{^_])(\d+(?:\.\d+)?)(?![\w.])")
TRIG = re.compile(r"\\(?:sin|cos|tan|cot|sec|csc)(?![A-Za-z])")
# the moduli of residues: small ones (parities, XOR, a field with five elements), a clock, a
# day, an hour, a circle, a byte and a machine word
MODULI = tuple(range(2, 17)) + (24, 60, 360, 256, 2**16, 2**32, 2**64)
# a count that starts at one: a clock shows 12, a week's days are 1 to 7 (7 + 17 = 12)
ONE_BASED = (7, 12, 24)
# a negative value wraps only on a clock, a circle or a machine word (2 - 5 = 3 is a sign error)
WRAPPING = (12, 24, 60, 360, 256, 2**16, 2**32, 2**64)
# arithmetic of numerals only: sums, differences and products
PLAIN = re.compile(r"(?:\s|\d|[-+*()]|\\cdot|\\times)+")
# a quotient of integers, also of a sum or a negative one: (2 + 5) / 2, -7 / 2
INTEGER_QUOTIENT = re.compile(r"\s*-?\s*(?:\d+|\([\d\s+*-]+\))\s*(?:/|//|\\div)\s*\d+\s*")
# numerals in parentheses side by side: permutations in cycle notation, (12)(23) = (123)
CYCLES = re.compile(r"\s*(?:\(\s*\d(?:\s*\d)+\s*\)\s*)+")
# a fraction of integers in parentheses, the other side -1, 0 or 1: a Legendre or Jacobi symbol
LEGENDRE = re.compile(r"\s*(?:\\left)?\s*\(\s*\\[dt]?frac\s*\{\s*-?\d+\s*\}\s*\{\s*\d+\s*\}\s*"
                      r"(?:\\right)?\s*\)\s*")
_TRIG_FUNCTIONS = (sympy.sin, sympy.cos, sympy.tan, sympy.cot, sympy.sec, sympy.csc)
_POINTS = ((1.7, 2.3, 3.1, 1.3), (5.2, 0.7, 1.9, 2.9), (11.0, 3.7, 0.45, 7.1))


def other_reading(sides: tuple, context, line: int) -> str:
    """Why the two sides (as written) may hold in a reading the checker did not take (see the
    module); '' when they hold in none."""
    if len(sides) != 2 or not all(sides):
        return ""
    written = " ".join(sides)
    conjugate = _conjugate(written)
    if conjugate:
        return conjugate
    latex = getattr(context, "latex", None)
    if latex is None:
        return ""
    read = _parsed(sides, latex, line)
    if read is None:
        return ""
    if not read[0].free_symbols and not read[1].free_symbols:
        found = _closed_reading(sides, read, latex, line)
        if found:
            return found
    if _transfinite(read):
        return ("it holds when ω or ℵ is read as an infinite ordinal or cardinal (1 + ω = ω), "
                "which the checker does not read")
    if re.search(r"\\log(?![A-Za-z_])", written) and not re.search(r"\\ln\b|\\log\s*_", written) and (
            not _holds(*read)):  # (as read it already agrees to 4 digits: no base explains it)
        for base in (10, 2):
            if _holds(*(_log_in_base(side, base) for side in read)):
                return (f"it holds when \\log is read in base {base} (the logarithm may be base "
                        f"{base} in the note)")
    if TRIG.search(written) and (_exactly(*(_in_degrees(side) for side in read))
                                 or _rounded(sides, *(_in_degrees(side) for side in read))):
        return "it holds when its angles are read in degrees, which the checker does not read"
    if sum("[" in side for side in sides) == 1:  # [x]: the greatest integer (not a list [e] = [2.73])
        floored = _parsed(tuple(re.sub(r"\\right\s*\]", r"\\rfloor ", re.sub(
            r"\\left\s*\[", r"\\lfloor ", side)).replace("[", "\\lfloor ").replace("]", "\\rfloor ")
            for side in sides), latex, line)
        if floored is not None and _holds(*floored):
            return ("it holds when [x] is read as the greatest integer not above x, which the "
                    "checker does not read")
    return ""


def _rounded(sides: tuple, left, right) -> bool:
    r"""Whether one side is a decimal numeral and the other, closed, rounds to it at the digits
    written (*\sin 60 = 0.866* in degrees: round 37 F07)."""
    for numeral, (value, other) in ((sides[1], (right, left)), (sides[0], (left, right))):
        written = re.fullmatch(r"\s*(-?\d+\.(\d+))\s*", numeral)
        if written and not other.free_symbols:
            try:
                exact = sympy.Rational(written.group(1))
                error = abs(sympy.N(other - exact, 30))
            except Exception:  # noqa: BLE001
                return False
            return bool(error <= sympy.Rational(1, 2) / 10 ** len(written.group(2)))
    return False


def _exactly(left, right) -> bool:
    """Whether the two sides are equal by SymPy's own evaluation (sin(pi/6) = 1/2, cos(t + pi/2)
    = -sin(t)) or its simplification within a second: a number check could find cos(10^-300
    degrees) equal to 1."""
    difference = left - right
    if difference == 0:
        return True
    try:
        with time_limit(1.0, source="<guard>", what="a reading in degrees"):
            return sympy.simplify(difference) == 0
    except Exception:  # noqa: BLE001 - too long or not simplified: not shown to hold
        return False


def _conjugate(written: str) -> str:
    for bar in re.finditer(r"\\(?:bar|overline)\s*\{?\s*([A-Za-z])\b", written):
        bare = re.sub(r"\\(?:bar|overline)\s*\{?\s*[A-Za-z]\b", " ", written)
        if re.search(rf"(?<![A-Za-z\\]){bar.group(1)}(?![A-Za-z])", bare):
            shown = bar.group().replace(" ", "") + ("}" if "{" in bar.group() else "")
            return (f"it writes both {bar.group(1)} and {shown}: the bar may be the complex "
                    f"conjugate, which the checker does not read")
    return ""


def _parsed(sides: tuple, latex, line: int):
    try:
        left, right = (parse(side, latex, "<guard>", line) for side in sides)
    except Exception:  # noqa: BLE001 - a side the grammar does not read here
        return None
    if not isinstance(left, sympy.Expr) or not isinstance(right, sympy.Expr):
        return None
    return left, right


def _closed_reading(sides: tuple, read: tuple, latex, line: int) -> str:
    """The modular, integer-division or base reading in which a formula without letters holds
    (see the module), or ''."""
    for numeral, other in ((1, 0), (0, 1)):
        if not re.fullmatch(r"\s*-?\s*\d+\s*", sides[numeral]):
            continue
        residue, value = int(sides[numeral].replace(" ", "")), read[other]
        if (value.is_Integer and value != residue and residue >= 0 and PLAIN.fullmatch(sides[other])
                and re.search(r"\d\D+\d", sides[other])):  # (an operation: 0 = 2 is no residue)
            modulus = max((m for m in MODULI if (m > residue or (m == residue and m in ONE_BASED))
                           and (value >= 0 or m in WRAPPING) and (int(value) - residue) % m == 0),
                          default=None)
            if modulus:
                return (f"it holds modulo {modulus} (residues: a clock, a week, a circle, parities, a "
                        f"byte), which the checker does not read")
        terms = re.fullmatch(r"\s*\d+(?:\s*\+\s*\d+)+\s*", sides[other])
        if (terms and value.is_Integer and residue == value - sides[other].count("+")
                and all(int(term) >= 1 for term in re.findall(r"\d+", sides[other]))):
            return ("it holds when counts include both ends (musical intervals: a third and a "
                    "third make a fifth), which the checker does not read")
        if (value.is_Rational and not value.is_Integer and INTEGER_QUOTIENT.fullmatch(sides[other])
                and residue in (int(sympy.floor(value)), int(value))):
            return ("it holds with integer division (the quotient rounded down), which the "
                    "checker does not read")
    written = " ".join(sides)
    if all(CYCLES.fullmatch(side) for side in sides) and len(re.findall(r"\(", written)) > 2:
        return ("its sides may be permutations in cycle notation ((12)(23)), which the checker "
                "does not read")
    for symbol, other in ((0, 1), (1, 0)):
        if LEGENDRE.fullmatch(sides[symbol]) and re.fullmatch(r"\s*-?\s*[01]\s*", sides[other]):
            return ("it may be a Legendre or Jacobi symbol (a fraction in parentheses equal to "
                    "-1, 0 or 1), which the checker does not read")
    if not all(PLAIN.fullmatch(side.replace(".", "")) for side in sides):
        return ""  # (a function of a numeral or 1,000: no numeral of another base)
    numerals = NUMERAL.findall(written)
    if not numerals or all(len(numeral) == 1 for numeral in numerals) or any(
            len(numeral) > 12 for numeral in numerals):
        return ""  # (a one-digit numeral is the same number in every base that writes it)
    lowest = max(int(digit) for numeral in numerals for digit in numeral if digit != ".") + 1
    for base in range(max(2, lowest), 17):
        if base == 10:
            continue
        rebased = _parsed(tuple(NUMERAL.sub(lambda m, b=base: _in_base(m.group(1), b), side)
                                for side in sides), latex, line)
        if rebased is not None and sympy.simplify(rebased[0] - rebased[1]) == 0:
            return (f"it holds when its numerals are read in base {base}, which the checker "
                    f"does not read")
    return ""


def _transfinite(read: tuple) -> bool:
    """Whether the sides name ω or ℵ and both are infinite with it infinite: the arithmetic of
    ordinals or cardinals, where 1 + ω = ω and ℵ₀ + ℵ₀ = ℵ₀ (round 36 F18)."""
    names = {symbol for side in read for symbol in side.free_symbols
             if re.match(r"(?:omega|aleph)", symbol.name)}
    if not names:
        return False
    try:
        left, right = (side.xreplace({symbol: sympy.oo for symbol in names}) for side in read)
    except Exception:  # noqa: BLE001
        return False
    return left.is_infinite is True and left == right


def _in_base(numeral: str, base: int) -> str:
    """The numeral read in ``base`` (digits after a point too: 0.1 in base 2 is 1/2), written
    as a fraction of base-ten integers."""
    whole, _, fraction = numeral.partition(".")
    value = sympy.Integer(int(whole, base)) + (
        sympy.Rational(int(fraction, base), base ** len(fraction)) if fraction else 0)
    return f"({value.p}/{value.q})" if value.q != 1 else str(value.p)


def _log_in_base(expr, base: int):
    return expr.replace(sympy.log, lambda *args: sympy.log(args[0]) / sympy.log(base)
                        if len(args) == 1 else sympy.log(*args))


def _in_degrees(expr):
    for function in _TRIG_FUNCTIONS:
        expr = expr.replace(function, lambda argument, f=function: f(argument * sympy.pi / 180))
    return expr


def _holds(left, right, points=_POINTS) -> bool:
    """Whether the two sides agree at a few sample points of their letters (exactly when they
    have none), to the 4 digits a note may round to (3.0103)."""
    difference = left - right
    names = sorted(difference.free_symbols, key=str)
    if len(names) > 4:
        return False
    for point in points[:1] if not names else points:
        try:
            value = complex(difference.subs(dict(zip(names, point))).evalf(20))
            size = complex(right.subs(dict(zip(names, point))).evalf(20))
        except Exception:  # noqa: BLE001
            return False
        if not abs(value) <= 1e-4 * max(1.0, abs(size)):
            return False
    return True
