"""Make one chain's index notation consistent before anything is evaluated."""

from __future__ import annotations

import re

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixElement

from symderive.errors import ParseError
from symderive.grammar.entries import subscript_indices
from symderive.grammar.integer_parts import binomial_names
from symderive.grammar.matrices import as_scalar
from symderive.grammar.negation import NEGATED_OR_CONTRASTED
from symderive.matrixcalc import EntryMatrix
from symderive.model import Domain
from symderive.notes.sections import as_sections


def normalise_indices(raws: list, context, extra: tuple = (), einstein: bool = False,
                      local: dict | None = None, powers_written: bool = True) -> list:
    """Make one chain's notation consistent before anything is evaluated.

    * Symbols bounding a sum (``n`` in ``\\sum_{i=1}^{n}``) become positive integers with the
      size domain, everywhere in the chain.
    * Where ``o`` is summed over as ``o_k``, a free ``o_j`` is the same vector's entry
      ``o[j]`` (j an integer index in 1..n), and ``o_2`` is ``o[2]``: ``z_k`` and ``z[k]`` are
      one entry, so ``\\frac{\\partial}{\\partial o_j} \\sum_k e^{o_k}`` is not 0.

    ``local`` receives the index domains this chain's own sums give (k in 1..K where the chain
    sums z_j to K): they hold for this chain only, never for another display's k.
    """
    local = {} if local is None else local
    if einstein:  # x_i a_{ij} x_j in a section that says it writes Einstein notation
        raws = einstein_chain(raws, powers_written)
    raws = wrap_free_entries(raws)  # entries hook: u_{ik} at free indices, every value
    raws = row_families(raws)  # a_{2k} beside a_{1k}, a_{ij}: row 2 of a, not a_{2k}
    expressions = [raw for raw in raws if not isinstance(raw, ParseError)]
    scanned = expressions + [value for value in extra if isinstance(value, sp.Basic)]
    bound_names: set[str] = set()
    upper: dict[str, sp.Basic] = {}
    unlinked = unlinked_entry_sum(expressions, summed_families(scanned))
    if unlinked:
        return [raw if isinstance(raw, ParseError) else ParseError(unlinked) for raw in raws]
    for expr in scanned:
        for node in expr.atoms(sp.Sum, sp.Product):
            for _index, low, high in node.limits:
                bound_names |= {
                    s.name
                    for s in (low.free_symbols | high.free_symbols)
                    if isinstance(s, sp.Symbol)
                }
            for indexed in node.function.atoms(sp.Indexed):
                upper.setdefault(str(indexed.base.label), node.limits[0][2])
            summed = {str(v) for v in node.variables}
            for symbol in node.function.free_symbols:  # x_{i+1} summed over i: x's entries
                base, _, subscript = getattr(symbol, "name", "").rpartition("_")
                shifted = computed_index(subscript)
                if base and shifted is not None and summed & {str(s) for s in shifted.free_symbols}:
                    upper.setdefault(base, node.limits[0][2])
    binomial_indices: dict[str, list] = {}  # \binom{n}{k}: n a size, k in 0..n (integer_parts)
    for expr in expressions:
        sizes, lower = binomial_names(expr)
        bound_names |= sizes
        for name, uppers in lower.items():
            binomial_indices.setdefault(name, []).extend(uppers)
    integer_index = {name: sp.Symbol(name, integer=True) for name in binomial_indices
                     if name not in bound_names}  # fmt: skip
    for name, index in integer_index.items():
        uppers = list(dict.fromkeys(binomial_indices[name]))
        context.domains.setdefault(index, Domain("index", low=0, high=(
            uppers[0] if len(uppers) == 1 else sp.Max(*uppers))))
    families = summed_families(scanned)  # y_{nk} under sums over n and k: y[n, k]
    replacements: dict = {}
    shifts: list = []  # (x_{j+1}'s index j + 1, the size x is summed to)
    rows = family_rows(expressions, families, context, local)  # t_n[k] of \\sum_k t_{nk}: t[n, k]
    if isinstance(rows, str):
        return [raw if isinstance(raw, ParseError) else ParseError(rows) for raw in raws]
    replacements.update(rows)
    labels = {indexed.base.label for indexed in rows}
    for expr in expressions:
        for symbol in expr.atoms(sp.Symbol):  # derivative variables too (∂/∂z_j is bound)
            if symbol in labels:
                continue
            if isinstance(symbol, sp.Symbol) and symbol.name.rpartition("_")[0] in families:
                entry = family_entry(symbol, families, context, local)
                if isinstance(entry, str):  # y_k of a 2-D family y[n, k]: not read
                    return [raw if isinstance(raw, ParseError) else ParseError(entry)
                            for raw in raws]  # fmt: skip
                if entry is not None:
                    replacements[symbol] = entry
                continue
            if symbol.name in integer_index and not symbol.is_integer:
                replacements[symbol] = integer_index[symbol.name]
                continue
            if not isinstance(symbol, sp.Symbol):
                continue
            if symbol.name in bound_names and not symbol.is_integer:
                replacements[symbol] = sp.Symbol(symbol.name, integer=True, positive=True)
            base, _, subscript = symbol.name.rpartition("_")
            shifted = computed_index(subscript) if base in upper else None
            if shifted is not None:  # x_{i+1}, x_{n+1}, x_{2i}: the entry at that index
                written = {s.name: s for e in expressions for s in e.free_symbols
                           | {v for node in e.atoms(sp.Sum, sp.Product) for v in node.variables}
                           if isinstance(s, sp.Symbol)}
                for letter in shifted.free_symbols:
                    same = written.get(letter.name)
                    if letter.name in bound_names:
                        same = sp.Symbol(letter.name, integer=True, positive=True)
                    if same is not None:
                        shifted = shifted.xreplace({letter: same})
                replacements[symbol] = sp.IndexedBase(base)[shifted]
                shifts.append((shifted, upper[base]))
                continue
            if base in upper and (
                subscript.isdigit() or (len(subscript) == 1 and subscript.isalpha())
            ):
                if subscript.isdigit():
                    index: sp.Basic = sp.Integer(subscript)
                else:
                    index = sp.Symbol(subscript, integer=True)
                    high = upper[base]
                    index_domain(context, local, index, high)
                replacements[symbol] = sp.IndexedBase(base)[index]
    summed = {v.name for e in expressions for node in e.atoms(sp.Sum, sp.Product)
              for v in node.variables}  # fmt: skip
    for shifted, high in shifts:  # a_{j+1} of a summed a: j + 1 in 1..n (round 57 AU02)
        shifted_index_domain(local, shifted, high, bound_names | summed)
    sizes = set(upper.values())
    for expr in scanned:  # f_{y_i}: the label y_i is an index into f, 1..n of its sum (also
        for indexed in expr.atoms(sp.Indexed):  # p_{y_i} of a definition, p as long as f)
            label = indexed.indices[0] if len(indexed.indices) == 1 else None
            if not (isinstance(label, sp.Symbol) and label.is_integer and "_" in label.name):
                continue
            high = upper.get(str(indexed.base.label))
            if high is None and len(sizes) == 1:
                high = next(iter(sizes))
            if high is not None:
                index_domain(context, local, label, high)
    for name in bound_names:
        context.domains.setdefault(sp.Symbol(name, integer=True, positive=True), Domain("size"))
    if not replacements:
        return raws
    for domains in (context.domains, local):
        for key, domain in list(domains.items()):
            if domain.kind == "index" and isinstance(domain.high, sp.Basic):
                domains[key] = Domain("index", low=domain.low, high=domain.high.xreplace(
                    replacements))
    return [raw if isinstance(raw, ParseError) else raw.xreplace(replacements) for raw in raws]


