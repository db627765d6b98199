"""Case- and accent-folding that keeps every offset, and the word tokens matching runs on."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


def _fold_char(character: str) -> str:
    decomposed = unicodedata.normalize("NFKD", character)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    if len(base) == 1:
        return base
    lower = character.lower()
    return lower if len(lower) == 1 else character


_FOLD_TABLE = {code: _fold_char(chr(code)) for code in range(0x250)}
_FOLD_TABLE.update({ord("’"): "'", ord("‘"): "'", ord("‐"): "-", ord("‑"): "-"})


def fold(text: str) -> str:
    """Lower case without accents, one character for one ("Hélène" -> "helene"): offsets hold."""
    return text.translate(_FOLD_TABLE)


_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    key: str  # folded


def tokens(folded: str) -> list[Token]:
    """Runs of letters and digits of a folded text."""
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded)]


def words(phrase: str) -> tuple[str, ...]:
    """The folded tokens of a phrase of a lexicon or of a known identity."""
    return tuple(token.key for token in tokens(fold(phrase)))


@lru_cache(maxsize=1)
def title_keys() -> frozenset[str]:
    """Folded titles, roles and relation words after which a lone name is surely a name ("Mme", "sa fille")."""
    from redactor.recognizers.identifiers.lexicon import name_lexicon

    lexicon = name_lexicon()
    return frozenset(w for phrase in (*lexicon.titles, *lexicon.roles, *lexicon.relations) for w in words(phrase)[-1:])


@lru_cache(maxsize=1)
def common_word_keys() -> frozenset[str]:
    """Folded words that are ordinary French besides names: alone, they need a title. The words
    of real clinical text (models/vouched/common_words.txt), stop words, the name rules' lists."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    from redactor.paths import models_dir
    from redactor.recognizers.identifiers.lexicon import name_lexicon

    path = models_dir() / "vouched" / "common_words.txt"
    with path.open(encoding="utf-8") as handle:
        clinical = {line.strip() for line in handle if line.strip() and not line.startswith("#")}
    lexicon = name_lexicon()
    return frozenset(
        clinical
        | {fold(w) for w in STOP_WORDS}
        | set(lexicon.not_names)
        | set(lexicon.calendar_words)
        | set(lexicon.common_word_first_names)
    )


@lru_cache(maxsize=1)
def french_word_keys() -> frozenset[str]:
    """Folded lemmas of a general French dictionary (models/vouched/french_words.txt)."""
    from redactor.paths import models_dir

    with (models_dir() / "vouched" / "french_words.txt").open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))


# the endings that plural and feminine forms add to a lemma, and what they replace
_INFLECTIONS = (
    ("s", ""), ("x", ""), ("e", ""), ("es", ""), ("euse", "eur"), ("euses", "eur"), ("rice", "eur"),
    ("rices", "eur"), ("ive", "if"), ("ives", "if"), ("elle", "el"), ("elles", "el"), ("enne", "en"),
    ("ennes", "en"), ("aux", "al"),
)  # fmt: skip


def is_french_word(key: str) -> bool:
    """A folded word of three letters or more that the dictionary knows, as it is or as a plural or
    feminine form of a lemma ("remarques", "mensuelles", "financiere")."""
    if len(key) < 3:
        return False
    lemmas = french_word_keys()
    return key in lemmas or any(
        key.endswith(ending) and key[: -len(ending)] + lemma_ending in lemmas for ending, lemma_ending in _INFLECTIONS
    )


def is_unknown_word(word: str, min_length: int = 3) -> bool:
    """A word of `min_length` letters or more that neither clinical text's ordinary words nor the
    dictionary know: a name's or a brand's ("Delepierre", "Kerpape", "Maëla")."""
    key = fold(word)
    return len(key) >= min_length and key not in common_word_keys() and not is_french_word(key)
