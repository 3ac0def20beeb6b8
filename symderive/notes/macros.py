r"""Commands a note defines or redefines itself (``\renewcommand{\exp}{\log}``, ``\def\f``,
``\let\exp\log``, ``\newcommand{\E}{\mathbb{E}}``, ``\DeclareMathOperator{\exp}{log}``).

The notes reader expands a note's macros only where their meaning is certain
(:mod:`symderive.notes.macro_expansion`); a formula that uses any other command the note gave its
own meaning is not read with the standard one: it is skipped, naming the command and the line
that (re)defines it. A definition holds from
its line on. ``\DeclareMathOperator{\tr}{tr}`` (the operator's own name, as
``\DeclareMathOperator*{\argmax}{arg\,max}``) keeps the standard meaning and is not listed;
``\providecommand`` of a command LaTeX already has changes nothing, but the reader cannot tell
which commands those are, so it is listed like ``\newcommand``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

DEFINING = re.compile(
    r"\\(?P<how>renewcommand|newcommand|providecommand|DeclareRobustCommand|(?:New|Renew|Provide|"
    r"Declare)(?:Expandable)?DocumentCommand|(?:New|Renew|Declare)CommandCopy)\*?\s*"
    r"(?:\{\s*\\(?P<braced>[A-Za-z]+)\s*\}|\\(?P<bare>[A-Za-z]+))"
    r"|\\(?P<def>[gex]?def)\s*(?:\\csname\s*(?P<csname>[A-Za-z]+)\s*\\endcsname"
    r"|\\(?P<defined>[A-Za-z]+))"
    r"|\\(?P<let>let)\s*(?:\\csname\s*(?P<let_csname>[A-Za-z]+)\s*\\endcsname"
    r"|\\(?P<let_name>[A-Za-z]+))"
    r"|\\(?P<operator>DeclareMathOperator)\*?\s*\{\s*\\(?P<operator_name>[A-Za-z]+)\s*\}\s*"
    r"\{(?P<body>(?:[^{}]|\{[^{}]*\}){0,200})\}"
    # any other (re)defining command, by its name's stem (round 14a F1: etoolbox \csdef,
    # \patchcmd, letltxmacro's \LetLtxMacro, mathtools' \DeclarePairedDelimiter, \mathchardef,
    # \futurelet, \DeclareMathSymbol, \newrobustcmd, expl3's \cs_set_eq:NN …): the name it takes
    # as a control sequence, or as a string (\csdef{abs}, \cslet{sin})
    r"|\\(?P<stem>(?!if|bullet(?![A-Za-z]))[A-Za-z@]{0,30}?(?:def|let|cmd|[Cc]ommand|Macro|Delimiter|Symbol|Accent"
    r"|Radical|(?:new|save|s)box|robustify)[A-Za-z@]{0,30}|(?:cs|tl)_[A-Za-z_]{0,30}:[A-Za-z]{0,9})"
    r"\*?\s*(?:\{\s*\\(?P<stem_braced>[A-Za-z]+)\s*\}|\\(?P<stem_bare>[A-Za-z]+)"
    r"|\{\s*(?P<stem_string>[A-Za-z]+)\s*\})"
)
SPACING = re.compile(r"\\(?:[,;:! ]|mathrm|operatorname|text|textrm|mathit)|[{}\s*]")


@dataclass(frozen=True)
class Redefinition:
    """``\\name`` given the note's own meaning by ``how`` on ``line``."""

    name: str  # without the backslash
    line: int
    how: str  # \renewcommand, \newcommand, \def, \let, \DeclareMathOperator
    start: int = -1  # where the defining command begins in the text
    end: int = -1  # just past the defining command and the name it defines

    def explained(self) -> str:
        verb = "redefined" if self.how in ("\\renewcommand", "\\def", "\\let", "\\gdef",
                                           "\\edef", "\\xdef", "\\DeclareMathOperator",
                                           "\\DeclareRobustCommand") or self.how.startswith(
            ("\\Renew", "\\Declare")) else "defined"
        return (f"uses \\{self.name}, {verb} by the note at line {self.line} ({self.how}): a "
                "macro is expanded only when its meaning is certain (defined once, on one line, "
                "with no optional argument or parameter text), so it is not read")


def redefinitions(text: str) -> tuple[Redefinition, ...]:
    """Every command the note (re)defines, in order; ``text`` is the note without its code
    and comments (the same length and lines as the file)."""
    found, line, counted = [], 1, 0
    for match in DEFINING.finditer(text):
        line += text.count("\n", counted, match.start())  # counted on from the last (44 T12)
        counted = match.start()
        if match.group("operator"):
            name = match.group("operator_name")
            if SPACING.sub("", match.group("body")) == name:
                continue  # \DeclareMathOperator{\tr}{tr}: the operator's own name
            how = "\\DeclareMathOperator"
        elif match.group("how"):
            name, how = match.group("braced") or match.group("bare"), "\\" + match.group("how")
        elif match.group("def"):
            name, how = match.group("defined") or match.group("csname"), "\\" + match.group("def")
        elif match.group("let"):
            name, how = match.group("let_name") or match.group("let_csname"), "\\let"
        elif match.group("stem_string") and "cs" not in match.group("stem"):
            continue  # a name as a string is a command's name only for etoolbox's \cs… forms
        else:
            name = (match.group("stem_braced") or match.group("stem_bare")
                    or match.group("stem_string"))
            how = "\\" + match.group("stem")
        found.append(Redefinition(name, line, how, match.start(), match.end()))
    return tuple(found)


def redefined_use(latex: str, line: int, found: Sequence[Redefinition]) -> Redefinition | None:
    """The latest (re)definition in force at ``line`` of a command ``latex`` uses (not the
    definition itself), or None."""
    latex = DEFINING.sub(" ", latex)
    for redefinition in reversed(found):
        if redefinition.line <= line and re.search(
            r"\\" + redefinition.name + r"(?![A-Za-z])", latex
        ):  # fmt: skip
            return redefinition
    return None
