r"""Round 4 of the adversarial review (/work/findings/round4.md), entry-indexed matrix calculus:
derivatives by a two-index entry (C12), the trace written with entries (C16), prose that says
what ``u_{ik}`` is (C10) and sentences that do not adopt Einstein's convention (C7).

A derivative by an entry ``v_{ab}`` of an expression in other entries of the same array is
only taken on instantiated arrays, where ∂v_kj/∂v_ab = [k = a][j = b] holds by construction;
read as unrelated scalars SymPy would answer 0.  Each note text is the review's, with the
verdict the mathematics gives; a refutation's counterexample is substituted back here with
exact rationals into the written entries (an independent evaluation, not the checker's path).
"""

from __future__ import annotations

from pathlib import Path

import sympy as sp

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.indices import einstein_adopted, entry_said_otherwise

SOUND = ("skipped", "undecided")


def verdicts(tmp_path: Path, text: str) -> dict:
    """line → (verdict, reason, step) of the first step of each chain of the note."""
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], NotesOptions(budget_seconds=6.0, jobs=2))
    found = {}
    for equation in report.files[0].equations:
        for step in equation.steps:
            if step.index == 1:
                found[equation.line] = (step.verdict, step.reason or "", step)
    return found


def note_of(*displays: str, prose: str = "") -> tuple[str, list[int]]:
    """A note with ``prose`` and one display per line; the line of each display."""
    lines = ["# Derivatives", ""]
    if prose:
        lines += [prose, ""]
    where = []
    for display in displays:
        where.append(len(lines) + 1)
        lines += [f"$$ {display} $$", ""]
    return "\n".join(lines), where


# -- C12: derivatives by a two-index entry, no matrix named (round4/c1.md) ---------------------
C1_CLAIMS = [
    # (the note's display, true?) — the truth at every size n and every index value
    (r"\frac{\partial}{\partial v_{ab}} \sum_k \sum_j w_{k}v_{kj} = w_a", True),
    (r"\frac{\partial}{\partial v_{aa}} \sum_k v_{kk} = 1", True),
    (r"\frac{\partial}{\partial v_{ab}} \sum_k v_{kk} = 0", False),  # δ_ab
    (r"\frac{\partial}{\partial v_{ab}} \sum_k w_{k}v_{bk} = w_a", False),  # δ_ab w_a
    (r"\frac{\partial}{\partial v_{ab}} \sum_k w_{k}v_{kb} = w_a", True),
    (r"\frac{\partial}{\partial u_{ij}} \sum_k u_{ik} v_{kj} = v_{jj}", True),
]


def test_a_derivative_by_an_entry_of_an_unnamed_array_is_never_answered_zero(tmp_path):
    """C12: with no matrix named, v_{kj} and v_{ab} would be unrelated scalars: the true claims
    are not refuted, the false ones (∂ tr V/∂v_ab = 0, the transposed entry) not proved."""
    text, lines = note_of(*(display for display, _ in C1_CLAIMS))
    found = verdicts(tmp_path, text)
    for line, (display, true) in zip(lines, C1_CLAIMS):
        verdict, reason, _ = found[line]
        if true:
            assert verdict in SOUND + ("checked", "proved"), (display, verdict)
        else:
            assert verdict in SOUND + ("refuted",), (display, verdict)
        if verdict in SOUND:
            assert "not read" in reason or "instantiated" in reason, (display, reason)


# -- C12 with a declared matrix (round4/c2.md) ------------------------------------------------
C2_PROSE = r"Let $\mathbf{x} \in \mathbb{R}^n$ and $\mathbf{A}$ an $n \times n$ matrix."


def frobenius_reference(n: int, k: int, l: int) -> dict:
    """The true values of the c2 claims at size n, entry (k, l), by SymPy on an explicit A."""
    A = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"a{i}{j}"))
    x = sp.Matrix(n, 1, lambda i, j: sp.Symbol(f"x{i}"))
    target = A[k - 1, l - 1]
    return {
        "trace": sp.diff(A.trace(), target),
        "sum": sp.diff(sum(A), target),
        "frobenius": sp.diff(sum(e**2 for e in A), target),
        "transposed": sp.diff(sum(A[i, j] * A[j, i] for i in range(n) for j in range(n)), target),
        "quadratic": sp.diff((x.T * A * x)[0, 0], target),
        "trace_ab": None,
    }


