"""A facility that opens a page's running header or footer: "HUS - WENDLING Jean-Luc -
12/02/1966 - 670022931 - Page 1/1", "Bio-Estuaire - BOUTEILLER Camille - 12/07/1994 - page 1/1",
"Pathologie du Lac - examen P25-04417 - ROUSSEAU S. - 1/1". Hospital software prints the
facility, then the patient, the birth date and the record numbers on every page, between dashes;
the first field is the facility even when it is an acronym or a name no lexicon knows. The line
must be such a line: three fields or more, and a page counter among them.

A private practice's letterhead opens the same way: its name, a dash, then what it is
("BIOLAB 93 - Laboratoire de biologie médicale", "KINÉ KIRCHBERG - CABINET DE KINÉSITHÉRAPIE",
"SANTÉ SERVICE - Hospitalisation à domicile"), on one of a document's first lines."""

from __future__ import annotations

from typing import Iterator

import regex as re

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import fold, town_lexicon
from redactor.recognizers.vouched.folding import is_unknown_word

_LINE = re.compile(r"[^\n]+")
# fields between spaced dashes (tried only where a run of blanks starts: linear on long runs)
_FIELD_SEPARATOR = re.compile(r"(?<![ \t])[ \t]+[\-–][ \t]+")
# "Page 1/2", "p. 1/1", "pg 2 / 3", or a last field of two small numbers ("1/1")
_PAGE_COUNTER = re.compile(r"(?i:(?<![\w.])(?:page|p\.|pg)[ \t]*\d{1,3}[ \t]*/[ \t]*\d{1,3}|^\d{1,2}[ \t]*/[ \t]*\d{1,2}$)")
# a first field that says what the page is, who wrote it or whom it is about, not where
_NOT_A_FACILITY = re.compile(
    r"(?i:(?:cr|compte|rendu|service|unité|unite|pôle|pole|dossier|patient|patiente|page|examen|résultats?|"
    r"resultats?|ordonnance|lettre|courrier|bilan|document|édition|edition|édité|edite|imprimé|imprime|"
    r"dr|pr|docteur|professeur|mme|m|mr|mlle|né|née|nom|date|ipp|nda|confidentiel|suite)\b)"
)
_DATE_OR_NUMBER = re.compile(r"[\d/.\s:]+")
# a patient's name as a running line prints it: surname in capitals, then the first name, or the
# other way round
_PERSON_SHAPE = re.compile(r"\p{Lu}{2,}[\p{Lu}\-' ]*[ \t]+\p{Lu}[\p{Ll}\-.]|\p{Lu}\p{Ll}+[ \t]+\p{Lu}{2,}")
_MAX_FIRST_FIELD = 50
_WORD = re.compile(r"[^\W\d_]+")
_ACRONYM = re.compile(r"\p{Lu}{2,6}")
_BRAND = re.compile(r"\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+")
_NAME_AFTER_DE = re.compile(r"(?<![\w])(?:de|du|des|d['’])[ \t]+(?:la[ \t]+|l['’])?\p{Lu}")
# the lines a letterhead may open on, and what its second field says the practice is
_LETTERHEAD_LINES = 3
_PRACTICE_KIND = re.compile(
    r"(?:laboratoire|selas|selarl|scm|scp|cabinet|centre|opticiens?|hospitalisation a domicile|had|teleradiologie|"
    r"imagerie|radiologie|kinesitherapie|pharmacie|sante au travail|service de sante au travail|clinique|institut|"
    r"maison de sante|pole de sante|biologistes|ssiad|ehpad)s?(?![\w])"
)
# a brand's word: one no dictionary knows (not a unit's acronym, "SAMU", "EMPP"), or letters
# with a number ("MT21")
_TOKEN = re.compile(r"[\w'’]+")
_LETTERS_AND_NUMBER = re.compile(r"\p{L}{2,}\d{1,3}")
# a specialty no dictionary knows is no brand: "Oncogénétique - Centre Léon Bérard"
_SPECIALTY = re.compile(r"(?i:.*(?:logie|g[ée]n[ée]tique|th[ée]rapie|iatrie|graphie|scopie|chirurgie|p[ée]die|m[ée]decine))")
_SHORT_ACRONYM = 5
# "VILLE DE GENNEVILLIERS", "Site de Besançon": a town's, not a brand's; "EMPP du Calaisis": a
# team's, named after its area
_UNIT_OF_AN_AREA = re.compile(r"\p{Lu}{2,5}[ \t]+(?:de|du|des|d['’])(?![\w])")
_TOWN_AFTER_DE = re.compile(r"(?<![\w])(?i:de|du|d['’])[ \t]*(?P<town>\p{Lu}[\w'’\-]*)")


