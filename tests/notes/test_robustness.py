"""Hostile or broken notes give a clear message or a skip, in bounded time; nothing crashes,
nothing is executed, no file other than the named ones is read."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from symderive.cli import main
from symderive.notes.check_notes import MAX_FILE_BYTES, NotesOptions, check_files, collect_paths
from symderive.notes.report import SkipReason


def run(tmp_path: Path, name: str, content: str | bytes):
    note = tmp_path / name
    if isinstance(content, bytes):
        note.write_bytes(content)
    else:
        note.write_text(content, encoding="utf-8")
    started = time.monotonic()
    report = check_files([note], NotesOptions(budget_seconds=2.0))
    return report.files[0], time.monotonic() - started


def test_a_file_that_is_not_utf8_is_reported(tmp_path):
    note, _ = run(tmp_path, "latin1.md", "caf\xe9 $$a = b$$".encode("latin-1"))
    assert note.error is not None and "not UTF-8" in note.error


def test_unterminated_display_math_is_a_notice(tmp_path):
    note, _ = run(tmp_path, "open.md", "$$\\frac{d}{dx}x^2 = 2x\n\nand nothing closes it\n")
    assert any("never closed" in notice for notice in note.notices)


def test_a_ten_megabyte_file_is_refused_quickly(tmp_path):
    note, seconds = run(tmp_path, "big.md", "$$x = x$$\n" * (10_000_000 // 10))
    assert note.error is not None and "larger than" in note.error
    assert seconds < 2.0
    assert MAX_FILE_BYTES < 10_000_000


def test_input_and_def_are_reported_never_followed(tmp_path):
    secret = tmp_path / "secret.tex"
    secret.write_text("$$\\frac{d}{dx} x^2 = 7x$$\n", encoding="utf-8")
    note, _ = run(tmp_path, "main.tex", "\\input{secret}\n\\def\\foo{x}\n$$a + a = 2a$$\n")
    assert any("\\input" in notice for notice in note.notices)
    assert any("\\def" in notice for notice in note.notices)
    steps = [step for equation in note.equations for step in equation.steps]
    assert [step.verdict for step in steps] == ["proved"]  # only main.tex's own chain


def test_deeply_nested_braces_are_skipped_with_a_reason(tmp_path):
    deep = "{" * 5000 + "x" + "}" * 5000
    note, seconds = run(
        tmp_path, "deep.md", f"$$x + {deep} = 2x$$\n$$(((((((((((((((x))))))))))))))) = x$$\n"
    )
    steps = [step for equation in note.equations for step in equation.steps]
    assert steps[0].skip in (SkipReason.INPUT_LIMIT, SkipReason.PARSE_ERROR)
    assert steps[1].verdict == "proved"
    assert seconds < 10.0


def test_huge_exponents_do_not_hang(tmp_path):
    note, seconds = run(
        tmp_path, "power.md", "$$2^{2^{2^{2^{2^{10}}}}} = 3$$\n$$9^{99999999} = 1$$\n"
    )
    assert all(
        step.verdict in ("skipped", "undecided", "refuted")
        for eq in note.equations
        for step in eq.steps
    )
    assert seconds < 10.0


def test_binary_garbage_does_not_crash(tmp_path):
    note, _ = run(tmp_path, "noise.md", bytes(range(256)) * 10)
    assert note.error is not None


def test_folder_skips_hidden_folders_and_symlinks_leading_out(tmp_path):
    folder = tmp_path / "notes"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "x.md").write_text("$a=a$", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "lecture.md").write_text("$a=a$", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    outside = tmp_path / "outside.md"
    outside.write_text("$b=b$", encoding="utf-8")
    if hasattr(os, "symlink"):
        os.symlink(outside, folder / "link.md")
    assert collect_paths([str(folder)]) == [folder / "sub" / "lecture.md"]


def test_exit_codes_of_the_command(tmp_path, capsys):
    good = tmp_path / "good.md"
    good.write_text("$$\\frac{d}{dx} x^2 = 2x$$\n", encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text("$$\\frac{d}{dx} x^2 = x$$\n", encoding="utf-8")
    assert main(["notes", str(good)]) == 0
    assert main(["notes", str(good), str(bad)]) == 1
    assert main(["notes", str(tmp_path / "missing.md")]) == 2
    capsys.readouterr()


def test_json_output_has_the_documented_shape(tmp_path, capsys):
    bad = tmp_path / "bad.md"
    bad.write_text("text\n\n$$\\frac{d}{dx} x^2 = 2x = x$$\n", encoding="utf-8")
    assert main(["notes", str(tmp_path), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    [file] = document["files"]
    [equation] = file["equations"]
    assert file["path"].endswith("bad.md") and equation["line"] == 3
    first, second = equation["steps"]
    assert (first["index"], first["verdict"]) == (1, "proved")
    assert (second["index"], second["verdict"], second["lhs"], second["rhs"]) == (
        2,
        "refuted",
        "2x",
        "x",
    )
    assert second["counterexample"]["values"]
    assert {"index", "lhs", "rhs", "verdict", "counterexample", "suggestion", "reason"} <= set(
        second
    )
    assert document["summary"]["refuted"] == 1


@pytest.mark.parametrize(
    "text", ["$$", "$", "\\[", "$$ $$", "$a=$", "$=$", "![](", "<!-- symderive: assume"]
)
def test_fragments_never_crash(tmp_path, text):
    note, _ = run(tmp_path, "fragment.md", text)
    assert note.error is None
