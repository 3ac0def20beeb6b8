r"""Which example values the words before (or just after) a claim make general again.

Generalising words that name letters lift exactly those letters: ``Let $c = 5$ and let $d$ be
arbitrary.`` ends d's example value, not c's (review round 8c X8); so do "for every real $x$",
"$y$ may be any", "Now let $n$ vary", "with $n$ unrestricted", "drop the assumption $t = 2$".
Words that name no letter ("In general,", "More generally,", "always", "whatever the values")
lift them all. Only the words after the last formula with an ``=`` count (``We always take $x =
3$. Then …`` stays at the example), except a sentence that drops a stated value by name.
After the claim: its own sentence, and a clause past ``;`` or the next sentence that refers back
to it (:func:`said_after`: *This identity holds for every real number $g$.*). Words that call
the claim general (*the general identity*, **Theorem.**, 일반적인 항등식, round 12a F4) lift
them all; :func:`said_identity` tells a claim called an identity for every value.
"""

from __future__ import annotations

import re

from symderive.grammar.negation import NEGATED
from symderive.notes.example_ends import new_case_names

ALL = None  # every example value lifted

# round 12a F4: a claim the words call general — "the general identity", "in the general case",
# "the general formula", 일반적인 항등식, 일반 공식 — is about every value, not the example
GENERAL_CLAIM = (r"\b(?:more\s+)?general\s+(?:identit(?:y|ies)|formulas?|formulae|cases?|results?|forms?|"
                 r"rules?|laws?|relations?|equations?|statements?|claims?|facts?|versions?|settings?|"
                 r"solutions?|expressions?|principles?)\b|\bgenerali[sz](?:es|ed|ing|ation)\b"
                 r"|일반(?:적인|적|의)?\s*(?:항등식|등식|식|경우|공식|결과|형태|관계|법칙|상황)|일반화")
GENERAL_WORDS = re.compile(
    r"\b(?:in general|for (?:every|all|any|each|arbitrary)|generally|arbitrary|whatever|"
    r"regardless|always|any value|no matter|identically|universally|"
    # round 15 F43: "This extends to every $z$:", "Beyond this special case", "for other $u$",
    # "In all cases", "In full generality", "For a generic $x$"
    r"extends?\s+to\s+(?:every|all|any)|beyond\s+(?:this|the)\s+(?:special\s+)?case|"
    r"for\s+(?:the\s+)?other|in\s+all\s+cases|in\s+full\s+generality|generic)\b"
    r"|일반적으로|모든|임의의|항상|관계\s*없이|상관\s*없이|언제나|항등적으로|무엇이든|어떤\s*(?:\$[^$]{1,12}\$|[^$]{0,8})\s*에\s*대해서도",
    re.I,
)
# ... as the claim's own subject, not a general result applied to the example ("Plugging $x = 3$
# into the general formula gives", "Using the general identity we get", "일반 공식에 대입하면")
GENERAL_APPLIED_BEFORE = re.compile(
    r"\b(?:into|from|using|use|uses|by|with|via|per|apply|applying|applied|according\s+to|"
    r"plug\w*|substitut\w*|insert\w*|put\w*|specializ\w*|specialis\w*)\s+(?:\w+\s+){0,2}$", re.I)
GENERAL_APPLIED_AFTER = re.compile(
    r"^\s*,?\s*(?:gives?|yields?|implies|applied|at\b|evaluated|with\b|for\s+(?:this|our|the\s+"
    r"example)|에\s*(?:대입|적용)|을\s*(?:대입|적용)|를\s*(?:대입|적용)|으로|로)", re.I)


def general_claim(words: str) -> str:
    """The words that call the claim itself general (:data:`GENERAL_CLAIM`: *The general
    identity is*, *In the general case,*, 일반적인 항등식은), not a general result applied to the
    example (*into the general formula*, *Using the general identity*), or ''."""
    for match in re.finditer(GENERAL_CLAIM, words or "", re.I):
        if not (GENERAL_APPLIED_BEFORE.search(words[:match.start()])
                or GENERAL_APPLIED_AFTER.match(words[match.end():])):
            return match.group()
    return ""


