"""Places: street lines (ADDRESS), postcodes (ZIP), towns (CITY), named facilities (HOSPITAL)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Iterator

import regex as re
from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.paths import load_yaml
from redactor.recognizers.base import Detector
from redactor.dates import MONTH_FORMS
from redactor.recognizers.identifiers.dates import MONTH_NAMES
from redactor.recognizers.identifiers.lexicon import TownLexicon, countries, fold, name_lexicon, town_lexicon
from redactor.recognizers.identifiers.patterns import (
    LOWER,
    NOT_IN_WORD_AFTER,
    NOT_IN_WORD_BEFORE,
    UPPER,
    alternation,
    eponym_before,
    first_characters,
)
from redactor.recognizers.identifiers.spoken import number_words
from redactor.recognizers.vouched.folding import common_word_keys

# possessive: the `regex` module backtracks through a repeated group in time quadratic in its
# repetitions ("Ab1-ab1-ab1-..." over 100,000 characters took 0.6 s), and a word never needs
# to give back a part of itself
_CAPITAL_WORD = rf"{UPPER}[\w'’]*+(?:-[\w'’]+)*+"
# French linking words, and those of street names abroad ("Avenida da Liberdade", "Via del Corso")
_LINKING = (
    r"(?i:de\s+la|de\s+l['’]|des|du|de|d['’]|la|le|les|l['’]|et|sur|sous|en|aux|au|lès"
    r"|da|do|dos|das|del|della|di|der|den|van|von)"
)
# a proper name: capitalised words with linking words between, never across a table's cell gap
# (a tab or 3+ spaces: "CH de Blois    MOREAU Louise" is two cells)
_PROPER_NAME = rf"{_CAPITAL_WORD}(?:(?:[ ]{{1,2}}|-)(?:{_LINKING}[ ]?)?{_CAPITAL_WORD}){{0,5}}"
# street names that are dates: "rue du 8 Mai 1945", "avenue du 11 Novembre"
_MONTHS = rf"(?i:{MONTH_NAMES})"
_DATE_NAME = rf"(?i:du)[ \t]+\d{{1,2}}(?:er)?[ \t]+(?:{_MONTHS}|{_CAPITAL_WORD})(?:[ \t]+\d{{4}})?"
_TOWN_WORD = rf"(?!CEDEX|Cedex){UPPER}[\w'’]*"
_TOWN = (
    rf"{_TOWN_WORD}(?:(?:-|[ ])"
    # Corsican and Italian links too: "Santa-Lucia-di-Mercurio", "San-Gavino-di-Carbini"
    rf"(?:(?:sur|sous|en|lès|ès|lez|les|le|la|et|de|du|des|d['’]|l['’]|à|di|del|della|SUR|SOUS|EN|LÈS|ÈS|LEZ|LES|LE|LA|ET|DE|DU|DES|DI)[ \t\-]*)?{_TOWN_WORD}){{0,4}}"
)
# the label of a postcode or town field: "CP Ville", "Code postal / Ville", "Localité"
_POSTCODE_LABEL = r"(?i:(?:cp|code[ \t]+postal|ville|localit[ée]|commune)(?:[ \t]*[/\-]?[ \t]*(?:cp|code[ \t]+postal|ville|localit[ée]|commune))*)"
_ZIP = r"(?:0[1-9]|[1-8]\d|9[0-8])\d{3}|(?:0[1-9]|[1-8]\d|9[0-8]) \d{3}"
# postcodes abroad, with their country letter (Belgium, Switzerland, Luxembourg, Monaco...) or
# in their own shape (Portugal 1000-001)
_FOREIGN_ZIP = r"(?:B|CH|L|D|A|I|E|P|NL|MC)[ \t]?-[ \t]?\d{4,5}|\d{4}-\d{3}|AD\d{3}"  # Andorra: "AD500"
# parts of an address line besides the street: building, staircase, flat, floor, number
_COMPLEMENT = (
    r"(?<![\w])(?i:bât(?:iment)?\.?|bat\.?|esc(?:alier)?\.?|app(?:t|art(?:ement)?)?\.?|apt\.?|étage|etage|porte|lot|"
    r"entrée|logement|log\.?|boîte|tour|chambre|ch\.|villa|niveau|bloc|n°)[ \t]*[\w\-]{1,4}(?![\w])"
    r"|(?<![\w])\d{1,2}(?:e|er|ème|eme|è)[ \t]+(?i:étage|etage)(?![\w])|(?<![\w])(?i:rez-de-chaussée|rez-de-chaussee|rdc)(?![\w])"
)
# where a word starts, as the facility pattern's own lookbehind reads it
_WORD_START = re.compile(r"(?<![\w\-])\w")
# a one-digit building number after a facility's name, then the end of the phrase: "Hôpital Pasteur 2"
_BUILDING_NUMBER_AFTER = re.compile(r"[ \t]\d(?=[ \t]*(?:[),;\n]|$|[ \t]\(|[ \t][\-–][ \t]))")
# the arrondissement written after a town divided into them: "Paris 14e", "Lyon 3ème", "Marseille 1er"
_ARRONDISSEMENT_AFTER = re.compile(r"[ \t]+(?:1er|1ER|\d{1,2}(?:e|E|è|ème|eme|ÈME|EME|ᵉ))(?![\w])")
_TOWNS_WITH_ARRONDISSEMENTS = frozenset({"paris", "lyon", "marseille"})
# a lower-case facility word names a facility after a determiner or preposition ("à la
# clinique du Parc"); elsewhere it is an adjective ("examen clinique ORL")
# ... or an opening bracket or line start before it: "(clinique Lautréamont, Loos)"
_DETERMINER_BEFORE = re.compile(
    r"(?i:(?:(?:^|[\s(])(?:la|le|l['’]|une|un|sa|son|cette|ce|en|à|a|au|de|du|des|dans|vers|par|et)|^|\(|\n)[ \t]*)$"
)
# names made only of generic words: "Centre Régional", "hôpital Provincial" (but "Hôpital Nord" of
# Saint-Étienne or Marseille is a name)
_GENERIC_NAME = re.compile(
    r"(?i:(?:(?:de|du|des|la|le|l['’]|d['’])[ \t]*)?(?:r[ée]gional|provincial|g[ée]n[ée]ral|universitaire|national|"
    r"d[ée]partemental|municipal|communal|local|central|niveau|principal|public|priv[ée]|"
    r"pr[ée]fectoral|intercommunal|sp[ée]cialis[ée]|r[ée]f[ée]rence|I{1,3})(?:[ \t]+|$))+"
)
# "mise en place de", "mise en route de la CEC", "par voie de Hardinge": gestures, not streets
_NOT_A_STREET_BEFORE = re.compile(r"(?i:\b(?:mise|remise)\s+en\s*|\bpar\s+(?:la\s+)?|\banse\s+)$")
# a month name before a street's "number": "le 9 juin 2025, square d'Anvers" (the year of a date)
# a month in any form, abbreviated or from abroad: "9 May 2025 via A&E"
_MONTH_BEFORE = re.compile(rf"(?i:{'|'.join(sorted(map(re.escape, MONTH_FORMS), key=len, reverse=True))})\.?[ \t]+$")
# a house number dictated in words: "douze", "cent vingt-trois bis" ("un", "une" are articles)
_NUMBER_WORD = number_words(with_zero_and_one=False)
_SPOKEN_NUMBER_BEFORE = re.compile(
    rf"(?i:(?<![\w\-]){_NUMBER_WORD}(?:[ \-]+(?:{_NUMBER_WORD}|un|et))*(?:[ \t]+(?:bis|ter))?)[ \t]*,?[ \t]+$"
)
# "à J15", "opéré à J 7": day counts after an event, not towns
_DAY_COUNT = re.compile(r"[A-Z]\d*")
_TOWN_WORDS = re.compile(r"[^\s\-]+")
# English medical terms that open with a facility word: "Hospital Anxiety and Depression scale",
# "Hospital Acquired Pneumonia"
_ENGLISH_TERM = re.compile(r"(?i:anxiety|acquired|admission|stay|discharge|frailty|elder|readmission)\b")
# Canadian postcodes ("H3T 1C5"), where the text says Quebec or Canada just before
# Dutch and German street names carry their type glued at the end, the number after:
# "President Kennedylaan 4", "Petersgraben 4", "Hauptstrasse 12a"
_GLUED_STREET = re.compile(
    r"(?<![\w\-])(?:\p{Lu}[\w\-]*[ ])?\p{Lu}[\w\-]*(?:laan|straat|straße|strasse|steenweg|weg|gasse|graben|platz|plein|dreef|kade|gracht|allee)"
    r"[ ]\d{1,4}[a-z]?(?![\w])"
)
# "London SE1 7EH", "Manchester M13 9WL": a British postcode after its town
_UK_TOWN_POSTCODE = re.compile(r"(?<![\w\-])(?P<town>\p{Lu}[\w'’\-]+)[ \t]+(?P<zip>[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2})(?![\w])")
_CANADIAN_ZIP = re.compile(r"(?<![\w])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?![\w])")
_CANADA_BEFORE = re.compile(r"(?i:qu[ée]bec|\bQC\b|canada|ontario|montr[ée]al)")
_YEAR_BEFORE = re.compile(r"(?i:\b(?:en|depuis|dès|des|année|annee|in|since|avant|après|apres|fin|début|debut)[ \t]*)$")
_FIVE_DIGITS = re.compile(r"\d{2} ?\d{3}")  # no postcode, no "PARIS 75013" to look for
# a hospital named just before: "CENTRE HOSPITALIER DE CORNOUAILLE\nSite de Quimper - Site de Concarneau"
_HOSPITAL_NEAR = re.compile(
    r"(?i:hospitali|hôpital|hopital|\bCHU?\b|\bGHT\b|\bGHU?\b|clinique|groupe hospitalier|fondation|\bHAD\b|\bEHPAD\b|\bSSR\b|\bSMR\b)"
)
# dictated in lower case: "69500 bron", "vit à vitry-sur-seine" (known towns only)
_ZIP_LOWERCASE_TOWN = re.compile(rf"(?<![\w\-.,/])(?P<zip>{_ZIP})[ \t]+(?P<town>\p{{Ll}}[\w'’]*(?:-[\w'’]+){{0,4}})")
_LOWERCASE_COMPOUND_TOWN = re.compile(r"(?<![\w])(?:à|a|au)[ \t]+(?P<town>\p{Ll}+(?:-\p{Ll}+){1,4})(?![\w\-])")
_SAINT = re.compile(r"(?i:saint|sainte|st|ste)\b")
# nurses' and midwives' practices: "Cabinet IDE Kerjean", and the partners after the first name
_PRACTICE_ROLES = frozenset({"IDE", "IDEL", "SF"})
_PARTNER_AFTER = re.compile(rf"[ \t]*(?:/|&|\bet\b)[ \t]*(?P<name>{UPPER}[\w'’\-]+)(?![\w])")
# a locality named with its article: "Les Milles", "La Butte aux Loups", "Lieu-dit Kerhuel"
_LOCALITY_ARTICLE = re.compile(r"(?:Le|La|Les|L['’]|Lieu-dit|Lieudit|Hameau)[ \t]*\p{Lu}")
# a lower-case word just before a street: the words before it are a sentence ("au lieu-dit")
_LEADS_INTO_STREET = re.compile(r"(?<![\w\-'’])\p{Ll}+[ \t]+$")
# a school named after its town, not a person: "collège de Vitré", "l'école de\nMontreuil-Bellay"
# (named after a person, a school takes no "de": "collège Jean Moulin")
_SCHOOL_OF = re.compile(
    r"(?i:\b(?:école|ecole|collège|college|lycée|lycee|université|universite|faculté|faculte|crèche|creche|groupe\s+scolaire)"
    r"(?:[ \t]+(?:primaire|maternelle|élémentaire|elementaire|publique|privée|privee|municipale))?[ \t]+(?:de|d['’])[ \t\n]*)$"
)
_CHIEF_BEFORE = re.compile(r"(?i:chef|cheffe)[ \t]+$")
# three lower-case words in a row: running text, not an address line
_PROSE = re.compile(r"(?<![\w\-'’])\p{Ll}+[ \t]+\p{Ll}+[ \t]+\p{Ll}+(?![\w\-'’])")
_CAPITALISED_AFTER = re.compile(r"[ ](?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*)(?![\w\-])")
# a town right after a facility acronym: "CHBS Lorient"
_TOWN_AFTER = re.compile(rf"[ \t]+(?:-[ \t]+)?(?P<town>{_TOWN})")
# "CHSF", "GHBS", "CHUSS": hospitals' own acronyms (exceptions in places.yaml)
_HOSPITAL_ACRONYM = re.compile(r"(?<![\w\-])(?:CHU|CHR|CHI|GHU|CH|GH)[A-Z]{2,4}(?![\w\-])")
# Standalone towns must be this big to be found without any context (small towns are often
# ordinary words or surnames); with context (zip, "né à", "domicilié à") any town counts.
_STANDALONE_MIN_POPULATION = 20_000


def _address_lines(
    text: str, streets: list[tuple[int, int]], complements: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Streets joined with the complements beside them (overlapping or separated by a comma on
    the same line); complements with no street beside them are dropped."""
    groups: list[list[int]] = []  # start, end, holds a street
    parts = sorted([(s, e, 1) for s, e in streets] + [(s, e, 0) for s, e in complements])
    for start, end, is_street in parts:
        last = groups[-1] if groups else None
        if last and (start <= last[1] or re.fullmatch(r"[ \t]*,?[ \t]*", text[last[1] : start])):
            last[1] = max(last[1], end)
            last[2] |= is_street
        else:
            groups.append([start, end, is_street])
    return [(start, end) for start, end, has_street in groups if has_street]


