r"""Domains a note states in words: ``For every positive integer $n$, …``, ``Let $x$ be
positive.``, ``$x$는 양수이다.``, ``Let $p \in (0, 1)$.``

A refutation is only valid if its counterexample satisfies every hypothesis the note states
about the variables involved. So:

1. the common templates are read into the same :class:`~symderive.model.Domain` kinds the
   ``<!-- symderive: assume … -->`` directive gives (one source of truth: the sampler and the
   proofs use them through :class:`~symderive.check.context.CheckContext`). A template must be
   the *whole* sentence (or, for a hypothesis, the whole clause before the claim): anything
   else qualifying it is not read;
2. a sentence that names a domain or property of a claim's variable in words the templates do
   not read (:func:`unread_property`) makes a refutation of that claim undecided.

Scopes: a *statement* (``Let $x$ be positive.``, ``$n$은 양의 정수이다.``) holds from its
sentence to the end of its section; a *hypothesis* (``For positive $x$, …``, ``If $x$ is
positive, then …``, ``… whenever $x$ is positive.``) holds for the formulas of its own sentence,
and for a display the sentence runs into (``For every positive integer $n$,`` then ``$$…$$``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.negation import negation
from symderive.model import Domain
from symderive.notes.context import parse, section_ends
from symderive.notes.extract import _Lines

# -- the words of a domain ----------------------------------------------------------------------
# English adjective phrases → Domain kind (the longest first); "natural" is read as 1, 2, 3, …
_ENGLISH_KINDS = (
    (r"positive\s+integers?|natural\s+numbers?|natural", "size"),
    (r"positive\s+real(?:\s+numbers?|s)?|positive\s+numbers?|positive", "positive"),
    (r"negative\s+real(?:\s+numbers?|s)?|negative\s+numbers?|negative", "negative"),
    (r"non-?negative\s+real(?:\s+numbers?|s)?|non-?negative\s+numbers?|non-?negative",
     "nonnegative"),
    (r"non-?zero\s+real(?:\s+numbers?|s)?|non-?zero\s+numbers?|non-?zero", "nonzero"),
    (r"integers?|integer", "integer"),
    (r"real\s+numbers?|reals?|real", "real"),
)  # fmt: skip
_KOREAN_KINDS = (
    (r"양의\s*정수|자연수", "size"),
    (r"음이\s*아닌\s*실수", "nonnegative"),
    (r"양의\s*실수|양수", "positive"),
    (r"음의\s*실수|음수", "negative"),
    (r"정수", "integer"),
    (r"실수", "real"),
)
# sets written in the formula after \in
_SETS = (
    (r"\\mathbb\s*\{?\s*N\s*\}?(?:\s*_\s*\{?\s*(?:\+|>\s*0|\\ge\s*1)\s*\}?)?", "size"),
    (r"\\mathbb\s*\{?\s*Z\s*\}?", "integer"),
    (r"\\mathbb\s*\{?\s*R\s*\}?\s*_\s*\{\s*>\s*0\s*\}", "positive"),
    (r"\\mathbb\s*\{?\s*R\s*\}?\s*_\s*\{\s*(?:\\ge|\\geq|≥)\s*0\s*\}", "nonnegative"),
    (r"\\mathbb\s*\{?\s*R\s*\}?", "real"),
    (r"(?:\\left)?\(\s*0\s*,\s*1\s*(?:\\right)?\)", "probability"),
    (r"(?:\\left)?\(\s*0\s*,\s*\\infty\s*(?:\\right)?\)", "positive"),
    (r"(?:\\left)?\[\s*0\s*,\s*\\infty\s*(?:\\right)?\)", "nonnegative"),
    (r"(?:\\left)?\(\s*-\s*\\infty\s*,\s*0\s*(?:\\right)?\)", "negative"),
)
_NAME = r"(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]\}?)?"
_VARS = (r"\$\s*(?P<v1>" + _NAME + r")\s*\$(?:\s*(?:,\s*(?:and\s+)?|and\s+|과\s*|와\s*)\$\s*(?P<v2>"
         + _NAME + r")\s*\$)?")


def _alternatives(table) -> str:
    return "|".join(f"(?:{words})" for words, _ in table)


def _kind_of(words: str, table) -> str:
    for pattern, kind in table:
        if re.fullmatch(pattern, " ".join(words.split()), re.I):
            return kind
    return ""


_EN = _alternatives(_ENGLISH_KINDS)
_KO = _alternatives(_KOREAN_KINDS)
_SET = _alternatives(_SETS)
_END = r"\s*[.。]?\s*$"

# a statement: the whole sentence
STATEMENTS = (
    re.compile(r"^(?:Let|Suppose(?:\s+that)?|Assume(?:\s+that)?)\s+" + _VARS
               + r"\s+(?:be|is|are)\s+(?:an?\s+)?(?P<words>" + _EN + r")" + _END, re.I),
    re.compile(r"^(?:Let|Suppose(?:\s+that)?|Assume(?:\s+that)?)\s+\$\s*(?P<v1>" + _NAME
               + r")\s*\\in\s*(?P<set>" + _SET + r")\s*\$" + _END, re.I),
    re.compile(r"^" + _VARS + r"\s*(?:은|는|이|가)\s*(?P<kwords>" + _KO
               + r")\s*(?:이다|입니다|라고\s*하자|라\s*하자|이라고\s*하자|이라\s*하자)" + _END),
)  # fmt: skip
# a hypothesis: the clause before the claim, or after it up to the end of the sentence
HYPOTHESES = (
    re.compile(r"^(?:For|for)\s+(?:(?:every|all|any|each|an?)\s+)?(?P<words>" + _EN + r")\s+"
               + _VARS + r"\s*(?:,|:|$)", re.I),
    re.compile(r"^(?:If|When|Whenever)\s+" + _VARS + r"\s+(?:is|are)\s+(?:an?\s+)?(?P<words>"
               + _EN + r")\s*,(?:\s*then\b)?", re.I),
    re.compile(r"^(?:For|If|When)\s+\$\s*(?P<v1>" + _NAME + r")\s*\\in\s*(?P<set>" + _SET
               + r")\s*\$\s*,(?:\s*then\b)?", re.I),
    re.compile(r"^(?P<kwords>" + _KO + r")\s*" + _VARS + r"\s*(?:에\s*대하여|에\s*대해서?)\s*,?"),
    re.compile(r"^" + _VARS + r"\s*(?:가|이)\s*(?P<kwords>" + _KO
               + r")\s*(?:일\s*때|이면|인\s*경우(?:에)?)\s*,?"),
)  # fmt: skip
AFTER_CLAIM = re.compile(
    r"\s(?:whenever|when|if)\s+" + _VARS + r"\s+(?:is|are)\s+(?:an?\s+)?(?P<words>" + _EN
    + r")" + _END, re.I)  # fmt: skip

# every word that states a domain or a property of a variable (read or not)
PROPERTY_WORDS = re.compile(
    r"\b(?:positive|negative|non-?negative|non-?zero|integers?|natural|bounded|"
    r"symmetric|orthogonal|invertible|diagonal|even|odd|prime|rational)\b"
    r"|양수|음수|양의|음의|정수|자연수|대칭|직교|가역|대각|짝수|홀수|\\in\b|∈",
    re.I,
)  # fmt: skip


@dataclass(frozen=True)
class Sentence:
    """One sentence of the prose (code blanked), with the lines it spans."""

    text: str
    first: int
    last: int
    paragraph: int
    offset: int  # where it starts in the note


@dataclass(frozen=True)
class StatedDomain:
    """A domain the prose gives a name: ``name`` (LaTeX) has ``kind`` where it holds."""

    name: str
    kind: str
    words: str  # the sentence's words, for the report
    line: int
    sentence: int  # index of the sentence stating it
    hypothesis: bool  # True: its own sentence (and the display it runs into) only


@dataclass(frozen=True)
class StatedDomains:
    sentences: tuple[Sentence, ...] = ()
    domains: tuple[StatedDomain, ...] = ()
    read: frozenset = frozenset()  # indices of sentences read completely by a template
    ends: tuple = ()  # headings, for the sections
    firsts: tuple = ()  # the first line of each sentence (sorted), to find a line's sentences

    def for_chain(self, line: int, latex: str) -> tuple[StatedDomain, ...]:
        """The stated domains in force for the chain ``latex`` starting on ``line``."""
        own, before, runs_into = self.locate(line, latex)
        end_of = section_ends(self.ends)
        latest: dict = {}  # the most recent statement of a name wins
        for domain in self.domains:
            if domain.hypothesis:
                holds = domain.sentence in (own, runs_into)
            else:
                earlier = domain.sentence < own if own is not None else domain.sentence <= before
                holds = earlier and end_of(domain.line) == end_of(line)
            if holds and domain.kind == "reset":
                latest.pop(domain.name, None)
            elif holds:
                latest[domain.name] = domain
        return tuple(latest.values())

    def locate(self, line: int, latex: str) -> tuple[int | None, int, int]:
        """(the sentence holding the formula, or None for a display; the last sentence before
        it, or -1; the sentence a display continues — it does not end with a period — or -1)."""
        wanted = " ".join(latex.split())
        # sentences are in reading order: those starting on or before the line, newest first
        top = bisect.bisect_right(self.firsts, line) - 1
        for index in range(top, max(-1, top - SCAN_BACK), -1):
            sentence = self.sentences[index]
            if sentence.last >= line and wanted and wanted in sentence.text:
                return index, index - 1, -1
        before = -1
        for index in range(top, max(-1, top - SCAN_BACK), -1):
            sentence = self.sentences[index]
            if sentence.last < line or (sentence.last == line and sentence.first < line):
                before = index
                break
        runs_into = -1
        if before >= 0:
            sentence = self.sentences[before]
            if line - sentence.last <= 2 and not re.search(r"(?:[.。!?]|다)\s*$", sentence.text):
                runs_into = before
        return None, before, runs_into

    def nearby(self, line: int, latex: str) -> list[int]:
        """The claim's sentence and the one before it in its paragraph; for a display, the
        last two sentences of the paragraph just before it."""
        own, before, _ = self.locate(line, latex)
        last = own if own is not None else before
        if last < 0 or (own is None and line - self.sentences[last].last > 2):
            return []
        paragraph = self.sentences[last].paragraph
        return [i for i in (last - 1, last) if i >= 0 and self.sentences[i].paragraph == paragraph]


SCAN_BACK = 200  # sentences looked at before a line (a longer run of one-line sentences is rare)
DISPLAY_OPEN = re.compile(r"\$\$|\\\[|\\begin\{(\w+\*?)\}")
MAX_DISPLAY = 20_000  # characters searched for a display's end (an unclosed one costs this)


def _blank_displays(text: str) -> str:
    """Display math blanked (lines kept), its first character NUL (a paragraph break); a
    linear scan: each closer is searched with str.find within MAX_DISPLAY characters."""
    pieces = []
    position = 0
    for match in DISPLAY_OPEN.finditer(text):
        if match.start() < position:
            continue
        opener = match.group()
        closer = "$$" if opener == "$$" else "\\]" if opener == "\\[" else (
            "\\end{" + match.group(1) + "}")
        end = text.find(closer, match.end(), match.end() + MAX_DISPLAY)
        if end < 0:
            continue
        end += len(closer)
        pieces.append(text[position : match.start()])
        pieces.append("\x00" + re.sub(r"[^\n]", " ", text[match.start() + 1 : end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def sentences_of(text: str) -> list[Sentence]:
    """The prose's sentences (display math ends a paragraph; inline math stays in its
    sentence; a period inside ``$…$`` does not end one)."""
    found: list[Sentence] = []
    lines = _Lines(text)
    paragraph = 0
    # a display is blanked (lines kept) and ends the paragraph: NUL marks the break
    blanked = _blank_displays(text)
    offset = 0
    for chunk in re.split(r"(\n[ \t]*\n|\x00)", blanked):
        if re.fullmatch(r"\n[ \t]*\n|\x00", chunk):
            offset += len(chunk)
            paragraph += 1
            continue
        start = 0
        position = 0
        in_math = False
        while position <= len(chunk):
            if position == len(chunk):
                _add(found, chunk[start:], lines, offset + start, paragraph)
                break
            character = chunk[position]
            if character == "\\":
                position += 2
                continue
            if character == "$":
                in_math = not in_math
            elif not in_math and character in ".!?。" and (
                position + 1 == len(chunk) or chunk[position + 1] in " \t\n"
            ):
                _add(found, chunk[start : position + 1], lines, offset + start, paragraph)
                start = position + 1
            position += 1
        offset += len(chunk)
    return found


def _add(found: list, piece: str, lines: _Lines, offset: int, paragraph: int) -> None:
    stripped = piece.strip()
    if not stripped:
        return
    start = offset + len(piece) - len(piece.lstrip())
    first = lines.line_of(start)
    last = first + stripped.count("\n")
    found.append(Sentence(" ".join(stripped.split()), first, last, paragraph, start))


def read_stated(text: str, headings: list[int]) -> StatedDomains:
    """Every domain the prose states by a template, and which sentences were read whole."""
    sentences = sentences_of(text)
    domains: list[StatedDomain] = []
    read = set()
    for index, sentence in enumerate(sentences):
        clause = re.sub(r"^(?:[-*+>]|\d{1,3}[.)])\s+", "", sentence.text)  # list items, quotes
        found = _statement(clause, sentence, index) or _hypothesis(clause, sentence, index)
        if found:
            domains.extend(found)
            read.add(index)
            continue
        for name in _introduced(clause):  # "Now let $x$ be any real number.": a new x
            domains.append(StatedDomain(name, "reset", "", sentence.first, index, False))
    return StatedDomains(tuple(sentences), tuple(domains), frozenset(read), tuple(headings),
                         tuple(sentence.first for sentence in sentences))


INTRODUCED = re.compile(
    r"^(?:(?:Now|Here|Next|Then)\s*,?\s+)?(?:let|suppose|assume|consider|take)\b[^.]*?\$\s*("
    + _NAME + r")\s*(?:\$|=|\\in)", re.I)


def _introduced(clause: str) -> list[str]:
    """A name a sentence introduces again (``Now let $x$ be any real number``), which ends the
    domain stated for it before."""
    match = INTRODUCED.match(clause)
    return [match.group(1)] if match else []


def _kind(match: re.Match) -> str:
    groups = match.groupdict()
    if groups.get("words"):
        return _kind_of(groups["words"], _ENGLISH_KINDS)
    if groups.get("kwords"):
        return _kind_of(groups["kwords"], _KOREAN_KINDS)
    if groups.get("set"):
        return _kind_of(groups["set"], _SETS)
    return ""


def _domains(match, sentence, index, hypothesis) -> list[StatedDomain]:
    kind = _kind(match)
    names = [name for name in (match.group("v1"), match.groupdict().get("v2")) if name]
    if not kind or not names:
        return []
    return [StatedDomain(name, kind, match.group().strip(), sentence.first, index, hypothesis)
            for name in dict.fromkeys(names)]  # fmt: skip


def _statement(clause: str, sentence: Sentence, index: int) -> list[StatedDomain]:
    for pattern in STATEMENTS:
        match = pattern.match(clause)
        if match:
            return _domains(match, sentence, index, False)
    return []


def _hypothesis(clause: str, sentence: Sentence, index: int) -> list[StatedDomain]:
    """A hypothesis clause, followed by the claim and nothing but the end of the sentence
    (``For positive $x$, $\\sqrt{x^2} = x$.``), or a claim followed by one."""
    for pattern in HYPOTHESES:
        match = pattern.match(clause)
        if match and _only_claim(clause[match.end() :]):
            return _domains(match, sentence, index, True)
    match = AFTER_CLAIM.search(clause)
    if match and _only_claim(clause[: match.start()]):
        return _domains(match, sentence, index, True)
    return []


ONLY_CLAIM = re.compile(
    r"^\s*(?:(?:we\s+have|it\s+holds\s+that|then|그러면|다음이\s*성립한다\s*:?)\s*)?"
    r"(?:\$[^$]+\$\s*)?(?:이다|입니다|이\s*성립한다|가\s*성립한다)?\s*[.。:,]?\s*$",
    re.I,
)


def _only_claim(rest: str) -> bool:
    """The rest of the sentence is the claim alone (or nothing: a display follows)."""
    return bool(ONLY_CLAIM.match(rest))


def unread_property(stated: StatedDomains, line: int, latex: str, names: set[str]) -> str:
    """Words near the claim stating a domain or property of one of its variables that no
    template read: the words, quoted (the refutation is then undecided), or ''."""
    for index in stated.nearby(line, latex):
        sentence = stated.sentences[index]
        if index in stated.read:
            continue
        prose = re.sub(r"\$[^$]*\$", _math_words, sentence.text)
        words = PROPERTY_WORDS.search(prose)
        if not words or _denies_symmetry(prose):
            continue
        mentioned = _mentioned(sentence.text, names)
        if mentioned:
            return (f"the note states a property of {mentioned} in words that was not read "
                    f"(line {sentence.first}: '{_excerpt(sentence.text, words.group())}')")
    return ""


SYMMETRY_DENIED = negation(("asymmetric", "nonsymmetric", "unsymmetric", "need not"))  # grammar/negation.py: 아닙니다 too
CONDITIONAL = re.compile(r"\b(?:only|if|when|unless|were|plus|part)\b", re.I)


def _denies_symmetry(prose: str) -> bool:
    """The sentence's only property is symmetry, and it denies it (``not necessarily
    symmetric``, ``but not here``, 대칭 행렬이 아니다): every check instantiates a general —
    not symmetric — matrix, which is what the note says; the refutation stands."""
    found = {word.group().lower() for word in PROPERTY_WORDS.finditer(prose)}
    return (
        found <= {"symmetric", "대칭"} and bool(SYMMETRY_DENIED.search(prose))
        and not CONDITIONAL.search(prose)
    )  # fmt: skip


def _math_words(match: re.Match) -> str:
    """Inside math only ``\\in`` and ``∈`` speak of a domain — not ``\\in \\mathbb{R}^n``, a
    shape (read as one), nor ``\\in \\mathbb{R}``, the reals every check samples."""
    math = REAL_SPACE.sub(" ", match.group())
    return " \\in " if re.search(r"\\in(?![A-Za-z])|∈", math) else " "


REAL_SPACE = re.compile(r"(?:\\in|∈)\s*\\mathbb\s*\{?\s*R\s*\}?(?!\s*_)"
                        r"(?:\s*\^\s*(?:\{[^{}]*\}|\w))?"
                        r"(?=\s*(?:,|\$|$|\\text|\\quad))")


def _mentioned(text: str, names: set[str]) -> str:
    for math in re.findall(r"\$([^$]+)\$", text):
        for name in sorted(names):
            bare = name.lstrip("\\")
            if re.search(r"(?<![A-Za-z])\\?" + re.escape(bare) + r"(?![A-Za-z])", math):
                return name
    return ""


def _excerpt(text: str, word: str) -> str:
    position = text.find(word)
    start = max(0, position - 40)
    if start:
        start = text.find(" ", start) + 1 or start  # from a word's start
    return text[start : position + len(word) + 40].strip()


def stated_symbols(context, line: int, latex: str) -> dict:
    """symbol → Domain for the stated domains in force at the chain (what a directive would
    give; a directive's own domain for the name wins). Real says nothing new."""
    stated = getattr(context, "stated", None)
    if stated is None:
        return {}
    found = {}
    for domain in stated.for_chain(line, latex):
        if domain.kind == "real":
            continue
        try:
            symbol = parse(domain.name, context.latex, "<prose>", domain.line)
        except ParseError:
            continue
        if not isinstance(symbol, sp.Symbol) or symbol in context.domains:
            continue
        found[symbol] = getattr(domain, "domain", None) or Domain(domain.kind)  # inequalities.py
        found.setdefault(sp.IndexedBase(symbol.name), found[symbol])
    return found


def stated_used(context, line: int, latex: str, names: set[str]) -> tuple[str, ...]:
    """The report's 'used' line for the stated domains of the step's names."""
    stated = getattr(context, "stated", None)
    if stated is None:
        return ()
    return tuple(
        f"{domain.name} {KIND_WORDS.get(domain.kind, domain.kind)} (stated in the prose, "
        f"line {domain.line}: '{domain.words}')"
        for domain in stated.for_chain(line, latex)
        if domain.kind != "real" and domain.name in names
    )  # fmt: skip


KIND_WORDS = {"size": "a positive integer", "probability": "in (0, 1)"}


# -- a matrix property stated affirmatively (C17) -----------------------------------------------
_MATHS = r"\$[^$]{1,60}\$(?:\s*(?:,\s*(?:and\s+)?|and\s+|과\s*|와\s*)\$[^$]{1,60}\$)*"
_CLAIM_AFTER = r"(?:\s*,\s*(?:then\s+)?(?:\$[^$]+\$\s*)?)?\s*[.;:]?\s*$"
AFFIRMED = (
    re.compile(r"^(?:(?:Let|Suppose(?:\s+that)?|Assume(?:\s+that)?|Here|Now|Throughout)\s*,?\s+)?"
               r"(?:the\s+matri(?:x|ces)\s+)?" + _MATHS + r"\s+(?:be|is|are)\s+(?:an?\s+)?"
               r"(?:(?:real|square|\$[^$]{1,20}\$)\s+)*(?P<word>symmetric)"
               r"(?:\s+(?:\$[^$]{1,20}\$\s+)?matri(?:x|ces))?" + _CLAIM_AFTER, re.I),
    re.compile(r"^(?:(?:Let|Suppose|Assume|Consider|Take|Given|For)\s+(?:that\s+)?)?"
               r"(?:(?:a|an|the|any|every)\s+)?(?:(?:real|square|\$[^$]{1,20}\$)\s+)*"
               r"(?P<word>symmetric)\s+(?:\$[^$]{1,20}\$\s+)?matri(?:x|ces)\s+" + _MATHS
               + r"(?:\s+be\s+given)?" + _CLAIM_AFTER, re.I),
    re.compile(r"^(?:If|When)\s+" + _MATHS + r"\s+(?:is|are)\s+(?:an?\s+)?(?P<word>symmetric)"
               r"(?:\s+matri(?:x|ces))?\s*,\s*(?:then\s+)?(?:\$[^$]+\$\s*)?[.;:]?\s*$", re.I),
    re.compile(r"^" + _MATHS + r"\s*(?:은|는|이|가)\s*(?:(?:실|정사각)\s*)?(?P<word>대칭)\s*(?:행렬)?"
               r"\s*(?:이다|입니다|이라고\s*하자|이라\s*하자|이라고\s*가정하자|이고|이며)?\s*[.,]?\s*$"),
    re.compile(r"^" + _MATHS + r"\s*(?:이|가)\s*(?P<word>대칭)\s*(?:행렬)?\s*(?:일\s*때|이면|인\s*경우)"
               r"\s*,?\s*(?:\$[^$]+\$\s*(?:이다|입니다)?)?\s*[.]?\s*$"),
    re.compile(r"^(?P<word>대칭)\s*행렬\s*" + _MATHS + r"\s*(?:을|를)\s*(?:생각하자|생각합니다|고려하자)"
               r"\s*[.]?\s*$"),
)  # fmt: skip


def affirmed_properties(text: str, properties: list) -> list:
    """The matrix properties found in words (symderive.grammar.matrices.stated_properties),
    keeping *symmetric* only where its sentence states it affirmatively and nothing else:
    ``$\\mathbf{A}$ is symmetric in the previous section but not here`` or ``… 대칭이라면
    좋겠지만 그렇지 않다`` instantiate nothing (the check then treats A as a general matrix)."""
    if not any(word in ("symmetric", "대칭") for _, word, _ in properties):
        return properties
    sentences = sentences_of(text)
    kept = []
    for name, word, line in properties:
        if word not in ("symmetric", "대칭") or any(
            sentence.first <= line <= sentence.last and _affirms(sentence.text, name)
            for sentence in sentences
        ):  # fmt: skip
            kept.append((name, word, line))
    return kept


def _affirms(sentence: str, name: str) -> bool:
    clause = re.sub(r"^(?:[-*+>]|\d{1,3}[.)])\s+", "", sentence)
    for pattern in AFFIRMED:
        match = pattern.match(clause)
        if match and any(
            _same_name(math, name) for math in re.findall(r"\$([^$]+)\$", clause[: match.end()])
        ):
            return True
    return False


def _same_name(math: str, name: str) -> bool:
    spelled = re.sub(r"\\(?:boldsymbol|bm)\{", r"\\mathbf{", re.sub(r"\s+", "", math))
    return spelled == re.sub(r"\s+", "", name)


def quantified(
    context, line: int, latex: str, names: set[str], statements: bool = False
) -> bool:
    """A hypothesis read for one of the claim's variables (``For every positive integer $n$,
    …``): the claim is stated for every value in that domain, not an equation to solve. With
    ``statements``, a statement (``Let $n$ be a positive integer.``) counts too."""
    stated = getattr(context, "stated", None)
    return stated is not None and any(
        (domain.hypothesis or statements) and domain.kind != "real" and domain.name in names
        for domain in stated.for_chain(line, latex)
    )


LEAD_CONDITION = ("introduced as a supposition", "introduced by 'if'/'when': a condition")


def consequent(item, stated: StatedDomains):
    """A formula read as a condition only because the words before it end in *if/when* (이면,
    일 때), inside a sentence a hypothesis template read whole (``$x$가 양수이면 $\\sqrt{x^2} =
    x$ 이다``, ``If $x$ is positive, then $…$``): the hypothesis is the words; the formula is
    the claim it governs."""
    from dataclasses import replace as replaced

    from symderive.notes.roles import Reading, Role

    if item.reading.role is not Role.CONDITION or item.reading.why not in LEAD_CONDITION:
        return item
    own, _, runs_into = stated.locate(item.chain.line, item.chain.latex)
    sentence = own if own is not None else runs_into  # a display the sentence runs into
    if sentence < 0 or sentence not in stated.read or not any(
        domain.hypothesis and domain.sentence == sentence for domain in stated.domains
    ):
        return item
    return replaced(item, reading=Reading(Role.CLAIM, why="the claim of a hypothesis in words"))
