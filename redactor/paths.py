"""Where redactor finds its data: `models/` beside the package, or REDACTOR_MODELS_DIR."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import yaml


def models_dir() -> Path:
    configured = os.environ.get("REDACTOR_MODELS_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent / "models"


@lru_cache(maxsize=None)
def load_yaml(relative_path: str) -> dict:
    """Load a YAML data file from the models directory (cached: data loads once per process)."""
    path = models_dir() / relative_path
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{relative_path}: expected a mapping at top level")
    return data
