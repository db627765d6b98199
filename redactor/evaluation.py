"""Scoring findings against annotated gold notes (format: tests/data/ANNOTATION.md).

- entity recall: a gold span counts as found when findings of its category cover all of its
  letters and digits (a facility or a place that reveals a special category counts for both);
- precision: a finding counts as right when it overlaps a gold span of its category;
- character-level redaction recall: share of the gold spans' letters and digits covered by any
  finding (spaces and punctuation leak nothing);
- notes with nothing leaked: notes whose gold characters are all covered by some finding;
- traps flagged: share of trap spans overlapped by a special-category finding;
- qualifier accuracy: on gold special spans found with their category, share of qualifiers
  (negated, hypothetical, reported, subject) equal to the gold ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from redactor.findings import IDENTIFIER_CATEGORIES, SPECIAL_CATEGORIES, Finding, Qualifiers

SCOPES = {
    "identifiers": frozenset(IDENTIFIER_CATEGORIES),
    "special": frozenset(SPECIAL_CATEGORIES),
    "all": frozenset(IDENTIFIER_CATEGORIES + SPECIAL_CATEGORIES),
}
QUALIFIER_FIELDS = ("negated", "hypothetical", "reported", "subject")
# scored on GENETIC spans only; gold without it means germline
GENETIC_QUALIFIER_FIELDS = ("somatic",)


@dataclass(frozen=True)
class GoldNote:
    id: str
    text: str
    spans: list[dict]
    traps: list[dict]


def read_gold(path: Path) -> list[GoldNote]:
    notes = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                notes.append(GoldNote(str(raw["id"]), raw["text"], raw["spans"], raw.get("traps", [])))
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path.name}: line {number}: not a gold note ({error.__class__.__name__})") from None
    return notes


def infer_scope(notes: list[GoldNote]) -> str:
    categories = {span["category"] for note in notes for span in note.spans}
    has_identifiers = bool(categories & SCOPES["identifiers"])
    has_special = bool(categories & SCOPES["special"]) or any(note.traps for note in notes)
    if has_identifiers and has_special:
        return "all"
    return "special" if has_special else "identifiers"


@dataclass
class CategoryCounts:
    gold: int = 0
    gold_found: int = 0
    predicted: int = 0
    predicted_right: int = 0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.predicted_right / self.predicted if self.predicted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class MissedSpan:
    note_id: str
    category: str
    start: int
    end: int
    kind: str  # "missed" or "false_positive" or "trap"


@dataclass
class EvaluationReport:
    scope: str
    notes: int = 0
    per_category: dict[str, CategoryCounts] = field(default_factory=dict)
    gold_characters: int = 0
    covered_characters: int = 0
    notes_without_leak: int = 0
    traps: int = 0
    traps_flagged: int = 0
    qualifier_checks: dict[str, list[int]] = field(
        default_factory=lambda: {f: [0, 0] for f in QUALIFIER_FIELDS + GENETIC_QUALIFIER_FIELDS}
    )
    qualifier_spans: int = 0
    qualifier_spans_all_right: int = 0
    errors: list[MissedSpan] = field(default_factory=list)

    def counts(self, category: str) -> CategoryCounts:
        return self.per_category.setdefault(category, CategoryCounts())

    @property
    def total(self) -> CategoryCounts:
        total = CategoryCounts()
        for counts in self.per_category.values():
            total.gold += counts.gold
            total.gold_found += counts.gold_found
            total.predicted += counts.predicted
            total.predicted_right += counts.predicted_right
        return total

    @property
    def character_recall(self) -> float:
        return self.covered_characters / self.gold_characters if self.gold_characters else 1.0

    @property
    def leak_free_share(self) -> float:
        return self.notes_without_leak / self.notes if self.notes else 1.0

    @property
    def trap_flag_rate(self) -> float:
        return self.traps_flagged / self.traps if self.traps else 0.0

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifier_spans_all_right / self.qualifier_spans if self.qualifier_spans else 1.0

    def to_dict(self) -> dict:
        return {
            "scope": self.scope,
            "notes": self.notes,
            "categories": {
                category: {
                    "gold": c.gold,
                    "predicted": c.predicted,
                    "recall": round(c.recall, 4),
                    "precision": round(c.precision, 4),
                    "f1": round(c.f1, 4),
                }
                for category, c in sorted(self.per_category.items())
            },
            "micro": {"recall": round(self.total.recall, 4), "precision": round(self.total.precision, 4)},
            "character_recall": round(self.character_recall, 4),
            "notes_without_leak": round(self.leak_free_share, 4),
            "traps": self.traps,
            "trap_flag_rate": round(self.trap_flag_rate, 4),
            "qualifier_accuracy": round(self.qualifier_accuracy, 4),
            "qualifier_field_accuracy": {
                f: round(right / total, 4) if total else 1.0 for f, (right, total) in self.qualifier_checks.items()
            },
        }


def _covered(text: str, intervals: list[tuple[int, int]], start: int, end: int) -> int:
    """Letters and digits of text[start:end] covered by the union of `intervals` (spaces and
    punctuation leak nothing, so they are not counted)."""
    covered = 0
    cursor = start
    for a, b in sorted(intervals):
        if b <= cursor or a >= end:
            continue
        a = max(a, cursor)
        b = min(b, end)
        if b > a:
            covered += _alnum(text, a, b)
            cursor = b
    return covered


def _alnum(text: str, start: int, end: int) -> int:
    return sum(ch.isalnum() for ch in text[start:end])


def score_note(report: EvaluationReport, note: GoldNote, findings: list[Finding]) -> None:
    """Add one note's gold spans and findings to `report`."""
    in_scope = SCOPES[report.scope]
    gold = [s for s in note.spans if s["category"] in in_scope]
    predicted = [f for f in findings if f.category in in_scope]
    by_category: dict[str, list[tuple[int, int]]] = {}
    for finding in predicted:
        by_category.setdefault(finding.category, []).append((finding.start, finding.end))
    # a facility or a place that reveals a special category is a finding of that category too
    revealing = [f for f in findings if f.reveals in in_scope]
    for finding in revealing:
        by_category.setdefault(finding.reveals, []).append((finding.start, finding.end))
    everything = [(f.start, f.end) for f in predicted + revealing]
    report.notes += 1
    leaked = False
    for span in gold:
        counts = report.counts(span["category"])
        counts.gold += 1
        length = _alnum(note.text, span["start"], span["end"])
        same = _covered(note.text, by_category.get(span["category"], []), span["start"], span["end"])
        if same == length:
            counts.gold_found += 1
        else:
            report.errors.append(MissedSpan(note.id, span["category"], span["start"], span["end"], "missed"))
        covered_any = _covered(note.text, everything, span["start"], span["end"])
        report.gold_characters += length
        report.covered_characters += covered_any
        leaked = leaked or covered_any < length
        if "qualifiers" in span and same > 0:
            _score_qualifiers(report, span, predicted)
    report.notes_without_leak += not leaked
    for finding in predicted:
        counts = report.counts(finding.category)
        counts.predicted += 1
        if any(
            s["category"] == finding.category and s["start"] < finding.end and finding.start < s["end"] for s in gold
        ):
            counts.predicted_right += 1
        else:
            report.errors.append(
                MissedSpan(note.id, finding.category, finding.start, finding.end, "false_positive")
            )
    if report.scope != "identifiers":
        special = [f for f in findings if f.category in SCOPES["special"]]
        for trap in note.traps:
            report.traps += 1
            if any(f.start < trap["end"] and trap["start"] < f.end for f in special):
                report.traps_flagged += 1
                report.errors.append(MissedSpan(note.id, "TRAP", trap["start"], trap["end"], "trap"))


