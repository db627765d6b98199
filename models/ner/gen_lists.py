"""Hand-written word lists used by generate.py (names of origins that Faker/mimesis lack or
only give in a non-Latin script, facilities, clinical vocabulary and trap sentences).

Everything here is invented or common knowledge (frequent surnames, public hospital names,
eponyms, drug brand names); nothing comes from a patient record.
"""

# --- Names Faker / mimesis do not give in Latin script -------------------------------------
MAGHREB_FIRST_F = """Fatima Fatma Khadija Aïcha Aicha Nadia Leïla Leila Samira Malika Yamina Zineb Meriem Myriam
Imane Salma Sarah Amina Nora Houria Karima Rachida Farida Naïma Naima Souad Hakima Djamila Fadila Zohra
Yasmine Inès Ines Lina Rania Hanane Siham Latifa Khalida Nawel Sabrina Wassila Chahinez Asma Hind Ikram
Kenza Loubna Nour Safia Wafa Halima Zahra Dounia Hayat Ouarda Rabia Sonia Lamia Nesrine Amel Fadma""".split()
MAGHREB_FIRST_M = """Mohamed Mohammed Mohammed-Amine Ahmed Ali Karim Rachid Samir Youssef Yousef Amine Mehdi Nassim Sofiane
Bilal Hamid Abdelkader Abdallah Abdelaziz Mustapha Mourad Nabil Farid Kamel Djamel Hocine Said Saïd Omar
Brahim Ibrahim Hassan Hicham Khalid Redouane Yassine Walid Tarik Tarek Zakaria Ayoub Anas Ilyes Idriss
Lotfi Slimane Messaoud Larbi Belkacem Aziz Fouad Moussa Rachid Lyes Lounes Salim Fethi Mounir Hamza""".split()
MAGHREB_LAST = """Benali Ben Ali Bensaid Benyahia Ben Youssef Bouzid Haddad Khelifi Mansouri Belkacem Amrani El Amrani
Idrissi El Idrissi Alaoui Bennani Chraibi Tazi Berrada Trabelsi Jaziri Gharbi Ben Salah Hammami Zouari Mejri
Saidi Boudjemaa Cherif Chérif Benmansour Boukhari Meziane Hamidi Ouali Aït Ouali Ait Ahmed Aït Kaci Larbi
Brahimi Bouaziz Mekki Rahmouni Slimani Ziani Belaid Touati Djebbar Amara Hadj Lahlou Fassi El Fassi Bakkali
Benchekroun Ouazzani Tahiri Zerrouki Kaci Ferhat Guerroudj Benhamou Bensalem Maaloul Jebali Kacem Benaïssa
Nasri Lakhdar Saadi Kheddache Boualem Ould Ahmed Boumediene Chaoui Tlemçani Derradji Bouchama Hadjadj""".split(
    "\n"
)
WEST_AFRICA_FIRST_F = """Aminata Fatoumata Mariam Awa Aïssatou Aissatou Kadiatou Coumba Ndeye Rokhaya Adama Fanta Oumou
Astou Binta Djeneba Assitan Mariama Safiatou Khady Seynabou Adjoa Akissi Affoué Ama Yaa Esi Abena Nafissatou""".split()
WEST_AFRICA_FIRST_M = """Mamadou Moussa Ousmane Ibrahima Abdoulaye Seydou Boubacar Amadou Cheikh Modou Souleymane Lamine
Oumar Bakary Sekou Sékou Mamadou-Lamine Kwame Kofi Kouadio Yao Koffi Serge-Alain Ismaël Aliou Demba Malick""".split()
WEST_AFRICA_LAST = """Diallo Traoré Traore Coulibaly Ndiaye N'Diaye Diop Konaté Konate Camara Sow Ba Touré Toure Keita Keïta
Cissé Cisse Sy Fofana Kouassi Kouamé Kouame Koné Kone Bamba Sylla Diarra Dembélé Dembele Sangaré Sissoko Kanté
Doumbia Faye Fall Gueye Mbaye Sarr Niang Seck Diouf Ndour Kaboré Ouédraogo Ouedraogo Sawadogo Zongo Yao Kouakou
Tanoh N'Guessan Nguessan Aka Yapi Mensah Agbodjan Adjovi Houngbo Hounkpatin Okafor Adebayo Mbappé Ekambi""".split()
VIET_FIRST = """Anh Lan Linh Mai Hoa Huong Thu Trang Ngoc Phuong Thuy Van Minh Tuan Hung Dung Long Nam Quang Thanh Hai Duc
Hoang Bao Khanh Thi Thao Hanh Tam Vinh Son Phuc Hieu Loan Nga Kim Cuong""".split()
VIET_LAST = """Nguyen Tran Le Lê Pham Huynh Hoang Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Truong Dinh Lam Mai Trinh Ta Luong
Nguyễn Trần Phạm Võ Đặng""".split()
CHINESE_FIRST = """Wei Li Na Jing Min Yan Ying Lei Jun Hui Xin Yu Ling Fang Hong Mei Xiaoming Xiaoli Jian Hao Yi Chen Lin
Yun Qiang Bo Tao Ming Xiu Lan Zhen Jia Hua Zhihao Zihan Yuxuan Meiling""".split()
CHINESE_LAST = """Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Tang
Song Xu Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Shen Ren Yao
Lu Fu Zhong Jiang Tan Lam Ng Chan Wong Cheung""".split()

