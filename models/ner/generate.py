"""Write synthetic, annotated French clinical notes as spaCy DocBin files.

    python models/ner/generate.py --split train --seed 1 --n 9000 --out models/ner/corpus/train.spacy
    python models/ner/generate.py --split dev   --seed 2 --n 700  --out models/ner/corpus/dev.spacy
    python models/ner/generate.py --split test  --seed 3 --n 1200 --out models/ner/corpus/test.spacy

Labels: PERSON (name tokens only, never a title nor a relation word), CITY, HOSPITAL (a named
facility), ADDRESS (the street line). Identities come from Faker / mimesis and from the lists
in gen_lists.py; nothing is real patient data.

Splits:
- train / dev use the TRAIN templates; test uses only the HELD-OUT templates (never seen in
  training), a different seed, partly names that training never sees (one name in eight of each
  pool is reserved for test, chosen by a hash of the name), and a disjoint part of the E3C corpus
  for the real-prose negatives.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_lists as L  # noqa: E402
import gen_negatives as NEG  # noqa: E402

E3C_PATH = Path("/work/shared/corpora/e3c-fr-clinical-cases.jsonl")
VOWELS = "AEIOUYÂÊÎÔÛÉÈËÏÜHaeiouyâêîôûéèëïüh"


def _hash_bucket(s: str, n: int = 8) -> int:
    return int(hashlib.md5(s.lower().encode()).hexdigest()[:8], 16) % n


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


# ---------------------------------------------------------------------------------------
# Pools of identities (deterministic, independent of the document seed)
# ---------------------------------------------------------------------------------------
class NamePool:
    """A pool of strings split into a train part and a test-only part (1 in 8 by hash)."""

    def __init__(self, items, keep_both=()):
        items = sorted({i.strip() for i in items if i and i.strip() and re.search(r"[A-Za-zÀ-ÿ]", i)})
        both = set(keep_both)
        self.train = [i for i in items if i in both or _hash_bucket(i) != 0]
        self.test = [i for i in items if i in both or _hash_bucket(i) == 0]

    def pick(self, rng, split):
        if split == "test" and self.test and rng.random() < 0.6:
            return rng.choice(self.test)
        return rng.choice(self.train)


NOT_NAMES = {w.lower() for w in L.MONTHS + L.DAYS} | {"mardi", "janvier", "avril", "juin", "mai", "noël"}


def _load_exclusions() -> set[str]:
    """Words the project's name lexicons already reject as names (models/identifiers)."""
    p = Path(__file__).resolve().parents[1] / "identifiers" / "name_exclusions.yaml"
    if not p.exists():
        return set()
    import yaml

    data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    out = set()
    for v in data.values():
        if isinstance(v, list):
            out |= {str(x).lower() for x in v}
    return out


EXCLUDED = NOT_NAMES | _load_exclusions()


def _latin(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žƀ-ɏḀ-ỿ' \-]+", s)) and s.lower() not in EXCLUDED


def build_pools():
    from faker import Faker
    from mimesis import Person
    from mimesis.locales import Locale

    pools = {}

    def mim(loc):
        d = Person(Locale(loc))._dataset
        sur = d["surnames"]
        if isinstance(sur, dict):
            sur = list(sur.get("male", [])) + list(sur.get("female", []))
        return list(d["names"]["female"]), list(d["names"]["male"]), list(sur)

    def fak(loc, n=400):
        f = Faker(loc)
        f.seed_instance(1234)
        fem = [f.first_name_female() for _ in range(n)]
        mal = [f.first_name_male() for _ in range(n)]
        las = [f.last_name() for _ in range(n)]
        return fem, mal, las

    def add(origin, fem, mal, las, fem_extra=(), mal_extra=(), las_extra=()):
        fem = [x for x in list(fem) + list(fem_extra) if _latin(x)]
        mal = [x for x in list(mal) + list(mal_extra) if _latin(x)]
        las = [x for x in list(las) + list(las_extra) if _latin(x)]
        pools[origin] = (
            NamePool(fem, L.COMMON_WORD_FIRST_F),
            NamePool(mal, L.COMMON_WORD_FIRST_M),
            NamePool(las, L.COMMON_WORD_LAST),
        )

    ff, fm, fl = fak("fr_FR", 800)
    mf, mm, ml = mim("fr")
    add("fr", ff + mf, fm + mm, fl + ml, L.COMMON_WORD_FIRST_F, L.COMMON_WORD_FIRST_M, L.COMMON_WORD_LAST)
    for origin, mloc, floc in [("pt", "pt", "pt_PT"), ("es", "es", "es_ES"), ("it", "it", "it_IT"),
                               ("tr", "tr", "tr_TR"), ("pl", "pl", "pl_PL"), ("de", "de", "de_DE"),
                               ("en", "en", "en_GB"), ("nl", "nl-be", "nl_BE")]:  # fmt: skip
        a, b, c = mim(mloc)
        d, e, f = fak(floc)
        add(origin, a + d, b + e, c + f)
    dzf, dzm, dzl = fak("fr_DZ")
    # MAGHREB_LAST mixes one- and two-word names (Ben Ali, El Amrani, Aït Ouali)
    mag_last = []
    for line in L.MAGHREB_LAST:
        toks = line.split()
        i = 0
        while i < len(toks):
            if toks[i] in ("Ben", "El", "Ait", "Aït", "Ould") and i + 1 < len(toks):
                mag_last.append(toks[i] + " " + toks[i + 1])
                i += 2
            else:
                mag_last.append(toks[i])
                i += 1
    add("maghreb", dzf, dzm, dzl + mag_last, L.MAGHREB_FIRST_F, L.MAGHREB_FIRST_M)
    ngf, ngm, ngl = [], [], []
    for loc in ("yo_NG", "ig_NG", "ha_NG", "tw_GH"):
        a, b, c = fak(loc, 150)
        ngf += a
        ngm += b
        ngl += c
    add("westafrica", L.WEST_AFRICA_FIRST_F + ngf[:100], L.WEST_AFRICA_FIRST_M + ngm[:100],
        L.WEST_AFRICA_LAST + ngl[:100])  # fmt: skip
    add("viet", L.VIET_FIRST, L.VIET_FIRST, L.VIET_LAST)
    add("chinese", L.CHINESE_FIRST, L.CHINESE_FIRST, L.CHINESE_LAST)
    add("particle", ff + mf, fm + mm, L.PARTICLE_LAST)
    add("fr_hyphen", L.FR_HYPHEN_FIRST_F, L.FR_HYPHEN_FIRST_M, fl + ml)

    from mimesis import Address

    fr_cities = list(Address(Locale("fr"))._dataset["city"])
    faker_fr = Faker("fr_FR")
    faker_fr.seed_instance(99)
    # Faker's fr_FR cities are invented ("Lopez-sur-Giraud"); keep only the compound ones, since
    # single-word ones are surnames ("Voisin") and would teach CITY for a surname.
    fake_cities = [c for c in (faker_fr.city() for _ in range(300)) if re.search(r"[- ]", c)][:120]
    cities = NamePool(fr_cities + L.EXTRA_CITIES + fake_cities)
    foreign = NamePool(L.FOREIGN_CITIES)
    mim_streets = [s for s in Address(Locale("fr"))._dataset["street"]["name"] if _latin(s)]
    streets = NamePool(L.STREET_NAMES + mim_streets)
    return pools, cities, foreign, streets


ORIGIN_WEIGHTS = {
    "fr": 40, "fr_hyphen": 6, "particle": 4, "maghreb": 15, "pt": 5, "es": 3, "it": 4, "tr": 4, "pl": 3,
    "westafrica": 7, "viet": 3, "chinese": 3, "de": 1, "en": 1, "nl": 1,
}  # fmt: skip


@dataclass
class Ident:
    first: str
    last: str
    gender: str  # "F" or "M"


# ---------------------------------------------------------------------------------------
# Document builder
# ---------------------------------------------------------------------------------------
class Doc:
    def __init__(self, g: "Gen"):
        self.g = g
        self.parts: list[str] = []
        self.pos = 0
        self.ents: list[tuple[int, int, str]] = []

    def _style(self, s: str) -> str:
        if self.g.no_accents:
            s = strip_accents(s)
        if self.g.lower:
            s = s.lower()
        return s

    def t(self, s: str):
        """Plain text (never an entity); may receive typos."""
        s = self._style(s)
        if s.startswith(".") and self.parts and self.parts[-1].endswith("."):
            s = s[1:]  # "Dr MATEUS M.." -> "Dr MATEUS M."
        if self.g.typo_rate and len(s) > 3:
            s = self.g.typo(s)
        self.parts.append(s)
        self.pos += len(s)
        return self

    def e(self, s: str, label: str):
        s = self._style(s)
        if self.parts and self.parts[-1][-1:] in ":/(" and s[:1].isdigit():
            self.parts.append(" ")  # "Adresse:12 rue" is one token for spaCy: keep a space
            self.pos += 1
        self.ents.append((self.pos, self.pos + len(s), label))
        self.parts.append(s)
        self.pos += len(s)
        return self

    def nl(self, k: int | None = None):
        g = self.g
        if k is None:
            k = g.rng.choice([1, 1, 1, 1, 2, 2, 3]) if not g.compact else 1
        self.parts.append("\n" * k)
        self.pos += k
        return self

    def sp(self):
        return self.t(" ")

    def text(self):
        return "".join(self.parts)

    def hard_wrap(self, width: int):
        """Break lines at spaces outside entities, as PDF extraction does (offsets unchanged)."""
        chars = list(self.text())
        inside = set()
        for s, e, _ in self.ents:
            inside.update(range(s, e))
        col = 0
        for i, c in enumerate(chars):
            col = 0 if c == "\n" else col + 1
            if c == " " and col >= width and i not in inside:
                chars[i] = "\n"
                col = 0
        self.parts = ["".join(chars)]


# ---------------------------------------------------------------------------------------
# Generator: random identities and surface forms
# ---------------------------------------------------------------------------------------
class Gen:
    def __init__(self, rng: random.Random, split: str, pools, e3c_sents):
        self.rng = rng
        self.split = split
        self.name_pools, self.cities, self.foreign, self.streets = pools
        self.e3c = e3c_sents
        self.no_accents = False
        self.lower = False
        self.typo_rate = 0.0
        self.compact = False
        self.e3c_docs: list[list[list[str]]] = []  # set by generate() for train and dev

    # -- doc-level style
    def reset_style(self, allow_lower=False):
        r = self.rng
        self.no_accents = r.random() < 0.12
        self.lower = allow_lower and r.random() < 0.5
        self.typo_rate = r.choice([0, 0, 0, 0.01, 0.03])
        self.compact = r.random() < 0.25

    def typo(self, s: str) -> str:
        words = s.split(" ")
        out = []
        for w in words:
            if len(w) > 4 and w.isalpha() and self.rng.random() < self.typo_rate:
                i = self.rng.randrange(1, len(w) - 2)
                op = self.rng.random()
                if op < 0.4:
                    w = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
                elif op < 0.7:
                    w = w[:i] + w[i + 1 :]
                else:
                    w = w[:i] + w[i] + w[i:]
            out.append(w)
        return " ".join(out)

    def ch(self, seq):
        return self.rng.choice(seq)

    def wch(self, pairs):
        items, weights = zip(*pairs)
        return self.rng.choices(items, weights=weights)[0]

    def p(self, x: float) -> bool:
        return self.rng.random() < x

    # -- identities
    def ident(self, gender: str | None = None) -> Ident:
        r = self.rng
        gender = gender or r.choice("FM")
        origin = self.wch(list(ORIGIN_WEIGHTS.items()))
        fem, mal, las = self.name_pools[origin]
        first = (fem if gender == "F" else mal).pick(r, self.split)
        if r.random() < 0.15:  # mixed origins
            origin2 = self.wch(list(ORIGIN_WEIGHTS.items()))
            las = self.name_pools[origin2][2]
        last = las.pick(r, self.split)
        if r.random() < 0.04:  # compound surname
            last = last + "-" + self.name_pools["fr"][2].pick(r, self.split)
        if r.random() < 0.05 and origin in ("fr", "pt", "es", "it"):  # composed first name
            f2 = (fem if gender == "F" else mal).pick(r, self.split)
            if f2 != first and " " not in first:
                first = f"{first}-{f2}"
        return Ident(first, last, gender)

    def city(self) -> str:
        return self.cities.pick(self.rng, self.split)

    def foreign_city(self) -> str:
        return self.foreign.pick(self.rng, self.split)

    # -- surface forms of a name
    @staticmethod
    def initials(first: str, dot=True) -> str:
        parts = re.split(r"([- ])", first)
        out = ""
        for p_ in parts:
            if p_ in ("-", " "):
                out += "-" if p_ == "-" else " "
            elif p_:
                out += p_[0].upper() + ("." if dot else "")
        return out.replace(" ", "")

    def name_form(self, who: Ident, style: str | None = None) -> str:
        f, l_ = who.first, who.last
        style = style or self.wch([
            ("Prenom NOM", 26), ("NOM Prenom", 20), ("Prenom Nom", 16), ("Nom Prenom", 4), ("NOM", 7),
            ("Nom", 7), ("P. NOM", 6), ("P. Nom", 5), ("NOM P.", 2), ("PRENOM NOM", 3), ("prenom nom", 1),
            ("Prenom", 3),
        ])  # fmt: skip
        up = l_.upper() if not l_.startswith(("de ", "d'", "du ", "des ", "van ", "di ")) or self.p(0.5) else l_
        if style == "Prenom NOM":
            return f"{f} {up}"
        if style == "NOM Prenom":
            return f"{up} {f}"
        if style == "Prenom Nom":
            return f"{f} {l_}"
        if style == "Nom Prenom":
            return f"{l_} {f}"
        if style == "NOM":
            return up
        if style == "Nom":
            return l_
        if style == "P. NOM":
            return f"{self.initials(f)} {up}"
        if style == "P. Nom":
            return f"{self.initials(f)} {l_}"
        if style == "NOM P.":
            return f"{up} {self.initials(f)}"
        if style == "PRENOM NOM":
            return f"{f.upper()} {l_.upper()}"
        if style == "prenom nom":
            return f"{f.lower()} {l_.lower()}"
        if style == "Prenom":
            return f
        if style == "nom":
            return l_.lower()
        if style == "prenom":
            return f.lower()
        if style == "initials":
            a, b = f[0].upper(), l_[0].upper()
            return self.ch([f"{a}.{b}", f"{a}.{b}.", f"{a}{b}", f"{a}. {b}.", f"{a} {b}", f"{b}.{a}"])
        raise ValueError(style)

    def title(self, who: Ident, kind: str = "civil") -> str:
        if kind == "doc":
            t = self.wch([("Dr", 40), ("Dr.", 8), ("Docteur", 10), ("Pr", 8), ("Pr.", 2), ("Professeur", 3),
                          ("DR", 2), ("dr", 3), ("Dr", 0)])  # fmt: skip
            return t
        if who.gender == "F":
            return self.wch([("Mme", 45), ("Madame", 20), ("Mme.", 4), ("MME", 3), ("Mlle", 3), ("mme", 3),
                             ("MADAME", 2)])  # fmt: skip
        return self.wch([("M.", 35), ("Monsieur", 20), ("Mr", 15), ("Mr.", 4), ("MONSIEUR", 2), ("M", 2),
                         ("mr", 2)])  # fmt: skip

    # -- places
    @staticmethod
    def de(city: str) -> str:
        if city.startswith("Le "):
            return "du " + city[3:]
        if city.startswith("Les "):
            return "des " + city[4:]
        if city.startswith("La "):
            return "de " + city
        if city[0] in VOWELS:
            return "d'" + city
        return "de " + city

    def hospital(self) -> str:
        c = self.city()
        k = self.wch([("chu", 14), ("ch", 16), ("hopnamed", 6), ("famous", 12), ("clinique", 12), ("ehpad", 6),
                      ("other", 6)])  # fmt: skip
        if k == "chu":
            return self.ch([f"CHU {self.de(c)}", f"CHU {c}", f"CHRU {self.de(c)}", f"CHR {self.de(c)}",
                            f"C.H.U. {self.de(c)}", f"Centre hospitalier universitaire {self.de(c)}",
                            f"CHU {c.upper()}", f"Centre Hospitalier Universitaire {self.de(c)}",
                            f"Hôpital universitaire {self.de(c)}"])  # fmt: skip
        if k == "ch":
            return self.ch([f"Centre hospitalier {self.de(c)}", f"Centre Hospitalier {self.de(c)}", f"CH {self.de(c)}",
                            f"CH {c}", f"Hôpital {self.de(c)}", f"CENTRE HOSPITALIER {self.de(c).upper()}",
                            f"Centre hospitalier intercommunal {self.de(c)}", f"CHI {c}", f"CHG {self.de(c)}",
                            f"Hôpital local {self.de(c)}", f"Centre Hospitalier {c}", f"hôpital {self.de(c)}",
                            f"GHT {c}", f"Groupe hospitalier {self.de(c)}"])  # fmt: skip
        if k == "hopnamed":
            who = self.ident()
            saint = self.ch(["Saint-Joseph", "Saint-Louis", "Sainte-Marie", "Saint-Vincent-de-Paul", "Saint-Jacques",
                             "Sainte-Musse", "Saint-Philibert", "Saint-André", "Saint-Luc"])  # fmt: skip
            return self.ch([f"Hôpital {saint}", f"Hôpital {who.first} {who.last}", f"Hôpital {who.first}-{who.last}",
                            f"Hôpital privé {saint}", f"Groupe hospitalier {saint}", f"Hôpital {saint} {self.de(c)}"])  # fmt: skip
        if k == "famous":
            return self.ch(L.HOSPITALS_FAMOUS)
        if k == "clinique":
            n = self.ch(L.CLINIC_NAMES)
            return self.ch([f"Clinique {n}", f"Polyclinique {n}", f"Clinique {n}", f"CLINIQUE {n.upper()}",
                            f"Clinique {n} {self.de(c)}", f"Hôpital privé {n}", f"Polyclinique {self.de(c)}",
                            f"Clinique mutualiste {self.de(c)}", f"Nouvelle Clinique {n}"])  # fmt: skip
        if k == "ehpad":
            n = self.ch(L.EHPAD_NAMES)
            return self.ch([f"EHPAD {n}", f"Ehpad {n}", f"EHPAD « {n} »", f"Résidence {n}", f"EHPAD {n} {self.de(c)}",
                            f"SSR {n}", f"USLD {n}", f"Maison de retraite {n}"])  # fmt: skip
        return self.ch([f"Centre de rééducation {self.de(c)}", f"CMP {self.de(c)}", f"Centre médico-psychologique {self.de(c)}",
                        f"Maison de santé {self.de(c)}", f"Maison de santé pluriprofessionnelle {self.de(c)}",
                        f"Centre de santé {self.de(c)}", f"Institut de cancérologie {self.de(c)}",
                        f"Centre de lutte contre le cancer {self.de(c)}", f"Centre de dialyse {self.de(c)}",
                        f"Centre hospitalier spécialisé {self.de(c)}", f"EPSM {self.de(c)}", f"CHS {c}"])  # fmt: skip

    def street(self) -> str:
        r = self.rng
        num = str(r.choice([r.randint(1, 30), r.randint(1, 30), r.randint(1, 250), r.randint(1, 1200)]))
        suf = self.wch([("", 80), (" bis", 8), ("bis", 2), (" ter", 3), (" B", 2), ("B", 1), (" A", 1)])
        typ = self.wch(L.STREET_TYPES)
        nm = self.streets.pick(r, self.split)
        if r.random() < 0.08:
            w = self.ident()
            nm = f"{w.first} {w.last}"
        if typ in ("rue", "Rue", "RUE", "r.") and r.random() < 0.2:
            nm = "de " + nm if nm[0].isupper() and not nm.startswith(("de ", "du ", "des ")) else nm
        line = self.wch([(f"{num}{suf} {typ} {nm}", 70), (f"{num}{suf}, {typ} {nm}", 20),
                         (f"{typ.capitalize()} {nm}", 4), (f"n°{num} {typ} {nm}", 3),
                         (f"{num}{suf} {typ} {nm}".upper(), 5)])  # fmt: skip
        return line

    def postcode(self) -> str:
        return f"{self.rng.randint(1, 95):02d}{self.rng.randint(0, 999):03d}"

    def phone(self) -> str:
        r = self.rng
        d = [f"0{r.choice('1234567')}"] + [f"{r.randint(0, 99):02d}" for _ in range(4)]
        return self.ch([" ".join(d), ".".join(d), "".join(d), "-".join(d), "+33 " + d[0][1] + " " + " ".join(d[1:])])

    def date(self) -> str:
        r = self.rng
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(2015, 2025)
        return self.ch([f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y % 100:02d}",
                        f"{d} {L.MONTHS[m - 1]} {y}", f"{d:02d}.{m:02d}.{y}", f"{y}-{m:02d}-{d:02d}"])  # fmt: skip

    def birthdate(self) -> str:
        r = self.rng
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(1925, 2020)
        return self.ch([f"{d:02d}/{m:02d}/{y}", f"{d} {L.MONTHS[m - 1]} {y}", f"{d:02d}-{m:02d}-{y}"])

    def time(self) -> str:
        h, m = self.rng.randint(0, 23), self.rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
        return self.ch([f"{h}h{m:02d}", f"{h:02d}:{m:02d}", f"{h}h", f"{h:02d}H{m:02d}"])

    def ipp(self) -> str:
        return str(self.rng.randint(10**6, 10**10))

    def email(self, who: Ident) -> str:
        dom = self.ch(["chu-nantes.fr", "aphp.fr", "ch-dax.fr", "gmail.com", "orange.fr", "wanadoo.fr", "chu-lyon.fr",
                       "mssante.fr", "medecin.mssante.fr", "free.fr", "hotmail.fr"])  # fmt: skip
        loc = strip_accents(f"{who.first[0]}.{who.last}".lower().replace(" ", "").replace("'", ""))
        return f"{loc}@{dom}"

    def sep(self) -> str:
        return self.wch([(" : ", 40), (": ", 20), (" :", 5), (":", 6), (" - ", 5), ("\t", 6), ("  ", 3),
                         (" :\t", 3), (" = ", 1)])  # fmt: skip

    def hdr(self, s: str) -> str:
        s = self.wch([(s, 40), (s.upper(), 35), (s.capitalize(), 10), (s.title(), 5)])
        return self.wch([(s, 60), (s + " :", 15), (s + ":", 10), (f"** {s} **", 3), (f"--- {s} ---", 3),
                         (f"{s}\n" + "-" * min(len(s), 30), 4), (f"# {s}", 2), (f"[{s}]", 2)])  # fmt: skip

    def age(self) -> int:
        return self.rng.randint(18, 97)

    def fill(self, s: str) -> str:
        r = self.rng
        vals = dict(age=r.randint(18, 95), kg=r.randint(3, 15), d=self.date(), hb=round(r.uniform(7, 15), 1),
                    plt=r.randint(50, 450), crp=r.randint(1, 300), creat=r.randint(40, 400), fevg=r.randint(25, 70),
                    pa=r.randint(5, 60), eva=r.randint(0, 10), bnp=r.randint(50, 5000), ui=r.randint(6, 40),
                    mmse=r.randint(10, 30))  # fmt: skip
        return s.format(**vals)

    def clinical(self, n=None, real_share=0.5) -> list[str]:
        """Unlabelled clinical sentences: generated ones and real E3C sentences."""
        n = n if n is not None else self.rng.randint(2, 7)
        out = []
        for _ in range(n):
            if self.e3c and self.p(real_share):
                out.append(self.ch(self.e3c))
            else:
                out.append(self.fill(self.ch(L.CLINICAL_SENTENCES)))
        return out

    def prose(self, d: Doc, n=None, real_share=0.5, joiner=None):
        sents = self.clinical(n, real_share)
        j = joiner or self.ch([" ", " ", "\n", " "])
        d.t(j.join(sents))

    def speciality(self) -> str:
        return self.ch(L.SPECIALITIES)


