"""End to end over TCP: every RPC, reflection, metrics and the INVALID_ARGUMENT cases, against one
real server (two worker processes with the real spaCy pipeline) shared by the module."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path

import grpc
import pytest
from google.protobuf.descriptor_pool import DescriptorPool
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
    ProtoReflectionDescriptorDatabase,
)
from test_service_helpers import TESTS_DIR, RunningServer, start_server

from redactor.client import NoteToRedact, ServiceError
from redactor.service.v1 import redactor_pb2 as pb

MAX_CHARS = 5000
NOTE = "Vu Mme Sylvie MARCHAND le 12/03/2019, tél 06 12 34 56 78, sylvie.marchand@exemple.fr. Toux fébrile."
CUSTOM_POLICY = """\
name: site-masking
description: Everything masked, for the tests.
identifiers: {operator: mask}
special: {operator: mask}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> RunningServer:
    workdir = tmp_path_factory.mktemp("api-server")
    policy = workdir / "site-masking.yaml"
    policy.write_text(CUSTOM_POLICY, encoding="utf-8")
    running = start_server(
        workdir / "server.log",
        "--listen", "127.0.0.1:0",
        "--workers", "2",
        "--max-chars", str(MAX_CHARS),
        "--metrics-listen", "127.0.0.1:0",
        "--policy-file", str(policy),
        env={"REDACTOR_KEY": "test-key-not-secret"},  # the key of conftest's `redactor`
    )
    yield running
    assert running.stop() == 0


@pytest.fixture(scope="module")
def client(server):
    with server.client() as client:
        yield client


def dev_notes() -> list[str]:
    notes = []
    for path in sorted((TESTS_DIR / "data" / "dev_notes").glob("*/*.txt"))[:6]:
        for block in path.read_text(encoding="utf-8").split("=== ")[1:]:
            body = block.split("\n", 1)[1]
            # strip the [[CATEGORY|text]] gold markup
            while "[[" in body:
                start = body.index("[[")
                middle = body.index("|", start)
                end = body.index("]]", middle)
                body = body[:start] + body[middle + 1 : end] + body[end + 2 :]
            if 0 < len(body) <= MAX_CHARS:
                notes.append(body)
    return notes[:12]


def test_health_is_serving_for_the_server_and_the_service(client):
    assert client.health() == "SERVING"
    assert client.health("redactor.v1.Redactor") == "SERVING"


def test_capabilities(client):
    capabilities = client.capabilities()
    assert capabilities.policies == ["export", "research", "site-masking", "storage"]
    assert capabilities.default_policy == "export"
    assert {"PERSON", "PHONE", "NIR", "DATE"} <= set(capabilities.categories)
    assert set(capabilities.versions) >= {"redactor", "pipeline", "lexicons"}
    assert capabilities.max_chars == MAX_CHARS


def test_redact_answers_what_the_core_answers(client, redactor):
    for number, note in enumerate(dev_notes()):
        served = client.redact(note, note_id=f"dev-{number}", patient_id="P1", policy="research")
        local = redactor.redact(note, "research", patient_id="P1")
        assert served.text == local.text
        assert served.findings == local.findings
        assert served.note_id == f"dev-{number}" and served.policy == "research"


def test_analyze_answers_what_the_core_answers(client, redactor):
    for note in dev_notes():
        assert client.analyze(note) == redactor.analyze(note)


def test_redact_with_the_default_policy_tags_identifiers(client):
    result = client.redact(NOTE, note_id="n-1")
    assert result.policy == "export"
    assert "MARCHAND" not in result.text and "06 12 34 56 78" not in result.text
    for applied in result.findings:
        finding = applied.finding
        assert NOTE[finding.start : finding.end]  # offsets index the original text
        tag = result.text[applied.redacted_start : applied.redacted_end]
        assert tag == f"<{finding.category}>"


def test_offsets_are_code_points_beyond_the_basic_plane(client):
    note = "😀😀 Vu Mme Sylvie MARCHAND, tél 06 12 34 56 78."
    result = client.redact(note)
    phone = next(a for a in result.findings if a.finding.category == "PHONE")
    assert note[phone.finding.start : phone.finding.end] == "06 12 34 56 78"
    assert result.text[phone.redacted_start : phone.redacted_end] == "<PHONE>"


