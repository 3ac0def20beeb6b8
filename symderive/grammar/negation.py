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


# --- a property word denied by a negation or a contrast (review round 9b L7) -----------------
# English words that deny what FOLLOWS them in their clause ("a soft label rather than a
# one-hot vector", "unlike a one-hot vector", "instead of a matrix", "other than symmetric");
# Korean ones follow the word they deny ("원핫 벡터가 아닌", "원핫 벡터 대신", "행렬과 달리").
CONTRAST_BEFORE = negation(("unlike", "instead of", "rather than", "as opposed to",
                            "in contrast to", "in place of", "other than", "no longer"))
CONTRAST_AFTER_KOREAN = re.compile("|".join(("않", "아니", "아닌", "아닙", "아님", "아닐", "없",
                                             "못", "대신", "달리")))
_PART_END = re.compile(r"[,，]|\bbut\b|\bwhereas\b|\bwhile\b|하지만|그러나", re.I)


def denied(text: str, start: int, end: int, before: int = 24, after: int = 12,
           named_from: int | None = None) -> bool:
    """Whether the property words at ``text[start:end]`` are denied rather than stated: one
    question for every reader of a property word (one-hot, matrix and shape words, symmetric,
    a probability vector …).  Denied when, in the same clause,

    * a core negation word stands within ``before`` characters before them (*is not one-hot*,
      *no longer one-hot*), or a negating prefix is glued to them (*non-one-hot*);
    * an English contrast word stands before them in the same part of the clause (after the
      last comma or *but*) and, when ``named_from`` (where the sentence names what has the
      property) is given, after that: *$s$ is a soft label rather than a one-hot vector*,
      *instead of a matrix*; but *unlike $t$, $s$ is one-hot* states it, and so does
      *unlike the matrices $A$ and $B$, …* of A and B (the name is inside the contrast);
    * a negation or contrast word follows them within ``after`` characters, before any other
      formula: *one-hot is not assumed*, 원핫 벡터가 아닌, 원핫 벡터 대신, 행렬과 달리.

    A part of the clause after *but* is not under an earlier negation (*not soft but
    one-hot* states one-hot)."""
    lead = text[max(0, start - max(before, 80)) : start]
    lead = lead[max((m.end() for m in _CLAUSE_END.finditer(lead)), default=0) :]
    part = lead[max((m.end() for m in _PART_END.finditer(lead)), default=0) :]
    near = part[-before:] if len(part) > before else part
    contrasted = part if named_from is None else part[max(0, len(part) - (start - named_from)):]
    if NEGATING_PREFIX.search(lead) or NEGATED.search(near) or CONTRAST_BEFORE.search(
            contrasted if named_from is None or named_from < start else ""):
        return True
    tail = text[end : end + after + 8]
    cut = re.search(r"[.;!?。\n$]|[,，]|\bbut\b", tail)
    tail = tail[: cut.start()] if cut else tail
    later = NEGATED.search(tail) or CONTRAST_AFTER_KOREAN.search(tail)
    return bool(later and later.start() <= after)


def property_denied(text: str, match: re.Match, word: re.Pattern) -> bool:
    """Whether the property ``word`` that ``match`` (a sentence stating it of a name) reads is
    denied by a negation or contrast around it (:func:`symderive.grammar.negation.denied`),
    looking back to the start of the sentence: *$s$ is a soft label rather than a one-hot
    vector*, *$t$ is not one-hot*, *$y$는 원핫 벡터가 아닌 …* state nothing."""
    found = word.search(text, match.start(), match.end())
    if found is None:
        return True  # the word is not where the sentence pattern put it: nothing read
    sentence = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    return denied(text, found.start(), found.end(), before=found.start() - sentence,
                  named_from=match.start())
