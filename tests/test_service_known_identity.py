"""Known identity and site lexicons over gRPC: a real server (one worker, the real pipeline)
started with the example site directory; values never reach the logs or error messages."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import grpc
import pytest
from test_service_helpers import TESTS_DIR, RunningServer, start_server

from redactor.client import NoteToRedact, ServiceError
from redactor.known import KnownIdentity, PersonName
from redactor.service.v1 import redactor_pb2 as pb

EXAMPLE_SITE = TESTS_DIR.parent / "examples" / "site"
KNOWN = KnownIdentity(
    first_name="Maëlys",
    last_name="Kerbrat",
    birth_date=date(1958, 11, 3),
    ipp="80071234",
    phones=("02 98 76 54 32",),
    relatives=(PersonName("Yannick", "Kerbrat"),),
)
NOTE = "Mme KERBRAT Maelys, née le 3 nov. 1958, dossier 8007-1234, tél 02.98.76.54.32. Son fils Yannick. Score de Lille 0,2."
VALUES = ("Kerbrat", "KERBRAT", "Maëlys", "Yannick", "80071234", "1958-11-03", "02 98 76 54 32")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> RunningServer:
    workdir = tmp_path_factory.mktemp("known-server")
    running = start_server(
        workdir / "server.log", "--listen", "127.0.0.1:0", "--workers", "1", "--site-lexicons", str(EXAMPLE_SITE)
    )
    yield running
    assert running.stop() == 0


def test_redact_and_analyze_find_every_mention_of_the_known_identity(server):
    with server.client() as client:
        note = client.redact(NOTE, note_id="known-1", known=KNOWN)
        assert note.text == (
            "Mme <PERSON>, née le <DATE>, dossier <PATIENT_ID>, tél <PHONE>. Son fils <PERSON>. Score de Lille 0,2."
        )
        findings = client.analyze(NOTE, note_id="known-2", known=KNOWN)
        assert {f.detector for f in findings} == {"known.name", "known.birth_date", "known.id", "known.phone"}
        streamed = list(client.redact_many([NoteToRedact(NOTE, note_id="known-3", known=KNOWN)]))
        assert streamed[0].text == note.text
        assert "site" in client.capabilities().versions


def test_without_known_identity_the_site_allow_list_still_applies(server):
    with server.client() as client:
        text = client.redact("Score de Lille à 0,2 ; transfert au CH de Montfort-sur-Lise.").text
    assert text == "Score de Lille à 0,2 ; transfert au <HOSPITAL>."


@pytest.mark.parametrize(
    "known, field",
    [
        (pb.KnownIdentity(), "empty"),
        (pb.KnownIdentity(last_name="Kerbrat", birth_date="1958-13-03"), "birth_date"),
        (pb.KnownIdentity(last_name="Kerbrat", ipp="8007"), "ipp"),
        (pb.KnownIdentity(relatives=[pb.PersonName()]), "relatives[0]"),
    ],
)
def test_malformed_known_identity_is_invalid_argument_without_its_values(server, known, field):
    with server.client() as client:
        with pytest.raises(ServiceError) as raised:
            client._call(client._stub.Redact, pb.RedactRequest(text=NOTE, note_id="bad-known", known=known), None)
    assert raised.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert field in raised.value.message
    assert "Kerbrat" not in raised.value.message and "8007" not in raised.value.message


def test_known_values_never_reach_the_logs(server):
    with server.client() as client:
        client.redact(NOTE, note_id="known-logged", known=KNOWN)
    log = server.log_text()
    assert server.calls("known-logged")
    for value in VALUES:
        assert value not in log


def test_a_malformed_site_directory_stops_the_server_at_start_up(tmp_path: Path):
    (tmp_path / "allow.yaml").write_text("allow: [RCP, 12]\n", encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("REDACTOR_")}
    done = subprocess.run(
        [sys.executable, "-m", "redactor.cli", "serve", "--listen", "127.0.0.1:0", "--site-lexicons", str(tmp_path)],
        capture_output=True, timeout=120, env={**environment, "COLUMNS": "400"},
    )  # fmt: skip
    assert done.returncode == 2
    assert b"allow.yaml: entry 2: expected a non-empty text" in done.stderr
