r"""Split a math block into equation chains ``e0 rel e1 rel e2 …``.

Rules (each resolves a real ambiguity of written notes):

* ``\begin{aligned}`` / ``split`` / ``gathered`` wrappers, ``&``, ``\label``, ``\tag`` and
  ``\nonumber`` are layout and are removed.
* In the aligning environments (align, alignat, flalign, aligned, alignedat; starred too) ``&``
  alternates alignment point and column separator (:func:`mark_columns`): the second ``&`` of a
  row starts a new, independent equation (``a &= b & c &= d`` is two chains; a later row
  ``&= e & &= f`` continues each in its own column). A column after ``&&`` that does not start
  with a relation is an annotation: a condition when it states a relation (``&& x > 0``, kept
  as the chain's :attr:`Chain.condition`), else prose or a tag, dropped (``&& \text{expand}``,
  ``&& (1)``). A later column shaped like a condition (``& x > 0``, ``& \text{if } …``,
  ``& x = 1``) is a condition of its row too, and read on its own as ``, \quad x = 1`` is. eqnarray's ``a &=& b`` is one equation in three columns; split has one ``&``.
* A block is cut into rows at top-level ``\\`` (not inside braces, ``\left…\right`` or a nested
  environment such as ``pmatrix``) and at top-level commas, ``;``, ``\quad`` and ``\qquad``
  between two equations (``a = b, \; c = d``).
* A row that begins with a relation (``\\ = …`` or ``&= …``), or follows a row that ends with
  one, continues the chain of the row before; a row that begins with a binary operator
  (``\\ + 3x + 1``), or follows a row that ends with one, continues the last expression of
  the row before (:mod:`symderive.notes.broken_rows`); any other row starts a new chain.
* Relations: ``=  \le \leq \ge \geq < > \ne \neq`` are checked; ``:= \coloneqq \triangleq
  \equiv =:`` make definitions; ``\approx \sim \propto \in \to \Rightarrow \implies \iff
  \mapsto`` and a top-level ``:`` are not checked (their chain is skipped with a reason).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symderive.grammar.cases import CASES_KIND
from symderive.notes.broken_rows import continues_expression, join
from symderive.notes.condition_words import CONVERSE, KOREAN_CONVERSE, KOREAN_SUFFICIENT, OPENER

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
    r"\\(?:begin|end)\{(?:aligned|alignedat|split|gathered|multlined|(?:align|alignat|flalign"
    r"|xalignat|xxalignat|equation|gather|multline|eqnarray)\*?)\}"
    r"(?:\s*\{\s*\d+\s*\}|\s*\[[tbc]\])?"
    r"|\\label\s*\{[^{}]*\}|\\tag\*?\s*\{[^{}]*\}|\\nonumber|\\notag|&"
    r"|\\l?eqno(?![A-Za-z])(?:[^\\\n]|\\(?!\\))*"  # plain TeX's number: to the row's end
    r"|\\(?:therefore|because|displaystyle|textstyle)(?![A-Za-z])"
    r"|\\vspace\*?\s*\{[^{}]*\}|\\(?:medskip|bigskip|smallskip|noindent)(?![A-Za-z])"
)
# inside these, & separates the columns of a matrix: it is mathematics, not alignment
ARRAY_ENVIRONMENT = re.compile(
    rf"\\begin\{{(?P<kind>[pbvBV]?matrix\*?|smallmatrix|array|{CASES_KIND})\}}.*?\\end\{{(?P=kind)\}}",
    re.S,
)
HSPACE = re.compile(r"\\hspace\*?\s*\{[^{}]*\}")  # separates equations as \qquad does
ROW_SPACING = re.compile(r"\\\\\s*\[\s*-?[\d.]+\s*(?:pt|em|ex|mm|cm|in|mu)\s*\]")  # \\[10pt]
# \space\space <Vector>, <scalar>: an annotation of the formula's kind, no relations < and >
ANNOTATION = re.compile(r"<\s*[A-Za-z]{2,}(?:\s+[A-Za-z]{2,})*\s*>")
EMPTY_SCRIPT = re.compile(r"[\^_]\s*\{\s*\}")  # x^{ } from Korean editors
SPACED_NAME = re.compile(r"(?<![A-Za-z_^])\{\s*(\\?[A-Za-z]+)\s*\}(?=\s*[_^])")  # { p }_{ i } → p_{ i }
TRAILING_PROSE = re.compile(
    r"(?:\\q?quad|\\[,;:]|,)\s*\\(?:text|mbox|textrm|textit)\s*\{[^{}]*\}[^\\\x1f]*?(?=\\\\|$|\x1f)"
)
# "A ⇒ B = C", "… = 0 \text{ and hence } …": an arrow or a connective starts a new chain
CONNECTIVE = re.compile(
    r"\\(?:Rightarrow|implies|rightarrow|Longrightarrow|longrightarrow)(?![A-Za-z])"
    r"|\\(?:text|textrm|mbox|mathrm)\s*\{\s*(?:and hence|and so|hence|thus|so|therefore|and|"
    r"i\.e\.|since|because|then|or)\s*[,.]?\s*\}"
)
# \text{for } n, \textrm{Sum rule}: a phrase (two words, or a leading "for/if/where") ends a row
PHRASE = re.compile(  # (and the other condition words of symderive.notes.condition_words, 14a F3)
    rf"\\(?:text|textrm|mbox|textit)\s*\{{\s*(?:(?:{CONVERSE}|in\s+(?:the\s+)?case|for|if|where|when|"
    rf"otherwise|with)\b|{KOREAN_SUFFICIENT}|{KOREAN_CONVERSE}|모든|임의의|각각의?)[^{{}}]*\}}[^\x1f]*?(?=\\\\|$|\x1f)"
    r"|\\(?:text|textrm|mbox|textit)\s*\{\s*(?:"
    r"[^{}]*[A-Za-z가-힣]{2,}\s+[A-Za-z가-힣][^{}]*)\}[^\x1f]*?(?=\\\\|$|\x1f)",
    re.S,
)
# "(a+1)^2 = a^2 + 2a + 1 \qquad (2)": a wide gap then a bracketed number, letter, roman
# numeral, \text{…} or \because … at the end of a row is a hand-written equation number or
# justification (Markdown does not number $$…$$), never a factor; so is a QED/check mark
_GAP = r"(?:\s*(?:\\q?quad(?![A-Za-z])|\\hfill(?![A-Za-z])|\\[,;: ]|~)){1,8}"  # see _wide
_WORDS = r"\\(?:text[a-z]{0,2}|mathrm|mbox|operatorname)\s*\{[^{}]*\}"
_LABEL = (
    r"\s*(?:[0-9]+(?:[.\-][0-9]+)*[a-z]?|[A-Z](?:[.\-]?[0-9]+)+|[ivxIVX]{1,5}|[A-Za-z]|\*{1,3}"
    r"|\\(?:ast|star|dagger|ddagger|S)(?![A-Za-z])\s*[0-9]*"
    r"|\\because(?![A-Za-z])(?:[^(){}\[\]\\]|\\[ ,;]|" + _WORDS + r")*"
    r"|(?:" + _WORDS + r"|\s|\\[ ,;]|[0-9.])+)\s*"
)
EQUATION_NUMBER = re.compile(
    r",?(?P<gap>" + _GAP + r")\s*(?:"
    r"(?:\\left\s*)?(?:\(|\[|\\\{)" + _LABEL + r"(?:\\right\s*)?(?:\)|\]|\\\})"
    r"|\\(?:text[a-z]{0,2}|mathrm|mbox)\s*\{\s*[(\[]"
    r"(?![^{}]*(?:[$<>=≤≥≠∈⩽⩾]|\\(?:le|ge|leq|geq|leqslant|geqslant|lt|gt|ne|neq|in|notin)\b|"
    r"\b(?:for|if|when|where|"
    r"valid|unless|provided|all|every|any|positive|negative|nonzero|non-zero)\b))"
    r"[^{}]*[)\]]\s*\}"  # an equation number, not a condition (x > 0), (t positive): 19 F7
    r"|\\(?:checkmark|square|blacksquare|Box|qed|qedsymbol)(?![A-Za-z])"
    r")\s*[.,;]?\s*(?=\\\\|\x1f|$)"
)
# a logical implication arrow between two formulas (not "hence"/"so", which assert both)
IMPLICATION = re.compile(r"\\(?:implies|Rightarrow|Longrightarrow)(?![A-Za-z])")
IMPLIED_MARK = "\x0e"  # the row after an implication arrow: its consequent
# a row opening with \therefore (∴): the conclusion of the rows before it; a row listing
# several equations before it (x + 3y = y, \quad 2x = x \\ ∴ x = -2y) is a system the note
# solves, its equations premises, never claims (round 51 AJ02)
THEREFORE = re.compile(r"(?:(?<=\\\\)|^)(\s*)(\\therefore(?![A-Za-z])|∴)")
CONCLUDED_MARK = "\x0f"
# "… = 3w \;\forall w", "…, \forall x \in \mathbb{R}": a quantifier after the claim ends its row (it
# is read from the display by symderive.notes.display_quantifiers, round 14a F6)
TRAILING_FORALL = re.compile(
    r"(?:\\[,;:! ]|\\q?quad(?![A-Za-z])|~|,)\s*(?:\\[,;:! ]\s*|\\q?quad(?![A-Za-z])\s*|~\s*)*\\forall(?![A-Za-z])[^\x1f]*?(?=\\\\|$|\x1f)", re.S)
MAX_STEPS = 60  # relations in one chain; longer chains are cut and the cut is reported
# a relation command is a whole control word: \leqno, \geqq are never \le, \ge + letters
RELATION_TOKEN = re.compile(
    r"\\stackrel\{\\text\{def\}\}\{=\}|\\overset\{\\text\{def\}\}\{=\}|:=|=:"
    r"|\\(?:coloneqq|eqqcolon|triangleq|equiv|doteq|leqslant|geqslant|leq|geq|le|ge|neq|ne|lt|gt"
    r"|approx|simeq|sim|propto|in|notin|to|rightarrow|Rightarrow|implies|iff|Leftrightarrow"
    r"|mapsto|cong|subseteq|subset|gets|leftarrow|Longrightarrow|longrightarrow)(?![A-Za-z])"
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
    condition: str = ""  # a condition written in an annotation column of its rows (&& x > 0)
    # "x = 0 \implies \sin x = 0" (round 14a F13): "if" for the antecedent (assumed, never
    # stated: no claim, no definition, no example value), "then" for the consequent (a claim
    # under the antecedent, which is its :attr:`condition`; it defines nothing either)
    implication: str = ""
    # the one row the chain is written in, layout removed and its in-display condition kept
    # (``\\sqrt{y^2} = y \\quad \\text{for } y \\ge 0``); empty when it runs over several rows
    row_latex: str = ""
    premise: bool = False  # one of several equations a ∴ row below concludes from (a system)

    @property
    def is_chain(self) -> bool:
        return len(self.elements) >= 2


# the environments where & alternates alignment point and column separator
ALIGNING = frozenset({"align", "alignat", "flalign", "xalignat", "xxalignat", "aligned",
                      "alignedat"})  # fmt: skip
ARRAYS = re.compile(rf"[pbvBV]?matrix\*?|smallmatrix|array|{CASES_KIND}|tabular")
ALIGN_POINT = "\x1e"  # an odd & of a row of an aligning environment (layout)
COLUMN_BREAK = "\x1f"  # an even &: what follows is a new column (a new equation or a note)
TOKEN = re.compile(r"\\(?:begin|end)\s*\{([^{}]*)\}|\\(?:left|right)(?![A-Za-z])|\\.|[{}&]",
                   re.S)
# a later column shaped like a condition of its row: x > 0, x \in \mathbb{R}, x = 1, \text{if …}
CONDITION_COLUMN = re.compile(
    r"^\s*(?:\\q?quad\s*|\\[,;:]\s*)*(?:\\(?:text|textrm|mbox|textit|mathrm)\s*\{\s*" + OPENER + r"\b"
    r"|\(?\s*[A-Za-z](?:_\{?\w+\}?)?\s*"
    r"(?:[<>≤≥≠∈]|\\(?:le|ge|leq|geq|ne|neq|lt|gt|in)(?![A-Za-z]))"
    r"|[A-Za-z](?:_\{?\w+\}?)?\s*=\s*[-+]?[\d.]+\s*[,.]?\s*$)"
)
NOT_A_CONDITION = re.compile(  # words and references: no relation of the note's
    r"\\(?:text|textrm|mbox|textit|textbf|emph)\s*\{[^{}]*\}|\\(?:eq)?ref\s*\{[^{}]*\}"
)


def mark_columns(latex: str, environment: str = "") -> str:
    """The block with the ``&`` of its aligning environment (the block's own ``environment``
    or an ``aligned`` inside it) marked: an odd ``&`` of a row becomes :data:`ALIGN_POINT`, an
    even one :data:`COLUMN_BREAK` (same length). Only an aligning environment at the top level
    of the block is marked (not one inside braces, ``\\left…\\right``, an array or another
    aligning environment); every other ``&`` is left as written."""
    text = list(latex)
    base = environment.rstrip("*")
    stack = [[base, 0, 0]]  # environment, brace depth at its start, & counted in this row
    depth = 0
    for match in TOKEN.finditer(latex):
        token = match.group()
        if token.startswith(("\\begin", "\\end")):
            name = match.group(1).strip().rstrip("*")
            if token.startswith("\\begin"):
                stack.append([name, depth, 0])
            elif len(stack) > 1 and stack[-1][0] == name:
                stack.pop()
        elif token in ("{", "\\left"):
            depth += 1
        elif token in ("}", "\\right"):
            depth = max(0, depth - 1)
        elif token == "\\\\" and depth == stack[-1][1]:
            stack[-1][2] = 0
        elif token == "&" and _marks(stack, depth):
            stack[-1][2] += 1
            text[match.start()] = ALIGN_POINT if stack[-1][2] % 2 else COLUMN_BREAK
    return "".join(text)


def _marks(stack: list, depth: int) -> bool:
    """The innermost environment aligns, stands at the block's top level, and ``&`` is at its
    own depth."""
    name, start, _ = stack[-1]
    if name not in ALIGNING or depth != start or start != 0:
        return False
    return not any(entry[0] in ALIGNING or ARRAYS.fullmatch(entry[0]) for entry in stack[:-1])


def split_chains(latex: str, line: int, environment: str = "") -> list[Chain]:
    """The chains of one math block; ``line`` is the block's first line, ``environment`` the
    environment the block is (``align*``) when it is one."""
    text = normalise_layout(latex, environment)
    rows = _split_rows(text)
    row_sources = _row_sources(latex, environment, len(rows))
    # line, elements, relations, sources, conditions
    pending: list[tuple[int, list[str], list[str], list[str], list[str]]] = []
    written_rows: list[set[int]] = []  # per chain: the rows it writes in
    conditional_lines: set[int] = set()
    column_chain: dict[int, int] = {}  # column → the chain last started in it
    implication: dict[int, tuple[str, str]] = {}  # chain → ("if" | "then", its antecedent)
    premises: set[int] = set()  # chains of a listed system a ∴ row concludes from
    previous_row: list[int] = []  # the chains the row before wrote in
    for row_number, (row_offset, row) in enumerate(rows[:MAX_ROWS]):
        first_new = len(pending)
        consequent = row.lstrip().startswith(IMPLIED_MARK)
        row = row.replace(IMPLIED_MARK, " ")
        if row.lstrip().startswith(CONCLUDED_MARK) and len(previous_row) > 1:
            premises.update(previous_row)  # x + 3y = y, \quad 2x = x \\ ∴ …: a system
        row = row.replace(CONCLUDED_MARK, " ")
        targets: list[int] = []  # the chains this row writes in
        conditions: list[str] = []
        offset = row_offset
        for column, segment in enumerate(row.split(COLUMN_BREAK)):
            segment_offset, offset = offset, offset + len(segment) + 1
            left, point, right = segment.partition(ALIGN_POINT)
            written = segment.replace(ALIGN_POINT, " ")
            if column and not written.strip():
                continue
            if column and _annotation(left, point, right, written):
                annotation_column = bool(point) and not left.strip()  # after &&
                condition = _condition(written, annotation_column)
                if condition:
                    conditions.append(condition)
                if annotation_column or not condition:
                    continue  # a note beside the row; & x > 0 is also read as `, \quad x > 0`
            leading = len(written) - len(written.lstrip())
            row_line = line + latex_lines_before(text, segment_offset + leading)
            pieces = [_split_relations(piece) + (piece,) for piece in _split_equations(written)]
            if any(":" in relations for _, relations, _ in pieces):
                conditional_lines.add(len(pending))
            for index, (elements, relations, piece) in enumerate(pieces):
                if not "".join(elements).strip() and not relations:
                    continue
                if index and targets and (case := INDEX_CASE.match(piece)):
                    conditions.append(f"{case[1]} = {case[2]}")  # the case it holds in (38 C01)
                    continue
                target = column_chain.get(column)
                if target is None:
                    target = targets[-1] if targets else len(pending) - 1
                continues = target >= 0 and (
                    (relations and not elements[0].strip()) or not pending[target][1][-1].strip()
                )
                if (not continues and target >= 0 and index == 0 and target not in targets
                        and continues_expression(pending[target][1][-1], elements[0],
                                                 bool(relations))):  # \\ + 3x + 1
                    _, previous_elements, previous_relations, sources, _ = pending[target]
                    previous_elements[-1] = join(previous_elements[-1], elements[0])
                    previous_elements.extend(elements[1:])
                    previous_relations.extend(relations)
                    sources.append(piece.strip())
                    targets.append(target)
                    continue
                if continues:
                    _, previous_elements, previous_relations, sources, _ = pending[target]
                    if not previous_elements[-1].strip():
                        previous_elements[-1] = elements[0]
                    previous_elements.extend(elements[1:])
                    previous_relations.extend(relations)
                    sources.append(piece.strip())
                else:
                    pending.append((row_line, list(elements), list(relations), [piece.strip()],
                                    []))  # fmt: skip
                    written_rows.append(set())
                    target = len(pending) - 1
                    column_chain[column] = target
                targets.append(target)
        for target in dict.fromkeys(targets):
            pending[target][4].extend(conditions)
            written_rows[target].add(row_number)
        if consequent and previous_row:
            antecedent = ", ".join(EDGE_SPACING.sub("", " ".join(
                r" \\ ".join(pending[k][3]).split())) for k in dict.fromkeys(previous_row))
            for k in previous_row:
                implication.setdefault(k, ("if", ""))
            for k in range(first_new, len(pending)):
                implication[k] = ("then", antecedent)
        previous_row = list(targets)
        if first_new in conditional_lines:
            conditional_lines.update(range(first_new, len(pending)))
    chains = []
    for position, (chain_line, elements, relations, sources, conditions) in enumerate(pending):
        cleaned = tuple(EDGE_SPACING.sub("", element).strip() for element in elements)
        role, antecedent = implication.get(position, ("", ""))
        rows_written = written_rows[position]
        row_latex = (row_sources[min(rows_written)] if len(rows_written) == 1
                     and min(rows_written) < len(row_sources) else "")
        chains.append(
            Chain(chain_line, r" \\ ".join(sources), cleaned, tuple(relations),
                  conditional=position in conditional_lines,
                  condition=", ".join(filter(None, (*conditions, antecedent))),
                  implication=role, row_latex=row_latex, premise=position in premises)
        )  # fmt: skip
    return chains


# "\frac{\partial a_j}{\partial z_i} = a_i(1 - a_i), \quad i = j": two index letters set
# equal after an equation of the same row name the case that equation holds in, as
# "\quad i \neq j" does; never a definition of i (round 38 C01)
INDEX_CASE = re.compile(
    r"^(?:\s|\\[,;:! ]|~|\\q?quad(?![A-Za-z]))*([i-n])\s*=\s*(?!\1)([i-n])\s*[,.]?\s*$")


def _starts_with_relation(text: str) -> bool:
    elements, relations = _split_relations(text)
    return bool(relations) and not EDGE_SPACING.sub("", elements[0]).strip()


def _annotation(left: str, point: str, right: str, written: str) -> bool:
    """A later column of an aligning row that is no equation of its own and continues none:
    after ``&&`` (its left half empty) and not starting with a relation, without any relation,
    or shaped like a condition of the row (``x > 0``, ``\\text{if } …``, ``x = 1``)."""
    if _starts_with_relation(written):
        return False
    if point and not left.strip():
        return True
    return not top_level_spans(written, RELATION_TOKEN) or bool(CONDITION_COLUMN.match(written))


def _condition(written: str, annotation_column: bool) -> str:
    """The condition an annotation states (its words and references removed), or '' when it
    states no relation (``\\text{expand}``, ``(1)``, ``\\eqref{e}``)."""
    bare = NOT_A_CONDITION.sub(" ", written)
    if not RELATION_TOKEN.search(bare):
        return ""
    if not annotation_column and not CONDITION_COLUMN.match(written):
        return ""
    return " ".join(written.split())


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


def _wide(gap: str) -> bool:
    """A gap that sets a number apart: a quad, \\hfill, or two or more thin spaces."""
    return bool(re.search(r"\\(?:q?quad|hfill)", gap)) or len(re.findall(r"\\[,;: ]|~", gap)) >= 2


def normalise_layout(latex: str, environment: str = "") -> str:
    r"""Remove what is layout, not mathematics: alignment, tags, labels, \therefore, spacing,
    ``\\[10pt]`` row spacing, empty scripts, editor spacing ``{ p }_{ i }`` and trailing
    prose such as ``\quad \text{for all } i``. Lines are kept (blanked, not removed). The
    columns of an aligning environment stay marked (:func:`mark_columns`)."""
    return _without_prose(_without_layout(latex, environment))


def _blank(keep: bool, shorter: str = " "):
    """A replacement: ``shorter`` as written, or (``keep``) blanks of the match's length, so
    that offsets in the result are offsets in the source."""
    return (lambda m: " " * len(m.group())) if keep else (lambda m: shorter)


def _without_layout(latex: str, environment: str = "", keep: bool = False) -> str:
    text = ROW_SPACING.sub(lambda m: "\\\\" + " " * (len(m.group()) - 2), latex)
    text = mark_columns(text, environment)
    text = HSPACE.sub(lambda m: "\\qquad" + " " * (len(m.group()) - 6), text)  # a gap
    text = EQUATION_NUMBER.sub(lambda m: " " * len(m.group()) if _wide(m["gap"]) else m.group(),
                               text)
    text = THEREFORE.sub(lambda m: m.group(1) + CONCLUDED_MARK + " " * (len(m.group(2)) - 1),
                         text)
    arrays = [match.span() for match in ARRAY_ENVIRONMENT.finditer(text)]
    text = LAYOUT.sub(
        lambda m: m.group() if m.group() == "&" and any(a <= m.start() < b for a, b in arrays)
        else (" " * len(m.group()) if keep else " "), text,
    )  # fmt: skip
    depth = _brace_depths(text)  # \lim_{h \rightarrow 0}: an arrow inside braces is no connective
    return CONNECTIVE.sub(
        lambda m: m.group() if depth[m.start()] else "\\\\" + (
            IMPLIED_MARK + " " * (len(m.group()) - 3) if IMPLICATION.fullmatch(m.group())
            else " " * (len(m.group()) - 2)), text
    )


CASES_ENVIRONMENT = re.compile(rf"\\begin\{{({CASES_KIND})\}}.*?\\end\{{\1\}}", re.S)


def _without_prose(text: str, keep: bool = False) -> str:
    r"""The text without trailing prose and annotations; a ``cases`` environment is kept
    whole (its ``\text{if } x \ge 0`` are the conditions of its rows: symderive.grammar.cases)."""
    pieces, last = [], 0
    for match in CASES_ENVIRONMENT.finditer(text):
        pieces.append(_prose_removed(text[last:match.start()], keep))
        pieces.append(match.group())
        last = match.end()
    pieces.append(_prose_removed(text[last:], keep))
    return "".join(pieces)


def _prose_removed(text: str, keep: bool = False) -> str:
    text = TRAILING_PROSE.sub(_blank(keep), text)
    text = PHRASE.sub(lambda m: " " * len(m.group()), text)
    text = TRAILING_FORALL.sub(lambda m: " " * len(m.group()), text)
    text = EMPTY_SCRIPT.sub(_blank(keep), text)
    text = ANNOTATION.sub(lambda m: " " * len(m.group()), text)
    return SPACED_NAME.sub(
        lambda m: m.group(1) + (" " * (len(m.group()) - len(m.group(1))) if keep else ""), text)


def _row_sources(latex: str, environment: str, count: int) -> list[str]:
    r"""The text of each top-level row of the block with its layout removed but its trailing
    prose kept (``\sqrt{y^2} = y \quad \text{for } y \ge 0,``): where a condition written in
    the display is read, row by row (round 14a F18). Empty when the rows do not line up with
    the ``count`` rows of the normalised block."""
    laid = _without_layout(latex, environment, keep=True)
    rows = _split_rows(_without_prose(laid, keep=True))
    if len(rows) != count:
        return []
    ends = [start for start, _ in rows[1:]] + [len(laid)]
    return [laid[start:end].removesuffix("\\\\").translate(_MARKS)
            for (start, _), end in zip(rows, ends)]


_MARKS = str.maketrans({ALIGN_POINT: " ", COLUMN_BREAK: " ", CONCLUDED_MARK: " "})


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
