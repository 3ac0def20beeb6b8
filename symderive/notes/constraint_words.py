r"""Words that name an inequality a constraint, a region or an assumption (round 13 F1).

``The constraint $x^2 + y^2 \le 150$ defines a disc.``, ``We restrict ourselves to $x + y \le
15$.``, ``$x^2 \le 90$ 인 점만 생각한다.``, ``제약 조건 $x + y \le 15$``: the formula states
where the note works, not a bound for every value. The words of a hypothesis that end just before
a formula (*if, let, assume, with, where, such that, satisfying, subject to* …) are read by
:func:`symderive.notes.roles.inequality_hypothesis` from the lists that already hold them; this
module holds only what those lists lack:

* **before** the formula, a noun that names it (*the constraint, condition, restriction,
  assumption, hypothesis, requirement, region, domain, feasible set, half-plane*; 제약 (조건),
  제한, 영역, 범위, 가정) or a verb that restricts to it (*restrict / limit / confine / constrain
  … to*, *impose*, 로 제한);
* **after** it, words that use it as a set or a hypothesis (*defines, describes, cuts out, is
  assumed, is imposed, is our constraint, by assumption*; Korean 인 … — the relative clause
  ``$…$ 인 점`` — 로 제한, 을 가정, 이라는 조건).
"""

from __future__ import annotations

import re

_NOUN = (r"constraints?|conditions?|restrictions?|requirements?|hypothes[ie]s|assumptions?"
         r"|premises?|regions?|domains?|feasible\s+(?:sets?|regions?)|half-?planes?|half-?spaces?"
         r"|inequality\s+constraints?")
CONSTRAINT_BEFORE = re.compile(
    rf"\b(?:{_NOUN})(?:\s+(?:is|are|reads|becomes|here|now|used))*\s*[:,]?\s*$"
    r"|\b(?:restrict(?:s|ed|ing)?|limit(?:s|ed|ing)?|confin(?:e|es|ed|ing)|constrain(?:s|ed|ing)?)"
    r"\b(?:\s+[\w'’-]+){0,4}?\s+(?:to|by)\s*[:,]?\s*$"
    r"|\bimpos(?:e|es|ed|ing)(?:\s+(?:the|a|an|that))?\s*[:,]?\s*$"
    r"|(?:제약|제한|구속)\s*(?:조건)?\s*(?:은|는|이|가|으로|로|:)?\s*$|(?:영역|범위|가정)\s*(?:은|는|:)?\s*$",
    re.I,
)
CONSTRAINT_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:which|that)\s+)?(?:defines?|describes?|determines?|cuts?\s+out|carves?\s+out"
    r"|specif(?:y|ies)|bounds?\s+(?:the|a|our)\s+(?:region|domain|set)"
    r"|(?:is|are)\s+(?:assumed|imposed|required|given|our\s+(?:constraints?|assumptions?)"
    r"|(?:the|a|an)\s+(?:(?:only|first|second|new|main)\s+)?(?:constraints?|conditions?"
    r"|assumptions?|hypothes[ie]s|feasible\s+(?:set|region)|region|domain))"
    r"|holds?\s+by\s+(?:assumption|hypothesis)|by\s+(?:assumption|hypothesis))\b"
    r"|^\s*인(?!\s*것)|^\s*(?:으로|로)\s*(?:제한|한정|국한)|^\s*(?:을|를)\s*가정"
    r"|^\s*(?:의|라는|이라는)\s*(?:조건|제약|가정)",
    re.I,
)


def constraint_words(words: str, trail: str = "") -> str:
    """The words naming the formula a constraint (:data:`CONSTRAINT_BEFORE` ending ``words``,
    the words before it; :data:`CONSTRAINT_AFTER` opening ``trail``, those after it), or ''."""
    before = CONSTRAINT_BEFORE.search(words or "")
    if before:
        return " ".join(before.group().split())
    after = CONSTRAINT_AFTER.match(trail or "")
    return " ".join(after.group().split()) if after else ""
