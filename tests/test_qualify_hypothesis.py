"""Hypothetical mentions (redactor/qualify/hypothesis.py): suspicion, conditional mood,
conditions, and tests still without their result."""

from __future__ import annotations

import pytest

from redactor.qualify.hypothesis import hypothetical


@pytest.mark.parametrize(
    "note, passage",
    [
        ("serait homosexuelle d'après sa mère", "homosexuelle"),
        ("Suspicion de psychose.", "psychose"),
        ("Alcoolisme probable.", "Alcoolisme"),
        ("TS ?", "TS"),
        ("Il aurait fait une TS.", "TS"),
        ("Dépression à éliminer.", "Dépression"),
        ("Sérologie VIH demandée.", "VIH"),
        ("Si sérologie positive, orientation vers le CeGIDD pour trithérapie.", "trithérapie"),
        ("Information sur la PrEP.", "PrEP"),
    ],
)
def test_hypothetical(qualifiers_of, note, passage):
    assert qualifiers_of(note, passage).hypothetical


@pytest.mark.parametrize(
    "note, passage",
    [
        ("Schizophrénie stabilisée sous traitement.", "Schizophrénie"),
        ("Sérologie VIH positive en 2010.", "VIH"),
        ("Pas de doute sur une psychose.", "psychose"),
    ],
)
def test_not_hypothetical(qualifiers_of, note, passage):
    assert not qualifiers_of(note, passage).hypothetical


@pytest.mark.parametrize(
    "note, passage",
    [
        ("Suspicion d'infection VIH.", "VIH"),  # a preceding cue
        ("Trouble bipolaire probable.", "Trouble bipolaire"),  # a following cue
        ("Il consommerait de la cocaïne.", "cocaïne"),  # a verb in the conditional
        ("S'il rechute, cure de sevrage alcoolique.", "sevrage alcoolique"),  # a condition
        ("Sérologie VHC prescrite.", "VHC"),  # a test without its result
        ("Dépistage IST ce jour.", "Dépistage IST"),  # the test is the finding
    ],
)
def test_hypothetical_directly(mention, note, passage):
    found = mention(note, passage)
    assert hypothetical(found.context, found.first, found.last, negated=False)


@pytest.mark.parametrize(
    "note, passage",
    [
        ("Sérologie VHC positive.", "VHC"),  # the test has its result
        # a result between the test and the mention
        ("Sérologie VHB positive en 2015, hépatite B chronique.", "hépatite B chronique"),
        ("Si besoin, consultation au CSAPA pour alcoolisme.", "alcoolisme"),  # a pseudo-cue
        ("Il serait sevré mais reste alcoolique.", "alcoolique"),  # the clause ends at "mais"
        ("Portrait d'une famille catholique.", "catholique"),  # "portrait" is no conditional
        ("Il aurait fait une TS. Éthylisme chronique.", "Éthylisme"),  # another sentence
    ],
)
def test_not_hypothetical_directly(mention, note, passage):
    found = mention(note, passage)
    assert not hypothetical(found.context, found.first, found.last, negated=False)


def test_a_negated_test_is_not_pending(mention):
    found = mention("Sérologie VHC prescrite.", "VHC")
    assert hypothetical(found.context, found.first, found.last, negated=False)
    assert not hypothetical(found.context, found.first, found.last, negated=True)


def test_a_mention_with_its_own_result_is_not_pending_on_a_later_cue(mention):
    waiting = mention("VHC en attente.", "VHC")
    assert hypothetical(waiting.context, waiting.first, waiting.last, negated=False)
    answered = mention("VHC négatif en attente.", "VHC négatif")
    assert not hypothetical(answered.context, answered.first, answered.last, negated=False)
