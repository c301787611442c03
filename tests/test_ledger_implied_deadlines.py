"""Issue 18 in the ledger and the report forms: a task without a deadline of its own shows
the deadline it works to, marked implied (年底（默认）, the parent's date), and reading that
cell back — unchanged, through a CSV, or from a department's form — never gives the task a
deadline of its own; a real deadline typed over it does."""

from __future__ import annotations

import csv
from datetime import date

import openpyxl
import pytest

from planner_gui.cli.main import main
from planner_gui.domain.deadlines import implied_deadline_words, task_deadline
from planner_gui.exchange.ledger_export import export_ledger
from planner_gui.exchange.ledger_layout import HEADERS
from planner_gui.exchange.report_forms import export_forms
from planner_gui.services import import_ledger
from planner_gui.store import PlanStore

from factories import form_column

AS_OF = date(2024, 6, 30)


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "plan.sqlite"
    assert main(["init", "--db", str(path)]) == 0  # the bundled plan
    with PlanStore.open(path) as opened:
        yield opened


def deadline_cells(ws, lang: str = "zh") -> dict[str, object]:
    """Task id -> the 完成时限 cell of its row (the id is in the last, hidden column)."""
    header = next(r for r in ws.iter_rows(values_only=True) if HEADERS[lang]["deadline"] in r)
    col = header.index(HEADERS[lang]["deadline"])
    return {row[-1]: row[col] for row in ws.iter_rows(values_only=True)
            if row[-1] and row[col] is not None and row[1]}


def own_deadlines(store) -> dict[str, tuple[str, date | None]]:
    return {t.id: (t.deadline_text, t.due) for t in store.load_plan().walk_tasks()}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_ledger_shows_implied_deadlines_in_its_language(store, tmp_path, lang):
    plan = store.load_plan()
    out = export_ledger(plan, tmp_path / "ledger.xlsx", AS_OF, lang)
    cells = deadline_cells(openpyxl.load_workbook(out).worksheets[0], lang)
    without = [t for t in plan.walk_tasks() if t.due is None and not t.deadline_text]
    assert len(without) >= 20  # the bundled plan: most tasks state no time limit
    for task in without:
        due, implied = task_deadline(plan, task.id)
        assert implied
        assert cells[task.id] == implied_deadline_words(due, plan.year, lang)
    words = {cells[t.id] for t in without}
    assert ("年底（默认）" if lang == "zh" else "year end (implied)") in words
    # a task's own deadline is shown as it was written
    stated = next(t for t in plan.walk_tasks() if t.deadline_text)
    assert cells[stated.id] == stated.deadline_text
    # and only the implied ones are grey, as in the window's tree
    colours = deadline_colours(openpyxl.load_workbook(out).worksheets[0], lang)
    assert all(str(colours[t.id]).endswith("808080") for t in without)
    assert not str(colours[stated.id]).endswith("808080")


def deadline_colours(ws, lang: str) -> dict[str, object]:
    header = next(r for r in ws.iter_rows(values_only=True) if HEADERS[lang]["deadline"] in r)
    col = header.index(HEADERS[lang]["deadline"])
    return {row[-1].value: row[col].font.color.rgb if row[col].font.color else None
            for row in ws.iter_rows() if row[-1].value and row[1].value}


