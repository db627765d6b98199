"""What every redactor detector is: a Presidio recognizer that yields candidate findings."""

from __future__ import annotations

from abc import abstractmethod
from typing import Iterable

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.language import Language
from spacy.tokens import Doc

from redactor.findings import Finding

DETECTOR_KEY = "detector"


class Detector(LocalRecognizer):
    """A recognizer over the normalised text and its spaCy doc.

    Subclasses implement `find`, yielding `Finding`s in normalised-text offsets; the
    `detector` of each finding names the rule or model that produced it.
    """

    def __init__(self, name: str, categories: list[str]):
        super().__init__(supported_entities=categories, name=name, supported_language="fr")

    def load(self) -> None:
        """Vocabularies load in the constructor; nothing is deferred."""

    def pipelines(self) -> list[Language]:
        """The spaCy pipelines this detector runs besides the Redactor's own: each note's new
        words are freed from their vocabularies too (see `Redactor.transient_words`)."""
        return []

    @abstractmethod
    def find(self, text: str, doc: Doc) -> Iterable[Finding]:
        """Candidate findings in `text` (normalised), with `doc` its spaCy analysis."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        return [
            RecognizerResult(
                finding.category,
                finding.start,
                finding.end,
                finding.score,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    DETECTOR_KEY: finding.detector,
                },
            )
            for finding in self.find(text, nlp_artifacts.tokens)
            if finding.category in entities
        ]
