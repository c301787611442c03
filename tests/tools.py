"""Finding the outside programs the tests use.

Every program here is declared: the Python ones in pyproject's ``test``
extra (ruff, import-linter, PySide6's Qt tools), the others in .ci/run's
apt-get line. A missing one is a broken set-up, not a reason to skip: the
test fails and says what to install, so a check can never silently stop
running.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

# What provides each program (the hint in the failure message).
PROVIDERS = {
    "ruff": "pip install -e '.[test]'",
    "lint-imports": "pip install -e '.[test]'",
    "pyside6-lupdate": "pip install -e . (PySide6 ships it)",
    "pyside6-lrelease": "pip install -e . (PySide6 ships it)",
    "desktop-file-validate": "apt-get install desktop-file-utils",
    "appstreamcli": "apt-get install appstream",
    "pdftotext": "apt-get install poppler-utils",
    "pdffonts": "apt-get install poppler-utils",
    "pdftoppm": "apt-get install poppler-utils",
    "pdfimages": "apt-get install poppler-utils",
    "Xvfb": "apt-get install xvfb",
    "xdotool": "apt-get install xdotool",
    "import": "apt-get install imagemagick",
    "identify": "apt-get install imagemagick",
}


def find_tool(name: str) -> str | None:
    """The program on PATH, or next to this interpreter (a venv's bin/ that is
    not on PATH, as with `.venv/bin/python -m pytest`)."""
    found = shutil.which(name)
    if found:
        return found
    for candidate in (Path(sys.executable).parent / name, Path(sys.executable).parent / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return None


def required_tool(name: str) -> str:
    """The path of a declared program; fails the test when it is missing."""
    found = find_tool(name)
    if found is None:
        pytest.fail(f"{name} is not installed ({PROVIDERS.get(name, 'see .ci/run')}); "
                    "it is a declared test dependency", pytrace=False)
    return found
