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
from dataclasses import dataclass

from symderive.notes.macros import DEFINING

HEAD = re.compile(
    r"\\(?P<how>newcommand|renewcommand|DeclareRobustCommand)\*?\s*"
    r"(?:\{\s*\\(?P<braced>[A-Za-z]+)\s*\}|\\(?P<bare>[A-Za-z]+))\s*(?:\[\s*(?P<arity>\d)\s*\])?\s*"
    r"|\\def\s*\\(?P<defined>[A-Za-z]+)\s*"
    r"|\\DeclareMathOperator(?P<star>\*?)\s*\{\s*\\(?P<operator>[A-Za-z]+)\s*\}\s*"
)
MAX_BODY = 400
MAX_PASSES = 4
MAX_GROWTH = 200_000  # characters a note may grow by


@dataclass(frozen=True)
class Macro:
    name: str
    arity: int
    body: str  # #1 … #9 stand for the arguments
    start: int  # where the definition begins: uses before it are not expanded


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


def _definitions(source: str) -> tuple[dict[str, Macro], list[tuple[int, int]], set[str]]:
    """The expandable macros, the spans of every definition, and the names defined in a way
    that cannot be expanded (never to be expanded, even where another definition could)."""
    found: dict[str, list[Macro]] = {}
    spans: list[tuple[int, int]] = []
    refused: set[str] = set()
    for match in HEAD.finditer(source):
        name = (match.group("braced") or match.group("bare") or match.group("defined")
                or match.group("operator"))  # fmt: skip
        end = _group(source, match.end())
        if end is None:  # \def\f#1{…}, [2][default], a body too long or never closed
            refused.add(name)
            spans.append((match.start(), match.end()))
            continue
        spans.append((match.start(), end))
        body = source[match.end() + 1:end - 1]
        arity = int(match.group("arity") or 0)
        if match.group("operator") is not None:
            body = f"\\operatorname{match.group('star')}{{{body}}}"
        if ("\n" in body or "@" in body or "##" in body or len(body) > MAX_BODY
                or re.search(r"\\" + name + r"(?![A-Za-z])", body)
                or any(int(k) > arity or k == "0" for k in re.findall(r"#(\d)", body))
                or re.search(r"#(?!\d)", body) or HEAD.search(body)):
            refused.add(name)
            continue
        found.setdefault(name, []).append(Macro(name, arity, body, match.start()))
    macros = {}
    for name, defined in found.items():
        if name in refused or len({(m.arity, m.body) for m in defined}) > 1:
            continue  # defined twice differently: which one holds where is not followed
        macros[name] = defined[0]
    return macros, spans, refused


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


def _expanded_once(text: str, source: str, macros: dict[str, Macro],
                   spans: list[tuple[int, int]]) -> tuple[str, str, bool]:
    """One pass: every use of a macro in ``source`` (the note without code and comments, the
    same length as ``text``) replaced in both."""
    pattern = re.compile(r"\\(" + "|".join(sorted(macros, key=len, reverse=True))
                         + r")(?![A-Za-z])")  # fmt: skip
    pieces_text, pieces_source, last, changed = [], [], 0, False
    for match in pattern.finditer(source):
        start = match.start()
        macro = macros[match.group(1)]
        if (start < last or start < macro.start or _escaped(source, start)
                or any(low <= start < high for low, high in spans)):
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
        body = re.sub(r"#(\d)", lambda m: arguments[int(m.group(1)) - 1], macro.body)
        pieces_text.append(text[last:start] + body)
        pieces_source.append(source[last:start] + body)
        last, changed = end, True
    pieces_text.append(text[last:])
    pieces_source.append(source[last:])
    return "".join(pieces_text), "".join(pieces_source), changed


def expanded_lines(source: str) -> dict[int, list[str]]:
    """The lines whose every (re)definition of a command is one this module expands, with the
    names defined there."""
    macros, _, _ = _definitions(source)
    line_of = lambda index: source.count("\n", 0, index) + 1  # noqa: E731
    starts = {macro.start for macro in macros.values()}
    others = {line_of(match.start()) for match in DEFINING.finditer(source)
              if match.start() not in starts}
    expanded: dict[int, list[str]] = {}
    for macro in sorted(macros.values(), key=lambda macro: macro.start):
        if line_of(macro.start) not in others:
            expanded.setdefault(line_of(macro.start), []).append("\\" + macro.name)
    return expanded


def expand_macros(text: str, source: str) -> str:
    """``text`` with the note's expandable macros expanded (``source``: the same note with its
    code and comments blanked, where definitions and uses are looked for)."""
    if "\\" not in source or not HEAD.search(source):
        return text
    original = len(text)
    for _ in range(MAX_PASSES):
        macros, spans, _ = _definitions(source)
        if not macros:
            break
        expanded, expanded_source, changed = _expanded_once(text, source, macros, spans)
        if not changed or len(expanded) - original > MAX_GROWTH:
            break
        text, source = expanded, expanded_source
    return text
