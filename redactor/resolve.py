"""The one rule that turns overlapping candidate findings into disjoint findings.

1. Candidates of the same category that overlap are merged into their union (highest score,
   detector of the highest-scoring candidate): two detectors seeing parts of one name must not
   leave a part uncovered. A union with a candidate scored under `MERGE_FLOOR` (a classifier's
   whole clause, say) keeps that low score: what outranks the clause outranks the union, so
   that a name inside a judgemental clause stays a name.
2. A facility a rule read (score 0.8 or more) whose name holds a special-category term wholly
   inside it ("Hôpital de jour VIH", "CSAPA « Le Phare »", "EPSM Lille-Métropole") is one
   facility that reveals that category: its `reveals` is set to the term's category, the
   policy applies the stricter of the two rules to it (a policy that keeps facility names still
   removes or flags it), and the term comes last: the facility, or a reading that outranks it,
   covers it. A rule's place, date or number wholly inside a term ("USMP de Fleury-Mérogis") is
   read the same way: the town stays a town that reveals the term's category, the term keeps
   the rest ("USMP de").
3. Then candidates are taken in order of priority: readings a caller vouches for first (the
   known identity, then the site's lexicons), then higher score, then longer span, then the
   category's rank in `CATEGORY_RANK`, then earlier start, then detector name; the terms of
   rule 2 last, with the facilities scored under 0.8 (a model's) inside them. A candidate that
   overlaps one already kept is trimmed to the parts left uncovered; pieces with no letter or
   digit are dropped, and separators at the edges of a trimmed piece are removed.

The result is sorted by start and never overlaps, so every character belongs to at most one
finding and the outcome does not depend on the order in which detectors ran.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Callable, Iterable, Iterator

from redactor.findings import ALL_CATEGORIES, Finding
from redactor.recognizers.vouched import KNOWN_PREFIX, SITE_PREFIX

# Tie-break between categories at equal score and length: validated numbers first, then
# structured identifiers, then names and places, then special categories.
_IDENTIFIER_PRIORITY = (
    "NIR", "IBAN", "CLINICIAN_ID", "EMAIL", "URL", "IP_ADDRESS", "PHONE", "PATIENT_ID",
    "DATE", "ADDRESS", "ZIP", "HOSPITAL", "PERSON", "CITY",
)  # fmt: skip
CATEGORY_RANK: dict[str, int] = {
    category: rank
    for rank, category in enumerate(
        _IDENTIFIER_PRIORITY + tuple(c for c in ALL_CATEGORIES if c not in _IDENTIFIER_PRIORITY)
    )
}


# A union with a candidate scored under this keeps the low score (see rule 1).
MERGE_FLOOR = 0.5

_EDGE_SEPARATORS = " \t\n\r,;:/()[]-–—"
# what is left of a term between the identifiers it holds may be only these
_FUNCTION_WORDS = re.compile(r"(?i:[\s,;:()\-]*(?:(?:en|à|a|au|aux|de|du|des|d['’]|le|la|les|l['’]|et|ou|dans|depuis|vers)(?!\w)[\s,;:()\-]*)+)")

# Readings a caller vouches for come before any score: the known identity sent with the note,
# then the site's lexicons (redactor.recognizers.vouched).
_VOUCHED_PREFIXES = (KNOWN_PREFIX, SITE_PREFIX)


def _vouched_rank(finding: Finding) -> int:
    """2 for the known identity, 1 for the site's lexicons, 0 for every detector."""
    for rank, prefix in enumerate(_VOUCHED_PREFIXES):
        if finding.detector.startswith(prefix):
            return len(_VOUCHED_PREFIXES) - rank
    return 0


def _merge_same_category(candidates: list[Finding]) -> list[Finding]:
    merged: list[Finding] = []
    by_category: dict[str, list[Finding]] = {}
    for candidate in candidates:
        by_category.setdefault(candidate.category, []).append(candidate)
    for group in by_category.values():
        group.sort(key=lambda f: (f.start, f.end))
        current = group[0]
        for candidate in group[1:]:
            if candidate.start < current.end:
                best = max((current, candidate), key=lambda f: (_vouched_rank(f), f.score, f.length, f.detector))
                lowest = min(current.score, candidate.score)
                current = replace(
                    best,
                    start=min(current.start, candidate.start),
                    end=max(current.end, candidate.end),
                    score=lowest if lowest < MERGE_FLOOR else best.score,
                )
            else:
                merged.append(current)
                current = candidate
        merged.append(current)
    return merged


def _priority(finding: Finding, deferred: bool = False) -> tuple:
    return (
        -_vouched_rank(finding),
        int(deferred),
        -finding.score,
        -finding.length,
        CATEGORY_RANK.get(finding.category, len(CATEGORY_RANK)),
        finding.start,
        finding.detector,
    )


