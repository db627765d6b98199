"""PERSON in a document's trail: who typed, printed, sampled or signed it.

Rules, each named in the finding's `detector`:
- person.reference_initials: the writer's and typist's initials of a letter reference
  ("N/Réf : PFM/cd", "Réf : CM-2026-1147 / AL").
- person.login: a user login at the end of an edition line ("édité le 11/03/2026 par lbarreau",
  "Exportée le 2025-06-02 par jmarsaud").
- person.reference_initials also: "FXB/ml", "VS/CE - Copie : ..." alone at the start of a line.
- person.before_role: a name then a staff role ("K. Mensah IDE", "Kevin (brancardier)").
- person.role_first_name: a role then a known first name ("l'IDE Anissa", "IOA : Rokia"), or two
  names no dictionary knows ("par IDE Maëla Le Cam").
- person.initials_label: initials after a staff label ("Préleveur : AD", "Vérifié par SB",
  "Signature : TGR", "scanné par CB", "frappé le 08/05/2025 par CT", "frappé le ... (sb)"), after
  a time stamp ("2025-09-14 06:20 par ELP"), or in
  brackets after what they did ("kits vérifiés (LV / SD)").
- person.printed_by: who printed or exported a document ("Imprimé le 16/05/2025 10:26 par
  nlkhelifi (ORBIS)", "Édité le ... par DIALLO A - ResUrgences", "Édition : 12/01/2025 21:05 -
  ESTIVAL C.").
- person.initials_field: initials in a form's or a trial's field ("Initiales (nom-prénom) : D-L").
- person.initials_role: a midwife's or nurse's initials after the role in a chart ("SF MB"), or
  in brackets ("Note de la secrétaire (MJ)").
- person.sign_off: two capitals closing a transmission ("Corps gardé jusqu'à 10h. SL"), two or
  three alone on the note's last line, a dated entry's writer ("02/01/2025 - MV : ...",
  "(05/03/2025, RG)").
- person.initials_row: two or three capitals ending a timed chart row ("08:00  Lantus 18 UI     SV").
- person.by_first_name: a known first name after "par" or "avec" ending a clause ("appelé par
  Tiphaine.", "reporté à 11h avec Nadia,").
- person.role_list: known first names listed after a role ("IDE 2/j (Enora, Gwendal)").
- person.writer_after_time: a nursing transmission's writer, a first name after its time
  ("12/02 07h10 Sonia AS : ...", "08h00  Eloïse : ...").
- person.in_cell: a known first name alone in a table cell (tab-separated rounds and rotas).
- person.surname_first: "NOWAKOWSKI / Jan", "KLEIN, Gérard": a surname in capitals, a separator,
  a known first name.
"""

from __future__ import annotations

import re as stdlib_re  # far faster than `regex` at finding plain literals
from typing import Iterator

import regex as re
from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.lexicon import NameLexicon, fold, name_lexicon
from redactor.recognizers.identifiers.patterns import ALL_CAPS, CAPITALISED, INITIALS, alternation, line_end_within, line_start_within
from redactor.recognizers.vouched.folding import common_word_keys, is_french_word, is_unknown_word