def summed_families(expressions: list) -> dict[str, tuple]:
    """Families written with two or more indices that sums run over (``y_{nk}`` inside
    ``\\sum_{n=1}^N \\sum_{k=1}^K``, read ``y[n, k]``): the family's name → the size each index
    runs to (None where no sum gives one)."""
    families: dict[str, tuple] = {}
    for expr in expressions:
        sizes: dict = {}
        for node in expr.atoms(sp.Sum, sp.Product):
            for index, _low, high in node.limits:
                sizes[index] = high if sizes.get(index, high) == high else None
        for indexed in expr.atoms(sp.Indexed):
            if len(indexed.indices) < 2 or not any(i in sizes for i in indexed.indices):
                continue
            found = tuple(sizes.get(index) for index in indexed.indices)
            known = families.setdefault(str(indexed.base.label), found)
            if len(known) != len(found):
                families[str(indexed.base.label)] = ()  # written with 2 and 3 indices
            elif known != found:
                families[str(indexed.base.label)] = tuple(
                    a if a == b else None for a, b in zip(known, found))
    return families


def family_entry(symbol: sp.Symbol, families: dict, context, local: dict):
    """A free ``y_{mj}`` (``y_{m,j}``, ``y_{m j}``) beside the summed family ``y[n, k]``: the
    family's entry ``y[m, j]``, each index in 1..the size its sum runs to (round 58 AX01: read
    as an unrelated name, ∂E/∂y_{mj} of E = ½Σ_nΣ_k (y_{nk} − t_{nk})² was proved 0).  A reason
    (str) when the entry has another number of indices than the family (``y_k``); None when
    the subscript is no run of indices (``y_{\\max}``): a name of its own."""
    base, _, subscript = symbol.name.rpartition("_")
    letters = subscript_indices(subscript)
    sizes = families[base]
    if letters is None:
        return _bound_or_digit_entry(symbol, base, subscript, sizes, context, local)
    if len(letters) != len(sizes):
        return (f"{symbol} has {len(letters)} index(es) but the summed family {base} is written "
                f"with {len(sizes) or 'different numbers of'} indices: which entry it is is "
                "not one thing (not read)")
    indices = []
    for letter, high in zip(letters, sizes):
        if letter.isdigit():
            indices.append(sp.Integer(letter))
            continue
        index = sp.Symbol(letter, integer=True)
        if high is not None:
            index_domain(context, local, index, high)
        indices.append(index)
    return sp.IndexedBase(base)[tuple(indices)]


def _bound_or_digit_entry(symbol: sp.Symbol, base: str, subscript: str, sizes: tuple,
                          context, local: dict):
    r"""``y_{mK}``, ``y_{Nj}``, ``y_{11}`` beside the summed family ``y[n, k]`` (n to N, k to
    K): the entry at the last example or class (its index the sum's bound itself) or at digits
    (round 59 AY01: read as a name of their own, ∂E/∂y_{mK} = 0 was proved). A reason (str)
    when such a run of letters and digits is no entry that way (not read: never an unrelated
    name); None when the subscript is no run of single letters and digits (``y_{\max}``)."""
    pieces = [piece for piece in subscript.replace(" ", "").split(",") if piece]
    pieces = pieces if len(pieces) > 1 else list(pieces[0]) if pieces else []
    if not pieces or not all(len(piece) == 1 and piece.isalnum() for piece in pieces):
        return None
    if len(pieces) != len(sizes):
        return (f"{symbol} may be an entry of the summed family {base} (its subscript is a run "
                "of letters and digits), but not one with as many indices: not read")
    indices = []
    for piece, high in zip(pieces, sizes):
        if piece == "1" or (piece.isdigit() and piece != "0" and high is not None
                            and high.is_Integer and int(piece) <= high):  # (every size ≥ 1)
            indices.append(sp.Integer(piece))
        elif piece.isdigit():  # y_{19} with k up to K: K ≥ 9 is meant, the checks may take K =
            return (f"{symbol} is an entry of the summed family {base} at the index {piece}, "
                    f"which its size {high} need not reach at the sizes checked: not read")
        elif piece.islower():
            index = sp.Symbol(piece, integer=True)
            if high is not None:
                index_domain(context, local, index, high)
            indices.append(index)
        elif high is not None and str(high) == piece:
            indices.append(high if high.is_integer else sp.Symbol(  # y_{mK}: the last class,
                piece, integer=True, positive=True))  # K itself (as its sum's bound is read)
        else:
            return (f"{symbol} may be an entry of the summed family {base} at {piece}, which "
                    "is no index the sums give: not read")
    return sp.IndexedBase(base)[tuple(indices)]


def family_rows(expressions: list, families: dict, context, local: dict) -> dict | str:
    """``t_n[k]``, the grammar's row of ``t_{nk}`` summed over k only, beside the summed family
    ``t[n, k]``: that family's entries ``t[n, k]`` (round 58 AX01); a reason (str) when the
    row's indices are not as many as the family's."""
    rows: dict = {}
    for expr in expressions:
        for indexed in expr.atoms(sp.Indexed):
            base, _, head = str(indexed.base.label).rpartition("_")
            letters = subscript_indices(head) if base in families else None
            if letters is None:
                continue
            if len(letters) + len(indexed.indices) != len(families[base]):
                return (f"{indexed} is an entry of {base} with {len(letters) + len(indexed.indices)}"
                        f" indices beside the summed family {base} of other dimensions: not read")
            written = [sp.Integer(letter) if letter.isdigit() else sp.Symbol(letter, integer=True)
                       for letter in letters]  # fmt: skip
            for index, high in zip(written, families[base]):
                if index.is_Symbol and high is not None:
                    index_domain(context, local, index, high)
            rows[indexed] = sp.IndexedBase(base)[(*written, *indexed.indices)]
    return rows


def index_domain(context, local: dict, index: sp.Symbol, high: sp.Basic) -> None:
    """``index`` in 1..high, as this chain's sums say: recorded for the chain (``local``) and,
    when no other reading gave the index a range yet, for the file (the first chain's range;
    :func:`chain_index_domains` puts each chain's own range back over it)."""
    local.setdefault(index, Domain("index", low=1, high=high))
    if index not in context.domains:
        context.domains[index] = Domain("index", low=1, high=high)
        context.chain_index_keys.add(index)


def shifted_index_domain(local: dict, shifted: sp.Basic, high: sp.Basic,
                         not_free: set = frozenset()) -> None:
    """An entry ``x_{j+1}`` of a family or vector with entries 1..high (round 57 AU01, AU02):
    the note means j + 1 in 1..high, so j is in 0..high - 1 — and, where the chain gives j a
    range of its own (``x_j`` beside it: 1..high), in both. A refutation at j + 1 = 13 of a
    vector of one entry is no refutation. Only a shift of one free letter (``j + 1``, ``i -
    1``) is read; a size (n of ``x_{n+1}``) or a summed letter gets no range here."""
    letters = [s for s in shifted.free_symbols if isinstance(s, sp.Symbol)]
    if len(letters) != 1 or letters[0].name in not_free:
        return
    letter = letters[0]
    offset = sp.expand(shifted - letter)
    if not offset.is_Integer:
        return  # 2k, n - i + 1: no range read
    narrow_index_domain(local, letter, 1 - offset, high - offset)


