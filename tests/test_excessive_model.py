"""The learned excessive-comment detector (models/excessive/), on the real model and pipeline.

The sentences here are not in the training files (a test checks it). The classifier keeps about
a third of held-out judgemental sentences at its threshold (models/excessive/eval.json): these
cases pin its behaviour, they do not measure it (bench/excessive_model.py does).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from redactor import Redactor
from redactor.errors import DetectionError
from redactor.normalise import normalise
from redactor.recognizers.special.excessive import (
    DETECTOR_NAME,
    ExcessiveCommentModel,
    ExcessiveModel,
    ExcessiveModelError,
    load_excessive_model,
    model_words,
    sentences,
)

DATA = Path(__file__).resolve().parents[1] / "models" / "excessive" / "data"

JUDGEMENTAL = [
    "Patiente insupportable qui se plaint sans arrêt.",
    "Encore une mère complètement à côté de la plaque.",
    "Ce patient est un menteur doublé d'un profiteur.",
    "La famille est une bande de profiteurs.",
    "Elle pleurniche pour un rien, quelle comédienne.",
    "On dit au village qu'elle couche avec le facteur.",
    "Il paraît que le mari fréquente des prostituées.",
    "Ado insupportable et mal élevé.",
    "Une vraie plaie cette famille.",
    "Le fils est un parasite qui vit aux crochets de ses parents.",
    "PATIENTE INSUPPORTABLE QUI SE PLAINT SANS ARRET.",
]
NEUTRAL = [
    "Douleur thoracique pénible à l'effort.",
    "Le patient dit être fatigué de ses douleurs.",
    "Aucun trouble du comportement noté cette semaine.",
    "Famille très présente, visite quotidienne de la fille.",
    "Score MMSE 24/30.",
    "Patient confus la nuit, désorienté.",
    "Selon sa fille, il a chuté hier soir.",
    "Refuse la prise de sang, explications données.",
    "Elle dit que son mari l'aide beaucoup.",
    "Hygiène correcte, autonome pour la toilette.",
    "Traitement difficile à équilibrer.",
    "Arrêt de travail de 10 jours pour lombalgie.",
]


@pytest.fixture(scope="module")
def detector() -> ExcessiveCommentModel:
    return ExcessiveCommentModel()


@pytest.fixture(scope="module")
def redactor(redactor: Redactor) -> Redactor:
    """The classifier is off by default (it did not earn its place on the blind set, see
    models/excessive/README.md): these tests switch it on."""
    return Redactor(key=redactor.key, nlp=redactor.nlp, learned_excessive=True)


def model_findings(redactor: Redactor, text: str):
    return [f for f in redactor.analyze(text) if f.detector == DETECTOR_NAME]


def test_test_sentences_are_not_training_sentences():
    training = {
        " ".join(model_words(line))
        for path in DATA.glob("*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert not [s for s in JUDGEMENTAL + NEUTRAL if " ".join(model_words(s)) in training]


def test_training_data_has_the_size_the_brief_asks():
    def count(pattern: str) -> int:
        return sum(
            1
            for path in DATA.glob(pattern)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        )

    assert count("positive_*.txt") >= 600
    assert count("negative_*.txt") >= 600


@pytest.mark.parametrize("sentence", JUDGEMENTAL)
def test_judgemental_sentences_are_found(detector: ExcessiveCommentModel, sentence: str):
    findings = list(detector.find(normalise(sentence).text))
    assert findings and all(f.category == "EXCESSIVE_COMMENT" for f in findings)


@pytest.mark.parametrize("sentence", NEUTRAL)
def test_neutral_sentences_are_not(detector: ExcessiveCommentModel, sentence: str):
    assert list(detector.find(normalise(sentence).text)) == []


def test_in_a_note_only_the_judgemental_sentence_is_a_finding(redactor: Redactor):
    note = (
        "Motif : douleurs abdominales depuis 2 jours.\n"
        "Abdomen souple, pas de défense. On raconte au village que cette famille vit de combines.\n"
        "Conclusion : colopathie fonctionnelle, revoir dans un mois."
    )
    findings = model_findings(redactor, note)
    assert [note[f.start : f.end] for f in findings] == ["On raconte au village que cette famille vit de combines."]
    assert findings[0].category == "EXCESSIVE_COMMENT"


def test_offsets_are_on_the_original_text(redactor: Redactor):
    note = "TA 12/8.\u200b On raconte au village que cette famille\u200b vit de combines."
    findings = model_findings(redactor, note)
    assert [note[f.start : f.end] for f in findings] == ["On raconte au village que cette famille\u200b vit de combines."]


def test_other_categories_keep_their_span_inside_a_flagged_sentence(redactor: Redactor):
    note = "Mme Lefebvre est une vraie plaie, vient encore pour rien."
    findings = redactor.analyze(note)
    assert any(f.category == "PERSON" and note[f.start : f.end] == "Lefebvre" for f in findings)
    assert any(f.category == "EXCESSIVE_COMMENT" for f in findings)


def test_it_is_off_by_default_and_can_be_switched_on_and_off(redactor: Redactor):
    without = Redactor(nlp=redactor.nlp)
    note = "On dit au village qu'elle couche avec le facteur."
    assert model_findings(redactor, note)
    assert not model_findings(without, note)
    assert not any(isinstance(d, ExcessiveCommentModel) for d in without.detectors)


def test_the_clinicians_check_does_not_run_it(redactor: Redactor):
    assert redactor.check("On raconte au village que cette famille vit de combines.") == []


def test_a_broken_model_fails_the_call(redactor: Redactor):
    broken = ExcessiveCommentModel(ExcessiveModel(spacy.blank("fr"), 0.5))  # no textcat
    failing = Redactor(nlp=redactor.nlp, learned_excessive=False, extra_detectors=[broken])
    with pytest.raises(DetectionError):
        failing.analyze("Patiente insupportable qui se plaint sans arrêt.")


def test_a_missing_model_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ExcessiveModelError):
        load_excessive_model(tmp_path)


def test_sentences_cut_lines_and_full_stops_and_keep_offsets():
    text = "Toux. Fièvre à 39 !\nVu avec sa fille\n\n-- \nOK"
    assert [text[s:e] for s, e in sentences(text)] == ["Toux.", "Fièvre à 39 !", "Vu avec sa fille"]


def test_long_sentences_are_scored_in_clause_groups():
    text = ", ".join(["douleur abdominale diffuse sans défense"] * 20) + "."
    spans = sentences(text)
    assert len(spans) > 1
    assert all(e - s <= 300 for s, e in spans)
    assert text[spans[0][0] : spans[-1][1]] == text
