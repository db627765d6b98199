"""Shared fixtures: the real Redactor with the real spaCy French pipeline, loaded once."""

from __future__ import annotations

import pytest

from redactor import Redactor


@pytest.fixture(scope="session")
def redactor() -> Redactor:
    return Redactor(key=b"test-key-not-secret")


@pytest.fixture(scope="session")
def keyless_redactor(redactor: Redactor) -> Redactor:
    """Same models, no key: for what must work (or fail clearly) without a key."""
    return Redactor(key=None, nlp=redactor.nlp)
