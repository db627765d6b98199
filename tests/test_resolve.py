"""The one overlap rule: same category merges, other categories are trimmed; order-independent."""

import itertools

from redactor.findings import Finding
from redactor.resolve import resolve, without_homonyms_in_names

TEXT = "Mme Jean DUPONT, 12 rue de la Paix, Lyon"


def f(start, end, category, score=0.8, detector="t"):
    return Finding(start, end, category, score, detector)


def test_same_category_overlaps_merge_into_their_union():
    result = resolve([f(4, 8, "PERSON", 0.7), f(4, 15, "PERSON", 0.9), f(9, 15, "PERSON", 0.6)], TEXT)
    assert [(r.start, r.end, r.category, r.score) for r in result] == [(4, 15, "PERSON", 0.9)]


def test_higher_score_wins_and_the_loser_keeps_its_uncovered_part():
    address = f(17, 34, "ADDRESS", 0.92)
    person = f(27, 34, "PERSON", 0.9)  # "la Paix" inside the street
    city_overlapping = f(30, 40, "CITY", 0.5)
    result = resolve([person, address, city_overlapping], TEXT)
    assert [(TEXT[r.start : r.end], r.category) for r in result] == [("12 rue de la Paix", "ADDRESS"), ("Lyon", "CITY")]


def test_pieces_without_letters_or_digits_are_dropped():
    result = resolve([f(4, 15, "PERSON", 0.9), f(4, 16, "DATE", 0.5)], TEXT)
    assert [(r.start, r.end, r.category) for r in result] == [(4, 15, "PERSON")]


def test_ties_break_by_length_then_category_rank():
    nir = f(0, 5, "NIR", 0.9)
    phone = f(0, 5, "PHONE", 0.9)
    assert resolve([phone, nir], "12345")[0].category == "NIR"
    longer = f(0, 8, "CITY", 0.9)
    assert resolve([f(0, 5, "PERSON", 0.9), longer], TEXT)[0].category == "CITY"


def test_result_does_not_depend_on_detector_order():
    candidates = [f(4, 8, "PERSON", 0.7), f(4, 15, "PERSON", 0.9), f(9, 20, "ADDRESS", 0.9), f(17, 34, "ADDRESS", 0.8), f(36, 40, "CITY")]
    expected = resolve(candidates, TEXT)
    for permutation in itertools.permutations(candidates):
        assert resolve(list(permutation), TEXT) == expected
    for first, second in itertools.pairwise(expected):
        assert first.end <= second.start


def test_a_union_with_a_low_scored_clause_keeps_the_low_score():
    # a classifier's clause (0.35) over the whole sentence, merged with a vocabulary word
    # (0.91) must not outrank the name inside it
    text = "Mme Jean DUPONT est une vraie plaie"
    clause = f(0, len(text), "EXCESSIVE_COMMENT", 0.35, "special.excessive.model")
    word = f(24, 35, "EXCESSIVE_COMMENT", 0.91, "special.comments.insults")
    name = f(4, 15, "PERSON", 0.9)
    result = resolve([clause, word, name], text)
    assert [(text[r.start : r.end], r.category) for r in result] == [
        ("Mme", "EXCESSIVE_COMMENT"),
        ("Jean DUPONT", "PERSON"),
        ("est une vraie plaie", "EXCESSIVE_COMMENT"),
    ]


def test_a_facility_whose_name_holds_a_special_term_is_one_facility_that_reveals_it():
    text = "Suivi à l'Hôpital de jour VIH de Tourcoing."
    facility = f(10, 42, "HOSPITAL", 0.93)  # "Hôpital de jour VIH de Tourcoing"
    hiv = f(26, 29, "HEALTH_SENSITIVE", 0.95)  # scored above the facility: still read with it
    result = resolve([facility, hiv], text)
    assert [(text[r.start : r.end], r.category, r.reveals) for r in result] == [
        ("Hôpital de jour VIH de Tourcoing", "HOSPITAL", "HEALTH_SENSITIVE")
    ]


def test_the_stricter_rule_applies_to_a_facility_that_reveals_a_special_category():
    from redactor.policy import load_policy, parse_policy

    facility = Finding(10, 42, "HOSPITAL", 0.93, "t", reveals="HEALTH_SENSITIVE")
    storage = load_policy("storage")  # identifiers kept, health facts flagged
    assert storage.rule_for(facility).operator == "flag"
    assert storage.rule_for(Finding(10, 42, "HOSPITAL", 0.93, "t")).operator == "keep"
    keeps_facilities = parse_policy(
        {"name": "t", "identifiers": {"operator": "tag"}, "special": {"operator": "tag"}, "categories": {"HOSPITAL": {"operator": "keep"}}},
        "t.yaml",
    )
    assert keeps_facilities.rule_for(facility).operator == "tag"
    export = load_policy("export")
    assert export.rule_for(facility) == export.rule_for(Finding(10, 42, "HOSPITAL", 0.93, "t"))


