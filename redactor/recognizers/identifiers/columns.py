"""Values that a table's header names: the cells under "CP", "Ville", "Patient", "Site"...

Exports and dashboards name a column once, in a header row ("N_RSS;IPP;CP_RESID;COMMUNE",
"Site      Patient      Âge   IPP"), and put the values in the rows below it, up to the next
blank line. Cells are separated by ";", "|" or a tab; normalisation has already turned the
gaps of tables aligned with spaces (three or more) into tabs. A row holding as many cells as
the header (one more or fewer) gives each cell the header cell at its index; a row with another
count is skipped, a line with no separator ends the table. A comma separates cells only in a
CSV export: a header of four cells or more, and rows of exactly as many. Header labels map to categories in
models/identifiers/columns.yaml. A cell is taken only when its text has the category's shape (a
French postcode's five digits; a capitalised name that is not only common words, so
"URGENCES" or "DOMICILE" under "Provenance" stay; a carer's initials under "IDE" or
"Intervenant"; a day and month without a year, "11.02", under "Date"; a record's number with
four digits or more under "IPP" or "N° SINUS"; a login under "Utilisateur"; a surname that is
also a word, "ROSE", in a register that has both a surname and a first-name column).
"""

from __future__ import annotations

import regex as re
from dataclasses import dataclass
from typing import Iterable, Iterator

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.paths import load_yaml
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.lexicon import fold, town_lexicon
from redactor.recognizers.vouched.folding import common_word_keys

_DELIMITERS = (";", "|", "\t")
_CSV_COMMA = ","
_CSV_MIN_CELLS = 4
_POSTCODE = re.compile(r"(?:0[1-9]|[1-8]\d|9[0-8])\d{3}")
# "Rue (80120)": a town cell with its postcode in brackets
_TOWN_AND_POSTCODE = re.compile(r"(?P<town>[^()]+?)[ \t]*\([ \t]*(?P<zip>\d{5})[ \t]*\)")
_WORDS = re.compile(r"[\w'’]+")
# (a date shifted under the number's header by a row of another shape is no number)
_DATE_SHAPE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}")
# a record's or a victim's number: "80-0419-0001", "75SF0091822"
_RECORD_NUMBER = re.compile(r"[A-Z0-9](?:[A-Z0-9]|[\-/.](?=[A-Z0-9])){3,24}")
_NUMBER = re.compile(r"(?<![^\W\d_])\d")
# a prescriber's cell: a title, the name, then where they practise after a comma
_PERSON_AND_PLACE = re.compile(r"(?:(?:Dr|Pr|Docteur|Professeur|Mme|Mlle|M\.)\.?[ \t]+)?(?P<name>[^,]+?)(?:[ \t]*,[ \t]*(?P<place>.+))?")
_FACILITY_START = re.compile(r"(?i:institut|hôpital|hopital|clinique|CHU?|centre|cabinet|maison|pharmacie|polyclinique|EHPAD|MSP)(?![\w])")
# a day and month, a year if any, then a time if any: "11.02", "08/09 18h00", "3-4-25"
_DAY_MONTH = re.compile(r"(?P<date>(?:0?[1-9]|[12]\d|3[01])[./\-](?:0?[1-9]|1[0-2])(?:[./\-](?:\d{2}|\d{4}))?)(?:[ \t]+\d{1,2}[h:]\d{2})?")
# a carer's initials in a column of who did it ("MG", "J.C."); not what such a cell says instead
_INITIALS = re.compile(r"\p{Lu}{2,3}|(?:\p{Lu}\.){2,3}")
# what a name's cell holds while the person is not identified
_PLACEHOLDER = re.compile(r"(?i:x+|inconnue?|anonyme|non[ \-]identifiée?|nc|nr|nd)(?![\w])")
_NOT_INITIALS = frozenset({"OK", "RAS", "NR", "NA", "ND", "NF", "NP", "SO"})
# an account's login in an audit log or an export: "manip_rbouvier", "gbouteil", "j.martin"
# (normalisation reads "_" as a space in a token that holds a caret: "NOWAK^Tomasz,…,manip_rbouvier")
_LOGIN = re.compile(r"[a-z][a-z0-9]*(?:[._\- ][a-z0-9]+){0,2}")
_NOT_LOGINS = frozenset({"admin", "root", "system", "systeme", "auto", "batch", "interface", "robot", "service", "inconnu"})
# a header naming the column outranks another reading of the cell (a name the model gives a
# facility's cell, a town read in a person's cell)
_SCORE = 0.95


