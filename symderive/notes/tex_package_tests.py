r"""Text the packages' tests and the note's own macros never typeset (review round 14a F24).

* The tests of ``ifthen`` and ``etoolbox`` (``\ifthenelse{…}{yes}{no}``, ``\iftoggle{t}{…}{…}``,
  ``\ifbool``, ``\ifboolexpr``, ``\ifdef``, ``\ifstrequal``, ``\ifnumcomp`` …, LaTeX's
  ``\IfFileExists``, ``\@ifpackageloaded``, ``\@ifundefined`` …) take their branches as braced
  arguments.  What the file decides is decided — a boolean of ``\newboolean`` /
  ``\newbool`` / ``\newtoggle`` (false until set) set by ``\setboolean``, ``\booltrue``,
  ``\togglefalse`` …, a ``\newif`` switch, a comparison of two written integers or strings,
  ``\ifdef`` of a command the file defines — and the branch not taken is dead.  Any other
  test leaves both branches *unsure*: read, never refuted.
* A macro the note defines whose body does not use its argument ``#k``
  (``\newcommand{\hide}[1]{}``, ``\def\comment#1{}``, ``\NewDocumentCommand{\drop}{m}{}``)
  and the kernel's ``\@gobble``, ``\@gobbletwo``, ``\@gobblefour`` discard that argument at
  each use: it is dead.
* ``\url{…}``, ``\nolinkurl{…}``, ``\path{…}`` and the address of ``\href{…}{…}`` are typeset
  character by character: a ``$`` there is a dollar sign, not math — dead too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

# test → number of braced arguments before the two branches; the value "not" swaps them
TESTS = {
    "ifthenelse": 1, "iftoggle": 1, "nottoggle": 1, "ifbool": 1, "notbool": 1,
    "ifboolexpr": 1, "ifboolexpe": 1, "whileboolexpr": 1,
    "ifdef": 1, "ifndef": 1, "ifundef": 1, "ifcsdef": 1, "ifcsundef": 1, "ifdefmacro": 1,
    "ifcsmacro": 1, "ifdefparam": 1, "ifcsparam": 1, "ifdefprefix": 1, "ifcsprefix": 1,
    "ifdefprotected": 1, "ifcsprotected": 1, "ifdefltxprotect": 1, "ifcsltxprotect": 1,
    "ifdefempty": 1, "ifcsempty": 1, "ifdefvoid": 1, "ifcsvoid": 1, "ifdefequal": 2,
    "ifcsequal": 2, "ifdefstring": 2, "ifcsstring": 2, "ifdefstrequal": 2, "ifcsstrequal": 2,
    "ifdefcounter": 1, "ifcscounter": 1, "ifltxcounter": 1, "ifdeflength": 1, "ifcslength": 1,
    "ifdefdimen": 1, "ifcsdimen": 1, "ifstrequal": 2, "ifstrempty": 1, "ifblank": 1,
    "notblank": 1, "ifnumcomp": 3, "ifnumequal": 2, "ifnumgreater": 2, "ifnumless": 2,
    "ifnumodd": 1, "ifdimcomp": 3, "ifdimequal": 2, "ifdimgreater": 2, "ifdimless": 2,
    "ifinlist": 2, "xifinlist": 2, "ifinlistcs": 2, "xifinlistcs": 2, "ifrmnum": 1,
    "IfFileExists": 1, "IfBooleanTF": 1, "IfValueTF": 1, "IfNoValueTF": 1, "IfBlankTF": 1,
    "IfPackageLoadedTF": 1, "IfClassLoadedTF": 1, "IfPackageAtLeastTF": 2,
    "IfClassAtLeastTF": 2, "IfFormatAtLeastTF": 1, "IfStrEq": 2, "IfSubStr": 2, "IfEq": 2,
    "@ifpackageloaded": 1, "@ifclassloaded": 1, "@ifundefined": 1, "@ifpackagelater": 2,
    "@ifclasslater": 2,
}  # fmt: skip
SWAPPED = frozenset({"nottoggle", "notbool", "ifndef", "ifundef", "ifcsundef", "notblank"})
GOBBLE = {"@gobble": 1, "@gobbletwo": 2, "@gobblethree": 3, "@gobblefour": 4}
VERBATIM_ARGUMENT = {"url": 0, "nolinkurl": 0, "path": 0, "href": 0}  # the argument's index
_COMMAND = re.compile(r"\\([A-Za-z@]+)")
_MACRO_DEFINITION = re.compile(
    r"\\(?:newcommand|renewcommand|providecommand)\*?\s*(?:\{\s*\\(?P<a>[A-Za-z@]+)\s*\}|\\(?P<b>"
    r"[A-Za-z@]+))\s*\[\s*(?P<count>\d)\s*\](?:\s*\[(?P<default>[^\]]*)\])?\s*(?=\{)"
    r"|\\[gex]?def\s*\\(?P<c>[A-Za-z@]+)(?P<parameters>(?:\s*#\d)+)\s*(?=\{)"
    r"|\\(?:New|Renew|Provide|Declare)DocumentCommand\s*(?:\{\s*\\(?P<d>[A-Za-z@]+)\s*\}|\\(?P<e>"
    r"[A-Za-z@]+))\s*\{(?P<spec>[\sm]*)\}\s*(?=\{)")
# booleans: ifthen's \newboolean, etoolbox's \newbool and \newtoggle (false until set)
_DECLARE = re.compile(r"\\(?:newboolean|provideboolean|newbool|providebool|newtoggle|"
                      r"providetoggle)\s*\{\s*([^{}\s]+)\s*\}")
_SET = re.compile(r"\\(?:setboolean|setbool|settoggle)\s*\{\s*([^{}\s]+)\s*\}\s*\{\s*(true|false)"
                  r"\s*\}|\\(?:bool|toggle)(true|false)\s*\{\s*([^{}\s]+)\s*\}"
                  r"|\\([A-Za-z@]+)(true|false)(?![A-Za-z@])")
_NEW_IF = re.compile(r"\\newif\s*\\if([A-Za-z@]+)")
# any other way to set one (\setboolean{b}{#1}, \let\ifb\iftrue, \global\btrue): not known
_SET_OTHERWISE = re.compile(r"\\(?:setboolean|setbool|settoggle)\s*\{\s*([^{}\s]+)\s*\}"
                            r"(?!\s*\{\s*(?:true|false)\s*\})|\\let\s*\\if([A-Za-z@]+)"
                            r"|\\global\s*\\([A-Za-z@]+)(?:true|false)(?![A-Za-z@])")
_DEFINES = re.compile(r"\\(?:def|gdef|edef|xdef|let|newcommand\*?|renewcommand\*?|providecommand"
                      r"\*?|DeclareMathOperator\*?|DeclareRobustCommand\*?|newlength|newcounter"
                      r"|NewDocumentCommand|DeclarePairedDelimiter)\s*\{?\s*\\([A-Za-z@]+)")
_DEFINITION_LINE = re.compile(r"\\(?:def|gdef|edef|xdef|newcommand|renewcommand|providecommand|"
                              r"NewDocumentCommand|RenewDocumentCommand|DeclareOption)"
                              r"(?![A-Za-z@])")
_OPTIONAL = re.compile(r"\s*\[[^\]]*\]")
_INTEGER = re.compile(r"^\s*([+-]?\d{1,9})\s*$")
_COMPARISON = re.compile(r"^\s*([+-]?\d{1,9})\s*([<=>])\s*([+-]?\d{1,9})\s*$")
_PLAIN = re.compile(r"^[\w\s.,:;+-]*$")


def closing_braces(text: str, opening: str = "{", closing: str = "}") -> dict[int, int]:
    """offset of each ``{`` → offset of its ``}`` (escaped ``\\{`` ``\\}`` are no braces); one
    pass, so nested tests cost linear time.  Other brackets: ``opening``, ``closing``."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    position = 0
    while position < len(text):
        character = text[position]
        if character == "\\":
            position += 2
            continue
        if character == opening:
            stack.append(position)
        elif character == closing and stack:
            pairs[stack.pop()] = position
        position += 1
    return pairs


