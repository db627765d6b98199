"""Normalisation before detection, with an exact map back to the original text.

Detection runs on the normalised text; every finding is reported on the original. Each pass
rewrites some matches of a regular expression and records, for every rewritten piece, which
original range it came from. Unchanged stretches map one to one.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, product
from typing import Callable, Iterable, Iterator

from redactor.paths import load_yaml
from redactor.recognizers.identifiers.patterns import FILE_EXTENSION
from redactor.truecase import truecase


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise map from positions in a rewritten text to positions in its source.

    Segment i starts at `target_starts[i]` in the rewritten text and comes from
    `source_starts[i]:source_ends[i]`; `copied[i]` says whether it is a one-to-one copy.
    """

    target_starts: tuple[int, ...]
    source_starts: tuple[int, ...]
    source_ends: tuple[int, ...]
    copied: tuple[bool, ...]

    def start(self, position: int) -> int:
        """Source position of the character at `position`."""
        index = max(bisect_right(self.target_starts, position) - 1, 0)
        if self.copied[index]:
            return self.source_starts[index] + position - self.target_starts[index]
        return self.source_starts[index]

    def end(self, position: int) -> int:
        """Source position just after the character before `position` (exclusive end)."""
        if position <= 0:
            return 0
        index = max(bisect_right(self.target_starts, position - 1) - 1, 0)
        if self.copied[index]:
            return self.source_starts[index] + position - self.target_starts[index]
        return self.source_ends[index]


def _rewrite(text: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None]):
    """Apply `replace` to each match (None keeps the match) and return the text and its map."""
    edits = ((m.start(), m.end(), replace(m)) for m in pattern.finditer(text))
    return _apply_edits(text, ((start, end, new) for start, end, new in edits if new is not None))


def _apply_edits(text: str, edits: Iterable[tuple[int, int, str]]):
    """Replace each (start, end) range, in order and disjoint, by its string; return the text
    and its map (None when nothing changed)."""
    pieces: list[str] = []
    target_starts: list[int] = []
    source_starts: list[int] = []
    source_ends: list[int] = []
    copied: list[bool] = []
    target = 0
    source = 0

    def add(piece: str, start: int, end: int, is_copy: bool) -> None:
        nonlocal target
        if not piece:
            return
        pieces.append(piece)
        target_starts.append(target)
        source_starts.append(start)
        source_ends.append(end)
        copied.append(is_copy)
        target += len(piece)

    changed = False
    for start, end, replacement in edits:
        if replacement == text[start:end]:
            continue
        changed = True
        add(text[source:start], source, start, True)
        add(replacement, start, end, False)
        source = end
    if not changed:
        return text, None
    add(text[source:], source, len(text), True)
    if not copied:  # everything was deleted
        target_starts.append(0)
        source_starts.append(0)
        source_ends.append(len(text))
        copied.append(False)
    return "".join(pieces), OffsetMap(
        tuple(target_starts), tuple(source_starts), tuple(source_ends), tuple(copied)
    )


@lru_cache(maxsize=1)
def _confusables() -> dict[str, str]:
    data = load_yaml("normalisation/confusables.yaml")
    table: dict[str, str] = {}
    for script in data.values():
        table.update(script)
    return table


# Characters removed outright: zero-width and format characters, soft hyphen, C0/C1 controls
# other than tab, newline and carriage return, lone surrogates (bytes escaped by a decoder).
_INVISIBLE = (
    "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\ud800-\udfff"
)
_HORIZONTAL_SPACE = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"


@lru_cache(maxsize=1)
def _compatibility_class() -> str:
    """Characters that NFKC changes on their own, or combining marks that compose with a base,
    as a regex class body made of ranges (a class of single characters is scanned linearly)."""
    codes = [
        code
        for code in range(0xA0, 0x30000)
        if (unicodedata.combining(chr(code)) or unicodedata.normalize("NFKC", chr(code)) != chr(code))
        and unicodedata.category(chr(code)) not in ("Zs", "Cf")
    ]
    ranges: list[str] = []
    first = previous = codes[0]
    for code in codes[1:] + [-1]:
        if code == previous + 1:
            previous = code
            continue
        ranges.append(re.escape(chr(first)) + ("-" + re.escape(chr(previous)) if previous > first else ""))
        first = previous = code
    return "".join(ranges)


