r"""Review round 9b, H3: a function described in words the instances do not honour.

``Let $g$ be a smooth function that repeats every $2\pi$.`` then ``\int_0^{2\pi} g(x + 1) dx =
\int_0^{2\pi} g(x) dx`` was *refuted* on a polynomial instance of g — but the claim is true for
every 2π-periodic g (the integral over any period is the same). Two fixes:

* periodicity in any wording (:mod:`symderive.notes.periodic_words`): *repeats every*, *on the
  circle $\mathbb{R}/2\pi\mathbb{Z}$*, *on $S^1$*, *with period*, *periodic of period*,
  *$T$-periodic*, *invariant under shifts*, 주기가 $2\pi$인, 주기함수;
* any other description the instances do not honour (:mod:`symderive.notes.function_clauses`):
  even, bounded, vanishing at infinity, harmonic, with $g(0) = 1$, satisfying the boundary
  conditions … — a refutation on an instance is undecided, the sentence named.

Periodic instances are not built: a claim like the shift invariance is *undecided*, not checked
(no density argument covers a finite family of periodic instances: ``\int g(x) \cos(nx) dx = 0``
vanishes on every frequency but n).
"""

from __future__ import annotations

import mpmath
import pytest

from symderive.notes.function_clauses import conditions, described, described_all
from symderive.notes.periodic_words import says_periodic
from tests.notes.note_steps import steps_by_line


def only(steps, line):
    assert len(steps[line]) == 1, steps.get(line)
    return steps[line][0]


def shift_integral(g, a, b, shift):
    return mpmath.quad(lambda x: g(x + shift), [a, b]) - mpmath.quad(g, [a, b])


def test_the_shift_claim_is_true_for_periodic_functions_and_false_for_others():
    periodic = lambda x: mpmath.exp(mpmath.sin(x)) + mpmath.cos(3 * x)  # noqa: E731
    assert abs(shift_integral(periodic, 0, 2 * mpmath.pi, 1)) < 1e-12
    assert abs(shift_integral(periodic, 0, mpmath.pi, 1)) > 1e-3  # half a period: false
    assert abs(shift_integral(lambda x: x**2, 0, 2 * mpmath.pi, 1)) > 1  # not periodic: false


@pytest.mark.parametrize("words", [
    "Let $g$ be a smooth function that repeats every $2\\pi$.",
    "Let $g$ be a smooth function that repeats itself after $2\\pi$.",
    "Let $h$ be a smooth function on the circle $\\mathbb{R} / 2\\pi\\mathbb{Z}$.",
    "Let $h$ be a function on $\\mathbb{R}/\\mathbb{Z}$.",
    "Let $h$ be a smooth function defined on $S^1$.",
    "Let $h$ be a function on the torus $\\mathbb{T}$.",
    "Let $g$ have period $2\\pi$.",
    "Let $g$ be a smooth function with period $T$.",
    "Let $g$ be periodic of period $2\\pi$.",
    "Let $g$ be $T$-periodic.",
    "Suppose $g$ is periodic.",
    "Let $g$ be a smooth function invariant under shifts by $2\\pi$.",
    "Let $g$ be a smooth function whose values recur every $2\\pi$.",
    "$g$는 주기가 $2\\pi$인 함수이다.",
    "$g$를 주기함수라고 하자.",
    "$g$는 $2\\pi$마다 반복되는 함수이다.",
])
def test_periodicity_is_read_in_any_wording(words):
    assert says_periodic(words), words


@pytest.mark.parametrize("words", [
    "Let $g$ be a smooth function.",
    "The signal $h$ is not periodic.",
    "Let $g$ be a smooth function that is not necessarily periodic.",
    "The function $g$ never repeats.",
    "$g$는 주기함수가 아니다.",
    "Let $x \\in \\mathbb{R}^1$ be a point.",
])
def test_no_periodicity_where_the_words_give_none(words):
    assert not says_periodic(words), words


