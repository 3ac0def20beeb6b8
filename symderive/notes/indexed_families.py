r"""Indexed definitions and their instances (review round 12a, F2).

``x_k = 2^k``, ``a_n = n^2``, ``\hat m_t = \frac{m_t}{1 - \beta_1^t}``: a definition of a name
whose subscript is one letter that its right side uses — as a name (``2^k``) or as the subscript
of other names (``m_t``) — defines the whole family. ``x_3`` (the same stem, a number for the
subscript) is its instance at k = 3: the right side with k = 3, ``m_t`` read as ``m_1``. So a
later ``x_3 = 9`` after *Then* is a claim about the family, checked against 2^3 = 8 (refuted),
never a fresh name's example value; and a step using ``x_3`` uses 8.

Not a family (the instance stays a name of its own): a recurrence (the stem on its own right
side, ``x_k = 2 x_{k-1}``), a right side with another subscript built from the letter
(``m_{t-1}``, ``w_{tj}``) or with indexed entries, a letter bound inside the right side (a sum
over it), an index where the right side has no value (``a_n = 1/n`` at n = 0), and a letter
the prose calls a constant, a parameter or a coefficient (*Here $k$ is the spring constant*:
``U_k = \frac12 k x^2`` is a name with a subscript, :mod:`symderive.notes.constant_letters`;
review round 13, F2).

One formula never gives the letter two values (round 13, F2): ``U_2 = \frac14 k x^2`` after
``U_k = \frac12 k x^2`` writes k on its own beside the instance, so U_2 there is no instance at
k = 2 (:func:`letter_free`, :func:`clashing_instances`) — the formula is read as a new definition
of U_2 or a claim about U_k (both readings checked), and a claim that reads so is never refuted.
Written beside the family's own name (``x_k - x_3 = 2^k - 8``) the letter is its index there.
"""

from __future__ import annotations

import re

import sympy as sp

SUBSCRIPTED = re.compile(
    r"^\s*(?P<stem>[^_]+?)\s*_\s*(?:\{\s*(?P<braced>[^{}]+?)\s*\}|(?P<bare>[A-Za-z0-9]))\s*$")
BINDING = (sp.Sum, sp.Product, sp.Integral)


LABEL = re.compile(r"\^\s*\{\s*\[\s*([^\]{}]*?)\s*\]\s*\}")


def subscript_spelling(text: str) -> str:
    """A layer label written as the family's index (round 17 F10): ``c^{[l+1]}`` →
    ``c^[]_{l+1}``, so ``c^{[l]} = l^2`` is the family of its layers as ``c_l = l^2`` is of
    its terms (the stem ``c^[]`` keeps the two notations apart)."""
    return LABEL.sub(lambda m: "^[]_{" + re.sub(r"\s+", "", m.group(1)) + "}", text or "")


def _indexed(name: str) -> bool:
    return "_" in name or "^{[" in name


def _split(name: str) -> tuple[str, str] | None:
    """``x_{3}`` → ("x", "3"); ``\\hat m_t`` → ("\\hatm", "t"); ``c^{[l]}`` → ("c^[]", "l"): the
    stem with spaces and braces dropped (``\\hat{m}`` and ``\\hat m`` are one stem) and the
    subscript or layer label."""
    match = SUBSCRIPTED.match(subscript_spelling(name or ""))
    if not match:
        return None
    stem = re.sub(r"[\s{}]", "", match.group("stem"))
    return stem, (match.group("braced") or match.group("bare")).strip()


def family_stem(head: str, body: str) -> tuple[str, str] | None:
    """(stem, index letter) of ``head = body`` when it defines a family (``x_k = 2^k``: ("x",
    "k")), else None — read on the LaTeX, for the role classifier."""
    parts = _split(head)
    if parts is None or not re.fullmatch(r"[A-Za-z]", parts[1]):
        return None
    stem, letter = parts
    plain_body = re.sub(r"[\s{}]", "", subscript_spelling(body))
    if not re.search(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])", body) or (
        re.search(rf"(?<![A-Za-z\\]){re.escape(stem)}_", plain_body)
    ):  # 2^k uses k; x_k = 2 x_{k-1} is a recurrence
        return None
    if "^{[" in head and not letter_free(subscript_spelling(body), letter):
        return None  # z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}: names per layer, as before
    return stem, letter


OPERAND = r"(-?\d+|(?<![A-Za-z\\])[A-Za-z](?![A-Za-z]))"
COMPARISON = re.compile(  # "n \ge 1", "0 < k < 5" (the right operand read ahead: chains)
    OPERAND + r"\s*(\\geq?(?:slant)?|\\leq?(?:slant)?|\\gt|\\lt|≥|≤|>=|<=|>|<)\s*"
    r"(?=" + OPERAND + ")")
