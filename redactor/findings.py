"""Findings, qualifiers and categories: the vocabulary shared by every part of redactor."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from enum import Enum


class Subject(str, Enum):
    """Whom a finding is about."""

    PATIENT = "patient"
    FAMILY = "family"
    OTHER = "other"


IDENTIFIER_CATEGORIES: tuple[str, ...] = (
    "PERSON",
    "ADDRESS",
    "ZIP",
    "CITY",
    "DATE",
    "PHONE",
    "EMAIL",
    "NIR",
    "PATIENT_ID",
    "CLINICIAN_ID",
    "HOSPITAL",
    "IBAN",
    "URL",
    "IP_ADDRESS",
)

SPECIAL_CATEGORIES: tuple[str, ...] = (
    "HEALTH_SENSITIVE",
    "SEXUAL_ORIENTATION",
    "SEX_LIFE",
    "RELIGION",
    "ETHNIC_ORIGIN",
    "POLITICAL_OPINION",
    "TRADE_UNION",
    "GENETIC",
    "BIOMETRIC",
    "CRIMINAL",
    "EXCESSIVE_COMMENT",
)

ALL_CATEGORIES: tuple[str, ...] = IDENTIFIER_CATEGORIES + SPECIAL_CATEGORIES


def is_special(category: str) -> bool:
    """True for GDPR Art. 9 / Art. 10 categories and excessive comments."""
    return category in SPECIAL_CATEGORIES


@dataclass(frozen=True)
class Qualifiers:
    """Context of a mention: never a reason to drop it, only attributes."""

    negated: bool = False
    hypothetical: bool = False
    reported: bool = False
    subject: Subject = Subject.PATIENT
    # GENETIC only: the variant is somatic (acquired, of a tumour), not germline (hereditary)
    somatic: bool = False

    def to_dict(self) -> dict:
        return {
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "reported": self.reported,
            "subject": self.subject.value,
            "somatic": self.somatic,
        }


@dataclass(frozen=True)
class Finding:
    """A detected span. Offsets are Unicode code points in the original text, end exclusive."""

    start: int
    end: int
    category: str
    score: float
    detector: str
    qualifiers: Qualifiers | None = None  # set on special-category findings by the qualifier step
    # on a facility whose name reveals a special category ("EPSM Lille-Métropole", "CSAPA Le
    # Phare") or a place inside a special-category term ("USMP de Fleury-Mérogis"): that
    # category, whose rule applies where it is stricter than the identifier's
    reveals: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"invalid finding span {self.start}-{self.end}")

    @property
    def length(self) -> int:
        return self.end - self.start

    def with_qualifiers(self, qualifiers: Qualifiers) -> Finding:
        return replace(self, qualifiers=qualifiers)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["score"] = round(self.score, 4)
        if self.qualifiers is None:
            del data["qualifiers"]
        else:
            data["qualifiers"] = self.qualifiers.to_dict()
        if self.reveals is None:
            del data["reveals"]
        return data


@dataclass(frozen=True)
class AppliedFinding:
    """A finding after the policy: where it now sits in the redacted text and what was done."""

    finding: Finding
    operator: str
    redacted_start: int
    redacted_end: int
    scope_start: int
    scope_end: int

    def to_dict(self) -> dict:
        data = self.finding.to_dict()
        data.update(
            operator=self.operator,
            redacted_start=self.redacted_start,
            redacted_end=self.redacted_end,
            scope_start=self.scope_start,
            scope_end=self.scope_end,
        )
        return data


@dataclass(frozen=True)
class RedactionResult:
    """Redacted text with every finding located in both the original and the redacted text."""

    text: str
    findings: list[AppliedFinding]
    policy: str

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "policy": self.policy,
            "findings": [f.to_dict() for f in self.findings],
        }
