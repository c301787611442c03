"""Checks whoever carries the code on relies on: lint clean, the layers kept
(no Qt in the domain core or storage), and every package shipped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tools import required_tool

REPO = Path(__file__).resolve().parents[1]


def test_ruff_is_clean():
    ruff = required_tool("ruff")
    result = subprocess.run([ruff, "check", "src", "tests", "benchmarks"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:]


def test_import_contracts_are_kept():
    lint = required_tool("lint-imports")
    result = subprocess.run([lint], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "broken" in result.stdout and " 0 broken" in result.stdout


def test_the_domain_core_imports_without_qt():
    code = (
        "import sys; import planner_gui.domain.progress, planner_gui.domain.summary, "
        "planner_gui.store, planner_gui.exchange.json_format; "
        "print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_every_package_is_listed_for_the_wheel():
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO / "src").parts)
        for init in (REPO / "src").rglob("__init__.py")
    }
    assert found - listed == set()
