r"""How prose states the shape of a matrix or vector: one reader for every wording, used for
the shapes the grammar gives a name (:func:`symderive.grammar.matrices.declared_shapes`) and for
the shapes a section states (:func:`symderive.notes.declared.prose_shapes`).

Read (``r``, ``c`` digits or one letter; the size may be written ``$2 \times 2$``, ``$2$-by-$2$``,
``2 by 2``, ``2x2``, ``2×2``):

* ``$\mathbf{A} \in \mathbb{R}^{2 \times 2}$``, ``$\mathbf{x} \in \mathbb{R}^3$``;
* ``Let $\mathbf{A}$ be a $2 \times 2$ matrix.``, ``… and $\mathbf{B}$ a $3 \times 3$ matrix``;
* ``For a $2 \times 2$ matrix $\mathbf{A}$, …`` (the shape before the name);
* ``Let $\mathbf{A}$ be a square matrix of size 2.`` (``of order 2``, ``matrix of size $2 \times 3$``);
* Korean ``$2 \times 2$ 행렬 $\mathbf{A}$``, ``$\mathbf{A}$는 $2 \times 2$ 행렬이다.``

Any other sentence that names a matrix and mentions a size (:func:`unread_shape_mentions`) is a
shape this module does not read: a refutation at some size is then not made (round 7, R9).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MATRIX_NAME = r"(?:\\(?:mathbf|boldsymbol|bm|mathsf)\s*\{\s*[A-Za-z]\s*\}(?:\^\{\(\d\)\})?|[A-Z])"
_DIM = r"(?:[a-z]|\d{1,3})"
# the size written in any of its spellings becomes ⟨r×c⟩ before the sentence patterns are tried
_SIZE_SPELLINGS = (
    re.compile(rf"\$\s*(?P<r>{_DIM})\s*(?:\\times|×|\\!\\times\\!)\s*(?P<c>{_DIM})\s*\$"),
    re.compile(rf"\$\s*(?P<r>{_DIM})\s*\$\s*(?:-\s*by\s*-|\s+by\s+)\s*\$\s*(?P<c>{_DIM})\s*\$"),
    re.compile(r"(?<![\w$\\⟨])(?P<r>\d{1,3})\s*(?:-\s*by\s*-|\s+by\s+|\s*[×x]\s*)(?P<c>\d{1,3})"
               r"(?![\w$⟩])"),
)
_SQUARE_OF_SIZE = re.compile(  # a square matrix of size 2 → a ⟨2×2⟩ matrix
    rf"\bsquare\s+matri(?P<plural>x|ces)\s+of\s+(?:size|order|dimension)\s+\$?\s*(?P<n>{_DIM})\s*\$?"
    r"(?![\w×])", re.I)
def _space(group: str) -> str:
    r"""``\mathbb{R}^{k}`` (inside dollars) with the size as ``group``."""
    return (rf"\\mathbb\s*\{{?\s*R\s*\}}?\s*\^\s*(?:\{{\s*(?P<{group}>{_DIM})\s*\}}|"
            rf"(?P<{group}1>{_DIM}))")


# linear operators on $\mathbb{R}^3$, linear maps $\mathbb{R}^n \to \mathbb{R}^n$: any real square
# matrix of that size is one (round 8c, X9) → ⟨3×3⟩ matrices
_LINEAR_ON = re.compile(
    r"\blinear\s+(?:operator|map|transformation|endomorphism)(?P<plural>s?)\s+(?:(?:on|of)\s+\$\s*"
    + _space("on") + r"\s*\$|(?:from\s+)?\$\s*" + _space("from") + r"\s*(?:\\to|\\rightarrow)\s*"
    + _space("to") + r"\s*\$)", re.I)


def _linear_on(match: re.Match) -> str:
    """⟨k×k⟩ matrices for a linear map of ℝ^k to itself; the words unchanged otherwise."""
    size = match.group("on") or match.group("on1")
    if size is None:
        size = match.group("from") or match.group("from1")
        if size != (match.group("to") or match.group("to1")):
            return match.group()
    return f"⟨{size}×{size}⟩ matri{'ces' if match.group('plural') else 'x'}"


_MATRIX_OF_SIZE = re.compile(  # a matrix of size ⟨2×3⟩ → a ⟨2×3⟩ matrix
    r"\bmatri(?P<plural>x|ces)\s+of\s+(?:size|shape|dimensions?|order)\s+(?P<size>⟨[^⟩]*⟩)", re.I)
_ADJECTIVE = (r"(?:real|real-valued|square|symmetric|invertible|non-?singular|diagonal|orthogonal|"
              r"random|arbitrary|general|fixed|given|positive\s+definite|dense|nonzero)")
_ADJECTIVES = rf"(?:{_ADJECTIVE}\s+)*"
_KOREAN_ADJECTIVES = r"(?:(?:실수|정방|정사각|대칭|가역|임의의|크기의|모양의)\s*)*"
_NAME = rf"\$\s*(?P<name>{MATRIX_NAME})\s*\$"
_SIZE = r"⟨(?P<rows>[^×⟩]+)×(?P<columns>[^⟩]+)⟩"
SENTENCES = (
    # $\mathbf{A} \in \mathbb{R}^{2 \times 2}$, $\mathbf{x} \in \mathbb{R}^3$ (read before the sizes)
    re.compile(rf"(?P<name>{MATRIX_NAME})\s*\\in\s*\\mathbb\s*\{{?R\}}?\s*\^\s*(?:\{{\s*(?P<rows>{_DIM})\s*"
               rf"(?:\\times\s*(?P<columns>{_DIM})\s*)?\}}|(?P<single>\d|[a-z]))"),
)
WORDED = (
    # Let $\mathbf{A}$ be a $2 \times 2$ matrix.  $\mathbf{B}$ is an $n \times n$ …
    re.compile(rf"{_NAME}\s+(?:is|be|are)\s+(?:an?\s+|both\s+)?{_ADJECTIVES}{_SIZE}", re.I),
    # … and $\mathbf{B}$ a $3 \times 3$ matrix
    re.compile(rf"{_NAME}\s+an?\s+{_ADJECTIVES}{_SIZE}\s+{_ADJECTIVES}matri", re.I),
    # For a $2 \times 2$ matrix $\mathbf{A}$, we have
    re.compile(rf"\b(?:an?|any|every|each|the|some|all|two|both)\s+(?:(?:two|three|four)\s+)?{_ADJECTIVES}{_SIZE}\s+{_ADJECTIVES}"
               rf"matri(?:x|ces)\s+{_NAME}", re.I),
    # $2 \times 2$ 행렬 $\mathbf{A}$에 대하여
    re.compile(rf"{_SIZE}\s*{_KOREAN_ADJECTIVES}행렬\s*{_NAME}"),
    # $\mathbf{A}$는 $2 \times 2$ 행렬이다.
    re.compile(rf"{_NAME}\s*(?:은|는|이|가)\s*{_SIZE}\s*{_KOREAN_ADJECTIVES}행렬"),
)
# Let $\mathbf{A}$ be an $n \times n$ matrix with $n = 2$.
WITH_VALUE = re.compile(
    rf"{_NAME}\s+(?:is|be)\s+an?\s+{_ADJECTIVES}⟨(?P<letter>[a-z])×(?P=letter)⟩\s+{_ADJECTIVES}"
    rf"matri(?:x|ces)\s+(?:with|where)\s+\$\s*(?P=letter)\s*=\s*(?P<value>\d+)\s*\$", re.I)


@dataclass(frozen=True)
class StatedShape:
    """A shape one sentence states: the name as the grammar spells it (``\\mathbf{A}``), the
    sizes as written (a digit string or one letter; ``columns`` '1' for a vector), and where in
    the text the statement starts."""

    name: str
    rows: str
    columns: str
    start: int
    by_value: bool = False  # an $n \times n$ matrix with $n = 2$: n's value, not the shape
    line: int = 1  # the line of ``text`` the statement starts on (sections decide where it holds)


def key(name: str) -> str:
    """The name as the grammar spells it: ``\\mathbf{W}^{(1)}``, ``A``."""
    name = re.sub(r"\s+", "", name)
    return re.sub(r"\\(?:boldsymbol|bm)\{", r"\\mathbf{", name)


def with_sizes(text: str) -> str:
    """``text`` with every written size as ``⟨r×c⟩`` (and *square matrix of size 2*,
    *matrix of size 2 × 3* as ``⟨2×2⟩ matrix``, ``⟨2×3⟩ matrix``); the rest unchanged."""
    text = _LINEAR_ON.sub(_keeping_lines(_linear_on), text)
    for pattern in _SIZE_SPELLINGS:
        text = pattern.sub(_keeping_lines(lambda m: f"⟨{m.group('r')}×{m.group('c')}⟩"), text)
    text = _SQUARE_OF_SIZE.sub(_keeping_lines(
        lambda m: f"⟨{m.group('n')}×{m.group('n')}⟩ matri{m.group('plural')}"), text)
    return _MATRIX_OF_SIZE.sub(_keeping_lines(
        lambda m: f"{m.group('size')} matri{m.group('plural')}"), text)


def _keeping_lines(rewrite):
    """``rewrite`` followed by the line breaks of the words it replaces (a size written over
    two lines): the rewritten text keeps the note's line numbers."""
    def rewritten(match: re.Match) -> str:
        words = rewrite(match)
        return words if words == match.group() else words + "\n" * match.group().count("\n")

    return rewritten