def running_line_facilities(text: str) -> Iterator[Finding]:
    """The first field of each running header or footer line, where it can name a facility."""
    if "/" not in text:
        return
    for line in _LINE.finditer(text):
        fields = _FIELD_SEPARATOR.split(line.group())
        if len(fields) < 3 or not any(_PAGE_COUNTER.search(field.strip()) for field in fields[1:]):
            continue
        first = fields[0].strip()
        if _may_name_a_facility(first):
            start = line.start() + fields[0].index(first)
            yield Finding(start, start + len(first), "HOSPITAL", 0.85, "hospital.running_line")


def letterhead_facilities(text: str) -> Iterator[Finding]:
    """The name opening one of a document's first lines, before a dash and what the practice is."""
    lines = [line for line in _LINE.finditer(text, 0, 2000) if line.group().strip()][:_LETTERHEAD_LINES]
    for line in lines:
        fields = _FIELD_SEPARATOR.split(line.group(), maxsplit=1)
        if len(fields) < 2 or not _PRACTICE_KIND.match(fold(fields[1].strip())):
            continue
        first = fields[0].strip()
        if _may_name_a_brand(first):
            start = line.start() + fields[0].index(first)
            yield Finding(start, start + len(first), "HOSPITAL", 0.85, "hospital.letterhead")


def _may_name_a_brand(field: str) -> bool:
    """A letterhead's first field that holds a brand's word, not a heading ("RCP SÉNOLOGIE",
    "AVIS D'INAPTITUDE"), a label ("Plateforme : ..."), a person, a town or what a practice is."""
    if not _may_open_a_line(field) or ":" in field or _PRACTICE_KIND.match(fold(field)) or _UNIT_OF_AN_AREA.match(field):
        return False
    towns = town_lexicon()
    if towns.is_town(field) or any(towns.is_town(m.group("town")) for m in _TOWN_AFTER_DE.finditer(field)):
        return False
    return any(
        _LETTERS_AND_NUMBER.fullmatch(token)
        or (
            token.isalpha()
            and is_unknown_word(token, 4)
            and not (token.isupper() and len(token) <= _SHORT_ACRONYM)
            and not _SPECIALTY.fullmatch(token)
        )
        for token in _TOKEN.findall(field)
    )


def _may_open_a_line(field: str) -> bool:
    """A line's first field that may name a facility: not too long, capitalised; not a date, a
    number, a person or a heading."""
    return bool(field) and len(field) <= _MAX_FIRST_FIELD and field[0].isupper() and not (
        _DATE_OR_NUMBER.fullmatch(field) or _PERSON_SHAPE.match(field) or _NOT_A_FACILITY.match(fold(field))
    )


def _may_name_a_facility(field: str) -> bool:
    """A running line's first field with a name of its own: an acronym, a word no dictionary
    knows, a capitalised one after "de" ("Pathologie du Lac") or capitalised words joined
    ("Bio-Estuaire"); not a specialty ("Cardiologie", "Médecine Interne")."""
    if not _may_open_a_line(field):
        return False
    return bool(_NAME_AFTER_DE.search(field) or _BRAND.search(field)) or any(
        _ACRONYM.fullmatch(word) or is_unknown_word(word) for word in _WORD.findall(field)
    )
