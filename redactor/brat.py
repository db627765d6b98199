"""BRAT standoff (`NAME.txt` + `NAME.ann`), in and out, for `redactor eval` and `redactor review`.

In: text-bound annotations `T1<TAB>LABEL START END[;START END...]<TAB>covered text`, with
labels that are redactor categories or common French de-identification labels (NOM, PRENOM,
VILLE, HOPITAL, TEL... see `LABEL_ALIASES`); a discontinuous annotation gives one span per
fragment. Attributes `A1<TAB>Negated T1`, `Hypothetical`, `Reported`, `Subject T1 family` become
qualifiers. Offsets are characters of the `.txt` file as written (line ends kept).
Out: one `.txt` and `.ann` per note, the note id as file name.
"""

from __future__ import annotations

import re
from pathlib import Path

from redactor.evaluation import GoldNote, read_gold
from redactor.findings import ALL_CATEGORIES

LABEL_ALIASES = {
    "NOM": "PERSON", "PRENOM": "PERSON", "PERSONNE": "PERSON", "NAME": "PERSON",
    "ADRESSE": "ADDRESS", "VILLE": "CITY", "CODE_POSTAL": "ZIP", "ZIP_CODE": "ZIP",
    "TEL": "PHONE", "TELEPHONE": "PHONE", "MAIL": "EMAIL", "HOPITAL": "HOSPITAL",
    "IPP": "PATIENT_ID", "NDA": "PATIENT_ID", "SECU": "NIR", "NSS": "NIR", "RPPS": "CLINICIAN_ID",
    "DATE_NAISSANCE": "DATE", "DATE_TIME": "DATE", "LOCATION": "CITY",
}  # fmt: skip
_BOOLEAN_ATTRIBUTES = {"negated": "negated", "negation": "negated", "hypothetical": "hypothetical",
                       "hypothese": "hypothetical", "reported": "reported"}  # fmt: skip
_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class BratError(ValueError):
    """An annotation file we cannot read as given; the message names the file and line only."""


def category_of(label: str, where: str) -> str:
    category = label if label in ALL_CATEGORIES else LABEL_ALIASES.get(label.upper())
    if category is None:
        raise BratError(f"{where}: unknown label {label!r} (use a redactor category or one of {sorted(LABEL_ALIASES)})")
    return category


def read_note(txt: Path) -> GoldNote:
    """One BRAT document: `txt` and the `.ann` beside it (no `.ann`: a note with no span)."""
    with txt.open(encoding="utf-8", newline="") as handle:  # offsets count "\r\n" as two characters
        text = handle.read()
    ann = txt.with_suffix(".ann")
    lines = ann.read_text(encoding="utf-8").splitlines() if ann.exists() else []
    spans_by_id: dict[str, list[dict]] = {}
    for number, line in enumerate(lines, start=1):
        where = f"{ann.name}: line {number}"
        if match := _TEXT_BOUND.match(line):
            category = category_of(match.group(2), where)
            fragments = []
            for pair in match.group(3).split(";"):
                start, end = map(int, pair.split())
                if not 0 <= start < end <= len(text):
                    raise BratError(f"{where}: offsets {start}-{end} outside the text ({len(text)} characters)")
                fragments.append({"start": start, "end": end, "category": category})
            spans_by_id[match.group(1)] = fragments
        elif line.startswith("A"):
            _read_attribute(line, spans_by_id, where)
    spans = sorted((s for group in spans_by_id.values() for s in group), key=lambda s: (s["start"], s["end"]))
    return GoldNote(txt.stem, text, spans, [])


def _read_attribute(line: str, spans_by_id: dict[str, list[dict]], where: str) -> None:
    fields = line.split("\t")
    parts = fields[1].split() if len(fields) > 1 else []
    if len(parts) < 2 or parts[1] not in spans_by_id:
        raise BratError(f"{where}: attribute on an unknown annotation")
    name, target, value = parts[0].lower(), parts[1], parts[2] if len(parts) > 2 else None
    for span in spans_by_id[target]:
        qualifiers = span.setdefault(
            "qualifiers", {"negated": False, "hypothetical": False, "reported": False, "subject": "patient"}
        )
        if name in _BOOLEAN_ATTRIBUTES:
            qualifiers[_BOOLEAN_ATTRIBUTES[name]] = value is None or value.lower() in ("true", "yes", "oui")
        elif name in ("subject", "sujet"):
            qualifiers["subject"] = {"famille": "family", "autre": "other"}.get((value or "").lower(), value)


def read_directory(directory: Path) -> list[GoldNote]:
    """Every `*.txt` of `directory` (recursively) with its `.ann`, in path order."""
    texts = sorted(directory.rglob("*.txt"))
    if not texts:
        raise BratError(f"{directory}: no .txt file")
    return [read_note(txt) for txt in texts]


def read_gold_any(path: Path) -> list[GoldNote]:
    """Gold notes from a JSONL file, a BRAT directory, or one BRAT `.txt`/`.ann` pair."""
    if path.is_dir():
        return read_directory(path)
    if path.suffix in (".ann", ".txt"):
        return [read_note(path.with_suffix(".txt"))]
    return read_gold(path)


def ann_text(text: str, spans: list[dict]) -> str:
    """The `.ann` content for `spans` ({start, end, category[, qualifiers]}) of `text`."""
    lines = []
    attribute = 0
    for number, span in enumerate(sorted(spans, key=lambda s: (s["start"], s["end"])), start=1):
        covered = text[span["start"] : span["end"]].replace("\n", " ").replace("\r", " ")
        lines.append(f"T{number}\t{span['category']} {span['start']} {span['end']}\t{covered}")
        for name, value in (span.get("qualifiers") or {}).items():
            if name == "subject" and value != "patient":
                attribute += 1
                lines.append(f"A{attribute}\tSubject T{number} {value}")
            elif value is True:
                attribute += 1
                lines.append(f"A{attribute}\t{name.capitalize()} T{number}")
    return "".join(line + "\n" for line in lines)


def file_stem(note_id: object) -> str:
    """A file name for a note id (characters outside [A-Za-z0-9._-] become `_`)."""
    return _SAFE_NAME.sub("_", str(note_id)).strip(".") or "note"


def write_note(directory: Path, note_id: object, text: str, spans: list[dict]) -> Path:
    """Write `ID.txt` and `ID.ann` into `directory`; returns the `.txt` path."""
    directory.mkdir(parents=True, exist_ok=True)
    txt = directory / f"{file_stem(note_id)}.txt"
    txt.write_text(text, encoding="utf-8", newline="")
    txt.with_suffix(".ann").write_text(ann_text(text, spans), encoding="utf-8")
    return txt
