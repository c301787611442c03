"""PlanDocument without any widget: figures once per (plan version, as-of),
the incremental path for one task's edit, one signal per change, and one
push that refuses a failing or forbidden change, naming the field."""

from __future__ import annotations

import ast
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from planner_gui.domain import incremental
from planner_gui.domain import progress as domain_progress
from planner_gui.domain.model import Area, Indicator, Milestone, ProgressUpdate, Task
from planner_gui.domain.progress import evaluate_plan
from planner_gui.ui import commands
from planner_gui.ui import document as document_module
from planner_gui.ui.commands import AddTaskCommand, AddUpdateCommand, EditFieldsCommand
from planner_gui.ui.document import AREAS, CONTENT, ITEM, RESET, STRUCTURE, PlanDocument, Selection

AS_OF = date(2024, 7, 1)


@pytest.fixture
def counted(monkeypatch) -> dict[str, int]:
    """How often the document works out the whole plan's figures, and one task's."""
    calls = {"evaluate_plan": 0, "refresh_figures": 0}

    def counting(name, real):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(document_module, "evaluate_plan", counting("evaluate_plan", domain_progress.evaluate_plan))
    monkeypatch.setattr(document_module, "refresh_figures", counting("refresh_figures", incremental.refresh_figures))
    return calls


@pytest.fixture
def document(qapp, bundled_store):
    doc = PlanDocument(bundled_store, AS_OF)
    assert doc.read_updates()  # the bundled plan is small: read at once
    yield doc
    doc.deleteLater()


def _leaf(document: PlanDocument) -> Task:
    return next(task for task in document.plan.walk_tasks() if not task.subtasks)


def _changes(document: PlanDocument) -> list:
    seen: list = []
    document.changed.connect(seen.append)
    return seen


def test_figures_are_worked_out_once_per_version_and_as_of(document, counted):
    first = document.figures
    assert document.figures is first and counted["evaluate_plan"] == 1
    document.set_as_of(date(2024, 10, 1))
    assert document.figures.as_of == date(2024, 10, 1)
    document.figures  # noqa: B018 - asked again: no new pass
    assert counted["evaluate_plan"] == 2
    document.set_as_of(AS_OF)
    assert document.figures.as_of == AS_OF and counted["evaluate_plan"] == 3


def test_an_edit_of_one_task_refreshes_only_its_figures(document, counted):
    task = _leaf(document)
    document.figures  # noqa: B018
    changes = _changes(document)
    update = ProgressUpdate(date=date(2024, 6, 20), progress=55.0, text="half way")
    assert document.push(AddUpdateCommand(document.store, document.report, task.id, update)) is None
    assert len(changes) == 1
    change = changes[0]
    assert change.kind == ITEM and not change.structural and task.id in change.figure_ids
    assert counted == {"evaluate_plan": 1, "refresh_figures": 1}  # no pass over the whole plan
    fresh = evaluate_plan(document.store.load_plan(), AS_OF)
    assert document.figures.tasks[task.id] == fresh.tasks[task.id]
    assert document.figures.tasks[task.id].progress == 55.0
    assert document.figures.plan == fresh.plan
    assert counted["evaluate_plan"] == 1


def test_adding_a_task_is_one_structural_change(document):
    area = document.plan.areas[0]
    document.figures  # noqa: B018
    changes = _changes(document)
    task = Task(title="New road")
    assert document.push(lambda: AddTaskCommand(document.store, document.report, task, area.id)) is None
    assert [(c.kind, c.ids, c.structural) for c in changes] == [(AREAS, (area.id,), True)]
    assert task.id in document.figures.tasks
    assert any(t.id == task.id for t in document.plan.walk_tasks())


# Each kind of command, with the change the document must tell for each of its
# steps: (kind, ids, table, structural). A step is the push, then undo, then redo.
def _edit_task(doc):
    task = _leaf(doc)
    return (EditFieldsCommand(doc.store, doc.report, "task", task.id, {"leader": "新的牵头人"}, "Edit"),
            (ITEM, (task.id,), "task", False))