def narrow_index_domain(local: dict, index: sp.Symbol, low: sp.Basic, high: sp.Basic) -> None:
    """``index`` in low..high for this chain, within any index range the chain already gives it
    (``local``); an index the chain reads otherwise (a size, a real) is left alone."""
    known = local.get(index)
    if known is not None and known.kind != "index":
        return
    if known is not None and known.low is not None and known.high is not None:
        low, high = sp.Max(known.low, low), sp.Min(known.high, high)
    local[index] = Domain("index", low=low, high=high)


def chain_index_domains(context, local: dict) -> dict:
    """The index ranges a chain's own sums give (``local``), where they replace the file's: an
    index range read off another display's sums (``\\sum_j`` of size n making k an index in
    1..n) never reaches this chain (round 11a F6); a range stated by a condition
    (``1 \\le k \\le n``) or a directive stays."""
    keys = getattr(context, "chain_index_keys", set())
    return {key: domain for key, domain in local.items()
            if key not in context.domains or key in keys}


_INDEX_TERM = re.compile(r"([+-]?)(\d*)([a-zA-Z]?)")


def computed_index(subscript: str) -> sp.Basic | None:
    """``n+1``, ``i-1``, ``2i``, ``n-i+1`` (a subscript written as an integer affine combination
    of one-letter indices) as that expression, letters integer; None for anything else (a plain
    letter or number is read by the caller; names such as ``ij`` or ``max`` are not indices)."""
    if not any(sign in subscript for sign in "+-") and not re.fullmatch(r"\d+[a-zA-Z]", subscript):
        return None
    if not re.fullmatch(r"[+-]?(\d*[a-zA-Z]|\d+)([+-](\d*[a-zA-Z]|\d+))*", subscript):
        return None
    total: sp.Basic = sp.Integer(0)
    for sign, digits, letter in _INDEX_TERM.findall(subscript):
        if not digits and not letter:
            continue
        term: sp.Basic = sp.Integer(int(digits)) if digits else sp.Integer(1)
        if letter:
            term = term * sp.Symbol(letter, integer=True)
        total += -term if sign == "-" else term
    return total if total.free_symbols else None


def sizes_from_prose(raws: list, symbols: dict) -> list:
    """A size of a declared shape (U is n × r) that the note sets to a positive integer ("Let
    $r = 2$"): the shapes take that size, so no other size is instantiated (u_{i2} exists)."""
    fixed = {}
    for raw in raws:
        if not isinstance(raw, sp.Basic):
            continue
        for matrix in raw.atoms(sp.MatrixSymbol):
            for dimension in matrix.shape:
                if not isinstance(dimension, sp.Symbol):
                    continue
                for name, value in symbols.items():
                    if (getattr(name, "name", None) == dimension.name
                            and isinstance(value, sp.Integer) and value > 0):  # fmt: skip
                        fixed[dimension] = value
    if not fixed:
        return raws
    return [raw if not isinstance(raw, sp.Basic) else raw.xreplace(fixed) for raw in raws]


_MULTIPLE = re.compile(r"(?P<digits>[2-9]|\d{2,})(?P<letter>[a-z])")  # 2i: twice i, or row 2


def two_index_stems(expressions: list) -> set[str]:
    """Letters the chain writes with two indices (``a_{ij}``, ``a_{1k}`` read as row 1,
    ``a_{i2}``, ``a[i, j]``): there ``a_{2k}`` is row 2 of a as much as the entry 2k."""
    stems: set[str] = set()
    for expr in expressions:
        for symbol in expr.free_symbols:
            stem, _, script = getattr(symbol, "name", "").partition("_")
            found = subscript_indices(script.strip("{}")) if stem and script else None
            if found and len(found) >= 2 and not _MULTIPLE.fullmatch(script.strip("{}")):
                stems.add(stem)
        for indexed in expr.atoms(sp.Indexed):
            label = str(indexed.base.label)
            if len(indexed.indices) >= 2 or re.fullmatch(r"[^_]+_\d+", label):
                stems.add(label.partition("_")[0])
    return stems


def row_families(raws: list) -> list:
    """``x_{2i}`` summed over i is the entry x[2i] (:func:`computed_index`, round 7 R10),
    unless the chain also writes x with two indices: then it is row 2 of x, the family
    ``x_2[i]`` (as ``x_{1i}`` always is)."""
    expressions = [raw for raw in raws if isinstance(raw, sp.Basic)]
    stems = two_index_stems(expressions)
    if not stems:
        return raws
    replacements: dict = {}
    for expr in expressions:
        for node in expr.atoms(sp.Sum, sp.Product):
            summed = {str(v): v for v in node.variables}
            for symbol in node.function.free_symbols:
                stem, _, script = getattr(symbol, "name", "").partition("_")
                found = _MULTIPLE.fullmatch(script.strip("{}")) if stem in stems else None
                if found and found.group("letter") in summed:
                    replacements[symbol] = sp.IndexedBase(f"{stem}_{found.group('digits')}")[
                        summed[found.group("letter")]]
    return _row_entries([raw.xreplace(replacements) if isinstance(raw, sp.Basic) else raw
                         for raw in raws] if replacements else raws)


def _row_entries(raws: list) -> list:
    """``a_{11}``, ``a_{i2}`` in a chain that sums over a row ``a_{1k}`` (the family
    ``a_1[k]``): the entries ``a_1[1]``, ``a_i[2]`` of those rows, not other names."""
    expressions = [raw for raw in raws if isinstance(raw, sp.Basic)]
    rows = {str(indexed.base.label): indexed.base for expr in expressions
            for indexed in expr.atoms(sp.Indexed) if len(indexed.indices) == 1}
    replacements = {}
    for expr in expressions:
        for symbol in expr.free_symbols:
            name = getattr(symbol, "name", "")
            found = re.fullmatch(r"(?P<row>[^_]+_(?:[a-z]|\d))(?P<column>[1-9])", name)
            if found and found.group("row") in rows:
                replacements[symbol] = rows[found.group("row")][int(found.group("column"))]
    if not replacements:
        return raws
    return [raw.xreplace(replacements) if isinstance(raw, sp.Basic) else raw for raw in raws]


def unlinked_entry_sum(expressions: list, families: dict | None = None) -> str:
    """Why a chain is not read when a sum runs over an index of entries written with two
    indices that are linked to no matrix (``\\sum_k u_{ik}v_{kb}`` beside ``u_{i1}v_{1b}``, no
    bracket entry): ``v_{kb}`` would be one scalar for every k and the sum's range an unrelated
    size.  "" when there is none; a letter of ``families`` (written ``y_{nk}`` under sums
    over n and k, :func:`summed_families`) is that family's entry, never unlinked."""
    for expr in expressions:
        for node in expr.atoms(sp.Sum, sp.Product):
            summed = {str(limit[0]) for limit in node.limits}
            for symbol in node.function.free_symbols:
                stem, _, script = getattr(symbol, "name", "").partition("_")
                found = subscript_indices(script.strip("{}")) if stem and script else None
                if _MULTIPLE.fullmatch(script.strip("{}")):
                    continue  # x_{2i}: the entry 2i (row_families took the rows)
                if stem in (families or {}):
                    continue  # y_{nj} beside the summed y[n, k]: its entry (family_entry)
                if found and len(found) >= 2 and summed & set(found):
                    return (f"the entries {symbol} of a sum over "
                            f"{', '.join(sorted(summed & set(found)))} are linked to no "
                            "matrix in this chain: not read")  # fmt: skip
    return ""


# -- entries of bold matrices written with indices (symderive.grammar.entries) ---------------
_BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*([A-Za-z])\s*\}")
_WORDS = re.compile(r"\\(?:text|textrm|mathrm|operatorname|mathsf|mathit)\s*\{[^{}]*\}")
_COMMAND = re.compile(r"\\[A-Za-z]+")
_TRACE = re.compile(r"\\(?:operatorname|mathrm|text|mathop)\s*\{\s*(?:tr|Tr|trace)\s*\}"
                    r"|\\(?:tr|Tr|trace)(?![A-Za-z])")
