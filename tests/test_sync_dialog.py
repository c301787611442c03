"""File > Sync > Export changes / Import changes in the window (issue 25)."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog

from planner_gui.store import PlanStore
from planner_gui.sync import copies
from planner_gui.ui.actions import ActionId
from planner_gui.ui.dialogs import sync_exchange
from sync_helpers import COMMERCE, add_update, as_json, copy_for, export, import_, office_file
from ui_window_helpers import make_window


@pytest.fixture
def previews(monkeypatch):
    """Answer the preview with Import (or Cancel), remembering what it showed."""
    shown: list[sync_exchange.SyncPreviewDialog] = []
    answer = {"code": QDialog.DialogCode.Accepted}

    def fake_exec(self):
        shown.append(self)
        return answer["code"]

    monkeypatch.setattr(sync_exchange.SyncPreviewDialog, "exec", fake_exec)
    return shown, answer


def test_import_changes_shows_a_preview_then_the_window_shows_them(qtbot, tmp_path, previews):
    shown, answer = previews
    office = office_file(tmp_path)
    unit = copy_for(office, COMMERCE)
    add_update(unit, COMMERCE, date(2024, 7, 25), "<b>七月</b>进展", 45)
    with PlanStore.open(unit) as store:
        store.edit("task", next(t for t in store.load_plan().walk_tasks()
                                if t.lead_unit == COMMERCE).id, title="越权改名")
    packet = export(unit, "office", tmp_path / "u.plansync")
    window = make_window(qtbot, office, tmp_path / "settings.ini")
    assert window.actions[ActionId.SYNC_IMPORT].isEnabled()

    answer["code"] = QDialog.DialogCode.Rejected
    assert sync_exchange.open_import_dialog(window.document, window, packet) is False
    assert "<b>七月</b>进展" not in as_json(office)  # Cancel: nothing changed

    answer["code"] = QDialog.DialogCode.Accepted
    assert sync_exchange.open_import_dialog(window.document, window, packet) is True
    preview = shown[-1]
    assert "1 tasks changed, 1 updates added" in preview.summary.text()
    assert "Refused: 区商务局" in preview.details.toPlainText()  # the title is the office's
    task = next(t for t in window.document.plan.walk_tasks() if t.lead_unit == COMMERCE)
    assert task.updates[-1].text == "<b>七月</b>进展" and task.title != "越权改名"

    assert sync_exchange.open_import_dialog(window.document, window, packet) is False  # nothing new
    assert not shown[-1].import_button.isEnabled()


def test_export_changes_names_the_copy_on_its_first_sync(qtbot, tmp_path, monkeypatch):
    office = office_file(tmp_path)
    unit = tmp_path / "unit.sqlite"
    shutil.copyfile(office, unit)  # copied, owner not named yet
    window = make_window(qtbot, unit, tmp_path / "settings.ini")
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (COMMERCE, True)))
    task = next(t for t in window.document.plan.walk_tasks() if t.lead_unit == COMMERCE)
    window.document.store.edit("task", task.id, progress=70)
    written = sync_exchange.open_export_dialog(window.document, window, tmp_path / "w.plansync", peer="office")
    assert written is not None and copies.owner(window.document.store) == COMMERCE
    report = import_(office, written)
    assert report.refused == [] and report.sender == COMMERCE
    with PlanStore.open(office) as store:
        assert store.get_task(task.id).progress == 70


def test_a_bad_packet_is_refused_with_a_message_naming_it(qtbot, tmp_path, monkeypatch):
    office = office_file(tmp_path)
    bad = tmp_path / "bad.plansync"
    bad.write_bytes(b"not a packet at all")
    window = make_window(qtbot, office, tmp_path / "settings.ini")
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    before = as_json(office)
    assert sync_exchange.open_import_dialog(window.document, window, bad) is False
    assert errors and str(bad) in errors[0] and "not a planner-gui sync packet" in errors[0]
    assert as_json(office) == before


def test_connect_to_office_refuses_a_bad_address_and_offers_peers_for_export(qtbot, tmp_path, monkeypatch):
    from planner_gui.ui.dialogs import connect_office

    office = office_file(tmp_path)
    unit = copy_for(office, COMMERCE)
    window = make_window(qtbot, office, tmp_path / "settings.ini")
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append(text))
    assert connect_office.open_dialog(window.document, window, "http://example.org", "geheim-123456") is None
    assert errors and "ws://host:port" in errors[0]
    import_(office, export(unit, "office", tmp_path / "u.plansync"))  # the office hears of the unit
    offered = []

    def pick(parent, title, label, choices, *rest):
        offered.extend(choices)
        return choices[1], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    written = sync_exchange.open_export_dialog(window.document, window, tmp_path / "o.plansync")
    assert offered[1] == COMMERCE and "office" not in offered  # not to itself
    assert written is not None and written.exists()


def test_the_history_shows_the_value_that_lost_as_plain_text(qtbot, tmp_path, monkeypatch):
    office = office_file(tmp_path)
    unit = copy_for(office, COMMERCE)
    with PlanStore.open(office) as store:
        task_id = next(t.id for t in store.load_plan().walk_tasks() if t.lead_unit == COMMERCE)
        store.edit("task", task_id, progress=40)
    with PlanStore.open(unit) as store:
        store.edit("task", task_id, progress=45)
    import_(unit, export(office, COMMERCE, tmp_path / "o.plansync"))
    import_(office, export(unit, "office", tmp_path / "u.plansync"))
    import_(unit, export(office, COMMERCE, tmp_path / "o2.plansync"))
    import_(office, export(unit, "office", tmp_path / "u2.plansync"))
    window = make_window(qtbot, office, tmp_path / "settings.ini")
    monkeypatch.setattr(sync_exchange.SyncHistoryDialog, "exec", lambda self: 0)
    assert window.actions[ActionId.SYNC_HISTORY].isEnabled()
    text = sync_exchange.open_history_dialog(window.document, window).details.toPlainText()
    assert "progress" in text and "40.0" in text and "45.0" in text and "was replaced" in text
