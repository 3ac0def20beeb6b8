"""Round 15: where ``name = number`` is no example value, and text that is never typeset.

An example value (``Let $x = 2$.``) is substituted in the claims after it; a false identity
that happens to hold at the value (sin 2x = 2 sin x at x = 0) is then *proved*. These tests pin
the cases where the note gives no such value: text that is never typeset (HTML attributes,
front matter: F24, F33), a value the note excludes (F13), the ends of a range (F21), a case the
note dismisses or leaves (F22), a new case of the name (F30), a table cell (F5). Each false
claim has a control of the same form whose example value stays in force.
"""

import pytest

from symderive.notes.extract import extract_math

from tests.notes.note_steps import file_verdicts, first_verdicts

NOT_PROVED = ("refuted", "undecided", "skipped")


def verdicts(tmp_path, text: str) -> list[str]:
    found = first_verdicts(tmp_path, text)
    return [found[line] for line in sorted(found)]


def last_verdict(tmp_path, text: str) -> str:
    return verdicts(tmp_path, text)[-1]


# F24, F33: attribute values and front matter are never typeset -------------------------------

@pytest.mark.parametrize("text", [
    '<img src="p.png" alt="$z = 0$">\n\nThus $\\sin(3z) = 3\\sin z$.\n',
    "<a title=\"$z = 0$\" href=\"#\">link</a>\n\nThus $\\sin(3z) = 3\\sin z$.\n",
    "<span data-note='$z = 0$'>see</span>\n\nThus $\\sin(3z) = 3\\sin z$.\n",
])
def test_an_example_value_in_an_html_attribute_is_not_in_force(tmp_path, text):
    assert last_verdict(tmp_path, "# C\n\n" + text) == "refuted"


def test_an_example_value_in_the_text_beside_the_tag_stays_in_force(tmp_path):
    text = '# C\n\n<span title="a note">Take $z = 0$.</span>\n\nThus $\\sin(3z) = 3\\sin z$.\n'
    assert last_verdict(tmp_path, text) == "proved"


@pytest.mark.parametrize("text", [
    '---\ntitle: "Notes"\ndescription: "$\\frac{d}{dx} x^2 = x$"\n---\n\n# A\n\nText.\n',
    '+++\ntitle = "Notes"\nsummary = "$\\frac{d}{dx} x^2 = x$"\n+++\n\n# A\n\nText.\n',
    '<img src="a.png" alt="$\\frac{d}{dz} z^4 = z^3$">\n',
    '<a title="$\\frac{d}{du} u^5 = u^4$" href="#">link</a>\n',
])
def test_front_matter_and_attribute_values_state_no_claim(tmp_path, text):
    assert file_verdicts(tmp_path, text, ".md") == []


def test_a_claim_after_front_matter_is_still_read(tmp_path):
    text = '---\ntitle: "Notes"\n---\n\n# A\n\n$\\frac{d}{dx} x^2 = x$ and $\\frac{d}{dy} y^2 = 2y$.\n'
    assert file_verdicts(tmp_path, text, ".md") == ["refuted", "proved"]


def test_less_than_and_greater_than_in_math_are_no_tag():
    blocks = extract_math("Here $a<b c>d$ and $x<y\\ z>w$.\n").blocks
    assert [block.latex for block in blocks] == ["a<b c>d", "x<y\\ z>w"]