def test_the_reference_values_of_the_c2_claims():
    """The independent reference the next test leans on: ∂tr A/∂a_kl = δ_kl, ∂‖A‖²/∂a_kl =
    2a_kl, ∂Σa_ij a_ji/∂a_kl = 2a_lk, ∂xᵀAx/∂a_kl = x_k x_l."""
    values = frobenius_reference(3, 1, 2)
    assert values["trace"] == 0 and frobenius_reference(3, 2, 2)["trace"] == 1
    assert values["sum"] == 1
    assert values["frobenius"] == 2 * sp.Symbol("a01")
    assert values["transposed"] == 2 * sp.Symbol("a10")
    assert values["quadratic"] == sp.Symbol("x0") * sp.Symbol("x1")


C2_CLAIMS = [
    (r"\frac{\partial}{\partial a_{kk}} \sum_i a_{ii} = 1", True),
    (r"\frac{\partial}{\partial a_{kl}} \sum_i a_{ii} = 0", False),
    (r"\frac{\partial}{\partial a_{kl}} \sum_i \sum_j a_{ij} = 1", True),
    (r"\frac{\partial}{\partial a_{kl}} \sum_i \sum_j a_{ij}^2 = 2 a_{kl}", True),
    (r"\frac{\partial}{\partial a_{kl}} \sum_i \sum_j a_{ij} a_{ji} = 2 a_{kl}", False),
    (r"\frac{\partial}{\partial a_{kl}} \sum_i \sum_j a_{ij} a_{ji} = 2 a_{lk}", True),
    (r"\frac{\partial}{\partial a_{kl}} \sum_i \sum_j x_i a_{ij} x_j = x_k x_l", True),
    (r"\frac{\partial}{\partial a_{kl}} \sum_i \sum_j x_i a_{ij} x_j = x_l x_l", False),
]


def test_derivatives_by_entries_of_a_declared_matrix_get_the_mathematics_verdict(tmp_path):
    """C12: ∂/∂a_kl of the trace, the sum, the squared Frobenius norm, Σ a_ij a_ji and
    xᵀAx written with entries: true claims never refuted, false ones never proved or checked;
    a refutation names the size and the indices and reproduces."""
    text, lines = note_of(*(display for display, _ in C2_CLAIMS), prose=C2_PROSE)
    found = verdicts(tmp_path, text)
    for line, (display, true) in zip(lines, C2_CLAIMS):
        verdict, reason, step = found[line]
        if true:
            assert verdict in SOUND + ("checked", "proved"), (display, verdict, reason)
        else:
            assert verdict in SOUND + ("refuted",), (display, verdict, reason)
        if verdict == "refuted":
            values = dict(step.outcome.counterexample.values)
            assert "k" in values and "l" in values, values  # the indices are named


# -- C16: the trace written with entries (round4/m4.md) ------------------------------------------
M4_PROSE = (r"Suppose that $\mathbf{A}$ is an $n \times n$ matrix and $\mathbf{B}$ is an "
            r"$n \times n$ matrix.")
M4_CLAIMS = [
    (r"\operatorname{tr}(\mathbf{A}\mathbf{B}) = \sum_i \sum_k a_{ik} b_{ki}", True),
    (r"\operatorname{tr}(\mathbf{A}) = \sum_i a_{ii}", True),
    (r"\operatorname{tr}(\mathbf{A}^\top \mathbf{B}) = \sum_{i} \sum_{j} a_{ij} b_{ij}", True),
    (r"\operatorname{tr}(\mathbf{A}\mathbf{B}) = \sum_i \sum_k a_{ik} b_{ik}", False),
    (r"\operatorname{tr}(\mathbf{A}) = \sum_i a_{ii} + \mathbb{1}(n = 2)", False),
]


def test_the_trace_written_with_entries_reads_the_entries_of_the_declared_matrices(tmp_path):
    """C16: a_{ii} beside tr(A) is the diagonal of A, not an unrelated vector a_i: the
    textbook identities are checked, the wrong index order is refuted with a counterexample
    that reproduces on explicit matrices."""
    text, lines = note_of(*(display for display, _ in M4_CLAIMS), prose=M4_PROSE)
    found = verdicts(tmp_path, text)
    for line, (display, true) in zip(lines, M4_CLAIMS):
        verdict, reason, step = found[line]
        assert verdict == ("checked" if true else "refuted"), (display, verdict, reason)
        if verdict == "refuted":
            values = {name: sp.Rational(value) for name, value in step.outcome.counterexample.values}
            n = int(values["n"])

            def matrix(letter):
                key = (lambda i, j: f"\\mathbf{{{letter}}}_{i + 1}{j + 1}") if n > 1 else (
                    lambda i, j: f"\\mathbf{{{letter}}}_1")  # fmt: skip
                return sp.Matrix(n, n, lambda i, j: values.get(key(i, j), 0))

            A, B = matrix("A"), matrix("B")
            if "b_{ik}" in display:
                assert (A * B).trace() != sum(A[i, k] * B[i, k] for i in range(n) for k in range(n))
            else:
                assert n == 2  # the indicator: false only there


