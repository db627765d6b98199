"""Hypothetical: suspected, conditional, to rule out, or a test still without its result
("suspicion de psychose", "il aurait fait une TS", "sérologie VIH demandée")."""

from __future__ import annotations

from redactor.qualify.context import Context


def hypothetical(context: Context, first: int, last: int, negated: bool) -> bool:
    """The mention on tokens [first, last) is hypothetical; `negated`: it was found negated
    (a negated test is not pending)."""
    # a mention with its own result ("VHC négatif") is not pending on a later "en attente"
    near = context.cues_near(first, last)
    own_result = any(c.kind == "testing.results" and first < c.start < last for c in near)
    if context.preceding_or_following("hypothesis", first, last, following=not own_result):
        return True
    for cue in near:
        if cue.kind == "hypothesis.conditions" and context.after_cue(cue, first, commas=True, colons=True):
            return True
        if cue.kind == "hypothesis.inherent" and first <= cue.start < last:
            return True
    # a test without a result: "sérologie VIH demandée", "dépistage IST proposé"
    return not negated and _tested(context, first, last) and not _has_result(context, first, last)


def _tested(context: Context, first: int, last: int) -> bool:
    """A test names the mention ("dépistage VIH", "dépistage" alone) or comes before it in
    the sentence, with no result in between ("sérologie VHC positive, guérie après AAD"
    is not pending)."""
    for cue in context.cues_near(first, last):
        if cue.kind != "testing.tests":
            continue
        if first <= cue.start < last - 1 or cue.start == first == last - 1:
            return True
        if context.after_cue(cue, first, commas=True, colons=True) and not any(
            result.kind == "testing.results" for result in context.cues_starting(cue.end, first - 1)
        ):
            return True
    return False


def _has_result(context: Context, first: int, last: int) -> bool:
    """A result closes the mention or follows it within reach ("VIH négatif", "sérologie VHC positive")."""
    return any(
        cue.kind == "testing.results"
        and (first < cue.start < last or context.following_reaches(last, cue.start))
        for cue in context.cues_near(first, last)
    )
