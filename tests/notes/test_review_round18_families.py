"""A family whose formula uses a shifted term (``z_t = w_t a_{t-1} + b_t``, the pre-activation
of an RNN step, ``v_k = u_{k+1} - u_k``, a forward difference): an instance takes the shifted
term at its own index — z_2 uses a_1 — never a free letter ``a_{t-1}`` beside a_1, which
refuted the note's correct ``z_2 = w_2 a_1 + b_2`` (found in review round 17, helper cases2).
"""

from tests.notes.note_steps import verdicts_by_line


def test_an_instance_takes_the_shifted_term_at_its_index(tmp_path):
    text = ("# A\n\nLet $z_t = w_t a_{t-1} + b_t$. Then $z_2 = w_2 a_1 + b_2$.\n\n"
            "Let $v_k = u_{k+1} - u_k$. Then $v_1 = u_2 - u_1$.\n")
    found = verdicts_by_line(tmp_path, text)
    assert found[3] == ["proved"] and found[5] == ["proved"]


def test_the_wrong_term_is_still_refuted(tmp_path):
    # z_2 uses a_1: a_2 in its place is an error of the note (a_1 ≠ a_2 in general)
    text = "# A\n\nLet $z_t = w_t a_{t-1} + b_t$. Then $z_2 = w_2 a_2 + b_2$.\n"
    assert verdicts_by_line(tmp_path, text)[3] == ["refuted"]


def test_a_term_before_the_first_index_is_not_read(tmp_path):
    # z_0 = w_0 a_{-1} + b_0 is the formula at t = 0: never refuted on a free value for a_{-1}
    text = "# A\n\nLet $z_t = w_t a_{t-1} + b_t$.\n\nThen $z_0 = w_0 a_{-1} + b_0$.\n"
    assert verdicts_by_line(tmp_path, text)[5] != ["refuted"]
