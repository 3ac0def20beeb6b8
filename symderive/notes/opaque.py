r"""Claims about the bias of an estimator and the data's σ: opaque quantities in a note.

``Bias(x)`` (also ``\operatorname{Bias}``, ``\mathrm{Bias}``, ``\text{Bias}``) is read as the
bias of the estimator x (:class:`symderive.expectation.Bias`) when the note does not define
Bias itself (then its definition is used, like any defined function) and x is a random
variable of the chain. σ (``\sigma``) is read as an opaque constant of the data only when the
note never defines σ in its mathematics and a sentence before the formula in its section (or
in the formula's own paragraph) says σ is the variance / standard deviation / noise of the
data (:data:`SIGMA_NAME`, :data:`VARIANCE_WORD`, :data:`DATA_WORD`, English and Korean;
no negation). Such a step is never proved or checked: it
is refuted only by a pair of laws the opaque quantities cannot tell apart
(:mod:`symderive.check.invariance`), else undecided, or skipped when σ is not defined at all.

The estimator that receives the noise is the argument of Bias, written with a hat
(``\hat y``, ``\hat\theta``: the mark of an arbitrary estimate or prediction), never defined
in the note's mathematics, in no given, not named in the σ sentence (the data), and not
written in a prose sentence unless that sentence calls it arbitrary (*any*, *every*, 임의):
a named estimator (``\bar x``, the sample mean; ``\hat\mu = \frac1n\sum x_i``; "let
$\hat\mu$ be the sample mean") has structure that noise would break, so claims about it are
not refuted this way.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

import sympy as sp

from symderive.check.invariance import Opaque, invariance_refutation
from symderive.errors import ParseError
from symderive.expectation import Bias, factor_assignment
from symderive.grammar.build import time_limit
from symderive.notes.sections import as_sections
from symderive.notes.report import SkipReason
from symderive.report import Outcome

# the documented vocabulary of a sentence that makes σ an opaque constant of the data
SIGMA_NAME = r"(?:\\sigma|σ|\bsigma\b|시그마)"
VARIANCE_WORD = r"(?:variance|standard\s+deviation|noise|분산|표준\s*편차|노이즈|잡음)"
DATA_WORD = r"(?:\bdata\b|\btargets?\b|\bobservations?\b|\blabels?\b|데이터|원래|원본|타겟|관측)"
# a σ sentence that also speaks of the model is about the model, not (only) the data
MODEL_WORD = re.compile(r"\b(?:models?['’]?s?|predict\w*|estimat\w*|fit\w*|output\w*|hat)\b|"
                        r"모델|예측|추정|출력", re.I)
NEGATION = re.compile(r"\b(?:not|isn't|never|unless|if)\b|아니|아닌|않", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|\n")
INLINE_MATH = re.compile(r"\$([^$]+)\$")
ESTIMATE_MARK = (r"\hat{", r"\widehat{")
BIAS_INVARIANCE = ("{bias} = E[{x}] - target, the target not depending on {x}: it depends on "
                   "{x} only through E[{x}]")  # fmt: skip
SIGMA_INVARIANCE = "σ read as a property of the data (line {line}: {sentence}), not of {x}"
OPAQUE_SECONDS = 3.0
SEED = 20261201


def sigma_sentence(lines: list, headings: list, line: int) -> tuple[int, str] | None:
    """(line, sentence) of the prose that says σ is the variance, standard deviation or noise
    of the data: in the formula's section before it, or in its own paragraph; None if none."""
    scope = set(as_sections(headings).before(line))  # its section and those enclosing it
    start = min(scope, default=line)
    end = line
    while end < len(lines) and lines[end].strip():  # the formula's own paragraph
        end += 1
    for number in range(end, start - 1, -1):
        text = lines[number - 1] if 0 < number <= len(lines) and (
            number >= line or number in scope) else ""
        if "$$" in text or text.lstrip().startswith("!["):
            continue  # a display formula or an image's alt-text: mathematics, not prose
        for sentence in SENTENCE_END.split(text):
            words = INLINE_MATH.sub(lambda m: " " + m.group(1) + " ", sentence)
            if (
                re.search(SIGMA_NAME, words) and re.search(VARIANCE_WORD, words, re.I)
                and re.search(DATA_WORD, words, re.I) and not NEGATION.search(words)
                and not MODEL_WORD.search(words)  # "variance of the model's predictions" (C16)
            ):  # fmt: skip
                return number, sentence.strip()
    return None


