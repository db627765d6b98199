"""Qualifiers of special-category findings: negated, hypothetical, reported, and about whom.

Rules in the NegEx tradition (as in edsnlp): cue phrases before or after a mention, within its
sentence and clause, with pseudo-cues that look like cues but are not ("pas de doute"). The
cues are data (`models/special/qualifiers.yaml`). Qualifiers are attributes: a negated or
reported mention stays a finding. Identifier findings keep `qualifiers=None`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from redactor.errors import DetectionError
from redactor.findings import Finding, Qualifiers, Subject, is_special
from redactor.genetic_origin import load_genetic_origin
from redactor.paths import models_dir
from redactor.recognizers.special.phrases import SENTENCE_ENDS, PhraseTrie, tokenize
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
_GROUPS = {
    "negation": ("preceding", "following", "pseudo", "inherent"),
    "hypothesis": ("preceding", "following", "pseudo", "conditions", "inherent"),
    "testing": ("tests", "results"),
    "reported": ("sources", "verbs", "statements", "inverted", "hearsay", "following"),
}
_STRUCTURE = "structure"
_MAX_PRECEDING_GAP = 10  # tokens between a preceding cue and the mention
_MAX_FOLLOWING_GAP = 3  # tokens between the mention and a following cue, outside lists
_MAX_LIST_GAP = 12  # ... when what lies between is a list of mentions ("VIH, VHB et VHC négatives")
_SUBJECT_WINDOW = 12
_AFTER_WINDOW = 6  # tokens after a mention searched for "chez sa mère", "aux enfants"
_ANAPHORA_WINDOW = 30
_INDEFINITE = frozenset({"un", "une", "des", "d"})
_CONTRACTED_ARTICLES = frozenset({"du", "au"})
_SMALL_NUMBERS = frozenset({"deux", "trois", "quatre", "cinq", "2", "3", "4", "5", "autres", "autre"})
_SOURCE_REACH = 3
# Marks that end a clause for preceding and following cues (commas are handled apart).
_CLAUSE_MARKS = frozenset({":", "(", ")", "–", "—", "•", "|", "[", "]"})
# A comma continues a negated or hypothetical list when the next word is one of these.
_LIST_CONTINUATIONS = frozenset({"ni", "de", "d", "du", "des", "ou", "et", "l", "la", "le", "les"})
_LIST_FILLERS = frozenset({",", "et", "ou", "/", "+", "ni", "de", "d", "du", "des", "la", "le", "l"})
# "VIH-", "VIH (-)", "VHC -" right after a mention: negative result; not the dash of a
# heading or an arrow ("Unité sanitaire - consultation", "TJ -> transfusion")
_NEGATIVE_SIGN = re.compile(r"\s?(?:\(\s?[-−]\s?\)|[-−](?![\w\-−>]|[ \t]+[\w\-−>]))")
# A reporting verb covers the rest of its sentence, a semicolon included.
_REPORT_ENDS = SENTENCE_ENDS - {";"}
_RESULT_KINDS = frozenset({"testing.results", "negation.following"})
_BULLETS = frozenset({"•", "*", "·", "-", "–"})
# Findings that are a person ("son compagnon" for a man): they tell about the patient.
_PARTNER_RULES = "special.partners."


@dataclass(frozen=True)
class _Cue:
    kind: str  # "negation.preceding", "reported.verbs", "structure.clause_end" ...
    start: int  # token indices, end exclusive
    end: int


@dataclass(frozen=True)
class QualifierCues:
    """Cue phrases and word lists, loaded from YAML once per process."""

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


def _words(lists: dict, raw: object, where: str) -> frozenset[str]:
    keys: set[str] = set()
    for sequence in expand_terms(lists, raw, where):
        if len(sequence) != 1:
            raise VocabularyError(f"{where}: expected single words, not {' '.join(sequence)!r}")
        keys.add(sequence[0])
    return frozenset(keys)


@lru_cache(maxsize=1)
def load_cues() -> QualifierCues:
    directory = models_dir() / VOCABULARY_DIR
    path = directory / QUALIFIERS_FILE
    data = read_yaml(path)
    lists = load_lists(directory)
    where = QUALIFIERS_FILE
    try:
        trie = PhraseTrie()
        for group, kinds in _GROUPS.items():
            for kind in kinds:
                for sequence in expand_terms(lists, data[group][kind], f"{where}: {group}.{kind}"):
                    trie.add(sequence, f"{group}.{kind}")
        for sequence in expand_terms(lists, data["clause_ends"], f"{where}: clause_ends"):
            trie.add(sequence, f"{_STRUCTURE}.clause_end")
        subject = data["subject"]
        for sequence in expand_terms(lists, subject["family_sections"], f"{where}: subject.family_sections"):
            trie.add(sequence, f"{_STRUCTURE}.family_section")
        hypothesis = data["hypothesis"]
        return QualifierCues(
            trie=trie,
            conditional_endings=tuple(hypothesis["conditional_endings"]),
            not_conditional=frozenset(hypothesis["not_conditional"]),
            family=_words(lists, subject["family"], f"{where}: subject.family"),
            family_after_possessive=_words(
                lists, subject["family_after_possessive"], f"{where}: subject.family_after_possessive"
            ),
            partners=_words(lists, subject["partners"], f"{where}: subject.partners"),
            not_the_patient=_words(lists, subject["not_the_patient"], f"{where}: subject.not_the_patient"),
            other_roles=_words(lists, subject["other_roles"], f"{where}: subject.other_roles"),
            possessives=_words(lists, subject["possessives"], f"{where}: subject.possessives"),
            partner_openers=_words(lists, subject["partner_openers"], f"{where}: subject.partner_openers"),
            other=_words(lists, subject["other"], f"{where}: subject.other"),
            patient=_words(lists, subject["patient"], f"{where}: subject.patient"),
            source_people=_words(
                lists, data["reported"]["source_people"], f"{where}: reported.source_people"
            ),
            connectors=_words(lists, subject["connectors"], f"{where}: subject.connectors"),
            articles=_words(lists, subject["articles"], f"{where}: subject.articles"),
            echoes=_words(lists, subject["echoes"], f"{where}: subject.echoes"),
            collective_family=_words(
                lists, subject["collective_family"], f"{where}: subject.collective_family"
            ),
            family_adjectives=_words(
                lists, subject["family_adjectives"], f"{where}: subject.family_adjectives"
            ),
            test_nouns=_words(lists, data["testing"]["test_nouns"], f"{where}: testing.test_nouns"),
        )
    except (KeyError, TypeError) as error:
        raise VocabularyError(f"{where}: missing or malformed section ({error})") from None


class _Context:
    """One note's tokens, cues and mentions, with the questions the rules ask about them."""

    def __init__(self, text: str, cues: QualifierCues, spans: list[tuple[int, int]]):
        self.text = text
        self.cues = cues
        self.tokens = tokenize(text)
        keys = self.tokens.keys
        self.sentence = self._numbered(keys, SENTENCE_ENDS)
        self.report_sentence = self._numbered(keys, _REPORT_ENDS)
        self.found: list[_Cue] = self._scan()
        self.clause_end_at = {c.start for c in self.found if c.kind == f"{_STRUCTURE}.clause_end"}
        self.mention_tokens: set[int] = set()
        for start, end in spans:
            first, last = self.tokens.covering(start, end)
            self.mention_tokens.update(range(first, last))
        self.family_scopes = self._family_scopes()

    @staticmethod
    def _numbered(keys: list[str], ends: frozenset[str]) -> list[int]:
        """The number of the sentence each token belongs to, sentences ending at `ends`."""
        numbers = []
        current = 0
        for key in keys:
            numbers.append(current)
            if key in ends:
                current += 1
        return numbers

    # -- cues -------------------------------------------------------------------------
    def _scan(self) -> list[_Cue]:
        """Longest cue per group at each position; a cue hides shorter ones it covers."""
        found: list[_Cue] = []
        next_free: dict[str, int] = {}  # group -> first position not covered by its last cue
        tokens = self.tokens
        trie = self.cues.trie
        for index in range(len(tokens)):
            longest: dict[str, tuple[int, list[str]]] = {}
            matches = trie.matches_at(tokens, index) if trie.may_start(tokens, index) else ()
            for end, kind in matches:
                group = kind if kind.startswith(_STRUCTURE) else kind.split(".")[0]
                best = longest.get(group)
                if best is None or end > best[0]:
                    longest[group] = (end, [kind])
                elif end == best[0] and kind not in best[1]:
                    best[1].append(kind)
            for group, (end, kinds) in longest.items():
                if next_free.get(group, 0) <= index:
                    next_free[group] = end
                    found.extend(_Cue(kind, index, end) for kind in kinds if not kind.endswith(".pseudo"))
            if self._is_conditional(index) and next_free.get("hypothesis", 0) <= index:
                found.append(_Cue("hypothesis.preceding", index, index + 1))
        return found

    def _is_conditional(self, index: int) -> bool:
        key = self.tokens.keys[index]
        return (
            len(key) > 5
            and key.endswith(self.cues.conditional_endings)
            and key not in self.cues.not_conditional
        )

    def _same_sentence(self, a: int, b: int) -> bool:
        return self.sentence[min(a, len(self.sentence) - 1)] == self.sentence[min(b, len(self.sentence) - 1)]

    def _no_clause_end(self, first: int, last: int) -> bool:
        return not any(i in self.clause_end_at for i in range(first, last))

    def preceding_reaches(self, cue_end: int, first: int) -> bool:
        """A cue ending at `cue_end` bears on a mention starting at token `first`."""
        if cue_end > first or first - cue_end > _MAX_PRECEDING_GAP:
            return False
        if not self._same_sentence(cue_end - 1, first) or not self._no_clause_end(cue_end, first):
            return False
        keys = self.tokens.keys
        for i in range(cue_end, first):
            if keys[i] in _CLAUSE_MARKS:
                return False
            if keys[i] == "," and keys[i + 1] not in _LIST_CONTINUATIONS:
                return False
        return True

    def following_reaches(self, last: int, cue_start: int) -> bool:
        """A cue starting at `cue_start` bears on a mention ending before token `last`."""
        if cue_start < last or not self._same_sentence(last - 1, cue_start):
            return False
        between = range(last, cue_start)
        if not self._no_clause_end(last, cue_start):
            return False
        keys = self.tokens.keys
        if len(between) <= _MAX_FOLLOWING_GAP and not any(
            keys[i] in _CLAUSE_MARKS or keys[i] == "," for i in between
        ):
            return True
        # a list of mentions ("VIH, VHB et VHC négatives"), none with a result of its own; a
        # question mark questions only what stands right before it
        if keys[cue_start] == "?":
            return False
        return (
            len(between) <= _MAX_LIST_GAP
            and all(
                keys[i] in _LIST_FILLERS or i in self.mention_tokens or keys[i] in self.cues.test_nouns
                for i in between
            )
            and not any(cue.start in between for cue in self.found if cue.kind in _RESULT_KINDS)
        )

    def person_near(self, index: int, reach: int) -> bool:
        """A person (relative, patient, source) within `reach` tokens from `index`."""
        cues = self.cues
        for i in range(index, min(index + reach, len(self.tokens))):
            key = self.tokens.keys[i]
            if key in SENTENCE_ENDS:
                return False
            if key in self.cues.collective_family:
                continue  # "selon le dossier familial" names no one
            if (
                key in cues.possessives
                or key in cues.family
                or key in cues.other
                or key in cues.source_people
            ):
                return True
            if key in cues.patient or key in cues.family_after_possessive:
                return True
        return False

    # -- the four qualifiers --------------------------------------------------------------
    def _by_cues(self, group: str, first: int, last: int, following: bool = True) -> bool:
        for cue in self.found:
            # a preceding cue may open the span itself ("non syndiqué", "serait en prison")
            if cue.kind == f"{group}.preceding" and (
                cue.start < last and first < cue.end < last or self.preceding_reaches(cue.end, first)
            ):
                return True
            # a following cue may close the span itself ("VIH négatif" is one finding)
            if cue.kind == f"{group}.following" and (
                first < cue.start < last or following and self.following_reaches(last, cue.start)
            ):
                return True
        return False

    def negated(self, first: int, last: int, end_char: int) -> bool:
        if _NEGATIVE_SIGN.match(self.text, end_char):
            return True
        if any(cue.kind == "negation.inherent" and first <= cue.start < last for cue in self.found):
            return True
        return self._by_cues("negation", first, last)

    def hypothetical(self, first: int, last: int, negated: bool) -> bool:
        # a mention with its own result ("VHC négatif") is not pending on a later "en attente"
        own_result = any(c.kind == "testing.results" and first < c.start < last for c in self.found)
        if self._by_cues("hypothesis", first, last, following=not own_result):
            return True
        for cue in self.found:
            if cue.kind == "hypothesis.conditions" and self._after_cue(cue, first, commas=True, colons=True):
                return True
            if cue.kind == "hypothesis.inherent" and first <= cue.start < last:
                return True
        # a test without a result: "sérologie VIH demandée", "dépistage IST proposé"
        return not negated and self._tested(first, last) and not self._has_result(first, last)

    def _tested(self, first: int, last: int) -> bool:
        """A test names the mention ("dépistage VIH", "dépistage" alone) or comes before it in
        the sentence, with no result in between ("sérologie VHC positive, guérie après AAD"
        is not pending)."""
        for cue in self.found:
            if cue.kind != "testing.tests":
                continue
            if first <= cue.start < last - 1 or cue.start == first == last - 1:
                return True
            if self._after_cue(cue, first, commas=True, colons=True) and not any(
                result.kind == "testing.results" and cue.end <= result.start < first for result in self.found
            ):
                return True
        return False

    def _has_result(self, first: int, last: int) -> bool:
        return any(
            cue.kind == "testing.results"
            and (first < cue.start < last or self.following_reaches(last, cue.start))
            for cue in self.found
        )

    def reported(self, first: int, last: int) -> bool:
        for cue in self.found:
            kind = cue.kind
            inside = first <= cue.start and cue.end < last  # "se dit apolitique" is one finding
            if kind == "reported.sources":
                if (
                    self.person_near(cue.end, _SOURCE_REACH)
                    and (inside or self._source_bears_on(cue, first, last))
                    and not self._is_the_source(cue, first)
                ):
                    return True
            elif kind == "reported.verbs":
                if inside or self._after_cue(cue, first, commas=True, sentence=self.report_sentence):
                    return True
            elif kind == "reported.statements":
                if inside or self._after_cue(cue, first, commas=False):
                    return True
            elif kind == "reported.inverted":
                if cue.start >= last and self.person_near(cue.end, 2) and self._before_cue(cue, last):
                    return True
            elif kind == "reported.hearsay" and (
                inside or self._after_cue(cue, first, commas=True) or self._before_cue(cue, last)
            ):
                return True
            elif kind == "reported.following" and (
                first < cue.start < last or self.following_reaches(last, cue.start)
            ):
                return True
        return False

    def _after_cue(
        self, cue: _Cue, first: int, commas: bool, colons: bool = False, sentence: list[int] | None = None
    ) -> bool:
        """The mention comes after a cue that opens before it, in the same sentence and clause
        (sentences numbered as `sentence`, by default ended by any stop)."""
        sentence = sentence or self.sentence
        if cue.start >= first or sentence[cue.start] != sentence[first]:
            return False
        keys = self.tokens.keys
        between = range(cue.end, first)
        return self._no_clause_end(cue.end, first) and not any(
            (keys[i] == ":" and not colons) or (not commas and keys[i] == ",") for i in between
        )

    def _before_cue(self, cue: _Cue, last: int, commas: bool = True) -> bool:
        """The mention ends before a cue in the same sentence and clause ("X selon lui")."""
        keys = self.tokens.keys
        return (
            self._same_sentence(last - 1, cue.start)
            and self._no_clause_end(last, cue.start)
            and not any(keys[i] == ":" or (not commas and keys[i] == ",") for i in range(last, cue.start))
        )

    def _source_bears_on(self, cue: _Cue, first: int, last: int) -> bool:
        """ "selon sa mère, il serait...": a source before the mention crosses a comma only when it
        opens the sentence; "... d'après sa mère" after the mention reports its clause, set
        apart by a comma when the source ends the sentence ("fume du cannabis, selon elle.")."""
        keys = self.tokens.keys
        if cue.start >= last:
            if self._before_cue(cue, last, commas=False):
                return True
            set_apart = cue.start > last and keys[cue.start - 1] == "," and self._source_ends_sentence(cue)
            return set_apart and self._before_cue(_Cue(cue.kind, cue.start - 1, cue.end), last, commas=False)
        if not self._after_cue(cue, first, commas=True):
            return False
        opens_sentence = cue.start == 0 or keys[cue.start - 1] in SENTENCE_ENDS
        return opens_sentence or "," not in keys[cue.end : first]

    def _is_the_source(self, cue: _Cue, first: int) -> bool:
        """The mention is the person the source cue names ("signalée par l'aumônier")."""
        keys = self.tokens.keys
        between = keys[cue.end : first]
        return cue.end <= first and all(k in self.cues.articles or k in self.cues.possessives for k in between)

    def _source_ends_sentence(self, cue: _Cue) -> bool:
        """Only the source's person follows the cue up to the end of the sentence."""
        keys = self.tokens.keys
        stop = min(cue.end + _SOURCE_REACH + 2, len(keys))
        for index in range(cue.end, stop):
            if keys[index] in SENTENCE_ENDS:
                return True
            if keys[index] in _CLAUSE_MARKS or keys[index] == ",":
                return False
        return stop == len(keys)

    def subject(self, first: int, last: int, names_its_subject: bool) -> Subject:
        """Whom the mention is about: a person inside it ("mère schizophrène"), a relative named
        after it ("suicide de son frère"), the nearest person before it, the family-history
        section it sits in, or else the patient. `names_its_subject` is False when the span is
        itself a person whose mention says something about the patient ("son compagnon")."""
        keys = self.tokens.keys
        if (
            first > 0
            and keys[first - 1] in self.cues.articles | _INDEFINITE
            and keys[first] in self.cues.other_roles
        ):
            return Subject.OTHER
        local = (
            (self._person_inside(first, last) if names_its_subject else None)
            or self._relative_after(last)
            or self._person_before(first, skip_partners=not names_its_subject)
        )
        if local is not None:
            return local
        if any(start <= first < end for start, end in self.family_scopes):
            return Subject.FAMILY
        return Subject.PATIENT

    def _kind_of_person(self, index: int, after_connector: bool = False) -> Subject | None:
        cues = self.cues
        keys = self.tokens.keys
        key = keys[index]
        previous = keys[index - 1] if index > 0 else ""
        following = keys[index + 1] if index + 1 < len(keys) else ""
        before_previous = keys[index - 2] if index > 1 else ""
        if previous in cues.partner_openers and key in cues.other | cues.partners:
            return Subject.FAMILY  # "petit ami", "petite copine"
        if key in ("partenaire", "partenaires"):
            # "son partenaire", "dépistage du partenaire"; not "plusieurs partenaires"
            return Subject.FAMILY if previous in cues.possessives | cues.articles | _CONTRACTED_ARTICLES else None
        if key in cues.family:
            return Subject.FAMILY
        possessed = previous in cues.possessives or (
            previous in cues.family_adjectives and before_previous in cues.possessives
        )
        if key in cues.family_after_possessive and (possessed or after_connector):
            return Subject.FAMILY
        if key in cues.other:
            return Subject.OTHER
        if key in cues.patient and following not in cues.echoes:
            return Subject.OTHER if following in cues.not_the_patient else Subject.PATIENT
        return None

    def _person_inside(self, first: int, last: int) -> Subject | None:
        """A person written in the span itself ("frères sont suicidés", "voisin d'origine X");
        not the family or partners a mention is about ("famille rom", "deux partenaires")."""
        keys = self.tokens.keys
        for index in range(first, last):
            if keys[index] in self.cues.collective_family or (
                keys[index] in self.cues.partners and index > first
            ):
                continue
            kind = self._kind_of_person(index)
            if kind in (Subject.FAMILY, Subject.OTHER):
                return kind
        return None

    def _relative_after(self, last: int) -> Subject | None:
        """ "suicide de son frère", "dépister son épouse", "confirmé chez le père", "proposé à
        ses deux filles"."""
        keys = self.tokens.keys
        cues = self.cues
        if last < len(keys) and keys[last] in ("de", "d", "du", "des"):
            return self._relative_at(last + 1, after_connector=False)
        if last < len(keys) and keys[last] in cues.possessives:
            return self._relative_at(last, after_connector=False)
        for index in range(last, min(last + _AFTER_WINDOW, len(keys))):
            if keys[index] in SENTENCE_ENDS or index in self.clause_end_at or keys[index] in _CLAUSE_MARKS:
                return None
            if keys[index] in cues.connectors:
                return self._relative_at(index + 1, after_connector=True)
        return None

    def _relative_at(self, index: int, after_connector: bool) -> Subject | None:
        keys = self.tokens.keys
        cues = self.cues
        possessed = False  # "ses deux filles": a possessive before the number
        for _ in range(2):  # "ses deux filles", "la mère"
            if index < len(keys) and (
                keys[index] in cues.possessives
                or keys[index] in cues.articles
                or keys[index] in _SMALL_NUMBERS
            ):
                possessed = possessed or keys[index] in cues.possessives
                index += 1
        if index >= len(keys):
            return None
        kind = self._kind_of_person(index, after_connector=after_connector or possessed)
        return kind if kind in (Subject.FAMILY, Subject.OTHER) else None

    def _person_before(self, first: int, skip_partners: bool = False) -> Subject | None:
        """The nearest person mentioned before, in the clause, who is not a source."""
        keys = self.tokens.keys
        for index in range(first - 1, max(first - _SUBJECT_WINDOW, 0) - 1, -1):
            if skip_partners and keys[index] in self.cues.partners:
                continue
            if keys[index] in SENTENCE_ENDS or keys[index] == ":" or index + 1 in self.clause_end_at:
                return None
            if keys[index] in ("dernier", "derniere") and index > 0 and keys[index - 1] in ("ce", "cette"):
                return self._earlier_person(index - 1)
            kind = self._kind_of_person(index)
            if kind is Subject.PATIENT:
                # "le frère du patient", "la femme de la patiente": the relative, not the patient
                owner = self._owner_of(index)
                if owner is not None:
                    return owner
            if kind is not None and not self._is_source(index):
                return kind
        return None

    def _owner_of(self, index: int) -> Subject | None:
        keys = self.tokens.keys
        position = index - 1
        if position >= 0 and keys[position] in ("la", "l"):  # "du patient", "de la patiente"
            position -= 1
        if position < 1 or keys[position] not in ("du", "de"):
            return None
        for candidate in (position - 1, position - 2):
            if candidate >= 0:
                kind = self._kind_of_person(candidate, after_connector=True)
                if kind in (Subject.FAMILY, Subject.OTHER):
                    return kind
        return None

    def _earlier_person(self, index: int) -> Subject | None:
        """ "ce dernier": the last relative or other person named before, across sentences."""
        for position in range(index - 1, max(index - _ANAPHORA_WINDOW, 0) - 1, -1):
            kind = self._kind_of_person(position)
            if kind in (Subject.FAMILY, Subject.OTHER):
                return kind
        return None

    def _is_source(self, index: int) -> bool:
        """A person who reports ("d'après sa mère", "sa mère rapporte que", "dit sa mère")."""
        for cue in self.found:
            if (
                cue.kind in ("reported.sources", "reported.inverted")
                and cue.end <= index < cue.end + _SOURCE_REACH
            ):
                return True
            # "sa mère rapporte que": a source; "le mari se dit frustré": the subject
            if cue.kind in ("reported.verbs", "reported.inverted") and index < cue.start <= index + 2:
                return self.tokens.keys[cue.start] != "se"
        return False

    def _family_scopes(self) -> list[tuple[int, int]]:
        """Token ranges of family-history sections: a heading, ":" and what follows it."""
        scopes = []
        keys = self.tokens.keys
        for cue in self.found:
            if cue.kind != f"{_STRUCTURE}.family_section" or cue.end >= len(keys) or keys[cue.end] != ":":
                continue
            scopes.append((cue.end, self._section_end(cue.end + 1)))
        return scopes

    def _section_end(self, index: int) -> int:
        keys = self.tokens.keys
        while index < len(keys):
            key = keys[index]
            if key == "\n":
                following = index + 1
                if following >= len(keys) or keys[following] == "\n" or not self._continues_list(index):
                    return index
            elif key in SENTENCE_ENDS and self._heading_at(index + 1):
                return index
            index += 1
        return index

    def _continues_list(self, newline: int) -> bool:
        """The line after this line break is an item of the same list (bullet or relative)."""
        tokens = self.tokens
        following = newline + 1
        gap = self.text[tokens.ends[newline] : tokens.starts[following]]
        first_key = tokens.keys[following]
        return bool(set(gap) & _BULLETS) or first_key in _BULLETS or first_key in self.cues.family

    def _heading_at(self, index: int) -> bool:
        """A heading ("ATCD personnels :") starts at token `index`."""
        keys = self.tokens.keys
        for i in range(index, min(index + 5, len(keys))):
            if keys[i] == ":":
                return i > index and keys[index] not in self.cues.family
            if keys[i] in SENTENCE_ENDS:
                return False
        return False


