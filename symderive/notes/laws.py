"""Claims about the law of random variables, as the notes reader shows them.

``E[X^2] \\ge 10^{-9}``, ``Var(X) \\le 10^8``: every unknown sits inside an expectation, so the
claim is about the law of X.  Compared with a number it is either a claim for every law or a
hypothesis on this one (``let E[X] = 0``); a law on which it fails is shown either way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction

import sympy as sp

from symderive.check.finite import FiniteModel
from symderive.expectation import E, Var
from symderive.grammar.build import time_limit
from symderive.grammar.latex import GREEK, UNICODE_GREEK, parse_latex_math
from symderive.notes.chains import split_chains
from symderive.report import Counterexample, Outcome


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
    """The sentences of ``prose`` (the first three) that state something about the law of one
    of ``names`` ('Let $X$ be a Bernoulli random variable', 'Let $X$ take values in {0, 1}',
    '… with $E[X] = 0$'), or ''.  The finite laws of a refutation need not satisfy it. Displayed formulas are other
    claims, not sentences of prose."""
    found = stated_laws(prose, names)  # every one named: "Suppose $E[w^2] = 1$." too (13 F4)
    return "', '".join(sentence[:100] for sentence in found[:3])


def written_name(name: str) -> str:
    """A pattern for the name ``name`` (a SymPy name) as the note writes it in math: a letter
    standing alone (``X``, not the X of ``\\Xi``), or a Greek letter as its command or its
    character (``varepsilon``: ``\\varepsilon``, ``\\epsilon``, ``ε``; round 38 C02)."""
    letter = name.removeprefix("var")
    if name not in GREEK:
        return r"(?<![A-Za-z\\])" + re.escape(name) + r"(?![A-Za-z])"
    characters = "".join(c for c, spelled in UNICODE_GREEK.items() if spelled == letter)
    return r"\\(?:var)?" + letter + r"(?![A-Za-z])" + (f"|[{characters}]" if characters else "")


def _symbol_name(written: str) -> str:
    """The SymPy name of a variable written ``X``, ``\\varepsilon`` or ``ε``."""
    return UNICODE_GREEK.get(written, written.lstrip("\\"))


def stated_laws(prose: str, names) -> list[str]:
    """Every sentence of ``prose`` that states something about the law of one of ``names``."""
    prose = re.sub(r"\$\$.*?\$\$|\\\[.*?\\\]", " ", prose, flags=re.S)
    found = []
    for sentence in SENTENCE.findall(prose):
        for name in names:
            mentioned = re.search(r"\$[^$]*(?:" + written_name(name) + r")[^$]*\$", sentence)
            if mentioned and LAW_WORDS.search(sentence):
                found.append(" ".join(sentence.split()))
                break
    return found


# -- a law stated only by its means (round 11a L4) ---------------------------------------------
# "Let $w$ and $x$ be independent random variables with $E[w] = 0$ and $E[x] = 0$.": these
# words say nothing of a law but its means (and independence, which a claim about one variable
# does not see); a counterexample law shifted to those means is one the note allows
MEAN_FACT = re.compile(r"^\s*(?:E|\\mathbb\s*\{\s*E\s*\}|\\operatorname\s*\{\s*E\s*\})\s*"
                       r"(?:\[|\(|\\left\s*[\[(])\s*(?P<name>[A-Za-z]|\\[A-Za-z]+|[α-ωΑ-Ω])\s*"
                       r"(?:\]|\)|\\right\s*[\])])"
                       r"\s*=\s*(?P<mean>-?\d+(?:/\d+)?)\s*$")
MEANS_ONLY_WORDS = frozenset(
    "let suppose assume that be are is a an and with where both two independent random variable "
    "variables real real-valued such "
    # the premise of the claim in the same sentence: "Since $E(ε) = 0$, we have …", "…이므로"
    # (round 38 C02)
    "since as because given we have get then so hence thus 이므로 므로 때문에 입니다 이다".split())


def stated_means(sentences: list[str]) -> dict[str, Fraction] | None:
    """The means ``E[X] = c`` the sentences state, when that is all they say of a law (names,
    the words of :data:`MEANS_ONLY_WORDS`, mean facts); None when they say more."""
    means: dict[str, Fraction] = {}
    for sentence in sentences:
        words = re.sub(r"\$[^$]*\$", " ", sentence).lower()
        if any(word not in MEANS_ONLY_WORDS for word in re.findall(r"[^\s,.;:]+", words)):
            return None
        for math in re.findall(r"\$([^$]*)\$", sentence):
            if re.fullmatch(r"\s*[A-Za-z]?\s*", math):
                continue  # a name, or the claim of the sentence taken out
            fact = MEAN_FACT.match(math)
            if fact is None:
                return None
            means[_symbol_name(fact["name"])] = Fraction(fact["mean"])
    return means


def _rationals(text: str) -> list[sp.Rational] | None:
    """``[1/2, -3]`` as rationals (no evaluation of the text), or None."""
    inner = text.strip()
    if not (inner.startswith("[") and inner.endswith("]")):
        return None
    try:
        numbers = [Fraction(part.strip()) for part in inner[1:-1].split(",")]
    except (ValueError, ZeroDivisionError):
        return None
    return [sp.Rational(n.numerator, n.denominator) for n in numbers]


def refuted_within_means(outcome: Outcome, lhs: sp.Basic, rhs: sp.Basic,
                         means: dict[str, Fraction], statements: Sequence[str] = ()
                         ) -> Outcome | None:
    """The refutation on a finite law of one random variable, moved to the means the note
    states: its values shifted so that E[X] is the stated mean (the law keeps its shape). A
    refutation when the claim still fails there, exactly; None otherwise (no verdict).
    ``statements``: every other formula of the note in scope that mentions the variable (*Assume
    $Var(w) = 0$.* in the next sentence, round 13 F4) — the moved law must satisfy each,
    exactly; one it fails or that is not read on it makes the refutation undecided, naming it."""
    example = outcome.counterexample
    if example is None or not about_a_law(lhs, rhs):
        return None
    columns = {name: value for name, value in example.values if name != "outcome"}
    probabilities = _rationals(columns.pop("P(outcome)", ""))
    randoms = {symbol for side in (lhs, rhs) for moment in side.atoms(E, Var)
               for symbol in moment.free_symbols}  # fmt: skip
    if probabilities is None or len(randoms) != 1 or set(columns) != {str(s) for s in randoms}:
        return None
    (symbol,) = randoms
    values = _rationals(columns[str(symbol)])
    if values is None or len(values) != len(probabilities) or str(symbol) not in means:
        return None
    mean = sum(p * v for p, v in zip(probabilities, values))
    stated = sp.Rational(means[str(symbol)].numerator, means[str(symbol)].denominator)
    shifted = tuple(v - mean + stated for v in values)
    model = FiniteModel(tuple(probabilities), {symbol: shifted})
    left, right = model.resolve(lhs), model.resolve(rhs)
    if not (left.is_Rational and right.is_Rational) or left == right:
        return None
    moved = Counterexample(model.describe(), str(left), str(right))
    unmet = unmet_statement(statements, model, symbol)
    if unmet:
        return Outcome("undecided", method=outcome.method, reason=(
            f"refuted as read on a law with E[{symbol}] = {stated}, but the note also states "
            f"${unmet[0]}$ of {symbol}, which that law {unmet[1]} "
            f"({law_shown(replace(outcome, counterexample=moved))}): not refuted"))
    return replace(outcome, counterexample=moved, reason=(
        f"on a law with E[{symbol}] = {stated}, as the note states"))


READ_SECONDS = 2.0
HOLDS = {"=": sp.Eq, "<": sp.Lt, "\\lt": sp.Lt, ">": sp.Gt, "\\gt": sp.Gt, "\\le": sp.Le,
         "\\leq": sp.Le, "\\leqslant": sp.Le, "≤": sp.Le, "\\ge": sp.Ge, "\\geq": sp.Ge,
         "\\geqslant": sp.Ge, "≥": sp.Ge, "\\ne": sp.Ne, "\\neq": sp.Ne, "≠": sp.Ne}


def unmet_statement(statements: Sequence[str], model: FiniteModel, symbol: sp.Symbol
                    ) -> tuple[str, str] | None:
    """The first of ``statements`` (formulas about ``symbol``) that the finite law ``model``
    does not satisfy exactly — (the formula, "does not satisfy") — or that cannot be decided
    on it — (the formula, "is not shown to satisfy"): a relation not read, a side that does not
    parse, a letter outside a moment (``w \\ge 0`` speaks of the values). None when every one
    holds there."""
    for latex in statements:
        try:
            for chain in split_chains(latex, 0):
                if not chain.relations:
                    continue
                with time_limit(READ_SECONDS, source="<hypothesis>", what="reading a hypothesis"):
                    sides = [parse_latex_math(element) for element in chain.elements]
                sides = [side.xreplace({s: symbol for s in side.free_symbols
                                        if getattr(s, "name", None) == symbol.name})
                         for side in sides]
                if not about_a_law(*sides):
                    return latex.strip(), "is not shown to satisfy"
                values = [model.resolve(side) for side in sides]
                for relation, left, right in zip(chain.relations, values, values[1:]):
                    if relation not in HOLDS or not (left.is_Rational and right.is_Rational):
                        return latex.strip(), "is not shown to satisfy"
                    if HOLDS[relation](left, right) is not sp.true:
                        return latex.strip(), "does not satisfy"
        except Exception:  # noqa: BLE001 - a formula not read: the law is not shown to satisfy it
            return latex.strip(), "is not shown to satisfy"
    return None
