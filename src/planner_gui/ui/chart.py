"""Progress charts (pyqtgraph).

For a task: actual progress over time (a step line) against the planned
progress (序时进度) with milestone markers and the as-of date marked, and,
when the task has indicators, their readings against the target in a second
small plot. For an area or the plan: the roll-up over time and the tasks per
light as of the date.

Every figure comes from planner_gui.domain.progress; the chart only samples
those functions at chosen dates (chart_series.py). The roll-up over time
evaluates a whole plan per date, so it is computed lazily — only once the chart
is visible, at most MAX_SAMPLES dates, on a background thread that the chart
polls — and never blocks the window.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from planner_gui.domain.deadlines import task_deadline
from planner_gui.domain.model import Plan, Task
from planner_gui.domain.progress import (
    STATUS_COLOURS,
    STATUS_ORDER,
    Status,
    indicator_history,
    planned_progress,
    task_progress,
    task_start,
)
from planner_gui.domain.rollup import area_progress_series, plan_progress_series
from planner_gui.ui.chart_items import (
    IndicatorItems,
    IndicatorLine,
    PlanDateAxis,
    TaskItems,
    plain_axes,
)
from planner_gui.ui.chart_series import (
    Points,
    RollupSampler,
    actual_points,
    day_of,
    planned_points,
    sample_dates,
    timestamp,
)
from planner_gui.ui.editor.fields import OneLineLabel, plain_tip, status_text

MAIN_MIN_HEIGHT = 160  # px: the progress plot, 0-100 with its legend
LOWER_MIN_HEIGHT = 120  # px: the indicator or lights plot under it

# One colour per indicator line, readable on light and dark backgrounds.
INDICATOR_COLOURS = ("#0ea5e9", "#a855f7", "#f97316", "#14b8a6", "#e11d48", "#84cc16")


class ChartPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = OneLineLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(self.heading)
        self.main = pg.PlotWidget(self, axisItems={"bottom": PlanDateAxis()})
        # Below it, one of two plots: a task's indicators over time, or an area's
        # tasks per light. Each keeps its own axes: one plot switching between a
        # date axis and a light axis made every click from an area to a task lay
        # it out anew.
        self.indicator_plot = pg.PlotWidget(self, axisItems={"bottom": PlanDateAxis()})
        self.lights_plot = pg.PlotWidget(self)
        layout.addWidget(self.main, 3)
        for plot in (self.main, self.indicator_plot, self.lights_plot):
            plain_axes(plot)
        # legible at the least: an axis label, a few ticks and a legend row each
        self.main.setMinimumHeight(MAIN_MIN_HEIGHT)
        for plot in (self.indicator_plot, self.lights_plot):
            plot.setMinimumHeight(LOWER_MIN_HEIGHT)
            layout.addWidget(plot, 2)
            plot.hide()
        self._series: dict[str, Points] = {}
        self._counts: dict[str, int] = {}
        self._job: Callable[[], None] | None = None
        self._sampler: RollupSampler | None = None
        # what an area's or the plan's chart added: taken away when a task is shown
        self._group_items: list[tuple[pg.PlotWidget, pg.GraphicsObject]] = []
        self._rollup_items: list[pg.GraphicsObject] = []
        self._bars_drawn = False
        # what a task's drawing was made from (_task_picture): redrawing the same
        # picture cost 30-40 ms of pyqtgraph work after every edit of its task
        self._drawn_picture: tuple | None = None
        self._task_items: TaskItems | None = None  # kept while task follows task
        self._indicator_items: IndicatorItems | None = None
        self._x_range = (0.0, 1.0)  # a task's dates (seconds), for both plots
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(60)
        self._poll_timer.timeout.connect(self._poll)
        app = QCoreApplication.instance()
        if app is not None:
            # Let a running roll-up finish its date and stop, rather than die mid-way at exit.
            app.aboutToQuit.connect(self._stop_sampler)
        self._apply_palette()

    # --- the contract -----------------------------------------------------

    def show_task(self, plan: Plan, task_id: str, as_of: date, task: Task | None = None) -> None:
        """``task``: the task itself when the caller has it (saves a search of the plan)."""
        if task is None or task.id != task_id:
            task = plan.find_task(task_id)
        if task is None:
            self.clear()
            return
        picture = self._task_picture(plan, task, as_of)
        if picture == self._drawn_picture and self._job is None and self._sampler is None:
            return  # the same drawing is on screen already (e.g. after the leader was edited)
        self._request(lambda: self._draw_task(picture), for_task=True)

    def show_area(self, plan: Plan, area_id: str, as_of: date, counts: dict[Status, int]) -> None:
        """``counts``: the area's tasks by status as of ``as_of`` (the document's figures)."""
        area = next((a for a in plan.areas if a.id == area_id), None)
        if area is None:
            self.clear()
            return
        progress_on = _rollup(lambda days: area_progress_series(area, days), plan.year, as_of)
        self._request(lambda: self._draw_group(area.name, plan.year, as_of, progress_on, lambda: counts))

    def show_plan(self, plan: Plan, as_of: date, counts: dict[Status, int]) -> None:
        """``counts``: the plan's tasks by status as of ``as_of`` (the document's figures)."""
        progress_on = _rollup(lambda days: plan_progress_series(plan, days), plan.year, as_of)
        self._request(lambda: self._draw_group(plan.title, plan.year, as_of, progress_on, lambda: counts))

    def clear(self) -> None:
        self._forget_drawing()
        self.heading.clear()
        self._hide_task_items()
        self._remove_group_items()

    def _hide_task_items(self) -> None:
        """A task's lines and markers stay in the plot, hidden, for the next task
        (making them again cost 10-15 ms of the first click on a task after an area)."""
        if self._task_items is not None:
            self._task_items.set_visible(False)
        self.indicator_plot.hide()

    def _remove_group_items(self) -> None:
        for plot, item in self._group_items:
            plot.removeItem(item)
        for item in self._rollup_items:
            self.main.removeItem(item)
        self._group_items, self._rollup_items = [], []
        self.lights_plot.hide()

    def show_message(self, text: str) -> None:
        """An empty chart with a note as its heading (while the plan is being read)."""
        self.clear()
        self.heading.setText(text)

    def _forget_drawing(self) -> None:
        self._job = None
        if self._sampler is not None:
            self._sampler.cancelled = True
        self._sampler = None
        self._poll_timer.stop()
        self._bars_drawn = False
        self._drawn_picture = None
        self._series, self._counts = {}, {}

    def _stop_sampler(self) -> None:
        if self._sampler is not None:
            self._sampler.cancelled = True
            self._sampler.wait(timeout=5.0)

    def series(self) -> dict[str, Points]:
        """name -> points (x = seconds since 1970 UTC); finishes pending work first."""
        self._finish()
        return {name: list(points) for name, points in self._series.items()}

    def light_counts(self) -> dict[str, int]:
        self._finish()
        return dict(self._counts)

    # --- laziness ------------------------------------------------------------

    def _request(self, job: Callable[[], None], for_task: bool = False) -> None:
        self._forget_drawing()
        self._remove_group_items()
        if not for_task:
            self._hide_task_items()
        self._job = job
        if self.isVisible():
            self._run_job()

    def _run_job(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job()

    def _finish(self) -> None:
        self._run_job()
        if self._sampler is not None:
            self._sampler.wait()
            self._poll()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._run_job()

    # --- a task --------------------------------------------------------------

    def _task_picture(self, plan: Plan, task: Task, as_of: date) -> tuple:
        """Everything a task's drawing shows (figures from the domain, colours,
        words): equal pictures draw the same chart."""
        updates = sorted((u for u in task.updates if u.date <= as_of), key=lambda u: u.date)
        # the deadline the task is judged by: its own, its parent's or the year end
        due = task_deadline(plan, task.id)[0] if task.due is None else task.due
        milestones = tuple((m.title, m.due, m.done_on, planned_progress(task, m.due, plan.year, due) or 0.0)
                           for m in task.milestones if m.due is not None)
        indicators = tuple((i.name, i.unit, i.target, tuple(indicator_history(task, i, as_of)))
                           for i in task.indicators)
        return (task.title, as_of, plan.year, task_start(task, plan.year), due,
                tuple((timestamp(d), v) for d, v in planned_points(task, plan.year, due)),
                tuple((timestamp(d), v) for d, v in actual_points(task, as_of)),
                tuple((timestamp(u.date), task_progress(task, u.date)) for u in updates),
                tuple(u.text.splitlines()[0][:80] if u.text else "" for u in updates),
                milestones, indicators, self._text_colour().rgba(), self._accent().rgba(),
                self.tr("Planned (序时进度)"), self.tr("Actual"))

    def _draw_task(self, picture: tuple) -> None:
        (title, as_of, plan_year, _, _, planned, actual, update_points, notes,
         milestones, indicators, *_) = picture
        self.heading.setText(title)
        text_colour, accent = self._text_colour(), self._accent()
        if self._task_items is None:
            self._task_items = TaskItems(self.main, self._tip, text_colour)
            # the same range and label as an area's chart, so set once
            self.main.setYRange(0, 100)
            self.main.setLabel("left", self.tr("Progress (%)"))
        items = self._task_items
        items.set_visible(True)
        planned, actual, update_points = list(planned), list(actual), list(update_points)
        planned_label, actual_label = self.tr("Planned (序时进度)"), self.tr("Actual")
        self._series.update(planned=planned, actual=actual, updates=update_points)
        items.set_line(items.planned, planned, text_colour, dashed=True)
        items.set_dots(items.planned_dots, planned, [planned_label] * len(planned), text_colour, "o", 5, text_colour)
        items.set_line(items.actual, actual, accent, width=3)
        items.set_dots(items.update_dots, update_points, notes, accent, "o", 8, text_colour)
        milestone_points = [(timestamp(due), level) for _, due, _, level in milestones]
        colours, milestone_notes = [], []
        for milestone_title, milestone_due, done_on, _ in milestones:
            done = done_on is not None and done_on <= as_of
            missed = not done and milestone_due <= as_of
            # done: green; due and not done (what turns the task yellow): red; still ahead: amber
            colours.append(STATUS_COLOURS[Status.GREEN if done else Status.RED if missed else Status.YELLOW])
            when = self.tr("done on {0}").format(done_on.isoformat()) if done else (
                self.tr("not done") if missed else self.tr("due"))
            milestone_notes.append(f"{milestone_title}\n{when}")
        self._series["milestones"] = milestone_points
        items.set_dots(items.milestones, milestone_points, milestone_notes, colours, "d", 13, text_colour)
        # The legend draws its sample from the item's single brush: an amber diamond.
        items.milestones.opts["brush"] = pg.mkBrush(STATUS_COLOURS[Status.YELLOW])
        x = timestamp(as_of)
        self._series["as_of"] = [(x, 0.0), (x, 100.0)]
        items.set_as_of(x, as_of.isoformat(), text_colour)
        legend = [(item, label) for item, points, label in (
            (items.planned, planned, planned_label), (items.actual, actual, actual_label),
            (items.milestones, milestone_points, self.tr("Milestones"))) if points]
        items.set_legend(legend, text_colour)
        # The whole plan year at least, the same for every task: tasks compare at
        # a glance, and the date axis keeps its drawing from one task to the next
        # (its tick labels took 4-5 ms of each click to lay out again).
        xs = [x for x, _ in (*planned, *actual, *update_points, *milestone_points)]
        self._x_range = (min(timestamp(date(plan_year, 1, 1)), x, *xs),
                         max(timestamp(date(plan_year, 12, 31)), x, *xs))
        self.main.setXRange(*self._x_range, padding=0.02)
        self._draw_indicators(indicators, as_of)
        self._drawn_picture = picture

    def _draw_indicators(self, indicators: tuple, as_of: date) -> None:
        """Readings against the target. Several indicators rarely share a scale
        (55 projects, 200 亿元): then each is drawn as a share of its own target,
        whose line is 100 for all; the hover text keeps the reading as reported."""
        text_colour = self._text_colour()
        if self._indicator_items is None:
            self._indicator_items = IndicatorItems(self.indicator_plot, self._tip, text_colour)
            self._apply_palette()
        relative = sum(1 for _, _, target, _ in indicators if target) > 1
        first, last = self._x_range
        lines = []
        for number, (indicator_name, indicator_unit, target, history) in enumerate(indicators):
            if relative and not target:
                continue  # no target to measure it against
            scale = 100.0 / target if relative and target else 1.0
            readings = [(timestamp(d), v * scale) for d, v in history]
            self._series[f"indicator:{indicator_name}"] = readings
            level = None if target is None else target * scale
            if level is not None:
                self._series[f"target:{indicator_name}"] = [(first, level), (last, level)]
            lines.append(IndicatorLine(
                legend=html.escape(indicator_name),  # legend labels are HTML: the user's name escaped
                colour=INDICATOR_COLOURS[number % len(INDICATOR_COLOURS)], readings=readings,
                notes=[f"{indicator_name}: {v:g}{indicator_unit}" for _, v in history], target=level))
        label = self.tr("Indicators (% of target)") if relative else self.tr("Indicators")
        self._indicator_items.show(lines, label, self._x_range, timestamp(as_of), text_colour,
                                   self.tr("No indicators for this task"))
        self._show_lower(self.indicator_plot)

    # --- an area or the plan ---------------------------------------------------

    def _draw_group(self, title: str, plan_year: int, as_of: date,
                    progress_on: Callable[[date], float], counts: Callable[[], dict]) -> None:
        self.heading.setText(title)
        self.main.setYRange(0, 100)
        self.main.enableAutoRange(axis="x")  # a task's chart fixed it to the task's dates
        self.main.setLabel("left", self.tr("Progress (%)"))
        self._as_of_line(as_of)
        self._series["rollup"] = []
        self._sampler = RollupSampler(progress_on, counts, sample_dates(plan_year, as_of))
        self._sampler.start()
        self._poll_timer.start()

    def _poll(self) -> None:
        """Draw what the sampler has finished: the lights first, then the line."""
        if self._sampler is None:
            self._poll_timer.stop()
            return
        points, counts, done = self._sampler.snapshot()
        if counts is not None and not self._bars_drawn:
            self._counts = {status.value: counts.get(status, 0) for status in STATUS_ORDER}
            self._draw_light_bars()
            self._bars_drawn = True
        if len(points) != len(self._series["rollup"]):
            self._series["rollup"] = points
            for item in self._rollup_items:
                self.main.removeItem(item)
            line = self.main.plot([x for x, _ in points], [y for _, y in points],
                                  pen=pg.mkPen(self._accent(), width=3))
            dots = self._scatter("rollup", points, [self.tr("Roll-up progress")] * len(points),
                                 self._accent(), "o", 7)
            self._rollup_items = [line, *([dots] if dots is not None else [])]
        if done:
            self._sampler = None
            self._poll_timer.stop()

    def _draw_light_bars(self) -> None:
        """One horizontal bar per light, its name on its own row: side by side under
        vertical bars, six English names did not fit a chart 270 px wide (they ran
        into each other and pyqtgraph dropped the sixth)."""
        statuses = list(STATUS_ORDER)
        counts = [self._counts[s.value] for s in statuses]
        rows = list(range(len(statuses)))[::-1]  # the first light at the top
        bars = pg.BarGraphItem(x0=[0] * len(statuses), y=rows, width=counts, height=0.7,
                               brushes=[pg.mkBrush(STATUS_COLOURS[s]) for s in statuses])
        plot = self.lights_plot
        plot.addItem(bars)
        self._group_items.append((plot, bars))
        plot.getAxis("left").setTicks([[(row, status_text(s)) for row, s in zip(rows, statuses, strict=True)]])
        plot.getAxis("bottom").setTicks(None)
        plot.setLabel("left", "")
        plot.setLabel("bottom", self.tr("Work items"))  # the counts per light are of work items
        plot.setXRange(0, max(counts + [1]) * 1.1)
        plot.setYRange(-0.5, len(statuses) - 0.5)
        self._show_lower(plot)

    # --- drawing helpers --------------------------------------------------------

    def _show_lower(self, plot: pg.PlotWidget) -> None:
        """Show the plot under the progress plot and lay the panel out now. Left to
        the posted layout request, a chart drawn as it was shown (its showEvent)
        was painted with the new plot at 100×30 over the heading and the progress
        plot still the full height (the 1366×768 screenshots of issue 22)."""
        if plot.isHidden():
            plot.show()
            self.layout().activate()

    def _scatter(self, name: str, points: Points, notes: list[str], colour: QColor | str | list[str], symbol: str,
                 size: int, *, legend: str | None = None, plot: pg.PlotWidget | None = None,
                 keep: bool = True) -> pg.ScatterPlotItem | None:
        if keep:
            self._series[name] = points
        if not points:
            return None
        item = pg.ScatterPlotItem(
            x=[x for x, _ in points], y=[y for _, y in points], data=notes, symbol=symbol, size=size,
            brush=[pg.mkBrush(c) for c in colour] if isinstance(colour, list) else pg.mkBrush(colour),
            pen=pg.mkPen(self._text_colour()), hoverable=True,
            tip=self._tip, name=legend,
        )
        if isinstance(colour, list):
            # The legend draws its sample from the item's single brush: an amber diamond.
            item.opts["brush"] = pg.mkBrush(STATUS_COLOURS[Status.YELLOW])
        (plot or self.main).addItem(item)
        return item

    @staticmethod
    def _tip(x: float, y: float, data: object) -> str:
        """Hover text: date, value and the note (user text, kept plain)."""
        lines = [f"{day_of(x).isoformat()}: {round(y, 2):g}"]
        if data:
            lines.append(str(data))
        return plain_tip("\n".join(lines))

    def _as_of_line(self, as_of: date) -> None:
        x = timestamp(as_of)
        self._series["as_of"] = [(x, 0.0), (x, 100.0)]
        line = pg.InfiniteLine(pos=x, angle=90, pen=pg.mkPen(self._text_colour(), width=1,
                                                               style=pg.QtCore.Qt.PenStyle.DotLine),
                               label=as_of.isoformat(), labelOpts={"position": 0.95, "color": self._text_colour()})
        self.main.addItem(line)
        self._group_items.append((self.main, line))

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def _accent(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Highlight)

    def _apply_palette(self) -> None:
        """Follow the window's palette, so the chart is legible on a dark theme."""
        background = self.palette().color(QPalette.ColorRole.Base)
        for widget in (self.main, self.indicator_plot, self.lights_plot):
            widget.setBackground(background)
            for side in ("left", "bottom"):
                axis = widget.getAxis(side)
                axis.setPen(self._text_colour())
                axis.setTextPen(self._text_colour())

    def changeEvent(self, event) -> None:  # noqa: ANN001
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._apply_palette()


def _rollup(series_of: Callable[[list[date]], list[float]], plan_year: int,
            as_of: date) -> Callable[[date], float]:
    """progress_on(day) for the sampler, worked out for all sample dates in one
    pass (domain/rollup.py, equal to evaluate_plan by test). One evaluate_plan
    per date took 0.15 s at 10,000 tasks, and the sampler's thread holding the
    GIL that long slowed the window's own work several times over: the first
    paint came 4.7 s after show() (BENCHMARKS.md)."""
    cache: dict[date, float] = {}

    def progress_on(day: date) -> float:
        if day not in cache:
            days = sample_dates(plan_year, as_of)
            cache.update(zip(days, series_of(days), strict=True))
            if day not in cache:
                cache[day] = series_of([day])[0]
        return cache[day]

    return progress_on
