"""DATE: numeric, with month names or abbreviations, partial ("mars 2019"), and in words.

Bare years ("en 2019", "(2015)") are dates with the detector `date.year_only`, a lower score,
so that a policy can tell them apart (and keep them) and any other reading of the number wins.
"""

from __future__ import annotations

import re
from datetime import date as calendar_day
from itertools import chain
from typing import Iterable, Iterator

from spacy.tokens import Doc

from redactor.dates import FRENCH_MONTH_FORMS, MONTH_FORMS, WEEKDAYS, _UNITS, parse_date
from redactor.findings import Finding
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.patterns import first_characters

_MONTH = "|".join(sorted((re.escape(m) for m in MONTH_FORMS), key=len, reverse=True))
_DAY_WORDS = "|".join(sorted((w for w in _UNITS if w not in ("cent", "cents", "mille", "mil")), key=len, reverse=True))
# at most six words: a run of "quatre-quatre-quatre-..." was read from each of its words to its
# end (42 s at 100,000 characters)
_NUMBER_WORDS = rf"(?:(?:{_DAY_WORDS}|cents?|mille|mil|et)(?:[\s\-]+|(?=\s))){{1,6}}"
_YEAR = r"(?:19|20)\d{2}"


def _initial_of(*word_lists: Iterable[str], digit: bool = False) -> str:
    """A lookahead on the first character of a match that must begin with one of these words (or
    with a digit). The patterns on a fixed list of words below write the class out: (?=[de])
    for "du|entre"."""
    digits = r"\d" if digit else ""
    return rf"(?=[{first_characters(*word_lists)}{digits}])"


