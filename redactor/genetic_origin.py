"""Germline or somatic: the reading of a GENETIC finding, from the cues of
`models/special/genetic_origin.yaml` around it.

Cues in the finding's sentence (or, without any, in the one before), by tier: said hereditary (germline, which
policies remove: the reading when in doubt), said acquired (somatic), a gene read as
hereditary (germline), a tumour or a gene tested on tumours (somatic); nothing: germline.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from redactor.paths import models_dir
from redactor.recognizers.special.phrases import SENTENCE_ENDS, PhraseTrie, Tokens
from redactor.recognizers.special.vocabulary import (
    VOCABULARY_DIR,
    VocabularyError,
    expand_terms,
    load_lists,
    read_yaml,
)

ORIGIN_FILE = "genetic_origin.yaml"
# Tiers in order, each with the reading it gives: the first tier with a cue decides.
_TIERS = (("germline", False), ("somatic", True), ("germline_genes", False), ("tumour_context", True))
_SENTENCES_BEFORE = 1
_MAX_REACH = 60  # tokens each side, whatever the punctuation


@dataclass(frozen=True)
class GeneticOrigin:
    """Germline and somatic cue phrases, compiled once per process."""

    cues: PhraseTrie

    def somatic(self, tokens: Tokens, first: int, last: int) -> bool:
        """Whether the GENETIC finding on tokens [first, last) reads as a somatic variant: the
        cues of its own sentence decide; without any, those of the sentence before."""
        for sentences_before in range(_SENTENCES_BEFORE + 1):
            start, end = _window(tokens, first, last, sentences_before)
            kinds = self._kinds(tokens, start, end)
            if kinds:
                return next(somatic for tier, somatic in _TIERS if tier in kinds)
        return False

    def _kinds(self, tokens: Tokens, start: int, end: int) -> set[object]:
        kinds: set[object] = set()
        for index in range(start, end):
            if self.cues.may_start(tokens, index):
                kinds.update(kind for stop, kind in self.cues.matches_at(tokens, index) if stop <= end)
        return kinds


def _window(tokens: Tokens, first: int, last: int, sentences_before: int) -> tuple[int, int]:
    """The finding's sentence and `sentences_before` sentences before it, not past a blank line."""
    start = first
    sentences = 0
    while start > 0 and first - start < _MAX_REACH:
        key = tokens.keys[start - 1]
        if key == "\n" and start > 1 and tokens.keys[start - 2] == "\n":
            break
        if key in SENTENCE_ENDS:
            sentences += 1
            if sentences > sentences_before:
                break
        start -= 1
    end = last
    while end < len(tokens) and end - last < _MAX_REACH and tokens.keys[end] not in SENTENCE_ENDS:
        end += 1
    return start, end


@lru_cache(maxsize=1)
def load_genetic_origin() -> GeneticOrigin:
    directory = models_dir() / VOCABULARY_DIR
    data = read_yaml(directory / ORIGIN_FILE)
    lists = load_lists(directory)
    tiers = [tier for tier, _ in _TIERS]
    if sorted(data) != sorted(tiers):
        raise VocabularyError(f"{ORIGIN_FILE}: expected exactly the keys {', '.join(tiers)}")
    cues = PhraseTrie()
    for tier in tiers:
        for sequence in expand_terms(lists, data[tier], f"{ORIGIN_FILE}: {tier}"):
            cues.add(sequence, tier)
    return GeneticOrigin(cues)
