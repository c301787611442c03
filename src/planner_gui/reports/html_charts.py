"""The two summary charts as inline SVG for the HTML report (vector, no files).

Labels are user text (area names) and are escaped like everything else.
"""

from __future__ import annotations

from datetime import date
from html import escape

from planner_gui.domain.progress import STATUS_COLOURS, STATUS_ORDER, Status, status_word
from planner_gui.reports.labels import label

WIDTH = 600


def light_bars_svg(areas: list[tuple[str, dict[Status, int]]], lang: str) -> str:
    row, top, label_width = 20, 24, 210
    height = top + row * max(1, len(areas)) + 8
    most = max([sum(c.values()) for _, c in areas] + [1])
    bar_width = WIDTH - label_width - 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" font-size="11" role="img">']
    x = 0
    shown = [s for s in STATUS_ORDER if any(c.get(s) for _, c in areas)]
    for status in shown:
        word = escape(status_word(status, lang))
        parts.append(f'<rect x="{x}" y="4" width="10" height="10" fill="{STATUS_COLOURS[status]}"/>'
                     f'<text x="{x + 14}" y="13">{word}</text>')
        x += 24 + 12 * len(word)
    for index, (name, counts) in enumerate(areas):
        y = top + index * row
        short = name if len(name) <= 16 else name[:15] + "…"
        parts.append(f'<text x="{label_width - 6}" y="{y + 12}" text-anchor="end">'
                     f"<title>{escape(name)}</title>{escape(short)}</text>")
        x = float(label_width)
        for status in STATUS_ORDER:
            count = counts.get(status, 0)
            if count:
                width = bar_width * count / most
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="14" '
                             f'fill="{STATUS_COLOURS[status]}"/>')
                x += width
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 12}">{sum(counts.values())}</text>')
    parts.append("</svg>\n")
    return "".join(parts)


def history_svg(history: list[tuple[date, float | None, float]], lang: str, year: int) -> str:
    height, left, top, bottom = 200, 40, 24, 20
    plot_w, plot_h = WIDTH - left - 10, height - top - bottom

    def xy(day: date, value: float) -> str:
        x = left + plot_w * (day.timetuple().tm_yday - 1) / 365
        return f"{x:.1f},{top + plot_h * (1 - max(0.0, min(100.0, value)) / 100):.1f}"

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" font-size="10" role="img">',
             f'<line x1="0" y1="9" x2="16" y2="9" stroke="#1d4ed8" stroke-width="2"/>'
             f'<text x="20" y="13">{escape(label(lang, "actual"))}</text>'
             f'<line x1="100" y1="9" x2="116" y2="9" stroke="#9ca3af" stroke-width="2" '
             f'stroke-dasharray="4 3"/><text x="120" y="13">{escape(label(lang, "planned"))}</text>']
    for pct in range(0, 101, 25):
        y = top + plot_h * (1 - pct / 100)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
                     f'stroke="{"#6b7280" if pct == 0 else "#e5e7eb"}"/>'
                     f'<text x="{left - 4}" y="{y + 3:.1f}" text-anchor="end">{pct}%</text>')
    for month in range(1, 13):
        x = left + plot_w * (date(year, month, 15).timetuple().tm_yday - 1) / 365
        word = f"{month}月" if lang == "zh" else str(month)
        parts.append(f'<text x="{x:.1f}" y="{height - 5}" text-anchor="middle">{word}</text>')
    points = [p for p in history if p[0].year == year]
    planned = " ".join(xy(d, p) for d, p, _ in points if p is not None)
    actual = " ".join(xy(d, a) for d, _, a in points)
    if planned:
        parts.append(f'<polyline points="{planned}" fill="none" stroke="#9ca3af" '
                     f'stroke-width="1.6" stroke-dasharray="4 3"/>')
    if actual:
        parts.append(f'<polyline points="{actual}" fill="none" stroke="#1d4ed8" stroke-width="1.6"/>')
    parts.append("</svg>\n")
    return "".join(parts)
