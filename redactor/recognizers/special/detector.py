"""The special-category detector: GDPR Art. 9 and Art. 10 content and excessive comments.

One pass over the tokens of the normalised text: at each token, the longest vocabulary phrase
whose context rules hold wins (an exclusion wins by hiding what it covers), then matching
resumes after it. A word of 6 letters or more from a `fuzzy` group also matches with one typing
error. Every finding names its rule, e.g. `special.religion.faiths`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from redactor.findings import SPECIAL_CATEGORIES, Finding
from redactor.recognizers.special.base import TextDetector
from redactor.recognizers.special.phrases import (
    NUMBER,
    SENTENCE_ENDS,
    Tokens,
    strip_accents,
    tokenize,
)
from redactor.recognizers.special.vocabulary import (
    FUZZY_MIN_LENGTH,
    CompiledVocabulary,
    ContextWords,
    Entry,
    Rule,
    deletions,
    load_vocabulary,
)

_MAX_JOIN_GAP = 4
_FUZZY_CACHE_SIZE = 100_000


@dataclass
class _Span:
    """A match being built: token indices [first, last) and the rule that found it."""

    first: int
    last: int
    rule: Rule


def within_one_edit(a: str, b: str) -> bool:
    """True when `a` becomes `b` by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return a[i:] == b[i + 1 :]


def _seen(context: ContextWords, tokens: Tokens, indices: range) -> bool:
    words = context.words
    return any(tokens.keys[i] in words or (NUMBER in words and tokens.is_number(i)) for i in indices)


def _before(tokens: Tokens, first: int, size: int) -> range:
    """Up to `size` token indices before `first`, nearest first, not past a sentence end."""
    stop = first
    while stop > 0 and first - stop < size and tokens.keys[stop - 1] not in SENTENCE_ENDS:
        stop -= 1
    return range(first - 1, stop - 1, -1)


def _after(tokens: Tokens, last: int, size: int) -> range:
    """Up to `size` token indices from `last` on, not past a sentence end."""
    stop = last
    while stop < len(tokens) and stop - last < size and tokens.keys[stop] not in SENTENCE_ENDS:
        stop += 1
    return range(last, stop)


def context_holds(rule: Rule, tokens: Tokens, first: int, last: int) -> bool:
    """The rule's context words allow a match of tokens [first, last)."""
    if any(_seen(c, tokens, _before(tokens, first, c.window)) for c in rule.not_after):
        return False
    if any(_seen(c, tokens, _after(tokens, last, c.window)) for c in rule.not_before):
        return False
    if rule.only_after and not any(_seen(c, tokens, _before(tokens, first, c.window)) for c in rule.only_after):
        return False
    return not rule.only_before or any(_seen(c, tokens, _after(tokens, last, c.window)) for c in rule.only_before)


def _spelling_holds(entry: Entry, tokens: Tokens, first: int, last: int) -> bool:
    for spelling in entry.spellings:
        text = tokens.texts[first + spelling.offset]
        if (strip_accents(text) if spelling.keep_case else text.lower()) != spelling.surface:
            return False
    if entry.rule.lowercase_only:
        shouted = _in_capitals(tokens, first, last)
        for text in tokens.texts[first:last]:
            if not text.islower() and not (shouted and text.isupper()):
                return False
    return True


def _in_capitals(tokens: Tokens, first: int, last: int) -> bool:
    """The words around [first, last) are written in capitals too: a line typed in capitals
    ("PATIENT SALE ET INSULTANT"), where case tells no proper noun from a word."""
    around = [
        tokens.texts[i]
        for i in (*range(max(0, first - 3), first), *range(last, min(len(tokens), last + 3)))
        if len(tokens.texts[i]) > 2 and tokens.texts[i].isalpha()
    ]
    return len(around) >= 2 and all(word.isupper() for word in around)


# a judgemental remark is its sentence ("extend_to: sentence" in its file, comments.yaml): the
# sentence is a second finding, scored under resolve.MERGE_FLOOR
_SENTENCE_SCORE = 0.45
_SENTENCE_REACH = 40  # tokens each side at most


def _sentence_of(tokens: Tokens, first: int, last: int) -> tuple[int, int]:
    """Token range [first, last) grown to the sentence around it."""
    return first - len(_before(tokens, first, _SENTENCE_REACH)), last + len(_after(tokens, last, _SENTENCE_REACH))


