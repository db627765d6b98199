"""The review server without a browser: binding rules, the token, bad requests, the gold file
(its only write), resuming a session, and the summary page that the batch report shares."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from redactor.review.server import BindError, ReviewApp, check_binding, make_server
from redactor.review.session import ReviewNote, ReviewSession, spans_from_findings
from redactor.review.summary import Summary, summary_html

NOTES = [
    ("n1", "Vu Mme Sylvie MARCHAND le 12/03/2019. Patiente VIH+."),
    ("n2", "RAS. Revoir dans 3 mois."),
]


def test_non_loopback_addresses_need_allow_remote_and_a_real_token():
    assert len(check_binding("127.0.0.1", False, None)) >= 24  # a random token on loopback
    assert check_binding("::1", False, "my-own-token-of-16+") == "my-own-token-of-16+"
    with pytest.raises(BindError, match="--allow-remote"):
        check_binding("0.0.0.0", False, "a-long-enough-token-123")
    with pytest.raises(BindError, match="token"):
        check_binding("0.0.0.0", True, None)
    with pytest.raises(BindError, match="token"):
        check_binding("192.168.1.10", True, "short")
    assert check_binding("0.0.0.0", True, "a-long-enough-token-123") == "a-long-enough-token-123"


def new_session(redactor, directory: Path) -> ReviewSession:
    notes = [ReviewNote(i, text, spans_from_findings(redactor.analyze(text))) for i, text in NOTES]
    return ReviewSession(notes, directory / "gold.jsonl", source="notes.jsonl")


@pytest.fixture
def served(redactor, tmp_path):
    app = ReviewApp(new_session(redactor, tmp_path), redactor, redactor.policy("export"), "t0ken-t0ken-t0ken")
    server = make_server(app, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield app, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def call(url: str, token: str | None = "t0ken-t0ken-t0ken", method: str = "GET", body: object = None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode())
    if token:
        request.add_header("X-Review-Token", token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_page_is_open_but_the_notes_need_the_token(served):
    _, base = served
    status, page = call(base + "/", token=None)
    assert status == 200 and "review.js" in page and "http" not in page.replace("http-equiv", "")  # no CDN
    assert call(base + "/api/notes", token=None)[0] == 401
    assert call(base + "/api/notes/0", token="wrong")[0] == 401
    status, body = call(base + "/api/notes")
    assert status == 200 and [n["id"] for n in json.loads(body)["notes"]] == ["n1", "n2"]


def test_decisions_make_the_gold_file_and_nothing_else(served, tmp_path):
    app, base = served
    note = json.loads(call(base + "/api/notes/0")[1])
    assert "<PERSON>" in note["redacted"] and "MARCHAND" not in note["redacted"]
    spans = note["spans"]
    person = next(s for s in spans if s["category"] == "PERSON")
    person["status"] = "rejected"
    status, body = call(base + "/api/notes/0", method="PUT", body={"spans": spans, "reviewed": True})
    assert status == 200 and "MARCHAND" in json.loads(body)["redacted"]  # rejected: the policy keeps it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gold.jsonl"]
    (line,) = (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = json.loads(line)
    assert gold["id"] == "n1" and gold["rejected"] == [{k: person[k] for k in ("start", "end", "category")}]
    assert len(gold["spans"]) == len(spans) - 1


@pytest.mark.parametrize(
    "body",
    [
        {"spans": [{"start": 5, "end": 999, "category": "PERSON"}]},
        {"spans": [{"start": 0, "end": 2, "category": "NOT_A_CATEGORY"}]},
        {"spans": [{"start": 0, "end": 2, "category": "PERSON", "status": "maybe"}]},
        {"spans": "all"},
        {"nothing": True},
    ],
)
def test_bad_updates_are_refused_and_change_nothing(served, tmp_path, body):
    _, base = served
    status, answer = call(base + "/api/notes/0", method="PUT", body=body)
    assert status == 400 and "MARCHAND" not in answer
    assert not (tmp_path / "gold.jsonl").exists()
    assert call(base + "/api/notes/7")[0] == 400


def test_a_session_resumes_from_its_gold_file(redactor, tmp_path):
    first = new_session(redactor, tmp_path)
    spans = [s.to_dict() for s in first.notes[0].spans]
    spans[0]["status"] = "rejected"
    spans.append({"start": 0, "end": 2, "category": "PERSON", "status": "added"})
    first.update(0, spans, reviewed=True)
    again = new_session(redactor, tmp_path)
    assert again.resume_from_gold() == 1
    resumed = {(s.start, s.end): s.status for s in again.notes[0].spans}
    assert resumed[(spans[0]["start"], spans[0]["end"])] == "rejected"
    assert resumed[(0, 2)] == "added" and again.notes[0].reviewed and not again.notes[1].reviewed


def test_summary_shows_special_values_but_only_counts_for_identifiers():
    summary = Summary()
    summary.add("Mme MARCHAND, VIH+.", [(4, 12, "PERSON"), (14, 18, "HEALTH_SENSITIVE")])
    summary.add("Mme Marchand, VIH+ et VHC.", [(4, 12, "PERSON"), (14, 18, "HEALTH_SENSITIVE"), (22, 25, "HEALTH_SENSITIVE")])
    summary.add("RAS.", [])
    page = summary_html(summary, "t")
    assert "marchand" not in page.lower() and "VIH+ (2)" in page and "VHC (1)" in page
    assert "1×: 1 value" not in page and "2×: 1 value" in page  # the name: counted, not shown
    assert summary.per_category == {"PERSON": 2, "HEALTH_SENSITIVE": 3}
    assert summary.notes_per_finding_count == {2: 1, 3: 1, 0: 1}
    assert len(summary.values["PERSON"]) == 1  # one distinct (folded) name, seen twice
    assert page.count("<svg") == 2 and "http" not in page


def test_a_brat_gold_directory_is_written_read_by_eval_and_resumed(redactor, tmp_path):
    from redactor.brat import read_gold_any

    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    session = new_session(redactor, tmp_path)
    session.gold_path = gold_dir
    spans = [s.to_dict() for s in session.notes[0].spans]
    spans[0]["status"] = "rejected"
    session.update(0, spans, reviewed=True)
    session.update(1, [], reviewed=False)
    assert sorted(p.name for p in gold_dir.iterdir()) == ["n1.ann", "n1.txt"]
    (saved,) = read_gold_any(gold_dir)
    assert saved.text == NOTES[0][1] and len(saved.spans) == len(spans) - 1
    again = new_session(redactor, tmp_path)
    again.gold_path = gold_dir
    assert again.resume_from_gold() == 1
    assert [s.status for s in again.notes[0].spans].count("rejected") == 1
    session.update(0, spans, reviewed=False)  # not reviewed any more: out of the gold set
    assert list(gold_dir.iterdir()) == []


def test_the_command_refuses_a_remote_address_before_loading_anything(tmp_path):
    import os
    import subprocess
    import sys

    notes = tmp_path / "notes.jsonl"
    notes.write_text(json.dumps({"id": "n1", "text": NOTES[0][1]}) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDACTOR_")}

    def review(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "redactor.cli", "review", str(notes), *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)

    done = review("--gold", str(tmp_path / "gold.jsonl"), "--host", "0.0.0.0")
    assert done.returncode == 2 and "--allow-remote" in done.stderr
    done = review("--gold", str(tmp_path / "gold.jsonl"), "--host", "0.0.0.0", "--allow-remote")
    assert done.returncode == 2 and "token" in done.stderr
    done = review("--gold", str(notes))
    assert done.returncode == 2 and "not the input" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.jsonl"]
