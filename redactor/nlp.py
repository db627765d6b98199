"""The spaCy pipeline detection runs on: French tokenizer and our clinical NER, offline.

The NER is trained here on generated French clinical notes (models/ner/, with the scripts that
rebuild it): fr_core_news_md's Wikipedia-trained NER misses upper-case surnames, staff lists
and signatures, tags section headers as persons, and costs more than all our rules together.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from redactor.paths import models_dir

NER_PIPELINE = "ner/fr_clinical_ner"
# What the NER reads is bounded so that its time follows the length of the note, whatever its
# shape. spaCy's tokenizer takes time quadratic in the length of a token (it strips prefixes
# and suffixes one at a time), and the NER costs about 35 µs a token: "0-0-0-..." or "a a a ..."
# make a token of every character or two. So, in the model's view only:
MAX_TOKEN_CHARS = 100  # longer runs without a space are cut (a space every 100 characters)
_NO_NAME_HERE = re.compile(
    r"[^\w\s]{4,}"  # runs of symbols: "....", "-=-=-=", ".-_/:@"
    r"|(?:(?![^\W\d_])[^\n]){20,}"  # 20 characters or more without a letter: numbers, dumps
    r"|([^\n]{1,8}?)\1{7,}"  # a unit of up to 8 characters repeated 8 times or more
    r"|(?:(?<![^\W_])[^\W\d_](?![^\W_])[^\w\n]{1,3}){12,}"  # 12 one-letter words in a row
)
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")


def _cut(match: re.Match[str]) -> str:
    run = match.group()
    step = MAX_TOKEN_CHARS
    return "".join(run[i : i + step - 1] + " " if i + step <= len(run) else run[i:] for i in range(0, len(run), step))


def pipeline_text(text: str) -> str:
    """The text the NER reads: the same length as `text` (so the doc's offsets are the text's),
    with the runs of `_NO_NAME_HERE` (no name can be in them) turned into spaces and the
    remaining runs without a space cut every MAX_TOKEN_CHARS characters. Only the model's view
    changes: every rule-based detector reads the text itself."""
    blanked = _NO_NAME_HERE.sub(lambda match: " " * len(match.group()), text)
    return _LONG_RUN.sub(_cut, blanked)


# spaCy's French `token_match` (words kept whole: "entr'ouvert", "saut-de-ski", "New-York")
# is one 1.4 MB regular expression of anchored alternatives, tried on every candidate token:
# about half the tokenizer's time on clinical text. Each alternative needs a hyphen or an
# elision mark (checked in tests/test_nlp.py), so a token without one cannot match.
_TOKEN_MATCH_JOINERS = frozenset("-\u2013\u2014\u2010\u2011'\u2019")


class _PrefilteredTokenMatch:
    """`token_match` that skips the regular expression on strings with no joiner. Its bound
    `match` has a `__self__.pattern`, as spaCy expects when it serialises a tokenizer."""

    def __init__(self, token_match: Callable[[str], object]):
        self.pattern: str = token_match.__self__.pattern  # type: ignore[attr-defined]
        self._token_match = token_match

    def match(self, string: str) -> object:
        return self._token_match(string) if not _TOKEN_MATCH_JOINERS.isdisjoint(string) else None


def load_pipeline() -> Language:
    """The detection pipeline, from the models directory (never downloaded)."""
    nlp = spacy.load(models_dir() / NER_PIPELINE)
    if nlp.tokenizer.token_match is not None:
        nlp.tokenizer.token_match = _PrefilteredTokenMatch(nlp.tokenizer.token_match).match
    return nlp


# The NER's transition parser steps through a document one token at a time; a batch of
# documents advances together, so a long note read as segments costs about a third less.
# Segments end at a line or a sentence end (else at a space): the model
# reads a few tokens around each one, so only an entity across the cut could change, and
# notes up to LONG_NOTE_CHARS (nearly every clinical note) are read whole, as before.
LONG_NOTE_CHARS = 8_000
SEGMENT_CHARS = 2_000


def segments(text: str, size: int = SEGMENT_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of about `size` characters, at line ends where it can."""
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            window = text[start + size // 2 : end]
            cut = max(window.rfind("\n"), window.rfind(". "))  # a line's or a sentence's end
            if cut < 0:
                cut = window.rfind(" ")
            if cut >= 0:
                end = start + size // 2 + cut + (2 if window[cut] == "." else 1)
        pieces.append(text[start:end])
        start = end
    return pieces


def parse(nlp: Language, text: str) -> Doc:
    """`nlp(text)`, with a long text read as a batch of segments joined back into one Doc."""
    if len(text) <= LONG_NOTE_CHARS:
        return nlp(text)
    return Doc.from_docs(list(nlp.pipe(segments(text), batch_size=64)), ensure_whitespace=False)


def pipeline_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'fr')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"
