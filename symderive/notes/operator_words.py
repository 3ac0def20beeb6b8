r"""Letters the prose calls objects that need not commute (round 8c, X9).

``Let $A$ and $B$ be linear operators on $\mathbb{R}^3$.``, ``Let $\sigma$ and $\tau$ be
permutations of $\{1, 2, 3\}$.``, ``Let $R$ and $S$ be rotations of three-dimensional space.``,
``Let $\hat{x}$ and $\hat{p}$ be the position and momentum operators.``, ``Let $M$ and $N$ be
square.``, ``Let $C$ and $D$ be $n \times n$.``, ``$F$, $G$ are linear maps $V \to V$``,
``the quaternions $p$ and $q$``, ``$A$와 $B$는 선형 변환이다``: the grammar reads each letter as
a real number, and real numbers commute, so ``AB = BA`` would be *proved*. Such a letter is an
operator, a permutation, a rotation … — a product of two of them is not a product of numbers.

:func:`prose_objects` returns every such letter with the word the prose uses; a step whose
reading keeps one of them a scalar is not decided (the reason names the word). Where the
reader can build the letter as a matrix of a stated size (``linear operators on
$\mathbb{R}^3$``, ``be $n \times n$``: :mod:`symderive.grammar.shape_words`), the letter is a
matrix and this module never sees it as a scalar.

A word too many only withholds a verdict; the words are those of objects whose product is a
composition: matrices, operators, linear maps / transformations / operators, endomorphisms,
permutations, rotations, reflections, projections, isometries, transformations, group
elements, quaternions, "square", a size ``n × n`` (Korean 행렬, 연산자, 선형 사상 / 변환, 치환,
순열, 회전, 사원수). Names called *functions* are not among them: a product of functions is the
pointwise product, which commutes; nor are *tensors*, the arrays of deep-learning notes (``the
tensor $p$`` of d2l), multiplied entrywise (capitals called tensors are read by the
"called matrices or vectors" guard).
"""

from __future__ import annotations

import bisect
import re

import sympy as sp

from symderive.grammar.shape_words import with_sizes

# one name as written between dollars: a letter, a Greek letter, a hatted or bold letter
_LETTER = r"(?:\\[A-Za-z]+|[A-Za-z])(?:_(?:\{[^{}$]{1,8}\}|\w))?"
_ONE = rf"(?:\\(?:hat|mathbf|boldsymbol|bm|mathsf|mathcal|tilde|bar|mathrm|operatorname)\s*\{{\s*{_LETTER}\s*\}}|{_LETTER})"
_IN_DOLLARS = rf"\$\s*{_ONE}(?:\s*,\s*{_ONE})*\s*\$"
NAMES = rf"(?P<names>{_IN_DOLLARS}(?:\s*(?:,\s*and|,|and|or|과|와|및)\s*{_IN_DOLLARS})*)"
# the English words (singular or plural), longest first so the reason names the whole word
WORDS = (
    r"linear\s+(?:operators?|maps?|mappings?|transformations?|transforms?|functions?)",
    r"(?:unitary|hermitian|self-adjoint|differential|quantum|position|momentum|ladder)?\s*operators?",
    r"endomorphisms?", r"automorphisms?", r"homomorphisms?", r"isomorphisms?",
    r"permutations?", r"rotations?", r"reflections?", r"projections?", r"projectors?",
    r"isometr(?:y|ies)", r"transformations?", r"group\s+elements?",
    r"elements?\s+of\s+(?:a|the|some|any)\s+(?:[A-Za-z-]+\s+)?group", r"quaternions?",
    r"matri(?:x|ces)", r"square(?!\s+(?:of|root|roots|loss|error|errors|norm|"
    r"brackets?|integrable|summable|wave))",
)
# groups and spaces of operators written as sets: SO(3), GL(n), S_3, \mathbb{H}, End(V), L(V)
GROUP_SET = (r"(?:\\(?:mathrm|operatorname|mathit|text)\s*\{\s*)?(?:SO|SU|GL|SL|O|U|Sp|End|Aut|Hom|Sym)"
             r"\s*\}?\s*(?:\(|_)|S_\s*\{?\s*(?:\d|n)|\\mathbb\s*\{?\s*H\b|\\mathcal\s*\{?\s*L\s*\}?\s*\(")
# a predicate adjective only operators and matrices carry, ending its clause: "be unitary."
ADJECTIVES = (r"(?:unitary|hermitian|self-adjoint|invertible|non-?singular|singular|orthogonal|idempotent|"
              r"nilpotent|skew-symmetric|anti-?symmetric|diagonali[sz]able|positive\s+(?:semi-?)?definite)"
              r"(?=\s*[.,;:)]|\s*$|\s+(?:and|with|of\s+size|of\s+order|here|throughout)\b)")
_WORD = ("(?P<word>" + "|".join(WORDS) + r"|non-?commut(?:ing|ative)|⟨[^⟩×]{1,4}×[^⟩]{1,4}⟩|" + ADJECTIVES +
         r"|elements?\s+of\s+\$\s*" + GROUP_SET + ")")
