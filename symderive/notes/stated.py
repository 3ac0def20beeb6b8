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
sentence to the end of its section, or until a later sentence or clause **lifts** it (a
generalising word or another domain said of the name: ``From here on, $x$ may be any real
number.``, ``We now allow negative $x$``, ``이제 $x$를 임의의 실수라고 하자.``, ``… but for
arbitrary real $x$ …``; :class:`Lift`) — the same lift ends a matrix property stated in words
(``Now let $\mathbf{A}$ be any square matrix.``); a *hypothesis* (``For positive $x$, …``, ``If $x$ is
positive, then …``, ``… whenever $x$ is positive.``) holds for the formulas of its own sentence,
and for a display the sentence runs into (``For every positive integer $n$,`` then ``$$…$$``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cached_property
from fractions import Fraction

import sympy as sp

from symderive.errors import ParseError
from symderive.grammar.matrices import PROPERTY
from symderive.grammar.negation import CONTRAST, NEGATED_OR_CONTRASTED, SUPPOSITION, negation
from symderive.model import Domain
from symderive.notes.context import parse
from symderive.notes.sections import (
    FOREVER, HEADING_BREAK, SCOPE_OPENER, as_sections, blank_headings, without_item_mark,
)
from symderive.notes.extract import ENVIRONMENTS, INNER_ENVIRONMENTS, LineIndex
from symderive.notes.lifted import ABOUT_FORMULA, GENERAL_WORDS
from symderive.notes.scope_words import (
    CONDITION_IN_WORDS, OTHER_CASE, side_named, without_case_lead,
)

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
    # (round 15 F30: "Now let $x$ be negative.", "From now on, suppose $x$ is positive.")
    re.compile(r"^(?:(?:Now|Next|Henceforth|From\s+now\s+on)\s*,?\s+)?(?:Let|Suppose(?:\s+that)?|"
               r"Assume(?:\s+that)?)\s+(?:now\s+)?" + _VARS
               + r"\s+(?:be|is|are)\s+(?:an?\s+)?(?P<words>" + _EN + r")" + _END, re.I),
    re.compile(r"^(?:Let|Suppose(?:\s+that)?|Assume(?:\s+that)?)\s+\$\s*(?P<v1>" + _NAME
               + r")\s*\\in\s*(?P<set>" + _SET + r")\s*\$" + _END, re.I),
    re.compile(r"^(?:(?:이제|지금부터|다음으로|이번에는)\s*)?" + _VARS + r"\s*(?:은|는|이|가)\s*(?P<kwords>"
               + _KO + r")\s*(?:이다|입니다|라고\s*하자|라\s*하자|이라고\s*하자|이라\s*하자)" + _END),
)  # fmt: skip
# a hypothesis: the clause before the claim, or after it up to the end of the sentence
HYPOTHESES = (
    re.compile(r"^(?:For|for)\s+(?:(?:every|all|any|each|an?)\s+)?(?P<words>" + _EN + r")\s+"
               + _VARS + r"\s*(?:,|:|$)", re.I),
    # round 15 F30: "Next consider a negative $y$:", "Now take a positive $x$:"
    re.compile(r"^(?:(?:Now|Next|Then)\s*,?\s+)?(?:consider|take)\s+(?:an?|any)\s+(?P<words>" + _EN
               + r")\s+" + _VARS + r"\s*(?:,|:|$)", re.I),
    re.compile(r"^(?:If|When|Whenever)\s+" + _VARS + r"\s+(?:is|are)\s+(?:an?\s+)?(?P<words>"
               + _EN + r")\s*,(?:\s*then\b)?", re.I),
    re.compile(r"^(?:For|If|When)\s+\$\s*(?P<v1>" + _NAME + r")\s*\\in\s*(?P<set>" + _SET
               + r")\s*\$\s*,(?:\s*then\b)?", re.I),
    re.compile(r"^(?:(?:모든|임의의|각)\s*)?(?P<kwords>" + _KO + r")\s*" + _VARS
               + r"\s*(?:에\s*대하여|에\s*대해서?)\s*,?"),
    re.compile(r"^" + _VARS + r"\s*(?:가|이)\s*(?P<kwords>" + _KO
               + r")\s*(?:일\s*때(?:는|도)?|이면|인\s*경우(?:에)?(?:는|도)?)\s*,?"),
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


# the words of the lift that ends a condition stated after a display (notes/after_display.py)
AFTER_LIFT = "the condition stated after a display holds for that display only"

@dataclass(frozen=True)
class Sentence:
    """One sentence of the prose (code blanked), with the lines it spans."""

    text: str
    first: int
    last: int
    paragraph: int
    offset: int  # where it starts in the note
    after_display: int = 0  # 1: the first sentence right after a display (its paragraph);
    # 2: the first sentence of the paragraph after a display, past a blank line (after_display.py)
    into_display: bool = False  # a display follows it (at most a blank line between)
    length: int = 0  # its characters in the note


@dataclass(frozen=True)
class StatedDomain:
    """A domain the prose gives a name: ``name`` (LaTeX) has ``kind`` where it holds."""

    name: str
    kind: str
    words: str  # the sentence's words, for the report
    line: int
    sentence: int  # index of the sentence stating it
    hypothesis: bool  # True: its own sentence (and the display it runs into) only
    quantifies: bool = False  # the claim before it is stated for every value ("… for every
    # integer $n$." after a display: symderive.notes.after_display), as a hypothesis says
    binds: bool = False  # a quantifier opening its sentence ("For every real $x \ge 0$,"): when
    # the sentence runs into a display it binds the letter there and after, to the next
    # sentence saying anything of the letter or the end of the section (review round 9b L8)


@dataclass(frozen=True)
class Lift:
    """A later sentence or clause that makes ``name`` general again (``From here on, $x$ may be
    any real number.``, ``We now allow negative $x$ as well.``, ``이제 $x$를 임의의 실수라고
    하자.``, ``… but for arbitrary real $x$ …``, ``Now let $\\mathbf{A}$ be any square
    matrix.``): from the start of its clause on, no domain or matrix property stated for the
    name before holds."""

    name: str  # as _key spells it (spaces removed, \\boldsymbol{A} as \\mathbf{A})
    sentence: int
    at: int  # where its clause starts in the sentence's text
    line: int
    words: str  # its clause, for the report
    clear: bool  # a plain "from now on, let x be any real": a refutation after it stands
    general: bool = True  # a generalising word (any, arbitrary, allow, 임의의…) or a new "let"
    kinds: frozenset = frozenset()  # the domains its clause names (positive, real, …)
    properties: frozenset = frozenset()  # the matrix properties its clause names
    local: bool = False  # it quantifies an inline formula of its sentence ("$F$ holds for every
    # real $x$"): it lifts for the formulas of that sentence only (review round 9b L11)

    def lifts(self, domain: "StatedDomain") -> bool:
        """Whether it ends ``domain``: a generalising word does; naming a domain does unless it
        only names the same one again (``Since $x$ is positive, …``)."""
        return self.general or not self.kinds <= {domain.kind}

    def ends(self, found: "MatrixProperty") -> bool:
        """Whether it ends a matrix property: the same rule (``Since $A$ is symmetric`` does
        not; ``Now $A$ is orthogonal`` does)."""
        return self.general or not self.properties <= {found.word}


@dataclass(frozen=True)
class MatrixProperty:
    """A property the prose gives a matrix (symmetric, orthogonal, …), where it is stated."""

    name: str  # as the grammar spells it
    word: str
    line: int
    sentence: int


@dataclass(frozen=True)
class InForce:
    """What the prose states for one chain: the domains and matrix properties in force, and
    those a later sentence lifted (each with the lift) before the chain."""

    domains: tuple = ()  # StatedDomain
    properties: tuple = ()  # MatrixProperty
    lifted: tuple = ()  # (StatedDomain | MatrixProperty, Lift)
    quantifiers: tuple = ()  # the quantifiers in force (StatedDomain.binds), "real" ones too

    def supersedes(self, name: str, sentence: int = -1, line: int = 0) -> bool:
        """Whether a quantifier in force for ``name`` was stated after ``sentence`` (or after
        ``line``): it binds the letter anew ("For every real $x$," after "For every real $x
        ≥ 1$,"), so what was said of the letter before does not hold at the chain."""
        key = name_key(name).lstrip("\\")
        return any(
            name_key(record.name).lstrip("\\") == key
            and (record.sentence > sentence if line <= 0 else record.line > line)
            for record in self.quantifiers
        )  # fmt: skip


@dataclass(frozen=True)
class StatedDomains:
    sentences: tuple[Sentence, ...] = ()
    domains: tuple[StatedDomain, ...] = ()
    read: frozenset = frozenset()  # indices of sentences read completely by a template
    ends: tuple = ()  # headings, for the sections
    firsts: tuple = ()  # the first line of each sentence (sorted), to find a line's sentences
    lifts: tuple[Lift, ...] = ()
    properties: tuple[MatrixProperty, ...] = ()
    displayed: tuple = ()  # (line, name key, Domain or None, latex): a display of bounds
    # (``$$x \le -1.$$``): another condition on its letter (round 11 H5)
    rebound: tuple = ()  # (line, chain latex, plain name, words, clear): the chain's own
    # \forall x \in \mathbb{R} widens x, a domain stated before does not hold (round 14a F7)

    def with_rebound(self, rebound) -> "StatedDomains":
        """These domains with the letters each chain quantifies over every real number itself
        (line, chain latex, plain name, the words): no domain stated before holds for it."""
        return replace(self, rebound=tuple(rebound))

    def rebound_at(self, line: int, latex: str) -> set:
        """The names (as written, and plain) the chain quantifies over every real itself: what
        the prose said of them before does not bound its counterexamples (round 14a F7)."""
        chain = " ".join((latex or "").split())
        plain = {name for at, written, name, _, clear in self.rebound
                 if at == line and written == chain and clear}
        return plain | {re.sub(r"_(\w+)", r"_{\1}", name) for name in plain}

    def with_displayed(self, bounds) -> "StatedDomains":
        """These domains with the displays of bounds (line, name key, Domain or None, latex)."""
        return replace(self, displayed=tuple(bounds))

    def stating(self, added, ends=(), read=None) -> "StatedDomains":
        """These domains with the records ``added`` (read by another reader: inequalities,
        declarations) in reading order. A sentence that states a name's domain does not also
        lift it; ``ends`` are lifts the other reader found (in reading order with the rest)."""
        domains = sorted((*self.domains, *added), key=lambda domain: domain.sentence)
        stating = {(record.sentence, name_key(record.name)) for record in added}
        lifts = [lift for lift in self.lifts if (lift.sentence, lift.name) not in stating]
        lifts = sorted((*lifts, *ends), key=lambda lift: (lift.sentence, lift.at))
        return replace(self, domains=tuple(domains), lifts=tuple(lifts),
                       read=self.read if read is None else frozenset(read))

    def for_chain(self, line: int, latex: str, lead: str = "") -> tuple[StatedDomain, ...]:
        """The stated domains in force for the chain ``latex`` starting on ``line`` (``lead``:
        the words before it on its line, which tell two equal formulas of a sentence apart)."""
        return self.in_force(line, latex, lead).domains

    def in_force(self, line: int, latex: str, lead: str = "") -> InForce:
        """The domains and matrix properties in force at the chain, and those lifted before it
        (one mechanism for both: the statements and lifts in reading order)."""
        own, before, runs_into = self.locate(line, latex)
        at = self.position(own, latex, lead) if own is not None else 0
        sections = as_sections(self.ends)

        def lifts_here(lift: Lift) -> bool:  # a lift before the chain, in its section
            if not sections.reaches(lift.line, line):
                return False
            if lift.local:
                return lift.sentence == own
            if own is None:
                return lift.sentence <= before
            return lift.sentence < own or (lift.sentence == own and lift.at <= at)

        events = []  # (sentence, place in it, order, what)
        last = own if own is not None else before  # the last sentence before the chain's place
        binding: dict = {}  # name → the last quantifier that may bind it here
        ended: dict = {}  # name → the last other hypothesis on it before the chain
        for domain in self.domains:
            earlier = domain.sentence < own if own is not None else domain.sentence <= before
            if domain.hypothesis:
                holds = domain.sentence in (own, runs_into)
                if not holds and earlier and sections.reaches(domain.line, line):
                    key = name_key(domain.name)
                    if domain.binds and domain.sentence in self._runs_on:
                        binding[key] = domain  # (in reading order: a later one replaces it)
                    else:  # another hypothesis on the letter ends a quantifier's binding
                        ended[key] = domain.sentence
                    continue
            else:
                holds = earlier and sections.covers(domain.line, line)  # after a display: later
            if holds:
                events.append((domain.sentence, -1, len(events), domain))
        events.extend((domain.sentence, -1, len(events) + k, domain)
                      for k, domain in enumerate(binding.values()))
        events.extend((sentence, -1, len(events) + k, _End(key))
                      for k, (key, sentence) in enumerate(ended.items()) if key in binding)
        if binding:
            first = min(domain.sentence for domain in binding.values())
            # (after the sentence's lifts: a lift records what it ended, for its reason)
            events.extend((index, FOREVER, len(events) + k, _End(key)) for k, (index, key) in enumerate(
                self._unread_mentions(first, last, line, sections,
                                      latex if own is not None else "")) if key in binding
                          or key == EVERY_NAME)
        for lift in self.lifts:
            if lifts_here(lift):
                events.append((lift.sentence, lift.at, len(events), lift))
        for index, where in self._other_cases(last, line, sections):
            if index != own or where < at:  # (in the claim's sentence: the words before it)
                events.append((index, where, len(events), self._case_lift(index)))
        following = before + 1  # "$$\sqrt{y^2} = -y$$ otherwise.": the words after a display
        if own is None and following < len(self.sentences) and self._continues(following) and (
                following not in self.read and following in dict(self._cases)) and (
                following not in self._sides  # "In the negative case," opens the next display's
                or re.match(r"^\(?[a-z]", self.sentences[following].text)):  # case, not this
            events.append((following, -1, len(events), self._case_lift(following)))
        for shown_line, key, shown, shown_latex in self.displayed:
            if shown_line < line and sections.reaches(shown_line, line):
                index = bisect.bisect_right(self.firsts, shown_line) - 1
                events.append((index, FOREVER - 1, len(events), _Shown(
                    key, shown, Lift(key, index, FOREVER - 1, shown_line, f"$${shown_latex}$$",
                                     False, kinds=frozenset({ANOTHER_CASE})))))
        latest: dict = {}  # the most recent statement of a name wins
        lifted: dict = {}
        for index, _, _, event in sorted(events, key=lambda e: e[:3]):
            if isinstance(event, _Shown):  # a display bounds the letter anew (unless restated)
                found = latest.get(event.name)
                if found is not None and found.sentence <= index and (
                        getattr(found, "domain", None) or Domain(found.kind)) != event.domain:
                    latest.pop(event.name)
                    if found.kind != "real":
                        lifted[event.name] = (found, event.lift)
                continue
            if isinstance(event, Lift) and event.name == EVERY_NAME:  # another case: all end
                for key in [k for k, d in latest.items() if d.sentence < index]:
                    domain = latest.pop(key)
                    if domain.kind != "real":
                        lifted[key] = (domain, replace(event, name=key))
                continue
            if isinstance(event, _End) and event.name == EVERY_NAME:
                for key in [k for k, d in latest.items() if d.binds and d.sentence not in (
                        own, runs_into)]:
                    latest.pop(key)
                continue
            if isinstance(event, _End):
                if event.name in latest and latest[event.name].binds and (
                        latest[event.name].sentence not in (own, runs_into)):
                    latest.pop(event.name)
                continue
            if isinstance(event, Lift):
                if event.name in latest and event.lifts(latest[event.name]):
                    domain = latest.pop(event.name)
                    if domain.kind != "real":
                        lifted[event.name] = (domain, event)
                continue
            key = name_key(event.name)
            latest[key] = event
            lifted.pop(key, None)
        for rebound_line, rebound_latex, plain, words, clear in self.rebound:
            if rebound_line != line or rebound_latex != " ".join((latex or "").split()):
                continue
            for key in [k for k in latest if re.sub(r"[\\{}\s]", "", k) == plain]:
                domain = latest.pop(key)  # \forall x \in \mathbb{R} after "Let $x > 0$." (14a F7)
                if domain.kind != "real":
                    lifted[key] = (domain, Lift(key, own if own is not None else before, 0,
                                                line, words, clear, kinds=frozenset({"real"})))
        properties = []
        for found in self.properties:  # its section (a property stated later in it too)
            if not sections.covers(found.line, line):
                continue
            lift = next((lift for lift in reversed(self.lifts) if lift.name == name_key(
                found.name) and lift.ends(found) and lift.sentence > found.sentence
                and lifts_here(lift)), None)
            if lift is None:
                properties.append(found)
            else:
                lifted.setdefault(("property", found.name, found.word), (found, lift))
        return InForce(tuple(d for d in latest.values() if d.kind != "real"),
                       tuple(properties), tuple(lifted.values()),
                       tuple(d for d in latest.values() if d.binds))

    def _other_cases(self, last: int, line: int, sections) -> list[tuple[int, int]]:
        """(sentence, where its words start) for each sentence no template read, up to
        ``last``, in the chain's section, that opens another case (*For negative inputs, on the
        other hand,*, *Otherwise,*, 반면: :func:`symderive.notes.scope_words.other_case`)."""
        return [(index, where) for index, where in self._cases
                if index <= last and index not in self.read
                and sections.reaches(self.sentences[index].first, line)]

    @cached_property
    def _cases(self) -> tuple:
        found = []
        for index, sentence in enumerate(self.sentences):
            words = _masked(sentence.text)
            match = OTHER_CASE.search(words) or CONDITION_IN_WORDS.search(words)
            if match:
                found.append((index, match.start()))
            elif (side := side_named(sentence.text)) >= 0:  # "In the negative case," (12a F5)
                found.append((index, side))
        return tuple(found)

    @cached_property
    def _sides(self) -> frozenset:
        """The sentences of :attr:`_cases` found by a sign, side or case word alone (12a F5)."""
        return frozenset(index for index, sentence in enumerate(self.sentences)
                         if index in dict(self._cases) and not (
                             OTHER_CASE.search(_masked(sentence.text))
                             or CONDITION_IN_WORDS.search(_masked(sentence.text))))

    def _continues(self, index: int) -> bool:
        """Whether sentence ``index`` goes on from the display before it (its paragraph, or
        the next one opening in lower case): what it says speaks of that display too."""
        sentence = self.sentences[index]
        return sentence.after_display == 1 or (
            sentence.after_display == 2 and re.match(r"^\(?[a-z]", sentence.text) is not None)

    def _case_lift(self, index: int) -> Lift:
        sentence = self.sentences[index]
        return Lift(EVERY_NAME, index, 0, sentence.first, " ".join(sentence.text.split()),
                    False, kinds=frozenset({ANOTHER_CASE}))

    @cached_property
    def _runs_on(self) -> frozenset:
        """The sentences that do not end with a period (``For every real $x ≥ 0$,``): a
        quantifier there runs into a display and binds its letter after it."""
        return frozenset(index for index, sentence in enumerate(self.sentences)
                         if not re.search(r"[.。!?]\s*$", sentence.text))

    def _unread_mentions(self, first: int, last: int, line: int, sections, claim: str = ""
                         ) -> list[tuple[int, str]]:
        """(sentence, name) for the sentences no template read, after the first binding
        quantifier (sentence ``first``) and up to ``last``, in the chain's section, that bound
        a name or give it a property (``Now suppose $x^2 < 4$.``): each ends a quantifier's binding of that name.
        ``claim``: the chain's own formula, in the last sentence (not a bound on its names)."""
        found = []
        mentions = self._mentions
        claim = " ".join(claim.split())
        for index in range(first + 1, last + 1):
            general, maths = mentions[index]
            if not (general or maths) or index in self.read or not sections.reaches(
                    self.sentences[index].first, line):
                continue
            if general:
                found.append((index, EVERY_NAME))  # "In general,": every binding ends
            found.extend((index, name) for math, names in maths
                         if not (index == last and claim and math == claim) for name in names)
        return found

    @cached_property
    def _mentions(self) -> tuple:
        """For each sentence: whether its words generalise (*In general*, *any*), and the
        formulas that bound a name or that its property words may speak of, with their names."""
        found = []
        for sentence in self.sentences:
            prose = re.sub(r"\$[^$]*\$", " ", sentence.text)
            general = bool(LIFT_WORDS.search(prose) or GENERAL_WORDS.search(prose))
            words = bool(PROPERTY_WORDS.search(prose))
            maths = tuple((" ".join(math.split()),
                           tuple(name_key(n) for n in FORMULA_NAME.findall(math)))
                          for math in re.findall(r"\$([^$]+)\$", sentence.text)
                          if words or BOUNDING.search(math))
            found.append((general, maths))
        return tuple(found)

    def position(self, own: int, latex: str, lead: str) -> int:
        """Where the formula stands in its sentence: the occurrence the words before it on its
        line (``lead``) point to; without them, the last (the later, the more lifts apply)."""
        text = self.sentences[own].text
        wanted = " ".join(latex.split())
        spots = [m.start() for m in re.finditer(re.escape(wanted), text)] or [0]
        lead = " ".join(lead.split())
        for spot in spots:
            before = text[:spot].rstrip().rstrip("$").rstrip()
            if lead and before and (lead.endswith(before) or before.endswith(lead)):
                return spot
        return spots[-1]

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
            if sentence.last < line or (sentence.last == line and (
                    sentence.first < line or sentence.into_display)):  # "For $x>0$, $$…$$"
                before = index  # (a display on the line of the words before it: 14a F9)
                break
        runs_into = -1
        if before >= 0:
            sentence = self.sentences[before]
            if (line - sentence.last <= 2 or sentence.into_display) and not re.search(
                    r"(?:[.。!?]|다)\s*$", sentence.text):  # (directives between: 51 AI05)
                runs_into = before
        return None, before, runs_into

    def nearby(self, line: int, latex: str) -> list[int]:
        """The claim's sentence and the one before it in its paragraph; for a display, the
        last two sentences of the paragraph just before it."""
        own, before, _ = self.locate(line, latex)
        last = own if own is not None else before
        if last < 0 or (own is None and line - self.sentences[last].last > 2
                        and not self.sentences[last].into_display):  # (directives between)
            return []
        paragraph = self.sentences[last].paragraph
        return [i for i in (last - 1, last) if i >= 0 and self.sentences[i].paragraph == paragraph]


@dataclass(frozen=True)
class _End:
    """An event ending a quantifier's binding of ``name`` (a later sentence speaks of it)."""

    name: str


EVERY_NAME = "*"  # an _End for every name
ANOTHER_CASE = "another case"  # the kind a Lift names when its words open another case


@dataclass(frozen=True)
class _Shown:
    r"""A display of bounds on ``name`` (``$$x \le -1.$$``): it ends the letter's domain stated
    before unless it states the same one (``domain``: None when not read)."""

    name: str
    domain: object
    lift: "Lift"

# a formula bounding its names (x^2 < 4, x \in A, x \ne 1)
BOUNDING = re.compile(r"[<>≤≥≠∈]|\\(?:[lg]eq?|[lg]t|neq?|in|leqslant|geqslant)(?![A-Za-z])")
SCAN_BACK = 200  # sentences looked at before a line (a longer run of one-line sentences is rare)
# only a math environment is a display: the prose of a theorem, proof, itemize or the document
# itself is prose (round 14a F11: "\begin{document} … \end{document}" was blanked whole)
DISPLAY_OPEN = re.compile(r"\$\$|\\\[|\\begin\{((?:" + "|".join(ENVIRONMENTS + INNER_ENVIRONMENTS)
                          + r")\*?)\}")
MAX_DISPLAY = 20_000  # characters searched for a display's end (an unclosed one costs this)


def _blank_displays(text: str) -> str:
    """Display math blanked (lines kept, filled with \\x1f), its first character NUL (a paragraph break); a
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
        # (filled with \x1f, whitespace to str.split, so that a display's lines are no blank
        # lines: the text right after it is told from a paragraph past a blank line)
        pieces.append("\x00" + re.sub(r"[^\n]", "\x1f", text[match.start() + 1 : end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def sentences_of(text: str) -> list[Sentence]:
    """The prose's sentences (display math ends a paragraph; inline math stays in its
    sentence; a period inside ``$…$`` does not end one)."""
    found: list[Sentence] = []
    lines = LineIndex(text)
    paragraph = 0
    # a display is blanked (lines kept) and ends the paragraph: NUL marks the break
    blanked = blank_headings(_blank_displays(text))  # a heading ends a paragraph too
    offset = 0
    after = 0  # what the next sentence follows: a display (1), a display and a blank line (2)
    for chunk in re.split(r"(\n[ \t]*\n|\x00|\x01)", blanked):
        if re.fullmatch(r"\n[ \t]*\n|\x00|\x01", chunk):
            offset += len(chunk)
            paragraph += 1
            after = 1 if chunk == "\x00" else (2 if after and chunk != HEADING_BREAK else 0)
            continue
        if not chunk.strip():
            offset += len(chunk)
            continue
        start = 0
        position = 0
        in_math = False
        while position <= len(chunk):
            if position == len(chunk):
                after = _add(found, chunk[start:], lines, offset + start, paragraph, after)
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
                after = _add(found, chunk[start : position + 1], lines, offset + start,
                             paragraph, after)
                start = position + 1
            position += 1
        offset += len(chunk)
    return [replace(sentence, into_display=True) if re.match(  # (directives between: blank)
        r"[ \t]*(?:\n[ \t]*){0,2}\x00", _without_comment_lines(
            blanked[sentence.offset + sentence.length:])) else sentence
        for sentence in found]


def _without_comment_lines(text: str) -> str:
    """``text`` without the HTML comments (directives) that open it on lines of their own:
    "If $A$ is symmetric, then:" runs into the display below its directives (round 51 AI05)."""
    return re.sub(r"^(?:[ \t]*\n)*(?:(?:[ \t]*<!--.*?-->[ \t]*|[ \t]{4,})\n(?:[ \t]*\n)*)+",
                  "\n", text, count=1, flags=re.S)  # (a comment blanked: a line of spaces)


def _add(found: list, piece: str, lines: LineIndex, offset: int, paragraph: int, after: int) -> int:
    """Adds the sentence; what the next one follows (nothing once a sentence was added)."""
    stripped = piece.strip()
    if not stripped:
        return after
    start = offset + len(piece) - len(piece.lstrip())
    first = lines.line_of(start)
    last = first + stripped.count("\n")
    found.append(Sentence(" ".join(stripped.split()), first, last, paragraph, start, after,
                          length=len(stripped)))
    return 0


def read_stated(text: str, headings: list[int], properties: list = ()) -> StatedDomains:
    """Every domain the prose states by a template, which sentences were read whole, the
    matrix ``properties`` (name, word, line) placed in their sentences, and every lift."""
    sentences = sentences_of(text)
    domains: list[StatedDomain] = []
    lifts: list[Lift] = []
    read = set()
    for index, sentence in enumerate(sentences):
        clause = without_item_mark(sentence.text)  # list items, quotes
        case = without_case_lead(clause)  # "On the other hand, for negative $y$," (round 11)
        found = (_statement(clause, sentence, index) or _hypothesis(case, sentence, index)
                 or _statement_and_definitions(clause, sentence, index))
        if found:
            domains.extend(found)
            read.add(index)
            continue
        lifts.extend(lifts_of(sentence, index))
    placed = tuple(MatrixProperty(name, word, line, _sentence_of(sentences, name, word, line))
                   for name, word, line in properties)
    read.update(found.sentence for found in placed  # "Let $A$ be symmetric.": read whole
                if found.sentence >= 0 and found.word in ("symmetric", "대칭")
                and _affirms(sentences[found.sentence].text, found.name))
    return StatedDomains(tuple(sentences), tuple(domains), frozenset(read), as_sections(headings),
                         tuple(sentence.first for sentence in sentences), tuple(lifts), placed)


def _sentence_of(sentences: list, name: str, word: str, line: int) -> int:
    """The sentence on ``line`` giving ``name`` the property ``word`` (the first one on the
    line naming both; else the first on the line)."""
    on_line = [i for i, s in enumerate(sentences) if s.first <= line <= s.last]
    for index in on_line:
        text = sentences[index].text
        stem = word.split()[0][:5].lower()
        if stem in text.lower() and any(name_key(math) == name_key(name) or name_key(name) in
                                        name_key(math) for math in re.findall(r"\$([^$]+)\$", text)):
            return index
    return on_line[0] if on_line else -1


def name_key(name: str) -> str:
    """A name as one spelling: spaces removed, ``\\boldsymbol{A}``/``\\bm{A}`` as
    ``\\mathbf{A}`` (how symderive.grammar.matrices keys the matrices)."""
    return re.sub(r"\\(?:boldsymbol|bm)\{", r"\\mathbf{", re.sub(r"\s+", "", name))


# -- lifts: a later sentence (or clause) that makes a name general again --------------------------
# a generalising word (on the clause without its formulas); a false alarm only withholds a domain
LIFT_WORDS = re.compile(
    r"\b(?:any|arbitrar(?:y|ily)|every|all|general(?:ly|ity|i[sz](?:e|es|ed|ing))?|whatever|"
    r"regardless|unrestricted|unconstrained|allow(?:s|ed|ing)?|permit(?:s|ted)?|no\s+longer|"
    r"drop(?:s|ped)?|relax(?:es|ed)?|lift(?:s|ed)?|remov(?:e|es|ed)|extend(?:s|ed)?|"
    r"either\s+sign|not\s+necessarily|need\s+not|"
    r"(?:may|can|could|might)\s+(?:also\s+|now\s+|then\s+)?(?:be\s+|take\s+|become\s+)?"
    r"(?:any|negative|positive|zero|non-?positive|non-?negative|real|complex|of\s+either)|"
    r"(?:negative|positive|zero|non-?positive)\b[^.;]{0,40}\b(?:as\s+well|too|also)|"
    r"(?:also|too)\s+(?:be\s+)?(?:negative|positive|zero))\b"
    r"|임의|모든|일반적|일반|제한\s*(?:이\s*|은\s*)?없|더\s*이상|어떤\s*실수|아무|상관\s*(?:이\s*)?없|"
    r"관계\s*(?:가\s*)?없|허용|음수도|양수도|0도|(?:음수|양수|실수|0)(?:일|이)\s*수\s*(?:도\s*)?있|"
    r"양수가\s*아니어도|아니어도",
    re.I,
)  # fmt: skip
# where a clause starts: ; , but , and , while , so , however … (하지만, 그러나, 지만, 이고, 이며)
CLAUSE_START = re.compile(
    r";|,\s*(?=(?:and|but|while|whereas|so|however|though|although|yet|then)\b)|"
    r"\b(?:but|however|whereas|while|although|though|yet)\b|하지만|그러나|반면|지만\s*,?|"
    r"이고\s*,?|이며\s*,?", re.I)
# a formula that names a name alone ($x$, $x, y$, $x \in \mathbb{R}$, $x > 0$): the clause's
# words speak of that name (in $x y^2 \ge 0$ they speak of the formula, not of x)
_BARE_NAME = r"(?:\\(?:mathbf|boldsymbol|bm|mathrm)\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]\}?)?"
BARE = re.compile(r"^\s*(" + _BARE_NAME + r"(?:\s*,\s*" + _BARE_NAME + r")*)\s*(?:(?:\\in\b|∈)"
                  r".*|(?:>|<|\\geq?|\\leq?|\\neq?|≥|≤)\s*-?[0-9.]+)?\s*$", re.S)
# a lift plain enough that a refutation after it stands: from now on / now / 이제 … any real,
# with no property word, negation, supposition or contrast in its clause
CLEAR_START = re.compile(
    r"^\s*(?:(?:now|from\s+(?:now|here)\s+on|henceforth|hereafter|from\s+this\s+point\s+on|"
    r"in\s+what\s+follows|in\s+the\s+rest\s+of\s+(?:this|the)\s+\w+|"
    r"이제부터|이제|지금부터|앞으로)\s*,?\s*)", re.I)


def lifts_of(sentence: Sentence, index: int) -> list[Lift]:
    """The lifts of a sentence no template read: in each clause, the names a generalising word
    (or a domain or property word) speaks of (``Now let $x$ be any real number``, ``for
    arbitrary real $x$``, ``$x$ may be negative``; not x in ``for any real $y$, $x y^2 \\ge
    0$``)."""
    text = sentence.text
    found = []
    starts = [0] + [m.end() for m in CLAUSE_START.finditer(_masked(text))]
    prose = re.sub(r"\$[^$]*\$", " ", text)
    plain = bool(  # the whole sentence a plain "from now on / now let … any real"
        (CLEAR_START.match(text) or INTRODUCED.match(text))
        and not PROPERTY_WORDS.search(prose) and not NOT_PLAIN.search(prose)
    )  # fmt: skip
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(text)
        clause = text[start:end]
        said: dict = {}  # name → [general, kinds, properties]
        local: dict = {}  # the same, said in a quantifier about an inline formula
        maths = [(m.start(), m.end(), m.group(1)) for m in re.finditer(r"\$([^$]+)\$", clause)]
        about = [m.span() for m in ABOUT_FORMULA.finditer(clause)]

        def say(names, general=False, kind="", prop="", at=-1):
            inside = any(first < at < last for first, last in about)
            for name in names:
                entry = (local if inside else said).setdefault(name, [False, set(), set()])
                entry[0] = entry[0] or general
                if kind:
                    entry[1].add(kind)
                if prop:
                    entry[2].add(prop)

        for _, _, math in maths:
            bare = BARE.match(math)
            if bare:  # a domain written in the formula: $x \in \mathbb{R}$, $x > 0$
                domain = re.search(r"(?:\\in\b|∈)\s*(.*)$", math)
                if domain:
                    say(_bare_names(bare), kind=_kind_of(domain.group(1).strip(), _SETS) or "other")
                elif re.search(r"[<>≤≥]|\\[gl]eq?\b|\\neq?\b", math):
                    say(_bare_names(bare), kind=_sign_kind(math))
        words = SUCH.sub(lambda m: " " * len(m.group()), _masked(clause))
        for match in LIFT_WORDS.finditer(words):
            say(_governed(maths, match), general=True, at=match.start())
        for match in KIND_WORD.finditer(words):
            say(_governed(maths, match), kind=_kind_of(match.group(), _ENGLISH_KINDS),
                at=match.start())
        for match in KOREAN_KIND_WORD.finditer(words):
            say(_governed(maths, match), kind=_kind_of(match.group(), _KOREAN_KINDS))
        for match in MATRIX_PROPERTY.finditer(words):
            say(_governed(maths, match), prop=" ".join(match.group("property").lower().split()))
        for match in NEGATED_PROPERTY.finditer(words):  # "take $B$ to be a non-symmetric matrix"
            say(_governed(maths, match), general=True)
        introduced = INTRODUCED.match(re.sub(r"^[\s,;]*(?:and|but|so|then)?\s*", "", clause))
        if introduced and number == 0:
            say([name_key(introduced.group(1))], general=True)
        words_shown = " ".join(clause.split())
        found.extend(Lift(name, index, start, sentence.first, words_shown, plain, general,
                          frozenset(kinds), frozenset(properties))
                     for name, (general, kinds, properties) in sorted(said.items()))  # fmt: skip
        found.extend(Lift(name, index, start, sentence.first, words_shown, plain, general,
                          frozenset(kinds), frozenset(properties), local=True)
                     for name, (general, kinds, properties) in sorted(local.items())
                     if name not in said)  # fmt: skip
    return found


NEAR = 40  # characters between a word and the name it speaks of ("any real $y$")
FORMULA_NAME = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|[A-Za-z]"
                          r"(?:_\{?[A-Za-z0-9]\}?)?")


def _bare_names(bare: re.Match) -> list[str]:
    return [name_key(n) for n in re.split(r"\s*,\s*", bare.group(1).strip())]


def _governed(maths: list, word: re.Match) -> list[str]:
    """The names a word speaks of: a name written alone just after it (``any real $y$``,
    ``allow negative $x$``); else the formula just before it (``$x$ may be any real``, ``$|x|
    = x$ for every real number``: every name in it)."""
    after = next(((s, e, m) for s, e, m in maths if s >= word.end()), None)
    if after is not None and after[0] - word.end() <= NEAR:
        bare = BARE.match(after[2])
        if bare:
            return _bare_names(bare)
    before = [(s, e, m) for s, e, m in maths if e <= word.start()]
    if not before:
        return []
    math = before[-1][2]
    bare = BARE.match(math)
    if bare:
        return _bare_names(bare)
    return [name_key(n) for n in FORMULA_NAME.findall(math)]


def _sign_kind(math: str) -> str:
    """``x > 0`` → positive, ``x \\ge 0`` → nonnegative, …; another bound → 'other'."""
    relation = re.search(r"(>|<|≥|≤|\\geq?|\\leq?|\\neq?)\s*(-?[0-9.]+)\s*$", math)
    if not relation or relation.group(2) not in ("0", "0.0"):
        return "other"
    return {">": "positive", "<": "negative", "≥": "nonnegative", "\\ge": "nonnegative",
            "\\geq": "nonnegative", "\\ne": "nonzero", "\\neq": "nonzero"}.get(
        relation.group(1), "other")  # fmt: skip


# "for all such $x$", "any such", 그러한/이러한: the domain stated before, not a general one
SUCH = re.compile(r"\b(?:any|every|all|each)\s+(?:of\s+)?(?:such|these|those)\b|"
                  r"모든\s*(?:그러한|이러한|그런|이런)", re.I)
MATRIX_PROPERTY = re.compile(PROPERTY, re.I)
# a matrix property denied (non-symmetric, not symmetric, no longer symmetric, 대칭이 아닌, 비대칭):
# the name is a general matrix again, whatever it was said to be before
_PROPERTY_WORD = PROPERTY.replace("(?P<property>", "(?:")
NEGATED_PROPERTY = re.compile(
    rf"\b(?:non-?|un-?|a(?=symmetric))\s*{_PROPERTY_WORD}|\b(?:not|no\s+longer|never|neither)\s+"
    rf"(?:(?:necessarily|assumed|required|taken|to\s+be|be|an?|the)\s+)*{_PROPERTY_WORD}|"
    rf"{_PROPERTY_WORD}\s*(?:행렬)?\s*(?:이|가)\s*(?:아닌|아니|아님)|비대칭|더\s*이상\s*{_PROPERTY_WORD}",
    re.I)
KIND_WORD = re.compile(r"\b(?:" + _EN + r")\b", re.I)
KOREAN_KIND_WORD = re.compile(_KO)


NOT_PLAIN = negation(SUPPOSITION, CONTRAST, ("such", "same", "previous*", "last", "earlier",
                                             "example", "only", "except*", "fail*", "false",
                                             "이전", "앞의", "예", "경우"))


def _masked(text: str) -> str:
    """The sentence with its formulas blanked (same length): clause marks inside them ignored."""
    return re.sub(r"\$[^$]*\$", lambda m: " " * len(m.group()), text)


INTRODUCED = re.compile(
    rf"^(?:(?:Now|Here|Next|Then|{SCOPE_OPENER})\s*,?\s+)?(?:let|suppose|assume|consider|take)\b"
    r"[^.]*?\$\s*("
    + _NAME + r")\s*(?:\$|=|\\in)", re.I)


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
    binds = hypothesis and QUANTIFIER.match(match.group()) is not None
    return [StatedDomain(name, kind, match.group().strip(), sentence.first, index, hypothesis,
                         binds=binds)
            for name in dict.fromkeys(names)]  # fmt: skip


# a hypothesis that is a quantifier: "For every real $x$,", "For $x > 0$," (not if / when)
QUANTIFIER = re.compile(r"^\s*for\s+(?!example\b|instance\b)"
                        r"|^[^.。]*?에\s*대(?:하여|해)", re.I)  # 모든 $x \ge 0$에 대해 (round 11)


def _statement(clause: str, sentence: Sentence, index: int) -> list[StatedDomain]:
    for pattern in STATEMENTS:
        match = pattern.match(clause)
        if match:
            return _domains(match, sentence, index, False)
    return []


# "…, and let $q = 1 - p$", "and $u = t + 1$": a definition of another name after a statement
DEFINITION_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:and\s+)?(?:let\s+)?\$\s*(?P<name>" + _NAME + r")\s*=\s*[^$=<>]+\$\s*", re.I)


def _statement_and_definitions(clause: str, sentence: Sentence, index: int) -> list:
    """A statement followed by definitions of other names and nothing else (``Let $p \\in
    (0, 1)$ and let $q = 1 - p$.``, ``Let $x$ be a positive number, and let $y = -x$.``): the
    statement's domain holds as if it stood alone (the definitions are read as formulas)."""
    text = clause.rstrip().rstrip(".。").rstrip()
    cut = len(text)
    defined = []
    while True:  # peel the definitions off the end
        match = next((m for m in DEFINITION_AFTER.finditer(text[:cut])
                      if m.end() == cut and m.start() > 0), None)
        if match is None:
            break
        defined.append(match.group("name"))
        cut = match.start()
    if not defined:
        return []
    found = _statement(text[:cut] + ".", sentence, index)
    if any(name_key(d.name) == name_key(other) for d in found for other in defined):
        return []  # "Let $x$ be positive and let $x = -1$": not one reading
    return found


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


