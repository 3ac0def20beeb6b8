"""Tensor bookkeeping from note 004 § 공부: the shape rule of ``torch.mm`` and the strides of a
contiguous tensor (the condition ``view`` relies on)."""

from __future__ import annotations

import sympy as sp

from symderive.catalog._unevaluated import held, plus
from symderive.model import Derivation, Source, Step

NOTE_004 = "004_75ba1db62c35dc7a.txt"
SECTION = "공부"
TOPIC = "tensors"

# (n × m)(m × p) with n, m, p = 2, 3, 4: the product is checked entry by entry as a 2 × 4 matrix.
mat1 = sp.ImmutableMatrix(2, 3, lambda r, c: sp.Symbol(f"a_{r + 1}{c + 1}", real=True))
mat2 = sp.ImmutableMatrix(3, 4, lambda r, c: sp.Symbol(f"b_{r + 1}{c + 1}", real=True))

TORCH_MM_SHAPE = Derivation(
    id="torch-mm-shape",
    title="torch.mm: an (n × m) times an (m × p) matrix is (n × p)",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            sp.MatMul(mat1, mat2, evaluate=False),
            justification="definition: mat1 is (n × m) = (2 × 3), mat2 is (m × p) = (3 × 4)",
            quote=r"If `mat1` is a $(n \times m)$ tensor, `mat2` is a $(m \times p)$ tensor, "
            r"`out` will be a $(n \times p)$ tensor.",
        ),
        Step(
            sp.ImmutableMatrix(
                2,
                4,
                lambda r, c: plus(*(held(mat1[r, s], mat2[s, c]) for s in range(3))),
            ),
            justification="out_ij = Σ_{k=1}^{m} mat1_ik mat2_kj: one entry per row i of mat1 "
            "(n of them) and column j of mat2 (p of them), the shared m summed away — "
            "out is (n × p) = (2 × 4)",
        ),
    ),
    claim="(n × m)·(m × p) → (n × p): out_ij = Σ_k mat1_ik mat2_kj (checked entrywise for "
    "2 × 3 times 3 × 4)",
    topic=TOPIC,
    tags=("tensor", "pytorch", "shape"),
)

# A contiguous (row-major) tensor has stride[i] = Π_{j>i} size[j]: one step in dimension i skips a
# whole block of the later dimensions.  Written out for d = 4 dimensions of sizes s₁ … s₄.
# (With an IndexedBase of symbolic length the checker samples size[i+1] and size[j] as
# unrelated numbers, so the symbolic-d form would be refuted wrongly; see the report.)
sizes = sp.symbols("s_1:5", integer=True, positive=True)


def contiguous_stride(dimension: int) -> sp.Expr:
    """stride[dimension] = Π_{j > dimension} size[j] (1-based) for a contiguous tensor."""
    later = sizes[dimension:]
    return held(*later) if len(later) > 1 else (later[0] if later else sp.Integer(1))


CONTIGUOUS_STRIDES = Derivation(
    id="contiguous-strides",
    title="A contiguous tensor satisfies stride[i] = stride[i+1] × size[i+1]",
    source=Source(note=NOTE_004, section=SECTION),
    steps=(
        Step(
            sp.ImmutableMatrix([contiguous_stride(dim) for dim in (1, 2, 3)]),
            justification="definition: in a contiguous tensor one step along dimension i skips "
            "every element of the later dimensions, stride[i] = Π_{j>i} size[j]; the strides of "
            "dimensions 1, 2, 3 of a 4-dimensional tensor of sizes s₁, …, s₄",
        ),
        Step(
            sp.ImmutableMatrix(
                [held(contiguous_stride(dim + 1), sizes[dim]) for dim in (1, 2, 3)]
            ),
            justification="take the factor size[i+1] out of each product; what remains is "
            "stride[i+1]: the note's contiguity-like condition, which view() needs of the "
            "dimensions it merges",
            quote=r"$\text{stride}[i] = \text{stride}[i+1] \times \text{size}[i+1]$",
        ),
    ),
    claim="stride[i] = Π_{j>i} size[j] = stride[i+1] × size[i+1] for a contiguous tensor "
    "(written out for four dimensions)",
    topic=TOPIC,
    tags=("tensor", "pytorch", "stride"),
)

DERIVATIONS: tuple[Derivation, ...] = (TORCH_MM_SHAPE, CONTIGUOUS_STRIDES)
