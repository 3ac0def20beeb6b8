r"""Other spellings of the order relations, read as the usual ones.

amssymb's ``\leqq`` / ``\geqq`` (≦ ≧, the usual ≤ ≥ of Japanese and Korean textbooks) and
``\lneq`` / ``\lneqq`` / ``\gneq`` / ``\gneqq`` (≨ ≩: less / greater and not equal, that is
strictly) and the negated ``\nleq`` (≰, between real numbers ``>``), ``\ngeq``, ``\nless``,
``\ngtr`` … are control words of their own: a control word is the whole run of letters after the
backslash, so ``\geqq`` is never ``\ge`` followed by the letter q (review round 14a F27).  The
note's text is rewritten once, before any reader sees it, with spellings of the same length
(offsets and lines stay), so every reader — the chain splitter, the grammar, the domain
readers — meets one spelling of each relation.  A note that defines one of these words itself
keeps it (its meaning is the note's, and a use of it is not read).
"""

from __future__ import annotations

import re

# word → the usual spelling, padded to the word's length
SAME_RELATION = {
    "leqq": r"\leq", "geqq": r"\geq", "lneqq": r"\lt", "gneqq": r"\gt", "lneq": r"\lt",
    "gneq": r"\gt",
    # amssymb's negated orders, between real numbers the strict or wide opposite (round 27a
    # R2: "For $x \nleq 0$" was no relation at all, and its claim was refuted at x = -1)
    "nleq": ">", "nleqslant": ">", "nleqq": ">", "ngeq": "<", "ngeqslant": "<", "ngeqq": "<",
    "nless": r"\ge", "ngtr": r"\le",
}  # fmt: skip
SAME_SIGN = {"≦": "≤", "≧": "≥", "≨": "<", "≩": ">", "≰": ">", "≱": "<", "≮": "≥", "≯": "≤"}
# \notin followed by a space is \not\in in the same length (the reader's spelling of it, read
# as a condition: round 27a R2)
_NOTIN = re.compile(r"\\notin(?![A-Za-z@]) ")
_WORD = re.compile(r"\\(" + "|".join(sorted(SAME_RELATION, key=len, reverse=True))
                   + r")(?![A-Za-z@])|[" + "".join(SAME_SIGN) + "]")
_DEFINED = re.compile(r"\\(?:def|gdef|edef|xdef|let|newcommand\*?|renewcommand\*?|providecommand"
                      r"\*?|DeclareMathSymbol|DeclareRobustCommand\*?)\s*\{?\s*\\([A-Za-z]+)")


# other spellings of the definition sign ":=" (round 21 F5): an equals sign annotated "def",
# Δ or ▵ (never "!" or "?": a condition, a question), \mathrel{:=}, :\!=, \colon=, \defeq
_DEFINITION_SIGN = re.compile(
    r"\\(?:overset|stackrel)\s*\{\s*(?:\\(?:mathrm|text|textrm|rm|mathit|textup|scriptscriptstyle|"
    r"scriptstyle|small|tiny)\s*\{?\s*)?(?:def|defn|definition|\\Delta|\\triangle|\\bigtriangleup|"
    r"\\vartriangle)\s*\.?\s*\}?\s*\}\s*\{\s*(?:\\[,;!:]\s*)*=\s*(?:\\[,;!:]\s*)*\}"
    r"|\\mathrel\s*\{\s*(?::\s*=|\\mathop\s*\{?\s*:\s*\}?)\s*\}\s*(?<![=])=?"
    r"|:\s*\\!\s*=|\\colon\s*=|\\(?:defeq|eqdef|coloneq)(?![A-Za-z@])")


def usual_relations(text: str) -> str:
    r"""``text`` with ``\leqq`` as ``\leq `` (same length), ``≦`` as ``≤``, every spelling of
    the definition sign as ``:=`` …"""
    if "\\" in text or ":" in text:
        own_words = {match.group(1) for match in _DEFINED.finditer(text)}
        text = _DEFINITION_SIGN.sub(lambda found: found.group() if any(
            f"\\{word}" in found.group() for word in own_words & {"defeq", "eqdef", "coloneq"}
        ) else ":=".ljust(len(found.group())), text)
    if "\\notin" in text and "notin" not in {m.group(1) for m in _DEFINED.finditer(text)}:
        text = _NOTIN.sub(r"\\not\\in", text)
    if not _WORD.search(text):
        return text
    own = {match.group(1) for match in _DEFINED.finditer(text)}

    def usual(match: re.Match) -> str:
        word = match.group(1)
        if word is None:
            return SAME_SIGN[match.group()]
        if word in own:
            return match.group()
        return SAME_RELATION[word].ljust(len(match.group()))

    return _WORD.sub(usual, text)
