"""The SQLite store: what is written is what is read back, every change is
committed at once, and older files are migrated without losing anything."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from planner_gui.domain.errors import BadFileError, NotFoundError, ValidationError
from planner_gui.domain.model import Area, Indicator, ProgressUpdate, Task
from planner_gui.exchange.json_format import plan_to_dict
from planner_gui.store import PlanStore
from planner_gui.store.connection import migrate_to, open_database
from planner_gui.store.schema import SCHEMA_VERSION

from factories import full_plan


def test_full_plan_round_trips_through_the_file(db_path):
    plan = full_plan()
    PlanStore.create(db_path, plan).close()
    with PlanStore.open(db_path) as store:
        loaded = store.load_plan()
    assert plan_to_dict(loaded) == plan_to_dict(plan)


def test_every_edit_is_visible_to_a_second_connection_at_once(bundled_store, db_path):
    task = next(bundled_store.load_plan().walk_tasks())
    bundled_store.edit("task", task.id, leader="王五", due="2024-11-30")
    with PlanStore.open(db_path) as other:
        again = other.get_task(task.id)
    assert again.leader == "王五"
    assert again.due == date(2024, 11, 30)


def test_edit_returns_old_values_so_undo_can_restore_them(bundled_store):
    task = next(bundled_store.load_plan().walk_tasks())
    old = bundled_store.edit("task", task.id, title="新标题", co_units=["甲", "乙"])
    assert old == {"title": task.title, "co_units": []}
    bundled_store.edit("task", task.id, **old)
    assert bundled_store.get_task(task.id).title == task.title


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"progress": 150}, "progress"),
        ({"progress": "abc"}, "progress"),
        ({"title": "  "}, "title"),
        ({"due": "2024-13-01"}, "due"),
        ({"start": "2024-06-01", "due": "2024-05-01"}, "due"),
        ({"no_such_field": 1}, "no_such_field"),
    ],
)
def test_a_wrong_value_names_the_field_and_saves_nothing(bundled_store, fields, field):
    task = next(bundled_store.load_plan().walk_tasks())
    before = plan_to_dict(bundled_store.load_plan())
    with pytest.raises(ValidationError) as info:
        bundled_store.edit("task", task.id, **fields)
    assert info.value.field == field
    assert plan_to_dict(bundled_store.load_plan()) == before


def test_indicator_target_must_be_a_number(bundled_store):
    ind = next(i for t in bundled_store.load_plan().walk_tasks() for i in t.indicators)
    with pytest.raises(ValidationError, match="target"):
        bundled_store.edit("indicator", ind.id, target="五十")


def test_updates_are_appended_and_readings_move_the_indicator(bundled_store):
    task = next(t for t in bundled_store.load_plan().walk_tasks() if t.indicators)
    name = task.indicators[0].name
    bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 3, 1), progress=10, readings={name: 5}))
    bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 5, 1), progress=40, readings={name: 20}))
    # an older report entered late does not overwrite the newer reading
    bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 4, 1), progress=30, readings={name: 12}))
    again = bundled_store.get_task(task.id)
    assert [u.progress for u in again.updates] == [10, 30, 40]
    assert again.indicators[0].current == 20


def test_an_update_with_an_unknown_indicator_is_refused(bundled_store):
    task = next(bundled_store.load_plan().walk_tasks())
    with pytest.raises(ValidationError, match="no indicator named"):
        bundled_store.add_update(task.id, ProgressUpdate(date=date(2024, 3, 1), readings={"不存在": 1}))
    assert bundled_store.get_task(task.id).updates == []


def test_delete_and_restore_a_task_with_its_subtree(bundled_store):
    plan = bundled_store.load_plan()
    parent = next(t for t in plan.walk_tasks() if t.subtasks)
    bundled_store.add_update(parent.subtasks[0].id, ProgressUpdate(date=date(2024, 3, 1), progress=50))
    snapshot = plan_to_dict(bundled_store.load_plan())
    task, area_id, parent_id, position = bundled_store.delete_task(parent.id)
    with pytest.raises(NotFoundError):
        bundled_store.get_task(parent.subtasks[0].id)
    bundled_store.add_task(task, area_id, parent_id, position)
    assert plan_to_dict(bundled_store.load_plan()) == snapshot


def test_move_task_to_another_area_and_back(bundled_store):
    plan = bundled_store.load_plan()
    first, second = plan.areas[0], plan.areas[1]
    moving = first.tasks[0]
    old = bundled_store.move_task(moving.id, second.id, None, 0)
    after = bundled_store.load_plan()
    assert after.areas[1].tasks[0].id == moving.id
    # the subtree moved with it
    assert {s.id for s in after.areas[1].tasks[0].subtasks} == {s.id for s in moving.subtasks}
    assert all(
        bundled_store.task_location(s.id)[0] == second.id for s in moving.subtasks
    )
    bundled_store.move_task(moving.id, *old)
    assert plan_to_dict(bundled_store.load_plan()) == plan_to_dict(plan)


def test_a_task_cannot_move_under_its_own_subtask(bundled_store):
    parent = next(t for t in bundled_store.load_plan().walk_tasks() if t.subtasks)
    area_id = bundled_store.task_location(parent.id)[0]
    with pytest.raises(ValidationError):
        bundled_store.move_task(parent.id, area_id, parent.subtasks[0].id, 0)


def test_areas_reorder_and_positions_stay_dense(bundled_store):
    names = [a.name for a in bundled_store.load_plan().areas]
    area_id = bundled_store.load_plan().areas[0].id
    bundled_store.move_area(area_id, 3)
    moved = [a.name for a in bundled_store.load_plan().areas]
    assert moved == names[1:4] + names[:1] + names[4:]
    positions = [r[0] for r in bundled_store.db.execute("SELECT position FROM area ORDER BY position")]
    assert positions == list(range(len(names)))


def test_add_and_delete_area(bundled_store):
    area = bundled_store.add_area(Area(name="新方面", tasks=[Task(title="新任务")]), position=0)
    assert bundled_store.load_plan().areas[0].name == "新方面"
    removed, position = bundled_store.delete_area(area.id)
    assert position == 0 and removed.tasks[0].title == "新任务"
    assert "新方面" not in [a.name for a in bundled_store.load_plan().areas]


def test_indicator_add_delete_round_trip(bundled_store):
    task = next(bundled_store.load_plan().walk_tasks())
    ind = bundled_store.add_indicator(task.id, Indicator(name="新指标", target=3, unit="个"))
    removed, task_id, position = bundled_store.delete_indicator(ind.id)
    assert (removed.name, task_id) == ("新指标", task.id)


def test_migration_from_schema_version_1_keeps_the_data_and_backs_up(tmp_path):
    path = tmp_path / "old.sqlite"
    db, _ = open_database(path, create=True)  # brand new file at the current version
    db.close()
    path.unlink()
    # build a version-1 file by hand, as the first release wrote it
    conn = sqlite3.connect(path, isolation_level=None)
    import sqlite_utils

    old = sqlite_utils.Database(conn)
    migrate_to(old, 1)
    old["plan"].insert({"id": "p", "title": "旧计划", "year": 2023, "settings": "{}",
                        "created": "2023-01-01", "modified": "2023-01-01"})
    old["area"].insert({"id": "a", "plan_id": "p", "position": 0, "name": "旧方面"})
    old["task"].insert({"id": "t", "area_id": "a", "position": 0, "title": "旧任务", "due": "2023-12-31"})
    conn.close()

    with PlanStore.open(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        plan = store.load_plan()
    assert plan.title == "旧计划"
    assert plan.areas[0].tasks[0].title == "旧任务"
    assert plan.areas[0].tasks[0].deadline_text == ""  # the column added by version 2
    backup = tmp_path / "old.sqlite.before-migration-v1.bak"
    assert backup.exists()
    with sqlite3.connect(backup) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == 1


def test_open_refuses_a_missing_file(tmp_path):
    with pytest.raises(BadFileError, match="does not exist"):
        PlanStore.open(tmp_path / "nope.sqlite")


def test_the_file_uses_wal_and_foreign_keys(bundled_store):
    assert bundled_store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert bundled_store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
