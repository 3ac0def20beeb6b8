r"""Split a math block into equation chains ``e0 rel e1 rel e2 …``.

Rules (each resolves a real ambiguity of written notes):

* ``\begin{aligned}`` / ``split`` / ``gathered`` wrappers, ``&``, ``\label``, ``\tag`` and
  ``\nonumber`` are layout and are removed.
* A block is cut into rows at top-level ``\\`` (not inside braces, ``\left…\right`` or a nested
  environment such as ``pmatrix``) and at top-level commas, ``;``, ``\quad`` and ``\qquad``
  between two equations (``a = b, \; c = d``).
* A row that begins with a relation (``\\ = …`` or ``&= …``), or follows a row that ends with
  one, continues the chain of the row before; any other row starts a new chain.
* Relations: ``=  \le \leq \ge \geq < > \ne \neq`` are checked; ``:= \coloneqq \triangleq
  \equiv =:`` make definitions; ``\approx \sim \propto \in \to \Rightarrow \implies \iff
  \mapsto`` and a top-level ``:`` are not checked (their chain is skipped with a reason).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CHECKED_RELATIONS = {
    "=": "=", r"\le": "<=", r"\leq": "<=", r"\leqslant": "<=", r"\ge": ">=", r"\geq": ">=",
    r"\geqslant": ">=", "<": "<", ">": ">", r"\ne": "!=", r"\neq": "!=", "≤": "<=", "≥": ">=",
    "≠": "!=", r"\lt": "<", r"\gt": ">",
}  # fmt: skip
DEFINING_RELATIONS = {
    ":=", "=:", r"\coloneqq", r"\triangleq", r"\equiv", r"\stackrel{\text{def}}{=}",
    r"\overset{\text{def}}{=}", r"\doteq", r"\eqqcolon", "≔",
}  # fmt: skip
# every other relation (\approx, \sim, \to, \Rightarrow, ':' …) is not checked
LAYOUT = re.compile(
    r"\\(?:begin|end)\{(?:aligned|alignedat|split|gathered|align\*?|equation\*?|gather\*?)\}"
    r"(?:\{\d+\})?|\\label\s*\{[^{}]*\}|\\tag\*?\s*\{[^{}]*\}|\\nonumber|\\notag|&"
    r"|\\(?:therefore|because|displaystyle|textstyle)(?![A-Za-z])"
    r"|\\vspace\*?\s*\{[^{}]*\}|\\(?:medskip|bigskip|smallskip|noindent)(?![A-Za-z])"
)
# inside these, & separates the columns of a matrix: it is mathematics, not alignment
ARRAY_ENVIRONMENT = re.compile(
    r"\\begin\{(?P<kind>[pbvBV]?matrix\*?|smallmatrix|array|cases)\}.*?\\end\{(?P=kind)\}",
    re.S,
)
HSPACE = re.compile(r"\\hspace\*?\s*\{[^{}]*\}")  # separates equations as \qquad does
ROW_SPACING = re.compile(r"\\\\\s*\[\s*-?[\d.]+\s*(?:pt|em|ex|mm|cm|in|mu)\s*\]")  # \\[10pt]
# \space\space <Vector>, <scalar>: an annotation of the formula's kind, no relations < and >
ANNOTATION = re.compile(r"<\s*[A-Za-z]{2,}(?:\s+[A-Za-z]{2,})*\s*>")
EMPTY_SCRIPT = re.compile(r"[\^_]\s*\{\s*\}")  # x^{ } from Korean editors
SPACED_NAME = re.compile(r"(?<![A-Za-z_^])\{\s*(\\?[A-Za-z]+)\s*\}(?=\s*[_^])")  # { p }_{ i } → p_{ i }
TRAILING_PROSE = re.compile(
    r"(?:\\q?quad|\\[,;:]|,)\s*\\(?:text|mbox|textrm|textit)\s*\{[^{}]*\}[^\\]*?(?=\\\\|$)"
)
# "A ⇒ B = C", "… = 0 \text{ and hence } …": an arrow or a connective starts a new chain
CONNECTIVE = re.compile(
    r"\\(?:Rightarrow|implies|rightarrow|Longrightarrow|longrightarrow)(?![A-Za-z])"
    r"|\\(?:text|textrm|mbox|mathrm)\s*\{\s*(?:and hence|and so|hence|thus|so|therefore|and|"
    r"i\.e\.|since|because|then|or)\s*[,.]?\s*\}"
)
# \text{for } n, \textrm{Sum rule}: a phrase (two words, or a leading "for/if/where") ends a row
PHRASE = re.compile(
    r"\\(?:text|textrm|mbox|textit)\s*\{\s*(?:(?:for|if|where|when|otherwise|with)\b[^{}]*"
    r"|[^{}]*[A-Za-z가-힣]{2,}\s+[A-Za-z가-힣][^{}]*)\}.*?(?=\\\\|$)",
    re.S,
)
MAX_STEPS = 60  # relations in one chain; longer chains are cut and the cut is reported
RELATION_TOKEN = re.compile(
    r"\\stackrel\{\\text\{def\}\}\{=\}|\\overset\{\\text\{def\}\}\{=\}|:=|=:|\\coloneqq|\\eqqcolon"
    r"|\\triangleq|\\equiv|\\doteq|\\leqslant|\\geqslant|\\leq|\\geq|\\le(?![a-zA-Z])"
    r"|\\ge(?![a-zA-Z])|\\neq|\\ne(?![a-zA-Z])|\\lt(?![a-zA-Z])|\\gt(?![a-zA-Z])|\\approx"
    r"|\\simeq|\\sim(?![a-zA-Z])|\\propto|\\in(?![a-zA-Z])|\\notin|\\to(?![a-zA-Z])"
    r"|\\rightarrow|\\Rightarrow|\\implies|\\iff|\\Leftrightarrow|\\mapsto|\\cong|\\subseteq"
    r"|\\subset(?![a-zA-Z])|\\gets|\\leftarrow|\\Longrightarrow|\\longrightarrow"
    r"|[=<>:≤≥≠≈→≔]"
)
EDGE_SPACING = re.compile(
    r"^(?:\s|\\[,;:! ]|\\q?quad\b)+|(?:\s|\\[,;:! ]|\\q?quad\b|(?<!\\)[,.;])+$"
)
SEPARATOR = re.compile(r"\\qquad|\\quad|,|;")
MAX_ROWS = 200


@dataclass(frozen=True)
class Chain:
    """Elements ``e0 … ek`` and the ``k`` relations between them, as written in the note."""

    line: int
    latex: str
    elements: tuple[str, ...]
    relations: tuple[str, ...]  # as written: "=", "\\le", ":=", …
    conditional: bool = False  # a row such as "x > 0 : x, \\frac{dy}{dx} = 1" (a case)

    @property
    def is_chain(self) -> bool:
        return len(self.elements) >= 2


def split_chains(latex: str, line: int) -> list[Chain]:
    """The chains of one math block; ``line`` is the block's first line."""
    text = normalise_layout(latex)
    rows = _split_rows(text)
    chains: list[Chain] = []
    pending: list[tuple[int, list[str], list[str], list[str]]] = []  # line, elements, rels, src
    conditional_lines: set[int] = set()
    for row_offset, row in rows[:MAX_ROWS]:
        leading = len(row) - len(row.lstrip())
        row_line = line + latex_lines_before(text, row_offset + leading)
        pieces = [_split_relations(piece) + (piece,) for piece in _split_equations(row)]
        if any(":" in relations for _, relations, _ in pieces):
            conditional_lines.add(len(pending))
        first_new = len(pending)
        for elements, relations, piece in pieces:
            if not "".join(elements).strip() and not relations:
                continue
            continues = pending and (
                (relations and not elements[0].strip()) or not pending[-1][1][-1].strip()
            )
            if continues:
                _, previous_elements, previous_relations, sources = pending[-1]
                if not previous_elements[-1].strip():
                    previous_elements[-1] = elements[0]
                    previous_elements.extend(elements[1:])
                else:
                    previous_elements.extend(elements[1:])
                previous_relations.extend(relations)
                sources.append(piece.strip())
            else:
                pending.append((row_line, list(elements), list(relations), [piece.strip()]))
        if first_new in conditional_lines:
            conditional_lines.update(range(first_new, len(pending)))
    for position, (chain_line, elements, relations, sources) in enumerate(pending):
        cleaned = tuple(EDGE_SPACING.sub("", element).strip() for element in elements)
        chains.append(
            Chain(chain_line, r" \\ ".join(sources), cleaned, tuple(relations),
                  conditional=position in conditional_lines)
        )  # fmt: skip
    return chains