RELATION = {"\\ge": ">=", "\\geq": ">=", "\\geqslant": ">=", "≥": ">=", ">=": ">=",
            "\\gt": ">", ">": ">", "\\le": "<=", "\\leq": "<=", "\\leqslant": "<=", "≤": "<=",
            "<=": "<=", "\\lt": "<", "<": "<"}  # fmt: skip
FLIPPED = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}


def index_bounds(text: str, letter: str) -> tuple:
    r"""The bounds the text of a family's line states on its index (``for $n \ge 1$``, ``0 < k
    < 5``, ``k = 1, 2, \ldots``) as (lowest, highest), each None when not stated."""
    low, high = None, None
    for match in COMPARISON.finditer(text):
        left, relation, right = match.group(1), RELATION[match.group(2)], match.group(3)
        if right == letter and left != letter:
            left, right, relation = right, left, FLIPPED[relation]
        if left != letter or not re.fullmatch(r"-?\d+", right):
            continue
        number = int(right)
        if relation in (">=", ">"):
            number += relation == ">"
            low = number if low is None else max(low, number)
        else:
            number -= relation == "<"
            high = number if high is None else min(high, number)
    listed = re.search(rf"(?<![A-Za-z\\]){letter}\s*=\s*(-?\d+)\s*,", text)  # k = 1, 2, …
    if listed:
        low = int(listed.group(1)) if low is None else max(low, int(listed.group(1)))
    return low, high


UNREAD_INDEX_DOMAIN = re.compile(
    r"\b(?:even|odd|primes?|multiples?|divisible|only)\b"
    r"|\\(?:dots|ldots|cdots)|\\in\s*\\\{|짝수|홀수|소수|배수", re.I)


def unread_index_domain(text: str) -> bool:
    """Whether the family's line bounds its index in a way :func:`index_bounds` does not read
    (*for even $n$*, *$n = 1, \\dots, 5$*, *$n \\in \\{1, 2, 3\\}$*; round 16 F18, F27): then the
    family gives no instance (b_6, b_{n+1}) a value."""
    return bool(UNREAD_INDEX_DOMAIN.search(text or ""))


def instance_of(head: str) -> tuple[str, int] | None:
    """(stem, index) of an instance written with a number for its subscript (``x_3``,
    ``\\hat m_{1}``), else None."""
    parts = _split(head)
    return (parts[0], int(parts[1])) if parts is not None and parts[1].isdigit() else None


# a shifted subscript: an integer-affine expression of one letter (n+1, n-1, 2i, 2i+1, 1+n),
# as SymPy spells the name (b_{n+1} → "b_n+1")
SHIFTED = re.compile(r"^\s*(?P<stem>[^_]+?)\s*_\s*\{?\s*(?:(?P<scale>\d+)\s*\*?\s*)?"
                     r"(?P<letter>[A-Za-z])\s*(?:(?P<sign>[+-])\s*(?P<shift>\d+))?\s*\}?\s*$"
                     r"|^\s*(?P<stem2>[^_]+?)\s*_\s*\{?\s*(?P<shift2>\d+)\s*\+\s*"
                     r"(?P<letter2>[A-Za-z])\s*\}?\s*$")


