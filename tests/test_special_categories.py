"""Each special category: true cases (morphology, abbreviations, missing accents, capitals,
misspellings, multi-word expressions) and traps (homonyms that must not fire)."""

from __future__ import annotations

import pytest

from redactor.recognizers.special.phrases import tokenize

# (category, note, passage that must be covered by a finding of the category)
TRUE_CASES = [
    # HEALTH_SENSITIVE
    ("HEALTH_SENSITIVE", "Patient VIH+ depuis 2012.", "VIH+"),
    ("HEALTH_SENSITIVE", "Sérologie HIV positive.", "HIV"),
    ("HEALTH_SENSITIVE", "Patiente séropositive connue.", "séropositive"),
    ("HEALTH_SENSITIVE", "PATIENTE SEROPOSITIVE", "SEROPOSITIVE"),
    ("HEALTH_SENSITIVE", "hépatite C chronique traitée", "hépatite C"),
    ("HEALTH_SENSITIVE", "Ag HBs positif", "Ag HBs"),
    ("HEALTH_SENSITIVE", "Syphilis secondaire en 2021.", "Syphilis"),
    ("HEALTH_SENSITIVE", "ATCD de TS par IMV en 2019.", "TS par IMV"),
    ("HEALTH_SENSITIVE", "tentative de suicide à 16 ans", "tentative de suicide"),
    ("HEALTH_SENSITIVE", "Idées suicidaires exprimées.", "Idées suicidaires"),
    ("HEALTH_SENSITIVE", "Son frère s'est suicidé en 2010.", "s'est suicidé"),
    ("HEALTH_SENSITIVE", "Suivi pour schizophrénie paranoïde.", "schizophrénie"),
    ("HEALTH_SENSITIVE", "schizofrénie stabilisée", "schizofrénie"),
    ("HEALTH_SENSITIVE", "Trouble bipolaire de type II.", "Trouble bipolaire"),
    ("HEALTH_SENSITIVE", "Patient bipolaire sous lithium.", "bipolaire"),
    ("HEALTH_SENSITIVE", "Syndrome dépressif majeur.", "Syndrome dépressif"),
    ("HEALTH_SENSITIVE", "OH chronique, sevré depuis 1 an.", "OH chronique"),
    ("HEALTH_SENSITIVE", "alcoolique notoire", "alcoolique"),
    ("HEALTH_SENSITIVE", "Ethylisme chronique.", "Ethylisme"),
    ("HEALTH_SENSITIVE", "Toxicomane ancien, sous méthadone.", "sous méthadone"),
    ("HEALTH_SENSITIVE", "sous ttt subst. depuis 2015", "ttt subst."),
    ("HEALTH_SENSITIVE", "Fume du cannabis tous les jours.", "cannabis"),
    ("HEALTH_SENSITIVE", "IVG médicamenteuse en 2020.", "IVG"),
    ("HEALTH_SENSITIVE", "Parcours de PMA, deux FIV.", "PMA"),
    ("HEALTH_SENSITIVE", "Femme transgenre sous hormonothérapie.", "transgenre"),
    ("HEALTH_SENSITIVE", "Reconnaissance MDPH, AAH.", "MDPH"),
    ("HEALTH_SENSITIVE", "Suivi au CMP depuis 2018.", "CMP"),
    ("HEALTH_SENSITIVE", "CMP enfants : entretien avec la mère.", "CMP"),
    ("HEALTH_SENSITIVE", "Pas de reprise de consommation depuis mars.", "consommation"),
    ("HEALTH_SENSITIVE", "Se fait vomir après les repas.", "Se fait vomir"),
    ("HEALTH_SENSITIVE", "Entend des voix qui l'insultent.", "Entend des voix"),
    ("HEALTH_SENSITIVE", "VHC génotype 1, sous AAD depuis mars.", "AAD"),
    ("HEALTH_SENSITIVE", "Exposition au sang, TPE débuté aux urgences.", "TPE"),
    ("HEALTH_SENSITIVE", "Opiacés positifs aux urines.", "Opiacés positifs"),
    # SEXUAL_ORIENTATION
    ("SEXUAL_ORIENTATION", "Patient homosexuel.", "homosexuel"),
    ("SEXUAL_ORIENTATION", "Elle est lesbienne.", "lesbienne"),
    ("SEXUAL_ORIENTATION", "se dit bisexuel", "bisexuel"),
    ("SEXUAL_ORIENTATION", "homosexuelel selon la famille", "homosexuelel"),
    ("SEXUAL_ORIENTATION", "HSH, PrEP en cours.", "HSH"),
    ("SEXUAL_ORIENTATION", "Il vit avec son compagnon depuis 10 ans.", "son compagnon"),
    ("SEXUAL_ORIENTATION", "Mme B., en couple avec une femme.", "en couple avec une femme"),
    # SEX_LIFE
    ("SEX_LIFE", "Rapports non protégés le mois dernier.", "Rapports non protégés"),
    ("SEX_LIFE", "Partenaires multiples.", "Partenaires multiples"),
    ("SEX_LIFE", "Prostitution occasionnelle.", "Prostitution"),
    ("SEX_LIFE", "Pratique le chemsex.", "chemsex"),
    ("SEX_LIFE", "Infidélité du mari.", "Infidélité"),
    # RELIGION
    ("RELIGION", "Musulman pratiquant.", "Musulman pratiquant"),
    ("RELIGION", "catholique non pratiquante", "catholique non pratiquante"),
    ("RELIGION", "Témoin de Jéhovah, refuse la transfusion.", "Témoin de Jéhovah"),
    ("RELIGION", "Porte le voile.", "Porte le voile"),
    ("RELIGION", "Fait le ramadan, mange halal.", "ramadan"),
    ("RELIGION", "Juive, repas casher.", "Juive"),
    ("RELIGION", "très croyante", "croyante"),
    # ETHNIC_ORIGIN
    ("ETHNIC_ORIGIN", "Patiente d'origine marocaine.", "d'origine marocaine"),
    ("ETHNIC_ORIGIN", "Patiente d’origine algérienne.", "d’origine algérienne"),
    ("ETHNIC_ORIGIN", "originaire du Mali", "originaire du Mali"),
    ("ETHNIC_ORIGIN", "Homme noir de 40 ans.", "noir"),
    ("ETHNIC_ORIGIN", "Famille maghrébine.", "maghrébine"),
    ("ETHNIC_ORIGIN", "Famille rom, vit en caravane.", "rom"),
    ("ETHNIC_ORIGIN", "Une patiente sénégalaise de 30 ans.", "sénégalaise"),
    # POLITICAL_OPINION
    ("POLITICAL_OPINION", "Militant d'extrême droite.", "extrême droite"),
    ("POLITICAL_OPINION", "Militant FN depuis toujours.", "Militant FN"),
    ("POLITICAL_OPINION", "Vote RN.", "Vote RN"),
    ("POLITICAL_OPINION", "Gilet jaune, blessé lors d'une manifestation.", "Gilet jaune"),
    ("POLITICAL_OPINION", "Communiste convaincu.", "Communiste"),
    # TRADE_UNION
    ("TRADE_UNION", "Délégué syndical CGT.", "Délégué syndical CGT"),
    ("TRADE_UNION", "Syndiqué à SUD Santé.", "Syndiqué"),
    ("TRADE_UNION", "Gréviste depuis lundi.", "Gréviste"),
    # GENETIC
    ("GENETIC", "Mutation BRCA1 identifiée.", "Mutation BRCA1"),
    ("GENETIC", "Caryotype 47,XXY.", "Caryotype"),
    ("GENETIC", "Test génétique proposé.", "Test génétique"),
    ("GENETIC", "Porteuse saine de la mutation.", "Porteuse saine"),
    ("GENETIC", "HLA-B27 positif.", "HLA-B27"),
    ("GENETIC", "Mucoviscidose connue, suivie au CRCM.", "Mucoviscidose"),
    ("GENETIC", "Prémutation FMR1 chez la mère, test proposé à l'enfant.", "test"),
    # BIOMETRIC
    ("BIOMETRIC", "Refuse le relevé de ses empreintes digitales.", "empreintes digitales"),
    ("BIOMETRIC", "Authentification par reconnaissance faciale.", "reconnaissance faciale"),
    # CRIMINAL
    ("CRIMINAL", "Placé en garde à vue hier.", "garde à vue"),
    ("CRIMINAL", "Sortie de GAV ce matin.", "GAV"),
    ("CRIMINAL", "Incarcéré pour vol à main armée.", "Incarcéré"),
    ("CRIMINAL", "Sous bracelet électronique.", "bracelet électronique"),
    ("CRIMINAL", "Condamné pour violences conjugales.", "Condamné"),
    ("CRIMINAL", "Obligation de soins.", "Obligation de soins"),
    ("CRIMINAL", "Réquisition OPJ : examen de compatibilité.", "Réquisition OPJ"),
    ("CRIMINAL", "Détenu, prévenu en attente de jugement.", "prévenu"),
    ("CRIMINAL", "Certificat pour l'administration pénitentiaire.", "administration pénitentiaire"),
    # EXCESSIVE_COMMENT
    ("EXCESSIVE_COMMENT", "Patient pénible.", "pénible"),
    ("EXCESSIVE_COMMENT", "Mytho, à ne pas croire.", "Mytho"),
    ("EXCESSIVE_COMMENT", "Cas social.", "Cas social"),
    ("EXCESSIVE_COMMENT", "Profiteur du système.", "Profiteur"),
    ("EXCESSIVE_COMMENT", "Mère hystérique et envahissante.", "hystérique"),
]

