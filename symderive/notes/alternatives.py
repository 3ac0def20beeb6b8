r"""Alternative example values of one name given in one sentence are *cases* (round 17 F11).

``Take $b = 1$ or $b = 5$. Then $b^2 = 5b$.``, ``Let $k = 2$ or $k = 3$.``, ``two examples,
$u = 1$ and $u = 4$``, ``$b = 1$, $b = 2$ or $b = 3$``, ``$b = 1$ 또는 $b = 5$``: the note gives
b two (or more) values at once, so a claim after them is about b under either choice — it must
hold at each (as after *In both cases*: :mod:`symderive.notes.case_claims`), never at the last
value alone. Values count as alternatives when they stand in one sentence on one line with
only words between them (*or, and, either, alternatively, as a second example*, commas, 또는,
혹은, 이나, 와/과) — no other formula, and no word that moves on from the first value
(:data:`MOVING_ON`: *then, now, next, instead, so, if*, 그러면, 이제, 대신): *Take $b = 1$. Then
… Now take $b = 5$* gives b = 1 and then replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_VALUED = re.compile(r"\$([^$]*?)=([^$]*)\$")
# what may stand between two alternatives: words of one sentence, no other formula, none that
# move on from the first value (*then, now, next, instead, so, if*, 그러면, 이제, 대신)
MOVING_ON = re.compile(
    r"[.;!?。](?:\s|$)|\$|\b(?:then|now|next|later|afterwards|after|instead|rather|again|so|hence|"
    r"thus|therefore|gives?|get|gets|yields?|implies|but|if|when|whenever|unless|whereas|while|"
    r"where|except|not|never)\b|그러면|이제|다음|대신|따라서|그러므로|이면|일\s*때", re.I)


def _plain(text: str) -> str:
    return re.sub(r"[\s{}]|\\(?:mathrm|mathit|,|;|!)", "", text or "").lstrip("\\")


def _written(note: str) -> tuple[str, str]:
    """The left and right side as written of a definition's note (``b = 5 (example value, line
    3)``)."""
    formula = note.rsplit(" (", 1)[0]
    left, _, right = formula.partition("=")
    return _plain(left), _plain(right)


def _runs(text: str, name: str) -> tuple[list[str], list[tuple[list[int], bool]]]:
    """The right sides of the ``name = …`` formulas on ``text``, and their positions grouped in
    runs of alternatives (nothing of :data:`MOVING_ON` between them), each with whether values
    of other names stand between them (*Take $a = 1$, $b = 2$ or $a = 3$, $b = 4$*: the cases
    are pairs)."""
    written: list[str] = []
    runs: list[tuple[list[int], bool]] = []
    previous_end = None
    for found in _VALUED.finditer(text):
        if _plain(found.group(1)) != name:
            continue
        written.append(_plain(found.group(2)))
        between = text[previous_end:found.start()] if previous_end is not None else None
        others = _VALUED.sub(" ", between) if between is not None else None
        if others is not None and not MOVING_ON.search(others):
            runs[-1] = (runs[-1][0] + [len(written) - 1], runs[-1][1] or others != between)
        else:
            runs.append(([len(written) - 1], False))
        previous_end = found.end()
    return written, runs


def _positions(written: list[str], given: list) -> list[int | None]:
    """The position among the formulas ``written`` of each definition of ``given`` (in reading
    order), matched in order by the value written; None when not found. Formulas between
    that are no definition (*Then $b = 4$*, a claim) are passed over."""
    positions: list[int | None] = []
    start = 0
    for definition in given:
        value = _written(definition.note)[1]
        found = next((index for index in range(start, len(written)) if written[index] == value),
                     None)
        positions.append(found)
        if found is not None:
            start = found + 1
    return positions


def alternative_values(lines: Sequence[str], definitions, line: int, order: int | None) -> tuple:
    """The names whose example value in force at ``line`` (reading order ``order``) was given
    with other values of the same name in one run of alternatives (see the module), each with
    its values in the order given, the line they are given on and whether they are paired with
    values of other names: ((name, (value, …), line, paired), …) — the cases a claim there is
    made in. Names given one value, or defined, are not listed."""
    latest: dict = {}
    for definition in definitions:
        if definition.key[0] != "symbol" or not definition.start <= line <= definition.end:
            continue
        if definition.start == line and order is not None and definition.order > order:
            continue
        current = latest.get(definition.key)
        if current is None or (definition.start, definition.order) >= (current.start,
                                                                       current.order):
            latest[definition.key] = definition
    cases = []
    for key, last in latest.items():
        if getattr(last.role, "value", "") != "example" or not 0 < last.start <= len(lines):
            continue
        on_line = sorted((d for d in definitions if d.key == key and d.start == last.start
                          and getattr(d.role, "value", "") == "example"),
                         key=lambda definition: definition.order)
        if len(on_line) < 2:
            continue
        written, runs = _runs(lines[last.start - 1], _written(last.note)[0])
        positions = _positions(written, on_line)
        if None in positions:
            continue  # not found as written: no cases read
        at = positions[on_line.index(last)]
        run = next((run for run in runs if at in run[0]), None)
        if run is None or len(run[0]) < 2:
            continue
        by_position = dict(zip(positions, on_line))
        if any(position not in by_position for position in run[0]):
            continue  # a formula of the run is no example value in force
        given: list = []
        for position in run[0]:
            value = by_position[position].value
            if all(str(value) != str(other) for other in given):
                given.append(value)
        if len(given) >= 2:
            cases.append((str(key[1]), tuple(given), last.start, run[1]))
    return tuple(cases)