# round 12a F4: a theorem's label opening the words before the claim (**Theorem.**, *Lemma 2
# (Pythagoras).*, \textbf{Proposition.}, 정리 1., 보조정리:): a theorem is stated for every value
# round 14a F6: so do the labels of a general statement (**Identity:**, *Formula.*, The rule:,
# Property 2., 항등식:, 공식., 성질:) — a label whole, not "Identity matrix:"
THEOREM_LABEL = re.compile(
    r"^\s*(?:\*\*|__|\*|_|\\textbf\{|\\emph\{)?\s*(?:(?:the|a|an|our)\s+)?(?:(?:general|key|basic|"
    r"main)\s+)?(?:theorem|lemma|proposition|corollary|identit(?:y|ies)|formula[es]?|rules?|laws?|"
    r"propert(?:y|ies)|항등식|공식|성질|법칙|"
    r"보조\s*정리|따름\s*정리|정리|명제)(?-i:\s+[\dA-Z][\w.]*)?\s*(?:\([^()]{0,60}\))?\s*[.:]?\s*"
    r"(?:\*\*|__|\*|_|\})?\s*[.:]?\s*$", re.I)
# round 14a F6: a lead-in that announces the general statement as its subject ("The rule is",
# "The identity reads:", "Our formula says", "이 항등식은"): about every value, as a label is
STATEMENT_LEAD = re.compile(
    r"^\s*(?:(?:the|this|our|a)\s+)?(?:(?:general|key|basic|main)\s+)?(?:identit(?:y|ies)|formula[es]?|"
    r"rules?|laws?|propert(?:y|ies))\s+(?:is|are|reads?|says?|states?)"
    r"(?:\s+(?:that|as\s+follows))?\s*[.:]?\s*$"
    r"|^\s*(?:이|그|다음)?\s*(?:항등식|공식|법칙|성질)(?:은|는|이|:)?\s*(?:다음과\s*같다)?\s*[.:]?\s*$", re.I)
# ... and labels that may speak of the example as well as in general (*Claim:*, *Fact.*,
# *Observation:*, 주장): the example value does not prove the claim; if only the example satisfies
# it, which is meant is asked (round 14a F6)
CLAIM_LABEL = re.compile(
    r"^\s*(?:\*\*|__|\*|_|\\textbf\{|\\emph\{)?\s*(?:claims?|facts?|observations?|results?|"
    r"statements?|주장|사실)(?-i:\s+[\dA-Z][\w.]*)?\s*(?:\([^()]{0,60}\))?\s*[.:]?\s*"
    r"(?:\*\*|__|\*|_|\})?\s*[.:]?\s*$", re.I)
# words that say the claim does not rest on the example ("This does not depend on the example:",
# "independently of the example", 예시와 관계없이 — the last one is GENERAL_WORDS' already)
NOT_THE_EXAMPLE = re.compile(
    r"\b(?:does\s+not|doesn't|do\s+not|don't|need\s+not)\s+(?:depend|rely|rest)\s+on\s+(?:the|this|"
    r"our|that|any)\s+(?:particular\s+|specific\s+)?(?:examples?|choices?|values?|numbers?)\b"
    r"|\bindependent(?:ly)?\s+of\s+(?:the|this|our|that)\s+(?:particular\s+|specific\s+)?"
    r"(?:examples?|choices?|values?)\b|\bnot\s+(?:just|only)\s+(?:for|at)\s+(?:the|this|our)\s+"
    r"(?:examples?|values?)\b", re.I)


def last_sentence(lead: str) -> str:
    """The lead's last sentence with its formulas as '$' (*Take $w = 3$. Identity:* → *Identity:*)."""
    plain = re.sub(r"\$[^$]*\$", " $ ", lead or "").strip()
    return re.split(r"(?<=[.!?。])\s+", plain)[-1] if plain else ""


def claim_label(lead: str) -> str:
    """A label that may speak of the example or in general (:data:`CLAIM_LABEL`), or ''."""
    last = last_sentence(lead)
    return last.strip() if CLAIM_LABEL.match(last) else ""