def stated_symbols(context, line: int, latex: str, lead: str = "") -> dict:
    """symbol → Domain for the stated domains in force at the chain (what a directive would
    give; a directive's own domain for the name wins). Real says nothing new."""
    stated = getattr(context, "stated", None)
    if stated is None:
        return {}
    found = {}
    for domain in stated.for_chain(line, latex, lead):
        try:
            symbol = parse(domain.name, context.latex, "<prose>", domain.line)
        except ParseError:
            continue
        if not isinstance(symbol, sp.Symbol) or symbol in context.domains:
            continue
        found[symbol] = getattr(domain, "domain", None) or Domain(domain.kind)  # inequalities.py
        found.setdefault(sp.IndexedBase(symbol.name), found[symbol])
    return found


def stated_used(
    context, line: int, latex: str, names: set[str], lead: str = ""
) -> tuple[str, ...]:
    """The report's 'used' line for the stated domains of the step's names."""
    stated = getattr(context, "stated", None)
    if stated is None:
        return ()
    return tuple(
        f"{domain.name} {KIND_WORDS.get(domain.kind, domain.kind)} (stated in the prose, "
        f"line {domain.line}: '{domain.words}')"
        for domain in stated.for_chain(line, latex, lead)
        if domain.name in names
    )  # fmt: skip


