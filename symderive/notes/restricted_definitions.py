r"""Functions the note defines only on part of the line (review round 14a, F23).

``For $x \le 1$, $r(x) = x^2$.``, ``Let $f(x) = 2 - x$ for $x > 1$.``, ``On $[0, 1]$, $k(x) =
x^2$.``, ``$m(x) = x^2$ $(x \le 1)$``: the sentence gives the function a formula only where its
condition holds. Elsewhere the note says nothing of it, so ``r(1.5) = 2.25`` is neither proved
nor refuted with the formula — r(1.5) is not given by the note. (A definition by cases joins
such pieces into one ``Piecewise``: :mod:`symderive.notes.piecewise_words`.)

A condition is read off the other inline formulas on the definition's line: a comparison in the
function's parameters (``x \le 1``, ``(x > 1)``, ``0 < x < 2``), an interval after *on, over,
in, for* (``[0, 1]``, ``(1, 2]``) and *for positive / negative / non-negative $x$*. At an
application to numbers, every condition must be decided true there for the formula to be used;
decided false or not decided, the application is not expanded and the claim is skipped with
the reason. Applications to other expressions (``r(x)``, ``r(2t)``) are left to the readers of
domains, as before.
"""

from __future__ import annotations

import re

import sympy as sp

from symderive.errors import ParseError

INLINE = re.compile(r"(?<![\\$])\$(?!\$)([^$\n]{1,200}?)(?<!\\)\$")
COMPARISON = re.compile(r"\\(?:le|ge|leq|geq|lt|gt|leqslant|geqslant)\b|[<>≤≥]")
INTERVAL = re.compile(r"^\s*(?P<open>[\[(]|\\left\s*[\[(])\s*(?P<low>[^,]+?)\s*,\s*(?P<high>[^,]+?)"
                      r"\s*(?P<close>[\])]|\\right\s*[\])])\s*$")
INTERVAL_WORDS = re.compile(r"\b(?:on|over|in|for|across|within)\s*(?:the\s+interval\s*)?$", re.I)
SIGN_WORDS = re.compile(r"\bfor\s+(?:all\s+|every\s+|each\s+)?(positive|negative|non-?negative"
                        r"|non-?positive)\s*$", re.I)
SIGN_RELATION = {"positive": ">", "negative": "<", "nonnegative": r"\ge", "non-negative": r"\ge",
                 "nonpositive": r"\le", "non-positive": r"\le"}


class Restricted(tuple):
    """``(parameters, body)`` of a function defined only where ``conditions`` hold (SymPy
    relations in the parameters; None when a condition was seen but not read), as the words
    ``where`` of line ``line`` say."""

    def __new__(cls, parameters, body, conditions, where: str, line: int):
        made = super().__new__(cls, (parameters, body))
        made.conditions, made.where, made.line = conditions, where, line
        return made

    def __reduce__(self):
        return (Restricted, (self[0], self[1], self.conditions, self.where, self.line))


def restricted(context, source: str, parse) -> None:
    """Mark each function definition of ``context`` whose line states a condition on its
    parameters (see the module) as :class:`Restricted`."""
    from dataclasses import replace

    from symderive.notes.piecewise_words import _condition

    lines = context.lines
    for position, definition in enumerate(context.definitions):
        if definition.key[0] != "function" or isinstance(definition.value, Restricted):
            continue
        parameters, body = definition.value
        if isinstance(body, sp.Piecewise) or not all(isinstance(p, sp.Symbol)
                                                     for p in parameters):
            continue
        if not 1 <= definition.start <= len(lines):
            continue
        written = definition.note.split(" (")[0]
        line = _own_sentence(lines[definition.start - 1], written)
        names = {p.name for p in parameters}
        found, conditions = [], []
        others = [m.group(1) for m in INLINE.finditer(line) if " ".join(m.group(1).split())
                  != " ".join(written.split()) and re.match(
                      rf"\s*{re.escape(definition.key[1])}\s*\([^=]*\)\s*=", m.group(1))]
        for inner in _display_conditions(lines[definition.start - 1], written):
            if COMPARISON.search(inner) and _mentions(inner, names):
                found.append(inner)  # $$f(x) = x^2, \quad x \le 1$$
                try:
                    conditions.append(_condition(inner, context, source, definition.start, parse))
                except ParseError:
                    conditions.append(None)
        for match in INLINE.finditer(line):
            latex = match.group(1).strip()
            if " ".join(latex.split()) == " ".join(written.split()) or "=" in latex and not (
                    COMPARISON.search(latex)):
                continue
            inner = re.sub(r"^\((.*)\)$", r"\1", latex).strip()
            before = line[:match.start()]
            if COMPARISON.search(inner) and _mentions(inner, names) and not re.search(
                    rf"{re.escape(definition.key[1])}\s*\(", inner):
                found.append(inner)
                try:
                    conditions.append(_condition(inner, context, source, definition.start, parse))
                except ParseError:
                    conditions.append(None)
            elif (interval := INTERVAL.match(inner)) and INTERVAL_WORDS.search(before) and (
                    len(parameters) == 1):
                found.append(f"{parameters[0].name} \\in {inner}")
                conditions.append(_interval(interval, parameters[0], context, source,
                                            definition.start, parse))
            elif (sign := SIGN_WORDS.search(before)) and inner in names:
                relation = SIGN_RELATION[sign.group(1).lower()]
                found.append(f"{inner} {relation} 0")
                conditions.append(_condition(f"{inner} {relation} 0", context, source,
                                             definition.start, parse))
        if found:  # another formula of the function in the sentence: whose condition is it?
            known = None if None in conditions or others else tuple(conditions)
            where = ", ".join(f"${c}$" for c in found)
            if others:
                where += f" (with another formula of {definition.key[1]} in the same sentence)"
            context.definitions[position] = replace(definition, value=Restricted(
                parameters, body, known, where, definition.start))