def shifted_instance(symbol: sp.Symbol, expr_names: dict, symbols: dict,
                     families: dict) -> tuple | None:
    r"""(the family's symbol, the term's value) for a shifted term ``b_{n+1}`` (SymPy's
    ``b_n+1``) of a family ``b_n = n^2`` (round 14a F14): the body with its letter set to n + 1,
    ``(n + 1)^2`` — the n of the claim (``expr_names``: name → symbol), else the family's own.
    None when ``symbol`` is no such term. A term of a family defined only on a range of indices
    (*for $n \ge 1$*), whose body cannot be read at a shifted index (``m_t`` inside it), or
    written in another letter (``f_{m+1}`` of ``f_n``: ``f_m`` beside it is a name of its own) is
    the family's but not read: :class:`ValueError`, so the claim is never decided on a free
    value for it."""
    match = SHIFTED.match(subscript_spelling(symbol.name))
    if match is None:
        return None
    stem = re.sub(r"[\s{}]", "", match.group("stem") or match.group("stem2"))
    letter = match.group("letter") or match.group("letter2")
    scale = int(match.group("scale") or 1)
    shift = int(match.group("shift") or match.group("shift2") or 0)
    if match.group("sign") == "-":
        shift = -shift
    if scale == 1 and shift == 0:
        return None  # b_m: a name of its own (or the family itself)
    for family, (low, high) in families.items():
        split = _split(getattr(family, "name", ""))
        if split is None or split[0] != stem or family not in symbols:
            continue
        body = symbols[family]
        own = next((name for name in getattr(body, "free_symbols", ())
                    if getattr(name, "name", None) == split[1]), None)
        variable = expr_names.get(letter) or own
        if letter != split[1]:  # f_{m+1} - f_m of f_n: f_m is a name of its own, not read
            raise ValueError(f"{symbol.name} is a term of the family {family.name} at an index "
                             f"in {letter}, not {split[1]}, which is not read")
        if low is not None or high is not None or own is None:
            raise ValueError(f"{symbol.name} is a term of the family {family.name} at a shifted "
                             f"index, which is not read (the family is defined on a range of "
                             f"indices or its body has none)")
        if any(letter_in(name, split[1]) for name in body.free_symbols if name != own) or (
                body.atoms(sp.Indexed)) or any(
                limit[0] == own for node in body.atoms(*BINDING) for limit in node.limits):
            raise ValueError(f"{symbol.name} is a term of the family {family.name} at a shifted "
                             f"index, which is not read (its body has other terms indexed by "
                             f"{split[1]} or binds it)")
        value = body.xreplace({own: scale * variable + shift})
        return family, value
    return None


def shifted_head(head: str) -> tuple[str, str] | None:
    """(stem, letter) of a shifted term written in LaTeX (``b_{n+1}``, ``a_{2k}``), or None
    (also for ``b_n`` itself)."""
    match = SHIFTED.match(re.sub(r"\s+", "", subscript_spelling(head or "")))
    if match is None:
        return None
    scale = int(match.group("scale") or 1)
    shift = int(match.group("shift") or match.group("shift2") or 0)
    if scale == 1 and shift == 0:
        return None
    stem = re.sub(r"[\s{}]", "", match.group("stem") or match.group("stem2"))
    return stem, match.group("letter") or match.group("letter2")


def letter_in(name, letter: str) -> bool:
    """Whether the subscript of ``name`` uses ``letter`` (``m_t``, ``w_{tj}`` for t)."""
    parts = _split(getattr(name, "name", ""))
    return parts is not None and letter in parts[1]


def _instance(symbol: sp.Symbol, symbols: dict, families: dict) -> tuple | None:
    """(the family's symbol, the instance's value) for a symbol ``x_3`` of a family ``x_k`` in
    ``families`` (symbol -> the (lowest, highest) index it is defined at, None: unbounded) whose
    definition ``symbols`` holds, or None."""
    parts = _split(symbol.name)
    if parts is None or not parts[1].isdigit():
        return None
    stem, number = parts[0], int(parts[1])
    for family, (low, high) in families.items():
        split = _split(getattr(family, "name", ""))
        if split is None or split[0] != stem or family not in symbols or (
            low is not None and number < low) or (high is not None and number > high):
            continue
        value = _at(symbols[family], split[1], sp.Integer(number))
        if value is not None:
            return family, value
    return None


def _at(body: sp.Basic, letter: str, number: sp.Integer) -> sp.Basic | None:
    """The body with its index ``letter`` set to ``number`` (``m_t`` → ``m_1``), or None when
    the body is no family in that letter or has no value there."""
    if not isinstance(body, sp.Basic) or body.atoms(sp.Indexed) or any(
        limit[0].name == letter for node in body.atoms(*BINDING) for limit in node.limits
        if isinstance(limit[0], sp.Symbol)
    ):
        return None
    mapping, uses = {}, False
    for name in body.free_symbols:
        if not isinstance(name, sp.Symbol):
            return None
        if name.name == letter:
            mapping[name], uses = number, True
            continue
        parts = _split(name.name)
        shifted = re.fullmatch(rf"(?P<stem>[A-Za-z]+)_\{{?{re.escape(letter)}(?P<shift>[+-]\d+)\}}?",
                               name.name.replace(" ", ""))
        if shifted and int(number) + int(shifted["shift"]) >= 0:  # a_{t-1} at t = 2 is a_1
            mapping[name] = sp.Symbol(f"{shifted['stem']}_{int(number) + int(shifted['shift'])}",
                                      **name.assumptions0)
            uses = True
            continue
        if parts is None and re.search(rf"_.*(?<![A-Za-z]){re.escape(letter)}(?![A-Za-z])",
                                       subscript_spelling(name.name)):
            return None  # a_{t-1} (SymPy's a_t-1): a shifted term, not read (never left free)
        if parts is not None and parts[1] == letter:  # m_t → m_1, a^{[l]} → a^{[1]}
            spelled = (LABEL.sub(f"^{{[{number}]}}", name.name) if "^{[" in name.name
                       else f"{name.name[: -len(letter)]}{number}")
            mapping[name], uses = sp.Symbol(spelled, **name.assumptions0), True
        elif parts is not None and letter in parts[1]:
            return None  # m_{t-1}, w_{tj}, x_{ij}: not read
    if not uses:
        return None
    value = body.xreplace(mapping)
    return None if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo) else value


