r"""Lists of rounded values compared entry by entry: ``[e^1, e^{-2}, e^0] = [2.71, 0.14, 1]``.

A relation between two bracketed lists (``[…]`` or ``(…)``) of the same length whose entries
are numbers (no free names) is the claim that each entry equals its partner **to the precision
written on that entry**: an entry with d decimals (``2.71``) is within half a unit of its last
place (|e − 2.71| ≤ 0.005), exactly as a single rounded decimal is (docs/notes.md, *Constants
and numbers*); within one unit it may be a truncation (*undecided*); further off the list is
refuted. An entry written without decimals in such a list (the ``1`` beside ``e^0``) is read
to its written precision too, 0 decimals (|e^0 − 1| ≤ ½; it is exactly 0 here). A list with
no decimal at all is not read. The step is one claim: the largest entry error, each measured
in units of its own last place, is at most ½.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from symderive.check import certified
from symderive.report import Counterexample

DECIMAL_ENTRY = re.compile(r"^\s*[-+−]?\s*\d*\.(\d+)\s*$")
# 9.9 \times 10^{-5}, 9.9 \cdot 10^{8}, 9.9e-5: the unit of the last digit is 10^{-d} · 10^{E}
SCIENTIFIC_ENTRY = re.compile(
    r"^\s*[-+−]?\s*\d+(?:\.(\d*))?\s*(?:(?:\\times|\\cdot|×)\s*10\s*\^\s*"
    r"(?:\{\s*([-+−]?\s*\d+)\s*\}|(\d))|[eE]([-+]?\d+))\s*$"
)


def written_unit(text: str) -> tuple[int, bool] | None:
    """(the power of ten of the last written digit's unit, whether a decimal point is written)
    of a rounded entry: ``2.71`` → (-2, True), ``9.9 \times 10^{-5}`` → (-6, True), ``3`` →
    (0, False); None for anything else."""
    match = SCIENTIFIC_ENTRY.match(text)
    if match:
        exponent = match.group(2) or match.group(3) or match.group(4)
        exponent = int(exponent.replace("−", "-").replace(" ", ""))
        places = len(match.group(1) or "")
        return exponent - places, match.group(1) is not None
    match = DECIMAL_ENTRY.match(text)
    return (-len(match.group(1)), True) if match else None
OPEN_CLOSE = {"[": "]", "(": ")"}


def list_entries(latex: str, least: int = 2) -> list[str] | None:
    """The top-level entries of ``[a, b, c]`` / ``(a, b, c)`` (also with ``\\left``/``\\right``),
    or None when ``latex`` is not one bracketed list of at least ``least`` entries."""
    text = re.sub(r"\\(?:left|right)\s*", "", latex.strip()).strip().rstrip(".,").strip()
    if len(text) < 2 or text[0] not in OPEN_CLOSE or text[-1] != OPEN_CLOSE[text[0]]:
        return None
    depth, parts, start = 0, [], 1
    for position, character in enumerate(text):
        if character in "([{":
            depth += 1
        elif character in ")]}":
            depth -= 1
            if depth == 0 and position != len(text) - 1:
                return None  # (a) + (b): the first bracket closes before the end
        elif character == "," and depth == 1:
            parts.append(text[start:position])
            start = position + 1
    parts.append(text[start:-1])
    if len(parts) < least or any(not part.strip() for part in parts):
        return None
    return [part.strip() for part in parts]


@dataclass(frozen=True)
class RoundedEntry:
    """One entry pair of a list claim: ``left`` (its value) against ``right`` to ``power``
    (the written precision: |left − right| ≤ ½ · 10^power); the texts as written."""

    position: int | tuple  # 1-based; (row, column) for a matrix entry
    left: sp.Basic
    right: sp.Basic
    left_text: str
    right_text: str
    power: int

    @property
    def scaled_error(self) -> sp.Basic:
        """|left − right| in units of the last written place (≤ ½ when correctly rounded)."""
        return sp.Abs(self.left - self.right) * sp.Integer(10) ** (-self.power)

    def position_text(self, count: int) -> str:
        """``2 of 3`` in a list of 3, ``(1, 2)`` (row, column) in a matrix."""
        if isinstance(self.position, tuple):
            return "(" + ", ".join(str(part) for part in self.position) + ")"
        return f"{self.position} of {count}"

    def precision(self) -> str:
        """The written precision in words: ``2 decimals (|difference| ≤ 0.005)``."""
        if self.power < 0:  # half a unit of the last decimal: 0.005 for 2 decimals
            places = f"{-self.power} decimal{'s' if self.power != -1 else ''}"
            half = "0." + "0" * -self.power + "5"
        else:
            places = "units" if self.power == 0 else f"units of 10^{self.power}"
            half = str(sp.Rational(1, 2) * sp.Integer(10) ** self.power)
        return f"{places} (|difference| ≤ {half})"


def rounded_entries(left: list, right: list, left_latex: list, right_latex: list
                    ) -> tuple[RoundedEntry, ...] | None:
    """The entry pairs of a list claim, each with the precision written on it (on the right
    entry, else the left; 0 decimals for an integer), or None when the lists are not numbers
    of one length with at least one decimal entry, or an entry is a rounding tie."""
    if len(left) != len(right) or not left:
        return None
    entries, decimal = [], False
    for position, (l, r, l_text, r_text) in enumerate(zip(left, right, left_latex, right_latex),
                                                      start=1):  # fmt: skip
        if l.free_symbols or r.free_symbols or isinstance(l, sp.MatrixBase) or isinstance(
            r, sp.MatrixBase
        ):
            return None
        unit = written_unit(r_text) or written_unit(l_text)
        power, point = unit if unit else (0, False)
        decimal = decimal or point
        entry = RoundedEntry(position, l, r, l_text, r_text, power)
        if entry.scaled_error == sp.Rational(1, 2):
            return None  # a tie (7/2 written 3): which way it rounds is a convention, not read
        entries.append(entry)
    if not decimal:
        return None  # no rounded value written: not a list of rounded values
    return tuple(entries)


def rounded_matrix_entries(left: sp.MatrixBase, right: sp.MatrixBase, left_table,
                           right_table) -> tuple[RoundedEntry, ...] | None:
    r"""The entries of a matrix claim written with rounded decimals, round 44 V02:
    ``-0.574 \times \begin{bmatrix} 0.0 & 1.6 \end{bmatrix} = \begin{bmatrix} 0 & -0.918
    \end{bmatrix}``. A ``\begin{bmatrix}`` side written out (``left_table`` / ``right_table``:
    rows of entry LaTeX, or None for a side computed otherwise) is read as a single decimal
    is: an entry written with d decimals (``-0.918``) is the value correctly rounded to d
    decimals (|e − (−0.918)| ≤ 0.0005). Any other entry (``0``, ``\frac{1}{3}``) is exact, as
    a scalar written without decimals is: it must equal its partner exactly, else this is not
    read (the matrices are compared exactly, and that entry refutes). None too when the
    matrices are not numbers of one shape, no entry is written with decimals, or they are
    equal exactly (nothing rounded: the exact check proves it)."""
    if left.shape != right.shape or left.free_symbols or right.free_symbols or any(
        table and (len(table), len(table[0])) != left.shape for table in (left_table, right_table)
    ):
        return None
    if sp.simplify(left - right).is_zero_matrix:
        return None  # 0.5·[0.5 1.0] = [0.25 0.5]: exact decimal arithmetic, no rounding
    rows, columns = left.shape
    entries, decimal = [], False
    for row in range(rows):
        for column in range(columns):
            l_text, r_text = (table[row][column] if table else "" for table in (left_table,
                                                                                right_table))
            unit = written_unit(r_text) or written_unit(l_text)
            l, r = left[row, column], right[row, column]
            if unit is None or not unit[1]:  # written exactly: compared exactly
                if sp.simplify(l - r) != 0:
                    return None
                continue
            decimal = True
            entries.append(RoundedEntry((row + 1, column + 1), l, r, l_text,
                                        r_text or _value_text(r), unit[0]))
    return tuple(entries) if decimal else None


def rounded_list_claim(entries: tuple[RoundedEntry, ...]):
    """(lhs, rhs) of the one scalar claim ``max_k |l_k − r_k|·10^{d_k} = 0`` checked to 0
    places (so ≤ ½: every entry correct to its own d_k decimals)."""
    scaled = [entry.scaled_error for entry in entries]
    return sp.Max(*scaled, evaluate=False) if len(scaled) > 1 else scaled[0], sp.Integer(0)


def failing_entry(entries: tuple[RoundedEntry, ...]) -> Counterexample | None:
    """The first entry certainly off by more than half a unit of its written last place, as a
    counterexample a reader can redo: its position, the two entries as written, its value
    (left side) and the value as written (right side), and the precision it was checked to.
    None when no entry is certainly off (certified balls, :func:`certified.compare`)."""
    for entry in entries:
        comparison = certified.compare(entry.scaled_error, sp.Rational(1, 2), "<=", {})
        if comparison.status != "disagree":
            continue
        against = f"{entry.left_text} against {entry.right_text}" if entry.left_text else (
            f"{entry.right_text} written")
        values = (
            ("entry", f"{entry.position_text(len(entries))}: {against}"),
            ("precision", entry.precision()),
        )
        return Counterexample(values, _value_text(entry.left), entry.right_text)
    return None


def _value_text(value: sp.Basic) -> str:
    """An entry's value to 15 significant digits (exact when it is a short rational)."""
    if value.is_Integer or (value.is_Rational and len(str(value)) <= 12):
        return str(value)
    return str(sp.N(value, 15))
