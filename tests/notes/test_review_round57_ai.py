"""Round 57 AT01, AT04 (false refuted): a name given to a condition whose chain also gives the
threshold its value (``R = x_1 \\le t = 3``) claims nothing; a line derived by integrating a
differential equation (``\\ln P = rt + C``, C the constant of integration) is an equation its
solution satisfies, never an identity to refute."""

from __future__ import annotations

import pytest

from tests.notes.note_steps import reasons_by_line, verdicts_by_line


def all_verdicts(tmp_path, note: str) -> list:
    return [verdict for line in verdicts_by_line(tmp_path, note).values() for verdict in line]


# -- AT01: R = x ≤ t = 3 names a split rule whose threshold is 3 -------------------------------

@pytest.mark.parametrize("sentence", [
    "The first split uses the rule $R = x_1 \\le t = 3$ on the first feature.",
    "루트 노드에서는 분할 규칙 $R = x_{nd} \\le t = 3$ 을 사용한다.",
    "The split is $R = x_1 \\le t = 0.5$.",
    "The event $A = z > c = 0$ has probability one half.",
    "분할 규칙은 $R_1 = x_j \\leq s = 2$ 이다.",
])
def test_a_condition_that_gives_its_threshold_a_value_is_not_a_claim(tmp_path, sentence):
    assert "refuted" not in all_verdicts(tmp_path, f"# Note\n\n{sentence}\n")


def test_a_false_equation_of_numbers_in_a_condition_chain_is_still_refuted(tmp_path):
    # 3 = 4 gives no name a value: the chain is no named condition
    assert "refuted" in all_verdicts(tmp_path, "# Note\n\n$$R = x \\le 3 = 4$$\n")


@pytest.mark.parametrize("chain", ["\\pi = e \\le 2", "e = \\pi \\le 3"])
def test_pi_and_e_are_numbers_not_names_of_conditions(tmp_path, chain):
    assert "refuted" in all_verdicts(tmp_path, f"# Note\n\n$${chain}$$\n")


@pytest.mark.parametrize("chain", ["x = 2 \\le 1", "a = b + 1 \\le b"])
def test_a_value_then_a_false_bound_is_still_refuted(tmp_path, chain):
    assert verdicts_by_line(tmp_path, f"# Note\n\n$${chain}$$\n")[3][-1] == "refuted"


# -- AT04: ln P = rt + C after integrating dP/dt = rP ------------------------------------------

EXP_GROWTH = """# Note

{lead}

$$\\int \\frac{{dP}}{{P}} = \\int r \\, dt$$

$$\\ln P = rt + C$$

$$P(t) = P_0 e^{{rt}}$$
"""


@pytest.mark.parametrize("lead", [
    "For the model $\\frac{dP}{dt} = rP$ we integrate:",
    "모형 $\\frac{dP}{dt} = rP$ 의 양변을 적분하면",
    "Separating variables and integrating:",
    "We solve the model $\\frac{dP}{dt} = rP$:",
    "변수분리하면",
])
def test_the_integrated_line_of_an_ode_is_not_refuted(tmp_path, lead):
    verdicts = verdicts_by_line(tmp_path, EXP_GROWTH.format(lead=lead))
    assert verdicts[7] in (["skipped"], ["undecided"])


@pytest.mark.parametrize("note", [
    # AT-o2: the ODE stated, then 변수분리하면
    "# 노트\n\n$y$를 다음 미분방정식을 만족하는 임의의 함수라고 하자.\n\n$$\\frac{dy}{dx} = x y$$\n\n"
    "변수분리하면\n\n$$\\int \\frac{dy}{y} = \\int x \\, dx$$\n\n"
    "$$\\ln y = \\frac{x^2}{2} + C$$\n\n$$y = C e^{x^2/2}$$\n",
    # the ODE alone, no word of integrating, and another constant
    "# Note\n\nFor the model $\\frac{dy}{dx} = ky$:\n\n$$\\ln y = kx + K$$\n\n"
    "$$y(x) = A e^{kx}$$\n",
    # an indexed constant, an absolute value
    "# Note\n\nSeparating variables and integrating:\n\n$$\\ln |y| = kx + c_1$$\n\n"
    "$$y(x) = A e^{kx}$$\n",
    # Korean, decay
    "# 노트\n\n$\\frac{dN}{dt} = -\\lambda N$ 을 적분하면\n\n$$\\ln N = -\\lambda t + C_1$$\n\n"
    "$$N(t) = N_0 e^{-\\lambda t}$$\n",
])
def test_lines_solving_an_ode_are_never_refuted(tmp_path, note):
    assert "refuted" not in all_verdicts(tmp_path, note)


def test_the_reason_names_the_constant_of_integration(tmp_path):
    note = EXP_GROWTH.format(lead="For the model $\\frac{dP}{dt} = rP$ we integrate:")
    assert "C a constant of integration" in reasons_by_line(tmp_path, note)[7][0]


INTEGRATING = "# Note\n\nWe integrate:\n\n$${claim}$$\n"


@pytest.mark.parametrize("claim", [
    "\\frac{d}{dx}(x^3 + C) = 2x",  # an antiderivative checked by differentiating: a claim
    "\\int_0^1 2x\\,dx = 2",  # a definite integral: a claim
    "(x + 1)^2 = x^2 + 1",  # no constant of integration
])
def test_false_claims_beside_an_integration_are_still_refuted(tmp_path, claim):
    assert verdicts_by_line(tmp_path, INTEGRATING.format(claim=claim))[5] == ["refuted"]


@pytest.mark.parametrize("claim", [
    "\\frac{d}{dx}(x^2 + C) = 2x",
    "\\int_0^1 2x\\,dx = 1",
    "\\ln(e^{C}) = C",
])
def test_true_claims_beside_an_integration_are_still_proved(tmp_path, claim):
    assert verdicts_by_line(tmp_path, INTEGRATING.format(claim=claim))[5] in (
        ["proved"], ["checked"])


def test_a_constant_named_before_the_integration_is_no_constant_of_integration(tmp_path):
    # C is a parameter of the section (written before): the rule does not hold the claim back
    note = ("# Note\n\nThe loss is $L = C w^2$.\n\nWe integrate:\n\n"
            "$$(C + 1)^2 = C^2 + 1$$\n")
    assert verdicts_by_line(tmp_path, note)[7] == ["refuted"]


def test_an_indefinite_integral_is_still_not_read(tmp_path):
    # unchanged: no bounds, not read (skipped), whether true or false
    for claim in ("\\int 2x\\,dx = x^2 + C", "\\int 2x\\,dx = x^3 + C"):
        assert verdicts_by_line(tmp_path, f"# Note\n\n$${claim}$$\n")[3] == ["skipped"]


def test_a_constant_that_cancels_leaves_a_claim(tmp_path):
    # x^2 + C = x^3 + C says x^2 = x^3: a wrong antiderivative, whatever C is
    note = ("# Note\n\nWe integrate:\n\n$$\\int 2x\\,dx = x^2 + C$$\n\n"
            "$$x^2 + C = x^3 + C$$\n")
    assert verdicts_by_line(tmp_path, note)[7] == ["refuted"]
