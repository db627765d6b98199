"""Private practices named after a place or a brand, with their trade in front: "RADIOLOGIE DU
PAYS DE RETZ", "Cytopath Provence", "Audition Santé Bellecour", "Imagerie des Hauts de Flandre".

The trade word alone names no one ("imagerie cérébrale", "RADIOLOGIE CONVENTIONNELLE"): the
name after it must hold a word no French dictionary knows (a place, a brand), or be a word
capitalised after an article, as a place's name is ("Imagerie de l'Estuaire", "Optique des
Remparts"; not a heading in capitals, "IMAGERIE DU THORAX")."""

from __future__ import annotations

from typing import Iterator

import regex as re

from redactor.findings import Finding
from redactor.recognizers.identifiers.lexicon import fold
from redactor.recognizers.identifiers.places.shapes import CAPITAL_WORD
from redactor.recognizers.vouched.folding import common_word_keys, is_french_word

_TRADE = r"(?i:radiologie|imagerie|cytopath\w*|anapath\w*|audition|optique)"
_PRACTICE = re.compile(
    rf"(?<![\w\-'’])(?P<trade>{_TRADE})(?:[ ](?i:médicale|medicale|santé|sante))?[ ]"
    rf"(?P<article>(?i:du|de[ ]la|de[ ]l['’]|des|d['’])[ ]?)?"
    rf"(?P<name>{CAPITAL_WORD}(?:[ ](?:(?i:de|du|des|la|le|sur|en)[ ])?{CAPITAL_WORD}){{0,3}})"
)
_LINKING_WORDS = frozenset({"de", "du", "des", "la", "le", "sur", "en"})


def practice_names(text: str) -> Iterator[Finding]:
    """Practices whose name, after their trade, holds a word no dictionary knows."""
    for match in _PRACTICE.finditer(text):
        if not match.group("trade")[:1].isupper():
            continue  # "une imagerie Bretagne": prose, not a letterhead
        name = match.group("name")
        words = [fold(w) for w in re.findall(r"[\w'’]+", name) if fold(w) not in _LINKING_WORDS]
        named_after_an_article = match.group("article") and name[:1].isupper() and not name.split()[0].isupper()
        if named_after_an_article or any(len(w) >= 3 and w not in common_word_keys() and not is_french_word(w) for w in words):
            yield Finding(match.start(), match.end(), "HOSPITAL", 0.85, "hospital.practice_name")
