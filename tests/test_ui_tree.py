"""The plan tree: filtering, lights as of a date, plain user text, drag and drop."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from tests.ui_window_helpers import make_window, reread, task_by_title

from planner_gui.domain.progress import Status, evaluate_plan, status_word
from planner_gui.ui.plan_tree import Column


@pytest.fixture
def window(qtbot, tmp_path):
    return make_window(qtbot, tmp_path / "plan.sqlite", tmp_path / "settings.ini")


def shown_titles(window) -> list[str]:
    return [node.texts[Column.TITLE] for node in window.model.shown_nodes()]


def test_typing_part_of_a_title_narrows_the_tree_to_it_and_its_area(window, qtbot):
    all_tasks = len(window.visible_task_ids())
    # typed the way an input method delivers Chinese: a few characters at a time
    for part in ("自然", "自然博物", "自然博物馆"):
        window.filter_bar.text.setText(part)
    # debounced: nothing changes until typing pauses, then the tree narrows once
    assert len(window.visible_task_ids()) == all_tasks
    qtbot.waitUntil(lambda: len(window.visible_task_ids()) < all_tasks, timeout=2000)
    titles = shown_titles(window)
    assert "国家自然博物馆开工建设" in titles
    # the match is shown with its ancestors (area, parent task) and nothing else
    target = task_by_title(window, "国家自然博物馆")
    node = window.model.by_id[target.id]
    ancestors = []
    while node.parent is not None and node.parent.parent is not None:
        node = node.parent
        ancestors.append(node.id)
    shown_ids = [n.id for n in window.model.shown_nodes()]
    assert sorted(shown_ids) == sorted([target.id, *ancestors])
    assert "Work items shown: 1" in window.statusBar().counts_label.text()
    window.filter_bar.text.clear()
    qtbot.waitUntil(lambda: len(window.visible_task_ids()) == all_tasks, timeout=2000)


def test_filter_by_status_and_overdue_only_match_the_rules(window, qtbot):
    window.document.set_as_of(date(2024, 6, 30))
    figures = evaluate_plan(reread(window.document.store.path), date(2024, 6, 30))
    leaves = {n.id for n in window.model.task_nodes() if n.is_leaf_task}
    red = {tid for tid in leaves if figures.tasks[tid].status is Status.RED}
    yellow = {tid for tid in leaves if figures.tasks[tid].status is Status.YELLOW}
    assert red and yellow, "the bundled plan has overdue and behind tasks at mid-2024"

    window.filter_bar.overdue.setChecked(True)
    shown_leaves = {i for i in window.visible_task_ids() if i in leaves}
    assert shown_leaves == red
    window.filter_bar.overdue.setChecked(False)

    combo = window.filter_bar.status
    combo.setCurrentIndex(combo.findData(Status.YELLOW.value))
    assert {i for i in window.visible_task_ids() if i in leaves} == yellow
    counts = window.statusBar().counts_label.text()
    assert f"Work items shown: {len(yellow)}" in counts

    not_reported = {tid for tid in leaves if not figures.tasks[tid].reported}
    combo.setCurrentIndex(combo.findData("not_reported"))
    assert {i for i in window.visible_task_ids() if i in leaves} == not_reported
    assert window.model.index_for_id(next(iter(not_reported)), Column.REPORT).data() == "missing"


def test_changing_the_as_of_date_changes_the_lights(window):
    task = task_by_title(window, "举办第二届倍增追赶合作发展丰台大会")  # due 4月底前 (2024-04-30)
    assert task.due == date(2024, 4, 30)
    index = window.model.index_for_id(task.id, Column.STATUS)

    window.document.set_as_of(date(2024, 2, 1))
    early = index.data()
    window.document.set_as_of(date(2024, 6, 30))
    late = index.data()
    assert early != status_word(Status.RED, window.language)
    assert late == status_word(Status.RED, window.language)
    # the area's roll-up follows too
    area_index = window.model.index_for_id(window.model.by_id[task.id].area_id, Column.STATUS)
    assert window.model.data(area_index, Qt.ItemDataRole.DisplayRole)


def test_user_text_is_shown_as_plain_text(window, qtbot):
    task = task_by_title(window, "组建专家委员会")
    index = window.model.index_for_id(task.id)
    assert window.model.setData(index, "<b>x</b> & <i>y</i>")
    qtbot.waitUntil(lambda: window.model.index_for_id(task.id).data() == "<b>x</b> & <i>y</i>", timeout=2000)
    tooltip = window.model.index_for_id(task.id).data(Qt.ItemDataRole.ToolTipRole)
    # the tooltip escapes the tags, so Qt shows them literally instead of bold text
    assert "&lt;b&gt;x&lt;/b&gt; &amp; &lt;i&gt;y&lt;/i&gt;" in tooltip
    assert "<b>" not in tooltip


def test_drag_and_drop_reorders_and_persists(window, qtbot):
    area = window.document.plan.areas[1]
    first, second = area.tasks[0].id, area.tasks[1].id
    model = window.model
    area_index = model.index_for_id(area.id)
    mime = model.mimeData([model.index_for_id(first)])
    # drop the first task between the second and the third
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, area_index)
    qtbot.waitUntil(lambda: [t.id for t in reread(window.document.store.path).areas[1].tasks][:2] == [second, first],
                    timeout=3000)
    assert [n.id for n in model.by_id[area.id].children][:2] == [second, first]
    window.undo()
    assert [t.id for t in reread(window.document.store.path).areas[1].tasks][:2] == [first, second]


def test_a_task_cannot_be_dropped_into_its_own_subtree_or_onto_the_plan(window):
    parent = next(t for t in window.document.plan.walk_tasks() if t.subtasks)
    model = window.model
    mime = model.mimeData([model.index_for_id(parent.id)])
    window.tree.expandAll()
    child_index = model.index_for_id(parent.subtasks[0].id)
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, child_index)
    from PySide6.QtCore import QModelIndex

    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_dropping_an_area_reorders_areas(window, qtbot):
    model = window.model
    ids = [a.id for a in window.document.plan.areas]
    from PySide6.QtCore import QModelIndex

    mime = model.mimeData([model.index_for_id(ids[0])])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    qtbot.waitUntil(lambda: [a.id for a in reread(window.document.store.path).areas] == [*ids[1:], ids[0]], timeout=3000)


def test_dropping_a_task_on_another_area_or_task_moves_it_there(window, qtbot):
    model = window.model
    moved = window.document.plan.areas[1].tasks[0]
    target_area = window.document.plan.areas[3]
    # dropped onto the area's row: it becomes the area's last task
    mime = model.mimeData([model.index_for_id(moved.id)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index_for_id(target_area.id))
    qtbot.waitUntil(lambda: reread(window.document.store.path).areas[3].tasks[-1].id == moved.id, timeout=3000)
    # dropped onto a task: it becomes that task's sub-task
    host = reread(window.document.store.path).areas[3].tasks[0]
    mime = model.mimeData([model.index_for_id(moved.id)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index_for_id(host.id))
    qtbot.waitUntil(lambda: [s.id for s in reread(window.document.store.path).find_task(host.id).subtasks] == [moved.id],
                    timeout=3000)
    assert window.model.by_id[moved.id].parent.id == host.id


def test_filter_by_leader_unit_and_area(qtbot, tmp_path):
    from planner_gui.services.plan_files import init_file

    path = tmp_path / "plan.sqlite"
    with init_file(path) as store:
        areas = store.load_plan().areas
        tasks = {1: areas[1].tasks[0], 7: areas[2].tasks[-1], 9: areas[5].tasks[0]}  # top-level tasks
        store.edit("task", tasks[1].id, leader="王副区长", lead_unit="区发展改革委")
        store.edit("task", tasks[7].id, leader="王副区长", lead_unit="区教委", co_units=["区发展改革委"])
        store.edit("task", tasks[9].id, leader="李副区长", lead_unit="区教委")
    window = make_window(qtbot, path, tmp_path / "settings.ini")
    bar = window.filter_bar
    bar.leader.setCurrentIndex(bar.leader.findData("王副区长"))
    assert window.visible_task_ids() == [tasks[1].id, tasks[7].id]
    bar.leader.setCurrentIndex(0)
    bar.unit.setCurrentIndex(bar.unit.findData("区发展改革委"))  # lead unit or co-unit
    assert window.visible_task_ids() == [tasks[1].id, tasks[7].id]
    area_of_7 = window.model.by_id[tasks[7].id].area_id
    bar.area.setCurrentIndex(bar.area.findData(area_of_7))
    assert window.visible_task_ids() == [tasks[7].id]


def test_rebuilding_the_tree_leaves_no_garbage_for_the_cyclic_collector(qapp, bundled_store):
    """After a structure edit the old rows, and the plan objects they show, are freed at
    once: left to the cyclic collector, each edit of a city's plan kept 25-30 MB more."""
    import gc

    from planner_gui.ui.plan_tree import PlanTreeModel

    plan = bundled_store.load_plan()
    model = PlanTreeModel()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        model.set_plan(plan, evaluate_plan(plan, date(2024, 7, 1)))
        gc.collect()
        again = bundled_store.load_plan()
        model.set_plan(again, evaluate_plan(again, date(2024, 7, 1)))
        del plan
        assert gc.collect() == 0
        assert model.rowCount() == len(again.areas)
    finally:
        if was_enabled:
            gc.enable()


