"""Every mention of a known identity in a note, as findings that outrank any other reading."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from redactor.findings import Finding
from redactor.known import KnownIdentity
from redactor.recognizers.identifiers.lexicon import town_lexicon
from redactor.recognizers.vouched import KNOWN_PREFIX, values
from redactor.recognizers.vouched.folding import fold, tokens
from redactor.recognizers.vouched.names import NameMatcher

KNOWN_SCORE = 1.0


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    category: str
    detector: str
    capitalised: bool = False  # the mention must start with a capital (town names are words too)


class KnownIdentityMatcher:
    """Compiled once per known identity (per request); `find` runs on the normalised note."""

    def __init__(self, identity: KnownIdentity):
        self._names = NameMatcher(identity.persons, typos=True, partial=True)
        self._rules = list(_rules(identity))

    def find(self, text: str) -> list[Finding]:
        folded = fold(text)
        found = [
            Finding(start, end, "PERSON", KNOWN_SCORE, KNOWN_PREFIX + "name")
            for start, end in self._names.find(text, folded, tokens(folded))
        ]
        for rule in self._rules:
            for match in rule.pattern.finditer(folded):
                if match.end() > match.start() and (not rule.capitalised or text[match.start()].isupper()):
                    found.append(Finding(match.start(), match.end(), rule.category, KNOWN_SCORE, rule.detector))
        return found


def _rules(identity: KnownIdentity) -> Iterator[_Rule]:
    if identity.birth_date is not None:
        yield _Rule(values.date_pattern(identity.birth_date), "DATE", KNOWN_PREFIX + "birth_date")
    if identity.nir:
        yield _Rule(values.nir_pattern(identity.nir), "NIR", KNOWN_PREFIX + "nir")
    for value in filter(None, (identity.ipp, *identity.other_ids)):
        yield _Rule(values.identifier_pattern(value), "PATIENT_ID", KNOWN_PREFIX + "id")
    for phone in identity.phones:
        yield _Rule(values.phone_pattern(phone), "PHONE", KNOWN_PREFIX + "phone")
    for email in identity.emails:
        yield _Rule(values.email_pattern(email), "EMAIL", KNOWN_PREFIX + "email")
    for line in identity.address_lines:
        yield from _address_rules(fold(line))


def _address_rules(folded_line: str) -> Iterator[_Rule]:
    street, postcode, city = values.split_address_line(folded_line)
    if street and not postcode and not any(c.isdigit() for c in street) and town_lexicon().is_town(street):
        street, city = "", street  # a line that is only a town
    if street and (pattern := values.street_pattern(street)) is not None:
        yield _Rule(pattern, "ADDRESS", KNOWN_PREFIX + "address")
    if postcode:
        yield _Rule(values.postcode_pattern(postcode), "ZIP", KNOWN_PREFIX + "address")
    if city and (pattern := values.city_pattern(city)) is not None:
        yield _Rule(pattern, "CITY", KNOWN_PREFIX + "address", capitalised=True)
