r"""Functions the note defines only on part of the line (review round 14a, F23).

``For $x \le 1$, $r(x) = x^2$.``, ``Let $f(x) = 2 - x$ for $x > 1$.``, ``On $[0, 1]$, $k(x) =
x^2$.``, ``$m(x) = x^2$ $(x \le 1)$``: the sentence gives the function a formula only where its
condition holds. Elsewhere the note says nothing of it, so ``r(1.5) = 2.25`` is neither proved
nor refuted with the formula — r(1.5) is not given by the note. (A definition by cases joins
such pieces into one ``Piecewise``: :mod:`symderive.notes.piecewise_words`.)

A condition is read off the other inline formulas on the definition's line: a comparison in the
function's parameters (``x \le 1``, ``(x > 1)``, ``0 < x < 2``), an interval after *on, over,
in, for* (``[0, 1]``, ``(1, 2]``) and *for positive / negative / non-negative $x$*. At an
application to numbers, every condition must be decided true there for the formula to be used;
decided false or not decided, the application is not expanded and the claim is skipped with
the reason. Applications to other expressions (``r(x)``, ``r(2t)``) are left to the readers of
domains, as before.
"""

from __future__ import annotations

import re

import sympy as sp

from symderive.errors import ParseError
from symderive.notes.function_words import PROPERTY

INLINE = re.compile(r"(?<![\\$])\$(?!\$)([^$\n]{1,200}?)(?<!\\)\$")
WINDOW = 300  # characters of words before a formula that its condition is read from
# \ne too (round 17 F27): *For $x \ne 0$, $s(x) = x^2$* gives s no value at 0
COMPARISON = re.compile(r"\\(?:le|ge|leq|geq|lt|gt|leqslant|geqslant|ne|neq)\b|[<>≤≥≠]")
# a set with points taken out: \mathbb{R} \setminus \{0\}, [0, 2] \backslash \{1\}, \mathbb{R} - \{1, 2\}
PUNCTURED = re.compile(r"^(?P<base>.+?)\s*(?:\\setminus|\\backslash|-)\s*\\\{(?P<points>[^{}]+)\\\}\s*$")
INTERVAL = re.compile(r"^\s*(?P<open>[\[(]|\\left\s*[\[(])\s*(?P<low>[^,]+?)\s*,\s*(?P<high>[^,]+?)"
                      r"\s*(?P<close>[\])]|\\right\s*[\])])\s*$")
INTERVAL_WORDS = re.compile(r"\b(?:on|over|in|for|across|within)\s*(?:the\s+interval\s*)?$", re.I)
SIGN_WORDS = re.compile(r"\bfor\s+(?:all\s+|every\s+|each\s+)?(positive|negative|non-?negative"
                        r"|non-?positive)\s*$", re.I)
SIGN_RELATION = {"positive": ">", "negative": "<", "nonnegative": r"\ge", "non-negative": r"\ge",
                 "nonpositive": r"\le", "non-positive": r"\le"}


class Restricted(tuple):
    """``(parameters, body)`` of a function defined only where ``conditions`` hold (SymPy
    relations in the parameters; None when a condition was seen but not read), as the words
    ``where`` of line ``line`` say."""

    def __new__(cls, parameters, body, conditions, where: str, line: int):
        made = super().__new__(cls, (parameters, body))
        made.conditions, made.where, made.line = conditions, where, line
        return made

    def __reduce__(self):
        return (Restricted, (self[0], self[1], self.conditions, self.where, self.line))


RESTRICTION_CUE = re.compile(
    r"\b(?:only|valid|used|holds?|defined|applies|beyond|outside|elsewhere|otherwise|past|"
    r"provided|restricted)\b|단\s*,|다만|에서만|에\s*대해서만|일\s*때만|인\s*경우에만", re.I)
CASE_WORDS = re.compile(
    r"\b(?:if|when|whenever|while|as\s+long\s+as|below|above|beyond|past|outside|otherwise|"
    r"else|elsewhere|unless)\b|이면|일\s*때|경우|그렇지\s*않으면|밖", re.I)
OTHER_CASES = re.compile(r"\b(?:elsewhere|otherwise|else|for\s+(?:all\s+)?other|in\s+all\s+other"
                         r"|outside|beyond|below\s+zero|above\s+zero)\b|그렇지\s*않으면|그\s*외|나머지", re.I)
# a condition negated in words (round 15 F39): its complement is meant, which is not read
NEGATED_BEFORE = re.compile(
    r"(?:\b(?:not|unless|except|excepting|outside|other\s+than|away\s+from|apart\s+from|"
    r"besides|never|no)\b(?:\s+(?:in|on|for|when|where|if|at|of|whenever|that|the\s+\w+))*"
    r"|\$[^$]{1,20}\$\s+not\s+(?:in|on))\s*$", re.I)
