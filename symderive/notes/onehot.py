r"""Vectors the prose calls one-hot, and refutations that must respect it (review round 8a C10).

``The label $\mathbf{y}$ is a one-hot vector.`` / ``let $\mathbf{y}$ be a one-hot vector`` /
``the one-hot label $\mathbf{y}$``: every entry of y is 0 or 1 and exactly one is 1. The
checks put such a vector on the simplex (it sums to 1), which is weaker: a claim true on the
simplex is true for one-hot vectors and is reported "checked on that simplex"; but a claim
true only for one-hot vectors (``\hat y_j - y_j^2``, as y_j^2 = y_j) fails on the simplex, and
a counterexample off the one-hot vectors refutes nothing the note says. So a refutation whose
counterexample gives such a vector's entries is tried again at the same point with the vector
one-hot (y = e_k for each k the point reaches): a one-hot vector where the two sides differ
refutes (reported as the counterexample); when they agree at every one tried, or the point
cannot be evaluated again, the step is undecided, naming the words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction

import sympy as sp

from symderive.grammar.negation import property_denied
from symderive.notes.scope_words import elsewhere_around
from symderive.report import Counterexample, Outcome

_NAME = r"\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([A-Za-z])\s*\}?\s*\$"
_ONEHOT = r"(?:one[- ]hot|원\s*-?\s*핫)"
STATED_ONEHOT = re.compile(
    # $y$ is a one-hot vector; $y$ is one-hot encoded; $y$는 원핫 벡터이다
    rf"{_NAME}\s*(?:is|are|denotes|represents|은|는|이|가)\s+"
    rf"(?:(?:a|an|the|always|assumed|to\s+be|taken\s+to\s+be)\s+)*"
    rf"(?:[^.$\n]{{0,30}}?\s)?{_ONEHOT}"
    # let $y$ be a one-hot vector; suppose $y$ is …
    rf"|\b(?:let|suppose|assume)\s+(?:that\s+)?{_NAME}\s+(?:be|is|denotes?|represents?)\s+"
    rf"(?:a|an|the)?\s*"
    rf"(?:[^.$\n]{{0,30}}?\s)?{_ONEHOT}"
    # the one-hot label $y$, a one-hot vector $y$
    rf"|\b(?:the|a|an|our)\s+{_ONEHOT}\s+(?:encoded\s+)?(?:label|target|vector|encoding)s?\s+"
    rf"(?:vector\s+)?{_NAME}",
    re.I,
)
ONEHOT_WORD = re.compile(_ONEHOT, re.I)
_ENTRY = re.compile(r"^\\?([A-Za-z]+)(?:\[(\d+)\]|_\{?(\d+)\}?)$")
CANDIDATES = 8  # one-hot vectors tried at most
TOLERANCE = sp.Rational(1, 10**20)


def stated_onehot(text: str) -> dict:
    """Vectors the prose calls one-hot: name → (first line, words)."""
    found: dict = {}
    for line, name, words in onehot_statements(text):
        found.setdefault(name, (line, words))
    return found


def onehot_statements(text: str, here: bool = False) -> tuple[tuple[int, str, str], ...]:
    """(line, name, words) for every sentence calling a vector one-hot, in order (where each
    holds: :func:`symderive.notes.scoped.onehot_at`). With ``here``, only the sentences that
    state it where they stand: not *in the next chapter*, *later*, *if … were* (round 11 C13;
    those may still withhold a refutation, never make a claim hold)."""
    found = []
    for match in STATED_ONEHOT.finditer(text):
        name = next(group for group in match.groups() if group)
        if property_denied(text, match, ONEHOT_WORD):
            continue  # "y is not one-hot", "a soft label rather than a one-hot vector"
        if here and elsewhere_around(text, match.start(), match.end()):
            continue
        line = text.count("\n", 0, match.start()) + 1
        found.append((line, name, " ".join(match.group(0).split())))
    return tuple(found)


def _number(text: str):
    try:
        value = Fraction(str(text).strip())
    except (ValueError, ZeroDivisionError):
        return None
    return sp.Rational(value.numerator, value.denominator)


def onehot_refutation(step, outcome: Outcome, onehot: dict, line: int) -> Outcome:
    """``outcome`` when it is no refutation or its counterexample gives no entry of a vector the
    prose (before ``line``) calls one-hot; else a refutation at a one-hot vector, or undecided."""
    example = outcome.counterexample
    if outcome.verdict != "refuted" or example is None or not onehot:
        return outcome
    said = {name: where for name, where in onehot.items() if where[0] <= line}
    values = {str(name): value for name, value in example.values}
    touched = {}
    for name, value in values.items():
        entry = _ENTRY.match(name)
        if entry and entry.group(1) in said:
            touched[name] = (entry.group(1), int(entry.group(2) or entry.group(3)))
    if not touched:
        return outcome
    vector = next(iter(touched.values()))[0]
    where, words = said[vector]
    if all(_number(values[name]) in (0, 1) for name in touched) and sum(
            _number(values[name]) == 1 for name in touched) == 1:
        return outcome  # already one-hot at the entries it names
    found = _at_onehot(step, values, touched, vector)
    base = (f"refuted as read at {', '.join(f'{n} = {values[n]}' for n in touched)}, which is "
            f"not a one-hot vector, but the note says {vector} is one-hot (line {where}: "
            f"'{words[:80]}')")
    if found is None:
        return Outcome("undecided", method=outcome.method, reason=(
            f"{base}, and the step could not be evaluated again with {vector} one-hot: not "
            "refuted"))
    if isinstance(found, Counterexample):
        return replace(outcome, counterexample=found, reason=(
            f"refuted with {vector} one-hot, as the note says (line {where})"))
    return Outcome("undecided", method=outcome.method, reason=(
        f"{base}; with {vector} one-hot ({found}) the two sides agree at that point: not "
        "refuted (a claim may hold for one-hot vectors only)"))


def _at_onehot(step, values: dict, touched: dict, vector: str):
    """A :class:`Counterexample` with ``vector`` one-hot, or the text naming the one-hot
    vectors tried where the sides agree, or None when the point cannot be evaluated."""
    scalars = {}
    others = {}
    for name, value in values.items():
        number = _number(value)
        if number is None:
            return None
        if name in touched:
            continue
        entry = _ENTRY.match(name)
        if entry:
            others[(entry.group(1), int(entry.group(2) or entry.group(3)))] = number
        else:
            scalars[name] = number
    positions = sorted({index for _, index in touched.values()})
    tried = []
    try:
        sides = []
        for side in (step.lhs, step.rhs):
            mapping = {s: scalars[s.name] for s in side.free_symbols
                       if isinstance(s, sp.Symbol) and s.name in scalars}
            sides.append(side.xreplace(mapping).doit())
        reached = set(positions)
        for side in sides:
            reached |= {int(e.indices[0]) for e in side.atoms(sp.Indexed) if str(e.base) == vector
                        and len(e.indices) == 1 and e.indices[0].is_Integer}
        for k in sorted(reached)[:CANDIDATES]:
            results = []
            for side in sides:
                entries = {}
                for e in side.atoms(sp.Indexed):
                    if len(e.indices) != 1 or not e.indices[0].is_Integer:
                        return None  # an entry the point does not pin down
                    index = int(e.indices[0])
                    if str(e.base) == vector:
                        entries[e] = sp.Integer(int(index == k))
                    elif (str(e.base), index) in others:
                        entries[e] = others[(str(e.base), index)]
                    else:
                        return None
                for s in side.free_symbols:
                    if isinstance(s, sp.Symbol):
                        entry = _ENTRY.match(s.name)
                        if entry and entry.group(1) == vector:
                            entries[s] = sp.Integer(int(int(entry.group(2) or entry.group(3)) == k))
                value = side.xreplace(entries).doit()
                if value.free_symbols or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
                    return None
                results.append(value)
            difference = sp.N(results[0] - results[1], 40)
            if not difference.is_number or difference.has(sp.I):
                return None
            if abs(difference) > TOLERANCE:
                kept = [(n, v) for n, v in values.items() if n not in touched]
                ones = [(f"{vector}[{i}]", str(int(i == k))) for i in sorted(reached)]
                return Counterexample(tuple(kept + ones), str(sp.N(results[0], 15)),
                                      str(sp.N(results[1], 15)))
            tried.append(f"{vector} = e_{k}")
    except Exception:  # noqa: BLE001 - a point SymPy cannot evaluate again: not refuted
        return None
    return ", ".join(tried) if tried else None


def simplex_refutation(outcome: Outcome, simplex: dict) -> Outcome:
    """``outcome`` unless it refutes at a point where a vector the prose calls a probability
    (or one-hot) vector has entries that are not a law: nonnegative and summing to 1 over all
    of its entries (round 11a F26: H(p) ≤ log K refuted at K = 1, p_1 = 1/2). Such a point is
    no counterexample to what the note says: undecided."""
    example = outcome.counterexample
    if outcome.verdict != "refuted" or example is None or not simplex:
        return outcome
    values = {str(name): value for name, value in example.values}
    entries: dict = {}
    for name, value in values.items():
        entry = _ENTRY.match(name)
        if entry and entry.group(1) in simplex:
            entries.setdefault(entry.group(1), {})[int(entry.group(2) or entry.group(3))] = (
                _number(value))
    for vector, found in entries.items():
        numbers = list(found.values())
        covered = sorted(found) == list(range(1, len(found) + 1))
        if covered and all(v is not None and v >= 0 for v in numbers) and sum(numbers) == 1:
            continue  # a probability vector at the point (all its entries are named)
        return Outcome("undecided", method=outcome.method, reason=(
            f"refuted as read at a point where {vector} is not a probability vector "
            f"({', '.join(f'{vector}[{k}] = {v}' for k, v in sorted(found.items()))}), but the "
            f"note calls {vector} one (line {simplex[vector]}): not refuted"))
    return outcome
