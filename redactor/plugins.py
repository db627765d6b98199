"""Extra detectors named on the command line as `module:factory` (shared by batch, Spark, gRPC).

The factory is called without arguments and returns one `Detector` or a list of them. The
module must be importable where the detectors run (every worker process, every Spark executor).
"""

from __future__ import annotations

import importlib
from typing import Sequence

from redactor.errors import RedactorError
from redactor.recognizers.base import Detector


class PluginError(RedactorError):
    """A detector plugin cannot be loaded or does not return detectors."""


def load_detector_plugin(spec: str) -> list[Detector]:
    """The detectors made by the factory named `spec` ("package.module:factory")."""
    module_name, separator, factory_name = spec.partition(":")
    if not separator or not module_name or not factory_name:
        raise PluginError(f"detector plugin {spec!r}: expected 'module:factory'")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise PluginError(f"detector plugin {spec!r}: cannot import {module_name!r} ({error.msg})") from None
    factory = getattr(module, factory_name, None)
    if not callable(factory):
        raise PluginError(f"detector plugin {spec!r}: {module_name} has no callable {factory_name!r}")
    try:
        made = factory()
    except Exception as error:  # its message is the plugin's, and could say anything
        raise PluginError(f"detector plugin {spec!r}: the factory failed ({type(error).__name__})") from None
    detectors = list(made) if isinstance(made, (list, tuple)) else [made]
    for detector in detectors:
        if not isinstance(detector, Detector):
            raise PluginError(f"detector plugin {spec!r}: returned {type(detector).__name__}, not a Detector")
    return detectors


def load_detector_plugins(specs: Sequence[str]) -> list[Detector]:
    """The detectors of every plugin in `specs`, in order."""
    return [detector for spec in specs for detector in load_detector_plugin(spec)]
