"""The plan page: title, year, declared against entered totals, source,
the plan settings (tolerances and reporting cycle) and the plan's roll-up."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner_gui.domain.errors import ValidationError
from planner_gui.domain.model import REPORTING_CYCLES, Plan, PlanSettings
from planner_gui.domain.progress import GroupFigures
from planner_gui.store.rows import convert_fields
from planner_gui.ui.commands import EditPlanCommand
from planner_gui.ui.document import refused_words
from planner_gui.ui.editor.fields import (
    CommitLineEdit,
    CommitTextEdit,
    EditorContext,
    mark_invalid,
    message_label,
    plain_label,
    set_widgets_read_only,
)
from planner_gui.ui.editor.figures import RollupBox

FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("PlanEditor", "Title"), "year": QT_TRANSLATE_NOOP("PlanEditor", "Year"), "declared_areas": QT_TRANSLATE_NOOP("PlanEditor", "Declared areas"), "declared_tasks": QT_TRANSLATE_NOOP("PlanEditor", "Declared tasks"),
    "source": QT_TRANSLATE_NOOP("PlanEditor", "Source"), "behind_tolerance": QT_TRANSLATE_NOOP("PlanEditor", "Behind by more than (points)"),
    "due_soon_days": QT_TRANSLATE_NOOP("PlanEditor", "Due soon within (days)"), "reporting_cycle": QT_TRANSLATE_NOOP("PlanEditor", "Reporting cycle"),
    "report_due_day": QT_TRANSLATE_NOOP("PlanEditor", "Reports due by day"),
    "judge_without_deadline": QT_TRANSLATE_NOOP("PlanEditor", "Tasks without a deadline are due by 31 December"),
}


def field_label(field: str) -> str:
    return QCoreApplication.translate("PlanEditor", FIELD_LABELS.get(field, field))


class CommitSpinBox(QSpinBox):
    committed = Signal(object)

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low, high)
        self._shown = 0
        self.editingFinished.connect(lambda: self.value() != self._shown and self.committed.emit(self.value()))

    def set_value(self, value: int) -> None:
        if not self.hasFocus():
            self._shown = value
            self.setValue(value)

    def mark_saved(self) -> None:
        self._shown = self.value()


class CommitDoubleSpinBox(QDoubleSpinBox):
    committed = Signal(object)

    def __init__(self, low: float, high: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low, high)
        self.setDecimals(1)
        self._shown = 0.0
        self.editingFinished.connect(lambda: self.value() != self._shown and self.committed.emit(self.value()))

    def set_value(self, value: float) -> None:
        if not self.hasFocus():
            self._shown = value
            self.setValue(value)

    def mark_saved(self) -> None:
        self._shown = self.value()


class PlanEditor(QWidget):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = PlanSettings()
        layout = QVBoxLayout(self)
        self.message = message_label(self)
        layout.addWidget(self.message)
        form = QFormLayout()
        self.widgets: dict[str, QWidget] = {
            "title": CommitTextEdit(self, lines=2, grow=False, enter_commits=True),
            "year": CommitSpinBox(1900, 2200, self),
            "declared_areas": CommitLineEdit(self),
            "declared_tasks": CommitLineEdit(self),
            "source": CommitTextEdit(self, lines=3, grow=False),
        }
        for field, widget in self.widgets.items():
            form.addRow(field_label(field), widget)
            widget.committed.connect(lambda value, f=field, w=widget: self.commit_field(f, w, value))
        self.entered = plain_label("", self)
        form.addRow(self.tr("Entered"), self.entered)
        layout.addLayout(form)

        settings_box = QGroupBox(self.tr("Status rules and reporting"), self)
        settings_form = QFormLayout(settings_box)
        self.cycle = QComboBox(settings_box)
        cycle_names = {"monthly": self.tr("Monthly"), "quarterly": self.tr("Quarterly")}
        for cycle in REPORTING_CYCLES:
            self.cycle.addItem(cycle_names.get(cycle, cycle.capitalize()), cycle)
        self.setting_widgets: dict[str, QWidget] = {
            "behind_tolerance": CommitDoubleSpinBox(0, 100, settings_box),
            "due_soon_days": CommitSpinBox(0, 366, settings_box),
            "reporting_cycle": self.cycle,
            "report_due_day": CommitSpinBox(1, 31, settings_box),
        }
        # off: tasks without a deadline (own or parent's) are not judged ("no deadline", grey)
        self.judge_without_deadline = QCheckBox(field_label("judge_without_deadline"), settings_box)
        self.judge_without_deadline.setObjectName("judgeWithoutDeadline")
        self.judge_without_deadline.clicked.connect(
            lambda checked: self.commit_setting("judge_without_deadline", self.judge_without_deadline, checked))
        for field, widget in self.setting_widgets.items():
            settings_form.addRow(field_label(field), widget)
            if field != "reporting_cycle":
                widget.committed.connect(lambda value, f=field, w=widget: self.commit_setting(f, w, value))
        self.cycle.activated.connect(lambda _i: self.commit_setting("reporting_cycle", self.cycle,
                                                                    self.cycle.currentData()))
        settings_form.addRow(self.judge_without_deadline)
        layout.addWidget(settings_box)

        rollup_box = QGroupBox(self.tr("Roll-up"), self)
        rollup_layout = QVBoxLayout(rollup_box)
        self.as_of_label = plain_label("", rollup_box)
        self.rollup = RollupBox(rollup_box)
        rollup_layout.addWidget(self.as_of_label)
        rollup_layout.addWidget(self.rollup)
        layout.addWidget(rollup_box)
        layout.addStretch(1)

    def show_plan(self, plan: Plan, figures: GroupFigures, as_of: date) -> None:
        self.settings = plan.settings
        values = {
            "title": plan.title, "year": plan.year, "source": plan.source,
            "declared_areas": "" if plan.declared_areas is None else str(plan.declared_areas),
            "declared_tasks": "" if plan.declared_tasks is None else str(plan.declared_tasks),
        }
        for field, value in values.items():
            if not self.widgets[field].property("invalid"):  # a refused value stays in sight
                self.widgets[field].set_value(value)
        self.entered.setText(self.entered_text(plan))
        self.setting_widgets["behind_tolerance"].set_value(plan.settings.behind_tolerance)
        self.setting_widgets["due_soon_days"].set_value(plan.settings.due_soon_days)
        self.setting_widgets["report_due_day"].set_value(plan.settings.report_due_day)
        self.cycle.setCurrentIndex(max(0, self.cycle.findData(plan.settings.reporting_cycle)))
        self.judge_without_deadline.setChecked(plan.settings.judge_without_deadline)
        self.as_of_label.setText(self.tr("As of {0}").format(as_of.isoformat()))
        self.rollup.set_figures(figures)

    def set_read_only(self, read_only: bool) -> None:
        set_widgets_read_only([*self.widgets.values(), *self.setting_widgets.values(),
                               self.judge_without_deadline], read_only)

    def entered_text(self, plan: Plan) -> str:
        """Entered totals beside the declared ones: the difference is shown, not hidden."""
        areas = len(plan.areas)
        tasks = sum(len(area.tasks) for area in plan.areas)
        work_items = sum(1 for task in plan.walk_tasks() if not task.subtasks)
        # tasks are compared with the declared tasks (top level, like with like)
        text = self.tr("{0} areas, {1} tasks, {2} work items").format(areas, tasks, work_items)
        gaps = []
        if plan.declared_areas is not None and plan.declared_areas != areas:
            gaps.append(self.tr("{0} areas not entered").format(plan.declared_areas - areas)
                        if plan.declared_areas > areas else self.tr("{0} areas more than declared")
                        .format(areas - plan.declared_areas))
        if plan.declared_tasks is not None and plan.declared_tasks != tasks:
            gaps.append(self.tr("{0} tasks not entered").format(plan.declared_tasks - tasks)
                        if plan.declared_tasks > tasks else self.tr("{0} tasks more than declared")
                        .format(tasks - plan.declared_tasks))
        return text + ("; " + "; ".join(gaps) if gaps else "")

    def commit_field(self, field: str, widget: QWidget, value: object) -> bool:
        try:
            convert_fields("plan", {field: value})
        except ValidationError as error:
            return self._refuse(widget, error)
        ctx = self.context
        failure = ctx.push(EditPlanCommand(ctx.store, ctx.report, self.tr("Edit {0}").format(field_label(field)),
                                           fields={field: value}))
        if failure is not None:
            return self._refuse(widget, ValidationError(field, failure))
        return self._accept(widget)

    def commit_setting(self, field: str, widget: QWidget, value: object) -> bool:
        values = {name: getattr(self.settings, name) for name in PlanSettings.__dataclass_fields__}
        if values[field] == value:
            return True
        values[field] = value
        try:
            settings = PlanSettings(**values)
        except ValidationError as error:
            return self._refuse(widget, error)
        ctx = self.context
        failure = ctx.push(EditPlanCommand(ctx.store, ctx.report, self.tr("Edit {0}").format(field_label(field)),
                                           settings=settings))
        if failure is not None:
            return self._refuse(widget, ValidationError(field, failure))
        self.settings = settings
        return self._accept(widget)

    def _refuse(self, widget: QWidget, error: ValidationError) -> bool:
        mark_invalid(widget, True)
        self.message.setText(self.tr("Not saved — {0}").format(refused_words(field_label(error.field), error)))
        self.message.show()
        return False

    def _accept(self, widget: QWidget) -> bool:
        mark_invalid(widget, False)
        if hasattr(widget, "mark_saved"):
            widget.mark_saved()
        self.message.hide()
        return True
