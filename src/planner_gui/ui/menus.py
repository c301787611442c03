"""The main window's menus, context menu and file actions.

The dialogs' modules are imported when one is first chosen (start-up stays
fast), by plain imports in :func:`dialog_entry`.
The handlers take the window's side as a :class:`Window` protocol and the open
plan from its ``document``; :func:`build_menus` returns what the window keeps
(:class:`Menus`) instead of setting attributes on it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMenuBar, QMessageBox, QStatusBar

from planner_gui.domain.dates import last_month_end_in_year, last_quarter_end_in_year
from planner_gui.domain.errors import PlannerError
from planner_gui.ui import json_io, tree_editing
from planner_gui.ui.actions import ActionId, ActionRegistry, button_text, menu_safe
from planner_gui.ui.document import PlanDocument
from planner_gui.ui.editor.fields import plain_tip
from planner_gui.ui.i18n import language_menu
from planner_gui.ui.settings import AppSettings

translate = QCoreApplication.translate


class Window(tree_editing.Parent, json_io.Parent, Protocol):
    """The window's side of the menus: its actions, the open plan (``document``),
    its tree, its dialogs' parent and the few things only the window does
    (open another file, close, show the chart, undo with the tree following).
    (Named here, not imported: this module is below main_window.py.)"""

    actions: ActionRegistry
    document: PlanDocument
    settings: AppSettings

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 - Qt's name
    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name
    def close(self) -> bool: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def show_chart(self, shown: bool) -> None: ...
    def open_file(self, path: Path | str) -> bool: ...


@dataclass
class Menus:
    """What :func:`build_menus` made that the window keeps: the Open Recent menu
    (filled each time it opens) and the About box while it is shown (kept here
    so that it is not collected while open)."""

    recent: QMenu
    about_box: QMessageBox | None = None

PLAN_FILTER = QT_TRANSLATE_NOOP("Menus", "Plan files (*.sqlite *.db *.planner);;All files (*)")

# The actions that open a dialog (see dialog_entry).
DIALOG_ACTIONS = (
    ActionId.EXPORT_SUMMARY, ActionId.EXPORT_LEDGER, ActionId.IMPORT_LEDGER, ActionId.NEW_FROM_LEDGER,
    ActionId.EXPORT_FORMS, ActionId.IMPORT_TEXT, ActionId.RESTORE_BACKUP, ActionId.BACK_UP_NOW,
    ActionId.CHECK_FILE, ActionId.PLAN_SETTINGS, ActionId.SYNC_EXPORT, ActionId.SYNC_IMPORT,
    ActionId.SYNC_HISTORY, ActionId.CONNECT_OFFICE,
)
# Actions that change the plan: disabled when the file is open read-only.
EDITING = (ActionId.ADD_AREA, ActionId.ADD_TASK, ActionId.ADD_SUBTASK, ActionId.RENAME,
           ActionId.DELETE, ActionId.MOVE_UP, ActionId.MOVE_DOWN, ActionId.IMPORT_JSON,
           ActionId.IMPORT_LEDGER, ActionId.IMPORT_TEXT, ActionId.RESTORE_BACKUP, ActionId.SYNC_IMPORT,
           ActionId.CONNECT_OFFICE)


def dialog_entry(action_id: ActionId) -> Callable[[PlanDocument, Window], object]:
    """The function, taking the open plan and the window, that the action's dialog opens with."""
    return dialog_entries()[action_id]


