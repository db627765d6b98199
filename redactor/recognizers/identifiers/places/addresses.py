"""Street lines (ADDRESS): numbered or named streets, lieux-dits, buildings, post-office boxes,
and what stands before a postcode in an address block."""

from __future__ import annotations

from typing import Iterator

import regex as re

from redactor.dates import MONTH_FORMS
from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import fold, name_lexicon
from redactor.recognizers.identifiers.patterns import LOWER, NOT_IN_WORD_BEFORE, UPPER, alternation, first_characters
from redactor.recognizers.identifiers.places.shapes import (
    CAPITAL_WORD,
    COMPLEMENT,
    DATE_NAME,
    LINKING,
    POSTCODE_LABEL,
    PROPER_NAME,
    TOWN,
    ZIP,
    finditer_needing_postcode,
)
from redactor.recognizers.identifiers.places.towns import TownRules
from redactor.recognizers.identifiers.spoken import number_words
from redactor.recognizers.vouched.folding import common_word_keys

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
# Dutch and German street names carry their type at the end, glued or as a word, the number
# after: "President Kennedylaan 4", "Petersgraben 4", "Hauptstrasse 12a", "Lichtentaler Straße 14"
# (Alsatian streets too: "Kirchgass", "Hauptstross")
_GLUED_STREET = re.compile(
    r"(?<![\w\-])(?:\p{Lu}[\w\-]*[ ])?\p{Lu}[\w\-]*(?:laan|straat|straße|strasse|stross|steenweg|weg|gasse|gass|graben|platz|plein|dreef|kade|gracht|allee"
    r"|[ ](?:Straße|Strasse|Weg|Gasse|Platz|Allee|Ring|Damm))"
    r"[ ]\d{1,4}[a-z]?(?![\w])"
    # or, in Alsace, the number first: "5 Hauptstross", "12 Kirchgass"
    r"|(?<![\w\-/.,])\d{1,4}[a-z]?[ ]\p{Lu}[\w\-]*(?:stross|strasse|straße|gass|gasse|weg|platz)(?![\w\-])"
)
# a locality named with its article: "Les Milles", "La Butte aux Loups", "Lieu-dit Kerhuel"
# "demeurant Les Bruyères, 2 impasse du Pressoir", "domiciliée au Mas d'en Calvet, route de ..."
_RESIDES = r"(?i:demeurant|domicili[ée]e?|r[ée]side|r[ée]sidant|habite|habitant)(?:[ \t]+(?i:à|au|a))?"
_LOCALITY_ARTICLE = re.compile(r"(?:Le|La|Les|L['’]|Lieu-dit|Lieudit|Hameau)[ \t]*\p{Lu}")
# street types that are also words, whose place's name follows them with no "de", capitalised:
# "section Ménard" (not "section du tendon d'Achille", a union's "section CGT")
_NAMED_RIGHT_AFTER = frozenset({"section"})
_CAPITALISED_WORD = re.compile(r"\p{Lu}\p{Ll}")
# a lower-case word just before a street: the words before it are a sentence ("au lieu-dit")
_LEADS_INTO_STREET = re.compile(r"(?<![\w\-'’])\p{Ll}+[ \t]+$")
# three lower-case words in a row: running text, not an address line
_PROSE = re.compile(r"(?<![\w\-'’])\p{Ll}+[ \t]+\p{Ll}+[ \t]+\p{Ll}+(?![\w\-'’])")


_REGNAL_ORDINAL = r"(?:[ ](?:1er|1ER|Ier|IER|1re|Ire|II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI|XVIII)(?![\w\-]))"
# the line under a street line: a town alone, or before a bracket or a comma
_TOWN_ON_NEXT_LINE = re.compile(rf"[ \t]*,?[ \t]*\n[ \t]*(?P<town>{TOWN})(?=[ \t]*(?:[(,]|\n|$))")
# "45 Grand'Rue", "3 Grande Rue": a town's main street, whose type is its whole name
_MAIN_STREET = re.compile(r"(?=\d)(?<![\w\-/.,])\d{1,4}(?:[ \t]?(?i:bis|ter))?,?[ \t]+(?i:grand['’][ ]?rue|grande?[ \t]+rue)(?![\w\-'’])(?![ \t]+(?i:de|du|des|d['’])\b)")

