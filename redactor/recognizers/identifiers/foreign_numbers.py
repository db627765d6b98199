"""Cross-border patients' social-security numbers (PATIENT_ID), by their shape and their key,
with or without a label: the Swiss AVS number ("756.4417.2283.01", EAN-13 key; any key after its
label) and the Belgian national number, NISS ("91.04.15-211.17", mod 97 key; bare 11 digits only
after its label)."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from redactor.checksums import ean13_is_valid, niss_is_valid
from redactor.findings import Finding
from redactor.recognizers.base import Detector

_AVS = re.compile(r"(?<![\w.])756(?P<sep>[. ]?)\d{4}(?P=sep)\d{4}(?P=sep)\d{2}(?![\w]|[.,]\d)")
# its label just before: the number is read whatever its key (a typo keeps it someone's)
_AVS_LABEL_BEFORE = re.compile(r"(?i:\b(?:AVS|AHV|n°[ \t]*AVS))[ \t]*(?:n°)?[ \t]*:?[ \t]*$")
# year, month (a "bis" number adds 20 or 40 to it), day, order, key
_NISS_GROUPED = re.compile(r"(?<![\w.])\d{2}\.(?:[0-5]\d)\.(?:[0-3]\d)[\-. ]\d{3}[.\-]\d{2}(?![\w]|[.,]\d)")
_NISS_LABELLED = re.compile(
    r"(?i:\b(?:NISS|INSZ|n°[ \t]*national|num[ée]ro[ \t]+national|registre[ \t]+national|NN))[ \t]*(?:n°)?[ \t]*:?[ \t]*"
    r"(?P<value>\d{2}[.\- ]?\d{2}[.\- ]?\d{2}[.\- ]?\d{3}[.\- ]?\d{2})(?![\w]|[.,]\d)"
)


class ForeignSocialSecurityNumbers(Detector):
    """Swiss AVS and Belgian NISS numbers whose key holds."""

    def __init__(self) -> None:
        super().__init__(name="ForeignSocialSecurityNumbers", categories=["PATIENT_ID"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for match in _AVS.finditer(text):
            if ean13_is_valid(re.sub(r"\D", "", match.group())) or _AVS_LABEL_BEFORE.search(text, max(0, match.start() - 20), match.start()):
                yield Finding(match.start(), match.end(), "PATIENT_ID", 0.95, "patient_id.avs")
        for match in _NISS_GROUPED.finditer(text):
            if niss_is_valid(re.sub(r"\D", "", match.group())):
                yield Finding(match.start(), match.end(), "PATIENT_ID", 0.95, "patient_id.niss")
        for match in _NISS_LABELLED.finditer(text):
            if niss_is_valid(re.sub(r"\D", "", match.group("value"))):
                yield Finding(match.start("value"), match.end("value"), "PATIENT_ID", 0.96, "patient_id.niss")