def _sizing(text: str, position: int, command: str) -> bool:
    """``\\left`` / ``\\right`` here, and not ``\\leftarrow`` / ``\\rightarrow``."""
    end = position + len(command)
    return text.startswith(command, position) and not (end < len(text) and text[end].isalpha())


def _brace_depths(text: str) -> list[int]:
    """The brace nesting depth at each position (escaped \\{ \\} are not braces)."""
    depths, depth, previous = [], 0, ""
    for character in text:
        if previous != "\\":
            depth += {"{": 1, "}": -1}.get(character, 0)
        depths.append(max(depth, 0))
        previous = character if previous != "\\" else ""
    return depths


def normalise_layout(latex: str) -> str:
    r"""Remove what is layout, not mathematics: alignment, tags, labels, \therefore, spacing,
    ``\\[10pt]`` row spacing, empty scripts, editor spacing ``{ p }_{ i }`` and trailing
    prose such as ``\quad \text{for all } i``. Lines are kept (blanked, not removed)."""
    text = ROW_SPACING.sub(lambda m: "\\\\" + " " * (len(m.group()) - 2), latex)
    text = HSPACE.sub(lambda m: "\\qquad" + " " * (len(m.group()) - 6), text)  # a gap
    arrays = [match.span() for match in ARRAY_ENVIRONMENT.finditer(text)]
    text = LAYOUT.sub(
        lambda m: m.group() if m.group() == "&" and any(a <= m.start() < b for a, b in arrays)
        else " ", text,
    )  # fmt: skip
    depth = _brace_depths(text)  # \lim_{h \rightarrow 0}: an arrow inside braces is no connective
    text = CONNECTIVE.sub(
        lambda m: m.group() if depth[m.start()] else "\\\\" + " " * (len(m.group()) - 2), text
    )
    text = TRAILING_PROSE.sub(" ", text)
    text = PHRASE.sub(lambda m: " " * len(m.group()), text)
    text = EMPTY_SCRIPT.sub(" ", text)
    text = ANNOTATION.sub(lambda m: " " * len(m.group()), text)
    return SPACED_NAME.sub(lambda m: m.group(1), text)


