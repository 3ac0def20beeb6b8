r"""A note's own macros expanded where TeX would expand them, so their formulas are read.

``\newcommand{\R}{\mathbb{R}}``, ``\renewcommand{\vec}[1]{\mathbf{#1}}``, ``\def\E{\mathbb{E}}``,
``\newcommand\pd[2]{\frac{\partial #1}{\partial #2}}`` and ``\DeclareMathOperator{\sgn}{sgn}``
are replaced at their uses, after their definition, by their body with the arguments put in,
exactly as TeX does (no braces added: ``\newcommand{\s}{x+y}`` makes ``2\s`` the sum 2x + y).

Only what can be expanded with certainty is: a macro defined once (or several times alike), with
a body of one line that does not use itself, no optional argument (``[2][x]``), no parameter text
(``\def\f#1``), no ``##`` or ``@``; a use whose arguments lie on its own line.  ``\let``,
``\providecommand`` (it changes nothing if LaTeX already has the command, which the reader cannot
tell) and everything else stay unexpanded, and a formula using them is skipped naming the
definition (:mod:`symderive.notes.macros`).  Lines never move: a note's line numbers stay true.
"""

from __future__ import annotations

import re
import bisect
from dataclasses import dataclass, field

from symderive.notes.macros import DEFINING, redefinitions

HEAD = re.compile(
    r"\\(?P<how>newcommand|renewcommand|DeclareRobustCommand)\*?\s*"
    r"(?:\{\s*\\(?P<braced>[A-Za-z]+)\s*\}|\\(?P<bare>[A-Za-z]+))\s*(?:\[\s*(?P<arity>\d)\s*\])?\s*"
    r"|\\def\s*\\(?P<defined>[A-Za-z]+)\s*"
    r"|\\DeclareMathOperator(?P<star>\*?)\s*\{\s*\\(?P<operator>[A-Za-z]+)\s*\}\s*"
)
# TeX's own programming (conditionals, switches, grouping, expansion control): a macro using it
# is not a plain abbreviation, and a \newif switch (\ifshow) is read by notes/tex_switches.py
PRIMITIVE = re.compile(r"\\(?:if[A-Za-z]*|fi|else|or|expandafter|noexpand|csname|endcsname|relax"
                       r"|begingroup|endgroup|bgroup|egroup|global|catcode|makeat[A-Za-z]+|newif"
                       r"|input|include|string|the|number|romannumeral|afterassignment"
                       r"|aftergroup)(?![A-Za-z])")
MAX_BODY = 400
MAX_PASSES = 4
MAX_GROWTH = 200_000  # characters a note may grow by


@dataclass(frozen=True)
class Macro:
    name: str
    arity: int
    body: str  # #1 … #9 stand for the arguments
    start: int  # where the definition begins: uses before it are not expanded
    how: str = "\\newcommand"  # the defining command


def _group(text: str, start: int) -> int | None:
    """The end (exclusive) of the braced group opening at ``start``, or None."""
    if start >= len(text) or text[start] != "{":
        return None
    depth, index = 0, start
    while index < len(text) and index - start <= MAX_BODY + 2:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


# what a definition's scope depends on, read once from the start of the note (round 44 T12: one
# scan, not one per definition): a brace, a control sequence (\\ is a line break, \$ a dollar
# sign), a dollar, an environment's \begin or \end
SCOPE_TOKEN = re.compile(r"\\begin\s*\{\s*(?P<begin>[A-Za-z*]+)\s*\}"
                         r"|\\end\s*\{\s*(?P<end>[A-Za-z*]+)\s*\}"
                         r"|\\(?P<word>[A-Za-z]+)|\\.|[{}$]", re.S)
# \begingroup … \endgroup, \bgroup … \egroup, \[ … \], \( … \): what opens and what closes
OPENS = {"begingroup": "endgroup", "bgroup": "egroup", "\\[": "\\]", "\\(": "\\)"}
CLOSES = {closer: opener for opener, closer in OPENS.items()}


