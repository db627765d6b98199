"""The tags a redaction leaves (`<PERSON>`, `<PERSON_3f2a9c1b7d04>`, `[DATE]`): redacting a
redacted text again must change nothing, so no finding touches one."""

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
    """`findings` less those that touch a redaction tag of `text`: inside it, across its edge
    ("CITY>\U00105870Ý") or glued to it ("<PHONE>Nu"). What touches a tag was glued to the value
    the tag replaced and read as nothing then; the tag's brackets must not make it a name now."""
    tags = [match.span() for match in _tag().finditer(text)]
    if not tags:
        return findings
    starts = [start for start, _ in tags]

    def touches_a_tag(finding: Finding) -> bool:
        index = bisect_right(starts, finding.end) - 1  # the last tag opening before the finding ends
        return index >= 0 and tags[index][1] >= finding.start

    return [finding for finding in findings if not touches_a_tag(finding)]
