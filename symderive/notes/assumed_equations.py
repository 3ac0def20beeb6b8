"""Words that make an inline functional equation a hypothesis, not a claim (round 8c, X12).

``Assume $k(x + 1) = k(x)$ for every $x$.``, ``Let $g$ satisfy $g(-x) = -g(x)$.``: the note
states a property of the function; :func:`symderive.notes.roles.classify_first_step` makes such
an equation a condition (never a claim to refute), and
:mod:`symderive.notes.function_words` makes its letter a function with that property.
"""

from __future__ import annotations

import re

# the words just before an inline functional equation that make it a hypothesis: "Assume",
# "Suppose that", "Let $g$ satisfy", "a function satisfying", "we assume moreover that" (never a
# claim to refute); "H satisfies", "f obeys" state a fact: a claim
HYPOTHESIS_LEAD = re.compile(
    r"\b(?:assum(?:e|es|ed|ing)|suppos(?:e|es|ed|ing)|let|given|satisf(?:y|ying)|obeying|"
    r"such\s+that)(?:\s+(?:also|moreover|further|furthermore|now|that|the\s+(?:identity|equation|"
    r"relation)|\s))*\s*[:,]?\s*$", re.I)


_LETTER = re.compile(r"\\?[A-Za-z]+")


def assumed_functions(located) -> set[str]:
    """The letters of the functional equations the note states as properties (``f(x) = f(-x)``,
    ``Assume $k(x + 1) = k(x)$``, a display after *Suppose that*): each is a function in the
    note, so ``k(x)`` elsewhere is applied, never k·x (a letter applied on both sides of an
    equation it assumes is not a number)."""
    from symderive.notes.roles import PROPERTY, Role  # (roles imports this module)

    return {
        item.reading.name.lstrip("\\")
        for item in located
        if item.reading.role is Role.CONDITION and item.reading.why == PROPERTY
        and item.reading.name and _LETTER.fullmatch(item.reading.name)
    }
