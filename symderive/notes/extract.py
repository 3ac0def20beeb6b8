r"""Find the mathematics in Markdown and LaTeX notes, with the line it starts on.

Recognised: display math ``$$…$$`` and ``\[…\]``, the environments equation/align/alignat/
flalign/gather/multline/eqnarray (starred too; alignat's ``{n}`` argument dropped), the inner
environments aligned/alignedat/gathered/split where they stand outside other math (MathJax
reads them there), inline ``$…$`` and ``\(…\)``, and — because notes often render
formulas as images — LaTeX in image alt-text (``![\frac{a}{b} = c](…)``) or in the URL-encoded
``latex=`` parameter of LaTeX image services (decoded with ``urllib.parse``, never evaluated).
Code spans, fenced and indented code blocks, ``<pre>``/``<code>``, HTML comments and LaTeX's
dead text (verbatim, lstlisting, minted and comment environments, ``\verb``, ``\iffalse … \fi``)
are not mathematics: they render as code or not at all (:func:`without_code`).
A ``%`` comment (not ``\%``) runs to the end of its line in TeX and inside MathJax/KaTeX math:
it is blanked in a LaTeX file and in the math of a Markdown note (:data:`TEX_COMMENT`).
Nothing here reads any file: the caller passes the text, so ``\input`` and ``\include`` are
reported, never followed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlsplit

from symderive.notes.tex_conditionals import conditional_branches
from symderive.notes.wrapped_lines import wrapped_before

ENVIRONMENTS = (
    "equation", "align", "alignat", "flalign", "xalignat", "xxalignat", "gather", "multline",
    "eqnarray", "displaymath", "math",
)  # fmt: skip
# math only outside other math (inside $$…$$ or an equation they are part of that block)
INNER_ENVIRONMENTS = ("aligned", "alignedat", "gathered", "split")
MAX_BLOCK = 20_000  # characters of one math block; longer blocks are reported, not parsed

# a fence of three or more backticks (tildes) closes only with at least as many: a four-backtick
# block may show a three-backtick one (review round 5, C7)
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[`~]*[ \t]*$|\Z)", re.M | re.S)
CODE_SPAN = re.compile(r"(`{1,20})(?!`)((?:(?!\n[ \t]*\n).){1,5000}?)(?<!`)\1(?!`)", re.S)
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# every repetition is bounded, so an unclosed "![" costs at most MAX_ALT characters (linear scan)
MAX_ALT = 2000
IMAGE = re.compile(
    r"!\[((?:[^\[\]\\]|\\.|\[[^\]\n]{0,200}\]){0,%d})\]\(\s*<?([^)\s>]{0,2000})>?"
    r"(?:\s+\"[^\"\n]{0,500}\")?\s*\)" % MAX_ALT
)


def _environment_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """``\\begin{name}`` (starred too) through its ``\\end``; the column count of alignat
    (``{2}``) and the position of aligned (``[t]``) are arguments, not mathematics."""
    return re.compile(
        r"\\begin\{(?P<name>" + "|".join(names) + r")(?P<star>\*?)\}"
        r"(?:\s*\{\s*\d+\s*\}|\s*\[[tbc]\])?(?P<body>.*?)(?P<end>\\end\{(?P=name)(?P=star)\}|\Z)",
        re.S,
    )


ENVIRONMENT = _environment_pattern(ENVIRONMENTS)
INNER_ENVIRONMENT = _environment_pattern(INNER_ENVIRONMENTS)
TEX_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
# code and dead text: an opener, then its closer found with str.find (linear: a closer known
# absent is never searched for again, so a file of unclosed openers costs one scan each)
# (MathJax skips noscript as it skips script; <xmp> shows raw text: round 12a F9)
HTML_CODE = re.compile(
    r"<(pre|code|script|style|textarea|template|noscript|xmp)\b[^>\n]{0,200}>", re.I)
# an opening tag and its attributes (an element with ``hidden`` is not rendered)
HTML_OPEN_TAG = re.compile(r"<(?P<name>[A-Za-z][\w-]{0,30})(?P<attributes>(?:\s[^<>]{0,500})?)>")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
HTML_ATTRIBUTE = re.compile(
    r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# a link reference definition renders as nothing: the Markdown comment idiom
# ``[//]: # (…)``, ``[comment]: <> (…)`` (round 11a F16)
LINK_REFERENCE = re.compile(
    r"^ {0,3}\[[^\]\n]{1,200}\]:[ \t]*(?:<[^>\n]*>|[^\s(]+)[ \t]*(?:\([^\n]*\)|\"[^\n]*\"|'[^\n]*')?[ \t]*$",
    re.M)
# environments whose body is not typeset as the note's text: verbatim kinds, a file written
# (filecontents), comments (round 11a F15: spverbatim, filecontents were read as claims)
VERBATIM = re.compile(
    r"\\begin\{(verbatim|lstlisting|minted|comment|Verbatim|alltt|spverbatim|BVerbatim|LVerbatim|"
    r"SaveVerbatim|VerbatimOut|boxedverbatim|verbatimtab|verbatimwrite|filecontents|"
    r"filecontents\*|pycode|luacode|sagesilent|sageblock|codebox)(\*?)\}")
VERB = re.compile(r"\\(?:verb|lstinline|mintinline\{\w+\})\*?([^A-Za-z\s*{])[^\n]{0,500}?\1"
                  r"|\\(?:lstinline|mintinline\{\w+\})\{[^{}\n]{0,500}\}")
END_DOCUMENT = re.compile(r"\\end\{document\}")
# the comment package's \excludecomment{solution}, the versions package's \excludeversion
EXCLUDED = re.compile(r"\\exclude(?:comment|version)\s*\{\s*([A-Za-z@*]+)\s*\}")
# Obsidian's comment %%…%% (one line or many) is not rendered (round 14a F4)
OBSIDIAN_COMMENT = re.compile(r"(?<!\\)%%")
# a Pandoc/Quarto fenced div: "::: {.content-hidden}" … ":::"; a bare ":::" closes the innermost
FENCED_DIV = re.compile(r"^ {0,3}(:{3,})[ \t]*(\S[^\n]*)?$", re.M)
HIDDEN_DIV = re.compile(r"^\{?[^{}\n]*(?<![\w-])\.(?:content-hidden|hidden)(?![\w-])(?P<rest>[^{}\n]*)\}?\s*$")
QUOTE_MARKS = re.compile(r"^ {0,3}(?:> ?)+")  # a blockquote's marks opening a line
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
LIST_ITEM_CONTENT = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]{1,4}(?=\S)")
NOT_FOLLOWED = re.compile(
    r"\\(input|include|def|let|newcommand|renewcommand|providecommand|DeclareMathOperator)\b"
)


@dataclass(frozen=True)
class MathBlock:
    """One piece of mathematics as written, with the 1-based line where it starts."""

    latex: str
    line: int
    kind: str  # display, inline, environment, alt-text, image-url
    lead: str = ""  # the words just before the math on its line (or the line before)
    environment: str = ""  # the environment a block of kind "environment" is (align, alignat*)
    # where it is written in the note as read (after notes.delimiters): the offsets of its opening
    # delimiter and just past its closing one; -1 when unknown (a formula read from words)
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Notice:
    """Something in the file that was noticed but not used (unterminated $$, \\input, …)."""

    line: int
    code: str  # unterminated-math, include-not-followed, macro-not-expanded, block-too-long
    message: str


@dataclass(frozen=True)
class Extraction:
    blocks: tuple[MathBlock, ...]
    notices: tuple[Notice, ...]


class LineIndex:
    """Offset → 1-based line number."""

    def __init__(self, text: str):
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def _blank_matches(text: str, pattern: re.Pattern[str]) -> str:
    pieces = []
    last = 0
    for match in pattern.finditer(text):
        pieces.append(text[last : match.start()])
        pieces.append(re.sub(r"[^\n]", " ", match.group()))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _indented_code(text: str) -> str:
    """Markdown indented code blocks (four spaces or a tab) blanked: only a block after a blank
    line whose paragraph before is flush left and not a list item (an indented paragraph inside
    a list item is the item's text, not code)."""
    lines = text.split("\n")
    previous = ""  # the last non-blank line before the current run of blank lines
    blank_before = True
    in_code = False
    item_column = None  # the content column of the list item the text is in (None: none)
    for number, line in enumerate(lines):
        if not line.strip():
            blank_before = True
            continue
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        indented = line.startswith(("    ", "\t"))
        if item_column is not None and blank_before and indent >= item_column + 4:
            # code inside a list item: four columns past the item's text (round 11a F18)
            lines[number] = " " * len(line)
            in_code = True
            blank_before = False
            continue
        if indented and (in_code or (
            blank_before and not previous.startswith((" ", "\t")) and not LIST_ITEM.match(previous)
            and item_column is None
        )):  # fmt: skip
            lines[number] = " " * len(line)
            in_code = True
        else:
            in_code = False
            previous = line
            item = LIST_ITEM_CONTENT.match(line)
            if item:
                item_column = len(item.group(0).expandtabs(4))
            elif indent == 0 and blank_before:
                item_column = None  # a flush-left paragraph ends the list
        blank_before = False
    return "\n".join(lines)


def without_code(text: str, markdown: bool = True) -> str:
    """The note with code and dead text blanked (same length and lines): what is left is the
    prose and mathematics the note states. HTML comments stay (directives live there). An
    opener never closed is left as it is."""
    working = text
    if markdown:
        working = _blank_matches(working, FENCE)
        working = _indented_code(working)
        working = _blank_closed(working, HTML_CODE, lambda m: f"</{m.group(1).lower()}>", True)
        working = _blank_matches(working, LINK_REFERENCE)
        working = _blank_matches(working, CODE_SPAN)
        working = _blank_hidden_elements(working)
        working = _blank_tag_attributes(working)  # alt="…", title="…" (round 15 F24, F33)
        working = _blank_front_matter(working)
        working = _blank_closed(working, OBSIDIAN_COMMENT, lambda m: "%%")
        working = _blank_hidden_divs(working)
    if not markdown and (end := END_DOCUMENT.search(working)):  # nothing after it is typeset
        working = working[: end.end()] + re.sub(r"[^\n]", " ", working[end.end():])
    working = _blank_closed(working, VERBATIM, lambda m: f"\\end{{{m.group(1)}{m.group(2)}}}")
    if not markdown:
        working = _blank_excluded_environments(working)
    working = _blank_dead_branches(working)
    return _blank_matches(working, VERB)


def _blank_dead_branches(text: str) -> str:
    """Blank the branches of TeX conditionals that are never typeset (``\\iffalse … \\fi``,
    the ``\\else`` of ``\\iftrue`` or of a switch set true, ``\\if10``, ``\\ifcase 1``'s
    branch 0 …: :func:`symderive.notes.tex_conditionals.conditional_branches`)."""
    pieces = []
    position = 0
    for start, end in conditional_branches(text).dead:
        if end <= position:
            continue
        start = max(start, position)
        pieces.append(text[position:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def unsure_branches(text: str, markdown: bool = True) -> tuple[tuple[int, int, str], ...]:
    """(first line, last line, condition) of each branch of a conditional the text does not
    decide (``\\ifdefined\\foo``, ``\\ifx\\relax\\foo``, a switch from a class file): it may
    not be typeset, so a claim there is read but never refuted."""
    working = text if markdown else _blank_matches(text, TEX_COMMENT)
    working = without_code(working, markdown)
    lines = LineIndex(working)
    return tuple((lines.line_of(start), lines.line_of(end), condition)
                 for start, end, condition in conditional_branches(working).unsure)


def _blank_excluded_environments(text: str) -> str:
    """The environments ``\\excludecomment{NAME}`` (comment package) or ``\\excludeversion``
    (versions package) drop from the output, blanked through their ``\\end{NAME}``."""
    names = dict.fromkeys(m.group(1) for m in EXCLUDED.finditer(text))
    if not names:
        return text
    opener = re.compile(r"\\begin\{(" + "|".join(map(re.escape, names)) + r")\}")
    return _blank_closed(text, opener, lambda m: f"\\end{{{m.group(1)}}}")


def _blank_hidden_elements(text: str) -> str:
    """Blank each HTML element that is never shown — ``hidden`` (``<div hidden>``,
    ``<span hidden="">``) or styled ``display: none`` / ``visibility: hidden`` — through its
    own closing tag (the same elements nested inside are counted).  One never closed is left
    as it is."""
    pieces = []
    position = 0
    for match in HTML_OPEN_TAG.finditer(text):
        if match.start() < position or not _hidden(match.group("attributes")):
            continue
        name = match.group("name").lower()
        same = re.compile(r"<(/?)" + re.escape(name) + r"(?![\w-])[^>]*>", re.I)
        depth, end = 1, -1
        for tag in same.finditer(text, match.end()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.end()
                break
        if end < 0:
            continue
        pieces.append(text[position:match.start()])
        pieces.append(re.sub(r"[^\n]", " ", text[match.start():end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


# round 15 F24, F33: the attribute text of an HTML tag (alt="…", title="…", data-…="…") is
# never typeset; a tag is one of HTML's elements (longer than a letter) or has a quoted
# attribute value, so that ``$a<b c>d$`` in math is no tag
HTML_ELEMENTS = frozenset((
    "a abbr acronym area article aside audio b bdi bdo big blockquote body br button canvas "
    "caption center cite col colgroup data dd del details dfn dialog div dl dt em embed "
    "figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr html i iframe img input ins "
    "kbd label legend li link main map mark meta meter nav object ol optgroup option output p "
    "param picture progress q rp rt ruby s samp section select small source span strike strong "
    "sub summary sup svg table tbody td tfoot th thead time tr track tt u ul var video wbr"
).split())
TAG_WITH_ATTRIBUTES = re.compile(
    r"<(?P<name>[A-Za-z][\w-]{0,30})(?P<attributes>\s[^<>]{0,2000}?)/?>")
QUOTED_ATTRIBUTE = re.compile(r"[\w:-]\s*=\s*[\"']")


def _blank_tag_attributes(text: str) -> str:
    """Blank the attributes of each HTML tag (the tag's name stays): ``<img alt="$z = 0$">``
    and ``title="…"`` are never typeset, so they state nothing (review round 15, F24, F33)."""
    def blank(match: re.Match) -> str:
        attributes = match.group("attributes")
        name = match.group("name").lower()
        if not (len(name) > 1 and name in HTML_ELEMENTS) and not QUOTED_ATTRIBUTE.search(
                attributes):  # (<a href="…"> has quotes; $a<b c>d$ is math)
            return match.group()
        start, end = match.span("attributes")
        offset = match.start()
        whole = match.group()
        return (whole[: start - offset] + re.sub(r"[^\n]", " ", attributes)
                + whole[end - offset :])
    return TAG_WITH_ATTRIBUTES.sub(blank, text) if "<" in text else text


# YAML (--- … --- or ...) or TOML (+++ … +++) front matter opening the note: metadata of the
# site generator (title, description), never typeset (round 15 F24)
FRONT_MATTER = re.compile(
    r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\n(?=[ \t]*[\w\"'-][^\n]*[:=])"
    r".{0,100000}?\n(?:(?P=fence)|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _blank_front_matter(text: str) -> str:
    """Blank the front matter opening a Markdown note (:data:`FRONT_MATTER`): a first line
    ``---`` (or ``+++``), then ``key: value`` lines, then a closing ``---``, ``...`` or
    ``+++``."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text
    return re.sub(r"[^\n]", " ", match.group()) + text[match.end():]


def _blank_hidden_divs(text: str) -> str:
    """Blank each fenced div of class ``content-hidden`` or ``hidden`` (Quarto never renders
    it) through the ``:::`` that closes it; divs nested inside are counted. A hidden div with a
    format condition (``when-format="pdf"``) is shown in some output: it stays."""
    pieces = []
    position = 0
    stack: list[tuple[int, bool]] = []  # (start, hidden) of each open div
    for match in FENCED_DIV.finditer(text):
        attributes = match.group(2)
        if attributes and not attributes.strip().startswith(":"):
            hidden = HIDDEN_DIV.match(attributes.strip())
            stack.append((match.start(), bool(hidden) and "format" not in hidden["rest"]))
            continue
        if not stack:
            continue
        start, hidden = stack.pop()
        if hidden and start >= position and not any(h for _, h in stack):
            pieces.append(text[position:start])
            pieces.append(re.sub(r"[^\n]", " ", text[start:match.end()]))
            position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)


def _hidden(attributes: str) -> bool:
    for name, value in HTML_ATTRIBUTE.findall(attributes):
        value = value.strip("\"'").lower()
        if name.lower() == "hidden":
            return True
        if name.lower() == "style" and HIDDEN_STYLE.search(value):
            return True
    return False


def _blank_closed(text: str, opener: re.Pattern[str], closer_of, fold: bool = False) -> str:
    """Blank each opener through its closer (``\\fi`` not followed by a letter)."""
    searched = text.lower() if fold else text
    absent: set[str] = set()
    pieces = []
    position = 0
    for match in opener.finditer(text):
        if match.start() < position:
            continue
        closer = closer_of(match)
        if closer in absent:
            continue
        end = searched.find(closer, match.end())
        while end >= 0 and closer == "\\fi" and searched[end + 3 : end + 4].isalpha():
            end = searched.find(closer, end + 3)  # \fill, \figure: not \fi
        if end < 0:
            absent.add(closer)
            continue
        end = searched.find(">", end) + 1 if fold else end + len(closer)
        pieces.append(text[position : match.start()])
        pieces.append(re.sub(r"[^\n]", " ", text[match.start() : end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def looks_like_latex(text: str) -> bool:
    """Alt-text that is a formula: a LaTeX command or a relation, and not a file name or URL."""
    stripped = text.strip()
    if not stripped or "://" in stripped or re.search(r"\.(png|jpe?g|gif|svg)$", stripped, re.I):
        return False
    if re.match(r"^[\w\- ]+$", stripped) and "=" not in stripped:
        return False  # image-20220522161126250, Pasted image 2024…
    return bool(re.search(r"\\[A-Za-z]+|=|\^|_\{", stripped))


def latex_from_image_url(url: str) -> str | None:
    """The ``latex=`` query parameter of a LaTeX image link (e.g. …/latex.php?latex=…)."""
    try:
        query = urlsplit(url).query
    except ValueError:
        return None
    values = parse_qs(query).get("latex")  # parse_qs decodes %xx and '+' (unquote_plus)
    if not values:
        return None
    return values[0]


def extract_math(text: str, *, markdown: bool = True) -> Extraction:
    """Every math block of a note, in reading order, plus notices about what was not used."""
    blocks, notices = _found_blocks(text, markdown)
    kept = []
    for block in blocks:
        if markdown and block.kind in ("display", "inline", "environment"):
            block = replace(block, latex=TEX_COMMENT.sub("", block.latex))  # MathJax, KaTeX
        if len(block.latex) > MAX_BLOCK:
            notices.append(
                Notice(block.line, "block-too-long", f"math longer than {MAX_BLOCK} characters")
            )
        else:
            kept.append(block)
    return Extraction(tuple(kept), tuple(notices))


def math_comments_blanked(text: str) -> str:
    """A Markdown note with the ``%`` comments of its formulas blanked (same length and lines):
    MathJax and KaTeX read ``%`` in math as a comment to the line's end (``\\%`` is a percent
    sign), as :func:`extract_math` does, and a percent sign in the words as a percent sign. A
    definition in such a comment defines nothing (round 44 T10)."""
    if "%" not in text:
        return text
    pieces, last = [], 0
    for block in sorted(_found_blocks(text, True)[0], key=lambda block: block.start):
        if block.kind not in ("display", "inline", "environment") or block.start < last:
            continue
        pieces += [text[last:block.start], _blank_matches(text[block.start:block.end], TEX_COMMENT)]
        last = block.end
    return "".join(pieces) + text[last:]


def _found_blocks(text: str, markdown: bool) -> tuple[list[MathBlock], list[Notice]]:
    """Every math block as written (its comments still in it, of any length), in reading order,
    and the notices about what was not used."""
    lines = LineIndex(text)
    notices: list[Notice] = []
    blocks: list[MathBlock] = []
    if markdown:
        working = _blank_matches(without_code(text, markdown), HTML_COMMENT)
        working = _images(working, lines, blocks)
    else:
        working = without_code(_blank_matches(text, TEX_COMMENT), markdown)
    for match in NOT_FOLLOWED.finditer(working):
        code = (
            "include-not-followed"
            if match.group(1) in ("input", "include")
            else ("macro-not-expanded")
        )
        notices.append(
            Notice(lines.line_of(match.start()), code, f"\\{match.group(1)} is not followed")
        )
    working = _environments(working, lines, blocks, notices)
    working = _delimited(working, lines, blocks, notices)
    _environments(working, lines, blocks, notices, INNER_ENVIRONMENT)
    blocks.sort(key=lambda block: block.line)
    return blocks, notices


def _images(text: str, lines: LineIndex, blocks: list[MathBlock]) -> str:
    for match in IMAGE.finditer(text):
        alt, url = match.group(1), match.group(2)
        line = lines.line_of(match.start())
        if looks_like_latex(alt):
            blocks.append(MathBlock(alt.strip(), line, "alt-text", _lead(text, match.start()),
                                    start=match.start(), end=match.end()))
        else:
            from_url = latex_from_image_url(url)
            if from_url and looks_like_latex(from_url):
                blocks.append(
                    MathBlock(from_url.strip(), line, "image-url", _lead(text, match.start()),
                              start=match.start(), end=match.end())
                )
    return _blank_matches(text, IMAGE)


def _environments(text: str, lines: LineIndex, blocks: list[MathBlock], notices: list[Notice],
                  pattern: re.Pattern[str] = ENVIRONMENT) -> str:
    for match in pattern.finditer(text):
        line = lines.line_of(match.start())
        if not match.group("end"):
            notices.append(Notice(
                line, "unterminated-math", f"\\begin{{{match.group('name')}}} is never ended"))
        else:
            offset = match.start("body")
            lead_at = _wrapping_opener(text, match.start(), match.end())
            blocks.append(
                MathBlock(match.group("body"), lines.line_of(offset), "environment",
                          _lead(text, lead_at), match.group("name") + match.group("star"),
                          start=match.start(), end=match.end())
            )  # fmt: skip
    return _blank_matches(text, pattern)


# a display delimiter alone just before an environment, and its closer just after it
WRAPPING_OPENER = re.compile(r"(?:\$\$|\\\[)[ \t]*\n?[ \t]*\Z")
WRAPPING_CLOSER = {"$$": re.compile(r"[ \t]*\n?[ \t]*\$\$"),
                   "\\[": re.compile(r"[ \t]*\n?[ \t]*\\\]")}


def _wrapping_opener(text: str, start: int, end: int) -> int:
    """Where the words before an environment are read from: the ``$$`` or ``\\[`` that wraps
    it (``$$\\begin{align} … \\end{align}$$``, MathJax's way of numbering rows), else its
    ``\\begin``. The lead of such an environment is the paragraph before the display, as for
    ``aligned`` inside ``$$`` (*solving for β̂:* above normal equations: round 38 C05)."""
    opener = WRAPPING_OPENER.search(text, max(0, start - 40), start)
    if opener is None:
        return start
    delimiter = "$$" if text.startswith("$$", opener.start()) else "\\["
    return opener.start() if WRAPPING_CLOSER[delimiter].match(text, end) else start


def _delimited(text: str, lines: LineIndex, blocks: list[MathBlock], notices: list[Notice]) -> str:
    r"""$$…$$, \[…\], $…$ and \(…\) in one left-to-right scan (escaped \$ is text); the text
    with them blanked (what is left is outside math)."""
    spans: list[tuple[int, int]] = []
    position = 0
    length = len(text)
    unclosed: set[str] = set()  # closers known absent from here on: each is searched once
    lone_dollar = -1  # the last $ that opened no inline formula
    while position < length:
        character = text[position]
        if character == "\\" and position + 1 < length:
            following = text[position + 1]
            if following in "[(":
                closer = "\\]" if following == "[" else "\\)"
                end = -1 if closer in unclosed else text.find(closer, position + 2)
                if end < 0:
                    unclosed.add(closer)
                    position += 2
                    continue
                kind = "display" if following == "[" else "inline"
                content = text[position + 2 : end]
                blocks.append(
                    MathBlock(content, _content_line(text, lines, position + 2), kind,
                              _lead(text, position), start=position, end=end + 2)
                )  # fmt: skip
                spans.append((position, end + 2))
                position = end + 2
                continue
            position += 2  # \$ and other escapes
            continue
        if character != "$":
            position += 1
            continue
        if text.startswith("$$", position):
            if (lone := _closed_by_double(text, lone_dollar, position)) is not None:
                notices.append(Notice(lines.line_of(lone), "mismatched-math", (
                    "a $ opened here is closed by $$: read as inline math")))
                blocks.append(MathBlock(text[lone + 1 : position], lines.line_of(lone), "inline",
                                        _lead(text, lone), start=lone, end=position + 2))
                spans.append((lone, position + 2))
                lone_dollar = -1
                position += 2
                continue
            end = text.find("$$", position + 2)
            if end < 0:
                notices.append(
                    Notice(lines.line_of(position), "unterminated-math", "$$ is never closed")
                )
                break
            content = text[position + 2 : end]
            blocks.append(
                MathBlock(content, _content_line(text, lines, position + 2), "display",
                          _lead(text, position), start=position, end=end + 2)
            )  # fmt: skip
            spans.append((position, end + 2))
            position = end + 2
            continue
        end = inline_end(text, position + 1)
        if end is None:
            lone_dollar = position
            position += 1
            continue
        content = text[position + 1 : end]
        blocks.append(MathBlock(content, lines.line_of(position), "inline", _lead(text, position),
                                start=position, end=end + 1))
        spans.append((position, end + 1))
        position = end + 1
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], re.sub(r"[^\n]", " ", text[start:end])]
        last = end
    return "".join(pieces) + text[last:]


# what a typo "$ p = 1/16 $$" holds between its $ and $$: mathematics (a relation, a command,
# a script), not "$5, and $$x$$"
MISMATCHED_CONTENT = re.compile(r"[^$\n]*(?:[=<>^_]|\\[A-Za-z])[^$\n]*")


def _closed_by_double(text: str, lone: int, position: int) -> int | None:
    """The offset of a lone ``$`` on the line of the ``$$`` at ``position`` that this ``$$``
    closes: a typo ``$ p = 1/16 $$ for every number.`` (round 38 C04). Read as a display
    opener, the ``$$`` would pair with the next display's opener and shift every later display
    into prose; so when no ``$$`` closes it on its own line and the text since the ``$`` is
    mathematics, it closes the ``$`` instead, and the notice names this line."""
    if lone < 0 or not MISMATCHED_CONTENT.fullmatch(text, lone + 1, position):
        return None
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    return None if "$$" in text[position + 2 : line_end] else lone


MAX_INLINE = 5000  # an inline formula longer than this is a lone dollar (keeps the scan linear)
LEAD = 120  # characters of text before a formula that its classification may read


def _lead(text: str, offset: int) -> str:
    """The text just before ``offset``: the start of its line (with the start of its sentence
    on the line before when the paragraph is hard-wrapped: notes.wrapped_lines), or the line
    before when the formula opens the line (``Suppose\n$$x = 1$$``)."""
    window = text[max(0, offset - LEAD) : offset]
    before, _, same_line = window.rpartition("\n")
    same_line = QUOTE_MARKS.sub("", same_line)  # "> $$…$$" in a blockquote (round 14a F22)
    if same_line.strip():
        line_start = text.rfind("\n", 0, offset) + 1
        previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        previous = QUOTE_MARKS.sub("", text[previous_start : max(previous_start, line_start - 1)])
        wrapped = wrapped_before(previous, same_line) if line_start > 0 else ""
        return f"{wrapped} {same_line.strip()}".strip()  # a wrapped sentence (18 F11)
    # directives or other comments on their own lines between the words and the display are
    # no words: "If $A$ is symmetric, then:" stays the lead (round 51 AI05)
    before = COMMENT_LINES.sub("", before.rstrip())
    return QUOTE_MARKS.sub("", before.rstrip().rpartition("\n")[2]).strip()


COMMENT_LINES = re.compile(r"(?:\n[ \t]*<!--.*?-->[ \t]*)+$", re.S)


def inline_end(text: str, start: int) -> int | None:
    """Closing $ of an inline formula on the same paragraph; None if it is a lone dollar."""
    if start >= len(text) or text[start] in " \t\n":
        return None
    position = start
    while position < len(text) and position - start < MAX_INLINE:
        character = text[position]
        if character == "\\":
            position += 2
            continue
        if character == "\n" and text.startswith("\n", position + 1):
            return None  # a blank line ends the paragraph
        if character == "$":
            if text[position - 1] in " \t":
                return None
            return position
        position += 1
    return None


def _content_line(text: str, lines: LineIndex, offset: int) -> int:
    """The line of the first non-blank character of a block (``$$\\n a = b`` starts at a)."""
    match = re.compile(r"\s*").match(text, offset)
    return lines.line_of(match.end() if match else offset)
