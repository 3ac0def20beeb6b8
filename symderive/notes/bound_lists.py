r"""Several bounds stated in one sentence, or a bound stated after its letter (review rounds 9a
L6, 9b L3, L9): ``Let $x > 0$ and $y > 0$.``, ``Assume $x > 0$, $y < 1$ and $z \ne 0$.``,
``For all integers $m, n \ge 1$,``, ``For $x > 0$ and $y > 0$,``, ``For every real $x$ with
$0 < x < 1$,``, ``For all $x$ such that $x \ge -1$,``, ``For every $t$ in $(0, 1)$,``.

Each formula is read by :func:`symderive.notes.inequalities.bound_of` (one name, numeric
bounds); ``m, n \ge 1`` is the bound ``m \ge 1`` and the bound ``n \ge 1``. The sentence is read
only when *every* formula in it is such a bound, no name is bounded twice, and — after
*integers* / *natural numbers* — every bound makes the names positive integers (``n \ge 1``,
``n > 0``: the kind *size*); anything else is not read, and a refutation about its names stays
undecided (:func:`symderive.notes.inequalities.unread_bound`). A statement (*Let*, *Assume*,
*Suppose*) holds to the end of its section; a hypothesis (*For …*) for the display its sentence
runs into and after it (:class:`symderive.notes.stated.StatedDomains`).
"""

from __future__ import annotations

import re

import sympy as sp

from symderive.model import Domain
from symderive.notes.inequalities import _LEAD, _LET, _NAME, Bound, bound_of
from symderive.notes.stated import ONLY_CLAIM

_MATH = r"\$[^$]{1,80}\$"
_MATHS = rf"(?P<maths>{_MATH}(?:\s*(?:,\s*(?:and\s+)?|and\s+){_MATH})*)"
_QUANTIFIER = r"for\s+(?:(?:every|all|each|any)\s+)?"
_INTEGERS = r"(?:positive\s+)?integers?|natural\s+numbers?|natural"
_WORDS = rf"(?:(?P<words>real\s+numbers?|reals?|real|numbers?|{_INTEGERS})\s+)?"
_END = r"\s*[.;:]?\s*$"

# Let $x > 0$ and $y > 0$.  Assume $x > 0$, $y < 1$.  Let $x, y > 0$.
STATEMENT = re.compile(rf"^{_LEAD}{_LET}\s+{_MATHS}{_END}", re.I)
# For all integers $m, n \ge 1$,   For $x > 0$ and $y > 0$,   For every real $x$, $y > 0$:
HYPOTHESIS = re.compile(rf"^{_QUANTIFIER}{_WORDS}{_MATHS}\s*[,:]?", re.I)
# For every real $x$ with $0 < x < 1$,  For all $x$ such that $x \ge -1$,  For each $t$ in $(0, 1)$,
NAMED = re.compile(
    rf"^{_QUANTIFIER}{_WORDS}\$\s*(?P<named>{_NAME}(?:\s*,\s*{_NAME})*)\s*\$\s+"
    rf"(?:(?P<link>with|such\s+that|satisfying|where|in)\s+){_MATHS}\s*[,:]?", re.I)
# m, n \ge 1: one bound for each name of the list
SEVERAL = re.compile(rf"^\s*(?P<names>{_NAME}(?:\s*,\s*{_NAME})+)\s*"
                     r"(?P<rest>(?:>|<|\\g|\\l|≥|≤).*)$")


def formula_bounds(math: str) -> list[Bound]:
    """The bounds of one formula: ``x > 0``, or one bound for each of several names (``m, n
    \\ge 1``); [] when it is not one."""
    bound = bound_of(math)
    if bound is not None:
        return [bound]
    several = SEVERAL.match(" ".join(math.split()))
    if several is None:
        return []
    bounds = [bound_of(name.strip() + " " + several.group("rest"))
              for name in several.group("names").split(",")]
    return bounds if all(bounds) else []


def listed_bounds(clause: str) -> tuple[list[Bound], bool] | None:
    """The bounds of a sentence stating several (or one after its letter), and whether it is a
    hypothesis (a *For …* clause followed by the claim or nothing), or None: not read."""
    clause = clause.strip()
    match = STATEMENT.match(clause)
    if match:
        bounds = _bounds(match.group("maths"), None)
        return (bounds, False) if bounds and len(bounds) > 1 else None
    match = NAMED.match(clause)
    if match and ONLY_CLAIM.match(clause[match.end():]):
        named = {n.strip() for n in match.group("named").split(",")}
        maths = match.group("maths")
        if (match.group("link") or "").lower() == "in":  # every $t$ in $(0, 1)$: t \in (0, 1)
            sets = re.findall(r"\$([^$]+)\$", maths)
            if len(sets) != 1 or len(named) != 1:
                return None
            maths = f"${next(iter(named))} \\in {sets[0]}$"
        bounds = _bounds(maths, match.group("words"))
        if not bounds or {bound.name for bound in bounds} != named:
            return None  # the bound must speak of exactly the letters the sentence names
        return bounds, True
    match = HYPOTHESIS.match(clause)
    if match and ONLY_CLAIM.match(clause[match.end():]):
        bounds = _bounds(match.group("maths"), match.group("words"))
        # one plain bound is read by symderive.notes.inequalities already (unless after words)
        return (bounds, True) if bounds and (len(bounds) > 1 or match.group("words")) else None
    return None


def _bounds(maths: str, words: str | None) -> list[Bound] | None:
    """Every formula of ``maths`` as bounds (a list ``m, n \\ge 1`` as one per name), or None
    when one is not a bound, a name is bounded twice, or the words make them integers and a
    bound is not 'positive'."""
    found: list[Bound] = []
    for math in re.findall(r"\$([^$]+)\$", maths):
        bounds = formula_bounds(math)
        if not bounds:
            return None
        found.extend(bounds)
    if len({bound.name for bound in found}) != len(found):
        return None
    if words and re.fullmatch(_INTEGERS, " ".join(words.split()), re.I):
        if not all(_positive(bound.domain) for bound in found):
            return None  # an integer with another bound: not read
        found = [Bound(bound.name, Domain("size"), bound.latex) for bound in found]
    elif words and not re.fullmatch(r"real\s+numbers?|reals?|real|numbers?", words.strip(), re.I):
        return None
    return found


def _positive(domain: Domain) -> bool:
    """Whether the integers of ``domain`` are exactly 1, 2, 3, …: ``n > 0``, ``n \\ge 1``,
    ``n > 1/2`` (not ``n \\ge 2``, nor a bound from above)."""
    if domain.kind == "positive":
        return True
    if domain.kind != "interval" or domain.high is not None or domain.low is None:
        return False
    low = sp.Rational(domain.low)
    smallest = sp.ceiling(low) if domain.ends[0] == "[" else sp.floor(low) + 1
    return smallest == 1
