"""What the harnesses share: a seed corpus from ../shared/corpora, then atheris (libFuzzer).

Run one with `make fuzz` or `python fuzz/fuzz_core.py [libFuzzer options]`: the corpus grows
in fuzz/corpus/NAME/ and crashing inputs are written to fuzz/crashes/NAME-*. A crash is any
exception the entry point does not promise (its own error types are expected answers).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import atheris

FUZZ_DIR = Path(__file__).resolve().parent
CLINICAL_CASES = FUZZ_DIR.parent.parent / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"
SEED_NOTES = 200


def clinical_lines(limit: int = SEED_NOTES) -> list[bytes]:
    """The first JSONL lines of the E3C French clinical cases (the shared corpus)."""
    with CLINICAL_CASES.open("rb") as handle:
        return [line for _, line in zip(range(limit), handle)]


def clinical_texts(limit: int = SEED_NOTES) -> list[str]:
    return [json.loads(line)["text"] for line in clinical_lines(limit)]


def run(name: str, test_one_input: Callable[[bytes], None], seeds: Callable[[], Iterable[bytes]]) -> None:
    """Seed fuzz/corpus/NAME once, then fuzz with the command line's libFuzzer options."""
    corpus = FUZZ_DIR / "corpus" / name
    if not corpus.is_dir():
        corpus.mkdir(parents=True)
        for seed in seeds():
            (corpus / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    crashes = FUZZ_DIR / "crashes"
    crashes.mkdir(exist_ok=True)
    arguments = [sys.argv[0], f"-artifact_prefix={crashes}/{name}-", *sys.argv[1:], str(corpus)]
    atheris.Setup(arguments, test_one_input)
    atheris.Fuzz()
