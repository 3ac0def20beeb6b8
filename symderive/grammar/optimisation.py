r"""Optimisation notation: ``\operatorname*{argmax}_j o_j``, ``\arg\max_x f(x)``, ``\sup``/``\inf``
and ``\max_i x_i``/``\min_{x} f(x)`` (a maximum over an index or a variable).

An arg max is the set of points where a maximum is reached, not a value: an equation between
two of them (``\operatorname*{argmax}_j \hat y_j = \operatorname*{argmax}_j o_j``) states that
two problems have the same maximisers, which no evaluation at sample points can check.  A
maximum over an index (``\max_i x_i``) or a variable (``\min_x f(x)``), a supremum or an
infimum ranges over a set the grammar has no object for (an unstated range, a symbolic size,
a continuum).  Each is refused with a reason that names the words; the notes reader skips the
step as an optimisation (``SkipReason.OPTIMIZATION``) for arg max/min, as beyond the grammar
for the others.  ``\max(a, b)`` of written arguments is read (``sp.Max``).
"""

from __future__ import annotations

import re

# argmax, arg max, arg\,max, \arg\max, \argmin (also inside \operatorname{…}, \mathrm{…})
ARG_WORD = re.compile(r"^\\?arg\s*(?:\\[,;:! ]\s*|\\)?m(?:ax|in)$")


def is_arg_word(word: str) -> bool:
    """``argmax``, ``arg\\,min``, ``\\arg\\max`` … (the braced or run-together word)."""
    return ARG_WORD.match(word.replace(" ", "")) is not None


def refuse_arg(parser, word: str, token) -> None:
    """An arg max/min: the maximisers, not a value (an optimisation, not checked)."""
    kind = "max" if word.rstrip("}").endswith("max") else "min"
    parser.fail(f"arg {kind}: the points where a {kind}imum is reached (a set, not a value); "
                "an optimisation is not checked", token)  # fmt: skip


def refuse_ranged(parser, name: str, token) -> None:
    r"""``\max_i x_i``, ``\min_{x} f(x)``, ``\sup_x``, ``\inf``: an extremum over a range."""
    parser.fail(f"\\{name} with a range below it (\\{name}_i x_i over an index, \\{name}_x f(x) "
                "over a variable): an extremum over a set the note does not write out is not "
                "read (write \\max(a, b) of written values)", token)  # fmt: skip