_AND = r"\s*(?:,\s*and|,|and|과|와)\s*"
_LISTED_BEFORE = re.compile(rf"((?:\$\s*{MATRIX_NAME}\s*\${_AND})+)$")
_LISTED_AFTER = re.compile(rf"(?:{_AND}\$\s*{MATRIX_NAME}\s*\$)+")


def _listed(sized: str, match: re.Match) -> list[str]:
    """The other names of a list the sentence gives one shape: those before the name when the
    name opens the match (``$C$ and $D$ be``), those after it when it closes it (``matrices $A$
    and $B$``)."""
    if match.start("name") - match.start() <= 3:  # "$" + optional space: the name opens it
        before = _LISTED_BEFORE.search(sized[max(0, match.start() - 200): match.start()])
        return re.findall(MATRIX_NAME, before.group(1)) if before else []
    after = _LISTED_AFTER.match(sized, match.end())  # after the name's closing "$"
    return re.findall(MATRIX_NAME, after.group()) if after else []


def stated_shapes(text: str) -> list[StatedShape]:
    """Every shape ``text`` states, in order (positions in the text with sizes rewritten)."""
    found = []
    for pattern in SENTENCES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if groups.get("single"):
                rows, columns = groups["single"], "1"
            else:
                rows, columns = groups["rows"], groups.get("columns") or "1"
            line = text.count("\n", 0, match.start()) + 1
            found.append(StatedShape(key(groups["name"]), rows, columns, match.start(), line=line))
            before = re.search(rf"((?:{MATRIX_NAME}\s*,\s*)+)$", text[: match.start()])
            for name in re.findall(MATRIX_NAME, before.group(1)) if before else ():
                # $A, B \in \mathbb{R}^{n \times n}$: every name listed (round 8c, X9)
                found.append(StatedShape(key(name), rows, columns, match.start(), line=line))
    sized = with_sizes(text)
    for pattern in WORDED:
        for match in pattern.finditer(sized):
            rows, columns = match.group("rows").strip(), match.group("columns").strip()
            line = sized.count("\n", 0, match.start()) + 1  # sizes rewritten on their own line
            for name in [match.group("name")] + _listed(sized, match):
                # "$C$ and $D$ be $n \times n$", "matrices $A$ and $B$" (round 8c, X9, L7)
                found.append(StatedShape(key(name), rows, columns, match.start(), line=line))
    for match in WITH_VALUE.finditer(sized):
        value = match.group("value")
        found.append(StatedShape(key(match.group("name")), value, value, match.start(), True,
                                 sized.count("\n", 0, match.start()) + 1))
    return sorted(found, key=lambda shape: shape.start)


