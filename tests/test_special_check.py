"""`Redactor.check`: French warnings for the clinician typing a note, and the CLI command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from redactor.check import CheckWarning
from redactor.errors import DetectionError, InvalidInputError
from redactor.findings import SPECIAL_CATEGORIES
from redactor.recognizers.special.base import TextDetector

NOTE = "Mère musulmane voilée. Serait homosexuelle d'après sa voisine. Pas de TS. Patient pénible."


def test_one_warning_per_sensitive_passage(redactor):
    warnings = redactor.check(NOTE)
    assert all(isinstance(w, CheckWarning) for w in warnings)
    assert [(NOTE[w.finding.start : w.finding.end], w.finding.category) for w in warnings] == [
        ("musulmane voilée", "RELIGION"),
        ("Serait homosexuelle", "SEXUAL_ORIENTATION"),
        ("Pas de TS", "HEALTH_SENSITIVE"),
        ("Patient pénible", "EXCESSIVE_COMMENT"),  # the remark with whom it is about
    ]


def test_warnings_explain_in_french_and_follow_the_qualifiers(redactor):
    by_category = {w.finding.category: w for w in redactor.check(NOTE)}
    orientation = by_category["SEXUAL_ORIENTATION"]
    assert orientation.label == "Orientation sexuelle"
    assert "RGPD" in orientation.why
    assert any("rapportés" in note for note in orientation.notes)  # hearsay
    assert any("hypothèse" in note.lower() for note in orientation.notes)
    assert any("proche" in note for note in by_category["RELIGION"].notes)  # about the mother
    assert any("niée" in note for note in by_category["HEALTH_SENSITIVE"].notes)
    comment = by_category["EXCESSIVE_COMMENT"]
    assert "faits" in comment.suggestion
    assert comment.message.startswith("Commentaire excessif :")


def test_warnings_carry_no_note_text(redactor):
    for warning in redactor.check(NOTE):
        serialised = json.dumps(warning.to_dict(), ensure_ascii=False)
        for word in ("musulmane", "homosexuelle", "voisine", "pénible"):
            assert word not in serialised


def test_every_category_has_an_explanation(redactor):
    explanations = redactor._explanations.categories
    assert set(explanations) == set(SPECIAL_CATEGORIES)
    assert all(e.label and e.why and e.suggestion for e in explanations.values())


def test_offsets_refer_to_the_original_text(redactor):
    text = "Patiente s\u200bé\u200bropositive, d’origine marocaine."
    warnings = redactor.check(text)
    assert [text[w.finding.start : w.finding.end] for w in warnings] == [
        "s\u200bé\u200bropositive",
        "d’origine marocaine",
    ]


def test_a_note_without_sensitive_content_has_no_warning(redactor):
    assert redactor.check("Entorse de cheville droite, glace et repos, revoir dans 10 jours.") == []


def test_check_validates_its_input(redactor):
    with pytest.raises(InvalidInputError):
        redactor.check(b"not text")  # type: ignore[arg-type]


class _BrokenDetector(TextDetector):
    """A detector that fails, to prove that check and analyze fail closed."""

    def __init__(self):
        super().__init__(name="Broken", categories=["RELIGION"])

    def find(self, text, doc=None):
        raise RuntimeError("vocabulary exploded")


def test_a_failing_detector_fails_the_call(redactor):
    from redactor import Redactor

    broken = Redactor(key=b"k", nlp=redactor.nlp, extra_detectors=[_BrokenDetector()])
    with pytest.raises(DetectionError) as raised:
        broken.check("catholique")
    assert "catholique" not in str(raised.value)
    with pytest.raises(DetectionError):
        broken.analyze("catholique")


def test_cli_check_prints_warnings():
    result = subprocess.run(
        [sys.executable, "-m", "redactor.cli", "check", "--json", "porteuse sida !!! !!!!"],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    warnings = json.loads(result.stdout)["warnings"]
    assert [w["finding"]["category"] for w in warnings] == ["HEALTH_SENSITIVE"]
    assert warnings[0]["label"] == "Donnée de santé sensible"
