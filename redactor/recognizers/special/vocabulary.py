"""Special-category vocabularies: YAML files under `models/special/`, compiled into one trie.

A vocabulary file names a default `category`, `groups` of terms with their context rules, and
`exclusions`: phrases that must not fire (the longest phrase at a position wins, so "voile du
palais" hides "voile" and "électrode bipolaire" hides "bipolaire"). Term syntax:

- words are matched case- and accent-insensitively; hyphens and apostrophes are ignored;
- `word~` stands for the word's French gender and number forms (musulman~: musulman,
  musulmane, musulmans, musulmanes; homosexuel~: ...elle...; dépressif~: ...ive...);
- `verb~v` stands for the forms of a verb in -er (scarifier~v: scarifie, scarifiait, scarifié,
  scarifiée, scarifiera...);
- `{a,b,c}` is one of the alternatives, which may be empty or several words (`{,non} pratiquant~`);
- `@name` is any entry of the named list in `lists.yaml`;
- `=WORD` must be written in that case in the text (`=OH` is alcohol, "oh" is not);
- `^word` must be written with these accents (`^interné` is not "interne", `^gène` not "gêne");
- `<num>` is any number, `<gene>` any gene-like symbol (BRCA1, JAK2, V617F).

A file may also list `heads` and `tails`: words that join a finding of the file when written
right before or after it ("test" + "génétique", "trouble bipolaire" + "de type I"), so that the
span covers the whole expression. Findings of one category separated only by `joiners`
(lists.yaml: "et", "de", "pour"...) become one ("incarcéré pour agression sexuelle").

Group rules (context words use the same syntax, one word each, or a list whose compound
entries count by their last word; within `window` tokens and never past the end of a
sentence): `not_after` / `not_before` cancel a match, `only_after` requires a word before it
and `only_before` a word after it ("contrainte" only before "rapport", "prostitution");
`lowercase_only` ignores matches with any capital letter (first names, surnames, streets:
"Baptiste", "BAPTISTE", "Pasteur"). `fuzzy` lists distinctive words of 6 letters or more
that also match with one typing error ("homosexuelel"): only words with no ordinary neighbour
("activiste" is one letter from "activité", so it is not fuzzy).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from redactor.findings import SPECIAL_CATEGORIES
from redactor.paths import models_dir
from redactor.recognizers.special.phrases import (
    GENE,
    NUMBER,
    PhraseTrie,
    phrase_keys,
    strip_accents,
    words_of,
)

VOCABULARY_DIR = "special"
LISTS_FILE = "lists.yaml"
# written by models/special/build_nomenclature.py from nomenclatures and source tables
GENERATED_FILES = frozenset({"nomenclature.yaml"})
DEFAULT_WINDOW = 3
# Above the person rules' scores, so that a passage that is both ("Mr TOUJOURS BOURRE") is
# removed as special content rather than kept as a name by the storage policy; below named
# facilities ("GHU Paris Psychiatrie & Neurosciences" stays one HOSPITAL).
DEFAULT_SCORE = 0.91
FUZZY_MIN_LENGTH = 6
_MAX_EXPANSIONS = 50_000
_GROUP_KEYS = {
    "name", "category", "terms", "window", "not_after", "not_before", "only_after",
    "only_before", "lowercase_only", "fuzzy", "score",
}  # fmt: skip
_ALTERNATIVES = re.compile(r"\{([^{}]*)\}")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class VocabularyError(ValueError):
    """A vocabulary file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class ContextWords:
    """Words looked for within `window` tokens of a match (never past the end of a sentence)."""

    words: frozenset[str]
    window: int


@dataclass(frozen=True)
class Rule:
    """What a group of terms finds, and the context that confirms or cancels it."""

    name: str
    category: str | None  # None: an exclusion, which finds nothing and hides what it covers
    family: str = ""  # the vocabulary file, whose heads and tails the findings take
    score: float = DEFAULT_SCORE
    not_after: tuple[ContextWords, ...] = ()
    not_before: tuple[ContextWords, ...] = ()
    only_after: tuple[ContextWords, ...] = ()
    only_before: tuple[ContextWords, ...] = ()
    lowercase_only: bool = False


