r"""Names that have a formula in an earlier section, used where that formula is out of scope.

A definition holds to the end of its section (:mod:`symderive.notes.sections`), so in the next
section its name reads as a free number. For an identity in that number this is harmless: what
holds for every value holds for the earlier formula's value too. It is not harmless where the
claim differentiates (integrates, takes a limit) in a variable the earlier formula depends on —
``J = L + \frac{\lambda}{2}w^2``, L the logistic loss of the previous section, makes ∂J/∂w = λw
"proved" and the true (ŷ − y)x + λw "refuted" — nor, where the words refer back to the earlier
section, for a counterexample that gives the name a free value. Such a verdict is withheld:
undecided, naming the earlier formula (review round 12a F15, F16).

And a formula in the next section that restates a name of an earlier one, after words that
refer back (*From the previous section, $y = 3x$*, *Recall that*, 앞 절에서), is a claim about
that name, not a silent new definition (:data:`REFERS_BACK`).
"""

from __future__ import annotations

import re

import sympy as sp

from symderive.notes.names import plain_name
from symderive.notes.roles import Role

# words that refer back to an earlier part of the note
REFERS_BACK = re.compile(
    r"\b(?:previous|preceding|earlier|last|prior|above|first)\s+(?:section|chapter|part|"
    r"subsection|paragraph|example|page)s?\b|\bfrom\s+(?:above|before|earlier)\b|\brecall\b"
    r"|\bas\s+(?:before|above|earlier|established|shown|derived|defined|computed|seen)\b"
    r"|\bwe\s+(?:have\s+)?(?:saw|seen|found|showed|shown|derived|defined|computed)\b"
    r"|\b(?:in|from)\s+(?:section|chapter|§)\s*\d"
    r"|앞\s*(?:절|장|섹션|단원|부분)|이전\s*(?:절|장|섹션|단원)|앞에서|위에서|상기",
    re.I,
)
_CALCULUS = re.compile(r"\\partial|\\frac\s*\{\s*d|\\nabla|\\int|\\lim|\\mathrm\s*\{\s*d\s*\}"
                       r"|\\dot|'|\\prime|\\sum|\\prod")
_VARIABLE = r"(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)"
_WRT = re.compile(r"(?:\\partial|\\mathrm\s*\{\s*d\s*\}|(?<![A-Za-z\\])d)\s*\{?\s*" + _VARIABLE
                  + r"|\\nabla_\s*\{?\s*" + _VARIABLE)


def _earlier(context, line: int, view) -> dict:
    """name → the latest definition by a formula of that name made before ``line`` and no
    longer in force there."""
    found: dict = {}
    for definition in context.definitions:
        if definition.key[0] != "symbol" or definition.role is not Role.DEFINITION:
            continue
        if definition.start >= line or definition.end >= line:
            continue
        found[str(definition.key[1])] = definition
    in_force = {str(key[1]) for key in (view.notes if view else {})}
    return {name: d for name, d in found.items() if name not in in_force}


def _depends(context, name: str, line: int) -> set:
    """The names the earlier formulas of ``name`` are written in, followed through the earlier
    formulas of those names (ŷ = σ(z), z = wx + b: ŷ depends on z, w, x, b)."""
    formulas: dict = {}
    for definition in context.definitions:
        if definition.key[0] == "symbol" and definition.start < line:
            names = {str(s) for s in getattr(definition.value, "free_symbols", ())}
            formulas.setdefault(str(definition.key[1]), set()).update(names)
    seen, todo = set(), [name]
    while todo:
        for other in formulas.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def earlier_formula_doubt(context, line: int, view, expressions, written: str, verdict: str,
                          values=(), lead: str = "") -> str:
    """Why a verdict on a step is withheld: it (or a definition it used: ``expressions``) uses
    a name whose formula (in an earlier
    section) depends on a variable the step differentiates in, or — after words that refer
    back to it (``lead``) — its counterexample gives that name a free value; "" when neither."""
    expressions = [e for e in expressions if isinstance(e, sp.Basic)]
    names = {str(s) for e in expressions for s in e.free_symbols}
    earlier = {n: d for n, d in _earlier(context, line, view).items() if n in names}
    if not earlier:
        return ""
    # a counterexample's free value of the name is no value of the earlier formula when the
    # words refer back to it (otherwise the letter may well be a new, free quantity)
    refers_back = REFERS_BACK.search(re.sub(r"\$[^$]*\$", " ", lead or ""))
    counter = {plain_name(str(name)) for name, _ in values or ()} if refers_back else set()
    calculus = bool(_CALCULUS.search(written)) or any(
        e.has(sp.Derivative, sp.Integral, sp.Limit, sp.Sum) for e in expressions)
    varied = {plain_name(match.group(1) or match.group(2)) for match in _WRT.finditer(written)}
    for e in expressions:
        for atom in e.atoms(sp.Derivative, sp.Integral, sp.Sum):
            varied |= {plain_name(str(v)) for v in atom.variables}
    for name, definition in sorted(earlier.items()):
        depends = {plain_name(n) for n in _depends(context, name, line)}
        moving = sorted(depends & varied) if calculus else []
        unseen = calculus and not varied and depends & {plain_name(n) for n in names}
        valued = verdict == "refuted" and plain_name(name) in counter
        if not (moving or unseen or valued):
            continue
        why = (f"depends on {', '.join(moving)}, which this step varies" if moving else
               "depends on names this step varies" if unseen else
               "is not the free number the counterexample takes it for")
        return (f"{name} has a formula in an earlier section ({definition.note}) that {why}; "
                "here that definition is out of scope, and reading the name as a free constant "
                "would decide another claim: not decided (restate the definition in this "
                "section, or say 'Throughout this note')")
    return ""


def restated(reading, chain, lead: str, earlier: dict, section: int):
    """``reading`` of a chain's first step, or a claim when it gives a name of an earlier
    section (``earlier``: name → (its right sides as written, without spaces; the line and
    section start of the latest)) another formula
    after words that refer back to it (*From the previous section, $y = 3x$*): the note restates
    that name, so a different formula is a claim about it, not a new definition."""
    if (reading.role is not Role.DEFINITION or not reading.name or len(chain.elements) < 2
            or reading.arguments is not None):  # f(u, v) = … may be another function's rule
        return reading
    before = earlier.get(reading.name)
    if before is None or before[2] == section:
        return reading
    words = re.sub(r"\$[^$]*\$", " ", lead or "")
    if not REFERS_BACK.search(words) or "".join(chain.elements[1].split()) in before[0]:
        return reading  # no reference back, or an earlier formula restated: it defines again
    return type(reading)(Role.CLAIM, reading.name, reading.arguments,
                         f"{reading.name} is defined at line {before[1]} (an earlier section) and "
                         "the prose refers back to it: another formula is a claim, not a new "
                         "definition")
