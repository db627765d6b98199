"""Homonyms found by reviewing the special-category findings on the E3C case reports
(`bench/special_e3c.py`): they stay silent, and the sensitive reading next to them still fires."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Hypertélorisme et dépression de la racine du nez.",
        "Elle garde une discrète dépression de la voûte crânienne.",
        "Sans atteinte de la dépression fovéolaire.",
        "Tuméfaction sus-patellaire en regard de la dépression.",
        "Fontanelle antérieure déprimée, yeux creux.",
        "Antécédents d'aphtose bipolaire récidivante.",
        "Deux mois de trithérapie (RHZ) associant la rifampicine.",
        "L'hypertension artérielle nécessitera une trithérapie.",
        "L'enfant est mis sous trithérapie antiulcéreuse.",
        "Score fonctionnel de PMA à 18, sans raideur.",
        "Le temps de céphaline activée (TCA) était normal.",
        "Un sevrage rapide de la noradrénaline a été conduit.",
        "Le sevrage de l'immobilisation a été progressif.",
        "Attitude de prière et hochement de la tête.",
    ],
)
def test_e3c_homonyms_are_silent(redactor, text):
    flagged = [(text[f.start : f.end], f.detector) for f in redactor.analyze(text) if f.detector.startswith("special.")]
    assert flagged == [], flagged


@pytest.mark.parametrize(
    "text, category",
    [
        ("Suivie depuis 4 ans pour une dépression.", "HEALTH_SENSITIVE"),
        ("Trouble bipolaire de type I stabilisé.", "HEALTH_SENSITIVE"),
        ("Patient sous trithérapie depuis 2010, charge virale indétectable.", "HEALTH_SENSITIVE"),
        ("Demande de PMA avec son épouse.", "HEALTH_SENSITIVE"),
        ("Sevrage alcoolique compliqué de crises.", "HEALTH_SENSITIVE"),
        ("Elle fait sa prière cinq fois par jour.", "RELIGION"),
    ],
)
def test_the_sensitive_reading_still_fires(redactor, text, category):
    assert any(f.category == category for f in redactor.analyze(text)), text
