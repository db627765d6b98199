"""The tags a redaction leaves (`<PERSON>`, `<PERSON_3f2a9c1b7d04>`, `[DATE]`): redacting a
redacted text again must change nothing, so no finding lies inside one."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from redactor.findings import ALL_CATEGORIES, Finding


@lru_cache(maxsize=1)
def _tag() -> re.Pattern[str]:
    names = "|".join(sorted(ALL_CATEGORIES, key=len, reverse=True))
    return re.compile(rf"<(?:{names})(?:_[0-9a-f]{{12}})?>|\[(?:{names})(?:_[0-9a-f]{{12}})?\]")


def outside_tags(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` less those that lie wholly inside a redaction tag of `text`, or that are glued
    to one ("<PHONE>Nu": the word was glued to the value the tag replaced, and read as nothing
    then; the tag's bracket must not make it a name now)."""
    tags = [match.span() for match in _tag().finditer(text)]
    if not tags:
        return findings
    starts = [start for start, _ in tags]
    glued_after, glued_before = {end for _, end in tags}, set(starts)

    def inside_or_glued(finding: Finding) -> bool:
        index = bisect_right(starts, finding.start) - 1
        inside = index >= 0 and finding.end <= tags[index][1]
        return inside or finding.start in glued_after or finding.end in glued_before

    return [finding for finding in findings if not inside_or_glued(finding)]