def test_patient_id_gives_consistent_surrogates_across_notes(client):
    first = client.redact("Vu M. Paul DURAND ce jour.", policy="research", patient_id="P-42")
    second = client.redact("Rappel de M. Paul DURAND.", policy="research", patient_id="P-42")
    first_name, second_name = (
        result.text[result.findings[0].redacted_start : result.findings[0].redacted_end] for result in (first, second)
    )
    assert "DURAND" not in first.text
    assert first_name == second_name


def test_a_policy_file_is_offered_by_its_name(client):
    result = client.redact(NOTE, policy="site-masking")
    assert result.policy == "site-masking"
    assert "MARCHAND" not in result.text and "<" not in result.text


def test_text_utf8_bytes_are_accepted(client, server):
    channel = grpc.insecure_channel(server.address)
    redact = channel.unary_unary("/redactor.v1.Redactor/Redact", response_deserializer=pb.RedactResponse.FromString)
    response = redact(pb.RedactRequest(text_utf8=NOTE.encode("utf-8")).SerializeToString(), timeout=60)
    assert response.text == client.redact(NOTE).text
    channel.close()


def test_redact_stream_answers_in_order(client):
    notes = [NoteToRedact(f"Note {i}: vu M. Jean DUPONT, tél 06 12 34 56 7{i}.", note_id=f"s-{i}") for i in range(8)]
    results = list(client.redact_many(notes))
    assert [r.note_id for r in results] == [f"s-{i}" for i in range(8)]
    for i, result in enumerate(results):
        assert result.text.startswith(f"Note {i}: vu M. <PERSON>")


def test_check_answers_what_the_core_answers(client, redactor):
    notes = [
        "Patient homosexuel, vit avec son compagnon.",
        "Témoin de Jéhovah, refuse la transfusion. Pas d'antécédent psychiatrique.",
        NOTE,
    ]
    for note in notes:
        assert client.check(note) == redactor.check(note)
    warnings = client.check(notes[0])
    assert warnings and all(w.label and w.why and w.suggestion for w in warnings)


def test_check_warnings_carry_category_and_whole_explanation_on_the_wire(server, redactor):
    note = "Patient homosexuel, vit avec son compagnon."
    channel = grpc.insecure_channel(server.address)
    check = channel.unary_unary("/redactor.v1.Redactor/Check", response_deserializer=pb.CheckResponse.FromString)
    response = check(pb.CheckRequest(text=note, note_id="c-1").SerializeToString(), timeout=60)
    channel.close()
    assert response.note_id == "c-1"
    for wire, local in zip(response.warnings, redactor.check(note), strict=True):
        assert wire.category == local.finding.category
        assert wire.explanation == local.message


# ------------------------------------------------------------------ INVALID_ARGUMENT
def test_unknown_policy_is_invalid_argument(client):
    with pytest.raises(ServiceError) as raised:
        client.redact(NOTE, policy="no-such-policy")
    assert raised.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert "export" in raised.value.message and "no-such-policy" not in raised.value.message


def test_a_policy_path_is_not_accepted_from_clients(client):
    with pytest.raises(ServiceError) as raised:
        client.redact(NOTE, policy=str(Path(__file__)))
    assert raised.value.code == grpc.StatusCode.INVALID_ARGUMENT


