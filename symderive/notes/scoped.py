r"""The statements of the prose that a reader finds anywhere in the note, kept to where each
holds (:mod:`symderive.notes.sections`: from its line to the end of its section, sub-sections
included; also after the formula in its very section; *Throughout this chapter* widens it).

A reader that scans the whole text records each statement with its line; the question asked
at a formula's line goes through :meth:`~symderive.notes.sections.Sections.in_force`, so a
shape, a letter named in words or a one-hot vector declared in a sibling section never reaches
the formula (review round 9b H1, C5, L4).  Directives (``<!-- symderive: assume … -->``) are
not statements of the prose: they hold in the whole file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from symderive.grammar.matrices import one_shape_each
from symderive.notes.sections import as_sections


def declared_at(context, line: int) -> tuple[tuple[str, tuple], ...]:
    """The (name, shape) pairs the prose's shape statements in force at ``line`` give (a name
    given two different shapes there is left out, and so is one a later sentence in force says
    is a number: *In this sub-section $A$ is a real number.* under a parent's 2 × 2 $A$)."""
    statements = getattr(context, "shape_statements", ())
    if not statements:
        return ()
    sections = as_sections(context.headings)
    shapes = sections.in_force(statements, line)
    stated = getattr(context, "stated", None)
    if shapes and stated is not None:
        numbers = sections.in_force(scalar_statements(tuple(stated.sentences)), line, after=False)
        shapes = [(said, name, shape) for said, name, shape in shapes
                  if not any(later > said and number == _plain(name) for later, number in numbers)]
    return one_shape_each(shapes)


def onehot_at(context, line: int) -> dict:
    """Vectors a sentence in force at ``line`` (from its line on: it can make a claim checked)
    calls one-hot: name → (line, words) of the first such sentence."""
    found: dict = {}
    for stated, name, words in as_sections(context.headings).in_force(
            getattr(context, "stated_onehot", ()), line, after=False):
        found.setdefault(name, (stated, words))
    return found


def simplex_at(context, line: int, summed: bool = True) -> dict:
    """Vectors a sentence in force at ``line`` (from its line on) calls one-hot or probability
    vectors: name → the line of the first such sentence; with ``summed``, also those a formula
    stated as a hypothesis sums to one (Σ_i t_i = 1 beside words of laws)."""
    found: dict = {}
    statements = tuple(getattr(context, "stated_simplex", ())) + (
        tuple(getattr(context, "summed_to_one", ())) if summed else ())
    for stated, name in as_sections(context.headings).in_force(
            tuple(sorted(statements)), line, after=False):
        found.setdefault(name, stated)
    return found


# -- letters a section says are numbers ---------------------------------------------------------
_NAME = (r"(?:\\(?:mathbf|boldsymbol|bm|mathsf|mathit)\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|"
         r"[A-Za-z](?:_\{?\w+\}?)?)")
_LIST = (rf"\$\s*{_NAME}(?:\s*,\s*{_NAME})*\s*\$"
         rf"(?:\s*(?:,\s*and|,|and)\s*\$\s*{_NAME}(?:\s*,\s*{_NAME})*\s*\$){{0,12}}")
_NUMBER_WORDS = (r"(?:real\s+(?:numbers?|scalars?)|real-valued\s+scalars?|scalars?|numbers?)"
                 r"(?!\s*-?\s*(?:valued|matri|vector|operator|field|line))\b")
SCALAR_SENTENCES = (
    # In this section $A$ and $B$ are real numbers.  Let $a$ be a scalar.
    re.compile(rf"(?P<names>{_LIST})\s+(?:is|are|be|denotes?|stands?\s+for)\s+(?:both\s+|all\s+|"
               rf"now\s+|just\s+|again\s+)*(?:(?:an?|any|arbitrary|ordinary|plain)\s+)*"
               rf"{_NUMBER_WORDS}", re.I),
    # for real numbers $A$ and $B$, scalars $a, b$
    re.compile(rf"(?<![-\w])(?:real\s+numbers?|scalars?)\s+(?P<names>{_LIST})", re.I),
    # $a, b \in \mathbb{R}$ (no exponent: a vector space is not numbers)
    re.compile(rf"\$\s*(?P<names>{_NAME}(?:\s*,\s*{_NAME})*)\s*(?:\\in|∈)\s*"
               r"\\mathbb\s*\{?\s*R\s*\}?\s*\$"),
)


def _plain(name: str) -> str:
    r"""A name as a symbol's name spells it: ``A`` for ``\mathbf{A}``, ``a_1`` for ``a_{1}``."""
    return re.sub(r"\\(?:mathbf|boldsymbol|bm|mathsf|mathit)\s*\{|[{}\s]", "", name)


@lru_cache(maxsize=8)
def scalar_statements(sentences: tuple) -> tuple[tuple[int, str], ...]:
    """(line, name) for each letter a sentence of the prose says is a number (*In this section
    $A$ and $B$ are real numbers.*, *for scalars $a$ and $b$*, ``$a \\in \\mathbb{R}$``); a
    negated sentence (*$A$ is not a scalar*) states nothing (the patterns do not read it)."""
    found = []
    for sentence in sentences:
        for pattern in SCALAR_SENTENCES:
            for match in pattern.finditer(sentence.text):
                if re.search(r"\b(?:of|whose)\s*$", sentence.text[:match.start()],
                             re.I):
                    continue  # "The entries of $A$ and $B$ are real numbers" (round 10b C5)
                names = match.group("names")
                maths = re.findall(r"\$([^$]*)\$", names) if "$" in names else [names]
                for math in maths:
                    for name in re.split(r"\s*,\s*", math.strip()):
                        if re.fullmatch(_NAME, name):
                            found.append((sentence.first, _plain(name)))
    return tuple(found)


def scalars_at(context, line: int) -> frozenset:
    """The letters the prose in force at ``line`` says are numbers, and that no statement in
    force there calls a matrix, a vector, an operator or a function: they commute, and
    ``u(2a)`` is a product, whatever another section calls them.  Elsewhere a letter the note calls a matrix anywhere stays doubtful
    (the safe direction: the words of a section not read must not make a claim proved)."""
    stated = getattr(context, "stated", None)
    if stated is None:
        return frozenset()
    sections = as_sections(context.headings)
    named = {name for _line, name in sections.in_force(  # from its line: it can prove
        scalar_statements(tuple(stated.sentences)), line, after=False)}
    if not named:
        return frozenset()
    from symderive.notes.check_notes import prose_arrays  # (it imports this module)
    from symderive.notes.operator_words import prose_objects

    from symderive.notes.declared import FUNCTION_SENTENCES

    lines = context.lines
    text = "\n".join(lines[number - 1] if sections.covers(number, line) else ""
                     for number in range(1, len(lines) + 1))  # keeps the line numbers
    called = {_plain(name) for name in prose_arrays(text) | set(prose_objects(text))}
    called |= {_plain(match.group("name")) for sentence in stated.sentences
               if sections.covers(sentence.first, line)
               for pattern in FUNCTION_SENTENCES for match in pattern.finditer(sentence.text)}
    return frozenset(named - called)
