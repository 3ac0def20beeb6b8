r"""Review round 8a: rows read as what they are.

C1: a long equation broken over rows (``multline``, ``split``, ``aligned``, ``align``), the
row after the break starting with ``+`` (or ``&\quad +``), is one equation: the row continues
the last expression of the row before, as a row starting with ``=`` continues the chain.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from symderive.notes.chains import split_chains
from symderive.notes.check_notes import NotesOptions, check_files

pytestmark = pytest.mark.slow


def checked(tmp_path: Path, text: str, suffix: str = ".md"):
    note = tmp_path / f"note{suffix}"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    steps: dict[int, list] = {}
    for equation in report.files[0].equations:
        for step in equation.steps:
            steps.setdefault(equation.line, []).append(step)
    return steps


def verdicts(steps: dict, line: int) -> list[str]:
    return [step.verdict for step in steps.get(line, [])]


# -- C1: round8/ml1.md, every equation true as written ------------------------------------------
ML1 = r"""# Multline

$$
\begin{multline}
(x+1)^3 = x^3 + 3x^2 \\
+ 3x + 1
\end{multline}
$$

\begin{multline*}
(a+b)^4 = a^4 + 4a^3 b + 6 a^2 b^2 \\
+ 4 a b^3 + b^4
\end{multline*}

$$
\begin{split}
(a+b)^3 = a^3 + 3a^2 b \\
+ 3 a b^2 + b^3
\end{split}
$$

$$
\begin{aligned}
(x-1)^2 &= x^2 - 2x \\
&\quad + 1
\end{aligned}
$$

\begin{align}
(y+1)^2 = y^2 + 2y \nonumber \\
+ 1
\end{align}
"""


def test_a_row_opening_with_an_operator_continues_the_expression():
    (chain,) = split_chains("(x+1)^3 = x^3 + 3x^2 \\\\\n+ 3x + 1", 5, "multline")
    assert chain.relations == ("=",)
    assert chain.elements[0] == "(x+1)^3"
    assert chain.elements[1].replace(" ", "") == "x^3+3x^2+3x+1"
    (chain,) = split_chains("(x-1)^2 &= x^2 - 2x \\\\ &\\quad + 1", 24, "aligned")
    assert chain.elements[1].replace(" ", "").endswith("-2x\\quad+1")
    # a row before that ends with the operator: the same equation
    (chain,) = split_chains("(x+1)^2 = x^2 + 2x + \\\\ 1", 1, "multline")
    assert chain.elements[1].replace(" ", "") == "x^2+2x+1"


def test_a_row_with_a_negative_left_side_is_still_its_own_equation():
    first, second = split_chains("x = 1 \\\\ -y = 2", 1, "align*")
    assert (first.elements, second.elements) == (("x", "1"), ("-y", "2"))
    # and rows that open with a name or a relation keep their readings
    first, second = split_chains("a = b \\\\ c = d", 1, "align*")
    assert (first.elements, second.elements) == (("a", "b"), ("c", "d"))
    (chain,) = split_chains("a &= b \\\\ &= c", 1, "align*")
    assert chain.elements == ("a", "b", "c")


def test_ml1_each_broken_equation_is_proved_whole(tmp_path):
    steps = checked(tmp_path, ML1)
    for line in (5, 11, 18, 25, 30):
        assert verdicts(steps, line) == ["proved"], (line, steps.get(line))
    assert not any(step.verdict == "refuted" for line in steps for step in steps[line])


def test_a_wrong_broken_expansion_is_still_refuted(tmp_path):
    steps = checked(tmp_path, "$$\n\\begin{multline}\n(x+1)^3 = x^3 + 3x^2 \\\\\n+ 3x + 2\n"
                              "\\end{multline}\n$$\n")
    (step,) = steps[3]
    assert step.verdict == "refuted"
    x = Fraction(dict(step.counterexample.values)["x"])
    assert (x + 1) ** 3 != x**3 + 3 * x**2 + 3 * x + 2  # (x+1)^3 - (…) = -1 at every x


# -- C3: round8/tab1.md, tab2.tex: a table or list of derivatives, one example per row ----------
TAB1 = r"""# Table of derivatives

| function | derivative |
|---|---|
| $f(x) = x^2$ | $f'(x) = 2x$ |
| $f(x) = x^3$ | $f'(x) = 3x^2$ |
| $f(x) = \sin x$ | $f'(x) = \cos x$ |

# List of derivatives

- $g(x) = e^{x}$: $g'(x) = e^{x}$
- $g(x) = \ln x$: $g'(x) = 1/x$
- $g(x) = \cos x$: $g'(x) = -\sin x$
"""

TAB2 = r"""\section{Derivatives}
\begin{itemize}
\item $f(x) = x^2$ gives $f'(x) = 2x$.
\item $f(x) = x^3$ gives $f'(x) = 3x^2$.
\end{itemize}

