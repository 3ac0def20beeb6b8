r"""Definitions by cases written in words: ``Define $r = s$ if $s > 0$ and $r = 0$ otherwise.``

A sentence that gives one name two or more formulas (``$r = s$ … $r = 0$``) and says when each
holds — *if, when, whenever, for, provided* followed by a formula (``if $s > 0$``), *for
positive/negative/non-negative $z$*, *otherwise, else, elsewhere*, Korean ``$p \ge 0$이면 $q =
p$``, ``$x < 0$일 때``, ``그렇지 않으면 $q = 0$``, or ``For $x \ge 0$ let $y = …$`` — defines the
name piecewise (round 9a, C3: the ReLU). It is read as a SymPy ``Piecewise`` of its branches
when every branch's condition is read exactly (each a relation of formulas the grammar reads,
in names, and together covering every real value, or with an *otherwise* branch); the later
branches are then parts of the definition, not claims. When any condition is not read, the
name keeps no single formula: every claim that uses it is undecided, naming the sentence
(:func:`unread_cases_used`) — never proved with one branch.

A single formula with a condition (``Let $y = x^2$ for $x \ge 0$.``) is no definition by
cases: its condition is a bound the other readers keep (a refutation outside it is undecided).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.cases import disagreeing_overlap
from symderive.notes.chains import split_chains
from symderive.notes.directives import definition_head
from symderive.notes.expression_bounds import RELATIONS as COMPARISONS
from symderive.notes.roles import Reading, Role

CASE_WORDS = re.compile(
    r"\b(?:if|when|whenever|for|provided|otherwise|else|elsewhere|unless|positive|negative|on)\b"
    r"|이면|일\s*때|경우|그렇지\s*않으면|아니면|그\s*외",
    re.I,
)
# the words right after a branch that give its condition: "$r = s$ if $s > 0$"
CONDITION_AFTER = re.compile(  # "on $[0, 1]$": an interval, a condition not read (round 15 F44)
    r"^\s*,?\s*(?:if|when|whenever|for|provided(?:\s+that)?|where|on)\s*$", re.I)
SIGN_AFTER = re.compile(
    r"^\s*,?\s*for\s+(?:all\s+|every\s+|each\s+)?(?P<sign>positive|negative|non-?negative"
    r"|non-?positive)\s*$", re.I)
OTHERWISE_AFTER = re.compile(r"^\s*,?\s*(?:otherwise|else|elsewhere|in\s+all\s+other\s+cases)\b",
                             re.I)
OTHERWISE_BEFORE = re.compile(
    r"(?:\b(?:otherwise|else|elsewhere)|그렇지\s*않으면|아니면|그\s*외(?:에는)?)\s*,?\s*"
    r"(?:(?:we\s+)?(?:let|set|define|take|put)\s*)?$", re.I)
KOREAN_CONDITION = re.compile(r"^\s*(?:이면|면|일\s*때|인\s*경우(?:에는)?|의\s*경우)\s*,?\s*$")
LEADING_CONDITION = re.compile(r"(?:^|[\s,])(?:for|if|when|whenever)\s*$", re.I)
LET_BETWEEN = re.compile(
    r"^\s*,?\s*(?:(?:we\s+)?(?:let|set|define|take|put|have)|then)?\s*,?\s*$", re.I)
SENTENCE_END = re.compile(r"[.;!?。](?=\s|$)")
ELSE_WORDS = re.compile(r"\b(?:otherwise|else|elsewhere)\b|그렇지\s*않으면|아니면", re.I)
# a sentence that opens with a condition continues the definition by cases before it (round 14a
# F23): "Let $f(x) = x^2$ for $x \le 1$. For $x > 1$, let $f(x) = 2 - x$."
_CASE_OPENING = (r"^\s*(?:for|if|when|whenever|on|in\s+case)\b(?:\s+(?:all|every|each|any|odd|even"
                 r"|positive|negative|non-?negative|non-?positive|real|integers?|natural|the"
                 r"|values?\s+of|numbers?))*\s*")
LEADING_CASE = re.compile(_CASE_OPENING + "$", re.I)
SIGNS = {"positive": ">", "negative": "<", "nonnegative": r"\ge", "non-negative": r"\ge",
         "nonpositive": r"\le", "non-positive": r"\le"}
RELATIONS = {**COMPARISONS, r"\ne": sp.Unequality, r"\neq": sp.Unequality, "≠": sp.Unequality}


@dataclass(frozen=True)
class Branch:
    position: int  # index in the located list
    condition: str | None  # the condition's LaTeX; None for "otherwise"
    read: bool  # whether its condition was found in the words
    line: int = 0  # the line its formula is on


@dataclass(frozen=True)
class Cases:
    """One definition by cases: a name, its line, its sentence and its branches."""

    name: str
    line: int
    end: int  # the section's last line
    sentence: str
    branches: tuple[Branch, ...]
    why: str = ""  # why it is not read as a Piecewise ('' when read)
    key: tuple | None = None  # the definition key, once read

    @property
    def lines(self) -> set[int]:
        return {branch.line for branch in self.branches} | {self.line}

    def describe(self) -> str:
        return f"line {self.line}: '{' '.join(self.sentence.split())[:120]}'"


def _sentences(tokens: list[str]) -> list[list[int]]:
    r"""Token indices of each sentence of a line split at its ``$…$`` formulas; a sentence
    with *otherwise / else* (그렇지 않으면) continues the one before (``$y = x^2$ if $x \ge 0$;
    $y = -x^2$ otherwise.``, ``… for $s > 0$. Otherwise, $r = 0$.``)."""
    sentences, current = [], []
    for index, token in enumerate(tokens):
        current.append(index)
        if index % 2 == 0 and SENTENCE_END.search(token.rstrip()):
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    joined: list[list[int]] = []
    for sentence in sentences:
        words = " ".join(tokens[index] for index in sentence if index % 2 == 0)
        lead = ""
        if joined:  # ". Otherwise, $r = 0$": the words after the previous sentence's end
            lead = SENTENCE_END.split(tokens[joined[-1][-1]])[-1]
            words = lead + " " + words
        if joined and (ELSE_WORDS.search(words) or LEADING_CASE.match(lead)):
            joined[-1] = joined[-1] + sentence
        else:
            joined.append(sentence)
    return joined


def _definition_name(latex: str) -> str | None:
    """The left side as written (``r``, ``g(u)``) of a definition ``name = …``: branches of one
    definition write the same left side (``H(X, Y)`` and ``H(X \\mid Y)`` are two things)."""
    if latex.count("=") != 1 or any(mark in latex for mark in ("\\le", "\\ge", "<", ">", ":=")):
        return None
    left = latex.split("=")[0]
    head = definition_head(left)
    return " ".join(head[0].split()) + "|" + "".join(left.split()) if head else None


CONDITION_MARK_AFTER = re.compile(r"^\s*(?:이면|면|일\s*때|인\s*경우|라면|이라면)")
CONDITION_MARK_BEFORE = re.compile(r"\b(?:if|when|whenever|unless|provided(?:\s+that)?)\s*,?\s*$",
                                   re.I)


def _is_condition(tokens: list[str], index: int) -> bool:
    """``$x = 1$일 때``, ``when $x = 1$``: the formula is a condition, not a branch."""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    return bool(CONDITION_MARK_AFTER.match(after) or CONDITION_MARK_BEFORE.search(tokens[index - 1]))


def _condition_of(tokens: list[str], index: int, previous_branch: int) -> tuple[str | None, bool]:
    """(condition LaTeX or None for *otherwise*, found) of the branch at token ``index``."""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    following = tokens[index + 2] if index + 2 < len(tokens) else None
    before = tokens[index - 1] if index >= 1 else ""
    if CONDITION_AFTER.match(after) and following is not None:
        return following.strip(), True
    sign = SIGN_AFTER.match(after)
    if sign and following is not None and re.fullmatch(r"\s*\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*",
                                                        following):
        return f"{following.strip()} {SIGNS[sign.group('sign').lower()]} 0", True
    if OTHERWISE_AFTER.match(after) or OTHERWISE_BEFORE.search(before):
        return None, True
    if index - 2 > previous_branch and KOREAN_CONDITION.match(before):
        return tokens[index - 2].strip(), True  # $p \ge 0$이면 $q = p$
    if index - 3 >= 0 and index - 2 > previous_branch and LET_BETWEEN.match(before) and (
        LEADING_CONDITION.search(tokens[index - 3])
    ):  # For $x \ge 0$ let $y = x^2$
        return tokens[index - 2].strip(), True
    return None, False


# a paragraph that opens with a condition on a formula continues the one before it (round 14a
# F23): "Let $f(x) = x^2$ for $x \le 1$." ⏎⏎ "For $x > 1$, let $f(x) = 2 - x$."
LEADING_PARAGRAPH = re.compile(_CASE_OPENING + r"\$", re.I)


def _paragraphs(lines: list[str]):
    """(first line, text) of each run of prose lines (a blank line or a display ends one; a
    blank line before a paragraph that opens with a condition does not)."""
    run: list[str] = []
    start = 1
    padded = [*lines, ""]
    for number, text in enumerate(padded, start=1):
        if run and not text.strip() and "$" in "".join(run):
            following = next((later for later in padded[number:] if later.strip()), "")
            if LEADING_PARAGRAPH.match(following) and "$$" not in following:
                run.append("")  # kept as a line, so the line numbers stay right
                continue
        if not text.strip() or "$$" in text or "\\[" in text or "\\begin" in text:
            if run:
                yield start, "\n".join(run)
            run = []
            continue
        if not run:
            start = number
        run.append(text)


def find_cases(located: list, lines: list[str]) -> list[Cases]:
    """The definitions by cases of the note's inline formulas, one per sentence and name."""
    by_latex: dict = {}
    for position, item in enumerate(located):
        if item.block.kind == "inline" and len(item.chain.elements) == 2 and (
            item.chain.relations[0] == "="
        ):  # fmt: skip
            by_latex.setdefault((item.chain.line, item.block.latex.strip()), []).append(position)
    found = []
    for first, text in _paragraphs(lines):
        if "$" not in text or "=" not in text or not CASE_WORDS.search(re.sub(r"\$[^$]*\$", " ",
                                                                             text)):
            continue
        tokens = re.split(r"\$([^$]*)\$", text)
        line_of, offset = {}, 0  # the line each formula starts on
        for index, token in enumerate(tokens):
            if index % 2 == 1:
                line_of[index] = first + text.count("\n", 0, offset)
            offset += len(token) + (2 if index % 2 == 1 else 0)
        for sentence in _sentences(tokens):
            names: dict[str, list[int]] = {}
            for index in sentence:
                if index % 2 == 1 and (name := _definition_name(tokens[index])) is not None and (
                    not _is_condition(tokens, index)
                ):  # fmt: skip
                    names.setdefault(name, []).append(index)
            words = " ".join(tokens[index] for index in sentence if index % 2 == 0)
            for name, indices in names.items():
                values = [" ".join(tokens[index].split("=")[1].split()) for index in indices]
                if len(indices) < 2 or not CASE_WORDS.search(words) or len(set(values)) < 2:
                    continue  # one formula written twice is no definition by cases
                branches, previous = [], -1
                for index in indices:
                    positions = by_latex.get((line_of[index], tokens[index].strip()), [])
                    if not positions:
                        break
                    condition, read = _condition_of(tokens, index, previous)
                    branches.append(Branch(positions[0], condition, read, line_of[index]))
                    previous = index
                else:
                    text_of = "".join(f"${tokens[i]}$" if i % 2 else tokens[i] for i in sentence)
                    end = located[branches[-1].position].section_end
                    found.append(Cases(name.split("|")[0], branches[0].line, end, " ".join(text_of.split()),
                                       tuple(branches)))
    return found


