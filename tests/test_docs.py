"""The LaTeX documentation: it compiles without overfull boxes, long math is broken across
lines, and the committed docs/ are not stale against the catalog."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from symderive.catalog import all_derivations, get
from symderive.check import check_catalog
from symderive.model import Derivation, Source, Step
from symderive.render import latex_doc
from symderive.render.latex_doc import (
    LINE_UNITS,
    build_pdf,
    entries_for,
    fingerprint,
    fingerprints_in,
    latex_width,
    math_lines,
    numpy_code,
    reading_order,
    standalone_document,
    text,
    write_documents,
)

DOCS = Path(__file__).resolve().parent.parent / "docs"
DOCS_BUDGET_SECONDS = 20.0  # the budget `symderive docs` uses by default
needs_latexmk = pytest.mark.skipif(
    shutil.which("latexmk") is None,
    reason="latexmk is not installed (CI installs texlive-latex-base, "
    "texlive-latex-recommended, texlive-lang-korean, latexmk)",
)


def test_text_escapes_latex_specials_and_marks_korean():
    assert text("p_i & 50% of $x") == r"p\_i \& 50\% of \$x"
    assert text("chain rule (연쇄 법칙)") == r"chain rule (\hangul{연쇄 법칙})"
    assert text("σ☃") == r"\ensuremath{\sigma}?"  # an unknown character never breaks TeX


def test_a_long_sum_is_broken_into_lines_that_fit():
    weights = sp.symbols("w1:13", real=True)
    x = sp.Symbol("x", real=True)
    long_sum = sp.log(sum(w * sp.exp(w * x) / (1 + w**2) for w in weights))
    assert latex_width(sp.latex(long_sum)) > LINE_UNITS
    lines = math_lines(long_sum)
    assert len(lines) > 1
    assert all(latex_width(line) <= LINE_UNITS + 2 for line in lines)
    for w in weights:  # every term is on some line
        assert any(sp.latex(w) in line for line in lines)


def test_a_sum_under_a_fraction_bar_is_not_split():
    x = sp.Symbol("x", real=True)
    fraction = 1 / sum(sp.exp(k * x) for k in range(1, 15))
    assert math_lines(fraction) == [sp.latex(fraction)]  # \fitmath shrinks it instead


def test_errata_follow_the_derivation_they_correct():
    derivations = all_derivations()
    ordered = [entry.derivation for entry in reading_order(_fake_entries(derivations))]
    assert sorted(d.id for d in ordered) == sorted(d.id for d in derivations)
    position = {d.id: index for index, d in enumerate(ordered)}
    for derivation in derivations:
        if derivation.erratum_of:
            assert position[derivation.id] > position[derivation.erratum_of]
            between = ordered[position[derivation.erratum_of] + 1 : position[derivation.id]]
            assert all(d.erratum_of for d in between)  # only other errata in between


def _fake_entries(derivations):
    return [latex_doc.Entry(derivation, report=None) for derivation in derivations]


def test_numpy_code_computes_the_gradient_it_shows():
    x, y = sp.symbols("x y", real=True)
    derivation = Derivation(
        id="test-gradient",
        title="test",
        source=Source("note.txt", "s"),
        steps=(
            Step(sp.Derivative(x**2 * sp.exp(x * y), x), "definition"),
            Step(2 * x * sp.exp(x * y) + x**2 * y * sp.exp(x * y), "product rule"),
        ),
        claim="d/dx x^2 e^(xy)",
    )
    source = numpy_code(derivation)
    assert source is not None and source.startswith("def gradient(x, y):")
    namespace = {"exp": np.exp}
    exec(source, namespace)  # the code lambdify generated, run as a reader would
    point_x, point_y, step = 0.7, -0.4, 1e-6

    def function(value):
        return value**2 * np.exp(value * point_y)

    estimate = (function(point_x + step) - function(point_x - step)) / (2 * step)
    assert namespace["gradient"](point_x, point_y) == pytest.approx(estimate, rel=1e-7)


def test_pdf_build_says_clearly_when_tex_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(latex_doc.shutil, "which", lambda name: None)
    tex = tmp_path / "x.tex"
    tex.write_text("\\documentclass{article}\\begin{document}x\\end{document}\n")
    build = build_pdf(tex)
    assert not build.ok and "TeX is not installed" in build.message


@needs_latexmk
def test_two_standalone_documents_compile_without_overfull_boxes(tmp_path):
    chosen = [get("sigmoid-derivative"), get("sigmoid-derivative-erratum")]
    reports, _ = check_catalog(chosen, budget_seconds=5, jobs=1)
    for entry in entries_for(chosen, reports):
        tex = tmp_path / f"{entry.derivation.id}.tex"
        tex.write_text(standalone_document(entry), encoding="utf-8")
        build = build_pdf(tex, tmp_path / "build")
        assert build.ok, build.message
        assert build.overfull_boxes == 0
        assert build.pages and build.pages >= 1


def test_committed_docs_are_not_stale_against_the_catalog():
    """Every derivation's fingerprint (its content, not its verdicts) matches the docs."""
    catalog = {d.id: fingerprint(d) for d in all_derivations()}
    document = (DOCS / "derivations.tex").read_text(encoding="utf-8")
    assert fingerprints_in(document) == catalog, "docs/ are stale: run `symderive docs`"
    standalone = {path.stem for path in (DOCS / "derivations").glob("*.tex")}
    assert standalone == set(catalog), "docs/derivations/ is stale: run `symderive docs`"
    for derivation_id, expected in catalog.items():
        text_of = (DOCS / "derivations" / f"{derivation_id}.tex").read_text(encoding="utf-8")
        assert fingerprints_in(text_of) == {derivation_id: expected}


