"""All window actions, keyed by an enum, with their text and standard shortcuts.

One table says what every action is called and which key runs it, so menus,
toolbar and context menu share the same QAction (and the same enabled state),
and the shortcuts follow each platform's conventions through QKeySequence's
standard keys where one exists.
"""

from __future__ import annotations

import re
from enum import Enum, auto

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle

from planner_gui.ui.palette import icon_for_palette


class ActionId(Enum):
    NEW_FILE = auto()
    NEW_FROM_LEDGER = auto()
    OPEN_FILE = auto()
    SAVE_COPY = auto()
    IMPORT_JSON = auto()
    IMPORT_LEDGER = auto()
    IMPORT_TEXT = auto()
    EXPORT_JSON = auto()
    EXPORT_SUMMARY = auto()
    EXPORT_LEDGER = auto()
    EXPORT_FORMS = auto()
    SYNC_EXPORT = auto()
    SYNC_IMPORT = auto()
    SYNC_HISTORY = auto()
    CONNECT_OFFICE = auto()
    BACK_UP_NOW = auto()
    RESTORE_BACKUP = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    FIND = auto()
    ADD_AREA = auto()
    ADD_TASK = auto()
    ADD_SUBTASK = auto()
    RENAME = auto()
    DELETE = auto()
    MOVE_UP = auto()
    MOVE_DOWN = auto()
    AS_OF_TODAY = auto()
    AS_OF_MONTH_END = auto()
    AS_OF_QUARTER_END = auto()
    EXPAND_ALL = auto()
    COLLAPSE_ALL = auto()
    SHOW_CHART = auto()
    SHOW_TIMELINE = auto()
    SHOW_DUE_SOON = auto()
    CHECK_FILE = auto()
    ABOUT = auto()
    PLAN_SETTINGS = auto()


_S = QKeySequence.StandardKey
_P = QStyle.StandardPixmap
_CONTEXT = "Actions"

