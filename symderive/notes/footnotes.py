r"""Markdown footnotes (``…[^1] …`` with ``[^1]: …`` below) read where they are referenced.

A footnote's text is part of the sentence that references it: *From now on we use the
cube.[^1] Then $f(3) = 9$.* with ``[^1]: We let $f(x) = x^3$.`` below gives f its new meaning
at the reference, not lines later (round 25: the claim between was checked with the old f,
proved when false).  A footnote with a formula is written at its first reference (where a
reader meets it; round 28 F17) as a Pandoc inline footnote ``^[…]`` — which the reader already
reads (a new meaning in it is disputed on the rest of its line, kept by *from now on* …) — and
its definition lines are blanked, so every other line keeps its number.  The notes reader
moves only the footnotes that give a name defined before the reference a new meaning
(``check_notes._new_meaning_footnotes``, round 26 R1).  Brackets of its words outside formulas
(a citation ``[Bishop 2006]``) are written as parentheses, which close no ``^[…]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_DEFINITION = re.compile(r"^\[\^([^\]\s]{1,40})\]:[ \t]?(.*)$")
_CONTINUED = re.compile(r"^(?: {4}|\t)\S")
_MATH = re.compile(r"\$[^$]*\$")


@dataclass(frozen=True)
class Moved:
    """A footnote written at its reference: the reference's line (1-based), that line as the
    note has it, and each line of the footnote's text (1-based line, its text)."""

    label: str
    line: int
    written: str
    pieces: tuple[tuple[int, str], ...]


def inline_footnotes(text: str, labels: set[str] | None = None) -> tuple[str, tuple[Moved, ...]]:
    """``text`` with each referenced Markdown footnote holding a formula (each of ``labels``
    when given) written inline, and where each came from (:func:`original_line`)."""
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
        if labels is not None and label not in labels:
            continue
        if first < 0 or "$" not in body:
            continue
        reference = re.compile(rf"\[\^{re.escape(label)}\](?!:)")
        found = [(index, match) for index, line in enumerate(lines)
                 if not first <= index <= last for match in reference.finditer(line)]
        if found:  # at its first reference, where a reader meets it (round 28 F17)
            places.append((found[0][0], found[0][1].start(), found[0][1].end(), first, last,
                           pieces, label))
    moved = []
    written = {index: lines[index] for index, *_ in places}
    # right to left on each line: a replacement leaves the columns before it where they were
    for index, start, end, first, last, pieces, label in sorted(places,
                                                               key=lambda p: (p[0], -p[1])):
        body = " ".join(piece for _, piece in pieces)
        # a bracket of its words ("[Bishop 2006]") as a parenthesis: ^[…] closes at the first
        # (round 28 F23); brackets inside its formulas are the formulas' own
        body = "".join(part if part.startswith("$") else part.replace("[", "(").replace("]", ")")
                       for part in re.split(r"(\$[^$]*\$)", body))
        lines[index] = f"{lines[index][:start]}^[{body}]{lines[index][end:]}"
        for blank in range(first, last + 1):
            lines[blank] = ""
        moved.append(Moved(label, index + 1, written[index], tuple(pieces)))
    return "\n".join(lines), tuple(moved)


def footnote_of(moved: tuple[Moved, ...], line: int, latex: str) -> Moved | None:
    """The footnote a formula ``latex`` read on ``line`` came from, when it came from a
    footnote written there (and is not also on that line as the note has it)."""
    formula = latex.strip()
    for each in moved:
        if each.line == line and formula and formula not in each.written and any(
                formula in piece for _, piece in each.pieces):
            return each
    return None


def original_line(moved: tuple[Moved, ...], line: int, latex: str) -> int | None:
    """The line of the note a formula ``latex`` read on ``line`` was written on, when it came
    from a footnote written there (and is not also on that line as the note has it)."""
    each = footnote_of(moved, line, latex)
    formula = latex.strip()
    return None if each is None else next(
        number for number, piece in each.pieces if formula in piece)


def footnoted(definition, moved: tuple[Moved, ...]):
    """``definition`` (:class:`symderive.notes.context.Definition`) with its note naming the
    footnote line its formula was written on, when it came from a footnote read at its
    reference ("f(x) = x^3 (defined, line 3, in the footnote on line 5)")."""
    formula, _, where = definition.note.rpartition(" (")
    written = "".join(formula.split())
    for each in moved:
        if each.line != definition.start or written in "".join(each.written.split()):
            continue
        for number, piece in each.pieces:
            if written and written in "".join(piece.split()):
                return replace(definition, note=(
                    f"{formula} ({where[:-1]}, in the footnote on line {number})"))
    return definition
