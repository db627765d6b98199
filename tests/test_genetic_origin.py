"""GENETIC findings read germline or somatic; a policy may keep the somatic ones."""

from __future__ import annotations

import pytest

from redactor.errors import PolicyError
from redactor.findings import Finding, Qualifiers
from redactor.policy import parse_policy
from redactor.service.convert import finding_from_wire, finding_to_wire


def _genetic(redactor, text: str) -> list[tuple[str, bool]]:
    return [(text[f.start : f.end], f.qualifiers.somatic) for f in redactor.analyze(text) if f.category == "GENETIC"]


@pytest.mark.parametrize(
    "text",
    [
        "Adénocarcinome pulmonaire. Mutation EGFR exon 19 sur la biopsie.",
        "Mélanome du dos : mutation BRAF V600E.",
        "Thrombocytémie, mutation JAK2 V617F.",
        "Carcinome séreux de l'ovaire, mutation BRCA1 somatique sur la pièce opératoire.",
        "Adénocarcinome colique, mutation KRAS G12D, instabilité microsatellitaire.",
    ],
)
def test_tumour_variants_read_somatic(redactor, text):
    found = _genetic(redactor, text)
    assert found and all(somatic for _, somatic in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Mutation BRCA1 constitutionnelle, conseil génétique proposé.",
        "Sa mère est porteuse de la mutation BRCA2.",
        # a tumour in the sentence, but a gene read as hereditary and a carrier
        "Cancer du sein chez une patiente porteuse d'une mutation BRCA1.",
        # said hereditary beats the tumour context
        "Adénocarcinome colique ; mutation MLH1 germinale, dépistage familial proposé.",
        "Caryotype 47,XXY.",
        # the tumour is in another paragraph
        "Adénocarcinome colique.\n\nMutation du gène CFTR.",
    ],
)
def test_hereditary_or_unqualified_variants_read_germline(redactor, text):
    found = _genetic(redactor, text)
    assert found and not any(somatic for _, somatic in found), found


def test_somatic_only_on_genetic_findings(redactor):
    findings = redactor.analyze("Leucémie : patient sous méthadone, VIH+.")
    assert findings and all(not f.qualifiers.somatic for f in findings)


def test_research_keeps_somatic_variants_and_removes_hereditary_ones(redactor):
    text = "Adénocarcinome pulmonaire, mutation EGFR exon 19 sur la biopsie. Sa sœur est porteuse de la mutation BRCA2."
    research = redactor.redact(text, "research")
    assert "mutation EGFR exon 19" in research.text
    assert "BRCA2" not in research.text
    kept = [a for a in research.findings if a.finding.category == "GENETIC" and a.operator == "keep"]
    assert len(kept) == 1 and kept[0].finding.qualifiers.somatic
    assert "EGFR" not in redactor.redact(text, "export").text


def test_somatic_qualifier_in_json_and_on_the_wire():
    finding = Finding(0, 5, "GENETIC", 0.9, "special.genetic.mutations", Qualifiers(somatic=True))
    assert finding.to_dict()["qualifiers"]["somatic"] is True
    assert finding_from_wire(finding_to_wire(finding)) == finding


def _policy(genetic: dict) -> dict:
    return {"name": "p", "identifiers": {"operator": "tag"}, "special": {"operator": "tag"}, "categories": genetic}


def test_policy_somatic_rule_is_checked():
    policy = parse_policy(_policy({"GENETIC": {"operator": "tag", "somatic": {"operator": "keep"}}}), "p.yaml")
    somatic = Finding(0, 5, "GENETIC", 0.9, "x", Qualifiers(somatic=True))
    germline = Finding(0, 5, "GENETIC", 0.9, "x", Qualifiers())
    assert policy.rule_for(somatic).operator == "keep" and policy.rule_for(germline).operator == "tag"
    with pytest.raises(PolicyError, match="GENETIC only"):
        parse_policy(_policy({"RELIGION": {"operator": "tag", "somatic": {"operator": "keep"}}}), "p.yaml")
    with pytest.raises(PolicyError, match="somatic: operator must be"):
        parse_policy(_policy({"GENETIC": {"operator": "tag", "somatic": {"operator": "pseudonym"}}}), "p.yaml")
