"""End to end over a Unix domain socket, with bearer-token auth, a site detector plugin that can
be made to fail or stall (fault injection through the real `--detector-plugin` extension
point), and debug logging whose every line is checked for note text."""

from __future__ import annotations

import os
import time

import grpc
import pytest
from test_service_helpers import RunningServer, start_server

from redactor.client import NoteToRedact, ServiceError
from redactor.recognizers.base import Detector

TOKEN = "s3cret-token-for-tests"
FAIL_TRIGGER = "PANNE-DETECTEUR"
STALL_TRIGGER = "LENTEUR-DETECTEUR"
CRASH_TRIGGER = "CRASH-DETECTEUR"
HANG_TRIGGER = "BLOCAGE-DETECTEUR"
STALL_SECONDS = 4.0
MAX_SECONDS = 6.0  # the server's time limit: above a stall, far below a hang
# Strings that must never appear in any log line: in note texts, patient ids, and in the
# message of the exception the failing detector raises.
MARKERS = ("ZQXMARKERNOM", "ZQXMARKERPATIENT", "ZQXMARKERSTREAM")


class FaultyDetector(Detector):
    """A site detector that finds nothing, but raises on FAIL_TRIGGER, stalls on STALL_TRIGGER,
    hangs on HANG_TRIGGER and kills its worker process on CRASH_TRIGGER."""

    def __init__(self):
        super().__init__("faulty-site-detector", ["PERSON"])

    def find(self, text, doc):
        if FAIL_TRIGGER in text:
            raise RuntimeError(f"site detector broke on: {text}")  # quotes the note on purpose
        if STALL_TRIGGER in text:
            time.sleep(STALL_SECONDS)
        if CRASH_TRIGGER in text:
            os._exit(3)
        if HANG_TRIGGER in text:
            time.sleep(3600)
        return []


def faulty_detectors() -> list[Detector]:
    """The `--detector-plugin test_service_unix:faulty_detectors` factory."""
    return [FaultyDetector()]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> RunningServer:
    workdir = tmp_path_factory.mktemp("unix-server")
    token_file = workdir / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    running = start_server(
        workdir / "server.log",
        "--listen", f"unix:{workdir / 'redactor.sock'}",
        "--workers", "1",
        "--token-file", str(token_file),
        "--detector-plugin", "test_service_unix:faulty_detectors",
        "--log-level", "debug",
        "--max-seconds", str(MAX_SECONDS),
    )
    yield running
    assert running.stop() == 0


@pytest.fixture(scope="module")
def client(server):
    with server.client(token=TOKEN) as client:
        yield client


def test_listens_on_the_unix_socket(server):
    assert server.address.startswith("unix:/") and server.address.endswith("redactor.sock")


def test_every_rpc_over_the_unix_socket(client):
    note = f"Vu Mme Sylvie {MARKERS[0]}, tél 06 12 34 56 78."
    redacted = client.redact(note, note_id="u-1", patient_id=MARKERS[1])
    assert MARKERS[0] not in redacted.text and "<PHONE>" in redacted.text
    assert {f.category for f in client.analyze(note, note_id="u-2")} >= {"PHONE"}
    streamed = list(client.redact_many([NoteToRedact(f"{MARKERS[2]} {i} au 06 12 34 56 78", note_id=f"u-s{i}") for i in range(3)]))
    assert [s.note_id for s in streamed] == ["u-s0", "u-s1", "u-s2"]
    assert client.capabilities().default_policy == "export"
    warnings = client.check(f"{MARKERS[0]} est homosexuel, vit avec son compagnon.", note_id="u-3")
    assert warnings and all(w.finding.category and w.why for w in warnings)


def test_calls_without_the_right_token_are_unauthenticated(server):
    for token in (None, "wrong-token", TOKEN + "x"):
        with server.client(token=token) as client:
            for call in (lambda: client.redact("Vu M. Jean DUPONT."), client.capabilities):
                with pytest.raises(ServiceError) as raised:
                    call()
                assert raised.value.code == grpc.StatusCode.UNAUTHENTICATED
            with pytest.raises(ServiceError) as raised:
                list(client.redact_many([NoteToRedact("Vu M. Jean DUPONT.")]))
            assert raised.value.code == grpc.StatusCode.UNAUTHENTICATED


def test_health_needs_no_token(server):
    with server.client() as client:
        assert client.health() == "SERVING"


