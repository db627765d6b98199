"""A person's whole name, widened over the parts the name rules and the NER leave outside it
(redactor/recognizers/identifiers/person_extent.py)."""

from __future__ import annotations

import pytest


def persons(redactor, text: str) -> list[str]:
    return [text[f.start : f.end] for f in redactor.analyze(text) if f.category == "PERSON"]


@pytest.mark.parametrize(
    "text, name",
    [
        # joined parts: a hyphen and a capital, OCR digits inside the word
        ("Patiente transférée par le Dr Ho-A-Chuck (médecin du CDPS)", "Ho-A-Chuck"),
        ("Medecin traitant : Dr Guil1ou     tel O2 97 36 2O 11", "Guil1ou"),
        # a double surname's "i", Portuguese particles between given names, Vietnamese given names
        ("Copie : Mme Roca i Batlle (remise en main propre)", "Roca i Batlle"),
        ("Dra. Laia Ferrer i Soler, Traumatologia", "Laia Ferrer i Soler"),
        ("Patiente : Mme FERREIRA DOS SANTOS Maria da Conceição\nNée le 17.02.1951", "FERREIRA DOS SANTOS Maria da Conceição"),
        ("Patiente : Mme NGUYEN Thi Thu, née le 03/04/1950", "NGUYEN Thi Thu"),
        ("Responsables légaux : Mère TRAN Thi Mai - tél. 07 68 12 45 03", "TRAN Thi Mai"),
        # an initial before a name another rule found
        ("Enregistrement        02:39   agent D. Mbala-Sow", "D. Mbala-Sow"),
        ("Anesthésiste : Dr Cl. Weiss", "Cl. Weiss"),
        # "M." as a first name's initial: in a list of initialled names, after a role or a staff
        # verb, alone on the note's last line
        ("Biologistes : Y. LE BIHAN - S. KERVELLA - M. TRAORÉ", "M. TRAORÉ"),
        ("AG avec IOT, Dr Delphine Moulin ; IDE : M. Kerbrat, S. Ndiaye", "M. Kerbrat"),
        ("Drs A. Cabrol, F. Espinasse, M. Haddad-Viguier, S. Rouquette", "M. Haddad-Viguier"),
        ("séances réalisées par B. Roussel (1 à 18) puis M. Le Goff (19 à 30)", "M. Le Goff"),
        ("Rédacteur : T. Vasseur - Pharmacien : M. Kerjean", "M. Kerjean"),
        ("03/02/2025 - Équipe de jour (IDE M. Boyer)", "M. Boyer"),
        ("Transfusion réalisée par M. Tirloy et vérifiée par Pauline Caron.", "M. Tirloy"),
        ("Fait à Vénissieux, le 25 mars 2024\nM. Robert", "M. Robert"),
        ("petit-déjeuner, sans boiterie.\nM. Kerbrat\n\n10/03/2025 14h00 - Jessica B.", "M. Kerbrat"),
        ("Miction spontanée à 19h.\nM.R.\n\n10/03/2025 23h40 - Jean-Baptiste", "M.R."),
        # a couple's two first names before their surname
        ("PHARMACIE DU MARCHÉ\nClaire et Romain Lemaire, pharmaciens titulaires", "Claire et Romain Lemaire"),
    ],
)
def test_the_whole_name_is_found(redactor, text, name):
    assert name in persons(redactor, text)


@pytest.mark.parametrize(
    "text, name",
    [
        # "M." is "Monsieur" elsewhere, even beside an initialled name in another field
        ("Prise en charge par M. Dupont, 72 ans, pour douleur.", "Dupont"),
        ("Vu M. Martin et Mme Durand ce jour.", "Martin"),
        ("Patient : M. Dupont      Médecin : Dr J. Martin", "Dupont"),
        ("23:10 - M. Bessières : installé box 6", "Bessières"),
        ("Monsieur le Docteur\nM. Jean DUPONT\n12 rue des Lilas\n75012 Paris", "Jean DUPONT"),  # an address block
    ],
)
def test_what_is_not_part_of_the_name_stays_out(redactor, text, name):
    assert name in persons(redactor, text)
