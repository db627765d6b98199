"""The qualifiers' cue phrases and word lists, read once per process from
`models/special/qualifiers.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from redactor.paths import models_dir
from redactor.recognizers.special.phrases import PhraseTrie
from redactor.recognizers.special.vocabulary import (
    VOCABULARY_DIR,
    VocabularyError,
    expand_terms,
    load_lists,
    read_yaml,
)

QUALIFIERS_FILE = "qualifiers.yaml"
# Cue kinds, grouped by what they qualify: within a group the longest cue at a position wins
# and a pseudo-cue hides the cues it covers.
CUE_GROUPS = {
    "negation": ("preceding", "following", "pseudo", "inherent"),
    "hypothesis": ("preceding", "following", "pseudo", "conditions", "inherent"),
    "testing": ("tests", "results"),
    "reported": ("sources", "verbs", "statements", "inverted", "hearsay", "following"),
}
# The prefix of the cues that mark the note's structure rather than qualify a mention.
STRUCTURE = "structure"
CLAUSE_END = f"{STRUCTURE}.clause_end"
FAMILY_SECTION = f"{STRUCTURE}.family_section"


@dataclass(frozen=True)
class QualifierCues:
    """Cue phrases (one trie, payloads are cue kinds) and single-word lists."""

    trie: PhraseTrie
    conditional_endings: tuple[str, ...]
    not_conditional: frozenset[str]
    family: frozenset[str]
    family_after_possessive: frozenset[str]
    partners: frozenset[str]
    not_the_patient: frozenset[str]
    other_roles: frozenset[str]
    possessives: frozenset[str]
    partner_openers: frozenset[str]
    other: frozenset[str]
    patient: frozenset[str]
    source_people: frozenset[str]
    connectors: frozenset[str]
    articles: frozenset[str]
    echoes: frozenset[str]
    collective_family: frozenset[str]
    family_adjectives: frozenset[str]
    test_nouns: frozenset[str]


def _single_words(lists: dict, raw: object, where: str) -> frozenset[str]:
    keys: set[str] = set()
    for sequence in expand_terms(lists, raw, where):
        if len(sequence) != 1:
            raise VocabularyError(f"{where}: expected single words, not {' '.join(sequence)!r}")
        keys.add(sequence[0])
    return frozenset(keys)


@lru_cache(maxsize=1)
def load_cues() -> QualifierCues:
    directory = models_dir() / VOCABULARY_DIR
    data = read_yaml(directory / QUALIFIERS_FILE)
    lists = load_lists(directory)

    def entry(path: str) -> object:  # "subject.family" -> data["subject"]["family"]
        value = data
        for key in path.split("."):
            value = value[key]
        return value

    def phrases(path: str) -> list[tuple[str, ...]]:
        return expand_terms(lists, entry(path), f"{QUALIFIERS_FILE}: {path}")

    def words(path: str) -> frozenset[str]:
        return _single_words(lists, entry(path), f"{QUALIFIERS_FILE}: {path}")

    try:
        trie = PhraseTrie()
        for group, kinds in CUE_GROUPS.items():
            for kind in kinds:
                for sequence in phrases(f"{group}.{kind}"):
                    trie.add(sequence, f"{group}.{kind}")
        for sequence in phrases("clause_ends"):
            trie.add(sequence, CLAUSE_END)
        for sequence in phrases("subject.family_sections"):
            trie.add(sequence, FAMILY_SECTION)
        return QualifierCues(
            trie=trie,
            conditional_endings=tuple(entry("hypothesis.conditional_endings")),
            not_conditional=frozenset(entry("hypothesis.not_conditional")),
            family=words("subject.family"),
            family_after_possessive=words("subject.family_after_possessive"),
            partners=words("subject.partners"),
            not_the_patient=words("subject.not_the_patient"),
            other_roles=words("subject.other_roles"),
            possessives=words("subject.possessives"),
            partner_openers=words("subject.partner_openers"),
            other=words("subject.other"),
            patient=words("subject.patient"),
            source_people=words("reported.source_people"),
            connectors=words("subject.connectors"),
            articles=words("subject.articles"),
            echoes=words("subject.echoes"),
            collective_family=words("subject.collective_family"),
            family_adjectives=words("subject.family_adjectives"),
            test_nouns=words("testing.test_nouns"),
        )
    except (KeyError, TypeError) as error:
        raise VocabularyError(f"{QUALIFIERS_FILE}: missing or malformed section ({error})") from None