_MENTIONED_NAME = re.compile(rf"\$[^$]*?(?P<name>{MATRIX_NAME})[^$]*\$")
_SIZE_WORDS = re.compile(
    r"⟨[^⟩]*⟩|(?i:\b(?:size|order|dimensions?|shape|rows?|columns?)\b)[^.$]{0,20}\$?\s*\d"
    r"|(?i:\b(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\s*\$?\s*(?:rows?|columns?|entries)\b)"
    r"|크기|차원|행과\s*열|\d\s*행|\d\s*열")
_MATRIX_WORDS = re.compile(r"(?i)\bmatri(?:x|ces)\b|행렬")


def unread_shape_mentions(sentence: str) -> list[str]:
    """Names (as the grammar spells them) a sentence gives a size in words that
    :func:`stated_shapes` does not read; ``["*"]`` when it speaks of matrices of some size
    without naming one (*All matrices here are 2 × 2.*).  Empty when it reads every one."""
    sized = with_sizes(sentence)
    if not _SIZE_WORDS.search(re.sub(r"\$[^$]*\$", " ", sized)):
        return []
    sizes = re.findall(r"⟨([^×⟩]*)×([^⟩]*)⟩", sized)
    if sizes and not any(re.search(r"\d", part) for size in sizes for part in size) and not (
            _SIZE_WORDS.search(re.sub(r"\$[^$]*\$|⟨[^⟩]*⟩", " ", sized))):
        return []  # "$n \times n$ matrices": a size of letters, any size is the note's
    read = {shape.name for shape in stated_shapes(sentence)}
    named = {key(m.group("name")) for m in _MENTIONED_NAME.finditer(sized)
             if not re.search(r"\\in\s*\\mathbb\s*\{?\s*C", m.group())}
    named = {name for name in named if not re.fullmatch(r"[A-Z]", name) or _MATRIX_WORDS.search(sized)}
    unread = sorted(named - read)
    if not unread and not named and _MATRIX_WORDS.search(sized):
        return ["*"]
    return unread


