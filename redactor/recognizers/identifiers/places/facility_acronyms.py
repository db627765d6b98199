"""A facility's own acronym or brand, and every place the note uses it: defined in brackets after
a facility's name ("Hôpitaux Universitaires de Genève (HUG)"), spelled by the initials of a name
that opens on an organisation's word ("Centre de radiothérapie et d'oncologie du Barrois
(CROB)"), owning a hospital's record number ("IPP ICML : 7103344"), or
heading a letterhead above the line that says what it is ("BIOLAB GARONNE\\nLaboratoire de
biologie médicale")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

import regex as re

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import TownLexicon, fold, name_lexicon
from redactor.recognizers.identifiers.places.shapes import TOWN_AFTER
from redactor.recognizers.identifiers.places.towns import TownRules
from redactor.recognizers.vouched.folding import common_word_keys, french_word_keys

_ACRONYM_IN_BRACKETS = re.compile(r"[ \t]*\([ \t]*(?P<acronym>\p{Lu}[\p{Lu}\d\-]{1,7})[ \t]*\)")
_ANY_ACRONYM_IN_BRACKETS = re.compile(r"\([ \t]*(?P<acronym>\p{Lu}[\p{Lu}\d]{2,7})[ \t]*\)")
# the words of a name, elisions apart ("d'oncologie" is "oncologie")
_NAME_WORD = re.compile(r"(?:[dlDL]['’])?(?P<word>[\w\-]+)")
# words an acronym skips
_SKIPPED = frozenset({"de", "du", "des", "la", "le", "les", "et", "pour", "en", "a", "au", "aux", "sur", "of", "and", "the"})
# the label of a record number, the acronym of the unit that owns it, then its colon
# (a hospital's own numbers: any organisation keeps a "dossier", "Réf. dossier UDAF : ...")
# (or its number right after it: "IPP IPC 270004418")
# ... and after any record's label, a hospital's acronym by its shape, CH or H and capitals: "N°
# CHC : 973-221806", "N° dossier HRS : HRS-0448217" (not a day hospital's, "N° HDJ : ..."; "Dossier
# CCM n° 26-04731" is not read)
_RECORD_OWNER = re.compile(
    r"(?i:\b(?:IPP|NIP|NDA|NDP|n°[ \t]*(?:de[ \t]+)?(?:patient|séjour|sejour)))[ \t]+"
    r"(?P<acronym>\p{Lu}[\p{Lu}\d]{2,7})[ \t]*(?:n°[ \t]*)?(?::|(?=[ \t]+\d))"
    r"|(?i:\b(?:n°|no)[ \t]*(?:de[ \t]+)?(?:dossier[ \t]+)?|\bdossier[ \t]+)(?P<acronym>(?!HDJ|HDS|HAD)C?H\p{Lu}{1,4})(?:[ \t]*n°)?[ \t]*:?[ \t]*(?=[\w\-]*\d)"
)
# labels and identifiers that may stand where an owner does ("Dossier IPP : ...")
_NOT_OWNERS = frozenset({"IPP", "NIP", "NDA", "NDP", "INS", "NIR", "RPPS", "ADELI", "FINESS", "SIRET", "AVS", "NISS", "CNS"})
# a letterhead's first line in capitals, and the line below that says what it names
_LETTERHEAD = re.compile(r"\A[ \t\n]*(?P<brand>\p{Lu}[\p{Lu}\d&'’\- ]{2,40}?)[ \t]*\n[ \t]*(?P<what>[\w'’]+)")
# ... or a line that opens on a brand, a dash, then what it is: "AMADIAL - Association
# Martiniquaise pour ...", "IM2R - SELARL de radiologues"
# (not a department before its hospital or prison: "DIM - Centre hospitalier de Blois", "USMP -
# CENTRE PÉNITENTIAIRE DE FRESNES")
_BRAND_THEN_WHAT = re.compile(
    r"(?m)^[ \t]*(?P<brand>\p{Lu}[\p{Lu}\d]{2,9})[ \t]+[\-–][ \t]+(?!(?i:centre[ \t]+(?:hospitalier|p[ée]nitentiaire)|h[ôo]pital|CHU?\b|groupe[ \t]+hospitalier|maison[ \t]+d))(?P<what>[\w'’]+)"
)


def facility_acronyms(
    text: str, facilities: list[Finding], town_rules: TownRules, generic: frozenset[str], openers: frozenset[str]
) -> Iterator[Finding]:
    """The acronyms and brands of the note's facilities (`facilities`: those found by name),
    wherever the note uses them, with a known town right after them; `generic` are kinds of
    facility ("CMP", "HAD"), `openers` the words an organisation's name opens on ("centre",
    "association")."""
    towns = town_rules.towns
    names: set[str] = set()
    for facility in facilities:
        if facility.category == "HOSPITAL" and (bracket := _ACRONYM_IN_BRACKETS.match(text, facility.end)):
            names.add(bracket.group("acronym"))
    for spelled in _spelled_out(text, openers):
        if _may_name_a_facility(spelled.acronym, towns, generic):  # not "Centre Médico-Psychologique (CMP)"
            names.add(spelled.acronym)
            yield Finding(spelled.start, spelled.end, "HOSPITAL", 0.88, "hospital.spelled_acronym")
    names.update(match.group("acronym") for match in _RECORD_OWNER.finditer(text))
    names.update(_letterhead_brand(text, openers))
    # not a town ("HÔPITAL HENRI-MONDOR (CRETEIL)"), a word, a label, nor a kind of facility
    # ("Fondation Santé Service (HAD)": "HAD" elsewhere is any home-care service)
    for name in {n for n in names if _may_name_a_facility(n, towns, generic)}:
        for use in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text, flags=re.IGNORECASE if " " in name else 0):
            yield Finding(use.start(), use.end(), "HOSPITAL", 0.9, "hospital.defined_acronym")
            # and the town of one of its sites after it: "AMADIAL Rivière-Salée - ..."
            after = TOWN_AFTER.match(text, use.end())
            if after and town_rules.known_town_length(after.group("town"), 1) == len(after.group("town")):
                yield Finding(after.start("town"), after.end("town"), "CITY", 0.85, "city.after_facility")


def _may_name_a_facility(name: str, towns: TownLexicon, generic: frozenset[str]) -> bool:
    return not towns.is_town(name) and fold(name) not in common_word_keys() and name not in generic and name not in _NOT_OWNERS


@dataclass(frozen=True)
class _Spelled:
    start: int
    end: int
    acronym: str


def _spelled_out(text: str, openers: frozenset[str]) -> Iterator[_Spelled]:
    """Names on the bracket's line whose words' initials spell the acronym in it, opening on an
    organisation's word in capitals: "Centre de radiothérapie et d'oncologie du Barrois (CROB)"."""
    for bracket in _ANY_ACRONYM_IN_BRACKETS.finditer(text):
        acronym = bracket.group("acronym")
        line_start = text.rfind("\n", 0, bracket.start()) + 1
        words = list(_NAME_WORD.finditer(text, max(line_start, bracket.start() - 160), bracket.start()))
        spelled = ""
        for index in range(len(words) - 1, -1, -1):
            word = words[index].group("word")
            if fold(word) in _SKIPPED:
                continue
            spelled = _initials(word) + spelled
            if len(spelled) > len(acronym) + 2:
                break
            # (a name, capitalised: "clinique universitaire de gynécologie (CUGO)" is a department)
            if word[:1].isupper() and fold(word) in openers and _spell(words[index:], acronym):
                end = bracket.start()
                while end > words[index].start() and text[end - 1] in " \t":
                    end -= 1
                yield _Spelled(words[index].start("word"), end, acronym)  # without an elision: "l'Institut"
                break