NEGATED_AFTER = re.compile(r"^\s*(?:[이가은는을를]\s*)?(?:아닐|아닌|아니|제외|빼고|밖|외)")
MEMBERSHIP = re.compile(r"^\s*(?P<name>\\?[A-Za-z]+)\s*\\in\s*(?P<set>.+?)\s*$")
SIGNATURE = re.compile(r"^\s*(?P<name>\\?[A-Za-z]+)\s*(?::|\\colon)\s*(?P<set>.+?)\s*"
                       r"\\(?:to|rightarrow|longrightarrow|mapsto)\b")
# words that bound a letter without a formula (round 16 F6, F14, F19): between, at most, the
# unit interval, positive values, integers, even …
DOMAIN_WORDS = re.compile(
    r"\b(?:between|at\s+most|at\s+least|interval|restricted|restrict\w*|domain|positive|"
    r"negative|non-?negative|non-?positive|integers?|natural|even|odd|rationals?|only|bounded|"
    # round 17 F15: comparatives with a number ("for $x$ less than $1$", "up to", "not exceeding")
    # ("under", "below", "up to", "within" are read only before a number: PARAMETER_THEN_NUMBER;
    # alone they are ordinary words: "the above derivatives")
    r"(?:less|greater|smaller|larger|bigger|higher|lower|more|fewer)\s+than|exceed\w*|"
    r"no\s+(?:more|less|larger|smaller|greater|bigger)|"
    r"not\s+(?:more|less|larger|smaller|greater|above|below|over))\b"
    r"|구간|정수|자연수|양수|음수|짝수|홀수|정의역|에서만|이하|이상|미만|초과|사이|보다|넘지|"
    r"크지\s*않|작지\s*않|까지", re.I)
# a parameter written alone, then words, then a number, in one clause ("for $x$ short of $1$",
# "$x$가 $1$ 근처일 때"): a bound in words not read, whatever the words (round 17 F15)
PARAMETER_THEN_NUMBER = re.compile(
    "\x01\\s*(?P<name>\\\\?[A-Za-z]+)\\s*\x01[^\x01.;!?]{1,40}\x01\\s*[-+−]?\\s*\\d[\\d.,]*\\s*\x01")
# a property stated of the function just defined, on part of the line: "Let $f(x) = x^2$, which
# is increasing for $x \ge 0$", "$f(x) = x^2$이며 $x \ge 0$에서 증가한다" — a claim about f, no
# condition of its definition (round 16 F13)
PROPERTY_CLAUSE = re.compile(
    r",?\s*(?:which|that)\s+is\s+(?:(?:also|strictly|monotonically|everywhere)\s+)*"
    rf"(?:{PROPERTY.pattern})\s+(?:on|over|for|when(?:ever)?|where|if|in)\s+(?:all\s+|every\s+)?$",
    re.I)
KOREAN_AND = re.compile(r"(?:이며|이고|인데)\s*,?\s*$")
KOREAN_PROPERTY_AFTER = re.compile(
    rf"^\s*(?:에서|일\s*때|인\s*곳에서|에\s*대해(?:서)?)\s*(?:단조\s*)?(?:{PROPERTY.pattern})")
REALS = re.compile(r"^\\mathbb\s*\{\s*R\s*\}$|^\\R$|^\(\s*-\s*\\infty\s*,\s*\\infty\s*\)$")
BLANK_OR_DISPLAY_END = re.compile(r"^\s*$|\$\$|\\\]|\\end\s*\{")