# the words a sentence that only states shapes may hold besides its sizes and names
_SHAPE_ONLY_WORDS = frozenset("""
    for any all every each two three four both some arbitrary real square matrix matrices and
    a an of the with where given
""".split())


def only_shapes(sentence: str, declared: dict) -> bool:
    r"""Whether ``sentence`` (the text after a display: ``for any two $2 \times 2$ matrices $A$
    and $B$.``) states nothing but shapes :func:`stated_shapes` reads, each the one the note
    declares for that name (``declared``: name → (rows, columns) as text): the condition holds
    of every matrix the check instantiates (round 8c, L7)."""
    shapes = stated_shapes(sentence)
    if not shapes:
        return False
    sized = with_sizes(sentence)
    words = re.findall(r"[^\W\d_]+", re.sub(r"\$[^$]*\$|⟨[^⟩]*⟩", " ", sized))
    if any(word.lower() not in _SHAPE_ONLY_WORDS for word in words):
        return False
    if not all(re.fullmatch(rf"\s*{MATRIX_NAME}\s*", math) for math in re.findall(r"\$([^$]*)\$", sized)):
        return False  # a formula besides the names: $A > 0$, $A^T = A$
    named = {key(m.group("name")) for m in _MENTIONED_NAME.finditer(sized)}
    stated = {shape.name: (shape.rows, shape.columns) for shape in shapes}
    return bool(named) and named <= set(stated) and all(
        declared.get(name) == size for name, size in stated.items())
