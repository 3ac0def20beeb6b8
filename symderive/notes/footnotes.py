r"""Markdown footnotes (``…[^1] …`` with ``[^1]: …`` below) read where they are referenced.

A footnote's text is part of the sentence that references it: *From now on we use the
cube.[^1] Then $f(3) = 9$.* with ``[^1]: We let $f(x) = x^3$.`` below gives f its new meaning
at the reference, not lines later (round 25: the claim between was checked with the old f,
proved when false).  Each footnote with a formula whose label is referenced exactly once is
written at its reference as a Pandoc inline footnote ``^[…]`` — which the reader already reads
(a new meaning in it is disputed on the rest of its line, kept by *from now on* …) — and its
definition lines are blanked, so every other line keeps its number.  A footnote referenced
twice, or whose text has brackets of its own outside formulas, is left where it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DEFINITION = re.compile(r"^\[\^([^\]\s]{1,40})\]:[ \t]?(.*)$")
_CONTINUED = re.compile(r"^(?: {4}|\t)\S")
_MATH = re.compile(r"\$[^$]*\$")


@dataclass(frozen=True)
class Moved:
    """A footnote written at its reference: the reference's line (1-based), that line as the
    note has it, and each line of the footnote's text (1-based line, its text)."""

    line: int
    written: str
    pieces: tuple[tuple[int, str], ...]


def inline_footnotes(text: str) -> tuple[str, tuple[Moved, ...]]:
    """``text`` with each referenced Markdown footnote holding a formula written inline, and
    where each came from (:func:`original_line`)."""
    if "[^" not in text:
        return text, ()
    lines = text.split("\n")
    definitions: dict[str, tuple[int, int, list]] = {}  # label -> (first, last line, pieces)
    number = 0
    while number < len(lines):
        found = _DEFINITION.match(lines[number])
        if found is None:
            number += 1
            continue
        first, pieces = number, [(number + 1, found.group(2).strip())]
        number += 1
        while number < len(lines) and _CONTINUED.match(lines[number]):
            pieces.append((number + 1, lines[number].strip()))
            number += 1
        label = found.group(1)
        definitions[label] = (first, number - 1, pieces) if label not in definitions \
            else (-1, -1, [])  # defined twice: neither is moved
    places = []
    for label, (first, last, pieces) in definitions.items():
        body = " ".join(piece for _, piece in pieces)
        if first < 0 or "$" not in body or re.search(r"[\[\]]", _MATH.sub("", body)):
            continue
        reference = re.compile(rf"\[\^{re.escape(label)}\](?!:)")
        found = [(index, match) for index, line in enumerate(lines)
                 if not first <= index <= last for match in reference.finditer(line)]
        if len(found) == 1:
            places.append((found[0][0], found[0][1].start(), found[0][1].end(), first, last,
                           pieces))
    moved = []
    written = {index: lines[index] for index, *_ in places}
    # right to left on each line: a replacement leaves the columns before it where they were
    for index, start, end, first, last, pieces in sorted(places, key=lambda p: (p[0], -p[1])):
        body = " ".join(piece for _, piece in pieces)
        lines[index] = f"{lines[index][:start]}^[{body}]{lines[index][end:]}"
        for blank in range(first, last + 1):
            lines[blank] = ""
        moved.append(Moved(index + 1, written[index], tuple(pieces)))
    return "\n".join(lines), tuple(moved)


def original_line(moved: tuple[Moved, ...], line: int, latex: str) -> int | None:
    """The line of the note a formula ``latex`` read on ``line`` was written on, when it came
    from a footnote written there (and is not also on that line as the note has it)."""
    formula = latex.strip()
    for each in moved:
        if each.line == line and formula and formula not in each.written:
            for number, piece in each.pieces:
                if formula in piece:
                    return number
    return None
