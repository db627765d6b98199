"""Operators: what a policy does to a finding's text.

They are Presidio anonymizer operators (keep, replace, mask come from Presidio; flag,
pseudonym, surrogate and date shift are ours), so they also plug into a Presidio
`AnonymizerEngine`. Ours read what they need from `params["context"]`, an `OperatorContext`.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from presidio_anonymizer.operators import Keep, Mask, Operator, OperatorType, Replace

from redactor import surrogates
from redactor.dates import shift_date
from redactor.errors import MissingKeyError, PolicyError
from redactor.policy import Policy
from redactor.reversible import ValueCipher


def fold_value(value: str) -> str:
    """The form under which two spellings of one value get the same pseudonym or surrogate."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", letters))


@dataclass(frozen=True)
class PseudonymSession:
    """Secrets for one redact call.

    `salt` decides which surrogate a value gets: derived from the key and the patient when both
    are known (consistent across that patient's notes), from the key alone when there is no
    patient, and random per call without a key (consistent within the note only).
    """

    key: bytes | None
    salt: bytes
    date_shift_days: int
    cipher: ValueCipher | None = None  # for the encrypt operator

    @classmethod
    def open(
        cls, key: bytes | None, patient_id: str | None, max_shift_days: int, cipher: ValueCipher | None = None
    ) -> PseudonymSession:
        if key is None:
            salt = secrets.token_bytes(32)
            shift_seed = secrets.token_bytes(8)
        else:
            scope = b"patient\x1f" + patient_id.encode() if patient_id else b"global"
            salt = hmac.new(key, b"surrogate\x1f" + scope, hashlib.sha256).digest()
            shift_seed = hmac.new(key, b"date-shift\x1f" + scope, hashlib.sha256).digest()
        span = int.from_bytes(shift_seed[:8], "big") % (2 * max_shift_days)
        days = span - max_shift_days if span < max_shift_days else span - max_shift_days + 1
        return cls(key=key, salt=salt, date_shift_days=days, cipher=cipher)

    def rng(self, category: str, value: str) -> random.Random:
        digest = hmac.new(self.salt, f"{category}\x1f{fold_value(value)}".encode(), hashlib.sha256)
        return random.Random(digest.digest())

    def pseudonym(self, category: str, value: str) -> str:
        if self.key is None:
            raise MissingKeyError(
                "this policy uses keyed pseudonyms: set REDACTOR_KEY or REDACTOR_KEY_FILE"
            )
        message = f"pseudonym\x1f{category}\x1f{fold_value(value)}".encode()
        return hmac.new(self.key, message, hashlib.sha256).hexdigest()[:12]


@dataclass(frozen=True)
class OperatorContext:
    category: str
    policy: Policy
    session: PseudonymSession
    first_name_gender: Callable[[str], str | None]


class _ContextOperator(Operator):
    """Base of our operators: they take their context from params and validate it."""

    name = ""

    def validate(self, params: dict | None = None) -> None:
        if not params or not isinstance(params.get("context"), OperatorContext):
            raise PolicyError(f"operator {self.name} needs an OperatorContext")

    def operator_name(self) -> str:
        return self.name

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


class Flag(_ContextOperator):
    """Keeps the text; the finding is reported as flagged so the record can restrict access."""

    name = "flag"

    def operate(self, text: str, params: dict | None = None) -> str:
        return text


class Pseudonym(_ContextOperator):
    """A keyed HMAC tag: the same value gives the same tag wherever the key is the same."""

    name = "pseudonym"

    def operate(self, text: str, params: dict | None = None) -> str:
        context: OperatorContext = params["context"]
        label = f"{context.category}_{context.session.pseudonym(context.category, text)}"
        return context.policy.tag_template.format(category=label)


class Encrypt(_ContextOperator):
    """A reversible pseudonym: the value encrypted under the site's key (redactor.reversible)."""

    name = "encrypt"

    def operate(self, text: str, params: dict | None = None) -> str:
        context: OperatorContext = params["context"]
        if context.session.cipher is None:
            raise MissingKeyError("the encrypt operator needs REDACTOR_ENCRYPTION_KEY or REDACTOR_ENCRYPTION_KEY_FILE")
        return context.policy.tag_template.format(category=context.session.cipher.token(context.category, text))


_SURROGATE_ATTEMPTS = 20


def _surrogate_for(category: str, value: str, context: OperatorContext) -> str:
    rng = context.session.rng(category, value)
    if category == "PERSON":
        return surrogates.person(value, lambda token: _token_rng(context, token), context.first_name_gender)
    if category == "DATE":
        return _shifted_or_surrogate(value, context)
    generators: dict[str, Callable[[str, random.Random], str]] = {
        "PHONE": surrogates.phone,
        "NIR": surrogates.nir,
        "CLINICIAN_ID": surrogates.rpps,
        "IBAN": surrogates.iban,
        "EMAIL": surrogates.email,
        "URL": surrogates.url,
        "IP_ADDRESS": surrogates.ip_address,
        "ADDRESS": surrogates.address,
        "ZIP": surrogates.zip_code,
        "CITY": surrogates.city,
        "HOSPITAL": surrogates.hospital,
        "PATIENT_ID": surrogates.same_shape_digits,
    }
    generator = generators.get(category)
    if generator is None:  # special categories have no realistic stand-in: tag them
        return context.policy.tag_template.format(category=category)
    for _ in range(_SURROGATE_ATTEMPTS):
        produced = generator(value, rng)
        if fold_value(produced) != fold_value(value):  # a surrogate must never be the original
            return produced
    return context.policy.tag_template.format(category=category)


def _token_rng(context: OperatorContext, token: str) -> random.Random:
    """Names are replaced token by token, so "Dupont" maps alike in "M. Dupont" and "Paul Dupont"."""
    return context.session.rng("PERSON", token)


def _shifted_or_surrogate(value: str, context: OperatorContext) -> str:
    if value.isdigit() and len(value) == 4:  # a year alone stays a year, moved with the offset
        return str((date(int(value), 7, 1) + timedelta(days=context.session.date_shift_days)).year)
    shifted = shift_date(value, context.session.date_shift_days)
    if shifted is not None:
        return shifted
    # Unreadable date: never keep it; a random date stands in.
    rng = context.session.rng("DATE", value)
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1950, 2020)}"


class Surrogate(_ContextOperator):
    """A realistic fake French value of the same category and shape."""

    name = "surrogate"

    def operate(self, text: str, params: dict | None = None) -> str:
        context: OperatorContext = params["context"]
        return _surrogate_for(context.category, text, context)


class DateShift(_ContextOperator):
    """Moves a date by the session's offset, keeping its format."""

    name = "date_shift"

    def operate(self, text: str, params: dict | None = None) -> str:
        return _shifted_or_surrogate(text, params["context"])


_KEEP, _TAG, _MASK = Keep(), Replace(), Mask()
_OURS: dict[str, _ContextOperator] = {op.name: op for op in (Flag(), Pseudonym(), Surrogate(), DateShift(), Encrypt())}


def apply_operator(operator: str, value: str, context: OperatorContext) -> str:
    """The replacement text for `value` under `operator`."""
    if operator == "keep":
        return _KEEP.operate(value, {})
    if operator == "tag":
        return _TAG.operate(value, {"new_value": context.policy.tag_template.format(category=context.category)})
    if operator == "mask":
        params = {"masking_char": context.policy.mask_char, "chars_to_mask": len(value), "from_end": False}
        return _MASK.operate(value, params)
    implementation = _OURS[operator]
    params = {"context": context}
    implementation.validate(params)
    return implementation.operate(value, params)