class SpecialCategoryDetector(TextDetector):
    """Sensitive content by vocabulary: health, sexuality, beliefs, origin, opinions, unions,
    genetics, biometrics, offences, and judgemental comments."""

    def __init__(self, vocabulary: CompiledVocabulary | None = None):
        super().__init__(name="SpecialCategories", categories=list(SPECIAL_CATEGORIES))
        self.vocabulary = vocabulary or load_vocabulary()
        self._fuzzy_cache: dict[str, list[Entry]] = {}  # word -> entries it is a typo of
        # a word longer than this is no typo of any vocabulary word (one edit at most)
        self._fuzzy_max_length = max(map(len, self.vocabulary.fuzzy_entries), default=0) + 1
        self._typo_lengths = range(FUZZY_MIN_LENGTH - 1, self._fuzzy_max_length + 1)

    def find(self, text: str, doc: Doc | None = None) -> Iterable[Finding]:
        tokens = tokenize(text)
        spans: list[_Span] = []
        phrase_starts = set(self.vocabulary.trie.start_positions(tokens))
        # a phrase can begin only where the trie starts one or at a typo of a vocabulary word
        typo_lengths, known_typos = self._typo_lengths, self._fuzzy_cache
        typo_starts = []
        for index, key in enumerate(tokens.keys):
            if len(key) in typo_lengths and index not in phrase_starts:
                entries = known_typos.get(key)
                if entries is None:
                    entries = self._fuzzy_entries(key)
                if entries:
                    typo_starts.append(index)
        candidates = sorted(phrase_starts.union(typo_starts))
        next_free = 0
        for index in candidates:
            if index < next_free:
                continue
            matched = self._match_at(tokens, index, index in phrase_starts)
            if matched is not None:
                end, rule = matched
                if rule.category is not None:
                    spans.append(_Span(index, end, rule))
                next_free = end
        if not spans:
            return []
        self._extend(tokens, spans)
        findings = []
        for span in self._merged(tokens, spans):
            start, end = tokens.starts[span.first], tokens.ends[span.last - 1]
            findings.append(Finding(start, end, span.rule.category, span.rule.score, span.rule.name))
            if span.rule.family in self.vocabulary.sentence_families:
                first, last = _sentence_of(tokens, span.first, span.last)
                # the whole remark, scored under MERGE_FLOOR so that a name inside stays a name
                findings.append(
                    Finding(tokens.starts[first], tokens.ends[last - 1], span.rule.category, _SENTENCE_SCORE, span.rule.name)
                )
        return findings

    def _extend(self, tokens: Tokens, spans: list[_Span]) -> None:
        """Grow spans over their family's heads and tails and over trailing plus signs."""
        for span in spans:
            first, last, rule = span.first, span.last, span.rule
            tails = self.vocabulary.tails.get(rule.family)
            for _ in range(3):
                # "VIH+", "OH++": plus signs written against the term belong to it
                while (
                    last < len(tokens)
                    and tokens.keys[last] == "+"
                    and tokens.starts[last] == tokens.ends[last - 1]
                ):
                    last += 1
                ends = (
                    [end for end, _ in tails.matches_at(tokens, last)] if tails and last < len(tokens) else []
                )
                if not ends:
                    break
                last = max(ends)
            heads = self.vocabulary.heads.get(rule.family)
            if heads is not None:
                for _ in range(3):
                    start = heads.first_start_ending_at(tokens, first)
                    if start is None:
                        break
                    first = start
            span.first, span.last = first, last

    def _merged(self, tokens: Tokens, spans: list[_Span]) -> list[_Span]:
        """Spans of one category that touch or are separated only by joiners become one span;
        a span grown into another category's span gives way to it."""
        spans.sort(key=lambda s: (s.first, -s.last))
        merged: list[_Span] = []
        joiners = self.vocabulary.joiners
        for span in spans:
            if merged:
                previous = merged[-1]
                gap = range(previous.last, span.first)
                if previous.rule.category == span.rule.category and (
                    span.first <= previous.last
                    or (
                        len(gap) <= _MAX_JOIN_GAP
                        and all(tokens.keys[i] in joiners or tokens.is_number(i) for i in gap)
                    )
                ):
                    previous.last = max(previous.last, span.last)
                    continue
                if span.first < previous.last:
                    span.first = previous.last
                    if span.first >= span.last:
                        continue
            merged.append(span)
        return merged

    def _match_at(self, tokens: Tokens, index: int, phrase_may_start: bool) -> tuple[int, Rule] | None:
        """(end, rule) of the longest phrase at `index` whose case and context hold, or of a
        typo of a word there (`phrase_may_start`: the trie's `may_start` at `index`)."""
        trie = self.vocabulary.trie
        candidates = (
            sorted(trie.matches_at(tokens, index), key=lambda c: (-c[0], c[1].rule.category is not None))
            if phrase_may_start
            else []
        )
        if not candidates:
            candidates = [(index + 1, entry) for entry in self._fuzzy_entries(tokens.keys[index])]
        for end, entry in candidates:
            if _spelling_holds(entry, tokens, index, end) and (
                entry.rule.category is None or context_holds(entry.rule, tokens, index, end)
            ):
                return end, entry.rule
        return None

    def _fuzzy_entries(self, key: str) -> list[Entry]:
        if not FUZZY_MIN_LENGTH - 1 <= len(key) <= self._fuzzy_max_length or not key.isalpha():
            return []
        cached = self._fuzzy_cache.get(key)
        if cached is None:
            if len(self._fuzzy_cache) > _FUZZY_CACHE_SIZE:
                self._fuzzy_cache.clear()
            cached = self._fuzzy_cache[key] = self._fuzzy_lookup(key)
        return cached

    def _fuzzy_lookup(self, key: str) -> list[Entry]:
        index = self.vocabulary.fuzzy_index
        words: set[str] = set()
        for variant in deletions(key):
            words.update(index.get(variant, ()))
        return [
            entry
            for word in sorted(words)
            if word[0] == key[0] and within_one_edit(word, key)
            for entry in self.vocabulary.fuzzy_entries[word]
        ]