@dataclass
class _Scope:
    """What is open at a point of the note: brace depth, unmatched dollars, \\begingroup … and
    environments (counted, as TeX counts them: an extra closer closes nothing)."""

    depth: int = 0
    dollars: int = 0
    groups: dict[str, int] = field(default_factory=dict)
    environments: dict[str, int] = field(default_factory=dict)

    def read(self, match: re.Match[str]) -> None:
        token = match.group()
        if token == "{":
            self.depth += 1
        elif token == "}":
            self.depth = max(0, self.depth - 1)
        elif token == "$":
            self.dollars += 1
        elif match.group("begin"):
            name = match.group("begin")
            self.environments[name] = self.environments.get(name, 0) + 1
        elif match.group("end"):
            name = match.group("end")
            self.environments[name] = self.environments.get(name, 0) - 1
        else:
            opener = match.group("word") or token
            if opener in OPENS:
                self.groups[opener] = self.groups.get(opener, 0) + 1
            elif opener in CLOSES:
                self.groups[CLOSES[opener]] = self.groups.get(CLOSES[opener], 0) - 1

    def grouping(self) -> bool:
        """Inside braces or an open \\begingroup/\\bgroup: a definition TeX, and MathJax in a
        Markdown formula, forgets at the group's end (round 41 Q06; Markdown: round 44 T)."""
        return bool(self.depth) or any(
            self.groups.get(name, 0) > 0 for name in ("begingroup", "bgroup"))

    def in_tex_math_or_environment(self) -> bool:
        """Inside math (``\\\\[4pt]`` is a line break, no display: round 41 Q) or an environment
        other than the document: a .tex file's group."""
        in_math = bool(self.dollars % 2) or any(
            self.groups.get(name, 0) > 0 for name in ("\\[", "\\("))
        return in_math or any(count > 0 for name, count in self.environments.items()
                              if name != "document")


def _scoped_starts(source: str, starts: list[int], markdown: bool) -> set[int]:
    """The definitions (by where they start) that TeX would forget at the end of a group: inside
    braces or \\begingroup … \\endgroup, and in a .tex file also inside math or an environment
    other than the document (MathJax, which shows a Markdown note's math, keeps a top-level
    definition made in a formula: round 41 P01).  One scan of the note (round 44 T12)."""
    scope, scoped = _Scope(), set()
    tokens = SCOPE_TOKEN.finditer(source)
    token = next(tokens, None)
    for start in sorted(set(starts)):
        while token is not None and token.end() <= start:
            scope.read(token)
            token = next(tokens, None)
        if scope.grouping() or (not markdown and scope.in_tex_math_or_environment()):
            scoped.add(start)
    return scoped


def _definitions(source: str, markdown: bool = True
                 ) -> tuple[dict[str, Macro], list[tuple[int, int]], set[str]]:
    """The expandable macros, the spans of every definition, and the names defined in a way
    that cannot be expanded (never to be expanded, even where another definition could): every
    defining command of :mod:`symderive.notes.macros` counts (``\\gdef``, ``\\let``,
    ``\\RenewDocumentCommand`` … make their name unexpandable: round 41 P03, P04)."""
    found: dict[str, list[Macro]] = {}
    spans: list[tuple[int, int]] = []
    refused: set[str] = set()
    heads = {match.start(): match for match in HEAD.finditer(source)}
    found_redefinitions = redefinitions(source)
    scoped = _scoped_starts(source, [found.start for found in found_redefinitions], markdown)
    for redefinition in found_redefinitions:
        name, start = redefinition.name, redefinition.start
        spans.append((start, redefinition.end))
        match = heads.get(start)
        end = None if match is None else _group(source, match.end())
        if match is None or end is None or start in scoped:
            refused.add(name)  # \\def\\f#1{…}, [2][default], a body never closed, a group's own
            continue
        spans[-1] = (start, end)
        body = source[match.end() + 1:end - 1]
        arity = int(match.group("arity") or 0)
        if match.group("operator") is not None:
            body = f"\\operatorname{match.group('star')}{{{body}}}"
        if ("\n" in body or "@" in body or "##" in body or len(body) > MAX_BODY
                or re.search(r"\\" + name + r"(?![A-Za-z])", body)
                or any(int(k) > arity or k == "0" for k in re.findall(r"#(\d)", body))
                or re.search(r"#(?!\d)", body) or HEAD.search(body) or DEFINING.search(body)
                or PRIMITIVE.search(body) or name.startswith("if")):
            refused.add(name)
            continue
        found.setdefault(name, []).append(Macro(name, arity, body, start, redefinition.how))
    macros = {}
    for name, defined in found.items():
        if name in refused or len({(m.arity, m.body) for m in defined}) > 1:
            continue  # defined twice differently: which one holds where is not followed
        macros[name] = defined[0]
    return macros, spans, refused


def _joined(pieces: list[str]) -> str:
    """The pieces one after another, as TeX's tokens: a control word never runs into the
    letters that follow it (``\\sin`` then ``h`` is ``\\sin h``, not ``\\sinh``: round 41 P02)."""
    return _joined_pair(pieces, pieces)[0]


def _joined_pair(pieces: list[str], sources: list[str]) -> tuple[str, str]:
    """:func:`_joined` of the note's pieces, and of their blanked-code copies with the same
    spaces put in (the two stay the same length)."""
    text, source = "", ""
    for piece, blanked in zip(pieces, sources):
        if piece and text and piece[0].isalpha() and re.search(r"\\[A-Za-z]+$", text):
            text, source = text + " ", source + " "
        text, source = text + piece, source + blanked
    return text, source


