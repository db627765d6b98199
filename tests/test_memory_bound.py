"""A long-running process keeps a flat vocabulary: the words each note brings are freed."""

from __future__ import annotations

from redactor.findings import Finding


def _notes(count: int, seed: str) -> list[str]:
    # each note carries words no other note has: a record number, a made-up surname, a typo
    return [
        f"Dossier {seed}{i}8231. Vu Mme Kzwor{seed}{i}ska le 0{i % 9 + 1}/03/2019, "
        f"céphalées{seed}x{i}, tél 06 12 34 56 {i % 90 + 10}."
        for i in range(count)
    ]


def test_a_loop_of_analyses_in_transient_words_leaves_no_new_word(redactor):
    strings = redactor.nlp.vocab.strings
    redactor.analyze(_notes(1, "warm")[0])
    before = len(strings)
    with redactor.transient_words():
        for note in _notes(20, "single"):
            assert any(f.category == "PERSON" for f in redactor.analyze(note))
        assert len(strings) > before
    assert len(strings) == before


def test_transient_words_nest_without_a_deadlock(redactor):
    strings = redactor.nlp.vocab.strings
    before = len(strings)
    with redactor.transient_words():
        list(redactor.analyze_many(_notes(5, "nested")))  # opens its own zone: here, the outer one
        with redactor.transient_words():
            redactor.analyze(_notes(1, "inner")[0])
        assert len(strings) > before  # freed at the end of the outer zone only
    assert len(strings) == before


def test_batched_analysis_leaves_no_new_word_and_keeps_every_result(redactor):
    strings = redactor.nlp.vocab.strings
    notes = _notes(150, "batch")
    notes[70] = 42  # not a string: its error comes back in its place, the others go on
    before = len(strings)
    outcomes = list(redactor.analyze_many(notes, batch_size=32))
    assert len(strings) == before
    assert len(outcomes) == 150
    assert isinstance(outcomes[70], Exception)
    for index, outcome in enumerate(outcomes):
        if index != 70:
            assert isinstance(outcome, list) and all(isinstance(f, Finding) for f in outcome)
            assert outcome == redactor.analyze(notes[index])  # batched or not, the same findings


def test_findings_outlive_the_freed_words(redactor):
    note = "Vu Mme Zwiórkowskaya, dossier 99182231."
    findings = redactor.analyze(note)
    redactor.analyze("Autre note, M. Qwertzuiop.")  # reuses the freed memory
    assert "Zwiórkowskaya" in {note[f.start : f.end] for f in findings}
    assert all(isinstance(f.detector, str) and f.detector for f in findings)