@lru_cache(maxsize=2)
def _character_pass(with_compatibility: bool) -> re.Pattern[str]:
    confusable = "".join(re.escape(c) for c in _confusables())
    compatibility = (
        rf"|.[{_compatibility_class()}]+|[{_compatibility_class()}]" if with_compatibility else ""
    )
    return re.compile(
        r"&(?:[A-Za-z]{2,8}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"  # HTML entities
        rf"|[{_INVISIBLE}]+"
        rf"|[{_HORIZONTAL_SPACE}]{{2,}}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
        rf"|[{confusable}]"
        + compatibility,
        re.DOTALL,
    )


def _character_replacement(match: re.Match[str]) -> str:
    piece = match.group()
    first = piece[0]
    if first == "&":
        decoded = html.unescape(piece)
        return decoded if decoded != piece else piece
    if re.fullmatch(f"[{_INVISIBLE}]+", piece):
        return ""
    if first in _HORIZONTAL_SPACE and piece.strip(_HORIZONTAL_SPACE) == "":
        # a run of 3+ spaces or a tab separates a table's cells: it stays one tab, so that no
        # detector (nor the NER) reads two cells as one phrase ("AUBAGNE     Code postal")
        # (indentation and trailing spaces are no cell boundary)
        before = match.string[match.start() - 1] if match.start() else "\n"
        after = match.string[match.end()] if match.end() < len(match.string) else "\n"
        inside_line = before != "\n" and after not in "\r\n"
        cell_gap = "\t" in piece or len(piece) >= 3  # two spaces are a word gap of PDF-extracted text
        return "\t" if inside_line and cell_gap else " "
    table = _confusables()
    if piece in table:
        return table[piece]
    folded = "".join(table.get(c, c) for c in piece)
    return unicodedata.normalize("NFKC", folded)


# Letters spaced out to dodge detection: "s i d a", "V I H", "s.i.d.a", "S-I-D-A" (groups 1-2),
# with the dot that closes dotted letters ("C.H.U. de Caen" reads "CHU de Caen"):
# four single letters or more, or three capitals, with the same separator throughout; two or
# three letters when word gaps set them apart ("Pas de   T S  ." after the cell-gap pass).
# Runs of the same emphatic punctuation, "!!! !!!!" (group 3), become one mark.
_LAYOUT_PASS = re.compile(
    r"(?<![\w'’])([^\W\d_])([ .\-_])(?:[^\W\d_]\2)+[^\W\d_](?:(?<=\.[^\W\d_])\.)?(?![\w'’])"
    r"|([!?*~=_#])(?: ?\3)+"
    # two or three letters spaced out and set apart by word gaps (a tab here): "   T S   "
    r"|(?<=\t)(?P<short>[^\W\d_](?: [^\W\d_]){1,2})(?=\t|[ \t]*[.,;:!?)\n]|$)"
)


def _layout_replacement(match: re.Match[str]) -> str | None:
    if match.group(3) is not None:
        return match.group(3)
    if match.group("short") is not None:
        return match.group("short").replace(" ", "")
    letters = match.group().replace(match.group(2), "")
    if len(letters) >= 4 or (len(letters) == 3 and letters.isupper()):
        return letters
    return None


# A form's dot leader between a label and a word ("Lieu de naissance ........ Charlieu", "Nom
# ……… DUPONT") reads as the colon it stands for; before a number it stays, as a directory's or
# a result's ("Radiologie ....... 22 600", "TSH ....... 6,82 mUI/L").
_DOT_LEADER = re.compile(r"(?<=[^\W\d_)])[ \t]*(?:\.{4,}|…{2,})[ \t]*:?[ \t]*(?=[^\W\d_])")


def _dot_leader_replacement(match: re.Match[str]) -> str:
    return " : "


