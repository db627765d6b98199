"""Convert the hand-annotated markup notes (see ANNOTATION.md) into gold JSONL.

    python tests/data/build_gold.py            # rebuilds every gold file listed in GOLD_SETS
    python tests/data/build_gold.py --check    # fails if a gold file is stale

Each gold line: {"id", "text", "spans": [{"start", "end", "category", "qualifiers"?}],
"traps": [{"start", "end"}]}; traps are words that must not be flagged as a special category.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from redactor.findings import ALL_CATEGORIES, SPECIAL_CATEGORIES  # noqa: E402

# gold file -> glob of markup files it is built from
GOLD_SETS = {
    "dev_identifiers.jsonl": "dev_notes/identifiers/*.txt",
    "dev_special.jsonl": "dev_notes/special/*.txt",
    # issue 11 tuning notes written to the blind set's brief by other authors (paraphrase,
    # slang, shorthand): tuned on, so reported as dev figures
    "dev_special_styles.jsonl": "dev_notes/special_styles/*.txt",
    # frozen blind sets (issues 10 and 11): written by authors who had not read the detectors;
    # reported beside the dev figures, never tuned on
    "blind_identifiers.jsonl": "blind_notes/identifiers/*.txt",
    "blind_special.jsonl": "blind_notes/special/*.txt",
}
_HEADER = re.compile(r"^=== ([A-Za-z0-9_.\-]+) ===[ \t]*$", re.MULTILINE)
_SPAN = re.compile(r"\[\[([A-Z_]+)\|([^\[\]|]+)(?:\|([^\[\]|]*))?\]\]")
_QUALIFIER = re.compile(r"negated|hypothetical|reported|somatic|subject=(?:patient|family|other)")


class MarkupError(ValueError):
    pass


def parse_qualifiers(raw: str | None, where: str) -> dict:
    qualifiers = {"negated": False, "hypothetical": False, "reported": False, "subject": "patient"}
    for item in filter(None, (part.strip() for part in (raw or "").split(","))):
        if not _QUALIFIER.fullmatch(item):
            raise MarkupError(f"{where}: unknown qualifier {item!r}")
        if item.startswith("subject="):
            qualifiers["subject"] = item.split("=", 1)[1]
        else:
            qualifiers[item] = True
    return qualifiers


def parse_note(note_id: str, body: str) -> dict:
    text_parts: list[str] = []
    spans: list[dict] = []
    traps: list[dict] = []
    position = 0
    cursor = 0
    for match in _SPAN.finditer(body):
        category, surface, raw_qualifiers = match.groups()
        where = f"{note_id}: [[{category}|...]]"
        if category not in ALL_CATEGORIES and category != "TRAP":
            raise MarkupError(f"{where}: unknown category")
        if surface != surface.strip():
            raise MarkupError(f"{where}: surface text has leading or trailing spaces")
        if raw_qualifiers is not None and category not in SPECIAL_CATEGORIES:
            raise MarkupError(f"{where}: qualifiers only on special categories")
        before = body[cursor : match.start()]
        text_parts.append(before)
        position += len(before)
        span = {"start": position, "end": position + len(surface), "category": category}
        if category == "TRAP":
            traps.append({"start": span["start"], "end": span["end"]})
        else:
            if category in SPECIAL_CATEGORIES:
                span["qualifiers"] = parse_qualifiers(raw_qualifiers, where)
            spans.append(span)
        text_parts.append(surface)
        position += len(surface)
        cursor = match.end()
    text_parts.append(body[cursor:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise MarkupError(f"{note_id}: unbalanced or malformed [[...]] markup")
    return {"id": note_id, "text": text, "spans": spans, "traps": traps}


def parse_file(path: Path) -> list[dict]:
    content = path.read_text(encoding="utf-8")
    headers = list(_HEADER.finditer(content))
    if not headers:
        raise MarkupError(f"{path.name}: no '=== id ===' header")
    notes = []
    for index, header in enumerate(headers):
        end = headers[index + 1].start() if index + 1 < len(headers) else len(content)
        body = content[header.end() : end].strip("\n").rstrip()
        notes.append(parse_note(header.group(1), body))
    return notes


def build(gold_name: str) -> list[dict]:
    notes: list[dict] = []
    for path in sorted(HERE.glob(GOLD_SETS[gold_name])):
        notes.extend(parse_file(path))
    seen: set[str] = set()
    for note in notes:
        if note["id"] in seen:
            raise MarkupError(f"duplicate note id {note['id']}")
        seen.add(note["id"])
    return notes


def render(notes: list[dict]) -> str:
    return "".join(json.dumps(note, ensure_ascii=False) + "\n" for note in notes)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for gold_name in GOLD_SETS:
        content = render(build(gold_name))
        path = HERE / gold_name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                stale.append(gold_name)
        else:
            path.write_text(content, encoding="utf-8")
            print(f"{gold_name}: {content.count(chr(10))} notes")
    if stale:
        print(f"stale gold files: {', '.join(stale)}; run python tests/data/build_gold.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
