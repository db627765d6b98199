"""The learned special-category NER (models/special_ner/): opt-in, on the shared doc, qualified
like any finding, and failing clearly when its model is missing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from redactor import Redactor
from redactor.errors import ConfigurationError
from redactor.findings import SPECIAL_CATEGORIES, Subject
from redactor.recognizers.registry import LEARNED_VARIABLE, learned_from_environment
from redactor.recognizers.special.learned import (
    DETECTOR_NAME,
    PIECE_TOKENS,
    SpecialCategoryNer,
    SpecialNerError,
    load_special_ner,
)

# Written for these tests; the vocabularies find nothing in the first, "syndicat" but not the
# delegate's office in the second.
DRINKING_MOTHER = "Visite à domicile : la mère boit, le père est absent."
DELEGATE = "Militant actif au syndicat depuis vingt ans, délégué du personnel."


@pytest.fixture(scope="module")
def learned(redactor: Redactor) -> Redactor:
    return Redactor(key=redactor.key, nlp=redactor.nlp, learned_special=True)


def ner_findings(redactor: Redactor, text: str):
    return [f for f in redactor.analyze(text) if f.detector == DETECTOR_NAME]


def test_off_by_default(redactor: Redactor):
    assert not any(isinstance(d, SpecialCategoryNer) for d in redactor.detectors)
    assert ner_findings(redactor, DRINKING_MOTHER) == []


def test_finds_what_the_vocabularies_miss_and_qualifies_it(redactor: Redactor, learned: Redactor):
    assert not [f for f in redactor.analyze(DRINKING_MOTHER) if f.category in SPECIAL_CATEGORIES]
    (found,) = ner_findings(learned, DRINKING_MOTHER)
    assert (DRINKING_MOTHER[found.start : found.end], found.category) == ("boit", "HEALTH_SENSITIVE")
    assert found.qualifiers.subject is Subject.FAMILY and not found.qualifiers.negated
    redacted = learned.redact(DRINKING_MOTHER).text
    assert "boit" not in redacted


def test_beside_the_vocabularies(learned: Redactor):
    found = {(DELEGATE[f.start : f.end], f.category) for f in learned.analyze(DELEGATE)}
    assert ("syndicat", "TRADE_UNION") in found  # the vocabulary's reading is kept
    assert ("délégué du personnel", "TRADE_UNION") in found


def test_long_note_read_in_pieces_finds_the_end(learned: Redactor):
    filler = "Examen clinique sans particularité, tension normale.\n" * (PIECE_TOKENS // 4)
    text = filler + DRINKING_MOTHER
    doc = learned.nlp(text)
    assert len(doc) > 2 * PIECE_TOKENS
    detector = next(d for d in learned.detectors if isinstance(d, SpecialCategoryNer))
    findings = list(detector.find(text, doc))
    assert [(text[f.start : f.end], f.category) for f in findings] == [("boit", "HEALTH_SENSITIVE")]
    assert findings[0].start == len(filler) + DRINKING_MOTHER.index("boit")


def test_labels_are_special_categories():
    assert set(load_special_ner().get_pipe("ner").labels) == set(SPECIAL_CATEGORIES)


def test_missing_model_fails_clearly(tmp_path):
    with pytest.raises(SpecialNerError, match="cannot load"):
        load_special_ner(tmp_path)


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