# Surnames and first names that are also ordinary French words (traps in both directions).
COMMON_WORD_LAST = """Blanc Petit Boulanger Rose Leblanc Lenoir Legrand Lebrun Boucher Marchand Charpentier Berger Meunier
Fournier Mercier Chevalier Martin Roux Renard Lion Loup Mouton Pain Pierre Lacroix Fontaine Rivière Bois Poirier
Laurier Lejeune Leroy Roy Prince Baron Comte Page Bonhomme Grand Gros Doux Vert Rouge Brun Noir Gris Sage Fort
Marteau Lapierre Lamour Beau Bonnet Chapeau Cordonnier Pasteur Boulang Carré Jardin Moulin Chêne Lefort Lesage
Lemaire Maire Masse Mallet Faucon Pigeon Caillou Salé Mignon Lange Joly Joli Gentil Aimé Delorme Coq Dubois
Besson Savon Rocher Vigne Vacher Tailleur Boyer Barbier Berthe Dieu Dieudonné Bastide Château Ville Pape""".split()
COMMON_WORD_FIRST_F = """Rose Claire Iris Blanche Marguerite Olive Prudence Constance Victoire France Violette Capucine Jade
Perle Océane Marine Céleste Aurore Reine Colombe Fleur Mélodie Ambre Gaëlle Héloïse Paloma Nina Clémence""".split()
COMMON_WORD_FIRST_M = """Pierre Ange Aimé Désiré Modeste Fidèle Clément Constant Léger Prosper Sauveur Bienvenu Félix Martin
Olivier Laurent Vincent Max Marin Florent Noël Pascal Sylvain Bruno""".split()
PARTICLE_LAST = """de La Tour|de Villiers|Le Goff|Le Gall|Le Floch|Le Bihan|Le Roux|Le Guen|Du Pont|d'Artois|de Saint-Exupéry
|van der Berg|Van Damme|Dos Santos|Da Silva|De Oliveira|Da Costa|De Sousa|Dos Reis|Ben Ali|Ben Youssef|El Amrani
|El Idrissi|Aït Ahmed|Ould Mohamed|Mac Gregor|de Lamarck|de Montaigne|du Bellay|de la Fontaine|Le Corre
|de Castelnau|des Rosiers|Lo Presti|Di Stefano|La Rocca|De Luca|D'Angelo|Dell'Aquila|Van den Broeck""".replace(
    "\n", ""
).split("|")
FR_HYPHEN_FIRST_F = """Anne-Sophie Marie-Claire Marie-France Anne-Marie Marie-Hélène Marie-Pierre Anne-Laure Marie-Christine
Marie-Thérèse Marie-Noëlle Anne-Claire Marie-Laure Sophie-Anne Laure-Anne Marie-José Rose-Marie""".split()
FR_HYPHEN_FIRST_M = """Jean-Michel Jean-Pierre Jean-Paul Jean-Luc Jean-Marc Jean-François Pierre-Yves Jean-Baptiste
Jean-Claude Jean-Louis Jean-Philippe Paul-Henri Pierre-Louis Jean-Charles Louis-Marie Marc-Antoine""".split()

