r"""Where a statement of the prose holds: the section tree of one note (one source of truth).

A heading opens a section at its level (Markdown ``#`` = 1 … ``######`` = 6, Setext ``===`` 1
and ``---`` 2, ``<h1>`` … ``<h6>``, LaTeX ``\section`` 1, ``\subsection`` 2, …). A statement
(a definition, an example value, a stated domain, a varying letter, a shape …) holds from its
own line — never before — to the end of the section it stands in; a sub-section (a *lower*
level: ``##`` under ``#``) is inside its parent, so the parent's statements hold there; a
heading of the same or a higher level ends them. Prose before the first heading ends at that
heading. Words that widen the scope in so many words — *Throughout this chapter*, *From now
on*, *In what follows*, *Hereafter*, 이하에서, 앞으로 — make the statements of their sentence hold
to the end of the enclosing top-level section (the chapter); *Throughout this note / document*
to the end of the file (review round 8c X11, X1; round 8a H1).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

FOREVER = 10**9

# the sentence's statements hold to the end of the file
WHOLE_FILE = re.compile(
    r"\bthroughout\s+(?:this|these|the\s+(?:whole|entire|rest\s+of\s+the))\s+"
    r"(?:notes?|documents?|file|lectures?|text|paper|book|article|handout)\b"
    r"|\bfor\s+the\s+rest\s+of\s+(?:this|these|the)\s+(?:notes?|documents?|file|lectures?|text|"
    r"paper|book|article|handout)\b"
    r"|(?:이\s*)?(?:노트|문서|강의)\s*전체에서",
    re.I,
)
# … to the end of the enclosing top-level section
WHOLE_CHAPTER = re.compile(
    r"\bthroughout\s+(?:this|the)\s+(?:whole\s+|entire\s+)?(?:chapter|part|unit)\b"
    r"|\bfor\s+the\s+rest\s+of\s+(?:this|the)\s+(?:chapter|part|unit)\b"
    r"|\bfrom\s+(?:now|here)\s+on\b|\bin\s+(?:what|all\s+that)\s+follows\b|\bhereafter\b"
    r"|\bhenceforth\b|\bfrom\s+this\s+point\s+on\b"
    r"|이하에서|앞으로|이\s*장\s*전체에서",
    re.I,
)
# words opening a sentence that says where it holds (the sentence is read as without them;
# where it holds is :class:`Sections`' business): "Throughout this chapter, assume $x > 0$."
SCOPE_OPENER = (
    r"(?:throughout(?:\s+(?:this|these|the)\s+(?:whole\s+|entire\s+)?(?:chapter|section|part|"
    r"unit|notes?|documents?|lectures?|text|paper|book|article|handout))?|from\s+(?:now|here)\s+on"
    r"|in\s+(?:what|all\s+that)\s+follows|hereafter|henceforth|from\s+this\s+point\s+on"
    r"|for\s+the\s+rest\s+of\s+(?:this|these|the)\s+[a-z]+|in\s+this\s+(?:section|chapter))")
KOREAN_SCOPE_OPENER = r"(?:이하에서(?:는)?|앞으로(?:는)?|이\s*장\s*전체에서)"
# a heading's own text (Markdown ATX and Setext, HTML, LaTeX \section …): no sentence runs
# across it (``\section{Positive case} Let $x > 0$.`` states x > 0, from a sentence of its own)
# LaTeX sectioning commands and their levels (\section is 1, as a Markdown #)
LATEX_LEVELS = {"part": -1, "chapter": 0, "section": 1, "subsection": 2, "subsubsection": 3,
                "paragraph": 4, "subparagraph": 5}
# a LaTeX heading opening a line: \section{…}, \section*{…}, \section[short]{…}, \section {…},
# \section alone on its line (the title on the next), \chapter, \part, \paragraph
LATEX_HEADING = re.compile(
    r"^\s*\\(?P<command>" + "|".join(LATEX_LEVELS) + r")\*?\s*(?:\[|\{|$)")
# a line that opens a section in either kind of note: an ATX heading or a LaTeX heading
HEADING_LINE = re.compile(r"^(?:\s{0,3}#{1,6}\s|" + LATEX_HEADING.pattern[1:] + ")")
# the mark of an enumerated item: "2.", "2)", "(a)", "a)", "(iii)"; with a bullet or a quote
# mark, what opens a list item's sentence ("(a) Let $x > 0$." states a domain as "1. Let $x > 0$."
# does: round 11a L7)
ENUMERATION = r"\(?\s*(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\s*[.)]"
ITEM_MARK = re.compile(rf"^(?:[-*+>]|{ENUMERATION})\s+")


def without_item_mark(text: str) -> str:
    """A sentence's words without the mark of the list item or case it opens."""
    return ITEM_MARK.sub("", text, count=1)