# (note, trap word): a homonym, an ordinary clinical fact, a saint's or a first name
TRAPS = [
    ("Dépression respiratoire sous morphine.", "Dépression"),
    ("Sous-décalage et dépression du segment ST.", "dépression"),
    ("Coagulation à la pince bipolaire.", "bipolaire"),
    ("Électrode bipolaire en place.", "bipolaire"),
    ("Prothèse de hanche bipolaire.", "bipolaire"),
    ("Voile du palais normal.", "Voile"),
    ("Sinus maxillaire voilé à la radio.", "voilé"),
    ("Médecin de garde prévenu.", "garde"),
    ("TP 80 %, TCA 32 s, TS 4 min.", "TS"),
    ("25-OH vitamine D basse.", "OH"),
    ("Mode IMV, FiO2 40 %.", "IMV"),
    ("Hôpital Saint-Joseph, service de cardiologie.", "Saint-Joseph"),
    ("Adressé par le Dr Chrétien.", "Chrétien"),
    ("Vu par l'interne de garde.", "interne"),
    ("Institut Pasteur, rue Pasteur.", "Pasteur"),
    ("Rue de l'Église, 3e étage.", "Église"),
    ("Jean-Baptiste, 12 ans, fracture.", "Baptiste"),
    ("Douleur pénible à la marche.", "pénible"),
    ("Tumeur agressive, envahissant le côlon.", "envahissant"),
    ("Hernie inguinale incarcérée.", "incarcérée"),
    ("Mutation en réanimation ce soir.", "Mutation"),
    ("Gêne respiratoire à l'effort.", "Gêne"),
    ("Biométrie fœtale normale.", "Biométrie"),
    ("Prise d'empreintes dentaires.", "empreintes"),
    ("Selles noires, idées claires.", "noires"),
    ("Parle arabe et français.", "arabe"),
    ("Douleur d'origine mécanique.", "origine"),
    ("Fièvre d'origine virale.", "origine"),
    ("Grippe espagnole en 1918.", "espagnole"),
    ("Traitement conservateur de la fracture.", "conservateur"),
    ("Hémicorps droit, main gauche.", "gauche"),
    ("Médecin libéral.", "libéral"),
    ("Solution hydro-alcoolique.", "alcoolique"),
    ("Sérum salé isotonique.", "salé"),
    ("Fond d'œil : FO normal.", "FO"),
    ("Syndic de copropriété, syndicat des eaux.", "syndicat"),
    ("Érythème migrant au mollet.", "migrant"),
    ("Vierge de tout traitement.", "Vierge"),
    ("Abdomen sans gêne respiratoire.", "gêne"),
    ("Toxoplasmose : séropositive, immunisée.", "séropositive"),
    ("Son chat est FIV positif.", "FIV"),
    ("Sevrage ventilatoire réussi.", "Sevrage"),
    ("Culture stérile.", "stérile"),
    ("Anorexie, asthénie, amaigrissement.", "Anorexie"),
    ("Baptême de l'air en parapente.", "Baptême"),
    ("Son compagnon d'atelier l'accompagne.", "compagnon"),
    ("Il fume des Gitanes.", "Gitanes"),
    ("Bacilles acido-alcoolo-résistants.", "alcoolo"),
    ("ATCD : HTA, CMP dilatée, FEVG 35 %.", "CMP"),
    ("Consommation d'oxygène mesurée à l'effort.", "Consommation"),
    ("Vomissements provoqués par la toux.", "Vomissements"),
    ("Entend les voix de ses enfants au téléphone.", "voix"),
    ("Aide à domicile (AAD) deux fois par semaine.", "AAD"),
    ("Son fils dirige une TPE du bâtiment.", "TPE"),
    ("Antalgiques opiacés pour la douleur.", "opiacés"),
    ("Test d'effort négatif.", "Test"),
    ("Porteur d'un pacemaker depuis 2015.", "Porteur"),
    ("Réquisition du personnel soignant pendant la grève.", "Réquisition"),
    ("Médecin de garde prévenu à 22 h.", "prévenu"),
    ("Famille prévenue du transfert.", "prévenue"),
    ("Agent agresseur infectieux non identifié.", "agresseur"),
    ("Contrainte par rapport à l'axe du fémur.", "Contrainte"),
    ("Enquête familiale autour du cas de tuberculose.", "Enquête familiale"),
    ("Mammographie de dépistage, son mari l'accompagne.", "dépistage"),
]


