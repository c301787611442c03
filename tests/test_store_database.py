"""store/database.py: reading a plan needs no sqlite-utils (nor numpy), and
the first change loads it and works as sqlite-utils always did."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from planner_gui.domain.model import ProgressUpdate
from planner_gui.services.plan_files import init_file
from planner_gui.store import PlanStore


def test_reading_imports_neither_sqlite_utils_nor_numpy_and_a_change_works(tmp_path):
    path = tmp_path / "plan.sqlite"
    init_file(path).close()
    code = f"""
import sys
from datetime import date
from planner_gui.store import PlanStore
from planner_gui.domain.progress import evaluate_plan
from planner_gui.domain.model import ProgressUpdate
store = PlanStore.open({str(path)!r})
plan = store.load_plan()
evaluate_plan(plan, date(2024, 9, 30))
print("read", len(list(plan.walk_tasks())), "sqlite_utils" in sys.modules, "numpy" in sys.modules)
task = next(plan.walk_tasks())
store.add_update(task.id, ProgressUpdate(date=date(2024, 9, 1), progress=55, text="x"))
print("wrote", "sqlite_utils" in sys.modules, "numpy" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["read 40 False False", "wrote True False"]
    with PlanStore.open(path) as store:
        assert any(u.progress == 55 for t in store.load_plan().walk_tasks() for u in t.updates)


def test_rows_read_without_sqlite_utils_are_those_sqlite_utils_reads(tmp_path):
    path = tmp_path / "plan.sqlite"
    init_file(path).close()
    with PlanStore.open(path) as store:
        task = next(store.load_plan().walk_tasks())
        store.add_update(task.id, ProgressUpdate(date=date(2024, 3, 1), progress=10, text="说明"))
        for table in ("plan", "area", "task", "indicator", "milestone", "progress_update"):
            assert store.db.select(table, order_by="rowid") == list(store.db[table].rows_where(order_by="rowid"))
        row = store.db.select("task", "id = ?", [task.id])[0]
        assert store.get_row("task", task.id) == row
