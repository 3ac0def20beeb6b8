"""Where a note may write ``i`` for the imaginary unit, and its claims read with i = √−1.

A note about complex numbers (a heading "Complex numbers", the words *complex plane*,
*imaginary unit*, 복소수, 허수 단위, a formula ``i^2 = -1`` or ``z = x + iy``) writes
``(1 + i)^2 = 2i`` with i the imaginary unit: read with i a real number it is false, and a
counterexample ``i = -17/3`` refutes nothing the note says (round 11a F4).  There a claim
whose bare ``i`` is not an index (no subscript ``x_i``, no sum over i in the chain) is read
with ``i`` = ``sp.I``: *proved* when the difference of its sides simplifies to exactly zero,
otherwise *undecided*, naming the words (the checks sample real values only).
"""

from __future__ import annotations

import re
from functools import lru_cache

import sympy as sp

from symderive.grammar.build import time_limit
from symderive.notes.declared import COMPLEX_DEFINITION, IMAGINARY_UNIT
from symderive.notes.sections import as_sections
from symderive.report import Outcome

# words saying the note works with complex numbers (English and Korean)
COMPLEX_WORDS = re.compile(
    r"\bcomplex\s+(?:plane|numbers?|conjugates?|analysis|arithmetic|exponentials?|"
    r"multiplication|division|roots?\s+of\s+unity)\b|\bimaginary\s+(?:unit|parts?|axis|numbers?)\b"
    r"|\bArgand\b|\bEuler'?s\s+(?:formula|identity)\b|\bde\s+Moivre\b"
    r"|복소\s*(?:수|평면|켤레|지수)|켤레\s*복소수|허수(?:\s*단위|\s*부|\s*축)?|오일러\s*(?:공식|항등식)",
    re.IGNORECASE,
)
UNIT_SQUARED = re.compile(r"(?<![A-Za-z\\])i\s*\^\s*\{?\s*2\s*\}?\s*=\s*-\s*1(?![0-9.])")
_MATH = re.compile(r"\$\$(.*?)\$\$|\$([^$\n]*)\$", re.S)
# i used as an index in the chain: a subscript x_i, x_{ij}, \sum_{i=1}
INDEX_I = re.compile(r"_\s*(?:i(?![A-Za-z])|\{[^{}]*(?<![A-Za-z\\])i(?![A-Za-z])[^{}]*\})")


# words calling i an index (a counter, a row): "Here $i$ is an index", "for each $i$",
# "the index $i$", "$i$번째", "인덱스 $i$" (round 49 AE: then i² = −1 is not i = √−1 for sure)
INDEX_WORDS = re.compile(
    r"\$\s*i\s*\$\s+(?:is|denotes|runs\s+(?:over|from|through)|ranges\s+over|counts)\s+"
    r"(?:an?\s+|the\s+)?(?:index|indices|counter|row|column|sample|example|data\s+point)"
    r"|\bind(?:ex|ices)\s+\$\s*i\s*\$|\bfor\s+(?:each|every|all)\s+\$\s*i\s*\$"
    r"|\$\s*i\s*\$\s*(?:번째|는\s*인덱스|은\s*인덱스)|인덱스\s*\$\s*i\s*\$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4)
def index_statements(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The words of each line that call ``i`` an index, with their line."""
    return tuple(f"'{match.group(0)}', line {number}"
                 for number, text in enumerate(lines, start=1)
                 if (match := INDEX_WORDS.search(text)))


@lru_cache(maxsize=4)
def complex_statements(lines: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """(line, words) of each line saying the note works with complex numbers, the headings
    included ("# Complex numbers"): its words, ``i^2 = -1`` or a definition ``z = x + iy``."""
    found = []
    for number, text in enumerate(lines, start=1):
        words = _MATH.sub(" ", text).lstrip("#").strip()
        maths = [a or b for a, b in _MATH.findall(text)]
        said = COMPLEX_WORDS.search(words)
        if said:
            found.append((number, f"'{said.group(0)}', line {number}"))
            continue
        for math in maths:
            if UNIT_SQUARED.search(math) or COMPLEX_DEFINITION.match(math.strip()):
                found.append((number, f"'{' '.join(math.split())}', line {number}"))
                break
        else:
            match = IMAGINARY_UNIT.search(text)
            if match and "i" in [letter.lower() for letter in match.groups() if letter]:
                found.append((number, f"'{' '.join(match.group(0).split())}', line {number}"))
    return tuple(found)


def imaginary_words(context, line: int, latex: str, step) -> str:
    """The words that make ``i`` the imaginary unit at ``line`` (a statement in force there:
    its section and the sections enclosing it, or an explicit "$i$ denotes the imaginary unit"
    anywhere), when the step has a free ``i`` that the chain does not use as an index; else
    ''."""
    sides = [side for side in (step.lhs, step.rhs) if isinstance(side, sp.Basic)]
    if not any(symbol.name == "i" for side in sides for symbol in side.free_symbols
               if isinstance(symbol, sp.Symbol)):  # fmt: skip
        return ""
    if INDEX_I.search(latex) or any(
        str(variable) == "i" for side in sides for node in side.atoms(sp.Sum, sp.Product)
        for variable in node.variables
    ) or any(str(index) == "i" for side in sides for entry in side.atoms(sp.Indexed)
             for index in entry.indices):  # fmt: skip
        return ""  # x_i, \sum_i: i is an index here
    records = complex_statements(tuple(context.lines))
    explicit = [record for record in records if "imaginary unit" in record[1].lower()
                or "허수" in record[1] or UNIT_SQUARED.search(record[1])]  # fmt: skip
    held = as_sections(context.headings).in_force(records, line) or explicit
    return "; ".join(words for _, words in held[:2])


def with_imaginary_unit(step, outcome: Outcome, words: str, seconds: float = 3.0,
                        index_said: str = "") -> Outcome:
    """The step read with ``i`` the imaginary unit: *proved* when the difference of its sides
    (an equation) simplifies to exactly zero with i = √−1, else *undecided* naming ``words``
    (a real counterexample or agreement at real i says nothing about the note's i)."""
    doubt = Outcome("undecided", method=outcome.method, reason=(
        f"the note may write i for the imaginary unit ({words}), a complex number, and the "
        "checks sample real values of i only: not decided"))  # fmt: skip
    if step.relation != "=":
        return doubt
    unit = {symbol: sp.I for side in (step.lhs, step.rhs) for symbol in side.free_symbols
            if isinstance(symbol, sp.Symbol) and symbol.name == "i"}  # fmt: skip
    try:
        with time_limit(seconds, source="", what="reading i as the imaginary unit"):
            difference = (step.lhs - step.rhs).xreplace(unit)
            zero = sp.expand(difference) == 0 or sp.simplify(difference) == 0
    except Exception:  # noqa: BLE001 - a slow or failing simplification decides nothing
        return doubt
    if not zero:
        return doubt
    if index_said:  # two readings, two verdicts: say so (round 49 AE)
        return Outcome("undecided", method=outcome.method, reason=(
            f"with i the imaginary unit ({words}) the sides agree, but the note also calls i "
            f"an index ({index_said}), and as a real number i they differ: not decided"))
    return Outcome("proved", method="simplify (i the imaginary unit)", reason=(
        f"with i the imaginary unit ({words}), the difference of the sides simplifies to 0"))
