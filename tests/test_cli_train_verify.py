"""The verify and train commands: exit codes, JSON, and a loss that falls."""

from __future__ import annotations

import json

import pytest

from symderive import crossval
from symderive.cli import main
from symderive.ops import ELEMENTWISE, LOSSES


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_verify_json_passes_and_lists_every_check(capsys):
    code, report = run_json(capsys, "verify", "--json", "--no-ulp")
    assert code == 0 and report["passed"]
    names = {check["name"] for check in report["checks"]}
    for name, op in ELEMENTWISE.items():
        assert {f"{name} ∂/∂{symbol}" for symbol in op.inputs} <= names
    assert set(LOSSES) | set(crossval.VERIFIED_DERIVATIVES) <= names
    assert all(check["proven_by"] for check in report["checks"] if check["kind"] == "loss")
    assert report["kink_convention"] == {name: True for name, op in ELEMENTWISE.items() if op.kinks}


def test_verify_verdict_counts_every_kind_of_failure():
    row = crossval.CrossValidation("row", "op", (), 1, 0.0, 0.0, 0.0)
    wrong = crossval.CrossValidation("wrong", "op", (), 1, 1.0, 0.0, 0.0)
    inaccurate = crossval.Accuracy(crossval.UlpReport("f", "float64", 9.0, "x = 1", 1, True), 4.0)
    assert crossval.VerifyReport((row,), (("relu", True),), ()).passed
    report = crossval.VerifyReport((row, wrong), (("relu", False),), (inaccurate,))
    assert report.failures == 3 and not report.as_dict()["passed"]


def test_verify_prints_tables_and_a_summary(capsys):
    assert main(["verify", "--no-ulp", "--no-color"]) == 0
    output = capsys.readouterr().out
    assert "three-way cross-validation" in output and "all agree" in output


@pytest.mark.slow
def test_verify_with_accuracy_table(capsys):
    code, report = run_json(capsys, "verify", "--json")
    assert code == 0
    assert {entry["function"] for entry in report["ulp"]} == set(crossval.ULP_FUNCTIONS)


def test_verify_exits_1_when_a_check_disagrees(capsys, monkeypatch):
    broken = crossval.CrossValidation("broken", "op", (), 1, 1.0, 0.0, 0.0)
    original = crossval.all_checks
    monkeypatch.setattr(crossval, "all_checks", lambda seed=0: [*original(seed), broken])
    code, report = run_json(capsys, "verify", "--json", "--no-ulp")
    assert code == 1 and not report["passed"]


def test_train_loss_falls(capsys):
    code, report = run_json(capsys, "train", "--json", "--steps", "30", "--classifier-steps", "30")
    assert code == 0 and report["loss_fell"]
    mlp, classifier = report["runs"]
    assert mlp["steps"] == 30 and mlp["final_loss"] < mlp["first_loss"]
    assert classifier["final_loss"] < classifier["first_loss"]


def test_train_replays_the_captured_step_unless_eager(capsys):
    argv = ["train", "--json", "--steps", "20", "--classifier-steps", "20"]
    code, replayed = run_json(capsys, *argv)
    assert code == 0 and {run["engine"] for run in replayed["runs"]} == {"replay"}
    code, eager = run_json(capsys, *argv, "--eager")
    assert code == 0 and {run["engine"] for run in eager["runs"]} == {"eager"}
    for replayed_run, eager_run in zip(replayed["runs"], eager["runs"]):
        # the first step is the recording, an eager step: the two modes start identically
        assert replayed_run["first_loss"] == eager_run["first_loss"]
        assert replayed_run["final_loss"] == pytest.approx(eager_run["final_loss"], rel=1e-9)


def test_train_text_output_has_a_summary(capsys):
    assert main(["train", "--no-color", "--steps", "5", "--classifier-steps", "5"]) == 0
    out = capsys.readouterr().out
    assert "lecture 2-layer MLP" in out and "→" in out


def test_train_rejects_a_bad_step_count(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["train", "--steps", "0"])
    assert stop.value.code == 2
    assert "expected an integer ≥ 1" in capsys.readouterr().err
