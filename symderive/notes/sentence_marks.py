"""How the words around a formula are shown to the readers of words: the formula itself as
⟨F⟩, another display as ⟨D⟩, inline mathematics as written (``$…$``)
(:func:`symderive.notes.refutation_guard.read_around`)."""

from __future__ import annotations

import re

TARGET = "\u27e8F\u27e9"  # the formula itself in the sentence shown
DISPLAY = "\u27e8D\u27e9"  # another display
# inline mathematics or a mark of a formula
MATH = re.compile(r"\$[^$]*\$|\u27e8[A-Z]\u27e9")


def prose(words: str) -> str:
    """The words without their mathematics (inline math and marks become a blank)."""
    return MATH.sub(" ", words or "")
