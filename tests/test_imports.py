"""planner_gui/imports.py: the Excel and file commands run without numpy."""

from __future__ import annotations

import subprocess
import sys

from planner_gui.services.plan_files import init_file


def test_the_ledger_is_written_and_read_without_numpy_or_openpyxl(tmp_path):
    """The ledger commands need neither (their imports alone took 50-100 ms)."""
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
    assert done.stdout.strip().splitlines()[-1] == "False False"
    assert ledger.stat().st_size > 0


def test_report_forms_use_openpyxl_without_numpy(tmp_path):
    path = tmp_path / "plan.sqlite"
    store = init_file(path)
    task = next(store.load_plan().walk_tasks())
    store.edit("task", task.id, lead_unit="区发改委")  # the bundled plan names no units
    store.close()
    code = f"""
import sys
from planner_gui.cli.main import main
assert main(["export-forms", "--db", {str(path)!r}, "--by", "unit", "--out", {str(tmp_path / "forms")!r}]) == 0
print("numpy" in sys.modules, "openpyxl" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False True"
    assert list((tmp_path / "forms").glob("*.xlsx"))


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