def _finditer_needing_postcode(pattern: re.Pattern, text: str) -> Iterable[re.Match]:
    """The matches of a pattern whose every match holds a French postcode (_ZIP), skipping the
    scan on a text with no five digits: _FIVE_DIGITS matches every _ZIP, so nothing is lost."""
    return pattern.finditer(text) if _FIVE_DIGITS.search(text) else ()


class PlaceRules(Detector):
    """Street lines, postcodes with their town, towns in context, and named facilities."""

    def __init__(self, towns: TownLexicon | None = None) -> None:
        super().__init__(name="PlaceRules", categories=["ADDRESS", "ZIP", "CITY", "HOSPITAL"])
        data = load_yaml("identifiers/places.yaml")
        streets = alternation(data["street_types"])
        street_name = (
            # "avenue J.-D. Maillard", "rue J. Jaurès": a person's initials before the surname
            rf"{_DATE_NAME}|(?:{_LINKING}[ \t]*)?(?:{UPPER}\.(?:-?{UPPER}\.)*[ \t]*)?{_PROPER_NAME}"
            rf"|(?:{_LINKING}[ \t]*)?{LOWER}+(?:[ \t]+{LOWER}+)?(?=[ \t]*(?:,|\n|$|-|\d{{5}}))"
            rf"|(?:{_LINKING}[ \t]*){LOWER}+(?:[ \t\-]+{LOWER}+)?"
        )
        # Each full-text pattern below opens with a lookahead on the first character its matches
        # start with (a digit, the initials of its words), which rejects most positions in one test
        street_initials = first_characters(data["street_types"])
        self._address = re.compile(  # "l'impasse des Mimosas": after an elided article too
            rf"(?:{NOT_IN_WORD_BEFORE}|(?<=(?<![\w])[lL]['’]))(?=\d|(?i:[{street_initials}]))(?:(?P<number>\d{{1,4}}(?:[\-/]\d{{1,4}})?(?:[ \t]?(?i:bis|ter|quater|[a-d])(?![\w]))?)[ \t]*,?[ \t]+"
            # said aloud: "au 4 de la rue du Moulin", "au 5 de l'impasse du Canal"
            rf"(?:(?i:de[ \t]+la|du)[ \t]+|(?i:de[ \t]+l['’])[ \t]*)?)?"
            # the name may wrap to the next line in running text ("18 avenue\nJean Jaurès")
            rf"(?P<type>(?i:{streets}))(?![\w])(?P<gap>[ \t]+|[ \t]*\n[ \t]*)(?P<name>{street_name})"
            # a house number after the name, as abroad: "Rue du Lac 3", "Calle Mayor 12"
            rf"(?P<number_after>[ \t]+\d{{1,4}}(?:[ \t]?(?i:bis|ter|[a-d]))?(?=[ \t]*(?:,|\n|$|\t|-[ \t])))?"
        )
        titles = rf"(?:{alternation(name_lexicon().titles)})"
        self._acronym_exceptions = frozenset(data["facility_acronym_exceptions"])
        self._facility_acronyms = frozenset(data["facility_acronyms"])
        self._community_services = frozenset(data["community_services"])
        self._title_before = re.compile(rf"(?<![\w]){titles}\.?[ \t]*$")
        self._town_in_parentheses = re.compile(rf"\([ \t]*(?P<town>{_TOWN})[ \t]*[),]")
        # "Dr LAFFARGUE St-Loubès", "Dr Guillotin - Fougères": a doctor's town after the name
        self._town_after_doctor = re.compile(
            rf"(?<![\w])(?:Dr|Pr|Docteur|Professeur)\.?[ ]+(?:\p{{Lu}}[\w'’.\-]*[ ]+){{1,3}}(?:-[ ]+)?"
            rf"(?P<town>{_TOWN})(?=[ \t]*(?:\n|$|[,;(\-]|\t))"
        )
        self._needs_number = frozenset(t.casefold() for t in data["street_types_need_number"])
        # "Technopole Izarbel, 45 allée ...", "Le Forum, 3 rue du Lac": a building's name before
        # a numbered street line, at the start of a line or after a dash
        self._building_before = re.compile(
            rf"(?:(?<![^\n])|(?<=[ \t][\-–·][ \t]))[ \t]*(?!{titles}\b)(?P<building>{_CAPITAL_WORD}(?:[ ]{{1,2}}(?:{_LINKING}[ ]?)?(?:{_CAPITAL_WORD}|{LOWER}[\w'’\-]*)){{0,4}}"
            rf"(?:,[ \t]*(?:(?i:bât(?:iment)?\.?|chambre|appt?\.?|apt\.?|appartement)[ \t]*[\w\-]{{1,4}}|\d{{1,2}}(?:e|er|ème|eme)[ \t]+(?i:étage|etage)|(?i:rdc|rez-de-chaussée)))?)"
            rf"(?:,|[ \t]/)[ \t]*$"  # "Immeuble Le Cristal, 2e étage / 40 quai de Queyries"
        )
        self._complement = re.compile(_COMPLEMENT)
        # "Les Hauts de Sainte-Musse, bât. D4", "Foyer ADOMA, chambre 214": a building and its
        # flat or room, alone on their line (above the street or the postcode)
        self._building_line = re.compile(
            rf"(?m)(?:^|\t)[ \t]*(?P<building>(?!{titles}\b){_PROPER_NAME}(?:,[ \t]*{_COMPLEMENT})+)[ \t]*(?=\n|\t|$)"
        )
        # "Le Bourg\n19160 Neuvic", "Parc du Golf, Bât 21 - 13856 Aix": in an address block, what
        # stands just before a postcode and its town is the street line, with or without a number
        # (a low score: a name or a facility found there keeps its own reading)
        self._before_zip_town = re.compile(
            rf"(?m)(?:^|(?<=[ \t][\-–][ \t])|(?<=[:][ \t])|(?<=,[ \t]))[ \t]*(?P<line>(?!{titles}\b)(?:\d{{1,4}}(?:[ \t]?(?:bis|ter))?,?[ \t]+)?"
            rf"\p{{Lu}}(?:(?![ \t][\-–][ \t]|:[ \t])[^\n\t@]){{2,50}}?)"
            rf"[ \t]*(?:\n[ \t]*|,[ \t]*|\t[ \t]*|[ \t]+[\-–][ \t]+)(?=(?:F-)?(?:{_ZIP})[ \t]+{_TOWN})"
        )
        # "Adresse : La Combe, 74570 Thorens-Glières": what an address label puts before a postcode
        self._labelled_street = re.compile(
            rf"(?i:(?<![\w])(?:{alternation(data['address_labels'])}))(?![\w])(?:[^:\n]{{0,30}}?[ \t]*:|[ \t]*\t)[ \t]*"  # not "adresseur :"
            rf"(?P<street>[^\n]{{3,80}}?)[ \t]*,?[ \t]*(?=(?:\n[ \t]*(?:{_POSTCODE_LABEL}[ \t]*(?::[ \t]*|\t))?)?(?:{_ZIP})[ \t]+{UPPER})"
        )
        # "demeurant La Butte aux Loups, 72230 Moncé-en-Belin": a resident's street before a postcode
        self._resident_at = re.compile(
            rf"(?i:(?<![\w])(?:demeurant|domicili[ée]e?|domicili[ée]\(e\)|r[ée]sidant|habitant)(?:[ \t]+(?:au|à|a))?)[ \t]+"
            rf"(?P<street>(?!\d{{5}})(?!(?i:en|au|aux|dans|chez|à|a)\b)[^\n,(]{{3,60}}?)[ \t]*,?[ \t]*(?=(?:F-)?(?:{_ZIP})[ \t]+{UPPER})"
        )
        self._po_box = re.compile(r"(?<![\w])(?:BP|CS|TSA)[ \t]?\d{1,6}(?![\w])")
        # "75013 Paris", "F-75013 PARIS", "75013PARIS", "B-1000 Bruxelles", "1000-001 Lisboa"
        self._zip_town = re.compile(
            rf"(?<![\w\-])(?P<zip>(?:F[ \t]?-[ \t]?|F)?(?:{_ZIP})|{_FOREIGN_ZIP})(?:[ \t]+|(?=\p{{Lu}}))(?P<town>{_TOWN})"
            rf"(?:[ \t]+(?:CEDEX|Cedex|cedex)(?:[ ]\d{{1,2}}(?!\d))?)?"  # not the next column's postcode
        )
        # "00184 Roma", "1200 Bruxelles", "1006 Tunis": four or five digits before a known town abroad
        self._foreign_zip_town = re.compile(rf"(?<![\w\-.,/])(?P<zip>\d{{4,5}})[ ]+(?P<town>{_TOWN})")  # not across cells
        # "PARIS 75013", "Lyon (69003)": a known town then its postcode
        self._town_zip = re.compile(rf"(?<![\w\-])(?P<town>{_TOWN})[ \t]*(?:\([ \t]*|-[ \t]*|,[ \t]*)?(?P<zip>{_ZIP})(?![\w])")
        self._zip_label = re.compile(rf"(?i:\b(?:CP|code\s+postal)\s*:?\s*)(?P<zip>{_ZIP})(?![\w])")
        self._city_context = re.compile(
            rf"(?i:(?<![\w])(?=[{first_characters(data['city_context'])}])(?:{alternation(data['city_context'])}))[ \t]*:?[ \t]*(?P<town>{_TOWN})"
        )
        # "1 avenue de l'Hôpital" is a street, not a facility
        self._street_before = re.compile(rf"(?i:(?:{streets})[ \t]+(?:de[ \t]+l['’]|de[ \t]+la|du|des|de)[ \t]*)$")
        self._named_facilities = re.compile(
            rf"{NOT_IN_WORD_BEFORE}(?<![.@/])(?i:(?=[{first_characters(data['facility_names'])}]){alternation(data['facility_names'])}){NOT_IN_WORD_AFTER}(?!\.\w)"  # not in a web address
        )
        # "Site de Quimper", "Site René Gauducheau", "(site Saint-Jean)": one site of a multi-site
        # hospital ("(site de Trévenans)" names its town)
        self._site = re.compile(rf"(?<![\w])(?:Site|SITE|(?<=[\-–][ \t])site|(?<=\()site(?![ \t]+(?i:de|du|d['’])))[ ]{{1,2}}(?:(?i:de[ \t]+la|de[ \t]+l['’]|de|du|des|d['’])[ \t]*)?{_PROPER_NAME}")
        self._facility_after_preposition = re.compile(
            rf"(?:(?<![\w])(?i:à|au|aux|de|du|vers|depuis|sortie\s+de|suivie?|RDV(?:\s+\w+)?)[ \t]+|\([^()\n]{{0,25}},[ \t]*)"  # "(infectiologie, Foch)"
            rf"(?:(?i:l['’]hôpital|l['’]hopital)[ \t]+)?"
            rf"(?P<name>{alternation(data['facility_names_in_context'])}){NOT_IN_WORD_AFTER}"
        )
        self._born_at = re.compile(rf"(?i:\bn[ée]e?(?:\(e\))?\b)[^\n.;]{{0,40}}?\b(?i:à|a)[ \t]+(?P<town>{_TOWN})")
        # a signature line dated before its place: "Fait le 27.01.2025 à Trévenans"
        self._signed_at = re.compile(rf"(?i:\bfait[ \t]+le\b)[^\n;]{{1,30}}?[ \t](?i:à|a)[ \t]+(?P<town>{_TOWN})")
        self.towns = towns or town_lexicon()
        # capitalised runs recur (letterheads, name-dense notes): remember their reading
        self._cached_town_length = lru_cache(maxsize=8192)(self._town_length)
        self._countries = countries()
        # strong context: any known town, even one that is also a word ("à Tours")
        self._town_after_a = re.compile(rf"(?<![\w])(?i:à|au)(?:[ \t]+|[ \t]*\n[ \t]*)(?P<town>{_TOWN})")
        # weaker contexts: "de Feyzin", "(Illkirch)", "CHU X - Lyon", "vers Dakar": towns that are
        # not also ordinary words
        self._town_in_context = re.compile(
            rf"(?:(?<![\w])(?:(?i:de|pour|vers|depuis|puis|a)(?:[ \t]+|[ \t]*\n[ \t]*)|(?i:d['’])[ \t]*)|\([ \t]*|[ \t]-[ \t]|,[ \t]*)(?P<town>{_TOWN})"
        )
        self._eponym_before = re.compile(eponym_before(name_lexicon().eponym_triggers))
        # "Dakar (Sénégal)", "Izmir (Turquie)": any town, known or not, then its country
        self._town_before_country = re.compile(
            rf"{NOT_IN_WORD_BEFORE}(?!{titles}\b)(?P<town>{_TOWN})[ \t]*\([ \t]*(?P<country>{UPPER}[\w'’ \-]{{2,30}}?)[ \t]*\)"
        )
        # letters: "Saint-Priest-en-Jarez, le 28 février 2023"
        weekday = r"(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|premier|1er)"
        # without "le", a comma and a whole date: "Fouesnant, 24 avril 2024", "Paris, 12/03/2024"
        self._letter_place = re.compile(
            rf"(?m)(?:^|\t)[ \t]*(?P<town>{_TOWN})(?P<comma>,?)[ \t]+(?:le[ \t]+(?:\d|{weekday}\b)"
            rf"|(?<=,[ \t]*)(?:{weekday}[ \t]+)?\d{{1,2}}(?:er)?(?:[ \t]+{_MONTHS}[ \t]+\d{{4}}|[/.]\d{{1,2}}[/.]\d{{2,4}}))"
        )
        self._capitalised_run = re.compile(rf"{NOT_IN_WORD_BEFORE}{_TOWN}")
        acronyms = alternation(data["facility_acronyms"])
        words = alternation(data["facility_words"])
        titles = rf"(?:{alternation(name_lexicon().titles)})"  # "Maternité - Dr Cohen" is a person
        # (conjunctions too: "à la maternité si TA ≥ 160/110" names no maternity unit "TA")
        function_word = (
            r"(?:au|aux|à|a|en|de|du|des|le|la|les|pour|par|sur|avec|dans|et|ou|puis|vers|si|que|qui|quand|"
            r"lorsque|mais|car|donc|comme|sans|selon|ne|n['’])(?![\w])"
        )
        self._facility = re.compile(
            rf"(?<![\w\-])(?=[{first_characters(data['facility_acronyms'])}]|(?i:[{first_characters(data['facility_words'])}]))"
            rf"(?:(?:(?P<type>{acronyms})|(?P<type_words>(?i:{words})))(?P<qualifier>(?:[ \t]+(?:de[ \t]+(?:jour|nuit|semaine)|(?:de[ \t]+|d['’])(?!{function_word}){LOWER}{{4,}}|(?!{function_word}){LOWER}+)){{0,2}}?))(?![\w\-])"
            rf"(?P<name>(?:[ \t]+|-|[ \t]*\n[ \t]*(?=(?i:de|du|des|d['’])[ \t]))(?!{titles}\b)(?:[«\"][ \t]?)?(?:(?i:de\s+la|de\s+l['’]|des|du|de|d['’]|les|le|la)[ \t]*)?(?!{titles}\b){_PROPER_NAME}(?:[ \t]?[»\"])?)"
            rf"(?P<suffix>[ \t]+-[ \t]+(?!(?i:service|pôle|pole|unité|unite|département|departement|site|secrétariat|standard|tél|tel|fax))(?!{titles}\b)"
            rf"{UPPER}[\w'’\-]*(?:[ \t]+(?:{_LINKING}[ \t]*)?[\w'’\-]+){{0,3}}(?=[ \t]*(?:\n|$)))?"
        )

        # a letterhead's facility broken across two lines: "Polyclinique\nSaint-Roch",
        # "HÔPITAL PRIVÉ\nLA CASAMANCE": the type alone on its line, the name alone on the next
        # in running text, a facility's name wrapped to the next line: "à l'Hôpital\nTenon", "au
        # Centre hospitalier\nAnnecy Genevois" (a preposition before the type says it is prose)
        self._facility_wrapped = re.compile(
            rf"(?i:(?<![\w])(?:à|au|aux|de|du|vers|depuis)[ \t]+(?:l['’]|la[ \t]+|le[ \t]+)?)(?P<head>(?:{acronyms}|(?i:{words}))"
            rf"(?:[ \t]+{LOWER}+)?)[ \t]*(?P<break>\n)[ \t]*(?=\p{{Lu}})"
        )
        self._facility_two_lines = re.compile(
            rf"(?m)^[ \t]*(?P<head>(?:{acronyms}|(?i:{words}))(?:[ \t]+[\w'’\-]+){{0,3}})[ \t]*\n[ \t]*"
            rf"(?!(?i:service|pôle|pole|unité|unite|département|departement|site|secrétariat|standard|tél|tel|fax|direction|{streets})\b|{titles}\b)"
            rf"(?P<name>{_PROPER_NAME})[ \t]*(?:\t[^\n]*)?$"  # a tab: the next cell of a letterhead
        )

    def _addresses(self, text: str) -> Iterator[Finding]:
        streets = []
        covered_until = 0
        # overlapped: a street type read in a rejected match may start another ("ferme au
        # lieu-dit La Croix": "lieu-dit La Croix" after "ferme au lieu")
        for match in self._address.finditer(text, overlapped=True):
            if match.start() < covered_until:
                continue
            if _NOT_A_STREET_BEFORE.search(text, max(0, match.start() - 15), match.start()):
                continue
            if "\n" in match.group("gap") and not (
                match.group("number")
                or match.group("type").casefold() in ("lieu-dit", "lieudit")
                or _SPOKEN_NUMBER_BEFORE.search(text, max(0, match.start() - 50), match.start())
            ):
                continue  # a type alone at a line's end names no street
            if not match.group("number") and self._title_before.search(text, max(0, match.start() - 12), match.start()):
                continue  # "Dr Ch. Peretti": an initial, not a "chemin"
            has_number = bool(match.group("number") or match.group("number_after"))
            if match.group("type").casefold() in self._needs_number and not has_number:
                continue  # "passage aux urgences", "via PICC"
            has_proper_name = bool(re.search(rf"{UPPER}", match.group("name")))
            if has_number or has_proper_name:
                start, end = match.start(), match.end()
                if _is_year_of_a_date(text, match):
                    if match.group("type").casefold() == "via":
                        continue  # "Admitted 9 May 2025 via A&E": the number was a year ("square d'Anvers" stays)
                    start = match.start("type")  # "né le 29 février 1932, lieu-dit Les Granges"
                elif not match.group("number") and (spoken := _SPOKEN_NUMBER_BEFORE.search(text, max(0, start - 50), start)):
                    start = spoken.start()  # dictated: "au douze rue des Alpilles"
                building = self._building_before.search(text, max(0, start - 80), start) if match.group("number") else None
                if building and self._known_town_length(building.group("building"), 0) == len(building.group("building")):
                    building = None  # "à Poitiers, 9 bis rue Carnot": the town, read as such elsewhere
                if not match.group("number_after") and (town := self._town_ending_a_name(text, match.start("name"), end)):
                    end, town_start, town_end = town
                    yield Finding(town_start, town_end, "CITY", 0.9, "city.after_street")  # "18 rue de Siam Brest"
                streets.append((building.start("building") if building else start, end))
                covered_until = end
        for match in _finditer_needing_postcode(self._labelled_street, text):
            streets.append((match.start("street"), match.end("street")))
        # building, flat, "n°4" beside a street on the same line belong to the address
        complements = [(m.start(), m.end()) for m in self._complement.finditer(text)] if streets else []
        # a street type is strong evidence: it outranks a person's name inside the street name
        for start, end in _address_lines(text, streets, complements):
            yield Finding(start, end, "ADDRESS", 0.92, "address.street")
        for match in _finditer_needing_postcode(self._before_zip_town, text):
            line = match.group("line")
            if re.fullmatch(_POSTCODE_LABEL, line.strip()):
                continue  # "CP Ville     49280 La Séguinière": a form's label cell
            if _PROSE.search(line):
                continue  # "Vit avec son épouse Halina au 21 cité Sainte-Barbe, 57800 ...": a sentence
            if any(
                match.start("line") < start < match.end("line") and _LEADS_INTO_STREET.search(text, match.start("line"), start)
                for start, _ in streets
            ):
                continue  # "son mari, Dumenicu Mattei, au lieu-dit Funtana,\n20250 ...": a sentence into the street
            if not re.search(r"\d{2}[ .]?\d{2}[ .]?\d{2}|(?i:t[ée]l|fax|cedex)", line):  # not a phone line
                # "Les Milles - 13290 Aix", "La Butte aux Loups\n72230 ...": a place with its
                # article is a locality, not a person the NER would see there
                score = 0.85 if _LOCALITY_ARTICLE.match(line) else 0.5
                yield Finding(match.start("line"), match.end("line"), "ADDRESS", score, "address.before_zip")
        for match in _finditer_needing_postcode(self._resident_at, text):
            if self._known_town_length(match.group("street"), 0) == len(match.group("street")):
                continue  # "domicilié à Lyon, 69003 Lyon": the town, not a street
            yield Finding(match.start("street"), match.end("street"), "ADDRESS", 0.85, "address.resident_at")
        for match in self._building_line.finditer(text):
            yield Finding(match.start("building"), match.end("building"), "ADDRESS", 0.85, "address.building")
        for match in _GLUED_STREET.finditer(text):
            yield Finding(match.start(), match.end(), "ADDRESS", 0.85, "address.glued_type")
        for match in self._po_box.finditer(text):
            yield Finding(match.start(), match.end(), "ADDRESS", 0.8, "address.po_box")

    def _postcodes_and_towns(self, text: str) -> Iterator[Finding]:
        for match in self._zip_town.finditer(text):
            if not self._is_town_after_zip(text, match):
                continue
            yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.95, "zip.with_town")
            yield Finding(match.start("town"), match.end("town"), "CITY", 0.9, "city.after_zip")
        for match in self._foreign_zip_town.finditer(text):
            if re.fullmatch(_ZIP, match.group("zip")) or _YEAR_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue  # a French postcode (above), or "en 2019 Lisbonne"
            town = match.group("town")
            length = self._abroad_town_length(town)
            if length:  # "1200 Bruxelles", "00184 Roma", "1224 Chêne-Bougeries Tél. ..."
                yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.abroad")
                yield Finding(match.start("town"), match.start("town") + length, "CITY", 0.85, "city.after_zip")
        for match in _UK_TOWN_POSTCODE.finditer(text):
            if self.towns.is_abroad(match.group("town")) or self.towns.is_town(match.group("town")):
                yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.uk")
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.85, "city.before_zip")
        for match in _CANADIAN_ZIP.finditer(text):
            if _CANADA_BEFORE.search(text, max(0, match.start() - 80), match.start()):
                yield Finding(match.start(), match.end(), "ZIP", 0.9, "zip.canada")
        for match in _finditer_needing_postcode(self._town_zip, text):
            length = self._known_town_length(match.group("town"), 0)
            if length == len(match.group("town")):
                yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.after_town")
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.85, "city.before_zip")
        for match in _finditer_needing_postcode(_ZIP_LOWERCASE_TOWN, text):
            # dictated or typed in lower case: "69500 bron" (a known town only)
            length = self._known_town_length(match.group("town"), 0)
            if length and fold(match.group("town")[:length]) not in common_word_keys():  # "10500 blanc(s)"
                yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.with_town")
                yield Finding(match.start("town"), match.start("town") + length, "CITY", 0.85, "city.after_zip")
        for match in _LOWERCASE_COMPOUND_TOWN.finditer(text):
            town = match.group("town")  # "vit à vitry-sur-seine": a compound name, known, after "à"
            if self._known_town_length(town, 0) == len(town):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.8, "city.lexicon_context")
        for match in self._zip_label.finditer(text):
            yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.9, "zip.label")
        for pattern, rule in (
            (self._city_context, "city.context"),
            (self._born_at, "city.born_at"),
            (self._signed_at, "city.signed_at"),
        ):
            for match in pattern.finditer(text):
                if _DAY_COUNT.fullmatch(match.group("town")):
                    continue
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.85, rule)
        for pattern, strong in ((self._town_after_a, True), (self._town_in_context, False)):
            # the strong context overlapped: "au CH Ravenel à Mirecourt" must still try "à Mirecourt"
            for match in pattern.finditer(text, overlapped=strong):
                length = self._known_town_length(match.group("town"), 0 if strong else 1)
                start = match.start("town")
                town = match.group("town")[:length]
                if not strong and ((town.isupper() and len(town) <= 4) or len(town) <= 2):
                    continue  # "(AE1-AE3, DAKO)", "(RIS)", "(Gy)": acronyms, brands and units
                if not strong and re.match(r"[ \t]+\p{Lu}\p{Ll}+[ \t]+\p{Lu}", text[start + length : start + length + 30]):
                    continue  # "(Richmond Agitation Sedation Scale)": the first word of a title
                if text[start + length : start + length + 1] in ("®", "™"):
                    continue  # "Cobas e411, Roche®": a manufacturer
                if length and not (self._eponym_before.search(text, max(0, start - 40), start) and not _SCHOOL_OF.search(text, max(0, start - 40), start)):
                    # context plus lexicon outrank a bare NER guess of a person
                    yield Finding(start, start + length, "CITY", 0.82, "city.lexicon_context")
        for match in self._town_in_parentheses.finditer(text):
            town = match.group("town")
            if (town.isupper() and len(town) <= 4) or len(town) <= 3:
                continue  # "(BAAR)", "(RIS)", "(Gy)": an acronym or a unit, though a town bears its letters
            if self._known_town_length(town, 0) == len(town) and not self._eponym_before.search(
                text, max(0, match.start() - 40), match.start()
            ):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.82, "city.in_parentheses")
        for match in self._town_after_doctor.finditer(text):
            town = match.group("town")
            before = text[match.start() : match.start("town")].rstrip(" -")
            if before.endswith(".") or name_lexicon().is_first_name(before.split()[-1]):
                continue  # "Dr E. Saint-Hilaire", "Dr Hugues Lamarque": the surname after a first name
            if self.towns.is_known(town, 1000) and not name_lexicon().is_known_name(town):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.92, "city.after_doctor")
        for match in self._town_before_country.finditer(text):
            if match.group("country").casefold() in self._countries and not self._eponym_before.search(
                text, max(0, match.start() - 40), match.start()
            ):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.85, "city.before_country")
        for match in self._letter_place.finditer(text):
            town = match.group("town")
            # "Née le 3 mars" is no place: an unknown word needs the comma of a letter's place line
            if match.group("comma") or self._known_town_length(town, 0) == len(town):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.85, "city.letter_place")
        for match in self._capitalised_run.finditer(text, overlapped=True):
            length = self._known_town_length(match.group(), _STANDALONE_MIN_POPULATION)
            if length:
                yield Finding(match.start(), match.start() + length, "CITY", 0.75, "city.lexicon")

    def _is_town_after_zip(self, text: str, match: re.Match) -> bool:
        """"75013 Paris" but not "15 000 E/mm3" or "10000 UI": a count and its unit are no address."""
        town = match.group("town")
        if text[match.end("town") : match.end("town") + 1] == "/":
            return False
        known = self._known_town_length(town, 0) == len(town) or self._abroad_town_length(town) == len(town)
        if " " in match.group("zip").strip() or (town.isupper() and len(town) <= 3):
            return known  # "75 013" and short capitals ("UI", "GB") need a known town
        gap = text[match.end("zip") : match.start("town")]
        if "\t" in gap or (not gap and not town.isupper()):
            return known  # the next cell of a table ("A-0932    IPP CH"), or glued: "34970Lattes"
        return len(town) >= 2

    def _abroad_town_length(self, candidate: str) -> int:
        """Length of the longest leading run of words of `candidate` that is a town abroad."""
        ends = [m.end() for m in _TOWN_WORDS.finditer(candidate)]
        return next((end for end in reversed(ends) if self.towns.is_abroad(candidate[:end])), 0)

    def _known_town_length(self, candidate: str, min_population: int) -> int:
        """Length of the longest leading run of words of `candidate` that is a known town."""
        return self._cached_town_length(candidate, min_population)

    def _town_length(self, candidate: str, min_population: int) -> int:
        if candidate.casefold() in self._countries:
            return 0
        ends = [m.end() for m in _TOWN_WORDS.finditer(candidate)]
        if not ends or not self.towns.may_start_a_town(candidate[: ends[0]]):
            return 0
        for end in reversed(ends):
            name = candidate[:end]
            if self.towns.is_known(name, min_population) or (min_population < 2 and self.towns.is_abroad(name)):
                return end
        return 0

    def _facilities(self, text: str) -> Iterator[Finding]:
        for match in self._named_facilities.finditer(text):
            yield Finding(match.start(), match.end(), "HOSPITAL", 0.93, "hospital.known_name")
        for match in self._site.finditer(text):
            name = re.sub(r"^\S+[ \t]+(?:(?i:de[ \t]+la|de[ \t]+l['’]|de|du|des|d['’])[ \t]*)?", "", match.group())
            if self._known_town_length(name, 0) == len(name) and (
                not _HOSPITAL_NEAR.search(text, max(0, match.start() - 150), match.start())
            ):
                # "Site de Saint-Cloud", "Site de Auch": a town, unless a hospital's letterhead lists its sites
                yield Finding(match.end() - len(name), match.end(), "CITY", 0.85, "city.site")
                continue
            yield Finding(match.start(), match.end(), "HOSPITAL", 0.85, "hospital.site")
        for match in self._facility_after_preposition.finditer(text):
            if not self._street_before.search(text, max(0, match.start() - 30), match.start()):
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
        for match in _HOSPITAL_ACRONYM.finditer(text):
            acronym = match.group()
            vowels = sum(c in "AEIOUY" for c in acronym[2:])  # "CHIEN", "CHAISE": words, not acronyms
            if vowels <= 1 and acronym not in self._acronym_exceptions and fold(acronym) not in common_word_keys():
                # "CHBS Lorient": the town after the acronym is part of the facility's name
                town = _TOWN_AFTER.match(text, match.end())
                length = self._known_town_length(town.group("town"), 0) if town else 0
                name = _CAPITALISED_AFTER.match(text, match.end())
                if length:
                    yield Finding(match.start(), town.start("town") + length, "HOSPITAL", 0.9, "hospital.acronym")
                elif name and not vowels and fold(name.group("name")) not in common_word_keys():
                    # "CHPF Taaone": the name after a hospital's own acronym (not "CHEN Wei")
                    yield Finding(match.start(), name.end(), "HOSPITAL", 0.9, "hospital.acronym")
                else:
                    yield Finding(match.start(), match.end(), "HOSPITAL", 0.75, "hospital.acronym")
        for match in self._facility_two_lines.finditer(text):
            name = match.group("name")
            saint = _SAINT.match(name)  # "Polyclinique\nSaint-Roch"
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
        if type_words in ("hôtel-dieu", "hotel-dieu") and town_name == name and self._known_town_length(name, 0) == len(name):
            # "Hôtel-Dieu Paris": the hospital and its town, side by side
            yield Finding(match.start(), match.start("name"), "HOSPITAL", 0.93, "hospital.named")
            yield Finding(match.end("name") - len(match.group("name").lstrip(" \t-")), match.end("name"), "CITY", 0.9, "city.after_facility")
            return
        if match.group("type") in self._community_services and self._known_town_length(town_name, 0) == len(town_name):
            # "CMP de Pantin", "CCAS de Toulon": a service and its town, which no name reading outranks
            town_start = match.start("name") + match.group("name").index(town_name)
            yield Finding(town_start, town_start + len(town_name), "CITY", 0.9, "city.community_service")
            return
        if _ENGLISH_TERM.match(name):
            return  # "Hospital Anxiety and Depression scale": a term, not a hospital abroad
        if self._adjective_use(text, match) or _GENERIC_NAME.fullmatch(name) or sum(c.isdigit() for c in name) >= 3:
            return  # "n° HAD HAD-2026-00413": a record number, not a facility's name
        end = name_end = match.start("name") + len(match.group("name").rstrip())
        if number := _BUILDING_NUMBER_AFTER.match(text, end):
            end = name_end = number.end()  # "Hôpital Pasteur 2": one of a hospital's buildings
        suffix = match.group("suffix")
        if suffix and not self.towns.is_town(suffix.strip(" \t-")):
            end = match.end("suffix")
        elif suffix:  # "EHPAD Le Clos Saint-Vincent - Orange": the facility's town
            town_start = match.start("suffix") + len(suffix) - len(suffix.lstrip(" \t-"))
            yield Finding(town_start, match.end("suffix"), "CITY", 0.85, "city.after_facility")
        if end == name_end and (town := self._town_ending_a_name(text, match.start("name"), end)):
            end, town_start, town_end = town
            yield Finding(town_start, town_end, "CITY", 0.9, "city.after_facility")
        # a named facility outranks the street-like words inside it ("EHPAD Résidence du Parc")
        yield Finding(match.start(), end, "HOSPITAL", 0.93, "hospital.named")

    def _town_ending_a_name(self, text: str, start: int, end: int) -> tuple[int, int, int] | None:
        """"Clinique Pasteur Évreux", "18 rue de Siam Brest": a town written after a name made of
        two or more words, without "de" before it, is the place, not part of the name. Returns
        where the name now ends and where the town starts and ends."""
        name = text[start:end]
        for space in re.finditer(r"[ \t]+", name):
            before, tail = name[: space.start()], name[space.end() :]
            if re.search(r"(?i:\b(?:de|du|des|d['’]|la|le|les|l['’]))$", before) or not re.search(r"\p{Lu}", before):
                continue
            if _SAINT.match(tail) or name_lexicon().is_first_name(before.split()[-1]):
                continue  # "Groupe Hospitalier Paris Saint-Joseph", "Hôpital Charles Foix": names
            if self._known_town_length(tail, 5000) == len(tail) and not name_lexicon().is_known_name(tail):
                return start + len(before.rstrip(" \t-,")), start + space.end(), end
        return None

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

    def find(self, text: str, doc: Doc) -> Iterable[Finding]:
        towns = [_with_arrondissement(text, f) for f in self._postcodes_and_towns(text)]
        facilities = list(self._facilities(text))
        acronyms = _defined_acronyms(text, facilities, self.towns, self._facility_acronyms)
        return [*self._addresses(text), *towns, *facilities, *acronyms]


