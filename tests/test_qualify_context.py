"""The note as the qualifiers see it (redactor/qualify/context.py): cues found, sentences,
clause ends, and how far a cue reaches."""

from __future__ import annotations

from redactor.qualify.context import Context
from redactor.qualify.cues import load_cues


def cues_in(note: str) -> list[tuple[str, str]]:
    """(kind, words) of each cue found in `note`."""
    context = Context(note, load_cues(), [])
    return [(cue.kind, " ".join(context.tokens.texts[cue.start : cue.end])) for cue in context.found]


def test_the_longest_cue_of_a_group_wins():
    assert cues_in("Pas de tabac.") == [("negation.preceding", "Pas de")]


def test_a_pseudo_cue_hides_the_cues_it_covers():
    assert cues_in("Pas de doute : psychose.") == []


def test_a_verb_in_the_conditional_is_a_hypothesis_cue():
    assert cues_in("Il consommerait du cannabis.") == [("hypothesis.preceding", "consommerait")]
    assert cues_in("Portrait clinique habituel.") == []


def test_clause_ends_are_marked():
    context = Context("Sevré mais rechute.", load_cues(), [])
    assert context.clause_end_at == {1}
    assert not context.no_clause_end(0, 3)
    assert context.no_clause_end(2, 3)


def test_a_reporting_verb_reads_across_a_semicolon():
    context = Context("Dit qu'il boit ; cannabis.", load_cues(), [])
    cannabis = context.tokens.keys.index("cannabis")
    assert context.sentence[0] != context.sentence[cannabis]
    assert context.report_sentence[0] == context.report_sentence[cannabis]


def test_a_preceding_cue_reaches_ten_words_at_most(mention):
    opening = "Pas de consommation régulière ou occasionnelle ces derniers mois"
    near = mention(f"{opening} en soirée de cannabis.", "cannabis")
    assert near.first - 2 == 10 and near.context.preceding_reaches(2, near.first)
    far = mention(f"{opening} même en soirée de cannabis.", "cannabis")
    assert far.first - 2 == 11 and not far.context.preceding_reaches(2, far.first)


def test_a_preceding_cue_crosses_a_comma_only_into_a_list(mention):
    listed = mention("Pas de tabac, ni de cannabis.", "cannabis")
    assert listed.context.preceding_reaches(2, listed.first)
    apart = mention("Pas de fièvre, cannabis quotidien.", "cannabis")
    assert not apart.context.preceding_reaches(2, apart.first)


def test_a_question_mark_questions_only_what_stands_right_before_it(mention):
    note = "VIH, VHC ?"
    question = note.index("?")
    for passage, reached in (("VHC", True), ("VIH", False)):
        found = mention(note, passage, "VIH", "VHC")
        cue_start = found.context.tokens.covering(question, question + 1)[0]
        assert found.context.following_reaches(found.last, cue_start) is reached
