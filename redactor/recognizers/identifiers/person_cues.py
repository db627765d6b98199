"""Cues that name a person without a title or a label: the name an e-mail address spells
("nelson tavares <nelsontav63@...>", "Estelle Boulanger   estelle.boulanger@..."), a nickname
("(surnom « Bi »)", "(Ti-Kaïs pour la famille)", "M. « Papy »", the name on a door: "nom «
CHEN-LIN »"), a name before its birth ("(Lisandru, né en 2021)") or its age ("Bernard (66)",
"Mahsa 15 ans"), a message's sender by first name ("De : Julie —"), a care log's entry signed
after two dashes ("-- Odile", "-- R."), a first name signing for its office ("Sandrine,
secrétariat."), an initial and a surname before a phone ("S. Mercadal - 04 91 ..."), and
Vietnamese names by the letters French never uses ("LÊ Văn Phúc").

Rules, each named in the finding's `detector`: person.mail_display_name, person.nickname,
person.born_after, person.sender, person.signed_entry, person.vietnamese.
"""

from __future__ import annotations

from typing import Iterator

import regex as re

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import NameLexicon, TownLexicon, fold
from redactor.recognizers.identifiers.staff import NOT_INITIALS
from redactor.recognizers.vouched.folding import common_word_keys, is_french_word

# a sender's or recipient's name before the address in angle brackets
_MAIL_DISPLAY_NAME = re.compile(r"(?<![\w'’\-])(?P<name>\p{L}[\p{L}'’\-]*(?:[ ]\p{L}[\p{L}'’\-]*){0,3})[ \t]*<(?P<local>[^@\s<>]{1,64})@")
# in a directory's row, a name then its e-mail address in the next cell
_NAME_BEFORE_ITS_ADDRESS = re.compile(
    r"(?<![\w'’\-])(?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:[ ]\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)?){1,2})[ \t]+(?P<local>[\w.\-]{1,64})@"
)
# a nickname: "(surnom « Bi »)", "appelé « Doudou »", "(Ti-Kaïs pour la famille)"; the name on a
# door, "nom « CHEN-LIN »", "interphone « Diallo »"; after "appelé", "nom" or "interphone" only
# in quotes ("dite « Nanou »" is an introducer's)
_NICKNAME = re.compile(
    # (the label may name two fields: "Surnom / nom d'usage : « Fane »"; a title may stand before
    # the quotes: "M. « Papy »")
    r"(?:(?<![\w])(?i:surnom|surnommée?|alias|pseudo)(?:[ \t]*/[ \t]*[^:\n/]{1,20})?[ \t]*:?[ \t]*(?:[«\"“][ \t]?)?"
    r"|(?<![\w])(?i:appelée?|nom|sonner[ \t]+à|interphone)[ \t]+[«\"“][ \t]?|(?<![\w])(?:M\.|Mme|Mlle|Monsieur|Madame)[ \t]*[«\"“][ \t]?)"
    r"(?P<name>\p{Lu}[\p{L}'’\-]*)(?![\w\-])"
    r"|\((?P<family_name>\p{Lu}[\p{L}'’\-]*)[ \t]+pour[ \t]+(?i:la[ \t]+famille|les[ \t]+intimes|ses[ \t]+proches|ses[ \t]+amis|tout[ \t]+le[ \t]+monde)\)"
)
# a first name before its age or its death in brackets, in a family tree or a list of relatives:
# "Bernard (66)", "Christophe (59 ans)", "Jeanne († 2019)"
_FIRST_NAME_BEFORE_AGE = re.compile(
    r"(?<![\w'’\-])(?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]*\((?:\d{1,3}(?:[ \t]*ans)?|[†✝+][ \t]*[^()\n]{0,10}|(?i:décédée?|dcd)[^()\n]{0,12})\)"
)
# a first name in French quotes, as people are called in outreach and shelter logs: "« Ahmad »
# n'est plus là", "« Ali » : jeune homme" (a known first name only: quotes hold words too)
_QUOTED_FIRST_NAME = re.compile(r"«[ \t]?(?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]?»")
# a list of children or relatives by first name and age: "Enfants : Mahsa 15 ans, Ali Reza 9 ans,
# Setayesh 4 ans"
_FIRST_NAME_AND_AGE_LISTED = re.compile(
    r"(?:(?<=[:,;(])|(?<=\bet))[ \t]*(?P<name>\p{Lu}\p{Ll}+(?:[- ]\p{Lu}\p{Ll}+)?)[ \t]+\d{1,2}[ \t]*(?:ans|mois)(?![\w])"
)
# a name before the birth it gives: "(Lisandru, né en 2021)", "Eliott (né le 02/03/2019)"
# ... its surname in capitals before it, and a banner's cells between: "TOROSSIAN Haïg   M   né le"
_BORN_AFTER_NAME = re.compile(
    r"(?<![\w'’\-])(?:(?P<surname>\p{Lu}{2,}(?:[\-'’]\p{Lu}{2,})?)[ ])?(?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
    r"(?:[ \t]*(?:,|\()[ \t]*|(?:[ ]{2,}|\t)(?:[MF](?:[ ]{2,}|\t))?)(?:né|née|nés|nées|né\(e\))[ \t]+(?:le|en|à|au)(?![\w])"
)
# a message's sender named by a first name: "De : Julie — sage-femme" (a service there is no one:
# "De : Secrétariat imagerie")
_SENDER_FIRST_NAME = re.compile(
    r"(?im)^[ \t]*(?:de|from|exp[ée]diteur)[ \t]*:[ \t]*(?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?=[ \t]*(?:[—–\-,<(]|\n|$))"
)
# a care log's or a message's entry signed after two dashes, ending its line: "-- Odile", "-- R.",
# "-- Odile / S.M." (a first name, or initials)
_INITIALS = r"\p{Lu}\.(?:[ ]?-?\p{Lu}\.)?|\p{Lu}{2,3}"
_SIGNED_AFTER_DASHES = re.compile(
    rf"(?<![\-\w])--[ \t]*(?P<name>\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?|{_INITIALS})"
    rf"(?:[ \t]*/[ \t]*(?P<second>{_INITIALS}))?(?=[ \t]*(?:\n|$))"
)
# a signature's line, an initial and a surname before a dash and a phone or an e-mail address:
# "S. Mercadal - 04 91 55 42 19 - smercadal@..."
_INITIAL_BEFORE_CONTACT = re.compile(
    r"(?m)(?:^|\t)[ \t]*(?P<name>\p{Lu}\.[ ]?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]+[\-–][ \t]+(?=(?:\+|0)\d|[\w.\-]+@)"
)
# a first name signing for its office: "Sandrine, secrétariat.", "Julie, accueil"
_FIRST_NAME_OF_AN_OFFICE = re.compile(
    r"(?<![\w'’\-])(?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?),[ \t]+(?i:secrétariat|secretariat|secrétaire|secretaire|accueil|standard)(?=[ \t]*(?:[.\n)]|$))"
)
# a Vietnamese name, written with the letters French never uses ("LÊ Thị Mai", "TRẦN Minh Khoa"):
# the word that holds one, and the capitalised words beside it on its line (four words at most)
_VIETNAMESE_LETTERS = "ạảấầẩẫậắằẳẵặăẹẻẽếềểễệĩỉịọỏốồổỗộớờởỡợơũụủứừửữựưỳỵỷỹđ"
_VIETNAMESE_WORD = re.compile(rf"(?<![\p{{L}}\-])\p{{L}}*[{_VIETNAMESE_LETTERS}{_VIETNAMESE_LETTERS.upper()}]\p{{L}}*(?![\p{{L}}\-])")
_NEXT_WORD = re.compile(r"[ ](\p{L}+)")
_CAPITALISED_BEFORE = re.compile(r"(?<![\p{L}\-])\p{Lu}\p{L}*[ ]$")
_CAPITALISED_AFTER = re.compile(r"[ ]\p{Lu}\p{L}*(?![\p{L}\-])")