# Text extracted from PDFs (group "spaced"): every letter and digit followed by a space, words
# two to four spaces apart, "D U P O N T   J e a n" -> "DUPONT Jean". A run of single characters
# 1-4 spaces apart, from a space, an elision or an opening mark ("d'a l c o o l", "(m é t h a"),
# up to a space or a punctuation mark; the replacement keeps only runs with single-space gaps.
# Words broken at a line end (group "broken"): "Mar-\ntin" -> "Martin", "Saint-\nJoseph" ->
# "Saint-Joseph" (a capital after the break is a compound's second part: its hyphen stays).
_EXTRACTION_PASS = re.compile(
    r"(?P<spaced>(?<![^\s'’(\[/«\"“])[^\W_](?: {1,4}\S(?![^\s,.;:)\]/»\"”])){3,})"
    # (not a two-column page's next line, whose first word is a label before a number and a column's
    # gap: "respira-\nposte 4 52 18     toire", "akinéto-\nDECT 65 219     rigide"; but "Saint-\n
    # Étienne 42100")
    r"|(?<=[^\W\d_]{2})-[ \t]*\r?\n[ \t]*(?P<broken>[^\W\d_])(?![^\W\d_]*[ \t]+\d[^\n]*?(?:[ ]{3}|\t))"
)
_WORD_GAP = re.compile(r" {2,}")


def _extraction_edits(text: str) -> Iterator[tuple[int, int, str]]:
    """Edits that undo PDF letter spacing and line-end hyphenation, character by character so
    that every letter keeps its own offset."""
    for match in _EXTRACTION_PASS.finditer(text):
        if match.group("broken") is not None:
            letter_start = match.start("broken")
            hyphen = "" if match.group("broken").islower() else "-"
            yield match.start(), letter_start, hyphen
            continue
        run_start, run = match.start(), match.group("spaced")
        # a table of single characters ("A   B   C") has no single-space gaps: not letter-spaced,
        # unless a word of four characters or four words of two or more show the spacing
        # ("T é l   :   0 5   4 6   4 1   2 2   8 7"); marks are not counted, so that a date's
        # "3 / 4 /" stays apart from its year ("3 / 4 / 2021")
        lengths = [sum(character.isalnum() for character in word) for word in _WORD_GAP.split(run)]
        if max(lengths) < 4 and sum(length >= 2 for length in lengths) < 4:
            continue
        for gap in re.finditer(r" +", run):
            left, right = run[gap.start() - 1], run[gap.end()]
            # a number against a word stays apart ("2 I V G" -> "2 IVG", "1 2 m a r s" -> "12 mars")
            number_meets_word = left.isdigit() != right.isdigit() and (left + right).isalnum()
            joined = len(gap.group()) == 1 and not number_meets_word
            yield run_start + gap.start(), run_start + gap.end(), "" if joined else " "


