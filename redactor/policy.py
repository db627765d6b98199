"""Redaction policies: data (YAML) mapping each category to an operator and a span scope.

A policy file looks like:

    name: export
    description: ...
    identifiers: {operator: tag}              # every identifier category
    special: {operator: tag, scope: clause}   # every special category
    categories:                               # per-category overrides
      DATE: {operator: date_shift}
      GENETIC: {operator: tag, somatic: {operator: keep}}   # tumour variants kept
      DATE: {operator: tag, year_only: {operator: keep}}    # years alone ("en 2015") kept

Built-in policies live in `redactor/policies/`; `--policy` also accepts a path to a file.
Anything not understood is an error: a policy that silently kept a category would leak.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import yaml

from redactor.errors import PolicyError, UnknownPolicyError
from redactor.findings import ALL_CATEGORIES, IDENTIFIER_CATEGORIES, SPECIAL_CATEGORIES, Finding

BUILTIN_DIR = Path(__file__).resolve().parent / "policies"


class Scope(str, Enum):
    """How much text a special-category finding removes."""

    TERM = "term"
    CLAUSE = "clause"
    SENTENCE = "sentence"


OPERATOR_NAMES = ("keep", "flag", "tag", "mask", "pseudonym", "surrogate", "date_shift", "encrypt")
KEYED_OPERATORS = frozenset({"pseudonym"})
# what a policy may do with somatic GENETIC findings (no key needed, nothing to reverse)
_SOMATIC_OPERATORS = ("keep", "flag", "tag", "mask")
# what a policy may do with a year alone (DATE found by date.year_only)
_YEAR_ONLY_OPERATORS = ("keep", "flag", "tag", "mask", "date_shift")
YEAR_ONLY_DETECTOR = "date.year_only"
# how much of a value an operator leaves: keeping leaves it, flagging leaves it marked, every
# other operator removes it (the facility that reveals a special category takes the strictest)
_STRICTNESS = {"keep": 0, "flag": 1}


@dataclass(frozen=True)
class CategoryRule:
    operator: str
    scope: Scope = Scope.TERM
    # GENETIC only: the rule for somatic (tumour) variants, e.g. kept in a research export
    somatic: CategoryRule | None = None
    # DATE only: the rule for years alone ("en 2015", detector date.year_only), e.g. kept
    year_only: CategoryRule | None = None


@dataclass(frozen=True)
class Policy:
    name: str
    description: str
    rules: dict[str, CategoryRule]
    tag_template: str = "<{category}>"
    mask_char: str = "*"
    date_shift_max_days: int = 365
    source: str = field(default="", compare=False)

    def rule(self, category: str) -> CategoryRule:
        return self.rules[category]

    def rule_for(self, finding: Finding) -> CategoryRule:
        """The category's rule, or its `somatic` rule for a finding qualified somatic, or its
        `year_only` rule for a year alone; for a facility that reveals a special category, that
        category's rule where it is stricter (removing beats flagging beats keeping)."""
        rule = self.rules[finding.category]
        if finding.reveals is not None:
            revealed = self.rules[finding.reveals]
            if _STRICTNESS.get(revealed.operator, 2) > _STRICTNESS.get(rule.operator, 2):
                return revealed
        if rule.somatic is not None and finding.qualifiers is not None and finding.qualifiers.somatic:
            return rule.somatic
        if rule.year_only is not None and finding.detector == YEAR_ONLY_DETECTOR:
            return rule.year_only
        return rule

    @property
    def needs_key(self) -> bool:
        return any(rule.operator in KEYED_OPERATORS for rule in self.rules.values())

    @property
    def needs_encryption_key(self) -> bool:
        """True when some category is encrypted (reversible pseudonyms, see redactor.reversible)."""
        return any(rule.operator == "encrypt" for rule in self.rules.values())


def _rule(
    raw: object, where: str, default_scope: Scope, allow_somatic: bool = False, allow_year_only: bool = False
) -> CategoryRule:
    if not isinstance(raw, dict) or "operator" not in raw:
        raise PolicyError(f"{where}: expected a mapping with an 'operator'")
    unknown = set(raw) - {"operator", "scope", "somatic", "year_only"}
    if unknown:
        raise PolicyError(f"{where}: unknown keys {sorted(map(str, unknown))}")
    operator = raw["operator"]
    if operator not in OPERATOR_NAMES:
        raise PolicyError(f"{where}: unknown operator {operator!r}; known: {', '.join(OPERATOR_NAMES)}")
    try:
        scope = Scope(raw.get("scope", default_scope.value))
    except ValueError:
        raise PolicyError(f"{where}: scope must be one of term, clause, sentence") from None
    somatic = _sub_rule(raw, "somatic", where, scope, allow_somatic, "GENETIC", _SOMATIC_OPERATORS)
    year_only = _sub_rule(raw, "year_only", where, scope, allow_year_only, "DATE", _YEAR_ONLY_OPERATORS)
    return CategoryRule(operator=operator, scope=scope, somatic=somatic, year_only=year_only)