def test_oversize_text_is_invalid_argument_without_the_text(client):
    note = "Mme MARCHAND " * (MAX_CHARS // 10)
    for call in (client.redact, client.analyze):
        with pytest.raises(ServiceError) as raised:
            call(note)
        assert raised.value.code == grpc.StatusCode.INVALID_ARGUMENT
        assert str(MAX_CHARS) in raised.value.message and "MARCHAND" not in raised.value.message


def _raw_call(server: RunningServer, method: str, payload: bytes) -> grpc.RpcError:
    channel = grpc.insecure_channel(server.address)
    call = channel.unary_unary(f"/redactor.v1.Redactor/{method}")  # bytes in, bytes out
    with pytest.raises(grpc.RpcError) as raised:
        call(payload, timeout=60)
    channel.close()
    return raised.value


def test_invalid_utf8_in_the_text_string_is_invalid_argument(server):
    # A protobuf library refuses to build such a message, so the bytes are written by hand:
    # field 1 (text), wire type 2 (length-delimited), 4 bytes that are not UTF-8.
    for method in ("Redact", "Analyze", "Check"):
        error = _raw_call(server, method, b"\x0a\x04\xff\xfe\xc3\x28")
        assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert "UTF-8" in error.details()


def test_invalid_utf8_in_text_utf8_is_invalid_argument(server):
    payload = pb.RedactRequest(text_utf8=b"Mme MARCHAND \xff\xfe").SerializeToString()
    error = _raw_call(server, "Redact", payload)
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "byte 13" in error.details() and "MARCHAND" not in error.details()


# ------------------------------------------------------------------ reflection and metrics
def test_reflection_describes_the_service(server):
    channel = grpc.insecure_channel(server.address)
    database = ProtoReflectionDescriptorDatabase(channel)
    assert {"redactor.v1.Redactor", "grpc.health.v1.Health"} <= set(database.get_services())
    pool = DescriptorPool(database)
    service = pool.FindServiceByName("redactor.v1.Redactor")
    methods = ["Redact", "Analyze", "Check", "RedactStream", "GetCapabilities", "Decrypt"]
    assert [m.name for m in service.methods] == methods
    finding = pool.FindMessageTypeByName("redactor.v1.Finding")
    assert {"start", "end", "category", "score", "detector", "qualifiers", "redacted_start"} <= set(
        finding.fields_by_name
    )
    channel.close()


def test_metrics_count_requests_findings_errors_and_latency(client, server):
    client.redact(NOTE, note_id="metrics-1")
    with pytest.raises(ServiceError):
        client.redact(NOTE, policy="no-such-policy")
    port = server.listening["metrics_port"]
    metrics = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
    assert 'redactor_requests_total{code="OK",method="Redact"}' in metrics
    assert 'redactor_errors_total{code="INVALID_ARGUMENT",method="Redact"}' in metrics
    assert 'redactor_findings_total{category="PHONE"}' in metrics
    assert 'redactor_request_duration_seconds_bucket{le="0.05",method="Redact"}' in metrics
    assert "redactor_workers_ready 2.0" in metrics


def test_each_call_is_logged_with_ids_counts_and_timing(client, server):
    client.redact(NOTE, note_id="logged-1")
    (entry,) = server.calls("logged-1")
    assert entry["code"] == "OK" and entry["chars"] == len(NOTE) and entry["policy"] == "export"
    assert entry["findings"]["PHONE"] == 1 and entry["ms"] > 0
    assert "MARCHAND" not in server.log_text()


def test_the_container_healthcheck_probes_the_health_service(server, tmp_path):
    probe = [sys.executable, "-m", "redactor.service.healthcheck"]
    wildcard = "0.0.0.0:" + server.address.rpartition(":")[2]  # as REDACTOR_LISTEN says in the image
    serving = subprocess.run([*probe, "--address", wildcard], capture_output=True, text=True, timeout=60)
    assert serving.returncode == 0 and serving.stdout.strip() == "SERVING"
    absent = subprocess.run([*probe, "--address", f"unix:{tmp_path / 'none.sock'}"], capture_output=True, text=True, timeout=60)
    assert absent.returncode == 1 and "UNAVAILABLE" in absent.stderr


def test_the_command_line_client_redacts_through_the_server(server):
    command = [sys.executable, "-m", "redactor.client", "--address", server.address, "--wait", "30"]
    done = subprocess.run(command, input=NOTE, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Vu Mme <PERSON> le <DATE>, tél <PHONE>, <EMAIL>.")
    assert "MARCHAND" not in done.stdout + done.stderr
    assert "[export] 4 findings: DATE 1, EMAIL 1, PERSON 1, PHONE 1" in done.stderr
    refused = subprocess.run([*command, "--policy", "nope"], input=NOTE, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1 and "INVALID_ARGUMENT" in refused.stderr and "MARCHAND" not in refused.stderr