\begin{tabular}{ll}
$g(x) = e^{2x}$ & $g'(x) = 2e^{2x}$ \\
$g(x) = \sin 3x$ & $g'(x) = 3\cos 3x$ \\
\end{tabular}
"""


def test_rows_and_items_of_derivatives_are_never_refuted_with_the_first_row(tmp_path):
    steps = checked(tmp_path, TAB1)
    assert "proved" in verdicts(steps, 5) and "proved" in verdicts(steps, 11)
    for line in (6, 7, 12, 13):  # the row's own function, or the first row's: both readings
        assert verdicts(steps, line) and set(verdicts(steps, line)) == {"undecided"}, line
        assert any("new definition" in step.reason for step in steps[line])


def test_a_tabular_row_is_read_as_an_item_is(tmp_path):
    steps = checked(tmp_path, TAB2, ".tex")
    assert set(verdicts(steps, 4)) == {"undecided"}  # \item, as before
    assert "proved" in verdicts(steps, 8)
    assert verdicts(steps, 9) and set(verdicts(steps, 9)) == {"undecided"}


def test_a_row_wrong_under_either_reading_is_still_refuted(tmp_path):
    # with x^3 the derivative is 3x^2, with the first row's x^2 it is 2x: never 2x^2
    steps = checked(tmp_path, "| $f(x) = x^2$ | $f'(x) = 2x$ |\n|---|---|\n"
                              "| $f(x) = x^3$ | $f'(x) = 2x^2$ |\n")
    assert [s.verdict for s in steps[3]] == ["undecided", "refuted"]  # f(x) = x^3, then f'


def test_a_redefinition_and_a_claim_outside_tables_keep_their_readings(tmp_path):
    steps = checked(tmp_path, "Let $f(x) = x^2$.\n\nNow let $f(x) = x^3$. Then\n\n"
                              "$$ f'(x) = 3x^2 $$\n\nLet $g(x) = x^2$. Then $g(x) = x^3$.\n")
    assert verdicts(steps, 5) == ["proved"]  # the redefinition is used
    assert "refuted" in verdicts(steps, 7)  # "Then" claims it of g = x^2: false


# -- H2: round8/neg1.md, formulas the note denies ------------------------------------------------
NEG1 = r"""# Negated

Let $f(x) = x^2$.

Note that $f'(x) = 3x$ is not true.

따라서 $f'(x) = 3x$가 아니다.

$f'(x)$는 $3x$가 아니라 $2x$이다.

It is false that $(a+b)^2 = a^2 + b^2$.

We cannot write $(a+b)^2 = a^2 + b^2$.

Beware: $\sqrt{a+b} \neq \sqrt{a} + \sqrt{b}$ in general, i.e. $\sqrt{a+b} = \sqrt{a} + \sqrt{b}$ fails.

$(a+b)^2 = a^2 + b^2$은 성립하지 않는다.

$(a+b)^2 = a^2 + b^2$ does not hold.
"""


def test_formulas_the_note_denies_are_quoted_not_refuted(tmp_path):
    steps = checked(tmp_path, NEG1)
    for line in (5, 7, 11, 13, 17, 19):
        (step,) = steps[line]
        assert step.verdict == "skipped" and "quoted as wrong" in step.reason, (line, step)
    assert not any(step.verdict == "refuted" for line in steps for step in steps[line])


def test_a_true_formula_the_note_denies_is_undecided_and_a_plain_false_claim_refuted(tmp_path):
    steps = checked(tmp_path, "Let $f(x) = x^2$.\n\n$f'(x) = 2x$ does not hold.\n\n"
                              "따라서 $f'(x) = 2x$가 아니다.\n\n따라서 $f'(x) = 3x$이다.\n\n"
                              "We can write $(a+b)^2 = a^2 + b^2$.\n")
    assert verdicts(steps, 3) == ["undecided"] and verdicts(steps, 5) == ["undecided"]
    assert "calls this formula wrong" in steps[3][0].reason
    assert verdicts(steps, 7) == ["refuted"] and verdicts(steps, 9) == ["refuted"]


# -- C13: round8/mvt1.md, mvt2.md: a name the prose binds existentially -------------------------
MVT1 = r"""# Taylor with remainder

Let $f(x) = \cos x$. By Taylor's theorem there is a $\xi$ between $0$ and $x$ such that

$$ f(x) = f(0) + f'(0) x + \frac{f''(\xi)}{2} x^2 $$

# Mean value theorem

Let $g(x) = x^3$. For some $c \in (a, b)$,

$$ g(b) - g(a) = g'(c)(b - a) $$
"""

MVT2 = r"""# A

Let $f(x) = \cos x$. For some $\xi$ between $0$ and $x$,

$$ f(x) = 1 - \frac{x^2}{2} \cos \xi $$

# B

Let $f(x) = e^{x}$. Then, for a suitable $\xi$,

$$ f(x) = 1 + x e^{\xi} $$

# C

By the mean value theorem we can find $c$ with

$$ \sin b - \sin a = (b - a)\cos c $$

# D

테일러 정리에 의해 $0$과 $x$ 사이의 어떤 $\xi$가 존재하여