# --- Places -------------------------------------------------------------------------------
EXTRA_CITIES = """Dax Mont-de-Marsan Pau Bayonne Agen Périgueux Brive-la-Gaillarde Guéret Aurillac Rodez Albi Cahors Montauban
Auch Tarbes Foix Carcassonne Béziers Sète Alès Arles Avignon Orange Carpentras Gap Digne-les-Bains Draguignan
Fréjus Grasse Antibes Menton Bastia Ajaccio Chambéry Annecy Thonon-les-Bains Annemasse Bourg-en-Bresse Mâcon
Chalon-sur-Saône Nevers Auxerre Sens Troyes Chaumont Épinal Saint-Dié-des-Vosges Colmar Mulhouse Haguenau
Sarreguemines Thionville Verdun Bar-le-Duc Charleville-Mézières Soissons Laon Saint-Quentin Compiègne Beauvais
Creil Abbeville Boulogne-sur-Mer Calais Dunkerque Arras Lens Béthune Valenciennes Maubeuge Cambrai Douai Roubaix
Tourcoing Évreux Vernon Dieppe Fécamp Lisieux Bayeux Cherbourg Saint-Lô Granville Alençon Flers Laval Mayenne
Saint-Brieuc Lannion Morlaix Quimper Quimperlé Lorient Vannes Pontivy Saint-Malo Fougères Vitré Redon Ancenis
Saint-Nazaire La Roche-sur-Yon Les Sables-d'Olonne Cholet Saumur Niort Poitiers Châtellerault La Rochelle
Rochefort Saintes Cognac Angoulême Libourne Arcachon Blaye Marmande Villeneuve-sur-Lot Tulle Ussel Montluçon
Vichy Moulins Le Puy-en-Velay Roanne Vienne Valence Montélimar Privas Aubenas Bourgoin-Jallieu Voiron
Romans-sur-Isère Le Creusot Montceau-les-Mines Dole Lons-le-Saunier Pontarlier Besançon Vesoul Belfort Montbéliard
Blois Vendôme Châteauroux Bourges Vierzon Chartres Dreux Montargis Orléans Pithiviers Étampes Corbeil-Essonnes
Évry Melun Meaux Provins Fontainebleau Pontoise Argenteuil Créteil Bobigny Nanterre Versailles Mantes-la-Jolie
Saint-Germain-en-Laye Clamart Villejuif Ivry-sur-Seine Montreuil Aubervilliers Saint-Ouen Colombes Le Kremlin-Bicêtre
Pointe-à-Pitre Fort-de-France Cayenne Saint-Pierre Saint-Paul Le Tampon Mamoudzou Nouméa Papeete""".split()
FOREIGN_CITIES = """Oran Alger Constantine Annaba Tlemcen Sétif Béjaïa Tizi Ouzou Casablanca Rabat Fès Marrakech Tanger Oujda
Agadir Meknès Tunis Sfax Sousse Bizerte Gabès Dakar Thiès Saint-Louis Bamako Kayes Abidjan Bouaké Conakry Ouagadougou
Niamey Lomé Cotonou Porto-Novo Yaoundé Douala Kinshasa Brazzaville Libreville Antananarivo Moroni Porto Lisbonne Braga
Coimbra Madrid Séville Valence Barcelone Naples Palerme Milan Turin Rome Istanbul Ankara Izmir Konya Varsovie Cracovie
Hô Chi Minh-Ville Hanoï Hanoi Saïgon Shanghai Pékin Wenzhou Canton Bucarest Genève Lausanne Bruxelles Liège""".split()

