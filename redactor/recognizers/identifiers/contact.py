"""Contact details: phone numbers in every French format, e-mail addresses, URLs, IP addresses."""

from __future__ import annotations

import ipaddress
import re
from typing import Iterator

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.base import Detector

# 0X XX XX XX XX with spaces, dots, dashes, slashes or nothing between pairs, the mark alone or
# set in spaces ("07 . 82 . 14 . 56 . 39", "06 - 33 - 81 - 02 - 94", "05 61 75 . 22 . 40");
# +33 / 0033 / +33 (0); overseas prefixes +262, +590, +594, +596, +687, +689; pairs may also be
# split 2-3-2-3 or 4-2-4.
_PAIR_SEP = r"(?:[ ]?[.\-/][ ]?|[ \u00a0])?"
_NATIONAL = rf"0[1-9](?:{_PAIR_SEP}\d{{2}}){{4}}"
_INTERNATIONAL = (
    rf"(?:\+|00)[ ]?(?:33|262|590|594|596|687|689|508|681)[ .\-]?(?:\(0\)[ .\-]?)?[1-9](?:{_PAIR_SEP}\d{{2}}){{4}}"
)
# (and Switzerland's national format, "021 312 45 70"; Belgium's, a slash after the area code:
# "04/248 92 31", "02/764.14.52"; and free and shared-cost numbers in threes: "0 800 102 030",
# "0800 123 456")
_IRREGULAR = (
    r"0[1-9]\d(?:[ .\-]\d{3}){2}\d?|0[1-9]\d{2}[ .\-]\d{2}[ .\-]\d{2}[ .\-]\d{2}|0[1-9]\d[ .]\d{3}[ .]\d{2}[ .]\d{2}"
    r"|0[1-9]\d?/\d{2,3}(?:[ .]\d{2}){2}|0[ ]?8\d{2}[ ]\d{3}[ ]\d{3}"
)
# other countries: +CC or 00CC then 7 to 12 digits in groups; an overseas territory's or a
# neighbour's code in brackets without its plus: "(687) 20 80 00", "(689) 40 48 62 62"
_FOREIGN = (
    r"(?:\+|00[ ]?)[1-9]\d{0,2}(?:[ .\-]?\(?\d{1,4}\)?){2,5}"
    r"|\((?:262|269|377|352|508|590|594|596|681|687|689)\)[ ]?\d{2}(?:[ .]\d{2}){2,3}"
)
# North America (Quebec): "(438) 555-0192", "514 345-4931", the last four digits after a dash
_NANP = r"\(?[2-9]\d{2}\)?[ .\-]\d{3}-\d{4}"
# the area code in brackets: "(01) 42 16 00 00"
_BRACKETED_AREA = rf"\(0[1-9]\)[ .\-]?\d{{2}}(?:{_PAIR_SEP}\d{{2}}){{3}}"
_INTERNATIONAL_PREFIX = re.compile(r"00[ ]?[1-9]")
_NEXT_NATIONAL = re.compile(r"[ ](?P<number>0[1-9](?:[ ]\d{2}){4}|0[1-9](?:[.]\d{2}){4})(?![\w]|[.,/\-]\d)")
# not inside a longer code ("LB-0322-7781"), digit run ("MGEN 1 052 887 341", but "24h/24 05 61
# 49 32 17") or row of dates
# ("30/08/1941  11/02/2025" holds "08/1941 11/02"); a capital may follow, glued by a lost line
# break, when it opens a word ("06 12 34 56 78Fax 01 ...", not "0907123456K")
_PHONE = re.compile(
    rf"(?<![\w+\-])(?:(?<!\d )|(?<=h/24 )|(?<=j/7 )|(?<=7/7 ))(?<!\d[/.])(?:{_INTERNATIONAL}|{_NATIONAL}|{_BRACKETED_AREA}|{_IRREGULAR}|{_FOREIGN}|{_NANP})"
    r"(?![0-9_]|[^\W\d_](?<![A-Z])|[A-Z](?![a-z])|/\d{3}|\.\d)"
)

