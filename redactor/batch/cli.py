"""The `redactor batch` and `redactor spark` commands (registered on the main app by `register`).

Exit status of both: 0 every record redacted; 1 finished, some records quarantined;
2 bad usage or input, nothing redacted; 3 stopped before the end (finished shards are kept,
rerun with --resume); 130 interrupted.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import List, Optional

import typer

from redactor.errors import RedactorError

EXIT_OK = 0
EXIT_QUARANTINED = 1
EXIT_BAD_INPUT = 2
EXIT_STOPPED = 3
EXIT_INTERRUPTED = 130

_POLICY = typer.Option("export", "--policy", "-p", help="Built-in policy name or policy YAML file.")
_OMOP = typer.Option(False, "--omop", help="OMOP CDM note table: note_id, note_text, person_id.")
_ID_COLUMN = typer.Option(None, help="Column (or JSON key) of the note id. (default: id)")
_TEXT_COLUMN = typer.Option(None, help="Column (or JSON key) of the note text. (default: text)")
_PATIENT_COLUMN = typer.Option(
    None,
    help="Column of the patient id, for surrogates consistent across a patient's notes. "
    "(default: patient_id when present)",
)
_MAX_CHARS = typer.Option(None, help="Notes longer than this are quarantined. (default: 100000)")
_MAX_SECONDS = typer.Option(
    60.0, min=0.1, help="A note whose detection takes longer is quarantined (NoteTimedOut)."
)
_PLUGINS = typer.Option(
    None,
    "--detector-plugin",
    help="Extra detectors from 'module:factory' (repeatable); the module must be importable by every worker.",
)


def _stop(message: str, code: int) -> None:
    typer.echo(f"redactor: {message}", err=True)
    raise typer.Exit(code)


def _unexpected(error: Exception) -> str:
    """Names an unexpected error and where it was raised, without its message."""
    frame = traceback.extract_tb(error.__traceback__)[-1]
    return f"unexpected {type(error).__name__} at {Path(frame.filename).name}:{frame.lineno}"


def _columns(omop: bool, id_column: Optional[str], text_column: Optional[str], patient_column: Optional[str]):
    from redactor.batch.formats import OMOP_NOTE_COLUMNS, Columns

    base = OMOP_NOTE_COLUMNS if omop else Columns()
    return Columns(
        id=id_column or base.id,
        text=text_column or base.text,
        patient=patient_column or base.patient,
        patient_required=base.patient_required or patient_column is not None,
    )


def _engine(policy: str, max_chars: Optional[int], plugins: Optional[List[str]], max_seconds: float):
    from redactor.batch.redaction import EngineSettings
    from redactor.engine import DEFAULT_MAX_CHARS, read_key_from_environment

    return EngineSettings(
        policy=policy,
        key=read_key_from_environment(),
        max_chars=max_chars or DEFAULT_MAX_CHARS,
        detector_plugins=tuple(plugins or ()),
        max_seconds=max_seconds,
    )


def batch(
    input: Path = typer.Argument(
        ..., help="Directory of .txt files, or a .jsonl, .csv or .parquet file (or directory)."
    ),
    output: Path = typer.Argument(..., help="Output directory: data/, findings/, quarantine/, manifest.json."),
    policy: str = _POLICY,
    format: str = typer.Option("auto", "--format", help="auto, txt, jsonl, csv or parquet."),
    omop: bool = _OMOP,
    id_column: Optional[str] = _ID_COLUMN,
    text_column: Optional[str] = _TEXT_COLUMN,
    patient_column: Optional[str] = _PATIENT_COLUMN,
    workers: int = typer.Option(os.cpu_count() or 1, help="Worker processes, each with its own models."),
    shard_size: int = typer.Option(1000, help="Records per shard: the unit of output files and of --resume."),
    max_chars: Optional[int] = _MAX_CHARS,
    max_seconds: float = _MAX_SECONDS,
    detector_plugin: Optional[List[str]] = _PLUGINS,
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run in OUTPUT."),
    progress: bool = typer.Option(True, help="Progress bar with rate and ETA on stderr."),
    report: bool = typer.Option(True, help="Write OUTPUT/report.html: findings per category and per note, values."),
) -> None:
    """Redact an archive on this machine with every core; resumable, nothing lost, nothing leaked."""
    from redactor.batch.formats import open_archive
    from redactor.batch.runner import BatchFailedError, BatchOptions, run_batch

    try:
        archive = open_archive(input, _columns(omop, id_column, text_column, patient_column), format)
        options = BatchOptions(
            engine=_engine(policy, max_chars, detector_plugin, max_seconds),
            shard_size=shard_size,
            workers=workers,
            resume=resume,
            progress=progress,
        )
        summary = run_batch(archive, output, options)
    except BatchFailedError as error:
        _stop(str(error), EXIT_STOPPED)
    except RedactorError as error:
        _stop(str(error), EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        _stop("interrupted; finished shards are kept: rerun with --resume", EXIT_INTERRUPTED)
    except Exception as error:  # noqa: BLE001 - a foreign message could quote a note
        _stop(f"{_unexpected(error)}; finished shards are kept: rerun with --resume", EXIT_STOPPED)
    typer.echo(
        f"redactor: {summary.records_in} records in, {summary.records_out} redacted, "
        f"{summary.quarantined} quarantined; {summary.shards} shards ({summary.shards_resumed} kept from an "
        f"earlier run); manifest: {summary.manifest}",
        err=True,
    )
    if report:
        from redactor.batch.report import write_report

        try:
            typer.echo(f"redactor: report: {write_report(archive, output, shard_size)}", err=True)
        except Exception as error:  # noqa: BLE001 - the notes are redacted; only the report is missing
            typer.echo(f"redactor: report not written ({_unexpected(error)})", err=True)
    if summary.quarantined:
        raise typer.Exit(EXIT_QUARANTINED)


def spark(
    input: str = typer.Argument(..., help="Parquet path (any Hadoop file system), or a table name with --table."),
    output: str = typer.Argument(..., help="Output path: data/, findings/, quarantine/ (Parquet), manifest.json."),
    policy: str = _POLICY,
    table: bool = typer.Option(False, "--table", help="INPUT names a table of the Spark catalog (Hive...)."),
    omop: bool = _OMOP,
    id_column: Optional[str] = _ID_COLUMN,
    text_column: Optional[str] = _TEXT_COLUMN,
    patient_column: Optional[str] = _PATIENT_COLUMN,
    max_chars: Optional[int] = _MAX_CHARS,
    max_seconds: float = _MAX_SECONDS,
    detector_plugin: Optional[List[str]] = _PLUGINS,
    master: Optional[str] = typer.Option(None, help="Spark master, e.g. local[4]. (default: from spark-submit)"),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing OUTPUT."),
) -> None:
    """Redact a table or Parquet data set with Spark (needs the `spark` extra)."""
    from redactor.extras import require

    try:
        for module in ("pyspark", "pyarrow", "pandas"):  # pandas: PySpark's mapInArrow checks for it
            require(module, "spark", "redactor spark")
        from redactor.batch.spark import SparkJobError, read_source, run_spark_job, spark_session
    except RedactorError as error:
        _stop(str(error), EXIT_BAD_INPUT)
    except ImportError as error:
        _stop(f"cannot import {error.name}: pip install 'redactor[spark]'", EXIT_BAD_INPUT)

    try:
        engine = _engine(policy, max_chars, detector_plugin, max_seconds)
        columns = _columns(omop, id_column, text_column, patient_column)
        session = spark_session(master)
        source = read_source(session, input, is_table=table)
        summary = run_spark_job(session, source, output, engine, columns, overwrite=overwrite)
    except SparkJobError as error:
        _stop(str(error), EXIT_STOPPED)
    except RedactorError as error:
        _stop(str(error), EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        _stop("interrupted", EXIT_INTERRUPTED)
    except Exception as error:  # noqa: BLE001 - a foreign message could quote a note
        _stop(_unexpected(error), EXIT_STOPPED)
    typer.echo(
        f"redactor: {summary.records_in} records in, {summary.records_out} redacted, "
        f"{summary.quarantined} quarantined; output: {output}",
        err=True,
    )
    if summary.quarantined:
        raise typer.Exit(EXIT_QUARANTINED)


def register(app: typer.Typer) -> None:
    """Add `batch` and `spark` to the `redactor` command."""
    app.command(name="batch")(batch)
    app.command(name="spark")(spark)


if __name__ == "__main__":  # spark-submit entry point: spark-submit redactor/batch/cli.py INPUT OUTPUT ...
    spark_app = typer.Typer(add_completion=False)
    spark_app.command()(spark)
    spark_app(sys.argv[1:], prog_name="redactor-spark")