def _score_qualifiers(report: EvaluationReport, span: dict, predicted: list[Finding]) -> None:
    match = next(
        (
            f
            for f in predicted
            if f.category == span["category"] and f.start < span["end"] and span["start"] < f.end
        ),
        None,
    )
    if match is None:
        return
    expected = span["qualifiers"]
    actual = (match.qualifiers or Qualifiers()).to_dict()
    all_right = True
    fields = QUALIFIER_FIELDS + (GENETIC_QUALIFIER_FIELDS if span["category"] == "GENETIC" else ())
    for name in fields:
        right = actual[name] == expected.get(name, False)
        report.qualifier_checks[name][0] += right
        report.qualifier_checks[name][1] += 1
        all_right = all_right and right
    report.qualifier_spans += 1
    report.qualifier_spans_all_right += all_right


def evaluate(findings_per_note: Iterable[tuple[GoldNote, list[Finding]]], scope: str) -> EvaluationReport:
    report = EvaluationReport(scope=scope)
    for note, findings in findings_per_note:
        score_note(report, note, findings)
    return report


def format_report(report: EvaluationReport) -> Iterator[str]:
    yield f"scope: {report.scope}   notes: {report.notes}"
    yield f"{'category':<20}{'gold':>7}{'pred':>7}{'recall':>9}{'precision':>11}{'f1':>8}"
    for category, counts in sorted(report.per_category.items()):
        yield (
            f"{category:<20}{counts.gold:>7}{counts.predicted:>7}{counts.recall:>9.3f}"
            f"{counts.precision:>11.3f}{counts.f1:>8.3f}"
        )
    total = report.total
    yield f"{'micro':<20}{total.gold:>7}{total.predicted:>7}{total.recall:>9.3f}{total.precision:>11.3f}{total.f1:>8.3f}"
    yield f"character-level redaction recall: {report.character_recall:.4f}"
    yield f"notes with nothing leaked: {report.notes_without_leak}/{report.notes} ({report.leak_free_share:.3f})"
    if report.scope != "identifiers":
        yield f"traps flagged as special: {report.traps_flagged}/{report.traps} ({report.trap_flag_rate:.3f})"
        yield f"qualifiers all correct: {report.qualifier_spans_all_right}/{report.qualifier_spans} ({report.qualifier_accuracy:.3f})"
        for name, (right, total_checks) in report.qualifier_checks.items():
            if total_checks:
                yield f"  {name:<14}{right / total_checks:.3f} ({right}/{total_checks})"
