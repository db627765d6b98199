"""The rule a finding names does not depend on the order Presidio happens to run detectors in."""

from __future__ import annotations

import spacy

from redactor.engine import _Analyzer, _DetectorsOwnTheirContext, _PipelineNlpEngine
from redactor.findings import Finding
from redactor.recognizers.base import DETECTOR_KEY, Detector
from presidio_analyzer import RecognizerRegistry


class _Fixed(Detector):
    """Finds the first word of any text, naming its own rule."""

    def __init__(self, rule: str):
        super().__init__(name=rule, categories=["PERSON"])
        self.rule = rule

    def find(self, text, doc):
        return [Finding(0, text.index(" "), "PERSON", 0.8, self.rule)]


def _kept_rule(detectors: list[Detector]) -> str:
    nlp = spacy.blank("fr")
    analyzer = _Analyzer(
        registry=RecognizerRegistry(recognizers=detectors, supported_languages=["fr"]),
        nlp_engine=_PipelineNlpEngine(nlp),
        supported_languages=["fr"],
        context_aware_enhancer=_DetectorsOwnTheirContext(),
    )
    text = "Martin est venu."
    artifacts = analyzer.nlp_engine._doc_to_nlp_artifact(nlp(text), "fr")
    [result] = analyzer.analyze(text=text, language="fr", entities=["PERSON"], nlp_artifacts=artifacts)
    return result.recognition_metadata[DETECTOR_KEY]


def test_of_two_equal_findings_the_first_registered_detector_is_named():
    # Presidio passes the recognizers through a set (an order that follows their addresses in
    # memory): with fresh objects each time, twenty tries in each order see both orders
    for _ in range(20):
        assert _kept_rule([_Fixed("a.rule"), _Fixed("b.rule")]) == "a.rule"
        assert _kept_rule([_Fixed("b.rule"), _Fixed("a.rule")]) == "b.rule"
