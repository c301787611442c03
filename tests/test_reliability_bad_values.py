"""A wrong value in a field is refused by the store itself (whatever the
window or the command line lets through): progress outside 0 to 100, a due
date before the start, a target that is not a number. The refusal names the
field and nothing is saved."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner_gui.domain.errors import ValidationError
from planner_gui.domain.model import Indicator, ProgressUpdate


@pytest.fixture
def task_with_indicator(bundled_store):
    task = next(bundled_store.load_plan().walk_tasks())
    bundled_store.edit("task", task.id, start="2024-01-01", due="2024-06-30", progress=40)
    indicator = bundled_store.add_indicator(task.id, Indicator(name="新引进企业", target=50, unit="家"))
    return bundled_store, task.id, indicator.id


def snapshot(store) -> tuple:
    return tuple(store.db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                 for table in ("task", "indicator", "progress_update"))


@pytest.mark.parametrize(("table", "field", "value"), [
    ("task", "progress", 120),
    ("task", "progress", -1),
    ("task", "progress", "很多"),
    ("task", "due", "2023-12-31"),  # before the start (2024-01-01)
    ("task", "due", "6月底前"),     # words belong in deadline_text, not the date field
    ("indicator", "target", "五十"),
    ("indicator", "target", float("nan")),
])
def test_a_wrong_value_is_refused_naming_the_field_and_nothing_is_saved(task_with_indicator, table, field, value):
    store, task_id, indicator_id = task_with_indicator
    before = snapshot(store)
    item = task_id if table == "task" else indicator_id
    with pytest.raises(ValidationError) as caught:
        store.edit(table, item, **{field: value})
    assert caught.value.field == field or field in str(caught.value)
    assert snapshot(store) == before


def test_an_update_with_progress_outside_0_to_100_is_refused(task_with_indicator):
    store, task_id, _ = task_with_indicator
    before = snapshot(store)
    with pytest.raises(ValidationError, match="progress"):
        store.add_update(task_id, ProgressUpdate(date=date(2024, 5, 1), progress=101))
    assert snapshot(store) == before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(progress=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True),
                          st.integers(-1000, 1000), st.text(max_size=5)),
       start=st.one_of(st.none(), st.dates(date(2023, 1, 1), date(2025, 12, 31)).map(date.isoformat)),
       due=st.one_of(st.none(), st.dates(date(2023, 1, 1), date(2025, 12, 31)).map(date.isoformat),
                     st.text(max_size=6)))
def test_whatever_is_typed_the_stored_task_stays_valid(task_with_indicator, progress, start, due):
    store, task_id, _ = task_with_indicator
    before = snapshot(store)
    try:
        store.edit("task", task_id, progress=progress, start=start, due=due)
    except ValidationError:
        assert snapshot(store) == before
        return
    task = store.get_task(task_id)
    assert task.progress is None or 0 <= task.progress <= 100
    assert not (task.start and task.due and task.due < task.start)