@dataclass(frozen=True)
class Spelling:
    """A token of a phrase that must be written as in the vocabulary: same case (accents free),
    or same accents (case free)."""

    offset: int
    surface: str
    keep_case: bool


@dataclass(frozen=True)
class Entry:
    """One expanded phrase of a rule, with the tokens whose spelling must match exactly."""

    rule: Rule
    spellings: tuple[Spelling, ...] = ()


@dataclass
class CompiledVocabulary:
    trie: PhraseTrie = field(default_factory=PhraseTrie)
    fuzzy_index: dict[str, set[str]] = field(default_factory=dict)  # deletion variant -> words
    fuzzy_entries: dict[str, list[Entry]] = field(default_factory=dict)  # word -> its entries
    rules: list[Rule] = field(default_factory=list)
    heads: dict[str, PhraseTrie] = field(default_factory=dict)  # family -> words joining before
    tails: dict[str, PhraseTrie] = field(default_factory=dict)  # family -> words joining after
    joiners: frozenset[str] = frozenset()
    sentence_families: frozenset[str] = frozenset()  # files whose findings also cover their sentence
    category_families: dict[str, str] = field(default_factory=dict)  # category -> its hand-written file
    phrases: int = 0
    entries: dict[tuple[int, tuple[Spelling, ...]], Entry] = field(default_factory=dict, repr=False)  # interned


# ----------------------------------------------------------------------------- inflection
def inflect(word: str) -> list[str]:
    """Masculine, feminine, singular and plural forms of a French adjective or noun."""
    w = word
    if w.endswith("é"):
        return [w, w + "e", w + "s", w + "es"]
    if w.endswith("e"):
        return [w, w + "s"]
    if w.endswith("eux"):
        return [w, w[:-1] + "se", w[:-1] + "ses"]
    if w.endswith("teur"):
        return [w, w + "s", w[:-1] + "se", w[:-1] + "ses", w[:-3] + "rice", w[:-3] + "rices"]
    if w.endswith("eur"):
        # agent nouns (buveur, buveuse) and comparatives (antérieur, antérieure; majeur, majeure)
        return [w, w + "s", w[:-1] + "se", w[:-1] + "ses", w + "e", w + "es"]
    if w.endswith("if"):
        return [w, w + "s", w[:-1] + "ve", w[:-1] + "ves"]
    if w.endswith(("el", "en", "on", "et")):
        return [w, w + "s", w + w[-1] + "e", w + w[-1] + "es", w + "e", w + "es"]
    if w.endswith("al"):
        return [w, w[:-1] + "ux", w + "e", w + "es"]
    if w.endswith("er"):
        return [w, w + "s", w[:-2] + "ère", w[:-2] + "ères"]
    if w.endswith(("s", "x")):
        return [w, w + "e", w + "es"]
    return [w, w + "s", w + "e", w + "es"]


