"""Rewrites of annotated notes that copy-paste or an evasive writer produce, gold spans moved.

Five variants of a gold note: upper case, no accents, look-alike letters (Cyrillic and Greek
for Latin), zero-width characters inside the annotated passages, and the annotated passages
letter-spaced ("s i d a   p o s i t i f"). Used to check that special-category recall holds
on them (`tests/test_special_variants.py`, `bench/special_variants.py`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from redactor.evaluation import GoldNote

# Latin letters and a look-alike from another script (same glyph in most fonts).
_LOOK_ALIKES = str.maketrans(
    {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
     "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "T": "Т", "H": "Н", "K": "Κ", "M": "М"}
)  # fmt: skip
_ZERO_WIDTH = "\u200b"
_SECOND_LETTER = re.compile(r"\b([^\W\d_]{2})(?=[^\W\d_])")


def _upper(piece: str) -> str:
    # one character for one, so that offsets keep their meaning ("ß".upper() is "SS")
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in piece)


def _no_accents(piece: str) -> str:
    return "".join(
        (unicodedata.normalize("NFD", c)[0] if unicodedata.normalize("NFD", c)[0].isalpha() else c) for c in piece
    )


def _look_alikes(piece: str) -> str:
    return piece.translate(_LOOK_ALIKES)


def _zero_width(piece: str) -> str:
    """A zero-width space after the second letter of every word of 3 letters or more."""
    return _SECOND_LETTER.sub(r"\1" + _ZERO_WIDTH, piece)


def _letter_spaced(piece: str) -> str:
    """ "tentative de suicide" -> "t e n t a t i v e   d e   s u i c i d e", set apart from
    the words around it by the same gap, as when the phrase and its neighbours are spaced."""
    return " ".join(piece)


def _word_gaps(outside: str, after_passage: bool, before_passage: bool) -> str:
    """Spaces next to a letter-spaced passage widened to a word gap (three spaces)."""
    if after_passage and outside[:1] == " ":
        outside = "  " + outside
    if before_passage and outside[-1:] == " ":
        outside = outside + "  "
    return outside


# name -> (rewrite, applied to the whole note or to the annotated passages only)
VARIANTS: dict[str, tuple[Callable[[str], str], bool]] = {
    "upper_case": (_upper, True),
    "no_accents": (_no_accents, True),
    "look_alikes": (_look_alikes, True),
    "zero_width": (_zero_width, False),
    "letter_spaced": (_letter_spaced, False),
}


def variant(note: GoldNote, name: str) -> GoldNote:
    """The note rewritten by variant `name`, its spans and traps moved to the new offsets."""
    rewrite, whole_note = VARIANTS[name]
    pieces: list[str] = []
    moved_spans: list[dict] = []
    outside_at: list[tuple[int, int, int]] = []  # (original start, original end, new start)
    cursor = 0
    length = 0

    def add_outside(end: int, before_passage: bool) -> None:
        nonlocal length
        outside = note.text[cursor:end]
        outside = rewrite(outside) if whole_note else outside
        padding = 0
        if rewrite is _letter_spaced:
            padded = _word_gaps(outside, after_passage=cursor > 0, before_passage=before_passage)
            padding = 2 if padded.startswith("  ") and not outside.startswith("  ") else 0
            outside = padded
        outside_at.append((cursor, end, length + padding))
        pieces.append(outside)
        length += len(outside)

    for span in sorted(note.spans, key=lambda s: s["start"]):
        if span["start"] < cursor:  # nested or overlapping gold: leave the inner one as is
            continue
        add_outside(span["start"], before_passage=True)
        inside = rewrite(note.text[span["start"] : span["end"]])
        moved_spans.append({**span, "start": length, "end": length + len(inside)})
        pieces.append(inside)
        length += len(inside)
        cursor = span["end"]
    add_outside(len(note.text), before_passage=False)
    traps = []
    for trap in note.traps:  # traps lie outside the gold spans, where rewrites keep lengths
        for start, end, new_start in outside_at:
            if start <= trap["start"] < end:
                shift = new_start - start
                traps.append({"start": trap["start"] + shift, "end": trap["end"] + shift})
                break
    return GoldNote(f"{note.id}:{name}", "".join(pieces), moved_spans, traps)