# ---------------------------------------------------------------------------------------
# Reusable writing helpers (shared by all templates: they make entities, not wording)
# ---------------------------------------------------------------------------------------
def put_person(d: Doc, g: Gen, who: Ident, kind: str = "civil", style: str | None = None, title: bool | None = None):
    """[Title ]Name; only the name is labelled."""
    if title is None:
        title = g.p(0.85 if kind == "doc" else 0.6)
    if title:
        d.t(g.title(who, kind) + " ")
    d.e(g.name_form(who, style), "PERSON")


def put_doctor(d: Doc, g: Gen, who: Ident | None = None, style=None, suffix=None):
    who = who or g.ident()
    put_person(d, g, who, "doc", style=style, title=g.p(0.9))
    if suffix is None:
        suffix = g.p(0.3)
    if suffix:
        d.t(g.ch([", ", " - ", " (", " – "]) + g.ch(L.DOCTOR_SUFFIXES))
        if d.parts[-1].startswith(" ("):
            d.t(")")
    return who


def put_city_line(d: Doc, g: Gen, city: str | None = None):
    city = city or g.city()
    if g.p(0.8):
        d.t(g.postcode() + g.ch([" ", " ", "  "]))
    d.e(city.upper() if g.p(0.35) else city, "CITY")
    if g.p(0.1):
        d.t(" Cedex" + g.ch(["", " 1", " 9", " 01"]))
    return city


def put_address(d: Doc, g: Gen, one_line: bool | None = None):
    d.e(g.street(), "ADDRESS")
    if one_line is None:
        one_line = g.p(0.4)
    if one_line and g.p(0.25):  # "12 rue des Lilas à Dax", "18 avenue de la Source MALAKOFF"
        d.t(g.ch([" à ", " ", " a ", ", "]))
        c = g.city()
        d.e(c.upper() if g.p(0.4) else c, "CITY")
        return
    d.t(g.ch([", ", " ", " - ", ", "]) if one_line else "\n")
    put_city_line(d, g)


def put_hospital(d: Doc, g: Gen, name: str | None = None):
    d.e(name or g.hospital(), "HOSPITAL")


# ---------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------
TEMPLATES: dict[str, tuple] = {}


def template(name, split="train", weight=1.0, lower=False):
    def deco(fn):
        TEMPLATES[name] = (fn, split, weight, lower)
        return fn

    return deco


def letterhead(d: Doc, g: Gen, hosp: str | None = None):
    hosp = hosp or g.hospital()
    put_hospital(d, g, hosp.upper() if g.p(0.3) else hosp)
    d.nl(1)
    if g.p(0.5):
        d.t(g.hdr(g.ch(["Service de ", "Pôle ", "Département de ", "Unité de ", ""]) + g.speciality())).nl(1)
    if g.p(0.6):
        put_address(d, g)
        d.nl(1)
    if g.p(0.5):
        d.t(g.ch(["Tél", "Tel", "Tél.", "Secrétariat", "Standard"]) + g.sep() + g.phone())
        if g.p(0.4):
            d.t(g.ch([" - Fax : ", " Fax: ", "\tFax "]) + g.phone())
        d.nl(1)
    if g.p(0.3):
        d.t("FINESS" + g.sep() + str(g.rng.randint(10**8, 10**9))).nl(1)
    return hosp


