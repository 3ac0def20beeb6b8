r"""Formulas the note asks about rather than states: questions and exercises (review round 11a,
F10).

*Prove or disprove: $…$*, *True or false: $…$*, *Determine whether $…$*, *Decide if $…$*,
*Check whether $…$*, *Is it true that $…$?*, *Does $…$ hold?*, *Is $…$ for every $x$?*, Korean
*증명하거나 반증하라: $…$*, *참인가 거짓인가: $…$*, *$…$ 인지 판별하라*, *$…$ 가 성립하는가?*,
*$…$ 는 참인가?*: the note leaves open whether the formula holds, so it claims nothing — every
step is *skipped* (reason *question*) with what was found as read, never refuted or proved as
the note's. A question the note answers in the words right after it is read by its answer:
*Does $…$ hold? Yes, because …* (*Yes, True, It does, Indeed*, 네, 그렇다, 참이다, 성립한다)
claims it; *No, False* disowns it (:mod:`symderive.notes.disowned`). *Why does $…$ hold?* and
*Show that $…$* assert it (a question of why or how is not one of whether). Round 12a F7: *Q:
$…$?*, *Which is correct: $A$ or $B$?*, an unchecked task item ``- [ ] $…$`` and *Suppose someone
claims $…$* ask too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from symderive.notes.report import NoteStep, SkipReason
from symderive.notes.roles import sentence_words
from symderive.notes.sections import ENUMERATION, HEADING_LINE

# English words before the formula, in its sentence (after any previous formula of the line)
ASKED_BEFORE = re.compile(
    r"\b(?:prove\s+or\s+(?:disprove|refute|(?:give|find)\s+a\s+counter-?example)|"
    r"disprove\s+or\s+prove|"
    r"true\s+or\s+false|right\s+or\s+wrong|"
    r"(?:determine|decide|check|verify|investigate|examine|find\s+out|ask|state|establish|"
    r"discuss|test|say)\s+(?:\w+\s+){0,2}?(?:whether|if)(?:\s+or\s+not)?|"
    r"whether\s+or\s+not|is\s+it\s+(?:true|the\s+case|possible|correct)\s+that|"
    r"(?:does|do|did)\s+it\s+(?:hold|follow)\s+that|is\s+(?:it|this)\s+(?:true|correct)\s*:|"
    r"can\s+(?:we|one)\s+(?:say|conclude|write|claim|assume)\s+that|"
    # round 12a F7: a claim the note reports to be judged: "Suppose someone claims $…$."
    r"(?:someone|somebody|a\s+(?:student|friend|classmate|colleague|reader|skeptic|sceptic)|"
    r"your\s+(?:friend|classmate|colleague))\s+(?:\w+\s+){0,2}?(?:claims?|claimed|says?|said|"
    r"argues?|argued|conjectures?|insists?|asserts?|proposes?|suggests?|writes?|wrote|thinks?|"
    r"believes?)(?:\s+that)?|"
    # round 25: "Another wrote $…$" (someone's act, in the past: not "the second says that",
    # a rule of the note's own list, round 26)
    r"another(?:\s+(?:one|student|friend|classmate|colleague|reader))?\s+(?:claimed|said|"
    r"argued|wrote|thought|believed|suggested|proposed|insisted)(?:\s+that)?)\b[^.!?]*$",
    re.I)
# round 12a F7: a question that ends with the formula ("Q: $…$?") or asks which ("Which is
# correct: $A$ or $B$?", 어느 것이 옳은가): not one of why or how ("How do we get $…$?" asserts)
WHY_OR_HOW = re.compile(r"^\s*(?:\W*\s*)?(?:why|how|explain|show|prove|derive|verify\s+that)\b"
                        r"|왜|어떻게|보여|증명", re.I)
WHICH_OPENING = re.compile(
    r"^\s*(?:\(?\s*(?:\d+|[a-z]|[ivx]+)\s*[.)]\s*|(?:Q|question|quiz|exercise|problem)\s*\d*"
    r"\s*[:.)]\s*)?(?:(?:so|now|then)\s*,?\s*)?(?:which|whether)\b|^\s*(?:다음\s*중\s*)?(?:어느|어떤)",
    re.I)
# round 12a F7: an unchecked item of a task list ("- [ ] $…$"): an option not chosen
UNCHECKED_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\[\s\](?:\s|$)")
# a sentence that asks: its last words end with "?" and it opens with an auxiliary verb
# ("Does $…$ hold?", "Is $…$ true for every $x$?"); not "Why/How does $…$ hold?"
AUXILIARY_OPENING = re.compile(
    r"^\s*(?:\(?\s*(?:\d+|[a-z]|[ivx]+)\s*[.)]\s*)?(?:(?:and|so|but|now|then|also)\s*,?\s*)?"
    r"(?:does|do|did|is|are|was|were|can|could|will|would|must|should|may|might|has|have)\b",
    re.I)
POINTS_AHEAD = re.compile(r"\b(?:following|below|this\s+(?:identity|equation|formula))\b"
                          r"|다음|아래", re.I)
ASKS_TILL_MARK = re.compile(r"^[^.!?]*\?")
# English, after: "$…$ — true or false?", "$…$: prove or disprove."
ASKED_AFTER = re.compile(
    r"^\s*[,:;–—-]*\s*(?:true\s+or\s+false|right\s+or\s+wrong|correct\s+or\s+not|"
    r"prove\s+or\s+disprove|(?:or\s+)?not\s*\?|is\s+this\s+(?:true|correct)\s*\?)", re.I)
# Korean, before: "증명하거나 반증하라", "참인가 거짓인가", "참 또는 거짓", "참/거짓"
ASKED_BEFORE_KOREAN = re.compile(
    r"(?:증명하거나\s*반증|반증하거나\s*증명|참인가\s*거짓인가|참인지\s*거짓인지|참\s*또는\s*거짓|"
    r"참\s*/\s*거짓|O\s*/\s*X|(?:성립하는지|참인지|옳은지|맞는지)\s*(?:아닌지\s*)?(?:판별|확인|조사|결정|"
    r"알아보|판단|밝히)\w*\s*[:：]?\s*$)[^.!?]*$")
# Korean, after: "인지 판별하라", "가 성립하는가?", "는 참인가?", "인지 확인하라", "성립하는지 보여라"
ASKED_AFTER_KOREAN = re.compile(
    r"^\s*(?:은|는|이|가|이라는\s*식은|라는\s*식은)?\s*(?:"
    r"[^.?!$]{0,20}?(?:성립하|참이|맞|옳)(?:는가|을까|ㄹ까|는지|는\s*가|인가|일까|인지)"
    r"|(?:참|거짓)(?:인가|일까|인지)"
    r"|(?:인|이|한)?지\s*(?:아닌지\s*)?(?:판별|확인|조사|결정|알아보|검토|판단|밝히)"
    r"|(?:인가|일까)\s*\?)")
# an answer in the words right after the question
ANSWER_YES = re.compile(
    r"^[^.!?]*[?.:]\s*(?:\*\*|_)?(?:answer\s*[:.]\s*)?(?:yes\b|true\b|네\b|예\b|그렇다|참이다|"
    r"성립한다|맞다|(?:it\s+(?:does|is|holds)|they\s+do|indeed|correct)(?:\s+(?:true|so))?"
    r"(?=\s*(?:[.!,;:—–-]|$)))", re.I)
ANSWER_NO = re.compile(
    r"^[^.!?]*[?.:]\s*(?:\*\*|_)?(?:answer\s*[:.]\s*)?(?:no\b|false\b|it\s+does\s*n[o']t|"
    r"not\s+in\s+general|아니|거짓)", re.I)


def asked(sentence_lead: str, trail: str, inline: bool) -> str:
    """The words by which the note asks whether a formula holds (shortened), or '' — answered
    or not. ``sentence_lead``: the formula's sentence before it; ``trail``: the words after an
    inline formula (to the next formula)."""
    words = " ".join((sentence_lead or "").split())
    rest = " ".join((trail if inline else "").split())
    if match := ASKED_BEFORE.search(words) or ASKED_BEFORE_KOREAN.search(words):
        return _cut(match.group()) + " $…$"
    if inline and rest.startswith("?") and not WHY_OR_HOW.search(words):  # Q: $…$?
        return _cut(words) + " $…$?"
    if inline and (mark := ASKS_TILL_MARK.match(rest)) and AUXILIARY_OPENING.match(words):
        return _cut(words) + " $…$ " + _cut(mark.group())
    if inline and ASKED_AFTER.match(rest):
        return "$…$" + _cut(re.split(r"(?<=[.!?。])", rest, maxsplit=1)[0])
    if inline and ASKED_AFTER_KOREAN.match(rest):
        return "$…$" + _cut(re.split(r"[.!?。]", rest, maxsplit=1)[0])
    return ""


# round 15 F26: a yes that is qualified ("Yes, at $b = 0$.", "Yes and no.", "Yes, but only …")
QUALIFIED_YES = re.compile(
    r"^[^.!?]*[?.:]\s*(?:\*\*|_)?(?:answer\s*[:.]\s*)?(?:yes|네|예)\b\W{0,3}?\s*(?:\*\*|_)?\s*"
    r"(?:at|only|for|when|whenever|if|iff|in\s+some|sometimes|but|and\s+no|or\s+no|under"
    r"|provided|except|unless|partly|partially|in\s+(?:the\s+)?special|with|on|near|as\s+long)\b",
    re.I)


def answer(trail: str) -> str:
    """"yes" or "no" when the words right after a question answer it, else '' (a yes with a
    qualification, *Yes, at $b = 0$*, *Yes and no*, answers neither way)."""
    rest = " ".join((trail or "").split())
    if QUALIFIED_YES.match(rest):
        return ""
    return "yes" if ANSWER_YES.match(rest) else "no" if ANSWER_NO.match(rest) else ""


# formulas listed at the end of the words before a formula ("… true? $A$ or $B$"): each group
# opens at a dollar and none gives back what it took, so a line of many formulas is read in
# linear time (round 22 F16: nested stars took minutes on "$f$ $f$ … $f$ Let")
_OPTIONS_AT_END = re.compile(r"\s*(?:\$[^$]*\$\s*(?:(?:,|\bor\b|\band\b|또는|혹은)\s*)?)++$")


def asking_words(lead: str, trail: str, inline: bool) -> str:
    """The words of a question the note leaves open (:func:`asked`, not answered right after),
    or ''. ``lead``: the text before the formula (its line, or the line before). One answered
    *Yes* claims the formula; one answered *No* disowns it (:mod:`symderive.notes.disowned`).
    A question that ends before the formula asks of it only when it points at it (*Is the
    following true?*, 다음)."""
    if UNCHECKED_ITEM.match(lead or ""):  # - [ ] $…$ (round 12a F7)
        return "an unchecked item '- [ ]' $…$"
    if inline and (which := _which_question(lead, trail)):  # Which is correct: $A$ or $B$?
        return which
    # the options listed after the question: "Which of the following is true? $A$ or $B$."
    before_options = _OPTIONS_AT_END.sub("", lead or "") if re.search(
        r"(?:\$|,|\bor|\band|또는|혹은)\s*$", lead or "") else (lead or "")
    if before_options.rstrip().endswith("?") and before_options.strip() != (lead or "").strip():
        question = sentence_words(before_options)
        if POINTS_AHEAD.search(question) and WHICH_OPENING.match(question):
            return _cut(" ".join(question.split())) + "? $…$"
    if (lead or "").rstrip().endswith("?"):
        question = sentence_words(lead)
        if POINTS_AHEAD.search(question) and (AUXILIARY_OPENING.match(question)
                                              or WHICH_OPENING.match(question)):
            return _cut(" ".join(question.split())) + "? $…$"  # Is the following true? $$…$$
        lead = ""  # the question before is about something else
    words = asked(sentence_words(lead), trail, inline)
    return words if words and not answer(trail if inline else "") else ""


def _which_question(lead: str, trail: str) -> str:
    """The words of a *which* question the formula stands in (its sentence, earlier formulas of
    it kept, opens with *which/whether*, 어느, and ends with ``?``), or ''."""
    text = lead or ""
    masked = re.sub(r"\$[^$]*\$", lambda m: "$" + "x" * (len(m.group()) - 2) + "$", text)
    ends = [match.end() for match in re.finditer(r"[.!?。](?=\s|$)", masked)]
    sentence = text[ends[-1] if ends else 0:]
    rest = re.sub(r"\$[^$]*\$", "$…$", trail or "")
    closing = re.search(r"[.!?。](?=\s|$)", rest)
    if not WHICH_OPENING.match(re.sub(r"\$[^$]*\$", " ", sentence)) or not closing or (
            closing.group() != "?"):
        return ""
    return _cut(" ".join(sentence.split())) + " $…$ " + _cut(" ".join(rest[:closing.end()].split()))


def _cut(words: str) -> str:
    return words if len(words) <= 60 else words[:59] + "…"


def as_asked(step: NoteStep, words: str) -> NoteStep:
    """A step of a formula the note asks about: *skipped* (question) whatever it was found to
    be, with what was found (a step skipped for another reason keeps it)."""
    if step.verdict == "skipped":
        return step
    found = step.verdict
    if step.verdict == "refuted" and step.counterexample is not None:
        shown = ", ".join(f"{name} = {value}" for name, value in step.counterexample.values)
        found += f" (at {shown})" if shown else ""
    elif step.reason:
        found += f" ({step.reason})"
    return replace(step, verdict="skipped", skip=SkipReason.QUESTION, suggestion=None,
                   reason=f"a question the note asks ('{words}'), not a claim; as read: {found}")


# -- a list of exercises under a question ------------------------------------------------------
# "Which of the following identities hold?", "True or false?", "Prove or disprove each of the
# following.", "다음 중 옳은 것을 모두 고르시오", "다음 식이 성립하는지 판별하라" — then items that
# are a formula alone ("1. $…$", "(a) $…$")
ITEM_MARK = re.compile(rf"^\s*(?:[-*+]|{ENUMERATION})\s*$")
ITEM_LINE = re.compile(rf"^\s*(?:[-*+]|{ENUMERATION})\s+\S")
LIST_QUESTION = re.compile(
    r"\bwhich\s+(?:of\s+(?:the\s+following|these)\b|(?:identities|equations|equalities|formulas|"
    r"statements)\b)[^.!]*\?|\btrue\s+or\s+false\b|\bprove\s+or\s+disprove\b|"
    r"\b(?:decide|determine|check)\s+(?:which|whether|if)\b|"
    r"다음\s*중[^.]*(?:옳은|참인|맞는|성립하는)|참인지\s*거짓인지|참\s*또는\s*거짓|증명하거나\s*반증|"
    r"(?:성립하는지|참인지|옳은지)\s*(?:아닌지\s*)?(?:판별|확인|판단)", re.I)
ITEMS_BACK = 30  # lines looked back for the list's introduction


def list_question(lines, line: int, lead: str, trail: str) -> str:
    """The question a list of exercises asks of a formula that is a whole item of it (its
    words are only the item's mark: ``1. $…$``), or ''."""
    if not ITEM_MARK.match(lead or "") or re.search(r"[A-Za-z가-힣]{3,}", trail or ""):
        return ""
    for number in range(line - 1, max(0, line - 1 - ITEMS_BACK), -1):
        text = lines[number - 1]
        if not text.strip() or ITEM_LINE.match(text):
            continue
        if HEADING_LINE.match(text) and not LIST_QUESTION.search(text):
            return ""
        found = LIST_QUESTION.search(text)
        return _cut(" ".join(text.split())) + " — item $…$" if found else ""
    return ""
