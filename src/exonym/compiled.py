"""The compiled core (exonym._core, built from _core.pyx when a compiler was there), or None: then
each caller uses the pure-Python twin of the function, which gives the same answer. EXONYM_PURE=1
selects the twins even when the core is built (for tests that compare the two)."""

from __future__ import annotations

import importlib
import os
from types import ModuleType


def core() -> ModuleType | None:
    if os.environ.get("EXONYM_PURE"):
        return None
    try:
        return importlib.import_module("exonym._core")
    except ImportError:
        return None


CORE = core()