def staff_list(d: Doc, g: Gen, n=None):
    n = n or g.rng.randint(2, 7)
    roles = g.rng.sample(L.STAFF_ROLES, n)
    inline = g.p(0.25)
    for i, role in enumerate(roles):
        d.t(role + g.sep())
        k = 1 if not role.endswith("s") else g.rng.randint(1, 3)
        for j in range(k):
            who = g.ident()
            medical = role not in ("Cadre de santé", "Secrétariat", "Secrétaire médicale", "Assistante sociale",
                                   "Diététicienne", "Psychologue", "Kinésithérapeute", "Cadre supérieur de santé",
                                   "Cadre de soins", "Infirmière coordinatrice", "Externe", "IPA")  # fmt: skip
            if medical:
                put_person(d, g, who, "doc", title=g.p(0.8))
            else:
                put_person(d, g, who, "civil", title=g.p(0.4))
            if g.p(0.15):
                d.t(" (poste " + str(g.rng.randint(1000, 9999)) + ")")
            if j < k - 1:
                d.t(g.ch([", ", " / ", " - ", "; "]))
        d.t(g.ch([" | ", " - ", "   "]) if inline and i < n - 1 else "\n")
    if inline:
        d.nl(1)


def patient_header(d: Doc, g: Gen, pat: Ident, full=True):
    style = g.ch(["lines", "lines", "inline", "table", "sentence"])
    nom = pat.last.upper() if g.p(0.8) else pat.last
    if style == "sentence":
        d.t(g.ch(["Patient", "Patiente", "Concerne", "Objet", "Identité"]) + g.sep())
        put_person(d, g, pat, title=g.p(0.7), style=g.ch(["NOM Prenom", "Prenom NOM", "NOM Prenom"]))
        if g.p(0.7):
            d.t(g.ch([", né", ", née", " né(e)", ", ", " - DDN "]) + g.ch([" le ", " ", ""]) + g.birthdate())
        if g.p(0.4):
            d.t(g.ch([" à ", ", à "]))
            d.e(g.city() if g.p(0.7) else g.foreign_city(), "CITY")
        if g.p(0.5):
            d.t(g.ch([", demeurant ", ", domicilié au ", ", ", " - "]))
            put_address(d, g, one_line=True)
        d.nl()
        return
    fields = []
    fields.append(("Nom" if g.p(0.7) else g.ch(["NOM", "Nom de naissance", "Nom d'usage", "Nom usuel"]), ("e", nom, "PERSON")))
    fields.append((g.ch(["Prénom", "Prénom", "PRENOM", "Prénom(s)", "Prenom"]), ("e", pat.first, "PERSON")))
    if g.p(0.25):
        other = g.ident()
        fields.append((g.ch(["Nom de naissance", "Née", "Nom d'épouse", "Nom marital"]), ("e", other.last.upper(), "PERSON")))
    fields.append((g.ch(["Né(e) le", "Date de naissance", "DDN", "Né le", "Née le"]), ("t", g.birthdate())))
    if g.p(0.4):
        fields.append((g.ch(["Lieu de naissance", "Né(e) à", "à"]), ("e", g.city() if g.p(0.6) else g.foreign_city(), "CITY")))
    if g.p(0.5):
        fields.append((g.ch(["Sexe", "Sexe"]), ("t", g.ch(["F", "M", "Féminin", "Masculin"]))))
    if g.p(0.6):
        fields.append((g.ch(["IPP", "N° IPP", "NIP", "N° dossier", "NDA"]), ("t", g.ipp())))
    if full and g.p(0.7):
        fields.append((g.ch(["Adresse", "Domicile", "Adr."]), ("addr",)))
    if full and g.p(0.5):
        fields.append((g.ch(["Tél", "Téléphone", "Tel portable"]), ("t", g.phone())))
    if full and g.p(0.6):
        fields.append((g.ch(["Médecin traitant", "Médecin Traitant", "MT", "Médecin référent"]), ("doc",)))
    if full and g.p(0.5):
        fields.append((g.ch(["Personne de confiance", "Personne à prévenir", "Contact", "Personne de confiance désignée"]), ("conf",)))
    if g.p(0.3):
        g.rng.shuffle(fields)
    sep_inline = g.ch(["   ", "\t", " - ", " | ", "    "])
    if g.p(0.3):
        fields.insert(g.rng.randrange(len(fields) + 1), ("trap",))
    for i, (lab, *val) in enumerate(fields):
        if lab == "trap":
            d.t(g.fill(g.ch(LINE_START_TRAPS)) + "\n")
            continue
        val = val[0]
        d.t(lab + g.sep())
        kind = val[0]
        if kind == "e":
            d.e(val[1], val[2])
        elif kind == "t":
            d.t(val[1])
        elif kind == "addr":
            put_address(d, g, one_line=style != "lines" or g.p(0.5))
        elif kind == "doc":
            put_doctor(d, g, suffix=False)
            if g.p(0.4):
                d.t(g.ch([", ", " - ", " à "]))
                d.e(g.city(), "CITY")
        elif kind == "conf":
            rel = g.ch(["fille", "fils", "époux", "épouse", "fils", "sœur", "frère", "nièce", "neveu", "ami", "voisine", "conjoint"])
            who = g.ident("F" if rel in ("fille", "épouse", "sœur", "nièce", "voisine") else "M")
            if g.p(0.5):
                put_person(d, g, who, title=g.p(0.6))
                d.t(g.ch([" (", ", ", " - "]) + rel + (")" if d.parts[-1].startswith(" (") else ""))
            else:
                d.t(g.ch(["sa ", "son ", ""]) if g.p(0.3) else "")
                d.t(rel + " ")
                put_person(d, g, who, title=g.p(0.3))
            if g.p(0.5):
                d.t(g.ch([" - ", ", tél ", " ", " Tél : "]) + g.phone())
        if style == "lines":
            d.t("\n")
        elif style == "table":
            d.t("\n" if i % 2 else sep_inline)
        else:
            d.t(sep_inline if i < len(fields) - 1 else "\n")
    d.nl(1)


def signature(d: Doc, g: Gen, who: Ident | None = None):
    who = who or g.ident()
    k = g.ch(["plain", "electronic", "role", "role", "dictated", "initials"])
    if k == "electronic":
        d.t(g.ch(["Signé électroniquement par ", "Document signé électroniquement par ", "Validé par ",
                  "Signé électroniquement par : ", "Validé électroniquement par "]))  # fmt: skip
        put_person(d, g, who, "doc", title=g.p(0.7), style=g.ch(["Prenom NOM", "NOM Prenom", "P. NOM"]))
        if g.p(0.6):
            d.t(g.ch([" le ", ", le ", " - "]) + g.date() + (" à " + g.time() if g.p(0.5) else ""))
    elif k == "role":
        put_person(d, g, who, "doc", title=True, style=g.ch(["P. Nom", "P. NOM", "Prenom NOM", "Prenom Nom"]))
        d.t(g.ch([", ", "\n", " - ", ", "]) + g.ch(L.DOCTOR_SUFFIXES))
        if g.p(0.4):
            d.t(g.ch([", service de ", "\nService de ", " en "]) + g.speciality())
        if g.p(0.3):
            d.t(g.ch(["\nRPPS : ", " - RPPS ", "\nN° RPPS "]) + str(g.rng.randint(10**10, 10**11)))
    elif k == "dictated":
        d.t(g.ch(["Dicté par ", "Dicté par le ", "Compte rendu dicté par "]))
        put_person(d, g, who, "doc", title=True)
        d.t(g.ch([", frappé par ", " - tapé par ", ", saisi par "]))
        put_person(d, g, g.ident("F"), title=False, style=g.ch(["Prenom", "P. Nom", "Prenom NOM", "initials"]))
    elif k == "initials":
        put_person(d, g, who, "doc", title=g.p(0.7), style=g.ch(["P. NOM", "P. Nom", "NOM"]))
        d.t(g.ch(["/", " / ", "/"]))
        d.e(g.name_form(g.ident(), "initials").replace(".", "").replace(" ", ""), "PERSON")
    else:
        put_doctor(d, g, who, suffix=g.p(0.5))
    d.nl()


def copie_a(d: Doc, g: Gen):
    d.t(g.ch(["Copie à", "Copie", "Copies", "Cc", "Copie adressée à", "Double à", "COPIE A", "Copie au"]) + g.sep())
    n = g.rng.randint(1, 4)
    multi = g.p(0.5)
    for i in range(n):
        if multi:
            d.t("\n- " if g.p(0.6) else "\n")
        r = g.rng.random()
        if r < 0.6:
            put_doctor(d, g, suffix=g.p(0.3))
            if g.p(0.4):
                d.t(g.ch([", ", " - ", " ("]))
                if g.p(0.5):
                    put_hospital(d, g)
                else:
                    put_address(d, g, one_line=True)
                if d.parts[-1] == " (" or " (" in "".join(d.parts[-4:]):
                    pass
        elif r < 0.75:
            d.t(g.ch(["Médecin traitant", "Patient", "Patiente", "Dossier"]))
        else:
            put_doctor(d, g, suffix=False)
            d.t(g.ch([", ", " - "]))
            put_hospital(d, g)
        if not multi and i < n - 1:
            d.t(g.ch([", ", " ; ", " - ", " / "]))
    d.nl()


def family_mention(d: Doc, g: Gen):
    """A sentence naming a relative or a carer (relation word never labelled)."""
    rels = [("sa fille", "F"), ("son fils", "M"), ("son époux", "M"), ("son épouse", "F"), ("sa femme", "F"),
            ("son mari", "M"), ("sa mère", "F"), ("son père", "M"), ("son frère", "M"), ("sa sœur", "F"),
            ("sa nièce", "F"), ("son neveu", "M"), ("sa petite-fille", "F"), ("son petit-fils", "M"),
            ("son compagnon", "M"), ("sa compagne", "F"), ("sa voisine", "F"), ("son voisin", "M"),
            ("son tuteur", "M"), ("sa curatrice", "F"), ("l'infirmière libérale", "F"), ("son aide à domicile", "F"),
            ("sa belle-fille", "F"), ("son gendre", "M"), ("son ami", "M"), ("sa mandataire", "F")]  # fmt: skip
    rel, gd = g.ch(rels)
    who = g.ident(gd)
    pre = g.ch(["Appel de ", "Visite de ", "Accompagné de ", "Accompagnée de ", "Entretien avec ", "Présence de ",
                "Informé : ", "Vu avec ", "Contact avec ", "Message de ", "RDV avec ", "Échange téléphonique avec ",
                "A reçu la visite de ", "Rappeler "])  # fmt: skip
    d.t(pre + rel + " ")
    st = g.wch([("Prenom", 40), ("Prenom NOM", 15), ("NOM", 5), ("Prenom Nom", 10), ("NOM Prenom", 5)])
    if st in ("NOM",) or g.p(0.2):
        d.t(g.title(who) + " ")
    d.e(g.name_form(who, st), "PERSON")
    tail = g.ch(["", "", f" ({g.phone()})", f" au {g.phone()}", " qui souhaite avoir des nouvelles.",
                 " appelle pour des nouvelles.", " passera demain.", " est inquiète.", " demande un rendez-vous.",
                 " souhaite parler au médecin.", " rappellera vers 17h.", " vient tous les jours.",
                 " : inquiète de l'état de sa mère.", ", qui confirme la chute.", " ce jour.",
                 " pour organiser le retour à domicile.", ", informé(e) de l'évolution.", " – rappeler demain."])  # fmt: skip
    d.t(tail + (" " if g.p(0.5) else "\n"))


def family_prose(d: Doc, g: Gen, pat: Ident | None = None):
    k = g.rng.randint(0, 6)
    if k == 0:
        w = g.ident("M")
        d.t(g.ch(["Vit avec son époux ", "Mariée, vit avec son mari ", "Son époux, "]))
        put_person(d, g, w, title=g.p(0.6), style=g.ch(["NOM", "Nom", "Prenom", "Prenom NOM"]))
        d.t(g.ch([", à ", " à ", ", au domicile de "]))
        d.e(g.city(), "CITY")
        d.t(". ")
    elif k == 1:
        w = g.ident()
        d.t(g.ch(["Le petit ", "La petite ", "L'enfant "]))
        d.e(w.first, "PERSON")
        d.t(g.ch([f", {g.rng.randint(2, 14)} ans, ", " "]) + g.ch(["est accompagné de sa maman.", "est scolarisé en CE2.",
                                                                     "présente une fièvre depuis 48 h.", "dort mal.",
                                                                     "mange peu depuis hier.", "tousse la nuit.",
                                                                     "joue calmement dans la salle d'attente.",
                                                                     "pleure à l'examen."]))  # fmt: skip
        d.t(" ")
    elif k == 2:
        w = g.ident("F")
        d.t(g.ch(["Sa fille ", "Sa fille, ", "Une de ses filles, "]))
        put_person(d, g, w, title=g.p(0.3), style=g.ch(["Prenom", "Prenom", "Prenom NOM"]))
        d.t(g.ch([", habite à ", ", vit à ", " réside à "]))
        d.e(g.city(), "CITY")
        d.t(g.ch([" et passe tous les jours.", " et vient le week-end.", ". "]) + " ")
    elif k == 3:
        w = g.ident("M")
        d.t(g.ch(["Son fils ", "Le fils, "]))
        put_person(d, g, w, title=g.p(0.4))
        d.t(g.ch([", joignable au ", " (tél ", ", tel: "]) + g.phone() + g.ch([", est la personne de confiance. ", "). ", ". "]))
    elif k == 4:
        w = g.ident()
        d.t(g.ch(["Veuve de ", "Veuf de ", "Divorcée de ", "Ex-épouse de "]))
        put_person(d, g, w, title=g.p(0.5), style=g.ch(["Prenom NOM", "NOM", "Prenom Nom"]))
        d.t(g.ch([" depuis 2019. ", ". ", ", décédé en 2021. "]))
    elif k == 5:
        a, _unused_wife = g.ident("M"), g.ident("F")  # both drawn: keeps the generator's sequence
        d.t(g.ch(["M. et Mme ", "Monsieur et Madame ", "les époux "]))
        d.e(g.name_form(a, g.ch(["NOM", "Nom"])), "PERSON")
        d.t(g.ch([" sont reçus ce jour.", " vivent à ", " souhaitent un retour à domicile."]))
        if d.parts[-1].endswith("à "):
            d.e(g.city(), "CITY")
            d.t(".")
        d.t(" ")
    else:
        family_mention(d, g)