STREET_NAMES = """de la République|des Lilas|Victor Hugo|Victor-Hugo|du Général de Gaulle|du Général-de-Gaulle|Jean Jaurès
|de la Gare|des Écoles|du Moulin|de Paris|Pasteur|Gambetta|Voltaire|de l'Église|des Acacias|du Stade|de la Paix
|Nationale|de la Liberté|Émile Zola|Jules Ferry|du Maréchal Foch|Carnot|Thiers|de Verdun|du 8 Mai 1945|du 11 Novembre
|des Tilleuls|des Roses|des Peupliers|du Château|de la Mairie|du Port|de la Mer|des Vignes|des Prés|du Lavoir
|Saint-Martin|Sainte-Catherine|des Marronniers|de Bretagne|de Normandie|du Commerce|de l'Industrie|Aristide Briand
|Léon Blum|Jean Moulin|Anatole France|Louis Pasteur|des Cerisiers|du Parc|de la Fontaine|des Chênes|de la Croix
|Pierre et Marie Curie|Charles de Gaulle|de Lattre de Tassigny|du Docteur Schweitzer|des Jardins|de Bellevue
|du Bois|des Mimosas|du Sergent Bobillot|Georges Clemenceau|Paul Vaillant-Couturier|Maurice Thorez|de Strasbourg
|de la Source|des Bleuets|des Hirondelles|des Coquelicots|Sadi Carnot|Édouard Vaillant|du Président Wilson""".replace(
    "\n", ""
).split("|")
STREET_TYPES = [
    ("rue", 30), ("Rue", 14), ("RUE", 3), ("avenue", 10), ("Avenue", 6), ("av.", 2), ("Av.", 2),
    ("boulevard", 5), ("Boulevard", 3), ("bd", 2), ("Bd", 2), ("bld", 1), ("chemin", 4), ("Chemin", 2),
    ("impasse", 3), ("Impasse", 2), ("allée", 3), ("Allée", 2), ("place", 3), ("Place", 2), ("route", 3),
    ("Route", 2), ("quai", 2), ("Quai", 1), ("cours", 1), ("square", 1), ("résidence", 1), ("lotissement", 1),
    ("voie", 1), ("passage", 1), ("sentier", 1), ("cité", 1), ("r.", 1),
]  # fmt: skip

HOSPITALS_FAMOUS = """Hôpital Necker-Enfants malades|Hôpital Necker|Hôpital de la Pitié-Salpêtrière|Pitié-Salpêtrière
|Hôpital européen Georges-Pompidou|HEGP|Hôpital Bichat-Claude-Bernard|Hôpital Bichat|Hôpital Lariboisière
|Hôpital Saint-Louis|Hôpital Tenon|Hôpital Cochin|Hôpital Robert-Debré|Hôpital Édouard-Herriot|Hôpital de la Croix-Rousse
|Hôpital Pellegrin|Hôpital de la Timone|Hôpital Nord|Hôpital Purpan|Hôpital Rangueil|Hôpital Bicêtre|Hôpital Beaujon
|Hôpital Henri-Mondor|Hôpital Avicenne|Hôpital Foch|Hôpital américain de Paris|Institut Curie|Gustave Roussy
|Institut Gustave-Roussy|Institut Paoli-Calmettes|Centre Léon-Bérard|Centre Oscar-Lambret|GHU Paris psychiatrie et neurosciences
|Hôpital Sainte-Anne|Hôpital Paul-Brousse|Hôpital Raymond-Poincaré|Hôpital Trousseau|Hôpital Ambroise-Paré
|Hôpital Charles-Nicolle|Hôpital Haut-Lévêque|Hôpital Femme Mère Enfant|Hôpital Roger-Salengro|Hôpital Claude-Huriez
|Hôpital de Hautepierre|Hôpital Pasteur|Hôpital de l'Archet|Hôpital Lapeyronie|Hôpital Gui-de-Chauliac
|Hôpital Michallon|Hôpital Pontchaillou|Hôpital Bretonneau|Hôtel-Dieu de Nantes|Hôtel-Dieu|Hôpital Laennec
|Hôpital Jean-Verdier|Hôpital Louis-Mourier|Hôpital Antoine-Béclère|Hôpital Saint-Antoine|Hôpital Rothschild
|Fondation Rothschild|Hôpital Lyon Sud|Hôpital Edouard Herriot|Hôpital Saint-Joseph|Hôpital Saint-Camille
|Hôpital Delafontaine|Hôpital Simone-Veil|Hôpital Max-Fourestier|Hôpital Jean-Minjoz|Hôpital Dupuytren
|Hôpital Gabriel-Montpied|Hôpital Estaing|Hôpital Nord Laennec|Hôpital Morvan|Hôpital de la Cavale Blanche""".replace(
    "\n", ""
).split("|")
CLINIC_NAMES = """du Parc|des Cèdres|Saint-Jean|Sainte-Marie|du Pont de Chaume|de l'Anjou|des Lilas|Saint-Augustin
|Pasteur|du Mail|Jules Verne|Bretéché|de la Sauvegarde|du Val d'Ouest|Sainte-Anne|des Alpes|du Cèdre|de l'Union
|Saint-Hilaire|Mutualiste|des Franciscaines|Belharra|Saint-Roch|du Tonkin|de la Croix Blanche|Les Émeraudes
|Monticelli|Rhône Durance|de l'Espérance|Saint-Vincent|du Mont-Louis|Ambroise Paré|Victor Pauchet|Saint-Michel
|de la Loire|Océane|des Augustines|Bon Secours|Les Fontaines|Sainte-Odile|Arago|de Flandre""".replace("\n", "").split("|")
EHPAD_NAMES = """Les Tilleuls|Les Glycines|Le Clos Fleuri|Les Jardins d'Automne|La Roseraie|Les Myosotis|Résidence du Lac
|Les Hortensias|Le Bois Joli|Les Charmilles|Les Magnolias|Résidence Bellevue|Les Capucines|Les Lavandes|La Chênaie
|Korian Les Amandiers|Les Marronniers|Le Val Fleuri|Les Orchidées|Résidence Saint-Joseph|La Source|Les Camélias
|Les Ajoncs|Ty Maudez|Les Bruyères|Résidence Les Pins|Le Moulin Vert|Les Terrasses de la Loire""".replace(
    "\n", ""
).split("|")

