"""A detector plugin for the batch tests: fails on any note that contains a marker.

Loaded with `--detector-plugin poison_plugin:make_detectors` (tests/data/batch on PYTHONPATH);
it stands for a detector that breaks on one record in an archive.
"""

from __future__ import annotations

from redactor.recognizers.base import Detector

MARKER = "POISON-PILL"


class FailsOnMarker(Detector):
    """Raises on a note containing MARKER, finds nothing elsewhere."""

    def __init__(self) -> None:
        super().__init__(name="FailsOnMarker", categories=["PERSON"])

    def find(self, text, doc):
        if MARKER in text:
            raise RuntimeError("detector broke on this note")
        return []


def make_detectors() -> list[Detector]:
    return [FailsOnMarker()]
