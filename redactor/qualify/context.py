"""One note as the qualifiers see it: tokens, sentences, clause ends, the cues found, the
mentions, and whether a cue reaches a mention."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from redactor.qualify.cues import CLAUSE_END, STRUCTURE, QualifierCues
from redactor.recognizers.special.phrases import SENTENCE_ENDS, tokenize

_MAX_PRECEDING_GAP = 10  # tokens between a preceding cue and the mention
_MAX_FOLLOWING_GAP = 3  # tokens between the mention and a following cue, outside lists
_MAX_LIST_GAP = 12  # ... when what lies between is a list of mentions ("VIH, VHB et VHC négatives")
# Marks that end a clause for preceding and following cues (commas are handled apart).
CLAUSE_MARKS = frozenset({":", "(", ")", "–", "—", "•", "|", "[", "]"})
# A comma continues a negated or hypothetical list when the next word is one of these.
_LIST_CONTINUATIONS = frozenset({"ni", "de", "d", "du", "des", "ou", "et", "l", "la", "le", "les"})
_LIST_FILLERS = frozenset({",", "et", "ou", "/", "+", "ni", "de", "d", "du", "des", "la", "le", "l"})
# A reporting verb covers the rest of its sentence, a semicolon included.
_REPORT_ENDS = SENTENCE_ENDS - {";"}
# Cues that give a mention its own result: a list of mentions does not run across them.
_RESULT_KINDS = frozenset({"testing.results", "negation.following"})
# A cue bears on a mention of its own sentence (a reporting verb's sentence), and no further than
# this many tokens: each mention reads only the cues near it, so that a note of a thousand
# mentions and cues, or one endless "sentence" of them, is qualified in linear time.
_CUE_REACH = 100


@dataclass(frozen=True)
class Cue:
    kind: str  # "negation.preceding", "reported.verbs", "structure.clause_end" ...
    start: int  # token indices, end exclusive
    end: int


def _sentence_bounds(numbers: list[int]) -> tuple[list[int], list[int]]:
    """For each sentence number, the index of its first token and of its last."""
    firsts: list[int] = []
    lasts: list[int] = []
    for index, number in enumerate(numbers):
        if number == len(firsts):
            firsts.append(index)
            lasts.append(index)
        lasts[number] = index
    return firsts, lasts


def _sentence_numbers(keys: list[str], ends: frozenset[str]) -> list[int]:
    """The number of the sentence each token belongs to, sentences ending at `ends`."""
    numbers = []
    current = 0
    for key in keys:
        numbers.append(current)
        if key in ends:
            current += 1
    return numbers


class Context:
    """One note's tokens, cues and mentions, with the questions the qualifiers ask about them."""

    def __init__(self, text: str, cues: QualifierCues, spans: list[tuple[int, int]]):
        self.text = text
        self.cues = cues
        self.tokens = tokenize(text)
        keys = self.tokens.keys
        self.sentence = _sentence_numbers(keys, SENTENCE_ENDS)
        self.report_sentence = _sentence_numbers(keys, _REPORT_ENDS)
        self.found: list[Cue] = self._scan()
        self.clause_end_at = {c.start for c in self.found if c.kind == CLAUSE_END}
        self._clause_ends_before = [0]  # at index i: how many clauses end at tokens before i
        for index in range(len(keys)):
            self._clause_ends_before.append(self._clause_ends_before[-1] + (index in self.clause_end_at))
        self._cue_starts = [c.start for c in self.found]  # in order: _scan goes through the tokens in order
        self.longest_cue = max((c.end - c.start for c in self.found), default=0)
        self._report_firsts, self._report_lasts = _sentence_bounds(self.report_sentence)
        self.mention_tokens: set[int] = set()
        for start, end in spans:
            first, last = self.tokens.covering(start, end)
            self.mention_tokens.update(range(first, last))

    # -- cues -------------------------------------------------------------------------
    def _scan(self) -> list[Cue]:
        """Longest cue per group at each position; a cue hides shorter ones it covers."""
        found: list[Cue] = []
        next_free: dict[str, int] = {}  # group -> first position not covered by its last cue
        tokens = self.tokens
        trie = self.cues.trie
        cue_starts = set(trie.start_positions(tokens))
        # a verb in the conditional ("serait", "aurait") is a preceding hypothesis cue
        endings, exceptions = self.cues.conditional_endings, self.cues.not_conditional
        conditionals = {
            index
            for index, key in enumerate(tokens.keys)
            if len(key) > 5 and key.endswith(endings) and key not in exceptions
        }
        # nothing happens at a token where no cue starts and that is no conditional verb
        for index in sorted(cue_starts | conditionals):
            longest: dict[str, tuple[int, list[str]]] = {}
            matches = trie.matches_at(tokens, index) if index in cue_starts else ()
            for end, kind in matches:
                group = kind if kind.startswith(STRUCTURE) else kind.split(".")[0]
                best = longest.get(group)
                if best is None or end > best[0]:
                    longest[group] = (end, [kind])
                elif end == best[0] and kind not in best[1]:
                    best[1].append(kind)
            for group, (end, kinds) in longest.items():
                if next_free.get(group, 0) <= index:
                    next_free[group] = end
                    found.extend(Cue(kind, index, end) for kind in kinds if not kind.endswith(".pseudo"))
            if index in conditionals and next_free.get("hypothesis", 0) <= index:
                found.append(Cue("hypothesis.preceding", index, index + 1))
        return found

    # -- cues near a mention --------------------------------------------------------------
    def cues_starting(self, lowest: int, highest: int) -> list[Cue]:
        """The cues that start at tokens `lowest` to `highest`, both included."""
        return self.found[bisect_left(self._cue_starts, lowest) : bisect_right(self._cue_starts, highest)]

    def cues_near(self, first: int, last: int) -> list[Cue]:
        """The cues that can bear on the mention on tokens [first, last): those that start or
        end in its sentences (counted as a reporting verb counts them, the widest), within
        _CUE_REACH tokens."""
        count = len(self.report_sentence)
        opening = self._report_firsts[self.report_sentence[min(first, count - 1)]]
        closing = self._report_lasts[self.report_sentence[min(max(last - 1, 0), count - 1)]]
        lowest = max(opening, first - _CUE_REACH) - self.longest_cue
        return self.cues_starting(lowest, min(closing, last + _CUE_REACH))

    # -- reach ------------------------------------------------------------------------
    def same_sentence(self, a: int, b: int) -> bool:
        return self.sentence[min(a, len(self.sentence) - 1)] == self.sentence[min(b, len(self.sentence) - 1)]

    def no_clause_end(self, first: int, last: int) -> bool:
        """No clause ends at tokens [first, last)."""
        return last <= first or self._clause_ends_before[last] == self._clause_ends_before[first]

    def preceding_reaches(self, cue_end: int, first: int) -> bool:
        """A cue ending at `cue_end` bears on a mention starting at token `first`."""
        if cue_end > first or first - cue_end > _MAX_PRECEDING_GAP:
            return False
        if not self.same_sentence(cue_end - 1, first) or not self.no_clause_end(cue_end, first):
            return False
        keys = self.tokens.keys
        for i in range(cue_end, first):
            if keys[i] in CLAUSE_MARKS:
                return False
            if keys[i] == "," and keys[i + 1] not in _LIST_CONTINUATIONS:
                return False
        return True

    def following_reaches(self, last: int, cue_start: int) -> bool:
        """A cue starting at `cue_start` bears on a mention ending before token `last`."""
        if cue_start < last or not self.same_sentence(last - 1, cue_start):
            return False
        between = range(last, cue_start)
        if not self.no_clause_end(last, cue_start):
            return False
        keys = self.tokens.keys
        if len(between) <= _MAX_FOLLOWING_GAP and not any(
            keys[i] in CLAUSE_MARKS or keys[i] == "," for i in between
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
            and not any(cue.kind in _RESULT_KINDS for cue in self.cues_starting(last, cue_start - 1))
        )

    def preceding_or_following(self, group: str, first: int, last: int, following: bool = True) -> bool:
        """A preceding or following cue of `group` bears on the mention on tokens [first, last)."""
        for cue in self.cues_near(first, last):
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

    def after_cue(
        self, cue: Cue, first: int, commas: bool, colons: bool = False, sentence: list[int] | None = None
    ) -> bool:
        """The mention comes after a cue that opens before it, in the same sentence and clause
        (sentences numbered as `sentence`, by default ended by any stop)."""
        sentence = sentence or self.sentence
        if cue.start >= first or sentence[cue.start] != sentence[first]:
            return False
        keys = self.tokens.keys
        between = range(cue.end, first)
        return self.no_clause_end(cue.end, first) and not any(
            (keys[i] == ":" and not colons) or (not commas and keys[i] == ",") for i in between
        )

    def before_cue(self, cue: Cue, last: int, commas: bool = True) -> bool:
        """The mention ends before a cue in the same sentence and clause ("X selon lui")."""
        keys = self.tokens.keys
        return (
            self.same_sentence(last - 1, cue.start)
            and self.no_clause_end(last, cue.start)
            and not any(keys[i] == ":" or (not commas and keys[i] == ",") for i in range(last, cue.start))
        )
