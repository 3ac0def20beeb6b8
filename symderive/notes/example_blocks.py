r"""Where an example value ends before its section does: the block it is given in.

An example value set inside a delimited block — a LaTeX ``example``, ``proof``, ``remark``,
``exercise``, ``solution`` environment …, a Markdown blockquote (``> …``), an HTML
``<details>`` element, a fenced div (``:::example … :::``, ``:::{note}``) — holds to the end of
that block (and never past its section): a ``lemma`` or a display after ``\end{example}`` is a
statement of its own, not about the example's value (review round 12a F14).

A footnote, a margin note or a float caption is a block too: a Markdown footnote definition
(``[^1]: For instance, take $x = 2$.`` and its indented continuation lines), a Pandoc inline
note ``^[…]``, and the argument of LaTeX ``\footnote``, ``\footnotetext``, ``\marginpar``,
``\marginnote``, ``\sidenote``, ``\caption``: it is typeset away from the text it follows, so
its example values hold inside it only (review round 14a F20).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from symderive.notes.tex_package_tests import closing_braces

# LaTeX environments that delimit a piece of reasoning of their own (not math displays,
# lists or the document)
ENVIRONMENTS = (
    "example", "examples", "exmp", "exa", "ex", "eg", "illustration", "demo", "proof", "pf",
    "remark", "remarks", "rem", "note", "notes", "aside", "exercise", "exercises", "problem",
    "problems", "solution", "sol", "answer", "question", "case", "exampleblock", "quote",
    "quotation",
)  # fmt: skip
_ENVIRONMENT = re.compile(r"\\(begin|end)\s*\{\s*(" + "|".join(ENVIRONMENTS) + r")\*?\s*\}")
_QUOTE = re.compile(r"^ {0,3}>")
_DETAILS = re.compile(r"<(/?)details\b", re.I)
_FENCE = re.compile(r"^ {0,3}(:{3,})\s*(\S?)")
_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:")
_CONTINUATION = re.compile(r"^(?: {4}|\t)")
_INLINE_MATH = re.compile(r"(?<!\\)\$[^$\n]+(?<!\\)\$")
# LaTeX commands whose argument is typeset elsewhere on the page (optional [..] first)
_ASIDE = re.compile(r"(?:\\(?:footnote|footnotetext|marginpar|marginnote|sidenote|caption)"
                    r"(?![A-Za-z])\*?\s*(?:\[[^\]]*\]\s*)?(?=\{)|\^(?=\[))")


def block_ends(lines: Sequence[str]) -> dict[int, int]:
    """line → the last line of the innermost delimited block holding it (lines in no block
    are absent). One pass over the note."""
    spans: list[tuple[int, int]] = []
    open_environments: list[tuple[str, int]] = []
    open_details: list[int] = []
    open_fences: list[tuple[int, int]] = []  # (colons, line)
    quote_start = 0
    for number, text in enumerate(lines, start=1):
        for match in _ENVIRONMENT.finditer(text):
            if match.group(1) == "begin":
                open_environments.append((match.group(2), number))
            elif open_environments and open_environments[-1][0] == match.group(2):
                spans.append((open_environments.pop()[1], number))
        for match in _DETAILS.finditer(text):
            if not match.group(1):
                open_details.append(number)
            elif open_details:
                spans.append((open_details.pop(), number))
        fence = _FENCE.match(text)
        if fence:
            colons = len(fence.group(1))
            if fence.group(2):  # :::example, ::: {.note}, :::{admonition}: opens a div
                open_fences.append((colons, number))
            elif open_fences and colons >= open_fences[-1][0]:
                spans.append((open_fences.pop()[1], number))
        if _QUOTE.match(text):
            quote_start = quote_start or number
        elif quote_start:
            spans.append((quote_start, number - 1))
            quote_start = 0
    if quote_start:
        spans.append((quote_start, len(lines)))
    spans += footnote_spans(lines)
    ends: dict[int, int] = {}
    # wider spans first, so the innermost block's end is the one kept
    for start, end in sorted(spans, key=lambda span: span[0] - span[1]):
        for number in range(start, end + 1):
            ends[number] = end
    return ends


def footnote_spans(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(first line, last line) of each footnote, margin note or caption of the note: a
    Markdown footnote definition with its indented continuation lines, and the braced argument
    of ``\\footnote`` and its kin (or the brackets of a Pandoc ``^[…]``), over lines too."""
    spans: list[tuple[int, int]] = []
    opened = 0
    for number, text in enumerate(lines, start=1):
        if _FOOTNOTE_DEFINITION.match(text):
            opened = number
            spans.append((number, number))
        elif opened and (_CONTINUATION.match(text) or not text.strip()):
            if text.strip():
                spans[-1] = (opened, number)
        else:
            opened = 0
    text = "\n".join(lines)
    breaks = [offset for offset, character in enumerate(text) if character == "\n"]
    for start, end in aside_offsets(text):
        spans.append((bisect_right(breaks, start) + 1, bisect_right(breaks, end) + 1))
    return spans


def aside_offsets(text: str) -> list[tuple[int, int]]:
    """(offset of the command, offset of its closing brace or bracket) of each inline aside of
    ``text``: ``\\footnote{…}`` and its kin, Pandoc's ``^[…]``."""
    if not _ASIDE.search(text):
        return []
    # brackets inside a formula are the formula's: $(0, 1]$ closes no ^[…] (round 23 R23-05)
    masked = _INLINE_MATH.sub(lambda found: "$" + " " * (len(found.group()) - 2) + "$", text)
    brackets = {"{": closing_braces(masked), "[": closing_braces(masked, "[", "]")}
    found = []
    for match in _ASIDE.finditer(text):
        end = brackets[text[match.end()]].get(match.end())
        if end is not None:
            found.append((match.start(), end))
    return found
