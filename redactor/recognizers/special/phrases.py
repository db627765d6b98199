"""Word tokens of French clinical text and a trie of phrases over their folded forms.

Matching is on folded tokens: lower case, no accents ("Séropositive" and "SEROPOSITIVE" give
"seropositive"). Hyphens, apostrophes and quotation marks join words but are not tokens
("d'origine" and "d origine" both give `d`, `origine`); other punctuation marks are
one-character tokens, so a phrase may contain "+" ("VIH+") but never spans a full stop it does
not name.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

# A word is a run of letters and digits; hyphens, apostrophes and quotation marks are skipped;
# any other mark that is not a space is a token of its own; a line break is a token (it ends a
# statement), unless it only wraps a long line (`_is_soft_wrap`).
_TOKEN = re.compile(r"[^\W_]+|\n|[^\w\s'’‘`´\-‐‑«»\"“”„]")
# Tokens that end a statement: context rules and qualifiers do not look past them. A full
# stop after a title or an initial ("M. Chrétien", "Dr. Martin") ends nothing: `tokenize`
# gives it a key of its own instead of ".".
SENTENCE_ENDS = frozenset({".", ";", "!", "?", "\n", "…"})
_TITLES = frozenset({"m", "mme", "mmes", "mr", "mlle", "me", "dr", "pr", "st", "ste"})
# Keys that no token of a note can have: they start with "<", which is always a token of its
# own, and are longer than one character.
_ABBREVIATION_DOT = "<abbreviation dot>"
# Placeholders a phrase may use in place of a word.
NUMBER = "<num>"
GENE = "<gene>"
# a gene or variant symbol: capitals with a digit (BRCA1, TP53, V617F, F508del) or three to
# eight capitals (MEFV); phrases use it only after "mutation", "gène", "variant"...
_GENE_LIKE = re.compile(r"[A-Z][A-Z0-9]*[0-9][A-Za-z0-9]*|[A-Z]{3,8}")


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        stripped = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if stripped and stripped != char:
            table[code] = stripped.lower()
    table.update({ord("œ"): "oe", ord("Œ"): "oe", ord("æ"): "ae", ord("Æ"): "ae", ord("ß"): "ss"})
    return table


_FOLD = _fold_table()


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Case- and accent-insensitive form of a word: "Séropositive" -> "seropositive"."""
    return word.lower().translate(_FOLD)


@lru_cache(maxsize=50_000)
def strip_accents(word: str) -> str:
    """The word without accents, case kept: "VIH" stays "VIH", "Éthylisme" -> "Ethylisme"."""
    return "".join(fold(c) if c.islower() else fold(c).upper() if c.isupper() else c for c in word)


@dataclass(frozen=True)
class Tokens:
    """The tokens of a text: parallel lists of offsets, surface forms and folded keys."""

    starts: list[int]
    ends: list[int]
    texts: list[str]
    keys: list[str]

    def __len__(self) -> int:
        return len(self.keys)

    def is_number(self, index: int) -> bool:
        return self.texts[index].isdigit()

    def is_gene_like(self, index: int) -> bool:
        return _GENE_LIKE.fullmatch(self.texts[index]) is not None

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """Indices [first, last) of the tokens that overlap the character span [start, end)."""
        return bisect_right(self.ends, start), bisect_left(self.starts, end)


@lru_cache(maxsize=8)
def tokenize(text: str) -> Tokens:
    """The tokens of a text (cached: the detectors and the qualifiers of one note share them)."""
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "\n" and _is_soft_wrap(text, match.start(), texts):
            continue
        start, end = match.span()
        starts.append(start)
        ends.append(end)
        texts.append(token)
    keys = list(map(fold, texts))
    for index in range(1, len(keys)):
        if keys[index] == "." and keys[index - 1] in _TITLES and starts[index] == ends[index - 1]:
            keys[index] = _ABBREVIATION_DOT
    return Tokens(starts, ends, texts, keys)


# A line this long that ends inside a sentence was wrapped by an editor or a PDF extractor:
# "hospitalisé pour tentative de\nsuicide" is one phrase. Short lines are list items.
_WRAPPED_LINE = 40
_NEXT_WORD = re.compile(r"[ \t]*[^\W\d_]")


def _capitals_line(text: str, start: int, end: int) -> bool:
    letters = [c for c in text[start:end] if c.isalpha()]
    return len(letters) >= 20 and all(c.isupper() for c in letters)


def _is_soft_wrap(text: str, position: int, texts_so_far: list[str]) -> bool:
    """A line break after a word of a long line, before a lower-case word, is no statement end."""
    if not texts_so_far or not texts_so_far[-1][-1:].isalnum():
        return False
    line_start = text.rfind("\n", 0, position) + 1
    if position - line_start < _WRAPPED_LINE:
        return False
    following = _NEXT_WORD.match(text, position + 1)
    if following is None:
        return False
    # a lower-case word goes on the sentence; in a text typed in capitals, a capital does
    return following.group()[-1].islower() or (texts_so_far[-1].isupper() and _capitals_line(text, line_start, position))


def words_of(text: str) -> list[str]:
    """The surface tokens of a text, as `tokenize` cuts them."""
    return _TOKEN.findall(text)


