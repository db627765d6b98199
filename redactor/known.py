"""What the EHR already knows about whom a note is about: the known identity a caller may pass.

Every mention of these values is found (with variants: case, accents, initials, one typo,
reversed order, other date formats, any spacing) and ranked above any other reading.
The values are never logged: `repr` shows which fields are set, and errors name fields only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Mapping

from redactor.errors import InvalidInputError

MIN_ID_CHARACTERS = 5  # shorter ids would match ordinary numbers (years, doses)
MIN_PHONE_DIGITS = 6
_LIST_FIELDS = ("other_ids", "address_lines", "phones", "emails", "relatives")

_DATE_FORMATS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})"),
)
_NIR_SHAPE = re.compile(r"[12378]\d{2}(?:0[1-9]|1[0-2]|[2-4]\d|[5-9]\d)(?:\d{2}|2[AB])\d{6}(?:\d{2})?")


def _set_fields(instance: Any) -> str:
    present = [f.name for f in fields(instance) if getattr(instance, f.name)]
    return f"{type(instance).__name__}(set: {', '.join(present) or 'nothing'})"


@dataclass(frozen=True, repr=False)
class PersonName:
    """A person's names: first name(s), surname in use, birth name when different."""

    first_name: str = ""
    last_name: str = ""
    birth_name: str = ""

    __repr__ = _set_fields

    @property
    def surnames(self) -> tuple[str, ...]:
        return tuple(name for name in (self.last_name, self.birth_name) if name)

    @property
    def given_names(self) -> tuple[str, ...]:
        """Each first name on its own ("Marie Claire" -> Marie, Claire; "Jean-Pierre" stays one)."""
        return tuple(self.first_name.split())

    def is_empty(self) -> bool:
        return not (self.first_name or self.last_name or self.birth_name)


@dataclass(frozen=True, repr=False)
class KnownIdentity:
    """The patient's identifiers as the EHR holds them, and relatives' names."""

    first_name: str = ""
    last_name: str = ""
    birth_name: str = ""
    birth_date: date | None = None
    nir: str = ""
    ipp: str = ""
    other_ids: tuple[str, ...] = ()
    address_lines: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    relatives: tuple[PersonName, ...] = ()

    __repr__ = _set_fields

    def __post_init__(self) -> None:
        for name in _LIST_FIELDS:  # lists are welcome; stored as tuples so the identity stays frozen
            if isinstance(getattr(self, name), list):
                object.__setattr__(self, name, tuple(getattr(self, name)))
        _validate(self)

    @property
    def patient(self) -> PersonName:
        return PersonName(self.first_name, self.last_name, self.birth_name)

    @property
    def persons(self) -> tuple[PersonName, ...]:
        return tuple(p for p in (self.patient, *self.relatives) if not p.is_empty())

    @classmethod
    def from_mapping(cls, data: Any) -> KnownIdentity:
        """From JSON-like data (batch `known` column, JSONL field); dates as YYYY-MM-DD or DD/MM/YYYY."""
        if not isinstance(data, Mapping):
            raise InvalidInputError("known identity: expected an object")
        names = {f.name for f in fields(cls)}
        unknown = sorted(map(str, set(data) - names))
        if unknown:
            raise InvalidInputError(
                f"known identity: unknown field(s) {', '.join(unknown)}; known: {', '.join(sorted(names))}"
            )
        values = {name: value for name, value in data.items() if value is not None}  # null: not given
        for name in ("other_ids", "address_lines", "phones", "emails"):
            if name in values:
                values[name] = _string_list(values[name], name)
        if "relatives" in values:
            relatives = _list(values["relatives"], "relatives")
            values["relatives"] = tuple(_relative(item, index) for index, item in enumerate(relatives))
        if values.get("birth_date") is not None:
            values["birth_date"] = parse_birth_date(values["birth_date"])
        return cls(**values)