class Qualifier:
    """Sets `qualifiers` on every special-category finding of a note."""

    def __init__(self, cues: QualifierCues | None = None):
        self.cues = cues or load_cues()
        self.genetic_origin = load_genetic_origin()

    def qualify(self, text: str, findings: list[Finding]) -> list[Finding]:
        """The findings, special ones with their qualifiers (offsets refer to `text`)."""
        special = [f for f in findings if is_special(f.category)]
        if not special:
            return findings
        try:
            return self._qualified(text, findings, special)
        except Exception as error:  # fail closed: the call fails rather than answer half-done
            raise DetectionError(f"the qualifier failed ({error.__class__.__name__})") from error

    def _qualified(self, text: str, findings: list[Finding], special: list[Finding]) -> list[Finding]:
        context = _Context(text, self.cues, [(f.start, f.end) for f in special])
        qualified = []
        for finding in findings:
            if not is_special(finding.category):
                qualified.append(finding)
                continue
            first, last = context.tokens.covering(finding.start, finding.end)
            if first >= last:  # a span without a word (possible from an extra detector)
                qualified.append(finding.with_qualifiers(Qualifiers()))
                continue
            negated = context.negated(first, last, finding.end)
            qualified.append(
                finding.with_qualifiers(
                    Qualifiers(
                        negated=negated,
                        hypothetical=context.hypothetical(first, last, negated),
                        reported=context.reported(first, last),
                        subject=context.subject(first, last, not finding.detector.startswith(_PARTNER_RULES)),
                        somatic=finding.category == "GENETIC"
                        and self.genetic_origin.somatic(context.tokens, first, last),
                    )
                )
            )
        return qualified
