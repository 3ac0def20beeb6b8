r"""Review round 7: stated domains that contradict each other (R16, H1, L4) and a formula that
is the subject of what the note calls wrong (H4).

Whichever of two contradicting statements the note means, a verdict computed under one of them
contradicts the other: the claims under them are undecided, with a notice naming both. A later
statement that says it replaces the earlier one (*Now suppose …*) is an override, and domains
that agree (or one holding the other) still decide the claim — inside both.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from symderive.model import Domain, interval
from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.disowned import disowning_words
from symderive.notes.domain_clash import disjoint, within
from symderive.notes.inequalities import bound_of, empty_bound

pytestmark = pytest.mark.slow


def checked(tmp_path: Path, text: str):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    steps: dict[int, list] = {}
    for equation in report.files[0].equations:
        for step in equation.steps:
            steps.setdefault(equation.line, []).append(step)
    return steps, report.files[0].notices


def only(steps: dict, line: int):
    (step,) = [s for s in steps[line] if s.verdict != "skipped" or s.skip is None]
    return step


def point(step) -> dict[str, Fraction]:
    return {name: Fraction(value) for name, value in step.counterexample.values}


# -- R16: a directive and the prose, two prose statements (round7/g2.md) ------------------------
G2 = r"""# A

<!-- symderive: assume x negative -->

Assume $x > 0$.

$$ |x| = x $$

$$ |x| = -x $$

# C

Let $0 < t < 1$. Let $t > 2$.

$$ t^2 > t $$

$$ t^2 < t $$
"""


def test_a_directive_contradicting_the_prose_decides_nothing(tmp_path):
    steps, notices = checked(tmp_path, G2)
    for line in (7, 9):  # |x| = x was refuted at x = -37/3, |x| = -x "proved under x positive"
        step = only(steps, line)
        assert step.verdict == "undecided", (line, step.verdict, step.reason)
        assert "contradict" in step.reason and "line 3" in step.reason and "line 5" in step.reason
    assert any("line 3, 5" in n and "contradict" in n and "assume x negative" in n
               for n in notices), notices


def test_two_plain_prose_statements_that_contradict_decide_nothing(tmp_path):
    steps, notices = checked(tmp_path, G2)
    for line in (15, 17):  # t^2 > t was checked silently with t in (2, ∞)
        step = only(steps, line)
        assert step.verdict == "undecided", (line, step.verdict, step.reason)
        assert "Let $0 < t < 1$." in step.reason and "Let $t > 2$." in step.reason
    assert any("line 13" in n and "domains stated for t contradict" in n for n in notices)


# -- H1: a domain and an example value outside it (round7/a5.md:17-21) -------------------------
A5 = r"""# D

Assume $t > 0$. In the next example $t = -1$.

$$ |t| = t $$

# F

Assume $w > 0$. For example $w = 3$.

$$ |w| = w $$
"""


def test_an_example_value_outside_the_stated_domain_decides_nothing(tmp_path):
    steps, _ = checked(tmp_path, A5)
    step = only(steps, 5)  # was proved "for all values", listing t = -1 as used
    assert step.verdict == "undecided", step.reason
    assert "t = -1" in step.reason and "Assume $t > 0$." in step.reason


def test_an_example_value_inside_the_domain_still_proves(tmp_path):
    steps, _ = checked(tmp_path, A5)
    assert only(steps, 11).verdict == "proved"


# -- L4: an empty interval (round7/cr1.md:37-41) ---------------------------------------------
CR1 = r"""Let $1 < x < 1$.

$$ x = 5 $$

$$ |x| = -x $$
"""


def test_an_empty_interval_gives_a_notice_and_decides_nothing(tmp_path):
    steps, notices = checked(tmp_path, CR1)
    step = only(steps, 5)  # was refuted at the example value x = 5, outside (1, 1)
    assert step.verdict == "undecided" and "no value in it" in step.reason
    assert any(n.startswith("line 1:") and "Let $1 < x < 1$." in n for n in notices), notices


@pytest.mark.parametrize("math, name", [
    ("1 < x < 1", "x"), (r"2 \le x \le 1", "x"), (r"1 \le x < 1", "x"), (r"3 > p > 5", "p"),
    (r"x \in (1, 1)", "x"), (r"x \in [2, 1]", "x"),
])  # fmt: skip
def test_empty_bounds_are_found_and_never_read_as_a_domain(math, name):
    assert empty_bound(math) == name and bound_of(math) is None


@pytest.mark.parametrize("math", [r"1 \le x \le 1", "0 < x < 1", r"x \in [1, 1]", "x > 2"])
def test_bounds_with_a_value_are_not_empty(math):
    assert empty_bound(math) is None


def test_domains_compare_as_sets_of_numbers():
    assert disjoint(Domain("negative"), Domain("positive"))
    assert disjoint(interval(0, 1, "()"), interval(2, None, "()"))
    assert disjoint(Domain("size"), interval(0, 1, "()"))  # no integer strictly between
    assert not disjoint(interval(0, 1, "(]"), interval(1, 2, "[)"))  # the point 1
    assert not disjoint(Domain("positive"), Domain("matrix"))  # not numbers: never a clash
    assert within(interval(0, 1, "()"), Domain("positive"))
    assert not within(Domain("positive"), interval(0, 1, "()"))


# -- the good readings: overrides, agreeing and narrower domains ------------------------------
GOOD = r"""# A

