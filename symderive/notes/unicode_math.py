"""Greek letters typed as Unicode inside a note's mathematics, spelled as LaTeX commands.

``$σ(x)$`` and ``$\\sigma(x)$`` are the same formula: the grammar reads both as σ, but the
readers of a note's words and formulas (a σ given a value, named a standard deviation or defined
as ReLU: :mod:`symderive.notes.shadowed`, :mod:`symderive.notes.named_functions`) look for the
command.  One spelling, made before anything reads the note, serves them all (round 40 I03–I05).
Only the mathematics changes; lines never move.
"""

from __future__ import annotations

from symderive.grammar.latex import UNICODE_GREEK


def greek_in(text: str) -> bool:
    """Whether ``text`` holds a Unicode Greek letter the grammar reads."""
    return any(letter in text for letter in UNICODE_GREEK)


def with_greek_commands(text: str, spans) -> str:
    """``text`` with every Unicode Greek letter inside the (start, end) ``spans`` of its
    mathematics written as its command (``σx`` as ``\\sigma x``)."""
    if not greek_in(text):
        return text
    pieces, last = [], 0
    for start, end in sorted(span for span in spans if 0 <= span[0] < span[1]):
        if start < last:
            continue
        pieces.append(text[last:start])
        for index in range(start, min(end, len(text))):
            character = text[index]
            if character not in UNICODE_GREEK:
                pieces.append(character)
                continue
            following = text[index + 1] if index + 1 < len(text) else ""
            pieces.append("\\" + UNICODE_GREEK[character] + (" " if following.isalpha() else ""))
        last = max(last, min(end, len(text)))
    pieces.append(text[last:])
    return "".join(pieces)