def _filled(body: str, arguments: list[str]) -> str:
    """The body with #k replaced by the k-th argument, each kept a token sequence of its own."""
    pieces, last = [], 0
    for match in re.finditer(r"#(\d)", body):
        pieces += [body[last:match.start()], arguments[int(match.group(1)) - 1]]
        last = match.end()
    return _joined(pieces + [body[last:]])


def _escaped(text: str, index: int) -> bool:
    """The backslash at ``index`` is itself escaped (``\\\\R`` is a line break, then R)."""
    count = 0
    while index - 1 - count >= 0 and text[index - 1 - count] == "\\":
        count += 1
    return count % 2 == 1


def _argument(text: str, index: int) -> tuple[str, int] | None:
    """One undelimited TeX argument from ``index``: spaces skipped, then a braced group (its
    braces dropped), a control sequence or one character; None at a line's end or a '}'."""
    while index < len(text) and text[index] in " \t":
        index += 1
    if index >= len(text) or text[index] in "}\n":
        return None
    if text[index] == "{":
        end = _group(text, index)
        return None if end is None else (text[index + 1:end - 1], end)
    if text[index] == "\\":
        word = re.match(r"\\(?:[A-Za-z]+|.)", text[index:], re.S)
        return (word.group(), index + len(word.group())) if word else None
    return text[index], index + 1


class _Spans:
    """The spans of the note's definitions, asked whether a position lies in one (by bisection:
    a note of 8000 definitions asks 8000 times, round 44 T12)."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.lows = [low for low, _ in ordered]
        self.reach, furthest = [], -1  # the furthest end of the spans begun so far
        for _, high in ordered:
            furthest = max(furthest, high)
            self.reach.append(furthest)

    def __contains__(self, position: int) -> bool:
        index = bisect.bisect_right(self.lows, position) - 1
        return index >= 0 and position < self.reach[index]


def _expanded_once(text: str, source: str, macros: dict[str, Macro],
                   spans: list[tuple[int, int]]) -> tuple[str, str, bool]:
    """One pass: every use of a macro in ``source`` (the note without code and comments, the
    same length as ``text``) replaced in both."""
    in_definition = _Spans(spans)
    pattern = re.compile(r"\\(" + "|".join(sorted(macros, key=len, reverse=True))
                         + r")(?![A-Za-z])")  # fmt: skip
    pieces_text, pieces_source, last, changed = [], [], 0, False
    for match in pattern.finditer(source):
        start = match.start()
        macro = macros[match.group(1)]
        if (start < last or start < macro.start or _escaped(source, start)
                or start in in_definition):
            continue
        arguments, end = [], match.end()
        for _ in range(macro.arity):
            argument = _argument(source, end)
            if argument is None:
                break
            arguments.append(argument[0])
            end = argument[1]
        if len(arguments) < macro.arity or "\n" in source[start:end]:
            continue  # arguments across lines: not expanded (lines never move)
        body = _filled(macro.body, arguments)
        pieces_text += [text[last:start], body]
        pieces_source += [source[last:start], body]
        last, changed = end, True
    pieces_text.append(text[last:])
    pieces_source.append(source[last:])
    return _joined_pair(pieces_text, pieces_source) + (changed,)


def expanded_lines(source: str, markdown: bool = True) -> dict[int, list[str]]:
    """The lines whose every (re)definition of a command is one this module expands, with the
    names defined there."""
    if not HEAD.search(source):
        return {}
    macros, _, _ = _definitions(source, markdown)
    line_starts = [0] + [match.end() for match in re.finditer("\n", source)]
    line_of = lambda index: bisect.bisect_right(line_starts, index)  # noqa: E731
    starts = {macro.start for macro in macros.values()}
    others = {line_of(match.start()) for match in DEFINING.finditer(source)
              if match.start() not in starts}
    expanded: dict[int, list[str]] = {}
    for macro in sorted(macros.values(), key=lambda macro: macro.start):
        if line_of(macro.start) not in others:
            expanded.setdefault(line_of(macro.start), []).append(f"\\{macro.name} ({macro.how})")
    return expanded


def expand_macros(text: str, source: str, markdown: bool = True) -> str:
    """``text`` with the note's expandable macros expanded (``source``: the same note with its
    code and comments blanked, where definitions and uses are looked for)."""
    if "\\" not in source or not HEAD.search(source):
        return text
    original = len(text)
    for _ in range(MAX_PASSES):
        macros, spans, _ = _definitions(source, markdown)
        if not macros:
            break
        expanded, expanded_source, changed = _expanded_once(text, source, macros, spans)
        if not changed or len(expanded) - original > MAX_GROWTH:
            break
        text, source = expanded, expanded_source
    return text