Assume $x > 0$.

$$ |x| = x $$

Now suppose $x < 0$.

$$ |x| = -x $$

# B

<!-- symderive: assume y positive -->

Assume $y > 0$.

$$ |y| = y $$

# C

<!-- symderive: assume z positive -->

Let $0 < z < 1$.

$$ z^2 < z $$

$$ z^2 > z $$

# D

Let $u > 0$. Let $u < 1$.

$$ u^2 < u $$

$$ u^3 > u $$
"""


def test_a_later_statement_with_a_change_word_overrides(tmp_path):
    steps, notices = checked(tmp_path, GOOD)
    assert only(steps, 5).verdict == "proved"
    assert only(steps, 9).verdict == "proved"  # under "Now suppose $x < 0$."
    assert not any("contradict" in n for n in notices), notices


def test_a_directive_agreeing_with_the_prose_still_proves(tmp_path):
    steps, _ = checked(tmp_path, GOOD)
    assert only(steps, 17).verdict == "proved"


def test_a_prose_domain_inside_the_directive_is_the_one_checked(tmp_path):
    steps, _ = checked(tmp_path, GOOD)
    assert only(steps, 25).verdict == "checked"  # z^2 < z on (0, 1): refuted at 37/3 before
    false = only(steps, 27)
    assert false.verdict == "refuted"
    z = point(false)["z"]
    assert 0 < z < 1 and not z**2 > z  # the counterexample lies inside both and reproduces


def test_two_statements_that_both_hold_never_refute_outside_either(tmp_path):
    steps, _ = checked(tmp_path, GOOD)
    true = only(steps, 33)  # u^2 < u on (0, 1): refuted at u = -34/3 (outside u > 0) before
    assert true.verdict != "refuted" and "Let $u > 0$." in true.reason
    false = only(steps, 35)
    if false.verdict == "refuted":  # u^3 > u fails on (0, 1): a counterexample must lie there
        u = point(false)["u"]
        assert 0 < u < 1 and not u**3 > u
    else:
        assert false.verdict == "undecided"


# -- H4: "It is wrong to think that $…$ needs the chain rule" (round7/q1.md:5) -----------------
Q1 = r"""It is wrong to think that $\frac{d}{dx} x^2 = 2x$ needs the chain rule.

It is wrong to think that $(a+b)^2 = a^2 + b^2$.

A common mistake is to write $\frac{d}{dx} x^3 = x^2$.
"""


def test_a_formula_subject_of_what_is_called_wrong_is_claimed(tmp_path):
    steps, notices = checked(tmp_path, Q1)
    assert only(steps, 1).verdict == "proved"
    assert not any("calls" in n and "wrong" in n for n in notices), notices


def test_a_formula_itself_called_wrong_is_still_quoted(tmp_path):
    steps, _ = checked(tmp_path, Q1)
    for line in (3, 5):
        (step,) = steps[line]
        assert step.verdict == "skipped" and "quoted as wrong" in step.reason


@pytest.mark.parametrize("trail, disowned", [
    (" needs the chain rule.", False), (" requires a proof by induction.", False),
    (" is hard to derive.", False), (".", True), (" in general.", True),
    (" holds for every x.", False),  # asserted after it, as before
])  # fmt: skip
def test_words_after_the_formula_say_what_is_wrong(trail, disowned):
    assert bool(disowning_words("It is wrong to think that", trail, True)) is disowned


# -- the same contradictions in other words ---------------------------------------------------
WORDS = r"""# A

<!-- symderive: assume t positive -->

In the next example $t = -1$.

$$ |t| = t $$

# B

Let $s$ be a positive real number. For example, $s = -2$.

$$ |s| = s $$

# C

Let $y$ be positive. Let $y$ be negative.

$$ |y| = y $$
"""


@pytest.mark.parametrize("line, said", [
    (7, "assume t positive"), (13, "s = -2"), (19, "Let $y$ be negative."),
])  # fmt: skip
def test_contradictions_in_words_and_directives_decide_nothing(tmp_path, line, said):
    steps, _ = checked(tmp_path, WORDS)
    step = only(steps, line)
    assert step.verdict == "undecided" and "contradict" in step.reason and said in step.reason
