r"""Letters a formula quantifies itself, and the prose written inside it (review round 14a F6, F7, F3).

``$$w^2 = 3w \quad \text{for all } w.$$``, ``\forall w \in \mathbb{R}``, ``\;\forall x``,
``\mbox{for every real } y``, ``\textrm{for any $t$}``, ``\text{모든 } x \text{에 대해}``: the
formula binds the letter itself. An example value given before (*Take $w = 3$ as an example.*)
is not the w it speaks of (:func:`quantified`), and a domain stated before (*Let $x > 0$.*) does
not hold when the formula widens the letter to every real (:func:`widened`). Words inside it
that call it general (``\text{identically}``, ``\text{(always)}``) lift every example value
(:func:`general_words`).

And a condition written in ``\text{…}`` next to a relation on a letter of the claim
(``\text{only when } p \ge 0``, ``p \ge 0 \text{일 때}``): :func:`prose_condition` quotes its
words, so a refutation that need not satisfy it is withheld.
"""

from __future__ import annotations

import re

from symderive.notes.condition_words import PROSE, TEXT_GROUP
from symderive.notes.names import plain_name

NAME = r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?"
_NAMES = rf"{NAME}(?:\s*,\s*{NAME})*"
_SPACING = re.compile(r"\\(?:q?quad|[,;:! ]|enspace|thinspace|hfill)(?![A-Za-z])|~|\\hspace\*?\s*\{[^{}]*\}")
_QUANTIFIER_SIGN = re.compile(r"\\forall(?![A-Za-z])|∀")
# the formula read as prose: words as written, each run of math as $…$
_WORDS_OF_SET = (r"real|reals|complex|numbers?|values?|of|the|choices?|inputs?|arguments?|points?|"
                 r"positive|negative|non-?negative|non-?positive|non-?zero|integers?|natural|"
                 r"rational|실수|복소수|정수|자연수|양수|음수|값")
QUANTIFIED = re.compile(
    rf"(?:\bfor\s+(?:all|every|any|each|arbitrary)|\barbitrary|모든|임의의)\s+"
    rf"(?P<words>(?:(?:{_WORDS_OF_SET})\s+){{0,4}})\$\s*(?P<names>{_NAMES})\s*(?P<rest>[^$]*)\$",
    re.I)
# a set as large as the reals: nothing, \in \mathbb{R}, \in \mathbb{C}, \in (-\infty, \infty)
_ALL_REALS = re.compile(
    r"^(?:(?:\\in|∈)\s*(?:\\mathbb\s*\{?\s*[RC]\s*\}?|\\mathbf\s*\{\s*[RC]\s*\}|\\[RC](?![A-Za-z])|"
    r"ℝ|ℂ|\\left\s*\(\s*-\s*\\infty\s*,\s*\\infty\s*\\right\s*\)|\(\s*-\s*\\infty\s*,\s*\\infty\s*\)))?"
    r"\s*(?:[.,;]|에\s*대해서?|에\s*대하여)?\s*$")
_REAL_WORDS = re.compile(r"^(?:(?:real|reals|complex|numbers?|values?|of|the|choices?|실수|복소수|값)\s+)*$",
                         re.I)


def as_prose(latex: str) -> str:
    r"""The formula with its ``\text{…}`` groups as words and each run of math between them as
    ``$…$`` (``\forall`` read "for all"): ``w^2 = 3w \quad \text{for all } w.`` →
    ``$w^2 = 3w$ for all $w.$``."""
    pieces: list[str] = []
    position = 0
    text = latex or ""
    marks = sorted([*((m.start(), m.end(), m.group("words")) for m in TEXT_GROUP.finditer(text)),
                    *((m.start(), m.end(), " for all ") for m in _QUANTIFIER_SIGN.finditer(text))])
    for start, end, words in marks:
        if start < position:
            continue  # (a \forall inside a \text group)
        pieces.append(_math(text[position:start]))
        pieces.append(" " + words.replace("\\$", " ") + " ")
        position = end
    pieces.append(_math(text[position:]))
    return " ".join("".join(pieces).split())