KIND_WORDS = {"size": "a positive integer", "probability": "in (0, 1)"}


def properties_at(context, line: int, latex: str, lead: str = "") -> list:
    """The matrix properties (name, word, line) in force at the chain: those of its section
    that no later sentence lifted before it (``Now let $\\mathbf{A}$ be any square matrix``)."""
    stated = getattr(context, "stated", None)
    if stated is None:
        return []
    return [(p.name, p.word, p.line) for p in stated.in_force(line, latex, lead).properties]


def lifted_doubt(context, line: int, latex: str, lead: str, counterexample, matrices) -> str:
    """Why a refutation of the chain is not certain although no domain stated in words holds
    there ('' when it is): a domain or matrix property the note stated for a name of the
    counterexample was lifted by a sentence read with a word list only (``We now allow
    negative $x$``: the words may not mean it), or a display follows a sentence that stated
    its claim for a domain (``For every positive integer $n$, $…$.`` then the same claim
    displayed). A counterexample inside the stated domain refutes either way when the lifting
    words name no other domain (``for every real $x$`` widens it; ``for negative $x$`` may
    replace it)."""
    stated = getattr(context, "stated", None)
    if stated is None or counterexample is None:
        return ""
    force = stated.in_force(line, latex, lead)
    values = dict(counterexample.values)
    written = {name_key(m) for m in matrices}
    for what, lift in force.lifted:
        if lift.clear:
            continue
        where = (f"line {lift.line} ('{lift.words}') states another case, in words this reader "
                 "does not read as a domain" if ANOTHER_CASE in lift.kinds
                 else f"line {lift.line} ('{lift.words}') may lift it")
        if isinstance(what, MatrixProperty):
            if name_key(what.name) in written:
                return (f"the note says {what.name} is {what.word} (line {what.line}) and {where}; "
                        "which is meant is not read for certain")
            continue
        symbol = _symbol_name(context, what)
        widens = lift.kinds <= {"real"}  # "any real x": a point of the old domain still counts
        if symbol in values and not (widens and _satisfies(what.kind, values[symbol])):
            return (f"the note states {what.name} {KIND_WORDS.get(what.kind, what.kind)} (line "
                    f"{what.line}: '{what.words}') and {where}; which domain is meant at the "
                    "counterexample is not read for certain")
    own, before, runs_into = stated.locate(line, latex)
    if own is not None:
        return ""
    sections = as_sections(stated.ends)
    holding = {name_key(domain.name) for domain in force.domains}
    for domain in stated.domains:
        if (
            domain.hypothesis and domain.kind != "real" and -1 < domain.sentence <= before
            and domain.sentence != runs_into and sections.covers(domain.line, line)
            and name_key(domain.name) not in holding
            and not force.supersedes(domain.name, sentence=domain.sentence)
            and not any(what == domain and lift.clear and lift.words != AFTER_LIFT
                        for what, lift in force.lifted)
            and _symbol_name(context, domain) in values
            and not _satisfies(domain.kind, values[_symbol_name(context, domain)])
        ):  # fmt: skip
            return (f"line {domain.line} states a claim for {domain.name} "
                    f"{KIND_WORDS.get(domain.kind, domain.kind)} ('{domain.words}'), and this "
                    "display in its section may be under that hypothesis; the counterexample "
                    "lies outside it")
    return ""


