"""Where the user's data lives: the platform's application-data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from planner_gui import APP_NAME

DEFAULT_DB_NAME = "plan.sqlite"


def data_dir() -> Path:
    """Per-user data folder: %APPDATA%, ~/Library/Application Support, or $XDG_DATA_HOME."""
    override = os.environ.get("PLANNER_GUI_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME
