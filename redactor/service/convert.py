"""Translation between the core's dataclasses and the wire messages, both ways."""

from __future__ import annotations

from redactor.check import CheckWarning
from redactor.findings import AppliedFinding, Finding, Qualifiers, Subject
from redactor.known import KnownIdentity, PersonName, parse_birth_date
from redactor.service.v1 import redactor_pb2 as pb

_SUBJECT_TO_WIRE = {
    Subject.PATIENT: pb.SUBJECT_PATIENT,
    Subject.FAMILY: pb.SUBJECT_FAMILY,
    Subject.OTHER: pb.SUBJECT_OTHER,
}
_SUBJECT_FROM_WIRE = {wire: subject for subject, wire in _SUBJECT_TO_WIRE.items()}


def finding_to_wire(finding: Finding) -> pb.Finding:
    message = pb.Finding(
        start=finding.start, end=finding.end, category=finding.category, score=finding.score, detector=finding.detector
    )
    if finding.reveals is not None:
        message.reveals = finding.reveals
    if finding.qualifiers is not None:
        q = finding.qualifiers
        message.qualifiers.CopyFrom(
            pb.Qualifiers(
                negated=q.negated,
                hypothetical=q.hypothetical,
                reported=q.reported,
                subject=_SUBJECT_TO_WIRE[q.subject],
                somatic=q.somatic,
            )
        )
    return message


def applied_finding_to_wire(applied: AppliedFinding) -> pb.Finding:
    message = finding_to_wire(applied.finding)
    message.operator = applied.operator
    message.redacted_start = applied.redacted_start
    message.redacted_end = applied.redacted_end
    message.scope_start = applied.scope_start
    message.scope_end = applied.scope_end
    return message


def warning_to_wire(warning: CheckWarning) -> pb.Warning:
    return pb.Warning(
        finding=finding_to_wire(warning.finding),
        category=warning.finding.category,
        explanation=warning.message,
        suggestion=warning.suggestion,
        label=warning.label,
        why=warning.why,
        notes=list(warning.notes),
    )


def finding_from_wire(message: pb.Finding) -> Finding:
    qualifiers = None
    if message.HasField("qualifiers"):
        q = message.qualifiers
        qualifiers = Qualifiers(
            negated=q.negated,
            hypothetical=q.hypothetical,
            reported=q.reported,
            subject=_SUBJECT_FROM_WIRE.get(q.subject, Subject.PATIENT),
            somatic=q.somatic,
        )
    return Finding(
        message.start, message.end, message.category, message.score, message.detector, qualifiers, message.reveals or None
    )


def applied_finding_from_wire(message: pb.Finding) -> AppliedFinding:
    return AppliedFinding(
        finding=finding_from_wire(message),
        operator=message.operator,
        redacted_start=message.redacted_start,
        redacted_end=message.redacted_end,
        scope_start=message.scope_start,
        scope_end=message.scope_end,
    )


def known_from_wire(request: pb.RedactRequest | pb.AnalyzeRequest) -> KnownIdentity | None:
    """The request's known identity, None when the field is not set (InvalidInputError if malformed)."""
    if not request.HasField("known"):
        return None
    k = request.known
    return KnownIdentity(
        first_name=k.first_name,
        last_name=k.last_name,
        birth_name=k.birth_name,
        birth_date=parse_birth_date(k.birth_date) if k.birth_date else None,
        nir=k.nir,
        ipp=k.ipp,
        other_ids=tuple(k.other_ids),
        address_lines=tuple(k.address_lines),
        phones=tuple(k.phones),
        emails=tuple(k.emails),
        relatives=tuple(PersonName(r.first_name, r.last_name, r.birth_name) for r in k.relatives),
    )


def known_to_wire(known: KnownIdentity) -> pb.KnownIdentity:
    return pb.KnownIdentity(
        first_name=known.first_name,
        last_name=known.last_name,
        birth_name=known.birth_name,
        birth_date=known.birth_date.isoformat() if known.birth_date else "",
        nir=known.nir,
        ipp=known.ipp,
        other_ids=list(known.other_ids),
        address_lines=list(known.address_lines),
        phones=list(known.phones),
        emails=list(known.emails),
        relatives=[pb.PersonName(first_name=r.first_name, last_name=r.last_name, birth_name=r.birth_name) for r in known.relatives],
    )


def warning_from_wire(message: pb.Warning) -> CheckWarning:
    return CheckWarning(
        finding=finding_from_wire(message.finding),
        label=message.label,
        why=message.why,
        suggestion=message.suggestion,
        notes=tuple(message.notes),
    )