# Every match of the numeric patterns below starts with an ASCII digit (each alternative opens with
# [0-3], [1-9], 1, 19 or 20...): "(?=[0-9])" first spares the lookbehind and the alternatives elsewhere.
_NUMERIC = re.compile(
    # (or glued to "le", "du", "au" before it: "le12/03/2024")
    r"(?=[0-9])(?:(?<![\w/.\-,])|(?<=\ble)|(?<=\bdu)|(?<=\bau))(?:"
    r"(?:0?[1-9]|[12]\d|3[01])(?P<s1>[/.\-])(?:0?[1-9]|1[0-2])(?P=s1)(?:(?:19|20)\d{2}|\d{2})"  # 12/03/2019
    r"|(?:19|20)\d{2}(?P<s2>[\-/.])(?:0?[1-9]|1[0-2])(?P=s2)(?:0?[1-9]|[12]\d|3[01])"  # 2019-03-12, 2019/3/12
    r"|(?:0?[1-9]|[12]\d|3[01])(?P<s3>[ .\-/]?)(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)(?P=s3)(?:(?:19|20)\d{2}|\d{2})"  # 12-III-2019
    r"|(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])/(?:19|20)\d{2}"  # 02/14/1997: month first, where the day says so
    r"|(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}"  # 03/2019
    r"|(?:0[1-9]|1[0-2])[\-.](?:19|20)\d{2}(?![\-.]\d)"  # 03-2019, 03.2019
    r"|(?:19|20)\d{2}/(?:0[1-9]|1[0-2])(?!/\d)"  # 2019/03
    r"|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?!-\d)"  # 2019-03
    r")(?:(?=T\d{2}:)|(?=à[ \t]*\d)|(?![\w/]|[.,]\d))"  # a time stamp may follow: "2024-08-11T04:31:09", "12/03/2024à 10h"
)
# "12 03 2019": day, month and four-digit year separated by spaces only
# a numeric date cut by a line break after a separator, as PDF copies wrap it: "Né(e) le : 22/06/\n1958"
_WRAPPED_NUMERIC = re.compile(
    r"(?=[0-9])(?<![\w/.\-,])(?:0?[1-9]|[12]\d|3[01])(?P<s>[/.\-])(?:"
    r"(?:0?[1-9]|1[0-2])(?P=s)[ \t]*\n[ \t]*(?:19|20)\d{2}"  # 22/06/⏎1958
    r"|[ \t]*\n[ \t]*(?:0?[1-9]|1[0-2])(?P=s)(?:19|20)\d{2}"  # 22/⏎06/1958
    r")(?![\w/]|[.,]\d)"
)
_SPACED = re.compile(r"(?=[0-9])(?<![\w.,])(?<!\d )(?:0?[1-9]|[12]\d|3[01]) (?:0[1-9]|1[0-2]) (?:19|20)\d{2}(?![\w]| \d)")
# "en 2019", "(2015)", "2012 : cholécystectomie": a year alone, not a quantity ("2000 mg")
_UNIT = (
    r"[ \u00a0\u202f]{0,2}(?:%|°|€|\$|/|(?i:mg|g|kg|µg|ug|mcg|ng|ml|l|dl|cl|ui|u|cc|mm|cm|m|km|kcal|cal|mmhg|mmol|µmol|"
    r"umol|meq|mosm|fois|cp|comprimés?|gélules?|unités?|patients?|cas|personnes?|habitants?|cellules?|"
    r"copies?|plaquettes?|globules?|gray|gy|rad|mci|mbq|euros?|pas|m²|m2)(?![\w]))"
)
_UNIT_AFTER = re.compile(_UNIT)
# (not the year that opens a record number: "2024-ORD-004587", "2024-58741"; "2019-20" stays)
_YEAR_ALONE = re.compile(rf"(?=[0-9])(?<![\w.,/\-])(?P<year>19[0-9]\d|20[0-3]\d)(?![\w]|[.,]\d| ?\d|-(?:\d{{3}}|[^\W\d_])|{_UNIT})")
# "1 950" is a number in thousands, but "pontage x3 2018" a year
_THOUSANDS_BEFORE = re.compile(r"(?<![\w.,])\d{1,3} $")
# "04/2025-10/2025", "12/03/2025 - 15/03/2025": the end of a range of numeric dates
_RANGE_END = re.compile(
    r"[ \t]*[\-–—][ \t]*(?P<date>(?:(?:0?[1-9]|[12]\d|3[01])/)?(?:0?[1-9]|1[0-2])/(?:19|20)\d{2})(?![\w/]|[.,]\d)"
)
# "année scolaire 2025-2026", "2019/2020": a range of years, kept like a year by policies
_YEAR_RANGE = re.compile(r"(?=[0-9])(?<![\w.,/\-])(?:19|20)\d{2}[\-/](?:19|20)\d{2}(?![\w]|[.,/\-]\d)")
# "14/12" (day/month, two digits each): a date unless the context says score, ratio or pressure
_DAY_MONTH_BARE = re.compile(r"(?=[0-9])(?<![\w/.,])(?:0[1-9]|[12]\d|3[01])/(?:0[1-9]|1[0-2])(?![\w/]|[.,]\d)")
# ... its day or month in one digit, before a time: "(labo CH Valence, 9/5 20h)", "le 3/2 à 14h30"
_DAY_MONTH_BEFORE_TIME = re.compile(
    r"(?=[0-9])(?<![\w/.,])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?=[ \t]+(?:à[ \t]+)?\d{1,2}(?:h|H|:\d{2})(?:\d{2})?(?![\w/]))"
)
_NOT_A_DAY_MONTH_BEFORE = re.compile(
    r"(?i:\b(?:TA|PA|PAS|PAD|tension|vision|acuité|acuité[ \t]+visuelle|visuelle|AV|score|MMS|MMSE|EVA|EN|Glasgow|GCS|Apgar|note|"
    r"ratio|dilution|OD|OG|ODG|Epworth|HAD|Fagerström|Lawton|ADL|IADL|CDR|BREF|MoCA|Algoplus|Doloplus|ECPA|Braden|Norton|RASS|BPS|"
    r"EVS|NRS|CPOT|page|pages|pg|p(?=\.)|feuillet)\b)\.?[\s:=à]*$"
)  # (and a page's number: "P. 01/02", "page 1/2")
# "Apgar 9/10/10": the three scores at 1, 5 and 10 minutes, no date
_APGAR_BEFORE = re.compile(r"(?i:\bapgar\b)[\s:=à]*$")
# "5/01 - Mme B. refuse...", "12/3 : visite": a day/month opening a transmission line
_DAY_MONTH_LINE_START = re.compile(r"(?m)^[ \t]*(?P<date>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))(?=[ \t]*[\-–:][ \t]|\t)")
# months as fax, lab and pharmacy systems abbreviate them, French and English
_ABBREVIATED_MONTH = r"jan|feb|f[ée]v|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|ao[uû]|sep|sept|oct|nov|dec|d[ée]c"
# "06-OCT-2026", "21-aug-25": an abbreviated month between dashes (fax and lab system stamps)
_MONTH_BETWEEN_DASHES = re.compile(
    rf"(?=[0-9])(?<![\w])(?:0?[1-9]|[12]\d|3[01])-(?i:{_ABBREVIATED_MONTH})-(?:(?:19|20)\d{{2}}|\d{{2}})(?![\w])"
)
# a birth date written as eight or six digits after its label: "Date de naissance : 29021980",
# "DDN : 030450"
_BIRTH_DATE_COMPACT = re.compile(
    r"(?i:(?=[dn])\b(?:n[ée]e?|n[ée]\(e\)|ddn|date\s+de\s+naissance|naissance)\b)[^\n\d]{0,12}"
    r"(?P<date>(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:(?:19|20)\d{2}|\d{2}))(?![\w])"
)
# the time and offset of an ISO time stamp after its date: "2025-04-28T07:58:12+02:00"
_ISO_TIME_AFTER = re.compile(r"T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,6})?)?(?:Z|[+\-](?:[01]\d|2[0-3]):?[0-5]\d)?(?![\w])")
# an HL7 or CDA time stamp: date, hour and minutes, seconds if any, then an offset if any
# ("20250402063000", "20250609143012+0200")
_HL7_STAMP = re.compile(
    r"(?=[12])(?<![\w.,/\-])(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d(?:\.\d{1,4})?)?"
    r"(?:[+\-](?:[01]\d|2[0-3])[0-5]\d)?(?![\w]|[.,/]\d)"
)
# eight digits alone, day-month-year or year-month-day, in tables and exports ("12061947",
# "19420117"): a date when the calendar reads them so, unless an identifier's label precedes
_COMPACT = re.compile(r"(?=[0-9])(?<![\w.,/\-])\d{8}(?![\w]|[.,/\-]\d)")
_IDENTIFIER_LABEL_BEFORE = re.compile(
    r"(?i:(?<![\w])(?:IPP|NIP|NDA|NDP|INS|RSS|RUM|s[ée]jour|dossier|patient|venue|n°|no|num[ée]ro|"
    r"identifiant|id|r[ée]f|lot|commande|facture|code|FINESS|RPPS|ADELI|t[ée]l))[ \t.]*(?:n°)?[ \t]*[:=#]?[ \t]*$"
)
# "en 03/24", "depuis 11/23": a month and a two-digit year after a word that dates from it
_MONTH_SHORT_YEAR = re.compile(
    r"(?i:(?=[deèj])\b(?:en|depuis|dès|des|jusqu['’]en|début|debut|fin)\s+)(?P<date>(?:0[1-9]|1[0-2])/\d{2})(?![\w/]|[.,]\d)"
)
# "le 2/3" (day/month with one-digit parts) only after "le", "du", "au", "depuis le"...
_DAY_MONTH = re.compile(
    rf"(?i:(?=[acdjlmsv])\b(?:le|du|au|depuis\s+le|jusqu'au|avant\s+le|après\s+le|vu\s+le|ce|date[ \t]*:|{'|'.join(WEEKDAYS)})\s*(?<=\s|:))"
    # ("le 21.09" dotted, its parts of two digits and no unit after: "le 2.5 mg" is a dose)
    r"(?P<date>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])|(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])(?![ \t]*(?i:mg|g|ml|µg|ui|mmol|%|kg|cm|mm)\b))"
    r"(?![\w/]|[.,]\d)"
)
# "du 4 au 12 mars 2022", "du 08 au 12/03/2026", "du 6 et du 7 mars": the first day is a date too
# (each day may follow its weekday, abbreviated or not: "du lun. 10 au ven. 14 février 2025")
# a weekday, written out or abbreviated ("ven.")
_WEEKDAY_FORMS = rf"(?:{'|'.join(WEEKDAYS)}|lun|mar|mer|jeu|ven|sam|dim)"
_WEEKDAY_OPTIONAL = rf"(?:{_WEEKDAY_FORMS}\.?\s+)?"
_RANGE_START = re.compile(
    # (or after a label's colon, a bracket or at a line's start: "Bayonne : 12 au 19 janvier
    # 2025"; not after a comma: "4, 11 et 18 mars" lists days)
    rf"(?:(?i:(?=[del])\b(?:du|le|entre\s+le)\s+)|(?<=[:(][ \t])|(?m:^)[ \t]*){_WEEKDAY_OPTIONAL}(?P<date>(?:1er|[0-3]?\d))(?:\s+(?:au|et(?:\s+(?:le|du))?)\s+"
    rf"{_WEEKDAY_OPTIONAL}(?P<second>[0-3]?\d)(?:\s+(?:{_MONTH})|[/.](?:0?[1-9]|1[0-2])(?![\w])))"
)
# "19 / 08 / 1970", "03/04/ 2021", "03 /04 /2021": spaces around the separators (typed or
# extracted unevenly), four-digit year
_SPACED_SEPARATORS = re.compile(
    r"(?=[0-9])(?<![\w/.])(?:0?[1-9]|[12]\d|3[01])[ \t]*(?P<s>[/.\-])[ \t]*(?:0?[1-9]|1[0-2])[ \t]*(?P=s)[ \t]*(?:19|20)\d{2}(?![\w])"
)
# "le 3 4 1950": spaces only and a one-digit month, after "le"
_SPACED_AFTER_LE = re.compile(
    r"(?i:(?=l)\ble[ \t]+)(?P<date>(?:0?[1-9]|[12]\d|3[01]) (?:0?[1-9]|1[0-2]) (?:19|20)\d{2})(?![\w]| \d)"
)
# "Date de l'accident : 12 03 24", "DDN : 3 4 50": spaces only after a date's label
_SPACED_AFTER_LABEL = re.compile(
    r"(?i:(?=[dn])\b(?:date\b[^:\n]{0,30}|ddn|n[ée]e?\s+le)[ \t]*:[ \t]*)(?P<date>(?:0?[1-9]|[12]\d|3[01]) (?:0?[1-9]|1[0-2]) (?:(?:19|20)\d{2}|\d{2}))(?![\w]| \d)"
)
# month names written in full, accented or not (the places rules share them: "rue du 19 mars 1962")
# (French only: a month alone from abroad, "depuis march", reads as a word)
MONTH_NAMES = "|".join(m for m in FRENCH_MONTH_FORMS if (len(m) >= 4 or m == "mai") and m not in {"janv", "févr", "fevr", "juil", "sept"})
_FULL_MONTH_NAMES = frozenset(MONTH_NAMES.split("|"))
# "03/avril/2021", "3.mars.21", "03AVR2021" (lab and pharmacy stamps): a month in letters
# between the day and the year, set apart by one mark or glued
_MONTH_BETWEEN_MARKS = re.compile(
    rf"(?=[0-9])(?<![\w])(?:0?[1-9]|[12]\d|3[01])(?P<s>[/.]?)(?i:{MONTH_NAMES}|{_ABBREVIATED_MONTH})(?P=s)(?:(?:19|20)\d{{2}}|\d{{2}})(?![\w])"
)
# "avr-21", "AVR/2021": an abbreviated month and its year
_MONTH_DASH_YEAR = re.compile(rf"(?=[jfmasondJFMASOND])(?<![\w\-/])(?i:{_ABBREVIATED_MONTH})[\-/](?:(?:19|20)\d{{2}}|\d{{2}})(?![\w]|[\-/]\d)")
# "en février", "depuis novembre", "fin septembre", "avant janvier": a month named alone after a
# time word
_MONTH_ALONE = re.compile(
    rf"(?i:(?=[acdefjmv])\b(?:en|depuis|début|debut|fin|mi-|courant|dès|des|jusqu'en|avant|après|apres|vers|de|du|d['’]|au\s+mois\s+de|au\s+mois\s+d['’]|mois\s+de|mois\s+d['’])\s*"
    # or alone in brackets: "depuis les vendanges (septembre)"
    rf"|(?<=\()[ \t]*(?=(?i:{MONTH_NAMES})[ \t]*\)))"
    rf"(?P<date>(?:{MONTH_NAMES})(?![\w])|(?:janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec)\.)"
)
# "demande faite en Mars": a capitalised month after a word of time (not after "de": "de Mai" is
# a first name as often)
_CAPITALISED_MONTH_ALONE = re.compile(
    rf"(?i:(?=[cdefjm])\b(?:en|depuis|début|debut|fin|courant|jusqu'en|mi-)\s*)"
    rf"(?P<date>(?:{'|'.join(month.capitalize() for month in MONTH_NAMES.split('|'))})(?![\w]))"
)
# "(avril à juin)", "mars-avril", "de mars à mai 2024": both months of a range of months (the
# second with its year, if any, is also read by the month-and-year rules)
_MONTH_RANGE = re.compile(
    rf"(?i:{_initial_of(MONTH_NAMES.split('|'))}(?<![\w])(?P<first>{MONTH_NAMES})[ \t]*(?:-|–|à|a|au)[ \t]*(?P<second>{MONTH_NAMES})(?![\w]))"
)
# "depuis le 26", "jusqu'au 14": a day of the month alone after a word that dates from or to it
_DAY_ALONE = re.compile(
    r"(?i:(?=[adjà])\b(?:depuis\s+le|jusqu['’]au|à\s+partir\s+du|a\s+partir\s+du|dès\s+le|des\s+le)\s+)"
    r"(?P<date>1er|3[01]|[12]\d|0?[1-9])(?![\w/:]|[.,]\d|\s*(?:h\b|heures?|ans?\b|jours?|mois|semaines?|%|e\b|ème|er\b))"
)
# "sortie prévue vendredi 18 si INR stable", "livraison vendredi 4 normalement": a day after its
# weekday, when what follows ends the date ("vendredi 2 comprimés" counts tablets)
_DAY_AFTER_WEEKDAY = re.compile(
    rf"(?i:(?=[lmjvsd])\b(?:{'|'.join(WEEKDAYS)})[ \t]+)(?P<date>1er|3[01]|[12]\d|0?[1-9])(?![.,]\d)"
    r"(?=[ \t]*(?:[,.;:()\n]|$|[\-–—][ \t]|(?i:si|et|ou|à|au|pour|avec|dans|matin|soir|midi|après-midi|prochain|dernier|"
    r"normalement|probablement|sinon|comme|chez|vers|puis|mais|donc|aussi|également|sauf|inclus)(?![\w])))"
)
# "rendez-vous le 26 mais...", "confirme le 22.", "le 29 à 8h30", "autour du 25": a day alone after
# "le" or "du" where what follows ends the date (not "le 2 comprimés", "le 5-FU", "le 3e"); not
# the emergency numbers after a call ("appeler le 15", "fait le 18")
_DAY_AFTER_ARTICLE = re.compile(
    r"(?i:(?=[dla])\b(?:le|du|au)\s+)(?P<date>1er|3[01]|[12]\d|[1-9])(?![.,]\d)"
    r"(?=[ \t]*(?:[,.;)\n]|$|(?i:à|a)[ \t]*\d{1,2}[ \t]*h|(?i:si|ou|pour|avec|mais|matin|soir|midi|après-midi|prochain|courant)(?![\w])))"
)
# "du 12 au 15.": two days alone, when what follows ends the range
_DAY_RANGE = re.compile(
    r"(?i:(?=d)\bdu\s+)(?P<first>1er|3[01]|[12]\d|0?[1-9])\s+au\s+(?P<second>3[01]|[12]\d|0?[1-9])(?=[ \t]*(?:[,.;)\n]|$|inclus))"
)
# "le week-end du 8-9 mars", "les 12-13 juin": the first day of two joined by a dash
_DAY_BEFORE_DASHED_DATE = re.compile(
    rf"(?=[0-9])(?<![\w\-/.,])(?P<first>3[01]|[12]\d|0?[1-9])[ ]?[\-–][ ]?(?=(?:3[01]|[12]\d|0?[1-9])[ \t]+(?i:{MONTH_NAMES})(?![\w]))"
)
_CALL_BEFORE = re.compile(r"(?i:\b(?:appel\w*|compos\w*|fai\w*|joindre|joint|contact\w*|prévenu\w*|prevenu\w*|numéro|numero)\b[^.;\n]{0,30})$")
_WEEKDAY_BEFORE = re.compile(
    rf"(?i:(?<![\w])(?:{_WEEKDAY_FORMS}\.?[ \t]+|mi-))$"
)
# holidays date an event as well as a day does: "à la Toussaint 2021", "Noël 2023", "depuis Pâques"
# the initials of the holidays below (of "jour", "nouvel", "réveillon" in both cases)
_HOLIDAY = re.compile(
    r"(?=[1AJNPRTjnpr])(?<![\w])(?P<date>(?:Toussaint|Noël|Noel|Pâques|Paques|Pentecôte|Pentecote|Ascension|(?:1er|premier)\s+de\s+l['’]an|"
    r"(?i:jour\s+de\s+l['’]an|nouvel\s+an|réveillon))(?:\s+(?:19|20)\d{2})?)(?![\w])"
)
_YEAR_WORDS = r"(?:deux\s+mil(?:le)?|mil(?:le)?\s+neuf\s+cents?|dix-neuf\s+cents?)"
_TEXTUAL = re.compile(
    rf"(?i:{_initial_of(WEEKDAYS, ['premier', 'et'], _UNITS, MONTH_FORMS, digit=True)}(?<![\w])"
    rf"(?:{_initial_of(WEEKDAYS)}(?:{'|'.join(WEEKDAYS)})\s+)?"
    rf"(?P<date>(?:(?:1er|premier|[0-3]?\d-?|{_initial_of(_UNITS, ['et'])}{_NUMBER_WORDS})\s*)?"  # "12-mars"
    # not the end of a number word: "soixante-sept" is no September
    rf"(?<!ingt-)(?<!ente-)(?<!ante-)(?<!dix-){_initial_of(MONTH_FORMS)}(?:{_MONTH})(?:\.|(?![\w]))"
    # (a two-digit year is no numeric date's day nor a time's hour: "LÊ Thị Mai   22/07/1981")
    rf"(?:\s*(?:{_YEAR}|\d{{2}}(?![\w/.:\-])|'\d{{2}}|{_YEAR_WORDS}(?:[\s\-]+(?:{_DAY_WORDS}|et))*))?))"
)
# dictated letters: "diagnostiquée en deux mille cinq", "depuis deux mille dix-huit"; deeds and
# minutes: "L'an deux mille vingt-cinq, le quinze octobre"
_YEAR_IN_WORDS = re.compile(
    rf"(?i:(?=[adejl])\b(?:en|depuis|dès|des|jusqu['’]en|année|l['’]an)\s+)(?P<date>{_YEAR_WORDS}(?:[\s\-]+(?:{_DAY_WORDS}|et(?=[\s\-]+un\b))(?![\w]))*)"
)
# letters and reports from abroad: "Jan 3, 2021", "March 12th, 2024", "3rd January 2021": the
# month first with a year after a comma or an English ordinal, or a day with its ordinal first
_ENGLISH_ORDER = re.compile(
    rf"(?i:{_initial_of(MONTH_FORMS, digit=True)}(?<![\w])(?:"
    # (a fax machine's header writes it without the comma: "Feb. 27 2025 03:41PM")
    rf"(?:{_MONTH})\.?[ \t]+(?:3[01]|[12]\d|0?[1-9])(?:(?:st|nd|rd|th)(?:,?[ \t]+{_YEAR})?|,?[ \t]*{_YEAR})"
    rf"|(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)[ \t]+(?:of[ \t]+)?(?:{_MONTH})(?:\.?,?[ \t]+{_YEAR})?"
    rf")(?![\w]))"
)
# Spanish, Portuguese and Catalan letters: "19 de junio de 2025", "3 de março de 2024", "5 d'abril
# de 2023" (the day, "de", the month, "de", the year)
_IBERIAN_ORDER = re.compile(
    rf"(?=[0-9])(?<![\w])(?:3[01]|[12]\d|0?[1-9])[ \t]+(?i:de[ \t]+|d['’])(?i:{_MONTH})[ \t]+(?i:de|del)[ \t]+{_YEAR}(?![\w])"
)
# "from Dec. 1", "admitted on Nov 2 at 03:12": an English month's abbreviation, capitalised, then a day
_ENGLISH_MONTH_DAY = re.compile(
    rf"(?=[ADFJMNOS])(?<![\w])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?[ \t]+(?:3[01]|[12]\d|0?[1-9])(?![\w/]|[.,]\d|{_UNIT})"
)
# "depuis l'été 2025": a season and its year
_SEASON_YEAR = re.compile(rf"(?i:(?=[aéeph])\b(?:printemps|été|ete|automne|hiver)[ \t]+{_YEAR})(?![\w])")
_DAY_LIST_BEFORE = re.compile(r"(?:(?i:\b(?:les|des|du|le)\s+)|:[ \t]*)(?P<days>(?:(?:0?[1-9]|[12]\d|3[01])\s*(?:,|et|&)\s*)+)$")
_BIRTH_YEAR = re.compile(rf"(?i:(?=n)\bn[ée]e?\s+en\s+)(?P<date>{_YEAR}|\d{{2}})(?![\w]|[.,]\d| ?(?:ans|mois|jours|semaines|kg|cm))")
# Month names that are also common words: a month alone with no day or year is not a date.
_AMBIGUOUS_ALONE = {"mars", "mai", "août", "aout", "sept", "oct", "nov", "dec", "déc", "jan", "sep", "avr", "juil"}


