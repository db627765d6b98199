"""Initials a note defines for a person, then uses alone: "CL = Coralie / MB = Maryse B." at the
end of a call log, "Inf. : CS = Christine Schaeffer" under a school infirmary's register; every
"CL" or "CS" of that note is then that person (logs sign each line with them: "rappeler au 06 ...
-> fait CL"). Not initials in brackets after a name: "Unités Hounsfield (UH)" defines a unit."""

from __future__ import annotations

from typing import Iterable, Iterator

import regex as re

from redactor.findings import Finding

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
