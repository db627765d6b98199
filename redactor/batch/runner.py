"""The resumable multi-process batch runner.

OUTPUT holds:
  data/          the records in the input's format, text redacted (a part file per shard;
                 for a directory of .txt files, the same tree)
  findings/      part-NNNNNN.jsonl, one row per finding: id, offsets, category, qualifiers, operator
  quarantine/    part-NNNNNN.jsonl, one row per record that failed: position, id, error, message
  manifest.json  written last: counts, policy, versions, key fingerprint, checksums
  .redactor/     run.json (what was asked) and shards/NNNNNN.json (what each finished shard wrote)

Protocol. The parent reads the input as consecutive shards of `shard_size` records (the same
cut on every run) and hands at most two shards per worker at a time to a pool of worker
processes, each with its own Redactor. A worker writes its shard's files atomically (temporary
name, fsync, rename) and then the shard's state file: that rename is the commit. `--resume`
checks run.json against the current options and input, keeps every shard whose state file
exists and whose files still match their checksums, and redoes the others, overwriting what an
interrupted attempt left. Output is deterministic, so a resumed run equals an uninterrupted one.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redactor.batch.formats import ArchiveFormat, Shard, SourceRecord
from redactor.batch.redaction import (
    EngineSettings,
    Outcome,
    check_policy_for_archive,
    finding_rows,
    policy_fingerprint,
    redact_notes,
)
from redactor.errors import RedactorError
from redactor.findings import RedactionResult
from redactor.jsonlines import json_line
from redactor.plugins import load_detector_plugins
from redactor.policy import Policy, load_policy

if TYPE_CHECKING:
    from redactor.engine import Redactor

STATE_DIR = ".redactor"
TEMPORARY_SUFFIX = ".redactor-tmp"
NOTES_PER_STEP = 64  # progress is reported to the parent after each step of a shard
SHARDS_IN_FLIGHT_PER_WORKER = 2


class BatchError(RedactorError):
    """The run cannot start or resume as asked (output directory, changed input or options)."""


class BatchFailedError(RedactorError):
    """The run stopped before the end; finished shards are kept for `--resume`."""


@dataclass(frozen=True)
class BatchOptions:
    engine: EngineSettings
    shard_size: int = 1000
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    resume: bool = False
    progress: bool = True


@dataclass(frozen=True)
class ShardReport:
    """What a committed shard wrote: its state file, and its share of the manifest."""

    shard: int
    first_record: int
    records_in: int
    records_out: int
    quarantined: int
    findings: dict[str, int]
    checksums: dict[str, str]  # output path (relative to OUTPUT) -> sha256


@dataclass(frozen=True)
class BatchSummary:
    records_in: int
    records_out: int
    quarantined: int
    shards: int
    shards_resumed: int
    manifest: Path


# ------------------------------------------------------------------------------ files
def write_atomically(path: Path, content: bytes) -> str:
    """Write `content` to `path` under a temporary name, fsync, rename; return its sha256."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}{TEMPORARY_SUFFIX}")
    with temporary.open("wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return hashlib.sha256(content).hexdigest()


def _fsync_directories(directories: set[Path]) -> None:
    """Make renames durable: a directory's entries reach the disk when the directory is fsynced."""
    for directory in directories:
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _json_bytes(rows: list[dict]) -> bytes:
    return "".join(json_line(row) for row in rows).encode("utf-8")


def _state_path(output: Path, shard: int) -> Path:
    return output / STATE_DIR / "shards" / f"{shard:06d}.json"


def _sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


# ------------------------------------------------------------------------------ one shard
def commit_shard(
    output: Path, archive: ArchiveFormat, shard: Shard, records: list[SourceRecord], outcomes: list[Outcome]
) -> ShardReport:
    """Write a redacted shard's files, then its state file (the commit point)."""
    part = f"part-{shard.index:06d}.jsonl"
    files = {f"data/{name}": content for name, content in archive.data_files(shard, records, outcomes).items()}
    findings: list[dict] = []
    quarantined: list[dict] = []
    categories: Counter[str] = Counter()
    for position, (record, outcome) in enumerate(zip(records, outcomes), start=shard.first_record):
        if isinstance(outcome, RedactionResult):
            findings.extend(finding_rows(record.id, outcome))
            categories.update(applied.finding.category for applied in outcome.findings)
        else:
            quarantined.append({"record": position, "id": record.id, **asdict(outcome)})
    files[f"findings/{part}"] = _json_bytes(findings)
    if quarantined:
        files[f"quarantine/{part}"] = _json_bytes(quarantined)
    stale = [f"data/{name}" for name in archive.stale_data_files(shard, records)] + [f"quarantine/{part}"]
    for name in stale:
        if name not in files:
            (output / name).unlink(missing_ok=True)
    checksums = {name: write_atomically(output / name, content) for name, content in sorted(files.items())}
    _fsync_directories({(output / name).parent for name in files})
    report = ShardReport(
        shard=shard.index,
        first_record=shard.first_record,
        records_in=len(records),
        records_out=len(records) - len(quarantined),
        quarantined=len(quarantined),
        findings=dict(sorted(categories.items())),
        checksums=checksums,
    )
    state = _state_path(output, shard.index)
    write_atomically(state, json.dumps(asdict(report), indent=1).encode())
    _fsync_directories({state.parent})
    return report


# ------------------------------------------------------------------------------ workers
@dataclass
class _Worker:
    redactor: Redactor
    policy: Policy
    archive: ArchiveFormat
    output: Path
    progress: Any  # multiprocessing.Value shared with the parent: notes redacted so far
    seconds_per_note: float | None


_WORKER: _Worker | None = None  # set once per worker process by _start_worker


def _start_worker(engine: EngineSettings, archive: ArchiveFormat, output: Path, progress: Any, parent: int) -> None:
    """Load the models once for this process; stop with the parent, even a killed one."""
    global _WORKER
    from redactor.engine import freeze_loaded_objects  # the engine loads in the worker only

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    redactor = engine.build()
    _WORKER = _Worker(redactor, redactor.policy(engine.policy), archive, output, progress, engine.max_seconds)
    freeze_loaded_objects()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)  # uncommitted work is redone by --resume


