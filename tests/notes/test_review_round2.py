"""Regression tests for the second adversarial review of ``symderive notes`` (findings R3, R4,
R9, R10, R14–R16, R20 in /work/findings/round2.md, and the Einstein-notation refutation of the
field corpus): each note is the reviewer's (shortened) and asserts the verdict it must get."""

from __future__ import annotations

import sympy as sp

from symderive.notes.plan import index_ambiguity
from tests.notes.test_review_findings import GOOD, verdict_of, verdicts


def test_einstein_entries_of_a_declared_vector_are_not_refuted():
    # d2l multivariable calculus:691 "using Einstein notation", x^T A x = x_i a_ij x_j, with x
    # a vector of the note: its entries are read as x[i], x[j] (Indexed), not symbols x_i
    i, j, n = sp.symbols("i j n", integer=True)
    x = sp.IndexedBase("x")
    a_ij = sp.Symbol("a_ij")
    lhs = sp.Symbol("q")
    assert "Einstein" in index_ambiguity(lhs, a_ij * x[i] * x[j], False)
    # a summed index is not Einstein: sum_i x_i y_i keeps its refutation
    y = sp.IndexedBase("y")
    assert index_ambiguity(lhs, sp.Sum(x[i] * y[i], (i, 1, n)), False) == ""
