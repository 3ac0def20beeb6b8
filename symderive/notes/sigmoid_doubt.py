"""σ read as the sigmoid in a note that names another activation and never says σ is the sigmoid.

The grammar reads ``\\sigma(z)`` as the logistic sigmoid, and :mod:`symderive.notes.named_functions`
follows the sentences that give σ another meaning (*σ is tanh*, *We denote the activation by σ*
after *The activation is the hyperbolic tangent*). Those sentences come in too many shapes to
follow all of them (round 41 Q01–Q04: the tanh named in a sentence about hidden units, forty
words before σ, a Korean chain of subjectless sentences). So, as a last guard: where the note
names another activation function (tanh, ReLU, softplus, GELU …) and nowhere states that σ is the
sigmoid (a sentence naming σ and the sigmoid or logistic function without comparing them, or the
formula ``\\sigma(x) = \\frac{1}{1 + e^{-x}}``), a verdict that reads σ as the sigmoid is *undecided*.
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
    rf"|(?:시그모이드|로지스틱)\s*(?:함수)?\s*(?:인\s*)?\$\s*{SIGMA}"
    rf"|\$\s*{SIGMA}[^$]{{0,25}}\$\s*(?:는|은|를|을|이|가)?\s*(?:시그모이드|로지스틱)", re.I | re.M)
SIGMOID_FORMULA = re.compile(
    rf"{SIGMA}\s*\(\s*[a-z]\s*\)\s*(?:=|:=|\\coloneqq|\\triangleq|\\equiv)\s*\\d?frac\s*\{{?\s*1\s*\}}?"
    rf"\s*\{{\s*1\s*\+\s*(?:e\s*\^|\\exp)")
APPLIED_SIGMA = re.compile(rf"{SIGMA}\s*(?:'|\^\s*\{{?\s*\\prime|\\left\s*\(|\()")
SIGMOID_WORD = re.compile(r"sigmoid|logistic|시그모이드|로지스틱|S형", re.I)
SENTENCE = re.compile(r"[^.!?。\n]+(?:[.!?。]|\n|$)")


# words that make a mention of the sigmoid no statement about σ: a contrast, a denial, a role
# taken over (*uses a sigmoid instead*, *we do not use the sigmoid*, *plays the role the sigmoid
# played*), or another thing named after it (*the logistic loss*)
NO_STATEMENT = re.compile(
    r"\b(?:instead|rather|unlike|like|not|no|never|than|role|played|replaces?|replaced|versus"
    r"|vs|compared?|similar|except|only\s+for|logistic\s+(?:loss|regression\s+loss))\b"
    r"|대신|아니|처럼|달리|비해", re.I)
DISPLAY = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]|\\begin\{(\w+\*?)\}.*?\\end\{\1\}", re.S)

def _words(text: str) -> str:
    """The note's words and inline formulas (``applies $\\tanh$``, ``computes $h = \\tanh(z)$``:
    round 43 S02), with displays blanked: a display using tanh (its derivative worked out)
    names no activation."""
    return DISPLAY.sub(lambda found: " " * len(found.group()), text)


def sigmoid_stated(text: str) -> bool:
    """The note says σ is the sigmoid: the formula, words naming σ the sigmoid, or a sentence
    of its words naming the sigmoid (*The logistic sigmoid has the famous derivative*) that
    names no other activation and neither contrasts nor denies it."""
    if SIGMOID_FORMULA.search(text) or SIGMOID_STATED.search(text):
        return True
    words_of_note = _words(text)
    inline_sigma = re.compile(rf"\$[^$]*{SIGMA}[^$]*\$")
    for sentence in SENTENCE.finditer(words_of_note):
        words = sentence.group()
        if not (SIGMOID_WORD.search(words) and not OTHER_ACTIVATION.search(words)
                and not NO_STATEMENT.search(words)):
            continue
        if inline_sigma.search(words):
            return True  # *the logistic sigmoid $\sigma$ saturates*
        elsewhere = words_of_note[:sentence.start()] + words_of_note[sentence.end():]
        if _leads_into_sigma(text, sentence) and not inline_sigma.search(elsewhere):
            return True  # σ only in displays, and this sentence leads into one (the corpus)
    return False


def _leads_into_sigma(text: str, sentence: re.Match) -> bool:
    """The sentence leads into a display that uses σ (*The logistic sigmoid has the famous
    derivative* $$σ'…$$). Counted only in a note whose words never write σ otherwise: *We denote
    the activation by $\\sigma$. The last layer is a sigmoid.* names σ elsewhere (round 43 S01)."""
    following = DISPLAY.match(text, len(text[:sentence.end()]) + len(
        re.match(r"\s*", text[sentence.end():]).group()))
    return bool(following and re.search(SIGMA, following.group()))



def other_activation_line(text: str) -> int:
    """The first line whose words name another activation function (0: none)."""
    found = OTHER_ACTIVATION.search(_words(text))
    return text.count("\n", 0, found.start()) + 1 if found else 0


@lru_cache(maxsize=8)
def _unstated_other_activation(text: str) -> int:
    """The line naming another activation in a note that never says σ is the sigmoid (0: none):
    a fact of the whole note, read once for all its steps, not once per step."""
    line = other_activation_line(text)
    return 0 if not line or sigmoid_stated(text) else line


def doubt(text: str, latex: str) -> str:
    """Why a step that applies σ (``latex``: its formulas and the definitions it used) is not
    decided with σ the sigmoid: the note names another activation and never says σ is the
    sigmoid; '' otherwise."""
    if not APPLIED_SIGMA.search(latex):
        return ""
    line = _unstated_other_activation(text)
    if not line:
        return ""
    return (f"σ is read as the sigmoid, but the note names another activation function (line "
            f"{line}) and never says σ is the sigmoid: not decided (say 'σ is the sigmoid', or "
            "define σ)")
