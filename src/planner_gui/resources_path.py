"""Finding the files shipped with the program (plans, fonts, icons, translations).

The top-level ``resources/`` folder is installed as the package
``planner_gui.resources``; importlib.resources finds it in a wheel, an editable
install, or a PyInstaller bundle (where the spec collects it under _MEIPASS).
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. resource_path("plans", "fengtai_2024.json")."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidate = Path(bundle, "planner_gui", "resources", *parts)
        if candidate.exists():
            return candidate
    root = resources.files("planner_gui.resources")
    return Path(str(root.joinpath(*parts)))


BUNDLED_PLAN = ("plans", "fengtai_2024.json")


def bundled_plan_path() -> Path:
    return resource_path(*BUNDLED_PLAN)