_REFERENCE = re.compile(
    r"(?i:(?<![\w])(?:(?:n|v|nos|vos|notre|votre)[ \t]*[/.][ \t]*)?r[ée]f(?:[ée]rences?)?(?!\p{L})\.?)[ \t]*:?[ \t]*(?P<refs>[^\n]{1,40})"
)
# a number then letters touching a slash: a measure's unit ("< 16 ng/mL", "3,5 mmol/L")
_MEASURE_BEFORE_UNIT = re.compile(r"\d[ \t]*\p{L}{1,5}/\p{L}")
# a group of 2-4 letters touching a slash: "PFM/cd", "/ AL"
_INITIALS_GROUP = re.compile(r"(?:(?<=/[ \t]?)|(?<![\w\-/])(?=\p{L}{2,4}[ \t]?/))(?P<initials>\p{L}{2,4})(?![\w\-])")
# after "par", a user's label ("utilisateur", "opérateur", "agent", "connexion médecin",
# "Modifications :") or a log line's time and separator ("2025-10-28 21:14:07 ; jmartin4 ;")
_LOGIN_LABEL = (
    r"(?:(?i:\b(?:utilisateur|user|op[ée]rateur|agent|login|compte|modifications?|cl[ôo]ture[ \t]+du[ \t]+dossier|"
    r"connexion(?:[ \t]+\p{Ll}+)?))[ \t]*:?|\d{1,2}:\d{2}(?::\d{2})?[ \t]*[;|¦])"
)
# a login: initials and a surname, or the reverse, in lower or upper case, a service's prefix
# ("sec.amartinez"), trailing digits ("jmartin4", "CMARTIN83")
# (in capitals, a mark or digits tell it from an acronym: "BRIAND_K", "CMARTIN83", not "SMUR")
_LOGIN_SHAPE = (
    r"(?:[a-z]{2,4}\.)?(?:[a-z]{1,2}[._]?[a-z]{3,15}\d{0,3}|[a-z]{3,15}[._][a-z]{1,2}\d{0,3})"
    r"|[A-Z]{1,2}[._][A-Z]{3,15}\d{0,3}|[A-Z]{3,15}[._][A-Z]{1,2}\d{0,3}|[A-Z]{3,15}\d{1,3}"
)
_LOGIN = re.compile(
    # after "par": the end of its cell or line, a dash, or "le" and a date ("par asoilihi le 09/11")
    rf"(?i:\bpar)[ \t]+(?P<login>{_LOGIN_SHAPE})(?=[ ]*(?:\t|$)|[ ]+[\-–]|[ ]+le[ \t]+\d)"
    # after a user's label: also a bracket, a separator, a date or a time, a cell gap
    rf"|{_LOGIN_LABEL}[ \t]+(?P<login>{_LOGIN_SHAPE})(?=[ ]*(?:\t|$|[;,)(¦|]|[\-–][ \t]|\d)|[ ]+le[ \t]|[ ]{{2,}})",
    re.MULTILINE,
)
# what makes a line an edition trail: a time, a date or an edition verb
_TRAIL = re.compile(r"\d{1,2}[:h]\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|(?i:édit|edit|imprim|saisi|valid|modifi|cré|cre|génér|gener|export)")
_TRAIL_REACH = 200  # characters before or after the login
# "prélevé à 11:30 par Tiphaine.": someone named by a known first name after "par"
_BY_FIRST_NAME = re.compile(rf"(?<![\w])(?:par|avec)[ \t]+(?P<name>{CAPITALISED})(?=[ \t]*(?:[.,;)\n]|$))")
_SHIFT = r"(?:[ \t]+(?:de[ \t]+)?(?i:nuit|jour|matin|soir|après-midi|apres-midi|WE))?"
_STAFF_LABELS = (
    "préleveur", "preleveur", "prélevé par", "preleve par", "agent d'admission", "agent", "opérateur de saisie",
    "saisie", "édité par", "imprimé par", "transcrit par", "dactylographié par", "frappe", "visa", "tapé par",
    "tapée par", "frappé par", "vérifié par", "verifie par", "vérifiée par", "contrôlé par", "controle par",
    "validé par", "valide par", "visé par", "régulateur", "regulateur", "signature régulateur", "préparateur",
    "preparateur", "préparatrice", "preparatrice",
    # minutes and reports: "Rédaction : MTC", "Relecture : HTM le 03/04/2025"
    "rédaction", "redaction", "rédigé par", "redige par", "rédigée par", "relecture", "relu par", "relue par",
    "dicté par", "dicte par", "dictée par",
    # who signed or scanned a document: "Signature : TGR", "scanné par CB"
    "signature", "scanné par", "scannée par", "scanne par", "numérisé par", "numérisée par",
)  # fmt: skip
_SIGNING_LABEL = re.compile(r"(?i:signature|sign[ée]e?\s+par|dict[ée]e?\s+par|tap[ée]e?\s+par|frapp[ée]e?\s+par|visa)")
# "frappé le 08/05/2025 par CT", "frappé le 29.12.2024 (sb)": a typing verb, its date, then the
# typist's initials
_TYPED_ON_BY = re.compile(
    r"(?i:(?<![\w])(?:frapp|tap|dactylographi|saisi|transcrit)[ée]?e?s?)[ \t]+(?i:le)[ \t]+[\d/.\-]{6,10}[ \t]+"
    r"(?:(?i:par)[ \t]+(?P<initials>\p{Lu}{2,3})(?![\w\-])|\((?P<initials>\p{L}{2,3})\))"
)
# "2025-09-14 06:20 par ELP": a time stamp (a date, then its time), then who did it, by
# initials ending the field (not prose: "appelé à 10h30 par SMS")
_TIMED_BY = re.compile(r"(?<![\w])(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?)[ \tT]+\d{1,2}[:h]\d{2}[ \t]+par[ \t]+(?P<initials>\p{Lu}{2,3})(?=[ \t]*(?:\n|$|[,;)]|\.[ \t]*(?:\n|$)|[ ]{2}|\t))")
# "FXB/ml", "VS/CE - Copie : ...": the writer's and typist's initials alone at the start of a line
_INITIALS_LINE = re.compile(r"(?m)^[ \t]*(?P<writer>\p{Lu}{2,4})/(?P<typist>\p{L}{2,4})(?=[ \t]*(?:$|[\-–][ \t]))")
# ... or ending a line after a dash or in brackets, the typist's in lower case: "Copie : dossier
# patient - GV/sb", "dossier médical (ADSJ/cl)" (not "(TA/FC)", nor a unit: "(UI/ml)")
_INITIALS_ENDING_A_LINE = re.compile(
    r"(?:(?<=[ \t][\-–][ \t])|(?<=\())(?P<writer>\p{Lu}{2,4})/(?P<typist>\p{Ll}{2,3})(?=\)?[ \t]*(?:\n|$))"
)
# (a role may follow the label: "Visa IDEC : CL", "Signature investigateur : OEC"; or the person's
# initials after a role word in brackets: "Commentaire opérateur (AM) :")
_ROLE_AFTER_LABEL = r"(?:[ \t]+(?:IDEC|IDE|IADE|IBODE|AS|ASH|AMP|AES|cadre|investigateur|investigatrice|pharmacien|pharmacienne|médecin|medecin))?"
_SURNAME_ROLE = re.compile(r"(?i:(?:premier[ \t]+|première[ \t]+)?surveillante?|chef[ \t]+d['’]escorte|gardienne?)")
_INITIALS_AFTER_LABEL = re.compile(
    rf"(?i:(?<![\w])(?:{alternation(_STAFF_LABELS)})){_ROLE_AFTER_LABEL}[ \t]*(?::|(?<=par)|[|│¦])[ \t]*(?P<initials>\p{{Lu}}{{2,3}})(?![\w\-])"  # "Tapé par CL"
    r"(?![ ]{1,2}\p{Lu}\p{Ll})"  # not a facility's acronym before its name: "Cachet et signature : CRT Saint-Salvi"
)
# without a colon, an operator's initials ending a print-out's header line: "édition du
# 22/03/2025 23:58 — opérateur MZ"; or in brackets after the word: "Commentaire opérateur (AM)"
_OPERATOR_ENDING_A_LINE = re.compile(
    r"(?i:(?<![\w])(?:opérateur|operateur|opératrice|operatrice))"
    r"(?:[ \t]+(?P<initials>\p{Lu}{2,3})(?=[ \t]*(?:\n|$))|[ \t]*\((?P<initials>\p{Lu}{2,3})\))"
)
# a person's initials in a form's or a trial's field: "Initiales (nom-prénom) : D-L",
# "(initiales K.-A. M.)", "Initiales patient : MDL"
_INITIALS_FIELD = re.compile(
    r"(?i:(?<![\w])initiales)(?:[ \t]+(?i:du|de[ \t]+la)?[ \t]*(?i:patiente?|sujet|participante?))?(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*[:|│¦]?[ \t]*"
    r"(?P<initials>\p{Lu}(?:\.?[ ]?-?[ ]?\p{Lu}){1,3}\.?)(?![\w\-])"
    # a vigilance form's letters of the name: "Nom (3 premières lettres) : GRA", "Prénom (1re lettre) : M"
    r"|(?i:(?<![\w])(?:nom|prénom|prenom))[ \t]*\((?=[^()\n]{0,25}(?i:lettre))[^()\n]{1,30}\)[ \t]*[:|│¦]?[ \t]*(?P<initials>\p{Lu}{1,3})(?![\w\-])"
)

