"""PERSON: rules for where a Wikipedia-trained NER fails in clinical notes.

Rules, each named in the finding's `detector`:
- person.title: a title (M., Mme, Dr, Pr...) then name tokens; the title is not in the span.
- person.initial: initials then a known or upper-case surname ("R. Chevallier", "S. VIAL").
- person.introducer: "née LE GALL", "épouse Martin", "au nom de DIALLO".
- person.label: "Copie à :", "Interne :", "Médecin traitant :"... then a list of names.
- person.relation: a relation word then a name ("sa fille Sophie", "Épouse (Odette)").
- person.married_name: a name before "ép.", "épouse", "née", "veuve" ("ABDELKADER ép. MANSOURI").
- person.parenthesised: a known first name alone in parentheses ("IDEC (Nadège)").
- person.with_age: a known first name followed by an age ("Inès, 16 ans").
- person.with_initials, person.own_initials: a known first name and its own initials in
  brackets ("Kelly (KM)"), and every other use of those initials.
- person.alone_on_line: a known first name (and surname) alone on a line (signatures).
- person.upper_first: an upper-case surname with a known first name, in either order.
- person.first_capitalised: a known first name then a capitalised surname.
- person.upper_surname: an upper-case word that is a known surname, or one no dictionary knows
  with its initial ("TUILAGI S. -").
- person.first_particle_surname: "Bérengère de Castelnau-Bazas".
- person.mail_display_name, person.nickname, person.born_after, person.sender,
  person.vietnamese: names cued without a title or a label (person_cues.py).
- person.han_script: two to four Chinese characters ("陈伟"): in a French note, a name.
- person.ner: the spaCy NER's person entities (titles trimmed; person_model.py).
- person.propagated: every other occurrence, in the same note, of a name found above.
Each name is then widened over the parts of it left outside (person_extent.py).
Eponyms ("maladie de Crohn", "score de Glasgow") and towns are never persons.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain
from typing import Iterable, Iterator

import regex as re
from spacy.lang.fr.stop_words import STOP_WORDS as FRENCH_STOP_WORDS
from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.lexicon import (
    NameLexicon,
    TownLexicon,
    countries,
    fold,
    name_lexicon,
    town_lexicon,
)
from redactor.recognizers.identifiers.person_cues import NameCues
from redactor.recognizers.identifiers.person_extent import PersonExtent
from redactor.recognizers.identifiers.person_initials import dotted_initials, initials_defined, initials_used, m_initial_of_named
from redactor.recognizers.identifiers.person_model import ModelPersons, opens_a_section
from redactor.recognizers.identifiers.patterns import (
    ALL_CAPS,
    CAPITALISED,
    CELL_GAP,
    INITIALS,
    LOWERCASE_WORD,
    NAME_PARTICLE,
    NAME_PARTICLE_ANY_CASE,
    NAME_TOKEN,
    NOT_IN_WORD_AFTER,
    NOT_IN_WORD_BEFORE,
    alternation,
    eponym_before,
)
from redactor.recognizers.vouched.folding import common_word_keys, is_french_word, is_unknown_word

_PARTICLE = NAME_PARTICLE
# particles may come in pairs: "de la Tour", "van der Berg", "Le Gall", "Ben Ali"
_NAME_SEQUENCE = (
    rf"(?:{_PARTICLE}\s?){{0,2}}{NAME_TOKEN}"
    rf"(?:(?:[ ]+|[ ]*-[ ]*(?={INITIALS}))(?:{_PARTICLE}\s?){{0,2}}{NAME_TOKEN}){{0,3}}"  # not across a tab (a table cell)
)
# a plural article or "ET" between words in capitals: a heading ("BUREAU DES ENTREES")
_HEADING_PHRASE_AFTER = re.compile(r"[ ]+(?:DES|AUX|ET)[ ]+\p{Lu}{2}")
# particles written with a capital, which a surname follows ("Sandrine Le Bris", "Ana Da Silva")
_CAPITAL_PARTICLES = frozenset({"Le", "La", "Da", "De", "Del", "Van", "Von", "Ben", "Di", "Dos", "El", "LE", "LA", "DA", "DE", "BEN"})
# a surname in capitals alone at the start of the next line, after a title and a first name
# (or capitalised, closing a bracket or a sentence: "(Mme Nadège\nPoulain)", "Mme Christine\nSCHNEIDER-KLEIN.")
_SURNAME_ON_NEXT_LINE = re.compile(
    r"[ \t]*\n[ \t]*(?P<surname>\p{Lu}{2,}(?:[\-'’ ]\p{Lu}{2,}){0,2}(?=[ \t]*(?:[,.;)\n]|$))"
    r"|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?=[ \t]*(?:[,.;)]|$)))"
)
_LOWERCASE_NAMES = rf"{LOWERCASE_WORD}(?:[ \t]+{LOWERCASE_WORD}){{0,2}}"


# precompiled: these run once per candidate name, thousands of times on a name-dense note
_TOKEN = re.compile(r"\S+")
_ONE_INITIAL = re.compile(r"\p{Lu}\.")
_PARTICLE_WORD = re.compile(_PARTICLE)
_ARTICLES_ALONE = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des"})
_UPPER_PARTICLES_BEFORE = re.compile(
    r"(?<![\w'’])(?<![^\W\d_] )(?:(?:DE|DU|DES|VAN|VON|DER|DEN|LE|LA|DA|DAS|DOS|DO|DI|DEL|DELLA|BEN|BIN|IBN|EL|AL|TER|TEN|MAC|MC) ){1,2}$"
)
# a title for several people, then the next name of their list: "Drs Martin, Dubois et Lefèvre"
_PLURAL_TITLE = re.compile(r"(?<![\w])(?:Drs|DRS|Docteurs|Prs|Professeurs|MM|Mmes)\.?[ \t]*$")
_NEXT_LISTED_NAME = re.compile(rf"(?:[ \t]*,[ \t]*|[ \t]+(?:et|&)[ \t]+)(?P<name>{CAPITALISED}|{ALL_CAPS})(?![\w\-'’])")
# "Z.I. de Jarry", "Z.A.C. des Landes": an industrial or business zone, no initial and surname
_FIRST_NAME_LABEL = re.compile(r"[ \t\-•*]*(?i:pr[ée]noms?)\b")
_NAME_JUST_BEFORE = re.compile(r"(?<![\w\-])\p{Lu}[\p{Ll}\p{Lu}'’\-]+[ \t]$")
_UNIT_BEFORE = re.compile(r"(?:[/°]|\d[ \t]?)$")
_ZONE = re.compile(r"Z\.[ ]?(?:A\.[ ]?C\.|A\.|I\.)")
# "de Vasselot Bertrand" opening a table's cell or a line: the particle belongs to the name
# (or capitalised: "Le Guen Isabelle")
_PARTICLES_OPENING_A_CELL = re.compile(
    r"(?:^|(?<=[\n\t])|(?<=[ ]{2}))(?:de[ ]la|de|du|des|d['’]|van[ ]der|van|von|Le|La|De|Du|Des|Da|Dos|Di|Del|Van|Von|Ben|El)[ ]?$"
)
_LEADING_PARTICLES = re.compile(rf"^(?:(?i:{_PARTICLE})(?:[ \t]+|(?<=['’])))+")
_STOP_WORDS = frozenset(fold(w) for w in FRENCH_STOP_WORDS)  # "SANS RAPPORT" is no "first name + surname"
_CELL_GAP = re.compile(CELL_GAP)
_ROMAN = re.compile(r"[IVX]{1,4}")
# a role in brackets after a name: "Océane MAS (enseignante APA)" names someone, though MAS is
# also a care home's acronym
_ROLE_IN_BRACKETS_AFTER = re.compile(r"[ \t]*\((?:\p{Ll}{3,}|IDE|IDEL|ASH|AS)\b")
_THREADS = re.compile(r"(?i:\baux\s+fils\b|\bfils\s+(?:de|du|d['’])\s)")
# a place or an institution named after someone, before the name
_NAMED_AFTER = re.compile(
    r"(?i:lycée|lycee|collège|college|école|ecole|rue|avenue|av\.|boulevard|bd|place|allée|impasse|quai|square|cours|"
    r"hôpital|hopital|clinique|centre|institut|fondation|résidence|maison|EHPAD|foyer|prix|université)[ \t]+$"
)
# labels of whom a letter goes to or comes from, which may name a service instead of a person
_ADDRESSEE_LABEL = re.compile(
    r"(?i)[ \t\-•*]*(?:destinataires?|copies?[ \t]+[àa]|cc|exp[ée]diteur|de[ \t]+la[ \t]+part[ \t]+de|[àa][ \t]+l['’]attention[ \t]+de|attention)(?![\w])"
)
# a name in Chinese characters, beside its transcription ("CHEN Wei (fils) 陈伟")
_HAN_NAME = re.compile(r"(?<!\p{Han})\p{Han}{2,4}(?!\p{Han})")
# a first name's initial, then the end of a field: "TUILAGI S. - 08/03/2000", "KOWALSKI J.,"
_INITIAL_ENDING_A_FIELD = re.compile(r"[ ]\p{Lu}\.(?=[ \t]*(?:[\-–,;/|()]|\n|$))")
# initials after a surname, as footers and lists write them: "RAKOTOMALALA V.", "SCHNEIDER H.-P."
# (not a genus: "MARTIN S. aureus")
_INITIALS_AFTER_SURNAME = re.compile(
    r"[ ](?:\p{Lu}\.)(?:-?\p{Lu}\.)?(?![\w\-])(?![ \t]*\p{Ll})"
    # or one capital without its dot, ending a table's cell or a line ("Dr PETITJEAN M        F2407...")
    r"|[ ]\p{Lu}(?=\t|[ ]{3,}|[ \t]*(?:\n|$))"
)

# initials in brackets after the name they abbreviate ("Kelly (KM)"): used alone elsewhere too
_OWN_INITIALS = "person.own_initials"
# a number's label: "N° patient HUG", "N° de patient Saint-Luc"
_NUMBER_LABEL_BEFORE = re.compile(r"(?i:(?<![\w])(?:n°|n[ \t]*°|no\.?|num[ée]ro|num\.))[ \t]*(?:(?i:de|du)[ \t]+)?$")
# a title written out in full, as dictation software writes it: "le docteur mesnil"
_SPELLED_TITLE_BEFORE = re.compile(r"(?:(?<![\w])(?:(?i:docteur|monsieur|madame|mademoiselle|professeur)|Dr|DR|dr)\.?[ \t]+)$")


class PersonRules(Detector):
    """Rule-based person names: titles, labels, relations, case patterns and lexicons."""

    def __init__(self, lexicon: NameLexicon | None = None, towns: TownLexicon | None = None):
        super().__init__(name="PersonRules", categories=["PERSON"])
        self.lexicon = lex = lexicon or name_lexicon()
        self.towns = towns or town_lexicon()
        self._cues = NameCues(lex, self.towns)
        self._countries = countries()
        capital_only = [t for t in lex.titles if t in ("M", "Me", "MM")]
        title = rf"(?:(?:{alternation(capital_only)})|(?i:{alternation(t for t in lex.titles if t not in capital_only)}))"
        # (a title glued to a name in capitals, as PDF extraction leaves it: "MmeVIDAL-ROIG")
        title_run = rf"{title}(?:\.|\b|(?<=\p{{Ll}})(?=\p{{Lu}}{{2}}))(?:[ \t]+(?:le|la|et)[ \t]+{title}(?:\.|\b))?"
        self._title = re.compile(
            rf"(?<![\w.]){title_run}[ \t]*(?P<name>{_NAME_SEQUENCE}|{_LOWERCASE_NAMES})"
        )
        self._introducer = re.compile(
            rf"(?i:(?<![\w'’])(?:{alternation(lex.name_introducers)}))(?:(?<=\.)|(?![\w]))[ \t]*:?[ \t]*[\"«]?[ \t]*"  # not "suspicion d'EP. Prise", not "NÉONATAL"
            rf"(?P<name>(?:{_PARTICLE}\s?)?(?:{ALL_CAPS}|{CAPITALISED})(?:[ \t]+(?:{ALL_CAPS}|{CAPITALISED})){{0,2}})"
        )
        self._label = re.compile(
            rf"(?im)^[ \t\-•*]*(?:{alternation(lex.name_labels)})(?:\(e\)|\(s\))?[ \t]*(?::|par\b)[ \t]*(?P<rest>[^\n]*)"
        )
        # a form's name fields in a row of cells or with dot leaders: "Nom    PETITJEAN    Prénom
        # Germaine", "Prénom(s) ........ Maëlys, Awa", "Nom de naissance : X" after another cell;
        # a value ends at its cell's end (a tab, or three spaces: the next field may follow)
        self._form_field = re.compile(
            r"(?im)(?:(?:^|\t|(?<=\S)[ ]{2,})[ \t]*(?:nom\s+de\s+naissance|nom\s+d['’]usage|nom\s+de\s+jeune\s+fille|nom\s+de\s+famille|nom\s+marital|nom\s+patronymique|pr[ée]noms?|nom)"
            # (or in brackets after a name, a family name only: "Mme ZHANG Wei (nom d'usage ZHANG-ROBIN)")
            r"|(?<=\()(?:nom\s+de\s+naissance|nom\s+d['’]usage|nom\s+de\s+jeune\s+fille|nom\s+de\s+famille|nom\s+marital|nom\s+patronymique))"
            r"(?:\(e\)|\(s\))?(?:[ \t]*:|[ \t]*\.{3,}|[ \t]+)[ \t]*(?P<rest>(?:[^\t\n ]++|[ ]{1,2}+(?![ \t\n]))*+)"
        )
        self._list_item = re.compile(rf"(?:{title_run}[ \t]*)?(?P<name>{_NAME_SEQUENCE}|{_LOWERCASE_NAMES})")
        relation = alternation(lex.relations)
        self._relation = re.compile(
            # (not inside a compound: "sage-femme du CDPS" names no wife)
            rf"(?i:(?<![\w\-])(?:(?:sa|son|ses|leur|leurs|votre|vos|notre|nos|une|un|du|de\s+sa|de\s+son|de\s+votre|avec\s+sa|avec\s+son)\s+)?"
            rf"(?:{relation})(?:[ ]+(?:aîné|aînée|aine|ainee|cadet|cadette|jumeau|jumelle|benjamin|benjamine|demi|"
            rf"maternelle|maternel|paternelle|paternel|germain|germaine))?)"
            # (not glued to the word: "PatientID", "PatientName" in an export's header)
            rf"(?:[ ]*,|[ ]*:|[ ]*\()?[ ]*(?<![^\W\d_])(?P<name>{_NAME_SEQUENCE})"  # not across lines or cells
        )
        # "ABDELKADER ép. MANSOURI Yasmina", "DIAS née CARVALHO": the name before a marriage word
        self._before_married_name = re.compile(
            rf"{NOT_IN_WORD_BEFORE}(?P<name>{ALL_CAPS}|{CAPITALISED})[ \t]+(?:ép\.|ep\.|épouse|epouse|veuve|vve|née|nee|divorcée)"
            rf"[ \t]+(?={ALL_CAPS}|{CAPITALISED})"
        )
        self._following_word = re.compile(rf"[ \t]+({LOWERCASE_WORD})")
        self._initial_and_surname = re.compile(
            rf"{NOT_IN_WORD_BEFORE}{INITIALS}[ \t]?(?:(?P<particle>(?:de[ \t]+la|de|du|des|van|von|van[ \t]+der)[ \t]+|d['’])"
            rf"|(?P<capital_particle>(?:Le|La|Da|Di|Del|Dos|Van|Von|Ben|El)[ \t]+))?"
            rf"(?P<surname>{ALL_CAPS}|{CAPITALISED}){NOT_IN_WORD_AFTER}"
        )
        self._parenthesised = re.compile(rf"\(\s*(?P<name>{CAPITALISED}(?:[ \t]+(?:{ALL_CAPS}|{CAPITALISED}))?)\s*\)")
        self._with_age = re.compile(
            rf"{NOT_IN_WORD_BEFORE}(?P<name>{CAPITALISED}(?:[ \t]+(?:{ALL_CAPS}|{CAPITALISED}))?)[ \t]*,?[ \t]*\(?\d{{1,3}}[ \t]*(?:ans|mois|a)\b"
        )
        # "Kelly (KM)", "Sandrine Duval (SD)": a name and its own initials in brackets
        self._with_own_initials = re.compile(
            rf"{NOT_IN_WORD_BEFORE}(?P<name>{CAPITALISED}(?:[ \t]+(?:{ALL_CAPS}|{CAPITALISED}))?)[ \t]*\((?P<initials>\p{{Lu}}{{2,3}})\)"
        )
        # "Bérengère de Castelnau-Bazas", "Hugues du MOULINET": a first name, a particle, a surname
        self._first_particle_surname = re.compile(
            rf"{NOT_IN_WORD_BEFORE}(?P<first>{CAPITALISED})[ \t]+(?:de[ \t]+la|de|du|des)[ \t]+(?P<surname>{ALL_CAPS}|{CAPITALISED}){NOT_IN_WORD_AFTER}"
        )
        self._alone_on_line = re.compile(
            rf"(?m)^[ \t]*(?P<name>(?:{CAPITALISED}|{LOWERCASE_WORD})(?:[ \t]+(?:{ALL_CAPS}|{CAPITALISED}))?)[ \t]*$"
        )
        word = rf"(?:{ALL_CAPS}|{CAPITALISED})"
        self._name_pair = re.compile(
            # (or a surname in capitals after its elided particle: "d'ARMANCOURT Claire")
            rf"(?:{NOT_IN_WORD_BEFORE}|(?<=(?<![\w])d['’])(?=\p{{Lu}}{{2}}))(?P<a>{word})(?:[ \t]+(?P<b>{word}))(?:[ \t]+(?P<c>{word}))?{NOT_IN_WORD_AFTER}"
        )
        self._all_caps_word = re.compile(rf"{NOT_IN_WORD_BEFORE}{ALL_CAPS}{NOT_IN_WORD_AFTER}")
        self._name_word = re.compile(rf"{NOT_IN_WORD_BEFORE}(?:{ALL_CAPS}|{CAPITALISED}){NOT_IN_WORD_AFTER}")
        # a name in a file name, between underscores: "CRH_BOULANGER_R.pdf", "CR_RCP_LAFITTE_0909.pdf"
        self._name_in_file_name = re.compile(r"(?:(?<=_)\p{Lu}[\p{L}\-]+(?=[_.\-\d])|(?<![\w])\p{Lu}[\p{L}\-]+(?=_))")
        self._eponym_before = re.compile(eponym_before(lex.eponym_triggers))
        # the same 40 characters before a name recur on name-dense notes: remember the answers
        self._eponym_window = lru_cache(maxsize=4096)(lambda window: bool(self._eponym_before.search(window)))
        self._model = ModelPersons(lex, self._title, self._finding)
        self._extent = PersonExtent(lex, self.towns)

    # -- helpers ------------------------------------------------------------------------
    def _trim(self, text: str, start: int, end: int, after_title: bool) -> tuple[int, int] | None:
        """Drop leading/trailing tokens that are not names (headers, acronyms, particles)."""
        tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]
        while tokens and self._not_name_token(text[tokens[-1][0] : tokens[-1][1]], after_title, leading=False):
            tokens.pop()
        while tokens and self._not_name_token(text[tokens[0][0] : tokens[0][1]], after_title, leading=True):
            tokens.pop(0)
        if not tokens:
            return None
        return tokens[0][0], tokens[-1][1]

    def _not_name_token(self, token: str, after_title: bool, leading: bool) -> bool:
        stripped = token.strip(",;:()\"«»")
        if not stripped:
            return True
        if _ONE_INITIAL.fullmatch(stripped) and (after_title or not leading):
            return False  # "Dr M. Chérif", "Mme Chevalier M.": an initial, not the title Monsieur
        key = fold(stripped.rstrip("."))
        if key in self.lexicon.calendar_words:
            return not after_title
        if self.lexicon.is_not_name(stripped):
            return True
        if NAME_PARTICLE_ANY_CASE.fullmatch(stripped):
            # a particle may open a name ("de La Tour") but never end it, unless capitalised as
            # a surname ("Tuan Le Van")
            return not leading and not (after_title and stripped[:1].isupper())
        return False

    def _is_eponym(self, text: str, start: int) -> bool:
        return self._eponym_window(text[max(0, start - 40) : start])

    def _lowercase_names(self, span: str, after_title: bool = False) -> int:
        """Length of the leading run of lower-case words that are known names ("dr martin"); after
        a title, any word that is no French word ("le docteur mesnil", dictated and not re-read)."""
        length = 0
        for index, match in enumerate(_TOKEN.finditer(span)):
            word = match.group()
            if self.lexicon.is_known_name(word) or (
                after_title
                and index == 0  # the word right after the title, then known names only
                and len(word) >= 3
                and fold(word) not in common_word_keys()
                and word not in FRENCH_STOP_WORDS
            ):
                length = match.end()
            elif not _PARTICLE_WORD.fullmatch(word):
                break
        return length

    def _finding(
        self, text: str, start: int, end: int, score: float, rule: str, after_title: bool = False
    ) -> Finding | None:
        span = text[start:end]
        first_word = _LEADING_PARTICLES.sub("", span)  # "de la Tour": its name is "Tour"
        if first_word[:1].islower() or not first_word:
            # a title spelled out, as dictation writes it ("le docteur mesnil"), not "pr" (pour)
            spelled = after_title and bool(_SPELLED_TITLE_BEFORE.search(text, max(0, start - 16), start))
            end = start + self._lowercase_names(span, spelled)
            if end == start:
                return None
        trimmed = self._trim(text, start, end, after_title)
        if trimmed is None:
            return None
        start, end = trimmed
        if text[start:end].casefold() in _ARTICLES_ALONE and not text[start:end].isupper():
            return None  # "immunoglobulines M. Le diagnostic": an article after an initial ("Madame LA": initials)
        if self._is_eponym(text, start) or text[end : end + 1] in ("®", "™"):
            return None  # "maladie de Crohn", "pessaire Arabin®": not people
        return Finding(start, end, "PERSON", score, f"person.{rule}")

    # -- rules --------------------------------------------------------------------------
    def _by_title(self, text: str) -> Iterator[Finding]:
        for match in self._title.finditer(text):
            if "\t" in text[match.start() : match.start("name")]:
                continue  # "Sexe : M<tab>EC25061000125": a table's next cell, not a name after "M."
            end = match.end("name")
            if not text[match.start("name")].islower():
                # "MR DUPOND jean claude": known first names in lower case after the surname
                # anchored match, word by word: a search would rescan the rest of the note each time
                while (word := self._following_word.match(text, end)) and self.lexicon.is_first_name(word.group(1)):
                    end = word.end()
            found = self._finding(text, match.start("name"), end, 0.9, "title", after_title=True)
            if found:
                yield found
                if _PLURAL_TITLE.search(text, match.start(), match.start("name")):
                    yield from self._listed_after_plural_title(text, found.end)
                surname = _SURNAME_ON_NEXT_LINE.match(text, found.end)
                if (
                    surname
                    and self.lexicon.is_first_name(text[found.start : found.end])
                    and not self.lexicon.is_not_name(word := surname.group("surname"))
                    # (capitalised, a known surname or no French word: not "Cardiologue.")
                    and (word.isupper() or self.lexicon.is_last_name(word) or not is_french_word(fold(word)))
                ):
                    # "Docteur Nathalie\nBENSIMON-TORRES": the surname wrapped to the next line
                    yield Finding(surname.start("surname"), surname.end("surname"), "PERSON", 0.9, "person.title")

    def _listed_after_plural_title(self, text: str, end: int) -> Iterator[Finding]:
        """"Drs Martin, Dubois et Lefèvre": the names listed after a plural title (at most eight)."""
        for _ in range(8):
            listed = _NEXT_LISTED_NAME.match(text, end)
            if not listed or self.lexicon.is_not_name(listed.group("name")):
                return
            end = listed.end()
            yield Finding(listed.start("name"), end, "PERSON", 0.85, "person.title")

    def _by_initial(self, text: str) -> Iterator[Finding]:
        """"R. Chevallier", "S. VIAL": initials then a surname that is a known name, in capitals or
        no word of French ("P.-A. Delepierre"); any surname after a particle ("B. de Vasselot"),
        a surname no dictionary knows after a particle in capitals ("T. Le Naour")."""
        for match in self._initial_and_surname.finditer(text):
            if match.group().startswith("M. "):
                continue  # "M. Dupont" is Monsieur: the title rule's business
            surname = match.group("surname")
            if _ZONE.search(text, max(0, match.start() - 4), match.end()):
                continue  # "Z.I. de Jarry": a zone
            if _UNIT_BEFORE.search(text, max(0, match.start() - 2), match.start()):
                continue  # "créatinine 92 µmol/L. Transmis", "T 38,9 °C. Glasgow": a unit, then a sentence
            if match.group("capital_particle") and not self._may_be_surname(surname):
                continue  # "hépatite B. Le Traitement": a sentence after an initial-like letter
            if surname.isupper() and opens_a_section(text, match.start()) and is_french_word(fold(surname)):
                continue  # "D. VICTIME", "A. IDENTITÉ DE L'UNITÉ": a section's letter and heading
            known = surname.isupper() or match.group("particle") or self.lexicon.is_known_name(surname) or (
                # an unknown word, unless the initial closes the name before it: a reference list's
                # "Delport E. Fluid management"
                self._may_be_surname(surname) and not _NAME_JUST_BEFORE.search(text, max(0, match.start() - 30), match.start())
            )
            if known and not self.lexicon.is_not_name(surname):
                yield Finding(match.start(), match.end(), "PERSON", 0.8, "person.initial")

    def _may_be_surname(self, word: str) -> bool:
        """A word no dictionary knows, or a known surname, by its first part if hyphenated
        ("Delacroix-Saint-Just"); "E. Coli" fails here (a common word), "H. Pylori" at the
        caller's `is_not_name` (a species)."""
        first = re.split(r"[\-'’]", word)[0] if "-" in word else word
        return self.lexicon.is_last_name(first) or is_unknown_word(first, min_length=4)

    def _by_introducer(self, text: str) -> Iterator[Finding]:
        for match in self._introducer.finditer(text):
            found = self._finding(text, match.start("name"), match.end("name"), 0.8, "introducer")
            if found:
                yield found

    def _by_label(self, text: str) -> Iterator[Finding]:
        for match in chain(self._label.finditer(text), self._form_field.finditer(text)):
            rest_start = match.start("rest")
            # after "Prénom", a first name that is also a town is the first name ("Germaine")
            may_be_town = not _FIRST_NAME_LABEL.match(match.group())
            for item in re.finditer(r"[^,;/&+()]+", match.group("rest")):
                piece = item.group()
                stripped = piece.strip()
                inner = self._list_item.match(stripped)
                if not inner or (may_be_town and self.towns.is_town(stripped)) or stripped.casefold() in self._countries:
                    continue
                if _ADDRESSEE_LABEL.match(match.group()) and self._only_common_words(inner.group("name")):
                    continue  # "Destinataire : Maternité de type III", "Copie à : Cellule de recueil ..."
                start = rest_start + item.start() + (len(piece) - len(piece.lstrip())) + inner.start("name")
                found = self._finding(text, start, start + len(inner.group("name")), 0.85, "label")
                if found and not (may_be_town and self.towns.is_town(text[found.start : found.end])):
                    yield found

    def _only_common_words(self, span: str) -> bool:
        """A service's name or acronym, not a person's: "Maternité de type III", "(CRIP)"."""
        words = re.findall(r"[\w'’\-]+", span)
        if len(words) == 1 and words[0].isupper() and len(words[0]) <= 5 and not self.lexicon.is_known_name(words[0]):
            return True  # the service's acronym after its name: "(CRIP)"
        return bool(words) and not any(self.lexicon.is_known_name(w) for w in words) and all(
            fold(w) in common_word_keys() or is_french_word(fold(w)) or w.casefold() in FRENCH_STOP_WORDS for w in words
        )

    def _by_relation(self, text: str) -> Iterator[Finding]:
        for match in self._relation.finditer(text):
            if _THREADS.search(text, max(0, match.start() - 5), match.end()) and not self._has_known_name(match.group("name")):
                continue  # "fils de DIU", "aux fils Vicryl": threads, not sons
            if _CELL_GAP.search(text, match.start(), match.start("name")):
                continue  # "Patient            Ville de résidence": a table's header cells
            relation_word = text[match.start() : match.start("name")].strip(" ,:(")
            name = match.group("name")
            if len(relation_word) > 3 and relation_word.isupper() and not self._has_known_name(name) and "." not in name:
                continue  # a heading in capitals ("PATIENT DIABETIQUE", "SAGE-FEMME LIBERALE"), not initials
            if _NUMBER_LABEL_BEFORE.search(text, max(0, match.start() - 15), match.start()):
                continue  # "N° patient HUG : 0008...", "N° de patient Saint-Luc": whose number, not a person
            if (particle := re.match(r"(?:de|d['’])[ \t]*", name)) and self._is_town_not_first_name(name[particle.end() :]):
                continue  # "leur voisin de Loudéac", "un ami de Lyon": where they come from (not "fille de Gilles")
            # a relation word just before outranks a town's reading ("sa femme (Rosa, décédée)")
            found = self._finding(text, match.start("name"), match.end("name"), 0.85, "relation")
            if found:
                yield found

    def _is_town_not_first_name(self, name: str) -> bool:
        return self.towns.is_town(name) and not self.lexicon.is_distinct_first_name(name)

    def _by_married_name(self, text: str) -> Iterator[Finding]:
        for match in self._before_married_name.finditer(text):
            name = match.group("name")
            if name.casefold() in FRENCH_STOP_WORDS or self.lexicon.is_not_name(name) or self.towns.is_town(name):
                continue  # "Patiente née LE 12", "à Lyon née ...": a word, a town
            found = self._finding(text, match.start("name"), match.end("name"), 0.85, "married_name")
            if found:
                yield found

    def _has_known_name(self, span: str) -> bool:
        return any(self.lexicon.is_known_name(word) for word in re.findall(r"[\w'’\-]+", span))

    def _by_known_first_name(self, text: str) -> Iterator[Finding]:
        lex = self.lexicon
        for pattern, score, rule in (
            (self._parenthesised, 0.75, "parenthesised"),
            (self._with_age, 0.8, "with_age"),
            (self._alone_on_line, 0.7, "alone_on_line"),
        ):
            for match in pattern.finditer(text):
                first = match.group("name").split()[0]
                if lex.is_distinct_first_name(first):
                    found = self._finding(text, match.start("name"), match.end("name"), score, rule)
                    if found:
                        yield found
        for match in self._first_particle_surname.finditer(text):
            surname = match.group("surname")
            if _NAMED_AFTER.search(text, max(0, match.start() - 25), match.start()):
                continue  # "Lycée Évariste de Parny", "rue Gabriel de Lesseps": named after someone
            if (
                lex.is_distinct_first_name(match.group("first"))
                and self._may_be_surname(surname)
                and not lex.is_not_name(surname)
                and not self.towns.is_town(surname)
            ):
                yield Finding(match.start(), match.end(), "PERSON", 0.8, "person.first_particle_surname")

    def _by_own_initials(self, text: str) -> Iterator[Finding]:
        for match in self._with_own_initials.finditer(text):
            name, initials = match.group("name"), match.group("initials")
            words = name.split()
            each_word = initials == "".join(w[0] for w in words)
            # a first name alone and two letters (its surname's initial unknown), or each word's
            # initial; not a role ("Aïcha (AS)", "Dr Malik Ouedraogo (MT)", "Dimitri Lefèvre (DEA)"),
            # unless a first name and a surname spell it ("Aurélien SCHMITT (AS)", a legend under
            # a chart whose cells hold "AS")
            spelled_by_full_name = each_word and len(words) == 2 and self.lexicon.is_first_name(words[0])
            if (each_word or (len(words) == 1 and len(initials) == 2 and initials[0] == name[0])) and (
                (self.lexicon.is_distinct_first_name(words[0]) and not self.lexicon.is_not_name(initials)) or spelled_by_full_name
            ):
                found = self._finding(text, match.start("name"), match.end("name"), 0.8, "with_initials")
                if found:
                    yield found
                    yield Finding(match.start("initials"), match.end("initials"), "PERSON", 0.8, _OWN_INITIALS)

    def _by_case_patterns(self, text: str) -> Iterator[Finding]:
        lex = self.lexicon
        for match in self._name_pair.finditer(text, overlapped=True):
            tokens = [match.group(g) for g in ("a", "b", "c") if match.group(g)]
            # (a particle in capitals before a third word is a surname's: "Maïwenn LE GOFF")
            particle_before_surname = len(tokens) == 3 and tokens[1] in _CAPITAL_PARTICLES
            if any(
                lex.is_not_name(t) or _ROMAN.fullmatch(t) or (t.isupper() and fold(t) in _STOP_WORDS and not (index == 1 and particle_before_surname))
                for index, t in enumerate(tokens[:2])
            ) and not self._named_before_role(text, match, tokens):
                continue  # "Classe III Lucas": a numeral, not a surname
            a, b = tokens[0], tokens[1]
            end = match.end("b")
            if _CELL_GAP.search(text, match.start("a"), end):
                continue  # "BRIDOUX Jean        Rue (80120)": two cells of a table, no pair
            if len(tokens) == 3 and not lex.is_not_name(tokens[2]) and (
                tokens[2].isupper()
                or lex.is_known_name(tokens[2])
                or b in _CAPITAL_PARTICLES
                # "MOHAMED SAÏD Nailah": a double surname in capitals, then the first name
                or (a.isupper() and b.isupper() and tokens[2].istitle() and fold(tokens[2]) not in common_word_keys())
            ):
                end = match.end("c")  # "Sandrine Le Bris": a particle and the surname after it
            if a.isupper() != b.isupper():
                # "MARCHAND Sylvie" / "Sylvie MARCHAND": the capitalised one is a first name
                if lex.is_first_name(b if a.isupper() else a):
                    yield Finding(match.start("a"), end, "PERSON", 0.85, "person.upper_first")
            elif a.isupper():
                # "DUPONT JEAN": one of them a known first name
                if (lex.is_first_name(a) or lex.is_first_name(b)) and len(a) > 2 and len(b) > 2:
                    yield Finding(match.start("a"), end, "PERSON", 0.7, "person.upper_first")
            elif lex.is_first_name(a) and not self._opens_sentence_as_word(text, match.start("a"), a):
                if not self._is_eponym(text, match.start("a")) and not self.towns.is_town(f"{a} {b}"):
                    yield Finding(match.start("a"), end, "PERSON", 0.75, "person.first_capitalised")

    def _named_before_role(self, text: str, match: re.Match[str], tokens: list[str]) -> bool:
        """A known first name, a surname in capitals and a role in brackets: "Océane MAS
        (enseignante APA)" names someone even where the surname is also a word or an acronym."""
        return (
            len(tokens) == 2
            and not tokens[0].isupper()  # "SANS INJECTION (faible dose)"
            and tokens[1].isupper()
            and len(tokens[1]) > 1
            and self.lexicon.is_distinct_first_name(tokens[0])
            and bool(_ROLE_IN_BRACKETS_AFTER.match(text, match.end("b")))
        )

    def _opens_sentence_as_word(self, text: str, start: int, word: str) -> bool:
        before = text[max(0, start - 3) : start].strip()
        return (not before or before[-1] in ".!?:\n") and fold(word) in self.lexicon.common_word_first_names

    def _by_upper_surname(self, text: str) -> Iterator[Finding]:
        lex = self.lexicon
        for match in self._all_caps_word.finditer(text):
            word = match.group()
            # short capitals alone are acronyms as often as surnames ("LAM", "DIU"): other rules
            # find "Mme LAM" or "LAM Thi"
            if _HEADING_PHRASE_AFTER.match(text, match.end()):
                continue  # "BUREAU DES ENTREES": a heading whose first word is also a surname
            if len(word) >= 5 and lex.is_last_name(word) and not lex.is_not_name(word) and not self.towns.is_town(word):
                yield Finding(match.start(), match.end(), "PERSON", 0.6, "person.upper_surname")
            elif (initial := _INITIAL_ENDING_A_FIELD.match(text, match.end())) and len(word) >= 3 and not lex.is_not_name(word):
                # "- TUILAGI S. - 08/03/2000": a surname no list knows, then an initial closing the field
                if self._may_be_surname(word) and not self.towns.is_town(word):
                    yield Finding(match.start(), initial.end(), "PERSON", 0.7, "person.upper_surname")

    def _propagate(self, text: str, found: list[Finding]) -> Iterator[Finding]:
        forms: set[str] = set()
        logins: set[str] = set()
        for finding in found:
            if finding.detector == "person.ner" and len(text[finding.start : finding.end].split()) > 3:
                continue  # a long model span is too weak a witness to spread its words
            words = [t for t in self._name_word.findall(text[finding.start : finding.end]) if not self.lexicon.is_not_name(t)]
            forms.update(fold(token) for token in words if len(token) >= 3)
            logins.update(_logins(words))
        if not forms:
            return
        for match in _LOGIN_TOKEN.finditer(text) if logins else ():
            if match.group("login").replace("-", "") in logins:
                yield Finding(match.start(), match.end(), "PERSON", 0.75, "person.login")
        for match in self._name_word.finditer(text):
            if fold(match.group()) in forms and not self._is_eponym(text, match.start()):
                yield Finding(match.start(), match.end(), "PERSON", 0.7, "person.propagated")
        for match in self._name_in_file_name.finditer(text) if "_" in text else ():
            if fold(match.group()) in forms:
                yield Finding(match.start(), match.end(), "PERSON", 0.7, "person.propagated")

    def find(self, text: str, doc: Doc) -> Iterable[Finding]:
        found = [
            *self._by_title(text),
            *self._by_initial(text),
            *self._by_introducer(text),
            *self._by_label(text),
            *self._by_relation(text),
            *self._by_married_name(text),
            *self._cues.find(text),
            *self._by_known_first_name(text),
            *self._by_own_initials(text),
            *self._by_case_patterns(text),
            *self._by_upper_surname(text),
            *dotted_initials(text, self.lexicon),
            *(Finding(m.start(), m.end(), "PERSON", 0.6, "person.han_script") for m in _HAN_NAME.finditer(text)),
            *self._model.find(text, doc),
        ]
        found = [
            self._extent.widen(text, _with_particles_before(text, self._with_initials_after(text, finding))) for finding in found
        ]
        found = [finding for finding in found if not _names_no_one(text, finding)]
        defined = {i for i in initials_defined(text, found) if not self.lexicon.is_not_name(i)}  # not a role: "AS = Aïcha"
        defined |= {text[f.start : f.end] for f in found if f.detector == _OWN_INITIALS}
        initials = initials_used(text, defined)
        named_m = m_initial_of_named(text, found)
        # a name found again takes its own initial too ("Dr Anne-Claire Walter ... A-C Walter")
        propagated = [self._extent.widen(text, finding) for finding in self._propagate(text, found)]
        return found + list(_across_marriage_words(text, found)) + propagated + list(initials) + list(named_m)

    @staticmethod
    def _with_initials_after(text: str, finding: Finding) -> Finding:
        """A surname's span takes the initials written after it ("DJEBBAR S.", "PETITJEAN M" in a
        table's cell)."""
        last_word = text[finding.start : finding.end].split()[-1:]
        if not last_word or not last_word[0][:1].isupper() or "." in last_word[0]:
            return finding
        initials = _INITIALS_AFTER_SURNAME.match(text, finding.end)
        if not initials or ("." not in initials.group() and not last_word[0].isupper()):
            return finding  # a capital without its dot follows a surname in capitals only
        return Finding(finding.start, initials.end(), finding.category, finding.score, finding.detector)


