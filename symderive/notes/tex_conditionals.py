r"""Which branches of TeX's conditionals are typeset: a small evaluator that knows when it
cannot decide.

``\iftrue … \else <dead> \fi``, a ``\newif`` switch set by ``\showtrue`` (its ``\else`` is
dead), ``\if10`` (false: 1 ≠ 0), ``\ifnum 0=1``, ``\ifodd 2``, ``\ifcase 1`` (only the
branch after the first ``\or`` is live), ``\ifx\a\a`` (true: one token), ``\unless`` (the
opposite) are decided from the text (round 12a F8).  A condition that depends on what a
package or the engine defines (``\ifx\relax\foo``, ``\ifdefined\foo``, ``\ifcsname``,
``\ifdim``, ``\ifmmode``, a switch no ``\newif`` in the file declares) is not: its branches
are *unsure* — read, but a claim in them is never refuted (the text may not be typeset).

A switch setting is a local assignment that ends with its group (``{\showtrue}``); how far
one reaches is :mod:`symderive.notes.tex_switches` (round 13, F6).
The tests of packages (``\ifthenelse``, ``\iftoggle`` …) and macros that discard their
argument are read by :mod:`symderive.notes.tex_package_tests`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symderive.notes.tex_switches import SwitchSettings
from symderive.notes.tex_package_tests import package_branches

# \ifXXX, \else, \or, \fi, \unless as control words (\fill, \orange are not)
TOKEN = re.compile(r"\\(if[A-Za-z@]*|else|or|fi|unless)(?![A-Za-z@])")
# conditionals of TeX and e-TeX/pdfTeX (any other \ifNAME is a \newif switch or unknown)
PRIMITIVES = frozenset((
    "if", "ifcat", "ifx", "ifnum", "ifdim", "ifodd", "ifcase", "iftrue", "iffalse", "ifvmode",
    "ifhmode", "ifmmode", "ifinner", "ifvoid", "ifhbox", "ifvbox", "ifeof", "ifdefined",
    "ifcsname", "iffontchar", "ifincsname", "ifpdfprimitive", "ifpdfabsnum", "ifpdfabsdim",
    "ifprimitive", "ifabsnum", "ifabsdim",
))  # fmt: skip
# not conditionals: the math symbol, and macros whose arguments are braced (ifthen, etoolbox)
NOT_CONDITIONALS = frozenset(("iff", "ifthenelse"))
NEW_IF = re.compile(r"\\newif\s*\\if(?P<name>[A-Za-z@]+)")
# an \ifNAME right after these is the name being defined, not a conditional
DEFINING = re.compile(r"\\(?:newif|let|def|gdef|edef|xdef|newcommand|renewcommand|"
                      r"providecommand)\s*\{?\s*$")
DEFINED_NAME = r"\\(?:def|gdef|edef|xdef|let|newcommand\*?|renewcommand\*?|providecommand\*?|" \
    r"DeclareMathOperator\*?|DeclareRobustCommand\*?|newlength|newif)\s*\{?\s*\\{name}(?![A-Za-z@])"
NUMBER = re.compile(r"\s*([+-]?\d{1,9})(?P<end>\s|\\relax(?![A-Za-z@])|[^\\\d]|$)")
COMPARISON = re.compile(r"\s*([+-]?\d{1,9})\s*([<=>])\s*([+-]?\d{1,9})"
                        r"(?P<end>\s|\\relax(?![A-Za-z@])|[^\\\d]|$)")
CONTROL = re.compile(r"\\(?:[A-Za-z@]+|.)", re.S)


@dataclass(frozen=True)
class Branches:
    """Spans (start, end) of a text that TeX never typesets, and spans it may or may not
    typeset with the conditional that decides it (``\\ifdefined\\foo``)."""

    dead: tuple[tuple[int, int], ...]
    unsure: tuple[tuple[int, int, str], ...]


@dataclass
class _Open:
    start: int
    end: int  # end of the opener's condition text as read
    name: str
    truth: bool | int | None  # an int: the live branch of \ifcase
    separators: list  # (start, end) of each \else / \or at this depth


def conditional_branches(text: str) -> Branches:
    """The dead and unsure branches of every conditional closed by its ``\\fi`` (one never
    closed decides nothing: it is read)."""
    switches = {m.group("name") for m in NEW_IF.finditer(text)}
    settings = SwitchSettings(text, switches) if switches else None
    dead: list[tuple[int, int]] = []
    unsure: list[tuple[int, int, str]] = []
    stack: list[_Open] = []
    for token in TOKEN.finditer(text):
        word = token.group(1)
        if word == "fi":
            if stack:
                _close(stack.pop(), token.start(), token.end(), text, dead, unsure)
            continue
        if word in ("else", "or"):
            if stack and (word == "else" or stack[-1].name == "ifcase"):
                stack[-1].separators.append((token.start(), token.end(), word))
            continue
        if word == "unless" or not _is_conditional(word, text, token, switches):
            continue
        truth, end = _truth(word[2:], text, token.end(), switches, dead, settings)
        unless = re.search(r"\\unless\s*$", text[max(0, token.start() - 40):token.start()])
        if unless and isinstance(truth, bool):
            truth = not truth
        start = token.start() - (len(unless.group()) if unless else 0)
        stack.append(_Open(start, end, word if not unless else "unless " + word, truth, []))
    more_dead, more_unsure = package_branches(text, dead, unsure)  # \ifthenelse, \hide{…} (14a F24)
    return Branches(tuple(sorted(dead + more_dead)), tuple(sorted(unsure + more_unsure)))


def _is_conditional(word: str, text: str, token: re.Match, switches: set[str]) -> bool:
    if word in NOT_CONDITIONALS or DEFINING.search(text[max(0, token.start() - 40):token.start()]):
        return False
    if word in PRIMITIVES or word[2:] in switches:
        return True
    # \ifbool{…}, \ifdef{…}{…}{…} (etoolbox): a macro with braced arguments, closed by no \fi
    return not re.match(r"\s*\{", text[token.end():token.end() + 40])


def _close(opened: _Open, fi_start: int, fi_end: int, text: str, dead: list,
           unsure: list) -> None:
    """Record the dead and unsure parts of one conditional, from its opener to its ``\\fi``."""
    bounds = [opened.end] + [p for start, end, _ in opened.separators for p in (start, end)]
    bounds.append(fi_start)
    branches = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    words = [word for _, _, word in opened.separators]
    truth = opened.truth
    if truth is None:
        line_end = text.find("\n", opened.end)
        shown = text[opened.start:max(opened.end, line_end if line_end >= 0 else len(text))]
        condition = " ".join(shown.split())[:60]
        unsure.append((opened.end, fi_start, condition))
        return
    if isinstance(truth, bool):  # then-branch, else-branch (an \else after the first ignored)
        live = 0 if truth else (1 if words and words[0] == "else" else None)
    else:  # \ifcase n: the n-th \or branch, else the \else branch, else none
        ors = words.index("else") if "else" in words else len(words)
        live = truth if 0 <= truth <= ors else (ors + 1 if "else" in words else None)
    if live is None or live >= len(branches):
        dead.append((opened.start, fi_end))
        return
    low, high = branches[live]
    dead.append((opened.start, low))
    dead.append((high, fi_end))


def _truth(name: str, text: str, at: int, switches: set[str], dead: list,
           settings: SwitchSettings | None = None) -> tuple[bool | int | None, int]:
    """The value of the condition after ``\\if`` + ``name`` read from ``at`` (None: not known
    from the text) and where its condition text ends."""
    if name in ("true", "false"):
        return name == "true", at
    if name == "":  # \if compares two character codes
        return _same_characters(text, at)
    if name in ("num", "odd", "case"):
        match = (COMPARISON if name == "num" else NUMBER).match(text, at)
        if not match:
            return None, at
        end = match.start("end")
        if name == "num":
            left, relation, right = int(match.group(1)), match.group(2), int(match.group(3))
            return {"<": left < right, "=": left == right, ">": left > right}[relation], end
        return (int(match.group(1)) % 2 == 1 if name == "odd" else int(match.group(1))), end
    if name == "x":
        return _same_meaning(text, at)
    if name == "defined":
        first = CONTROL.match(text, re.compile(r"\s*").match(text, at).end())
        if first and _defined_before(first.group()[1:], text, at):
            return True, first.end()
        return None, first.end() if first else at
    if name in switches:
        return (settings or SwitchSettings(text, switches)).value(name, at, dead), at
    return None, at


def _same_characters(text: str, at: int) -> tuple[bool | None, int]:
    """``\\if10``: false (1 ≠ 0); ``\\if00`` true; ``\\if0`` then a space or line end: false
    (a space token); a control sequence (which expands) or an active ~: not known."""
    position = at
    while position < len(text) and text[position] in " \t":
        position += 1
    pair = text[position:position + 2]
    if len(pair) < 2 or "\\" in pair or "~" in pair or pair[0] in "\n{}":
        return None, at
    second = " " if pair[1] in " \t\n" else pair[1]
    return pair[0] == second, position + 2


def _same_meaning(text: str, at: int) -> tuple[bool | None, int]:
    """``\\ifx``: the same token twice is true; two different plain characters false; two
    different control sequences depend on what they are defined as: not known."""
    tokens = []
    position = at
    for _ in range(2):
        while position < len(text) and text[position] in " \t\n":
            position += 1
        control = CONTROL.match(text, position)
        token = control.group() if control else text[position:position + 1]
        if not token:
            return None, at
        tokens.append(token)
        position += len(token)
    first, second = tokens
    if first == second:
        return True, position
    if not first.startswith("\\") and not second.startswith("\\") and "~" not in first + second:
        return False, position
    return None, position


def _defined_before(name: str, text: str, at: int) -> bool:
    """Whether the file defines ``\\name`` before ``at`` (\\newcommand, \\def, \\let …)."""
    return bool(re.search(DEFINED_NAME.replace("{name}", re.escape(name)), text[:at]))
