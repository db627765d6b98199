"""Real clinical text for the tests that need volume: the E3C case reports of ../shared/corpora
when the clone sits beside them, else the project's own annotated dev notes (tests/data), so
that a clone anywhere else still runs them."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent
E3C = TESTS_DIR.parent.parent / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"
DEV_NOTES = TESTS_DIR / "data" / "dev_identifiers.jsonl"


@lru_cache(maxsize=1)
def clinical_texts() -> tuple[str, ...]:
    source = E3C if E3C.exists() else DEV_NOTES
    with source.open(encoding="utf-8") as handle:
        return tuple(json.loads(line)["text"] for line in handle if line.strip())