# a marriage word, or the Catalan and Spanish "and" of a double surname ("PUIGVERT i FERRER",
# "García y López")
# a particle between a first name and a surname both read as names: "Bérengère de Castelnau-Bazas"
_PARTICLE_BETWEEN = re.compile(r"[ \t]+(?:de[ \t]+la|de|du|des|d['’]|van|von|da|di|del|dos)(?:[ \t]+|(?<=['’]))")
_MARRIAGE_WORD_BETWEEN = re.compile(r"[ \t]+(?:(?i:ép\.|ep\.|épouse|epouse|veuve|vve|née|nee|divorcée|divorcee)|i|y)[ \t]+")



# a user's login in lower case, a digit or two after it: "ytrouillet", "mirigoyen", "j.leclerc2"
_LOGIN_TOKEN = re.compile(r"(?<![\w.@/\-])(?P<login>[a-z][a-z.\-]{3,30}?)\d{0,3}(?![\w@]|\.\w)")


def _logins(words: list[str]) -> set[str]:
    """The logins a name makes, its first name's initial or whole with its surname: "Yohann
    TROUILLET" -> "ytrouillet", "trouillety", "yohann.trouillet", "y.trouillet"."""
    folded = [fold(w).replace("-", "").replace("'", "") for w in words if len(w) >= 2]
    logins = set()
    for first in folded:
        for last in folded:
            if first != last and len(last) >= 4:
                logins.update({first[0] + last, last + first[0], f"{first}.{last}", f"{first[0]}.{last}"})
    return logins