def restricted(context, source: str, parse) -> None:
    """Mark each function definition of ``context`` whose sentence (or display, or the lead-in
    of its display, or a restriction right after it) states a condition on its parameters
    (see the module) as :class:`Restricted`; and a later formula of a function whose earlier
    one was restricted, in the same section, as restricted by conditions not read (the pieces
    of a definition by cases this reader did not join)."""
    from dataclasses import replace

    lines = context.lines
    for position, definition in enumerate(context.definitions):
        if definition.key[0] != "function" or isinstance(definition.value, Restricted):
            continue
        parameters, body = definition.value
        if isinstance(body, sp.Piecewise) or not all(isinstance(p, (sp.Symbol, sp.MatrixSymbol))
                                                     for p in parameters):
            continue
        vectors = any(isinstance(p, sp.MatrixSymbol) for p in parameters)
        if not 1 <= definition.start <= len(lines):
            continue
        written = definition.note.split(" (")[0]
        name = definition.key[1]
        text = lines[definition.start - 1]
        line = _own_sentence(text, written)
        reader = _Reader(context, source, parse, definition.start, parameters, name)
        reader.display(text, written)
        reader.prose(line, skip=written)
        displayed = f"${written.strip()}$" not in text.replace("$ ", "$").replace(" $", "$") and (
            "$" + " ".join(written.split()) + "$" not in " ".join(text.split()))
        if displayed:  # For $x \le 1$, \[ f(x) = x^2 \]: the lead-in before the display
            reader.prose(_lead_in(lines, definition.start), skip=written)
        rest = _next_sentence(text, line, lines, definition.start)
        if RESTRICTION_CUE.search(re.sub(r"\$[^$]*\$", " ", rest)):  # "… used for $x \le 1$ only"
            reader.prose(rest, skip=written)
        if OTHER_CASES.search(re.sub(r"\$[^$]*\$", " ", line)):  # Elsewhere $h(x) = x$.
            reader.found.append("words of another case")
            reader.conditions.append(None)
        # the rest of the paragraph (a condition on the next line of a wrapped sentence, after
        # a display on its own lines, in an align): a condition there is one not read (16 F3)
        paragraph = _paragraph(lines, definition.start)
        spare = _Reader(context, source, parse, definition.start, parameters, name)
        spare.prose(paragraph, skip=written)
        for row in paragraph.split("\n"):
            spare.display(row, written)
        if spare.found and not set(spare.found) <= set(reader.found):
            reader.found.append("words beside it that may bound it")
            reader.conditions.append(None)
        if _domain_words_near(paragraph, reader.names):
            reader.found.append("words beside it that may bound it")
            reader.conditions.append(None)
        neighbourhood = " ".join((line, rest))
        others = [m.group(1) for m in INLINE.finditer(neighbourhood)
                  if " ".join(m.group(1).split()) != " ".join(written.split())
                  and re.match(rf"\s*{re.escape(name)}\s*(?:\([^=]*\))?\s*=", m.group(1))]
        if others and not reader.found and CASE_WORDS.search(re.sub(r"\$[^$]*\$", " ",
                                                                     neighbourhood)):
            reader.found.append("words beside another formula of " + name)
            reader.conditions.append(None)  # c(x) = x as long as x stays below 1; past that …
        if reader.found:  # another formula of the function beside it: whose condition is it?
            known = None if None in reader.conditions or others or vectors else tuple(
                reader.conditions)  # a condition on a vector (‖x‖ ≤ 1) is not read (16 F28)
            where = "only where " + ", ".join(
                f"not ${c[4:]}$" if c.startswith("not ") else f"${c}$" for c in reader.found
                if not c.startswith("words "))
            if all(c.startswith("words ") for c in reader.found) and (
                    "words beside it that may bound it" in reader.found):
                where = "with words or conditions beside it that may bound its arguments"
            elif reader.found[0] == "words of another case":
                where = "by cases, this formula for a case stated in words it does not read"
            elif reader.found[0].startswith("words "):
                where = "by two formulas with words between them that may be conditions"
            elif others:
                where += f" (with another formula of {name} beside it)"
            context.definitions[position] = replace(definition, value=Restricted(
                parameters, body, known, where, definition.start))
    _later_pieces(context)
    _through_pieces(context)


def _through_pieces(context) -> None:
    """A function whose formula applies a restricted one (``h(t) = 2 r(t)``) is restricted by
    conditions not read: its values outside r's condition are not given either (round 16
    F8: h'(3))."""
    from dataclasses import replace

    for _ in range(4):
        pieces = {d.key[1] for d in context.definitions
                  if d.key[0] == "function" and isinstance(d.value, Restricted)}
        changed = False
        for position, definition in enumerate(context.definitions):
            if definition.key[0] != "function" or isinstance(definition.value, Restricted):
                continue
            parameters, body = definition.value
            used = {a.func.__name__ for a in getattr(body, "atoms", lambda *_: ())(
                sp.core.function.AppliedUndef)} | {getattr(s, "name", "") for s in getattr(
                    body, "free_symbols", ())}
            through = sorted(used & pieces)
            if through:
                context.definitions[position] = replace(definition, value=Restricted(
                    parameters, body, None, f"through {through[0]}, which the note gives on part "
                    "of the line only", definition.start))
                changed = True
        if not changed:
            return