def _is_a_place(text: str | None) -> bool:
    """After a comma in a person's cell: a street, a town or a facility, not a first name."""
    if not text:
        return False
    return text[:1].isdigit() or bool(_FACILITY_START.match(text)) or town_lexicon().is_known(text.strip(), 0)


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


def _label_key(label: str) -> str:
    return " ".join(re.sub(r"[_\-.'’:°]", " ", fold(label)).split())


def _cells(line: str, offset: int, delimiter: str) -> list[Cell]:
    cells, position = [], 0
    for part in line.split(delimiter):
        stripped = part.strip()
        start = offset + position + (part.index(stripped) if stripped else 0)
        cells.append(Cell(start, start + len(stripped), stripped))
        position += len(part) + 1
    return cells


class TableColumns(Detector):
    """Postcodes, towns, facilities, people and dates in the columns a header row names."""

    def __init__(self) -> None:
        super().__init__(name="TableColumns", categories=["ZIP", "CITY", "HOSPITAL", "PERSON", "DATE", "PATIENT_ID"])
        data = load_yaml("identifiers/columns.yaml")
        self._login_columns = frozenset(_label_key(label) for label in data["login_columns"])
        self._category_of = {_label_key(label): category for category, labels in data["columns"].items() for label in labels}
        # "nom_mere", "prenom enfant", "NOM DU PATIENT": a name column and whose name it holds
        for word in data["person_name_words"]:
            for qualifier in data["person_name_qualifiers"]:
                for joined in (f"{word} {qualifier}", f"{word} du {qualifier}", f"{word} de la {qualifier}", f"{word} de l {qualifier}"):
                    self._category_of.setdefault(_label_key(joined), "PERSON")

    def find(self, text: str, doc: Doc) -> Iterable[Finding]:
        if not any(d in text for d in (*_DELIMITERS, _CSV_COMMA)):
            return []
        return list(self._tables(text))

    def _tables(self, text: str) -> Iterator[Finding]:
        lines = [(m.start(), m.group()) for m in re.finditer(r"^[^\n]*", text, re.MULTILINE)]
        index = 0
        while index < len(lines):
            offset, line = lines[index]
            index += 1
            if not line.strip() or _NUMBER.search(line):
                continue  # a header row holds no number (a digit may end a label: "apgar5")
            delimiter = next((d for d in _DELIMITERS if line.count(d) >= 2), None)
            if not delimiter and line.count(_CSV_COMMA) >= _CSV_MIN_CELLS - 1:
                delimiter = _CSV_COMMA
            if not delimiter:
                continue
            header = _cells(line, offset, delimiter)
            header_keys = [_label_key(cell.text) for cell in header]
            categories = [self._category_of.get(key) for key in header_keys]
            if not any(categories) or _is_a_key_and_value(header, categories):
                continue
            register = _is_a_register(header_keys)
            # the rows below, up to the table's end; the scan goes on after them, so that each line
            # is read once (a text of header-like lines stays linear)
            while index < len(lines) and delimiter in lines[index][1]:
                row_offset, row = lines[index]
                index += 1
                cells = _cells(row, row_offset, delimiter)
                tolerance = 0 if delimiter == _CSV_COMMA else 1
                # (a register's row holds a date or a number; a row of words is the next table's header)
                has_a_number = bool(_NUMBER.search(row))
                if abs(len(cells) - len(header)) > tolerance or [_label_key(cell.text) for cell in cells] == header_keys:
                    continue  # a row of another shape, or the header again on the next page
                for category, key, cell in zip(categories, header_keys, cells):
                    if category == "PERSON" and key in self._login_columns and _is_a_login(cell.text):
                        yield Finding(cell.start, cell.end, "PERSON", _SCORE, "person.column_login")
                    elif category:
                        yield from _value_findings(category, cell, register and key.split()[0] in _NAME_WORDS and has_a_number)


