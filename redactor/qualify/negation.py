"""Negated: "pas de TS", "sérologie VIH négative", "VIH-", "non syndiqué"."""

from __future__ import annotations

import re

from redactor.qualify.context import Context

# "VIH-", "VIH (-)", "VHC -" right after a mention: negative result; not the dash of a
# heading or an arrow ("Unité sanitaire - consultation", "TJ -> transfusion")
_NEGATIVE_SIGN = re.compile(r"\s?(?:\(\s?[-−]\s?\)|[-−](?![\w\-−>]|[ \t]+[\w\-−>]))")


def negated(context: Context, first: int, last: int, end_char: int) -> bool:
    """The mention on tokens [first, last), ending at character `end_char`, is negated: a minus
    sign right after it, a negative word inside it ("séronégatif"), or a negation cue before
    or after it in its clause."""
    if _NEGATIVE_SIGN.match(context.text, end_char):
        return True
    if any(cue.kind == "negation.inherent" and first <= cue.start < last for cue in context.cues_near(first, last)):
        return True
    return context.preceding_or_following("negation", first, last)
