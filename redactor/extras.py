"""Optional dependencies: the extra that brings each, and a clear error when one is missing.

The core, the `redactor` command and the gRPC service need none of them. `redactor batch` on CSV
needs pandas and on Parquet pyarrow (`pip install 'redactor[batch]'`); `redactor spark` needs
pyspark, pyarrow and pandas (`pip install 'redactor[spark]'`)."""

from __future__ import annotations

from importlib import import_module

from redactor.errors import RedactorError


class MissingExtraError(RedactorError):
    """A command needs a package of an extra that is not installed."""


def require(module: str, extra: str, purpose: str) -> None:
    """Import `module`, or raise MissingExtraError naming the extra to install for `purpose`."""
    try:
        import_module(module)
    except ImportError as error:
        install = f"pip install 'redactor[{extra}]'"
        if (error.name or "").partition(".")[0] == module.partition(".")[0]:
            raise MissingExtraError(f"{purpose} needs {module}, which is not installed: {install}") from None
        raise MissingExtraError(
            f"{purpose} needs {module}, which is installed but does not import (missing {error.name}): {install}"
        ) from None
