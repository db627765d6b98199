"""Special-category recall on rewrites of a gold set: upper case, no accents, look-alike letters,
zero-width characters, letter-spaced passages (`redactor/variants.py`).

    python bench/special_variants.py [--gold tests/data/dev_special.jsonl]

Prints, for the plain notes and each variant, the micro recall of special categories and the
share of the plain recall each variant keeps (the target is 95 % or more).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from redactor import Redactor
from redactor.evaluation import evaluate, read_gold
from redactor.variants import VARIANTS, variant

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "dev_special.jsonl"


def special_recall(redactor: Redactor, notes: list) -> float:
    outcomes = list(redactor.analyze_many([note.text for note in notes]))
    for outcome in outcomes:
        if isinstance(outcome, Exception):
            raise outcome
    return evaluate(zip(notes, outcomes), "special").total.recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()
    notes = read_gold(args.gold)
    redactor = Redactor()
    plain = special_recall(redactor, notes)
    print(f"{'plain':<14} recall {plain:.3f}")
    for name in VARIANTS:
        recall = special_recall(redactor, [variant(note, name) for note in notes])
        print(f"{name:<14} recall {recall:.3f}  kept {recall / plain:.1%}")


if __name__ == "__main__":
    main()
