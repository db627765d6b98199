"""`redactor analyze|redact|decrypt --input`: JSONL in, JSONL out, one line per record, in order.

Records are read as `redactor batch` reads them (`jsonl_record`) and fail as it fails
(`Failure`: an error class and a message that never quotes the note). With `on_error="quarantine"`
(the default), a record that cannot be processed (bad JSON, a wrong type, an oversize text, a
detector failure, a time limit) is written to the quarantine file with its line, id and reason
(the file is written only when some record failed), and the others are processed; with `"fail"`, every line is checked first and the first failure
stops the run with no output.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Any

from redactor.batch.formats import Columns, jsonl_record
from redactor.batch.redaction import Failure, analyze_texts
from redactor.jsonlines import json_line
from redactor.known import KnownIdentity

ON_ERROR_CHOICES = ("quarantine", "fail")
EXIT_SOME_QUARANTINED = 1  # as `redactor batch`: finished, some records quarantined
EXIT_BAD_INPUT = 2  # bad usage or input: nothing written
STDOUT_QUARANTINE = "redactor-quarantine.jsonl"


class JsonlRunError(Exception):
    """The run cannot go on: `message` for stderr, `code` for the exit status."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Record:
    line: int
    id: Any
    text: str
    patient_id: str | None
    known: KnownIdentity | None = None


@dataclass(frozen=True)
class Rejected:
    """A record that failed, and why."""

    line: int
    id: Any
    failure: Failure

    def row(self) -> dict:
        return {"line": self.line, "id": self.id, **asdict(self.failure)}

    def describe(self) -> str:
        message = self.failure.message
        return message if message.startswith(f"line {self.line}: ") else f"line {self.line}: {message}"


def rejected(record: Record, error: BaseException) -> Rejected:
    return Rejected(record.line, record.id, Failure.from_exception(error))


def read_records(path: Path) -> Iterator[Record | Rejected]:
    """Every non-blank line as a record, or as the reason it is not one."""
    columns = Columns()
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            if not raw_line.strip():
                continue
            source = jsonl_record(number, raw_line, columns)
            if isinstance(source.note, Failure):
                yield Rejected(number, source.id, source.note)
            else:
                note = source.note
                yield Record(number, source.id, note.text, note.patient_id, note.known)


def analyzed(
    redactor: Any, items: Iterable[Record | Rejected], seconds_per_note: float | None
) -> Iterator[tuple[Record, list] | Rejected]:
    """(record, findings) in order, in batches of 256; a record that cannot be analysed (or
    overruns `seconds_per_note`) comes out as `Rejected`."""
    pending = iter(items)
    while batch := list(islice(pending, 256)):
        records = [item for item in batch if isinstance(item, Record)]
        outcomes = iter(
            analyze_texts(redactor, [r.text for r in records], [r.known for r in records], seconds_per_note)
        )
        for item in batch:
            if isinstance(item, Rejected):
                yield item
                continue
            outcome = next(outcomes)
            yield rejected(item, outcome) if isinstance(outcome, BaseException) else (item, outcome)


Transform = Callable[[Iterable[Record | Rejected]], Iterator[dict | Rejected]]


def default_quarantine(output_path: str) -> str:
    return STDOUT_QUARANTINE if output_path == "-" else f"{output_path}.quarantine.jsonl"


def process_jsonl(
    input_path: str,
    output_path: str,
    transform: Transform,
    *,
    on_error: str = "quarantine",
    quarantine_path: str | None = None,
    progress: bool = False,
) -> tuple[int, int]:
    """Write one output line per good record, in order, atomically; return (written, quarantined).

    Raises `JsonlRunError` when the run cannot start, or on the first failure with `on_error="fail"`.
    """
    if on_error not in ON_ERROR_CHOICES:
        raise JsonlRunError(f"--on-error must be one of {', '.join(ON_ERROR_CHOICES)}", EXIT_BAD_INPUT)
    spooled = _spool_input(input_path)
    try:
        count = 0
        for item in read_records(spooled):
            if isinstance(item, Rejected) and on_error == "fail":
                raise JsonlRunError(item.describe(), EXIT_BAD_INPUT)
            count += 1
        outputs = [_Partial(output_path, stdout=output_path == "-")]
        if on_error == "quarantine":
            outputs.append(_Partial(quarantine_path or default_quarantine(output_path), stdout=False))
        written = quarantined = 0
        try:
            bar = _progress_bar(count, enabled=progress and input_path != "-")
            for produced in transform(read_records(spooled)):
                bar.update(1)
                if isinstance(produced, Rejected):
                    if on_error == "fail":
                        raise JsonlRunError(produced.describe(), 1)
                    outputs[1].handle.write(json_line(produced.row()))
                    quarantined += 1
                else:
                    outputs[0].handle.write(json_line(produced))
                    written += 1
            bar.close()
            outputs[0].commit()
            if quarantined:  # no quarantine file when nothing failed
                outputs[1].commit()
        finally:
            for partial in outputs:
                partial.discard()
        return written, quarantined
    finally:
        if input_path == "-":
            spooled.unlink(missing_ok=True)


class _Partial:
    """An output written to a temporary file beside its target, renamed (or copied to stdout)
    only once everything is written."""

    def __init__(self, target: str, *, stdout: bool):
        self.target, self.stdout = target, stdout
        directory = Path(tempfile.gettempdir()) if stdout else Path(target).resolve().parent
        if not directory.is_dir():
            raise JsonlRunError(f"output directory does not exist: {directory}", EXIT_BAD_INPUT)
        self.handle: IO[str] = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=directory, prefix=".redactor-", suffix=".partial", delete=False
        )
        self.path = Path(self.handle.name)

    def commit(self) -> None:
        self.handle.close()
        if self.stdout:
            with self.path.open("r", encoding="utf-8") as produced:
                shutil.copyfileobj(produced, sys.stdout)
            sys.stdout.flush()
        else:
            os.replace(self.path, self.target)

    def discard(self) -> None:
        self.handle.close()
        self.path.unlink(missing_ok=True)


def _spool_input(path: str) -> Path:
    """A readable file holding the whole input (stdin is copied so it can be read twice)."""
    if path != "-":
        source = Path(path)
        if not source.is_file():
            raise JsonlRunError(f"input file not found: {path}", EXIT_BAD_INPUT)
        return source
    handle = tempfile.NamedTemporaryFile(prefix="redactor-stdin-", delete=False)
    with handle:
        shutil.copyfileobj(sys.stdin.buffer, handle)
    return Path(handle.name)


def _progress_bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="note", file=sys.stderr, disable=not enabled, dynamic_ncols=True)
