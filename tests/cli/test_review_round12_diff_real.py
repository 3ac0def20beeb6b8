"""Round 12b F5, F6, F7 (/work/findings/round12b.md): ``symderive diff`` works over the reals.

A derivative that is not real (``d/dx (-1)^x = (-1)^x·iπ``, ``0^x·zoo``) or of a function with no
real value where it is differentiated (``log(-1-x^2)``) is refused in one line with exit 2,
never printed as a proved result; (x^(2/3))^(3/2) is |x|, whose derivative is sign(x), not 1.
"""

import json

import pytest

from symderive.cli import main


def diff(capsys, *arguments: str) -> tuple[int, str, str]:
    code = main(["diff", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("expression", "words"),
    [
        ("(-1)^x", "real only where x is an integer"),
        ("(-2)^x", "real only where x is an integer"),
        ("(-x^2-1)^x", "real only where x is an integer"),
        ("log(-1-x^2)", "never > 0"),
        ("sqrt(-1-x^2)", "never >= 0"),
        ("0^x", "not a real number"),
    ],
)
@pytest.mark.parametrize("form", [(), ("--json",), ("--steps",)])
def test_a_derivative_that_is_not_real_is_refused(capsys, expression, words, form):
    code, out, err = diff(capsys, expression, "x", *form)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("symderive: error:")
    assert words in err


def test_the_derivative_of_x_squared_is_still_2x(capsys):
    code, out, _ = diff(capsys, "x^2", "x", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["result"] == "2*x" and result["agrees_with_sympy"]


def test_a_negative_base_with_an_exponent_free_of_the_variable_is_differentiated(capsys):
    code, out, _ = diff(capsys, "(-1)^n*x", "x", "--json")
    assert code == 0 and json.loads(out)["agrees_with_sympy"]


def test_x_two_thirds_to_the_three_halves_has_derivative_sign_x(capsys):
    code, out, _ = diff(capsys, "(x^(2/3))^(3/2)", "x", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["expression"] == "abs(x)"
    assert result["result"] == "sign(x)"


def test_log_and_root_on_their_domain_are_differentiated(capsys):
    for expression, derivative in (("log(x)", "1/x"), ("sqrt(1+x^2)", "x/sqrt(x^2 + 1)")):
        code, out, _ = diff(capsys, expression, "x", "--json")
        assert code == 0
        assert json.loads(out)["agrees_with_sympy"]
