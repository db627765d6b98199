"""Each detector's findings and time on a fixed set of notes: a guard for speed work.

    python bench/detector_snapshot.py save SNAPSHOT.json [--notes N]
    python bench/detector_snapshot.py compare SNAPSHOT.json [--notes N] [--detectors A B ...] [--reuse-docs]

`save` runs every default detector alone (after normalisation and the spaCy doc, as in an
analysis) and the whole analysis on the dev notes, the blind notes and the E3C reports, and
writes what each found, note by note, with each detector's CPU time. `compare` runs them again
and prints, per detector, the notes whose findings changed and the time before and after: a
change meant to make a detector faster must leave its findings and the analysis identical.
Only offsets, categories, scores and rule names are stored, never the text. `save` also keeps
the spaCy docs beside the snapshot (SNAPSHOT.docs): `--reuse-docs` reads them instead of running
the NER again, for a change that leaves the pipeline alone.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTE_SETS = [
    ROOT / "tests" / "data" / "dev_identifiers.jsonl",
    ROOT / "tests" / "data" / "dev_special.jsonl",
    ROOT / "tests" / "data" / "dev_special_styles.jsonl",
    ROOT / "tests" / "data" / "blind_identifiers.jsonl",
    ROOT / "tests" / "data" / "blind_special.jsonl",
    ROOT.parent / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl",
]
WHOLE = "analysis (whole)"


def load_notes(per_set: int) -> list[str]:
    texts: list[str] = []
    for path in NOTE_SETS:
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line, _ in zip(handle, range(per_set))]
    return texts


def _rows(findings) -> list[list]:
    """Each finding as a row; the qualifiers (negated, hypothetical, subject...) of the whole
    analysis's findings as one JSON string."""
    return sorted(
        [f.start, f.end, f.category, round(f.score, 6), f.detector, *([json.dumps(f.qualifiers.to_dict())] if f.qualifiers else [])]
        for f in findings
    )


def run(
    texts: list[str], only: set[str] | None, docs_path: Path, *, reuse_docs: bool, save_docs: bool
) -> tuple[dict[str, list], dict[str, float]]:
    """Findings per detector (one list per note) and CPU seconds per detector."""
    from spacy.tokens import DocBin

    from redactor import Redactor
    from redactor.nlp import parse, pipeline_text
    from redactor.normalise import normalise

    redactor = Redactor()
    detectors = [d for d in redactor.detectors if only is None or d.name in only]
    found: dict[str, list] = {d.name: [] for d in detectors}
    seconds: dict[str, float] = {d.name: 0.0 for d in detectors}
    normalised_texts = [normalise(text).text for text in texts]
    if reuse_docs:
        docs = list(DocBin().from_disk(docs_path).get_docs(redactor.nlp.vocab))
        if len(docs) != len(texts):
            raise SystemExit(f"{docs_path} holds {len(docs)} docs for {len(texts)} notes")
    else:
        docs = [parse(redactor.nlp, pipeline_text(text)) for text in normalised_texts]
        if save_docs:
            DocBin(docs=docs).to_disk(docs_path)
    for normalised, doc in zip(normalised_texts, docs):
        for detector in detectors:
            started = time.process_time()
            findings = list(detector.find(normalised, doc))
            seconds[detector.name] += time.process_time() - started
            found[detector.name].append(_rows(findings))
    if only is None or WHOLE in only:
        found[WHOLE], seconds[WHOLE] = [], 0.0
        for text in texts:
            started = time.process_time()
            findings = redactor.analyze(text)
            seconds[WHOLE] += time.process_time() - started
            found[WHOLE].append(_rows(findings))
    return found, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--notes", type=int, default=10_000, help="notes per set at most")
    parser.add_argument("--detectors", nargs="*", help=f"detector names (and {WHOLE!r}) to run; default all")
    parser.add_argument("--reuse-docs", action="store_true", help="read the spaCy docs saved by `save`")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    texts = load_notes(args.notes)
    only = set(args.detectors) if args.detectors else None
    docs_path = args.snapshot.with_name(args.snapshot.name + ".docs")
    found, seconds = run(
        texts, only, docs_path, reuse_docs=args.reuse_docs and args.action == "compare", save_docs=args.action == "save"
    )
    if args.action == "save":
        args.snapshot.write_text(json.dumps({"notes": len(texts), "found": found, "seconds": seconds}))
        for name, spent in seconds.items():
            print(f"{name:<26}{spent:>8.2f} s CPU  {sum(map(len, found[name])):>7} findings")
        return
    before = json.loads(args.snapshot.read_text())
    if before["notes"] != len(texts):
        raise SystemExit(f"the snapshot has {before['notes']} notes, this run {len(texts)}: use the same --notes")
    changed_any = False
    print(f"{'detector':<26}{'before':>9}{'after':>9}  notes changed")
    for name in found:
        old = before["found"].get(name)
        changed = [i for i, rows in enumerate(found[name]) if old is None or old[i] != rows]
        changed_any |= bool(changed)
        shown = ", ".join(map(str, changed[:10])) + (" ..." if len(changed) > 10 else "")
        old_seconds = before["seconds"].get(name, float("nan"))
        print(f"{name:<26}{old_seconds:>8.2f}s{seconds[name]:>8.2f}s  {len(changed)} {shown}")
    raise SystemExit(1 if changed_any else 0)


if __name__ == "__main__":
    main()
