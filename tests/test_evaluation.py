"""The evaluation metrics on a hand-made example."""

from redactor.evaluation import GoldNote, evaluate
from redactor.findings import Finding, Qualifiers, Subject

TEXT = "Mme Sylvie MARCHAND, 12/03/2019, porteuse du VIH."


def finding(start, end, category, qualifiers=None):
    return Finding(start, end, category, 0.9, "test", qualifiers)


def test_recall_precision_character_recall_and_leaks():
    gold = GoldNote(
        "n1",
        TEXT,
        [
            {"start": 4, "end": 19, "category": "PERSON"},
            {"start": 21, "end": 31, "category": "DATE"},
        ],
        [],
    )
    findings = [finding(4, 10, "PERSON"), finding(11, 19, "PERSON"), finding(21, 31, "PHONE"), finding(0, 3, "PERSON")]
    report = evaluate([(gold, findings)], "identifiers")
    person = report.per_category["PERSON"]
    assert (person.gold, person.gold_found) == (1, 1)  # two findings cover all its letters
    assert (person.predicted, person.predicted_right) == (3, 2)
    date = report.per_category["DATE"]
    assert date.recall == 0.0  # covered, but not by a DATE finding
    assert report.character_recall == 1.0  # every letter and digit is covered by something
    assert report.notes_without_leak == 1


def test_traps_and_qualifiers():
    start = TEXT.index("VIH")
    gold = GoldNote(
        "n2",
        TEXT,
        [{"start": start, "end": start + 3, "category": "HEALTH_SENSITIVE",
          "qualifiers": {"negated": False, "hypothetical": False, "reported": False, "subject": "patient"}}],
        [{"start": 0, "end": 3}],
    )
    right = finding(start, start + 3, "HEALTH_SENSITIVE", Qualifiers())
    report = evaluate([(gold, [right])], "special")
    assert report.qualifier_accuracy == 1.0 and report.trap_flag_rate == 0.0
    wrong = finding(start, start + 3, "HEALTH_SENSITIVE", Qualifiers(negated=True, subject=Subject.FAMILY))
    trap_hit = finding(0, 3, "RELIGION")
    report = evaluate([(gold, [wrong, trap_hit])], "special")
    assert report.qualifier_accuracy == 0.0
    assert report.qualifier_checks["negated"] == [0, 1] and report.qualifier_checks["reported"] == [1, 1]
    assert report.trap_flag_rate == 1.0
