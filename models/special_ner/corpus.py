"""Training documents for the special-category NER, from the annotated tuning notes.

    python models/special_ner/corpus.py --out DIR [--hold-out PREFIX,...]

Reads the tuning notes only (tests/data/dev_special.jsonl, tests/data/dev_special_styles.jsonl);
the blind set (tests/data/blind_special.jsonl) is never read here. Real clinical prose comes in
as negatives: sentences of the E3C case reports at even positions (counting from 0) in which no
vocabulary finds anything; the others stay out, for measuring false alarms
(bench/special_e3c.py --odd). Each note is tokenised by the detection pipeline's own tokenizer; its special-category spans become entities (identifier spans
are left unlabelled, and so is everything else: the model learns the categories' boundaries
from the notes' own clinical prose). A span that does not fall on token boundaries is widened
to the tokens that hold it. Notes whose id starts with a held-out prefix go to `heldout.spacy`
(for measuring what a model trained without them finds), a tenth of the rest to `dev.spacy`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from spacy.tokens import DocBin  # noqa: E402
from spacy.util import filter_spans  # noqa: E402

from redactor.findings import SPECIAL_CATEGORIES  # noqa: E402
from redactor.nlp import load_pipeline  # noqa: E402
from redactor.recognizers.special.detector import SpecialCategoryDetector  # noqa: E402

TUNING_NOTES = ("tests/data/dev_special.jsonl", "tests/data/dev_special_styles.jsonl")
DEV_SHARE = 10  # one note in ten, chosen by a hash of its id
E3C = ROOT.parent / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"
BACKGROUND_SENTENCES = 3000
_MIN_SENTENCE_CHARS = 40
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def read_notes() -> list[dict]:
    notes = []
    for name in TUNING_NOTES:
        with open(ROOT / name, encoding="utf-8") as lines:
            notes.extend(json.loads(line) for line in lines if line.strip())
    return notes


def background_sentences(limit: int = BACKGROUND_SENTENCES) -> list[str]:
    """Sentences of the E3C reports at even positions with no vocabulary finding, shuffled (seed 0)."""
    vocabularies = SpecialCategoryDetector()
    sentences = []
    with open(E3C, encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % 2 == 0:
                for sentence in _SENTENCE_END.split(json.loads(line)["text"]):
                    if len(sentence) >= _MIN_SENTENCE_CHARS and not list(vocabularies.find(sentence)):
                        sentences.append(sentence)
    random.Random(0).shuffle(sentences)
    return sentences[:limit]


def build(out: Path, held_prefixes: tuple[str, ...] = ()) -> dict:
    """Write train.spacy, dev.spacy (and heldout.spacy) to `out`; return the counts."""
    tokenizer = load_pipeline().tokenizer
    bins = {"train": DocBin(), "dev": DocBin(), "heldout": DocBin()}
    counts = {name: [0, 0] for name in bins}
    for note in read_notes():
        doc = tokenizer(note["text"])
        spans = []
        for span in note["spans"]:
            if span["category"] in SPECIAL_CATEGORIES:
                spans.append(doc.char_span(span["start"], span["end"], span["category"], alignment_mode="expand"))
        doc.ents = filter_spans([s for s in spans if s is not None])
        if held_prefixes and note["id"].startswith(held_prefixes):
            name = "heldout"
        elif zlib.crc32(note["id"].encode()) % DEV_SHARE == 0:
            name = "dev"
        else:
            name = "train"
        bins[name].add(doc)
        counts[name][0] += 1
        counts[name][1] += len(doc.ents)
    for sentence in background_sentences():
        doc = tokenizer(sentence)
        doc.ents = []  # every token outside any mention
        bins["train"].add(doc)
    counts["background"] = [len(bins["train"]) - counts["train"][0], 0]
    out.mkdir(parents=True, exist_ok=True)
    for name, docbin in bins.items():
        if len(docbin):
            docbin.to_disk(out / f"{name}.spacy")
    return {name: {"notes": n, "entities": e} for name, (n, e) in counts.items() if n}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--hold-out", default="", help="comma-separated id prefixes kept out of training")
    args = parser.parse_args()
    print(json.dumps(build(args.out, tuple(p for p in args.hold_out.split(",") if p))))


if __name__ == "__main__":
    main()
