"""The NER's towns, facilities and streets (places/place_model.py): which entities the lexicon or the
name's own words confirm, and where a facility's name ends."""

from __future__ import annotations

import pytest
import spacy

from redactor.paths import load_yaml
from redactor.recognizers.identifiers.lexicon import town_lexicon
from redactor.recognizers.identifiers.places.place_model import SCORE, FacilityWords, ModelPlaces


@pytest.fixture(scope="module")
def model_places() -> ModelPlaces:
    data = load_yaml("identifiers/places.yaml")
    return ModelPlaces(data, town_lexicon(), FacilityWords(data))


def read(model_places: ModelPlaces, text: str, entity: str, label: str) -> list[tuple[str, str]]:
    """What ModelPlaces keeps of one entity the NER would have read on `text`."""
    doc = spacy.blank("fr")(text)
    start = text.index(entity)
    doc.ents = [doc.char_span(start, start + len(entity), label=label, alignment_mode="expand")]
    return [(f.category, text[f.start : f.end]) for f in model_places.find(text, doc)]


@pytest.mark.parametrize(
    "text, entity, label, kept",
    [
        ("Patiente vue à Orange pour une fracture.", "Orange", "CITY", ("CITY", "Orange")),
        ("Infirmière libérale de Sens, Mme Lefort.", "Sens", "CITY", ("CITY", "Sens")),
        ("I-3\tAhmed Z.\t1950\tSétif\tvivant", "Sétif", "CITY", ("CITY", "Sétif")),  # a town abroad, a table's cell
        ("Suivi au Centre médico-social de Lifou.", "Centre médico-social de Lifou", "HOSPITAL", ("HOSPITAL", "Centre médico-social de Lifou")),
        ("Centre d'accueil sollicité : ARDIAL - unité de Villeurbanne", "ARDIAL", "HOSPITAL", ("HOSPITAL", "ARDIAL")),
        # the sentence goes on after the name
        ("Elle a consulté à l'institut Joliot Curie quel que soit le motif.", "institut Joliot Curie quel que soit le motif", "HOSPITAL", ("HOSPITAL", "institut Joliot Curie")),
        # the next field of a footer, a table's next cell
        ("CHU de Reims - OUEDRAOGO Boukary - 31/12/1970", "CHU de Reims - OUEDRAOGO Boukary", "HOSPITAL", ("HOSPITAL", "CHU de Reims")),
        ("CH de Béziers;;Béziers;34525", "CH de Béziers;;Béziers", "HOSPITAL", ("HOSPITAL", "CH de Béziers")),
        # a sentence's end, not an abbreviation's dot
        ("Retour au CHU. Nantes le 3 mars.", "CHU. Nantes", "HOSPITAL", None),
        ("Transfert Hôp. Lapeyronie demain.", "Hôp. Lapeyronie", "HOSPITAL", ("HOSPITAL", "Hôp. Lapeyronie")),
        # the town that closes a name is the rules' CITY
        ("Biopsie Clinique Pasteur Brest le 9/09.", "Clinique Pasteur Brest", "HOSPITAL", ("HOSPITAL", "Clinique Pasteur")),
        ("Domicile : 8 Place de l'Abbé G. Hénocque", "8 Place de l'Abbé G. Hénocque", "ADDRESS", ("ADDRESS", "8 Place de l'Abbé G. Hénocque")),
        ("habite rue de paris depuis 2010", "rue de paris", "ADDRESS", ("ADDRESS", "rue de paris")),
        # without the postcode, the next field or the town after it
        ("6 rue de l'Yser 22200 GUINGAMP  Tél", "6 rue de l'Yser 22200 GUINGAMP", "ADDRESS", ("ADDRESS", "6 rue de l'Yser")),
        ("Rue de la Station 42, B-7700 Mouscron", "Rue de la Station 42, B-7700 Mouscron", "ADDRESS", ("ADDRESS", "Rue de la Station 42")),
        ("avenue Pierre Mendès-France - Montivilliers - 76290", "avenue Pierre Mendès-France - Montivilliers", "ADDRESS", ("ADDRESS", "avenue Pierre Mendès-France")),
        ("domicile 2 allée Kergoat Guipavas", "2 allée Kergoat Guipavas", "ADDRESS", ("ADDRESS", "2 allée Kergoat")),
    ],
)
def test_what_the_words_confirm(model_places, text, entity, label, kept):
    assert read(model_places, text, entity, label) == ([kept] if kept else [])


