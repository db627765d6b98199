"""Hostile notes against a real server: odd characters get an answer, bad notes an
INVALID_ARGUMENT with a reason, a note past its deadline DEADLINE_EXCEEDED while other calls go
on; no worker dies or is restarted on the way."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import grpc
import pytest
from clinical_text import clinical_texts
from test_service_helpers import start_server

from redactor.service.v1 import redactor_pb2 as pb
from redactor.service.v1 import redactor_pb2_grpc as pb_grpc



def _long_note(size: int) -> str:
    return "\n".join(clinical_texts())[:size]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = start_server(
        tmp_path_factory.mktemp("hostile") / "server.log", "--listen", "127.0.0.1:0", "--workers", "2"
    )
    yield running
    assert running.stop() == 0


@pytest.fixture(scope="module")
def stub(server):
    channel = grpc.insecure_channel(server.address)
    yield pb_grpc.RedactorStub(channel)
    channel.close()


def test_odd_characters_get_an_answer(stub):
    note = "Patient séropositif, pas de\x00 sida. Vu Mme Sylvie MARCHAND le 12/03/2019. Toux\x01 \ue000 😀"
    response = stub.Redact(pb.RedactRequest(text=note, note_id="odd"), timeout=120)
    assert "MARCHAND" not in response.text and "12/03/2019" not in response.text
    assert "\x00" not in response.text  # removed with the clause it was in
    assert response.text.endswith("Toux\x01 \ue000 😀")


@pytest.mark.parametrize(
    "request_message, reason",
    [
        (pb.RedactRequest(text="x" * 100_001), "maximum of 100000"),
        (pb.RedactRequest(text_utf8=b"Mme MARCHAND \xff"), "UTF-8"),
        (pb.RedactRequest(text="Vu Mme MARCHAND.", policy="no-such-policy"), "policy"),
    ],
)
def test_a_bad_note_is_invalid_argument_with_a_reason(stub, request_message, reason):
    with pytest.raises(grpc.RpcError) as raised:
        stub.Redact(request_message, timeout=120)
    assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert reason in raised.value.details() and "MARCHAND" not in raised.value.details()


def test_a_note_past_its_deadline_does_not_hold_up_the_others(stub):
    slow_note = _long_note(90_000)
    with ThreadPoolExecutor(max_workers=1) as pool:
        slow = pool.submit(stub.Redact, pb.RedactRequest(text=slow_note, note_id="slow"), timeout=0.2)
        quick = [
            stub.Redact(pb.RedactRequest(text="Vu M. Jean DUPONT.", note_id=f"quick-{i}"), timeout=120)
            for i in range(5)
        ]
        with pytest.raises(grpc.RpcError) as raised:
            slow.result()
    assert raised.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    assert [response.text for response in quick] == ["Vu M. <PERSON>."] * 5


def test_no_worker_died_or_was_replaced(server, stub):
    # runs last in this module: after every hostile call above, the same two workers serve
    assert stub.Redact(pb.RedactRequest(text="Vu M. Jean DUPONT."), timeout=120).text == "Vu M. <PERSON>."
    events = [entry["event"] for entry in server.log_entries()]
    assert events.count("worker ready") == 2
    assert "worker stopped" not in events and "worker over the time limit" not in events
