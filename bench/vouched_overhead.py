"""What a known identity and the site lexicons cost, and how often the example site fires on
real text nobody wrote for it.

    python bench/vouched_overhead.py [--notes N] [--repeat R] [--show]

Analyses the same notes (the E3C clinical cases of ../shared/corpora) one call per note:
plain; with a full known identity (names, relative, birth date, NIR, IPP, address, phones);
with the example site directory (examples/site). Prints characters per second (best of R
runs) and the findings of the known identity and of the site lexicons per 100 notes (the
identity is invented: on these notes every one of its findings is a false positive).
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"
PREFIXES = {"known identity": "known.", "site lexicons": "site."}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--show", action="store_true", help="print what the known identity and the site found")
    args = parser.parse_args()

    from redactor import Redactor
    from redactor.known import KnownIdentity, PersonName

    with CORPUS.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line, _ in zip(handle, range(args.notes))]
    known = KnownIdentity(
        first_name="Jean-Pierre", last_name="Lefèvre", birth_name="Marchetti", birth_date=date(1961, 7, 4),
        nir="1 61 07 75 123 456 78", ipp="80071234", other_ids=("2024-000123",),
        address_lines=("12 bis rue des Lilas", "75012 Paris"), phones=("06 12 34 56 78",),
        relatives=(PersonName("Hélène", "Lefèvre"),),
    )  # fmt: skip
    plain = Redactor()
    site = Redactor(nlp=plain.nlp, site=ROOT / "examples" / "site")
    characters = sum(map(len, texts))
    runs = {
        "plain": lambda text: plain.analyze(text),
        "known identity": lambda text: plain.analyze(text, known=known),
        "site lexicons": lambda text: site.analyze(text),
    }
    plain.analyze(texts[0], known=known)  # load the common-word list once
    print(f"{len(texts)} notes, {characters:,} characters")
    seconds = dict.fromkeys(runs, float("inf"))
    fired = dict.fromkeys(runs, 0)
    for _ in range(args.repeat):  # interleaved note by note, so load changes hit every run alike
        spent = dict.fromkeys(runs, 0.0)
        for text in texts:
            for name, run in runs.items():
                started = time.perf_counter()
                found = run(text)
                spent[name] += time.perf_counter() - started
                fired[name] += sum(1 for f in found if f.detector.startswith(PREFIXES.get(name, "-")))
        seconds = {name: min(seconds[name], spent[name]) for name in runs}
    for name in runs:
        rate = f"{name:<16}{characters / seconds[name]:>10,.0f} c/s  ({seconds[name] / seconds['plain']:.2f}x the time)"
        per_100 = 100 * fired[name] / len(texts) / args.repeat
        print(rate + (f", {per_100:.1f} {PREFIXES[name]}* findings per 100 notes" if name in PREFIXES else ""))
        if name in PREFIXES and args.show:
            for text in texts:
                for f in runs[name](text):
                    if f.detector.startswith(PREFIXES[name]):
                        print(f"    {f.detector:<14}{text[max(0, f.start - 30) : f.end + 30]!r}")

if __name__ == "__main__":
    main()
