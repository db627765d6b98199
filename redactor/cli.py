"""The `redactor` command: analyze, redact, check, eval, policies; serve, batch and spark come
from their adapters (redactor.service, redactor.batch)."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer

from redactor.batch.cli import register as register_batch_commands
from redactor.errors import RedactorError
from redactor.review.cli import register as register_review_command
from redactor.service.cli import register as register_service_commands

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
log = logging.getLogger("redactor.cli")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"redactor: {message}", err=True)
    raise typer.Exit(code)


def _load_redactor(site: Optional[Path] = None, max_chars: Optional[int] = None):
    from redactor.engine import DEFAULT_MAX_CHARS, Redactor

    try:
        return Redactor(site=site, max_chars=max_chars or DEFAULT_MAX_CHARS)
    except RedactorError as error:
        _fail(str(error))


_SITE_OPTION = typer.Option(
    None, "--site-lexicons", envvar="REDACTOR_SITE_DIR", help="Directory of the site's lexicons and allow-list."
)


def _single_text(text: Optional[str]) -> str:
    if text is not None:
        return text
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        _fail(f"standard input is not valid UTF-8 (byte {error.start})")


_ON_ERROR_OPTION = typer.Option(
    "quarantine", "--on-error", help="A record that fails: 'quarantine' it and go on, or 'fail' the run."
)
_QUARANTINE_OPTION = typer.Option(
    None,
    "--quarantine",
    help="Quarantine file (default: OUTPUT.quarantine.jsonl, ./redactor-quarantine.jsonl for stdout).",
)
_MAX_CHARS_OPTION = typer.Option(None, "--max-chars", help="Longer texts fail (are quarantined). (default: 100000)")
_MAX_SECONDS_OPTION = typer.Option(60.0, "--max-seconds", help="A record whose detection takes longer fails.")


def _run_jsonl(
    input_path: str, output_path: str, transform, *, on_error: str, quarantine: Optional[str], progress: bool
) -> None:
    """Run a JSONL job; exit 1 when some records were quarantined, 2 when nothing was written."""
    from redactor.jsonl_cli import EXIT_SOME_QUARANTINED, JsonlRunError, default_quarantine, process_jsonl

    try:
        written, quarantined = process_jsonl(
            input_path, output_path, transform, on_error=on_error, quarantine_path=quarantine, progress=progress
        )
    except JsonlRunError as error:
        _fail(str(error), code=error.code)
    if on_error == "quarantine":
        where = quarantine or default_quarantine(output_path)
        typer.echo(f"redactor: {written} records written, {quarantined} quarantined ({where})", err=True)
        if quarantined:
            raise typer.Exit(EXIT_SOME_QUARANTINED)


@app.command()
def analyze(
    text: Optional[str] = typer.Argument(None, help="Note text; read from stdin when omitted."),
    input: Optional[str] = typer.Option(
        None, "--input", "-i", help="JSONL file of {id, text[, known]} ('-' for stdin)."
    ),
    output: str = typer.Option("-", "--output", "-o", help="JSONL output file ('-' for stdout)."),
    progress: bool = typer.Option(True, help="Progress bar on stderr for files."),
    site: Optional[Path] = _SITE_OPTION,
    on_error: str = _ON_ERROR_OPTION,
    quarantine: Optional[str] = _QUARANTINE_OPTION,
    max_chars: Optional[int] = _MAX_CHARS_OPTION,
    max_seconds: float = _MAX_SECONDS_OPTION,
) -> None:
    """Find identifiers and sensitive content; print findings as JSON."""
    redactor = _load_redactor(site, max_chars)
    if input is None:
        try:
            findings = redactor.analyze(_single_text(text))
        except RedactorError as error:
            _fail(str(error), code=1)
        typer.echo(json.dumps({"findings": [f.to_dict() for f in findings]}, ensure_ascii=False))
        return

    from redactor.jsonl_cli import analyzed

    def transform(items):
        for item in analyzed(redactor, items, max_seconds):
            if isinstance(item, tuple):
                record, findings = item
                yield {"id": record.id, "findings": [f.to_dict() for f in findings]}
            else:
                yield item

    _run_jsonl(input, output, transform, on_error=on_error, quarantine=quarantine, progress=progress)


@app.command()
def redact(
    text: Optional[str] = typer.Argument(None, help="Note text; read from stdin when omitted."),
    policy: str = typer.Option("export", "--policy", "-p", help="Built-in policy name or policy YAML file."),
    input: Optional[str] = typer.Option(
        None, "--input", "-i", help="JSONL file of {id, text[, patient_id, known]}."
    ),
    output: str = typer.Option("-", "--output", "-o", help="JSONL output file ('-' for stdout)."),
    patient_id: Optional[str] = typer.Option(None, help="Patient id for consistent surrogates (single text)."),
    as_json: bool = typer.Option(False, "--json", help="Single text: print the full result as JSON."),
    progress: bool = typer.Option(True, help="Progress bar on stderr for files."),
    site: Optional[Path] = _SITE_OPTION,
    on_error: str = _ON_ERROR_OPTION,
    quarantine: Optional[str] = _QUARANTINE_OPTION,
    max_chars: Optional[int] = _MAX_CHARS_OPTION,
    max_seconds: float = _MAX_SECONDS_OPTION,
) -> None:
    """Redact under a policy; print the redacted text (or JSONL records)."""
    redactor = _load_redactor(site, max_chars)
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

    from redactor.jsonl_cli import analyzed, rejected

    def transform(items):
        for item in analyzed(redactor, items, max_seconds):
            if not isinstance(item, tuple):
                yield item
                continue
            record, findings = item
            try:
                result = redactor.apply(record.text, findings, chosen, patient_id=record.patient_id)
            except Exception as error:  # fail closed: this record only
                yield rejected(record, error)
                continue
            yield {"id": record.id, "text": result.text, "findings": [f.to_dict() for f in result.findings]}

    _run_jsonl(input, output, transform, on_error=on_error, quarantine=quarantine, progress=progress)


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
    gold: Path = typer.Option(
        ..., "--gold", help="Gold JSONL {id, text, spans[, traps]}, or BRAT: a directory of .txt/.ann, or one .ann."
    ),
    scope: str = typer.Option("auto", help="identifiers, special, all, or auto (from the gold)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    show_errors: int = typer.Option(0, help="Print up to N misses and false positives (with dev text)."),
) -> None:
    """Per-category precision/recall, character-level recall and leak-free notes on gold notes."""
    from redactor.brat import read_gold_any
    from redactor.evaluation import SCOPES, evaluate, format_report, infer_scope

    try:
        notes = read_gold_any(gold)
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
def decrypt(
    text: Optional[str] = typer.Argument(None, help="Redacted text; read from stdin when omitted."),
    input: Optional[str] = typer.Option(None, "--input", "-i", help="JSONL file of {id, text} ('-' for stdin)."),
    output: str = typer.Option("-", "--output", "-o", help="JSONL output file ('-' for stdout)."),
    policy: str = typer.Option("export", "--policy", "-p", help="Policy whose tag template wraps the tokens."),
) -> None:
    """Turn the encrypt operator's tokens back into the original values (needs the encryption key)."""
    from redactor.policy import load_policy
    from redactor.reversible import ValueCipher

    try:
        cipher = ValueCipher.from_environment()
        template = load_policy(policy).tag_template
    except RedactorError as error:
        _fail(str(error))
    if input is None:
        try:
            restored = cipher.decrypt_text(_single_text(text), template)
        except RedactorError as error:
            _fail(str(error), code=1)
        typer.echo(restored.text, nl=not restored.text.endswith("\n"))
        return

    from redactor.jsonl_cli import Record, rejected

    def transform(items):
        for item in items:
            if not isinstance(item, Record):
                yield item
                continue
            try:
                yield {"id": item.id, "text": cipher.decrypt_text(item.text, template).text}
            except RedactorError as error:
                yield rejected(item, error)

    _run_jsonl(input, output, transform, on_error="fail", quarantine=None, progress=False)


@app.command()
def policies() -> None:
    """List the built-in policies."""
    from redactor.policy import builtin_policy_names, load_policy

    for name in builtin_policy_names():
        typer.echo(f"{name}: {load_policy(name).description}")


register_service_commands(app)
register_batch_commands(app)
register_review_command(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
