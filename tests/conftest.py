"""Shared fixtures. Every test gets its own data folder and settings, so no
test can touch the user's real plan or another test's files."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from home_guard import REAL_DATA, REAL_FOLDERS, changed, changed_by_this_run, snapshot

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seeds" / "000_c67d4ffd70fd2719.txt"

# What a run could otherwise write into the real home of whoever runs it
# (home_guard.REAL_FOLDERS are read before they are changed here).
ISOLATED = ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
            "PLANNER_GUI_DATA_DIR", "PLANNER_GUI_BACKUP_DIR")
REAL_BEFORE = snapshot(REAL_FOLDERS)
# Module- and session-scoped fixtures, collection and the QApplication all run
# before (or outside) the per-test fixture below: give the whole session a
# home of its own from the start, so nothing ever falls back to the real one.
SESSION_HOME = Path(tempfile.mkdtemp(prefix="planner-gui-tests-home-"))
for _name in ISOLATED:
    os.environ.pop(_name, None)
os.environ["HOME"] = str(SESSION_HOME)
os.environ["XDG_DATA_HOME"] = str(SESSION_HOME / "share")
os.environ["XDG_CONFIG_HOME"] = str(SESSION_HOME / "config")
os.environ["XDG_CACHE_HOME"] = str(SESSION_HOME / "cache")
os.environ["PLANNER_GUI_DATA_DIR"] = str(SESSION_HOME / "data")


# As in the window (ui/garbage.py): cyclic garbage is collected in the main thread only, at
# the end of each test, never in a sync server's or a chart's thread, where destroying windows
# that earlier tests left behind crashed the run (a segmentation fault in test_sync_live.py).
GC_THRESHOLDS = gc.get_threshold()
gc.disable()


def pytest_runtest_teardown(item, nextitem):
    from planner_gui.ui.garbage import collect_due

    collect_due(GC_THRESHOLDS)


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if it wrote into the real data folder (home_guard says how
    that is told apart from another program on a shared machine)."""
    run_folders = [SESSION_HOME, session.config._tmp_path_factory.getbasetemp()]
    after = snapshot(REAL_FOLDERS)
    ours = changed_by_this_run(REAL_BEFORE, after, REAL_DATA, run_folders)
    if ours:
        print(f"\nthe test run wrote into the real user folders: {ours[:10]}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    elif others := changed(REAL_BEFORE, after):
        print(f"\nnote: another program changed the real user folders during the run: {others[:5]}")
    shutil.rmtree(SESSION_HOME, ignore_errors=True)


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch):
    """A fresh application-data folder and QSettings location per test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PLANNER_GUI_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("PLANNER_GUI_BACKUP_DIR", raising=False)
    return home


@pytest.fixture(autouse=True)
def no_unexpected_message_boxes(monkeypatch):
    """A message box nobody expected fails the test with its text: offscreen,
    nobody could press OK, and the test run would wait for ever."""
    from PySide6.QtWidgets import QMessageBox

    def fail(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected message box {box.windowTitle()!r}: {box.text()!r}")

    monkeypatch.setattr(QMessageBox, "exec", fail)


@pytest.fixture
def poppler() -> None:
    """pdftotext, pdffonts and pdftoppm (poppler-utils, declared in .ci/run);
    missing, the test fails (reports_helpers.needs_poppler)."""
    from tools import required_tool

    for tool in ("pdftotext", "pdffonts", "pdftoppm"):
        required_tool(tool)


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A path for a new plan file (not created)."""
    return tmp_path / "plan.sqlite"


@pytest.fixture
def bundled_store(db_path):
    """A fresh file holding the bundled 2024 plan."""
    from planner_gui.services.plan_files import init_file

    store = init_file(db_path)
    yield store
    store.close()
