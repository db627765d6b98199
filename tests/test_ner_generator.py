"""The NER training recipe (models/ner/generate.py): clean E3C split, exact labels after layout noise."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

NER_DIR = Path(__file__).resolve().parents[1] / "models" / "ner"
sys.path.insert(0, str(NER_DIR))
import generate as G  # noqa: E402
import gen_negatives as NEG  # noqa: E402


class _Style:
    """The few attributes Doc reads from its generator."""

    no_accents = False
    lower = False
    typo_rate = 0.0


def _doc_with_entities() -> G.Doc:
    d = G.Doc(_Style())
    d.t("Compte rendu adressé au docteur traitant après la consultation de ce jour par ")
    d.e("Jean-Michel LEROY de la Tour", "PERSON")
    d.t(" puis transfert au ")
    d.e("Centre hospitalier universitaire de Saint-Étienne", "HOSPITAL")
    d.t(" pour la suite de la prise en charge, avec retour prévu à ")
    d.e("Mont-de-Marsan", "CITY")
    d.t(" dans les meilleurs délais possibles si tout va bien.")
    return d


def test_hard_wrap_breaks_lines_outside_entities_and_keeps_offsets():
    d = _doc_with_entities()
    before = d.text()
    spans = [(s, e, before[s:e]) for s, e, _ in d.ents]
    d.hard_wrap(30)
    after = d.text()
    assert len(after) == len(before)
    assert after.count("\n") >= 5
    assert after.replace("\n", " ") == before
    for s, e, surface in spans:
        assert after[s:e] == surface  # no line break inside an entity, offsets unchanged


def test_hard_wrap_leaves_short_lines_alone():
    d = G.Doc(_Style())
    d.t("Vu ce jour.\nRAS.")
    d.hard_wrap(60)
    assert d.text() == "Vu ce jour.\nRAS."


@pytest.mark.skipif(not G.E3C_PATH.exists(), reason="needs the E3C corpus in /work/shared/corpora")
def test_training_backgrounds_never_contain_the_e3c_test_fifth():
    train = {s for doc in G.load_e3c_docs("train", places={"Paris"}) for para in doc for s in para}
    test = {s for doc in G.load_e3c_docs("test", places={"Paris"}) for para in doc for s in para}
    assert train and test
    shared = train & test
    # only boilerplate that many reports share ("Les suites opératoires ont été simples.", about
    # 1 % of the test sentences); a leak of test documents would share all of them
    assert len(shared) <= 0.05 * len(test)
    assert all(len(s) < 120 for s in shared)


def test_negative_sentences_carry_no_label_and_use_the_lists():
    g = G.Gen(random.Random(7), "train", (None, None, None, None), [])
    sentences = [G.neg_sentence(g) for _ in range(300)]
    words = " ".join(sentences)
    assert any(m in words for m in NEG.MARKERS)
    assert any(r in words for r in NEG.REGIMENS)
    assert any(sc in words for sc in NEG.SCORES)
    d = G.Doc(_Style())
    for s in sentences:
        d.t(s + " ")
    assert d.ents == []


def test_tnm_strings_look_like_staging():
    rng = random.Random(3)
    values = [NEG.tnm(rng) for _ in range(200)]
    assert any(v.startswith(("cT", "pT", "ypT", "T")) and "N" in v for v in values)
    assert any(v.startswith(("stade", "FIGO", "Ann Arbor", "Binet")) for v in values)


def test_annotated_notes_become_training_documents_except_held_out_families(tmp_path):
    """The dev notes' PERSON, CITY, HOSPITAL and ADDRESS spans are the labels, every other token is
    outside, a span off the token boundaries is missing, and the held-out families are never read."""
    import json

    import spacy
    from spacy.tokens import DocBin

    import annotated_notes as A

    text = "Mme Nadia BENALI, 12 rue des Lilas 44000 Nantes, CHU de Nantes. Adresse:12 impasse"
    notes = tmp_path / "notes.jsonl"
    spans = [
        {"start": 4, "end": 16, "category": "PERSON"},
        {"start": 18, "end": 34, "category": "ADDRESS"},
        {"start": 35, "end": 40, "category": "ZIP"},  # not a NER label: outside
        {"start": 41, "end": 47, "category": "CITY"},
        {"start": 49, "end": 62, "category": "HOSPITAL"},
        {"start": 72, "end": 82, "category": "ADDRESS"},  # "12 impasse": "Adresse:12" is one token
    ]
    held_out = {"id": f"{A.HELD_OUT[0]}001", "text": "Vu par le Dr MARTIN.", "spans": [{"start": 13, "end": 19, "category": "PERSON"}]}
    notes.write_text("\n".join(json.dumps(n) for n in ({"id": "lay-x-001", "text": text, "spans": spans}, held_out)))
    counts = A.build(notes, tmp_path / "annotated.spacy", copies=2)
    assert counts["notes"] == 1 and counts["held-out notes"] == 1 and counts["unaligned spans (missing)"] == 1
    docs = list(DocBin().from_disk(tmp_path / "annotated.spacy").get_docs(spacy.blank("fr").vocab))
    assert len(docs) == 2  # each note twice
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("Nadia BENALI", "PERSON"), ("12 rue des Lilas", "ADDRESS"), ("Nantes", "CITY"), ("CHU de Nantes", "HOSPITAL")
    ]
    iob = {token.text: token.ent_iob_ for token in docs[0]}
    assert iob["44000"] == "O" and iob["Mme"] == "O"
    assert iob["Adresse:12"] == "" and iob["impasse"] == ""  # missing: neither taught as entity nor as outside
