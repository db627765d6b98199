"""Load benchmark of the gRPC service on loopback: maximum throughput, then latency at half of it.

Starts `redactor serve` on 127.0.0.1 (or a Unix socket), sends 1,500-character synthetic French
notes (each one made unique, so spaCy's vocabulary sees new strings on every call):

1. throughput: `--clients` concurrent callers back to back for `--throughput-seconds`;
2. steady: an open-loop rate of half that maximum for `--calls` calls, printing p50/p95/p99
   latency, errors, and the resident memory of the server processes (front and workers) after
   2,000 calls and at the end.

Bounded in calls and time, and only ever talks to the server it started:

    python bench/grpc_load.py                      # the README figures (about 10 minutes)
    python bench/grpc_load.py --calls 3000 --throughput-seconds 10   # a quick look
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import grpc
from faker import Faker
from processes import sample_tree, stop_group

from redactor.service.v1 import redactor_pb2 as pb
from redactor.service.v1 import redactor_pb2_grpc as pb_grpc

NOTE_CHARS = 1500
MEMORY_CHECKPOINT = 2000
_CLINICAL = (
    "Consultation pour toux depuis 3 jours, T° 38.5, auscultation claire, pas de crépitants. ",
    "Gorge rouge, pas d'adénopathie. TA 13/8, FC 88, SpO2 97 %. Rhinopharyngite probable. ",
    "Doliprane 1 g 1 cp x3/j si fièvre, lavages de nez. Revoir si pas mieux sous 72 h ou si dyspnée. ",
    "Antécédents : HTA sous amlodipine 5 mg, dyslipidémie. Pas d'allergie connue. ",
    "Examen : abdomen souple, dépressible, indolore. Bruits hydro-aériques présents. ",
)


def synthetic_notes(count: int, seed: int = 7) -> list[str]:
    """`count` French notes of 1,500 characters with names, dates, phones, addresses."""
    fake = Faker("fr_FR")
    Faker.seed(seed)
    pick = random.Random(seed)
    notes = []
    for _ in range(count):
        parts: list[str] = []
        while sum(map(len, parts)) < NOTE_CHARS + 200:
            parts.append(
                pick.choice(
                    [
                        f"Mme {fake.last_name().upper()} {fake.first_name()}, née le {fake.date_of_birth():%d/%m/%Y}. ",
                        f"Appel de son fils {fake.first_name()} au {fake.phone_number()}. ",
                        f"Adresse : {fake.street_address()}, {fake.postcode()} {fake.city()}. ",
                        f"Courriel {fake.email()}. Adressée par le Dr {fake.last_name()}. ",
                        *_CLINICAL,
                    ]
                )
            )
        notes.append("".join(parts))
    return notes


def unique_note(base: str, number: int) -> str:
    """`base` with a never-seen dossier number and token in front, cut to 1,500 characters."""
    return f"Dossier {number:09d}-{number * 7919 % 100003:05d}x. {base}"[:NOTE_CHARS]


@dataclass
class Server:
    process: subprocess.Popen
    target: str
    log_path: Path

    @classmethod
    def start(cls, workers: int, unix: bool, workdir: Path) -> Server:
        listen = f"unix:{workdir / 'redactor.sock'}" if unix else "127.0.0.1:0"
        log_path = workdir / "server.log"
        command = [sys.executable, "-m", "redactor.cli", "serve", "--listen", listen, "--max-concurrent", "256"]
        if workers:
            command += ["--workers", str(workers)]
        with log_path.open("wb") as log:
            # its own process group: stop() reaches the workers too, whatever happened to the front
            process = subprocess.Popen(command, stdout=log, stderr=log, start_new_session=True)
        try:
            give_up = time.monotonic() + 300
            while time.monotonic() < give_up:
                for line in log_path.read_text().splitlines():
                    entry = json.loads(line)
                    if entry.get("event") == "listening":
                        return cls(process, entry["address"], log_path)
                if process.poll() is not None:
                    break
                time.sleep(0.2)
        except BaseException:
            stop_group(process)
            raise
        stop_group(process)
        raise SystemExit(f"server did not start; see {log_path}")

    def resident_mb(self) -> float:
        """Resident memory of the front and its worker processes, in MB."""
        return sum(sample.rss_bytes for sample in sample_tree(self.process.pid).values()) / 2**20

    def stop(self) -> None:
        """SIGTERM to the front (it stops its workers), then SIGKILL to anything left in its group."""
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        finally:
            stop_group(self.process)


async def wait_serving(channel: grpc.aio.Channel) -> None:
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    stub = health_pb2_grpc.HealthStub(channel)
    give_up = time.monotonic() + 300
    while time.monotonic() < give_up:
        try:
            response = await stub.Check(health_pb2.HealthCheckRequest(), timeout=2)
            if response.status == health_pb2.HealthCheckResponse.SERVING:
                return
        except grpc.aio.AioRpcError:
            pass
        await asyncio.sleep(0.5)
    raise SystemExit("server not serving after 300 s")


@dataclass
class Tally:
    latencies_ms: list[float]
    errors: dict[str, int]

    def record(self, started: float, code: grpc.StatusCode | None) -> None:
        if code is None:
            self.latencies_ms.append((time.perf_counter() - started) * 1000)
        else:
            self.errors[code.name] = self.errors.get(code.name, 0) + 1


async def one_call(stub: pb_grpc.RedactorStub, text: str, number: int, tally: Tally) -> None:
    started = time.perf_counter()
    try:
        await stub.Redact(pb.RedactRequest(text=text, note_id=str(number), patient_id=f"P{number % 97}"), timeout=30)
        tally.record(started, None)
    except grpc.aio.AioRpcError as error:
        tally.record(started, error.code())


async def measure_throughput(stub, notes: list[str], clients: int, seconds: float, counter: list[int]) -> float:
    """Notes per second with `clients` callers back to back."""
    tally = Tally([], {})
    stop_at = time.monotonic() + seconds

    async def caller() -> None:
        while time.monotonic() < stop_at:
            counter[0] += 1
            await one_call(stub, unique_note(notes[counter[0] % len(notes)], counter[0]), counter[0], tally)

    started = time.perf_counter()
    await asyncio.gather(*(caller() for _ in range(clients)))
    elapsed = time.perf_counter() - started
    if tally.errors:
        print(f"  errors during the throughput phase: {tally.errors}")
    return len(tally.latencies_ms) / elapsed


async def hold_rate(stub, notes, rate: float, calls: int, server: Server, counter: list[int]) -> tuple[Tally, float, float]:
    """Open loop: start a call every 1/rate s whatever the previous did; memory at checkpoints."""
    tally = Tally([], {})
    pending: set[asyncio.Task] = set()
    memory_at_checkpoint = 0.0
    started = time.perf_counter()
    for index in range(calls):
        delay = started + index / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        counter[0] += 1
        task = asyncio.ensure_future(one_call(stub, unique_note(notes[counter[0] % len(notes)], counter[0]), counter[0], tally))
        pending.add(task)
        task.add_done_callback(pending.discard)
        if index + 1 == MEMORY_CHECKPOINT:
            await asyncio.gather(*pending)
            memory_at_checkpoint = server.resident_mb()
    await asyncio.gather(*pending)
    return tally, memory_at_checkpoint, server.resident_mb()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def main_async(args: argparse.Namespace) -> dict:
    load_before = os.getloadavg()[0]
    notes = synthetic_notes(args.distinct_notes)
    with tempfile.TemporaryDirectory(prefix="redactor-bench-") as workdir:
        server = Server.start(args.workers, args.unix, Path(workdir))
        try:
            async with grpc.aio.insecure_channel(server.target) as channel:
                await wait_serving(channel)
                stub = pb_grpc.RedactorStub(channel)
                counter = [0]
                # warm-up: first calls pay for lazy initialisations
                await measure_throughput(stub, notes, args.clients, 3, counter)
                throughput = await measure_throughput(stub, notes, args.clients, args.throughput_seconds, counter)
                rate = throughput / 2
                print(f"max throughput: {throughput:.1f} notes/s with {args.clients} concurrent clients")
                print(f"holding {rate:.1f} notes/s for {args.calls} calls...", flush=True)
                tally, memory_checkpoint, memory_end = await hold_rate(stub, notes, rate, args.calls, server, counter)
        finally:
            server.stop()
    latencies = tally.latencies_ms
    return {
        "note_chars": NOTE_CHARS,
        "cores": os.cpu_count(),
        # other work on the machine distorts every figure: a load above the core count means
        # the server did not have its cores to itself
        "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "workers": args.workers or os.cpu_count(),
        "transport": "unix socket" if args.unix else "tcp loopback",
        "clients": args.clients,
        "max_throughput_per_s": round(throughput, 1),
        "steady_rate_per_s": round(rate, 1),
        "steady_calls": args.calls,
        "ok": len(latencies),
        "errors": tally.errors,
        "p50_ms": round(percentile(latencies, 0.50), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "p99_ms": round(percentile(latencies, 0.99), 1),
        "mean_ms": round(statistics.fmean(latencies), 1),
        f"rss_mb_after_{MEMORY_CHECKPOINT}": round(memory_checkpoint, 1),
        f"rss_mb_after_{args.calls}": round(memory_end, 1),
        "rss_growth_percent": round(100 * (memory_end - memory_checkpoint) / memory_checkpoint, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=20_000, help="calls at the steady rate (> 2,000)")
    parser.add_argument("--clients", type=int, default=32, help="concurrent callers for the throughput phase")
    parser.add_argument("--throughput-seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=0, help="server worker processes (0: one per core)")
    parser.add_argument("--distinct-notes", type=int, default=1000, help="base notes (each call is made unique)")
    parser.add_argument("--unix", action="store_true", help="use a Unix domain socket instead of TCP loopback")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()
    if args.calls <= MEMORY_CHECKPOINT:
        parser.error(f"--calls must be over {MEMORY_CHECKPOINT}")
    results = asyncio.run(main_async(args))
    for key, value in results.items():
        print(f"{key:>26}: {value}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
