"""Patterns for a known identity's dates, numbers and address lines, in every usual writing.

All patterns run on the folded text (lower case, no accents; see `folding.fold`).
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = (
    ("janvier", "janv", "jan"), ("fevrier", "fevr", "fev"), ("mars", "mar"), ("avril", "avr"),
    ("mai",), ("juin",), ("juillet", "juil"), ("aout",), ("septembre", "sept", "sep"),
    ("octobre", "oct"), ("novembre", "nov"), ("decembre", "dec"),
)  # fmt: skip
_NUMERIC_SEPARATOR = r"\s{0,2}[./\-]\s{0,2}|\s{1,2}"
_DIGIT_GAP = r"[\s.\-/]{0,3}"  # "06 12 34 56 78", "1.61.07", "12-34"


def _number(value: int, width: int) -> str:
    """`value` with or without its leading zero: 4 -> "0?4"."""
    return f"0?{value}" if value < 10 ** (width - 1) else f"{value:0{width}d}"


def date_pattern(day: date) -> re.Pattern[str]:
    """A date as written in notes: 04/07/1961, 4.7.61, 1961-07-04, 04 07 1961, 04071961,
    4 juillet 1961, 1er juil. 61, 04-juil-1961."""
    d, m = _number(day.day, 2), _number(day.month, 2)
    year = f"(?:{day.year}|{day.year % 100:02d})"
    day_words = f"(?:{d}|1er)" if day.day == 1 else d
    month_words = "|".join(_MONTHS[day.month - 1])
    separator = f"(?:{_NUMERIC_SEPARATOR})"
    forms = [
        f"{d}{separator}{m}{separator}{year}",
        f"{day.year}{separator}{m}{separator}{d}",
        f"{day.day:02d}{day.month:02d}(?:{day.year}|{day.year % 100:02d})",
        f"{day.year}{day.month:02d}{day.day:02d}",
        rf"{day_words}(?:\s{{0,2}}[\-/.]?\s{{0,2}})(?:{month_words})\.?(?:\s{{0,2}}[\-/,]?\s{{0,2}}){year}",
    ]
    return re.compile(rf"(?<![\w]){'(?:' + '|'.join(forms) + ')'}(?!\d)")


def digits_pattern(characters: str) -> str:
    """Letters and digits in order with any spacing between them ("1 61 07 75 123 456")."""
    return _DIGIT_GAP.join(re.escape(c) for c in characters.lower())


def nir_pattern(nir: str) -> re.Pattern[str]:
    """The NIR's 13 characters, then its key or any other two digits (a typo), or none."""
    body = "".join(c for c in nir if c.isalnum())[:13]
    return re.compile(rf"(?<![\w]){digits_pattern(body)}(?:{_DIGIT_GAP}\d{_DIGIT_GAP}\d)?(?!\d)")


def phone_pattern(phone: str) -> re.Pattern[str]:
    """A phone number, national or international: 06 12.., +33 6 12.., 0033 (0)6 12.."""
    digits = "".join(c for c in phone if c.isdigit())
    if phone.strip().startswith("+") or phone.strip().startswith("00"):
        digits = digits[2:] if digits.startswith("00") else digits
        if digits.startswith("33"):
            digits = "0" + digits[2:]
        else:
            return re.compile(rf"(?<![\w+])(?:(?:\+|00)\s?)?{digits_pattern(digits)}(?!\d)")
    if digits.startswith("0") and len(digits) == 10:
        french = r"(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?|0)"
        return re.compile(rf"(?<![\w+]){french}{_DIGIT_GAP}{digits_pattern(digits[1:])}(?!\d)")
    return re.compile(rf"(?<![\w+]){digits_pattern(digits)}(?!\d)")


def identifier_pattern(value: str) -> re.Pattern[str]:
    """An IPP or other id, case-insensitive, with any spacing, dots or dashes inside."""
    characters = "".join(c for c in value if c.isalnum())
    return re.compile(rf"(?<![^\W_])(?<![^\W_][\-./]){digits_pattern(characters)}(?![^\W_]|[\-./][^\W_])")


def email_pattern(email: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.+-]){re.escape(email.strip().lower())}(?![\w-])")


# ---------------------------------------------------------------- address lines
_STREET_WORDS = {
    "rue": "r", "avenue": "av|ave", "boulevard": "bd|bld|boul|blvd", "place": "pl", "chemin": "ch|chem",
    "allee": "all", "impasse": "imp", "route": "rte", "square": "sq", "faubourg": "fbg|fg",
    "residence": "res|resid", "batiment": "bat|bt", "appartement": "appt|apt|app", "saint": "st",
    "sainte": "ste", "bis": "b", "quai": "qu", "cours": "crs", "lieu": "ld", "escalier": "esc",
}  # fmt: skip
_POSTCODE = re.compile(r"(?<![\w])(?:f\s?-\s?)?((?:\d{2}\s?\d{3})|(?:2[ab]\s?\d{3}))(?![\w])")
_CEDEX = re.compile(r"\bcedex\b.*$")


def _words_pattern(folded_words: list[str]) -> str:
    alternatives = []
    for word in folded_words:
        short = _STREET_WORDS.get(word)
        alternatives.append(f"(?:{re.escape(word)}|(?:{short})\\.?)" if short else re.escape(word))
    return r"[\s,.\-']{1,4}".join(alternatives)


def street_pattern(folded_line: str) -> re.Pattern[str] | None:
    """A street line: its words with abbreviations ("bd", "av."), its number optional."""
    tokens = re.findall(r"[^\W_]+", folded_line)
    number = []
    while tokens and (re.fullmatch(r"\d+(?:bis|ter|b)?", tokens[0]) or tokens[0] in ("bis", "ter")):
        number.append(tokens.pop(0))
    if not tokens:
        return None
    head = ""
    if number:
        head = rf"(?:{re.escape(number[0])}(?:\s?(?:bis|ter|b))?[\s,]{{1,3}})?"
    return re.compile(rf"(?<![^\W_]){head}{_words_pattern(tokens)}(?![^\W_])")


def split_address_line(folded_line: str) -> tuple[str, str, str]:
    """(street, postcode, city) of an address line: "12 rue x 75012 paris cedex 12" ->
    ("12 rue x", "75012", "paris"); parts absent are empty."""
    match = _POSTCODE.search(folded_line)
    if not match:
        return folded_line.strip(" ,"), "", ""
    before, after = folded_line[: match.start()].strip(" ,-"), folded_line[match.end() :].strip(" ,-")
    postcode = re.sub(r"\s", "", match.group(1))
    if after:
        return before, postcode, _CEDEX.sub("", after).strip(" ,-")
    # the town before the postcode: "Paris 75012", "12 rue x, Paris 75012"
    street, comma, town = before.rpartition(",")
    if comma:
        return street.strip(" ,-"), postcode, town.strip(" ,-")
    if before[:1].isdigit():
        return before, postcode, ""  # "12 rue x 75012": no town given
    return "", postcode, before


def postcode_pattern(postcode: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){re.escape(postcode[:2])}\s?{re.escape(postcode[2:])}(?!\d)")


def city_pattern(folded_city: str) -> re.Pattern[str] | None:
    city_words = re.findall(r"[^\W_]+", folded_city)
    if not city_words:
        return None
    return re.compile(rf"(?<![^\W_]){_words_pattern(city_words)}(?![^\W_])")
