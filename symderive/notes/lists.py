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

import sympy as sp

DECIMAL_ENTRY = re.compile(r"^\s*[-+−]?\s*\d*\.(\d+)\s*$")
OPEN_CLOSE = {"[": "]", "(": ")"}


def list_entries(latex: str) -> list[str] | None:
    """The top-level entries of ``[a, b, c]`` / ``(a, b, c)`` (also with ``\\left``/``\\right``),
    or None when ``latex`` is not one bracketed list of at least two entries."""
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
    if len(parts) < 2 or any(not part.strip() for part in parts):
        return None
    return [part.strip() for part in parts]


def rounded_list_claim(left: list, right: list, left_latex: list, right_latex: list):
    """(lhs, rhs) of the one scalar claim ``max_k |l_k − r_k|·10^{d_k} = 0`` checked to 0
    places (so ≤ ½: every entry correct to its own d_k decimals), or None when the lists are not
    numbers of one length with at least one decimal entry."""
    if len(left) != len(right) or len(left) < 2:
        return None
    scaled, decimal = [], False
    for l, r, l_text, r_text in zip(left, right, left_latex, right_latex):
        if l.free_symbols or r.free_symbols or isinstance(l, sp.MatrixBase) or isinstance(
            r, sp.MatrixBase
        ):
            return None
        match = DECIMAL_ENTRY.match(r_text) or DECIMAL_ENTRY.match(l_text)
        places = len(match.group(1)) if match else 0
        decimal = decimal or match is not None
        scaled.append(sp.Abs(l - r) * sp.Integer(10) ** places)
    if not decimal:
        return None  # no rounded value written: not a list of rounded values
    return sp.Max(*scaled, evaluate=False) if len(scaled) > 1 else scaled[0], sp.Integer(0)