def _math(segment: str) -> str:
    inner = " ".join(_SPACING.sub(" ", segment).split())
    return f" ${inner}$ " if inner else " "


def quantified(latex: str, prose: str = "") -> dict:
    r"""name (as written) → (the words before it, the set or bound after it) for each letter the
    formula quantifies (``\forall x \in \mathbb{R}`` → x: ('', '\in \mathbb{R}')); with
    ``prose``, the letters those words quantify instead (*for every real $x$*)."""
    found: dict = {}
    for match in QUANTIFIED.finditer(prose or as_prose(latex)):
        for name in re.split(r"\s*,\s*", match.group("names").strip()):
            if name and not re.fullmatch(r"\\(?:in|mathbb|mathbf|left|right|infty)", name):
                found.setdefault(name, (match.group("words").strip(), match.group("rest").strip()))
    return found


def bound_names(latex: str) -> set[str]:
    """The plain names (``w_18`` for ``w_{18}``) the formula quantifies: none of them takes an
    example value given before it (round 14a F6)."""
    return {plain_name(name) for name in quantified(latex)}


def widened(latex: str) -> set[str]:
    r"""The plain names the formula quantifies over every real number (``\forall x``, ``\forall
    x \in \mathbb{R}``, ``\text{for all real } x``): a domain stated before does not hold for the
    claim (round 14a F7). A quantifier with a bound or another set (``\forall x > 0``, ``\text{for
    all positive } x``) is not one."""
    return {plain_name(name) for name, (words, rest) in quantified(latex).items()
            if _REAL_WORDS.match(words + " " if words else "") and _ALL_REALS.match(rest)}


_REAL_SET = (r"(?:\\in|∈)\s*(?:\\mathbb\s*\{?\s*[RC]\s*\}?|\\mathbf\s*\{\s*[RC]\s*\}|\\[RC](?![A-Za-z])|ℝ|ℂ)")
# a quantifier over every real written in the display: no condition a counterexample must meet
_ALL_REALS_QUANTIFIER = re.compile(
    r"(?:\\forall|∀|\\(?:text|textrm|mbox|textnormal)\s*\{\s*for\s+(?:all|every|any|each|arbitrary)"
    rf"(?:\s+real(?:\s+numbers?)?)?\s*\}})(?:\s|{_SPACING.pattern})*{_NAMES}\s*{_REAL_SET}")


def without_all_reals(latex: str) -> str:
    r"""The display without its quantifiers over every real (``\forall x \in \mathbb{R}``,
    ``\text{for arbitrary } w \in \mathbb{R}``): they state no condition (round 14a F6)."""
    return _ALL_REALS_QUANTIFIER.sub(" ", latex or "")


def over_all_reals(condition: str) -> bool:
    r"""Whether a condition only says its letters are any real numbers (``\forall w \in
    \mathbb{R}``, ``x \in \mathbb{R}``): it restricts nothing a counterexample must satisfy."""
    prose = as_prose(condition if re.match(r"\s*(?:\\forall|∀)", condition or "")
                     else "\\forall " + (condition or ""))
    match = re.fullmatch(r"\s*for all \$\s*(?P<names>" + _NAMES + r")\s*(?P<rest>[^$]*)\$\s*", prose)
    return bool(match and match.group("rest").strip() and _ALL_REALS.match(match.group("rest").strip()))


