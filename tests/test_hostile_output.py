"""Odd stored text on the way out: report forms with control characters and Windows device names,
and terminal escapes in a title printed by the command line."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from datetime import date

import openpyxl
import pytest

from planner_gui.exchange.report_forms import export_forms

from factories import full_plan

ODD = "区\x0b商务局\x01\x1b[31m"


def cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planner_gui.cli.main", *args], timeout=60, **kw)


def test_forms_are_written_for_units_with_control_characters_and_device_names(tmp_path):
    from planner_gui.domain.model import Task

    plan = full_plan()
    names = ["CON", "nul", "COM1", ODD]
    plan.areas[0].tasks += [Task(title=f"任务{i}") for i in range(len(names))]
    tasks = list(plan.walk_tasks())[-len(names):]
    for task, unit in zip(tasks, names, strict=True):
        task.lead_unit = unit
        task.title = "标题\x0b第二行\x00"
    written = export_forms(plan, "unit", tmp_path, date(2024, 7, 1))
    stems = {p.stem.split(".")[0].upper() for p in written}
    assert not stems & {"CON", "NUL", "COM1", "PRN", "AUX"}
    assert {"CON_", "NUL_", "COM1_"} <= stems
    for path in written:
        assert all(ord(ch) >= 32 for ch in path.name)
        openpyxl.load_workbook(path).close()  # every form is whole
    odd = next(p for p in written if p.name.startswith("区_商务局"))
    ws = openpyxl.load_workbook(odd).active
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("标题第二行" in t for t in texts)


@pytest.fixture
def escaped_plan(tmp_path):
    from planner_gui.services.plan_files import init_file

    path = tmp_path / "plan.sqlite"
    store = init_file(path)
    task = next(store.load_plan().walk_tasks())
    store.edit("task", task.id, title="\x1b[2J\x1b]0;owned\x07任务")
    store.close()
    return path


def test_summary_on_a_terminal_shows_escapes_instead_of_obeying_them(escaped_plan):
    leader, follower = pty.openpty()
    done = cli("summary", "--db", str(escaped_plan), stdout=follower, stderr=follower)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    assert done.returncode == 0
    assert b"\x1b" not in out and b"\x07" not in out
    assert "\\x1b[2J\\x1b]0;owned\\x07任务".encode() in out


def test_output_to_a_pipe_is_unchanged(escaped_plan):
    done = cli("export-json", "--db", str(escaped_plan), capture_output=True, text=True)
    assert done.returncode == 0 and "\\u001b[2J" in done.stdout  # JSON's own escape, as before
