"""Round 40, reviewer J (fixer N): a Greek superscript on a function's name is a label, not a
power (``V^\\theta(s)`` is the value function of θ, ``d^\\pi(s)`` a distribution: J03, J04); a
superscript written k, k+1 on the same name counts iterations (``w^{k+1} = w^k - \\eta g^k``:
J05); ``= R^{3\\times 1}`` states a shape, a membership (J11)."""

from __future__ import annotations

import pytest

from symderive.notes.check_notes import NotesOptions, check_files
from symderive.notes.iteration_indices import iteration_index
from symderive.notes.report import SkipReason
from symderive.notes.space_sides import membership
from tests.notes.note_steps import reasons_by_line, verdicts_by_line

CHECKED = {"proved", "checked"}
DECIDED = {"proved", "checked", "refuted"}


# --- J03: a labelled function is no power times its argument -----------------------------

@pytest.mark.parametrize("said, claim", [
    ("Let $V^\\theta(s)$ be the value of state $s$ under the policy with parameters $\\theta$.",
     "V^\\theta(2s) = 2V^\\theta(s)"),  # J03: V^θ·2s is linear in s, a value function is not
    ("Let $d^\\beta(s)$ be the stationary distribution of the behavior policy $\\beta$.",
     "d^\\beta(s) + d^\\beta(u) = d^\\beta(s+u)"),  # J03: a distribution is not additive
    ("Let $V^\\pi(s)$ be the value of state $s$.", "V^\\pi(2s) = 2V^\\pi(s)"),
    ("The action value is $Q^\\pi(s, a)$.", "Q^\\pi(s, 2a) = 2 Q^\\pi(s, a)"),
    ("Let $V^{\\theta}(s)$ be the value.", "V^{\\theta}(3s) = 3V^{\\theta}(s)"),
])
def test_a_function_labelled_by_a_greek_superscript_is_not_a_power(tmp_path, said, claim):
    found = verdicts_by_line(tmp_path, f"# Values\n\n{said}\n\nThen ${claim}$.\n")[5]
    assert not set(found) & CHECKED


def test_the_labelled_value_function_is_read_as_a_function(tmp_path):
    note = "# Values\n\nThen $V^\\theta(s) + V^\\theta(u) = V^\\theta(u) + V^\\theta(s)$.\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["proved"]  # f(s) + f(u) = f(u) + f(s)


# --- J04: definitions of labelled quantities are not refuted -----------------------------

@pytest.mark.parametrize("sentence", [
    "$d^\\pi(s) = \\lim_{t \\to \\infty} P(s_t = s \\vert s_0, \\pi_\\theta)$ is the probability "
    "that $s_t=s$ when starting from $s_0$ and following policy $\\pi_\\theta$ for t steps.",
    "Here $d^\\beta(s) = \\lim_{t \\to \\infty} P(S_t = s \\vert S_0, \\beta)$ is the stationary "
    "distribution of the behavior policy $\\beta$.",
    "For a policy with parameters $\\theta$, the objective is $J^\\theta = \\sum_{i=1}^{n} r_i$.",
    "The advantage is $A^\\pi(s) = Q^\\pi(s) - V^\\pi(s)$.",
    "where $w^\\pi(s) = r(s) + 1$ is the weight.",
    "The success rate is $\\rho^\\theta = P(X = 1)$.",
])
def test_a_definition_of_a_labelled_quantity_is_not_refuted(tmp_path, sentence):
    found = verdicts_by_line(tmp_path, f"# Policies\n\n{sentence}\n")
    assert "refuted" not in [verdict for verdicts in found.values() for verdict in verdicts]


def test_the_stationary_distribution_is_a_definition(tmp_path):
    note = tmp_path / "note.md"
    note.write_text("# Stationary distribution\n\n$d^\\pi(s) = \\lim_{t \\to \\infty} "
                    "P(s_t = s \\vert s_0, \\pi_\\theta)$ is the probability.\n")
    report = check_files([note], NotesOptions(budget_seconds=3.0, jobs=1))
    [equation] = [found for found in report.files[0].equations if "lim" in found.latex]
    assert equation.skip is SkipReason.DEFINITION