# "poste 4321", "poste 2 83 41", "ext. 12", "(DECT) 5 47 12", "63 218 (bip)": extensions and pagers
_EXTENSION = re.compile(
    # (the role or service whose extension it is may stand between: "poste IDE 4417")
    r"(?<![\w\-])(?i:poste|post\.|ext\.?|extension|bip|dect)\)?(?:[ \t]+[A-Z]{2,5}(?![\w]))?[ \t]*:?[ \t]*\n?[ \t]*(?P<number>\d{1,3}(?:[ \-]\d{2,3}){1,2}|\d[ ]\d{4}|\d{2,6})(?![\w])"
    r"|(?P<pager>\d{2}(?: \d{2,3}){1,2})[ \t]*\((?i:bip|dect|poste)\)"
    r"|\((?P<internal>\d{3,6})[ \t]+(?i:en[ \t]+interne|interne)\)"  # "(5180 en interne)"
    # a directory's line, the number after its dot leader: "IOA (DECT) ........ 21 511 / 21 512"
    r"|(?<=\.\.\.[ \t])(?P<leader>\d{2}[ ]\d{3}|\d{4,5})(?![\w]|[.,]\d| \d)"
    # whose DECT or pager it is, in words between: "DECT anesthésiste de garde 26 400",
    # "numéro DECT de l'interne de garde ortho : 72 418" (four digits or more)
    r"|(?<![\w\-])(?i:bip|dect)(?:[ \t]+(?:[dl]['’])?[^\W\d_]+(?:-[^\W\d_]+)*){1,6}?[ \t]*:?[ \t]+(?P<owned>\d{2}[ ]\d{3}|\d \d{2} \d{2}|\d{4,6})(?![\w]|[.,]\d)"
)
# Numbers in the local formats of overseas territories and neighbouring countries, which no
# French pattern reads, after a phone label: "Tél. : 82 44 17" (Wallis), "Tél. 40 48 62 62"
# (Polynesia), "Secrétariat 02 764 14 52" (Brussels), "secretaries : 020 7188 1048" (London);
# or before the kind of line: "41 23 87 (domicile)"
_PHONE_LABEL = (
    r"(?i:t[ée]l[ée]phone|t[ée]l\.?|tel\.?|mobile|portable|port\.|gsm|fax|standard|secr[ée]tariat|secretaries|"
    r"switchboard|joignable\s+au|rappeler\s+au|appel\w*\s+au|au\s+num[ée]ro)"
)
# (Belgium writes a slash after the area code: "Secrétariat : 04/323.72.80"; not a date)
_LOCAL_NUMBER = r"\d{2,4}(?:/\d{2,4}(?:[ .]\d{2,4}){1,3}|(?:[ .]\d{2,4}){2,4})"
_LABELLED_LOCAL = re.compile(
    rf"(?<![\w]){_PHONE_LABEL}(?![\w])[ \t]*(?:\([^()\n]{{0,20}}\)[ \t]*)?:?[ \t]*(?P<number>{_LOCAL_NUMBER})(?![\w]|[.,/\-]\d)"
)
# "appel de la mère au 78 92 05 14", "joignable chez sa sœur au 87 30 14 22"
_CALLED_AT = re.compile(
    r"(?i:(?<![\w])(?:joignable|appel\w*|rappel\w*|joint|jointe|contact\w*|pr[ée]venu\w*)(?![\w])[^\n.;:]{0,30}?[ \t]au)[ \t]+"
    rf"(?P<number>{_LOCAL_NUMBER})(?![\w]|[.,/\-]\d)"
)
_NUMBER_THEN_KIND = re.compile(
    r"(?<![\w.,/+\-])(?P<number>\d{2}(?:[ .]\d{2}){2,3})[ \t]*\((?i:domicile|portable|mobile|fixe|travail|bureau|standard)\)"
)
# after a phone number, its extension written "p." or "x" ("01 42 16 00 00 p. 1234"; "poste",
# "ext." are read anywhere by _EXTENSION), and after an extension, the next one ("poste 4512 ou 4513")
_EXTENSION_AFTER_PHONE = re.compile(r"[ \t]*[,\-]?[ \t]*\(?(?:p\.|x)[ \t]*(?P<number>\d{2,6})(?![\w/])")  # not "P.01/02", a page
_NEXT_EXTENSION = re.compile(r"[ \t]*(?:ou|et|/|,)[ \t]*(?P<number>\d{3,6})(?![\w]|[.,]\d)")
_NEXT_SPACED_EXTENSION = re.compile(r"[ \t]*(?:ou|et|/|,)[ \t]*(?P<number>\d{2} \d{3})(?![\w]|[.,]\d| \d)")
# after an extension of two and three digits, the next one in a list, with whose it is:
# "DECT anesthésiste de garde 26 400 ; maternité 26 510"
_NEXT_LISTED_EXTENSION = re.compile(r"[ \t]*[;,][ \t]*(?:[^\W\d_]+[ \t]+){1,4}(?P<number>\d{2} \d{3})(?![\w]|[.,]\d| \d)")
# a national number wrapped to the next line after its label or a colon: "Tél : 01 42 16\n00 00",
# "Contact unité capsule : 02 32 88\n17 42"
_WRAPPED = re.compile(
    rf"(?:(?<![\w]){_PHONE_LABEL}(?![\w])[ \t]*:?|:)[ \t]*(?P<number>0[1-9](?:[ .]\d{{2}}){{1,3}}[ \t]*\n[ \t]*\d{{2}}(?:[ .]\d{{2}}){{0,3}})(?![\w])"
)
# a note that lists phones, extensions or pagers
_DIRECTORY = re.compile(r"(?i:(?<![\w])(?:dect|postes?|bips?|annuaire|t[ée]l[ée]phones?|t[ée]l\.))")
_LENGTH_AFTER = re.compile(r"[ \t]*(?:mm|cm)(?![\w])")
# A dash- or slash-written date inside a phone-shaped match ("05-12-2023 14") is a date: the
# tie-break between PHONE and DATE is made here, where the layout is known.
_DATE_INSIDE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])([.\-/])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2}")

