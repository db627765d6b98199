"""Redacting a list of notes with one Redactor: the step shared by the batch runner and Spark.

Fail closed: a note whose detection or redaction fails becomes a `Failure` (error class and a
message that never quotes the note), never an unredacted output.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

from redactor.errors import MissingKeyError, RedactorError
from redactor.findings import RedactionResult
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


def redact_notes(redactor: Redactor, policy: Policy, notes: Sequence[Note | Failure]) -> list[Outcome]:
    """One outcome per item, in order; items that are already failures pass through."""
    texts = [note.text for note in notes if isinstance(note, Note)]
    analyses = iter(_analyze_all(redactor, texts))
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


def _analyze_all(redactor: Redactor, texts: list[str]) -> list[Any]:
    """Findings or the error for each text. Should the batched pipeline itself break, the
    remaining texts are analysed one at a time so that only the culprit fails."""
    results: list[Any] = []
    try:
        for outcome in redactor.analyze_many(texts):
            results.append(outcome)
    except Exception:
        for text in texts[len(results) :]:
            try:
                results.append(redactor.analyze(text))
            except Exception as error:
                results.append(error)
    return results


def finding_rows(note_id: Any, result: RedactionResult) -> list[dict]:
    """The findings of one note as flat rows: offsets, category, qualifiers, operator; no values."""
    return [{"id": note_id, **applied.to_dict()} for applied in result.findings]
