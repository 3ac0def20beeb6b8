r"""Rows and columns of a LaTeX environment (``cases``, ``pmatrix`` …): the body split at
``\\`` (with an optional ``[4pt]``) and ``&`` outside braces, each piece read by the same
grammar on the parser's note context (its readings and natural domain kept)."""

from __future__ import annotations

import re

import sympy as sp

ROW_BREAK = re.compile(r"\\\\(?:\s*\[[^\]]*\])?")
COLUMN = re.compile("&")


def split_top(text: str, separator: re.Pattern) -> list[str]:
    """``text`` split at ``separator`` outside braces."""
    parts, depth, last, position = [], 0, 0, 0
    while position < len(text):
        character = text[position]
        if character == "\\" and position + 1 < len(text) and text[position + 1] in "{}":
            position += 2
            continue
        if character == "{":
            depth += 1
        elif character == "}":
            depth -= 1
        elif depth == 0 and (found := separator.match(text, position)):
            parts.append(text[last:position])
            position = last = found.end()
            continue
        position += 1
    parts.append(text[last:])
    return parts


def read_piece(parser, text: str, token, environment: str) -> sp.Basic:
    """One piece read by the grammar on the parser's note context."""
    from symderive.grammar.latex import parse_latex_reading

    if not text.strip():
        parser.fail(f"an empty piece in {environment} (not read)", token)
    value, readings, conditions = parse_latex_reading(
        text, context=parser.context, source=parser.source, line=parser.line)
    for name, how in readings.items():
        parser.readings.setdefault(name, how)
    for condition in conditions:
        if condition not in parser.build.conditions:
            parser.build.conditions.append(condition)
    return value
