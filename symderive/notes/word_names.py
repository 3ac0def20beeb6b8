r"""Names of several capital letters that the note defines: ``SE_{i} = \{y_i - \hat{y}_i\}^2``
(round 38 C03).

The grammar reads adjacent letters as a product (``AB`` is A·B), so a note's own name
``SE_{i}`` (the squared error) was read as S·E_i and ``\partial SE_{i} / \partial \alpha`` as 0.
A run of two to four capitals is one name, written ``\mathrm{SE}`` for every reader, only
where the note makes it one:

* its first occurrence is the left side of a first ``=`` (``SE_{i} = …``, ``MSE = …``,
  ``SE = …``: round 57 AS02);
* none of its letters is used alone elsewhere in the note's mathematics (``A``, ``E_i``), and
  no other run of capitals is written with its letters only (``BA``: ``AB = BA`` stays the
  product of two matrices; ``SD`` beside ``SE`` is another name) — E before a bracket, the
  expectation, is no use of the letter E.

A run the prose spells out as an abbreviation is one name wherever it stands, whatever its
letters do elsewhere (round 57 AS02: ``SE = SD * \sqrt{n}`` was S·E = S·D·√n): a word followed
by the run in parentheses (``표준오차(SE)``, ``표준 편차(SD)``, ``standard error (SE, …)``), or by
the run alone between dollars, the English words' initials spelling it (``standard error
$SE$``, ``mean squared error $MSE$``) or a Korean word before it (``표준오차 $SE$``). Words of
products and matrices (*product, matrix*, 곱, 행렬 …) spell nothing out: ``the product $AB$``.
Words after a run's formula spell it out by their initials too (``Let $SE = SD / \sqrt{n}$ be
the standard error``), and a run written in the formula of a name (SD in ``SE = SD /
\sqrt{n}``) that shares a letter with it is another abbreviation of the family, one name
wherever it stands (round 58 AV04: ``SE^2 = SD^2 / n`` was refuted with SE² read as S·E² and
SD² as S·D²). Where the note also writes that run's letters apart (``S^2 D^2``), a refutation
resting on the one-name reading is withheld (:func:`split_run_doubt`).
"""

from __future__ import annotations

import re

from symderive.notes.extract import HTML_COMMENT, extract_math

_RUN = re.compile(r"(?<![A-Za-z\\])[A-Z]{2,4}(?![A-Za-z])")
# a run inside \mathrm{…}, \text{…}, \mathbb{…}, \begin{…}: a word already, or no name
_WORD_COMMAND = re.compile(
    r"\\(?:mathrm|text|textrm|textbf|textit|operatorname|mathit|mathsf|mathbf|mathbb|mathcal|"
    r"mathfrak|rm|boldsymbol|bm|begin|end|label|ref|eqref|tag)\s*\{\s*$")
_DEFINING_HEAD = re.compile(r"(?P<sub>_\{[^{}]*\}|_[A-Za-z0-9])?\s*&?\s*=(?!=)")
_ROW_START = re.compile(r"(?:^|\\\\|\n|\\begin\{[A-Za-z*]+\})\s*&?\s*$")
_EXPECTATION_AFTER = re.compile(r"\s*(?:\\(?:left|bigl?|Bigl?|biggl?|Biggl?)\s*)?[\[(]")
_HANGUL = "\uac00-\ud7a3"
# 표준오차(SE), standard error (SE, …): a word, then the run alone in parentheses or before a comma
_IN_PARENTHESES = re.compile(
    rf"(?<![\\A-Za-z{_HANGUL}])(?P<word>[A-Za-z{_HANGUL}]{{2,}})[ \t]*\([ \t]*(?P<run>[A-Z]{{2,4}})[ \t]*[,)]")
# standard error $SE$, 표준오차 $SE$: words, then the run alone between dollars
_IN_DOLLARS = re.compile(
    rf"(?P<words>(?:[A-Za-z]+[ \t-]+){{1,6}}|[{_HANGUL}]+[ \t]*)\$[ \t]*(?P<run>[A-Z]{{2,4}})[ \t]*\$(?!\$)")
