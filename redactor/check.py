"""Warnings for the clinician typing a note: each special-category finding, explained.

The explanations are data (`models/special/explanations.yaml`). A warning carries offsets, never
the note's text, so it can be logged or sent over the wire without leaking content.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from redactor.findings import SPECIAL_CATEGORIES, Finding, Subject, is_special
from redactor.paths import models_dir
from redactor.recognizers.special.vocabulary import (
    VOCABULARY_DIR,
    VocabularyError,
    read_yaml,
)

EXPLANATIONS_FILE = "explanations.yaml"
_NOTE_NAMES = ("negated", "hypothetical", "reported", "family", "other")


@dataclass(frozen=True)
class CategoryExplanation:
    label: str
    why: str
    suggestion: str


@dataclass(frozen=True)
class CheckWarning:
    """A sensitive passage in a note being written, and what to do about it (in French)."""

    finding: Finding
    label: str
    why: str
    suggestion: str
    notes: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The explanation as one text: label, reason, context notes, suggestion."""
        return " ".join((f"{self.label} :", self.why, *self.notes, self.suggestion))

    def to_dict(self) -> dict:
        return {
            "finding": self.finding.to_dict(),
            "label": self.label,
            "why": self.why,
            "suggestion": self.suggestion,
            "notes": list(self.notes),
            "message": self.message,
        }


@dataclass(frozen=True)
class Explanations:
    categories: dict[str, CategoryExplanation]
    notes: dict[str, str]

    def warnings(self, findings: list[Finding]) -> list[CheckWarning]:
        """One warning per special-category finding, in text order."""
        warnings = []
        for finding in findings:
            if not is_special(finding.category):
                continue
            explanation = self.categories[finding.category]
            warnings.append(
                CheckWarning(
                    finding=finding,
                    label=explanation.label,
                    why=explanation.why,
                    suggestion=explanation.suggestion,
                    notes=self._notes(finding),
                )
            )
        return warnings

    def _notes(self, finding: Finding) -> tuple[str, ...]:
        qualifiers = finding.qualifiers
        if qualifiers is None:
            return ()
        chosen = [name for name in ("negated", "hypothetical", "reported") if getattr(qualifiers, name)]
        if qualifiers.subject is not Subject.PATIENT:
            chosen.append(qualifiers.subject.value)
        return tuple(self.notes[name] for name in chosen)


@lru_cache(maxsize=1)
def load_explanations() -> Explanations:
    """The explanations file, checked to cover every special category."""
    data = read_yaml(models_dir() / VOCABULARY_DIR / EXPLANATIONS_FILE)
    raw_categories = data.get("categories")
    raw_notes = data.get("notes")
    if not isinstance(raw_categories, dict) or not isinstance(raw_notes, dict):
        raise VocabularyError(f"{EXPLANATIONS_FILE}: expected 'categories' and 'notes' mappings")
    categories = {}
    for category in SPECIAL_CATEGORIES:
        entry = raw_categories.get(category)
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("label", "why", "suggestion")
        ):
            raise VocabularyError(f"{EXPLANATIONS_FILE}: {category} needs a label, a why and a suggestion")
        categories[category] = CategoryExplanation(entry["label"], entry["why"], entry["suggestion"])
    unknown = set(raw_categories) - set(SPECIAL_CATEGORIES)
    if unknown:
        raise VocabularyError(f"{EXPLANATIONS_FILE}: unknown categories {sorted(unknown)}")
    if set(raw_notes) != set(_NOTE_NAMES) or not all(isinstance(v, str) for v in raw_notes.values()):
        raise VocabularyError(f"{EXPLANATIONS_FILE}: notes must be exactly {', '.join(_NOTE_NAMES)}")
    return Explanations(categories, dict(raw_notes))
