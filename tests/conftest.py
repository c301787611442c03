"""Shared fixtures. Every test gets its own data folder and settings, so no
test can touch the user's real plan or another test's files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seeds" / "000_c67d4ffd70fd2719.txt"


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch):
    """A fresh application-data folder and QSettings location per test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PLANNER_GUI_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.setenv("HOME", str(home))
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
def db_path(tmp_path) -> Path:
    """A path for a new plan file (not created)."""
    return tmp_path / "plan.sqlite"


@pytest.fixture
def bundled_store(db_path):
    """A fresh file holding the bundled 2024 plan."""
    from planner_gui.plan_files import init_file

    store = init_file(db_path)
    yield store
    store.close()