def covered(findings, text: str, passage: str, category: str) -> bool:
    start = text.index(passage)
    positions = set(range(start, start + len(passage)))
    for finding in findings:
        if finding.category == category:
            positions -= set(range(finding.start, finding.end))
    return not positions


@pytest.mark.parametrize("category, note, passage", TRUE_CASES)
def test_true_cases(redactor, category, note, passage):
    assert covered(redactor.analyze(note), note, passage, category)


@pytest.mark.parametrize("note, word", TRAPS)
def test_traps(redactor, note, word):
    start = note.index(word)
    end = start + len(word)
    flagged = [f for f in redactor.check(note) if f.finding.start < end and start < f.finding.end]
    assert not flagged, [(w.finding.category, note[w.finding.start : w.finding.end]) for w in flagged]


def test_a_plain_clinical_note_has_no_special_finding(redactor):
    note = (
        "Patient de 62 ans, HTA et diabète de type 2 sous metformine. Fracture du poignet droit "
        "après une chute. Grippe en janvier. Bilan sanguin : Hb 13,2, plaquettes 245 000, CRP 4. "
        "Radio de thorax normale. Revoir dans 3 mois."
    )
    assert redactor.check(note) == []


def test_pd_l1_is_a_ligand_not_a_slur(redactor):
    text = "EGFR muté, PD-L1 50 %, traité par anti-PD-1."
    assert [f for f in redactor.analyze(text) if f.category == "SEXUAL_ORIENTATION"] == []
    # a slur thrown at someone is an insult (EXCESSIVE_COMMENT), and the remark is still redacted
    slur = "Traité de PD par ses collègues."
    assert "PD" in "".join(slur[f.start : f.end] for f in redactor.analyze(slur) if f.category == "EXCESSIVE_COMMENT")


