"""Round 11b C4: a kink whose argument oscillates in a size is never settled by a finite scan.

sin(46849) = 0.99999990024… > cos(1/2000) = 0.99999987500…: the indicator of sin(n) > cos(1/2000)
is 0 at every n up to 46848, so a claim that it is always 0 agreed at every size tried (1..7,
the scan to the cap 4096). Such a claim names a size past the cap: *undecided*, not checked.
A kink in a polynomial of the size has exact roots and stays checked.
"""

import pytest

from tests.notes.note_steps import steps_by_line

DIRECTIVE = "<!-- symderive: assume n size -->\n\n"


@pytest.mark.parametrize("claim", [
    r"\mathbb{1}(\sin(n) > \cos(\frac{1}{2000})) = 0",
    r"\max(\sin(n), \cos(\frac{1}{2000})) = \cos(\frac{1}{2000})",
])
def test_an_oscillating_kink_in_a_size_is_not_checked(tmp_path, claim):
    [step] = steps_by_line(tmp_path, DIRECTIVE + f"$$ {claim} $$\n")[3]
    assert step.verdict == "undecided", step.reason


def test_a_polynomial_kink_in_a_size_is_still_checked(tmp_path):
    [step] = steps_by_line(tmp_path, DIRECTIVE + r"$$ \max(n^2 - 10n, -25) = n^2 - 10n $$" + "\n")[3]
    assert step.verdict in ("checked", "proved"), step.reason
