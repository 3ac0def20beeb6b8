"""Hints added to a parse error on the command line: "did you mean sigmoid?" for a misspelt
function, and "add --latex" when a plain-syntax argument is written in LaTeX.

The grammar's message is kept; a hint is appended only when it is not already there.
"""

from __future__ import annotations

import difflib
import re

from symderive.errors import ParseError

__all__ = ["closest", "explained"]

UNKNOWN_FUNCTION = re.compile(r"unknown function '([^']+)'")
PRODUCT_ADVICE = re.compile(r";\s*for a product write '[^']*'")


def closest(word: str, vocabulary) -> str | None:
    """The closest known word, when one is close enough to be a likely misspelling."""
    matches = difflib.get_close_matches(word, sorted(vocabulary), n=1, cutoff=0.6)
    return matches[0] if matches else None


def explained(error: ParseError, text: str, *, latex_flag: bool = False) -> ParseError:
    """``error`` with a hint worked in (same source, line and column)."""
    message = error.message
    match = UNKNOWN_FUNCTION.search(message)
    if match and "did you mean" not in message:
        from symderive.grammar.plain import FUNCTIONS

        suggestion = closest(match.group(1), FUNCTIONS)
        if suggestion:
            # a misspelling, not a product: drop the grammar's advice about writing name*(...)
            rest = PRODUCT_ADVICE.sub("", message[match.end():])
            message = f"{message[: match.end()]}: did you mean {suggestion}?{rest}"
    if not latex_flag and "\\" in text and "--latex" not in message:
        message += " (this looks like LaTeX: add --latex)"
    if message == error.message:
        return error
    return ParseError(message, source=error.source, line=error.line, column=error.column)