def dialog_entries() -> dict[ActionId, Callable[..., object]]:
    """Each of DIALOG_ACTIONS and the function its dialog opens with. Plain imports,
    made here at the first use so that the window starts without them (the ledger
    and sync dialogs pull in spreadsheets and packets); a module missing from a
    build fails loudly here, not as a quietly disabled action."""
    from planner_gui.ui.dialogs import (
        backups,
        connect_office,
        export_summary,
        ledger,
        plan_settings,
        sync_exchange,
        text_import,
    )

    return {
        ActionId.EXPORT_SUMMARY: export_summary.open_dialog,
        ActionId.EXPORT_LEDGER: ledger.open_export_dialog,
        ActionId.IMPORT_LEDGER: ledger.open_import_dialog,
        ActionId.NEW_FROM_LEDGER: ledger.open_new_from_ledger_dialog,
        ActionId.EXPORT_FORMS: ledger.open_export_forms_dialog,
        ActionId.IMPORT_TEXT: text_import.open_dialog,
        ActionId.RESTORE_BACKUP: backups.open_restore_dialog,
        ActionId.BACK_UP_NOW: backups.back_up_now,
        ActionId.CHECK_FILE: backups.open_check_dialog,
        ActionId.PLAN_SETTINGS: plan_settings.open_dialog,
        ActionId.SYNC_EXPORT: sync_exchange.open_export_dialog,
        ActionId.SYNC_IMPORT: sync_exchange.open_import_dialog,
        ActionId.SYNC_HISTORY: sync_exchange.open_history_dialog,
        ActionId.CONNECT_OFFICE: connect_office.open_dialog,
    }


def build_menus(window: Window) -> Menus:
    a = window.actions
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("Menus", "&File"))
    file_menu.addAction(a[ActionId.NEW_FILE])
    file_menu.addAction(a[ActionId.NEW_FROM_LEDGER])
    file_menu.addAction(a[ActionId.OPEN_FILE])
    made = Menus(recent=file_menu.addMenu(translate("Menus", "Open &Recent")))
    made.recent.aboutToShow.connect(lambda: fill_recent_menu(window, made.recent))
    file_menu.addAction(a[ActionId.SAVE_COPY])
    file_menu.addSeparator()
    import_menu = file_menu.addMenu(translate("Menus", "&Import"))
    for action_id in (ActionId.IMPORT_JSON, ActionId.IMPORT_LEDGER, ActionId.IMPORT_TEXT):
        import_menu.addAction(a[action_id])
    export_menu = file_menu.addMenu(translate("Menus", "&Export"))
    for action_id in (ActionId.EXPORT_JSON, ActionId.EXPORT_SUMMARY, ActionId.EXPORT_LEDGER, ActionId.EXPORT_FORMS):
        export_menu.addAction(a[action_id])
    sync_menu = file_menu.addMenu(translate("Menus", "&Sync"))  # copies of the plan on other PCs (issue 25)
    for action_id in (ActionId.SYNC_EXPORT, ActionId.SYNC_IMPORT, ActionId.SYNC_HISTORY):
        sync_menu.addAction(a[action_id])
    file_menu.addAction(a[ActionId.CONNECT_OFFICE])
    file_menu.addSeparator()
    file_menu.addAction(a[ActionId.BACK_UP_NOW])
    file_menu.addAction(a[ActionId.RESTORE_BACKUP])
    file_menu.addSeparator()
    file_menu.addAction(a[ActionId.QUIT])

    edit_menu = bar.addMenu(translate("Menus", "&Edit"))
    for action_id in (ActionId.UNDO, ActionId.REDO, None, ActionId.FIND, None, ActionId.ADD_AREA,
                      ActionId.ADD_TASK, ActionId.ADD_SUBTASK, ActionId.RENAME, ActionId.DELETE,
                      None, ActionId.MOVE_UP, ActionId.MOVE_DOWN):
        edit_menu.addSeparator() if action_id is None else edit_menu.addAction(a[action_id])

    plan_menu = bar.addMenu(translate("Menus", "&Plan"))
    plan_menu.setObjectName("planMenu")
    plan_menu.addAction(a[ActionId.PLAN_SETTINGS])

    view_menu = bar.addMenu(translate("Menus", "&View"))
    for action_id in (ActionId.AS_OF_TODAY, ActionId.AS_OF_MONTH_END, ActionId.AS_OF_QUARTER_END, None,
                      ActionId.EXPAND_ALL, ActionId.COLLAPSE_ALL, None, ActionId.SHOW_CHART,
                      ActionId.SHOW_TIMELINE, ActionId.SHOW_DUE_SOON):
        view_menu.addSeparator() if action_id is None else view_menu.addAction(a[action_id])
    view_menu.addSeparator()
    view_menu.addMenu(language_menu(window))  # type: ignore[arg-type] - the window is a QWidget

    tools_menu = bar.addMenu(translate("Menus", "&Tools"))
    tools_menu.addAction(a[ActionId.CHECK_FILE])
    help_menu = bar.addMenu(translate("Menus", "&Help"))
    help_menu.addAction(a[ActionId.ABOUT])
    _connect_actions(window, made)
    return made


