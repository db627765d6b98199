"""`python -m redactor.service.healthcheck`: exit 0 when the server reports SERVING, else 1.

For the container HEALTHCHECK and other probes. The address defaults to REDACTOR_LISTEN (a
wildcard host is probed on loopback). A TLS server is probed when REDACTOR_HEALTHCHECK_CA names
the CA to trust; under mutual TLS, REDACTOR_HEALTHCHECK_CERT / _KEY are the client certificate.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

_WILDCARDS = {"0.0.0.0": "127.0.0.1", "[::]": "[::1]", "": "127.0.0.1"}


def probe_address(listen: str) -> str:
    """Where to reach a server told to listen on `listen`."""
    if listen.startswith("unix:"):
        return listen
    host, _, port = listen.rpartition(":")
    return f"{_WILDCARDS.get(host, host)}:{port}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--address", default=os.environ.get("REDACTOR_LISTEN", "127.0.0.1:50051"))
    parser.add_argument("--ca", type=Path, default=os.environ.get("REDACTOR_HEALTHCHECK_CA") or None)
    parser.add_argument("--cert", type=Path, default=os.environ.get("REDACTOR_HEALTHCHECK_CERT") or None)
    parser.add_argument("--key", type=Path, default=os.environ.get("REDACTOR_HEALTHCHECK_KEY") or None)
    parser.add_argument("--server-name", default=os.environ.get("REDACTOR_HEALTHCHECK_SERVER_NAME") or None)
    parser.add_argument("--timeout", type=float, default=4.0)
    args = parser.parse_args(argv)

    from redactor.client import ClientTls, RedactorClient, ServiceError

    tls = None
    if args.ca is not None:
        tls = ClientTls(ca=args.ca, cert=args.cert, key=args.key, server_name=args.server_name)
    try:
        with RedactorClient(probe_address(args.address), tls=tls) as client:
            status = client.health(timeout=args.timeout)
    except ServiceError as error:
        print(f"unhealthy: {error.code.name}", file=sys.stderr)
        return 1
    print(status)
    return 0 if status == "SERVING" else 1


if __name__ == "__main__":
    sys.exit(main())