# a kilometre point on a road: "A7 PK 212", "RN 165, PK 12,5", "borne PK 212+300", "PK 17+450";
# a bare "PK 2" stays (a pharmacokinetic sample)
_KILOMETRE_POINT = re.compile(
    r"(?<![\w\-])(?:(?:(?:A|N|RN|RD|D|RT|RP)[ ]?\d{1,4}|(?i:autoroute|route|borne|bretelle))[ \t]*[,\-–]?[ \t]*PK[ ]?\d{1,4}(?:[+,.]\d{1,3})?"
    r"|PK[ ]?\d{1,4}\+\d{3})(?![\w])"
)
# "6 traverse des Marronniers, 13012      pansement": a postcode after the street, its town left
# out (a city's district in a round's table), or before the mobile phone in the next cell (the two
# spaces between cells are one once the note is normalised)
_LINE = re.compile(r"(?m)^[^\n]*")
_FACILITY_IN_NAME = re.compile(r"(?i:d['’]arr[êe]t|centre|h[ôo]pital|clinique|ehpad|sant[ée]|m[ée]dical|foyer)")
# a building's or a lieu-dit's name: capitalised words, a building's letter or number ("Le Mistral
# Bât. C", "Résidence Les Pins, esc. B")
_BUILDING_NAME = re.compile(r"\p{Lu}[\p{L}'’\-]*(?:[ ,]+(?:\p{Lu}[\p{L}'’\-.]*|(?i:de|du|des|la|le|les|l['’])|\d{1,3}|[A-Z]))*")
# a known town after the street and a comma, ending its cell or its line: "3 impasse du Crêt, Argonay<tab>"
_TOWN_ENDING_A_CELL = re.compile(rf"[ ]*,[ ]*(?P<town>{TOWN})(?=[ ]*(?:\t|\n|$|\)|[ ]{{2}}))")
# ... a postcode too, or closing a bracket: "(14 rue de la Pompe, 75116)", or before a dash and
# a phone: "1 place de la République, 97320 - 0594 34 11 53"
_POSTCODE_ENDING_A_CELL = re.compile(
    r"(?:[ \t]*,[ \t]*|[ ])(?P<zip>(?:0[1-9]|[1-8]\d|9[0-8])\d{3})"
    r"(?=[ \t]*(?:\t|\n|$|[();]|[ ]{2})|[ ]0[67](?:[ .]\d{2}){4}(?!\d)|[ ][\-–][ ](?:\+|0)\d)"
)


class AddressRules:
    """Street lines and the building, flat or floor beside them."""

    def __init__(self, data: dict, streets: str, titles: str, town_rules: TownRules) -> None:
        self.town_rules = town_rules
        street_name = (
            # "avenue J.-D. Maillard", "rue J. Jaurès": a person's initials before the surname
            # and a king's or a pope's ordinal after the name: "avenue Albert 1er", "rue Henri IV"
            rf"{DATE_NAME}|(?:{LINKING}[ \t]*)?(?:{UPPER}\.(?:-?{UPPER}\.)*[ \t]*)?{PROPER_NAME}{_REGNAL_ORDINAL}?"
            rf"|(?:{LINKING}[ \t]*)?{LOWER}+(?:[ \t]+{LOWER}+)?(?=[ \t]*(?:,|\n|$|-|\d{{5}}))"
            rf"|(?:{LINKING}[ \t]*){LOWER}+(?:[ \t\-]+{LOWER}+)?"
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
            # (a Belgian box after the number: "Rue de la Marlière 47 bte 2")
            rf"(?P<number_after>[ \t]+\d{{1,4}}(?:[ \t]?(?i:bis|ter|[a-d]))?(?:[ \t]+(?i:bte|boîte|bus)[ \t]*\d{{1,4}})?(?=[ \t]*(?:,|\n|$|\t|-[ \t])))?"
        )
        self._title_before = re.compile(rf"(?<![\w]){titles}\.?[ \t]*$")
        # a numbered street's or a postcode's line: "31 avenue de Verdun", "87260 Pierre-Buffière"
        # (or a street without its number, named in capitals: "Le Bourg\nChemin des Tuileries")
        self._address_line_start = re.compile(
            rf"\d{{1,4}}(?:[ ]?(?:bis|ter))?,?[ ]+(?i:{streets})(?![\w])|{ZIP}[ ]+\p{{Lu}}"
            rf"|(?i:{streets})[ ]+(?:(?i:de[ ]la|de[ ]l['’]|de|du|des|d['’])[ ]?)?\p{{Lu}}"
        )
        self._title_inside = re.compile(rf"(?<![\w]){titles}(?![\w])")
        self._needs_number = frozenset(t.casefold() for t in data["street_types_need_number"])
        # "Technopole Izarbel, 45 allée ...", "Le Forum, 3 rue du Lac": a building's name before
        # a numbered street line, at the start of a line, after a dash, a label's colon or a
        # bracket ("adr : Foyer jeunes travailleurs, 6 rue Pasteur", "(Maison Relais Le Phare, 3
        # rue de Lannoy"), or before any street line on a line of its own ("La Touche, route de
        # Bellême")
        self._building_before = re.compile(
            # (a line's start, a quoted mail's too: "> Immeuble Le Cézanne, 210 avenue ...")
            rf"(?:(?<![^\n])|(?<=(?<![^\n])>+[ ]?)|(?<=[ \t][\-–·][ \t])|(?<=[:(→,][ \t]?)|(?<={_RESIDES}[ \t]))[ \t]*(?!{titles}\b)(?P<building>{CAPITAL_WORD}(?:[ ]{{1,2}}(?:{LINKING}[ ]?)?(?:{CAPITAL_WORD}|{LOWER}[\w'’\-]*)){{0,4}}"
            rf"(?:,[ \t]*(?:(?i:bât(?:iment)?\.?|chambre|appt?\.?|apt\.?|appartement)[ \t]*[\w\-]{{1,4}}|\d{{1,2}}(?:e|er|ème|eme)[ \t]+(?i:étage|etage)|(?i:rdc|rez-de-chaussée)))?)"
            rf"(?:,|[ \t]/)[ \t]*$"  # "Immeuble Le Cristal, 2e étage / 40 quai de Queyries"
        )
        self._complement = re.compile(COMPLEMENT)
        self._building_start = re.compile(rf"(?:(?i:{alternation(data['building_words'])})(?![\w])|{_LOCALITY_ARTICLE.pattern})")
        # "Les Hauts de Sainte-Musse, bât. D4", "Foyer ADOMA, chambre 214": a building and its
        # flat or room, alone on their line (above the street or the postcode)
        # ... ending its line or its cell, or before its town ("Les Hauts de Cran, bât. 2, Cran-Gevrier",
        # "(La Beaucaire, bât. 3, 83200 Toulon)"); or complements alone on their line ("Bât. F, 5e
        # étage, porte 53")
        self._building_line = re.compile(
            rf"(?m)(?:^|\t|\()[ \t]*(?P<building>(?!{titles}\b){PROPER_NAME}(?:,[ \t]*{COMPLEMENT})+)"
            rf"[ \t]*(?=\n|\t|$|\)|,[ ]*(?:(?:{ZIP})[ ]+)?\p{{Lu}})"
            rf"|(?m)^[ \t]*(?P<building>(?:{COMPLEMENT})(?:,[ \t]*(?:{COMPLEMENT}))+)[ \t]*$"
        )
        # "Le Bourg\n19160 Neuvic", "Parc du Golf, Bât 21 - 13856 Aix": in an address block, what
        # stands just before a postcode and its town is the street line, with or without a number
        # (a low score: a name or a facility found there keeps its own reading)
        buildings = alternation(data["building_words"])
        self._before_zip_town = re.compile(
            # (after a house number, any letter: a street type the rules do not know, "3 ruc du Commerce")
            # (or after "à": "Envoi postal à Le Crêt du Bois, 38880 Autrans-Méaudre"; or a building's
            # word in lower case, "mas d'en Bosch, 66800 Saillagouse"; a middle dot parts German
            # lines, "Winterberg 1 · 66119 Saarbrücken")
            rf"(?m)(?:^|(?<=[ \t][\-–·][ \t])|(?<=[:][ \t])|(?<=,[ \t])|(?<=(?<![\w])à[ \t])(?=(?:Le|La|Les|L['’])[ \t]*\p{{Lu}}))[ \t]*(?P<line>(?!{titles}\b)(?:\d{{1,4}}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?=\p{{L}})|(?=\p{{Lu}})|(?=(?:{buildings})[ \t]))"
            rf"\p{{L}}(?:(?![ \t][\-–·][ \t]|:[ \t]|[ \t]à[ \t]+(?:Le|La|Les|L['’])[ \t]*\p{{Lu}})[^\n\t@]){{2,50}}?)"
            rf"[ \t]*(?:\n[ \t]*|,[ \t]*|\t[ \t]*|[ \t]+[\-–·][ \t]+)(?=(?:F-)?(?:{ZIP})[ \t]+{TOWN})"
        )
        # "Adresse : La Combe, 74570 Thorens-Glières": what an address label puts before a postcode
        self._labelled_street = re.compile(
            rf"(?i:(?<![\w])(?:{alternation(data['address_labels'])}))(?![\w])(?:[^:\n]{{0,30}}?[ \t]*:|[ \t]*\t)[ \t]*"  # not "adresseur :"
            # (the postcode's label on the next line or in the next cell: "4 rue du Lavoir   Code postal : 63390")
            rf"(?P<street>[^\n]{{3,80}}?)[ \t]*,?[ \t]*(?=(?:[\n\t][ \t]*(?:{POSTCODE_LABEL}[ \t]*(?::[ \t]*|\t))?)?(?:{ZIP})[ \t]+{UPPER})"
        )
        # "demeurant La Butte aux Loups, 72230 Moncé-en-Belin": a resident's street before a postcode
        self._resident_at = re.compile(
            rf"(?i:(?<![\w])(?:demeurant|domicili[ée]e?|domicili[ée]\(e\)|r[ée]sidant|habitant)(?:[ \t]+(?:au|à|a))?)[ \t]+"
            rf"(?P<street>(?!\d{{5}})(?!(?i:en|au|aux|dans|chez|à|a)\b)[^\n,(]{{3,60}}?)[ \t]*,?[ \t]*(?=(?:F-)?(?:{ZIP})[ \t]+{UPPER})"
        )
        # post-office boxes: "BP 123", "B.P. 1125", "CS 70001", "TSA 12345", "CO n° 60034" (case
        # officielle), "Case postale 12" (Switzerland)
        # (New Caledonia's boxes hold a letter: "BP J5")
        self._po_box = re.compile(r"(?<![\w])(?:BP|B\.P\.|CS|TSA|CO[ \t]?n°|(?i:case[ \t]+postale)|Postfach)[ \t]?(?:\d{1,6}|[A-Z]\d{1,5})(?![\w])")

    def _is_a_town(self, name: str) -> bool:
        return self.town_rules.known_town_length(name, 0) == len(name) and not name_lexicon().is_first_name(name.split()[0])

    def find(self, text: str) -> Iterator[Finding]:
        """Street lines with the building or flat beside them, what stands before a postcode in
        an address block, buildings alone on their line, glued foreign streets, post boxes."""
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
            if "\t" in match.group("gap") and not match.group("number"):
                continue  # "Audrey VIALE     Observateur": a surname ending its cell, not a "viale"
            if not match.group("number") and self._title_before.search(text, max(0, match.start() - 12), match.start()):
                continue  # "Dr Ch. Peretti": an initial, not a "chemin"
            if match.group("type").casefold() in _NAMED_RIGHT_AFTER and not (
                _CAPITALISED_WORD.match(match.group("name")) and fold(match.group("name").split()[0]) not in common_word_keys()
            ):
                continue  # "section du tendon d'Achille", "section Biologie", a union's "section CGT"
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
                building = self._building_before.search(text, max(0, start - 80), start)
                # not at a line's start nor after a dash: a label, a bracket, a comma or a verb before it
                after_label = building and text[max(0, building.start() - 3) : building.start()].rstrip(" \t")[-1:] not in ("", "\n", "-", "–", "·")
                if building and (after_label or not match.group("number")):
                    # after a label or a bracket, or without a house number: a building's or a
                    # lieu-dit's own word opens it ("adr : Foyer ...", not "Requérant : Capitaine ...")
                    if not self._building_start.match(building.group("building")):
                        building = None
                if building and (
                    self.town_rules.known_town_length(building.group("building"), 0) == len(building.group("building"))
                    or name_lexicon().is_first_name(building.group("building").split()[0])
                    or re.search(r"(?<![\w])à(?![\w])", building.group("building"))
                    or self._title_inside.search(building.group("building"))  # "Vu Mme Dupont, 12 rue ..."
                ):
                    # "Poitiers, 9 bis rue Carnot": the town; "Jean Dupont, 12 rue ...": a person;
                    # "Vu à Poitiers, 9 bis rue ...": prose
                    building = None
                if not match.group("number_after") and (town := self.town_rules.town_ending_a_name(text, match.start("name"), end)):
                    end, town_start, town_end = town
                    yield Finding(town_start, town_end, "CITY", 0.9, "city.after_street")  # "18 rue de Siam Brest"
                streets.append((building.start("building") if building else start, end))
                covered_until = end
                yield from self._town_on_next_line(text, end)
        for match in finditer_needing_postcode(self._labelled_street, text):
            streets.append((match.start("street"), match.end("street")))
        # building, flat, "n°4" beside a street on the same line belong to the address
        complements = [(m.start(), m.end()) for m in self._complement.finditer(text)] if streets else []
        # a street type is strong evidence: it outranks a person's name inside the street name
        for start, end in _address_lines(text, streets, complements):
            yield Finding(start, end, "ADDRESS", 0.92, "address.street")
            if postcode := _POSTCODE_ENDING_A_CELL.match(text, end):
                yield Finding(postcode.start("zip"), postcode.end("zip"), "ZIP", 0.9, "zip.after_street")
            elif (town := _TOWN_ENDING_A_CELL.match(text, end)) and self._is_a_town(town.group("town")):
                yield Finding(town.start("town"), town.end("town"), "CITY", 0.85, "city.after_street")
        for match in finditer_needing_postcode(self._before_zip_town, text):
            line = match.group("line")
            if re.fullmatch(POSTCODE_LABEL, line.strip()):
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
        for match in finditer_needing_postcode(self._resident_at, text):
            if self.town_rules.known_town_length(match.group("street"), 0) == len(match.group("street")):
                continue  # "domicilié à Lyon, 69003 Lyon": the town, not a street
            yield Finding(match.start("street"), match.end("street"), "ADDRESS", 0.85, "address.resident_at")
        for match in self._building_line.finditer(text):
            yield Finding(match.start("building"), match.end("building"), "ADDRESS", 0.85, "address.building")
        for match in _GLUED_STREET.finditer(text):
            yield Finding(match.start(), match.end(), "ADDRESS", 0.85, "address.glued_type")
        for match in self._po_box.finditer(text):
            yield Finding(match.start(), match.end(), "ADDRESS", 0.8, "address.po_box")
        for match in _KILOMETRE_POINT.finditer(text):
            yield Finding(match.start(), match.end(), "ADDRESS", 0.85, "address.kilometre_point")
        for match in _MAIN_STREET.finditer(text):
            yield Finding(match.start(), match.end(), "ADDRESS", 0.85, "address.main_street")
        yield from self._buildings_above_address_lines(text)

    def _buildings_above_address_lines(self, text: str) -> Iterator[Finding]:
        """In an addressee's block, a building's or a lieu-dit's name alone in its cell on the line
        above a numbered street or a postcode and town ("Villa Les Mimosas\n31 avenue de Verdun",
        "Le Bourg\n87260 Pierre-Buffière"), the block being the last cell of its lines."""
        previous = None
        for line in _LINE.finditer(text):
            cell_start = line.start() + line.group().rfind("\t") + 1
            cell = text[cell_start : line.end()]
            if previous is not None and self._address_line_start.match(cell.lstrip()):
                building_start, building = previous
                name = building.strip()
                if (
                    len(name.split()) <= 5
                    and self._building_start.match(name)
                    and _BUILDING_NAME.fullmatch(name)
                    and not self._title_inside.search(name)
                    and not _FACILITY_IN_NAME.search(name)  # "MAISON D'ARRÊT DE ROUEN": a facility
                ):
                    start = building_start + building.index(name)
                    yield Finding(start, start + len(name), "ADDRESS", 0.8, "address.building")
            previous = (cell_start, cell)

    def _town_on_next_line(self, text: str, street_end: int) -> Iterator[Finding]:
        """A known town alone at the start of the line under a street line, without its postcode
        ("12 rue Sainte-Croix,\nMortagne-au-Perche (M. Alain ...)")."""
        below = _TOWN_ON_NEXT_LINE.match(text, street_end)
        if below and self.town_rules.known_town_length(below.group("town"), 0) == len(below.group("town")):
            yield Finding(below.start("town"), below.end("town"), "CITY", 0.85, "city.under_street")


