"""Round 49, reviewer AE (AE01): "symmetric" said in one clause of a longer sentence still
makes that matrix symmetric (∇ₓ xᵀAx = 2Ax is then true), and only that matrix: "Let $A$ be a
symmetric matrix and $x$ a vector." proves it, "Let $B$ be a symmetric matrix and $A$ an
arbitrary matrix." keeps A general and refutes it."""

from __future__ import annotations

import pytest

from symderive.notes.stated import affirmed_properties
from tests.notes.note_steps import last_claim

QUADRATIC_FORM = r"$$ \nabla_x (x^T A x) = 2 A x $$"
SHAPES = "<!-- symderive: assume A matrix 3 3 -->\n<!-- symderive: assume x vector 3 -->\n"


def gradient_of_the_quadratic_form(tmp_path, sentence: str) -> str:
    """The verdict of ∇ₓ(xᵀAx) = 2Ax with A 3 × 3 and x of length 3, after ``sentence``."""
    text = f"# Quadratic form\n\n{sentence}\n\n{SHAPES}\n{QUADRATIC_FORM}\n"
    return last_claim(tmp_path, text)


def symmetric_names(sentence: str) -> set[str]:
    """The names the sentence (on line 1) makes symmetric, as the notes checker keeps them."""
    properties = [(name, "symmetric", 1) for name in ("A", "B", "S", "x")]
    return {name for name, _, _ in affirmed_properties(sentence, properties)}


# -- the symmetric matrix of a sentence that goes on about another name ------------------------

@pytest.mark.parametrize("sentence", [
    "Let $A$ be a symmetric matrix and $x$ a vector.",  # AE-16e
    r"Let $A$ be a symmetric $3 \times 3$ matrix and $x \in \mathbb{R}^3$.",  # AE-16
    r"Let $A$ be symmetric and let $x \in \mathbb{R}^3$.",  # AE-t
    r"Let $A$ be a symmetric matrix, and let $x \in \mathbb{R}^3$.",
    "Let $x$ be a vector and $A$ a symmetric matrix.",
    "$A$는 대칭 행렬이고 $x$는 벡터이다.",  # AE-16f
    "$x$는 벡터이고 $A$는 대칭 행렬이다.",
])
def test_a_matrix_said_symmetric_in_one_clause_is_symmetric(tmp_path, sentence):
    assert gradient_of_the_quadratic_form(tmp_path, sentence) == "proved"


@pytest.mark.parametrize("sentence", [
    "Let $A$ be a symmetric matrix.",  # AE-16b: the sentence ending at "matrix."
    "$A$는 대칭 행렬이다.",  # AE-17
])
def test_a_sentence_saying_only_that_still_proves_it(tmp_path, sentence):
    assert gradient_of_the_quadratic_form(tmp_path, sentence) == "proved"


# -- the property belongs to the name it is said of, and only where it is affirmed -------------

@pytest.mark.parametrize("sentence", [
    "Let $B$ be a symmetric matrix and $A$ an arbitrary matrix.",  # AE-16g
    "Here $A$ is not symmetric.",  # AE-16h
    "Let $A$ be a matrix and $S$ its symmetric part.",
    "Let $A$ be a symmetric matrix and $x$ a vector, but not in this section.",
    "Let $A$ be a matrix and $x$ a vector.",
])
def test_a_matrix_not_said_symmetric_stays_general(tmp_path, sentence):
    verdict = gradient_of_the_quadratic_form(tmp_path, sentence)
    if "symmetric part" in sentence:  # the words near the display speak of symmetry and of A:
        assert verdict in ("refuted", "undecided")  # a doubt (round 51 AI05), never a proof
    else:
        assert verdict == "refuted"


@pytest.mark.parametrize("sentence, names", [
    ("$A$ and $B$ are symmetric.", {"A", "B"}),
    ("Let $B$ be a symmetric matrix and $A$ an arbitrary matrix.", {"B"}),
    ("Let $A$ be a symmetric matrix and $x$ a vector.", {"A"}),
    ("Let $A$ be a matrix and $S$ its symmetric part.", set()),
    ("If $x$ is a vector and $A$ is symmetric", set()),  # a supposition with no claim
])
def test_each_clause_speaks_of_its_own_names(sentence, names):
    assert symmetric_names(sentence) == names
