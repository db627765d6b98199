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
        ("S.I.D.A. et VIH", "SIDA et VIH"),  # the closing dot goes with the letters
        ("C.H.U. de Caen", "CHU de Caen"),
        ("e\u0301te\u0301", "été"),  # combining accents
        ("&eacute;t&#233;", "été"),
        # a run of 3+ spaces or a tab inside a line stays one cell boundary (a tab); other spaces fold
        ("mot  deux\t\ttrois\u00a0quatre   cinq", "mot deux\ttrois quatre\tcinq"),
        ("   en retrait   \nsuite", " en retrait \nsuite"),
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


def _original_of(result, word: str) -> str:
    start = result.text.index(word)
    s, e = result.to_original(start, start + len(word))
    return result.original[s:e]


def test_pdf_letter_spacing_is_undone_letter_by_letter():
    original = "Patient :  D U P O N T   J e a n   n é  le  1 2 / 0 3 / 1 9 5 6 ,  tél  0 6 1 2 3 4 5 6 7 8"
    result = normalise(original)
    # (a phone letter-spaced is read by its pairs)
    assert result.text == "Patient : DUPONT Jean né le 12/03/1956, tél 06 12 34 56 78"
    assert _original_of(result, "06 12 34 56 78") == "0 6 1 2 3 4 5 6 7 8"
    assert _original_of(result, "Jean") == "J e a n"
    assert _original_of(result, "12/03/1956") == "1 2 / 0 3 / 1 9 5 6"


def test_spaced_characters_that_are_not_letter_spacing_stay():
    for text in ("groupe A   B   C", "posologie 1 0 1", "item a b c"):
        assert normalise(text).text.split()[0] == text.split()[0]
    assert normalise("posologie 1 0 1").text == "posologie 1 0 1"


def test_words_broken_at_a_line_end_are_joined():
    result = normalise("vu par le Dr Mar-\ntin, CH Saint-\n  Joseph")
    assert result.text == "vu par le Dr Martin, CH Saint-Joseph"
    assert _original_of(result, "Martin") == "Mar-\ntin"
    assert _original_of(result, "Saint-Joseph") == "Saint-\n  Joseph"
    assert normalise("Cardio-\n- item").text == "Cardio-\n- item"  # a list, not a broken word


def test_invisible_character_at_the_very_start_is_removed():
    result = normalise("\u200bsida")
    assert result.text == "sida" and _original_of(result, "sida") == "sida"


@pytest.mark.parametrize(
    "text, detected",
    [
        ("née le O9/O4/l97l", "née le 09/04/1971"),
        ("Tél. O4 95 2l 33 8O", "Tél. 04 95 21 33 80"),
        ("NIR : 2 67 l0 2A 272 0O4", "NIR : 2 67 10 2A 272 004"),
        ("2OOOO AJACCIO", "20000 AJACCIO"),
        ("CA l5-3", "CA 15-3"),
        # left alone: no digit in the group, a run against a letter, a lone digit
        ("Page l / l", "Page l / l"),
        ("SpO2 98 %", "SpO2 98 %"),
        ("2lh15", "2lh15"),
        ("Il a bu 12 l", "Il a bu 12 l"),
        ("l0 mg", "l0 mg"),
        ("l4/ll/2O24", "14/11/2024"),  # a group of letters between digit groups
        ("11-III-2026", "11-III-2026"),  # a month in Roman numerals stays
        # "I" read as "l" in words in capitals, a day's digit read as a letter before its month
        ("CLlNIQUE SAlNT-AUGUSTlN", "CLINIQUE SAINT-AUGUSTIN"),
        ("IDE WlLLAERT A.", "IDE WILLAERT A."),
        ("PRE-ANESTHES lQUE", "PRE-ANESTHES lQUE"),  # a word the OCR broke: its end stays
        ("Caen,le l8 novembre 2024", "Caen,le 18 novembre 2024"),
        ("Nancy, le 3O septembre 2024", "Nancy, le 30 septembre 2024"),
        ("l2 boulevard Georges Clemenceau", "12 boulevard Georges Clemenceau"),
        ("Il a mal, Cl- 102", "Il a mal, Cl- 102"),  # a pronoun, an ion
    ],
)
def test_ocr_letters_read_as_digits(text, detected):
    normalised = normalise(text)
    assert normalised.text == detected
    assert normalised.to_original(0, len(detected)) == (0, len(text))


