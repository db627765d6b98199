"""`redactor spark` in Spark local mode on real Parquet files gives, note for note, the output of
`redactor batch` on the same files: same redacted texts, findings and quarantine."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from redactor.cli import app

pytest.importorskip("pyspark")
pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs a Java runtime")

NOTES = Path(__file__).parent / "data" / "batch" / "notes.jsonl"
KEY = "spark-test-key-not-secret"
POLICY_AND_LIMITS = ["--omop", "--policy", "research", "--max-chars", "2000"]


@pytest.fixture(scope="module")
def note_table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An OMOP note table as two Parquet files, with an oversize note and a null text."""
    rows = [json.loads(line) for line in NOTES.read_text(encoding="utf-8").splitlines()]
    texts = [row["text"] for row in rows] + ["M. Anatole Poisonnier. " + "Examen normal. " * 200, None]
    people = [int(row["patient_id"]) for row in rows] + [107, 108]
    table = pa.table(
        {
            "note_id": pa.array(range(5000, 5000 + len(texts)), pa.int64()),
            "person_id": pa.array(people, pa.int64()),
            "note_date": pa.array([date(2024, 1, 1 + i) for i in range(len(texts))], pa.date32()),
            "note_text": pa.array(texts, pa.string()),
            "visit_occurrence_id": pa.array([None if i % 2 else i for i in range(len(texts))], pa.int64()),
        }
    )
    directory = tmp_path_factory.mktemp("omop") / "note"
    directory.mkdir()
    pq.write_table(table.slice(0, 8), directory / "part-0.parquet")
    pq.write_table(table.slice(8), directory / "part-1.parquet")
    return directory


@pytest.fixture(scope="module")
def single_machine(note_table: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("batch") / "out"
    result = CliRunner(env={"REDACTOR_KEY": KEY}).invoke(
        app, ["batch", str(note_table), str(output), *POLICY_AND_LIMITS, "--shard-size", "5", "--no-progress"]
    )
    assert result.exit_code == 1, result.output  # two records quarantined
    return output


@pytest.fixture(scope="module")
def on_spark(note_table: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("spark") / "out"
    completed = subprocess.run(
        [sys.executable, "-m", "redactor.cli", "spark", str(note_table), str(output), *POLICY_AND_LIMITS,
         "--master", "local[2]"],
        env={**os.environ, "REDACTOR_KEY": KEY, "PYSPARK_PYTHON": sys.executable},
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert completed.returncode == 1, completed.stderr[-3000:]
    assert "14 records in, 12 redacted, 2 quarantined" in completed.stderr
    return output


def by_note(rows: list[dict], key: str) -> dict:
    return {row[key]: row for row in rows}


def jsonl_rows(directory: Path) -> list[dict]:
    return [json.loads(line) for path in sorted(directory.glob("*.jsonl")) for line in path.read_text().splitlines()]


def test_spark_redacts_every_note_exactly_like_the_single_machine_run(single_machine: Path, on_spark: Path) -> None:
    batch_data = pq.read_table(single_machine / "data")
    spark_data = pq.read_table(on_spark / "data")
    assert spark_data.schema.names == batch_data.schema.names
    assert spark_data.num_rows == batch_data.num_rows == 12
    assert by_note(spark_data.to_pylist(), "note_id") == by_note(batch_data.to_pylist(), "note_id")


def test_spark_findings_and_quarantine_match(single_machine: Path, on_spark: Path) -> None:
    fields = ("id", "start", "end", "category", "operator", "redacted_start", "redacted_end", "detector")

    def comparable(rows: list[dict]) -> list[tuple]:
        return sorted(tuple(row[name] for name in fields) for row in rows)

    assert comparable(pq.read_table(on_spark / "findings").to_pylist()) == comparable(
        jsonl_rows(single_machine / "findings")
    )
    spark_quarantine = sorted(pq.read_table(on_spark / "quarantine").to_pylist(), key=lambda row: row["id"])
    batch_quarantine = [
        {key: row[key] for key in ("id", "error", "message")} for row in jsonl_rows(single_machine / "quarantine")
    ]
    assert (
        spark_quarantine
        == batch_quarantine
        == [
            {"id": 5012, "error": "InvalidInputError", "message": "text has 3023 characters, over the maximum of 2000"},
            {"id": 5013, "error": "InvalidInputError", "message": "'note_text' is null"},
        ]
    )


def test_spark_manifest_reconciles_with_the_single_machine_one(single_machine: Path, on_spark: Path) -> None:
    spark_manifest = json.loads((on_spark / "manifest.json").read_text())
    batch_manifest = json.loads((single_machine / "manifest.json").read_text())
    for entry in ("records", "findings", "policy", "key_fingerprint"):
        assert spark_manifest[entry] == batch_manifest[entry]
    assert spark_manifest["versions"] == [batch_manifest["versions"]]
    assert spark_manifest["records"] == {"in": 14, "out": 12, "quarantined": 2}
