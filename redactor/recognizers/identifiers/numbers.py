"""Identifier numbers: NIR, IBAN, RPPS/ADELI, patient and stay numbers (from their labels)."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from redactor.checksums import iban_is_valid, luhn_is_valid, nir_is_valid
from redactor.findings import Finding
from redactor.paths import load_yaml
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.patterns import RECORD_NUMBER_PARTS, alternation, first_characters, line_start_within

# A NIR is 13 characters (sex, year, month, department, town, order) and a 2-digit key, grouped
# any way ("1 85 05 78 006 048 36", "185057800604836", "1.85.05.78.006.048-36", key after
# "clé"). Real documents carry wrong keys and keyless NIRs: the shape is checked, and the key
# only adds confidence (see NirDetector).
_NIR = re.compile(
    r"(?<![\w])[1-478](?:[ .\-]{0,2}[0-9ABab]){12}"
    r"(?:(?:[ .\-/]{0,3}|\t|[ \t]*\(?(?i:cl[ée])[ \t]*:?[ \t]*)(?P<key>\d{2})\)?)?(?![\w])"  # a tab: spaces aligning the key
)
_NIR_SHAPE = re.compile(r"[1-478]\d{2}(?:0[1-9]|1[0-2]|[2-4]\d|[5-9]\d)(?:\d{2}|2A|2B)\d{6}")
_NIR_STRICT_SHAPE = re.compile(r"[12]\d{2}(?:0[1-9]|1[0-2])(?:(?:0[1-9]|[1-8]\d|9[0-5]|2A|2B)\d{6}|97\d{6})")
_NIR_LABEL = re.compile(
    r"(?i:(?<![\w])(?:NIR|NSS|N\.?S\.?S\.?|S\.?S\.?|INS|INS-?NIR|matricule|immatriculation|s[ée]cu(?:rit[ée])?\s+sociale|"
    r"s[ée]cu|num[ée]ro\s+(?:de\s+)?s[ée]cu|assur[ée](?:e|\(e\))?(?:\s+social)?|carte\s+vitale|vitale|INSEE|"
    r"(?:n°|no|num)\s*(?:d['’]\s*)?(?:assur[ée]|ss|s[ée]cu))(?![\w]))"
)


# (a possible date: "Matricule : 94-18-0722" holds no month 18)
_LOOKS_LIKE_A_DATE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-]\d{2,4}|\d{4}-(?:0[1-9]|1[0-2])-\d{2}")
_IBAN_LABELLED = re.compile(r"(?i:\bIBAN)[ \t]*:?[ \t]*(?P<iban>[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?)(?![\w])")
_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?(?![\w])")


class NirDetector(Detector):
    """French social security numbers (NIR), redacted whatever their key where context or layout
    says so: a label on the line (before or after) or on the line above ("nir.context"); a
    valid key is enough on its own ("nir.checksum"); elsewhere a strict NIR shape (sex 1/2, a
    real month and department) still counts, with less confidence ("nir.shape")."""

    def __init__(self) -> None:
        super().__init__(name="NirDetector", categories=["NIR"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for match in _NIR.finditer(text):
            compact = re.sub(r"[^0-9ABab]", "", match.group()).upper()
            body = compact[:13]
            if not _NIR_SHAPE.fullmatch(body) or len(compact) not in (13, 15):
                continue
            if len(compact) == 15 and nir_is_valid(compact):
                yield Finding(match.start(), match.end(), "NIR", 1.0, "nir.checksum")
            elif _has_nir_context(text, match.start(), match.end()):
                yield Finding(match.start(), match.end(), "NIR", 0.97, "nir.context")
            elif _NIR_STRICT_SHAPE.fullmatch(body) and body[5:7] != "00" and _grouped_by_fields(match.group()):
                yield Finding(match.start(), match.end(), "NIR", 0.6, "nir.shape")


_NIR_FIELD_ENDS = frozenset({1, 3, 5, 7, 10, 13, 15})  # sex, year, month, place, commune, order, key


def _grouped_by_fields(value: str) -> bool:
    """Spaces, dots or dashes inside a NIR fall between its fields ("2 61 04 69 388 012 47");
    numbers side by side in a table row do not ("2 12061947 3402": a sex and a birth date)."""
    groups = [g for g in re.split(r"[^0-9ABab]+", value) if g]
    ends = [sum(len(g) for g in groups[: i + 1]) for i in range(len(groups))]
    return all(end in _NIR_FIELD_ENDS for end in ends)


# how far before a value its label is looked for: a row of a wide table and the header above it
# (bounded, so that a line of a thousand number-shaped values is read in linear time)
_LABEL_WINDOW = 400


def _has_nir_context(text: str, start: int, end: int) -> bool:
    """A social-security label on the value's line (before or just after it) or the line above."""
    window_start = max(0, start - _LABEL_WINDOW)
    line_start = line_start_within(text, start, _LABEL_WINDOW)
    above_start = text.rfind("\n", window_start, max(line_start - 1, 0)) + 1 or window_start
    line_end = text.find("\n", end, end + 30)
    after = text[end : (line_end if line_end != -1 else end + 30)]
    return bool(_NIR_LABEL.search(text, above_start, start) or _NIR_LABEL.search(after))


