"""The main window: plan tree (with filter bar) | detail editor | chart.

There is no Save button and no unsaved state: every edit is an undo command
that writes the file before it returns (ui/commands.py). The window keeps
no plan of its own: ``PlanDocument`` (ui/document.py) owns the store, the
in-memory ``Plan``, its figures, the as-of date, the read-only state and the
undo stack. The window composes the widgets and follows the document's
``changed`` signal: changed rows are repainted, the tree is rebuilt only when
its structure changed.

Opening a big plan is done in two steps so the window appears at once: the
outline (areas, tasks, indicators, milestones) is read and shown, then the
progress updates are read in slices from the event loop (ui/plan_loading.py)
and the lights, the editor's figures and the chart follow. The document's
``plan`` and ``figures`` always give the whole plan: asking for them finishes
the reading first. The chart (pyqtgraph) is built after the first paint (ui/chart_slot.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QUndoCommand
from PySide6.QtWidgets import (
    QDateEdit,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QWidget,
)

from planner_gui.domain.errors import PlannerError
from planner_gui.domain.model import Plan, Task
from planner_gui.store import PlanStore
from planner_gui.store.loading import no_cycle_collection
from planner_gui.ui import menus, timeline, tree_editing
from planner_gui.ui.actions import ActionId, ActionRegistry, button_text
from planner_gui.ui.chart_slot import ChartSlot
from planner_gui.ui.commands import ReplaceContentCommand
from planner_gui.ui.document import (
    AREAS,
    CONTENT,
    ITEM,
    RESET,
    PlanChange,
    PlanDocument,
    Selection,
    error_message,
)
from planner_gui.ui.editor.detail_panel import DetailPanel
from planner_gui.ui.i18n import document_language
from planner_gui.ui.plan_tree import Column, Node
from planner_gui.ui.settings import AppSettings, Keys, RemembersLayout
from planner_gui.ui.status_bar import PlanStatusBar
from planner_gui.ui.tree_pane import TreePane

if TYPE_CHECKING:
    from planner_gui.ui.dialogs.connect_office import LiveSession
    from planner_gui.ui.dialogs.plan_settings import PlanSettingsDialog
    from planner_gui.ui.file_guard import FileGuard

# Room a window manager's frame and title bar take around the window.
FRAME_MARGIN = QSize(24, 64)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class MainWindow(RemembersLayout, QMainWindow):
    plan_ready = Signal()  # the plan's updates are all read and its figures shown
    first_painted = Signal()  # the plan tree has been painted once (benchmarks time start-up to it)
    file_opened = Signal()  # the window shows another file (a live connection ends with its own)

    def __init__(self, store: PlanStore, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or AppSettings()
        self.file_guard: FileGuard | None = None  # ui/file_guard: locks, read-only offer, dialogs
        # kept by the dialogs that set them: the open Plan Settings dialog, the office connection
        self.plan_settings_dialog: PlanSettingsDialog | None = None
        self.live_session: LiveSession | None = None
        # the store, plan, figures, as-of date, read-only state and undo stack
        self.document = PlanDocument(store, self.settings.as_of_for(store.path), self)
        self.language = document_language()
        self.actions = ActionRegistry(self)
        self._painted = False
        self._shown_key: tuple[str, str] | None | bool = False  # False: nothing shown yet

        self.tree_pane = TreePane(self.language)
        # the parts others (dialogs, tests, benchmarks) reach for
        self.model, self.tree, self.filter_bar = self.tree_pane.model, self.tree_pane.tree, self.tree_pane.filter_bar
        self.detail = self._make_detail_panel()
        self.chart_slot = ChartSlot()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.tree_pane, self.detail, self.chart_slot):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 2)
        self.setCentralWidget(self.splitter)

        self.as_of_edit = QDateEdit(_qdate(self.document.as_of))  # a view of document.as_of
        self.as_of_edit.setObjectName("asOfDate")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of_edit.setToolTip(self.tr("Lights, progress and the chart are shown as of this date"))
        self.setStatusBar(PlanStatusBar(self, self.language))
        self._build_toolbar()
        self.menus = menus.build_menus(self)  # the Open Recent menu and the About box shown
        self._connect()
        self.timeline, self.due_soon = timeline.attach(self)  # a tab of the chart pane, and the Due Soon dock
        self._set_tab_order()
        self._mark_as_of()
        self._show_outline(first=True)
        if not self.restore_layout(self.settings, self.splitter, self.tree.header()):
            self._first_size()
        show_chart = bool(self.settings.value(Keys.SHOW_CHART))
        self.chart_slot.setVisible(show_chart)
        self.chart_slot.built.connect(lambda: self._show_current(data_changed=True))
        self.actions[ActionId.SHOW_CHART].setChecked(show_chart)
        self._update_title()
        self._show_current()
        self.tree.setFocus()
        self.tree.viewport().installEventFilter(self)  # the first paint: chart, then the updates

    def _first_size(self) -> None:
        """The first window: 1400×860 where the screen has room, else the screen's
        free area less a margin for the frame (1366×768 is a common office
        screen), centred; tree, editor and chart share it 720:400:280."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else QRect(0, 0, 1400, 860)
        width = min(1400, free.width() - FRAME_MARGIN.width())
        height = min(860, free.height() - FRAME_MARGIN.height())
        self.resize(width, height)
        self.move(free.center() - QPoint(width // 2, height // 2))
        self.splitter.setSizes([width * 720 // 1400, width * 400 // 1400, width * 280 // 1400])

    # --- the plan, read in two steps ------------------------------------------

    def _show_outline(self, first: bool = False, keep: str | None = None) -> None:
        """Show the plan just read without its updates: with its lights when the
        updates are read quickly (a district's plan), else with "reading…" while
        the rest is read from the event loop."""
        document = self.document
        if document.read_updates():
            self.tree_pane.rebuild(document.outline, document.figures, first=first, keep=keep)
            return
        self.tree_pane.rebuild(document.outline, None, first=first, keep=keep)
        if self._painted:
            document.start_reading()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self._painted and event.type() == QEvent.Type.Paint and watched is self.tree.viewport():
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        self.tree.viewport().removeEventFilter(self)
        self.first_painted.emit()  # before the chart is built: the paint is what was waited for
        if not self.chart_slot.isHidden():
            self.chart_slot.panel()
        self.document.start_reading()

    def _stop_reading(self) -> None:
        """Drop the reading of a plan that is being replaced by another read of the file."""
        if self.document.reading:
            self.document.stop_reading()
            self.statusBar().clearMessage()

    def _on_reading_progress(self, done: int, total: int) -> None:
        percent = 100 * done // max(1, total)
        self.statusBar().showMessage(self.tr("Reading progress reports… %d%%") % percent)

    def _on_updates_read(self) -> None:
        self.statusBar().clearMessage()
        document = self.document
        self.model.update_figures(document.plan, document.figures)
        if self.filter_bar.criteria().active:
            self.apply_filter()
        else:
            self._update_counts()
        self._show_current(force=True)
        self.plan_ready.emit()

    def _on_reading_failed(self, reason: str) -> None:
        """Some updates cannot be read (a damaged file): show the plan with what
        was read and say so, once the window is built (the document has shown
        what was read first). Nothing is written; a change the damage prevents
        is refused like any failed write."""
        self.statusBar().showMessage(self.tr("Some progress reports could not be read: the file is damaged"))
        text = self.tr("%s\n\nThe file has not been changed. The lights and figures shown leave out the "
                       "progress reports that could not be read. File > Check File… tells what is damaged; "
                       "File > Restore from Backup… goes back to a backup.") % reason
        QTimer.singleShot(0, self, lambda: self.show_error(self.tr("Damaged plan file"), text))

    # --- parts ------------------------------------------------------------

    def _make_detail_panel(self) -> DetailPanel:
        panel = DetailPanel(self.document, self)
        panel.set_task_source(self._held_task)
        return panel

    @property
    def chart(self) -> QWidget:
        """The chart panel (built now if the window has not been painted yet)."""
        return self.chart_slot.panel()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Del and F2 act on the tree only: in the editor's tables and fields they
        # keep their usual meaning instead of deleting or renaming the task.
        for action_id in (ActionId.DELETE, ActionId.RENAME):
            self.actions[action_id].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tree.addAction(self.actions[action_id])
        label = QLabel(self.tr("&As of:"))
        label.setBuddy(self.as_of_edit)
        bar.addWidget(label)
        bar.addWidget(self.as_of_edit)
        bar.addSeparator()
        for action_id in (ActionId.UNDO, ActionId.REDO, None, ActionId.ADD_AREA, ActionId.ADD_TASK,
                          ActionId.ADD_SUBTASK, ActionId.DELETE, ActionId.MOVE_UP, ActionId.MOVE_DOWN):
            if action_id is None:
                bar.addSeparator()
            else:
                action = self.actions[action_id]
                # The button's own text, fixed: the Undo text ("Undo Delete task …")
                # is in the Edit menu and the tooltip, so the buttons never shift.
                action.setIconText(button_text(action.text()))
                bar.addAction(action)
        self.addToolBar(bar)

    def _set_tab_order(self) -> None:
        """Left to right, top to bottom: as-of date, filter, tree, editor, chart."""
        bar = self.filter_bar
        chain = [self.as_of_edit, bar.text, bar.overdue, bar.status, bar.leader, bar.unit, bar.area,
                 self.tree, self.detail, self.chart_slot]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        document = self.document
        document.area_hint = self._area_of
        document.changed.connect(self._on_changed)
        document.as_of_changed.connect(self._on_as_of_changed)
        document.read_only_changed.connect(self._show_read_only)
        document.reading_progress.connect(self._on_reading_progress)
        document.reading_finished.connect(self._on_updates_read)
        document.reading_failed.connect(self._on_reading_failed)
        self.tree_pane.filtered.connect(self._update_counts)
        self.tree_pane.filtered.connect(self._update_actions)
        self.tree_pane.current_changed.connect(self._show_current)
        self.as_of_edit.dateChanged.connect(lambda day: self.document.set_as_of(day.toPython()))
        self.tree.context_menu_requested.connect(self._show_context_menu)
        # Queued: the edit is applied after the view has closed its editor, so
        # a tree rebuild (filter active) cannot pull the row from under it.
        self.model.rename_requested.connect(self._on_rename_requested, Qt.ConnectionType.QueuedConnection)
        self.model.move_requested.connect(self._on_move_requested, Qt.ConnectionType.QueuedConnection)
        self.document.undo_stack.cleanChanged.connect(lambda _clean: self._update_actions())
        self.document.undo_stack.indexChanged.connect(self._on_stack_moved)

    # --- the contract -------------------------------------------------------

    def _mark_as_of(self) -> None:
        status_bar: PlanStatusBar = self.statusBar()  # type: ignore[assignment]
        status_bar.show_as_of(self.document.as_of, self.document.outline.year)

    def visible_task_ids(self) -> list[str]:
        return self.tree_pane.visible_task_ids()

    def _current_node(self) -> Node | None:
        return self.tree_pane.current_node()

    def selected_task_id(self) -> str | None:
        node = self._current_node()
        return node.id if node is not None and node.kind == "task" else None

    def selected_area_id(self) -> str | None:
        node = self._current_node()
        return node.area_id if node is not None else None

    def select_item(self, item_id: str) -> bool:
        return self.tree_pane.select_item(item_id)

    def apply_filter(self) -> None:
        self.tree_pane.apply_filter()

    def reload_plan(self, new_file: bool = False, keep_undo: bool = False) -> None:
        """Re-read everything after a file-level change (import, restore, another
        process); ``new_file`` when another file was opened (areas start expanded);
        ``keep_undo`` when an undo step itself put the content back (an import
        undone or redone), so that the history before it still applies."""
        document = self.document
        if not keep_undo:
            document.undo_stack.clear()
        keep = self._release_plan()
        document.reload()
        if new_file:
            # another file opens as of its own date, unannounced: the figures follow below
            from planner_gui.domain.dates import default_as_of

            document.set_as_of(self.settings.as_of_for(document.store.path) or default_as_of(document.outline.year),
                               announce=False)
            self._show_as_of()
        if hasattr(self.detail, "reset"):
            self.detail.reset()
        self._mark_as_of()
        self._show_outline(first=new_file, keep=keep)
        self._update_title()
        self._show_current(force=True)

    def _release_plan(self) -> str | None:
        """Let go of the shown plan before the next one is read: the tree's nodes,
        the chart's work and the window's plan and figures all refer to it, and
        keeping them made a re-open hold two plans at once (632 MB at 10,000
        tasks). The tree model cuts its rows' links as it drops them, so the old
        plan is freed here without a full garbage collection (30 ms on the
        bundled plan, 0.3 s at 10,000 tasks; tests/test_ui_main_window.py checks
        nothing of it is left for the collector). Returns the id of the selected
        item, to select it again."""
        current = self.tree_pane.current_node()
        keep = current.id if current is not None else None
        self._stop_reading()
        self.model.clear()
        if self.chart_slot.is_built and hasattr(self.chart, "clear"):
            self.chart.clear()
        self.document.release()
        return keep

    def open_file(self, path: Path | str) -> bool:
        path = Path(path)
        guard = self.file_guard
        if guard is not None:
            store = guard.open_store(path)
            if store is None:
                return False
        else:
            try:
                store = PlanStore.open(path, daily_backup=True)
            except (PlannerError, sqlite3.Error, OSError) as exc:
                from planner_gui.ui.file_guard import reason_of

                self.show_error(self.tr("Cannot open file"), self.tr("%s\n\n%s") % (path, reason_of(exc)))
                return False
        old, self.document.store = self.document.store, store
        old.close()
        self.reload_plan(new_file=True)
        self.set_read_only(bool(getattr(store, "read_only", False)))
        self.settings.add_recent_file(path)
        self.file_opened.emit()
        return True

    def use_file_guard(self, guard: FileGuard | None) -> None:
        """Open files through ``guard`` (ui/file_guard.install), or without one."""
        self.file_guard = guard

    def show_error(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def set_read_only(self, read_only: bool) -> None:
        self.document.set_read_only(read_only)
        self._show_read_only(read_only)

    def _show_read_only(self, read_only: bool) -> None:
        self.model.editable = not read_only
        self.tree.set_editable(not read_only)
        if hasattr(self.detail, "set_read_only"):
            self.detail.set_read_only(read_only)
        self._update_actions()
        self._update_title()

    # --- running commands ---------------------------------------------------

    def push(self, make_command: Callable[[], QUndoCommand]) -> bool:
        """Build and push an undo command through the document; a refused value or
        a file error is shown in a message box (a read-only file refuses quietly:
        its editing actions are off)."""
        if self.document.read_only:
            return False
        refusal = self.document.push(make_command)
        if refusal is not None:
            self.show_error(self.tr("Not changed"), refusal.message)
            return False
        return True

    def push_import(self, before: PlanStore, text: str) -> None:
        """Make an import that has just been written one undo step (``before``:
        the in-memory copy of the file taken just before it), and show its result."""
        if self.push(lambda: ReplaceContentCommand(self.document.store, self.document.report, before, text)):
            self._on_content_replaced()
        else:
            self.reload_plan()

    def _on_content_replaced(self) -> None:
        self.reload_plan(keep_undo=True)

    def undo(self) -> None:
        self._step(undoing=True)

    def redo(self) -> None:
        self._step(undoing=False)

    def _step(self, undoing: bool) -> None:
        stack = self.document.undo_stack
        command = stack.command(stack.index() - 1 if undoing else stack.index())
        show = tree_editing.item_after_step(command, undone=undoing)
        current = self._current_node()
        current_id = current.id if current is not None else None
        neighbour = self.tree_pane.neighbour_id(current) if current is not None else None
        error = self.document.step(undoing)
        if error is not None:
            self.show_error(self.tr("Cannot undo or redo"), error_message(error))
            # the stack moved but the file did not: start again from the file
            self.reload_plan()
            return
        # Keep the user's place: the item the step brought back or moved, else,
        # when the step removed the selected row, the row next to it.
        if not (show and self.select_item(show)) and current_id not in self.model.by_id and neighbour:
            self.select_item(neighbour)

    # --- reacting to changes ---------------------------------------------------

    def _on_changed(self, change: PlanChange) -> None:
        """Show one change the document has taken in."""
        if change.kind in (RESET, CONTENT):
            self.reload_plan(keep_undo=change.kind == CONTENT)
            return
        document = self.document
        if change.kind == ITEM:
            if change.table == "plan":
                self._update_title()
            only = set(change.figure_ids) if change.figure_ids is not None else None
            self._show_figures(self.model.update_figures(document.plan, document.figures, only=only))
            return
        if change.kind == AREAS:
            self.tree_pane.replace_areas(document.plan, document.figures, set(change.ids))
        else:
            # the new rows make no garbage cycles (the tree cuts its old nodes' links)
            with no_cycle_collection():
                self.tree_pane.rebuild(document.plan, document.figures)
        self._show_current(force=True)

    def _show_figures(self, lights_changed: bool) -> None:
        if self.filter_bar.criteria().active:
            self.apply_filter()
        elif lights_changed:
            # the counts walk every shown row (10 ms at 10,000 tasks): only when a light moved
            self._update_counts()
        self._show_current(data_changed=True)

    def _area_of(self, task_id: str) -> str | None:
        """The area of a task as the tree shows it: where the plan is searched first."""
        node = self.model.by_id.get(task_id)
        return node.area_id if node is not None else None

    def _on_as_of_changed(self, day: date) -> None:
        self.settings.remember_as_of(self.document.store.path, day)
        self._show_as_of()
        if not self.document.reading:  # else the figures are worked out as of this date once read
            self._show_figures(self.model.update_figures(self.document.plan, self.document.figures))

    def _show_as_of(self) -> None:
        """The toolbar's date and the status bar follow document.as_of (the editor follows it itself)."""
        day = self.document.as_of
        if self.as_of_edit.date().toPython() != day:
            # the edit's signal comes back to the document as the date it already has
            # (nothing more); the timeline and the Due Soon list follow the document
            self.as_of_edit.setDate(_qdate(day))
        self._mark_as_of()

    def _on_stack_moved(self, _index: int) -> None:
        self._update_actions()
        if self.document.undo_stack.count():
            # there is no Save button: say where the change already is
            self.statusBar().showMessage(self.tr("Saved in %s") % self.document.store.path.name, 4000)

    def _show_context_menu(self, position) -> None:
        # popup(), not exec(): no nested event loop; kept so it is not collected while open
        self.context_menu = menus.context_menu(self)
        self.context_menu.popup(position)

    def _on_rename_requested(self, kind: str, item_id: str, text: str) -> None:
        tree_editing.rename(self.document, self, kind, item_id, text)

    def _on_move_requested(self, kind: str, item_id: str, area_id: str, parent_id: str, position: int) -> None:
        tree_editing.move(self.document, self, kind, item_id, area_id, parent_id or None, position)

    # --- panels -----------------------------------------------------------

    def _update_counts(self) -> None:
        if self.document.reading:
            return  # no lights yet: counted once the updates are read
        status_bar: PlanStatusBar = self.statusBar()  # type: ignore[assignment]
        status_bar.show_counts(self.model.shown_leaf_tasks(), self.filter_bar.criteria().active)

    def _show_current(self, data_changed: bool = False, force: bool = False) -> None:
        """Show the selected item (or the plan) in the editor and the chart.

        The editor follows the document's changes itself, so it is only told when
        the selection changes; the chart takes the plan object, so it is also
        redrawn when figures change."""
        node = self._current_node()
        self.document.select(Selection(node.kind, node.id, node.area_id) if node is not None else None)
        key = (node.kind, node.id) if node is not None else None
        as_of = self.document.as_of
        if self.document.reading:
            # While the updates are read only a task's editor can be shown (it
            # reads the task from the file); figures and the chart follow.
            if node is not None and node.kind == "task" and hasattr(self.detail, "show_task"):
                self.detail.show_task(node.id)
            elif hasattr(self.detail, "clear"):
                self.detail.clear()
            if self.chart_slot.is_built and hasattr(self.chart, "show_message"):
                self.chart.show_message(self.tr("Reading progress reports…"))
            self._shown_key = False  # shown again in full once read
            self._update_actions()
            return
        plan, figures = self.document.outline, self.document.figures  # read whole: not reading
        hidden = self.model.by_id.get(self.tree_pane.hidden_id or "") if node is None else None
        if hidden is not None:  # the filter hides the selected task
            key = ("hidden", hidden.id)
            calls = (("show_hidden", hidden.texts[Column.TITLE]), ("show_plan", plan, as_of, figures.plan.counts))
        elif node is None:
            calls = (("show_plan",), ("show_plan", plan, as_of, figures.plan.counts))
        elif node.kind == "area":
            area_figures = figures.areas.get(node.id)
            counts = area_figures.counts if area_figures is not None else {}
            calls = (("show_area", node.id), ("show_area", plan, node.id, as_of, counts))
        else:
            # the tree's row holds the plan's current task object: no search of 10,000
            known = self._held_task(node.id)
            task = known[0] if known is not None else None
            calls = (("show_task", node.id), ("show_task", plan, node.id, as_of, task))
        selection_changed = force or key != self._shown_key
        self._shown_key = key
        if selection_changed and hasattr(self.detail, calls[0][0]):
            getattr(self.detail, calls[0][0])(*calls[0][1:])
        chart_drawn = self.chart_slot.is_built and not self.chart_slot.isHidden()
        if (selection_changed or data_changed) and chart_drawn and hasattr(self.chart, calls[1][0]):
            getattr(self.chart, calls[1][0])(*calls[1][1:])
        self._update_actions()

    def _held_task(self, task_id: str) -> tuple[Task, Plan] | None:
        """The task as this window holds it (its tree row's task, kept equal to
        the file by every command), with the plan; None while the updates are
        still being read, or for an id the tree does not have."""
        if self.document.reading:
            return None
        node = self.model.by_id.get(task_id)
        task = node.source if node is not None else None
        return (task, self.document.outline) if isinstance(task, Task) and task.id == task_id else None

    def _update_actions(self) -> None:
        menus.update_actions(self)

    def _update_title(self) -> None:
        title = self.tr("%s — %s") % (self.document.outline.title, self.document.store.path.name)
        if self.document.read_only:
            title += " " + self.tr("(read-only)")
        self.setWindowTitle(title)

    def show_chart(self, shown: bool) -> None:
        self.chart_slot.setVisible(shown)
        self.settings.set_value(Keys.SHOW_CHART, shown)
        if shown and not self.chart_slot.is_built:
            if self._painted:  # else it is built after the first paint
                self.chart_slot.panel()  # drawn when built (its signal)
        elif shown:
            QTimer.singleShot(0, lambda: self._show_current(data_changed=True))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout(self.settings, self.splitter, self.tree.header())
        self.settings.sync()
        if self.file_guard is not None:
            self.file_guard.release()
        super().closeEvent(event)

