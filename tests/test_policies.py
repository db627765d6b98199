"""Policies and operators: tags, masks, keyed pseudonyms, consistent surrogates, date shifts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from redactor import Redactor
from redactor.checksums import nir_is_valid, nir_key
from redactor.errors import MissingKeyError, PolicyError, UnknownPolicyError
from redactor.policy import builtin_policy_names, load_policy, parse_policy

NOTE = (
    "Mme Sylvie MARCHAND, née le 12/03/1961, vue le 02/04/2024 au CHU de Nantes.\n"
    "Tél. 06 12 34 56 78. Sa fille Nadia MARCHAND appellera. Revoir Mme MARCHAND le 15 mai 2024."
)


def test_builtin_policies_exist():
    assert {"export", "storage", "research"} <= set(builtin_policy_names())


def test_unknown_policy_is_a_clear_error(redactor):
    with pytest.raises(UnknownPolicyError, match="unknown policy 'nope'.*export"):
        redactor.redact("texte", "nope")


def test_export_replaces_every_identifier_by_its_tag(redactor):
    result = redactor.redact(NOTE, "export")
    for secret in ("Sylvie", "MARCHAND", "12/03/1961", "06 12 34 56 78", "Nadia", "Nantes"):
        assert secret not in result.text
    assert "<PERSON>" in result.text and "<DATE>" in result.text and "<PHONE>" in result.text


def test_offsets_in_original_and_redacted_text(redactor):
    result = redactor.redact(NOTE, "export")
    for applied in result.findings:
        replacement = result.text[applied.redacted_start : applied.redacted_end]
        assert replacement == f"<{applied.finding.category}>"
        assert NOTE[applied.scope_start : applied.scope_end].strip()


def test_storage_keeps_identifiers(redactor):
    result = redactor.redact(NOTE, "storage")
    assert result.text == NOTE
    assert {a.operator for a in result.findings} == {"keep"}
    for applied in result.findings:
        assert result.text[applied.redacted_start : applied.redacted_end] == NOTE[applied.finding.start : applied.finding.end]


def test_research_surrogates_are_consistent_within_a_note(keyless_redactor):
    result = keyless_redactor.redact(NOTE, "research")
    assert "MARCHAND" not in result.text and "Sylvie" not in result.text
    surrogates = {
        NOTE[a.finding.start : a.finding.end]: result.text[a.redacted_start : a.redacted_end]
        for a in result.findings
        if a.finding.category == "PERSON"
    }
    # the surname maps to the same fake surname in every mention, case kept
    fake_surnames = {value.split()[-1] for key, value in surrogates.items() if key.endswith("MARCHAND")}
    assert len(fake_surnames) == 1 and fake_surnames.pop().isupper()


def test_research_dates_move_together_and_keep_their_format(redactor):
    first = redactor.redact(NOTE, "research", patient_id="P1")
    dates = [first.text[a.redacted_start : a.redacted_end] for a in first.findings if a.finding.category == "DATE"]
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", dates[0]) and re.fullmatch(r"\d{1,2} \w+ \d{4}", dates[2])
    from datetime import date

    shifted = [date(int(d[6:]), int(d[3:5]), int(d[:2])) for d in dates[:2]]
    assert (shifted[1] - shifted[0]) == (date(2024, 4, 2) - date(1961, 3, 12))  # interval preserved


def test_research_time_stamps_move_with_their_time_kept(redactor):
    text = "Prélevé le 2025-04-28T07:58:12+02:00, reçu 20250428081500+0200, validé 2025-04-28."
    result = redactor.redact(text, "research", patient_id="P1")
    stamps = [result.text[a.redacted_start : a.redacted_end] for a in result.findings if a.finding.category == "DATE"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T07:58:12\+02:00", stamps[0]), stamps
    assert re.fullmatch(r"\d{8}081500\+0200", stamps[1]), stamps
    assert stamps[0][:10] == stamps[2] != "2025-04-28"  # the same shift for the same day


def replaced(result, category):
    return [result.text[a.redacted_start : a.redacted_end] for a in result.findings if a.finding.category == category]


def test_with_a_key_surrogates_are_consistent_across_notes_of_one_patient(redactor):
    one = redactor.redact("Vu M. Paul DURAND le 02/04/2024.", "research", patient_id="P42")
    two = redactor.redact("Revu M. Paul DURAND le 02/04/2024 pour contrôle.", "research", patient_id="P42")
    other = redactor.redact("Vu M. Paul DURAND le 02/04/2024.", "research", patient_id="P43")
    assert replaced(one, "PERSON") == replaced(two, "PERSON") != ["Paul DURAND"]
    assert replaced(one, "DATE") == replaced(two, "DATE") != ["02/04/2024"]
    assert replaced(one, "PERSON") != replaced(other, "PERSON")


def test_surrogate_nir_is_valid_and_laid_out_like_the_original(redactor):
    body = "1850375123456"
    nir = f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {nir_key(body):02d}"
    result = redactor.redact(f"NIR : {nir}", "research")
    fake = result.text[len("NIR : ") :]
    assert fake != nir and nir_is_valid(fake) and [len(p) for p in fake.split()] == [1, 2, 2, 2, 3, 3, 2]


def test_pseudonym_policy_needs_a_key(tmp_path: Path, redactor, keyless_redactor):
    policy = tmp_path / "pseudo.yaml"
    policy.write_text("name: pseudo\nidentifiers: {operator: pseudonym}\nspecial: {operator: tag}\n", encoding="utf-8")
    with pytest.raises(MissingKeyError, match="REDACTOR_KEY"):
        keyless_redactor.redact("Vu M. Paul DURAND.", str(policy))
    one = redactor.redact("Vu M. Paul DURAND.", str(policy)).text
    two = redactor.redact("Courrier pour M. Paul Durand.", str(policy)).text
    tag = re.search(r"<PERSON_[0-9a-f]{12}>", one).group()
    assert tag in two  # the same person, whatever the case, gets the same keyed pseudonym
    other_key = Redactor(key=b"another-key", nlp=redactor.nlp).redact("Vu M. Paul DURAND.", str(policy)).text
    assert tag not in other_key


def test_mask_operator_and_options(tmp_path: Path, redactor):
    policy = tmp_path / "mask.yaml"
    policy.write_text(
        "name: mask\nidentifiers: {operator: mask}\nspecial: {operator: tag}\noptions: {mask_char: '#'}\n",
        encoding="utf-8",
    )
    assert redactor.redact("Tél. 06 12 34 56 78", str(policy)).text == "Tél. ##############"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"name": "x", "identifiers": {"operator": "tag"}}, "missing 'special'"),
        ({"name": "x", "identifiers": {"operator": "erase"}, "special": {"operator": "tag"}}, "unknown operator"),
        ({"name": "x", "identifiers": {"operator": "tag"}, "special": {"operator": "tag", "scope": "page"}}, "scope"),
        ({"name": "x", "identifiers": {"operator": "tag"}, "special": {"operator": "tag"}, "categories": {"SSN": {"operator": "tag"}}}, "unknown category"),
        ({"name": "x", "identifiers": {"operator": "date_shift"}, "special": {"operator": "tag"}}, "DATE only"),
        ({"name": "x", "identifiers": {"operator": "tag"}, "special": {"operator": "tag"}, "extra": 1}, "unknown keys"),
    ],
)
def test_malformed_policies_are_rejected(data, message):
    with pytest.raises(PolicyError, match=message):
        parse_policy(data, "test.yaml")


def test_missing_policy_file_is_a_clear_error():
    with pytest.raises(UnknownPolicyError, match="not found"):
        load_policy("/nonexistent/policy.yaml")


def test_surrogates_never_reproduce_the_original_and_keep_first_name_gender(redactor):
    from faker.providers.person.fr_FR import Provider

    names = list(Provider.last_names[:60])
    text = " ; ".join(f"Mme Claire {name}" for name in names)
    result = redactor.redact(text, "research", patient_id="P1")
    replaced = [result.text[a.redacted_start : a.redacted_end] for a in result.findings if a.finding.category == "PERSON"]
    originals = [text[a.finding.start : a.finding.end] for a in result.findings if a.finding.category == "PERSON"]
    for original, fake in zip(originals, replaced, strict=True):
        for original_token, fake_token in zip(original.split(), fake.split(), strict=True):
            assert original_token.casefold() != fake_token.casefold()
    female = set(Provider.first_names_female)
    assert all(fake.split()[0] in female for fake in replaced)