# $R, S \in SO(3)$, $\sigma \in S_3$, $p, q \in \mathbb{H}$
MEMBER = re.compile(r"\$\s*(?P<names>" + _ONE + r"(?:\s*,\s*" + _ONE + r")*)\s*(?:\\in|∈)\s*(?P<word>"
                    + GROUP_SET + r")")
KOREAN_WORDS = r"(?P<word>행렬|연산자|작용소|선형\s*(?:사상|변환|연산자|함수)|치환|순열|회전(?:\s*변환)?|반사|사영|사원수|변환|자기\s*사상)"
# what may stand between the verb and the word: words that are no preposition, small math
_GAP_WORD = r"(?!(?:of|to|for|by|with|under|from|in|on|at|that|which|where|whose|if|when)\b)[A-Za-z'-]+"
_GAP = rf"(?:(?:{_GAP_WORD}|\$[^$\n]{{1,30}}\$|,)\s+){{0,6}}?"
# a list of names ($A$, $B$ and $C$) is found once, whole (so a long list costs linear time),
# then what follows it or stands right before it says what they are:
LIST = re.compile(NAMES)
# "$A$ and $B$ are rotations", "be the position and momentum operators", "be $n \times n$"
VERB_TAIL = re.compile(
    r"\s+(?:is|are|be|denotes?|stand\s+for|stands\s+for|represents?|is\s+taken\s+to\s+be)\s+"
    + _GAP + _WORD + r"(?![A-Za-z])", re.I)
# "… and $B$ a reflection": the second name without its verb (after "and" or a comma)
ARTICLE_TAIL = re.compile(r"\s+(?:an?|the|some|another)\s+" + _GAP + _WORD + r"(?![A-Za-z])", re.I)
AND_HEAD = re.compile(r"(?:\band|,)\s+$", re.I)
# "rotations $R$ and $S$", "two rotations, $R$ and $S$"
WORD_HEAD = re.compile(r"(?<![A-Za-z])" + _WORD + r"\s*,?\s+$", re.I)
KOREAN_TAIL = re.compile(r"\s*(?:은|는|이|가)\s*(?:[^.$\n]{0,30}?|\$[^$\n]{1,30}\$[^.$\n]{0,20}?)"
                         + KOREAN_WORDS)
KOREAN_HEAD = re.compile(KOREAN_WORDS + r"\s*$")
_HEAD_WINDOW = 60  # characters before a list where its word may stand
_NEGATED = re.compile(r"\b(?:not|no|never|neither|nor)\b|아니|아닌", re.I)


def _keys(name: str) -> tuple[str, ...]:
    r"""The name the grammar's symbol carries for ``name`` as written: a decorated letter
    keeps its command (``\hat{x}``, ``\mathbf{W}``), ``sigma`` for ``\sigma``, ``A_1`` for
    ``A_{1}`` (and ``A_{1}`` as written)."""
    name = re.sub(r"\s+", "", name).replace(r"\boldsymbol{", r"\mathbf{").replace(r"\bm{", r"\mathbf{")
    if re.match(r"\\(?:hat|mathbf|mathsf|mathcal|tilde|bar|mathrm|operatorname)\{", name):
        return (name,)
    return tuple(dict.fromkeys((name.lstrip("\\"), name.replace("{", "").replace("}", "").lstrip("\\"))))


def _names(found: str) -> list[str]:
    """Each name in a list of dollar-delimited names, as written."""
    return [name for latex in re.findall(r"\$([^$]*)\$", found)
            for name in re.split(r"\s*,\s*(?![^{}]*\})", latex.strip()) if name]


def _size_word(word: str) -> str:
    r"""A size ``⟨n×n⟩`` read back as the words a reason names (``an n × n array``); '' for
    ``⟨1×1⟩`` (a number)."""
    rows, columns = word[1:-1].split("×")
    if rows.strip() == "1" and columns.strip() == "1":
        return ""
    return f"{rows.strip()} × {columns.strip()}"


def prose_objects(text: str) -> dict[str, tuple[str, int]]:
    """Name as the grammar's symbol spells it (``A``, ``sigma``, ``\\hat{x}``) → (the word the prose calls it,
    first line) for every letter the prose calls an operator, a permutation, a rotation, a
    matrix … (see the module's docstring). A negated sentence (``$A$ is not a rotation``)
    states nothing."""
    found: dict[str, tuple[str, int]] = {}
    sized = with_sizes(text)
    newlines = [index for index, char in enumerate(sized) if char == "\n"]

    def said(names: str, word_match: re.Match, start: int, end: int, member: bool = False) -> None:
        word = " ".join(word_match.group("word").split())
        if member or "$" in word:  # a set: as written, to its closing dollar
            rest = sized[word_match.end("word"):].split("$", 1)[0]
            word = ("an element of " if member else "") + (word + rest).replace("$", "").strip()
        else:
            word = word.lower()
        if word.startswith("⟨"):
            word = _size_word(word)
            if not word:
                return
        if _NEGATED.search(re.sub(r"\$[^$]*\$", " ", sized[start:end])):
            return  # "$A$ is not a rotation": nothing stated
        line = bisect.bisect_left(newlines, start) + 1
        for written in _names(names if "$" in names else f"${names}$"):
            for name in _keys(written):
                found.setdefault(name, (word, line))

    for listed in LIST.finditer(sized):
        names, start, end = listed.group("names"), listed.start(), listed.end()
        head = sized[max(0, start - _HEAD_WINDOW): start]
        for tail in (VERB_TAIL, KOREAN_TAIL) + ((ARTICLE_TAIL,) if AND_HEAD.search(head) else ()):
            match = tail.match(sized, end)
            if match:
                said(names, match, start, match.end())
                break
        before = WORD_HEAD.search(head) or KOREAN_HEAD.search(head)
        if before:
            said(names, before, start - len(head) + before.start(), end)
    for match in MEMBER.finditer(sized):  # $R, S \in SO(3)$
        said(match.group("names"), match, match.start(), match.end(), member=True)
    return found


