"""What the special-category detectors share: they read the text alone, not the spaCy doc."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.base import Detector


class TextDetector(Detector):
    """A detector that needs no spaCy analysis, so that `Redactor.check` can run it alone,
    in a few milliseconds, without the NER."""

    @abstractmethod
    def find(self, text: str, doc: Doc | None = None) -> Iterable[Finding]:
        """Candidate findings in `text` (normalised); `doc` is ignored."""
