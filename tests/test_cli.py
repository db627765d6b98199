"""The `redactor` command and its JSONL contract, run as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REDACTOR = [sys.executable, "-m", "redactor.cli"]


def run(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*REDACTOR, *args], input=stdin, capture_output=True, timeout=300, env={**os.environ, **(env or {})}
    )


def test_jsonl_analyze_and_redact_contract(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    records = [
        {"id": 1, "text": "Vu Mme Sylvie MARCHAND le 12/03/2019, tél 06 12 34 56 78."},
        {"id": "b", "text": "Examen normal."},
        {"id": 3, "text": "Dr Paul Durand, 3 rue des Lilas 75013 Paris", "patient_id": "P1"},
    ]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")

    analyzed = tmp_path / "analyzed.jsonl"
    result = run("analyze", "--input", str(source), "--output", str(analyzed))
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(line) for line in analyzed.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [1, "b", 3]
    first = lines[0]["findings"]
    assert {f["category"] for f in first} == {"PERSON", "DATE", "PHONE"}
    for finding in first:
        assert {"start", "end", "category", "score"} <= set(finding)
        assert isinstance(finding["start"], int) and isinstance(finding["score"], float)
    assert lines[1]["findings"] == []

    redacted = tmp_path / "redacted.jsonl"
    result = run("redact", "--policy", "export", "--input", str(source), "--output", str(redacted))
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(line) for line in redacted.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["text"] == "Vu Mme <PERSON> le <DATE>, tél <PHONE>."
    assert lines[1]["text"] == "Examen normal."
    assert "Durand" not in lines[2]["text"] and "Lilas" not in lines[2]["text"]
    assert all(set(line) == {"id", "text", "findings"} for line in lines)


def test_bad_line_names_its_number_and_leaves_no_output(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "ok"}\n{"id": 2, "text": 3}\n', encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = run("redact", "--input", str(source), "--output", str(target), "--on-error", "fail")
    assert result.returncode != 0
    assert b"line 2" in result.stderr
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]  # no partial file either


def test_invalid_utf8_line_is_rejected_with_its_number(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": 1, "text": "ok"}\n{"id": 2, "text": "caf\xe9"}\n')
    result = run("analyze", "--input", str(source), "--output", str(tmp_path / "out.jsonl"), "--on-error", "fail")
    assert result.returncode != 0 and b"line 2: not valid UTF-8" in result.stderr


def test_stdin_stdout_and_unknown_policy():
    result = run("redact", "--input", "-", "--output", "-", stdin=b'{"id": 7, "text": "Vu M. Paul DURAND."}\n')
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["text"] == "Vu M. <PERSON>."
    result = run("redact", "--policy", "nope", stdin=b"texte")
    assert result.returncode != 0 and b"unknown policy 'nope'" in result.stderr
    assert b"texte" not in result.stderr


def test_single_text_from_argument():
    result = run("redact", "Patiente : MARCHAND Sylvie")
    assert result.stdout.decode().strip() == "Patiente : <PERSON>"


def test_research_policy_with_key_from_file(tmp_path: Path):
    key = tmp_path / "key"
    key.write_text("a-secret-key\n", encoding="utf-8")
    note = b"Vu M. Paul DURAND le 02/04/2024."
    first = run("redact", "--policy", "research", "--patient-id", "P1", stdin=note, env={"REDACTOR_KEY_FILE": str(key)})
    second = run("redact", "--policy", "research", "--patient-id", "P1", stdin=note, env={"REDACTOR_KEY_FILE": str(key)})
    assert first.returncode == 0 and first.stdout == second.stdout
    assert b"DURAND" not in first.stdout and b"02/04/2024" not in first.stdout