def mark_branches(located: list, cases: list[Cases]) -> list:
    """The later branches of each definition by cases read as parts of its definition."""
    located = list(located)
    for case in cases:
        first = located[case.branches[0].position].reading
        conditions = {" ".join(b.condition.split()) for b in case.branches if b.condition}
        for position, item in enumerate(located):
            if item.chain.line in case.lines and item.block.kind == "inline" and (
                " ".join(item.block.latex.split()) in conditions
            ):  # |e| \le 1 of a branch: its condition, never a claim
                located[position] = replace(item, reading=Reading(
                    Role.CONDITION, why=f"the condition of a branch of the definition of "
                    f"{case.name} by cases ({case.describe()})"))
        for branch in case.branches:
            item = located[branch.position]
            head = definition_head(item.chain.elements[0])
            located[branch.position] = replace(item, reading=Reading(
                Role.DEFINITION, first.name or case.name, head[1] if head else None,
                f"a branch of the definition of {case.name} by cases ({case.describe()})"))
    return located


def _condition(latex: str, context, source: str, line: int, parse) -> sp.Basic:
    chains = split_chains(latex, line)
    if len(chains) != 1 or not chains[0].relations or not all(
        relation in RELATIONS for relation in chains[0].relations
    ):
        raise ParseError(f"the condition ${latex}$ is not a comparison this reader reads")
    elements = [parse(element, context.latex, source, line) for element in chains[0].elements]
    try:  # SymPy may evaluate a side while comparing (a divergent sum: round 15 F38)
        parts = [RELATIONS[relation](left, right) for relation, left, right
                 in zip(chains[0].relations, elements, elements[1:])]
        condition = sp.And(*parts)
    except (ValueError, TypeError, ArithmeticError, NotImplementedError) as problem:
        raise ParseError(f"the condition ${latex}$ cannot be compared "
                         f"({' '.join(str(problem).split())[:80]})") from None
    if condition in (sp.true, sp.false) or not condition.free_symbols:
        raise ParseError(f"the condition ${latex}$ does not depend on a name")
    return condition