@template("crh_full")
def t_crh(d: Doc, g: Gen):
    letterhead(d, g)
    d.nl()
    if g.p(0.6):
        staff_list(d, g)
        d.nl()
    if g.p(0.4):
        d.e(g.city(), "CITY")
        d.t(", le " + g.date())
        d.nl()
    d.t(g.hdr(g.ch(["Compte rendu d'hospitalisation", "Compte-rendu d'hospitalisation", "CRH", "Lettre de liaison",
                    "Compte rendu de séjour", "Synthèse d'hospitalisation"])))  # fmt: skip
    d.nl()
    pat = g.ident()
    patient_header(d, g, pat)
    d.t(g.ch(["Hospitalisé(e) du ", "Séjour du ", "Date d'entrée : "]) + g.date() + g.ch([" au ", " - Sortie : ", " au "]) + g.date())
    d.t(g.ch([" dans le service de ", " en ", " - Unité "]) + g.speciality())
    d.nl()
    if g.p(0.5):
        d.t(g.ch(["Adressé(e) par ", "Patient(e) adressé(e) par ", "Sur demande du "]))
        put_doctor(d, g, suffix=False)
        if g.p(0.5):
            d.t(g.ch([" (", ", "]))
            put_hospital(d, g)
            d.t(")" if d.parts[-2] == " (" else "")
        d.nl()
    for sec in g.rng.sample(["Motif d'hospitalisation", "Antécédents", "Traitement habituel", "Mode de vie",
                             "Histoire de la maladie", "Examen clinique", "Examens complémentaires",
                             "Évolution dans le service", "Conclusion", "Traitement de sortie", "Suivi"],
                            g.rng.randint(3, 7)):  # fmt: skip
        d.t(g.hdr(sec)).nl(1)
        if sec == "Mode de vie" and g.p(0.7):
            family_prose(d, g, pat)
        g.prose(d, g.rng.randint(1, 4))
        if g.p(0.15):
            d.t(" ")
            family_mention(d, g)
        d.nl()
    if g.p(0.3):
        d.t(g.ch(["Patient vu avec le ", "Discuté avec le ", "Avis du "]))
        put_doctor(d, g, suffix=False)
        d.t(g.ch([".", " (avis téléphonique).", ", senior."]))
        d.nl()
    if g.p(0.6):
        d.t(g.ch(["Bien confraternellement,", "Cordialement,", "Confraternellement.", ""])).nl()
    signature(d, g)
    if g.p(0.6):
        copie_a(d, g)


@template("lettre_sortie")
def t_letter(d: Doc, g: Gen):
    if g.p(0.5):
        letterhead(d, g)
        d.nl()
    mt = g.ident()
    if g.p(0.6):
        put_doctor(d, g, mt, suffix=False)
        d.nl(1)
        put_address(d, g)
        d.nl()
    if g.p(0.5):
        d.e(g.city(), "CITY")
        d.t(g.ch([", le ", " le ", ", "]) + g.date()).nl()
    else:
        d.t("Le " + g.date()).nl()
    d.t(g.ch(["Cher confrère,", "Chère consœur,", "Cher ami,", "Mon cher confrère,", "Docteur,", "Chère Consoeur,"])).nl()
    pat = g.ident()
    d.t(g.ch(["J'ai vu en consultation ", "Je vous remercie de m'avoir adressé ", "Votre patient(e) ",
              "Nous avons hospitalisé ", "Je revois ce jour ", "J'ai eu le plaisir de recevoir "]))  # fmt: skip
    d.t(g.ch(["votre patiente ", "votre patient ", ""]))
    put_person(d, g, pat, title=g.p(0.8))
    if g.p(0.6):
        d.t(g.ch([f", {g.age()} ans, ", ", née le " + g.birthdate() + ", ", " "]))
    else:
        d.t(" ")
    d.t(g.ch(["pour ", "dans les suites de ", "en raison de "]) + g.ch(["une dyspnée d'effort.", "un bilan d'HTA.",
                                                                         "une décompensation cardiaque.", "des chutes répétées."]))  # fmt: skip
    d.nl()
    g.prose(d, g.rng.randint(2, 6))
    d.nl()
    if g.p(0.4):
        d.t(g.ch(["Je l'ai adressé(e) au ", "Un rendez-vous est pris avec le ", "Je propose un avis auprès du "]))
        put_doctor(d, g, suffix=False)
        d.t(g.ch([" à ", " au ", ", "]))
        if g.p(0.5):
            put_hospital(d, g)
        else:
            d.e(g.city(), "CITY")
        d.t(".").nl()
    if g.p(0.3):
        family_prose(d, g)
        d.nl()
    d.t(g.ch(["Bien confraternellement.", "Je vous prie de croire, cher confrère, en mes sentiments les meilleurs.",
              "Cordialement,", "Bien à vous,", "Avec mes remerciements."])).nl()  # fmt: skip
    signature(d, g)
    if g.p(0.4):
        copie_a(d, g)


@template("admin_header", weight=0.8)
def t_admin(d: Doc, g: Gen):
    if g.p(0.5):
        put_hospital(d, g)
        d.t(g.ch([" - ", "\n", " | "]) + g.ch(["Bureau des entrées", "Admission", "Fiche patient", "Étiquette", "Service " + g.speciality()]))
        d.nl()
    d.t(g.hdr(g.ch(["Identité du patient", "Données administratives", "Fiche de liaison", "Renseignements administratifs", "Patient"]))).nl()
    patient_header(d, g, g.ident())
    if g.p(0.5):
        d.t(g.ch(["Mutuelle", "Caisse", "Régime"]) + g.sep() + g.ch(["CPAM", "MSA", "MGEN", "Harmonie Mutuelle", "CMU-C"])).nl()
    if g.p(0.5):
        d.t(g.ch(["Médecin responsable", "Praticien", "Médecin du service", "Chirurgien"]) + g.sep())
        put_doctor(d, g)
        d.nl()
    if g.p(0.4):
        g.prose(d, g.rng.randint(1, 2))


@template("rcp")
def t_rcp(d: Doc, g: Gen):
    if g.p(0.6):
        put_hospital(d, g)
        d.nl(1)
    d.t(g.hdr(g.ch(["RCP", "Réunion de concertation pluridisciplinaire", "Fiche RCP", "RCP d'oncologie digestive",
                    "RCP Thorax", "RCP uro-oncologie", "Staff pluridisciplinaire"])) + " du " + g.date()).nl()  # fmt: skip
    d.t(g.ch(["Participants", "Médecins présents", "Présents", "Quorum", "Membres présents"]) + g.sep())
    n = g.rng.randint(3, 8)
    vertical = g.p(0.5)
    for i in range(n):
        if vertical:
            d.t("\n" + g.ch(["- ", "• ", "", "* "]))
        put_doctor(d, g, suffix=False)
        if g.p(0.7):
            d.t(g.ch([" (", ", ", " - "]) + g.ch(["chirurgien", "oncologue", "radiothérapeute", "radiologue",
                                                  "anatomopathologiste", "gastro-entérologue", "pneumologue",
                                                  "urologue", "IDE coordinatrice"]))  # fmt: skip
            if d.parts[-2] == " (":
                d.t(")")
        if not vertical and i < n - 1:
            d.t(g.ch([", ", " ; ", " / "]))
    d.nl()
    pat = g.ident()
    d.t(g.ch(["Patient", "Dossier présenté", "Patient(e)", "Nom du patient"]) + g.sep())
    put_person(d, g, pat, title=g.p(0.5), style=g.ch(["NOM Prenom", "Prenom NOM", "NOM Prenom"]))
    d.t(g.ch([", né(e) le ", " - ", " DDN: "]) + g.birthdate()).nl()
    d.t(g.ch(["Présenté par", "Médecin référent", "Demandeur"]) + g.sep())
    put_doctor(d, g)
    d.nl()
    d.t(g.hdr("Histoire")).nl(1)
    g.prose(d, g.rng.randint(2, 4))
    d.nl()
    d.t(g.hdr(g.ch(["Proposition", "Décision", "Avis de la RCP"]))).nl(1)
    d.t(g.ch(["Chimiothérapie néoadjuvante puis réévaluation.", "Chirurgie d'emblée.", "Radiothérapie stéréotaxique.",
              "Surveillance.", "Soins de support exclusifs."]))  # fmt: skip
    if g.p(0.5):
        d.t(g.ch([" Prise en charge au ", " À réaliser au ", " Adresser à "]))
        put_hospital(d, g)
        d.t(".")
    d.nl()


@template("cr_operatoire")
def t_op(d: Doc, g: Gen):
    if g.p(0.5):
        letterhead(d, g)
    d.t(g.hdr(g.ch(["Compte rendu opératoire", "CR opératoire", "Compte-rendu opératoire", "Protocole opératoire"]))).nl()
    if g.p(0.6):
        d.t("Patient" + g.sep())
        put_person(d, g, g.ident(), title=g.p(0.6))
        d.nl(1)
    for role in g.rng.sample(["Opérateur", "Chirurgien", "Aide", "Aide opératoire", "Anesthésiste", "IBODE",
                              "Instrumentiste", "IADE", "Interne", "Circulante"], g.rng.randint(2, 5)):  # fmt: skip
        d.t(role + g.sep())
        kind = "doc" if role in ("Opérateur", "Chirurgien", "Anesthésiste", "Aide opératoire") else g.ch(["doc", "civil"])
        put_person(d, g, g.ident(), kind, title=g.p(0.6 if kind == "doc" else 0.2))
        d.t(g.ch(["\n", "\n", " - ", "   "]))
    d.nl(1)
    d.t("Date" + g.sep() + g.date()).nl()
    d.t(g.hdr("Indication")).nl(1)
    g.prose(d, 1, 0.2)
    d.nl()
    d.t(g.hdr("Description")).nl(1)
    d.t(g.ch(["Installation en décubitus dorsal. ", "Patient en position de Trendelenburg. ", "Décubitus latéral gauche. "]))
    d.t(g.ch(["Cœlioscopie, open cœlioscopie à l'ombilic. ", "Laparotomie médiane. ", "Voie d'abord antérolatérale. "]))
    d.t(g.ch(["Cholécystectomie rétrograde. ", "Cure de Lichtenstein. ", "Intervention de Hartmann. ", "Pose de PTH. ",
              "Fundoplicature de Nissen. ", "Exploration du cul-de-sac de Douglas : pas d'épanchement. "]))  # fmt: skip
    d.t(g.ch(["Drain de Redon. ", "Fermeture plan par plan. ", "Hémostase soigneuse. "]))
    d.nl()
    if g.p(0.5):
        d.t(g.ch(["Suites : ", "Consignes : "]) + "ablation des fils à J10 par IDE à domicile.").nl()
    signature(d, g)


@template("cr_imagerie")
def t_img(d: Doc, g: Gen):
    if g.p(0.6):
        letterhead(d, g, g.ch([None, "Centre d'imagerie " + g.ch(["du Parc", "Pasteur", "des Lilas", "Saint-Roch"])]))
    d.t(g.ch(["Examen demandé par", "Prescripteur", "Médecin demandeur", "Demandé par"]) + g.sep())
    put_doctor(d, g, suffix=False)
    d.nl(1)
    d.t(g.ch(["Patient", "Patiente", "Nom"]) + g.sep())
    put_person(d, g, g.ident(), title=g.p(0.5), style=g.ch(["NOM Prenom", "Prenom NOM"]))
    if g.p(0.5):
        d.t(g.sep() + g.birthdate())
    d.nl()
    d.t(g.hdr(g.ch(["Scanner thoracique", "IRM cérébrale", "Échographie abdominale", "Radiographie du thorax",
                    "TDM TAP", "Angioscanner des membres inférieurs", "Écho-Doppler veineux"]))).nl()  # fmt: skip
    d.t(g.hdr("Indication")).nl(1)
    g.prose(d, 1, 0.3)
    d.nl()
    d.t(g.hdr("Technique")).nl(1)
    d.t(g.ch(["Acquisition hélicoïdale après injection de produit de contraste iodé.", "Séquences T1, T2, FLAIR, diffusion.",
              "Sonde convexe 3,5 MHz."])).nl()  # fmt: skip
    d.t(g.hdr("Résultats")).nl(1)
    g.prose(d, g.rng.randint(1, 3), 0.6)
    d.nl()
    d.t(g.hdr("Conclusion")).nl(1)
    g.prose(d, 1, 0.3)
    d.nl()
    d.t(g.ch(["Radiologue", "Compte rendu validé par", "Interprétation", "Signé"]) + g.sep())
    put_doctor(d, g)
    d.nl()


@template("transmissions_ide", weight=1.2)
def t_nursing(d: Doc, g: Gen):
    if g.p(0.4):
        d.t(g.hdr(g.ch(["Transmissions ciblées", "Transmissions infirmières", "Dossier de soins", "Relève"]))).nl()
    for _ in range(g.rng.randint(3, 8)):
        d.t(g.ch([g.time() + g.ch([" : ", " - ", " "]), g.date() + " " + g.time() + " ", "", "Cible : " + g.ch(["douleur", "chute", "alimentation", "famille", "sommeil"]) + ". "]))
        k = g.rng.random()
        if k < 0.35:
            family_mention(d, g)
        elif k < 0.5:
            d.t(g.ch(["Vu par le ", "Passage du ", "Appel au ", "Prévenu le ", "Avis du "]))
            put_person(d, g, g.ident(), "doc", title=True, style=g.ch(["NOM", "Nom", "Prenom NOM", "P. Nom"]))
            d.t(g.ch([", interne de garde.", ": ", ", ", " "]) + g.ch(["Lasilix 40 mg IV.", "RAS.", "bilan demandé.", "à revoir demain."]) + " ")
        elif k < 0.6:
            d.t(g.ch(["Patiente ", "Patient ", "Mme ", "M. "]))
            d.t(g.ch(["calme", "agitée cette nuit", "a bien dormi", "algique, EVA 6", "a refusé son repas"]) + ". ")
        elif k < 0.7:
            d.t(g.ch(["Transfert vers ", "Départ en ambulance vers ", "Retour de "]))
            put_hospital(d, g)
            d.t(". ")
        else:
            d.t(g.fill(g.ch(L.CLINICAL_SENTENCES)) + " ")
        if g.p(0.3):
            d.t(g.ch(["IDE", "AS", "IDE de nuit", "Signé"]) + g.sep())
            put_person(d, g, g.ident(), title=False, style=g.ch(["Prenom", "Prenom", "initials", "Prenom NOM", "NOM"]))
        d.nl(1)


