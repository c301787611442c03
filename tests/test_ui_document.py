"""PlanDocument without any widget: figures once per (plan version, as-of),
the incremental path for one task's edit, one signal per change, and one
push that refuses a failing or forbidden change, naming the field."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from planner_gui.domain import incremental
from planner_gui.domain import progress as domain_progress
from planner_gui.domain.model import ProgressUpdate, Task
from planner_gui.domain.progress import evaluate_plan
from planner_gui.ui import document as document_module
from planner_gui.ui.commands import AddTaskCommand, AddUpdateCommand, EditFieldsCommand
from planner_gui.ui.document import AREAS, ITEM, PlanDocument, Selection

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
    assert document.push(AddUpdateCommand(document.store, document.events, task.id, update)) is None
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
    assert document.push(lambda: AddTaskCommand(document.store, document.events, task, area.id)) is None
    assert [(c.kind, c.ids, c.structural) for c in changes] == [(AREAS, (area.id,), True)]
    assert task.id in document.figures.tasks
    assert any(t.id == task.id for t in document.plan.walk_tasks())


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
    refusal = document.push(EditFieldsCommand(document.store, document.events, "task", "no-such-task",
                                              {"title": "Lost"}, "Rename"))
    assert refusal is not None and refusal.field == "title" and "no-such-task" in refusal.message
    assert document.undo_stack.count() == 0 and changes == []
    assert document.store.load_plan() == before


def test_a_refused_value_names_its_field_and_writes_nothing(document):
    task = _leaf(document)
    refusal = document.push(lambda: EditFieldsCommand(document.store, document.events, "task", task.id,
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
    refusal = document.push(EditFieldsCommand(document.store, document.events, "task", task.id,
                                              {"title": "Changed"}, "Rename"))
    assert refusal is not None and refusal.message
    assert document.undo_stack.count() == 0
    assert document.store.get_task(task.id).title == task.title


def test_undo_goes_through_the_document(document):
    task = _leaf(document)
    assert document.push(EditFieldsCommand(document.store, document.events, "task", task.id,
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


@pytest.mark.parametrize("module", BELOW_THE_WINDOW)
def test_handlers_below_the_window_do_not_import_it(module):
    """The menus, tree editing and JSON import/export take (document, parent): they
    are below main_window.py, not in an import circle with it (not even for type
    checking; the window's side is a Protocol named in each module)."""
    imported = _imported_modules(SOURCES / "ui" / f"{module}.py")
    assert not {name for name in imported if name.startswith("planner_gui.ui.main_window")}


@pytest.mark.parametrize("module", BELOW_THE_WINDOW)
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
