"""The fast bulk read (store/loading.py) gives exactly the objects the
row-by-row conversion in store/rows.py gives, for the whole plan and for one task."""

from __future__ import annotations

from datetime import date

import pytest

from planner_gui.demo import write_demo
from planner_gui.domain.model import ProgressUpdate
from planner_gui.store import PlanStore, rows


def test_bulk_read_matches_row_conversion(tmp_path):
    path = tmp_path / "d.sqlite"
    write_demo(path, 300, 2500, seed=5)
    with PlanStore.open(path) as store:
        some = next(t for t in store.load_plan().walk_tasks() if t.indicators)
        store.add_update(some.id, ProgressUpdate(date=date(2024, 5, 1), progress=40, text="带“引号”的说明",
                                                 highlight=True, readings={some.indicators[0].name: 3.5}))
        plan = store.load_plan()
        tasks = {t.id: t for t in plan.walk_tasks()}
        by_row = {
            r["id"]: (r["task_id"], rows.update_from_row(r)) for r in store.db["progress_update"].rows
        }
        loaded = {u.id: (t.id, u) for t in tasks.values() for u in t.updates}
        assert loaded == by_row
        for r in store.db["indicator"].rows:
            assert rows.indicator_from_row(r) in tasks[r["task_id"]].indicators
        for r in store.db["milestone"].rows:
            assert rows.milestone_from_row(r) in tasks[r["task_id"]].milestones
        # the updates of a task come oldest first, whichever way it is read
        assert store.get_task(some.id) == tasks[some.id]
        dates = [u.date for u in tasks[some.id].updates]
        assert dates == sorted(dates)


def test_an_area_with_many_tasks_reads_only_its_own_children(tmp_path, monkeypatch):
    from planner_gui.store import repository

    path = tmp_path / "d.sqlite"
    write_demo(path, 300, 2500, seed=6)
    with PlanStore.open(path) as store:
        plan = store.load_plan()
        area = max(plan.areas, key=lambda a: sum(1 for _ in a.walk_tasks()))
        # an area larger than the id list limit is read by a condition, not a scan of all updates
        monkeypatch.setattr(repository, "IDS_IN_QUERY_MAX", 10)
        assert store.get_area(area.id) == area
        assert sum(1 for _ in area.walk_tasks()) > 10


def test_outline_then_updates_in_slices_gives_the_whole_plan(tmp_path):
    """The window reads a big plan's outline first and its updates in slices
    (ui/plan_loading.py): together they are the plan load_plan reads."""
    import dataclasses

    import pytest

    from planner_gui.store.loading import SharedValues
    from planner_gui.store.repository import IDS_IN_QUERY_MAX

    path = tmp_path / "d.sqlite"
    write_demo(path, 120, 1500, seed=7)
    with PlanStore.open(path) as store:
        whole = store.load_plan()
        outline = store.load_plan(with_updates=False)
        tasks = list(outline.walk_tasks())
        assert all(t.updates == [] for t in tasks)
        assert [dataclasses.replace(t, updates=[], subtasks=[]) for t in whole.walk_tasks()] == \
               [dataclasses.replace(t, subtasks=[]) for t in tasks]
        shared = SharedValues()
        for start in range(0, len(tasks), 13):
            batch = tasks[start:start + 13]
            found = store.read_updates([t.id for t in batch], shared)
            for task in batch:
                task.updates = found.get(task.id, [])
        assert outline == whole
        assert sum(len(t.updates) for t in tasks) == 1500
        with pytest.raises(ValueError, match="at most"):
            store.read_updates(["x"] * (IDS_IN_QUERY_MAX + 1))


def test_reload_after_a_structure_change_keeps_updates_and_reads_new_ones(tmp_path):
    import copy

    from planner_gui.domain.model import Task

    path = tmp_path / "d.sqlite"
    write_demo(path, 80, 900, seed=9)
    with PlanStore.open(path) as store:
        before = store.load_plan()
        first, second = list(before.walk_tasks())[:2]
        removed, area_id, parent_id, position = store.delete_task(first.id)
        area = before.areas[-1]
        store.add_task(Task(title="新任务", updates=[ProgressUpdate(date=date(2024, 4, 1), progress=5)]), area.id)
        store.move_task(second.id, area.id, None, 0)
        after_delete = store.reload_structure(before)
        assert after_delete == store.load_plan()
        assert after_delete.find_task(second.id).updates is before.find_task(second.id).updates  # kept, not read
        # undo of the delete: the task comes back with its updates, read from the file
        store.add_task(copy.deepcopy(removed), area_id, parent_id, position)
        restored = store.reload_structure(after_delete)
        assert restored == store.load_plan()
        assert [u.id for u in restored.find_task(first.id).updates] == [u.id for u in first.updates]


