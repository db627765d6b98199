"""Capitals restored in notes written all in lower case (redactor/truecase.py)."""

from __future__ import annotations

from redactor.normalise import normalise
from redactor.truecase import is_lowercase_note, truecase

DICTATED = (
    "courrier dicté par le dr fontaine - non relu\n\n"
    "je revois monsieur dominique le saux cinquante-neuf ans. il est artisan couvreur à quimperlé "
    "avec son associé yannick et habite au lieu-dit kerléo sur la commune de riec-sur-bélon.\n"
    "infarctus traité au chu de brest. deux à trois crises par mois. sa femme katell surveille son "
    "alimentation. il vit à ivry sur seine, rue marat.\n\ndocteur j. ferreira"
)


def test_only_lowercase_notes_are_recased():
    assert is_lowercase_note(DICTATED)
    typed = "Vu ce jour Mme Sylvie Marchand à Quimperlé avec son associé Yannick, revue en mars."
    assert not is_lowercase_note(typed)
    assert truecase(typed) == typed
    assert not is_lowercase_note("vu ce jour")  # too short to judge


def test_recasing_keeps_every_offset():
    cased = truecase(DICTATED)
    assert len(cased) == len(DICTATED)
    assert cased.casefold() == DICTATED.casefold()
    assert normalise(DICTATED).text == cased


def test_names_towns_and_facilities_get_capitals():
    cased = truecase(DICTATED)
    for expected in (
        "monsieur Dominique le Saux",  # after a title: the name, its particle left in lower case
        "à Quimperlé",  # a town after a preposition
        "son associé Yannick",  # a first name introduced by a possessive and a word
        "lieu-dit Kerléo",  # after a street type
        "Riec-sur-Bélon",  # a compound town: its linking word stays in lower case
        "CHU de Brest",  # a hospital acronym
        "femme Katell",
        "Ivry sur Seine",
        "rue Marat",
        "J. Ferreira",  # an initial before a name
        "Je revois",  # a sentence's first word
    ):
        assert expected in cased, expected


def test_ordinary_words_stay_in_lower_case():
    cased = truecase(DICTATED)
    assert "à trois crises" in cased  # a number word after "à" is no town
    assert "artisan couvreur" in cased
    assert "non relu" in cased  # "relu" is a first name in some lists


def test_a_dictated_letter_is_redacted_like_a_typed_one(redactor):
    found = {(f.category, DICTATED[f.start : f.end]) for f in redactor.analyze(DICTATED)}
    for expected in (
        ("CITY", "quimperlé"),
        ("PERSON", "yannick"),
        ("PERSON", "katell"),
        ("HOSPITAL", "chu de brest"),
        ("CITY", "riec-sur-bélon"),
    ):
        assert expected in found, expected
