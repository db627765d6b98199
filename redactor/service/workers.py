"""A pool of worker processes, each holding one Redactor (models loaded once per process).

spaCy is CPU-bound and holds the GIL, so the gRPC front (one process: network, auth, limits,
health, metrics) hands each note to an idle worker process over a pipe. Every call runs inside
`Redactor.transient_words()`, which frees the strings and lexemes the note added to spaCy's
vocabularies, so a worker's memory stays flat however many notes it sees.

A worker that dies fails the call it was serving (fail closed) and is replaced; a call whose
deadline passes is answered at once, and the worker is taken back when it has finished. A
worker still busy with one note after `time_limit` seconds (a detector stuck on it) is killed
and replaced, and the call fails with no text.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, Callable, Union

from redactor.errors import RedactorError

if TYPE_CHECKING:
    from redactor.engine import Redactor
    from redactor.known import KnownIdentity

log = logging.getLogger("redactor.service.workers")


class WorkerUnavailable(RedactorError):
    """No worker could take the call (models loading, or shutting down)."""


class WorkerFailed(RedactorError):
    """The worker serving the call died or raised something unexpected: nothing is returned."""


class WorkerTimedOut(WorkerFailed):
    """A note took longer than the server's time limit: its worker was killed, nothing is returned."""


class DeadlineExpired(RedactorError):
    """The call's deadline passed before its answer was ready."""


class StartupError(RedactorError):
    """A worker could not load its models or detector plugins."""


@dataclass(frozen=True)
class WorkerSettings:
    """What each worker process builds its Redactor from."""

    max_chars: int | None  # None: the core's default
    policies: tuple[str, ...]  # loaded at start-up, so a bad policy file fails early
    detector_plugins: tuple[str, ...] = ()
    log_level: str = "info"


@dataclass(frozen=True)
class RedactJob:
    text: str
    policy: str
    patient_id: str | None
    deadline: float | None  # a time.monotonic() instant, shared by every process on the host
    known: KnownIdentity | None = None

    def run(self, redactor: Redactor) -> Any:
        return redactor.redact(
            self.text, self.policy, patient_id=self.patient_id, deadline=self.deadline, known=self.known
        )


@dataclass(frozen=True)
class AnalyzeJob:
    text: str
    deadline: float | None
    known: KnownIdentity | None = None

    def run(self, redactor: Redactor) -> Any:
        return redactor.analyze(self.text, deadline=self.deadline, known=self.known)


@dataclass(frozen=True)
class CheckJob:
    text: str
    deadline: float | None

    def run(self, redactor: Redactor) -> Any:
        return redactor.check(self.text)  # vocabulary detectors only: milliseconds, no deadline needed


Job = Union[RedactJob, AnalyzeJob, CheckJob]


@dataclass(frozen=True)
class WorkerInfo:
    """What a worker reports once its models are loaded."""

    pid: int
    versions: dict[str, str]
    categories: tuple[str, ...]
    max_chars: int
    load_seconds: float


def _worker_main(connection: Connection, settings: WorkerSettings) -> None:
    """Worker process: load once, then answer jobs until the pipe closes."""
    # The front decides when to stop: a Ctrl-C or SIGTERM sent to the process group must not
    # kill calls that are being finished during a graceful shutdown.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # One BLAS thread per worker: the pool already uses every core.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    from redactor.service.observability import configure_logging

    configure_logging(settings.log_level)
    started = time.monotonic()
    try:
        from redactor.engine import Redactor, freeze_loaded_objects
        from redactor.plugins import load_detector_plugins

        limits = {} if settings.max_chars is None else {"max_chars": settings.max_chars}
        redactor = Redactor(extra_detectors=load_detector_plugins(settings.detector_plugins), **limits)
        for policy in settings.policies:
            redactor.policy(policy)
        freeze_loaded_objects()
    except RedactorError as error:
        connection.send(StartupError(str(error)))
        return
    except Exception as error:  # a plugin's own failure: report its class, not its message
        connection.send(StartupError(f"worker start-up failed ({error.__class__.__name__})"))
        return
    categories = tuple(sorted({c for detector in redactor.detectors for c in detector.supported_entities}))
    connection.send(
        WorkerInfo(
            os.getpid(),
            redactor.versions,
            categories,
            redactor.max_chars,
            time.monotonic() - started,
        )
    )
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        connection.send(_run(redactor, job))


def _run(redactor: Redactor, job: Job) -> Any:
    """The job's result, or the error to raise in the front (never with note text)."""
    if job.deadline is not None and time.monotonic() >= job.deadline:
        return DeadlineExpired("deadline passed before the note was processed")
    started = time.perf_counter()
    try:
        with redactor.transient_words():
            result = job.run(redactor)
    except RedactorError as error:
        log.debug("job refused", extra={"fields": {"job": type(job).__name__, "error": error.__class__.__name__}})
        return error
    except Exception as error:
        log.error("job failed", extra={"fields": {"job": type(job).__name__, "error": error.__class__.__name__}})
        return WorkerFailed(f"internal error ({error.__class__.__name__})")
    log.debug(
        "job done",
        extra={"fields": {"job": type(job).__name__, "chars": len(job.text), "ms": round((time.perf_counter() - started) * 1000, 2)}},
    )
    return result


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    info: WorkerInfo | None = None