_NAME_WORDS = frozenset({"nom", "prenom", "prenoms"})


def _is_a_key_and_value(header: list[Cell], categories: list[str | None]) -> bool:
    """A form's row drawn like a table's, its label then its value ("| Initiales | B-D-L |"): the
    rows below it are other labels, not names."""
    filled = [(cell, category) for cell, category in zip(header, categories) if cell.text]
    return len(filled) == 2 and filled[1][1] is None and not any(c.islower() for c in filled[1][0].text)


def _is_a_register(header_keys: list[str]) -> bool:
    """A table of people: it has a surname column and a first-name column."""
    first_words = {key.split()[0] for key in header_keys if key}
    return {"nom", "prenom"} <= first_words or ("nom" in first_words and "prenoms" in first_words)


def _is_a_login(text: str) -> bool:
    if not _LOGIN.fullmatch(text) or len(text) < 4 or text in _NOT_LOGINS:
        return False
    return not all(fold(word) in common_word_keys() for word in re.split(r"[._\- ]", text))


def _value_findings(category: str, cell: Cell, name_in_register: bool = False) -> Iterator[Finding]:
    """The findings one cell holds, if its text has its column's shape. `name_in_register`: the
    cell is a surname or a first name in a register of people, where a word in capitals is a
    name ("ROSE"; not "Âge" in a form's grid that looked like a register's header)."""
    if category == "ZIP":
        if _POSTCODE.fullmatch(cell.text):
            yield Finding(cell.start, cell.end, "ZIP", _SCORE, "zip.column")
        return
    if category == "PATIENT_ID":
        if _RECORD_NUMBER.fullmatch(cell.text) and sum(c.isdigit() for c in cell.text) >= 4 and not _DATE_SHAPE.fullmatch(cell.text):
            yield Finding(cell.start, cell.end, "PATIENT_ID", _SCORE, "patient_id.column")
        return
    if category == "DATE":
        if date := _DAY_MONTH.fullmatch(cell.text):
            yield Finding(cell.start, cell.start + date.end("date"), "DATE", _SCORE, "date.column")
        return
    if category == "PERSON" and _INITIALS.fullmatch(cell.text) and cell.text not in _NOT_INITIALS:
        yield Finding(cell.start, cell.end, "PERSON", _SCORE, "person.column_initials")
        return
    if category == "PERSON" and (person := _PERSON_AND_PLACE.fullmatch(cell.text)) and _is_a_place(person.group("place")):
        # "Dr Mistral, Avignon": the person without the title; the place after the comma is read
        # by the place rules ("Dr Aubanel-Roux, Institut Sainte-Catherine"; not "DUPONT, Jean")
        cell = Cell(cell.start + person.start("name"), cell.start + person.end("name"), person.group("name"))
    if category == "CITY" and (both := _TOWN_AND_POSTCODE.fullmatch(cell.text)):
        yield Finding(cell.start + both.start("zip"), cell.start + both.end("zip"), "ZIP", _SCORE, "zip.column")
        cell = Cell(cell.start, cell.start + both.end("town"), both.group("town"))
    words = _WORDS.findall(cell.text)
    if not words or not cell.text[:1].isupper() or any(c.isdigit() for c in cell.text):
        return
    if category == "PERSON" and (len(cell.text) == 1 or _PLACEHOLDER.match(cell.text)):
        return  # "X", "INCONNU Homme": no name known yet
    if all(fold(word) in common_word_keys() for word in words) and category != "CITY" and not (name_in_register and cell.text.isupper()):
        return  # "URGENCES", "DOMICILE" under "Provenance"; a town may be a word ("Rue", "Eu")
    yield Finding(cell.start, cell.end, category, _SCORE, f"{category.lower()}.column")
