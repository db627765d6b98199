"""Site lexicons and allow-list: loaded from a directory at start-up, validated with errors that
name the file and the entry, applied by the real Redactor."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from redactor import Redactor
from redactor.known import KnownIdentity
from redactor.recognizers.vouched.site import SiteLexiconError, load_site_lexicons

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "site"


@pytest.fixture(scope="module")
def site_redactor(redactor) -> Redactor:
    return Redactor(key=b"test-key-not-secret", nlp=redactor.nlp, site=EXAMPLE)


def readings(redactor: Redactor, text: str, **options) -> list[tuple[str, str, str]]:
    return [(text[f.start : f.end], f.category, f.detector) for f in redactor.analyze(text, **options)]


def test_the_example_directory_loads():
    site = load_site_lexicons(EXAMPLE)
    assert len(site.facilities) == 4 and len(site.services) == 3 and len(site.staff) == 3 and "RCP" in site.allow
    assert len(site.version) == 12


def test_facilities_services_and_staff_are_always_redacted(site_redactor, redactor):
    text = (
        "Transféré au CH de Montfort-sur-Lise puis en unité charcot, HOPITAL PRIVE LES TILLEULS ensuite.\n"
        "Vu par le Dr Ravel et J.-B. Ravel, avec QUEMENEUR Agathe ; Mme Morvan prévenue."
    )
    findings = site_redactor.analyze(text)
    for expected, category, detector in [
        ("CH de Montfort-sur-Lise", "HOSPITAL", "site.facility"),
        ("unité charcot", "HOSPITAL", "site.service"),
        ("HOPITAL PRIVE LES TILLEULS", "HOSPITAL", "site.facility"),
        ("Dr Ravel", "PERSON", "site.staff"),
        ("J.-B. Ravel", "PERSON", "site.staff"),
        ("QUEMENEUR Agathe", "PERSON", "site.staff"),
        ("Morvan", "PERSON", "site.staff"),
    ]:
        start = text.index(expected) + (3 if expected.startswith("Dr ") else 0)
        end = text.index(expected) + len(expected)
        assert any(f.start <= start and end <= f.end and (f.category, f.detector) == (category, detector) for f in findings)
    assert not [r for r in readings(redactor, text) if r[2].startswith("site.")]  # only with the directory


def test_staff_first_names_alone_and_ordinary_words_are_not_staff(site_redactor):
    text = "Agathe est passée. Le ravel du matin."
    assert not [r for r in readings(site_redactor, text) if r[2] == "site.staff"]


def test_allowed_phrases_are_never_redacted_as_identifiers(site_redactor, redactor):
    text = "Score de Lille à 0,3 le 12/03/2024. Babinski négatif, Glasgow 15, vu en RCP."
    assert ("Lille", "CITY", "city.lexicon") in readings(redactor, text)
    found = readings(site_redactor, text)
    assert [r[1] for r in found] == ["DATE"]


def test_the_allow_list_cuts_its_words_out_of_a_longer_reading(site_redactor, redactor):
    text = "Mme Babinski Durand est venue."
    assert readings(redactor, text) == [("Babinski Durand", "PERSON", "person.title")]
    assert readings(site_redactor, text) == [("Durand", "PERSON", "person.title")]


def test_known_identity_wins_over_the_allow_list(site_redactor):
    text = "Mme Babinski est venue."
    known = KnownIdentity(first_name="Rose", last_name="Babinski")
    assert readings(site_redactor, text, known=known) == [("Babinski", "PERSON", "known.name")]


def test_allow_list_leaves_special_categories_alone(tmp_path, redactor):
    (tmp_path / "allow.yaml").write_text("allow: [VIH]\n", encoding="utf-8")
    site = Redactor(nlp=redactor.nlp, site=tmp_path)
    assert [r[1] for r in readings(site, "Patient VIH+ sous trithérapie.")] == ["HEALTH_SENSITIVE"]


def test_the_environment_names_the_directory(monkeypatch, redactor):
    monkeypatch.setenv("REDACTOR_SITE_DIR", str(EXAMPLE))
    assert Redactor(nlp=redactor.nlp).versions["site"] == load_site_lexicons(EXAMPLE).version
    monkeypatch.delenv("REDACTOR_SITE_DIR")
    assert "site" not in Redactor(nlp=redactor.nlp).versions


@pytest.mark.parametrize(
    "files, message",
    [
        ({}, "no YAML file"),
        ({"facility.yaml": "facility: [CHU]\n"}, "unknown file(s) facility"),
        ({"allow.yaml": "allow: [RCP\n"}, "allow.yaml: not valid YAML at line"),
        ({"allow.yaml": "allowed: [RCP]\n"}, "allow.yaml: expected a mapping with the single key 'allow'"),
        ({"allow.yaml": "allow: RCP\n"}, "allow.yaml: 'allow' must be a list"),
        ({"services.yaml": "services: [Unité Charcot, 12, '  ']\n"}, "services.yaml: entry 2: expected a non-empty text"),
        ({"staff.yaml": "staff: [{first_name: Jean}]\n"}, "staff.yaml: entry 1: last_name missing"),
        ({"staff.yaml": "staff: [{last_name: Ravel, role: IDE}]\n"}, "staff.yaml: entry 1: unknown field(s) role"),
        ({"staff.yaml": "staff: [Jean Ravel]\n"}, "staff.yaml: entry 1: expected {first_name, last_name}"),
        (
            {"facilities.yaml": "facilities: [Clinique A, Unité Charcot]\n", "allow.yaml": "allow: [RCP, unite charcot]\n"},
            "allow.yaml: entry 2 is also listed in facilities.yaml entry 2",
        ),
    ],
)
def test_malformed_site_directories_are_refused_naming_file_and_entry(tmp_path, files, message):
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(SiteLexiconError) as raised:
        load_site_lexicons(tmp_path)
    assert message in str(raised.value)
    assert "Charcot" not in str(raised.value) and "Ravel" not in str(raised.value)


def test_a_missing_directory_is_refused_by_the_redactor(tmp_path, redactor):
    with pytest.raises(SiteLexiconError, match="not a directory"):
        Redactor(nlp=redactor.nlp, site=tmp_path / "absent")


def test_other_files_in_the_directory_are_ignored(tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "site")
    (tmp_path / "site" / "NOTES.txt").write_text("anything", encoding="utf-8")
    assert load_site_lexicons(tmp_path / "site").allow == load_site_lexicons(EXAMPLE).allow


def test_staff_initials_alone_are_not_staff(site_redactor):
    text = "L'enfant L.M. âgé de 3 ans."  # Lucie Ferrand, née Morvan, is on the staff list
    assert not [r for r in readings(site_redactor, text) if r[2] == "site.staff"]
