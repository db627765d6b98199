"""Every other occurrence, in the same note, of a record number (PATIENT_ID) or a town (CITY)
found once with strong evidence.

A trial's e-mail names "Patiente n° 07-014" once with its label and "patiente 07-014" in its
subject line and body; a lab sheet prints the IPP after its label and again on the tube's
label; a letterhead gives "84100 Orange" and the letter says "hospitalisé à l'hôpital
d'Orange", a family tree's table lists "Sétif" after a birth place found once. The detectors
read each occurrence on its own; this step, run on the candidates of all of them, adds the
others. A town is also read beside a town found, in a list of sites or places ("Mérignac -
Libourne - Cenon", "CH-1217 Meyrin / Genève").
"""

from __future__ import annotations

import re

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import TownLexicon, countries, town_lexicon

_MIN_SCORE = 0.8  # a label or a layout's evidence, not a bare number's shape
_MIN_LENGTH = 5
_MIN_DIGITS = 3
_MAX_VALUES = 50  # the alternation stays small on a note that lists thousands of numbers
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w\-'’])[A-ZÀ-Ý][\w\-'’]*[ ]$")
_TOWN_MIN_SCORE = 0.85  # a postcode, a preposition of place, a street line: not a lexicon's guess
_TOWN_MIN_LENGTH = 3  # "Eu" is a town
_LISTED_TOWN_MIN_SCORE = 0.6  # any reading of a town, the NER's too
# a town's neighbour in a list: one capitalised name (hyphens inside) after or before a dash, a
# slash or a comma, that is the whole of its field: not "Hôpital de jour", not "Jean Moulin"
_LISTED_NAME = r"[A-ZÀ-Ý][\w'’]*+(?:-[\w'’]+)*+"
_FIELD_END = r"(?=[ \t]*(?:[\n/,;().]|$)|[ \t]+[\-–])"
_LISTED_AFTER = re.compile(rf"[ \t]*[\-–/,][ \t]*({_LISTED_NAME}){_FIELD_END}")
_LISTED_BEFORE = re.compile(rf"(?<![\w\-'’])({_LISTED_NAME})[ \t]*[\-–/,][ \t]*$")
_MAX_LIST = 12  # towns added in a row along one list
_REPEATED_TOWN_SCORE = 0.55  # under the NER's readings of places (0.6)


def with_repeated_record_numbers(candidates: list[Finding], text: str) -> list[Finding]:
    """`candidates` and, for each record number among them, its other occurrences in `text`
    as whole tokens (not inside a longer number, a date or a web address)."""
    values = sorted(
        {
            text[f.start : f.end]
            for f in candidates
            if f.category == "PATIENT_ID"
            and f.score >= _MIN_SCORE
            and f.end - f.start >= _MIN_LENGTH
            and sum(c.isdigit() for c in text[f.start : f.end]) >= _MIN_DIGITS
        },
        key=len,
        reverse=True,
    )[:_MAX_VALUES]
    if not values:
        return candidates
    found = {(f.start, f.end) for f in candidates if f.category == "PATIENT_ID"}
    pattern = re.compile(rf"(?<![\w\-/.])(?:{'|'.join(map(re.escape, values))})(?![\w\-]|[/.]\w)")
    repeated = [
        Finding(match.start(), match.end(), "PATIENT_ID", 0.9, "patient_id.repeated")
        for match in pattern.finditer(text)
        if match.span() not in found
    ]
    return candidates + repeated


def with_repeated_towns(candidates: list[Finding], text: str) -> list[Finding]:
    """`candidates` and, for each known town found with strong evidence, its other occurrences
    in `text` written the same way, in capitals or capitalised ("ORANGE", "Orange"), as whole
    words (an elided article before is fine: "d'Orange") that no other capitalised word opens
    ("Hôpital Saint-Georges" is no town); the weakest reading of all, so that any other reading
    of the same words wins ("Centre médico-social de Lifou"). A country's name is not spread
    ("Luxembourg")."""
    towns, country_names = town_lexicon(), countries()
    values = set()
    for f in candidates:
        value = text[f.start : f.end]
        if f.category == "CITY" and f.score >= _TOWN_MIN_SCORE and value[:1].isupper():
            if _may_spread(value, towns, country_names):
                values.update((value, value.upper(), value.title()))
    if not values:
        return candidates
    found = {(f.start, f.end) for f in candidates if f.category == "CITY"}
    alternatives = "|".join(map(re.escape, sorted(values, key=len, reverse=True)[: 3 * _MAX_VALUES]))
    pattern = re.compile(rf"(?<![\w\-])(?:{alternatives})(?![\w\-])")
    repeated = [
        Finding(match.start(), match.end(), "CITY", _REPEATED_TOWN_SCORE, "city.repeated")
        for match in pattern.finditer(text)
        if match.span() not in found and not _CAPITALISED_WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    ]
    return candidates + repeated


def with_listed_towns(candidates: list[Finding], text: str) -> list[Finding]:
    """`candidates` and the known towns listed right after or before a town they hold, across a
    dash, a slash or a comma, as far as the list goes (at most `_MAX_LIST` each way); never a
    country ("Genève - Suisse"), the weakest reading of all."""
    towns, country_names = town_lexicon(), countries()
    found = {(f.start, f.end) for f in candidates if f.category == "CITY"}

    def is_town(match: re.Match[str] | None) -> bool:
        return match is not None and _may_spread(match.group(1), towns, country_names)

    listed: list[Finding] = []
    for town in [f for f in candidates if f.category == "CITY" and f.score >= _LISTED_TOWN_MIN_SCORE]:
        start, end = town.start, town.end
        for _ in range(_MAX_LIST):
            after = _LISTED_AFTER.match(text, end)
            if not is_town(after) or after.span(1) in found:
                break
            found.add(after.span(1))
            listed.append(Finding(after.start(1), after.end(1), "CITY", _REPEATED_TOWN_SCORE, "city.listed"))
            end = after.end(1)
        for _ in range(_MAX_LIST):
            before = _LISTED_BEFORE.search(text, max(0, start - 60), start)
            if not is_town(before) or before.span(1) in found:
                break
            if _CAPITALISED_WORD_BEFORE.search(text, max(0, before.start(1) - 40), before.start(1)):
                break  # "lycée Jean Moulin, Quimper": the end of a longer name
            found.add(before.span(1))
            listed.append(Finding(before.start(1), before.end(1), "CITY", _REPEATED_TOWN_SCORE, "city.listed"))
            start = before.start(1)
    return candidates + listed


def _may_spread(value: str, towns: TownLexicon, country_names: frozenset[str]) -> bool:
    """A town the lexicon knows, here or abroad, long enough, and no country's name."""
    return (
        len(value) >= _TOWN_MIN_LENGTH
        and value.casefold() not in country_names
        and (towns.is_known(value, 0) or towns.is_abroad(value))
    )
