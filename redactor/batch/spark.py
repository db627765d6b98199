"""The Spark job: redact a table or Parquet data set with `mapInArrow`, the same policy and the
same `redact_notes` as the single-machine runner, models loaded once per Python worker.

mapInArrow (rather than mapInPandas) hands the worker Arrow batches as they are: no pandas
conversion, so nullable integers, dates and decimals of the other columns come back unchanged,
and records are read by the same `arrow_records` as Parquet shards on one machine.

OUTPUT gets data/ (the rows with the text redacted), findings/ (one row per finding) and
quarantine/ (id, error, message) as Parquet, and manifest.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from py4j.protocol import Py4JJavaError
from pyspark.errors import AnalysisException, PySparkException
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T
from pyspark.storagelevel import StorageLevel

from redactor.batch.formats import Columns, arrow_records, check_columns
from redactor.batch.redaction import EngineSettings, check_policy_for_archive, policy_fingerprint, redact_notes
from redactor.errors import InvalidInputError, RedactorError
from redactor.findings import RedactionResult
from redactor.plugins import load_detector_plugins
from redactor.policy import Policy, load_policy

if TYPE_CHECKING:
    import pyarrow as pa

    from redactor.engine import Redactor

FINDINGS_COLUMN = "_redactor_findings"
ERROR_COLUMN = "_redactor_error"
MESSAGE_COLUMN = "_redactor_message"
VERSIONS_COLUMN = "_redactor_versions"
_ADDED_COLUMNS = (FINDINGS_COLUMN, ERROR_COLUMN, MESSAGE_COLUMN, VERSIONS_COLUMN)

FINDING_SCHEMA = T.StructType(
    [
        T.StructField("start", T.LongType()),
        T.StructField("end", T.LongType()),
        T.StructField("category", T.StringType()),
        T.StructField("score", T.DoubleType()),
        T.StructField("detector", T.StringType()),
        T.StructField(
            "qualifiers",
            T.StructType(
                [
                    T.StructField("negated", T.BooleanType()),
                    T.StructField("hypothetical", T.BooleanType()),
                    T.StructField("reported", T.BooleanType()),
                    T.StructField("subject", T.StringType()),
                ]
            ),
        ),
        T.StructField("reveals", T.StringType()),  # on a facility whose name reveals a special category
        T.StructField("operator", T.StringType()),
        T.StructField("redacted_start", T.LongType()),
        T.StructField("redacted_end", T.LongType()),
        T.StructField("scope_start", T.LongType()),
        T.StructField("scope_end", T.LongType()),
    ]
)


class SparkJobError(RedactorError):
    """The Spark job failed after it started."""


@dataclass(frozen=True)
class SparkSummary:
    records_in: int
    records_out: int
    quarantined: int


def spark_session(master: str | None) -> SparkSession:
    """The active session (spark-submit) or a new one on `master`. In local mode the Python
    workers run this interpreter unless PYSPARK_PYTHON says otherwise."""
    import os
    import sys

    builder = SparkSession.builder.appName("redactor")
    if master:
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate()


@lru_cache(maxsize=4)
def _engine(settings: EngineSettings) -> tuple[Redactor, Policy]:
    """The Redactor of this Python worker: built on its first batch, reused for the next ones."""
    from redactor.engine import freeze_loaded_objects  # the engine loads in the worker only

    redactor = settings.build()
    policy = redactor.policy(settings.policy)
    freeze_loaded_objects()
    return redactor, policy


def _redact_batches(
    settings: EngineSettings, columns: Columns, batches: Iterator[pa.RecordBatch]
) -> Iterator[pa.RecordBatch]:
    import pyarrow as pa

    redactor, policy = _engine(settings)
    versions = json.dumps(redactor.versions, sort_keys=True)
    for batch in batches:
        records = arrow_records(batch, columns)
        outcomes = redact_notes(redactor, policy, [record.note for record in records], settings.max_seconds)
        redacted = [outcome.text if isinstance(outcome, RedactionResult) else None for outcome in outcomes]
        findings = [
            json.dumps([applied.to_dict() for applied in outcome.findings])
            if isinstance(outcome, RedactionResult)
            else None
            for outcome in outcomes
        ]
        errors = [None if isinstance(outcome, RedactionResult) else outcome.error for outcome in outcomes]
        messages = [None if isinstance(outcome, RedactionResult) else outcome.message for outcome in outcomes]
        text_index = batch.schema.get_field_index(columns.text)
        arrays = list(batch.columns)
        arrays[text_index] = pa.array(redacted, type=batch.schema.field(text_index).type)
        added = [pa.array(values, type=pa.string()) for values in (findings, errors, messages)]
        added.append(pa.array([versions] * batch.num_rows, type=pa.string()))
        yield pa.RecordBatch.from_arrays(arrays + added, names=batch.schema.names + list(_ADDED_COLUMNS))


def redact_dataframe(source: DataFrame, settings: EngineSettings, columns: Columns) -> DataFrame:
    """`source` with the text redacted (null when quarantined) and the columns findings (JSON),
    error, message and versions added."""
    schema = T.StructType(source.schema.fields + [T.StructField(name, T.StringType()) for name in _ADDED_COLUMNS])
    return source.mapInArrow(lambda batches: _redact_batches(settings, columns, batches), schema)


def read_source(session: SparkSession, name: str, is_table: bool) -> DataFrame:
    try:
        return session.table(name) if is_table else session.read.parquet(name)
    except AnalysisException as error:
        raise InvalidInputError(
            f"cannot read {'table' if is_table else 'Parquet'} {name!r}: {error.getMessage()}"
        ) from None


def run_spark_job(
    session: SparkSession,
    source: DataFrame,
    output: str,
    settings: EngineSettings,
    columns: Columns,
    *,
    overwrite: bool = False,
) -> SparkSummary:
    """Redact `source` into `output`; detection runs once per record (the result is persisted)."""
    policy = load_policy(settings.policy)
    check_policy_for_archive(policy, settings.key)
    load_detector_plugins(settings.detector_plugins)
    check_columns(source.columns, columns, "input")
    if not isinstance(source.schema[columns.text].dataType, T.StringType):
        raise InvalidInputError(f"column {columns.text!r} is not a string column")
    if not overwrite and _exists(session, output):
        raise InvalidInputError(f"output {output} exists: choose another path or add --overwrite")
    mode = "overwrite" if overwrite else "errorifexists"
    redacted = redact_dataframe(source, settings, columns).persist(StorageLevel.DISK_ONLY)
    redacted_ok = F.col(ERROR_COLUMN).isNull()
    try:
        kept_columns = [name for name in source.columns if name != columns.known]  # never the known identity
        redacted.filter(redacted_ok).select(*kept_columns).write.mode(mode).parquet(f"{output}/data")
        findings = F.explode(F.from_json(F.col(FINDINGS_COLUMN), T.ArrayType(FINDING_SCHEMA))).alias("finding")
        (
            redacted.filter(redacted_ok)
            .select(F.col(columns.id).alias("id"), findings)
            .select("id", "finding.*")
            .write.mode(mode)
            .parquet(f"{output}/findings")
        )
        (
            redacted.filter(~redacted_ok)
            .select(
                F.col(columns.id).alias("id"),
                F.col(ERROR_COLUMN).alias("error"),
                F.col(MESSAGE_COLUMN).alias("message"),
            )
            .write.mode(mode)
            .parquet(f"{output}/quarantine")
        )
        outcomes = {row["ok"]: row["count"] for row in redacted.groupBy(redacted_ok.alias("ok")).count().collect()}
        versions = sorted(row[0] for row in redacted.select(VERSIONS_COLUMN).distinct().collect())
    except AnalysisException as error:
        raise SparkJobError(f"writing {output} failed: {error.getMessage()}") from None
    except (PySparkException, Py4JJavaError) as error:  # a task's traceback is in the Spark logs
        raise SparkJobError(f"the Spark job failed ({type(error).__name__}); see the Spark logs") from None
    finally:
        redacted.unpersist()
    categories = session.read.parquet(f"{output}/findings").groupBy("category").count().collect()
    summary = SparkSummary(
        records_in=sum(outcomes.values()),
        records_out=outcomes.get(True, 0),
        quarantined=outcomes.get(False, 0),
    )
    manifest = {
        "input": {"columns": {"id": columns.id, "text": columns.text, "patient": columns.patient}},
        "policy": {"name": policy.name, "fingerprint": policy_fingerprint(policy)},
        "versions": [json.loads(entry) for entry in versions],
        "key_fingerprint": settings.key_fingerprint,
        "records": {"in": summary.records_in, "out": summary.records_out, "quarantined": summary.quarantined},
        "findings": dict(sorted((row["category"], row["count"]) for row in categories)),
    }
    _write_text(session, f"{output}/manifest.json", json.dumps(manifest, indent=1))
    return summary


def _file_system(session: SparkSession, uri: str):
    jvm = session.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    return path, path.getFileSystem(session.sparkContext._jsc.hadoopConfiguration())


def _exists(session: SparkSession, uri: str) -> bool:
    path, file_system = _file_system(session, uri)
    return bool(file_system.exists(path))


def _write_text(session: SparkSession, uri: str, text: str) -> None:
    """Write a small file through Hadoop's file system API, so `uri` may be local, HDFS, S3..."""
    path, file_system = _file_system(session, uri)
    stream = file_system.create(path, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()
