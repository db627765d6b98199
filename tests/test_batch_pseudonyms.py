"""Research extracts stay linkable without identities: with a key, the notes of one patient get
the same surrogate for the same name and the same date shift, whichever shard or worker
redacts them; another patient gets another shift."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redactor.cli import app

NOTES = Path(__file__).parent / "data" / "batch" / "notes.jsonl"


@pytest.fixture(scope="module")
def research_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict, dict]:
    """(original rows, redacted rows, findings by note id) of a research run on 2 workers."""
    output = tmp_path_factory.mktemp("research") / "out"
    result = CliRunner(env={"REDACTOR_KEY": "pseudonym-test-key-not-secret"}).invoke(
        app,
        [
            "batch",
            str(NOTES),
            str(output),
            "--policy",
            "research",
            "--workers",
            "2",
            "--shard-size",
            "3",
            "--no-progress",
        ],
    )
    assert result.exit_code == 0, result.output
    originals = {row["id"]: row for row in map(json.loads, NOTES.read_text(encoding="utf-8").splitlines())}
    redacted = {
        row["id"]: row for path in sorted((output / "data").glob("*.jsonl")) for row in map(json.loads, path.open())
    }
    findings: dict[str, list[dict]] = {}
    for path in sorted((output / "findings").glob("*.jsonl")):
        for finding in map(json.loads, path.open()):
            findings.setdefault(finding["id"], []).append(finding)
    return originals, redacted, findings


def replacements(note_id: str, category: str, run: tuple[dict, dict, dict]) -> list[tuple[str, str]]:
    """(original value, replacement) of each finding of `category` in a note."""
    originals, redacted, findings = run
    return [
        (
            originals[note_id]["text"][finding["start"] : finding["end"]],
            redacted[note_id]["text"][finding["redacted_start"] : finding["redacted_end"]],
        )
        for finding in findings.get(note_id, [])
        if finding["category"] == category
    ]


def date_shifts(note_ids: list[str], run: tuple[dict, dict, dict]) -> set[int]:
    shifts = set()
    for note_id in note_ids:
        for original, shifted in replacements(note_id, "DATE", run):
            before, after = datetime.strptime(original, "%d/%m/%Y"), datetime.strptime(shifted, "%d/%m/%Y")
            shifts.add((after - before).days)
    return shifts


def test_same_name_gets_the_same_surrogate_across_a_patients_notes(research_run) -> None:
    # n01 and n07 (patient 101) sit in different shards; both name "Bernard Lemoine".
    first = dict(replacements("n01", "PERSON", research_run))
    later = dict(replacements("n07", "PERSON", research_run))
    assert first["Bernard Lemoine"] == later["Bernard Lemoine"] != "Bernard Lemoine"
    surname = first["Bernard Lemoine"].split()[-1]
    assert dict(replacements("n02", "PERSON", research_run))["Lemoine"] == surname


def test_dates_of_one_patient_move_by_one_offset(research_run) -> None:
    patient_101 = date_shifts(["n01", "n02", "n07"], research_run)
    patient_102 = date_shifts(["n03", "n04"], research_run)
    patient_103 = date_shifts(["n05", "n06"], research_run)
    assert len(patient_101) == len(patient_102) == len(patient_103) == 1
    assert patient_101 != {0}
    assert len(patient_101 | patient_102 | patient_103) == 3  # one offset per patient