# an edition's date and time: "16/05/2025 10:26", "2025-06-02 à 14h05"
_EDITION_DATE_TIME = r"[\d/.\-]{6,10}(?:[ \t]+(?:à[ \t]+)?\d{1,2}[:h]\d{2}(?::\d{2})?)?"
# "Imprimé le 16/05/2025 10:26 par nlkhelifi (ORBIS)", "Édité le ... par DIALLO A - ResUrgences",
# "... par LAUGA M. - Laboratoire": who printed or exported a document, after its date and time,
# ending the line or before a dash, a bracket or a separator
_PRINTED_BY = re.compile(
    rf"(?im:(?<![\w])(?:imprim|édit|edit|export|génér|gener)[ée]e?s?[ \t]+le[ \t]+{_EDITION_DATE_TIME}[ \t]+par)[ \t]+"
    r"(?P<who>\p{L}[\p{L}'’\-]*+\.?(?:[ ]\p{Lu}[\p{L}'’\-]*+\.?){0,2})(?=[ \t]*(?:$|[\-–(|,;]|\t))"
)

# "Édition : 12/01/2025 21:05 - ESTIVAL C.": the date and time of an edition line, a dash, then
# who edited it (a surname in capitals and its initials, or a login)
_EDITION_LINE_BY = re.compile(
    rf"(?m:(?<![\w])(?i:édition|edition|impression|export)[ \t]*:[ \t]*{_EDITION_DATE_TIME}[ \t]+[\-–][ \t]+)(?P<who>{ALL_CAPS}(?:[ ]{INITIALS})?|[a-z]{{2,15}}\d{{0,3}})(?=[ \t]*(?:\n|$|[\-–(|,;]|\t))"
)
# "kits vérifiés (LV / SD)", "antibioprophylaxie administrée (CM)": who checked or did it, in
# brackets after the participle
_INITIALS_AFTER_PARTICIPLE = re.compile(
    r"(?i:(?<![\w])(?:vérifi|verifi|contrôl|control|valid|sign|effectu|réalis|realis|prépar|prepar|administr|pos)[ée]e?s?)"
    r"[ \t]*\((?P<initials>\p{Lu}{2,3})(?:[ \t]*/[ \t]*(?P<second>\p{Lu}{2,3}))?\)"
)
# "SF MB", "IDE KL /": a midwife's or nurse's initials after the role, in a chart's cell
_INITIALS_AFTER_ROLE = re.compile(r"(?<![\w])(?:SF|IDE|IADE|IBODE|AS|AP|ASH)[ \t]+(?P<initials>\p{Lu}{2})(?=[ \t]*(?:\n|$|\t|/))")
# "... jusqu'à 10h. SL" ending a transmission: the writer's initials, last on their paragraph
_SIGN_OFF_INITIALS = re.compile(r"(?<=[.!)][ \t]{1,3}|[.!)][ \t]*\n)(?P<initials>\p{Lu}{2})[ \t]*(?=\n[ \t]*\n|[ \t]*$)")
# "... RAS sur ETT\n\nGLC": the writer's initials alone on the note's last line
_INITIALS_ENDING_THE_NOTE = re.compile(r"\n[ \t]*\n[ \t]*(?P<initials>\p{Lu}{2,3})[ \t]*\n?[ \t]*\Z")
# "02/01/2025 - MV : patient venu ...", "NOTE MÉDECIN (05/03/2025, RG)": a dated entry's writer
_INITIALS_OF_AN_ENTRY = re.compile(
    r"(?m:^[ \t]*\d{1,2}/\d{1,2}(?:/\d{2,4})?(?:[ \t]+\d{1,2}[:h]\d{2})?[ \t]*[\-–][ \t]*(?P<initials>\p{Lu}{2,3})[ \t]*:)"
    r"|\(\d{1,2}/\d{1,2}(?:/\d{2,4})?(?:[ \t]+\d{1,2}[:h]\d{2})?,[ \t]*(?P<initials>\p{Lu}{2,3})\)"
)
# "10/09/2025  08:00  Insuline Lantus 18 UI      SV": a chart row's last cell, the carer's initials
# (a run of spaces is tried once, from its start, so that a long line stays linear)
_INITIALS_ENDING_A_ROW = re.compile(
    r"(?m)^(?=[^\n]{0,25}\d{1,2}[:h]\d{2})[^\n]*?(?:\t|(?<![ ])[ ]{3,}+)(?P<initials>\p{Lu}{2,3})[ \t]*+$"
)
# ... or any line of a log ending with them after a gap or a sentence's end, one writer or two:
# "Refuse le 115. FL", "IDR à lire lundi.   VD/AL" (see StaffRules._log_signatures)
_INITIALS_ENDING_A_LINE_OF_A_LOG = re.compile(
    r"(?m)(?:\t|[ ]{2,}|(?<=[.!)])[ ]+)(?P<initials>\p{Lu}{2,3})(?:/(?P<second>\p{Lu}{2,3}))?[ \t]*$"
)
# two capitals that are abbreviations, never initials where the rules above look
NOT_INITIALS = frozenset(
    {"OK", "CR", "RV", "TA", "FC", "PA", "AS", "SF", "PS", "NB", "CI", "VS", "PO", "IV", "SC", "IM", "RX", "HS", "IDE", "RAS",
     "NFS", "CRP", "ECG", "TDM", "IRM", "HTA", "SAP", "PSE", "VVP", "BU", "GDS", "INR", "TCA", "DCD", "EVA", "EN", "UI", "MG", "ML",
     "CNI", "ID", "CAT", "FIN"}
)  # fmt: skip