def _across_marriage_words(text: str, found: list[Finding]) -> Iterator[Finding]:
    """"MEUNIER née PETIT Françoise", "ROSSI épouse MARTINEZ Gabriella", "Jordi PUIGVERT i
    FERRER", "Bérengère de Castelnau-Bazas": one person's names on both sides of a marriage word,
    of a double surname's "i" or of a particle are one span (the word between them is part of
    the name)."""
    starts = {finding.start: finding for finding in found}
    for before in found:
        for between_words, rule in ((_MARRIAGE_WORD_BETWEEN, "person.married_name"), (_PARTICLE_BETWEEN, "person.with_particle")):
            between = between_words.match(text, before.end)
            after = starts.get(between.end()) if between else None
            if after is not None:
                yield Finding(before.start, after.end, "PERSON", min(before.score, after.score), rule)


# what name rules may take for a name and is none: a particle and a title or a generation's numeral
# ("père de M.", "sœur de II.2" in a pedigree; one letter may be an initial, "Mme V."), a
# function after "Monsieur le" ("Monsieur le Médecin-Conseil", "Madame la Directrice"; "Monsieur
# Le Goff" writes its particle in capitals)
_TITLE_OR_NUMERAL = re.compile(r"(?:(?:de|du|des|d['’])[ \t]*)?(?:M|MM|Mme|Mlle|Mr|Dr|Pr|[IVX]{2,4})\.?")
_FUNCTION_AFTER_TITLE = re.compile(r"(?:le|la)[ \t]+\p{Lu}")
_TITLE_BEFORE = re.compile(r"(?:Monsieur|Madame|M\.|Mme)[ \t]+$")