# Let $SE = SD / \sqrt{n}$ be the standard error: the run, its formula, then words naming it
_NAMED_AFTER = re.compile(
    r"\$[ \t]*(?P<run>[A-Z]{2,4})[ \t]*=[^$=]*\$[ \t,]*(?i:be|denotes?|is|are|is called)[ \t]+"
    r"(?P<words>(?:[A-Za-z]+[ \t-]+){0,5}[A-Za-z]+)")
# the product $AB$, 행렬곱(AB), 따라서 $AB$: words of products or of reasoning spell nothing out
_NO_SPELLING = re.compile(
    r"(?:products?|matri(?:x|ces)|vectors?|then|so|thus|hence|where|and|or)"
    r"|.*(?:행렬|벡터).*|(?:.*(?<!제))?곱|따라서|그리고|그러면|그러므로|즉|이때|여기서|또한|이제",
    re.I)  # (제곱, the square of 평균제곱오차, is no product)
_SMALL_WORDS = {"of", "the", "a", "an", "and", "to", "in", "for"}
_ROMAN = re.compile(r"[IVXL]+")


def _runs(latex: str) -> list[re.Match]:
    """The runs of capitals written as names (not inside a word command)."""
    return [match for match in _RUN.finditer(latex) if not _in_word(latex, match.start())]


def _in_word(latex: str, position: int) -> bool:
    r"""Whether ``position`` opens the argument of a word command (``\mathrm{``)."""
    return bool(_WORD_COMMAND.search(latex[max(0, position - 40) : position]))


def _defines(latex: str, match: re.Match) -> bool:
    """Whether the run at ``match`` is the left side of an ``=`` starting its row."""
    if not _ROW_START.search(latex[: match.start()]):
        return False
    return bool(_DEFINING_HEAD.match(latex, match.end()))


def _reordered(run: str, other: str) -> bool:
    """Whether ``other`` is written with letters of ``run`` only (``BA`` for ``AB``): the two
    are then products of the same letters (``AB = BA``), never two names. A run sharing only
    some letters (``SD`` beside ``SE``) is another abbreviation (round 57 AS02)."""
    return other != run and run not in other and set(other) <= set(run)


def _letter_alone(letter: str, latex: str) -> bool:
    """Whether ``letter`` is used alone (a name of its own) in ``latex``."""
    for found in re.finditer(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])", latex):
        if _in_word(latex, found.start()):
            continue
        if letter == "E" and _EXPECTATION_AFTER.match(latex, found.end()):
            continue  # E[X], E\left( … \right): the expectation
        return True
    return False


def spelled_out(text: str, prose: str | None = None) -> set[str]:
    """The runs of capitals the prose of ``text`` introduces as abbreviations (round 57 AS02):
    in parentheses after a word of ``prose`` (``text`` with its mathematics blanked), or alone
    between dollars after words."""
    runs = {found.group("run") for found in _IN_PARENTHESES.finditer(
        text if prose is None else prose)
            if not _NO_SPELLING.fullmatch(found.group("word"))}
    for found in _IN_DOLLARS.finditer(text):
        if _spells(found.group("words"), found.group("run")):
            runs.add(found.group("run"))
    for found in _NAMED_AFTER.finditer(text):  # Let $SE = …$ be the standard error (round 58 AV04)
        if _initials(found.group("words"), found.group("run")):
            runs.add(found.group("run"))
    return {run for run in runs if not _ROMAN.fullmatch(run)}


def _initials(words: str, run: str) -> bool:
    """Whether the first English words after ``$RUN = …$ be`` spell it out (*the standard error
    of the mean* for SE)."""
    content = [word for word in re.split(r"[ \t-]+", words.strip())
               if word and word.lower() not in _SMALL_WORDS]
    return "".join(word[0] for word in content[: len(run)]).upper() == run


def _spells(words: str, run: str) -> bool:
    """Whether the words just before ``$RUN$`` spell it out: English words whose initials are
    its letters (*standard error* for SE), or a Korean word (표준오차)."""
    if re.search(f"[{_HANGUL}]", words):
        return not _NO_SPELLING.fullmatch(words.strip())
    content = [word for word in re.split(r"[ \t-]+", words.strip())
               if word and word.lower() not in _SMALL_WORDS]
    initials = "".join(word[0] for word in content[-len(run):]).upper()
    return len(content) >= len(run) and initials == run