@pytest.mark.parametrize(
    "text, entity, label",
    [
        ("Bac au lycée Montesquieu puis licence.", "Montesquieu", "CITY"),  # part of a longer name
        ("hospitalisé dans notre unité Les Vignes", "Les Vignes", "CITY"),
        ("DESTINATAIRES : Dr A.", "DESTINATAIRES", "CITY"),  # no town
        ("rentrer à Mayotte", "Mayotte", "CITY"),  # a region
        ("à grasse température", "grasse", "CITY"),  # lower case
        ("Adressée au Centre de dialyse pour séances.", "Centre de dialyse", "HOSPITAL"),  # a kind of facility
        ("Maison de santé pluriprofessionnelle", "Maison de santé pluriprofessionnelle", "HOSPITAL"),
        ("Centre Hospitalier Régional", "Centre Hospitalier Régional", "HOSPITAL"),
        ("Groupe O Rhésus négatif, RAI négatives.", "Groupe O Rhésus négatif", "HOSPITAL"),  # a blood group
        ("Suivi : CMP du Mans.", "CMP du Mans", "HOSPITAL"),  # a community service: its town is read
        ("Export des rappels SMS - campagne", "Export des rappels SMS", "HOSPITAL"),  # a code in capitals
        ("cabinet Kempf & Oberlin, 2 fois par jour", "& Oberlin", "HOSPITAL"),
        ("vu à 10h15, place assise avec jambe surélevée", "10h15, place assise avec jambe surélevée", "ADDRESS"),
        ("1 passage quotidien du canton", "1 passage quotidien", "ADDRESS"),
        ("La route du\n  littoral est basculée", "La route du\n  littoral est basculée", "ADDRESS"),
        ("score Hospital Anxiety and Depression à 14.", "Hospital Anxiety and Depression", "HOSPITAL"),  # a scale
        ("MAISON DÉPARTEMENTALE DES PERSONNES HANDICAPÉES DU VAR", "MAISON DÉPARTEMENTALE DES PERSONNES HANDICAPÉES DU VAR", "HOSPITAL"),
    ],
)
def test_what_nothing_confirms(model_places, text, entity, label):
    assert read(model_places, text, entity, label) == []


def test_a_rule_reading_keeps_its_extent_and_category(redactor):
    # the model reads "Clinique Sainte-Odile Haguenau" as one facility; the rules' town stays
    text = "ANATOMIE PATHOLOGIQUE - Clinique Sainte-Odile Haguenau\nDemande 2603-1187"
    findings = [(f.category, text[f.start : f.end], f.score > SCORE) for f in redactor.analyze(text)]
    assert ("CITY", "Haguenau", True) in findings, findings


@pytest.mark.parametrize(
    "text, category, value",
    [
        ("Patiente vue à Orange pour une fracture.", "CITY", "Orange"),
        ("Infirmière libérale de Sens, Mme Lefort : son patient.", "CITY", "Sens"),
        ("Elle a consulté à l'institut Joliot Curie quel que soit le motif.", "HOSPITAL", "institut Joliot Curie"),
    ],
)
def test_in_the_whole_analysis(redactor, text, category, value):
    findings = [(f.category, text[f.start : f.end]) for f in redactor.analyze(text)]
    assert (category, value) in findings, findings


# a facility's own name, read once with its kind, found again alone (places/facility_names.py)
@pytest.mark.parametrize(
    "text, again",
    [
        ("EHPAD Les Vergers du Léman\nRetour aux Vergers du Léman prévu lundi.", "Vergers du Léman"),
        ("IUCT Oncopole - Toulouse\nSuivi à l'IUCT depuis 2020.", "IUCT"),
        ("CLINIQUE MARZET - Pau\nIPP Marzet : MZ-0041877", "Marzet"),
        ("Cliniques universitaires Saint-Luc, Bruxelles\nN° de patient Saint-Luc : 4127755", "Saint-Luc"),
    ],
)
def test_a_facility_name_found_again(redactor, text, again):
    second = text.index(again, text.index("\n"))
    assert any(
        f.category == "HOSPITAL" and f.start <= second and second + len(again) <= f.end for f in redactor.analyze(text)
    ), [(f.category, text[f.start : f.end]) for f in redactor.analyze(text)]


@pytest.mark.parametrize(
    "text, word",
    [
        ("CHU de Nantes\nRetour au CHU. Nantes le 3 mars.", "Nantes"),  # a town is a town
        ("Clinique du Parc\nLe Parc est fermé.", "Parc"),  # a word of the dictionary
        ("Centre expert Parkinson - CHU de Lille\nsuivi pour une maladie de Parkinson.", "Parkinson"),  # an eponym after "de"
        ("CABINET D'EXPERTISE MEDICALE Dr Roux\nRAPPORT D'EXPERTISE MEDICALE", "EXPERTISE"),
    ],
)
def test_no_facility_name_spread_to(redactor, text, word):
    second = text.index(word, text.index("\n"))
    assert not any(
        f.category == "HOSPITAL" and f.start <= second < f.end for f in redactor.analyze(text)
    ), [(f.category, text[f.start : f.end]) for f in redactor.analyze(text)]
