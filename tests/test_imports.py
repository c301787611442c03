"""planner_gui/imports.py: the Excel and file commands run without numpy."""

from __future__ import annotations

import subprocess
import sys

from planner_gui.plan_files import init_file


def test_excel_export_and_import_run_without_importing_numpy(tmp_path):
    path = tmp_path / "plan.sqlite"
    init_file(path).close()
    ledger = tmp_path / "ledger.xlsx"
    code = f"""
import sys
from planner_gui.cli.main import main
assert main(["export-xlsx", "--db", {str(path)!r}, "--out", {str(ledger)!r}]) == 0
assert main(["import-xlsx", "--db", {str(path)!r}, {str(ledger)!r}]) == 0
print("numpy" in sys.modules, "openpyxl" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False True"
    assert ledger.stat().st_size > 0


def test_numpy_is_importable_afterwards():
    """Hiding numpy from a library must not hide it from the chart that needs it."""
    code = """
from planner_gui.imports import import_without_numpy
import_without_numpy("openpyxl")
import numpy
print(numpy.arange(3).sum())
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "3"
