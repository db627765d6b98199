"""French identifiers, each with positive and negative cases, on the real pipeline."""

from __future__ import annotations

import pytest

from redactor.checksums import luhn_is_valid, nir_key


def spans(redactor, text: str, category: str) -> list[str]:
    return [text[f.start : f.end] for f in redactor.analyze(text) if f.category == category]


def valid_nir(body: str, spaced: bool = False) -> str:
    value = body + f"{nir_key(body):02d}"
    if spaced:
        return " ".join([value[0], value[1:3], value[3:5], value[5:7], value[7:10], value[10:13], value[13:]])
    return value


def valid_rpps(prefix: str = "1000345678") -> str:
    return next(prefix + d for d in "0123456789" if luhn_is_valid(prefix + d))


# ---------------------------------------------------------------- PHONE
@pytest.mark.parametrize(
    "phone",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "0612345678",
        "01 23 45 67 89",
        "+33 6 12 34 56 78",
        "+33 (0)6 12 34 56 78",
        "+33612345678",
        "0033 6 12 34 56 78",
        "+33 1 23 45 67 89",
        "+262 692 12 34 56",
        "06/12/34/56/78",
    ],
)
def test_phone_formats(redactor, phone):
    text = f"Joindre la fille au {phone} si besoin."
    assert spans(redactor, text, "PHONE") == [phone]


def test_phone_glued_to_text(redactor):
    text = "tel:0612345678,rappeler"
    assert spans(redactor, text, "PHONE") == ["0612345678"]


@pytest.mark.parametrize(
    "text",
    ["TA 13/8, FC 88/min", "Hb 10,2 g/dl, plaquettes 245 000", "Lot 1234567890", "poids 72,5 kg, taille 1,78 m"],
)
def test_not_phones(redactor, text):
    assert spans(redactor, text, "PHONE") == []


# ---------------------------------------------------------------- NIR
def test_nir_compact_and_spaced(redactor):
    compact = valid_nir("1850375123456")
    spaced = valid_nir("2610369123456", spaced=True)
    text = f"NIR : {compact}. Sécurité sociale de l'épouse : {spaced}."
    assert spans(redactor, text, "NIR") == [compact, spaced]


def test_corsican_and_overseas_nir(redactor):
    corsica = valid_nir("18503" + "2A" + "123456")
    overseas = valid_nir("1800597409247")
    text = f"n° SS {corsica} ; mère née à la Réunion : {overseas}"
    assert spans(redactor, text, "NIR") == [corsica, overseas]


def test_nir_with_bad_key_is_still_a_nir_in_context(redactor):
    # issue 10: real documents carry typos in the key; the label says what the number is
    body = "1850375123456"
    wrong = body + f"{(nir_key(body) + 1) % 100:02d}"
    assert spans(redactor, f"NIR : {wrong}", "NIR") == [wrong]


# ---------------------------------------------------------------- IBAN
def test_iban_valid_and_invalid(redactor):
    text = "RIB pour remboursement : FR76 3000 6000 0112 3456 7890 189. Ancien : FR76 3000 6000 0112 3456 7890 188."
    assert spans(redactor, text, "IBAN") == ["FR76 3000 6000 0112 3456 7890 189"]


# ---------------------------------------------------------------- CLINICIAN_ID / PATIENT_ID
def test_rpps_with_and_without_label(redactor):
    rpps = valid_rpps()
    other = valid_rpps("1012345678")
    text = f"Dr Martin, RPPS : {rpps}. Prescripteur {other}."
    assert spans(redactor, text, "CLINICIAN_ID") == [rpps, other]


def test_rpps_with_bad_luhn_and_no_label_is_found_with_less_confidence(redactor):
    # issue 10, recall first: a typo in the key does not make eleven digits starting 10 harmless
    rpps = valid_rpps()
    wrong = rpps[:-1] + str((int(rpps[-1]) + 1) % 10)
    found = [f for f in redactor.analyze(f"Prescripteur {wrong} envoyé") if f.category == "CLINICIAN_ID"]
    assert len(found) == 1 and found[0].detector == "clinician_id.rpps_shape"


def test_adeli(redactor):
    assert spans(redactor, "Kiné : J. Sanchez, ADELI 697123456", "CLINICIAN_ID") == ["697123456"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("IPP : 8004512345", "8004512345"),
        ("NDA: 2019-004512", "2019-004512"),
        ("N° de séjour : 0923004571", "0923004571"),
        ("n° dossier 458 712", "458 712"),
        ("Numéro de venue 23V004518", "23V004518"),
    ],
)
def test_patient_ids_from_labels(redactor, text, value):
    assert spans(redactor, text, "PATIENT_ID") == [value]


def test_numbers_without_label_are_not_patient_ids(redactor):
    assert spans(redactor, "Chambre 214, lit 2, 3 comprimés de 500 mg", "PATIENT_ID") == []


# ---------------------------------------------------------------- EMAIL, URL, IP
def test_contact_details(redactor):
    text = "Écrire à secretariat.cardio@chu-nantes.fr ou voir https://www.chu-nantes.fr/cardio ; poste 10.12.4.27"
    assert spans(redactor, text, "EMAIL") == ["secretariat.cardio@chu-nantes.fr"]
    assert spans(redactor, text, "URL") == ["https://www.chu-nantes.fr/cardio"]
    assert spans(redactor, text, "IP_ADDRESS") == ["10.12.4.27"]


def test_ipv6_and_not_an_ip(redactor):
    text = "Passerelle 2001:db8::8a2e:370:7334, version 1.2.3"
    assert spans(redactor, text, "IP_ADDRESS") == ["2001:db8::8a2e:370:7334"]


