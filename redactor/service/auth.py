"""Bearer-token authentication and TLS / mutual-TLS credentials, from files or the environment."""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import grpc

from redactor.errors import ConfigurationError

# Health checks stay open: orchestrators and the container HEALTHCHECK probe without a token.
_OPEN_PREFIXES = ("/grpc.health.v1.Health/",)


def read_token(token_file: Path | None) -> str | None:
    """The bearer token from `token_file`, else REDACTOR_TOKEN; None when neither is set."""
    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ConfigurationError(f"cannot read the token file {token_file} ({error.strerror})") from None
        if not token:
            raise ConfigurationError(f"the token file {token_file} is empty")
        return token
    return os.environ.get("REDACTOR_TOKEN") or None


def read_decrypt_token(token_file: Path | None) -> str | None:
    """The Decrypt method's own token from `token_file`, else REDACTOR_DECRYPT_TOKEN."""
    if token_file is not None:
        return read_token(token_file)
    return os.environ.get("REDACTOR_DECRYPT_TOKEN") or None


class TokenInterceptor(grpc.ServerInterceptor):
    """Refuses with UNAUTHENTICATED any call (but health checks) without `authorization: Bearer <token>`.

    `method_tokens` give some methods (full names, e.g. "/redactor.v1.Redactor/Decrypt") their
    own token instead of `token`; a method with no token at all is open.
    """

    def __init__(self, token: str | None, method_tokens: dict[str, str] | None = None):
        self._expected = None if token is None else f"Bearer {token}".encode()
        self._per_method = {method: f"Bearer {t}".encode() for method, t in (method_tokens or {}).items()}

    def intercept_service(self, continuation: Callable, details: grpc.HandlerCallDetails):
        expected = self._per_method.get(details.method, self._expected)
        if (
            expected is None
            or details.method.startswith(_OPEN_PREFIXES)
            or self._authorized(details.invocation_metadata, expected)
        ):
            return continuation(details)
        handler = continuation(details)
        return None if handler is None else _refusing(handler)

    @staticmethod
    def _authorized(metadata, expected: bytes) -> bool:
        for key, value in metadata or ():
            if key == "authorization":
                given = value.encode() if isinstance(value, str) else value
                return hmac.compare_digest(given, expected)
        return False


def _refusing(handler: grpc.RpcMethodHandler) -> grpc.RpcMethodHandler:
    """A handler of the same shape as `handler` that answers UNAUTHENTICATED."""

    def refuse(_request, context: grpc.ServicerContext):
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing or invalid bearer token")

    kinds = {
        (False, False): grpc.unary_unary_rpc_method_handler,
        (False, True): grpc.unary_stream_rpc_method_handler,
        (True, False): grpc.stream_unary_rpc_method_handler,
        (True, True): grpc.stream_stream_rpc_method_handler,
    }
    make = kinds[(handler.request_streaming, handler.response_streaming)]
    return make(refuse, request_deserializer=handler.request_deserializer, response_serializer=handler.response_serializer)


@dataclass(frozen=True)
class TlsFiles:
    """Server certificate and key; with `client_ca`, clients must present a certificate it signed."""

    cert: Path
    key: Path
    client_ca: Path | None = None

    def credentials(self) -> grpc.ServerCredentials:
        def read(path: Path) -> bytes:
            try:
                return path.read_bytes()
            except OSError as error:
                raise ConfigurationError(f"cannot read {path} ({error.strerror})") from None

        return grpc.ssl_server_credentials(
            [(read(self.key), read(self.cert))],
            root_certificates=read(self.client_ca) if self.client_ca else None,
            require_client_auth=self.client_ca is not None,
        )
