"""The one rule that turns overlapping candidate findings into disjoint findings.

1. Candidates of the same category that overlap are merged into their union (highest score,
   detector of the highest-scoring candidate): two detectors seeing parts of one name must not
   leave a part uncovered.
2. Then candidates are taken in order of priority: higher score, then longer span, then the
   category's rank in `CATEGORY_RANK`, then earlier start, then detector name. A candidate that
   overlaps one already kept is trimmed to the parts left uncovered; pieces with no letter or
   digit are dropped, and separators at the edges of a trimmed piece are removed.

The result is sorted by start and never overlaps, so every character belongs to at most one
finding and the outcome does not depend on the order in which detectors ran.
"""

from __future__ import annotations

from dataclasses import replace

from redactor.findings import ALL_CATEGORIES, Finding

# Tie-break between categories at equal score and length: validated numbers first, then
# structured identifiers, then names and places, then special categories.
_IDENTIFIER_PRIORITY = (
    "NIR", "IBAN", "CLINICIAN_ID", "EMAIL", "URL", "IP_ADDRESS", "PHONE", "PATIENT_ID",
    "DATE", "ADDRESS", "ZIP", "HOSPITAL", "PERSON", "CITY",
)  # fmt: skip
CATEGORY_RANK: dict[str, int] = {
    category: rank
    for rank, category in enumerate(
        _IDENTIFIER_PRIORITY + tuple(c for c in ALL_CATEGORIES if c not in _IDENTIFIER_PRIORITY)
    )
}


_EDGE_SEPARATORS = " \t\n\r,;:/()[]-–—"


def _merge_same_category(candidates: list[Finding]) -> list[Finding]:
    merged: list[Finding] = []
    by_category: dict[str, list[Finding]] = {}
    for candidate in candidates:
        by_category.setdefault(candidate.category, []).append(candidate)
    for group in by_category.values():
        group.sort(key=lambda f: (f.start, f.end))
        current = group[0]
        for candidate in group[1:]:
            if candidate.start < current.end:
                best = max((current, candidate), key=lambda f: (f.score, f.length, f.detector))
                current = replace(
                    best,
                    start=min(current.start, candidate.start),
                    end=max(current.end, candidate.end),
                )
            else:
                merged.append(current)
                current = candidate
        merged.append(current)
    return merged


def _priority(finding: Finding) -> tuple:
    return (
        -finding.score,
        -finding.length,
        CATEGORY_RANK.get(finding.category, len(CATEGORY_RANK)),
        finding.start,
        finding.detector,
    )


def _uncovered_parts(finding: Finding, kept: list[tuple[int, int]]) -> list[tuple[int, int]]:
    parts = [(finding.start, finding.end)]
    for kept_start, kept_end in kept:
        next_parts = []
        for start, end in parts:
            if kept_end <= start or end <= kept_start:
                next_parts.append((start, end))
                continue
            if start < kept_start:
                next_parts.append((start, kept_start))
            if kept_end < end:
                next_parts.append((kept_end, end))
        parts = next_parts
    return parts


def resolve(candidates: list[Finding], text: str) -> list[Finding]:
    """Disjoint findings sorted by start, from possibly overlapping candidates over `text`."""
    if not candidates:
        return []
    kept: list[Finding] = []
    kept_spans: list[tuple[int, int]] = []
    for candidate in sorted(_merge_same_category(candidates), key=_priority):
        for start, end in _uncovered_parts(candidate, kept_spans):
            piece = text[start:end]
            if not any(ch.isalnum() for ch in piece):
                continue
            # a trimmed piece keeps no separator at its edges (", Lyon" -> "Lyon")
            leading = len(piece) - len(piece.lstrip(_EDGE_SEPARATORS))
            trailing = len(piece) - len(piece.rstrip(_EDGE_SEPARATORS))
            start, end = start + leading, end - trailing
            kept.append(replace(candidate, start=start, end=end))
            kept_spans.append((start, end))
    return sorted(kept, key=lambda f: (f.start, f.end))