_SUBSCRIPT = re.compile(r"_(?:\{([^{}]*)\}|([A-Za-z0-9]))|\[([a-z1-9])\]")  # x_i, x[i]


def _script_indices(script: re.Match) -> list[str] | None:
    """The index pieces of a subscript (``_{ik}``, ``_k``) or a bracketed index (``[k]``)."""
    return subscript_indices(next(group for group in script.groups() if group is not None))


def entry_links(elements: list, bold_plain: frozenset = frozenset(), einstein: bool = False,
                section: str = "", excluded: frozenset = frozenset(),
                described: frozenset | None = None) -> tuple:
    r"""Which lower-case letters of one chain are entries of which bold name.

    ``u`` is an entry of ``\mathbf{U}`` (``x`` of ``\mathbf{x}``) in a chain that writes that
    bold name, reads entries (a derivative by ``v_{ab}``, a bracket entry ``[…]_{ib}`` or a
    sum), and uses the letter **only** with a subscript of index letters: two for a matrix, one
    for a vector (``u_{ik}``, ``x_k``).  A letter also written bare, with another subscript,
    or beside both ``\mathbf{X}`` and ``\mathbf{x}``, is not linked (two readings).  A plain
    capital the note also writes bold (``A`` beside ``\mathbf{A}``) is that matrix."""
    text = " ".join(element for element in elements if isinstance(element, str))
    differentiated = set(re.findall(r"(?:\{|\s)(?:d|\\partial)\s*([a-z])\s*_", text))
    by_entry = bool(re.search(  # ∂/∂a_{kl}: a derivative by a two-index entry
        r"(?:\{|\s)(?:d|\\partial)\s*[a-z]\s*_\s*\{\s*[a-z0-9]\s*,?\s*[a-z0-9]\s*\}", text))
    trace = bool(_TRACE.search(text))  # tr(A) = Σ_i a_ii: the entries of A beside its trace
    summed = bool(re.search(r"\\(?:sum|prod)\s*_", text))  # x^T y = Σ_i x_i y_i (11a F25)
    if not (re.search(r"\]\s*_", text) or differentiated or einstein or trace or summed):
        return ()  # no entry read here (a bracket entry, a derivative by an entry, a trace, a sum)
    # bounds written (\sum_{i=1}^{n}) are compared with the shapes by the grammar
    # (symderive.grammar.entries.bounded_range): a range that is not the size is not read
    bounds = bool(re.search(r"\\(?:sum|prod)\s*_\s*\{[^{}]*=", text))
    if bounds or not (re.search(r"\]\s*_", text) or differentiated or einstein or trace):
        excluded = excluded if described is None else described  # linked by the sum alone:
        # any word of the section about the plain letter keeps it a name of its own
    bold = set(_BOLD.findall(text))
    if einstein or by_entry:  # Einstein notation, or ∂/∂a_{kl} (C12): the section's bold
        # names (x_i of \mathbf{x}, a_{kl} of the declared \mathbf{A}), where
        bold |= {name for name in _BOLD.findall(section)  # the chain's own do not decide
                 if name.swapcase() not in bold}  # fmt: skip
    stripped = _COMMAND.sub(" ", _WORDS.sub(" ", _BOLD.sub(" ", text)))
    if einstein and not bold:  # ∂(x_j x_j)/∂x_i: the letters written only as x_j are vectors
        bold |= {letter for letter in set(re.findall(r"(?<![A-Za-z])([a-z])\s*_", stripped))
                 if letter in differentiated or re.search(
                     rf"(?<![A-Za-z]){letter}\s*_\s*\{{?\s*([a-z])\s*\}}?.*"
                     rf"(?<![A-Za-z])[a-z]\s*_\s*\{{?\s*\1(?![A-Za-z])", stripped)}
    plain_capitals = set(re.findall(r"(?<![A-Za-z])([A-Z])(?![A-Za-z])", stripped))
    if einstein:  # a plain capital of the section's mathematics that the note writes bold
        plain_capitals |= set(re.findall(r"(?<![A-Za-z\\])([A-Z])(?![A-Za-z])",
                                         _COMMAND.sub(" ", _BOLD.sub(" ", section))))
    names: dict[str, str] = {}
    for letter in sorted(bold | (plain_capitals & set(bold_plain))):
        lower = letter.lower()
        if lower in excluded:
            continue  # the note defines u otherwise (u_{ik} = 2 w_{ik}): not U's entries
        if letter.islower() and letter.upper() in bold:
            continue  # \mathbf{x} and \mathbf{X} in one chain: x_i of which?
        if letter.isupper() and letter.lower() in bold:
            continue
        names[lower] = f"\\mathbf{{{letter}}}" if letter in bold else letter
    links = []
    for lower, name in names.items():
        wanted = 1 if name.replace("\\mathbf{", "")[:1].islower() else 2
        uses = [m.end() for m in re.finditer(lower, stripped)]  # letters are tokens
        if not uses:
            continue
        fits = True
        for end in uses:
            script = _SUBSCRIPT.match(stripped, end)
            if script is None:
                fits = False
                break
            found = _script_indices(script)
            if found is None or len(found) != wanted:
                fits = False
                break
        if fits:
            links.append((lower, name))
    links += _capital_links(names, stripped, bold, bold_plain,
                            excluded if described is None else described)
    linked = {lower for lower, _ in links}
    for match in re.finditer(r"([a-z])\s*_\s*(?:\{([^{}]*)\}|([a-z]))", stripped):
        found = subscript_indices(match.group(2) if match.group(2) is not None
                                  else match.group(3))  # fmt: skip
        if links and found and len(found) <= 2 and match.group(1) not in linked and (
            match.group(1).upper() in bold or match.group(1) in bold or len(found) == 2
        ):  # x_{ib} beside linked u_{ik}: half of the entries would be read as scalars
            return ()
    return tuple(links)


def _capital_links(names: dict, stripped: str, bold: set, bold_plain: frozenset,
                   excluded: frozenset) -> list:
    r"""``A_{ii}`` beside ``\mathbf{A}``: the plain capital written with two indices is that
    matrix's entries, when every subscript it carries is two indices and it is written bare
    only as the matrix itself (a capital the note also writes bold)."""
    links = []
    for name in names.values():
        letter = name.replace("\\mathbf{", "")[:1]
        if not (letter.isupper() and letter in bold) or letter in excluded:
            continue
        uses = [m.end() for m in re.finditer(rf"(?<![A-Za-z]){letter}", stripped)]
        scripts = [_SUBSCRIPT.match(stripped, end) for end in uses]
        if not any(scripts) or (letter not in bold_plain and not all(scripts)):
            continue
        found = [_script_indices(script) for script in scripts if script]
        if all(indices is not None and len(indices) == 2 for indices in found):
            links.append((letter, name))
    return links


# a plain letter (or its first entries) opening a formula of the prose: $x$, $x_i$, $x_1,
# \dots$, $x \in \mathbb{R}$, $x = 3$, $A_{ij} = …$, \(x_i\)
_PLAIN_MENTION = re.compile(
    r"(?:\$|\\\()\s*([A-Za-z])\s*(_|\$|\\\)|=|,|\\in(?![A-Za-z]))")
_DISPLAYED = re.compile(r"\$\$.*?(?:\$\$|$)")
_OWN_ENTRIES = re.compile(
    r"\b(?:entr(?:y|ies)|components?|coordinates?|elements?)\b|원소|성분|좌표", re.IGNORECASE)


