r"""Review round 7, words about a letter: R5 (a function with a stated property: linear, convex,
even, monotone, periodic), R6 (a function named through ``\mapsto``), R7 (a complex z one step
away: ``z = x + iy``, *for complex $z$*) and R17 (*non-symmetric* lifts *symmetric*).

The reviewer's note texts (``/work/findings/round7``: f4.md, b1.md, f1.md, x1.md, lf1.md). A
refutation on an instance that is not known to have the stated property is undecided, naming the
property; a letter the prose calls a function is never a scalar; a claim about a complex z is
never decided with z real; a matrix said to be non-symmetric is no longer instantiated
symmetric. The good readings stay: a false claim about an arbitrary continuous map is refuted
(the counterexample reproduces), a true one is proved, a real z is read, a symmetric B checked.
"""

from __future__ import annotations

from pathlib import Path

import mpmath
import pytest

from symderive.notes.declared import complex_declared
from symderive.notes.function_words import PROPERTY, function_words
from symderive.notes.stated import NEGATED_PROPERTY, read_stated

from tests.notes.note_steps import steps_by_line as shared_steps_by_line

pytestmark = pytest.mark.slow


def steps_by_line(tmp_path: Path, text: str) -> dict[int, list]:
    return shared_steps_by_line(tmp_path, text, budget_seconds=3.0)


def only(steps: dict, line: int):
    assert len(steps.get(line, [])) == 1, {k: [(s.lhs_latex, s.verdict) for s in v]
                                           for k, v in steps.items()}
    return steps[line][0]


# -- R5: a function with a property the instances need not have --------------------------------
F4 = r"""# A

Let $f$ be a linear function.

$$ \frac{d^2}{dx^2} f(x) = 0 $$

$$ f(x + y) - f(y) = f(x) - f(0) $$

# B

Let $g$ be a convex function.

$$ g\left(\frac{x + y}{2}\right) \le \frac{g(x) + g(y)}{2} $$

# C

Let $h$ be an even function.

$$ h(-x) = h(x) $$

# D

Let $k$ be a monotonically increasing function.

$$ k(x + 1) \ge k(x) $$

# E

Let $m$ be a periodic function with period $1$.

$$ m(x + 1) = m(x) $$
"""


@pytest.mark.parametrize("line, name, word", [
    (7, "f", "linear"), (13, "g", "convex"), (19, "h", "even"), (25, "k", "increasing"),
    (31, "m", "periodic"),
])  # fmt: skip
def test_r5_a_claim_true_for_the_stated_class_is_not_refuted_on_instances(tmp_path, line, name,
                                                                          word):
    """Each claim holds for every function of the stated class (f(x+y) − f(y) = f(x) − f(0)
    for linear and affine f, Jensen at the midpoint for convex g, …): an instance without the
    property refutes nothing, and k, m are functions, never numbers."""
    step = only(steps_by_line(tmp_path, F4), line)
    assert step.verdict == "undecided", (step.verdict, step.reason)
    assert word in step.reason and f"property of {name}" in step.reason
    if step.counterexample is not None:
        assert name not in dict(step.counterexample.values)  # never a scalar k = −17/3


B1 = r"""# B

Let $f$ be a linear function.

$$ f(2x) = 2 f(x) $$

# C

Let $u$ be any differentiable function.

$$ u(2x) = 2 u(x) $$

$$ \frac{d}{dx} u(x)^2 = 2 u(x) u'(x) $$
"""


def test_r5_linear_is_two_readings_and_a_plain_function_is_still_refuted(tmp_path):
    """H2 / b1.md:13: f(2x) = 2f(x) holds for linear f and fails for affine f: undecided,
    naming *linear*. A differentiable u without a property is refuted as before (the sides of
    the counterexample differ), and the chain rule stays proved."""
    steps = steps_by_line(tmp_path, B1)
    linear = only(steps, 5)
    assert linear.verdict == "undecided" and "linear" in linear.reason
    plain = only(steps, 11)
    assert plain.verdict == "refuted"
    values = plain.counterexample
    assert abs(mpmath.mpf(values.lhs_value) - mpmath.mpf(values.rhs_value)) > 1
    assert only(steps, 13).verdict == "proved"


# -- R6: a function named through \mapsto, f: A \to B, "the map $f$" ----------------------------
F1 = r"""# F

The map $r \mapsto m(r)$ is continuous.

$$ m(a + b) = m(a) + m(b) $$

$$ \frac{d}{da} m(a)^2 = 2 m(a) m'(a) $$

# G

Consider the operator $T$.

$$ T(2x) = 2 T(x) $$
"""


def test_r6_a_map_is_a_function_never_a_scalar(tmp_path):
    """m(a + b) = m(a) + m(b) is false for a continuous m (sin): refuted on an instance (never
    proved with m a number); the chain rule for m holds for every m: proved; the operator T is
    a function too."""
    steps = steps_by_line(tmp_path, F1)
    additive = only(steps, 5)
    assert additive.verdict == "refuted", additive.reason
    assert "instance m(" in additive.reason
    assert "m" not in dict(additive.counterexample.values)
    assert only(steps, 7).verdict == "proved"
    operator = only(steps, 13)
    assert operator.verdict == "refuted" and "instance T(" in operator.reason


