"""The task page: every field of a task, its figures as of the window's date,
its indicators and milestones, the update history and the form to add one.

Each field is written when committed (Enter, leaving it, choosing a value)
through an undoable command; a wrong value is refused, the field is marked and
the page says which field and why.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner_gui.domain.deadlines import implied_deadline_words
from planner_gui.domain.fields import TASK_FIELD, TASK_FIELDS, TaskField
from planner_gui.domain.model import Indicator, Milestone, PlanSettings, Task
from planner_gui.domain.progress import TaskFigures
from planner_gui.ui.commands import (
    AddIndicatorCommand,
    AddMilestoneCommand,
    DeleteIndicatorCommand,
    DeleteMilestoneCommand,
)
from planner_gui.ui.document import refused_words
from planner_gui.ui.editor.fields import (
    CommitCheckBox,
    CommitLineEdit,
    CommitNumberBox,
    CommitTextEdit,
    DateField,
    EditorContext,
    format_number,
    mark_invalid,
    message_label,
    set_widgets_read_only,
)
from planner_gui.ui.editor.figures import TaskFiguresBox
from planner_gui.ui.editor.history_view import HistoryView
from planner_gui.ui.editor.indicator_table import (
    COMPARATOR,
    ComparatorDelegate,
    IndicatorTableModel,
)
from planner_gui.ui.editor.milestone_table import MilestoneTableModel
from planner_gui.ui.editor.update_form import UpdateForm
from planner_gui.ui.i18n import document_language

translate = QCoreApplication.translate


# field -> label; also names the field in a refusal message
FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("TaskEditor", "Title"), "description": QT_TRANSLATE_NOOP("TaskEditor", "Description"), "leader": QT_TRANSLATE_NOOP("TaskEditor", "Leader"), "lead_unit": QT_TRANSLATE_NOOP("TaskEditor", "Lead unit"),
    "co_units": QT_TRANSLATE_NOOP("TaskEditor", "Co-units"), "start": QT_TRANSLATE_NOOP("TaskEditor", "Start"), "due": QT_TRANSLATE_NOOP("TaskEditor", "Due"), "deadline_text": QT_TRANSLATE_NOOP("TaskEditor", "Deadline in words"),
    "source": QT_TRANSLATE_NOOP("TaskEditor", "Source"), "source_text": QT_TRANSLATE_NOOP("TaskEditor", "Source text"), "municipal": QT_TRANSLATE_NOOP("TaskEditor", "Municipal task"),
    "done_on": QT_TRANSLATE_NOOP("TaskEditor", "Done on"), "progress": QT_TRANSLATE_NOOP("TaskEditor", "Progress set directly"), "weight": QT_TRANSLATE_NOOP("TaskEditor", "Weight"),
}


def extra_fields() -> tuple[TaskField, ...]:
    """Declared fields this page has no widget of its own for: a row each, named by the
    declaration's words, with an editor for its kind (a field added to domain/fields.py
    shows here). Asked when a page is made, not at import, so a test can give others."""
    return tuple(f for f in TASK_FIELDS if f.editable and f.name not in FIELD_LABELS)


def extra_widget(field: TaskField, parent: QWidget) -> QWidget:
    """The editor for a declared field of this kind; each has ``committed`` and ``set_value``."""
    if field.kind == "date":
        return DateField(parent)
    if field.kind == "flag":
        return CommitCheckBox(field_label(field.name), parent)  # named beside it, as 市级任务 is
    if field.kind == "progress":  # empty: worked out from the updates, as the progress field
        return CommitNumberBox(parent, 0, 100, optional=True)
    if field.kind == "weight":
        return CommitNumberBox(parent, 0, 1e6)
    line = CommitLineEdit(parent)  # title, text, and units (split at 、 and commas when taken)
    if field.kind == "units":
        line.setPlaceholderText(translate("TaskEditor", "separate units with 、 or ,"))
    return line


def shown_value(field: TaskField, value: object) -> object:
    """A task's value as the field's editor shows it."""
    if field.kind == "units":
        return "、".join(value)  # type: ignore[arg-type]
    if field.kind in ("title", "text"):
        return value or ""
    return value


def field_label(field: str) -> str:
    if field in FIELD_LABELS:
        return translate("TaskEditor", FIELD_LABELS[field])
    declared = TASK_FIELD.get(field)
    return declared.label(document_language()) if declared is not None else field


def _table_view(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setMinimumHeight(110)
    return view


class TaskEditor(QWidget):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task: Task | None = None
        self.figures: TaskFigures | None = None
        self.read_only = False
        self.edit_buttons: list[QPushButton] = []
        self.extra_fields = extra_fields()
        outer = QVBoxLayout(self)
        self.title = CommitTextEdit(self, lines=2, grow=False, enter_commits=True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName(field_label("title"))
        self.message = message_label(self)
        self.figures_box = TaskFiguresBox(self)
        outer.addWidget(self.title)
        outer.addWidget(self.message)
        outer.addWidget(self.figures_box)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs, 1)
        self.tabs.addTab(self._fields_tab(), self.tr("Task"))
        self.tabs.addTab(self._tables_tab(), self.tr("Indicators and milestones"))
        self.tabs.addTab(self._progress_tab(), self.tr("Progress"))
        self._connect("title", self.title)

    # --- building -----------------------------------------------------------

    def _fields_tab(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        page = QWidget(scroll)
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.widgets: dict[str, QWidget] = {"title": self.title}
        for field in ("description",):
            self.widgets[field] = CommitTextEdit(page, lines=3)
        for field in ("leader", "lead_unit", "co_units", "deadline_text", "source", "progress", "weight"):
            self.widgets[field] = CommitLineEdit(page)
        for field in ("start", "due", "done_on"):
            self.widgets[field] = DateField(page)
        self.widgets["source_text"] = CommitTextEdit(page, lines=3)
        self.widgets["co_units"].setPlaceholderText(self.tr("separate units with 、 or ,"))
        self.widgets["progress"].setPlaceholderText(self.tr("empty: from updates, indicators and milestones"))
        self.municipal = QCheckBox(field_label("municipal"), page)
        self.municipal.toggled.connect(lambda on: self.commit("municipal", self.municipal, on))
        self.widgets["municipal"] = self.municipal
        # kept apart from the page's own widgets: a test may show a field twice
        self.extra_widgets = {f.name: extra_widget(f, page) for f in self.extra_fields}
        for name, widget in self.extra_widgets.items():
            self.widgets.setdefault(name, widget)
        rows: list[tuple[str, QWidget]] = [
            *((f, self.widgets[f]) for f in ("description", "leader", "lead_unit", "co_units", "start", "due",
                                              "deadline_text", "done_on", "progress", "weight")),
            *self.extra_widgets.items(),
            *((f, self.widgets[f]) for f in ("source", "source_text")),
        ]
        for field, widget in rows:
            form.addRow("" if isinstance(widget, QCheckBox) else field_label(field), widget)
            self._connect(field, widget)
        form.addRow("", self.municipal)
        # Tab follows the form from top to bottom, not the order the widgets were made in.
        chain = [widget for _, widget in rows] + [self.municipal]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        # The source text is the wording of the original document: guarded against stray edits.
        source_text = self.widgets["source_text"]
        assert isinstance(source_text, CommitTextEdit)
        source_text.setReadOnly(True)
        self.edit_source = QCheckBox(self.tr("Allow editing the source text"), page)
        self.edit_source.toggled.connect(lambda on: source_text.setReadOnly(not on))
        form.addRow("", self.edit_source)
        scroll.setWidget(page)
        return scroll

    def _tables_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.indicators = IndicatorTableModel(self.context, self)
        self.indicator_view = _table_view(page)
        self.indicator_view.setModel(self.indicators)
        self.indicator_view.setItemDelegateForColumn(COMPARATOR, ComparatorDelegate(self.indicator_view))
        self.indicators.refused.connect(self.show_refusal)
        layout.addWidget(self.indicator_view, 1)
        layout.addLayout(self._buttons(self.tr("Add indicator"), self.add_indicator,
                                       self.tr("Delete indicator"), self.delete_indicator))
        self.milestones = MilestoneTableModel(self.context, self)
        self.milestone_view = _table_view(page)
        self.milestone_view.setModel(self.milestones)
        self.milestones.refused.connect(self.show_refusal)
        layout.addWidget(self.milestone_view, 1)
        layout.addLayout(self._buttons(self.tr("Add milestone"), self.add_milestone,
                                       self.tr("Delete milestone"), self.delete_milestone))
        return page

    def _buttons(self, add_text: str, add, delete_text: str, delete) -> QHBoxLayout:  # noqa: ANN001
        row = QHBoxLayout()
        row.addStretch(1)
        for text, slot in ((add_text, add), (delete_text, delete)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.edit_buttons.append(button)
        return row

    def _progress_tab(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        page = QWidget(scroll)
        layout = QVBoxLayout(page)
        self.update_form = UpdateForm(self.context, page)
        # the form says why an update was refused on its own row (update_form.message)
        self.update_form.added.connect(lambda _id: self.clear_refusal())
        self.history = HistoryView(page)
        self.history.setMinimumHeight(160)
        layout.addWidget(self.update_form)
        layout.addWidget(self.history, 1)
        scroll.setWidget(page)
        return scroll

    def _connect(self, field: str, widget: QWidget) -> None:
        if hasattr(widget, "committed"):
            widget.committed.connect(lambda value, f=field, w=widget: self.commit(f, w, value))
        if isinstance(widget, DateField):  # a typed text that is not a date
            widget.refused.connect(lambda reason, f=field, w=widget: self.refuse(f, w, reason))
            widget.restored.connect(lambda w=widget: self.accept_again(w))

    # --- showing --------------------------------------------------------------

    def show_task(self, task: Task, plan_year: int, settings: PlanSettings, as_of: date,
                  inherited: date | None = None) -> None:
        """``inherited``: the deadline the task's parent passes down (None at the top).
        The figures are the document's (the page works out none itself)."""
        if self.task is None or task.id != self.task.id:
            self.clear_refusal()
            for widget in (*self.widgets.values(), *self.extra_widgets.values()):
                mark_invalid(widget, False)
        self.task = task
        # with its sub-tasks: the light is never better than theirs, as in the tree
        self.figures = self.context.document.task_figures(task, plan_year, settings, inherited)
        self.figures_box.set_figures(self.figures, as_of.isoformat())
        values = {
            "title": task.title, "description": task.description, "leader": task.leader,
            "lead_unit": task.lead_unit, "co_units": "、".join(task.co_units), "start": task.start,
            "due": task.due, "deadline_text": task.deadline_text, "done_on": task.done_on,
            "progress": format_number(task.progress), "weight": format_number(task.weight),
            "source": task.source, "source_text": task.source_text,
        }
        shown = [(self.widgets[field], value) for field, value in values.items()]
        shown += [(self.extra_widgets[f.name], shown_value(f, getattr(task, f.name))) for f in self.extra_fields]
        for widget, value in shown:
            if widget.property("invalid"):
                continue  # keep the refused value in sight until the user corrects it
            widget.set_value(value)  # type: ignore[attr-defined]
        # no deadline of its own: the field shows the one it works to (年底（默认）)
        implied = (implied_deadline_words(self.figures.due, plan_year, document_language())
                   if self.figures.due is not None and self.figures.due_implied else "")
        self.widgets["due"].setPlaceholderText(implied or self.widgets["start"].placeholderText())
        dates = [self.widgets[f] for f in ("start", "due", "done_on")]
        dates += [w for w in self.extra_widgets.values() if isinstance(w, DateField)]
        for widget in dates:
            widget.default_page = task.due or date(plan_year, 1, 1)  # type: ignore[attr-defined]
        self.municipal.blockSignals(True)
        self.municipal.setChecked(task.municipal)
        self.municipal.blockSignals(False)
        if self.indicators.set_items(task.id, task.indicators):
            self.indicator_view.resizeColumnsToContents()
        if self.milestones.set_items(task.id, task.milestones):
            self.milestone_view.resizeColumnsToContents()
        self.history.set_updates(task.updates, task.indicators)
        self.update_form.set_task(task.id, task.indicators, self.figures.progress, as_of, plan_year)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        fields = [w for f, w in self.widgets.items() if f != "source_text"] + list(self.extra_widgets.values())
        set_widgets_read_only([*fields, self.edit_source, *self.edit_buttons], read_only)
        self.edit_source.setChecked(False)
        self.indicators.read_only = self.milestones.read_only = read_only
        self.update_form.setEnabled(not read_only)

    # --- editing --------------------------------------------------------------

    def commit(self, field: str, widget: QWidget, value: object) -> bool:
        if self.task is None:
            return False
        error = self.context.push_edit("task", self.task.id, {field: value},
                                       self.tr("Edit {0}").format(field_label(field)))
        if error is not None:
            mark_invalid(widget, True)
            self.show_refusal(error.field, refused_words(field_label(error.field), error))
            return False
        mark_invalid(widget, False)
        if hasattr(widget, "mark_saved"):
            widget.mark_saved()
        self.clear_refusal()
        return True

    def refuse(self, field: str, widget: QWidget, reason: str) -> None:
        mark_invalid(widget, True)
        self.show_refusal(field, f"{field_label(field)}: {reason}")

    def accept_again(self, widget: QWidget) -> None:
        mark_invalid(widget, False)
        self.clear_refusal()

    def show_refusal(self, field: str, message: str) -> None:
        self.message.setText(self.tr("Not saved — {0}").format(message))
        self.message.show()

    def clear_refusal(self) -> None:
        self.message.clear()
        self.message.hide()

    def _report(self, failure: str | None) -> None:
        if failure is not None:
            self.show_refusal("", failure)

    def _selected_row(self, view: QTableView) -> int | None:
        rows = view.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        current = view.currentIndex()
        return current.row() if current.isValid() else None

    def add_indicator(self) -> None:
        if self.task is None:
            return
        # From the file, not self.task: a second click may come before the page refreshes.
        names = {ind.name for ind in self.context.store.get_task(self.task.id).indicators}
        name, number = self.tr("New indicator"), 1
        while name in names:  # readings are keyed by name, so keep names distinct
            number += 1
            name = self.tr("New indicator {0}").format(number)
        ctx = self.context
        self._report(ctx.push(AddIndicatorCommand(ctx.store, ctx.report, self.task.id, Indicator(name=name))))

    def delete_indicator(self) -> None:
        row = self._selected_row(self.indicator_view)
        if row is None or row >= len(self.indicators.items):
            return
        ctx = self.context
        self._report(ctx.push(DeleteIndicatorCommand(ctx.store, ctx.report, self.indicators.items[row].id)))

    def add_milestone(self) -> None:
        if self.task is None:
            return
        ctx = self.context
        milestone = Milestone(title=self.tr("New milestone"))
        self._report(ctx.push(AddMilestoneCommand(ctx.store, ctx.report, self.task.id, milestone)))

    def delete_milestone(self) -> None:
        row = self._selected_row(self.milestone_view)
        if row is None or row >= len(self.milestones.items):
            return
        ctx = self.context
        self._report(ctx.push(DeleteMilestoneCommand(ctx.store, ctx.report, self.milestones.items[row].id)))