# --- Staff roles, specialities, services ---------------------------------------------------
SPECIALITIES = """cardiologie|pneumologie|néphrologie|gastro-entérologie|hépato-gastro-entérologie|médecine interne
|gériatrie|neurologie|endocrinologie|diabétologie|rhumatologie|dermatologie|hématologie|oncologie médicale|urologie
|chirurgie digestive|chirurgie orthopédique|chirurgie vasculaire|chirurgie thoracique|gynécologie-obstétrique
|pédiatrie|psychiatrie|maladies infectieuses|réanimation médicale|soins palliatifs|ORL|ophtalmologie|radiologie
|médecine polyvalente|addictologie|soins de suite et de réadaptation|court séjour gériatrique|neurochirurgie
|médecine vasculaire|anesthésie-réanimation|SAU|UHCD|USIC|unité neuro-vasculaire""".replace("\n", "").split("|")
STAFF_ROLES = """Chef de service|Chef de pôle|Praticien hospitalier|PH|PHU|PU-PH|MCU-PH|CCA|Assistant spécialiste
|Assistante spécialiste|Chef de clinique|Interne|Internes|Externe|Cadre de santé|Cadre supérieur de santé
|Cadre de soins|Secrétariat|Secrétaire médicale|Assistante sociale|Diététicienne|Psychologue|Kinésithérapeute
|Praticien attaché|Docteur junior|IPA|Infirmière coordinatrice|Médecin coordonnateur""".replace("\n", "").split("|")
DOCTOR_SUFFIXES = ["PH", "praticien hospitalier", "Chef de clinique", "CCA", "Interne", "PU-PH", "MCU-PH",
                   "Assistant", "Médecin généraliste", "Cardiologue", "Pneumologue", "Gériatre",
                   "Chef de service", "Docteur junior", "Radiologue", "Chirurgien", "Anesthésiste", "Néphrologue",
                   "Oncologue", "Psychiatre", "Médecin urgentiste", "Pédiatre", "Neurologue"]  # fmt: skip

