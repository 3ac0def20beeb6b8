r"""A value said to be an extreme (round 44 V07): ``- Maximum derivative: $$\sigma'(z) =
0.25$$ (sigmoid)``.

Words such as *maximum*, *minimum*, *peak*, *at most*, *최대*, *최솟값* just before a formula
``f(z) = c`` — a function of a letter equal to a number — say that c is the largest (or
smallest) value f takes, not that f(z) = c for every z. Checking that would need the extreme
certified, which this reader does not do: the formula is not checked (a reason says why). A
formula at a point (``\sigma'(0) = 0.25``) is an ordinary claim and is checked.

The value may be any closed constant, not only a decimal: ``\frac{1}{4}``, ``1/4``, ``\pi``,
``\sqrt{2}`` (round 46 Z01). Written as a chain, ``\sigma'(z) = \sigma'(0) = 0.25``, the
first step — the function of a letter equal to the function at a point — says the same (the
extreme is taken at 0): that step is not checked; the value at the point still is (round 46
Z02).
"""

from __future__ import annotations

import re

from symderive.notes.roles import is_value

EXTREME = re.compile(
    r"\b(?:maxim(?:um|a|al)|minim(?:um|a|al)|max|min|peak|largest|smallest|greatest|least"
    r"|highest|lowest|supremum|infimum|at\s+most|at\s+least|upper\s+bound|lower\s+bound)\b"
    r"|최대|최소|최댓값|최솟값|최고",
    re.I,
)
# f(z), \sigma'(z), g(x, y): a function applied to arguments with a letter in them
APPLIED_TO_LETTER = re.compile(r"\((?=[^()]*[A-Za-z])[^()]*\)")
# the extreme written in the formula: \max_z, \min, \sup, \inf, \operatorname{argmax} …
OPTIMUM = re.compile(r"\\(?:max|min|sup|inf|arg\s*max|arg\s*min)(?![A-Za-z])|\b(?:arg)?(?:max|min)\b")
CLAUSE_END = re.compile(r"[.!?。;]\s")


def extreme_word(lead: str) -> str:
    """The extreme word in the words of the formula's own clause just before it (formulas
    blanked), or ''."""
    words = re.sub(r"\$[^$]*\$", " ", lead or "").rpartition("$")[2]
    clause = CLAUSE_END.split(words)[-1]
    found = list(EXTREME.finditer(clause))
    return found[-1].group() if found else ""


def extreme_value(elements: tuple[str, ...], relations: tuple[str, ...], lead: str) -> str:
    """Why ``f(z) = c`` after *Maximum …:* is no identity to check, or '' when it is not
    that (one '=', a number on the right, a function of a letter on the left)."""
    if relations != ("=",) or not is_value(elements[1].strip().rstrip(".,")):
        return ""  # any constant: 0.25, \frac{1}{4}, 1/4, \pi (round 46 Z01)
    word = _extreme_of_function(elements[0], lead)
    if not word:
        return ""
    return (f"the words before it ('{word}') say {elements[1].strip()} is an extreme value of "
            f"{elements[0].strip()}, not its value at every point: the extreme is not "
            "certified here, so it is not checked")


def _extreme_of_function(left: str, lead: str) -> str:
    """The extreme word before ``left`` when ``left`` is a function of a letter with no
    optimum written in it, or ''."""
    if not APPLIED_TO_LETTER.search(left) or OPTIMUM.search(left):
        return ""  # \max_z \sigma'(z) = 0.25 says it itself: checked as written
    return extreme_word(lead)


# f(0), \sigma'(0), g(1, 2): the function applied to constants only
APPLIED = re.compile(r"^(?P<head>[^()]+)\((?P<arguments>[^()]*)\)$")


def _head_at_point(left: str, right: str) -> bool:
    """Whether ``right`` is the function of ``left`` at constant arguments: f(z) and f(0)."""
    squeezed = [re.sub(r"\s+|\\left|\\right", "", side).rstrip(".,") for side in (left, right)]
    found = [APPLIED.match(side) for side in squeezed]
    if not all(found) or found[0]["head"] != found[1]["head"]:
        return False
    return all(is_value(argument) for argument in found[1]["arguments"].split(",")) and bool(
        re.search(r"[A-Za-z]", found[0]["arguments"]))


def extreme_at_point(elements: tuple[str, ...], relations: tuple[str, ...], lead: str) -> str:
    """Why the first step of ``f(z) = f(0) = c`` after *Maximum …:* is not checked (the
    extreme of f is taken at 0: round 46 Z02), or ''."""
    if len(elements) < 3 or relations[0] != "=" or not _head_at_point(elements[0], elements[1]):
        return ""
    word = _extreme_of_function(elements[0], lead)
    if not word:
        return ""
    return (f"the words before it ('{word}') say {elements[1].strip()} is the extreme value of "
            f"{elements[0].strip()} (taken at that point), not its value at every point: the "
            "extreme is not certified here, so this step is not checked")
