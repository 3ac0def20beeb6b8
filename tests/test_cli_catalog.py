"""The catalog commands through the real command line: list, show, check and their JSON."""

import json
import subprocess
import sys

import pytest

from symderive.catalog import all_derivations


def symderive(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "symderive", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_list_json_has_every_catalog_entry_with_its_source():
    result = symderive("list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["derivations"]
    assert [row["id"] for row in rows] == [d.id for d in all_derivations()]
    for row in rows:
        assert row["source"]["note"].endswith(".txt") and row["source"]["section"]
        assert row["steps"] >= 1


def test_list_table_is_plain_text_when_piped():
    result = symderive("list")
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout
    assert "sigmoid-derivative" in result.stdout


def test_show_json_reports_every_step_with_a_verdict():
    result = symderive("show", "sigmoid-derivative", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["id"] == "sigmoid-derivative" and report["erratum"] is False
    assert [step["index"] for step in report["steps"]] == list(range(1, len(report["steps"]) + 1))
    assert all(step["verdict"] in ("proved", "checked") for step in report["steps"])


def test_check_json_shape_for_an_erratum():
    result = symderive("check", "sigmoid-derivative-erratum", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    (entry,) = document["derivations"]
    assert set(entry) >= {"id", "title", "source", "erratum", "steps"}
    assert entry["erratum"] is True
    refuted = [step for step in entry["steps"] if step["verdict"] == "refuted"]
    assert refuted and all(step["counterexample"]["values"] for step in refuted)
    for step in entry["steps"]:
        assert set(step) >= {"index", "lhs", "rhs", "justification", "verdict", "counterexample"}
    assert document["summary"]["errata"] == 1 and document["summary"]["ok"] is True


@pytest.mark.parametrize(
    "args",
    [
        ("show", "no-such-derivation"),
        ("check",),
        ("check", "--all", "sigmoid-derivative"),
        ("check", "--all", "--timeout", "-1"),
        ("frobnicate",),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(args):
    result = symderive(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