def _is_sigma(symbol: sp.Basic) -> bool:
    return isinstance(symbol, sp.Symbol) and symbol.name == "sigma"


def _defined_in_math(symbol: sp.Basic, context) -> int | None:
    """The line where the note's mathematics defines ``symbol`` (anywhere in the file)."""
    for definition in context.definitions:
        if definition.key[0] == "symbol" and str(definition.key[1]) == str(symbol):
            return definition.start
    return None


def _in_a_given(symbol: sp.Basic, context) -> bool:
    return any(symbol.name in {str(s) for s in given.free_symbols} for given in context.givens)


BIAS_HEAD = re.compile(
    r"^\s*(?:\\(?:operatorname|mathrm|text|textrm|mathit|mathsf)\s*\{\s*Bias\s*\}|Bias)"
    r"\s*(?:\\left\s*)?\((?:[^()]|\([^()]*\))*(?:\\right\s*)?\)\s*$"
)
DEFINING = ("=", ":=", r"\coloneqq", r"\triangleq", r"\equiv", r"\doteq", "≜", "≡")


def bias_defined_at(planned: list) -> int | None:
    r"""The line of a formula that gives Bias(…) alone a value (``\operatorname{Bias}(\hat
    \theta) = E[\hat\theta] - \theta``): the note defines Bias itself, and the standard
    reading is not imposed on it anywhere in the note."""
    for equation in planned:
        chain = equation.chain
        if chain.relations and chain.relations[0] in DEFINING and BIAS_HEAD.match(
            chain.elements[0]
        ):
            return chain.line
    return None


def read_opaque(planned: list, context) -> None:
    """Decide every planned step that contains Bias(…) (after the random symbols are known):
    refuted by an invariance pair, else undecided or skipped with the reason."""
    defined = bias_defined_at(planned)
    for equation in planned:
        for position, step in enumerate(equation.steps):
            if step.skip is not None or step.decided is not None or step.lhs is None:
                continue
            sides = (step.lhs, step.rhs)
            if not any(isinstance(side, sp.Basic) and side.has(Bias) for side in sides):
                continue
            if defined is not None:
                equation.steps[position] = _skip(step, SkipReason.UNDEFINED_DERIVATIVE, (
                    f"the note gives Bias(…) a formula of its own (line {defined}) in a form "
                    "not read as a definition (write \\mathrm{Bias}(x) = …): neither its "
                    "formula nor the standard bias is used"))
                continue
            equation.steps[position] = _decide(step, equation, context)


def _skip(step, code: SkipReason, reason: str):
    return replace(step, skip=code, reason=reason, lhs=None, rhs=None)


def _undecided(step, reason: str, reading: str):
    return replace(step, decided=Outcome("undecided", method="opaque quantities",
                                         reason=reason), decided_reading=reading)  # fmt: skip


