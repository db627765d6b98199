"""Applying a policy to resolved findings: the redacted text, with both sets of offsets."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from redactor.findings import AppliedFinding, Finding, RedactionResult, is_special
from redactor.operators import OperatorContext, PseudonymSession, apply_operator
from redactor.policy import Policy, Scope

# Where a clause ends: punctuation, line breaks, and the conjunctions that open a new clause
# (with a straight or typographic apostrophe: "parce qu'il", "parce qu’il"). "." counts only
# before a space or the end and not after an initial or a title, so "M. Dupont", "Dr. Martin"
# or "2.5 mg" do not split. A line break before a lower-case word is a hard-wrapped line, not
# a boundary: "serait\nhomosexuelle" is one clause.
_FULL_STOP = r"(?<!\b[A-Za-z])(?<!\bDr)(?<!\bPr)(?<!\bMr)(?<!\bMme)\.(?=\s|$)"
_LINE_BREAK = r"\n(?![ \t]*(?-i:[a-zàâäçéèêëîïôöùûüÿœæ]))"
_CLAUSE_BOUNDARY = re.compile(
    rf"[,;:!?()\[\]•]|{_LINE_BREAK}|{_FULL_STOP}|\s[-–—]\s"
    r"|\b(?:car|mais|donc|cependant|toutefois)\b|\b(?:parce qu|puisqu|alors qu|tandis qu)(?:e\b|['’])",
    re.IGNORECASE,
)
_SENTENCE_BOUNDARY = re.compile(rf"[!?]|{_LINE_BREAK}|{_FULL_STOP}")
_NON_REMOVING = frozenset({"keep", "flag"})


@lru_cache(maxsize=4)
def _boundaries(text: str, scope: Scope) -> tuple[list[int], list[int]]:
    """(starts, ends) of every clause or sentence boundary in `text`, found once per text: one
    scan, however many findings (a scan per finding is quadratic on a long note)."""
    boundary = _CLAUSE_BOUNDARY if scope is Scope.CLAUSE else _SENTENCE_BOUNDARY
    matches = list(boundary.finditer(text))
    return [match.start() for match in matches], [match.end() for match in matches]


def scope_span(text: str, start: int, end: int, scope: Scope) -> tuple[int, int]:
    """The span a finding removes under `scope`: the term itself, its clause or its sentence."""
    if scope is Scope.TERM:
        return start, end
    starts, ends = _boundaries(text, scope)
    before = bisect_right(ends, start) - 1  # the last boundary ending at or before `start`
    scope_start = ends[before] if before >= 0 else 0
    after = bisect_left(starts, end)  # the first boundary starting at or after `end`
    scope_end = starts[after] if after < len(starts) else len(text)
    while scope_start < start and text[scope_start].isspace():
        scope_start += 1
    while scope_end > end and text[scope_end - 1].isspace():
        scope_end -= 1
    return min(scope_start, start), max(scope_end, end)


@dataclass
class _Replacement:
    start: int
    end: int
    lead: Finding
    operator: str
    members: list[Finding]


def apply_policy(
    text: str,
    findings: list[Finding],
    policy: Policy,
    session: PseudonymSession,
    first_name_gender: Callable[[str], str | None],
) -> RedactionResult:
    """Replace what the policy says to replace; findings are disjoint and sorted (resolved)."""
    replacements: list[_Replacement] = []
    kept: list[Finding] = []
    for finding in findings:
        rule = policy.rule_for(finding)
        if rule.operator in _NON_REMOVING:
            kept.append(finding)
            continue
        scope = rule.scope if is_special(finding.category) else Scope.TERM
        start, end = scope_span(text, finding.start, finding.end, scope)
        group = _Replacement(start, end, finding, rule.operator, [finding])
        # A clause may swallow earlier replacements: merge them; a special category leads.
        while replacements and group.start < replacements[-1].end:
            previous = replacements.pop()
            group.start = min(group.start, previous.start)
            group.end = max(group.end, previous.end)
            previous.members.extend(group.members)  # not `a + b`: a long merge would copy its list each time
            group.members = previous.members
            if is_special(previous.lead.category) or not is_special(group.lead.category):
                group.lead, group.operator = previous.lead, previous.operator
        replacements.append(group)

    pieces: list[str] = []
    applied: list[AppliedFinding] = []
    cursor = 0
    shift = 0  # redacted position minus original position, left of the cursor
    kept_index = 0

    def emit_kept_before(limit: int) -> None:
        nonlocal kept_index
        while kept_index < len(kept) and kept[kept_index].end <= limit:
            finding = kept[kept_index]
            applied.append(
                AppliedFinding(
                    finding,
                    policy.rule_for(finding).operator,
                    finding.start + shift,
                    finding.end + shift,
                    finding.start,
                    finding.end,
                )
            )
            kept_index += 1

    for replacement in replacements:
        emit_kept_before(replacement.start)
        pieces.append(text[cursor : replacement.start])
        context = OperatorContext(replacement.lead.category, policy, session, first_name_gender)
        whole_term = replacement.members == [replacement.lead] and (
            replacement.start,
            replacement.end,
        ) == (replacement.lead.start, replacement.lead.end)
        # mask and encrypt apply to the whole removed range (encrypt keeps the clause recoverable)
        keeps_operator = whole_term or replacement.operator in ("mask", "encrypt")
        operator = replacement.operator if keeps_operator else "tag"
        new_text = apply_operator(operator, text[replacement.start : replacement.end], context)
        redacted_start = replacement.start + shift
        redacted_end = redacted_start + len(new_text)
        pieces.append(new_text)
        # Findings kept by the policy but lying inside a removed clause are removed with it.
        while kept_index < len(kept) and kept[kept_index].start < replacement.end:
            replacement.members.append(kept[kept_index])
            kept_index += 1
        for member in sorted(replacement.members, key=lambda f: f.start):
            applied.append(
                AppliedFinding(member, operator, redacted_start, redacted_end, replacement.start, replacement.end)
            )
        shift += len(new_text) - (replacement.end - replacement.start)
        cursor = replacement.end
    emit_kept_before(len(text) + 1)
    pieces.append(text[cursor:])
    applied.sort(key=lambda a: (a.finding.start, a.finding.end))
    return RedactionResult(text="".join(pieces), findings=applied, policy=policy.name)
