"""The redactor.v1.Redactor servicer: decode, admit, hand the note to a worker, translate back.

No detection logic lives here; every answer comes from the Redactor core in a worker process.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable, Iterator

import grpc
from google.protobuf.message import DecodeError

from redactor.errors import (
    DetectionError,
    InvalidInputError,
    MissingKeyError,
    PolicyError,
    RedactorError,
    UnknownPolicyError,
)
from redactor.known import KnownIdentity
from redactor.policy import load_policy
from redactor.reversible import ValueCipher
from redactor.service import convert
from redactor.service.observability import Metrics, category_counts
from redactor.service.v1 import redactor_pb2 as pb
from redactor.service.workers import (
    AnalyzeJob,
    CheckJob,
    DeadlineExpired,
    Job,
    RedactJob,
    WorkerFailed,
    WorkerPool,
    WorkerUnavailable,
)

log = logging.getLogger("redactor.service.calls")

# Deadlines further away than this are treated as none (some clients send "infinity").
_NO_DEADLINE_BEYOND_SECONDS = 365 * 24 * 3600.0


SERVICE_NAME = pb.DESCRIPTOR.services_by_name["Redactor"].full_name


@dataclass(frozen=True)
class UndecodableRequest:
    """A request the protobuf parser rejected, e.g. invalid UTF-8 in a string field."""

    note_id: str = ""


def _lenient(message_class: Any) -> Callable[[bytes], Any]:
    """A deserializer that hands undecodable bytes to the servicer, which answers
    INVALID_ARGUMENT (gRPC itself would answer INTERNAL)."""

    def deserialize(data: bytes) -> Any:
        try:
            return message_class.FromString(data)
        except DecodeError:
            return UndecodableRequest()

    return deserialize


class ServiceFailure(Exception):
    """A call's outcome as a gRPC status; the message never carries note text."""

    def __init__(self, code: grpc.StatusCode, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class CallRecord:
    """What is logged and counted about one note: ids, sizes, categories, timing."""

    method: str
    note_id: str
    started: float = field(default_factory=time.perf_counter)
    chars: int | None = None
    policy: str | None = None
    categories: dict[str, int] = field(default_factory=dict)

    def found(self, categories: list[str]) -> None:
        self.categories = category_counts(categories)


class ConcurrencyLimit:
    """At most `limit` calls at once (a stream counts as one); the next is refused, not queued.
    Once closed for shutdown, every new call is refused with UNAVAILABLE."""

    def __init__(self, limit: int):
        self._limit = limit
        self._running = 0
        self._closed = False
        self._changed = threading.Condition()

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._changed:
            if self._closed:
                raise ServiceFailure(grpc.StatusCode.UNAVAILABLE, "the server is shutting down; retry elsewhere")
            if self._running >= self._limit:
                raise ServiceFailure(grpc.StatusCode.RESOURCE_EXHAUSTED, "too many concurrent calls; retry later")
            self._running += 1
        try:
            yield
        finally:
            with self._changed:
                self._running -= 1
                self._changed.notify_all()

    def close(self, timeout: float) -> bool:
        """Refuse new calls and wait up to `timeout` seconds for the running ones; True when
        none is left. (gRPC's own stop may answer a call that arrives meanwhile CANCELLED
        rather than UNAVAILABLE: refusing here first keeps the answer clear.)"""
        with self._changed:
            self._closed = True
            return self._changed.wait_for(lambda: self._running == 0, timeout)


class RedactorServicer:
    """Implements redactor.v1.Redactor; `add_to_server` registers it."""

    def __init__(
        self,
        pool: WorkerPool,
        policies: dict[str, str],
        default_policy: str,
        limit: ConcurrencyLimit,
        metrics: Metrics,
        cipher: ValueCipher | None = None,
    ):
        self._pool = pool
        self._policies = policies  # the name a client asks for -> what the core loads
        self._default_policy = default_policy
        self._limit = limit
        self._metrics = metrics
        self._cipher = cipher  # None: Decrypt is disabled on this server

    # ------------------------------------------------------------------ RPCs
    def Redact(self, request: pb.RedactRequest, context: grpc.ServicerContext) -> pb.RedactResponse:
        record = CallRecord("Redact", request.note_id)
        return self._answer(record, context, lambda: self._redact(request, _deadline(context), record))

    def Analyze(self, request: pb.AnalyzeRequest, context: grpc.ServicerContext) -> pb.AnalyzeResponse:
        record = CallRecord("Analyze", request.note_id)

        def work() -> pb.AnalyzeResponse:
            text = _text_of(request, record)
            findings = self._execute(AnalyzeJob(text, _deadline(context), _known_of(request)))
            record.found([f.category for f in findings])
            return pb.AnalyzeResponse(findings=[convert.finding_to_wire(f) for f in findings], note_id=request.note_id)

        return self._answer(record, context, work)

    def Check(self, request: pb.CheckRequest, context: grpc.ServicerContext) -> pb.CheckResponse:
        record = CallRecord("Check", request.note_id)

        def work() -> pb.CheckResponse:
            text = _text_of(request, record)
            warnings = self._execute(CheckJob(text, _deadline(context)))
            record.found([w.finding.category for w in warnings])
            return pb.CheckResponse(warnings=[convert.warning_to_wire(w) for w in warnings], note_id=request.note_id)

        return self._answer(record, context, work)

    def RedactStream(self, request_iterator, context: grpc.ServicerContext) -> Iterator[pb.RedactResponse]:
        try:
            with self._limit.slot():
                for request in request_iterator:
                    record = CallRecord("RedactStream", request.note_id)
                    work = partial(self._redact, request, _deadline(context), record)
                    yield self._answer(record, context, work, in_stream=True)
        except ServiceFailure as failure:  # refused before any note
            self._finish(CallRecord("RedactStream", ""), failure.code)
            context.abort(failure.code, failure.message)

    def GetCapabilities(self, request: pb.GetCapabilitiesRequest, context: grpc.ServicerContext) -> pb.GetCapabilitiesResponse:
        info = self._pool.info
        if info is None:
            context.abort(grpc.StatusCode.UNAVAILABLE, "the models are still loading")
        return pb.GetCapabilitiesResponse(
            policies=sorted(self._policies),
            default_policy=self._default_policy,
            categories=list(info.categories),
            versions=info.versions,
            max_chars=info.max_chars,
        )

    def Decrypt(self, request: pb.DecryptRequest, context: grpc.ServicerContext) -> pb.DecryptResponse:
        record = CallRecord("Decrypt", request.note_id)

        def work() -> pb.DecryptResponse:
            if self._cipher is None:
                raise ServiceFailure(grpc.StatusCode.PERMISSION_DENIED, "decryption is not enabled on this server")
            if isinstance(request, UndecodableRequest):
                raise ServiceFailure(grpc.StatusCode.INVALID_ARGUMENT, "the request could not be decoded")
            name = request.policy or self._default_policy
            if name not in self._policies:
                raise ServiceFailure(grpc.StatusCode.INVALID_ARGUMENT, "unknown policy")
            record.policy, record.chars = name, len(request.text)
            try:
                restored = self._cipher.decrypt_text(request.text, load_policy(self._policies[name]).tag_template)
            except RedactorError as error:  # DecryptionError: position only, never text
                raise ServiceFailure(grpc.StatusCode.INVALID_ARGUMENT, str(error)) from None
            return pb.DecryptResponse(text=restored.text, tokens=restored.tokens, note_id=request.note_id)

        return self._answer(record, context, work)

    # ------------------------------------------------------------------ plumbing
    def _redact(self, request: pb.RedactRequest, deadline: float | None, record: CallRecord) -> pb.RedactResponse:
        text = _text_of(request, record)
        name = request.policy or self._default_policy
        if name not in self._policies:
            known = ", ".join(sorted(self._policies))
            raise ServiceFailure(grpc.StatusCode.INVALID_ARGUMENT, f"unknown policy; this server offers: {known}")
        record.policy = name
        known = _known_of(request)
        result = self._execute(RedactJob(text, self._policies[name], request.patient_id or None, deadline, known))
        record.found([applied.finding.category for applied in result.findings])
        return pb.RedactResponse(
            text=result.text,
            findings=[convert.applied_finding_to_wire(applied) for applied in result.findings],
            policy=name,
            note_id=request.note_id,
        )

    def _execute(self, job: Job) -> Any:
        """Run a job in a worker; every failure becomes a status without text (fail closed)."""
        try:
            return self._pool.run(job, job.deadline)
        except (InvalidInputError, UnknownPolicyError, PolicyError) as error:
            raise ServiceFailure(grpc.StatusCode.INVALID_ARGUMENT, str(error)) from None
        except MissingKeyError as error:
            raise ServiceFailure(grpc.StatusCode.FAILED_PRECONDITION, str(error)) from None
        except DeadlineExpired as error:
            raise ServiceFailure(grpc.StatusCode.DEADLINE_EXCEEDED, str(error)) from None
        except DetectionError as error:
            if job.deadline is not None and time.monotonic() >= job.deadline:
                raise ServiceFailure(grpc.StatusCode.DEADLINE_EXCEEDED, str(error)) from None
            raise ServiceFailure(grpc.StatusCode.INTERNAL, f"{error}; nothing returned") from None
        except WorkerUnavailable as error:
            raise ServiceFailure(grpc.StatusCode.UNAVAILABLE, str(error)) from None
        except (WorkerFailed, RedactorError) as error:
            raise ServiceFailure(grpc.StatusCode.INTERNAL, f"{error}; nothing returned") from None

    def _answer(
        self, record: CallRecord, context: grpc.ServicerContext, work: Callable[[], Any], *, in_stream: bool = False
    ) -> Any:
        """Run `work` under the concurrency limit (a stream holds one slot for all its notes),
        then log and count it; abort the call on failure."""
        try:
            if in_stream:
                response = work()
            else:
                with self._limit.slot():
                    response = work()
        except ServiceFailure as failure:
            self._finish(record, failure.code)
            context.abort(failure.code, failure.message)
        except Exception as error:  # a bug here must not reach the client with its message
            log.error("call failed", extra={"fields": {"method": record.method, "error": error.__class__.__name__}})
            self._finish(record, grpc.StatusCode.INTERNAL)
            context.abort(grpc.StatusCode.INTERNAL, "internal error; nothing returned")
        self._finish(record, grpc.StatusCode.OK)
        return response

    def _finish(self, record: CallRecord, code: grpc.StatusCode) -> None:
        seconds = time.perf_counter() - record.started
        self._metrics.observe(record.method, code.name, seconds, record.categories)
        fields = {
            "method": record.method,
            "note_id": record.note_id,
            "code": code.name,
            "ms": round(seconds * 1000, 2),
            "chars": record.chars,
            "policy": record.policy,
            "findings": record.categories,
        }
        log.log(logging.INFO if code == grpc.StatusCode.OK else logging.WARNING, "call", extra={"fields": fields})


def _deadline(context: grpc.ServicerContext) -> float | None:
    """The call's deadline as a time.monotonic() instant, or None."""
    remaining = context.time_remaining()
    if remaining is None or remaining > _NO_DEADLINE_BEYOND_SECONDS:
        return None
    return time.monotonic() + remaining


def _text_of(request: Any, record: CallRecord) -> str:
    """The note from `text` or `text_utf8`; invalid UTF-8 is the caller's error."""
    if isinstance(request, UndecodableRequest):
        raise ServiceFailure(
            grpc.StatusCode.INVALID_ARGUMENT,
            "the request could not be decoded: string fields must be valid UTF-8 (text_utf8 takes raw bytes)",
        )
    if request.WhichOneof("content") == "text_utf8":
        try:
            text = request.text_utf8.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ServiceFailure(
                grpc.StatusCode.INVALID_ARGUMENT, f"text_utf8 is not valid UTF-8 (byte {error.start})"
            ) from None
    else:
        text = request.text
    record.chars = len(text)
    return text


def _known_of(request: pb.RedactRequest | pb.AnalyzeRequest) -> KnownIdentity | None:
    """The request's known identity; a malformed one is the caller's error (fields named, never values)."""
    try:
        return convert.known_from_wire(request)
    except InvalidInputError as error:
        raise ServiceFailure(grpc.StatusCode.INVALID_ARGUMENT, str(error)) from None


def add_to_server(servicer: RedactorServicer, server: grpc.Server) -> None:
    """Register the servicer, with requests decoded leniently (see UndecodableRequest)."""
    handlers = {
        "Redact": grpc.unary_unary_rpc_method_handler(
            servicer.Redact, _lenient(pb.RedactRequest), pb.RedactResponse.SerializeToString
        ),
        "Analyze": grpc.unary_unary_rpc_method_handler(
            servicer.Analyze, _lenient(pb.AnalyzeRequest), pb.AnalyzeResponse.SerializeToString
        ),
        "Check": grpc.unary_unary_rpc_method_handler(
            servicer.Check, _lenient(pb.CheckRequest), pb.CheckResponse.SerializeToString
        ),
        "RedactStream": grpc.stream_stream_rpc_method_handler(
            servicer.RedactStream, _lenient(pb.RedactRequest), pb.RedactResponse.SerializeToString
        ),
        "GetCapabilities": grpc.unary_unary_rpc_method_handler(
            servicer.GetCapabilities, pb.GetCapabilitiesRequest.FromString, pb.GetCapabilitiesResponse.SerializeToString
        ),
        "Decrypt": grpc.unary_unary_rpc_method_handler(
            servicer.Decrypt, _lenient(pb.DecryptRequest), pb.DecryptResponse.SerializeToString
        ),
    }
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE_NAME, handlers),))
