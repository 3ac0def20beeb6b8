r"""Names the words write applied: *Let $\sigma_1(A)$ denote the largest singular value of $A$.*

A name with a subscript or a superscript written before parentheses (``\sigma_1(A)``,
``s_1(A)``, ``\sigma_X(t)``) reads as a number times a group unless the note says otherwise, so
``\sigma_1(A + B) = \sigma_1(A) + \sigma_1(B)`` was proved by distributing (round 44 T08). A
sentence that introduces the name *applied* — *Let $\sigma_1(A)$ denote …*, *Let $\sigma_X(t)$ be
the volatility at time $t$* — makes it a function of unknown meaning in the whole note: never
distributed over its argument. What the words say of it (a singular value, a volatility) is not
read, so a refutation on a smooth instance of it is withheld (σ_1(2A) = 2σ_1(A) holds for the
singular value): :func:`applied_name_doubt`.
"""

from __future__ import annotations

import re

# Let $\sigma_1(A)$ denote …, let $s_{1}(A)$ be …, Let $\sigma_X(t)$ be …
APPLIED_IN_LET = re.compile(
    r"\blet\s+\$\s*(?P<name>\\?[A-Za-z]+(?:_\{?\s*\\?[A-Za-z0-9]+\s*\}?))\s*"
    r"\(\s*[^()$]{1,30}\)\s*\$\s*(?:denote|be|represent|stand\s+for)\b", re.I)


def applied_names(text: str) -> frozenset[str]:
    """The subscripted names ``text`` introduces applied to an argument, as the parser names
    them (``sigma_1``, ``s_1``, ``sigma_X``)."""
    return frozenset(_parser_name(match.group("name")) for match in APPLIED_IN_LET.finditer(text))


def _parser_name(written: str) -> str:
    r"""``\sigma_{1}`` → ``sigma_1``: the name without backslash, braces and spaces."""
    return re.sub(r"[\\{}\s]", "", written)


def applied_name_doubt(sides: str, text: str) -> str:
    """Why a refutation of the step ``sides`` (its LaTeX) is withheld: it applies a name the
    note's words introduce applied (``text``: the note), whose meaning they give and the instance
    does not honour; '' when it applies none."""
    written = re.sub(r"[\s{}]", "", sides)
    for match in APPLIED_IN_LET.finditer(text):
        name = re.sub(r"[\s{}]", "", match.group("name"))
        if re.search(rf"{re.escape(name)}(?![A-Za-z0-9])\(|{re.escape(name)}\\(?:left|big)", written):
            return (f"{match.group('name')}(…) is introduced in words not read ('{_shown(match)}'):"
                    " a function whose meaning the instance does not honour")
    return ""


def _shown(match: re.Match) -> str:
    sentence = match.string[match.start():].split(". ")[0]
    return sentence if len(sentence) <= 80 else sentence[:77] + "..."
