"""Special-category findings on real clinical case reports (E3C, French), and throughput.

    python bench/special_e3c.py [--corpus PATH] [--limit N] [--show N] [--odd]

Prints the non-health special-category findings per 100 notes (what fires outside
HEALTH_SENSITIVE on text nobody wrote for the detectors, mostly over-redaction to review), their
count per category, and the analysis throughput in characters per second. `--show N` prints N
findings with their context for review: run it on the public corpus only, never on patient notes.
`--odd`: only the reports at odd positions counting from 0 (the 2nd, 4th... lines; the others
are negatives in models/special_ner/'s training). The learned detectors run when REDACTOR_LEARNED names them.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from redactor import Redactor
from redactor.findings import is_special

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N notes")
    parser.add_argument("--show", type=int, default=0, help="print N non-health findings in context")
    parser.add_argument("--odd", action="store_true", help="only the reports at odd positions from 0 (lines 2, 4, ...)")
    args = parser.parse_args()

    with args.corpus.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    if args.odd:
        texts = texts[1::2]
    if args.limit:
        texts = texts[: args.limit]
    redactor = Redactor()
    list(redactor.analyze_many(texts[:5]))  # warm-up

    started = time.perf_counter()
    outcomes = list(redactor.analyze_many(texts))
    elapsed = time.perf_counter() - started

    per_category: Counter[str] = Counter()
    shown = 0
    for text, findings in zip(texts, outcomes):
        if isinstance(findings, Exception):
            raise findings
        for finding in findings:
            if not is_special(finding.category):
                continue
            per_category[finding.category] += 1
            if finding.category != "HEALTH_SENSITIVE" and shown < args.show:
                shown += 1
                before = text[max(0, finding.start - 50) : finding.start].replace("\n", " ")
                after = text[finding.end : finding.end + 30].replace("\n", " ")
                passage = text[finding.start : finding.end]
                print(f"{finding.category:<18} {finding.detector:<40} …{before}[{passage}]{after}…")

    notes = len(texts)
    characters = sum(len(t) for t in texts)
    non_health = sum(n for c, n in per_category.items() if c != "HEALTH_SENSITIVE")
    print(f"notes: {notes}   characters: {characters}")
    for category, count in sorted(per_category.items()):
        print(f"  {category:<20}{count:>6}  ({100 * count / notes:.1f} per 100 notes)")
    print(f"non-health special findings per 100 notes: {100 * non_health / notes:.1f}")
    print(f"analysis throughput: {characters / elapsed:,.0f} characters/s ({elapsed:.1f} s)")


if __name__ == "__main__":
    main()