# --- Clinical vocabulary and traps (never labelled) ----------------------------------------
EPONYMS = """maladie de Crohn|score de Glasgow|maladie d'Alzheimer|maladie de Parkinson|lymphome de Hodgkin
|maladie de Basedow|thyroïdite de Hashimoto|sarcome de Kaposi|syndrome de Guillain-Barré|maladie de Willebrand
|maladie de Horton|maladie de Behçet|maladie de Charcot|syndrome de Cushing|maladie d'Addison|syndrome de Raynaud
|syndrome de Marfan|tétralogie de Fallot|syndrome de Wolff-Parkinson-White|mal de Pott|maladie de Lyme
|virus d'Epstein-Barr|score d'Apgar|indice de Karnofsky|score de Ranson|stade de Leriche et Fontaine
|signe de Lasègue|signe de Murphy|point de Mac Burney|signe de Babinski|manœuvre de Valsalva|cul-de-sac de Douglas
|triangle de Scarpa|polygone de Willis|coloration de Gram|frottis de Papanicolaou|Holter ECG|écho-Doppler
|sonde de Swan-Ganz|sonde de Foley|drain de Redon|intervention de Hartmann|duodénopancréatectomie de Whipple
|fundoplicature de Nissen|cure de Lichtenstein|butée de Latarjet|classification de Child-Pugh|score de Child-Pugh
|score de CHA2DS2-VASc|score HAS-BLED|critères de Duke|échelle de Norton|score de Braden|MMSE de Folstein
|test de Romberg|signe de Kernig|signe de Brudzinski|syndrome de Gougerot-Sjögren|maladie de Biermer
|syndrome de Sézary|maladie de Waldenström|myélome de Kahler|maladie de Paget|syndrome de Klinefelter
|syndrome de Turner|trisomie 21|maladie de Still|maladie de Wilson|maladie de Gaucher|maladie de Fabry
|syndrome de Lynch|œsophage de Barrett|maladie de Hirschsprung|syndrome de Mallory-Weiss|score de Wells
|règle d'Ottawa|classification de Forrest|classification de Los Angeles|score de Silverman|manœuvre de Heimlich
|position de Trendelenburg|ligament de Treitz|cellules de Langerhans|test de Coombs|réaction de Wright
|maladie de Dupuytren|maladie de Ménière|paralysie de Bell|névralgie d'Arnold|cancer de Merkel|syndrome de Down
|score de Fine|échelle de Borg|classification NYHA|score de Gleason|classification de Breslow|stade FIGO""".replace(
    "\n", ""
).split("|")
DRUGS = """Doliprane|Kardégic|Lovenox|Préviscan|Eliquis|Xarelto|Levothyrox|Augmentin|Tahor|Inexium|Lasilix|Seresta
|Stilnox|Tramadol|Skenan|Oxynorm|Metformine|Januvia|Lantus|Novorapid|Amlor|Coversyl|Bisoprolol|Aldactone|Plavix
|Crestor|Xanax|Deroxat|Lexomil|Dafalgan|Efferalgan|Spasfon|Gaviscon|Forlax|Movicol|Eupantol|Mopral|Zyloric
|Colchicine|Cortancyl|Solupred|Ventoline|Seretide|Symbicort|Spiriva|Rocéphine|Tazocilline|Flagyl|Oflocet
|Bactrim|Zithromax|Clamoxyl|Orbénine|Vancomycine|Tégrétol|Dépakine|Keppra|Lamictal|Risperdal|Haldol
|Tercian|Loxapac|Zyprexa|Abilify|Lyrica|Neurontin|Laroxyl|Seroplex|Effexor|Imovane|Atarax|Kayexalate
|Furosémide|Amiodarone|Cordarone|Digoxine|Héparine|Calciparine|Insuline|Humalog|Ozempic|Trulicity|Jardiance
|Forxiga|Entresto|Temesta|Paracétamol|Ibuprofène|Kétoprofène|Profénid|Acupan|Nefopam|Morphine|Fentanyl
|Durogesic|Actiskenan|Laroscorbine|Uvédose|Speciafoldine|Tardyféron|Fumafer|Calcidose|Orocal|Diffu-K""".replace(
    "\n", ""
).split("|")
ACRONYMS = """HTA|BPCO|IRM|TDM|ECG|ETT|ETO|AVC|AIT|SCA|IDM|FA|ACFA|EP|TVP|DT2|DT1|IRC|IRA|OAP|AEG|RAD|RAS|ATCD|NFS|CRP
|BHC|IDE|AS|SSR|USLD|HDJ|SAMU|SMUR|EHPAD|SAU|UHCD|USIC|IOA|PAC|VVP|SNG|SAD|TA|FC|FR|SpO2|GCS|EVA|ECBU|HbA1c
|BNP|TSH|INR|TP|TCA|DFG|MDRD|PSA|ACE|VIH|VHB|VHC|SARM|BLSE|EPP|LATA|ALD|APA|MDPH|HAD|SSIAD|CMP|CATTP|RCP|CRH
|PH|CCA|MG|MT|ORL|AINS|AVK|AOD|HBPM|IPP|IEC|ARA2|BB|NSTEMI|STEMI|TAVI|PTH|PTG|CPRE|FOGD|IRM|EEG|EMG|PET-scan
|TEP|RTU|HBP|SEP|SLA|PR|LED|VS|ASP|AAP|TIPS|CHC|NASH|MICI|RGO|SII|IST|IVG|SA|DDR|CNGOF|SFAR|HAS|ARS|CPAM|CMU|AME""".replace(
    "\n", ""
).split("|")
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]  # fmt: skip
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
COUNTRIES = """Algérie Maroc Tunisie Sénégal Mali Côte d'Ivoire Portugal Espagne Italie Turquie Pologne Vietnam Chine
Cameroun Congo Guinée Comores Haïti Roumanie Belgique Suisse""".split()
OCCUPATIONS = """boulanger|boulangère|retraité|retraitée|agriculteur|enseignante|infirmière|aide-soignante|chauffeur routier
|maçon|comptable|sans profession|étudiant|étudiante|ouvrier du bâtiment|cadre commercial|artisan plombier
|agent d'entretien|coiffeuse|boucher|menuisier|charpentier|marchand forain|berger|meunier|pâtissier|pharmacien
|secrétaire|mécanicien|électricien|aide à domicile|auxiliaire de vie|vendeuse|militaire|pompier|policier""".replace(
    "\n", ""
).split("|")

