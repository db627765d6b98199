"""Negated mentions (redactor/qualify/negation.py): cues before or after a mention in its
clause, a minus sign after it, negative words, pseudo-cues that are not negations."""

from __future__ import annotations

import pytest

from redactor.qualify.negation import negated


@pytest.mark.parametrize(
    "note, passage",
    [
        ("Pas de TS.", "TS"),
        ("Sérologie VIH négative.", "VIH"),
        ("Sérologies VIH, VHB et VHC négatives.", "VHB"),
        ("Patient VIH- , suivi annuel.", "VIH"),
        ("Nie toute consommation de cannabis.", "cannabis"),
        ("Absence d'idées suicidaires.", "idées suicidaires"),
        ("Sans antécédent psychiatrique.", "psychiatrique"),
        ("N'a jamais fait de TS.", "TS"),
        ("Toxicomanie : non.", "Toxicomanie"),
        ("Non syndiqué.", "syndiqué"),
        ("Consommation d'alcool nulle.", "alcool"),
    ],
)
def test_negated(qualifiers_of, note, passage):
    assert qualifiers_of(note, passage).negated


@pytest.mark.parametrize(
    "note, passage",
    [
        ("Catholique non pratiquante.", "Catholique"),
        ("Pas de doute : schizophrénie.", "schizophrénie"),
        ("TS en 2019, pas de suivi depuis.", "TS"),
        ("Pas de fièvre, alcoolisme chronique.", "alcoolisme"),
    ],
)
def test_not_negated(qualifiers_of, note, passage):
    assert not qualifiers_of(note, passage).negated


@pytest.mark.parametrize(
    "note, passage, others",
    [
        ("Pas d'alcoolisme connu.", "alcoolisme", ()),  # a preceding cue
        ("Aucune idée suicidaire ce jour.", "idée suicidaire", ()),
        ("Sérologie VHC négativée après traitement.", "VHC", ()),  # a following cue
        ("VHB (-) au bilan d'entrée.", "VHB", ()),  # a minus sign right after the mention
        ("Patiente séronégative pour le VIH.", "séronégative", ()),  # negative by itself
        ("Non croyant.", "Non croyant", ()),  # the cue opens the finding
        # a list of mentions shares the cue that follows it
        ("Dépistage syphilis, VIH et VHB négatif.", "syphilis", ("VIH", "VHB")),
        ("Ni tabac ni cannabis.", "cannabis", ()),
    ],
)
def test_negated_directly(mention, note, passage, others):
    found = mention(note, passage, *others)
    assert negated(found.context, found.first, found.last, found.end)


@pytest.mark.parametrize(
    "note, passage, others",
    [
        ("Pas de fièvre, éthylisme chronique.", "éthylisme", ()),  # a comma ends the cue's reach
        ("Pas de fièvre mais un alcoolisme ancien.", "alcoolisme", ()),  # so does "mais"
        ("Pas de TS. Alcoolisme sevré.", "Alcoolisme", ()),  # and the sentence
        ("Sans aucun doute une schizophrénie.", "schizophrénie", ()),  # a pseudo-cue
        ("Musulman non pratiquant.", "Musulman", ()),
        ("VIH - suivi au CeGIDD.", "VIH", ()),  # the dash of a heading, not a minus sign
        ("VIH -> CeGIDD.", "VIH", ()),  # an arrow
        # without the other mentions, what lies between is not a list
        ("Dépistage syphilis, VIH et VHB négatif.", "syphilis", ()),
    ],
)
def test_not_negated_directly(mention, note, passage, others):
    found = mention(note, passage, *others)
    assert not negated(found.context, found.first, found.last, found.end)