def read_cases(located: list, cases: list[Cases], context, source: str) -> list[Cases]:
    """Replace each definition by cases in ``context.definitions`` by one ``Piecewise``
    definition when its conditions are read exactly; the cases not read are returned with
    their reason (their claims become undecided)."""
    from symderive.notes.context import formula_definition, parse

    unread = []
    for case in cases:
        definitions = [formula_definition(located[branch.position], context, source)
                       for branch in case.branches]
        keys = {definition.key for definition in definitions if definition is not None}
        key = next(iter(keys)) if len(keys) == 1 else None
        why = ""
        if key is None or None in definitions:
            why = "its branches do not define one name the same way"
        else:
            try:
                value = _piecewise(case, definitions, key, context, source, parse)
            except ParseError as problem:
                why = problem.message if hasattr(problem, "message") else str(problem)
                value = None
        kept = [d for d in context.definitions
                if not (d.start in case.lines and key is not None and d.key == key)]
        if why:
            unread.append(replace(case, why=why, key=key or (definitions[0].key if definitions[0]
                                                             else None)))
            if why.startswith(OVERLAP) and key is not None and key[0] == "function":
                _no_branch_alone(context, case, key, why)
            continue
        first = definitions[0]
        note = f"{case.name} by cases ({case.describe()})"
        context.definitions = kept + [replace(first, value=value, note=note, end=case.end)]
        context.readings[case.name] = f"defined by cases at line {case.line} (a Piecewise)"
        _sentence_read(context, case, located[case.branches[0].position].block.latex)
        for line, conditions in list(context.conditions_by_line.items()):
            if line in case.lines:  # the branch conditions are part of the definition now
                ours = {" ".join(str(b.condition).split()) for b in case.branches}
                context.conditions_by_line[line] = [
                    c for c in conditions if " ".join(c.split()) not in ours]
    return unread


