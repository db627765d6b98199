"""Archive formats: how records are read in shards and written back in the input's format.

A format reads its input as a sequence of `Shard`s of `size` records, in a deterministic order
(so that a resumed run cuts the same shards), with only one shard's records in memory. In a
worker, it turns a shard into notes and, once redacted, into output files (name -> bytes).
Record-level problems (bad JSON line, text not a string, invalid UTF-8) become `Failure`s that
go to quarantine; problems with the input as a whole raise `InvalidInputError` before any work.
"""

from __future__ import annotations

import hashlib
import io
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Iterator

from redactor.batch.redaction import Failure, Note, Outcome
from redactor.errors import InvalidInputError
from redactor.extras import require
from redactor.findings import RedactionResult
from redactor.known import KnownIdentity
from redactor.jsonlines import json_line


@dataclass(frozen=True)
class Columns:
    """Where id, text and patient id are in a record. The patient column is optional unless
    `patient_required`: records without it get surrogates consistent within the archive only."""

    id: str = "id"
    text: str = "text"
    patient: str | None = "patient_id"
    patient_required: bool = False
    known: str = "known"  # optional: the EHR's known identity, a JSON object (its text in CSV, Parquet)


OMOP_NOTE_COLUMNS = Columns(id="note_id", text="note_text", patient="person_id", patient_required=True)


@dataclass(frozen=True)
class Shard:
    index: int
    first_record: int
    size: int
    payload: Any  # what the format needs to rebuild the records: lines, files, a table


@dataclass(frozen=True)
class SourceRecord:
    id: Any
    note: Note | Failure


class ArchiveFormat(ABC):
    """One input archive in one format."""

    name: ClassVar[str]
    data_suffix: ClassVar[str]
    needs: ClassVar[tuple[str, ...]] = ()  # modules of the `batch` extra that this format reads with

    def __init__(self, source: Path, columns: Columns):
        self.source = source
        self.columns = columns

    @abstractmethod
    def check(self) -> None:
        """Raise InvalidInputError if the input cannot be read as this format with these columns."""

    @abstractmethod
    def count(self) -> int:
        """Number of records (a cheap pass: metadata, file list or a parse without redaction)."""

    @abstractmethod
    def payloads(self, size: int) -> Iterator[Any]:
        """Consecutive payloads of `size` records (the last may be shorter)."""

    @abstractmethod
    def records(self, payload: Any) -> list[SourceRecord]:
        """The records of a payload, in order."""

    @abstractmethod
    def data_files(self, shard: Shard, records: list[SourceRecord], outcomes: list[Outcome]) -> dict[str, bytes]:
        """Output files under data/ (relative name -> content) for the redacted records."""

    def stale_data_files(self, shard: Shard, records: list[SourceRecord]) -> list[str]:
        """Files under data/ that an earlier attempt at this shard may have left and this one may not write."""
        return []

    def shards(self, size: int) -> Iterator[Shard]:
        first = 0
        for index, payload in enumerate(self.payloads(size)):
            count = self._payload_size(payload)
            yield Shard(index=index, first_record=first, size=count, payload=payload)
            first += count

    def _payload_size(self, payload: Any) -> int:
        return len(payload)

    def fingerprint(self) -> str:
        """Changes when the input files change (names, sizes, modification times)."""
        digest = hashlib.sha256()
        for path in self._input_files():
            stat = path.stat()
            relative = path.relative_to(self.source).as_posix() if self.source.is_dir() else path.name
            digest.update(json.dumps([relative, stat.st_size, stat.st_mtime_ns]).encode() + b"\n")
        return digest.hexdigest()[:16]

    def _input_files(self) -> list[Path]:
        return [self.source]

    def part_name(self, shard: Shard) -> str:
        return f"part-{shard.index:06d}{self.data_suffix}"

    def describe(self) -> dict:
        return {"path": str(self.source), "format": self.name, "columns": self._columns_used()}

    def _columns_used(self) -> dict:
        return {"id": self.columns.id, "text": self.columns.text, "patient": self.columns.patient}


def _patient_id(value: Any) -> str | None:
    return None if value is None else str(value)


