"""A small Python client of the redactor gRPC service, for EHR backends and tests.

    from redactor.client import RedactorClient

    with RedactorClient("unix:/run/redactor/redactor.sock") as client:
        note = client.redact("Mme Dupont, née le 12/03/1961...", patient_id="P-123")
        print(note.text)

Answers are the core's own dataclasses (`Finding`, `AppliedFinding`, `CheckWarning`); a failed call raises
`ServiceError` with the gRPC status code.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from redactor.check import CheckWarning
from redactor.findings import AppliedFinding, Finding
from redactor.known import KnownIdentity
from redactor.service import convert
from redactor.service.v1 import redactor_pb2 as pb
from redactor.service.v1 import redactor_pb2_grpc as pb_grpc

__all__ = [
    "Capabilities",
    "ClientTls",
    "CheckWarning",
    "NoteToRedact",
    "RedactedNote",
    "RedactorClient",
    "ServiceError",
]


class ServiceError(Exception):
    """A call the service answered with an error status."""

    def __init__(self, code: grpc.StatusCode, message: str):
        super().__init__(f"{code.name}: {message}")
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ClientTls:
    """Trust `ca` for the server; with `cert` and `key`, present a client certificate (mutual TLS)."""

    ca: Path
    cert: Path | None = None
    key: Path | None = None
    server_name: str | None = None  # when the certificate names the server otherwise than the target

    def credentials(self) -> grpc.ChannelCredentials:
        return grpc.ssl_channel_credentials(
            root_certificates=self.ca.read_bytes(),
            private_key=self.key.read_bytes() if self.key else None,
            certificate_chain=self.cert.read_bytes() if self.cert else None,
        )


@dataclass(frozen=True)
class NoteToRedact:
    text: str
    note_id: str = ""
    patient_id: str = ""
    policy: str = ""
    known: KnownIdentity | None = None


@dataclass(frozen=True)
class RedactedNote:
    note_id: str
    text: str
    policy: str
    findings: list[AppliedFinding]


@dataclass(frozen=True)
class Capabilities:
    policies: list[str]
    default_policy: str
    categories: list[str]
    versions: dict[str, str]
    max_chars: int


class RedactorClient:
    """One channel to a redactor server (`host:port` or `unix:/path`); close it when done."""

    def __init__(
        self,
        target: str,
        *,
        token: str | None = None,
        tls: ClientTls | None = None,
        timeout: float | None = 30.0,
    ):
        options = [("grpc.ssl_target_name_override", tls.server_name)] if tls and tls.server_name else []
        if tls is not None:
            self._channel = grpc.secure_channel(target, tls.credentials(), options=options)
        else:
            self._channel = grpc.insecure_channel(target)
        self._metadata = (("authorization", f"Bearer {token}"),) if token else ()
        self._timeout = timeout
        self._stub = pb_grpc.RedactorStub(self._channel)
        self._health = health_pb2_grpc.HealthStub(self._channel)

    def __enter__(self) -> RedactorClient:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._channel.close()

    def _call(self, method, request, timeout: float | None):
        try:
            return method(request, timeout=timeout or self._timeout, metadata=self._metadata)
        except grpc.RpcError as error:
            raise ServiceError(error.code(), error.details() or "") from None

    def redact(
        self,
        text: str,
        *,
        policy: str = "",
        note_id: str = "",
        patient_id: str = "",
        known: KnownIdentity | None = None,
        timeout: float | None = None,
    ) -> RedactedNote:
        """Redact one note under `policy` (the server's default when empty); `known`: what the
        EHR knows of whom the note is about."""
        request = pb.RedactRequest(text=text, policy=policy, note_id=note_id, patient_id=patient_id, known=_known(known))
        return _redacted(self._call(self._stub.Redact, request, timeout))

    def analyze(
        self, text: str, *, note_id: str = "", known: KnownIdentity | None = None, timeout: float | None = None
    ) -> list[Finding]:
        """Findings only, offsets in code points of `text`."""
        request = pb.AnalyzeRequest(text=text, note_id=note_id, known=_known(known))
        response = self._call(self._stub.Analyze, request, timeout)
        return [convert.finding_from_wire(f) for f in response.findings]

    def check(self, text: str, *, note_id: str = "", timeout: float | None = None) -> list[CheckWarning]:
        """Warnings for the clinician writing `text`, in French."""
        response = self._call(self._stub.Check, pb.CheckRequest(text=text, note_id=note_id), timeout)
        return [convert.warning_from_wire(w) for w in response.warnings]

    def redact_many(self, notes: Iterable[NoteToRedact], *, timeout: float | None = None) -> Iterator[RedactedNote]:
        """Redact many notes over one stream; answers come in order."""
        requests = (
            pb.RedactRequest(
                text=n.text, policy=n.policy, note_id=n.note_id, patient_id=n.patient_id, known=_known(n.known)
            )
            for n in notes
        )
        try:
            for response in self._stub.RedactStream(requests, timeout=timeout, metadata=self._metadata):
                yield _redacted(response)
        except grpc.RpcError as error:
            raise ServiceError(error.code(), error.details() or "") from None

    def decrypt(self, text: str, *, policy: str = "", note_id: str = "", timeout: float | None = None) -> str:
        """The original of a text redacted with the encrypt operator (the client's token must be
        the server's decrypt token)."""
        request = pb.DecryptRequest(text=text, policy=policy, note_id=note_id)
        return self._call(self._stub.Decrypt, request, timeout).text

    def capabilities(self, *, timeout: float | None = None) -> Capabilities:
        response = self._call(self._stub.GetCapabilities, pb.GetCapabilitiesRequest(), timeout)
        return Capabilities(
            policies=list(response.policies),
            default_policy=response.default_policy,
            categories=list(response.categories),
            versions=dict(response.versions),
            max_chars=response.max_chars,
        )

    def health(self, service: str = "", *, timeout: float | None = 5.0) -> str:
        """The health status name: SERVING, NOT_SERVING, UNKNOWN or SERVICE_UNKNOWN."""
        response = self._call(self._health.Check, health_pb2.HealthCheckRequest(service=service), timeout)
        return health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)

    def wait_until_serving(self, timeout: float = 120.0) -> None:
        """Block until the server reports SERVING (models loaded); ServiceError after `timeout`."""
        give_up = time.monotonic() + timeout
        while True:
            try:
                if self.health(timeout=2.0) == "SERVING":
                    return
            except ServiceError as error:
                if error.code not in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
                    raise
            if time.monotonic() > give_up:
                raise ServiceError(grpc.StatusCode.DEADLINE_EXCEEDED, f"not serving after {timeout:.0f} s")
            time.sleep(0.2)


def _known(known: KnownIdentity | None) -> pb.KnownIdentity | None:
    return None if known is None else convert.known_to_wire(known)


def _redacted(response: pb.RedactResponse) -> RedactedNote:
    return RedactedNote(
        note_id=response.note_id,
        text=response.text,
        policy=response.policy,
        findings=[convert.applied_finding_from_wire(f) for f in response.findings],
    )


def main(argv: list[str] | None = None) -> int:
    """`python -m redactor.client --address ADDRESS [--policy P] < note.txt`: redact a note
    through a running server and print the redacted text (a smoke test for operators)."""
    import argparse
    import os
    import sys

    parser = argparse.ArgumentParser(prog="python -m redactor.client", description=main.__doc__.splitlines()[0])
    parser.add_argument("--address", default=os.environ.get("REDACTOR_LISTEN", "127.0.0.1:50051"))
    parser.add_argument("--policy", default="", help="the server's default when empty")
    parser.add_argument("--patient-id", default="")
    parser.add_argument("--wait", type=float, default=0.0, help="seconds to wait for the server to be SERVING")
    args = parser.parse_args(argv)
    token = os.environ.get("REDACTOR_TOKEN")
    try:
        with RedactorClient(args.address, token=token) as client:
            if args.wait:
                client.wait_until_serving(args.wait)
            note = client.redact(sys.stdin.read(), policy=args.policy, patient_id=args.patient_id)
    except ServiceError as error:
        print(f"redactor.client: {error.code.name}: {error.message}", file=sys.stderr)
        return 1
    from redactor.service.observability import category_counts

    print(note.text)
    counts = category_counts([applied.finding.category for applied in note.findings])
    summary = ", ".join(f"{category} {count}" for category, count in counts.items())
    print(f"[{note.policy}] {len(note.findings)} findings: {summary}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
