"""Fuzz the JSONL record reader shared by `redactor batch` and `analyze/redact --input`: any
line gives a record or a Failure, and whatever was read can be written back as valid UTF-8."""

from __future__ import annotations

import json

import atheris

with atheris.instrument_imports(include=["redactor"]):
    from redactor.batch.formats import Columns, jsonl_record
    from redactor.batch.redaction import Failure, Note
    from redactor.jsonlines import json_line

from harness import clinical_lines, run

_COLUMNS = Columns()


def test_one_input(data: bytes) -> None:
    record = jsonl_record(7, data, _COLUMNS)
    if isinstance(record.note, Failure):
        assert record.note.error and record.note.message.startswith("line 7: ")
        line = json_line({"line": 7, "id": record.id, "error": record.note.error, "message": record.note.message})
    else:
        assert isinstance(record.note, Note) and isinstance(record.note.text, str)
        line = json_line({"id": record.id, "text": record.note.text, "patient_id": record.note.patient_id})
    encoded = line.encode("utf-8")  # every line we write is valid UTF-8
    assert json.loads(encoded) == json.loads(line) and encoded.endswith(b"\n") and encoded.count(b"\n") == 1


def seeds() -> list[bytes]:
    lines = [line.rstrip(b"\n") for line in clinical_lines()]
    lines += [b'{"id": 1, "text": "a\\u0000b\\udc80", "patient_id": 3, "known": {"last_names": ["MARTIN"]}}']
    return lines


if __name__ == "__main__":
    run("jsonl", test_one_input, seeds)