@pytest.mark.parametrize(("words", "unread"), [
    ("Let $g$ be a smooth function that repeats every $2\\pi$.", "repeats"),
    ("Let $g$ be an even function.", "even"),
    ("Let $g$ be a bounded smooth function.", "bounded"),
    ("Let $g$ be a smooth function which is positive everywhere.", "positive"),
    ("Let $g$ be a function that vanishes at infinity.", "vanishes"),
    ("Let $f$ and $g$ be smooth functions with compact support.", "compact"),
    ("Let $g$ be a Lipschitz function.", "Lipschitz"),
    ("Let $g$ be a harmonic function.", "harmonic"),
    ("Let $g$ be a smooth function satisfying the heat equation.", "heat"),
    ("Let $g$ be smooth with $g(0) = 1$.", "$g(0) = 1$"),
    ("Consider a smooth function $g$ on the circle $\\mathbb{R}/2\\pi\\mathbb{Z}$.", "circle"),
    ("We take $g$ to be monotonically increasing.", "increasing"),
    ("Let $g: \\mathbb{R} \\to \\mathbb{R}$ be a convex function.", "convex"),
    ("$g$ has a minimum at $0$.", "minimum"),
    ("$g$는 유계인 함수이다.", "유계"),
])
def test_a_description_the_instances_do_not_honour_is_a_property(words, unread):
    found = described(words)
    assert found and all(unread in said.words for said in found), (words, found)


@pytest.mark.parametrize("words", [
    "Let $g$ be a smooth function.",
    "Let $u$ be any differentiable function of $x$.",
    "Let $f: \\mathbb{R}^n \\to \\mathbb{R}$ be a twice continuously differentiable function.",
    "Let $L$ be the loss function.",
    "Let $\\sigma$ be a nonlinear activation function applied elementwise.",
    "Let $f$ be a smooth function on $[0, 1]$.",
    "Let $g$ be a smooth function, and let $x$ be real.",
    "$g$는 매끄러운 함수이다.",
])
def test_a_description_the_instances_honour_is_no_property(words):
    assert described(words) == [], words


def test_it_in_the_next_sentence_is_the_function_described():
    assert [said.name for said in described("It repeats every $2\\pi$.", "g")] == ["g"]
    assert described("It repeats every $2\\pi$.", "") == []


def test_a_sentence_about_every_function_gives_each_the_property():
    assert described_all("Throughout, all functions are $2\\pi$-periodic.") == "periodic"
    assert "주기" in described_all("모든 함수는 주기가 $1$이다.")
    assert described_all("All functions here are smooth.") == ""


def test_a_later_sentence_about_the_function_is_read():
    assert [s.words for s in described("We assume that the function is odd.", "g")] == ["odd"]
    assert "bounded" in described("Let $g$ be smooth, and assume it is bounded.")[0].words


@pytest.mark.parametrize(("words", "names"), [
    ("Assume $g(x) > 0$ for all $x$.", ["g"]),
    ("Assume $|g(x)| \\le 1$ for all $x$.", ["g"]),
    ("Let $g$ be smooth with $g'(0) = 0$.", ["g"]),
    ("Suppose $f(x) = f(-x)$ for every $x$.", ["f"]),
    ("Let $f(x) = g(x)^2$.", []),  # a definition of f: nothing stated about g
    ("Let $y = f(x)$.", []),
    ("We have $g(x) > 0$.", []),  # a claim, not a hypothesis
])
def test_a_hypothesis_on_the_values_of_a_function_is_a_property(words, names):
    assert sorted({said.name for said in conditions(words)}) == names, conditions(words)


# the reviewer's notes (round9b/u6.md, min/h3_periodic_words.md)
U6 = r"""# A

Let $f$ be a smooth $2\pi$-periodic function.

$$\int_0^{2\pi} f(x + 1) \, dx = \int_0^{2\pi} f(x) \, dx$$

# B

Let $g$ be a smooth function that repeats every $2\pi$.

$$\int_0^{2\pi} g(x + 1) \, dx = \int_0^{2\pi} g(x) \, dx$$

# C

Let $h$ be a smooth function on the circle $\mathbb{R} / 2\pi\mathbb{Z}$.

$$\int_0^{2\pi} h(x + 1) \, dx = \int_0^{2\pi} h(x) \, dx$$

# D

Let $k$ be smooth with $k(x + 2\pi) = k(x)$ for all $x$.

$$\int_0^{2\pi} k(x + 1) \, dx = \int_0^{2\pi} k(x) \, dx$$
"""