HEADING_TEXT = re.compile(
    r"^ {0,3}#{1,6}(?:[ \t][^\n]*)?$"
    r"|^[ \t]*<h[1-6][\s>][^\n]*$"
    r"|\\(?:" + "|".join(LATEX_LEVELS) + r")\*?\s*(?:\[[^\]\n]*\]\s*)?\{(?:[^{}\n]|\{[^{}\n]*\})*\}"
    # LaTeX's document structure is no prose: a sentence never runs across it (round 14a F11:
    # "\begin{document} Let $s$ be positive." stated nothing)
    r"|\\(?:documentclass|usepackage|RequirePackage)\s*(?:\[[^\]\n]*\]\s*)?\{[^{}\n]*\}"
    r"|\\(?:begin|end)\s*\{[A-Za-z]{1,40}\*?\}(?:\s*\[[^\]\n]{0,200}\])?"  # (math is blanked before)
    r"|\\(?:title|author|date|institute|subtitle)\s*(?:\[[^\]\n]*\]\s*)?\{(?:[^{}\n]|\{[^{}\n]*\})*\}"
    r"|\\(?:maketitle|tableofcontents|item|par|newpage|clearpage|noindent|bigskip|medskip"
    r"|smallskip)(?![A-Za-z])(?:\s*\[[^\]\n]*\])?"
    # a Setext title: a line with a non-blank character (a lookahead, then one greedy run to
    # its end: linear in a long line, where [^\n]*\S[^\n]* backtracked quadratically, 11b H4)
    r"|^(?! {0,3}(?:#|>|[-*+] |\d+[.)] |\$\$|\\\[))(?=[^\n]*\S)[^\n]*\n {0,3}(?:=+|-+)[ \t]*$",
    re.M | re.I)
HEADING_BREAK = "\x01"  # where a heading stood, in the text sentences are cut from


def blank_headings(text: str) -> str:
    """``text`` with each heading's text blanked (lines and offsets kept) and its first
    character :data:`HEADING_BREAK`, which ends the sentence and the paragraph before it."""
    return HEADING_TEXT.sub(
        lambda m: HEADING_BREAK + re.sub(r"[^\n]", " ", m.group()[1:]), text)


_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]*\$|\\\(.*?\\\)|\\\[.*?\\\]", re.S)
_SENTENCE_END = re.compile(r"[.!?。](?=\s|$)|\n[ \t]*\n")


@dataclass(frozen=True)
class Sections:
    """The headings of one note (line, level) and the lines whose sentence widens its
    statements' scope (line, last line of that scope). Iterating gives the heading lines, so
    code that only needs where sections start reads it as the plain list it used to be."""

    lines: tuple[int, ...] = ()
    levels: tuple[int, ...] = ()
    wide: tuple[tuple[int, int], ...] = ()

    def __iter__(self):
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    def __bool__(self) -> bool:
        return bool(self.lines)

    def _innermost(self, line: int) -> int:
        """Index of the heading whose section holds ``line`` (-1: before the first one)."""
        return bisect.bisect_right(self.lines, line) - 1

    def start_of(self, line: int) -> int:
        """The first line of the innermost section holding ``line`` (its heading, or 1)."""
        index = self._innermost(line)
        return self.lines[index] if index >= 0 else 1

    def end_of(self, line: int) -> int:
        """The last line a statement on ``line`` holds at: the line before the next heading
        of the same or a higher level than its section's (sub-sections are inside), or the
        end of the file or chapter when its sentence says so."""
        for number, end in self.wide:
            if number == line:
                return end
        return self._section_end(self._innermost(line))

    def _section_end(self, index: int) -> int:
        if index < 0:  # prose before the first heading ends there
            return self.lines[0] - 1 if self.lines else FOREVER
        level = self.levels[index]
        for later in range(index + 1, len(self.lines)):
            if self.levels[later] <= level:
                return self.lines[later] - 1
        return FOREVER

    def enclosing(self, line: int) -> list[int]:
        """The heading lines of the sections holding ``line``, innermost first (a ``###``
        sub-section's heading, then the ``##`` above it …)."""
        found = []
        index = self._innermost(line)
        while index >= 0:
            if not found or self.levels[index] < self.levels[found[-1]]:
                found.append(index)
            index -= 1
        return [self.lines[index] for index in found]

    def chapter_end(self, line: int) -> int:
        """The last line of the top-level section holding ``line`` (its chapter)."""
        index = self._innermost(line)
        if index < 0:
            return self._section_end(index)
        top = min(self.levels[: index + 1])
        while self.levels[index] != top:  # climb to the enclosing heading of the top level
            index -= 1
        return self._section_end(index)

    def reaches(self, stated: int, line: int) -> bool:
        """Whether a statement on line ``stated`` holds at ``line``: from its own line to the
        end of its scope, never before it."""
        return stated <= line <= self.end_of(stated)

    def same_section(self, stated: int, line: int) -> bool:
        """Whether ``stated`` and ``line`` are in the very same innermost section (for the few
        statements read in their whole section, also after the formula: ``where A is
        symmetric``)."""
        return self._innermost(stated) == self._innermost(line)

    def covers(self, stated: int, line: int) -> bool:
        """:meth:`reaches`, or a statement later in the very same section (a property said
        after its formula, ``where A is symmetric``)."""
        return self.reaches(stated, line) or (stated > line and self.same_section(stated, line))

    def in_force(self, records, line: int, where=lambda record: record[0],
                 after: bool = True) -> list:
        """The ``records`` (statements read anywhere in the note; ``where(record)`` is the line
        each is made on) that hold at ``line``, in order: from their line to the end of their
        section, sub-sections included (:meth:`reaches`), and with ``after`` also those said
        after the formula in its very section (:meth:`covers`: ``where A is symmetric``) — a
        statement that can make a claim proved or checked is read with ``after=False`` unless
        its words say they speak of the formula before them.  The one filter every prose
        reader that records statements file-wide uses."""
        holds = self.covers if after else self.reaches
        return [record for record in records if holds(where(record), line)]

    def before(self, line: int) -> list[int]:
        """The lines before ``line`` whose statements hold at ``line``, in order (one pass
        over the sections: a section's lines share their end)."""
        found = set()
        bounds = [1, *self.lines, line]
        for index in range(-1, len(self.lines)):
            first, last = bounds[index + 1], min(bounds[index + 2] - 1, line - 1)
            if first <= last and self._section_end(index) >= line:
                found.update(range(first, last + 1))
        found.update(number for number, end in self.wide if number < line <= end)
        return sorted(found)

    def text_at(self, lines: list[str], line: int) -> str:
        """The prose whose statements hold at ``line``: the lines before it in scope, then
        its own paragraph and a paragraph continuing it (``where $x$ depends on $t$.``),
        which speak of the formula itself. Lines out of scope are left out."""
        kept = [lines[number - 1] for number in self.before(line) if number <= len(lines)]
        return "\n".join(kept + own_paragraphs(lines, line))