def _names_no_one(text: str, finding: Finding) -> bool:
    span = text[finding.start : finding.end]
    return bool(
        _TITLE_OR_NUMERAL.fullmatch(span)
        or (_FUNCTION_AFTER_TITLE.match(span) and _TITLE_BEFORE.search(text, max(0, finding.start - 10), finding.start))
    )


def _with_particles_before(text: str, finding: Finding) -> Finding:
    """A surname in capitals takes the particles in capitals just before it, which no pair of
    name words holds ("DA SILVA FERREIRA Ana", "LE MOAL Yvette" in a table row); not after a
    word ("COMPTE RENDU DE DUPONT Marie": a heading's preposition). A capitalised name opening
    a cell or a line, in two words or more, takes a particle before it ("de Vasselot Bertrand",
    "Le Guen Isabelle", "de VILLENEUVE Grégoire"; not "de Calvi", a town the name rules misread)."""
    first_word = text[finding.start : finding.end].split(maxsplit=1)[:1]
    if not first_word or len(first_word[0]) < 2:
        return finding
    several_words = " " in text[finding.start : finding.end].strip()
    if first_word[0].isupper():
        particles = _UPPER_PARTICLES_BEFORE.search(text, max(0, finding.start - 12), finding.start)
        if not particles and several_words:  # "de VILLENEUVE Grégoire" opening a table's cell
            particles = _PARTICLES_OPENING_A_CELL.search(text, max(0, finding.start - 8), finding.start)
    elif first_word[0][:1].isupper() and several_words:
        particles = _PARTICLES_OPENING_A_CELL.search(text, max(0, finding.start - 8), finding.start)
    else:
        return finding
    if not particles:
        return finding
    return Finding(particles.start(), finding.end, finding.category, finding.score, finding.detector)