def _defined_acronyms(text: str, facilities: list[Finding], towns: TownLexicon, generic: frozenset[str]) -> Iterator[Finding]:
    """"Hôpitaux Universitaires de Genève (HUG)", "Centre Hospitalier de Luxembourg (CHL)": an
    acronym a facility's name defines in brackets is that facility, there and wherever else the
    note uses it ("N° patient HUG : ..."), though three letters alone are too ambiguous to read
    ("CHL", "CHC" are clinical abbreviations elsewhere)."""
    defined = set()
    for facility in facilities:
        if facility.category == "HOSPITAL" and (bracket := _ACRONYM_IN_BRACKETS.match(text, facility.end)):
            defined.add(bracket.group("acronym"))
    # not a town ("HÔPITAL HENRI-MONDOR (CRETEIL)"), a word, nor a kind of facility ("Fondation
    # Santé Service (HAD)": "HAD" elsewhere is any home-care service)
    defined = {a for a in defined if not towns.is_town(a) and fold(a) not in common_word_keys() and a not in generic}
    for acronym in defined:
        for use in re.finditer(rf"(?<![\w\-]){re.escape(acronym)}(?![\w\-])", text):
            yield Finding(use.start(), use.end(), "HOSPITAL", 0.9, "hospital.defined_acronym")


