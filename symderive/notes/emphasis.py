r"""Emphasis in the words around formulas is no part of the words (review round 19 F10, F18).

*For _negative_ $x$, let $r(x) = -x$*, *$\sqrt{x^2} = x$ for *positive* $x$*, *holds for
**every** $x$*, LaTeX *for \emph{positive} $x$*: the readers of conditions, domains and
generality words match plain words, so an emphasised *positive* was no condition and a true
claim was refuted (or a restricted definition read for every x). :func:`without_emphasis`
blanks the emphasis marks of the prose once, before anything reads it: ``_word_``, ``*word*``,
``**word**`` and ``__word__`` when they stand inside a line (a bold run-in title opening a
line, ``**Case 2.**``, stays: it opens a new unit), and ``\emph{…}``, ``\textit{…}``,
``\textbf{…}``, ``\textsl{…}``, ``\underline{…}`` around plain words. The marks become spaces,
so every offset and line stays where the editor has it. Mathematics (``$…$``, ``$$…$$``) and
code spans are left as written.
"""

from __future__ import annotations

import re

# (an escaped \$ opens nothing: round 21 F6; environments are the extractor's blocks, found in
# linear time, passed as ``protected``: round 21 F14)
_MATH_OR_CODE = re.compile(r"(?<!\\)\$\$.*?(?<!\\)\$\$|(?<!\\)\$(?:[^$\n\\]|\\.)*\$|`[^`\n]*`", re.S)
# emphasis inside a line: marks around words (letters, digits, spaces, hyphens), not intraword
_MARKED = re.compile(
    r"(?<=\S)(?P<space>[ \t]+)(?P<mark>\*{1,3}|_{1,3})(?=[^\s*_])(?P<words>[^*_\n$`]{1,60}?)"
    r"(?<=[^\s*_])(?P=mark)(?![\w*])"
    r"|(?<=\S[ \t])(?P<mark2>\*|_{1,2})(?=[^\s*_])(?P<words2>[^*_\n$`]{1,60}?)(?<=[^\s*_])"
    r"(?P=mark2)(?![\w*])"  # (a run-in label opening a line, *Myth.*, stays; a lower-case word
    r"|(?<=\n)(?P<mark3>\*|_{1,2})(?=[a-z])(?P<words3>[^*_\n$`]{1,60}?)(?<=[^\s*_])"
    r"(?P=mark3)(?![\w*])")  # opening a wrapped line does not: 19 F7)
_COMMAND = re.compile(r"\\(?:emph|textit|textbf|textsl|underline|em)\s*\{(?P<words>[^{}$\n]{1,80})\}")


def without_emphasis(text: str, protected=()) -> str:
    """``text`` with the emphasis marks of its prose blanked (see the module); ``protected``:
    (start, end) offsets of the mathematics the extractor found there (its displays and
    environments), which are never touched."""
    if "*" not in text and "_" not in text and "\\" not in text:
        return text
    regions = sorted([(found.start(), found.end()) for found in _MATH_OR_CODE.finditer(text)]
                     + [(start, end) for start, end in protected if 0 <= start < end])
    pieces, last = [], 0
    for start, end in regions:
        if end <= last:
            continue
        start = max(start, last)
        pieces += [_plain(text[last:start]), text[start:end]]
        last = end
    pieces.append(_plain(text[last:]))
    return "".join(pieces)


def _plain(words: str) -> str:
    def blank(found: re.Match) -> str:
        whole = found.group()
        inner = found.group("words") or found.group("words2") or found.group("words3") or ""
        start = whole.index(inner)
        return (re.sub(r"\S", " ", whole[:start]) + inner
                + " " * (len(whole) - start - len(inner)))

    words = _MARKED.sub(lambda found: (found.group("space") or "") + blank_marks(found), words)

    def command(found: re.Match) -> str:
        line_start = words.rfind("\n", 0, found.start()) + 1
        if not words[line_start:found.start()].strip():
            return found.group()  # \textbf{Case 2.} opening a line: a run-in title, kept
        return blank(found)

    return _COMMAND.sub(command, words)


def blank_marks(found: re.Match) -> str:
    """The emphasised words of a match of :data:`_MARKED` with their marks as spaces."""
    mark = found.group("mark") or found.group("mark2") or found.group("mark3")
    inner = found.group("words") or found.group("words2") or found.group("words3")
    return " " * len(mark) + inner + " " * len(mark)
