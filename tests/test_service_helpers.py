"""Starting a real `redactor serve` process for the service tests (no tests here).

Each test module starts the server it needs once (module-scoped fixture) and shares it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from redactor.client import ClientTls, RedactorClient, ServiceError

TESTS_DIR = Path(__file__).resolve().parent
START_TIMEOUT = 300  # seconds: loading spaCy in every worker on a busy 2-core CI machine


@dataclass
class RunningServer:
    process: subprocess.Popen
    address: str
    log_path: Path
    listening: dict

    def client(self, *, token: str | None = None, tls: ClientTls | None = None, timeout: float = 60.0) -> RedactorClient:
        return RedactorClient(self.address, token=token, tls=tls, timeout=timeout)

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_entries(self) -> list[dict]:
        return [json.loads(line) for line in self.log_text().splitlines() if line.startswith("{")]

    def calls(self, note_id: str) -> list[dict]:
        return [e for e in self.log_entries() if e.get("event") == "call" and e.get("note_id") == note_id]

    def stop(self, timeout: float = 60) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)


def start_server(
    log_path: Path,
    *args: str,
    env: dict[str, str] | None = None,
    token: str | None = None,
    tls: ClientTls | None = None,
    wait_serving: bool = True,
) -> RunningServer:
    """Start `redactor serve ARGS` and wait until it listens (and serves, unless told not to)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("REDACTOR_")}
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(TESTS_DIR), environment.get("PYTHONPATH")]))
    environment.update(env or {})
    command = [sys.executable, "-m", "redactor.cli", "serve", *args]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment)
    listening = _await_listening(process, log_path)
    server = RunningServer(process, listening["address"], log_path, listening)
    if wait_serving:
        with server.client(token=token, tls=tls) as client:
            _await_serving(server, client)
    return server


def _await_serving(server: RunningServer, client) -> None:
    give_up = time.monotonic() + START_TIMEOUT
    while time.monotonic() < give_up:
        if server.process.poll() is not None:
            raise AssertionError(f"server exited with {server.process.returncode}:\n{server.log_text()}")
        try:
            if client.health(timeout=2.0) == "SERVING":
                return
        except ServiceError:
            pass
        time.sleep(0.2)
    server.process.kill()
    raise AssertionError(f"server not serving after {START_TIMEOUT} s:\n{server.log_text()}")


def _await_listening(process: subprocess.Popen, log_path: Path) -> dict:
    give_up = time.monotonic() + START_TIMEOUT
    while time.monotonic() < give_up:
        for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("{") and json.loads(line).get("event") == "listening":
                return json.loads(line)
        if process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}:\n{log_path.read_text()}")
        time.sleep(0.1)
    process.kill()
    raise AssertionError(f"server not listening after {START_TIMEOUT} s:\n{log_path.read_text()}")
