"""Whom a mention is about: the patient, a relative or partner (FAMILY), or someone else
(OTHER)."""

from __future__ import annotations

from redactor.findings import Subject
from redactor.qualify.context import CLAUSE_MARKS, Context
from redactor.qualify.reported import is_source
from redactor.recognizers.special.phrases import SENTENCE_ENDS

_SUBJECT_WINDOW = 12  # tokens before a mention searched for its person
_AFTER_WINDOW = 6  # tokens after a mention searched for "chez sa mère", "aux enfants"
_ANAPHORA_WINDOW = 30  # tokens before "ce dernier" searched for whom it stands for
_INDEFINITE = frozenset({"un", "une", "des", "d"})
_CONTRACTED_ARTICLES = frozenset({"du", "au"})
_SMALL_NUMBERS = frozenset({"deux", "trois", "quatre", "cinq", "2", "3", "4", "5", "autres", "autre"})


def subject(
    context: Context, family_sections: list[tuple[int, int]], first: int, last: int, names_its_subject: bool
) -> Subject:
    """Whom the mention on tokens [first, last) is about: a person inside it ("mère
    schizophrène"), a relative named after it ("suicide de son frère"), the nearest person
    before it, the family-history section it sits in, or else the patient.
    `names_its_subject` is False when the span is itself a person whose mention says
    something about the patient ("son compagnon")."""
    keys = context.tokens.keys
    cues = context.cues
    if first > 0 and keys[first - 1] in cues.articles | _INDEFINITE and keys[first] in cues.other_roles:
        return Subject.OTHER
    local = (
        (_person_inside(context, first, last) if names_its_subject else None)
        or _relative_after(context, last)
        or _person_before(context, first, skip_partners=not names_its_subject)
    )
    if local is not None:
        return local
    if any(start <= first < end for start, end in family_sections):
        return Subject.FAMILY
    return Subject.PATIENT


def _kind_of_person(context: Context, index: int, after_connector: bool = False) -> Subject | None:
    """Who the word at token `index` is, if a person. A word such as "femme" or "fille" is a
    relative only after a possessive ("sa fille") or, with `after_connector`, a connector
    ("chez la fille")."""
    cues = context.cues
    keys = context.tokens.keys
    key = keys[index]
    previous = keys[index - 1] if index > 0 else ""
    following = keys[index + 1] if index + 1 < len(keys) else ""
    before_previous = keys[index - 2] if index > 1 else ""
    if previous in cues.partner_openers and key in cues.other | cues.partners:
        return Subject.FAMILY  # "petit ami", "petite copine"
    if key in ("partenaire", "partenaires"):
        # "son partenaire", "dépistage du partenaire"; not "plusieurs partenaires"
        return Subject.FAMILY if previous in cues.possessives | cues.articles | _CONTRACTED_ARTICLES else None
    if key in cues.family:
        return Subject.FAMILY
    possessed = previous in cues.possessives or (
        previous in cues.family_adjectives and before_previous in cues.possessives
    )
    if key in cues.family_after_possessive and (possessed or after_connector):
        return Subject.FAMILY
    if key in cues.other:
        return Subject.OTHER
    if key in cues.patient and following not in cues.echoes:
        return Subject.OTHER if following in cues.not_the_patient else Subject.PATIENT
    return None


def _person_inside(context: Context, first: int, last: int) -> Subject | None:
    """A person written in the span itself ("frères sont suicidés", "voisin d'origine X");
    not the family or partners a mention is about ("famille rom", "deux partenaires")."""
    keys = context.tokens.keys
    cues = context.cues
    for index in range(first, last):
        if keys[index] in cues.collective_family or (keys[index] in cues.partners and index > first):
            continue
        kind = _kind_of_person(context, index)
        if kind in (Subject.FAMILY, Subject.OTHER):
            return kind
    return None


def _relative_after(context: Context, last: int) -> Subject | None:
    """ "suicide de son frère", "dépister son épouse", "confirmé chez le père", "proposé à
    ses deux filles"."""
    keys = context.tokens.keys
    if last < len(keys) and keys[last] in ("de", "d", "du", "des"):
        return _relative_at(context, last + 1, after_connector=False)
    if last < len(keys) and keys[last] in context.cues.possessives:
        return _relative_at(context, last, after_connector=False)
    for index in range(last, min(last + _AFTER_WINDOW, len(keys))):
        if keys[index] in SENTENCE_ENDS or index in context.clause_end_at or keys[index] in CLAUSE_MARKS:
            return None
        if keys[index] in context.cues.connectors:
            return _relative_at(context, index + 1, after_connector=True)
    return None


def _relative_at(context: Context, index: int, after_connector: bool) -> Subject | None:
    """A relative or other person at token `index`, after up to two determiners ("ses deux
    filles", "la mère")."""
    keys = context.tokens.keys
    cues = context.cues
    possessed = False  # "ses deux filles": a possessive before the number
    for _ in range(2):
        if index < len(keys) and (
            keys[index] in cues.possessives or keys[index] in cues.articles or keys[index] in _SMALL_NUMBERS
        ):
            possessed = possessed or keys[index] in cues.possessives
            index += 1
    if index >= len(keys):
        return None
    kind = _kind_of_person(context, index, after_connector=after_connector or possessed)
    return kind if kind in (Subject.FAMILY, Subject.OTHER) else None


def _person_before(context: Context, first: int, skip_partners: bool = False) -> Subject | None:
    """The nearest person mentioned before, in the clause, who is not a source."""
    keys = context.tokens.keys
    for index in range(first - 1, max(first - _SUBJECT_WINDOW, 0) - 1, -1):
        if skip_partners and keys[index] in context.cues.partners:
            continue
        if keys[index] in SENTENCE_ENDS or keys[index] == ":" or index + 1 in context.clause_end_at:
            return None
        if keys[index] in ("dernier", "derniere") and index > 0 and keys[index - 1] in ("ce", "cette"):
            return _earlier_person(context, index - 1)
        kind = _kind_of_person(context, index)
        if kind is Subject.PATIENT:
            # "le frère du patient", "la femme de la patiente": the relative, not the patient
            owner = _owner_of(context, index)
            if owner is not None:
                return owner
        if kind is not None and not is_source(context, index):
            return kind
    return None


def _owner_of(context: Context, index: int) -> Subject | None:
    """The relative or other person whose patient stands at `index` ("le frère du patient")."""
    keys = context.tokens.keys
    position = index - 1
    if position >= 0 and keys[position] in ("la", "l"):  # "du patient", "de la patiente"
        position -= 1
    if position < 1 or keys[position] not in ("du", "de"):
        return None
    for candidate in (position - 1, position - 2):
        if candidate >= 0:
            kind = _kind_of_person(context, candidate, after_connector=True)
            if kind in (Subject.FAMILY, Subject.OTHER):
                return kind
    return None


def _earlier_person(context: Context, index: int) -> Subject | None:
    """ "ce dernier": the last relative or other person named before, across sentences."""
    for position in range(index - 1, max(index - _ANAPHORA_WINDOW, 0) - 1, -1):
        kind = _kind_of_person(context, position)
        if kind in (Subject.FAMILY, Subject.OTHER):
            return kind
    return None
