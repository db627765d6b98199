"""A batch run killed with SIGKILL in the middle resumes with --resume: finished shards are not
redone, and the output is byte for byte that of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

NOTES = Path(__file__).parent / "data" / "batch" / "notes.jsonl"
SHARD_SIZE = 10
COPIES = 25  # 12 fixture notes x 25 = 300 notes, 30 shards: a second or more of redaction


def batch_command(source: Path, output: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "redactor.cli", "batch", str(source), str(output),
        "--policy", "research", "--workers", "1", "--shard-size", str(SHARD_SIZE), "--no-progress", *extra,
    ]  # fmt: skip


def environment() -> dict[str, str]:
    return {**os.environ, "REDACTOR_KEY": "resume-test-key-not-secret"}


def tree(directory: Path) -> dict[str, bytes]:
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def processes_in_group(group: int) -> list[int]:
    """Live (not zombie) processes of a process group, read from /proc."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            alive.append(int(entry.name))
    return alive


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = [json.loads(line) for line in NOTES.read_text(encoding="utf-8").splitlines()]
    path = tmp_path_factory.mktemp("resume") / "archive.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for copy in range(COPIES):
            for row in rows:
                record = {**row, "id": f"{row['id']}-{copy}", "patient_id": f"{row['patient_id']}-{copy % 5}"}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process groups from /proc")
def test_resume_after_sigkill_matches_an_uninterrupted_run(archive: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    subprocess.run(batch_command(archive, reference), env=environment(), check=True, capture_output=True)

    interrupted = tmp_path / "interrupted"
    shards = interrupted / ".redactor" / "shards"
    process = subprocess.Popen(
        batch_command(archive, interrupted), env=environment(), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 300
    while not (shards.is_dir() and len(list(shards.glob("*.json"))) >= 3):
        assert process.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL

    # The workers notice their parent is gone and stop: no orphan keeps running.
    deadline = time.monotonic() + 30
    while processes_in_group(process.pid):
        assert time.monotonic() < deadline, "worker processes outlived their killed parent"
        time.sleep(0.1)
    committed = sorted(shards.glob("*.json"))
    assert 3 <= len(committed) < COPIES * 12 // SHARD_SIZE
    assert not (interrupted / "manifest.json").exists()
    kept = {}
    for state in committed:
        for name in json.loads(state.read_text())["checksums"]:
            kept[name] = (interrupted / name).stat()

    # Without --resume, an interrupted output directory is refused rather than mixed.
    refused = subprocess.run(batch_command(archive, interrupted), env=environment(), capture_output=True, text=True)
    assert refused.returncode == 2 and "--resume" in refused.stderr

    resumed = subprocess.run(
        batch_command(archive, interrupted, "--resume"), env=environment(), capture_output=True, text=True
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"({len(committed)} kept from an earlier run)" in resumed.stderr
    for name, before in kept.items():  # finished shards were not rewritten
        after = (interrupted / name).stat()
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert tree(interrupted) == tree(reference)
    manifest = json.loads((interrupted / "manifest.json").read_text())
    assert manifest["records"] == {"in": COPIES * 12, "out": COPIES * 12, "quarantined": 0}


def test_resume_redoes_a_damaged_shard_and_refuses_changed_options(tmp_path: Path) -> None:
    output = tmp_path / "out"
    command = [*batch_command(NOTES, output), "--max-chars", "50000"]
    first = subprocess.run(command, env=environment(), capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    finished = tree(output)

    damaged = output / "data" / "part-000001.jsonl"
    damaged.write_text("truncated")  # no longer matches the checksum its shard committed
    again = subprocess.run([*command, "--resume"], env=environment(), capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "(1 kept from an earlier run)" in again.stderr
    assert tree(output) == finished

    changed = subprocess.run(
        [*batch_command(NOTES, output, "--resume"), "--shard-size", "7"], env=environment(),
        capture_output=True, text=True,
    )  # fmt: skip
    assert changed.returncode == 2
    assert "changed since the interrupted run: max_chars, shard_size" in changed.stderr
