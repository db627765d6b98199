"""Presidio interop: redactor's French detection as a Presidio `EntityRecognizer`, and
`RecognizerResult`s for code that already speaks Presidio.

    from presidio_analyzer import AnalyzerEngine
    from redactor.presidio import RedactorRecognizer

    analyzer = AnalyzerEngine(nlp_engine=..., supported_languages=["fr"])   # any French engine
    analyzer.registry.add_recognizer(RedactorRecognizer())
    analyzer.analyze(text, language="fr")

The recognizer runs the whole redactor analysis (normalisation, our pipeline, every detector,
overlap resolution, qualifiers) on the text it is given, whatever NLP engine the analyzer
uses: entity types are redactor's categories (PERSON, NIR, DATE, HEALTH_SENSITIVE...), and
`recognition_metadata` carries the detector and, on special categories, the qualifiers; on a
facility whose name reveals a special category, that category (`reveals`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redactor.findings import ALL_CATEGORIES, Finding
from redactor.shared import shared_redactor

if TYPE_CHECKING:
    from redactor.engine import Redactor

DETECTOR_KEY = "detector"
QUALIFIERS_KEY = "qualifiers"
REVEALS_KEY = "reveals"


def to_recognizer_result(finding: Finding, recognizer_name: str = "RedactorRecognizer") -> RecognizerResult:
    """One finding as a Presidio result (offsets unchanged: code points of the analysed text)."""
    metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: recognizer_name, DETECTOR_KEY: finding.detector}
    if finding.qualifiers is not None:
        metadata[QUALIFIERS_KEY] = finding.qualifiers.to_dict()
    if finding.reveals is not None:
        metadata[REVEALS_KEY] = finding.reveals
    explanation = AnalysisExplanation(
        recognizer=recognizer_name, original_score=finding.score, textual_explanation=f"redactor {finding.detector}"
    )
    return RecognizerResult(
        finding.category,
        finding.start,
        finding.end,
        finding.score,
        analysis_explanation=explanation,
        recognition_metadata=metadata,
    )


def analyze(text: str, redactor: Redactor | None = None) -> list[RecognizerResult]:
    """redactor's findings in `text` as Presidio `RecognizerResult`s."""
    return [to_recognizer_result(finding) for finding in (redactor or shared_redactor()).analyze(text)]


class RedactorRecognizer(EntityRecognizer):
    """Every redactor detector as one Presidio recognizer for French (`language="fr"`)."""

    def __init__(self, redactor: Redactor | None = None, entities: list[str] | None = None):
        self._redactor = redactor
        super().__init__(
            supported_entities=list(entities or ALL_CATEGORIES), name="RedactorRecognizer", supported_language="fr"
        )

    def load(self) -> None:
        """The Redactor loads on first use (or is given), once per process."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        redactor = self._redactor or shared_redactor()
        wanted = set(entities or self.supported_entities) & set(self.supported_entities)
        return [to_recognizer_result(f, self.name) for f in redactor.analyze(text) if f.category in wanted]
