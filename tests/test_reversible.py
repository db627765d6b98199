"""Reversible pseudonyms: the encrypt operator, `redactor decrypt` and `redactor.decrypt`, on
the real pipeline; wrong keys and altered tokens fail clearly, without text in the message."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from redactor import Redactor
from redactor.errors import MissingKeyError
from redactor.policy import parse_policy
from redactor.reversible import TOKEN_PATTERN, DecryptionError, ValueCipher, decrypt

DATA = Path(__file__).resolve().parent / "data"
KEY = b"a-test-encryption-key-of-32-chars-or-more"
OTHER_KEY = b"another-test-encryption-key-of-32-chars!!"
EVERYTHING_ENCRYPTED = {
    "name": "reversible",
    "identifiers": {"operator": "encrypt"},
    "special": {"operator": "encrypt", "scope": "clause"},
}


@pytest.fixture(scope="module")
def encrypting(redactor: Redactor) -> Redactor:
    return Redactor(key=None, nlp=redactor.nlp, encryption_key=KEY)


def thousand_notes() -> list[str]:
    """The 720 dev notes, then 280 more made of two dev notes each (longer, mixed content)."""
    notes = []
    for name in ("dev_identifiers.jsonl", "dev_special.jsonl"):
        with (DATA / name).open(encoding="utf-8") as handle:
            notes.extend(json.loads(line)["text"] for line in handle if line.strip())
    rng = random.Random(13)
    while len(notes) < 1000:
        first, second = rng.sample(notes[:720], 2)
        notes.append(first + "\n\n" + second)
    return notes


def test_encrypt_then_decrypt_gives_back_every_original_on_1000_notes(encrypting):
    policy = parse_policy(EVERYTHING_ENCRYPTED, "test")
    cipher = ValueCipher(KEY)
    notes = thousand_notes()
    tokens = 0
    for text, findings in zip(notes, encrypting.analyze_many(notes), strict=True):
        assert not isinstance(findings, Exception)
        result = encrypting.apply(text, findings, policy)
        assert cipher.decrypt_text(result.text).text == text
        for applied in result.findings:
            token = result.text[applied.redacted_start + 1 : applied.redacted_end - 1]  # inside <...>
            category, value = cipher.open_token(token)
            assert value == text[applied.scope_start : applied.scope_end]
            tokens += 1
    assert tokens > 5000  # the notes are full of identifiers: the property was really exercised


def test_any_unicode_value_survives_the_round_trip():
    cipher = ValueCipher(KEY)
    rng = random.Random(7)
    alphabet = "aàâçéèêëîïôœùûüÿAÉ0123456789 -'’.,/\n\t€😀\u200b" + "".join(map(chr, range(0x400, 0x420)))
    for _ in range(1000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        category = rng.choice(("PERSON", "NIR", "HEALTH_SENSITIVE"))
        assert cipher.open_token(cipher.token(category, value)) == (category, value)


def test_tokens_are_deterministic_per_key_and_bound_to_their_category():
    cipher = ValueCipher(KEY)
    assert cipher.token("PERSON", "Dupont") == cipher.token("PERSON", "Dupont")
    assert cipher.token("PERSON", "Dupont") != ValueCipher(OTHER_KEY).token("PERSON", "Dupont")
    relabelled = cipher.token("PERSON", "Dupont").replace("PERSON", "CITY", 1)
    with pytest.raises(DecryptionError):
        cipher.open_token(relabelled)


def test_a_wrong_key_fails_clearly_and_says_where_without_text():
    text = "Vu Mme " + "<" + ValueCipher(KEY).token("PERSON", "Sylvie MARCHAND") + "> ce jour."
    with pytest.raises(DecryptionError) as caught:
        ValueCipher(OTHER_KEY).decrypt_text(text)
    message = str(caught.value)
    assert "character 7" in message and "wrong key" in message
    assert "MARCHAND" not in message and "Vu Mme" not in message


@pytest.mark.parametrize("alter", ["flip", "truncate", "extend"])
def test_an_altered_token_does_not_decrypt(alter):
    cipher = ValueCipher(KEY)
    token = cipher.token("NIR", "1 85 05 78 006 084 36")
    category, body = TOKEN_PATTERN.fullmatch(token).groups()
    if alter == "flip":
        body = body[:10] + ("A" if body[10] != "A" else "B") + body[11:]
    elif alter == "truncate":
        body = body[:-4]
    else:
        body = body + "AAAA"
    with pytest.raises(DecryptionError):
        cipher.decrypt_text(f"NIR <{category}.enc.{body}>")


def test_keys_that_are_too_short_are_refused():
    with pytest.raises(MissingKeyError):
        ValueCipher(b"short")


def test_a_policy_that_encrypts_needs_the_key(redactor, monkeypatch):
    monkeypatch.delenv("REDACTOR_ENCRYPTION_KEY", raising=False)
    monkeypatch.delenv("REDACTOR_ENCRYPTION_KEY_FILE", raising=False)
    keyless = Redactor(key=None, nlp=redactor.nlp)
    text = "Vu M. Paul Martin."
    with pytest.raises(MissingKeyError, match="REDACTOR_ENCRYPTION_KEY"):
        keyless.apply(text, keyless.analyze(text), parse_policy(EVERYTHING_ENCRYPTED, "test"))


def test_identifiers_encrypted_and_special_categories_tagged(encrypting):
    policy = parse_policy({**EVERYTHING_ENCRYPTED, "special": {"operator": "tag", "scope": "clause"}}, "test")
    text = "Mme Sylvie MARCHAND, née le 12/03/1961. Patiente VIH+ depuis 2010."
    result = encrypting.apply(text, encrypting.analyze(text), policy)
    assert "<HEALTH_SENSITIVE>" in result.text
    restored = ValueCipher(KEY).decrypt_text(result.text).text
    assert "Sylvie MARCHAND" in restored and "12/03/1961" in restored and "VIH" not in restored


def _cli(*args: str, stdin: str = "", key: bytes | None = KEY) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDACTOR_")}
    if key is not None:
        env["REDACTOR_ENCRYPTION_KEY"] = key.decode()
    return subprocess.run(
        [sys.executable, "-m", "redactor.cli", *args], input=stdin, capture_output=True, text=True, env=env
    )


def test_command_line_round_trip_and_wrong_key(tmp_path):
    policy = tmp_path / "reversible.yaml"
    policy.write_text(json.dumps(EVERYTHING_ENCRYPTED), encoding="utf-8")
    note = "Vu Mme Sylvie MARCHAND le 12/03/2019, tél 06 12 34 56 78. Patiente VIH+, suivie au CMP."
    records = tmp_path / "notes.jsonl"
    records.write_text(json.dumps({"id": "n1", "text": note}) + "\n", encoding="utf-8")
    redacted_file = tmp_path / "redacted.jsonl"
    done = _cli("redact", "--policy", str(policy), "--input", str(records), "--output", str(redacted_file))
    assert done.returncode == 0, done.stderr
    redacted = json.loads(redacted_file.read_text(encoding="utf-8"))["text"]
    assert "MARCHAND" not in redacted and ".enc." in redacted

    restored_file = tmp_path / "restored.jsonl"
    done = _cli("decrypt", "--input", str(redacted_file), "--output", str(restored_file))
    assert done.returncode == 0, done.stderr
    assert json.loads(restored_file.read_text(encoding="utf-8")) == {"id": "n1", "text": note}

    done = _cli("decrypt", stdin=redacted, key=OTHER_KEY)
    assert done.returncode == 1
    assert "does not decrypt" in done.stderr and "MARCHAND" not in done.stderr
    done = _cli("decrypt", stdin=redacted, key=None)
    assert done.returncode == 2 and "REDACTOR_ENCRYPTION_KEY" in done.stderr


def test_python_function_reads_the_key_from_the_environment(monkeypatch):
    monkeypatch.setenv("REDACTOR_ENCRYPTION_KEY", KEY.decode())
    monkeypatch.delenv("REDACTOR_ENCRYPTION_KEY_FILE", raising=False)
    import redactor

    token = ValueCipher(KEY).token("CITY", "Saint-Étienne")
    assert redactor.decrypt(f"à <{token}>.") == "à Saint-Étienne."
    assert decrypt(f"à [{token}].", tag_template="[{category}]") == "à Saint-Étienne."
