"""σ read as the sigmoid only in a note that says σ is the sigmoid.

The grammar reads ``\\sigma(z)`` as the logistic sigmoid, and :mod:`symderive.notes.named_functions`
follows the sentences that give σ another meaning (*σ is tanh*, *We denote the activation by σ*
after *The activation is the hyperbolic tangent*). Those sentences come in too many shapes to
follow all of them (round 41 Q01–Q04; round 44 T01–T07: the softmax, the identity, erf, the
probit link, *any sigmoid*, a permutation, the divisor sum, a singular value, σ in Unicode prose
or in Korean). So σ is the sigmoid only where the note says so: the formula
(``\\sigma(x) = \\frac{1}{1 + e^{-x}}``, ``(1 + e^{-x})^{-1}``, ``\\frac{e^x}{1 + e^x}``), or words
naming σ the sigmoid or logistic function without comparing, denying, approximating or
generalising it (*any sigmoid*, *a sigmoid curve*, *up to scaling, the logistic function*, *the
symmetric cousin of the logistic sigmoid*). Elsewhere a verdict that reads σ as the sigmoid is
*undecided*, naming the other activation the note names, if any.
"""

from __future__ import annotations

import re
from functools import lru_cache

from symderive.notes.named_functions import KNOWN

# another activation function, by the words of notes/named_functions.KNOWN (one list) or by a
# formula's name: \tanh, \arctan, \sin, \operatorname{SiLU} … (round 42 R01, R02)
_OTHERS = ("tanh", "ReLU", "softplus", "ELU", "swish", "arctan", "step", "sign", "sine")
OTHER_ACTIVATION = re.compile(
    "|".join(rf"(?<![A-Za-z])(?:{KNOWN[name]})(?![A-Za-z])" for name in _OTHERS)
    + r"|\\(?:tanh|arctan|sin)(?![A-Za-z])|hyperbolic[-\s]+tangent|soft-?sign|\bmish\b"
    r"|双曲正切|雙曲正切|쌍곡\s*탄젠트|하이퍼볼릭\s*탄젠트|렐루", re.I)
SIGMA = r"(?:\\sigma(?![A-Za-z])|σ)"
_SIGMOID = r"(?:(?:logistic\s+)?sigmoid|logistic)(?:\s+(?:function|activation|curve|nonlinearity))?"
# σ said to be the sigmoid: *the sigmoid function $\sigma$*, *$\sigma$ denotes the logistic
# function*, *We denote the sigmoid by $\sigma$*, 시그모이드 함수 $\sigma$ — never a sentence
# that only mentions both (*the output uses a sigmoid instead*: round 42 R03)
SIGMOID_STATED = re.compile(
    rf"(?:the|a|by|with|of|is|=)\s+{_SIGMOID}\s*,?\s*\(?\s*\$\s*{SIGMA}"
    rf"|^\s*{_SIGMOID}\s*,?\s*\$\s*{SIGMA}"
    rf"|\$\s*{SIGMA}[^$]{{0,25}}\$\s*,?\s*(?:is|denotes?|will\s+denote|be|stands?\s+for|represents?"
    rf"|refers\s+to|as|for)\s+(?:the\s+|a\s+)?{_SIGMOID}"
    rf"|(?:denote|write|call)\s+(?:the\s+|a\s+)?{_SIGMOID}\s+(?:by|as)\s+\$\s*{SIGMA}"
    rf"|\$\s*{SIGMA}[^$]{{0,25}}\$\s*,?\s*(?:the|a)\s+{_SIGMOID}"  # *by $\sigma$, the logistic sigmoid*
    rf"|(?:the\s+)?{_SIGMOID}\s+is\s+\$\s*{SIGMA}"  # *The sigmoid is $\sigma$*
    rf"|\$\s*{SIGMA}[^$]{{0,25}}\$\s*(?:is|denotes|=)\s*\$\s*\\(?:operatorname|mathrm|text|textrm)"
    rf"\s*\{{\s*sigmoid\s*\}}"  # *Here $\sigma$ is $\operatorname{{sigmoid}}$*
    rf"|(?:시그모이드|로지스틱)\s*(?:함수)?\s*(?:인\s*)?\$\s*{SIGMA}"
    rf"|\$\s*{SIGMA}[^$]{{0,25}}\$\s*(?:는|은|를|을|이|가)?\s*(?:시그모이드|로지스틱)", re.I | re.M)