def _worker_versions() -> dict[str, str]:
    return _WORKER.redactor.versions


def _redact_shard(shard: Shard) -> ShardReport:
    worker = _WORKER
    records = worker.archive.records(shard.payload)
    outcomes: list[Outcome] = []
    for start in range(0, len(records), NOTES_PER_STEP):
        step = records[start : start + NOTES_PER_STEP]
        notes = [record.note for record in step]
        outcomes.extend(redact_notes(worker.redactor, worker.policy, notes, worker.seconds_per_note))
        with worker.progress.get_lock():
            worker.progress.value += len(step)
    return commit_shard(worker.output, worker.archive, shard, records, outcomes)


# ------------------------------------------------------------------------------ the run
def run_batch(archive: ArchiveFormat, output: Path, options: BatchOptions) -> BatchSummary:
    """Redact every record of `archive` into `output`; see the module docstring for the protocol."""
    policy = load_policy(options.engine.policy)
    check_policy_for_archive(policy, options.engine.key)
    load_detector_plugins(options.engine.detector_plugins)  # a bad plugin fails here, not in a worker
    if options.shard_size < 1 or options.workers < 1:
        raise BatchError("--shard-size and --workers must be at least 1")
    if archive.source.is_dir() and output.resolve().is_relative_to(archive.source.resolve()):
        raise BatchError("the output directory must not be inside the input directory")
    request = {
        "input": {**archive.describe(), "fingerprint": archive.fingerprint()},
        "policy": {"name": policy.name, "fingerprint": policy_fingerprint(policy)},
        "key_fingerprint": options.engine.key_fingerprint,
        "max_chars": options.engine.max_chars,
        "max_seconds": options.engine.max_seconds,
        "detector_plugins": list(options.engine.detector_plugins),
        "shard_size": options.shard_size,
    }
    total = archive.count()
    previous = _prepare_output(output, request, options.resume)

    context = multiprocessing.get_context("spawn")
    progress = context.Value("q", 0)
    executor = ProcessPoolExecutor(
        max_workers=options.workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(options.engine, archive, output, progress, os.getpid()),
    )
    try:
        versions = executor.submit(_worker_versions).result()
        run = {**request, "versions": versions}
        if previous is None:
            write_atomically(output / STATE_DIR / "run.json", json.dumps(run, indent=1).encode())
        elif previous.get("versions") != versions:
            raise BatchError("cannot resume: redactor, pipeline or lexicon versions changed since the interrupted run")
        committed = _committed_shards(output)
        reports = _redact_all(executor, archive, options, committed, total, progress)
    except BrokenProcessPool:
        raise BatchFailedError(
            "a worker process could not start or stopped unexpectedly (killed, out of memory?); "
            "finished shards are kept: rerun with --resume"
        ) from None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)

    records_in = sum(report.records_in for report in reports)
    if records_in != total:
        raise BatchFailedError(f"read {records_in} records but counted {total}: did the input change during the run?")
    manifest = _manifest(run, reports, total)
    manifest_path = output / "manifest.json"
    write_atomically(manifest_path, json.dumps(manifest, indent=1, ensure_ascii=False).encode())
    return BatchSummary(
        records_in=records_in,
        records_out=manifest["records"]["out"],
        quarantined=manifest["records"]["quarantined"],
        shards=len(reports),
        shards_resumed=len(committed),
        manifest=manifest_path,
    )


