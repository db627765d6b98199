"""The `redactor` command: analyze, redact, check, eval, policies; serve, batch and spark come
from their adapters (redactor.service, redactor.batch)."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from itertools import islice
from typing import Any, Iterable, Iterator, Optional

import typer

from redactor.batch.cli import register as register_batch_commands
from redactor.errors import RedactorError
from redactor.service.cli import register as register_service_commands

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
log = logging.getLogger("redactor.cli")


class BadRecordError(RedactorError):
    """A JSONL input line is not a record we can process."""


@dataclass(frozen=True)
class Record:
    line: int
    id: Any
    text: str
    patient_id: str | None


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"redactor: {message}", err=True)
    raise typer.Exit(code)


def _load_redactor():
    from redactor import Redactor

    try:
        return Redactor()
    except RedactorError as error:
        _fail(str(error))


def _single_text(text: Optional[str]) -> str:
    if text is not None:
        return text
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        _fail(f"standard input is not valid UTF-8 (byte {error.start})")


def _parse_record(number: int, raw_line: bytes) -> Record:
    try:
        line = raw_line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRecordError(f"line {number}: not valid UTF-8 (byte {error.start})") from None
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadRecordError(f"line {number}: not valid JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise BadRecordError(f"line {number}: expected a JSON object")
    if "id" not in data:
        raise BadRecordError(f"line {number}: missing 'id'")
    if not isinstance(data.get("text"), str):
        raise BadRecordError(f"line {number}: 'text' missing or not a string")
    patient_id = data.get("patient_id")
    if patient_id is not None and not isinstance(patient_id, (str, int)):
        raise BadRecordError(f"line {number}: 'patient_id' must be a string")
    return Record(number, data["id"], data["text"], None if patient_id is None else str(patient_id))


def _spool_input(path: str) -> Path:
    """A readable file holding the whole input (stdin is copied so it can be read twice)."""
    if path != "-":
        source = Path(path)
        if not source.is_file():
            _fail(f"input file not found: {path}")
        return source
    handle = tempfile.NamedTemporaryFile(prefix="redactor-stdin-", delete=False)
    with handle:
        shutil.copyfileobj(sys.stdin.buffer, handle)
    return Path(handle.name)


def _records(path: Path) -> Iterator[Record]:
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            if raw_line.strip():
                yield _parse_record(number, raw_line)


def _process_jsonl(input_path: str, output_path: str, transform, progress: bool) -> None:
    """Validate every line, then write one output line per record, in order, atomically."""
    spooled = _spool_input(input_path)
    try:
        try:
            count = sum(1 for _ in _records(spooled))
        except BadRecordError as error:
            _fail(str(error))
        target_dir = Path(output_path).resolve().parent if output_path != "-" else Path(tempfile.gettempdir())
        if output_path != "-" and not target_dir.is_dir():
            _fail(f"output directory does not exist: {target_dir}")
        handle = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=target_dir, prefix=".redactor-", suffix=".partial", delete=False
        )
        partial = Path(handle.name)
        try:
            with handle:
                bar = _progress_bar(count, enabled=progress and input_path != "-")
                for line in transform(_records(spooled), bar):
                    handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                bar.close()
            if output_path == "-":
                with partial.open("r", encoding="utf-8") as produced:
                    shutil.copyfileobj(produced, sys.stdout)
                sys.stdout.flush()
            else:
                os.replace(partial, output_path)
        except RedactorError as error:
            _fail(str(error), code=1)
        finally:
            partial.unlink(missing_ok=True)
    finally:
        if input_path == "-":
            spooled.unlink(missing_ok=True)


def _progress_bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="note", file=sys.stderr, disable=not enabled, dynamic_ncols=True)


def _analyzed(redactor, records: Iterable[Record], bar) -> Iterator[tuple[Record, list]]:
    """(record, findings) in order, in batches; a record that cannot be analysed stops the run."""
    pending = iter(records)
    while batch := list(islice(pending, 256)):
        for record, outcome in zip(batch, redactor.analyze_many(r.text for r in batch)):
            if isinstance(outcome, Exception):
                raise type(outcome)(f"line {record.line}: {outcome}")
            bar.update(1)
            yield record, outcome


@app.command()
def analyze(
    text: Optional[str] = typer.Argument(None, help="Note text; read from stdin when omitted."),
    input: Optional[str] = typer.Option(None, "--input", "-i", help="JSONL file of {id, text} ('-' for stdin)."),
    output: str = typer.Option("-", "--output", "-o", help="JSONL output file ('-' for stdout)."),
    progress: bool = typer.Option(True, help="Progress bar on stderr for files."),
) -> None:
    """Find identifiers and sensitive content; print findings as JSON."""
    redactor = _load_redactor()
    if input is None:
        try:
            findings = redactor.analyze(_single_text(text))
        except RedactorError as error:
            _fail(str(error), code=1)
        typer.echo(json.dumps({"findings": [f.to_dict() for f in findings]}, ensure_ascii=False))
        return

    def transform(records, bar):
        for record, findings in _analyzed(redactor, records, bar):
            yield {"id": record.id, "findings": [f.to_dict() for f in findings]}

    _process_jsonl(input, output, transform, progress)


@app.command()
def redact(
    text: Optional[str] = typer.Argument(None, help="Note text; read from stdin when omitted."),
    policy: str = typer.Option("export", "--policy", "-p", help="Built-in policy name or policy YAML file."),
    input: Optional[str] = typer.Option(None, "--input", "-i", help="JSONL file of {id, text[, patient_id]}."),
    output: str = typer.Option("-", "--output", "-o", help="JSONL output file ('-' for stdout)."),
    patient_id: Optional[str] = typer.Option(None, help="Patient id for consistent surrogates (single text)."),
    as_json: bool = typer.Option(False, "--json", help="Single text: print the full result as JSON."),
    progress: bool = typer.Option(True, help="Progress bar on stderr for files."),
) -> None:
    """Redact under a policy; print the redacted text (or JSONL records)."""
    redactor = _load_redactor()
    try:
        chosen = redactor.policy(policy)
        if chosen.needs_key and redactor.key is None:
            raise RedactorError(f"policy {chosen.name!r} needs a key: set REDACTOR_KEY or REDACTOR_KEY_FILE")
    except RedactorError as error:
        _fail(str(error))
    if input is None:
        note = _single_text(text)
        try:
            result = redactor.apply(note, redactor.analyze(note), chosen, patient_id=patient_id)
        except RedactorError as error:
            _fail(str(error), code=1)
        if as_json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            typer.echo(result.text, nl=not result.text.endswith("\n"))
        return

    def transform(records, bar):
        for record, findings in _analyzed(redactor, records, bar):
            result = redactor.apply(record.text, findings, chosen, patient_id=record.patient_id)
            yield {"id": record.id, "text": result.text, "findings": [f.to_dict() for f in result.findings]}

    _process_jsonl(input, output, transform, progress)


@app.command()
def check(
    text: Optional[str] = typer.Argument(None, help="Note text; read from stdin when omitted."),
    as_json: bool = typer.Option(False, "--json", help="Print the warnings as JSON (offsets, no note text)."),
) -> None:
    """Warn, in French, about sensitive passages of a note being written (special categories)."""
    redactor = _load_redactor()
    note = _single_text(text)
    try:
        warnings = redactor.check(note)
    except RedactorError as error:
        _fail(str(error), code=1)
    if as_json:
        typer.echo(json.dumps({"warnings": [w.to_dict() for w in warnings]}, ensure_ascii=False))
        return
    for warning in warnings:
        finding = warning.finding
        typer.echo(f"« {note[finding.start:finding.end]} » ({finding.start}-{finding.end}) {warning.message}")


@app.command(name="eval")
def evaluate_command(
    gold: Path = typer.Option(..., "--gold", help="Gold JSONL: {id, text, spans[, traps]}."),
    scope: str = typer.Option("auto", help="identifiers, special, all, or auto (from the gold)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    show_errors: int = typer.Option(0, help="Print up to N misses and false positives (with dev text)."),
) -> None:
    """Per-category precision/recall, character-level recall and leak-free notes on gold notes."""
    from redactor.evaluation import SCOPES, evaluate, format_report, infer_scope, read_gold

    try:
        notes = read_gold(gold)
    except (OSError, ValueError) as error:
        _fail(str(error))
    chosen_scope = infer_scope(notes) if scope == "auto" else scope
    if chosen_scope not in SCOPES:
        _fail(f"unknown scope {scope!r}; use identifiers, special, all or auto")
    redactor = _load_redactor()
    outcomes = redactor.analyze_many(note.text for note in notes)
    pairs = []
    for note, outcome in zip(notes, outcomes):
        if isinstance(outcome, Exception):
            _fail(f"note {note.id}: {outcome}", code=1)
        pairs.append((note, outcome))
    report = evaluate(pairs, chosen_scope)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        for line in format_report(report):
            typer.echo(line)
    if show_errors:
        texts = {note.id: note.text for note in notes}
        for error in report.errors[:show_errors]:
            text = texts[error.note_id]
            context = text[max(0, error.start - 30) : error.start] + "[" + text[error.start : error.end] + "]"
            context += text[error.end : error.end + 30]
            typer.echo(f"{error.kind:<15}{error.category:<18}{error.note_id:<12}{context!r}")


@app.command()
def policies() -> None:
    """List the built-in policies."""
    from redactor.policy import builtin_policy_names, load_policy

    for name in builtin_policy_names():
        typer.echo(f"{name}: {load_policy(name).description}")


register_service_commands(app)
register_batch_commands(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
