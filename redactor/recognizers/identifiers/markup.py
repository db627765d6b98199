"""Identifiers in the fields of structured documents pasted or exported as text: the HL7 CDA
elements of DMP documents and other XML ("<given>CLAIRE</given>", "<family>VUILLERMOZ</family>",
"<postalCode>69005</postalCode>", "<birthTime value="19520312"/>", "<telecom value="tel:...">"),
the same fields in FHIR JSON ("family": "FERREIRA", "given": [ "Maria", "da Conceição" ]), the
town and postcode of an HL7 v2 address ("...^^Bobigny^^93000^FRA"), the names of HL7 v2 fields
("WANG^Xiaoli", the mother's maiden name in PID-6), and the instance UIDs of
DICOM studies and shared documents ("StudyInstanceUID 1.2.250.1.59.453.8590.2502191422050417").

Rules, each named in the finding's `detector`: markup.element (an element's text by its name),
markup.attribute (a value attribute of an element that holds one), markup.json (a JSON key's
string values), markup.hl7_address, markup.hl7_name, markup.instance_uid.
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.lexicon import fold, name_lexicon
from redactor.recognizers.vouched.folding import is_french_word

# CDA (HL7 v3) element names and the category of their text
_ELEMENT_CATEGORIES = {
    "given": "PERSON",
    "family": "PERSON",
    "streetAddressLine": "ADDRESS",
    "streetName": "ADDRESS",
    "postalCode": "ZIP",
    "city": "CITY",
}
_ELEMENT = re.compile(
    rf"<(?P<tag>{'|'.join(_ELEMENT_CATEGORIES)})(?:[ \t][^<>\n]{{0,200}})?>(?P<value>[^<>\n]{{1,120}})</(?P=tag)>"
)
# FHIR JSON: a key of the same names, then a string or a list of strings
_JSON_FIELD = re.compile(
    rf"\"(?P<key>{'|'.join(_ELEMENT_CATEGORIES)}|line)\"[ \t]*:[ \t]*(?P<values>\"[^\"\n]{{1,120}}\"|\[[ \t]*\"[^\]\n]{{1,300}}\])"
)
_JSON_STRING = re.compile(r"\"(?P<value>[^\"\n]{1,120})\"")
# an HL7 v2 address (XAD): street^other^town^state^postcode^country ("...^^Bobigny^^93000^FRA")
_HL7_ADDRESS = re.compile(r"\^(?P<town>[^\^¦|~\n\d][^\^¦|~\n]{1,60})\^[^\^¦|~\n]{0,30}\^(?P<zip>\d{5})\^[A-Z]{3}(?![\w])")
# an HL7 v2 segment's line ("PID|1||...", "PV1¦1¦..."), its fields, and a person's name in one:
# the family name in capitals, then the given name (the caret between them is a space once the
# note is normalised: "WANG^Xiaoli" reads "WANG Xiaoli")
_SEGMENT_LINE = re.compile(r"(?m)^(?P<segment>[A-Z][A-Z0-9]{2})(?P<separator>[|¦])[^\n]*")
_HL7_NAME = re.compile(
    r"(?:^|(?<=\^))(?P<name>[A-Z][A-Z'’\-ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ]+(?:[ ][A-Z][A-Z'’\-ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ]+)*[ ][A-ZÀ-Ý][a-zà-ÿ][\w'’\-]*(?:[ ][A-ZÀ-Ý][a-zà-ÿ][\w'’\-]*)?)(?=\^|$)"
)
_MAIDEN_NAME = re.compile(r"[A-Z][A-Z'’\-ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ]+(?:[ ][A-Z][A-Z'’\-ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ]+)*")
# an instance UID (DICOM study, series or image; a shared document's): an OID whose last parts
# are a time stamp or a long counter; not a code system's or an organisation's OID
# ("2.16.840.1.113883.6.1", "1.2.250.1.71.4.2.7.510004")
_INSTANCE_UID = re.compile(r"(?<![\w.])[012](?:\.\d{1,20}){4,}\.\d{8,30}(?:\.\d{1,20})*(?![\w]|\.\d)")
# a value attribute: a birth time, a phone ("tel:"), a fax ("fax:")
_ATTRIBUTE = re.compile(
    r"<(?:birthTime[ \t][^<>\n]{0,100}?value=\"(?P<birth>(?:19|20)\d{6})|"
    r"telecom[ \t][^<>\n]{0,100}?value=\"(?:tel|fax):(?P<phone>\+?[\d .\-()]{6,25}))"
)


class MarkupFields(Detector):
    """PERSON, ADDRESS, ZIP, CITY, DATE, PHONE and PATIENT_ID in the named fields of XML, JSON,
    HL7 v2 and DICOM documents."""

    def __init__(self) -> None:
        super().__init__(name="MarkupFields", categories=["PERSON", "ADDRESS", "ZIP", "CITY", "DATE", "PHONE", "PATIENT_ID"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        if '":' in text:
            for match in _JSON_FIELD.finditer(text):
                category = _ELEMENT_CATEGORIES.get(match.group("key"), "ADDRESS")
                for value in _JSON_STRING.finditer(text, match.start("values"), match.end("values")):
                    yield Finding(value.start("value"), value.end("value"), category, 0.95, "markup.json")
        if "^" in text:
            for match in _HL7_ADDRESS.finditer(text):
                yield Finding(match.start("town"), match.end("town"), "CITY", 0.9, "markup.hl7_address")
                yield Finding(match.start("zip"), match.end("zip"), "ZIP", 0.95, "markup.hl7_address")
        if "¦" in text or "|" in text:
            yield from _hl7_names(text)
        if "." in text:
            for match in _INSTANCE_UID.finditer(text):
                yield Finding(match.start(), match.end(), "PATIENT_ID", 0.85, "markup.instance_uid")
        if "</" not in text and "value=\"" not in text:
            return
        for match in _ELEMENT.finditer(text):
            value = match.group("value")
            start = match.start("value") + len(value) - len(value.lstrip())
            end = match.end("value") - (len(value) - len(value.rstrip()))
            if end > start:
                yield Finding(start, end, _ELEMENT_CATEGORIES[match.group("tag")], 0.95, "markup.element")
        for match in _ATTRIBUTE.finditer(text):
            group = "birth" if match.group("birth") else "phone"
            category = "DATE" if group == "birth" else "PHONE"
            yield Finding(match.start(group), match.end(group), category, 0.95, "markup.attribute")


def _hl7_names(text: str) -> Iterator[Finding]:
    """Names in the fields of HL7 v2 segments, and the mother's maiden name (PID-6)."""
    for line in _SEGMENT_LINE.finditer(text):
        position = line.start()
        for index, field in enumerate(line.group().split(line.group("separator"))):
            for match in _HL7_NAME.finditer(field):
                given = match.group("name").split()[-1]
                if is_french_word(fold(given)) and not name_lexicon().is_first_name(given):
                    continue  # "CREA^Créatinine", "COM^Commentaire": a code and its label
                yield Finding(position + match.start("name"), position + match.end("name"), "PERSON", 0.9, "markup.hl7_name")
            if line.group("segment") == "PID" and index == 6 and (maiden := _MAIDEN_NAME.match(field)):
                yield Finding(position + maiden.start(), position + maiden.end(), "PERSON", 0.9, "markup.hl7_name")
            position += len(field) + 1
