r"""An interval a statement gives one letter in words (round 49 AC02–AC05):
``Suppose $x$ is greater than 0 and less than 1.``, ``Let $x$ be at least $0$ and at most $1$.``,
``Let $x$ lie between 0 and 1.``, ``Suppose $x$ belongs to the interval $(0, 1)$.``,
``$x$가 0과 1 사이라고 하자.``, ``x가 0과 1 사이이다.``, ``$x$는 0보다 크고 1보다 작다고 하자.``,
``$x$는 0 이상 1 이하이다.``, ``$x$가 구간 $(0, 1)$에 속한다고 하자.``, and one end alone
(``Suppose $x$ is greater than 0.``, ``$x$는 1 이하라고 하자.``)

Each is the formula it means (``0 < x < 1``, ``0 \le x \le 1``, ``x \in (0, 1)``), read by
:func:`symderive.notes.inequalities.bound_of`, so the statement holds, as ``Let $0 < x < 1$.``
does, to the end of its section. A sentence is read only when it is one template whole, about one
letter with numeric ends; *between* (사이) may or may not include its ends: it is read as the
closed interval, so a claim checked on it holds on either reading, and a counterexample at an end
is no refutation (:func:`symderive.notes.domain_clash.outside_stated`); *strictly between* is the
open interval. Any other wording of such a
bound is not read, and a refutation about its letter stays undecided
(:func:`symderive.notes.inequalities.unread_bound`).
"""

from __future__ import annotations

import re

_NAME = r"(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]\}?)?"
_NUMBER = r"-?\d+(?:\.\d+)?"
# the letter: $x$, or (Korean, or English but for the words a, A, I) a bare letter
_LETTER = rf"(?:\$\s*(?P<name>{_NAME})\s*\$|(?P<bare>(?![aAI]\b)[A-Za-z])(?![A-Za-z]))"
_KOREAN_LETTER = rf"(?:\$\s*(?P<name>{_NAME})\s*\$|(?P<bare>[A-Za-z])(?![A-Za-z]))"
_INTERVAL = rf"\$\s*(?P<interval>[\[(]\s*{_NUMBER}\s*,\s*{_NUMBER}\s*[\])])\s*\$"
_WORD_NUMBERS = {"zero": "0", "one": "1", "two": "2"}

# -- English -----------------------------------------------------------------------------------
_LET = r"(?:(?:now|here)\s*,?\s+)?(?:let|suppose|assume)(?:\s+that)?"
_IS = r"(?:is|be|lies|lie)"
_ABOVE = {  # the lower end's words: open "(" or closed "["
    "(": r"(?:greater|larger|bigger)\s+than",
    "[": r"(?:at\s+least|no\s+less\s+than|(?:greater|larger)\s+than\s+or\s+equal\s+to)",
}
_BELOW = {
    ")": r"(?:less|smaller)\s+than",
    "]": r"(?:at\s+most|no\s+(?:greater|more|larger)\s+than|(?:less|smaller)\s+than\s+or\s+equal\s+to)",
}
_ENGLISH_END = r"\s*[.;]?\s*$"


def _either(words: dict[str, str], group: str) -> str:
    """One alternation that names which of ``words`` matched: (?P<group_o>…)|(?P<group_c>…)."""
    return "(?:" + "|".join(f"(?P<{group}_{'o' if end in '()' else 'c'}>{text})"
                            for end, text in words.items()) + ")"


ENGLISH = (
    # Suppose $x$ is greater than 0 and less than 1.  Let $x$ be at least $0$ and at most $1$.
    re.compile(rf"^{_LET}\s+{_LETTER}\s+{_IS}\s+{_either(_ABOVE, 'low')}\s+(?P<a>{_NUMBER})\s*,?\s+"
               rf"and\s+(?:{_IS}\s+)?{_either(_BELOW, 'high')}\s+(?P<b>{_NUMBER}){_ENGLISH_END}", re.I),
    # Suppose $x$ is less than 1 and greater than 0.
    re.compile(rf"^{_LET}\s+{_LETTER}\s+{_IS}\s+{_either(_BELOW, 'high')}\s+(?P<b>{_NUMBER})\s*,?\s+"
               rf"and\s+(?:{_IS}\s+)?{_either(_ABOVE, 'low')}\s+(?P<a>{_NUMBER}){_ENGLISH_END}", re.I),
    # Let $x$ lie (strictly) between 0 and 1.  Suppose $x$ is between $0$ and $1$.
    re.compile(rf"^{_LET}\s+{_LETTER}\s+{_IS}\s+(?P<strictly>strictly\s+)?(?P<between>between)\s+"
               rf"(?P<a>{_NUMBER})\s+and\s+"
               rf"(?P<b>{_NUMBER}){_ENGLISH_END}", re.I),
    # Suppose $x$ is greater than 0.  Let $x$ be at most 1.  (one end)
    re.compile(rf"^{_LET}\s+{_LETTER}\s+{_IS}\s+(?:{_either(_ABOVE, 'low')}\s+(?P<a>{_NUMBER})|"
               rf"{_either(_BELOW, 'high')}\s+(?P<b>{_NUMBER})){_ENGLISH_END}", re.I),
    # Suppose $x$ belongs to the interval $(0, 1)$.  Let $x$ lie in $[0, 1]$.
    re.compile(rf"^{_LET}\s+{_LETTER}\s+(?:{_IS}\s+in|belongs?\s+to|lies\s+in|lie\s+in)\s+"
               rf"(?:the\s+(?:open\s+|closed\s+|half-open\s+)?interval\s+)?{_INTERVAL}{_ENGLISH_END}",
               re.I),
)  # fmt: skip

