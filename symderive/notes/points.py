r"""Values a note gives a function at letters (``P(A) = 0.3``, ``H(X) = \log 2``): values at those
arguments only (read in :mod:`symderive.notes.roles`, kept as ``("point", P(A))`` definitions in
:mod:`symderive.notes.context`, substituted in :mod:`symderive.notes.expand`).

A step another vocabulary decides on its own (the entropy of a law, :mod:`symderive.notes.
info_check`) does not see those values: its refutation is then not a refutation of the note,
which states the value (round 8, C9)."""

from __future__ import annotations

import re


def stated_values_used(view, written: str) -> str:
    """The stated values at letters (``H(X) = \\log 2 (…, line 5)``) that the step's LaTeX
    ``written`` applies, joined for a reason; "" when it applies none."""
    if view is None or not getattr(view, "points", None):
        return ""
    squeezed = re.sub(r"\s+", "", written)
    found = []
    for key, note in view.notes.items():
        if key[0] != "point" or key[1] not in view.points:
            continue
        application = re.sub(r"\s+", "", note.split(" = ", 1)[0])
        if application and application in squeezed:
            found.append(note)
    return "; ".join(found)