def _edit_area(doc):
    area = doc.plan.areas[0]
    return (EditFieldsCommand(doc.store, doc.report, "area", area.id, {"name": "新名字"}, "Rename"),
            (ITEM, (area.id,), "area", False))


def _edit_plan(doc):
    return (commands.EditPlanCommand(doc.store, doc.report, "Rename plan", fields={"title": "另一个计划"}),
            (ITEM, ("",), "plan", False))


def _add_update(doc):
    task = _leaf(doc)
    update = ProgressUpdate(date=date(2024, 6, 20), progress=40.0, text="四成")
    return AddUpdateCommand(doc.store, doc.report, task.id, update), (ITEM, (task.id,), "task", False)


def _add_indicator(doc):
    task = _leaf(doc)
    return (commands.AddIndicatorCommand(doc.store, doc.report, task.id, Indicator(name="新指标", target=5)),
            (ITEM, (task.id,), "task", False))


def _delete_indicator(doc):
    task = next(t for t in doc.plan.walk_tasks() if t.indicators)
    return (commands.DeleteIndicatorCommand(doc.store, doc.report, task.indicators[0].id),
            (ITEM, (task.id,), "task", False))


def _add_milestone(doc):
    task = _leaf(doc)
    milestone = Milestone(title="开工", due=date(2024, 9, 1))
    return (commands.AddMilestoneCommand(doc.store, doc.report, task.id, milestone),
            (ITEM, (task.id,), "task", False))


def _delete_milestone(doc):
    task = next(t for t in doc.plan.walk_tasks() if t.milestones)
    return (commands.DeleteMilestoneCommand(doc.store, doc.report, task.milestones[0].id),
            (ITEM, (task.id,), "task", False))


def _add_task(doc):
    area = doc.plan.areas[0]
    return AddTaskCommand(doc.store, doc.report, Task(title="新任务"), area.id), (AREAS, (area.id,), "", True)


def _delete_task(doc):
    area = doc.plan.areas[1]
    return commands.DeleteTaskCommand(doc.store, doc.report, area.tasks[0].id), (AREAS, (area.id,), "", True)


def _move_task(doc):
    source, target = doc.plan.areas[0], doc.plan.areas[1]
    return (commands.MoveTaskCommand(doc.store, doc.report, source.tasks[0].id, target.id, None, 0),
            (AREAS, (source.id, target.id), "", True))


def _add_area(doc):
    return commands.AddAreaCommand(doc.store, doc.report, Area(name="新领域")), (STRUCTURE, (), "", True)


def _delete_area(doc):
    return commands.DeleteAreaCommand(doc.store, doc.report, doc.plan.areas[-1].id), (STRUCTURE, (), "", True)


def _move_area(doc):
    return commands.MoveAreaCommand(doc.store, doc.report, doc.plan.areas[-1].id, 0), (STRUCTURE, (), "", True)


EVERY_COMMAND = [_edit_task, _edit_area, _edit_plan, _add_update, _add_indicator, _delete_indicator,
                 _add_milestone, _delete_milestone, _add_task, _delete_task, _move_task, _add_area,
                 _delete_area, _move_area]


def _told(changes: list) -> list[tuple]:
    return [(c.kind, c.ids, c.table, c.structural) for c in changes]


@pytest.mark.parametrize("make", EVERY_COMMAND, ids=lambda make: make.__name__.strip("_"))
def test_every_step_of_every_command_is_told_once(document, make):
    """Pushed, undone and redone: each step emits ``changed`` exactly once, with the
    kind and ids of what it changed, and the document's plan follows the file."""
    document.figures  # noqa: B018 - figures of this date held: the incremental paths are taken
    command, expected = make(document)
    before = document.store.load_plan()
    changes = _changes(document)
    assert document.push(command) is None
    assert _told(changes) == [expected]
    after = document.store.load_plan()
    assert document.plan == after and after != before
    assert document.step(undoing=True) is None
    assert _told(changes) == [expected] * 2
    assert document.plan == document.store.load_plan() == before
    assert document.step(undoing=False) is None
    assert _told(changes) == [expected] * 3
    assert document.plan == document.store.load_plan() == after
    assert document.figures.plan == evaluate_plan(after, AS_OF).plan


