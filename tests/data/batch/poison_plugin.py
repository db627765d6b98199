"""A detector plugin for the batch tests: fails on any note that contains a marker, hangs on
any note that contains another.

Loaded with `--detector-plugin poison_plugin:make_detectors` (tests/data/batch on PYTHONPATH);
it stands for a detector that breaks, or never returns, on one record in an archive.
"""

from __future__ import annotations

import time

from redactor.recognizers.base import Detector

MARKER = "POISON-PILL"
HANG_MARKER = "HANG-PILL"


class FailsOnMarker(Detector):
    """Raises on a note containing MARKER, hangs on HANG_MARKER, finds nothing elsewhere."""

    def __init__(self) -> None:
        super().__init__(name="FailsOnMarker", categories=["PERSON"])

    def find(self, text, doc):
        if MARKER in text:
            raise RuntimeError("detector broke on this note")
        if HANG_MARKER in text:
            time.sleep(3600)
        return []


def make_detectors() -> list[Detector]:
    return [FailsOnMarker()]
