"""Excessive and judgemental comments that no word list holds, found by a learned classifier.

A small spaCy `textcat` (models/excessive/model/, rebuilt by models/excessive/train.py) scores
each sentence of the normalised note. A sentence whose score passes the threshold chosen on
held-out data (stored beside the model) is an EXCESSIVE_COMMENT finding over its judgemental
clauses, or over the whole sentence when no clause passes alone. The findings score low, so
that any vocabulary or identifier finding in the same sentence keeps its own category.

It needs no NER but costs more than the vocabularies, so it is not a `TextDetector`: the
clinician's `check` does not run it, `analyze` and `redact` do.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from redactor.errors import RedactorError
from redactor.findings import Finding
from redactor.paths import models_dir
from redactor.recognizers.base import Detector

MODEL_DIR = "excessive/model"
THRESHOLD_FILE = "threshold.json"
LABEL = "EXCESSIVE"
CATEGORY = "EXCESSIVE_COMMENT"
DETECTOR_NAME = "special.excessive.model"
FINDING_SCORE = 0.35  # under every vocabulary and identifier rule (see redactor.resolve)
MAX_PIECE_CHARS = 300  # longer sentences are scored clause group by clause group
_MIN_LETTERS = 3

_WORD = re.compile(r"[^\W_]+|[^\w\s]")
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_CLAUSE_END = re.compile(r"(?<=[,;:)(\]\[])\s*|\s+[-–—]\s+")


class ExcessiveModelError(RedactorError, RuntimeError):
    """The classifier or its threshold is missing or malformed."""


def model_words(piece: str) -> list[str]:
    """What the classifier reads (in training too): the words and marks of `piece`, lower case,
    without accents. A regular expression, not spaCy's tokenizer: ten times faster."""
    decomposed = unicodedata.normalize("NFD", piece.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _WORD.findall(bare)


def _has_letters(text: str, start: int, end: int) -> bool:
    return sum(c.isalpha() for c in text[start:end]) >= _MIN_LETTERS


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split(text: str, start: int, end: int, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    cursor = start
    for match in pattern.finditer(text, start, end):
        if match.start() > cursor:
            yield _trimmed(text, cursor, match.start())
        cursor = max(cursor, match.end())
    if cursor < end:
        yield _trimmed(text, cursor, end)


def _packed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A long sentence in groups of whole clauses of at most MAX_PIECE_CHARS."""
    group_start = group_end = None
    for clause_start, clause_end in _split(text, start, end, _CLAUSE_END):
        if group_start is not None and clause_end - group_start > MAX_PIECE_CHARS:
            yield group_start, group_end
            group_start = None
        if group_start is None:
            group_start = clause_start
        group_end = clause_end
    if group_start is not None:
        yield group_start, group_end


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text` (lines cut after . ! ? …), long ones cut into clause groups."""
    spans = []
    for line in _LINE.finditer(text):
        for start, end in _split(text, line.start(), line.end(), _SENTENCE_END):
            pieces = _packed(text, start, end) if end - start > MAX_PIECE_CHARS else [(start, end)]
            spans.extend(p for p in pieces if _has_letters(text, *p))
    return spans


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [c for c in _split(text, start, end, _CLAUSE_END) if _has_letters(text, *c)]


@dataclass(frozen=True)
class ExcessiveModel:
    nlp: Language
    threshold: float

    def scores(self, pieces: list[str]) -> list[float]:
        docs = [Doc(self.nlp.vocab, words=model_words(piece)) for piece in pieces]
        return [doc.cats[LABEL] for doc in self.nlp.get_pipe("textcat").pipe(docs, batch_size=64)]


@lru_cache(maxsize=1)
def load_excessive_model(directory: Path | None = None) -> ExcessiveModel:
    path = directory or models_dir() / MODEL_DIR
    try:
        nlp = spacy.load(path)
        threshold = float(json.loads((path / THRESHOLD_FILE).read_text(encoding="utf-8"))["threshold"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ExcessiveModelError(f"cannot load the excessive-comment model ({error.__class__.__name__})") from None
    if LABEL not in nlp.get_pipe("textcat").labels or not 0 < threshold < 1:
        raise ExcessiveModelError("the excessive-comment model has no EXCESSIVE label or a bad threshold")
    return ExcessiveModel(nlp, threshold)


class ExcessiveCommentModel(Detector):
    """Judgemental sentences and clauses, scored by the learned classifier."""

    def __init__(self, model: ExcessiveModel | None = None):
        self.model = model or load_excessive_model()
        super().__init__(name="ExcessiveCommentModel", categories=[CATEGORY])

    def pipelines(self) -> list[Language]:
        return [self.model.nlp]

    def find(self, text: str, doc: Doc | None = None) -> Iterable[Finding]:
        spans = sentences(text)
        if not spans:
            return []
        threshold = self.model.threshold
        scores = self.model.scores([text[s:e] for s, e in spans])
        flagged = [span for span, score in zip(spans, scores) if score >= threshold]
        findings = []
        for start, end in flagged:
            parts = clauses(text, start, end)
            kept = []
            if len(parts) > 1:
                part_scores = self.model.scores([text[s:e] for s, e in parts])
                kept = [p for p, score in zip(parts, part_scores) if score >= threshold]
            for part_start, part_end in kept or [(start, end)]:
                findings.append(Finding(part_start, part_end, CATEGORY, FINDING_SCORE, DETECTOR_NAME))
        return findings
