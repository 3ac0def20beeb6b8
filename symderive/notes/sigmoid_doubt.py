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

OTHER_ACTIVATION = re.compile(
    r"\\tanh(?![A-Za-z])|\btanh\b|hyperbolic\s+tangent|\bReLU\b|\brelu\b|rectified\s+linear|"
    r"\bsoftplus\b|\bGELU\b|\bswish\b|\bleaky\b|\bELU\b|쌍곡\s*탄젠트|하이퍼볼릭\s*탄젠트|렐루", re.I)
SIGMA = r"(?:\\sigma(?![A-Za-z])|σ)"
SIGMOID_WORD = re.compile(r"sigmoid|logistic|시그모이드|로지스틱", re.I)
# the sigmoid as the object of a comparison (*like the logistic sigmoid*, 시그모이드처럼), not σ's name
COMPARED_BEFORE = re.compile(r"\b(?:like|unlike|than|instead\s+of|not|versus|vs\.?|compared\s+(?:to|with)"
                             r"|similar\s+to|resembles?)\s+(?:(?:the|a|an)\s+)?(?:logistic\s+)?$", re.I)
COMPARED_AFTER = re.compile(r"^\s*(?:함수)?\s*(?:처럼|와\s*달리|과\s*달리|대신|보다|에\s*비해|와\s*비슷|과\s*비슷)")
SIGMOID_FORMULA = re.compile(
    rf"{SIGMA}\s*\(\s*[a-z]\s*\)\s*(?:=|:=|\\coloneqq|\\triangleq|\\equiv)\s*\\d?frac\s*\{{?\s*1\s*\}}?"
    rf"\s*\{{\s*1\s*\+\s*(?:e\s*\^|\\exp)")
APPLIED_SIGMA = re.compile(rf"{SIGMA}\s*(?:'|\^\s*\{{?\s*\\prime|\\left\s*\(|\()")
SENTENCE = re.compile(r"[^.!?。\n]+(?:[.!?。]|\n|$)")


def sigmoid_stated(text: str) -> bool:
    """The note says σ is the sigmoid: the formula, or a sentence with σ and the word."""
    if SIGMOID_FORMULA.search(text):
        return True
    for sentence in SENTENCE.finditer(text):
        words = sentence.group()
        if not re.search(rf"\$[^$]*{SIGMA}[^$]*\$", words):
            continue
        for found in SIGMOID_WORD.finditer(words):
            before = re.sub(r"\$[^$]*\$", " ", words[:found.start()])[-40:]
            if not COMPARED_BEFORE.search(before) and not COMPARED_AFTER.match(
                    words[found.end():]):
                return True
    return False


def other_activation_line(text: str) -> int:
    """The first line naming another activation function outside a formula's σ (0: none)."""
    found = OTHER_ACTIVATION.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 0


def doubt(text: str, latex: str) -> str:
    """Why a step that applies σ (``latex``: its formulas and the definitions it used) is not
    decided with σ the sigmoid: the note names another activation and never says σ is the
    sigmoid; '' otherwise."""
    if not APPLIED_SIGMA.search(latex):
        return ""
    line = other_activation_line(text)
    if not line or sigmoid_stated(text):
        return ""
    return (f"σ is read as the sigmoid, but the note names another activation function (line "
            f"{line}) and never says σ is the sigmoid: not decided (say 'σ is the sigmoid', or "
            "define σ)")