@template("note_mg", weight=1.0, lower=True)
def t_gp(d: Doc, g: Gen):
    for _ in range(g.rng.randint(3, 8)):
        k = g.rng.random()
        if k < 0.25:
            d.t(g.ch(["vu avec ", "cf ", "adressé à ", "rdv ", "avis ", "courrier au ", "tel à "]))
            put_person(d, g, g.ident(), "doc", title=g.p(0.8), style=g.ch(["nom", "Nom", "NOM", "prenom nom", "Prenom Nom"]))
            if g.p(0.5):
                d.t(g.ch([" à ", " (", " - ", " au "]))
                if g.p(0.5):
                    d.e(g.city().lower() if g.p(0.5) else g.city(), "CITY")
                else:
                    put_hospital(d, g)
        elif k < 0.45:
            rel, gd = g.ch([("fille", "F"), ("fils", "M"), ("femme", "F"), ("mari", "M"), ("mère", "F")])
            art = g.ch(["sa ", "la "]) if gd == "F" else g.ch(["son ", "le "])
            d.t(g.ch(["appel ", "tel ", "vu avec ", "accompagné par ", "msg de "]) + art + rel + " ")
            d.e(g.name_form(g.ident(gd), g.ch(["prenom", "Prenom", "prenom", "prenom nom"])), "PERSON")
        elif k < 0.55:
            d.t(g.ch(["hospit au ", "sort du ", "cs au ", "urgences "]))
            put_hospital(d, g)
        elif k < 0.65:
            d.t(g.ch(["dem. ", "habite ", "déménagé à ", "vit à "]))
            d.e(g.city().lower() if g.p(0.4) else g.city(), "CITY")
        else:
            d.t(g.ch(["cs pr toux", "ttt: doliprane 1g", "TA 14/8", "renouvellement ordo", "RAS", "pds 72kg",
                      "ecbu neg", "bio ok", "douleur genou D", "arret travail 3j", "HbA1c 7,2%", "vaccin grippe fait",
                      "suivi HTA, BPCO", "aug kardegic?", "petit blanc au fond d'oeil ?"]))  # fmt: skip
        d.t(g.ch([". ", "\n", " - ", ", ", ". "]))


@template("message_tel", weight=0.8)
def t_phone(d: Doc, g: Gen):
    d.t(g.ch(["Message téléphonique", "Appel", "Tél", "Note", "Message"]) + " " + g.date() + " " + g.time()).nl(1)
    for _ in range(g.rng.randint(1, 3)):
        family_mention(d, g)
    if g.p(0.5):
        d.t(g.ch(["Message laissé par ", "Appel reçu de ", "A rappelé : "]))
        w = g.ident()
        put_person(d, g, w, title=True, style=g.ch(["NOM", "Nom", "Prenom NOM"]))
        d.t(g.ch([", époux de la patiente", ", fils", ", voisin", ", infirmière libérale", ", pharmacien", ""]))
        d.t(g.ch([", au sujet de ", " concernant "]) + g.ch(["l'ordonnance.", "la sortie.", "le RDV de vendredi."])).nl(1)
    if g.p(0.5):
        d.t(g.ch(["Transmis au ", "Vu avec le ", "Pour le "]))
        put_doctor(d, g, suffix=False)
        d.t(".")
    d.nl(1)
    if g.p(0.4):
        d.t(g.ch(["Pris par ", "Noté par ", "Secrétariat : "]))
        d.e(g.name_form(g.ident("F"), g.ch(["Prenom", "Prenom NOM", "initials"])), "PERSON")


@template("note_sociale", weight=0.8)
def t_social(d: Doc, g: Gen):
    d.t(g.hdr(g.ch(["Évaluation sociale", "Note de l'assistante sociale", "Synthèse sociale", "Entretien social"]))).nl()
    pat = g.ident()
    d.t(g.ch(["Entretien ce jour avec ", "Rencontre avec ", "Vu "]))
    put_person(d, g, pat, title=True)
    d.t(g.ch([" et ", ", en présence de ", " accompagné(e) de "]))
    family_prose(d, g)
    d.nl()
    d.t(g.ch(["Domicile", "Lieu de vie", "Adresse"]) + g.sep())
    put_address(d, g, one_line=g.p(0.6))
    d.t(g.ch([", appartement au 3e étage sans ascenseur.", ", maison de plain-pied.", ""])).nl()
    for _ in range(g.rng.randint(1, 3)):
        family_prose(d, g)
    d.nl()
    d.t(g.ch(["Projet", "Orientation", "Plan d'aide"]) + g.sep())
    d.t(g.ch(["Demande d'admission à l'", "Entrée prévue à l'", "Inscription sur liste d'attente de l'"]))
    put_hospital(d, g, "EHPAD " + g.ch(L.EHPAD_NAMES))
    d.t(g.ch([" à ", ", "]))
    d.e(g.city(), "CITY")
    d.t(". " + g.ch(["Dossier APA déposé.", "Mise en place de l'HAD.", "Curatelle renforcée en cours."]))
    d.nl()
    d.t(g.ch(["Assistante sociale", "AS", "Service social"]) + g.sep())
    put_person(d, g, g.ident("F"), title=g.p(0.4))
    if g.p(0.5):
        d.t(" - " + g.email(g.ident()))


@template("courrier_adressage")
def t_referral(d: Doc, g: Gen):
    doc = g.ident()
    put_doctor(d, g, doc, suffix=False)
    d.t("\n" + g.ch(["Médecine générale", "Médecin généraliste", "Cardiologue", "Spécialiste en médecine générale"]) + "\n")
    put_address(d, g)
    d.nl(1)
    d.t("Tél" + g.sep() + g.phone()).nl()
    d.t(g.ch(["À l'attention du ", "Au ", "Destinataire : "]))
    put_doctor(d, g, suffix=g.p(0.5))
    d.nl(1)
    if g.p(0.7):
        put_hospital(d, g)
        d.nl()
    d.t(g.ch(["Cher confrère,", "Chère consœur,", "Cher collègue,"])).nl()
    d.t(g.ch(["Je vous adresse ", "Merci de recevoir ", "Je me permets de vous adresser "]))
    put_person(d, g, g.ident(), title=True)
    d.t(g.ch([f", {g.age()} ans, ", " "]) + g.ch(["pour avis concernant ", "pour prise en charge de "]) +
        g.ch(["une anémie ferriprive.", "une FA récente.", "des douleurs thoraciques atypiques.", "un nodule thyroïdien."]))
    d.nl()
    g.prose(d, g.rng.randint(1, 4))
    d.nl()
    d.t(g.ch(["Avec mes remerciements,", "Bien confraternellement,", "Cordialement,"])).nl()
    put_doctor(d, g, doc, style=g.ch(["P. Nom", "Prenom NOM", "NOM"]), suffix=False)


@template("cas_clinique_initiales", weight=0.7)
def t_case(d: Doc, g: Gen):
    who = g.ident()
    d.t(g.ch(["", "Observation : ", "Cas clinique. ", "Il s'agit de "]))
    d.t(g.title(who) + " ")
    d.e(g.name_form(who, g.ch(["initials", "initials", "Nom", "P. Nom"])), "PERSON")
    d.t(g.ch([f", âgée de {g.age()} ans, ", f" {g.age()} ans, ", f", {g.age()} ans, ", f" âgé de {g.age()} ans "]))
    d.t(g.ch(["originaire de ", "demeurant à ", "résidant à ", "habitant "]))
    d.e(g.city() if g.p(0.6) else g.foreign_city(), "CITY")
    d.t(g.ch([", ", ", sans antécédent, ", ", diabétique, "]) + g.ch(["admise pour ", "consulte pour ", "hospitalisé pour "]))
    d.t(g.ch(["une dyspnée.", "des douleurs abdominales.", "une fièvre prolongée.", "une hématurie."]) + " ")
    g.prose(d, g.rng.randint(2, 6), 0.8)
    if g.p(0.4):
        d.t(" ")
        d.t(g.ch(["Elle a été transférée au ", "Il a été adressé au ", "Prise en charge au "]))
        put_hospital(d, g)
        d.t(".")


@template("ordonnance", weight=0.7)
def t_prescription(d: Doc, g: Gen):
    doc = put_doctor(d, g, suffix=False)
    d.nl(1)
    d.t(g.ch(["Médecin généraliste", "Ancien interne des hôpitaux", "Médecine interne - Gériatrie", "Cardiologie"])).nl(1)
    put_address(d, g)
    d.nl(1)
    d.t(g.ch(["RPPS", "N° AM", "ADELI"]) + g.sep() + str(g.rng.randint(10**9, 10**11))).nl()
    d.e(g.city(), "CITY") if g.p(0.7) else d.t("Fait")
    d.t(g.ch([", le ", " le "]) + g.date()).nl()
    d.t(g.ch(["Ordonnance pour ", "", "Patient : ", "Nom : "]))
    put_person(d, g, g.ident(), title=g.p(0.7))
    if g.p(0.4):
        d.t(g.ch([f" ({g.rng.randint(40, 95)} kg)", f", {g.age()} ans"]))
    d.nl()
    for _ in range(g.rng.randint(1, 5)):
        d.t(g.ch(L.DRUGS) + " " + g.ch(["1 g", "500 mg", "75 mg", "20 mg", "5 mg", "4000 UI"]) + " : " +
            g.ch(["1 cp matin et soir", "1 cp le soir", "3 fois par jour si douleur", "1 injection SC/j"]) + "\n")
    d.t(g.ch(["QSP 1 mois", "QSP 3 mois, à renouveler", "Pendant 7 jours"])).nl()
    if g.p(0.5):
        d.t("Dr ")
        put_person(d, g, doc, "doc", title=False, style="NOM")


@template("consultation_specialiste")
def t_consult(d: Doc, g: Gen):
    if g.p(0.5):
        letterhead(d, g)
    d.t(g.hdr(g.ch(["Consultation de ", "Consultation ", "Compte rendu de consultation de "]) + g.speciality()))
    d.t(g.ch([" du ", " - ", " le "]) + g.date()).nl()
    d.t(g.ch(["Consultant", "Médecin", "Vu par", "Praticien"]) + g.sep())
    put_doctor(d, g)
    d.nl(1)
    d.t(g.ch(["Patient(e)", "Patient", "Motif"]) + g.sep())
    put_person(d, g, g.ident(), title=True)
    d.nl()
    g.prose(d, g.rng.randint(2, 6))
    if g.p(0.4):
        d.t(" ")
        family_mention(d, g)
    d.nl()
    if g.p(0.5):
        d.t(g.ch(["Prochain rendez-vous avec le ", "Revoir avec le ", "RDV de contrôle avec "]))
        put_doctor(d, g, suffix=False)
        d.t(g.ch([" dans 3 mois.", " en septembre.", " après l'IRM."])).nl()
    signature(d, g)


@template("urgences")
def t_er(d: Doc, g: Gen):
    d.t(g.hdr(g.ch(["Observation médicale urgences", "Dossier SAU", "Urgences adultes", "Passage aux urgences"]))).nl()
    d.t("Entrée" + g.sep() + g.date() + " " + g.time()).nl(1)
    if g.p(0.6):
        d.t(g.ch(["Médecin", "Senior", "Interne", "Externe"]) + g.sep())
        put_doctor(d, g, suffix=False)
        d.nl(1)
    if g.p(0.4):
        d.t(g.ch(["IOA", "IDE d'accueil"]) + g.sep())
        put_person(d, g, g.ident(), title=False, style=g.ch(["Prenom", "Prenom NOM", "NOM"]))
        d.nl(1)
    d.t(g.ch(["Amené par les pompiers de ", "Adressé par SOS Médecins ", "Arrivée par ses propres moyens depuis ",
              "Transporté par ambulance depuis ", "Amené par le SMUR de "]))  # fmt: skip
    if g.p(0.5):
        d.e(g.city(), "CITY")
    else:
        put_hospital(d, g)
    d.t(". ")
    if g.p(0.6):
        d.t(g.ch(["Accompagné de ", "Accompagnée par ", "En présence de "]))
        d.t(g.ch(["son épouse ", "sa fille ", "son fils ", "son mari ", "sa voisine "]))
        w = g.ident()
        put_person(d, g, w, title=g.p(0.3), style=g.ch(["Prenom", "Prenom NOM", "NOM", "Prenom"]))
        d.t(". ")
    d.nl()
    g.prose(d, g.rng.randint(2, 5), 0.6)
    d.nl()
    d.t(g.ch(["Orientation", "Devenir", "Décision"]) + g.sep() + g.ch(["hospitalisation en ", "transfert vers ", "RAD, suivi par MT. ", "UHCD. "]))
    if d.parts[-1].endswith("vers "):
        put_hospital(d, g)
    elif d.parts[-1].endswith("en "):
        d.t(g.speciality())
    d.nl()


@template("famille_prose", weight=0.8)
def t_fam(d: Doc, g: Gen):
    for _ in range(g.rng.randint(2, 5)):
        if g.p(0.5):
            family_prose(d, g)
        else:
            family_mention(d, g)
        if g.p(0.5):
            d.t(g.fill(g.ch(L.CLINICAL_SENTENCES)) + " ")
        if g.p(0.3):
            d.nl()


