r"""A counterexample that gives a bold vector's entry and the plain entry of the same letter
two values (round 11a F25).

``\mathbf{x}^\top \mathbf{y} = \sum_{i=1}^{n} x_i y_i`` is the definition of the dot product:
x_i is the i-th entry of \mathbf{x}. Read literally the two are other names, and the checker
finds \mathbf{x}_1 = -17/3 beside x[1] = 14/3 — a point no reader of the note means. Entries
are linked to their vector where nothing else is said of the letter
(:func:`symderive.notes.indices.entry_links`); where they are not (the section calls x a scalar,
x_1 … x_n samples; a Greek bold name), such a refutation is *undecided*, naming both.
"""

from __future__ import annotations

import re

BOLD_ENTRY = re.compile(r"^\\(?:mathbf|boldsymbol|bm|vec)\{\\?([A-Za-z]+)\}_\{?[\d,\s]+\}?$")
# x[1], x_1, a_i[1] (a_{ii} read with i as part of the name), A_{12}
PLAIN_ENTRY = re.compile(r"^\\?([A-Za-z]+)(?:_\{?[A-Za-z]\}?)?(?:\[[\d,\s]+\]|_\{?\d+\}?)$")


def entries_apart(counterexample) -> str:
    """Why a refutation is withheld ('' when it stands): its point names an entry of a bold
    vector or matrix and an indexed plain name of the same letter (either case: a_{ii} of
    \\mathbf{A}), with values of their own."""
    if counterexample is None:
        return ""
    bold, plain = {}, {}
    for name, value in counterexample.values:
        if found := BOLD_ENTRY.match(str(name)):
            bold.setdefault(found.group(1).lower(), (name, value))
        elif found := PLAIN_ENTRY.match(str(name)):
            plain.setdefault(found.group(1).lower(), (name, value))
    for letter in sorted(set(bold) & set(plain)):
        (bold_name, bold_value), (plain_name, plain_value) = bold[letter], plain[letter]
        return (f"the point gives {bold_name} = {bold_value} and {plain_name} = {plain_value} "
                f"their own values, but {plain_name} is most likely an entry of the bold "
                f"{bold_name.split('_')[0]} (read here as another name)")
    return ""