class DateDetector(Detector):
    def __init__(self) -> None:
        super().__init__(name="DateDetector", categories=["DATE"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        found = [_with_time_stamp(text, _with_weekday(text, date)) for date in self._dates(text)]
        yield from found
        for date in found:
            yield from _listed_days_before(text, date.start)

    def _dates(self, text: str) -> Iterator[Finding]:
        for match in _NUMERIC.finditer(text):
            value = match.group()
            if "/" not in value and "-" not in value and not _plausible_dotted(value) and not _ROMAN_MONTH.search(value):
                continue
            if "." in value and len(value) < 10 and _UNIT_AFTER.match(text, match.end()):
                continue  # "1.5.10 mg" is a dose
            if len(value) <= 8 and _APGAR_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue
            yield Finding(match.start(), match.end(), "DATE", 0.95, "date.numeric")
            if end := _RANGE_END.match(text, match.end()):
                yield Finding(end.start("date"), end.end("date"), "DATE", 0.9, "date.range_end")
        for match in _SPACED.finditer(text):
            yield Finding(match.start(), match.end(), "DATE", 0.9, "date.spaced")
        for match in _WRAPPED_NUMERIC.finditer(text):
            yield Finding(match.start(), match.end(), "DATE", 0.9, "date.wrapped")
        for match in _YEAR_RANGE.finditer(text):
            yield Finding(match.start(), match.end(), "DATE", 0.6, "date.year_only")
        for match in _YEAR_ALONE.finditer(text):
            if _THOUSANDS_BEFORE.search(text, max(0, match.start() - 5), match.start()):
                continue
            yield Finding(match.start(), match.end(), "DATE", 0.55, "date.year_only")
        for match in _DAY_MONTH.finditer(text):
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.85, "date.day_month")
        for match in (*_DAY_MONTH_BARE.finditer(text), *_DAY_MONTH_BEFORE_TIME.finditer(text)):
            if not _NOT_A_DAY_MONTH_BEFORE.search(text[max(0, match.start() - 25) : match.start()]):
                yield Finding(match.start(), match.end(), "DATE", 0.8, "date.day_month")
        for match in _DAY_MONTH_LINE_START.finditer(text):
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.8, "date.day_month")
        for pattern in (_MONTH_BETWEEN_DASHES, _MONTH_BETWEEN_MARKS, _MONTH_DASH_YEAR):
            for match in pattern.finditer(text):
                yield Finding(match.start(), match.end(), "DATE", 0.9, "date.month_between_dashes")
        for match in _COMPACT.finditer(text):
            if _is_compact_date(match.group()) and not _IDENTIFIER_LABEL_BEFORE.search(
                text, max(0, match.start() - 24), match.start()
            ):
                yield Finding(match.start(), match.end(), "DATE", 0.9, "date.compact")
        for match in _HL7_STAMP.finditer(text):
            yield Finding(match.start(), match.end(), "DATE", 0.92, "date.time_stamp")
        for match in _BIRTH_DATE_COMPACT.finditer(text):
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.97, "date.birth_compact")
        for match in _SPACED_SEPARATORS.finditer(text):
            yield Finding(match.start(), match.end(), "DATE", 0.9, "date.spaced")
        for match in chain(_SPACED_AFTER_LABEL.finditer(text), _MONTH_SHORT_YEAR.finditer(text)):
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.85, "date.spaced")
        for match in _DAY_RANGE.finditer(text):
            for day in ("first", "second"):
                yield Finding(match.start(day), match.end(day), "DATE", 0.7, "date.day_alone")
        for match in _DAY_BEFORE_DASHED_DATE.finditer(text):
            yield Finding(match.start("first"), match.end("first"), "DATE", 0.7, "date.day_alone")
        for match in _SPACED_AFTER_LE.finditer(text):
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.85, "date.spaced")
        for match in chain(_MONTH_ALONE.finditer(text), _CAPITALISED_MONTH_ALONE.finditer(text)):
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.6, "date.month_alone")
        for match in _MONTH_RANGE.finditer(text):
            for month in ("first", "second"):
                yield Finding(match.start(month), match.end(month), "DATE", 0.6, "date.month_alone")
        for match in chain(_DAY_ALONE.finditer(text), _DAY_AFTER_WEEKDAY.finditer(text)):
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.7, "date.day_alone")
        for match in _DAY_AFTER_ARTICLE.finditer(text):
            if match.group("date") in ("15", "17", "18") and _CALL_BEFORE.search(text, max(0, match.start() - 45), match.start()):
                continue
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.65, "date.day_alone")
        for match in _RANGE_START.finditer(text):
            # "9 au 10 juin 2025": the span runs to the second day, and joins the date after it
            yield Finding(match.start("date"), match.end("second"), "DATE", 0.85, "date.range_start")
        for match in _TEXTUAL.finditer(text):
            value = match.group("date").rstrip()
            if value.endswith(".") and re.split(r"[\s\-]+", value[:-1].casefold())[-1] in _FULL_MONTH_NAMES:
                value = value[:-1]  # "le 12 mars.": the sentence's full stop, no abbreviation's
            start = match.start("date")
            words = value.split()
            if len(words) == 1 and value.lower().rstrip(".") in MONTH_FORMS:
                continue  # a month name alone ("en mars") is not an identifying date
            if parse_date(value) is None and not _is_plausible_textual(value):
                continue
            yield Finding(start, start + len(value), "DATE", 0.9, "date.textual")
        for match in _YEAR_IN_WORDS.finditer(text):
            date = match.group("date")
            end = match.start("date") + len(re.sub(r"[\s\-]+et$", "", date))
            yield Finding(match.start("date"), end, "DATE", 0.6, "date.year_only")
        for match in chain(_ENGLISH_MONTH_DAY.finditer(text), _SEASON_YEAR.finditer(text)):
            yield Finding(match.start(), match.end(), "DATE", 0.85, "date.textual")
        for pattern, rule in ((_ENGLISH_ORDER, "date.english_order"), (_IBERIAN_ORDER, "date.iberian_order")):
            for match in pattern.finditer(text):
                yield Finding(match.start(), match.end(), "DATE", 0.9, rule)
        for match in _HOLIDAY.finditer(text):
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.7, "date.holiday")
        for match in _BIRTH_YEAR.finditer(text):
            yield Finding(match.start("date"), match.end("date"), "DATE", 0.85, "date.birth_year")


