"""Span scope of special categories under the built-in policies (term, clause, sentence)."""

from __future__ import annotations

import pytest

from redactor.apply import scope_span
from redactor.policy import Scope


def scope_of(text: str, word: str, scope: Scope) -> str:
    start = text.index(word)
    begin, end = scope_span(text, start, start + len(word), scope)
    return text[begin:end]


@pytest.mark.parametrize(
    "text, word, clause",
    [
        ("serait homosexuelle d'après sa mère", "homosexuelle", "serait homosexuelle d'après sa mère"),
        ("Vu ce jour, il serait homosexuel car sa mère le dit.", "homosexuel", "il serait homosexuel"),
        ("catholique non pratiquante parce qu’ils sont suicidés", "catholique", "catholique non pratiquante"),
        ("catholique non pratiquante parce qu'ils sont suicidés", "suicidés", "ils sont suicidés"),
        ("M. Dupont serait homosexuel. Fin.", "homosexuel", "M. Dupont serait homosexuel"),
        ("il est homosexuel cardiaque connu", "homosexuel", "il est homosexuel cardiaque connu"),
        ("Religion : musulmane", "musulmane", "musulmane"),
        ("Pas de TS, humeur stable", "TS", "Pas de TS"),
        # a hard-wrapped line goes on; a new line that starts a new item does not
        ("Vue ce jour, serait\nhomosexuelle d'après sa mère.", "homosexuelle", "serait\nhomosexuelle d'après sa mère"),
        ("Religion : musulmane\nTabac : non", "musulmane", "musulmane"),
        # a heading with no colon before a lower-case line is taken too: more removed, never less
        ("Allergies\nmusulmane pratiquante", "musulmane", "Allergies\nmusulmane pratiquante"),
    ],
)
def test_clause_scope(text, word, clause):
    assert scope_of(text, word, Scope.CLAUSE) == clause


def test_sentence_scope_keeps_other_sentences():
    text = "Vu ce jour. Il serait homosexuel, d'après sa mère. Revoir dans un mois."
    assert scope_of(text, "homosexuel", Scope.SENTENCE) == "Il serait homosexuel, d'après sa mère"


def test_sentence_scope_follows_a_hard_wrapped_line():
    text = "Vu ce jour. Il serait\nhomosexuel, d'après sa mère.\nTA 12/8."
    assert scope_of(text, "homosexuel", Scope.SENTENCE) == "Il serait\nhomosexuel, d'après sa mère"


def test_term_scope_is_the_term():
    assert scope_of("il serait homosexuel", "homosexuel", Scope.TERM) == "homosexuel"


def test_export_removes_the_clause_of_every_special_category(redactor):
    text = "Mère musulmane voilée. Vient pour un certificat de sport."
    assert redactor.redact(text, "export").text == "<RELIGION>. Vient pour un certificat de sport."


def test_storage_flags_health_and_removes_other_special_categories(redactor):
    result = redactor.redact("catholique non pratiquante car ses 2 frères sont suicidés", "storage")
    assert result.text == "<RELIGION> car ses 2 frères sont suicidés"
    operators = {applied.finding.category: applied.operator for applied in result.findings}
    assert operators == {"RELIGION": "tag", "HEALTH_SENSITIVE": "flag"}


def test_storage_keeps_a_health_fact_in_place(redactor):
    text = "Patiente VIH+ sous trithérapie, charge virale indétectable."
    assert redactor.redact(text, "storage").text == text


def test_storage_removes_an_excessive_comment_with_its_clause(redactor):
    result = redactor.redact("Patient très pénible, à voir en dernier. Tension 13/8.", "storage")
    assert result.text.startswith("<EXCESSIVE_COMMENT>") and result.text.endswith("Tension 13/8.")
    assert "pénible" not in result.text


def test_research_removes_special_categories_like_export(redactor):
    text = "Homme de 45 ans, d'origine marocaine, suivi pour hypertension."
    assert "marocaine" not in redactor.redact(text, "research").text


def test_special_findings_carry_qualifiers_and_identifiers_do_not(redactor):
    findings = redactor.analyze("Mme Sylvie MARCHAND, pas de TS.")
    special = [f for f in findings if f.category == "HEALTH_SENSITIVE"]
    people = [f for f in findings if f.category == "PERSON"]
    assert special and all(f.qualifiers is not None and f.qualifiers.negated for f in special)
    assert people and all(f.qualifiers is None for f in people)
