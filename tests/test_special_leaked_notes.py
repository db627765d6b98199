"""The four notes of the 2025 breach, and their evasive variants: found with the right categories
and fully removed by the export policy (issue 3)."""

from __future__ import annotations

import unicodedata

import pytest

ZERO_WIDTH = "\u200b"

# note -> the passages (and their category) that must be covered entirely
LEAKED = {
    "porteuse sida !!! !!!!": [("sida", "HEALTH_SENSITIVE")],
    "serait homosexuelle d'après sa mère": [("homosexuelle", "SEXUAL_ORIENTATION")],
    "mère musulmane voilée": [("musulmane", "RELIGION"), ("voilée", "RELIGION")],
    "catholique non pratiquante car ses 2 frères sont suicidés": [
        ("catholique non pratiquante", "RELIGION"),
        ("suicidés", "HEALTH_SENSITIVE"),
    ],
}


def without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def with_zero_width(text: str) -> str:
    """A zero-width space after every letter of every word of five letters or more."""
    return " ".join(ZERO_WIDTH.join(word) if len(word) >= 5 else word for word in text.split(" "))


VARIANTS = {
    "as written": lambda t: t,
    "no accents": without_accents,
    "capitals": str.upper,
    "zero-width": with_zero_width,
    "typographic apostrophe": lambda t: t.replace("'", "’"),
    "in a sentence": lambda t: f"Consultation du 12/03. Remarque : {t}. Revoir dans 1 mois.",
}


def transform_passage(variant: str, passage: str) -> str:
    return VARIANTS[variant](passage)


def covered(findings, start: int, end: int, category: str) -> bool:
    """Every character of [start, end) lies in a finding of `category`."""
    positions = set(range(start, end))
    for finding in findings:
        if finding.category == category:
            positions -= set(range(finding.start, finding.end))
    return not positions


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("note", LEAKED)
def test_leaked_notes_are_found_with_their_categories(redactor, note, variant):
    text = VARIANTS[variant](note)
    findings = redactor.analyze(text)
    for passage, category in LEAKED[note]:
        written = transform_passage(variant, passage) if variant != "in a sentence" else passage
        start = text.find(written)
        assert start >= 0, (variant, written)
        assert covered(findings, start, start + len(written), category), (variant, passage, category)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("note", LEAKED)
def test_leaked_notes_are_fully_removed_by_export(redactor, note, variant):
    text = VARIANTS[variant](note)
    redacted = redactor.redact(text, "export").text
    for passage, _ in LEAKED[note]:
        for word in passage.split():
            if len(word) > 3:
                assert (
                    without_accents(word).lower()
                    not in without_accents(redacted.replace(ZERO_WIDTH, "")).lower()
                )


def test_hearsay_clause_is_removed_whole(redactor):
    redacted = redactor.redact("serait homosexuelle d'après sa mère", "export").text
    assert redacted == "<SEXUAL_ORIENTATION>"


def test_both_clauses_of_a_causal_sentence_are_removed(redactor):
    redacted = redactor.redact("catholique non pratiquante car ses 2 frères sont suicidés", "export").text
    assert redacted == "<RELIGION> car <HEALTH_SENSITIVE>"


def test_spaced_letters_and_homoglyphs_are_read(redactor):
    for text in (
        "porteuse s i d a",
        "porteuse ѕida",
        "porteuse s&#105;da",
    ):  # spaced, Cyrillic ѕ, HTML entity
        assert any(f.category == "HEALTH_SENSITIVE" for f in redactor.analyze(text)), text
        assert "sida" not in redactor.redact(text, "export").text
