"""Regular-expression pieces shared by the name and place rules (for the `regex` module)."""

from __future__ import annotations

from typing import Iterable

UPPER = r"\p{Lu}"
LOWER = r"\p{Ll}"
# "Dupont", "Jean-Pierre", "N'Diaye", "D'Angelo", "Le Gall" is two tokens
CAPITALISED = rf"(?:{UPPER}['’])?{UPPER}{LOWER}+(?:[\-'’]{UPPER}?{LOWER}+)*"
# "DUPONT", "MARTIN-DURAND", "N'DIAYE", "D'ALMEIDA"
ALL_CAPS = rf"(?:{UPPER}['’])?{UPPER}{{2,}}(?:[\-'’]{UPPER}{{2,}})*"
# "J.", "J.-M.", "A.S."
INITIALS = rf"{UPPER}\.(?:[ ]?-?[ ]?{UPPER}\.)*"
LOWERCASE_WORD = rf"{LOWER}+(?:-{LOWER}+)*"
NAME_TOKEN = rf"(?:{INITIALS}|{ALL_CAPS}|{CAPITALISED})"
NOT_IN_WORD_BEFORE = r"(?<![\w\-'’])"
NOT_IN_WORD_AFTER = r"(?![\w\-'’])"


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