class StaffRules(Detector):
    """Names of staff where a document records its own handling."""

    def __init__(self, lexicon: NameLexicon | None = None) -> None:
        super().__init__(name="StaffRules", categories=["PERSON"])
        self.lexicon = lex = lexicon or name_lexicon()
        role_words = [*lex.roles, "brancardier", "brancardière", "AES", "IDEC", "AMP", "ASD", "auxiliaire de vie"]
        roles = alternation(role_words)
        # before a name, a form's label is capitalised: "Circulante : Audrey VIALE" (after a name,
        # a capitalised role opens the next cell: "M. Dupont      Médecin : ...")
        role_labels = [*role_words, *(word[0].upper() + word[1:] for word in role_words if word[:1].islower())]
        labels = alternation(role_labels)
        # every match of the role list and role-then-first-name patterns holds a role, case-sensitive,
        # so its first word letter for letter: a note without one skips both scans
        self._role_first_word = stdlib_re.compile("|".join(stdlib_re.escape(r.split(" ")[0]) for r in role_labels))
        name = rf"(?:{INITIALS}[ \t]?(?:{ALL_CAPS}|{CAPITALISED})|{CAPITALISED}(?:[ \t]+(?:{INITIALS}|{ALL_CAPS}|{CAPITALISED}))?)"
        self._before_role = re.compile(
            rf"(?<![\w\-'’.])(?P<name>{name})(?:[ \t]+\((?i:{roles})(?![\w])[^)\n]{{0,20}}\)|[ \t]+(?:{roles})(?:[ \t]+\p{{Lu}}{{2,6}})?{_SHIFT}(?=[ \t]*(?:\n|$|[,;:)]|\.(?!\w))))"
        )
        # "IDE 2/j (Enora, Gwendal)", "IDE Lucie, Manon": first names listed after a role
        self._role_list = re.compile(
            rf"(?<![\w\-])(?:{labels})(?:[ \t]+\d+/\w+)?[ \t]*[(:]?[ \t]*"
            rf"(?P<names>{CAPITALISED}(?:[ \t]*(?:,|\bet\b)[ \t]*{CAPITALISED})+)"
        )
        # "12/02/25 07h10 Sonia AS : ...", "2l/O5  08hOO  Eloïse : ...": who wrote a transmission
        self._writer_after_time = re.compile(
            rf"(?m)^[^\n]{{0,14}}?(?<![\w])[0-9Ol]{{1,2}}[hH:][0-9O]{{2}}(?![\w])[ \t]+(?P<name>{CAPITALISED})"
            rf"(?=[ \t]*(?::|\((?:{roles})\)|(?:{roles})(?![\w])))"
        )
        # "l'IDE Anissa", "par l'AS Fatou", "l'IDE de coordination Fatou": a role then a known first name
        self._role_then_first_name = re.compile(
            rf"(?<![\w\-])(?:{labels})(?:[ \t]+(?:de[ \t]+(?:coordination|nuit|jour|liaison|garde)|référente?|referente?|coordinatrice|coordinateur))?"
            rf"(?:[ \t]*:[ \t]*|[ \t]+)(?P<name>{CAPITALISED}"
            rf"(?:[ \t]+(?:{ALL_CAPS}|{INITIALS}|(?:(?:Le|La|De|Du|Da|Van|Ben|El)[ \t]+)?{CAPITALISED}))?)(?![\w\-'’])"  # "IOA : Rokia"
        )
        # "Note de la secrétaire (MJ)", "l'IDE (KL)": a role after its article (a noun, not the
        # adjective of "quadrant supéro externe (QSE)"), then whose initials in brackets
        self._role_initials = re.compile(
            rf"(?<![\w\-])(?i:l['’]|la|le|les|une?|notre|votre)[ \t]*(?<=['’]|[ \t])(?:{roles})[ \t]*\((?P<initials>\p{{Lu}}{{2,3}})\)"
        )
        self._in_cell = re.compile(rf"(?:(?<=\t)|(?<=  ))(?P<name>{CAPITALISED})(?=[ \t]*(?:\t|\n|$))")
        self._surname_first = re.compile(
            rf"(?<![\w\-'’])(?P<surname>{ALL_CAPS})[ \t]*[,/][ \t]*(?P<first>{CAPITALISED})(?![\w\-'’])"
        )

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        yield from self._reference_initials(text)
        for match in _LOGIN.finditer(text):
            login = match.group("login")
            # the trail is on the login's line, before or after it; after a user's label, also on
            # the header's lines above ("Date d'édition : 03/03/2025\n...\nOpérateur : mlacoste")
            labelled = not match.group().casefold().startswith("par")
            if labelled:
                line_start = max(0, match.start() - _TRAIL_REACH)
            else:
                line_start = line_start_within(text, match.start(), _TRAIL_REACH)
            line_end = line_end_within(text, match.end(), _TRAIL_REACH)
            trail = _TRAIL.search(text, line_start, match.start()) or _TRAIL.search(text, match.end(), line_end)
            key = fold(login)
            if key not in common_word_keys() and not is_french_word(key) and trail:
                yield Finding(match.start("login"), match.end("login"), "PERSON", 0.6, "person.login")
        for match in _INITIALS_AFTER_LABEL.finditer(text):
            # who signed, dictated or typed it: the label says a person, whatever the letters
            # spell ("Signature : TA", "Dicté par ASA")
            if not self.lexicon.is_not_name(match.group("initials")) or _SIGNING_LABEL.match(match.group()):
                yield Finding(match.start("initials"), match.end("initials"), "PERSON", 0.6, "person.initials_label")
        for match in _OPERATOR_ENDING_A_LINE.finditer(text):
            if not self.lexicon.is_not_name(match.group("initials")):
                yield Finding(match.start("initials"), match.end("initials"), "PERSON", 0.6, "person.initials_label")
        for match in _TIMED_BY.finditer(text):
            initials = match.group("initials")
            if not self.lexicon.is_not_name(initials) and fold(initials) not in common_word_keys():  # "par SMS"
                yield Finding(match.start("initials"), match.end("initials"), "PERSON", 0.6, "person.initials_label")
        for match in _TYPED_ON_BY.finditer(text):
            yield Finding(match.start("initials"), match.end("initials"), "PERSON", 0.6, "person.initials_label")
        for match in _EDITION_LINE_BY.finditer(text):
            if not self.lexicon.is_not_name(who := match.group("who")) and fold(who) not in common_word_keys():
                yield Finding(match.start("who"), match.end("who"), "PERSON", 0.7, "person.printed_by")
        for match in _PRINTED_BY.finditer(text):
            who = match.group("who")
            if who[:1].isupper() or (fold(who) not in common_word_keys() and not is_french_word(fold(who))):
                yield Finding(match.start("who"), match.end("who"), "PERSON", 0.7, "person.printed_by")
        for match in _INITIALS_FIELD.finditer(text):
            # (the label says what they are: above an abbreviation's other reading, "Initiales : MCL")
            yield Finding(match.start("initials"), match.end("initials"), "PERSON", 0.95, "person.initials_field")
        for match in (*_INITIALS_LINE.finditer(text), *_INITIALS_ENDING_A_LINE.finditer(text)):
            if match.re is _INITIALS_ENDING_A_LINE and match.group("writer") in NOT_INITIALS:
                continue  # "(TA/mn)" (a line's start holds no measure: "VS/CE - Copie : ...")
            for group in ("writer", "typist"):
                yield Finding(match.start(group), match.end(group), "PERSON", 0.65, "person.reference_initials")
        for pattern, rule in (
            (_INITIALS_AFTER_ROLE, "person.initials_role"),
            (_SIGN_OFF_INITIALS, "person.sign_off"),
            (_INITIALS_ENDING_A_ROW, "person.initials_row"),
        ):
            for match in pattern.finditer(text):
                if match.group("initials") not in NOT_INITIALS:
                    yield Finding(match.start("initials"), match.end("initials"), "PERSON", 0.6, rule)
        yield from self._log_signatures(text)
        for pattern in (_INITIALS_ENDING_THE_NOTE, _INITIALS_OF_AN_ENTRY):
            for match in pattern.finditer(text):
                if self._may_be_initials(match.group("initials")):
                    yield Finding(match.start("initials"), match.end("initials"), "PERSON", 0.6, "person.sign_off")
        for match in _INITIALS_AFTER_PARTICIPLE.finditer(text):
            for group in ("initials", "second"):
                if match.group(group) and self._may_be_initials(match.group(group)):
                    yield Finding(match.start(group), match.end(group), "PERSON", 0.6, "person.initials_label")
        for match in self._role_initials.finditer(text):
            if self._may_be_initials(match.group("initials")):
                yield Finding(match.start("initials"), match.end("initials"), "PERSON", 0.6, "person.initials_role")
        for match in self._before_role.finditer(text):
            if self._names_someone(match.group("name")):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.75, "person.before_role")
        if self._role_first_word.search(text):
            yield from self._after_a_role(text)
        for match in self._writer_after_time.finditer(text):
            if self.lexicon.is_distinct_first_name(match.group("name")):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.75, "person.writer_after_time")
        for match in _BY_FIRST_NAME.finditer(text):
            first = match.group("name")
            if self._is_plain_first_name(first):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.7, "person.by_first_name")
        for match in self._in_cell.finditer(text):
            first = match.group("name")
            if self.lexicon.is_distinct_first_name(first):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.7, "person.in_cell")
        for match in self._surname_first.finditer(text):
            surname, first = match.group("surname"), match.group("first")
            if self.lexicon.is_first_name(first) and not self.lexicon.is_not_name(surname) and len(surname) > 2:
                yield Finding(match.start("surname"), match.end("surname"), "PERSON", 0.8, "person.surname_first")
                yield Finding(match.start("first"), match.end("first"), "PERSON", 0.8, "person.surname_first")

    def _log_signatures(self, text: str) -> Iterator[Finding]:
        """A care or outreach log whose entries end with their writers' initials, after a gap or a
        sentence's end ("... Refuse le 115. FL", "IDR à lire lundi.   VD/AL"): two such line ends
        or more make the convention, and their initials are people's."""
        found = []
        for match in _INITIALS_ENDING_A_LINE_OF_A_LOG.finditer(text):
            groups = [g for g in ("initials", "second") if match.group(g)]
            if all(self._may_be_initials(match.group(g)) for g in groups):
                found.extend(Finding(match.start(g), match.end(g), "PERSON", 0.6, "person.initials_row") for g in groups)
        if len({f.start for f in found}) >= 2:
            yield from found

    def _may_be_initials(self, initials: str) -> bool:
        """Capitals that may be someone's initials: no abbreviation, role or heading ("TA", "AS", "CAT")."""
        return initials not in NOT_INITIALS and not self.lexicon.is_not_name(initials)

    def _after_a_role(self, text: str) -> Iterator[Finding]:
        """Known first names after a staff role: "l'IDE Anissa", "IDE 2/j (Enora, Gwendal)"."""
        for match in self._role_then_first_name.finditer(text):
            words = match.group("name").split()
            if self.lexicon.is_distinct_first_name(words[0]):
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.75, "person.role_first_name")
            elif len(words) > 1 and all(is_unknown_word(w) and not self.lexicon.is_not_name(w) for w in (words[0], words[-1])):
                # a first name no list knows and a surname: "par IDE Maëla Le Cam" (not "IDE Bloc Opératoire")
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.75, "person.role_first_name")
            elif _SURNAME_ROLE.match(match.group()) and not self.lexicon.is_not_name(words[0]) and (
                self.lexicon.is_known_name(words[0]) or is_unknown_word(words[0])
            ):
                # prison and escort staff go by their surname: "Appel du surveillant Mercier",
                # "chef d'escorte : Delpierre", "premier surveillant FONTAINE"
                yield Finding(match.start("name"), match.end("name"), "PERSON", 0.75, "person.role_first_name")
        for match in self._role_list.finditer(text):
            for name in re.finditer(CAPITALISED, match.group("names")):
                if self._is_plain_first_name(name.group()):
                    start = match.start("names") + name.start()
                    yield Finding(start, start + len(name.group()), "PERSON", 0.7, "person.role_list")

    def _reference_initials(self, text: str) -> Iterator[Finding]:
        for reference in _REFERENCE.finditer(text):
            refs_start = reference.start("refs")
            if _MEASURE_BEFORE_UNIT.search(reference.group("refs")):
                continue  # "valeurs de référence : < 16 ng/mL": a unit, not initials
            for group in _INITIALS_GROUP.finditer(reference.group("refs")):
                initials = group.group("initials")
                # beside a slash in a reference, "NB" is someone's initials, not "nota bene"
                if not self.lexicon.is_not_name(initials) or "/" in reference.group("refs"):
                    start = refs_start + group.start("initials")
                    yield Finding(start, start + len(initials), "PERSON", 0.65, "person.reference_initials")

    def _is_plain_first_name(self, word: str) -> bool:
        """A known first name that is no ordinary word ("par Tiphaine", not "par Dieu")."""
        return self.lexicon.is_distinct_first_name(word) and fold(word) not in common_word_keys()

    def _names_someone(self, name: str) -> bool:
        """A known first name, or initials and a surname; never ordinary words ("Soins IDE")."""
        words = [w for w in name.split() if not w.endswith(".")]  # initials are no words
        if not words or any(self.lexicon.is_not_name(w) for w in words):
            return False
        if "." in name:
            return True
        return self.lexicon.is_first_name(words[0]) or (
            len(words) > 1 and self.lexicon.is_known_name(words[-1]) and fold(words[0]) not in common_word_keys()
        )
