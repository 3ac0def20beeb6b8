"""Notation findings of the sixth adversarial review (/work/findings/round6.md: N1, N7, N11,
N13, N15 and High H1), each as the note the reviewer wrote: the verdict it must (not) get."""

from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow

FALSE_PROVED = ("proved", "checked")


def verdicts(tmp_path: Path, displays: list[str], prose: str = "") -> list:
    """The steps of a note holding ``prose`` and then each display on its own paragraph, in
    order (one step per display)."""
    note = tmp_path / "note.md"
    note.write_text(prose + "".join(f"$$ {d} $$\n\n" for d in displays), encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=2))
    steps = [step for equation in report.files[0].equations for step in equation.steps]
    assert len(steps) == len(displays)
    return steps


# -- N1: an operator name without parentheses stops at the next explicit operator ----------

N1_FALSE = [  # round6/n4.md, n5.md:21, n7.md:9: false as the author wrote them
    r"\sin x \cdot y = \sin(xy)",
    r"\frac{d}{dx}\left(\sin x \cdot x\right) = 2x\cos(x^2)",
    r"\cos x \cdot \cos x = \cos(x \cos x)",
    r"\tanh x \cdot 3 = \tanh(3x)",
    r"\frac{d}{dx} \left( \tanh x \cdot 3 \right) = \frac{3}{\cosh^2(3x)}",
    r"\sin x \times 2 = \sin 2x",
    r"\sin x \cdot \sin y = \sin(x \sin y)",
    r"\frac{d}{dw} \left( \tanh w \cdot x \right) = x \left(1 - \tanh^2(w x)\right)",
    r"\ln 2 \cdot 3 = \ln 6",
]

N1_TRUE = [  # round6/n3.md, n5.md, n6.md, n7.md, bce.md:19: textbook identities
    r"\sin x \cdot \cos x = \frac{1}{2}\sin(2x)",
    r"\sin x \cdot y = y \sin x",
    r"\sin x \times 2 = 2\sin x",
    r"\cos \theta \cdot r = r \cos\theta",
    r"\tanh x \cdot 3 = 3 \tanh x",
    r"\frac{d}{dx}\left(\sin x \cdot x\right) = \cos x \cdot x + \sin x",
    r"\sin x / \cos x = \tan x",
    r"\ln x / \ln 2 = \log_2 x",
    r"\sin x / 2 = \frac{\sin x}{2}",
    r"\frac{d}{dx} \frac{\sin x}{x} = \cos x / x - \sin x / x^2",
    r"\sin x \cos x / 2 = \frac{\sin 2x}{4}",
    r"\exp x \cdot \exp y = \exp(x + y)",
    r"\exp x \cdot 2 = 2 e^x",
    r"\log_2 x \cdot \ln 2 = \ln x",
    r"\tanh x \cdot \cosh x = \sinh x",
    r"\ln 2 \cdot 3 = \ln 8",
    r"\log 8 \cdot 2 = \log 64",
    r"\cos 0 \cdot 5 = 5",
    r"\cos \pi \cdot 2 = -2",
    r"\frac{d}{dz} \log \sigma(z) \cdot y = y(1 - \sigma(z))",
    r"\sin 2x = 2 \sin x \cos x",  # the implicit product stays the argument
    r"\sin \pi x = \sin(\pi x)",
]


def test_a_function_without_parentheses_does_not_swallow_an_explicit_product(tmp_path):
    for display, step in zip(N1_FALSE, verdicts(tmp_path, N1_FALSE)):
        assert step.verdict == "refuted", (display, step.verdict, step.reason)


def test_true_identities_with_an_unparenthesised_function_are_proved(tmp_path):
    for display, step in zip(N1_TRUE, verdicts(tmp_path, N1_TRUE)):
        assert step.verdict in FALSE_PROVED, (display, step.verdict, step.reason)


def test_the_product_of_two_determinants_is_the_determinant_of_the_product(tmp_path):
    [step] = verdicts(tmp_path, [r"\det \mathbf{A} \cdot \det \mathbf{B} = \det(\mathbf{A}\mathbf{B})"])
    assert step.verdict in FALSE_PROVED, step.reason


def test_a_log_that_the_note_takes_positive_keeps_its_own_argument(tmp_path):
    # round6/n5.md:17-21: 2 ln x = ln(x²) (true for x > 0), 2 ln x ≠ ln(2x)
    true, false = verdicts(tmp_path, [r"\ln x \cdot 2 = \ln(x^2)", r"\ln x \cdot 2 = \ln(2x)"],
                           "<!-- symderive: assume x positive -->\n\n")
    assert true.verdict in FALSE_PROVED
    assert false.verdict == "refuted"


