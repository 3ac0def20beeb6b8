r"""E written like the expectation where the note means its own E: an energy or a functional
(round 38 A09).

``Define the energy $E[u] = \int_0^1 u'(x)^2\,dx$`` or ``Let $E[\psi]$ denote the energy
functional``: there ``E[2u] = 2E[u]`` is a claim about that E (false: the energy is
quadratic), never the linearity of the expectation. :func:`own_e` says why E may not be the
expectation, or "": the checker then neither proves nor refutes a step by the expectation.
"""

from __future__ import annotations

import re

# E applied to brackets or parentheses, sized or not; \mathbb{E} is always the expectation
APPLIED_E = re.compile(
    r"(?<![A-Za-z\\])(?<!mathbb\{)E\s*(?:\\(?:left|bigl?|Bigl?|biggl?|Biggl?)\s*)?[(\[]")
# E(x) = …, E[u] = …: the left side of a definition, one name in the brackets
_E_OF_ONE_NAME = re.compile(
    r"(?:^|[^A-Za-z\\])E\s*(?P<open>[(\[])\s*(?P<name>[a-z]|\\[A-Za-z]+)\s*[)\]]\s*=")
_ENERGY_WORDS = re.compile(r"\benerg(?:y|ies)\b|\bfunctionals?\b|에너지|범함수", re.IGNORECASE)
# E alone as a formula, or given a value (*Young's modulus is $E = 200$ GPa*: round 40 I07), and
# words naming a quantity rather than an operator (round 39 G01, G02; round 40 I07)
_BARE_E = re.compile(r"\$\s*E\s*(?:=[^$=]*)?\$")
_CONSTANT_WORDS = re.compile(r"\bmodul(?:us|i)\b|\byoung'?s?\b|\belastic\w*|\bstiffness\b"
                             r"|\bconstants?\b|\b(?:electric|field)\b|\bvoltage\b|\bstress\b"
                             r"|\bemfs?\b|\belectromotive\b|\bpotential\s+difference\b"
                             r"|탄성|계수|상수|전기장|전계|영률|기전력|전압", re.IGNORECASE)
# E given a number: *$E = 200$ GPa*, *E = 2.1 \times 10^{11}* (round 40 I07): E is that number
_E_A_NUMBER = re.compile(r"(?<![A-Za-z\\{])E\s*=\s*-?\s*\d")
_EXPECTATION_WORDS = re.compile(r"\bexpect\w*|\bmeans?\b|\baverage|기댓값|기대값|평균",
                                re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z가-힣#$])|\n\s*\n")


def own_e(written: str, math_text: str, raw_text: str) -> str:
    """Why E in ``written`` (a step's LaTeX) may be the note's own E rather than the
    expectation, or ""."""
    if not APPLIED_E.search(written):
        return ""
    for found in _E_OF_ONE_NAME.finditer(math_text):
        if found.group("open") == "(" and re.fullmatch(r"[a-z]", found.group("name")):
            return "E is defined as a function in the note"  # E(x) = x^2 + 1 (32a F22)
        if found.group("open") == "[" and _applies(found.group("name"), math_text, found.end()):
            return "E is defined as a functional in the note"  # E[u] = \int u'(x)^2 dx
    if _E_A_NUMBER.search(math_text) or any(
            _E_A_NUMBER.search(formula) for formula in re.findall(r"\$([^$]*)\$", raw_text)):
        return "the note gives E a numeric value"
    for sentence in _SENTENCE_END.split(raw_text):
        if _ENERGY_WORDS.search(_words_of(sentence)) and APPLIED_E.search(sentence):
            return "the note names E an energy or a functional"
        if _BARE_E.search(sentence) and not _EXPECTATION_WORDS.search(sentence) and (
                _ENERGY_WORDS.search(_words_of(sentence))
                or _CONSTANT_WORDS.search(_words_of(sentence))):
            # *Young's modulus $E$*, *a photon of energy $E$*: E(…) may be E times (…)
            return "the note names E a quantity (a modulus, an energy, a constant)"
    return ""


def _applies(name: str, math_text: str, start: int) -> bool:
    """Whether the definition's right side (from ``start``) differentiates or applies the
    argument ``name`` (u'(x), u(x), \\psi(x)): a functional of a function."""
    right = re.split(r"\$|\\\\|\n\s*\n", math_text[start : start + 400], maxsplit=1)[0]
    return bool(re.search(rf"(?<![A-Za-z\\]){re.escape(name)}\s*(?:'|\()", right))


def _words_of(sentence: str) -> str:
    """A sentence without its inline formulas."""
    return re.sub(r"\$[^$]*\$", " ", sentence)
