r"""The value of a ``\newif`` switch where an ``\ifNAME`` reads it, with TeX's grouping (review
round 13, F6).

``\newif\ifshow`` makes a switch that is false until ``\showtrue`` (or ``\let\ifshow\iftrue``).
Such a setting is a *local* assignment: it ends with the group it is made in — ``{\showtrue}``,
``\begingroup\showtrue\endgroup``, ``\bgroup … \egroup``, ``\begin{x}\showtrue\end{x}`` (every
environment is a group) — and the switch has its value from before the group again after it.
``\global\showtrue``, ``\global\let\ifshow\iftrue`` (and ``\gdef``/``\xdef``) keep their effect.
Math (``$ … $``, ``\[ … \]``, ``\( … \)``) is a group as well.

The text is read once, in order, as TeX would: braces and the group commands open and close
groups, settings change the switch, and what lies in a dead branch (which TeX skips, braces and
all) is passed over. The switch is *not known* (None: its branches are unsure) where the text
does not say how far a setting reaches:

* a brace right after a command is its argument (``\foo{\showtrue}``,
  ``\AtBeginDocument{\showtrue}``): a macro may or may not typeset it in a group, so both are
  read and the switch is known only where they agree;
* a setting on a line that defines a macro (``\newcommand\all{\showtrue}``: it runs when the
  macro is used), or after ``\aftergroup`` (it runs after the group), or a switch given another
  meaning (``\def\ifshow{…}``, ``\let\ifshow\relax``);
* a closer that matches no opener (``\begin{x} … \end{y}``, a stray ``}``), and
  ``\globaldefs`` (which makes every setting global).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# a control word that defines a macro: a setting on its line runs when the macro is used
DEFINITION_LINE = re.compile(r"\\(?:def|gdef|edef|xdef|newcommand|renewcommand|providecommand|"
                             r"DeclareOption|NewDocumentCommand)(?![A-Za-z])")
# what opens and closes a group, and the commands and brackets before a brace (its argument)
GROUPING = re.compile(
    r"\\(?P<word>begingroup|endgroup|bgroup|egroup)(?![A-Za-z@])"
    r"|\\(?P<environment>begin|end)\s*\{(?P<name>[^{}]*)\}"
    r"|\\(?P<math>[\[\]()])|(?P<shift>\$\$?)"  # math is a group too: \[ … \], \( … \), $ … $
    r"|(?P<control>\\[A-Za-z@]+)|\\.|(?P<brace>[{}])|(?P<bracket>\])", re.S)
# control words after which a brace opens a group of its own (they take no argument)
NO_ARGUMENT = frozenset(("\\relax", "\\par", "\\noindent", "\\indent", "\\smallskip",
                         "\\medskip", "\\bigskip", "\\newline", "\\fi", "\\else", "\\or"))
GLOBAL = re.compile(r"\\global\s*$")
AFTER_GROUP = re.compile(r"\\aftergroup\s*(?:\\global\s*)?$")
GLOBALDEFS = re.compile(r"\\globaldefs(?![A-Za-z@])")
UNKNOWN = "unknown"  # a setting whose effect the text does not say


@dataclass(frozen=True)
class _Event:
    position: int
    kind: str  # "open", "close", "shift" ($ or $$), "set"
    group: tuple = ()  # (kind, environment name) of an opener or closer
    argument: bool = False  # an opening brace right after a command
    switch: str = ""  # the switch a setting sets
    value: object = None  # True, False, None (another meaning) or UNKNOWN
    is_global: bool = False


@dataclass
class _State:
    """The switches' values under both readings of braced arguments (as groups, and not)."""

    values: tuple = field(default_factory=lambda: ({}, {}))
    stack: list = field(default_factory=list)  # (group, argument, saved values of each reading)
    broken: bool = False
    unknown: set = field(default_factory=set)  # set in a definition or after a group: not known


class SwitchSettings:
    """The settings and groups of one text, read in order as the conditionals ask (their
    positions only grow); :meth:`value` is the switch at one position."""

    def __init__(self, text: str, switches: set[str]) -> None:
        self.events = _events(text, switches)
        self.positions = [event.position for event in self.events]
        found = GLOBALDEFS.search(text)
        self.globaldefs = found.start() if found else None
        self._restart()

    def _restart(self) -> None:
        self.state, self.next, self.seen_dead = _State(), 0, 0

    def value(self, name: str, at: int, dead: list) -> bool | None:
        """The switch ``name`` where ``\\ifNAME`` ends at ``at``, with the dead spans found so
        far (``dead``, appended to as the conditionals close); None when not known."""
        if self.globaldefs is not None and self.globaldefs < at:
            return None
        read_up_to = self.positions[self.next - 1] + 1 if self.next else 0
        if any(self._holds_event(low, min(high, read_up_to))
               for low, high in dead[self.seen_dead:] if low < read_up_to):
            self._restart()  # a branch found dead after its text was read: read again
        self.seen_dead = len(dead)
        spans = _Spans(dead)
        while self.next < len(self.events) and self.events[self.next].position < at:
            event = self.events[self.next]
            self.next += 1
            if not spans.holds(event.position):
                _apply(self.state, event)
        if self.state.broken or name in self.state.unknown:
            return None
        readings = {values.get(name, False) for values in self.state.values}
        return readings.pop() if len(readings) == 1 else None

    def _holds_event(self, low: int, high: int) -> bool:
        return bisect.bisect_left(self.positions, low) < bisect.bisect_left(self.positions, high)


