"""Family-history sections ("ATCD familiaux : ..."): every mention inside one is about the
family unless it names someone else."""

from __future__ import annotations

from redactor.qualify.context import Context
from redactor.qualify.cues import FAMILY_SECTION
from redactor.recognizers.special.phrases import SENTENCE_ENDS

_BULLETS = frozenset({"•", "*", "·", "-", "–"})


def family_sections(context: Context) -> list[tuple[int, int]]:
    """Token ranges of family-history sections: a heading, ":" and what follows it."""
    sections = []
    keys = context.tokens.keys
    for cue in context.found:
        if cue.kind != FAMILY_SECTION or cue.end >= len(keys) or keys[cue.end] != ":":
            continue
        sections.append((cue.end, _section_end(context, cue.end + 1)))
    return sections


def _section_end(context: Context, index: int) -> int:
    """Where a section opened before token `index` ends: a blank line, a line that is not an
    item of its list, or the next heading."""
    keys = context.tokens.keys
    while index < len(keys):
        key = keys[index]
        if key == "\n":
            following = index + 1
            if following >= len(keys) or keys[following] == "\n" or not _continues_list(context, index):
                return index
        elif key in SENTENCE_ENDS and _heading_at(context, index + 1):
            return index
        index += 1
    return index


def _continues_list(context: Context, newline: int) -> bool:
    """The line after this line break is an item of the same list (bullet or relative)."""
    tokens = context.tokens
    following = newline + 1
    gap = context.text[tokens.ends[newline] : tokens.starts[following]]
    first_key = tokens.keys[following]
    return bool(set(gap) & _BULLETS) or first_key in _BULLETS or first_key in context.cues.family


def _heading_at(context: Context, index: int) -> bool:
    """A heading ("ATCD personnels :") starts at token `index`."""
    keys = context.tokens.keys
    for i in range(index, min(index + 5, len(keys))):
        if keys[i] == ":":
            return i > index and keys[index] not in context.cues.family
        if keys[i] in SENTENCE_ENDS:
            return False
    return False