_ONE_PLUS_EXP = r"1\s*\+\s*(?:e\s*\^|\\exp)"
# σ(x) = 1/(1 + e^{-x}), \frac{1}{1 + e^{-x}}, (1 + e^{-x})^{-1}, \frac{e^x}{1 + e^x} (round 44 T11)
SIGMOID_FORMULA = re.compile(
    rf"{SIGMA}\s*\(\s*[a-z]\s*\)\s*(?:=|:=|\\coloneqq|\\triangleq|\\equiv)\s*(?:"
    rf"\\d?frac\s*\{{?\s*1\s*\}}?\s*\{{\s*{_ONE_PLUS_EXP}"
    rf"|1\s*/\s*\(\s*{_ONE_PLUS_EXP}"
    rf"|\(\s*{_ONE_PLUS_EXP}[^()]*(?:\([^()]*\)[^()]*)*\)\s*\^\s*\{{\s*-\s*1\s*\}}"
    rf"|\\d?frac\s*\{{\s*e\s*\^\s*\{{?\s*[a-z]\s*\}}?\s*\}}\s*\{{\s*{_ONE_PLUS_EXP})")
APPLIED_SIGMA = re.compile(rf"{SIGMA}\s*(?:'|\^\s*\{{?\s*\\prime|\\left\s*\(|\(|\\[Bb]igg?l?\s*[(\[])")
SIGMOID_WORD = re.compile(r"sigmoid|logistic|시그모이드|로지스틱|S형", re.I)
SENTENCE = re.compile(r"[^.!?。\n]+(?:[.!?。]|\n|$)")


# words that make a mention of the sigmoid no statement about σ: a contrast, a denial, a role
# taken over (*uses a sigmoid instead*, *we do not use the sigmoid*, *plays the role the sigmoid
# played*), or another thing named after it (*the logistic loss*)
NO_STATEMENT = re.compile(
    r"\b(?:instead|rather|unlike|like|not|no|never|than|role|played|replaces?|replaced|versus"
    r"|vs|compared?|similar|except|only\s+for|logistic\s+(?:loss|regression\s+loss)|whereas|while"
    r"|in\s+contrast|as\s+opposed|both)\b"
    r"|대신|아니|처럼|달리|비해|반면", re.I)
# words that make σ a sigmoid of some kind, not the logistic function: a class or any member of it
# (*any sigmoid*, *a sigmoid curve*, *sigmoidal*, *S-shaped*), an approximation, a relative or a
# transform of it (*up to scaling*, *the symmetric cousin of*), another model around it (*a
# logistic regression on σ(z)*), the probit link (round 44 T02–T05)
HEDGE = re.compile(
    r"\b(?:any|some|arbitrary|generic|general|every|certain)\s+(?:[\w-]+\s+){0,2}?(?:sigmoid|logistic"
    r"|S-shaped|activation|function|nonlinearity)"
    r"|\b(?:a|one)\s+sigmoid(?!\s+(?:function|activation)\s*,?\s*\$)|sigmoids\b"
    r"|\b(?:curve|curves|sigmoidal|S-shaped|s-curve|family|class|kind|type|sort|variant\w*|version"
    r"|cousin|relative|approximat\w*|resembl\w*|similar\w*|up\s+to|scaled|shifted|rescaled"
    r"|stretched|symmetric|piecewise|hard|probit|normal|gaussian|cdf|cumulative|regression\s+on"
    r"|generali[sz]\w*|special\s+case|example|e\.g\.|such\s+as)\b"
    r"|S자|모양|곡선|근사|임의|어떤|일종|종류|변형|누적\s*분포|정규\s*분포|프로빗", re.I)
