"""Subcommands for Excel ledgers and report forms: export-xlsx, import-xlsx, export-forms."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from planner_gui.cli.options import add_as_of, add_db, db_path
from planner_gui.domain.dates import default_as_of
from planner_gui.store import PlanStore


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export-xlsx", help="write the plan as an Excel ledger (台账)")
    add_db(p)
    p.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
    add_as_of(p)
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the headings")
    p.set_defaults(func=cmd_export_xlsx)

    p = sub.add_parser("import-xlsx", help="import or merge a ledger (.xlsx, .xls, .ods or .csv) or a filled "
                                           "report form")
    add_db(p)
    p.add_argument("file", type=Path, help="the ledger, report form or CSV file")
    p.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    p.add_argument("--accept-new-rows", action="store_true",
                   help="a report form's rows that a department added become new tasks "
                        "(without it they are only listed)")
    p.add_argument("--json", action="store_true",
                   help="with --dry-run: print the resulting plan as planner-gui/1 JSON")
    p.set_defaults(func=cmd_import_xlsx)

    p = sub.add_parser("export-forms", help="one report form workbook per unit or leader")
    add_db(p)
    p.add_argument("--by", choices=("unit", "leader"), required=True, help="one form per lead unit or leader")
    p.add_argument("--out", type=Path, required=True, help="folder for the forms")
    add_as_of(p)
    p.set_defaults(func=cmd_export_forms)


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from planner_gui.exchange.ledger_export import export_ledger

    with PlanStore.open(db_path(args)) as store:
        plan = store.load_plan()
    out = export_ledger(plan, args.out, args.as_of or default_as_of(plan.year), args.lang)
    # one row per task and sub-task: "rows", not a third count called "tasks"
    print(f"wrote {out}: {sum(1 for _ in plan.walk_tasks())} task rows")
    return 0


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from planner_gui.exchange import json_format
    from planner_gui.exchange.ledger_import import apply_import, prepare_import

    path = db_path(args)
    store = PlanStore.open(path) if path.exists() else None
    try:
        preview = prepare_import(args.file, store, today=date.today(), accept_new_rows=args.accept_new_rows)
        if args.json:
            # the JSON goes to standard output; what the preview would list goes to standard error
            for line in preview.describe()[1:]:
                print(line, file=sys.stderr)
        if args.dry_run:
            if args.json:
                sys.stdout.write(json_format.dumps(preview.result))
            else:
                for line in preview.describe():
                    print(line)
                print("dry run: nothing was changed")
            return 0
        if args.json:
            json.dump(preview.summary_dict(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        applied = apply_import(path, store, preview)
    finally:
        if store is not None:
            store.close()
    if not args.json:
        for line in preview.describe():
            print(line)
        print(applied)
    return 0


def cmd_export_forms(args: argparse.Namespace) -> int:
    from planner_gui.exchange.report_forms import export_forms

    with PlanStore.open(db_path(args)) as store:
        plan = store.load_plan()
    written = export_forms(plan, args.by, args.out, args.as_of or default_as_of(plan.year))
    for path in written:
        print(f"wrote {path}")
    print(f"{len(written)} forms in {args.out}")
    return 0
