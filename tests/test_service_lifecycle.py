"""A server's life: NOT_SERVING while loading, SERVING, the concurrency limit, then a graceful
shutdown on SIGTERM (health NOT_SERVING, running calls finish, new calls refused); and
start-up failures that must stop the server with a clear message."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from test_service_helpers import start_server

from redactor.client import ServiceError
from redactor.service.v1 import redactor_pb2 as pb
from redactor.service.v1 import redactor_pb2_grpc as pb_grpc


def _watch_health(channel: grpc.Channel) -> tuple[grpc.Future, queue.Queue]:
    """Stream health statuses into a queue as the server reports them."""
    statuses: queue.Queue = queue.Queue()
    call = health_pb2_grpc.HealthStub(channel).Watch(health_pb2.HealthCheckRequest(service=""))

    def pump() -> None:
        try:
            for response in call:
                statuses.put(health_pb2.HealthCheckResponse.ServingStatus.Name(response.status))
        except grpc.RpcError:
            statuses.put("ENDED")

    threading.Thread(target=pump, daemon=True).start()
    return call, statuses


def test_health_limits_and_graceful_shutdown(tmp_path):
    server = start_server(
        tmp_path / "server.log",
        "--listen", "127.0.0.1:0",
        "--workers", "1",
        "--max-concurrent", "1",
        "--grace-seconds", "30",
        wait_serving=False,
    )
    try:
        channel = grpc.insecure_channel(server.address)
        watch, statuses = _watch_health(channel)
        assert statuses.get(timeout=60) == "NOT_SERVING"  # models still loading
        stub = pb_grpc.RedactorStub(channel)
        with pytest.raises(grpc.RpcError) as raised:
            stub.Redact(pb.RedactRequest(text="Vu M. Jean DUPONT."), timeout=60)
        assert raised.value.code() == grpc.StatusCode.UNAVAILABLE
        assert statuses.get(timeout=300) == "SERVING"

        # a stream holds the only call slot
        outgoing: queue.Queue = queue.Queue()
        responses = stub.RedactStream(iter(outgoing.get, None), timeout=120)
        outgoing.put(pb.RedactRequest(text="Vu M. Jean DUPONT.", note_id="before"))
        assert next(responses).text == "Vu M. <PERSON>."
        with pytest.raises(grpc.RpcError) as raised:
            stub.Redact(pb.RedactRequest(text="Vu M. Jean DUPONT."), timeout=60)
        assert raised.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED

        server.process.send_signal(signal.SIGTERM)
        assert statuses.get(timeout=60) == "NOT_SERVING"
        watch.cancel()
        # new calls are refused once the server stops accepting them
        for _ in range(100):
            with pytest.raises(grpc.RpcError) as raised:
                stub.Redact(pb.RedactRequest(text="Vu M. Jean DUPONT."), timeout=10)
            if raised.value.code() == grpc.StatusCode.UNAVAILABLE:
                break
            assert raised.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        assert raised.value.code() == grpc.StatusCode.UNAVAILABLE
        # ...while the running call goes on to its end
        outgoing.put(pb.RedactRequest(text="Rappeler le 06 12 34 56 78.", note_id="during"))
        assert next(responses).text == "Rappeler le <PHONE>."
        outgoing.put(None)
        assert list(responses) == []
        assert server.process.wait(timeout=60) == 0
        channel.close()
    finally:
        if server.process.poll() is None:
            server.process.kill()
    events = [entry["event"] for entry in server.log_entries()]
    assert events.index("serving") < events.index("shutting down") < events.index("stopped")
    assert [e["code"] for e in server.calls("during")] == ["OK"]


def test_a_plugin_that_cannot_load_stops_the_server(tmp_path):
    log = tmp_path / "server.log"
    command = [sys.executable, "-m", "redactor.cli", "serve", "--listen", "127.0.0.1:0", "--workers", "1"]
    with log.open("wb") as output:
        process = subprocess.run(
            [*command, "--detector-plugin", "no_such_module_xyz:detectors"], stdout=output, stderr=output, timeout=300
        )
    assert process.returncode == 1
    assert "detector plugin 'no_such_module_xyz:detectors': cannot import" in log.read_text()


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--tls-cert", "server.crt"], "--tls-cert and --tls-key go together"),
        (["--token-file", "/nonexistent/token"], "cannot read the token file"),
        (["--log-level", "chatty"], "--log-level is one of"),
        (["--default-policy", "nope"], "default policy 'nope' is not among"),
        (["--listen", "unix:/nonexistent-dir/redactor.sock"], "cannot listen on unix:/nonexistent-dir/redactor.sock"),
        (["--tls-cert", "/nonexistent/server.crt", "--tls-key", "/nonexistent/server.key"], "cannot read"),
    ],
)
def test_bad_settings_are_refused_clearly(arguments, message):
    process = subprocess.run(
        [sys.executable, "-m", "redactor.cli", "serve", "--listen", "127.0.0.1:0", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == 2
    assert message in process.stdout + process.stderr


def test_client_raises_service_error_when_nothing_listens(tmp_path):
    from redactor.client import RedactorClient

    with RedactorClient(f"unix:{tmp_path / 'absent.sock'}", timeout=5) as client:
        with pytest.raises(ServiceError) as raised:
            client.redact("Vu M. Jean DUPONT.")
    assert raised.value.code == grpc.StatusCode.UNAVAILABLE
