"""Postcodes (ZIP) and towns (CITY): after a postcode, in context, before a country, in a
letter's place line, or alone when large."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Iterator

import regex as re

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import TownLexicon, countries, fold, name_lexicon, town_lexicon
from redactor.recognizers.identifiers.patterns import (
    NAME_PARTICLE_ANY_CASE,
    NOT_IN_WORD_BEFORE,
    UPPER,
    JoinedParts,
    alternation,
    eponym_before,
    first_characters,
)
from redactor.recognizers.identifiers.places.shapes import (
    FOREIGN_ZIP,
    MONTHS,
    SAINT,
    TOWN,
    TOWN_WORDS,
    ZIP,
    finditer_needing_postcode,
)
from redactor.recognizers.vouched.folding import common_word_keys

# a hyphen and a digit glued after a word: the word opens a code
_CODE_AFTER = re.compile(r"-[A-Z]{0,3}\d")
# the arrondissement written after a town divided into them: "Paris 14e", "Lyon 3ème", "Marseille 1er"
_ARRONDISSEMENT_AFTER = re.compile(r"[ \t]+(?:1er|1ER|\d{1,2}(?:e|E|è|ème|eme|ÈME|EME|ᵉ))(?![\w])")
_TOWNS_WITH_ARRONDISSEMENTS = frozenset({"paris", "lyon", "marseille"})
# "grade II de Tokyo": a Roman numeral before "de" is a classification's grade, no service
_ROMAN_NUMERAL = re.compile(r"[IVX]+[ \t]")
# "à J15", "opéré à J 7": day counts after an event, not towns
_DAY_COUNT = re.compile(r"[A-Z]\d*")
# "London SE1 7EH", "Manchester M13 9WL": a British postcode after its town
_UK_TOWN_POSTCODE = re.compile(r"(?<![\w\-])(?P<town>\p{Lu}[\w'’\-]+)[ \t]+(?P<zip>[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2})(?![\w])")
# Canadian postcodes ("H3T 1C5"), where the text says Quebec or Canada just before
_CANADIAN_ZIP = re.compile(r"(?<![\w])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?![\w])")
_CANADA_BEFORE = re.compile(r"(?i:qu[ée]bec|\bQC\b|canada|ontario|montr[ée]al)")
_YEAR_BEFORE = re.compile(r"(?i:\b(?:en|depuis|dès|des|année|annee|in|since|avant|après|apres|fin|début|debut)[ \t]*)$")
# dictated in lower case: "69500 bron", "vit à vitry-sur-seine" (known towns only)
_ZIP_LOWERCASE_TOWN = re.compile(rf"(?<![\w\-.,/])(?P<zip>{ZIP})[ \t]+(?P<town>\p{{Ll}}[\w'’]*(?:-[\w'’]+){{0,4}})")
_LOWERCASE_COMPOUND_TOWN = re.compile(r"(?<![\w])(?:à|a|au)[ \t]+(?P<town>\p{Ll}+(?:-\p{Ll}+){1,4})(?![\w\-])")
# a school named after its town, not a person: "collège de Vitré", "l'école de\nMontreuil-Bellay"
# (named after a person, a school takes no "de": "collège Jean Moulin")
_SCHOOL_OF = re.compile(
    r"(?i:\b(?:école|ecole|collège|college|lycée|lycee|université|universite|faculté|faculte|crèche|creche|groupe\s+scolaire)"
    r"(?:[ \t]+(?:primaire|maternelle|élémentaire|elementaire|publique|privée|privee|municipale))?[ \t]+(?:de|d['’])[ \t\n]*)$"
)
# a second town joined to a found one: "à Uhart-Cize et Ispoure", "entre Oiapoque et Saint-Georges"
_JOINED_TOWN = re.compile(rf"[ \t]+(?:et|ou)[ \t]+(?P<town>{TOWN})")
# a known town opening a line before a dash and a capital: a letterhead's or a footer's field
_TOWN_OPENING_A_LINE = re.compile(rf"(?m)^[ \t]*(?P<town>{TOWN})[ \t]+[\-–][ \t]+(?=\p{{Lu}})")
# ... or labelling a site's phone: "Bourg-Saint-Maurice (antenne saisonnière) : 04 79 41 79 18"
_TOWN_LABELLING_A_PHONE = re.compile(rf"(?m)^[ \t]*(?P<town>{TOWN})(?:[ \t]+\([^()\n]{{1,40}}\))?[ \t]*:[ \t]*(?=(?:\+|0)\d)")
# a town closing a line after a comma, as an address's or a signature's last field: "Cabinet de
# pathologie des Landes, Dax", "Dr Cécile PUJOL, Muret" (towns that are also first names or words
# too: the place is the line's last field)
_TOWN_ENDING_A_LINE = re.compile(rf"(?m),[ \t]*(?P<town>{TOWN})[ \t]*$")
_LINE_END_TOWN_MIN_POPULATION = 5_000
# Standalone towns must be this big to be found without any context (small towns are often
# ordinary words or surnames); with context (zip, "né à", "domicilié à") any town counts.
_STANDALONE_MIN_POPULATION = 20_000


# the words before a place's preposition inside a capitalised run: "Né à " in "Né à Sétif"
_UP_TO_PREPOSITION = re.compile(r".*[ \t](?:à|À)[ \t]+")


_LABEL_COLON = re.compile(r"[ \t]*:(?!\d)")
_TOWN_LABEL = re.compile(r"(?i:ville|commune|localit[ée])")
# countries whose capital bears their name: after "à", the city
# a classification named after a town, with its grade: "Prague C0M0" (Barrett's oesophagus),
# "Paris 0-Is" (a polyp's shape)
_CLASSIFICATION_GRADE_AFTER = re.compile(r"[ \t]+(?:0-I|C\d{1,2}[ \t]?M\d{1,2}(?![\w]))")
# a capital inside a word: "IgE", "HbA1c" are no town (Igé is one, in the Orne)
_INNER_CAPITAL = re.compile(r"\p{Ll}\p{Lu}")
_CITY_STATE = re.compile(r"(?:Luxembourg|Monaco|Singapour|Djibouti|Koweït|Koweit)(?![\w\-])")


class TownRules:
    """Postcodes and towns; the town lexicon's readings the street and facility rules share."""

    def __init__(self, data: dict, titles: str, towns: TownLexicon | None = None) -> None:
        self._town_in_parentheses = re.compile(rf"\([ \t]*(?P<town>{TOWN})[ \t]*[),]")
        # "Dr LAFFARGUE St-Loubès", "Dr Guillotin - Fougères", "Dr Didier FERREIRA, Cenon": a
        # doctor's town after the name
        self._town_after_doctor = re.compile(
            rf"(?<![\w])(?:Dr|Pr|Docteur|Professeur)\.?[ ]+(?:\p{{Lu}}[\w'’.\-]*[ ]+){{0,2}}\p{{Lu}}[\w'’.\-]*"
            rf"(?:(?P<comma>[ ]*,[ ]*)|[ ]+(?:-[ ]+)?)(?P<town>{TOWN})(?=[ \t]*(?:\n|$|[,;()\-]|\t))"
        )
        # "75013 Paris", "F-75013 PARIS", "75013PARIS", "B-1000 Bruxelles", "1000-001 Lisboa"
        self._zip_town = re.compile(
            rf"(?<![\w\-])(?P<zip>(?:F[ \t]?-[ \t]?|F)?(?:{ZIP})|{FOREIGN_ZIP})(?:[ \t]+|(?=\p{{Lu}}))(?P<town>{TOWN})"
            rf"(?:[ \t]+(?:CEDEX|Cedex|cedex)(?:[ ]\d{{1,2}}(?!\d))?)?"  # not the next column's postcode
        )
        # "00184 Roma", "1200 Bruxelles", "1006 Tunis": four or five digits before a known town abroad
        self._foreign_zip_town = re.compile(rf"(?<![\w\-.,/])(?P<zip>\d{{4,5}})[ ]+(?P<town>{TOWN})")  # not across cells
        # "Ferme des Varodes, 39130\nPont-de-Poitte": a postcode ending a line, its known town on the next
        self._zip_then_town_below = re.compile(rf",[ \t]*(?P<zip>{ZIP})[ \t]*\n[ \t]*(?P<town>{TOWN})(?=[ \t]*(?:[(,]|\n|$))")
        # "PARIS 75013", "Lyon (69003)": a known town then its postcode
        self._town_zip = re.compile(rf"(?<![\w\-])(?P<town>{TOWN})[ \t]*(?:\([ \t]*|-[ \t]*|,[ \t]*)?(?P<zip>{ZIP})(?![\w])")
        # "CP=44380", "code_postal = 86100" in an export
        # (or after a form's dot leader: "Code postal ......... 97320")
        self._zip_label = re.compile(rf"(?i:(?<![^\W_])(?:CP|code[\s_]+postal)(?:[ \t]*(?:\.{{4,}}|…{{2,}}))?\s*[:=]?\s*)(?P<zip>{ZIP})(?![\w])")
        self._city_context = re.compile(
            # (the context ends a word: "POMPIERS\n\nDECLARATION" holds no "pompiers de")
            rf"(?i:(?<![\w])(?=[{first_characters(data['city_context'])}])(?:{alternation(data['city_context'])}))(?:(?<=['’])|(?![\w]))"
            # (a tab only after a colon: "Départ : domicile<tab>Arrivée :" is the next cell's label)
            rf"(?:[ \t]*:[ \t]*|[ ]*)(?P<town>{TOWN})"
        )
        self._born_at = re.compile(rf"(?i:\bn[ée]e?(?:\(e\))?\b)[^\n.;]{{0,40}}?\b(?i:à|a)[ \t]+(?P<town>{TOWN})")
        # a signature line dated before its place: "Fait le 27.01.2025 à Trévenans"
        self._signed_at = re.compile(rf"(?i:\bfait[ \t]+le\b)[^\n;]{{1,30}}?[ \t](?i:à|a)[ \t]+(?P<town>{TOWN})")
        self.towns = towns or town_lexicon()
        # capitalised runs recur (letterheads, name-dense notes): remember their reading
        self._cached_town_length = lru_cache(maxsize=8192)(self._town_length)
        self._countries = countries()
        # strong context: any known town, even one that is also a word ("à Tours")
        self._town_after_a = re.compile(rf"(?<![\w])(?i:à|au)(?:[ \t]+|[ \t]*\n[ \t]*)(?P<town>{TOWN})")
        # weaker contexts: "de Feyzin", "(Illkirch)", "CHU X - Lyon", "vers Dakar": towns that are
        # not also ordinary words; and a road's directions, exits and ends ("A16 PK 87 sens
        # Boulogne→Amiens", "après la sortie Bollène")
        self._town_in_context = re.compile(
            rf"(?:(?<![\w])(?:(?i:de|pour|vers|depuis|puis|a|sens|direction|sortie)(?:[ \t]+|[ \t]*\n[ \t]*)|(?i:d['’])[ \t]*)|\([ \t]*|[ \t]-[ \t]|,[ \t]*|[→][ \t]*)(?P<town>{TOWN})"
        )
        # "du Mans", "du Havre", "des Sables-d'Olonne": a town whose name opens on "Le" or
        # "Les", its article joined to "de"
        self._town_after_du = re.compile(rf"(?<![\w])(?P<article>du|des|aux|Du|Des|Aux|DU|DES|AUX)[ \t]+(?P<town>{TOWN})")
        # "SPST de Molsheim", "SMUR d'Armentières", "USMP de Fleury-Mérogis": a service's acronym
        # and the town it serves
        self._town_of_acronym = re.compile(rf"(?<![\w\-])\p{{Lu}}{{2,6}}[ \t]+(?:(?i:de|du)[ \t]+|(?i:d['’])[ \t]*)(?P<town>{TOWN})")
        self._town_of_unit = re.compile(
            rf"(?<![\w\-])(?:{alternation(data['units_named_after_their_town'])})[ \t]+(?:(?i:de|du)[ \t]+|(?i:d['’])[ \t]*)?(?P<town>{TOWN})"
        )
        self._eponym_before = re.compile(eponym_before(name_lexicon().eponym_triggers))
        # "Dakar (Sénégal)", "Izmir (Turquie)": any town, known or not, then its country
        self._town_before_country = re.compile(
            rf"{NOT_IN_WORD_BEFORE}(?!{titles}\b)(?P<town>{TOWN})[ \t]*\([ \t]*(?P<country>{UPPER}[\w'’ \-]{{2,30}}?)[ \t]*\)"
        )
        # letters: "Saint-Priest-en-Jarez, le 28 février 2023"
        weekday = r"(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|premier|1er)"
        # without "le", a comma and a whole date: "Fouesnant, 24 avril 2024", "Paris, 12/03/2024"
        self._letter_place = re.compile(
            # ("Fait à Lorient, le 12 mars": the town without its verb)
            # (or in a page's right column, after a rule: "Dr Frédéric WEBER   │  Ars-Laquenexy, le 7 février")
            rf"(?m)(?:^|\t|[│¦][ ]*)[ \t]*(?:(?i:fait|établi|etabli)[ \t]+(?i:à|a)[ \t]+)?(?P<town>{TOWN})(?P<comma>(?:[ ]?,)?)[ \t]+(?:le[ \t]+(?:\d|{weekday}\b)"
            rf"|(?<=,[ \t]*)(?:{weekday}[ \t]+)?\d{{1,2}}(?:er)?(?:[ \t]+{MONTHS}[ \t]+\d{{4}}|[/.]\d{{1,2}}[/.]\d{{2,4}}))"
        )
        self._capitalised_run = re.compile(rf"{NOT_IN_WORD_BEFORE}{TOWN}")

    def find(self, text: str) -> list[Finding]:
        """Postcodes and towns, a town divided into arrondissements with the one written after it,
        and a known town joined to a found one ("à Uhart-Cize et Ispoure")."""
        found = [_whole_compound(text, _with_arrondissement(text, f)) for f in self._postcodes_and_towns(text)]
        return found + list(self._joined_towns(text, found))

    def _town_ending(self, words: str) -> int | None:
        """Where the known town that ends `words` starts: the whole ("Marseille"), or its last
        words after "à" ("Fait à Marseille"; not "CP Ville"); None for no town."""
        starts = [0] + [after.end() for after in _AFTER_A.finditer(words)]
        for start in starts[:_MAX_TOWN_STARTS_TRIED]:
            if self.known_town_length(words[start:], 0) == len(words) - start:
                return start
        return None

    def _joined_towns(self, text: str, found: list[Finding]) -> Iterator[Finding]:
        for finding in found:
            if finding.category == "CITY" and finding.score >= 0.8 and (joined := _JOINED_TOWN.match(text, finding.end)):
                town = joined.group("town")
                length = self.known_town_length(town, 0)
                if length and not name_lexicon().is_known_name(town[:length]):
                    yield Finding(joined.start("town"), joined.start("town") + length, "CITY", 0.8, "city.joined")

    def _postcodes_and_towns(self, text: str) -> Iterator[Finding]:
        for match in self._zip_town.finditer(text):
            if not self._is_town_after_zip(text, match):
                continue
            yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.95, "zip.with_town")
            yield Finding(match.start("town"), match.end("town"), "CITY", 0.9, "city.after_zip")
        for match in self._foreign_zip_town.finditer(text):
            if re.fullmatch(ZIP, match.group("zip")) or _YEAR_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue  # a French postcode (above), or "en 2019 Lisbonne"
            town = match.group("town")
            length = self.abroad_town_length(town)
            if length:  # "1200 Bruxelles", "00184 Roma", "1224 Chêne-Bougeries Tél. ..."
                yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.abroad")
                yield Finding(match.start("town"), match.start("town") + length, "CITY", 0.85, "city.after_zip")
        for match in finditer_needing_postcode(self._zip_then_town_below, text):
            if self.known_town_length(match.group("town"), 1) == len(match.group("town")):
                yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.with_town")
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.85, "city.after_zip")
        for match in _UK_TOWN_POSTCODE.finditer(text):
            if self.towns.is_abroad(match.group("town")) or self.towns.is_town(match.group("town")):
                yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.uk")
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.85, "city.before_zip")
        for match in _CANADIAN_ZIP.finditer(text):
            if _CANADA_BEFORE.search(text, max(0, match.start() - 80), match.start()):
                yield Finding(match.start(), match.end(), "ZIP", 0.9, "zip.canada")
        for match in finditer_needing_postcode(self._town_zip, text):
            if (town_start := self._town_ending(match.group("town"))) is not None:
                start = match.start("town") + town_start
                yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.after_town")
                yield Finding(start, match.end("town"), "CITY", 0.85, "city.before_zip")
        for match in finditer_needing_postcode(_ZIP_LOWERCASE_TOWN, text):
            # dictated or typed in lower case: "69500 bron" (a known town only)
            length = self.known_town_length(match.group("town"), 0)
            if length and fold(match.group("town")[:length]) not in common_word_keys():  # "10500 blanc(s)"
                yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.with_town")
                yield Finding(match.start("town"), match.start("town") + length, "CITY", 0.85, "city.after_zip")
        for match in _LOWERCASE_COMPOUND_TOWN.finditer(text):
            town = match.group("town")  # "vit à vitry-sur-seine": a compound name, known, after "à"
            if self.known_town_length(town, 0) == len(town):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.8, "city.lexicon_context")
        for match in self._zip_label.finditer(text):
            yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.label")
        for pattern, rule in (
            (self._city_context, "city.context"),
            (self._born_at, "city.born_at"),
            (self._signed_at, "city.signed_at"),
        ):
            for match in pattern.finditer(text):
                town = match.group("town")
                if _DAY_COUNT.fullmatch(town) or town.casefold() in self._countries:
                    continue  # "à J15"; "originaire de Guadeloupe": a region
                if name_lexicon().is_not_name(town.split()[0]) and not self.known_town_length(town, 0):
                    continue  # "Gynécologue de ville : Dr Agnès PELLETIER": a title, not a town
                end = match.end("town")
                if (joined := re.search(r"[ \t](?:et|ET)[ \t]", town)) and self.known_town_length(town[: joined.start()], 0) == joined.start():
                    end = match.start("town") + joined.start()  # "Vit à Lyon et Marie ...": the town, then a sentence goes on
                yield Finding(match.start("town"), end, "CITY", 0.85, rule)
        for pattern, strong in ((self._town_after_a, True), (self._town_in_context, False)):
            # the strong context overlapped: "au CH Ravenel à Mirecourt" must still try "à Mirecourt"
            for match in pattern.finditer(text, overlapped=strong):
                length = self.known_town_length(match.group("town"), 0 if strong else 1)
                start = match.start("town")
                if strong and not length and (city_state := _CITY_STATE.match(text, start)) and text[match.start() : start].strip() == "à":
                    length = city_state.end() - start  # "travaille à Luxembourg": the city ("au Luxembourg": the country)
                town = match.group("town")[:length]
                if not strong and ((town.isupper() and len(town) <= 4) or len(town) <= 2):
                    continue  # "(AE1-AE3, DAKO)", "(RIS)", "(Gy)": acronyms, brands and units
                if not strong and re.match(r"[ ]+\p{Lu}\p{Ll}+[ \t]+\p{Lu}", text[start + length : start + length + 30]):
                    continue  # "(Richmond Agitation Sedation Scale)": the first word of a title (not the next cell's)
                if not strong and (_CLASSIFICATION_GRADE_AFTER.match(text, start + length) or _INNER_CAPITAL.search(town)):
                    continue
                if text[start + length : start + length + 1] in ("®", "™"):
                    continue  # "Cobas e411, Roche®": a manufacturer
                if length and not (self.eponym_ends_at(text, start) and not _SCHOOL_OF.search(text, max(0, start - 40), start)):
                    # context plus lexicon outrank a bare NER guess of a person
                    yield Finding(start, start + length, "CITY", 0.82, "city.lexicon_context")
        yield from self._towns_after_du(text)
        yield from self._towns_of_services(text)
        for match in self._town_in_parentheses.finditer(text):
            town = match.group("town")
            if (town.isupper() and len(town) <= 4) or len(town) <= 3:
                continue  # "(BAAR)", "(RIS)", "(Gy)": an acronym or a unit, though a town bears its letters
            if self.known_town_length(town, 0) == len(town) and not self.eponym_ends_at(text, match.start()):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.82, "city.in_parentheses")
        for match in self._town_after_doctor.finditer(text):
            town = match.group("town")
            before = text[match.start() : match.start("town")].rstrip(" -")
            if not match.group("comma") and (
                before.endswith(".") or name_lexicon().is_first_name(last := before.split()[-1]) or NAME_PARTICLE_ANY_CASE.fullmatch(last)
            ):
                # "Dr E. Saint-Hilaire", "Dr Hugues Lamarque", "Dr Agathe DE BORT" (a surname's
                # particle before a word that is also a town): the surname
                continue
            # after a comma ending the name, any town, even one that is also a word ("Dr Maupas, Tours")
            if self.towns.is_known(town, 0 if match.group("comma") else 1000) and not name_lexicon().is_known_name(town):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.92, "city.after_doctor")
        for match in self._town_before_country.finditer(text):
            if match.group("country").casefold() in self._countries and not self.eponym_ends_at(text, match.start()):
                # the town is after the place's preposition: "Né à Sétif (Algérie)"
                after_preposition = _UP_TO_PREPOSITION.match(match.group("town"))
                start = match.start("town") + (after_preposition.end() if after_preposition else 0)
                yield Finding(start, match.end("town"), "CITY", 0.85, "city.before_country")
        for match in self._letter_place.finditer(text):
            town = match.group("town")
            # "Née le 3 mars" is no place: an unknown word needs the comma of a letter's place line
            if match.group("comma") or self.known_town_length(town, 0) == len(town):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.85, "city.letter_place")
        for match in _TOWN_OPENING_A_LINE.finditer(text):
            town = match.group("town")  # "Gérardmer - Service de soins infirmiers à domicile"
            if self.known_town_length(town, 1) == len(town) and not name_lexicon().is_known_name(town):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.8, "city.line_start")
        for match in _TOWN_LABELLING_A_PHONE.finditer(text):
            town = match.group("town")
            if self.known_town_length(town, 1) == len(town) and fold(town) not in common_word_keys() and (
                "-" in town or " " in town or self.towns.inhabitants(town) >= _LINE_END_TOWN_MIN_POPULATION
            ):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.8, "city.line_start")
        for match in _TOWN_ENDING_A_LINE.finditer(text):
            town = match.group("town")
            if self.towns.inhabitants(town) >= _LINE_END_TOWN_MIN_POPULATION:
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.8, "city.line_end")
        for match in self._capitalised_run.finditer(text, overlapped=True):
            length = self.known_town_length(match.group(), _STANDALONE_MIN_POPULATION)
            if length and not _CODE_AFTER.match(text, match.start() + length) and not (  # "PAU-25-T0412": a sample's code
                _CLASSIFICATION_GRADE_AFTER.match(text, match.start() + length)
            ):
                yield Finding(match.start(), match.start() + length, "CITY", 0.75, "city.lexicon")

    def _is_town_after_zip(self, text: str, match: re.Match) -> bool:
        """"75013 Paris" but not "15 000 E/mm3" or "10000 UI": a count and its unit are no address."""
        town = match.group("town")
        if text[match.end("town") : match.end("town") + 1] == "/":
            return False  # "15 000 E/mm3"
        if _TOWN_LABEL.fullmatch(town) and _LABEL_COLON.match(text, match.end("town")):
            return False  # "63390   Ville : Saint-Gervais": the next cell's label (Villé is a town too)
        known = self.known_town_length(town, 0) == len(town) or self.abroad_town_length(town) == len(town)
        if " " in match.group("zip").strip() or (town.isupper() and len(town) <= 3):
            return known  # "75 013" and short capitals ("UI", "GB") need a known town
        gap = text[match.end("zip") : match.start("town")]
        if "\t" in gap or (not gap and not town.isupper()):
            return known  # the next cell of a table ("A-0932    IPP CH"), or glued: "34970Lattes"
        return len(town) >= 2

    def abroad_town_length(self, candidate: str) -> int:
        """Length of the longest leading run of words of `candidate` that is a town abroad."""
        ends = [m.end() for m in TOWN_WORDS.finditer(candidate)]
        return next((end for end in reversed(ends) if self.towns.is_abroad(candidate[:end])), 0)

    def _towns_after_du(self, text: str) -> Iterator[Finding]:
        """Towns of 15,000 inhabitants or more named "Le X" or "Les X" after "du", "des" or "aux"
        ("fait aux Abymes"; not a first name: "du François" is no town of Martinique)."""
        for match in self._town_after_du.finditer(text):
            article = "le " if match.group("article").casefold() == "du" else "les "
            town = match.group("town")
            length = self.known_town_length(article + town, 15_000) - len(article)
            if length > 0 and not name_lexicon().is_first_name(town[:length]) and not self.eponym_ends_at(text, match.start("town")):
                yield Finding(match.start("town"), match.start("town") + length, "CITY", 0.82, "city.after_du")  # not "l'université du Mans"

    def _towns_of_services(self, text: str) -> Iterator[Finding]:
        """A known town after a service's acronym ("SPST de Molsheim"); not a classification's
        grade ("grade II de Tokyo"). After an emergency unit, any known town ("SMUR Orange")."""
        for match in self._town_of_acronym.finditer(text):
            length = self.known_town_length(match.group("town"), 1)
            if length and not _ROMAN_NUMERAL.match(match.group()) and not self.eponym_ends_at(text, match.start()):
                yield Finding(match.start("town"), match.start("town") + length, "CITY", 0.85, "city.of_service")
        for match in self._town_of_unit.finditer(text):
            # "SMUR Orange": an emergency unit's base, though the town is a word too
            if length := self.known_town_length(match.group("town"), 0):
                yield Finding(match.start("town"), match.start("town") + length, "CITY", 0.85, "city.of_service")

    def eponym_ends_at(self, text: str, position: int) -> bool:
        """An eponym's trigger ends at `position` ("maladie de |Dupuytren", "université du |Mans"),
        read in the 40 characters before it."""
        return bool(self._eponym_before.search(text, max(0, position - 40), position))

    def known_town_length(self, candidate: str, min_population: int) -> int:
        """Length of the longest leading run of words of `candidate` that is a known town."""
        return self._cached_town_length(candidate, min_population)

    def _town_length(self, candidate: str, min_population: int) -> int:
        if candidate.casefold() in self._countries:
            return 0
        ends = [m.end() for m in TOWN_WORDS.finditer(candidate)]
        if not ends or not self.towns.may_start_a_town(candidate[: ends[0]]):
            return 0
        for end in reversed(ends):
            name = candidate[:end]
            if self.towns.is_known(name, min_population) or (min_population < 2 and self.towns.is_abroad(name)):
                return end
        return 0

    def town_ending_a_name(self, text: str, start: int, end: int) -> tuple[int, int, int] | None:
        """"Clinique Pasteur Évreux", "18 rue de Siam Brest": a town written after a name made of
        two or more words, without "de" before it, is the place, not part of the name. Returns
        where the name now ends and where the town starts and ends."""
        name = text[start:end]
        for space in re.finditer(r"[ \t]+", name):
            before, tail = name[: space.start()], name[space.end() :]
            if re.search(r"(?i:\b(?:de|du|des|d['’]|la|le|les|l['’]))$", before) or not re.search(r"\p{Lu}", before):
                continue
            if SAINT.match(tail) or name_lexicon().is_first_name(before.split()[-1]):
                continue  # "Groupe Hospitalier Paris Saint-Joseph", "Hôpital Charles Foix": names
            if self.known_town_length(tail, 5000) == len(tail) and not name_lexicon().is_known_name(tail):
                return start + len(before.rstrip(" \t-,")), start + space.end(), end
        return None


