"""PhraseTrie.start_positions: the one-pass scan that the special-category detector, the
partner detector and the qualifier cues use in place of a `may_start` call per token."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactor.qualify.cues import load_cues
from redactor.recognizers.special.partners import load_partners
from redactor.recognizers.special.phrases import GENE, NUMBER, PhraseTrie, tokenize
from redactor.recognizers.special.vocabulary import load_vocabulary

DATA = Path(__file__).parent / "data"


def _small_trie() -> PhraseTrie:
    trie = PhraseTrie()
    trie.add(["vih"], "one word")
    trie.add(["tentative", "de", "suicide"], "three words")
    trie.add([NUMBER, "paquets", "annee"], "number first")
    trie.add([GENE, "mute"], "gene first")
    trie.add(["mutation", GENE], "gene after")
    trie.add(["grossesse", NUMBER], "number after")
    return trie


SMALL_TEXTS = [
    "VIH+ connu, tentative de suicide en 2019, tentative de fugue.",
    "Tabac 20 paquets année, 20 paquets-année ; 20 cigarettes.",
    "BRCA1 muté, mutation BRCA2 ; mutation du gène, TP53 normal.",
    "grossesse 3, grossesse gémellaire, tentative",
    "",
    "de de de 12 12 MEFV MEFV",
]


@pytest.mark.parametrize("text", SMALL_TEXTS)
def test_start_positions_are_where_may_start_holds(text):
    trie = _small_trie()
    tokens = tokenize(text)
    assert trie.start_positions(tokens) == [i for i in range(len(tokens)) if trie.may_start(tokens, i)]


def test_start_positions_find_words_numbers_and_genes_that_begin_a_phrase():
    trie = _small_trie()
    tokens = tokenize("VIH, 20 paquets année, BRCA1 muté, mutation TP53, tentative de suicide, 20 ans, BRCA1 normal")
    starts = [tokens.texts[i] for i in trie.start_positions(tokens)]
    # "20 ans" and "BRCA1 normal" begin no phrase: the next token does not go on
    assert starts == ["VIH", "20", "BRCA1", "mutation", "tentative"]


def _real_tries() -> list[PhraseTrie]:
    vocabulary = load_vocabulary()
    return [vocabulary.trie, load_partners().partners, load_cues().trie, *vocabulary.heads.values()]


def test_on_real_vocabularies_no_phrase_starts_outside_the_start_positions():
    """What the scans skip holds no phrase, and the positions agree with `may_start`, on the
    vocabularies as shipped and 200 notes of the dev sets."""
    texts = []
    for name in ("dev_special.jsonl", "dev_identifiers.jsonl"):
        with (DATA / name).open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line, _ in zip(handle, range(100))]
    for trie in _real_tries():
        for text in texts:
            tokens = tokenize(text)
            starts = trie.start_positions(tokens)
            assert starts == [i for i in range(len(tokens)) if trie.may_start(tokens, i)]
            skipped = set(range(len(tokens))) - set(starts)
            assert not any(list(trie.matches_at(tokens, i)) for i in skipped)
