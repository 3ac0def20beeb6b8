"""The catalog says what the notes say: every quote is the note's own text, found verbatim in
the cited section, and where the project's LaTeX reader can read a quoted formula, it reads as
the catalog's step."""

from __future__ import annotations

import re
import signal

import pytest
import sympy as sp

from symderive.catalog import all_derivations
from symderive.errors import ParseError
from symderive.grammar.latex import LatexContext, parse_latex_math
from tests.catalog.seeds import SEEDS, section_text

QUOTED = [
    (derivation, index, step)
    for derivation in all_derivations()
    for index, step in enumerate(derivation.steps)
    if step.quote
]

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")


@needs_seeds
@pytest.mark.parametrize(
    "derivation, index, step", QUOTED, ids=[f"{d.id}[{i}]" for d, i, _ in QUOTED]
)
def test_every_quote_is_found_verbatim_in_the_cited_section(derivation, index, step):
    note = (SEEDS / derivation.source.note).read_text(encoding="utf-8")
    assert step.quote in section_text(note, derivation.source.section)


def test_every_derivation_taken_from_a_note_quotes_it():
    for derivation in all_derivations():
        if derivation.source.kind == "note":
            assert any(step.quote for step in derivation.steps), derivation.id
        else:
            assert derivation.source.reference.strip(), derivation.id


# ---- quote ↔ encoding ------------------------------------------------------------------------

HANGUL = re.compile(r"[\uac00-\ud7a3]")

# The names the notes give to what the catalog calls otherwise (LaTeX name → catalog name),
# by catalog topic: 004 writes ŷ and y_t, 002 writes y for the prediction and t for the label.
ALIASES = {
    "binary_cross_entropy": {r"\hat{y}": "yhat", "y_t": "t", "y": "yhat"},
    "bias_variance": {r"\hat{y}": "yhat"},
}

# Shapes the reader needs for the matrix quotes of 001 (W is n × n, x and q are columns).
MATRIX_CONTEXT = LatexContext(shapes=(("W", (3, 3)), ("x", (3, 1)), ("q", (3, 1))))

# Quotes the reader reads but that are not the step's expression as written, and why.
NOT_THE_STEP = {
    ("entropy-term-slope", 0): "the quote is the entropy the step differentiates, one term of it",
    ("chain-rule-composite", 1): "the note's chain rule keeps z and t abstract; the step "
    "substitutes z = t², t = x + y",
    ("add-mul-circuit", 0): "the quote gives the input values; the step is the column of the "
    "circuit's values and gradients at them",
    ("add-mul-circuit", 3): "the quote gives two entries (q = 3, f = −12) of the step's column",
    ("logistic-circuit-forward", 0): "the quote is the function; the step is its node values",
    ("logistic-circuit", 0): "the quote is the function; the step is its gradient at a point",
    ("logistic-circuit-bias-trick", 0): "the quote has x₂ free; the step substitutes x₂ = 1",
    ("sigmoid-derivative", 0): "the quote is σ; the step is dσ/dx (the definition it differentiates)",
    ("relu-derivative", 1): "the quote lists two cases; the reader sees only its last '= 0'",
    ("stacked-linear-collapse", 0): "plain-text 'w2(w1*x)' reads as w²·2… with w2 a product; the "
    "catalog's W₂, W₁ are matrices",
    ("stacked-linear-collapse", 1): "the quote names the product w = W₂W₁ by a new letter",
    ("gradient-has-shape-of-variable", 1): "the quote is a dimension count (x·1), not a value",
    ("wx-jacobian", 0): "the quote defines q = Wx; the step is its Jacobian",
    ("dq-dw-erratum", 1): "the quote names the common row xᵀ of the step's matrix 1·xᵀ "
    "(a notation erratum)",
    ("binary-cross-entropy-as-two-class-ce", 2): "the quote sums over classes with n free; the "
    "step writes the two classes out",
    ("cross-entropy-with-one-hot-label", 0): "the quote has a general label y_t; the step puts "
    "in the one-hot label δ_ic",
    ("binary-cross-entropy-gradient", 0): "the quote is the loss; the step is its derivative",
    ("sigmoid-binary-cross-entropy-gradient", 0): "the quote is the loss; the step is its "
    "derivative through σ",
    ("binary-cross-entropy-sign-erratum", 0): "the quote is the general cross-entropy; the step "
    "writes its two classes out",
    ("cross-entropy-grows-as-prediction-shrinks", 0): "the quote is the loss; the step is its "
    "slope",
    ("kl-of-a-distribution-with-itself-is-zero", 0): "the quote is metric law 2 in words "
    "(d(x,y) = 0 iff x==y); the reader sees only its last side",
    ("kl-zero-only-if-equal", 0): "the quote is metric law 2 in words; the reader sees only its "
    "last side",
    ("bias-variance-decomposition", 6): "the quote writes Bias(ŷ), read as an opaque quantity "
    "(its target is not written); the step writes it out as E[ŷ] − f",
    ("bias-variance-erratum", 5): "the quote writes Bias(ŷ), read as an opaque quantity (its "
    "target is not written); the step writes it out as E[ŷ] − f",
}


