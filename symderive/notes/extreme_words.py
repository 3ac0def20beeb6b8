r"""A value said to be an extreme (round 44 V07): ``- Maximum derivative: $$\sigma'(z) =
0.25$$ (sigmoid)``.

Words such as *maximum*, *minimum*, *peak*, *at most*, *최대*, *최솟값* just before a formula
``f(z) = c`` — a function of a letter equal to a number — say that c is the largest (or
smallest) value f takes, not that f(z) = c for every z. Checking that would need the extreme
certified, which this reader does not do: the formula is not checked (a reason says why). A
formula at a point (``\sigma'(0) = 0.25``) is an ordinary claim and is checked.
"""

from __future__ import annotations

import re

from symderive.notes.roles import NUMBER

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
    if relations != ("=",) or not NUMBER.match(elements[1].strip().rstrip(".,")):
        return ""
    if not APPLIED_TO_LETTER.search(elements[0]) or OPTIMUM.search(elements[0]):
        return ""  # \max_z \sigma'(z) = 0.25 says it itself: checked as written
    word = extreme_word(lead)
    if not word:
        return ""
    return (f"the words before it ('{word}') say {elements[1].strip()} is an extreme value of "
            f"{elements[0].strip()}, not its value at every point: the extreme is not "
            "certified here, so it is not checked")
