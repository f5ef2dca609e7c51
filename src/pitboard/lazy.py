"""A module imported on first attribute access, for the command line's start-up time."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule(ModuleType):
    """Stands for module ``name`` and imports it when an attribute is first read."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._lazy_name = name

    def __getattr__(self, attribute: str) -> Any:
        module = importlib.import_module(self._lazy_name)
        return getattr(module, attribute)


def lazy_module(name: str) -> Any:
    """``analysis = lazy_module("pitboard.analysis")``: imported when first used."""
    return LazyModule(name)
