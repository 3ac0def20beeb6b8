"""Round 12a F1, F8, F9.

F1: a step function jumps where its *argument* is an integer — ⌊x + 1/2⌋ = ⌈x − 1/2⌉ fails at
every half-integer, ⌊2x⌋ = 2⌊x⌋ at x = 1/2 — and random points never land there: such claims
are refuted with a counterexample that exact arithmetic reproduces, one that fails only at
algebraic jumps (x = 1/√6) is never checked, and the true identities of the same form stay
proved or checked.

F8, F9: text TeX never typesets (the ``\\else`` of ``\\iftrue``, ``\\if10``, ``\\ifcase 1``'s
branch 0, ``\\excludecomment``) and HTML that is never rendered (``<noscript>``, ``hidden``,
``<xmp>``) states nothing; the live branch of the same conditional is read and refuted when
false; a branch whose condition the text does not decide is read but never refuted.
"""

import math
from fractions import Fraction

import pytest
import sympy as sp

from symderive.check import certified

from tests.notes.note_steps import file_verdicts, steps_by_line

FALSE = r"(a+b)^2 = a^2 + b^2"


verdicts = file_verdicts


def only_step(tmp_path, claim: str):
    [[step]] = steps_by_line(tmp_path, f"$$ {claim} $$\n").values()
    return step


# -- F1: floor and ceiling where their argument is an integer ----------------------------------
@pytest.mark.parametrize("claim, left, right", [
    (r"\lfloor x + 1/2 \rfloor = \lceil x - 1/2 \rceil",
     lambda x: math.floor(x + Fraction(1, 2)), lambda x: math.ceil(x - Fraction(1, 2))),
    (r"\lfloor 2x \rfloor = 2 \lfloor x \rfloor",
     lambda x: math.floor(2 * x), lambda x: 2 * math.floor(x)),
    (r"\lfloor x/3 + 1/6 \rfloor = \lfloor (x + 1)/3 \rfloor",
     lambda x: math.floor(x / 3 + Fraction(1, 6)), lambda x: math.floor((x + 1) / 3)),
    (r"\lfloor x + 1/3 \rfloor = \lfloor x \rfloor",
     lambda x: math.floor(x + Fraction(1, 3)), lambda x: math.floor(x)),
])
def test_a_floor_identity_false_at_the_jumps_is_refuted_where_it_fails(
        tmp_path, claim, left, right):
    step = only_step(tmp_path, claim)
    assert step.verdict == "refuted", step.reason
    x = Fraction(dict(step.counterexample.values)["x"])  # redone in exact arithmetic
    assert left(x) != right(x)


@pytest.mark.parametrize("claim", [
    # 3x² + 1/2 is an integer only at irrational x (x = ±1/√6, …): no rational point sees it
    r"\lceil 3x^2 + 1/2 \rceil = \lfloor 3x^2 + 1/2 \rfloor + 1",
    r"\lfloor e^x + 1/2 \rfloor = \lceil e^x + 1/2 \rceil - 1",  # x = log(k - 1/2)
    r"\lfloor x + \sin x + 1/2 \rfloor = \lceil x + \sin x + 1/2 \rceil - 1",  # not solved
])
def test_a_step_identity_false_only_at_irrational_jumps_is_never_checked(tmp_path, claim):
    step = only_step(tmp_path, claim)
    assert step.verdict in ("refuted", "undecided"), step.reason


@pytest.mark.parametrize("claim", [
    r"\lfloor x + 1 \rfloor = \lfloor x \rfloor + 1",
    r"\lfloor x \rfloor + \lfloor x + \tfrac{1}{2} \rfloor = \lfloor 2x \rfloor",  # Hermite
    r"\lceil x \rceil + \lceil x + \tfrac{1}{2} \rceil = \lceil 2x \rceil + 1",
    r"\lfloor \lfloor x \rfloor / 3 \rfloor = \lfloor x/3 \rfloor",
])
def test_true_floor_identities_stay_proved_or_checked(tmp_path, claim):
    step = only_step(tmp_path, claim)
    assert step.verdict in ("proved", "checked"), step.reason


def test_a_certified_floor_is_exact_off_the_integers_and_unsure_at_a_jump():
    x = sp.Symbol("x")
    assert certified.enclosure(sp.floor(10 * x), {x: sp.pi}, 128) == 31
    assert certified.enclosure(sp.ceiling(x), {x: -sp.E}, 128) == -2
    assert certified.enclosure(sp.floor(x), {x: sp.Integer(-4)}, 128) == -4
    with pytest.raises(certified.Uncertain):  # 3x² + 1/2 = 1 exactly at x = 1/√6
        certified.enclosure(sp.ceiling(3 * x**2 + sp.Rational(1, 2)),
                            {x: 1 / sp.sqrt(6)}, 128)


@pytest.mark.parametrize("claim", [
    r"\lfloor x \rfloor \le x", r"\lceil x \rceil - \lfloor x \rfloor \le 1",
])
def test_true_floor_inequalities_are_never_refuted(tmp_path, claim):
    assert only_step(tmp_path, claim).verdict != "refuted"


