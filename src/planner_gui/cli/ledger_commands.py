"""Subcommands for Excel ledgers and report forms: export-xlsx, import-xlsx, export-forms."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from planner_gui.cli.options import add_as_of, add_db, db_path, output_file, output_folder
from planner_gui.cli.words import CliApplication, fill

translate = CliApplication.translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export-xlsx", help=translate("CommandLine", "write the plan as an Excel ledger (台账)"))
    add_db(p)
    p.add_argument("--out", type=output_file(".xlsx"), required=True, metavar="FILE",
                   help=translate("CommandLine", "the .xlsx file to write (in a folder that exists)"))
    add_as_of(p)
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=translate("CommandLine", "language of the headings"))
    p.set_defaults(func=cmd_export_xlsx)

    p = sub.add_parser("import-xlsx", help=translate("CommandLine", "import or merge a ledger (.xlsx, .xls, .ods or .csv) or a "
                                               "filled report form"))
    add_db(p)
    p.add_argument("file", type=Path, help=translate("CommandLine", "the ledger, report form or CSV file"))
    p.add_argument("--dry-run", action="store_true", help=translate("CommandLine", "show what would change, change nothing"))
    p.add_argument("--accept-new-rows", action="store_true",
                   help=translate("CommandLine", "a report form's rows that a department added become new tasks "
                            "(without it they are only listed)"))
    p.add_argument("--json", action="store_true",
                   help=translate("CommandLine", "with --dry-run: print the resulting plan as planner-gui/1 JSON"))
    p.set_defaults(func=cmd_import_xlsx)

    p = sub.add_parser("export-forms", help=translate("CommandLine", "one report form workbook per unit or leader"))
    add_db(p)
    p.add_argument("--by", choices=("unit", "leader"), required=True, help=translate("CommandLine", "one form per lead unit or leader"))
    p.add_argument("--out", type=output_folder, required=True, metavar="DIR",
                   help=translate("CommandLine", "folder for the forms (made if new; the folder it is in must exist)"))
    add_as_of(p)
    p.set_defaults(func=cmd_export_forms)


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from planner_gui.services import export
    from planner_gui.store import PlanStore

    with PlanStore.open(db_path(args)) as store:
        plan = store.load_plan()
    written = export.export_ledger(plan, args.out, args.as_of, args.lang)
    # one row per task and sub-task: "rows", not a third count called "tasks"
    print(fill(translate("CommandLine", "wrote %1: %2 task rows"), written.path, written.task_rows))
    return 0


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from planner_gui.exchange import json_format
    from planner_gui.services import import_ledger
    from planner_gui.store import PlanStore

    path = db_path(args)
    store = PlanStore.open(path) if path.exists() else None
    try:
        preview = import_ledger.prepare(args.file, store, today=date.today(), accept_new_rows=args.accept_new_rows)
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
                print(translate("CommandLine", "dry run: nothing was changed"))
            return 0
        if args.json:
            json.dump(preview.summary_dict(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        applied = import_ledger.apply(path, store, preview)
    finally:
        if store is not None:
            store.close()
    if not args.json:
        for line in preview.describe():
            print(line)
        print(applied)
    return 0


def cmd_export_forms(args: argparse.Namespace) -> int:
    from planner_gui.services import export
    from planner_gui.store import PlanStore

    with PlanStore.open(db_path(args)) as store:
        plan = store.load_plan()
    written = export.export_forms(plan, args.by, args.out, args.as_of)
    for path in written:
        print(fill(translate("CommandLine", "wrote %1"), path))
    print(fill(translate("CommandLine", "%1 forms in %2"), len(written), args.out))
    return 0
