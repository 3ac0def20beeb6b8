"""Round 15 F15: Ng's layer superscript ``W^{[l]}``, ``a^{[0]}``, ``z^{[l-1]}`` is part of the name.

``a^{[0]}`` is the activation of layer 0 (the input), never a⁰ = 1; ``z^{[1]} = W^{[1]} a^{[0]}``
defines the pre-activation of layer 1. Read as powers, the definition was refuted
(z = W·a⁰ = W) and ``a^{[0]} = 5`` too.
"""

import pytest

from symderive.errors import ParseError
from symderive.grammar.latex import parse_latex_math
from tests.notes.note_steps import verdicts_by_line


def read(text: str):
    return parse_latex_math(text, source="note.md", line=1)


@pytest.mark.parametrize("text, name", [
    ("a^{[0]}", "a^{[0]}"), ("W^{[1]}", "W^{[1]}"), ("z^{[l-1]}", "z^{[l-1]}"),
    ("\\delta^{[l+1]}", "delta^{[l+1]}"),
])
def test_a_layer_label_is_part_of_the_name(text, name):
    assert str(read(text)) == name


def test_two_layers_are_two_names_and_no_power_is_taken():
    product = read("W^{[2]} a^{[1]} - a^{[1]} W^{[2]}")
    assert product == 0  # two scalars of their own: they commute, and nothing is a power
    assert read("a^{[0]}") != 1


@pytest.mark.parametrize("text", ["x^{[\\frac{1}{2}]}", "x^{[]}", "h^{[1]}(x)"])
def test_a_bracketed_superscript_that_is_no_layer_label_is_not_read(text):
    with pytest.raises(ParseError):
        read(text)


def test_the_layer_definitions_of_a_note_are_definitions_and_its_arithmetic_is_checked(tmp_path):
    text = ("# Layers\n\nLet $a^{[0]} = 2$ be the input and $W^{[1]} = 3$ the first weight.\n\n"
            "Then $z^{[1]} = W^{[1]} a^{[0]} = 6$.\n\nAlso $W^{[1]} a^{[0]} = 7$.\n")
    found = verdicts_by_line(tmp_path, text)
    assert found[5] == ["skipped", "proved"]  # defines z^{[1]}, then 3·2 = 6
    assert found[7][0] in ("refuted", "skipped")  # 3·2 ≠ 7: never proved


def test_the_gradient_by_a_layer_weight_is_taken_by_that_weight(tmp_path):
    # round 15 F45: \partial W^{[1]} was read as the first derivative by W (its ^{[1]} an
    # order), so every gradient by a layer weight was 0 and the true ones refuted
    text = ("# Layers\n\nLet $z^{[1]} = W^{[1]} x + b^{[1]}$ and $a^{[1]} = \\sigma(z^{[1]})$.\n\n"
            "Then $\\frac{\\partial z^{[1]}}{\\partial W^{[1]}} = x$ and "
            "$\\frac{\\partial a^{[1]}}{\\partial z^{[1]}} = a^{[1]}(1 - a^{[1]})$ and "
            "$\\frac{\\partial z^{[1]}}{\\partial W^{[1]}} = 0$.\n")
    found = verdicts_by_line(tmp_path, text)
    assert found[5][:2] == ["proved", "proved"]
    assert found[5][2] in ("refuted", "skipped")  # the false gradient is never proved