def _sub_rule(
    raw: dict, key: str, where: str, scope: Scope, allowed: bool, category: str, operators: tuple[str, ...]
) -> CategoryRule | None:
    """The rule under `key` for a subset of a category's findings (somatic GENETIC findings,
    years alone), or None; it may only narrow what the category's rule does."""
    if key not in raw:
        return None
    if not allowed:
        raise PolicyError(f"{where}: '{key}' applies to {category} only")
    rule = _rule(raw[key], f"{where}.{key}", scope)
    if rule.operator not in operators or rule.somatic is not None or rule.year_only is not None:
        raise PolicyError(f"{where}.{key}: operator must be one of {', '.join(operators)}")
    return rule


def _mapping(data: dict, key: str, source: str) -> dict:
    """The optional mapping `data[key]` ({} when absent or empty)."""
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise PolicyError(f"{source}: {key} must be a mapping")
    return value


def parse_policy(data: object, source: str) -> Policy:
    """Validate a policy mapping read from YAML."""
    if not isinstance(data, dict):
        raise PolicyError(f"{source}: a policy is a mapping")
    allowed = {"name", "description", "identifiers", "special", "categories", "options"}
    unknown = set(data) - allowed
    if unknown:
        raise PolicyError(f"{source}: unknown keys {sorted(map(str, unknown))}")
    for required in ("name", "identifiers", "special"):
        if required not in data:
            raise PolicyError(f"{source}: missing '{required}'")
    identifiers = _rule(data["identifiers"], f"{source}: identifiers", Scope.TERM)
    special = _rule(data["special"], f"{source}: special", Scope.CLAUSE)
    rules = {c: identifiers for c in IDENTIFIER_CATEGORIES}
    rules.update({c: special for c in SPECIAL_CATEGORIES})
    for category, raw in _mapping(data, "categories", source).items():
        if category not in ALL_CATEGORIES:
            raise PolicyError(f"{source}: unknown category {category!r}")
        default_scope = Scope.CLAUSE if category in SPECIAL_CATEGORIES else Scope.TERM
        rules[category] = _rule(
            raw, f"{source}: categories.{category}", default_scope, category == "GENETIC", category == "DATE"
        )
    for category, rule in rules.items():
        if rule.operator == "date_shift" and category != "DATE":
            raise PolicyError(f"{source}: date_shift applies to DATE only, not {category}")
    options = _mapping(data, "options", source)
    unknown = set(options) - {"tag_template", "mask_char", "date_shift_max_days"}
    if unknown:
        raise PolicyError(f"{source}: unknown options {sorted(map(str, unknown))}")
    tag_template = str(options.get("tag_template", "<{category}>"))
    if "{category}" not in tag_template:
        raise PolicyError(f"{source}: tag_template must contain {{category}}")
    mask_char = str(options.get("mask_char", "*"))
    if len(mask_char) != 1:
        raise PolicyError(f"{source}: mask_char must be one character")
    max_days = options.get("date_shift_max_days", 365)
    if not isinstance(max_days, int) or max_days < 1:
        raise PolicyError(f"{source}: date_shift_max_days must be a positive integer")
    return Policy(
        name=str(data["name"]),
        description=str(data.get("description", "")).strip(),
        rules=rules,
        tag_template=tag_template,
        mask_char=mask_char,
        date_shift_max_days=max_days,
        source=source,
    )


def builtin_policy_names() -> list[str]:
    return sorted(path.stem for path in BUILTIN_DIR.glob("*.yaml"))


def load_policy(name_or_path: str) -> Policy:
    """A built-in policy by name, or a policy file by path (`.yaml` / `.yml`)."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and (os.sep in name_or_path or path.exists()):
        if not path.is_file():
            raise UnknownPolicyError(f"policy file not found: {name_or_path}")
    else:
        path = BUILTIN_DIR / f"{name_or_path}.yaml"
        if not path.is_file():
            known = ", ".join(builtin_policy_names())
            raise UnknownPolicyError(f"unknown policy {name_or_path!r}; built-in policies: {known}")
    return parse_policy_yaml(path.read_bytes(), path.name)


def parse_policy_yaml(raw: bytes, source: str) -> Policy:
    """A policy from the bytes of a YAML file; anything wrong is a `PolicyError`."""
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise PolicyError(f"{source}: not valid UTF-8 (byte {error.start})") from None
    except (yaml.YAMLError, RecursionError) as error:
        raise PolicyError(f"{source}: not valid YAML ({error.__class__.__name__})") from None
    return parse_policy(data, source)
