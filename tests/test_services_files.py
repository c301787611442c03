"""Issue 21: backing up, restoring, checking and exporting a plan, through the services that
`planner-cli` and the window both call (services/backups.py, services/export.py)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from planner_gui.domain.errors import BadFileError, PlannerError
from planner_gui.services import backups, export
from planner_gui.services.plan_files import init_file
from planner_gui.store import PlanStore
from reports_helpers import long_plan, needs_poppler, page_count, pdf_text

from factories import full_plan


def first_title(path: Path) -> str:
    with PlanStore.open(path, read_only=True) as store:
        return next(store.load_plan().walk_tasks()).title


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes and what lies beside it (a -wal or -journal appearing is a change)."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(os.listdir(path.parent))


def rename_first_task(store: PlanStore, title: str) -> None:
    task = next(store.load_plan().walk_tasks())
    store.edit("task", task.id, title=title)


@pytest.fixture
def plan_file(tmp_path) -> Path:
    path = tmp_path / "plan.sqlite"
    init_file(path).close()
    return path


def garbled_copy(source: Path, target: Path) -> Path:
    """``source`` with most of its pages overwritten, as a failing disk leaves a file."""
    data = bytearray(source.read_bytes())
    page = 4096
    for start in range(page, len(data), page):
        data[start + 8:start + 400] = b"\xff" * 392
    target.write_bytes(bytes(data))
    return target


def truncated_copy(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    return target


# --- back up and list -----------------------------------------------------------


def test_a_manual_backup_is_listed_and_holds_the_plan(plan_file):
    assert backups.list_backups(plan_file) == []
    with PlanStore.open(plan_file) as store:
        copy = backups.back_up(store)
    listed = backups.list_backups(plan_file)
    assert [(b.path, b.reason) for b in listed] == [(copy, "manual")]
    assert copy.parent == backups.backup_folder(plan_file)
    assert first_title(copy) == first_title(plan_file)


def test_a_copy_goes_to_the_chosen_file_and_never_onto_the_plan_itself(plan_file, tmp_path):
    target = tmp_path / "usb" / "copy.sqlite"
    target.parent.mkdir()
    with PlanStore.open(plan_file) as store:
        assert backups.back_up(store, target) == target
        before = fingerprint(plan_file)
        # the same file under another spelling of its path is refused too
        for same in (plan_file, tmp_path / "usb" / ".." / plan_file.name):
            with pytest.raises(backups.PlanFileAsCopyError, match="plan file itself"):
                backups.back_up(store, same)
        assert fingerprint(plan_file) == before
    assert first_title(target) == first_title(plan_file)
    assert backups.list_backups(plan_file) == []  # a copy elsewhere is not one of the rotated backups


# --- restore --------------------------------------------------------------------


def test_restore_brings_the_backup_back_and_keeps_what_was_there(plan_file):
    original = first_title(plan_file)
    with PlanStore.open(plan_file) as store:
        backup = backups.back_up(store)
        rename_first_task(store, "改过的标题")
        result = backups.restore(store, backup)
        counts = store.counts()
    assert first_title(plan_file) == original
    assert first_title(result.safety) == "改过的标题"  # restoring the safety copy undoes the restore
    assert result.restored == backup
    assert (result.areas, result.tasks) == (counts["area"], counts["task"]) and result.tasks > 0
    assert result.safety in [b.path for b in backups.list_backups(plan_file) if b.reason == "before-restore"]


@pytest.mark.parametrize("damage", [garbled_copy, truncated_copy])
def test_restore_refuses_a_damaged_backup_by_name_and_leaves_the_plan_alone(plan_file, tmp_path, damage):
    with PlanStore.open(plan_file) as store:
        sound = backups.back_up(store, tmp_path / "sound.sqlite")
    bad = damage(sound, tmp_path / "bad.sqlite")
    before = fingerprint(plan_file)
    with PlanStore.open(plan_file) as store, pytest.raises(BadFileError) as refused:
        backups.restore(store, bad)
    assert str(bad) in str(refused.value) and "damaged" in str(refused.value)
    assert fingerprint(plan_file) == before
    assert backups.list_backups(plan_file) == []  # not even a safety copy was taken


def test_restore_refuses_a_backup_that_is_not_there(plan_file, tmp_path):
    missing = tmp_path / "gone.sqlite"
    with PlanStore.open(plan_file) as store, pytest.raises(BadFileError, match="does not exist"):
        backups.restore(store, missing)
    assert backups.list_backups(plan_file) == []


def test_restore_into_a_plan_open_read_only_is_refused_before_any_copy(plan_file, tmp_path):
    with PlanStore.open(plan_file) as store:
        backup = backups.back_up(store, tmp_path / "copy.sqlite")
    before = plan_file.read_bytes()
    with PlanStore.open(plan_file, read_only=True) as store, pytest.raises(PlannerError, match="read-only"):
        backups.restore(store, backup)
    assert plan_file.read_bytes() == before
    assert backups.list_backups(plan_file) == []


# --- check ----------------------------------------------------------------------


def test_a_sound_file_has_no_problems_and_is_not_changed(plan_file):
    before = fingerprint(plan_file)
    assert backups.check(plan_file) == []
    assert backups.check(plan_file, full=True) == []
    assert fingerprint(plan_file) == before


@pytest.mark.parametrize("damage", [garbled_copy, truncated_copy])
def test_a_damaged_file_is_named_as_damaged(plan_file, tmp_path, damage):
    bad = damage(plan_file, tmp_path / "bad.sqlite")
    for full in (False, True):
        with pytest.raises(BadFileError, match="damaged") as found:
            backups.check(bad, full=full)
        assert str(bad) in str(found.value)


def test_the_full_check_lists_broken_references(plan_file, tmp_path):
    """A file whose pages are sound but whose tasks point at an area that is gone: the quick
    check passes it, the full check lists each broken reference."""
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(plan_file.read_bytes())
    conn = sqlite3.connect(broken)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        area = conn.execute("SELECT area_id FROM task LIMIT 1").fetchone()[0]
        tasks = conn.execute("SELECT count(*) FROM task WHERE area_id = ?", (area,)).fetchone()[0]
        conn.execute("DELETE FROM area WHERE id = ?", (area,))
        conn.commit()
    finally:
        conn.close()
    assert backups.check(broken) == []
    problems = backups.check(broken, full=True)
    assert len([p for p in problems if "refers to a missing area" in p]) >= tasks > 0


def test_check_refuses_what_is_no_plan(tmp_path):
    other = tmp_path / "notes.sqlite"
    other.write_text("not a database", encoding="utf-8")
    with pytest.raises(PlannerError, match="not an SQLite database"):
        backups.check(other)


# --- exports --------------------------------------------------------------------


def test_the_ledger_is_written_with_a_row_per_task_as_of_the_plans_default_date(tmp_path):
    import openpyxl

    from planner_gui.domain.dates import default_as_of
    from planner_gui.exchange.ledger_export import as_of_line

    plan = full_plan()
    written = export.export_ledger(plan, tmp_path / "台账.xlsx")
    assert written.path == tmp_path / "台账.xlsx"
    assert written.task_rows == 2  # the task and its sub-task
    sheet = openpyxl.load_workbook(written.path).worksheets[0]
    assert sheet["A2"].value == as_of_line(default_as_of(plan.year), "zh")
    titles = {sheet.cell(r, c).value for r in range(1, sheet.max_row + 1) for c in range(1, 6)}
    assert {t.title for t in plan.walk_tasks()} <= titles
    dated = export.export_ledger(plan, tmp_path / "ledger.xlsx", date(2024, 6, 30), "en")
    assert openpyxl.load_workbook(dated.path).worksheets[0]["A2"].value == as_of_line(date(2024, 6, 30), "en")


def test_report_forms_are_one_per_unit_or_leader(tmp_path):
    plan = full_plan()
    by_unit = export.export_forms(plan, "unit", tmp_path / "units")
    assert sorted(p.name for p in by_unit) == ["区商务局.xlsx", "区文旅局.xlsx"]
    assert all(p.is_file() and p.parent == tmp_path / "units" for p in by_unit)
    by_leader = export.export_forms(plan, "leader", tmp_path / "leaders", date(2024, 6, 10))
    assert sorted(p.name for p in by_leader) == ["张三.xlsx", "李四.xlsx"]
    assert export.no_forms_reason(plan) is None


def test_no_forms_are_made_when_nobody_is_named(tmp_path):
    plan = full_plan()
    for task in plan.walk_tasks():
        task.lead_unit = task.leader = ""
    assert export.no_forms_reason(plan) and export.no_forms_reason(plan, "unit")
    with pytest.raises(PlannerError, match="no forms written"):
        export.export_forms(plan, "unit", tmp_path / "forms")
    assert not (tmp_path / "forms").exists()  # refused before the folder was made


@needs_poppler
def test_the_summary_pdf_is_written_with_its_rows_and_pages(tmp_path):
    from planner_gui.reports.export import ExportRequest

    result = export.export_pdf(long_plan(80), ExportRequest(charts=False), tmp_path / "summary.pdf")
    assert result.path == tmp_path / "summary.pdf"
    assert result.task_rows == 80
    assert result.pages == page_count(result.path) > 1
    assert "长表任务第80项" in pdf_text(result.path)


def test_the_summary_goes_to_html_or_else_to_a_pdf(tmp_path):
    from planner_gui.reports.export import ExportRequest

    html = export.export_pdf(long_plan(3), ExportRequest(charts=False), tmp_path / "summary.HTML")
    assert (html.path, html.pages, html.task_rows) == (tmp_path / "summary.HTML", 0, 3)
    assert "长表任务第3项" in html.path.read_text(encoding="utf-8")
    other = export.export_pdf(long_plan(3), ExportRequest(charts=False), tmp_path / "summary.docx")
    assert other.path == tmp_path / "summary.pdf" and other.path.read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "summary.docx").exists()
