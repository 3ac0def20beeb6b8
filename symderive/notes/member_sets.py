r"""Letters the note declares members of a set it does not read as numbers (review round 11).

``Let $\Sigma, \Lambda \in M_n(\mathbb{R})$.``, ``$a, b \in \mathrm{GL}(n)$``, ``$q \in
\mathbb{H}$``, ``$X \in \mathbb{S}^n_{++}$``, ``$T \in \mathcal{L}(V)$``, ``$\mathbf{A} \in
\mathbb{R}^{n,n}$``, *Let $A$ and $B$ be elements of $\mathrm{SO}(3)$*, *$A, B$는
$M_n(\mathbb{R})$의 원소*: the relation ∈ is not checked, and the grammar reads the letter as a
real number, so a verdict on a claim about it may rest on a misreading.  The sets the readers do
read are listed here once: numbers (ℝ with a sign or a subscript such as ℝ₊, ℤ, ℕ, ℚ, intervals,
a listed finite set, ``[K]``), the complex numbers (ℂ, :mod:`symderive.notes.declared`) and the
real vectors ℝⁿ, ℝ^{1×n}; ℝ^{m×n} is a set of matrices like M_n(ℝ): a letter the grammar reads as
a matrix (:mod:`symderive.grammar.shape_words`) is no scalar symbol, and one it reads as a number
(a lower-case ``a \in \mathbb{R}^{n \times n}``) is misread.
A declaration in any other set is recorded with its line, for the letter in any spelling (Greek,
lower case, bold, subscripted).  :mod:`symderive.notes.commuting` then keeps a verdict on a claim
that uses such a letter in its arithmetic only when the claim holds with the letter a
non-commuting symbol; a refutation with the letter a real number is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# a letter as written: \Sigma, a, A_1, a_{ij}, \mathbf{a}, \boldsymbol{\theta}, \hat{A}, W^{(1)}
_NAME = (r"(?:\\(?:mathbf|boldsymbol|bm|mathsf|mathit|mathrm|hat|tilde|bar|check)\s*"
         r"\{\s*\\?[A-Za-z]+\s*\}|\\[A-Za-z]+|[A-Za-z])"
         r"(?:\s*_\s*(?:\{[^{}$]*\}|[A-Za-z0-9]))?(?:\s*\^\s*\{\s*\([^{}$]*\)\s*\})?")
_NAMES = rf"{_NAME}(?:\s*,\s*{_NAME})*"
# $A, B \in S$ (at the start of a formula, or after \forall / "for all")
MEMBER = re.compile(
    rf"^\s*(?:\\forall\s*|\\text\s*\{{\s*(?:for\s+(?:all|every|any|each)\s*)\}}\s*)?"
    rf"(?P<names>{_NAMES})\s*(?:\\in(?![A-Za-z])|∈)\s*(?P<set>.+)$", re.S)
# $A$ and $B$ (are elements | lie | belong to | be matrices) in/of $S$
_LIST = rf"\$\s*{_NAMES}\s*\$(?:\s*(?:,\s*and|,|and|과|와)\s*\$\s*{_NAMES}\s*\$){{0,12}}"
_FILLER = (r"(?:(?:is|are|be|being|lies?|lying|taken|chosen|drawn|both|all|now|also|arbitrary|"
           r"any|some|two|three|an?|the|fixed|given|general|square|real|invertible|"
           r"non-?singular|symmetric|orthogonal|unitary)\s+)*")
_ELEMENTS = (r"(?:elements?|members?|points?|matri(?:x|ces)|operators?|quaternions?|vectors?|"
             r"tensors?)")
WORDED = (
    re.compile(rf"(?P<names>{_LIST})\s+{_FILLER}(?:(?:{_ELEMENTS}\s+(?:in|of|from))|in|from|"
               rf"belongs?\s+to|(?:lies?|lying)\s+in)\s+\$(?P<set>[^$]+)\$", re.I),
    # $A, B$는 $M_n(\mathbb{R})$의 원소 / 에 속한다
    re.compile(rf"(?P<names>{_LIST})\s*(?:은|는|이|가)\s*\$(?P<set>[^$]+)\$\s*(?:의\s*원소|에\s*속)"),
    # $M_n(\mathbb{R})$의 원소 $A$, $M_n(\mathbb{R})$에 속하는 $A, B$
    re.compile(rf"\$(?P<set>[^$]+)\$\s*(?:의\s*(?:두\s*)?원소|에\s*속하는)\s*(?P<names>{_LIST})"),
)

# -- the sets the readers read --------------------------------------------------------------------
_SIGN = r"(?:[+\-*0-9<>=\s]|\\(?:geq?|leq?|neq?|times|ast|star)(?![A-Za-z]))+"
_SCRIPT = rf"(?:\s*[_^]\s*(?:\{{{_SIGN}\}}|[+\-*0-9]))"


def _number_set(letters: str) -> str:
    r"""ℝ (ℚ, ℤ, ℕ, ℂ) as spelled: ``\mathbb{R}``, ``\mathbb R``, ``\mathbf{R}``, ``\R``, ``ℝ``."""
    unicode = {"R": "ℝ", "Q": "ℚ", "Z": "ℤ", "N": "ℕ", "C": "ℂ"}
    return (rf"(?:\\(?:mathbb|mathbf|Bbb|mathrm)\s*\{{?\s*[{letters}]\s*\}}?|"
            rf"\\[{letters}](?![A-Za-z])|[{''.join(unicode[letter] for letter in letters)}])")


_NUMBERS = rf"{_number_set('RQZN')}{_SCRIPT}*(?:\s*\\setminus\s*\\\{{[^{{}}]*\\\}})?"
_DIM = r"(?:[A-Za-z0-9]|\\[A-Za-z]+)(?:\s*[+\-]\s*[A-Za-z0-9])*"
# ℝⁿ, a row or a column (ℝ^{1×n}); ℝ^{m×n} itself is not listed: a letter the grammar reads as a
# matrix is no scalar symbol, and one it does not (a lower-case a ∈ ℝ^{n×n}) is misread
_REAL_SPACE = (rf"{_number_set('R')}\s*\^\s*(?:{_DIM}|\{{\s*{_DIM}\s*\}}|"
               rf"\{{\s*1\s*(?:\\times|×)\s*{_DIM}\s*\}}|\{{\s*{_DIM}\s*(?:\\times|×)\s*1\s*\}})"
               rf"(?:\s*_\s*(?:\{{{_SIGN}\}}|[+]))?")
_COMPLEX = rf"{_number_set('C')}(?:\s*[_^]\s*(?:\{{[^{{}}]*\}}|\w))*"
_END = r"[^\[\](){},]*(?:\{[^{}]*\}[^\[\](){},]*)*"
_INTERVAL = (rf"(?:\\left\s*)?[\[(\]]\s*{_END},\s*{_END}(?:\\right\s*)?[\])\[]")
_LISTED = r"(?:\\left\s*)?\\\{.*\\\}|\[\s*[A-Za-z0-9]+\s*\]"
READ_SETS = re.compile(
    rf"(?:{_NUMBERS}|{_REAL_SPACE}|{_COMPLEX}|\\overline\s*\{{\s*{_NUMBERS}\s*\}}|{_INTERVAL}|"
    rf"{_LISTED})", re.S)


@dataclass(frozen=True)
class Membership:
    """``name ∈ set`` as one sentence or formula states it: the name as the grammar spells it
    (``Sigma``, ``a_1``, ``\\mathbf{b}``), the set as written, whether the readers read a member
    of that set as what it is (numbers, ℂ, ℝⁿ: :func:`reads_set`), and where."""

    line: int
    name: str
    written: str
    set: str
    read: bool
    words: str


def set_of(text: str) -> str:
    """The set a declaration names: ``text`` up to the first comma, semicolon, colon, ``\\quad``
    or ``\\text`` outside brackets (``M_n(\\mathbb{R}), \\; AB \\ne BA`` → ``M_n(\\mathbb{R})``)."""
    depth = 0
    for position, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth <= 0 and (char in ",;:|" or text.startswith(("\\quad", "\\qquad", "\\text",
                                                                  "\\mid", "\\;", "\\,"),
                                                                 position)):
            if char == "," and re.match(r",\s*\\?[)\[\]]", text[position:]):
                continue
            return text[:position].strip()
    return text.strip().rstrip(".")


def reads_set(written: str) -> bool:
    """Whether the readers read a member of ``written`` as what it is (numbers, ℂ, ℝⁿ)."""
    return READ_SETS.fullmatch(" ".join(written.split())) is not None


@lru_cache(maxsize=4096)
def grammar_name(written: str) -> str:
    """The symbol name the grammar gives a letter written ``written`` (``\\Sigma`` → ``Sigma``,
    ``\\boldsymbol{b}`` → ``\\mathbf{b}``, ``a_{1}`` → ``a_1``), or ``written`` without spaces
    when the grammar reads something else."""
    from symderive.errors import ParseError
    from symderive.grammar.latex import parse_latex_math

    try:
        value = parse_latex_math(written)
    except ParseError:
        return re.sub(r"\s+", "", written)
    names = [getattr(symbol, "name", "") for symbol in value.free_symbols]
    return names[0] if len(names) == 1 and names[0] else re.sub(r"\s+", "", written)


def _names(listed: str) -> list[str]:
    written = re.findall(r"\$([^$]*)\$", listed) or [listed]
    return [name.strip() for math in written for name in re.findall(_NAME, math)]


def memberships(sentences, math_blocks) -> tuple[Membership, ...]:
    """Every ``name ∈ set`` the note states: in a formula (``$A, B \\in M_n(\\mathbb{R})$``,
    a display ``\\forall x \\in S``) or in words (*elements of*, *lie in*, 의 원소), each with
    its line; a set written after ``\\exists`` binds its letter and declares nothing."""
    found: dict = {}

    def add(line: int, listed: str, written_set: str, words: str) -> None:
        written_set = set_of(written_set)
        if not written_set:
            return
        for written in _names(listed):
            if written in (r"\forall", r"\exists"):
                continue
            name = grammar_name(written)
            found.setdefault((line, name, written_set), Membership(
                line, name, written, written_set, reads_set(written_set), words))

    for line, latex in math_blocks:
        match = MEMBER.match(latex)
        if match:
            add(line, match.group("names"), match.group("set"), " ".join(latex.split())[:120])
    for sentence in sentences:
        text = sentence.text
        for inline in re.finditer(r"\$([^$]+)\$", text):  # also where no math block is read
            match = MEMBER.match(inline.group(1))
            if match:
                add(sentence.first + text.count("\n", 0, inline.start()), match.group("names"),
                    match.group("set"), " ".join(inline.group(1).split())[:120])
        for pattern in WORDED:
            for match in pattern.finditer(text):
                line = sentence.first + text.count("\n", 0, match.start())
                add(line, match.group("names"), match.group("set"),
                    " ".join(sentence.text.split())[:120])
    return tuple(sorted(found.values(), key=lambda member: (member.line, member.name)))


def unread_members(context, line: int) -> dict[str, Membership]:
    """The letters declared, where ``line`` stands (from the declaration to the end of its
    section, or after the formula in its section: ``where $A, B \\in M_n$``), members of a set
    the readers do not read; a later declaration before ``line`` in a set they read (*Now let
    $a \\in \\mathbb{R}$.*) ends it. name → the declaration."""
    from symderive.notes.sections import as_sections

    declared = getattr(context, "memberships", ())
    if not declared:
        return {}
    sections = as_sections(context.headings)
    read_lines: dict[str, list[int]] = {}
    for member in sections.in_force([m for m in declared if m.read], line,
                                    where=lambda member: member.line, after=False):
        read_lines.setdefault(member.name, []).append(member.line)
    unread: dict[str, Membership] = {}
    for member in sections.in_force([m for m in declared if not m.read], line,
                                    where=lambda member: member.line):
        if not any(member.line < said <= line for said in read_lines.get(member.name, ())):
            unread.setdefault(member.name, member)
    return unread
