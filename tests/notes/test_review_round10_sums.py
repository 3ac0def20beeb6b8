"""Review round 10 C1: an inner sum or product whose lower bound is the outer index runs
past its upper bound for the outer index's last values; the range is then empty (Σ = 0,
Π = 1), never SymPy's Karr convention (Σ_{j=7}^{5} 1 = −1), which made false claims agree."""

import sympy as sp

from symderive.check.decide import expand_finite_sums
from tests.notes.note_steps import steps_by_line

k, j, n = sp.symbols("k j n", integer=True)


def by_hand(outer_high: int, inner_low_of_k, inner_high: int, term, empty) -> sp.Integer:
    """The nested sum/product written out with the usual convention, in plain Python."""
    total = 0
    for kk in range(1, outer_high + 1):
        low = inner_low_of_k(kk)
        part = empty
        for jj in range(low, inner_high + 1):
            part = part + term if empty == 0 else part * term
        total += part
    return sp.Integer(total)


def test_an_inner_range_that_empties_adds_nothing():
    nested = sp.Sum(sp.Sum(1, (j, k, 5)), (k, 1, n))
    for size in range(1, 10):
        assert expand_finite_sums(nested.xreplace({n: size})) == by_hand(size, lambda kk: kk, 5, 1, 0)


def test_an_inner_product_that_empties_is_one():
    nested = sp.Sum(sp.Product(2, (j, k, 3)), (k, 1, n))
    for size in range(1, 8):
        assert expand_finite_sums(nested.xreplace({n: size})) == by_hand(size, lambda kk: kk, 3, 2, 1)


def test_the_false_nested_sums_of_the_review_are_refuted(tmp_path):
    steps = steps_by_line(tmp_path, (
        "# Sums\n\n"
        "$$\\sum_{k=1}^{n} \\sum_{j=k}^{5} 1 = \\sum_{k=1}^{n} (6 - k)$$\n\n"
        "$$\\sum_{k=1}^{n} \\prod_{j=k}^{3} 2 = \\sum_{k=1}^{n} 2^{4-k}$$\n"))
    first, second = steps[3][0], steps[5][0]
    assert first.verdict == "refuted" and second.verdict == "refuted"
    # the counterexample reproduces by hand: n = 7 gives 15 against 14
    size = int(dict(first.counterexample.values)["n"])
    assert by_hand(size, lambda kk: kk, 5, 1, 0) != sum(6 - kk for kk in range(1, size + 1))


def test_a_true_nested_sum_with_a_crossing_range_still_agrees(tmp_path):
    # Σ_{i=1}^{n} Σ_{j=i}^{n} 1 = n(n+1)/2: the inner range never empties
    steps = steps_by_line(tmp_path, "$$\\sum_{i=1}^{n} \\sum_{j=i}^{n} 1 = \\frac{n(n+1)}{2}$$\n")
    assert steps[1][0].verdict in ("proved", "checked")


def test_true_pair_counts_with_empty_inner_ranges_are_not_refuted(tmp_path):
    # round 10 H4: Σ_{i=1}^{n} Σ_{j=1}^{i-2} 1 counts the pairs j ≤ i − 2 in 1..n: (n−1)(n−2)/2
    for size in range(1, 12):
        pairs = sum(1 for i in range(1, size + 1) for jj in range(1, i - 1))
        assert pairs == (size - 1) * (size - 2) // 2
    steps = steps_by_line(tmp_path, (
        "$$\\sum_{i=1}^{n} \\sum_{j=1}^{i-2} 1 = \\frac{(n-1)(n-2)}{2}$$\n\n"
        "$$\\sum_{i=1}^{n} \\sum_{j=i+2}^{n} 1 = \\frac{(n-1)(n-2)}{2}$$\n"),
        budget_seconds=8.0)  # (SymPy needs about 2-3 s of CPU for each: room on a slow runner)
    assert steps[1][0].verdict in ("proved", "checked")
    assert steps[3][0].verdict in ("proved", "checked")
