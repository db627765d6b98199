"""`redactor analyze|redact --input`: a record that fails goes to quarantine with its line, id
and reason; the others come out as in a clean run; the exit status says some failed."""

from __future__ import annotations

import json
from pathlib import Path

from clinical_text import clinical_texts
from test_cli import run

GOOD_RECORDS = 792
# One of each kind of broken record: 8 in 800 records, 1 %.
BROKEN = [
    (b"{not json\n", "not valid JSON"),
    (b'{"id": "bad-utf8", "text": "Mme \xff\xfe"}\n', "not valid UTF-8"),
    (b'["a", "list"]\n', "expected a JSON object"),
    (b'{"text": "no id"}\n', "missing 'id'"),
    (b'{"id": "wrong-type", "text": 42}\n', "'text' missing or not a string"),
    (b'{"id": "bad-patient", "text": "ok", "patient_id": [1]}\n', "'patient_id' must be"),
    (b'{"id": "oversize", "text": "' + b"a" * 3_001 + b'"}\n', "over the maximum of 3000"),
    (b'{"id": "deep", "text": "ok", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "nested too deeply"),
]


def _good_lines() -> list[bytes]:
    texts = [text[:300] for text in clinical_texts()[:GOOD_RECORDS]]
    texts[0] = "Vu Mme Sylvie MARCHAND le 12/03/2019, tél 06 12 34 56 78, pas de\x00 sida."
    return [
        (json.dumps({"id": f"note-{i}", "text": text}, ensure_ascii=False) + "\n").encode() for i, text in enumerate(texts)
    ]


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_broken_records_are_quarantined_and_the_others_are_as_in_a_clean_run(tmp_path):
    good = _good_lines()
    clean_input, mixed_input = tmp_path / "clean.jsonl", tmp_path / "mixed.jsonl"
    clean_input.write_bytes(b"".join(good))
    mixed, broken_lines = list(good), {}
    for n, (line, reason) in enumerate(BROKEN):
        position = 50 + n * 97
        mixed.insert(position, line)
        broken_lines[position + 1] = reason
    mixed_input.write_bytes(b"".join(mixed))

    command = "redact"  # `analyze --input` shares the path: see the next test
    clean_output, mixed_output = tmp_path / f"{command}-clean.jsonl", tmp_path / f"{command}-mixed.jsonl"
    limit = ["--max-chars", "3000", "--no-progress"]
    result = run(command, "--input", str(clean_input), "--output", str(clean_output), *limit)
    assert result.returncode == 0, result.stderr.decode()
    assert not Path(f"{clean_output}.quarantine.jsonl").exists()  # written only when some record fails

    result = run(command, "--input", str(mixed_input), "--output", str(mixed_output), *limit)
    assert result.returncode == 1, result.stderr.decode()
    assert f"{GOOD_RECORDS} records written, {len(BROKEN)} quarantined".encode() in result.stderr
    assert mixed_output.read_bytes() == clean_output.read_bytes()
    quarantined = _read_jsonl(Path(f"{mixed_output}.quarantine.jsonl"))
    assert {row["line"]: row["message"] for row in quarantined}.keys() == broken_lines.keys()
    for row in quarantined:
        assert broken_lines[row["line"]] in row["message"] and "Mme" not in row["message"]
        assert row["error"] == "InvalidInputError"
    assert [row["id"] for row in quarantined if row["id"] is not None] == ["wrong-type", "bad-patient", "oversize"]


def test_analyze_quarantines_too(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": 1, "text": "Vu M. Jean DUPONT."}\n' + BROKEN[4][0] + b'{"id": 3, "text": "ok"}\n')
    target = tmp_path / "out.jsonl"
    result = run("analyze", "--input", str(source), "--output", str(target), "--no-progress")
    assert result.returncode == 1, result.stderr.decode()
    assert [line["id"] for line in _read_jsonl(target)] == [1, 3]
    [row] = _read_jsonl(Path(f"{target}.quarantine.jsonl"))
    assert (row["line"], row["id"], row["error"]) == (2, "wrong-type", "InvalidInputError")


def test_a_record_over_the_time_limit_is_quarantined(tmp_path):
    long_text = "\n".join(clinical_texts())[:90_000]
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "long", "text": long_text}) + "\n", encoding="utf-8")
    target, quarantine = tmp_path / "out.jsonl", tmp_path / "q.jsonl"
    result = run("redact", "--input", str(source), "--output", str(target), "--quarantine", str(quarantine),
                 "--max-seconds", "0.05", "--no-progress")
    assert result.returncode == 1, result.stderr.decode()
    assert target.read_bytes() == b""
    [row] = _read_jsonl(quarantine)
    assert (row["id"], row["error"]) == ("long", "NoteTimedOut") and "0.05 s" in row["message"]


def test_on_error_fail_stops_at_the_first_bad_line_with_no_output(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": 1, "text": "ok"}\n{"id": 2, "text": 3}\n')
    target = tmp_path / "out.jsonl"
    result = run("analyze", "--input", str(source), "--output", str(target), "--on-error", "fail")
    assert result.returncode == 2 and b"line 2" in result.stderr
    assert list(tmp_path.iterdir()) == [source]


def test_unknown_on_error_is_refused(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": 1, "text": "ok"}\n')
    result = run("analyze", "--input", str(source), "--output", str(tmp_path / "o.jsonl"), "--on-error", "skip")
    assert result.returncode == 2 and b"--on-error" in result.stderr
