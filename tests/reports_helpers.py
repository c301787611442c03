"""Shared set-up for the report tests: the bundled plan with leaders, units and updates."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from planner_gui.domain.model import Area, Plan, ProgressUpdate, Task

AS_OF = date(2024, 9, 30)
LATEST_TEXT = "完成项目立项，正在办理施工许可"
PROBLEM_TEXT = "施工许可审批进度慢，需市级部门协调"
HIGHLIGHT_TEXT = "成功举办第二届倍增追赶合作发展丰台大会，签约项目32个"
TAGGED = "<b>x</b>"
IMG = '<img src="file:///etc/passwd">'

# poppler-utils is declared in .ci/run: missing, the tests that read PDFs back fail (tools.py).
needs_poppler = pytest.mark.usefixtures("poppler")


def prepare_bundled(store) -> dict[str, str]:
    """Give the bundled plan's tasks leaders and units (it names none) and a few updates.

    Returns task ids by role: "late" (red, with problems), "done" (highlight),
    "tagged" (title with markup), and the leader names.
    """
    plan = store.load_plan()
    tasks = list(plan.walk_tasks())
    for index, task in enumerate(tasks):
        leader = "王建国" if index % 2 else "李明"
        store.edit("task", task.id, leader=leader, lead_unit="区发展改革委" if index % 3 else "区科委")
    museum = next(t for t in tasks if t.title == "国家自然博物馆开工建设")
    conference = next(t for t in tasks if t.title.startswith("举办第二届倍增追赶"))
    store.add_update(museum.id, ProgressUpdate(
        date=date(2024, 5, 20), progress=40, text=LATEST_TEXT, problems=PROBLEM_TEXT,
        next_steps="7月底前取得施工许可"))
    store.add_update(conference.id, ProgressUpdate(
        date=date(2024, 4, 28), progress=100, text=HIGHLIGHT_TEXT, highlight=True))
    tagged = tasks[-1]
    store.edit("task", tagged.id, title=f"文明城区 {TAGGED}")
    store.add_update(tagged.id, ProgressUpdate(date=date(2024, 9, 1), progress=50,
                                               text=f"进展 {TAGGED} {IMG}"))
    plan = store.load_plan()
    leaders = {t.id: t.leader for t in plan.walk_tasks()}
    return {"late": museum.id, "done": conference.id, "tagged": tagged.id,
            "museum_leader": leaders[museum.id], "conference_leader": leaders[conference.id]}


def long_plan(rows: int = 80) -> Plan:
    """One area with many tasks, so its table runs over several pages."""
    area = Area(name="长表格测试方面")
    for i in range(1, rows + 1):
        area.tasks.append(Task(title=f"长表任务第{i}项", leader="赵六", lead_unit="区城管委",
                               due=date(2024, 12, 31)))
    return Plan(title="长表格测试计划", year=2024, areas=[area])


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    cmd = ["pdftotext", "-raw"]  # content order: a wrapped cell stays in one piece
    if first:
        cmd += ["-f", str(first)]
    if last:
        cmd += ["-l", str(last)]
    return subprocess.run([*cmd, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
