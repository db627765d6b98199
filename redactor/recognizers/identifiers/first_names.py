"""PERSON: first names a note uses on their own, for relatives and contacts.

Rules, each named in the finding's `detector`:
- person.before_phone: a known first name then a phone number ("femme prévenue (Sandrine, 06 80
  44 21 37)", "contact : Yasmine - 07 ...").
- person.writer: a known first name after a writing or taking verb and "par" ("Fiche saisie par
  Aurélie", "message pris par Nadia").
- person.coordinated: a known first name joined by "et" to a first name and surname ("Les
  parents (Laura et Marc Kremer)": Laura Kremer too).
"""

from __future__ import annotations

from typing import Iterator

import regex as re
from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.lexicon import NameLexicon, fold, name_lexicon
from redactor.recognizers.identifiers.patterns import ALL_CAPS, CAPITALISED
from redactor.recognizers.vouched.folding import common_word_keys

_PHONE_START = r"(?:0[1-9](?:[ .\-]?\d{2}){4}|\+\d)"
_BEFORE_PHONE = re.compile(
    rf"(?<![\w\-'’])(?P<name>{CAPITALISED})[ \t]*(?:[,:\-–][ \t]*)(?i:t[ée]l\.?[ \t]*:?[ \t]*|port\.?[ \t]*:?[ \t]*)?(?={_PHONE_START})"
)
_WRITER = re.compile(
    rf"(?i:(?<![\w])(?:saisie?s?|r[ée]dig[ée]e?s?|tap[ée]e?s?|dict[ée]e?s?|transmise?s?|valid[ée]e?s?|relue?s?|prise?s?|re[çc]ue?s?|not[ée]e?s?)"
    rf"[ \t]+par)[ \t]+(?P<name>{CAPITALISED})(?![\w\-'’])"
)
_COORDINATED = re.compile(
    rf"(?<![\w\-'’])(?P<first>{CAPITALISED})[ \t]+et[ \t]+(?P<second>{CAPITALISED})[ \t]+(?P<surname>{CAPITALISED}|{ALL_CAPS})(?![\w\-'’])"
)


class FirstNameRules(Detector):
    """Known first names used alone, where the layout says they name someone."""

    def __init__(self, lexicon: NameLexicon | None = None) -> None:
        super().__init__(name="FirstNameRules", categories=["PERSON"])
        self.lexicon = lexicon or name_lexicon()

    def _is_plain_first_name(self, word: str) -> bool:
        return self.lexicon.is_distinct_first_name(word) and fold(word) not in common_word_keys()

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for match in _BEFORE_PHONE.finditer(text):
            if self._is_plain_first_name(match.group("name")):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.75, "person.before_phone")
        for match in _WRITER.finditer(text):
            if self._is_plain_first_name(match.group("name")):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.writer")
        for match in _COORDINATED.finditer(text):
            first, second = match.group("first"), match.group("second")
            if self._is_plain_first_name(first) and self.lexicon.is_first_name(second):
                if not self.lexicon.is_not_name(match.group("surname")):
                    yield Finding(match.start("first"), match.end("first"), "PERSON", 0.75, "person.coordinated")
