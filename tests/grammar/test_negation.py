"""One negation vocabulary for the prose of notes (symderive/grammar/negation.py).

Each place that reads prose asks whether a sentence negates what it says: the core words and
the place's extension.  A sentence negated for a place before the vocabulary was shared is
negated now (the four patterns each place used are kept below as the reference: unifying may
add negations, the conservative direction, never drop one).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symderive.grammar.matrices import stated_properties
from symderive.grammar.negation import (
    NEGATED,
    NEGATED_OR_CONTRASTED,
    NEGATED_OR_EXCEPTED,
    NEGATED_OR_SUPPOSED,
    negated_near,
)

# the patterns each place used before (main @ 9191b8f): the reference of "negated before"
BEFORE_EINSTEIN = re.compile(
    r"\b(?:not|no|never|unlike|without|instead\s+of|rather\s+than|neither|nor)\b|n't"
    r"|않|아니|없", re.I)
BEFORE_CONSTANT = re.compile(
    r"\b(?:not|n[o']t|unless|non-?|never|no|if|whether)\b|n't|아니|아닌|아닙|아님|않|만약|라면|이면",
    re.I)
BEFORE_CONDITION = re.compile(
    r"\bnot\b|n't\b|\bnon-?|\bdependent\b|\bunless\b|\bexcept|\bfail|\bnever\b|"
    r"\bfalse\b|\bno\b|않|아닌|아니|아닐|아님|없|제외|종속", re.I)
BEFORE_PROPERTY_AFTER = re.compile(r"[^.\n$。]{0,12}?(?:아니|아닌|아닙|않|없)")

PLACES = {
    "einstein": (NEGATED_OR_CONTRASTED, BEFORE_EINSTEIN),
    "constant": (NEGATED_OR_SUPPOSED, BEFORE_CONSTANT),
    "condition": (NEGATED_OR_EXCEPTED, BEFORE_CONDITION),
}

# (sentence, negated by the core words)
CORE = [
    ("We use Einstein notation throughout.", False),
    ("We will not use Einstein notation.", True),
    ("We don't use Einstein notation here.", True),
    ("We don’t use Einstein notation here.", True),  # the typographic apostrophe
    ("We cannot use Einstein notation here.", True),
    ("We never write sums in Einstein notation.", True),
    ("Neither Einstein notation nor sums are used.", True),
    ("This is a sum without Einstein notation.", True),
    ("$C$ is a non-constant function.", True),
    ("$C$ is a non constant.", True),
    ("There is no constant here.", True),
    ("None of the letters is a constant.", True),
    ("Note that $C$ is a constant.", False),  # note, known, nonlinear: not negations
    ("As is well known, $C$ is a constant of a nonlinear model.", False),
    ("아인슈타인 표기법을 사용합니다.", False),
    ("아인슈타인 표기법을 사용하지 않습니다.", True),
    ("$C$는 상수가 아닙니다.", True),
    ("$C$는 상수가 아니다.", True),
    ("$C$는 상수가 아닌 함수입니다.", True),
    ("$C$가 상수일 수도 있고 아닐 수도 있습니다.", True),
    ("상수 없이 씁니다.", True),
    ("합을 생략하지 못합니다.", True),
]

# (extension pattern, sentence, negated for that place)
EXTENSIONS = [
    (NEGATED_OR_CONTRASTED, "Unlike Einstein notation, we write every sum.", True),
    (NEGATED_OR_CONTRASTED, "We write sums instead of Einstein notation.", True),
    (NEGATED_OR_CONTRASTED, "Sums rather than Einstein notation.", True),
    (NEGATED_OR_CONTRASTED, "Sums, as opposed to Einstein notation.", True),
    (NEGATED_OR_CONTRASTED, "아인슈타인 표기법 대신 합을 씁니다.", True),
    (NEGATED_OR_CONTRASTED, "아인슈타인 표기법과 달리 합을 씁니다.", True),
    (NEGATED_OR_CONTRASTED, "We use Einstein notation in this section.", False),
    (NEGATED_OR_SUPPOSED, "If $C$ is a constant, its derivative is zero.", True),
    (NEGATED_OR_SUPPOSED, "Unless $C$ is a constant, we cannot say.", True),
    (NEGATED_OR_SUPPOSED, "Whether $C$ is a constant depends on the model.", True),
    (NEGATED_OR_SUPPOSED, "만약 $C$가 상수라면 미분은 0입니다.", True),
    (NEGATED_OR_SUPPOSED, "$C$가 상수이면 미분은 0입니다.", True),
    (NEGATED_OR_SUPPOSED, "For any constant $C$, the derivative is zero.", False),
    (NEGATED_OR_EXCEPTED, "If $X$ and $Y$ are independent, the entropy adds.", False),
    (NEGATED_OR_EXCEPTED, "If $X$ and $Y$ are dependent, it does not add.", True),
    (NEGATED_OR_EXCEPTED, "This holds except when $p = 0$.", True),
    (NEGATED_OR_EXCEPTED, "This fails when $X$ and $Y$ are independent.", True),
    (NEGATED_OR_EXCEPTED, "It is false that the entropy adds.", True),
    (NEGATED_OR_EXCEPTED, "If $p$ is nonzero, the log is defined.", True),
    (NEGATED_OR_SUPPOSED, "$C$ is a constant of a nonlinear model.", False),
    (NEGATED_OR_EXCEPTED, "$X$와 $Y$가 종속이면 더해지지 않는다.", True),
    (NEGATED_OR_EXCEPTED, "$p = 0$인 경우는 제외합니다.", True),
    (NEGATED_OR_EXCEPTED, "$X$와 $Y$가 독립이면 엔트로피는 더해집니다.", False),
    # the core words count in every place
    (NEGATED_OR_CONTRASTED, "We do not use Einstein notation.", True),
    (NEGATED_OR_SUPPOSED, "$C$ is not a constant.", True),
    (NEGATED_OR_EXCEPTED, "$X$ and $Y$ are not independent.", True),
]


@pytest.mark.parametrize(("sentence", "negated"), CORE)
def test_the_core_words_negate_a_sentence_in_every_place(sentence, negated):
    assert bool(NEGATED.search(sentence)) is negated
    if negated:
        for pattern in (NEGATED_OR_CONTRASTED, NEGATED_OR_SUPPOSED, NEGATED_OR_EXCEPTED):
            assert pattern.search(sentence), (pattern.pattern, sentence)


@pytest.mark.parametrize(("pattern", "sentence", "negated"), EXTENSIONS)
def test_each_extension_negates_what_its_place_must_not_read(pattern, sentence, negated):
    assert bool(pattern.search(sentence)) is negated


def test_an_extension_stays_in_its_place():
    """A supposition is a condition, not its negation: *if* never negates a condition."""
    assert NEGATED_OR_SUPPOSED.search("If $p > 0$, the log is defined.")
    assert not NEGATED_OR_EXCEPTED.search("If $p > 0$, the log is defined.")
    assert not NEGATED_OR_CONTRASTED.search("If we use Einstein notation, the sum is implied.")


WORDS = [
    "not", "no", "never", "unlike", "without", "instead of", "rather than", "neither", "nor",
    "don't", "isn't", "n't", "unless", "non-", "non", "nonzero", "none", "if", "whether",
    "dependent", "independent", "except", "exception", "fails", "false", "Not", "NOT", "known",
    "note", "C", "is", "a", "constant", "we", "use", "Einstein", "notation", "$x$", ".", ",",
    "않", "아니", "아닌", "아닙", "아님", "아닐", "없", "제외", "종속", "만약", "라면", "이면",
    "상수", "입니다", "대칭", "행렬", "$A$", "는",
]
SENTENCES = st.lists(st.sampled_from(WORDS), max_size=8).flatmap(
    lambda words: st.lists(st.sampled_from(["", " ", "-"]), min_size=len(words),
                           max_size=len(words)).map(
        lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True))))


@settings(max_examples=400, deadline=None)
@given(SENTENCES)
def test_a_sentence_negated_before_is_negated_now(sentence):
    for place, (now, before) in PLACES.items():
        if before.search(sentence):
            assert now.search(sentence), (place, sentence)
    if BEFORE_PROPERTY_AFTER.match(sentence):
        assert negated_near("$A$ is symmetric" + sentence, 9, 16), sentence


@pytest.mark.parametrize(
    ("prose", "stated"),
    [
        ("Let $A$ be a symmetric matrix.", True),
        ("the positive definite matrix $\\mathbf{A}$ here", True),
        ("$A$는 대칭 행렬입니다.", True),
        ("$A$는 대칭 행렬이 아닙니다.", False),
        ("$A$는 대칭이지 않다.", False),
        ("Take a nonsymmetric matrix $A$.", False),
        ("Take a non-symmetric matrix $A$.", False),
        ("Take an asymmetric matrix $A$.", False),
        ("Take a non-invertible matrix $A$.", False),
        ("Take a not necessarily symmetric matrix $A$.", False),
        ("Take an unsymmetric matrix $A$.", False),
    ],
)
def test_a_matrix_property_negated_in_words_is_not_stated(prose, stated):
    properties = [word for _name, word, _line in stated_properties(prose)]
    assert bool(properties) is stated, properties
