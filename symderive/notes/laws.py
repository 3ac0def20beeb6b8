"""Claims about the law of random variables, as the notes reader shows them.

``E[X^2] \\ge 10^{-9}``, ``Var(X) \\le 10^8``: every unknown sits inside an expectation, so the
claim is about the law of X.  Compared with a number it is either a claim for every law or a
hypothesis on this one (``let E[X] = 0``); a law on which it fails is shown either way.
"""

from __future__ import annotations

import re

import sympy as sp

from symderive.expectation import E, Var
from symderive.report import Outcome


def about_a_law(*sides: sp.Basic) -> bool:
    """Whether the sides hold expectations and no unknown outside them."""
    if not all(isinstance(side, sp.Basic) for side in sides):
        return False
    moments = set().union(*(side.atoms(E, Var) for side in sides))
    if not moments:
        return False
    hidden = {moment: sp.Integer(1) for moment in moments}
    return not any(side.xreplace(hidden).free_symbols for side in sides)


def law_shown(outcome: Outcome) -> str:
    """The finite law of a refutation, as 'P = [...], X = [...] (left side a, right side b)'."""
    example = outcome.counterexample
    if example is None:
        return "a finite law"
    values = ", ".join(f"{name} = {value}" for name, value in example.values
                       if name != "outcome")
    return f"the law {values} (left side {example.lhs_value}, right side {example.rhs_value})"


# words by which prose states the law of a random variable (its family, its values, a moment)
LAW_WORDS = re.compile(
    r"\b(?:Bernoulli|binomial|Gaussian|normal(?:ly)?|Poisson|uniform(?:ly)?|exponential|"
    r"geometric|distributed|values?|mean|zero-mean|cent(?:er|re)d|variance|i\.?i\.?d|fair|die|"
    r"coin|nonnegative|non-negative|positive|negative|bounded|integer|discrete|continuous)\b"
    r"|\\sim(?![A-Za-z])|\\(?:ge|le|geq|leq|in)(?![A-Za-z])|[<>≥≤]"
    r"|\$[^$]*(?:E|\\mathbb\s*\{\s*E\s*\}|\\operatorname\s*\{\s*(?:E|Var)\s*\})\s*[\[(][^$]*=[^$]*\$"
    r"|베르누이|정규|균등|분포|평균|분산|값",
    re.I,
)
SENTENCE = re.compile(r"[^.!?。\n]+(?:[.!?。]|$)", re.M)  # a line without a final stop too (11a F20)


def stated_law(prose: str, names) -> str:
    """A sentence of ``prose`` that states something about the law of one of ``names`` ('Let
    $X$ be a Bernoulli random variable', 'Let $X$ take values in {0, 1}', '… with $E[X] = 0$'),
    or ''.  The finite laws of a refutation need not satisfy it. Displayed formulas are other
    claims, not sentences of prose."""
    prose = re.sub(r"\$\$.*?\$\$|\\\[.*?\\\]", " ", prose, flags=re.S)
    for sentence in SENTENCE.findall(prose):
        for name in names:
            mentioned = re.search(r"\$[^$]*(?<![A-Za-z\\])" + re.escape(name)
                                  + r"(?![A-Za-z])[^$]*\$", sentence)
            if mentioned and LAW_WORDS.search(sentence):
                return " ".join(sentence.split())[:100]
    return ""
