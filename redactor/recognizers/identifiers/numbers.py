"""Identifier numbers: NIR, IBAN, RPPS/ADELI, patient and stay numbers (from their labels)."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from redactor.checksums import iban_is_valid, luhn_is_valid, nir_is_valid
from redactor.findings import Finding
from redactor.paths import load_yaml
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.patterns import alternation

# 15 characters (sex, year, month, department and town, order, key), grouped any way: the
# department may take 2 or 3 digits ("974 09" overseas) or be 2A/2B; validated by its key.
_NIR = re.compile(r"(?<![\w])[12378](?:[ .\-]?[0-9ABab]){14}(?![\w])")
_LOOKS_LIKE_A_DATE = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}")
_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?(?![\w])")


class NirDetector(Detector):
    """French social security numbers (NIR): 15 characters, checked with their key."""

    def __init__(self) -> None:
        super().__init__(name="NirDetector", categories=["NIR"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for match in _NIR.finditer(text):
            if nir_is_valid(match.group()):
                yield Finding(match.start(), match.end(), "NIR", 1.0, "nir.checksum")


class IbanDetector(Detector):
    """IBANs (any country, French first), checked with ISO 13616 mod 97."""

    def __init__(self) -> None:
        super().__init__(name="IbanDetector", categories=["IBAN"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for match in _IBAN.finditer(text):
            value = match.group()
            # the greedy match may take one group too many: retry shorter prefixes
            for end in range(len(value), 13, -1):
                candidate = value[:end].rstrip()
                if iban_is_valid(candidate):
                    yield Finding(match.start(), match.start() + len(candidate), "IBAN", 1.0, "iban.checksum")
                    break


class LabelledIdentifiers(Detector):
    """Numbers introduced by their label: IPP, NDA, séjour, dossier (PATIENT_ID); RPPS, ADELI
    (CLINICIAN_ID). RPPS numbers (11 digits, Luhn, starting with 10) are found without label."""

    def __init__(self) -> None:
        super().__init__(name="LabelledIdentifiers", categories=["PATIENT_ID", "CLINICIAN_ID"])
        data = load_yaml("identifiers/numbers.yaml")
        value = r"(?P<value>(?=[A-Z0-9\-/. ]*\d)[A-Z0-9](?:[A-Z0-9\-/.]|(?<=\d) (?=\d)){2,24})"
        # "N° dossier cabinet : A-2019-00458": up to two lower-case words between label and value
        between = r"(?:[ \t]+(?!(?:du|de|des|le|la|les|au|aux|en|pour|par|à|a)\b)[a-zéèà]+){0,2}?"
        self._patterns = []
        for category, key in (("PATIENT_ID", "patient_id_labels"), ("CLINICIAN_ID", "clinician_id_labels")):
            labels = alternation(data[key])
            self._patterns.append(
                (
                    category,
                    re.compile(
                        rf"(?i:(?<![\w])(?:{labels})){between}(?:\s*\([^)\n]{{0,20}}\))?[ \t]*(?:n°|no|num(?:éro|ero)?\.?|#)?"
                        rf"[ \t]*(?:[:=][ \t]*)?(?:n°[ \t]*)?{value}(?![\w])"
                    ),
                )
            )
        self._rpps = re.compile(r"(?<![\w])10\d{9}(?![\w])")

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for category, pattern in self._patterns:
            for match in pattern.finditer(text):
                value = match.group("value").rstrip(".-/ ")
                if sum(c.isdigit() for c in value) < 3 or _LOOKS_LIKE_A_DATE.fullmatch(value):
                    continue
                start = match.start("value")
                # a label is stronger evidence than the look of the number (a stay number is not a phone)
                yield Finding(start, start + len(value), category, 0.96, f"{category.lower()}.label")
        for match in self._rpps.finditer(text):
            if luhn_is_valid(match.group()):
                yield Finding(match.start(), match.end(), "CLINICIAN_ID", 0.7, "clinician_id.rpps_luhn")
