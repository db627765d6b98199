"""Where a found name really starts and ends.

The name rules and the NER find a person's core; these widen it over what belongs to the same
person and would otherwise be left in the redacted text:
- parts joined to the found word: a hyphen and a capital ("Ho-A-Chuck"), OCR digits inside a
  word ("Guil1ou", "LER0Y");
- the next part after a linking particle ("Roca i Batlle", "Maria da Conceição") or after a
  Vietnamese middle name ("NGUYEN Thi Thu", "TRAN Thi Mai");
- a first name's initial just before ("agent D. Mbala-Sow", "(B. Follain)", "A-C Walter"), or a surname's
  particle ("AIT AHMED Lynda", "BEN SAID", "OULD BRAHIM", "d'ARMANCOURT");
- a first name joined by "et" to a couple's names ("Claire et Romain Lemaire");
- "M." when it is a first name's initial, not "Monsieur": in a list of initialled names ("IDE :
  M. Kerbrat, S. Ndiaye"), after a role or a staff verb ("IDE M. Boyer", "réalisé par M.
  Tirloy"), alone on a line that closes a block (a signature), or in the last cell of a log's
  row ("13/01/2025   Diurèse   D : 350 mL ...   M. DUBRULLE").
"""

from __future__ import annotations

from dataclasses import replace

import regex as re
from spacy.lang.fr.stop_words import STOP_WORDS as FRENCH_STOP_WORDS

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import NameLexicon, TownLexicon
from redactor.recognizers.identifiers.patterns import (
    ALL_CAPS,
    CAPITALISED,
    INITIALS,
    alternation,
    line_start_within,
)

# an OCR digit for a letter inside the word (0 for O, 1 for l or I), ending on a letter
_OCR_REST_OF_WORD = re.compile(r"[\p{L}01]*\p{L}")
_HYPHENATED_PARTS_AFTER = re.compile(r"(?:-\p{Lu}[\p{L}'’]*)+(?![\w\-])")
# "Roca i Batlle", "FERREIRA DOS SANTOS Maria da Conceição", "Silva do Céu"
_LINKED_PART_AFTER = re.compile(
    rf"[ \t]+(?:(?P<and>i|y)|da|do|dos|das|del|della|di)[ \t]+(?P<part>{ALL_CAPS}|{CAPITALISED})(?![\w\-'’])"
)
# Vietnamese middle names, then the given name's short syllables ("Thi Thu Hà", "Van Long")
_VIETNAMESE_MIDDLE = frozenset({"Thi", "Thị", "THI", "Van", "Văn", "VAN", "Duc", "Đức", "Ngoc", "Ngọc", "Huu", "Hữu"})
_SHORT_SYLLABLES_AFTER = re.compile(r"(?:[ ]\p{Lu}\p{Ll}{0,4}(?![\w\-'’])){1,2}")
# an initial just before: "D. Mbala-Sow", "Cl. Weiss" (not "M.", read below)
# (hyphenated initials without their dots too: "A-C Walter", "J-P Martin")
_INITIAL_BEFORE = re.compile(rf"(?<![\w.\-'’])(?!M\.[ \t]?$)(?:{INITIALS}|Cl\.|Fr\.|St\.|\p{{Lu}}-\p{{Lu}}(?=[ ]$))[ \t]?$")
# a log row: its date or time first, its author's name in its last cell
_LOG_ROW_START = re.compile(r"[ \t]*(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}[:h]\d{2})(?!\d)")
_CELL_GAP_BEFORE = re.compile(r"(?:\t|[ ]{2})$")
_LINE_END_AFTER = re.compile(r"[ \t]*(?:\n|$)")
# a surname's elided particle just before its capitals: "d'ARMANCOURT Claire"
_ELIDED_PARTICLE_BEFORE = re.compile(r"(?<![\w\-'’])d['’]$")
# a Maghrebi surname's particle just before, which the rules take for a word ("AIT" is also an
# accident ischémique transitoire): "Mme AIT AHMED Lynda", "BEN SAID"
_SURNAME_PARTICLE_BEFORE = re.compile(r"(?<![\w\-'’])(?:AIT|AÏT|Aït|Ait|BEN|Ben|EL|El|OULD|Ould|ABOU|Abou|ABD|Abd|IBN|Ibn)[ ]$")
# "Claire et Romain Lemaire": the first of two first names that share the surname
_FIRST_NAME_AND_BEFORE = re.compile(rf"(?<![\w\-'’])(?P<first>{CAPITALISED})[ \t]+(?:et|&)[ \t]+$")
_M_BEFORE = re.compile(r"(?<![\w.\-'’])M\.[ \t]?$")
# the list's other members, initialled, just before or after ("S. KERVELLA - M. TRAORÉ", "M.
# Kerbrat, S. Ndiaye", "B. Roussel (1 à 18) puis M. Le Goff"); not a header's other field
_INITIALLED_NAME = rf"(?<![\w.\-'’])(?!M\.)\p{{Lu}}\.(?:-?\p{{Lu}}\.)?[ ]?(?:{ALL_CAPS}|{CAPITALISED})"
_LIST_LINK = r"(?:[ \t]*\([^()\n]{0,30}\))?[ \t]*(?:[,;/&\-–]|et|puis)[ \t]*"
_LISTED_BEFORE = re.compile(rf"{_INITIALLED_NAME}{_LIST_LINK}$")
_LISTED_AFTER = re.compile(rf"{_LIST_LINK}{_INITIALLED_NAME}")
_STAFF_VERB_BEFORE = re.compile(
    r"(?i:(?:réalis|vérifi|enregistr|valid|saisi|contrôl|tap|dict|effectu|prélev|pos|sign|rédig)ée?s?)[ \t]+par[ \t]+$"
)
# a signature closes its block: a blank line or the note's end after it (an address block goes on)
_BLANK_LINE_AFTER = re.compile(r"[ \t]*\n[ \t]*(?:\n|$)")
_LIST_REACH = 80