def _later_pieces(context) -> None:
    """A later formula of a function whose formula before it (same section) was restricted is
    another piece, not its definition everywhere: restricted by conditions not read (round 15
    F12: *The ReLU is $r(z) = z$ for $z > 0$; below zero we take $r(z) = 0$.*)."""
    from dataclasses import replace

    seen: dict = {}
    for position, definition in sorted(enumerate(context.definitions),
                                       key=lambda pair: pair[1].start):
        if definition.key[0] != "function":
            continue
        key = (definition.key, definition.end)
        earlier = seen.get(key)
        value = definition.value
        if earlier is not None and isinstance(earlier.value, Restricted) and not isinstance(
                value, Restricted) and not isinstance(value[1], sp.Piecewise):
            value = Restricted(value[0], value[1], None,
                               f"in pieces (line {earlier.start} {earlier.value.where}, then "
                               f"line {definition.start})", definition.start)
            context.definitions[position] = replace(definition, value=value)
            definition = context.definitions[position]
        elif earlier is not None and isinstance(earlier.value, Restricted) and isinstance(
                value, Restricted) and value.conditions is not None:
            overlap = _overlap(earlier.value, value)
            if overlap:  # x^2 for x ≤ 1, then 2x for x ≥ 1: f(1) given twice (round 17 F22)
                value = Restricted(value[0], value[1], None,
                                   f"in pieces (line {earlier.start}, then line "
                                   f"{definition.start}) that {overlap}", definition.start)
                context.definitions[position] = replace(definition, value=value)
                definition = context.definitions[position]
        seen[key] = definition


def _overlap(earlier: Restricted, later: Restricted) -> str:
    """Where two restricted pieces of one function hold together with different values, in
    words (the rule of a definition by cases: :func:`symderive.grammar.cases.disagreeing_overlap`),
    or ''; an earlier piece whose conditions are not read may overlap anywhere."""
    from symderive.grammar.cases import disagreeing_overlap

    if earlier.conditions is None:
        return "may overlap with different values (the earlier conditions are not read)"
    if len(earlier[0]) != len(later[0]):
        return "overlap with different values (their parameters differ)"
    renamed = dict(zip(earlier[0], later[0]))
    pieces = [(earlier[1].xreplace(renamed), sp.And(*(c.xreplace(renamed)
                                                       for c in earlier.conditions))),
              (later[1], sp.And(*later.conditions))]
    where = disagreeing_overlap(pieces)
    return f"overlap with different values at {where}" if where else ""


class _Reader:
    """Collects the conditions on a definition's parameters from formulas and prose."""

    def __init__(self, context, source, parse, line, parameters, name):
        self.context, self.source, self.parse, self.line = context, source, parse, line
        self.parameters, self.name = parameters, name
        self.names = {p.name for p in parameters}
        self.found: list[str] = []
        self.conditions: list = []

    def prose(self, text: str, skip: str) -> None:
        """The conditions the words ``text`` state beside the definition ``skip``: each formula
        read with the words of at most :data:`WINDOW` characters before it."""
        for match in INLINE.finditer(text or ""):
            latex = match.group(1).strip()
            if " ".join(latex.split()) == " ".join(skip.split()):
                continue
            before = text[max(0, match.start() - WINDOW):match.start()]  # (linear: round 20 F15)
            if _property_of(before, text[match.end():match.end() + 16], skip):
                continue  # …, which is increasing for $x \ge 0$: a claim about it
            self.formula(latex, before, text[match.end():match.end() + 16])

    def display(self, text: str, written: str) -> None:
        """The conditions after the definition ``written`` in a display on ``text``."""
        for inner in _display_conditions(text, written):
            self.formula(inner, "on " if INTERVAL.match(inner) else "")

    def formula(self, latex: str, before: str, after: str = "") -> None:
        from symderive.notes.piecewise_words import _condition

        if "=" in latex and not COMPARISON.search(latex):
            point = re.fullmatch(r"\s*(\\?[A-Za-z]+)\s*=\s*([^=]+?)\s*", latex)
            if point and point.group(1) in self.names and (
                    NEGATED_BEFORE.search(before) or NEGATED_AFTER.match(after)):
                # except at $x = 0$, other than $x = 1$: the point taken out (round 17 F27)
                excluded = f"{point.group(1)} \\ne {point.group(2)}"
                self.found.append(excluded)
                try:
                    self.conditions.append(_condition(excluded, self.context, self.source,
                                                      self.line, self.parse))
                except ParseError:
                    self.conditions.append(None)
            return
        inner = re.sub(r"^\((.*)\)$", r"\1", latex.strip()).strip()
        if NEGATED_BEFORE.search(before) or NEGATED_AFTER.match(after):
            # For $x$ not in …, Unless $x \le 1$, $x \le 1$이 아닐 때: the complement, not read
            if _mentions(latex, self.names) or INTERVAL.match(inner) or COMPARISON.search(inner):
                self.found.append(f"not {latex.strip()}")
                self.conditions.append(None)
            return
        applied = re.search(rf"{re.escape(self.name)}\s*\(", inner)
        signature = SIGNATURE.match(inner)
        if signature and signature.group("name").lstrip("\\") == self.name.lstrip("\\") and (
                applied or len(self.parameters) == 1):
            self._set(self.parameters[0].name, signature.group("set"))  # k : [0, 1] \to ℝ
            return
        if applied:  # another formula of the function itself
            return
        member = MEMBERSHIP.match(inner)
        if member and member.group("name") in self.names:
            self._set(member.group("name"), member.group("set"))  # x \in [0, 1]
            return
        if COMPARISON.search(inner) and _mentions(inner, self.names):
            self.found.append(inner)
            try:
                self.conditions.append(_condition(inner, self.context, self.source, self.line,
                                                  self.parse))
            except ParseError:
                self.conditions.append(None)
        elif (interval := INTERVAL.match(inner)) and INTERVAL_WORDS.search(before) and (
                len(self.parameters) == 1):
            self.found.append(f"{self.parameters[0].name} \\in {inner}")
            self.conditions.append(_interval(interval, self.parameters[0], self.context,
                                             self.source, self.line, self.parse))
        elif (sign := SIGN_WORDS.search(before)) and inner in self.names:
            relation = SIGN_RELATION[sign.group(1).lower()]
            self.found.append(f"{inner} {relation} 0")
            self.conditions.append(_condition(f"{inner} {relation} 0", self.context,
                                              self.source, self.line, self.parse))

    def _set(self, name: str, written: str) -> None:
        """``name`` in the set ``written``: an interval is read, ℝ restricts nothing, any other
        set is a condition not read."""
        written = written.strip()
        if REALS.match(written):
            return
        parameter = next((p for p in self.parameters if p.name == name), None)
        self.found.append(f"{name} \\in {written}")
        punctured = PUNCTURED.match(written)
        if punctured and parameter is not None:  # ℝ \ {0}: x ≠ 0 (round 17 F27)
            self.conditions.append(_punctured(punctured, parameter, self.context, self.source,
                                              self.line, self.parse))
            return
        interval = INTERVAL.match(written)
        self.conditions.append(None if interval is None or parameter is None else _interval(
            interval, parameter, self.context, self.source, self.line, self.parse))