def _decide(step, equation, context):
    lhs, rhs = step.lhs, step.rhs
    if step.relation != "=" or any(getattr(side, "is_Matrix", False) for side in (lhs, rhs)):
        return _skip(step, SkipReason.UNCHECKED_RELATION,
                     f"a '{step.relation}' claim about Bias(…): only '=' is read")
    biases = sorted(lhs.atoms(Bias) | rhs.atoms(Bias), key=sp.default_sort_key)
    free = lhs.free_symbols | rhs.free_symbols
    randoms = sorted(set(equation.random) | {
        s for s in free if getattr(context.domains.get(s), "kind", "") == "random"
    }, key=sp.default_sort_key)  # fmt: skip
    for bias in biases:
        argument = bias.args[0]
        if not isinstance(argument, sp.Symbol) or argument not in randoms:
            return _skip(step, SkipReason.UNKNOWN_COMMAND, (
                f"{sp.sstr(bias)}: {sp.sstr(argument)} is not read as a random variable in this "
                "chain (the bias of an estimator needs a random estimator): not read"))
    sigmas = sorted((s for s in free if _is_sigma(s)), key=str)
    line = equation.chain.line
    said = sigma_sentence(context.lines, context.headings, line) if sigmas else None
    for sigma in sigmas:
        defined = _defined_in_math(sigma, context)
        if defined is not None:
            return _skip(step, SkipReason.UNDEFINED_DERIVATIVE, (
                f"σ is defined at line {defined} but that definition is not in force here: "
                "its value is unknown"))
        if said is None or sigma in context.domains or _in_a_given(sigma, context):
            return _skip(step, SkipReason.UNDEFINED_DERIVATIVE, (
                "σ is never defined (no formula, and no sentence before it saying σ is the "
                "variance, standard deviation or noise of the data): its value is unknown"))
    readings = [f"{sp.sstr(b)}: the bias of the estimator {sp.sstr(b.args[0])}, an opaque "
                "quantity" for b in biases]  # fmt: skip
    if said:
        readings.append(f"sigma: an opaque constant of the data (line {said[0]}: {said[1]})")
    reading = "; ".join(readings)
    named = {s.strip() for s in INLINE_MATH.findall(said[1])} if said else set()
    candidates = [
        b.args[0] for b in biases
        if b.args[0].name.startswith(ESTIMATE_MARK) and _defined_in_math(b.args[0], context) is None
        and not _in_a_given(b.args[0], context) and not _named(b.args[0], named)
        and not _described(b.args[0], context.lines)
    ]  # fmt: skip
    opaque_names = ", ".join(sp.sstr(item) for item in (*sigmas, *biases))
    never = (f"it contains the opaque quantities {opaque_names}, so it is never proved or "
             "checked")  # fmt: skip
    if not candidates:
        return _undecided(step, (
            f"{never}; no estimator can be varied to refute it (the argument of Bias must be "
            "a random \\hat-estimator the note does not define or name as the data)"), reading)
    others = sorted(free - set(randoms) - set(sigmas), key=str)
    if others:  # an undefined name may be a property of the law (s² = Var(ŷ) in the prose)
        return _undecided(step, (
            f"{never}; {', '.join(map(str, others))} never defined in its mathematics: it may "
            "be random or depend on the law (a variance named in the prose), so no pair of "
            "laws is known to leave it unchanged"), reading)
    spaces = factor_assignment(randoms, context.independent)
    centered = {s for s, d in context.domains.items() if getattr(d, "centered", False)}
    for estimator in candidates:
        opaque = tuple(
            Opaque(s, SIGMA_INVARIANCE.format(line=said[0], sentence=said[1],
                                              x=sp.sstr(estimator)))
            for s in sigmas
        ) + tuple(
            Opaque(b, BIAS_INVARIANCE.format(bias=sp.sstr(b), x=sp.sstr(b.args[0])))
            for b in biases
        )  # fmt: skip
        try:
            with time_limit(OPAQUE_SECONDS, source="notes", what="the invariance pair"):
                outcome = invariance_refutation(lhs, rhs, estimator, opaque, spaces, centered,
                                                random.Random(SEED + step.index))
        except (ParseError, TypeError, ValueError, ArithmeticError):
            outcome = None
        if outcome is not None:
            return replace(step, decided=outcome, decided_reading=reading)
    return _undecided(step, (
        f"{never}; laws that differ only by independent noise on "
        f"{', '.join(sp.sstr(c) for c in candidates)} (which leaves them unchanged) do not "
        "separate the two sides"), reading)


GENERAL = re.compile(r"\b(?:any|arbitrary|every|whatever)\b|임의|어떤", re.I)
# words that make an estimator not random (noise on it would break what the note says)
FIXED = re.compile(r"\b(?:deterministic|fixed|constant|non-?random|given|known)\b|고정|상수|결정론",
                   re.I)


def _bare(latex: str) -> str:
    return re.sub(r"[\\{}\s]", "", latex).replace("widehat", "hat")


def _described(symbol: sp.Symbol, lines: list) -> bool:
    r"""Whether a prose sentence of the note writes the estimator (``Let $\hat\mu$ be the
    sample mean``) without calling it arbitrary: words may give it a structure (a sample mean,
    a fixed formula) that noise on it would break."""
    bare = _bare(symbol.name)
    for text in lines:
        if "$$" in text:
            continue
        for sentence in SENTENCE_END.split(text):
            mentions = [m for m in INLINE_MATH.findall(sentence) if bare in _bare(m)]
            words = INLINE_MATH.sub(" ", sentence)
            if mentions and (not GENERAL.search(words) or FIXED.search(words)):
                return True  # "any deterministic prediction": arbitrary, but not random (C4)
    return False


def _named(symbol: sp.Symbol, named: set) -> bool:
    """Whether the σ sentence writes the symbol (``$\\hat y$``) among its inline math."""
    return any(_bare(text) == _bare(symbol.name) for text in named)
