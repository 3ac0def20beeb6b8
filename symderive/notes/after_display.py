r"""The text right after a display: the hypothesis a note writes *after* its claim (round 7, R1).

``$$ \sqrt{x^2} = x $$`` followed by ``for $x > 0$.``, ``valid for $x > 0$.``, ``(for $x > 0$).``,
``if $x > 0$.``, ``which holds when $x > 0$.``, ``provided that $x \ge 0$.``, ``여기서 $x > 0$이다.``,
``단, $x > 0$이고 $y > 0$이다.``, ``where $x, y > 0$.``, ``where $x > 0$ is the width.``, ``as long
as $x$ is positive.``, ``for every integer $n$.``, ``where $z$ is a complex number.``

**Which text.** The first sentence after a display: the rest of its paragraph (``$$…$$ for $x >
0$.`` on the display's lines), or the first sentence of the next paragraph when it opens with a
lower-case word or with 여기서 / 단 / 어떤, or Chinese 其中 / 这里 / 对于 / 对某个 / 当 / 假设 (round 57
AR02: 对于一些 $C$ "for some C") (a continuation, not a new paragraph of prose); not a
sentence without a final period running into the next display (``for $x > 0$,`` then ``$$…$$``
introduces that display, :mod:`symderive.notes.inequalities`). It applies to
the display(s) it follows: every display between the sentence before them and this one — after
two consecutive displays, a ``where`` speaks of both (round 7, L3).

**How it is read.** Its connective (*where, for, valid for, which holds when, if, provided that,
as long as, 여기서, 단, …*) is dropped and the rest is read by the readers a sentence before the
display goes through:

* inequalities about names (``$x > 0$``, ``$x, y > 0$``, ``$x > 0$ and $y > 0$``, ``$x > 0$,
  $y > 0$``, ``$x > 0$ is the width``, ``$x > 0$이다``): each is the name's domain
  (:func:`symderive.notes.inequalities.bound_of`);
* words (``$x$ is positive``, ``every integer $n$``, ``$x$는 양수이다``): the word templates of
  :mod:`symderive.notes.stated`;
* ``complex`` (``$z$ is a complex number``): a complex record (:mod:`symderive.notes.declared`);

each holds for those displays only (a record placed at the sentence before them, and a lift at
this sentence, as ``where $x > 0$.`` has always been read). A symmetric matrix (``where
$\mathbf{S}$ is symmetric.``) is read by the matrix-property reader of the section.

**What is not read.** Any other words stating a condition (``where $X$ is a Bernoulli random
variable.``, ``for any $2 \times 2$ matrix $\mathbf{A}$.``, ``where $X$ is binary.``, ``at $x =
1$.``, ``where $C$ is some constant.``) about a name of the claim make a refutation *undecided*, quoting the sentence
(:func:`unread_after`). A sentence is a condition when its connective is conditional (*for, if,
when, provided, valid for, as long as, at, 단*) or its words name a property, a law, a shape or a
relation; ``where $W$ is the weight matrix.`` only describes W.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from symderive.grammar.shape_words import only_shapes
from symderive.notes.bound_lists import formula_bounds
from symderive.notes.condition_words import CONVERSE, SUFFICIENT
from symderive.notes.declared import COMPLEX_SET, COMPLEX_WORDS, PLAIN_MATH
from symderive.notes.inequalities import BoundDomain, _record
from symderive.notes.laws import LAW_WORDS
from symderive.notes.stated import (
    AFTER_LIFT,
    PROPERTY_WORDS,
    Lift,
    Sentence,
    StatedDomain,
    StatedDomains,
    _hypothesis,
    _statement,
    name_key,
)

# the connective that opens the text after a display; "where" and "here" describe, the others
# state a condition
_CONDITIONAL = (
    r"(?:which|that|this|it|the\s+(?:claim|identity|equation|formula|bound|inequality))\s+"
    r"(?:holds?|is\s+(?:valid|true)|applies)\s+(?:only\s+)?(?:when|whenever|if|for|provided(?:\s+that)?|"
    r"as\s+long\s+as|on)"
    r"|(?:valid|true|holds?|correct)\s+(?:only\s+)?(?:for|when|whenever|if|on)"
    r"|provided(?:\s+that)?|as\s+long\s+as|assuming(?:\s+that)?|given(?:\s+that)?|so\s+long\s+as"
    rf"|(?!{CONVERSE}|where\b){SUFFICIENT}|단"  # the shared list, round 14a F3 ("where": plain)
)
CONNECTIVE = re.compile(
    rf"^\(?\s*(?:(?P<cond>{_CONDITIONAL})|(?P<plain>where|here|여기서))\b\s*,?\s*", re.I)
# Korean and Chinese open a continuation with these words (round 57 AR02: 对于一些 $C$ "for some
# C", 对任意 / 对于所有 "for all", 当 "when", 假设 "assume", 其中 / 这里 "where / here")
_CHINESE_CONDITIONAL = (r"对于|对(?=\s*(?:任意|任何|所有|每|一切|某|一些))|当(?!然)|若|如果|假设|假定|只要"
                        r"|给定|存在")
KOREAN = re.compile(rf"^\(?\s*(?P<cond>단|어떤|적당한|{_CHINESE_CONDITIONAL})\s*[,，]?\s*"
                    r"|^\(?\s*(?P<plain>여기서|其中|这里|此处)\s*[,，]?\s*")
_MATH = r"\$[^$]{1,80}\$"
_JOIN = r"\s*(?:,\s*(?:and\s+)?|and\s+|이고\s*,?\s*|이며\s*,?\s*|와\s*|과\s*)\s*"
# maths joined by , / and / 이고, then at most a description of the names and the end
MATHS = re.compile(
    rf"^(?P<maths>{_MATH}(?:{_JOIN}{_MATH})*)\s*"
    rf"(?:(?:is|are|denotes?|being|stands?\s+for)\s+(?:the|a|an|our|its)\s+[A-Za-z\- ]{{1,40}})?"
    rf"\s*(?:이다|입니다|이라고\s*하자|라고\s*하자)?\s*\)?\s*[.;]?\s*\)?\s*$", re.I)
# a condition in the words: a relation in a formula, a domain, property, law or shape word
RELATION_IN_MATH = re.compile(r"\$[^$]*(?:[<>≤≥≠]|\\(?:le|ge|leq|geq|lt|gt|ne|neq|in)(?![A-Za-z])|"
                              r"=\s*-?[\d.]+\s*\$|\\times)[^$]*\$")
# "where $C$ is some constant", 여기서 $C$는 어떤 상수, 其中$C$是某个常数: the display holds for
# some value of the letter, which a counterexample need not take (round 57 AR02)
SOME_WORDS = re.compile(r"\b(?:some|certain|suitable)\b|어떤|적당한|某|一些|存在", re.I)
CONDITION_WORDS = re.compile(r"\b(?:binary|complex|square|bounded|distributed|takes?\s+values|"
                             r"orthonormal|unit|normali[sz]ed|independent|i\.i\.d)\b|복소|독립", re.I)


# "$$ \sqrt{x^2} = x $$ for $x > 0$, while $$ \sqrt{x^2} = -x $$ for $x < 0$.": a condition that
# ends in a joint to the next display (while, whereas, and, but, 반대로, 이고, 이며) belongs to
# the display before it (round 8b, K4)
TWO_CASES = re.compile(
    r"^(?P<clause>[^$]*\$[^$]+\$[^$]*?)\s*(?:,|;|이고\s*,?|이며\s*,?|일\s*때이며\s*,?)\s*"
    r"(?:and\s+)?(?:while|whereas|and|but|otherwise|or|반대로|그리고|그러나|[가-힣]+(?:이면|하면))"
    r"(?:[^$]|\$[^$]{1,30}\$){0,60}$", re.I)  # "while for negative $x$ we get" (round 8c X10)


@dataclass(frozen=True)
class After:
    """The sentence right after a display: its index, the words after the connective, and
    whether the connective states a condition (for, if, 단, …) rather than a description."""

    index: int
    rest: str
    conditional: bool
    joint: bool = False  # "for $x > 0$, while": it ends in a joint to the next display


def after_display(stated: StatedDomains, index: int) -> After | None:
    """The sentence ``index`` read as the text right after a display, or None."""
    sentence = stated.sentences[index]
    if not sentence.after_display:
        return None
    text = sentence.text
    following = stated.sentences[index + 1] if index + 1 < len(stated.sentences) else None
    unfinished = not re.search(r"(?:[.。!?;]|다)\s*\)?\s*$", text)
    case = TWO_CASES.match(text) if unfinished else None
    opening = KOREAN.match(text) or CONNECTIVE.match(text)
    if case and opening and (opening.group("cond") or KOREAN.match(text)):
        return After(index, case.group("clause")[opening.end():], True, joint=True)  # K4
    if unfinished and (sentence.into_display or following is not None
                       and following.after_display):
        return None  # "for $x > 0$," then a display: it introduces the next display (round 11
        # H5: also the last one, "For all real $x$," between two displays at the end)
    korean = KOREAN.match(text)
    if sentence.after_display == 2 and not (korean or re.match(r"^\(?[a-z]", text)):
        return None  # a new paragraph of prose, not a continuation
    match = korean or CONNECTIVE.match(text)
    if match and re.match(r"(?:example|instance|comparison|the\s+same\s+reason)\b", text[match.end():], re.I):
        match = None  # "For example, …": no condition
    if match is None:
        return After(index, text, False)
    return After(index, text[match.end():], bool(match.group("cond")))


def with_after_displays(stated: StatedDomains) -> StatedDomains:
    """``stated`` with the domains the text right after each display gives it (see the module
    docstring): placed at the sentence before the display, lifted at this sentence."""
    added: list[StatedDomain] = []
    ends: list[Lift] = []
    read = set(stated.read)
    joints: set = set()  # (sentence, name): not the lead-in of the next display (round 8b K4)
    for index in range(len(stated.sentences)):
        after = after_display(stated, index)
        if after is None:
            continue
        found = _reading(after, stated.sentences[index], index)
        if not found:
            continue
        read.add(index)
        sentence = stated.sentences[index]
        if after.joint:
            joints |= {(index, record.name) for record in found}
        for record in found:  # the display(s) just before: they hold there only
            added.append(replace(record, sentence=index - 1, hypothesis=False,
                                 quantifies=after.conditional,
                                 words=" ".join(sentence.text.split())[:120]))
        for name in dict.fromkeys(record.name for record in found):
            ends.append(Lift(name_key(name), index, 0, sentence.first,
                             AFTER_LIFT,
                             clear=True))  # fmt: skip
    if not added:
        return stated
    # the records are placed before their sentence: the lifts of this sentence stay
    kept = [domain for domain in stated.domains if (domain.sentence, domain.name) not in joints]
    domains = sorted((*kept, *added), key=lambda domain: domain.sentence)
    jointed = {(i, name_key(n)) for i, n in joints}
    kept_lifts = [lift for lift in stated.lifts
                  if lift.clear or (lift.sentence, lift.name) not in jointed]
    lifts = sorted((*kept_lifts, *ends), key=lambda lift: (lift.sentence, lift.at))
    return replace(stated, domains=tuple(domains), lifts=tuple(lifts), read=frozenset(read))


def _reading(after: After, sentence: Sentence, index: int) -> list[StatedDomain]:
    """The domains the words after the connective state, as a sentence before the display
    would (every formula or name read, else nothing)."""
    rest = after.rest.strip()
    maths = MATHS.match(rest)
    if maths:
        records = []
        for math in re.findall(r"\$([^$]+)\$", maths.group("maths")):
            bounds = formula_bounds(math)
            if not bounds:
                records = []
                break
            records += [_record(bound, sentence.text, sentence.first, index, False)
                        for bound in bounds]
        if records:
            return records
    words = re.sub(r"\)\s*([.;]?)\s*$", r"\1", re.sub(r"^\(\s*", "", rest))
    found = (_statement("Let " + words, sentence, index)  # $x$ is positive
             or _statement(words, sentence, index)  # $x$는 양수이다
             or _hypothesis("for " + words.rstrip(" .;"), sentence, index))  # every integer $n$
    if found:
        return found
    return _complex(rest, sentence, index)


def reaching_back(stated: StatedDomains, definitions: list) -> list:
    """The note's definitions (symderive.notes.context.Definition), a definition written right
    after a display (``where $e = y - w x$ is the residual.``) holding from the display(s) it
    follows on (also on the display's first line: forward), as a ``where`` domain does."""
    from symderive.notes.roles import Role

    starts = {}  # the line of such a sentence → the first line after the sentence before it
    for index, sentence in enumerate(stated.sentences):
        after = after_display(stated, index)
        if after is None or (after.conditional and not after.rest.startswith("$")):
            continue
        maths = MATHS.match(after.rest.strip())
        if maths and all(re.search(r"(?<![<>\\!:])=", math) and not re.search(
                r"[<>≤≥]|\\(?:le|ge|leq|geq|lt|gt)(?![A-Za-z])", math)
                for math in re.findall(r"\$([^$]+)\$", maths.group("maths"))):
            starts[sentence.first] = stated.sentences[index - 1].last + 1 if index > 0 else 1
    if not starts:
        return definitions
    return [replace(definition, start=starts[definition.start], forward=True)
            if definition.start in starts and definition.role is Role.DEFINITION
            and not definition.forward else definition for definition in definitions]


def _complex(rest: str, sentence: Sentence, index: int) -> list[StatedDomain]:
    """``$z$ is a complex number``, ``$z \\in \\mathbb{C}$``: a complex record for each name."""
    words = re.sub(r"\$[^$]*\$", " ", rest)
    names: list[str] = []
    for math in re.findall(r"\$([^$]+)\$", rest):
        in_c = COMPLEX_SET.match(math)
        if in_c:
            names += [n.strip() for n in in_c.group("names").split(",")]
        elif COMPLEX_WORDS.search(words) and PLAIN_MATH.match(math):
            names += [n.strip() for n in math.split(",")]
    return [BoundDomain(name, "complex", sentence.text[:120], sentence.first, index, False) for name in dict.fromkeys(names)]  # fmt: skip


def unread_after(stated: StatedDomains, line: int, latex: str, declared: tuple = ()) -> str:
    """The text right after the display holding the chain ``latex`` when it states a condition
    on a name of the chain that was not read: the sentence, quoted ('' when there is none). A
    counterexample need not satisfy it, so a refutation is undecided."""
    if stated is None:
        return ""
    own, before, _ = stated.locate(line, latex)
    if own is not None:
        return ""
    following = next((index for index in range(max(before + 1, 0), len(stated.sentences))
                      if stated.sentences[index].first >= line), None)
    if following is None or following in stated.read:
        return ""
    after = after_display(stated, following)
    if after is None or not _mentions(after.rest, latex):
        return ""
    if only_shapes(after.rest, {name: (str(rows), str(columns)) for name, (rows, columns) in declared}):
        return ""  # "for any two $2 \times 2$ matrices $A$ and $B$.": the shapes read (round 8c, L7)
    prose = re.sub(r"\$[^$]*\$", " ", after.rest)
    if not (after.conditional or RELATION_IN_MATH.search(after.rest)
            or PROPERTY_WORDS.search(prose) or LAW_WORDS.search(prose)
            or CONDITION_WORDS.search(prose) or SOME_WORDS.search(prose)):
        return ""
    text = " ".join(stated.sentences[following].text.split())
    return f"line {stated.sentences[following].first}, after the display: '{text[:100]}'"


_MATH_NAME = re.compile(r"\\(?:mathbf|boldsymbol|bm|mathrm)\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|[A-Za-z]")
NOT_NAMES = {"\\times", "\\le", "\\ge", "\\leq", "\\geq", "\\lt", "\\gt", "\\ne", "\\neq",
             "\\in", "\\mathbb", "\\text", "\\mathrm", "\\infty", "\\quad", "\\left",
             "\\right", "\\cdot", "\\ldots", "\\dots"}


def _mentions(text: str, latex: str) -> bool:
    """Whether a formula of ``text`` names a letter the chain ``latex`` uses."""
    for math in re.findall(r"\$([^$]+)\$", text):
        for name in _MATH_NAME.findall(math):
            if name in NOT_NAMES:
                continue
            spaced = re.escape(name).replace(r"\ ", r"\s*").replace(r"\{", r"\{\s*")
            if re.search(r"(?<![A-Za-z\\])" + spaced + r"(?![A-Za-z])", latex):
                return True
    return False
