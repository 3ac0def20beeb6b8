"""The catalog as a whole: sources exist, errata link to corrections, the notes are covered,
no step compares an expression with itself, and every correction corrects something."""

from pathlib import Path

import pytest

import sympy as sp

from symderive.catalog import all_derivations, catalog
from symderive.check import check_relation
from symderive.model import ERRATUM_KINDS

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def test_ids_are_unique_kebab_case_and_the_catalog_is_large_enough():
    ids = [d.id for d in all_derivations()]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 25


def test_every_erratum_names_an_existing_correct_derivation_and_has_a_kind():
    entries = catalog()
    errata = [d for d in all_derivations() if d.is_erratum]
    assert len(errata) >= 5
    for erratum in errata:
        corrected = entries[erratum.erratum_of]
        assert not corrected.is_erratum
        assert erratum.erratum_kind in ERRATUM_KINDS, erratum.id
        has_wrong_step = any(step.expect == "refuted" for step in erratum.steps)
        # an error is refuted; a notation or a wording is read so that it holds
        assert has_wrong_step == (erratum.erratum_kind == "error"), erratum.id


def test_every_kind_of_erratum_occurs():
    kinds = {d.erratum_kind for d in all_derivations() if d.is_erratum}
    assert kinds == set(ERRATUM_KINDS)


def test_no_step_compares_an_expression_with_itself():
    """Two structurally identical sides check nothing, unless the note itself restates."""
    empty = [
        f"{derivation.id} step {index}"
        for derivation in all_derivations()
        for index, previous, step in derivation.pairs()
        if previous.expr == step.expr and not step.restatement
    ]
    assert empty == []


WRONG_STEPS = [
    (derivation, index, previous, step)
    for derivation in all_derivations()
    for index, previous, step in derivation.pairs()
    if step.expect == "refuted"
]


@pytest.mark.parametrize(
    "derivation, index, previous, step",
    WRONG_STEPS,
    ids=[f"{d.id}-{i}" for d, i, _, _ in WRONG_STEPS],
)
def test_every_correction_differs_from_its_wrong_step_and_holds(derivation, index, previous, step):
    assert step.correction != step.expr  # it corrects the wrong expression
    assert step.correction != previous.expr  # and is not the previous step repeated
    outcome = check_relation(
        previous.expr,
        step.correction,
        step.relation,
        domains=dict(derivation.domains),
        givens=derivation.givens,
        independent=derivation.independent,
        budget_seconds=5.0,
    )
    assert outcome.holds, (derivation.id, index, outcome.verdict, outcome.reason)


def test_errata_span_several_notes():
    notes = {d.source.note for d in all_derivations() if d.is_erratum}
    assert len(notes) >= 3


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_every_source_is_a_seed_note_and_its_section_heading_is_in_it():
    for derivation in all_derivations():
        assert derivation.source.kind in ("note", "figure", "supplement")
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


def _heavisides(derivation):
    expressions = [step.expr for step in derivation.steps] + [
        step.correction for step in derivation.steps if step.correction is not None
    ]
    return {h for expression in expressions for h in expression.atoms(sp.Heaviside)}


def test_every_gate_gradient_follows_the_one_tie_rule():
    """relu'(0) = 0 and a max tie to the first argument: each Heaviside says its value at 0
    (SymPy's default is 1/2) and the entry says which convention it uses."""
    for derivation in all_derivations():
        steps = _heavisides(derivation)
        for heaviside in steps:
            assert len(heaviside.args) == 2 and heaviside.args[1] in (0, 1), (derivation.id, heaviside)
        if steps:
            text = " ".join([derivation.claim] + [s.justification for s in derivation.steps])
            assert any(
                mark in text for mark in ("relu'(0) = 0", "H(0) = 0", "tie", "kink")
            ), derivation.id
        for heaviside in steps:
            # H(·, 1) only for the first argument of max, whose tie it wins
            if heaviside.args[1] == 1:
                assert "first argument" in derivation.claim + derivation.title, derivation.id
