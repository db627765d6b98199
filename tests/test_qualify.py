"""The qualifier step (redactor/qualify/qualifier.py): every special finding gets its
qualifiers, identifiers none, and no finding is dropped. Each qualifier has its own tests:
tests/test_qualify_{negation,hypothesis,reported,subject,family_sections,context,cues}.py."""

from __future__ import annotations

from redactor.findings import Finding, Qualifiers, Subject
from redactor.qualify import Qualifier


def found(text: str, passage: str, category: str = "HEALTH_SENSITIVE", detector: str = "special.x") -> Finding:
    """A finding on the first occurrence of `passage`, as a detector would give it."""
    start = text.index(passage)
    return Finding(start, start + len(passage), category, 0.9, detector)


def test_negated_or_reported_mentions_are_kept(redactor):
    findings = redactor.analyze("Pas de TS. Serait toxicomane selon sa voisine.")
    assert [f.category for f in findings] == ["HEALTH_SENSITIVE", "HEALTH_SENSITIVE"]


def test_identifiers_are_left_without_qualifiers():
    person = Finding(0, 5, "PERSON", 0.9, "person.title")
    special = Finding(10, 13, "HEALTH_SENSITIVE", 0.9, "special.test")
    qualified = Qualifier().qualify("Paul a dit: VIH pas", [person, special])
    assert qualified[0].qualifiers is None
    assert qualified[1].qualifiers is not None


def test_each_qualifier_is_set():
    text = "Selon son frère, il aurait arrêté le cannabis. Père alcoolique. Sérologie VIH négative."
    findings = [found(text, "cannabis"), found(text, "alcoolique"), found(text, "VIH")]
    cannabis, alcoholic, hiv = (f.qualifiers for f in Qualifier().qualify(text, findings))
    assert cannabis == Qualifiers(hypothetical=True, reported=True)
    assert alcoholic == Qualifiers(subject=Subject.FAMILY)
    assert hiv == Qualifiers(negated=True)


def test_a_span_without_a_word_gets_the_default_qualifiers():
    text = "Toxicomanie :   sevrée."
    blank = Finding(13, 15, "HEALTH_SENSITIVE", 0.9, "special.test")
    assert Qualifier().qualify(text, [blank])[0].qualifiers == Qualifiers()


def test_a_partner_found_as_a_person_tells_about_the_patient():
    text = "Vit avec son mari."
    as_partner = found(text, "mari", "SEXUAL_ORIENTATION", "special.partners.test")
    as_relative = found(text, "mari", "SEXUAL_ORIENTATION")
    assert Qualifier().qualify(text, [as_partner])[0].qualifiers.subject is Subject.PATIENT
    assert Qualifier().qualify(text, [as_relative])[0].qualifiers.subject is Subject.FAMILY


def test_genetic_findings_read_somatic_or_germline():
    text = "Adénocarcinome pulmonaire, mutation EGFR sur la biopsie. Sa mère porte une mutation BRCA2."
    findings = [found(text, "EGFR", "GENETIC"), found(text, "BRCA2", "GENETIC")]
    tumour, inherited = (f.qualifiers for f in Qualifier().qualify(text, findings))
    assert tumour.somatic and not inherited.somatic
