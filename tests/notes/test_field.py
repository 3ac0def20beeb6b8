"""The field corpora: real note files from public sources — ``field/`` (22 files from 5 sources,
the corpus the reader's misreadings were found and fixed on) and ``field_holdout/`` (14 files from
3 more sources, added in round 50 and judged as they came: nobody tuned the reader on them).
Each has its ``SOURCES.md`` (repository, commit, licence).

Every step the checker refutes, and every step it proves or checks that a reader judged
wrong, is listed with a hand judgement in the corpus's ``truth.json`` (file, line, step, the
written sides, the judgement and why). The gates, computed from the checker's report:

* no step the truth file judges wrong is *proved* or *checked*;
* every refutation has a judgement, and refutations of correct steps are ≤ 10 % of them;
* the share of claim steps proved or checked does not fall below its measured level;
* every skip reason is counted (printed with ``-s``).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from symderive.notes.check_notes import NotesOptions, check_files

HERE = Path(__file__).resolve().parent
FIELD = HERE / "field"
NOT_CLAIMS = {"definition", "condition", "update-rule"}  # skipped because they are not claims
# proved + checked / claim steps, each corpus at its measured level (the margin absorbs steps
# near the 2 s CPU budget on a loaded runner: undecided, never false)
# field: 198/354 (55.9 %) on 2026-12-02, 194/350 on 2026-12-05; the issue asks 50 %
# field_holdout: measured when added (round 50), far below: see its SOURCES.md
MEASURED_SHARE = {"field": 0.54, "field_holdout": 0.14}  # field_holdout: 40/259 (15.4 %)
pytestmark = pytest.mark.slow  # the whole corpus: about two minutes of CPU on two workers


@pytest.fixture(scope="module", params=sorted(MEASURED_SHARE))
def corpus(request) -> Path:
    return HERE / request.param


@pytest.fixture(scope="module")
def report(corpus):
    paths = sorted(path for path in corpus.glob("*.md") if path.name != "SOURCES.md")
    assert len(paths) >= 14
    return check_files(paths, NotesOptions(budget_seconds=2.0, jobs=2))


@pytest.fixture(scope="module")
def truth(corpus) -> dict:
    entries = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    return {(entry["file"], entry["line"], entry["step"]): entry for entry in entries}


def rows(report):
    for note in report.files:
        for equation in note.equations:
            for step in equation.steps:
                yield Path(note.path).name, equation.line, step


def test_the_field_corpus_comes_from_at_least_five_sources():
    names = [path.name for path in FIELD.glob("*.md") if path.name != "SOURCES.md"]
    sources = {name.split("-", 1)[0] if not name.startswith("d2l") else name[:6] for name in names}
    assert len(names) >= 20 and len(sources) >= 5
    listed = (FIELD / "SOURCES.md").read_text(encoding="utf-8")
    for source in ("cs231n", "d2l-en", "d2l-ko", "jax", "numpy-tutorials"):
        assert source in listed


def test_no_step_judged_wrong_is_proved_or_checked(report, truth):
    false_holds = [
        (name, line, step.index, step.verdict)
        for name, line, step in rows(report)
        if step.verdict in ("proved", "checked")
        and truth.get((name, line, step.index), {}).get("judgement") == "wrong"
    ]
    assert false_holds == []


def test_every_refutation_is_judged_and_few_are_false(report, truth):
    refuted = [(name, line, step) for name, line, step in rows(report) if step.verdict == "refuted"]
    unjudged = [(n, l, s.index, s.lhs_latex) for n, l, s in refuted if (n, l, s.index) not in truth]
    assert unjudged == [], "judge these refutations by hand in field/truth.json"
    false = [(n, l, s.index) for n, l, s in refuted if truth[(n, l, s.index)]["judgement"] == "correct"]
    print(f"\nrefutations: {len(refuted)}, of correct steps (false): {len(false)}")
    assert len(false) <= 0.10 * len(refuted)


def report_corpus(report) -> str:
    return Path(report.files[0].path).parent.name


def test_share_of_claims_proved_or_checked_and_skip_counts(report):
    claims = [
        step for _, _, step in rows(report)
        if not (step.verdict == "skipped" and step.skip is not None and step.skip.value in NOT_CLAIMS)
    ]  # fmt: skip
    holding = sum(step.verdict in ("proved", "checked") for step in claims)
    share = holding / len(claims)
    summary = report.summary()
    print(f"\nclaim steps: {len(claims)}, proved or checked: {holding} ({share:.0%})")
    print("equations skipped by reason:", summary["equations_skipped_by_reason"])
    print("steps skipped by reason:", summary["steps_skipped_by_reason"])
    assert share >= MEASURED_SHARE[report_corpus(report)]
    reasons = Counter(step.skip.value for _, _, step in rows(report) if step.skip is not None)
    assert sum(reasons.values()) == summary["skipped"]  # every skip has a counted reason
