"""File > Import > From document text…: paste or open a plan document, check the
proposed areas, tasks, indicators and deadlines, correct them, then add them.

The reading and the adding are done by :mod:`planner_gui.services.import_text`
(the same steps as ``planner-cli import-text``); this dialog only shows the proposal as a tree with
check boxes, lets the user edit titles, deadlines and indicators inline and
move tasks between areas, marks every guess, and adds the result to the plan
as one undoable step.
"""

from __future__ import annotations

import copy
import html
import sqlite3
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner_gui.domain.dates import resolve_deadline
from planner_gui.domain.errors import PlannerError, ValidationError
from planner_gui.domain.model import COMPARATOR_WORDS, COMPARATORS, Area, Indicator, Plan, Task
from planner_gui.ui.changes import Change, OutlineChanged
from planner_gui.ui.commands import PlanCommand
from planner_gui.ui.dialogs.parent import DialogParent
from planner_gui.ui.document import PlanDocument
from planner_gui.ui.file_dialogs import choose_file_to_open
from planner_gui.ui.palette import text_colour_for

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from planner_gui.exchange.intake.parse import Proposal
    from planner_gui.services.import_text import AddResult

KIND, ITEM_ID = Qt.ItemDataRole.UserRole + 1, Qt.ItemDataRole.UserRole + 2
COL_ITEM, COL_DUE, COL_COMPARATOR, COL_TARGET, COL_UNIT, COL_UNIT_LEAD, COL_CHECK = range(7)
GUESS_COLOUR = QColor(255, 243, 205)
SURE_ENOUGH = 0.8
_WORD_COMPARATORS = {word: symbol for symbol, word in COMPARATOR_WORDS.items()}