def test_reload_after_a_structure_change_reads_everything_when_counts_disagree(tmp_path):
    path = tmp_path / "d.sqlite"
    write_demo(path, 30, 200, seed=4)
    with PlanStore.open(path) as store:
        before = store.load_plan()
        task = next(before.walk_tasks())
        store.add_update(task.id, ProgressUpdate(date=date(2024, 6, 1), progress=60))  # not a structure change
        assert store.reload_structure(before) == store.load_plan()


def test_tasks_read_in_bulk_are_those_the_row_conversion_makes(tmp_path):
    from planner_gui.store.loading import load_tasks

    path = tmp_path / "d.sqlite"
    write_demo(path, 60, 100, seed=3)
    with PlanStore.open(path) as store:
        store.edit("task", next(store.load_plan().walk_tasks()).id, co_units=["区发展改革委", "区财政局"],
                   start=date(2024, 2, 1), done_on=date(2024, 8, 1), municipal=True, progress=35.0)
        by_row = [(r["area_id"], r["parent_id"], rows.task_from_row(r))
                  for r in store.db["task"].rows_where(order_by="position")]
        assert load_tasks(store.db, "1 = 1", []) == by_row


@pytest.fixture
def collector_enabled():
    """The automatic collector on, as a command-line run has it (the suite runs with
    it off, tests/conftest.py), and off again after the test."""
    import gc

    gc.enable()
    yield
    gc.disable()


def test_a_command_keeps_the_plan_it_reads_out_of_the_collector_and_restores_it(tmp_path, capsys,
                                                                                  collector_enabled):
    """`planner-cli summary` reads the plan inside freezing_what_is_read: the plan's
    objects go to the collector's permanent generation while the command runs,
    and an in-process caller gets its collector back unchanged afterwards."""
    import gc

    from planner_gui.cli import plan_commands
    from planner_gui.cli.main import main
    from planner_gui.store import loading

    path = tmp_path / "d.sqlite"
    write_demo(path, 40, 300, seed=2)
    frozen_while_running = []
    summary = plan_commands.cmd_summary

    def watched(args):
        result = summary(args)
        frozen_while_running.append(gc.get_freeze_count())
        return result

    assert gc.get_freeze_count() == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plan_commands, "cmd_summary", watched)
        assert main(["summary", "--db", str(path), "--as-of", "2024-06-30"]) == 0
    assert "progress" in capsys.readouterr().out
    assert frozen_while_running and frozen_while_running[0] > 300  # at least the updates read
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()
    # outside a command nothing is frozen: the window opens plan after plan
    with PlanStore.open(path) as store:
        store.load_plan()
    assert gc.get_freeze_count() == 0
    assert loading._freeze_what_is_read is False


def test_an_areas_tasks_read_again_take_the_updates_held_and_read_the_rest(tmp_path):
    """After a task was added to an area, area_tasks gives that area's tasks as
    load_plan would, without reading the updates of the tasks already held."""
    from planner_gui.domain.model import Task

    path = tmp_path / "d.sqlite"
    write_demo(path, 120, 1500, seed=4)
    with PlanStore.open(path) as store:
        before = store.load_plan()
        area = before.areas[1]
        parent = area.tasks[0]
        added = Task(title="新增任务", leader="李明")
        store.add_task(added, area.id, parent.id)
        store.add_update(added.id, ProgressUpdate(date=date(2024, 4, 1), progress=20, text="已启动"))
        held = {task.id: task.updates for task in area.walk_tasks()}
        tops = store.area_tasks(area.id, held)
        assert tops == store.load_plan().areas[1].tasks
        by_id = {task.id: task for top in tops for task in top.walk()}
        assert by_id[parent.id].updates is held[parent.id]  # taken over, not read again
        assert [u.text for u in by_id[added.id].updates] == ["已启动"]  # read: it was not held
