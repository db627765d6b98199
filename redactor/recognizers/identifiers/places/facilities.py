"""Named facilities (HOSPITAL): hospitals, clinics, care homes, services and practices, by their
type and name, their own acronyms, known names, sites, and names wrapped to the next line."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

import regex as re

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import countries, fold, name_lexicon
from redactor.recognizers.identifiers.patterns import (
    ALL_CAPS,
    LOWER,
    NOT_IN_WORD_AFTER,
    NOT_IN_WORD_OR_ELIDED_BEFORE,
    UPPER,
    alternation,
    first_characters,
)
from redactor.recognizers.identifiers.places.facility_acronyms import facility_acronyms
from redactor.recognizers.identifiers.places.shapes import ENGLISH_TERM, LINKING, PROPER_NAME, SAINT, TOWN, TOWN_AFTER
from redactor.recognizers.identifiers.places.towns import TownRules
from redactor.recognizers.vouched.folding import common_word_keys, is_french_word

# eponyms take "de" ("maladie de Dupuytren"), not "à" ("chirurgie à Huriez" is a hospital)
_DE_BEFORE = re.compile(r"(?<![\w])(?i:de|du|d['’])[ \t]*$")
_FIRST_NAME_OR_INITIAL_BEFORE = re.compile(r"(?:(?<![\w\-'’])(?P<word>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)|(?<![\w.])(?P<initial>\p{Lu}\.))[ \t]+$")
# a day counted from an event: "J+8", "J15", "J-3"
_DAY_COUNT_NAME = re.compile(r"J(?:[+\-]?\d{1,3})?")
_COMPASS_POINT = re.compile(r"(?i:nord|sud|est|ouest|centre)")
# where a word starts, as the facility pattern's own lookbehind reads it
_WORD_START = re.compile(r"(?<![\w\-])\w")
# a building, district or department number after a facility's name, then the end of the
# phrase: "Hôpital Pasteur 2", "Laboratoire Cerballiance Paris 12.", "Bioméd 82 à Montauban"
_BUILDING_NUMBER_AFTER = re.compile(
    r"[ \t]\d{1,3}(?:e|ème|er)?(?=[ \t]*(?:[),;\n]|\.(?!\d)|$|[ \t]\(|[ \t][\-–—][ \t]|[ \t](?:à|via|pour|puis|le|et|en|depuis|où)[ \t]))"
)
# a lower-case facility word names a facility after a determiner or preposition ("à la
# clinique du Parc"); elsewhere it is an adjective ("examen clinique ORL")
# ... or an opening bracket, a line start, a dash or a label's colon before it: "(clinique
# Lautréamont, Loos)", "9h00 - clinique des Lilas", "Structure : clinique du Parc"
_DETERMINER_BEFORE = re.compile(
    r"(?i:(?:(?:^|[\s(])(?:la|le|l['’]|une|un|sa|son|cette|ce|en|à|a|au|de|du|des|dans|vers|par|et)|^|\(|\n|[ \t][\-–:])[ \t]*)$"
)
# names made only of generic words: "Centre Régional", "hôpital Provincial" (but "Hôpital Nord" of
# Saint-Étienne or Marseille is a name)
_GENERIC_NAME = re.compile(
    r"(?i:(?:(?:de|du|des|la|le|l['’]|d['’])[ \t]*)?(?:r[ée]gional|provincial|g[ée]n[ée]ral|universitaire|national|"
    r"d[ée]partemental|municipal|communal|local|central|niveau|principal|public|priv[ée]|"
    r"pr[ée]fectoral|intercommunal|sp[ée]cialis[ée]|r[ée]f[ée]rence|I{1,3})(?:[ \t]+|$))+"
)
# a hospital named just before: "CENTRE HOSPITALIER DE CORNOUAILLE\nSite de Quimper - Site de Concarneau"
_HOSPITAL_NEAR = re.compile(
    r"(?i:hospitali|hôpital|hopital|\bCHU?\b|\bGHT\b|\bGHU?\b|clinique|groupe hospitalier|fondation|\bHAD\b|\bEHPAD\b|\bSSR\b|\bSMR\b)"
)
# nurses' and midwives' practices: "Cabinet IDE Kerjean", and the partners after the first name
_PRACTICE_ROLES = frozenset({"IDE", "IDEL", "SF"})
_PARTNER_AFTER = re.compile(rf"[ \t]*(?:/|&|\bet\b)[ \t]*(?P<name>{UPPER}[\w'’\-]+)(?![\w])")
_TOWN_THEN_HOSPITAL_ACRONYM = re.compile(rf"(?m)(?:^|(?<=[\t(]))[ \t]*(?P<town>{TOWN})[ \t]+(?:CHU|CHRU|CHR)(?=[ \t]*(?:[\-–,)]|\n|$))")
_CHIEF_BEFORE = re.compile(r"(?i:chef|cheffe)[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"[ ](?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*)(?![\w\-])")
# a unit's acronym and its town or saint opening a line or a footer's field, before a dash or
# the line's end: "CSR Dinant - Chirurgie", "PVO Ifs - anesthésie", "CRT Saint-Salvi - Dr ..."
_UNIT_ACRONYM_AND_TOWN = re.compile(
    rf"(?m)(?:^[ \t]*|(?<=[ \t][\-–][ \t]))(?P<acronym>\p{{Lu}}[\p{{Lu}}\d]{{1,4}})[ \t]+(?P<town>{TOWN})(?=[ \t]*(?:[\-–][ \t]|\n|$))"
)
# "CHSF", "GHBS", "CHUSS": hospitals' own acronyms (exceptions in places.yaml)
# "CHM", "CHV": CH and a town's initial (not a letter that makes a generic type or a word: CHG,
# CHS, CHU, CHP, CHC carcinoma, CHB hepatitis, CHX chlorhexidine, CHF)
_HOSPITAL_ACRONYM = re.compile(r"(?<![\w\-])(?:(?:CHU|CHR|CHI|GHU|CH|GH)[A-Z]{2,4}|CH[LMNV])(?![\w\-])")
# a facility's other name in brackets right after it: "Centre hospitalier d'Ajaccio (Notre-Dame
# de la Miséricorde)", "Hôpital de Freyming-Merlebach (Hospitalor)", "CHPF (Taaone)"
_ALIAS_IN_BRACKETS = re.compile(rf"[ \t]*\((?P<alias>{PROPER_NAME})\)")
# a place's adjective ending a facility's name: "Centre hospitalier de la Polynésie française",
# "Clinique du Sport de l'Est parisien" (not "... de Lyon depuis", "jamais", "ancien")
_PLACE_ADJECTIVE_AFTER = re.compile(r"[ ](?P<adjective>\p{Ll}{3,}(?:ais|aise|ois|oise|ien|ienne))(?![\w\-'’])")
_NOT_PLACE_ADJECTIVES = frozenset(
    {"jamais", "désormais", "mauvais", "mauvaise", "parfois", "autrefois", "quotidien", "quotidienne", "ancien",
     "ancienne", "chirurgien", "chirurgienne", "pharmacien", "pharmacienne", "praticien", "praticienne", "gardien",
     "gardienne", "musicien", "technicien", "technicienne", "opticien", "diététicien", "diététicienne", "mécanicien",
     "citoyen", "citoyenne", "mitoyen", "moyen", "moyenne", "lien", "rien", "bien", "soutien", "entretien", "maintien"}
)
# people, not what a facility is for ("sortie de maternité de l'enfant JÉGO Mathis"), and the
# facility that holds a unit ("la maternité de l'hôpital de Tombouctou": the hospital is named)
_NOT_ARTICLE_QUALIFIERS = r"(?:enfant|patient|patiente|bébé|nouveau-né|mère|père|fils|fille|h[ôo]pital|clinique)(?![\w\-])"
# a type word's qualifiers with an article ("Centre médical des armées de Nouméa", "Foyer
# départemental de l'enfance Les Marronniers") name a facility; after an acronym they say what
# it does ("SSIAD du canton de Montivilliers", "HAD des Hauts de Lyon")
_ARTICLE_QUALIFIER = re.compile(r"(?i:\b(?:des|du|de[ \t]+la|de[ \t]+l['’]))")
# names abroad with their type word after them: "St Thomas' Hospital", "Sint Maarten Medical
# Center", "Guy's and St Thomas' NHS Foundation Trust", "Health Sciences Centre"
_NAME_THEN_TYPE = re.compile(
    r"(?<![\w\-'’])(?:\p{Lu}[\w'’\-]*\.?[ ](?:(?:and|of|&)[ ])?){1,4}"
    r"(?:Hospital|Medical[ ]Cent(?:er|re)|Sciences[ ]Cent(?:er|re)|NHS[ ](?:Foundation[ ])?Trust|Infirmary)(?![\w])"
)


class FacilityRules:
    """Named facilities, and the towns and people their names hold."""

    def __init__(self, data: dict, streets: str, titles: str, town_rules: TownRules) -> None:
        self.town_rules = town_rules
        self.towns = town_rules.towns
        self._title = re.compile(rf"{titles}\b")
        self._countries = countries()
        self._acronym_exceptions = frozenset(data["facility_acronym_exceptions"])
        self._facility_acronyms = frozenset(data["facility_acronyms"])
        self._community_services = frozenset(fold(service) for service in data["community_services"])
        self._openers = frozenset(fold(word) for word in data["organisation_openers"])
        # "1 avenue de l'Hôpital" is a street, not a facility
        self._street_before = re.compile(rf"(?i:(?:{streets})[ \t]+(?:de[ \t]+l['’]|de[ \t]+la|du|des|de)[ \t]*)$")
        # "2 rue Ambroise-Paré", "avenue de la Côte de Nacre": a street named after the hospital
        self._street_just_before = re.compile(rf"(?i:(?:{streets})[ \t]+(?:(?:de[ \t]+l['’]|de[ \t]+la|du|des|de)[ \t]*)?)$")
        self._named_facilities = re.compile(
            rf"{NOT_IN_WORD_OR_ELIDED_BEFORE}(?<![.@/])(?i:(?=[{first_characters(data['facility_names'])}]){alternation(data['facility_names'])}){NOT_IN_WORD_AFTER}(?!\.\w)"  # not in a web address
        )
        # "Site de Quimper", "Site René Gauducheau", "(site Saint-Jean)": one site of a multi-site
        # hospital ("(site de Trévenans)" names its town)
        # ... or after a comma or a slash, a hospital named before: "(HCL, site de Giens)", "GHU
        # Paris Nord / site Bichat"
        self._site = re.compile(rf"(?<![\w])(?:Site|SITE|(?<=[\-–][ \t])site|(?<=[,/][ \t])site|(?<=\()site(?![ \t]+(?i:de|du|d['’])))[ ]{{1,2}}(?:(?i:de[ \t]+la|de[ \t]+l['’]|de|du|des|d['’])[ \t]*)?{PROPER_NAME}")
        in_context = alternation(data["facility_names_in_context"])
        self._facility_after_preposition = re.compile(
            rf"(?:(?<![\w])(?i:à|au|aux|de|du|vers|via|depuis|sortie\s+de|suivie?|RDV(?:\s+\w+)?)[ \t]+|\([^()\n]{{0,25}},[ \t]*"  # "(infectiologie, Foch)"
            # owning a record's number: "IPP Bichat : 8010533817", "IPP IPC 270004418"
            rf"|(?<![\w])(?:IPP|NIP|NDA|N°|n°|[Dd]ossier)[ \t]+"
            # ending an item of a list of people, after their specialty: "Dr Armelle BLAY-DUCROS,
            # oncologie médicale, CLB (présidente de séance)"; an acronym only ("Dr K/BIDI, Saint-Louis"
            # is a town of La Réunion)
            rf"|,[ \t]*(?=[\p{{Lu}}\d]{{2,}}[ \t]*(?:$|\n|[(;)]))(?=(?:{in_context})[ \t]*(?:$|\n|[(;)]))"
            # or opening a page's footer, a dash after it: "Necker - KONATÉ Aminata - 03/06/2021"
            rf"|(?m:^)[ \t]*(?=(?:{in_context})[ \t]+[\-–][ \t]))"
            rf"(?:(?i:l['’]hôpital|l['’]hopital)[ \t]+|l['’])?"  # "de l'IPC"
            rf"(?P<name>{in_context}){NOT_IN_WORD_AFTER}"
        )
        acronyms = alternation(data["facility_acronyms"])
        words = alternation(data["facility_words"])
        # (conjunctions too: "à la maternité si TA ≥ 160/110" names no maternity unit "TA")
        function_word = (
            r"(?:au|aux|à|a|en|de|du|des|le|la|les|pour|par|sur|avec|dans|et|ou|puis|vers|si|que|qui|quand|"
            r"lorsque|mais|car|donc|comme|sans|selon|ne|n['’])(?![\w])"
        )
        self._facility = re.compile(
            rf"(?<![\w\-])(?=[{first_characters(data['facility_acronyms'])}]|(?i:[{first_characters(data['facility_words'])}]))"
            rf"(?:(?:(?P<type>{acronyms})|(?P<type_words>(?i:{words})))(?P<qualifier>(?:[ \t]+(?:de[ \t]+(?:jour|nuit|semaine)|(?:de[ \t]+|d['’]|des[ \t]+|du[ \t]+|de[ \t]+la[ \t]+|de[ \t]+l['’])(?!{function_word}|{_NOT_ARTICLE_QUALIFIERS}){LOWER}{{4,}}|(?!{function_word}){LOWER}+)){{0,3}}?))(?![\w\-])"
            # (at most three spaces after the kind: a wider gap is the next cell's, "Chef de
            # clinique          Praticien hospitalier", "Dossier SSR          Imprimé le")
            rf"(?P<name>(?:[ ]{{1,3}}(?![ \t])|-|[ \t]*\n[ \t]*(?=(?i:de|du|des|d['’])[ \t]))(?!{titles}\b)(?:[«\"][ \t]?)?(?:(?i:de\s+la|de\s+l['’]|des|du|de|d['’]|les|le|la)[ \t]*)?(?!{titles}\b){PROPER_NAME}(?:[ \t]?[»\"])?)"
            rf"(?P<suffix>[ \t]+-[ \t]+(?!(?i:service|pôle|pole|unité|unite|département|departement|site|secrétariat|standard|tél|tel|fax|urgences|consultation|accueil))(?!{titles}\b)"
            # (not a patient's name in a page's footer: "CHU de Rouen - HAUGUEL Simone (04/01/1936)")
            rf"(?!{ALL_CAPS}[ \t]+{UPPER}{LOWER}+(?:-{UPPER}{LOWER}+)?(?=[ \t]*(?:[(\-–]|\n|$|[ \t]{{2,}})))"
            rf"(?:{UPPER}[\w'’\-]*(?:[ \t]+(?:{LINKING}[ \t]*)?[\w'’\-]+){{0,3}}(?=[ \t]*(?:\n|$))"
            # or, in words of letters, no street line, ending a cell or a phrase: "CH de Dax - Côte
            # d'Argent   Service : ...", "au CH de Dax - Côte d'Argent (IPP ...)" (not "Centre médical
            # de Vénissieux - ZI Les Grandes Terres, 10 rue ...")
            rf"|(?!(?i:{streets}|{words}|technop[oô]le|immeuble|b[âa]t(?:iment)?)\b|(?:{acronyms})\b)"
            rf"{UPPER}[\p{{L}}'’\-]*(?:[ \t]+(?:{LINKING}[ \t]*)?\p{{L}}[\p{{L}}'’\-]*){{0,3}}(?=[ \t]*[(,;]|[ \t]{{2,}}|\t)))?"
        )
        # a letterhead's facility broken across two lines: "Polyclinique\nSaint-Roch",
        # "HÔPITAL PRIVÉ\nLA CASAMANCE": the type alone on its line, the name alone on the next
        # in running text, a facility's name wrapped to the next line: "à l'Hôpital\nTenon", "au
        # Centre hospitalier\nAnnecy Genevois" (a preposition before the type says it is prose)
        self._facility_wrapped = re.compile(
            rf"(?i:(?<![\w])(?:à|au|aux|de|du|vers|depuis)[ \t]+(?:l['’]|la[ \t]+|le[ \t]+)?)(?P<head>(?:{acronyms}|(?i:{words}))"
            # the name's article may end the line: "à l'Hôpital de la\nMiséricorde"
            rf"(?:[ \t]+{LOWER}+)?(?:[ \t]+(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]))?)[ \t]*(?P<break>\n)[ \t]*(?=\p{{Lu}})"
        )
        self._facility_two_lines = re.compile(
            rf"(?m)^[ \t]*(?P<head>(?:{acronyms}|(?i:{words}))(?:[ \t]+[\w'’\-]+){{0,3}})[ \t]*\n[ \t]*"
            rf"(?!(?i:service|pôle|pole|unité|unite|département|departement|site|secrétariat|standard|tél|tel|fax|direction|{streets})\b|{titles}\b)"
            rf"(?P<name>{PROPER_NAME})[ \t]*(?:\t[^\n]*)?$"  # a tab: the next cell of a letterhead
        )

    def find(self, text: str) -> list[Finding]:
        """Named facilities, then the acronyms they define in brackets wherever the note uses them."""
        facilities = list(self._facilities(text))
        facilities += self._aliases(text, facilities)
        return [*facilities, *facility_acronyms(text, facilities, self.town_rules, self._facility_acronyms, self._openers)]

    def _aliases(self, text: str, facilities: list[Finding]) -> list[Finding]:
        """A facility's other name in brackets after it, unless it is a town, a person, a unit or
        an acronym (the acronym rules read those): "CHU de Rennes (Pontchaillou)", not "(Le
        Tampon)", "(Dr Marec)", "(Lucas Rose)", "(Urgences)", "(HAD)"."""
        aliases = []
        for facility in facilities:
            if facility.category != "HOSPITAL" or not (bracket := _ALIAS_IN_BRACKETS.match(text, facility.end)):
                continue
            alias = bracket.group("alias")
            words = re.findall(r"[\w'’\-]+", alias)
            if (
                alias.isupper()
                or self._title.match(alias)
                or fold(words[0]) in common_word_keys()
                or name_lexicon().is_not_name(words[0])
                or self.town_rules.known_town_length(alias, 0) == len(alias)
                or alias.casefold() in self._countries  # "cabinet de Sainte-Anne (Guadeloupe)": a region
                or (len(words) > 1 and name_lexicon().is_distinct_first_name(words[0]))
            ):
                continue
            aliases.append(Finding(bracket.start("alias"), bracket.end("alias"), "HOSPITAL", 0.85, "hospital.alias"))
        return aliases

    def _is_a_persons_surname(self, text: str, start: int) -> bool:
        """A known first name or an initial right before the name."""
        before = _FIRST_NAME_OR_INITIAL_BEFORE.search(text, max(0, start - 30), start)
        return bool(before) and (before.group("initial") is not None or name_lexicon().is_distinct_first_name(before.group("word")))

    def _facilities(self, text: str) -> Iterator[Finding]:
        for match in self._named_facilities.finditer(text):
            if match.group().isupper() and len(match.group()) <= 3 and match.start() and text[match.start() - 1] in "'’":
                continue  # "l'HCL": hydrochloric acid, where "l'HEGP" is the hospital
            if self._street_just_before.search(text, max(0, match.start() - 30), match.start()):
                continue
            if self._is_a_persons_surname(text, match.start()):
                continue  # "Physicien : M. Arnaud PELLEGRIN", "A. PELLEGRIN": a person, not Bordeaux's hospital
            yield Finding(match.start(), match.end(), "HOSPITAL", 0.93, "hospital.known_name")
        for match in self._site.finditer(text):
            name = re.sub(r"^\S+[ \t]+(?:(?i:de[ \t]+la|de[ \t]+l['’]|de|du|des|d['’])[ \t]*)?", "", match.group())
            if text[match.start() - 2 : match.start() - 1] in (",", "/") and (
                _COMPASS_POINT.fullmatch(name)
                or self.town_rules.known_town_length(name, 0) == len(name)
                or not _HOSPITAL_NEAR.search(text, max(0, match.start() - 150), match.start())
            ):
                continue  # ", site Nord", ", site de Châteaurenard": a wing, or a town the town rules read
            if self.town_rules.known_town_length(name, 0) == len(name) and (
                not _HOSPITAL_NEAR.search(text, max(0, match.start() - 150), match.start())
            ):
                # "Site de Saint-Cloud", "Site de Auch": a town, unless a hospital's letterhead lists its sites
                yield Finding(match.end() - len(name), match.end(), "CITY", 0.85, "city.site")
                continue
            yield Finding(match.start(), match.end(), "HOSPITAL", 0.85, "hospital.site")
        for match in self._facility_after_preposition.finditer(text):
            # "maladie de Dupuytren", "aphasie de Broca": an eponym, not the hospital of that name
            after_de = _DE_BEFORE.search(text, max(0, match.start("name") - 4), match.start("name"))
            if not self._street_before.search(text, max(0, match.start() - 30), match.start()) and not (
                after_de and self.town_rules.eponym_ends_at(text, match.start("name"))
            ):
                yield Finding(match.start("name"), match.end("name"), "HOSPITAL", 0.9, "hospital.known_name_context")
        for match in self._facility.finditer(text):
            yield from self._named_facility(text, match)
            # "laboratoire du Centre hospitalier de Lons", "USLD Les Bruyères du Centre
            # hospitalier de Saint-Flour": a facility named inside another one's name
            # (tried at the name's word starts only: a search would scan on to the next facility)
            for word in _WORD_START.finditer(text, match.start("name") + 1, match.end()):
                if nested := self._facility.match(text, word.start()):
                    if nested.group("type") or " " in nested.group("type_words"):
                        yield from self._named_facility(text, nested)
                    break

        for wrapped in self._facility_wrapped.finditer(text):
            # read as if the line break were a space, in a window around it (copying the whole
            # text for each would be quadratic)
            offset = max(0, wrapped.start("head") - 60)
            window_end = min(len(text), wrapped.end() + 300)
            joined = text[offset : wrapped.start("break")] + " " + text[wrapped.end("break") : window_end]
            first_word = re.match(r"[\w'’]+", text[wrapped.end() :])
            if (
                (first_word and (fold(first_word.group()) in common_word_keys() or first_word.group().isupper()))
                or ":" in text[wrapped.end() : wrapped.end() + 30].split("\n")[0]
                or _CHIEF_BEFORE.search(text, max(0, wrapped.start() - 8), wrapped.start())
                or text[wrapped.start() : wrapped.start("break")].isupper()
            ):
                continue  # "au CHU\nService de cardiologie", "chef de clinique\nCopie à :", a heading
            if match := self._facility.match(joined, wrapped.start("head") - offset):
                for finding in self._named_facility(joined, match):
                    yield replace(finding, start=finding.start + offset, end=finding.end + offset)
        for match in _NAME_THEN_TYPE.finditer(text):
            yield Finding(match.start(), match.end(), "HOSPITAL", 0.9, "hospital.name_then_type")
        for match in _TOWN_THEN_HOSPITAL_ACRONYM.finditer(text):
            # "Poitiers CHU - Pédiatrie", "Nantes CHU": a town's university hospital, the town first
            if self.town_rules.known_town_length(match.group("town"), 1) == len(match.group("town")):
                yield Finding(match.start(), match.end(), "HOSPITAL", 0.9, "hospital.name_then_type")
        for match in _HOSPITAL_ACRONYM.finditer(text):
            acronym = match.group()
            vowels = sum(c in "AEIOUY" for c in acronym[2:])
            # "CHIEN", "CHAISE", "CHIARA": words or names, not acronyms ("CHIVA" is one)
            word_like = vowels > 1 and (is_french_word(fold(acronym)) or name_lexicon().is_known_name(acronym))
            if not word_like and acronym not in self._acronym_exceptions and fold(acronym) not in common_word_keys():
                # "CHBS Lorient": the town after the acronym is part of the facility's name
                town = TOWN_AFTER.match(text, match.end())
                length = self.town_rules.known_town_length(town.group("town"), 0) if town else 0
                name = _CAPITALISED_AFTER.match(text, match.end())
                if length:
                    yield Finding(match.start(), town.start("town") + length, "HOSPITAL", 0.9, "hospital.acronym")
                elif name and not vowels and fold(name.group("name")) not in common_word_keys():
                    # "CHPF Taaone": the name after a hospital's own acronym (not "CHEN Wei")
                    yield Finding(match.start(), name.end(), "HOSPITAL", 0.9, "hospital.acronym")
                else:
                    yield Finding(match.start(), match.end(), "HOSPITAL", 0.75, "hospital.acronym")
        for match in _UNIT_ACRONYM_AND_TOWN.finditer(text):
            acronym, town = match.group("acronym"), match.group("town")
            if acronym in self._facility_acronyms or fold(acronym) in self._community_services:
                # a kind of unit and the town it serves ("CSAPA Metz", "CPEF Vénissieux"): the town
                if self.town_rules.known_town_length(town, 1) == len(town):
                    yield Finding(match.start("town"), match.end("town"), "CITY", 0.85, "city.of_service")
            elif (
                fold(acronym) not in common_word_keys()
                and not name_lexicon().is_known_name(acronym)
                and not name_lexicon().is_not_name(acronym)  # "IRM Lorient", "RCP Lyon": an exam, a meeting
                and not self.towns.is_town(acronym)
                and (SAINT.match(town) or self.town_rules.known_town_length(town, 1) == len(town))
            ):
                yield Finding(match.start(), match.end(), "HOSPITAL", 0.8, "hospital.acronym_town")
        for match in self._facility_two_lines.finditer(text):
            name = match.group("name")
            saint = SAINT.match(name)  # "Polyclinique\nSaint-Roch"
            if (saint or not self.towns.is_town(name)) and not all(fold(w) in common_word_keys() for w in re.findall(r"[\w'’]+", name)):
                yield Finding(match.start("head"), match.end("name"), "HOSPITAL", 0.9, "hospital.two_lines")

    def _named_facility(self, text: str, match: re.Match) -> Iterator[Finding]:
        """The findings of one facility match: the facility, its town, or its people."""
        if self._street_before.search(text, max(0, match.start() - 30), match.start()):
            return
        name = match.group("name").strip(" \t-")
        type_words = (match.group("type_words") or "").casefold()
        if type_words == "foyer" and re.match(r"[ \t]+(?i:de|d['’])", match.group("qualifier")):
            return  # "foyer de microcalcifications", "foyer d'infection": a lesion's focus
        if name in _PRACTICE_ROLES:
            return  # "cabinet IDE": a nurses' practice, unnamed
        if match.group("type") and _ARTICLE_QUALIFIER.search(match.group("qualifier")):
            return  # "SSIAD du canton de Montivilliers": what a service covers, not its name
        if self._personal_practice(match):
            # "Pharmacie Rouxel", "cabinet infirmier Rey - Mouhoub": the practice is its people
            for word in re.finditer(r"\p{Lu}[\w'’\-]+", match.group(0)[match.start("name") - match.start() :]):
                start = match.start("name") + word.start()
                if word.group() not in _PRACTICE_ROLES:
                    yield Finding(start, start + len(word.group()), "PERSON", 0.9, "person.practice_name")
            # "cabinet infirmier Blanc/Vidal", "SELARL AMRANI & LEGRAND": the partners after it
            if partner := _PARTNER_AFTER.match(text, match.end()):
                yield Finding(partner.start("name"), partner.end("name"), "PERSON", 0.9, "person.practice_name")
            return
        town_name = re.sub(r"^(?i:de|du|d['’])[ \t]*", "", name)
        if type_words in ("hôtel-dieu", "hotel-dieu") and town_name == name and self.town_rules.known_town_length(name, 0) == len(name):
            # "Hôtel-Dieu Paris": the hospital and its town, side by side
            yield Finding(match.start(), match.start("name"), "HOSPITAL", 0.93, "hospital.named")
            yield Finding(match.end("name") - len(match.group("name").lstrip(" \t-")), match.end("name"), "CITY", 0.9, "city.after_facility")
            return
        kind = match.group("type") or match.group("type_words")
        if fold(kind) in self._community_services and self.town_rules.known_town_length(town_name, 0) == len(town_name):
            # "CMP de Pantin", "CCAS de Toulon", "dispensaire de Yaté": a service and its town, which
            # no name reading outranks
            town_start = match.start("name") + match.group("name").index(town_name)
            yield Finding(town_start, town_start + len(town_name), "CITY", 0.9, "city.community_service")
            return
        if ENGLISH_TERM.match(name):
            return  # "Hospital Anxiety and Depression scale": a term, not a hospital abroad
        if self._adjective_use(text, match) or _GENERIC_NAME.fullmatch(name) or sum(c.isdigit() for c in name) >= 3:
            return  # "n° HAD HAD-2026-00413": a record number, not a facility's name
        if _DAY_COUNT_NAME.fullmatch(name) and (len(name) > 1 or re.match(r"[+\-]?\d", text[match.end("name") : match.end("name") + 2])):
            return  # "VAD sage-femme PMI J+8": a day after the birth, no facility named J
        end = name_end = match.start("name") + len(match.group("name").rstrip())
        if number := _BUILDING_NUMBER_AFTER.match(text, end):
            end = name_end = number.end()  # "Hôpital Pasteur 2": one of a hospital's buildings
        elif (adjective := _PLACE_ADJECTIVE_AFTER.match(text, end)) and adjective.group("adjective") not in _NOT_PLACE_ADJECTIVES:
            end = name_end = adjective.end()
        suffix = match.group("suffix")
        if suffix and not self.towns.is_town(suffix.strip(" \t-")):
            end = match.end("suffix")
        elif suffix:  # "EHPAD Le Clos Saint-Vincent - Orange": the facility's town
            town_start = match.start("suffix") + len(suffix) - len(suffix.lstrip(" \t-"))
            yield Finding(town_start, match.end("suffix"), "CITY", 0.85, "city.after_facility")
        if end == name_end and (town := self.town_rules.town_ending_a_name(text, match.start("name"), end)):
            end, town_start, town_end = town
            yield Finding(town_start, town_end, "CITY", 0.9, "city.after_facility")
        # a named facility outranks the street-like words inside it ("EHPAD Résidence du Parc")
        yield Finding(match.start(), end, "HOSPITAL", 0.93, "hospital.named")

    def _personal_practice(self, match: re.Match) -> bool:
        """A pharmacy's or a practice's name made only of people's names ("Pharmacie Rouxel",
        "Cabinet Gautier - Rivière"): PERSON, as the layout authors read them."""
        type_words = (match.group("type_words") or "").casefold()
        legal_form = match.group("type") in ("SELARL", "SELAS", "SCM", "SCP")
        if type_words not in ("cabinet", "pharmacie", "cabinet infirmier", "cabinet médical") and not legal_form:
            return False
        words = re.findall(r"[\w'’\-]+", match.group("name") + (match.group("suffix") or ""))
        words = [w for w in words if w not in _PRACTICE_ROLES]  # "Cabinet IDE Kerjean"
        # a nurses' practice is named after its nurses, even when their names are words ("Blanc")
        nursing = "infirmier" in (match.group("qualifier") or "") or "IDE" in match.group("name").split()
        # "cabinet Quéré-Guillou": the two partners' names, each a name
        names = [part for w in words if w[:1].isupper() for part in (w.split("-") if "-" in w else [w]) if part]
        lexicon = name_lexicon()
        if len(words) == 2 and lexicon.is_first_name(words[0]) and words[1][:1].isupper() and not self.towns.is_town(words[1]):
            return True  # "Cabinet Marion Bosquet": a first name and a surname
        return bool(names) and all(
            (lexicon.is_known_name(w) or (fold(w) not in common_word_keys() and not self.towns.is_town(w)))
            if nursing
            else lexicon.is_known_name(w) and not self.towns.is_town(w) and fold(w) not in common_word_keys()
            for w in names
        ) and all(w[:1].isupper() or w.casefold() in ("de", "du", "des") or not w.strip("-") for w in words)

    def _adjective_use(self, text: str, match: re.Match) -> bool:
        """"L'examen clinique ORL", "suspicion clinique d'AVC": the adjective, not a clinic."""
        type_words = match.group("type_words")
        if not type_words or not type_words.startswith("clinique"):
            return False
        before = text[max(0, match.start() - 20) : match.start()]
        return not _DETERMINER_BEFORE.search(before)
