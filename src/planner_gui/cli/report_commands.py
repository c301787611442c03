"""`planner-cli export-pdf`: the printed summary (PDF or HTML) and leaders' letters.

The report modules (Qt, fonts) are imported inside the command so that
`planner-cli --help` and the other commands start without loading them.
"""

from __future__ import annotations

import argparse

from planner_gui.cli.options import add_as_of, add_db, db_path, output_file
from planner_gui.cli.words import CliApplication, fill

translate = CliApplication.translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export-pdf",
        help=translate("CommandLine", "print-ready summary as PDF (or HTML with --out FILE.html)"),
        description=translate("CommandLine", "Write the summary for the leaders' review: A4 PDF with an embedded "
                        "Chinese font, or one self-contained HTML file when --out ends in .html. "
                        "With --leader the leader's target responsibility letter (目标责任书) follows."),
    )
    add_db(p)
    p.add_argument("--out", type=output_file(".pdf", ".html", ".htm"), required=True, metavar="FILE",
                   help=translate("CommandLine", "the file to write (.pdf, or .html / .htm for HTML), in a folder that exists"))
    add_as_of(p)
    p.add_argument("--area", default=None, metavar="NAME", help=translate("CommandLine", "only this area (方面)"))
    p.add_argument("--leader", default=None, metavar="NAME",
                   help=translate("CommandLine", "only this responsible leader's tasks, with the leader's letter"))
    p.add_argument("--unit", default=None, metavar="NAME", help=translate("CommandLine", "only this unit's tasks"))
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=translate("CommandLine", "report language (default zh)"))
    p.add_argument("--no-charts", action="store_true", help=translate("CommandLine", "leave out the charts"))
    p.add_argument("--no-update-texts", action="store_true",
                   help=translate("CommandLine", "leave out the progress texts (latest progress, highlights)"))
    p.add_argument("--timeline", action="store_true",
                   help=translate("CommandLine", "add one timeline page per area (each task's span, milestones and light)"))
    letter = p.add_mutually_exclusive_group()
    letter.add_argument("--letter-only", action="store_true",
                        help=translate("CommandLine", "with --leader: only the responsibility letter"))
    letter.add_argument("--no-letter", action="store_true",
                        help=translate("CommandLine", "with --leader: only the summary, no letter"))
    p.set_defaults(func=cmd_export_pdf)


def cmd_export_pdf(args: argparse.Namespace) -> int:
    from planner_gui.reports.export import ExportRequest
    from planner_gui.services import export
    from planner_gui.store import PlanStore

    if args.letter_only and not args.leader:
        raise SystemExit(_usage_error(translate("CommandLine", "--letter-only needs --leader NAME")))
    with PlanStore.open(db_path(args)) as store:
        plan = store.load_plan()
    request = ExportRequest(
        as_of=args.as_of, lang=args.lang, area=args.area, leader=args.leader,
        unit=args.unit, charts=not args.no_charts, update_texts=not args.no_update_texts,
        letter=bool(args.leader) and not args.no_letter, summary=not args.letter_only,
        timeline=args.timeline,
    )
    result = export.export_pdf(plan, request, args.out)
    if result.pages:
        print(fill(translate("CommandLine", "wrote %1: %2 task rows, %3 pages"), result.path, result.task_rows, result.pages))
    else:
        print(fill(translate("CommandLine", "wrote %1: %2 task rows"), result.path, result.task_rows))
    return 0


def _usage_error(message: str) -> int:
    import sys

    print(f"planner-cli: {message}", file=sys.stderr)
    return 2
