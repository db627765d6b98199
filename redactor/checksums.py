"""Check digits of identifiers: NIR, RPPS (Luhn), IBAN (ISO 13616 mod 97), and the Swiss AVS
(EAN-13) and Belgian NISS (mod 97) numbers of cross-border patients."""

from __future__ import annotations

import re


def nir_key(first_thirteen: str) -> int:
    """Key of a NIR: 97 - (first 13 digits mod 97); Corsica 2A/2B count as 19/18."""
    body = first_thirteen.upper()
    if body[5:7] == "2A":
        body = body[:5] + "19" + body[7:]
    elif body[5:7] == "2B":
        body = body[:5] + "18" + body[7:]
    return 97 - int(body) % 97


def nir_is_valid(value: str) -> bool:
    """A 15-character NIR (separators ignored) whose key matches its first 13 characters."""
    compact = re.sub(r"[\s.\-]", "", value).upper()
    if not re.fullmatch(r"[12378]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2}", compact):
        return False
    return nir_key(compact[:13]) == int(compact[13:])


def luhn_is_valid(digits: str) -> bool:
    """Luhn check over a string of digits (RPPS numbers carry a Luhn key)."""
    if not digits.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        digit = int(char)
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def iban_is_valid(value: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to numbers, mod 97 == 1."""
    compact = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


def ean13_is_valid(digits: str) -> bool:
    """EAN-13 check digit (the Swiss AVS number, 756.XXXX.XXXX.XC, carries one)."""
    if not re.fullmatch(r"\d{13}", digits):
        return False
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == int(digits[12])


def niss_is_valid(digits: str) -> bool:
    """Belgian national number (NISS, YYMMDD-XXX-CC): 97 - (first nine mod 97), with a 2 before
    them for people born from 2000."""
    if not re.fullmatch(r"\d{11}", digits):
        return False
    body, key = int(digits[:9]), int(digits[9:])
    return key in (97 - body % 97, 97 - int("2" + digits[:9]) % 97)
