"""DATE: numeric, with month names or abbreviations, partial ("mars 2019"), and in words.

Bare years ("en 2019") are not dates here (see tests/data/ANNOTATION.md): alone they identify
no one and are everywhere in clinical prose. A year after "né(e) en" is a birth date and is.
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from redactor.dates import MONTH_FORMS, WEEKDAYS, _UNITS, parse_date
from redactor.findings import Finding
from redactor.recognizers.base import Detector

_MONTH = "|".join(sorted((re.escape(m) for m in MONTH_FORMS), key=len, reverse=True))
_DAY_WORDS = "|".join(sorted((w for w in _UNITS if w not in ("cent", "cents", "mille", "mil")), key=len, reverse=True))
_NUMBER_WORDS = rf"(?:(?:{_DAY_WORDS}|cents?|mille|mil|et)(?:[\s\-]+|(?=\s)))+"
_YEAR = r"(?:19|20)\d{2}"

_NUMERIC = re.compile(
    r"(?<![\w/.\-,])(?:"
    r"(?:0?[1-9]|[12]\d|3[01])(?P<s1>[/.\-])(?:0?[1-9]|1[0-2])(?P=s1)(?:(?:19|20)\d{2}|\d{2})"  # 12/03/2019
    r"|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"  # 2019-03-12
    r"|(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}"  # 03/2019
    r")(?![\w/]|[.,]\d)"
)
# "le 12/03" (day/month without year) only after "le", "du", "au", "depuis le"...
_DAY_MONTH = re.compile(
    r"(?i:\b(?:le|du|au|depuis\s+le|jusqu'au|avant\s+le|après\s+le|vu\s+le|ce)\s+)"
    r"(?P<date>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))(?![\w/]|[.,]\d)"
)
_TEXTUAL = re.compile(
    rf"(?i:(?<![\w])(?:(?:{'|'.join(WEEKDAYS)})\s+)?"
    rf"(?P<date>(?:(?:1er|premier|[0-3]?\d|{_NUMBER_WORDS})\s*)?"
    rf"(?:{_MONTH})(?:\.|(?![\w]))"
    rf"(?:\s*(?:{_YEAR}|\d{{2}}(?![\w])|'\d{{2}}|(?:deux\s+mille|mil(?:le)?\s+neuf\s+cents?)(?:[\s\-]+(?:{_DAY_WORDS}|et))*))?))"
)
_BIRTH_YEAR = re.compile(rf"(?i:\bn[ée]e?\s+en\s+)(?P<date>{_YEAR})(?![\w])")
# Month names that are also common words: a month alone with no day or year is not a date.
_AMBIGUOUS_ALONE = {"mars", "mai", "août", "aout", "sept", "oct", "nov", "dec", "déc", "jan", "sep", "avr", "juil"}


class DateDetector(Detector):
    def __init__(self) -> None:
        super().__init__(name="DateDetector", categories=["DATE"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for match in _NUMERIC.finditer(text):
            value = match.group()
            if "/" not in value and "-" not in value and not _plausible_dotted(value):
                continue
            yield Finding(match.start(), match.end(), "DATE", 0.95, "date.numeric")
        for match in _DAY_MONTH.finditer(text):
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.85, "date.day_month")
        for match in _TEXTUAL.finditer(text):
            value = match.group("date").rstrip()
            start = match.start("date")
            words = value.split()
            if len(words) == 1 and value.lower().rstrip(".") in MONTH_FORMS:
                continue  # a month name alone ("en mars") is not an identifying date
            if parse_date(value) is None and not _is_plausible_textual(value):
                continue
            yield Finding(start, start + len(value), "DATE", 0.9, "date.textual")
        for match in _BIRTH_YEAR.finditer(text):
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.85, "date.birth_year")


def _plausible_dotted(value: str) -> bool:
    """12.03.2019 is a date; 1.5.10 is a dose: require a four-digit year or two-digit fields."""
    parts = value.split(".")
    return len(parts) == 3 and (len(parts[2]) == 4 or all(len(p) == 2 for p in parts))


def _is_plausible_textual(value: str) -> bool:
    """Partial textual dates that the date parser does not read but are still dates."""
    lowered = value.lower()
    month = next((m for m in MONTH_FORMS if re.search(rf"\b{re.escape(m)}\b", lowered)), None)
    if month is None:
        return False
    has_number = bool(re.search(r"\d|premier|1er", lowered)) or len(lowered.split()) > 1
    return has_number and not (month in _AMBIGUOUS_ALONE and len(lowered.split()) == 1)

