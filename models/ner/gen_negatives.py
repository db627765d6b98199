"""Words and symbols that look like names to a naive model and are never labelled.

Written from general medical knowledge (not from any test or evaluation set) for generate.py's
negative sentences: section headings in capitals, clinical abbreviations, drug names (brand and
INN), gene / marker symbols, scores and scales, chemotherapy regimens, and staging strings.
"""

from __future__ import annotations


def _split(s: str) -> list[str]:
    return [x.strip() for x in s.replace("\n", "|").split("|") if x.strip()]


HEADINGS = _split("""ANTÉCÉDENTS|ANTÉCÉDENTS MÉDICAUX|ANTÉCÉDENTS CHIRURGICAUX|ANTÉCÉDENTS FAMILIAUX|MOTIF D'HOSPITALISATION
|MOTIF DE CONSULTATION|HISTOIRE DE LA MALADIE|EXAMEN CLINIQUE|EXAMENS COMPLÉMENTAIRES|BIOLOGIE|IMAGERIE
|CONCLUSION|SYNTHÈSE|DIAGNOSTIC|DIAGNOSTIC PRINCIPAL|DIAGNOSTICS ASSOCIÉS|TRAITEMENT|TRAITEMENT DE SORTIE
|TRAITEMENT HABITUEL|TRAITEMENT EN COURS|ÉVOLUTION|ÉVOLUTION DANS LE SERVICE|DEVENIR|SUIVI|MODE DE VIE
|ALLERGIES|HABITUS|PROPOSITION THÉRAPEUTIQUE|DÉCISION DE LA RCP|DOSSIER DISCUTÉ EN RCP|ANATOMOPATHOLOGIE
|COMPTE RENDU OPÉRATOIRE|COMPTE RENDU D'HOSPITALISATION|INDICATION|TECHNIQUE|RÉSULTATS|INTERPRÉTATION
|PROTOCOLE|RENSEIGNEMENTS CLINIQUES|MACROSCOPIE|MICROSCOPIE|IMMUNOHISTOCHIMIE|BIOLOGIE MOLÉCULAIRE
|HÉMATOLOGIE|BIOCHIMIE|HÉMOSTASE|SÉROLOGIES|BACTÉRIOLOGIE|GAZ DU SANG|IONOGRAMME|BILAN HÉPATIQUE|NUMÉRATION
|PRESCRIPTIONS|ORDONNANCE|CONSIGNES DE SORTIE|RENDEZ-VOUS|SURVEILLANCE|PLAN DE SOINS|TRANSMISSIONS
|CIBLE|DONNÉES|ACTIONS|RÉSULTAT|ANAMNÈSE|PLAINTE|EXAMEN NEUROLOGIQUE|EXAMEN CARDIOVASCULAIRE|AUSCULTATION
|ÉCHOGRAPHIE|SCANNER THORACO-ABDOMINO-PELVIEN|IRM CÉRÉBRALE|RADIOGRAPHIE DU THORAX|TEP-SCANNER|COLOSCOPIE
|FIBROSCOPIE|ÉLECTROCARDIOGRAMME|CONTEXTE|CONTEXTE SOCIAL|AUTONOMIE|DOULEUR|NUTRITION|ÉLIMINATION|SOMMEIL
|CONDUITE À TENIR|CAT|PLAN|OBJECTIFS|INFORMATION DU PATIENT|CONSENTEMENT|HYPOTHÈSES DIAGNOSTIQUES|DISCUSSION""")

ABBREVIATIONS = _split("""AEG|ATCD|ADK|CBNPC|CBPC|CCR|CHC|CLL|LLC|LMC|LAM|LAL|LNH|MM|SMD|SMP|TVP|EP|IC|ICG|ICD|FEVG
|HVG|IAO|RAO|IM|IT|PAPS|BAV|BBG|BBD|ESV|TV|FV|TSV|RCIU|MAP|HPP|PE|HELLP|ASAT|ALAT|GGT|PAL|LDH|CPK|PCT
|TSH|T4L|VS|GB|PNN|Hb|Hct|VGM|Plq|CRP|NT-proBNP|HbA1c|DFG|Na|K|Cl|Ca|Ph|Mg|Alb|TP|INR|TCA|D-dimères|BU
|ECBU|LCR|PL|BOM|PBH|PBR|EFR|VEMS|CVF|DLCO|TM6|PPC|VNI|OHD|SNG|PICC|PAC|KTc|VVC|SAD|SU|TR|TV|CHT|RTH
|RT-CT|RCC|RP|RC|MR|PD|SD|RECIST|OMS|PS|EI|EIG|NFS-Plq|BES|TOGD|FOGD|CPRE|EE|EUS|PET|TEP|TDM TAP|IRM
|AINS|AVK|AOD|HBPM|HNF|IPP|IEC|ARA2|BB|ISRS|IRSNa|BZD|NL|ATB|ATBthérapie|C3G|FQ|AMX|PTZ|MTX|5-FU|CTC|IgIV
|VAC|VVP|IDE|IDEL|ASH|AS|AMP|HAD|SSIAD|SAAD|SSR|USLD|UHCD|USC|USI|REA|SAU|SMUR|DMP|DPI|MSS|PMSI|GHM
|ALD|MDPH|APA|AAH|CMU|ACS|PUMa|DT2|DT1|HTAP|SAOS|SAHOS|BPCO|IRCT|IRA|NTA|PNA|PNP|IU|IST|VIH|VHB|VHC|CMV|EBV
|HSV|VZV|HPV|SARS-CoV-2|BK|SARM|BLSE|EPC|ERV|PVL|TBC|MAI|SEP|SLA|PR|SPA|LEAD|LES|MICI|RCH|MC|SII|RGO""")