# ---------------------------------------------------------------- DATE
@pytest.mark.parametrize(
    "date",
    [
        "12/03/2019",
        "12/03/19",
        "12.03.2019",
        "2019-03-12",
        "12 mars 2019",
        "1er mars 2019",
        "12 déc. 2019",
        "mars 2019",
        "03/2019",
        "douze mars deux mille dix-neuf",
        "3 MARS 2020",
        # uneven spaces around the marks, as typed or extracted from PDFs
        "3 / 4 / 2021",
        "03/04/ 2021",
        "03 /04 /2021",
        "3 4 2021",
        # a month in letters between marks or glued (lab and pharmacy stamps)
        "03/avril/2021",
        "03AVR2021",
        "avr-21",
    ],
)
def test_date_formats(redactor, date):
    text = f"Vu le {date} en consultation."
    assert spans(redactor, text, "DATE") == [date]


def test_birth_date_in_six_digits_after_its_label(redactor):
    assert spans(redactor, "DDN : 030450, 74 ans", "DATE") == ["030450"]


def test_birth_date_in_words(redactor):
    text = "Née le vingt et un septembre mil neuf cent quatre-vingt-deux à Lyon."
    assert spans(redactor, text, "DATE") == ["vingt et un septembre mil neuf cent quatre-vingt-deux"]


@pytest.mark.parametrize(
    "text",
    [
        "TA 12/08 au repos, MMS 24/30",
        "Mars : planète, non une date.",  # a month word with no time word before it
        "Posologie 1.5.10 mg",
        "Vision 10/10 ODG",
    ],
)
def test_not_dates(redactor, text):
    assert spans(redactor, text, "DATE") == []


def test_a_month_named_alone_after_a_time_word_is_a_date(redactor):
    # partial dates count (issue 10): "en mars", "depuis novembre", "fin septembre"
    assert spans(redactor, "Amélioration en mars, rechute fin septembre.", "DATE") == ["mars", "septembre"]


# ---------------------------------------------------------------- places
def test_street_zip_city(redactor):
    text = "Adresse : 12 bis rue des Lilas, 75013 Paris"
    assert spans(redactor, text, "ADDRESS") == ["12 bis rue des Lilas"]
    assert spans(redactor, text, "ZIP") == ["75013"]
    assert spans(redactor, text, "CITY") == ["Paris"]


def test_address_with_building_and_cedex(redactor):
    text = "Résidence Les Pins, bât. B, 4 avenue Jean Jaurès\n69007 LYON CEDEX 07"
    assert spans(redactor, text, "ADDRESS") == ["Résidence Les Pins, bât. B, 4 avenue Jean Jaurès"]
    assert spans(redactor, text, "CITY") == ["LYON"]


def test_city_from_context(redactor):
    text = "Né le 3/4/1956 à Castelnau-le-Lez, domicilié à Ploemeur."
    assert spans(redactor, text, "CITY") == ["Castelnau-le-Lez", "Ploemeur"]


def test_hospitals(redactor):
    text = "Transféré du CHU de Nantes à l'Hôpital Necker puis à la Clinique du Parc ; suivi au Centre hospitalier de Dax."
    assert spans(redactor, text, "HOSPITAL") == ["CHU de Nantes", "Hôpital Necker", "Clinique du Parc", "Centre hospitalier de Dax"]


def test_generic_facility_words_are_not_hospitals(redactor):
    text = "Retour à l'hôpital demain, service de cardiologie ; le CHU rappellera."
    assert spans(redactor, text, "HOSPITAL") == []


# ---------------------------------------------------------------- PERSON
@pytest.mark.parametrize(
    "text, names",
    [
        ("Vu ce jour Mme Sylvie Marchand pour son suivi.", ["Sylvie Marchand"]),
        ("Patient : MARCHAND Sylvie, 62 ans", ["MARCHAND Sylvie"]),
        ("Chef de service : Pr Jean-Michel LEROY", ["Jean-Michel LEROY"]),
        ("Dr A.-S. Moreau, PH", ["A.-S. Moreau"]),
        ("Copie à : Dr Paul Durand, Dr Inès Carvalho", ["Paul Durand", "Inès Carvalho"]),
        ("Appel de sa fille Nadia ce matin.", ["Nadia"]),
        ("vu par dr martin ce jour", ["martin"]),
        ("Mme KERDRAON Anne-Marie, née LE GALL", ["KERDRAON Anne-Marie", "LE GALL"]),
        ("Nom de naissance : N'DIAYE", ["N'DIAYE"]),
        ("Mme Blanc et M. Boulanger sont arrivés.", ["Blanc", "Boulanger"]),
    ],
)
def test_person_names(redactor, text, names):
    assert spans(redactor, text, "PERSON") == names


def test_titles_are_not_in_person_spans(redactor):
    text = "Mme Dupont a vu le Docteur Martin."
    found = spans(redactor, text, "PERSON")
    assert found == ["Dupont", "Martin"]


def test_name_mentioned_again_is_found_again(redactor):
    text = "M. Kowalczyk est hospitalisé. Ce matin Kowalczyk va mieux."
    assert spans(redactor, text, "PERSON") == ["Kowalczyk", "Kowalczyk"]


@pytest.mark.parametrize(
    "text",
    [
        "Maladie de Crohn connue, signe de Murphy négatif, score de Glasgow à 15.",
        "HTA, BPCO, IRM cérébrale normale.",
        "Sonde de Foley posée, manœuvre de Valsalva.",
        "Doliprane 1 g si douleur.",
    ],
)
def test_not_persons(redactor, text):
    assert spans(redactor, text, "PERSON") == []