def _plain_tooltip(text: str) -> str:
    """A tooltip that shows the text as it is: Qt would render markup in a plain string."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


class ImportTextCommand(PlanCommand):
    """The import as one step on the undo stack; undo takes out exactly what was added.

    The first addition is made before the command is pushed (so that a failure
    to write is reported and nothing lands on the stack); redo repeats it.
    """

    def __init__(self, document: PlanDocument, plan: Plan, result: AddResult) -> None:
        super().__init__(document.store, document.report, translate("TextImport", "Import from document text"))
        self.plan, self.result = plan, result
        self.first = True

    def apply(self) -> Change:
        from planner_gui.services.import_text import add_proposal

        if not self.first:
            self.result = add_proposal(self.store, copy.deepcopy(self.plan))
        self.first = False
        return OutlineChanged()

    def revert(self) -> Change:
        from planner_gui.services.import_text import remove_added

        remove_added(self.store, self.result)
        return OutlineChanged()


class TextImportDialog(QDialog):
    def __init__(self, document: PlanDocument, parent: DialogParent) -> None:
        super().__init__(parent)  # the window
        self.document, self.parent_ = document, parent
        self.proposal: Proposal | None = None
        self.tasks: dict[str, Task] = {}
        self.setWindowTitle(self.tr("Import from document text"))
        self.resize(1100, 760)

        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(self.tr("Paste the text of a plan document here, or open a .txt file."))
        open_button = QPushButton(self.tr("Open text file…"))
        open_button.clicked.connect(self.choose_file)
        self.year_box = QSpinBox()
        self.year_box.setRange(1999, 2200)
        self.year_box.setSpecialValueText(self.tr("from the text"))
        self.year_box.setValue(1999)
        self.year_box.setToolTip(self.tr("The plan's year; deadlines like 年底 are read in it"))
        read_button = QPushButton(self.tr("Read text"))
        read_button.clicked.connect(self.propose)
        top = QHBoxLayout()
        top.addWidget(open_button)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year_box)
        top.addWidget(read_button)
        source = QWidget()
        source_layout = QVBoxLayout(source)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addLayout(top)
        source_layout.addWidget(self.text_edit)

        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Area / task / indicator / milestone"), self.tr("Deadline"), self.tr("Comparator"),
            self.tr("Target"), self.tr("Unit"), self.tr("Lead unit"), self.tr("Check"),
        ])
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # tasks can be dragged onto another area; nothing else moves or accepts drops
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        root = self.model.invisibleRootItem()
        root.setFlags(root.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        self.model.rowsInserted.connect(lambda *_: self._update_summary() if self.proposal else None)
        self.tree.setColumnWidth(COL_ITEM, 420)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.area_choice = QComboBox()
        move_button = QPushButton(self.tr("Move selected tasks to"))
        move_button.clicked.connect(self.move_selected)
        new_area_button = QPushButton(self.tr("New area"))
        new_area_button.clicked.connect(self.add_empty_area)
        moves = QHBoxLayout()
        moves.addWidget(move_button)
        moves.addWidget(self.area_choice, 1)
        moves.addWidget(new_area_button)
        result = QWidget()
        result_layout = QVBoxLayout(result)
        result_layout.setContentsMargins(0, 0, 0, 0)
        legend = QLabel(self.tr("Highlighted rows are guesses: check them (hover for why). Untick what "
                                "should not be added; double-click to edit; drag a task onto another area."))
        legend.setTextFormat(Qt.TextFormat.PlainText)
        result_layout.addWidget(legend)
        result_layout.addWidget(self.tree, 1)
        result_layout.addLayout(moves)
        result_layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(source)
        splitter.addWidget(result)
        splitter.setSizes([260, 500])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(self.tr("Add to plan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setEnabled(False)
        self.buttons.accepted.connect(self.add_to_plan)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

    # --- reading ---------------------------------------------------------------

    def choose_file(self) -> None:
        chosen = choose_file_to_open(self, self.parent_.settings, self.tr("Open text file"),
                                     self.tr("Text files (*.txt);;All files (*)"))
        if chosen is not None:
            self.load_file(chosen)

    def load_file(self, path: Path) -> bool:
        from planner_gui.services import import_text

        try:
            self.text_edit.setPlainText(import_text.read_file(path))
        except PlannerError as exc:
            self._error(self.tr("Cannot read file"), str(exc))
            return False
        self.propose()
        return True

    def propose(self) -> None:
        from planner_gui.services import import_text

        year = self.year_box.value() if self.year_box.value() != self.year_box.minimum() else None
        open_year = self.document.outline.year
        preview = import_text.prepare(self.text_edit.toPlainText(), year=year, plan_year=open_year)
        self.proposal = preview.proposal
        if preview.other_year:
            self.proposal.warnings.append(
                self.tr("The text is for %s; the open plan is for %s.") % (self.proposal.plan.year, open_year))
        self._fill_tree()

    def _fill_tree(self) -> None:
        assert self.proposal is not None
        self.model.removeRows(0, self.model.rowCount())
        self.tasks = {}
        for area in self.proposal.plan.areas:
            self.model.appendRow(self._area_row(area.name, area.id))
            for task in area.tasks:
                self.model.item(self.model.rowCount() - 1).appendRow(self._task_row(task))
        self.tree.expandAll()
        self._refresh_areas()
        self._update_summary()

    def _row(self, kind: str, item_id: str, text: str, editable_columns: dict[int, str]) -> list[QStandardItem]:
        row = [QStandardItem("") for _ in range(7)]
        row[COL_ITEM].setText(text)
        row[COL_ITEM].setCheckable(True)
        row[COL_ITEM].setCheckState(Qt.CheckState.Checked)
        row[COL_ITEM].setData(kind, KIND)
        row[COL_ITEM].setData(item_id, ITEM_ID)
        for column, value in editable_columns.items():
            row[column].setText(value)
        for column, cell in enumerate(row):
            cell.setEditable(column == COL_ITEM or column in editable_columns)
            cell.setDragEnabled(kind == "task")
            cell.setDropEnabled(kind == "area" and column == COL_ITEM)
        assert self.proposal is not None
        notes = self.proposal.notes(item_id)
        if notes:
            row[COL_CHECK].setText(("? " if self.proposal.confidence(item_id) < SURE_ENOUGH else "") + notes[0])
            for cell in row:
                cell.setToolTip(_plain_tooltip("\n".join(notes)))
        if self.proposal.confidence(item_id) < SURE_ENOUGH:
            for cell in row:
                cell.setBackground(QBrush(GUESS_COLOUR))
                # Dark text on the light guess colour, also on a dark palette.
                cell.setForeground(QBrush(text_colour_for(GUESS_COLOUR)))
        return row

    def _area_row(self, name: str, area_id: str) -> list[QStandardItem]:
        return self._row("area", area_id, name, {})

    def _task_row(self, task: Task) -> list[QStandardItem]:
        self.tasks[task.id] = task
        row = self._row("task", task.id, task.title, {
            COL_DUE: task.due.isoformat() if task.due else "", COL_UNIT_LEAD: task.lead_unit,
        })
        for indicator in task.indicators:
            row[0].appendRow(self._row("indicator", indicator.id, indicator.name, {
                COL_COMPARATOR: indicator.comparator,
                COL_TARGET: "" if indicator.target is None else f"{indicator.target:g}",
                COL_UNIT: indicator.unit,
            }))
        for milestone in task.milestones:
            row[0].appendRow(self._row("milestone", milestone.id, milestone.title, {
                COL_DUE: milestone.due.isoformat() if milestone.due else "",
            }))
        for sub in task.subtasks:
            row[0].appendRow(self._task_row(sub))
        return row

    # --- correcting ------------------------------------------------------------

    def _refresh_areas(self) -> None:
        self.area_choice.clear()
        for row in range(self.model.rowCount()):
            self.area_choice.addItem(self.model.item(row).text(), row)

    def add_empty_area(self) -> None:
        if self.proposal is None:
            return
        area = Area(name=self.tr("New area"))
        self.model.appendRow(self._area_row(area.name, area.id))
        self._refresh_areas()
        self.area_choice.setCurrentIndex(self.model.rowCount() - 1)

    def move_selected(self) -> None:
        target_row = self.area_choice.currentData()
        if target_row is None:
            return
        self.move_tasks(self._selected_task_items(), target_row)

    def _selected_task_items(self) -> list[QStandardItem]:
        items = []
        for index in self.tree.selectionModel().selectedRows(COL_ITEM):
            item = self.model.itemFromIndex(index)
            if item is not None and item.data(KIND) == "task" and item.parent() is not None \
                    and item.parent().data(KIND) == "area":
                items.append(item)
        return items

    def move_tasks(self, items: list[QStandardItem], area_row: int) -> None:
        """Move top-level task rows under the area in ``area_row`` (at its end)."""
        target = self.model.item(area_row)
        for item in items:
            parent = item.parent()
            if parent is None or parent is target:
                continue
            target.appendRow(parent.takeRow(item.row()))
        self.tree.expandAll()
        self._update_summary()

    def _update_summary(self) -> None:
        assert self.proposal is not None
        plan = self.proposal.plan
        areas, tasks = self.model.rowCount(), sum(self.model.item(r).rowCount() for r in range(self.model.rowCount()))
        lines = [self.tr("%s: year %s, %s areas, %s tasks proposed.") % (plan.title, plan.year, areas, tasks)]
        lines += self.proposal.warnings
        self.summary.setText("\n".join(lines))
        self.add_button.setEnabled(tasks > 0 and not self.document.read_only)

    # --- adding ----------------------------------------------------------------

    def checked_plan(self) -> Plan:
        """The plan as ticked and edited in the tree; ValidationError names a wrong cell."""
        assert self.proposal is not None
        source = self.proposal.plan
        plan = Plan(title=source.title, year=source.year, declared_areas=source.declared_areas,
                    declared_tasks=source.declared_tasks, source=self.tr("imported from document text"))
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.checkState() != Qt.CheckState.Checked or not item.text().strip():
                continue
            area = Area(name=item.text().strip(), id=item.data(ITEM_ID))
            area.tasks = [t for t in (self._task_from(item.child(r), plan.year) for r in range(item.rowCount())) if t]
            if area.tasks:
                plan.areas.append(area)
        return plan

    def _cell(self, item: QStandardItem, column: int) -> str:
        parent = item.parent() or self.model.invisibleRootItem()
        cell = parent.child(item.row(), column)
        return cell.text().strip() if cell is not None else ""

    def _date(self, item: QStandardItem, year: int) -> date | None:
        text = self._cell(item, COL_DUE)
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        found = resolve_deadline(text, year)
        if found is None:
            raise ValidationError(item.text()[:30], self.tr("deadline %s is not a date") % repr(text))
        return found

    def _task_from(self, item: QStandardItem, year: int) -> Task | None:
        if item.checkState() != Qt.CheckState.Checked or item.data(KIND) != "task":
            return None
        original = self.tasks[item.data(ITEM_ID)]
        task = Task(
            title=item.text().strip() or original.title, description=original.description,
            source_text=original.source_text, leader=original.leader,
            lead_unit=self._cell(item, COL_UNIT_LEAD), co_units=list(original.co_units),
            deadline_text=original.deadline_text, due=self._date(item, year), id=original.id,
        )
        indicators = {i.id: i for i in original.indicators}
        milestones = {m.id: m for m in original.milestones}
        for r in range(item.rowCount()):
            child = item.child(r)
            if child.checkState() != Qt.CheckState.Checked:
                continue
            kind = child.data(KIND)
            if kind == "indicator":
                task.indicators.append(self._indicator_from(child, indicators[child.data(ITEM_ID)]))
            elif kind == "milestone":
                milestone = copy.copy(milestones[child.data(ITEM_ID)])
                milestone.title, milestone.due = child.text().strip() or milestone.title, self._date(child, year)
                task.milestones.append(milestone)
            elif kind == "task":
                sub = self._task_from(child, year)
                if sub is not None:
                    task.subtasks.append(sub)
        return task

    def _indicator_from(self, item: QStandardItem, original: Indicator) -> Indicator:
        indicator = copy.copy(original)
        indicator.name = item.text().strip() or original.name
        comparator = self._cell(item, COL_COMPARATOR)
        comparator = _WORD_COMPARATORS.get(comparator, comparator)
        if comparator not in COMPARATORS:
            raise ValidationError(indicator.name, self.tr("comparator must be one of %s") % ", ".join(COMPARATORS))
        target_text = self._cell(item, COL_TARGET)
        # intake loads only when used; the same reading as the text: 2万 with unit 个 is 2 万个,
        # and an absurd number is refused like a word
        from planner_gui.exchange.intake.indicators import target_and_unit

        target, unit = target_and_unit(target_text, self._cell(item, COL_UNIT)) if target_text else (None, "")
        if target_text and target is None:
            raise ValidationError(indicator.name, self.tr("target %s is not a number") % repr(target_text))
        indicator.comparator, indicator.target = comparator, target
        indicator.unit = unit if target_text else self._cell(item, COL_UNIT)
        return indicator

    def add_to_plan(self) -> bool:
        if self.document.read_only:
            self._error(self.tr("Read-only"), self.tr("The plan file is open read-only; nothing was added."))
            return False
        try:
            plan = self.checked_plan()
        except PlannerError as exc:
            self._error(self.tr("Check the proposal"), str(exc))
            return False
        if not plan.areas:
            self._error(self.tr("Nothing to add"), self.tr("No task is ticked."))
            return False
        from planner_gui.services import import_text

        try:
            # backed up first, so File > Restore from backup can take it back too
            result = import_text.apply(self.document.store, copy.deepcopy(plan))
        except (PlannerError, OSError, sqlite3.Error) as exc:
            self._error(self.tr("Import failed"), self.tr("Nothing was changed.\n%s") % exc)
            return False
        # the addition is made: its first redo only tells the views, so this is not refused
        self.document.push(ImportTextCommand(self.document, plan, result))
        self.accept()
        return True

    def _error(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


def open_dialog(document: PlanDocument, parent: DialogParent) -> bool:
    """Show the dialog; True when something was added to the plan."""
    if document.read_only:
        parent.show_error(translate("TextImport", "Read-only"), translate("TextImport", "The plan file is open read-only."))
        return False
    dialog = TextImportDialog(document, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