# id: (text, status tip, shortcut (standard key or text), icon, checkable)
_SPECS: dict[ActionId, tuple[str, str, object, object, bool]] = {
    ActionId.NEW_FILE: (QT_TRANSLATE_NOOP("Actions", "&New Plan File…"),
                        QT_TRANSLATE_NOOP("Actions", "Create a new plan file"), _S.New, _P.SP_FileIcon, False),
    ActionId.NEW_FROM_LEDGER: (QT_TRANSLATE_NOOP("Actions", "New from &Ledger…"),
                               QT_TRANSLATE_NOOP("Actions", "Start a new plan file from a ledger spreadsheet"),
                               None, None, False),
    ActionId.OPEN_FILE: (QT_TRANSLATE_NOOP("Actions", "&Open…"),
                         QT_TRANSLATE_NOOP("Actions", "Open a plan file"), _S.Open, _P.SP_DialogOpenButton, False),
    ActionId.SAVE_COPY: (QT_TRANSLATE_NOOP("Actions", "Save a &Copy As…"),
                         QT_TRANSLATE_NOOP("Actions", "Write a copy of the plan file elsewhere"), _S.SaveAs, None, False),
    ActionId.IMPORT_JSON: (QT_TRANSLATE_NOOP("Actions", "Plan &JSON…"),
                           QT_TRANSLATE_NOOP("Actions", "Replace the plan with one from a planner-gui JSON file"), None, None, False),
    ActionId.IMPORT_LEDGER: (QT_TRANSLATE_NOOP("Actions", "&Ledger (Excel/CSV)…"),
                             QT_TRANSLATE_NOOP("Actions", "Read progress from a ledger spreadsheet"), None, None, False),
    ActionId.IMPORT_TEXT: (QT_TRANSLATE_NOOP("Actions", "From &Document Text…"),
                           QT_TRANSLATE_NOOP("Actions", "Make tasks from the text of a document"), None, None, False),
    ActionId.EXPORT_JSON: (QT_TRANSLATE_NOOP("Actions", "Plan &JSON…"),
                           QT_TRANSLATE_NOOP("Actions", "Write the whole plan as planner-gui JSON"), None, None, False),
    ActionId.EXPORT_SUMMARY: (QT_TRANSLATE_NOOP("Actions", "&Summary…"),
                              QT_TRANSLATE_NOOP("Actions", "Print the summary for the leaders"), "Ctrl+E", None, False),
    ActionId.EXPORT_LEDGER: (QT_TRANSLATE_NOOP("Actions", "&Ledger…"),
                             QT_TRANSLATE_NOOP("Actions", "Write the ledger spreadsheet"), None, None, False),
    ActionId.EXPORT_FORMS: (QT_TRANSLATE_NOOP("Actions", "&Report Forms…"),
                            QT_TRANSLATE_NOOP("Actions", "Write a report form per department"), None, None, False),
    ActionId.SYNC_EXPORT: (QT_TRANSLATE_NOOP("Actions", "&Export Changes…"),
                           QT_TRANSLATE_NOOP("Actions", "Write the changes another copy of the plan lacks into a packet"), None, None, False),
    ActionId.SYNC_IMPORT: (QT_TRANSLATE_NOOP("Actions", "&Import Changes…"),
                           QT_TRANSLATE_NOOP("Actions", "Apply a packet from another copy of the plan, after a preview"), None, None, False),
    ActionId.SYNC_HISTORY: (QT_TRANSLATE_NOOP("Actions", "&History of Both-Sides Changes…"),
                            QT_TRANSLATE_NOOP("Actions", "Values replaced when two copies changed the same field"), None, None, False),
    ActionId.CONNECT_OFFICE: (QT_TRANSLATE_NOOP("Actions", "Connect to O&ffice…"),
                              QT_TRANSLATE_NOOP("Actions", "Share changes live with the office's server (choose again to disconnect)"), None, None, False),
    ActionId.BACK_UP_NOW: (QT_TRANSLATE_NOOP("Actions", "&Back Up Now"),
                           QT_TRANSLATE_NOOP("Actions", "Keep a dated backup of the plan file"), None, None, False),
    ActionId.RESTORE_BACKUP: (QT_TRANSLATE_NOOP("Actions", "Res&tore from Backup…"),
                              QT_TRANSLATE_NOOP("Actions", "Go back to a backup of the plan file"), None, None, False),
    ActionId.QUIT: (QT_TRANSLATE_NOOP("Actions", "&Quit"),
                    QT_TRANSLATE_NOOP("Actions", "Close the window"), "Ctrl+Q", None, False),
    ActionId.UNDO: (QT_TRANSLATE_NOOP("Actions", "&Undo"), "", "Ctrl+Z", _P.SP_ArrowBack, False),
    ActionId.REDO: (QT_TRANSLATE_NOOP("Actions", "&Redo"), "", "Ctrl+Shift+Z", _P.SP_ArrowForward, False),
    ActionId.FIND: (QT_TRANSLATE_NOOP("Actions", "&Find"),
                    QT_TRANSLATE_NOOP("Actions", "Type to filter the tasks"), _S.Find, None, False),
    ActionId.ADD_AREA: (QT_TRANSLATE_NOOP("Actions", "Add &Area"),
                        QT_TRANSLATE_NOOP("Actions", "Add an area (方面) to the plan"), "Ctrl+Shift+A", None, False),
    ActionId.ADD_TASK: (QT_TRANSLATE_NOOP("Actions", "Add &Task"),
                        QT_TRANSLATE_NOOP("Actions", "Add a task to the selected area"), "Ctrl+T", None, False),
    ActionId.ADD_SUBTASK: (QT_TRANSLATE_NOOP("Actions", "Add &Sub-task"),
                           QT_TRANSLATE_NOOP("Actions", "Add a sub-task to the selected task"), "Ctrl+Shift+T", None, False),
    ActionId.RENAME: (QT_TRANSLATE_NOOP("Actions", "Re&name"),
                      QT_TRANSLATE_NOOP("Actions", "Edit the title of the selected item"), "F2", None, False),
    ActionId.DELETE: (QT_TRANSLATE_NOOP("Actions", "&Delete…"),
                      QT_TRANSLATE_NOOP("Actions", "Delete the selected item"), _S.Delete, _P.SP_TrashIcon, False),
    ActionId.MOVE_UP: (QT_TRANSLATE_NOOP("Actions", "Move U&p"),
                       QT_TRANSLATE_NOOP("Actions", "Move the selected item up"), "Ctrl+Shift+Up", _P.SP_ArrowUp, False),
    ActionId.MOVE_DOWN: (QT_TRANSLATE_NOOP("Actions", "Move Do&wn"),
                         QT_TRANSLATE_NOOP("Actions", "Move the selected item down"), "Ctrl+Shift+Down", _P.SP_ArrowDown, False),
    ActionId.AS_OF_TODAY: (QT_TRANSLATE_NOOP("Actions", "As of &Today"), "", "Ctrl+0", None, False),
    ActionId.AS_OF_MONTH_END: (QT_TRANSLATE_NOOP("Actions", "As of End of Last &Month"), "", None, None, False),
    ActionId.AS_OF_QUARTER_END: (QT_TRANSLATE_NOOP("Actions", "As of End of Last &Quarter"), "", None, None, False),
    ActionId.EXPAND_ALL: (QT_TRANSLATE_NOOP("Actions", "&Expand All"), "", "Ctrl+Shift+E", None, False),
    ActionId.COLLAPSE_ALL: (QT_TRANSLATE_NOOP("Actions", "&Collapse All"), "", "Ctrl+Shift+C", None, False),
    ActionId.SHOW_CHART: (QT_TRANSLATE_NOOP("Actions", "Show C&hart"), "", "Ctrl+Shift+H", None, True),
    ActionId.SHOW_TIMELINE: (QT_TRANSLATE_NOOP("Actions", "T&imeline"),
                             QT_TRANSLATE_NOOP("Actions", "Every task's span, milestones and light across the year"),
                             "Ctrl+Shift+L", None, False),
    ActionId.SHOW_DUE_SOON: (QT_TRANSLATE_NOOP("Actions", "&Due Soon"),
                             QT_TRANSLATE_NOOP("Actions", "Milestones and deadlines due soon or missed, by unit"),
                             None, None, True),
    ActionId.CHECK_FILE: (QT_TRANSLATE_NOOP("Actions", "&Check File…"),
                          QT_TRANSLATE_NOOP("Actions", "Check the plan file's integrity"), None, None, False),
    ActionId.ABOUT: (QT_TRANSLATE_NOOP("Actions", "&About planner-gui"), "", None, None, False),
    ActionId.PLAN_SETTINGS: (QT_TRANSLATE_NOOP("Actions", "&Settings…"),
                             QT_TRANSLATE_NOOP("Actions", "The plan's year, status rules and reporting cycle"),
                             "Ctrl+,", None, False),
}


