"""Vocabularies built from nomenclatures (models/special/build_nomenclature.py): up to date,
found in notes, and silent on the homonyms their review rejected."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from redactor.recognizers.special.vocabulary import VocabularyError, conjugate

BUILD = Path(__file__).resolve().parents[1] / "models" / "special" / "build_nomenclature.py"


def test_generated_vocabulary_matches_its_sources():
    result = subprocess.run([sys.executable, str(BUILD), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "text, passage, category",
    [
        ("Antécédent de trouble schizoaffectif, hospitalisé en 2019.", "trouble schizoaffectif", "HEALTH_SENSITIVE"),
        ("Suivi pour trouble dissociatif de l'identité.", "trouble dissociatif de l'identité", "HEALTH_SENSITIVE"),
        ("Dépendance aux opioïdes depuis 10 ans.", "Dépendance aux opioïdes", "HEALTH_SENSITIVE"),
        ("Syphilis précoce latente traitée par extencilline.", "Syphilis précoce latente", "HEALTH_SENSITIVE"),
        ("Enfant sous Ritaline depuis le CP.", "sous Ritaline", "HEALTH_SENSITIVE"),
        ("Traitement par Chlorpromazine 25 mg le soir.", "Chlorpromazine", "HEALTH_SENSITIVE"),
        ("Se déplace en fauteuil roulant électrique.", "déplace en fauteuil roulant", "HEALTH_SENSITIVE"),
        ("Taux d'incapacité de 80 % reconnu.", "Taux d'incapacité de 80 %", "HEALTH_SENSITIVE"),
        ("Suivi pour TSA en hôpital de jour.", "Suivi pour TSA", "HEALTH_SENSITIVE"),
        ("Génotypage DPYD avant capécitabine : métaboliseur lent.", "Génotypage DPYD", "GENETIC"),
        ("Enfant issu d'un mariage consanguin.", "mariage consanguin", "GENETIC"),
        ("Placé sous écrou en 2021.", "Placé sous écrou", "CRIMINAL"),
        ("Parle avec un accent maghrébin marqué.", "accent maghrébin", "ETHNIC_ORIGIN"),
        ("Porte le hijab en consultation.", "hijab", "RELIGION"),
        ("Dysfonction érectile chez l'homme depuis un an.", "Dysfonction érectile chez l'homme", "SEX_LIFE"),
        # verb forms (`~v`)
        ("Elle s'est mutilée en détention.", "s'est mutilée", "HEALTH_SENSITIVE"),
        ("Il se droguera encore à sa sortie.", "se droguera", "HEALTH_SENSITIVE"),
        ("Ils ont cambriolé la pharmacie.", "cambriolé", "CRIMINAL"),
        # a typing error in a word no ordinary word is one edit from
        ("Traité par chlorpromazinne le soir.", "chlorpromazinne", "HEALTH_SENSITIVE"),
        ("Notion de trichotilomanie.", "trichotilomanie", "HEALTH_SENSITIVE"),
    ],
)
def test_nomenclature_terms_are_found(redactor, text, passage, category):
    found = [text[f.start : f.end] for f in redactor.analyze(text) if f.category == category]
    assert any(passage in span for span in found), (found, passage)


@pytest.mark.parametrize(
    "text",
    [
        "Angioscanner des troncs supra-aortiques (TSA) normal.",
        "Bourrelets épiphysaires et chapelet costal.",
        "Duplications pyélo-urétérales bilatérales, délétions de l'ADN mitochondrial non recherchées.",
        "Le cycle rapide de réplication virale a été décrit.",
        "Sarcome de Kaposi classique du sujet âgé.",
        "Hépatite chronique E chez le transplanté.",
        "Trouble du développement du langage oral, suivi en orthophonie.",
        # found on the E3C case reports: a posture, not a prayer
        "Attitude de prière et hochement de la tête.",
    ],
)
def test_rejected_homonyms_do_not_fire(redactor, text):
    flagged = [(text[f.start : f.end], f.detector) for f in redactor.analyze(text) if f.detector.startswith("special.")]
    assert flagged == [], flagged


def test_verbs_in_er_are_conjugated_with_their_spelling_changes():
    assert {"scarifie", "scarifiait", "scarifiée", "scarifiera", "scarifiant"} <= set(conjugate("scarifier"))
    assert {"mangeons", "mangeait"} <= set(conjugate("manger"))
    assert "plaçait" in conjugate("placer")
    with pytest.raises(VocabularyError):
        conjugate("boire")