class WorkerPool:
    """`size` worker processes; `run` hands a job to an idle one and waits for its answer."""

    def __init__(
        self,
        settings: WorkerSettings,
        size: int,
        time_limit: float,
        on_change: Callable[[int], None] = lambda ready: None,
    ):
        self.settings = settings
        self.size = size
        self.time_limit = time_limit  # seconds one job may take in a worker before it is killed
        self.on_change = on_change  # told how many workers are ready whenever that changes
        self.info: WorkerInfo | None = None
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._live: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    @property
    def ready(self) -> bool:
        return self.info is not None and not self._closed

    def start(self) -> WorkerInfo:
        """Start every worker and wait until each has loaded its models."""
        workers = [self._spawn() for _ in range(self.size)]
        for worker in workers:
            self._await_ready(worker)
        self.info = workers[0].info
        self.on_change(len(workers))
        return self.info

    def _spawn(self) -> _Worker:
        context = multiprocessing.get_context("spawn")
        front_end, worker_end = context.Pipe()
        process = context.Process(target=_worker_main, args=(worker_end, self.settings), name="redactor-worker", daemon=True)
        process.start()
        worker_end.close()
        return _Worker(process, front_end)

    def _await_ready(self, worker: _Worker) -> None:
        try:
            message = worker.connection.recv()
        except EOFError:
            message = StartupError(f"worker exited during start-up (exit code {worker.process.exitcode})")
        if isinstance(message, StartupError):
            worker.process.join(timeout=5)
            raise message
        worker.info = message
        log.info("worker ready", extra={"fields": {"pid": message.pid, "load_seconds": round(message.load_seconds, 2)}})
        with self._lock:
            if self._closed:
                worker.connection.close()
                return
            self._live.add(worker)
        self._idle.put(worker)

    def run(self, job: Job, deadline: float | None) -> Any:
        """The job's result; raises the core's error, DeadlineExpired, WorkerFailed or WorkerUnavailable."""
        if not self.ready:
            raise WorkerUnavailable("the models are still loading")
        worker = self._acquire(deadline)
        try:
            worker.connection.send(job)
            killed_at = time.monotonic() + self.time_limit
            caller_first = deadline is not None and deadline < killed_at
            if not worker.connection.poll(max(0.0, (deadline if caller_first else killed_at) - time.monotonic())):
                if caller_first:
                    threading.Thread(target=self._reclaim, args=(worker, killed_at), daemon=True).start()
                    raise DeadlineExpired("deadline passed while the note was processed")
                self._kill(worker)
                raise WorkerTimedOut(f"the note took longer than the server's limit of {self.time_limit:g} s")
            reply = worker.connection.recv()
        except (EOFError, OSError):
            self._replace(worker)
            raise WorkerFailed("the worker serving this call stopped") from None
        self._idle.put(worker)
        if isinstance(reply, BaseException):
            raise reply
        return reply

    def _acquire(self, deadline: float | None) -> _Worker:
        try:
            if deadline is None:
                return self._idle.get()
            return self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise DeadlineExpired("deadline passed while waiting for a worker") from None

    def _reclaim(self, worker: _Worker, killed_at: float) -> None:
        """Take back a worker whose caller gave up, once its late answer arrives, or kill it at
        `killed_at` if it is still busy."""
        try:
            if not worker.connection.poll(max(0.0, killed_at - time.monotonic())):
                self._kill(worker)
                return
            worker.connection.recv()
        except (EOFError, OSError):
            self._replace(worker)
            return
        self._idle.put(worker)

    def _kill(self, worker: _Worker) -> None:
        """A worker stuck on a note: kill it and start another."""
        log.error("worker over the time limit", extra={"fields": {"pid": worker.process.pid, "limit_s": self.time_limit}})
        worker.process.kill()
        self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        """A worker died: forget it and start another in the background."""
        with self._lock:
            self._live.discard(worker)
            ready = len(self._live)
            closed = self._closed
        worker.connection.close()
        worker.process.join(timeout=5)
        log.error("worker stopped", extra={"fields": {"pid": worker.process.pid, "exit_code": worker.process.exitcode}})
        self.on_change(ready)
        if not closed:
            threading.Thread(target=self._restart, daemon=True).start()

    def _restart(self) -> None:
        try:
            self._await_ready(self._spawn())
        except StartupError as error:
            log.error("worker restart failed", extra={"fields": {"error": str(error)}})
            return
        with self._lock:
            ready = len(self._live)
        self.on_change(ready)

    def close(self) -> None:
        """Stop every worker: their pipes close, they exit; stragglers are terminated."""
        with self._lock:
            self._closed = True
            workers = list(self._live)
            self._live.clear()
        for worker in workers:
            worker.connection.close()
        for worker in workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(timeout=5)
        self.on_change(0)
