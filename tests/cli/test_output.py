"""Terminal output: full ids at 80 columns, COLUMNS honoured when piped, colours that match
the meaning, plurals, and skipped equations listed with their reason under --verbose."""

import dataclasses
import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from symderive.catalog import all_derivations, get
from symderive.check import check_derivation
from symderive.render.terminal import VERDICT_STYLE, plural, summary_text
from symderive.report import CatalogSummary
from tests.cli.run import symderive

LONGEST = max((d.id for d in all_derivations()), key=len)


def lines_of(result) -> list[str]:
    assert result.returncode in (0, 1), result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("columns", [80, 60])
def test_list_keeps_every_id_whole_within_columns(columns):
    lines = lines_of(symderive("list", env={"COLUMNS": str(columns)}))
    assert max(cell_len(line) for line in lines) <= columns  # terminal cells
    words = {word for line in lines for word in line.split()}
    assert {d.id for d in all_derivations()} <= words


def test_check_table_at_80_columns_keeps_ids_whole():
    ids = (LONGEST, "sigmoid-derivative-erratum", "coin-entropy")
    lines = lines_of(symderive("check", *ids, env={"COLUMNS": "80"}))
    assert max(cell_len(line) for line in lines) <= 80
    for entry_id in ids:
        assert any(re.search(rf"(^|\s){re.escape(entry_id)}\s", line) for line in lines)


def test_piped_output_without_columns_has_no_colour_codes():
    result = symderive("list", env={"COLUMNS": ""})
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize(("count", "text"), [(0, "0 steps"), (1, "1 step"), (2, "2 steps")])
def test_plural(count, text):
    assert plural(count, "step") == text
    assert plural(count, "entry", "entries").endswith("entry" if count == 1 else "entries")


def styles_of(text, fragment: str) -> set[str]:
    """The styles of the spans that cover ``fragment`` in a rich Text."""
    start = text.plain.index(fragment)
    return {
        str(span.style)
        for span in text.spans
        if span.start <= start < span.end
    }


def test_proved_and_checked_have_distinct_colours():
    assert VERDICT_STYLE["proved"][1] != VERDICT_STYLE["checked"][1]


def test_refutations_of_errata_are_not_shown_as_alarms():
    report = check_derivation(get("sigmoid-derivative-erratum"))
    summary = CatalogSummary.of((report,))
    assert summary.refuted >= 1 and summary.ok
    text = summary_text(summary, (report,))
    assert not any("red" in style for style in styles_of(text, f"{summary.refuted} refuted"))
    assert "in errata, as expected" in text.plain
    # the same refutation where the catalog expects the step to hold is an alarm
    steps = tuple(dataclasses.replace(step, expect="holds") for step in report.steps)
    claimed = dataclasses.replace(report, erratum_of=None, steps=steps)
    summary = CatalogSummary.of((claimed,))
    text = summary_text(summary, (claimed,))
    assert any("red" in style for style in styles_of(text, f"{summary.refuted} refuted"))
    assert not summary.ok


NOTE = """# Definitions and one step

$$L := x^2$$

$$x$$

$$\\frac{d}{dx} x^2 = 2x$$
"""


def test_notes_says_one_step_and_lists_skipped_equations_only_when_verbose(tmp_path):
    note = tmp_path / "one.md"
    note.write_text(NOTE, encoding="utf-8")
    quiet = symderive("notes", str(note), "--no-cache").stdout
    assert "1 file" in quiet and "1 step:" in quiet and "1 steps" not in quiet
    assert f"{note}:3" not in quiet
    loud = symderive("notes", str(note), "--verbose", "--no-cache").stdout
    assert f"{note}:3  skipped (definition)" in loud
    assert f"{note}:5  skipped (not-a-chain)" in loud
    assert "a single expression, no relation" in loud


def test_a_file_line_longer_than_the_terminal_stays_one_piece(tmp_path):
    # editors and CI logs open `file:line`; a path folded at the terminal width cannot be opened
    folder = tmp_path / ("deep" * 30)
    folder.mkdir()
    note = folder / "wrong.md"
    note.write_text("$$ (x+1)^2 = x^2 + 1 $$\n", encoding="utf-8")
    lines = lines_of(symderive("notes", str(note), "--no-cache", env={"COLUMNS": "60"}))
    assert str(note) in lines
    assert any(line.startswith(f"{note}:1  step 1") for line in lines)


def test_a_wrapped_counterexample_keeps_its_indent(tmp_path):
    note = tmp_path / "wrong.md"
    names = " + ".join(f"a_{{{i}}}" for i in range(1, 30))
    note.write_text(f"$$({names})^2 = {names}$$\n", encoding="utf-8")
    lines = lines_of(symderive("notes", str(note), "--no-cache", env={"COLUMNS": "60"}))
    start = next(i for i, line in enumerate(lines) if "counterexample:" in line)
    following = lines[start + 1 : start + 3]
    assert following and all(line.startswith("    ") for line in following)


def test_summary_text_renders_without_a_terminal():
    console = Console(width=80, record=True, color_system=None)
    report = check_derivation(get("coin-entropy"))
    console.print(summary_text(CatalogSummary.of((report,)), (report,)))
    assert "1 derivation," in console.export_text()