@pytest.mark.parametrize("text", ["建设", "区 工程", "2025", "没有这样的字"])
def test_words_alone_match_as_the_full_filter_does(window, text):
    """Typing takes a shorter path through the filter: it must find what the general
    one finds (here: the general path with an area, against the words alone in that area)."""
    from planner_gui.ui.filter_bar import FilterCriteria, matching_task_ids

    nodes = list(window.model.task_nodes())
    words_only = matching_task_ids(nodes, FilterCriteria(text=text))
    for area in window.document.plan.areas:
        in_area = {n.id for n in nodes if n.area_id == area.id}
        assert matching_task_ids(nodes, FilterCriteria(text=text, area_id=area.id)) == words_only & in_area
    assert (words_only == set()) == (text == "没有这样的字")


@pytest.mark.parametrize("text", ["", "建设", "区 工程", "没有这样的字"])
def test_the_status_bar_counts_the_shown_leaf_tasks(window, text):
    """The counts come from the filter's result: the same as walking the shown rows."""
    from planner_gui.ui.status_bar import count_shown

    window.filter_bar.text.setText(text)
    window.filter_bar.flush()
    walked = count_shown(n for n in window.model.shown_nodes() if n.is_leaf_task)
    assert count_shown(window.model.shown_leaf_tasks()) == walked
    assert f"{walked[0]}" in window.statusBar().counts_label.text()