_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,24}(?![\w])")
# Host names are bounded as DNS bounds them (labels of at most 63 characters; at most 10 labels
# here): unbounded, a long run of word characters or dots is rescanned from every position.
_LABEL = r"[\w\-]{1,63}"
_URL = re.compile(
    rf"(?<![\w@])(?:(?:https?|ftp)://[^\s<>\"']+|www\.{_LABEL}(?:\.{_LABEL}){{1,9}}(?:/[^\s<>\"']*)?"
    rf"|{_LABEL}(?:\.{_LABEL}){{0,9}}\.(?:fr|com|org|net|eu|gouv\.fr|sante\.fr|info|io)(?:/[^\s<>\"']*)?)(?![\w])"
)
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}(?::|[0-9A-Fa-f]{1,4})(?:[0-9A-Fa-f:]*)(?![\w:])")


class PhoneDetector(Detector):
    """French landline, mobile and overseas phone numbers in every common layout."""

    def __init__(self) -> None:
        super().__init__(name="PhoneDetector", categories=["PHONE"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for match in _PHONE.finditer(text):
            match = _realigned(text, match)
            value = match.group()
            digits = sum(c.isdigit() for c in value)
            if not 8 <= digits <= 15:
                continue
            if _INTERNATIONAL_PREFIX.match(value) and digits < 11:
                continue  # "0084 5513": 00, a country code and too few digits is some other number
            separators = set(re.sub(r"[\d+()]", "", value.replace("(0)", "")))
            if len(separators - {" "}) > 1:  # "01.23-45 67" mixes are dates or codes, not phones
                continue
            if _DATE_INSIDE.search(value):
                continue
            yield Finding(match.start(), match.end(), "PHONE", 0.95, "phone.format")
            # a second number after the first, one space apart (a cell's gap normalised): "06 82
            # 40 17 33  06 71 94 02 18"
            if digits == 10 and (second := _NEXT_NATIONAL.match(text, match.end())):
                yield Finding(second.start("number"), second.end("number"), "PHONE", 0.95, "phone.format")
            if extension := _EXTENSION_AFTER_PHONE.match(text, match.end()):
                yield Finding(extension.start("number"), extension.end("number"), "PHONE", 0.85, "phone.extension")
        for match in _WRAPPED.finditer(text):
            if sum(c.isdigit() for c in match.group("number")) == 10:
                yield Finding(match.start("number"), match.end("number"), "PHONE", 0.9, "phone.format")
        for pattern in (_LABELLED_LOCAL, _CALLED_AT, _NUMBER_THEN_KIND):
            for match in pattern.finditer(text):
                if 6 <= sum(c.isdigit() for c in match.group("number")) <= 12 and not _DATE_INSIDE.search(match.group("number")):
                    yield Finding(match.start("number"), match.end("number"), "PHONE", 0.9, "phone.local_format")
        yield from _territory_local_numbers(text)
        for match in _EXTENSION.finditer(text):
            group = next(name for name in ("number", "pager", "internal", "leader", "owned") if match.group(name))
            if _LENGTH_AFTER.match(text, match.end(group)):
                continue  # "BIP 82 mm": a foetus's biparietal diameter, no pager
            if group == "leader" and not _DIRECTORY.search(text):
                continue  # "Total ....... 12 500": a dot leader before an amount, in a note that lists no phone
            yield Finding(match.start(group), match.end(group), "PHONE", 0.85, "phone.extension")
            shape = re.sub(r"\d", "0", match.group(group))
            following = _NEXT_EXTENSION.match(text, match.end())
            if not following and shape == "00 000" and group == "leader":
                following = _NEXT_SPACED_EXTENSION.match(text, match.end())
            if not following and shape == "00 000":
                following = _NEXT_LISTED_EXTENSION.match(text, match.end())
            if following:
                yield Finding(following.start("number"), following.end("number"), "PHONE", 0.8, "phone.extension")


# Territories whose numbers open on no zero: a note that writes one of their numbers with its code
# ("+687 79.22.18", "(689) 40 48 62 62"), or names the territory, writes the others bare ("Cardiologie : 20.82.45", "Mme
# Tein, 20 81 37"), with as many digits as the territory's numbers have
_TERRITORY_CODE = re.compile(r"(?:\+|00[ ]?|\()(?P<code>687|689|681|508)\)?[ .]?\d")
_TERRITORY_DIGITS = {"687": 6, "681": 6, "508": 6, "689": 8}
# ... or names the territory, or writes one of its postcodes ("CHPF (Pirae)", "98713 Papeete")
_TERRITORY_NAMED = re.compile(
    r"(?<![\w])(?:(?P<p689>Polyn[ée]sie|Tahiti|Papeete|Moorea|CHPF|987\d{2})|(?P<p687>Cal[ée]donie|Noum[ée]a|988\d{2})"
    r"|(?P<p681>Wallis|Futuna|986\d{2})|(?P<p508>Miquelon|975\d{2}))(?![\w])"
)
_BARE_LOCAL = re.compile(
    # (in brackets too: "Heiata Tchong (87 77 02 41)")
    r"(?<![\w+\-/.,:)])(?<!\d[ .])(?P<number>\d{2}(?P<sep>[ .])\d{2}(?P=sep)\d{2}(?:(?P=sep)\d{2})?)(?![\w]|[.,/\-:]\d|[ .]\d)"
)


def _territory_local_numbers(text: str) -> Iterator[Finding]:
    """Bare local numbers of the territory whose code the note writes elsewhere; not what reads
    as a date ("12.03.25")."""
    lengths = {_TERRITORY_DIGITS[m.group("code")] for m in _TERRITORY_CODE.finditer(text)}
    lengths |= {_TERRITORY_DIGITS[m.lastgroup[1:]] for m in _TERRITORY_NAMED.finditer(text)}
    if not lengths:
        return
    for match in _BARE_LOCAL.finditer(text):
        pairs = [int(pair) for pair in re.findall(r"\d{2}", match.group("number"))]
        if len(pairs) * 2 in lengths and not (len(pairs) == 3 and 1 <= pairs[0] <= 31 and 1 <= pairs[1] <= 12):
            yield Finding(match.start("number"), match.end("number"), "PHONE", 0.8, "phone.territory_local")


def _realigned(text: str, match: re.Match[str]) -> re.Match[str]:
    """A match followed by one more pair of digits started too early: in "poste 04 - 01 23 45 67
    89" the phone is the last five pairs, not "04 - 01 23 45 67". The match that starts at a later
    pair and ends the run, if there is one."""
    if not _ONE_MORE_PAIR.match(text, match.end()):
        return match
    for pair in _PAIR_START.finditer(text, match.start() + 1, match.end()):
        later = _PHONE.match(text, pair.start())
        if later and later.end() > match.end() and not _ONE_MORE_PAIR.match(text, later.end()):
            return later
    return match


_ONE_MORE_PAIR = re.compile(r"(?:[ ]?[.\-/][ ]?|[ ])\d{2}(?!\d)")
_PAIR_START = re.compile(r"(?<=[ .\-/])0[1-9]")


class EmailDetector(Detector):
    def __init__(self) -> None:
        super().__init__(name="EmailDetector", categories=["EMAIL"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for match in _EMAIL.finditer(text):
            yield Finding(match.start(), match.end(), "EMAIL", 1.0, "email.format")


class UrlDetector(Detector):
    """URLs with a scheme, "www." or a common domain suffix (no public-suffix download)."""

    def __init__(self) -> None:
        super().__init__(name="UrlDetector", categories=["URL"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for match in _URL.finditer(text):
            value = match.group().rstrip(".,;:)!?»")
            if "@" in value:
                continue
            yield Finding(match.start(), match.start() + len(value), "URL", 0.9, "url.format")


class IpAddressDetector(Detector):
    def __init__(self) -> None:
        super().__init__(name="IpAddressDetector", categories=["IP_ADDRESS"])

    def find(self, text: str, doc: Doc) -> Iterator[Finding]:
        for pattern in (_IPV4, _IPV6):
            for match in pattern.finditer(text):
                try:
                    ipaddress.ip_address(match.group())
                except ValueError:
                    continue
                yield Finding(match.start(), match.end(), "IP_ADDRESS", 0.95, "ip.format")
