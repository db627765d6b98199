"""Reported: what someone else says or what the patient declares ("d'après sa mère", "il dit
avoir fait une TS", "se dit apolitique", "toxicomane selon les pompiers")."""

from __future__ import annotations

from redactor.qualify.context import CLAUSE_MARKS, Context, Cue
from redactor.recognizers.special.phrases import SENTENCE_ENDS

_SOURCE_REACH = 3  # tokens after a source cue ("selon", "d'après") where its person stands


def reported(context: Context, first: int, last: int) -> bool:
    """A reporting cue bears on the mention on tokens [first, last), or is part of it."""
    for cue in context.cues_near(first, last):
        kind = cue.kind
        inside = first <= cue.start and cue.end < last  # "se dit apolitique" is one finding
        if kind == "reported.sources":
            if (
                _person_near(context, cue.end, _SOURCE_REACH)
                and (inside or _source_bears_on(context, cue, first, last))
                and not _is_the_source(context, cue, first)
            ):
                return True
        elif kind == "reported.verbs":
            if inside or context.after_cue(cue, first, commas=True, sentence=context.report_sentence):
                return True
        elif kind == "reported.statements":
            if inside or context.after_cue(cue, first, commas=False):
                return True
        elif kind == "reported.inverted":
            if cue.start >= last and _person_near(context, cue.end, 2) and context.before_cue(cue, last):
                return True
        elif kind == "reported.hearsay" and (
            inside or context.after_cue(cue, first, commas=True) or context.before_cue(cue, last)
        ):
            return True
        elif kind == "reported.following" and (
            first < cue.start < last or context.following_reaches(last, cue.start)
        ):
            return True
    return False


def is_source(context: Context, index: int) -> bool:
    """The person at token `index` reports ("d'après sa mère", "sa mère rapporte que", "dit sa
    mère"): the mention is not about them."""
    for cue in context.cues_starting(index - _SOURCE_REACH - context.longest_cue, index + 2):
        if (
            cue.kind in ("reported.sources", "reported.inverted")
            and cue.end <= index < cue.end + _SOURCE_REACH
        ):
            return True
        # "sa mère rapporte que": a source; "le mari se dit frustré": the subject
        if cue.kind in ("reported.verbs", "reported.inverted") and index < cue.start <= index + 2:
            return context.tokens.keys[cue.start] != "se"
    return False


def _person_near(context: Context, index: int, reach: int) -> bool:
    """A person (relative, patient, source) within `reach` tokens from `index`."""
    cues = context.cues
    keys = context.tokens.keys
    for i in range(index, min(index + reach, len(keys))):
        key = keys[i]
        if key in SENTENCE_ENDS:
            return False
        if key in cues.collective_family:
            continue  # "selon le dossier familial" names no one
        if key in cues.possessives or key in cues.family or key in cues.other or key in cues.source_people:
            return True
        if key in cues.patient or key in cues.family_after_possessive:
            return True
    return False


def _source_bears_on(context: Context, cue: Cue, first: int, last: int) -> bool:
    """ "selon sa mère, il serait...": a source before the mention crosses a comma only when it
    opens the sentence; "... d'après sa mère" after the mention reports its clause, set
    apart by a comma when the source ends the sentence ("fume du cannabis, selon elle.")."""
    keys = context.tokens.keys
    if cue.start >= last:
        if context.before_cue(cue, last, commas=False):
            return True
        set_apart = cue.start > last and keys[cue.start - 1] == "," and _source_ends_sentence(context, cue)
        return set_apart and context.before_cue(Cue(cue.kind, cue.start - 1, cue.end), last, commas=False)
    if not context.after_cue(cue, first, commas=True):
        return False
    opens_sentence = cue.start == 0 or keys[cue.start - 1] in SENTENCE_ENDS
    return opens_sentence or "," not in keys[cue.end : first]


def _is_the_source(context: Context, cue: Cue, first: int) -> bool:
    """The mention is the person the source cue names ("signalée par l'aumônier")."""
    between = context.tokens.keys[cue.end : first]
    cues = context.cues
    return cue.end <= first and all(k in cues.articles or k in cues.possessives for k in between)


def _source_ends_sentence(context: Context, cue: Cue) -> bool:
    """Only the source's person follows the cue up to the end of the sentence."""
    keys = context.tokens.keys
    stop = min(cue.end + _SOURCE_REACH + 2, len(keys))
    for index in range(cue.end, stop):
        if keys[index] in SENTENCE_ENDS:
            return True
        if keys[index] in CLAUSE_MARKS or keys[index] == ",":
            return False
    return stop == len(keys)