def latex_lines_before(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _split_rows(text: str) -> list[tuple[int, str]]:
    """Top-level ``\\\\`` rows with their offsets in ``text``."""
    rows: list[tuple[int, str]] = []
    depth = 0
    start = 0
    position = 0
    while position < len(text):
        if text.startswith(r"\begin{", position) or _sizing(text, position, r"\left"):
            depth += 1
        elif text.startswith(r"\end{", position) or _sizing(text, position, r"\right"):
            depth = max(0, depth - 1)
        character = text[position]
        if character == "\\" and position + 1 < len(text):
            if text[position + 1] == "\\" and depth == 0:
                rows.append((start, text[start:position]))
                start = position + 2
                position += 2
                continue
            if text[position + 1] in "{}":
                position += 2
                continue
        if character in "{([":
            depth += 1
        elif character in "})]":
            depth = max(0, depth - 1)
        position += 1
    rows.append((start, text[start:]))
    return rows


def top_level_spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of ``pattern`` matches outside braces, brackets, parentheses and environments."""
    spans = []
    depth = 0
    position = 0
    while position < len(text):
        if text.startswith(r"\begin{", position) or _sizing(text, position, r"\left"):
            depth += 1
            position += 5
            continue
        if text.startswith(r"\end{", position) or _sizing(text, position, r"\right"):
            depth = max(0, depth - 1)
            position += 5
            continue
        character = text[position]
        if character == "\\" and position + 1 < len(text) and text[position + 1] in "{}|,;!: ":
            # \mathbb{1}\{x \ne y\}, \{1, …, K\}: a relation inside set braces is no connective
            depth = depth + 1 if text[position + 1] == "{" else (
                max(0, depth - 1) if text[position + 1] == "}" else depth)
            position += 2
            continue
        if character in "{([":
            depth += 1
        elif character in "})]":
            depth = max(0, depth - 1)
        if depth == 0:
            match = pattern.match(text, position)
            if match and match.end() > position:
                spans.append((match.start(), match.end()))
                position = match.end()
                continue
        if character == "\\":  # skip the rest of a command name
            match = re.compile(r"\\[A-Za-z]+").match(text, position)
            if match:
                position = match.end()
                continue
        position += 1
    return spans


def _split_equations(row: str) -> list[str]:
    """Cut a row at top-level separators between equations; glue pieces without a relation."""
    spans = top_level_spans(row, SEPARATOR)
    if not spans:
        return [row]
    pieces = []
    last = 0
    for start, end in spans:
        pieces.append(row[last:start])
        last = end
    pieces.append(row[last:])
    merged: list[str] = []
    separators = [row[start:end] for start, end in spans]
    for position, piece in enumerate(pieces):
        has_relation = bool(top_level_spans(piece, RELATION_TOKEN))
        if merged and (not has_relation or not _has_relation_before(merged[-1])):
            merged[-1] = merged[-1] + separators[position - 1] + piece
        else:
            merged.append(piece)
    return [piece for piece in merged if piece.strip()]


def _has_relation_before(piece: str) -> bool:
    return bool(top_level_spans(piece, RELATION_TOKEN))


def _split_relations(piece: str) -> tuple[list[str], list[str]]:
    spans = top_level_spans(piece, RELATION_TOKEN)
    elements: list[str] = []
    relations: list[str] = []
    last = 0
    for start, end in spans:
        elements.append(piece[last:start])
        relations.append(piece[start:end])
        last = end
    elements.append(piece[last:])
    return elements, relations


def relation_kind(relation: str) -> str:
    """'checked', 'definition' or 'unchecked'."""
    if relation in CHECKED_RELATIONS:
        return "checked"
    if relation in DEFINING_RELATIONS:
        return "definition"
    return "unchecked"
