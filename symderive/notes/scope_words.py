r"""Words that say a formula holds *from here on* or only *in a hypothetical* (review round 10,
C5), for the reading of a second ``name = …`` (docs/notes.md, "Formulas given again").

* **From here on** — *In what follows*, *in the following*, *hereafter*, *henceforth*, *from
  now / here / this point on*, *for the rest of this section*, *throughout the rest*, 이하에서(는),
  다음에서는, 이후로(는), 이제부터, 앞으로 — announce the definition used from this line on: a
  redefinition, never a claim. The *follows* of *in what follows* is no *it follows that*: the
  phrase is taken out of the words before the consequence markers (*follows, hence, so …*) are
  looked for, so ``In what follows, $q = r^2$.`` redefines q and ``In what follows we get
  $q = 5r$`` is still a claim (the derivation words come after the phrase); derivation words
  before the phrase (*Hence, in what follows*, *We show in the following that*) leave both
  readings open.
* *below* alone (*Below, $q = r^2$*) may point at a later derivation or start a new setting:
  the text does not say, so both readings are checked (an opening word).
* **A hypothetical** — *What if $q = r^2$ (instead)?*, *what about*, *what happens if*,
  *imagine*, *if instead* — about a name already defined: the new formula may hold from here on
  or only in the question, so both readings are checked and a later step about the name stands
  only where they agree (undecided otherwise, naming both lines); never a silent condition
  after which the old definition is used as if nothing were said.

The words that end the scope of a stated condition (review round 11, docs/notes.md "Domains
stated in words"):

* **Another case** — *otherwise, else, conversely, on the other hand, in / by contrast,
  instead, in the other / remaining / opposite case, in all other cases, if not*, 반면, 한편,
  반대로, 그 외, 이외의, 그렇지 않으면, 나머지 경우, 다른 경우, 대신 — or a condition in words that
  names no letter (*For negative inputs*, *when the input is positive*, 음수일 때는), or a sign,
  side or case named in its opening words (:func:`side_named`, round 12a F5): the
  sentence states another condition on what a quantifier or a statement bound, in words the
  reader cannot turn into a domain. The bindings before it end there.
* **Another place or time** — *in the next / previous chapter*, *in Section 5*, *later*, *will*,
  *if … were*, 다음 장에서는, 나중에, 이전 장: a property stated for somewhere else, or only
  supposed, is no property here (it may withhold a refutation, never make a claim hold).
"""

from __future__ import annotations

import re

from symderive.notes.sections import KOREAN_SCOPE_OPENER, WHOLE_CHAPTER, WHOLE_FILE

FROM_HERE_ON = re.compile(
    WHOLE_FILE.pattern + "|" + WHOLE_CHAPTER.pattern
    + r"|\bfor\s+the\s+rest\b|\bin\s+the\s+(?:following|remainder|rest)\b"
    r"|\bthroughout\s+the\s+(?:rest|remainder)\b|\bfrom\s+(?:now|here|this\s+point|this\s+line|"
    r"this\s+section)\s+on(?:wards?)?\b|\bfrom\s+now\b|\bgoing\s+forward\b|\bhenceforward\b"
    r"|" + KOREAN_SCOPE_OPENER + r"|다음에서(?:는)?|이후로(?:는)?|이후에는|이제부터|지금부터",
    re.I,
)
BELOW = re.compile(r"\bbelow\b", re.I)
HYPOTHETICAL = re.compile(
    r"\bwhat\s+(?:if|about|happens|would|changes)\b|\binstead\b|\bimagine\b|\bhypothetical\w*"
    r"|\balternatively\b|대신|만약\s*대신|다르게",
    re.I,
)


def mask_from_here_on(words: str) -> tuple[str, int]:
    """The words with every *from here on* phrase blanked (same length, so positions keep) and
    the start of the last such phrase (-1: none)."""
    last = -1
    for match in FROM_HERE_ON.finditer(words):
        last = match.start()
    masked = FROM_HERE_ON.sub(lambda match: " " * len(match.group(0)), words)
    return masked, last


def hypothetical(words: str) -> bool:
    """The sentence asks *what if* or offers the formula *instead*: a hypothetical."""
    return HYPOTHETICAL.search(words) is not None


_FORMULA = re.compile(r"\$\$.*?\$\$|\$[^$]*\$", re.S)
_SENTENCE_END = re.compile(r"[.!?;。](?=\s|$)")


