"""Names, towns and facilities found in real case reports (E3C), against a hand review.

    python bench/identifier_e3c.py                 # counts per 100 documents, false positives
    python bench/identifier_e3c.py --unreviewed    # also list findings no one has judged yet

E3C clinical cases (`../shared/corpora`) hold almost no real names, so what PERSON, CITY and
HOSPITAL find there is mostly over-redaction; but patients' initials after a title ("Mme H.K"),
real hospitals and towns of the authors' countries are true identifiers. Every finding was read
in context and judged in `bench/identifier_e3c_review.tsv` (document, category, value, verdict
tp / fp / wrong_category, reason); a finding with no verdict is reported as unreviewed, never
silently counted.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from redactor import Redactor  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"
REVIEW = ROOT / "bench" / "identifier_e3c_review.tsv"
CATEGORIES = ("PERSON", "CITY", "HOSPITAL")


def read_review() -> dict[tuple[str, str, str], tuple[str, str]]:
    if not REVIEW.exists():
        return {}
    with REVIEW.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {(r["doc"], r["category"], r["value"]): (r["verdict"], r["reason"]) for r in rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--unreviewed", action="store_true", help="list findings with no verdict")
    args = parser.parse_args()
    docs = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    review = read_review()
    redactor = Redactor()
    found: Counter = Counter()
    false: Counter = Counter()
    wrong: Counter = Counter()
    unreviewed: list[tuple[str, str, str, str]] = []
    for doc in docs:
        text = doc["text"]
        for finding in redactor.analyze(text):
            if finding.category not in CATEGORIES:
                continue
            value = text[finding.start : finding.end].replace("\n", " ").replace("\t", " ")
            found[finding.category] += 1
            verdict = review.get((doc["id"], finding.category, value))
            if verdict is None:
                context = text[max(0, finding.start - 40) : finding.end + 30].replace("\n", " ")
                unreviewed.append((doc["id"], finding.category, value, context))
            elif verdict[0] == "fp":
                false[finding.category] += 1
            elif verdict[0] == "wrong_category":
                wrong[finding.category] += 1
    per_100 = 100 / len(docs)
    print(f"{len(docs)} documents")
    print(f"{'category':10s} {'found/100':>10s} {'false/100':>10s} {'other id/100':>13s} {'unreviewed':>11s}")
    for category in CATEGORIES:
        waiting = sum(1 for u in unreviewed if u[1] == category)
        print(
            f"{category:10s} {found[category] * per_100:10.1f} {false[category] * per_100:10.1f}"
            f" {wrong[category] * per_100:13.1f} {waiting:11d}"
        )
    print(
        f"{'all three':10s} {sum(found.values()) * per_100:10.1f} {sum(false.values()) * per_100:10.1f}"
        f" {sum(wrong.values()) * per_100:13.1f} {len(unreviewed):11d}"
    )
    print("false: over-redaction (not an identifier); other id: an identifier of another category")
    if args.unreviewed:
        for doc_id, category, value, context in unreviewed:
            print(f"{doc_id}\t{category}\t{value}\t{context}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
