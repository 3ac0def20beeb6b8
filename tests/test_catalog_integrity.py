"""The catalog as a whole: sources exist, errata link to corrections, the notes are covered."""

from pathlib import Path

import pytest

from symderive.catalog import all_derivations, catalog

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def test_ids_are_unique_kebab_case_and_the_catalog_is_large_enough():
    ids = [d.id for d in all_derivations()]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 25


def test_every_erratum_names_an_existing_correct_derivation():
    entries = catalog()
    errata = [d for d in all_derivations() if d.is_erratum]
    assert len(errata) >= 5
    for erratum in errata:
        corrected = entries[erratum.erratum_of]
        assert not corrected.is_erratum
        assert any(step.expect == "refuted" for step in erratum.steps)


def test_errata_span_several_notes():
    notes = {d.source.note for d in all_derivations() if d.is_erratum}
    assert len(notes) >= 3


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_every_source_is_a_seed_note_and_its_section_heading_is_in_it():
    for derivation in all_derivations():
        note = SEEDS / derivation.source.note
        assert note.is_file(), f"{derivation.id}: no note {derivation.source.note}"
        text = note.read_text(encoding="utf-8")
        assert derivation.source.section in text, (
            f"{derivation.id}: section {derivation.source.section!r} not in {note.name}"
        )


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_every_note_is_cited():
    cited = {d.source.note for d in all_derivations()}
    assert cited == {path.name for path in SEEDS.glob("*.txt")}


def test_every_step_has_a_justification():
    for derivation in all_derivations():
        for index, _, step in derivation.pairs():
            assert step.justification.strip(), f"{derivation.id} step {index}"
