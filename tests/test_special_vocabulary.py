"""The vocabulary format: term syntax, context rules, validation at start-up, the shipped data."""

from __future__ import annotations

import pytest
import yaml

from redactor.paths import models_dir
from redactor.recognizers.special.detector import SpecialCategoryDetector
from redactor.recognizers.special.vocabulary import (
    VocabularyError,
    compile_vocabulary,
    inflect,
    load_vocabulary,
)


@pytest.mark.parametrize(
    "word, forms",
    [
        ("musulman", {"musulman", "musulmane", "musulmans", "musulmanes"}),
        ("homosexuel", {"homosexuel", "homosexuelle", "homosexuels", "homosexuelles"}),
        ("dépressif", {"dépressif", "dépressive", "dépressifs", "dépressives"}),
        ("suicidé", {"suicidé", "suicidée", "suicidés", "suicidées"}),
        ("catholique", {"catholique", "catholiques"}),
        ("manipulateur", {"manipulateur", "manipulatrice", "manipulateurs", "manipulatrices"}),
        ("syndical", {"syndical", "syndicale", "syndicaux", "syndicales"}),
        ("algérien", {"algérien", "algérienne", "algériens", "algériennes"}),
    ],
)
def test_inflection(word, forms):
    assert forms <= set(inflect(word))


def write_vocabulary(directory, groups, lists=None, exclusions=None):
    (directory / "lists.yaml").write_text(
        yaml.safe_dump({"lists": lists or {"joiners": ["et"]}}), encoding="utf-8"
    )
    data = {"category": "RELIGION", "groups": groups}
    if exclusions:
        data["exclusions"] = exclusions
    (directory / "test.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return SpecialCategoryDetector(compile_vocabulary(directory))


def found(detector, text):
    return [(text[f.start : f.end], f.category) for f in detector.find(text)]


def test_term_syntax(tmp_path):
    detector = write_vocabulary(
        tmp_path,
        [
            {"name": "faith", "terms": ["@faith {,non} pratiquant~", "=OH", "^jeûne"]},
        ],
        lists={"faith": ["musulman~", "juif"], "joiners": ["et"]},
    )
    assert found(detector, "Musulmane non pratiquante") == [("Musulmane non pratiquante", "RELIGION")]
    assert found(detector, "juif pratiquant") == [("juif pratiquant", "RELIGION")]
    assert found(detector, "sevrage OH") == [("OH", "RELIGION")]
    assert found(detector, "oh la la") == []  # "=OH" is case-sensitive
    assert found(detector, "jeûne du soir") == [("jeûne", "RELIGION")]
    assert found(detector, "un jeune homme") == []  # "^jeûne" keeps its accent


def test_context_rules_and_exclusions(tmp_path):
    detector = write_vocabulary(
        tmp_path,
        [
            {"name": "veil", "terms": ["voilé~"], "not_after": ["sinus"], "window": 2},
            {"name": "names", "terms": ["baptiste"], "lowercase_only": True},
            {"name": "anchored", "terms": ["noir~"], "only_after": ["homme"], "window": 1},
        ],
        exclusions=["voile du palais"],
    )
    assert found(detector, "mère voilée") == [("voilée", "RELIGION")]
    assert found(detector, "sinus voilé") == []
    assert found(detector, "voile du palais") == []
    assert found(detector, "Jean-Baptiste") == []
    assert found(detector, "homme noir") == [("noir", "RELIGION")]
    assert found(detector, "selles noires") == []


def test_fuzzy_words_tolerate_one_typo(tmp_path):
    detector = write_vocabulary(
        tmp_path, [{"name": "faith", "terms": ["catholique"], "fuzzy": ["catholique"]}]
    )
    assert found(detector, "catholiqe") == [("catholiqe", "RELIGION")]
    assert found(detector, "cathlique") == [("cathlique", "RELIGION")]
    assert found(detector, "catholicisme") == []


@pytest.mark.parametrize(
    "group, message",
    [
        ({"name": "x", "terms": ["@missing"]}, "unknown list"),
        ({"name": "x", "terms": ["{a,b"]}, "braces"),
        ({"name": "x", "category": "NOT_A_CATEGORY", "terms": ["a"]}, "unknown category"),
        ({"name": "x", "terms": ["a"], "surprise": 1}, "unknown keys"),
        ({"name": "x", "terms": ["a"], "fuzzy": ["court"]}, "fuzzy"),
        ({"name": "x", "terms": ["a"], "not_after": ["deux mots"]}, "single words"),
        ({"name": "Bad Name", "terms": ["a"]}, "name"),
    ],
)
def test_malformed_vocabularies_fail_at_start_up(tmp_path, group, message):
    with pytest.raises(VocabularyError, match=message):
        write_vocabulary(tmp_path, [group])


def test_shipped_vocabularies_compile_and_cover_every_category():
    vocabulary = load_vocabulary()
    categories = {rule.category for rule in vocabulary.rules}
    assert categories == {
        "HEALTH_SENSITIVE", "SEXUAL_ORIENTATION", "SEX_LIFE", "RELIGION", "ETHNIC_ORIGIN",
        "POLITICAL_OPINION", "TRADE_UNION", "GENETIC", "BIOMETRIC", "CRIMINAL", "EXCESSIVE_COMMENT",
    }  # fmt: skip
    assert vocabulary.phrases > 10_000
    assert (models_dir() / "special" / "README.md").is_file()
