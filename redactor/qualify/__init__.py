"""Qualifiers of special-category findings: negated, hypothetical, reported, and about whom.

Rules in the NegEx tradition (as in edsnlp): cue phrases before or after a mention, within its
sentence and clause, with pseudo-cues that look like cues but are not ("pas de doute"). The
cues are data (`models/special/qualifiers.yaml`). Qualifiers are attributes: a negated or
reported mention stays a finding. Identifier findings keep `qualifiers=None`.

One module a qualifier (`negation`, `hypothesis`, `reported`, `subject` with
`family_sections`) over one shared note `context`; `cues` loads the data; `qualifier` runs
them all on a note.
"""

from redactor.qualify.qualifier import Qualifier

__all__ = ["Qualifier"]