def test_a_failing_detector_is_internal_and_returns_no_text(client, server):
    note = f"Mme {MARKERS[0]} Sylvie, tél 06 12 34 56 78. {FAIL_TRIGGER}"
    for call in (
        lambda: client.redact(note, note_id="fault-1", patient_id=MARKERS[1]),
        lambda: client.analyze(note, note_id="fault-2"),
        lambda: list(client.redact_many([NoteToRedact(note, note_id="fault-3")])),
    ):
        with pytest.raises(ServiceError) as raised:
            call()
        assert raised.value.code == grpc.StatusCode.INTERNAL
        assert MARKERS[0] not in raised.value.message and "06 12" not in raised.value.message
    assert [e["code"] for e in server.calls("fault-1")] == ["INTERNAL"]
    # the worker survives a detector error and serves the next note
    assert "<PHONE>" in client.redact("Rappeler le 06 12 34 56 78.").text


def test_a_worker_that_dies_fails_its_call_and_is_replaced(client, server):
    with pytest.raises(ServiceError) as raised:
        client.redact(f"Mme {MARKERS[0]}, tél 06 12 34 56 78. {CRASH_TRIGGER}", note_id="crash-1")
    assert raised.value.code == grpc.StatusCode.INTERNAL
    assert MARKERS[0] not in raised.value.message and "06 12" not in raised.value.message
    assert client.health() == "NOT_SERVING"  # its only worker is reloading
    client.wait_until_serving(timeout=300)
    assert "<PHONE>" in client.redact("Rappeler le 06 12 34 56 78.").text
    assert "worker stopped" in server.log_text()


def test_a_stream_stops_at_the_failing_note_after_answering_the_previous(client):
    notes = [NoteToRedact("Vu M. Jean DUPONT.", note_id="ok-0"), NoteToRedact(FAIL_TRIGGER, note_id="bad-1")]
    answered = []
    with pytest.raises(ServiceError) as raised:
        for result in client.redact_many(notes):
            answered.append(result.note_id)
    assert answered == ["ok-0"] and raised.value.code == grpc.StatusCode.INTERNAL


def test_the_deadline_is_honoured_by_the_server(client, server):
    note = f"Vu Mme {MARKERS[0]}. {STALL_TRIGGER}"
    started = time.monotonic()
    with pytest.raises(ServiceError) as raised:
        client.redact(note, note_id="slow-1", timeout=1.0)
    assert raised.value.code == grpc.StatusCode.DEADLINE_EXCEEDED
    # the server gave up at the deadline too, rather than finishing the stalled note
    for _ in range(100):
        if server.calls("slow-1"):
            break
        time.sleep(0.05)
    (entry,) = server.calls("slow-1")
    assert entry["code"] == "DEADLINE_EXCEEDED" and entry["ms"] < STALL_SECONDS * 1000
    # the stalled worker is taken back once done, and serves again
    assert "<PHONE>" in client.redact("Rappeler le 06 12 34 56 78.", timeout=60).text
    assert time.monotonic() - started < 60


def test_a_note_over_the_time_limit_kills_its_worker_and_returns_no_text(client, server):
    started = time.monotonic()
    with pytest.raises(ServiceError) as raised:
        client.redact(f"Vu Mme {MARKERS[0]}, tél 06 12 34 56 78. {HANG_TRIGGER}", note_id="hang-1", timeout=120)
    assert raised.value.code == grpc.StatusCode.INTERNAL
    assert "limit" in raised.value.message and MARKERS[0] not in raised.value.message
    assert MAX_SECONDS <= time.monotonic() - started < 60
    client.wait_until_serving(timeout=300)  # a new worker replaces the stuck one
    assert "<PHONE>" in client.redact("Rappeler le 06 12 34 56 78.").text
    assert "worker over the time limit" in server.log_text()


def test_debug_logs_carry_no_note_text(client, server):
    """Runs last in this module: every call above put markers in texts and patient ids."""
    client.redact(f"Mme {MARKERS[0]}, née le 01/02/1960", patient_id=MARKERS[1], note_id="last")
    logs = server.log_text()
    assert '"level": "debug"' in logs  # debug logging was really on
    assert '"note_id": "fault-1"' in logs
    for marker in MARKERS:
        assert marker not in logs
    for fragment in ("06 12 34 56 78", "Sylvie", FAIL_TRIGGER, "site detector broke"):
        assert fragment not in logs
