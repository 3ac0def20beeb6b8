r"""What the prose declares a letter to be, beyond a real number: a complex number (N12) or a
function (N2).

* ``Let $z$ be a complex number.``, ``$z \in \mathbb{C}$``, ``$z$는 복소수이다.``: the checks
  sample real values only, so a claim about z is not read (undecided, naming the sentence),
  never proved, checked or refuted with z real. The declaration is a stated-domain record
  (kind ``complex``) with the scope of the word domains (its sentence to the end of its
  section; a later ``Now let $z$ be real.`` ends it).
* ``Let $u$ be any differentiable function.``, ``$v$ … activation function``, 임의의 미분
  가능한 함수, ``a function $\kappa$ of one variable``, ``The activation $a(\cdot)$``, ``Let
  $s(t)$ denote the position at time $t$.``: the letter is a function in the whole note (as
  ``<!-- symderive: assume u function -->`` says), so ``u(a + b)`` is an application of an
  unknown function, checked on instances, never a product.
"""

from __future__ import annotations

import re
from functools import lru_cache

from symderive.notes.stated import StatedDomains
from symderive.grammar.shape_words import stated_shapes, unread_shape_mentions
from symderive.notes.inequalities import BoundDomain

_NAME = r"(?:\\[A-Za-z]+|[A-Za-z])"
_NAMES = rf"{_NAME}(?:\s*,\s*{_NAME})*"
COMPLEX_WORDS = re.compile(
    r"\bcomplex(?:\s+|-)(?:numbers?|valued|variables?|scalars?|plane|vectors?)\b|복소\s*수|복소\s*평면"
    # complex in other words (round 8b K7): a root of unity or of a polynomial, an eigenvalue,
    # a Fourier coefficient, a phasor, a quaternion, an imaginary number
    r"|\broots?\s+of\s+(?:unity|1|one)\b|(?<!square\s)\broots?\s+of\s*(?:[.,;:]|$)|\b(?:a|an|the|any|each|every)\s+(?:roots?|zeros?|zeroes|poles?)"
    r"\s+of\s*(?:the\s+(?:polynomial|equation|characteristic)|[.,;:]|$)|\beigen-?values?\b|"
    r"\bspectrum\b|\bpoles?\b|\b(?:fourier|dft|fft)\s+coefficients?\b|\bdiscrete\s+fourier\b|"
    r"\bphasors?\b|\bquaternions?\b|\bimaginary\b|고유\s*값|단위\s*근",
    re.I)
# "For complex $z$,", "all complex $z, w$", "where $z$ is complex", "$z$ and $w$ are complex"
COMPLEX_BEFORE = re.compile(rf"\bcomplex\s+\$\s*(?P<names>{_NAMES})\s*\$", re.I)
COMPLEX_AFTER = re.compile(
    rf"\$\s*(?P<names>{_NAMES})\s*\$(?P<more>(?:\s*(?:,|and)\s*\$\s*{_NAMES}\s*\$){{0,12}})\s+"
    r"(?:is|are|be|is\s+taken\s+to\s+be|to\s+be)\s+(?:(?:an?|any|arbitrary|also|now)\s+)*"
    r"complex\b(?!\s*-\s*to)", re.I)
# "Let $z$ be in $\mathbb{C}$.", "$z, w$ lie in $\mathbb{C}$"
COMPLEX_IN = re.compile(
    rf"\$\s*(?P<names>{_NAMES})\s*\$\s+(?:(?:is|are|be|lies|lie|lying|taken|an?\s+element)\s+)*"
    r"(?:in|of|from)\s+\$\s*\\mathbb\s*\{?\s*C\s*\}?", re.I)