def _own_entries(sentence: str, letter: str) -> bool:
    """Whether a sentence says, unnegated, that ``letter`` with indices is the entries of the
    bold vector or matrix of its letter ("$\\mathbf{x} \\in \\mathbb{R}^n$ with entries $x_i$",
    "let $u_{ik}$ be the entries of $\\mathbf{U}$", "$\\mathbf{x}$의 원소 $x_i$")."""
    own = re.search(rf"\\(?:mathbf|boldsymbol|bm)\s*\{{\s*[{letter.lower()}{letter.upper()}]\s*\}}",
                    sentence)
    return bool(own and _OWN_ENTRIES.search(sentence) and not NEGATED.search(sentence))


_NAMING = re.compile(r"\b(?:let|write|writes|denote|denotes|define|defines|set)\b",
                     re.IGNORECASE)


def _view_letters(view) -> set:
    """Letters a definition in force gives a value (``u_{ik} = 2 w_{ik}``, ``x = 3``,
    ``A_{ij} = …``)."""
    letters = set()
    for name in list(view.symbols) + list(view.functions):
        text = str(name)
        stem, _, script = text.partition("_")
        if len(stem) == 1 and stem.isalpha() and (not script or subscript_indices(
                script.strip("{}")) is not None):  # fmt: skip
            letters.add(stem)
    return letters


def defined_letters(view, lines: list, headings: list, line: int) -> frozenset:
    """Lower-case letters the note defines as something other than the entries of the bold
    matrix of their letter, so that :func:`entry_links` does not link them: a definition
    (``u_{ik} = 2 w_{ik}``, ``a_{ij} = x_i x_j``) in force at the chain, or a sentence of the
    section naming the letter ("Let $u$ …", "We write $u_{ik}$ for the entries of
    $\\mathbf{W}$") unless it says, unnegated, that these are the entries of its own bold
    matrix."""
    letters = {letter for letter in _view_letters(view) if letter.islower()}
    for text in scoped_lines(lines, headings, line):
        if text.lstrip().startswith("#"):
            continue
        for sentence in SENTENCE_END.split(text):
            if not _NAMING.search(sentence):
                continue
            for letter in re.findall(r"\$\s*([a-z])\s*(?:_|\$|=|\\in)", sentence):
                own = f"\\mathbf{{{letter.upper()}}}"
                if ("entr" in sentence and own in sentence
                        and not NEGATED.search(sentence)):  # fmt: skip
                    continue  # "let u_{ik} be the entries of \mathbf{U}"
                letters.add(letter)
    return frozenset(letters)


def described_letters(view, lines: list, headings: list, line: int) -> frozenset:
    """Letters whose entries are linked only by the sum beside their bold name (round 11a F25:
    ``\\|\\mathbf{x}\\|^2 = \\sum_{i=1}^{n} x_i^2``, ``A_{ii}`` of ``\\mathbf{A}``) and that the
    note defines or describes otherwise, so that :func:`entry_links` does not link them: a
    definition in force, or any sentence of the section, before or after the chain, whose
    formula opens with the plain letter ("Here $x$ is a scalar.", "where $x_i$ is the
    $i$-th sample", "Let $x_1, \\dots, x_n$ be the data") unless it says, unnegated, that
    its indexed letter is the entries of its own bold name ("$\\mathbf{x} \\in \\mathbb{R}^n$
    with entries $x_i$", "$\\mathbf{x}$의 원소 $x_i$")."""
    letters = _view_letters(view)
    _, last = section_of(lines, headings, line)
    after = lines[line - 1:last] if 0 < line <= len(lines) else []
    for text in scoped_lines(lines, headings, line) + after:
        if text.lstrip().startswith("#"):
            continue
        text = _DISPLAYED.sub(" ", text)  # the prose's formulas, not the displays
        for sentence in SENTENCE_END.split(text):
            for letter, after_letter in _PLAIN_MENTION.findall(sentence):
                if after_letter != "_" or not _own_entries(sentence, letter):
                    letters.add(letter)  # a bare $x$ beside "entries $x_i$" is a scalar too
    return frozenset(letters)


# -- what the note itself says about u_{ik} (C10): the entry reading only when nothing else --
_TWO_INDEX = r"{letter}\s*_\s*(?:\{{\s*[a-z0-9]\s*,?\s*[a-z0-9]\s*\}})"
_ENTRY_WORDS = re.compile(
    r"\b(?:entr(?:y|ies)|elements?|components?|denot\w*|where|write|writes|written|stands?|"
    r"represents?|let|define[sd]?|defining|call\w*)\b|원소|성분|나타|정의|놓",
    re.IGNORECASE,
)
_DEFINING = r"(?:^|\$|\\text\s*\{{[^{{}}]*\}}|\\quad|[,;(]|\bwhere\b|\blet\b)\s*" + _TWO_INDEX + (
    r"\s*(?::=|=|\\coloneqq|\\equiv|\\triangleq|\\stackrel)")
# the only statement that keeps the reading: "$u_{ik}$ is the $(i, k)$ entry of $\mathbf{U}$"
_OWN_ENTRY = (r"\$\s*{letter}\s*_\s*\{{\s*([a-z])\s*,?\s*([a-z])\s*\}}\s*\$\s+(?:is|denotes)\s+"
              r"the\s+\$?\s*\(\s*\1\s*,\s*\2\s*\)\s*\$?(?:-?th)?\s+entry\s+of\s+"
              r"\$\s*\\mathbf\s*\{{\s*{upper}\s*\}}\s*\$\s*\.?")


_CONSISTENT = (r"\$\s*{letter}\s*_\s*\{{\s*([a-z])\s*,?\s*([a-z])\s*\}}\s*=\s*"
               r"\[\s*\\mathbf\s*\{{\s*{upper}\s*\}}\s*\^\s*\{{?\s*(?:\\top|T)\s*\}}?\s*\]\s*_\s*"
               r"\{{\s*\2\s*,?\s*\1\s*\}}\s*\$")
_CLAUSE = re.compile(r"[,;]\s+(?![^$]*\$[^$]*$)|\s+(?:which|so|so\s+that|because|but)\s+")
_MATH_DELIMITER = re.compile(r"\\\\?[()\[\]]|\$\$")


def entry_said_otherwise(lines: list, letter: str) -> list[tuple[int, str]]:
    r"""(line, text) of every place in the file that says something about ``u`` written
    with two indices other than exactly "$u_{ik}$ is the $(i, k)$ entry of $\mathbf{U}$" (or
    d2l's "$u_{ia} = [\mathbf{U}^\top]_{ai}$", which is the entry reading itself):

    * a definition ``u_{ik} = …`` / ``u_{ik} := …`` in prose or mathematics ("where
      $u_{ik} = 2 w_{ik}$", also ``\text{where } u_{ik} = 2 w_{ik}`` in a display or the
      paragraph after it);
    * a sentence naming the bare ``$u_{ik}$`` with entry/element/denotes/where/write/원소/성분 …
      ("Let $\mathbf{U}' = 2\mathbf{U}$ with entries $u_{ik}$", "$u_{ik}$ denotes the
      $(k, i)$ entry of …").

    Then u_{ik} is not read as the entries of \mathbf{U} anywhere in the file: in doubt, off.
    An expression stated about entries ("$a_{ki} + a_{ik}$ is the $k, i$-th component of
    …") names no letter and is not such a place."""
    mention = re.compile(_TWO_INDEX.format(letter=letter))
    bare = re.compile(r"\$\s*" + _TWO_INDEX.format(letter=letter) + r"\s*\$")
    defining = re.compile(_DEFINING.format(letter=letter), re.IGNORECASE)
    own = re.compile(_OWN_ENTRY.format(letter=letter, upper=letter.upper()), re.IGNORECASE)
    consistent = re.compile(_CONSISTENT.format(letter=letter, upper=letter.upper()))
    found = []
    for number, raw in enumerate(lines, start=1):
        if not mention.search(raw):
            continue
        text = _MATH_DELIMITER.sub("$", raw)
        for sentence in SENTENCE_END.split(text):
            if not mention.search(sentence):
                continue
            if own.fullmatch(sentence.strip()):
                continue
            kept = consistent.sub(" ", sentence)
            named = any(  # the word beside the bare u_{ik} it names, in one clause
                bare.search(clause) and _ENTRY_WORDS.search(re.sub(r"\$[^$]*\$", " ", clause))
                for clause in _CLAUSE.split(kept)
            )
            if defining.search(kept) or named:
                found.append((number, raw.strip()))
                break
    return found