# Clinical sentences written for the generator; some carry traps (common-word names used as words,
# eponyms, drugs, acronyms, unnamed facilities). {X} placeholders are filled with random values.
CLINICAL_SENTENCES = """Patient de {age} ans aux antécédents de HTA et de DT2 sous Metformine.
Patiente de {age} ans, G2P2, sans antécédent notable.
Hospitalisé pour AEG avec perte de {kg} kg en trois mois.
Pas de fièvre, pas de frissons, pas de signe fonctionnel urinaire.
L'examen clinique retrouve un souffle systolique au foyer aortique.
Teint pâle, conjonctives décolorées, muqueuses sèches.
Présence d'un petit nodule blanc de la corde vocale droite.
Éruption rose pâle du tronc, non prurigineuse.
Il travaille comme boulanger depuis vingt ans et décrit des réveils nocturnes.
Elle est boulangère et se lève à 3 heures du matin.
Ancien marchand forain, il vit seul en appartement au deuxième étage sans ascenseur.
Antécédent de maladie de Crohn opérée en 2008 (résection iléo-caecale).
Score de Glasgow à 15 à l'arrivée, pupilles symétriques et réactives.
Signe de Babinski bilatéral, réflexes ostéo-tendineux vifs.
Mise sous Lovenox 4000 UI/j et Doliprane 1 g x3/j.
Relais Préviscan débuté le {d}, INR cible entre 2 et 3.
Introduction de Kardégic 75 mg et Tahor 40 mg.
Bilan biologique : Hb {hb} g/dL, plaquettes {plt} G/L, CRP {crp} mg/L, créatinine {creat} µmol/L.
ECG : rythme sinusal, pas de trouble de la repolarisation.
ETT : FEVG conservée à {fevg} %, pas de valvulopathie significative.
Le scanner thoraco-abdomino-pelvien ne retrouve pas de lésion secondaire.
IRM cérébrale : lésions de la substance blanche compatibles avec une leucoaraïose.
Retour à domicile avec passage de l'IDE deux fois par jour.
Transfert en SSR prévu la semaine prochaine.
Retour en EHPAD après avis gériatrique.
Elle a été adressée par les urgences de l'hôpital pour prise en charge d'une décompensation cardiaque.
Le patient a été vu en consultation au CHU il y a deux ans.
Suivi à la clinique pour une insuffisance rénale chronique stade 3b.
Prise en charge en hôpital de jour pour cure de fer injectable.
Surveillance en soins continus pendant 48 heures.
Appel du SAMU pour douleur thoracique typique.
Consultation de contrôle dans trois mois avec bilan biologique.
Pas d'allergie médicamenteuse connue.
Allergie à la pénicilline (urticaire).
Tabagisme sevré, estimé à {pa} PA. Pas de consommation d'alcool.
Vit avec son épouse, autonome pour les actes de la vie quotidienne.
Vit seule à domicile, aides à domicile trois fois par semaine, portage des repas.
Mesures de protection : aucune.
Traitement habituel : Amlor 5 mg, Coversyl 5 mg, Levothyrox 75 µg, Inexium 20 mg.
Évolution favorable sous antibiothérapie par Augmentin, apyrexie obtenue à J3.
Douleur évaluée à {eva}/10 sur l'échelle EVA, soulagée par Tramadol.
Classification NYHA II, BNP à {bnp} pg/mL.
Diagnostic de BPCO stade GOLD 3 avec exacerbations fréquentes.
Pas d'argument pour une embolie pulmonaire (score de Wells faible, D-dimères négatifs).
Fibrillation atriale paroxystique, CHA2DS2-VASc à 4, anticoagulation par Eliquis.
Pas de déficit sensitivo-moteur, pas de syndrome méningé.
Avis pris auprès du chirurgien de garde : pas d'indication opératoire en urgence.
Discussion en RCP prévue, le dossier sera présenté mardi.
La patiente est informée du diagnostic et souhaite réfléchir avant de débuter la chimiothérapie.
Le patient refuse la pose de sonde naso-gastrique.
Sortie contre avis médical, décharge signée.
Ablation des agrafes à J10 par l'IDE libérale.
Kinésithérapie respiratoire quotidienne, verticalisation au fauteuil.
Régime sans sel strict et restriction hydrique à 1 L/j.
Glycémies capillaires instables, adaptation du schéma insulinique (Lantus {ui} UI le soir).
Troubles cognitifs connus (MMSE à {mmse}/30), suivi en consultation mémoire.
Chute mécanique à domicile sans perte de connaissance, resté au sol deux heures.
Escarre talonnière droite stade 2, soins locaux par hydrocolloïde.
Pas de contre-indication à la reprise du travail.
Arrêt de travail de quinze jours.
Le rose thé de la peau est noté en regard de la cicatrice.
Aspect blanc nacré de la lésion, bords surélevés évoquant un carcinome basocellulaire.
Petit épanchement pleural droit de faible abondance.
La pierre angulaire du traitement reste la rééducation.
Ordonnance de sortie remise en main propre.
Hémocultures positives à Staphylococcus aureus sensible à la méticilline.
ECBU : Escherichia coli BLSE, traitement adapté par Oflocet.
Patient porteur d'un PAC depuis mars, rinçage mensuel.
Le service de cardiologie a été contacté pour avis.
Transfert en réanimation pour aggravation respiratoire.
Revue aux urgences pour récidive des douleurs abdominales.
Pas de signe de Murphy, abdomen souple et dépressible.
Toucher rectal : prostate de taille normale, indolore.
Test de Romberg négatif, marche sans aide technique.
Mise en place d'une sonde de Foley pour rétention aiguë d'urines.
Cholécystectomie par cœlioscopie en 2015.
Antécédent de cancer du sein gauche traité par tumorectomie et radiothérapie.
Ponction lombaire : liquide clair, 2 éléments/mm3, protéinorachie normale.
La fille de la patiente est présente lors de l'entretien.
L'épouse du patient est informée par téléphone de son hospitalisation.
Le médecin traitant sera informé de la modification thérapeutique.
Contact pris avec l'assistante sociale pour une demande d'APA.
Demande de place en EHPAD en cours.
Dossier MDPH à renouveler.
Patient sous tutelle, le mandataire judiciaire est informé.
Il dit avoir arrêté le Seresta depuis une semaine.
Pas de trouble de la déglutition, alimentation normale.
Reprise du transit, ablation de la SNG.""".split(
    "\n"
)

# Text fragments that look like names or places to a naive model but are not to be labelled.
TRAP_SNIPPETS = """Service de Médecine Interne
Pôle Cardio-Thoracique
Unité de Soins Intensifs Cardiologiques
Hôpital de jour d'oncologie
Consultation d'anesthésie
Secrétariat des consultations externes
Bloc opératoire central
Plateau technique de rééducation
Laboratoire de biologie médicale
Pharmacie à usage intérieur
Département d'information médicale
Centre 15
Urgences adultes
Service d'accueil des urgences
Équipe mobile de soins palliatifs
Équipe mobile de gériatrie
CPAM
Caisse d'assurance retraite
Mutuelle
Sécurité sociale
Maison départementale des personnes handicapées""".split(
    "\n"
)
