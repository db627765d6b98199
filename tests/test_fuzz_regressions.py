"""Inputs the fuzz harnesses (fuzz/) found crashing, kept as regression tests: each must now
get the entry point's own error, never another exception."""

from __future__ import annotations

import pytest

from redactor.errors import PolicyError
from redactor.policy import parse_policy_yaml

_POLICY_HEAD = b"name: p\nidentifiers: {operator: keep}\nspecial: {operator: tag, scope: clause}\n"


@pytest.mark.parametrize(
    "raw, reason",
    [
        # fuzz_policy: `categories` given as a string (AttributeError: 'str' has no 'items')
        (_POLICY_HEAD + b"categories: HEALTH_SENSITIVE and every excessive comment}\n", "categories must be a mapping"),
        # fuzz_policy: unknown keys of mixed types could not be sorted for the message (TypeError)
        (b"11111111111111111: clause}\ncategories:1111i:\n", "unknown keys"),
        (_POLICY_HEAD + b"options: 12\n", "options must be a mapping"),
        (_POLICY_HEAD + b"options: {1: a, b: 2}\n", "unknown options"),
        (_POLICY_HEAD + b"\xff\xfe", "not valid UTF-8"),
        (b"[" * 5000, "not valid YAML"),
    ],
)
def test_a_fuzzed_policy_is_a_policy_error(raw, reason):
    with pytest.raises(PolicyError) as raised:
        parse_policy_yaml(raw, "fuzzed.yaml")
    assert reason in str(raised.value) and str(raised.value).startswith("fuzzed.yaml: ")