# the rest of a hyphenated name around a town the lexicon knows a part of: "Saint-Georges" in
# "Saint-Georges-d'Oléron", "Tessy" in "Metz-Tessy" (a town's name is never cut at a hyphen)
_TOWN_NAME_PARTS = JoinedParts(
    marks=("-",),
    after=re.compile(r"(?:-(?:[^\W\d_]{1,2}['’])?[^\W\d_]+)+"),
    before=re.compile(r"(?<![\w'’\-])(?:[^\W\d_]+['’]?-)+$"),
    reach=60,
)


_AFTER_A = re.compile(r"(?<=[ \t])(?i:à|a)[ \t]+")
_MAX_TOWN_STARTS_TRIED = 6  # where a town before a postcode may start: the run's start, then after each "à"


def _whole_compound(text: str, finding: Finding) -> Finding:
    """A town's span widened to the whole hyphenated word it is part of."""
    if finding.category != "CITY":
        return finding
    start, end = _TOWN_NAME_PARTS.widen(text, finding.start, finding.end)
    return finding if (start, end) == (finding.start, finding.end) else replace(finding, start=start, end=end)


def _with_arrondissement(text: str, finding: Finding) -> Finding:
    """"Paris 14e": a town divided into arrondissements, with the one written after it."""
    if finding.category != "CITY" or text[finding.start : finding.end].casefold() not in _TOWNS_WITH_ARRONDISSEMENTS:
        return finding
    after = _ARRONDISSEMENT_AFTER.match(text, finding.end)
    return replace(finding, end=after.end()) if after else finding
