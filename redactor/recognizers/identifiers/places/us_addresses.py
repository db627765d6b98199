"""Addresses in the United States, as letters from there write them: "88 Harbor View Drive,
Marblehead, MA 01945", "300 Cummings Center, Suite 172, Beverly, MA 01915".

The anchor is a town, a comma, a state's two-letter code and a ZIP code of five digits (or
ZIP+4); the street line before it, a house number to a street type, joins the address."""

from __future__ import annotations

from typing import Iterator

import regex as re

from redactor.findings import Finding

_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
    "NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
_WORD = r"\p{Lu}[\p{L}'’\-]*\.?"
_TOWN_STATE_ZIP = re.compile(
    rf"(?<![\w\-'’.])(?P<town>{_WORD}(?:[ ]{_WORD}){{0,2}}),[ ](?P<state>{'|'.join(_STATES)})[ ](?P<zip>\d{{5}}(?:-\d{{4}})?)(?![\w\-])"
)
_STREET_TYPES = (
    "Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Court|Ct|Place|Pl|Way|Center|Centre|"
    "Parkway|Pkwy|Highway|Hwy|Terrace|Circle|Square|Plaza|Turnpike|Pike"
)
# the street line ending right before the town: "88 Harbor View Drive, ", "300 Cummings Center,
# Suite 172, "
_STREET_BEFORE = re.compile(
    rf"(?<![\w\-])\d{{1,6}}[ ](?:{_WORD}[ ]){{0,4}}(?:{_STREET_TYPES})\.?(?:,?[ ](?:Suite|Ste\.|Apt\.?|Unit|Floor|#)[ ]?[\w\-]+)?,[ ]$"
)


def us_addresses(text: str) -> Iterator[Finding]:
    """Town, state and ZIP code; the street line before them if there is one."""
    if "," not in text:
        return
    for match in _TOWN_STATE_ZIP.finditer(text):
        yield Finding(match.start("town"), match.end("town"), "CITY", 0.9, "city.us_address")
        yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.us_address")
        street = _STREET_BEFORE.search(text, max(0, match.start() - 90), match.start())
        if street:
            yield Finding(street.start(), street.end() - 2, "ADDRESS", 0.9, "address.us_street")
