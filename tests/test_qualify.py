"""Qualifiers of special findings: negated, hypothetical, reported (hearsay), and about whom."""

from __future__ import annotations

import pytest

from redactor.findings import Finding, Subject
from redactor.qualify import Qualifier


def qualifiers_of(redactor, note: str, passage: str):
    """The qualifiers of the special finding that covers the start of `passage`."""
    start = note.index(passage)
    for finding in redactor.analyze(note):
        if finding.qualifiers is not None and finding.start <= start < finding.end:
            return finding.qualifiers
    raise AssertionError(f"no special finding at {passage!r}")


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
def test_negated(redactor, note, passage):
    assert qualifiers_of(redactor, note, passage).negated


@pytest.mark.parametrize(
    "note, passage",
    [
        ("Catholique non pratiquante.", "Catholique"),
        ("Pas de doute : schizophrénie.", "schizophrénie"),
        ("TS en 2019, pas de suivi depuis.", "TS"),
        ("Pas de fièvre, alcoolisme chronique.", "alcoolisme"),
    ],
)
def test_not_negated(redactor, note, passage):
    assert not qualifiers_of(redactor, note, passage).negated


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
def test_hypothetical(redactor, note, passage):
    assert qualifiers_of(redactor, note, passage).hypothetical


@pytest.mark.parametrize(
    "note, passage",
    [
        ("Schizophrénie stabilisée sous traitement.", "Schizophrénie"),
        ("Sérologie VIH positive en 2010.", "VIH"),
        ("Pas de doute sur une psychose.", "psychose"),
    ],
)
def test_not_hypothetical(redactor, note, passage):
    assert not qualifiers_of(redactor, note, passage).hypothetical


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
def test_reported(redactor, note, passage):
    assert qualifiers_of(redactor, note, passage).reported


@pytest.mark.parametrize(
    "note, passage",
    [
        ("Patient schizophrène, suivi au CMP.", "schizophrène"),
        ("Selon les recommandations, dépistage VIH annuel.", "VIH"),
        ("Gitan d'après l'accueil. Toujours aussi sale.", "sale"),  # a remark is its sentence: the hearsay is another one
    ],
)
def test_not_reported(redactor, note, passage):
    assert not qualifiers_of(redactor, note, passage).reported


@pytest.mark.parametrize(
    "note, passage, subject",
    [
        ("mère musulmane voilée", "voilée", Subject.FAMILY),
        ("catholique non pratiquante car ses 2 frères sont suicidés", "suicidés", Subject.FAMILY),
        ("catholique non pratiquante car ses 2 frères sont suicidés", "catholique", Subject.PATIENT),
        ("serait homosexuelle d'après sa mère", "homosexuelle", Subject.PATIENT),
        ("Suicide de son frère en 2010.", "Suicide", Subject.FAMILY),
        ("Schizophrénie chez sa sœur.", "Schizophrénie", Subject.FAMILY),
        ("Père alcoolique, mère dépressive.", "alcoolique", Subject.FAMILY),
        (
            "ATCD familiaux : diabète, alcoolisme.\nATCD personnels : TS en 2015.",
            "alcoolisme",
            Subject.FAMILY,
        ),
        ("ATCD familiaux : diabète, alcoolisme.\nATCD personnels : TS en 2015.", "TS", Subject.PATIENT),
        ("Son compagnon est séropositif.", "séropositif", Subject.FAMILY),
        ("Sa petite amie est toxicomane.", "toxicomane", Subject.FAMILY),
        ("Voisin toxicomane.", "toxicomane", Subject.OTHER),
        ("Un collègue, ouvertement gay, le harcèle.", "gay", Subject.OTHER),
        ("Le patient source est VIH+.", "VIH", Subject.OTHER),
        ("Le frère du patient n'a jamais fait de test génétique.", "test génétique", Subject.FAMILY),
        ("Il vit avec son compagnon.", "son compagnon", Subject.PATIENT),
        ("Sa mère l'accompagne. Il est homosexuel.", "homosexuel", Subject.PATIENT),
    ],
)
def test_subject(redactor, note, passage, subject):
    assert qualifiers_of(redactor, note, passage).subject is subject


def test_negated_or_reported_mentions_are_kept(redactor):
    findings = redactor.analyze("Pas de TS. Serait toxicomane selon sa voisine.")
    assert [f.category for f in findings] == ["HEALTH_SENSITIVE", "HEALTH_SENSITIVE"]


def test_identifiers_are_left_without_qualifiers():
    person = Finding(0, 5, "PERSON", 0.9, "person.title")
    special = Finding(10, 13, "HEALTH_SENSITIVE", 0.9, "special.test")
    qualified = Qualifier().qualify("Paul a dit: VIH pas", [person, special])
    assert qualified[0].qualifiers is None
    assert qualified[1].qualifiers is not None
