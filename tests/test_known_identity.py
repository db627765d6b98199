"""Known identity: every variant of what the EHR passes is found, wins over other readings,
and bad input is refused without echoing it. Real Redactor, real spaCy pipeline."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

import pytest

from redactor.errors import InvalidInputError
from redactor.known import KnownIdentity, PersonName

FIRST_NAMES = ["Hélène", "Jean-Pierre", "Anaïs", "François", "Gaëlle", "Noémie", "Jérôme", "Benoît", "Maëlys",
               "Thibault", "Clémence", "Mathilde", "Sébastien", "Ophélie", "Grégoire", "Bérénice", "Aurélien"]
LAST_NAMES = ["Lefèvre", "Quéméner", "Delacroix", "Berthelot", "Kerguelen", "Chevallier", "Fontaine", "Bourdieu",
              "Marchetti", "Lemaître", "Rousselot", "Hervouët", "Castagnède", "Villeneuve", "Descamps", "Grimaldi"]
PARTICLE_NAMES = ["de la Fontaine", "Le Goff", "Ben Salah", "Van der Berg", "N'Diaye", "Dupont-Moretti"]
RELATIVE_FIRST = ["Julie", "Marius", "Capucine", "Timothée", "Inès", "Baptiste"]
STREETS = ["rue des Lilas", "avenue Jean Jaurès", "boulevard de la République", "chemin des Vignes", "place du Marché"]
CITIES = [("75012", "Paris"), ("69003", "Lyon"), ("35000", "Rennes"), ("2A004", "Ajaccio"), ("59800", "Lille")]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]  # fmt: skip


def strip_accents(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def typo(name: str, rng: random.Random) -> str:
    """One substitution, deletion or swap, never on the first letter."""
    position = rng.randrange(2, len(name) - 1)
    kind = rng.choice(["substitute", "delete", "swap"])
    if kind == "substitute":
        return name[:position] + ("x" if name[position] != "x" else "z") + name[position + 1 :]
    if kind == "delete":
        return name[:position] + name[position + 1 :]
    return name[: position - 1] + name[position] + name[position - 1] + name[position + 1 :]


def nir_for(rng: random.Random, birth: date, department: str) -> str:
    body = f"{rng.choice('12')}{birth.year % 100:02d}{birth.month:02d}{department}{rng.randrange(1, 999):03d}{rng.randrange(1, 999):03d}"
    numeric = int(body.replace("2A", "19").replace("2B", "18"))
    return body + f"{97 - numeric % 97:02d}"


def spaced(digits: str, groups: list[int]) -> str:
    parts, position = [], 0
    for size in groups:
        parts.append(digits[position : position + size])
        position += size
    return " ".join(parts)


@dataclass
class NoteBuilder:
    """A note assembled piece by piece, remembering where each expected mention is."""

    text: str = ""
    expected: list[tuple[int, int, str, str]] = None  # start, end, category, variant name

    def __post_init__(self) -> None:
        self.expected = []

    def say(self, words: str) -> None:
        self.text += words

    def mention(self, value: str, category: str, variant: str) -> None:
        self.expected.append((len(self.text), len(self.text) + len(value), category, variant))
        self.text += value


def generated_case(number: int) -> tuple[KnownIdentity, NoteBuilder]:
    rng = random.Random(number)
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(PARTICLE_NAMES) if number % 5 == 0 else rng.choice(LAST_NAMES)
    birth_name = rng.choice([n for n in LAST_NAMES if n != last])
    birth = date(rng.randrange(1930, 2015), rng.randrange(1, 13), rng.randrange(1, 29))
    postcode, city = rng.choice(CITIES)
    street = f"{rng.randrange(1, 120)} {rng.choice(STREETS)}"
    nir = nir_for(rng, birth, postcode[:2])
    ipp = f"{rng.randrange(10**7, 10**8)}"
    phone = "0" + rng.choice("67") + "".join(str(rng.randrange(10)) for _ in range(8))
    relative = PersonName(rng.choice(RELATIVE_FIRST), last)
    identity = KnownIdentity(
        first_name=first, last_name=last, birth_name=birth_name, birth_date=birth, nir=nir, ipp=ipp,
        address_lines=(street, f"{postcode} {city}"), phones=(phone,), relatives=(relative,),
    )  # fmt: skip
    note = NoteBuilder()
    initials = "-".join(part[0] + "." for part in first.split("-"))
    say, mention = note.say, note.mention
    say("COMPTE RENDU DE CONSULTATION\nPatient : ")
    mention(f"{last.upper()} {first}", "PERSON", "upper, reversed")
    say("\nNé(e) le ")
    mention(f"{birth.day:02d}/{birth.month:02d}/{birth.year}", "DATE", "dd/mm/yyyy")
    say(" - IPP ")
    mention(ipp[:4] + " " + ipp[4:], "PATIENT_ID", "id spaced")
    say("\nNIR : ")
    mention(spaced(nir, [1, 2, 2, 2, 3, 3, 2]), "NIR", "nir spaced")
    say("\n\nMadame, Monsieur,\nj'ai vu en consultation ")
    mention(f"{first} {last}", "PERSON", "as given")
    say(", née ")
    mention(birth_name.upper(), "PERSON", "birth name upper")
    say(f", le {rng.randrange(1, 28)}/0{rng.randrange(1, 9)}/2024. ")
    mention(f"{initials} {last}", "PERSON", "initials")
    say(" habite ")
    mention(street.replace("rue", "r.").replace("avenue", "av.").replace("boulevard", "bd"), "ADDRESS", "street abbreviated")
    say(", ")
    mention(postcode[:2] + " " + postcode[2:], "ZIP", "postcode spaced")
    say(" ")
    mention(city.upper(), "CITY", "city upper")
    say(". Joignable au ")
    mention("+33 " + spaced(phone[1:], [1, 2, 2, 2, 2]), "PHONE", "phone international")
    say(" ou ")
    mention(".".join(phone[i : i + 2] for i in range(0, 10, 2)), "PHONE", "phone dotted")
    say(".\nDate de naissance vérifiée : ")
    mention(f"{birth.day} {MONTHS[birth.month - 1]} {birth.year}", "DATE", "month in words")
    say(" (")
    mention(f"{birth.day}.{birth.month}.{birth.year % 100:02d}", "DATE", "dotted, two-digit year")
    say("), soit ")
    mention(birth.isoformat(), "DATE", "year first")
    say(" dans le dossier, ")
    mention(f"{birth.day:02d}{birth.month:02d}{birth.year}", "DATE", "compact")
    say(".\nMme ")
    mention(strip_accents(last), "PERSON", "surname alone after a title, no accents")
    say(" est accompagnée de sa fille ")
    mention(f"{relative.first_name} {relative.last_name}", "PERSON", "relative")
    say(". ")
    mention(relative.first_name, "PERSON", "relative's first name alone")
    say(" explique que ")
    mention(first, "PERSON", "first name alone")
    say(" dort mal.\nCourrier adressé à ")
    mention(f"{last.upper()} {first[0]}.", "PERSON", "surname with trailing initial")
    say(", NIR ")
    mention(nir[:13], "NIR", "nir without key")
    say(".\n")
    if len(last) >= 5 and " " not in last and "-" not in last and "'" not in last:
        say("Vu par l'interne pour Mme ")
        mention(typo(last, rng), "PERSON", "one typo")
        say(".\n")
    say("Signé : Dr Lambert\n")
    return identity, note


CASES = [generated_case(number) for number in range(50)]


def covered(findings, start: int, end: int, category: str, text: str) -> bool:
    positions = {i for i in range(start, end) if text[i].isalnum()}
    for finding in findings:
        if finding.category == category and finding.detector.startswith("known."):
            positions -= set(range(finding.start, finding.end))
    return not positions


def test_fifty_notes_every_variant_of_the_known_identity_is_found(redactor):
    missed = []
    variants = set()
    for number, (identity, note) in enumerate(CASES):
        findings = redactor.analyze(note.text, known=identity)
        for start, end, category, variant in note.expected:
            variants.add(variant)
            if not covered(findings, start, end, category, note.text):
                missed.append((number, variant, note.text[start:end]))
    assert not missed, missed
    assert len(variants) == 23  # every kind of variant was generated


def test_batched_analysis_takes_one_known_identity_per_note(redactor):
    notes = [note.text for _, note in CASES[:5]]
    identities = [identity for identity, _ in CASES[:5]]
    batched = list(redactor.analyze_many(notes, known=[None, *identities[1:]]))
    assert batched[1:] == [redactor.analyze(text, known=k) for text, k in zip(notes[1:], identities[1:])]
    assert batched[0] == redactor.analyze(notes[0])


def test_known_identity_outranks_another_reading(redactor):
    text = "Mme Nancy Villeneuve est venue avec sa sœur."
    identity = KnownIdentity(first_name="Nancy", last_name="Villeneuve")
    findings = redactor.analyze(text, known=identity)
    assert [(text[f.start : f.end], f.category) for f in findings] == [("Nancy Villeneuve", "PERSON")]
    assert findings[0].detector.startswith("known.")


def test_ordinary_words_are_not_taken_for_the_known_names(redactor):
    identity = KnownIdentity(first_name="Pierre", last_name="Petit", birth_name="Martin")
    text = "Petit nodule du lobe supérieur, un petit épanchement, calcul du bassinet. Revu le matin par l'interne."
    assert not [f for f in redactor.analyze(text, known=identity) if f.detector.startswith("known.")]
    text = "Mme Petit et son mari Pierre. MARTIN Pierre."
    found = {text[f.start : f.end] for f in redactor.analyze(text, known=identity) if f.detector.startswith("known.")}
    assert found == {"Petit", "Pierre", "MARTIN Pierre"}


def test_typos_need_a_long_name_the_same_first_letter_and_a_capital(redactor):
    identity = KnownIdentity(first_name="Léa", last_name="Berthelot")
    text = "Mme Bertelot, Mme Lea, Mme Ertelot, Mme Berthelt. Le berthelot. Mme Bea."
    found = [text[f.start : f.end] for f in redactor.analyze(text, known=identity) if f.detector.startswith("known.")]
    assert found == ["Bertelot", "Lea", "Berthelt"]


def test_numbers_need_their_whole_value_and_dates_their_day(redactor):
    identity = KnownIdentity(birth_date=date(1961, 7, 4), ipp="4512987", phones=("06 12 34 56 78",))
    text = "Vu le 04/07/2019, né en 1961, dossier 45129870, tél 06 12 34 56 79, le 14/07/1961, lot 4512987-2."
    assert not [f for f in redactor.analyze(text, known=identity) if f.detector.startswith("known.")]


@pytest.mark.parametrize(
    "values, field",
    [
        ({}, "empty"),
        ({"birth_date": "31/02/1961"}, "birth_date"),
        ({"birth_date": "hier"}, "birth_date"),
        ({"nir": "123456"}, "nir"),
        ({"ipp": "A-12"}, "ipp"),
        ({"phones": ["12 34"]}, "phones[0]"),
        ({"phones": "0612345678"}, "phones"),
        ({"last_name": "X"}, "last_name"),
        ({"last_name": 42}, "last_name"),
        ({"emails": ["no-at-sign.fr"]}, "emails[0]"),
        ({"relatives": [{}]}, "relatives[0]"),
        ({"relatives": [{"nickname": "Bibi"}]}, "nickname"),
        ({"surname": "Dupont"}, "surname"),
        ([], "object"),
    ],
)
def test_malformed_known_identity_is_refused_naming_the_field_not_the_value(values, field):
    with pytest.raises(InvalidInputError) as raised:
        KnownIdentity.from_mapping(values)
    message = str(raised.value)
    assert field in message
    for value in ("31/02/1961", "hier", "123456", "A-12", "12 34", "0612345678", "no-at-sign", "Bibi", "Dupont"):
        assert value not in message


def test_empty_known_identity_is_an_error_and_a_wrong_type_too(redactor):
    with pytest.raises(InvalidInputError, match="empty"):
        KnownIdentity()
    with pytest.raises(InvalidInputError, match="KnownIdentity"):
        redactor.analyze("Vu ce jour.", known={"last_name": "Dupont"})


def test_repr_shows_which_fields_are_set_never_their_values():
    identity, _ = CASES[0]
    shown = repr(identity) + str(identity) + repr(identity.relatives)
    for value in (identity.first_name, identity.last_name, identity.nir, identity.ipp, identity.phones[0]):
        assert value not in shown
    assert "first_name" in shown and "nir" in shown


def test_resolution_takes_the_known_identity_first_then_the_site_then_scores():
    from redactor.findings import Finding
    from redactor.resolve import resolve

    text = "Nancy Villeneuve est venue"
    candidates = [
        Finding(0, 16, "CITY", 1.0, "city.lexicon"),  # longer, same score
        Finding(0, 16, "HOSPITAL", 1.0, "site.facility"),
        Finding(0, 5, "PERSON", 1.0, "known.name"),
    ]
    resolved = [(text[f.start : f.end], f.category, f.detector) for f in resolve(candidates, text)]
    assert resolved == [("Nancy", "PERSON", "known.name"), ("Villeneuve", "HOSPITAL", "site.facility")]
    merged = resolve([Finding(0, 16, "PERSON", 1.0, "person.ner"), Finding(0, 5, "PERSON", 0.9, "known.name")], text)
    assert [(f.start, f.end, f.detector) for f in merged] == [(0, 16, "known.name")]


@pytest.mark.parametrize(
    "identity, mentions",
    [
        (KnownIdentity(birth_date=date(1961, 7, 1)), ["1er juil. 61", "01-juil-1961", "1/7/1961", "1961/07/01", "010761"]),
        (KnownIdentity(phones=("06 12 34 56 78",)), ["0033 (0)6 12 34 56 78", "+33612345678", "06-12-34-56-78"]),
        (KnownIdentity(phones=("+41 22 123 45 67",)), ["0041 22 123 45 67", "+41221234567"]),
        (KnownIdentity(nir="2 84 12 2A 004 123 45"), ["2841 22A004123", "2 84 12 2A 004 123 99"]),
        (KnownIdentity(address_lines=("12 rue x, Saint-Étienne 42000",)), ["12 rue x", "42 000", "ST ETIENNE"]),
        (KnownIdentity(address_lines=("Lieu-dit Les Granges",)), ["lieu-dit les Granges"]),
        (KnownIdentity(emails=("JP.Lefevre@Example.fr",)), ["jp.lefevre@example.fr"]),
    ],
)
def test_value_variants_are_matched(identity, mentions):
    from redactor.recognizers.vouched.identity import KnownIdentityMatcher

    text = " ; ".join(mentions)
    found = {text[f.start : f.end] for f in KnownIdentityMatcher(identity).find(text)}
    assert found == set(mentions)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Patient :  K E R B R A T   J e a n  né le", "K E R B R A T   J e a n"),  # PDF letter spacing
        ("Vu M. Ker-\nbrat ce jour.", "Ker-\nbrat"),  # broken at a line end
        ("Adressé par\nJean\nKERBRAT", "Jean\nKERBRAT"),
        ("vu kerbrat jean ce jour", "kerbrat jean"),  # both names: case does not matter
    ],
)
def test_extraction_artefacts_and_case_do_not_hide_the_known_name(redactor, text, mention):
    known = KnownIdentity(first_name="Jean", last_name="Kerbrat")
    found = [text[f.start : f.end] for f in redactor.analyze(text, known=known) if f.detector.startswith("known.")]
    assert found == [mention]
