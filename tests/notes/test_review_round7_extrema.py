r"""Review round 7, R2: false bounds were *checked* because the numeric check of a plain
inequality sampled a few points and never looked near the maximum.  The reviewer's notes,
each a bound with a constant a little below the true extreme value: none is checked now (a
quantified one is refuted at a point where mpmath confirms it fails; an unquantified one is
an expression compared with a number, which the reader does not refute — see check_notes),
and the true bounds beside them stay checked.
"""

from __future__ import annotations

from pathlib import Path

import mpmath
import pytest

from symderive.notes.check_notes import NotesOptions, check_files

pytestmark = pytest.mark.slow


def steps_by_line(tmp_path: Path, text: str) -> dict[int, list]:
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    return {equation.line: list(equation.steps) for equation in report.files[0].equations
            if equation.steps}


# the reviewer's round7/c1.md, c2.md, c3.md (sections A–D) and b2.md (section F)
FALSE_BOUNDS = r"""# A

$$ x^2 - x + 0.26 \ge 0.02 $$

# B

$$ (x - 0.3)^2 + 0.001 \ge 0.0011 $$

# C

Let $x > 0$.

$$ x \ln x \ge -0.36 $$

# D

$$ \cos x \ge -0.9999 $$

# E

$$ \sin x \le 0.99 $$

# F

$$ x e^{-x^2} \le 0.42 $$

# G

Let $x > 0$.

$$ \frac{\ln x}{x} \le 0.36 $$

# H

$$ \sin x \cos x \le 0.49 $$

# I

Let $x > 0$.

$$ x^x \ge 0.7 $$

# J

$$ x^2 - x + 0.26 > 0.02 $$

# K

$$ \sin x + \cos x \le 1.414 $$
"""


def test_bounds_below_the_true_extreme_value_are_not_checked(tmp_path):
    steps = steps_by_line(tmp_path, FALSE_BOUNDS)
    claims = [step for line, found in steps.items() for step in found]
    assert len(claims) == 11, {line: [s.lhs_latex for s in found] for line, found in steps.items()}
    for step in claims:
        assert step.verdict not in ("checked", "proved"), (step.lhs_latex, step.reason)


def test_sin_n_at_most_0_99_for_every_positive_integer_is_refuted_at_an_integer(tmp_path):
    """round7/c4.md: sin 14 = 0.99061 > 0.99 (sizes 1…7 and 98…101 all agree)."""
    steps = steps_by_line(tmp_path, "# A\n\nFor every positive integer $n$,\n\n"
                                    "$$ \\sin n \\le 0.99 $$\n")
    (step,) = steps[5]
    assert step.verdict == "refuted", step.reason
    value = int(dict(step.counterexample.values)["n"])
    assert value >= 1 and mpmath.sin(value) > mpmath.mpf("0.99")


def test_sin_x_at_most_0_99_beyond_pi_is_not_checked(tmp_path):
    """round7/cr1.md:43–45 (an example value x = 5 earlier): not checked for all x ≥ π."""
    steps = steps_by_line(tmp_path, "Let $1 < x < 1$.\n\n$$ x = 5 $$\n\n$$ |x| = -x $$\n\n"
                                    "Let $x \\ge \\pi$.\n\n$$ \\sin x \\le 0.99 $$\n")
    (step,) = steps[9]
    assert step.verdict not in ("checked", "proved"), step.reason


TRUE_BOUNDS = r"""# A

Let $p \in [0, 1]$ be the success probability.

$$ p(1-p) \le \frac{1}{4} $$

# B

The weight satisfies $-1 \le w \le 1$.

$$ w^2 \le 1 $$

$$ |w|^3 \le w^2 $$

# C

Let $0 < x < 1$.

$$ \ln x < 0 $$

$$ x^2 < x $$

# D

$$ \frac{x}{1 + x^2} \le \frac{1}{2} $$

# E

Let $x > 0$.

$$ x^x \ge e^{-1/e} $$
"""


def test_true_bounds_stay_checked_with_their_worst_point_searched(tmp_path):
    """Checked with a certificate over the whole stated domain (round 8c: the search alone
    only refutes), the search reported beside it as its cross-check."""
    steps = steps_by_line(tmp_path, TRUE_BOUNDS)
    claims = [step for line, found in steps.items() for step in found]
    assert len(claims) == 7, {line: [s.lhs_latex for s in found] for line, found in steps.items()}
    for step in claims:
        assert step.verdict in ("checked", "proved"), (step.lhs_latex, step.reason)
        if step.verdict == "checked":
            assert step.reason.startswith("certified: over"), step.reason
            assert "worst point searched" in step.reason, step.reason