# -- Korean ------------------------------------------------------------------------------------
_SUBJECT = r"\s*(?:가|이|는|은)\s*"
# 이다, 다, 라고 하자, 이라고 하자, 다고 하자, 한다고 가정하자, …
_KOREAN_END = (r"\s*(?:이라고|라고|다고|한다고|이라|라|이다|입니다|한다|합니다|다)?\s*"
               r"(?:하자|가정하자|가정한다|놓자|두자|둔다)?\s*[.]?\s*$")
_KOREAN_ABOVE = {"(": r"(?:보다\s*크(?:고|며)|초과(?:이고|이며|,)?)",
                 "[": r"(?:보다\s*크거나\s*같고|이상(?:이고|이며|,)?)"}
_KOREAN_BELOW = {")": r"(?:보다\s*작|미만)", "]": r"(?:보다\s*작거나\s*같|이하)"}
KOREAN = (
    # $x$가 0과 1 사이라고 하자.  x가 0과 1 사이이다.  $x$는 0과 1 사이에 있다.  …사이의 값이다.
    re.compile(rf"^{_KOREAN_LETTER}{_SUBJECT}(?P<a>{_NUMBER})\s*(?:과|와)\s*(?P<b>{_NUMBER})\s*"
               rf"(?P<between>사이)(?:에\s*있|에\s*놓이|의\s*(?:값|실수|수))?{_KOREAN_END}"),
    # $x$는 0보다 크고 1보다 작다고 하자.  $x$는 0 이상 1 이하이다.  0 초과 1 미만이라고 하자.
    re.compile(rf"^{_KOREAN_LETTER}{_SUBJECT}(?P<a>{_NUMBER})\s*{_either(_KOREAN_ABOVE, 'low')}\s*"
               rf"(?P<b>{_NUMBER})\s*{_either(_KOREAN_BELOW, 'high')}{_KOREAN_END}"),
    # $x$는 0보다 크다고 하자.  $x$는 1 이하이다.  (one end)
    re.compile(rf"^{_KOREAN_LETTER}{_SUBJECT}(?:(?P<a>{_NUMBER})\s*(?:(?P<low_o>보다\s*크|초과)|"
               rf"(?P<low_c>이상|보다\s*크거나\s*같))|(?P<b>{_NUMBER})\s*"
               rf"{_either(_KOREAN_BELOW, 'high')}){_KOREAN_END}"),
    # $x$는 1보다 작고 0보다 크다.
    re.compile(rf"^{_KOREAN_LETTER}{_SUBJECT}(?P<b>{_NUMBER})\s*(?:(?P<high_o>보다\s*작(?:고|으며))|"
               rf"(?P<high_c>이하(?:이고|이며|,)?|보다\s*작거나\s*같고))\s*(?P<a>{_NUMBER})\s*"
               rf"(?:(?P<low_o>보다\s*크|초과)|(?P<low_c>이상|보다\s*크거나\s*같)){_KOREAN_END}"),
    # $x$가 구간 $(0, 1)$에 속한다고 하자.  $x$는 $[0, 1]$ 안에 있다.  …의 원소라고 하자.
    re.compile(rf"^{_KOREAN_LETTER}{_SUBJECT}(?:(?:열린|닫힌)\s*)?(?:구간\s*)?{_INTERVAL}\s*"
               rf"(?:에\s*속|(?:안)?에\s*있|에\s*놓이|의\s*원소){_KOREAN_END}"),
)  # fmt: skip


def worded_formula(clause: str) -> str | None:
    r"""The formula a statement in words means (``Suppose $x$ is greater than 0 and less than
    1.`` → ``0 < x < 1``), or None when the sentence is not one of the templates whole."""
    text = _plain_numbers(" ".join(clause.split()))
    for pattern in ENGLISH + KOREAN:
        match = pattern.match(text)
        if match:
            return _formula(match)
    return None


def _plain_numbers(text: str) -> str:
    """``$0$`` → ``0`` and *zero*, *one* → 0, 1: the ends as the templates read them."""
    text = re.sub(rf"\$\s*({_NUMBER})\s*\$", r"\1", text)
    return re.sub(r"\b(zero|one|two)\b(?=\s*[.;,]?\s*(?:and\b|$))",
                  lambda word: _WORD_NUMBERS[word.group(1).lower()], text, flags=re.I)


def _formula(match: re.Match) -> str:
    groups = match.groupdict()
    name = groups.get("name") or groups["bare"]
    if groups.get("interval"):
        return rf"{name} \in {groups['interval']}"
    # between 0 and 1 (사이) may or may not include its ends: read closed, so a check covers
    # both readings, and a counterexample at an end refutes nothing (domain_clash.outside_stated)
    ends_unsaid = bool(groups.get("between")) and not groups.get("strictly")
    low = r"\le" if groups.get("low_c") or ends_unsaid else "<"
    high = r"\le" if groups.get("high_c") or ends_unsaid else "<"
    if groups.get("b") is None:  # one end: greater than 0, 0 이상
        return rf"{groups['a']} {low} {name}"
    if groups.get("a") is None:  # less than 1, 1 이하
        return rf"{name} {high} {groups['b']}"
    return rf"{groups['a']} {low} {name} {high} {groups['b']}"
