"""Redacting a list of notes with one Redactor: the step shared by the batch runner and Spark.

Fail closed: a note whose detection or redaction fails, or takes longer than its time limit,
becomes a `Failure` (error class and a message that never quotes the note), never an
unredacted output.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

from redactor.errors import DetectionError, MissingKeyError, RedactorError
from redactor.findings import RedactionResult
from redactor.known import KnownIdentity
from redactor.policy import Policy

if TYPE_CHECKING:
    from redactor.engine import Redactor

# Operators whose output depends on a secret: without a key they are random per note, so an
# archive would lose consistency across a patient's notes and a resumed run could not match.
_OPERATORS_KEYED_IN_ARCHIVES = frozenset({"pseudonym", "surrogate", "date_shift"})


@dataclass(frozen=True)
class EngineSettings:
    """Everything a worker process or Spark executor needs to build the same Redactor."""

    policy: str
    key: bytes | None
    max_chars: int
    detector_plugins: tuple[str, ...] = ()
    max_seconds: float | None = 60.0  # one note's detection time before it is quarantined

    def build(self) -> Redactor:
        """A Redactor with its models loaded (call once per process)."""
        from redactor.engine import Redactor
        from redactor.plugins import load_detector_plugins

        return Redactor(
            key=self.key,
            max_chars=self.max_chars,
            extra_detectors=load_detector_plugins(self.detector_plugins),
        )

    @property
    def key_fingerprint(self) -> str | None:
        """Names the key without revealing it, so that runs with different keys are told apart."""
        if self.key is None:
            return None
        return hmac.new(self.key, b"redactor key fingerprint", hashlib.sha256).hexdigest()[:16]


@dataclass(frozen=True)
class Note:
    text: str
    patient_id: str | None
    known: KnownIdentity | None = None  # from the record's `known` column


@dataclass(frozen=True)
class Failure:
    """Why a record was quarantined: an error class and a message that never quotes the note."""

    error: str
    message: str

    @classmethod
    def from_exception(cls, error: BaseException) -> Failure:
        if isinstance(error, RedactorError):  # our messages never carry note text
            return cls(type(error).__name__, str(error))
        # Other libraries' messages may quote their input: keep the class only.
        return cls(type(error).__name__, f"unexpected {type(error).__name__} while redacting")


Outcome = RedactionResult | Failure


def check_policy_for_archive(policy: Policy, key: bytes | None) -> None:
    """Refuse a policy whose replacements would differ from note to note for lack of a key."""
    keyed = sorted({rule.operator for rule in policy.rules.values()} & _OPERATORS_KEYED_IN_ARCHIVES)
    if keyed and key is None:
        raise MissingKeyError(
            f"policy {policy.name!r} uses {', '.join(keyed)}: an archive needs a key (REDACTOR_KEY or "
            "REDACTOR_KEY_FILE) so that a patient's notes get the same replacements"
        )


def policy_fingerprint(policy: Policy) -> str:
    """A digest of what the policy does (not where it was read from)."""
    content = dataclasses.asdict(policy)
    content.pop("source")
    canonical = json.dumps(content, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def redact_notes(
    redactor: Redactor, policy: Policy, notes: Sequence[Note | Failure], seconds_per_note: float | None = None
) -> list[Outcome]:
    """One outcome per item, in order; items that are already failures pass through. A note
    whose detection takes longer than `seconds_per_note` fails with `NoteTimedOut`."""
    texts = [note.text for note in notes if isinstance(note, Note)]
    known = [note.known for note in notes if isinstance(note, Note)]
    analyses = iter(analyze_texts(redactor, texts, known, seconds_per_note))
    outcomes: list[Outcome] = []
    for note in notes:
        if isinstance(note, Failure):
            outcomes.append(note)
            continue
        findings = next(analyses)
        if isinstance(findings, Exception):
            outcomes.append(Failure.from_exception(findings))
            continue
        try:
            outcomes.append(redactor.apply(note.text, findings, policy, patient_id=note.patient_id))
        except Exception as error:  # fail closed: this note only
            outcomes.append(Failure.from_exception(error))
    return outcomes


class NoteTimedOut(DetectionError):
    """Detection of a note took longer than its time limit."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `NoteTimedOut` in this thread after `seconds` (SIGALRM, so only on the main
    thread, where batch and Spark workers run notes; elsewhere there is no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise NoteTimedOut(f"detection took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyze_texts(
    redactor: Redactor, texts: list[str], known: list[KnownIdentity | None], seconds_per_note: float | None
) -> list[Any]:
    """Findings or the error for each text. Should the batched pipeline break or overrun its
    budget (`seconds_per_note` per text), the remaining texts are analysed one at a time, each
    with its own limit, so that only the culprit fails."""
    results: list[Any] = []
    try:
        with _time_limit(seconds_per_note * len(texts) if seconds_per_note else None):
            for outcome in redactor.analyze_many(texts, known=known):
                results.append(outcome)
    except Exception:
        for text, identity in zip(texts[len(results) :], known[len(results) :]):
            try:
                with _time_limit(seconds_per_note):
                    findings = redactor.analyze(text, known=identity)
            except Exception as error:
                findings = error
            results.append(findings)
    return results


def finding_rows(note_id: Any, result: RedactionResult) -> list[dict]:
    """The findings of one note as flat rows: offsets, category, qualifiers, operator; no values."""
    return [{"id": note_id, **applied.to_dict()} for applied in result.findings]