# -- F8: TeX conditionals -----------------------------------------------------------------------
@pytest.mark.parametrize("dead", [
    "\\iftrue\nFine.\n\\else\n\\[ {f} \\]\n\\fi\n",
    "\\newif\\ifshow\n\\showtrue\n\\ifshow\nShown.\n\\else\n\\[ {f} \\]\n\\fi\n",
    "\\if10\n\\[ {f} \\]\n\\fi\n",
    "\\ifnum 0=1\n\\[ {f} \\]\n\\fi\n",
    "\\ifnum 3<2\n\\[ {f} \\]\n\\fi\n",
    "\\ifodd 4\n\\[ {f} \\]\n\\fi\n",
    "\\unless\\iftrue\n\\[ {f} \\]\n\\fi\n",
    "\\ifcase 1\n\\[ {f} \\]\n\\or\nok\n\\fi\n",
    "\\ifcase 0\nok\n\\or\n\\[ {f} \\]\n\\else\n\\[ {f} \\]\n\\fi\n",
    "\\ifx aa\nok\n\\else\n\\[ {f} \\]\n\\fi\n",
    "\\ifx\\foo\\foo\nok\n\\else\n\\[ {f} \\]\n\\fi\n",
    "\\iffalse\nWe use $a \\iff b$ here.\n\\[ {f} \\]\n\\fi\n",  # \\iff is no conditional
    "\\usepackage{{comment}}\n\\excludecomment{{solution}}\n\\begin{{document}}\n"
    "\\begin{{solution}}\n\\[ {f} \\]\n\\end{{solution}}\n\\end{{document}}\n",
    "\\excludeversion{{answer}}\n\\begin{{answer}}\n\\[ {f} \\]\n\\end{{answer}}\n",
])
def test_a_branch_tex_never_typesets_states_nothing(tmp_path, dead):
    assert verdicts(tmp_path, dead.format(f=FALSE), ".tex") == []


@pytest.mark.parametrize("live", [
    "\\iftrue\n\\[ {f} \\]\n\\else\nno\n\\fi\n",
    "\\iffalse\nno\n\\else\n\\[ {f} \\]\n\\fi\n",
    "\\newif\\ifshow\n\\showtrue\n\\ifshow\n\\[ {f} \\]\n\\else\nno\n\\fi\n",
    "\\newif\\ifshow\n\\ifshow\nno\n\\else\n\\[ {f} \\]\n\\fi\n",
    "\\if00\n\\[ {f} \\]\n\\fi\n",
    "\\unless\\iffalse\n\\[ {f} \\]\n\\fi\n",
    "\\ifcase 1\nno\n\\or\n\\[ {f} \\]\n\\fi\n",
    "\\ifcase 7\nno\n\\or\nno\n\\else\n\\[ {f} \\]\n\\fi\n",
    "\\includecomment{{remark}}\n\\begin{{remark}}\n\\[ {f} \\]\n\\end{{remark}}\n",
])
def test_the_live_branch_is_read_and_refuted(tmp_path, live):
    assert verdicts(tmp_path, live.format(f=FALSE), ".tex") == ["refuted"]


@pytest.mark.parametrize("unsure", [
    "\\ifx\\relax\\undefinedcs\n\\[ {f} \\]\n\\fi\n",
    "\\ifdefined\\undefinedmacro\n\\[ {f} \\]\n\\fi\n",
    "\\ifdefined\\undefinedmacro\nno\n\\else\n\\[ {f} \\]\n\\fi\n",
    "\\ifpdf\n\\[ {f} \\]\n\\fi\n",  # a switch no \\newif in the file declares
    "\\ifnum\\value{{page}}>1\n\\[ {f} \\]\n\\fi\n",
    "\\newif\\ifshow\n\\newcommand{{\\all}}{{\\showtrue}}\n\\ifshow\n\\[ {f} \\]\n\\fi\n",
])
def test_a_branch_the_text_does_not_decide_is_never_refuted(tmp_path, unsure):
    assert verdicts(tmp_path, unsure.format(f=FALSE), ".tex") == ["undecided"]


def test_a_true_claim_in_an_undecided_branch_is_still_proved(tmp_path):
    text = "\\ifdefined\\foo\n\\[ (a+b)^2 = a^2 + 2ab + b^2 \\]\n\\fi\n"
    assert verdicts(tmp_path, text, ".tex") == ["proved"]


# -- F9: HTML that is never rendered ------------------------------------------------------------
@pytest.mark.parametrize("hidden", [
    "<noscript>${f}$</noscript>\n",
    "<div hidden>${f}$</div>\n",
    "<span hidden=\"\">${f}$</span>\n",
    "<div hidden>\n<div>inner</div>\n\n$${f}$$\n</div>\n",  # nested divs: its own </div>
    "<p style=\"display: none\">${f}$</p>\n",
    "<span style=\"color: red; visibility:hidden\">${f}$</span>\n",
    "<xmp>${f}$</xmp>\n",
])
def test_html_never_rendered_states_nothing(tmp_path, hidden):
    assert verdicts(tmp_path, hidden.format(f=FALSE), ".md") == []


@pytest.mark.parametrize("shown", [
    "<details><summary>Proof</summary>\n\n$${f}$$\n\n</details>\n",  # shown when opened
    "<div class=\"hidden-note\">${f}$</div>\n",
    "<div data-state=\"hidden\">${f}$</div>\n",
    "<div hidden>no</div>\n\n$${f}$$\n",
])
def test_html_that_is_rendered_is_read(tmp_path, shown):
    assert verdicts(tmp_path, shown.format(f=FALSE), ".md") == ["refuted"]
