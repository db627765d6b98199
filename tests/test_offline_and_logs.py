"""Run-time guarantees: no network access, and no note text in any log record."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap

MARKER = "ZORGLUBMARKER"


def test_nothing_touches_the_network():
    script = textwrap.dedent(
        """
        import socket
        attempts = []
        def deny(*args, **kwargs):
            attempts.append(args[:1])
            raise OSError("network disabled by the test")
        socket.socket.connect = deny
        socket.socket.connect_ex = deny
        socket.create_connection = deny
        socket.getaddrinfo = deny
        from redactor import Redactor
        redactor = Redactor(key=b"k")
        for policy in ("export", "storage", "research"):
            redactor.redact("Vu M. Paul DURAND le 02/04/2024, paul.durand@exemple.fr, www.exemple.fr", policy)
        print("attempts", len(attempts))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("attempts 0")


def test_no_note_text_in_logs(redactor, caplog):
    note = (
        f"Mme {MARKER} Sylvie, née le 12/03/1961, tél 06 12 34 56 78, {MARKER.lower()}@exemple.fr. "
        f"Porteuse du VIH. {MARKER}"
    )
    with caplog.at_level(logging.DEBUG):
        for policy in ("export", "storage", "research"):
            redactor.redact(note, policy)
        list(redactor.analyze_many([note, note]))
        try:
            redactor.redact(note * 10_000, "export")
        except Exception as error:  # oversize: the error message must not carry the text either
            assert MARKER not in str(error)
    for record in caplog.records:
        message = record.getMessage()
        assert MARKER not in message and MARKER.lower() not in message
        assert "06 12 34 56 78" not in message
