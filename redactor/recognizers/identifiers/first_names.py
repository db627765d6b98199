"""PERSON: first names (and families) a note uses on their own, for relatives and contacts.

Rules, each named in the finding's `detector`:
- person.before_phone: a known first name then a phone number ("femme prévenue (Sandrine, 06 80
  44 21 37)", "contact : Yasmine - 07 ...").
- person.writer: a known first name after a writing or taking verb and "par" ("Fiche saisie par
  Aurélie", "message pris par Nadia").
- person.coordinated: a known first name joined by "et" to a first name and surname ("Les
  parents (Laura et Marc Kremer)": Laura Kremer too).
- person.first_name_described: a known first name before what says who it is: an age, a role or a
  kinship in brackets ("Luka (6 ans)", "Kévin (AS)", "Françoise (fille de Mme Dupré)").
- person.first_name_in_sentence: a known first name alone inside a sentence ("Fait par Julie",
  "Relève à Audrey et Samuel", "voir avec Mélanie"): in running text a capitalised first name
  that is no common word names someone. Not at a sentence's start, not before another
  capitalised word (a full name, "rue Victor Hugo", "Centre Henri Becquerel" are read elsewhere),
  not after a capitalised word, "Saint", "de" or an eponym's trigger ("selon Fletcher"); a low
  score, so that a town read in context ("à Florence") keeps its reading.
- person.family: a known surname after a plural article, for a family ("Les Moreau ont
  rappelé", "vit chez les Moreau"): not a common word, a first name, a town or a country.
- person.family also: a surname in capitals after "famille" ("La famille GUÉRIN-BROCHARD").
- person.name_then_kinship: a first name opening a line, then who it is ("Deniz : fille de la
  patiente").
- person.first_names_line: a line of first names only, a letter's signature ("Christian, Annie,
  Kevin, Laura et Mathis").
- person.transport_company: the surname that names an ambulance, taxi or funeral company, or a
  "société" ("Ambulances Gastaldi", "taxi Becker", "VSL Ambulances Chauvière", "Pompes funèbres :
  Le Douarin", "PF Abiven", "VSL, société Perreau"): no common word, town or acronym.
- person.practice_partners: the partners that name a nurses' or therapists' practice
  ("CABINET INFIRMIER PAIN - LAGRANGE", "Cabinet de kinésithérapie Morel & Tanguy"), even
  common words, the layout says they are surnames; one surname alone after "cabinet" ("IDE
  matin et soir (cabinet Peyrat)") under the transport company's conditions.
- person.relatives_listed: the first names in brackets after a plural kinship ("leurs enfants (Xeng,
  Mai Ka)", "deux enfants (Sevan et Lori)"), known or not: the kinship says they are people.
- person.nickname: a nickname in quotes where the note says it is one: after "surnommé",
  "appelle", "cherche", with a family word ("Mamie Jo"), or before a kinship ("Juju" (sa
  petite-fille), "Riri", son frère), or in brackets after a name (Mme Muller ("Lulu")). Any
  word that is no ordinary word: nicknames are in no list.
"""

from __future__ import annotations

from typing import Iterator

import regex as re
from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.lexicon import NameLexicon, countries, fold, name_lexicon, town_lexicon
from redactor.recognizers.identifiers.patterns import ALL_CAPS, CAPITALISED, LOWER, UPPER, alternation, eponym_before
from redactor.recognizers.vouched.folding import common_word_keys, is_french_word