@pytest.mark.parametrize("claim, verdict", [
    ("x^\\alpha(1-x)^\\beta = x^\\alpha (1-x)^{\\beta}", "proved"),  # a Beta density's powers
    ("\\frac{d}{dx} x^\\alpha = \\alpha x^{\\alpha-1}", "proved"),  # α a value: a power
    ("x^\\alpha x^\\beta = x^{\\alpha+\\beta}", "proved"),
    ("x^2(1-x) = x^2 - x^3", "proved"),
    ("\\sigma^2(x+1) = \\sigma^2 x + \\sigma^2", "proved"),  # a variance times a sum
    ("e^{x}(1+x) = e^x + x e^x", "proved"),
    ("x^\\alpha(1-x) = x^\\alpha - x^{\\alpha+1}", "proved"),
])
def test_powers_with_parentheses_keep_their_reading(tmp_path, claim, verdict):
    assert verdicts_by_line(tmp_path, f"# Powers\n\nThen ${claim}$.\n")[3] == [verdict]


# --- J05: iteration and time superscripts ------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Gradient descent updates the weights by $w^{k+1} = w^k - \\eta g^k$.",  # J05
    "The hidden state is $h^t = \\tanh(a h^{t-1} + b x^t)$.",  # J05
    "The momentum is $v^{t} = \\beta v^{t-1} + (1-\\beta) g^{t}$.",  # J05
    "Each sweep sets $x_i^{k+1} = x_i^k + \\eta r_i^k$.",
    "Newton's iterates are $x^{n+1} = x^n - \\frac{f_n}{d_n}$.",
])
def test_an_update_rule_with_iteration_superscripts_is_not_refuted(tmp_path, sentence):
    # a definition of the next iterate since round 44 T09 (no step on line 3 then)
    found = verdicts_by_line(tmp_path, f"# Updates\n\n{sentence}\n").get(3, [])
    assert "refuted" not in found


@pytest.mark.parametrize("latex, letter", [
    ("w^{k+1} = w^k - \\eta g^k", "k"),
    ("h^t = \\tanh(a h^{t-1} + b x^t)", "t"),
    ("\\mathbf{w}^{t+1} = \\mathbf{w}^t - \\eta \\mathbf{g}^t", "t"),
    ("x^{n+1} = x^n + x", ""),  # the bare x: a claim about powers
    ("x^{n+1} = x \\cdot x^n", ""),
    ("e^{x+1} = e^x + 1", ""),  # Euler's number is no iterate
    ("y = w^{k+1} - w^k", ""),  # the formula does not start with the iterate
])
def test_an_iteration_index_is_a_shifted_superscript_of_the_updated_name(latex, letter):
    assert iteration_index(latex) == letter


@pytest.mark.parametrize("claim, verdict", [
    ("x^{n+1} = x \\cdot x^n", "proved"),  # a true power identity stays proved
    ("x^{k+1} = x^k x", "proved"),
    ("x^{n+1} = x^n + x", "refuted"),  # a false one with a bare x stays refuted
    ("e^{x+1} = e^x + 1", "refuted"),
])
def test_power_identities_with_shifted_exponents_keep_their_verdict(tmp_path, claim, verdict):
    note = f"# Powers\n\nFor powers of a real number, ${claim}$.\n"
    assert verdicts_by_line(tmp_path, note)[3] == [verdict]


# --- J11: "= R^{3×1}" is a membership ----------------------------------------------------

def test_a_shape_written_with_equals_is_a_membership(tmp_path):
    note = "# Shapes\n\nFor one example, $z^{[1]}=W^{[1]}x^{(i)} =R^{3\\times 1}$.\n"
    found = verdicts_by_line(tmp_path, note)[3]
    assert "refuted" not in found
    assert "membership" in reasons_by_line(tmp_path, note)[3][-1]


@pytest.mark.parametrize("left, right, member", [
    ("W^{[1]}x^{(i)}", "R^{3\\times 1}", True),
    ("Wx", "\\mathbb{R}^{n}", True),
    ("\\mathbb{R}^{m \\times n}", "Ax", True),
    ("x^2 + y^2", "R^2", False),  # a circle of radius R
    ("(R^m)^n", "R^{m \\times n}", False),  # powers of R
    ("A", "\\pi R^2", False),
])
def test_only_a_side_that_is_a_space_of_arrays_is_a_membership(left, right, member):
    assert bool(membership(left, right)) is member


def test_a_circle_of_radius_r_is_still_checked(tmp_path):
    note = "# Circles\n\nThen $(2R)^2 = R^2$.\n"
    assert verdicts_by_line(tmp_path, note)[3] == ["refuted"]
