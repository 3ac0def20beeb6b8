"""An inequality between an expression and a number: a bound the note claims, or a condition
(round 11a F12).

``\\sin x + \\cos x \\le 1.414`` and ``x^2 - x \\ge -0.2`` are bounds: claims for every value,
as ``e^x \\ge 1 + x`` is — a true one is *checked*, so a false one must be refutable. An
inequality to solve or a condition (``x^2 - 3x + 2 \\le 0``, ``|x - 2| < 1``) holds on a region
only. The reader tells them apart by where the inequality holds: at most of a fixed spread of
points (two thirds of those where both sides are real numbers) it is a bound; otherwise it
stays an inequality in unknowns (skipped, as ``expression = number`` is). Only elementary
functions of plain letters are judged so (no expectation, unknown function, sum or entry: a
bound on ``Var(s)`` may be about an s defined in the prose). This only says
whether the note claims it; the verdict is still the checker's certified, reproduced one.

Where it holds is not enough (round 13 F1): ``x^2 \\le 90`` holds at most points of the spread,
yet *Let $x$ be a number with $x^2 \\le 90$* claims nothing. The words must claim it
(:func:`unclaimed`): a display after a finished sentence (or a heading), a formula that is its
own sentence, or words of derivation or assertion (*then, so, hence, therefore, we have, note
that, clearly, for every, always*, 따라서, 즉, 항상 …; *$…$ holds*, *$…$ for every $x$*, 이 성립한다
after it). Anything else — a constraint, a region, a hypothesis, words that say neither — leaves
it a condition: a missed claim is skipped, never a hypothesis refuted.
"""

from __future__ import annotations

import random
import re

import sympy as sp

from symderive.expectation import E, Var
from symderive.notes.lifted import GENERAL_WORDS, RESTRICTED
from symderive.notes.roles import (
    CLAIMING, CONCLUDING, DISPLAY_ONLY, FORMULA_ONLY, inequality_hypothesis, sentence_words)

ORDER = ("<", "<=", ">", ">=")
POINTS = 32  # points of the spread, each symbol uniform in [-SPREAD, SPREAD]
SPREAD = 10
MOSTLY = sp.Rational(2, 3)  # the share of real points where a bound holds
FEWEST_REAL = 12  # fewer real points: nothing is said (it stays a condition)


def bound_claimed(lhs: sp.Basic, rhs: sp.Basic, relation: str) -> bool:
    """Whether ``lhs relation rhs`` holds at most points of the spread (see the module)."""
    if relation not in ORDER or not all(isinstance(side, sp.Expr) for side in (lhs, rhs)):
        return False
    if any(isinstance(side, sp.MatrixExpr) for side in (lhs, rhs)):
        return False  # c(x) ≤ 0 read as c times a bold x: no difference with 0 (round 57 AR01)
    symbols = sorted((lhs - rhs).free_symbols, key=str)
    if not symbols or (lhs - rhs).has(sp.Sum, sp.Product, sp.Integral, sp.Indexed,
                                      sp.Derivative, sp.MatrixExpr, E, Var) or (
            (lhs - rhs).atoms(sp.core.function.AppliedUndef)):  # elementary functions only
        return False
    rng = random.Random(0)
    real = held = 0
    for _ in range(POINTS):
        point = {s: sp.Rational(rng.randint(-SPREAD * 8, SPREAD * 8), 8) for s in symbols}
        try:
            left = complex(sp.N(lhs.xreplace(point), 15))
            right = complex(sp.N(rhs.xreplace(point), 15))
        except (TypeError, ValueError, ZeroDivisionError, OverflowError):
            continue
        if left.imag or right.imag:
            continue
        real += 1
        held += _holds(left.real, right.real, relation)
    return real >= FEWEST_REAL and held >= MOSTLY * real


def _holds(left: float, right: float, relation: str) -> bool:
    return {"<": left < right, "<=": left <= right, ">": left > right,
            ">=": left >= right}[relation]


# words that assert the formula they lead into (beside the words of derivation, roles.CLAIMING)
ASSERTING = re.compile(
    r"\b(?:note|notice|observe|recall|remember|verify|check|prove|show)\s+(?:again\s+)?that\b"
    r"|\b(?:clearly|obviously|of\s+course|indeed|in\s+fact|trivially|evidently|certainly"
    r"|(?:it\s+is\s+)?(?:well[\s-]+)?known\s+that|it\s+is\s+(?:true|clear|easy\s+to\s+see)\s+that"
    r"|we\s+(?:know|recall|note|prove|show|check|verify)(?:\s+that)?|one\s+(?:has|checks|verifies))\b"
    r"|분명히|명백히|당연히|알려져",
    re.I,
)
# after an inline formula: it holds (for every value), 이 성립한다, 이다
HOLDS_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:which|this|that)\s+)?(?:(?:always|still|also)\s+)?(?:holds?|is\s+(?:true|"
    r"valid|satisfied)|are\s+(?:true|valid))\b|^\s*(?:이|가)?\s*(?:항상\s*)?성립|^\s*(?:이다|입니다)",
    re.I,
)
# a display whose lead ends its sentence, or is a heading, a LaTeX command line or another formula
ENDED = re.compile(r"(?:[.!?。]|다\.?)\s*$|^\s*#|^\s*\\[A-Za-z]+\*?(?:\[[^]]*\])?\{[^{}]*\}\s*$")


def unclaimed(lead: str, trail: str = "", display: bool = False) -> str:
    """Why the words around an inequality that holds at most points do not claim it as a bound
    (see the module): the words of a hypothesis or a constraint
    (:func:`symderive.notes.roles.inequality_hypothesis`), or the words that do not claim it;
    '' when they claim it. ``lead``: the words before the formula (its line, or the line before
    a display); ``trail``: those after an inline formula up to its sentence's end."""
    if stated := inequality_hypothesis(lead, trail):
        return f"the words state it as a hypothesis or a constraint ('{stated}')"
    lead = lead or ""
    words = sentence_words(lead)
    after = re.sub(r"\$[^$]*\$", " ", trail or "")
    if display and (not lead.strip() or ENDED.search(lead) or DISPLAY_ONLY.match(lead)
                    or FORMULA_ONLY.match(lead)):
        return ""  # a display of its own: the note states it
    if not display and not re.search(r"[^\W\d_]", words + after):
        return ""  # a formula that is its own sentence
    if CLAIMING.search(words) or CONCLUDING.match(words) or ASSERTING.search(words) or (
            GENERAL_WORDS.search(words)):
        return ""
    if not display and (GENERAL_WORDS.search(after) or HOLDS_AFTER.match(after)) and not (
            RESTRICTED.search(after)):
        return ""
    quoted = " ".join((words + (" $…$" + after if after.strip() else "")).split())[-70:]
    return f"no words claim it for every value ('{quoted}')"