# -- C10: prose that says what u_{ik} is (round4/m1.md, m5.md) ------------------------------------
SHAPES = (r"Suppose that $\mathbf{U}$ is an $n \times r$ matrix and $\mathbf{V}$ is an "
          r"$r \times m$ matrix.")
ENTRY = r"\sum_k u_{ik}v_{kb} = [\mathbf{U}\mathbf{V}]_{ib}"
SAID_OTHERWISE = [
    SHAPES + r" Let $\mathbf{U}' = 2\mathbf{U}$ with entries $u_{ik}$.",
    SHAPES + r" Here $u_{ik}$ denotes the $(k, i)$ entry of $\mathbf{U}^\top$... wait, of "
             r"$\mathbf{W}$.",
    SHAPES + r" In this section $u_{ik}$ denotes the $(i,k)$ entry of $2\mathbf{U}$.",
    SHAPES + r" We write $u_{ik}$ for $2 w_{ik}$.",
    SHAPES + r", and $u_{ik} = v_{ki}$.",
    SHAPES + r" $u_{ik}$는 $2\mathbf{U}$의 $(i, k)$ 원소이다.",
]


def test_prose_that_says_what_u_ik_is_switches_the_entry_reading_off(tmp_path):
    """C10: the note names other entries for u_{ik}: the left side is then 2[UV]_ib (or
    unknown), so the claim is not checked; the reason quotes the note's line."""
    for prose in SAID_OTHERWISE:
        found = verdicts(tmp_path, f"# A\n\n{prose}\n\n$$ {ENTRY} $$\n")
        verdict, reason, _ = found[5]
        assert verdict in SOUND, (prose, verdict)
        assert "line 3" in reason and "u_{ik}" in reason, reason


def test_a_where_clause_in_the_display_or_after_it_switches_the_reading_off(tmp_path):
    r"""C10: "\text{where } u_{ik} = 2 w_{ik}" in the display, or "where $u_{ik} = 2 w_{ik}$."
    in the paragraph after it."""
    inside = f"# A\n\n{SHAPES}\n\n$$ {ENTRY}, \\quad \\text{{where }} u_{{ik}} = 2 w_{{ik}} $$\n"
    after = f"# B\n\n{SHAPES}\n\n$$ {ENTRY} $$\n\nwhere $u_{{ik}} = 2 w_{{ik}}$.\n"
    for text, quoted in ((inside, "line 5"), (after, "line 7")):
        verdict, reason, _ = verdicts(tmp_path, text)[5]
        assert verdict in SOUND and quoted in reason, (verdict, reason)


def test_the_entry_reading_stays_where_the_note_says_exactly_that(tmp_path):
    """C10: "$u_{ik}$ is the $(i, k)$ entry of $\\mathbf{U}$" is the reading itself, and so is
    d2l's "$u_{ia} = [\\mathbf{U}^\\top]_{ai}$"; with no prose at all the claim is checked."""
    lines = [r"$u_{ik}$ is the $(i, k)$ entry of $\mathbf{U}$.",
             r"If we notice that $u_{ia} = [\mathbf{U}^\top]_{ai}$, we can then write",
             r"$a_{ki} + a_{ik}$ is the $k, i$-th component of $\mathbf{A} + \mathbf{A}^\top$."]
    assert entry_said_otherwise(lines[:1], "u") == []
    assert entry_said_otherwise(lines[1:2], "u") == []
    assert entry_said_otherwise(lines[2:], "a") == []
    assert entry_said_otherwise([r"so $u_{ia} = [\mathbf{U}^\top]_{ia}$ here"], "u") != []
    text = f"# A\n\n{SHAPES} {lines[0]}\n\n$$ {ENTRY} $$\n"
    assert verdicts(tmp_path, text)[5][0] == "checked"


# -- C7: Einstein's convention only where a sentence adopts it (round4/e1.md) ---------------------
def test_only_an_affirmative_template_adopts_einstein_notation():
    """C7: "in the next section only", "Students often wrongly use", "We avoid" do not adopt it;
    d2l's "let's consider this problem using Einstein notation" and "We use Einstein notation."
    do."""
    for sentence in ["We use Einstein notation in the next section only.",
                     "Students often wrongly use Einstein notation here.",
                     "We avoid Einstein summation.",
                     "We use Einstein notation here, but only for vectors.",
                     "Einstein summation is not used in this section.",
                     "We could use Einstein notation, but we don't.",
                     "No Einstein summation here.",
                     "이 절에서는 아인슈타인 표기법을 사용하지 않는다."]:
        assert not einstein_adopted(sentence), sentence
    for sentence in ["We use Einstein notation.",
                     "To drive towards easier to manipulate notation, let's consider this "
                     "problem using Einstein notation.",
                     "Einstein summation is implied.",
                     "이 절에서는 아인슈타인 표기법을 사용한다."]:
        assert einstein_adopted(sentence), sentence


