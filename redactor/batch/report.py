"""The HTML report written next to a batch run's output: the review page's summary charts.

Built after the run from `findings/` and one more read of the input (no detection): findings
per category, notes per number of findings, and the most frequent and rarest redacted values
(values for special categories, counts only for identifiers).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from redactor.batch.formats import ArchiveFormat
from redactor.batch.redaction import Note
from redactor.batch.runner import write_atomically
from redactor.review.summary import Summary, summary_html

REPORT_NAME = "report.html"


def _rows(output: Path, kind: str, index: int) -> list[dict]:
    path = output / kind / f"part-{index:06d}.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def summarise_run(archive: ArchiveFormat, output: Path, shard_size: int) -> Summary:
    """The summary of a finished run in `output` over its input `archive` (quarantined notes left out)."""
    summary = Summary()
    for shard in archive.shards(shard_size):
        findings: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for row in _rows(output, "findings", shard.index):
            findings[str(row["id"])].append((row["start"], row["end"], row["category"]))
        quarantined = {row["record"] for row in _rows(output, "quarantine", shard.index)}
        for position, record in enumerate(archive.records(shard.payload), start=shard.first_record):
            if isinstance(record.note, Note) and position not in quarantined:
                summary.add(record.note.text, findings.get(str(record.id), []))
    return summary


def write_report(archive: ArchiveFormat, output: Path, shard_size: int) -> Path:
    """Write `output`/report.html; returns its path."""
    summary = summarise_run(archive, output, shard_size)
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    records = manifest["records"]
    subtitle = (
        f"{archive.source.name}: {records['in']} records, {records['out']} redacted, "
        f"{records['quarantined']} quarantined; policy {manifest['policy']['name']}"
    )
    path = output / REPORT_NAME
    write_atomically(path, summary_html(summary, "Batch redaction report", subtitle).encode())
    return path