_SET_C = r"\\mathbb\s*\{?\s*C\s*\}?(?:\s*\^\s*(?:\{[^{}]*\}|\w))?"
COMPLEX_SET = re.compile(rf"^\s*(?P<names>{_NAMES})\s*(?:\\in|∈)\s*{_SET_C}\s*$")
PLAIN_MATH = re.compile(rf"^\s*(?P<names>{_NAMES})\s*$")
# $z = x + iy$, $w = a + b\mathrm{i}$: a name defined as a complex number
_UNIT = r"(?:\\mathrm\s*\{\s*[ij]\s*\}|\\imath|(?<![A-Za-z\\])i(?![A-Za-z]))"
_PART = rf"(?:[A-Za-z](?:_\{{?\w+\}}?)?|\d+(?:\.\d+)?)"
COMPLEX_DEFINITION = re.compile(
    rf"^\s*(?P<names>{_NAME})\s*=\s*{_PART}?\s*[+-]?\s*(?:(?:{_UNIT}|(?<![A-Za-z\\])i)\s*(?:\\,\s*)?{_PART}|"
    rf"{_PART}\s*(?:\\,\s*)?(?:{_UNIT}|i(?![A-Za-z])))\s*$")
_DEFINED = re.compile(rf"^\s*(?P<names>{_NAME})\s*=")
# $f: \mathbb{C} \to \mathbb{C}$, $g: \mathbb{R}^2 \to \mathbb{C}$: a complex function
COMPLEX_MAP = re.compile(rf"^\s*(?P<names>{_NAME})\s*:[^:]*{_SET_C}")
# the imaginary unit named in words or by i^2 = -1: a claim using it is not read with i real
IMAGINARY_UNIT = re.compile(
    r"\$\s*(?:\\mathrm\s*\{\s*)?([ij])\s*\}?\s*\$[^.$]{0,40}\bimaginary\s+unit|"
    r"\bimaginary\s+unit\s*,?\s*\$\s*(?:\\mathrm\s*\{\s*)?([ij])\s*\}?\s*\$|"
    r"\$\s*(?:\\mathrm\s*\{\s*)?([ij])\s*\}?\s*\^\s*\{?\s*2\s*\}?\s*=\s*-\s*1\s*\$|"
    r"\$\s*(?:\\mathrm\s*\{\s*)?([ij])\s*\}?\s*\$\s*(?:는|은)\s*허수\s*단위", re.I)


def complex_declared(text: str) -> list[str]:
    """The names one sentence declares complex (as written, in order)."""
    words = re.sub(r"\$[^$]*\$", " ", text)
    maths = re.findall(r"\$([^$]+)\$", text)
    said = bool(COMPLEX_WORDS.search(words))
    names: list[str] = []
    for math in maths:
        in_c = (COMPLEX_SET.match(math) or COMPLEX_DEFINITION.match(math)
                or COMPLEX_MAP.match(math))
        defined = _DEFINED.match(math) if said else None
        plain = PLAIN_MATH.match(math) if said else None
        for found in (in_c, defined, plain):
            if found:  # "Let $z = x + iy$ be a complex number." declares z, whatever x + iy is
                names += [n.strip() for n in found.group("names").split(",")]
                break
    for pattern in (COMPLEX_BEFORE, COMPLEX_AFTER, COMPLEX_IN):
        for match in pattern.finditer(text):
            names += [n.strip() for n in match.group("names").split(",")]
            for more in re.findall(r"\$([^$]+)\$", match.groupdict().get("more") or ""):
                names += [n.strip() for n in more.split(",")]
    return list(dict.fromkeys(names))


def with_complex(stated: StatedDomains) -> StatedDomains:
    """``stated`` with a ``complex`` record for each name a sentence declares complex."""
    added = []
    for index, sentence in enumerate(stated.sentences):
        for name in complex_declared(sentence.text):
            added.append(BoundDomain(name, "complex", sentence.text[:120], sentence.first, index,
                                     False))  # fmt: skip
    if not added:
        return stated
    return stated.stating(added)  # "Let $z$ be …" declares z complex, it does not lift it


def complex_definition(used: tuple[str, ...]) -> str:
    """The first definition a step used that defines a complex number (``z = x + iy
    (defined, line 9)``), or ''."""
    for note in used:
        formula = note.split(" (", 1)[0]
        if COMPLEX_DEFINITION.match(formula):
            return note
    return ""


