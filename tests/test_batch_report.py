"""The HTML report next to a batch run's output: the summary charts, figures that agree with
the manifest, special-category values shown, identifier values never."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from redactor.cli import app

NOTES = Path(__file__).parent / "data" / "batch" / "notes.jsonl"
SENSITIVE = ["Lemoine", "Benali", "Da Silva", "Boulanger", "Chevalier", "06 12 34 56 78", "800412563", "Glycines"]


def test_batch_writes_a_report_that_agrees_with_the_manifest(tmp_path: Path) -> None:
    output = tmp_path / "out"
    result = CliRunner(env={"REDACTOR_KEY": "batch-test-key-not-secret"}).invoke(
        app, ["batch", str(NOTES), str(output), "--workers", "1", "--no-progress", "--shard-size", "4"]
    )
    assert result.exit_code in (0, 1), result.output
    report = (output / "report.html").read_text(encoding="utf-8")
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    assert "report.html" in result.output
    assert report.count("<svg") == 2 and "<script" not in report and "http" not in report
    assert f"<b>{manifest['records']['out']}</b>notes" in report
    assert f"<b>{sum(manifest['findings'].values())}</b>findings" in report
    for category, count in manifest["findings"].items():  # the bar chart's labels and values
        assert re.search(rf">{category}</text><rect[^>]*><title>{category}: {count} findings</title>", report)
    for value in SENSITIVE:
        assert value not in report


def test_no_report_when_asked(tmp_path: Path) -> None:
    output = tmp_path / "out"
    result = CliRunner(env={"REDACTOR_KEY": "batch-test-key-not-secret"}).invoke(
        app, ["batch", str(NOTES), str(output), "--workers", "1", "--no-progress", "--no-report"]
    )
    assert result.exit_code in (0, 1), result.output
    assert not (output / "report.html").exists()
