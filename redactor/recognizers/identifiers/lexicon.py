"""Vocabularies shared by the identifier rules and the surrogate operator: names and towns."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from redactor.paths import load_yaml, models_dir


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Case- and accent-insensitive key: "Hélène" and "HELENE" compare equal."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("œ", "oe"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def _data_lines(name: str) -> list[str]:
    path = models_dir() / "identifiers" / name
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n") for line in handle if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class NameLexicon:
    first_names: dict[str, str]  # folded first name -> gender: F, M or U (unisex)
    last_names: frozenset[str]
    not_names: frozenset[str]  # folded: any case
    not_names_upper: frozenset[str]  # acronyms, written in capitals: only in capitals ("AIT", not "Ait")
    calendar_words: frozenset[str]
    common_word_first_names: frozenset[str]
    titles: tuple[str, ...]
    roles: tuple[str, ...]
    relations: tuple[str, ...]
    name_labels: tuple[str, ...]
    name_introducers: tuple[str, ...]
    organisation_labels: frozenset[str]  # folded
    eponym_triggers: tuple[str, ...]
    dotted_abbreviations: frozenset[str]  # "D.E.", "I.V.": dots that are no one's initials

    def is_first_name(self, token: str) -> bool:
        parts = [p for p in token.replace("’", "'").split("-") if p]
        return bool(parts) and all(fold(p) in self.first_names for p in parts)

    def is_distinct_first_name(self, token: str) -> bool:
        """A known first name that is no common word ("Nathalie", not "Pierre" or "Rose")."""
        return self.is_first_name(token) and fold(token) not in self.common_word_first_names

    def first_name_gender(self, token: str) -> str | None:
        """F, M or U for a known first name (a compound takes its first part), else None."""
        if not self.is_first_name(token):
            return None
        return self.first_names[fold(token.replace("’", "'").split("-")[0])]

    def is_last_name(self, token: str) -> bool:
        return fold(token) in self.last_names

    def is_known_name(self, token: str) -> bool:
        return self.is_first_name(token) or self.is_last_name(token)

    def is_dotted_abbreviation(self, token: str) -> bool:
        """"D.E.", "P.A.", "I.V.": dotted capitals that are no one's initials (a hyphen aside)."""
        return token.replace("-", "") in self.dotted_abbreviations

    def is_not_name(self, token: str) -> bool:
        bare = token.rstrip(".")
        key = fold(bare)
        return key in self.not_names or key in self.calendar_words or bare in self.not_names_upper


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


@lru_cache(maxsize=1)
def name_lexicon() -> NameLexicon:
    data = load_yaml("identifiers/persons.yaml")
    titles = tuple(data["titles"])
    return NameLexicon(
        first_names={fold(name): gender for name, _, gender in (line.partition("\t") for line in _data_lines("first_names.txt"))},
        last_names=frozenset(fold(n) for n in _data_lines("last_names.txt")),
        # titles are never names themselves ("Mme" must not spread as a name)
        # roles are never names either ("IDE", "Anesthésiste"): they must not spread as names
        not_names=frozenset(fold(w) for w in [*data["not_names"], *titles, *data["roles"]] if not _is_acronym(w)),
        not_names_upper=frozenset(w for w in [*data["not_names"], *data["roles"]] if _is_acronym(w)),
        calendar_words=frozenset(fold(w) for w in data["calendar_words"]),
        common_word_first_names=frozenset(fold(w) for w in data["common_word_first_names"]),
        titles=titles,
        roles=tuple(data["roles"]),
        relations=tuple(data["relations"]),
        name_labels=tuple(data["name_labels"]),
        name_introducers=tuple(data["name_introducers"]),
        organisation_labels=frozenset(fold(w) for w in data["organisation_labels"]),
        eponym_triggers=tuple(data["eponym_triggers"]),
        dotted_abbreviations=frozenset(data["dotted_abbreviations"]),
    )


def first_name_gender(token: str) -> str | None:
    return name_lexicon().first_name_gender(token)


@lru_cache(maxsize=1 << 16)
def town_key(name: str) -> str:
    """Towns compare folded, with hyphens and spaces alike ("SAINT ETIENNE" = "Saint-Étienne"),
    and a glottal stop's apostrophe inside a word as the lists leave it out ("Faa'a" = "Faaa";
    not an elision, "Pont-l'Abbé")."""
    words = _GLOTTAL_STOP.sub("", fold(name)).replace("-", " ").split()
    return " ".join(_SAINT_ABBREVIATIONS.get(word, word) for word in words)


# (between vowels, a Polynesian glottal stop; "Ch'u", a romanised name abroad, keeps its mark)
_GLOTTAL_STOP = re.compile(r"(?<=\w[aeiouy])['’ʻ](?=[aeiouy])")
# "St-Loubès", "ST DIE", "Ste Foy": abbreviated saints in town names
_SAINT_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "st.": "saint", "ste.": "sainte"}


