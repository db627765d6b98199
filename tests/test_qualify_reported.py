"""Reported mentions (redactor/qualify/reported.py): sources, reporting verbs, the patient's
own account, inverted verbs, hearsay; and who is a source rather than a subject."""

from __future__ import annotations

import pytest

from redactor.qualify.reported import is_source, reported


@pytest.mark.parametrize(
    "note, passage",
    [
        ("serait homosexuelle d'après sa mère", "homosexuelle"),
        ("Selon la voisine, il serait toxicomane.", "toxicomane"),
        ("Sa mère rapporte qu'il boit beaucoup, alcoolique.", "alcoolique"),
        ("Il dit avoir fait une TS à 16 ans.", "TS"),
        ("Toxicomane d'après les pompiers.", "Toxicomane"),
        ("Se dit apolitique.", "apolitique"),
        ("Déclare des rapports non protégés.", "rapports non protégés"),
    ],
)
def test_reported(qualifiers_of, note, passage):
    assert qualifiers_of(note, passage).reported


@pytest.mark.parametrize(
    "note, passage",
    [
        ("Patient schizophrène, suivi au CMP.", "schizophrène"),
        ("Selon les recommandations, dépistage VIH annuel.", "VIH"),
        ("Gitan d'après l'accueil. Toujours aussi sale.", "sale"),  # a remark is its sentence: the hearsay is another one
    ],
)
def test_not_reported(qualifiers_of, note, passage):
    assert not qualifiers_of(note, passage).reported


@pytest.mark.parametrize(
    "note, passage",
    [
        ("Éthylisme chronique selon son épouse.", "Éthylisme chronique"),  # a source after
        ("D'après son éducateur, fugues et consommation de cannabis.", "cannabis"),  # before
        ("Elle raconte qu'il a fait une tentative de suicide.", "tentative de suicide"),  # a verb
        ("Signale une consommation de cocaïne le week-end.", "cocaïne"),  # the patient's account
        ("Consomme du cannabis, dit sa mère.", "cannabis"),  # an inverted verb
        ("On dit que son père était alcoolique.", "alcoolique"),  # hearsay
        ("Consommation d'héroïne avouée.", "héroïne"),  # a participle after
    ],
)
def test_reported_directly(mention, note, passage):
    found = mention(note, passage)
    assert reported(found.context, found.first, found.last)


@pytest.mark.parametrize(
    "note, passage",
    [
        ("Selon le protocole, sérologie VIH annuelle.", "VIH"),  # a source that is no person
        ("Appel signalé par son imam.", "imam"),  # the mention is the source
        ("Rapporte des céphalées, alcoolisme ancien.", "alcoolisme"),  # an account ends at a comma
        ("Son frère raconte qu'il sort beaucoup. Bisexuel assumé.", "Bisexuel"),  # another sentence
        ("Schizophrénie paranoïde suivie au CMP.", "Schizophrénie paranoïde"),
    ],
)
def test_not_reported_directly(mention, note, passage):
    found = mention(note, passage)
    assert not reported(found.context, found.first, found.last)


@pytest.mark.parametrize(
    "note, person, speaks",
    [
        ("D'après sa mère, il serait bisexuel.", "mère", True),
        ("Sa mère rapporte qu'il boit.", "mère", True),
        ("Le mari se dit déprimé.", "mari", False),  # the subject of "se dit", not a source
        ("Sa mère est schizophrène.", "mère", False),
    ],
)
def test_is_source(mention, note, person, speaks):
    found = mention(note, person)
    assert is_source(found.context, found.first) is speaks