def _initials(word: str) -> str:
    return "".join(part[:1].upper() for part in word.split("-") if part)


def _spell(words: Iterable[re.Match], acronym: str) -> bool:
    """Whether the words' initials spell the acronym, hyphenated words read as one word or as
    their parts."""
    kept = [m.group("word") for m in words if fold(m.group("word")) not in _SKIPPED]
    return acronym in ("".join(_initials(w) for w in kept), "".join(w[:1].upper() for w in kept))


def _letterhead_brand(text: str, openers: frozenset[str]) -> Iterator[str]:
    """A letterhead's first line in capitals above a line opening on an organisation's word
    ("BIOLAB GARONNE", "ARDIAL"; not "COMPTE RENDU"), or a brand a dash joins to that word."""
    for match in (_LETTERHEAD.match(text), *_BRAND_THEN_WHAT.finditer(text)):
        if not match or fold(match.group("what")) not in openers:
            continue
        brand = match.group("brand").strip(" -")
        if match.re is _BRAND_THEN_WHAT and _spells_a_kind(text, match, brand):
            continue
        words = re.findall(r"[\w'’]+", brand)
        # a name of one to three words opening on one no dictionary knows: a heading ("COMPTE
        # RENDU D'HOSPITALISATION", "SAMU 974 - FICHE DE RÉGULATION") opens on a word
        if 0 < len(words) <= 3 and " - " not in brand and (match.re is _BRAND_THEN_WHAT or not any(c.isdigit() for c in brand)):
            first = words[0]
            if fold(first) not in french_word_keys() and fold(first) not in common_word_keys() and len(first) > 2:
                if not name_lexicon().is_not_name(first):  # "IRM - Centre de Dax", "SAMU - Centre 15"
                    yield brand


def _spells_a_kind(text: str, match: re.Match, brand: str) -> bool:
    """"CPDPN - Centre pluridisciplinaire de diagnostic prénatal": the brand is the acronym of a
    kind of centre, its words in lower case after the first."""
    line_end = text.find("\n", match.start("what"))
    words = list(_NAME_WORD.finditer(text, match.start("what"), line_end if line_end >= 0 else len(text)))
    for end in range(1, len(words) + 1):
        if _spell(words[:end], brand):
            return all(not w.group("word")[:1].isupper() for w in words[1:end])
    return False