def _with_time_stamp(text: str, date: Finding) -> Finding:
    """"2025-04-28T07:58:12+02:00": the time and offset of an ISO time stamp belong to its date
    (one token of an export, the time of an event)."""
    stamp = _ISO_TIME_AFTER.match(text, date.end)
    if not stamp:
        return date
    return Finding(date.start, stamp.end(), date.category, date.score, date.detector)


def _with_weekday(text: str, date: Finding) -> Finding:
    """"vendredi 12 janvier 2024", "sam. 01/11/2025", "mi-novembre 2020": the weekday or the
    "mi-" before a date belongs to it (with the day it narrows the date down)."""
    before = _WEEKDAY_BEFORE.search(text, max(0, date.start - 12), date.start)
    if not before or date.detector == "date.year_only":
        return date
    return Finding(before.start(), date.end, date.category, date.score, date.detector)


def _listed_days_before(text: str, start: int) -> Iterator[Finding]:
    """"les 4, 11 et 18 octobre 2023", "des 4, 11, 18 et 25/10/2022": the listed days are dates."""
    window_start = max(0, start - 40)
    match = _DAY_LIST_BEFORE.search(text, window_start, start)
    if match:
        for day in re.finditer(r"\d{1,2}", match.group("days")):
            begin = match.start("days") + day.start()
            yield Finding(begin, begin + len(day.group()), "DATE", 0.85, "date.listed_day")


