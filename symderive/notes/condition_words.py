r"""The words that open a condition of a claim, one list for prose and for ``\text{…}`` in math.

A condition *sufficient* for the claim (*for, if, when, whenever, provided, given, assuming, as
long as, where, on, with, in the case, in case, 일 때, 인 경우, 이면*) says the claim holds on
the set it describes: read as a domain, it may prove the claim there and a counterexample inside
it refutes it. A *converse* condition (*only when, only if, iff, if and only if, exactly when,
precisely when, just when, when and only when, 일 때만, 인 경우에만*) says more: the claim fails
outside the set too, which no check on the set decides — it is never read as a domain, and a
refutation outside it is no refutation (review round 14a F3).

Readers: the condition after a display (:mod:`symderive.notes.after_display`), the condition
written in the display (:mod:`symderive.notes.inequalities`, :mod:`symderive.notes.chains`, the
hypothesis guard of :mod:`symderive.notes.check_notes`).
"""

from __future__ import annotations

import re

# the claim also fails outside the set: never a domain (checked before SUFFICIENT: "only when")
CONVERSE = (r"(?:only\s+(?:when|if|for|on|in\s+(?:the\s+)?case)|if\s+and\s+only\s+if|iff|"
            r"when\s+and\s+only\s+when|(?:exactly|precisely|just)\s+(?:when|if|for|in\s+(?:the\s+)?case))")
# the claim holds on the set the words describe
SUFFICIENT = (r"(?:for\s+(?:all|every|any|each)|for|if|when|whenever|provided(?:\s+that)?|"
              r"given(?:\s+that)?|assuming(?:\s+that)?|as\s+long\s+as|so\s+long\s+as|where|"
              r"with|in\s+(?:the\s+)?case(?:\s+(?:that|of|where))?|in\s+the\s+event\s+(?:that|of)|"
              r"on|at)")
# Korean writes the condition word after the condition: x > 0 일 때, x > 0 인 경우 (only: 만)
KOREAN_CONVERSE = r"(?:일\s*때에?만|인\s*경우에?만|일\s*경우에?만|에서만)"
KOREAN_SUFFICIENT = r"(?:일\s*때|인\s*경우|일\s*경우|이면|에\s*대해서?|에\s*대하여)"
# any opener of a condition (a regex fragment, the longest spellings first)
OPENER = rf"(?:{CONVERSE}|{SUFFICIENT}|unless|except\s+(?:for|when|if))"

# a \text{…}-like group: its words
TEXT_GROUP = re.compile(
    r"\\(?:text|textrm|textnormal|textup|textit|textsf|mbox|mathrm|hbox)\s*\{(?P<words>[^{}]*)\}")
# words in it: two Latin letters or a Hangul syllable (not a unit "m", not \mathrm{d})
PROSE = re.compile(r"[A-Za-z]{2}|[가-힣]")


def is_converse(words: str) -> bool:
    """Whether ``words`` open with (or, in Korean, end in) a converse condition word."""
    plain = " ".join((words or "").split())
    return bool(re.match(rf"^\(?\s*{CONVERSE}\b", plain, re.I)
                or re.search(KOREAN_CONVERSE, plain))
