"""The qualifiers' cues (redactor/qualify/cues.py): read from models/special/qualifiers.yaml;
a malformed file fails at start-up, naming the section, never at the first note."""

from __future__ import annotations

import shutil
from dataclasses import fields

import pytest
import yaml

from redactor.paths import models_dir
from redactor.qualify.cues import QUALIFIERS_FILE, load_cues
from redactor.recognizers.special.phrases import tokenize
from redactor.recognizers.special.vocabulary import LISTS_FILE, VOCABULARY_DIR, VocabularyError


def test_shipped_cues_load_as_folded_words_and_phrases():
    cues = load_cues()
    assert {"mere", "pere", "soeur"} <= cues.family
    assert {"chez", "dans", "aux"} == cues.connectors
    assert cues.conditional_endings == ("rait", "raient")
    tokens = tokenize("d'après sa mère")
    assert list(cues.trie.matches_at(tokens, 0)) == [(2, "reported.sources")]


@pytest.fixture
def edited_cues(tmp_path, monkeypatch):
    """Loads the cues from a copy of the shipped files, edited by the test."""
    directory = tmp_path / VOCABULARY_DIR
    directory.mkdir()
    shutil.copy(models_dir() / VOCABULARY_DIR / LISTS_FILE, directory)
    shipped = yaml.safe_load((models_dir() / VOCABULARY_DIR / QUALIFIERS_FILE).read_text(encoding="utf-8"))

    def load(edit):
        data = yaml.safe_load(yaml.safe_dump(shipped))
        edit(data)
        (directory / QUALIFIERS_FILE).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        monkeypatch.setenv("REDACTOR_MODELS_DIR", str(tmp_path))
        load_cues.cache_clear()
        return load_cues()

    yield load
    load_cues.cache_clear()  # the shipped cues again for the next test


def test_an_unedited_copy_loads_the_same_words(edited_cues):
    shipped = load_cues()
    copy = edited_cues(lambda data: None)
    assert copy is not shipped
    for field in fields(shipped):
        if field.name != "trie":
            assert getattr(copy, field.name) == getattr(shipped, field.name), field.name


def test_a_missing_section_fails_at_start_up(edited_cues):
    with pytest.raises(VocabularyError, match=r"missing or malformed section \('subject'\)$"):
        edited_cues(lambda data: data.pop("subject"))


def test_a_phrase_in_a_list_of_words_fails_at_start_up(edited_cues):
    def two_words(data):
        data["subject"]["family"].append("belle mère")

    with pytest.raises(VocabularyError, match=r"^qualifiers\.yaml: subject\.family: expected single words"):
        edited_cues(two_words)