def case_doubt(force: InForce, names: set[str]) -> str:
    r"""Why a refutation of a claim about ``names`` is withheld when a sentence or display after
    a domain stated for one of them opened another case (*For negative inputs, on the other
    hand,*; ``$$x \le -1.$$``) in words or bounds not read as the new domain: '' if none."""
    plain = {name.lstrip("\\") for name in names}
    for what, lift in force.lifted:
        if ANOTHER_CASE in lift.kinds and isinstance(what, StatedDomain) and (
                what.name.lstrip("\\") in plain):
            return (f"the note states {what.name} {KIND_WORDS.get(what.kind, what.kind)} (line "
                    f"{what.line}: '{what.words}') and line {lift.line} ('{lift.words}') states "
                    "another case, which this reader does not read as a domain")
    return ""


def _symbol_name(context, domain: StatedDomain) -> str:
    try:
        symbol = parse(domain.name, context.latex, "<prose>", domain.line)
    except ParseError:
        return domain.name
    return str(getattr(symbol, "name", symbol))


def _satisfies(kind: str, value: str) -> bool:
    """Whether a counterexample's value (exact text, e.g. '-17/3') lies in the domain; a value
    not written as a rational (or absent) does not."""
    try:
        number = Fraction(value.strip())
    except (ValueError, ZeroDivisionError, AttributeError):
        return False
    tests = {
        "positive": number > 0, "negative": number < 0, "nonnegative": number >= 0,
        "nonzero": number != 0, "integer": number.denominator == 1,
        "size": number.denominator == 1 and number >= 1, "probability": 0 < number < 1,
        "real": True,
    }  # fmt: skip
    return tests.get(kind, False)


