"""One Redactor per process for the adapters that are not given one (spaCy, Presidio, review)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redactor.engine import Redactor


@lru_cache(maxsize=1)
def shared_redactor() -> Redactor:
    """Built on first use with keys from the environment; models load once."""
    from redactor.engine import Redactor

    return Redactor()
