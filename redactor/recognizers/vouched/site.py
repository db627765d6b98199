"""A hospital's own lexicons: its facilities, services and staff (always redacted) and its
allow-list (words never redacted as identifiers: headings, local abbreviations).

A directory of YAML files, each optional, each a mapping with one key named like the file:

    facilities.yaml   facilities: [Clinique Sainte-Anne, CH de Pontoise, ...]      -> HOSPITAL
    services.yaml     services: [Unité Kennedy, Pavillon Babinski, ...]            -> HOSPITAL
    staff.yaml        staff: [{first_name: Jean, last_name: Dupont}, ...]          -> PERSON
    allow.yaml        allow: [RCP, Examen clinique, Babinski, ...]                 never an identifier

Loaded and validated at start-up: errors name the file and the entry number, never its value.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml
from spacy.tokens import Doc

from redactor.errors import RedactorError
from redactor.findings import Finding, is_special
from redactor.known import PersonName
from redactor.recognizers.base import Detector
from redactor.recognizers.vouched import KNOWN_PREFIX, SITE_PREFIX
from redactor.recognizers.vouched.folding import fold, tokens, words
from redactor.recognizers.vouched.names import NameMatcher
from redactor.recognizers.vouched.phrases import PhraseIndex

SITE_DIR_VARIABLE = "REDACTOR_SITE_DIR"
SITE_SCORE = 1.0
_FILES = ("facilities", "services", "staff", "allow")
_STAFF_FIELDS = ("first_name", "last_name", "birth_name")
_EDGES = " \t\n\r,;:.-()[]/"  # stripped from what an allowed phrase leaves of a reading


class SiteLexiconError(RedactorError):
    """A site lexicon directory or file is missing or malformed."""


@dataclass(frozen=True)
class SiteLexicons:
    """What a site directory holds, validated."""

    directory: Path
    facilities: tuple[str, ...]
    services: tuple[str, ...]
    staff: tuple[PersonName, ...]
    allow: tuple[str, ...]
    version: str  # digest of the files, reported with the engine's versions


def load_site_lexicons(directory: str | os.PathLike[str]) -> SiteLexicons:
    """Read and check every YAML file of `directory`."""
    root = Path(directory)
    if not root.is_dir():
        raise SiteLexiconError(f"site lexicons: not a directory: {root}")
    files = {path.stem: path for path in sorted(root.iterdir()) if path.suffix in (".yaml", ".yml")}
    unknown = sorted(set(files) - set(_FILES))
    if unknown:
        raise SiteLexiconError(
            f"site lexicons: {root}: unknown file(s) {', '.join(unknown)}; expected: {', '.join(_FILES)}"
        )
    if not files:
        expected = ", ".join(f + ".yaml" for f in _FILES)
        raise SiteLexiconError(f"site lexicons: {root}: no YAML file (expected: {expected})")
    entries = {name: _entries(files[name], name) if name in files else [] for name in _FILES}
    lexicons = SiteLexicons(
        directory=root,
        facilities=tuple(_phrase(files.get("facilities"), n, e) for n, e in enumerate(entries["facilities"], 1)),
        services=tuple(_phrase(files.get("services"), n, e) for n, e in enumerate(entries["services"], 1)),
        staff=tuple(_staff(files.get("staff"), n, e) for n, e in enumerate(entries["staff"], 1)),
        allow=tuple(_phrase(files.get("allow"), n, e) for n, e in enumerate(entries["allow"], 1)),
        version=_digest(files.values()),
    )
    _check_conflicts(lexicons, files)
    return lexicons


def _entries(path: Path, key: str) -> list[Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise SiteLexiconError(f"site lexicons: {path}: cannot read ({type(error).__name__})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise SiteLexiconError(f"site lexicons: {path}: not valid YAML{where}") from None
    if not isinstance(data, dict) or set(data) != {key}:
        raise SiteLexiconError(f"site lexicons: {path}: expected a mapping with the single key {key!r}")
    if data[key] is None:
        return []
    if not isinstance(data[key], list):
        raise SiteLexiconError(f"site lexicons: {path}: {key!r} must be a list")
    return data[key]


def _phrase(path: Path | None, number: int, entry: Any) -> str:
    if not isinstance(entry, str) or not words(entry):
        raise SiteLexiconError(f"site lexicons: {path}: entry {number}: expected a non-empty text")
    return entry


def _staff(path: Path | None, number: int, entry: Any) -> PersonName:
    if not isinstance(entry, dict):
        raise SiteLexiconError(f"site lexicons: {path}: entry {number}: expected {{first_name, last_name}}")
    unknown = sorted(set(entry) - set(_STAFF_FIELDS))
    if unknown:
        names = ", ".join(map(str, unknown))
        raise SiteLexiconError(f"site lexicons: {path}: entry {number}: unknown field(s) {names}")
    if not isinstance(entry.get("last_name"), str) or sum(c.isalpha() for c in entry["last_name"]) < 2:
        raise SiteLexiconError(f"site lexicons: {path}: entry {number}: last_name missing or shorter than two letters")
    for field in _STAFF_FIELDS:
        if not isinstance(entry.get(field, ""), str):
            raise SiteLexiconError(f"site lexicons: {path}: entry {number}: {field} must be a text")
    return PersonName(**entry)


def _check_conflicts(lexicons: SiteLexicons, files: dict[str, Path]) -> None:
    """An allowed phrase may not also be a facility, a service or a staff surname."""
    redacted: dict[tuple[str, ...], str] = {}
    for name, phrases in (("facilities", lexicons.facilities), ("services", lexicons.services)):
        for number, phrase in enumerate(phrases, 1):
            redacted.setdefault(words(phrase), f"{files[name].name} entry {number}")
    for number, person in enumerate(lexicons.staff, 1):
        for surname in person.surnames:
            redacted.setdefault(words(surname), f"{files['staff'].name} entry {number}")
    for number, phrase in enumerate(lexicons.allow, 1):
        if words(phrase) in redacted:
            raise SiteLexiconError(
                f"site lexicons: {files['allow']}: entry {number} is also listed in {redacted[words(phrase)]}"
            )


def _digest(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


class SiteDetector(Detector):
    """The site's facility and service names (HOSPITAL) and staff names (PERSON)."""

    def __init__(self, lexicons: SiteLexicons):
        super().__init__("SiteLexicons", ["HOSPITAL", "PERSON"])
        self._places: PhraseIndex[str] = PhraseIndex()
        for detector, phrases in (("facility", lexicons.facilities), ("service", lexicons.services)):
            for phrase in phrases:
                self._places.add(words(phrase), SITE_PREFIX + detector)
        self._staff = NameMatcher(lexicons.staff, typos=False, partial=False)

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        folded = fold(text)
        text_tokens = tokens(folded)
        for match in self._places.find(folded, text_tokens):
            start, end = text_tokens[match.first].start, text_tokens[match.last].end
            yield Finding(start, end, "HOSPITAL", SITE_SCORE, match.payload)
        for start, end in self._staff.find(text, folded, text_tokens):
            yield Finding(start, end, "PERSON", SITE_SCORE, SITE_PREFIX + "staff")


