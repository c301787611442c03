"""The lines and markers of a task's chart, made once and given new data.

Selecting a task redrew its chart by clearing the plot and making every
line, marker set, legend label and the as-of line anew: 12-14 ms of each
click at 10,000 tasks, a quarter of the time to select a task. These items
stay in the plot while task follows task; only their data, colours and the
legend's entries change. While an area's or the plan's chart is shown they
are hidden, and shown again with the next task's data.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import NamedTuple

import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import (
    MAX_REGULAR_TIMESTAMP,
    MIN_REGULAR_TIMESTAMP,
    MONTH_SPACING,
    YEAR_MONTH_ZOOM_LEVEL,
    YEAR_SPACING,
    TickSpec,
    ZoomLevel,
    makeYStepper,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner_gui.ui.chart_series import Points

Colour = QColor | str


def _xs(points: Points) -> list[float]:
    return [x for x, _ in points]


def _ys(points: Points) -> list[float]:
    return [y for _, y in points]


def _quarter_starts(value: float, steps: int, first: bool) -> float:
    """pyqtgraph's stepper contract: the first 1 January, April, July or October
    (UTC) at or after ``value`` if ``first``, else ``steps`` quarters on."""
    if not MIN_REGULAR_TIMESTAMP <= value <= MAX_REGULAR_TIMESTAMP:
        return math.inf
    day = datetime.fromtimestamp(value, timezone.utc)
    month = day.year * 12 + day.month - 1  # months since year 0, January = 0
    if first:
        on_a_month_start = (day.day, day.hour, day.minute, day.second, day.microsecond) == (1, 0, 0, 0, 0)
        month += -month % 3 or (0 if on_a_month_start else 3)
    else:
        month += 3 * steps
    return datetime(month // 12, month % 12 + 1, 1, tzinfo=timezone.utc).timestamp()


# What a narrow chart labels instead of every month: the first month of each quarter.
_QUARTERS = ZoomLevel([TickSpec(YEAR_SPACING, makeYStepper(1), "%Y", autoSkip=[1, 5, 10, 25]),
                       TickSpec(3 * MONTH_SPACING, _quarter_starts, "%b")], "YYYY")
_MONTH_LABEL_PX = 40  # room a month's label needs ("Sep" and the gap to the next)


class PlanDateAxis(pg.DateAxisItem):
    """Dates along the bottom, in UTC like chart_series.timestamp. When the chart
    is too narrow to name every month of a year (its default width in a 1,300
    px window is about 260 px), pyqtgraph left all months unnamed; this names
    every third month then."""

    def __init__(self) -> None:
        super().__init__(utcOffset=0)

    def setZoomLevelForDensity(self, density: float) -> None:  # noqa: N802 - pyqtgraph API
        super().setZoomLevelForDensity(density)
        if self.zoomLevel is YEAR_MONTH_ZOOM_LEVEL and MONTH_SPACING / density < _MONTH_LABEL_PX:
            self.zoomLevel = _QUARTERS
            self.zoomLevel.utcOffset = self.utcOffset


def plain_axes(plot: pg.PlotWidget) -> None:
    """Axes without pyqtgraph's SI prefixes ("x1e6", "k"), which mean nothing to
    the offices' units (个, 亿元, %) and re-laid out each axis label (HTML) at
    every change of range: six of them at every click on a task."""
    for name in ("left", "bottom", "right", "top"):  # the hidden ones follow the range too
        plot.getAxis(name).enableAutoSIPrefix(False)


class TaskItems:
    """planned line and dots, actual line, update dots, milestones, the as-of line."""

    def __init__(self, plot: pg.PlotWidget, tip: Callable[[float, float, object], str],
                 text_colour: QColor) -> None:
        self.plot = plot
        self.legend = plot.addLegend(offset=(-10, -10), labelTextColor=text_colour)
        self.planned = pg.PlotDataItem()
        self.planned_dots = pg.ScatterPlotItem(hoverable=True, tip=tip)
        self.actual = pg.PlotDataItem()
        self.update_dots = pg.ScatterPlotItem(hoverable=True, tip=tip)
        self.milestones = pg.ScatterPlotItem(hoverable=True, tip=tip)
        self.as_of = pg.InfiniteLine(angle=90, label="", labelOpts={"position": 0.95})
        self._items = (self.planned, self.planned_dots, self.actual, self.update_dots, self.milestones, self.as_of)
        for item in self._items:
            plot.addItem(item)
        self._legend_entries: list[tuple[object, str]] = []
        self._as_of_drawn: tuple | None = None

    def set_visible(self, shown: bool) -> None:
        """Hidden while an area's or the plan's chart is shown (and kept for the next task)."""
        for item in self._items:
            item.setVisible(shown)
        self.legend.setVisible(shown)

    def set_line(self, item: pg.PlotDataItem, points: Points, colour: Colour, *,
                 dashed: bool = False, width: int = 2) -> None:
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        # A lone point (no update yet) needs a symbol to be seen at all.
        symbol = "o" if len(points) == 1 else None
        item.setData(_xs(points), _ys(points), pen=pg.mkPen(colour, width=width, style=style),
                     symbol=symbol, symbolBrush=colour)

    @staticmethod
    def set_dots(item: pg.ScatterPlotItem, points: Points, notes: Sequence[str],
                 colour: Colour | list[Colour], symbol: str, size: int, outline: QColor) -> None:
        brush = [pg.mkBrush(c) for c in colour] if isinstance(colour, list) else pg.mkBrush(colour)
        item.setData(x=_xs(points), y=_ys(points), data=list(notes), symbol=symbol, size=size,
                     brush=brush, pen=pg.mkPen(outline))

    def set_as_of(self, x: float, text: str, colour: QColor) -> None:
        drawn = (x, text, colour.rgba())
        if drawn == self._as_of_drawn:
            return  # the same date as for the last task: its label is not laid out again
        self._as_of_drawn = drawn
        self.as_of.setValue(x)
        self.as_of.setPen(pg.mkPen(colour, width=1, style=Qt.PenStyle.DotLine))
        self.as_of.label.setFormat(text)
        self.as_of.label.setColor(colour)

    def set_legend(self, entries: list[tuple[object, str]], text_colour: QColor) -> None:
        """The legend's labels, in order; rebuilt only when they change (a new
        label costs a millisecond or two of pyqtgraph's text layout)."""
        if entries == self._legend_entries:
            return
        self.legend.clear()
        self.legend.setLabelTextColor(text_colour)
        for item, label in entries:
            self.legend.addItem(item, label)
        self._legend_entries = list(entries)


