"""Rebuild common_words.txt: ordinary French words of clinical text, which a known name must
not match on its own without a title ("Petit nodule" is no Mme Petit).

The words written in lower case at least `--min-count` times in a corpus of real clinical
text (the E3C French clinical cases of ../shared/corpora by default), folded (no accents,
lower case), three letters or more. Names in such text are capitalised, so they stay out.

    python models/vouched/build_common_words.py [--corpus FILE.jsonl] [--min-count 2]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from redactor.recognizers.vouched.folding import fold

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[2] / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-zàâäçéèêëîïôöùûüÿœæ]{3,}(?![^\W\d_])")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    with args.corpus.open(encoding="utf-8") as handle:
        for line in handle:
            counts.update(fold(word) for word in _LOWER_WORD.findall(json.loads(line)["text"]))
    kept = sorted(word for word, count in counts.items() if count >= args.min_count)
    header = (
        f"# {len(kept)} folded words written in lower case >= {args.min_count} times in "
        f"{args.corpus.name}; built by build_common_words.py\n"
    )
    (HERE / "common_words.txt").write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} words")


if __name__ == "__main__":
    main()