@pytest.mark.parametrize(
    "text, detected",
    [
        # a digit read for a letter inside a word: the reading that is a first name, a town, a
        # month or a word; else "l" and "o"
        ("Mme CHASSAGNE Marie-C1aude", "Mme CHASSAGNE Marie-Claude"),
        ("Dr Ph1lippe VAN DE WALLE", "Dr Philippe VAN DE WALLE"),
        ("Mme M0RVAN Nico1e", "Mme MORVAN Nicole"),
        ("Li11e, le 3 ju1l1et 2O25", "Lille, le 3 juillet 2025"),
        ("P1ourin, le 2 févr1er 2026", "Plourin, le 2 février 2026"),
        ("22 bou1evard Foch", "22 boulevard Foch"),
        ("CL1NIQUE SA1NT", "CLINIQUE SAINT"),
        # codes keep their digits: at an end or a start, in capitals unknown, in hexadecimal
        ("H1N1 CD10 IgG1 1ère 10mg HBA1C T1N0M1 B12", "H1N1 CD10 IgG1 1ère 10mg HBA1C T1N0M1 B12"),
        ("IP 2a01:cb1c:8c2:4e00", "IP 2a01:cb1c:8c2:4e00"),
        ("smercadal1@ccas.fr", "smercadal1@ccas.fr"),
    ],
)
def test_ocr_digits_read_as_letters(text, detected):
    normalised = normalise(text)
    assert normalised.text == detected
    assert normalised.to_original(0, len(detected)) == (0, len(text))


def test_ocr_zero_at_a_word_s_edge():
    assert normalise("M. DIALL0 Arnad0u 0ury, 0bjet").text == "M. DIALLO Arnadou Oury, Objet"
    assert normalise("CD10 2020 0,5 mg H0").text == "CD10 2020 0,5 mg H0"


def test_ocr_split_month_after_its_day():
    normalised = normalise("depuis le 12 janv ier 2025, le 18 ja nvier ; la mars")
    assert normalised.text == "depuis le 12 janvier 2025, le 18 janvier ; la mars"
    start = normalised.text.index("janvier 2025")
    assert normalised.original[slice(*normalised.to_original(start, start + 12))] == "janv ier 2025"


def test_ocr_spaced_dates_are_joined_for_detection():
    for text, spaced, joined in (
        ("Date de naissance : O5 / O5 / 88", "O5 / O5 / 88", "05/05/88"),
        ("jusqu'au : 2 8 / O 1 / 2 O 2 5 inclus", "2 8 / O 1 / 2 O 2 5", "28/01/2025"),
        ("né le 1O - 1O - 1 9 7 3", "1O - 1O - 1 9 7 3", "10-10-1973"),
        ("nee le : 0 4/11/1 938", "0 4/11/1 938", "04/11/1938"),
        ("du 1 2 mai 2024", "1 2", "12"),
    ):
        assert _original_of(normalise(text), joined) == spaced
    # a ratio, a time after a date and a page count stay as written
    for text in ("TA 12 / 8 / 10 min", "Prél. 13/05/25 08:10", "Page 1 / 2 / 3", "dose 1 - 2 - 3 cp"):
        assert normalise(text).text == text, normalise(text).text


def test_ocr_spaced_phones_are_read_by_pairs():
    for text, spaced, read in (
        ("Te1 :  O6 . 8 1 . 2 2 . 4 7 . 9 O       Mai1", "O6 . 8 1 . 2 2 . 4 7 . 9 O", "06 81 22 47 90"),
        ("te1 : 02 97 36 .4 1 . 58", "02 97 36 .4 1 . 58", "02 97 36 41 58"),
        ("(fils)  06 . 12 .87. 45. 30", "06 . 12 .87. 45. 30", "06 12 87 45 30"),
    ):
        assert _original_of(normalise(text), read) == spaced
    # a phone written in one style, a phone before an address's number, an RPPS spaced out (its
    # eleven digits joined, not read as a phone's pairs)
    for text in ("tel 06.12.34.56.78 ok", "06 03 58 71 24 - 18 avenue Mistral"):
        assert normalise(text).text == text, normalise(text).text
    assert normalise("Identifiant 1 0 7 2 0 9 4 1 9 4 6 x").text == "Identifiant 10720941946 x"
