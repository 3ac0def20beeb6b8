r"""Conventions a note states in words that change what its formulas mean, read in one place.

The checker reads every formula one way: angles in radians, vectors as columns (``x^\top y`` a
number, ``x x^\top`` a matrix), indices from one (``\sum_{i=1}^{n}`` over the entries ``x_1 …
x_n``). A note may say otherwise for all its formulas (round 38 A01, A06, A07):

* **degrees**: a sentence naming angles or a function of them (*angle, trigonometric*, ``\sin``,
  각, 삼각) and degrees (*degrees, deg*, °, ``^\circ``, 도 단위, 도(degree)): *All angles in this
  note are measured in degrees.*, a heading *Angles in degrees*;
* **row vectors**: *all vectors are row vectors*, *vectors are rows*, 행벡터로 쓴다;
* **indices from zero**: *indices start at $0$*, *zero-based*, *0-indexed*, *as in Python*, the
  entries listed from ``x_0`` (``x_0, \dots, x_{n-1}``), 인덱스는 0부터.

A statement holds in its own section, or in the whole note when the step's section states
none (as a log base does: :mod:`symderive.notes.log_base`), unless negated or contrasted just
before (*not in degrees*, *rather than degrees*). A step whose formulas use what the statement
changes (a trigonometric function; a transpose or a vector; a sum, a product or an index) and
that the checker decided with its own reading is *undecided*, naming the statement. This only
ever says less.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symderive.grammar.negation import NEGATED_OR_CONTRASTED
from symderive.notes.log_base import section_lines, sentences

MATH = re.compile(r"\$[^$]*\$")


@dataclass(frozen=True)
class Convention:
    name: str  # what the note says, shortly
    reading: str  # what the checker read instead
    said: re.Pattern  # the words that state it (in a sentence that also names ``about``)
    about: re.Pattern  # what a stating sentence speaks of
    uses: re.Pattern  # a formula that it changes


ANGLES = Convention(
    "angles in degrees", "radians",
    re.compile(r"\bdeg(?:ree)?s?\b|°|\\circ\b|\\degree\b|도\s*(?:\(\s*degree\s*\)|단위)"
               r"|(?:60|육십)\s*분법", re.I),  # 60분법: degree measure (round 40 I09)
    re.compile(r"\bangles?\b|\b(?:measured\s+)?in\s+deg(?:ree)?s\b|도\s*단위|°|\btrigonometr\w*|\\(?:sin|cos|tan|cot|sec|csc)\b|\b(?:sin|cos|tan)\b"
               r"|각(?:도|은|는|을|이)?|삼각", re.I),
    re.compile(r"\\(?:arc)?(?:sin|cos|tan|cot|sec|csc)h?(?![A-Za-z])"),
)
ROW_VECTORS = Convention(
    "vectors are rows", "column vectors",
    re.compile(r"\brow[- ]vectors?\b|\bvectors?\s+(?:are|as)\s+(?:written\s+as\s+)?rows\b|행\s*벡터"
               r"|가로\s*벡터|\bvectors?\s+(?:is|are)\s+(?:an?\s+)?\$\s*1\s*\\times\s*[A-Za-z]"
               r"|\ban?\s+(?:single|one)\s+row\b", re.I),  # 가로 벡터, a $1 \times n$ matrix (40 I10)
    re.compile(r"\bvectors?\b|\brows?\b|벡터"),
    re.compile(r"\^\s*\{?\s*(?:\\top|\\intercal|T|\\mathsf\{T\}|\\mathrm\{T\})\s*\}?|\\(?:mathbf|"
               r"boldsymbol|vec|bm)\b|\\nabla|\\partial\s*\\(?:mathbf|boldsymbol)"),
)
ZERO_BASED = Convention(
    "indices start at zero", "indices from one",
    re.compile(r"\b(?:zero|0)[- ](?:based|indexed)\b|\bindex(?:ed|ing)?\s+(?:starts?\s+)?(?:from|at)"
               r"\s+\$?\s*(?:0|zero)\b|\b(?:indices|indexes|counting|numbering)\s+(?:starts?|begins?)"
               r"\s+(?:from|at|with)\s+\$?\s*(?:0|zero)\b|\bfrom\s+\$?\s*(?:0|zero)\s*\$?\s+to\s+\$?"
               r"\s*[a-z]\s*-\s*1\b|\$[^$]*\b[a-z]_\{?0\}?\s*,\s*\\(?:dots|ldots|cdots)\s*,\s*[a-z]_\{?"
               r"\s*[a-z]\s*-\s*1\s*\}?[^$]*\$|0\s*부터\s*(?:시작|센다|세)", re.I),
    re.compile(r"\bind(?:ex|ices|exes|exed|exing)\b|\bentries\b|\bcomponents?\b|\bcount\w*|"
               r"\bnumber\w*|\bpython\b|인덱스|성분|첨자|\$", re.I),
    re.compile(r"\\(?:sum|prod)(?![A-Za-z])|_\s*\{?\s*[A-Za-z0-9]"),
)
CONVENTIONS = (ANGLES, ROW_VECTORS, ZERO_BASED)


@dataclass(frozen=True)
class Statement:
    convention: Convention
    line: int
    text: str  # the sentence, shortened


def stated(sentence: str, convention: Convention) -> bool:
    """Whether the sentence states the convention (not negated nor contrasted just before)."""
    words = sentence if convention is not ANGLES else MATH.sub(
        lambda math: " " * len(math.group()), sentence)  # (the same length: positions kept)
    match = convention.said.search(words)
    if match is None or not convention.about.search(sentence):
        return False
    near = MATH.sub(" ", words[max(0, match.start() - 30): match.start()])
    if NEGATED_OR_CONTRASTED.search(near):
        return False
    if convention is ANGLES and not _degrees_stated(sentence, words, convention):
        # *π radians, or 180 degrees*: a conversion, unless the radians are denied (*in degrees
        # rather than radians*) or degrees are stated beside it (*angles are measured in
        # degrees (recall that π radians is 180 degrees)*: round 40 I08)
        for radians in re.finditer(r"\bradians?\b|라디안|호도법", words, re.I):
            before = words[max(0, radians.start() - 30): radians.start()]
            if not NEGATED_OR_CONTRASTED.search(before):
                return False
    return True


def _degrees_stated(sentence: str, words: str, convention: Convention) -> bool:
    """A mention of degrees (in ``words``, the sentence without its math) that is no number's
    unit (*measured in degrees*, not *$180$ degrees*) and is not denied: the sentence states
    degrees whatever conversion it adds."""
    for match in convention.said.finditer(words):
        before = sentence[max(0, match.start() - 30): match.start()].replace("$", " ")
        if not re.search(r"[\d)}]\s*$|\bpi\s*$|π\s*$", before) and not NEGATED_OR_CONTRASTED.search(
                before):
            return True
    return False


def statements(lines: list[str]) -> list[Statement]:
    """Every sentence (or heading) of the note that states one of the conventions, with its
    line."""
    found = []
    for line, sentence in sentences(lines):
        for convention in CONVENTIONS:
            for part in sentence.split("\n"):  # (a heading is a sentence of its own)
                if part.strip() and stated(part, convention):
                    found.append(Statement(convention, line, " ".join(part.split())[:80]))
                    break
    return found


def doubt(lines: list[str], line: int, found: list[Statement], latex: str) -> str:
    """Why a step at ``line`` whose formulas (and the definitions it used) are ``latex`` is not
    decided with the checker's own reading: a statement of its section, or of the note when
    its section states none, changes what it uses; '' when none does."""
    if not found:
        return ""
    start, end = section_lines(lines, line)
    for convention in CONVENTIONS:
        mine = [s for s in found if s.convention is convention]
        own = [s for s in mine if start <= s.line <= end]
        applying = own or mine
        if applying and convention.uses.search(latex):
            where = "; ".join(dict.fromkeys(f"line {s.line}" for s in applying[:3]))
            return (f"the note says {convention.name} ({where}: '{applying[0].text}'), and this "
                    f"step was read with {convention.reading}: not decided")
    return ""
