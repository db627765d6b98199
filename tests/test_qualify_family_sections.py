"""Family-history sections (redactor/qualify/family_sections.py): from a heading and its colon
to a blank line, a line that is no item of its list, or the next heading."""

from __future__ import annotations

import pytest

from redactor.qualify.family_sections import family_sections


def section_texts(mention, note: str) -> list[str]:
    """The text of each family-history section of `note`, from its colon to its last token."""
    context = mention(note, note.split()[0]).context
    tokens = context.tokens
    return [note[tokens.starts[start] : tokens.ends[end - 1]] for start, end in family_sections(context)]


@pytest.mark.parametrize(
    "note, sections",
    [
        (
            "Antécédents familiaux : diabète chez le père.\nAntécédents personnels : asthme.",
            [": diabète chez le père."],
        ),
        (  # a bulleted list goes on to the blank line
            "ATCD familiaux :\n- père : infarctus\n- mère : cancer du sein\n\nMode de vie : tabac.",
            [":\n- père : infarctus\n- mère : cancer du sein"],
        ),
        (  # so do lines that each open on a relative
            "Famille :\nmère diabétique\npère hypertendu\nTabac sevré depuis 2012.",
            [":\nmère diabétique\npère hypertendu"],
        ),
        (  # the next heading ends it on the same line
            "Antécédents familiaux : asthme chez la sœur. Antécédents personnels : néant.",
            [": asthme chez la sœur"],  # its full stop left out
        ),
        (  # a relative's line with a colon is no heading
            "ATCD familiaux : diabète. Mère suivie pour dépression : stable.",
            [": diabète. Mère suivie pour dépression : stable."],
        ),
        ("Antécédents familiaux non contributifs.", []),  # no colon, no section
    ],
)
def test_family_sections(mention, note, sections):
    assert section_texts(mention, note) == sections
