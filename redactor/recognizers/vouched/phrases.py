"""Finding listed phrases in a text, token by token, whatever their case, accents or spacing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Iterator, TypeVar

from redactor.recognizers.vouched.folding import Token

Payload = TypeVar("Payload")

# What may separate two words of one phrase: spaces or a line break, a hyphen, an apostrophe,
# a dot ("C.H.U.", "St. Jean"); at most a few characters.
_JOINER = re.compile(r"[\s\-'.]{0,4}")


def joined(folded: str, left: Token, right: Token) -> bool:
    """True when only a phrase joiner stands between two tokens."""
    return _JOINER.fullmatch(folded, left.end, right.start) is not None


@dataclass(frozen=True)
class PhraseMatch(Generic[Payload]):
    first: int  # token index of the first word
    last: int  # token index of the last word (inclusive)
    payload: Payload


class PhraseIndex(Generic[Payload]):
    """Phrases as tuples of folded words, indexed by their first word; the longest match wins."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Payload]]] = {}

    def add(self, phrase_words: tuple[str, ...], payload: Payload) -> None:
        entries = self._by_first.setdefault(phrase_words[0], [])
        entries.append((phrase_words, payload))
        entries.sort(key=lambda entry: -len(entry[0]))

    def __len__(self) -> int:
        return sum(len(entries) for entries in self._by_first.values())

    def find(self, folded: str, text_tokens: list[Token]) -> Iterator[PhraseMatch[Payload]]:
        """Non-overlapping matches, left to right."""
        index = 0
        while index < len(text_tokens):
            match = self._match_at(folded, text_tokens, index)
            if match is None:
                index += 1
                continue
            yield match
            index = match.last + 1

    def _match_at(self, folded: str, text_tokens: list[Token], index: int) -> PhraseMatch[Payload] | None:
        for phrase_words, payload in self._by_first.get(text_tokens[index].key, ()):
            last = index + len(phrase_words) - 1
            if last >= len(text_tokens):
                continue
            following = text_tokens[index : last + 1]
            if all(
                token.key == word and joined(folded, before, token)
                for before, token, word in zip(following, following[1:], phrase_words[1:])
            ):
                return PhraseMatch(index, last, payload)
        return None
