"""Subcommands on plan files as files: backup, backups, restore, check."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner_gui.cli.options import add_db, db_path, output_file
from planner_gui.cli.words import CliApplication, fill

translate = CliApplication.translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help=translate("CommandLine", "copy the plan file now (SQLite backup API)"))
    add_db(p)
    p.add_argument("--out", type=output_file(), default=None, metavar="FILE",
                   help=translate("CommandLine", "write the copy here, in a folder that exists (default: the plan's backup folder)"))
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help=translate("CommandLine", "list the plan file's backups, newest first"))
    add_db(p)
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help=translate("CommandLine", "put a backup back (the current content is backed up first)"))
    add_db(p)
    p.add_argument("backup", type=Path, metavar="BACKUP", help=translate("CommandLine", "a backup file (see 'planner-cli backups')"))
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help=translate("CommandLine", "check a plan file's integrity without changing it"))
    add_db(p)
    p.add_argument("--full", action="store_true",
                   help=translate("CommandLine", "the full check (every index and reference), not just the quick one"))
    p.set_defaults(func=cmd_check)


def cmd_backup(args: argparse.Namespace) -> int:
    from planner_gui.domain.errors import BadFileError
    from planner_gui.store import PlanStore, backups
    from planner_gui.store.connection import backup_copy

    path = db_path(args)
    if args.out is not None and args.out.resolve() == path.resolve():
        raise BadFileError(args.out, translate("CommandLine", "is the plan file itself; choose another file for the copy"))
    with PlanStore.open(path) as store:
        if args.out is None:
            target = backups.backup_before(store, "manual").path
        else:
            target = backup_copy(store.db.conn, args.out)
    print(fill(translate("CommandLine", "backed up %1 to %2"), path, target))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from planner_gui.store import backups

    path = db_path(args)
    found = backups.list_backups(path)
    if not found:
        print(fill(translate("CommandLine", "no backups of %1 yet (folder %2)"), path, backups.backup_folder(path)))
        return 0
    for backup in found:
        print(f"{backup.describe()}  {backup.path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from planner_gui.store import PlanStore, backups

    path = db_path(args)
    backups.check_backup(args.backup)  # refuse a bad backup before touching anything
    with PlanStore.open(path) as store:
        safety = backups.restore_backup(store, args.backup)
        counts = store.counts()
    print(fill(translate("CommandLine", "restored %1 into %2: %3 areas, %4 tasks; the previous content is saved in %5"),
               args.backup, path, counts["area"], counts["task"], safety.path))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from planner_gui.domain.errors import PlannerError
    from planner_gui.store.connection import check_file

    path = db_path(args)
    problems = check_file(path, full=args.full)
    if problems:
        detail = "; ".join(problems[:3]) + (f" (and {len(problems) - 3} more)" if len(problems) > 3 else "")
        raise PlannerError(fill(translate("CommandLine", "%1: damaged (%2); restore a backup with 'planner-cli restore'"),
                                path, detail))
    print(fill(translate("CommandLine", "%1: ok (full check)") if args.full else translate("CommandLine", "%1: ok (quick check)"), path))
    return 0
