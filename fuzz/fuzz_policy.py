"""Fuzz the policy YAML reader: any bytes give a Policy or a PolicyError, nothing else."""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["redactor"]):
    from redactor.errors import PolicyError
    from redactor.policy import BUILTIN_DIR, parse_policy_yaml

from harness import run


def test_one_input(data: bytes) -> None:
    try:
        policy = parse_policy_yaml(data, "fuzzed.yaml")
    except PolicyError as error:
        assert "fuzzed.yaml" in str(error)
        return
    for category, rule in policy.rules.items():
        assert isinstance(category, str) and rule.operator and rule.scope
    assert "{category}" in policy.tag_template and len(policy.mask_char) == 1


def seeds() -> list[bytes]:
    return [path.read_bytes() for path in sorted(BUILTIN_DIR.glob("*.yaml"))]


if __name__ == "__main__":
    run("policy", test_one_input, seeds)
