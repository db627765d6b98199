"""Identifiers in the fields of structured documents pasted or exported as text: the HL7 CDA
elements of DMP documents and other XML ("<given>CLAIRE</given>", "<family>VUILLERMOZ</family>",
"<postalCode>69005</postalCode>", "<birthTime value="19520312"/>", "<telecom value="tel:...">").

Rules, each named in the finding's `detector`: markup.element (an element's text by its name),
markup.attribute (a value attribute of an element that holds one).
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.base import Detector

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
# a value attribute: a birth time, a phone ("tel:"), a fax ("fax:")
_ATTRIBUTE = re.compile(
    r"<(?:birthTime[ \t][^<>\n]{0,100}?value=\"(?P<birth>(?:19|20)\d{6})|"
    r"telecom[ \t][^<>\n]{0,100}?value=\"(?:tel|fax):(?P<phone>\+?[\d .\-()]{6,25}))"
)


class MarkupFields(Detector):
    """PERSON, ADDRESS, ZIP, CITY, DATE and PHONE in the named fields of XML documents."""

    def __init__(self) -> None:
        super().__init__(name="MarkupFields", categories=["PERSON", "ADDRESS", "ZIP", "CITY", "DATE", "PHONE"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
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
