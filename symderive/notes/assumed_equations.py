"""Words that make an inline functional equation a hypothesis, not a claim (round 8c, X12;
round 10, H1).

``Assume $k(x + 1) = k(x)$ for every $x$.``, ``Let $g$ satisfy $g(-x) = -g(x)$.``: the note
states a property of the function; :func:`symderive.notes.roles.classify_first_step` makes such
an equation a condition (never a claim to refute), and
:mod:`symderive.notes.function_words` makes its letter a function with that property.

A **functional equation** is an equation in which one letter is applied on both sides, its
derivatives included (``u'(x) = u(x)``, ``w(x + 1) = w(x)``, ``f(-x) = f(x)``,
``y''(t) = -y(t)``): :func:`applied_letters`. Right after words that state it as what is
known of a letter not defined in its section — *with, obeying, satisfying, solving, where, such
that, given (that), we (only) know (that)*, or after it Korean *를 만족하는*, *이라 하자* — it is
a hypothesis (round 10, H1): ``Let $u$ be a function with $u'(x) = u(x)$ for all $x$.``,
``For a differentiable $y$ obeying $y'(t) = -y(t)$``, ``We only know that $w(x + 1) = w(x)$``.
"""

from __future__ import annotations

import re

from symderive.notes.function_clauses import LETTER

# the words just before an inline functional equation that make it a hypothesis: "Assume",
# "Suppose that", "Let $g$ satisfy", "a function satisfying", "we assume moreover that" (never a
# claim to refute); "H satisfies", "f obeys" state a fact: a claim
HYPOTHESIS_LEAD = re.compile(
    r"\b(?:assum(?:e|es|ed|ing)|suppos(?:e|es|ed|ing)|let|given|satisf(?:y|ying)|obeying|"
    r"such\s+that)(?:\s+(?:also|moreover|further|furthermore|now|that|the\s+(?:identity|equation|"
    r"relation)|\s))*\s*[:,]?\s*$", re.I)


# the other words that state a functional equation as known of a letter not defined in its
# section (a defined letter: "u is a function with u'(x) = u(x)" is then a fact to check)
FUNCTIONAL_HYPOTHESIS_LEAD = re.compile(
    r"(?:\b(?:with|obeying|obeys|satisfying|satisfies|solving|solves|where|wherein|whereby"
    r"|such\s+that|given(?:\s+that)?|knowing(?:\s+that)?|(?:we|one)\s+(?:only\s+|just\s+|also\s+)?"
    r"know(?:\s+(?:only|just))?(?:\s+that)?|(?:it\s+is|is)\s+known\s+that|subject\s+to"
    r"|(?:that|which)\s+(?:satisfies|obeys|solves))\s*[:,]?\s*$)|(?:만족하는|만족시키는|조건)\s*$", re.I)
FUNCTIONAL_HYPOTHESIS_TRAIL = re.compile(
    r"^\s*(?:(?:을|를|이|가)?\s*(?:만족하는|만족시키는|만족한다(?:고)?)"
    r"|(?:이)?라(?:고)?\s*(?:하자|가정)|(?:임|이)을\s*가정)")

NAME = LETTER  # one letter, Latin or Greek
# derivative marks between a letter and its argument: u'(x), y''(t), u^{\prime}(x), f^{(3)}(x)
MARKS = r"(?:\s*(?:'|\^\s*\{\s*(?:\\prime\s*)+\}|\^\s*\\prime|\^\s*\{\s*\(\s*\d+\s*\)\s*\}))*"
_APPLIED = re.compile(rf"(?P<name>{NAME}){MARKS}\s*\((?:[^()$]|\([^()$]*\))*\)")
_INEQUALITY = re.compile(r"[<>]|\\(?:le|ge|ne|neq|leq|geq|lt|gt)(?![A-Za-z])")


INFORMATION = {"H", "I", "D", "E", "P"}  # applied to laws or random variables (capitals)


def applied_letters(math: str) -> list[str]:
    """The letters applied (or differentiated and applied) on both sides of a one-``=``
    equation, as written (``\\phi``): ``u'(x) = u(x)`` → ``['u']``, ``w(x + 1) = w(x)`` →
    ``['w']``; none for a definition ``f(x) = x^2`` or an inequality."""
    if math.count("=") != 1 or _INEQUALITY.search(math):
        return []
    left, right = math.split("=")
    found: list[str] = []
    for match in _APPLIED.finditer(left):
        name = match.group("name")
        if name in INFORMATION and re.search(r"\(\s*[A-Z]", match.group(0)):
            continue  # H(P, Q), I(X; Y), D(P ‖ Q): the information vocabulary, not a letter
        if name not in found and re.search(
                rf"(?<![A-Za-z\\_^]){re.escape(name)}{MARKS}\s*\(", right):
            found.append(name)
    return found


def functional_hypothesis(words: str, trail: str = "") -> bool:
    """The words just before an equation (or Korean words just after it) state it as a
    hypothesis: the strong *assume, suppose, let, given, satisfy, obeying, such that* or the
    other words of :data:`FUNCTIONAL_HYPOTHESIS_LEAD` / :data:`FUNCTIONAL_HYPOTHESIS_TRAIL`."""
    return bool(HYPOTHESIS_LEAD.search(words) or FUNCTIONAL_HYPOTHESIS_LEAD.search(words)
                or FUNCTIONAL_HYPOTHESIS_TRAIL.match(trail or ""))


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