# -- H1: precedence with two readings is not decided by one convention ------------------

@pytest.mark.parametrize(
    "display",
    [
        r"1/2x = \frac{1}{2x}", r"1/2x = \frac{x}{2}",  # round6/n2.md:3, n1.md:9
        r"a/bc = \frac{a}{bc}", r"a/bc = \frac{a}{b} c",  # n2.md:5, n1.md:7
        r"\sin x y = y \sin x", r"\sin x y = \sin(xy)",  # n2.md:21
        r"\sin x \, 2 = 2 \sin x",  # n5.md:25
        r"\frac{d}{dx} x^2 + 3x = 2x + 3", r"\frac{d}{dx} x^2 + 3x = 5x",  # dd1.md:1, 3
        r"\frac{\partial}{\partial w} w x + b = x",  # dd1.md:11
        r"\mathbf{A} * \mathbf{B} = \mathbf{B} * \mathbf{A}",  # h1.md:17
    ],
)
def test_ambiguous_precedence_is_neither_proved_nor_refuted(tmp_path, display):
    [step] = verdicts(tmp_path, [display])
    assert step.verdict in ("skipped", "undecided"), step.verdict
    assert "two readings" in step.reason or "three readings" in step.reason


def test_the_operand_in_parentheses_or_a_derivative_per_term_is_clear(tmp_path):
    displays = [r"\frac{d}{dx}(x^2) + 3x = 2x + 3x",
                r"\frac{d}{dx} x^2 + \frac{d}{dx} 3x = 2x + 3",
                r"\frac{d}{dx}\left(x^2 + 3x\right) = 2x + 3",
                r"\frac{1}{2} x = x/2"]  # fmt: skip
    for display, step in zip(displays, verdicts(tmp_path, displays)):
        assert step.verdict in FALSE_PROVED, (display, step.reason)


# -- N15: ^T on a plain name is a transpose, never a power of an unknown T ---------------

def test_a_plain_T_superscript_is_a_transpose_not_a_free_power(tmp_path):
    # round6/vs3.md, vs2.md, vs4.md
    displays = [r"\theta^T x = x^T \theta",
                r"\frac{\partial}{\partial \theta} \frac{1}{2}(\theta^T x - y)^2 = (\theta^T x - y) x",
                r"v v^T = v^T v", r"x x^T = x^T x", r"w^{T} x = x^{T} w",
                r"w^\mathrm{T} x = x^\mathrm{T} w"]  # fmt: skip
    steps = verdicts(tmp_path, displays, "The hypothesis is $h_\\theta(x) = \\theta^T x$.\n\n")
    for display, step in zip(displays, steps):
        assert step.verdict == "skipped", (display, step.verdict)
        assert "transpose" in step.reason
        assert step.counterexample is None


def test_a_bold_vector_transposed_with_T_is_still_checked(tmp_path):
    [step] = verdicts(tmp_path, [r"\mathbf{w}^T \mathbf{x} = \mathbf{x}^T \mathbf{w}"])
    assert step.verdict in FALSE_PROVED


def test_T_that_the_note_uses_as_a_horizon_stays_a_power(tmp_path):
    # T is a number of the note (the sum's bound): γ^T γ = γ^{T+1} is a power law
    prose = "The return is $G = \\sum_{t=1}^{T} \\gamma^t r_t$.\n\n"
    true, false = verdicts(tmp_path, [r"\gamma^T \gamma = \gamma^{T+1}",
                                      r"\gamma^T \gamma = \gamma^{T}"], prose)  # fmt: skip
    assert true.verdict in FALSE_PROVED
    assert false.verdict == "refuted"


# -- N11: Landau notation is a class of functions, not a value ---------------------------

