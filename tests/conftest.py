"""Shared fixtures: the real Redactor with the real spaCy French pipeline, loaded once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from redactor import Redactor
from redactor.findings import Qualifiers
from redactor.qualify.context import Context
from redactor.qualify.cues import load_cues


@pytest.fixture(scope="session")
def redactor() -> Redactor:
    return Redactor(key=b"test-key-not-secret")


@pytest.fixture(scope="session")
def keyless_redactor(redactor: Redactor) -> Redactor:
    """Same models, no key: for what must work (or fail clearly) without a key."""
    return Redactor(key=None, nlp=redactor.nlp)


@pytest.fixture(scope="session")
def qualifiers_of(redactor: Redactor) -> Callable[[str, str], Qualifiers]:
    """The qualifiers the Redactor gives the special finding that covers the start of `passage`."""

    def qualifiers(note: str, passage: str) -> Qualifiers:
        start = note.index(passage)
        for finding in redactor.analyze(note):
            if finding.qualifiers is not None and finding.start <= start < finding.end:
                return finding.qualifiers
        raise AssertionError(f"no special finding at {passage!r}")

    return qualifiers


@dataclass(frozen=True)
class Mention:
    """A mention as one qualifier module sees it: the note's context, its tokens [first, last)
    and the character offset just after it."""

    context: Context
    first: int
    last: int
    end: int


@pytest.fixture(scope="session")
def mention() -> Callable[..., Mention]:
    """`mention(note, passage, *others)`: the qualifier context of `note` whose mentions are
    `passage` (the one returned) and `others` (for lists), each at its first occurrence."""

    def build(note: str, passage: str, *others: str) -> Mention:
        spans = [(note.index(p), note.index(p) + len(p)) for p in (passage, *others)]
        context = Context(note, load_cues(), spans)
        first, last = context.tokens.covering(*spans[0])
        return Mention(context, first, last, spans[0][1])

    return build