# round 12a F4: a section whose heading calls it general ("## General case", "### The general
# identity", "## Theorem", 일반적인 경우): examples given before the heading do not reach into it
GENERAL_HEADING = re.compile(
    r"^\s*(?:#+|<h[1-6][^>]*>|\\\w+\*?\s*\{)?\s*(?-i:[\dA-Z]{1,3}(?:\.\d+)*\.?\s+)?(?:the\s+)?"
    r"(?:(?:general|in\s+general|generali[sz]ation)(?:\s+(?:case|identity|formula|result|form|"
    r"setting|solution|statement|version))?|(?:theorem|lemma|proposition|corollary)(?-i:\s+[\dA-Z]"
    r"[\w.]*)?(?:\s*\([^()]*\))?|일반(?:적인|화|의)?(?:\s*(?:경우|항등식|공식|형태))?)"
    r"\s*[.:]?\s*(?:</h[1-6]>|\})?\s*$", re.I)
# a claim made for every case before it ("In both cases", "In every case", 두 경우 모두): it
# must hold for each example value given, not only for the last one, which replaced the others
# (review round 12a F13) — read as the general claim
ALL_CASES = re.compile(
    r"\b(?:in|for|on)\s+(?:every|each|all|both|either|any)\s+(?:of\s+)?"
    r"(?:the\s+|these\s+|those\s+)?"
    r"(?:(?:two|three|four|five|\d+)\s+)?(?:cases?|values?|examples?|choices?|rows?|instances?|"
    r"items?|settings?)\b|\b(?:in|for)\s+(?:both|all)\s+(?:of\s+)?(?:them|these|those)\b"
    r"|\bfor\s+both\b|\beither\s+way\b|\bin\s+either\s+event\b|\bwhichever\b|\beach\s+time\b"
    r"|두\s*경우\s*모두|두\s*값\s*모두|각\s*경우|각각의?\s*(?:경우|값)|어느\s*(?:경우|쪽|값)(?:에|든|이든|라도)"
    r"|모든\s*경우|세\s*경우\s*모두",
    re.I,
)
VALUED_FORMULA = re.compile(r"\$[^$]*=[^$]*\$")
# one letter or a list of them in one formula or several: $d$, $a, b$, $a$ and $b$
_NAME = r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?"
_NAMES = (rf"\$\s*{_NAME}(?:\s*,\s*{_NAME})*\s*\$(?:\s*(?:,|and|or|와|과)\s*\$\s*{_NAME}"
          rf"(?:\s*,\s*{_NAME})*\s*\$){{0,12}}")
# a generalising word that speaks of letters written just after it: "for every real $x$",
# "for all positive integers $n$ and $m$", "arbitrary $d$", "임의의 $x$"
_WORD_THEN_NAMES = re.compile(
    r"(?:for\s+(?:every|all|any|each|arbitrary)|arbitrary|any|임의의|모든)\s+"
    r"(?:(?:real|positive|negative|nonnegative|non-negative|complex|natural|integer|rational|"
    r"other|possible|values?|numbers?|integers?|reals?|choices?|of)\s+){0,3}"
    rf"(?P<names>{_NAMES})", re.I)
# … or letters written just before it: "let $d$ be arbitrary", "$y$ may be any real number",
# "$n$ is unrestricted", "$d$ arbitrary"
_NAMES_THEN_WORD = re.compile(
    rf"(?P<names>{_NAMES})\s*(?:(?:is|are|be|may\s+be|can\s+be|now|remains?|stays?)\s+)*"
    r"(?:arbitrary|any\b|unrestricted|general\b)", re.I)