def entries_said_otherwise(lines: list, links: tuple, line: int = 0) -> str:
    """Why a chain's entry links are not used: the note says something else about one of the
    linked letters (:func:`entry_said_otherwise`), quoted (the place nearest the chain at
    ``line``); "" when nothing."""
    for letter, name in links:
        if name.replace("\\mathbf{", "")[:1].islower():
            continue  # x_k of a vector: not this check
        found = entry_said_otherwise(lines, letter)
        if found:
            number, text = min(found, key=lambda place: (abs(place[0] - line), place[0]))
            quoted = text if len(text) <= 160 else text[:157] + "…"
            return (f"{letter} with two indices is described by the note itself (line {number}: "
                    f"\"{quoted}\"), so {letter}_{{ik}} is not read as the entries of {name}: "
                    "not read")  # fmt: skip
    return ""


def entries_of(expr: sp.Basic) -> list:
    """The entries of named matrices in ``expr`` (MatrixElements of MatrixSymbols)."""
    return [e for e in expr.atoms(MatrixElement) if isinstance(e.parent, sp.MatrixSymbol)]


def free_entry_indices(expr: sp.Basic) -> dict:
    """Free index symbols of entries in ``expr`` → the sizes they walk: ``a, b`` of
    ``d/dv_{ab}`` and ``i, b`` of ``[\\mathbf{U}\\mathbf{V}]_{ib}`` are free, the index of a sum
    that encloses the entry is bound (a derivative's variable is not a binding here)."""
    walked: dict = {}

    def visit(node: sp.Basic, bound: frozenset) -> None:
        if isinstance(node, MatrixElement) and isinstance(node.parent, sp.MatrixExpr):
            for position, value in enumerate((node.i, node.j)):
                for symbol in value.free_symbols:
                    if value == symbol - 1 and symbol not in bound:
                        walked.setdefault(symbol, set()).add(node.parent.shape[position])
            if isinstance(node.parent, sp.MatrixSymbol):
                return
        if isinstance(node, (sp.Sum, sp.Product)):
            bound = bound | {limit[0] for limit in node.limits}
        for argument in node.args:
            if isinstance(argument, sp.Basic):
                visit(argument, bound)

    visit(expr, frozenset())
    return walked


def wrap_free_entries(raws: list) -> list:
    """A chain about one entry at free indices (``[\\mathbf{U}\\mathbf{V}]_{ib} = \\sum_k
    u_{ik}v_{kb}`` for every i, b) as a chain about the whole matrix of those entries
    (:class:`symderive.matrixcalc.EntryMatrix`), so that every value of the free indices is
    checked at each instantiated size.  Indices that walk two different sizes, or more than
    two free indices, are not read."""
    expressions = [raw for raw in raws if isinstance(raw, sp.Basic)]
    walked: dict = {}
    for expr in expressions:
        for symbol, sizes in free_entry_indices(expr).items():
            walked.setdefault(symbol, set()).update(sizes)
    if not walked:
        return raws
    problem = None
    if len(walked) > 2:
        problem = (f"an entry claim with {len(walked)} free indices "
                   f"({', '.join(sorted(map(str, walked)))}) is not read")  # fmt: skip
    for symbol, sizes in walked.items():
        if len(sizes) > 1:
            problem = (f"the index {symbol} walks dimensions of sizes "
                       f"{', '.join(sorted(map(str, sizes)))}: the matrix shapes do not fit "
                       "(a shape mismatch, not read)")  # fmt: skip
    summed = {str(limit[0]) for expr in expressions for node in expr.atoms(sp.Sum, sp.Product)
              for limit in node.limits}  # fmt: skip
    for symbol in walked:
        if str(symbol) in summed:
            problem = (f"the index {symbol} is free in one place and summed in another "
                       "(x_i x_i x_i = \\sum_i x_i^3): not read")  # fmt: skip
    if problem:
        return [raw if isinstance(raw, ParseError) else ParseError(problem) for raw in raws]
    free_names_ = {str(symbol) for symbol in walked}
    for expr in expressions:
        for symbol in expr.atoms(sp.Symbol):
            stem, _, script = symbol.name.partition("_")
            found = subscript_indices(script.strip("{}")) if stem and script else None
            if found and free_names_ & set(found):
                problem = (f"{symbol} is written at the free index "
                           f"{', '.join(sorted(free_names_ & set(found)))} of an entry claim but "
                           "is linked to no array: its value at each index is unknown "
                           "(not read)")  # fmt: skip
                return [raw if isinstance(raw, ParseError) else ParseError(problem)
                        for raw in raws]  # fmt: skip
    order = sorted(walked, key=str)
    dummies = [sp.Dummy(str(symbol)) for symbol in order]  # no domain: never sampled as a size
    sizes = [next(iter(walked[symbol])) for symbol in order]
    rows, cols = (sizes[0], sizes[1]) if len(sizes) == 2 else (sizes[0], 1)
    result = []
    for raw in raws:
        if not isinstance(raw, sp.Basic):
            result.append(raw)
            continue
        if isinstance(raw, sp.MatrixExpr):
            raw = as_scalar(raw)
        if isinstance(raw, sp.MatrixExpr):
            result.append(ParseError("a matrix beside a claim about one entry is not read"))
            continue
        # the index written outside the entries (\mathbb{1}(i \le n)) is the same index: one
        # symbol per letter, so it takes the values 1..size only, never 12 with n = 1
        by_name = {str(symbol): dummy for symbol, dummy in zip(order, dummies)}
        body = raw.xreplace({symbol: by_name[symbol.name] for symbol in raw.atoms(sp.Symbol)
                             if symbol.name in by_name})  # fmt: skip
        result.append(EntryMatrix(body, tuple(dummies), rows, cols))
    return result


# -- Einstein summation, where the note says it uses it -----------------------------------------
EINSTEIN = re.compile(
    r"Einstein(?:'s)?\s+(?:index\s+)?(?:notation|summation|convention)"
    r"|(?:notation|summation|convention)\s+of\s+Einstein|아인슈타인\s*(?:표기|합|규약)",
    re.IGNORECASE,
)
NEGATED = NEGATED_OR_CONTRASTED  # "we will not use", "unlike Einstein notation"
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n")
# The affirmative test is a whitelist: the clause naming Einstein must be one of these
# templates *entirely* ("We use Einstein notation.", d2l's "let's consider this problem using
# Einstein notation", "Einstein summation is implied", "아인슈타인 표기법을 사용한다"); anything
# else in it ("in the next section only", "Students often wrongly use …", "We avoid …") means
# not adopted.  NEGATED above stays as a second guard over the whole sentence.
_EINSTEIN_NAME = (r"(?:the\s+)?Einstein(?:'s)?\s+(?:index\s+)?(?:summation\s+)?"
                  r"(?:convention|notation|summation)")