def sentence_from_here_on(lead: str) -> bool:
    """The formula's whole sentence (earlier formulas of it included, blanked) opens with a
    *from here on* phrase: ``From here on, $L$ denotes the absolute loss $L = |wx - t|$``."""
    words = _FORMULA.sub(" ", lead or "").replace("e.g.", "e_g").replace("i.e.", "i_e")
    return FROM_HERE_ON.search(_SENTENCE_END.split(words.rstrip(" \t.!?;。"))[-1]) is not None


# -- another case, another place (review round 11) -----------------------------------------
OTHER_CASE = re.compile(
    r"\botherwise\b|\belse\b|\bconversely\b|\bon\s+the\s+other\s+hand\b|\b(?:in|by)\s+contrast\b"
    r"|\binstead\b|\b(?:in|for)\s+(?:the\s+|all\s+|any\s+)?(?:other|remaining|opposite|"
    r"complementary|second|latter)\s+(?:cases?|half|range|regime|side)\b|\bif\s+not\b"
    r"|\bthe\s+(?:other|opposite)\s+(?:case|sign)\b"
    r"|반면|한편|반대로|그\s*외|이외의|그렇지\s*않|나머지\s*경우|다른\s*경우|대신"
    # round 27a R1: an assumption withdrawn or widened ("Without this assumption", "If we drop
    # this assumption", "More generally, for an input of either sign", 이 가정 없이도): every
    # domain stated before ends, as after another case
    r"|\beven\s+without\b|\bin\s+general\b|\bmore\s+generally\b|\b(?:regardless|irrespective)"
    r"\s+of\b|\b(?:either|any|both|all|arbitrary|every)\s+signs?\b|\bon\s+the\s+whole\s+(?:real\s+)?"
    r"(?:line|axis)\b"
    r"|일반적으로|부호(?:와|에)\s*(?:상관|관계)\s*없이|부호(?:가|와)?\s*(?:무엇이든|어떻든)"
    r"|부호(?:를|가)?\s*(?:모[르를름]|알\s*수\s*없|정해지지\s*않)"  # round 30 F11
    r"|부호(?:와|에)\s*무관|부호를?\s*가리지\s*않|양수가\s*아닐\s*수도"  # round 31a F23, F24, F27
    r"|성립하지\s*않더라도|양수가\s*아니더라도|보장이\s*없어도"  # round 32a F21
    # round 34a F23, F28: whether it holds or not
    r"|이?든\s*(?:아니든|말든|안\s*하든|거짓이든)|참이라\s*해도\s*거짓이라\s*해도"
    r"|\bwhether\s+or\s+not\b|\bwhether\b[^.;]{0,120}?\bor\s+not\b"
    # round 29 F04-F08: the assumption named by its formula (blanked here: "Without $x > 0$,"),
    # or left open ("If $x > 0$ is not assumed", "for $x$ of unknown sign")
    r"|\b(?:without|dropp\w*|remov\w*|relax\w*|lift\w*|ignor\w*|beyond|abandon\w*|discard\w*"
    r"|dispens\w*\s+with|do(?:ing)?\s+away\s+with)\s{3,}"
    # round 30 F09: "When $x > 0$ fails", "once $x > 0$ no longer holds"
    # (after a blanked formula: a look-behind, so a long run of blanks is not searched again
    # from each of its characters — round 31a F31)
    r"|(?<=\s\s\s)(?:fails?|failing|(?:(?:does|do)\s*)?(?:not|n't)\s+(?:hold|apply)|no\s+longer\s+"
    r"holds?|(?:might|may|could)\s+(?:fail|not\s+hold)|(?:is|were|was)\s*(?:n't\s+|\s+)"
    r"(?:false|untrue|unknown|violated|not\s+(?:true|satisfied|guaranteed|assumed|in\s+force|the\s+"
    r"case)|dropped|removed|relaxed|lifted|abandoned|retracted|suspended|withdrawn|given\s+"
    r"up)|(?:is|were|was)n't\s+true|cannot\s+be\s+(?:guaranteed|assumed)"
    r"|(?:breaks?|broke)\s+down)\b"
    r"|\b(?:in\s+the\s+absence\s+of|letting\s+go\s+of|suspend\w*|retract\w*|withdraw\w*"
    r"|stop\s+assuming|do\s+not\s+insist\s+on|free\s+\S*\s*from\s+the)\s"
    r"|\b(?:is|are)\s+(?:not|no\s+longer)\s+(?:assumed|required|given|known)\b"
    r"|\bnot\s+assuming\b|\bof\s+(?:unknown|any|arbitrary|either)\s+signs?\b|\bwhose\s+sign\s+is"
    r"\s+(?:unknown|not\s+known|arbitrary)\b",
    re.I,
)
# round 28 F03-F06: a word of an assumption and a word withdrawing it anywhere in the sentence,
# in any order and voice ("If this assumption is dropped", "Without assuming positivity", "When
# the assumption fails"); two searches, linear in the sentence (round 29 F30: one pattern with a
# look-ahead took time growing with the square of a long sentence)
ASSUMPTION_WORD = re.compile(r"\b(?:assum\w*|conditions?|restrictions?|hypothes[ie]s|constraints?"
                             r"|premises?|requirements?|positivity|negativity|sign)\b", re.I)
