"""The detection pipeline's tokenizer: the joiner pre-filter on spaCy's French `token_match`
changes its speed, never its tokens."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from redactor.nlp import LONG_NOTE_CHARS, SEGMENT_CHARS, _TOKEN_MATCH_JOINERS, load_pipeline, parse, segments

E3C = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _raw_token_match(nlp):
    return nlp.tokenizer.token_match.__self__._token_match


def test_every_token_match_alternative_needs_a_joiner(nlp):
    pattern = nlp.tokenizer.token_match.__self__.pattern
    alternatives = pattern.removeprefix("(?iu)").split("|(?:")
    classes = {cls for cls in re.findall(r"\[([^\]]{1,15})\]", pattern) if set(cls) & _TOKEN_MATCH_JOINERS}
    assert classes, "the joiner classes of the French token_match were not found"
    for alternative in alternatives:
        assert any(f"[{cls}]" in alternative for cls in classes), alternative[:80]
    assert set("".join(classes)) <= _TOKEN_MATCH_JOINERS


@pytest.mark.parametrize(
    "word", ["entr'ouvert", "saut-de-ski", "New-York", "burn-out", "Fontaine-lès-Dijon", "pet-en-l'air", "lock‑out"]
)
def test_words_kept_whole_are_still_kept_whole(nlp, word):
    assert _raw_token_match(nlp)(word)
    assert nlp.tokenizer.token_match(word)


def test_same_tokens_with_and_without_the_prefilter(nlp):
    texts = [
        "Entr'ouvert, le burn-out de M. Dupont-Moretti (Fontaine-lès-Dijon) : c'est-à-dire rien ; "
        "aujourd'hui 12-03-2021, l'IRM T2-FLAIR ; New-York ; jusqu'au 3–4 mai ; anti-TNF ; "
        "grand'mère ; rock'n'roll ; Marie-Pierre ; zig-zag ; New‑York ; prud’homme",
    ]
    if E3C.exists():
        texts += [json.loads(line)["text"] for line in E3C.read_text(encoding="utf-8").splitlines()[:150]]
    fast = nlp.tokenizer
    slow = nlp.tokenizer.__class__(
        nlp.vocab,
        rules=fast.rules,
        prefix_search=fast.prefix_search,
        suffix_search=fast.suffix_search,
        infix_finditer=fast.infix_finditer,
        token_match=_raw_token_match(nlp),
        url_match=fast.url_match,
    )
    for text in texts:
        assert [t.text for t in fast(text)] == [t.text for t in slow(text)]


def test_tokenizer_still_serialises(nlp):
    data = nlp.tokenizer.to_bytes()
    assert nlp.tokenizer.__class__(nlp.vocab).from_bytes(data)("entr'ouvert")[0].text == "entr'ouvert"


def test_segments_cover_the_text_at_line_or_sentence_ends():
    text = ("Vu ce jour Mme Durand. Elle va mieux.\nTA 12/8 ; pouls 80\n" * 200) + "x" * 5_000 + " fin"
    pieces = segments(text)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= SEGMENT_CHARS for piece in pieces)
    # at a line end, a sentence end or a space; a run without any is cut at the segment's size
    assert all(piece.endswith(("\n", ". ", " ")) or len(piece) == SEGMENT_CHARS for piece in pieces[:-1])
    assert any(piece.endswith(". ") for piece in segments(text.replace("\n", " ")))


def test_a_long_note_is_read_as_segments_with_the_same_entities(nlp):
    block = (
        "Patiente vue par le Dr Martin Lefèvre le 12 mars.\nAdressée par Mme Sophie Kowalski, "
        "infirmière à domicile. Antécédents : HTA, BPCO.\nCONCLUSION : revoir avec le Pr Ben Salah.\n"
    )
    text = block * (LONG_NOTE_CHARS // len(block) + 20)
    whole, read = nlp(text), parse(nlp, text)
    assert read.text == text and len(read) == len(whole)
    assert [(e.start_char, e.end_char, e.label_) for e in read.ents] == [
        (e.start_char, e.end_char, e.label_) for e in whole.ents
    ]
    assert parse(nlp, block).text == block  # a short note is read whole