class IbanDetector(Detector):
    """IBANs (any country, French first), checked with ISO 13616 mod 97; after an "IBAN" label,
    whatever their key."""

    def __init__(self) -> None:
        super().__init__(name="IbanDetector", categories=["IBAN"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for match in _IBAN_LABELLED.finditer(text):
            # after its label an IBAN is one whatever its key (a typo, a copy error)
            yield Finding(match.start("iban"), match.end("iban"), "IBAN", 0.9, "iban.label")
        for match in _IBAN.finditer(text):
            value = match.group()
            # the greedy match may take one group too many: retry shorter prefixes
            for end in range(len(value), 13, -1):
                candidate = value[:end].rstrip()
                if iban_is_valid(candidate):
                    yield Finding(match.start(), match.start() + len(candidate), "IBAN", 1.0, "iban.checksum")
                    break


# "Identifiant : ..." alone (not "identifiant patient", "identifiant SSIAD")
_BARE_IDENTIFIER_LABEL = re.compile(r"(?i)identifiant(?![\w])(?![ \t]+(?:patient|ssiad|du\s+patient))")
_AM_PRINTED_VALUE = re.compile(r"(?:0[1-9]|[1-8]\d|9[0-8]|2[AB]) [0-9] \d{5} \d$")
# a patient's own label keeps its number, even on a line that names the prescriber's RPPS
# a phone's international prefix: "+33 (0)1 42 49 96 33" holds nine digits after it
_PHONE_PREFIX_BEFORE = re.compile(r"(?:\+|00)[ ]?\d{2,3}[ .\-]?(?:\(0\)[ .\-]?)?$")
_PATIENT_LABEL_BEFORE = re.compile(r"(?i:\b(?:IPP|NIP|NDA|NDP|INS|s[ée]jour|dossier|patient|venue)\b)[ \t]*(?:n°)?[ \t]*:?[ \t]*$")


class LabelledIdentifiers(Detector):
    """Numbers introduced by their label: IPP, NDA, séjour, dossier (PATIENT_ID); RPPS, ADELI
    (CLINICIAN_ID). RPPS numbers (11 digits starting with 10) are found without label, with
    more confidence when their Luhn key holds."""

    def __init__(self) -> None:
        super().__init__(name="LabelledIdentifiers", categories=["PATIENT_ID", "CLINICIAN_ID"])
        data = load_yaml("identifiers/numbers.yaml")
        # digits grouped by spaces, a letter prefix ("CLB 26 004 512", "MG 26/03/1187") or a
        # short letter-digit suffix ("22S-17734 B3")
        value = (
            # (a digit within the value's reach: an unbounded lookahead read "IPP IPP IPP ..."
            # to its end from each label, in time quadratic in the length of the run)
            r"(?P<value>(?:[A-Z]{1,4} (?=\d))?(?=[A-Z0-9\-/. ]{0,30}\d)[A-Z0-9]"
            r"(?:[A-Z0-9\-/.]|(?<=\d) (?=\d)|(?<=\d) (?=[A-Z]\d?(?![\w]))){2,24})"  # "452 871 H": a key letter
        )
        # (the value may follow its label in the next cell of a table drawn with bars: "| N° patient | 012-0047 |")
        # "N° dossier cabinet : A-2019-00458", "Réf. bloc d'origine : ...", "ipp_etablissement = ...":
        # up to two lower-case words between label and value
        between = (
            r"\.?(?:(?:[ \t]+|_)(?!(?:du|de|des|le|la|les|au|aux|en|pour|par|à|a)\b)[a-zéèà]+(?:['’][a-zéèà]+)?){0,2}?"
            r"(?:[ \t]+[A-Z]{2,8}(?![\w]))?"  # the unit or facility owning the number: "N° dossier CSAPA : A-0932"
        )
        self._patterns = []
        for category, key in (("PATIENT_ID", "patient_id_labels"), ("CLINICIAN_ID", "clinician_id_labels")):
            labels = alternation(data[key])
            # a lookahead on the labels' initials rejects most positions in one test
            initials = first_characters(data[key])
            self._patterns.append(
                (
                    category,
                    re.compile(
                        # "(n° P-2214)": the number's sign opening a bracket after its label
                        rf"(?i:(?=[{initials}])(?<![\w])(?:{labels})){between}(?:\s*\([^)\n]{{0,20}}\))?[ \t]*(?:\(?[ \t]*(?:n°|no|num(?:éro|ero)?\.?|#))?"
                        rf"[ \t]*(?:[:=|│¦][ \t]*)?(?:n°[ \t]*)?(?:(?:(?<=[:°])|(?<=[:°][ \t]))\n[ \t]*)?{value}(?![\w])"
                    ),
                )
            )
        self._rpps = re.compile(r"(?=1)(?<![\w])10\d{9}(?![\w])")
        # a prescriber's Assurance Maladie number as printed on prescriptions: "83 1 23456 7"
        self._am_printed = re.compile(r"(?=[0-9])(?<![\w])(?:0[1-9]|[1-8]\d|9[0-8]|2[AB]) [0-9] \d{5} \d(?![\w]| \d)")
        # nine digits (ADELI, AM, FINESS) on the line of a prescriber's RPPS or ADELI number:
        # "n° 751234567   RPPS 10101789013", "Identifiant : 941 0 21 587   RPPS ..."
        self._nine_digits = re.compile(r"(?=\d)(?<![\w])\d(?:[ ]?\d){8}(?![\w]| \d)")
        self._prescriber_line = re.compile(r"(?i:\b(?:RPPS|ADELI)\b)")

    def _is_prescriber_number(self, labelled: str, compact: str) -> bool:
        """A bare "Identifiant :" holding an RPPS number (Luhn key) or a printed Assurance Maladie
        number ("80 1 23456 8") names the prescriber of a certificate or a transport form."""
        if not _BARE_IDENTIFIER_LABEL.match(labelled):
            return False
        if self._rpps.fullmatch(compact):
            return luhn_is_valid(compact)
        return bool(_AM_PRINTED_VALUE.search(labelled))

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for category, pattern in self._patterns:
            for match in pattern.finditer(text):
                value = match.group("value").rstrip(".-/ ")
                if sum(c.isdigit() for c in value) < 3 or _LOOKS_LIKE_A_DATE.fullmatch(value):
                    continue
                compact = re.sub(r"[ .\-]", "", value)
                if category == "PATIENT_ID" and len(compact) in (13, 15) and _NIR_STRICT_SHAPE.match(compact):
                    continue  # shaped like a NIR: the NIR detector's reading
                start = match.start("value")
                found_category = category
                if category == "PATIENT_ID" and self._is_prescriber_number(match.group(), compact):
                    found_category = "CLINICIAN_ID"
                end = start + len(value)
                if found_category == "PATIENT_ID":
                    start, end = RECORD_NUMBER_PARTS.widen(text, start, end)
                # a label is stronger evidence than the look of the number (a stay number is not a phone)
                yield Finding(start, end, found_category, 0.96, f"{found_category.lower()}.label")
        for match in self._am_printed.finditer(text):
            yield Finding(match.start(), match.end(), "CLINICIAN_ID", 0.6, "clinician_id.am_shape")
        for match in self._nine_digits.finditer(text) if "RPPS" in text.upper() or "ADELI" in text.upper() else ():
            # the label on the number's line, within _LABEL_WINDOW characters on either side
            reach_after = min(len(text), match.end() + _LABEL_WINDOW)
            line_start = line_start_within(text, match.start(), _LABEL_WINDOW)
            line_end = text.find("\n", match.end(), reach_after)
            on_line = self._prescriber_line.search(text, line_start, reach_after if line_end < 0 else line_end)
            if (
                on_line
                and not _PATIENT_LABEL_BEFORE.search(text, max(0, match.start() - 20), match.start())
                and not _PHONE_PREFIX_BEFORE.search(text, max(0, match.start() - 12), match.start())
            ):
                yield Finding(match.start(), match.end(), "CLINICIAN_ID", 0.97, "clinician_id.prescriber_line")
        for match in self._rpps.finditer(text):
            if luhn_is_valid(match.group()):
                yield Finding(match.start(), match.end(), "CLINICIAN_ID", 0.7, "clinician_id.rpps_luhn")
            else:  # a typo in the key: eleven digits starting with 10 are still an RPPS number
                yield Finding(match.start(), match.end(), "CLINICIAN_ID", 0.52, "clinician_id.rpps_shape")
