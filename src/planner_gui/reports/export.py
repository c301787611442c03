"""One entry point for exporting a summary, shared by `planner-cli export-pdf` and
the window's Export summary dialog, so both make the same document."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planner_gui.domain.model import Plan
from planner_gui.reports.report_data import ProgressCallback, ReportData, Scope, build_report

HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class ExportRequest:
    as_of: date | None = None  # None: services.export fills in the plan's default as-of date
    lang: str = "zh"
    area: str | None = None
    leader: str | None = None
    unit: str | None = None
    task_ids: tuple[str, ...] | None = None
    charts: bool = True
    update_texts: bool = True
    letter: bool = False
    summary: bool = True
    timeline: bool = False  # one timeline page per area

    def scope(self) -> Scope:
        return Scope(area=self.area or None, leader=self.leader or None, unit=self.unit or None,
                     task_ids=self.task_ids)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int  # 0 for HTML
    task_rows: int


def is_html(path: Path | str) -> bool:
    return Path(path).suffix.lower() in HTML_SUFFIXES


def report_for(plan: Plan, request: ExportRequest,
               progress: ProgressCallback | None = None) -> ReportData:
    return build_report(plan, request.as_of, request.scope(), request.lang,
                        progress=progress, with_history=request.charts,
                        with_timeline=request.timeline and request.summary)


def export_report(plan: Plan, request: ExportRequest, path: Path | str,
                  progress: ProgressCallback | None = None) -> ExportResult:
    """Write the summary (and letter) of ``plan`` to ``path``: HTML for .html/.htm, else PDF."""
    path = Path(path)
    data = report_for(plan, request, lambda f, m: progress(f * 0.1, m) if progress else True)
    rows = sum(1 for _ in data.rows())
    if is_html(path):
        from planner_gui.reports.html_report import HtmlOptions, write_html

        write_html(data, path, HtmlOptions(charts=request.charts,
                                           update_texts=request.update_texts,
                                           summary=request.summary, letter=request.letter,
                                           timeline=request.timeline))
        return ExportResult(path, 0, rows)
    from planner_gui.reports.pdf_report import write_pdf
    from planner_gui.reports.summary_document import DocumentOptions

    pages = write_pdf(data, path, DocumentOptions(
        charts=request.charts, update_texts=request.update_texts,
        summary=request.summary, letter=request.letter, timeline=request.timeline), progress)
    return ExportResult(path, pages, rows)