def _rows(model) -> list[tuple[int, str, tuple[str, ...]]]:
    """Every row the tree shows: depth, id and texts, in order."""
    found, stack = [], [(0, node) for node in reversed(model.root.shown)]
    while stack:
        depth, node = stack.pop()
        found.append((depth, node.id, node.texts))
        stack.extend((depth + 1, child) for child in reversed(node.shown))
    return found


def test_adding_moving_and_deleting_tasks_remakes_only_their_areas_rows(window, monkeypatch):
    """Task structure edits (and their undo) read, evaluate and lay out again only
    the areas they touch: the rows, figures and plan are then those a fresh read of
    the file gives, the other areas' rows are the same objects, and the selection
    and expanded rows stay."""
    from planner_gui.domain.model import Task
    from planner_gui.ui.commands import AddTaskCommand, DeleteTaskCommand, MoveTaskCommand
    from planner_gui.ui.plan_tree import PlanTreeModel

    def whole_reread(*_args):
        raise AssertionError("the whole plan was read again for a task structure edit")

    monkeypatch.setattr(window.document.store, "reload_structure", whole_reread)
    plan, store, report = window.document.plan, window.document.store, window.document.report
    untouched = plan.areas[0].tasks[0]
    kept_node = window.model.by_id[untouched.id]
    expanded = next(t for t in plan.areas[2].tasks if t.subtasks)
    window.tree.setExpanded(window.model.index_for_id(expanded.id), True)
    selected = plan.areas[7].tasks[0]
    window.select_item(selected.id)

    def check() -> None:
        as_read = reread(store.path)
        assert window.document.plan == as_read
        assert window.document.figures == evaluate_plan(as_read, window.document.as_of)
        fresh = PlanTreeModel()
        fresh.set_language(window.model.language)
        fresh.set_plan(as_read, evaluate_plan(as_read, window.document.as_of))
        assert _rows(window.model) == _rows(fresh)
        assert window.model.by_id[untouched.id] is kept_node
        assert window.tree.isExpanded(window.model.index_for_id(expanded.id))
        assert window.selected_task_id() == selected.id

    host = plan.areas[1].tasks[0]
    assert window.push(lambda: AddTaskCommand(store, report, Task(title="新增的子任务", leader="王副区长"),
                                              plan.areas[1].id, host.id))
    check()
    assert window.model.by_id[host.id].children[-1].texts[0] == "新增的子任务"
    moved = plan.areas[4].tasks[1]
    assert window.push(lambda: MoveTaskCommand(store, report, moved.id, plan.areas[3].id, None, 0))
    check()
    assert window.model.by_id[moved.id].parent.id == window.document.plan.areas[3].id
    gone = plan.areas[6].tasks[0]
    assert window.push(lambda: DeleteTaskCommand(store, report, gone.id))
    check()
    assert gone.id not in window.model.by_id and gone.id not in window.document.figures.tasks
    for _ in range(3):
        window.document.undo_stack.undo()
        check()
    assert window.model.by_id[moved.id].area_id == window.document.plan.areas[4].id
    assert gone.id in window.model.by_id
