"""Structured JSON logs and Prometheus metrics. Both carry ids, counts, categories and timings,
never note text: a log call passes its data as `extra={"fields": {...}}` of known-safe values."""

from __future__ import annotations

import json
import logging
import sys
import time
from collections import Counter

from prometheus_client import CollectorRegistry, Gauge, Histogram, start_http_server
from prometheus_client import Counter as PromCounter

# Libraries that may log what they are given (Presidio logs analysed text at debug level): they
# stay at WARNING whatever level the service runs at.
_QUIET_LIBRARIES = ("presidio-analyzer", "presidio-anonymizer", "spacy", "grpc", "urllib3", "faker")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, event and the record's `fields`."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info and record.exc_info[0] is not None:
            # The class only: an exception message may quote the text that caused it.
            entry["exception"] = record.exc_info[0].__name__
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(level: str) -> None:
    """JSON lines on stderr for the `redactor` loggers at `level`; libraries at WARNING."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    logging.getLogger("redactor").setLevel(level.upper())
    for name in _QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)


def category_counts(categories: list[str]) -> dict[str, int]:
    return dict(sorted(Counter(categories).items()))


class Metrics:
    """The service's Prometheus metrics, in a registry of their own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = PromCounter(
            "redactor_requests_total",
            "Notes handled (a stream counts each of its notes), by method and status code.",
            ["method", "code"],
            registry=self.registry,
        )
        self.errors = PromCounter(
            "redactor_errors_total",
            "Notes answered with an error status, by method and status code.",
            ["method", "code"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "redactor_request_duration_seconds",
            "Time to answer one note, by method.",
            ["method"],
            buckets=(0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
            registry=self.registry,
        )
        self.findings = PromCounter(
            "redactor_findings_total", "Findings reported, by category.", ["category"], registry=self.registry
        )
        self.in_flight = Gauge("redactor_calls_in_flight", "Calls being served now.", registry=self.registry)
        self.workers = Gauge("redactor_workers_ready", "Worker processes ready to serve.", registry=self.registry)

    def observe(self, method: str, code: str, seconds: float, categories: dict[str, int]) -> None:
        self.requests.labels(method, code).inc()
        if code != "OK":
            self.errors.labels(method, code).inc()
        self.latency.labels(method).observe(seconds)
        for category, count in categories.items():
            self.findings.labels(category).inc(count)

    def serve_http(self, address: str) -> int:
        """Expose /metrics on `address` (host:port, port 0 for any); returns the bound port."""
        host, _, port = address.rpartition(":")
        server, _thread = start_http_server(int(port), addr=host.strip("[]") or "0.0.0.0", registry=self.registry)
        return server.server_port
