"""Import sqlite-utils without numpy and pandas.

sqlite-utils imports numpy and pandas, when they are installed, only to map
their number types to column types; a plan stores Python values only. numpy
is installed here for the chart, and importing it took 60 ms of the window's
start-up and of every `planner` command (a sixth of a bare window's start),
pandas would take far more. So while sqlite-utils is imported, both are
marked as absent; the chart imports numpy itself later, as usual.
"""

from __future__ import annotations

import sys
from types import ModuleType

_NOT_WANTED = ("numpy", "pandas")


def import_sqlite_utils() -> ModuleType:
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    # None in sys.modules makes `import numpy` raise ImportError
    hidden = [name for name in _NOT_WANTED if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]
    return sqlite_utils
