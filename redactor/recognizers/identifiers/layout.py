"""Patient and stay numbers that their layout reveals, not a label right before them.

Rules, each named in the finding's `detector`:
- patient_id.label_after: the label follows the value ("800412563 (IPP)", "224018877 NDA").
- patient_id.label_above: a header row of labels, the values on the next line, matched by column
  ("IPP        NDA\\n800412563  224018877"), or a label alone on the line above its value.
- patient_id.number_sign: a bare "N° :" before a long number.
- patient_id.barcode: a barcode's text line ("*800412563*").
- patient_id.code: a record code mixing capitals and 5+ digits ("CT26031400217", "B26-04521",
  "HAD-2026-00413", "SJD 2026 1177 4"), or digit groups holding 8+ digits ("0047 1193 85"):
  exam, specimen, stay and insurance numbers; gene variants, transcripts and SNP ids excepted.
- patient_id.anonymity_code: a harm-reduction service's user code, letters of the names, the
  birth year and the sex ("BEKA1989H").
- patient_id.long_number: any other run of 6+ digits (dashes allowed) that is not a quantity
  (a unit after it, "à" or "=" before it): in a clinical note it is some record's number
  (lower score, so a phone, a NIR, a date or an RPPS that overlaps it wins).
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.paths import load_yaml
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.patterns import RECORD_NUMBER_PARTS, alternation, first_characters

# a value: starts and ends with a letter or digit, holds 3+ digits, dashes/slashes/dots inside
_VALUE = r"[A-Z0-9](?:[A-Z0-9]|[\-/.](?=[A-Z0-9])){3,24}"
_DATE_INSIDE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
_TIME_AFTER = re.compile(r":\d{2}")
_YEAR_AFTER_CODE = re.compile(r" (?:19|20)\d{2}$")
# "cerfa n° 11138*06": the number of a printed form, the same on every copy
_FORM_NAME_BEFORE = re.compile(r"(?i:\bcerfa)[ \t]*$")
_DATE_OR_TIME = re.compile(r"\d{1,4}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?|\d{1,2}[:h]\d{2}")


# "plaquettes à 235000", "hCG 134404 mUI/mL", "217000 par mm3": quantities, not record numbers
# (a slash before a number joins two numbers: "800123456 / 224001587")
_QUANTITY_AFTER = re.compile(
    r"[ \t]*(?:%|/(?![ \t]*\d)|‰|(?i:m?ui|u|mg|µg|g|kg|ml|l|dl|mm3?|cm|m|cellules?|copies|plaquettes|éléments|elts?|"
    r"el|gb|e|par|fois|cp|€|euros?)(?![\w]))"
)
# ("à 12000", "> 150000"; not the "a" ending a name before a number's cell: "Ibrahima\t1004415533")
_QUANTITY_BEFORE = re.compile(r"(?:(?<![\w])(?:à|a)|[=><≥≤~])[ \t]*$")
# a code of a terminology, the same for every patient: "LOINC 34878-9", "CIP 3400930000000"
_TERMINOLOGY_BEFORE = re.compile(r"(?i:(?<![\w])(?:LOINC|SNOMED(?:[ \t]+CT)?|CCAM|NABM|UCD|CIP(?:13|7)?|ATC|RxNorm))[ \t]*:?[ \t]*$")


# what looks like a record code but is genetics, a classification, the law or a quantity: SNP
# ids, transcripts, HGVS variants, TNM stages, articles of a code ("R.322-10"), doses...
_NOT_A_RECORD = re.compile(
    r"(?i:rs\d+|N[MCPGR]_\d+(?:\.\d+)?|ENS[TGP]\d+|[cpg]\.\S+|[pcy]?T\d.*N\d.*|[LRD]\.\d.*"
    r"|\d+(?:M?UI|U|MG|G|KG|ML|L|MM|CM)(?:/\d+)?"  # doses glued to their unit: "600000UI"
    r"|\d+(?:X\d+)+"  # dimensions: "8X13X14"
    r"|G\d{1,2}P\d{1,2}(?:A\d{1,2})?\d*"  # gestity and parity: "G6P3023"
    r"|[ACGT]\d{2,6}[ACGT]"  # point mutations: "G20210A"
    r"|(?P<page>[A-Z])\d+-(?P=page)\d+)"  # pages: "S109-S114"
)
# labels and words that stand before numbers and are not part of them
_LABEL_PREFIXES = frozenset(
    {"AM", "NIR", "DDN", "IPP", "NDA", "NIP", "RPPS", "DECT", "TEL", "FAX", "BIP", "UF", "CP", "BP", "CS", "SS", "INS", "TSA"}
)
# "BEKA1989H": the first letters of a user's surname and first name, birth year, sex (CAARUD, CSAPA)
_ANONYMITY_CODE = re.compile(r"(?<![\w\-/])[A-Z]{4}(?:19|20)\d{2}[HF](?![\w\-/])")
# the EFS number of a blood product: site letter and code, year, serial, key
_BLOOD_PRODUCT = re.compile(r"(?<![\w])[A-Z]\d{4}[ ]?\d{2}[ ]?\d{6}[ ]?\d(?![\w])")
# a batch's, a device's or a company's number, not a patient's: "lot ALK 2331041", "n° série
# 2731584", "SN RNZ718264S", "S/N 1147023", "cycle n° 11872" (a washer's), "SIRET 512 748 963 00027";
# not "étiquette", a patient's label
_NOT_A_PATIENTS_NUMBER_BEFORE = re.compile(
    r"(?:\b(?i:lot|batch|série|serie|serial|réf\.?\s+produit|cycle|siret|siren)(?:\s*(?i:n°|no\.?))?|(?<![\w/])(?:SN|S/N)(?:\s*:)?)"
    r"\s*:?\s*(?:[A-Z]{2,6}\s+)?$"
)
# a drug's CIP code is digits only; the Spanish health card's CIP holds letters ("LRPE870723912018")
_DRUG_CODE_BEFORE = re.compile(r"(?i:\b(?:code\s+CIP|CIP)\s*:?\s*)$")


def _after_another_numbers_label(text: str, start: int, end: int | None = None) -> bool:
    """Whether the number at `start` follows a batch's, a device's or a company's label (up to
    `end`, the end of its "n°" when the label holds one: "cycle n° 11872")."""
    return _NOT_A_PATIENTS_NUMBER_BEFORE.search(text, max(0, start - 24), start if end is None else end) is not None


def _is_record_code(value: str) -> bool:
    """Capitals with 5+ digits and at most 8 letters, no date, no genetics or law."""
    if _NOT_A_RECORD.fullmatch(value) or _DATE_INSIDE.search(value):
        return False
    value = _YEAR_AFTER_CODE.sub("", value)  # "T4 2024", "M07 2024": a quarter or month, then its year
    return _digits(value) >= 5 and sum(c.isalpha() for c in value) <= 8


def _digits(value: str) -> int:
    return sum(c.isdigit() for c in value)


# a file's name holds its time stamp: "IMG_20250312_101544.jpg"
_TIME_OF_A_FILES_STAMP = re.compile(r"(?<!\d)(?:19|20)\d{6}[ _\-T]$")
# a French or Swiss national phone number's digit groups
_PHONE_SHAPE = re.compile(r"(?<!\d)0[1-9](?: \d{2}){4}(?!\d)|(?<!\d)0[1-9]\d \d{3} \d{2} \d{2}(?!\d)")
_ROW_WIDTH = 240
# an amount with its cents: a quote's or an invoice's row
_AMOUNT = re.compile(r"(?<![\d,.])\d{1,3}(?:[ .]\d{3})*,\d{2}(?![\d,])")


def _is_a_product_code(text: str, match: re.Match) -> bool:
    """A seven-digit number on a row of amounts is a product's code on a quote or an invoice (the
    LPP codes of glasses, hearing aids and insoles: "Monture   2210546   ...   45,00   9,00")."""
    if len(match.group()) != 7:
        return False
    # (a row's width around it at most: a line with no end is no row, and must not be read whole
    # once per number)
    line_start = max(text.rfind("\n", max(0, match.start() - _ROW_WIDTH), match.start()) + 1, match.start() - _ROW_WIDTH)
    line_end = text.find("\n", match.end(), match.end() + _ROW_WIDTH)
    return len(_AMOUNT.findall(text, line_start, line_end if line_end >= 0 else min(len(text), match.end() + _ROW_WIDTH))) >= 2


def _is_number_value(value: str) -> bool:
    return _digits(value) >= 4 and not _DATE_OR_TIME.fullmatch(value)


class NumberLayout(Detector):
    """PATIENT_ID values whose label is after them, above them, a bare "N°", or none at all."""

    def __init__(self) -> None:
        super().__init__(name="NumberLayout", categories=["PATIENT_ID"])
        label_words = load_yaml("identifiers/numbers.yaml")["layout_labels"]
        labels = alternation(label_words)
        label_initials = first_characters(label_words)
        self._label = re.compile(rf"(?i:(?<![\w])(?:{labels})(?![\w]))")
        # Each pattern opens with a lookahead on the character its matches start with (a digit, a
        # capital, N...), which rejects most positions in one test. After a value comes a blank,
        # "(", "-" or a label: the lookahead on those spares trying every label at each backtrack.
        self._label_after = re.compile(
            rf"(?=[A-Z0-9])(?<![\w\-/.])(?P<value>{_VALUE})(?=[ \t(\-{label_initials}])[ \t]*(?:\([ \t]*(?:{labels})[ \t]*\)|-?[ \t]*(?i:{labels})(?![\w])[ \t]*(?:\n|$|[,;)]))",
            re.IGNORECASE,
        )
        self._number_sign = re.compile(rf"(?=[Nn])(?<![\w])(?P<sign>[Nn]°|[Nn]º|No\.?|N\.)[ \t]*:?[ \t]*(?P<value>{_VALUE})(?![\w])")
        self._barcode = re.compile(r"\*(?P<value>[A-Z0-9][A-Z0-9\-]{4,30})\*")
        # "CT26031400217", "B26-04521", "AD-774 120 39": capitals and digits, then digit groups
        self._code = re.compile(
            r"(?=[A-Z0-9])(?<![\w\-/.])(?=[A-Z0-9\-/.]*[A-Z])(?=[A-Z0-9\-/.]*\d)[A-Z0-9]+(?:[\-/.][A-Z0-9]+)*"
            r"(?: \d{1,5}(?![\w\-/:]|[.,]\d))*(?![\w\-/])"
        )
        # "SJD 2026 1177 4", "CLB 26 004 512": a short capital prefix before digit groups
        self._prefixed_groups = re.compile(r"(?=[A-Z])(?<![\w\-/.])(?P<prefix>[A-Z]{1,4}) \d{1,5}(?: \d{1,5}){1,4}(?![\w\-/:]|[.,]\d)")
        # "0047 1193 85", "1 052 887 341": digit groups holding 8+ digits
        self._digit_groups = re.compile(r"(?=\d)(?<![\w\-/.,:])\d{1,5}(?: \d{1,5}){2,4}(?![\w\-/:]|[.,]\d| \d)")
        self._long_number = re.compile(r"(?=\d)(?<![\w\-/.,])\d(?:\d|-(?=\d)){5,30}(?![\w\-/]|[.,]\d)")

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        # a blood product's number ("F0356 24 118204 4") names a bag, not a patient
        products = [m.span() for m in _BLOOD_PRODUCT.finditer(text)] if "\t" in text or "  " in text else []
        for found in self._numbers(text):
            if not any(start < found.end and found.start < end for start, end in products):
                start, end = RECORD_NUMBER_PARTS.widen(text, found.start, found.end)
                yield Finding(start, end, found.category, found.score, found.detector)

    def _numbers(self, text: str) -> Iterator[Finding]:
        for match in self._label_after.finditer(text):
            if _is_number_value(match.group("value")):
                yield _finding(match, 0.96, "patient_id.label_after")
        for match in self._number_sign.finditer(text):
            if _digits(match.group("value")) >= 5 and not _DATE_OR_TIME.fullmatch(match.group("value")):
                if not _FORM_NAME_BEFORE.search(text, max(0, match.start() - 8), match.start()) and not (
                    _after_another_numbers_label(text, match.start(), match.end("sign"))
                ):
                    yield _finding(match, 0.8, "patient_id.number_sign")
        for match in _ANONYMITY_CODE.finditer(text):
            yield Finding(match.start(), match.end(), "PATIENT_ID", 0.8, "patient_id.anonymity_code")
        for match in self._barcode.finditer(text):
            if _digits(match.group("value")) >= 4:
                yield _finding(match, 0.9, "patient_id.barcode")
        yield from self._below_labels(text)
        yield from self._codes(text)
        for match in self._long_number.finditer(text):
            parts = match.group().split("-")
            if len(parts) > 1 and (_DATE_OR_TIME.fullmatch(match.group()) or max(map(len, parts)) < 5):
                continue  # a date, a range ("43-148", "1991-2013") or pages ("797-805")
            if _QUANTITY_AFTER.match(text, match.end()) or _QUANTITY_BEFORE.search(text, max(0, match.start() - 6), match.start()):
                continue
            if _TERMINOLOGY_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue
            if _after_another_numbers_label(text, match.start()):
                continue
            if _TIME_OF_A_FILES_STAMP.search(text, max(0, match.start() - 9), match.start()) and len(match.group()) == 6:
                continue  # "IMG_20250312_101544.jpg": the time after the date (not "CRH_251004418.pdf")
            if _is_a_product_code(text, match):
                continue
            yield Finding(match.start(), match.end(), "PATIENT_ID", 0.5, "patient_id.long_number")

    def _codes(self, text: str) -> Iterator[Finding]:
        """Record codes without a label (exam, specimen, stay, insurance numbers)."""
        candidates = [
            *(m for m in self._code.finditer(text) if _is_record_code(m.group())),
            *(m for m in self._prefixed_groups.finditer(text)
              if m.group("prefix") not in _LABEL_PREFIXES and _digits(m.group()) >= 6),
            *(m for m in self._digit_groups.finditer(text)
              if _digits(m.group()) >= 8 and not _QUANTITY_AFTER.match(text, m.end())),
        ]  # fmt: skip
        for match in candidates:
            if _TIME_AFTER.match(text, match.end()):
                continue  # "2024-08-11T04:31:09": the hour of a time stamp
            if _PHONE_SHAPE.search(match.group()):
                continue  # "Tél. IDEC 04 50 33 87 20", "021 312 45 70": a phone, which its detector reads
            if _after_another_numbers_label(text, match.start()):
                continue
            if _DRUG_CODE_BEFORE.search(text, max(0, match.start() - 12), match.start()) and not re.search("[A-Z]", match.group()):
                continue
            yield Finding(match.start(), match.end(), "PATIENT_ID", 0.5, "patient_id.code")

    def _below_labels(self, text: str) -> Iterator[Finding]:
        """Header rows of labels with their values on the next line, matched by column (the value
        cell overlaps the label cell's columns); a label alone on its line takes the next line's
        first cell."""
        lines = [line for line in re.finditer(r"[^\n]*", text) if line.group().strip()]
        for header, below in zip(lines, lines[1:]):
            if below.start() - header.end() > 2 or any(c.isdigit() for c in header.group()):
                continue  # a row of values is the next line, and a header row holds no number
            all_header_cells = _cells(header)
            header_cells = [cell for cell in all_header_cells if self._label.search(cell[2])]
            if not header_cells:
                continue
            value_cells = _cells(below)
            if len(all_header_cells) == 1:
                pairs = [(header_cells[0], value_cells[0])]
            else:
                pairs = [
                    (label, value)
                    for label in header_cells
                    for value in value_cells
                    if _columns_overlap(label, header.start(), value, below.start())
                ]
            for _, (start, _, cell) in pairs:
                value = cell.strip(" :")
                if re.fullmatch(_VALUE, value, re.IGNORECASE) and _is_number_value(value):
                    begin = start + cell.index(value)
                    yield Finding(begin, begin + len(value), "PATIENT_ID", 0.96, "patient_id.label_above")


def _columns_overlap(label: tuple[int, int, str], label_line: int, value: tuple[int, int, str], value_line: int) -> bool:
    label_start, label_end = label[0] - label_line, label[1] - label_line
    value_start, value_end = value[0] - value_line, value[1] - value_line
    return value_start < label_end + 2 and value_end > label_start - 2


_CELL = re.compile(r"[^\s](?:[^\S\t\n]?[^\s])*")


def _cells(line: re.Match[str]) -> list[tuple[int, int, str]]:
    """(start, end, text) of the cells of a table row: text separated by tabs or 2+ spaces."""
    offset = line.start()
    return [(offset + m.start(), offset + m.end(), m.group()) for m in _CELL.finditer(line.group())]


def _finding(match: re.Match[str], score: float, rule: str) -> Finding:
    return Finding(match.start("value"), match.end("value"), "PATIENT_ID", score, rule)
