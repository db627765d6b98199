"""Places: street lines (ADDRESS), postcodes (ZIP), towns (CITY), named facilities (HOSPITAL).

One detector over three sets of rules that share the town lexicon, `towns.py` (postcodes and
towns), `addresses.py` (street lines) and `facilities.py` (named facilities), and the NER's
towns and facilities that the lexicon or the name's words confirm (`place_model.py`), the
facility opening a page's running header or footer or a practice's letterhead
(`running_lines.py`), addresses in the United States (`us_addresses.py`), private practices
named after a place or a brand (`practices.py`);
`shapes.py` holds the pattern pieces they share."""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.paths import load_yaml
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.lexicon import TownLexicon, name_lexicon
from redactor.recognizers.identifiers.patterns import alternation
from redactor.recognizers.identifiers.places.addresses import AddressRules
from redactor.recognizers.identifiers.places.facilities import FacilityRules
from redactor.recognizers.identifiers.places.facility_names import FacilityNames
from redactor.recognizers.identifiers.places.place_model import FacilityWords, ModelPlaces
from redactor.recognizers.identifiers.places.practices import practice_names
from redactor.recognizers.identifiers.places.running_lines import letterhead_facilities, running_line_facilities
from redactor.recognizers.identifiers.places.towns import TownRules
from redactor.recognizers.identifiers.places.us_addresses import us_addresses


class PlaceRules(Detector):
    """Street lines, postcodes with their town, towns in context, and named facilities."""

    def __init__(self, towns: TownLexicon | None = None) -> None:
        super().__init__(name="PlaceRules", categories=["ADDRESS", "ZIP", "CITY", "HOSPITAL"])
        data = load_yaml("identifiers/places.yaml")
        streets = alternation(data["street_types"])
        titles = rf"(?:{alternation(name_lexicon().titles)})"
        self.town_rules = TownRules(data, titles, towns)
        self.address_rules = AddressRules(data, streets, titles, self.town_rules)
        self.facility_rules = FacilityRules(data, streets, titles, self.town_rules)
        words = FacilityWords(data)
        self.model_places = ModelPlaces(data, self.town_rules.towns, words)
        generic = frozenset((*data["facility_acronyms"], *data["community_services"]))
        self.facility_names = FacilityNames(words, self.town_rules.towns, generic)

    def find(self, text: str, doc: Doc) -> Iterable[Finding]:
        found = [
            *self.address_rules.find(text),
            *self.town_rules.find(text),
            *self.facility_rules.find(text),
            *self.model_places.find(text, doc),
            *running_line_facilities(text),
            *letterhead_facilities(text),
            *us_addresses(text),
            *practice_names(text),
        ]
        return found + self.facility_names.spread(text, found)