def _prepare_output(output: Path, request: dict, resume: bool) -> dict | None:
    """Create the layout; return the interrupted run's run.json when resuming one."""
    run_file = output / STATE_DIR / "run.json"
    previous = None
    if run_file.exists():
        if not resume:
            raise BatchError(f"{output} holds an earlier run: add --resume to continue it, or choose a new directory")
        previous = json.loads(run_file.read_text())
        changed = sorted(name for name in request if previous.get(name) != request[name])
        if changed:
            raise BatchError(f"cannot resume: changed since the interrupted run: {', '.join(changed)}")
    elif output.exists() and not _holds_only_empty_layout(output):
        raise BatchError(f"output directory is not empty and holds no redactor run: {output}")
    for directory in _LAYOUT:
        (output / directory).mkdir(parents=True, exist_ok=True)
    for leftover in output.rglob(f"*{TEMPORARY_SUFFIX}"):
        leftover.unlink()
    return previous


_LAYOUT = ("data", "findings", "quarantine", f"{STATE_DIR}/shards")


def _holds_only_empty_layout(output: Path) -> bool:
    """True for an empty directory, or one where a run stopped before its first write."""
    top_level = {directory.split("/")[0] for directory in _LAYOUT}
    if any(path.name not in top_level for path in output.iterdir()):
        return False
    return not any(path.is_file() for path in output.rglob("*"))


def _committed_shards(output: Path) -> dict[int, ShardReport]:
    """Shards whose state file exists and whose files are intact; the others will be redone."""
    committed = {}
    for state in sorted((output / STATE_DIR / "shards").glob("*.json")):
        report = ShardReport(**json.loads(state.read_text()))
        if all(_sha256_of(output / name) == digest for name, digest in report.checksums.items()):
            committed[report.shard] = report
    return committed


def _redact_all(
    executor: ProcessPoolExecutor,
    archive: ArchiveFormat,
    options: BatchOptions,
    committed: dict[int, ShardReport],
    total: int,
    progress: Any,
) -> list[ShardReport]:
    from tqdm import tqdm

    reports = dict(committed)
    already = sum(report.records_in for report in committed.values())
    bar = tqdm(
        total=total, initial=already, unit="note", file=sys.stderr, disable=not options.progress, dynamic_ncols=True
    )
    pending: set[Future] = set()

    def collect(limit: int) -> None:
        nonlocal pending
        while len(pending) > limit:
            finished, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in finished:
                report = _result_of(future)
                reports[report.shard] = report
            bar.update(already + progress.value - bar.n)

    try:
        for shard in archive.shards(options.shard_size):
            if shard.index in committed:
                continue
            pending.add(executor.submit(_redact_shard, shard))
            collect(limit=options.workers * SHARDS_IN_FLIGHT_PER_WORKER - 1)
        collect(limit=0)
    finally:
        bar.close()
    return [reports[index] for index in sorted(reports)]


def _result_of(future: Future) -> ShardReport:
    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except RedactorError as error:
        raise BatchFailedError(f"a shard failed: {error}") from None
    except OSError as error:
        raise BatchFailedError(f"a shard could not be written: {error.strerror} ({error.filename})") from None
    except Exception as error:  # never print a foreign message: it could quote a note
        raise BatchFailedError(f"a shard failed with {type(error).__name__}; rerun with --resume") from None


def _manifest(run: dict, reports: list[ShardReport], total: int) -> dict:
    categories: Counter[str] = Counter()
    checksums: dict[str, str] = {}
    for report in reports:
        categories.update(report.findings)
        checksums.update(report.checksums)
    return {
        "input": {**{k: v for k, v in run["input"].items() if k != "fingerprint"}, "records": total},
        "policy": run["policy"],
        "versions": run["versions"],
        "key_fingerprint": run["key_fingerprint"],
        "max_chars": run["max_chars"],
        "max_seconds": run["max_seconds"],
        "detector_plugins": run["detector_plugins"],
        "shard_size": run["shard_size"],
        "shards": len(reports),
        "records": {
            "in": sum(report.records_in for report in reports),
            "out": sum(report.records_out for report in reports),
            "quarantined": sum(report.quarantined for report in reports),
        },
        "findings": dict(sorted(categories.items())),
        "checksums": dict(sorted(checksums.items())),
    }
