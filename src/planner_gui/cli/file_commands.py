"""Subcommands on plan files as files: backup, backups, restore, check."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner_gui.cli.options import add_db, db_path, output_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="copy the plan file now (SQLite backup API)")
    add_db(p)
    p.add_argument("--out", type=output_file(), default=None, metavar="FILE",
                   help="write the copy here, in a folder that exists (default: the plan's backup folder)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="list the plan file's backups, newest first")
    add_db(p)
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="put a backup back (the current content is backed up first)")
    add_db(p)
    p.add_argument("backup", type=Path, metavar="BACKUP", help="a backup file (see 'planner-cli backups')")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help="check a plan file's integrity without changing it")
    add_db(p)
    p.add_argument("--full", action="store_true",
                   help="the full check (every index and reference), not just the quick one")
    p.set_defaults(func=cmd_check)


def cmd_backup(args: argparse.Namespace) -> int:
    from planner_gui.domain.errors import BadFileError
    from planner_gui.store import PlanStore, backups
    from planner_gui.store.connection import backup_copy

    path = db_path(args)
    if args.out is not None and args.out.resolve() == path.resolve():
        raise BadFileError(args.out, "is the plan file itself; choose another file for the copy")
    with PlanStore.open(path) as store:
        if args.out is None:
            target = backups.backup_before(store, "manual").path
        else:
            target = backup_copy(store.db.conn, args.out)
    print(f"backed up {path} to {target}")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from planner_gui.store import backups

    path = db_path(args)
    found = backups.list_backups(path)
    if not found:
        print(f"no backups of {path} yet (folder {backups.backup_folder(path)})")
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
    print(f"restored {args.backup} into {path}: {counts['area']} areas, {counts['task']} tasks; "
          f"the previous content is saved in {safety.path}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from planner_gui.domain.errors import PlannerError
    from planner_gui.store.connection import check_file

    path = db_path(args)
    problems = check_file(path, full=args.full)
    if problems:
        detail = "; ".join(problems[:3]) + (f" (and {len(problems) - 3} more)" if len(problems) > 3 else "")
        raise PlannerError(f"{path}: damaged ({detail}); restore a backup with 'planner-cli restore'")
    print(f"{path}: ok ({'full' if args.full else 'quick'} check)")
    return 0
