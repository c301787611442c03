"""Exporting a plan: the printed summary (`planner-cli export-pdf`, File > Export summary…),
the Excel ledger (`planner-cli export-xlsx`, File > Export ledger…) and the report forms
(`planner-cli export-forms`, File > Export report forms…) are written by these, so the
default date and the refusals exist once. They take the plan (the command line reads it from
the file, the window has it open) and return what the caller prints or shows.

Nothing here changes the plan file, or takes a backup: an export has nothing to protect.
The writers (reports, exchange) are imported when used, so `planner-cli` starts fast.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planner_gui.domain.dates import default_as_of
from planner_gui.domain.model import Plan

if TYPE_CHECKING:
    from planner_gui.reports.export import ExportRequest, ExportResult
    from planner_gui.reports.report_data import ProgressCallback

SUMMARY_SUFFIXES = (".pdf", ".html", ".htm")


def summary_path(out: Path | str) -> Path:
    """Where the summary goes: ``out``, as a PDF unless it names a PDF or an HTML file."""
    out = Path(out)
    return out if out.suffix.lower() in SUMMARY_SUFFIXES else out.with_suffix(".pdf")


def export_pdf(plan: Plan, request: ExportRequest, out: Path | str,
               progress: ProgressCallback | None = None) -> ExportResult:
    """Write the summary (and the leader's letter) of ``plan``: HTML for .html/.htm, else a PDF
    (see :func:`summary_path`). A request without an as-of date is as of
    domain.dates.default_as_of. Returns the path written, its task rows and pages (0 for HTML);
    ReportCancelled when ``progress`` answers False."""
    from planner_gui.reports.export import export_report

    if request.as_of is None:
        request = dataclasses.replace(request, as_of=default_as_of(plan.year))
    return export_report(plan, request, summary_path(out), progress)


@dataclass(frozen=True)
class LedgerExport:
    path: Path
    task_rows: int  # one row per task and sub-task


def export_ledger(plan: Plan, out: Path | str, as_of: date | None = None, lang: str = "zh") -> LedgerExport:
    """Write ``plan`` as an Excel ledger (台账) to ``out``, its figures as of ``as_of``
    (None: domain.dates.default_as_of), headings in ``lang``."""
    from planner_gui.exchange.ledger_export import export_ledger as write_ledger

    path = write_ledger(plan, out, as_of or default_as_of(plan.year), lang)
    return LedgerExport(path, sum(1 for _ in plan.walk_tasks()))


FORMS_BY = ("unit", "leader")


def no_forms_reason(plan: Plan, by: str | None = None) -> str | None:
    """Why no report form can be made per ``by`` ("unit" or "leader"; None: per either), or
    None when there is someone to send one to."""
    from planner_gui.exchange.report_forms import no_forms_reason as reason_for

    if by is not None:
        return reason_for(plan, by)
    reasons = [reason_for(plan, each) for each in FORMS_BY]
    return None if None in reasons else reasons[0]


def export_forms(plan: Plan, by: str, folder: Path | str, as_of: date | None = None) -> list[Path]:
    """Write one report form workbook per lead unit (``by="unit"``) or leader (``"leader"``)
    into ``folder`` (made if new), as of ``as_of`` (None: domain.dates.default_as_of); returns
    the files written. PlannerError, before anything is made, when nobody has a form to fill."""
    from planner_gui.exchange.report_forms import export_forms as write_forms

    return write_forms(plan, by, folder, as_of or default_as_of(plan.year))