DISPLAY = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]|\\begin\{(\w+\*?)\}.*?\\end\{\1\}", re.S)

def _words(text: str) -> str:
    """The note's words and inline formulas (``applies $\\tanh$``, ``computes $h = \\tanh(z)$``:
    round 43 S02), with displays blanked: a display using tanh (its derivative worked out)
    names no activation."""
    return DISPLAY.sub(lambda found: " " * len(found.group()), text)


def sigmoid_stated(text: str) -> bool:
    """The note says σ is the sigmoid: the formula, words naming σ the sigmoid in a sentence
    that does not hedge (:data:`HEDGE`), or a sentence of its words naming the sigmoid
    (*The logistic sigmoid has the famous derivative*) that names no other activation, neither
    contrasts nor denies it, nor hedges, and writes σ or leads into a display that does."""
    if SIGMOID_FORMULA.search(text):
        return True
    words_of_note = _words(text)
    for found in SIGMOID_STATED.finditer(text):
        if not HEDGE.search(_sentence_around(text, words_of_note, found.start(), found.end())):
            return True
    inline_sigma = re.compile(rf"\$[^$]*{SIGMA}[^$]*\$")
    for sentence in SENTENCE.finditer(words_of_note):
        words = sentence.group()
        if not (SIGMOID_WORD.search(words) and not OTHER_ACTIVATION.search(words)
                and not NO_STATEMENT.search(words) and not HEDGE.search(words)):
            continue
        if inline_sigma.search(words):
            continue  # σ beside the sigmoid, not named it (*The logistic sigmoid and $\sigma$
            # both send 0 to 1/2*, round 45 X04): only SIGMOID_STATED's shapes name it
        if _named_next(words_of_note, sentence.end()):
            return True  # *The activation is the logistic sigmoid. We write it $\sigma$.*
        elsewhere = words_of_note[:sentence.start()] + words_of_note[sentence.end():]
        if _leads_into_sigma(text, sentence) and not inline_sigma.search(elsewhere):
            return True  # σ only in displays, and this sentence leads into one (the corpus)
    return False


def _named_next(words_of_note: str, end: int) -> bool:
    r"""One of the next sentences (at most :data:`REACH`) names σ by pointing back to the
    sigmoid (*We write it $\sigma$*, *We denote the activation by $\sigma$*, *이를 $\sigma$로
    표기한다*), and none before it names another activation, hedges or speaks of the sigmoid
    (round 40 I01). A sentence giving σ to something else (*Its derivative we denote by σ*,
    *Its inverse we write as σ*, *$\sigma(n)$ is the sum of the divisors*) names nothing
    (round 45 X01–X03)."""
    for sentence in list(SENTENCE.finditer(words_of_note, end))[:REACH]:
        words = sentence.group()
        if OTHER_ACTIVATION.search(words) or HEDGE.search(words) or SIGMOID_WORD.search(words):
            return False
        if re.search(SIGMA, words):
            return bool(POINTING_BACK.search(words)) and not NO_STATEMENT.search(words)
    return False


# σ given to what the sentence before named: *We write it $\sigma$*, *Below we write it as
# $\sigma$*, *We denote the activation by $\sigma$*, *이를 $\sigma$로 표기한다*
POINTING_BACK = re.compile(
    rf"^\W*(?:\w+\s+){{0,2}}?(?:we\s+)?(?:write|denote|call|represent|abbreviate)\s+(?:it|this"
    rf"(?:\s+function)?|the\s+(?:activation|nonlinearity|function))\s+(?:by\s+|as\s+)?\$\s*{SIGMA}"
    rf"\s*\$\s*[.!。]?\s*$|^\W*(?:이를|이것을|이\s*함수를|활성화\s*함수를)\s*\$\s*{SIGMA}\s*\$\s*"
    rf"(?:로|으로)\s*(?:표기|쓴|쓰자|나타낸|적는)", re.I)


