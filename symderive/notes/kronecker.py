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

from symderive.errors import ParseError
from symderive.notes.indices import computed_index, narrow_index_domain

KRONECKER_NAME = re.compile(r"delta_\{?([a-z]),?([a-z])\}?")
# δ at a computed index, as SymPy spells the name: \delta_{i,j+1} → "delta_i,j+1" (round 57 AU02)
KRONECKER_COMPUTED = re.compile(r"delta_\{?([a-z0-9+\- ]+),([a-z0-9+\- ]+)\}?")
# a family's term at a computed index: y_{j+1} → "y_j+1" (round 57 AU01)
COMPUTED_TERM = re.compile(r"(?P<stem>[^_]+)_\{?(?P<subscript>[a-z0-9+\- ]*[+\-][a-z0-9+\- ]*"
                           r"|\d+[a-z])\}?")
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
    by name (``o[j]`` → j; ``o[j + 1]`` → j too, round 57 AU02)."""
    found: dict[str, sp.Symbol] = {}
    for expr in [*raws, *values]:
        if not isinstance(expr, sp.Basic):
            continue
        for entry in expr.atoms(sp.Indexed):
            for index in entry.indices:
                if isinstance(index, sp.Symbol) and index.is_integer:
                    found.setdefault(index.name, index)
        for entry in expr.atoms(sp.Indexed):
            for index in entry.indices:
                if not isinstance(index, sp.Symbol) and isinstance(index, sp.Expr):
                    for letter in _shifted_letters(index):
                        found.setdefault(letter.name, letter)
    return found


def _shifted_letters(index: sp.Expr) -> list:
    """The letter of an index shifted by an integer (j of ``j + 1``), else none."""
    letters = [s for s in index.free_symbols if isinstance(s, sp.Symbol) and s.is_integer]
    if len(letters) == 1 and sp.expand(index - letters[0]).is_Integer:
        return letters
    return []


def _computed(subscript: str, indices: dict) -> sp.Basic | None:
    """A subscript ``j+1``, ``i-1``, ``2k`` in the chain's index letters (``indices``), or
    None (a letter the chain writes as no entry index: not read)."""
    index = computed_index(subscript.replace(" ", ""))
    if index is None or any(letter.name not in indices for letter in index.free_symbols):
        return None
    return index.xreplace({letter: indices[letter.name] for letter in index.free_symbols})


def _kronecker_part(subscript: str, indices: dict) -> sp.Basic | None:
    """One subscript of δ: an index letter of the chain or a computed index in them."""
    subscript = subscript.strip()
    if subscript in indices:
        return indices[subscript]
    return _computed(subscript, indices)


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
                           record_domain, prose: str = "", local: dict | None = None) -> list:
    """``raws`` with ``\\delta_{ij}`` read as KroneckerDelta(i, j) and ``s_j`` as the entry
    ``s[j]`` of a family defined through its index (see the module docstring); the Kronecker
    reading is recorded in ``readings``. A family's other index letter (j of ``s_j`` after
    ``s_i = …``, i in 1..q) gets the range of the family's own index (``domains`` holds the
    ranges in force, ``record_domain(index, high)`` records one for this chain). The same at a
    computed index (round 57 AU01, AU02): ``s_{j+1}`` is the family at j + 1, with j + 1 in
    the family's range (``local``: this chain's index ranges), and ``\\delta_{i,j+1}`` is
    KroneckerDelta(i, j + 1); either one not so read leaves its formula unread, never a free
    name that a made-up value refutes."""
    local = {} if local is None else local
    values = tuple(view.symbols.values()) + tuple(body for _, body in view.functions.values())
    indices = chain_indices(raws, values)
    defined = {getattr(symbol, "name", "") for symbol in view.symbols} | set(view.functions)
    delta_defined = any(name == "delta" or name.startswith("delta_") for name in defined) or (
        delta_described(prose))
    symbols = sorted({symbol for raw in raws if isinstance(raw, sp.Basic)
                      for symbol in raw.free_symbols}, key=str)  # fmt: skip
    if not indices:
        return _unread(raws, {} if delta_defined else _computed_deltas(symbols, indices))
    replacements: dict = {}
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
    unread: dict = {}
    for symbol in symbols:  # then the family at a computed index: y_{j+1} (round 57 AU01)
        term = COMPUTED_TERM.fullmatch(getattr(symbol, "name", ""))
        if term is None or symbol.name in defined or symbol.name.startswith("delta_"):
            continue
        own = _family_index(term["stem"], view.symbols)
        if own is None:
            continue
        entry = _family_term(term["stem"], term["subscript"], domains.get(own), indices, local)
        if entry is None:
            unread[symbol] = (f"{symbol.name} is a term of the family {term['stem']}_{own.name} "
                              "at a computed index, which is not read")
        else:
            replacements[symbol] = entry
    for symbol in symbols:
        kronecker = KRONECKER_NAME.fullmatch(getattr(symbol, "name", ""))
        if kronecker and not delta_defined:
            first, second = (indices.get(letter) for letter in kronecker.groups())
            if first is not None and second is not None:
                replacements[symbol] = sp.KroneckerDelta(first, second)
                readings[f"\\delta_{{{''.join(kronecker.groups())}}}"] = READING
    if not delta_defined:
        for symbol, delta in _computed_deltas(symbols, indices).items():
            if isinstance(delta, str):
                unread[symbol] = delta
                continue
            replacements[symbol] = delta
            readings[f"\\delta_{{{symbol.name.partition('_')[2]}}}"] = READING
    raws = _unread(raws, unread)
    if not replacements:
        return raws
    return [raw.xreplace(replacements) if isinstance(raw, sp.Basic) else raw for raw in raws]


def _family_term(stem: str, subscript: str, domain, indices: dict, local: dict):
    """The entry ``y[j + 1]`` for the term ``y_{j+1}`` of a family whose index runs over
    1..n (``domain``), j + 1 kept in 1..n (j in 0..n - 1 for this chain); None when the
    family has no such range, or the index is no shift of one letter of the chain."""
    if domain is None or domain.kind != "index" or domain.low != 1 or domain.high is None:
        return None
    index = computed_index(subscript.replace(" ", ""))
    letters = _shifted_letters(index) if index is not None else []
    if not letters:
        return None  # 2k, n - i + 1: which k the note means is not read
    letter = indices.get(letters[0].name) or letters[0]
    indices.setdefault(letter.name, letter)
    index = index.xreplace({letters[0]: letter})
    narrow_index_domain(local, letter, 1 - (index - letter), domain.high - (index - letter))
    return sp.IndexedBase(stem)[index]


def _computed_deltas(symbols: list, indices: dict) -> dict:
    """{δ_{i,j+1}: KroneckerDelta(i, j + 1), or why it is not read} for the deltas at a
    computed index among ``symbols`` (round 57 AU02: a Kronecker delta is 0 or 1, never -32/7)."""
    found: dict = {}
    for symbol in symbols:
        name = getattr(symbol, "name", "")
        computed = KRONECKER_COMPUTED.fullmatch(name)
        if computed is None or KRONECKER_NAME.fullmatch(name):
            continue
        first, second = (_kronecker_part(part, indices) for part in computed.groups())
        if first is None or second is None:
            found[symbol] = (f"\\delta_{{{name.partition('_')[2]}}} may be the Kronecker delta at "
                             "indices this chain does not write as entry indices: not read")
        else:
            found[symbol] = sp.KroneckerDelta(first, second)
    return found


def _unread(raws: list, unread: dict) -> list:
    """``raws`` with each formula using a name of ``unread`` replaced by why it is not read."""
    if not unread:
        return raws
    out = []
    for raw in raws:
        used = sorted((symbol for symbol in unread if isinstance(raw, sp.Basic)
                       and symbol in raw.free_symbols), key=str)  # fmt: skip
        out.append(ParseError(unread[used[0]]) if used else raw)
    return out
