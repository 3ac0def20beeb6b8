r"""Words that say a formula holds *from here on* or only *in a hypothetical* (review round 10,
C5), for the reading of a second ``name = …`` (docs/notes.md, "Formulas given again").

* **From here on** — *In what follows*, *in the following*, *hereafter*, *henceforth*, *from
  now / here / this point on*, *for the rest of this section*, *throughout the rest*, 이하에서(는),
  다음에서는, 이후로(는), 이제부터, 앞으로 — announce the definition used from this line on: a
  redefinition, never a claim. The *follows* of *in what follows* is no *it follows that*: the
  phrase is taken out of the words before the consequence markers (*follows, hence, so …*) are
  looked for, so ``In what follows, $q = r^2$.`` redefines q and ``In what follows we get
  $q = 5r$`` is still a claim (the derivation words come after the phrase); derivation words
  before the phrase (*Hence, in what follows*, *We show in the following that*) leave both
  readings open.
* *below* alone (*Below, $q = r^2$*) may point at a later derivation or start a new setting:
  the text does not say, so both readings are checked (an opening word).
* **A hypothetical** — *What if $q = r^2$ (instead)?*, *what about*, *what happens if*,
  *imagine*, *if instead* — about a name already defined: the new formula may hold from here on
  or only in the question, so both readings are checked and a later step about the name stands
  only where they agree (undecided otherwise, naming both lines); never a silent condition
  after which the old definition is used as if nothing were said.
"""

from __future__ import annotations

import re

from symderive.notes.sections import KOREAN_SCOPE_OPENER, WHOLE_CHAPTER, WHOLE_FILE

FROM_HERE_ON = re.compile(
    WHOLE_FILE.pattern + "|" + WHOLE_CHAPTER.pattern
    + r"|\bfor\s+the\s+rest\b|\bin\s+the\s+(?:following|remainder|rest)\b"
    r"|\bthroughout\s+the\s+(?:rest|remainder)\b|\bfrom\s+(?:now|here|this\s+point|this\s+line|"
    r"this\s+section)\s+on(?:wards?)?\b|\bfrom\s+now\b|\bgoing\s+forward\b|\bhenceforward\b"
    r"|" + KOREAN_SCOPE_OPENER + r"|다음에서(?:는)?|이후로(?:는)?|이후에는|이제부터|지금부터",
    re.I,
)
BELOW = re.compile(r"\bbelow\b", re.I)
HYPOTHETICAL = re.compile(
    r"\bwhat\s+(?:if|about|happens|would|changes)\b|\binstead\b|\bimagine\b|\bhypothetical\w*"
    r"|\balternatively\b|대신|만약\s*대신|다르게",
    re.I,
)


def mask_from_here_on(words: str) -> tuple[str, int]:
    """The words with every *from here on* phrase blanked (same length, so positions keep) and
    the start of the last such phrase (-1: none)."""
    last = -1
    for match in FROM_HERE_ON.finditer(words):
        last = match.start()
    masked = FROM_HERE_ON.sub(lambda match: " " * len(match.group(0)), words)
    return masked, last


def hypothetical(words: str) -> bool:
    """The sentence asks *what if* or offers the formula *instead*: a hypothetical."""
    return HYPOTHETICAL.search(words) is not None


_FORMULA = re.compile(r"\$\$.*?\$\$|\$[^$]*\$", re.S)
_SENTENCE_END = re.compile(r"[.!?;。](?=\s|$)")


def sentence_from_here_on(lead: str) -> bool:
    """The formula's whole sentence (earlier formulas of it included, blanked) opens with a
    *from here on* phrase: ``From here on, $L$ denotes the absolute loss $L = |wx - t|$``."""
    words = _FORMULA.sub(" ", lead or "").replace("e.g.", "e_g").replace("i.e.", "i_e")
    return FROM_HERE_ON.search(_SENTENCE_END.split(words.rstrip(" \t.!?;。"))[-1]) is not None