def test_only_whole_and_confident_special_terms_come_before_a_facility():
    text = "Suivi à l'Hôpital de jour VIH de Tourcoing."
    facility = f(10, 42, "HOSPITAL", 0.93)
    straddling = f(0, 19, "HEALTH_SENSITIVE", 0.9)  # "Suivi à l'Hôpital": not inside the name
    weak_clause = f(26, 42, "EXCESSIVE_COMMENT", 0.4)  # a classifier's low-score clause
    result = resolve([facility, straddling, weak_clause], text)
    assert ("Hôpital de jour VIH de Tourcoing", "HOSPITAL") in [(text[r.start : r.end], r.category) for r in result]


def test_a_special_term_grown_back_into_a_name_starts_after_it():
    text = "Dr Laurence FEUVRIER-OLIVIER, oncogénéticienne"
    name = Finding(3, 28, "PERSON", 0.9, "person.title")
    term = Finding(12, len(text), "GENETIC", 0.91, "special.genetic.genetics_word")
    kept = without_homonyms_in_names([name, term], text)
    assert text[kept[1].start : kept[1].end] == "oncogénéticienne"
    # a term that opens on the name's first word is the term's reading ("Prise de pilule")
    text = "suspicion d'EP. Prise de pilule"
    misread = Finding(16, 21, "PERSON", 0.8, "person.introducer")
    term = Finding(16, len(text), "HEALTH_SENSITIVE", 0.91, "special.health")
    assert without_homonyms_in_names([misread, term], text)[1] == term


def test_a_place_inside_a_special_term_keeps_its_reading_and_reveals_the_terms_category():
    text = "Déjà incarcéré à Nanterre en 2021."
    term = f(5, 33, "CRIMINAL", 0.91)  # "incarcéré à Nanterre en 2021"
    town = f(17, 25, "CITY", 0.82)
    year = f(29, 33, "DATE", 0.85)
    result = resolve([term, town, year], text)
    assert [(text[r.start : r.end], r.category, r.reveals) for r in result] == [
        ("incarcéré à", "CRIMINAL", None),  # the term's "en" alone between the two is dropped
        ("Nanterre", "CITY", "CRIMINAL"),
        ("2021", "DATE", "CRIMINAL"),
    ]


def test_a_weak_or_capitals_place_inside_a_term_is_the_terms():
    text = "GARDE À VUE ; pèlerinage à Lourdes"
    capitals = resolve([f(0, 11, "CRIMINAL", 0.91), f(8, 11, "CITY", 0.82)], text)
    assert [(text[r.start : r.end], r.category) for r in capitals] == [("GARDE À VUE", "CRIMINAL")]
    weak = resolve([f(14, 34, "RELIGION", 0.9), f(28, 34, "CITY", 0.75)], text)
    assert [(text[r.start : r.end], r.category) for r in weak] == [("pèlerinage à Lourdes", "RELIGION")]


def test_a_weak_facility_neither_holds_a_term_nor_takes_what_a_term_leaves():
    text = "USMP - Maison d'arrêt de Villepinte - consultation"
    term = f(0, 35, "CRIMINAL", 0.91)  # "USMP - Maison d'arrêt de Villepinte"
    town = f(25, 35, "CITY", 0.85)
    model_facility = f(7, 35, "HOSPITAL", 0.6)  # the NER's "Maison d'arrêt de Villepinte"
    result = resolve([term, town, model_facility], text)
    assert [(text[r.start : r.end], r.category, r.reveals) for r in result] == [
        ("USMP - Maison d'arrêt de", "CRIMINAL", None),
        ("Villepinte", "CITY", "CRIMINAL"),
    ]
    # nor does a weak facility hold a term inside it (a rule's does: the test above)
    text = "Suivi à l'Hôpital de jour VIH de Tourcoing."
    weak = resolve([f(10, 42, "HOSPITAL", 0.6), f(26, 29, "HEALTH_SENSITIVE", 0.95)], text)
    assert [(text[r.start : r.end], r.category) for r in weak][1] == ("VIH", "HEALTH_SENSITIVE")
    # elsewhere a weak facility keeps its rank by score: over a weaker town inside it
    text = "Centre médico-social de Lifou"
    kept = resolve([f(0, 29, "HOSPITAL", 0.6), f(24, 29, "CITY", 0.55)], text)
    assert [(text[r.start : r.end], r.category) for r in kept] == [(text, "HOSPITAL")]