def _property_of(before: str, after: str, written: str) -> bool:
    """Whether the formula between ``before`` and ``after`` bounds a property stated of the
    definition ``written`` right before it (*$f(x) = x^2$, which is increasing for*, Korean
    *$f(x) = x^2$이며 … 에서 증가한다*), not the definition itself."""
    clause = PROPERTY_CLAUSE.search(before)
    korean = KOREAN_AND.search(before) if KOREAN_PROPERTY_AFTER.match(after) else None
    found = clause or korean
    if found is None:
        return False
    last = re.search(r"\$\$?([^$]*)\$\$?\s*$", before[:found.start()])
    return last is not None and (
        " ".join(last.group(1).split()).rstrip(",. ") == " ".join(written.split()).rstrip(",. "))


def _paragraph(lines, line: int) -> str:
    """The lines of the paragraph holding ``line`` (to blank lines or headings; at most eight
    lines each way), displays included."""
    first = line
    while first > 1 and line - first < 8 and lines[first - 2].strip() and not (
            lines[first - 2].lstrip().startswith("#")):
        first -= 1
    last = line
    while last < len(lines) and last - line < 8 and lines[last].strip() and not (
            lines[last].lstrip().startswith("#")):
        last += 1
    return "\n".join(lines[first - 1:last])


def _domain_words_near(paragraph: str, names: set) -> bool:
    """Domain words in a sentence of the paragraph that writes a parameter as a formula
    (*for $x$ between $0$ and $1$*, *for integers $x$*, *$x$가 양수일 때*)."""
    masked = INLINE.sub(lambda m: " \x01" + m.group(1) + "\x01 ", paragraph)
    for sentence in re.split(r"(?<=[.;!?])\s+|\n\s*\n", masked):
        letters = {piece.strip() for piece in re.findall("\x01([^\x01]*)\x01", sentence)}
        if not any(_mentions(piece, names) for piece in letters):
            continue
        if DOMAIN_WORDS.search(re.sub("\x01[^\x01]*\x01", " ", sentence)):
            return True
        if any(found.group("name").lstrip("\\") in {str(name) for name in names}
               for found in PARAMETER_THEN_NUMBER.finditer(sentence)):
            return True
    return False


def _lead_in(lines, line: int) -> str:
    """The prose right before the display that starts at (or holds) ``line``: up to two lines
    back, not past a blank line or another display."""
    gathered = []
    for number in range(line - 1, max(0, line - 3), -1):
        text = lines[number - 1]
        if BLANK_OR_DISPLAY_END.search(text) and not text.strip().endswith(("\\[", "$$")):
            break
        gathered.insert(0, text)
    lead = " ".join(gathered)
    pieces = re.split(r"(?<=[.;!?])\s+", lead)
    return pieces[-1] if pieces else ""


