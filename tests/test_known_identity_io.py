"""The known identity through the command line and batch archives: a `known` object per record,
parsed, used, refused clearly when malformed, and never written back to the output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from redactor.batch.formats import Columns, CsvFile
from redactor.batch.redaction import Failure, Note
from redactor.cli import app

KNOWN = {"first_name": "Maëlys", "last_name": "Kerbrat", "birth_date": "1958-11-03", "ipp": "80071234"}
TEXT = "Mme KERBRAT Maelys, née le 03.11.58, dossier 8007 1234. Revue par Maelys ce jour."
REDACTED = "Mme <PERSON>, née le <DATE>, dossier <PATIENT_ID>. Revue par <PERSON> ce jour."


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "redactor.cli", *args], capture_output=True, timeout=300)


def test_redact_input_uses_each_records_known_identity(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    records = [{"id": 1, "text": TEXT, "known": KNOWN}, {"id": 2, "text": "Revue par la soignante ce jour.", "known": None}]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    done = run_cli("redact", "--input", str(source), "--output", str(tmp_path / "out.jsonl"), "--no-progress")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert out[0]["text"] == REDACTED
    assert "known" not in out[0] and all(f["detector"].startswith("known.") for f in out[0]["findings"])
    # no known identity, nothing of the first record's identity leaks into the second
    assert out[1]["text"] == "Revue par la soignante ce jour."


def test_a_malformed_known_identity_quarantines_its_record_naming_the_line(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    lines = [{"id": 1, "text": TEXT, "known": KNOWN}, {"id": 2, "text": TEXT, "known": {"last_name": "Kerbrat", "ipp": "80-0"}}]
    source.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    done = run_cli("redact", "--input", str(source), "--output", str(tmp_path / "out.jsonl"), "--no-progress")
    assert done.returncode == 1, done.stderr
    assert [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()] == [1]
    quarantine = (tmp_path / "out.jsonl.quarantine.jsonl").read_text(encoding="utf-8")
    assert "line 2: 'known': known identity: ipp needs at least 5 letters or digits" in quarantine
    assert "Kerbrat" not in quarantine and b"Kerbrat" not in done.stderr


def test_batch_jsonl_redacts_with_the_known_column_and_drops_it(tmp_path: Path):
    source = tmp_path / "notes.jsonl"
    rows = [
        {"id": "a", "text": TEXT, "known": KNOWN, "service": "cardio"},
        {"id": "b", "text": TEXT, "known": {"birth_date": "hier"}},
    ]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(source), str(tmp_path / "out"), "--workers", "1", "--no-progress"])
    assert result.exit_code == 1, result.output  # one record quarantined
    data = [json.loads(line) for path in (tmp_path / "out" / "data").glob("*.jsonl") for line in path.read_text().splitlines()]
    assert data == [{"id": "a", "text": REDACTED, "service": "cardio"}]
    quarantined = [json.loads(line) for path in (tmp_path / "out" / "quarantine").glob("*.jsonl") for line in path.read_text().splitlines()]
    assert [(q["id"], q["error"]) for q in quarantined] == [("b", "InvalidInputError")]
    assert "birth_date" in quarantined[0]["message"] and "hier" not in quarantined[0]["message"]


def test_csv_known_column_is_json_text_and_is_not_written_back(tmp_path: Path):
    source = tmp_path / "notes.csv"
    pd.DataFrame(
        {"id": ["1", "2", "3"], "text": [TEXT, TEXT, TEXT], "known": [json.dumps(KNOWN), "", "{not json"]}
    ).to_csv(source, index=False)
    archive = CsvFile(source, Columns())
    shard = next(archive.shards(10))
    notes = [record.note for record in archive.records(shard.payload)]
    assert isinstance(notes[0], Note) and notes[0].known is not None and notes[0].known.last_name == "Kerbrat"
    assert isinstance(notes[1], Note) and notes[1].known is None
    assert isinstance(notes[2], Failure) and notes[2].message == "'known' is not valid JSON"
    from redactor.findings import RedactionResult

    outcomes = [RedactionResult("x", [], "export"), RedactionResult("y", [], "export"), notes[2]]
    written = archive.data_files(shard, [], outcomes)[archive.part_name(shard)].decode()
    assert written.splitlines() == ["id,text", "1,x", "2,y"]