@template("annuaire_service", weight=0.6)
def t_directory(d: Doc, g: Gen):
    put_hospital(d, g)
    d.nl(1)
    d.t(g.hdr(g.ch(["Service de ", "Pôle ", ""]) + g.speciality())).nl()
    staff_list(d, g, g.rng.randint(4, 9))
    if g.p(0.5):
        put_address(d, g)
        d.nl(1)
        d.t("Secrétariat" + g.sep() + g.phone())


@template("snippets", weight=1.2)
def t_snippets(d: Doc, g: Gen):
    for _ in range(g.rng.randint(3, 8)):
        k = g.rng.randint(0, 9)
        if k == 0:
            d.t(g.ch(["Vu avec ", "Discuté avec ", "Avis ", "RDV avec ", "Vu par "]))
            put_doctor(d, g, suffix=False)
            d.t(g.ch([".", "", " ce jour.", " le " + g.date() + "."]))
        elif k == 1:
            d.t(g.ch(["RDV le ", "Consultation le "]) + g.date() + g.ch([" avec ", " chez "]))
            put_person(d, g, g.ident(), g.ch(["doc", "civil"]), title=True)
            d.t(g.ch([" au ", " à ", ", "]))
            put_hospital(d, g)
            d.t(".")
        elif k == 2:
            d.t(g.ch(["Domicilié ", "Adresse : ", "Demeurant "]))
            put_address(d, g, one_line=True)
            d.t(".")
        elif k == 3:
            d.t(g.ch(["Né à ", "Née à ", "Originaire de ", "Vit à ", "Réside à ", "Hospitalisé à ",
                      "Habite désormais à ", "Vit actuellement à ", "Réside depuis peu à ", "Est parti vivre à ",
                      "Installée depuis 2019 à ", "A déménagé récemment à ", "Travaille encore à "]))  # fmt: skip
            d.e(g.city() if g.p(0.6) else g.foreign_city(), "CITY")
            if g.p(0.3):
                d.t(" (" + g.ch(L.COUNTRIES) + ")")
            d.t(g.ch([".", " depuis 2010.", " chez sa fille.", " avec son épouse.", " où il est suivi.",
                      " mais revient souvent.", ""]))  # fmt: skip
        elif k == 4:
            family_mention(d, g)
        elif k == 5:
            d.t(g.fill(g.ch(L.CLINICAL_SENTENCES)))
        elif k == 6:
            d.t(g.ch(["Transféré au ", "Suivi à l'", "Opéré à la ", "Hospitalisé au ", "Adressé par le ", "Suivi au ",
                      "Consultation au ", "Pris en charge au "]))  # fmt: skip
            put_hospital(d, g)
            r = g.rng.random()
            if r < 0.35:
                d.t(g.ch([" par ", " par le ", " chez ", " avec "]))
                put_person(d, g, g.ident(), g.ch(["doc", "civil"]), title=g.p(0.5))
                d.t(g.ch([", psychologue.", ".", " en 2019.", ", kinésithérapeute.", " (chirurgien)."]))
            elif r < 0.7:
                d.t(g.ch([" pour une ", " depuis ", " en ", " il y a ", " où une ", " une "]) +
                    g.ch(["pneumopathie.", "2018.", "urgence.", "trois ans.", "coloscopie a été faite.",
                          "exophtalmie gauche d'installation progressive.", "semaine de surveillance."]))  # fmt: skip
            else:
                d.t(".")
        elif k == 7:
            d.t(g.ch(L.TRAP_SNIPPETS) + g.ch([" : ", " - ", ". "]) + g.ch(["poste ", "tél "]) + g.phone())
        elif k == 8:
            put_person(d, g, g.ident(), title=True)
            d.t(g.ch([" est sortant demain.", " : bilan à J3.", ", lit 12.", " (ch. 214)"]))
        else:
            d.t(g.ch(L.EPONYMS).capitalize() + g.ch([".", " évoqué.", " éliminé.", " : non."]))
        d.t(g.ch([" ", "\n", "\n", " - "]))


@template("anapath", weight=0.5)
def t_path(d: Doc, g: Gen):
    put_hospital(d, g)
    d.t(g.ch([" - Service d'anatomie et cytologie pathologiques", "\nLaboratoire d'anatomopathologie", " - ACP"])).nl()
    d.t("Prélèvement du " + g.date() + g.ch([" adressé par ", ", prescripteur : "]))
    put_doctor(d, g, suffix=False)
    d.nl(1)
    d.t("Patient" + g.sep())
    put_person(d, g, g.ident(), title=g.p(0.5), style="NOM Prenom")
    d.nl()
    d.t(g.hdr("Macroscopie")).nl(1)
    d.t("Pièce de cholécystectomie mesurant 8 x 3 cm. ").nl()
    d.t(g.hdr("Conclusion")).nl(1)
    g.prose(d, 1, 0.7)
    d.nl()
    d.t(g.ch(["Pathologiste", "Compte rendu validé par", "Dr"]) + g.sep())
    put_person(d, g, g.ident(), "doc", title=False, style=g.ch(["P. NOM", "Prenom NOM", "NOM Prenom"]))


@template("kine_paramedical", weight=0.5)
def t_para(d: Doc, g: Gen):
    d.t(g.hdr(g.ch(["Bilan kinésithérapique", "Bilan ergothérapie", "Bilan diététique", "Bilan orthophonique"]))).nl()
    d.t(g.ch(["Réalisé par ", "Thérapeute : ", "Intervenant : "]))
    put_person(d, g, g.ident(), title=g.p(0.3))
    d.t(g.ch([", kinésithérapeute", ", ergothérapeute", ", diététicienne", ""])).nl()
    d.t(g.ch(["Prescrit par le ", "Sur prescription du "]))
    put_doctor(d, g, suffix=False)
    d.nl()
    g.prose(d, g.rng.randint(1, 3), 0.3)
    d.nl()
    d.t(g.ch(["Poursuite en cabinet libéral chez ", "Relais par ", "Suite de la prise en charge avec "]))
    put_person(d, g, g.ident(), title=g.p(0.5))
    d.t(g.ch([" à ", ", "]))
    d.e(g.city(), "CITY")
    d.t(".")


@template("certificat", weight=0.5)
def t_certif(d: Doc, g: Gen):
    d.t(g.hdr(g.ch(["Certificat médical", "Certificat", "Attestation"]))).nl()
    d.t(g.ch(["Je soussigné(e), ", "Je soussigné ", "Je, soussignée "]))
    put_doctor(d, g, suffix=False)
    d.t(g.ch([", certifie avoir examiné ", ", certifie que l'état de santé de ", " certifie avoir reçu en consultation "]))
    put_person(d, g, g.ident(), title=True)
    if g.p(0.6):
        d.t(g.ch([", né(e) le ", ", née le ", ", né le "]) + g.birthdate())
    if g.p(0.5):
        d.t(g.ch([", demeurant ", ", domicilié(e) "]))
        put_address(d, g, one_line=True)
    d.t(g.ch([", et constaté ", " ce jour ", ". "]) + g.ch(["une contre-indication temporaire au sport.",
                                                             "nécessite un arrêt de travail.", "ne présente pas de contre-indication."]))  # fmt: skip
    d.nl()
    d.t("Fait à ")
    d.e(g.city(), "CITY")
    d.t(g.ch([", le ", " le "]) + g.date() + g.ch([", pour servir et valoir ce que de droit.", "."])).nl()


@template("negatif_e3c", weight=2.0)
def t_neg_real(d: Doc, g: Gen):
    n = g.rng.randint(3, 14)
    sents = [g.ch(g.e3c) for _ in range(n)] if g.e3c else []
    j = g.ch([" ", "\n", " "])
    d.t(j.join(sents))


LINE_START_TRAPS = """Prélevé le {d} par l'IDE.|Reçu le {d}.|Validé le {d}.|Transmis au secrétariat.|Enregistré le {d}.
|Contrôlé le {d} : RAS.|Programmé le {d}.|Crèche / école : oui.|École : CM1.|Collège : 5e.|Travail : arrêt depuis {d}.
|Loisirs : marche, jardinage.|Sport : aucun.|Tabac : non.|Alcool : occasionnel.|Régime : diabétique.|Allergies : aucune.
|Vaccins : à jour.|Poids : 72 kg.|Taille : 1,68 m.|Désormais autonome.|Actuellement sans plainte.|Auparavant suivi en ville.
|Ensuite, reprise du traitement.|Puis amélioration clinique.|Enfin, retour au domicile.|Examen du {d}.|Résultats joints.
|Dossier complet.|Motif : chute.|Référence : 2024/118.|Page 1/2|Document confidentiel|Urgent|Copie dossier
|Habitudes : vit seul.|Entourage : présent.|Religion : non renseignée.|Langue : arabe, français.|Interprète : non.
|Protection juridique : curatelle.|Régime de protection : aucun.|Aidant principal : épouse.|Transport : VSL.""".replace(
    "\n", ""
).split("|")


def trap_line(d: Doc, g: Gen):
    d.t(g.fill(g.ch(LINE_START_TRAPS)))
    d.nl(1)


@template("negatif_pieges", weight=1.2)
def t_neg_traps(d: Doc, g: Gen):
    for _ in range(g.rng.randint(3, 10)):
        k = g.rng.randint(0, 8)
        if k == 8:
            trap_line(d, g)
        elif k == 0:
            d.t(g.hdr(g.ch(L.TRAP_SNIPPETS)))
        elif k == 1:
            d.t(g.ch(L.EPONYMS).capitalize() + g.ch([" connue.", " suspectée.", " à éliminer.", " en rémission."]))
        elif k == 2:
            d.t(", ".join(g.rng.sample(L.DRUGS, g.rng.randint(2, 5))) + ".")
        elif k == 3:
            d.t(" + ".join(g.rng.sample(L.ACRONYMS, g.rng.randint(2, 5))))
        elif k == 4:
            d.t(g.ch(["Il est ", "Elle est ", "Ancien ", "Profession : "]) + g.ch(L.OCCUPATIONS) + g.ch([".", ", retraité.", ""]))
        elif k == 5:
            d.t(g.ch(["Transfert à l'hôpital.", "Retour en EHPAD.", "Vu au CHU.", "Suivi en clinique.",
                      "Consultation au centre hospitalier.", "Admis en SSR.", "Passage aux urgences de l'hôpital.",
                      "Sortie vers une maison de retraite.", "Hospitalisation en HDJ.", "Rdv au CMP."]))  # fmt: skip
        elif k == 6:
            d.t(g.fill(g.ch(L.CLINICAL_SENTENCES)))
        elif k == 7 and g.p(0.5):
            trap_line(d, g)
        else:
            d.t(g.ch(L.DAYS).capitalize() + " " + g.date() + g.ch([" : RAS.", " : bilan.", ", Noël en famille.", " - Pâques."]))
        d.t(g.ch([" ", "\n", "\n\n"]))


@template("note_equipe", weight=0.8)
def t_team_note(d: Doc, g: Gen):
    """Informal notes between colleagues: greetings and sign-offs with first names only."""
    a = g.ident()
    d.t(g.ch(["Mot pour l'équipe de nuit", "Note de relève", "Pour info", "Message pour le ", "À l'attention de "]))
    if d.parts[-1].endswith(("le ", "de ")):
        put_doctor(d, g, suffix=False)
    d.nl()
    for _ in range(g.rng.randint(1, 3)):
        w = g.ident()
        d.t(g.ch(["Bonjour ", "Salut ", "Coucou ", "Chère ", "Cher ", "Hello ", "Bonsoir "]))
        d.e(g.name_form(w, g.wch([("Prenom", 70), ("Prenom NOM", 10), ("P. Nom", 5), ("Nom", 5)])), "PERSON")
        d.t(g.ch([",", " !", ",", "", " et ", " :"]))
        if d.parts[-1] == " et ":
            d.e(g.ident().first, "PERSON")
            d.t(",")
        d.nl(1)
        k = g.rng.randint(0, 3)
        if k == 0:
            d.t("Le patient de la chambre " + str(g.rng.randint(1, 40)) + ", ")
            put_person(d, g, g.ident(), title=g.p(0.6), style=g.ch(["NOM", "Nom", "NOM Prenom"]))
            d.t(g.ch([", sort demain vers ", ", part en transfert au ", " attend une place au "]))
            put_hospital(d, g)
            d.t(". ")
        elif k == 1:
            d.t(g.ch(["Sa fille ", "Son fils ", "Sa femme ", "Le neveu "]))
            d.e(g.ident().first, "PERSON")
            d.t(g.ch([" appellera ce soir", " passe demain matin", " a laissé ses coordonnées", " est au courant"]) + ". ")
        elif k == 2:
            d.t(g.ch(["Penser à rappeler ", "Merci de prévenir ", "Voir avec "]))
            put_person(d, g, g.ident(), g.ch(["doc", "civil"]), title=g.p(0.6))
            d.t(g.ch([" pour le bilan.", " demain.", " avant 10h.", " si fièvre."]) + " ")
        else:
            g.prose(d, 1, 0.2)
            d.t(" ")
        d.nl(1)
    d.t(g.ch(["Merci", "Merci d'avance", "Bonne nuit", "Bonne garde", "Bises", "À demain", "Bon courage"]) + g.ch([",", " !", "", "."]))
    d.t(g.ch(["\n", " ", "\n"]))
    d.e(g.name_form(a, g.wch([("Prenom", 70), ("Prenom NOM", 15), ("initials", 5), ("Prenom N.", 0)])), "PERSON")
    if g.p(0.4):
        d.t(g.ch([" (", ", ", "\n"]) + g.ch(["IDE", "interne", "cadre", "AS", "IDE de jour"]) + g.ch([")", "", ""]))


