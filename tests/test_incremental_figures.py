"""refresh_figures gives exactly what a full evaluate_plan gives after a
task's fields, history, indicators or sub-tasks change."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from planner_gui.demo import write_demo
from planner_gui.domain.incremental import refresh_figures
from planner_gui.domain.model import Milestone, Plan, ProgressUpdate
from planner_gui.domain.progress import evaluate_plan
from planner_gui.store import PlanStore

AS_OF = date(2024, 9, 30)


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Plan:
    path = tmp_path_factory.mktemp("inc") / "d.sqlite"
    write_demo(path, 300, 2000, seed=11)
    with PlanStore.open(path) as store:
        return store.load_plan()


def _changed_copy(plan: Plan, change) -> tuple[Plan, str]:
    fresh = copy.deepcopy(plan)
    return fresh, change(fresh)


def _subtask(plan: Plan):
    return next(t for t in plan.walk_tasks() if t.subtasks and not t.subtasks[0].subtasks).subtasks[0]


def _mark_done(plan: Plan) -> str:
    task = next(t for t in plan.walk_tasks() if t.subtasks and not t.subtasks[0].subtasks
                and t.subtasks[0].updates and t.subtasks[0].updates[-1].progress < 100).subtasks[0]
    task.updates.clear()  # a progress report would outrank the done date
    task.done_on = date(2024, 8, 1)
    return task.id


def _add_late_update(plan: Plan) -> str:
    task = _subtask(plan)
    task.updates.append(ProgressUpdate(date=date(2024, 9, 29), progress=5, text="回退"))
    return task.id


def _miss_milestone(plan: Plan) -> str:
    task = next(t for t in plan.walk_tasks() if not t.subtasks and not t.milestones)
    task.milestones.append(Milestone(title="开工建设", due=date(2024, 5, 31)))
    task.updates.clear()
    return task.id


def _move_deadline(plan: Plan) -> str:
    task = next(t for t in plan.walk_tasks() if not t.subtasks and t.due and t.due > AS_OF)
    task.due = date(2024, 3, 31)
    return task.id


def _parents_deadline_passes_down(plan: Plan) -> str:
    # sub-tasks without a deadline of their own work to their parent's (issue 18)
    parent = next(t for t in plan.walk_tasks() if t.subtasks and not t.subtasks[0].subtasks)
    for sub in parent.subtasks:
        sub.due = None
    parent.due = date(2024, 6, 30)
    return parent.id


def _subtask_overdue(plan: Plan) -> str:
    # the parent's light follows its worst sub-task
    task = next(sub for t in plan.walk_tasks() if t.subtasks for sub in t.subtasks
                if not sub.subtasks and sub.due and sub.due > AS_OF)
    task.due, task.done_on = date(2024, 4, 30), None
    task.updates = [ProgressUpdate(date=date(2024, 4, 1), progress=40)]
    return task.id


@pytest.mark.parametrize("change", [_mark_done, _add_late_update, _miss_milestone, _move_deadline,
                                    _parents_deadline_passes_down, _subtask_overdue])
def test_refresh_matches_full_evaluation(plan, change):
    before = evaluate_plan(plan, AS_OF)
    fresh, task_id = _changed_copy(plan, change)
    figures = copy.deepcopy(before)
    touched = refresh_figures(fresh, figures, [task_id])
    full = evaluate_plan(fresh, AS_OF)
    assert figures == full
    assert task_id in touched
    # the change showed somewhere (the test would prove nothing otherwise)
    assert full != before
    # and only the changed task's top-level tree and its area were recomputed
    assert len(touched) < 40


def test_unknown_task_changes_nothing(plan):
    figures = evaluate_plan(plan, AS_OF)
    assert refresh_figures(plan, figures, ["no-such-task"]) == set()
    assert figures == evaluate_plan(plan, AS_OF)


def _restructured(plan: Plan, change) -> tuple[Plan, dict]:
    """A copy of ``plan`` and its figures; ``change(copy)`` returns area id -> new task list."""
    fresh = copy.deepcopy(plan)
    return fresh, change(fresh)


def _move_between_areas(plan: Plan) -> dict:
    source, target = plan.areas[0], plan.areas[1]
    moved = next(t for t in source.tasks if t.subtasks)  # a task with its sub-tasks
    return {source.id: [t for t in source.tasks if t is not moved], target.id: [moved, *target.tasks]}


def _add_subtask(plan: Plan) -> dict:
    from planner_gui.domain.model import Task

    area = plan.areas[2]
    parent = next(t for t in area.tasks if not t.subtasks)
    tasks = copy.deepcopy(area.tasks)
    next(t for t in tasks if t.id == parent.id).subtasks.append(
        Task(title="新增子任务", due=date(2024, 6, 30), updates=[ProgressUpdate(date=date(2024, 5, 1), progress=30)]))
    return {area.id: tasks}


def _delete_task(plan: Plan) -> dict:
    area = plan.areas[3]
    return {area.id: area.tasks[1:]}


@pytest.mark.parametrize("change", [_move_between_areas, _add_subtask, _delete_task])
def test_replacing_areas_tasks_gives_what_a_full_evaluation_gives(plan, change):
    from planner_gui.domain.incremental import replace_area_tasks

    fresh, new_tasks = _restructured(plan, change)
    figures = evaluate_plan(fresh, AS_OF)
    assert replace_area_tasks(fresh, figures, new_tasks)
    for area in fresh.areas:
        if area.id in new_tasks:
            assert area.tasks is new_tasks[area.id]
    expected = evaluate_plan(fresh, AS_OF)
    assert figures.tasks == expected.tasks  # also: no figures left of tasks no longer there
    assert figures.areas == expected.areas
    assert figures.plan == expected.plan


def test_replacing_the_tasks_of_an_unknown_area_changes_nothing(plan):
    from planner_gui.domain.incremental import replace_area_tasks

    fresh = copy.deepcopy(plan)
    figures = evaluate_plan(fresh, AS_OF)
    before = copy.deepcopy(figures)
    first = fresh.areas[0]
    assert not replace_area_tasks(fresh, figures, {first.id: [], "no-such-area": []})
    assert fresh.areas[0].tasks and figures == before


def test_the_area_given_is_searched_first_and_a_wrong_one_still_finds_the_task(plan):
    """refresh_figures looks for the changed task in the areas it is told, and
    anywhere in the plan when it is not there: the result is the full evaluation's."""
    fresh = copy.deepcopy(plan)
    task = next(t for t in fresh.areas[2].walk_tasks() if not t.subtasks)
    figures = evaluate_plan(fresh, AS_OF)
    task.updates.append(ProgressUpdate(date=date(2024, 9, 1), progress=99, text="接近完成"))
    for hint in ([fresh.areas[2].id], [fresh.areas[0].id], ["no-such-area"]):
        changed = refresh_figures(fresh, figures, [task.id], hint)
        assert task.id in changed and fresh.areas[2].id in changed
        assert figures == evaluate_plan(fresh, AS_OF)


def test_a_re_read_task_replaces_the_old_one_wherever_it_is(plan):
    """plan_sync.replace_task puts a task read again from the file in the old
    one's place: found in the area it is told, or anywhere when that is wrong."""
    from planner_gui.domain.model import Task
    from planner_gui.ui.plan_sync import replace_task

    for area_hint in (2, 0, None):
        fresh = copy.deepcopy(plan)
        old = next(t for top in fresh.areas[2].tasks for t in top.subtasks)  # a sub-task
        again = copy.deepcopy(old)
        again.leader = "新的责任领导"
        hint = fresh.areas[area_hint].id if area_hint is not None else None
        assert replace_task(fresh, again, hint)
        assert fresh.find_task(old.id) is again
        assert not replace_task(fresh, Task(title="无", id="no-such-task"), hint)