def _connect_actions(window: Window, made: Menus) -> None:
    a, document, tree_pane = window.actions, window.document, window.tree_pane
    handlers = {
        ActionId.NEW_FILE: lambda: new_file(window),
        ActionId.OPEN_FILE: lambda: open_file(window),
        ActionId.SAVE_COPY: lambda: save_copy(window),
        ActionId.IMPORT_JSON: lambda: json_io.import_plan_json(document, window),
        ActionId.EXPORT_JSON: lambda: json_io.export_plan_json(document, window),
        ActionId.QUIT: window.close,
        ActionId.UNDO: window.undo,
        ActionId.REDO: window.redo,
        ActionId.FIND: tree_pane.filter_bar.focus_text,
        ActionId.ADD_AREA: lambda: tree_editing.add_area(document, window),
        ActionId.ADD_TASK: lambda: tree_editing.add_task(document, window),
        ActionId.ADD_SUBTASK: lambda: tree_editing.add_task(document, window, as_subtask=True),
        ActionId.RENAME: lambda: tree_editing.start_rename(document, window),
        ActionId.DELETE: lambda: tree_editing.delete_selected(document, window),
        ActionId.MOVE_UP: lambda: tree_editing.move_selected(document, window, -1),
        ActionId.MOVE_DOWN: lambda: tree_editing.move_selected(document, window, +1),
        ActionId.AS_OF_TODAY: lambda: document.set_as_of(date.today()),
        ActionId.AS_OF_MONTH_END: lambda: document.set_as_of(last_month_end_in_year(document.outline.year)),
        ActionId.AS_OF_QUARTER_END: lambda: document.set_as_of(last_quarter_end_in_year(document.outline.year)),
        ActionId.EXPAND_ALL: tree_pane.tree.expandAll,
        ActionId.COLLAPSE_ALL: tree_pane.tree.collapseAll,
        ActionId.ABOUT: lambda: _about(window, made),
    }
    for action_id, handler in handlers.items():
        a[action_id].triggered.connect(handler)
    a[ActionId.SHOW_CHART].toggled.connect(window.show_chart)
    for action_id in DIALOG_ACTIONS:
        a[action_id].triggered.connect(lambda _=False, action_id=action_id: dialog_entry(action_id)(window.document, window))
    document.undo_stack.undoTextChanged.connect(lambda _t: update_actions(window))


def _about(window: Window, made: Menus) -> None:
    from planner_gui.ui.dialogs.about import show_about

    made.about_box = show_about(window)  # type: ignore[arg-type] - the window is a QWidget


def update_actions(window: Window) -> None:
    """Enable what makes sense for the selection, the undo stack and read-only files."""
    document = window.document
    if not shiboken6.isValid(document.undo_stack):
        return  # the window is being destroyed
    a = window.actions
    node = window.tree_pane.current_node()
    writable = not document.read_only
    stack = document.undo_stack
    a[ActionId.UNDO].setEnabled(writable and stack.canUndo())
    a[ActionId.REDO].setEnabled(writable and stack.canRedo())
    for action_id, able, step_text, with_text, alone, tip in (
            (ActionId.UNDO, stack.canUndo(), stack.undoText(), translate("Menus", "&Undo %s"), translate("Menus", "&Undo"), translate("Menus", "Undo %s")),
            (ActionId.REDO, stack.canRedo(), stack.redoText(), translate("Menus", "&Redo %s"), translate("Menus", "&Redo"), translate("Menus", "Redo %s"))):
        # The menu names the step; the toolbar button keeps its fixed text (iconText)
        # and names the step in its tooltip (plain text: titles are user text).
        action = a[action_id]
        action.setText(with_text % menu_safe(step_text) if able else alone)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        words = tip % step_text if able else button_text(alone)
        action.setToolTip(plain_tip(f"{words} ({keys})" if keys else words))
    for action_id in EDITING:
        a[action_id].setEnabled(writable)
    has_item = node is not None
    for action_id in (ActionId.RENAME, ActionId.DELETE, ActionId.MOVE_UP, ActionId.MOVE_DOWN):
        a[action_id].setEnabled(writable and has_item)
    a[ActionId.ADD_TASK].setEnabled(writable and bool(document.outline.areas))
    a[ActionId.ADD_SUBTASK].setEnabled(writable and node is not None and node.kind == "task")