def _one_object_a_term(side, objects: set) -> bool:
    """Whether ``side`` is a polynomial in the object letters with no term multiplying two
    different ones (``3A + B``, ``A^2 - 2A``, ``A x + A y``): such a side means the same with
    the letters commuting or not."""
    present = [symbol for symbol in side.free_symbols if symbol in objects]
    if not present:
        return True
    try:
        poly = sp.Poly(side, *present)
    except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
        return False  # 1/A, e^A, \sqrt{A}, a matrix expression …: not a polynomial in them
    return all(sum(1 for degree in monomial if degree) <= 1 for monomial in poly.monoms())


def object_symbols(expressions, objects: dict) -> list:
    """The scalar symbols of ``expressions`` that the prose calls objects (:func:`prose_objects`)."""
    return sorted({symbol for expr in expressions for symbol in getattr(expr, "free_symbols", ())
                   if isinstance(symbol, sp.Symbol) and symbol.name in objects}, key=str)


def written_objects(latex: str, objects: dict) -> list[str]:
    """The object letters (:func:`prose_objects`) written in ``latex``."""
    flat = re.sub(r"\\(boldsymbol|bm)\b", r"\\mathbf", latex)
    flat = re.sub(r"(\\(?:hat|mathbf|mathsf|mathcal|tilde|bar|mathrm|operatorname))\s*(?:\{\s*([^{}]*?)\s*\}|([A-Za-z]))",
                  lambda m: f"{m.group(1)}{{{m.group(2) or m.group(3)}}}", flat)
    plain = re.sub(r"\\(?:hat|mathbf|mathsf|mathcal|tilde|bar|mathrm|operatorname)\{[^{}]*\}", " ", flat)
    found = []
    for name in objects:
        spelled = name if name.startswith("\\") else (
            "\\" + name if re.fullmatch(r"[A-Za-z]{2,}", name) else name)
        if re.search(r"(?<![A-Za-z\\])" + re.escape(spelled) + r"(?![A-Za-z])",
                     flat if name.startswith("\\") else plain):
            found.append(name)
    return sorted(found)


def object_words(lhs, rhs, objects: dict, written: str = "") -> str:
    r"""Why a step is not read with scalars: it multiplies letters the prose calls operators,
    permutations, rotations … (or puts one where a number's rules are not an operator's, as in
    ``1/A``), or two of them are ``written`` and the reading cancelled one (``\hat{x}\hat{p}
    - \hat{p}\hat{x}`` read as 0); '' when each term holds at most one of them (``2A + A =
    3A``), which reads the same whether they commute or not."""
    if not objects:
        return ""
    named = object_symbols((lhs, rhs), objects)
    letters = set(named)
    spelled = written_objects(written, objects) if written else []
    read = {getattr(symbol, "name", "") for side in (lhs, rhs)
            for symbol in getattr(side, "free_symbols", ())}  # matrices too: C read as 2 × 2
    cancelled = len(spelled) >= 2 and set(spelled) - read
    if not cancelled and all(_one_object_a_term(side, letters) for side in (lhs, rhs)):
        return ""
    said = "; ".join(f"{name} {objects[name][0]} (line {objects[name][1]})"
                     for name in sorted({symbol.name for symbol in named} | set(spelled)))
    return (f"the prose calls {said}: a product of such objects need not commute, and this "
            "step reads them as numbers: not read")


def object_refutation(expressions, objects: dict, numbers=frozenset) -> str:
    """Why a refutation is withheld: the counterexample gives a number to a letter the prose
    calls an operator, a permutation, a rotation … — not an instance of what the words say
    (``numbers()``: letters the claim's section says are numbers, which a number is)."""
    named = object_symbols(expressions, objects)
    if named:
        said = numbers()  # read only when needed
        named = [symbol for symbol in named if symbol.name not in said]
    if not named:
        return ""
    said = "; ".join(f"{symbol.name} {objects[symbol.name][0]} (line {objects[symbol.name][1]})"
                     for symbol in named)
    return (f"refuted with numbers, but the prose calls {said}: a number is not an instance "
            "of that, so not refuted")