def test_an_edit_names_the_figures_it_changed(document):
    """One task's edit, undone and redone: each time only that task's figures (and
    its ancestors', its area's) were worked out again, never the whole plan's."""
    document.figures  # noqa: B018
    command, _ = _add_update(document)
    changes = _changes(document)
    assert document.push(command) is None
    assert document.step(undoing=True) is None
    assert document.step(undoing=False) is None
    assert len(changes) == 3
    assert all(c.figure_ids is not None and command.task_id in c.figure_ids for c in changes)


def test_an_import_undone_and_redone_puts_the_content_back(document):
    """The import wrote the file before it was pushed: the push tells nothing (the window
    shows the import itself), each undo or redo tells that the whole content came back."""
    from planner_gui.store.ledger_apply import memory_copy

    task = _leaf(document)
    before = memory_copy(document.store)
    document.store.edit("task", task.id, title="导入的标题")
    changes = _changes(document)
    assert document.push(commands.ReplaceContentCommand(document.store, document.report, before, "Import")) is None
    assert changes == []
    assert document.step(undoing=True) is None
    assert _told(changes) == [(CONTENT, (), "", True)]
    assert document.store.get_task(task.id).title == task.title
    assert document.step(undoing=False) is None
    assert _told(changes) == [(CONTENT, (), "", True)] * 2
    assert document.store.get_task(task.id).title == "导入的标题"


def test_a_file_changed_by_another_process_is_told_once(document):
    changes = _changes(document)
    document.file_replaced()
    assert _told(changes) == [(RESET, (), "", True)]


def test_a_change_written_but_not_read_back_stays_undoable(document, monkeypatch):
    """The file took the change but reading it back failed: the push is not refused
    (the step is on the stack, undo can take it back), and the views are told to
    read the whole file again, once."""
    def fail(*_args):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(document.store, "reload_structure", fail)
    changes = _changes(document)
    area = Area(name="写入了")
    assert document.push(commands.AddAreaCommand(document.store, document.report, area)) is None
    assert _told(changes) == [(CONTENT, (), "", True)]
    assert document.undo_stack.count() == 1 and document.store.get_row("area", area.id)["name"] == "写入了"


def test_a_refused_step_tells_nothing(document):
    """A command whose write fails is dropped from the stack and no change is told."""
    changes = _changes(document)
    refusal = document.push(commands.DeleteTaskCommand(document.store, document.report, "no-such-task"))
    assert refusal is not None and changes == [] and document.undo_stack.count() == 0


def test_an_as_of_change_emits_one_signal(document):
    seen: list[date] = []
    document.as_of_changed.connect(seen.append)
    document.set_as_of(date(2024, 9, 30))
    document.set_as_of(date(2024, 9, 30))  # the same date again: nothing to tell
    assert seen == [date(2024, 9, 30)] and document.as_of == date(2024, 9, 30)
    document.set_as_of(date(2024, 3, 1), announce=False)  # another file at its own date
    assert seen == [date(2024, 9, 30)] and document.as_of == date(2024, 3, 1)


def test_a_failing_write_is_refused_naming_the_field(document):
    before = document.store.load_plan()
    changes = _changes(document)
    refusal = document.push(EditFieldsCommand(document.store, document.report, "task", "no-such-task",
                                              {"title": "Lost"}, "Rename"))
    assert refusal is not None and refusal.field == "title" and "no-such-task" in refusal.message
    assert document.undo_stack.count() == 0 and changes == []
    assert document.store.load_plan() == before


def test_a_refused_value_names_its_field_and_writes_nothing(document):
    task = _leaf(document)
    refusal = document.push(lambda: EditFieldsCommand(document.store, document.report, "task", task.id,
                                                      {"colour": "red"}, "Paint"))
    assert refusal is not None and refusal.field == "colour"
    assert document.undo_stack.count() == 0


def test_a_read_only_document_refuses_every_push(document):
    task = _leaf(document)
    states: list[bool] = []
    document.read_only_changed.connect(states.append)
    document.set_read_only(True)
    document.set_read_only(True)
    assert states == [True]
    refusal = document.push(EditFieldsCommand(document.store, document.report, "task", task.id,
                                              {"title": "Changed"}, "Rename"))
    assert refusal is not None and refusal.message
    assert document.undo_stack.count() == 0
    assert document.store.get_task(task.id).title == task.title


