"""The result cache: where it lives, what its keys cover, atomic writes, damaged entries
ignored, and a warm run identical to a cold one."""

import json
import os
import subprocess
import sys
from pathlib import Path

import sympy as sp

from symderive.catalog import get
from symderive.cache import ResultCache, cache_directory, step_key
from symderive.cached import check_notes_cached
from symderive.check.budget import Task
from symderive.check.context import CheckContext
from symderive.model import Domain
from symderive.report import Counterexample, Outcome
from tests.cli.run import symderive

CORPUS = Path("tests/notes/corpus")


def test_the_cache_directory_follows_the_documented_variables(tmp_path):
    home = Path.home()
    assert cache_directory({}) == home / ".cache" / "symderive"
    assert cache_directory({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "symderive"
    assert cache_directory({"XDG_CACHE_HOME": "relative"}) == home / ".cache" / "symderive"
    chosen = {"SYMDERIVE_CACHE_DIR": str(tmp_path / "c"), "XDG_CACHE_HOME": "/x"}
    assert cache_directory(chosen) == tmp_path / "c"


def refuted() -> Outcome:
    return Outcome(
        "refuted",
        method="numeric",
        counterexample=Counterexample((("x", "1/2"),), "0.25", "1"),
        points=((("x", "1/2"),),),
        digits=30,
    )


def test_an_outcome_survives_storage_and_the_write_leaves_no_temporary_file(tmp_path):
    results = ResultCache(tmp_path)
    results.put("steps", "ab" * 32, refuted())
    assert results.get("steps", "ab" * 32) == refuted()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert [p.name for p in files] == ["ab" * 32 + ".json"]


def test_a_damaged_or_misplaced_entry_is_ignored_and_rewritten(tmp_path):
    results = ResultCache(tmp_path)
    key = "cd" * 32
    results.put("steps", key, refuted())
    (entry,) = [p for p in tmp_path.rglob("*.json")]
    for damage in ("{not json", json.dumps({"key": key, "value": {"__type__": "os.system"}}),
                   json.dumps({"key": "ef" * 32, "value": None}), ""):  # fmt: skip
        entry.write_text(damage, encoding="utf-8")
        assert results.get("steps", key) is None
    results.put("steps", key, refuted())
    assert results.get("steps", key) == refuted()


def test_a_disabled_cache_neither_reads_nor_writes(tmp_path):
    results = ResultCache(tmp_path, enabled=False)
    results.put("steps", "ab" * 32, refuted())
    assert results.get("steps", "ab" * 32) is None
    assert not any(tmp_path.iterdir())


def test_the_step_key_covers_sides_relation_context_seed_and_budget():
    x = sp.Symbol("x", real=True)
    y = sp.Symbol("y", real=True)
    base = Task("k", sp.log(x**2), 2 * sp.log(x), "=", CheckContext.build({}), 0)
    same = Task("other key", sp.log(x**2), 2 * sp.log(x), "=", CheckContext.build({}), 0)
    assert step_key(base, 2.0) == step_key(same, 2.0)
    positive = CheckContext.build({x: Domain("positive")})
    variants = [
        Task("k", sp.log(x**2), 2 * sp.log(y), "=", base.context, 0),
        Task("k", sp.log(x**2), 2 * sp.log(x), "<=", base.context, 0),
        Task("k", sp.log(x**2), 2 * sp.log(x), "=", positive, 0),
        Task("k", sp.log(x**2), 2 * sp.log(x), "=", CheckContext.build({}, [sp.Eq(y, x)]), 0),
        Task("k", sp.log(x**2), 2 * sp.log(x), "=", base.context, 1),
    ]
    keys = {step_key(task, 2.0) for task in variants} | {step_key(base, 3.0)}
    assert len(keys) == len(variants) + 1 and step_key(base, 2.0) not in keys
    # symbol assumptions are part of the sides
    positive_x = sp.Symbol("x", positive=True)
    assumed = Task("k", sp.log(positive_x**2), 2 * sp.log(positive_x), "=", base.context, 0)
    assert step_key(assumed, 2.0) != step_key(base, 2.0)


def without_timings(document):
    if isinstance(document, dict):
        return {k: without_timings(v) for k, v in document.items() if k != "seconds"}
    if isinstance(document, list):
        return [without_timings(item) for item in document]
    return document


def test_a_warm_run_answers_every_unchanged_file_from_the_cache_with_the_same_report(tmp_path):
    note = tmp_path / "note.md"
    note.write_text("$$\\frac{d}{dx} x^2 = 2x$$\n\n$$(a+b)^2 = a^2 + b^2$$\n", encoding="utf-8")
    paths = [str(CORPUS / "calculus.md"), str(note)]
    cold_cache = ResultCache(tmp_path / "cache")
    cold = check_notes_cached(paths, budget_seconds=2.0, jobs=2, results=cold_cache)
    warm_cache = ResultCache(tmp_path / "cache")
    warm = check_notes_cached(paths, budget_seconds=2.0, jobs=2, results=warm_cache)
    assert warm_cache.hits == 2 and warm_cache.misses == 0
    assert without_timings(warm.as_dict()) == without_timings(cold.as_dict())
    # an edited file is checked again; the other still comes from the cache
    note.write_text("$$(a+b)^2 = a^2 + 2ab + b^2$$\n", encoding="utf-8")
    edited_cache = ResultCache(tmp_path / "cache")
    edited = check_notes_cached(paths, budget_seconds=2.0, jobs=2, results=edited_cache)
    assert edited_cache.hits == 1
    assert [step.verdict for step in edited.files[1].equations[0].steps] == ["proved"]
    # another budget is another key
    other = ResultCache(tmp_path / "cache")
    check_notes_cached(paths[:1], budget_seconds=3.0, jobs=2, results=other)
    assert other.hits == 0


def test_no_cache_writes_nothing(tmp_path):
    folder = tmp_path / "cache"
    note = tmp_path / "lecture.md"  # one proved step and one refuted: both kinds of result
    note.write_text("$$\\frac{d}{dx} x^3 = 3x^2$$\n\n$$\\frac{d}{dx} x^2 = x$$\n", encoding="utf-8")
    result = symderive("notes", str(note), "--no-cache", env={"SYMDERIVE_CACHE_DIR": str(folder)})
    assert result.returncode == 1, result.stderr  # the refuted step
    assert not folder.exists() or not any(folder.rglob("*.json"))
    symderive("notes", str(note), env={"SYMDERIVE_CACHE_DIR": str(folder)})
    assert any(folder.rglob("*.json"))


def test_a_step_without_a_canonical_text_gets_no_key_and_a_plain_step_is_stored(tmp_path):
    from symderive.cached import run_tasks_cached

    x = sp.Symbol("x", real=True)
    odd = CheckContext(domains=((x, object()),))  # a context part with no canonical text
    task = Task("k", (x + 1) ** 2, x**2 + 2 * x + 1, "=", odd, 0)
    assert step_key(task, 2.0) is None
    plain = Task("k", (x + 1) ** 2, x**2 + 2 * x + 1, "=", CheckContext.build({}), 0)
    results = ResultCache(tmp_path)
    outcomes = run_tasks_cached([plain], 2.0, 1, results=results)
    assert outcomes["k"].verdict == "proved"
    assert results.get("steps", step_key(plain, 2.0)) == outcomes["k"]


def test_a_repeated_catalog_check_is_answered_without_sympy_and_says_the_same(tmp_path):
    env = {"SYMDERIVE_CACHE_DIR": str(tmp_path)}
    ids = ("sigmoid-derivative", "sigmoid-derivative-erratum")
    cold = symderive("check", *ids, "--json", env=env)
    assert cold.returncode == 0, cold.stderr
    warm = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "symderive", "check", *ids, "--json"],
        capture_output=True, text=True, env={**os.environ, **env}, timeout=120,
    )  # fmt: skip
    assert warm.returncode == 0
    assert without_timings(json.loads(warm.stdout)) == without_timings(json.loads(cold.stdout))
    imported = [line.split("|")[-1].strip() for line in warm.stderr.splitlines()]
    assert "symderive.cli" in imported and "sympy" not in imported
    # a different selection or seed is checked afresh
    other = symderive("check", ids[0], "--json", "--seed", "1", env=env)
    assert json.loads(other.stdout)["summary"]["steps"] == len(get(ids[0]).steps) - 1


def test_a_value_the_codec_does_not_know_is_not_stored(tmp_path):
    results = ResultCache(tmp_path)
    results.put("steps", "ab" * 32, {"value": object()})
    assert results.get("steps", "ab" * 32) is None
    assert not any(tmp_path.rglob("*.json"))