REACH = 3  # sentences a statement naming the sigmoid reaches forward to the σ that writes it


def _sentence_around(text: str, words: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``text[start:end]`` (a full stop inside a formula
    ends nothing: ``words`` is the text with its displays blanked, :func:`_words`)."""
    before = max(words.rfind(mark, 0, start) for mark in ".!?。\n")
    after = [words.find(mark, end) for mark in ".!?。\n"]
    after = min([position for position in after if position >= 0], default=len(text))
    return text[before + 1:after + 1]


def _leads_into_sigma(text: str, sentence: re.Match) -> bool:
    """The sentence leads into a display that uses σ (*The logistic sigmoid has the famous
    derivative* $$σ'…$$). Counted only in a note whose words never write σ otherwise: *We denote
    the activation by $\\sigma$. The last layer is a sigmoid.* names σ elsewhere (round 43 S01)."""
    following = DISPLAY.match(text, len(text[:sentence.end()]) + len(
        re.match(r"\s*", text[sentence.end():]).group()))
    if following and re.search(SIGMA, following.group()):
        return True
    inside = DISPLAY.search(text, sentence.start(), sentence.end())  # *with sigmoid: $$ŷ = σ(z)$$*
    return bool(inside and re.search(SIGMA, inside.group())
                and SIGMOID_WORD.search(text[sentence.start():inside.start()]))



# σ itself the subject of words: an inline formula that is σ alone or σ of a short argument
# (*Let $\sigma(n)$ denote the sum of the divisors of n*, *by $\sigma$, the normal CDF*), or σ
# in the prose outside formulas (*Here σ denotes the identity activation*: round 44 T04–T07)
SIGMA_ALONE = re.compile(rf"\$\s*{SIGMA}\s*(?:_\s*\{{?\s*\w+\s*\}}?)?\s*(?:\(\s*[^()$]{{0,16}}\)\s*)?\$")
INLINE = re.compile(r"\$[^$]*\$")


def sigma_in_words_line(text: str) -> int:
    """The first line whose words speak of σ itself (0: none)."""
    words = _words(text)
    found = SIGMA_ALONE.search(words) or re.search("σ", INLINE.sub(
        lambda inline: " " * len(inline.group()), words))
    return text.count("\n", 0, found.start()) + 1 if found else 0


def other_activation_line(text: str) -> int:
    """The first line whose words name another activation function (0: none)."""
    found = OTHER_ACTIVATION.search(_words(text))
    return text.count("\n", 0, found.start()) + 1 if found else 0


@lru_cache(maxsize=8)
def _unstated(text: str) -> tuple[bool, int]:
    """(the note speaks of σ or of another activation and never says σ is the sigmoid, the
    first line naming another activation or 0): facts of the whole note, read once for all its
    steps, not once per step. A note whose words say nothing of σ, and name no other
    activation, keeps the convention that σ is the sigmoid (docs/conventions.md)."""
    line = other_activation_line(text)
    spoken = line or sigma_in_words_line(text)
    return bool(spoken) and not sigmoid_stated(text), line


def doubt(text: str, latex: str) -> str:
    """Why a step that applies σ (``latex``: its formulas and the definitions it used) is not
    decided with σ the sigmoid: the note's words speak of σ, or name another activation, and
    never say σ is the sigmoid; '' otherwise."""
    if not APPLIED_SIGMA.search(latex):
        return ""
    unstated, line = _unstated(text)
    if not unstated:
        return ""
    other = (f"names another activation function (line {line})" if line else
             "speaks of σ in its words")
    return (f"σ is read as the sigmoid, but the note {other} and never says σ is the sigmoid: not "
            "decided (say 'σ is the sigmoid', or define σ)")