_ACCELERATOR = re.compile(r"\(&[^)]\)|&(?!&)")


def button_text(text: str) -> str:
    """A menu text as a toolbar button shows it: without the accelerator (a
    button has none; Chinese texts kept "添加任务(T)") and without "…"."""
    return _ACCELERATOR.sub("", text).replace("&&", "&").rstrip("…").strip()


def menu_safe(text: str, limit: int = 40) -> str:
    """User text (a task's title) inside a menu item: "&" shown as written, long titles cut."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("&", "&&")


class ActionRegistry(QObject):
    """Creates each action once; ``registry[ActionId.X]`` returns it."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[ActionId, QAction] = {}
        style = QApplication.style()
        for action_id, (text, tip, shortcut, icon, checkable) in _SPECS.items():
            action = QAction(QCoreApplication.translate(_CONTEXT, text), parent)
            action.setObjectName(f"action_{action_id.name.lower()}")
            if tip:
                action.setStatusTip(QCoreApplication.translate(_CONTEXT, tip))
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            elif shortcut:
                action.setShortcut(QKeySequence(str(shortcut)))
            if icon is not None and style is not None:
                # Black style glyphs redrawn light on a dark palette (ui/palette.py).
                action.setIcon(icon_for_palette(style.standardIcon(icon)))
            else:
                action.setIcon(QIcon())
            action.setCheckable(checkable)
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def items(self):
        return self._actions.items()
