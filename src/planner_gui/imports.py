"""Importing libraries that pull in numpy and pandas for features a plan never uses.

sqlite-utils and openpyxl import numpy (and pandas), when they are installed,
only to recognise numpy's number types in the values they are given; this
program hands them Python values only. numpy is installed for the chart, and
importing it took 40-60 ms of every `planner-cli` command and of the window's
start-up, pandas would take far more. ``import_without_numpy`` imports a
library with both marked as absent; the chart imports numpy itself when it
is built, as usual.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

_NOT_WANTED = ("numpy", "pandas")


def import_without_numpy(name: str) -> ModuleType:
    """The module ``name``, imported (if it was not yet) while numpy and pandas seem absent."""
    if name in sys.modules:
        return sys.modules[name]
    hidden = [module for module in _NOT_WANTED if module not in sys.modules]
    for module in hidden:
        sys.modules[module] = None  # type: ignore[assignment]  # None makes `import numpy` fail
    try:
        return importlib.import_module(name)
    finally:
        for module in hidden:
            if sys.modules.get(module, ...) is None:
                del sys.modules[module]
