"""The `redactor` spaCy component: redactor's findings as `doc.spans["redactor"]`.

    import spacy
    nlp = spacy.blank("fr")          # or any French pipeline
    nlp.add_pipe("redactor")         # found through the `spacy_factories` entry point
    doc = nlp(text)
    for span in doc.spans["redactor"]:
        span.label_, span._.redactor_score, span._.redactor_detector, span._.redactor_qualifiers

Each span's label is the category; `_.redactor_qualifiers` is a dict (negated, hypothetical,
reported, subject) on special categories and None on identifiers. A finding that does not
fall on the pipeline's token boundaries is widened to whole tokens (never narrowed);
`_.redactor_start` / `_.redactor_end` keep its exact character offsets. With
`config={"policy": "export"}` the component also sets `doc._.redacted_text`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from redactor.shared import shared_redactor

if TYPE_CHECKING:
    from redactor.engine import Redactor

SPANS_KEY = "redactor"
_SPAN_ATTRIBUTES = ("redactor_score", "redactor_detector", "redactor_qualifiers", "redactor_start", "redactor_end")

for _attribute in _SPAN_ATTRIBUTES:
    if not Span.has_extension(_attribute):
        Span.set_extension(_attribute, default=None)
if not Doc.has_extension("redacted_text"):
    Doc.set_extension("redacted_text", default=None)


class RedactorComponent:
    """Runs Redactor.analyze on each doc's text (and Redactor.apply when given a policy)."""

    def __init__(self, redactor: Redactor | None = None, policy: str | None = None):
        self._redactor = redactor
        self._policy = policy
        if policy is not None:
            self.redactor.policy(policy)  # an unknown policy fails when the pipe is added

    @property
    def redactor(self) -> Redactor:
        return self._redactor or shared_redactor()

    def __call__(self, doc: Doc) -> Doc:
        findings = self.redactor.analyze(doc.text)
        spans = []
        for finding in findings:
            span = doc.char_span(finding.start, finding.end, label=finding.category, alignment_mode="expand")
            if span is None:  # only whitespace tokens there: nothing to label
                continue
            span._.redactor_score = finding.score
            span._.redactor_detector = finding.detector
            span._.redactor_qualifiers = finding.qualifiers.to_dict() if finding.qualifiers else None
            span._.redactor_start, span._.redactor_end = finding.start, finding.end
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        if self._policy is not None:
            policy = self.redactor.policy(self._policy)
            doc._.redacted_text = self.redactor.apply(doc.text, findings, policy).text
        return doc


@Language.factory("redactor", default_config={"policy": None})
def make_redactor(nlp: Language, name: str, policy: str | None) -> RedactorComponent:
    """spaCy factory: `nlp.add_pipe("redactor", config={"policy": None})`."""
    return RedactorComponent(policy=policy)