def last_side(quote: str) -> str:
    """The part after the last top-level '=' (the expression the step writes), without $."""
    text = quote.strip().strip("$").strip()
    depth, cut = 0, 0
    for position, character in enumerate(text):
        if character in "{([":
            depth += 1
        elif character in "})]":
            depth -= 1
        elif character == "=" and depth == 0 and text[position - 1 : position] not in "<>!":
            cut = position + 1
    return text[cut:].strip()


def is_prose(quote: str) -> bool:
    """Korean prose or inline code around the mathematics: a sentence, not a formula."""
    return bool(HANGUL.search(quote)) or "`" in quote


def read_quote(derivation, step) -> sp.Basic:
    context = MATRIX_CONTEXT if derivation.topic == "jacobians" else LatexContext()
    return parse_latex_math(last_side(step.quote), context=context)


def _by_name(expr: sp.Basic) -> dict[tuple[str, str], sp.Basic]:
    """(kind, name) → atom, for the symbols, indexed bases and matrix symbols of expr."""
    found = {}
    for kind in (sp.Symbol, sp.IndexedBase, sp.MatrixSymbol):
        for atom in expr.atoms(kind):
            found[(kind.__name__, str(atom))] = atom
    return found


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


def agrees(
    parsed: sp.Basic, step_expr: sp.Basic, aliases: dict[str, str], seconds: int = 10
) -> bool:
    """The reader's expression equals the step once the note's names are the catalog's."""
    target = _by_name(step_expr)
    renaming = {}
    for (kind, name), atom in _by_name(parsed).items():
        key = (kind, aliases.get(name, name))
        if key in target:
            renaming[atom] = target[key]
    # 001 names q = W·x; the catalog writes the product
    w, x = target.get(("MatrixSymbol", "W")), target.get(("MatrixSymbol", "x"))
    for (kind, name), atom in _by_name(parsed).items():
        if (kind, name) == ("MatrixSymbol", "q") and w is not None and x is not None:
            renaming[atom] = w * x
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        renamed = parsed.xreplace(renaming)
        difference = (renamed - step_expr).doit()
        if isinstance(difference, sp.MatrixBase | sp.MatrixExpr):
            return sp.simplify(sp.Matrix(difference)).is_zero_matrix is True
        return sp.simplify(difference) == 0
    except _Timeout:
        return False
    except (TypeError, ValueError, AttributeError, sp.ShapeError):
        return False
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def classify(derivation, index, step) -> tuple[str, str]:
    """('prose' | 'unreadable' | 'agrees' | 'differs', why)."""
    if is_prose(step.quote):
        return "prose", "Korean prose or inline code: a sentence, not a formula"
    try:
        parsed = read_quote(derivation, step)
    except ParseError as error:
        return "unreadable", str(error).split(": ", 1)[-1]
    if agrees(parsed, step.expr, ALIASES.get(derivation.topic, {})):
        return "agrees", ""
    return "differs", NOT_THE_STEP.get((derivation.id, index), "")


FORMULAS = [(d, i, s) for d, i, s in QUOTED if not is_prose(s.quote)]


@pytest.mark.parametrize(
    "derivation, index, step", FORMULAS, ids=[f"{d.id}[{i}]" for d, i, _ in FORMULAS]
)
def test_a_readable_quote_reads_as_its_step_unless_a_reason_says_why_not(derivation, index, step):
    verdict, why = classify(derivation, index, step)
    key = (derivation.id, index)
    if verdict == "differs":
        assert why, f"{key}: the reader's {read_quote(derivation, step)} is not the step"
    if key in NOT_THE_STEP:
        assert verdict == "differs", f"{key} is listed in NOT_THE_STEP but {verdict}"


def test_the_reader_agrees_with_several_quoted_steps():
    verdicts = [classify(d, i, s)[0] for d, i, s in FORMULAS]
    assert verdicts.count("agrees") >= 10
