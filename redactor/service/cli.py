"""`redactor serve`: every setting by flag or by environment variable (for containers)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer


def serve(
    listen: str = typer.Option(
        "127.0.0.1:50051", "--listen", envvar="REDACTOR_LISTEN", help="host:port (port 0: any free port) or unix:/path."
    ),
    workers: int = typer.Option(
        0, "--workers", envvar="REDACTOR_WORKERS", min=0, help="Worker processes (0: one per usable core)."
    ),
    max_chars: Optional[int] = typer.Option(
        None, "--max-chars", envvar="REDACTOR_MAX_CHARS", min=1, help="Longest note accepted (default: the engine's)."
    ),
    max_concurrent: int = typer.Option(
        64, "--max-concurrent", envvar="REDACTOR_MAX_CONCURRENT", min=1, help="Calls served at once; more are refused."
    ),
    default_policy: str = typer.Option(
        "export", "--default-policy", envvar="REDACTOR_DEFAULT_POLICY", help="Policy of requests that name none."
    ),
    policy_file: List[Path] = typer.Option(
        [], "--policy-file", envvar="REDACTOR_POLICY_FILES", help="Extra policy YAML offered by its name (repeatable)."
    ),
    token_file: Optional[Path] = typer.Option(
        None,
        "--token-file",
        envvar="REDACTOR_TOKEN_FILE",
        help="Require `authorization: Bearer <token>` with the token in this file (or set REDACTOR_TOKEN).",
    ),
    decrypt_token_file: Optional[Path] = typer.Option(
        None,
        "--decrypt-token-file",
        envvar="REDACTOR_DECRYPT_TOKEN_FILE",
        help="Enable Decrypt behind its own bearer token, read from this file (or set REDACTOR_DECRYPT_TOKEN); "
        "needs REDACTOR_ENCRYPTION_KEY or REDACTOR_ENCRYPTION_KEY_FILE.",
    ),
    tls_cert: Optional[Path] = typer.Option(None, "--tls-cert", envvar="REDACTOR_TLS_CERT", help="Server certificate (PEM)."),
    tls_key: Optional[Path] = typer.Option(None, "--tls-key", envvar="REDACTOR_TLS_KEY", help="Server private key (PEM)."),
    tls_client_ca: Optional[Path] = typer.Option(
        None, "--tls-client-ca", envvar="REDACTOR_TLS_CLIENT_CA", help="Require client certificates signed by this CA."
    ),
    detector_plugin: List[str] = typer.Option(
        [],
        "--detector-plugin",
        envvar="REDACTOR_DETECTOR_PLUGINS",
        help="Extra site detectors, module:factory (repeatable); the factory returns a Detector or a list.",
    ),
    site_lexicons: Optional[Path] = typer.Option(
        None,
        "--site-lexicons",
        envvar="REDACTOR_SITE_DIR",
        help="Directory of the site's facility, service and staff names and allow-list (checked at start-up).",
    ),
    metrics_listen: Optional[str] = typer.Option(
        None, "--metrics-listen", envvar="REDACTOR_METRICS_LISTEN", help="host:port for Prometheus /metrics."
    ),
    grace_seconds: float = typer.Option(
        10.0, "--grace-seconds", envvar="REDACTOR_GRACE_SECONDS", min=0, help="On SIGTERM, time left to running calls."
    ),
    max_seconds: float = typer.Option(
        30.0,
        "--max-seconds",
        envvar="REDACTOR_MAX_SECONDS",
        min=0.1,
        help="One note's processing time before its worker is killed and the call fails (INTERNAL, no text).",
    ),
    log_level: str = typer.Option("info", "--log-level", envvar="REDACTOR_LOG_LEVEL", help="debug, info, warning, error."),
) -> None:
    """Serve the gRPC API (redactor.v1.Redactor, health, reflection) until SIGTERM.

    The pseudonymisation key comes from REDACTOR_KEY or REDACTOR_KEY_FILE, as for every command.
    """
    from redactor.recognizers.registry import learned_from_environment
    from redactor.service.auth import ConfigurationError, TlsFiles, read_decrypt_token, read_token
    from redactor.service.server import ServiceConfig
    from redactor.service.server import serve as run_server

    if (tls_cert is None) != (tls_key is None):
        raise typer.BadParameter("--tls-cert and --tls-key go together")
    if tls_client_ca is not None and tls_cert is None:
        raise typer.BadParameter("--tls-client-ca needs --tls-cert and --tls-key")
    if log_level.lower() not in ("debug", "info", "warning", "error"):
        raise typer.BadParameter("--log-level is one of debug, info, warning, error")
    if site_lexicons is not None:
        _use_site_lexicons(site_lexicons)
    try:
        learned_from_environment()  # the workers read it: a wrong name stops here, not in them
        token = read_token(token_file)
        decrypt_token = read_decrypt_token(decrypt_token_file)
    except ConfigurationError as error:
        raise typer.BadParameter(str(error)) from None
    config = ServiceConfig(
        listen=listen,
        max_chars=max_chars,
        max_concurrent=max_concurrent,
        default_policy=default_policy,
        policy_files=tuple(policy_file),
        token=token,
        decrypt_token=decrypt_token,
        tls=TlsFiles(tls_cert, tls_key, tls_client_ca) if tls_cert is not None and tls_key is not None else None,
        detector_plugins=tuple(detector_plugin),
        metrics_listen=metrics_listen,
        grace_seconds=grace_seconds,
        max_seconds=max_seconds,
        log_level=log_level.lower(),
        **({"workers": workers} if workers else {}),
    )
    raise typer.Exit(run_server(config))


def _use_site_lexicons(directory: Path) -> None:
    """Check the directory now, then hand it to the worker processes through their environment."""
    import os

    from redactor.errors import RedactorError
    from redactor.recognizers.vouched.site import SITE_DIR_VARIABLE, load_site_lexicons

    try:
        load_site_lexicons(directory)
    except RedactorError as error:
        raise typer.BadParameter(str(error)) from None
    os.environ[SITE_DIR_VARIABLE] = str(directory.resolve())


def register(app: typer.Typer) -> None:
    """Add `serve` to the `redactor` command."""
    app.command(name="serve")(serve)