class _Covered:
    """Disjoint spans kept so far, sorted by start, so that a candidate meets only the spans it
    overlaps (comparing it with every kept span is quadratic on a note with thousands of findings)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        index = bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)

    def uncovered_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of [start, end) that no kept span covers, in order."""
        parts = []
        index = max(bisect_right(self.starts, start) - 1, 0)
        while index < len(self.starts) and self.starts[index] < end:
            kept_start, kept_end = self.starts[index], self.ends[index]
            if kept_end > start:
                if start < kept_start:
                    parts.append((start, kept_start))
                start = max(start, kept_end)
            index += 1
        if start < end:
            parts.append((start, end))
        return parts


def resolve(candidates: list[Finding], text: str) -> list[Finding]:
    """Disjoint findings sorted by start, from possibly overlapping candidates over `text`."""
    if not candidates:
        return []
    kept: list[Finding] = []
    covered = _Covered()
    merged = _with_revealed_categories(_merge_same_category(candidates), text)
    # a special-category term inside a facility's name is read with the facility, and one that
    # holds a place, a date or a number leaves it to its own reading: the term comes last, with
    # the weak facilities inside it (the model's "Maison d'arrêt de Villepinte" does not take
    # what the term leaves)
    inside_a_facility = _inside_any(f for f in merged if f.reveals is not None and f.category == "HOSPITAL")
    holds_a_place = _holding_any(f for f in merged if f.reveals is not None and f.category != "HOSPITAL")
    deferred = {
        id(f) for f in merged if f.category not in _IDENTIFIER_PRIORITY and (inside_a_facility(f) or holds_a_place(f))
    }
    inside_a_deferred_term = _inside_any(f for f in merged if id(f) in deferred)

    def priority(finding: Finding) -> tuple:
        weak_facility = finding.category == "HOSPITAL" and finding.score < _CONTAINER_MIN_SCORE
        return _priority(finding, id(finding) in deferred or (weak_facility and inside_a_deferred_term(finding)))

    for candidate in sorted(merged, key=priority):
        for start, end in covered.uncovered_parts(candidate.start, candidate.end):
            piece = text[start:end]
            if not any(ch.isalnum() for ch in piece):
                continue
            if (start, end) != (candidate.start, candidate.end) and candidate.category not in _IDENTIFIER_PRIORITY:
                if _FUNCTION_WORDS.fullmatch(piece):
                    continue  # "incarcéré à [Nanterre] en [2021]": the term's "en" alone says nothing
            # a trimmed piece keeps no separator at its edges (", Lyon" -> "Lyon")
            leading = len(piece) - len(piece.lstrip(_EDGE_SEPARATORS))
            trailing = len(piece) - len(piece.rstrip(_EDGE_SEPARATORS))
            start, end = start + leading, end - trailing
            kept.append(replace(candidate, start=start, end=end))
            covered.add(start, end)
    return sorted(kept, key=lambda f: (f.start, f.end))


# Identifier readings that explain a capitalised sensitive-looking word inside them: a town
# ("Pont-l'Abbé"), a street ("rue de la Mosquée"), a name in a name's own shape ("BLANC Hugo").
# Facilities are not among them ("CSAPA de Quimper" still reveals addiction care), nor the
# weaker person rules (the NER, "PATIENTE SEROPOSITIVE" read as a relation and a name).
_PLACE_CONTAINERS = frozenset({"CITY", "ADDRESS"})
_PERSON_CONTAINERS = frozenset(
    {"person.title", "person.upper_first", "person.label", "person.surname_first", "person.initial", "person.introducer"}
)
_CONTAINER_MIN_SCORE = 0.8
# Identifiers a special-category term may hold that keep their own reading inside it: "USMP de
# [Fleury-Mérogis]", "maison d'arrêt de [Seysses]", "arrivée de [Conakry]" (not a name: "Témoin
# de Jéhovah" is the term's)
_HELD_IN_TERMS = frozenset(_IDENTIFIER_PRIORITY) - {"PERSON", "HOSPITAL"}
# how far before a held place a term holding it may start
_LONGEST_TERM = 300
# a term with a joining mark at either edge ("IMP-", "-SDT-"): part of a token
_JOINING_MARK_AT_EDGE = re.compile(r"^[\-/.]|[\-/.]$")