DRUGS = _split("""carboplatine|cisplatine|oxaliplatine|pémétrexed|paclitaxel|docétaxel|gemcitabine|vinorelbine
|étoposide|irinotécan|5-fluorouracile|capécitabine|cyclophosphamide|doxorubicine|épirubicine|vincristine
|méthotrexate|cytarabine|azacitidine|rituximab|trastuzumab|pertuzumab|bévacizumab|cétuximab|panitumumab
|pembrolizumab|nivolumab|atézolizumab|durvalumab|ipilimumab|osimertinib|erlotinib|géfitinib|afatinib
|alectinib|crizotinib|lorlatinib|imatinib|dasatinib|nilotinib|ibrutinib|ruxolitinib|lénalidomide
|bortézomib|daratumumab|palbociclib|ribociclib|abémaciclib|olaparib|enzalutamide|abiratérone|tamoxifène
|létrozole|anastrozole|exémestane|fulvestrant|leuproréline|triptoréline|dexaméthasone|prednisone
|prednisolone|méthylprednisolone|hydrocortisone|ondansétron|aprépitant|filgrastim|pegfilgrastim
|époétine|acide zolédronique|dénosumab|Keytruda|Opdivo|Tecentriq|Imfinzi|Herceptin|Avastin|Erbitux
|Tagrisso|Glivec|Revlimid|Velcade|Darzalex|Ibrance|Kisqali|Lynparza|Xtandi|Zytiga|Nolvadex|Femara
|Arimidex|Aromasine|Faslodex|Décapeptyl|Eligard|Zometa|Xgeva|Neulasta|Zarzio|Emend|Zophren|Solumédrol
|Célestène|Xeloda|Temodal|Hydréa|Purinéthol|Endoxan|Imurel|Cellcept|Prograf|Advagraf|Néoral|Rapamune
|amoxicilline|ceftriaxone|céfotaxime|pipéracilline-tazobactam|méropénème|vancomycine|gentamicine
|amikacine|lévofloxacine|ciprofloxacine|métronidazole|cotrimoxazole|linézolide|daptomycine|fluconazole
|voriconazole|valaciclovir|ganciclovir|oseltamivir|apixaban|rivaroxaban|dabigatran|enoxaparine
|tinzaparine|fondaparinux|warfarine|fluindione|clopidogrel|ticagrélor|prasugrel|aspirine|atorvastatine
|rosuvastatine|ramipril|périndopril|valsartan|irbésartan|amlodipine|bisoprolol|nébivolol|furosémide
|spironolactone|sacubitril-valsartan|dapagliflozine|empagliflozine|metformine|sitagliptine|liraglutide
|sémaglutide|dulaglutide|insuline glargine|lévothyroxine|oméprazole|ésoméprazole|pantoprazole
|morphine|oxycodone|tramadol|néfopam|kétamine|midazolam|propofol|sufentanil|lorazépam|oxazépam
|alprazolam|zopiclone|sertraline|escitalopram|venlafaxine|duloxétine|mirtazapine|quétiapine|olanzapine
|rispéridone|aripiprazole|halopéridol|lithium|valproate|lévétiracétam|lamotrigine|carbamazépine|prégabaline""")

MARKERS = _split("""EGFR|BRCA1|BRCA2|HER2|HER2+|HER2-négatif|KRAS|NRAS|BRAF|BRAF V600E|ALK|ROS1|MET|RET|NTRK|PIK3CA|PD-L1
|PD-1|CTLA-4|JAK2|JAK2 V617F|CALR|MPL|BCR-ABL|FLT3|FLT3-ITD|NPM1|IDH1|IDH2|TP53|CDKN2A|MGMT|1p19q|ATRX
|MSI|MSI-H|MSS|dMMR|pMMR|MLH1|MSH2|MSH6|PMS2|APC|PTEN|RB1|CD20|CD30|CD38|CD56|CD3|CD4|CD8|CD34|CD117|c-KIT
|DOG1|Ki67|Ki-67|RE|RP|RH+|RH-|TTF1|CK7|CK20|CDX2|GATA3|PAX8|WT1|p16|p40|p63|S100|SOX10|Melan-A|HMB45
|ACE|CA 15-3|CA 19-9|CA 125|CA 72-4|PSA|AFP|β-HCG|NSE|CYFRA 21-1|SCC|chromogranine A|calcitonine|thyroglobuline
|HLA-B27|HLA-DR|ANCA|anti-CCP|facteur rhumatoïde|FAN|anti-ADN natifs|anti-SSA|anti-Jo1|anti-GAD|anti-TPO
|anti-TG|TRAK|IgA anti-transglutaminase|IgE|IgG4|C3|C4|CH50|β2-microglobuline|procalcitonine|ferritine""")

