"""Special-category mentions found by a learned NER, beside the vocabularies.

A small spaCy `ner` (models/special_ner/model/, rebuilt by models/special_ner/train.py from the
annotated tuning notes) labels the mentions of the eleven special categories in the tokens of
the detection pipeline's own doc: no second tokenisation. It generalises from the notes where
the vocabularies need every wording; its findings score under every vocabulary rule and
identifier rule, so that a term a vocabulary knows keeps the vocabulary's reading and a name
inside a mention stays a name (see redactor.resolve). Qualifiers (negation, hypothesis...)
apply to its findings as to any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from redactor.errors import RedactorError
from redactor.findings import SPECIAL_CATEGORIES, Finding
from redactor.paths import models_dir
from redactor.recognizers.base import Detector

MODEL_DIR = "special_ner/model"
DETECTOR_NAME = "special.ner"
# Over resolve.MERGE_FLOOR (a union with a vocabulary finding keeps the vocabulary's score),
# under the person rules (0.8 and over) and the vocabularies (0.91).
FINDING_SCORE = 0.6
# The parser reads a long note as a batch of pieces of about this many tokens, cut after a
# line end (as redactor.nlp.parse does for the identifier NER).
PIECE_TOKENS = 400


class SpecialNerError(RedactorError, RuntimeError):
    """The special-category model is missing or does not know the special categories."""


@lru_cache(maxsize=1)
def load_special_ner(directory: Path | None = None) -> Language:
    path = directory or models_dir() / MODEL_DIR
    try:
        nlp = spacy.load(path)
        labels = set(nlp.get_pipe("ner").labels)
    except (OSError, ValueError, KeyError) as error:
        raise SpecialNerError(f"cannot load the special-category model ({error.__class__.__name__})") from None
    if not labels or not labels <= set(SPECIAL_CATEGORIES):
        raise SpecialNerError("the special-category model's labels are not special categories")
    return nlp


def _pieces(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges of at most about PIECE_TOKENS, ending after a line end where one is near."""
    start = 0
    while start < len(doc):
        end = min(len(doc), start + PIECE_TOKENS)
        if end < len(doc):
            for i in range(end - 1, start + PIECE_TOKENS // 2, -1):
                if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
                    end = i + 1
                    break
        yield start, end
        start = end


class SpecialCategoryNer(Detector):
    """Mentions of the special categories, labelled by the learned NER."""

    def __init__(self, nlp: Language | None = None):
        self.model = nlp or load_special_ner()
        self._ner = self.model.get_pipe("ner")
        super().__init__(name="SpecialCategoryNer", categories=sorted(self._ner.labels))

    def pipelines(self) -> list[Language]:
        return [self.model]

    def find(self, text: str, doc: Doc) -> Iterable[Finding]:
        vocab = self.model.vocab
        ranges = list(_pieces(doc))
        pieces = [
            Doc(vocab, words=[t.text for t in doc[s:e]], spaces=[bool(t.whitespace_) for t in doc[s:e]])
            for s, e in ranges
        ]
        findings = []
        for (start, _), piece in zip(ranges, self._ner.pipe(pieces, batch_size=64)):
            for entity in piece.ents:
                first, last = doc[start + entity.start], doc[start + entity.end - 1]
                findings.append(
                    Finding(first.idx, last.idx + len(last.text), entity.label_, FINDING_SCORE, DETECTOR_NAME)
                )
        return findings