@lru_cache(maxsize=4)
def _units(text: str) -> tuple[str, ...]:
    """The letters a note calls the imaginary unit (read once per note)."""
    return tuple(sorted({letter.lower() for match in IMAGINARY_UNIT.finditer(text)
                         for letter in match.groups() if letter}))


def imaginary_unit(text: str, latex: str) -> str:
    """'i' when the note says its i (or j) is the imaginary unit (*$i$ denotes the imaginary
    unit*, ``$i^2 = -1$``, ``$i$는 허수 단위``) and ``latex`` uses that letter, else ''."""
    latex = re.sub(r"_\s*(?:\{[^{}]*\}|\w)", " ", latex)  # x_i, \sum_{i=1}: an index
    for unit in _units(text):
        if re.search(rf"(?<![A-Za-z\\]){unit}(?![A-Za-z])|\\mathrm\s*\{{\s*{unit}\s*\}}", latex):
            return unit
    return ""


def complex_names(context, line: int, latex: str, names: set[str]) -> str:
    """The first of ``names`` the prose declares complex where the chain stands, with where
    ('z (line 3: 'Let $z$ be a complex number.')'), or ''."""
    stated = getattr(context, "stated", None)
    if stated is None:
        return ""
    plain = {name.lstrip("\\") for name in names}
    for record in stated.for_chain(line, latex):
        if record.kind == "complex" and record.name.lstrip("\\") in plain:
            return f"{record.name} (line {record.line}: '{record.words}')"
    return ""


# -- functions ------------------------------------------------------------------------------------
_ONE = rf"\$\s*(?P<name>{_NAME})\s*(?:\((?P<args>[^()$]{{1,20}})\))?\s*\$"
_ADJECTIVES = r"(?:(?:any|an?|the|some|arbitrary|given|fixed|unknown|differentiable|smooth|" \
              r"continuous|nonlinear|non-linear|real|scalar|real-valued|activation|" \
              r"elementwise|twice|once|continuously)\s+)*"
# (no property the smooth nonlinear instances need not have: linear, convex, monotone, …)
FUNCTION_SENTENCES = (
    # Let $u$ be any differentiable function.  $v$ is a nonlinear activation function.
    re.compile(rf"(?:^|\b(?:let|suppose|assume|where|and)\s+){_ONE}\s+(?:be|is|denotes?)\s+"
               rf"{_ADJECTIVES}functions?\b", re.I),
    # Consider a function $\kappa$ of one variable.  For any differentiable function $u$, …
    re.compile(rf"\b(?:a|an|any|the|some|every)\s+{_ADJECTIVES}functions?\s+{_ONE}", re.I),
    # $u$는 임의의 미분 가능한 함수이다.
    re.compile(rf"{_ONE}\s*(?:은|는|이|가)\s*(?:(?:임의의|어떤|미분\s*가능한|매끄러운|연속(?:인|적인)|"
               rf"비선형|활성화|실수\s*값)\s*)*함수"),
    # The activation $a(\cdot)$ is applied elementwise.
    re.compile(rf"\$\s*(?P<name>{_NAME})\s*\(\s*(?P<args>\\cdot|\\,\\cdot\\,)\s*\)\s*\$"),
    # Let $s(t)$ denote the position at time $t$.
    re.compile(rf"^(?:let|suppose)\s+\$\s*(?P<name>{_NAME})\s*\((?P<args>\s*{_NAME}(?:\s*,\s*"
               rf"{_NAME})*\s*)\)\s*\$\s+(?:denote|be|represent)\b", re.I),
)  # fmt: skip
# letters with a reading of their own (expectation, probability, entropy, …) stay as they are
RESERVED = {"E", "P", "H", "I", "D", "V", "e", "i", "d", r"\sigma", r"\pi", r"\delta"}


def prose_functions(stated: StatedDomains) -> dict[str, int]:
    r"""Names a sentence of the note declares to be functions (as the grammar spells them:
    ``kappa`` for ``\kappa``): name → the first line."""
    found: dict[str, int] = {}
    for sentence in stated.sentences:
        for pattern in FUNCTION_SENTENCES:
            for match in pattern.finditer(sentence.text):
                name = match.group("name")
                if name not in RESERVED:
                    found.setdefault(name.lstrip("\\"), sentence.first)
    return found


