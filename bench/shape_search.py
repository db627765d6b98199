"""Search for hostile shapes: notes made of one short unit repeated, timed at two sizes, flagged
when the analysis grows faster than linear.

    python bench/shape_search.py [--units vocabulary random special] [--limit N] [--seed S]

`adversarial_inputs.py` times the shapes we know; this looks for the ones we do not. Units are
the words of our own vocabularies (labels, titles, street and facility types, relations,
special-category terms and cues) each with a separator (a space, a tab, a line break, ". ",
" : ", ...), and random strings of one to six characters drawn from letters, digits, spaces
and punctuation. Each unit is repeated into a note of 10,000 and of 40,000 characters and the
whole analysis is timed (CPU seconds, best of two); a unit whose time grows more than 5.5 times
(linear is 4) and takes over 0.2 s is timed again at 25k, 50k and 100k, and reported with its
worst ratio per doubling. Three sources of 400 units take about 25 minutes. On 2026-12-06
it found the quadratic shapes listed in the README ("Linear time", stop 26); each is now a
shape of `adversarial_inputs.py`.
"""

from __future__ import annotations

import argparse
import logging
import random
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEPARATORS = [" ", "\t", "\n", ". ", " : ", "-", " Ab ", " 1 ", " AB\n", ", ", " de ", " ? "]
PALETTE = "aAbB1 2.-/:'(\t\n@,;é\"«)[_+*=#%"
VOCABULARY_KEYS = {
    "numbers.yaml": ["patient_id_labels", "clinician_id_labels", "layout_labels"],
    "places.yaml": ["street_types", "facility_acronyms", "facility_words", "address_labels", "city_context"],
    "persons.yaml": ["titles", "roles", "relations", "name_labels", "eponym_triggers", "name_introducers"],
}


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def vocabulary_units(rng: random.Random) -> list[str]:
    words: set[str] = set()
    for name, keys in VOCABULARY_KEYS.items():
        data = yaml.safe_load((ROOT / "models" / "identifiers" / name).read_text(encoding="utf-8"))
        words.update(w for key in keys for w in data[key] if isinstance(w, str))
    return [word + rng.choice(SEPARATORS) for word in sorted(words)]


def special_units(rng: random.Random) -> list[str]:
    words: set[str] = set()
    for path in sorted((ROOT / "models" / "special").glob("*.yaml")):
        words.update(
            s for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))) if 2 <= len(s) <= 30 and s.isprintable()
        )
    return [word + rng.choice(SEPARATORS) for word in sorted(words)]


def random_units(rng: random.Random, count: int = 400) -> list[str]:
    units: set[str] = set()
    while len(units) < count:
        unit = "".join(rng.choice(PALETTE) for _ in range(rng.randint(1, 6)))
        if unit.strip():
            units.add(unit)
    return sorted(units)


SOURCES = {"vocabulary": vocabulary_units, "special": special_units, "random": random_units}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", nargs="*", choices=sorted(SOURCES), default=sorted(SOURCES))
    parser.add_argument("--limit", type=int, default=400, help="units per source at most, drawn at random (0: all)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    from redactor import Redactor
    from redactor.engine import freeze_loaded_objects

    redactor = Redactor(max_chars=100_000)
    freeze_loaded_objects()  # as a service or batch worker does once its models are loaded

    def seconds(unit: str, size: int) -> float:
        note = (unit * (size // len(unit) + 1))[:size]
        best = float("inf")
        for _ in range(2):
            started = time.process_time()
            redactor.analyze(note)
            best = min(best, time.process_time() - started)
        return best

    rng = random.Random(args.seed)
    flagged = []
    for source in args.units:
        units = SOURCES[source](rng)
        rng.shuffle(units)
        units = units[: args.limit] if args.limit else units
        print(f"{source}: {len(units)} units", flush=True)
        for unit in units:
            small, large = seconds(unit, 10_000), seconds(unit, 40_000)
            if large > 0.2 and large / max(small, 1e-3) > 5.5:
                times = [seconds(unit, size) for size in (25_000, 50_000, 100_000)]
                worst = max(b / max(a, 1e-3) for a, b in zip(times, times[1:]))
                flagged.append((worst, unit, times))
                print(f"  {unit!r}: {' / '.join(f'{t:.2f}' for t in times)} s at 25k / 50k / 100k, worst ratio {worst:.2f}", flush=True)
    superlinear = [f for f in flagged if f[0] > 2.5]
    print(f"{len(flagged)} units flagged at 10k/40k, {len(superlinear)} grow more than 2.5x per doubling at 25k-100k")
    for worst, unit, times in sorted(superlinear, reverse=True):
        print(f"  {unit!r}: worst ratio {worst:.2f}, {times[-1]:.2f} s at 100k")


if __name__ == "__main__":
    main()
