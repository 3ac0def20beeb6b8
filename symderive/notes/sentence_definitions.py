r"""Every formula of a defining sentence is a definition with the sentence's words (round 9a,
C4/H2): in ``Now let $a = w x$ and $L = a^4$ instead.`` the *let* (and the *instead*) introduce
both formulas, so ``L = a^4`` redefines an earlier L from its line on — it is not a claim
about the old L, nor a formula whose words "say nothing".

A formula is credited with the words of its sentence when, in that sentence:

* the words before its first formula end in a defining word — *let* (not "let us"), *define*,
  *set*, *redefine*, optionally after *now*, *then*, *instead*, *finally*, *also* (``Now let``,
  ``We define``); or Korean 새로 / 다시 정의, or the sentence ends in 이라 하자 / 로 두자;
* every earlier formula of the sentence is itself a definition ``other = …`` of *another* name
  (two formulas for the same name in one sentence are cases or a restatement:
  :mod:`symderive.notes.piecewise_words`, :func:`symderive.notes.roles.second_formula`);
* the words between the formulas are only *and*, commas, *as well as* (그리고, 및, 이고).
"""

from __future__ import annotations

import re

from symderive.notes.directives import definition_head

DEFINING_START = re.compile(
    r"(?:^|[\s,:])(?:(?:now|then|instead|finally|also|next|here)\s*,?\s+)?"
    r"(?:(?:we|i)\s+(?:now\s+|instead\s+)?)?"
    r"(?:let(?!\s*(?:us|me)\b|\s*['’]s\b)|define|redefine|set|take|put)\s*,?\s*$"
    r"|새로\s*$|다시\s*정의하면\s*,?\s*$",
    re.I,
)
JOINING = re.compile(r"^\s*(?:,|\band\b|\bas well as\b|그리고|및|이고|이며|,\s*and\b|\s)*\s*$", re.I)
SENTENCE_END = re.compile(r"[.!?;。](?=\s|$)")
DEFINING_END = re.compile(r"^\s*(?:이?라(?:고)?\s*(?:하자|두자|놓자)|로\s*(?:두자|놓자|정의하자))")


def _sentence_tokens(lead: str) -> list[str]:
    """The words and formulas of the lead's last sentence (odd indices: formulas)."""
    tokens = re.split(r"\$([^$]*)\$", lead)
    start = 0
    for index in range(0, len(tokens), 2):
        if SENTENCE_END.search(tokens[index].rstrip()) and index < len(tokens) - 1:
            start = index
    words = tokens[start]
    if start and SENTENCE_END.search(words):
        words = SENTENCE_END.split(words)[-1]
    return [words, *tokens[start + 1:]]


def defining_sentence(lead: str, name: str, trail: str = "") -> bool:
    """Whether the formula after ``lead`` (a definition of ``name``) is one more definition of a
    defining sentence whose earlier formulas define other names (see the module doc)."""
    if "$" not in (lead or ""):
        return False
    tokens = _sentence_tokens(lead)
    if len(tokens) < 3:
        return False  # no earlier formula in the sentence: its own words decide
    formulas = tokens[1::2]
    joints = tokens[2::2]
    for formula in formulas:
        if formula.count("=") != 1:
            return False
        head = definition_head(formula.split("=")[0])
        if head is None or " ".join(head[0].split()) == " ".join(name.split()):
            return False
    if not all(JOINING.match(words) for words in joints):
        return False
    return bool(DEFINING_START.search(tokens[0])) or bool(DEFINING_END.match(trail or ""))