def context_menu(window: Window) -> QMenu:
    menu = QMenu(window)  # type: ignore[call-overload] - the window is a QWidget
    a = window.actions
    for action_id in (ActionId.ADD_AREA, ActionId.ADD_TASK, ActionId.ADD_SUBTASK, None, ActionId.RENAME,
                      ActionId.DELETE, None, ActionId.MOVE_UP, ActionId.MOVE_DOWN, None,
                      ActionId.EXPAND_ALL, ActionId.COLLAPSE_ALL):
        menu.addSeparator() if action_id is None else menu.addAction(a[action_id])
    return menu


# --- file actions -----------------------------------------------------------


def _start_folder(window: Window) -> str:
    return str(window.settings.work_folder())


def open_file(window: Window) -> None:
    chosen, _ = QFileDialog.getOpenFileName(window, translate("Menus", "Open Plan File"), _start_folder(window), translate("Menus", PLAN_FILTER))
    if chosen:
        window.settings.remember_folder(chosen)
        window.open_file(chosen)


def fill_recent_menu(window: Window, menu: QMenu) -> None:
    menu.clear()
    files = window.settings.recent_files()
    for number, path in enumerate(files, start=1):
        label = f"{Path(path).name}  ({Path(path).parent})".replace("&", "&&")  # a name is not a mnemonic
        action = QAction(f"&{number} {label}", menu)
        action.triggered.connect(lambda _=False, p=path: window.open_file(p))
        action.setEnabled(Path(path).exists())
        menu.addAction(action)
    if not files:
        menu.addAction(translate("Menus", "No recent files")).setEnabled(False)
    else:
        menu.addSeparator()
        menu.addAction(translate("Menus", "Clear List"), window.settings.clear_recent_files)


def new_file(window: Window) -> None:
    chosen, _ = QFileDialog.getSaveFileName(window, translate("Menus", "New Plan File"), _start_folder(window), translate("Menus", PLAN_FILTER))
    if not chosen:
        return
    window.settings.remember_folder(chosen)
    path = Path(chosen)
    if path.suffix == "":
        path = path.with_suffix(".sqlite")
    box = QMessageBox(
        QMessageBox.Icon.Question, translate("Menus", "New Plan File"),
        translate("Menus", "Start the new file with the bundled example plan (丰台区2024年度重点工作任务)?\n\n"
            "Choose No for an empty plan of this year."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.setTextFormat(Qt.TextFormat.PlainText)
    answer = box.exec()
    from planner_gui.services.plan_files import init_file

    try:
        # An existing file is never replaced (it may be a plan): init_file refuses it.
        init_file(path, empty=answer != QMessageBox.StandardButton.Yes).close()
    except (PlannerError, OSError, sqlite3.Error) as exc:
        window.show_error(translate("Menus", "Cannot create file"), f"{path}\n\n{exc}")
        return
    window.open_file(path)


def save_copy(window: Window) -> None:
    from planner_gui.services import backups

    store = window.document.store
    name = store.path.stem + "-copy" + store.path.suffix
    suggested = str(window.settings.work_folder() / name)
    chosen, _ = QFileDialog.getSaveFileName(window, translate("Menus", "Save a Copy As"), suggested, translate("Menus", PLAN_FILTER))
    if not chosen:
        return
    window.settings.remember_folder(chosen)
    target = Path(chosen)
    try:
        backups.back_up(store, target)  # replaces the target only once the copy is whole
    except backups.PlanFileAsCopyError:
        window.show_error(translate("Menus", "Cannot copy"), translate("Menus", "Choose another file name than the open file."))
        return
    except (OSError, sqlite3.Error, PlannerError) as exc:
        window.show_error(translate("Menus", "Cannot copy"), f"{target}\n\n{exc}")
        return
    window.statusBar().showMessage(translate("Menus", "Saved a copy as %s") % target, 5000)

