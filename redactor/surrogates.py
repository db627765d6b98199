"""Realistic fake French values that keep the shape of what they replace.

Every function takes the original value and a `random.Random` seeded by the caller (from a
keyed hash of the value), so the same input always gives the same surrogate.
"""

from __future__ import annotations

import random
import re
import string
import threading
from functools import lru_cache
from typing import Callable

from faker import Faker

from redactor.checksums import iban_is_valid, luhn_is_valid, nir_key

_FAKER_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _faker() -> Faker:
    return Faker("fr_FR")


def _with_faker(rng: random.Random, produce: Callable[[Faker], str]) -> str:
    """Run a Faker call seeded from `rng`; Faker's seed is shared state, hence the lock."""
    seed = rng.getrandbits(64)
    with _FAKER_LOCK:
        fake = _faker()
        fake.seed_instance(seed)
        return produce(fake)


def same_shape_digits(value: str, rng: random.Random) -> str:
    """Replace each digit by a random digit and each letter by a random letter of the same case."""
    out = []
    for char in value:
        if char.isdigit():
            out.append(rng.choice(string.digits))
        elif char.isalpha() and char.isascii():
            out.append(rng.choice(string.ascii_uppercase if char.isupper() else string.ascii_lowercase))
        else:
            out.append(char)
    return "".join(out)


def _lay_out_like(digits: str, template: str) -> str:
    """Place `digits` in the slots of `template` that hold digits or letters, keeping separators."""
    chars = iter(digits)
    out = [next(chars, "") if c.isalnum() else c for c in template]
    return "".join(out) + "".join(chars)


_FIRST_NAME_BY_GENDER: dict[str, Callable[[Faker], str]] = {
    "F": lambda f: f.first_name_female(),
    "M": lambda f: f.first_name_male(),
    "U": lambda f: f.first_name(),
}


def person(
    value: str, token_rng: Callable[[str], random.Random], first_name_gender: Callable[[str], str | None]
) -> str:
    """A fake name with the same tokens, case and initials as `value`, first names of the same
    gender; each token gets its own generator so that a surname maps alike wherever it appears.
    A token is never replaced by itself."""

    def fake_token(token: str) -> str:
        rng = token_rng(token)
        if re.fullmatch(r"[A-Za-zÀ-ÿ]\.?", token):
            letters = [c for c in string.ascii_uppercase if c != token[0].upper()]
            return rng.choice(letters) + token[1:]
        gender = first_name_gender(token)
        draw = _FIRST_NAME_BY_GENDER[gender] if gender else (lambda f: f.last_name())
        produced = _with_faker(rng, draw).split()[0]
        for _ in range(20):
            if produced.casefold() != token.casefold():
                break
            produced = _with_faker(rng, draw).split()[0]
        else:
            produced = "Nom"  # a name that never draws anything else would still not leak
        if token.isupper():
            return produced.upper()
        if token.islower():
            return produced.lower()
        return produced

    return re.sub(r"[^\s\-]+", lambda m: fake_token(m.group()), value)


def phone(value: str, rng: random.Random) -> str:
    """Same layout and prefix (+33 or 0 and the next digit), random subscriber digits."""
    digits = re.sub(r"\D", "", value)
    keep = 3 if value.lstrip().startswith("+") else 2
    new_digits = digits[:keep] + "".join(rng.choice(string.digits) for _ in digits[keep:])
    return _lay_out_like(new_digits, re.sub(r"\d", "0", value))


def nir(value: str, rng: random.Random) -> str:
    """A fake NIR with a valid key, laid out like the original."""
    body = (
        rng.choice("12")
        + f"{rng.randint(30, 99):02d}"
        + f"{rng.randint(1, 12):02d}"
        + f"{rng.randint(1, 95):02d}"
        + f"{rng.randint(1, 999):03d}"
        + f"{rng.randint(1, 999):03d}"
    )
    full = body + f"{nir_key(body):02d}"
    template = re.sub(r"[0-9AaBb]", "0", value)
    if sum(c.isalnum() for c in template) != 15:
        return full
    return _lay_out_like(full, template)


def rpps(value: str, rng: random.Random) -> str:
    """An 11-digit number with a valid Luhn key, or random digits of the same shape otherwise."""
    digits = re.sub(r"\D", "", value)
    if len(digits) != 11:
        return same_shape_digits(value, rng)
    while True:
        candidate = "1" + "".join(rng.choice(string.digits) for _ in range(10))
        if luhn_is_valid(candidate):
            return _lay_out_like(candidate, value)


def iban(value: str, rng: random.Random) -> str:
    """A valid French IBAN, grouped like the original."""
    while True:
        candidate = _with_faker(rng, lambda f: f.iban())
        if iban_is_valid(candidate):
            break
    if " " in value.strip():
        return " ".join(candidate[i : i + 4] for i in range(0, len(candidate), 4))
    return candidate


def email(value: str, rng: random.Random) -> str:
    return _with_faker(rng, lambda f: f.free_email())


def url(value: str, rng: random.Random) -> str:
    return _with_faker(rng, lambda f: f.url()).rstrip("/")


def ip_address(value: str, rng: random.Random) -> str:
    if ":" in value:
        return _with_faker(rng, lambda f: f.ipv6())
    return _with_faker(rng, lambda f: f.ipv4_private())


def address(value: str, rng: random.Random) -> str:
    return _with_faker(rng, lambda f: f.street_address())


def zip_code(value: str, rng: random.Random) -> str:
    return _with_faker(rng, lambda f: f.postcode())


def city(value: str, rng: random.Random) -> str:
    produced = _with_faker(rng, lambda f: f.city())
    return produced.upper() if value.isupper() else produced


def hospital(value: str, rng: random.Random) -> str:
    kind = rng.choice(["Centre hospitalier de {city}", "Clinique {name}", "Hôpital {name}"])
    city_name = _with_faker(rng, lambda f: f.city())
    name = _with_faker(rng, lambda f: f.last_name())
    return kind.format(city=city_name, name=name)
