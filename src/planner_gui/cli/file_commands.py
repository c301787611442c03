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
    from planner_gui.services import backups
    from planner_gui.store import PlanStore

    path = db_path(args)
    with PlanStore.open(path) as store:
        try:
            target = backups.back_up(store, args.out)
        except backups.PlanFileAsCopyError:
            raise BadFileError(args.out, translate("CommandLine", "is the plan file itself; choose another file for the copy")) from None
    print(fill(translate("CommandLine", "backed up %1 to %2"), path, target))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from planner_gui.services import backups

    path = db_path(args)
    found = backups.list_backups(path)
    if not found:
        print(fill(translate("CommandLine", "no backups of %1 yet (folder %2)"), path, backups.backup_folder(path)))
        return 0
    for backup in found:
        print(f"{backup.describe()}  {backup.path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from planner_gui.services import backups
    from planner_gui.store import PlanStore

    path = db_path(args)
    with PlanStore.open(path) as store:
        restored = backups.restore(store, args.backup)
    print(fill(translate("CommandLine", "restored %1 into %2: %3 areas, %4 tasks; the previous content is saved in %5"),
               restored.restored, path, restored.areas, restored.tasks, restored.safety))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from planner_gui.domain.errors import PlannerError
    from planner_gui.services import backups

    path = db_path(args)
    problems = backups.check(path, full=args.full)
    if problems:
        detail = "; ".join(problems[:3]) + (f" (and {len(problems) - 3} more)" if len(problems) > 3 else "")
        raise PlannerError(fill(translate("CommandLine", "%1: damaged (%2); restore a backup with 'planner-cli restore'"),
                                path, detail))
    print(fill(translate("CommandLine", "%1: ok (full check)") if args.full else translate("CommandLine", "%1: ok (quick check)"), path))
    return 0