def _next_sentence(text: str, own: str, lines, line: int) -> str:
    """The sentence after the definition's own one: the rest of its line, else the next line."""
    position = text.find(own)
    rest = text[position + len(own):] if position >= 0 else ""
    if not rest.strip() and line < len(lines) and not BLANK_OR_DISPLAY_END.search(lines[line]):
        rest = lines[line]
    masked = INLINE.sub(lambda m: "\x00" * len(m.group()), rest)
    cut = re.search(r"[.!?](?=\s|$)", masked)
    return rest[:cut.end()] if cut else rest


DISPLAY = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]")
SEPARATOR = re.compile(r"\\q?quad\b|\\text\s*\{[^{}]*\}|\\mbox\s*\{[^{}]*\}|\\[,;: ]|,|;")


def _display_conditions(line: str, written: str) -> list[str]:
    r"""The pieces of the display on ``line`` that holds the definition ``written``, after it
    and set apart by a gap, a comma or words (``$$f(x) = x^2, \quad x \le 1$$``,
    ``\quad \text{for } x \le 1``, ``\qquad (0 \le x \le 1)``)."""
    pieces = []
    key = "".join(written.split())
    line = line.replace("&", " ")  # t(x) &= x^2, \quad x \le 1 in an align
    bodies = [match.group(1) or match.group(2) or "" for match in DISPLAY.finditer(line)]
    if "$" not in line:  # a row inside an environment, or a display on its own lines
        bodies.append(line)
    spaced = " ".join(written.split())
    for body in bodies:
        body = " ".join(body.split())
        flat = "".join(body.split())
        if not key or key not in flat:
            continue
        after = body[body.find(spaced) + len(spaced):] if spaced in body else ""
        for piece in _split_outside_brackets(after):
            piece = re.sub(r"^\s*\\left\s*\(|\\right\s*\)\s*$", "", piece.strip()).strip(" .,")
            if INTERVAL.match(piece):  # \text{on } [0, 1]: an interval of the definition
                pieces.append(piece)
                continue
            piece = re.sub(r"^\((.*)\)$", r"\1", piece).strip()
            if piece:
                pieces.append(piece)
    return pieces


def _split_outside_brackets(text: str) -> list[str]:
    """``text`` split at :data:`SEPARATOR` where no bracket or parenthesis is open (the comma
    of ``[0, 1]`` separates nothing)."""
    depths, depth = [], 0
    for character in text:
        depth += character in "([" and 1 or 0
        depth -= character in ")]" and 1 or 0
        depths.append(depth)
    pieces, last = [], 0
    for match in SEPARATOR.finditer(text):
        if depths[match.start()] > 0 if match.start() < len(depths) else False:
            continue
        pieces.append(text[last:match.start()])
        last = match.end()
    pieces.append(text[last:])
    return pieces


def _own_sentence(line: str, written: str) -> str:
    """The sentence of ``line`` (ended by . ; ! ? outside its mathematics) that holds the
    formula ``written``; the whole line when it is not found."""
    masked = INLINE.sub(lambda m: "\x00" * len(m.group()), line)
    start = 0
    for cut in [m.end() for m in re.finditer(r"[.;!?](?=\s|$)", masked)] + [len(line)]:
        piece = line[start:cut]
        if written.strip() and written.strip() in piece:
            return piece
        start = cut
    return line


def _mentions(latex: str, names: set) -> bool:
    return any(re.search(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])", latex)
               for name in names)


def _punctured(match, parameter, context, source, line, parse):
    """``S \\setminus \\{a, b\\}`` for S the real line or an interval: the parameter in S and
    none of the points; None when a part is not read."""
    base = match.group("base").strip()
    parts = []
    if not REALS.match(base):
        interval = INTERVAL.match(base)
        inside = None if interval is None else _interval(interval, parameter, context, source,
                                                          line, parse)
        if inside is None:
            return None
        parts.append(inside)
    for written in match.group("points").split(","):
        try:
            point = parse(written, context.latex, source, line)
        except ParseError:
            return None
        if not getattr(point, "is_number", False):
            return None
        parts.append(sp.Ne(parameter, point))
    return sp.And(*parts)


def _interval(match, parameter, context, source, line, parse):
    try:
        low = parse(match.group("low"), context.latex, source, line)
        high = parse(match.group("high"), context.latex, source, line)
    except ParseError:
        return None
    left = (sp.StrictLessThan if match.group("open")[-1] == "(" else sp.LessThan)(low, parameter)
    right = (sp.StrictLessThan if match.group("close")[-1] == ")" else sp.LessThan)(parameter,
                                                                                   high)
    return sp.And(left, right)


