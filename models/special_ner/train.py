"""Rebuild the special-category NER from the annotated tuning notes (about 8 minutes on 2 cores).

    python models/special_ner/train.py                     # corpus, training, model/ and eval.json
    python models/special_ner/train.py --hold-out hs-e,hs-f --out /tmp/heldout
        # trained without the notes whose id starts so, packaged in --out, to measure on them

Reads tests/data/dev_special.jsonl and tests/data/dev_special_styles.jsonl (corpus.py), never the
blind set. spaCy/thinc seed 42 (config.cfg): the same notes give the same model. Intermediate
files go to corpus/ and training/ (ignored by git).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import spacy  # noqa: E402

from corpus import build  # noqa: E402

VERSION = "0.1.0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hold-out", default="", help="comma-separated note id prefixes kept out of training")
    parser.add_argument("--out", type=Path, default=HERE / "model")
    args = parser.parse_args()
    corpus, training = HERE / "corpus", HERE / "training"
    counts = build(corpus, tuple(p for p in args.hold_out.split(",") if p))
    if training.exists():
        shutil.rmtree(training)
    subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(HERE / "config.cfg"), "--output", str(training),
         "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy")],
        check=True, cwd=ROOT,
    )  # fmt: skip
    nlp = spacy.load(training / "model-best")
    nlp.meta.update(
        name="special_ner",
        version=VERSION,
        description="Special-category mentions (GDPR Art. 9 and 10, excessive comments) in French clinical "
        "notes: one small ner, trained on the annotated tuning notes of tests/data.",
        author="redactor",
        license="Apache-2.0",
    )
    scores = {k: v for k, v in nlp.meta.pop("performance", {}).items() if k.startswith("ents")}
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    report = {"version": VERSION, "notes": counts, "dev": scores, "held_out_prefixes": args.hold_out}
    (args.out.parent / "eval.json" if args.out == HERE / "model" else args.out / "eval.json").write_text(
        json.dumps(report, indent=1) + "\n", encoding="utf-8"
    )
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
