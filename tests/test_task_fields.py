"""Issue 21: each task field is declared once (domain/fields.py); the store's
rows and the JSON file follow the declarations."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from planner_gui.domain.errors import ValidationError
from planner_gui.domain.fields import TASK_FIELD, TASK_FIELDS
from planner_gui.domain.model import Area, Plan, Task
from planner_gui.exchange import json_format
from planner_gui.store import rows

NOT_FIELDS = {"id", "indicators", "milestones", "updates", "subtasks"}


def test_every_task_attribute_is_declared_once_in_order():
    attributes = [f.name for f in dataclasses.fields(Task) if f.name not in NOT_FIELDS]
    assert [f.name for f in TASK_FIELDS] == attributes


def test_the_store_accepts_exactly_the_editable_declared_fields():
    assert set(rows.EDITABLE["task"]) == {f.name for f in TASK_FIELDS if f.editable}
    with pytest.raises(ValidationError):
        rows.convert_fields("task", {"colour": "red"})


def test_checks_live_in_the_domain_and_the_store_uses_them():
    with pytest.raises(ValidationError, match="must be true or false"):
        TASK_FIELD["municipal"].to_row("yes")
    with pytest.raises(ValidationError, match="must be true or false"):
        rows.convert_fields("task", {"municipal": "yes"})
    assert TASK_FIELD["co_units"].to_row("区发改委、区财政局") == '["区发改委", "区财政局"]'


def test_a_task_survives_the_row_and_the_json_file():
    task = Task(title="建设公园", leader="张三", co_units=["区园林局"], start=date(2024, 1, 1),
                due=date(2024, 6, 30), deadline_text="6月底前", municipal=True, progress=40.0, weight=2.0)
    row = rows.task_row(task, "a1", None, 0)
    assert rows.task_from_row(row) == task
    plan = Plan(title="计划", year=2024, areas=[Area(name="方面", tasks=[task])])
    assert json_format.loads(json_format.dumps(plan)).areas[0].tasks[0] == task
    written = json_format.task_to_dict(task)
    assert list(written)[:len(TASK_FIELDS) + 1] == ["id", *(f.key for f in TASK_FIELDS)]


def test_the_ledger_columns_follow_the_declarations():
    from planner_gui.domain.fields import LEDGER_TEXT_FIELDS
    from planner_gui.domain.words import HEADERS
    from planner_gui.exchange.ledger_layout import LEDGER_COLUMNS, SYNONYMS

    declared = [f.ledger_key for f in TASK_FIELDS if f.ledger_key]
    assert [k for k in LEDGER_COLUMNS if k in declared] == declared
    for key in LEDGER_COLUMNS:
        assert key in HEADERS["zh"] and key in HEADERS["en"] and SYNONYMS[key]
    # a text column's key is its field's name: a changed cell edits that field
    assert all(f.ledger_key == f.name for f in LEDGER_TEXT_FIELDS)