_EINSTEIN_WHERE = r"(?:\s+(?:here|throughout|below|from\s+now\s+on|in\s+this\s+(?:section|note)))?"
EINSTEIN_ADOPTED = re.compile(
    r"(?:(?:here|now|below|in\s+this\s+(?:section|note)),?\s+)?"
    r"(?:(?:we|let's|let\s+us)\s+(?:will\s+|shall\s+)?"
    r"(?:use|adopt|employ|follow|write\s+(?:this|it|everything)\s+(?:in|with)|"
    r"(?:consider|write|solve|treat|do)\s+(?:this|the)\s+(?:problem|expression|function|sum|"
    r"computation|derivation)\s+(?:using|with|in))\s+" + _EINSTEIN_NAME + _EINSTEIN_WHERE
    + r"|" + _EINSTEIN_NAME + r"\s+is\s+(?:used|implied|assumed|in\s+force)" + _EINSTEIN_WHERE
    + r"|(?:이\s*절에서는\s*|여기서는\s*|이제\s*)?아인슈타인\s*(?:합\s*)?(?:표기법|표기|규약)\s*[을를]\s*"
    r"(?:사용한다|사용합니다|사용하자|사용하겠습니다|쓴다|씁니다|따른다|따릅니다))\s*[.!:;]?",
    re.IGNORECASE,
)
# words outside the Einstein clause that qualify it: "…, but only in the next section"
_EINSTEIN_QUALIFIED = re.compile(
    r"\b(?:only|next|previous|later|earlier|other|wrong(?:ly)?|avoid\w*|often|sometimes|"
    r"usually|rarely|could|would|might|should|if|unless|except|but|however|students?|"
    r"mistake\w*|error\w*|sections?|chapters?)\b|만|다음|이전|잘못|피하|가끔",
    re.IGNORECASE,
)


def einstein_adopted(sentence: str) -> bool:
    """Whether one sentence adopts Einstein's convention here: the clause naming it is an
    affirmative template in full (:data:`EINSTEIN_ADOPTED`), no other clause qualifies it,
    and nothing in it is negated (:data:`NEGATED`)."""
    if not EINSTEIN.search(sentence) or NEGATED.search(sentence):
        return False
    clauses = [c.strip() for c in re.split(r",\s*|\s+(?:and|so)\s+", sentence.strip()) if c.strip()]
    naming = [c for c in clauses if EINSTEIN.search(c)]
    if len(naming) != 1 or not EINSTEIN_ADOPTED.fullmatch(naming[0]):
        return False
    return not any(_EINSTEIN_QUALIFIED.search(c) for c in clauses if c is not naming[0])


def section_of(lines: list, headings: list, line: int) -> tuple[int, int]:
    """The (first, last) line numbers of the section holding ``line`` (1-based)."""
    first = max((h for h in headings if h <= line), default=1)
    last = min((h - 1 for h in headings if h > line), default=len(lines))
    return first, last


def scoped_lines(lines: list, headings, line: int) -> list[str]:
    """The lines before ``line`` whose statements hold there (:mod:`symderive.notes.sections`:
    its section and the sections enclosing it, from their headings on)."""
    return [lines[number - 1] for number in as_sections(headings).before(line)
            if number <= len(lines)]


def einstein_stated(lines: list, headings: list, line: int) -> bool:
    """Whether the prose of the chain's section, before the chain, says it writes Einstein
    notation (d2l: "let's consider this problem using Einstein notation"): a sentence naming
    the notation, summation or convention, not negated ("we will not use", "unlike"); the
    person ("as Einstein said") or a heading is not enough."""
    for text in scoped_lines(lines, headings, line):
        if text.lstrip().startswith("#"):
            continue  # a heading names the section, it does not say the note uses it
        for sentence in SENTENCE_END.split(text):
            if einstein_adopted(sentence):
                return True  # an affirmative sentence: "we use Einstein notation"
    return False


def section_bold(lines: list, headings: list, line: int) -> str:
    """The mathematics written in the chain's section up to the chain (its bold names and
    plain capitals decide entries in Einstein notation: :func:`entry_links`)."""
    own = lines[line - 1] if 0 < line <= len(lines) else ""
    text = "\n".join([*scoped_lines(lines, headings, line), own])
    return " ".join(re.findall(r"\$[^$]*\$", text))


class NotEinstein(ValueError):
    """An index written more than twice in one product, or terms with different free
    indices: not a sum by Einstein's convention."""


def einstein(expr: sp.Basic) -> sp.Basic:
    """Repeated entry indices summed, as Einstein's convention writes them: in each product an
    index written twice (``x_i a_{ij} x_j``, ``\\frac{dx_i}{dx_k} a_{ij} x_j``) is summed over the
    size it walks, an index written once stays free (``k``).  Raises :class:`NotEinstein`."""
    result, _free = _einstein(expr)
    return result


def _entry_indices(element) -> list:
    found = []
    for value in (element.i, element.j):
        for symbol in value.free_symbols:
            if value == symbol - 1:
                found.append(symbol)
    return found


def _einstein(expr: sp.Basic, bound: frozenset = frozenset()):
    """(expr with repeated indices summed, Counter of its free indices); ``bound``: indices of
    the explicit sums around it, which are never summed again."""
    from collections import Counter

    from symderive.grammar.entries import walked_sizes

    if isinstance(expr, MatrixElement) and isinstance(expr.parent, sp.MatrixSymbol):
        return expr, Counter(i for i in _entry_indices(expr) if i not in bound)
    if not expr.args or isinstance(expr, (sp.MatrixSymbol, sp.Symbol)):
        return expr, Counter()
    if isinstance(expr, (sp.Sum, sp.Product)):
        inside = bound | {limit[0] for limit in expr.limits}
        body, counts = _einstein(expr.function, inside)
        return expr.func(body, *expr.limits), counts
    if isinstance(expr, sp.Add):
        parts = [_einstein(term, bound) for term in expr.args]
        frees = {frozenset(counts) for _, counts in parts}
        if len(frees) > 1:
            raise NotEinstein("terms with different free indices")
        return sp.Add(*(term for term, _ in parts)), parts[0][1]
    if (isinstance(expr, sp.Pow) and expr.exp == 2 and isinstance(expr.base, MatrixElement)
            and isinstance(expr.base.parent, sp.MatrixSymbol)):  # x_j x_j, which SymPy squares
        return _einstein(sp.Mul(expr.base, expr.base, evaluate=False), bound)
    if isinstance(expr, sp.Pow) and _einstein(expr.base, bound)[1] and expr.exp != 1:
        raise NotEinstein("a power of an indexed entry (an index written more than twice)")
    if isinstance(expr, sp.Mul):  # a_j x_j x_j (a_j x_j^2): the index j three times
        squared = [_einstein(f.base, bound)[1] for f in expr.args
                   if isinstance(f, sp.Pow) and f.exp == 2 and isinstance(f.base, MatrixElement)]
        others = [_einstein(f, bound)[1] for f in expr.args
                  if not (isinstance(f, sp.Pow) and f.exp == 2
                          and isinstance(f.base, MatrixElement))]  # fmt: skip
        if any(set(square) & set(other) for square in squared for other in others):
            raise NotEinstein("an index written more than twice in one product")
    if isinstance(expr, (sp.Mul, sp.Derivative)):
        if isinstance(expr, sp.Derivative):
            inner, counts = _einstein(expr.expr, bound)
            for variable in expr.variables:
                counts.update(i for i in (_entry_indices(variable) if isinstance(
                    variable, MatrixElement) else []) if i not in bound)  # fmt: skip
            node = sp.Derivative(inner, *expr.variable_count)
        else:
            parts = [_einstein(factor, bound) for factor in expr.args]
            counts = Counter()
            for _, part in parts:
                counts.update(part)
            node = sp.Mul(*(factor for factor, _ in parts))
        if any(count > 2 for count in counts.values()):
            raise NotEinstein("an index written more than twice in one product")
        for index in sorted((i for i, c in counts.items() if c == 2), key=str):
            sizes = walked_sizes(node, index)
            if len(sizes) != 1:
                raise NotEinstein(f"the index {index} walks sizes {sizes}")
            node = sp.Sum(node, (index, 1, next(iter(sizes))))
            del counts[index]
        return node, counts
    parts = [_einstein(argument, bound) if isinstance(argument, sp.Basic)
             else (argument, Counter()) for argument in expr.args]  # fmt: skip
    counts = Counter()
    for _, part in parts:
        counts.update(part)
    if any(count > 1 for count in counts.values()):
        raise NotEinstein("an index repeated inside a function's arguments")
    return expr.func(*(argument for argument, _ in parts)), counts