@template("liste_patients", weight=0.6)
def t_patient_list(d: Doc, g: Gen):
    """Ward lists in several layouts (tab-separated, ';'-separated, dashes); not the pipe tables
    of the held-out ho_tableau_lits."""
    lay = g.ch(["tab", "semi", "dash", "colon"])
    if g.p(0.6):
        d.t(g.hdr(g.ch(["Liste des patients", "Patients hospitalisés", "Planning du jour", "Staff du " + g.date(),
                        "Entrées prévues", "Sorties du jour"])))  # fmt: skip
        d.nl(1)
    for _ in range(g.rng.randint(3, 10)):
        pat, doc = g.ident(), g.ident()
        pname = g.name_form(pat, g.ch(["NOM Prenom", "NOM P.", "NOM", "NOM Prenom", "Nom Prenom"]))
        dname = g.name_form(doc, g.ch(["NOM", "Nom", "P. NOM", "NOM"]))
        lit = str(g.rng.randint(1, 40))
        rem = g.ch(["sortie J+1", "bilan en cours", "RAS", "famille à rappeler", "attente SSR", "transfert ", "avis cardio"])
        title = g.ch(["Dr ", "", "Pr ", "Dr "])
        if lay == "tab":
            d.t(lit + "\t")
            d.e(pname, "PERSON")
            d.t(f"\t{g.age()}\t" + title)
            d.e(dname, "PERSON")
            d.t("\t" + rem)
        elif lay == "semi":
            # spaCy does not split on ";" inside a word: "12;DUPONT" is one token, keep spaces
            d.t(lit + " ; ")
            d.e(pname, "PERSON")
            d.t(f" ; {g.age()} ; " + title)
            d.e(dname, "PERSON")
            d.t(" ; " + rem)
        elif lay == "dash":
            d.t(g.ch(["Ch. ", "Lit ", "Box ", "Chambre "]) + lit + " - ")
            d.e(pname, "PERSON")
            d.t(f" ({g.age()} ans) - " + title)
            d.e(dname, "PERSON")
            d.t(" - " + rem)
        else:
            d.t(g.ch(["Lit ", "Ch ", ""]) + lit + " : ")
            d.e(pname, "PERSON")
            d.t(", " + str(g.age()) + " ans, réf. " + title)
            d.e(dname, "PERSON")
            d.t(", " + rem)
        if rem == "transfert ":
            put_hospital(d, g)
        d.nl(1)


# ---------------- HELD-OUT templates (test split only; never used in training) ------------
@template("ho_email", split="test")
def h_email(d: Doc, g: Gen):
    a, b = g.ident(), g.ident()
    d.t("De" + g.ch([" : ", ": "]))
    d.e(g.name_form(a, g.ch(["Prenom NOM", "NOM Prenom"])), "PERSON")
    d.t(" <" + g.email(a) + ">\n")
    d.t("À" + g.ch([" : ", ": "]))
    d.e(g.name_form(b, g.ch(["Prenom NOM", "NOM Prenom"])), "PERSON")
    d.t(" <" + g.email(b) + ">\n")
    if g.p(0.5):
        c = g.ident()
        d.t("Cc : ")
        d.e(g.name_form(c, "Prenom NOM"), "PERSON")
        d.t("\n")
    d.t("Objet : " + g.ch(["RE: ", "TR: ", ""]) + g.ch(["patient ", "demande de place pour "]))
    pat = g.ident()
    d.e(g.name_form(pat, g.ch(["NOM", "NOM Prenom", "Nom"])), "PERSON")
    d.t("\n\n" + g.ch(["Bonjour ", "Salut ", "Bonsoir "]))
    d.e(b.first, "PERSON")
    d.t(",\n\nJe te transfère le dossier de " + g.ch(["la patiente", "ce monsieur", "ce patient"]) + " dont on a parlé hier. ")
    d.t("Elle sort du service jeudi et on voudrait un relais à l'")
    put_hospital(d, g)
    d.t(". La famille (le fils, ")
    d.e(g.ident("M").first, "PERSON")
    d.t(") habite désormais à ")
    d.e(g.city(), "CITY")
    d.t(".\n")
    g.prose(d, g.rng.randint(1, 3), 0.5)
    d.t("\n\nMerci d'avance,\n")
    d.e(a.first if g.p(0.5) else g.name_form(a, "Prenom NOM"), "PERSON")
    d.t("\n--\n" + g.ch(["Interne de ", "Cadre de santé, ", "Praticien hospitalier - "]) + g.speciality() + "\n")
    put_hospital(d, g)


@template("ho_pediatrie", split="test")
def h_pedia(d: Doc, g: Gen):
    kid = g.ident()
    d.t(g.ch(["Consultation pédiatrique", "URGENCES PÉDIATRIQUES", "Pédiatrie générale"]) + " - " + g.date() + "\n")
    d.t("Enfant : ")
    d.e(g.name_form(kid, g.ch(["Prenom NOM", "NOM Prenom"])), "PERSON")
    d.t(f", {g.rng.randint(1, 15)} ans\n")
    mom = g.ident("F")
    d.t("Vient avec sa maman, ")
    d.e(g.name_form(mom, g.ch(["Prenom", "Prenom NOM"])), "PERSON")
    d.t(", et son grand frère ")
    d.e(g.ident("M").first, "PERSON")
    d.t(". Le papa, M. ")
    d.e(g.name_form(g.ident("M"), g.ch(["NOM", "Nom"])), "PERSON")
    d.t(", est en déplacement.\n")
    d.t("Crèche / école : " + g.ch(["école maternelle de ", "collège de ", "crèche de "]))
    d.e(g.city(), "CITY")
    d.t(".\n")
    d.t(g.ch(["Fièvre à 39,5 depuis 3 jours, otalgie droite. ", "Toux quinteuse, pas de détresse respiratoire. ",
              "Gastro-entérite, perte de poids de 3 %. "]))  # fmt: skip
    d.t(g.ch(["Le petit ", "La petite "]))
    d.e(kid.first, "PERSON")
    d.t(" mange bien et joue pendant l'examen. Vaccins à jour. Suivi par le Dr ")
    d.e(g.name_form(g.ident(), g.ch(["Nom", "NOM"])), "PERSON")
    d.t(", pédiatre à ")
    d.e(g.city(), "CITY")
    d.t(".\nConduite : Amoxicilline 80 mg/kg/j, reconsulter si persistance.\n")


@template("ho_psychiatrie", split="test")
def h_psy(d: Doc, g: Gen):
    pat = g.ident()
    d.t("Entretien psychiatrique du " + g.date() + "\n")
    d.t(g.ch(["Mme ", "M. "]) if g.p(0.6) else "")
    d.e(g.name_form(pat, g.ch(["NOM", "Nom", "NOM Prenom"])), "PERSON")
    d.t(" est " + g.ch(["reçu(e)", "revu(e)", "vu(e) en urgence"]) + " à la demande de son compagnon, ")
    d.e(g.name_form(g.ident("M"), g.ch(["Prenom", "Prenom NOM"])), "PERSON")
    d.t(". ")
    d.t(g.ch(["Humeur triste, idées suicidaires scénarisées. ", "Discours cohérent, pas d'élément délirant. ",
              "Insomnie d'endormissement, anhédonie. "]))  # fmt: skip
    d.t("Rapporte des conflits avec sa belle-mère ")
    d.e(g.name_form(g.ident("F"), g.ch(["Prenom", "Prenom Nom"])), "PERSON")
    d.t(" depuis le déménagement à ")
    d.e(g.city(), "CITY")
    d.t(". ")
    g.prose(d, g.rng.randint(1, 3), 0.3)
    d.t("\nSuivi au ")
    put_hospital(d, g, "CMP " + g.de(g.city()) if g.p(0.5) else None)
    d.t(" par ")
    d.e(g.name_form(g.ident("F"), g.ch(["Prenom NOM", "P. Nom"])), "PERSON")
    d.t(", psychologue.\n")
    d.t(g.ch(["Dr ", "Docteur "]))
    d.e(g.name_form(g.ident(), g.ch(["NOM", "Prenom NOM"])), "PERSON")
    d.t(", psychiatre")


@template("ho_regulation", split="test")
def h_samu(d: Doc, g: Gen):
    d.t("REGULATION SAMU - dossier n° " + g.ipp() + "\n")
    d.t("Appelant : ")
    d.e(g.name_form(g.ident(), g.ch(["NOM Prenom", "NOM", "Prenom NOM"])), "PERSON")
    d.t(" (" + g.ch(["voisin", "fille", "conjoint", "témoin"]) + ") tel " + g.phone() + "\n")
    d.t("Lieu d'intervention : ")
    d.e(g.street(), "ADDRESS")
    d.t(" ")
    d.e(g.city().upper(), "CITY")
    d.t(g.ch([" - 2e étage, code 1234B", " - maison", ""]) + "\n")
    d.t("Victime : ")
    d.e(g.name_form(g.ident(), g.ch(["NOM Prenom", "NOM"])), "PERSON")
    d.t(f", {g.age()} ans, " + g.ch(["inconsciente", "douleur thoracique", "chute dans l'escalier"]) + ".\n")
    d.t("Décision : envoi SMUR + VSAV. Médecin régulateur : Dr ")
    d.e(g.name_form(g.ident(), g.ch(["NOM", "Nom"])), "PERSON")
    d.t(".\nDestination : ")
    put_hospital(d, g)
    d.t(", " + g.ch(["SAU", "USIC", "déchocage"]) + ".\n")


@template("ho_ehpad_deces", split="test")
def h_ehpad(d: Doc, g: Gen):
    e = "EHPAD " + g.ch(L.EHPAD_NAMES)
    put_hospital(d, g, e)
    d.t(" – ")
    d.e(g.city(), "CITY")
    d.t("\nNote du médecin coordonnateur\n")
    pat = g.ident()
    d.t("Résident(e) : ")
    d.e(g.name_form(pat, g.ch(["NOM Prenom", "Prenom NOM"])), "PERSON")
    d.t(", chambre " + str(g.rng.randint(1, 80)) + "\n")
    d.t("Décès constaté le " + g.date() + " à " + g.time() + " par le Dr ")
    d.e(g.name_form(g.ident(), g.ch(["NOM", "Prenom NOM"])), "PERSON")
    d.t(", médecin de garde. Famille prévenue : ")
    d.t(g.ch(["sa nièce ", "son fils ", "sa petite-fille "]))
    d.e(g.name_form(g.ident(), g.ch(["Prenom NOM", "Prenom"])), "PERSON")
    d.t(", domiciliée ")
    d.e(g.street(), "ADDRESS")
    d.t(" à ")
    d.e(g.city(), "CITY")
    d.t(". Obsèques organisées par les Pompes funèbres. ")
    g.prose(d, g.rng.randint(0, 2), 0.3)


@template("ho_tableau_lits", split="test")
def h_table(d: Doc, g: Gen):
    d.t("| Lit | Patient | Âge | Médecin | Remarques |\n|---|---|---|---|---|\n")
    for _ in range(g.rng.randint(3, 9)):
        d.t(f"| {g.rng.randint(1, 40)} | ")
        d.e(g.name_form(g.ident(), g.ch(["NOM Prenom", "NOM P.", "NOM"])), "PERSON")
        d.t(f" | {g.age()} | " + g.ch(["Dr ", "", "Pr "]))
        d.e(g.name_form(g.ident(), g.ch(["NOM", "Nom"])), "PERSON")
        d.t(" | " + g.ch(["sortie J+1", "attente place ", "bilan en cours", "famille à appeler", "RAS", "transfert "]))
        if d.parts[-1].endswith("place ") or d.parts[-1].endswith("transfert "):
            put_hospital(d, g)
        d.t(" |\n")


@template("ho_labo", split="test")
def h_lab(d: Doc, g: Gen):
    d.t("LABORATOIRE DE BIOLOGIE MÉDICALE ")
    d.t(g.ch(["BIO", "CERBALLIANCE", "LBM"]) + " ")
    d.e(g.city().upper(), "CITY")
    d.t("\n")
    d.e(g.street(), "ADDRESS")
    d.t(" - " + g.postcode() + " ")
    d.e(g.city(), "CITY")
    d.t("\nBiologiste responsable : ")
    d.e(g.name_form(g.ident(), g.ch(["Prenom NOM", "P. NOM"])), "PERSON")
    d.t("\nPatient(e) : ")
    d.e(g.name_form(g.ident(), "NOM Prenom"), "PERSON")
    d.t(f"   Dossier {g.ipp()}\nPrélevé le {g.date()} par IDE ")
    d.e(g.name_form(g.ident("F"), g.ch(["NOM", "Prenom NOM"])), "PERSON")
    d.t("\nPrescripteur : Dr ")
    d.e(g.name_form(g.ident(), g.ch(["NOM", "Nom", "NOM Prenom"])), "PERSON")
    d.t(f"\nHémoglobine ........ {round(g.rng.uniform(8, 16), 1)} g/dL\nCRP ........ {g.rng.randint(1, 200)} mg/L\n")
    d.t("Résultats transmis au ")
    put_hospital(d, g)
    d.t(".\n")


@template("ho_negatif", split="test", weight=1.5)
def h_neg(d: Doc, g: Gen):
    n = g.rng.randint(3, 14)
    d.t(g.ch([" ", "\n"]).join(g.ch(g.e3c) for _ in range(n)))


# ---------------------------------------------------------------------------------------
# Real text as background: E3C case reports with identifiers inserted around and inside
# them, and negatives (headings, abbreviations, drugs, markers, scores, regimens, TNM)
# ---------------------------------------------------------------------------------------
SUBJECT_RE = re.compile(r"^(?:Il s'agit (?:d'une|de la) (patiente)|Il s'agit (?:d'un|du) (patient)|"
                        r"(La patiente|Notre patiente|Cette patiente|Elle)|(Le patient|Notre patient|Ce patient|Il))\b")
NEG_STATES = ["muté", "non muté", "positif", "négatif", "surexprimé", "amplifié", "sauvage", "non réarrangé",
              "réarrangé", "3+", "1+", "présent", "absent", "non détecté"]  # fmt: skip