def _address_lines(
    text: str, streets: list[tuple[int, int]], complements: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Streets joined with the complements beside them (overlapping or separated by a comma or a
    spaced dash on the same line: "12, rue du Général Leclerc - Bât C - Esc 2"); complements
    with no street beside them are dropped."""
    groups: list[list[int]] = []  # start, end, holds a street
    parts = sorted([(s, e, 1) for s, e in streets] + [(s, e, 0) for s, e in complements])
    for start, end, is_street in parts:
        last = groups[-1] if groups else None
        if last and (start <= last[1] or re.fullmatch(r"[ \t]*(?:,|[ \t][\-–])?[ \t]*", text[last[1] : start])):
            last[1] = max(last[1], end)
            last[2] |= is_street
        else:
            groups.append([start, end, is_street])
    return [(start, end) for start, end, has_street in groups if has_street]


def _is_year_of_a_date(text: str, street: re.Match[str]) -> bool:
    """Whether a street match's number is the year that ends a date written before it."""
    number = street.group("number")
    if number and re.fullmatch(r"(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}", number):
        # "le 04/02/2025 via le portail": the month and year of a numeric date
        return re.search(r"(?<![\w/])(?:0?[1-9]|[12]\d|3[01])/$", text[max(0, street.start() - 3) : street.start()]) is not None
    if not number or not re.fullmatch(r"(?:19|20)\d{2}", number):
        return False
    before = text[max(0, street.start() - 12) : street.start()]
    return _MONTH_BEFORE.search(before) is not None or re.search(r"\d[/.\-]$", before) is not None
