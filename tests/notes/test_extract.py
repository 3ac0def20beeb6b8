"""Finding the math in notes (with its line) and splitting it into chains of steps."""

from __future__ import annotations

from urllib.parse import quote_plus

from symderive.notes.chains import split_chains
from symderive.notes.extract import extract_math, latex_from_image_url, looks_like_latex


def blocks_of(text: str, **kwargs):
    return [
        (block.line, block.kind, block.latex.strip())
        for block in extract_math(text, **kwargs).blocks
    ]


def test_display_inline_and_bracket_math_with_their_lines():
    text = "intro $a=b$ here\n\n$$\nx = y\n$$\n\\[ u = v \\]\nand \\(p\\) too\n"
    assert blocks_of(text) == [
        (1, "inline", "a=b"),
        (4, "display", "x = y"),
        (6, "display", "u = v"),
        (7, "inline", "p"),
    ]


def test_environments_are_math():
    text = "a\n\\begin{align*}\nx &= y \\\\\n&= z\n\\end{align*}\n"
    [(line, kind, latex)] = blocks_of(text)
    assert (line, kind) == (2, "environment") and "x &= y" in latex


def test_code_comments_and_prices_are_not_math():
    text = (
        "```python\nx = '$a=b$'\n```\n`$c=d$` costs $5 and $6\n<!-- $e=f$ -->\nescaped \\$g=h\\$\n"
    )
    assert blocks_of(text) == []


def test_latex_in_image_alt_text():
    text = "![\\frac{d}{dx} x^2 = 2x](https://example.org/f.png)\n![image-2022](a.png)\n"
    assert blocks_of(text) == [(1, "alt-text", "\\frac{d}{dx} x^2 = 2x")]


def test_latex_in_the_url_of_a_latex_image_service_is_decoded_not_evaluated():
    formula = r"L = - \sum_i y_{ti} log \hat y_i"
    url = "http://s0.wp.com/latex.php?latex=" + quote_plus(formula) + "&bg=ffffff&fg=000&s=1"
    assert latex_from_image_url(url) == formula
    assert blocks_of(f"![]({url})") == [(1, "image-url", formula)]


def test_alt_text_that_is_a_file_name_or_url_is_not_math():
    assert not looks_like_latex("image-20220522161126250")
    assert not looks_like_latex("https://velog.velcdn.com/images/x/image.png")
    assert looks_like_latex(r"D_{KL}(P || Q) = \sum_i p_i")


def test_unterminated_display_math_is_a_notice():
    extraction = extract_math("ok $a=b$\n$$ x = \n never closed\n")
    assert [notice.code for notice in extraction.notices] == ["unterminated-math"]
    assert [block.latex for block in extraction.blocks] == ["a=b"]


def test_tex_comments_are_ignored_and_inputs_reported():
    extraction = extract_math("% $a=b$\n\\input{other}\n$c=d$\n", markdown=False)
    assert [block.latex for block in extraction.blocks] == ["c=d"]
    assert [notice.code for notice in extraction.notices] == ["include-not-followed"]


def chains_of(latex: str):
    return [(chain.elements, chain.relations) for chain in split_chains(latex, 1)]


def test_a_chain_becomes_steps():
    assert chains_of("a = b = c \\le d") == [(("a", "b", "c", "d"), ("=", "=", "\\le"))]


def test_aligned_rows_continue_a_chain_when_they_start_with_a_relation():
    latex = r"\begin{aligned} f &= g \\ &= h \\ u &= v \end{aligned}"
    assert chains_of(latex) == [(("f", "g", "h"), ("=", "=")), (("u", "v"), ("=",))]


def test_a_row_ending_in_a_relation_continues_on_the_next_row():
    assert chains_of(r"a = b = \\ c") == [(("a", "b", "c"), ("=", "="))]


def test_commas_separate_equations_but_not_arguments():
    assert chains_of(r"f(x, y) = x + y, \; g(x) = 2x") == [
        (("f(x, y)", "x + y"), ("=",)),
        (("g(x)", "2x"), ("=",)),
    ]


def test_relations_inside_braces_do_not_split():
    assert chains_of(r"\sum_{i=1}^{n} p_i = 1") == [((r"\sum_{i=1}^{n} p_i", "1"), ("=",))]


def test_a_case_with_a_condition_is_marked_conditional():
    chains = split_chains(r"x>0 : x, \frac{dy}{dx} = 1", 1)
    assert all(chain.conditional for chain in chains)


def test_chain_lines_follow_the_rows():
    chains = split_chains("a = b \\\\\nc = d", 10)
    assert [chain.line for chain in chains] == [10, 11]