# the words name no letter: every example value
_ANY_LETTER = re.compile(_NAMES)
# "let $n$ vary", "For general $n$", "일반적인 $r$에 대하여", "$x$ may be any"
LIFTING = re.compile(
    rf"\blet\s+(?P<n1>{_NAMES})\s+be\s+(?:an?|any|arbitrary|some|general)\b"
    rf"|\bgeneral\s+(?P<n2>{_NAMES})"
    rf"|(?P<n3>{_NAMES})\s+(?:may|can|is\s+allowed\s+to)\s+be\s+any\b"
    # round 8c X4: "Now let $n$ vary", "with $n$ unrestricted", "일반적인 $r$에 대하여"
    rf"|\blet\s+(?P<n4>{_NAMES})\s+(?:vary|range|be\s+unrestricted)\b"
    rf"|(?P<n5>{_NAMES})\s+(?:is\s+|now\s+)?unrestricted\b"
    rf"|일반적인\s*(?P<n6>{_NAMES})",
    re.I,
)
# "drop the assumption $t = 2$", "we no longer assume $t = 2$", "forget that $t = 2$"
DROPPED = re.compile(
    r"\b(?:drop(?:ping)?|remov(?:e|ing)|forget(?:ting)?|relax(?:ing)?|lift(?:ing)?|no\s+longer\s+"
    r"(?:assume|take|fix)|abandon(?:ing)?)\s+(?:the\s+)?(?:assumption|condition|value|choice|"
    rf"example)?\s*(?:that\s+)?\$\s*(?P<name>{_NAME})\s*=", re.I)


# a quantifier that speaks of an inline formula before it, not of the claim (review round 9b
# L11): "Recall that $\sqrt{x^2} = |x|$ holds for every real $x$", "Unlike $t^2$, which is
# defined for every real $t$," — it lifts nothing for a display after its sentence
ABOUT_FORMULA = re.compile(
    r"\$[^$]+\$\s*,?\s*(?:(?:which|that)\s+)?(?:(?:also|still)\s+)?(?:holds?|is\s+(?:true|valid|"
    r"defined)|are\s+(?:true|valid|defined)|true|valid|defined)\s+(?:for|on|over)\s+"
    r"(?:every|all|any|each|arbitrary)\s+(?:[A-Za-z-]+\s+){0,3}?" + _NAMES, re.I)


def about_formula(text: str, start: int) -> bool:
    """Whether the words at ``start`` of ``text`` are inside a quantifier about an inline formula
    (:data:`ABOUT_FORMULA`)."""
    return any(match.start() < start < match.end() for match in ABOUT_FORMULA.finditer(text))


# round 11a F7: a later clause or the next sentence that speaks of the claim just made ("…; this
# identity is true for every $a$", "This identity holds for every real number $g$.", "이 등식은
# 모든 $a$에 대해 성립한다"): its generalising words are the claim's
REFERS_BACK = re.compile(
    r"^\s*(?:(?:but|and|indeed|in\s+fact|moreover|actually|more\s+generally|in\s+general|"
    r"generally|of\s+course|clearly|note\s+that|also)\s*,?\s*)?(?:this|that|it|the\s+"
    r"(?:same\s+)?(?:identity|equation|equality|formula|relation|result|statement|claim))"
    r"(?:\s+(?:identity|equation|equality|formula|relation|result|statement|claim))?\s+"
    r"(?:(?:also|still|actually|in\s+fact|indeed)\s+)?(?:holds?|is|are|remains?|stays?|works?|"
    r"was|will|would|can|must|should|may)\b"
    r"|^\s*(?:이\s*(?:항등식|등식|식|관계|결과|공식)|이는|이것|그것)(?:은|는|이|가)?\s", re.I)
_SENTENCES = re.compile(r"(?:\$[^$]*\$|[^$.!?。])*[.!?。]?")


def said_after(text: str, display: bool = False) -> str:
    """The words after a claim's sentence break that speak of it (:data:`REFERS_BACK`): its
    later clauses after ``;`` and the next sentence, when they open by referring back (after a
    display, also the words right after it: "$$ … $$ This identity holds for every $a$.")."""
    sentences = [match.group() for match in _SENTENCES.finditer(text or "") if match.group()]
    said: list = []
    if display and sentences and REFERS_BACK.match(sentences[0].lstrip(" ,;:–—-")):
        said.append(sentences[0])
    if sentences:
        said += [clause for clause in sentences[0].split(";")[1:] if REFERS_BACK.match(clause)]
    if len(sentences) > 1 and REFERS_BACK.match(sentences[1]):
        said.append(sentences[1])
    # "This is not true for every $a$", "This holds only for $a = 2$": no generalising claim
    return " ".join(words for words in said if not denied(words))