class IndicatorLine(NamedTuple):
    legend: str  # escaped: legend labels are HTML
    colour: str
    readings: Points
    notes: list[str]
    target: float | None


def indicator_y_range(lines: list[IndicatorLine], legend_share: float = 0.0) -> tuple[float, float]:
    """From 0 (or the lowest value below it) to a tenth above the highest reading
    or target, or more to keep the top ``legend_share`` of the plot's height
    empty for the legend. Ranged to the data, a lone reading sat on the bottom edge
    under the legend, and a target alone spanned 400-1600 around itself."""
    values = [y for line in lines for _, y in line.readings]
    values += [line.target for line in lines if line.target is not None]
    low = min([0.0, *values])
    high = max([low + 1.0, *values])
    # the tenth above is part of the legend's band when the legend needs more
    band = min(max(legend_share, 0.0), MAX_LEGEND_SHARE)
    return low, max(high + (high - low) * 0.1, low + (high - low) / (1.0 - band))


MAX_LEGEND_SHARE = 0.5  # of the plot's height: the readings keep the other half at least
_LEGEND_OFFSET = (10, 5)  # px from the plot's top left corner


class IndicatorItems:
    """A task's indicator plot: per indicator a readings line, its dots and a
    target line, kept in a pool and given new data at each task; with a note
    when the task has no indicators, so the plot (and the progress plot above
    it) keep their place from one task to the next.

    The legend sits at the top left, in a band above the highest reading and
    target kept free for it (as tall as the legend, whatever the plot's
    height): at the bottom right it covered a reading late in the year, and
    any reading near the bottom."""

    def __init__(self, plot: pg.PlotWidget, tip: Callable[[float, float, object], str],
                 text_colour: QColor) -> None:
        self.plot, self.tip = plot, tip
        self.legend = plot.addLegend(offset=_LEGEND_OFFSET, labelTextColor=text_colour)
        # pyqtgraph's margins made a row 44 px tall (its text 26): the band above the
        # readings is that much higher, out of a plot of 100-200 px
        self.legend.layout.setContentsMargins(2, 0, 2, 0)
        self._lines: list[IndicatorLine] = []
        plot.getViewBox().sigResized.connect(self._fit_y)
        self.as_of = pg.InfiniteLine(angle=90)
        self.note = pg.TextItem(anchor=(0.5, 0.5))
        plot.addItem(self.as_of)
        plot.addItem(self.note)
        self.pool: list[tuple[pg.PlotDataItem, pg.ScatterPlotItem, pg.PlotDataItem]] = []
        self._label: str | None = None
        self._legend_entries: list[tuple[object, str]] = []
        self._as_of_drawn: tuple | None = None
        self._note_drawn: tuple | None = None

    def show(self, lines: list[IndicatorLine], label: str, x_range: tuple[float, float],
             as_of_x: float, text_colour: QColor, no_indicators: str) -> None:
        while len(self.pool) < len(lines):
            made = (pg.PlotDataItem(), pg.ScatterPlotItem(hoverable=True, tip=self.tip), pg.PlotDataItem())
            for item in made:
                self.plot.addItem(item)
            self.pool.append(made)
        first, last = x_range
        for number, (readings, dots, target) in enumerate(self.pool):
            line = lines[number] if number < len(lines) else None
            for item in (readings, dots, target):
                item.setVisible(line is not None)
            if line is None:
                continue
            readings.setData(_xs(line.readings), _ys(line.readings), pen=pg.mkPen(line.colour, width=2))
            TaskItems.set_dots(dots, line.readings, line.notes, line.colour, "o", 7, text_colour)
            if line.target is None:
                target.setVisible(False)
            else:
                target.setData([first, last], [line.target] * 2,
                               pen=pg.mkPen(line.colour, width=1, style=Qt.PenStyle.DashLine))
        entries = [(self.pool[n][0], line.legend) for n, line in enumerate(lines) if line.readings]
        if entries != self._legend_entries:
            self.legend.clear()
            self.legend.setLabelTextColor(text_colour)
            for item, name in entries:
                self.legend.addItem(item, name)
            self._legend_entries = entries
        if label != self._label:
            self.plot.setLabel("left", label)
            self._label = label
        self.plot.setXRange(first, last, padding=0.02)
        # what stays the same from task to task is not set again: each setter
        # makes pyqtgraph lay out or repaint its item
        drawn = (as_of_x, text_colour.rgba())
        if drawn != self._as_of_drawn:
            self.as_of.setValue(as_of_x)
            self.as_of.setPen(pg.mkPen(text_colour, width=1))
            self._as_of_drawn = drawn
        self.note.setVisible(not lines)
        self._lines = lines
        if lines:
            self._fit_y()
        else:
            self.plot.setYRange(0, 100)
            note = (no_indicators, text_colour.rgba(), (first + last) / 2)
            if note != self._note_drawn:
                self.note.setText(no_indicators, color=text_colour)
                self.note.setPos((first + last) / 2, 50)
                self._note_drawn = note

    def _fit_y(self) -> None:
        """The readings' range with the legend's band above them, for the plot's height now."""
        if not self._lines:
            return
        height = self.plot.getViewBox().height()
        legend = self.legend.boundingRect().height() if self._legend_entries else 0.0
        share = (legend + 2 * _LEGEND_OFFSET[1]) / height if legend and height > 0 else 0.0
        self.plot.setYRange(*indicator_y_range(self._lines, share), padding=0)
