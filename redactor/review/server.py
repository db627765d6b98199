"""The review page's local web server (standard library only; the page ships with the package).

Every API call needs the session token in the `X-Review-Token` header; the page reads it from
the address's `#token=` fragment, which the browser never sends anywhere. The server binds
127.0.0.1 unless told otherwise, and a non-loopback address needs `allow_remote` and a token
chosen by the user. It writes nothing but the session's gold file.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import re
import secrets
import socket
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from redactor.errors import RedactorError
from redactor.findings import ALL_CATEGORIES, Finding, is_special
from redactor.resolve import resolve
from redactor.review.session import ReviewError, ReviewNote, ReviewSession
from redactor.review.summary import Summary, colour, summary_html

if TYPE_CHECKING:
    from redactor.engine import Redactor
    from redactor.policy import Policy

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_FILES = {"/": ("index.html", "text/html"), "/review.js": ("review.js", "text/javascript"),
                "/review.css": ("review.css", "text/css")}  # fmt: skip
MAX_BODY = 8 * 1024 * 1024
_NOTE_PATH = re.compile(r"^/api/notes/(\d+)$")


class BindError(ValueError):
    """An address the review server refuses to listen on as configured."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_binding(host: str, allow_remote: bool, token: str | None) -> str:
    """The token to use: the user's, or a fresh random one on loopback."""
    if not is_loopback(host):
        if not allow_remote:
            raise BindError(f"{host} is not a loopback address: pass --allow-remote to serve other machines")
        if not token or len(token) < 16:
            raise BindError("serving other machines needs a token of 16 characters or more (--token-file or REDACTOR_REVIEW_TOKEN)")
    return token or secrets.token_urlsafe(24)


@dataclass
class ReviewApp:
    session: ReviewSession
    redactor: Redactor
    policy: Policy
    token: str

    def categories(self) -> list[dict]:
        return [{"name": c, "colour": colour(c), "special": is_special(c)} for c in ALL_CATEGORIES]

    def index(self) -> dict:
        notes = [
            {"index": i, "id": n.id, "findings": sum(s.counts_as_gold for s in n.spans), "reviewed": n.reviewed}
            for i, n in enumerate(self.session.notes)
        ]
        return {
            "source": self.session.source,
            "gold": self.session.gold_path.name,
            "policy": self.policy.name,
            "categories": self.categories(),
            "notes": notes,
        }

    def note(self, index: int) -> dict:
        note = self.session.note(index)
        return {
            "index": index,
            "id": note.id,
            "text": note.text,
            "reviewed": note.reviewed,
            "spans": [s.to_dict() for s in note.spans],
            "redacted": self.redacted(note),
        }

    def redacted(self, note: ReviewNote) -> str:
        """The note under the policy, with the reviewer's spans (rejected ones left out)."""
        kept = [Finding(s.start, s.end, s.category, s.score, s.detector) for s in note.spans if s.counts_as_gold]
        return self.redactor.apply(note.text, resolve(kept, note.text), self.policy).text

    def summary(self) -> str:
        summary = Summary()
        for note in self.session.notes:
            summary.add(note.text, [(s.start, s.end, s.category) for s in note.spans if s.counts_as_gold])
        reviewed = sum(n.reviewed for n in self.session.notes)
        subtitle = f"{self.session.source}: {reviewed} of {len(self.session.notes)} notes reviewed; rejected findings left out"
        return summary_html(summary, "Summary of the redacted findings", subtitle)


def _handler(app: ReviewApp) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "redactor-review"

        def log_message(self, format: str, *args) -> None:
            """Silent: nothing about the notes goes to the terminal."""

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/favicon.ico":
                return self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
            if path in STATIC_FILES:
                name, kind = STATIC_FILES[path]
                return self._send(HTTPStatus.OK, (STATIC_DIR / name).read_bytes(), f"{kind}; charset=utf-8")
            if not self._authorized():
                return
            if path == "/api/notes":
                return self._json(app.index())
            if path == "/api/summary":
                return self._send(HTTPStatus.OK, app.summary().encode(), "text/html; charset=utf-8")
            if match := _NOTE_PATH.match(path):
                return self._answer(lambda: app.note(int(match.group(1))))
            self._error(HTTPStatus.NOT_FOUND, "not found")

        def do_PUT(self) -> None:
            match = _NOTE_PATH.match(self.path)
            if not self._authorized():
                return
            if match is None:
                return self._error(HTTPStatus.NOT_FOUND, "not found")
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request too large")
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
                spans, reviewed = body["spans"], body.get("reviewed", False)
                if not isinstance(spans, list):
                    raise ValueError
            except (ValueError, KeyError, TypeError):
                return self._error(HTTPStatus.BAD_REQUEST, "expected {spans: [...], reviewed: bool}")
            index = int(match.group(1))

            def update() -> dict:
                app.session.update(index, spans, reviewed)
                return app.note(index)

            self._answer(update)

        def _answer(self, produce) -> None:
            try:
                self._json(produce())
            except ReviewError as error:
                self._error(HTTPStatus.BAD_REQUEST, str(error))
            except (RedactorError, OSError) as error:  # e.g. the gold file cannot be written
                self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(error).__name__}: {error}")

        def _authorized(self) -> bool:
            given = (self.headers.get("X-Review-Token") or "").encode()
            if hmac.compare_digest(given, app.token.encode()):
                return True
            self._error(HTTPStatus.UNAUTHORIZED, "missing or wrong review token (open the address printed at start)")
            return False

        def _json(self, data: object) -> None:
            self._send(HTTPStatus.OK, json.dumps(data, ensure_ascii=False).encode(), "application/json")

        def _error(self, status: HTTPStatus, message: str) -> None:
            self._send(status, json.dumps({"error": message}).encode(), "application/json")

        def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header(
                "Content-Security-Policy",
                "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self' data:; connect-src 'self'",
            )
            self.end_headers()
            self.wfile.write(body)

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True


class _Server6(_Server):
    address_family = socket.AF_INET6


def make_server(app: ReviewApp, host: str, port: int) -> ThreadingHTTPServer:
    """A server bound to host:port (port 0: any free port), not yet serving."""
    server_class = _Server6 if ":" in host else _Server
    return server_class((host, port), _handler(app))
