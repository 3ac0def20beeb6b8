"""σ as a spread: a note whose words call σ a standard deviation or a scale means a positive σ
(σ, σ_1, σ_{x}, σ_i alike: round 40 J08).

A refutation whose counterexample makes such a σ negative is checked again with every σ of the
step positive (the alternative reading ``"scale"`` of :mod:`symderive.notes.variants`): if the
claim then holds it is not refuted; if it still fails, the refutation at a positive σ stands
(CS229's r₂ = σ₂√2 with a stray c in the logarithm).
"""

from __future__ import annotations

import re

import sympy as sp

SCALE_WORDS = re.compile(r"standard deviation|std\b|scale|표준\s*편차|标准差|標準差|\\sigma\s*>\s*0",
                         re.I)
# σ, σ_1, σ_{x}, σ_i, σ[i] as the checker names them
SIGMA_NAME = re.compile(r"\\?sigma(?:_\{?\\?[A-Za-z0-9]+\}?|\[[^\[\]]*\])?")


def scale_symbols(expressions, words: str) -> list[sp.Basic]:
    """The σ symbols of ``expressions`` when ``words`` call σ a standard deviation or scale."""
    if not SCALE_WORDS.search(words):
        return []
    found = set().union(*(getattr(e, "free_symbols", set()) for e in expressions))
    return sorted((symbol for symbol in found
                   if isinstance(symbol, (sp.Symbol, sp.Indexed))
                   and SIGMA_NAME.fullmatch(str(symbol))), key=str)
