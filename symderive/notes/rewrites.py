r"""Written forms a chain itself spells out, read as that spelling (LaTeX to LaTeX, before the
grammar; nothing is evaluated).

* ``\mathrm{softmax}(\mathbf{o})_j`` — the j-th entry of the softmax of a vector — is read as
  ``\frac{\exp(o_j)}{\sum_{k=1}^{q} \exp(o_k)}`` when the same chain sums ``\exp(o_k)`` over
  ``k = 1 … q``: that sum states the vector's entries (o has q entries), so the softmax is over
  exactly those. Without such a sum the length of o is not known and softmax is not read.
"""

from __future__ import annotations

import re

SOFTMAX_ENTRY = re.compile(
    r"\\(?:mathrm|operatorname|text|textrm)\s*\{\s*softmax\s*\}\s*"
    r"(?:\\left\s*)?\(\s*\\(?:mathbf|boldsymbol|bm)\s*\{\s*([A-Za-z])\s*\}\s*(?:\\right\s*)?\)"
    r"\s*_\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))"
)


def _stated_sum(text: str, vector: str) -> tuple[str, str] | None:
    """(index, upper bound) of a written ``\\sum_{k=1}^{q} \\exp(o_k)`` over the vector's entries."""
    pattern = (
        r"\\sum_\s*\{\s*([A-Za-z])\s*=\s*1\s*\}\s*\^\s*(?:\{\s*([A-Za-z0-9]+)\s*\}|([A-Za-z0-9]))"
        r"\s*\\exp\s*(?:\\left\s*)?\(\s*" + re.escape(vector) + r"\s*_\s*\{?\s*([A-Za-z])\s*\}?"
        r"\s*(?:\\right\s*)?\)"
    )
    for match in re.finditer(pattern, text):
        index, bound = match.group(1), match.group(2) or match.group(3)
        if match.group(4) == index:
            return index, bound
    return None


def softmax_entries(elements: list[str]) -> tuple[list[str], str]:
    """The chain's elements with each softmax entry spelled out, and the reading ('' if none)."""
    whole = " ".join(elements)
    reading = ""
    rewritten = []
    for element in elements:
        def spell(match: re.Match) -> str:
            nonlocal reading
            vector, entry = match.group(1), match.group(2) or match.group(3)
            stated = _stated_sum(whole, vector)
            if stated is None:
                return match.group(0)
            index, bound = stated
            if index == entry:  # the entry letter is the sum's own index: sum over another
                used = set(re.findall(r"(?<![A-Za-z\\])[A-Za-z](?![A-Za-z])", whole))
                index = next((c for c in "klmpr" if c not in used), "")
                if not index:
                    return match.group(0)
            reading = (f"softmax(\\mathbf{{{vector}}})_{entry} = exp({vector}_{entry}) / "
                       f"Σ_{index}=1..{bound} exp({vector}_{index}): {vector} has {bound} entries, "
                       "as the chain's own sum over them says")
            return (f"\\frac{{\\exp({vector}_{{{entry}}})}}"
                    f"{{\\sum_{{{index}=1}}^{{{bound}}} \\exp({vector}_{{{index}}})}}")
        rewritten.append(SOFTMAX_ENTRY.sub(spell, element))
    return rewritten, reading
