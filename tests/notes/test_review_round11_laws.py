"""Round 11a F20: a law stated in a sentence that runs into its display is read.

*… because, for independent standard normal entries $q_i$ and $k_i$,* then the display
``Var(Σ q_i k_i) = d``: true for those laws (the reason for 1/√d in attention), refuted on a
constant law. The sentence has no final stop (it continues into the display); it states the law
all the same, so the refutation on a finite law is withheld.
"""

import pytest

from tests.notes.note_steps import steps_by_line

VARIANCE = r"\operatorname{Var}\left(\sum_{i=1}^{d} q_i k_i\right) = d"


@pytest.mark.parametrize("words", [
    "Attention divides by $\\sqrt{d}$ because, for independent standard normal entries $q_i$ "
    "and $k_i$,",
    "for independent Gaussian entries $q_i$ and $k_i$ with mean 0 and variance 1",
    "서로 독립인 표준 정규분포를 따르는 $q_i$와 $k_i$에 대해",
])
def test_a_law_in_a_sentence_running_into_the_display_is_read(tmp_path, words):
    [step] = steps_by_line(tmp_path, f"# Attention\n\n{words}\n\n$$ {VARIANCE} $$\n")[5]
    assert step.verdict != "refuted", step.reason


def test_without_a_law_the_constant_law_refutes(tmp_path):
    [step] = steps_by_line(tmp_path, f"# Attention\n\nThe scores are sums:\n\n$$ {VARIANCE} $$\n")[5]
    assert step.verdict == "refuted", step.reason