class NameCues:
    """Persons named by the cues above, for PersonRules."""

    def __init__(self, lexicon: NameLexicon, towns: TownLexicon) -> None:
        self.lexicon = lexicon
        self.towns = towns
        self._title_keys = frozenset(fold(title.rstrip(".")) for title in lexicon.titles)

    def find(self, text: str) -> Iterator[Finding]:
        yield from self._mail_display_names(text)
        yield from self._nicknames(text)
        yield from self._born_after(text)
        yield from self._senders(text)
        yield from self._signed_entries(text)
        yield from self._vietnamese_names(text)

    def _is_a_first_name(self, word: str) -> bool:
        """A known first name that is no common word ("Nathalie", not "Rose"), nor a role or a title."""
        return self.lexicon.is_distinct_first_name(word) and not self.lexicon.is_not_name(word)

    def _mail_display_names(self, text: str) -> Iterator[Finding]:
        """"De: nelson tavares <nelsontav63@...>": the words before an address in angle brackets,
        in any case, when the address spells one of them and none is an ordinary word
        ("Secrétariat Cardiologie <secretariat.cardio@...>" is a service)."""
        for match in _MAIL_DISPLAY_NAME.finditer(text) if "<" in text else ():
            words = match.group("name").split()
            local = fold(re.sub(r"[^\p{L}]", "", match.group("local")))
            if any(len(word) >= 3 and fold(word) in local for word in words) and all(
                not self.lexicon.is_not_name(word) and (self.lexicon.is_known_name(word) or not is_french_word(fold(word)))
                for word in words
            ):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.mail_display_name")
        # in a directory's row, a name then its address in the next cell, which spells every word
        # of it, one a known name or no French word: "Estelle Boulanger      estelle.boulanger@hnfc.fr"
        # (though a baker is a word), not "Secrétariat Cardiologie   secretariat.cardiologie@..."
        for match in _NAME_BEFORE_ITS_ADDRESS.finditer(text) if "@" in text else ():
            local = fold(re.sub(r"[^\p{L}]", "", match.group("local")))
            words = re.findall(r"\p{L}+", match.group("name"))
            if all(fold(word) in local and not self.lexicon.is_not_name(word) for word in words) and any(
                self.lexicon.is_known_name(word) or not is_french_word(fold(word)) for word in words
            ):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.mail_display_name")

    def _nicknames(self, text: str) -> Iterator[Finding]:
        for match in _NICKNAME.finditer(text):
            group = "name" if match.group("name") else "family_name"
            if fold(match.group(group)) not in common_word_keys() or self.lexicon.is_first_name(match.group(group)):
                yield Finding(match.start(group), match.end(group), "PERSON", 0.8, "person.nickname")
        for match in _QUOTED_FIRST_NAME.finditer(text) if "«" in text else ():
            name = match.group("name")
            if self._is_a_first_name(name) and fold(name) not in common_word_keys():
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.nickname")

    def _born_after(self, text: str) -> Iterator[Finding]:
        for match in _FIRST_NAME_AND_AGE_LISTED.finditer(text):
            name = match.group("name")
            words = re.split(r"[- ]", name)
            if all(
                fold(w) not in common_word_keys() and not self.lexicon.is_not_name(w) and not self.towns.is_town(w)
                and (self.lexicon.is_known_name(w) or not is_french_word(fold(w)))
                for w in words
            ):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.born_after")
        for match in _FIRST_NAME_BEFORE_AGE.finditer(text) if "(" in text else ():
            if self._is_a_first_name(match.group("name")):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.born_after")
        for match in _BORN_AFTER_NAME.finditer(text):
            name = match.group("name")
            if self.lexicon.is_not_name(name) or (self.towns.is_town(name) and not self.lexicon.is_distinct_first_name(name)):
                continue  # "Lyon, née en 1950": where, not who
            if fold(name) in common_word_keys() and not self.lexicon.is_first_name(name):
                continue  # "Patiente, née le ...", "Enfant, né en ..."
            start = match.start("name")
            surname = match.group("surname")
            if surname and fold(surname) not in common_word_keys() and not self.lexicon.is_not_name(surname):
                start = match.start("surname")  # not "PATIENT Jean", "CR Jean"
            yield Finding(start, match.end("name"), "PERSON", 0.8, "person.born_after")

    def _senders(self, text: str) -> Iterator[Finding]:
        for match in _SENDER_FIRST_NAME.finditer(text):
            if self._is_a_first_name(match.group("name")):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.sender")

    def _signed_entries(self, text: str) -> Iterator[Finding]:
        for match in _SIGNED_AFTER_DASHES.finditer(text) if "--" in text else ():
            name = match.group("name")
            if name.isupper() and (name in NOT_INITIALS or fold(name) in common_word_keys() or self.lexicon.is_not_name(name)):
                continue  # "-- RAS", "-- OK"
            if "." in name or name.isupper() or self._is_a_first_name(name):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.signed_entry")
                if match.group("second"):
                    yield Finding(match.start("second"), match.end("second"), "PERSON", 0.8, "person.signed_entry")
        for match in _INITIAL_BEFORE_CONTACT.finditer(text):
            if not self.lexicon.is_not_name(match.group("name")[2:].strip()):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.signed_entry")
        for match in _FIRST_NAME_OF_AN_OFFICE.finditer(text):
            if self._is_a_first_name(match.group("name")):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.signed_entry")

    def _vietnamese_names(self, text: str) -> Iterator[Finding]:
        covered = 0
        for match in _VIETNAMESE_WORD.finditer(text):
            if match.start() < covered or not match.group()[:1].isupper():
                continue
            if (next_word := _NEXT_WORD.match(text, match.end())) and next_word.group(1).islower():
                covered = next_word.end()
                continue  # "Bệnh viện Bạch Mai": Vietnamese words of a sentence or a facility's name, no one's
            if text[max(0, match.start() - 5) : match.start()] == "viện ":
                continue
            start, end, words = match.start(), match.end(), 1
            while words < 4 and (before := _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)):
                if self._ends_the_name(before.group().strip()):
                    break
                start, words = before.start(), words + 1
            while words < 4 and (after := _CAPITALISED_AFTER.match(text, end)):
                if self._ends_the_name(after.group().strip()) and not _VIETNAMESE_WORD.fullmatch(after.group().strip()):
                    break
                end, words = after.end(), words + 1
            covered = end
            yield Finding(start, end, "PERSON", 0.8, "person.vietnamese")

    def _ends_the_name(self, word: str) -> bool:
        """A title, a role or an ordinary French word beside a name ends it ("Mme", "Patient");
        not a short surname in capitals ("LÊ", "HỒ") nor a month that is a given name ("Mai")."""
        key = fold(word)
        if key in self._title_keys:
            return True
        if (word.isupper() and len(word) <= 5) or key in self.lexicon.calendar_words:
            return False
        return self.lexicon.is_not_name(word) or (key in common_word_keys() and not self.lexicon.is_known_name(word))