$$ e^{x} = 1 + x + \frac{x^2}{2} e^{\xi} $$
"""


def test_bound_names_read_from_the_words():
    from symderive.notes.existential import bound_names

    assert bound_names(r"there is a $\xi$ between $0$ and $x$ such that") == [r"\xi"]
    assert bound_names(r"By the mean value theorem we can find $c$ with") == ["c"]
    assert bound_names(r"There exists $\theta \in (0, 1)$ with") == [r"\theta"]
    assert bound_names(r"Taylor's theorem gives a point $\xi$ such that") == [r"\xi"]
    assert bound_names(r"$0$과 $x$ 사이에 적당한 $c$가 있어") == ["c"]
    assert bound_names(r"Let $x = 2$. This gives $f(x) = 4$, so that") == []


def test_taylor_and_the_mean_value_theorem_are_not_refuted_at_one_xi(tmp_path):
    steps = checked(tmp_path, MVT1)
    # the Taylor line applies f on both sides after f is defined: read as a property of f
    # (skipped, no step) or, as a claim, undecided for some ξ — never refuted
    assert verdicts(steps, 5) in ([], ["undecided"]) and verdicts(steps, 11) == ["undecided"]
    if verdicts(steps, 5):
        assert "some \\xi makes it hold" in steps[5][0].reason
    steps = checked(tmp_path, MVT2)
    for line in (5, 11, 17, 23):
        assert verdicts(steps, line) == ["undecided"], (line, steps.get(line))
        assert "proves nothing" in steps[line][0].reason


def test_without_existential_words_or_for_every_value_the_verdicts_stand(tmp_path):
    steps = checked(tmp_path, "Let $f(x) = \\cos x$. Then\n\n"
                              "$$ f(x) = 1 - \\frac{x^2}{2} \\cos \\xi $$\n\n"
                              "For some $\\xi$,\n\n$$ \\sin^2 \\xi + \\cos^2 \\xi = 1 $$\n\n"
                              "For some $c$,\n\n$$ (x+1)^2 = x^2 + 1 $$\n")
    assert verdicts(steps, 3) == ["refuted"]  # no word binds ξ: a false identity
    assert verdicts(steps, 7) == ["proved"]  # holds for every ξ, hence for some
    assert verdicts(steps, 11) == ["refuted"]  # c is not in it: x = … refutes it whatever c is


# -- C15: round8/mp1.md, pd1.md: matrix properties in words outside the vocabulary --------------
def _case(words: str, claim: str) -> str:
    return (f"Let $\\mathbf{{P}}$ be an $n \\times n$ {words} and $\\mathbf{{B}}$ an $n \\times n$ "
            f"matrix.\n\n$$ {claim} $$\n")


MP1 = [
    ("projection matrix", r"\mathbf{P}^2 = \mathbf{P}"),
    ("rotation matrix", r"\mathbf{P}^\top \mathbf{P} = \mathbf{P}\mathbf{P}^\top"),
    ("permutation matrix", r"\mathbf{P}^\top \mathbf{P} = \mathbf{P}\mathbf{P}^\top"),
    ("involutory matrix", r"\mathbf{P}^4 = \mathbf{P}^2"),
    ("covariance matrix", r"\mathbf{P}^\top = \mathbf{P}"),
    ("Hessian matrix of a smooth function", r"\mathbf{P}^\top = \mathbf{P}"),
    ("reflection matrix", r"\mathbf{P}^2 \mathbf{P} = \mathbf{P}"),
    ("scalar multiple of the identity", r"\mathbf{P}\mathbf{B} = \mathbf{B}\mathbf{P}"),
]


def test_described_matrices_are_read_from_the_words():
    from symderive.notes.matrix_words import described_matrices

    found = described_matrices(_case("projection matrix", "x = x"))
    assert found == [(r"\mathbf{P}", "a projection matrix", 1)]
    assert described_matrices(_case("scalar multiple of the identity", "x = x"))[0][1] == (
        "a scalar multiple of the identity")
    # a role, a shape, a negation, or a word stated_properties reads: nothing here
    for words in ("weight matrix", "square matrix", "symmetric matrix"):
        assert described_matrices(f"Let $\\mathbf{{W}}$ be the {words}.") == [], words
    assert described_matrices(r"$\mathbf{A}$ is not a projection matrix.") == []


@pytest.mark.parametrize(("words", "claim"), MP1)
def test_a_claim_that_follows_from_the_described_property_is_not_refuted(tmp_path, words, claim):
    steps = checked(tmp_path, _case(words, claim))
    assert verdicts(steps, 3) == ["undecided"], steps.get(3)
    assert "\\mathbf{P} is a" in steps[3][0].reason and "not read here" in steps[3][0].reason


def test_without_descriptive_words_the_false_matrix_claim_is_refuted(tmp_path):
    steps = checked(tmp_path, _case("matrix", r"\mathbf{P}^2 = \mathbf{P}")
                    + "\nLet $\\mathbf{W}$ be the weight matrix.\n\n"
                      "$$ \\mathbf{W}^\\top = \\mathbf{W} $$\n")
    assert verdicts(steps, 3) == ["refuted"] and verdicts(steps, 7) == ["refuted"]
