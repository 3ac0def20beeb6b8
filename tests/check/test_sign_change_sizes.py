"""Review round 10 C4: a sum identity that fails only where 2^n lies between n^6 + 1 and n^7
(n = 30..36) has no closed-form kink; the sizes around every sign change of a kink argument
in one size are tried."""

import sympy as sp

from symderive.check import sampling

n = sp.Symbol("n", integer=True, positive=True)


def crossings(expr, upto):
    """Where expr changes sign between consecutive integers, by exact integer arithmetic."""
    values = [int(sp.sign(expr.subs(n, k))) for k in range(0, upto + 1)]
    return {k for k in range(1, upto + 1) if values[k] != values[k - 1] or values[k] == 0}


def test_every_sign_change_of_a_kink_argument_names_its_sizes():
    argument = 2**n - n**6 - 1
    found = sampling.sign_change_sizes(argument, n, 200, deadline=float("inf"))
    for k in crossings(argument, 200):  # computed by exact integer arithmetic above
        assert {k - 1, k} <= found | {0}


def test_the_failure_window_is_among_the_sizes_a_claim_names():
    window = sp.Max(0, sp.Min(1, 2**n - n**6 - 1, n**7 - 2**n))
    failing = {k for k in range(1, 100) if window.subs(n, k) != 0}
    assert failing == set(range(30, 37))  # computed, not assumed: the claim's own window
    named = sampling.named_sizes((n + window,), 4096)
    assert named & failing


def test_the_review_claim_is_refuted_with_room_in_its_budget(tmp_path):
    from tests.notes.note_steps import steps_by_line
    text = "$$\\sum_{k=1}^{n} 1 = n + \\max(0, \\min(1, 2^n - n^6 - 1, n^7 - 2^n))$$\n"
    step = steps_by_line(tmp_path, text, budget_seconds=20)[1][0]
    assert step.verdict == "refuted"
    size = int(dict(step.counterexample.values)["n"])
    assert 30 <= size <= 36