# -- a matrix property stated affirmatively (C17) -----------------------------------------------
_MATHS = r"\$[^$]{1,60}\$(?:\s*(?:,\s*(?:and\s+)?|and\s+|과\s*|와\s*)\$[^$]{1,60}\$){0,12}"
_CLAIM_AFTER = r"(?:\s*,\s*(?:then\s+)?(?:\$[^$]+\$\s*)?)?\s*[.;:]?\s*$"
AFFIRMED = (
    re.compile(r"^(?:(?:Let|Suppose(?:\s+that)?|Assume(?:\s+that)?|Here|Now|Throughout|"
               r"where)\s*,?\s+)?"
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
    keeping *symmetric* only where its sentence, or a clause of it said of that name (``Let
    $A$ be a symmetric matrix and $x$ a vector``, round 49 AE01), states it affirmatively:
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
    """The sentence, or one of its clauses (round 49 AE01), states ``name`` symmetric."""
    sentence = without_item_mark(sentence)
    return any(_clause_affirms(clause, name) for clause in _clauses(sentence))


# -- clauses of one sentence (round 49 AE01) ----------------------------------------------------
# "Let $A$ be a symmetric matrix and $x$ a vector.": each clause says something of its own name.
_LEAD = re.compile(r"^(?:(?:Let|Suppose(?:\s+that)?|Assume(?:\s+that)?|Here|Now|Throughout|"
                   r"where|If|When|Consider|Take|Given)\s*,?\s+)?", re.I)
_NEXT_CLAUSE = re.compile(  # "… and $x$ a vector", "…, and let $x \in …$", "…; $B$ …", 이고 $x$는
    r"\s*(?:,\s*|;\s*)?\band\s+(?:let\s+)?(?=\$)|\s*[;,]\s*(?:let\s+)?(?=\$)"
    r"|(?<=이고|이며)\s*,?\s*(?=\$)", re.I)
_TURNS = re.compile(NEGATED_OR_CONTRASTED.pattern + r"|\b(?:but|whereas|however|although|though|"
                    r"was|were|previous|earlier)\b|하지만|그러나|지만|었|였", re.I)
_VERB_LEFT_OUT = re.compile(r"^(\$[^$]+\$)\s+(?!(?:is|be|are|and)\b)(?=[a-z])", re.I)


def _clauses(sentence: str) -> list[str]:
    """The sentence itself, then each run of its clauses with the sentence's opening words
    ("Let", "If" …): "Let $A$ be a symmetric matrix and $x$ a vector." gives "Let $A$ be a
    symmetric matrix" and "Let $x$ be a vector"; "$A$ and $B$ are symmetric" stays whole."""
    lead = _LEAD.match(sentence).group(0)
    body = sentence[len(lead):]
    cuts = list(_NEXT_CLAUSE.finditer(body))
    if not cuts or _TURNS.search(re.sub(r"\$[^$]*\$", " ", sentence)):
        return [sentence]  # "… and $x$ a vector, but not here": the whole sentence or nothing
    starts = [0] + [cut.end() for cut in cuts]
    ends = [cut.start() for cut in cuts] + [len(body)]
    runs = [sentence]
    for first in range(len(starts)):
        for last in range(first, len(ends)):
            if (first, last) != (0, len(ends) - 1):
                run = body[starts[first]:ends[last]]
                if first > 0:  # "… and $A$ a symmetric matrix": the verb is the lead's "be"
                    run = _VERB_LEFT_OUT.sub(r"\1 be ", run)
                runs.append(lead + run)
    return runs


def _clause_affirms(clause: str, name: str) -> bool:
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
    context, line: int, latex: str, names: set[str], statements: bool = False, lead: str = ""
) -> bool:
    """A hypothesis read for one of the claim's variables (``For every positive integer $n$,
    …``): the claim is stated for every value in that domain, not an equation to solve. With
    ``statements``, a statement (``Let $n$ be a positive integer.``) counts too."""
    stated = getattr(context, "stated", None)
    if stated is None:
        return False
    own, _, runs_into = stated.locate(line, latex)
    return any(  # a quantifier binding past its display (StatedDomain.binds) quantifies its own
        (domain.hypothesis and (not domain.binds or domain.sentence in (own, runs_into))
         or domain.quantifies or statements) and domain.name in names
        for domain in stated.for_chain(line, latex, lead)
    )  # fmt: skip


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
