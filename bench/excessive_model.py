"""What the excessive-comment classifier adds, and what it costs.

    python bench/excessive_model.py [--gold tests/data/dev_special.jsonl] [--corpus PATH] [--show N]

1. The gold notes analysed with and without the classifier (`Redactor(learned_excessive=...)`):
   EXCESSIVE_COMMENT recall and precision, traps flagged, identifier and special micro recall.
2. The odd E3C case reports (the even ones gave training negatives): the classifier's findings
   per 100 reports; `--show N` prints N of them in context, for review (public corpus only).
3. The classifier's own time per note (median, mean, p95) on both sets, and the whole
   analysis (one call per note) with and without it, alternated, best of 3 runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from redactor import Redactor
from redactor.evaluation import evaluate, read_gold
from redactor.findings import IDENTIFIER_CATEGORIES
from redactor.normalise import normalise
from redactor.recognizers.special.excessive import DETECTOR_NAME, ExcessiveCommentModel

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "tests" / "data" / "dev_special.jsonl"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"


def gold_figures(redactor: Redactor, gold: Path) -> dict:
    notes = read_gold(gold)
    report = evaluate(zip(notes, redactor.analyze_many(n.text for n in notes)), "all")
    excessive = report.counts("EXCESSIVE_COMMENT")
    identifiers = [report.counts(c) for c in IDENTIFIER_CATEGORIES if c in report.per_category]
    id_gold = sum(c.gold for c in identifiers)
    return {
        "excessive_gold": excessive.gold,
        "excessive_recall": round(excessive.recall, 3),
        "excessive_precision": round(excessive.precision, 3),
        "traps_flagged": f"{report.traps_flagged}/{report.traps}",
        "identifier_recall": round(sum(c.gold_found for c in identifiers) / id_gold, 4) if id_gold else None,
        "special_micro_recall": round(report.total.recall, 4),
    }


def timings(detector: ExcessiveCommentModel, texts: list[str]) -> dict:
    spent = []
    for text in texts:
        normalised = normalise(text).text
        started = time.perf_counter()
        list(detector.find(normalised))
        spent.append((time.perf_counter() - started) * 1000)
    spent.sort()
    return {
        "median_ms": round(statistics.median(spent), 2),
        "mean_ms": round(statistics.mean(spent), 2),
        "p95_ms": round(spent[int(0.95 * (len(spent) - 1))], 2),
    }


def analysis_seconds(redactor: Redactor, texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        redactor.analyze(text)
    return time.perf_counter() - started


def added_analysis_time(without: Redactor, with_model: Redactor, texts: list[str]) -> dict:
    best = {"without": float("inf"), "with": float("inf")}
    for _ in range(3):
        best["without"] = min(best["without"], analysis_seconds(without, texts))
        best["with"] = min(best["with"], analysis_seconds(with_model, texts))
    return {
        "ms_per_note_without": round(1000 * best["without"] / len(texts), 2),
        "ms_per_note_with": round(1000 * best["with"] / len(texts), 2),
        "added": f"{100 * (best['with'] / best['without'] - 1):.1f} %",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", type=int, default=0, help="print N E3C findings in context")
    args = parser.parse_args()

    without = Redactor(learned_excessive=False)
    with_model = Redactor(nlp=without.nlp, learned_excessive=True)
    print("gold, without the classifier:", json.dumps(gold_figures(without, args.gold)))
    print("gold, with the classifier:   ", json.dumps(gold_figures(with_model, args.gold)))

    with args.corpus.open(encoding="utf-8") as handle:
        reports = [json.loads(line)["text"] for number, line in enumerate(handle) if number % 2 == 1]
    shown = found = 0
    for text, findings in zip(reports, with_model.analyze_many(reports)):
        for finding in findings:
            if finding.detector != DETECTOR_NAME:
                continue
            found += 1
            if shown < args.show:
                shown += 1
                context = text[max(0, finding.start - 60) : finding.end + 60].replace("\n", " ")
                print(f"  [{text[finding.start:finding.end]}]  in: ...{context}...")
    print(f"E3C odd reports: {len(reports)}, classifier findings {found}, "
          f"{100 * found / len(reports):.2f} per 100 reports")  # fmt: skip

    detector = next(d for d in with_model.detectors if isinstance(d, ExcessiveCommentModel))
    gold_texts = [n.text for n in read_gold(args.gold)]
    print("classifier time per gold note:", json.dumps(timings(detector, gold_texts)))
    print("classifier time per E3C report:", json.dumps(timings(detector, reports)))
    print("analysis, gold notes:", json.dumps(added_analysis_time(without, with_model, gold_texts[:200])))
    print("analysis, E3C reports:", json.dumps(added_analysis_time(without, with_model, reports[:200])))


if __name__ == "__main__":
    main()
