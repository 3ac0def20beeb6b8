"""The words that negate a sentence of a note's prose, in English and Korean: one vocabulary.

A note's words decide readings: a sentence saying *we use Einstein notation* enables it,
*$C$ is a constant* makes ``dC/dx = 0``, *if $X$ and $Y$ are independent* becomes a given,
*$A$ is a symmetric matrix* gives ``A = Aᵀ``.  Each of those readings must be refused when the
sentence negates it, and a reading that misses a negation is unsound (*we don't use Einstein
notation* would enable it).  So every place asks the same question with the same words: the
**core** below, plus a named **extension** for what that place must also treat as not
affirmative.  A word too many only withholds a reading (the conservative direction); a word
too few is a misreading, so a word is removed only with a test showing why.

**Core** (:data:`NEGATED`), a negation of the sentence in any context:

* English whole words: *not, no, never, cannot, neither, nor, none, nothing, without*;
* the contraction *n't* (also with the typographic apostrophe: *don’t, isn’t*);
* *non* as a word or a hyphenated prefix (*non-constant, non-invertible, non constant*);
* Korean (no word boundaries: endings attach to the stem): 않 (*-지 않다*, "does not"),
  아니 / 아닌 / 아닙 / 아님 / 아닐 (*아니다*, "is not", in its forms), 없 (*없다*, "there is no",
  *없이*, "without"), 못 (*-지 못하다*, "cannot").

**Extensions**:

* :data:`CONTRAST` — *unlike, instead of, rather than, as opposed to, in contrast to*,
  대신 ("instead"), 달리 ("unlike"): a sentence naming a convention only to set it apart
  (*unlike Einstein notation, we write every sum*) does not say the note uses it.  Used by
  :mod:`symderive.notes.indices` (Einstein summation).
* :data:`SUPPOSITION` — *if, whether, unless*, 만약 ("if"), 라면 / 이면 ("if it is"): a
  sentence supposing a fact (*if $C$ is a constant*) does not state it.  Used by
  :mod:`symderive.notes.plan` (constants named in prose).
* :data:`EXCEPTION` — *unless, except…, fail…, false, dependent, non…* (any word it begins:
  *nonzero, nonsingular, none*), 제외 ("except"), 종속 ("dependent"): a condition excepted
  (*except when*), said to fail, denied by a prefix, or the opposite of independence is not
  a given.  Used by :mod:`symderive.notes.probability` (conditions of a
  formula's sentence).

Properties of matrices (:mod:`symderive.grammar.matrices`) are negated by the core words in
the clause before or just after them (:func:`negated_near`) or by a prefix glued to the word
(:data:`NEGATING_PREFIX`: *asymmetric, nonsymmetric, non-invertible, unsymmetric*).
"""

from __future__ import annotations

import re

CORE_WORDS = ("not", "no", "never", "cannot", "neither", "nor", "none", "nothing", "without")
CORE_KOREAN = ("않", "아니", "아닌", "아닙", "아님", "아닐", "없", "못")
CONTRAST = ("unlike", "instead of", "rather than", "as opposed to", "in contrast to", "대신", "달리")
SUPPOSITION = ("if", "whether", "unless", "만약", "라면", "이면")
EXCEPTION = ("unless", "except*", "fail*", "false", "dependent", "non*", "제외", "종속")

_CORE = r"n['’]t|\bnon(?:-|\b)"  # the contraction; non-constant, "non constant"


def _alternative(word: str) -> str:
    """A word as a regular expression: Korean anywhere (endings attach), English as a whole
    word (``*``: any ending), spaces as any run of spaces."""
    if not word.isascii():
        return re.escape(word)
    stem = word.rstrip("*")
    body = r"\s+".join(re.escape(part) for part in stem.split())
    return r"\b" + body + ("" if word.endswith("*") else r"\b")


def negation(*extensions: tuple[str, ...]) -> re.Pattern:
    """The pattern of the core negation words and those of ``extensions`` (case-insensitive)."""
    words = list(CORE_WORDS) + list(CORE_KOREAN)
    for extension in extensions:
        words += [word for word in extension if word not in words]
    return re.compile("|".join([_CORE] + [_alternative(word) for word in words]), re.I)


NEGATED = negation()
NEGATED_OR_CONTRASTED = negation(CONTRAST)
NEGATED_OR_SUPPOSED = negation(SUPPOSITION)
NEGATED_OR_EXCEPTED = negation(EXCEPTION)

# a prefix glued to a word denies it (asymmetric, nonsymmetric, non-invertible, unsymmetric,
# indefinite): the word written after it is not what the sentence states
NEGATING_PREFIX = re.compile(r"(?:\bnon|\ba|\bun|\bin|\bir|\bim|\bdis)-?$", re.I)
_CLAUSE_END = re.compile(r"[.;!?。\n]")


def negated_near(text: str, start: int, end: int, before: int = 24, after: int = 12) -> bool:
    """Whether the words at ``text[start:end]`` are negated: a core negation word in the same
    clause within ``before`` characters before them or starting within ``after`` characters
    after them (*not
    necessarily symmetric*, 대칭 행렬이 아닙니다), or a negating prefix glued to their first word
    (*asymmetric*)."""
    lead = text[max(0, start - before) : start]
    lead = lead[max((m.end() for m in _CLAUSE_END.finditer(lead)), default=0) :]
    tail = text[end : end + after + 8]  # a word starting within `after` characters, whole
    cut = _CLAUSE_END.search(tail)
    tail = tail[: cut.start()] if cut else tail
    later = NEGATED.search(tail)
    return bool(NEGATING_PREFIX.search(lead) or NEGATED.search(lead)
                or later and later.start() <= after)  # fmt: skip
