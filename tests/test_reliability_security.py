"""Security promises: the program opens no network connection, user text is
never rendered as rich text, and nothing read from a file picks where the
program writes (see also test_reliability_fuzz_json.py)."""

from __future__ import annotations

import re
import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QTextEdit
from tests.ui_window_helpers import chart_heading, make_window, run_pending_events

from planner_gui.cli.main import main

SRC = Path(__file__).resolve().parents[1] / "src" / "planner_gui"
HOSTILE_TITLE = "<b>x</b><img src='http://example.com/x.png'>"


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to reach the network fails the test."""
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkUsed(f"network connection attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_the_command_line_opens_no_network_connection(no_network, tmp_path, capsys):
    plan = tmp_path / "plan.sqlite"
    for args in (["init"], ["summary"], ["export-json", "--out", str(tmp_path / "p.json")],
                 ["check", "--full"], ["backup"], ["backups"]):
        assert main([args[0], "--db", str(plan), *args[1:]]) == 0, capsys.readouterr().err
    assert no_network == []


def test_building_the_window_opens_no_network_connection(no_network, qtbot, tmp_path, monkeypatch):
    from planner_gui.ui import file_guard

    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Ok)
    window = make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")
    guard = file_guard.install(window)
    # let the start-up work run: the chart built after the first paint, queued timers
    qtbot.waitUntil(lambda: window.chart_slot.is_built)
    run_pending_events(qtbot)
    assert no_network == []
    # and Qt's own network stack was never loaded
    assert "PySide6.QtNetwork" not in sys.modules
    guard.release()


NETWORK_APIS = re.compile(
    r"\b(import\s+(socket|requests|httpx|urllib3|aiohttp)|from\s+(urllib|http\.client|socket)\b|"
    r"urlopen|QNetworkAccessManager|QtNetwork|QWebEngine|QTcpSocket)"
)


def test_no_source_file_uses_a_network_api():
    offenders = []
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for match in NETWORK_APIS.finditer(text):
            offenders.append(f"{path.relative_to(SRC)}: {match.group(0)}")
    assert offenders == []


def test_a_task_title_with_markup_is_never_rendered_as_rich_text(qtbot, tmp_path, monkeypatch):
    from planner_gui.store import PlanStore

    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Ok)
    path = tmp_path / "plan.sqlite"
    from planner_gui.services.plan_files import init_file

    with init_file(path) as store:
        task = next(store.load_plan().walk_tasks())
        store.edit("task", task.id, title=HOSTILE_TITLE, leader=HOSTILE_TITLE, lead_unit=HOSTILE_TITLE)
        area = store.load_plan().areas[0]
        store.edit("area", area.id, name=HOSTILE_TITLE)
    window = make_window(qtbot, path, tmp_path / "settings.ini")
    # the chart (whose heading shows the title) is built after the first paint: on a busy machine
    # later than the waits below, and the test then found no label showing the title
    qtbot.waitUntil(lambda: window.chart_slot.is_built, timeout=10000)
    for item_id in (area.id, task.id):
        assert window.select_item(item_id)
        # the chart is built after the first paint; its heading shows the item
        qtbot.waitUntil(lambda: HOSTILE_TITLE in chart_heading(window))
        rich = [
            label.objectName() or label.text()[:40]
            for label in window.findChildren(QLabel)
            if "<b>x</b>" in label.text() and label.textFormat() != Qt.TextFormat.PlainText
            and (label.textFormat() == Qt.TextFormat.RichText or Qt.mightBeRichText(label.text()))
        ]
        assert rich == [], f"labels that would render user text as HTML: {rich}"
        tooltip = window.model.data(window.tree.currentIndex(), Qt.ItemDataRole.ToolTipRole) or ""
        assert "<img" not in tooltip and "<b>x" not in tooltip  # escaped if present at all
        for edit in window.findChildren(QTextEdit):
            assert "example.com/x.png" not in edit.toHtml().replace("&lt;img", ""), \
                "a text box rendered the title's <img> as an image"
    # (the chart's heading shows a long title cut short: its whole text is the title)
    # (drawn after the first paint: waited for, not assumed after a fixed pause)
    def shown() -> list:
        return [label for label in window.findChildren(QLabel)
                if HOSTILE_TITLE in getattr(label, "whole_text", label.text)()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=10000)  # the test means nothing unless a label shows it
    with PlanStore.open(path, read_only=True) as check:
        assert check.get_task(task.id).title == HOSTILE_TITLE  # stored exactly as typed
