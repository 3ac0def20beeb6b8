"""Reading names beside 'matrix'/'vector' in prose takes time linear in the text: a list of
subscripted names that is not followed by such a word (review round 5, C0: 26 names hung)."""

import time

from symderive.notes.check_notes import prose_arrays


def test_a_long_list_of_subscripted_names_is_read_at_once():
    names = ", ".join(f"$a_{{{k}}}$" for k in range(1, 61))
    started = time.process_time()
    assert prose_arrays(f"The coefficients {names} are real.") == set()
    assert time.process_time() - started < 1.0


def test_names_called_matrices_are_still_found():
    text = ("Let $A$ and $B$ be n x n matrices, the matrix $\\mathbf{W}$, and the matrices "
            "$W_{12}$, $V_1$.")
    assert {"A", "B", "W", "W_12", "V_1"} <= prose_arrays(text)
