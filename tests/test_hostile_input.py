"""Hostile characters: controls, NUL, private use, lone surrogates, characters outside the BMP
pass through analysis and redaction with offsets into the text as given."""

from __future__ import annotations

import pytest

from redactor.recognizers.special.phrases import PhraseTrie, tokenize

ODD_CHARACTERS = ["\x00", "\x01", "\x1f", "\x7f", "\x9f", "\ue000", "\U0010fffd", "\udc80", "\ud83d", "😀", "\ufeff"]


@pytest.mark.parametrize("odd", ODD_CHARACTERS)
def test_a_cue_prefix_followed_by_an_odd_character_is_qualified(redactor, odd):
    # "pas de" starts longer negation cues: the qualifier's trie walks past it onto the
    # odd character (a NUL used to be taken for the trie's end-of-phrase marker: a crash).
    text = f"Patient séropositif, pas de{odd} sida."
    findings = redactor.analyze(text)
    assert [(f.category, f.qualifiers.negated) for f in findings] == [
        ("HEALTH_SENSITIVE", False),
        ("HEALTH_SENSITIVE", True),
    ]
    assert text[findings[0].start : findings[0].end] == "séropositif"
    assert text[findings[1].start : findings[1].end].endswith("sida")


@pytest.mark.parametrize("odd", ODD_CHARACTERS)
def test_odd_characters_keep_offsets_and_redaction(redactor, odd):
    text = f"{odd}Vu Mme Sylvie MARCHAND{odd} le 12/03/2019,{odd} tél 06 12 34 56 78. VIH{odd}"
    result = redactor.redact(text, "export")
    for applied in result.findings:
        finding = applied.finding
        assert 0 <= finding.start < finding.end <= len(text)
        assert result.text[applied.redacted_start : applied.redacted_end].startswith("<")
    found = {text[a.finding.start : a.finding.end].strip(odd + " ") for a in result.findings}
    assert {"Sylvie MARCHAND", "12/03/2019", "06 12 34 56 78"} <= found
    for value in ("MARCHAND", "12/03/2019", "06 12 34 56 78", "VIH"):
        assert value not in result.text
    assert result.text.count(odd) >= 2  # characters outside the findings are kept as they were


def test_a_note_made_only_of_odd_characters_has_no_finding(redactor):
    text = "".join(ODD_CHARACTERS) * 20
    assert redactor.analyze(text) == []
    assert redactor.redact(text, "export").text == text


def test_a_nul_token_after_a_phrase_prefix_is_just_another_token():
    trie = PhraseTrie()
    trie.add(["pas"], "short")
    trie.add(["pas", "de"], "long")
    tokens = tokenize("pas\x00 de")
    assert tokens.keys == ["pas", "\x00", "de"]
    assert list(trie.matches_at(tokens, 0)) == [(1, "short")]


@pytest.mark.parametrize("text", ["pas <num> de", "pas <gene> de", "vu <abbreviation dot>"])
def test_no_token_of_a_note_equals_a_reserved_key(text):
    assert not {"<num>", "<gene>", "<abbreviation dot>"} & set(tokenize(text).keys)
