"""Identifiers dictated aloud, as speech recognition writes them and nobody re-reads.

Rules, each named in the finding's `detector`:
- phone.spoken: "zéro six quarante-deux dix-huit trente et un zéro cinq": "zéro", a digit, then
  at least four more number words (a French number is read by pairs after its first two digits),
  with commas or not between them; "plus" and number words; after a phone's word, a number
  said without its zero.
- patient_id.spoken: "IPP huit zéro zéro quatre un deux cinq six trois": five or more digits in
  words after a patient-number label.
- person.spelled: a name spelled letter by letter after the dictating doctor says so ("je répète
  K E R H E R V E", "je précise C A S T E deux L I", "je vous épelle le nom L E espace M E U R"),
  or after a dictated comma ("virgule F A deux N F A N T").
- email.spoken: "sophie point truong arobase pharmacie-du-marche point fr".
- date.spoken_birth: a birth date whose year is said in two digits ("né le douze juillet
  soixante-deux").
"""

from __future__ import annotations

import regex as re
from typing import Iterator

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.lexicon import fold
from redactor.recognizers.vouched.folding import common_word_keys

_DIGIT = r"(?:z[ée]ro|un|deux|trois|quatre|cinq|six|sept|huit|neuf)"
# French number words up to the hundreds, one list for every number dictated in words
_TENS_AND_UNITS = (
    "deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
    "vingts?|trente|quarante|cinquante|soixante|cents?"
)


def number_words(with_zero_and_one: bool = True) -> str:
    """A regex group of the number words; without "zéro", "un" and "une" when those would read
    as ordinary words (a house number: "une rue" is no address)."""
    small = "z[ée]ro|un|une|" if with_zero_and_one else ""
    return f"(?:{small}{_TENS_AND_UNITS})"


