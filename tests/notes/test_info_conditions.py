r"""Conditions of information-theory claims are hypotheses only when a sentence states them as
one (round-4 review C2, C3, C4, C11, C20, C27), and entropy bounds are tried on the edges of the
simplex at every alphabet size up to the one past their constant (C5, C15).

Each case is the review's note text. A claim false for dependent X, Y whose sentence mentions
independence without stating it as the claim's hypothesis is *undecided* (never proved, never
refuted on a dependent law); a claim refuted on a law is checked here against an independent
mpmath computation on the counterexample's own probabilities."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.hypotheses import hypothesis_of

# each parametrized case a note checked in full: under CI=true a fixed sample of each
# (tests/conftest.py); every case runs by default
pytestmark = pytest.mark.slow

ABOUT = "This note is about entropy. "


def verdicts(tmp_path, sentences: list[str], name: str = "note.md") -> dict:
    """{(section, lhs): step} for a note with one section per sentence."""
    body = "".join(f"## S{k}\n\n{text}\n\n" for k, text in enumerate(sentences))
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=4.0, jobs=1))
    found = {}
    for equation in report.files[0].equations:
        section = (equation.line - 3) // 4
        for step in equation.steps:
            found[(section, step.lhs_latex.strip())] = step
    return found


def law(counterexample) -> dict:
    """{outcome tuple: probability} from 'P(X=1, Y=2)' or 'p_i' entries."""
    table = {}
    for name, value in counterexample.values:
        if name.startswith("P("):
            table[tuple(int(p.split("=")[1]) for p in name[2:-1].split(", "))] = Fraction(value)
        elif name.startswith("p_"):
            table[(int(name[2:]),)] = Fraction(value)
    return table


def H(probabilities) -> mpmath.mpf:
    return -mpmath.fsum(mpmath.mpf(p.numerator) / p.denominator
                        * mpmath.log(mpmath.mpf(p.numerator) / p.denominator)
                        for p in probabilities if p)


def marginal(table: dict, axis: int) -> list:
    sums: dict = {}
    for key, value in table.items():
        sums[key[axis]] = sums.get(key[axis], 0) + value
    return list(sums.values())


def is_law(table: dict) -> bool:
    return all(value >= 0 for value in table.values()) and sum(table.values()) == 1


# -- C2, C3, C11, C20: no hypothesis unless stated as one ---------------------------------------
NOT_HYPOTHESES = [  # the review's sentences: each claim is false for some dependent X, Y
    "If $X$ and $Y$ are conditionally independent given $Z$, then $H(X, Y) = H(X) + H(Y)$.",
    "If $X$ and $Y$ are independent given $Z$, then $I(X; Y) = 0$.",
    "$Z$가 주어졌을 때 $X$와 $Y$가 조건부 독립이면 $H(X, Y) = H(X) + H(Y)$ 이다.",
    "If $X$ and $Y$ are pairwise independent of $Z$, then $H(X, Y) = H(X) + H(Y)$.",
    "Without assuming that $X$ and $Y$ are independent, $H(X, Y) = H(X) + H(Y)$.",
    "We drop the assumption that $X$ and $Y$ are independent; still $H(X, Y) = H(X) + H(Y)$.",
    "$X$와 $Y$가 독립이라는 가정은 틀렸지만 $H(X, Y) = H(X) + H(Y)$ 이다.",
    "Even for $X$ and $Y$ far from independent, $H(X, Y) = H(X) + H(Y)$.",
    "$X$ and $Y$ are rarely independent, and $H(X, Y) = H(X) + H(Y)$.",
    "Had $X$ and $Y$ been independent, then $I(X; Y) = 0$; in our case $H(X \\mid Y) = H(X)$.",
    "Although $X$ and $Y$ are independent in the textbook example, in ours "
    "$H(X, Y) = H(X) + H(Y)$.",
    "$X$ and $Y$ were shown to be independent in the previous example, but here "
    "$H(X \\mid Y) = H(X)$.",
    "Let $X$ and $Y$ be two coins that are independent only in the first experiment: "
    "$H(X, Y) = H(X) + H(Y)$.",
    "Assuming $X$ and $Y$ are independent is wrong here, so $H(X, Y) = H(X) + H(Y)$.",
    "$X$ and $Y$ are independent with probability $0$, so $H(X, Y) = H(X) + H(Y)$.",
    "When $X = Y$ in distribution, $H(X \\mid Y) = 0$.",
    "When $X = Y$ with probability $\\frac{1}{2}$, $H(X \\mid Y) = 0$.",
    "If $X = Y$ on the event $A$, then $H(X \\mid Y) = 0$.",
    "If $X$ is an invertible function of $Y$ restricted to half of its outcomes, then "
    "$H(X) = H(Y)$.",
    # variants of our own
    "If $X$ and $Y$ are independent of $Z$, then $H(X, Y) = H(X) + H(Y)$.",
    "Suppose $X$ and $Y$ are conditionally independent; then $H(X \\mid Y) = H(X)$.",
    "$X$와 $Y$가 독립이 아니어도 $I(X; Y) = 0$ 이다.",
    "If $X$ and $Y$ are independent for large $n$, then $H(X, Y) = H(X) + H(Y)$.",
]


def test_conditions_not_stated_as_hypotheses_are_not_used(tmp_path):
    found = verdicts(tmp_path, [ABOUT + text for text in NOT_HYPOTHESES])
    claims = {"H(X, Y)", "I(X; Y)", "H(X \\mid Y)", "H(X)"}
    for k, text in enumerate(NOT_HYPOTHESES):
        steps = [step for (section, lhs), step in found.items() if section == k and lhs in claims]
        assert steps, text
        last = steps[-1]  # the claim the sentence asserts (the conditioned one is first)
        assert last.verdict == "undecided", (text, last.verdict, last.reason)
        assert "recognise" in last.reason, (text, last.reason)


def test_affirmative_hypotheses_are_used_and_a_false_claim_under_them_refuted(tmp_path):
    sentences = [
        ABOUT + "If $X$ and $Y$ are independent, then $H(X, Y) = H(X) + H(Y)$.",
        ABOUT + "For independent $X$ and $Y$, $H(X \\mid Y) = H(X)$.",
        ABOUT + "Let $X$ and $Y$ be independent, so $I(X; Y) = 0$.",
        ABOUT + "$X$와 $Y$가 독립이면 $H(X, Y) = H(X) + H(Y)$ 이다.",
        ABOUT + "$H(X, Y) = H(X) + H(Y)$ when $X$ and $Y$ are independent.",
        ABOUT + "When $X = Y$, $H(X \\mid Y) = 0$.",
        ABOUT + "If $X$ and $Y$ are independent, then $H(X) = H(Y)$.",  # false under it
    ]
    found = verdicts(tmp_path, sentences)
    for k, lhs in enumerate(["H(X, Y)", "H(X \\mid Y)", "I(X; Y)", "H(X, Y)", "H(X, Y)",
                             "H(X \\mid Y)"]):
        step = found[(k, lhs)]
        assert step.verdict == "proved", (sentences[k], step.verdict, step.reason)
        assert "condition the note states" in step.reason
    wrong = found[(6, "H(X)")]
    assert wrong.verdict == "refuted"
    table = law(wrong.outcome.counterexample)
    assert is_law(table)
    first, second = marginal(table, 0), marginal(table, 1)
    for (a, b), value in table.items():  # the counterexample is an independent law
        assert value == first[a - 1] * second[b - 1]
    assert H(first) != H(second)


# -- C4, C27: each clause takes its own hypothesis ---------------------------------------------
def test_a_general_clause_does_not_cancel_an_earlier_hypothesis(tmp_path):
    sentences = [
        ABOUT + "For independent $X$ and $Y$, $H(X \\mid Y) = H(X)$, and for any $X$, "
        "$H(X \\mid X) = 0$.",
        ABOUT + "For independent $X$ and $Y$, $H(X \\mid Y) = H(X)$, and for any $X$ and $Y$, "
        "$H(X, Y) = H(X) + H(Y)$.",
        ABOUT + "$X$와 $Y$가 독립이면 $I(X; Y) = 0$ 이고, 모든 $X$와 $Y$에 대해 "
        "$H(X, Y) = H(X) + H(Y)$ 이다.",
        ABOUT + "If $X$ and $Y$ are independent, $I(X; Y) = 0$; moreover, whatever the joint "
        "law, $H(X, Y) = H(X) + H(Y)$.",
    ]
    found = verdicts(tmp_path, sentences)
    assert found[(0, "H(X \\mid Y)")].verdict == "proved"
    assert found[(0, "H(X \\mid X)")].verdict == "proved"
    assert found[(1, "H(X \\mid Y)")].verdict == "proved"
    for k in (2, 3):
        assert found[(k, "I(X; Y)")].verdict == "proved"
    for k in (1, 2, 3):  # stated for every law: false, refuted at a dependent law
        step = found[(k, "H(X, Y)")]
        assert step.verdict == "refuted", (sentences[k], step.verdict, step.reason)
        table = law(step.outcome.counterexample)
        assert is_law(table)
        assert abs(H(table.values()) - H(marginal(table, 0)) - H(marginal(table, 1))) > 1e-6


def test_hypothesis_of_reads_clauses():
    both = hypothesis_of("If $X$ and $Y$ are independent, then $H(X, Y) = H(X) + H(Y)$.",
                         "H(X, Y) = H(X) + H(Y)")
    assert both.conditions.independent and not both.unread
    given = hypothesis_of("If $X$ and $Y$ are independent given $Z$, then $I(X; Y) = 0$.",
                          "I(X; Y) = 0")
    assert not given.conditions.any and "given" in given.unread
    later = hypothesis_of("If $X$ and $Y$ are independent, then $I(X; Y) = 0$, and "
                          "$H(X \\mid Y) = H(X)$.", "H(X \\mid Y) = H(X)")
    assert later.conditions.independent  # a later clause without words of its own inherits
    apart = hypothesis_of("If $X$ and $Y$ are independent, then $I(X; Y) = 0$; here "
                          "$H(X \\mid Y) = H(X)$.", "H(X \\mid Y) = H(X)")
    assert not apart.conditions.any and apart.unread


# -- C5, C15: the edges of the simplex at every size up to one past the constant ---------------
def test_bounds_failing_only_at_a_constant_partner_or_a_large_alphabet_are_refuted(tmp_path):
    displays = ["H(X \\mid Y) - H(Y \\mid X) \\le \\log 5", "H(X) - H(Y) \\le \\log 5",
                "I(X; Y) \\le \\log 4", "H(X) \\le 2 H(Y) + \\log 2"]
    body = "# Entropy\n\nThis note is about entropy and mutual information.\n\n" + "".join(
        f"$$ {d} $$\n\n" for d in displays)
    path = tmp_path / "bounds.md"
    path.write_text(body, encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=4.0, jobs=1))
    steps = [s for e in report.files[0].equations for s in e.steps]
    assert [s.verdict for s in steps] == ["refuted"] * 4, [(s.verdict, s.reason) for s in steps]

    def sides(table):
        hx, hy, hxy = H(marginal(table, 0)), H(marginal(table, 1)), H(table.values())
        return hx, hy, hxy

    bounds = [lambda hx, hy, hxy: (hxy - hy) - (hxy - hx) - mpmath.log(5),
              lambda hx, hy, hxy: hx - hy - mpmath.log(5),
              lambda hx, hy, hxy: hx + hy - hxy - mpmath.log(4),
              lambda hx, hy, hxy: hx - 2 * hy - mpmath.log(2)]
    for step, excess in zip(steps, bounds):
        table = law(step.outcome.counterexample)
        assert is_law(table)
        assert excess(*sides(table)) > 0, step.lhs_latex  # the bound fails at this law


K_CLASS = ("# k classes\n\nFor a $k$-class distribution with probabilities $p_1, \\ldots, p_k$, "
           "the entropy is as follows.\n\n")


def test_the_k_class_entropy_sum_is_read_on_the_simplex(tmp_path):
    displays = ["-\\sum_{i=1}^{k} p_i \\log p_i \\le \\log k",
                "-\\sum_{i=1}^{k} p_i \\log p_i \\le \\log(k) - 10^{-9}",
                "-\\sum_{i=1}^{k} p_i \\log p_i \\ge \\frac{1}{k}",
                "-\\sum_{i=1}^{k} p_i \\log p_i \\le \\log 9",
                "-\\sum_{i=1}^{k} p_i \\log p_i \\le \\log(k + 1) \\cdot \\mathbb{1}(k \\le 9) "
                "+ 10 \\cdot \\mathbb{1}(k > 9)"]
    path = tmp_path / "k.md"
    path.write_text(K_CLASS + "".join(f"$$ {d} $$\n\n" for d in displays), encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=4.0, jobs=1))
    steps = [s for e in report.files[0].equations for s in e.steps]
    # the true bound held on every law tried, but a sum over outcomes is not a combination of
    # entropies the information certificate reads: undecided (round 10, certificate policy)
    assert [s.verdict for s in steps] == ["undecided", "refuted", "refuted", "refuted",
                                          "undecided"], [(s.verdict, s.reason) for s in steps]
    assert "8" in steps[0].reason and "no certificate covers every law" in steps[0].reason
    constants = [None, lambda k: mpmath.log(k) - mpmath.mpf(10) ** -9,
                 lambda k: mpmath.mpf(1) / k, lambda k: mpmath.log(9)]
    for step, bound, upper in zip(steps[1:4], constants[1:], (True, False, True)):
        values = dict(step.outcome.counterexample.values)
        table = law(step.outcome.counterexample)
        assert is_law(table)  # a law on the simplex, not free numbers
        k = int(values["k"])
        assert len(table) == k
        entropy = H(table.values())
        assert (entropy > bound(k)) if upper else (entropy < bound(k))
    assert "law" in steps[4].reason


# -- C22, C24: a condition in the display; a law stated for X --------------------------------
def test_a_display_condition_with_perp_is_the_claims_own(tmp_path):
    displays = ["H(X, Y) = H(X) + H(Y) \\quad \\text{if } X \\perp Y",
                "H(X, Y) = H(X) + H(Y) \\quad \\text{if } X \\perp Y \\mid Z",
                "H(X, Y) = H(X) + H(Y) \\quad \\text{(false unless } X, Y \\text{ independent)}"]
    path = tmp_path / "perp.md"
    path.write_text("# A\n\nThis note is about entropy.\n\n" + "".join(
        f"$$ {d} $$\n\n" for d in displays), encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=4.0, jobs=1))
    steps = [s for e in report.files[0].equations for s in e.steps]
    assert [s.verdict for s in steps] == ["proved", "undecided", "undecided"], \
        [(s.verdict, s.reason) for s in steps]


def test_a_law_stated_for_x_is_not_replaced_by_another_law(tmp_path):
    sentences = [
        ABOUT + "Let $X$ be a binary random variable. Then $H(X) \\le \\log 2$.",
        ABOUT + "For a fair coin $X$, $H(X) = \\log 2$.",
        ABOUT + "Let $X$ be uniform on three outcomes.\n\n$$ H(X) = \\log 3 $$",
    ]
    found = verdicts(tmp_path, sentences)
    for (section, lhs), step in found.items():
        if lhs == "H(X)":  # never another law: a binary X is true, yet "binary" may describe
            # what X is built from (round 10b C1), so it is no certificate: not refuted
            assert step.verdict == "undecided", (sentences[section], step.verdict, step.reason)


# -- C28: the note's own formula for an operator, written with other words than "define" -----
def test_a_first_formula_differing_from_the_standard_operator_turns_its_reading_off(tmp_path):
    path = tmp_path / "sign.md"
    path.write_text("# A\n\nThis note is about entropy. In this note we set\n"
                    "$$ H(X) = \\sum_x p(x) \\log p(x) $$\nso that $H(X) \\le 0$.\n",
                    encoding="utf-8")
    report = check_files([path], NotesOptions(budget_seconds=4.0, jobs=1))
    steps = [s for e in report.files[0].equations for s in e.steps]
    assert [s.verdict for s in steps if s.verdict != "skipped"] == ["undecided"], \
        [(s.lhs_latex, s.verdict, s.reason) for s in steps]
    assert all(s.verdict not in ("refuted", "proved", "checked") for s in steps)


@pytest.mark.parametrize(("sentence", "formula", "given"), [
    ("If $X$ and $Y$ are independent, then it is false that $I(X; Y) = 0$.", "I(X; Y) = 0", False),
    ("If $X$ and $Y$ are independent, then $H(X, Y) = H(X) + H(Y)$ does not hold.",
     "H(X, Y) = H(X) + H(Y)", False),
    ("If $X$ and $Y$ are independent and identically distributed, then $I(X; Y) = 0$.",
     "I(X; Y) = 0", False),
    ("If $X$ and $Y$ are independent, then, given $Z$, $I(X; Y) = 0$.", "I(X; Y) = 0", False),
    ("If $X$ and $Y$ were independent, then $I(X; Y) = 0$.", "I(X; Y) = 0", False),
    ("$I(X; Y) = 0$ only if $X$ and $Y$ are independent.", "I(X; Y) = 0", False),
    ("$I(X; Y) = 0$ even if $X$ and $Y$ are independent.", "I(X; Y) = 0", False),
    ("$X$와 $Y$가 독립이면 $I(X; Y) = 0$ 이 아니다.", "I(X; Y) = 0", False),
    ("If $X$ and $Y$ are independent, then $I(X; Y) = 0$ rather than $H(X)$.", "I(X; Y) = 0",
     False),
    ("Suppose that $X$ and $Y$ are independent: $H(X \\mid Y) = H(X)$.", "H(X \\mid Y) = H(X)",
     True),
    ("$I(X; Y) = 0$ if $X$ and $Y$ are independent.", "I(X; Y) = 0", True),
    # the field corpus (d2l-ko-information-theory.md lines 187, 363, 364)
    ("다른 극단에서 $X$과 $Y$이 독립적이라면 $H(X, Y) = H(X) + H(Y)$입니다.",
     "H(X, Y) = H(X) + H(Y)", True),
    ("* 또는 $X$가 $Y$의 반전 가능한 함수인 경우 $Y$과 $X$가 모든 정보를 공유하고 "
     "$I(X, Y) = H(Y) = H(X).$달러를 공유합니다.", "I(X, Y) = H(Y) = H(X).", True),
])
def test_a_hypothesis_is_only_what_an_affirmative_template_states(sentence, formula, given):
    found = hypothesis_of(sentence, formula)
    assert found.conditions.any == given, found
    assert bool(found.unread) != given  # not given: the words are quoted for the verdict