def denied(words: str) -> bool:
    """Whether words after a claim deny its general form (*not true for every*, *only for*),
    not merely use a negation word of their own (*without exception*, *no matter what*)."""
    plain = re.sub(r"\$[^$]*\$|\bwithout\s+exception\b|\bno\s+matter\b|\bnot\s+only\b", " ",
                   words, flags=re.I)
    return bool(NEGATED.search(plain) or re.search(r"\bonly\b|뿐|만\s*성립", plain, re.I))


# round 12a F4 (H, I): the words call the claim an identity that holds for every value ("the
# identity $…$, valid for all $x$", "The identity $…$ always holds", "The general identity is",
# 항등식): an equation in unknowns it is not, so a failing value refutes it
IDENTITY_WORD = re.compile(
    r"\bidentit(?:y|ies)\b(?!\s+(?:matri(?:x|ces)|maps?|functions?|operators?|elements?|"
    r"transformations?|permutations?|mappings?|kernels?|links?|activations?|blocks?|shortcuts?))"
    r"|항등식", re.I)
# words after it that restrict the values it holds at ("for all roots", "for every $x$ with",
# "only when", "에서만"): no identity for every value
RESTRICTED = re.compile(
    r"\b(?:with|such\s+that|where|wherever|satisf\w*|if|when|whenever|provided|given|in|on|at|"
    r"except|unless|only|roots?|solutions?|zeros?|sometimes|some|near|between|large|small)\b"
    r"|일\s*때|이면|경우|에서|만\s*성립|뿐", re.I)


def said_identity(lead: str, after: str) -> str:
    """The words that call the claim an identity (:data:`IDENTITY_WORD`) for every value (with
    generalising words naming no letter: *the general identity*, *always holds*, *valid for
    all*), or ''. ``lead``: the words before it; ``after``: the rest of its line after it
    (formulas kept), whose sentence must name no restriction (:data:`RESTRICTED`). Words that
    generalise without the word *identity* (*$…$ holds for every $x$*) are the equation reader's
    (round 11a F12), not this one's."""
    own = re.split(r"[.!?;。](?=\s|$)", re.sub(r"\$[^$]*\$", " $ ", lead or ""))[-1]
    own = own.rpartition("$")[2]
    rest = re.split(r"[.!?;。](?=\s|$)", after or "", maxsplit=1)[0]
    if RESTRICTED.search(re.sub(r"\$[^$]*\$", " ", rest)) or not (
            IDENTITY_WORD.search(own) or IDENTITY_WORD.match(rest)):
        return ""
    if lifted(own, rest.split("$", 1)[0]) is ALL:
        return " ".join((own + " $…$" + rest).split())[:80]
    return ""


def _letters(names: str) -> set:
    """The names inside the formulas of ``names`` (``$x$ and $y$``: x, y — not "and")."""
    inside = " ".join(re.findall(r"\$([^$]*)\$", names))
    return {name.lstrip("\\") for name in re.findall(_NAME, inside)}


# round 13 F5: words that tie the claim to the example values given ("for this choice", "for
# these values", "with these numbers", "in our example", 이 경우에, 이 값들에 대해): whatever
# generalising words stand beside them, no unnamed letter is lifted
FOR_THE_EXAMPLE = re.compile(
    r"\b(?:for|with|at|in|under)\s+(?:this|these|that|those|our|the\s+(?:above|given|chosen))\s+"
    r"(?:particular\s+|specific\s+|same\s+)?(?:choices?|values?|numbers?|examples?|settings?|"
    r"parameters?|data|instances?|points?|assignments?|selections?)\b|\bfor\s+the\s+example\b"
    r"|\bin\s+our\s+(?:example|case|setting)\b|\bwith\s+(?:this|that)\s+(?:choice|value)\b"
    # round 17 F25: "A general fact about our example", "at this $t$", "… $z^3 = z$ here."
    r"|\b(?:about|of|for|in)\s+(?:our|this)\s+(?:particular\s+)?(?:example|instance|choice)\b"
    r"|\b(?:at|for|with)\s+this\s+\$|^\s*,?\s*here\s*(?:[.;!]|$)"
    r"|이\s*(?:경우|값|값들|선택|예)(?:에|에서|에\s*대해|의)?(?:는|도)?(?=\s|$|[,.])|이때|이\s*예에서",
    re.I,
)


