"""Throughput of `redactor batch` with 1 and 2 worker processes over a generated archive.

The archive (JSONL, default 100,000 notes) mixes real French clinical prose from
../shared/corpora/e3c-fr-clinical-cases.jsonl with synthetic notes full of identifiers, several
notes per patient. Each worker count runs the real command in a subprocess; the script prints
notes/s, characters/s, the scaling over one worker, the cores kept busy (CPU time / wall time:
below the worker count when other programs compete for the cores, as the load average before
each run also shows) and the peak memory of the process tree (parent and workers, summed RSS
sampled from /proc).

    .venv/bin/python bench/batch_throughput.py                       # 100,000 notes, 1 and 2 workers
    .venv/bin/python bench/batch_throughput.py --notes 5000 --workers 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from faker import Faker
from processes import sample_tree, stop_group

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"
NOTES_PER_PATIENT = 5

TEMPLATES = [
    "Consultation du {date}. {title} {name}, né(e) le {birth}, revu(e) pour suivi de son diabète de type 2. "
    "HbA1c à 7,4 %, poids stable. Poursuite de la metformine 1000 mg x2. Tél. {phone}.",
    "Appel de {relative_title} {relative} ({phone}) le {date} : {title} {surname} a chuté cette nuit, pas de perte "
    "de connaissance, douleur de hanche gauche. Visite à domicile prévue en fin de matinée au {address}, "
    "{zip} {city}.",
    "COMPTE RENDU D'HOSPITALISATION\nPatient : {title} {name}, IPP {ipp}\nSéjour du {date} au {date2} dans le service "
    "de cardiologie du {hospital}.\nMotif : douleur thoracique. Coronarographie : sténose de l'IVA traitée par "
    "angioplastie. Sortie sous double anti-agrégation.\nMédecin traitant : Dr {doctor}, {doctor_phone}.",
    "Ordonnance du {date}\nDr {doctor} - RPPS {rpps}\n{title} {name}\nAmoxicilline 1 g : 1 cp matin et soir pendant "
    "6 jours. Paracétamol 1 g si douleur, sans dépasser 3 g par jour.",
    "Cher confrère, je vous adresse {title} {name}, {age} ans, pour avis concernant une dyspnée d'effort évoluant "
    "depuis trois mois. ECG du {date} : rythme sinusal. Je reste à votre disposition au {doctor_phone} ou par "
    "courriel ({email}). Bien confraternellement, Dr {doctor}.",
    "Admin : {title} {name}, NIR {nir}, adresse {address}, {zip} {city}. Dossier de prise en charge transmis le "
    "{date}. Contact de la personne de confiance : {relative} au {phone}.",
    "Suites simples. {title} {surname} sort le {date} avec un arrêt de travail jusqu'au {date2}. Pansement à "
    "refaire tous les deux jours par IDE à domicile. Revoir en consultation dans six semaines.",
]


@dataclass(frozen=True)
class RunResult:
    workers: int
    seconds: float
    cpu_seconds: float  # user + system time of the command and its workers
    peak_rss_bytes: int  # of the whole process tree, summed at each sample
    exit_code: int
    parent_peak_rss_bytes: int = 0  # the `redactor batch` process itself
    worker_peak_rss_bytes: tuple[int, ...] = ()  # each worker process's own peak
    first_shard_seconds: float | None = None  # until the first shard was committed (start-up included)


def synthetic_note(faker: Faker, rng: random.Random, patient: dict) -> str:
    def some_date() -> str:
        return faker.date_between("-3y", "today").strftime(rng.choice(["%d/%m/%Y", "%d/%m/%y"]))

    return rng.choice(TEMPLATES).format(
        date=some_date(), date2=some_date(), birth=patient["birth"], phone=faker.phone_number(),
        title=patient["title"], name=patient["name"], surname=patient["surname"], relative=faker.name(),
        relative_title=rng.choice(["sa fille", "son fils", "son épouse", "sa voisine"]), address=patient["address"],
        zip=patient["zip"], city=patient["city"], ipp=patient["ipp"], hospital=f"CH de {faker.city()}",
        doctor=faker.name(), doctor_phone=faker.phone_number(), rpps=f"10{rng.randrange(10**9):09d}",
        age=rng.randint(18, 95), email=faker.email(), nir=patient["nir"],
    )  # fmt: skip


def build_archive(path: Path, notes: int, real_share: float, seed: int) -> int:
    """Write `notes` notes to `path`; return the number of characters of their texts."""
    corpus = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(seed)
    faker = Faker("fr_FR")
    faker.seed_instance(seed)
    characters = 0
    patient: dict = {}
    with path.open("w", encoding="utf-8") as handle:
        for number in range(notes):
            if number % NOTES_PER_PATIENT == 0:
                title = rng.choice(["M.", "Mme"])
                first, last = faker.first_name(), faker.last_name()
                patient = {
                    "id": f"P{number // NOTES_PER_PATIENT:07d}", "title": title, "name": f"{first} {last}",
                    "surname": last, "birth": faker.date_of_birth().strftime("%d/%m/%Y"),
                    "address": faker.street_address(), "zip": faker.postcode(), "city": faker.city(),
                    "ipp": f"{rng.randrange(10**8, 10**9)}", "nir": faker.ssn(),
                }  # fmt: skip
            text = rng.choice(corpus) if rng.random() < real_share else synthetic_note(faker, rng, patient)
            characters += len(text)
            record = {"id": f"note-{number:07d}", "patient_id": patient["id"], "text": text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return characters


def run(archive: Path, output: Path, workers: int, shard_size: int, policy: str) -> RunResult:
    shutil.rmtree(output, ignore_errors=True)
    command = [
        sys.executable, "-m", "redactor.cli", "batch", str(archive), str(output), "--policy", policy,
        "--workers", str(workers), "--shard-size", str(shard_size), "--no-progress",
    ]  # fmt: skip
    environment = {**os.environ, "REDACTOR_KEY": os.environ.get("REDACTOR_KEY", "benchmark-key-not-secret")}
    peak = 0
    cpu_by_process: dict[int, float] = {}
    peak_by_process: dict[int, int] = {}
    kinds: dict[int, bool] = {}  # pid: is it a worker (not the command, not the resource tracker)
    first_shard: float | None = None
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # its own process group, so that the command and its workers can all be stopped at once
    process = subprocess.Popen(
        command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        stderr_lines: list[bytes] = []
        reader = threading.Thread(target=lambda: stderr_lines.extend(process.stderr), daemon=True)
        reader.start()
        while process.poll() is None:
            tree = sample_tree(process.pid)
            peak = max(peak, sum(sample.rss_bytes for sample in tree.values()))
            cpu_by_process.update({pid: sample.cpu_seconds for pid, sample in tree.items()})
            for pid, sample in tree.items():
                peak_by_process[pid] = max(peak_by_process.get(pid, 0), sample.rss_bytes)
                if pid not in kinds:
                    kinds[pid] = _is_spawned_worker(pid)
            if first_shard is None and any((output / ".redactor" / "shards").glob("*.json")):
                first_shard = time.perf_counter() - started
            time.sleep(0.5)
        seconds = time.perf_counter() - started
        reader.join()
    finally:
        stop_group(process, interrupt_first=True)
    if process.returncode not in (0, 1):
        sys.stderr.write(b"".join(stderr_lines).decode(errors="replace"))
    # the workers are reaped by the command and the command by us: their whole CPU time, where
    # the samples miss the last half second of each
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    reaped = children.ru_utime + children.ru_stime - children_before.ru_utime - children_before.ru_stime
    workers_peaks = tuple(rss for pid, rss in peak_by_process.items() if kinds.get(pid))
    return RunResult(
        workers, seconds, max(reaped, sum(cpu_by_process.values())), peak, process.returncode,
        peak_by_process.get(process.pid, 0), workers_peaks, first_shard,
    )  # fmt: skip


def _is_spawned_worker(pid: int) -> bool:
    """Whether `pid` is a multiprocessing worker (spawned), not the resource tracker."""
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--real-share", type=float, default=0.1, help="Share of E3C case reports among the notes.")
    parser.add_argument("--shard-size", type=int, default=1000)
    parser.add_argument("--policy", default="research")
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "out" / "batch")
    parser.add_argument("--seed", type=int, default=20240501)
    arguments = parser.parse_args()

    arguments.workdir.mkdir(parents=True, exist_ok=True)
    archive = arguments.workdir / f"archive-{arguments.notes}.jsonl"
    started = time.perf_counter()
    characters = build_archive(archive, arguments.notes, arguments.real_share, arguments.seed)
    print(
        f"archive: {arguments.notes:,} notes, {characters:,} characters "
        f"({arguments.real_share:.0%} E3C case reports), built in {time.perf_counter() - started:.0f} s; "
        f"policy {arguments.policy}, shards of {arguments.shard_size}, {os.cpu_count()} cores",
        flush=True,
    )
    print("| workers | wall time | notes/s | characters/s | scaling | cores busy | peak memory | load before |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|", flush=True)
    baseline = None
    for workers in arguments.workers:
        load = os.getloadavg()[0]  # other programs competing for the cores skew the figures
        result = run(archive, arguments.workdir / f"out-{workers}", workers, arguments.shard_size, arguments.policy)
        if result.exit_code not in (0, 1):
            sys.exit(f"redactor batch failed with exit status {result.exit_code}")
        rate = arguments.notes / result.seconds
        baseline = baseline or rate
        print(
            f"| {workers} | {result.seconds:,.0f} s | {rate:,.1f} | {characters / result.seconds:,.0f} | "
            f"{rate / baseline:.2f}x | {result.cpu_seconds / result.seconds:.2f} | "
            f"{result.peak_rss_bytes / 2**20:,.0f} MiB | {load:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