def test_undo_goes_through_the_document(document):
    task = _leaf(document)
    assert document.push(EditFieldsCommand(document.store, document.report, "task", task.id,
                                           {"title": "Renamed"}, "Rename")) is None
    assert document.plan.find_task(task.id).title == "Renamed"
    assert document.step(undoing=True) is None
    assert document.plan.find_task(task.id).title == task.title
    assert document.store.get_task(task.id).title == task.title


def test_the_selection_is_told_once(document):
    seen: list = []
    document.selection_changed.connect(seen.append)
    area = document.plan.areas[0]
    document.select(Selection("area", area.id, area.id))
    document.select(Selection("area", area.id, area.id))
    document.select(None)
    assert seen == [Selection("area", area.id, area.id), None]


# --- the rules that keep the document the one owner ---------------------------------

SOURCES = Path(__file__).resolve().parents[1] / "src" / "planner_gui"


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Call):
            yield node


def test_only_the_document_pushes_on_an_undo_stack():
    """One push (PlanDocument.push) guards every command: no other module calls
    QUndoStack.push or makes an undo stack of its own."""
    offenders = []
    for path in sorted(SOURCES.rglob("*.py")):
        if path == SOURCES / "ui" / "document.py":
            continue
        for call in _calls(path):
            func = call.func
            on_stack = (isinstance(func, ast.Attribute) and func.attr == "push"
                        and "stack" in ast.unparse(func.value).lower())
            new_stack = ast.unparse(func).split(".")[-1] == "QUndoStack"
            if on_stack or new_stack:
                offenders.append(f"{path.relative_to(SOURCES)}:{call.lineno}: {ast.unparse(call)[:60]}")
    assert offenders == []


def test_only_the_document_works_out_figures_in_the_interface():
    """The tree, editor and chart show the document's figures: no module of ui/
    but document.py calls evaluate_plan/evaluate_area/evaluate_task (the same
    figures were worked out up to three times per change)."""
    offenders = []
    for path in sorted((SOURCES / "ui").rglob("*.py")):
        if path == SOURCES / "ui" / "document.py":
            continue
        for call in _calls(path):
            name = ast.unparse(call.func).split(".")[-1]
            if name in ("evaluate_plan", "evaluate_area", "evaluate_task", "evaluate_subtree"):
                offenders.append(f"{path.relative_to(SOURCES)}:{call.lineno}: {name}")
    assert offenders == []


def _imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


BELOW_THE_WINDOW = ["menus", "tree_editing", "json_io", "document"]
DIALOGS = sorted(f"dialogs/{p.stem}" for p in (SOURCES / "ui" / "dialogs").glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("module", BELOW_THE_WINDOW + DIALOGS)
def test_handlers_below_the_window_do_not_import_it(module):
    """The menus, tree editing and JSON import/export take (document, parent): they
    are below main_window.py, not in an import circle with it (not even for type
    checking; the window's side is a Protocol named in each module)."""
    imported = _imported_modules(SOURCES / "ui" / f"{module}.py")
    assert not {name for name in imported if name.startswith("planner_gui.ui.main_window")}


@pytest.mark.parametrize("module", [*BELOW_THE_WINDOW, "timeline"])
def test_handlers_below_the_window_use_only_its_public_side(module):
    """No ``window._current_node()``: another object's private members are not
    reached for, and no attribute is set on the window from outside (what a
    module makes for the window, it returns; the window keeps it)."""
    path = SOURCES / "ui" / f"{module}.py"
    offenders = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))):
            offenders.append(f"{node.lineno}: {ast.unparse(node)} (private)")
        targets = (node.targets if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, ast.AugAssign | ast.AnnAssign) else [])
        for target in targets:
            for part in ast.walk(target):
                if (isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name)
                        and part.value.id in ("window", "parent")):
                    offenders.append(f"{node.lineno}: {ast.unparse(part)} = ... (set on the window)")
    assert offenders == []
