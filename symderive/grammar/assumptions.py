"""The ``--assume`` mini-language: where the variables of a command-line expression live.

Statements are separated by ``;``; each names one or more variables (comma-separated) and then
one kind::

    a, b positive
    x real; p probability; n size

Kinds: ``real`` (the default for unnamed variables), ``positive``, ``negative``,
``nonnegative``, ``nonzero``, ``integer``, ``probability`` (the open interval (0, 1)) and
``size`` (a positive integer).  A variable named twice must get the same kind; the names ``e``,
``pi`` and the function names of the plain grammar are reserved.  The text is checked by a
small hand tokenizer (no evaluation); every problem is a one-line ParseError with its column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.plain import NAME_PATTERN, RESERVED_NAMES, check_characters
from symderive.model import Domain

# kind -> SymPy assumptions of the symbol.  SymPy cannot say "below 1", so a probability is a
# positive symbol whose Domain("probability") keeps the numeric sampler inside (0, 1).
ASSUMPTIONS: dict[str, dict[str, bool]] = {
    "real": {"real": True},
    "positive": {"positive": True},
    "negative": {"negative": True},
    "nonnegative": {"nonnegative": True},
    "nonzero": {"real": True, "nonzero": True},
    "integer": {"integer": True},
    "probability": {"positive": True},
    "size": {"integer": True, "positive": True},
}

KINDS = tuple(ASSUMPTIONS)

_TOKEN = re.compile(r"\s*(?:(?P<word>[A-Za-z][A-Za-z0-9_]*)|(?P<punct>[,;])|(?P<other>\S))")


def parse_assumptions(text: str, *, source: str = "--assume") -> dict[str, Domain]:
    """``"a,b positive; p probability"`` → ``{"a": Domain("positive"), ..., "p": ...}``."""
    check_characters(text, source=source)
    domains: dict[str, Domain] = {}
    names: list[tuple[str, int]] = []  # the current statement's names with their columns
    expecting_name = True  # after a comma or at the start of a statement
    position = 0
    while True:
        match = _TOKEN.match(text, position)
        if match is None:  # only whitespace is left
            break
        position = match.end()
        column = match.start(match.lastgroup) + 1
        word, punct, other = match.group("word", "punct", "other")
        if other is not None:
            raise ParseError(f"unexpected character {other!r}", source=source, column=column)
        if punct == ",":
            if expecting_name:
                raise ParseError(
                    "a comma must follow a name (separate statements with ';')",
                    source=source,
                    column=column,
                )
            expecting_name = True
        elif punct == ";":
            if names:
                raise ParseError(
                    f"{names[-1][0]!r} has no kind (expected one of {', '.join(KINDS)})",
                    source=source,
                    column=names[-1][1],
                )
            expecting_name = True
        elif word in ASSUMPTIONS:
            if expecting_name:
                raise ParseError(
                    f"expected a variable name before the kind {word!r}",
                    source=source,
                    column=column,
                )
            for name, name_column in names:  # the statement is complete
                _assign(domains, name, Domain(word), name_column, source)
            names = []
            expecting_name = True
        else:
            if not expecting_name:
                raise ParseError(
                    f"{word!r} is not a kind ({', '.join(KINDS)}), or a ',' is missing before it",
                    source=source,
                    column=column,
                )
            names.append((_valid_name(word, column, source), column))
            expecting_name = False
    if names:
        raise ParseError(
            f"{names[-1][0]!r} has no kind (expected one of {', '.join(KINDS)})",
            source=source,
            column=names[-1][1],
        )
    if not domains:
        raise ParseError(
            "no assumptions given (write e.g. 'a, b positive; p probability')", source=source
        )
    return domains


def _valid_name(word: str, column: int, source: str) -> str:
    if word in RESERVED_NAMES:
        raise ParseError(f"{word!r} is reserved, not a variable name", source=source, column=column)
    if not NAME_PATTERN.fullmatch(word):
        raise ParseError(f"{word!r} is not a valid variable name", source=source, column=column)
    return word


def _assign(
    domains: dict[str, Domain], name: str, domain: Domain, column: int, source: str
) -> None:
    known = domains.get(name)
    if known is not None and known != domain:
        both = _SIGN_KINDS.get(_SIGNS.get(known.kind, frozenset())
                               & _SIGNS.get(domain.kind, frozenset()))
        if known.kind not in _SIGNS or domain.kind not in _SIGNS or both is None:
            raise ParseError(f"{name!r} is assumed both {known.kind} and {domain.kind}",
                             source=source, column=column)
        domain = Domain(both)  # "x nonzero; x nonnegative": x positive
    domains[name] = domain


# the signs each sign kind allows: two sign kinds of one name mean the signs both allow
_SIGNS = {"real": frozenset("-0+"), "positive": frozenset("+"), "negative": frozenset("-"),
          "nonnegative": frozenset("0+"), "nonzero": frozenset("-+")}
_SIGN_KINDS = {signs: kind for kind, signs in _SIGNS.items()}


def symbols_for(domains: Mapping[str, Domain]) -> dict[str, sp.Symbol]:
    """A SymPy symbol per name carrying the assumptions of its kind (see :data:`ASSUMPTIONS`)."""
    return {name: sp.Symbol(name, **ASSUMPTIONS[domain.kind]) for name, domain in domains.items()}
