"""Latency of `Redactor.check` on 1,500-character notes, on one core.

    python bench/check_latency.py [--notes 2000] [--corpus PATH]

Notes are built from real clinical prose (E3C case reports, cut at sentence ends) with a few
sentences of the kind `check` exists for (templates below) mixed in, so that every note has
findings to qualify and explain. Prints the median, p95 and maximum wall-clock time per note,
and the same for the CPU time of the calling thread (which does not count time the process
waits for the core on a busy machine).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Sized

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"
NOTE_LENGTH = 1500
TEMPLATES = [
    "Patiente porteuse du VIH sous trithérapie, charge virale indétectable.",
    "Serait homosexuelle d'après sa mère, ne souhaite pas en parler.",
    "Mère musulmane voilée, accompagne sa fille à chaque consultation.",
    "Catholique non pratiquante car ses 2 frères se sont suicidés.",
    "ATCD de TS par IMV en 2019, suivi au CMP depuis.",
    "OH chronique, sevré depuis 6 mois, sous méthadone.",
    "Pas d'idées suicidaires. Sérologies VIH, VHB et VHC négatives.",
    "Patient pénible, mytho, profite du système selon l'accueil.",
    "Sort de prison, placé sous bracelet électronique.",
    "Délégué syndical CGT, militant LFI depuis 2017.",
    "D'origine marocaine, fait le ramadan, mange halal.",
    "Mutation BRCA1 identifiée chez sa sœur, test génétique proposé.",
    "Vit avec son compagnon depuis 10 ans, rapports non protégés.",
    "IVG médicamenteuse en 2021, parcours de PMA en cours.",
    "Tension 13/8, auscultation normale, pas de fièvre, poursuite du traitement.",
]


def build_notes(corpus: Path, count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    with corpus.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    sentences = [s.strip() + "." for text in texts for s in text.split(". ") if len(s.strip()) > 20]
    notes = []
    while len(notes) < count:
        parts: list[str] = rng.sample(TEMPLATES, 3)
        while sum(len(p) + 1 for p in parts) < NOTE_LENGTH:
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(sentences))
        notes.append(" ".join(parts)[:NOTE_LENGTH])
    return notes


@contextmanager
def one_core() -> Iterator[None]:
    """Run the block on one core (the lowest allowed), then give the process its cores back."""
    if not hasattr(os, "sched_setaffinity"):
        yield
        return
    allowed = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(allowed)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, allowed)


def time_per_note(call: Callable[[str], Sized], notes: list[str]) -> tuple[list[float], list[float], int]:
    """Wall-clock and calling-thread CPU milliseconds of `call` on each note, and the total
    number of items the calls returned."""
    wall: list[float] = []
    cpu: list[float] = []
    items = 0
    for note in notes:
        started, started_cpu = time.perf_counter(), time.thread_time()
        items += len(call(note))
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return wall, cpu, items


def p95(timings: list[float]) -> float:
    """The 95th percentile, as this script has always reported it."""
    ordered = sorted(timings)
    return ordered[int(0.95 * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    from redactor import Redactor  # here: bench/suite.py's reference processes import this module

    with one_core():
        notes = build_notes(args.corpus, args.notes)
        redactor = Redactor()
        for note in notes[:50]:  # warm-up: caches, allocator
            redactor.check(note)
        wall, cpu, warnings = time_per_note(redactor.check, notes)
    print(
        f"notes: {len(notes)} of {NOTE_LENGTH} characters, {warnings / len(notes):.1f} warnings per note, one core"
    )
    for name, timings in (("wall-clock", wall), ("CPU", cpu)):
        timings.sort()
        print(
            f"check {name}: median {statistics.median(timings):.2f} ms, p95 {p95(timings):.2f} ms, max {timings[-1]:.2f} ms"
        )


if __name__ == "__main__":
    main()