SCORES = _split("""NIHSS|CHA2DS2-VASc|HAS-BLED|Glasgow|GCS|Apgar|APACHE II|SOFA|qSOFA|IGS II|SAPS II|MMSE|MoCA|ECOG
|OMS|Karnofsky|Child-Pugh|MELD|Wells|Genève|Gleason|ISUP|Breslow|Clark|IPI|R-IPI|FLIPI|Sokal|ELTS|ISS|R-ISS
|Charlson|Norton|Braden|Katz|ADL|IADL|AGGIR|GIR|Fagerström|CURB-65|PSI|Fine|HEART|TIMI|GRACE|Killip|NYHA
|CCS|Rankin|mRS|Barthel|EDSS|UPDRS|Hoehn et Yahr|Ranson|Balthazar|BISAP|Bishop|Silverman|Epworth|PHQ-9|HADS
|GDS|Cornell|NPI|ASA|Mallampati|Cormack|RASS|CAM|CPOT|BPS|EVA|EN|DN4|Algoplus|Doloplus|Lequesne|WOMAC
|DAS28|BASDAI|SLEDAI|BVAS|PASI|SCORAD|Mayo|Harvey-Bradshaw|CDAI|Forrest|Rockall|Blatchford|Alvarado
|Lille|Maddrey|METAVIR|FIB-4|CAP|Fibroscan|Nottingham|SBR|Elston-Ston|Fuhrman|WHO|FIGO|Ann Arbor|Binet|Rai
|Durie-Salmon|Masaoka|Dukes|Astler-Coller|Lugano|RECIST 1.1|iRECIST|Lansky|Denver|Brazelton|Dubowitz""")

REGIMENS = _split("""FOLFOX|FOLFOX 4|FOLFOX 6|mFOLFOX6|FOLFIRI|FOLFIRINOX|FOLFOXIRI|XELOX|CAPOX|LV5FU2|R-CHOP|R-CHOP 21
|R-mini-CHOP|R-CVP|R-DHAP|R-DHAOx|R-ICE|R-GemOx|R-bendamustine|ABVD|BEACOPP|BEACOPP escaladé|FEC|FEC 100
|EC|EC-paclitaxel|TC|AC|TCH|TCHP|VRD|VTD|VCD|Dara-VMP|Dara-Rd|KRd|VMP|MPT|DHAP|ICE|BEP|VIP|TIP|EP|PE
|carboplatine-paclitaxel|cisplatine-pémétrexed|cisplatine-vinorelbine|carboplatine-étoposide|gemcitabine-cisplatine
|GEMOX|MVAC|dd-MVAC|DCF|TPF|ECF|EOX|FLOT|FLOT4|Stanford V|MOPP|COPP|CHOP|CVP|hyper-CVAD|7+3|Aza-Vénétoclax""")

SECTION_WORDS = _split("""Examen|Biologie|Imagerie|Scanner|Échographie|Biopsie|Conclusion|Antécédents|Traitement
|Évolution|Diagnostic|Synthèse|Surveillance|Prescription|Indication|Technique|Résultat|Commentaire|Remarque
|Anamnèse|Contexte|Devenir|Suivi|Bilan|Consultation|Hospitalisation|Allergie|Vaccination|Radiothérapie
|Chimiothérapie|Immunothérapie|Hormonothérapie|Chirurgie|Anesthésie|Réanimation|Kinésithérapie|Orthophonie""")


def tnm(rng) -> str:
    """A staging string: cT2aN1M0, pT1cN0(sn), ypT0N0, T3N2bM1a, stade IIIA, FIGO IIB..."""
    pre = rng.choice(["c", "p", "yp", "", "u", "r"])
    t = rng.choice(["0", "is", "1", "1a", "1b", "1c", "1mi", "2", "2a", "2b", "3", "3a", "4", "4a", "4b", "x"])
    n = rng.choice(["0", "1", "1a", "1b", "2", "2a", "2b", "3", "x", "0(sn)", "1mi"])
    m = rng.choice(["0", "1", "1a", "1b", "1c", "x", ""])
    s = f"{pre}T{t}N{n}" + (f"M{m}" if m else "")
    if rng.random() < 0.15:
        s = s.replace("N", " N").replace("M", " M")
    if rng.random() < 0.3:
        s = rng.choice([f"stade {x}" for x in ["I", "IA", "IB", "II", "IIA", "IIB", "IIIA", "IIIB", "IIIC", "IV", "IVA", "IVB"]]
                       + [f"FIGO {x}" for x in ["IA1", "IB2", "IIB", "IIIC1", "IVB"]]
                       + [f"Ann Arbor {x}" for x in ["IA", "IIB", "IIIA", "IVB"]] + [f"Binet {x}" for x in "ABC"])  # fmt: skip
    return s