class AllowList:
    """Phrases never redacted as identifiers. Readings the caller vouches for (known identity,
    site lexicons) are kept; special categories are never touched."""

    def __init__(self, phrases: Iterable[str]):
        self._index: PhraseIndex[None] = PhraseIndex()
        for phrase in phrases:
            self._index.add(words(phrase), None)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where allowed phrases occur in `text`."""
        folded = fold(text)
        text_tokens = tokens(folded)
        return [(text_tokens[m.first].start, text_tokens[m.last].end) for m in self._index.find(folded, text_tokens)]

    @staticmethod
    def remove(candidates: list[Finding], allowed: list[tuple[int, int]], text: str) -> list[Finding]:
        """`candidates` with the allowed spans cut out of automatic identifier readings."""
        if not allowed:
            return candidates
        kept = []
        for candidate in candidates:
            if is_special(candidate.category) or candidate.detector.startswith((KNOWN_PREFIX, SITE_PREFIX)):
                kept.append(candidate)
                continue
            for start, end in _outside(candidate.start, candidate.end, allowed):
                piece = text[start:end]
                if any(c.isalnum() for c in piece):
                    start += len(piece) - len(piece.lstrip(_EDGES))
                    end -= len(piece) - len(piece.rstrip(_EDGES))
                    kept.append(replace(candidate, start=start, end=end))
        return kept


def _outside(start: int, end: int, allowed: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    position = start
    for allowed_start, allowed_end in sorted(allowed):
        if allowed_end <= position or allowed_start >= end:
            continue
        if allowed_start > position:
            yield position, allowed_start
        position = max(position, allowed_end)
    if position < end:
        yield position, end


def site_lexicons_from(site: str | os.PathLike[str] | SiteLexicons | None) -> SiteLexicons | None:
    """The site lexicons given, else those of REDACTOR_SITE_DIR, else none."""
    if isinstance(site, SiteLexicons):
        return site
    directory = site if site is not None else os.environ.get(SITE_DIR_VARIABLE)
    return load_site_lexicons(directory) if directory else None
