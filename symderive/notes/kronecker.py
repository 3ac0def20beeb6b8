r"""The Kronecker delta and the other entries of a defined family, in one chain (round 11a L6).

After ``s_i = \frac{\exp(o_i)}{\sum_k \exp(o_k)}`` the softmax Jacobian is written
``\frac{\partial s_i}{\partial o_j} = s_i(\delta_{ij} - s_j)``. Two readings make it checkable:

* ``\delta_{ij}`` with two index letters of the chain (letters the chain, or a definition it
  uses, writes as entry indices: ``o_j``, ``o_i``) is the Kronecker delta — 1 where i = j, else
  0 — unless the note defines δ itself or names δ in a sentence that does not call it the
  Kronecker delta (*$\delta_j$ is the error of unit j*). The reading is named in the report.
* ``s_j`` beside a definition of ``s_i`` whose body uses its index (``o_i``) is the same family at
  j: it becomes the entry ``s[j]``, which :func:`symderive.notes.indices.family_values` expands
  to the body at i = j (as it already did for ``p_{y_i}``).
"""

from __future__ import annotations

import re

import sympy as sp

KRONECKER_NAME = re.compile(r"delta_\{?([a-z]),?([a-z])\}?")
# a sentence that names δ alone in its formula ("$\delta_j^{(l)}$ is the error of unit j",
# "where $\delta_{ij}$ is the distance") describes δ: unless it says Kronecker, not read
DELTA_NAMED = re.compile(r"\$\s*\\delta\s*(?:[_^]\s*(?:\{[^{}$]*\}|\w)\s*){0,3}\$")
KRONECKER_WORDS = re.compile(r"Kronecker|크로네커", re.I)
SENTENCE = re.compile(r"[^.!?。\n]+(?:[.!?。]|$)", re.M)


def delta_described(prose: str) -> bool:
    """Whether a sentence of ``prose`` names δ alone and does not call it the Kronecker delta:
    then δ_ij is the note's own symbol, never read as the Kronecker delta."""
    return any(DELTA_NAMED.search(sentence) and not KRONECKER_WORDS.search(sentence)
               for sentence in SENTENCE.findall(prose))
SUBSCRIPTED = re.compile(r"(?P<stem>.+)_(?P<letter>[a-z])")
READING = "the Kronecker delta (1 where the two indices are equal, else 0)"


def chain_indices(raws: list, values: tuple) -> dict[str, sp.Symbol]:
    """The integer symbols the chain and the definitions it may use write as entry indices,
    by name (``o[j]`` → j)."""
    found: dict[str, sp.Symbol] = {}
    for expr in [*raws, *values]:
        if not isinstance(expr, sp.Basic):
            continue
        for entry in expr.atoms(sp.Indexed):
            for index in entry.indices:
                if isinstance(index, sp.Symbol) and index.is_integer:
                    found.setdefault(index.name, index)
    return found


def _family_index(stem: str, symbols: dict) -> sp.Symbol | None:
    """The index of a definition ``stem_i = …`` whose body writes i as an entry index (the
    family :func:`symderive.notes.indices.family_values` expands), or None."""
    for symbol, body in symbols.items():
        match = SUBSCRIPTED.fullmatch(getattr(symbol, "name", ""))
        if not match or match["stem"] != stem or not isinstance(body, sp.Basic):
            continue
        for entry in body.atoms(sp.Indexed):
            for index in entry.indices:
                if isinstance(index, sp.Symbol) and index.name == match["letter"]:
                    return index
    return None


def kronecker_and_families(raws: list, view, readings: dict, domains: dict,
                           record_domain, prose: str = "") -> list:
    """``raws`` with ``\\delta_{ij}`` read as KroneckerDelta(i, j) and ``s_j`` as the entry
    ``s[j]`` of a family defined through its index (see the module docstring); the Kronecker
    reading is recorded in ``readings``. A family's other index letter (j of ``s_j`` after
    ``s_i = …``, i in 1..q) gets the range of the family's own index (``domains`` holds the
    ranges in force, ``record_domain(index, high)`` records one for this chain)."""
    values = tuple(view.symbols.values()) + tuple(body for _, body in view.functions.values())
    indices = chain_indices(raws, values)
    if not indices:
        return raws
    defined = {getattr(symbol, "name", "") for symbol in view.symbols} | set(view.functions)
    replacements: dict = {}
    symbols = sorted({symbol for raw in raws if isinstance(raw, sp.Basic)
                      for symbol in raw.free_symbols}, key=str)  # fmt: skip
    for symbol in symbols:  # the family's entries first: s_j makes j an index
        entry = SUBSCRIPTED.fullmatch(getattr(symbol, "name", ""))
        if entry is None or symbol.name in defined or KRONECKER_NAME.fullmatch(symbol.name):
            continue
        own = _family_index(entry["stem"], view.symbols)
        if own is None:
            continue
        index = indices.get(entry["letter"])
        if index is None:
            domain = domains.get(own)
            if domain is None or domain.kind != "index" or domain.low != 1:
                continue
            index = sp.Symbol(entry["letter"], **own.assumptions0)
            record_domain(index, domain.high)
            indices[entry["letter"]] = index
        replacements[symbol] = sp.IndexedBase(entry["stem"])[index]
    delta_defined = any(name == "delta" or name.startswith("delta_") for name in defined) or (
        delta_described(prose))
    for symbol in symbols:
        kronecker = KRONECKER_NAME.fullmatch(getattr(symbol, "name", ""))
        if kronecker and not delta_defined:
            first, second = (indices.get(letter) for letter in kronecker.groups())
            if first is not None and second is not None:
                replacements[symbol] = sp.KroneckerDelta(first, second)
                readings[f"\\delta_{{{''.join(kronecker.groups())}}}"] = READING
    if not replacements:
        return raws
    return [raw.xreplace(replacements) if isinstance(raw, sp.Basic) else raw for raw in raws]
