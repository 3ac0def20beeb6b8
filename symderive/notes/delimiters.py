r"""One spelling of inline and display mathematics for every reader of a note.

The formula extractor reads ``\(…\)`` as ``$…$`` and ``\[…\]`` as ``$$…$$``, but the readers of
the words around formulas (restricted definitions, example values, replaced names, the
refutation guard …) look for ``$``: with LaTeX delimiters they saw no formula at all, so *For
\(x \le 1\), \(r(x) = x^2\)* gave r a value at 3 (review round 17 F29). :func:`one_spelling`
rewrites each delimiter pair the extractor would read into the dollar spelling, once, before
anything reads the note. An escaped backslash (``\\[10pt]``, a LaTeX line break) and an
escaped dollar stay as they are; an opener without its closer is left alone.

An inline formula wrapped across two source lines (``$x`` / ``\le 1$``, editors that
hard-wrap) is read whole by the extractor but was two pieces of text for the line readers
(round 17 F31): :func:`unwrapped` moves the rest of such a formula up onto the line it starts
on (the formula's line is its first line, as the extractor reports it), keeping the number of
lines, so every line number stays the editor's.
"""

from __future__ import annotations

PAIRS = {"(": ("\\)", "$", "$"), "[": ("\\]", "$$", "$$")}


def one_spelling(text: str) -> str:
    r"""``text`` with ``\(…\)`` as ``$…$`` and ``\[…\]`` as ``$$…$$`` (see the module)."""
    if "\\(" not in text and "\\[" not in text:
        return text
    pieces: list[str] = []
    position, last, length = 0, 0, len(text)
    unclosed: set[str] = set()  # closers known absent from here on: each searched once (18 F20)
    while position < length - 1:
        if text[position] != "\\":
            position += 1
            continue
        following = text[position + 1]
        if following not in PAIRS:
            position += 2  # \\, \$ and every other escape: kept, and skipped whole
            continue
        closer, opening, closing = PAIRS[following]
        end = -1 if closer in unclosed else text.find(closer, position + 2)
        if end < 0:
            unclosed.add(closer)
        inside = text[position + 2:end]
        if end < 0 or "$" in inside or "`" in inside or "\n\n" in inside:
            position += 2  # no closer, or a dollar inside: as written
            continue
        pieces += [text[last:position], opening, text[position + 2:end], closing]
        position = last = end + 2
    return "".join(pieces) + text[last:]


def unwrapped(text: str) -> str:
    """``text`` with each single-dollar formula that the extractor reads across a line break
    (:func:`symderive.notes.extract.inline_end`: not across a blank line) finished on the line
    it starts on (see the module)."""
    if "$" not in text or "\n" not in text:
        return text
    from symderive.notes.extract import inline_end

    characters = list(text)
    position, length = 0, len(text)
    while position < length:
        character = text[position]
        if character == "\\":
            position += 2
            continue
        if character != "$":
            position += 1
            continue
        if text.startswith("$$", position):
            end = text.find("$$", position + 2)
            position = length if end < 0 else end + 2
            continue
        end = inline_end(text, position + 1)
        if end is None:
            position += 1
            continue
        breaks = [offset for offset in range(position, end) if text[offset] == "\n"]
        if breaks and "`" not in text[position:end]:  # (never across code)
            for offset in breaks:  # the formula's line breaks move to just after it
                characters[offset] = " "
            characters[end] = "$" + "\n" * len(breaks)
        position = end + 1
    return "".join(characters)
