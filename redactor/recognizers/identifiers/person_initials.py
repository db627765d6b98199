"""Initials a note defines for a person, then uses alone: "CL = Coralie / MB = Maryse B." at the
end of a call log, "Inf. : CS = Christine Schaeffer" under a school infirmary's register; every
"CL" or "CS" of that note is then that person (logs sign each line with them: "rappeler au 06 ...
-> fait CL"). Not initials in brackets after a name: "Unités Hounsfield (UH)" defines a unit.

Dotted initials stand for a person wherever they stand alone ("(A.P.)", "signée G.V."), unless
persons.yaml lists them as an abbreviation ("D.E.", "I.V."); "M." before a surname is an initial
where the note names that person with a first name in M ("Mehdi GHERBI", then "M. Gherbi")."""

from __future__ import annotations

from typing import Iterable, Iterator

import regex as re

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import NameLexicon

# "CL = Coralie", "CS : Christine Schaeffer": the initials, then the name found after them
_LEGEND_BEFORE_NAME = re.compile(r"(?<![\w.\-/])(?P<initials>\p{Lu}{2,3})[ \t]*(?:=|:)[ \t]*$")
_LEGEND_REACH = 8


def initials_defined(text: str, persons: Iterable[Finding]) -> set[str]:
    """Initials that the note ties to a person found in it."""
    defined = set()
    for person in persons:
        legend = _LEGEND_BEFORE_NAME.search(text, max(0, person.start - _LEGEND_REACH), person.start)
        if legend and _could_be_initials_of(legend.group("initials"), text[person.start : person.end]):
            defined.add(legend.group("initials"))
    return defined


def _could_be_initials_of(initials: str, name: str) -> bool:
    """"CS" for "Christine Schaeffer", "CL" for "Coralie" (a first name alone: its first letter)."""
    letters = [word[0].upper() for word in re.findall(r"\p{L}[\p{L}'’]*", name)]
    return bool(letters) and initials[0] == letters[0] and (len(letters) == 1 or all(l in letters for l in initials))


def initials_used(text: str, initials: set[str]) -> Iterator[Finding]:
    """Every standalone use of the defined initials in the note."""
    if not initials:
        return
    pattern = re.compile(rf"(?<![\w.\-/])(?:{'|'.join(sorted(initials, key=len, reverse=True))})(?![\w.\-])")
    for match in pattern.finditer(text):
        yield Finding(match.start(), match.end(), "PERSON", 0.75, "person.initials_defined")


# "(A.P.)", "pause avant incision, A.P.).", "fiche signée G.V.", "(J.-M.)": dotted capitals on
# their own; two letters anywhere, three only in brackets or after "signé", or with a compound
# first name's hyphen ("S.A.-M.", "A.-S. M." in a chart's cell)
_DOTTED = re.compile(r"(?<![\w.\-’'])(?P<initials>\p{Lu}\.-\p{Lu}\.[ ]\p{Lu}\.|\p{Lu}\.(?:-?\p{Lu}\.){1,2})(?![\w\-’']|\.\w)")
# alone after a sentence, closing the note ("... Dr Benhamou. N.B."; not "kinésithérapeute D.E.")
_CLOSING_THE_NOTE = re.compile(r"[ \t]*\n?[ \t]*\Z")
_AFTER_A_SENTENCE = re.compile(r"(?:[.!?)][ \t]{1,3}|\n[ \t]*)$")
# after a signature's label, even an abbreviation's letters: "Signature de l'agent : Z.A."
_SIGNED_BEFORE = re.compile(
    r"(?i:(?<![\w])(?:sign[ée]e?s?|signature|visa|paraphe)(?:[ \t]+par|[ \t]+(?:de[ \t]+l['’]|du[ \t]+)?\w+)?)[ \t]*:?[ \t]*$"
)


def dotted_initials(text: str, lexicon: NameLexicon) -> Iterator[Finding]:
    """Dotted initials standing alone, not an abbreviation's dots ("D.E.", "I.V.")."""
    for match in _DOTTED.finditer(text):
        initials = match.group("initials")
        # after a signature's label, or closing the note alone: even an abbreviation's letters
        signed = _SIGNED_BEFORE.search(text, max(0, match.start() - 30), match.start()) or (
            _CLOSING_THE_NOTE.match(text, match.end()) and _AFTER_A_SENTENCE.search(text, max(0, match.start() - 4), match.start())
        )
        if lexicon.is_dotted_abbreviation(initials) and not signed:
            continue
        in_brackets = text[max(0, match.start() - 1) : match.start()] == "(" and text[match.end() : match.end() + 1] == ")"
        letters = sum(c.isalpha() for c in initials)
        if letters == 2 or in_brackets or signed or "-" in initials:
            yield Finding(match.start(), match.end(), "PERSON", 0.6, "person.dotted_initials")


# "M. Gherbi" where the note names "Mehdi GHERBI": the initial of his first name, not "Monsieur"
_M_THEN_SURNAME = re.compile(r"(?<![\w.])M\.[ ](?P<surname>\p{Lu}[\p{L}'’\-]+)")


def m_initial_of_named(text: str, persons: Iterable[Finding]) -> Iterator[Finding]:
    """"M. Surname" where the note names someone with that surname and a first name in M."""
    initials_of = {}
    for person in persons:
        words = re.findall(r"\p{L}[\p{L}'’\-]*", text[person.start : person.end])
        for first, last in zip(words, words[1:]):
            initials_of.setdefault(last.casefold(), set()).add(first[0])
            initials_of.setdefault(first.casefold(), set()).add(last[0])  # "GHERBI Mehdi"
    if not any("M" in letters for letters in initials_of.values()):
        return
    for match in _M_THEN_SURNAME.finditer(text):
        if "M" in initials_of.get(match.group("surname").casefold(), ()):
            yield Finding(match.start(), match.end(), "PERSON", 0.75, "person.initial")