class PersonExtent:
    """Widens PERSON findings over the parts of the same name left outside them."""

    def __init__(self, lexicon: NameLexicon, towns: TownLexicon):
        self._lexicon = lexicon
        self._towns = towns
        self._role_before = re.compile(rf"(?<![\w\-])(?i:{alternation(lexicon.roles)})[ \t]*:?[ \t]*\(?[ \t]*$")

    def widen(self, text: str, finding: Finding) -> Finding:
        start, end = finding.start, finding.end
        end = self._joined_end(text, end)
        end = self._linked_end(text, start, end)
        start = self._initial_start(text, start, end)
        start = self._couple_start(text, start, end)
        if (start, end) == (finding.start, finding.end):
            return finding
        return replace(finding, start=start, end=end)

    def _joined_end(self, text: str, end: int) -> int:
        if end >= len(text) or not text[end - 1 : end].isalpha():
            return end
        if text[end].isalnum():
            rest = _OCR_REST_OF_WORD.match(text, end, min(len(text), end + 30))
            return rest.end() if rest and not text[rest.end() : rest.end() + 1].isalnum() else end
        if text[end] == "-" and (parts := _HYPHENATED_PARTS_AFTER.match(text, end, min(len(text), end + 40))):
            return parts.end()
        return end

    def _linked_end(self, text: str, start: int, end: int) -> int:
        last_word = text[start:end].rsplit(maxsplit=1)[-1:]
        if not last_word or not last_word[0][:1].isupper():
            return end
        if last_word[0] in _VIETNAMESE_MIDDLE:
            given = _SHORT_SYLLABLES_AFTER.match(text, end, min(len(text), end + 14))
            # the syllables may be words elsewhere ("Mai", "Thu"), not French stop words ("Le")
            if given and not any(word.casefold() in FRENCH_STOP_WORDS for word in given.group().split()):
                return given.end()
            return end
        linked = _LINKED_PART_AFTER.match(text, end, min(len(text), end + 40))
        if linked and not self._lexicon.is_not_name(part := linked.group("part")):
            # a town after "da" or "di" is where someone is from; a double surname's "i" joins names
            if linked.group("and") or not self._towns.is_town(part):
                return linked.end()
        return end

    def _initial_start(self, text: str, start: int, end: int) -> int:
        if not text[start : start + 1].isupper():
            return start
        window = max(0, start - 12)
        starts_with_initial = text[start + 1 : start + 2] == "."
        if not starts_with_initial and (initial := _INITIAL_BEFORE.search(text, window, start)):
            return initial.start()
        if particle := _SURNAME_PARTICLE_BEFORE.search(text, window, start):
            return particle.start()
        if text[start : start + 2].isupper() and (elided := _ELIDED_PARTICLE_BEFORE.search(text, window, start)):
            return elided.start()  # "d'ARMANCOURT Claire"
        if m_initial := _M_BEFORE.search(text, window, start):
            # "M.R.": glued to another initial, "M." is one too
            glued = starts_with_initial and m_initial.end() == start and text[start - 1] == "."
            if glued or (not starts_with_initial and self._m_is_an_initial(text, m_initial.start(), end)):
                return m_initial.start()
        return start

    def _couple_start(self, text: str, start: int, end: int) -> int:
        words = text[start:end].split()
        if len(words) < 2 or not self._lexicon.is_first_name(words[0]):
            return start
        couple = _FIRST_NAME_AND_BEFORE.search(text, max(0, start - 30), start)
        if couple and self._lexicon.is_first_name(first := couple.group("first")) and not self._towns.is_town(first):
            return couple.start()
        return start

    def _m_is_an_initial(self, text: str, m_start: int, name_end: int) -> bool:
        """"M." names a first name's initial in a list of initialled names, after a role or a staff
        verb, or alone on a line that closes a block (a signature); elsewhere it is "Monsieur"."""
        before = max(0, m_start - _LIST_REACH)
        if _LISTED_BEFORE.search(text, before, m_start) or _LISTED_AFTER.match(text, name_end, min(len(text), name_end + _LIST_REACH)):
            return True
        if self._role_before.search(text, max(0, m_start - 40), m_start) or _STAFF_VERB_BEFORE.search(text, max(0, m_start - 40), m_start):
            return True
        if _CELL_GAP_BEFORE.search(text, max(0, m_start - 2), m_start) and _LINE_END_AFTER.match(text, name_end):
            # a log row's last cell, the row opening on its date or time: who wrote it
            row_start = text.rfind("\n", 0, m_start) + 1
            if _LOG_ROW_START.match(text, row_start, m_start):
                return True
        line_start = line_start_within(text, m_start, _LIST_REACH)
        alone_on_line = not text[line_start:m_start].strip()
        return alone_on_line and (not text[name_end:].strip() or bool(_BLANK_LINE_AFTER.match(text, name_end)))