def einstein_chain(raws: list, powers_written: bool = True) -> list:
    """Each side of an Einstein-notation chain with its repeated indices summed; a side that
    does not follow the convention is not read.  A square of an entry is the product ``x_j
    x_j`` SymPy made of it (summed) only where the chain writes no power of an entry
    (``powers_written`` False): ``x_j^2`` as written is not read."""
    result = []
    for raw in raws:
        if not isinstance(raw, sp.Basic) or not raw.atoms(MatrixElement):
            result.append(raw)
            continue
        if powers_written and any(isinstance(power.base, MatrixElement)
                                  for power in raw.atoms(sp.Pow)):  # fmt: skip
            result.append(ParseError("Einstein notation (the note says so): a power of an "
                                     "indexed entry (an index written more than twice)"))
            continue
        if not repeated_index(raw):  # nothing written twice: the chain is read as written
            result.append(raw)
            continue
        try:
            result.append(einstein(raw))
        except NotEinstein as problem:
            result.append(ParseError(f"Einstein notation (the note says so): {problem}"))
    return result


def repeated_index(expr: sp.Basic, bound: frozenset = frozenset()) -> bool:
    """Whether some product writes an entry index twice outside any sum over it
    (``x_i a_{ij} x_j``): only then is Einstein's convention needed to read it."""
    from collections import Counter

    if isinstance(expr, (sp.Sum, sp.Product)):
        return repeated_index(expr.function, bound | {limit[0] for limit in expr.limits})
    if (isinstance(expr, sp.Pow) and isinstance(expr.base, MatrixElement)
            and [i for i in _entry_indices(expr.base) if i not in bound]):  # fmt: skip
        return True  # x_i x_i x_i is x_i^3: an index written three times
    if isinstance(expr, (sp.Mul, sp.Derivative)):
        counts: Counter = Counter()
        for element in expr.atoms(MatrixElement):
            if isinstance(element.parent, sp.MatrixSymbol) and not _inside_sum(expr, element):
                counts.update(i for i in _entry_indices(element) if i not in bound)
        if any(count >= 2 for count in counts.values()):
            return True
    return any(repeated_index(argument, bound) for argument in expr.args
               if isinstance(argument, sp.Basic))  # fmt: skip


def _inside_sum(expr: sp.Basic, element: sp.Basic) -> bool:
    """Whether ``element`` occurs in ``expr`` only inside a sum or product."""
    if expr == element:
        return False
    if isinstance(expr, (sp.Sum, sp.Product)):
        return True
    return all(_inside_sum(argument, element) for argument in expr.args
               if isinstance(argument, sp.Basic) and argument.has(element))  # fmt: skip


def valued_entries(raws: list, view) -> str:
    r"""Why no refutation of a chain stands when the note gives a value in force to one entry
    ``y_c`` of a vector (``y_c = 1`` in "a one-hot label whose only nonzero entry is
    $y_c = 1$") that the chain reads entry by entry (``y[j]`` in ``\sum_j y_j \log \hat{y}_j``):
    the chain's entries ``y[j]`` are then arbitrary numbers, while the note says more about
    them (the value at c, the others in words), so a counterexample is not one to the note's
    claim.  A family defined through its index (``p_k = e^{f_k}/\sum_j e^{f_j}``) is used as
    such (:func:`family_values`) and raises no doubt.  "" when there is none."""
    for raw in raws:
        if not isinstance(raw, sp.Basic):
            continue
        family = family_values(raw, view.symbols)
        for entry in sorted(raw.atoms(sp.Indexed), key=str):
            if entry in family or len(entry.indices) != 1:
                continue
            stem = str(entry.base.label)
            for symbol, value in view.symbols.items():
                name = getattr(symbol, "name", "").replace("{", "").replace("}", "")
                base, _, letter = name.rpartition("_")
                if base != stem or not (len(letter) == 1 and letter.isalpha()):
                    continue
                said = view.notes.get(("symbol", symbol), f"{name} = {sp.sstr(value)}")
                return (f"the note gives the entry {name} of {stem} a value ({said}) while "
                        f"this chain reads {stem} entry by entry ({entry}) as arbitrary numbers")
    return ""


def family_values(expr: sp.Basic, symbols: dict) -> dict:
    """``p_{y_i}`` after ``p_k = \\frac{e^{f_k}}{\\sum_j e^{f_j}}``: a definition of ``p_k`` whose
    body uses its index k (``f[k]``) defines the whole family p[·]; an entry ``p[y_i]`` is that
    body at k = y_i.  Returns {entry: value} for the entries of ``expr`` so defined."""
    found = {}
    for entry in expr.atoms(sp.Indexed):
        if len(entry.indices) != 1:
            continue
        base = str(entry.base.label)
        for symbol, body in symbols.items():
            name = getattr(symbol, "name", "")
            stem, _, letter = name.rpartition("_")
            if stem != base or len(letter) != 1 or not letter.isalpha():
                continue
            index = [s for s in getattr(body, "free_symbols", ())
                     if isinstance(s, sp.Symbol) and s.name == letter]  # fmt: skip
            used = [i for i in index if any(i in e.indices for e in body.atoms(sp.Indexed))]
            if used:
                found[entry] = body.xreplace({i: entry.indices[0] for i in index})
    return found


def unlinked_family_definition(expr: sp.Basic, defined: dict) -> str:
    """Why a derivative of ``expr`` is not read when it holds entries ``y[n, k]`` of a summed
    family whose entry the note defines only as a name of its own (``y_{nk} = \\frac{e^{z_{nk}}}
    {\\sum_j e^{z_{nj}}}``, read as the scalar ``y_nk``): the definition never reaches the
    sums, and ∂L/∂z_{mj} would read 0 (round 58 AX02); "" when there is none."""
    for indexed in expr.atoms(sp.Indexed):
        stem = str(indexed.base.label)
        for name in defined:
            base, _, script = getattr(name, "name", str(name)).rpartition("_")
            letters = subscript_indices(script) if base == stem else None
            if letters is not None and (len(indexed.indices) >= 2 or len(letters) == 1):
                # (one index too: a_j = σ(z_j) beside y = Σ_j v_j a_j, with z_j a name of its
                # own, is no family; ∂L/∂b_j read 0 was proved, round 60 BA01)
                return (f"{name} is defined as a name of its own, not linked to the entries "
                        f"{stem}[…] the sums run over: the derivative through it is not read")
    return ""
