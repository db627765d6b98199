"""Normalisation folds evasions; offsets always map back to the original text."""

import random

import pytest

from redactor.normalise import normalise


@pytest.mark.parametrize(
    "original, expected",
    [
        ("porteuse s i d a !!! !!!!", "porteuse sida !"),
        ("mus\u200bulmane", "musulmane"),
        ("s\u0456da", "sida"),  # Cyrillic i
        ("S.I.D.A. et VIH", "SIDA. et VIH"),
        ("e\u0301te\u0301", "été"),  # combining accents
        ("&eacute;t&#233;", "été"),
        ("mot  deux\t\ttrois\u00a0quatre", "mot deux trois quatre"),
        ("\ufb01brose", "fibrose"),  # ligature
        ("il y a à faire", "il y a à faire"),  # three spaced lower-case letters are words
    ],
)
def test_folding(original, expected):
    assert normalise(original).text == expected


def test_unchanged_text_has_no_map():
    result = normalise("Patiente vue ce jour, examen normal.")
    assert result.text == result.original
    assert result.maps == ()


def test_words_map_back_to_their_original_spelling():
    original = "Dr  M a r t i n, porteuse s\u200bida !!!"
    result = normalise(original)
    start = result.text.index("Martin")
    assert result.to_original(start, start + len("Martin")) == (original.index("M a"), original.index("n,") + 1)
    start = result.text.index("sida")
    s, e = result.to_original(start, start + 4)
    assert original[s:e] == "s\u200bida"


def test_random_invisible_insertions_map_back_exactly():
    rng = random.Random(7)
    words = "Madame Sylvie MARCHAND porteuse du VIH vue le 12 mars 2019".split()
    for _ in range(200):
        pieces = []
        for word in words:
            noisy = "".join(c + ("\u200b" if rng.random() < 0.3 else "") for c in word)
            pieces.append(noisy)
        original = ("  " if rng.random() < 0.5 else " ").join(pieces)
        result = normalise(original)
        for word in words:
            start = result.text.index(word)
            s, e = result.to_original(start, start + len(word))
            assert original[s:e].replace("\u200b", "") == word