WITHDRAWING_WORD = re.compile(r"\b(?:without|dispens\w*|suspend\w*|retract\w*|withdr[ae]w\w*"
                              r"|drop\w*|remov\w*|relax\w*|lift\w*|fail\w*|violat\w*"
                              r"|abandon\w*|discard\w*|ignor\w*|no\s+longer|not\s+hold\w*|set\s+aside"
                              r"|weaken\w*|waiv\w*|beyond|unknown|aside|gone|untrue)\b", re.I)
WITHDRAWN_KOREAN = re.compile(r"(?:가정|조건|제약)[^.。]{0,200}?(?:철회|완화|거두|없이|없애|없다면|없으면|"
                              r"제거|빼|버리|풀|무시|깨지|성립하지\s*않)")


class _OtherCaseWords:
    """:data:`OTHER_CASE`: ``search(words)`` gives the match of the words opening another case
    or withdrawing an assumption, or None."""

    def __init__(self, words: re.Pattern):
        self.words = words
        self.pattern = words.pattern

    def search(self, text: str):
        found = self.words.search(text) or WITHDRAWN_KOREAN.search(text)
        if found is None and ASSUMPTION_WORD.search(text):
            found = WITHDRAWING_WORD.search(text)
        return found


OTHER_CASE = _OtherCaseWords(OTHER_CASE)
# a condition in words about no letter: "For negative inputs", "when the argument is positive"
CONDITION_IN_WORDS = re.compile(
    r"\b(?:for|when|whenever|if|in\s+case|once|where)\b[^.;$]{0,40}?\b(?:positive|negative|"
    r"non-?negative|non-?positive|non-?zero|zero|small|large|larger|smaller|big|bigger|"
    r"less\s+than|greater\s+than|below|above|exceeds?|at\s+most|at\s+least|outside|beyond)\b"
    r"|(?:양수|음수|양의|음의|0)\s*(?:일\s*때|이면|인\s*경우|일\s*경우|에\s*대해|에서는)"
    r"|보다\s*(?:작|크|클|큰)[^.]{0,6}?(?:때|면|경우)",
    re.I,
)
ELSEWHERE = re.compile(
    r"\b(?:next|following|later|subsequent|previous|preceding|earlier|another|coming|future|"
    r"last)\s+(?:chapters?|sections?|subsections?|parts?|lectures?|notes?|units?|lessons?|"
    r"examples?|exercises?|pages?|appendi(?:x|ces)|steps?|problems?)\b"
    r"|\b(?:in|see|from|until)\s+(?:chapter|section|§|appendix|lecture|part|exercise|example|"
    r"lesson|unit)\s*~?\s*[\dA-Z]|§\s*\d|\b(?:later|eventually|subsequently|not\s+yet|until|"
    r"will|shall|if|whether|unless|hypothetical\w*|imagine)\b"
    r"|다음\s*(?:장|절|단원|강|섹션|챕터)|이전\s*(?:장|절|단원)|앞\s*(?:장|절)|뒤\s*(?:장|절)"
    r"|나중에|이후에|향후|제?\s*\d+\s*(?:장|절)|만약|라면|였다면|이면|일\s*때|경우|것이다|겠",
    re.I,
)


