"""PERSON: rules for where a Wikipedia-trained NER fails in clinical notes.

Rules, each named in the finding's `detector`:
- person.title: a title (M., Mme, Dr, Pr...) then name tokens; the title is not in the span.
- person.label: a label such as "Copie à :", "Interne :", "Médecin traitant :" then names.
- person.relation: a relation word then a name ("sa fille Sophie", "son époux Kaya").
- person.upper_first: an upper-case surname with a known first name, in either order.
- person.first_capitalised: a known first name then a capitalised or upper-case surname.
- person.upper_surname: an upper-case word that is a known surname.
- person.ner: the spaCy NER's person entities (titles trimmed).
- person.propagated: every other occurrence, in the same note, of a name found above.
Eponyms ("maladie de Crohn", "score de Glasgow") are never persons.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.lexicon import NameLexicon, fold, name_lexicon

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿœ"
_CAPITALISED = rf"[{_UPPER}][{_LOWER}]+(?:[\-'’][{_UPPER}]?[{_LOWER}]+)*"
_ALL_CAPS = rf"[{_UPPER}]{{2,}}(?:[\-'’][{_UPPER}]{{2,}})*"
_INITIALS = rf"[{_UPPER}]\.(?:\s?-?\s?[{_UPPER}]\.)*"
_LOWERCASE_WORD = rf"[{_LOWER}]+(?:-[{_LOWER}]+)*"
_PARTICLE = r"(?:de|du|des|d'|d’|van|von|der|den|le|la|da|das|dos|do|di|del|della|ben|bin|ibn|el|al|ter|ten|mac|mc)"
_NAME_TOKEN = rf"(?:{_INITIALS}|{_ALL_CAPS}|{_CAPITALISED})"
_NAME_SEQUENCE = (
    rf"(?:{_PARTICLE}\s?)?{_NAME_TOKEN}"
    rf"(?:(?:[ \t]+|[ \t]*-[ \t]*(?={_INITIALS}))(?:{_PARTICLE}\s?)?{_NAME_TOKEN}){{0,3}}"
)


def _alternation(words: Iterable[str]) -> str:
    escaped = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "|".join(escaped)


class PersonRules(Detector):
    """Rule-based person names: titles, labels, relations, case patterns and lexicons."""

    def __init__(self, lexicon: NameLexicon | None = None):
        super().__init__(name="PersonRules", categories=["PERSON"])
        self.lexicon = lexicon or name_lexicon()
        lex = self.lexicon
        single_capital_titles = [t for t in lex.titles if t in ("M", "Me", "MM")]
        other_titles = [t for t in lex.titles if t not in single_capital_titles]
        title = rf"(?:(?:{_alternation(single_capital_titles)})|(?i:{_alternation(other_titles)}))"
        self._title = re.compile(
            rf"(?<![\w.])(?:{title})(?:\.|\b)[ \t]*(?:et[ \t]+(?:{title})\.?[ \t]*)?"
            rf"(?P<name>{_NAME_SEQUENCE}|{_LOWERCASE_WORD}(?:[ \t]+{_LOWERCASE_WORD})?)"
        )
        self._label = re.compile(
            rf"(?im)^[ \t\-•*]*(?:{_alternation(lex.name_labels)})(?:\(e\)|\(s\))?[ \t]*(?::|par\b)[ \t]*(?P<rest>[^\n]*)"
        )
        self._relation = re.compile(
            rf"(?i:\b(?:sa|son|ses|leur|leurs|la|le|sa\s+propre|une|un|de\s+sa|de\s+son|du|avec\s+sa|avec\s+son)"
            rf"\s+(?:{_alternation(lex.relations)}))\s*,?\s+(?:\(?)(?P<name>{_NAME_SEQUENCE})"
        )
        self._name_pair = re.compile(
            rf"(?<![\w\-'’])(?P<a>{_ALL_CAPS}|{_CAPITALISED})(?P<sep>[ \t]+)(?P<b>{_ALL_CAPS}|{_CAPITALISED})"
            rf"(?:[ \t]+(?P<c>{_ALL_CAPS}|{_CAPITALISED}))?(?![\w\-'’])"
        )
        self._all_caps_word = re.compile(rf"(?<![\w\-'’]){_ALL_CAPS}(?![\w\-'’])")
        self._list_item = re.compile(
            rf"(?:(?:{title})\.?[ \t]*)?(?P<name>{_NAME_SEQUENCE}|{_LOWERCASE_WORD}(?:[ \t]+{_LOWERCASE_WORD})?)"
        )
        self._eponym_before = re.compile(
            rf"(?i:\b(?:{_alternation(lex.eponym_triggers)})\s+(?:de|d'|d’|du|des)\s*)$"
        )

    # -- helpers ------------------------------------------------------------------------
    def _trim(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Drop leading/trailing tokens that are not names (headers, acronyms, particles)."""
        tokens = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
        while tokens and self._not_name_token(text[tokens[-1][0] : tokens[-1][1]]):
            tokens.pop()
        while tokens and self._not_name_token(text[tokens[0][0] : tokens[0][1]], leading=True):
            tokens.pop(0)
        if not tokens:
            return None
        return tokens[0][0], tokens[-1][1]

    def _not_name_token(self, token: str, leading: bool = False) -> bool:
        stripped = token.strip(",;:()")
        if not stripped:
            return True
        if self.lexicon.is_not_name(stripped):
            return True
        if re.fullmatch(_PARTICLE, stripped, re.IGNORECASE):
            return not leading  # a particle may open a name ("de La Tour") but never end it
        return False

    def _is_eponym(self, text: str, start: int) -> bool:
        return bool(self._eponym_before.search(text[max(0, start - 40) : start]))

    def _lowercase_name_ok(self, span: str) -> bool:
        """A lower-case word after a title counts only if it is a known name ("dr martin")."""
        return all(self.lexicon.is_known_name(word) for word in span.split())

    def _finding(self, text: str, start: int, end: int, score: float, rule: str) -> Finding | None:
        trimmed = self._trim(text, start, end)
        if trimmed is None:
            return None
        start, end = trimmed
        if self._is_eponym(text, start):
            return None
        return Finding(start, end, "PERSON", score, f"person.{rule}")

    # -- rules --------------------------------------------------------------------------
    def _by_title(self, text: str) -> Iterator[Finding]:
        for match in self._title.finditer(text):
            name = match.group("name")
            if name[0].islower() and not self._lowercase_name_ok(name):
                continue
            found = self._finding(text, match.start("name"), match.end("name"), 0.9, "title")
            if found:
                yield found

    def _by_label(self, text: str) -> Iterator[Finding]:
        for match in self._label.finditer(text):
            rest_start = match.start("rest")
            for item in re.finditer(r"[^,;/&+]+", match.group("rest")):
                piece = item.group()
                # an item is a name list entry only if it starts with a name (after a title)
                inner = self._list_item.match(piece.strip())
                if not inner:
                    continue
                offset = rest_start + item.start() + (len(piece) - len(piece.lstrip()))
                name = inner.group("name")
                if name[0].islower() and not self._lowercase_name_ok(name):
                    continue
                start = offset + inner.start("name")
                found = self._finding(text, start, start + len(name), 0.85, "label")
                if found:
                    yield found

    def _by_relation(self, text: str) -> Iterator[Finding]:
        for match in self._relation.finditer(text):
            found = self._finding(text, match.start("name"), match.end("name"), 0.8, "relation")
            if found:
                yield found

    def _by_case_patterns(self, text: str) -> Iterator[Finding]:
        lex = self.lexicon
        for match in self._name_pair.finditer(text):
            tokens = [match.group(g) for g in ("a", "b", "c") if match.group(g)]
            if any(lex.is_not_name(t) for t in tokens[:2]):
                continue
            a, b = tokens[0], tokens[1]
            a_upper, b_upper = a.isupper(), b.isupper()
            end = match.end("b")
            if len(tokens) == 3 and not lex.is_not_name(tokens[2]) and (
                tokens[2].isupper() or lex.is_known_name(tokens[2])
            ):
                end = match.end("c")
            if a_upper != b_upper:
                # "MARCHAND Sylvie" / "Sylvie MARCHAND": the capitalised one is a first name
                capitalised = b if a_upper else a
                if lex.is_first_name(capitalised):
                    found = self._finding(text, match.start("a"), end, 0.85, "upper_first")
                    if found:
                        yield found
            elif a_upper and b_upper:
                # "DUPONT JEAN": one of them a first name, the other a known surname or unknown
                if (lex.is_first_name(a) or lex.is_first_name(b)) and len(a) > 2 and len(b) > 2:
                    found = self._finding(text, match.start("a"), end, 0.7, "upper_first")
                    if found:
                        yield found
            elif lex.is_first_name(a) and not self._sentence_initial_word(text, match.start("a"), a):
                found = self._finding(text, match.start("a"), end, 0.75, "first_capitalised")
                if found:
                    yield found

    def _sentence_initial_word(self, text: str, start: int, word: str) -> bool:
        """A first name that is also a common word, opening a sentence, is not evidence."""
        before = text[max(0, start - 3) : start].strip()
        at_sentence_start = not before or before[-1] in ".!?:\n"
        return at_sentence_start and self.lexicon.is_last_name(word) is False and fold(word) in _COMMON_OPENERS

    def _by_upper_surname(self, text: str) -> Iterator[Finding]:
        lex = self.lexicon
        for match in self._all_caps_word.finditer(text):
            word = match.group()
            if len(word) >= 3 and lex.is_last_name(word) and not lex.is_not_name(word):
                found = self._finding(text, match.start(), match.end(), 0.6, "upper_surname")
                if found:
                    yield found

    def _by_ner(self, text: str, doc: Doc) -> Iterator[Finding]:
        for entity in doc.ents:
            if entity.label_ not in ("PER", "PERSON"):
                continue
            found = self._finding(text, entity.start_char, entity.end_char, 0.8, "ner")
            if found and re.search(rf"[{_UPPER}]", text[found.start : found.end]):
                # strip a title the model swallowed ("Mme Dupont")
                title = self._title.match(text, found.start)
                if title and title.start("name") < found.end:
                    found = Finding(title.start("name"), found.end, "PERSON", 0.8, "person.ner")
                yield found

    def _propagate(self, text: str, found: list[Finding]) -> Iterator[Finding]:
        tokens: set[str] = set()
        for finding in found:
            for token in re.findall(rf"{_ALL_CAPS}|{_CAPITALISED}", text[finding.start : finding.end]):
                if len(token) >= 3 and not self.lexicon.is_not_name(token):
                    tokens.add(token)
        if not tokens:
            return
        forms = {fold(t) for t in tokens}
        pattern = re.compile(rf"(?<![\w\-'’])(?:{_ALL_CAPS}|{_CAPITALISED})(?![\w\-'’])")
        for match in pattern.finditer(text):
            if fold(match.group()) in forms and not self._is_eponym(text, match.start()):
                yield Finding(match.start(), match.end(), "PERSON", 0.7, "person.propagated")

    def find(self, text: str, doc: Doc) -> Iterable[Finding]:
        found = [
            *self._by_title(text),
            *self._by_label(text),
            *self._by_relation(text),
            *self._by_case_patterns(text),
            *self._by_upper_surname(text),
            *self._by_ner(text, doc),
        ]
        return found + list(self._propagate(text, found))


# Words that are first names in the lexicon but open sentences as ordinary words.
_COMMON_OPENERS = frozenset(
    fold(w) for w in ("Pierre", "Claire", "Rose", "Iris", "Blanche", "Max", "Prudence", "Constance", "Victoire", "Aimé", "Ange", "Désiré")
)