def sections(note):
    """Each '# …' section of a note as a note of its own (its own time for instances)."""
    return ["# " + part for part in note.split("# ")[1:]]


@pytest.mark.slow
@pytest.mark.parametrize(("section", "name"), list(zip(sections(U6), "fghk")))
def test_the_shift_invariance_of_a_period_integral_is_not_refuted_in_any_wording(
        tmp_path, section, name):
    steps = steps_by_line(tmp_path, section)
    step = only(steps, 5)
    assert step.verdict == "undecided", (step.verdict, step.reason)
    assert f"property of {name} (line 3" in step.reason, step.reason


WORDINGS = r"""# A

Let $g$ be a smooth function. It repeats every $2\pi$.

$$\int_0^{2\pi} g(x + 1) \, dx = \int_0^{2\pi} g(x) \, dx$$

# B

$g$는 주기가 $2\pi$인 매끄러운 함수이다.

$$\int_0^{2\pi} g(x + 1) \, dx = \int_0^{2\pi} g(x) \, dx$$

# C

Let $g$ be a smooth function that vanishes outside $[0, 1]$.

$$\int_{-1}^{2} g(x + 1) \, dx = \int_{-1}^{2} g(x) \, dx$$

# D

Let $g$ be a smooth function satisfying the usual boundary conditions.

$$\int_0^{1} g(x) g''(x) \, dx = -\int_0^{1} g'(x)^2 \, dx$$

# E

Throughout this section, all functions are $2\pi$-periodic.

$$\int_0^{2\pi} g(x + 1) \, dx = \int_0^{2\pi} g(x) \, dx$$
"""


@pytest.mark.slow
@pytest.mark.parametrize("section", sections(WORDINGS))
def test_any_unread_description_withholds_the_refutation(tmp_path, section):
    """∫₋₁² g(x + 1) dx = ∫₀³ g = ∫₀¹ g = ∫₋₁² g for g vanishing outside [0, 1]; ∫₀¹ g g'' =
    [g g']₀¹ − ∫₀¹ g'² = −∫₀¹ g'² under Dirichlet (or Neumann, or periodic) boundary conditions:
    true for what the note means, false for a polynomial (g = x: 0 ≠ −1)."""
    step = only(steps_by_line(tmp_path, section), 5)
    assert step.verdict == "undecided", (step.verdict, step.reason)
    assert "(line 3" in step.reason and "need not satisfy" in step.reason, step.reason


FALSE_AND_FREE = r"""# Half a period

Let $g$ be a function that repeats every $2\pi$.

$$\int_0^{\pi} g(x + 1) \, dx = \int_0^{\pi} g(x) \, dx$$

# No property

Let $g$ be a smooth function.

$$\int_0^{2\pi} g(x + 1) \, dx = \int_0^{2\pi} g(x) \, dx$$

# True for every function

Let $g$ be a smooth function on $[0, 1]$.

$$\frac{d}{dx} g(x)^2 = 2 g(x) g'(x)$$

# Every function, with a property

Let $g$ be a smooth function that repeats every $2\pi$.

$$\frac{d}{dx} g(x)^3 = 3 g(x)^2 g'(x)$$
"""


@pytest.mark.slow
def test_the_false_direction_stays_refuted_or_undecided_never_checked(tmp_path):
    steps = steps_by_line(tmp_path, FALSE_AND_FREE)
    half = only(steps, 5)  # false for periodic g (test above): never checked
    assert half.verdict in ("refuted", "undecided"), half.reason
    free = only(steps, 11)  # false for g(x) = x²: refuted, the instance named
    assert free.verdict == "refuted" and "instance g(" in free.reason, free.reason
    assert only(steps, 17).verdict == "proved"  # an interval domain is no property
    assert only(steps, 23).verdict == "proved"  # a proof holds for the periodic ones too