def test_a_phrase_wrapped_at_a_line_end_is_still_one_phrase(redactor):
    # a long line wrapped by an editor or a PDF extractor does not end the statement...
    note = "Patient hospitalisé la semaine dernière aux urgences pour une tentative de\nsuicide médicamenteuse."
    assert "tentative de\nsuicide" in [note[f.start : f.end] for f in redactor.analyze(note) if f.category == "HEALTH_SENSITIVE"]
    # ...but a short line is a list item, and a negation does not reach the next one
    listed = "Pas d'alcool\ntabac 10 PA"
    assert "\n" in tokenize(listed).texts


@pytest.mark.parametrize(
    "note, notation",
    [
        ("BRCA2 c.5946delT, VAF 48 %.", "c.5946delT"),
        ("Variant c.68_69delAG retrouvé chez la mère.", "c.68_69delAG"),
        ("KRAS p.(Gly12Cys) sur la pièce opératoire.", "p.(Gly12Cys"),
        ("Microdélétion 22q11.2 confirmée.", "22q11.2"),
        ("Caryotype : del(5)(q31) et t(9;22).", "t(9;22"),  # a closing bracket leaks nothing
        ("Génotype MTHFR rs1801133 homozygote.", "rs1801133"),
    ],
)
def test_genetic_notations(redactor, note, notation):
    found = [note[f.start : f.end] for f in redactor.analyze(note) if f.category == "GENETIC"]
    assert any(notation in value for value in found), found


@pytest.mark.parametrize("note", ["Voir p.12 du rapport, 3q par jour.", "TA 12/8, pT2N0, Gleason 3+4, c.-à-d. stable."])
def test_page_numbers_and_stages_are_no_genetic_notation(redactor, note):
    assert [f for f in redactor.analyze(note) if f.category == "GENETIC"] == []
