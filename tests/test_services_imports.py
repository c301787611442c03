"""Issue 21: an import takes its backup through store.backups.backup_before_import, the same
rotated backup in the data folder from the command line and from the window."""

from __future__ import annotations

import stat

from planner_gui.cli.main import main
from planner_gui.exchange import json_format
from planner_gui.services.plan_files import bundled_plan, init_file
from planner_gui.store import PlanStore
from planner_gui.store.backups import list_backups
from planner_gui.ui import json_io
from ui_window_helpers import make_window, reread


def titles(path) -> list[str]:
    with PlanStore.open(path) as store:
        return [t.title for t in store.load_plan().walk_tasks()]


def smaller_plan_json(tmp_path):
    plan = bundled_plan()
    del plan.areas[1:]
    source = tmp_path / "smaller.json"
    json_format.write_file(plan, source)
    return source, [t.title for t in plan.walk_tasks()]


def test_the_window_imports_json_into_a_plan_in_a_read_only_folder(qtbot, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    plan_path = folder / "plan.sqlite"
    init_file(plan_path).close()
    original = titles(plan_path)
    source, imported = smaller_plan_json(tmp_path)
    window = make_window(qtbot, plan_path, tmp_path / "settings.ini")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)  # no new file can be made beside the plan (root still can: then the listing below checks)
    try:
        assert json_io.import_plan_json(window.document, window, source, confirm=False)
        assert [t.title for t in reread(plan_path).walk_tasks()] == imported
        assert sorted(p.name for p in folder.iterdir() if not p.name.startswith("plan.sqlite-")) == ["plan.sqlite"]
    finally:
        folder.chmod(stat.S_IRWXU)
    taken = [b for b in list_backups(plan_path) if b.reason == "before-import"]
    assert len(taken) == 1
    assert titles(taken[0].path) == original
    window.undo()  # still one undo step
    assert [t.title for t in reread(plan_path).walk_tasks()] == original


def test_command_line_and_window_json_imports_leave_the_same_plan_and_backup(qtbot, tmp_path):
    source, imported = smaller_plan_json(tmp_path)
    by_cli, by_window = tmp_path / "cli.sqlite", tmp_path / "window.sqlite"
    init_file(by_cli).close()
    init_file(by_window).close()
    assert main(["import-json", "--db", str(by_cli), str(source)]) == 0
    window = make_window(qtbot, by_window, tmp_path / "settings.ini")
    assert json_io.import_plan_json(window.document, window, source, confirm=False)
    assert json_format.plan_to_dict(reread(by_cli)) == json_format.plan_to_dict(reread(by_window))
    assert [t.title for t in reread(by_cli).walk_tasks()] == imported
    kinds = [[(b.reason, b.path.parent.parent) for b in list_backups(p) if b.reason != "daily"]
             for p in (by_cli, by_window)]
    assert kinds[0] == kinds[1] == [("before-import", list_backups(by_cli)[0].path.parent.parent)]
    assert not list(tmp_path.glob("*.bak"))


def test_command_line_and_window_call_the_same_json_import_service(qtbot, tmp_path, monkeypatch):
    from planner_gui.services import import_json

    calls = []
    real = import_json.apply
    monkeypatch.setattr(import_json, "apply", lambda store, plan: calls.append(store.path.name) or real(store, plan))
    source, _ = smaller_plan_json(tmp_path)
    init_file(tmp_path / "cli.sqlite").close()
    assert main(["import-json", "--db", str(tmp_path / "cli.sqlite"), str(source)]) == 0
    window = make_window(qtbot, tmp_path / "window.sqlite", tmp_path / "settings.ini")
    assert json_io.import_plan_json(window.document, window, source, confirm=False)
    assert calls == ["cli.sqlite", "window.sqlite"]
