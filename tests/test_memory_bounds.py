"""A city-sized plan (10,000 tasks, 200,000 updates) through every import and export command stays
under 500 MB (issue 20: "no file of any size makes any command use more than 500 MB").

Each command runs in its own child process and its peak resident memory is read from
getrusage(RUSAGE_CHILDREN) in a small wrapper process, so nothing else the test run starts counts.
Before this was measured, import-xlsx --dry-run peaked at 598 MB, the import into a new file at
620 MB, export-json at 875 MB (BENCHMARKS.md, "Memory of the city-sized imports").
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

LIMIT_MB = 500
# Runs argv with its output thrown away; prints the child's peak RSS (KB on Linux) and exit code.
_MEASURE = ("import resource, subprocess, sys\n"
            "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)\n")


def _peak_mb(*args: str) -> int:
    """Run planner-cli with ``args``; its peak memory in MB. Fails the test if the command fails."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, sys.executable, "-m", "planner_gui.cli.main", *args],
                          capture_output=True, text=True, timeout=300)
    kilobytes, code = done.stdout.split()
    assert code == "0", f"planner-cli {' '.join(args)} failed: {done.stderr[-2000:]}"
    return int(kilobytes) // 1024


def _counts(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as db:
        return (db.execute("SELECT count(*) FROM task").fetchone()[0],
                db.execute("SELECT count(*) FROM progress_update").fetchone()[0])


@pytest.mark.slow
def test_city_sized_imports_and_exports_stay_under_500_mb(tmp_path: Path) -> None:
    plan, ledger, plan_json = tmp_path / "city.sqlite", tmp_path / "city.xlsx", tmp_path / "city.json"
    peaks = {
        "demo": _peak_mb("demo", "--db", str(plan), "--tasks", "10000", "--updates", "200000"),
        "export-xlsx": _peak_mb("export-xlsx", "--db", str(plan), "--out", str(ledger)),
        "export-json": _peak_mb("export-json", "--db", str(plan), "--out", str(plan_json)),
        "import-xlsx --dry-run": _peak_mb("import-xlsx", "--dry-run", "--db", str(plan), str(ledger)),
        "import-xlsx into a new file": _peak_mb("import-xlsx", "--db", str(tmp_path / "from-xlsx.sqlite"),
                                                str(ledger)),
        "import-json into a new file": _peak_mb("import-json", "--db", str(tmp_path / "from-json.sqlite"),
                                                str(plan_json)),
    }
    # the imports made the whole plan, not a part of it
    assert _counts(tmp_path / "from-xlsx.sqlite") == _counts(plan) == (10000, 200000)
    assert _counts(tmp_path / "from-json.sqlite") == (10000, 200000)
    over = {name: mb for name, mb in peaks.items() if mb >= LIMIT_MB}
    assert not over, f"over {LIMIT_MB} MB: {over} (all: {peaks})"
