r"""``\begin{cases} … \end{cases}``: a definition by cases, read as a SymPy ``Piecewise``.

Each row is ``value & condition``; the condition is a comparison or a chain of them
(``x \ge 0``, ``0 \le x < 1``, ``x \ne 0``), optionally after ``\text{if}``, ``\text{for}``,
``\text{when}`` or a comma, or the last row's ``\text{otherwise}`` / ``\text{else}`` (그 외,
나머지). The pieces are read by the same grammar (a sub-parser on the same note context) and
joined in the order written. Where no row's condition holds the expression has no value
(SymPy's ``Piecewise`` is then undefined) — never a value the note did not give.

Read only when every row is read exactly: a condition in words (``\text{if $x$ is rational}``),
a membership (``x \in [0, 1]``), a nested ``cases`` or a matrix value is not read. Two rows
whose conditions overlap must agree there (``x & x \ge 0 \\ -x & x \le 0`` agree at 0; ``1 &
x \ge 0 \\ 0 & x \le 0`` give x = 0 two values: not read) — a note that defines a value twice
says nothing certain about it.
"""

from __future__ import annotations

import re

import sympy as sp

from symderive.grammar.environment_rows import ROW_BREAK, COLUMN, read_piece, split_top

# the one name of a cases environment: cases, dcases, rcases and their starred forms (mathtools)
CASES_KIND = r"[dr]?cases\*?"
CASES = re.compile(
    rf"\\begin\s*\{{\s*(?P<kind>{CASES_KIND})\s*\}}(?P<body>.*?)\\end\s*\{{\s*(?P=kind)\s*\}}", re.S)
OTHERWISE = re.compile(
    r"^(?:\\(?:text|textrm|mathrm|mbox|textit)\s*\{\s*(?:otherwise|else|elsewhere|"
    r"in\s+all\s+other\s+cases|sonst|그\s*외|나머지|기타|그렇지\s*않으면)\s*[.,]?\s*\}|otherwise)$",
    re.I)
LEAD = re.compile(r"^(?:,|\\q?quad|\\[,;: ]|\s)*(?:\\(?:text|textrm|mathrm|mbox)\s*\{\s*"
                  r"(?:if|for|when|whenever|where)\s*\}|\\(?:text|textrm|mathrm|mbox)\s*\{\s*"
                  r"(?:if|for|when|whenever|where)\s+\}|if|for|when)?(?:,|\\q?quad|\\[,;: ]|\s)*",
                  re.I)
TRAIL = re.compile(r"(?:\s|,|\.|;|\\[,;: ]|\\text\s*\{\s*[.,;]?\s*\})*$")
RELATION = re.compile(r"\\(?:leq?|geq?|lt|gt|neq?|leqslant|geqslant)(?![A-Za-z])|<=|>=|<|>|=|≤|≥|≠")
RELATIONS = {
    r"\le": sp.Le, r"\leq": sp.Le, r"\leqslant": sp.Le, "<=": sp.Le, "≤": sp.Le,
    r"\ge": sp.Ge, r"\geq": sp.Ge, r"\geqslant": sp.Ge, ">=": sp.Ge, "≥": sp.Ge,
    r"\lt": sp.Lt, "<": sp.Lt, r"\gt": sp.Gt, ">": sp.Gt,
    r"\ne": sp.Ne, r"\neq": sp.Ne, "≠": sp.Ne, "=": sp.Eq,
}  # fmt: skip


def read_cases(parser, token) -> sp.Basic:
    """The ``cases`` environment starting at ``token`` (``\\begin``) of ``parser``'s text, as a
    ``Piecewise``; the parser is moved past its ``\\end``."""
    start = token.column - 1
    match = CASES.match(parser.text, start)
    if match is None:
        parser.fail("an environment other than cases inside a formula is not read", token)
    body = match.group("body")
    if re.search(r"\\begin\s*\{", body):
        parser.fail("a nested environment inside cases is not read", token)
    end = match.end()
    while parser.current.kind != "end" and parser.current.column - 1 < end:
        parser.advance()
    rows = [row for row in split_top(body, ROW_BREAK) if row.strip()]
    if not rows:
        parser.fail("an empty cases environment", token)
    pieces = []
    for number, row in enumerate(rows):
        columns = split_top(row, COLUMN)
        if len(columns) != 2:
            parser.fail("a row of cases needs a value and a condition separated by & "
                        "(not read)", token)
        value = read_piece(parser, TRAIL.sub("", columns[0].strip()), token, "cases")  # "x, & x \ge 0"
        if isinstance(value, sp.MatrixExpr) or getattr(value, "is_Matrix", False):
            parser.fail("a matrix value in cases is not read", token)
        written = TRAIL.sub("", columns[1].strip())
        if OTHERWISE.match(written.strip()):
            if number != len(rows) - 1:
                parser.fail("'otherwise' before the last row of cases (not read)", token)
            pieces.append((value, sp.true))
            continue
        pieces.append((value, _condition(parser, LEAD.sub("", written, count=1), token)))
    _agree_where_overlapping(parser, pieces, token)
    _cover_the_line(parser, pieces, token)
    parser.readings.setdefault("cases", "a definition by cases (a Piecewise, in row order)")
    return sp.Piecewise(*pieces)


TEXT_CONDITION = re.compile(r"^(?:(?P<word>if|for|when|whenever|where)\s+)?\$(?P<math>[^$]+)\$$", re.I)