SAMPLE = ("sigmoid-derivative", "sigmoid-derivative-erratum", "coin-entropy", "max-gate")


@pytest.mark.slow
def test_regenerated_documents_equal_the_committed_ones(tmp_path):
    """Regenerate a sample (checker included) and compare byte for byte with docs/."""
    chosen = [get(derivation_id) for derivation_id in SAMPLE]
    reports, _ = check_catalog(chosen, budget_seconds=DOCS_BUDGET_SECONDS, jobs=2)
    write_documents(entries_for(chosen, reports), tmp_path)
    for derivation_id in SAMPLE:
        fresh = (tmp_path / "derivations" / f"{derivation_id}.tex").read_text(encoding="utf-8")
        committed = (DOCS / "derivations" / f"{derivation_id}.tex").read_text(encoding="utf-8")
        assert fresh == committed, f"docs/derivations/{derivation_id}.tex is stale"


@pytest.mark.slow
@needs_latexmk
def test_the_catalog_document_compiles_to_a_readable_pdf(tmp_path):
    build = build_pdf(DOCS / "derivations.tex", tmp_path)
    assert build.ok, build.message
    assert build.overfull_boxes == 0
    assert build.pages is not None and build.pages >= 10
    log = build.log.read_text(encoding="utf-8", errors="replace")
    assert "LaTeX Error" not in log and "Undefined control sequence" not in log


def test_justifications_are_typeset_as_mathematics():
    rendered = latex_doc.prose("quotient rule: −(1 + e^(−x))^(−2)·(−e^(−x)) for x > 0")
    assert r"$-(1 + e^{-x})^{-2}\cdot (-e^{-x})$" in rendered
    assert r"\^{}" not in rendered  # no eˆ(−x) in running text
    assert latex_doc.prose("ordinary words stay text") == "ordinary words stay text"


def test_counterexample_values_are_formatted_numbers_tuples_and_matrices():
    assert latex_doc.value_latex("3.00000000000000") == "3"
    assert latex_doc.value_latex("-0.693147180559945") == "-0.693147"
    assert latex_doc.value_latex("[0.25, 0.75]") == r"(0.25,\allowbreak 0.75)"
    assert latex_doc.value_latex("Matrix([[1, 2], [3, 4]])") == (
        r"\begin{pmatrix}1 & 2 \\ 3 & 4\end{pmatrix}"
    )
    assert latex_doc.name_latex("p[2]") == "p_{2}"


def test_every_page_shows_the_kind_of_erratum_and_of_source():
    document = (DOCS / "derivations.tex").read_text(encoding="utf-8")
    for derivation in all_derivations():
        page = (DOCS / "derivations" / f"{derivation.id}.tex").read_text(encoding="utf-8")
        if derivation.erratum_of:
            assert f"Erratum ({derivation.kind_of_erratum})" in page, derivation.id
        if derivation.source.kind == "figure":
            assert "from a figure" in page, derivation.id
        if derivation.source.kind == "supplement":
            assert "supplement, not in the note's text" in page, derivation.id
    prose_lines = [
        line for line in document.splitlines() if line.startswith(("\\textbf{Claim", "\\intertext"))
    ]
    assert prose_lines and not any(r"\^{}" in line for line in prose_lines)
    assert not any("[0." in line or "Matrix([" in line for line in prose_lines)
