"""gRPC Decrypt end to end: behind its own token, separate from the service token; a wrong
token, an altered token and a server without a decrypt token each fail with their own status."""

from __future__ import annotations

import grpc
import pytest
from test_service_helpers import start_server

from redactor.client import ServiceError

SERVICE_TOKEN = "service-token-for-tests"
DECRYPT_TOKEN = "decrypt-token-for-tests"
ENCRYPTION_KEY = "a-test-encryption-key-of-32-chars-or-more"
POLICY = """\
name: reversible
identifiers: {operator: encrypt}
special: {operator: encrypt, scope: clause}
"""
NOTE = "Vu Mme Sylvie MARCHAND le 12/03/2019, tél 06 12 34 56 78. Patiente VIH+, suivie au CMP."


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("decrypt-server")
    (workdir / "reversible.yaml").write_text(POLICY, encoding="utf-8")
    (workdir / "decrypt-token").write_text(DECRYPT_TOKEN + "\n", encoding="utf-8")
    running = start_server(
        workdir / "server.log",
        "--listen", "127.0.0.1:0",
        "--workers", "1",
        "--policy-file", str(workdir / "reversible.yaml"),
        "--decrypt-token-file", str(workdir / "decrypt-token"),
        env={"REDACTOR_TOKEN": SERVICE_TOKEN, "REDACTOR_ENCRYPTION_KEY": ENCRYPTION_KEY},
        token=SERVICE_TOKEN,
    )
    yield running
    assert running.stop() == 0


@pytest.fixture(scope="module")
def redacted(server) -> str:
    with server.client(token=SERVICE_TOKEN) as client:
        text = client.redact(NOTE, policy="reversible", note_id="enc-1").text
    assert "MARCHAND" not in text and "<PERSON.enc." in text
    return text


def test_decrypt_with_the_decrypt_token_gives_back_the_note(server, redacted):
    with server.client(token=DECRYPT_TOKEN) as client:
        assert client.decrypt(redacted, policy="reversible", note_id="enc-1") == NOTE


def test_the_service_token_cannot_decrypt_and_the_decrypt_token_cannot_redact(server, redacted):
    with server.client(token=SERVICE_TOKEN) as client, pytest.raises(ServiceError) as caught:
        client.decrypt(redacted)
    assert caught.value.code == grpc.StatusCode.UNAUTHENTICATED
    with server.client(token=DECRYPT_TOKEN) as client, pytest.raises(ServiceError) as caught:
        client.redact(NOTE)
    assert caught.value.code == grpc.StatusCode.UNAUTHENTICATED


def test_an_altered_token_is_invalid_argument_without_text(server, redacted):
    start = redacted.index(".enc.") + 8
    altered = redacted[:start] + ("x" if redacted[start] != "x" else "y") + redacted[start + 1 :]
    with server.client(token=DECRYPT_TOKEN) as client, pytest.raises(ServiceError) as caught:
        client.decrypt(altered, note_id="enc-2")
    assert caught.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert "does not decrypt" in caught.value.message and "MARCHAND" not in caught.value.message
    assert "MARCHAND" not in server.log_text() and "Sylvie" not in server.log_text()


def test_a_server_without_a_decrypt_token_refuses_decrypt(tmp_path):
    # Decrypt needs no model: the answer comes before the worker has loaded.
    running = start_server(
        tmp_path / "server.log", "--listen", "127.0.0.1:0", "--workers", "1", wait_serving=False,
        env={"REDACTOR_ENCRYPTION_KEY": ENCRYPTION_KEY},
    )
    try:
        with running.client() as client, pytest.raises(ServiceError) as caught:
            client.decrypt("<PERSON.enc.AAAAAAAAAAAAAAAAAAAAAAAAAAAA>")
        assert caught.value.code == grpc.StatusCode.PERMISSION_DENIED
    finally:
        assert running.stop() == 0


def test_a_decrypt_token_without_an_encryption_key_stops_the_start(tmp_path):
    (tmp_path / "decrypt-token").write_text(DECRYPT_TOKEN, encoding="utf-8")
    with pytest.raises(AssertionError, match="encryption key"):
        start_server(
            tmp_path / "server.log", "--listen", "127.0.0.1:0", "--workers", "1",
            "--decrypt-token-file", str(tmp_path / "decrypt-token"), wait_serving=False,
        )
