"""Name vocabularies shared by the person rules and the surrogate operator."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from redactor.paths import load_yaml, models_dir


def fold(word: str) -> str:
    """Case- and accent-insensitive key: "Hélène" and "HELENE" compare equal."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("œ", "oe"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def _read_list(name: str) -> frozenset[str]:
    path = models_dir() / "identifiers" / name
    with path.open(encoding="utf-8") as handle:
        return frozenset(fold(line.strip()) for line in handle if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class NameLexicon:
    first_names: frozenset[str]
    last_names: frozenset[str]
    not_names: frozenset[str]
    titles: tuple[str, ...]
    roles: tuple[str, ...]
    relations: tuple[str, ...]
    name_labels: tuple[str, ...]
    eponym_triggers: frozenset[str]

    def is_first_name(self, token: str) -> bool:
        parts = [p for p in token.replace("’", "'").split("-") if p]
        return bool(parts) and all(fold(p) in self.first_names for p in parts)

    def is_last_name(self, token: str) -> bool:
        return fold(token) in self.last_names

    def is_known_name(self, token: str) -> bool:
        return self.is_first_name(token) or self.is_last_name(token)

    def is_not_name(self, token: str) -> bool:
        return fold(token.rstrip(".")) in self.not_names


@lru_cache(maxsize=1)
def name_lexicon() -> NameLexicon:
    data = load_yaml("identifiers/persons.yaml")
    return NameLexicon(
        first_names=_read_list("first_names.txt"),
        last_names=_read_list("last_names.txt"),
        not_names=frozenset(fold(w) for w in data["not_names"]),
        titles=tuple(data["titles"]),
        roles=tuple(data["roles"]),
        relations=tuple(data["relations"]),
        name_labels=tuple(data["name_labels"]),
        eponym_triggers=frozenset(fold(w) for w in data["eponym_triggers"]),
    )


def is_first_name(token: str) -> bool:
    return name_lexicon().is_first_name(token)


@lru_cache(maxsize=1)
def lexicon_version() -> str:
    """A short digest of every data file the detectors load, to report with results."""
    digest = hashlib.sha256()
    for path in sorted(models_dir().rglob("*")):
        if path.suffix in (".yaml", ".yml", ".txt") and path.is_file():
            digest.update(path.relative_to(models_dir()).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
