"""HOSPITAL: a facility's own name, found once with its kind ("EHPAD Les Vergers du Léman",
"Hôpital Cochin", "IUCT Oncopole"), wherever the note uses it alone again ("retour aux
Vergers du Léman", "transfert à Cochin", "suivi à l'IUCT"); and a bare acronym that any reading,
the NER's too, took for a facility ("héliporté au CHC").

The name is what the facility's reading holds after its kind words: from its first
capitalised word of its own (not a kind of facility, not a stop word, not a common word) to
its end, as written, in capitals, or capitalised if written in capitals ("CLINIQUE MARZET":
"Marzet"), when a word of it is one no dictionary knows or an article opens it ("Les
Glycines"); and an acronym opening it. A one-word name after "de" is not spread (an eponym:
"maladie de Parkinson"). A town is no facility's own name (the town rules spread it as a
CITY), nor a known first or last name.
"""

from __future__ import annotations

import regex as re

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import TownLexicon, fold, name_lexicon
from redactor.recognizers.identifiers.places.place_model import FacilityWords
from redactor.recognizers.vouched.folding import is_french_word

_MIN_SCORE = 0.85  # a rule's reading: a facility's kind and its name
_SCORE = 0.7
_MAX_NAMES = 50
_WORD = re.compile(r"(?:(?<![\w])[dlDL]['’])?+\w+(?:-\w+)*+")
_ELIDED = re.compile(r"^[dlDL]['’]")
_ACRONYM = re.compile(r"\p{Lu}{3,6}")
# a one-word name after "de" is an eponym more often than a place ("maladie de Parkinson" under
# "Centre expert Parkinson")
_DE_BEFORE = re.compile(r"(?<![\w])(?i:de|du)[ \t]+$")
_ARTICLE = re.compile(r"(?<![\w])(?i:(?:les|le|la|l['’])[ \t]*)")


class FacilityNames:
    """The names of the facilities a note reads with their kind, found again alone."""

    def __init__(self, words: FacilityWords, towns: TownLexicon, generic_acronyms: frozenset[str]) -> None:
        self.words = words
        self.towns = towns
        self._generic_acronyms = generic_acronyms

    def spread(self, text: str, findings: list[Finding]) -> list[Finding]:
        names: set[str] = set()
        for finding in findings:
            if finding.category != "HOSPITAL":
                continue
            span = text[finding.start : finding.end]
            if finding.score >= _MIN_SCORE:
                names.update(self._names(span))
            elif self.words.is_own_acronym(span):  # (no kind: generic acronyms are kinds)
                names.add(span)  # the model's bare acronym, read once from its sentence: "CHC"
        if not names:
            return []
        known = {(f.start, f.end) for f in findings if f.category == "HOSPITAL"}
        alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)[:_MAX_NAMES]))
        pattern = re.compile(rf"(?<![\w\-])(?:{alternatives})(?![\w\-])")
        return [
            Finding(match.start(), match.end(), "HOSPITAL", _SCORE, "hospital.repeated")
            for match in pattern.finditer(text)
            if match.span() not in known and not _eponym_after_de(text, match.start(), match.group())
        ]

    def _names(self, span: str) -> set[str]:
        words = list(_WORD.finditer(span))
        names = set()
        if words and _ACRONYM.fullmatch(words[0].group()) and len(words) > 1:
            acronym = words[0].group()
            if acronym not in self._generic_acronyms and not self.words.is_kind(acronym):
                names.add(acronym)  # "IUCT Oncopole": "IUCT"
        first_own = next((w for w in words if w.group()[0].isupper() and self.words.is_own(w.group())), None)
        if first_own is None or first_own.start() == 0:
            return names
        start = first_own.start()
        if article := _ARTICLE.search(span, max(0, start - 4), start):  # "Les Vergers", "L'Escale"
            if article.end() == start:
                start = article.start()
        name = span[start:].strip()
        bare = _ARTICLE.sub("", name, count=1) if _ARTICLE.match(name) else name
        if self._is_distinctive(name):
            forms = {name, bare} if bare != name and len(bare.split()) > 1 else {name}  # "Vergers du Léman"
            for form in forms:
                names.update((form, form.upper(), form.title()) if form.isupper() else (form, form.upper()))
        return names

    def _is_distinctive(self, name: str) -> bool:
        words = name.split()
        if "\n" in name or self.towns.is_town(name) or name_lexicon().is_known_name(name):
            return False
        unknown = [word for word in _WORD.findall(name) if not is_french_word(fold(_ELIDED.sub("", word)))]
        if len(words) > 1:
            return bool(unknown) or bool(_ARTICLE.match(name))  # "Les Glycines"; not "D'EXPERTISE MEDICALE"
        return len(name) >= 4 and bool(unknown)


def _eponym_after_de(text: str, start: int, name: str) -> bool:
    return " " not in name and bool(_DE_BEFORE.search(text, max(0, start - 4), start))
