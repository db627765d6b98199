"""CITY, HOSPITAL and ADDRESS: the spaCy NER's town, facility and street entities, where the
words confirm them.

The rules read a town or a facility from its context words ("à", a postcode, "CHU de") and
their vocabularies; the NER reads the sentence around it, so it finds what they were not
written for: a town that is also a word with nothing before it ("à 2 km de Sens", "Orange"),
a facility named after a place with a kind of its own ("Centre médico-chirurgical de Kourou",
"Groupe Santé Estuaire"). Its readings are weaker than every rule's (`SCORE`) and kept only
- for a town, where the town lexicon knows it (villages and merged communes too: the model's
  reading is the context they need) and it is no country or region; in lower case, after a
  preposition of place and no French word ("a chateauroux"); no list holds it, right after "à"
  in one or two words no dictionary or name list knows ("à Fès");
- for a facility, where its name has a word of its own after the first: not a kind of facility
  ("Centre de dialyse", "Maison de santé" name no one), not a country or region, not a blood
  group ("Groupe O Rhésus négatif"); the span ends before the next field of a letterhead or a
  table ("CHU de Reims - OUEDRAOGO Boukary") and before the lower-case words after its last
  capitalised one (the sentence going on: "institut Joliot Curie quel que soit ...");
- for a facility in lower case, as dictation writes it, where a kind opens it and a town or a
  word no dictionary knows follows ("l'hopital de chateauroux"); for a bare acronym in
  capitals, where it is no kind, common word or acronym known for another thing ("au CHC");
- for a street, where a street type opens a name on one line ("8 Place de l'Abbé G. Hénocque",
  "rue de paris"; not "place assise", "1 passage quotidien"); without one, where the layout
  says address (a label before it, a postcode or a street line after it) or a lodging is named
  ("hôtel Kyriad").
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex as re
from spacy.lang.fr.stop_words import STOP_WORDS
from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import TownLexicon, countries, fold, name_lexicon
from redactor.recognizers.identifiers.patterns import alternation
from redactor.recognizers.identifiers.places.shapes import ENGLISH_TERM, LINKING, ZIP
from redactor.recognizers.vouched.folding import common_word_keys, is_french_word

SCORE = 0.6  # under every rule's reading: a rule's extent and category win where they overlap
# a word without its elided article or preposition: "l'Estuaire" is "Estuaire"
_WORD = re.compile(r"(?:(?<![\w])[dlDL]['’])?+(\w+(?:-\w+)*+)")
# where a facility's name ends in a letterhead, a footer or a table: the next field ("CHU de
# Reims - OUEDRAOGO Boukary", "Clinique Saint-Jean - Montpellier", "CH de Béziers;;Béziers")
# ... or a sentence's end ("Retour au CHU. Nantes le ..."; not an abbreviation: "Hôp. Lapeyronie")
_FIELD_SEPARATOR = re.compile(
    r"[ \t]+[\-–—·/][ \t]+|[;,()\t\n]|[ ]{2,}|·"
    r"|(?<![\w])(?!(?i:hôp|hop|hosp|ctre|st|ste|dr|pr|mme|mr|av|bd)\.)\w{2,}\K\.[ \t]+(?=\p{Lu}\p{Ll})"
)
# what may stand before a town: a line's start, a mark or a number, a preposition or a
# conjunction; after another word it is part of a longer name ("lycée Montesquieu", "unité Les
# Vignes", "parcelle de Fonds Saint-Jacques"); a hyphen glued to a word opens none ("virus
# d'Epstein-Barr")
_BEFORE_TOWN = re.compile(
    r"(?:^|[^\w\s\-]|(?<![\w])-|\d|(?<![\w])(?i:à|a|au|aux|de|du|des|d['’]|en|et|ou|vers|sur|entre|près[ \t]+de|l['’]))[ \t]*$"
)
# a town's name after a street's comma ("impasse du Canal, Ramonville")
_CAPITALISED_WORDS = re.compile(r"\p{Lu}[\p{L}'’\- ]*")
# what says "a place" before a village or a town that is also a word: a field's separator, a
# number, a preposition of place, on this line or at the end of the last ("originaire de\nLifou");
# not a sentence's start, "et", "ou", "du" ("Lournand et Trévenans", "Sens des aiguilles",
# "l'université du Mans")
_PLACE_CUE_BEFORE = re.compile(
    r"(?:[,(/\-–—|·]|\d|(?<![\w])(?i:à|a|au|aux|de|d['’]|des|en|vers|sur|près[ \t]+de))[ \t\n]*$"
)
_A_JUST_BEFORE = re.compile(r"(?<![\w])(?i:à)[ \t]+$")
_PREPOSITION_OF_PLACE_BEFORE = re.compile(r"(?<![\w])(?i:à|a|de|d['’]|vers|sur|habite)[ \t]+$")
_LOWER_CASE_TOWN_MIN_POPULATION = 1000
# where a street's name ends: a postcode, spaced or Corsican too ("av. de la Libération 34200
# Sète", "Rue de la Station 42, B-7700 Mouscron", "place du Marché, 35 000 RENNES", "2A 004"), or
# the next field ("avenue Pierre Mendès-France - Montivilliers")
_AFTER_STREET = re.compile(r"[ \t,]+(?:\p{Lu}{1,2}-)?(?:\d{4,5}|(?:\d{2}|2[AB]) \d{3})(?!\d)|[ \t]+[\-–—·/][ \t]+|[ ]{2,}|\t")
_ACRONYM = re.compile(r"\p{Lu}{3,6}")
# what says that a line without a street type is an address's: a postcode after it, on its line
# or the next ("demeurant Les Chaumes,\n58500 Oisy"), or a street line after it, in the same
# block ("Foyer ADOMA, ch. 214\n15 r. de la Chapelle", "Centre commercial du Mail, 1er étage\n2 place ...")
_ADDRESS_AFTER = re.compile(rf"[ \t]*(?:,[ \t]*|[ \t][\-–][ \t]+)?(?:\n[ \t]*)?(?:(?:F-)?(?:{ZIP})[ \t]+\p{{Lu}}|\d{{1,4}}(?:[ \t]?(?:bis|ter))?,?[ \t]+\p{{L}})")
# a lodging by its name: a hotel, a shelter, a camp, a hostel (not a facility's kind)
_LODGING = re.compile(r"(?i:h[ôo]tel|refuge|campement|camping|auberge|g[îi]te)[ \t]+(?:\p{Lu}|(?i:des|du|de[ \t]+la|le|la|les)[ \t]+\p{Lu})")
_BLOOD_GROUP = re.compile(r"(?i:groupe)[ \t]+(?:AB|A|B|O)(?![\w])")
_STOP_WORDS = frozenset(fold(word) for word in STOP_WORDS)


class FacilityWords:
    """What a facility's words say: its kind ("Centre", "hospitalier", "CHU", "Maison"), or a
    name of its own."""

    def __init__(self, data: dict) -> None:
        self._countries = countries()
        kinds = [*data["facility_words"], *data["organisation_openers"], *data["facility_kind_words"]]
        self._kind_words = frozenset(fold(word) for phrase in kinds for word in _WORD.findall(phrase))
        self._kind_words |= {fold(word) for word in (*data["facility_acronyms"], *data["community_services"])}
        self.common_words = common_word_keys()
        # known facilities whose acronyms are other things elsewhere: read in their context only
        self._in_context_only = frozenset(data["facility_names_in_context"])

    def is_kind(self, word: str) -> bool:
        return fold(word) in self._kind_words

    def is_own(self, word: str) -> bool:
        """A word of a name: not a kind of facility, a stop word, a common word, a country, or
        a code of three capitals ("SMS", "EFR": an exam or a code, more often than not)."""
        key = fold(word)
        return (
            (len(word) > 3 or not word.isupper())
            and key not in self._kind_words
            and key not in _STOP_WORDS
            and key not in self.common_words
            and word.casefold() not in self._countries
        )

    def is_ordinary(self, word: str) -> bool:
        """A word of French a dictionary or real clinical text holds ("grasse", "Sapa" is none)."""
        key = fold(word)
        return is_french_word(key) or key in self.common_words

    def is_own_acronym(self, word: str) -> bool:
        """A facility's own acronym in capitals ("CHC", "UKF"): not a kind of facility ("CHU",
        "CMP"), a common word ("CAL"), a country, or a known facility's acronym that is another
        thing elsewhere ("NHC" is also Spain's record number)."""
        key = fold(word)
        return (
            bool(_ACRONYM.fullmatch(word))
            and word not in self._in_context_only
            and key not in self._kind_words
            and key not in self.common_words
            and word.casefold() not in self._countries
        )


class ModelPlaces:
    """The NER's CITY, HOSPITAL and ADDRESS entities that the town lexicon or the words confirm."""

    def __init__(self, data: dict, towns: TownLexicon, words: FacilityWords) -> None:
        self.towns = towns
        self.words = words
        self._countries = countries()
        self._community_services = frozenset(fold(service) for service in data["community_services"])
        # a street type, then a linking word or a capital: the start of a street's name; and a
        # street with a name ("rue de" is none: "rue de Paris" keeps its town)
        streets = alternation(data["street_types"])
        self._street = re.compile(rf"(?<![\w])(?i:{streets})[ \t]+(?:{LINKING}(?![\w])|\p{{Lu}})")
        self._named_street = re.compile(rf"(?<![\w])(?i:{streets})[ \t]+(?:{LINKING}(?![\w])[ \t]*)?+\p{{L}}")
        # an address's label or a resident's verb before the line ("Adresse du lieu du décès ....
        # Village Terre Rouge", "demeurant Les Chaumes")
        labels = alternation([*data["address_labels"], "demeurant", "domicilié(e)", "résidant", "habitant"])
        self._address_label = re.compile(rf"(?<![\w])(?i:{labels})(?![\w])[^\n]{{0,40}}$")

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for entity in doc.ents:
            if entity.label_ == "CITY" and self._is_town(text, entity.start_char, entity.text):
                yield Finding(entity.start_char, entity.end_char, "CITY", SCORE, "city.ner")
            elif entity.label_ == "HOSPITAL" and entity.text.islower():
                if self._is_dictated_facility(entity.text):
                    yield Finding(entity.start_char, entity.end_char, "HOSPITAL", SCORE, "hospital.ner")
            elif entity.label_ == "HOSPITAL":
                end = self._name_end(text, entity.start_char, entity.end_char)
                if end > entity.start_char and self._is_named_facility(text[entity.start_char : end]):
                    end = self._before_town(text, entity.start_char, end, self._is_named_facility)
                    yield Finding(entity.start_char, end, "HOSPITAL", SCORE, "hospital.ner")
            elif entity.label_ == "ADDRESS" and (end := self._street_end(text, entity.start_char, entity.end_char)):
                yield Finding(entity.start_char, end, "ADDRESS", SCORE, "address.ner")
            elif entity.label_ == "ADDRESS" and self._in_an_address_block(text, entity.start_char, entity.end_char):
                yield Finding(entity.start_char, entity.end_char, "ADDRESS", SCORE, "address.ner_block")

    def _is_town(self, text: str, start: int, name: str) -> bool:
        """A town the lexicon lists, where a town may start; a village or a town that is also a
        word ("Sens", "Lournand") only after a cue that says place."""
        if name.casefold() in self._countries:
            return False
        if not name[:1].isupper():
            # a form filled in by hand or dictation, in lower case ("née le 14 fevrier 1938 a
            # chateauroux"): a town of 1,000 inhabitants or more right after a preposition of
            # place, and no word ("à grasse température")
            return (
                self.towns.is_known(name, _LOWER_CASE_TOWN_MIN_POPULATION)
                and not self.words.is_ordinary(name)
                and bool(_PREPOSITION_OF_PLACE_BEFORE.search(text, max(0, start - 12), start))
            )
        line_start = text.rfind("\n", max(0, start - 30), start) + 1
        before = text[max(line_start, start - 30) : start]
        if self.towns.is_known(name, 1) or self.towns.is_abroad(name):
            return bool(_BEFORE_TOWN.search(before))
        if self.towns.is_known(name, 0):
            return bool(_PLACE_CUE_BEFORE.search(text, max(0, start - 30), start))
        # a town no list holds, abroad or a hamlet ("à Fès", "épouse restée à Koutaïssi"): right
        # after "à", one or two words no dictionary or name list knows
        return bool(_A_JUST_BEFORE.search(text, max(0, start - 8), start)) and self._is_unknown_word_run(name)

    def _is_unknown_word_run(self, name: str) -> bool:
        words = _WORD.findall(name)
        return 0 < len(words) <= 2 and all(
            word[:1].isupper()
            and not self.words.is_ordinary(word)
            and not name_lexicon().is_known_name(word)
            and not name_lexicon().is_not_name(word)
            for word in words
        )

    def _before_town(self, text: str, start: int, end: int, rest_stands: Callable[[str], bool]) -> int:
        """The end of a facility's name or a street without the town that closes it ("Clinique
        Pasteur Brest", "2 allée Kergoat Guipavas": the rules read the town as a CITY), where
        what is left still `rest_stands`."""
        words = list(_WORD.finditer(text, start, end))
        for first in range(max(2, len(words) - 3), len(words)):
            if self.towns.is_known(text[words[first].start() : end], 1):
                if rest_stands(text[start : words[first].start()].rstrip()):
                    return len(text[: words[first].start()].rstrip(" \t,-"))
                break
        return end

    def _street_end(self, text: str, start: int, end: int) -> int | None:
        """The end of a street line on one line, before the postcode or the next field and
        without its town; None if no street type opens a name in it."""
        street = self._street.search(text, start, end)
        if street is None or "\n" in text[start:end]:
            return None
        if after := _AFTER_STREET.search(text, street.end(), end):
            end = after.start()
        comma = text.rfind(",", street.end(), end)
        rest = text[comma + 1 : end].strip() if comma != -1 else ""
        if _CAPITALISED_WORDS.fullmatch(rest) and self.towns.may_start_a_town(rest):
            end = comma  # "impasse du Canal, Ramonville": the town after a comma
        return self._before_town(text, start, end, self._named_street.search)

    def _in_an_address_block(self, text: str, start: int, end: int) -> bool:
        """A line without a street type where the layout says address ("Les Chaumes", "Foyer
        ADOMA, ch. 214"): a label before it on its line, or a postcode or a street line after
        it; not a town the lexicon knows. A lodging by name is an address wherever it stands."""
        span = text[start:end]
        if "\n" in span:
            return False
        if _LODGING.match(span):
            return True  # "hébergé à l'hôtel Kyriad", "refuge des Écrins": where someone sleeps
        if not span[:1].isupper() or self.towns.is_known(span, 0):
            return False
        line_start = text.rfind("\n", max(0, start - 60), start) + 1
        return bool(self._address_label.search(text, max(line_start, start - 60), start) or _ADDRESS_AFTER.match(text, end))

    def _name_end(self, text: str, start: int, end: int) -> int:
        """Where the facility's name ends: before the next field, and before the lower-case words
        after its last capitalised word."""
        if separator := _FIELD_SEPARATOR.search(text, start, end):
            end = separator.start()
        last_capital = start
        for word in _WORD.finditer(text, start, end):
            if word.group(1)[0].isupper():
                last_capital = word.end()
        return last_capital

    def _is_dictated_facility(self, span: str) -> bool:
        """A facility's name in lower case, as dictation or a hand-filled form writes it
        ("hopital de chateauroux", "hôpital pierre-zobda-quitman"): a kind of facility, then a
        known town or a word no dictionary knows."""
        words = _WORD.findall(span)
        if len(words) < 2 or not self.words.is_kind(words[0]) or fold(words[0]) in self._community_services:
            return False
        named = [word for word in words[1:] if fold(word) not in _STOP_WORDS and not self.words.is_kind(word)]
        return bool(named) and (
            self.towns.is_known(" ".join(named), _LOWER_CASE_TOWN_MIN_POPULATION)
            or any(not is_french_word(fold(part)) for word in named for part in word.split("-") if len(part) > 2)
        )

    def _is_named_facility(self, span: str) -> bool:
        words = _WORD.findall(span)
        if not span[:1].isalpha() or fold(words[0]) in self._community_services or _BLOOD_GROUP.match(span):
            return False  # a community service is read by its town ("CMP du Mans")
        if len(words) > 3 and span.isupper():
            return False  # a heading in capitals
        if len(words) > 1 and ENGLISH_TERM.match(words[1]):
            return False  # "Hospital Anxiety and Depression" is a scale
        own = [word for word in words[1:] if word[0].isupper() and self.words.is_own(word)]
        # a bare acronym the model reads as a facility from its sentence ("héliporté au CHC",
        # "greffe au UKF"); in real case reports it reads none
        return bool(own) or (len(words) == 1 and (self.words.is_own(words[0]) or self.words.is_own_acronym(words[0])))