@pytest.mark.parametrize(
    "display",
    [
        r"o(x^2) - o(x^2) = 0", r"O(x^2) - O(x^2) = 0",  # round6/ta2.md:3, 9 (false)
        r"\cos x = 1 - \frac{x^2}{2} + o(x^3)",  # ta2.md:5 (true)
        r"e^x = 1 + x + \frac{x^2}{2} + o(x^2)",  # ta1.md:7 (true)
        r"e^x = 1 + x + \frac{x^2}{2} + \mathcal{O}(x^3)",
        r"\Theta(n^2) - \Theta(n^2) = 0", r"\Omega(n) + \Omega(n) = 2\Omega(n)",
        # round 7, R11: sized and square brackets
        r"O\Big(x^2\Big) - O\Big(x^2\Big) = 0", r"o\bigl(x^2\bigr) - o\bigl(x^2\bigr) = 0",
        r"O[x^2] - O[x^2] = 0", r"\cos x = 1 - \frac{x^2}{2} + o\big(x^3\big)",
    ],
)
def test_asymptotic_notation_is_skipped(tmp_path, display):
    [step] = verdicts(tmp_path, [display])
    assert step.verdict == "skipped"
    assert "asymptotic notation" in step.reason


def test_an_output_o_times_one_minus_o_stays_a_product(tmp_path):
    [step] = verdicts(tmp_path, [r"o(1 - o) = o - o^2"])
    assert step.verdict in FALSE_PROVED


# -- N7: a sum runs over the integers up to its bound -------------------------------------

def test_numeric_bounds_are_rounded_to_the_integers_the_index_runs_over(tmp_path):
    # round6/fs.md:5, 13, 15, cr1.md:52: Σ_{i=1}^{π} i = 1 + 2 + 3, Σ_{i=1}^{2.5} 1 = 2
    displays = [r"\sum_{i=1}^{\pi} i = 6", r"\sum_{i=1}^{2.5} 1 = 2",
                r"\sum_{i=1}^{2.5} 1 = 2.5", r"\sum_{i=1}^{1.5} i = 1.875",
                r"\prod_{i=1}^{\sqrt{10}} i = 6"]  # fmt: skip
    expected = ["proved", "proved", "refuted", "refuted", "proved"]
    got = [step.verdict for step in verdicts(tmp_path, displays)]
    assert [g if g != "checked" else "proved" for g in got] == expected


@pytest.mark.parametrize(
    "display",
    [
        r"\sum_{k=0}^{\log_2 n} 2^k = 2n - 1",  # fs.md:11 (false at n = 3)
        r"\sum_{i=1}^{\sqrt{n}} i = \frac{\sqrt{n}(\sqrt{n}+1)}{2}",  # fs.md:3
        r"\prod_{i=1}^{\sqrt{n}} 2 = 2^{\sqrt{n}}",  # fs.md:17
        r"\sum_{i=1}^{x} 1 = x",  # fs.md:19
        r"\sum_{i=1}^{n/2} 2 = n",  # fs.md:9
        r"\sum_{i=1}^{n/2} i = \frac{n(n+2)}{8}",  # rec.md:1 (was a RecursionError)
    ],
)
def test_a_bound_that_is_not_an_integer_for_every_size_is_not_decided(tmp_path, display):
    [step] = verdicts(tmp_path, [display])
    assert step.verdict in ("skipped", "undecided")
    assert "not an integer" in step.reason
    assert "Error" not in step.reason


def test_integer_valued_symbolic_bounds_are_still_proved(tmp_path):
    displays = [r"\sum_{i=1}^{2n} i = n(2n+1)", r"\sum_{i=1}^{n^2} 1 = n^2",
                r"\sum_{i=0}^{n-1} 2^i = 2^n - 1"]  # fmt: skip
    for display, step in zip(displays, verdicts(tmp_path, displays)):
        assert step.verdict in FALSE_PROVED, (display, step.reason)


# -- N13: units after a number are not variables -----------------------------------------

@pytest.mark.parametrize(
    "display",
    [
        r"1\,\mathrm{km} = 1000\,\mathrm{m}", r"1\,\mathrm{m} = 100\,\mathrm{cm}",  # u1.md:3, 9
        r"1\ \mathrm{m} = 1000\ \mathrm{mm}",  # u1.md:19
        r"1\,\mathrm{mm} = 1000\,\mathrm{m}",  # false: never refuted as a product of names
        r"60\,\mathrm{s} = 1\,\mathrm{min}", r"2\,\mathrm{kg} \cdot 3 = 6\,\mathrm{kg}",
    ],
)
def test_units_are_skipped(tmp_path, display):
    [step] = verdicts(tmp_path, [display])
    assert step.verdict == "skipped"
    assert "unit" in step.reason


def test_an_upright_name_written_against_a_number_is_still_a_name(tmp_path):
    [step] = verdicts(tmp_path, [r"2\mathrm{loss} - \mathrm{loss} = \mathrm{loss}"])
    assert step.verdict in FALSE_PROVED