def rebound_letters(located) -> tuple:
    r"""(line, chain latex, plain name, words, clear) for each letter a chain's own row
    quantifies over every real number (:func:`widened`): a domain stated before it does not
    hold for that chain. ``clear`` when the set is written (``\forall x \in \mathbb{R}``,
    ``\text{for all real } x``): a refutation outside the old domain stands; a bare ``\forall
    x`` may be sloppy for "every x of the domain", so there it is withheld."""
    found = []
    for item in located:
        row = row_of(item.block.latex, item.chain.latex)
        if not _QUANTIFIER_SIGN.search(row) and not QUANTIFIED.search(as_prose(row)):
            continue
        chain = " ".join(item.chain.latex.split())
        for name, (words, rest) in quantified(row).items():
            plain = plain_name(name)
            if plain in widened(row):
                clear = bool(words or rest.strip(" .,;"))
                found.append((item.chain.line, chain, plain,
                              " ".join(row.split())[:80], clear))
    return tuple(found)


def general_words(latex: str, prose: str = "") -> str:
    r"""The formula's own words with its quantified letters and its math taken out
    (``\text{holds identically}`` → "holds identically"), for the generalising-word reader;
    with ``prose``, those words instead."""
    prose = QUANTIFIED.sub(" ", prose or as_prose(latex))
    return " ".join(re.sub(r"\$[^$]*\$", " ", prose).split())


def prose_bound(words: str) -> set[str]:
    """The plain names the words after a display quantify (*holds for every real $w$*)."""
    return {plain_name(name) for name in quantified("", words)} if words else set()


_CONTINUES = re.compile(r"^\s*[,:–—-]?\s*(?:[a-z]|[가-힣])")


def continuation(after: str) -> str:
    """The words right after a display that go on with its sentence (*$$…$$ holds identically.*,
    *$$…$$ for all $w$.*, *$$…$$ 는 항등적으로 성립한다.*): up to the end of that sentence, or ''
    when a new sentence starts there (a capital letter)."""
    if not after or not _CONTINUES.match(after):
        return ""
    said = re.match(r"(?:\$(?!\$)[^$]*\$|[^$.;!?。\n])*", after.lstrip(" ,:–—-")).group()
    # "…, while in general": another clause, about something else
    return re.split(r",\s*(?:and|but|while|whereas|whilst|then|so|although|though)\b", said)[0]


def row_of(block: str, chain: str) -> str:
    r"""The row of the display ``block`` that holds the chain ``chain`` (rows split at ``\\``),
    or the whole block when it is not found."""
    squeezed = re.sub(r"\s+", "", chain or "")
    if not squeezed:
        return block
    for row in re.split(r"\\\\", block or ""):
        if squeezed in re.sub(r"\s+", "", row):
            return row
    return block


_RELATION = (r"(?:[<>≤≥≠∈]|\\(?:leqslant|geqslant|leq|geq|le|ge|lt|gt|neq|ne|in|notin|subset|"
             r"subseteq)(?![A-Za-z]))")
_BOUND_LETTER = re.compile(rf"(?P<a>{NAME})\s*{_RELATION}|{_RELATION}\s*(?P<b>{NAME})")


def prose_condition(block: str, chain: str) -> str:
    r"""The words of a ``\text{…}`` group (prose: two letters or Hangul) in the row of ``chain``
    outside the claim, when that row also writes a relation on a letter of the claim (``\quad
    \text{only when } p \ge 0``, ``\quad p \ge 0 \text{일 때}``): '' otherwise. A display that
    carries such words is never refuted (round 14a F3)."""
    row = " ".join(without_all_reals(row_of(block, chain)).split())  # (∀x ∈ ℝ: no condition)
    claim = " ".join((chain or "").split())
    rest = row.replace(claim, " ", 1) if claim and claim in row else row
    words = [m.group("words") for m in TEXT_GROUP.finditer(rest) if PROSE.search(m.group("words"))]
    if not words:
        return ""
    math = TEXT_GROUP.sub(lambda m: " " + m.group("words") + " ", rest)
    claim_names = {plain_name(n) for n in re.findall(NAME, claim)}
    for match in _BOUND_LETTER.finditer(math):
        name = plain_name(match.group("a") or match.group("b"))
        if name in claim_names or name.split("_")[0] in claim_names:
            return " ".join(" ".join(words).split())[:80]
    return ""
