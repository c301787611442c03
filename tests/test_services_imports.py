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

from factories import report_on_task_one


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


def edited_ledger(tmp_path):
    """The bundled plan's ledger with task "1" given a new progress and text, as a department would."""
    from planner_gui.domain.dates import default_as_of
    from planner_gui.exchange.ledger_export import export_ledger

    plan = bundled_plan()
    return report_on_task_one(export_ledger(plan, tmp_path / "ledger.xlsx", default_as_of(plan.year)))


def latest_updates(path) -> dict[str, tuple]:
    """Each task's newest update (progress, text), keyed by title: update ids differ per import."""
    with PlanStore.open(path) as store:
        return {t.title: (t.updates[-1].progress, t.updates[-1].text) if t.updates else None
                for t in store.load_plan().walk_tasks()}


def test_command_line_and_window_ledger_imports_call_one_service_and_leave_the_same_plan(qtbot, tmp_path,
                                                                                       monkeypatch):
    from PySide6.QtWidgets import QDialog

    from planner_gui.services import import_ledger
    from planner_gui.ui.dialogs import ledger as ledger_dialogs

    calls = []
    real = import_ledger.apply
    monkeypatch.setattr(import_ledger, "apply",
                        lambda path, store, preview: calls.append(store.path.name) or real(path, store, preview))
    monkeypatch.setattr(ledger_dialogs.ImportPreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    ledger = edited_ledger(tmp_path)
    by_cli, by_window = tmp_path / "cli.sqlite", tmp_path / "window.sqlite"
    init_file(by_cli).close()
    original = latest_updates(by_cli)
    assert main(["import-xlsx", "--db", str(by_cli), str(ledger)]) == 0
    window = make_window(qtbot, by_window, tmp_path / "settings.ini")
    assert ledger_dialogs.open_import_dialog(window.document, window, ledger) is True
    assert calls == ["cli.sqlite", "window.sqlite"]
    imported = latest_updates(by_cli)
    assert imported == latest_updates(by_window) != original
    assert [u for title, u in imported.items() if u != original[title]] == [(45.0, "已完成主体")]
    for path in (by_cli, by_window):
        (taken,) = [b for b in list_backups(path) if b.reason == "before-import"]
        assert latest_updates(taken.path) == original