DISPLAY = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]")
SEPARATOR = re.compile(r"\\q?quad\b|\\text\s*\{[^{}]*\}|\\mbox\s*\{[^{}]*\}|\\[,;: ]|,|;")


def _display_conditions(line: str, written: str) -> list[str]:
    r"""The pieces of the display on ``line`` that holds the definition ``written``, after it
    and set apart by a gap, a comma or words (``$$f(x) = x^2, \quad x \le 1$$``,
    ``\quad \text{for } x \le 1``, ``\qquad (0 \le x \le 1)``)."""
    pieces = []
    key = "".join(written.split())
    for match in DISPLAY.finditer(line):
        body = match.group(1) or match.group(2) or ""
        flat = "".join(body.split())
        if not key or key not in flat:
            continue
        after = body[body.find(written.strip()) + len(written.strip()):] if written.strip() in body \
            else ""
        for piece in SEPARATOR.split(after):
            piece = re.sub(r"^\s*\\left\s*\(|\\right\s*\)\s*$", "", piece.strip()).strip(" .")
            piece = re.sub(r"^\((.*)\)$", r"\1", piece).strip()
            if piece:
                pieces.append(piece)
    return pieces


def _own_sentence(line: str, written: str) -> str:
    """The sentence of ``line`` (ended by . ; ! ? outside its mathematics) that holds the
    formula ``written``; the whole line when it is not found."""
    masked = INLINE.sub(lambda m: "\x00" * len(m.group()), line)
    start = 0
    for cut in [m.end() for m in re.finditer(r"[.;!?](?=\s|$)", masked)] + [len(line)]:
        piece = line[start:cut]
        if written.strip() and written.strip() in piece:
            return piece
        start = cut
    return line


def _mentions(latex: str, names: set) -> bool:
    return any(re.search(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])", latex)
               for name in names)


def _interval(match, parameter, context, source, line, parse):
    try:
        low = parse(match.group("low"), context.latex, source, line)
        high = parse(match.group("high"), context.latex, source, line)
    except ParseError:
        return None
    left = (sp.StrictLessThan if match.group("open")[-1] == "(" else sp.LessThan)(low, parameter)
    right = (sp.StrictLessThan if match.group("close")[-1] == ")" else sp.LessThan)(parameter,
                                                                                   high)
    return sp.And(left, right)


def check_application(name: str, definition, arguments) -> None:
    """Raise :class:`ParseError` when ``definition`` (of function ``name``) is
    :class:`Restricted` and ``arguments``, all numbers, are not decided to lie where the note
    defines it; other applications pass."""
    if not isinstance(definition, Restricted):
        return
    if not all(isinstance(a, sp.Basic) and a.is_number for a in arguments):
        return
    shown = f"{name}({', '.join(str(a) for a in arguments)})"
    where = f"the note defines {name} only where {definition.where} (line {definition.line})"
    if definition.conditions is None:
        raise ParseError(f"{where}, which this reader does not read exactly: {shown} is not read")
    mapping = dict(zip(definition[0], arguments))
    for condition in definition.conditions:
        value = condition.xreplace(mapping)
        if value is sp.false:
            raise ParseError(f"{where}: {shown} lies outside it, so the note gives it no value")
        if value is not sp.true:
            raise ParseError(f"{where}: {shown} is not known to lie there")
