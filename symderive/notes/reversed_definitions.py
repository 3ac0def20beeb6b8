r"""Definitions written right to left: ``write $AB = C$``, ``let $2x + 1 = y$``, ``AB =: C``,
``$AB = C$라 하자`` (review round 58 AV03).

An equation ``expression = NAME`` whose right side is a single name the section has not yet
written, after words that name something (*write, let, call, denote, set, put, define*;
Korean 라 하자, 라고 하면, 로 두자, 로 놓자), gives that name the expression: it is the
definition ``NAME = expression`` written the other way round, not a claim about a free NAME
(``Let $A$, $B$ be square matrices and write $AB = C$`` then ``C^T = (AB)^T``: C is the
product, never a free matrix). ``=:`` and ``\eqqcolon`` say so by their sign alone.

Nothing changes where the name was written before in its section or one holding it (``AB = C`` with C defined
or described earlier is a claim about it), where the left side is itself a name or a function
head (``Let $f(x) = y$`` keeps its forward reading), where the right side is a constant
(π, e), or without such words (``2x + 1 = y`` in a computation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from symderive.notes.chains import Chain
from symderive.notes.directives import definition_head
from symderive.notes.roles import is_bare_name, is_constant, is_number

REVERSED_SIGNS = ("=:", r"\eqqcolon")
# the naming word right before the formula: "and write", "Let", "we call", "denote by"
NAMING_BEFORE = re.compile(
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\bthis\s)(?<!\beach\s)(?<!\bof\s)"  # not "the set $…$"
    r"\b(?:write|writing|let|letting|call|calling|denote|denoting|set|setting|put|putting|"
    r"define|defining)(?:\s+(?:by|that|this|it))?\s*[:,]?\s*$",
    re.I,
)
# the Korean naming ending right after it: "$AB = C$라 하자", "이라고 하면", "로 두자", "로 놓자"
NAMING_AFTER = re.compile(
    r"^\s*(?:(?:이|가|을|를)\s*)?(?:이?라(?:고)?\s*(?:하자|하면|하고|할\s*때|두자|놓자|정의)|"
    r"으?로\s*(?:두자|놓자|두면|놓으면|두고|놓고|정의))")
_MATH = re.compile(r"\$[^$]*\$")
# "if we let" (라고 하면, 로 두면): with a new name it names, it supposes nothing
_LETTING = re.compile(r"하면|두면|놓으면|할\s*때")


@dataclass(frozen=True)
class Reversed:
    """A definition written right to left: the chain as ``name = expression``, the words."""

    chain: Chain
    name: str
    why: str
    letting: bool = False  # "$AB = C$라고 하면": a Korean "if we let", which defines a new name


def _named_name(latex: str) -> str | None:
    """The bare name ``latex`` writes (``C``, ``\\mathbf{C}``, ``y_1``), or None for a
    function head, a constant or any other expression."""
    if not is_bare_name(latex) or is_number(latex) or is_constant(latex):
        return None
    head = definition_head(latex)
    return head[0] if head is not None and head[1] is None else None


def _written(name: str, formulas: Iterable[str]) -> bool:
    """Whether ``name`` stands in one of ``formulas`` (as a whole name, not inside another)."""
    spelled = re.compile(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])")
    return any(spelled.search(formula) for formula in formulas)


def reversed_definition(chain: Chain, lead: str, trail: str, earlier: Iterable[str]
                        ) -> Reversed | None:
    """``chain`` read as the definition it writes right to left — its elements swapped, the
    relation a plain ``=`` unless written ``=:`` — and the words saying so; None when it is no
    such definition. ``earlier`` holds the formulas written before it whose statements hold at
    it (its section and the sections holding it)."""
    if len(chain.relations) != 1 or chain.conditional or chain.implication:
        return None
    first, second = chain.elements
    name = _named_name(second)
    if name is None or not first.strip() or _written(name, [first]):  # C + 1 = C: no name
        return None
    sign = chain.relations[0]
    after = None
    if sign in REVERSED_SIGNS:
        words = f"written with '{sign}'"
        relation = ":="
    elif sign == "=":
        if definition_head(first) is not None or is_bare_name(first):
            return None  # Let $f(x) = y$, Let $x = y$: the forward reading stands
        before = NAMING_BEFORE.search(_MATH.sub(" ", lead)[-60:])
        after = NAMING_AFTER.match(trail)
        if not (before or after) or _written(name, earlier):
            return None
        words = f"after '{(before or after).group().strip()}'"
        relation = "="
    else:
        return None
    why = (f"written right to left {words}, {name} new here: {name} = {first.strip()}, "
           "round 58 AV03")
    return Reversed(replace(chain, elements=(second, first), relations=(relation,)), name, why,
                    bool(after and _LETTING.search(after.group())))
