"""Fuzz the core: any text (the bytes read as UTF-8, undecodable bytes as lone surrogates)
is analysed and redacted with findings inside the text, sorted and disjoint, and a redacted
text that maps back onto the original. Only an oversize text may be refused."""

from __future__ import annotations

import logging

import atheris

with atheris.instrument_imports(include=["redactor"]):
    from redactor import Redactor
    from redactor.errors import InvalidInputError

from harness import clinical_texts, run

logging.disable(logging.WARNING)
_REDACTOR = Redactor(key=b"fuzzing-key-not-secret")
_POLICY = _REDACTOR.policy("export")


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", "surrogateescape")
    try:
        findings = _REDACTOR.analyze(text)
    except InvalidInputError:
        assert len(text) > _REDACTOR.max_chars
        return
    end = 0
    for finding in findings:
        assert end <= finding.start < finding.end <= len(text), (finding.start, finding.end)
        end = finding.end
    result = _REDACTOR.apply(text, findings, _POLICY)
    rebuilt, cursor, seen = [], 0, set()
    for applied in sorted(result.findings, key=lambda a: a.scope_start):
        scope = (applied.scope_start, applied.scope_end)
        if scope in seen:
            continue
        seen.add(scope)
        assert cursor <= applied.scope_start
        rebuilt += [text[cursor : applied.scope_start], result.text[applied.redacted_start : applied.redacted_end]]
        cursor = applied.scope_end
    rebuilt.append(text[cursor:])
    assert "".join(rebuilt) == result.text


def seeds() -> list[bytes]:
    return [text[:2000].encode("utf-8") for text in clinical_texts()]


if __name__ == "__main__":
    run("core", test_one_input, seeds)
