"""The annotated dev notes: gold files are up to date and quality does not regress.

These are the figures of issue 2 (identifiers) as a regression guard; the README reports the
full table from `redactor eval`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from redactor.evaluation import evaluate, read_gold

DATA = Path(__file__).resolve().parent / "data"


def test_gold_files_match_their_markup():
    result = subprocess.run([sys.executable, str(DATA / "build_gold.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _identifier_report(redactor, keep):
    notes = [n for n in read_gold(DATA / "dev_identifiers.jsonl") if keep(n.id)]
    return notes, evaluate(zip(notes, redactor.analyze_many(n.text for n in notes)), "identifiers")


def test_identifier_quality_on_dev_notes(redactor):
    # the 320 notes of issue 2, with its targets
    notes, report = _identifier_report(redactor, lambda note_id: not note_id.startswith("lay-"))
    assert len(notes) >= 300
    for category, counts in report.per_category.items():
        if counts.gold >= 20:
            assert counts.recall >= 0.97, (category, counts.recall)
    assert report.character_recall >= 0.99
    assert report.total.precision >= 0.90


def test_identifier_quality_on_layout_dev_notes(redactor):
    # the 82 notes in real layouts added for issue 10 (lab, imaging, pathology, PDF text...):
    # a regression guard a little below the figures measured when they were added (README)
    notes, report = _identifier_report(redactor, lambda note_id: note_id.startswith("lay-"))
    assert len(notes) >= 80
    assert report.total.recall >= 0.93
    assert report.total.precision >= 0.93
    assert report.character_recall >= 0.97
    assert report.leak_free_share >= 0.55
