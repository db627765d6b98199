"""The learned special-category NER (models/special_ner/): opt-in, on the shared doc, qualified
like any finding, and failing clearly when its model is missing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from redactor import Redactor
from redactor.errors import ConfigurationError, RedactorError
from redactor.findings import SPECIAL_CATEGORIES, Subject
from redactor.recognizers.registry import LEARNED_VARIABLE, learned_from_environment
from redactor.recognizers.special.learned import (
    DETECTOR_NAME,
    PIECE_TOKENS,
    SpecialCategoryNer,
    SpecialNerError,
    load_special_ner,
)

# Written for these tests. The vocabularies know "syndicat" and "délégué CGT", not the
# staff delegate's office, which the model reads as a union mandate.
DELEGATE = "Militant actif au syndicat depuis vingt ans, délégué du personnel."
NEVER_DELEGATE = "Il n'a jamais été délégué du personnel."
BROTHER_DELEGATE = "Son frère, délégué du personnel, l'accompagne."
# What the model finds on its own (the vocabularies find these too)
ON_ITS_OWN = [
    ("Patient incarcéré à la maison d'arrêt de Fresnes depuis 2022.", "incarcéré", "CRIMINAL"),
    ("Il a été condamné à deux ans de prison avec sursis.", "condamné", "CRIMINAL"),
    ("Elle est témoin de Jéhovah et refuse la transfusion.", "Jéhovah", "RELIGION"),
    ("Il suit un traitement de substitution par buprénorphine.", "buprénorphine", "HEALTH_SENSITIVE"),
]


@pytest.fixture(scope="module")
def learned(redactor: Redactor) -> Redactor:
    return Redactor(key=redactor.key, nlp=redactor.nlp, learned_special=True)


def ner_findings(redactor: Redactor, text: str):
    return [f for f in redactor.analyze(text) if f.detector == DETECTOR_NAME]


def test_off_by_default(redactor: Redactor):
    assert not any(isinstance(d, SpecialCategoryNer) for d in redactor.detectors)
    assert ner_findings(redactor, NEVER_DELEGATE) == []


@pytest.mark.parametrize(("text", "word", "category"), ON_ITS_OWN)
def test_the_model_alone(learned: Redactor, text: str, word: str, category: str):
    detector = next(d for d in learned.detectors if isinstance(d, SpecialCategoryNer))
    findings = list(detector.find(text, learned.nlp(text)))
    start = text.index(word)
    assert any(f.category == category and f.start <= start and start + len(word) <= f.end for f in findings)
    assert all(0 <= f.start < f.end <= len(text) and f.detector == DETECTOR_NAME for f in findings)


def test_beside_the_vocabularies(redactor: Redactor, learned: Redactor):
    assert not ner_findings(redactor, DELEGATE)
    found = {(DELEGATE[f.start : f.end], f.category, f.detector) for f in learned.analyze(DELEGATE)}
    assert ("syndicat", "TRADE_UNION", "special.political.unions") in found  # the vocabulary's reading
    assert any(f[2] == DETECTOR_NAME and f[0].startswith("délégué") and f[1] == "TRADE_UNION" for f in found)
    assert "délégué" not in learned.redact(DELEGATE).text


def test_its_findings_are_qualified(redactor: Redactor, learned: Redactor):
    assert not [f for f in redactor.analyze(NEVER_DELEGATE) if f.category in SPECIAL_CATEGORIES]
    (never,) = ner_findings(learned, NEVER_DELEGATE)
    assert never.qualifiers.negated and never.qualifiers.subject is Subject.PATIENT
    (brother,) = ner_findings(learned, BROTHER_DELEGATE)
    assert not brother.qualifiers.negated and brother.qualifiers.subject is Subject.FAMILY


def test_long_note_read_in_pieces_finds_the_end(learned: Redactor):
    sentence, word, category = ON_ITS_OWN[0]
    filler = "Examen clinique sans particularité, tension normale.\n" * (PIECE_TOKENS // 4)
    text = filler + sentence
    doc = learned.nlp(text)
    assert len(doc) > 2 * PIECE_TOKENS
    detector = next(d for d in learned.detectors if isinstance(d, SpecialCategoryNer))
    start = len(filler) + sentence.index(word)
    findings = list(detector.find(text, doc))
    assert any(f.category == category and f.start <= start < f.end for f in findings)
    assert all(f.start >= len(filler) for f in findings)  # nothing in the filler


def test_labels_are_special_categories():
    assert set(load_special_ner().get_pipe("ner").labels) == set(SPECIAL_CATEGORIES)


def test_missing_model_fails_clearly(tmp_path):
    with pytest.raises(SpecialNerError, match="cannot load") as raised:
        load_special_ner(tmp_path)
    assert isinstance(raised.value, RedactorError)  # the commands report it in one line


def test_environment_names_the_learned_detectors(monkeypatch):
    monkeypatch.setenv(LEARNED_VARIABLE, " special , excessive ")
    assert learned_from_environment() == {"special", "excessive"}
    monkeypatch.setenv(LEARNED_VARIABLE, "")
    assert learned_from_environment() == frozenset()
    monkeypatch.setenv(LEARNED_VARIABLE, "special,sentiment")
    with pytest.raises(ConfigurationError, match="sentiment"):
        learned_from_environment()


def test_service_refuses_an_unknown_learned_detector_before_starting():
    environment = {**os.environ, LEARNED_VARIABLE: "special,sentiment"}
    done = subprocess.run(
        [sys.executable, "-m", "redactor.cli", "serve", "--listen", "127.0.0.1:0"],
        env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert "sentiment" in done.stderr and "special, excessive" in " ".join(done.stderr.split())
