r"""Formulas the note writes without giving them (review round 12a, F10 and F11).

A formula the note disowns (*We do not have $…$*, *$…$ does **not** hold*, *It would be wrong
to take $…$*, *Had we taken $…$*, *$…$ is not required*, *$…$로 두면 안 된다*, struck out
``~~$…$~~``: :mod:`symderive.notes.disowned`), asks about (*Prove or disprove: $…$*, *Is $…$?*:
:mod:`symderive.notes.questions`) or solves (*Find all $x$ with $…$*:
:data:`symderive.notes.roles.TO_SOLVE`) is not the note's claim — and neither is it the note's
definition or example value. This module is the one decision, taken once per formula in
:func:`symderive.notes.context.locate` right after the role classifier and before a name is
recorded as defined: the same words that keep such a formula from being refuted keep it from
defining a name (``Prove or disprove: $y = 3x$`` gives y no formula) or giving an example value
(``It would be wrong to take $x = 2$`` gives x no value).

A question keeps a definition when the sentence goes on to say something of the defined name
(*Decide if $f(x) = x^2$ is convex*): only the formula asked *itself* (nothing after it but
*holds*, *true*, *for every x*, the question mark) defines nothing.

Markdown emphasis is read through (*We do **not** have*, *does _not_ hold*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from symderive.notes.bare_intervals import after_sentence
from symderive.notes.disowned import disowning_words, marked_rows
from symderive.notes.negative_words import negative_word
from symderive.notes.questions import (
    ASKED_AFTER, ASKED_AFTER_KOREAN, asking_words, list_question)
from symderive.notes.roles import SENTENCE_END, SOLVING_AFTER, TO_SOLVE, Reading, Role

# **bold**, __bold__, *italic*, _italic_ around words (outside formulas)
EMPHASIS = re.compile(r"(?<![\w*_])(\*\*|__|\*|_)(?=\S)([^$*_\n]{1,80}?)(?<=\S)\1(?![\w*_])")
# ~~struck~~, <del>, <s>, <strike>: the markers that open or close a struck-out run
STRUCK_MARK = re.compile(r"~~|<(/?)(?:del|s|strike)\b[^>]*>", re.I)
# after a formula asked about: nothing said of it but that it holds (the formula itself asked)
ONLY_HOLDS = re.compile(
    r"^\s*(?:[?.!:;,)]|$|(?:(?:always|really|also|still)\s+)?(?:holds?|(?:is|are)\s+(?:true|correct"
    r"|valid|right|the\s+case|an\s+identity)|true\b|correct\b|for\s+(?:all|every|each|any)\b"
    r"|in\s+general\b|identically\b|—|–|-))", re.I)


@dataclass(frozen=True)
class NotGiven:
    """Why the note does not give a formula: ``kind`` is "disowned", "asked" or "to solve";
    ``words`` the words that say so; ``whole``: a question asks of the formula itself."""

    kind: str
    words: str
    whole: bool = True


def plain_prose(text: str) -> str:
    """The text with Markdown emphasis markers removed outside formulas (``We do **not**
    have`` → ``We do not have``)."""
    pieces = re.split(r"(\$[^$]*\$)", text or "")
    return "".join(piece if piece.startswith("$") else EMPHASIS.sub(r"\2", piece)
                   for piece in pieces)


def struck(lead: str) -> str:
    """The opening mark when the text before an inline formula on its line leaves a struck-out
    run open (``~~$y = 3x$~~``, ``<del>$…$</del>``), else ''."""
    opened = ""
    for mark in STRUCK_MARK.finditer(re.sub(r"\$[^$]*\$", " ", lead or "")):
        if mark.group() == "~~":
            opened = "" if opened == "~~" else "~~"
        else:
            opened = "" if mark.group(1) else mark.group()
    return opened


# words before a negative word that fight the error rather than commit it ("To avoid this
# mistake, let", "We fix the error by setting"): the formula after them is the remedy
REMEDY = re.compile(r"\b(?:avoid\w*|prevent\w*|fix\w*|correct\w*|remed\w*|repair\w*|instead\s+of|"
                    r"rather\s+than|unlike|fight\w*|guard\w*|against)\b|피하|막기|고치|바로잡", re.I)


# of the negative words, those that call the formula itself wrong (not "forget", "fails",
# "drop", "omit": round 18 F5)
WRONG_GIVING = re.compile(
    r"wrong|false|incorrect|mistake|mistaken|erroneous|invalid|bogus|fallac|misconception|myth|"
    r"flaw|faulty|typo|slip|blunder|naive|error|틀|잘못|오류|오답|거짓|엉터리|오개념|착각", re.I)


# words right before a formula that set it aside: "rather than", "instead of", "no longer",
# "in place of", "not" (round 19 F8)
REJECTING = re.compile(r"\b(?:rather\s+than|instead\s+of|no\s+longer|in\s+place\s+of|not|"
                       r"unlike|other\s+than)\s*[(]?\s*$", re.I)  # (대신 follows what it sets aside)


# a definition attributed to someone else or offered as a possibility ("A student wrote:",
# "One might instead define", "It is tempting to set"), or written under a label that calls
# it wrong ("Wrong: let …", "> **Incorrect:** …") gives nothing (round 21 F15)
ATTRIBUTED = re.compile(
    r"\b(?:one\s+(?:might|could|may|would)|it\s+is\s+tempting\s+to|(?:a|the|some|many|our)\s+"
    r"(?:students?|readers?|beginners?|novices?)|someone|somebody)\s+(?:\w+\s+){0,2}?(?:wr[io]te|"
    r"writes?|claim\w*|sa(?:y|ys|id)|think\w*|thought|believ\w*|defin\w*|tr(?:y|ies|ied)|us(?:e|es|ed)"
    r"|suggest\w*|propos\w*|set\w*|let|put\w*|tak\w*)\b[^.;$]{0,14}$", re.I)  # (right before it)
LABELLED_WRONG = re.compile(
    r"^[\s>*_]*(?:wrong|incorrect|mistake|error|false|myth|bad|오답|틀림|잘못)[*_]*\s*[:.]", re.I)


def disowned_giving(lead: str) -> str:
    """The word of negative evaluation (:mod:`symderive.notes.negative_words`) in the clause
    that introduces a definition or an example value (*An old edition erroneously defines*, *The
    wrong definition*, *Students wrongly plug in*, 잘못 대입한 값, round 15 F37), or ''. Only the
    words between the sentence's last formula or clause break and this formula count, so that
    *To avoid a common error, let* and *Unlike $f$, which fails at 0, let* give a value."""
    words = re.sub(r"\$[^$]*\$", "$", lead or "")
    sentence = re.split(r"(?<=[.!?。])\s", words)[-1]
    if (found := LABELLED_WRONG.match(sentence) or ATTRIBUTED.search(sentence)) is not None:
        return " ".join(found.group().split()).strip("*_> ")
    clause = re.split(r"[.!?;,:。$]", words)[-1]
    if (rejected := REJECTING.search(clause)) is not None:
        return rejected.group().strip()  # "make $f$ the ReLU rather than $f(x) = x^2$" (19 F8)
    word = negative_word(clause)
    if word and not WRONG_GIVING.search(word):
        return ""  # "Let us forget the old value and take", "When the solver fails, define"
    if not word or REMEDY.search(clause[:clause.find(word)] if word in clause else clause):
        return ""
    return word


def not_given(block, chain_line: int, after: str, line_rest: str, lines,
              giving: bool = False) -> NotGiven | None:
    """Whether the note withholds the formula of ``block`` (the chain on ``chain_line``):
    ``after`` is the rest of an inline formula's line up to the next formula, ``line_rest``
    the rest of its line (later formulas as ``$…$``), ``lines`` the note's lines; ``giving``:
    the formula was read as a definition or an example value, which words of negative
    evaluation in its own clause also withhold (:func:`disowned_giving`)."""
    inline = block.kind == "inline"
    lead = plain_prose(block.lead)
    after, line_rest = plain_prose(after), plain_prose(line_rest)
    if not inline and block.kind in ("display", "environment"):
        following = after_sentence(lines, block.line, block.latex).strip()
        if following[:1].islower():  # "$$ … $$ is false.": the sentence goes on (11a F16)
            after, inline = " " + plain_prose(following), True
    if inline and (mark := struck(block.lead)):
        return NotGiven("disowned", f"struck out ({mark}$…$)")
    words = disowning_words(lead, after, inline) or marked_rows(
        block.latex, block.line).get(chain_line, "")
    if words:
        return NotGiven("disowned", words)
    if giving and (word := disowned_giving(lead)):
        return NotGiven("disowned", f"{word} … $…$")
    asking = asking_words(lead, line_rest, block.kind == "inline") or list_question(
        lines, block.line, lead, line_rest)
    if asking:
        rest = re.split(r"[.;!?。]", after, maxsplit=1)[0] if inline else ""
        whole = not inline or not rest.strip() or any(pattern.match(after) for pattern in (
            ONLY_HOLDS, ASKED_AFTER, ASKED_AFTER_KOREAN))  # "$…$인지 판별하라": it, itself
        return NotGiven("asked", asking, whole)
    sentence = SENTENCE_END.split(re.sub(r"\$[^$]*\$", " ", lead).rstrip(" \t.!?;。"))[-1]
    if TO_SOLVE.search(sentence) or (inline and SOLVING_AFTER.match(after)):
        return NotGiven("to solve", "an equation to solve")
    return None


def withheld_reading(reading: Reading, found: NotGiven | None) -> Reading:
    """The reading of a formula the note does not give: a claim marked disowned or asked (never
    a definition or an example value), or a condition for an equation to solve."""
    if found is None:
        return reading
    kept = reading.role in (Role.CLAIM, Role.UNCHECKED, Role.UPDATE)
    giving = reading.role in (Role.DEFINITION, Role.EXAMPLE)
    if found.kind == "disowned":
        return replace(reading if kept else Reading(Role.CLAIM), disowned=found.words)
    if found.kind == "asked":
        if reading.disputed and reading.second:  # What about $q = r^2$? after q = 5r: a
            return reading  # hypothetical new definition or a question, both readings kept
        if kept or reading.why.startswith("introduced by 'if'") or (giving and found.whole):
            return replace(reading if kept else Reading(Role.CLAIM), asked=found.words)
        return reading  # Determine whether $f(x) = x^2$ is convex: f defined, convexity asked
    if giving:
        return Reading(Role.CONDITION, why=(
            "an equation to solve (introduced as such): it defines nothing"))
    return reading