def test_sentences_that_do_not_adopt_einstein_leave_x_i_a_ij_x_j_unsummed(tmp_path):
    """C7: without the convention x_i a_ij x_j (free i, j) is one product, not xᵀAx: never
    checked; with "We use Einstein notation." it is checked."""
    sections = ["We use Einstein notation in the next section only.",
                "Students often wrongly use Einstein notation here.",
                "We avoid Einstein summation.",
                "We use Einstein notation."]
    lines = []
    for number, sentence in enumerate(sections):
        lines += [f"# S{number}", "", sentence, "",
                  r"$$ \mathbf{x}^\top \mathbf{A} \mathbf{x} = x_ia_{ij}x_j $$", ""]
    found = verdicts(tmp_path, "\n".join(lines))
    got = [found[5 + 6 * number][0] for number in range(len(sections))]
    assert got[:3] == ["undecided"] * 3, got
    assert got[3] == "checked", got


# -- own adversarial variants: the transposed entry, ∂ tr(AB)/∂a_kl = b_lk -----------------------
def test_a_refutation_of_the_transposed_entry_names_k_l_and_reproduces(tmp_path):
    """∂/∂a_kl Σ_ij a_ij a_ji is 2a_lk: the claim 2a_kl is refuted at a named (k, l) with a
    named matrix, and there the reference derivative is 2a_lk ≠ 2a_kl."""
    text, lines = note_of(r"\frac{\partial}{\partial a_{kl}} \sum_i \sum_j a_{ij} a_{ji} = 2 a_{kl}",
                          prose=C2_PROSE)
    verdict, reason, step = verdicts(tmp_path, text)[lines[0]]
    assert verdict == "refuted", reason
    values = {name: sp.Rational(value) for name, value in step.outcome.counterexample.values}
    n, k, l = int(values["n"]), int(values["k"]), int(values["l"])
    assert 1 <= k <= n and 1 <= l <= n
    A = sp.Matrix(n, n, lambda i, j: values[f"\\mathbf{{A}}_{i + 1}{j + 1}"] if n > 1
                  else values["\\mathbf{A}_1"])  # fmt: skip
    symbols = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"a{i}{j}"))
    derivative = sp.diff(sum(symbols[i, j] * symbols[j, i] for i in range(n) for j in range(n)),
                         symbols[k - 1, l - 1])
    at = dict(zip(symbols, A))
    assert derivative.subs(at) == 2 * A[l - 1, k - 1] != 2 * A[k - 1, l - 1]
    assert sp.Rational(step.outcome.counterexample.rhs_value).limit_denominator(1000) == 2 * A[k - 1, l - 1]


TRACE_AB_PROSE = (r"Let $\mathbf{A}$ be an $n \times n$ matrix and $\mathbf{B}$ an $n \times n$ "
                  r"matrix.")


def test_the_derivative_of_tr_ab_by_an_entry_is_b_lk(tmp_path):
    """∂ tr(AB)/∂a_kl = b_lk written with entries: checked; b_kl (the classic slip) refuted
    at a named (k, l) where b_lk ≠ b_kl."""
    text, lines = note_of(r"\frac{\partial}{\partial a_{kl}} \sum_i \sum_j a_{ij} b_{ji} = b_{lk}",
                          r"\frac{\partial}{\partial a_{kl}} \sum_i \sum_j a_{ij} b_{ji} = b_{kl}",
                          prose=TRACE_AB_PROSE)
    found = verdicts(tmp_path, text)
    assert found[lines[0]][0] == "checked", found[lines[0]][1]
    verdict, reason, step = found[lines[1]]
    assert verdict == "refuted", reason
    values = {name: sp.Rational(value) for name, value in step.outcome.counterexample.values}
    n, k, l = int(values["n"]), int(values["k"]), int(values["l"])
    B = sp.Matrix(n, n, lambda i, j: values[f"\\mathbf{{B}}_{i + 1}{j + 1}"] if n > 1
                  else values["\\mathbf{B}_1"])  # fmt: skip
    assert B[l - 1, k - 1] != B[k - 1, l - 1]