_ROMAN_MONTH = re.compile(r"[IVX]")


def _is_compact_date(digits: str) -> bool:
    """"12061947" (day, month, year) or "19420117" (year, month, day): a real calendar day of a
    year from 1900 to 2039."""
    for year, month, day in ((digits[4:], digits[2:4], digits[:2]), (digits[:4], digits[4:6], digits[6:])):
        if 1900 <= int(year) <= 2039:
            try:
                calendar_day(int(year), int(month), int(day))
            except ValueError:
                continue
            return True
    return False


def _plausible_dotted(value: str) -> bool:
    """12.03.2019, 4.7.61 and 2019.03.12 are dates (the pattern already bounds day and month);
    "1.5.10" reads as a dose only without a real month, which the pattern excludes; "03.2024" is
    a month and its year."""
    parts = value.split(".")
    return all(p.isdigit() for p in parts) and (len(parts) == 3 or (len(parts) == 2 and len(parts[1]) == 4))


def _is_plausible_textual(value: str) -> bool:
    """Partial textual dates that the date parser does not read but are still dates."""
    lowered = value.lower()
    month = next((m for m in MONTH_FORMS if re.search(rf"\b{re.escape(m)}\b", lowered)), None)
    if month is None:
        return False
    words = re.split(r"[\s\-]+", lowered.strip())  # "12-mars" is two words
    has_number = bool(re.search(r"\d|premier|1er", lowered)) or len(words) > 1
    return has_number and not (month in _AMBIGUOUS_ALONE and len(words) == 1)

