"""Fail closed: records that cannot be redacted go to quarantine with their id and the error,
never to the output; counts reconcile; no sensitive value leaks into any file but the input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from redactor import Redactor
from redactor.batch.redaction import Failure, Note, redact_notes
from redactor.cli import app
from redactor.findings import RedactionResult
from redactor.nlp import load_pipeline

DATA = Path(__file__).parent / "data" / "batch"
NOTES = DATA / "notes.jsonl"
SECRET_NAME = "Anatole Poisonnier"


def read_jsonl_dir(directory: Path) -> list[dict]:
    return [json.loads(line) for path in sorted(directory.glob("*.jsonl")) for line in path.read_text().splitlines()]


@pytest.fixture
def poisoned_archive(tmp_path: Path) -> Path:
    lines = NOTES.read_text(encoding="utf-8").splitlines()
    lines[3:3] = [
        json.dumps({"id": "poisoned", "text": f"POISON-PILL : M. {SECRET_NAME}, né le 01/02/1960."}),
        json.dumps({"id": "oversize", "text": f"M. {SECRET_NAME}. " + "Examen normal. " * 200}),
        '{"id": "truncated", "text": "M. Anatole Poi',
        json.dumps({"id": "no-text", "body": f"M. {SECRET_NAME}"}),
    ]
    lines.append(json.dumps({"id": "hung", "text": f"HANG-PILL : M. {SECRET_NAME}, né le 01/02/1960."}))
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_poisoned_records_are_quarantined_and_nothing_leaks(
    poisoned_archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(DATA))  # worker processes get the parent's sys.path
    output = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "batch", str(poisoned_archive), str(output), "--workers", "2", "--shard-size", "4", "--no-progress",
            "--max-chars", "2000", "--max-seconds", "1", "--detector-plugin", "poison_plugin:make_detectors",
        ],
    )  # fmt: skip
    assert result.exit_code == 1, result.output  # finished, with quarantined records

    quarantined = read_jsonl_dir(output / "quarantine")
    assert quarantined == [
        {"record": 3, "id": "poisoned", "error": "DetectionError", "message": "a detector failed (RuntimeError)"},
        {
            "record": 4,
            "id": "oversize",
            "error": "InvalidInputError",
            "message": "text has 3023 characters, over the maximum of 2000",
        },
        {
            "record": 5,
            "id": None,
            "error": "InvalidInputError",
            "message": "line 6: not valid JSON (Invalid control character at)",
        },
        {
            "record": 6,
            "id": "no-text",
            "error": "InvalidInputError",
            "message": "line 7: 'text' missing or not a string",
        },
        {"record": 16, "id": "hung", "error": "NoteTimedOut", "message": "detection took longer than 1 s"},
    ]
    data = read_jsonl_dir(output / "data")
    assert [row["id"] for row in data] == [f"n{i:02d}" for i in range(1, 13)]
    manifest = json.loads((output / "manifest.json").read_text())
    assert manifest["records"] == {"in": 17, "out": 12, "quarantined": 5}
    assert manifest["input"]["records"] == 17
    assert manifest["detector_plugins"] == ["poison_plugin:make_detectors"] and manifest["max_chars"] == 2000
    assert manifest["max_seconds"] == 1
    for path in output.rglob("*"):
        if path.is_file():
            content = path.read_text(encoding="utf-8")
            assert "Poisonnier" not in content, path
            assert "POISON-PILL" not in content and "HANG-PILL" not in content, path
    assert "Poisonnier" not in result.output


def test_a_pipeline_that_breaks_on_one_note_fails_that_note_only(redactor: Redactor) -> None:
    """When the batched spaCy pipeline itself raises, notes are retried one by one: the culprit is
    quarantined, with a message that does not repeat what the failing component said."""

    @Language.component("breaks_on_marker")
    def breaks_on_marker(doc):
        if "POISON-PILL" in doc.text:
            raise ValueError(f"cannot process {doc.text!r}")  # a careless message quoting the note
        return doc

    nlp = load_pipeline()
    nlp.add_pipe("breaks_on_marker")
    fragile = Redactor(key=b"test-key-not-secret", nlp=nlp)
    policy = fragile.policy("export")
    notes: list[Note | Failure] = [
        Note("M. Bernard Lemoine vu le 02/03/2024.", "101"),
        Note(f"POISON-PILL : M. {SECRET_NAME}.", "102"),
        Failure("InvalidInputError", "line 3: not valid JSON"),
        Note("Mme Fatima Benali, 72 ans.", "103"),
    ]
    outcomes = redact_notes(fragile, policy, notes)
    assert isinstance(outcomes[0], RedactionResult) and "Lemoine" not in outcomes[0].text
    assert outcomes[1] == Failure("ValueError", "unexpected ValueError while redacting")
    assert outcomes[2] == notes[2]
    assert isinstance(outcomes[3], RedactionResult) and "Benali" not in outcomes[3].text