_PHONE_START = r"(?:0[1-9](?:[ .\-]?\d{2}){4}|\+\d)"
_BEFORE_PHONE = re.compile(
    rf"(?<![\w\-'’])(?P<name>{CAPITALISED})[ \t]*(?:[,:\-–][ \t]*)(?i:t[ée]l\.?[ \t]*:?[ \t]*|port\.?[ \t]*:?[ \t]*)?(?={_PHONE_START})"
)
_WRITER = re.compile(
    rf"(?i:(?<![\w])(?:saisie?s?|r[ée]dig[ée]e?s?|tap[ée]e?s?|dict[ée]e?s?|transmise?s?|valid[ée]e?s?|relue?s?|prise?s?|re[çc]ue?s?|not[ée]e?s?)"
    rf"[ \t]+par)[ \t]+(?P<name>{CAPITALISED})(?![\w\-'’])"
)
_DESCRIBED = re.compile(
    rf"(?<![\w\-'’])(?P<name>{CAPITALISED})[ \t]*\([ \t]*(?:\d{{1,3}}[ \t]*(?:ans|mois)\b|(?P<word>[\w\-]+))"
)
_IN_SENTENCE = re.compile(rf"(?<![\w\-'’.])(?P<name>{CAPITALISED})(?![\w\-'’])(?![ \t]+{UPPER}|[ \t]*\n[ \t]*{UPPER}{LOWER}*[ \t]+{UPPER})")
# what may stand before a first name that starts no sentence: a lower-case word, a comma, an
# opening bracket or quote, a line break inside a sentence
# (a line's start too, unless the line before ends inside a sentence: on a lower-case word or a
# comma: "appelle sa fille,\nMarie-Thérèse", "(Noah et\nTiméo)")
_SENTENCE_START_BEFORE = re.compile(
    r"(?:^|[.!?:;•\-–*]|\n[ \t]*\n|\t|(?<!(?<![\w\-'’])\p{Ll}[\w\-'’]{0,30}[ \t]*)(?<!,[ \t]*)\n)[ \t]*[«\"“(]?[ \t]*$"
)
# an article before it, a number, a label's colon after it: "le Vidal", "aile des Lilas",
# "Harris 42", "Pat. :", "To:"
_NOT_A_PERSON_AROUND = re.compile(r"(?i:(?<![\w])(?:le|la|les|du|des|au|aux|un|une)[ \t]+)$")
_NICKNAME = re.compile(
    r"[«\"“][ \t]?(?:(?P<family>(?i:mamie|mamy|mémé|meme|papi|papy|pépé|pepe|tonton|tata|tatie|tati|nounou|tatou))[ \t]+)?"
    r"(?P<name>\p{Lu}\p{Ll}{1,14})[ \t]?[»\"”]"
)
_NICKNAME_BEFORE = re.compile(
    r"(?:(?i:\b(?:surnomm\w*|appel\w*|nomm\w*|prénomm\w*|cherche|réclame|reclame)\b)[^.\n\"«“]{0,12}|\p{Lu}[\w'’\-]+[ \t]*\([ \t]*)$"
)
# what stands before an eponym rather than a person: "de", "d'", a year ("2008 May"), a query
# string ("Src=Art&")
_EPONYM_LIKE_BEFORE = re.compile(r"(?:(?<![\w])(?i:de|d['’]|du)[ \t]*|\d{4}[ \t]+|[=&/])$")
# what makes the "de" before a first name someone's: "avec l'aide de Jessica", "de la part de
# Lucie", "à la demande de Karim"
_SOMEONES_DE_BEFORE = re.compile(r"(?i:(?<![\w])(?:aide|part|demande|présence|presence|accord)[ \t]+(?:de|d['’])[ \t]*)$")
_PAIR_BEFORE = re.compile(r"(?P<first>\p{Lu}[\w'’\-]+)[ \t]+(?:et|&)[ \t]+$")
_LABEL_OR_SCORE_AFTER = re.compile(r"\.?[ \t]*:|[ \t]*\d|[ \t]+[a-zA-Z][ \t]*\d|[;&=]")
# (a whole word: the "st" that ends "c'est" is no "St")
_CAPITAL_WORD_BEFORE = re.compile(rf"(?<![\w'’\-])(?:{UPPER}[\w'’\-]*|(?i:saint|sainte|st|ste|rue|avenue|bd|boulevard|place|allée|impasse|chemin|quai|cours|route|square|résidence|clinique|hôpital|hopital|centre|institut|fondation|école|collège|lycée|maison|foyer|villa|prix|projet|protocole|programme|essai|étude|plan))[ \t]+$")
_LAST_WORD = re.compile(r"(?<![\w\-'’])([\w\-]+)(?:[ \t]+|[ \t]*:[ \t]*)$")
_FAMILY = re.compile(rf"(?<![\w])(?:les|Les|LES|aux|des)[ \t]+(?P<name>{CAPITALISED})(?![\w\-'’])(?![ \t]*\n?[ \t]*{UPPER})")
_TRANSPORT_COMPANY = re.compile(
    rf"(?i:(?<![\w])(?:ambulances?|taxis?|VSL|soci[ée]t[ée]|pompes[ \t]+fun[èe]bres|PF)(?:[ \t]+(?:ambulances?|taxis?))?)"
    rf"(?:[ \t]*:)?[ \t]+(?P<name>(?:(?:Le|La|Du|De)[ \t]+)?(?P<surname>{CAPITALISED}|{ALL_CAPS}))(?![\w\-'’])"
)
_PRACTICE = (
    r"(?i:(?<![\w])cabinet(?:[ \t]+(?:infirmiers?|d['’]infirmi[eè]res?|de[ \t]+soins[ \t]+infirmiers|de[ \t]+kin[ée]sith[ée]rapie"
    r"|de[ \t]+kin[ée]|d['’]orthophonie|dentaire|m[ée]dical|de[ \t]+sages?-femmes?))?)[ \t]+"
)
_PARTNER = rf"(?:{ALL_CAPS}|{CAPITALISED})"
_PRACTICE_PARTNERS = re.compile(
    rf"{_PRACTICE}(?P<names>{_PARTNER}(?:(?:[ \t]*[\-–&/][ \t]*|[ \t]+et[ \t]+){_PARTNER})+)(?![\w\-'’])"
)
_PRACTICE_OWNER = re.compile(rf"(?<![\w])cabinet[ \t]+(?P<name>{CAPITALISED}|{ALL_CAPS})(?![\w\-'’])")
# "la famille BLANC", "La famille GUÉRIN-BROCHARD" signing a letter: a family's surname in capitals
_FAMILY_NAMED = re.compile(rf"(?<![\w])(?i:famille)[ \t]+(?P<name>{ALL_CAPS})(?![\w\-'’])")
# a line of first names, signing a letter: "Christian, Annie, Kevin, Laura et Mathis", "Christian,
# Annie, Kevin, Laura et les petits"
_FIRST_NAMES_LINE = re.compile(
    rf"(?m)^[ \t]*(?P<names>{CAPITALISED}(?:[ \t]*,[ \t]*{CAPITALISED})*(?:[ \t]*,?[ \t]+et[ \t]+{CAPITALISED}))[ \t]*\.?[ \t]*$"
    rf"|^[ \t]*(?P<names>{CAPITALISED}(?:[ \t]*,[ \t]*{CAPITALISED}){{2,}})(?=[ \t]*(?:$|[.,]|et(?![\w])))"
)
# "Deniz : fille de la patiente", "- Farid : frère, hébergé chez lui": a first name, then who it is
_NAME_THEN_KINSHIP = re.compile(
    rf"(?m)^[ \t]*(?:[\-•*][ \t]*)?(?P<name>{CAPITALISED})[ \t]*:[ \t]*(?:(?:sa|son|la|le)[ \t]+)?"
    r"(?:fille|fils|mère|mere|père|pere|frère|frere|sœur|soeur|épouse|epouse|époux|mari|compagne|compagnon|conjointe?|"
    r"tante|oncle|cousine?|nièce|niece|neveu|grand-mère|grand-père|petite-fille|petit-fils|belle-fille|beau-fils|amie?|voisine?)(?![\w\-])"
)
# a plural kinship and the first names it lists in brackets: "leurs enfants (Xeng, Mai Ka)"
_RELATIVES_LISTED = re.compile(
    r"(?i:(?<![\w\-])(?:enfants|fils|filles|frères|freres|sœurs|soeurs|petits-enfants|children))[ \t]*\((?P<names>[^()\n]{2,80})\)"
)
# each item between its separators (",", ";", "&", "et", "and"), and the name that opens it
_LIST_SEPARATOR = r"[,;&]|(?<![\w])(?:et|and)(?![\w])"
_LISTED_ITEM = re.compile(rf"(?:^|{_LIST_SEPARATOR})(?P<item>(?:(?!{_LIST_SEPARATOR}).)*)")
_LISTED_NAME = re.compile(r"[ \t]*(?P<name>\p{Lu}\p{Ll}[\p{L}'’\-]*(?:[ ]\p{Lu}\p{Ll}[\p{L}'’\-]*){0,2})[ \t]*(?=$|\d)")
# a surname ending as a plural does ("les Alpes", "aux Lilas", "les Tilleuls": places) counts only
# before a plural verb ("les Dubois ont appelé")
_PLURAL_VERB_AFTER = re.compile(r"[ \t]+(?:ont|sont|viennent|passent|rappellent|appellent|étaient|avaient|seront|vont|disent)(?![\w])")
# a sentence may open on a first name when a verb follows it: "Julie a appelé", "Karim ne
# veut pas", "Lina s'est endormie"
_VERB_AFTER = re.compile(
    r"[ \t]+(?:n['’]|s['’]|(?:a|ont|est|était|avait|sera|va|vient|viendra|dit|ne|se|passe|passera|appelle|"
    r"rappelle|souhaite|demande|refuse|accepte|pense|signale|confirme|explique|raconte|revient|arrive|part|"
    r"reste|dort|mange|pleure|joue|parle|semble|veut|peut|doit|prévient|préfère|apporte|accompagne|"
    # or is spoken to: "Amandine peux-tu voir l'AME ?", "Julie, tu peux rappeler ?"
    r"peux-tu|pourrais-tu|pouvez-vous|pourriez-vous|,[ \t]*(?:tu|peux-tu|pourrais-tu))(?![\w'’]))"
)
# who wrote a message in a log or a thread, before its colon: "[12/03 08:14] Sandrine :",
# "SMS de Karim :", "08h20 - Julie :", "05/03 14h - Julie en arrêt"
_SENDER_BEFORE = re.compile(
    r"(?:(?:\d{1,2}[:h]\d{2}|\d{1,2}h|\d{1,2}/\d{1,2})\]?[ \t]*[\-–]?|\]|(?i:\b(?:sms|message|mail|e-mail|courriel|texto|mot|appel)s?[ \t]+(?:de|d['’]))|→)[ \t]*$"
)
# a first name that fills a form's cell alone: "Relève : Amandine → Jérôme", "IDE : Yannick, AS : ..."
_CELL_VALUE_BEFORE = re.compile(r"(?<![\w'’\-])(?=\p{L})(?:[\w'’\-]+[ \t]+){0,3}(?P<label>[\w'’\-]+)[ \t]*:[ \t]*$")
# (or another first name: "AS référentes : Armelle et Solenn")
_CELL_END_AFTER = re.compile(r"[ \t]*(?:$|\n|[,;→/]|->|[\-–][ \t]|\()|[ \t]+(?:et|&)[ \t]+\p{Lu}")
_COORDINATED = re.compile(
    rf"(?<![\w\-'’])(?P<first>{CAPITALISED})[ \t]+et[ \t]+(?P<second>{CAPITALISED})[ \t]+(?P<surname>{CAPITALISED}|{ALL_CAPS})(?![\w\-'’])"
)