def without_homonyms_in_names(candidates: list[Finding], text: str) -> list[Finding]:
    """`candidates` less the special-category ones that are capitalised words lying wholly inside
    a town, street or person name found by a rule, or that lie wholly inside a record number or a
    web or e-mail address,
    and less the NER's person guesses lying wholly inside a special-category term."""
    inside_a_name = _inside_any(
        f
        for f in candidates
        if f.score >= _CONTAINER_MIN_SCORE
        and (f.category in _PLACE_CONTAINERS or f.detector in _PERSON_CONTAINERS)
        # in a line typed in capitals, case tells no name from a word
        and any(c.islower() for c in text[f.start : f.end])
    )
    # letters joined by marks to a record number's digits are part of it: "IMP-2025-066318",
    # "2026-SDT-1184" (not a word set apart by a space: "Tél. USMP 01 46 15 97 40")
    inside_a_number = _inside_any(f for f in candidates if f.category == "PATIENT_ID")
    # a word of a web or e-mail address names no belief or condition: "https://pasteur-lille.fr"
    inside_an_address = _inside_any(f for f in candidates if f.category in ("URL", "EMAIL"))
    kept = [
        f
        for f in candidates
        if f.category in _IDENTIFIER_PRIORITY
        or (
            (not text[f.start : f.start + 1].isupper() or not inside_a_name(f))
            and not (_JOINING_MARK_AT_EDGE.search(text[max(0, f.start - 1) : f.end + 1]) and inside_a_number(f))
            and not inside_an_address(f)
        )
    ]
    # "Mytho, à ne pas croire", "Témoin de Jéhovah": the vocabulary's reading is the right one
    inside_a_term = _inside_any(f for f in kept if f.category not in _IDENTIFIER_PRIORITY and f.score >= MERGE_FLOOR)
    kept = [f for f in kept if f.detector != "person.ner" or not inside_a_term(f)]
    # "Dr Laurence FEUVRIER-OLIVIER, oncogénéticienne": a term grown back over capitals it took
    # for gene symbols starts after the name that a rule found there
    names = sorted((f.start, f.end) for f in candidates if f.score >= _CONTAINER_MIN_SCORE and f.detector in _PERSON_CONTAINERS)
    if not names:
        return kept
    return [f if f.category in _IDENTIFIER_PRIORITY else _after_a_name_at_its_start(f, names, text) for f in kept]


def _after_a_name_at_its_start(term: Finding, names: list[tuple[int, int]], text: str) -> Finding:
    """`term`, starting after the end of a name that starts before it and ends inside it (a
    term that opens on the name's first word is the term's reading: "Prise de pilule")."""
    index = bisect_right(names, (term.start, len(text) + 1)) - 1
    while index >= 0 and names[index][0] >= term.start - 100:
        start, end = names[index]
        if start < term.start < end < term.end:
            rest = text[end : term.end]
            return replace(term, start=term.end - len(rest.lstrip(_EDGE_SEPARATORS)))
        index -= 1
    return term


def _with_revealed_categories(candidates: list[Finding], text: str) -> list[Finding]:
    """The candidates, each facility a rule read (not the model's weaker reading: "Maison
    d'arrêt de Villepinte" stays a term) that holds a special-category term wholly inside its name
    marked with the term's category ("EPSM Lille-Métropole": HEALTH_SENSITIVE), and each place,
    date or number a term holds marked with the term's ("USMP de Fleury-Mérogis": the town is
    CRIMINAL's too); the highest scored term's, on a tie the first by `CATEGORY_RANK`."""
    terms = sorted(
        (f for f in candidates if f.category not in _IDENTIFIER_PRIORITY and f.score >= MERGE_FLOOR),
        key=lambda f: f.start,
    )
    starts = [f.start for f in terms]
    marked = []
    for candidate in candidates:
        related = []
        if candidate.category == "HOSPITAL" and candidate.score >= _CONTAINER_MIN_SCORE:
            related = [
                term
                for term in terms[bisect_left(starts, candidate.start) : bisect_left(starts, candidate.end)]
                if term.end <= candidate.end
            ]
        elif _may_be_held(candidate, text):
            first = bisect_left(starts, candidate.start - _LONGEST_TERM)
            related = [term for term in terms[first : bisect_right(starts, candidate.start)] if term.end >= candidate.end]
        if related:
            strongest = min(related, key=lambda f: (-f.score, CATEGORY_RANK.get(f.category, len(CATEGORY_RANK))))
            candidate = replace(candidate, reveals=strongest.category)
        marked.append(candidate)
    return marked


def _may_be_held(finding: Finding, text: str) -> bool:
    """A rule's place, date or number, not in a line typed in capitals where case tells no town
    from a word ("GARDE À VUE")."""
    value = text[finding.start : finding.end]
    return (
        finding.category in _HELD_IN_TERMS
        and finding.score >= _CONTAINER_MIN_SCORE
        and (any(c.islower() for c in value) or not any(c.isalpha() for c in value))
    )


def _inside_any(containers: Iterable[Finding]) -> Callable[[Finding], bool]:
    """A test of whether a finding lies wholly inside one of `containers`."""
    spans = sorted((f.start, f.end) for f in containers)
    starts = [start for start, _ in spans]
    ends_so_far = list(_running_max(end for _, end in spans))

    def inside(finding: Finding) -> bool:
        index = bisect_right(starts, finding.start) - 1
        return index >= 0 and ends_so_far[index] >= finding.end

    return inside


def _holding_any(contents: Iterable[Finding]) -> Callable[[Finding], bool]:
    """A test of whether a finding wholly holds one of `contents`."""
    spans = sorted((f.start, f.end) for f in contents)
    starts = [start for start, _ in spans]

    def holds(finding: Finding) -> bool:
        first, last = bisect_left(starts, finding.start), bisect_left(starts, finding.end)
        return any(end <= finding.end for _, end in spans[first:last])

    return holds


def _running_max(values: Iterable[int]) -> Iterator[int]:
    best = -1
    for value in values:
        best = max(best, value)
        yield best