def neg_sentence(g: Gen) -> str:
    """A sentence of oncology, score, drug or abbreviation talk: nothing in it is labelled."""
    r = g.rng
    mk, sc, drug = (lambda: g.ch(NEG.MARKERS)), (lambda: g.ch(NEG.SCORES)), (lambda: g.ch(NEG.DRUGS))
    k = r.randint(0, 8)
    if k == 0:
        s = f"{mk()} {g.ch(NEG_STATES)}, {mk()} {g.ch(NEG_STATES)}, {mk()} à {r.randint(0, 100)} %."
    elif k == 1:
        s = f"{g.ch(['Tumeur classée', 'Lésion', 'Adénocarcinome', 'Carcinome canalaire infiltrant', 'Stade'])} {NEG.tnm(r)}, {sc()} {r.randint(1, 9)}."
    elif k == 2:
        s = (f"{g.ch(['Chimiothérapie par', 'Traitement par', 'Protocole', 'C3 de', 'Reprise du', 'Cure n°' + str(r.randint(1, 12)) + ' de'])} "
             f"{g.ch(NEG.REGIMENS)}{g.ch(['', ' + ' + drug(), ' associé au ' + drug(), ' puis ' + g.ch(NEG.REGIMENS)])}.")
    elif k == 3:
        s = f"Score {sc()} à {r.randint(0, 30)}, {sc()} {r.randint(0, 10)}{g.ch(['', '/10', '/30', ' points'])}."
    elif k == 4:
        s = ", ".join(x if r.random() < 0.7 else x.upper() for x in r.sample(NEG.DRUGS, r.randint(2, 4)))
        s = g.ch(["Traitement : ", "Sous ", "Relais par ", "", "TTT : "]) + s + "."
    elif k == 5:
        s = g.ch([" + ", ", ", " / ", " - "]).join(r.sample(NEG.ABBREVIATIONS, r.randint(2, 5)))
    elif k == 6:
        s = f"{g.ch(NEG.SECTION_WORDS)} {g.ch([':', '-', ''])} {g.ch(L.CLINICAL_SENTENCES).format(**_FILL)}"
    elif k == 7:
        s = f"{mk()} : {round(r.uniform(0, 500), 1)} {g.ch(['U/mL', 'ng/mL', 'µg/L', 'UI/L', 'mg/L'])} (N < {r.randint(5, 40)})"
    else:
        s = f"{mk()} {g.ch(NEG_STATES)} ; {g.ch(NEG.REGIMENS)} puis {drug()} ; {sc()} {r.randint(0, 4)}."
    return s.upper() if r.random() < 0.08 else s


_FILL = dict(age=62, kg=5, d="12/03/2021", hb=11.2, plt=210, crp=48, creat=96, fevg=55, pa=30, eva=4, bnp=800, ui=12,
             mmse=24)  # fmt: skip


def heading(g: Gen) -> str:
    h = g.ch(NEG.HEADINGS)
    h = g.wch([(h, 60), (h.capitalize(), 25), (h.title(), 5), (strip_accents(h), 10)])
    return h + g.ch(["", "", " :", ":", " : "])


def inline_mention(d: Doc, g: Gen, pat: Ident):
    """A sentence that names someone, a place or a facility, dropped between real sentences."""
    k = g.rng.randint(0, 9)
    if k == 0:
        family_mention(d, g)
        return
    if k == 1:
        d.t(g.ch(["Avis pris auprès du ", "Avis téléphonique du ", "Discuté avec le ", "Adressé par le "]))
        put_doctor(d, g, suffix=False)
        if g.p(0.5):
            d.t(g.ch([" (", ", "]))
            put_hospital(d, g)
            d.t(")" if d.parts[-2] == " (" else "")
    elif k == 2:
        d.t(g.ch(["Transfert au ", "Transférée vers le ", "Il est adressé au ", "Prise en charge initiale au ",
                  "Hospitalisée au "]))  # fmt: skip
        put_hospital(d, g)
        if g.p(0.4):
            d.t(" le " + g.date())
    elif k == 3:
        d.t(g.ch(["Suivi par le ", "Suivie par le ", "Médecin traitant : "]))
        put_doctor(d, g, suffix=False)
        d.t(g.ch([" à ", ", "]))
        d.e(g.city(), "CITY")
    elif k == 4:
        d.t(g.ch(["Originaire de ", "Né à ", "Née à "]))
        d.e(g.city() if g.p(0.5) else g.foreign_city(), "CITY")
        d.t(g.ch([", vit à ", ", domiciliée à ", ", réside à "]))
        d.e(g.city(), "CITY")
    elif k == 5:
        d.e(g.name_form(pat, g.ch(["NOM Prenom", "NOM", "Prenom NOM", "PRENOM NOM"])), "PERSON")
        d.t(g.ch([" rapporte une nette amélioration", " signale des douleurs", " ne se présente pas au rendez-vous",
                  " refuse la transfusion", ", revu ce jour,"]))  # fmt: skip
    elif k == 6:
        d.t(g.ch(["Dossier présenté en RCP par le ", "Opéré par le ", "Biopsie réalisée par le ", "Vu en consultation par le "]))
        put_doctor(d, g, suffix=g.p(0.3))
    elif k == 7:
        d.t(g.title(pat) + " ")
        d.e(g.name_form(pat, "initials"), "PERSON")
        d.t(g.ch([", âgée de ", ", ", " "]) + str(g.age()) + " ans")
    elif k == 8:
        d.t(g.ch(["Coordonnées : ", "Domicile : ", "Adresse : "]))
        put_address(d, g, one_line=True)
    else:
        w = g.ident()
        d.t(g.ch(["Aide-soignante : ", "IDE : ", "Interne : ", "Kiné : ", "Présents : "]))
        put_person(d, g, w, title=g.p(0.3), style=g.ch(["Prenom NOM", "Prenom", "P. NOM", "NOM"]))
        if g.p(0.5):
            d.t(", ")
            put_doctor(d, g, suffix=False)
    d.t(". ")


def e3c_window(g: Gen) -> list[list[str]]:
    """Consecutive paragraphs (lists of sentences) of one training E3C case report."""
    paras = g.ch(g.e3c_docs)
    i = g.rng.randrange(len(paras))
    return paras[i:i + g.rng.randint(1, 4)]


@template("fond_reel", weight=5.0)
def t_real_background(d: Doc, g: Gen):
    pats = {"F": g.ident("F"), "M": g.ident("M")}
    pat = pats[g.ch("FM")]
    if g.p(0.5):
        letterhead(d, g)
        d.nl()
    elif g.p(0.3):
        put_hospital(d, g)
        d.t(g.ch([" - ", "\n", " — "]) + g.ch(["Service de ", "Pôle ", "Unité de "]) + g.speciality()).nl()
    if g.p(0.25):
        staff_list(d, g)
        d.nl()
    if g.p(0.45):
        patient_header(d, g, pat)
    for para in e3c_window(g):
        if g.p(0.4):
            d.t(heading(g)).nl(1)
        for s in para:
            m = SUBJECT_RE.match(s)
            if m and g.p(0.5):
                who = pats["F" if m.group(1) or m.group(3) else "M"]
                if m.group(1) or m.group(2):
                    d.t("Il s'agit de ")
                put_person(d, g, who, title=g.p(0.85), style=g.ch(["NOM", "Nom", "NOM Prenom", "Prenom NOM", "P. NOM", "initials"]))
                s = s[m.end():]
            if g.p(0.05):
                s = s.replace(" ", "  ", g.rng.randint(1, 3))
            d.t(s + g.ch([" ", " ", " ", "\n"]))
            if g.p(0.12):
                inline_mention(d, g, pat)
            if g.p(0.08):
                d.t(neg_sentence(g) + " ")
        d.nl()
    if g.p(0.5):
        signature(d, g)
    if g.p(0.3):
        copie_a(d, g)
    if g.p(0.25):
        d.hard_wrap(g.rng.randint(55, 100))


@template("negatif_onco", weight=1.5)
def t_neg_onco(d: Doc, g: Gen):
    for _ in range(g.rng.randint(2, 6)):
        if g.p(0.6):
            d.t(heading(g)).nl(1)
        for _ in range(g.rng.randint(1, 4)):
            d.t(neg_sentence(g) if g.p(0.6) or not g.e3c else g.ch(g.e3c))
            d.t(g.ch([" ", "\n"]))
        d.nl()


# ---------------------------------------------------------------------------------------
# E3C negatives
# ---------------------------------------------------------------------------------------
TITLE_RE = re.compile(r"\b(M\.|Mr|Mme|Mlle|Madame|Monsieur|Mademoiselle|Dr|Docteur|Pr|Professeur)\.?\s+[A-ZÀ-Ý]")
FACILITY_RE = re.compile(
    r"(?i:h[oô]pital|chu|chr|clinique|centre|institut|service|universit[ée]|facult[ée]|laboratoire|d[ée]partement|"
    r"unit[ée]|cabinet|ehpad|polyclinique)\b[^.;]{0,50}\b(?:de|d'|du|des)?\s*[A-ZÀ-Ý][a-zà-ÿ]")
INITIALS_RE = re.compile(r"\b[A-Z]\.\s?[A-Z]\b|\b[A-Z]\.\.\.|\b[A-Z]{1,2}\s[A-Z]\b|\bX{2,}\b|\bpatiente? [A-Z]\b")


def load_e3c_docs(split: str, places: set[str] | None = None) -> list[list[list[str]]]:
    """Real clinical prose: per document, its paragraphs as lists of kept sentences.

    Documents with id hash % 5 == 0 are for test only, the others for train and dev. Unlabelled
    sentences must not contain what we label: sentences naming a facility, a known city, or a
    person-like pattern (title + capital, initials, "X...") are skipped.
    """
    if not E3C_PATH.exists():
        return []
    if places is None:
        from mimesis import Address
        from mimesis.locales import Locale

        places = set(Address(Locale("fr"))._dataset["city"]) | set(L.EXTRA_CITIES) | set(L.FOREIGN_CITIES)
        places |= {"Paris", "Lyon", "Marseille", "Rabat", "Fès", "Tunis", "Dakar", "Casablanca", "Alger", "Sfax"}
    place_re = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True)) + r")\b")
    docs = []
    for line in E3C_PATH.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        is_test = _hash_bucket(doc["id"], 5) == 0
        if is_test != (split == "test"):
            continue
        paras = []
        for para in doc["text"].split("\n"):
            kept = []
            for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÉÈÀ])", para):
                s = s.strip()
                if (20 <= len(s) <= 400 and not TITLE_RE.search(s) and not INITIALS_RE.search(s)
                        and not FACILITY_RE.search(s) and not place_re.search(s)):
                    kept.append(s)
            if kept:
                paras.append(kept)
        if paras:
            docs.append(paras)
    return docs


def load_e3c(split: str, places: set[str] | None = None) -> list[str]:
    """The kept E3C sentences of a split, flat (see load_e3c_docs)."""
    return [s for doc in load_e3c_docs(split, places) for para in doc for s in para]


# ---------------------------------------------------------------------------------------
def generate(split: str, seed: int, n: int, out: Path, stats_path: Path | None = None):
    rng = random.Random(seed)
    pools = build_pools()
    e3c_docs = load_e3c_docs(split)
    g = Gen(rng, split, pools, [s for doc in e3c_docs for para in doc for s in para])
    g.e3c_docs = e3c_docs if split != "test" else []  # real-text backgrounds are for training only
    nlp = spacy.blank("fr")
    names = [k for k, v in TEMPLATES.items() if (v[1] == "test") == (split == "test")]
    weights = [TEMPLATES[k][2] for k in names]
    db = DocBin(store_user_data=False)
    stats = Counter()
    n_chars = 0
    dropped = 0
    for _ in range(n):
        name = rng.choices(names, weights=weights)[0]
        fn, _split, _w, lower = TEMPLATES[name]
        g.reset_style(allow_lower=lower)
        d = Doc(g)
        fn(d, g)
        text = d.text()
        doc = nlp.make_doc(text)
        spans = []
        ok = True
        for s, e, lab in d.ents:
            # trim whitespace/punctuation that a style may have left at the edges
            while s < e and text[s] in " \t\n":
                s += 1
            while e > s and text[e - 1] in " \t\n,;":
                e -= 1
            if s >= e:
                continue
            sp = doc.char_span(s, e, label=lab, alignment_mode="strict")
            if sp is None:
                ok = False
                stats["misaligned_" + lab] += 1
                break
            spans.append(sp)
        if not ok:
            dropped += 1
            continue
        try:
            doc.ents = spans
        except ValueError:
            dropped += 1
            stats["overlap"] += 1
            continue
        db.add(doc)
        stats["docs_" + name] += 1
        for sp in spans:
            stats["ent_" + sp.label_] += 1
        n_chars += len(text)
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    stats["chars"] = n_chars
    stats["docs"] = len(db)
    stats["dropped"] = dropped
    print(json.dumps(dict(sorted(stats.items())), ensure_ascii=False, indent=1))
    if stats_path:
        stats_path.write_text(json.dumps(dict(sorted(stats.items())), ensure_ascii=False, indent=1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["train", "dev", "test"], required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--preview", type=int, default=0, help="print N documents as text and exit")
    args = ap.parse_args()
    if args.preview:
        rng = random.Random(args.seed)
        e3c_docs = load_e3c_docs(args.split)
        g = Gen(rng, args.split, build_pools(), [s for doc in e3c_docs for para in doc for s in para])
        g.e3c_docs = e3c_docs
        names = [k for k, v in TEMPLATES.items() if (v[1] == "test") == (args.split == "test")]
        for _ in range(args.preview):
            name = rng.choice(names)
            fn, _s, _w, lower = TEMPLATES[name]
            g.reset_style(allow_lower=lower)
            d = Doc(g)
            fn(d, g)
            t = d.text()
            print(f"===== {name}")
            marked = t
            for s, e, lab in sorted(d.ents, reverse=True):
                marked = marked[:s] + "[" + marked[s:e] + "]" + lab + marked[e:]
            print(marked)
        return
    generate(args.split, args.seed, args.n, args.out, args.out.with_suffix(".stats.json"))


if __name__ == "__main__":
    main()