def _apply(state: _State, event: _Event) -> None:
    """One event, as TeX does it: a group saves the switches, its end restores them (a braced
    argument only in the reading where it is a group); a global setting reaches every level."""
    if state.broken:
        return
    if event.kind == "shift":  # $ closes inline math, $$ display math; else they open it
        top = state.stack[-1][0] if state.stack else None
        if top == event.group or (top == ("math", "$") and event.group == ("math", "$$")):
            _apply(state, _Event(event.position, "close", top))
            if top != event.group:  # $a$$b$: the second $ opens inline math again
                _apply(state, _Event(event.position, "open", ("math", "$")))
        else:
            _apply(state, _Event(event.position, "open", event.group))
    elif event.kind == "open":
        state.stack.append((event.group, event.argument,
                            tuple(dict(values) for values in state.values)))
    elif event.kind == "close":
        if not state.stack or state.stack[-1][0] != event.group:
            state.broken = True
            return
        _, argument, saved = state.stack.pop()
        state.values[0].clear()
        state.values[0].update(saved[0])
        if not argument:  # the reading where a braced argument is no group keeps its settings
            state.values[1].clear()
            state.values[1].update(saved[1])
    elif event.value is UNKNOWN:
        state.unknown.add(event.switch)  # \newcommand\all{\showtrue}: wherever \all is used
    else:
        for reading, values in enumerate(state.values):
            values[event.switch] = event.value
            if event.is_global:
                for _, _, saved in state.stack:
                    saved[reading][event.switch] = event.value


def _events(text: str, switches: set[str]) -> list[_Event]:
    """The group openers and closers and the switch settings of ``text``, in order."""
    names = "|".join(sorted((re.escape(name) for name in switches), key=len, reverse=True))
    setter = re.compile(rf"\\(?P<switch>{names})(?P<value>true|false)")
    meaning = re.compile(  # \let\ifshow\iftrue, \let\ifshow=\relax, \def\ifshow{…}
        rf"\s*\\if(?P<switch>{names})(?![A-Za-z@])\s*=?\s*"
        r"(?:\\if(?P<value>true|false)(?![A-Za-z@]))?")
    events: list[_Event] = []
    previous_end, previous = 0, ""
    for token in GROUPING.finditer(text):
        between = text[previous_end:token.start()]
        control = token.group("control")
        if token.group("brace") == "{" or token.group("word") == "bgroup":
            argument = token.group("brace") == "{" and not between.strip() and (
                (previous in ("}", "]") and not between)  # \newcommand{\a}{…}: no space
                or (previous.startswith("\\") and previous not in NO_ARGUMENT
                    and not setter.fullmatch(previous)  # \showtrue{\showfalse}: a group
                    and not previous.startswith("\\if")  # \newif\ifshow, then {…}
                    and between.count("\n") <= 1))  # \foo {…}, a line break after \foo
            events.append(_Event(token.start(), "open", ("brace", ""), argument))
        elif token.group("brace") == "}" or token.group("word") == "egroup":
            events.append(_Event(token.start(), "close", ("brace", "")))
        elif token.group("word") in ("begingroup", "endgroup"):
            kind = "open" if token.group("word") == "begingroup" else "close"
            events.append(_Event(token.start(), kind, ("begingroup", "")))
        elif token.group("math"):
            kind = "open" if token.group("math") in "[(" else "close"
            events.append(_Event(token.start(), kind,
                                 ("math", "[" if token.group("math") in "[]" else "(")))
        elif token.group("shift"):  # opens or closes as the math mode it meets (_apply)
            events.append(_Event(token.start(), "shift", ("math", token.group("shift"))))
        elif token.group("environment"):
            kind = "open" if token.group("environment") == "begin" else "close"
            events.append(_Event(token.start(), kind,
                                 ("environment", token.group("name").strip())))
        elif control and (setting := _setting(text, token, setter, meaning)) is not None:
            events.append(setting)
        previous_end = token.end()
        previous = (control or token.group("brace") or token.group("bracket")
                    or ("\\" + token.group("environment") if token.group("environment")
                        else ""))  # \begin{minipage}{…}: an argument; \bgroup{: a group
    return events


def _setting(text: str, token: re.Match, setter: re.Pattern,
             meaning: re.Pattern) -> _Event | None:
    """The setting a control word makes (``\\showtrue``, ``\\let\\ifshow\\iftrue``,
    ``\\def\\ifshow``), or None."""
    control = token.group("control")
    before = text[max(0, token.start() - 40):token.start()]
    line_start = text.rfind("\n", 0, token.start()) + 1
    is_global = bool(GLOBAL.search(before))
    if found := setter.fullmatch(control):
        switch, value = found.group("switch"), found.group("value") == "true"
    elif control in ("\\let", "\\def", "\\gdef", "\\edef", "\\xdef") and (
            found := meaning.match(text, token.end())):
        switch = found.group("switch")
        value = found.group("value") == "true" if (
            control == "\\let" and found.group("value")) else None
        is_global = is_global or control in ("\\gdef", "\\xdef")
    else:
        return None
    if DEFINITION_LINE.search(text, line_start, token.start()) or AFTER_GROUP.search(before):
        value = UNKNOWN  # runs when a macro is used, or after the group: not known
    return _Event(token.start(), "set", switch=switch, value=value, is_global=is_global)


class _Spans:
    """Dead spans merged where they overlap, looked up by bisection."""

    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for low, high in sorted(spans):
            if merged and low < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], high)
            else:
                merged.append([low, high])
        self.starts = [low for low, _ in merged]
        self.ends = [high for _, high in merged]

    def holds(self, position: int) -> bool:
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]
