"""Every mention of a list of persons' names: full or reversed, upper case, without accents,
with initials ("J.-P. Dupont", "DUPONT J."), a name alone after a title, one typo if asked.

Used for the known identity (with typos, first names alone and initials alone: `partial`) and
the site's staff list (exact words, always with the surname).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from redactor.known import PersonName
from redactor.recognizers.vouched.folding import Token, common_word_keys, title_keys, words
from redactor.recognizers.vouched.phrases import PhraseIndex

MIN_TYPO_LENGTH = 5  # names shorter than this must be written exactly
_BETWEEN_PARTS = re.compile(r"[\s,\-]{1,3}")  # "DUPONT, Jean", "Jean - DUPONT"
_AFTER_TITLE = re.compile(r"\.?\s{1,3}")  # "Dr. Martin", "Mme  Martin"
_AFTER_INITIAL = re.compile(r"\.[\s\-]{0,3}")  # "J.-P. Dupont"


@dataclass(frozen=True)
class NamePart:
    person: int
    given: bool  # a first name, else a surname
    words: tuple[str, ...]
    initials: frozenset[str]  # initials of the person's first names ("jean-pierre" -> j, p)
    common: bool  # every word is also ordinary French ("Pierre", "Petit")


@dataclass(frozen=True)
class _Found:
    first: int  # token indexes, inclusive
    last: int
    part: NamePart


def one_edit_apart(a: str, b: str) -> bool:
    """At most one substitution, insertion, deletion or swap of neighbours."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(shorter) and shorter[i] == longer[i]:
        i += 1
    return shorter[i:] == longer[i + 1 :]


class NameMatcher:
    """Finds the names of `persons` in a folded text."""

    def __init__(self, persons: Sequence[PersonName], *, typos: bool, partial: bool):
        self.typos = typos
        self.partial = partial
        self.parts: list[NamePart] = []
        self._index: PhraseIndex[NamePart] = PhraseIndex()
        self._initials_pairs: set[tuple[str, str]] = set()
        common = common_word_keys()
        for number, person in enumerate(persons):
            given = [words(name) for name in person.given_names]
            initials = frozenset(w[0] for g in given for w in g if w)
            names = [(g, True) for g in given] + [(words(s), False) for s in person.surnames]
            for name_words, is_given in names:
                if name_words:
                    part = NamePart(number, is_given, name_words, initials, all(w in common for w in name_words))
                    self.parts.append(part)
                    self._index.add(name_words, part)
            for surname in person.surnames:
                for initial in initials:
                    self._initials_pairs.add((initial, words(surname)[0][0]))

    def find(self, text: str, folded: str, text_tokens: list[Token]) -> Iterator[tuple[int, int]]:
        """Spans (in `text`) of each accepted mention; `folded` is `fold(text)`."""
        found = sorted(self._parts_found(folded, text_tokens), key=lambda f: f.first)
        for group in self._groups(found, folded, text_tokens):
            first, last = self._with_initials(group, text, folded, text_tokens)
            widened = (first, last) != (group[0].first, group[0].last)
            if len(group) > 1 or widened or self._alone_ok(group[0], text, folded, text_tokens):
                yield text_tokens[first].start, text_tokens[last].end
        if self.partial:
            yield from self._initials_only(text, folded, text_tokens)

    # ------------------------------------------------------------ parts
    def _parts_found(self, folded: str, text_tokens: list[Token]) -> Iterator[_Found]:
        covered: set[int] = set()
        for match in self._index.find(folded, text_tokens):
            covered.update(range(match.first, match.last + 1))
            yield _Found(match.first, match.last, match.payload)
        if self.typos:
            for index, token in enumerate(text_tokens):
                if index not in covered and (part := self._typo_part(token)) is not None:
                    yield _Found(index, index, part)

    def _typo_part(self, token: Token) -> NamePart | None:
        if len(token.key) < MIN_TYPO_LENGTH - 1 or token.key in common_word_keys():
            return None
        for part in self.parts:
            if len(part.words) == 1 and not part.common:
                word = part.words[0]
                if len(word) >= MIN_TYPO_LENGTH and word[0] == token.key[0] and one_edit_apart(word, token.key):
                    return part
        return None

    def _groups(self, found: list[_Found], folded: str, text_tokens: list[Token]) -> Iterator[list[_Found]]:
        group: list[_Found] = []
        for item in found:
            previous = group[-1].last if group else -2
            if item.first == previous + 1 and self._adjacent(folded, text_tokens[previous], text_tokens[item.first]):
                group.append(item)
                continue
            if group:
                yield group
            group = [item]
        if group:
            yield group

    @staticmethod
    def _adjacent(folded: str, left: Token, right: Token) -> bool:
        return _BETWEEN_PARTS.fullmatch(folded, left.end, right.start) is not None

    # ------------------------------------------------------------ initials and lone names
    def _is_initial(self, index: int, group: list[_Found], text: str, text_tokens: list[Token]) -> bool:
        token = text_tokens[index]
        initials = {i for item in group for i in item.part.initials}
        return len(token.key) == 1 and token.key in initials and text[token.start].isupper()

    def _with_initials(self, group: list[_Found], text: str, folded: str, text_tokens: list[Token]) -> tuple[int, int]:
        """The group's token range, widened to initials before ("J.-P. Dupont") or after ("DUPONT J.")."""
        if not any(not item.part.given for item in group):
            return group[0].first, group[-1].last
        first, last = group[0].first, group[-1].last
        while (
            first > 0
            and self._is_initial(first - 1, group, text, text_tokens)
            and _AFTER_INITIAL.fullmatch(folded, text_tokens[first - 1].end, text_tokens[first].start)
        ):
            first -= 1
        while (
            last + 1 < len(text_tokens)
            and self._is_initial(last + 1, group, text, text_tokens)
            and self._adjacent(folded, text_tokens[last], text_tokens[last + 1])
        ):
            last += 1
        return first, last

    def _alone_ok(self, item: _Found, text: str, folded: str, text_tokens: list[Token]) -> bool:
        """A lone first name or surname: written with a capital, and after a title unless it
        is no ordinary word; a lone first name only when `partial`."""
        if item.part.given and not self.partial:
            return False
        if not any(text[text_tokens[i].start].isupper() for i in range(item.first, item.last + 1)):
            return False  # "de la Fontaine" counts by its capital F
        if item.first > 0:
            before = text_tokens[item.first - 1]
            if before.key in title_keys() and _AFTER_TITLE.fullmatch(folded, before.end, text_tokens[item.first].start):
                return True
        return not item.part.common

    def _initials_only(self, text: str, folded: str, text_tokens: list[Token]) -> Iterator[tuple[int, int]]:
        """"J.D.", "J. D." for a person with first name J... and surname D...: upper case, dotted."""
        for index in range(len(text_tokens) - 1):
            left, right = text_tokens[index], text_tokens[index + 1]
            if len(left.key) == 1 and len(right.key) == 1 and (left.key, right.key) in self._initials_pairs:
                between = folded[left.end : right.start]
                dotted = between in (".", ". ") and folded[right.end : right.end + 1] == "."
                if dotted and text[left.start].isupper() and text[right.start].isupper():
                    yield left.start, right.end + 1