def text_columns(text: str) -> str:
    r"""``text`` with each ``cases*`` / ``dcases*`` (whose second column is text) written as
    its unstarred form: ``if $x \ge 0$`` becomes ``\text{if } x \ge 0``, ``otherwise``
    ``\text{otherwise}``; other words stay words (``\text{…}``, a condition not read)."""
    def unstarred(match: re.Match) -> str:
        kind = match.group("kind")
        if not kind.endswith("*"):
            return match.group()
        rows = []
        for row in split_top(match.group("body"), ROW_BREAK):
            columns = split_top(row, COLUMN)
            if len(columns) == 2:
                written = TRAIL.sub("", columns[1].strip())
                found = TEXT_CONDITION.match(written)
                if found is not None:
                    columns[1] = f" \\text{{{found.group('word') or 'if'} }} {found.group('math')} "
                else:
                    columns[1] = f" \\text{{{written.replace('$', ' ')}}} "
            rows.append("&".join(columns))
        plain = kind[:-1]
        return f"\\begin{{{plain}}}" + " \\\\ ".join(rows) + f"\\end{{{plain}}}"
    return CASES.sub(unstarred, text) if "cases*" in text else text


def _condition(parser, text: str, token) -> sp.Basic:
    """A comparison or a chain of comparisons (``0 \\le x < 1``) as a SymPy condition."""
    text = text.strip()
    if not text or "\\text" in text or "\\in" in text or "\\mathrm" in text:
        parser.fail(f"the condition '{text}' of a row of cases is not read", token)
    operators = list(RELATION.finditer(text))
    if not operators:
        parser.fail(f"the condition '{text}' of a row of cases is no comparison (not read)",
                    token)
    sides, last = [], 0
    for found in operators:
        sides.append(text[last:found.start()])
        last = found.end()
    sides.append(text[last:])
    values = [read_piece(parser, side, token, "cases") for side in sides]
    try:  # SymPy may evaluate a side while comparing (a divergent sum)
        parts = [RELATIONS[found.group()](left, right)
                 for found, left, right in zip(operators, values, values[1:])]
        condition = sp.And(*parts)
    except (ValueError, TypeError, ArithmeticError, NotImplementedError):
        parser.fail(f"the condition '{text}' of a row of cases cannot be compared", token)
    if condition in (sp.true, sp.false) or not condition.free_symbols:
        parser.fail(f"the condition '{text}' of a row of cases does not depend on a name",
                    token)
    return condition


def _agree_where_overlapping(parser, pieces: list, token) -> None:
    """Two rows whose conditions hold together must give the same value there."""
    where = disagreeing_overlap(pieces)
    if where:
        parser.fail(f"two rows of cases hold together with different values ({where}; not "
                    "read)", token)


def disagreeing_overlap(pieces: list) -> str:
    """Where two of ``pieces`` (``(value, condition)`` in the order written; a last
    ``otherwise`` is ``True``) hold together with values not shown equal there, in words
    (``x = 1``, ``x in [1, oo)``, ``where x > 0 and x < 2 both hold``); '' when every overlap
    agrees. The one rule of a definition by cases, for ``\\begin{cases}`` and for cases in
    words (:mod:`symderive.notes.piecewise_words`): a value given twice is not given."""
    for index, (value, condition) in enumerate(pieces):
        for other_value, other in pieces[index + 1:]:
            if other is sp.true or condition is sp.true:
                continue  # otherwise: only where no row before holds
            both = sp.And(condition, other)
            if both is sp.false:
                continue
            region, name = None, None
            if len(both.free_symbols) == 1:
                (name,) = both.free_symbols
                real = sp.Dummy("t", real=True)
                try:  # the region on the real line (the names are real numbers)
                    region = both.xreplace({name: real}).as_set()
                except Exception:  # noqa: BLE001 - a region SymPy cannot describe
                    region = None
            if region is not None and region is sp.S.EmptySet:
                continue
            try:
                difference = sp.simplify(value - other_value)
            except Exception:  # noqa: BLE001 - values SymPy cannot subtract (not shown equal)
                difference = None
            if difference == 0:
                continue
            if difference is not None and isinstance(region, sp.FiniteSet) and all(
                sp.simplify(difference.subs(name, point)) == 0 for point in region
            ):
                continue
            if isinstance(region, sp.FiniteSet):
                return ", ".join(f"{name} = {point}" for point in region)
            if isinstance(region, sp.Interval):
                ends = [str(end).replace("oo", "∞") for end in (region.start, region.end)]
                return (f"{name} in {'(' if region.left_open else '['}{ends[0]}, "
                        f"{ends[1]}{')' if region.right_open else ']'}")
            if region is not None:
                return f"{name} in {region}"
            return f"where {condition} and {other} both hold"
    return ""


def _cover_the_line(parser, pieces: list, token) -> None:
    """The rows (or a last *otherwise*) cover every real value of their one variable: a claim
    about a function given on part of the line only would be checked where it is given and
    read as an identity (round 16 F7: ``x^2 = \\begin{cases} x^2 & x > 100 \\end{cases}``)."""
    if any(condition is sp.true for _, condition in pieces):
        return
    names = set().union(*(condition.free_symbols for _, condition in pieces))
    if len(names) != 1:
        parser.fail("cases in several variables without 'otherwise' are not read", token)
    (name,) = names
    real = sp.Dummy("t", real=True)
    try:
        covered = sp.Union(*(condition.xreplace({name: real}).as_set()
                             for _, condition in pieces))
    except Exception:  # noqa: BLE001 - a region SymPy cannot describe
        covered = None
    if covered != sp.S.Reals:
        parser.fail("the rows of cases leave some values without a row (not read); add "
                    "'\\text{otherwise}' or the missing case", token)
