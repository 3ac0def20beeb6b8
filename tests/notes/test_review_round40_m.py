r"""Round 40 I11 (/work/findings/round40/I.md): the bare name of a function the note defines or
speaks of, inside a differentiated expression, is that function's value — never a constant.

After ``\hat{y}(x) = wx + b``, ``\frac{\partial}{\partial w}(\hat{y} - y)^2`` is
``\frac{\partial}{\partial w}(wx + b - y)^2 = 2(\hat{y} - y)x``: so ``= 0`` must not be proved,
and the true ``= 2(\hat{y} - y)x`` is proved with the definition. After "Let $\hat{y}(x)$ denote
the prediction", ``\frac{d}{dx}\hat{y}^2`` is ``2\hat{y}\hat{y}'``, so ``= 0`` is not proved
while ``= 2\hat{y}\frac{d\hat{y}}{dx}`` is proved for every function.
"""

import pytest

from tests.notes.note_steps import first_reasons, first_verdicts

pytestmark = pytest.mark.slow

MODEL = "The model predicts ${name}(x) = wx + b$ for the input $x$.\n\n$$ {claim} $$\n"
SPOKEN = "Let ${name}(x)$ denote the model's prediction at input $x$. Then\n\n$$ {claim} $$\n"


def claim(tmp_path, template: str, name: str, written: str) -> tuple[str, str]:
    """The verdict and reason of the claim on line 3 of the note."""
    note = template.format(name=name, claim=written)
    return first_verdicts(tmp_path, note)[3], first_reasons(tmp_path, note)[3]


# -- a defined function: its bare name under ∂/∂w is its body ------------------------------------

@pytest.mark.parametrize("name", [r"\hat{y}", "f"])
@pytest.mark.parametrize("written", [
    r"\frac{\partial}{\partial w}({name} - y)^2 = 0",
    r"\frac{\partial ({name} - y)^2}{\partial w} = 0",
    r"\frac{\partial}{\partial b}({name} - y)^2 = 0",
    r"\frac{\partial}{\partial x}({name} - y)^2 = 2({name} - y)",
])
def test_a_false_derivative_through_a_defined_bare_name_is_not_proved(tmp_path, name, written):
    verdict, _ = claim(tmp_path, MODEL, name, written.replace("{name}", name))
    assert verdict not in ("proved", "checked")


@pytest.mark.parametrize("name", [r"\hat{y}", "f"])
@pytest.mark.parametrize("written", [
    r"\frac{\partial}{\partial w}({name} - y)^2 = 2({name} - y)x",
    r"\frac{\partial ({name} - y)^2}{\partial w} = 2({name} - y)x",
    r"\frac{\partial}{\partial b}({name} - y)^2 = 2({name} - y)",
    r"\frac{\partial}{\partial x}({name} - y)^2 = 2({name} - y)w",
    r"\frac{\partial {name}}{\partial w} = x",
])
def test_the_true_gradient_is_proved_with_the_definition(tmp_path, name, written):
    verdict, reason = claim(tmp_path, MODEL, name, written.replace("{name}", name))
    assert verdict == "proved"
    assert "wx + b" in reason


def test_a_wrong_gradient_is_refuted_with_the_definition(tmp_path):
    verdict, _ = claim(tmp_path, MODEL, "f", r"\frac{\partial}{\partial x}(f - y)^2 = 2(f - y)")
    assert verdict == "refuted"  # the left side is 2(wx + b − y)w


# -- a function only spoken of: its bare name under d/dx is a function of x ----------------------

@pytest.mark.parametrize("name", [r"\hat{y}", "f"])
@pytest.mark.parametrize("written", [
    r"\frac{d}{dx}{name}^2 = 0",
    r"\frac{d}{dx}({name} + 1) = 0",
    r"\frac{d({name}^2)}{dx} = 0",
])
def test_a_derivative_of_a_spoken_function_is_not_zero_by_misreading(tmp_path, name, written):
    verdict, reason = claim(tmp_path, SPOKEN, name, written.replace("{name}", name))
    assert verdict not in ("proved", "checked")
    assert name in reason


@pytest.mark.parametrize("name", [r"\hat{y}", "f"])
@pytest.mark.parametrize("written", [
    r"\frac{d}{dx}{name}^2 = 2{name}\frac{d{name}}{dx}",
    r"\frac{d}{dx}({name} + 1) = \frac{d{name}}{dx}",
])
def test_the_chain_rule_on_a_spoken_function_is_proved(tmp_path, name, written):
    verdict, _ = claim(tmp_path, SPOKEN, name, written.replace("{name}", name))
    assert verdict == "proved"


def test_a_constant_inside_the_derivative_stays_a_constant(tmp_path):
    # c is no function the note speaks of: d/dx (x^2 + c) = 2x as before
    note = SPOKEN.format(name="f", claim=r"\frac{d}{dx}(x^2 + c) = 2x")
    assert first_verdicts(tmp_path, note)[3] == "proved"


@pytest.mark.parametrize("written", [
    r"\frac{\partial}{\partial w}(\hat{y} - y)^2 = 2(\hat{y} - y)x",  # true if ŷ = wx + b
    r"\frac{d}{dx}\sin(\hat{y}) = \cos(\hat{y})",  # true if ŷ = x + b
])
def test_a_spoken_function_of_unsaid_dependence_refutes_nothing(tmp_path, written):
    # the note never says how ŷ depends on w (or x): no instance of it refutes the claim
    verdict, reason = claim(tmp_path, SPOKEN, r"\hat{y}", written)
    assert verdict == "undecided" and "speaks of" in reason


def test_the_chain_rule_by_w_on_a_spoken_function_is_proved(tmp_path):
    verdict, _ = claim(tmp_path, SPOKEN, r"\hat{y}",
                       r"\frac{\partial}{\partial w}(\hat{y} - y)^2 = "
                       r"2(\hat{y} - y)\frac{\partial \hat{y}}{\partial w}")
    assert verdict == "proved"
