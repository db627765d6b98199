"""PERSON: the spaCy NER's person entities, cut where the name ends and dropped where they name
no one (a heading, a drug, a code, a place), for `PersonRules` (rule `person.ner`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator

import regex as re
from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import NameLexicon, countries, fold
from redactor.recognizers.identifiers.patterns import (
    CELL_GAP,
    NAME_PARTICLE_ANY_CASE,
    alternation,
    line_end_within,
    line_start_within,
)
from redactor.recognizers.vouched.folding import common_word_keys, is_french_word

_ONE_INITIAL = re.compile(r"\p{Lu}\.")
# a dash between spaces separates a running line's fields: "Kerpape - TALEC Jacqueline" is two
_SPACED_DASH = re.compile(r"[ \t]+[\-–][ \t]+")
_INITIALS_ALONE = re.compile(r"(?:\p{Lu}\.[ ]?){2,4}")
_CELL_GAP = re.compile(CELL_GAP)
# the first part of a hyphenated double name, glued before a name span, and a part glued after it
_COMPOUND_PART_BEFORE = re.compile(r"(?<![\w\-])\p{Lu}(?:\p{Ll}+|\p{Lu}+)(?:['’]\p{L}+)?-$")
_COMPOUND_PART_AFTER = re.compile(r"-\p{Lu}(?:\p{Ll}+|\p{Lu}+)(?![\w\-])")
# endings of drug, test and disease names (INN stems and medical suffixes), seen in NER false
# positives on real case reports: "Ethambutol", "Ionogramme", "Ceftriaxone", "Piracetam"
_CLINICAL_SUFFIX = re.compile(
    r"(?i:(?:ol|ine|ide|one|ate|am|ium|mab|nib|pril|sartan|azole|cilline|mycine|cycline|floxacine|statine|"
    r"prazole|dipine|parine|tide|vir|gliptine|gramme|graphie|scopie|ose|émie|emie|ite|ome|pathie|algie|"
    r"ectomie|otomie|plastie|thérapie|therapie|ase|ène|ene|ique|isme|ie|us|um|yl|ae)$)"
)
# endings of French nouns and adjectives that few surnames share
_FRENCH_INFLECTION = re.compile(r"(?:ees?|iques?|tions?|ments?|eux|euses?|ales|aux|ives?|ances?|ences?|ologies?)$")
# a section's letter before a heading in capitals ("D. VICTIME")
_SECTION_LETTER = re.compile(r"[A-H]\.[ ]\p{Lu}")
_WORD_SEPARATORS = re.compile(r"[\s\-'’]+")
_PLACE_WORDS = r"saint|sainte|st|ste|parc|résidence|residence|domaine|hameau|lieu-dit|quartier|cité|cite|clos|bourg|village|commune"
# "à Cacao", "Bourg de Cacao": a place, whatever the dictionary says of its words
_PLACE_BEFORE = re.compile(rf"(?<![\w])(?i:à|a|au|aux|en|vers|(?:{_PLACE_WORDS})[ \t]+(?:de|du|des|d['’]))[ \t]*$")
_PLACE_WORD = re.compile(rf"(?i:\b(?:{_PLACE_WORDS})\b)")
# a facility's word on the same line, near: the words may be part of its name ("CHANGE - Centre
# hospitalier Annecy Genevois", "Clinique du Parc - Ambulatoire")
_FACILITY_WORD = re.compile(
    r"(?i:(?<![\w])(?:CHU|CHR|CHI|CHS|CH|GHU|GHT|GH|centre|clinique|polyclinique|hôpital|hopital|institut|EHPAD|SSR|fondation))(?![\w])"
)
_WORDS = re.compile(r"[\w'’]+")
_CODE = re.compile(r"[\p{Lu}\d]+(?:-[\p{Lu}\d]+)+|\p{Lu}+\d+\p{Lu}*")
_NAME_PART_SEPARATORS = re.compile(r"[\-'’]")
_MAX_NAME_WORDS = 5
_DOT_LEADER = re.compile(r"\.{4,}|\.{3}[ \t]*:")  # not an ellipsis after an initial ("R... Nathalie")
_LOWER_COMPOUND_AFTER = re.compile(r"-[a-zàâäçéèêëîïôöùûüÿœ]")
_NAME_AFTER_INITIAL = re.compile(r"[ \t]*(?:\p{Lu}\.|\p{Lu}\p{Ll}+|\p{Lu}{2,})")
# a dose or a form right after the span: a drug on a prescription's line ("Spiolto Respimat 2,5/2,5
# µg", "Voltarène Emulgel : 1 application"), no one
_DOSE_AFTER = re.compile(
    r"[ \t]*(?::[ \t]*)?\d+(?:[,.]\d+)?(?:[ \t]*/[ \t]*\d+(?:[,.]\d+)?)?[ \t]*"
    r"(?i:mg|µg|ug|mcg|g|ml|ui|%|mmol|gouttes?|gttes?|cp|cps|comprimés?|gélules?|sachets?|bouffées?|inhalations?|"
    r"applications?|doses?|puffs?|ampoules?|flacons?|patchs?|suppositoires?|ovules?|cuillères?|unités?)(?![\w])"
)
# a dose's unit per time written with a slash ("IPP 40mg/J.", "2 cp/J"), no one
_PER_UNIT_BEFORE = re.compile(r"\d[ \t]*\p{L}{0,4}[ \t]*/[ \t]*$")
# the model's span goes on into the sentence: "Mme M D était hospitalisée", "Monsieur B s'est"
_SENTENCE_AFTER_NAME = re.compile(r"[ \t]+(?:\p{Ll}[\p{Ll}\-]*(?:['’]|(?=[ \t\n,.;:]|$))|\p{L}['’])")


# `PersonRules._finding`: trims a candidate span and drops eponyms
SpanFinding = Callable[..., "Finding | None"]


class ModelPersons:
    """The NER's person entities, read with the name rules' lexicon, title and trimming."""

    def __init__(self, lexicon: NameLexicon, title: re.Pattern, finding: SpanFinding):
        self.lexicon = lexicon
        self._title = title
        self._finding = finding
        self._countries = countries()
        self._title_just_before = re.compile(rf"(?<![\w.])(?:{alternation(lexicon.titles)})\.?[ \t]*$", re.IGNORECASE)

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for entity in doc.ents:
            if entity.label_ not in ("PER", "PERSON"):
                continue
            pieces = list(_between_spaced_dashes(text, entity.start_char, entity.end_char))
            for start, end in pieces:
                if len(pieces) > 1 and not self._holds_a_known_name(text[start:end]):
                    continue  # "RSS GROUPÉS - PÉRIODE", "Ortho" in "PC Ste-Marthe - Ortho": fields, not names
                yield from self._reading(text, start, self._name_part_end(text, start, end))

    def _holds_a_known_name(self, span: str) -> bool:
        """A known first name or surname, or initials alone ("R.T.")."""
        return bool(_INITIALS_ALONE.fullmatch(span.strip())) or any(
            self.lexicon.is_known_name(word) for word in _WORD_SEPARATORS.split(span) if len(word) > 1
        )

    def _reading(self, text: str, start: int, end: int) -> Iterator[Finding]:
        """The model's span [start, end), cut where the name ends; nothing where it names no one."""
        if gap := _CELL_GAP.search(text, start, end):
            end = gap.start()  # "AUBAGNE       Code postal": a table's next cell is no name
        if leader := _DOT_LEADER.search(text, start, end):
            end = leader.start()  # "SEXE.........: M": a form's label and its dot leader
        if _LOWER_COMPOUND_AFTER.match(text, end):
            return  # "Sage-femme": the model cut a compound word at its hyphen
        if _PER_UNIT_BEFORE.search(text, max(0, start - 12), start):
            return
        if end <= start or len(text[start:end].split()) > _MAX_NAME_WORDS:
            return  # a run of words the model took for one name is a list or a title, not a name
        title = self._title.match(text, start)
        if title and title.start("name") < end:
            start = title.start("name")  # the model swallowed the title ("Mme Dupont")
        found = self._finding(text, start, end, 0.8, "ner")
        if not found or self._lone_unknown_word(text, found, after_title=bool(title)):
            return
        span = text[found.start : found.end]
        if (_DOSE_AFTER.match(text, found.end) and not title) or self._is_drug_or_place_run(span):
            return
        if self.lexicon.is_dotted_abbreviation(span):
            return  # "P.A. normale", "masseur-kinésithérapeute D.E.": an abbreviation's dots
        if self._ordinary_words(text, found.start, span, title):
            return
        glued_before = text[found.start - 1 : found.start] == "-"
        before = _COMPOUND_PART_BEFORE.search(text, max(0, found.start - 30), found.start)
        if (glued_before and not before) or (
            text[found.end : found.end + 1] == "-" and not _COMPOUND_PART_AFTER.match(text, found.end)
        ):
            return  # "DTCaP-Hib-HepB": a part of a code, not a name
        if before:
            found = replace(found, start=before.start())  # "Faure-Amrani": one part of a double name
        yield found

    def _name_part_end(self, text: str, start: int, end: int) -> int:
        """End of the name part of a model span: before the first lower-case word or elided word
        ("s'", "n'") that follows a name token, particles and known names ("m. yves perrin")
        excepted."""
        for match in _SENTENCE_AFTER_NAME.finditer(text, start, end):
            word = match.group().strip()
            bare = word.rstrip("'’")
            if not NAME_PARTICLE_ANY_CASE.fullmatch(bare) and not self.lexicon.is_known_name(bare):
                return match.start()
        return end

    def _ordinary_words(self, text: str, start: int, span: str, title: object) -> bool:
        """A model span made only of ordinary words of clinical French, none a known name, with no
        title before it: a heading or a capitalised phrase ("GAZOMÉTRIE ARTÉRIELLE", "Directives",
        "SANS RAPPORT"), not a person."""
        if title or self._title_before(text, start):
            return False
        words = [w for w in _WORD_SEPARATORS.split(span) if len(w) > 1]
        if opens_a_section(text, start) and span[3:].isupper():
            words = words[1:]  # "D. VICTIME", "E. MOYENS ENGAGÉS": a section's letter and heading
        common = common_word_keys()
        if not words or any(self.lexicon.is_known_name(w) for w in words):
            return False
        # beside an ordinary word, an inflected French word is ordinary too ("CONSTATATIONS DETAILLEES")
        # "CONFIDENTIEL", "PARCOURS PROFESSIONNEL": administrative words a general dictionary
        # knows, unless the span may name a place ("à Cacao", "Sainte-Musse", "Parc des Glaïeuls")
        if all(fold(w) in common or is_french_word(fold(w)) for w in words) and not (
            _PLACE_BEFORE.search(text, max(0, start - 20), start) or _PLACE_WORD.search(span) or self._facility_near(text, start, start + len(span))
        ):
            return True
        return all(fold(w) in common for w in words) or (
            any(fold(w) in common for w in words)
            and all(fold(w) in common or _FRENCH_INFLECTION.search(fold(w)) for w in words)
        )

    @staticmethod
    def _facility_near(text: str, start: int, end: int) -> bool:
        return bool(_FACILITY_WORD.search(text, line_start_within(text, start, 30), line_end_within(text, end, 30)))

    def _is_drug_or_place_run(self, span: str) -> bool:
        """A model span made only of drug-shaped words or a country ("Benzathine
        Benzylpénicilline", "Rwanda") names no one."""
        if span.casefold() in self._countries or any(c.isdigit() for c in span):
            return True
        words = [w for w in _WORDS.findall(span) if len(w) > 2]
        return bool(words) and all(
            _CLINICAL_SUFFIX.search(w) and not self.lexicon.is_known_name(w) for w in words
        )

    def _lone_unknown_word(self, text: str, found: Finding, after_title: bool) -> bool:
        """A single word that no lexicon knows and no title introduces, shaped like a drug, a test
        or an acronym ("Ethambutol", "Ionogramme", "IRCT"): in real clinical text the NER alone
        is not enough for it. Unknown surnames ("Mazet", "TAKAHASHI") and initials stay."""
        span = text[found.start : found.end]
        if after_title or " " in span or self._title_before(text, found.start):
            return False
        if "." in span:  # initials alone: "N. meningitidis", "S. Aureus", "g/L." are no one; "H.K" is someone
            after = _NAME_AFTER_INITIAL.match(text, found.end)
            return bool(_ONE_INITIAL.fullmatch(span)) and not (after and not self.lexicon.is_not_name(after.group().strip()))
        if _CODE.fullmatch(span):
            return True  # "RT-PCR", "HER2": codes
        if any(self.lexicon.is_known_name(part) for part in _NAME_PART_SEPARATORS.split(span) if len(part) > 1):
            return False
        return (span.isupper() and len(span) <= 4) or len(span) >= 13 or bool(_CLINICAL_SUFFIX.search(span))

    def _title_before(self, text: str, start: int) -> bool:
        return bool(self._title_just_before.search(text[max(0, start - 12) : start]))


def _between_spaced_dashes(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The parts of [start, end) between dashes with spaces around them."""
    for dash in _SPACED_DASH.finditer(text, start, end):
        yield start, dash.start()
        start = dash.end()
    yield start, end


def opens_a_section(text: str, start: int) -> bool:
    """A section's letter opening its line at `start`, before a heading in capitals ("D. VICTIME",
    "A. IDENTITÉ DE L'UNITÉ"), not an initial."""
    return text[max(0, start - 1) : start] in ("", "\n") and bool(_SECTION_LETTER.match(text, start))