# a paragraph after a display that continues its sentence: "where …", "with …", "for $x$ …"
_CONTINUES = re.compile(r"^\s*(?:[a-z,;]|\$[^$]*\$\s*[a-z])")


def own_paragraphs(lines: list[str], line: int) -> list[str]:
    """The lines of the paragraph holding ``line`` from it on, and the next paragraph when
    it continues the sentence (it starts in lower case: ``where $x$ depends on $t$``)."""
    kept = []
    number = line
    while 0 < number <= len(lines) and lines[number - 1].strip():
        kept.append(lines[number - 1])
        number += 1
    while 0 < number <= len(lines) and not lines[number - 1].strip():
        number += 1
    if 0 < number <= len(lines) and _CONTINUES.match(lines[number - 1]):
        while 0 < number <= len(lines) and lines[number - 1].strip():
            kept.append(lines[number - 1])
            number += 1
    return kept


def as_sections(headings) -> Sections:
    """``headings`` as :class:`Sections` (plain heading lines: every heading of one level)."""
    if isinstance(headings, Sections):
        return headings
    lines = tuple(sorted(headings))
    return Sections(lines, (1,) * len(lines))


def read_sections(text: str, headings: list[tuple[int, int]]) -> Sections:
    """The note's :class:`Sections` from its (line, level) headings and its sentences that
    widen their statements (*Throughout this chapter, assume $x > 0$.*)."""
    ordered = sorted(headings)
    draft = Sections(tuple(line for line, _ in ordered), tuple(level for _, level in ordered))
    return Sections(draft.lines, draft.levels, _widened(text, draft))


def _widened(text: str, sections: Sections) -> tuple[tuple[int, int], ...]:
    """(line, end) for every line of a sentence holding widening words."""
    plain = _MATH.sub(lambda m: re.sub(r"[^\n]", "x", m.group(0)), text)  # keep offsets
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    wide: dict[int, int] = {}
    for pattern, whole in ((WHOLE_CHAPTER, False), (WHOLE_FILE, True)):
        for match in pattern.finditer(plain):
            begin = max((m.end() for m in _SENTENCE_END.finditer(plain, 0, match.start())),
                        default=0)
            after = _SENTENCE_END.search(plain, match.end())
            finish = after.start() if after else len(plain)
            first = bisect.bisect_right(starts, begin)
            last = bisect.bisect_right(starts, max(begin, finish - 1))
            for line in range(first, last + 1):
                end = FOREVER if whole else sections.chapter_end(line)
                wide[line] = max(wide.get(line, 0), end)
    return tuple(sorted(wide.items()))
