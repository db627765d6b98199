"""Same-sex partners: "Il vit avec son compagnon" reveals an orientation without naming it.

A partner phrase ("son compagnon", "sa compagne", "en couple avec une femme") is a
SEXUAL_ORIENTATION finding when the person it belongs to has the partner's gender. That person
is named right after the phrase ("la compagne de Madame") or is the nearest gendered word before
it ("il", "Mme", "patiente", "son fils"), in the sentence or the sentences before. Data:
`models/special/partners.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.paths import models_dir
from redactor.recognizers.special.base import TextDetector
from redactor.recognizers.special.phrases import PhraseTrie, Tokens, tokenize
from redactor.recognizers.special.vocabulary import (
    VOCABULARY_DIR,
    VocabularyError,
    expand_terms,
    load_lists,
    read_yaml,
)

PARTNERS_FILE = "partners.yaml"
_GENDERS = ("male", "female")
_LOOK_BACK = 400  # tokens searched backwards for the person a partner belongs to
_SCORE = 0.8
_RULE = "special.partners.same_sex_partner"


@dataclass(frozen=True)
class PartnerVocabulary:
    category: str
    partners: PhraseTrie  # payload: the partner's gender
    people: dict[str, str]  # folded word -> gender
    impersonal_after_il: frozenset[str]


@lru_cache(maxsize=1)
def load_partners() -> PartnerVocabulary:
    directory = models_dir() / VOCABULARY_DIR
    data = read_yaml(directory / PARTNERS_FILE)
    lists = load_lists(directory)
    try:
        trie = PhraseTrie()
        for gender in _GENDERS:
            for sequence in expand_terms(
                lists, data["partners"][gender], f"{PARTNERS_FILE}: partners.{gender}"
            ):
                trie.add(sequence, gender)
        people: dict[str, str] = {}
        for gender in _GENDERS:
            for sequence in expand_terms(lists, data["people"][gender], f"{PARTNERS_FILE}: people.{gender}"):
                if len(sequence) != 1:
                    raise VocabularyError(
                        f"{PARTNERS_FILE}: people are single words, not {' '.join(sequence)!r}"
                    )
                people[sequence[0]] = gender
        impersonal = frozenset(
            k for s in expand_terms(lists, data["impersonal_after_il"], PARTNERS_FILE) for k in s
        )
        return PartnerVocabulary(str(data["category"]), trie, people, impersonal)
    except (KeyError, TypeError) as error:
        raise VocabularyError(f"{PARTNERS_FILE}: missing or malformed section ({error})") from None


class SameSexPartnerDetector(TextDetector):
    """Partner phrases whose holder has the partner's gender."""

    def __init__(self, vocabulary: PartnerVocabulary | None = None):
        self.vocabulary = vocabulary or load_partners()
        super().__init__(name="SameSexPartners", categories=[self.vocabulary.category])

    def find(self, text: str, doc: Doc | None = None) -> Iterable[Finding]:
        tokens = tokenize(text)
        phrases = []  # (first, last, partner gender), token indices, last exclusive
        partners = self.vocabulary.partners
        next_free = 0
        for index in partners.start_positions(tokens):
            if index < next_free:
                continue
            matches = list(partners.matches_at(tokens, index))
            if matches:
                end, gender = max(matches, key=lambda m: m[0])
                phrases.append((index, end, gender))
                next_free = end
        if not phrases:
            return []
        covered = {i for first, last, _ in phrases for i in range(first, last)}
        return [
            Finding(tokens.starts[first], tokens.ends[last - 1], self.vocabulary.category, _SCORE, _RULE)
            for first, last, gender in phrases
            if not self._of_something(tokens, last)
            and (self._named_after(tokens, last) or self._nearest_before(tokens, first, covered)) == gender
        ]

    def _of_something(self, tokens: Tokens, end: int) -> bool:
        """ "compagnon de squat", "compagnon d'atelier": a companion, not a partner."""
        return (
            end + 1 < len(tokens)
            and tokens.keys[end] in ("de", "d")
            and tokens.keys[end + 1] not in self.vocabulary.people
            and tokens.keys[end + 1] not in ("la", "le", "l", "mon", "ma", "son", "sa")
        )

    def _gender_at(self, tokens: Tokens, index: int) -> str | None:
        key = tokens.keys[index]
        if (
            key == "il"
            and index + 1 < len(tokens)
            and tokens.keys[index + 1] in self.vocabulary.impersonal_after_il
        ):
            return None
        return self.vocabulary.people.get(key)

    def _named_after(self, tokens: Tokens, end: int) -> str | None:
        """ "la compagne de Madame": the person named right after the phrase."""
        if end + 1 < len(tokens) and tokens.keys[end] in ("de", "du", "d"):
            return self._gender_at(tokens, end + 1)
        return None

    def _nearest_before(self, tokens: Tokens, first: int, partners: set[int]) -> str | None:
        """The nearest gendered word before, other than a partner ("sa femme" names no holder)."""
        for position in range(first - 1, max(first - _LOOK_BACK, 0) - 1, -1):
            if position not in partners and (gender := self._gender_at(tokens, position)) is not None:
                return gender
        return None