# Endings of a first-group verb (-er) after its stem: present, imperfect, simple past,
# participles and gerund; the future and conditional are built on the infinitive.
_STEM_ENDINGS = (
    "e", "es", "ons", "ez", "ent", "ais", "ait", "ions", "iez", "aient", "a", "èrent",
    "é", "ée", "és", "ées", "ant",
)  # fmt: skip
_INFINITIVE_ENDINGS = ("", "ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "aient")


def conjugate(verb: str) -> list[str]:
    """The forms of a French verb in -er ("scarifier": scarifie, scarifiait, scarifié,
    scarifiée, scarifiera...), with the spelling changes of -ger and -cer before a and o."""
    if not verb.endswith("er") or len(verb) < 4:
        raise VocabularyError(f"{verb!r}~v: only verbs in -er are conjugated")
    stem = verb[:-2]
    forms = []
    for ending in _STEM_ENDINGS:
        soft = ending[:1] in ("a", "o")
        if soft and stem.endswith("g"):
            forms.append(stem + "e" + ending)
        elif soft and stem.endswith("c"):
            forms.append(stem[:-1] + "ç" + ending)
        else:
            forms.append(stem + ending)
    forms += [verb + ending for ending in _INFINITIVE_ENDINGS]
    return list(dict.fromkeys(forms))


# ----------------------------------------------------------------------------- expansion
@dataclass(frozen=True)
class _Word:
    keys: tuple[str, ...]
    surfaces: tuple[str, ...] | None  # spellings to match as written, or None
    keep_case: bool = False


class _Expander:
    def __init__(self, lists: dict[str, list[str]], where: str, cache: dict | None = None):
        self.lists = lists
        self.where = where
        self.cache = cache if cache is not None else {}

    def expand(self, term: str, depth: int = 0) -> list[tuple[_Word, ...]]:
        """Every word sequence a term stands for."""
        if depth > 4:
            raise VocabularyError(f"{self.where}: lists nested too deep in {term!r}")
        pieces = _ALTERNATIVES.split(term)
        if any(c in piece for piece in pieces[::2] for c in "{}"):
            raise VocabularyError(f"{self.where}: unbalanced braces in {term!r}")
        options = [[piece] if i % 2 == 0 else piece.split(",") for i, piece in enumerate(pieces)]
        results: list[tuple[_Word, ...]] = []
        for choice in itertools.product(*options):
            words = "".join(choice).split()
            per_word = [self._word(word, depth) for word in words]
            for sequence in itertools.product(*per_word):
                results.append(tuple(w for part in sequence for w in part))
                if len(results) > _MAX_EXPANSIONS:
                    raise VocabularyError(f"{self.where}: {term!r} expands to too many phrases")
        return [r for r in results if r]

    def _word(self, word: str, depth: int) -> list[tuple[_Word, ...]]:
        if word not in self.cache:
            self.cache[word] = self._expand_word(word, depth)
        return self.cache[word]

    def _expand_word(self, word: str, depth: int) -> list[tuple[_Word, ...]]:
        if word.startswith("@"):
            name = word[1:]
            if name not in self.lists:
                raise VocabularyError(f"{self.where}: unknown list @{name}")
            return [seq for entry in self.lists[name] for seq in self.expand(entry, depth + 1)]
        marker = word[0] if word[0] in "=^" else ""
        word = word[len(marker) :]
        if word.endswith("~v"):
            forms = conjugate(word[:-2])
        else:
            forms = inflect(word[:-1]) if word.endswith("~") else [word]
        if any(c in form for form in forms for c in "~=@^"):
            raise VocabularyError(f"{self.where}: misplaced ~, =, ^ or @ in {word!r}")
        out = []
        for form in forms:
            keys = tuple(phrase_keys(form))
            if not keys:
                raise VocabularyError(f"{self.where}: {word!r} has no letters or digits")
            if marker == "=":
                out.append((_Word(keys, tuple(strip_accents(t) for t in words_of(form)), keep_case=True),))
            elif marker == "^":
                out.append((_Word(keys, tuple(t.lower() for t in words_of(form))),))
            else:
                out.append((_Word(keys, None),))
        return out


def _sequence_keys(sequence: tuple[_Word, ...]) -> tuple[list[str], tuple[Spelling, ...]]:
    keys: list[str] = []
    spellings: list[Spelling] = []
    for word in sequence:
        if word.surfaces is not None:
            spellings.extend(Spelling(len(keys) + i, s, word.keep_case) for i, s in enumerate(word.surfaces))
        keys.extend(word.keys)
    return keys, tuple(spellings)


def _context_words(expander: _Expander, raw: object, window: int, where: str) -> tuple[ContextWords, ...]:
    """A context list: words (group window), or mappings {window: N, words: [...]}."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise VocabularyError(f"{where}: expected a list")
    plain = [item for item in raw if isinstance(item, str)]
    groups = [(plain, window)] if plain else []
    for item in raw:
        if isinstance(item, str):
            continue
        if (
            not isinstance(item, dict)
            or set(item) != {"window", "words"}
            or not isinstance(item["words"], list)
        ):
            raise VocabularyError(f"{where}: entries are words or {{window: N, words: [...]}}")
        if not isinstance(item["window"], int) or not 1 <= item["window"] <= 12:
            raise VocabularyError(f"{where}: window must be an integer from 1 to 12")
        groups.append((item["words"], item["window"]))
    contexts = []
    for words, size in groups:
        keys: set[str] = set()
        for word in words:
            if not isinstance(word, str):
                raise VocabularyError(f"{where}: expected words, not {word!r}")
            for sequence in expander.expand(word):
                sequence_keys, _ = _sequence_keys(sequence)
                if len(sequence_keys) != 1 and not word.startswith("@"):
                    raise VocabularyError(f"{where}: context entries are single words, not {word!r}")
                keys.add(sequence_keys[-1])  # of a list's compound entry ("nord-africain"), its last word
        contexts.append(ContextWords(frozenset(keys), size))
    return tuple(contexts)


# ----------------------------------------------------------------------------- loading
def read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as error:
        raise VocabularyError(f"{path.name}: not valid YAML ({error.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise VocabularyError(f"{path.name}: expected a mapping at top level")
    return data


def load_lists(directory: Path) -> dict[str, list[str]]:
    data = read_yaml(directory / LISTS_FILE)
    lists = data.get("lists")
    if not isinstance(lists, dict):
        raise VocabularyError(f"{LISTS_FILE}: expected 'lists', a mapping of names to word lists")
    for name, entries in lists.items():
        if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
            raise VocabularyError(f"{LISTS_FILE}: list {name!r} must be a list of strings")
    return lists


def _add_phrases(
    compiled: CompiledVocabulary, expander: _Expander, terms: object, rule: Rule, fuzzy: bool, where: str
) -> None:
    if not isinstance(terms, list) or not terms or not all(isinstance(t, str) for t in terms):
        raise VocabularyError(f"{where}: 'terms' must be a non-empty list of strings")
    for term in terms:
        for sequence in expander.expand(term):
            keys, spellings = _sequence_keys(sequence)
            entry = Entry(rule, spellings)
            # the expansions of a term mostly share their rule and spellings: one object for them
            entry = compiled.entries.setdefault((id(rule), spellings), entry)
            compiled.trie.add(keys, entry)
            compiled.phrases += 1
            if fuzzy and (len(keys) != 1 or len(keys[0]) < FUZZY_MIN_LENGTH or keys[0] in (NUMBER, GENE)):
                raise VocabularyError(
                    f"{where}: fuzzy terms are single words of {FUZZY_MIN_LENGTH} letters or more"
                )
            if fuzzy:
                compiled.fuzzy_entries.setdefault(keys[0], []).append(entry)
                for variant in deletions(keys[0]):
                    compiled.fuzzy_index.setdefault(variant, set()).add(keys[0])


def expand_terms(lists: dict[str, list[str]], raw: object, where: str) -> list[tuple[str, ...]]:
    """The token keys of every phrase a list of terms stands for (case marks ignored)."""
    if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
        raise VocabularyError(f"{where}: expected a list of strings")
    expander = _Expander(lists, where)
    return [tuple(_sequence_keys(sequence)[0]) for term in raw for sequence in expander.expand(term)]


def deletions(word: str) -> list[str]:
    """The word and every form of it with one letter removed."""
    return [word] + [word[:i] + word[i + 1 :] for i in range(len(word))]


def _compile_file(compiled: CompiledVocabulary, path: Path, lists: dict[str, list[str]], cache: dict) -> None:
    data = read_yaml(path)
    unknown = set(data) - {"category", "groups", "exclusions", "heads", "tails", "extend_to"}
    if unknown:
        raise VocabularyError(f"{path.name}: unknown keys {sorted(unknown)}")
    family = path.stem
    default_category = data.get("category")
    if default_category and path.name not in GENERATED_FILES:
        compiled.category_families.setdefault(default_category, family)
    groups = data.get("groups")
    if not isinstance(groups, list) or not groups:
        raise VocabularyError(f"{path.name}: 'groups' must be a non-empty list")
    names: set[str] = set()
    for number, group in enumerate(groups, start=1):
        where = f"{path.name}: group {number}"
        if not isinstance(group, dict):
            raise VocabularyError(f"{where}: expected a mapping")
        unknown = set(group) - _GROUP_KEYS
        if unknown:
            raise VocabularyError(f"{where}: unknown keys {sorted(unknown)}")
        name = group.get("name")
        if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]+", name) or name in names:
            raise VocabularyError(f"{where}: 'name' must be a unique snake_case word")
        names.add(name)
        where = f"{path.name}: group {name}"
        category = group.get("category", default_category)
        if category not in SPECIAL_CATEGORIES:
            raise VocabularyError(f"{where}: unknown category {category!r}")
        window = group.get("window", DEFAULT_WINDOW)
        score = group.get("score", DEFAULT_SCORE)
        if not isinstance(window, int) or not 1 <= window <= 12:
            raise VocabularyError(f"{where}: window must be an integer from 1 to 12")
        if not isinstance(score, (int, float)) or not 0 < score <= 1:
            raise VocabularyError(f"{where}: score must be in (0, 1]")
        expander = _Expander(lists, where, cache)
        rule = Rule(
            name=f"special.{family}.{name}",
            category=category,
            # a generated term takes the heads and tails of its category's hand-written file
            # ("Quasym" + "LP 20 mg" like "Ritaline LP 20 mg")
            family=compiled.category_families.get(category, family) if path.name in GENERATED_FILES else family,
            score=float(score),
            not_after=_context_words(expander, group.get("not_after"), window, f"{where}: not_after"),
            not_before=_context_words(expander, group.get("not_before"), window, f"{where}: not_before"),
            only_after=_context_words(expander, group.get("only_after"), window, f"{where}: only_after"),
            only_before=_context_words(expander, group.get("only_before"), window, f"{where}: only_before"),
            lowercase_only=bool(group.get("lowercase_only", False)),
        )
        compiled.rules.append(rule)
        _add_phrases(compiled, expander, group.get("terms"), rule, False, where)
        if "fuzzy" in group:
            _add_phrases(compiled, expander, group["fuzzy"], rule, True, f"{where}: fuzzy")
    extend_to = data.get("extend_to")
    if extend_to is not None:
        if extend_to != "sentence":
            raise VocabularyError(f"{path.name}: extend_to must be 'sentence'")
        compiled.sentence_families = compiled.sentence_families | {family}
    for part in ("heads", "tails"):
        if part in data:
            trie = getattr(compiled, part).setdefault(family, PhraseTrie())
            for sequence in expand_terms(lists, data[part], f"{path.name}: {part}"):
                trie.add(sequence, part)
    exclusions = data.get("exclusions")
    if exclusions is not None:
        rule = Rule(name=f"special.{family}.exclusion", category=None)
        _add_phrases(
            compiled,
            _Expander(lists, f"{path.name}: exclusions", cache),
            exclusions,
            rule,
            False,
            f"{path.name}: exclusions",
        )


def vocabulary_files(directory: Path) -> list[Path]:
    """Every vocabulary file: the YAML files of the directory that define `groups`, the
    generated ones last, so that a hand-written rule is tried first on the same phrase."""
    paths = sorted(directory.glob("*.yaml"), key=lambda path: (path.name in GENERATED_FILES, path.name))
    return [path for path in paths if "groups" in read_yaml(path)]


def compile_vocabulary(directory: Path) -> CompiledVocabulary:
    """Every vocabulary file of `directory`, with its `lists.yaml`, compiled into one trie."""
    lists = load_lists(directory)
    compiled = CompiledVocabulary()
    files = vocabulary_files(directory)
    if not files:
        raise VocabularyError(f"no vocabulary files in {directory.name}/")
    cache: dict = {}
    for path in files:
        _compile_file(compiled, path, lists, cache)
    compiled.joiners = frozenset(
        k for sequence in expand_terms(lists, lists.get("joiners", []), "lists: joiners") for k in sequence
    )
    return compiled


@lru_cache(maxsize=1)
def load_vocabulary() -> CompiledVocabulary:
    """The special-category vocabularies of `models/special/`, compiled once per process."""
    return compile_vocabulary(models_dir() / VOCABULARY_DIR)