# names abroad with their type word after them: "St Thomas' Hospital", "Sint Maarten Medical
# Center", "Guy's and St Thomas' NHS Foundation Trust", "Health Sciences Centre"
_NAME_THEN_TYPE = re.compile(
    r"(?<![\w\-'’])(?:\p{Lu}[\w'’\-]*\.?[ ](?:(?:and|of|&)[ ])?){1,4}"
    r"(?:Hospital|Medical[ ]Cent(?:er|re)|Sciences[ ]Cent(?:er|re)|NHS[ ](?:Foundation[ ])?Trust|Infirmary)(?![\w])"
)
_ACRONYM_IN_BRACKETS = re.compile(r"[ \t]*\([ \t]*(?P<acronym>\p{Lu}[\p{Lu}\d\-]{1,7})[ \t]*\)")


def _with_arrondissement(text: str, finding: Finding) -> Finding:
    """"Paris 14e": a town divided into arrondissements, with the one written after it."""
    if finding.category != "CITY" or text[finding.start : finding.end].casefold() not in _TOWNS_WITH_ARRONDISSEMENTS:
        return finding
    after = _ARRONDISSEMENT_AFTER.match(text, finding.end)
    return replace(finding, end=after.end()) if after else finding


def _is_year_of_a_date(text: str, street: re.Match[str]) -> bool:
    """Whether a street match's number is the year that ends a date written before it."""
    number = street.group("number")
    if not number or not re.fullmatch(r"(?:19|20)\d{2}", number):
        return False
    return _MONTH_BEFORE.search(text, max(0, street.start() - 12), street.start()) is not None