@dataclass(frozen=True)
class TownLexicon:
    """French towns with their population; some are also ordinary words (`ambiguous`); villages
    and merged communes (`context_only`) count only where the context says "place"."""

    population: dict[str, int]  # folded name -> inhabitants
    context_only: frozenset[str]  # communes.txt, folded: known with a size threshold of 0 only
    abroad: frozenset[str]  # cities abroad, folded (context rules only)
    ambiguous: frozenset[str]
    first_words: frozenset[str]  # first word of every town, folded: a cheap first test

    def is_town(self, name: str) -> bool:
        return town_key(name) in self.population

    def inhabitants(self, name: str) -> int:
        """The town's population, ordinary words (`ambiguous`) included; 0 for no known town."""
        return self.population.get(town_key(name), 0)

    def is_known(self, name: str, min_population: int) -> bool:
        """A town of at least `min_population`; ordinary words (`ambiguous`) only without a
        size threshold, i.e. when the context already says it is a place."""
        key = town_key(name)
        if key not in self.population:
            return not min_population and key in self.context_only
        if min_population and key in self.ambiguous:
            return False
        return self.population[key] >= min_population

    def may_start_a_town(self, word: str) -> bool:
        """Some town's name starts with the first word of `word` (its first part if hyphenated:
        "doué-en-anjou" is tried as "doue")."""
        return town_key(word).partition(" ")[0] in self.first_words

    def is_abroad(self, name: str) -> bool:
        key = town_key(name)
        return key in self.abroad and key not in self.ambiguous


# How towns are named in speech: "Brive" (Brive-la-Gaillarde), "Saint-Dié" (Saint-Dié-des-Vosges),
# "Livron" (Livron-sur-Drôme), "Charleville" (Charleville-Mézières), "au Mans" (Le Mans)
_LINK_WORDS = frozenset({"sur", "sous", "en", "la", "le", "les", "lez", "de", "des", "du", "d", "aux", "et"})
_ARTICLES = ("le ", "la ", "les ", "l ")


def _short_forms(population: dict[str, int], common: frozenset[str]) -> dict[str, tuple[int, bool]]:
    """Short names of towns not already towns themselves, with the population of the largest
    town they shorten and whether the short name is also a word (then context-only, like the
    article-less forms)."""
    shorts: dict[str, tuple[int, bool]] = {}
    for key, count in population.items():
        words = key.split()
        cut = next((i for i, word in enumerate(words) if i >= 1 and word in _LINK_WORDS), None)
        candidates = []
        if cut is None and len(words) == 2 and len(words[0]) >= 5:
            cut = 1  # two towns merged: "Charleville-Mézières", "Carhaix-Plouguer"
        if cut is not None and words[:cut] not in (["saint"], ["sainte"], ["mont"], ["pont"], ["port"]):
            candidates.append((" ".join(words[:cut]), False))
        if key.startswith(_ARTICLES) and len(words) > 1:
            candidates.append((key.split(" ", 1)[1], True))
        for short, article_less in candidates:
            if short in population or len(short) < 4:
                continue
            previous = shorts.get(short, (0, False))
            shorts[short] = (max(previous[0], count), previous[1] or article_less or short in common)
    return shorts


@lru_cache(maxsize=1)
def town_lexicon() -> TownLexicon:
    population: dict[str, int] = {}
    for line in _data_lines("cities.txt"):
        name, _, count = line.partition("\t")
        population[town_key(name)] = max(population.get(town_key(name), 0), int(count or 0))
    from redactor.recognizers.vouched.folding import common_word_keys

    # a town abroad that is also a word of French clinical text ("Bilan", "Stade", "Douglas")
    # is never a town by the lexicon alone
    common = common_word_keys()
    abroad = frozenset(
        key for line in _data_lines("foreign_cities.txt") if (key := town_key(line.partition("\t")[0])) not in common
    )
    ambiguous = {town_key(w) for w in load_yaml("identifiers/places.yaml")["ambiguous_cities"]}
    for short, (count, is_word) in _short_forms(population, common).items():
        population[short] = count
        if is_word:
            ambiguous.add(short)
    context_only = frozenset(town_key(line.partition("\t")[0]) for line in _data_lines("communes.txt")) - population.keys()
    first_words = frozenset(key.split()[0] for key in (*population, *abroad, *context_only) if key)
    return TownLexicon(
        population=population, abroad=abroad, ambiguous=frozenset(ambiguous), first_words=first_words, context_only=context_only
    )


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Country and region names (casefolded): never a town, never a person."""
    return frozenset(name.casefold() for name in load_yaml("identifiers/places.yaml")["countries"])


@lru_cache(maxsize=1)
def lexicon_version() -> str:
    """A short digest of every data file the detectors load, to report with results."""
    digest = hashlib.sha256()
    for path in sorted(models_dir().rglob("*")):
        if path.suffix in (".yaml", ".yml", ".txt") and path.is_file():
            digest.update(path.relative_to(models_dir()).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