def phrase_keys(phrase: str) -> list[str]:
    """The folded token keys of a phrase written in a vocabulary (placeholders kept)."""
    keys: list[str] = []
    for word in phrase.split():
        if word in (NUMBER, GENE):
            keys.append(word)
        else:
            keys.extend(fold(match.group()) for match in _TOKEN.finditer(word))
    return keys


# Every leaf shares these (read-only) until a phrase goes through it or ends at it: the expanded
# vocabularies hold about two million nodes, most of them leaves.
_NO_CHILDREN: Mapping[str, _Node] = MappingProxyType({})
_NO_PAYLOADS: tuple[object, ...] = ()


class _Node:
    """A trie node: children by token key (placeholders included) and the payloads of the
    phrases that end here. Payloads live beside the children, never under a reserved key, so no
    token of a note (a NUL, any character) can be mistaken for the end of a phrase."""

    __slots__ = ("children", "payloads")

    def __init__(self) -> None:
        self.children: Mapping[str, _Node] = _NO_CHILDREN
        self.payloads: tuple[object, ...] = _NO_PAYLOADS


class PhraseTrie:
    """Phrases as sequences of folded token keys, each carrying payloads.

    The placeholders NUMBER and GENE start with "<", which `tokenize` always cuts as a token of
    its own: no token of a note can equal a placeholder key.
    """

    def __init__(self) -> None:
        self._root = _Node()
        self._longest = 0  # tokens in the longest phrase
        self._payload_tuples: dict[tuple[object, ...], tuple[object, ...]] = {}

    def add(self, keys: list[str] | tuple[str, ...], payload: object) -> None:
        if not keys:
            raise ValueError("a phrase needs at least one word")
        self._longest = max(self._longest, len(keys))
        node = self._root
        for key in keys:
            child = node.children.get(key)
            if child is None:
                if node.children is _NO_CHILDREN:
                    node.children = {}
                child = node.children[key] = _Node()  # type: ignore[index]
            node = child
        if payload not in node.payloads:
            payloads = node.payloads + (payload,)
            node.payloads = self._payload_tuples.setdefault(payloads, payloads)  # shared by equal ends

    def may_start(self, tokens: Tokens, index: int) -> bool:
        """Whether some phrase may start at token `index` (a cheap test before `matches_at`):
        the token leads from the root to a node where a phrase ends or which the next token
        leads on from. Most tokens of a note ("de", "la", a number) begin some phrase, and
        nearly none of them one that the next token continues."""
        root = self._root.children
        child = root.get(tokens.keys[index])
        return (
            (child is not None and self._goes_on(child, tokens, index + 1))
            or (NUMBER in root and tokens.is_number(index) and self._goes_on(root[NUMBER], tokens, index + 1))
            or (
                GENE in root
                and tokens.texts[index][:1].isupper()
                and tokens.is_gene_like(index)
                and self._goes_on(root[GENE], tokens, index + 1)
            )
        )

    def start_positions(self, tokens: Tokens) -> list[int]:
        """Every index at which `may_start` holds, in one pass over the tokens (the test
        written out, not called per token: a note's scan visits every token)."""
        keys, texts = tokens.keys, tokens.texts
        root = self._root.children
        number_node, gene_node = root.get(NUMBER), root.get(GENE)
        count = len(keys)
        positions: list[int] = []
        for index, key in enumerate(keys):
            child = root.get(key)
            if child is not None:
                if child.payloads:
                    positions.append(index)
                    continue
                following = child.children
                if index + 1 < count and (
                    keys[index + 1] in following
                    or (NUMBER in following and texts[index + 1].isdigit())
                    or (GENE in following and tokens.is_gene_like(index + 1))
                ):
                    positions.append(index)
                    continue
            if (number_node is not None and texts[index].isdigit() and self._goes_on(number_node, tokens, index + 1)) or (
                gene_node is not None
                and texts[index][:1].isupper()
                and tokens.is_gene_like(index)
                and self._goes_on(gene_node, tokens, index + 1)
            ):
                positions.append(index)
        return positions

    @staticmethod
    def _goes_on(node: _Node, tokens: Tokens, index: int) -> bool:
        """A phrase ends at `node`, or token `index` leads on from it."""
        if node.payloads:
            return True
        children = node.children
        return index < len(tokens.keys) and (
            tokens.keys[index] in children
            or (NUMBER in children and tokens.is_number(index))
            or (GENE in children and tokens.is_gene_like(index))
        )

    def matches_at(self, tokens: Tokens, index: int) -> Iterator[tuple[int, object]]:
        """(end index exclusive, payload) of every phrase starting at token `index`."""
        stack: list[tuple[_Node, int]] = [(self._root, index)]
        while stack:
            node, position = stack.pop()
            if position > index:
                for payload in node.payloads:
                    yield position, payload
            if position >= len(tokens.keys):
                continue
            children = node.children
            child = children.get(tokens.keys[position])
            if child is not None:
                stack.append((child, position + 1))
            if NUMBER in children and tokens.is_number(position):
                stack.append((children[NUMBER], position + 1))
            if GENE in children and tokens.is_gene_like(position):
                stack.append((children[GENE], position + 1))

    def first_start_ending_at(self, tokens: Tokens, end: int) -> int | None:
        """The first index at which a phrase starts that ends just before token `end`, if any."""
        for index in range(max(0, end - self._longest), end):
            if self.may_start(tokens, index) and any(stop == end for stop, _ in self.matches_at(tokens, index)):
                return index
        return None
