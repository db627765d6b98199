"""A facility that opens a page's running header or footer: "HUS - WENDLING Jean-Luc -
12/02/1966 - 670022931 - Page 1/1", "Bio-Estuaire - BOUTEILLER Camille - 12/07/1994 - page 1/1",
"Pathologie du Lac - examen P25-04417 - ROUSSEAU S. - 1/1". Hospital software prints the
facility, then the patient, the birth date and the record numbers on every page, between dashes;
the first field is the facility even when it is an acronym or a name no lexicon knows. The line
must be such a line: three fields or more, and a page counter among them."""

from __future__ import annotations

from typing import Iterator

import regex as re

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import fold
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


def _may_name_a_facility(field: str) -> bool:
    """Not too long, capitalised; not a date, a number, a person or a heading; with a name of
    its own: an acronym, a word no dictionary knows, a capitalised one after "de" ("Pathologie
    du Lac") or capitalised words joined ("Bio-Estuaire"); not a specialty ("Cardiologie",
    "Médecine Interne")."""
    if not field or len(field) > _MAX_FIRST_FIELD or not field[0].isupper():
        return False
    if _DATE_OR_NUMBER.fullmatch(field) or _PERSON_SHAPE.match(field) or _NOT_A_FACILITY.match(fold(field)):
        return False
    return bool(_NAME_AFTER_DE.search(field) or _BRAND.search(field)) or any(
        _ACRONYM.fullmatch(word) or is_unknown_word(word) for word in _WORD.findall(field)
    )
