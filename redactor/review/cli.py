"""`redactor review NOTES --gold GOLD.jsonl`: load notes and findings, then serve the review page."""

from __future__ import annotations

import json
import os
import sys
import webbrowser
from collections import defaultdict
from pathlib import Path
from typing import Optional

import typer

from redactor.errors import RedactorError


class InputError(ValueError):
    """Notes or findings we cannot load; the message names the file and line, never text."""


def load_notes(path: Path) -> list[tuple[str, str]]:
    """(id, text) of each note: a JSONL file of {id, text}, a BRAT directory or `.txt`/`.ann`."""
    if path.is_dir() or path.suffix in (".ann", ".txt"):
        from redactor.brat import read_gold_any

        return [(note.id, note.text) for note in read_gold_any(path)]
    notes = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                note_id, text = raw["id"], raw["text"]
                if not isinstance(text, str):
                    raise TypeError
            except (ValueError, KeyError, TypeError):
                raise InputError(f"{path.name}: line {number}: expected {{\"id\", \"text\"}}") from None
            notes.append((str(note_id), text))
    if len({note_id for note_id, _ in notes}) != len(notes):
        raise InputError(f"{path.name}: note ids must be unique")
    return notes


def load_findings(path: Path) -> dict[str, list[dict]]:
    """Findings by note id: `redactor analyze`/`redact` JSONL output ({id, findings}), or a
    `redactor batch` output directory (findings/*.jsonl, one row per finding)."""
    by_id: dict[str, list[dict]] = defaultdict(list)
    files = sorted((path / "findings").glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise InputError(f"{path}: no findings/*.jsonl (is it a `redactor batch` output directory?)")
    for file in files:
        with file.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    rows = row["findings"] if "findings" in row else [row]
                    by_id[str(row["id"])].extend(rows)
                except (ValueError, KeyError, TypeError):
                    raise InputError(f"{file.name}: line {number}: not a findings line") from None
    return by_id


def review(
    notes: Path = typer.Argument(..., help="Notes: JSONL of {id, text}, or a BRAT directory (.txt/.ann)."),
    gold: Path = typer.Option(
        ..., "--gold", "-g", help="Gold JSONL to write and resume from (the only file written), or an existing "
        "directory for BRAT .txt/.ann."
    ),
    findings: Optional[Path] = typer.Option(
        None, "--findings", help="Use these findings instead of running the engine: `redactor analyze` "
        "or `redact` JSONL output, or a `redactor batch` output directory."
    ),
    policy: str = typer.Option("export", "--policy", "-p", help="Policy of the redacted view."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback unless --allow-remote)."),
    port: int = typer.Option(8765, "--port", min=0, help="Port (0: any free port)."),
    allow_remote: bool = typer.Option(False, "--allow-remote", help="Allow a non-loopback --host (needs a token)."),
    token_file: Optional[Path] = typer.Option(
        None, "--token-file", help="Session token from this file (or REDACTOR_REVIEW_TOKEN); random when omitted."
    ),
    open_browser: bool = typer.Option(False, "--open", help="Open the page in the default browser."),
) -> None:
    """Review redaction in a local web page; decisions are saved as gold for `redactor eval`."""
    from redactor.review.server import BindError, ReviewApp, check_binding, make_server
    from redactor.review.session import ReviewError, ReviewNote, ReviewSession, spans_from_findings

    def fail(message: str) -> None:
        typer.echo(f"redactor: {message}", err=True)
        raise typer.Exit(2)

    try:
        token = token_file.read_text(encoding="utf-8").strip() if token_file else os.environ.get("REDACTOR_REVIEW_TOKEN")
        token = check_binding(host, allow_remote, token)
        loaded = load_notes(notes)
        given = load_findings(findings) if findings is not None else None
    except (BindError, InputError, OSError, ValueError) as error:
        fail(str(error))
    if not loaded:
        fail(f"{notes}: no note")
    if gold.resolve() == notes.resolve() or not gold.resolve().parent.is_dir():
        fail("--gold must be a new or gold file in an existing directory, not the input")
    if gold.is_dir():  # BRAT output: only .txt/.ann files written by an earlier review, one pair per note
        if any(p.suffix not in (".txt", ".ann") or not p.is_file() for p in gold.iterdir()):
            fail(f"{gold}: a BRAT gold directory must be empty or hold only .txt/.ann files")
        from redactor.brat import file_stem

        if len({file_stem(note_id) for note_id, _ in loaded}) != len(loaded):
            fail("two note ids give the same BRAT file name: use a JSONL gold file")

    from redactor.engine import Redactor
    from redactor.findings import Finding

    redactor = Redactor()
    try:
        chosen = redactor.policy(policy)
    except RedactorError as error:
        fail(str(error))
    review_notes = []
    if given is None:
        typer.echo(f"analysing {len(loaded)} notes...", err=True)
        outcomes = redactor.analyze_many(text for _, text in loaded)
    else:
        outcomes = (
            [Finding(int(r["start"]), int(r["end"]), r["category"], float(r.get("score", 1.0)),
                     r.get("detector", "input")) for r in given.get(note_id, [])]
            for note_id, _ in loaded
        )  # fmt: skip
    for (note_id, text), outcome in zip(loaded, outcomes):
        if isinstance(outcome, Exception):
            fail(f"note {note_id}: {outcome}")
        review_notes.append(ReviewNote(note_id, text, spans_from_findings(outcome)))
    session = ReviewSession(review_notes, gold, source=notes.name)
    try:
        resumed = session.resume_from_gold()
        server = make_server(ReviewApp(session, redactor, chosen, token), host, port)
    except (ReviewError, OSError) as error:
        fail(str(error))
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{server.server_address[1]}/#token={token}"
    typer.echo(f"reviewing {len(review_notes)} notes ({resumed} already reviewed in {gold.name})", err=True)
    typer.echo(f"open {url}", err=True)
    sys.stderr.flush()
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def register(app: typer.Typer) -> None:
    """Add `review` to the `redactor` command."""
    app.command(name="review")(review)
