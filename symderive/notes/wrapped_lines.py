r"""A sentence hard-wrapped across source lines is one sentence (review round 18 F11).

Editors and authors wrap paragraphs at a fixed width, so the words that qualify a formula may
stand on the line before it or after it::

    In general, for every
    $x$, $\sin 2x = 2 \sin x$.

    Then $\sin 2x = 2 \sin x$
    for every $x$.

The readers of a formula's lead (the words before it) and of its trailing words read one
source line; with the sentence wrapped they missed *In general* and *for every $x$*, and a
claim false in general was proved for the example value in force. :func:`wrapped_before`
and :func:`wrapped_after` give the words of the same sentence on the neighbouring line of the
same paragraph: never across a blank line, a heading, a list item, a table row, a quotation
mark, a display or a thematic break, and never past the sentence's end.
"""

from __future__ import annotations

import re

# a line that does not go on with the paragraph before it (or whose paragraph stops there)
STRUCTURE = re.compile(
    r"^\s*(?:$|#|\||>|[-*+]\s|\d{1,9}[.)]\s|\$\$|\\\[|\\\]|\\begin|\\end|\\item|(?:[-*_]\s*){3,}$"
    r"|(?:\*\*|__)[^*_]{1,60}?(?:[.:](?:\*\*|__)|(?:\*\*|__)\s*[.:]))")  # a bold run-in title
ENDS_LINE = re.compile(r"(?:[.;:!?。]|\$\$|\\\\)\s*$")  # a line whose sentence ends with it
SENTENCE_END = re.compile(r"[.;!?。](?:\s|$)")
REACH = 120  # characters of a neighbouring line that are read


def wrapped_before(previous: str, same_line: str) -> str:
    """The words of ``previous`` (the line before a formula's line) that belong to the sentence
    whose words on the formula's line before it are ``same_line``; '' when the sentence starts
    on the formula's line or ``previous`` is no line of the same paragraph."""
    if SENTENCE_END.search(same_line) or STRUCTURE.match(same_line):
        return ""
    if STRUCTURE.match(previous) or ENDS_LINE.search(previous):
        return ""
    tail = re.split(r"(?<=[.;!?。])\s+", previous.strip())[-1]
    return tail[-REACH:]


def wrapped_after(rest: str, following: list[str]) -> str:
    """``rest`` (the words after a formula on its line) with the lines of ``following`` (the
    lines after it, in order) that go on with the same sentence, up to its end."""
    pieces = [rest]
    for line in following[:2]:
        if SENTENCE_END.search(" ".join(pieces)) or STRUCTURE.match(line):
            break
        pieces.append(line.strip()[:REACH])
    return " ".join(pieces)
