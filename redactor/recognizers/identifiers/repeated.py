"""PATIENT_ID: every other occurrence, in the same note, of a record number found once.

A trial's e-mail names "Patiente n° 07-014" once with its label and "patiente 07-014" in its
subject line and body; a lab sheet prints the IPP after its label and again on the tube's
label. The detectors read each occurrence on its own; this step, run on the candidates of all
of them, adds the others.
"""

from __future__ import annotations

import re

from redactor.findings import Finding

_MIN_SCORE = 0.8  # a label or a layout's evidence, not a bare number's shape
_MIN_LENGTH = 5
_MIN_DIGITS = 3
_MAX_VALUES = 50  # the alternation stays small on a note that lists thousands of numbers


def with_repeated_record_numbers(candidates: list[Finding], text: str) -> list[Finding]:
    """`candidates` and, for each record number among them, its other occurrences in `text`
    as whole tokens (not inside a longer number, a date or a web address)."""
    values = sorted(
        {
            text[f.start : f.end]
            for f in candidates
            if f.category == "PATIENT_ID"
            and f.score >= _MIN_SCORE
            and f.end - f.start >= _MIN_LENGTH
            and sum(c.isdigit() for c in text[f.start : f.end]) >= _MIN_DIGITS
        },
        key=len,
        reverse=True,
    )[:_MAX_VALUES]
    if not values:
        return candidates
    found = {(f.start, f.end) for f in candidates if f.category == "PATIENT_ID"}
    pattern = re.compile(rf"(?<![\w\-/.])(?:{'|'.join(map(re.escape, values))})(?![\w\-]|[/.]\w)")
    repeated = [
        Finding(match.start(), match.end(), "PATIENT_ID", 0.9, "patient_id.repeated")
        for match in pattern.finditer(text)
        if match.span() not in found
    ]
    return candidates + repeated
