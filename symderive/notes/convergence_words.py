r"""A claim said to hold where its integral, sum or limit converges (review round 10b, H3).

*For every real $a$, whenever the integral converges, $$\int_0^1 x^a\,dx = \frac{1}{a+1}.$$*
The sampler finds a = -3, where the integral as written is +∞ and the right side finite
(:mod:`symderive.check.undefined_points`): a true disagreement of the sides as written, but at a
point the note excludes in words. Such a refutation is *undecided*, quoting the words, when the
sentence that leads into the display or the one after it restricts the claim to where something
converges, exists or is finite (*whenever the integral converges*, *provided the series
converges*, *for $a$ such that the integral exists*, *수렴하는 경우*, *수렴할 때*, *존재하면*). A
refutation at a point where both sides are finite stands: the words exclude divergence only.
"""

from __future__ import annotations

import re

from symderive.notes.bare_intervals import after_sentence, lead_sentence

CONVERGES = re.compile(
    r"\b(?:converges?|convergent|exists?|is\s+finite|are\s+finite|is\s+defined|are\s+defined|"
    r"is\s+well[- ]defined|makes\s+sense|diverges?|divergent)\b"
    # Korean: the conditional ending is part of the word (수렴하는 경우, 수렴할 때, 존재하면)
    r"|수렴(?:하는\s*(?:경우|한|곳)|할\s*때|하면|한다면)|존재(?:하는\s*(?:경우|한)|할\s*때|하면|한다면)"
    r"|발산하지\s*않(?:는\s*(?:경우|한)|으면)",
    re.I)
RESTRICTING = re.compile(
    r"\b(?:whenever|wherever|where|when|if|provided|as\s+long\s+as|such\s+that|for\s+which|"
    r"so\s+long\s+as|assuming|unless|except)\b", re.I)
INFINITE = re.compile(r"(?<![\w.])-?oo\b|∞")


def convergence_restriction(lead: str, lines, line: int, latex: str, counterexample) -> str:
    """Why a refutation at a point where a side is infinite is withheld, or ""."""
    if counterexample is None or not any(
            INFINITE.search(str(side)) for side in (counterexample.lhs_value, counterexample.rhs_value)):
        return ""
    for where, words in (("before", lead_sentence(lead)),
                         ("after", after_sentence(lines, line, latex))):
        found = CONVERGES.search(words)
        if found and (not found.group(0).isascii() or RESTRICTING.search(words[:found.start()])):
            return (f"the note restricts the claim to where it converges ({where} the display: "
                    f"'{' '.join(words.split())[:80]}'), and the counterexample is a point where "
                    "a side as written is infinite")
    return ""
