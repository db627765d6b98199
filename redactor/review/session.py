"""A review session: notes, the engine's findings, the reviewer's decisions, and the gold file.

Each finding is `pending`, `accepted` or `rejected` (its category may be changed); spans the
engine missed are `added`. A note marked reviewed goes into the gold file, in the JSONL span
format `redactor eval` reads: its spans are the accepted, pending and added ones. Rejected
findings are kept under `rejected` (eval ignores them) so a session can resume from its file.
The gold file is the only file written (through a temporary beside it, renamed over it); when
the gold path is a directory, reviewed notes are written there as BRAT `ID.txt` + `ID.ann`.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from redactor.brat import file_stem, read_note, write_note
from redactor.findings import ALL_CATEGORIES, Finding

STATUSES = ("pending", "accepted", "rejected", "added")


class ReviewError(ValueError):
    """A request the session cannot apply; the message never quotes note text."""


@dataclass
class ReviewedSpan:
    start: int
    end: int
    category: str
    status: str = "pending"
    score: float = 1.0
    detector: str = "review"
    qualifiers: dict | None = None
    original_category: str | None = None  # the engine's, when the reviewer changed it

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @property
    def counts_as_gold(self) -> bool:
        return self.status != "rejected"


@dataclass
class ReviewNote:
    id: str
    text: str
    spans: list[ReviewedSpan]
    reviewed: bool = False

    def gold_line(self) -> dict:
        def plain(span: ReviewedSpan) -> dict:
            return {"start": span.start, "end": span.end, "category": span.category}

        ordered = sorted(self.spans, key=lambda s: (s.start, s.end))
        return {
            "id": self.id,
            "text": self.text,
            "spans": [plain(s) for s in ordered if s.counts_as_gold],
            "rejected": [plain(s) for s in ordered if not s.counts_as_gold],
            "reviewed": True,
        }


def spans_from_findings(findings: list[Finding]) -> list[ReviewedSpan]:
    return [
        ReviewedSpan(
            f.start,
            f.end,
            f.category,
            score=round(f.score, 4),
            detector=f.detector,
            qualifiers=f.qualifiers.to_dict() if f.qualifiers else None,
        )
        for f in findings
    ]


@dataclass
class ReviewSession:
    notes: list[ReviewNote]
    gold_path: Path
    source: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def note(self, index: int) -> ReviewNote:
        if not 0 <= index < len(self.notes):
            raise ReviewError(f"no note {index}")
        return self.notes[index]

    def update(self, index: int, spans: list[dict], reviewed: bool) -> ReviewNote:
        """Replace a note's spans with the reviewer's version, then save the gold file."""
        note = self.note(index)
        checked = [_checked_span(raw, len(note.text), number) for number, raw in enumerate(spans)]
        with self._lock:
            note.spans = checked
            note.reviewed = bool(reviewed)
            self.save()
        return note

    def save(self) -> None:
        """Write every reviewed note to the gold file (atomically), or as BRAT into the gold directory."""
        if self.gold_path.is_dir():
            for note in self.notes:
                if note.reviewed:
                    write_note(self.gold_path, note.id, note.text, note.gold_line()["spans"])
                else:  # marked not reviewed again: out of the gold set
                    for suffix in (".txt", ".ann"):
                        (self.gold_path / f"{file_stem(note.id)}{suffix}").unlink(missing_ok=True)
            return
        lines = [json.dumps(n.gold_line(), ensure_ascii=False) + "\n" for n in self.notes if n.reviewed]
        directory = self.gold_path.resolve().parent
        handle = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=directory, prefix=f".{self.gold_path.name}.", suffix=".partial", delete=False
        )
        try:
            with handle:
                handle.writelines(lines)
            os.replace(handle.name, self.gold_path)
        finally:
            Path(handle.name).unlink(missing_ok=True)

    def resume_from_gold(self) -> int:
        """Take the decisions of an earlier session from the gold file; returns notes resumed."""
        if not self.gold_path.exists():
            return 0
        by_id = {file_stem(note.id) if self.gold_path.is_dir() else note.id: note for note in self.notes}
        resumed = 0
        for where, saved in self._saved_notes():
            try:
                note = by_id.get(str(saved["id"]))
                if note is None or note.text != saved["text"]:
                    continue  # a note no longer in the input, or changed since: review again
                note.spans = _resumed_spans(note, saved)
            except (ValueError, KeyError, TypeError):
                raise ReviewError(f"{where}: not a gold line") from None
            note.reviewed = True
            resumed += 1
        return resumed

    def _saved_notes(self) -> Iterator[tuple[str, dict]]:
        if self.gold_path.is_dir():
            for txt in sorted(self.gold_path.glob("*.txt")):
                saved = read_note(txt)
                yield txt.name, {"id": saved.id, "text": saved.text, "spans": saved.spans}
            return
        with self.gold_path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        yield f"{self.gold_path.name}: line {number}", json.loads(line)
                    except ValueError:
                        raise ReviewError(f"{self.gold_path.name}: line {number}: not a gold line") from None


def _resumed_spans(note: ReviewNote, saved: dict) -> list[ReviewedSpan]:
    engine = {(s.start, s.end): s for s in note.spans}
    spans = []
    for status, key in (("accepted", "spans"), ("rejected", "rejected")):
        for raw in saved.get(key, []):
            span = _checked_span(raw, len(note.text), 0)
            known = engine.get((span.start, span.end))
            if known is not None:
                if known.category != span.category:
                    span.original_category = known.category
                span.score, span.detector, span.qualifiers = known.score, known.detector, known.qualifiers
                span.status = status
            else:
                span.status = "added" if status == "accepted" else "rejected"
            spans.append(span)
    mentioned = {(s.start, s.end) for s in spans}
    for (start, end), known in engine.items():  # left out of the saved gold: rejected then
        if (start, end) not in mentioned:
            spans.append(ReviewedSpan(start, end, known.category, "rejected", known.score, known.detector, known.qualifiers))
    return sorted(spans, key=lambda s: (s.start, s.end))


def _checked_span(raw: object, length: int, number: int) -> ReviewedSpan:
    if not isinstance(raw, dict):
        raise ReviewError(f"span {number}: expected an object")
    try:
        start, end, category = int(raw["start"]), int(raw["end"]), str(raw["category"])
    except (KeyError, TypeError, ValueError):
        raise ReviewError(f"span {number}: needs integer start, end and a category") from None
    if not 0 <= start < end <= length:
        raise ReviewError(f"span {number}: offsets {start}-{end} outside the note ({length} characters)")
    if category not in ALL_CATEGORIES:
        raise ReviewError(f"span {number}: unknown category {category!r}")
    status = raw.get("status", "pending")
    if status not in STATUSES:
        raise ReviewError(f"span {number}: status must be one of {', '.join(STATUSES)}")
    qualifiers = raw.get("qualifiers") if isinstance(raw.get("qualifiers"), dict) else None
    original = raw.get("original_category")
    return ReviewedSpan(
        start,
        end,
        category,
        status,
        float(raw.get("score", 1.0)),
        str(raw.get("detector", "review")),
        qualifiers,
        str(original) if original in ALL_CATEGORIES and original != category else None,
    )