def _groups(text: str, at: int, count: int, pairs: dict[int, int],
            bare: bool = False) -> list[tuple[int, int]] | None:
    """(start, end) of the ``count`` braced arguments from ``at`` ({ and } included); a bare
    control sequence counts as the first when ``bare`` (``\\ifdef\\foo{…}{…}``)."""
    groups = []
    position = at
    for index in range(count):
        while position < len(text) and text[position] in " \t\n":
            position += 1
        if bare and index == 0 and (command := _COMMAND.match(text, position)):
            groups.append((position, command.end()))
            position = command.end()
            continue
        if position >= len(text) or text[position] != "{" or position not in pairs:
            return None
        groups.append((position, pairs[position] + 1))
        position = pairs[position] + 1
    return groups


def package_branches(text: str, dead: list, unsure_before: list = ()) -> tuple[list, list]:
    """The dead spans (start, end) and unsure spans (start, end, condition) of the package
    tests, discarding macros and verbatim arguments of ``text``; ``dead`` and
    ``unsure_before`` hold the dead and unsure text found so far (a setting in dead text does
    not count; one in unsure text is not known)."""
    if "\\" not in text:
        return [], []
    pairs = closing_braces(text)
    discarded: list[tuple[int, int]] = []
    tests: list[tuple[re.Match, list]] = []
    discarding = _discarding_macros(text, pairs)
    for match in _COMMAND.finditer(text):  # first: what is discarded, and every test
        name = match.group(1)
        if name in VERBATIM_ARGUMENT:
            groups = _groups(text, match.end(), VERBATIM_ARGUMENT[name] + 1, pairs)
            if groups:
                discarded.append(groups[-1])
        elif name in GOBBLE or name in discarding:
            count, used, optional = (GOBBLE[name], set(), False) if name in GOBBLE else \
                discarding[name]
            at = match.end()
            if optional and (bracket := _OPTIONAL.match(text, at)):
                at = bracket.end()
            groups = _groups(text, at, count, pairs)
            if groups:
                discarded.extend(group for index, group in enumerate(groups, 1)
                                 if index not in used)
        elif name in TESTS:
            groups = _groups(text, match.end(), TESTS[name] + 2, pairs, bare="def" in name)
            if groups:
                tests.append((match, groups))
    declared = {m.group(1) for m in _DECLARE.finditer(text)} | {
        m.group(1) for m in _NEW_IF.finditer(text)}
    facts = _facts(text, declared, _Cover(dead + discarded),
                   _Cover([group for _, groups in tests for group in groups]
                          + [(start, end) for start, end, _ in unsure_before]))
    found, unsure = list(discarded), []
    for match, groups in tests:
        name = match.group(1)
        conditions, (yes, no) = groups[:-2], groups[-2:]
        truth = _truth(name, [text[a:b] for a, b in conditions], match.start(), facts)
        if truth is None:
            shown = text[match.start():conditions[-1][1] if conditions else match.end()]
            condition = " ".join(shown.split())[:60]
            unsure.extend([(yes[0], yes[1], condition), (no[0], no[1], condition)])
            continue
        if name in SWAPPED:
            truth = not truth
        found.append(no if truth else yes)
    return found, unsure


