"""PHONE and PATIENT_ID dictated in words, as speech recognition writes them and nobody re-reads.

Rules, each named in the finding's `detector`:
- phone.spoken: "zéro six quarante-deux dix-huit trente et un zéro cinq": "zéro", a digit, then
  at least four more number words (a French number is read by pairs after its first two digits).
- patient_id.spoken: "IPP huit zéro zéro quatre un deux cinq six trois": five or more digits in
  words after a patient-number label.
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.base import Detector

_DIGIT = r"(?:z[ée]ro|un|deux|trois|quatre|cinq|six|sept|huit|neuf)"
# French number words up to the hundreds, one list for every number dictated in words
_TENS_AND_UNITS = (
    "deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
    "vingts?|trente|quarante|cinquante|soixante|cents?"
)


def number_words(with_zero_and_one: bool = True) -> str:
    """A regex group of the number words; without "zéro", "un" and "une" when those would read
    as ordinary words (a house number: "une rue" is no address)."""
    small = "z[ée]ro|un|une|" if with_zero_and_one else ""
    return f"(?:{small}{_TENS_AND_UNITS})"


_NUMBER_WORD = f"(?:{number_words()}|et)"
_SPOKEN_PHONE = re.compile(
    rf"(?i:(?<![\w\-])z[ée]ro[\s\-]+(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf)(?:[\s\-]+{_NUMBER_WORD}){{4,16}})(?![\w\-])"
)
_SPOKEN_PATIENT_NUMBER = re.compile(
    rf"(?i:(?<![\w])(?:IPP|NIP|NDA|n°\s+de\s+dossier|num[ée]ro\s+de\s+(?:dossier|s[ée]jour|patient))[\s:]+)"
    rf"(?P<number>{_DIGIT}(?:[\s\-]+{_DIGIT}){{4,15}})(?![\w\-])"
)
_TRAILING_AND = re.compile(r"(?i:[\s\-]+et)+$")


class SpokenNumbers(Detector):
    """Phone and patient numbers written out in words by dictation software."""

    def __init__(self) -> None:
        super().__init__(name="SpokenNumbers", categories=["PHONE", "PATIENT_ID"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        if "z" not in text.lower() and "ipp" not in text.lower():
            return  # every phone said in words starts with "zéro"
        for match in _SPOKEN_PHONE.finditer(text):
            end = match.start() + len(_TRAILING_AND.sub("", match.group()))
            yield Finding(match.start(), end, "PHONE", 0.85, "phone.spoken")
        for match in _SPOKEN_PATIENT_NUMBER.finditer(text):
            yield Finding(match.start("number"), match.end("number"), "PATIENT_ID", 0.9, "patient_id.spoken")
