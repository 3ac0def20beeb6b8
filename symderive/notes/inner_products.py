r"""Whether a note's ``\langle u, v \rangle`` may mean something other than the real inner
product tr(uᵀv) the grammar reads it as (round 50 AG04, round 51 AI01–AI04):

* the note works over the complex numbers (ℂⁿ, *complex* entries or spaces, conjugates,
  Hermitian, 복소): there ⟨u, v⟩ may be conjugate-linear (u^H v), and ⟨u, v⟩ = ⟨v, u⟩ is false;
* the note gives ⟨·,·⟩ a meaning of its own: a definition (``\langle u, v \rangle := u^T W v``)
  or words beside it (*denotes*, *is defined as*, *weighted*, 정의, 표기): a weighted or other
  inner product, which tr(uᵀv) is not.

Then a step writing ⟨·,·⟩ is *undecided*, naming the words.
"""

from __future__ import annotations

import re

from symderive.notes.imaginary import COMPLEX_WORDS

COMPLEX_SPACE = re.compile(
    r"\\mathbb\s*(?:\{\s*C\s*\}|C\b)|ℂ|\bcomplex\b|\bconjugat|\bHermitian|\bsesquilinear|"
    r"\bunitary|복소|켤레|에르미트",
    re.IGNORECASE,
)
# ⟨·,·⟩ given a meaning by the note: a defining relation after it, or words in its sentence
DEFINED = re.compile(
    r"\\rangle\s*(?::=|=:|\\coloneqq|\\eqqcolon|\\triangleq|\\equiv|\\doteq|\\stackrel|\\overset|≔)")
MEANING_WORDS = re.compile(
    r"\bdenot|\bdefin|\bnotation\b|\bstands?\s+for\b|\bwe\s+write\b|\bweighted\b|\bwith\s+respect\s+to\b"
    r"|\bkernel\b|\bmetric\b|정의|표기|나타내|가중", re.IGNORECASE)


def inner_product_doubt(lines: tuple[str, ...]) -> str:
    """The words that make the note's ⟨u, v⟩ uncertain (see the module), with their line;
    '' when there are none."""
    for number, text in enumerate(lines, start=1):
        said = COMPLEX_SPACE.search(text) or COMPLEX_WORDS.search(text)
        if said:
            return (f"the note works over the complex numbers ('{said.group(0)}', line "
                    f"{number}), where it may be conjugate-linear (u^H v)")
        if r"\langle" in text and (DEFINED.search(text) or MEANING_WORDS.search(
                re.sub(r"\$[^$]*\$", " ", text))):
            return f"the note gives ⟨·,·⟩ a meaning of its own (line {number})"
    return ""