class _Cover:
    """Whether an offset lies in one of a set of spans (start, end): a sorted search."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))

    def __contains__(self, offset: int) -> bool:
        index = bisect_right(self.starts, offset) - 1
        return index >= 0 and self.reach[index] > offset


def _discarding_macros(text: str, pairs: dict[int, int]) -> dict[str, tuple[int, set, bool]]:
    """name → (arguments, the arguments its body uses, first optional) of each macro the note
    defines whose body leaves out one of its arguments."""
    found = {}
    for match in _MACRO_DEFINITION.finditer(text):
        name = match.group("a") or match.group("b") or match.group("c") or match.group("d") \
            or match.group("e")
        if match.group("count"):
            count = int(match.group("count"))
        elif match.group("parameters"):
            count = match.group("parameters").count("#")
        else:
            count = len(match.group("spec").split())
        body = _groups(text, match.end(), 1, pairs)
        if not body or not count:
            continue
        used = {int(k) for k in re.findall(r"#(\d)", text[body[0][0]:body[0][1]])}
        if any(k not in used for k in range(1, count + 1)):
            found[name] = (count, used, match.group("default") is not None)
    return found


@dataclass(frozen=True)
class _Facts:
    """What the file declares and sets: read once for all its tests."""

    declared: set
    settings: dict  # name → [(offset, value)] in order, outside dead text
    unknown: set  # names set where the text does not say when (a definition, a test's branch)
    defined: list  # (offset, command)


def _facts(text: str, declared: set, dead: _Cover, tested: _Cover) -> _Facts:
    settings: dict[str, list] = {}
    unknown = {next(filter(None, m.groups())) for m in _SET_OTHERWISE.finditer(text)}
    for match in _SET.finditer(text):
        name = match.group(1) or match.group(4) or match.group(5)
        if name not in declared or match.start() in dead:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _DEFINITION_LINE.search(text, line_start, match.start()) or match.start() in tested:
            unknown.add(name)
        settings.setdefault(name, []).append(
            (match.start(), (match.group(2) or match.group(3) or match.group(6)) == "true"))
    return _Facts(declared, settings, unknown,
                  [(m.start(), m.group(1)) for m in _DEFINES.finditer(text)])


def _truth(name: str, tests: list[str], at: int, facts: _Facts) -> bool | None:
    """The value of a test the file decides, else None."""
    if name == "ifthenelse":
        return _ifthen(tests[0], at, facts)
    if name in ("iftoggle", "nottoggle", "ifbool", "notbool"):
        return _value(tests[0].strip("{} \t\n"), at, facts)
    if name in ("ifboolexpr", "ifboolexpe"):
        single = re.fullmatch(r"\{\s*(not\s+)?(?:togl|bool)\s*\{\s*([^{}\s]+)\s*\}\s*\}", tests[0])
        if not single:
            return None
        value = _value(single.group(2), at, facts)
        return None if value is None else value != bool(single.group(1))
    if name in ("ifdef", "ifndef", "ifundef", "ifcsdef", "ifcsundef"):
        command = tests[0].strip("{} \t\n").lstrip("\\")
        defined = any(where < at and which == command for where, which in facts.defined)
        return True if defined else None  # not defined here: a package may define it
    if name == "ifstrequal":
        left, right = (test[1:-1] for test in tests)
        if _PLAIN.match(left) and _PLAIN.match(right):
            return left == right
        return None
    if name in ("ifnumcomp", "ifnumequal", "ifnumgreater", "ifnumless"):
        values = [_INTEGER.match(test[1:-1]) for test in (tests[0], tests[-1])]
        if not all(values):
            return None
        left, right = (int(value.group(1)) for value in values)
        relation = {"ifnumequal": "=", "ifnumgreater": ">", "ifnumless": "<"}.get(
            name, tests[1][1:-1].strip())
        return {"<": left < right, "=": left == right, ">": left > right}.get(relation)
    return None


def _ifthen(condition: str, at: int, facts: _Facts) -> bool | None:
    r"""``\boolean{draft}``, ``\NOT \boolean{draft}``, ``1 = 0``: the value when written so."""
    inner = condition[1:-1].strip()
    negated = re.match(r"\\NOT(?![A-Za-z])\s*", inner)
    if negated:
        inner = inner[negated.end():]
    boolean = re.fullmatch(r"\\boolean\s*\{\s*([^{}\s]+)\s*\}", inner)
    if boolean:
        value = _value(boolean.group(1), at, facts)
    elif comparison := _COMPARISON.match(inner):
        left, relation, right = int(comparison.group(1)), comparison.group(2), \
            int(comparison.group(3))
        value = {"<": left < right, "=": left == right, ">": left > right}[relation]
    else:
        return None
    return None if value is None else value != bool(negated)


def _value(name: str, at: int, facts: _Facts) -> bool | None:
    """A boolean, toggle or ``\\newif`` switch the file declares: false until set; the last
    setting before ``at`` outside dead text decides.  One set inside a definition (it runs
    where the macro is used) or in a branch of a test: not known."""
    if name not in facts.declared or name in facts.unknown:
        return None
    offsets = facts.settings.get(name, [])
    index = bisect_right(offsets, (at, True)) - 1
    return offsets[index][1] if index >= 0 else False
