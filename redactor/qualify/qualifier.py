"""The qualifier step: sets `qualifiers` on every special-category finding of a note."""

from __future__ import annotations

from redactor.errors import DetectionError
from redactor.findings import Finding, Qualifiers, is_special
from redactor.genetic_origin import load_genetic_origin
from redactor.qualify.context import Context
from redactor.qualify.cues import QualifierCues, load_cues
from redactor.qualify.family_sections import family_sections
from redactor.qualify.hypothesis import hypothetical
from redactor.qualify.negation import negated
from redactor.qualify.reported import reported
from redactor.qualify.subject import subject

# Findings that are a person ("son compagnon" for a man): they tell about the patient.
_PARTNER_RULES = "special.partners."


class Qualifier:
    """Sets `qualifiers` on every special-category finding of a note."""

    def __init__(self, cues: QualifierCues | None = None):
        self.cues = cues or load_cues()
        self.genetic_origin = load_genetic_origin()

    def qualify(self, text: str, findings: list[Finding]) -> list[Finding]:
        """The findings, special ones with their qualifiers (offsets refer to `text`)."""
        special = [f for f in findings if is_special(f.category)]
        if not special:
            return findings
        try:
            return self._qualified(text, findings, special)
        except Exception as error:  # fail closed: the call fails rather than answer half-done
            raise DetectionError(f"the qualifier failed ({error.__class__.__name__})") from error

    def _qualified(self, text: str, findings: list[Finding], special: list[Finding]) -> list[Finding]:
        context = Context(text, self.cues, [(f.start, f.end) for f in special])
        sections = family_sections(context)
        qualified = []
        for finding in findings:
            if not is_special(finding.category):
                qualified.append(finding)
                continue
            first, last = context.tokens.covering(finding.start, finding.end)
            if first >= last:  # a span without a word (possible from an extra detector)
                qualified.append(finding.with_qualifiers(Qualifiers()))
                continue
            is_negated = negated(context, first, last, finding.end)
            qualified.append(
                finding.with_qualifiers(
                    Qualifiers(
                        negated=is_negated,
                        hypothetical=hypothetical(context, first, last, is_negated),
                        reported=reported(context, first, last),
                        subject=subject(
                            context, sections, first, last, not finding.detector.startswith(_PARTNER_RULES)
                        ),
                        somatic=finding.category == "GENETIC"
                        and self.genetic_origin.somatic(context.tokens, first, last),
                    )
                )
            )
        return qualified