def ledger_as_csv(xlsx, path) -> None:
    """The ledger sheet saved as CSV, as Excel does: dates as shown, progress as 63%."""
    ws = openpyxl.load_workbook(xlsx).worksheets[0]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        for row in ws.iter_rows():
            values = []
            for cell in row:
                value = cell.value
                if hasattr(value, "isoformat"):
                    value = value.date().isoformat() if hasattr(value, "date") else value.isoformat()
                elif isinstance(value, float) and cell.number_format == "0%":
                    value = f"{round(value * 100)}%"
                values.append("" if value is None else value)
            writer.writerow(values)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_export_then_import_changes_nothing(store, tmp_path, kind):
    before = own_deadlines(store)
    out = export_ledger(store.load_plan(), tmp_path / "ledger.xlsx", AS_OF)
    if kind == "csv":
        ledger_as_csv(out, tmp_path / "ledger.csv")
        out = tmp_path / "ledger.csv"
    preview = import_ledger.prepare(out, store, today=AS_OF)
    assert preview.changes.is_empty(), [str(c) for c in preview.changes.field_changes][:5]
    assert not preview.changes.problems
    # and into a new file: no task takes its implied deadline as its own
    fresh = import_ledger.prepare(out, None, today=AS_OF)
    made = {t.title: (t.deadline_text, t.due) for t in fresh.result.walk_tasks()}
    plan = store.load_plan()
    assert {t.title: before[t.id] for t in plan.walk_tasks()} == made


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_deadline_typed_over_the_implied_one_is_set(store, tmp_path, kind):
    plan = store.load_plan()
    task = next(t for t in plan.walk_tasks() if t.due is None and not t.deadline_text)
    out = export_ledger(plan, tmp_path / "ledger.xlsx", AS_OF)
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    header = next(r for r in ws.iter_rows() if any(c.value == "完成时限" for c in r))
    col = next(c.column for c in header if c.value == "完成时限")
    row = next(r[0].row for r in ws.iter_rows() if r[-1].value == task.id)
    assert ws.cell(row, col).value == "年底（默认）"
    ws.cell(row, col).value = "10月底前"
    wb.save(out)
    if kind == "csv":
        ledger_as_csv(out, tmp_path / "ledger.csv")
        out = tmp_path / "ledger.csv"
    others = {k: v for k, v in own_deadlines(store).items() if k != task.id}
    preview = import_ledger.prepare(out, store, today=AS_OF)
    assert [(c.task_id, c.new) for c in preview.changes.field_changes] == [(task.id, "10月底前")]
    import_ledger.apply(store.path, store, preview)
    changed = store.get_task(task.id)
    assert (changed.deadline_text, changed.due) == ("10月底前", date(2024, 10, 31))
    assert {k: v for k, v in own_deadlines(store).items() if k != task.id} == others


def test_the_implied_words_typed_over_a_real_deadline_clear_it(store, tmp_path):
    plan = store.load_plan()
    task = next(t for t in plan.walk_tasks() if t.deadline_text == "年底前")
    out = export_ledger(plan, tmp_path / "ledger.xlsx", AS_OF)
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    row = next(r for r in ws.iter_rows() if r[-1].value == task.id)
    cell = next(c for c in row if c.value == "年底前")
    cell.value = "年底(默认)"  # retyped by hand, with ASCII brackets
    wb.save(out)
    preview = import_ledger.prepare(out, store, today=AS_OF)
    assert [(c.task_id, c.new) for c in preview.changes.field_changes] == [(task.id, "")]
    import_ledger.apply(store.path, store, preview)
    assert (store.get_task(task.id).deadline_text, store.get_task(task.id).due) == ("", None)


def with_units(store):
    """The bundled plan names no lead units: two units share its top-level tasks."""
    for number, task in enumerate(t for a in store.load_plan().areas for t in a.tasks):
        store.edit("task", task.id, lead_unit="区发改委" if number % 2 else "区教委")
    return store.load_plan()


def test_a_form_shows_the_implied_deadline_and_its_import_sets_none(store, tmp_path):
    plan = with_units(store)
    forms = export_forms(plan, "unit", tmp_path, AS_OF)
    before = own_deadlines(store)
    seen = 0
    for path in forms:
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        for row in ws.iter_rows(min_row=4):
            task_id = row[-1].value
            if not task_id or task_id not in before or before[task_id] != ("", None):
                continue
            due, _ = task_deadline(plan, task_id)
            deadline = row[form_column("deadline") - 1]
            assert deadline.value == implied_deadline_words(due, plan.year, "zh")
            assert deadline.font.color.rgb.endswith("808080")  # grey: not the task's own
            row[form_column("progress") - 1].value = 50  # the department reports progress
            seen += 1
        wb.save(path)
    assert seen >= 10
    form = forms[0]
    preview = import_ledger.prepare(form, store, today=AS_OF)
    assert preview.changes.new_updates and not preview.changes.field_changes
    import_ledger.apply(store.path, store, preview)
    assert own_deadlines(store) == before


def test_a_row_a_department_adds_with_the_implied_words_gets_no_deadline(store, tmp_path):
    plan = with_units(store)
    path = export_forms(plan, "unit", tmp_path, AS_OF)[0]
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    row = ws.max_row + 1
    ws.cell(row, 2).value = "新增的任务"
    ws.cell(row, form_column("deadline")).value = "年底（默认）"
    ws.cell(row, form_column("progress")).value = 20
    wb.save(path)
    preview = import_ledger.prepare(path, store, today=AS_OF, accept_new_rows=True)
    (new,) = preview.changes.new_tasks
    assert (new.task.deadline_text, new.task.due) == ("", None)
    assert not preview.changes.problems
