"""`redactor batch` on each input format: real files in, real worker processes, real files out;
every record accounted for, other columns kept, nothing sensitive outside the redacted text."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from redactor.cli import app

NOTES = Path(__file__).parent / "data" / "batch" / "notes.jsonl"
KEY = "batch-test-key-not-secret"
# Values of the fixture notes that must never appear outside the original input.
SENSITIVE = ["Lemoine", "Benali", "Da Silva", "Boulanger", "Chevalier", "06 12 34 56 78", "800412563", "Glycines"]


def fixture_rows() -> list[dict]:
    return [json.loads(line) for line in NOTES.read_text(encoding="utf-8").splitlines()]


def run_batch(*args: object) -> object:
    result = CliRunner(env={"REDACTOR_KEY": KEY}).invoke(
        app, ["batch", *map(str, args), "--workers", "1", "--no-progress"]
    )
    return result


def read_jsonl_dir(directory: Path) -> list[dict]:
    return [json.loads(line) for path in sorted(directory.glob("*.jsonl")) for line in path.read_text().splitlines()]


def assert_reconciled(output: Path, expected_in: int) -> dict:
    """Manifest counts agree with the files, and its checksums with their content."""
    manifest = json.loads((output / "manifest.json").read_text())
    records = manifest["records"]
    assert records["in"] == expected_in == manifest["input"]["records"]
    assert records["in"] == records["out"] + records["quarantined"]
    assert len(read_jsonl_dir(output / "quarantine")) == records["quarantined"]
    files = {
        path.relative_to(output).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for sub in ("data", "findings", "quarantine")
        for path in (output / sub).rglob("*")
        if path.is_file()
    }
    assert files == manifest["checksums"]
    findings = read_jsonl_dir(output / "findings")
    assert sum(manifest["findings"].values()) == len(findings)
    return manifest


def assert_nothing_sensitive_outside_data(output: Path) -> None:
    for path in [output / "manifest.json", *(output / "findings").iterdir(), *(output / "quarantine").iterdir()]:
        content = path.read_text(encoding="utf-8")
        for value in SENSITIVE:
            assert value not in content, f"{value!r} in {path.name}"


def assert_redacted(texts: list[str]) -> None:
    joined = "\n".join(texts)
    for value in SENSITIVE:
        assert value not in joined
    assert "<PERSON>" in joined and "<DATE>" in joined


def test_jsonl_keeps_other_fields_and_writes_findings_without_values(tmp_path: Path) -> None:
    result = run_batch(NOTES, tmp_path / "out", "--shard-size", "5")
    assert result.exit_code == 0, result.output
    rows = read_jsonl_dir(tmp_path / "out" / "data")
    originals = fixture_rows()
    assert [row["id"] for row in rows] == [row["id"] for row in originals]
    for row, original in zip(rows, originals):
        assert {k: v for k, v in row.items() if k != "text"} == {k: v for k, v in original.items() if k != "text"}
    assert_redacted([row["text"] for row in rows])
    manifest = assert_reconciled(tmp_path / "out", len(originals))
    assert manifest["shards"] == 3 and manifest["policy"]["name"] == "export"
    assert set(manifest["versions"]) == {"redactor", "pipeline", "lexicons"}
    finding = read_jsonl_dir(tmp_path / "out" / "findings")[0]
    assert set(finding) >= {"id", "start", "end", "category", "operator", "redacted_start", "redacted_end"}
    assert_nothing_sensitive_outside_data(tmp_path / "out")


def test_csv_keeps_every_column_as_text(tmp_path: Path) -> None:
    frame = pd.DataFrame(fixture_rows())
    frame["id"] = [f"00{i}" for i in range(len(frame))]  # leading zeros must survive
    frame.to_csv(tmp_path / "notes.csv", index=False)
    result = run_batch(tmp_path / "notes.csv", tmp_path / "out", "--shard-size", "4")
    assert result.exit_code == 0, result.output
    parts = sorted((tmp_path / "out" / "data").glob("part-*.csv"))
    assert len(parts) == 3
    out = pd.concat([pd.read_csv(part, dtype=str, keep_default_na=False) for part in parts], ignore_index=True)
    assert list(out.columns) == list(frame.columns)
    assert list(out["id"]) == list(frame["id"])
    assert list(out["note_date"]) == list(frame["note_date"])
    assert_redacted(list(out["text"]))
    assert_reconciled(tmp_path / "out", len(frame))


def test_parquet_omop_note_table_keeps_schema_and_types(tmp_path: Path) -> None:
    rows = fixture_rows()
    table = pa.table(
        {
            "note_id": pa.array(range(1000, 1000 + len(rows)), pa.int64()),
            "person_id": pa.array([int(row["patient_id"]) for row in rows], pa.int64()),
            "note_date": pa.array([pd.Timestamp(row["note_date"]).date() for row in rows], pa.date32()),
            "note_title": pa.array(["consultation"] * len(rows)),
            "note_text": pa.array([row["text"] for row in rows]),
            "visit_occurrence_id": pa.array([None if i % 3 else i for i in range(len(rows))], pa.int64()),
        }
    )
    pq.write_table(table, tmp_path / "note.parquet")
    result = run_batch(tmp_path / "note.parquet", tmp_path / "out", "--omop", "--shard-size", "5")
    assert result.exit_code == 0, result.output
    out = pq.ParquetDataset(sorted((tmp_path / "out" / "data").glob("*.parquet"))).read()
    assert out.schema.equals(table.schema, check_metadata=False)
    assert out.drop_columns(["note_text"]).equals(table.drop_columns(["note_text"]))
    assert_redacted(out.column("note_text").to_pylist())
    manifest = assert_reconciled(tmp_path / "out", len(rows))
    assert manifest["input"]["columns"] == {"id": "note_id", "text": "note_text", "patient": "person_id"}
    assert {finding["id"] for finding in read_jsonl_dir(tmp_path / "out" / "findings")} <= set(range(1000, 1012))


def test_directory_of_text_files_is_mirrored(tmp_path: Path) -> None:
    source = tmp_path / "notes"
    for row in fixture_rows():
        path = source / f"patient-{row['patient_id']}" / f"{row['id']}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(row["text"], encoding="utf-8")
    (source / "broken.txt").write_bytes(b"M. Lemoine \xff\xfe")  # not UTF-8: quarantined, never copied
    result = run_batch(source, tmp_path / "out", "--shard-size", "5")
    assert result.exit_code == 1, result.output  # something was quarantined
    data = tmp_path / "out" / "data"
    written = sorted(path.relative_to(data).as_posix() for path in data.rglob("*.txt"))
    expected = sorted(path.relative_to(source).as_posix() for path in source.rglob("*.txt"))
    assert written == [name for name in expected if name != "broken.txt"]
    assert_redacted([path.read_text(encoding="utf-8") for path in data.rglob("*.txt")])
    quarantined = read_jsonl_dir(tmp_path / "out" / "quarantine")
    assert quarantined == [
        {"record": 0, "id": "broken.txt", "error": "InvalidInputError", "message": "not valid UTF-8 (byte 11)"}
    ]
    assert_reconciled(tmp_path / "out", len(expected))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--text-column", "body"], "missing column(s) body"),
        (["--policy", "no-such-policy"], "unknown policy"),
        (["--format", "xml"], "unknown format"),
    ],
)
def test_bad_usage_is_a_clear_error_before_any_work(tmp_path: Path, arguments: list[str], message: str) -> None:
    pd.DataFrame(fixture_rows()).to_csv(tmp_path / "notes.csv", index=False)
    result = run_batch(tmp_path / "notes.csv", tmp_path / "out", *arguments)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


def test_research_policy_without_key_is_refused(tmp_path: Path) -> None:
    result = CliRunner(env={"REDACTOR_KEY": None, "REDACTOR_KEY_FILE": None}).invoke(
        app, ["batch", str(NOTES), str(tmp_path / "out"), "--policy", "research", "--no-progress"]
    )
    assert result.exit_code == 2
    assert "needs a key" in result.stderr