BINDING = (sp.Integral, sp.Sum, sp.Product, sp.Subs, sp.Limit)


def check_application(name: str, definition, arguments, values: dict | None = None,
                      expr: sp.Basic | None = None, ranges: dict | None = None) -> None:
    """Raise :class:`ParseError` when ``definition`` (of function ``name``) is
    :class:`Restricted` and its application to ``arguments`` is not decided to lie where the
    note defines it. ``values``: the names' values in force (example values included), put in
    first — ``r(t)`` after *Take $t = 3$* is r(3). An application to its own parameters
    (``r(x)``) passes — the readers of domains keep x's bound — unless ``expr`` evaluates it
    elsewhere (an integral, sum, product, limit or derivative at a point over it: round 15
    F25); any other argument (``r(x + 5)``, ``r(2t)``) must be decided inside symbolically.
    ``ranges``: the interval each bound variable of ``expr`` runs over (``∫_0^1 r(x) dx``: x in
    [0, 1]); a condition in one such variable is decided over its whole interval (16 F22)."""
    if not isinstance(definition, Restricted):
        return
    ranges = ranges or {}
    values = {k: v for k, v in (values or {}).items() if k not in ranges}  # bound: no example
    arguments = [_resolved(a, values) for a in arguments]
    parameters = definition[0]
    shown = f"{name}({', '.join(str(a) for a in arguments)})"
    where = f"the note defines {name} {definition.where} (line {definition.line})"
    numbers = all(isinstance(a, sp.Basic) and a.is_number for a in arguments)
    # its own parameters, or the dummy of a written derivative r'(u) (its point: the caller)
    own = tuple(arguments) == tuple(parameters) or all(isinstance(a, sp.Dummy) for a in arguments)
    if own and not (expr is not None and expr.has(*BINDING)):
        return
    if definition.conditions is None and "overlap with different values" in definition.where:
        raise ParseError(f"{where}: {shown} is not read")  # round 17 F22
    if definition.conditions is None:
        raise ParseError(f"{where}; as its conditions are not read exactly, {shown} is not "
                         "read")
    mapping = dict(zip(parameters, arguments))
    for condition in definition.conditions:
        value = condition.xreplace(mapping)
        if value is not sp.true and not numbers:
            try:
                value = sp.simplify(value) if value.free_symbols else value
            except Exception:  # noqa: BLE001 - undecided
                pass
        if value is sp.false:
            raise ParseError(f"{where}: {shown} lies outside it, so the note gives it no value")
        if value is not sp.true and _holds_over(value, ranges):
            continue
        if value is not sp.true:
            raise ParseError(f"{where}: {shown} is not known to lie there" + (
                "" if numbers else " for every value of its letters"))


def _holds_over(condition, ranges: dict) -> bool:
    """Whether ``condition``, in one bound variable only, holds on the whole interval that
    variable runs over (``t \\le 1`` on [0, 1]); False when not decided."""
    names = condition.free_symbols
    if len(names) != 1 or next(iter(names)) not in ranges:
        return False
    (name,) = names
    real = sp.Dummy("v", real=True)
    try:
        holds = condition.xreplace({name: real}).as_set()
        return bool(ranges[name].is_subset(holds))
    except Exception:  # noqa: BLE001 - a region SymPy cannot describe: not decided
        return False


def _ranges(node, values: dict) -> dict:
    """The closed interval each variable of an integral, sum or product runs over, where its
    bounds are numbers (with the values in force put in): ``∫_0^1``, ``Σ_{k=-2}^{1}``."""
    if not isinstance(node, (sp.Integral, sp.Sum, sp.Product)):
        return {}
    found = {}
    for limit in node.limits:
        if len(limit) != 3:
            continue
        low, high = (_resolved(bound, values) for bound in limit[1:])
        if not all(isinstance(b, sp.Basic) and b.is_number and b.is_extended_real
                   for b in (low, high)):
            continue
        low, high = (low, high) if bool(low <= high) else (high, low)
        found[limit[0]] = sp.Interval(low, high)
    return found


