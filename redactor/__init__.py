"""redactor: finds and removes sensitive content from French clinical notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Redactor", "Finding", "Qualifiers", "RedactionResult", "KnownIdentity", "PersonName", "decrypt", "__version__"]

if TYPE_CHECKING:
    from redactor.engine import Redactor
    from redactor.findings import Finding, Qualifiers, RedactionResult
    from redactor.known import KnownIdentity, PersonName


def __getattr__(name: str):
    # Lazy so that light modules (findings, checksums) import without loading spaCy.
    if name == "Redactor":
        from redactor.engine import Redactor

        return Redactor
    if name == "decrypt":
        from redactor.reversible import decrypt

        return decrypt
    if name in ("Finding", "Qualifiers", "RedactionResult"):
        from redactor import findings

        return getattr(findings, name)
    if name in ("KnownIdentity", "PersonName"):
        from redactor import known

        return getattr(known, name)
    raise AttributeError(name)
