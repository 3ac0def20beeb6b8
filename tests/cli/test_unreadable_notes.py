"""A note that cannot be read is bad input: one line naming the file (and the offending byte),
the other notes still checked, and exit code 2 — never a silent pass (review round 4, H2)."""

from __future__ import annotations

import json
import random

import pytest

from tests.cli.run import symderive

CORRECT = "$$ (a+1)^2 = a^2 + 2a + 1 $$\n"
WRONG = "$$ (a+1)^2 = a^2 + 1 $$\n"


def random_bytes(count: int, seed: int) -> bytes:
    """Bytes that are not UTF-8: the first is a continuation byte without a lead byte."""
    generator = random.Random(seed)
    return bytes([0xE8]) + bytes(generator.randrange(256) for _ in range(count - 1))


@pytest.mark.parametrize(
    ("content", "byte", "offset"),
    [
        (b"abc\xff\xfe $$ x = 1 $$\n", 0xFF, 3),  # the review's badutf.md
        ("$$ x = 1 $$ caf\u00e9\n".encode("latin-1"), 0xE9, 15),  # a Latin-1 note
    ],
)
def test_a_note_that_is_not_utf8_exits_2_with_file_and_offset(tmp_path, content, byte, offset):
    note = tmp_path / "latin.md"
    note.write_bytes(content)
    # wide enough for the temporary path before the message on one line (file:1: not checked)
    result = symderive("notes", str(note), "--no-cache", "--no-color", timeout=120,
                       env={"COLUMNS": "400"})  # fmt: skip
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stdout.splitlines() if "not UTF-8" in line]
    assert len(lines) == 1
    assert f"byte 0x{byte:02x} at offset {offset}" in lines[0]
    assert "latin.md" in result.stdout


def test_random_bytes_exit_2_and_the_readable_notes_are_still_checked(tmp_path):
    (tmp_path / "bin.md").write_bytes(random_bytes(3000, seed=7))
    (tmp_path / "good.md").write_text(CORRECT, encoding="utf-8")
    result = symderive("notes", str(tmp_path), "--no-cache", "--format", "json", timeout=120)
    assert result.returncode == 2, result.stderr
    report = json.loads(result.stdout)
    by_name = {entry["path"].rsplit("/", 1)[-1]: entry for entry in report["files"]}
    assert "not UTF-8" in by_name["bin.md"]["error"]
    [equation] = by_name["good.md"]["equations"]
    assert [step["verdict"] for step in equation["steps"]] == ["proved"]
    assert report["summary"]["files_unreadable"] == 1


def test_an_unreadable_note_wins_over_a_refuted_step(tmp_path):
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe")
    (tmp_path / "wrong.md").write_text(WRONG, encoding="utf-8")
    result = symderive("notes", str(tmp_path), "--no-cache", "--format", "github", timeout=120)
    assert result.returncode == 2
    assert "::error file=" in result.stdout and "bad.md" in result.stdout


def test_a_binary_note_with_nul_bytes_exits_2(tmp_path):
    note = tmp_path / "nul.md"
    note.write_bytes(b"$$ x = 1 $$\x00\x00")
    result = symderive("notes", str(note), "--no-cache", "--no-color", timeout=120)
    assert result.returncode == 2
    assert "NUL bytes" in result.stdout


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"# Notes\n\nNo formulas here.\n"])
def test_an_empty_note_or_one_without_mathematics_is_not_an_error(tmp_path, content):
    note = tmp_path / "empty.md"
    note.write_bytes(content)  # empty, a byte-order mark only, prose only
    result = symderive("notes", str(note), "--no-cache", "--format", "json", timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["equations"] == 0
    assert report["summary"]["files_unreadable"] == 0