# OCR splits a month's name after its day with one space: "12 janv ier 2025", "18 ja nvier"
_MONTH_NAMES = ("janvier", "février", "fevrier", "avril", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "decembre")
_SPLIT_MONTH = re.compile(
    r"(?<![\w])(?:[0-3]?\d|1er) (?P<month>"
    + "|".join(sorted({f"{m[:i]} {m[i:]}" for m in _MONTH_NAMES for i in range(1, len(m))}, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)


def _split_month_edits(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _SPLIT_MONTH.finditer(text):
        space = match.start("month") + match.group("month").index(" ")
        yield space, space + 1, ""


# OCR and extraction space a date's digits and marks: "O5 / O5 / 88", "2 8 / O 1 / 2 O 2 5",
# "1O - 1O - 1 9 7 3", "1 2 mai 2024": the spaces go, offsets mapped back (the look-alike letters
# are read as digits after, by the OCR pass); not a phone's first groups ("06 . 12 .87. 45")
_OCR_DIGIT = "[0-9OoIl]"
_SPACED_DATE = re.compile(
    rf"(?<![\w/.\-])(?P<day>{_OCR_DIGIT}(?: ?{_OCR_DIGIT})?) ?(?P<mark>[/.\-]) ?(?P<month>{_OCR_DIGIT}(?: ?{_OCR_DIGIT})?)"
    rf" ?(?P=mark) ?(?P<year>{_OCR_DIGIT}{{2}}(?:{_OCR_DIGIT}{{2}})?|{_OCR_DIGIT}(?: {_OCR_DIGIT}){{1,3}}|1 ?9{_OCR_DIGIT}{{2}}|{_OCR_DIGIT}{{2}} ?{_OCR_DIGIT}{{2}}(?![ ]?:))(?![\w])(?! ?[/.\-] ?[0-9OoIl])"
)
_DATE_WORDS_BEFORE = re.compile(r"(?<![\w])(?i:n[ée]e?s?(?:\(e\))?[ \t]+le|le|du|au|depuis|DDN|date)[ \t]*:?[ \t]*$")
_SPACED_DAY_BEFORE_MONTH = re.compile(
    r"(?<![\w])[0-3] [0-9](?= (?i:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c))"
)


# ... and a phone's pairs: "O6 . 8 1 . 2 2 . 4 7 . 9 O", "02 97 36 .4 1 . 58", "06 . 12 .87. 45.
# 30": each pair joined, one space between pairs (not a phone written in one style)
_PHONE_PAIR = rf"{_OCR_DIGIT} ?{_OCR_DIGIT}"
_PAIR_GAP = r"(?: ?[.\-] ?| )"
_SPACED_PHONE = re.compile(
    # (not inside a longer run of digits: "1 0 7 2 0 9 4 1 9 4 6" is an RPPS)
    rf"(?<![\w.\-])(?<!{_OCR_DIGIT} )(?P<first>[0O] ?{_OCR_DIGIT})"
    + "".join(rf"(?P<gap{n}>{_PAIR_GAP})(?P<pair{n}>{_PHONE_PAIR})" for n in range(4))
    + r"(?![\w])(?! ?[.\-]? ?[0-9OoIl])"  # nor a line's number before a phone: "Ligne 04 - 01 23 45 67 89"
)


def _spaced_phone_edits(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _SPACED_PHONE.finditer(text):
        pairs = [match.group(p) for p in ("first", *(f"pair{n}" for n in range(4)))]
        gaps = {match.group(f"gap{n}") for n in range(4)}
        spaced = any(" " in pair for pair in pairs) or len(gaps) > 1 or any(len(gap) > 1 for gap in gaps)
        if spaced and sum(c.isdigit() for c in match.group()) >= 6:
            # one edit for the whole number: a letter-spacing edit inside it must not split it
            yield match.start(), match.end(), " ".join(pair.replace(" ", "") for pair in pairs)


def _spaced_date_edits(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _SPACED_DATE.finditer(text):
        groups = [match.group(g) for g in ("day", "month", "year")]
        if " " not in match.group() or (
            # spaces around the marks only, a two-digit year: a ratio ("TA 12 / 8 / 10 min"),
            # unless a date's words stand before it ("né le 3 / 9 / 88")
            len(groups[2]) == 2
            and not any(" " in g or not g.isdigit() for g in groups)
            and not _DATE_WORDS_BEFORE.search(text, max(0, match.start() - 16), match.start())
        ):
            continue
        day, month, year = (g.replace(" ", "").translate(_OCR_LETTERS) for g in groups)
        real_digits = sum(c.isdigit() for c in match.group())
        if real_digits < 3 or not (1 <= int(day) <= 31 and 1 <= int(month) <= 12) or len(year) not in (2, 4):
            continue
        for space in re.finditer(" ", match.group()):
            yield match.start() + space.start(), match.start() + space.end(), ""
    for match in _SPACED_DAY_BEFORE_MONTH.finditer(text):
        if int(match.group().replace(" ", "")) <= 31:
            yield match.start() + 1, match.start() + 2, ""


def _disjoint(edits: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
    """`edits` in order, less those that overlap the one before."""
    end = -1
    for edit in edits:
        if edit[0] >= end:
            yield edit
            end = edit[1]


# Scanned documents read by OCR put letters for digits: "né le O9/O4/l97l", "06.7l.45.88.12",
# "IPP O0l2O447", "Tél. O4 95 2l 33 8O". In a run of digits and O, o, l, I (groups joined by
# / . - : or one space) with two real digits or more (or one, in a group of four characters or
# more: "2OOOO"), each group holding a digit reads its look-alike letters as digits, and so does
# every group of a run of two digit groups or more joined without spaces ("l4/ll/2O24"); a
# group without a digit elsewhere ("Page l / l", "12 l") and a run against a letter ("SpO2",
# "2lh15") stay.
_OCR_DIGITS = re.compile(r"(?<![\w])[0-9OoIl]+(?:[/.\-: ][0-9OoIl]+)*(?![\w])")
_OCR_LETTERS = str.maketrans("OoIl", "0011")
_ROMAN = re.compile(r"I{1,3}")  # a month in Roman numerals: "11-III-2026"


# ... and OCR reads "I" as "l" in words in capitals ("CLlNIQUE SAlNT-AUGUSTlN", "WlLLAERT"), and
# one digit of a day or a house number as a letter before its month or its street ("Caen, le l8
# novembre", "3O septembre", "l2 boulevard"): one character for one, no map needed
_WORD_WITH_L = re.compile(r"(?<!\w)(?=[^\W\d_]*l)[^\W\d_]{3,}(?!\w)")
_OCR_NUMBER_BEFORE_MONTH_OR_STREET = re.compile(
    r"(?<!\w)(?:[0-3][OoIl]|[OoIl][0-9])(?=[ \t]+(?i:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c))"
    # and a house number before its street's type: "l2 boulevard Georges Clemenceau"
    r"|(?<!\w)(?:[0-9][OoIl]|[OoIl][0-9])(?=[ \t]+(?i:rue|avenue|av\.|boulevard|bd|place|chemin|all[ée]e|impasse|route|quai|cours)\b)"
)


# ... and the other way round, "1" for "l" or "i" and "0" for "o" inside words ("Marie-C1aude",
# "Ph1lippe", "M0RVAN", "3 ju1l1et", "févr1er", "Li11e"): a word of four characters or more,
# three letters or more and no other digit, whose runs of one or two such digits each lie
# between letters. Of its readings, the first that is a first name, a town, a month or a word;
# else "l" ("I" among capitals). Codes keep their digits: one ends a code ("H1N1", "CD10",
# "IgG1") or opens it ("1ère", "10mg").
_WORD_WITH_DIGIT_LETTERS = re.compile(r"(?<![\w])(?=[^\W_]*[^\W\d_][01])[^\W\d_]+(?:[01]{1,2}[^\W\d_]+)+(?![\w])")
# a zero opening a word in lower case or closing one in capitals: "0ury", "0bjet", "DIALL0"
_ZERO_AT_A_WORDS_EDGE = re.compile(r"(?<![\w])0(?=[a-zà-ÿ]{3,}(?![\w]))|(?<=[^\W\d_][A-Z]{3})0(?![\w])|(?<=(?<![\w])[A-Z]{3})0(?![\w])")
_MAX_DIGITS_READ = 4  # 2**4 readings at most
_HEXADECIMAL = re.compile(r"[0-9a-fA-F]+")
_MONTHS = frozenset(
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split()
)


def _ocr_letters_in_words(text: str) -> str:
    if "l" in text:
        text = _WORD_WITH_L.sub(_capitals_with_l, text)
    if "1" in text or "0" in text:
        text = _WORD_WITH_DIGIT_LETTERS.sub(_letters_for_digits, text)
    if "0" in text:
        text = _ZERO_AT_A_WORDS_EDGE.sub("O", text)
    return _OCR_NUMBER_BEFORE_MONTH_OR_STREET.sub(lambda day: day.group().translate(_OCR_LETTERS), text)


def _letters_for_digits(word: re.Match[str]) -> str:
    value = word.group()
    digits = sum(c in "01" for c in value)
    if len(value) < 4 or len(value) - digits < 3 or digits > _MAX_DIGITS_READ or _HEXADECIMAL.fullmatch(value):
        return value  # (a group of an IPv6 or a hash: "cb1c")
    capitals = sum(c.isupper() for c in value) > sum(c.islower() for c in value)
    choices = {"1": ("I", "L") if capitals else ("l", "i"), "0": ("O",) if capitals else ("o",)}
    readings = ["".join(r) for r in product(*(choices[c] if c in choices else (c,) for c in value))]
    known = next((r for r in readings if _is_a_known_word(r)), None)
    if known is None and capitals and "1" in value:
        return value  # a code in capitals: "HBA1C" (but "CL1NIQUE", and "M0RVAN" whatever it is)
    return known or readings[0]


def _is_a_known_word(word: str) -> bool:
    # (imported here: the lexicons load once, on the first OCR word of the process)
    from redactor.recognizers.identifiers.lexicon import fold, name_lexicon, town_lexicon
    from redactor.recognizers.vouched.folding import common_word_keys

    key = fold(word)
    return key in _MONTHS or key in common_word_keys() or name_lexicon().is_first_name(word) or town_lexicon().is_known(word, 0)


def _capitals_with_l(word: re.Match[str]) -> str:
    """The word with "I" for "l" after a capital, if all its other letters are capitals (not a
    word's first letter: "lQUE" may be the end of a word the OCR broke)."""
    value = word.group()
    others = value.replace("l", "")
    if len(others) < 2 or not others.isupper() or value.startswith("l"):
        return value
    return value.replace("l", "I")


def _ocr_digits_replacement(match: re.Match[str]) -> str | None:
    run = match.group()
    digits = sum(c.isdigit() for c in run)
    if run.replace(" ", "").isdigit() or not (digits >= 2 or (digits and len(run) >= 4)):
        return None
    groups = re.split(r"([/.\-: ])", run)
    # "l4/ll/2O24": between digit groups joined without a space, a group of letters is a number too
    whole = " " not in run and sum(any(c.isdigit() for c in g) for g in groups[::2]) >= 2
    fixed = "".join(
        g.translate(_OCR_LETTERS) if (whole and not _ROMAN.fullmatch(g)) or any(c.isdigit() for c in g) else g for g in groups
    )
    return fixed if fixed != run else None


# File names join words with underscores ("CR_IRM_FABRE_MAGALI_20251104.pdf") and HL7 fields
# too ("^^^CHU_NANTES^PI"), with carets between a name's parts ("HAMELIN^PIERRE"): read as
# spaces, one character for one (no map needed), in a token that ends with a file's extension
# or holds a caret (not in a CSV header's "TEL_REA", an e-mail address or a path). A token is
# taken from its start only, so that a long run without a space is scanned once.
_UNDERSCORED_TOKEN = re.compile(r"(?<!\S)[^\s_]*_\S*")
_FILE_NAME_END = re.compile(rf"{FILE_EXTENSION}[)\]»\"”.,;:]*$")
_CARET_BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])\^(?=[^\W\d_])")


def _underscores_as_spaces(token: re.Match[str]) -> str:
    value = token.group()
    if "@" in value or "/" in value or not ("^" in value or _FILE_NAME_END.search(value)):
        return value
    return value.replace("_", " ")


def _separate_joined_words(text: str) -> str:
    if "_" in text:
        text = _UNDERSCORED_TOKEN.sub(_underscores_as_spaces, text)
    if "^" in text:
        text = _CARET_BETWEEN_LETTERS.sub(" ", text)
    return text


@dataclass(frozen=True)
class NormalisedText:
    """Text as detectors see it, with the maps back to the original."""

    original: str
    text: str
    maps: tuple[OffsetMap, ...]
    recased: bool = False  # capitals were restored in a lower-case or dictated text

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the original text."""
        for offset_map in reversed(self.maps):
            start, end = offset_map.start(start), offset_map.end(end)
        return start, end


def normalise(text: str) -> NormalisedText:
    """Fold the text for detection: PDF letter spacing and line-end hyphenation, entities,
    invisible characters, confusables, NFKC, whitespace runs, spaced letters, repeated
    punctuation, dot leaders, letters read for digits by OCR; words joined by underscores or carets; capitals
    in a note or a paragraph written in lower case or dictated."""
    maps: list[OffsetMap] = []
    current, offset_map = _apply_edits(text, _disjoint(sorted(chain(_extraction_edits(text), _split_month_edits(text), _spaced_date_edits(text), _spaced_phone_edits(text)))))
    if offset_map is not None:
        maps.append(offset_map)
    for pattern, replacement in (
        # The class of NFKC-unstable characters is slow to scan: skip it when NFKC is a no-op.
        (_character_pass(not unicodedata.is_normalized("NFKC", text)), _character_replacement),
        (_LAYOUT_PASS, _layout_replacement),
        (_DOT_LEADER, _dot_leader_replacement),
        (_OCR_DIGITS, _ocr_digits_replacement),
    ):
        current, offset_map = _rewrite(current, pattern, replacement)
        if offset_map is not None:
            maps.append(offset_map)
    # words joined by underscores or carets, OCR letters in words, and capitals for a note or a
    # paragraph written in lower case or dictated: one character for one, no map needed
    uncased = _ocr_letters_in_words(_separate_joined_words(current))
    current = truecase(uncased)
    return NormalisedText(original=text, text=current, maps=tuple(maps), recased=current != uncased)