_NUMBER_WORD = f"(?:{number_words()}|et)"
# groups said one after another, or set apart by commas: "zéro six, douze, trente-quatre"
_SEPARATOR = r"(?:[ \t]*,[ \t]*|[\s\-]+)"
_SPOKEN_PHONE = re.compile(
    rf"(?i:(?<![\w\-])(?:z[ée]ro{_SEPARATOR}(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf)"
    # an international number: "plus trois cent soixante-quatorze, quatre-vingt-onze, ..."
    rf"|plus{_SEPARATOR}{_NUMBER_WORD})(?:{_SEPARATOR}{_NUMBER_WORD}){{4,16}})(?![\w\-])"
)
# after a phone's word, a number said without its zero: "le numéro de la maison est le cinq
# cinquante-neuf, vingt-neuf, quatre-vingt-onze, zéro quatre"
_CUED_SPOKEN_PHONE = re.compile(
    rf"(?i:(?<![\w])(?:num[ée]ro|t[ée]l[ée]phone|portable|fixe|joindre|joignable)(?![\w])[^\n.;:]{{0,30}}?[ \t]"
    rf"(?P<number>(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf)(?:{_SEPARATOR}{_NUMBER_WORD}){{5,16}}))(?![\w\-])"
)
_SPOKEN_PATIENT_NUMBER = re.compile(
    rf"(?i:(?<![\w])(?:IPP|NIP|NDA|n°\s+de\s+dossier|num[ée]ro\s+de\s+(?:dossier|s[ée]jour|patient))[\s:]+)"
    rf"(?P<number>{_DIGIT}(?:{_SEPARATOR}{_DIGIT}){{4,15}})(?![\w\-])"
)
_TRAILING_AND = re.compile(r"(?i:[\s\-]+et)+$")
# one letter, a word of its own, or a run of capitals (normalisation joins letters spaced out:
# "K E R H E R V E" is read "KERHERVE")
_LETTER = r"(?:[^\W\d_](?![^\W\d_])|\p{Lu}{2,}(?![^\W\d_]))"
# what joins spelled letters: a space, a comma, or a word for a double letter, a space or a dash
_SPELLED_LINK = r"(?:[ ]+(?:deux|espace|tiret|apostrophe|trait[ ]d['’]union)[ ]+|,?[ ]+)"
_SPELLED_NAME = re.compile(
    r"(?i:(?<![\w])(?:r[ée]p[èe]te|pr[ée]cise|[ée]p[èe]lle|[ée]peler|[ée]pel[ée]|s['’][ée]crit|orthographe)(?![\w])"
    # a few words between the cue and the letters: "je vous épelle le nom D E M A R E S T"
    rf"(?:[ ,]+[^\W\d_]+(?:['’][^\W\d_]+)?){{0,3}}?[ ,:]+)(?P<name>{_LETTER}(?:{_SPELLED_LINK}{_LETTER}){{0,40}})"
)
# ... or after a dictated comma, letters and their links (more than one run): "monsieur fanfant
# virgule F A deux N F A N T virgule georges"
_SPELLED_AFTER_COMMA = re.compile(rf"(?<![\w])(?i:virgule)[ ]+(?P<name>{_LETTER}(?:{_SPELLED_LINK}{_LETTER}){{1,40}})")
_EMAIL_WORD = r"[^\W_][\w\-]*"
_TOP_LEVEL_DOMAIN = r"(?:fr|com|net|org|eu|info|re|gp|mq|gf|yt|nc|pf|pm|be|ch|lu|de|it|es|uk|ca|ma|dz|tn|sn)"
_SPOKEN_EMAIL = re.compile(
    rf"(?i:(?<![\w\-])(?:{_EMAIL_WORD}[ ]+(?:point|tiret|underscore)[ ]+){{0,4}}{_EMAIL_WORD}"
    rf"[ ]+arobase[ ]+{_EMAIL_WORD}(?:[ ]+point[ ]+{_EMAIL_WORD}){{0,3}}?[ ]+point[ ]+{_TOP_LEVEL_DOMAIN})(?![\w\-])"
)
_TWO_DIGIT_YEAR = (
    r"(?:quatre-vingts?|vingt|trente|quarante|cinquante|soixante)(?:[\s\-]+(?:et[\s\-]+)?"
    r"(?:dix-sept|dix-huit|dix-neuf|dix|onze|douze|treize|quatorze|quinze|seize|un|deux|trois|quatre|cinq|six|sept|huit|neuf))?"
)
_SPOKEN_BIRTH_DATE = re.compile(
    rf"(?i:(?<![\w])n[ée]e?s?(?:\(e\))?[ \t\n]+le[ \t\n]+)(?P<date>(?:(?:1er|premier)\s+|(?:{number_words()}[\s\-]+(?:et[\s\-]+)?){{1,3}})"
    rf"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)[ \t\n]+{_TWO_DIGIT_YEAR})(?![\w\-])"
)


class SpokenIdentifiers(Detector):
    """Phones, patient numbers, e-mails and birth dates said in words, names spelled aloud."""

    def __init__(self) -> None:
        super().__init__(name="SpokenIdentifiers", categories=["PHONE", "PATIENT_ID", "PERSON", "EMAIL", "DATE"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for match in _SPOKEN_PHONE.finditer(text):
            end = match.start() + len(_TRAILING_AND.sub("", match.group()))
            yield Finding(match.start(), end, "PHONE", 0.85, "phone.spoken")
        for match in _CUED_SPOKEN_PHONE.finditer(text):
            end = match.start("number") + len(_TRAILING_AND.sub("", match.group("number")))
            yield Finding(match.start("number"), end, "PHONE", 0.85, "phone.spoken")
        for match in _SPOKEN_PATIENT_NUMBER.finditer(text):
            yield Finding(match.start("number"), match.end("number"), "PATIENT_ID", 0.9, "patient_id.spoken")
        for match in _SPELLED_NAME.finditer(text):
            name = match.group("name")
            if " " in name or (len(name) >= 4 and fold(name) not in common_word_keys()):
                # one run of capitals alone may be a word or an acronym: "je répète IRM"
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.9, "person.spelled")
        for match in _SPELLED_AFTER_COMMA.finditer(text):
            yield Finding(match.start("name"), match.end("name"), "PERSON", 0.85, "person.spelled")
        for match in _SPOKEN_EMAIL.finditer(text):
            yield Finding(match.start(), match.end(), "EMAIL", 0.9, "email.spoken")
        for match in _SPOKEN_BIRTH_DATE.finditer(text):
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.9, "date.spoken_birth")
