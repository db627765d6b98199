"""Regular-expression pieces shared by the address, town and facility rules."""

from __future__ import annotations

from typing import Iterable

import regex as re

from redactor.recognizers.identifiers.dates import MONTH_NAMES
from redactor.recognizers.identifiers.patterns import UPPER

# possessive: the `regex` module backtracks through a repeated group in time quadratic in its
# repetitions ("Ab1-ab1-ab1-..." over 100,000 characters took 0.6 s), and a word never needs
# to give back a part of itself
CAPITAL_WORD = rf"{UPPER}[\w'’]*+(?:-[\w'’]+)*+"
# French linking words, and those of street names abroad ("Avenida da Liberdade", "Via del Corso")
LINKING = (
    r"(?i:de\s+la|de\s+l['’]|des|du|de|d['’]|la|le|les|l['’]|et|sur|sous|en|aux|au|lès"
    r"|da|do|dos|das|del|della|di|der|den|van|von)"
)
# a proper name: capitalised words with linking words between, never across a table's cell gap
# (a tab or 3+ spaces: "CH de Blois    MOREAU Louise" is two cells)
# (two linking words in a row: "Clinique du Sport et de l'Appareil Locomoteur")
PROPER_NAME = rf"{CAPITAL_WORD}(?:(?:[ ]{{1,2}}|-)(?:{LINKING}[ ]?){{0,2}}{CAPITAL_WORD}){{0,5}}"
# street names that are dates: "rue du 8 Mai 1945", "avenue du 11 Novembre"
MONTHS = rf"(?i:{MONTH_NAMES})"
DATE_NAME = rf"(?i:du)[ \t]+\d{{1,2}}(?:er)?[ \t]+(?:{MONTHS}|{CAPITAL_WORD})(?:[ \t]+\d{{4}})?"
TOWN_WORD = rf"(?!CEDEX|Cedex){UPPER}[\w'’]*"
TOWN = (
    rf"{TOWN_WORD}(?:(?:-|[ ])"
    # Corsican and Italian links too: "Santa-Lucia-di-Mercurio", "San-Gavino-di-Carbini"
    # and two links in a row: "Saint-Jean-de-la-Ruelle", "Saintes-Maries-de-la-Mer"
    # and German ones abroad: "Freiburg im Breisgau", "Frankfurt am Main", "Neustadt an der Weinstraße"
    rf"(?:(?:sur|sous|en|lès|ès|lez|les|le|la|et|de|du|des|d['’]|l['’]|à|di|del|della|im|am|an|der|SUR|SOUS|EN|LÈS|ÈS|LEZ|LES|LE|LA|ET|DE|DU|DES|DI)[ \t\-]*){{0,2}}{TOWN_WORD}"
    # "au" only between hyphens: "Mortagne-au-Perche", "Saint-Pierre-aux-Nonnains" (not "Nantes au CHU")
    rf"|-(?:au|aux|AU|AUX)-{TOWN_WORD}){{0,4}}"
)
# English medical terms that open with a facility word: "Hospital Anxiety and Depression scale",
# "Hospital Acquired Pneumonia"
ENGLISH_TERM = re.compile(r"(?i:anxiety|acquired|admission|stay|discharge|frailty|elder|readmission)\b")
# a town right after a facility's acronym or brand: "CHBS Lorient", "AMADIAL - Rivière-Salée"
TOWN_AFTER = re.compile(rf"[ \t]+(?:-[ \t]+)?(?P<town>{TOWN})")
# the label of a postcode or town field: "CP Ville", "Code postal / Ville", "Localité"
POSTCODE_LABEL = r"(?i:(?:cp|code[ \t]+postal|ville|localit[ée]|commune)(?:[ \t]*[/\-]?[ \t]*(?:cp|code[ \t]+postal|ville|localit[ée]|commune))*)"
ZIP = r"(?:0[1-9]|[1-8]\d|9[0-8])\d{3}|(?:0[1-9]|[1-8]\d|9[0-8]) \d{3}"
# postcodes abroad, with their country letter (Belgium, Switzerland, Luxembourg, Monaco...) or
# in their own shape (Portugal 1000-001)
FOREIGN_ZIP = r"(?:B|CH|L|D|A|I|E|P|NL|MC)[ \t]?-[ \t]?\d{4,5}|MC[ ]?98\d{3}|\d{4}-\d{3}|AD\d{3}"  # Andorra: "AD500"; Monaco: "MC 98000"
# parts of an address line besides the street: building, staircase, flat, floor, number
COMPLEMENT = (
    r"(?<![\w])(?i:bât(?:iment)?\.?|bat\.?|esc(?:alier)?\.?|app(?:t|art(?:ement)?)?\.?|apt\.?|étage|etage|porte|lot|"
    # its value apart, or glued when it opens on a digit or a capital ("BatC", "appt12"; not "Tours")
    # or a tower's, a building's or a villa's name: "tour Helsinki", "bât. Les Iris"
    r"entrée|logement|log\.?|boîte|tour|chambre|ch\.|villa|niveau|bloc|n°)(?:[ \t]+[\w\-]{1,4}|[\dA-Z][\w\-]{0,3}|(?<=(?i:tour|villa|bât\.?|bâtiment))[ \t]+\p{Lu}\p{Ll}+)(?![\w])"
    r"|(?<![\w])\d{1,2}(?:e|er|ème|eme|è)[ \t]+(?i:étage|etage|ét\.|et\.)(?![\w])"
    # an office's or a Belgian letter box's number: "bureau 200", "bte 3" (not "bureau des entrées")
    r"|(?<![\w])(?i:bureau|bte|suite|local)[ \t]*\d{1,4}[A-Z]?(?![\w])"
    # a door's side, a kilometre on a road abroad: "porte droite", "route de l'Ourika, km 4"
    r"|(?<![\w])(?i:porte[ \t]+(?:droite|gauche|face|du[ \t]+fond))(?![\w])|(?<![\w])(?i:km)[ ]?\d{1,3}(?:[,.]\d)?(?![\w])|(?<![\w])(?i:rez-de-chaussée|rez-de-chaussee|rdc)(?![\w])"
    # a Spanish or Catalan floor and door: "2º izda.", "3º B", "3r 2a", "2n 1a", "4t 1a" ("º" and
    # "ª" are "o" and "a" once the note is normalised)
    r"|(?<![\w])\d{1,2}[ºª°oa]?[ \t]?(?i:izda|izq|dcha|der|ctro|centro)\.?(?![\w])|(?<![\w])\d{1,2}[ºª°o][ \t]?[A-D](?![\w])"
    r"|(?<![\w])\d{1,2}(?:r|n|t|º|o)[ \t]\d{1,2}[aª](?![\w])"
)
TOWN_WORDS = re.compile(r"[^\s\-]+")
FIVE_DIGITS = re.compile(r"\d{2} ?\d{3}")  # no postcode, no "PARIS 75013" to look for
SAINT = re.compile(r"(?i:saint|sainte|st|ste)\b")


def finditer_needing_postcode(pattern: re.Pattern, text: str) -> Iterable[re.Match]:
    """The matches of a pattern whose every match holds a French postcode (ZIP), skipping the
    scan on a text with no five digits: FIVE_DIGITS matches every ZIP, so nothing is lost."""
    return pattern.finditer(text) if FIVE_DIGITS.search(text) else ()