class FirstNameRules(Detector):
    """Known first names used alone, where the layout says they name someone."""

    def __init__(self, lexicon: NameLexicon | None = None) -> None:
        super().__init__(name="FirstNameRules", categories=["PERSON"])
        self.lexicon = lexicon or name_lexicon()
        relation = alternation(self.lexicon.relations)
        # "Juju" (sa petite-fille Julie), "Riri", son frère
        self._relation_before = re.compile(rf"(?i:(?<![\w])(?:{relation}))[ \t]+(?:de|d['’]|du)[ \t]*$")
        self._kinship_after = re.compile(rf"[ \t]*(?:\(|,)[ \t]*(?i:(?:sa|son|ses|leur|leurs)[ \t]+)?(?i:{relation})(?![\w])")
        self._countries = countries()  # and regions: "réseau périnatal Lorraine"
        self._eponym_before = re.compile(eponym_before(self.lexicon.eponym_triggers))
        self._roles = frozenset(fold(role) for role in self.lexicon.roles if " " not in role)
        self._person_words = frozenset(
            fold(phrase.split()[0]) for phrase in (*self.lexicon.relations, *self.lexicon.roles, *self.lexicon.titles)
        )

    def _may_name_a_company(self, name: str) -> bool:
        """A surname that may name a company: no short acronym, common word, role or town."""
        key = fold(name)
        return (
            not (name.isupper() and len(name) <= 4)
            and key not in common_word_keys()
            and (self.lexicon.is_last_name(name) or not is_french_word(key))
            and not self.lexicon.is_not_name(name)
            and not town_lexicon().is_town(name)
        )

    def _is_plain_first_name(self, word: str) -> bool:
        return self.lexicon.is_distinct_first_name(word) and fold(word) not in common_word_keys()

    def _role_before(self, before: str) -> bool:
        """The word just before is a role ("IOA", "chauffeur", "IDE")."""
        word = _LAST_WORD.search(before)
        return bool(word) and fold(word.group(1)) in self._roles

    def _describes_a_person(self, word: str) -> bool:
        """A role, a kinship or a title in the brackets after a first name ("AS", "fille", "IDE")."""
        return fold(word) in self._person_words

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for match in _BEFORE_PHONE.finditer(text):
            if self._is_plain_first_name(match.group("name")):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.75, "person.before_phone")
        for match in _WRITER.finditer(text):
            if self._is_plain_first_name(match.group("name")):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.writer")
        for match in _DESCRIBED.finditer(text):
            word = match.group("word")
            name = match.group("name")
            if self._is_plain_first_name(name) and fold(name) not in self._person_words and (word is None or self._describes_a_person(word)):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.88, "person.first_name_described")
        yield from self._in_sentence(text)
        yield from self._nicknames(text)
        yield from self._relatives_listed(text)
        for match in _TRANSPORT_COMPANY.finditer(text):
            # its particle apart: "Le Douarin" is read as "Douarin"
            if self._may_name_a_company(match.group("surname")):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.75, "person.transport_company")
        for match in _PRACTICE_OWNER.finditer(text):
            if self._may_name_a_company(match.group("name")):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.75, "person.practice_partners")
        for match in _PRACTICE_PARTNERS.finditer(text):
            for partner in re.finditer(_PARTNER, match.group("names")):
                name = partner.group()
                if name != "et" and not self.lexicon.is_not_name(name) and not town_lexicon().is_town(name):
                    start = match.start("names") + partner.start()
                    yield Finding(start, start + len(name), "PERSON", 0.8, "person.practice_partners")
        for match in _FAMILY.finditer(text):
            name = match.group("name")
            if (
                self.lexicon.is_last_name(name)
                and not self.lexicon.is_first_name(name)
                and not self.lexicon.is_not_name(name)
                and fold(name) not in common_word_keys()
                and name.casefold() not in self._countries
                and not town_lexicon().is_town(name)
                and (name[-1] not in "sxz" or _PLURAL_VERB_AFTER.match(text, match.end()))
            ):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.7, "person.family")
        for match in _NAME_THEN_KINSHIP.finditer(text):
            if self.lexicon.is_first_name(match.group("name")) and not self.lexicon.is_not_name(match.group("name")):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.name_then_kinship")
        for match in _FAMILY_NAMED.finditer(text):
            name = match.group("name")
            if (
                len(name) > 2
                and not self.lexicon.is_not_name(name)
                and not town_lexicon().is_town(name)
                and (self.lexicon.is_last_name(name) or not is_french_word(fold(name)))  # not "FAMILLE RÉFÉRENTE"
            ):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.75, "person.family")
        for match in _FIRST_NAMES_LINE.finditer(text):
            names = list(re.finditer(CAPITALISED, match.group("names")))
            # every word a first name: a signature's line, not a list of places or products
            if all(self.lexicon.is_first_name(name.group()) or name.group() == "et" for name in names):
                for name in names:
                    if name.group() != "et":
                        start = match.start("names") + name.start()
                        yield Finding(start, start + len(name.group()), "PERSON", 0.7, "person.first_names_line")
        for match in _COORDINATED.finditer(text):
            first, second = match.group("first"), match.group("second")
            if self._is_plain_first_name(first) and self.lexicon.is_first_name(second):
                if not self.lexicon.is_not_name(match.group("surname")):
                    # (above a town's reading in context: "grands-parents, Albert et Germaine
                    # DELEPLANQUE", Albert is a town of the Somme)
                    yield Finding(match.start("first"), match.end("first"), "PERSON", 0.86, "person.coordinated")

    def _in_sentence(self, text: str) -> Iterator[Finding]:
        for match in _IN_SENTENCE.finditer(text):
            name = match.group("name")
            if not self._is_plain_first_name(name) or fold(name) in self._person_words or name.casefold() in self._countries:
                continue  # the lexicon first: most capitalised words are no first name
            start = match.start("name")
            before = text[max(0, start - 40) : start]
            after_a_role = self._role_before(before)  # "l'IOA Mélanie", "Chauffeur Yannick"
            end = match.end("name")
            if (
                (
                    _SENTENCE_START_BEFORE.search(before)
                    and not (after_a_role or self._opens_a_clause_or_fills_a_cell(text, before, end) or _SENDER_BEFORE.search(before))
                )
                or (_CAPITAL_WORD_BEFORE.search(before) and not after_a_role)
                or self._eponym_before.search(before)
            ):
                continue  # "Échelle de Hamilton", "selon Fletcher": an eponym
            if _EPONYM_LIKE_BEFORE.search(before) and not (
                self._relation_before.search(before) or _SENDER_BEFORE.search(before) or _SOMEONES_DE_BEFORE.search(before)
            ):
                continue  # "niveau V de Clark", "angle de Fowler et Philip" (not "la fille de Gilles", "SMS de Karim")
            if (pair := _PAIR_BEFORE.search(before)) and not self._is_plain_first_name(pair.group("first")):
                continue  # "Widal et Félix" (but "Noah et Timéo")
            if _NOT_A_PERSON_AROUND.search(before) or (_LABEL_OR_SCORE_AFTER.match(text, end) and not _SENDER_BEFORE.search(before)):
                continue  # "Harris 42", "Pat. :" (but "[08:14] Sandrine :")
            yield Finding(start, end, "PERSON", 0.7, "person.first_name_in_sentence")

    def _relatives_listed(self, text: str) -> Iterator[Finding]:
        for match in _RELATIVES_LISTED.finditer(text):
            for item in _LISTED_ITEM.finditer(match.group("names")):
                if (name := _LISTED_NAME.match(item.group("item"))) and fold(name.group("name")) not in common_word_keys():
                    start = match.start("names") + item.start("item") + name.start("name")
                    yield Finding(start, start + len(name.group("name")), "PERSON", 0.8, "person.relatives_listed")

    def _opens_a_clause_or_fills_a_cell(self, text: str, before: str, end: int) -> bool:
        """At a sentence's or a cell's start, a first name before a verb ("Julie a appelé") or
        alone in a cell after a label that names no organisation ("Relève : Amandine → Jérôme")."""
        cell = _CELL_VALUE_BEFORE.search(before)
        if cell is None:
            return bool(_VERB_AFTER.match(text, end))
        return fold(cell.group("label")) not in self.lexicon.organisation_labels and bool(_CELL_END_AFTER.match(text, end))

    def _nicknames(self, text: str) -> Iterator[Finding]:
        for match in _NICKNAME.finditer(text):
            name = match.group("name")
            if fold(name) in common_word_keys() or self.lexicon.is_not_name(name):
                continue
            said_so = (
                match.group("family")
                or _NICKNAME_BEFORE.search(text, max(0, match.start() - 30), match.start())
                or self._kinship_after.match(text, match.end())
            )
            if said_so:
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.8, "person.nickname")
