"""Export then import of a plan holding odd texts changes nothing: control characters, leading
and trailing spaces, CR line ends, texts longer than a spreadsheet cell (kept in the hidden
record). And lengths are limited at input: a title of 2,000 characters is plenty."""

from __future__ import annotations

from datetime import date

import pytest

from planner_gui.domain.errors import PlannerError
from planner_gui.domain.model import ProgressUpdate
from planner_gui.domain.validation import MAX_TEXT, MAX_TITLE
from planner_gui.exchange.json_format import plan_to_dict
from planner_gui.exchange.ledger_export import export_ledger
from planner_gui.services import import_ledger
from planner_gui.store import PlanStore

from factories import full_plan

ODD = ["  前导空格", "尾部空格  ", "竖线\x0b来自Word", "\x01\x02\x1b[31m转义", "回车\r\n换行\r单独",
       "\t制表", "\u200b零宽", "=SUM(A1)", "\ufeffBOM"]
AS_OF = date(2024, 7, 1)


@pytest.fixture
def odd_store(tmp_path):
    plan = full_plan()
    tasks = list(plan.walk_tasks())
    for i, task in enumerate(tasks):
        task.title = ODD[i % len(ODD)] + "任务" + ODD[(i + 3) % len(ODD)]
        task.leader = ODD[(i + 1) % len(ODD)]
        task.description = "长" * (MAX_TEXT - 5) + ODD[i % len(ODD)][:5]
        task.updates.append(ProgressUpdate(date=date(2024, 5, 2), progress=30, text=" ".join(ODD),
                                           problems="\x0b" + "问" * 4_000, next_steps="  ",
                                           reporter=ODD[(i + 2) % len(ODD)]))
    store = PlanStore.create(tmp_path / "plan.sqlite", plan)
    yield store
    store.close()


def test_export_then_import_into_the_same_plan_changes_nothing(odd_store, tmp_path):
    out = export_ledger(odd_store.load_plan(), tmp_path / "ledger.xlsx", AS_OF)
    preview = import_ledger.prepare(out, odd_store, today=AS_OF)
    assert preview.changes.is_empty(), preview.describe()
    assert not preview.changes.problems


def test_export_then_import_into_a_new_file_gives_the_same_plan(odd_store, tmp_path):
    before = plan_to_dict(odd_store.load_plan())
    out = export_ledger(odd_store.load_plan(), tmp_path / "ledger.xlsx", AS_OF)
    preview = import_ledger.prepare(out, None, today=AS_OF)
    new = tmp_path / "new.sqlite"
    import_ledger.apply(new, None, preview)
    with PlanStore.open(new) as store:
        assert plan_to_dict(store.load_plan()) == before


def test_a_title_longer_than_a_cell_stored_by_an_older_version_survives_the_round_trip(odd_store, tmp_path):
    task_id = next(odd_store.load_plan().walk_tasks()).id
    long_title = "很长的标题" * 20_000  # 100,000 characters, from before titles were limited
    odd_store.db.execute("UPDATE task SET title = ? WHERE id = ?", [long_title, task_id])
    out = export_ledger(odd_store.load_plan(), tmp_path / "ledger.xlsx", AS_OF)
    assert import_ledger.prepare(out, odd_store, today=AS_OF).changes.is_empty()
    fresh = import_ledger.prepare(out, None, today=AS_OF).result
    assert fresh.find_task(task_id).title == long_title


def test_an_edited_cell_is_still_taken_as_an_edit(odd_store, tmp_path):
    import openpyxl

    plan = odd_store.load_plan()
    task = next(plan.walk_tasks())
    out = export_ledger(plan, tmp_path / "ledger.xlsx", AS_OF)
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    row = next(r for r in ws.iter_rows() if any(c.value == task.id for c in r) or
               any(isinstance(c.value, str) and c.value.strip() == task.title.strip() for c in r))
    headings = {c.value: c.column for r in ws.iter_rows(max_row=6) for c in r if isinstance(c.value, str)}
    column = next(col for heading, col in headings.items() if "领导" in heading)
    ws.cell(row[0].row, column).value = "新领导"
    wb.save(out)
    preview = import_ledger.prepare(out, odd_store, today=AS_OF)
    assert [(c.task_id, c.new) for c in preview.changes.field_changes] == [(task.id, "新领导")]


def test_lengths_are_limited_at_input(odd_store):
    task_id = next(odd_store.load_plan().walk_tasks()).id
    with pytest.raises(PlannerError, match="2,001 characters long; at most 2,000 are kept"):
        odd_store.edit("task", task_id, title="题" * (MAX_TITLE + 1))
    with pytest.raises(PlannerError, match="at most 30,000 are kept"):
        odd_store.edit("task", task_id, description="x" * (MAX_TEXT + 1))
    odd_store.edit("task", task_id, title="题" * MAX_TITLE)  # exactly the limit is fine
    assert odd_store.get_task(task_id).title == "题" * MAX_TITLE