def instance_values(expr: sp.Basic, symbols: dict, visible, families: dict) -> dict:
    """{instance: value} for the instances ``x_3`` among the symbols ``visible`` in ``expr``
    that have no definition of their own, of a family ``x_k`` in ``families``."""
    found = {}
    names = {symbol.name: symbol for symbol in expr.free_symbols if isinstance(symbol, sp.Symbol)}
    for symbol in visible:
        if not isinstance(symbol, sp.Symbol) or symbol in symbols or not _indexed(symbol.name):
            continue
        instance = _instance(symbol, symbols, families) or shifted_instance(
            symbol, names, symbols, families)
        if instance is not None:
            found[symbol] = instance[1]
    return found


def instance_families(expr: sp.Basic, symbols: dict, visible, families: dict) -> set:
    """The family symbols (``x_k``) whose instances ``expr`` uses (``x_3``, ``x_{k+1}``)."""
    names = {symbol.name: symbol for symbol in expr.free_symbols if isinstance(symbol, sp.Symbol)}
    found = set()
    for symbol in visible:
        if not isinstance(symbol, sp.Symbol) or symbol in symbols or not _indexed(symbol.name):
            continue
        try:
            instance = _instance(symbol, symbols, families) or shifted_instance(
                symbol, names, symbols, families)
        except ValueError:
            instance = None
        if instance is not None:
            found.add(instance[0])
    return found


_SUBSCRIPT = re.compile(r"_\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9])")


def letter_free(latex: str, letter: str) -> bool:
    r"""Whether the LaTeX writes ``letter`` as a name of its own: not as a subscript (``m_k``,
    ``x_{k-1}``) nor inside a command (``\kappa``). A letter a sum, product or limit binds
    (``\sum_{k=0}^{2} 2^k``) is left to the reading of the parsed claim, which knows where the
    binding ends (:func:`clashing_instances`)."""
    if re.search(rf"\\(?:sum|prod|lim|int|max|min|sup|inf)\w*\s*(?:\\limits\s*)?_\s*\{{?\s*"
                 rf"{re.escape(letter)}(?![A-Za-z])", latex):
        return False
    text = latex
    for _ in range(4):  # nested subscripts, innermost first
        text = _SUBSCRIPT.sub(" ", text)
    text = re.sub(r"\\[A-Za-z]+", " ", text)
    return re.search(rf"(?<![A-Za-z]){re.escape(letter)}(?![A-Za-z])", text) is not None


def family_written(latex: str, family: str) -> bool:
    """Whether the LaTeX writes the family's own name (``U_k``, ``U_{k}``)."""
    parts = _split(family)
    if parts is None:
        return False
    stem, letter = parts
    plain = re.sub(r"[\s{}]", "", subscript_spelling(latex))
    return re.search(rf"(?<![A-Za-z\\]){re.escape(stem)}_{re.escape(letter)}(?![A-Za-z])",
                     plain) is not None


def family_letter(family) -> str:
    """The index letter of a family symbol or LaTeX name (``U_k`` → "k"), or ''."""
    parts = _split(getattr(family, "name", family))
    return parts[1] if parts is not None else ""


def clashing_instances(names: set, symbols: dict, families: dict) -> dict:
    """{instance: family} for the instances ``U_2`` among ``names`` (the symbols one claim
    uses, also through the definitions it uses) of a family ``U_k`` whose letter k is among
    ``names`` too while ``U_k`` itself is not: read as the instance, k would have two values
    in one claim."""
    letters = {symbol.name for symbol in names if isinstance(symbol, sp.Symbol)}
    found = {}
    for symbol in names:
        if not isinstance(symbol, sp.Symbol) or symbol in symbols or not _indexed(symbol.name):
            continue
        instance = _instance(symbol, symbols, families)
        if instance is not None and instance[0] not in names and (
                family_letter(instance[0]) in letters):
            found[symbol] = instance[0]
    return found