OVERLAP = "the cases overlap with different values"


def _no_branch_alone(context, case: Cases, key: tuple, why: str) -> None:
    """Each branch of a function defined by cases that give one point two values gives no
    value anywhere on its own (round 17 F22): an application of the name is not read."""
    from symderive.notes.restricted_definitions import Restricted

    for position, definition in enumerate(context.definitions):
        if definition.key == key and definition.start in case.lines and not isinstance(
                definition.value, Restricted):
            parameters, body = definition.value
            context.definitions[position] = replace(definition, value=Restricted(
                parameters, body, None, f"by cases ({case.describe()}), and {why}",
                definition.start))


def _sentence_read(context, case: Cases, latex: str) -> None:
    """The sentence of a definition by cases is read whole: its conditions are the
    branches', not bounds on the names that a counterexample must keep."""
    stated = getattr(context, "stated", None)
    if stated is None:
        return
    ours = {index for index, sentence in enumerate(stated.sentences)
            if sentence.first <= case.line <= sentence.last and f"${latex}$" in sentence.text}
    if ours:
        context.stated = replace(stated, read=frozenset(stated.read) | ours)


def _piecewise(case: Cases, definitions: list, key: tuple, context, source: str, parse):
    pieces, parameters = [], None
    for branch, definition in zip(case.branches, definitions):
        if not branch.read:
            raise ParseError(
                f"the condition of its branch {definition.note.split(' (')[0]} is not read")
        if key[0] == "function":
            own, body = definition.value
            if parameters is None:
                parameters = own
            elif len(own) != len(parameters):
                raise ParseError("its branches have different parameters")
            body = body.xreplace(dict(zip(own, parameters)))
        else:
            body = definition.value
        if branch.condition is None:
            pieces.append((body, sp.true))
            continue
        condition = _condition(branch.condition, context, source, case.line, parse)
        if key[0] == "function" and not condition.free_symbols <= set(parameters):
            raise ParseError(f"the condition ${branch.condition}$ is not about the parameters")
        pieces.append((body, condition))
    if sum(1 for _, condition in pieces if condition is sp.true) > 1 or any(
        condition is sp.true for _, condition in pieces[:-1]
    ):
        raise ParseError("it has an 'otherwise' branch before its last")
    overlap = disagreeing_overlap(pieces)  # the rule of \begin{cases} (round 17 F22)
    if overlap:
        raise ParseError(f"{OVERLAP} at {overlap} (the note "
                         "gives a value there twice)")
    if pieces[-1][1] is not sp.true:
        covered = sp.Or(*(condition for _, condition in pieces))
        symbols = covered.free_symbols
        try:  # as a set of real numbers (a symbol without assumptions spans the universal set)
            real = {symbol: sp.Dummy(real=True) for symbol in symbols}
            covered = covered.xreplace(real)
            whole = covered is sp.true or (
                len(symbols) == 1 and covered.as_set() == sp.S.Reals)
        except Exception:  # noqa: BLE001 - a condition SymPy cannot turn into a set
            whole = False
        if not whole:
            raise ParseError("its conditions do not cover every real value (or could not be "
                             "shown to)")
    value = sp.Piecewise(*pieces)
    return (parameters, value) if key[0] == "function" else value


def unread_cases_used(step_used, view, unread: list[Cases]) -> str:
    """Why a step is undecided: it uses a name defined by cases whose conditions were not read
    (the definition in force at the step is one of its branches); '' otherwise."""
    notes = view.notes if view is not None else {}
    for case in unread:
        if case.key is None or case.key not in step_used:
            continue
        in_force = notes.get(case.key, "")
        if any(f"line {line})" in in_force for line in case.lines):
            return (f"{case.name} is defined by cases ({case.describe()}) and {case.why}: "
                    "no single formula of it can decide this step")
    return ""