def known_identity(value: Any, column: str) -> KnownIdentity | None:
    """A record's known identity from a JSON object or its text; None when absent or empty."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (json.JSONDecodeError, RecursionError):
            raise InvalidInputError(f"{column!r} is not valid JSON") from None
    try:
        return KnownIdentity.from_mapping(value)
    except InvalidInputError as error:
        raise InvalidInputError(f"{column!r}: {error}") from None


def _note(text: Any, patient: str | None, known: Any, columns: Columns) -> Note | Failure:
    try:
        return Note(text, patient, known_identity(known, columns.known))
    except InvalidInputError as error:
        return Failure.from_exception(error)


def _redacted_texts(outcomes: list[Outcome]) -> list[str]:
    return [outcome.text for outcome in outcomes if isinstance(outcome, RedactionResult)]


class TextDirectory(ArchiveFormat):
    """A directory of UTF-8 `.txt` files, one note each; the id is the path under the directory.

    Written back as the same tree under data/. There is no patient id.
    """

    name = "txt"
    data_suffix = ".txt"

    def check(self) -> None:
        if not self.source.is_dir():
            raise InvalidInputError(f"not a directory: {self.source}")

    def _input_files(self) -> list[Path]:
        return sorted(path for path in self.source.rglob("*.txt") if path.is_file())

    def count(self) -> int:
        return len(self._input_files())

    def payloads(self, size: int) -> Iterator[list[tuple[str, bytes]]]:
        files = self._input_files()
        for start in range(0, len(files), size):
            yield [
                (path.relative_to(self.source).as_posix(), path.read_bytes()) for path in files[start : start + size]
            ]

    def records(self, payload: list[tuple[str, bytes]]) -> list[SourceRecord]:
        records = []
        for name, content in payload:
            try:
                note: Note | Failure = Note(content.decode("utf-8"), None)
            except UnicodeDecodeError as error:
                note = Failure.from_exception(InvalidInputError(f"not valid UTF-8 (byte {error.start})"))
            records.append(SourceRecord(name, note))
        return records

    def data_files(self, shard: Shard, records: list[SourceRecord], outcomes: list[Outcome]) -> dict[str, bytes]:
        return {
            record.id: outcome.text.encode("utf-8")
            for record, outcome in zip(records, outcomes)
            if isinstance(outcome, RedactionResult)
        }

    def stale_data_files(self, shard: Shard, records: list[SourceRecord]) -> list[str]:
        return [record.id for record in records]

    def _columns_used(self) -> dict:
        return {"id": "path", "text": "file content", "patient": None}


class JsonLines(ArchiveFormat):
    """One JSON object a line; blank lines are skipped. A bad line is quarantined with its line
    number. Written back as the same objects with the text replaced, one part file per shard."""

    name = "jsonl"
    data_suffix = ".jsonl"

    def check(self) -> None:
        """The file exists, and its first record has the id and text keys (a wrong --text-column
        would otherwise quarantine every record)."""
        if not self.source.is_file():
            raise InvalidInputError(f"input file not found: {self.source}")
        for number, line in self._lines():
            try:
                first = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
                return  # a bad line is that record's problem: it is quarantined
            if isinstance(first, dict):
                check_columns(list(first), self.columns, f"{self.source.name} line {number}")
            return

    def _lines(self) -> Iterator[tuple[int, bytes]]:
        with self.source.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, line

    def count(self) -> int:
        return sum(1 for _ in self._lines())

    def payloads(self, size: int) -> Iterator[list[tuple[int, bytes]]]:
        batch: list[tuple[int, bytes]] = []
        for item in self._lines():
            batch.append(item)
            if len(batch) == size:
                yield batch
                batch = []
        if batch:
            yield batch

    def records(self, payload: list[tuple[int, bytes]]) -> list[SourceRecord]:
        return [jsonl_record(number, line, self.columns) for number, line in payload]

    def data_files(self, shard: Shard, records: list[SourceRecord], outcomes: list[Outcome]) -> dict[str, bytes]:
        lines = []
        for (_, line), outcome in zip(shard.payload, outcomes):
            if isinstance(outcome, RedactionResult):
                data = json.loads(line)
                data[self.columns.text] = outcome.text
                data.pop(self.columns.known, None)  # the identity the text was redacted of
                lines.append(json_line(data))
        return {self.part_name(shard): "".join(lines).encode("utf-8")}


def jsonl_record(number: int, line: bytes, columns: Columns) -> SourceRecord:
    """The record on line `number` of a JSONL file, or its `Failure` (not UTF-8, not JSON, not an
    object, no id, text not a string, bad patient id): shared by `batch` and `analyze/redact --input`."""

    def invalid(message: str, record_id: Any = None) -> SourceRecord:
        return SourceRecord(record_id, Failure.from_exception(InvalidInputError(f"line {number}: {message}")))

    try:
        data = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        return invalid(f"not valid UTF-8 (byte {error.start})")
    except json.JSONDecodeError as error:
        return invalid(f"not valid JSON ({error.msg})")
    except RecursionError:
        return invalid("not valid JSON (nested too deeply)")
    if not isinstance(data, dict):
        return invalid("expected a JSON object")
    if columns.id not in data:
        return invalid(f"missing {columns.id!r}")
    record_id = data[columns.id]
    if not isinstance(data.get(columns.text), str):
        return invalid(f"{columns.text!r} missing or not a string", record_id)
    patient = data.get(columns.patient) if columns.patient else None
    if patient is None and columns.patient_required:
        return invalid(f"missing {columns.patient!r}", record_id)
    if patient is not None and not isinstance(patient, (str, int)):
        return invalid(f"{columns.patient!r} must be a string or an integer", record_id)
    try:
        known = known_identity(data.get(columns.known), columns.known)
    except InvalidInputError as error:
        return invalid(str(error), record_id)
    return SourceRecord(record_id, Note(data[columns.text], _patient_id(patient), known))


class CsvFile(ArchiveFormat):
    """A CSV file with a header row (comma-separated, UTF-8). Every value is read and written
    back as text, so ids like "007" keep their zeros; one part file per shard, with the header."""

    name = "csv"
    data_suffix = ".csv"
    needs = ("pandas",)

    def _read(self, **options: Any):
        import pandas as pd

        return pd.read_csv(self.source, dtype=str, keep_default_na=False, encoding="utf-8-sig", **options)

    def check(self) -> None:
        if not self.source.is_file():
            raise InvalidInputError(f"input file not found: {self.source}")
        try:
            header = list(self._read(nrows=0).columns)
        except (ValueError, UnicodeDecodeError) as error:
            raise InvalidInputError(f"{self.source.name}: cannot read a CSV header ({type(error).__name__})") from None
        check_columns(header, self.columns, self.source.name)

    def count(self) -> int:
        try:
            return sum(len(chunk) for chunk in self._read(chunksize=10_000, usecols=[self.columns.id]))
        except UnicodeDecodeError as error:
            raise InvalidInputError(f"{self.source.name}: not valid UTF-8 (byte {error.start})") from None
        except ValueError as error:  # pandas' parser errors name a line, never quote values
            raise InvalidInputError(f"{self.source.name}: {error}") from None

    def payloads(self, size: int) -> Iterator[Any]:
        yield from self._read(chunksize=size)

    def records(self, payload: Any) -> list[SourceRecord]:
        records = []
        patients = self._patients(payload)
        known = payload[self.columns.known] if self.columns.known in payload.columns else [None] * len(payload)
        rows = zip(payload[self.columns.id], payload[self.columns.text], patients, known)
        for record_id, text, patient, identity in rows:
            note: Note | Failure = _note(text, patient, identity, self.columns)
            if patient is None and self.columns.patient_required:
                note = Failure.from_exception(InvalidInputError(f"{self.columns.patient!r} is empty"))
            records.append(SourceRecord(record_id, note))
        return records

    def _patients(self, payload: Any) -> list[str | None]:
        if self.columns.patient in payload.columns:
            return [value or None for value in payload[self.columns.patient]]
        return [None] * len(payload)

    def data_files(self, shard: Shard, records: list[SourceRecord], outcomes: list[Outcome]) -> dict[str, bytes]:
        kept = shard.payload[[isinstance(outcome, RedactionResult) for outcome in outcomes]].copy()
        kept[self.columns.text] = _redacted_texts(outcomes)
        kept = kept.drop(columns=[self.columns.known], errors="ignore")  # the identity redacted away
        return {self.part_name(shard): kept.to_csv(index=False).encode("utf-8")}


class ParquetDataset(ArchiveFormat):
    """A Parquet file or a directory of Parquet files (a Spark or Hive table's files), read in
    path order. Written back with the same schema, one part file per shard."""

    name = "parquet"
    data_suffix = ".parquet"
    needs = ("pyarrow",)

    def _input_files(self) -> list[Path]:
        if self.source.is_dir():
            return sorted(path for path in self.source.rglob("*.parquet") if path.is_file())
        return [self.source]

    def _schema(self):
        import pyarrow.parquet as pq

        return pq.read_schema(self._input_files()[0])

    def check(self) -> None:
        import pyarrow as pa

        if not self.source.exists():
            raise InvalidInputError(f"input not found: {self.source}")
        if not self._input_files():
            raise InvalidInputError(f"no .parquet files under {self.source}")
        try:
            schema = self._schema()
        except (OSError, pa.ArrowException) as error:
            raise InvalidInputError(f"cannot read a Parquet schema ({type(error).__name__})") from None
        check_columns(schema.names, self.columns, self.source.name)
        text_type = schema.field(self.columns.text).type
        if not (pa.types.is_string(text_type) or pa.types.is_large_string(text_type)):
            raise InvalidInputError(f"column {self.columns.text!r} is {text_type}, not a string column")

    def count(self) -> int:
        import pyarrow.parquet as pq

        return sum(pq.ParquetFile(path).metadata.num_rows for path in self._input_files())

    def payloads(self, size: int) -> Iterator[Any]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = self._schema()
        pending: list[Any] = []
        pending_rows = 0
        for path in self._input_files():
            for batch in pq.ParquetFile(path).iter_batches(batch_size=size):
                if not batch.schema.equals(schema, check_metadata=False):
                    raise InvalidInputError(f"{path.name} does not have the schema of the first Parquet file")
                pending.append(batch)
                pending_rows += batch.num_rows
                while pending_rows >= size:
                    table = pa.Table.from_batches(pending, schema=schema)
                    yield table.slice(0, size).combine_chunks()
                    rest = table.slice(size)
                    pending, pending_rows = rest.to_batches(), rest.num_rows
        if pending_rows:
            yield pa.Table.from_batches(pending, schema=schema).combine_chunks()

    def _payload_size(self, payload: Any) -> int:
        return payload.num_rows

    def records(self, payload: Any) -> list[SourceRecord]:
        return arrow_records(payload, self.columns)

    def data_files(self, shard: Shard, records: list[SourceRecord], outcomes: list[Outcome]) -> dict[str, bytes]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = shard.payload.filter(pa.array([isinstance(outcome, RedactionResult) for outcome in outcomes]))
        position = table.schema.get_field_index(self.columns.text)
        field = table.schema.field(position)
        table = table.set_column(position, field, pa.array(_redacted_texts(outcomes), type=field.type))
        if self.columns.known in table.column_names:  # the identity the text was redacted of
            table = table.drop_columns([self.columns.known])
        buffer = io.BytesIO()
        pq.write_table(table, buffer)
        return {self.part_name(shard): buffer.getvalue()}


def arrow_records(table: Any, columns: Columns) -> list[SourceRecord]:
    """The records of an Arrow table or record batch (Parquet shards and Spark batches alike)."""
    import pyarrow as pa

    ids = table.column(columns.id).to_pylist()
    texts = table.column(columns.text).to_pylist()
    if columns.patient in table.column_names:
        patients = table.column(columns.patient).cast(pa.string()).to_pylist()
    else:
        patients = [None] * table.num_rows
    if columns.known in table.column_names:
        known = table.column(columns.known).to_pylist()
    else:
        known = [None] * table.num_rows
    records = []
    for record_id, text, patient, identity in zip(ids, texts, patients, known):
        note: Note | Failure = _note(text, patient, identity, columns)
        if text is None:
            note = Failure.from_exception(InvalidInputError(f"{columns.text!r} is null"))
        elif patient is None and columns.patient_required:
            note = Failure.from_exception(InvalidInputError(f"{columns.patient!r} is null"))
        records.append(SourceRecord(record_id, note))
    return records


def check_columns(available: list[str], columns: Columns, where: str) -> None:
    required = [columns.id, columns.text] + ([columns.patient] if columns.patient_required else [])
    missing = [name for name in required if name not in available]
    if missing:
        raise InvalidInputError(f"{where}: missing column(s) {', '.join(missing)}; columns are: {', '.join(available)}")


FORMATS: dict[str, type[ArchiveFormat]] = {cls.name: cls for cls in (TextDirectory, JsonLines, CsvFile, ParquetDataset)}
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


def open_archive(source: Path, columns: Columns, format_name: str = "auto") -> ArchiveFormat:
    """The archive at `source`; "auto" picks the format from the suffix, and for a directory
    Parquet if it holds .parquet files, else text files."""
    if format_name == "auto":
        if source.is_dir():
            format_name = "parquet" if any(source.rglob("*.parquet")) else "txt"
        elif source.suffix.lower() in _SUFFIXES:
            format_name = _SUFFIXES[source.suffix.lower()]
        elif not source.exists():
            raise InvalidInputError(f"input not found: {source}")
        else:
            raise InvalidInputError(f"cannot tell the format of {source.name}: use --format")
    if format_name not in FORMATS:
        raise InvalidInputError(f"unknown format {format_name!r}; known: auto, {', '.join(FORMATS)}")
    for module in FORMATS[format_name].needs:
        require(module, "batch", f"reading {format_name}")
    archive = FORMATS[format_name](source.resolve(), columns)
    archive.check()
    return archive
