r"""How two written names are compared: ``\mathrm{x}``, ``\mathit{x}``, ``{x}``, ``x\,`` and
``x`` are one name, ``\alpha`` and ``alpha`` (a SymPy symbol's name) are one name.

One normaliser for every module that matches a name in the prose with a name in a formula or
in a counterexample (six private copies of it differed: one read ``\mathrm{x}`` as
``mathrmx``)."""

from __future__ import annotations

import re

_IGNORED = re.compile(
    r"\\(?:mathrm|mathit|mathbf|mathsf|boldsymbol|bm|operatorname)(?![A-Za-z])"  # fonts
    r"|\\[,;:!]"  # thin and negative spaces
    r"|[\s{}\\]"  # braces, spaces, the backslash of a command
)


def plain_name(text: object) -> str:
    """``text`` without what does not change the name it writes (see the module)."""
    return _IGNORED.sub("", str(text or ""))
