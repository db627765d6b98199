"""Reading French dates as clinicians write them, and writing them back shifted.

Used by the date-shift operator: every date of one patient moves by the same number of days,
in the format it was written in. A date that cannot be read is never kept: the caller
replaces it by a surrogate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
# Spellings met in notes, folded to the month number: missing accents, abbreviations.
MONTH_FORMS: dict[str, int] = {}
for _number, _name in enumerate(MONTHS, start=1):
    MONTH_FORMS[_name] = _number
    MONTH_FORMS[_name.replace("é", "e").replace("û", "u")] = _number
for _form, _number in {
    "janv": 1, "jan": 1, "fév": 2, "févr": 2, "fev": 2, "fevr": 2, "avr": 4, "juil": 7,
    "aout": 8, "sept": 9, "sep": 9, "oct": 10, "nov": 11, "déc": 12, "dec": 12,
    # English abbreviations of mail headers and lab systems: "Wed, 19 Mar 2025"
    "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
}.items():  # fmt: skip
    MONTH_FORMS[_form] = _number
FRENCH_MONTH_FORMS = dict(MONTH_FORMS)
# Month names of letters from abroad (English, Italian, Spanish, Catalan, Portuguese, German,
# Dutch): "Admitted 9 May 2025", "Cuneo, 3 ottobre 2024". Read only with a day or a year
# beside them, like every month name; written back shifted in French.
for _names in (
    "january february march april may june july august september october november december",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "januari februari maart april mei juni juli augustus september oktober november december",
):
    for _number, _name in enumerate(_names.split(), start=1):
        MONTH_FORMS.setdefault(_name, _number)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_UNITS = {
    "un": 1, "une": 1, "premier": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000, "mil": 1000,
}  # fmt: skip


def words_to_number(words: str) -> int | None:
    """French number words ("deux mille dix-neuf", "quatre-vingt-deux") to an integer."""
    tokens = [t for t in re.split(r"[\s\-]+", words.lower()) if t and t != "et"]
    if not tokens or any(t not in _UNITS for t in tokens):
        return None
    total = 0
    current = 0
    for token in tokens:
        value = _UNITS[token]
        if value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        elif value == 20 and current % 100 == 4:  # quatre-vingt
            current = current - 4 + 80
        else:
            current += value
    return total + current


@dataclass(frozen=True)
class ParsedDate:
    """A date read from text, with what is needed to write a shifted one the same way."""

    value: date
    render: Callable[[date], str]  # writes a date in the original's format


_NUMERIC = re.compile(r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})")
# (with its time stamp, kept as written when the date moves: "2024-08-11T04:31:09+02:00")
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?P<time>T[\d:.,]+(?:Z|[+\-][\d:]+)?)?")
# an HL7 or CDA time stamp: "20250402063000", "20250609143012+0200"
_HL7_STAMP = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?P<time>\d{4}(?:\d{2}(?:\.\d+)?)?(?:[+\-]\d{4})?)")
_MONTH_YEAR_NUMERIC = re.compile(r"(?P<m>\d{1,2})(?P<sep>[/.\-])(?P<y>\d{4})")
_WORD = r"[A-Za-zÀ-ÿ]+"
_TEXTUAL = re.compile(
    rf"(?:(?P<weekday>{'|'.join(WEEKDAYS)})\s+)?(?:(?P<d>\d{{1,2}}|1er|{_WORD}(?:[\s\-]{_WORD})*?)\s+)?"
    rf"(?P<month>{'|'.join(sorted(MONTH_FORMS, key=len, reverse=True))})(?P<dot>\.?)(?:\s+(?P<y>\d{{4}}|\d{{2}}|{_WORD}(?:[\s\-]{_WORD})*))?",
    re.IGNORECASE,
)


def _pad(number: int, like: str) -> str:
    return f"{number:0{len(like)}d}" if like.startswith("0") or len(like) == 2 else str(number)


def _year(text: str) -> int | None:
    if text.isdigit():
        number = int(text)
        return number + (1900 if number > 30 else 2000) if len(text) == 2 else number
    return words_to_number(text)


def parse_date(value: str) -> ParsedDate | None:
    """Read a French date; None when it is not a complete or partial date we can shift."""
    text = value.strip()
    if match := _ISO.fullmatch(text):
        parsed = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
        return parsed and ParsedDate(parsed, lambda d: d.isoformat() + (match["time"] or ""))
    if match := _HL7_STAMP.fullmatch(text):
        parsed = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
        return parsed and ParsedDate(parsed, lambda d: f"{d:%Y%m%d}{match['time']}")
    if match := _NUMERIC.fullmatch(text):
        year_text, sep = match["y"], match["sep"]
        parsed = _safe_date(_year(year_text), int(match["m"]), int(match["d"]))
        return parsed and ParsedDate(
            parsed,
            lambda d: f"{_pad(d.day, match['d'])}{sep}{_pad(d.month, match['m'])}{sep}"
            + (f"{d.year % 100:02d}" if len(year_text) == 2 else str(d.year)),
        )
    if match := _MONTH_YEAR_NUMERIC.fullmatch(text):
        parsed = _safe_date(int(match["y"]), int(match["m"]), 15)
        sep = match["sep"]
        return parsed and ParsedDate(parsed, lambda d: f"{_pad(d.month, match['m'])}{sep}{d.year}")
    if match := _TEXTUAL.fullmatch(text):
        return _parse_textual(match)
    return None


def _parse_textual(match: re.Match[str]) -> ParsedDate | None:
    month_text = match["month"]
    month = MONTH_FORMS.get(month_text.lower())
    if month is None:
        return None
    day_text = match["d"]
    if day_text is None:
        day = 15
    elif day_text.lower() in ("1er", "premier"):
        day = 1
    elif day_text.isdigit():
        day = int(day_text)
    else:
        day = words_to_number(day_text)
    year_text = match["y"]
    year = _year(year_text) if year_text else 2001
    if day is None or year is None:
        return None
    parsed = _safe_date(year, month, day)
    if parsed is None:
        return None
    weekday = match["weekday"]
    month_is_upper = month_text.isupper()
    abbreviated = month_text.lower() not in MONTHS and len(month_text) <= 5

    def render(shifted: date) -> str:
        name = MONTHS[shifted.month - 1]
        if abbreviated:
            name = name[:4].rstrip("é") if len(name) > 4 else name
        if month_is_upper:
            name = name.upper()
        elif month_text[0].isupper():
            name = name.capitalize()
        parts = []
        if weekday:
            day_name = WEEKDAYS[shifted.weekday()]
            parts.append(day_name.capitalize() if weekday[0].isupper() else day_name)
        if day_text is not None:
            parts.append("1er" if shifted.day == 1 else str(shifted.day))
        parts.append(name + match["dot"])
        if year_text:
            parts.append(f"{shifted.year % 100:02d}" if len(year_text) == 2 else str(shifted.year))
        return " ".join(parts)

    return ParsedDate(parsed, render)


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift_date(value: str, days: int) -> str | None:
    """The date in `value` moved by `days`, written the same way; None if unreadable."""
    parsed = parse_date(value)
    if parsed is None:
        return None
    return parsed.render(parsed.value + timedelta(days=days))
