"""Whom a mention is about (redactor/qualify/subject.py): a person inside it, a relative named
after it, the nearest person before it, the family-history section, or the patient."""

from __future__ import annotations

import pytest

from redactor.findings import Subject
from redactor.qualify.family_sections import family_sections
from redactor.qualify.subject import subject


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
def test_subject(qualifiers_of, note, passage, subject):
    assert qualifiers_of(note, passage).subject is subject


def subject_of(mention, note: str, passage: str, names_its_subject: bool = True) -> Subject:
    found = mention(note, passage)
    sections = family_sections(found.context)
    return subject(found.context, sections, found.first, found.last, names_its_subject)


@pytest.mark.parametrize(
    "note, passage, expected",
    [
        ("Éthylisme chronique depuis 2010.", "Éthylisme chronique", Subject.PATIENT),
        ("Oncle paternel schizophrène.", "schizophrène", Subject.FAMILY),  # a relative before
        ("Décès par suicide de son oncle.", "suicide", Subject.FAMILY),  # a relative after
        ("Dépistage VIH chez sa compagne.", "VIH", Subject.FAMILY),  # after a connector
        ("Collègue de travail toxicomane.", "toxicomane", Subject.OTHER),  # someone else
        ("Partage sa cellule avec un codétenu.", "codétenu", Subject.OTHER),  # a role, not a relative
        ("Accident d'exposition au sang, patient source VHC positif.", "VHC", Subject.OTHER),
        ("La sœur de la patiente est séropositive.", "séropositive", Subject.FAMILY),  # whose sister
        ("Son frère vit à Lyon. Ce dernier est toxicomane.", "toxicomane", Subject.FAMILY),
        ("Selon son père, bisexuel.", "bisexuel", Subject.PATIENT),  # a source, not the subject
        ("Sa sœur l'accompagne. Alcoolisme sevré.", "Alcoolisme", Subject.PATIENT),  # another sentence
        ("Antécédents familiaux : schizophrénie.", "schizophrénie", Subject.FAMILY),  # the section
    ],
)
def test_subject_directly(mention, note, passage, expected):
    assert subject_of(mention, note, passage) is expected


def test_a_partner_found_as_such_tells_about_the_patient(mention):
    # "mari" as a finding of its own (a same-sex partner, say) is about the patient
    assert subject_of(mention, "Vit avec son mari.", "mari", names_its_subject=False) is Subject.PATIENT
    assert subject_of(mention, "Vit avec son mari.", "mari", names_its_subject=True) is Subject.FAMILY