# round 12a F5: a sign, a side or a case named in a sentence's opening words (*In the negative
# case*, *Case 2.*, *Second case:*, *Below zero*, *When the sign flips*, *Mirror case:*, *For the
# remaining values*, 음의 경우에는, 두 번째 경우, 반대 부호에서는): the sentence turns to another
# case whatever the phrase around the word. One word list, not a list of phrases: a word too many
# only makes a proof that used the stated domain undecided, never refutes or proves anything.
SIDE_WORDS = re.compile(
    r"\bnegative\b|\bnon-?positive\b|\bbelow\s+(?:zero|0|the\s+origin|the\s+axis)\b"
    r"|\bless\s+than\s+(?:zero|0)\b|\b(?:left|right)\s+(?:of|half|side\s+of)\s+(?:the\s+)?"
    r"(?:origin|zero|0|axis|line)\b|\bto\s+the\s+left\b|\bhalf-?(?:line|axis|plane)\b"
    r"|\bsigns?\s+(?:flips?|flipped|changes?|changed|reverses?|reversed|switch(?:es)?|is\s+"
    r"(?:flipped|reversed|changed|switched))\b|\b(?:flip|flips|flipped|flipping|reverse|reversing|"
    r"switch|switching|change|changing)\s+(?:the\s+|its\s+)?signs?\b|\bopposite\b|\bmirror(?:ed)?\b"
    r"|\breflected\b|\bremaining\b|\bother\s+(?:side|half|sign|branch|values?|direction|inputs?|"
    r"arguments?|points?|region|interval|possibilit(?:y|ies))\b"
    r"|\b(?:second|third|fourth|2nd|3rd|latter|last)\s+(?:case|half|branch|part|regime|"
    r"possibility|scenario|region|interval|range)\b|\bcase\s+(?:[2-9]|ii|iii|iv|two|three|four|b|c)\b"
    r"|음의|음수|음인|음일|두\s*번째|세\s*번째|둘째|셋째|반대|나머지|다른\s*(?:경우|쪽|부호|값|구간)|왼쪽"
    r"|(?:0|영)\s*보다\s*작|부호가?\s*(?:바뀌|반대|뒤집)|부호를?\s*(?:바꾸|바꿔|뒤집)",
    re.I,
)
# the opening of a condition whose words may come after its formula (*For $x$ on the left of the
# origin,*, *When $x$ has the other sign*): its first clause is read whole
CONDITION_OPENING = re.compile(r"^\s*(?:\W*\s*)?(?:for|when|whenever|if|on|in|with|at|over)\b", re.I)


def side_named(sentence: str) -> int:
    """Where a sign, side or case word (:data:`SIDE_WORDS`) opens another case in ``sentence``
    (formulas written as ``$…$``), or -1: in its words before its first formula, or in the first
    clause of a sentence opening with a condition word (*For $x$ on the left of the origin,*).
    Words after a formula of another sentence shape (*Then $-x$ is negative*) speak of that
    formula, not of a case."""
    opening = re.split(r"\$", sentence, maxsplit=1)[0]
    if match := SIDE_WORDS.search(opening):
        return match.start()
    if CONDITION_OPENING.match(sentence):
        clause = re.split(r"[,;:]|\bthen\b", re.sub(r"\$[^$]*\$", lambda m: " " * len(m.group()),
                                                      sentence), maxsplit=1)[0]
        if match := SIDE_WORDS.search(clause):
            return match.start()
    return -1


def other_case(words: str) -> bool:
    """The words (formulas blanked) open another case: *otherwise*, *for negative inputs*."""
    return bool(OTHER_CASE.search(words) or CONDITION_IN_WORDS.search(words))


def elsewhere(sentence: str) -> bool:
    """The sentence places what it states somewhere else, later, or only supposes it."""
    return ELSEWHERE.search(re.sub(r"\$[^$]*\$", " ", sentence)) is not None


_STOP = re.compile(r"[.!?。](?=\s|\$|$)|다\.|\n[ \t]*\n")


def elsewhere_around(text: str, start: int, end: int) -> bool:
    """:func:`elsewhere` for the sentence of ``text`` holding ``text[start:end]`` (a match of a
    property reader): from the end of the sentence before it to the end of its own."""
    before = [m.end() for m in _STOP.finditer(text, 0, start)]
    after = _STOP.search(text, end)
    return elsewhere(text[before[-1] if before else 0 : after.end() if after else len(text)])


# a contrast opening a sentence whose condition is readable ("On the other hand, for $y < 0$,",
# "If instead $y < 0$,", "반면 $y$가 음수이면"): the templates read the condition without it
CASE_LEAD = re.compile(
    r"^(?:(?:on\s+the\s+other\s+hand|in\s+contrast|by\s+contrast|conversely|however|instead|"
    r"but)\s*,?\s+|(?:반면(?:에)?|한편|반대로|그러나|하지만)\s*,?\s*)", re.I)
CASE_INSIDE = re.compile(r"^(if|when|whenever|for)\s+(?:instead|however|now|conversely)\s*,?\s+",
                         re.I)


def without_case_lead(clause: str) -> str:
    """The clause without a contrast before its condition (``On the other hand, when $y$ is
    negative,`` → ``when $y$ is negative,``; ``If instead $y < 0$,`` → ``If $y < 0$,``)."""
    clause = CASE_LEAD.sub("", clause, count=1)
    return CASE_INSIDE.sub(lambda m: m.group(1) + " ", clause, count=1)
