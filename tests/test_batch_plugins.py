"""`--detector-plugin module:factory`: loaded for real from a module on the path; every mistake is
a clear PluginError (a usage error), never a crash in a worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.plugins import PluginError, load_detector_plugins
from redactor.recognizers.base import Detector


@pytest.fixture(autouse=True)
def plugin_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).parent / "data" / "batch"))
    (tmp_path / "broken_plugins.py").write_text(
        "def not_detectors():\n    return ['a string']\n\n"
        "def raises():\n    raise RuntimeError('secret detail')\n\n"
        "NOT_CALLABLE = 3\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))


def test_a_factory_returning_detectors_is_loaded() -> None:
    detectors = load_detector_plugins(["poison_plugin:make_detectors", "poison_plugin:make_detectors"])
    assert len(detectors) == 2 and all(isinstance(detector, Detector) for detector in detectors)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("poison_plugin", "expected 'module:factory'"),
        ("no_such_module_anywhere:make", "cannot import 'no_such_module_anywhere'"),
        ("broken_plugins:missing", "has no callable 'missing'"),
        ("broken_plugins:NOT_CALLABLE", "has no callable 'NOT_CALLABLE'"),
        ("broken_plugins:not_detectors", "returned str, not a Detector"),
        ("broken_plugins:raises", "the factory failed (RuntimeError)"),
    ],
)
def test_plugin_mistakes_are_clear_errors(spec: str, message: str) -> None:
    with pytest.raises(PluginError) as raised:
        load_detector_plugins([spec])
    assert message in str(raised.value)
    assert "secret detail" not in str(raised.value)