def parse_birth_date(value: Any) -> date:
    """A date from YYYY-MM-DD or DD/MM/YYYY (dots and dashes too); errors never quote the value."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        for pattern in _DATE_FORMATS:
            if match := pattern.fullmatch(value.strip()):
                try:
                    return date(int(match["y"]), int(match["m"]), int(match["d"]))
                except ValueError:
                    break
    raise InvalidInputError("known identity: birth_date is not a valid date (YYYY-MM-DD or DD/MM/YYYY)")


def _list(value: Any, name: str) -> list:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise InvalidInputError(f"known identity: {name} must be a list")
    return list(value)


def _string_list(value: Any, name: str) -> tuple[str, ...]:
    return tuple(_list(value, name))


def _relative(item: Any, index: int) -> PersonName:
    if not isinstance(item, Mapping):
        raise InvalidInputError(f"known identity: relatives[{index}] must be an object")
    allowed = {f.name for f in fields(PersonName)}
    unknown = sorted(map(str, set(item) - allowed))
    if unknown:
        raise InvalidInputError(f"known identity: relatives[{index}]: unknown field(s) {', '.join(unknown)}")
    return PersonName(**{name: value for name, value in item.items() if value is not None})


def _alphanumerics(value: str) -> str:
    return "".join(c for c in value if c.isalnum())


def _validate(identity: KnownIdentity) -> None:
    """Shape checks with messages that name the field, never its value."""
    for name in ("first_name", "last_name", "birth_name", "nir", "ipp"):
        if not isinstance(getattr(identity, name), str):
            raise InvalidInputError(f"known identity: {name} must be a string")
    for name in _LIST_FIELDS:
        if not isinstance(getattr(identity, name), tuple):
            raise InvalidInputError(f"known identity: {name} must be a list")
    for name in ("other_ids", "address_lines", "phones", "emails"):
        for index, value in enumerate(getattr(identity, name)):
            if not isinstance(value, str) or not value.strip():
                raise InvalidInputError(f"known identity: {name}[{index}] must be a non-empty string")
    if identity.birth_date is not None and not isinstance(identity.birth_date, date):
        raise InvalidInputError("known identity: birth_date must be a date")
    for index, person in enumerate((identity.patient, *identity.relatives)):
        where = "" if index == 0 else f"relatives[{index - 1}]."
        if not isinstance(person, PersonName):
            raise InvalidInputError(f"known identity: {where.rstrip('.')} must be a PersonName")
        for name in ("first_name", "last_name", "birth_name"):
            value = getattr(person, name)
            if not isinstance(value, str):
                raise InvalidInputError(f"known identity: {where}{name} must be a string")
            if value and sum(c.isalpha() for c in value) < 2:
                raise InvalidInputError(f"known identity: {where}{name} needs at least two letters")
        if index and person.is_empty():
            raise InvalidInputError(f"known identity: relatives[{index - 1}] has no name")
    if identity.nir and not _NIR_SHAPE.fullmatch(_alphanumerics(identity.nir).upper()):
        raise InvalidInputError("known identity: nir must have 13 or 15 characters shaped like a NIR")
    for name, value in [("ipp", identity.ipp)] + [(f"other_ids[{i}]", v) for i, v in enumerate(identity.other_ids)]:
        if value and len(_alphanumerics(value)) < MIN_ID_CHARACTERS:
            raise InvalidInputError(f"known identity: {name} needs at least {MIN_ID_CHARACTERS} letters or digits")
    for index, phone in enumerate(identity.phones):
        if sum(c.isdigit() for c in phone) < MIN_PHONE_DIGITS:
            raise InvalidInputError(f"known identity: phones[{index}] needs at least {MIN_PHONE_DIGITS} digits")
    for index, email in enumerate(identity.emails):
        if email.count("@") != 1 or " " in email.strip():
            raise InvalidInputError(f"known identity: emails[{index}] is not an e-mail address")
    if not (identity.persons or identity.birth_date or identity.nir or identity.ipp or identity.other_ids
            or identity.address_lines or identity.phones or identity.emails):  # fmt: skip
        raise InvalidInputError("known identity is empty: give at least one name, date, number or address")
