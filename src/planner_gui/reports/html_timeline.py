"""An area's timeline as inline SVG for the HTML summary (vector, no files):
the same rows as the PDF's timeline page (reports/timeline_paint.py), from
the same plain data (domain/timeline.py). Titles are user text and escaped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

from planner_gui.domain.progress import STATUS_COLOURS, Status
from planner_gui.domain.timeline import Bar, MarkState, Span, gridlines

WIDTH, LABEL_WIDTH, ROW, AXIS = 640, 220, 20, 32
UNKNOWN = "#9ca3af"


def timeline_svg(bars: Sequence[Bar], span: Span, as_of: date, lang: str) -> str:
    height = AXIS + ROW * len(bars) + 6
    left, right = LABEL_WIDTH, WIDTH - 4

    def x_of(day: date) -> float:
        return left + (right - left) * span.position(day)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" font-size="10" role="img">']
    bottom = AXIS + ROW * len(bars)
    for line in gridlines(span, lang):
        x = x_of(line.day)
        parts.append(f'<line x1="{x:.1f}" y1="2" x2="{x:.1f}" y2="{bottom}" '
                     f'stroke="{"#9ca3af" if line.quarter else "#e5e7eb"}" stroke-width="{1.2 if line.quarter else 0.6}"/>'
                     f'<text x="{x + 2:.1f}" y="{AXIS - 6}">{escape(line.label)}</text>')
        if line.quarter_label:
            parts.append(f'<text x="{x + 2:.1f}" y="{AXIS - 19}">{escape(line.quarter_label)}</text>')
    for index, bar in enumerate(bars):
        y = AXIS + index * ROW
        short = bar.title if len(bar.title) <= 18 else bar.title[:17] + "…"
        parts.append(f'<text x="2" y="{y + 14}"><title>{escape(bar.title)}</title>{escape(short)}</text>')
        colour = STATUS_COLOURS[bar.status] if bar.status is not None else UNKNOWN
        start = max(left, x_of(bar.start))
        end = min(right, x_of(bar.end + timedelta(days=1)))
        top, h = y + 4, ROW - 8
        if end > start:
            dash = ' stroke-dasharray="3,2"' if bar.open_end else ""
            parts.append(f'<rect x="{start:.1f}" y="{top}" width="{end - start:.1f}" height="{h}" '
                         f'fill="{colour}" fill-opacity="0.22" stroke="{colour}" stroke-width="0.8"{dash}/>')
            full_start, full_end = x_of(bar.start), x_of(bar.end + timedelta(days=1))
            fill_end = min(right, full_start + (full_end - full_start) * bar.progress / 100)
            if fill_end > start:
                parts.append(f'<rect x="{start:.1f}" y="{top}" width="{fill_end - start:.1f}" '
                             f'height="{h}" fill="{colour}"/>')
            if bar.planned is not None:
                x = full_start + (full_end - full_start) * bar.planned / 100
                if left <= x <= right:
                    parts.append(f'<line x1="{x:.1f}" y1="{top - 2}" x2="{x:.1f}" y2="{top + h + 2}" '
                                 f'stroke="#111827" stroke-width="1.6"/>')
        for mark in bar.milestones:
            x, cy, r = x_of(mark.day), top + h / 2, h * 0.6
            if not left - r <= x <= right + r:
                continue
            ink = (STATUS_COLOURS[Status.RED] if mark.state is MarkState.MISSED else
                   "#374151" if mark.state is MarkState.DONE else colour)
            fill = "white" if mark.state is MarkState.PENDING else ink
            parts.append(f'<polygon points="{x:.1f},{cy - r:.1f} {x + r:.1f},{cy:.1f} {x:.1f},{cy + r:.1f} '
                         f'{x - r:.1f},{cy:.1f}" fill="{fill}" stroke="{ink}" stroke-width="1.2">'
                         f"<title>{escape(mark.day.isoformat() + ' ' + mark.title)}</title></polygon>")
    if span.first <= as_of <= span.last:
        x = (x_of(as_of) + x_of(as_of + timedelta(days=1))) / 2
        parts.append(f'<line x1="{x:.1f}" y1="2" x2="{x:.1f}" y2="{bottom}" stroke="{STATUS_COLOURS[Status.RED]}" '
                     f'stroke-width="1.2" stroke-dasharray="4,3"/>')
    parts.append("</svg>\n")
    return "".join(parts)