def enclosing_ranges(expr, applied, values: dict) -> dict:
    """The interval each letter of ``applied`` runs over where ``expr`` writes it: a letter
    bound by an integral, sum or product with number bounds around every occurrence
    (``∫_0^1 r(t) dt``: t in [0, 1]; two occurrences, the union); a letter free at one
    occurrence, or bound otherwise (a limit, a derivative, a bound with letters), has none."""
    found: dict = {}

    def walk(node, ranges: dict) -> None:
        if node == applied:
            for name in applied.free_symbols:
                found.setdefault(name, []).append(ranges.get(name))
            return
        if isinstance(node, (sp.Integral, sp.Sum, sp.Product)):
            numeric = _ranges(node, values)
            inner = {**ranges, **{limit[0]: numeric.get(limit[0]) for limit in node.limits}}
            walk(node.function, inner)
            for limit in node.limits:
                for bound in limit[1:]:
                    walk(bound, ranges)
            return
        if isinstance(node, (sp.Subs, sp.Limit, sp.Derivative, sp.Lambda)):
            bound = node.variables if not isinstance(node, sp.Limit) else (node.args[1],)
            ranges = {**ranges, **{name: None for name in bound}}
        for argument in node.args:
            walk(argument, ranges)

    walk(expr, {})
    return {name: sp.Union(*intervals) for name, intervals in found.items()
            if intervals and all(interval is not None for interval in intervals)}


def _resolved(argument, values: dict):
    """The argument with the values in force put in (a few rounds: t = 3, s = t + 1)."""
    for _ in range(4):
        if not isinstance(argument, sp.Basic) or not values:
            return argument
        replaced = argument.xreplace(values)
        if replaced == argument:
            return argument
        argument = replaced
    return argument


def restricted_inside_bindings(expr, view) -> None:
    """Check every application of a :class:`Restricted` function inside an integral, sum,
    product, limit or evaluation at a point (``r'(3)`` is ``Subs(r'(u), u, 3)``): there even
    ``r(x)`` is evaluated away from x's own bound."""
    if not isinstance(expr, sp.Basic) or not getattr(view, "functions", None):
        return
    for node in expr.atoms(*BINDING):
        for name in node.free_symbols | set(node.atoms(sp.Symbol)):
            definition = view.functions.get(getattr(name, "name", None))
            if isinstance(definition, Restricted):  # dr/dx|_{x=3} with the bare name r
                raise ParseError(f"the note defines {name.name} {definition.where} (line "
                                 f"{definition.line}); its bare name under an evaluation, "
                                 "integral, sum or limit is not read")
        for applied in node.atoms(sp.core.function.AppliedUndef):
            definition = view.functions.get(applied.func.__name__)
            if isinstance(definition, Restricted) and len(definition[0]) == len(applied.args):
                bound = set(node.variables) if isinstance(node, sp.Subs) else {
                    limit[0] for limit in getattr(node, "limits", ())} | (
                    {node.args[1]} if isinstance(node, sp.Limit) else set())
                # a bound variable takes no example value (Take $x = 0$. Then ∫_0^3 r(x) dx)
                values = {k: v for k, v in view.symbols.items() if k not in bound}
                if isinstance(node, sp.Subs):  # r'(3): r at the point 3
                    values.update(zip(node.variables, node.point))
                check_application(applied.func.__name__, definition, applied.args, values,
                                  None if isinstance(node, sp.Subs) else node,
                                  enclosing_ranges(expr, applied, values))


def restricted_symbol_used(step_used, view, context) -> str:
    """Why a step is not decided: it uses a name defined under a condition on the letters of
    its formula (*Let $y = x^2$ for $x \\ge 0$.*) while example values of those letters are
    in force that the condition does not hold at, or cannot be read for (*Take $x = -2$.*):
    the note gives the name no value there (round 16 F20); '' otherwise."""
    from symderive.notes.context import parse
    from symderive.notes.piecewise_words import _condition

    if view is None:
        return ""
    for key in step_used:
        if key[0] != "symbol" or key in view.examples:
            continue
        found = re.search(r"line (\d+)\)$", view.notes.get(key, ""))
        body = view.symbols.get(key[1])
        if found is None or not isinstance(body, sp.Basic):
            continue
        line = int(found.group(1))
        values = {s: view.symbols[s] for s in body.free_symbols
                  if s in view.symbols and ("symbol", s) in view.examples}
        if not values:
            continue  # the formula's letters are free: the readers of domains keep the bound
        names = {getattr(s, "name", "") for s in values}
        for written in getattr(context, "conditions_by_line", {}).get(line, []):
            if not _mentions(written, names):
                continue
            shown = ", ".join(f"{s} = {v}" for s, v in values.items())
            try:
                condition = _condition(written, context, "<note>", line, parse)
            except ParseError:
                return (f"{key[1]} is defined at line {line} under a condition (${written}$) "
                        f"this reader does not read, and example values are in force ({shown})")
            if condition.xreplace(values) is not sp.true:
                return (f"{key[1]} is defined at line {line} only where ${written}$, which the "
                        f"example values in force ({shown}) do not satisfy: the note gives it no "
                        "value there")
    return ""
