"""The summary (and letter) as one self-contained HTML file with print styles.

For people who paste into a word processor. Written to the file piece by
piece (rows are streamed, no single huge string). Every user string goes
through html.escape; nothing remote is referenced (styles inline, charts as
inline SVG, no fonts or images fetched), so the file works offline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TextIO

from planner_gui.domain.dates import format_date_words
from planner_gui.domain.progress import STATUS_COLOURS, STATUS_ORDER, Status, status_word
from planner_gui.domain.rounding import format_progress
from planner_gui.domain.timeline import group_by_unit, zoom_span
from planner_gui.replacing import replacing
from planner_gui.reports.labels import label, section_number, sub_number
from planner_gui.reports.report_data import ReportData, TaskRow, attention_problems, letter_rows

CSS = """
@page { size: A4 portrait; margin: 26mm 20mm 22mm 30mm; }
body { font-family: "Planner Sans SC", "Noto Sans CJK SC", "Source Han Sans SC",
       "Microsoft YaHei", "PingFang SC", SimSun, sans-serif;
       font-size: 10.5pt; color: #111827; max-width: 290mm; margin: 0 auto; padding: 0 8pt; line-height: 1.5; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4pt; }
.subtitle { font-size: 14pt; text-align: center; margin: 0 0 4pt; }
.meta { font-size: 9pt; color: #4b5563; text-align: center; margin-bottom: 10pt; }
h2 { font-size: 14pt; margin: 14pt 0 6pt; page-break-after: avoid; break-after: avoid; }
h3 { font-size: 12pt; margin: 10pt 0 4pt; page-break-after: avoid; break-after: avoid; }
h2 + table, h3 + table, h3 + svg { break-before: avoid; }
.muted { color: #4b5563; font-size: 9pt; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9pt; }
th, td { border: 0.6pt solid #9ca3af; padding: 3pt 4pt; vertical-align: top; }
th { background: #eef1f5; font-weight: bold; text-align: center; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
td.c { text-align: center; }
td.parent { font-weight: bold; }
.light { font-weight: bold; }
.count { font-size: 16pt; font-weight: bold; text-align: center; }
.item { margin: 6pt 0 0; }
.indent { margin: 0 0 0 14pt; }
.letter, h2.timeline { page-break-before: always; }
.sign { border: none; margin-top: 24pt; font-size: 11pt; }
.sign td { border: none; padding: 6pt 0; width: 50%; }
svg { display: block; margin: 4pt auto; max-width: 100%; }
@media print { body { max-width: none; } }
"""


@dataclass
class HtmlOptions:
    charts: bool = True
    update_texts: bool = True
    summary: bool = True
    letter: bool = False
    timeline: bool = False  # one timeline per area (ReportData.timelines)


def _e(value: object) -> str:
    return escape(str(value), quote=True)


class _HtmlWriter:
    def __init__(self, data: ReportData, options: HtmlOptions) -> None:
        self.data = data
        self.lang = data.lang
        self.options = options
        self.colon = "：" if self.lang == "zh" else ": "

    def t(self, key: str, *args: object) -> str:
        return _e(label(self.lang, key, *args))

    def light(self, status) -> str:
        return (f'<span class="light" style="color:{STATUS_COLOURS[status]}">'
                f"{_e(status_word(status, self.lang))}</span>")

    def document(self) -> Iterator[str]:
        d = self.data
        yield (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if self.lang == "zh" else "en"}">\n<head>\n'
               f'<meta charset="utf-8">\n<title>{_e(d.title)}</title>\n'
               f'<style>{CSS}</style>\n</head>\n<body>\n')
        if self.options.summary:
            yield from self.summary()
        if self.options.letter:
            yield from self.letter()
        yield "</body>\n</html>\n"

    def header(self, subtitle_key: str) -> Iterator[str]:
        d = self.data
        yield f"<h1>{_e(d.title)}</h1>\n<p class=\"subtitle\">{self.t(subtitle_key)}</p>\n"
        yield (f'<p class="meta">{self.t("as_of")}{self.colon}'
               f"{_e(format_date_words(d.as_of, self.lang))} &#160; "
               f'{self.t("generated")}{self.colon}{_e(format_date_words(d.generated, self.lang))}'
               f' &#160; {self.t("scope")}{self.colon}{_e(d.scope.describe(self.lang, d.leaf_count))}</p>\n')

    def summary(self) -> Iterator[str]:
        d = self.data
        yield from self.header("summary")
        yield f"<h2>{section_number(1, self.lang)}{self.t('overview')}</h2>\n<table><thead><tr>"
        yield "".join(f"<th>{self.light(s)}</th>" for s in STATUS_ORDER) + "</tr></thead><tbody><tr>"
        yield "".join(f'<td class="count" style="color:{STATUS_COLOURS[s]}">{d.counts[s]}</td>'
                      for s in STATUS_ORDER) + "</tr></tbody></table>\n"
        declared = (self.t("declared_counts", d.declared_areas or "—", d.declared_tasks or "—")
                    if d.declared_areas or d.declared_tasks else self.t("not_declared"))
        yield (f"<p>{self.t('overall_progress')}{self.colon}<b>{format_progress(d.progress)}</b>；"
               f"{self.t('leaf_tasks')}{self.colon}<b>{self.t('items', d.leaf_count)}</b>；"
               f"{self.t('not_reported')}{self.colon}<b>{self.t('items', d.not_reported)}</b><br>"
               f"{self.t('declared')}{self.colon}<b>{declared}</b>；{self.t('entered')}{self.colon}"
               f"<b>{self.t('entered_counts', d.entered_areas, d.entered_tasks)}</b></p>\n")
        if self.options.charts and d.areas:
            from planner_gui.reports.html_charts import history_svg, light_bars_svg

            yield f'<h3 style="text-align:center">{self.t("chart_lights")}</h3>\n'
            yield light_bars_svg([(s.name, s.counts) for s in d.areas], self.lang)
            if d.history:
                yield f'<h3 style="text-align:center">{self.t("chart_history")}</h3>\n'
                yield history_svg(d.history, self.lang, d.year)
        yield f"<h2>{section_number(2, self.lang)}{self.t('by_area')}</h2>\n"
        if not d.areas:
            yield f"<p>{self.t('no_tasks')}</p>\n"
        for index, section in enumerate(d.areas, start=1):
            yield f"<h3>{sub_number(2, index, self.lang)}{_e(section.name)}</h3>\n"
            count = label(self.lang, "items", sum(section.counts.values()))
            figures = self.t("area_progress", format_progress(section.progress), count)
            yield f'<p class="muted">{figures}</p>\n'
            yield from self.table(section.rows)
        yield from self.attention()
        yield from self.upcoming()
        yield from self.highlights()
        if self.options.timeline:
            yield from self.timelines()

    def table(self, rows: list[TaskRow]) -> Iterator[str]:
        keys = ["col_no", "col_task", "col_leader", "col_unit", "col_deadline", "col_progress",
                "col_status"] + (["col_latest"] if self.options.update_texts else [])
        yield "<table><thead><tr>" + "".join(f"<th>{self.t(k)}</th>" for k in keys)
        yield "</tr></thead><tbody>\n"
        for row in rows:
            parent = ' class="parent"' if row.depth == 0 and not row.is_leaf else ""
            indent = f' style="padding-left:{4 + 12 * row.depth}pt"' if row.depth else ""
            cells = [f'<td class="c">{_e(row.number)}</td>',
                     f"<td{parent}{indent}>{_e(row.title)}"
                     + "".join(f'<br><span class="muted">{_e(d)}</span>' for d in row.details) + "</td>",
                     f'<td class="c">{_e(row.leader)}</td>', f'<td class="c">{_e(row.lead_unit)}</td>',
                     f'<td class="c">{_e(row.deadline)}</td>', f'<td class="c">{format_progress(row.progress)}</td>',
                     f'<td class="c">{self.light(row.status)}</td>']
            if self.options.update_texts:
                latest = ""
                if row.latest_date is not None:
                    latest = (f'<span class="muted">{_e(format_date_words(row.latest_date, self.lang))}'
                              f"</span> {_e(row.latest_text)}")
                cells.append(f"<td>{latest}</td>")
            yield "<tr>" + "".join(cells) + "</tr>\n"
        yield "</tbody></table>\n"

    def attention(self) -> Iterator[str]:
        items = self.data.attention
        yield f"<h2>{section_number(3, self.lang)}{self.t('attention')}</h2>\n"
        if not items:
            yield f"<p>{self.t('attention_none')}</p>\n"
        for index, (area, row) in enumerate(items, start=1):
            yield (f'<p class="item">{index}. {self.light(row.status)} <b>{_e(row.title)}</b> '
                   f'<span class="muted">（{_e(area)}；{_e(row.leader or "—")}；'
                   f'{_e(row.deadline or "—")}；{format_progress(row.progress)}）</span></p>\n')
            problems = attention_problems(row, self.lang)
            if problems:  # an empty one said "(no problems given)" under every item
                yield f'<p class="indent">{self.t("problems")}{self.colon}{_e(problems)}</p>\n'
            if self.options.update_texts and row.next_steps:
                yield f'<p class="indent">{self.t("next_steps")}{self.colon}{_e(row.next_steps)}</p>\n'

    def upcoming(self) -> Iterator[str]:
        d = self.data
        yield f"<h2>{section_number(4, self.lang)}{self.t('upcoming')}</h2>\n"
        if not d.upcoming and not d.older_missed:
            yield f"<p>{self.t('upcoming_none', d.due_soon_days)}</p>\n"
            return
        yield f'<p class="muted">{self.t("upcoming_intro", d.due_soon_days)}</p>\n'
        red = STATUS_COLOURS[Status.RED]
        for unit, items in group_by_unit(d.upcoming, d.older_missed):
            missed = sum(1 for item in items if item.missed)
            older = d.older_missed.get(unit, 0)
            yield (f'<p class="item"><b>{_e(unit or label(self.lang, "no_unit"))}</b>'
                   f'<span class="muted">{self.t("upcoming_counts", len(items) - missed, missed)}'
                   f'{self.t("upcoming_older", older) if older else ""}</span></p>\n')
            for item in items:
                word = self.t("upcoming_missed" if item.missed else "upcoming_due")
                what = _e(item.milestone) if item.milestone else self.t("upcoming_deadline")
                style = f' style="color:{red}"' if item.missed else ""
                yield (f'<p class="indent">{_e(format_date_words(item.day, self.lang))} '
                       f"<b{style}>【{word}】</b>{_e(item.task_title)} "
                       f'<span class="muted">{what}</span></p>\n')

    def timelines(self) -> Iterator[str]:
        d = self.data
        if not d.timelines:
            return
        from planner_gui.reports.html_timeline import timeline_svg

        span = zoom_span("year", d.year, d.as_of)
        yield f'<h2 class="timeline">{section_number(6, self.lang)}{self.t("timeline")}</h2>\n'
        for index, (name, bars) in enumerate(d.timelines, start=1):
            yield f"<h3>{sub_number(6, index, self.lang)}{_e(name)}</h3>\n"
            yield timeline_svg(bars, span, d.as_of, self.lang)
        yield f'<p class="muted">{self.t("timeline_legend")}</p>\n'

    def highlights(self) -> Iterator[str]:
        items = self.data.highlights
        yield f"<h2>{section_number(5, self.lang)}{self.t('highlights')}</h2>\n"
        if not items:
            yield f"<p>{self.t('highlights_none')}</p>\n"
        for index, item in enumerate(items, start=1):
            yield (f'<p class="item">{index}. <b>{_e(item.task_title)}</b> <span class="muted">'
                   f"（{_e(format_date_words(item.day, self.lang))}）</span></p>\n")
            if self.options.update_texts and item.text:
                yield f'<p class="indent">{_e(item.text)}</p>\n'

    def letter(self) -> Iterator[str]:
        d = self.data
        leader = d.scope.leader or ""
        yield f'<section class="{"letter" if self.options.summary else ""}">\n'
        yield f"<h1>{_e(d.title)}</h1>\n<p class=\"subtitle\"><b>{self.t('letter_title')}</b></p>\n"
        if leader:
            yield f"<p><b>{self.t('letter_leader', leader)}</b></p>\n"
        yield f"<p>{self.t('letter_intro', d.title, leader or d.scope.describe(self.lang, d.leaf_count))}</p>\n"
        yield f"<h3>{self.t('letter_tasks')}</h3>\n<table><thead><tr>"
        yield "".join(f"<th>{self.t(k)}</th>" for k in
                      ("col_no", "col_task", "col_targets", "col_unit", "col_deadline"))
        yield "</tr></thead><tbody>\n"
        for row in letter_rows(d):
            targets = "<br>".join(_e(t) for t in row.targets) or "—"
            yield (f'<tr><td class="c">{_e(row.number)}</td><td>{_e(row.title)}</td>'
                   f'<td>{targets}</td><td class="c">{_e(row.lead_unit)}</td>'
                   f'<td class="c">{_e(row.deadline or "—")}</td></tr>\n')
        yield "</tbody></table>\n"
        line = "＿" * 10 if self.lang == "zh" else "_" * 24
        yield (f'<table class="sign"><tr><td>{self.t("sign_leader")}<br><br>{line}</td>'
               f'<td>{self.t("sign_office")}<br><br>{line}</td></tr>'
               f'<tr><td>{self.t("sign_date")}</td><td>{self.t("sign_date")}</td></tr></table>\n')
        yield "</section>\n"


def write_html_to(stream: TextIO, data: ReportData, options: HtmlOptions | None = None) -> None:
    for piece in _HtmlWriter(data, options or HtmlOptions()).document():
        stream.write(piece)


def write_html(data: ReportData, path: Path | str, options: HtmlOptions | None = None) -> None:
    """Write the HTML file; like the PDF, via a temporary file moved into place."""
    with replacing(Path(path)) as partial, open(partial, "w", encoding="utf-8", newline="\n") as stream:
        write_html_to(stream, data, options)
