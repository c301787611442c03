"""The suite never touches the real user's plan, backups or settings: every
test (and every module-scoped fixture, which runs before the per-test
fixture) sees a home of its own, and what the program writes lands there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from home_guard import (
    REAL_DATA,
    REAL_HOME,
    backup_folder_name,
    changed,
    changed_by_this_run,
    snapshot,
)
from planner_gui.paths import data_dir
from planner_gui.services.plan_files import init_file
from planner_gui.store import backups

FOLDER_VARIABLES = ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "PLANNER_GUI_DATA_DIR")


def _outside_the_real_home(path: Path) -> bool:
    return not path.resolve().is_relative_to(REAL_HOME.resolve())


@pytest.fixture(scope="module")
def module_folders() -> dict[str, str]:
    """What a module-scoped fixture (made before any per-test fixture) sees."""
    return {"data": str(data_dir()), **{name: os.environ[name] for name in FOLDER_VARIABLES}}


def test_every_test_has_its_own_home_data_and_settings_folders(isolated_user_folders):
    for name in FOLDER_VARIABLES:
        assert Path(os.environ[name]).is_relative_to(isolated_user_folders), name
    assert data_dir().is_relative_to(isolated_user_folders)
    assert backups.backup_folder(isolated_user_folders / "p.sqlite").is_relative_to(isolated_user_folders)


def test_a_module_scoped_fixture_does_not_see_the_real_home(module_folders):
    assert all(_outside_the_real_home(Path(value)) for value in module_folders.values()), module_folders


def test_qt_settings_are_not_written_to_the_real_config_folder(qapp):
    from PySide6.QtCore import QSettings

    assert _outside_the_real_home(Path(QSettings().fileName()))


def test_a_command_run_by_a_test_writes_its_backups_into_the_tests_home(isolated_user_folders, tmp_path):
    plan = tmp_path / "plan.sqlite"
    init_file(plan).close()
    result = subprocess.run([sys.executable, "-m", "planner_gui.cli.main", "backup", "--db", str(plan)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    copies = list((isolated_user_folders / "data" / "backups" / backup_folder_name(plan)).iterdir())
    assert len(copies) == 1 and copies[0].suffix == ".sqlite"
    assert not (REAL_DATA / "backups" / backup_folder_name(plan)).exists()


def test_the_end_of_run_check_finds_a_backup_of_this_runs_plan_and_nothing_else(tmp_path):
    """The check conftest runs at the end: a backup of a plan this run made
    counts; another program's backup or settings on a shared machine do not."""
    real_data, run = tmp_path / "real" / "planner-gui", tmp_path / "run"
    run.mkdir()
    ours = run / "plan.sqlite"
    ours.write_bytes(b"")
    before = snapshot([real_data])
    (real_data / "backups" / backup_folder_name(ours)).mkdir(parents=True)
    (real_data / "backups" / backup_folder_name(ours) / "2024-05-01_090000-daily.sqlite").write_bytes(b"x")
    (real_data / "backups" / "other.sqlite-12345678").mkdir()
    (real_data / "backups" / "other.sqlite-12345678" / "2024-05-01_090000-daily.sqlite").write_bytes(b"y")
    found = changed_by_this_run(before, snapshot([real_data]), real_data, [run])
    assert [Path(name).parent.name for name in found] == [backup_folder_name(ours)]
    (real_data / "settings.ini").write_text("[x]")
    after = snapshot([real_data])
    assert [Path(name).parent.name for name in changed_by_this_run(before, after, real_data, [run])] == [
        backup_folder_name(ours)]
    assert str(real_data / "settings.ini") in changed(before, after)  # reported, not counted
    assert backup_folder_name(ours) == backups.backup_folder(ours).name  # the same name as the program's