def defined_word_names(blocks: list, spelled: frozenset = frozenset()) -> set[str]:
    """The runs of capitals the note defines as names (see the module's rules); ``spelled``
    are the runs its prose spells out (names wherever they stand)."""
    math = " ".join(block.latex for block in blocks)
    first: dict[str, tuple[str, re.Match]] = {}
    for block in blocks:
        for match in _runs(block.latex):
            first.setdefault(match.group(), (block.latex, match))
    names = {run for run in first if run in spelled}
    for run, (latex, match) in first.items():
        # (a longer run holding this one is a compound of it, MSE or SSE of SE: round 39 H05)
        if _defines(latex, match) and not any(
            _reordered(run, other) for other in first
        ) and not any(_letter_alone(letter, math) for letter in set(run)):
            names.add(run)
    return names | _companions(names, [block.latex for block in blocks], set(first))


def _companions(names: set[str], formulas: list[str], runs: set[str]) -> set[str]:
    r"""The runs written in the formula of a name of ``names`` (``SE = SD / \sqrt{n}``) that
    share a letter with it without being a reordering of it: another abbreviation of the same
    family (SD, the standard deviation, beside SE), one name as SE is (round 58 AV04: SE^2 =
    SD^2 / n was refuted with SD^2 read as S·D^2)."""
    found = set()
    for name in names:
        for formula in (head for latex in formulas for head in re.finditer(
                rf"(?<![A-Za-z\\]){name}(?![A-Za-z])\s*=([^=$]*)", latex)):
            right = re.split(r"\\\\|&", formula.group(1))[0]  # (its row only)
            for match in _RUN.finditer(right):
                other = match.group()
                if (other in runs and other != name and set(other) & set(name)
                        and not _reordered(name, other) and not _reordered(other, name)):
                    found.add(other)
    return found


def _prose(text: str, blocks: list) -> tuple[str, str]:
    r"""``text`` without HTML comments, and also with its mathematics blanked: an abbreviation is spelled out in words, never
    by ``\det(AB)`` (round 58: det read as a word spelling AB, so \det(AB) = \det(A)\det(B)
    became \det of one name) nor HTML comments' directives."""
    words = HTML_COMMENT.sub(lambda found: " " * len(found.group()), text)
    chars = list(words)
    for block in blocks:
        chars[block.start:block.end] = " " * (block.end - block.start)
    return words, "".join(chars)


def with_word_names(text: str, markdown: bool) -> str:
    r"""``text`` with each run of capitals the note defines as a name written
    ``\mathrm{RUN}`` inside its mathematics (lines kept; the words are left as written)."""
    if not _RUN.search(text):
        return text
    blocks = [block for block in extract_math(text, markdown=markdown).blocks
              if 0 <= block.start < block.end]
    names = defined_word_names(blocks, frozenset(spelled_out(*_prose(text, blocks))))
    if not names:
        return text
    pieces, done = [], 0
    for block in sorted(blocks, key=lambda block: block.start):
        if block.start < done:
            continue
        span = text[block.start : block.end]
        pieces.append(text[done : block.start])
        written, kept = [], 0
        for match in _runs(span):
            if match.group() in names:
                written += [span[kept : match.start()], rf"\mathrm{{{match.group()}}}"]
                kept = match.end()
        pieces.append("".join(written) + span[kept:])
        done = block.end
    return "".join(pieces) + text[done:]


def split_run_doubt(counterexample) -> str:
    """Why a refutation may rest on reading a run of capitals as one name ('' when not): the
    counterexample gives values to the name SD and to each of its letters S, D, so the step
    also writes them apart (``SD^2 = S^2 D^2``) — the product reading is there too (round 58
    AV04)."""
    if counterexample is None:
        return ""
    names = {str(name) for name, _ in counterexample.values}
    for name in sorted(names):
        if re.fullmatch(r"[A-Z]{2,4}", name) and set(name) <= names:
            return (f"{name} is read as one name while its letters {', '.join(sorted(set(name)))} "
                    f"also stand alone in it: it may mean their product")
    return ""
