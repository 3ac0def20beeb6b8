r"""A name declared with its space, read as the name alone by the word readers (round 10, H2).

``Let $\mathbf{y} \in \mathbb{R}^q$ be the one-hot label.`` says two things about y: its space
(read by the shape words) and that it is one-hot. The readers of one-hot and probability words
(:mod:`symderive.notes.onehot`, ``stated_simplex``) look for the name alone in its formula
(``$\mathbf{y}$``); :func:`without_spaces` gives them the text with every inline membership
``$NAME \in SET$`` (``\in``, ``\subset``, ``:``-free) written ``$NAME$``, on the same line, so
the one-hot word holds however the space is also declared — ``\mathbb{R}^q``, ``\{0, 1\}^q``,
``\mathbb{R}^{q \times 1}``, ``\Delta^{q-1}`` alike.
"""

from __future__ import annotations

import re

_NAME = r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*[A-Za-z]\s*\}|[A-Za-z])"
# $NAME \in SET$ — the set with no relation or formula of its own (no =, <, >, \le …)
MEMBERSHIP = re.compile(
    rf"\$(?P<name>\s*{_NAME}\s*)\\in(?![A-Za-z])(?P<space>[^$=<>\n]{{1,80}})\$")
_RELATION = re.compile(r"\\(?:le|ge|leq|geq|ne|neq|to|mapsto|rightarrow)(?![A-Za-z])")


def without_spaces(text: str) -> str:
    """``text`` with each inline ``$NAME \\in SET$`` written ``$NAME$`` (lines kept)."""
    def name_only(match: re.Match) -> str:
        if _RELATION.search(match.group("space")):
            return match.group(0)
        return f"${match.group('name').strip()}$"
    return MEMBERSHIP.sub(name_only, text)
