"""Reversible pseudonyms: the `encrypt` operator's tokens and their decryption.

A value becomes `<CATEGORY.enc.BASE64URL>` (inside the policy's tag template): the value
encrypted with AES-SIV (RFC 5297, authenticated and deterministic) under a key derived from
REDACTOR_ENCRYPTION_KEY or the file named by REDACTOR_ENCRYPTION_KEY_FILE, with the category
as associated data. Deterministic means the same value of the same category gets the same
token under the same key, so notes stay linkable as with `pseudonym`; only the key's holder
can turn a token back into the value. A wrong key or an altered token never decrypts: it
raises `DecryptionError`, whose message carries the token's position, never text.
"""

from __future__ import annotations

import base64
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from redactor.errors import MissingKeyError, RedactorError

MIN_KEY_CHARS = 32
_VERSION = b"redactor-encrypt-v1"
# CATEGORY.enc.<base64url of AES-SIV output: 16-byte tag + ciphertext, so 22 characters or more>
TOKEN_PATTERN = re.compile(r"\b([A-Z][A-Z0-9_]*)\.enc\.([A-Za-z0-9_-]{22,})")


class DecryptionError(RedactorError):
    """A token that does not decrypt under this key: wrong key, or the token was altered."""


def encryption_key_from_environment() -> bytes | None:
    """Key material from REDACTOR_ENCRYPTION_KEY or the file named by REDACTOR_ENCRYPTION_KEY_FILE."""
    if value := os.environ.get("REDACTOR_ENCRYPTION_KEY"):
        return value.encode()
    if path := os.environ.get("REDACTOR_ENCRYPTION_KEY_FILE"):
        try:
            key = Path(path).read_bytes().strip()
        except OSError as error:
            raise MissingKeyError(f"cannot read REDACTOR_ENCRYPTION_KEY_FILE ({error.strerror})") from None
        if not key:
            raise MissingKeyError("REDACTOR_ENCRYPTION_KEY_FILE is empty")
        return key
    return None


def _decode(body: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except ValueError:
        return None


class ValueCipher:
    """Encrypts values into tokens and decrypts them, under one key."""

    def __init__(self, key_material: bytes):
        if len(key_material) < MIN_KEY_CHARS:
            raise MissingKeyError(
                f"the encryption key must have at least {MIN_KEY_CHARS} characters "
                "(e.g. `openssl rand -base64 32`)"
            )
        derived = HKDF(algorithm=hashes.SHA256(), length=64, salt=None, info=_VERSION).derive(key_material)
        self._aead = AESSIV(derived)

    @classmethod
    def from_environment(cls) -> ValueCipher:
        key = encryption_key_from_environment()
        if key is None:
            raise MissingKeyError("set REDACTOR_ENCRYPTION_KEY or REDACTOR_ENCRYPTION_KEY_FILE")
        return cls(key)

    def token(self, category: str, value: str) -> str:
        """`CATEGORY.enc.BASE64URL`: the label the encrypt operator puts in the tag template."""
        sealed = self._aead.encrypt(value.encode("utf-8"), [_VERSION, category.encode()])
        return f"{category}.enc.{base64.urlsafe_b64encode(sealed).decode().rstrip('=')}"

    def open_token(self, token: str) -> tuple[str, str]:
        """(category, original value) of one token; `DecryptionError` if it does not decrypt."""
        match = TOKEN_PATTERN.fullmatch(token.strip())
        if match is None:
            raise DecryptionError("not an encrypted token (expected CATEGORY.enc.BASE64URL)")
        return match.group(1), self._open(match.group(1), match.group(2), 0)

    def _open(self, category: str, body: str, position: int) -> str:
        sealed = _decode(body)
        try:
            if sealed is None:
                raise InvalidTag
            return self._aead.decrypt(sealed, [_VERSION, category.encode()]).decode("utf-8")
        except (InvalidTag, UnicodeDecodeError):
            raise DecryptionError(
                f"the token at character {position} does not decrypt: wrong key, or the token was altered"
            ) from None

    def decrypt_text(self, text: str, tag_template: str = "<{category}>") -> DecryptedText:
        """`text` with every token (and the tag around it) replaced by its original value."""
        prefix, _, suffix = tag_template.partition("{category}")
        token = TOKEN_PATTERN.pattern
        # the tag around a token goes with it; a bare token (another template) is decrypted too
        pattern = re.compile(f"{re.escape(prefix)}{token}{re.escape(suffix)}|{token}")
        pieces: list[str] = []
        cursor = count = 0
        for match in pattern.finditer(text):
            category, body = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            pieces.append(text[cursor : match.start()])
            pieces.append(self._open(category, body, match.start()))
            cursor = match.end()
            count += 1
        pieces.append(text[cursor:])
        return DecryptedText("".join(pieces), count)


@dataclass(frozen=True)
class DecryptedText:
    text: str
    tokens: int


def decrypt(text: str, key: bytes | None = None, tag_template: str = "<{category}>") -> str:
    """The original of a text redacted with the `encrypt` operator (key from the environment
    when not given). Raises `DecryptionError` on a token that does not decrypt."""
    cipher = ValueCipher(key) if key is not None else ValueCipher.from_environment()
    return cipher.decrypt_text(text, tag_template).text