def lifted(lead: str, after: str = "") -> set | None:
    """The names whose example values the words lift: a set (maybe empty), or :data:`ALL`.
    ``lead``: the words before the claim; ``after``: those just after it ("for every $x$")."""
    return _lifted(lead, after, cases=True)


def case_lift(lead: str, after: str = "") -> set | None:
    """When only words of every case (:data:`ALL_CASES`: *In both cases*, 두 경우 모두) lift
    every example value, the names the other words lift (a set, maybe empty); None otherwise.
    The caller lifts besides only the names the cases vary (:func:`case_values`, round 13 F5:
    *Let $a = 2$. Take $b = 1$ or $b = 5$. In both cases …* varies b, never the fixed a)."""
    if _lifted(lead, after, cases=True) is not ALL:
        return None
    named = _lifted(lead, after, cases=False)
    return None if named is ALL else named


def case_values(definitions, line: int) -> tuple:
    """The names given two or more different example values in force at ``line`` (``Take $b =
    1$ or $b = 5$``, one table row each) — the names the cases enumerate — each with its values,
    in the order given: ((name, (value, …)), …)."""
    values: dict[str, list] = {}
    for definition in sorted(definitions, key=lambda definition: definition.start):
        if getattr(definition.role, "value", "") != "example" or definition.key[0] != "symbol":
            continue
        if definition.start <= line <= definition.end:
            given = values.setdefault(str(definition.key[1]), [])
            if all(str(definition.value) != str(value) for value in given):
                given.append(definition.value)
    return tuple((name, tuple(given)) for name, given in values.items() if len(given) >= 2)


def _lifted(lead: str, after: str, cases: bool) -> set | None:
    found: set = set()
    for match in DROPPED.finditer(lead or ""):
        found.add(match.group("name").lstrip("\\"))
    last = last_sentence(lead)
    if THEOREM_LABEL.match(re.sub(r"\$[^$]*\$", " ", lead or "")) or THEOREM_LABEL.match(
            last) or STATEMENT_LEAD.match(last):
        return ALL  # **Theorem.** $$…$$, Identity: $$…$$, The rule is $$…$$ (14a F6)
    if NOT_THE_EXAMPLE.search(lead or "") or NOT_THE_EXAMPLE.search(after or ""):
        return ALL  # "This does not depend on the example:" (14a F6)
    pieces = VALUED_FORMULA.split(lead or "")
    # (the formula the last piece follows kept as a mark: "… $F$ holds for every $x$" speaks of F)
    last = pieces[-1] if len(pieces) == 1 else "$=$" + pieces[-1]
    for words in (last, after or ""):
        found |= new_case_names(words)  # "Now let $x$ be negative." (round 15 F30)
        for match in LIFTING.finditer(words):
            found |= _letters(next(group for group in match.groups() if group))
        named_spans = [match.span() for match in ABOUT_FORMULA.finditer(words)]
        for pattern in (_WORD_THEN_NAMES, _NAMES_THEN_WORD):
            for match in pattern.finditer(words):
                if not about_formula(words, match.start()):
                    found |= _letters(match.group("names"))
                named_spans.append(match.span())
        if FOR_THE_EXAMPLE.search(last) or FOR_THE_EXAMPLE.search(after or ""):
            continue  # "In general, $m q = 4 q$ for this choice": at the example (round 13 F5)
        case_spans = [match.span() for match in ALL_CASES.finditer(words)]
        for match in (*GENERAL_WORDS.finditer(words),
                      *(ALL_CASES.finditer(words) if cases else ())):
            if any(start <= match.start() < end for start, end in named_spans):
                continue  # it speaks of the letters it names
            if not cases and any(start <= match.start() < end for start, end in case_spans):
                continue  # "for all cases", 모든 경우에: words of every case, not asked for
            return ALL  # "In general", "always": no letter named, every one lifted
        if general_claim(words):
            return ALL  # "The general identity is" (round 12a F4)
    return found
