"""Regular-expression pieces shared by the name and place rules (for the `regex` module)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Pattern

UPPER = r"\p{Lu}"
LOWER = r"\p{Ll}"
# Words are possessive (`*+`, `++`): the `regex` module backtracks through a repeated group in
# time quadratic in its repetitions ("Ab-Ab-Ab-..." over 100,000 characters took 6 s), and a
# word never needs to give back a part of itself.
# "Dupont", "Jean-Pierre", "N'Diaye", "D'Angelo", "Le Gall" is two tokens
CAPITALISED = rf"(?:{UPPER}['’])?{UPPER}{LOWER}++(?:[\-'’]{UPPER}?{LOWER}++)*+"
# "DUPONT", "MARTIN-DURAND", "N'DIAYE", "D'ALMEIDA"
ALL_CAPS = rf"(?:{UPPER}['’])?{UPPER}{{2,}}+(?:[\-'’]{UPPER}{{2,}}+)*+"
# "J.", "J.-M.", "A.S.", "Ch." (Charles, Christophe), "Th.", "Ph.", "Cl." (Claude, Claire),
# "Chr.": at most four (a run of "M. M. M. ..." is read from each of its starts, so an unbounded
# run made that quadratic)
# ("J-M.": a compound first name's initials, the first one's dot left out)
INITIALS = rf"(?:(?:{UPPER}|Chr|Ch|Th|Ph|Cl)\.(?:[ ]?-?[ ]?{UPPER}\.){{0,3}}+|{UPPER}-{UPPER}\.)"
LOWERCASE_WORD = rf"{LOWER}+(?:-{LOWER}+)*"
NAME_TOKEN = rf"(?:{INITIALS}|{ALL_CAPS}|{CAPITALISED})"
NOT_IN_WORD_BEFORE = r"(?<![\w\-'’])"
NOT_IN_WORD_AFTER = r"(?![\w\-'’])"
# the same, or just after an elided article: "l'HEGP", "d'Ambroise-Paré" (not "aujourd'hui")
NOT_IN_WORD_OR_ELIDED_BEFORE = r"(?<![\w\-])(?:(?<!['’])|(?<=(?<![\w])[lLdD]['’]))"
# particles of surnames, in lower case: "de la Tour", "van der Berg", "Ben Ali", "dos Santos"
NAME_PARTICLE = r"(?:de|du|des|d'|d’|van|von|der|den|le|la|da|das|dos|do|di|del|della|ben|bin|ibn|el|al|ter|ten|mac|mc)"
# one particle alone, in any case ("DE", "van", "Le"): for `fullmatch` on a word
NAME_PARTICLE_ANY_CASE = re.compile(NAME_PARTICLE, re.IGNORECASE)
# the gap between two cells of a table: a tab or three spaces
CELL_GAP = r"\t| {3,}"


def line_start_within(text: str, position: int, reach: int) -> int:
    """Where the line holding `position` starts, or `reach` characters before `position` if it
    starts further back: bounded, so that a rule run at each match of one long line stays linear."""
    limit = max(0, position - reach)
    return text.rfind("\n", limit, position) + 1 or limit


def line_end_within(text: str, position: int, reach: int) -> int:
    """Where the line holding `position` ends, or `reach` characters after it: bounded likewise."""
    limit = min(len(text), position + reach)
    end = text.find("\n", position, limit)
    return limit if end == -1 else end


def first_characters(*word_lists: Iterable[str]) -> str:
    """The first characters of the words, escaped, for a character class: a lookahead such as
    `(?=[...])` on them rejects most positions of a text in one test, where a list of words
    would be tried word by word. Under (?i) the class matches what the words' letters match."""
    return "".join(sorted({re.escape(word[0]) for words in word_lists for word in words}))


def eponym_before(triggers: Iterable[str]) -> str:
    """Text that ends just before an eponym: a trigger ("syndrome", "triangle", "selon"), an
    optional adjective and "de" ("drain aspiratif de |Redon"), then up to three capitalised words or Roman numerals of the same eponym
    ("syndrome de Claude |Bernard Horner", "signes de Koernig et |Brudzinski"), on one line and
    without a title among them ("Chirurgie Digestive\nDr |Rey" is no eponym)."""
    return (
        # (the adjective is no preposition: "rapatriement du corps à |Kaolack", "en ligne depuis
        # |Guéret" name towns)
        rf"(?i:\b(?:{alternation(triggers)}))(?:[ \t]+(?!(?:à|en|vers|pour|par|chez|dans|sur|avec|depuis|via)(?![\w])){LOWER}+(?:-{LOWER}+)?)?(?:[ \t]+(?i:de|d'|d’|du|des|au|aux))?[ \t]*"
        rf"(?:(?!(?:Dr|Pr|Mme|Mr|M)\b){UPPER}[\w'’\-]*[ \t]+(?:(?i:et|de|du)[ \t]+)?|[IVX]+[ \t]+){{0,3}}$"
    )


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, any run of spaces between words."""
    escaped = sorted({_escape(w) for w in words}, key=len, reverse=True)
    return "|".join(escaped)


def _escape(phrase: str) -> str:
    out = []
    for char in phrase:
        if char == " ":
            out.append(r"\s+")
        elif char.isalnum():
            out.append(char)
        else:
            out.append("\\" + char)
    return "".join(out)


# the extension that ends a file's name ("CR_IRM_FABRE_20251104.pdf", "ORU_R01_0083451276.hl7")
FILE_EXTENSION = r"\.(?i:pdf|hl7|csv|zip|jpe?g|png|tiff?|docx?|odt|rtf|txt|xml|xlsx?|dcm|html?|msg|eml|wav|mp3|m4a|ogg|dss|ds2|mp4|heic|json)"


@dataclass(frozen=True)
class JoinedParts:
    """The parts of one token joined to a found span by marks with no space around them: a span
    is widened over them, after it and before it, within `reach` characters."""

    marks: tuple[str, ...]
    after: Pattern[str]  # matched at the span's end
    before: Pattern[str]  # searched up to the span's start, anchored there ("...$")
    reach: int

    def widen(self, text: str, start: int, end: int) -> tuple[int, int]:
        if text[end : end + 1] in self.marks and (after := self.after.match(text, end, min(len(text), end + self.reach))):
            end = after.end()
        if text[start - 1 : start] in self.marks and (before := self.before.search(text, max(0, start - self.reach), start)):
            start = before.start()
        return start, end


# a record number is never cut at a mark: "IMP-" before "2025-066318", "-17" after "RES-0208"
# (but a file's extension is no part of it: "0083451276.hl7", "20251104.pdf")
RECORD_NUMBER_PARTS = JoinedParts(
    marks=("-", "/", "."),
    after=re.compile(rf"(?:(?!{FILE_EXTENSION}(?![A-Za-z0-9]))[\-/.][A-Za-z0-9]+)+"),
    before=re.compile(r"(?<![\w\-/.])(?:[A-Za-z0-9]+[\-/.])+$"),
    reach=24,
)
