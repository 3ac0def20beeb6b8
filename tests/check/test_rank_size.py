"""Review round 10 C8: four vectors of R^n are dependent exactly when n < 4, so their Gram
determinant vanishes at the sizes 1, 2, 3 and nowhere beyond: a claim about vectors of a
symbolic size is also tried at one size past the number of its vectors."""

import itertools

import sympy as sp

from symderive.check import sampling

n = sp.Symbol("n", integer=True, positive=True)


def test_the_rank_size_exceeds_the_number_of_vectors():
    u, v, w, z = (sp.MatrixSymbol(name, n, 1) for name in "uvwz")
    assert sampling.rank_size((u.T * v)[0, 0] + (w.T * z)[0, 0], 0) == 5
    assert sampling.rank_size((u.T * u)[0, 0], 0) == 2  # n = 3, tried anyway, separates one
    many = [sp.MatrixSymbol(f"x{k}", n, 1) for k in range(9)]
    assert sampling.rank_size(sum((x.T * x)[0, 0] for x in many), 0) == sampling.RANK_SIZE_CAP


def test_the_gram_determinant_of_four_vectors_vanishes_only_below_four():
    # computed: det of the Gram matrix of four random integer vectors of R^k
    rng = __import__("random").Random(7)
    for k in range(1, 6):
        rows = [[rng.randint(-5, 5) for _ in range(k)] for _ in range(4)]
        gram = sp.Matrix(4, 4, lambda i, j: sum(a * b for a, b in zip(rows[i], rows[j])))
        assert (gram.det() == 0) == (k < 4)  # rank at most k: singular below four


def gram_claim() -> str:
    names = [r"\mathbf{u}", r"\mathbf{v}", r"\mathbf{w}", r"\mathbf{z}"]
    terms = []
    for permutation in itertools.permutations(range(4)):
        sign = sp.combinatorics.Permutation(list(permutation)).signature()
        product = " ".join(f"({names[i]}^\\top {names[j]})" for i, j in enumerate(permutation))
        terms.append(("+ " if sign > 0 else "- ") + product)
    return " ".join(terms).lstrip("+ ") + " = 0"


def test_the_gram_claim_is_not_checked_at_the_small_sizes_only(tmp_path):
    from tests.notes.note_steps import steps_by_line
    text = ("Let $\\mathbf{u} \\in \\mathbb{R}^n$, $\\mathbf{v} \\in \\mathbb{R}^n$, "
            "$\\mathbf{w} \\in \\mathbb{R}^n$ and $\\mathbf{z} \\in \\mathbb{R}^n$.\n\n"
            f"$${gram_claim()}$$\n")
    step = steps_by_line(tmp_path, text, budget_seconds=20)[3][0]
    assert step.verdict not in ("proved", "checked"), step.reason
