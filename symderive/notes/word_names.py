r"""Names of several capital letters that the note defines: ``SE_{i} = \{y_i - \hat{y}_i\}^2``
(round 38 C03).

The grammar reads adjacent letters as a product (``AB`` is A·B), so a note's own name
``SE_{i}`` (the squared error) was read as S·E_i and ``\partial SE_{i} / \partial \alpha`` as 0.
A run of two to four capitals is one name, written ``\mathrm{SE}`` for every reader, only
where the note makes it one:

* its first occurrence is the left side of a first ``=`` (``SE_{i} = …``, ``MSE = …``), a
  two-letter run with a subscript (``AB = BA`` stays the product of two matrices);
* none of its letters is used alone elsewhere in the note's mathematics (``A``, ``E_i``), nor
  in another run of capitals (``BA``) — E before a bracket, the expectation, is no use of
  the letter E.
"""

from __future__ import annotations

import re

from symderive.notes.extract import extract_math

_RUN = re.compile(r"(?<![A-Za-z\\])[A-Z]{2,4}(?![A-Za-z])")
# a run inside \mathrm{…}, \text{…}, \mathbb{…}, \begin{…}: a word already, or no name
_WORD_COMMAND = re.compile(
    r"\\(?:mathrm|text|textrm|textbf|textit|operatorname|mathit|mathsf|mathbf|mathbb|mathcal|"
    r"mathfrak|rm|boldsymbol|bm|begin|end|label|ref|eqref|tag)\s*\{\s*$")
_DEFINING_HEAD = re.compile(r"(?P<sub>_\{[^{}]*\}|_[A-Za-z0-9])?\s*&?\s*=(?!=)")
_ROW_START = re.compile(r"(?:^|\\\\|\n|\\begin\{[A-Za-z*]+\})\s*&?\s*$")
_EXPECTATION_AFTER = re.compile(r"\s*(?:\\(?:left|bigl?|Bigl?|biggl?|Biggl?)\s*)?[\[(]")


def _runs(latex: str) -> list[re.Match]:
    """The runs of capitals written as names (not inside a word command)."""
    return [match for match in _RUN.finditer(latex) if not _in_word(latex, match.start())]


def _in_word(latex: str, position: int) -> bool:
    r"""Whether ``position`` opens the argument of a word command (``\mathrm{``)."""
    return bool(_WORD_COMMAND.search(latex[max(0, position - 40) : position]))


def _defines(latex: str, match: re.Match) -> bool:
    """Whether the run at ``match`` is the left side of an ``=`` starting its row."""
    if not _ROW_START.search(latex[: match.start()]):
        return False
    head = _DEFINING_HEAD.match(latex, match.end())
    return bool(head) and (len(match.group()) > 2 or bool(head.group("sub")))


def _letter_alone(letter: str, latex: str) -> bool:
    """Whether ``letter`` is used alone (a name of its own) in ``latex``."""
    for found in re.finditer(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])", latex):
        if _in_word(latex, found.start()):
            continue
        if letter == "E" and _EXPECTATION_AFTER.match(latex, found.end()):
            continue  # E[X], E\left( … \right): the expectation
        return True
    return False


def defined_word_names(blocks: list) -> set[str]:
    """The runs of capitals the note defines as names (see the module's rules)."""
    math = " ".join(block.latex for block in blocks)
    first: dict[str, tuple[str, re.Match]] = {}
    for block in blocks:
        for match in _runs(block.latex):
            first.setdefault(match.group(), (block.latex, match))
    names = set()
    for run, (latex, match) in first.items():
        # (a longer run holding this one is a compound of it, MSE or SSE of SE: round 39 H05)
        others = "".join(other for other in first if other != run and run not in other)
        if _defines(latex, match) and not any(
            letter in others or _letter_alone(letter, math) for letter in set(run)
        ):  # fmt: skip
            names.add(run)
    return names


def with_word_names(text: str, markdown: bool) -> str:
    r"""``text`` with each run of capitals the note defines as a name written
    ``\mathrm{RUN}`` inside its mathematics (lines kept; the words are left as written)."""
    if not _RUN.search(text):
        return text
    blocks = [block for block in extract_math(text, markdown=markdown).blocks
              if 0 <= block.start < block.end]
    names = defined_word_names(blocks)
    if not names:
        return text
    pieces, done = [], 0
    for block in sorted(blocks, key=lambda block: block.start):
        if block.start < done:
            continue
        span = text[block.start : block.end]
        pieces.append(text[done : block.start])
        written, kept = [], 0
        for match in _runs(span):
            if match.group() in names:
                written += [span[kept : match.start()], rf"\mathrm{{{match.group()}}}"]
                kept = match.end()
        pieces.append("".join(written) + span[kept:])
        done = block.end
    return "".join(pieces) + text[done:]
