"""Places: street lines (ADDRESS), postcodes (ZIP), towns (CITY), named facilities (HOSPITAL)."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Iterator

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.paths import load_yaml, models_dir
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.lexicon import fold

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿœ"
_PROPER_WORD = rf"(?:[{_UPPER}][\w'’\-]*|\d{{1,4}}(?:er|e)?)"
_LINKING = r"(?:de\s+la|de\s+l['’]|des|du|de|d['’]|la|le|les|l['’]|et|sur|sous|en|aux|au|à|lès|les)"
# a proper name made of capitalised words, numbers ("8 Mai 1945") and linking words
_PROPER_NAME = rf"{_PROPER_WORD}(?:(?:[ \t]+|-)(?:{_LINKING}[ \t]*)?{_PROPER_WORD}){{0,5}}"
_TOWN = rf"(?!CEDEX|Cedex)[{_UPPER}][\w'’]*(?:(?:[ \t]*-[ \t]*|[ \t]+)(?:(?:sur|sous|en|lès|les|le|la|de|du|des|d['’]|l['’])[ \t\-]*)?(?!CEDEX|Cedex)[{_UPPER}][\w'’]*){{0,4}}"
_ZIP = r"(?:0[1-9]|[1-8]\d|9[0-8])\d{3}|(?:0[1-9]|[1-8]\d|9[0-8]) \d{3}"


def _alternation(words: Iterable[str]) -> str:
    escaped = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "|".join(escaped)


def _read_cities() -> list[str]:
    with (models_dir() / "identifiers" / "cities.txt").open(encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


class PlaceRules(Detector):
    """Street lines, postcodes with their town, towns in context, and named facilities."""

    def __init__(self) -> None:
        super().__init__(name="PlaceRules", categories=["ADDRESS", "ZIP", "CITY", "HOSPITAL"])
        data = load_yaml("identifiers/places.yaml")
        streets = _alternation(data["street_types"])
        self._address = re.compile(
            rf"(?<![\w])(?:(?P<number>\d{{1,4}}(?:[ \t]?(?:bis|ter|quater|[A-Da-d])(?![\w]))?)[ \t]*,?[ \t]*)?"
            rf"(?i:(?:{streets}))(?![\w])[ \t]+"
            rf"(?P<name>(?:{_LINKING}[ \t]*)?(?:{_PROPER_NAME}|[{_LOWER}]+(?:[ \t]+[{_LOWER}]+)?(?=[ \t]*(?:,|\n|$|\d{{5}})))"
            rf"|(?:{_LINKING}[ \t]*)[{_LOWER}]+(?:[ \t\-]+[{_LOWER}]+)?)"
        )
        self._po_box = re.compile(r"(?<![\w])(?:BP|CS|TSA)[ \t]?\d{2,6}(?![\w])")
        self._zip_town = re.compile(
            rf"(?<![\w\-])(?P<zip>{_ZIP})[ \t]+(?P<town>{_TOWN})(?:[ \t]+(?:CEDEX|Cedex|cedex)(?:[ \t]+\d{{1,2}})?)?"
        )
        self._zip_label = re.compile(rf"(?i:\b(?:CP|code\s+postal)\s*:?\s*)(?P<zip>{_ZIP})(?![\w])")
        self._city_context = re.compile(
            rf"(?i:(?<![\w])(?:{_alternation(data['city_context'])}))[ \t]+(?P<town>{_TOWN})"
        )
        ambiguous = {fold(c) for c in data["ambiguous_cities"]}
        towns = [c for c in _read_cities() if fold(c) not in ambiguous]
        spellings = {form for town in towns for form in (town, town.upper(), _without_accents(town))}
        self._known_town = re.compile(rf"(?<![\w\-'’])(?:{_alternation(spellings)})(?![\w\-'’])")
        acronyms = _alternation(data["facility_acronyms"])
        words = _alternation(data["facility_words"])
        self._facility = re.compile(
            rf"(?<![\w\-])(?P<type>(?:{acronyms})|(?i:{words}))(?![\w\-])"
            rf"(?P<name>(?:[ \t]*-[ \t]*|[ \t]+)(?:(?:de\s+la|de\s+l['’]|des|du|de|d['’]|les|le|la)[ \t]*)?{_PROPER_NAME})"
        )

    def _addresses(self, text: str) -> Iterator[Finding]:
        for match in self._address.finditer(text):
            name = match.group("name")
            has_proper_name = bool(re.search(rf"[{_UPPER}]", name))
            if not match.group("number") and not has_proper_name:
                continue
            end = match.end("name")
            yield Finding(match.start(), end, "ADDRESS", 0.85 if match.group("number") else 0.7, "address.street")
        for match in self._po_box.finditer(text):
            yield Finding(match.start(), match.end(), "ADDRESS", 0.8, "address.po_box")

    def _postcodes_and_towns(self, text: str) -> Iterator[Finding]:
        for match in self._zip_town.finditer(text):
            yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.95, "zip.with_town")
            town = match.group("town")
            if fold(town.split()[0]) not in ("cedex",):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.9, "city.after_zip")
        for match in self._zip_label.finditer(text):
            yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.label")
        for match in self._city_context.finditer(text):
            yield Finding(match.start("town"), match.end("town"), "CITY", 0.85, "city.context")
        for match in self._known_town.finditer(text):
            yield Finding(match.start(), match.end(), "CITY", 0.75, "city.lexicon")

    def _facilities(self, text: str) -> Iterator[Finding]:
        for match in self._facility.finditer(text):
            name = match.group("name").rstrip()
            yield Finding(match.start("type"), match.start("name") + len(name), "HOSPITAL", 0.85, "hospital.named")

    def find(self, text: str, doc: Doc) -> Iterable[Finding]:
        return [*self._addresses(text), *self._postcodes_and_towns(text), *self._facilities(text)]