def test_r6_the_ways_of_naming_a_function_are_read():
    text = ("The map $r \\mapsto m(r)$ is continuous. Let $q: \\mathbb{R} \\to \\mathbb{R}$ be "
            "smooth. The kernel $k(\\cdot)$ is fixed. Let $p$ be a convex function. "
            "$s$는 짝함수이다. Consider the transformation $T$. We compute $x \\mapsto \\log(1 + "
            "e^x)$. Let $u$ be a function of $x$.")
    found = {said.name: said.properties for said in function_words(read_stated(text, []))}
    assert found == {"m": (), "q": (), "k": (), "p": ("convex",), "s": ("짝함수",), "T": (),
                     "u": ()}
    assert not PROPERTY.search("a continuous differentiable smooth activation function")
    given = [(said.name, said.function, said.properties) for said in function_words(read_stated(
        "Let $g$ be a differentiable function. Assume $g$ is convex. Let $x$ be real.", []))]
    assert given == [("g", True, ()), ("g", False, ("convex",))]


# -- R7: complex one step away ------------------------------------------------------------------
X1 = r"""# C

Let $z = x + iy$ be a complex number.

$$ |z|^2 = z^2 $$

# D

For complex $z$,

$$ z^2 \ge 0 $$

# E

Let $z$ be a complex number. Now let $z$ be any real number.

$$ |z|^2 = z^2 $$

# F

For real $z$,

$$ z^2 \ge 0 $$
"""


def test_r7_a_complex_z_is_never_decided_real_and_a_real_z_still_is(tmp_path):
    """At z = i: |z|² = 1 ≠ z² = −1 and z² = −1 < 0 (mpmath): neither claim may be proved or
    checked with z real. After *Now let $z$ be any real number.* and for real z both hold."""
    i = mpmath.mpc(0, 1)
    assert abs(i) ** 2 != i**2 and (i**2).real < 0
    steps = steps_by_line(tmp_path, X1)
    for line in (5, 11):
        step = only(steps, line)
        assert step.verdict == "undecided" and "complex" in step.reason, (line, step.reason)
    assert only(steps, 17).verdict == "proved"
    assert only(steps, 23).verdict in ("proved", "checked")


IMAGINARY = r"""# B

$$ z = x + iy $$

$$ |z|^2 = z^2 $$

# C

Here $\mathrm{i}$ is the imaginary unit.

$$ |1 + \mathrm{i} x|^2 = 1 + 2 \mathrm{i} x - x^2 $$

# D

The map $f: \mathbb{C} \to \mathbb{C}$ is holomorphic.

$$ f(2z) = 2 f(z) $$

# E

$$ s = x + y $$

$$ |s|^2 = s^2 $$
"""


def test_r7_a_number_defined_from_the_imaginary_unit_is_complex(tmp_path):
    """|x + iy|² = x² + y² ≠ (x + iy)² (mpmath at x = y = 1); |1 + ix|² = 1 + x² ≠ 1 + 2ix − x²
    (at x = 1): the claims hold only with i read as a real letter. A map C → C is not checked
    on real instances. A real s = x + y is still read (|s|² = s² proved)."""
    z = mpmath.mpc(1, 1)
    assert abs(z) ** 2 != z**2 and abs(1 + 1j) ** 2 != 1 + 2j - 1
    steps = steps_by_line(tmp_path, IMAGINARY)
    for line in (5, 11, 17):
        step = only(steps, line)
        assert step.verdict == "undecided" and "complex" in step.reason, (line, step.reason)
    assert only(steps, 23).verdict == "proved"


def test_r7_the_complex_words_are_recognised():
    assert complex_declared("Let $z = x + iy$ be a complex number.") == ["z"]
    assert complex_declared("For complex $z$,") == ["z"]
    assert complex_declared("where $z$ is a complex number.") == ["z"]
    assert complex_declared("$z$ and $w$ are complex.") == ["z", "w"]
    assert complex_declared("Let $z \\in \\mathbb{C}^n$.") == ["z"]
    assert complex_declared("Let $z$ be in $\\mathbb{C}$.") == ["z"]
    assert complex_declared("Let $f$ be a complex-valued function.") == ["f"]
    assert complex_declared("Write $w = a + b\\mathrm{i}$.") == ["w"]
    assert complex_declared("Write $w = a + bi$ and $f: \\mathbb{R}^2 \\to \\mathbb{C}$.") == ["w", "f"]
    assert complex_declared("Let $u = w_i + x_i$ and $c = a_i b$.") == []
    assert complex_declared("This is a more complex expression than $f$.") == []


# -- R17: a denied property lifts the property ------------------------------------------------
LF1 = r"""# B

Let $\mathbf{B}$ be a symmetric matrix.

Next, take $\mathbf{B}$ to be a non-symmetric matrix.

$$ \mathbf{B}^\top = \mathbf{B} $$

# C

Let $\mathbf{C}$ be a symmetric matrix.

$$ \mathbf{C}^\top = \mathbf{C} $$
"""


def test_r17_non_symmetric_lifts_symmetric(tmp_path):
    """B^T = B is false for a non-symmetric B: never checked with B symmetric; a symmetric C
    (no lift) is still checked."""
    steps = steps_by_line(tmp_path, LF1)
    lifted = only(steps, 7)
    assert lifted.verdict in ("undecided", "refuted"), lifted.reason
    assert only(steps, 13).verdict == "checked"


def test_r17_the_denied_properties_are_recognised():
    for said in ("a non-symmetric matrix", "B is not symmetric", "no longer symmetric",
                 "an asymmetric matrix", "대칭 행렬이 아닌", "비대칭 행렬", "a nonsymmetric one"):
        assert NEGATED_PROPERTY.search(said), said
    for said in ("a symmetric matrix", "a nonsingular matrix", "positive definite"):
        assert not NEGATED_PROPERTY.search(said), said
