"""Special categories survive what copy-paste and evasive writers do to a remark: upper case,
no accents, look-alike letters, zero-width characters, letter spacing."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.evaluation import GoldNote, evaluate, read_gold
from redactor.variants import VARIANTS, variant

DEV_SPECIAL = Path(__file__).resolve().parent / "data" / "dev_special.jsonl"
NOTE = GoldNote(
    "n1",
    "Mère musulmane voilée, pas de TS, dépression du segment ST.",
    [
        {"start": 5, "end": 14, "category": "RELIGION"},
        {"start": 15, "end": 21, "category": "RELIGION"},
        {"start": 30, "end": 32, "category": "HEALTH_SENSITIVE"},
    ],
    [{"start": 34, "end": 44}],
)


@pytest.mark.parametrize("name", VARIANTS)
def test_variants_move_spans_and_traps_with_the_text(name):
    rewritten = variant(NOTE, name)
    passages = [rewritten.text[s["start"] : s["end"]] for s in rewritten.spans]
    folded = [p.replace(" ", "").replace("\u200b", "") for p in passages]
    assert [len(p) for p in folded] == [9, 6, 2]
    trap = rewritten.traps[0]
    assert rewritten.text[trap["start"] : trap["end"]].lower().startswith(("dépr", "depr", "déрr"))


def test_letter_spaced_passages_are_set_apart_by_word_gaps():
    assert variant(NOTE, "letter_spaced").text.startswith("Mère   m u s u l m a n e     v o i l é e,")


@pytest.mark.parametrize(
    "text, category",
    [
        ("Pas d'a l c o o l, pas de tabac.", "HEALTH_SENSITIVE"),
        ("Sous t r a i t e m e n t   d e   s u b s t i t u t i o n (m é t h a d o n e).", "HEALTH_SENSITIVE"),
        ("Antécédent de t e n t a t i v e   d e   s u i c i d e en 2019.", "HEALTH_SENSITIVE"),
        ("Dépistage VIH/h é p a t i t e s proposé.", "HEALTH_SENSITIVE"),
        ("Patient i n c a r c é r é depuis mars.", "CRIMINAL"),
    ],
)
def test_letter_spaced_remarks_are_found(redactor, text, category):
    findings = [f for f in redactor.analyze(text) if f.category == category]
    assert findings, text


def test_letter_spacing_keeps_a_number_apart_from_the_word_after_it(redactor):
    text = "ATCD : 2 I V G en 2016."
    found = [text[f.start : f.end] for f in redactor.analyze(text) if f.category == "HEALTH_SENSITIVE"]
    assert found and "I V G" in found[0]


def test_each_variant_keeps_95_percent_of_the_plain_recall(redactor):
    notes = read_gold(DEV_SPECIAL)

    def recall(gold: list[GoldNote]) -> float:
        return evaluate(zip(gold, redactor.analyze_many(n.text for n in gold)), "special").total.recall

    plain = recall(notes)
    kept = {name: recall([variant(n, name) for n in notes]) / plain for name in VARIANTS}
    assert all(share >= 0.95 for share in kept.values()), kept
