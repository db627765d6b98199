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
