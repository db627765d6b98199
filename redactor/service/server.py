"""Server start-up and shutdown: listen, load the workers, report health, stop gracefully.

Life of a server: it listens at once with health NOT_SERVING while the worker processes load
their models, turns SERVING when every worker is ready, and on SIGTERM (or SIGINT) turns
NOT_SERVING, refuses new calls, lets running calls finish for up to `grace_seconds`, then stops
the workers.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from redactor.errors import RedactorError
from redactor.policy import builtin_policy_names, load_policy
from redactor.reversible import ValueCipher
from redactor.service.auth import ConfigurationError, TlsFiles, TokenInterceptor
from redactor.service.observability import Metrics, configure_logging
from redactor.service.servicer import (
    SERVICE_NAME,
    ConcurrencyLimit,
    RedactorServicer,
    add_to_server,
)
from redactor.service.workers import StartupError, WorkerPool, WorkerSettings

log = logging.getLogger("redactor.service")


@dataclass(frozen=True)
class ServiceConfig:
    """Everything `redactor serve` can be told, by flag or environment variable."""

    listen: str = "127.0.0.1:50051"  # host:port, or unix:/path/to.sock
    workers: int = field(default_factory=lambda: len(os.sched_getaffinity(0)))  # the cores we may use
    max_chars: int | None = None  # None: the core's default
    max_concurrent: int = 64
    default_policy: str = "export"
    policy_files: tuple[Path, ...] = ()
    token: str | None = None
    decrypt_token: str | None = None  # enables Decrypt, behind this token; needs the encryption key
    tls: TlsFiles | None = None
    detector_plugins: tuple[str, ...] = ()
    metrics_listen: str | None = None  # host:port of the Prometheus /metrics endpoint
    grace_seconds: float = 10.0
    max_seconds: float = 30.0  # one note's processing time in a worker before it is killed
    log_level: str = "info"


def offered_policies(config: ServiceConfig) -> dict[str, str]:
    """Policy name a client may ask for -> what the core loads (a built-in name or a file path)."""
    policies = {name: name for name in builtin_policy_names()}
    for path in config.policy_files:
        try:
            policies[load_policy(str(path)).name] = str(path)
        except RedactorError as error:
            raise ConfigurationError(str(error)) from None
    if config.default_policy not in policies:
        raise ConfigurationError(f"default policy {config.default_policy!r} is not among {', '.join(sorted(policies))}")
    return policies


def _decryption(config: ServiceConfig) -> ValueCipher | None:
    """The cipher behind Decrypt, when the server was given a decrypt token (and then the key)."""
    if config.decrypt_token is None:
        return None
    try:
        return ValueCipher.from_environment()
    except RedactorError as error:
        raise ConfigurationError(f"a decrypt token was given but no usable encryption key: {error}") from None


def _message_limit(max_chars: int | None) -> int:
    """Bytes a message may take: the longest note in UTF-8 (4 bytes a character at most) and room."""
    return max(4 * 1024 * 1024, 4 * (max_chars or 0) + 64 * 1024)


class RedactorServer:
    """The gRPC server and its worker pool; `run` serves until SIGTERM/SIGINT."""

    def __init__(self, config: ServiceConfig):
        self.config = config
        self.metrics = Metrics()
        self.policies = offered_policies(config)
        self.health = health.HealthServicer(experimental_non_blocking=True)
        self.pool = WorkerPool(
            WorkerSettings(
                max_chars=config.max_chars,
                policies=tuple(self.policies.values()),
                detector_plugins=config.detector_plugins,
                log_level=config.log_level,
            ),
            size=config.workers,
            on_change=self._workers_changed,
            time_limit=config.max_seconds,
        )
        self._stop = threading.Event()
        self._exit_code = 0
        limit = _message_limit(config.max_chars)
        decrypt_method = f"/{SERVICE_NAME}/Decrypt"
        method_tokens = {decrypt_method: config.decrypt_token} if config.decrypt_token else {}
        self.server = grpc.server(
            ThreadPoolExecutor(max_workers=config.max_concurrent + 8, thread_name_prefix="grpc"),
            interceptors=[TokenInterceptor(config.token, method_tokens)] if config.token or method_tokens else [],
            options=[("grpc.max_receive_message_length", limit), ("grpc.max_send_message_length", limit)],
        )
        self.limit = ConcurrencyLimit(config.max_concurrent)
        servicer = RedactorServicer(
            self.pool, self.policies, config.default_policy, self.limit, self.metrics, _decryption(config)
        )
        add_to_server(servicer, self.server)
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.server)
        reflection.enable_server_reflection(
            (SERVICE_NAME, health.SERVICE_NAME, reflection.SERVICE_NAME), self.server
        )
        self._set_health(health_pb2.HealthCheckResponse.NOT_SERVING)

    def _workers_changed(self, ready: int) -> None:
        """Count ready workers: SERVING once loaded, NOT_SERVING while none is left (all crashed
        and restarting)."""
        self.metrics.workers.set(ready)
        if self.pool.info is not None and not self._stop.is_set():
            serving = health_pb2.HealthCheckResponse.SERVING
            self._set_health(serving if ready else health_pb2.HealthCheckResponse.NOT_SERVING)

    def _set_health(self, status: int) -> None:
        for service in ("", SERVICE_NAME):
            self.health.set(service, status)

    def bind(self) -> str:
        """Listen on the configured address; returns it with the real port when 0 was asked."""
        address = self.config.listen
        try:
            if self.config.tls is not None:
                port = self.server.add_secure_port(address, self.config.tls.credentials())
            else:
                port = self.server.add_insecure_port(address)
        except RuntimeError:
            port = 0
        if port == 0:
            raise ConfigurationError(f"cannot listen on {address}")
        if address.startswith("unix:"):
            return address
        return f"{address.rpartition(':')[0]}:{port}"

    def run(self) -> int:
        """Serve until asked to stop; returns the process exit code."""
        address = self.bind()
        metrics_port = self.metrics.serve_http(self.config.metrics_listen) if self.config.metrics_listen else None
        self.server.start()
        log.info(
            "listening",
            extra={
                "fields": {
                    "address": address,
                    "tls": self.config.tls is not None,
                    "mutual_tls": bool(self.config.tls and self.config.tls.client_ca),
                    "token_auth": self.config.token is not None,
                    "decrypt_enabled": self.config.decrypt_token is not None,
                    "metrics_port": metrics_port,
                    "workers": self.config.workers,
                    "pid": os.getpid(),
                }
            },
        )
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda number, frame: self._stop.set())
        threading.Thread(target=self._load_workers, name="worker-loader", daemon=True).start()
        while not self._stop.wait(0.5):
            pass
        self._shutdown()
        return self._exit_code

    def _load_workers(self) -> None:
        try:
            info = self.pool.start()
        except StartupError as error:
            log.error("workers failed to start", extra={"fields": {"error": str(error)}})
            self._exit_code = 1
            self._stop.set()
            return
        log.info("serving", extra={"fields": {"workers": self.config.workers, "versions": info.versions}})

    def _shutdown(self) -> None:
        log.info("shutting down", extra={"fields": {"grace_seconds": self.config.grace_seconds}})
        give_up = time.monotonic() + self.config.grace_seconds
        self.health.enter_graceful_shutdown()
        self.limit.close(self.config.grace_seconds)  # new calls: UNAVAILABLE; running ones finish
        self.server.stop(max(0.0, give_up - time.monotonic())).wait()
        self.pool.close()
        log.info("stopped")


def serve(config: ServiceConfig) -> int:
    configure_logging(config.log_level)
    try:
        return RedactorServer(config).run()
    except (ConfigurationError, OSError) as error:  # bad settings, unreadable files, port taken
        log.error("cannot start", extra={"fields": {"error": str(error)}})
        return 2
