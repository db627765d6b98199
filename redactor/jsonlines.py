"""JSON Lines that any text survives: lone surrogates (bytes a decoder escaped, or `\\udc80`
read from JSON) are written back as `\\u` escapes, so that every line is valid UTF-8."""

from __future__ import annotations

import json
import re
from typing import Any

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_line(value: Any) -> str:
    """`value` as one line of JSON, newline included; `json.loads` gives `value` back."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return _LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"