# -- numeric shapes in the prose (N14, R9) --------------------------------------------------------
def prose_shapes(context, line: int) -> dict[str, tuple[tuple[int, int] | None, int]]:
    """The numeric shapes the sentences of the chain's section, up to its line, give matrices
    and vectors (every wording :mod:`symderive.grammar.shape_words` reads): name (as the grammar
    spells it) → ((rows, columns), line); the latest wins.  A sentence that gives a name a size
    in words not read maps it to (None, line) (``"*"`` for *all matrices*: any name)."""
    from symderive.notes.sections import as_sections

    stated = getattr(context, "stated", None)
    if stated is None:
        return {}
    sections = as_sections(stated.ends)
    found: dict = {}
    for sentence in stated.sentences:
        if not sections.reaches(sentence.first, line):
            continue
        for name, shape in _sentence_shapes(sentence.text):
            found[name] = (shape, sentence.first)
    return found


@lru_cache(maxsize=4096)
def _sentence_shapes(text: str) -> tuple:
    """(name, (rows, columns)) for each numeric shape the sentence states, then (name, None)
    for each name it gives a size in words not read (read once per sentence)."""
    stated = tuple((shape.name, (int(shape.rows), int(shape.columns)))
                   for shape in stated_shapes(text)
                   if shape.rows.isdigit() and shape.columns.isdigit())
    return stated + tuple((name, None) for name in unread_shape_mentions(text))


def shape_doubt(step, outcome, context, line: int) -> str:
    """Why a verdict on matrices of a numeric shape stated in the prose was not reached at that
    shape ('' when it was, or when nothing is stated): the matrices kept a symbolic shape (the
    note gives the name several shapes) and the refutation is at another size or the check did
    not reach it; or the entries x_1, x_2 of a declared vector x are separate names."""
    import sympy as sp

    shapes = prose_shapes(context, line)
    if not shapes:
        return ""
    sides = [side for side in (step.lhs, step.rhs) if isinstance(side, sp.Basic)]
    matrices = {m.name: m for side in sides for m in side.atoms(sp.MatrixSymbol)}
    scalars = {getattr(s, "name", "") for side in sides for s in side.free_symbols}
    for name, (shape, stated_line) in shapes.items():
        if shape is None:  # a size in words not read (round 7, R9): no refutation at a size
            unread = [m for key, m in matrices.items() if name in (key, "*")
                      and not all(isinstance(d, sp.Integer) for d in m.shape)]
            if unread and outcome.verdict == "refuted":
                return (f"the note gives {unread[0].name} a size in words that are not read (line "
                        f"{stated_line}), and the counterexample is at a size it chose")
            continue
        letter = re.sub(r"\\[A-Za-z]+\{|[{}]", "", name)
        entries = sorted(s for s in scalars if re.fullmatch(rf"{letter}_\{{?\d+\}}?", s))
        if name in matrices and entries:
            return (f"the note declares {name} with shape {shape[0]}×{shape[1]} (line "
                    f"{stated_line}), and its entries {', '.join(entries)} are read as other "
                    "names, not as its entries")
        matrix = matrices.get(name)
        if matrix is None or all(isinstance(d, sp.Integer) for d in matrix.shape):
            continue
        said = f"the note states {name} is {shape[0]}×{shape[1]} (line {stated_line})"
        if outcome.verdict == "refuted":
            values = dict(outcome.counterexample.values) if outcome.counterexample else {}
            sizes = {int(v) for k, v in values.items() if k in {str(d) for d in matrix.shape}
                     and re.fullmatch(r"\d+", str(v))}  # fmt: skip
            if not sizes or sizes - set(shape):
                return f"{said}, and the counterexample is at size {', '.join(map(str, sorted(sizes))) or '?'}"
        elif outcome.verdict == "checked" and not set(shape) <= set(outcome.sizes or ()):
            return f"{said}, which the sizes checked do not include"
    return ""
