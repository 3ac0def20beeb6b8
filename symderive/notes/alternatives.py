r"""Alternative example values of one name given in one sentence are *cases* (round 17 F11).

``Take $b = 1$ or $b = 5$. Then $b^2 = 5b$.``, ``Let $k = 2$ or $k = 3$.``, ``two examples,
$u = 1$ and $u = 4$``, ``$b = 1$, $b = 2$ or $b = 3$``, ``$b = 1$ 또는 $b = 5$``: the note gives
b two (or more) values at once, so a claim after them is about b under either choice — it must
hold at each (as after *In both cases*: :mod:`symderive.notes.case_claims`), never at the last
value alone. Only values joined by nothing but joining words (*or, and, either, as well as,
alternatively*, commas, 또는, 혹은, 이나, 와/과) count: *Take $b = 1$. Then … Now take $b = 5$*
gives b = 1 and then replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_VALUED = re.compile(r"\$([^$]*?)=([^$]*)\$")
JOINING = re.compile(
    r"^(?:[\s,()]|\bor\b|\band\b|\beither\b|\bas\s+well\s+as\b|\balternatively\b|\belse\b|"
    r"\balso\b|\bresp(?:ectively|\.)?|또는|혹은|이나|이거나|거나|나|와|과|및|그리고)*$", re.I)


def _plain(text: str) -> str:
    return re.sub(r"[\s{}]|\\(?:mathrm|mathit|,|;|!)", "", text or "").lstrip("\\")


def _written(note: str) -> tuple[str, str]:
    """The left and right side as written of a definition's note (``b = 5 (example value, line
    3)``)."""
    formula = note.rsplit(" (", 1)[0]
    left, _, right = formula.partition("=")
    return _plain(left), _plain(right)


def _runs(text: str, name: str) -> list[list[str]]:
    """The right sides of ``name = …`` formulas on ``text``, grouped in runs joined only by
    joining words (:data:`JOINING`)."""
    runs: list[list[str]] = []
    previous_end = None
    for found in _VALUED.finditer(text):
        if _plain(found.group(1)) != name:
            previous_end = None  # a formula of another name ends the run
            continue
        if previous_end is not None and JOINING.match(text[previous_end:found.start()]):
            runs[-1].append(_plain(found.group(2)))
        else:
            runs.append([_plain(found.group(2))])
        previous_end = found.end()
    return runs


def alternative_values(lines: Sequence[str], definitions, line: int, order: int | None) -> tuple:
    """The names whose example value in force at ``line`` (reading order ``order``) was given
    with other values of the same name in one run of alternatives (see the module), each with
    its values in the order given and the line they are given on: ((name, (value, …), line),
    …) — the cases a claim there is made in. Names given one value, or defined, are not
    listed."""
    latest: dict = {}
    in_force: dict = {}
    for definition in definitions:
        if definition.key[0] != "symbol" or not definition.start <= line <= definition.end:
            continue
        if definition.start == line and order is not None and definition.order > order:
            continue
        current = latest.get(definition.key)
        if current is None or (definition.start, definition.order) >= (current.start,
                                                                       current.order):
            latest[definition.key] = definition
        in_force.setdefault(definition.key, []).append(definition)
    cases = []
    for key, last in latest.items():
        if getattr(last.role, "value", "") != "example" or not 0 < last.start <= len(lines):
            continue
        same_line = [d for d in in_force[key] if d.start == last.start
                     and getattr(d.role, "value", "") == "example"]
        if len(same_line) < 2:
            continue
        name, last_value = _written(last.note)
        values = {_written(d.note)[1]: d.value for d in same_line}
        runs = [run for run in _runs(lines[last.start - 1], name) if last_value in run]
        if not runs or len(runs[-1]) < 2 or any(value not in values for value in runs[-1]):
            continue
        given: list = []
        for written in runs[-1]:
            if all(str(values[written]) != str(value) for value in given):
                given.append(values[written])
        if len(given) >= 2:
            cases.append((str(key[1]), tuple(given), last.start))
    return tuple(cases)
